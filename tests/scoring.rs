//! Scoring assessments: where final points come from, not-applicable nodes, weighted means,
//! adjustments, and every assessment error.

use par_index::{
    Assessment, Entry, Evidence, Framework, RoundingPolicy, Rule, ScoringOptions,
    assessment::Adjustment,
    framework::{Combine, Method, NotApplicablePolicy},
    scorecard::Source,
};
use rust_decimal::{Decimal, dec};

fn entry(code: &str) -> Entry {
    Entry::new(code.parse().unwrap())
}

fn assessment(framework: &str, entries: Vec<Entry>) -> Assessment {
    let mut a = Assessment::new(framework, "ward-1", "2021".parse().unwrap());
    a.entries = entries;
    a
}

/// Domain 1 (4 points): 1.1 yes/no (2), 1.2 direct (2); domain 2 (6): 2.1 proportional (6).
fn small() -> Framework {
    Framework::builder("small", "Small index")
        .total_points(dec!(10))
        .domain("1", "Chỉ đạo, điều hành", dec!(4))
        .child("1", "1.1", "Kế hoạch CCHC", dec!(2))
        .rule(Rule::yes_no())
        .child("1", "1.2", "Kiểm tra CCHC", dec!(2))
        .domain("2", "Thủ tục hành chính", dec!(6))
        .child("2", "2.1", "Hồ sơ đúng hạn", dec!(6))
        .rule(Rule::proportional())
        .build()
        .unwrap()
}

#[test]
fn appraised_points_win_then_evidence_then_self_assessment() {
    let framework = small();
    let card = framework
        .score(&assessment(
            "small",
            vec![
                // Appraisal overrides both the evidence and the unit's own score.
                entry("1.1")
                    .with_evidence(Evidence::Flag(true))
                    .with_self_assessed(dec!(2))
                    .with_appraised(dec!(1))
                    .with_note("plan issued late"),
                // Only the unit's own score.
                entry("1.2").with_self_assessed(dec!(1.5)),
                // Evidence beats the unit's own score.
                entry("2.1")
                    .with_evidence(Evidence::rate(3, 4))
                    .with_self_assessed(dec!(6)),
            ],
        ))
        .unwrap();
    let leaf = |code| card.node(code).unwrap().leaf.clone().unwrap();
    assert_eq!(leaf("1.1").source, Source::Appraised);
    assert_eq!(leaf("1.1").from_evidence, Some(dec!(2).into()));
    assert_eq!(leaf("1.1").self_assessed, Some(dec!(2)));
    assert_eq!(leaf("1.1").appraised, Some(dec!(1)));
    assert_eq!(leaf("1.1").note, "plan issued late");
    assert_eq!(leaf("1.2").source, Source::SelfAssessed);
    assert_eq!(leaf("2.1").source, Source::Evidence);
    assert_eq!(card.node("1").unwrap().points, dec!(2.5));
    assert_eq!(card.node("2").unwrap().points, dec!(4.5));
    assert_eq!(card.points(), dec!(7));
    assert_eq!(card.index(), dec!(70));
    assert_eq!(card.node("2").unwrap().percent(), Some(dec!(75).into()));
    assert_eq!(card.lost_points(), dec!(3));
    assert!(card.missing().is_empty());
}

#[test]
fn missing_leaves_score_zero_and_are_listed_or_refused_in_strict_mode() {
    let framework = small();
    let partial = assessment(
        "small",
        vec![entry("1.1").with_evidence(Evidence::Flag(true))],
    );
    let card = framework
        .score_with(&partial, &par_index::ScoringOptions::lenient())
        .unwrap();
    let missing: Vec<&str> = card.missing().iter().map(|c| c.as_str()).collect();
    assert_eq!(missing, ["1.2", "2.1"]);
    assert_eq!(
        card.node("1.2").unwrap().leaf.as_ref().unwrap().source,
        Source::Missing
    );
    assert_eq!(card.index(), dec!(20));
    // An entry with only a note is still missing.
    let noted = assessment("small", vec![entry("1.2").with_note("no report received")]);
    assert_eq!(
        framework
            .score_with(&noted, &ScoringOptions::lenient())
            .unwrap()
            .missing()
            .len(),
        3
    );
    // Strict is the default.
    assert_eq!(ScoringOptions::default(), ScoringOptions::strict());
    for refused in [
        framework.score(&partial),
        framework.score_with(&partial, &ScoringOptions::strict()),
    ] {
        assert_eq!(
            refused.unwrap_err().to_string(),
            "unit ward-1 has no input for 2 leaves: 1.2, 2.1"
        );
    }
}

#[test]
fn assessment_errors_name_the_unit_the_code_and_the_values() {
    let framework = small();
    let error = |entries: Vec<Entry>| {
        framework
            .score(&assessment("small", entries))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error(vec![entry("9.9").with_self_assessed(dec!(1))]),
        "unit ward-1 reports code 9.9, which framework small does not have"
    );
    assert_eq!(
        error(vec![entry("1").with_self_assessed(dec!(1))]),
        "unit ward-1 reports domain 1 directly, but it has children and is scored from them"
    );
    assert_eq!(
        error(vec![
            entry("1.2").with_self_assessed(dec!(1)),
            entry("1.2").with_self_assessed(dec!(2)),
        ]),
        "unit ward-1 reports code 1.2 twice"
    );
    assert_eq!(
        error(vec![entry("1.2").with_appraised(dec!(2.5))]),
        "unit ward-1: criterion 1.2 is given 2.5 appraised points but its maximum is 2"
    );
    assert_eq!(
        error(vec![entry("1.2").with_self_assessed(dec!(-1))]),
        "unit ward-1: criterion 1.2 is given a negative self-assessed: -1"
    );
    assert_eq!(
        error(vec![entry("1.1").with_evidence(Evidence::Count(3))]),
        "unit ward-1: criterion 1.1 is scored by a yes_no rule, which cannot use count evidence"
    );
    assert_eq!(
        error(vec![entry("1.1").with_evidence(Evidence::NotApplicable)]),
        "unit ward-1: criterion 1.1 is reported not applicable, but the framework does not mark it optional"
    );
    let other = assessment("another-index", vec![]);
    assert_eq!(
        framework.score(&other).unwrap_err().to_string(),
        "unit ward-1 is assessed against framework another-index, not small"
    );
    let mut nameless = assessment("small", vec![]);
    nameless.unit = " ".into();
    assert_eq!(
        framework.score(&nameless).unwrap_err().to_string(),
        "an assessment needs a non-empty unit id"
    );
}

/// Hà Nội's office-level index: a 30-point survey that may not be held; without it the
/// appraised 70 points are rescaled to 100 (research/par-index.md §6, [S28]).
fn optional_survey(policy: NotApplicablePolicy) -> Framework {
    Framework::builder("office", "Office index")
        .domains_when_not_applicable(policy)
        .domain("1", "Thẩm định", dec!(70))
        .child("1", "1.1", "Appraised criteria", dec!(70))
        .domain("2", "Khảo sát", dec!(30))
        .child("2", "2.1", "Survey", dec!(30))
        .method(Method::LeaderSurvey)
        .optional()
        .build()
        .unwrap()
}

#[test]
fn a_survey_not_held_is_dropped_or_rescaled_as_the_framework_declares() {
    let without_survey = assessment(
        "office",
        vec![
            entry("1.1").with_appraised(dec!(56)),
            entry("2.1").with_evidence(Evidence::NotApplicable),
        ],
    );
    let dropped = optional_survey(NotApplicablePolicy::DropMaximum)
        .score(&without_survey)
        .unwrap();
    assert_eq!(dropped.points(), dec!(56));
    assert_eq!(dropped.effective_max(), dec!(70));
    assert_eq!(dropped.index(), dec!(80));
    let survey = dropped.node("2").unwrap();
    assert!(!survey.applicable);
    assert_eq!(survey.percent(), None);
    // A node marked not applicable has no percentage whatever numbers it carries (a
    // scorecard read from JSON can carry any).
    let mut marked = survey.clone();
    marked.effective_max = dec!(30).into();
    marked.points = dec!(15).into();
    assert_eq!(marked.percent(), None);
    marked.applicable = true;
    assert_eq!(marked.percent(), Some(dec!(50).into()));
    // The declared total stays 100 whatever applies.
    assert_eq!(dropped.total_points(), dec!(100));
    assert_eq!(
        dropped.node("2.1").unwrap().leaf.as_ref().unwrap().source,
        Source::NotApplicable
    );

    let rescaled = optional_survey(NotApplicablePolicy::Rescale)
        .score(&without_survey)
        .unwrap();
    assert_eq!(rescaled.points(), dec!(80));
    assert_eq!(rescaled.effective_max(), dec!(100));
    assert_eq!(rescaled.index(), dec!(80));

    let with_survey = assessment(
        "office",
        vec![
            entry("1.1").with_appraised(dec!(56)),
            entry("2.1").with_appraised(dec!(27)),
        ],
    );
    let held = optional_survey(NotApplicablePolicy::Rescale)
        .score(&with_survey)
        .unwrap();
    assert_eq!(held.index(), dec!(83));
}

/// Hải Phòng 212/2025, "other criteria": items not assigned are not scored, and the assigned
/// ones are pooled and rescaled to the group's maximum.
#[test]
fn unassigned_items_are_pooled_and_rescaled_within_their_group() {
    let framework = Framework::builder("heads", "Heads")
        .total_points(dec!(20))
        .domain("5", "Tiêu chí khác", dec!(5))
        .child("5", "5.1", "Chỉ tiêu giao", dec!(5))
        .when_not_applicable(NotApplicablePolicy::Rescale)
        .child("5.1", "5.1.a", "Giải phóng mặt bằng", dec!(2.5))
        .rule(Rule::yes_no())
        .optional()
        .child("5.1", "5.1.b", "Giải ngân đầu tư công", dec!(2.5))
        .rule(Rule::yes_no())
        .optional()
        .domain("6", "Other", dec!(15))
        .build()
        .unwrap();
    let card = framework
        .score(&assessment(
            "heads",
            vec![
                entry("5.1.a").with_evidence(Evidence::NotApplicable),
                entry("5.1.b").with_evidence(Evidence::Flag(true)),
                entry("6").with_appraised(dec!(15)),
            ],
        ))
        .unwrap();
    assert_eq!(card.node("5.1").unwrap().points, dec!(5));
    assert_eq!(card.node("5.1").unwrap().effective_max, dec!(5));
    assert_eq!(card.index(), dec!(100));
    // Nothing assigned at all: the group itself leaves the computation.
    let none = framework
        .score(&assessment(
            "heads",
            vec![
                entry("5.1.a").with_evidence(Evidence::NotApplicable),
                entry("5.1.b").with_evidence(Evidence::NotApplicable),
                entry("6").with_appraised(dec!(12)),
            ],
        ))
        .unwrap();
    assert!(!none.node("5").unwrap().applicable);
    assert_eq!(none.effective_max(), dec!(15));
    assert_eq!(none.index(), dec!(80));
    assert_eq!(
        framework
            .score(&assessment(
                "heads",
                vec![
                    entry("5.1.a")
                        .with_evidence(Evidence::NotApplicable)
                        .with_self_assessed(dec!(1))
                ],
            ))
            .unwrap_err()
            .to_string(),
        "unit ward-1: sub-criterion 5.1.a is reported not applicable and also given points"
    );
}

#[test]
fn nothing_applicable_is_an_error_not_a_division_by_zero() {
    let framework = Framework::builder("opt", "Optional only")
        .total_points(dec!(1))
        .domain("1", "Optional", dec!(1))
        .optional()
        .build()
        .unwrap();
    let card = assessment(
        "opt",
        vec![entry("1").with_evidence(Evidence::NotApplicable)],
    );
    assert_eq!(
        framework.score(&card).unwrap_err().to_string(),
        "nothing in the framework applies to unit ward-1: every domain is not applicable"
    );
}

/// The PCI family: sub-indices scored 0–10, combined by weighted mean of their percentages.
#[test]
fn weighted_means_combine_percentages_with_their_weights() {
    let framework = Framework::builder("pci-like", "PCI-like index")
        .combine_domains(Combine::WeightedMean)
        .domain("1", "Chi phí gia nhập thị trường", dec!(10))
        .weight(dec!(5))
        .domain("2", "Tính minh bạch", dec!(10))
        .weight(dec!(20))
        .domain("3", "Đào tạo lao động", dec!(10))
        .weight(dec!(20))
        .optional()
        .build()
        .unwrap();
    let card = framework
        .score(&assessment(
            "pci-like",
            vec![
                entry("1").with_appraised(dec!(8)),
                entry("2").with_appraised(dec!(6)),
                entry("3").with_appraised(dec!(5)),
            ],
        ))
        .unwrap();
    // (5 × 80% + 20 × 60% + 20 × 50%) / 45 = 26/45 of 100 points.
    assert_eq!(card.publish(&RoundingPolicy::default()).index, dec!(57.78));
    // A sub-index that does not apply leaves the mean; the weights renormalise.
    let without = framework
        .score(&assessment(
            "pci-like",
            vec![
                entry("1").with_appraised(dec!(8)),
                entry("2").with_appraised(dec!(6)),
                entry("3").with_evidence(Evidence::NotApplicable),
            ],
        ))
        .unwrap();
    assert_eq!(without.index(), dec!(64)); // (5 × 80 + 20 × 60) / 25
}

#[test]
fn adjustments_apply_on_top_and_the_index_is_clamped_and_reported() {
    let framework = small();
    let full = vec![
        entry("1.1").with_evidence(Evidence::Flag(true)),
        entry("1.2").with_appraised(dec!(2)),
        entry("2.1").with_evidence(Evidence::rate(19, 20)),
    ];
    let mut bonus = assessment("small", full.clone());
    bonus.adjust(Adjustment {
        label: "bonus: initiative".into(),
        points: dec!(0.5),
        reason: "provincial innovation award".into(),
    });
    let card = framework.score(&bonus).unwrap();
    assert_eq!(card.points(), dec!(9.7));
    let clamp = card.clamp().unwrap();
    assert_eq!(clamp.unclamped, dec!(102));
    assert_eq!(clamp.clamped, dec!(100));
    assert_eq!(card.index(), dec!(100));

    let mut penalty = assessment("small", full);
    penalty.adjust(Adjustment {
        label: "deduction: late report".into(),
        points: dec!(-1.2),
        reason: String::new(),
    });
    let card = framework.score(&penalty).unwrap();
    assert_eq!(card.index(), dec!(85));
    assert_eq!(card.clamp(), None);
    let published = card.publish(&RoundingPolicy::default());
    assert_eq!(published.adjustments.to_string(), "-1.20");
    assert_eq!(published.points.to_string(), "9.70");

    let mut sink = assessment("small", vec![]);
    sink.adjust(Adjustment {
        label: "deduction".into(),
        points: dec!(-3),
        reason: String::new(),
    });
    let card = framework
        .score_with(&sink, &par_index::ScoringOptions::lenient())
        .unwrap();
    assert_eq!(card.index(), Decimal::ZERO);
    assert_eq!(card.clamp().unwrap().unclamped, dec!(-30));
}

#[test]
fn scoring_does_not_depend_on_the_order_of_entries() {
    let framework = small();
    let entries = vec![
        entry("1.1").with_evidence(Evidence::Flag(true)),
        entry("1.2").with_appraised(dec!(1.25)),
        entry("2.1").with_evidence(Evidence::rate(7_723, 8_037)),
    ];
    let forward = framework
        .score(&assessment("small", entries.clone()))
        .unwrap();
    let mut reversed = entries;
    reversed.reverse();
    let backward = framework.score(&assessment("small", reversed)).unwrap();
    assert_eq!(forward, backward);
}
