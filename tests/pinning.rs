//! `pin`: every disagreement between scorecards and a published table is reported, with the
//! unit and both numbers; nothing is dropped silently.

use par_index::{
    Assessment, Cohort, Entry, ErrorKind, Evidence, Framework, GradeScale, Rounding,
    RoundingPolicy, Rule, Scorecard,
    pinning::{
        PinMismatch, PinOptions, PublishedRow, PublishedTable, TableCoverage, pin, pin_with,
    },
    ranking::Rank,
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn rank(whole: u32) -> Rank {
    Rank::new(whole).unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

/// Two domains of 60 and 40 points, each entered directly.
fn framework() -> Framework {
    Framework::builder("pin-demo", "Pinning demo")
        .domain("1", "Thẩm định", d("60"))
        .rule(Rule::Direct)
        .domain("2", "Điều tra xã hội học", d("40"))
        .child("2", "2.1", "Khảo sát lãnh đạo", d("30"))
        .child("2", "2.2", "Khảo sát người dân", d("10"))
        .rule(Rule::Direct)
        .optional()
        .build()
        .unwrap()
}

fn scorecard(unit: &str, period: &str, parts: [&str; 3]) -> Scorecard {
    let framework = framework();
    let mut assessment = Assessment::new("pin-demo", unit, period.parse().unwrap());
    for (code, points) in ["1", "2.1", "2.2"].into_iter().zip(parts) {
        let evidence = if points == "n/a" {
            Evidence::NotApplicable
        } else {
            Evidence::Points(d(points))
        };
        assessment.push(Entry::new(code.parse().unwrap()).with_evidence(evidence));
    }
    framework.score(&assessment).unwrap()
}

/// A cohort of scorecards of the framework.
fn of(scorecards: &[Scorecard]) -> Cohort {
    Cohort::new(&framework(), scorecards.to_vec()).unwrap()
}

/// Three units: 88.4, 80.123 and 80.12 (the last two show the same published number).
fn wards() -> Vec<Scorecard> {
    vec![
        scorecard("ward-a", "2024", ["55", "25", "8.4"]),
        scorecard("ward-b", "2024", ["50", "22.123", "8"]),
        scorecard("ward-c", "2024", ["50", "22.12", "8"]),
    ]
}

fn complete_table() -> PublishedTable {
    PublishedTable {
        sources: vec!["https://example.org/ket-qua-chi-so-cchc-2024".to_owned()],
        framework: Some("pin-demo".to_owned()),
        period: Some("2024".parse().unwrap()),
        coverage: TableCoverage::Complete,
        notes: String::new(),
        rows: vec![
            PublishedRow::new("ward-a", d("88.40"))
                .with_rank(rank(1))
                .with_part("1".parse().unwrap(), d("55"))
                .with_part("2".parse().unwrap(), d("33.40")),
            PublishedRow::new("ward-b", d("80.12")).with_rank(rank(2)),
            PublishedRow::new("ward-c", d("80.12")).with_rank(rank(2)),
        ],
    }
}

#[test]
fn a_faithful_table_pins_cleanly_with_ties_sharing_a_rank() {
    let report = pin(&of(&wards()), &complete_table(), Decimal::ZERO).unwrap();
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.matched, 3);
    assert!(report.ranks_checked);
    assert!(report.ranks_unchecked.is_empty());
    assert_eq!(report.to_string(), "3 units matched, 0 mismatches");
}

#[test]
fn a_deliberately_wrong_published_number_is_reported_with_both_numbers() {
    let mut table = complete_table();
    table.rows[0].index = d("84.80"); // a transposed 88.40
    let report = pin(&of(&wards()), &table, Decimal::ZERO).unwrap();
    assert!(!report.is_clean());
    assert_eq!(
        report.mismatches,
        [PinMismatch::Index {
            unit: "ward-a".to_owned(),
            computed: d("88.40"),
            exact: e("88.4"),
            published: d("84.80"),
            difference: d("3.60"),
        }]
    );
    assert_eq!(
        report.to_string(),
        "3 units matched, 1 mismatches\n\
         - unit ward-a: index computed 88.40 (exact 88.4), published 84.80, difference 3.60"
    );
}

#[test]
fn differences_within_the_tolerance_pass_and_beyond_it_fail() {
    let mut table = complete_table();
    table.rows[1].index = d("80.13");
    assert!(pin(&of(&wards()), &table, d("0.01")).unwrap().is_clean());
    let report = pin(&of(&wards()), &table, d("0.005")).unwrap();
    assert_eq!(
        report.mismatches[0].to_string(),
        "unit ward-b: index computed 80.12 (exact 80.123), published 80.13, difference -0.01"
    );
}

#[test]
fn wrong_parts_ranks_and_missing_units_on_both_sides_are_all_listed() {
    let mut table = complete_table();
    table.rows[0].parts[1].points = d("33.04");
    table.rows[2].rank = Some(rank(3)); // ties share rank 2 ("1224")
    table
        .rows
        .push(PublishedRow::new("ward-d", d("70")).with_rank(rank(4)));
    let mut scorecards = wards();
    scorecards.push(scorecard("ward-e", "2024", ["40", "20", "5"]));
    let report = pin(&of(&scorecards), &table, Decimal::ZERO).unwrap();
    let lines: Vec<String> = report.mismatches.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "unit ward-a: node 2 computed 33.40 points, published 33.04, difference 0.36",
            "unit ward-d: published but not scored",
            "unit ward-c: rank computed 2, published 3",
            "unit ward-e: scored but not published",
        ]
    );
    assert_eq!(report.matched, 3);
    // ward-d has no scorecard, so its rank is not checked (but still counts for the others).
    assert_eq!(report.ranks_unchecked, ["ward-d"]);
}

#[test]
fn units_listed_twice_in_the_table_are_reported() {
    let mut table = complete_table();
    table.rows.push(PublishedRow::new("ward-b", d("80.12")));
    let report = pin(&of(&wards()), &table, Decimal::ZERO).unwrap();
    assert!(report.mismatches.contains(&PinMismatch::DuplicateRow {
        unit: "ward-b".to_owned()
    }));
}

#[test]
fn unknown_repeated_and_inapplicable_parts_are_reported() {
    let table = PublishedTable {
        rows: vec![
            PublishedRow::new("ward-f", d("87.5"))
                .with_part("9".parse().unwrap(), d("1"))
                .with_part("2.2".parse().unwrap(), d("5"))
                .with_part("1".parse().unwrap(), d("55"))
                .with_part("1".parse().unwrap(), d("55")),
        ],
        ..PublishedTable::default()
    };
    // 2.2 does not apply: 55 + 25 out of 90.
    let scorecards = [scorecard("ward-f", "2024", ["55", "25", "n/a"])];
    let report = pin(&of(&scorecards), &table, Decimal::ZERO).unwrap();
    let lines: Vec<String> = report.mismatches.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "unit ward-f: index computed 88.89 (exact 88.88888888888888888888888889), published 87.5, difference 1.39",
            "unit ward-f: published node 9 is not in the scorecard",
            "unit ward-f: node 2.2 does not apply to the unit, published 5 points",
            "unit ward-f: node 1 is published twice",
        ]
    );
}

#[test]
fn another_framework_or_period_is_reported() {
    let scorecards = [scorecard("ward-c", "2023", ["50", "22.12", "8"])];
    let mut table = complete_table();
    table.framework = Some("vn-par-province-2022".to_owned());
    let report = pin(&of(&scorecards), &table, Decimal::ZERO).unwrap();
    let lines: Vec<String> = report.mismatches.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "unit ward-a: published but not scored",
            "unit ward-b: published but not scored",
            "unit ward-c: scored against framework pin-demo, the table is for vn-par-province-2022",
            "unit ward-c: scored for period 2023, the table is for 2024",
        ]
    );
}

#[test]
fn ranks_are_checked_for_a_top_table_but_not_an_excerpt() {
    let mut table = complete_table();
    table.rows.truncate(1);
    table.rows[0].rank = Some(rank(2));
    table.coverage = TableCoverage::Top;
    let top = pin(&of(&wards()[..1]), &table, Decimal::ZERO).unwrap();
    assert_eq!(
        top.mismatches[0].to_string(),
        "unit ward-a: rank computed 1, published 2"
    );
    table.coverage = TableCoverage::Excerpt;
    let excerpt = pin(&of(&wards()[..1]), &table, Decimal::ZERO).unwrap();
    assert!(excerpt.is_clean());
    assert!(!excerpt.ranks_checked);
    assert_eq!(excerpt.ranks_unchecked, ["ward-a"]);
}

#[test]
fn grades_are_compared_only_with_a_scale_or_a_grader() {
    let mut table = complete_table();
    table.rows[0] = table.rows[0].clone().with_grade("B");
    table.rows[1] = table.rows[1].clone().with_grade("B");
    let without = pin(&of(&wards()), &table, Decimal::ZERO).unwrap();
    assert!(without.is_clean());
    assert_eq!(without.grades_unchecked, ["ward-a", "ward-b"]);
    assert!(
        without
            .to_string()
            .ends_with("grades not checked: ward-a, ward-b")
    );

    // National groups: A from 90%, B from 80%, C from 70%.
    let national = |index: Decimal| {
        match index {
            i if i >= d("90") => "A",
            i if i >= d("80") => "B",
            i if i >= d("70") => "C",
            _ => "-",
        }
        .to_owned()
    };
    let scale = PinOptions::new(Decimal::ZERO).with_grades(GradeScale::national());
    let custom = PinOptions::new(Decimal::ZERO).with_grader(&national);
    for options in [&scale, &custom] {
        let with = pin_with(&of(&wards()), &table, options).unwrap();
        assert!(with.grades_unchecked.is_empty());
        assert_eq!(with.mismatches.len(), 0);
    }
    table.rows[0].grade = Some("A".to_owned());
    for options in [&scale, &custom] {
        let wrong = pin_with(&of(&wards()), &table, options).unwrap();
        assert_eq!(
            wrong.mismatches[0].to_string(),
            "unit ward-a: grade computed \"B\", published \"A\""
        );
    }
    // Below the lowest band, a scale gives no grade.
    let low = PublishedTable {
        rows: vec![PublishedRow::new("ward-x", d("60")).with_grade("C")],
        ..PublishedTable::default()
    };
    let x = scorecard("ward-x", "2024", ["30", "20", "10"]);
    let below = pin_with(&of(&[x]), &low, &scale).unwrap();
    assert_eq!(
        below.mismatches[0].to_string(),
        "unit ward-x: grade computed \"no grade\", published \"C\""
    );
}

#[test]
fn the_rounding_policy_decides_what_is_compared() {
    // 80.123 published with one decimal: 80.1.
    let table = PublishedTable {
        rows: vec![PublishedRow::new("ward-b", d("80.1"))],
        ..PublishedTable::default()
    };
    let one_place = RoundingPolicy::new(1, Rounding::HalfAwayFromZero).unwrap();
    let options = PinOptions::new(Decimal::ZERO).with_rounding(one_place);
    assert!(
        pin_with(&of(&wards()[1..2]), &table, &options)
            .unwrap()
            .is_clean()
    );
    assert!(
        !pin(&of(&wards()[1..2]), &table, Decimal::ZERO)
            .unwrap()
            .is_clean()
    );
}

#[test]
fn a_negative_tolerance_is_refused() {
    let error = pin(&of(&wards()), &complete_table(), d("-0.01")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a pinning tolerance of -0.01 is negative; it must be 0 or more"
    );
    assert!(matches!(error.kind(), ErrorKind::NegativeTolerance { .. }));
}

#[cfg(feature = "serde")]
#[test]
fn a_table_round_trips_through_json_and_refuses_unknown_fields() {
    let table = complete_table();
    let json = serde_json::to_string(&table).unwrap();
    assert_eq!(
        serde_json::from_str::<PublishedTable>(&json).unwrap(),
        table
    );

    let typo = r#"{"rows": [{"unit": "ward-a", "index": "88.40", "rnak": 1}]}"#;
    let error = serde_json::from_str::<PublishedTable>(typo).unwrap_err();
    assert!(
        error.to_string().starts_with("unknown field `rnak`"),
        "{error}"
    );
    let float = r#"{"rows": [{"unit": "ward-a", "index": 88.4}]}"#;
    let error = serde_json::from_str::<PublishedTable>(float).unwrap_err();
    assert!(
        error.to_string().contains("must be written as a string"),
        "{error}"
    );
}

#[test]
fn reports_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<par_index::pinning::PinReport>();
    assert_send_sync::<PublishedTable>();
}
