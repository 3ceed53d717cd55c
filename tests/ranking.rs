//! Cohorts, tie methods, grades, per-domain rankings, statistics and tables.

use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, GradeScale, Ranking, RankingOptions, Scorecard,
    ranking::{DomainBasis, TieBreaker, TieMethod, ValueBasis},
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

/// A framework whose single domain takes the index directly.
fn one_leaf(id: &str) -> Framework {
    Framework::builder(id, "Published index")
        .domain("1", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
        .build()
        .unwrap()
}

fn card(framework: &Framework, unit: &str, period: &str, index: &str) -> Scorecard {
    let mut assessment = Assessment::new(framework.id(), unit, period.parse().unwrap());
    assessment.push(Entry::new("1".parse().unwrap()).with_appraised(d(index)));
    framework.score(&assessment).unwrap()
}

fn cards(units: &[(&str, &str)]) -> Vec<Scorecard> {
    let framework = one_leaf("f");
    units
        .iter()
        .map(|(unit, index)| card(&framework, unit, "2023", index))
        .collect()
}

/// A cohort of `scorecards`, scored on `framework`.
fn cohort_of(framework: &Framework, scorecards: &[Scorecard]) -> Cohort {
    Cohort::new(framework, scorecards.iter().cloned()).unwrap()
}

/// (unit, rank) in table order.
#[track_caller]
fn ranked(ranking: &Ranking) -> Vec<(String, String)> {
    ranking
        .units()
        .iter()
        .map(|u| (u.unit.clone(), u.rank.unwrap().to_string()))
        .collect()
}

fn expect(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(u, r)| ((*u).to_owned(), (*r).to_owned()))
        .collect()
}

/// Two domains of 40 and 60 points, each a leaf.
fn two_domains() -> Framework {
    Framework::builder("two-domains", "Two domains")
        .domain("1", "Công tác chỉ đạo, điều hành CCHC", d("40"))
        .domain("2", "Cải cách thủ tục hành chính", d("60"))
        .build()
        .unwrap()
}

fn card2(framework: &Framework, unit: &str, first: &str, second: &str) -> Scorecard {
    let mut assessment = Assessment::new(framework.id(), unit, "2023".parse().unwrap());
    assessment
        .push(Entry::new("1".parse().unwrap()).with_appraised(d(first)))
        .push(Entry::new("2".parse().unwrap()).with_appraised(d(second)));
    framework.score(&assessment).unwrap()
}

#[test]
fn every_tie_method_ranks_the_table_of_cases() {
    let ordinal = TieMethod::ordinal([]);
    // (units with their exact index, given in reverse table order; then the expected ranks in
    // table order for competition, dense, ordinal and fractional, on the published index).
    type Ranks<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(&str, Ranks, Ranks, Ranks, Ranks, Ranks)] = &[
        (
            "no tie",
            &[("c", "85"), ("b", "90"), ("a", "95")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
        ),
        (
            "two-way tie",
            &[("d", "85"), ("c", "90"), ("b", "90.00"), ("a", "95")],
            &[("a", "1"), ("b", "2"), ("c", "2"), ("d", "4")],
            &[("a", "1"), ("b", "2"), ("c", "2"), ("d", "3")],
            &[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")],
            &[("a", "1"), ("b", "2.5"), ("c", "2.5"), ("d", "4")],
        ),
        (
            "three-way tie",
            &[
                ("e", "80"),
                ("d", "90"),
                ("c", "90"),
                ("b", "90"),
                ("a", "95"),
            ],
            &[("a", "1"), ("b", "2"), ("c", "2"), ("d", "2"), ("e", "5")],
            &[("a", "1"), ("b", "2"), ("c", "2"), ("d", "2"), ("e", "3")],
            &[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4"), ("e", "5")],
            &[("a", "1"), ("b", "3"), ("c", "3"), ("d", "3"), ("e", "5")],
        ),
        (
            "all equal",
            &[("d", "88.5"), ("c", "88.5"), ("b", "88.50"), ("a", "88.5")],
            &[("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")],
            &[("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")],
            &[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")],
            &[("a", "2.5"), ("b", "2.5"), ("c", "2.5"), ("d", "2.5")],
        ),
        (
            "two ties",
            &[("d", "90"), ("c", "90"), ("b", "95"), ("a", "95")],
            &[("a", "1"), ("b", "1"), ("c", "3"), ("d", "3")],
            &[("a", "1"), ("b", "1"), ("c", "2"), ("d", "2")],
            &[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")],
            &[("a", "1.5"), ("b", "1.5"), ("c", "3.5"), ("d", "3.5")],
        ),
        (
            "tie created only by rounding",
            // 93.314 and 93.305 both publish as 93.31; 93.3049 publishes as 93.30.
            &[("c", "93.3049"), ("b", "93.305"), ("a", "93.314")],
            &[("a", "1"), ("b", "1"), ("c", "3")],
            &[("a", "1"), ("b", "1"), ("c", "2")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "1.5"), ("b", "1.5"), ("c", "3")],
        ),
        (
            "three-way tie created only by rounding",
            &[("c", "70.004"), ("b", "69.995"), ("a", "70")],
            &[("a", "1"), ("b", "1"), ("c", "1")],
            &[("a", "1"), ("b", "1"), ("c", "1")],
            &[("a", "1"), ("b", "2"), ("c", "3")],
            &[("a", "2"), ("b", "2"), ("c", "2")],
        ),
        ("empty", &[], &[], &[], &[], &[]),
    ];
    for (name, units, competition, dense, ordinal_ranks, fractional) in cases {
        let scorecards = cards(units);
        let cohort = cohort_of(&one_leaf("f"), &scorecards);
        for (method, expected) in [
            (TieMethod::Competition, competition),
            (TieMethod::Dense, dense),
            (ordinal.clone(), ordinal_ranks),
            (TieMethod::Fractional, fractional),
        ] {
            let options = RankingOptions::default().with_tie_method(method.clone());
            let ranking = cohort.rank_with(&options).unwrap();
            assert_eq!(ranked(&ranking), expect(expected), "{name}, {method:?}");
        }
    }
}

#[test]
fn ties_created_by_rounding_disappear_on_exact_values() {
    let scorecards = cards(&[("c", "93.3049"), ("b", "93.305"), ("a", "93.314")]);
    let cohort = cohort_of(&one_leaf("f"), &scorecards);
    for method in [
        TieMethod::Competition,
        TieMethod::Dense,
        TieMethod::ordinal([]),
        TieMethod::Fractional,
    ] {
        let options = RankingOptions::default()
            .with_tie_method(method)
            .with_basis(ValueBasis::Exact);
        let ranking = cohort.rank_with(&options).unwrap();
        assert_eq!(
            ranked(&ranking),
            expect(&[("a", "1"), ("b", "2"), ("c", "3")])
        );
    }
    // The default is the published index.
    assert_eq!(
        ranked(&cohort.rank().unwrap()),
        expect(&[("a", "1"), ("b", "1"), ("c", "3")])
    );
}

#[test]
fn the_rounding_policy_decides_which_values_tie() {
    let scorecards = cards(&[("a", "93.34"), ("b", "93.26")]);
    let cohort = cohort_of(&one_leaf("f"), &scorecards);
    let one_place =
        par_index::RoundingPolicy::new(1, par_index::Rounding::HalfAwayFromZero).unwrap();
    let ranking = cohort
        .rank_with(&RankingOptions::default().with_rounding(one_place))
        .unwrap();
    assert_eq!(ranked(&ranking), expect(&[("a", "1"), ("b", "1")]));
    assert_eq!(ranking.units()[0].index.published().to_string(), "93.3");
}

#[test]
fn ordinal_ranks_break_ties_by_the_chosen_domain_then_the_unit() {
    let framework = two_domains();
    let scorecards = [
        card2(&framework, "x", "30", "60"),
        card2(&framework, "y", "35", "55"),
        card2(&framework, "z", "30", "60"),
        card2(&framework, "w", "40", "55"),
    ];
    let cohort = cohort_of(&framework, &scorecards);
    let rank = |breakers: Vec<TieBreaker>| {
        ranked(
            &cohort
                .rank_with(&RankingOptions::default().with_tie_method(TieMethod::ordinal(breakers)))
                .unwrap(),
        )
    };
    let code = |c: &str| c.parse().unwrap();
    assert_eq!(
        rank(vec![TieBreaker::NodePoints(code("1"))]),
        expect(&[("w", "1"), ("y", "2"), ("x", "3"), ("z", "4")])
    );
    assert_eq!(
        rank(vec![TieBreaker::NodePercent(code("2"))]),
        expect(&[("w", "1"), ("x", "2"), ("z", "3"), ("y", "4")])
    );
    // Without tie-breakers, the unit identifier decides.
    assert_eq!(
        rank(vec![]),
        expect(&[("w", "1"), ("x", "2"), ("y", "3"), ("z", "4")])
    );
    // The competition ranks of the same cohort.
    assert_eq!(
        ranked(&cohort.rank().unwrap()),
        expect(&[("w", "1"), ("x", "2"), ("y", "2"), ("z", "2")])
    );
}

#[test]
fn the_exact_index_can_break_ties_on_the_published_index() {
    let scorecards = cards(&[("a", "93.305"), ("b", "93.31"), ("c", "93.314")]);
    let cohort = cohort_of(&one_leaf("f"), &scorecards);
    let options =
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::ExactIndex]));
    assert_eq!(
        ranked(&cohort.rank_with(&options).unwrap()),
        expect(&[("c", "1"), ("b", "2"), ("a", "3")])
    );
}

#[test]
fn a_tie_breaker_must_name_a_node_of_every_ranked_scorecard() {
    let framework = two_domains();
    let scorecards = [card2(&framework, "w", "40", "55")];
    let cohort = cohort_of(&framework, &scorecards);
    let options =
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::NodePoints(
            "9".parse().unwrap(),
        )]));
    assert_eq!(
        cohort.rank_with(&options).unwrap_err().to_string(),
        "a tie-breaker names node 9, which the scorecard of unit w under framework two-domains does not have"
    );
}

#[test]
fn a_cohort_holds_one_framework_one_period_and_each_unit_once() {
    let (first, second) = (one_leaf("par-2023"), one_leaf("par-2024"));
    let a = card(&first, "a", "2023", "90");
    let b_other_framework = card(&second, "b", "2023", "90");
    let b_other_period = card(&first, "b", "2024", "90");
    let a_again = card(&first, "a", "2023", "80");

    let refused = |ranked: &[&Scorecard], unranked: &[&Scorecard]| {
        let owned = |cards: &[&Scorecard]| cards.iter().map(|c| (*c).clone()).collect::<Vec<_>>();
        Cohort::new_with_unranked(&first, owned(ranked), owned(unranked))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused(&[&a, &b_other_framework], &[]),
        "unit b is assessed against framework par-2024, not par-2023"
    );
    assert_eq!(
        refused(&[&a], &[&b_other_period]),
        "a cohort ranks one period: unit a is scored for 2023 but unit b for 2024"
    );
    assert_eq!(
        refused(&[&a, &a_again], &[]),
        "unit a is in the cohort twice"
    );
    assert_eq!(refused(&[&a], &[&a_again]), "unit a is in the cohort twice");
    // A scorecard of another framework version under the same id does not fit.
    let other_version = Framework::builder("par-2023", "Published index")
        .domain("2", "Chỉ số CCHC", Decimal::ONE_HUNDRED)
        .build()
        .unwrap();
    assert_eq!(
        Cohort::new(&other_version, [a.clone()])
            .unwrap_err()
            .to_string(),
        "the scorecard of unit a does not have the nodes of framework par-2023"
    );
}

#[test]
fn an_empty_cohort_gives_an_empty_ranking() {
    let cohort = Cohort::new(&one_leaf("f"), []).unwrap();
    assert!(cohort.is_empty());
    let ranking = cohort.rank_with(&RankingOptions::national()).unwrap();
    assert!(ranking.is_empty());
    assert_eq!(ranking.len(), 0);
    assert_eq!(ranking.framework().id(), "f");
    assert_eq!(ranking.period(), None);
    assert_eq!(ranking.statistics().index, None);
    assert!(ranking.statistics().domains.is_empty());
    assert_eq!(ranking.to_string(), "Rank  Unit  Index  Grade\n");
}

#[test]
fn units_published_beside_the_cohort_are_graded_but_not_ranked() {
    let framework = one_leaf("ministries");
    let ranked_cards = [
        card(&framework, "ministry-a", "2023", "89.95"),
        card(&framework, "ministry-b", "2023", "85.00"),
        card(&framework, "ministry-c", "2023", "78.03"),
    ];
    let beside = [
        card(&framework, "agency-y", "2023", "80.50"),
        card(&framework, "agency-x", "2023", "91.20"),
    ];
    let cohort = Cohort::new_with_unranked(&framework, ranked_cards, beside).unwrap();
    assert_eq!(cohort.len(), 5);
    let ranking = cohort.rank_with(&RankingOptions::national()).unwrap();
    assert_eq!(ranking.len(), 3);
    let outside: Vec<(&str, Option<&str>)> = ranking
        .unranked()
        .iter()
        .map(|u| (u.unit.as_str(), u.grade.as_deref()))
        .collect();
    assert_eq!(outside, [("agency-x", Some("A")), ("agency-y", Some("B"))]);
    assert!(ranking.unranked().iter().all(|u| u.rank.is_none()));
    assert_eq!(ranking.unit("agency-x").unwrap().rank, None);
    // Statistics cover the ranked units only.
    let index = ranking.statistics().index.clone().unwrap();
    assert_eq!(index.count, 3);
    assert_eq!(index.max, d("89.95"));
    assert_eq!(
        ranking.to_string(),
        "\
Rank  Unit        Index  Grade
   1  ministry-a  89.95  B
   2  ministry-b  85.00  B
   3  ministry-c  78.03  C
   -  agency-x    91.20  A
   -  agency-y    80.50  B
"
    );
}

#[test]
fn grades_follow_the_published_index_by_default() {
    let scorecards = cards(&[
        ("a", "89.995"),
        ("b", "90"),
        ("c", "89.99"),
        ("d", "80"),
        ("e", "79.99"),
        ("f", "70"),
        ("g", "69.99"),
        ("h", "69.994"),
    ]);
    let cohort = cohort_of(&one_leaf("f"), &scorecards);
    let grades = |options: &RankingOptions| -> Vec<(String, Option<String>)> {
        let ranking = cohort.rank_with(options).unwrap();
        let mut all: Vec<_> = ranking
            .units()
            .iter()
            .map(|u| (u.unit.clone(), u.grade.clone()))
            .collect();
        all.sort();
        all
    };
    let owned = |pairs: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
        pairs
            .iter()
            .map(|(u, g)| ((*u).to_owned(), g.map(str::to_owned)))
            .collect()
    };
    let national = RankingOptions::national();
    assert_eq!(
        grades(&national),
        owned(&[
            ("a", Some("A")), // publishes as 90.00
            ("b", Some("A")),
            ("c", Some("B")),
            ("d", Some("B")),
            ("e", Some("C")),
            ("f", Some("C")),
            ("g", None),
            ("h", None),
        ])
    );
    let exact = national.clone().with_grade_basis(ValueBasis::Exact);
    assert_eq!(grades(&exact)[0], ("a".to_owned(), Some("B".to_owned())));
    let with_d =
        RankingOptions::default().with_grades(GradeScale::national().with_lowest("D").unwrap());
    assert_eq!(grades(&with_d)[6], ("g".to_owned(), Some("D".to_owned())));
    // Without a scale, nobody is graded.
    assert!(
        grades(&RankingOptions::default())
            .iter()
            .all(|(_, g)| g.is_none())
    );
}

/// Domain 1 (10 points) has two optional sub-criteria of 5; domain 2 (90) is one leaf.
fn optional_framework() -> Framework {
    Framework::builder("optional", "Optional sub-criteria")
        .domain("1", "Cải cách tổ chức bộ máy", d("10"))
        .child("1", "1.1", "Tiêu chí 1.1", d("5"))
        .optional()
        .child("1", "1.2", "Tiêu chí 1.2", d("5"))
        .optional()
        .domain("2", "Cải cách tài chính công", d("90"))
        .build()
        .unwrap()
}

fn optional_card(unit: &str, first: Option<&str>, second: Option<&str>, other: &str) -> Scorecard {
    let framework = optional_framework();
    let mut assessment = Assessment::new("optional", unit, "2023".parse().unwrap());
    for (code, points) in [("1.1", first), ("1.2", second)] {
        let entry = Entry::new(code.parse().unwrap());
        assessment.push(match points {
            Some(points) => entry.with_appraised(d(points)),
            None => entry.with_evidence(Evidence::NotApplicable),
        });
    }
    assessment.push(Entry::new("2".parse().unwrap()).with_appraised(d(other)));
    framework.score(&assessment).unwrap()
}

#[test]
fn domains_rank_by_percent_or_points_among_the_units_they_apply_to() {
    let scorecards = [
        optional_card("x", None, Some("4"), "80"), // domain 1: 4/5 = 80%
        optional_card("y", Some("3"), Some("3"), "85"), // 6/10 = 60%
        optional_card("z", Some("5"), Some("3"), "70"), // 8/10 = 80%
        optional_card("w", None, None, "90"),      // domain 1 does not apply
    ];
    let cohort = cohort_of(&optional_framework(), &scorecards);
    let ranking = cohort.rank().unwrap();
    let domain_ranks = |ranking: &Ranking, code: &str| -> Vec<(String, String)> {
        ranking
            .by_domain(code)
            .iter()
            .map(|u| {
                let rank = u.domain(code).unwrap().rank.unwrap();
                (u.unit.clone(), rank.to_string())
            })
            .collect()
    };
    assert_eq!(
        domain_ranks(&ranking, "1"),
        expect(&[("x", "1"), ("z", "1"), ("y", "3")])
    );
    assert_eq!(ranking.unit("w").unwrap().domain("1").unwrap().rank, None);
    let by_points = cohort
        .rank_with(&RankingOptions::default().with_domain_basis(DomainBasis::Points))
        .unwrap();
    assert_eq!(
        domain_ranks(&by_points, "1"),
        expect(&[("z", "1"), ("y", "2"), ("x", "3")])
    );
    assert_eq!(
        domain_ranks(&ranking, "2"),
        expect(&[("w", "1"), ("y", "2"), ("x", "3"), ("z", "4")])
    );
    assert!(ranking.by_domain("9").is_empty());
    assert_eq!(ranking.domain_codes().len(), 2);

    // Domain statistics leave out the unit the domain does not apply to.
    let first = ranking.statistics().domain("1").unwrap();
    assert_eq!(first.count, 3);
    assert_eq!(first.publish(&Default::default()).mean.to_string(), "73.33");
    assert_eq!(
        (first.min.clone(), first.median.clone(), first.max.clone()),
        (e("60"), e("80"), e("80"))
    );
    assert_eq!(first.above_mean, 2);
    let points = by_points.statistics().domain("1").unwrap();
    assert_eq!(
        (points.mean.clone(), points.median.clone()),
        (e("6"), e("6"))
    );
}

#[test]
fn statistics_are_exact_until_published() {
    let scorecards = cards(&[
        ("qn", "92.18"),
        ("hp", "91.87"),
        ("hn", "91.43"),
        ("bg", "91.16"),
        ("brvt", "91.03"),
    ]);
    let ranking = cohort_of(&one_leaf("f"), &scorecards).rank().unwrap();
    let index = ranking.statistics().index.clone().unwrap();
    assert_eq!(index.count, 5);
    assert_eq!(index.mean, d("91.534"));
    assert_eq!(index.median, d("91.43"));
    assert_eq!(
        (index.min.clone(), index.max.clone()),
        (e("91.03"), e("92.18"))
    );
    assert_eq!(index.above_mean, 2);
    assert_eq!(index.publish(&Default::default()).mean.to_string(), "91.53");

    // On exact values, the statistics use the exact indices.
    let exact = cards(&[("a", "93.314"), ("b", "93.305")]);
    let cohort = cohort_of(&one_leaf("f"), &exact);
    let published = cohort.rank().unwrap();
    assert_eq!(
        published.statistics().index.clone().unwrap().mean,
        d("93.31")
    );
    let on_exact = cohort
        .rank_with(&RankingOptions::default().with_basis(ValueBasis::Exact))
        .unwrap();
    assert_eq!(
        on_exact.statistics().index.clone().unwrap().mean,
        d("93.3095")
    );
}

#[test]
fn tables_align_vietnamese_names_by_characters() {
    let framework = one_leaf("f");
    let named = |unit: &str, name: &str, index: &str| {
        let mut assessment = Assessment::new("f", unit, "2023".parse().unwrap());
        assessment.unit_name = name.to_owned();
        assessment.push(Entry::new("1".parse().unwrap()).with_appraised(d(index)));
        framework.score(&assessment).unwrap()
    };
    let scorecards = [
        named("p1", "Phường Thứ Nhất", "96.5"),
        named("x2", "Xã Thứ Hai", "88.125"),
        named("p3", "Phường Thứ Ba", "71"),
    ];
    let local = GradeScale::new(
        "xếp loại (illustrative)",
        [
            par_index::GradeBand::new("Tốt", d("90")),
            par_index::GradeBand::new("Khá", d("80")),
            par_index::GradeBand::new("Trung bình", d("65")),
            par_index::GradeBand::new("Yếu", d("0")),
        ],
    )
    .unwrap();
    let ranking = cohort_of(&framework, &scorecards)
        .rank_with(&RankingOptions::default().with_grades(local))
        .unwrap();
    assert_eq!(
        ranking.render_table(),
        "\
Rank  Unit             Index  Grade
   1  Phường Thứ Nhất  96.50  Tốt
   2  Xã Thứ Hai       88.13  Khá
   3  Phường Thứ Ba    71.00  Trung bình
"
    );
}

#[cfg(feature = "serde")]
#[test]
fn rankings_serialize_with_exact_and_published_values() {
    let scorecards = cards(&[("a", "93.314"), ("b", "93.305")]);
    let ranking = cohort_of(&one_leaf("f"), &scorecards)
        .rank_with(&RankingOptions::national().with_tie_method(TieMethod::Fractional))
        .unwrap();
    let json = serde_json::to_value(&ranking).unwrap();
    assert_eq!(json["framework"], "f");
    assert_eq!(json["period"], "2023");
    assert_eq!(json["options"]["tie_method"]["method"], "fractional");
    assert_eq!(json["units"][0]["unit"], "a");
    assert_eq!(json["units"][0]["rank"], "1.5");
    assert_eq!(json["units"][0]["index"]["exact"], "93.314");
    assert_eq!(json["units"][0]["index"]["published"], "93.31");
    assert_eq!(json["units"][0]["grade"], "A");
    assert_eq!(json["units"][0]["domains"][0]["rank"], "1.5");
    assert_eq!(json["statistics"]["index"]["mean"], "93.31");
    assert_eq!(json["unranked"], serde_json::json!([]));
}

#[cfg(feature = "serde")]
#[test]
fn a_ranking_reads_back_from_its_cohort_and_refuses_edited_figures() {
    let scorecards = cards(&[("a", "93.314"), ("b", "93.305"), ("c", "71")]);
    let ranking = cohort_of(&one_leaf("f"), &scorecards)
        .rank_with(&RankingOptions::national())
        .unwrap();
    let json = serde_json::to_value(&ranking).unwrap();
    assert_eq!(json["cohort"]["framework"]["info"]["id"], "f");
    assert_eq!(json["cohort"]["scorecards"].as_array().unwrap().len(), 3);
    let back: Ranking = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, ranking);
    assert_eq!(
        back.cohort().scorecard("c").unwrap().index().to_string(),
        "71"
    );

    // A published figure edited by hand no longer follows from the cohort.
    let mut edited = json.clone();
    edited["units"][2]["index"]["published"] = "72.00".into();
    let error = serde_json::from_value::<Ranking>(edited).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the ranking's field \"units\" is not what its cohort, ranked with its options, gives"
    );
    // So does a rank.
    let mut promoted = json;
    promoted["units"][2]["rank"] = "1".into();
    assert!(serde_json::from_value::<Ranking>(promoted).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn ranking_options_round_trip_and_default_missing_fields() {
    let options = RankingOptions::national()
        .with_tie_method(TieMethod::ordinal([
            TieBreaker::NodePoints("3".parse().unwrap()),
            TieBreaker::ExactIndex,
        ]))
        .with_basis(ValueBasis::Exact);
    let json = serde_json::to_string(&options).unwrap();
    assert_eq!(
        serde_json::from_str::<RankingOptions>(&json).unwrap(),
        options
    );
    assert!(json.contains(r#""tie_method":{"method":"ordinal","tie_breakers":[{"node_points":"3"},"exact_index"]}"#), "{json}");
    let defaults: RankingOptions = serde_json::from_str("{}").unwrap();
    assert_eq!(defaults, RankingOptions::default());
    let dense: RankingOptions =
        serde_json::from_str(r#"{"tie_method":{"method":"dense"}}"#).unwrap();
    assert_eq!(dense.tie_method, TieMethod::Dense);
    assert!(serde_json::from_str::<RankingOptions>(r#"{"ties":"dense"}"#).is_err());
}

#[test]
fn ranking_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Ranking>();
    assert_send_sync::<Cohort>();
    assert_send_sync::<GradeScale>();
    assert_send_sync::<RankingOptions>();
    assert_send_sync::<par_index::comparison::Comparison>();
}
