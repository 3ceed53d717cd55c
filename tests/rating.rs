//! From a unit's index to its head's rating: the cohort-average item, rating bands with
//! gates and overrides, and eligibility for the emulation award.

use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, RoundingPolicy, Rule,
    rating::{
        EmulationRule, GradeLabels, Ineligibility, LeaderRating, ManagedUnits, PeerAverageRule,
        RatingBand, RatingFacts, RatingGate, RatingScheme, Threshold,
    },
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn ward_index() -> Framework {
    Framework::builder("ward-index", "Ward index")
        .domain("1", "Cải cách hành chính", d("100"))
        .build()
        .unwrap()
}

fn cohort(points: &[(&str, &str)]) -> Cohort {
    let framework = ward_index();
    let scorecards = points
        .iter()
        .map(|(unit, p)| {
            let mut a = Assessment::new("ward-index", *unit, "2025".parse().unwrap());
            a.push(Entry::new("1".parse().unwrap()).with_appraised(d(p)));
            framework.score(&a).unwrap()
        })
        .collect::<Vec<_>>();
    Cohort::new(&framework, scorecards).unwrap()
}

/// A small heads' scorecard shaped like Hải Phòng's Annex 01, item II.5.
fn heads_framework() -> Framework {
    Framework::builder("heads-demo", "Heads (illustrative)")
        .total_points(d("5"))
        .domain("II", "Kết quả thực hiện nhiệm vụ", d("5"))
        .child("II", "II.5", "Tiêu chí khác", d("5"))
        .child("II.5", "5.1.a", "Chỉ số CCHC", d("2"))
        .rule(Rule::yes_no())
        .child("II.5", "5.1.b", "Chỉ số DDCI", d("2"))
        .rule(Rule::YesNo {
            points_if_yes: Some(d("1")),
        })
        .child("II.5", "5.1.c", "Chỉ tiêu kinh tế – xã hội", d("1"))
        .rule(Rule::proportional())
        .build()
        .unwrap()
}

#[test]
fn units_are_compared_with_the_average_of_their_published_indices() {
    // Exact indices 84.995 and 85.004 both publish as 85.00; the average of the published
    // indices is 85.00, so both are at the average. Compared exactly, 84.995 would be below.
    let units = cohort(&[
        ("a", "84.995"),
        ("b", "85.004"),
        ("c", "90"),
        ("d", "80.001"),
    ]);
    let result = PeerAverageRule::new("5.1.a".parse().unwrap())
        .apply(&units)
        .unwrap();
    assert_eq!(result.average, d("85"));
    let standings: Vec<(&str, String, bool)> = result
        .standings
        .iter()
        .map(|s| {
            (
                s.unit.as_str(),
                s.index.published().to_string(),
                s.at_or_above,
            )
        })
        .collect();
    assert_eq!(
        standings,
        [
            ("a", "85.00".to_owned(), true),
            ("b", "85.00".to_owned(), true),
            ("c", "90.00".to_owned(), true),
            ("d", "80.00".to_owned(), false),
        ]
    );
    assert_eq!(result.evidence("d"), Some(Evidence::Flag(false)));
    assert_eq!(result.evidence("zz"), None);

    // The heads' points come from the item's own rule in the heads' framework.
    let heads = heads_framework();
    let points: Vec<(String, par_index::Exact)> = result.points(&heads).unwrap();
    assert_eq!(
        points
            .iter()
            .map(|(_, p)| p.to_decimal())
            .collect::<Vec<_>>(),
        [d("2"), d("2"), d("2"), d("0")]
    );
    let ddci = PeerAverageRule::new("5.1.b".parse().unwrap())
        .apply(&units)
        .unwrap();
    assert_eq!(
        ddci.points(&heads)
            .unwrap()
            .iter()
            .map(|(_, p)| p.to_decimal())
            .collect::<Vec<_>>(),
        [d("1"), d("1"), d("1"), d("0")]
    );

    // The entries drop straight into each head's assessment.
    for (unit, entry) in result.entries() {
        let mut head = Assessment::new(
            "heads-demo",
            format!("head-of-{unit}"),
            "2025".parse().unwrap(),
        );
        let note = entry.note.clone();
        head.push(entry);
        let scorecard = heads
            .score_with(&head, &par_index::ScoringOptions::lenient())
            .unwrap();
        let expected = if unit == "d" { d("0") } else { d("2") };
        assert_eq!(scorecard.node("5.1.a").unwrap().points, expected);
        if unit == "d" {
            assert_eq!(note, "published index 80.00 is below the cohort average 85");
        }
    }
}

#[test]
fn the_average_can_be_rounded_too() {
    let units = cohort(&[("a", "85.01"), ("b", "85"), ("c", "85")]);
    let mut rule = PeerAverageRule::new("5.1.a".parse().unwrap());
    let exact = rule.apply(&units).unwrap();
    assert_eq!(
        exact.average,
        "25501/300".parse::<par_index::Exact>().unwrap()
    );
    assert!(!exact.standings[1].at_or_above); // 85.00 < 85.0033…
    rule.average_rounding = Some(RoundingPolicy::default());
    let rounded = rule.apply(&units).unwrap();
    assert_eq!(rounded.average.to_string(), "85");
    assert!(rounded.standings[1].at_or_above);
}

#[test]
fn the_item_must_be_a_leaf_that_scores_a_flag() {
    let units = cohort(&[("a", "80"), ("b", "90")]);
    let heads = heads_framework();
    let message = |item: &str| {
        PeerAverageRule::new(item.parse().unwrap())
            .apply(&units)
            .unwrap()
            .points(&heads)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message("9.9"),
        "framework heads-demo cannot score item 9.9: it has no such item"
    );
    assert_eq!(
        message("II.5"),
        "framework heads-demo cannot score item II.5: the item has children and is scored from them"
    );
    assert_eq!(
        message("5.1.c"),
        "sub-criterion 5.1.c is scored by a proportional rule, which cannot use flag evidence"
    );
    let rule = PeerAverageRule::new("5.1.a".parse().unwrap());
    assert_eq!(
        rule.apply(&cohort(&[])).unwrap_err().to_string(),
        "a cohort needs at least one scorecard"
    );
}

fn facts(points: &str, units: Option<ManagedUnits>) -> RatingFacts {
    RatingFacts {
        points: d(points),
        managed_units: units,
        ..RatingFacts::default()
    }
}

const ALL_GOOD: ManagedUnits = ManagedUnits {
    excellent: 0,
    good: 10,
    completed: 0,
    not_completed: 0,
};

#[test]
fn bands_follow_the_source_at_every_boundary() {
    let scheme = RatingScheme::hai_phong_212_2025();
    // "> 90" excellent, "> 80" good, "50 to 80" completed, "< 50" not completed.
    for (points, rating) in [
        ("100", LeaderRating::Excellent),
        ("90.01", LeaderRating::Excellent),
        ("90", LeaderRating::Good),
        ("80.01", LeaderRating::Good),
        ("80", LeaderRating::Completed),
        ("50", LeaderRating::Completed),
        ("49.99", LeaderRating::NotCompleted),
        ("0", LeaderRating::NotCompleted),
    ] {
        let outcome = scheme.rate(&facts(points, Some(ALL_GOOD))).unwrap();
        assert_eq!(outcome.rating, rating, "{points} points");
        assert_eq!(outcome.by_points, rating, "{points} points");
        assert!(outcome.reasons.is_empty());
    }
    for points in ["100.01", "-0.01"] {
        assert_eq!(
            scheme
                .rate(&facts(points, Some(ALL_GOOD)))
                .unwrap_err()
                .to_string(),
            format!("a leader is given {points} points, outside the rating scale 0 to 100")
        );
    }
}

#[test]
fn excellent_needs_seventy_percent_of_managed_units_good_or_better() {
    let scheme = RatingScheme::hai_phong_212_2025();
    let units = |good: u32, completed: u32| ManagedUnits {
        excellent: 0,
        good,
        completed,
        not_completed: 0,
    };
    // Exactly 70%: the gate holds ("≥ 70%").
    let at = scheme.rate(&facts("95", Some(units(7, 3)))).unwrap();
    assert_eq!(at.rating, LeaderRating::Excellent);
    // 69 of 100: one short.
    let below = scheme.rate(&facts("95", Some(units(69, 31)))).unwrap();
    assert_eq!(below.rating, LeaderRating::Good);
    assert_eq!(below.by_points, LeaderRating::Excellent);
    assert_eq!(
        below.reasons,
        [
            "excellent needs at least 70% of directly managed units rated good or better; 69 of 100 are (69%)"
        ]
    );
}

#[test]
fn good_needs_every_managed_unit_completed_and_completed_needs_seventy_percent() {
    let scheme = RatingScheme::hai_phong_212_2025();
    let one_failed = ManagedUnits {
        excellent: 3,
        good: 5,
        completed: 1,
        not_completed: 1,
    };
    let outcome = scheme.rate(&facts("95", Some(one_failed))).unwrap();
    assert_eq!(outcome.rating, LeaderRating::Completed);
    assert_eq!(
        outcome.reasons,
        [
            "excellent needs at least 100% of directly managed units rated completed or better; 9 of 10 are (90%)",
            "good needs at least 100% of directly managed units rated completed or better; 9 of 10 are (90%)",
        ]
    );
    let many_failed = ManagedUnits {
        excellent: 0,
        good: 0,
        completed: 2,
        not_completed: 1,
    };
    let outcome = scheme.rate(&facts("60", Some(many_failed))).unwrap();
    assert_eq!(outcome.rating, LeaderRating::NotCompleted);
    assert_eq!(
        outcome.reasons,
        [
            "completed needs at least 70% of directly managed units rated completed or better; 2 of 3 are (66.67%)"
        ]
    );
}

#[test]
fn a_sanction_or_a_disqualification_forces_not_completed() {
    let scheme = RatingScheme::hai_phong_212_2025();
    let mut sanctioned = facts("99", Some(ALL_GOOD));
    sanctioned.disciplinary_sanction = true;
    let outcome = scheme.rate(&sanctioned).unwrap();
    assert_eq!(outcome.rating, LeaderRating::NotCompleted);
    assert_eq!(outcome.by_points, LeaderRating::Excellent);
    assert_eq!(
        outcome.reasons,
        ["a disciplinary sanction in the year forces not completed"]
    );

    let mut disqualified = facts("85", Some(ALL_GOOD));
    disqualified
        .disqualifications
        .push("corruption dealt with in a managed unit".into());
    let outcome = scheme.rate(&disqualified).unwrap();
    assert_eq!(outcome.rating, LeaderRating::NotCompleted);
    assert_eq!(
        outcome.reasons,
        ["corruption dealt with in a managed unit forces not completed"]
    );
}

#[test]
fn managed_units_must_be_given_when_a_gate_needs_them() {
    let scheme = RatingScheme::hai_phong_212_2025();
    assert_eq!(
        scheme.rate(&facts("95", None)).unwrap_err().to_string(),
        "rating band excellent has a gate on the ratings of directly managed units, which was not given"
    );
    // Below every band no gate is checked.
    assert_eq!(
        scheme.rate(&facts("40", None)).unwrap().rating,
        LeaderRating::NotCompleted
    );
    // A leader who manages no unit has nothing to fail.
    let none = scheme
        .rate(&facts("95", Some(ManagedUnits::default())))
        .unwrap();
    assert_eq!(none.rating, LeaderRating::Excellent);
}

#[cfg(feature = "serde")]
#[test]
fn schemes_round_trip_through_json() {
    let mut spec = RatingScheme::hai_phong_212_2025().into_spec();
    spec.bands[0].gates.push(RatingGate::Condition {
        name: "all tasks on time with high quality".into(),
    });
    let scheme = RatingScheme::new(spec).unwrap();
    let json = serde_json::to_string(&scheme).unwrap();
    assert!(json.contains(r#""threshold":{"above":"90"}"#), "{json}");
    assert!(json.contains(r#""threshold":{"at_least":"50"}"#), "{json}");
    let back: RatingScheme = serde_json::from_str(&json).unwrap();
    assert_eq!(back, scheme);
}

#[test]
fn schemes_are_data_and_are_checked() {
    let mut spec = RatingScheme::hai_phong_212_2025().into_spec();
    spec.title = "custom".into();
    spec.bands[0].gates.push(RatingGate::Condition {
        name: "all tasks on time with high quality".into(),
    });
    let scheme = RatingScheme::new(spec).unwrap();
    let outcome = scheme.rate(&facts("95", Some(ALL_GOOD))).unwrap();
    assert_eq!(outcome.rating, LeaderRating::Good);
    assert_eq!(
        outcome.reasons,
        ["excellent needs \"all tasks on time with high quality\", which is not confirmed"]
    );
    let mut confirmed = facts("95", Some(ALL_GOOD));
    confirmed
        .conditions_met
        .push("all tasks on time with high quality".into());
    assert_eq!(
        scheme.rate(&confirmed).unwrap().rating,
        LeaderRating::Excellent
    );

    let band = |rating, threshold| RatingBand {
        rating,
        threshold,
        gates: Vec::new(),
    };
    let invalid = |bands: Vec<RatingBand>| {
        let mut s = RatingScheme::hai_phong_212_2025().into_spec();
        s.title = "x".into();
        s.bands = bands;
        RatingScheme::new(s).unwrap_err().to_string()
    };
    assert_eq!(
        invalid(vec![
            band(LeaderRating::Good, Threshold::Above(d("80"))),
            band(LeaderRating::Excellent, Threshold::Above(d("90"))),
        ]),
        "rating scheme \"x\" is invalid: band good (> 80) must need more points than band excellent (> 90) below it"
    );
    assert_eq!(
        invalid(vec![
            band(LeaderRating::Good, Threshold::AtLeast(d("50"))),
            band(LeaderRating::Completed, Threshold::Above(d("50"))),
        ]),
        "rating scheme \"x\" is invalid: band good (≥ 50) must need more points than band completed (> 50) below it"
    );
    assert_eq!(
        invalid(vec![
            band(LeaderRating::Good, Threshold::Above(d("80"))),
            band(LeaderRating::Good, Threshold::AtLeast(d("50"))),
        ]),
        "rating scheme \"x\" is invalid: rating good is used twice"
    );
    assert_eq!(
        invalid(vec![band(LeaderRating::Good, Threshold::Above(d("101")))]),
        "rating scheme \"x\" is invalid: band good needs > 101, outside 0 to 100"
    );
    let mut wide = band(LeaderRating::Good, Threshold::Above(d("80")));
    wide.gates.push(RatingGate::ManagedGoodOrBetter {
        at_least_percent: d("120"),
    });
    assert_eq!(
        invalid(vec![wide]),
        "rating scheme \"x\" is invalid: band good has a gate of 120%, outside 0 to 100"
    );
    // "> 50" above "≥ 50" is a valid pair: 50 itself falls to the lower band.
    let mut pair = RatingScheme::hai_phong_212_2025().into_spec();
    pair.bands = vec![
        band(LeaderRating::Good, Threshold::Above(d("50"))),
        band(LeaderRating::Completed, Threshold::AtLeast(d("50"))),
    ];
    let pair = RatingScheme::new(pair).unwrap();
    assert_eq!(
        pair.rate(&facts("50", None)).unwrap().rating,
        LeaderRating::Completed
    );
}

fn kon_tum() -> EmulationRule {
    // Kon Tum's own labels were not found; an ordinary five-grade scale for the tests.
    EmulationRule::kon_tum_707(
        GradeLabels::new(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]).unwrap(),
    )
    .unwrap()
}

#[test]
fn trung_binh_or_lower_makes_a_unit_and_its_head_ineligible() {
    let rule = kon_tum();
    assert!(rule.check("Khá", None).unwrap().eligible);
    for grade in ["Trung bình", "Yếu"] {
        let outcome = rule.check(grade, None).unwrap();
        assert!(!outcome.eligible);
        assert_eq!(
            outcome.reasons,
            [Ineligibility::GradeAtOrBelow {
                grade: grade.into(),
                threshold: "Trung bình".into()
            }]
        );
    }
}

#[test]
fn falling_two_grades_makes_a_unit_ineligible() {
    let rule = kon_tum();
    assert!(rule.check("Tốt", Some("Xuất sắc")).unwrap().eligible); // one grade
    assert!(rule.check("Xuất sắc", Some("Khá")).unwrap().eligible); // a rise
    let fell = |from: &str, to: &str, steps| Ineligibility::Fell {
        from: from.into(),
        to: to.into(),
        steps,
    };
    assert_eq!(
        rule.check("Khá", Some("Xuất sắc")).unwrap().reasons,
        [fell("Xuất sắc", "Khá", 2)]
    );
    // Low and fallen: both reasons.
    let both = rule.check("Yếu", Some("Tốt")).unwrap();
    assert_eq!(
        both.reasons,
        [
            Ineligibility::GradeAtOrBelow {
                grade: "Yếu".into(),
                threshold: "Trung bình".into()
            },
            fell("Tốt", "Yếu", 3),
        ]
    );
    let mut no_trend = kon_tum();
    no_trend.ineligible_fall = None;
    assert!(no_trend.check("Khá", Some("Xuất sắc")).unwrap().eligible);
}

#[test]
fn grade_labels_are_checked() {
    let rule = kon_tum();
    assert_eq!(
        rule.check("Giỏi", None).unwrap_err().to_string(),
        "grade \"Giỏi\" is not one of the labels Xuất sắc, Tốt, Khá, Trung bình, Yếu"
    );
    let message = |labels: &[&str]| {
        GradeLabels::new(labels.iter().copied())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(message(&[]), "invalid grade labels: there is no label");
    assert_eq!(
        message(&["Tốt", " "]),
        "invalid grade labels: label 2 is empty"
    );
    assert_eq!(
        message(&["Tốt", "Khá", "Tốt"]),
        "invalid grade labels: label \"Tốt\" is repeated"
    );
    assert_eq!(
        EmulationRule::kon_tum_707(GradeLabels::new(["A", "B", "C"]).unwrap())
            .unwrap_err()
            .to_string(),
        "grade \"Trung bình\" is not one of the labels A, B, C"
    );
}

#[cfg(feature = "serde")]
#[test]
fn grade_rules_round_trip_through_json() {
    let rule = kon_tum();
    let json = serde_json::to_string(&rule).unwrap();
    let back: EmulationRule = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rule);
    assert!(
        json.contains(r#""grades":["Xuất sắc","Tốt","Khá","Trung bình","Yếu"]"#),
        "{json}"
    );
    let err = serde_json::from_str::<GradeLabels>(r#"["Tốt", "Tốt"]"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid grade labels: label \"Tốt\" is repeated"
    );
}
