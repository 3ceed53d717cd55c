//! Hội An, first half of 2021: the city's 13 wards and communes and its offices scored on the
//! built-in illustrative city framework, ranked, graded and compared with the year before.
//!
//! What is real: the units' names, and the city's published dossier figures for the first half
//! of 2021 (Báo Quảng Nam, see the framework's sources): the public administration centre
//! received 8,605 dossiers and resolved 8,037, 64.04% of them early or on time; the communes
//! and wards received 5,597, 96.09% early or on time. The split of those 5,597 dossiers among
//! the 13 units is illustrative but adds up to the published totals, which the example checks.
//!
//! What is illustrative: the framework itself (`vn-hoi-an-city-illustrative`, not an official
//! annex), every other piece of evidence, the grade thresholds and the previous year's results.
//! Role titles only; no personal names.
//!
//! At the end: what the public administration centre's standing among the offices would have
//! been at 90% on time, and what the last ward needs for the next grade.
//!
//! Three periods: the first half of 2021 and, derived from it, 2019 and 2020 (illustrative),
//! side by side as a trend. The plan for the last ward is in actions, each with its head.
//!
//! Run with `cargo run --release --example hoi_an` (Vietnamese; `-- --lang en` for English).
//! With `--features html` it writes the HTML report, a scorecard page per ward and the trend
//! chart, to `target/hoi-an/bao-cao.html` (or `-- --html FILE`).

use par_index::{
    Assessment, Cohort, Entry, Evidence, Exact, Framework, GradeBand, GradeScale, Ranking,
    RankingOptions, RoundingPolicy, Scorecard,
    accountability::{
        Accountability, Agency, AgencyKind, ApologyLedger, Assignments, Head, LateDossiers,
    },
    analysis::gap::{Gap, Reach},
    analysis::self_appraisal::{Against, SelfAppraisal},
    analysis::what_if::{LeafChange, WhatIf},
    builtin,
    comparison::Comparison,
    language::{Language, Term},
    trend::Trend,
};
use rust_decimal::Decimal;

/// A ward or commune: code, name, and its share of the dossiers (resolved, early or on time).
struct Ward {
    code: &'static str,
    name: &'static str,
    resolved: u64,
    on_time: u64,
    /// How well the unit does on everything else, 0–100 (illustrative).
    quality: i64,
}

const WARDS: [Ward; 13] = [
    ward("minh-an", "Phường Minh An", 702, 690, 93),
    ward("son-phong", "Phường Sơn Phong", 455, 441, 88),
    ward("cam-pho", "Phường Cẩm Phô", 598, 560, 84),
    ward("tan-an", "Phường Tân An", 389, 377, 86),
    ward("thanh-ha", "Phường Thanh Hà", 512, 489, 79),
    ward("cam-an", "Phường Cẩm An", 301, 301, 91),
    ward("cam-chau", "Phường Cẩm Châu", 486, 470, 82),
    ward("cua-dai", "Phường Cửa Đại", 410, 388, 77),
    ward("cam-nam", "Phường Cẩm Nam", 353, 340, 85),
    ward("cam-ha", "Xã Cẩm Hà", 520, 495, 80),
    ward("cam-kim", "Xã Cẩm Kim", 214, 214, 83),
    ward("cam-thanh", "Xã Cẩm Thanh", 402, 382, 87),
    ward("tan-hiep", "Xã Tân Hiệp", 255, 231, 72),
];

const fn ward(
    code: &'static str,
    name: &'static str,
    resolved: u64,
    on_time: u64,
    quality: i64,
) -> Ward {
    Ward {
        code,
        name,
        resolved,
        on_time,
        quality,
    }
}

/// The city's offices; the public administration centre carries the city's published figures
/// (8,037 resolved, 64.04% early or on time = 5,147). Offices without dossiers report the
/// on-time leaf as not applicable. Their codes are those of the agencies in the city template
/// of lead agencies.
const OFFICES: [Ward; 8] = [
    ward("TTHCC", "Trung tâm Hành chính công", 8_037, 5_147, 86),
    ward("VP", "Văn phòng HĐND và UBND", 0, 0, 90),
    ward("PNV", "Phòng Nội vụ", 0, 0, 92),
    ward("PTP", "Phòng Tư pháp", 164, 161, 89),
    ward("PTCKH", "Phòng Tài chính - Kế hoạch", 612, 588, 84),
    ward("PVHTT", "Phòng Văn hóa và Thông tin", 95, 95, 81),
    ward("PQLDT", "Phòng Quản lý đô thị", 1_241, 1_102, 76),
    ward("PTNMT", "Phòng Tài nguyên và Môi trường", 1_876, 1_490, 71),
];

/// The command line: `--lang vi` (default) or `--lang en`, and `--html FILE` for the HTML
/// report (feature `html`; by default `target/hoi-an/bao-cao.html`).
struct Args {
    language: Language,
    html: Option<std::path::PathBuf>,
}

/// The language of the example's messages, errors included: the one asked for with
/// `--lang`, Vietnamese unless it is `en`.
fn requested_language() -> Language {
    let given: Vec<String> = std::env::args().skip(1).collect();
    given
        .windows(2)
        .find(|pair| pair[0] == "--lang")
        .and_then(|pair| pair[1].parse().ok())
        .unwrap_or(Language::Vietnamese)
}

fn args() -> Result<Args, Box<dyn std::error::Error>> {
    let given: Vec<String> = std::env::args().skip(1).collect();
    let said = requested_language();
    let mut language = Language::Vietnamese;
    let mut html = None;
    let mut rest = given.into_iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--lang" => {
                language = rest
                    .next()
                    .ok_or_else(|| say(said, "--lang cần vi hoặc en", "--lang needs vi or en"))?
                    .parse()?
            }
            "--html" => {
                html = Some(
                    rest.next()
                        .ok_or_else(|| say(said, "--html cần một tệp", "--html needs a file"))?
                        .into(),
                )
            }
            other => {
                return Err(match said {
                    Language::Vietnamese => {
                        format!("tham số không hợp lệ {other:?}; dùng --lang vi|en, --html TỆP")
                    }
                    _ => format!("unknown argument {other:?}; use --lang vi|en, --html FILE"),
                }
                .into());
            }
        }
    }
    Ok(Args { language, html })
}

/// The example's own sentences, in the language asked for (the reports' words come from the
/// library's glossary).
fn say(language: Language, vi: &str, en: &str) -> String {
    match language {
        Language::Vietnamese => vi.to_owned(),
        _ => en.to_owned(),
    }
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error}", say(requested_language(), "lỗi", "error"));
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let Args { language, html } = args()?;
    let lang = language;
    let framework = builtin::get("vn-hoi-an-city-illustrative")?;
    println!("{} ({})", framework.info().title_in(lang), framework.id());
    println!(
        "{}\n",
        say(
            lang,
            "Bộ chỉ số và số liệu minh họa; tên đơn vị và tổng số hồ sơ là số liệu thật.",
            "Illustrative framework and evidence; real unit names and dossier totals."
        )
    );

    let resolved: u64 = WARDS.iter().map(|w| w.resolved).sum();
    let on_time: u64 = WARDS.iter().map(|w| w.on_time).sum();
    let rate = RoundingPolicy::default()
        .apply(Decimal::from(on_time) * Decimal::ONE_HUNDRED / Decimal::from(resolved));
    assert_eq!((resolved, rate.to_string().as_str()), (5_597, "96.09"));
    println!(
        "{}\n",
        match lang {
            Language::Vietnamese => format!(
                "Xã, phường: {} hồ sơ, {}% giải quyết sớm, đúng hạn (số công bố: 5.597 và 96,09%)",
                lang.count(resolved),
                lang.number(rate)
            ),
            _ => format!(
                "Wards and communes: {} dossiers, {}% early or on time (published: 5,597 and 96.09%)",
                lang.count(resolved),
                lang.number(rate)
            ),
        }
    );

    // Three periods: the first half of 2021, and 2020 and 2019 derived from it
    // (illustrative).
    let options = RankingOptions::default().with_grades(local_grades()?);
    let current = score_all(&framework, &WARDS, "2021-H1", 0)?;
    let previous = score_all(&framework, &WARDS, "2020", 1)?;
    let earliest = score_all(&framework, &WARDS, "2019", 2)?;
    let ranking = current.rank_with(&options)?;
    let last_year = previous.rank_with(&options)?;
    let two_years_ago = earliest.rank_with(&options)?;

    println!(
        "{}\n",
        say(
            lang,
            "Bảng xếp hạng xã, phường, 6 tháng đầu năm 2021 (xếp loại minh họa):",
            "Wards and communes, first half of 2021, ranked (grades illustrative):"
        )
    );
    let comparison = Comparison::new(&last_year, &ranking)?;
    print!("{}", comparison.render_table_in(lang));
    print_domains(&framework, &ranking, lang);

    let offices = score_all(&framework, &OFFICES, "2021-H1", 0)?;
    let office_ranking = offices.rank_with(&options)?;
    println!(
        "\n{}\n",
        say(
            lang,
            "Các phòng, ban của thành phố, 6 tháng đầu năm 2021:",
            "City offices, first half of 2021:"
        )
    );
    print!("{}", office_ranking.render_table_in(lang));
    print_domains(&framework, &office_ranking, lang);

    let centre = offices.scorecard("TTHCC").ok_or("the centre is scored")?;
    let on_time_leaf = centre.node("3.1").ok_or("leaf 3.1 exists")?;
    let policy = RoundingPolicy::default();
    println!(
        "\n{}",
        match lang {
            Language::Vietnamese => format!(
                "Trung tâm Hành chính công giải quyết sớm, đúng hạn 64,04% hồ sơ: {}/{} điểm ở tiêu chí 3.1.",
                lang.number(policy.publish(&on_time_leaf.points)),
                lang.number(on_time_leaf.max_points)
            ),
            _ => format!(
                "The public administration centre resolved 64.04% of its dossiers early or on time: {} of {} points on leaf 3.1.",
                lang.number(policy.publish(&on_time_leaf.points)),
                lang.number(on_time_leaf.max_points)
            ),
        }
    );

    // Each domain answered for by an office head, as Hội An's vice-chairman proposed.
    let assignments = lead_agencies()?;
    let accountability = Accountability::new(&framework, assignments.clone())?;
    let heads_2019 = accountability.cohort_report(&earliest)?;
    let heads_2020 = accountability.cohort_report(&previous)?;
    let heads = accountability
        .cohort_report(&current)?
        .with_previous(&heads_2020)?;
    println!(
        "\n{}\n",
        say(
            lang,
            "Trách nhiệm người đứng đầu đối với kết quả của xã, phường (phân công suy luận, không phải quy định):",
            "Who answers for the wards' and communes' results (lead agencies inferred, not law):"
        )
    );
    print!("{}", heads.render_in(lang));
    println!(
        "\n{}\n",
        say(
            lang,
            "Nội dung mỗi người đứng đầu bị mất điểm nhiều nhất:",
            "Where each head lost most:"
        )
    );
    print!("{}", heads.worst_leaves_text_in(lang));
    let lost: Exact = heads.heads.iter().map(|h| &h.lost).sum();
    let total_lost: Exact = current.iter().map(Scorecard::lost_points).sum();
    assert_eq!(
        lost, total_lost,
        "lost points attributed to heads add up exactly"
    );
    println!(
        "\n{}",
        match lang {
            Language::Vietnamese => format!(
                "Điểm bị mất tính cho người đứng đầu: {} = tổng điểm bị mất của 13 đơn vị.",
                lang.number(policy.publish(&lost))
            ),
            _ => format!(
                "Points lost attributed to heads: {} = the 13 units' total lost points.",
                lang.number(policy.publish(&lost))
            ),
        }
    );

    // Three periods side by side: each ward's index, rank and grade, each head's percentage.
    let trend = Trend::new(&[&two_years_ago, &last_year, &ranking])?.with_heads(&[
        &heads_2019,
        &heads_2020,
        &heads,
    ])?;
    println!(
        "\n{} ({}):\n",
        Term::Trend.text(lang),
        say(lang, "2019 và 2020 minh họa", "2019 and 2020 illustrative")
    );
    print!("{}", trend.render_table_in(lang));

    // Self-assessed against the final points, as provinces publish them.
    let own = SelfAppraisal::compare_with(&current, Against::FinalPoints)?.summary()?;
    println!(
        "\n{}: {} · {}: {}",
        Term::SelfAssessed.text(lang),
        lang.number(policy.publish(&own.mean_self_assessed)),
        Term::Achieved.text(lang),
        lang.number(policy.publish(&own.mean_appraised))
    );

    print_apologies(&assignments.agencies, lang)?;

    // What if the centre had resolved 90% of its dossiers on time? It alone is scored again
    // and ranked among the offices as they stand.
    let at_90 = LeafChange::evidence("3.1".parse()?, Evidence::Percent(Decimal::from(90)));
    let what_if = WhatIf::run(&office_ranking, "TTHCC", &[at_90])?;
    println!(
        "\n{} {}",
        say(
            lang,
            "Nếu tiêu chí 3.1 đạt 90% đúng hạn thay vì 64,04%:",
            "What if leaf 3.1 had been 90% on time, not 64.04%?"
        ),
        what_if.render_in(lang)
    );

    // What the last ward needs for the next grade, and the plan in actions, each step with
    // the head who answers for it.
    let last = ranking.units().last().ok_or("the wards are ranked")?;
    let gap = Gap::new(&ranking, &last.unit)?.with_accountability(&accountability)?;
    if let Some(target) = gap.to_next_grade(&local_grades()?)? {
        if let Reach::Reachable(needed) = &target.reach {
            println!(
                "\n{} — {} ({}, {}): {} {}",
                Term::Plan.text(lang),
                last.unit_name,
                lang.number(last.index.published()),
                last.grade.as_deref().unwrap_or("–"),
                lang.number(needed.points_at(2)?),
                say(
                    lang,
                    "điểm nữa để lên loại trên",
                    "more points for the next grade"
                )
            );
            print!("{}", gap.plan(needed.points.clone())?.render_in(lang));
        }
    }

    write_report(
        html,
        &ranking,
        &comparison,
        &heads,
        &accountability,
        &trend,
        lang,
    )
}

/// The HTML report of the wards in `lang`, with the three rankings it draws on (oldest
/// first): what the browser test renders and reads back.
#[cfg(feature = "html")]
#[allow(dead_code)] // used by tests/browser.rs
pub fn wards_report(lang: Language) -> Result<(String, Vec<Ranking>), Box<dyn std::error::Error>> {
    let framework = builtin::get("vn-hoi-an-city-illustrative")?;
    let options = RankingOptions::default().with_grades(local_grades()?);
    let cohorts = [
        score_all(&framework, &WARDS, "2019", 2)?,
        score_all(&framework, &WARDS, "2020", 1)?,
        score_all(&framework, &WARDS, "2021-H1", 0)?,
    ];
    let rankings = cohorts
        .iter()
        .map(|c| c.rank_with(&options))
        .collect::<Result<Vec<_>, _>>()?;
    let accountability = Accountability::new(&framework, lead_agencies()?)?;
    let reports = cohorts
        .iter()
        .map(|c| accountability.cohort_report(c))
        .collect::<Result<Vec<_>, _>>()?;
    let [earliest, previous, current] = &rankings[..] else {
        return Err("three periods".into());
    };
    let heads = reports[2].clone().with_previous(&reports[1])?;
    let trend = Trend::new(&[earliest, previous, current])?.with_heads(&[
        &reports[0],
        &reports[1],
        &heads,
    ])?;
    let comparison = Comparison::new(previous, current)?;
    let html = html_report(current, &comparison, &heads, &accountability, &trend, lang)?;
    Ok((html, rankings))
}

#[cfg(feature = "html")]
fn html_report(
    ranking: &Ranking,
    comparison: &Comparison,
    heads: &par_index::accountability::AccountabilityReport,
    accountability: &Accountability,
    trend: &Trend,
    lang: Language,
) -> Result<String, par_index::Error> {
    par_index::html::HtmlReport::new(ranking)
        .title(say(
            lang,
            "Chỉ số CCHC xã, phường thành phố Hội An, 6 tháng đầu năm 2021 (minh họa)",
            "PAR index of Hội An's wards and communes, first half of 2021 (illustrative)",
        ))
        .language(lang)
        .comparison(comparison)
        .accountability(heads)
        .assignments(accountability)
        .trend(trend)
        .render()
}

/// The HTML report of the wards: ranking, domains, heads, the trend over three periods and
/// a scorecard page per ward.
#[cfg(feature = "html")]
fn write_report(
    path: Option<std::path::PathBuf>,
    ranking: &Ranking,
    comparison: &Comparison,
    heads: &par_index::accountability::AccountabilityReport,
    accountability: &Accountability,
    trend: &Trend,
    lang: Language,
) -> Result<(), Box<dyn std::error::Error>> {
    let path = path.unwrap_or_else(|| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/hoi-an/bao-cao.html")
    });
    let html = html_report(ranking, comparison, heads, accountability, trend, lang)?;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&path, html)?;
    println!(
        "\n{}: {}",
        say(lang, "Báo cáo HTML", "HTML report"),
        path.display()
    );
    Ok(())
}

#[cfg(not(feature = "html"))]
fn write_report(
    _: Option<std::path::PathBuf>,
    _: &Ranking,
    _: &Comparison,
    _: &par_index::accountability::AccountabilityReport,
    _: &Accountability,
    _: &Trend,
    lang: Language,
) -> Result<(), Box<dyn std::error::Error>> {
    println!(
        "\n{}: cargo run --release --example hoi_an --features html",
        say(
            lang,
            "Báo cáo HTML (một trang cho mỗi xã, phường và biểu đồ xu hướng)",
            "The HTML report (a page per ward and a trend chart)"
        )
    );
    Ok(())
}

/// The city template of lead agencies, with two changes a city could make: the public
/// administration centre answers for the on-time leaf itself, and the two offices that lead
/// no domain are listed so that they are reported too.
fn lead_agencies() -> Result<Assignments, par_index::Error> {
    let mut assignments = Assignments::city_template();
    assignments.assign("3.1", "TTHCC", &["VP"])?;
    for (code, name, head) in [
        (
            "PQLDT",
            "Phòng Quản lý đô thị",
            "Trưởng phòng Quản lý đô thị",
        ),
        (
            "PTNMT",
            "Phòng Tài nguyên và Môi trường",
            "Trưởng phòng Tài nguyên và Môi trường",
        ),
    ] {
        assignments.agency(Agency::new(code, name, AgencyKind::Office, Head::new(head)));
    }
    Ok(assignments)
}

/// Late dossiers and written apologies per office (apology counts illustrative).
fn print_apologies(agencies: &[Agency], lang: Language) -> Result<(), Box<dyn std::error::Error>> {
    let records = OFFICES
        .iter()
        .filter(|office| office.resolved > 0)
        .map(|office| {
            let late = office.resolved - office.on_time;
            let quality = u64::try_from(office.quality)?;
            Ok(LateDossiers::new(
                office.code,
                office.resolved,
                late,
                late * quality / 100,
            )?)
        })
        .collect::<Result<Vec<_>, Box<dyn std::error::Error>>>()?;
    let ledger = ApologyLedger::new(agencies, records)?;
    println!(
        "\n{}\n",
        say(
            lang,
            "Hồ sơ trễ hạn và thư xin lỗi, các phòng của thành phố (số thư xin lỗi minh họa):",
            "Late dossiers and written apologies, city offices (apologies illustrative):"
        )
    );
    print!("{}", ledger.render_in(lang));
    Ok(())
}

/// Illustrative local classification; each province sets its own thresholds.
fn local_grades() -> Result<GradeScale, par_index::Error> {
    GradeScale::new(
        "xếp loại (illustrative)",
        [
            GradeBand::new("Tốt", Decimal::from(85)),
            GradeBand::new("Khá", Decimal::from(75)),
            GradeBand::new("Trung bình", Decimal::from(60)),
            GradeBand::new("Yếu", Decimal::ZERO),
        ],
    )
}

fn score_all(
    framework: &Framework,
    units: &[Ward],
    period: &str,
    years_back: i64,
) -> Result<Cohort, Box<dyn std::error::Error>> {
    let mut scorecards = Vec::with_capacity(units.len());
    for assessment in assess_all(framework, units, period, years_back)? {
        scorecards.push(framework.score(&assessment)?);
    }
    Ok(Cohort::new(framework, scorecards)?)
}

fn assess_all(
    framework: &Framework,
    units: &[Ward],
    period: &str,
    years_back: i64,
) -> Result<Vec<Assessment>, Box<dyn std::error::Error>> {
    let mut assessments = Vec::with_capacity(units.len());
    for (position, unit) in units.iter().enumerate() {
        let mut assessment = framework.assessment(unit.code, period.parse()?);
        assessment.unit_name = unit.name.to_owned();
        for (leaf_position, leaf) in framework.leaves().enumerate() {
            // A deterministic spread around the unit's quality, different for every leaf and
            // for the year before, so that the tables are not uniform.
            let (position, leaf_position) = (position as i64, leaf_position as i64);
            let spread = (position * 7 + leaf_position * 13 + years_back * 5) % 21 - 10;
            let last_year = years_back * ((position * 5) % 11 - 6);
            let quality = (unit.quality + spread + last_year).clamp(0, 100);
            let code = leaf.code().as_str();
            let mut entry = Entry::new(leaf.code().clone())
                .with_evidence(evidence(code, quality, unit, years_back)?);
            // Judgement items: the unit claims full points, the appraisal team decides.
            if matches!(code, "1.5" | "4.3") {
                entry = entry.with_self_assessed(leaf.max_points()).with_appraised(
                    leaf.max_points() * Decimal::from(quality) / Decimal::ONE_HUNDRED,
                );
            }
            assessment.push(entry);
        }
        assessments.push(assessment);
    }
    Ok(assessments)
}

/// Illustrative evidence for one leaf, from a quality level in 0..=100.
fn evidence(
    code: &str,
    quality: i64,
    unit: &Ward,
    years_back: i64,
) -> Result<Evidence, Box<dyn std::error::Error>> {
    let q = u64::try_from(quality)?;
    let percent = |value: u64| Evidence::Percent(Decimal::from(value));
    let of_hundred = |value: u64| Evidence::rate(value.min(100), 100);
    Ok(match code {
        "1.1" | "2.3" | "6.2" => Evidence::Flag(q >= 65),
        "5.1" | "7.3" => Evidence::Flag(q >= 80),
        "3.3" | "4.1" | "7.2" => Evidence::Flag(q >= 50),
        "1.2" | "2.1" | "5.3" | "7.1" => of_hundred(q + 5),
        "1.3" => Evidence::Count(q / 24),
        "1.4" => Evidence::Count((100 - q) / 15),
        "1.5" | "4.3" => Evidence::Points(Decimal::ZERO),
        "2.2" => Evidence::rate(0, 0), // no unlawful document found
        "3.1" if unit.resolved == 0 => Evidence::NotApplicable,
        "3.1" if years_back == 0 => Evidence::rate(unit.on_time, unit.resolved),
        "3.1" => Evidence::rate(unit.resolved * q.min(100) / 100, unit.resolved),
        "3.2" => {
            let late = unit.resolved - unit.on_time;
            Evidence::rate(late * q / 100, late)
        }
        "3.4" => Evidence::rate(12 * q / 100, 12),
        "3.5" => percent(q * 6 / 10),
        "3.6" => of_hundred(q),
        "4.2" => Evidence::Value(Decimal::from((100 - q) / 20)),
        "5.2" => Evidence::Count((100 - q) / 20),
        "6.1" => percent(q),
        "7.4" => of_hundred(q * 6 / 10),
        "8.1" | "8.2" | "8.3" => {
            Evidence::SurveyMean(Decimal::from(300 + q * 2) / Decimal::ONE_HUNDRED)
        }
        other => return Err(format!("no illustrative evidence for leaf {other}").into()),
    })
}

/// Each unit's percentage of every domain's maximum, in rank order.
fn print_domains(framework: &Framework, ranking: &Ranking, lang: Language) {
    let codes: Vec<&str> = framework.domains().map(|d| d.code().as_str()).collect();
    let width = ranking
        .units()
        .iter()
        .map(|u| u.unit_name.chars().count())
        .max()
        .unwrap_or(4);
    println!(
        "\n{}\n",
        say(
            lang,
            "Điểm theo lĩnh vực, % điểm tối đa của lĩnh vực:",
            "Domain scores, % of each domain's maximum:"
        )
    );
    let width = width.max(Term::Unit.text(lang).chars().count());
    print!("{:<width$}", Term::Unit.text(lang));
    for code in &codes {
        print!("  {code:>6}");
    }
    println!();
    for unit in ranking.units() {
        let name = &unit.unit_name;
        print!("{name}{}", " ".repeat(width - name.chars().count()));
        for code in &codes {
            let cell = unit
                .domain(code)
                .and_then(|d| d.percent.as_ref())
                .map_or_else(|| "–".to_owned(), |p| lang.number(p.published()));
            print!("  {cell:>6}");
        }
        println!();
    }
    let names: Vec<String> = framework
        .domains()
        .map(|d| match lang {
            Language::Vietnamese => format!("{}. {}", d.code(), d.name_vi()),
            _ => format!("{}. {}", d.code(), d.name_en()),
        })
        .collect();
    println!("\n{}", names.join("; "));
}
