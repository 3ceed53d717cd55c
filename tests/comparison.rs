//! Year-over-year comparison of rankings.

use par_index::{
    Assessment, Cohort, Entry, Framework, Ranking, RankingOptions, Scorecard,
    comparison::{Comparison, DomainMap, RankChange},
    ranking::{TieMethod, ValueBasis},
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

fn one_leaf(id: &str) -> Framework {
    Framework::builder(id, "Published index")
        .domain("1", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
        .build()
        .unwrap()
}

fn year(framework: &Framework, period: &str, units: &[(&str, &str)]) -> Vec<Scorecard> {
    units
        .iter()
        .map(|(unit, index)| {
            let mut assessment = Assessment::new(framework.id(), *unit, period.parse().unwrap());
            assessment.push(Entry::new("1".parse().unwrap()).with_appraised(d(index)));
            framework.score(&assessment).unwrap()
        })
        .collect()
}

fn rank(framework: &Framework, scorecards: &[Scorecard], options: &RankingOptions) -> Ranking {
    Cohort::new(framework, scorecards.iter().cloned())
        .unwrap()
        .rank_with(options)
        .unwrap()
}

fn up(places: &str) -> RankChange {
    RankChange::Up { places: d(places) }
}

#[test]
fn rank_and_index_changes_cover_every_kind_of_move() {
    let framework = one_leaf("f");
    let before = year(
        &framework,
        "2023",
        &[("a", "90"), ("b", "85"), ("c", "80"), ("gone", "75")],
    );
    let after = year(
        &framework,
        "2024",
        &[("b", "91"), ("a", "88.5"), ("c", "80"), ("new", "70")],
    );
    let options = RankingOptions::national();
    let comparison = Comparison::new(
        &rank(&framework, &before, &options),
        &rank(&framework, &after, &options),
    )
    .unwrap();
    let moves: Vec<(&str, RankChange, Option<String>)> = comparison
        .units()
        .iter()
        .map(|u| {
            (
                u.unit.as_str(),
                u.rank_change,
                u.index_change.as_ref().map(|c| c.published().to_string()),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("b", up("1"), Some("6.00".to_owned())),
            (
                "a",
                RankChange::Down { places: d("1") },
                Some("-1.50".to_owned())
            ),
            ("c", RankChange::Same, Some("0.00".to_owned())),
            ("new", RankChange::New, None),
            ("gone", RankChange::Dropped, None),
        ]
    );
    let b = comparison.unit("b").unwrap();
    assert_eq!(b.index_change.as_ref().map(|c| c.exact()), Some(&e("6")));
    assert_eq!(b.previous.as_ref().unwrap().grade.as_deref(), Some("B"));
    assert_eq!(b.current.as_ref().unwrap().grade.as_deref(), Some("A"));
    assert_eq!(comparison.previous_period().unwrap().as_str(), "2023");
    assert_eq!(comparison.current_period().unwrap().as_str(), "2024");
    assert_eq!(
        comparison.to_string(),
        "\
Rank  Unit  Index  Grade  Rank change  Index change
   1  b     91.00  A               ↑1         +6.00
   2  a     88.50  B               ↓1         -1.50
   3  c     80.00  B                =          0.00
   4  new   70.00  C              new
   -  gone      -             dropped
"
    );
}

#[test]
fn the_most_improved_and_declined_units_include_ties() {
    let framework = one_leaf("f");
    let before = year(
        &framework,
        "2023",
        &[("a", "80"), ("b", "82"), ("c", "90"), ("d", "85")],
    );
    let after = year(
        &framework,
        "2024",
        &[("a", "82"), ("b", "84"), ("c", "89"), ("d", "85.5")],
    );
    let options = RankingOptions::default();
    let comparison = Comparison::new(
        &rank(&framework, &before, &options),
        &rank(&framework, &after, &options),
    )
    .unwrap();
    let units = |list: Vec<&par_index::comparison::UnitChange>| -> Vec<String> {
        list.iter().map(|u| u.unit.clone()).collect()
    };
    assert_eq!(units(comparison.most_improved()), ["a", "b"]);
    assert_eq!(units(comparison.improved()), ["a", "b", "d"]);
    assert_eq!(units(comparison.most_declined()), ["c"]);
    assert_eq!(units(comparison.declined()), ["c"]);

    // Nobody declined.
    let flat = Comparison::new(
        &rank(&framework, &before, &options),
        &rank(&framework, &before_as(&framework, &before), &options),
    )
    .unwrap();
    assert!(flat.most_declined().is_empty());
    assert!(flat.most_improved().is_empty());
}

/// The same indices one year later.
fn before_as(framework: &Framework, before: &[Scorecard]) -> Vec<Scorecard> {
    let units: Vec<(String, String)> = before
        .iter()
        .map(|s| (s.unit().to_owned(), s.index().to_string()))
        .collect();
    let borrowed: Vec<(&str, &str)> = units
        .iter()
        .map(|(u, i)| (u.as_str(), i.as_str()))
        .collect();
    year(framework, "2024", &borrowed)
}

#[test]
fn improvement_follows_the_current_rankings_basis() {
    let framework = one_leaf("f");
    // Published, both rise by 1.00; exactly, a rises by 0.996 and b by 1.004.
    let before = year(&framework, "2023", &[("a", "80.004"), ("b", "80.000")]);
    let after = year(&framework, "2024", &[("a", "81.000"), ("b", "81.004")]);
    let published = RankingOptions::default();
    let comparison = Comparison::new(
        &rank(&framework, &before, &published),
        &rank(&framework, &after, &published),
    )
    .unwrap();
    assert_eq!(comparison.most_improved().len(), 2);
    let exact = RankingOptions::default().with_basis(ValueBasis::Exact);
    let comparison = Comparison::new(
        &rank(&framework, &before, &exact),
        &rank(&framework, &after, &exact),
    )
    .unwrap();
    let most = comparison.most_improved();
    assert_eq!(most.len(), 1);
    assert_eq!(most[0].unit, "b");
    assert_eq!(most[0].change(ValueBasis::Exact), Some(e("1.004")));
    assert_eq!(most[0].change(ValueBasis::Published), Some(e("1.00")));
}

#[test]
fn fractional_ranks_move_by_halves() {
    let framework = one_leaf("f");
    let before = year(&framework, "2023", &[("a", "90"), ("b", "80"), ("c", "70")]);
    let after = year(&framework, "2024", &[("a", "90"), ("b", "90"), ("c", "70")]);
    let options = RankingOptions::default().with_tie_method(TieMethod::Fractional);
    let comparison = Comparison::new(
        &rank(&framework, &before, &options),
        &rank(&framework, &after, &options),
    )
    .unwrap();
    assert_eq!(
        comparison.unit("a").unwrap().rank_change,
        RankChange::Down { places: d("0.5") }
    );
    assert_eq!(comparison.unit("b").unwrap().rank_change, up("0.5"));
    assert_eq!(
        comparison.unit("b").unwrap().rank_change.to_string(),
        "↑0.5"
    );
}

#[test]
fn units_outside_the_ranking_are_compared_without_a_rank_change() {
    let framework = one_leaf("f");
    let (before, after) = (
        year(&framework, "2023", &[("a", "90"), ("x", "80")]),
        year(&framework, "2024", &[("a", "91"), ("x", "82")]),
    );
    let (ranked, beside) = before.split_at(1);
    let previous = Cohort::new_with_unranked(&framework, ranked.to_vec(), beside.to_vec()).unwrap();
    let current = Cohort::new(&framework, after).unwrap();
    let comparison = Comparison::new(&previous.rank().unwrap(), &current.rank().unwrap()).unwrap();
    let x = comparison.unit("x").unwrap();
    assert_eq!(x.rank_change, RankChange::NotRanked);
    assert_eq!(x.rank_change.to_string(), "-");
    assert_eq!(x.change(ValueBasis::Published), Some(e("2.00")));
    assert_eq!(x.index_change.as_ref().unwrap().published(), d("2.00"));
}

/// A framework with domains `codes`, each a leaf sharing 100 points equally.
fn framework_with(id: &str, codes: &[&str]) -> Framework {
    let share = Decimal::ONE_HUNDRED / Decimal::from(codes.len());
    codes
        .iter()
        .fold(Framework::builder(id, "Domains"), |builder, code| {
            builder.domain(code, "Lĩnh vực", share)
        })
        .build()
        .unwrap()
}

fn scored(framework: &Framework, unit: &str, period: &str, points: &[(&str, &str)]) -> Scorecard {
    let mut assessment = Assessment::new(framework.id(), unit, period.parse().unwrap());
    for (code, value) in points {
        assessment.push(Entry::new(code.parse().unwrap()).with_appraised(d(value)));
    }
    framework
        .score_with(&assessment, &par_index::ScoringOptions::lenient())
        .unwrap()
}

#[test]
fn domains_match_by_code_or_by_a_map_across_frameworks() {
    let old = framework_with("par-old", &["1", "2"]);
    let new = framework_with("par-new", &["1", "3"]);
    let before = [scored(&old, "a", "2023", &[("1", "40"), ("2", "25")])];
    let after = [scored(&new, "a", "2024", &[("1", "45"), ("3", "30")])];
    let options = RankingOptions::default();
    let (previous, current) = (rank(&old, &before, &options), rank(&new, &after, &options));

    let by_code = Comparison::new(&previous, &current).unwrap();
    let a = by_code.unit("a").unwrap();
    assert_eq!(a.domains.len(), 1);
    let first = a.domain("1").unwrap();
    assert_eq!(
        (
            first.previous_percent.as_ref().map(|p| p.exact()),
            first.current_percent.as_ref().map(|p| p.exact())
        ),
        (Some(&e("80")), Some(&e("90")))
    );
    let change = first.change.as_ref().unwrap();
    assert_eq!((change.exact(), change.published()), (&e("10"), d("10.00")));
    assert_eq!(first.current_rank.unwrap().to_string(), "1");

    let map = DomainMap::new()
        .pair("1".parse().unwrap(), "1".parse().unwrap())
        .pair("2".parse().unwrap(), "3".parse().unwrap());
    let mapped = Comparison::new_with_map(&previous, &current, &map).unwrap();
    assert_eq!(mapped.domain_pairs().len(), 2);
    let third = mapped.unit("a").unwrap().domain("3").unwrap();
    assert_eq!(third.previous_code.as_str(), "2");
    assert_eq!(third.change.as_ref().unwrap().exact(), &e("10")); // 50% → 60%
}

#[test]
fn bad_domain_maps_and_period_orders_are_refused() {
    let old = framework_with("par-old", &["1", "2"]);
    let new = framework_with("par-new", &["1", "3"]);
    let options = RankingOptions::default();
    let previous = rank(&old, &[scored(&old, "a", "2023", &[("1", "40")])], &options);
    let current = rank(&new, &[scored(&new, "a", "2024", &[("1", "45")])], &options);
    let code = |c: &str| c.parse().unwrap();
    let cases = [
        (
            DomainMap::new().pair(code("2"), code("9")),
            "the domain map names current domain 9, which framework par-new does not have",
        ),
        (
            DomainMap::new().pair(code("7"), code("1")),
            "the domain map names previous domain 7, which framework par-old does not have",
        ),
        (
            DomainMap::new()
                .pair(code("1"), code("1"))
                .pair(code("1"), code("3")),
            "the domain map maps previous domain 1 twice",
        ),
        (
            DomainMap::new()
                .pair(code("1"), code("3"))
                .pair(code("2"), code("3")),
            "the domain map maps current domain 3 twice",
        ),
    ];
    for (map, message) in cases {
        assert_eq!(
            Comparison::new_with_map(&previous, &current, &map)
                .unwrap_err()
                .to_string(),
            message
        );
    }
    assert_eq!(
        Comparison::new(&current, &previous)
            .unwrap_err()
            .to_string(),
        "cannot compare period 2024 with period 2023: the previous ranking's period must come before the current one's"
    );
    assert_eq!(
        Comparison::new(&previous, &previous)
            .unwrap_err()
            .to_string(),
        "cannot compare period 2023 with period 2023: the previous ranking's period must come before the current one's"
    );
}

#[test]
fn an_empty_ranking_compares_as_all_new_or_all_dropped() {
    let framework = one_leaf("f");
    let options = RankingOptions::default();
    let empty = Cohort::new(&framework, []).unwrap().rank().unwrap();
    let ranking = rank(
        &framework,
        &year(&framework, "2024", &[("a", "90")]),
        &options,
    );
    let all_new = Comparison::new(&empty, &ranking).unwrap();
    assert_eq!(all_new.units()[0].rank_change, RankChange::New);
    assert_eq!(all_new.previous_framework(), "f");
    let all_dropped = Comparison::new(&ranking, &empty).unwrap();
    assert_eq!(all_dropped.units()[0].rank_change, RankChange::Dropped);
    // A map is checked against the frameworks' domains, not against the units ranked.
    let map = DomainMap::new().pair("1".parse().unwrap(), "1".parse().unwrap());
    assert!(Comparison::new_with_map(&empty, &ranking, &map).is_ok());
}

#[cfg(feature = "serde")]
#[test]
fn comparisons_serialize() {
    let framework = one_leaf("f");
    let options = RankingOptions::default();
    let previous = rank(
        &framework,
        &year(&framework, "2023", &[("a", "80")]),
        &options,
    );
    let current = rank(
        &framework,
        &year(&framework, "2024", &[("a", "82.5")]),
        &options,
    );
    let json = serde_json::to_value(Comparison::new(&previous, &current).unwrap()).unwrap();
    assert_eq!(json["units"][0]["rank_change"], "same");
    assert_eq!(json["units"][0]["index_change"]["published"], "2.50");
    assert_eq!(json["units"][0]["index_change"]["exact"], "2.5");
    assert_eq!(json["units"][0]["domains"][0]["current_code"], "1");
    let map: DomainMap = serde_json::from_str(r#"[{"previous":"2","current":"3"}]"#).unwrap();
    assert_eq!(map.pairs()[0].current.as_str(), "3");
}
