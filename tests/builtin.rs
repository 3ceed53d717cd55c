//! The built-in frameworks: each validates, sums to its decree's total, carries the maxima its
//! sources verify (and nothing more), and scores as its annex says.

use par_index::builtin::{self, Builtin};
use par_index::{
    Assessment, Code, Entry, ErrorKind, Evidence, Framework, Rule,
    code::Level,
    framework::{Method, NotApplicablePolicy},
    scorecard::Source,
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

fn code(text: &str) -> Code {
    text.parse().unwrap()
}

#[track_caller]
fn maxima(framework: &Framework, codes: &[&str]) -> Vec<Decimal> {
    codes
        .iter()
        .map(|c| {
            framework
                .node(c)
                .unwrap_or_else(|| panic!("no node {c}"))
                .max_points()
        })
        .collect()
}

fn decimals(texts: &[&str]) -> Vec<Decimal> {
    texts.iter().map(|t| d(t)).collect()
}

fn domain_codes(framework: &Framework) -> Vec<String> {
    framework.domains().map(|n| n.code().to_string()).collect()
}

#[test]
fn every_builtin_builds_and_matches_its_listing() {
    let ids: Vec<&str> = builtin::list().iter().map(Builtin::id).collect();
    assert_eq!(
        ids,
        [
            "vn-par-province-2017",
            "vn-par-province-2022",
            "vn-par-ministry-2022",
            "vn-hai-phong-heads-2025",
            "vn-hoi-an-city-illustrative",
        ]
    );
    for entry in builtin::list() {
        let framework = builtin::get(entry.id()).unwrap();
        assert_eq!(framework, entry.framework().unwrap());
        let info = framework.info();
        assert_eq!(info.id, entry.id());
        assert_eq!(info.title, entry.title());
        assert_eq!(
            info.decision.as_ref().map(|d| d.number.as_str()),
            entry.decision()
        );
        assert_eq!(
            info.decision.as_ref().map(|d| d.date.as_str()),
            entry.date()
        );
        assert_eq!(info.verified_depth, entry.verified_depth());
        assert_eq!(info.illustrative, entry.illustrative());
        assert_eq!(info.applies_from, entry.applies_from());
        assert_eq!(info.applies_until, entry.applies_until());
        assert!(!info.notes.is_empty(), "{} has no notes", entry.id());
        assert!(
            !info.sources.is_empty() && info.sources.iter().all(|s| s.starts_with("http")),
            "{} must cite URLs",
            entry.id()
        );
        // Every built-in is out of 100 points, and its domains add up to that.
        assert_eq!(
            framework.total_points(),
            Decimal::ONE_HUNDRED,
            "{}",
            entry.id()
        );
        let sum: Decimal = framework.domains().map(|n| n.max_points()).sum();
        assert_eq!(sum, Decimal::ONE_HUNDRED, "{}", entry.id());
    }
}

#[test]
fn official_builtins_are_not_illustrative_and_the_illustration_says_so() {
    for entry in builtin::list() {
        let framework = entry.framework().unwrap();
        let info = framework.info();
        if entry.id() == "vn-hoi-an-city-illustrative" {
            assert!(info.illustrative);
            assert!(info.title.contains("(illustrative)"));
            assert!(info.decision.is_none());
            assert!(
                info.notes
                    .starts_with("ILLUSTRATIVE: not an official annex.")
            );
        } else {
            assert!(!info.illustrative, "{}", entry.id());
            assert!(!info.title.contains("illustrative"), "{}", entry.id());
            assert!(info.decision.is_some(), "{}", entry.id());
        }
    }
}

#[test]
fn an_unknown_id_lists_the_known_ones() {
    let error = builtin::get("vn-par-province-2030").unwrap_err();
    assert_eq!(
        error.to_string(),
        "there is no built-in framework \"vn-par-province-2030\"; the built-ins are \
         vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022, \
         vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative"
    );
    assert!(matches!(error.kind(), ErrorKind::UnknownFramework { .. }));
    assert!(builtin::structure("vn-par-province-2030").is_none());
}

#[test]
fn province_2017_has_the_2948_domain_maxima() {
    let framework = builtin::vn_par_province_2017().unwrap();
    let info = framework.info();
    let decision = info.decision.as_ref().unwrap();
    assert_eq!(decision.number, "2948/QĐ-BNV");
    assert_eq!(decision.date, "2017-12-28");
    assert_eq!(decision.issuer, "Bộ Nội vụ");
    assert_eq!(
        (info.applies_from, info.applies_until),
        (Some(2017), Some(2017))
    );
    assert_eq!(info.verified_depth, Some(Level::Domain));

    let codes = ["1", "2", "3", "4", "5", "6", "7", "8"];
    assert_eq!(domain_codes(&framework), codes);
    assert_eq!(
        maxima(&framework, &codes),
        decimals(&["10", "10", "14.5", "11", "16", "7", "16", "15.5"])
    );
    // Domains are the leaves, entered directly; no criterion is invented.
    assert_eq!(framework.len(), 8);
    for node in framework.nodes() {
        assert!(node.is_leaf());
        assert_eq!(node.rule(), Some(&Rule::Direct));
        assert!(!node.name_vi().is_empty() && !node.name_en().is_empty());
    }
    assert_eq!(
        framework.node("3").unwrap().name_vi(),
        "Cải cách thủ tục hành chính"
    );
}

#[test]
fn province_2017_structure_keeps_the_sources_criteria_discrepancy() {
    let framework = builtin::vn_par_province_2017().unwrap();
    let structure = builtin::structure("vn-par-province-2017").unwrap();
    let counts: Vec<(u8, Option<u16>, Option<u16>)> = structure
        .domains
        .iter()
        .map(|d| (d.number, d.criteria, d.sub_criteria))
        .collect();
    assert_eq!(
        counts,
        [
            (1, Some(6), Some(6)),
            (2, Some(4), Some(6)),
            (3, Some(5), Some(16)),
            (4, Some(4), Some(10)),
            (5, Some(9), Some(16)),
            (6, Some(3), Some(6)),
            (7, Some(5), Some(18)),
            (8, Some(3), Some(3)),
        ]
    );
    // The source states 38 criteria, but its rows add up to 39; both are kept.
    assert_eq!(structure.stated_criteria, Some(38));
    assert_eq!(structure.criteria_sum(), Some(39));
    assert_eq!(structure.stated_sub_criteria, Some(81));
    assert_eq!(structure.sub_criteria_sum(), Some(81));
    // The structure's names are the framework's domain names.
    for domain in structure.domains {
        let node = framework.node(domain.number.to_string()).unwrap();
        assert_eq!(node.name_vi(), domain.name_vi);
        assert_eq!(node.name_en(), domain.name_en);
    }
}

#[test]
fn province_2022_has_the_876_component_split() {
    let framework = builtin::vn_par_province_2022().unwrap();
    let info = framework.info();
    let decision = info.decision.as_ref().unwrap();
    assert_eq!(
        (decision.number.as_str(), decision.date.as_str()),
        ("876/QĐ-BNV", "2022-11-10")
    );
    assert_eq!(
        (info.applies_from, info.applies_until),
        (Some(2022), Some(2023))
    );
    assert_eq!(info.verified_depth, Some(Level::Domain));

    let codes = ["appraisal", "socioeconomic", "leaders", "sipas"];
    assert_eq!(domain_codes(&framework), codes);
    assert_eq!(
        maxima(&framework, &codes),
        decimals(&["61.5", "6.5", "22", "10"])
    );
    let methods: Vec<Method> = framework.domains().map(|n| n.method()).collect();
    assert_eq!(
        methods,
        [
            Method::Appraisal,
            Method::Statistics,
            Method::LeaderSurvey,
            Method::CitizenSurvey
        ]
    );
    assert_eq!(framework.len(), 4);
    assert!(framework.nodes().all(|n| n.rule() == Some(&Rule::Direct)));
    // 68 appraised points (61.5 + 6.5) and 32 survey points (22 + 10).
    let appraised: Decimal = maxima(&framework, &["appraisal", "socioeconomic"])
        .into_iter()
        .sum();
    let surveyed: Decimal = maxima(&framework, &["leaders", "sipas"]).into_iter().sum();
    assert_eq!((appraised, surveyed), (d("68"), d("32")));
}

#[test]
fn province_2022_domains_are_names_only() {
    let structure = builtin::structure("vn-par-province-2022").unwrap();
    assert_eq!(structure.domains.len(), 8);
    assert_eq!(structure.stated_criteria, Some(37));
    // 88 or 102 sub-criteria: the sources conflict, so no count is stated.
    assert_eq!(structure.stated_sub_criteria, None);
    assert!(structure.notes.contains("88") && structure.notes.contains("102"));
    assert!(
        structure
            .domains
            .iter()
            .all(|d| d.criteria.is_none() && d.sub_criteria.is_none())
    );
    assert_eq!(structure.criteria_sum(), None);
    assert_eq!(structure.domains[1].name_vi, "Cải cách thể chế");
    // No domain is a node of the framework: their maxima are not verified.
    let framework = builtin::vn_par_province_2022().unwrap();
    for domain in structure.domains {
        assert!(framework.node(domain.number.to_string()).is_none());
    }
}

#[test]
fn ministry_2022_has_the_verified_survey_share() {
    let framework = builtin::vn_par_ministry_2022().unwrap();
    assert_eq!(domain_codes(&framework), ["appraisal", "survey"]);
    assert_eq!(
        maxima(&framework, &["appraisal", "survey"]),
        decimals(&["68.5", "31.5"])
    );
    assert_eq!(framework.node("survey").unwrap().method(), Method::Survey);
    assert_eq!(
        framework.node("appraisal").unwrap().method(),
        Method::Appraisal
    );
    // 68.5 is arithmetic, and the notes say so.
    assert!(
        framework
            .info()
            .notes
            .contains("68.5, is arithmetic (100 - 31.5)")
    );

    let structure = builtin::structure("vn-par-ministry-2022").unwrap();
    let counts: Vec<(Option<u16>, Option<u16>)> = structure
        .domains
        .iter()
        .map(|d| (d.criteria, d.sub_criteria))
        .collect();
    let expected = [(7, 6), (9, 15), (6, 19), (4, 14), (6, 16), (3, 13), (3, 14)];
    assert_eq!(
        counts,
        expected
            .iter()
            .map(|(c, s)| (Some(*c), Some(*s)))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        (structure.criteria_sum(), structure.sub_criteria_sum()),
        (Some(38), Some(97))
    );
    assert_eq!(
        (structure.stated_criteria, structure.stated_sub_criteria),
        (Some(38), Some(97))
    );
}

mod hai_phong {
    use super::*;

    fn framework() -> Framework {
        builtin::vn_hai_phong_heads_2025().unwrap()
    }

    #[test]
    fn is_complete_and_dated() {
        let framework = framework();
        let info = framework.info();
        let decision = info.decision.as_ref().unwrap();
        assert_eq!(
            (decision.number.as_str(), decision.date.as_str()),
            ("212/2025/QĐ-UBND", "2025-11-18")
        );
        assert_eq!(info.verified_depth, None);
        assert_eq!(info.applies_from, Some(2025));
        assert!(builtin::structure(framework.id()).is_none());
    }

    #[test]
    fn has_every_maximum_of_annex_01() {
        let framework = framework();
        assert_eq!(domain_codes(&framework), ["I", "II"]);
        assert_eq!(maxima(&framework, &["I", "II"]), decimals(&["20", "80"]));
        for criterion in ["I.1", "I.2", "I.3", "I.4"] {
            assert_eq!(framework.node(criterion).unwrap().max_points(), d("5"));
            for letter in ["a", "b", "c", "d"] {
                let leaf = framework.node(format!("{criterion}.{letter}")).unwrap();
                assert_eq!(leaf.max_points(), d("1.25"));
                assert_eq!(leaf.rule(), Some(&Rule::Direct));
            }
        }
        for criterion in ["II.1", "II.2"] {
            assert_eq!(framework.node(criterion).unwrap().max_points(), d("5"));
            for letter in ["a", "b", "c", "d", "e"] {
                let leaf = framework.node(format!("{criterion}.{letter}")).unwrap();
                assert_eq!(leaf.max_points(), d("1"));
            }
        }
        let codes = [
            "II.3", "II.3.a", "II.3.b", "II.3.c", "II.4", "II.4.a", "II.4.b", "II.4.c", "II.5",
            "II.5.1", "II.5.1.a", "II.5.1.b", "II.5.1.c", "II.5.2", "II.5.2.a", "II.5.2.b",
            "II.5.2.c", "II.5.2.d", "II.5.2.e", "II.5.2.g",
        ];
        let expected = [
            "20", "5", "10", "5", "30", "10", "10", "10", "20", "5", "2", "2", "1", "15", "2.5",
            "2.5", "2.5", "2.5", "2.5", "2.5",
        ];
        assert_eq!(maxima(&framework, &codes), decimals(&expected));
        // Lettered as printed: a to e, then g.
        assert!(framework.node("II.5.2.f").is_none());
        assert_eq!(framework.leaves().count(), 16 + 10 + 3 + 3 + 3 + 6);
        assert_eq!(framework.node("II.5.1.a").unwrap().depth(), 4);
    }

    #[test]
    fn has_every_rule_of_annex_01() {
        let framework = framework();
        let rule = |c: &str| framework.node(c).unwrap().rule().unwrap().clone();
        for c in ["II.3.a", "II.3.b", "II.3.c", "II.4.a", "II.4.b", "II.4.c"] {
            assert_eq!(rule(c), Rule::proportional(), "{c}");
        }
        assert_eq!(rule("II.5.1.a"), Rule::yes_no());
        // The source's inconsistency is kept: maximum 2, "at or above average" awards 1.
        assert_eq!(
            rule("II.5.1.b"),
            Rule::YesNo {
                points_if_yes: Some(d("1"))
            }
        );
        assert!(
            framework
                .info()
                .notes
                .contains("II.5.1.b (DDCI) has a maximum of 2")
        );
        assert_eq!(rule("II.5.1.c"), Rule::yes_no());
        for c in ["II.5.2.b", "II.5.2.c", "II.5.2.e"] {
            assert_eq!(rule(c), Rule::yes_no(), "{c}");
        }
        assert_eq!(rule("II.5.2.a").kind(), "threshold_bands");
        assert_eq!(rule("II.5.2.d").kind(), "deduction");
        assert_eq!(rule("II.5.2.g").kind(), "threshold_bands");
        // "Not assigned → not scored" items are optional; no other item is.
        let optional: Vec<String> = framework
            .leaves()
            .filter(|n| n.is_optional())
            .map(|n| n.code().to_string())
            .collect();
        assert_eq!(
            optional,
            [
                "II.5.1.c", "II.5.2.a", "II.5.2.b", "II.5.2.c", "II.5.2.d", "II.5.2.e", "II.5.2.g"
            ]
        );
        assert_eq!(
            framework.node("II.5").unwrap().spec().when_not_applicable,
            NotApplicablePolicy::Rescale
        );
        assert!(framework.info().notes.contains("UNVERIFIED"));
    }

    /// A head whose every item is met: full judgement points, every task done, every target
    /// met.
    fn full_marks() -> Assessment {
        let framework = framework();
        let mut head = Assessment::new(framework.id(), "head-1", "2025".parse().unwrap());
        for leaf in framework.leaves() {
            let evidence = match leaf.rule().unwrap().kind() {
                "direct" => Evidence::Points(leaf.max_points()),
                "proportional" => Evidence::rate(12, 12),
                "yes_no" => Evidence::Flag(true),
                "threshold_bands" => Evidence::rate(100, 100),
                "deduction" => Evidence::Count(0),
                other => panic!("unexpected rule {other}"),
            };
            head.push(Entry::new(leaf.code().clone()).with_evidence(evidence));
        }
        head
    }

    fn replace(head: &mut Assessment, code: &str, evidence: Evidence) {
        let entry = head
            .entries
            .iter_mut()
            .find(|e| e.code.as_str() == code)
            .unwrap();
        entry.evidence = Some(evidence);
    }

    #[test]
    fn the_most_a_head_can_score_is_99_because_ddci_awards_1_of_2() {
        let framework = framework();
        let scorecard = framework.score(&full_marks()).unwrap();
        assert_eq!(scorecard.node("II.5.1.b").unwrap().points, d("1"));
        assert_eq!(scorecard.points(), d("99"));
        assert_eq!(scorecard.index(), d("99"));
        assert!(scorecard.missing().is_empty());
    }

    #[test]
    fn tasks_score_done_over_assigned_times_the_maximum() {
        let framework = framework();
        let mut head = full_marks();
        // 9 of 12 programme tasks done to standard: 9/12 × 10 = 7.5.
        replace(&mut head, "II.3.b", Evidence::rate(9, 12));
        // 7 of 8 directive tasks on time: 7/8 × 10 = 8.75.
        replace(&mut head, "II.4.c", Evidence::rate(7, 8));
        let scorecard = framework.score(&head).unwrap();
        assert_eq!(scorecard.node("II.3.b").unwrap().points, d("7.5"));
        assert_eq!(scorecard.node("II.4.c").unwrap().points, d("8.75"));
        assert_eq!(scorecard.points(), d("99") - d("2.5") - d("1.25"));
        // The annex does not say what scores when no task was assigned.
        replace(&mut head, "II.3.a", Evidence::rate(0, 0));
        assert_eq!(
            framework.score(&head).unwrap_err().to_string(),
            "unit head-1: sub-criterion II.3.a is given a rate with denominator 0, and its rule does not say what that scores"
        );
    }

    #[test]
    fn site_clearance_needs_95_percent_and_no_assigned_area_is_not_scored() {
        let framework = framework();
        let mut head = full_marks();
        let points = |head: &Assessment| {
            let scorecard = framework.score(head).unwrap();
            let node = scorecard.node("II.5.2.a").unwrap().clone();
            (node.applicable, node.points)
        };
        replace(
            &mut head,
            "II.5.2.a",
            Evidence::Rate {
                numerator: d("9499"),
                denominator: d("10000"),
            },
        );
        assert_eq!(points(&head), (true, e("0")));
        replace(&mut head, "II.5.2.a", Evidence::rate(95, 100));
        assert_eq!(points(&head), (true, e("2.5")));
        replace(&mut head, "II.5.2.a", Evidence::rate(0, 0));
        assert_eq!(points(&head), (false, e("0")));
    }

    #[test]
    fn one_land_violation_or_one_late_digital_task_scores_zero() {
        let framework = framework();
        let mut head = full_marks();
        replace(&mut head, "II.5.2.d", Evidence::Count(1));
        replace(&mut head, "II.5.2.g", Evidence::rate(11, 12));
        let scorecard = framework.score(&head).unwrap();
        assert_eq!(scorecard.node("II.5.2.d").unwrap().points, d("0"));
        assert_eq!(scorecard.node("II.5.2.g").unwrap().points, d("0"));
        replace(&mut head, "II.5.2.d", Evidence::Count(3));
        let scorecard = framework.score(&head).unwrap();
        assert_eq!(scorecard.node("II.5.2.d").unwrap().points, d("0"));
    }

    #[test]
    fn unassigned_other_criteria_are_pooled_and_rescaled_to_twenty() {
        // Footnote 7's example: only items worth 4 points are assigned (the PAR Index and
        // the DDCI, II.5.1.a and II.5.1.b). Under the built-in's reading they are rescaled to
        // II.5's maximum of 20.
        let framework = framework();
        let mut head = full_marks();
        for c in [
            "II.5.1.c", "II.5.2.a", "II.5.2.b", "II.5.2.c", "II.5.2.d", "II.5.2.e", "II.5.2.g",
        ] {
            replace(&mut head, c, Evidence::NotApplicable);
        }
        let scorecard = framework.score(&head).unwrap();
        let pool = scorecard.node("II.5").unwrap();
        // PAR at or above the average (2) and DDCI too (1): 3 of 4, so 15 of 20.
        assert_eq!(
            (pool.points.clone(), pool.effective_max.clone()),
            (e("15"), e("20"))
        );
        assert!(!scorecard.node("II.5.2").unwrap().applicable);
        assert_eq!(scorecard.node("II.5.1").unwrap().effective_max, d("4"));
        assert_eq!(scorecard.effective_max(), d("100"));
        let leaf = scorecard.node("II.5.2.b").unwrap();
        assert_eq!(leaf.leaf.as_ref().unwrap().source, Source::NotApplicable);

        // The PAR Index below the city average: 1 of 4, so 5 of 20.
        replace(&mut head, "II.5.1.a", Evidence::Flag(false));
        let scorecard = framework.score(&head).unwrap();
        assert_eq!(scorecard.node("II.5").unwrap().points, d("5"));
    }

    #[test]
    fn items_the_annex_always_scores_cannot_be_reported_not_applicable() {
        let framework = framework();
        let mut head = full_marks();
        replace(&mut head, "II.5.1.a", Evidence::NotApplicable);
        assert_eq!(
            framework.score(&head).unwrap_err().to_string(),
            "unit head-1: sub-criterion II.5.1.a is reported not applicable, but the framework does not mark it optional"
        );
    }
}

mod hoi_an {
    use super::*;

    /// The leaf codes the illustrative framework promises to keep.
    const LEAVES: [&str; 29] = [
        "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5",
        "3.6", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "7.1", "7.2", "7.3", "7.4",
        "8.1", "8.2", "8.3",
    ];

    fn framework() -> Framework {
        builtin::vn_hoi_an_city_illustrative().unwrap()
    }

    #[test]
    fn keeps_its_documented_leaf_codes_and_maxima() {
        let framework = framework();
        let leaves: Vec<String> = framework.leaves().map(|n| n.code().to_string()).collect();
        assert_eq!(leaves, LEAVES);
        assert_eq!(
            maxima(&framework, &["1", "2", "3", "4", "5", "6", "7", "8"]),
            decimals(&["12", "10", "25", "8", "10", "7", "10", "18"])
        );
        assert_eq!(
            maxima(&framework, &LEAVES),
            decimals(&[
                "2", "3", "3", "2", "2", "4", "3", "3", "8", "3", "3", "3", "4", "4", "3", "2",
                "3", "3", "4", "3", "4", "3", "4", "2", "2", "2", "6", "6", "6"
            ])
        );
        assert_eq!(framework.node("8").unwrap().method(), Method::CitizenSurvey);
    }

    #[test]
    fn uses_every_kind_of_rule() {
        let framework = framework();
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
    }

    #[test]
    fn scores_the_rules_it_illustrates() {
        let framework = framework();
        let mut ward = Assessment::new(framework.id(), "ward-1", "2021-H1".parse().unwrap());
        ward.push(Entry::new(code("1.3")).with_evidence(Evidence::Count(3)))
            .push(Entry::new(code("1.4")).with_evidence(Evidence::Count(1)))
            // The wards' 96.09% early or on time (5,378 of 5,597) reaches the 95% band.
            .push(Entry::new(code("3.1")).with_evidence(Evidence::rate(5_378, 5_597)))
            // 219 late dossiers, 200 apologies: 200/219 × 3.
            .push(Entry::new(code("3.2")).with_evidence(Evidence::rate(200, 219)))
            .push(Entry::new(code("3.4")).with_evidence(Evidence::rate(0, 0)))
            .push(Entry::new(code("3.5")).with_evidence(Evidence::Percent(d("50"))))
            .push(Entry::new(code("4.2")).with_evidence(Evidence::Value(d("1"))))
            .push(Entry::new(code("6.1")).with_evidence(Evidence::NotApplicable))
            .push(Entry::new(code("8.1")).with_evidence(Evidence::SurveyMean(d("4"))));
        let scorecard = framework
            .score_with(&ward, &par_index::ScoringOptions::lenient())
            .unwrap();
        let points = |c: &str| scorecard.node(c).unwrap().points.clone();
        assert_eq!(points("1.3"), d("2.25"));
        assert_eq!(points("1.4"), d("1.5"));
        assert_eq!(points("3.1"), d("4"));
        assert_eq!(points("3.2"), e("200/73"));
        assert_eq!(points("3.4"), d("3"));
        assert_eq!(points("3.5"), d("2"));
        assert_eq!(points("4.2"), e("4/3"));
        assert_eq!(points("8.1"), d("4.5"));
        // The disbursement leaf does not apply to a ward: the unit is measured out of 96.
        assert_eq!(scorecard.effective_max(), d("96"));
    }
}
