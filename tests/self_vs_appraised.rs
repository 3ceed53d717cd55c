//! Self-assessed against appraised points, on a hand-checked cohort.

use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, Scorecard,
    analysis::self_appraisal::SelfAppraisal, code::Level,
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

/// Two domains; domain 1 has a criterion with two sub-criteria and a criterion that is a leaf.
fn framework() -> Framework {
    Framework::builder("dept-2020", "Department index (illustrative)")
        .total_points(d("20"))
        .domain("1", "Công tác chỉ đạo, điều hành CCHC", d("12"))
        .child("1", "1.1", "Kế hoạch CCHC", d("5"))
        .child("1.1", "1.1.1", "Ban hành kế hoạch đúng hạn", d("2"))
        .child("1.1", "1.1.2", "Mức độ hoàn thành kế hoạch", d("3"))
        .child("1", "1.2", "Kiểm tra CCHC", d("7"))
        .domain("2", "Cải cách thủ tục hành chính", d("8"))
        .child("2", "2.1", "Hồ sơ giải quyết đúng hạn", d("8"))
        .build()
        .unwrap()
}

/// (code, self-assessed, appraised); `None` leaves the number out.
fn card(unit: &str, leaves: &[(&str, Option<&str>, Option<&str>)]) -> Scorecard {
    let mut a = Assessment::new("dept-2020", unit, "2020".parse().unwrap());
    for (code, own, appraised) in leaves {
        let mut entry = Entry::new(code.parse().unwrap());
        if let Some(own) = own {
            entry = entry.with_self_assessed(d(own));
        }
        if let Some(appraised) = appraised {
            entry = entry.with_appraised(d(appraised));
        }
        if own.is_none() && appraised.is_none() {
            entry = entry.with_evidence(Evidence::Points(Decimal::ONE));
        }
        a.push(entry);
    }
    framework()
        .score_with(&a, &par_index::ScoringOptions::lenient())
        .unwrap()
}

fn cohort() -> Vec<Scorecard> {
    vec![
        // Overstates by 0.5 + 1.25 + 0 + 2 = 3.75.
        card(
            "dept-a",
            &[
                ("1.1.1", Some("2"), Some("1.5")),
                ("1.1.2", Some("3"), Some("1.75")),
                ("1.2", Some("7"), Some("7")),
                ("2.1", Some("8"), Some("6")),
            ],
        ),
        // Understates 1.2 by 1; 1.1.2 has no appraisal, 2.1 only evidence: both left out.
        card(
            "dept-b",
            &[
                ("1.1.1", Some("2"), Some("2")),
                ("1.1.2", Some("3"), None),
                ("1.2", Some("5"), Some("6")),
                ("2.1", None, None),
            ],
        ),
        // Nothing self-assessed: no leaf compared.
        card("dept-c", &[("1.2", None, Some("4"))]),
    ]
}

#[test]
fn differences_add_up_the_tree_over_leaves_with_both_numbers() {
    let comparison = SelfAppraisal::compare(&Cohort::new(&framework(), cohort()).unwrap()).unwrap();
    let a = &comparison.units()[0];
    assert_eq!(a.unit, "dept-a");
    assert_eq!(
        (
            a.self_assessed.clone(),
            a.appraised.clone(),
            a.difference.clone()
        ),
        (e("20"), e("16.25"), e("3.75"))
    );
    let rows: Vec<(&str, Level, Decimal, Decimal, Decimal, usize)> = a
        .nodes
        .iter()
        .map(|n| {
            (
                n.code.as_str(),
                n.level,
                n.self_assessed.to_decimal(),
                n.appraised.to_decimal(),
                n.difference.to_decimal(),
                n.leaves_compared,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1", Level::Domain, d("12"), d("10.25"), d("1.75"), 3),
            ("1.1", Level::Criterion, d("5"), d("3.25"), d("1.75"), 2),
            ("1.1.1", Level::SubCriterion, d("2"), d("1.5"), d("0.5"), 1),
            (
                "1.1.2",
                Level::SubCriterion,
                d("3"),
                d("1.75"),
                d("1.25"),
                1
            ),
            ("1.2", Level::Criterion, d("7"), d("7"), d("0"), 1),
            ("2", Level::Domain, d("8"), d("6"), d("2"), 1),
            ("2.1", Level::Criterion, d("8"), d("6"), d("2"), 1),
        ]
    );
    assert!(a.not_compared.is_empty());

    let b = &comparison.units()[1];
    assert_eq!(
        (
            b.self_assessed.clone(),
            b.appraised.clone(),
            b.difference.clone()
        ),
        (e("7"), e("8"), e("-1"))
    );
    assert_eq!(b.node("1.1").unwrap().leaves_compared, 1);
    assert_eq!(b.node("2").unwrap().leaves_compared, 0);
    let not_compared: Vec<&str> = b.not_compared.iter().map(|c| c.as_str()).collect();
    assert_eq!(not_compared, ["1.1.2", "2.1"]);
}

#[test]
fn overstatement_is_flagged_above_the_threshold_only() {
    let comparison = SelfAppraisal::compare(&Cohort::new(&framework(), cohort()).unwrap()).unwrap();
    let units = |threshold: &str| -> Vec<String> {
        comparison
            .overstating(d(threshold))
            .map(|u| u.unit.clone())
            .collect()
    };
    assert_eq!(units("0"), ["dept-a"]);
    assert_eq!(
        units("3.75"),
        Vec::<String>::new(),
        "strictly more than the threshold"
    );
    assert_eq!(units("-2"), ["dept-a", "dept-b", "dept-c"]);
    let a = &comparison.units()[0];
    let nodes: Vec<&str> = a
        .overstated_nodes(d("1.5"))
        .map(|n| n.code.as_str())
        .collect();
    assert_eq!(nodes, ["1", "1.1", "2", "2.1"]);
}

#[test]
fn the_summary_averages_units_with_something_compared() {
    let comparison = SelfAppraisal::compare(&Cohort::new(&framework(), cohort()).unwrap()).unwrap();
    let summary = comparison.summary().unwrap();
    assert_eq!(summary.units, 2, "dept-c self-assessed nothing");
    assert_eq!(summary.mean_self_assessed, d("13.5")); // (20 + 7) / 2
    assert_eq!(summary.mean_appraised, d("12.125")); // (16.25 + 8) / 2
    assert_eq!(summary.mean_difference, d("1.375")); // (3.75 - 1) / 2
    let empty = SelfAppraisal::compare(&Cohort::new(&framework(), []).unwrap())
        .unwrap()
        .summary()
        .unwrap();
    assert_eq!(
        (empty.units, empty.mean_self_assessed),
        (0, par_index::Exact::ZERO)
    );
}

#[test]
fn scorecards_of_another_framework_are_refused() {
    let other = Framework::builder("other", "Other")
        .domain("1", "Chỉ đạo", d("100"))
        .child("1", "1.1", "Kế hoạch", d("100"))
        .build()
        .unwrap();
    let mut a = Assessment::new("other", "dept-x", "2020".parse().unwrap());
    a.push(Entry::new("1.1".parse().unwrap()).with_appraised(d("5")));
    let card = other.score(&a).unwrap();
    // The cohort refuses it, before any comparison.
    let err = Cohort::new(&framework(), [card]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unit dept-x is assessed against framework other, not dept-2020"
    );
}

#[test]
fn a_scorecard_whose_nodes_differ_from_the_framework_is_refused() {
    // A scorecard that names the framework but was made from another version of it.
    let old = Framework::builder("dept-2020", "An older version")
        .domain("1", "Chỉ đạo", d("100"))
        .child("1", "1.1", "Kế hoạch", d("100"))
        .build()
        .unwrap();
    let mut a = Assessment::new("dept-2020", "dept-y", "2020".parse().unwrap());
    a.push(Entry::new("1.1".parse().unwrap()).with_appraised(d("5")));
    let card = old.score(&a).unwrap();
    // The cohort refuses it, before any comparison.
    let err = Cohort::new(&framework(), [card]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the scorecard of unit dept-y does not have the nodes of framework dept-2020"
    );
}
