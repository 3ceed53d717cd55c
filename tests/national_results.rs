//! The library reproduces published national ranks, groups and changes from published indices.
//!
//! Source: tests/fixtures/par-2023-2024-national.json (each figure names its sources).

#![cfg(feature = "serde")]

use par_index::{
    Assessment, Cohort, Entry, Framework, Ranking, RankingOptions, Scorecard,
    comparison::{Comparison, RankChange},
};
use rust_decimal::Decimal;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/par-2023-2024-national.json");

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).unwrap()
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {value}"))
}

/// A one-leaf framework whose single domain takes the published index.
fn one_leaf(id: &str) -> Framework {
    Framework::builder(id, "Published PAR Index (one leaf)")
        .domain("1", "Chỉ số CCHC (giá trị công bố)", Decimal::ONE_HUNDRED)
        .build()
        .unwrap()
}

/// One year's scorecards: a one-leaf framework whose single domain takes the published index
/// as appraised points, so the exact index is the published one.
fn scorecards(year: &Value) -> Vec<Scorecard> {
    let id = text(year, "framework");
    let framework = one_leaf(id);
    year["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|unit| {
            let mut assessment = Assessment::new(
                id,
                text(unit, "unit"),
                text(year, "period").parse().unwrap(),
            );
            assessment.unit_name = text(unit, "name").to_owned();
            assessment.push(
                Entry::new("1".parse().unwrap())
                    .with_appraised(text(unit, "index").parse().unwrap()),
            );
            framework.score(&assessment).unwrap()
        })
        .collect()
}

fn rank(scorecards: &[Scorecard]) -> Ranking {
    let framework = one_leaf(scorecards[0].framework());
    let cohort = Cohort::new(&framework, scorecards.iter().cloned()).unwrap();
    cohort.rank_with(&RankingOptions::national()).unwrap()
}

fn rank_of(ranking: &Ranking, unit: &str) -> u64 {
    ranking
        .unit(unit)
        .unwrap()
        .rank
        .unwrap()
        .as_whole()
        .map(u64::from)
        .unwrap()
}

#[test]
fn published_ranks_are_reproduced_from_published_indices() {
    let fixture = fixture();
    for year in fixture["years"].as_array().unwrap() {
        let scorecards = scorecards(year);
        let ranking = rank(&scorecards);
        let complete_top = year["complete_top"].as_u64().unwrap();
        let mut by_published: Vec<(u64, u64)> = Vec::new();
        for unit in year["units"].as_array().unwrap() {
            let id = text(unit, "unit");
            let computed = rank_of(&ranking, id);
            if let Some(published) = unit["rank"].as_u64() {
                if published <= complete_top {
                    assert_eq!(computed, published, "{id} in {}", text(year, "period"));
                } else {
                    // Units between the top and this one are missing from the fixture.
                    assert!(computed <= published, "{id}: {computed} > {published}");
                }
                by_published.push((published, computed));
            }
        }
        by_published.sort();
        assert!(
            by_published.windows(2).all(|w| w[0].1 < w[1].1),
            "published and computed orders differ: {by_published:?}"
        );
    }
}

#[test]
fn published_groups_are_reproduced() {
    let fixture = fixture();
    for year in fixture["years"].as_array().unwrap() {
        let ranking = rank(&scorecards(year));
        let group_a_count = year["group_a_count"].as_u64().unwrap();
        for unit in year["units"].as_array().unwrap() {
            let id = text(unit, "unit");
            let grade = ranking.unit(id).unwrap().grade.as_deref();
            assert_eq!(grade, Some(text(unit, "group")), "{id}");
            // Exactly the first `group_a_count` provinces are in group A.
            if let Some(published) = unit["rank"].as_u64() {
                assert_eq!(grade == Some("A"), published <= group_a_count, "{id}");
            }
        }
    }
}

#[test]
fn published_changes_are_reproduced() {
    let fixture = fixture();
    let years = fixture["years"].as_array().unwrap();
    let (before, after) = (scorecards(&years[0]), scorecards(&years[1]));
    let (previous, current) = (rank(&before), rank(&after));
    let comparison = Comparison::new(&previous, &current).unwrap();
    assert_eq!(
        comparison.previous_framework(),
        "par-provincial-2023-published"
    );
    assert_eq!(
        comparison.current_framework(),
        "par-provincial-2024-published"
    );

    let top = |year: &Value| year["complete_top"].as_u64().unwrap();
    for change in fixture["changes"].as_array().unwrap() {
        let id = text(change, "unit");
        let unit = comparison.unit(id).unwrap();
        if let Some(index_change) = change["index_change"].as_str() {
            assert_eq!(
                unit.index_change.as_ref().unwrap().published().to_string(),
                index_change
            );
        }
        // Rank changes can be checked only where both ranks are in the complete tops.
        let ranks_known =
            rank_of(&previous, id) <= top(&years[0]) && rank_of(&current, id) <= top(&years[1]);
        if ranks_known {
            let expected = match text(change, "rank_change") {
                "up 1" => RankChange::Up {
                    places: Decimal::ONE,
                },
                "up 3" => RankChange::Up {
                    places: Decimal::from(3),
                },
                "same" => RankChange::Same,
                other => panic!("unexpected {other}"),
            };
            assert_eq!(unit.rank_change, expected, "{id}");
        }
    }
    // Sơn La crossed into group A.
    let son_la = comparison.unit("son-la").unwrap();
    assert_eq!(
        son_la.previous.as_ref().unwrap().grade.as_deref(),
        Some("B")
    );
    assert_eq!(son_la.current.as_ref().unwrap().grade.as_deref(), Some("A"));
    let most = comparison.most_improved();
    assert_eq!(most.len(), 1);
    assert_eq!(most[0].unit, "hai-phong");
}

#[test]
fn the_published_table_prints_aligned() {
    let fixture = fixture();
    let years = fixture["years"].as_array().unwrap();
    let (before, after) = (scorecards(&years[0]), scorecards(&years[1]));
    let previous = rank(&before);
    assert_eq!(
        previous.to_string(),
        "\
Rank  Unit               Index  Grade
   1  Quảng Ninh         92.18  A
   2  Hải Phòng          91.87  A
   3  Hà Nội             91.43  A
   4  Bắc Giang          91.16  A
   5  Bà Rịa - Vũng Tàu  91.03  A
   6  Sơn La             88.66  B
   7  An Giang           81.32  B
"
    );
    // The cohorts are partial: Sơn La's ↑2 (published: up 1, 13th to 12th) and the dropped
    // rows come from the units missing from the fixture, not from the library.
    let comparison = Comparison::new(&previous, &rank(&after)).unwrap();
    assert_eq!(
        comparison.to_string(),
        "\
Rank  Unit               Index  Grade  Rank change  Index change
   1  Hải Phòng          96.17  A               ↑1         +4.30
   2  Bà Rịa - Vũng Tàu  93.35  A               ↑3         +2.32
   3  Hà Nội             92.57  A                =         +1.14
   4  Sơn La             90.02  A               ↑2         +1.36
   -  Quảng Ninh             -             dropped
   -  Bắc Giang              -             dropped
   -  An Giang               -             dropped
"
    );
}
