//! The gap of a ranked unit to a grade or a rank, checked by re-scoring the unit with the
//! planned points and ranking the cohort again.

use par_index::{
    Assessment, Cohort, Entry, Error, ErrorKind, Framework, GradeBand, GradeScale, Ranking,
    RankingOptions, Rounding, RoundingPolicy, Scorecard,
    accountability::{Accountability, Agency, AgencyKind, Assignments, Head},
    analysis::gap::{Gap, Goal, Reach},
    analysis::plan::Plan,
    assessment::Adjustment,
    framework::{Combine, NotApplicablePolicy},
    ranking::{TieBreaker, TieMethod, ValueBasis},
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> par_index::Exact {
    text.parse().unwrap()
}

const LEAVES: [&str; 4] = ["1.1", "1.2", "2.1", "2.2"];

/// Two domains of two leaves each, 100 points.
fn framework() -> Framework {
    Framework::builder("demo", "Demo index")
        .domain("1", "Chỉ đạo, điều hành", d("40"))
        .child("1", "1.1", "Kế hoạch CCHC", d("20"))
        .child("1", "1.2", "Hoàn thành kế hoạch", d("20"))
        .domain("2", "Thủ tục hành chính", d("60"))
        .child("2", "2.1", "Hồ sơ đúng hạn", d("30"))
        .child("2", "2.2", "Xin lỗi hồ sơ trễ hạn", d("30"))
        .build()
        .unwrap()
}

/// Appraised points for the four leaves, in order.
fn assess(unit: &str, points: [&str; 4]) -> Assessment {
    let mut assessment = Assessment::new("demo", unit, "2024".parse().unwrap());
    for (code, points) in LEAVES.into_iter().zip(points) {
        let note = match code {
            "2.1" => "late dossiers without apology",
            "1.2" => "two plan tasks unfinished",
            _ => "",
        };
        assessment.push(
            Entry::new(code.parse().unwrap())
                .with_appraised(d(points))
                .with_note(note),
        );
    }
    assessment
}

/// a 95, b 88, c 85.5.
fn assessments() -> Vec<Assessment> {
    vec![
        assess("a", ["20", "20", "30", "25"]),
        assess("b", ["20", "18", "25", "25"]),
        assess("c", ["20", "15.5", "25", "25"]),
    ]
}

fn score_all(assessments: &[Assessment]) -> Vec<Scorecard> {
    let framework = framework();
    assessments
        .iter()
        .map(|a| framework.score(a).unwrap())
        .collect()
}

fn rank(cards: &[Scorecard], options: &RankingOptions) -> Ranking {
    rank_on(&framework(), cards, options)
}

fn rank_on(framework: &Framework, cards: &[Scorecard], options: &RankingOptions) -> Ranking {
    Cohort::new(framework, cards.iter().cloned())
        .unwrap()
        .rank_with(options)
        .unwrap()
}

/// The unit re-scored with the plan's points as appraised points, and the cohort ranked
/// again with it: its rank and grade.
#[track_caller]
fn after_plan(
    assessments: &[Assessment],
    unit: &str,
    plan: &Plan,
    options: &RankingOptions,
) -> (Decimal, Option<String>, Decimal) {
    let mut changed = assessments.to_vec();
    let assessment = changed.iter_mut().find(|a| a.unit == unit).unwrap();
    for step in &plan.steps {
        let entry = assessment
            .entries
            .iter_mut()
            .find(|e| e.code == step.code)
            .unwrap();
        entry.appraised = Some(step.points_after.to_decimal());
    }
    let ranking = rank(&score_all(&changed), options);
    let ranked = ranking.unit(unit).unwrap();
    (
        ranked.rank.unwrap().value(),
        ranked.grade.clone(),
        ranked.index.published(),
    )
}

#[track_caller]
fn reachable_points(target: &par_index::analysis::gap::Target) -> (par_index::Exact, bool) {
    match &target.reach {
        Reach::Reachable(needed) => (needed.points.clone(), needed.inclusive),
        other => panic!("expected a reachable goal, got {other:?}"),
    }
}

#[test]
fn the_next_grade_is_reached_at_the_published_threshold() {
    let assessments = assessments();
    let cards = score_all(&assessments);
    let options = RankingOptions::national();
    let ranking = rank(&cards, &options);
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();

    let target = gap.to_next_grade(&GradeScale::national()).unwrap().unwrap();
    assert_eq!(
        target.goal,
        Goal::Grade {
            label: "A".into(),
            min: d("90")
        }
    );
    assert_eq!(target.goal.to_string(), "grade A (from 90)");
    let (points, inclusive) = reachable_points(&target);
    assert_eq!((points.clone(), inclusive), (e("4.495"), true));
    assert_eq!(target.needed().unwrap().index, d("89.995"));
    assert_eq!(target.open_points, d("14.5"));

    // 4.495 more points publish as 90.00: group A (and past b). A thousandth less
    // publishes 89.99.
    let plan = gap.plan(points.clone()).unwrap();
    assert_eq!(
        after_plan(&assessments, "c", &plan, &options),
        (d("2"), Some("A".into()), d("90.00"))
    );
    let short = gap.plan(points - d("0.001")).unwrap();
    assert_eq!(
        after_plan(&assessments, "c", &short, &options),
        (d("2"), Some("B".into()), d("89.99"))
    );
    // Entered with two decimals: 4.50.
    assert_eq!(
        target.needed().unwrap().points_at(2).unwrap().to_string(),
        "4.50"
    );
}

#[test]
fn grading_the_exact_index_needs_the_threshold_itself() {
    let cards = score_all(&assessments());
    let ranking = rank(
        &cards,
        &RankingOptions::national().with_grade_basis(ValueBasis::Exact),
    );
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    let target = gap.to_grade(&GradeScale::national(), "A").unwrap();
    assert_eq!(reachable_points(&target), (e("4.5"), true));
}

#[test]
fn each_rounding_mode_moves_the_grade_bound() {
    let assessments = assessments();
    let cards = score_all(&assessments);
    // (mode, points, inclusive): the exact index 85.5 + points against 90.
    let cases = [
        (Rounding::HalfAwayFromZero, "4.495", true),
        (Rounding::HalfTowardZero, "4.495", false),
        (Rounding::HalfEven, "4.495", true),
        (Rounding::TowardZero, "4.50", true),
        (Rounding::AwayFromZero, "4.49", false),
    ];
    for (rounding, points, inclusive) in cases {
        let options =
            RankingOptions::national().with_rounding(RoundingPolicy::new(2, rounding).unwrap());
        let ranking = rank(&cards, &options);
        let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
        let target = gap.to_next_grade(&GradeScale::national()).unwrap().unwrap();
        assert_eq!(
            reachable_points(&target),
            (e(points), inclusive),
            "{rounding:?}"
        );
        // The bound is tight: at it (inclusive) or just past it the unit is in A, just
        // below it (or at it, exclusive) it is not.
        let grade_with = |extra: &str| {
            let plan = gap.plan(d(extra)).unwrap();
            after_plan(&assessments, "c", &plan, &options).1
        };
        let tiny = d("0.000001");
        let reaching = if inclusive {
            d(points)
        } else {
            d(points) + tiny
        };
        assert_eq!(
            grade_with(&reaching.to_string()).as_deref(),
            Some("A"),
            "{rounding:?}"
        );
        let short = if inclusive {
            d(points) - tiny
        } else {
            d(points)
        };
        assert_eq!(
            grade_with(&short.to_string()).as_deref(),
            Some("B"),
            "{rounding:?}"
        );
    }
}

#[test]
fn the_top_grade_has_no_next_and_an_ungraded_unit_aims_at_the_lowest() {
    let assessments = vec![
        assess("a", ["20", "20", "30", "25"]),
        assess("low", ["10", "10", "20", "25"]), // 65
    ];
    let cards = score_all(&assessments);
    let ranking = rank(&cards, &RankingOptions::national());
    let scale = GradeScale::national();
    let top = Gap::new(&ranking, cards[0].unit()).unwrap();
    assert_eq!(top.to_next_grade(&scale).unwrap(), None);
    let reached = top.to_grade(&scale, "B").unwrap();
    assert_eq!(reached.reach, Reach::Reached);
    assert_eq!(reached.points(), Some(par_index::Exact::ZERO));

    let low = Gap::new(&ranking, cards[1].unit()).unwrap();
    let c = low.to_next_grade(&scale).unwrap().unwrap();
    assert_eq!(c.goal.to_string(), "grade C (from 70)");
    assert_eq!(c.points(), Some(e("4.995")));
}

#[test]
fn a_unit_exactly_at_a_threshold_aims_at_the_grade_above() {
    let assessments = vec![
        assess("a", ["20", "20", "30", "25"]),
        assess("b", ["20", "10", "25", "25"]), // 80.00: grade B, exactly
    ];
    let cards = score_all(&assessments);
    let ranking = rank(&cards, &RankingOptions::national());
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    let next = gap.to_next_grade(&GradeScale::national()).unwrap().unwrap();
    assert_eq!(next.goal.to_string(), "grade A (from 90)");
    assert_eq!(next.points(), Some(e("9.995")));
}

#[test]
fn a_bound_that_does_not_end_is_met_with_the_shortest_points() {
    // Out of 3 points, 2 make 66.666…67%: an index that does not end, rounded to 28 digits.
    let framework = Framework::builder("thirds", "Thirds")
        .total_points(d("3"))
        .domain("1", "Một", d("3"))
        .build()
        .unwrap();
    let cards: Vec<Scorecard> = [("a", "2"), ("b", "1")]
        .iter()
        .map(|(unit, points)| {
            let mut assessment = Assessment::new("thirds", *unit, "2024".parse().unwrap());
            assessment.push(Entry::new("1".parse().unwrap()).with_appraised(d(points)));
            framework.score(&assessment).unwrap()
        })
        .collect();
    assert_eq!(
        cards[0].index().to_string(),
        "66.66666666666666666666666667"
    );
    let ranking = rank_on(
        &framework,
        &cards,
        &RankingOptions::default().with_basis(ValueBasis::Exact),
    );
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    // Level with a: one point, written as 1, not as the 28-digit figure worked back.
    let (points, inclusive) = reachable_points(&gap.to_rank(1).unwrap());
    assert_eq!((points.to_string(), inclusive), ("1".to_owned(), true));
}

#[test]
fn an_unknown_grade_is_refused_with_the_labels() {
    let cards = score_all(&assessments());
    let ranking = rank(&cards, &RankingOptions::national());
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    let error = gap.to_grade(&GradeScale::national(), "D").unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"grade "D" is not one of the labels A, B, C"#
    );
}

#[test]
fn a_tie_at_the_target_rank_is_enough_with_competition_and_dense_ranks() {
    let assessments = assessments();
    let cards = score_all(&assessments);
    for method in [TieMethod::Competition, TieMethod::Dense] {
        let options = RankingOptions::national().with_tie_method(method.clone());
        let ranking = rank(&cards, &options);
        let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
        let second = gap.to_rank(2).unwrap();
        assert_eq!(second.goal.to_string(), "rank 2");
        // Level with b on the published index: 87.995 shows as 88.00.
        let (points, inclusive) = reachable_points(&second);
        assert_eq!(
            (points.clone(), inclusive),
            (e("2.495"), true),
            "{method:?}"
        );
        let plan = gap.plan(points.clone()).unwrap();
        assert_eq!(
            after_plan(&assessments, "c", &plan, &options).0,
            d("2"),
            "{method:?}"
        );
        let short = gap.plan(points - d("0.001")).unwrap();
        assert_eq!(
            after_plan(&assessments, "c", &short, &options).0,
            d("3"),
            "{method:?}"
        );

        // Rank 1: level with a at 95.00 shares it.
        let first = gap.to_rank(1).unwrap();
        assert_eq!(first.points(), Some(e("9.495")), "{method:?}");
        let plan = gap.plan(first.points().unwrap()).unwrap();
        assert_eq!(
            after_plan(&assessments, "c", &plan, &options).0,
            d("1"),
            "{method:?}"
        );
        // Already there.
        assert_eq!(gap.to_rank(3).unwrap().reach, Reach::Reached);
    }
}

#[test]
fn a_fractional_tie_counts_only_when_its_mean_rank_is_good_enough() {
    let assessments = assessments();
    let cards = score_all(&assessments);
    let options = RankingOptions::national().with_tie_method(TieMethod::Fractional);
    let ranking = rank(&cards, &options);
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    // Tying b gives both 2.5: c must pass 88.00, i.e. publish 88.01.
    let second = gap.to_rank(2).unwrap();
    assert_eq!(reachable_points(&second), (e("2.505"), true));
    let plan = gap.plan(d("2.505")).unwrap();
    assert_eq!(after_plan(&assessments, "c", &plan, &options).0, d("2"));
    let tie = gap.plan(d("2.495")).unwrap();
    assert_eq!(after_plan(&assessments, "c", &tie, &options).0, d("2.5"));
}

#[test]
fn ordinal_ties_go_by_identifier_and_are_not_counted_under_tie_breakers() {
    let assessments = vec![
        assess("x", ["20", "20", "25", "25"]), // 90
        assess("m", ["20", "20", "20", "25"]), // 85
    ];
    let cards = score_all(&assessments);

    // "m" sorts before "x": level on the published index is enough.
    let plain = RankingOptions::default().with_tie_method(TieMethod::ordinal([]));
    let ranking = rank(&cards, &plain);
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    let first = gap.to_rank(1).unwrap();
    assert_eq!(reachable_points(&first), (e("4.995"), true));
    let plan = gap.plan(d("4.995")).unwrap();
    assert_eq!(after_plan(&assessments, "m", &plan, &plain).0, d("1"));
    let short = gap.plan(d("4.994")).unwrap();
    assert_eq!(after_plan(&assessments, "m", &short, &plain).0, d("2"));

    // With the exact index as tie-breaker a published tie is lost (89.995 < 90): the gap
    // asks m to pass 90.00 outright.
    let breaking =
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::ExactIndex]));
    let ranking = rank(&cards, &breaking);
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    let first = gap.to_rank(1).unwrap();
    assert_eq!(reachable_points(&first), (e("5.005"), true));
    let tie = gap.plan(d("4.995")).unwrap();
    assert_eq!(after_plan(&assessments, "m", &tie, &breaking).0, d("2"));
    let plan = gap.plan(d("5.005")).unwrap();
    assert_eq!(after_plan(&assessments, "m", &plan, &breaking).0, d("1"));
}

#[test]
fn ranks_on_the_exact_index_tie_exactly_or_pass_by_any_amount() {
    let assessments = assessments();
    let cards = score_all(&assessments);
    let exact = RankingOptions::default().with_basis(ValueBasis::Exact);
    let ranking = rank(&cards, &exact);
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    assert_eq!(reachable_points(&gap.to_rank(2).unwrap()), (e("2.5"), true));

    let ordinal = exact.with_tie_method(TieMethod::ordinal([]));
    let ranking = rank(&cards, &ordinal);
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    // "b" sorts before "c": c must pass 88 itself, by any amount.
    let second = gap.to_rank(2).unwrap();
    assert_eq!(reachable_points(&second), (e("2.5"), false));
    let at_least = second.needed().unwrap().points_at(2).unwrap();
    assert_eq!(at_least.to_string(), "2.51");
    let plan = gap.plan(at_least).unwrap();
    assert_eq!(after_plan(&assessments, "c", &plan, &ordinal).0, d("2"));
    let tie = gap.plan(d("2.5")).unwrap();
    assert_eq!(after_plan(&assessments, "c", &tie, &ordinal).0, d("3"));
}

#[test]
fn goals_beyond_the_open_points_are_out_of_reach() {
    let mut assessments = assessments();
    // c with a deduction of 12: index 73.5, at most 88 with every point regained.
    assessments[2].adjust(Adjustment {
        label: "deduction: late reports".into(),
        points: d("-12"),
        reason: String::new(),
    });
    let cards = score_all(&assessments);
    let ranking = rank(&cards, &RankingOptions::national());
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    assert_eq!(gap.max_index().unwrap(), d("88"));
    assert_eq!(gap.open_points(), d("14.5"));

    let a = gap.to_grade(&GradeScale::national(), "A").unwrap();
    assert!(!a.is_reachable());
    assert_eq!(a.points(), None);
    match a.reach {
        Reach::Unreachable(needed) => assert_eq!(needed.points, d("16.495")),
        other => panic!("{other:?}"),
    }
    // Rank 2 means level with b at 88.00: 87.995 is within reach, just.
    assert_eq!(gap.to_rank(2).unwrap().points(), Some(e("14.495")));
    assert!(!gap.to_rank(1).unwrap().is_reachable());
}

#[test]
fn nothing_above_100_is_reachable_whatever_the_bonus() {
    let mut assessments = vec![
        assess("top", ["20", "20", "30", "30"]), // 100
        assess("y", ["20", "20", "25", "25"]),   // 90, +5 bonus
    ];
    assessments[1].adjust(Adjustment {
        label: "bonus: innovation".into(),
        points: d("5"),
        reason: String::new(),
    });
    let cards = score_all(&assessments);
    let options =
        RankingOptions::default().with_tie_method(TieMethod::ordinal([TieBreaker::ExactIndex]));
    let ranking = rank(&cards, &options);
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    assert_eq!(gap.max_index().unwrap(), d("100"));
    // Passing 100.00 would take 5.005 of the 10 open points, but the index stops at 100.
    let first = gap.to_rank(1).unwrap();
    assert!(!first.is_reachable());
    assert_eq!(first.needed().unwrap().points, d("5.005"));

    // On the exact index, with "top" first among equals, rank 1 means passing 100 itself:
    // 5 points short of the open 10, and still out of reach.
    let exact = RankingOptions::default()
        .with_basis(ValueBasis::Exact)
        .with_tie_method(TieMethod::ordinal([]));
    let ranking = rank(&cards, &exact);
    let gap = Gap::new(&ranking, cards[1].unit()).unwrap();
    let first = gap.to_rank(1).unwrap();
    assert!(!first.is_reachable(), "{first:?}");
    let needed = first.needed().unwrap();
    assert_eq!(
        (
            needed.index.clone(),
            needed.points.clone(),
            needed.inclusive
        ),
        (e("100"), e("5"), false)
    );
}

#[test]
fn target_ranks_outside_the_ranking_are_refused() {
    let cards = score_all(&assessments());
    let ranking = rank(&cards, &RankingOptions::default());
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    for rank in [0, 4] {
        assert_eq!(
            gap.to_rank(rank).unwrap_err().to_string(),
            format!("target rank {rank} for unit c is outside 1 to 3")
        );
    }
}

#[test]
fn lost_leaves_are_ordered_with_their_notes_and_heads() {
    let cards = score_all(&assessments());
    let ranking = rank(&cards, &RankingOptions::default());
    let framework = framework();
    let mut plan = Assignments::new("demo");
    plan.agency(Agency::new(
        "NV",
        "Phòng Nội vụ",
        AgencyKind::Office,
        Head::new("Trưởng phòng Nội vụ"),
    ))
    .agency(Agency::new(
        "VP",
        "Văn phòng HĐND và UBND",
        AgencyKind::Office,
        Head::new("Chánh Văn phòng"),
    ));
    plan.assign("1", "NV", &[])
        .unwrap()
        .assign("2", "VP", &[])
        .unwrap();
    let accountability = Accountability::new(&framework, plan).unwrap();
    let gap = Gap::new(&ranking, cards[2].unit())
        .unwrap()
        .with_accountability(&accountability)
        .unwrap();
    let shown: Vec<(String, String, String, String)> = gap
        .lost_leaves()
        .iter()
        .map(|l| {
            (
                l.code.to_string(),
                l.lost.to_string(),
                l.lead.as_ref().map(|a| a.head.title_vi.clone()).unwrap(),
                l.note.clone(),
            )
        })
        .collect();
    let row = |code: &str, lost: &str, head: &str, note: &str| {
        (code.into(), lost.into(), head.into(), note.into())
    };
    assert_eq!(
        shown,
        [
            row(
                "2.1",
                "5",
                "Chánh Văn phòng",
                "late dossiers without apology"
            ),
            row("2.2", "5", "Chánh Văn phòng", ""),
            row(
                "1.2",
                "4.5",
                "Trưởng phòng Nội vụ",
                "two plan tasks unfinished"
            ),
        ]
    );
    assert_eq!(gap.lost_leaves()[0].name_vi, "Hồ sơ đúng hạn");
    // Without assignments, no heads.
    let plain = Gap::new(&ranking, cards[2].unit()).unwrap();
    assert!(plain.lost_leaves().iter().all(|l| l.lead.is_none()));
}

#[test]
fn a_plan_spreads_points_greedily_over_the_worst_leaves() {
    let cards = score_all(&assessments());
    let ranking = rank(&cards, &RankingOptions::default());
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    let plan = gap.plan(d("12")).unwrap();
    let shown: Vec<(String, String, String)> = plan
        .steps
        .iter()
        .map(|s| {
            (
                s.code.to_string(),
                s.add.to_string(),
                s.points_after.to_string(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2.1".into(), "5".into(), "30".into()),
            ("2.2".into(), "5".into(), "30".into()),
            ("1.2".into(), "2".into(), "17.5".into()),
        ]
    );
    assert!(gap.plan(Decimal::ZERO).unwrap().steps.is_empty());
    assert_eq!(gap.plan(d("14.5")).unwrap().steps.len(), 3);
    for points in ["14.51", "-1"] {
        assert_eq!(
            gap.plan(d(points)).unwrap_err().to_string(),
            format!(
                "cannot spread {points} more points over the leaves of unit c: 14.5 points are open"
            )
        );
    }
}

#[test]
fn a_plan_refuses_leaves_whose_points_do_not_count_one_for_one() {
    // Domain 2 rescales; with 2.2 not applicable, a point on 2.1 is worth two.
    let framework = Framework::builder("rescaled", "Rescaled index")
        .domain("1", "Chỉ đạo, điều hành", d("40"))
        .child("1", "1.1", "Kế hoạch CCHC", d("40"))
        .domain("2", "Thủ tục hành chính", d("60"))
        .when_not_applicable(NotApplicablePolicy::Rescale)
        .child("2", "2.1", "Hồ sơ đúng hạn", d("30"))
        .child("2", "2.2", "Xin lỗi hồ sơ trễ hạn", d("30"))
        .optional()
        .build()
        .unwrap();
    let mut assessment = Assessment::new("rescaled", "w", "2024".parse().unwrap());
    assessment
        .push(Entry::new("1.1".parse().unwrap()).with_appraised(d("39")))
        .push(Entry::new("2.1".parse().unwrap()).with_appraised(d("20")))
        .push(Entry::new("2.2".parse().unwrap()).with_evidence(par_index::Evidence::NotApplicable));
    let card = framework.score(&assessment).unwrap();
    let ranking = rank_on(
        &framework,
        std::slice::from_ref(&card),
        &RankingOptions::default(),
    );
    let gap = Gap::new(&ranking, "w").unwrap();
    assert_eq!(
        gap.plan(d("1")).unwrap_err().to_string(),
        "points on leaf 2.1 of unit w do not add one for one to its total: domain 2 rescales or averages its children"
    );
    // The grade gap itself is in points of the total, whatever the tree does.
    assert_eq!(gap.open_points(), d("21"));

    let averaged = Framework::builder("averaged", "Averaged index")
        .combine_domains(Combine::WeightedMean)
        .domain("1", "Chỉ đạo, điều hành", d("100"))
        .weight(d("1"))
        .domain("2", "Thủ tục hành chính", d("100"))
        .weight(d("3"))
        .build()
        .unwrap();
    let mut assessment = Assessment::new("averaged", "w", "2024".parse().unwrap());
    assessment
        .push(Entry::new("1".parse().unwrap()).with_appraised(d("80")))
        .push(Entry::new("2".parse().unwrap()).with_appraised(d("90")));
    let card = averaged.score(&assessment).unwrap();
    let ranking = rank_on(
        &averaged,
        std::slice::from_ref(&card),
        &RankingOptions::default(),
    );
    let gap = Gap::new(&ranking, "w").unwrap();
    assert_eq!(
        gap.plan(d("1")).unwrap_err().to_string(),
        "points on leaf 1 of unit w do not add one for one to its total: the total rescales or averages its children"
    );
}

#[test]
fn a_gap_is_of_a_ranked_unit() {
    let cards = score_all(&assessments());
    let framework = framework();
    let ranking = rank(&cards[..2], &RankingOptions::default());
    let error = Gap::new(&ranking, "c").unwrap_err();
    assert_eq!(error.to_string(), "unit c is not among the ranked units");

    // A unit published beside the cohort is not ranked, so it has no gap to a rank.
    let beside = Cohort::new_with_unranked(&framework, cards[..2].to_vec(), cards[2..].to_vec())
        .unwrap()
        .rank()
        .unwrap();
    assert!(matches!(
        Gap::new(&beside, "c").map_err(Error::into_kind),
        Err(ErrorKind::NotInRanking { .. })
    ));
    assert!(Gap::new(&beside, "b").is_ok());

    let empty = Cohort::new(&framework, []).unwrap().rank().unwrap();
    assert!(matches!(
        Gap::new(&empty, "a").map_err(Error::into_kind),
        Err(ErrorKind::NotInRanking { .. })
    ));
}

#[test]
fn assignments_for_another_framework_are_refused() {
    let cards = score_all(&assessments());
    let ranking = rank(&cards, &RankingOptions::default());
    let other = Framework::builder("other", "Other index")
        .domain("1", "Chỉ số", d("100"))
        .build()
        .unwrap();
    let mut plan = Assignments::new("other");
    plan.agency(Agency::new(
        "NV",
        "Phòng Nội vụ",
        AgencyKind::Office,
        Head::new("Trưởng phòng Nội vụ"),
    ));
    plan.assign("1", "NV", &[]).unwrap();
    let accountability = Accountability::new(&other, plan).unwrap();
    let error = Gap::new(&ranking, cards[2].unit())
        .unwrap()
        .with_accountability(&accountability)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the assignments are declared for framework other, not demo"
    );
}

#[test]
fn a_local_scale_with_an_off_grid_threshold() {
    // A threshold of 87.5 with whole-number publication: 87.5 publishes as 88, so the
    // grade asks for 88 shown, from an exact 87.5.
    let assessments = assessments();
    let cards = score_all(&assessments);
    let options = RankingOptions::default()
        .with_rounding(RoundingPolicy::new(0, Rounding::HalfAwayFromZero).unwrap());
    let ranking = rank(&cards, &options);
    let scale = GradeScale::new(
        "local",
        [
            GradeBand::new("Tốt", d("87.2")),
            GradeBand::new("Khá", d("0")),
        ],
    )
    .unwrap();
    let gap = Gap::new(&ranking, cards[2].unit()).unwrap();
    let good = gap.to_next_grade(&scale).unwrap().unwrap();
    assert_eq!(reachable_points(&good), (e("2"), true));
    assert_eq!(good.needed().unwrap().index, d("87.5"));
    let graded = options.with_grades(scale);
    let plan = gap.plan(d("2")).unwrap();
    assert_eq!(
        after_plan(&assessments, "c", &plan, &graded).1.as_deref(),
        Some("Tốt")
    );
    let short = gap.plan(d("1.999")).unwrap();
    assert_eq!(
        after_plan(&assessments, "c", &short, &graded).1.as_deref(),
        Some("Khá")
    );
}
