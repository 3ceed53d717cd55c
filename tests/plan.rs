//! Improvement plans in real actions: each leaf's rule decides what the unit must do, the
//! steps name the head who answers for them, and carrying the plan out gains exactly the
//! plan's points.

use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
use par_index::analysis::gap::Gap;
use par_index::analysis::plan::Action;
use par_index::analysis::what_if::WhatIf;
use par_index::language::Language;
use par_index::rule::RateBand;
use par_index::{Cohort, Entry, Evidence, Exact, Framework, Ranking, RankingOptions, Rule};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn e(text: &str) -> Exact {
    text.parse().unwrap()
}

/// A ward index (illustrative): a yes/no leaf, a band leaf, a proportional leaf and a
/// deduction leaf.
fn framework() -> Framework {
    Framework::builder("ward-plan", "Chỉ số CCHC cấp phường (minh họa)")
        .total_points(d("16"))
        .domain("1", "Công tác chỉ đạo, điều hành CCHC", d("3"))
        .child("1", "1.1", "Ban hành kế hoạch CCHC năm đúng hạn", d("3"))
        .rule(Rule::yes_no())
        .domain("2", "Cải cách thủ tục hành chính", d("11"))
        .child("2", "2.1", "Tỷ lệ hồ sơ trễ hạn có thư xin lỗi", d("3"))
        .rule(Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: d("100"),
                    points: d("3"),
                },
                RateBand {
                    at_least: d("95"),
                    points: d("2"),
                },
                RateBand {
                    at_least: d("90"),
                    points: d("1"),
                },
            ],
            zero_denominator: Default::default(),
        })
        .child("2", "2.2", "Tỷ lệ hồ sơ giải quyết sớm, đúng hạn", d("8"))
        .rule(Rule::proportional())
        .domain("3", "Chế độ báo cáo", d("2"))
        .child("3", "3.1", "Báo cáo CCHC đúng hạn", d("2"))
        .rule(Rule::Deduction {
            per_violation: d("0.5"),
            floor: Decimal::ZERO,
        })
        .build()
        .unwrap()
}

fn ranking(framework: &Framework) -> Ranking {
    let mut cards = Vec::new();
    for (unit, name, plan, apologies, on_time, late_reports) in [
        ("minh-an", "Phường Minh An", true, 100, 690, 0),
        ("tan-hiep", "Xã Tân Hiệp", false, 91, 5_147, 2),
    ] {
        let mut a = framework.assessment(unit, "2021".parse().unwrap());
        a.unit_name = name.to_owned();
        let whole = if unit == "tan-hiep" { 8_037 } else { 702 };
        a.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(plan)))
            .push(Entry::new("2.1".parse().unwrap()).with_evidence(Evidence::rate(apologies, 100)))
            .push(Entry::new("2.2".parse().unwrap()).with_evidence(Evidence::rate(on_time, whole)))
            .push(Entry::new("3.1".parse().unwrap()).with_evidence(Evidence::Count(late_reports)));
        cards.push(framework.score(&a).unwrap());
    }
    Cohort::new(framework, cards)
        .unwrap()
        .rank_with(&RankingOptions::national())
        .unwrap()
}

fn accountability(framework: &Framework) -> Accountability {
    let mut plan = Assignments::new("Phân công CCHC phường (minh họa)");
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
    ))
    .agency(Agency::new(
        "TTHCC",
        "Trung tâm Hành chính công",
        AgencyKind::Centre,
        Head::new("Giám đốc Trung tâm"),
    ));
    plan.assign("1", "NV", &[])
        .unwrap()
        .assign("2", "VP", &["NV"])
        .unwrap()
        .assign("3", "NV", &[])
        .unwrap()
        .assign("2.2", "TTHCC", &["VP"])
        .unwrap();
    Accountability::new(framework, plan).unwrap()
}

#[test]
fn a_plan_speaks_in_actions_each_leaf_rule_allows_with_the_owning_head() {
    let framework = framework();
    let ranking = ranking(&framework);
    let accountability = accountability(&framework);
    let gap = Gap::new(&ranking, "tan-hiep")
        .unwrap()
        .with_accountability(&accountability)
        .unwrap();

    // Lost: 1.1 all 3 points (no plan), 2.2 8 − 8 × 5147/8037 = 23120/8037, 2.1 two points
    // (91% reaches only the 90% band), 3.1 one point (two late reports).
    let on_time_lost = e("23120/8037");
    let asked = Exact::from(3u8).add(&on_time_lost).add(&e("0.5"));
    let plan = gap.plan(asked.clone()).unwrap();

    let actions: Vec<(&str, &Action)> = plan
        .steps
        .iter()
        .map(|s| (s.code.as_str(), &s.action))
        .collect();
    assert_eq!(
        actions,
        [
            ("1.1", &Action::MeetRequirement),
            (
                "2.2",
                &Action::RaiseRate {
                    more: d("2890"),
                    part: d("8037"),
                    whole: d("8037"),
                    percent: d("100.00"),
                }
            ),
            // Half a point missing: the next band (95%, +1), not the top one.
            (
                "2.1",
                &Action::ReachBand {
                    at_least: d("95"),
                    now: Some(d("91.00")),
                    part: Some((95, 100)),
                }
            ),
        ]
    );
    // Whole points of the rules, never a fraction of a yes/no leaf.
    let adds: Vec<Exact> = plan.steps.iter().map(|s| s.add.clone()).collect();
    assert_eq!(adds, [Exact::from(3u8), on_time_lost.clone(), Exact::ONE]);
    assert_eq!(plan.points, Exact::from(4u8).add(&on_time_lost));
    assert_eq!(plan.surplus(), e("0.5"));

    // Each step is owned: the centre answers for the on-time leaf it was re-assigned.
    let heads: Vec<String> = plan
        .steps
        .iter()
        .map(|s| s.lead.as_ref().unwrap().head_label())
        .collect();
    assert_eq!(
        heads,
        [
            "Trưởng phòng Nội vụ",
            "Giám đốc Trung tâm",
            "Chánh Văn phòng"
        ]
    );

    assert_eq!(
        plan.render_in(Language::Vietnamese),
        "1. 1.1 Ban hành kế hoạch CCHC năm đúng hạn: thực hiện đạt yêu cầu (có thay vì không): \
         +3,00 điểm (0,00 → 3,00/3,00) — Trưởng phòng Nội vụ (Phòng Nội vụ)\n\
         2. 2.2 Tỷ lệ hồ sơ giải quyết sớm, đúng hạn: nâng lên 8.037/8.037 (thêm 2.890): \
         100,00%: +2,88 điểm (5,12 → 8,00/8,00) — Giám đốc Trung tâm (Trung tâm Hành chính công)\n\
         3. 2.1 Tỷ lệ hồ sơ trễ hạn có thư xin lỗi: đạt mức từ 95%: 95/100 (hiện 91,00%): \
         +1,00 điểm (1,00 → 2,00/3,00) — Chánh Văn phòng (Văn phòng HĐND và UBND)\n"
    );
    assert!(
        plan.render_in(Language::English)
            .contains("2. 2.2 Tỷ lệ hồ sơ giải quyết sớm, đúng hạn: raise to 8,037 of 8,037 (2,890 more): 100.00%: +2.88 points")
    );

    // Carried out, the plan gains exactly its points.
    let what_if = WhatIf::run(&ranking, "tan-hiep", &plan.changes().unwrap()).unwrap();
    let before = ranking
        .cohort()
        .scorecard("tan-hiep")
        .unwrap()
        .points()
        .clone();
    assert_eq!(what_if.scorecard.points().sub(&before), plan.points);
}

#[test]
fn a_deduction_leaf_removes_violations_and_a_rate_counts_more_of_its_whole() {
    let framework = framework();
    let ranking = ranking(&framework);
    let gap = Gap::new(&ranking, "tan-hiep").unwrap();
    let on_time_lost = e("23120/8037");

    // Everything but the last half point: the deduction leaf loses one violation of two.
    let all_but_half = Exact::from(3u8)
        .add(&on_time_lost)
        .add(&Exact::from(2u8))
        .add(&e("0.5"));
    let plan = gap.plan(all_but_half).unwrap();
    let last = plan.steps.last().unwrap();
    assert_eq!(last.code.as_str(), "3.1");
    assert_eq!(
        last.action,
        Action::RemoveViolations {
            remove: 1,
            of: 2,
            left: 1
        }
    );
    assert_eq!(last.evidence, Some(Evidence::Count(1)));
    assert_eq!(
        last.action.text(Language::Vietnamese),
        "giảm 1 trong 2 vi phạm (còn 1)"
    );
    assert!(last.lead.is_none()); // no accountability given

    // One point from the rate alone: ceil(8037 × 76.54…%) = 6,152 on time, 1,005 more, for
    // 8040/8037 points (a rate gains in whole dossiers).
    let plan = gap.plan(Exact::from(4u8)).unwrap();
    assert_eq!(
        plan.steps[1].action,
        Action::RaiseRate {
            more: d("1005"),
            part: d("6152"),
            whole: d("8037"),
            percent: d("76.55"),
        }
    );
    assert_eq!(plan.steps[1].add, e("8040/8037"));
    assert_eq!(plan.points, e("3").add(&e("8040/8037")));
    let what_if = WhatIf::run(&ranking, "tan-hiep", &plan.changes().unwrap()).unwrap();
    let before = ranking
        .cohort()
        .scorecard("tan-hiep")
        .unwrap()
        .points()
        .clone();
    assert_eq!(what_if.scorecard.points().sub(&before), plan.points);

    // More than the rules can still give is refused.
    let all = Exact::from(3u8)
        .add(&on_time_lost)
        .add(&Exact::from(2u8))
        .add(&Exact::ONE);
    assert!(gap.plan(all.clone()).is_ok());
    let error = gap.plan(all.add(&e("0.01"))).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("cannot spread 8.88669528431006594500435485"),
        "{error}"
    );
}
