//! The HTML report: every unit is there, with the published numbers, and text is escaped.

#![cfg(feature = "html")]

use par_index::html::HtmlReport;
use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, Ranking, RankingOptions, RoundingPolicy,
    Scorecard, builtin, comparison::Comparison,
};

/// Ten wards with varied evidence; the last one is named with markup.
fn scorecards(framework: &Framework, period: &str, shift: u64) -> Vec<Scorecard> {
    let names = [
        ("minh-an", "Phường Minh An"),
        ("son-phong", "Phường Sơn Phong"),
        ("cam-pho", "Phường Cẩm Phô"),
        ("tan-an", "Phường Tân An"),
        ("thanh-ha", "Phường Thanh Hà"),
        ("cam-an", "Phường Cẩm An"),
        ("cua-dai", "Phường Cửa Đại"),
        ("cam-kim", "Xã Cẩm Kim"),
        ("cam-thanh", "Xã Cẩm Thanh"),
        ("x-<b>", "Tổ \"thử\" <script>alert('x')</script> & co"),
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, (unit, name))| {
            let i = i as u64;
            let mut assessment = Assessment::new(framework.id(), *unit, period.parse().unwrap());
            assessment.unit_name = (*name).to_owned();
            for leaf in framework.leaves() {
                let code = leaf.code().as_str();
                let q = (i * 7 + shift * 3 + code.len() as u64 * 11) % 30 + 70;
                let evidence = match code {
                    "1.1" | "2.3" | "3.3" | "4.1" | "5.1" | "6.2" | "7.2" | "7.3" => {
                        Evidence::Flag(q > 75)
                    }
                    "1.3" => Evidence::Count(q / 24),
                    "1.4" | "5.2" => Evidence::Count((100 - q) / 20),
                    "1.5" | "4.3" => Evidence::Points(rust_decimal::Decimal::ONE),
                    "2.2" => Evidence::rate(0, 0),
                    "3.1" if i == 7 => Evidence::NotApplicable,
                    "3.2" => Evidence::rate(q / 10, 10),
                    "3.4" => Evidence::rate(q / 10, 10),
                    "4.2" => Evidence::Value(((100 - q) / 20).into()),
                    "6.1" => Evidence::Percent(q.into()),
                    "8.1" | "8.2" | "8.3" => {
                        Evidence::SurveyMean(rust_decimal::Decimal::new((300 + q * 2) as i64, 2))
                    }
                    _ => Evidence::rate(q, 100),
                };
                assessment.push(Entry::new(leaf.code().clone()).with_evidence(evidence));
            }
            framework.score(&assessment).unwrap()
        })
        .collect()
}

fn cohort(scorecards: &[Scorecard]) -> Cohort {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    Cohort::new(&framework, scorecards.iter().cloned()).unwrap()
}

fn rank(scorecards: &[Scorecard]) -> Ranking {
    cohort(scorecards)
        .rank_with(&RankingOptions::national())
        .unwrap()
}

/// The part of the page between `<section id="{id}">` and its end.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The row of a unit in a section.
fn row<'a>(section: &'a str, unit: &str) -> &'a str {
    let start = section
        .find(&format!("<tr data-unit=\"{unit}\""))
        .unwrap_or_else(|| panic!("no row for {unit}"));
    let end = section[start..].find("</tr>").unwrap() + start;
    &section[start..end]
}

/// The text of the first cell whose opening tag contains `marker`.
fn cell(row: &str, marker: &str) -> String {
    let start = row
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in {row}"));
    let open_end = row[start..].find('>').unwrap() + start + 1;
    let close = row[open_end..].find("</td>").unwrap() + open_end;
    row[open_end..close].to_owned()
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn every_unit_is_shown_with_its_published_numbers() {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let current = scorecards(&framework, "2021", 0);
    let previous = scorecards(&framework, "2020", 4);
    let ranking = rank(&current);
    let before = rank(&previous);
    let comparison = Comparison::new(&before, &ranking).unwrap();
    let html = HtmlReport::new(&ranking)
        .comparison(&comparison)
        .render()
        .unwrap();

    let table = section(&html, "ranking");
    let heat = section(&html, "domains");
    let chart = section(&html, "chart");
    let policy = RoundingPolicy::default();
    for scorecard in &current {
        let published = scorecard.publish(&policy);
        let unit = escaped(scorecard.unit());
        let ranked = ranking.unit(scorecard.unit()).unwrap();

        let tr = row(table, &unit);
        assert_eq!(cell(tr, "class=\"index\""), published.index.to_string());
        assert_eq!(cell(tr, "class=\"rank\""), ranked.rank.unwrap().to_string());
        assert_eq!(
            cell(tr, "class=\"grade\""),
            ranked.grade.clone().unwrap_or_default()
        );
        assert!(tr.contains(&escaped(scorecard.unit_name())), "{tr}");
        let change = comparison.unit(scorecard.unit()).unwrap();
        assert_eq!(cell(tr, "class=\"change"), change.rank_change.to_string());
        let delta = change.index_change.as_ref().unwrap().published();
        let shown = if delta.is_sign_positive() && !delta.is_zero() {
            format!("+{delta}")
        } else {
            delta.to_string()
        };
        assert_eq!(cell(tr, "class=\"delta"), shown);
        let direction = match delta.cmp(&rust_decimal::Decimal::ZERO) {
            std::cmp::Ordering::Greater => "up",
            std::cmp::Ordering::Less => "down",
            std::cmp::Ordering::Equal => "same",
        };
        assert!(
            tr.contains(&format!("<td class=\"delta {direction}\">")),
            "{direction}: {tr}"
        );

        let heat_row = row(heat, &unit);
        for node in published
            .nodes
            .iter()
            .filter(|n| n.code.segments().count() == 1)
        {
            let shown = cell(heat_row, &format!("data-code=\"{}\"", node.code));
            match node.percent {
                Some(percent) => assert_eq!(shown, percent.to_string()),
                None => assert_eq!(shown, "n/a"),
            }
        }

        // The bar's label holds the same figure.
        let bar = chart
            .find(&format!("<g data-unit=\"{unit}\">"))
            .map(|start| &chart[start..])
            .unwrap();
        let value = bar.find("class=\"value\"").unwrap();
        let text = &bar[value..];
        let text = &text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()];
        assert_eq!(text, published.index.to_string());
    }
    assert_eq!(table.matches("<tr data-unit=").count(), current.len());
    // The data moves both ways, so both directions above were checked.
    assert!(table.contains("<td class=\"delta up\">"));
    assert!(table.contains("<td class=\"delta down\">"));

    // Each domain column is titled with both names; the legend's lowest band reads "below 50".
    for domain in framework.domains() {
        let title = format!("{} ({})", domain.name_vi(), domain.name_en());
        assert!(
            heat.contains(&format!("title=\"{}\"", escaped(&title))),
            "{title}"
        );
    }
    assert!(heat.contains("95 and above</span>"), "{heat}");
    assert!(heat.contains("50 to &lt; 60</span>"), "{heat}");
    assert!(heat.contains("below 50</span>"), "{heat}");
    assert!(!heat.contains("0 to &lt; 50"), "{heat}");
}

#[test]
fn bar_labels_keep_names_up_to_the_longest_and_cut_longer_ones() {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let label = |html: &str, unit: &str| {
        let chart = section(html, "chart");
        let bar = &chart[chart.find(&format!("<g data-unit=\"{unit}\">")).unwrap()..];
        let text = &bar[bar.find("<text ").unwrap()..];
        text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()].to_owned()
    };
    // Without the long name, the longest (16 characters) sets the label width and is whole.
    let wards: Vec<Scorecard> = scorecards(&framework, "2021", 0)
        .into_iter()
        .filter(|card| card.unit() != "x-<b>")
        .collect();
    let html = HtmlReport::new(&rank(&wards)).render().unwrap();
    assert_eq!(label(&html, "son-phong"), "Phường Sơn Phong");
    assert_eq!(label(&html, "cam-kim"), "Xã Cẩm Kim");
    // A name over 38 characters is cut to 37 and an ellipsis.
    let all = scorecards(&framework, "2021", 0);
    let html = HtmlReport::new(&rank(&all)).render().unwrap();
    let cut: String = "Tổ \"thử\" <script>alert('x')</script> & co"
        .chars()
        .take(37)
        .collect();
    assert_eq!(label(&html, "x-&lt;b&gt;"), escaped(&format!("{cut}…")));
    assert_eq!(label(&html, "son-phong"), "Phường Sơn Phong");
}

#[test]
fn the_page_is_self_contained_utf8_and_escaped() {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let current = scorecards(&framework, "2021", 0);
    let ranking = rank(&current);
    let html = HtmlReport::new(&ranking)
        .title("Chỉ số CCHC <2021>")
        .render()
        .unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Chỉ số CCHC &lt;2021&gt;</title>"));
    assert!(html.contains("\"Noto Sans\""));
    // No script, no external resource: the only URL is the SVG namespace.
    assert!(!html.contains("<script"));
    assert!(!html.contains(" src="));
    // Links only within the page: from each unit's row to its scorecard page.
    assert_eq!(
        html.matches(" href=").count(),
        html.matches(" href=\"#unit-").count()
    );
    assert!(!html.contains("url("));
    assert_eq!(html.matches("http").count(), 1, "only the SVG namespace");
    assert!(html.contains("Tổ &quot;thử&quot; &lt;script&gt;alert('x')&lt;/script&gt; &amp; co"));
    assert!(html.contains("<tr data-unit=\"x-&lt;b&gt;\">"));
    // Illustrative frameworks are flagged; Vietnamese names are kept as they are.
    assert!(html.contains("Illustrative framework:"));
    assert!(html.contains("Cải cách thủ tục hành chính"));
    assert!(html.contains("Phường Cửa Đại"));
    // Without a comparison there are no change columns.
    assert!(!html.contains("Rank change"));
}

#[test]
fn a_comparison_of_another_cohort_is_refused() {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let current = rank(&scorecards(&framework, "2021", 0));
    let earlier = rank(&scorecards(&framework, "2019", 2));
    let previous = rank(&scorecards(&framework, "2020", 1));
    let comparison = Comparison::new(&earlier, &previous).unwrap();
    let error = HtmlReport::new(&current)
        .comparison(&comparison)
        .render()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the comparison's current ranking is for framework vn-hoi-an-city-illustrative and period 2020, but the report is for framework vn-hoi-an-city-illustrative and period 2021"
    );
}

#[test]
fn an_empty_ranking_renders_a_page_without_sections_to_fill() {
    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let ranking = Cohort::new(&framework, []).unwrap().rank().unwrap();
    let html = HtmlReport::new(&ranking).render().unwrap();
    assert!(html.contains("0 units ranked"));
    assert!(!html.contains("<svg"));
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn the_accountability_table_shows_each_head_with_the_report_values() {
    use par_index::accountability::{Accountability, Assignments};

    let framework = builtin::get("vn-hoi-an-city-illustrative").unwrap();
    let current = scorecards(&framework, "2021", 0);
    // A year from which some heads rose and others fell.
    let previous = scorecards(&framework, "2020", 1);
    let ranking = rank(&current);
    let mut plan = Assignments::city_template();
    plan.assign("3.1", "TTHCC", &["VP"]).unwrap();
    let accountability = Accountability::new(&framework, plan).unwrap();
    let report = accountability
        .cohort_report(&cohort(&current))
        .unwrap()
        .with_previous(&accountability.cohort_report(&cohort(&previous)).unwrap())
        .unwrap();
    let html = HtmlReport::new(&ranking)
        .accountability(&report)
        .render()
        .unwrap();
    let table = section(&html, "accountability");
    assert!(table.contains("Inferred assignments:"));
    let r = |x: &par_index::Exact| report.rounding.publish(x).to_string();
    let mut directions = Vec::new();
    for head in &report.heads {
        let start = table
            .find(&format!(
                "<tr data-agency=\"{}\"><td class=\"rank\">",
                head.agency.code
            ))
            .unwrap_or_else(|| panic!("no row for {}", head.agency.code));
        let tr = &table[start..start + table[start..].find("</tr>").unwrap()];
        assert_eq!(cell(tr, "class=\"owned\""), r(&head.owned));
        assert_eq!(cell(tr, "class=\"achieved\""), r(&head.achieved));
        assert_eq!(cell(tr, "class=\"lost\""), r(&head.lost));
        assert_eq!(
            cell(tr, "class=\"percent"),
            head.percent
                .as_ref()
                .map(r)
                .unwrap_or_else(|| "–".to_owned())
        );
        assert_eq!(
            cell(tr, "class=\"rank\""),
            head.rank.map_or_else(|| "–".to_owned(), |r| r.to_string())
        );
        assert!(tr.contains(&escaped(&head.agency.head_label())), "{tr}");
        // A higher percentage is better; fewer lost points are better.
        let change = head.change.as_ref().unwrap();
        let direction = |d: Option<rust_decimal::Decimal>, higher_is_better: bool| match d {
            Some(d) if d.is_zero() => "same",
            Some(d) if d.is_sign_positive() == higher_is_better => "up",
            Some(_) => "down",
            None => "same",
        };
        let classes: Vec<&str> = tr
            .match_indices("<td class=\"delta ")
            .map(|(at, open)| {
                let rest = &tr[at + open.len()..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect();
        assert_eq!(
            classes,
            [
                direction(
                    change
                        .percent_change
                        .as_ref()
                        .map(|d| report.rounding.publish(d)),
                    true
                ),
                direction(Some(report.rounding.publish(&change.lost_change)), false),
            ],
            "{tr}"
        );
        directions.extend(classes.iter().map(|c| c.to_string()));
        // Each of the head's largest losses is listed.
        let losses = table
            .matches(&format!(
                "<tr data-agency=\"{}\" data-unit=",
                head.agency.code
            ))
            .count();
        assert_eq!(losses, head.worst_leaves.len());
    }
    // Heads moved both ways, so both directions of both columns were checked.
    assert!(directions.iter().any(|c| c == "up"), "{directions:?}");
    assert!(directions.iter().any(|c| c == "down"), "{directions:?}");
    let total = &table[table.find("<tfoot>").unwrap()..];
    assert_eq!(cell(total, "class=\"lost\""), r(&report.lost));
    assert_eq!(cell(total, "class=\"owned\""), r(&report.owned));
    assert!(table.contains("coordinates 3.1"));

    // A report of another period is refused.
    let old = accountability.cohort_report(&cohort(&previous)).unwrap();
    let error = HtmlReport::new(&ranking)
        .accountability(&old)
        .render()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the accountability report is for framework vn-hoi-an-city-illustrative and period 2020, but the report is for framework vn-hoi-an-city-illustrative and period 2021"
    );
}
