//! The worked annex `examples/data/province-annex-illustrative.json` loads, validates, uses
//! every kind of node field and rule, and scores as the format documentation says.

#![cfg(feature = "serde")]

use par_index::{
    Assessment, Framework, RoundingPolicy,
    framework::{Combine, FrameworkSpec, Method, NotApplicablePolicy},
};
use rust_decimal::Decimal;

const ANNEX: &str = include_str!("../examples/data/province-annex-illustrative.json");

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn annex() -> Framework {
    serde_json::from_str(ANNEX).unwrap()
}

#[test]
fn the_worked_annex_loads_and_validates() {
    let spec: FrameworkSpec = serde_json::from_str(ANNEX).unwrap();
    let framework = Framework::from_spec(spec.clone()).unwrap();
    assert_eq!(framework, annex());
    let info = framework.info();
    assert!(info.illustrative);
    assert!(info.title.contains("(illustrative)"));
    assert!(
        info.notes
            .starts_with("ILLUSTRATIVE: not an official annex.")
    );
    assert_eq!(framework.total_points(), d("100"));
    assert_eq!(framework.domains().count(), 8);
    assert_eq!(framework.len(), spec.nodes.len());
    assert_eq!(framework.leaves().count(), 29);
    assert_eq!(framework.node("1.3.1").unwrap().depth(), 3);

    // It round-trips: what the library writes reads back to the same framework.
    let written = serde_json::to_string_pretty(&framework).unwrap();
    assert_eq!(
        serde_json::from_str::<Framework>(&written).unwrap(),
        framework
    );
}

#[test]
fn the_worked_annex_uses_every_rule_and_node_field() {
    let framework = annex();
    let mut kinds: Vec<&str> = framework
        .leaves()
        .map(|n| n.rule().unwrap().kind())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "count_bands",
            "deduction",
            "direct",
            "linear",
            "proportional",
            "survey_mean",
            "threshold_bands",
            "yes_no"
        ]
    );
    let domain_8 = framework.node("8").unwrap();
    assert_eq!(domain_8.combine(), Combine::WeightedMean);
    assert_eq!(domain_8.method(), Method::Survey);
    assert_eq!(framework.node("8.1").unwrap().weight(), Some(d("22")));
    assert_eq!(
        framework.node("8.2").unwrap().method(),
        Method::CitizenSurvey
    );
    assert_eq!(
        framework.node("6").unwrap().spec().when_not_applicable,
        NotApplicablePolicy::Rescale
    );
    assert!(framework.node("6.1").unwrap().is_optional());
    // A leaf without a rule is scored directly.
    assert!(framework.node("2.3").unwrap().spec().rule.is_none());
    assert_eq!(
        framework.node("2.3").unwrap().rule().unwrap().kind(),
        "direct"
    );
}

#[test]
fn a_department_scores_as_documented() {
    let framework = annex();
    let department: Assessment = serde_json::from_str(
        r#"{
          "framework": "province-departments-illustrative",
          "unit": "so-noi-vu",
          "unit_name": "Sở Nội vụ",
          "period": "2024",
          "entries": [
            {"code": "1.1.1", "evidence": {"flag": true}},
            {"code": "1.1.2", "evidence": {"rate": {"numerator": "9", "denominator": "10"}}},
            {"code": "1.2", "evidence": {"count": 1}},
            {"code": "1.3.1", "evidence": {"percent": "60"}},
            {"code": "1.3.2", "evidence": {"rate": {"numerator": 0, "denominator": 0}}},
            {"code": "1.4", "evidence": {"points": "1.5"}},
            {"code": "1.5", "evidence": {"count": 3}},
            {"code": "2.1", "evidence": {"rate": {"numerator": 3, "denominator": 4}}},
            {"code": "2.2", "evidence": {"flag": false}},
            {"code": "2.3", "self_assessed": "3", "appraised": "2.5",
             "note": "monitoring report sent late", "evidence_refs": ["BC-12/2024"]},
            {"code": "3.1.1", "evidence": {"flag": true}},
            {"code": "3.1.2", "evidence": {"percent": "100"}},
            {"code": "3.2.1", "evidence": {"rate": {"numerator": 5378, "denominator": 5597}}},
            {"code": "3.2.2", "evidence": {"rate": {"numerator": 20, "denominator": 25}}},
            {"code": "3.2.3", "evidence": {"percent": "50"}},
            {"code": "3.3", "evidence": {"rate": {"numerator": 0, "denominator": 0}}},
            {"code": "3.4", "evidence": {"percent": "65"}},
            {"code": "4.1", "evidence": {"flag": true}},
            {"code": "4.2", "evidence": {"value": "1"}},
            {"code": "5.1", "evidence": {"flag": true}},
            {"code": "5.2", "evidence": {"count": 2}},
            {"code": "5.3", "evidence": {"rate": {"numerator": 45, "denominator": 50}}},
            {"code": "6.1", "evidence": "not_applicable"},
            {"code": "6.2", "evidence": {"flag": true}},
            {"code": "7.1", "evidence": {"rate": {"numerator": 95, "denominator": 100}}},
            {"code": "7.2", "evidence": {"flag": true}},
            {"code": "7.3", "evidence": {"percent": "40"}},
            {"code": "8.1", "evidence": {"survey_mean": "4"}},
            {"code": "8.2", "evidence": {"survey_mean": "85"}}
          ]
        }"#,
    )
    .unwrap();
    let scorecard = framework.score(&department).unwrap();
    assert!(scorecard.missing().is_empty());
    let points = |code: &str| scorecard.node(code).unwrap().points.clone();
    // 1 + 1.8 + 2.5 + 1 + 1 + 1.5 + 2
    assert_eq!(points("1"), d("10.8"));
    // 3 + 0 + 2.5 (appraised over self-assessed)
    assert_eq!(points("2"), d("5.5"));
    // 2 + 1 + 3 (96.09% reaches the 95% band) + 1.6 + 0.5 + 3 + 1.5
    assert_eq!(points("3"), d("12.6"));
    // 4 + 4 × (5 − 1) / 5
    assert_eq!(points("4"), d("7.2"));
    assert_eq!(points("5"), d("9.6"));
    // 6.1 does not apply; 6.2's 4 of 4 are rescaled to the domain's 8.
    assert_eq!(points("6"), d("8"));
    assert_eq!(points("7"), d("8.4"));
    // (22 × 75% + 10 × 85%) / 32 × 20
    assert_eq!(points("8"), d("15.625"));
    assert_eq!(scorecard.index(), d("77.725"));
    // Rounded once, half away from zero: 77.73 (banker's rounding would print 77.72).
    let published = scorecard.publish(&RoundingPolicy::default());
    assert_eq!(published.index.to_string(), "77.73");
}
