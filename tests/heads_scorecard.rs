//! From the units' published PAR Index to each head's personal scorecard and rating, with the
//! built-in Hải Phòng heads' scorecard (Decision 212/2025/QĐ-UBND, Annex 01 and Art. 7).
//!
//! The units, their indices and every other item of the heads' scorecards are illustrative;
//! the table, the "at or above the city average → 2 points" item and the rating bands are
//! the decision's.

use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, Scorecard, builtin,
    rating::{LeaderRating, ManagedUnits, PeerAverageRule, RatingFacts, RatingScheme},
};
use rust_decimal::{Decimal, dec};

/// Three wards' PAR Index, scored on a one-domain index that takes the result directly.
fn wards() -> Cohort {
    let index = Framework::builder("city-par", "City PAR Index (illustrative)")
        .domain("1", "Chỉ số CCHC", dec!(100))
        .build()
        .unwrap();
    let scorecards = [
        ("ward-a", dec!(91.204)),
        ("ward-b", dec!(85.0)),
        ("ward-c", dec!(88.096)),
    ]
    .into_iter()
    .map(|(unit, points)| {
        let mut a = Assessment::new("city-par", unit, "2025".parse().unwrap());
        a.push(Entry::new("1".parse().unwrap()).with_appraised(points));
        index.score(&a).unwrap()
    })
    .collect::<Vec<_>>();
    Cohort::new(&index, scorecards).unwrap()
}

/// A head's scorecard: full marks on every judgement and task item, "yes" on the DDCI item
/// (which awards 1 of its 2 points, as printed), and the PAR item from the cohort.
fn head_scorecard(heads: &Framework, unit: &str, par_item: Entry) -> Scorecard {
    let mut a = Assessment::new(heads.id(), format!("chair-{unit}"), "2025".parse().unwrap());
    for leaf in heads.leaves() {
        let entry = match leaf.code().as_str() {
            "II.5.1.a" => continue,
            "II.5.1.b" => Entry::new(leaf.code().clone()).with_evidence(Evidence::Flag(true)),
            _ => Entry::new(leaf.code().clone()).with_appraised(leaf.max_points()),
        };
        a.push(entry);
    }
    a.push(par_item);
    heads.score(&a).unwrap()
}

#[test]
fn a_heads_points_follow_the_units_index_against_the_cohort_average() {
    let heads = builtin::get("vn-hai-phong-heads-2025").unwrap();
    let peer = PeerAverageRule::new("II.5.1.a".parse().unwrap())
        .apply(&wards())
        .unwrap();
    // (91.20 + 85.00 + 88.10) / 3 = 88.10: ward-c, exactly at the average, is "at or above".
    assert_eq!(peer.average, dec!(88.10));
    let flags: Vec<(&str, bool)> = peer
        .standings
        .iter()
        .map(|s| (s.unit.as_str(), s.at_or_above))
        .collect();
    assert_eq!(
        flags,
        [("ward-a", true), ("ward-b", false), ("ward-c", true)]
    );
    let points: Vec<Decimal> = peer
        .points(&heads)
        .unwrap()
        .into_iter()
        .map(|(_, p)| p.to_decimal())
        .collect();
    assert_eq!(points, [dec!(2), dec!(0), dec!(2)]);

    let totals: Vec<(String, Decimal)> = peer
        .entries()
        .into_iter()
        .map(|(unit, entry)| {
            let card = head_scorecard(&heads, &unit, entry);
            (unit, card.points().to_decimal())
        })
        .collect();
    // 100 less the DDCI point the item never awards, less 2 below the average.
    assert_eq!(
        totals,
        [
            ("ward-a".to_owned(), dec!(99)),
            ("ward-b".to_owned(), dec!(97)),
            ("ward-c".to_owned(), dec!(99)),
        ]
    );

    let scheme = RatingScheme::hai_phong_212_2025();
    let rate = |points: Decimal, units: ManagedUnits, sanction: bool| {
        scheme
            .rate(&RatingFacts {
                points,
                managed_units: Some(units),
                disciplinary_sanction: sanction,
                ..RatingFacts::default()
            })
            .unwrap()
    };
    let all_good = ManagedUnits {
        excellent: 1,
        good: 6,
        completed: 0,
        not_completed: 0,
    };
    assert_eq!(
        rate(dec!(97), all_good, false).rating,
        LeaderRating::Excellent
    );
    // Excellent needs 70% of directly managed units good or better.
    let few_good = ManagedUnits {
        excellent: 1,
        good: 3,
        completed: 3,
        not_completed: 0,
    };
    let outcome = rate(dec!(99), few_good, false);
    assert_eq!(outcome.by_points, LeaderRating::Excellent);
    assert_eq!(outcome.rating, LeaderRating::Good);
    // Any disciplinary sanction in the year forces "not completed".
    assert_eq!(
        rate(dec!(99), all_good, true).rating,
        LeaderRating::NotCompleted
    );
}
