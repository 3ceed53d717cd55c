//! JSON: exact round trips, decimals kept digit for digit, unknown fields refused by name.
#![cfg(feature = "serde")]

use par_index::{
    Assessment, Entry, Evidence, Framework, RoundingPolicy, Rule, Scorecard,
    rule::{RateBand, ZeroDenominator},
};
use rust_decimal::dec;

fn framework() -> Framework {
    Framework::builder("json-test", "JSON test index")
        .total_points(dec!(10))
        .domain("1", "Cải cách thủ tục hành chính", dec!(10))
        .name_en("Administrative procedures")
        .child("1", "1.1", "Tỷ lệ hồ sơ đúng hạn", dec!(1))
        .rule(Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: dec!(100),
                    points: dec!(1),
                },
                RateBand {
                    at_least: dec!(95),
                    points: dec!(0.5),
                },
            ],
            zero_denominator: ZeroDenominator::FullPoints,
        })
        .child("1", "1.2", "Xin lỗi công dân", dec!(9))
        .rule(Rule::proportional())
        .optional()
        .build()
        .unwrap()
}

fn assessment() -> Assessment {
    let mut a = Assessment::new("json-test", "phuong-minh-an", "2021-H1".parse().unwrap());
    a.unit_name = "Phường Minh An".into();
    a.push(
        Entry::new("1.1".parse().unwrap())
            .with_evidence(Evidence::rate(5_378, 5_597))
            .with_self_assessed(dec!(1))
            .with_appraised(dec!(0.5))
            .with_note("96.09% early or on time")
            .with_evidence_ref("BC-123/UBND"),
    );
    a.push(
        Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::Rate {
            numerator: dec!(218.000),
            denominator: dec!(219),
        }),
    );
    a
}

#[test]
fn frameworks_assessments_and_scorecards_round_trip_exactly() {
    let framework = framework();
    let json = serde_json::to_string_pretty(&framework).unwrap();
    assert_eq!(serde_json::from_str::<Framework>(&json).unwrap(), framework);

    let assessment = assessment();
    let json = serde_json::to_string(&assessment).unwrap();
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, assessment);
    // Every digit survives, trailing zeros included.
    assert!(json.contains(r#""numerator":"218.000""#), "{json}");

    let card = framework.score(&assessment).unwrap();
    let json = serde_json::to_string(&card).unwrap();
    let back: Scorecard = serde_json::from_str(&json).unwrap();
    assert_eq!(back, card);
    assert_eq!(back.index().to_string(), card.index().to_string());

    let published = card.publish(&RoundingPolicy::default());
    let json = serde_json::to_string(&published).unwrap();
    assert_eq!(
        serde_json::from_str::<par_index::scorecard::PublishedScorecard>(&json).unwrap(),
        published
    );
}

#[test]
fn the_json_form_is_readable() {
    let json = serde_json::to_value(framework()).unwrap();
    let leaf = &json["nodes"][1];
    assert_eq!(leaf["code"], "1.1");
    assert_eq!(leaf["parent"], "1");
    assert_eq!(leaf["max_points"], "1");
    assert_eq!(leaf["rule"]["kind"], "threshold_bands");
    assert_eq!(leaf["rule"]["bands"][1]["at_least"], "95");
    assert_eq!(leaf["rule"]["zero_denominator"], "full_points");
    let evidence = serde_json::to_value(Evidence::rate(1, 2)).unwrap();
    assert_eq!(
        evidence,
        serde_json::json!({"rate": {"numerator": "1", "denominator": "2"}})
    );
    assert_eq!(
        serde_json::to_value(Evidence::NotApplicable).unwrap(),
        serde_json::json!("not_applicable")
    );
}

#[test]
fn integers_are_accepted_but_fractional_json_numbers_are_refused() {
    let entry: Entry =
        serde_json::from_str(r#"{"code": "1.1", "appraised": 1, "evidence": {"count": 3}}"#)
            .unwrap();
    assert_eq!(entry.appraised, Some(dec!(1)));
    let error = serde_json::from_str::<Entry>(r#"{"code": "1.1", "appraised": 0.1}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the number 0.1 must be written as a string (\"0.1\") so that no digit is lost at line 1 column 32"
    );
    let error =
        serde_json::from_str::<Entry>(r#"{"code": "1.1", "appraised": "0,5"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid decimal \"0,5\" at line 1 column 34"
    );
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let error = serde_json::from_str::<Entry>(r#"{"code": "1.1", "apraised": "1"}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("unknown field `apraised`, expected one of"),
        "{error}"
    );
    let mut json = serde_json::to_value(framework()).unwrap();
    json["nodes"][0]["max_point"] = "10".into();
    let error = serde_json::from_value::<Framework>(json).unwrap_err();
    assert!(
        error.to_string().starts_with("unknown field `max_point`"),
        "{error}"
    );
    let rule = r#"{"kind": "proportional", "full_at": "95"}"#;
    let error = serde_json::from_str::<Rule>(rule).unwrap_err();
    assert!(
        error.to_string().starts_with("unknown field `full_at`"),
        "{error}"
    );
}

#[test]
fn a_framework_read_from_json_is_validated() {
    let mut json = serde_json::to_value(framework()).unwrap();
    json["nodes"][2]["max_points"] = "8".into();
    let error = serde_json::from_value::<Framework>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the children of domain 1 add up to 9 points but its maximum is 10"
    );
    let error = serde_json::from_str::<Assessment>(
        r#"{"framework": "x", "unit": "u", "period": "2021 H1"}"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("invalid period \"2021 H1\""),
        "{error}"
    );
}
