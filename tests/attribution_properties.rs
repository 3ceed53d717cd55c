//! Properties of attribution on generated frameworks: random trees whose parents sum, rescale
//! or take weighted means, with optional leaves that do not apply.

use par_index::Exact;
use par_index::{
    Assessment, Cohort, Entry, Error, ErrorKind, Evidence, Framework, FrameworkBuilder, Scorecard,
    accountability::{Accountability, Agency, AgencyKind, Assignments, Head},
    framework::{Combine, NotApplicablePolicy},
};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq)]
enum How {
    Drop,
    Rescale,
    Mean,
}

#[derive(Debug, Clone)]
enum Tree {
    Leaf {
        max_cents: i64,
        optional: bool,
    },
    Parent {
        how: How,
        own_max_cents: i64,
        children: Vec<(Tree, u8)>,
    },
}

impl Tree {
    fn max_cents(&self) -> i64 {
        match self {
            Tree::Leaf { max_cents, .. } => *max_cents,
            Tree::Parent {
                how: How::Mean,
                own_max_cents,
                ..
            } => *own_max_cents,
            Tree::Parent { children, .. } => children.iter().map(|(c, _)| c.max_cents()).sum(),
        }
    }

    fn only_sums(&self) -> bool {
        match self {
            Tree::Leaf { .. } => true,
            Tree::Parent { how, children, .. } => {
                *how == How::Drop && children.iter().all(|(c, _)| c.only_sums())
            }
        }
    }
}

fn how() -> impl Strategy<Value = How> {
    prop_oneof![Just(How::Drop), Just(How::Rescale), Just(How::Mean)]
}

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = (1i64..=2_000, any::<bool>()).prop_map(|(max_cents, optional)| Tree::Leaf {
        max_cents,
        optional,
    });
    leaf.prop_recursive(3, 24, 4, |inner| {
        (
            how(),
            1i64..=2_000,
            prop::collection::vec((inner, 1u8..=5), 1..4),
        )
            .prop_map(|(how, own_max_cents, children)| Tree::Parent {
                how,
                own_max_cents,
                children,
            })
    })
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

/// Adds `tree` under `parent` with code `code`, recording its leaves.
fn add(
    mut builder: FrameworkBuilder,
    parent: Option<&str>,
    code: &str,
    tree: &Tree,
    weight: Option<u8>,
    leaves: &mut Vec<(String, i64, bool)>,
) -> FrameworkBuilder {
    let max = cents(tree.max_cents());
    builder = match parent {
        None => builder.domain(code, code, max),
        Some(p) => builder.child(p, code, code, max),
    };
    if let Some(w) = weight {
        builder = builder.weight(Decimal::from(w));
    }
    match tree {
        Tree::Leaf {
            max_cents,
            optional,
        } => {
            if *optional {
                builder = builder.optional();
            }
            leaves.push((code.to_owned(), *max_cents, *optional));
        }
        Tree::Parent { how, children, .. } => {
            builder = match how {
                How::Drop => builder,
                How::Rescale => builder.when_not_applicable(NotApplicablePolicy::Rescale),
                How::Mean => builder.combine(Combine::WeightedMean),
            };
            for (i, (child, w)) in children.iter().enumerate() {
                let child_code = format!("{code}.{}", i + 1);
                let weight = (*how == How::Mean).then_some(*w);
                builder = add(builder, Some(code), &child_code, child, weight, leaves);
            }
        }
    }
    builder
}

struct Case {
    framework: Framework,
    leaves: Vec<(String, i64, bool)>,
    only_sums: bool,
}

fn build(domains: &[(Tree, u8)], root: How, mean_total_cents: i64) -> Case {
    let mut builder = Framework::builder("generated", "Generated");
    let mut leaves = Vec::new();
    for (i, (tree, w)) in domains.iter().enumerate() {
        let weight = (root == How::Mean).then_some(*w);
        builder = add(
            builder,
            None,
            &(i + 1).to_string(),
            tree,
            weight,
            &mut leaves,
        );
    }
    let total = match root {
        How::Mean => cents(mean_total_cents),
        _ => cents(domains.iter().map(|(t, _)| t.max_cents()).sum()),
    };
    builder = builder.total_points(total);
    builder = match root {
        How::Drop => builder,
        How::Rescale => builder.domains_when_not_applicable(NotApplicablePolicy::Rescale),
        How::Mean => builder.combine_domains(Combine::WeightedMean),
    };
    Case {
        framework: builder.build().expect("generated frameworks are valid"),
        leaves,
        only_sums: root == How::Drop && domains.iter().all(|(t, _)| t.only_sums()),
    }
}

/// Each leaf: points as a share of its maximum (per mille), or not applicable when optional.
fn score(case: &Case, unit: &str, inputs: &[(u16, bool)]) -> Result<Scorecard, Error> {
    let mut a = Assessment::new("generated", unit, "2024".parse().unwrap());
    for (i, (code, max_cents, optional)) in case.leaves.iter().enumerate() {
        let (permille, not_applicable) = inputs[i % inputs.len()];
        let entry = Entry::new(code.parse().unwrap());
        a.push(if *optional && not_applicable {
            entry.with_evidence(Evidence::NotApplicable)
        } else {
            entry.with_appraised(cents(max_cents * i64::from(permille) / 1000))
        });
    }
    case.framework.score(&a)
}

/// Domains to a random agency; any other node re-assigned one time in three.
fn assignments(framework: &Framework, agencies: usize, choices: &[u8]) -> Assignments {
    let mut plan = Assignments::new("Generated");
    for k in 0..agencies {
        plan.agency(Agency::new(
            format!("A{k}"),
            format!("Agency {k}"),
            AgencyKind::Department,
            Head::new(format!("Head {k}")),
        ));
    }
    plan.agency(Agency::new(
        "IDLE",
        "Idle",
        AgencyKind::Other,
        Head::new("Idle head"),
    ));
    for (i, node) in framework.nodes().enumerate() {
        let c = usize::from(choices[i % choices.len()]);
        let code = node.code().to_string();
        if node.parent_code().is_none() {
            plan.assign(&code, &format!("A{}", c % agencies), &[])
                .unwrap();
        } else if c % 3 == 0 {
            plan.assign(&code, &format!("A{}", (c / 3) % agencies), &[])
                .unwrap();
        }
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        // Failures found once are replayed on every run.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/attribution_properties.txt",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn heads_lost_points_add_up_exactly_to_the_units(
        domains in prop::collection::vec((tree(), 1u8..=5), 1..5),
        root in how(),
        mean_total_cents in 1i64..=10_000,
        inputs in prop::collection::vec((0u16..=1000, any::<bool>()), 1..64),
        other_inputs in prop::collection::vec((0u16..=1000, any::<bool>()), 1..64),
        agencies in 1usize..=4,
        choices in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        let case = build(&domains, root, mean_total_cents);
        let scorecard = match score(&case, "u1", &inputs) {
            // Every leaf not applicable: nothing to attribute.
            Err(e) if matches!(e.kind(), ErrorKind::NothingApplicable { .. }) => return Ok(()),
            other => other.unwrap(),
        };
        let accountability =
            Accountability::new(&case.framework, assignments(&case.framework, agencies, &choices))
                .unwrap();

        let shares = accountability.attribute(&scorecard).unwrap();
        prop_assert_eq!(shares.len(), case.leaves.len());
        for share in &shares {
            prop_assert!(share.achieved >= Decimal::ZERO && share.lost >= Decimal::ZERO, "{:?}", share);
            prop_assert_eq!(&share.owned, &(&share.achieved + &share.lost));
            let leaf = scorecard.node(share.code.as_str()).unwrap();
            if !leaf.applicable {
                prop_assert_eq!(&share.owned, &Exact::ZERO);
            }
            if case.only_sums {
                // Nothing to decide: each leaf's share is its own result.
                prop_assert_eq!(&share.achieved, &leaf.points);
                prop_assert_eq!(&share.lost, &leaf.lost_points());
            }
        }
        prop_assert_eq!(shares.iter().map(|s| &s.lost).sum::<Exact>(), scorecard.lost_points());

        let report = accountability.report(&scorecard).unwrap();
        prop_assert_eq!(report.heads.len(), agencies + 1);
        prop_assert_eq!(report.heads.iter().map(|h| &h.lost).sum::<Exact>(), scorecard.lost_points());
        // Owned = achieved + lost; the scorecard's lost points (effective maximum less
        // points) are themselves rounded to 28 significant digits, so owned adds up to the
        // effective maximum to that precision.
        // Exact shares: what the heads own adds up to the effective maximum exactly.
        let owned: Exact = report.heads.iter().map(|h| &h.owned).sum();
        prop_assert_eq!(&owned, scorecard.effective_max());
        prop_assert_eq!(&report.heads.iter().map(|h| &h.achieved).sum::<Exact>(), scorecard.points());
        let idle = report.head("IDLE").unwrap();
        prop_assert_eq!((&idle.owned, idle.rank), (&Exact::ZERO, None));

        // A cohort of two units adds up as well.
        if let Ok(second) = score(&case, "u2", &other_inputs) {
            let cohort = [scorecard.clone(), second];
            let report = accountability
                .cohort_report(&Cohort::new(accountability.framework(), cohort.clone()).unwrap())
                .unwrap();
            let lost: Exact = cohort.iter().map(Scorecard::lost_points).sum();
            prop_assert_eq!(&report.lost, &lost);
            prop_assert_eq!(report.heads.iter().map(|h| &h.lost).sum::<Exact>(), lost);
        }

        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&report).unwrap();
            let back: par_index::accountability::AccountabilityReport = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, report);
        }
    }
}
