//! JSON inputs from outside (frameworks, assessments, assignments): duplicate keys, unknown
//! fields and malformed numbers are refused with a message naming the field and the place;
//! accepted decimals keep every digit.
#![cfg(feature = "serde")]

use par_index::{
    Assessment, Entry, Evidence, Framework, Rule,
    accountability::{Agency, AgencyKind, Assignments, Head},
};
use rust_decimal::dec;

#[track_caller]
fn refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).unwrap_err().to_string()
}

fn framework_json() -> String {
    let framework = Framework::builder("j", "J")
        .total_points(dec!(10))
        .domain("1", "Một", dec!(10))
        .child("1", "1.1", "Một một", dec!(10))
        .rule(Rule::proportional())
        .build()
        .unwrap();
    serde_json::to_string(&framework).unwrap()
}

#[test]
fn a_repeated_key_in_an_entry_or_assessment_is_refused_by_name() {
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","code":"2"}"#),
        "duplicate field `code` at line 1 column 18"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":"1","appraised":"2"}"#),
        "duplicate field `appraised` at line 1 column 39"
    );
    assert_eq!(
        refused::<Assessment>(
            r#"{"framework":"a","framework":"b","unit":"u","period":"2024","entries":[]}"#
        ),
        "duplicate field `framework` at line 1 column 28"
    );
}

#[test]
fn a_repeated_key_inside_evidence_or_a_rule_is_refused() {
    assert_eq!(
        refused::<Evidence>(r#"{"rate":{"numerator":"1","numerator":"2","denominator":"3"}}"#),
        "duplicate field `numerator` at line 1 column 36"
    );
    // The tag of an internally tagged rule.
    assert_eq!(
        refused::<Rule>(r#"{"kind":"linear","kind":"direct"}"#),
        "duplicate field `kind` at line 1 column 23"
    );
    // One kind twice, or two kinds in one object: both keys are named.
    assert_eq!(
        refused::<Evidence>(r#"{"count":3,"count":4}"#),
        "duplicate field `count` at line 1 column 18"
    );
    assert_eq!(
        refused::<Evidence>(r#"{"count":3,"flag":true}"#),
        "evidence holds one kind, but `count` is followed by `flag` at line 1 column 17"
    );
}

#[test]
fn evidence_reads_every_kind_and_refuses_what_is_not_one() {
    for (json, evidence) in [
        (r#"{"points":"1.5"}"#, Evidence::Points(dec!(1.5))),
        (r#"{"flag":true}"#, Evidence::Flag(true)),
        (
            r#"{"rate":{"numerator":"7723","denominator":8037}}"#,
            Evidence::rate(7_723, 8_037),
        ),
        (r#"{"percent":"96.09"}"#, Evidence::Percent(dec!(96.09))),
        (r#"{"count":3}"#, Evidence::Count(3)),
        (r#"{"value":"-4.5"}"#, Evidence::Value(dec!(-4.5))),
        (
            r#"{"survey_mean":"4.12"}"#,
            Evidence::SurveyMean(dec!(4.12)),
        ),
        (r#""not_applicable""#, Evidence::NotApplicable),
        (r#"{"not_applicable":null}"#, Evidence::NotApplicable),
    ] {
        assert_eq!(
            serde_json::from_str::<Evidence>(json).unwrap(),
            evidence,
            "{json}"
        );
        let written = serde_json::to_string(&evidence).unwrap();
        assert_eq!(
            serde_json::from_str::<Evidence>(&written).unwrap(),
            evidence
        );
    }
    for (json, message) in [
        (
            r#"{"counts":3}"#,
            "unknown variant `counts`, expected one of `points`, `flag`, `rate`, `percent`, \
             `count`, `value`, `survey_mean`, `not_applicable` at line 1 column 9",
        ),
        (
            r#""count""#,
            "evidence `count` needs a value, as in {\"count\": …} at line 1 column 7",
        ),
        (
            r#""yes""#,
            "unknown variant `yes`, expected one of `points`, `flag`, `rate`, `percent`, \
             `count`, `value`, `survey_mean`, `not_applicable` at line 1 column 5",
        ),
        (
            "{}",
            "the evidence object is empty; give one kind, such as {\"count\": 3} at line 1 column 2",
        ),
        (
            "3",
            "invalid type: integer `3`, expected evidence: \"not_applicable\" or an object with \
             one kind, such as {\"count\": 3} at line 1 column 1",
        ),
        (
            r#"{"count":-1}"#,
            "invalid value: integer `-1`, expected u64 at line 1 column 11",
        ),
        (
            r#"{"percent":96.09}"#,
            "the number 96.09 must be written as a string (\"96.09\") so that no digit is lost \
             at line 1 column 16",
        ),
        (
            r#"{"rate":{"numerator":"1","denominator":"3","of":"4"}}"#,
            "unknown field `of`, expected `numerator` or `denominator` at line 1 column 47",
        ),
        (
            r#"{"rate":{"numerator":"1"}}"#,
            "missing field `denominator` at line 1 column 25",
        ),
    ] {
        assert_eq!(refused::<Evidence>(json), message, "{json}");
    }
}

#[test]
fn a_repeated_key_in_a_framework_is_refused_by_name() {
    let json = framework_json();
    let twice = json.replacen(r#""title":"J""#, r#""title":"J","title":"K""#, 1);
    assert_ne!(twice, json);
    let message = refused::<Framework>(&twice);
    assert!(
        message.starts_with("duplicate field `title` at line 1 column "),
        "{message}"
    );
    let twice = json.replacen(
        r#""max_points":"10""#,
        r#""max_points":"10","max_points":"9""#,
        1,
    );
    assert_ne!(twice, json);
    let message = refused::<Framework>(&twice);
    assert!(
        message.starts_with("duplicate field `max_points` at line 1 column "),
        "{message}"
    );
}

#[test]
fn a_repeated_key_in_assignments_is_refused_by_name() {
    let mut plan = Assignments::new("Plan");
    plan.agency(Agency::new(
        "NV",
        "Phòng Nội vụ",
        AgencyKind::Office,
        Head::new("Trưởng phòng"),
    ));
    plan.assign("1", "NV", &[]).unwrap();
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<Assignments>(&json).unwrap(), plan);
    for (field, from, to) in [
        (
            "title",
            r#""title":"Plan""#,
            r#""title":"Plan","title":"Other""#,
        ),
        ("lead", r#""lead":"NV""#, r#""lead":"NV","lead":"VP""#),
        ("code", r#""code":"NV""#, r#""code":"NV","code":"VP""#),
        (
            "title_vi",
            r#""title_vi":"Trưởng phòng""#,
            r#""title_vi":"A","title_vi":"B""#,
        ),
    ] {
        let twice = json.replacen(from, to, 1);
        assert_ne!(twice, json, "{field}");
        let message = refused::<Assignments>(&twice);
        assert!(
            message.starts_with(&format!("duplicate field `{field}` at line 1 column ")),
            "{message}"
        );
    }
    assert!(
        refused::<Assignments>(&json.replacen(r#""lead":"NV""#, r#""lead":"NV","led":"NV""#, 1))
            .starts_with("unknown field `led`, expected one of `code`, `lead`, `coordinating`")
    );
}

#[test]
fn malformed_numbers_are_refused_with_their_text_and_place() {
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":"NaN"}"#),
        "invalid decimal \"NaN\" at line 1 column 29"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":"1_000"}"#),
        "invalid decimal \"1_000\" at line 1 column 31"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":""}"#),
        "invalid decimal \"\" at line 1 column 26"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":1.5}"#),
        "the number 1.5 must be written as a string (\"1.5\") so that no digit is lost at line 1 column 27"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":99999999999999999999999999999999}"#),
        "the number 100000000000000000000000000000000 must be written as a string \
         (\"100000000000000000000000000000000\") so that no digit is lost at line 1 column 56"
    );
}

#[test]
fn decimals_with_more_digits_than_a_decimal_holds_are_refused_not_rounded() {
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":"0.1234567890123456789012345678901"}"#),
        "the decimal \"0.1234567890123456789012345678901\" has more digits than the 28 a \
         decimal holds exactly at line 1 column 59"
    );
    assert_eq!(
        refused::<Entry>(r#"{"code":"1","appraised":"1.2345678901234567890123456789012e3"}"#),
        "the decimal \"1.2345678901234567890123456789012e3\" has more digits than the 28 a \
         decimal holds exactly at line 1 column 61"
    );
}

#[test]
fn accepted_decimals_keep_every_digit_and_their_scale() {
    for (text, shown) in [
        ("1.50", "1.50"),
        (
            "0.1234567890123456789012345678",
            "0.1234567890123456789012345678",
        ),
        (
            "79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
        ("1e5", "100000"),
        ("2.5E-3", "0.0025"),
        (" 7 ", "7"),
    ] {
        let entry: Entry =
            serde_json::from_str(&format!(r#"{{"code":"1","appraised":"{text}"}}"#)).unwrap();
        assert_eq!(entry.appraised.unwrap().to_string(), shown, "{text}");
    }
}

#[test]
fn a_proportional_rule_without_full_at_percent_is_full_at_100_percent() {
    let rule: Rule = serde_json::from_str(r#"{"kind":"proportional"}"#).unwrap();
    assert_eq!(rule, Rule::proportional());
    assert_eq!(
        serde_json::to_string(&rule).unwrap(),
        r#"{"kind":"proportional","full_at_percent":"100","zero_denominator":"error"}"#
    );
}
