//! Uncertainty of ranks: reproducibility, the nominal ranking, leaving domains out, options.

mod common;

use par_index::{
    Assessment, Cohort, Entry, Framework, GradeBand, GradeScale,
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    bulk::PointsTable,
    framework::Method,
    ranking::Rank,
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn par_cohort<'f>(framework: &'f Framework, leaf_max: &[i64], units: usize) -> PointsTable<'f> {
    let mut table = PointsTable::new(framework, "2025".parse().unwrap()).unwrap();
    for (unit, points) in common::rows(leaf_max, units, 21) {
        table.push(unit, points).unwrap();
    }
    table
}

#[test]
fn a_seed_reproduces_the_same_report() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_cohort(&framework, &leaf_max, 63);
    let scores = table.score().unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let options = UncertaintyOptions::default()
        .with_replications(500)
        .with_seed(42)
        .with_survey_noise(3.0);
    let first = analysis.run(&options).unwrap();
    let second = analysis.run(&options).unwrap();
    assert_eq!(first, second);
    assert_eq!((first.seed(), first.replications()), (42, 500));
    let other = analysis.run(&options.clone().with_seed(43)).unwrap();
    assert_ne!(first, other, "another seed should draw other weights");
    assert_eq!(other.seed(), 43);
    // The weights do move ranks: some unit's 5th and 95th percentiles differ.
    assert!(first.units().iter().any(|u| u.p5_rank < u.p95_rank));
    for unit in first.units() {
        assert!(unit.p5_rank <= unit.median_rank && unit.median_rank <= unit.p95_rank);
        let total: f64 = unit.grade_probabilities.iter().sum::<f64>() + unit.ungraded_probability;
        assert!((total - 1.0).abs() < 1e-12, "{}: {total}", unit.unit);
    }
}

#[test]
fn a_large_cohort_stores_ranks_and_agrees_on_the_nominal_ranking() {
    // 300 units over 100 replications: ranks are kept per replication, not as histograms.
    let (framework, leaf_max) = common::framework(5);
    let table = par_cohort(&framework, &leaf_max, 300);
    let scores = table.score().unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let report = analysis
        .run(
            &UncertaintyOptions::default()
                .with_replications(100)
                .with_weight_factor(1.0, 1.0),
        )
        .unwrap();
    for unit in report.units() {
        let nominal = f64::from(unit.nominal_rank);
        assert_eq!(
            (unit.p5_rank, unit.median_rank, unit.p95_rank),
            (nominal, nominal, nominal)
        );
    }
}

#[test]
fn a_zero_width_range_repeats_the_nominal_ranking_in_every_replication() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_cohort(&framework, &leaf_max, 63);
    let scores = table.score().unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let nominal = analysis.nominal_ranks().unwrap();
    // The nominal ranking is by the exact index: it agrees with ranking exact indices.
    let exact: Vec<par_index::Exact> = scores.units().map(|u| u.index()).collect();
    let by_exact: Vec<u32> = exact
        .iter()
        .map(|e| 1 + exact.iter().filter(|x| *x > e).count() as u32)
        .collect();
    assert_eq!(nominal, by_exact);

    for factor in [1.0, 0.8, 1.1] {
        let options = UncertaintyOptions::default()
            .with_replications(200)
            .with_weight_factor(factor, factor)
            .with_top(5);
        let report = analysis.run(&options).unwrap();
        for (unit, rank) in report.units().iter().zip(&nominal) {
            assert_eq!(unit.nominal_rank, *rank);
            let expected = f64::from(*rank);
            assert_eq!(unit.p5_rank, expected, "{} at {factor}", unit.unit);
            assert_eq!(unit.median_rank, expected);
            assert_eq!(unit.p95_rank, expected);
            assert_eq!(unit.top_probability, if *rank <= 5 { 1.0 } else { 0.0 });
        }
    }
}

#[test]
fn grades_follow_the_thresholds() {
    let framework = two_domains(Method::Appraisal);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    for (unit, a, b) in [
        ("a", "50", "45"),
        ("b", "45", "40"),
        ("c", "40", "35"),
        ("d", "10", "10"),
    ] {
        table.push(unit, [d(a), d(b)]).unwrap();
    }
    let scores = table.score().unwrap();
    let report = RankUncertainty::from_scores(&scores)
        .run(
            &UncertaintyOptions::default()
                .with_replications(10)
                .with_weight_factor(1.0, 1.0),
        )
        .unwrap();
    assert_eq!(report.grades(), ["A", "B", "C"]);
    let grades: Vec<(Vec<f64>, f64)> = report
        .units()
        .iter()
        .map(|u| (u.grade_probabilities.clone(), u.ungraded_probability))
        .collect();
    assert_eq!(
        grades,
        [
            (vec![1.0, 0.0, 0.0], 0.0), // 95
            (vec![0.0, 1.0, 0.0], 0.0), // 85
            (vec![0.0, 0.0, 1.0], 0.0), // 75
            (vec![0.0, 0.0, 0.0], 1.0), // 20
        ]
    );

    // A local scale, as a ranking takes it; or none.
    let local = GradeScale::new(
        "local",
        [
            GradeBand::new("Tốt", d("80")),
            GradeBand::new("Khá", d("50")),
        ],
    )
    .unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let fixed = UncertaintyOptions::default()
        .with_replications(10)
        .with_weight_factor(1.0, 1.0);
    let report = analysis.run(&fixed.clone().with_grades(local)).unwrap();
    assert_eq!(report.grades(), ["Tốt", "Khá"]);
    let last = report.units().last().unwrap();
    assert_eq!(
        (last.grade_probabilities.clone(), last.ungraded_probability),
        (vec![0.0, 0.0], 1.0)
    );
    assert_eq!(report.units()[2].grade_probabilities, [0.0, 1.0]); // 75
    let ungraded = analysis.run(&fixed.without_grades()).unwrap();
    assert!(ungraded.grades().is_empty());
    assert_eq!(ungraded.units()[0].ungraded_probability, 1.0);
}

fn two_domains(second: Method) -> Framework {
    Framework::builder("two", "Two domains")
        .domain("1", "Chỉ đạo, điều hành", d("50"))
        .child("1", "1.1", "Kế hoạch", d("50"))
        .domain("2", "Khảo sát", d("50"))
        .method(second)
        .child("2", "2.1", "Mức độ hài lòng", d("50"))
        .build()
        .unwrap()
}

#[test]
fn survey_noise_moves_only_survey_domains() {
    // Two units with the same index, one strong on the survey, one on the appraisal.
    let rows = [("appraised", "40", "30"), ("surveyed", "30", "40")];
    let run = |method: Method, noise: f64| {
        let framework = two_domains(method);
        let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
        for (unit, a, b) in rows {
            table.push(unit, [d(a), d(b)]).unwrap();
        }
        let scores = table.score().unwrap();
        RankUncertainty::from_scores(&scores)
            .run(
                &UncertaintyOptions::default()
                    .with_replications(400)
                    .with_weight_factor(1.0, 1.0)
                    .with_survey_noise(noise)
                    .with_top(1),
            )
            .unwrap()
    };
    // No survey domain: noise changes nothing, and the two tie at rank 1 throughout.
    let quiet = run(Method::Appraisal, 0.0);
    assert_eq!(run(Method::Appraisal, 5.0), quiet);
    assert!(quiet.units().iter().all(|u| u.top_probability == 1.0));
    // A citizen survey with noise splits the tie, about half of the time each way.
    let noisy = run(Method::CitizenSurvey, 5.0);
    assert_eq!(run(Method::CitizenSurvey, 0.0), quiet);
    let surveyed = &noisy.units()[1];
    assert!(
        surveyed.top_probability > 0.3 && surveyed.top_probability < 0.7,
        "{}",
        surveyed.top_probability
    );
    assert_eq!(
        noisy.units()[0].top_probability,
        1.0 - surveyed.top_probability
    );
}

/// Top-1 probabilities of two units on `two_domains(method)` over 2,000 replications.
fn top_probabilities(
    method: Method,
    options: UncertaintyOptions,
    rows: [(&str, &str, &str); 2],
) -> Vec<f64> {
    let framework = two_domains(method);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    for (unit, a, b) in rows {
        table.push(unit, [d(a), d(b)]).unwrap();
    }
    let scores = table.score().unwrap();
    let report = RankUncertainty::from_scores(&scores)
        .run(&options.with_replications(2_000).with_top(1))
        .unwrap();
    report.units().iter().map(|u| u.top_probability).collect()
}

#[test]
fn without_noise_a_survey_domain_draws_nothing_extra() {
    // Weight factors (0.75 to 1.25) and survey noise are drawn from one stream: a survey
    // domain without noise must leave the stream, and so every replication, as it is.
    let rows = [("appraised", "40", "30"), ("surveyed", "30", "40")];
    let options = UncertaintyOptions::default();
    let appraisal = top_probabilities(Method::Appraisal, options.clone(), rows);
    assert!(appraisal[0] > 0.3 && appraisal[0] < 0.7, "{appraisal:?}");
    assert_eq!(
        top_probabilities(Method::CitizenSurvey, options, rows),
        appraisal
    );
}

#[test]
fn survey_noise_is_symmetric_and_a_full_share_can_only_fall() {
    // Both at 80: "full" has the whole survey share, "middle" four fifths of it. With equal
    // weights and ±5 percentage points, full can only lose (its share is capped at 1) while
    // middle moves both ways: middle comes first in 5/8 of draws (1/2 × 1/2 + 1/2 × 3/4).
    let rows = [("full", "30", "50"), ("middle", "40", "40")];
    let options = UncertaintyOptions::default()
        .with_weight_factor(1.0, 1.0)
        .with_survey_noise(5.0);
    let middle = top_probabilities(Method::CitizenSurvey, options, rows)[1];
    assert!(middle > 0.58 && middle < 0.67, "{middle}");
}

#[test]
fn leaving_out_a_domain_where_all_units_score_alike_keeps_the_ranking() {
    // Domain 2 gives every unit the same share: the index is then the same increasing affine
    // function of the points in the other domains, with or without it.
    let (framework, leaf_max) = common::framework(7);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    let second: Vec<usize> = framework
        .leaves()
        .enumerate()
        .filter(|(_, n)| framework.domain_of(n).code().as_str() == "2")
        .map(|(i, _)| i)
        .collect();
    for (unit, mut points) in common::rows(&leaf_max, 80, 4) {
        for i in &second {
            points[*i] = Decimal::new(leaf_max[*i], 2) / Decimal::TWO;
        }
        table.push(unit, points).unwrap();
    }
    let scores = table.score().unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let nominal = analysis.nominal_ranks().unwrap();
    let removals = analysis.remove_one_domain().unwrap();
    assert_eq!(removals.len(), 8);
    let without_2 = &removals[1];
    assert_eq!(without_2.domain.as_str(), "2");
    let ranks: Vec<Rank> = without_2.ranks.iter().map(|r| r.unwrap()).collect();
    assert_eq!(ranks, nominal);
    // Leaving out a domain where units differ does move someone.
    assert!(
        removals
            .iter()
            .any(|r| r.ranks.iter().zip(&nominal).any(|(a, b)| *a != Some(*b)))
    );
}

#[test]
fn scorecards_give_the_same_exact_rankings_as_the_bulk_cohort() {
    let (framework, leaf_max) = common::framework(2);
    let table = par_cohort(&framework, &leaf_max, 40);
    let scores = table.score().unwrap();
    let cards: Vec<_> = (0..table.len())
        .map(|i| framework.score(&table.assessment(i).unwrap()).unwrap())
        .collect();
    let from_cards =
        RankUncertainty::from_cohort(&Cohort::new(&framework, cards.clone()).unwrap()).unwrap();
    let from_bulk = RankUncertainty::from_scores(&scores);
    assert_eq!(
        from_cards.nominal_ranks().unwrap(),
        from_bulk.nominal_ranks().unwrap()
    );
    assert_eq!(
        from_cards.remove_one_domain().unwrap(),
        from_bulk.remove_one_domain().unwrap()
    );
    assert_eq!(from_cards.domains(), from_bulk.domains());
    assert!(from_cards.units().eq(from_bulk.units()));
}

#[test]
fn not_applicable_domains_weigh_nothing_and_a_unit_left_with_none_is_unranked() {
    let framework = Framework::builder("na", "Optional domain")
        .domain("1", "Chỉ đạo", d("40"))
        .child("1", "1.1", "Kế hoạch", d("40"))
        .optional()
        .domain("2", "Thủ tục", d("60"))
        .child("2", "2.1", "Hồ sơ", d("60"))
        .build()
        .unwrap();
    let unit = |id: &str, first: Option<&str>, second: &str| {
        let mut a = Assessment::new("na", id, "2025".parse().unwrap());
        let entry = Entry::new("1.1".parse().unwrap());
        a.push(match first {
            Some(p) => entry.with_appraised(d(p)),
            None => entry.with_evidence(par_index::Evidence::NotApplicable),
        });
        a.push(Entry::new("2.1".parse().unwrap()).with_appraised(d(second)));
        framework.score(&a).unwrap()
    };
    let cards = [
        unit("full", Some("40"), "30"), // 70
        unit("no plan", None, "54"),    // 90 of what applies
        unit("weak", Some("10"), "50"), // 60
    ];
    let analysis =
        RankUncertainty::from_cohort(&Cohort::new(&framework, cards.clone()).unwrap()).unwrap();
    assert_eq!(analysis.nominal_ranks().unwrap(), [2, 1, 3]);
    let removals = analysis.remove_one_domain().unwrap();
    let whole = |ranks: &[Option<Rank>]| -> Vec<Option<u32>> {
        ranks.iter().map(|r| r.and_then(|r| r.as_whole())).collect()
    };
    assert_eq!(whole(&removals[0].ranks), [Some(3), Some(1), Some(2)]);
    assert_eq!(whole(&removals[1].ranks), [Some(1), None, Some(2)]);
    let report = analysis
        .run(&UncertaintyOptions::default().with_replications(50))
        .unwrap();
    assert_eq!(
        report.units()[1].p95_rank,
        1.0,
        "90% beats 70% whatever the weights"
    );
    // Each unit is divided by the maxima of its own domains: the others spread out below.
    let medians: Vec<f64> = report.units().iter().map(|u| u.median_rank).collect();
    assert_eq!(medians, [2.0, 1.0, 3.0]);
}

#[test]
fn options_out_of_range_are_refused() {
    let framework = two_domains(Method::Appraisal);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    table.push("a", [d("1"), d("2")]).unwrap();
    let scores = table.score().unwrap();
    let analysis = RankUncertainty::from_scores(&scores);
    let base = UncertaintyOptions::default;
    let cases = [
        (
            base().with_replications(0),
            "invalid replications: 0; run at least 1",
        ),
        (
            base().with_weight_factor(1.25, 0.75),
            "invalid weight factor range: 1.25 to 0.75; it needs 0 ≤ low ≤ high and high > 0",
        ),
        (
            base().with_weight_factor(-0.5, 1.0),
            "invalid weight factor range: -0.5 to 1; it needs 0 ≤ low ≤ high and high > 0",
        ),
        (
            base().with_weight_factor(f64::NAN, 1.0),
            "invalid weight factor range: NaN to 1; it needs 0 ≤ low ≤ high and high > 0",
        ),
        (
            base().with_survey_noise(-1.0),
            "invalid survey noise: -1 percentage points; it must be within 0 to 100",
        ),
        (base().with_top(0), "invalid top: 0; k must be at least 1"),
    ];
    for (options, message) in cases {
        assert_eq!(analysis.run(&options).unwrap_err().to_string(), message);
    }
}

#[test]
fn runs_that_would_keep_too_many_ranks_are_refused() {
    let framework = two_domains(Method::Appraisal);
    let mut table = PointsTable::new(&framework, "2025".parse().unwrap()).unwrap();
    // As many units as replications or more: every rank is kept.
    for u in 0..20_000 {
        table.push(format!("u{u}"), [d("1"), d("2")]).unwrap();
    }
    let scores = table.score().unwrap();
    let err = RankUncertainty::from_scores(&scores)
        .run(&UncertaintyOptions::default().with_replications(15_000))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid replications: 15000 replications of 20000 units would keep 300000000 ranks; at most 268435456"
    );
}

#[test]
fn analysis_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<RankUncertainty>();
    check::<par_index::analysis::uncertainty::UncertaintyReport>();
    check::<par_index::analysis::self_appraisal::SelfAppraisal>();
}

/// The same analysis run on a pool of `threads` threads.
#[cfg(feature = "parallel")]
fn on_threads<T: Send>(threads: usize, work: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(work)
}

#[cfg(feature = "parallel")]
#[test]
fn reports_are_the_same_on_one_thread_and_on_many() {
    let (framework, leaf_max) = common::framework(7);
    // 40 units over 500 replications keep histograms; 700 units over 300 replications keep
    // every rank, two bytes each; both split into blocks of 32 with a short last block.
    for (units, replications) in [(40, 500), (700, 300)] {
        let table = par_cohort(&framework, &leaf_max, units);
        let scores = table.score().unwrap();
        let analysis = RankUncertainty::from_scores(&scores);
        let options = UncertaintyOptions::default()
            .with_replications(replications)
            .with_seed(11)
            .with_survey_noise(2.5)
            .with_top(5);
        let one = on_threads(1, || analysis.run(&options).unwrap());
        let three = on_threads(3, || analysis.run(&options).unwrap());
        let global = analysis.run(&options).unwrap();
        // Debug prints every float with the digits that give back its bits.
        assert_eq!(format!("{one:?}"), format!("{three:?}"), "{units} units");
        assert_eq!(format!("{one:?}"), format!("{global:?}"), "{units} units");
        assert!(one.units().iter().any(|u| u.p5_rank < u.p95_rank));
    }
}
