//! Every way a framework can be malformed, each refused with a message that names the node
//! and the numbers.

use par_index::{
    Code, ErrorKind, Framework, FrameworkBuilder, Rule,
    code::Level,
    framework::{Combine, NodeSpec, NotApplicablePolicy},
};
use rust_decimal::{Decimal, dec};

fn base() -> FrameworkBuilder {
    Framework::builder("test", "Test index").total_points(dec!(10))
}

#[track_caller]
fn refused(builder: FrameworkBuilder) -> String {
    builder.build().unwrap_err().to_string()
}

#[test]
fn a_valid_tree_builds_and_keeps_its_shape() {
    let framework = base()
        .domain("2", "Domain two", dec!(6))
        .child("2", "2.1", "Criterion", dec!(6))
        .child("2.1", "2.1.1", "Sub one", dec!(2.5))
        .child("2.1", "2.1.2", "Sub two", dec!(3.5))
        .domain("1", "Domain one", dec!(4))
        .build()
        .unwrap();
    let codes: Vec<&str> = framework.nodes().map(|n| n.code().as_str()).collect();
    assert_eq!(codes, ["2", "2.1", "2.1.1", "2.1.2", "1"]);
    assert_eq!((framework.len(), framework.is_empty()), (5, false));
    let leaf = framework.node("2.1.2").unwrap();
    assert_eq!(leaf.level(), Level::SubCriterion);
    assert_eq!(leaf.depth(), 3);
    assert_eq!(framework.parent(leaf).unwrap().code().as_str(), "2.1");
    assert_eq!(leaf.parent_code().map(Code::as_str), Some("2.1"));
    assert_eq!(framework.node("2").unwrap().parent_code(), None);
    assert_eq!(framework.domain_of(leaf).code().as_str(), "2");
    assert_eq!(framework.leaves().count(), 3);
    assert_eq!(framework.domains().count(), 2);
    assert_eq!(leaf.rule(), Some(&Rule::Direct));
    assert_eq!(framework.node("2.1").unwrap().rule(), None);
}

#[test]
fn parents_may_be_declared_after_their_children() {
    let framework = base()
        .child("1", "1.1", "Leaf", dec!(10))
        .domain("1", "Domain", dec!(10))
        .build()
        .unwrap();
    let codes: Vec<&str> = framework.nodes().map(|n| n.code().as_str()).collect();
    assert_eq!(codes, ["1", "1.1"]);
}

#[test]
fn structural_errors_name_the_code() {
    assert_eq!(
        refused(base().domain("1", "A", dec!(5)).domain("1", "B", dec!(5))),
        "node code 1 is declared twice"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("9", "9.1", "B", dec!(1))
        ),
        "node 9.1 names parent 9, which is not declared"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("3", "2", "B", dec!(1))
                .child("2", "3", "C", dec!(1))
        ),
        "node 2 is its own ancestor: its parents form a cycle"
    );
    // A node below a cycle is not its own ancestor: a node of the cycle is named.
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("2", "4", "D", dec!(1))
                .child("3", "2", "B", dec!(1))
                .child("2", "3", "C", dec!(1))
        ),
        "node 2 is its own ancestor: its parents form a cycle"
    );
    assert_eq!(
        refused(base().domain("1..2", "A", dec!(10))),
        "invalid node code \"1..2\": it has an empty segment"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("1 ", "1.1", "B", dec!(10))
        ),
        "invalid node code \"1 \": segments may hold only ASCII letters and digits, separated by dots"
    );
    assert_eq!(
        refused(Framework::builder("", "No id").domain("1", "A", dec!(100))),
        "a framework needs a non-empty id"
    );
    assert_eq!(refused(base()), "framework test has no nodes");
    assert_eq!(
        refused(base().rule(Rule::Direct)),
        "a node field was set before any node was added to the framework builder"
    );
}

#[test]
fn trees_deeper_than_the_limit_are_refused() {
    let mut builder = base().domain("1", "Level 1", dec!(10));
    let mut parent = "1".to_owned();
    for _ in 2..=9 {
        let code = format!("{parent}.1");
        builder = builder.child(&parent, &code, "Deeper", dec!(10));
        parent = code;
    }
    assert_eq!(
        refused(builder),
        "node 1.1.1.1.1.1.1.1.1 is nested deeper than 8 levels"
    );
}

#[test]
fn maxima_must_add_up() {
    assert_eq!(
        refused(
            base()
                .domain("3", "A", dec!(10))
                .child("3", "3.1", "B", dec!(4))
                .child("3", "3.2", "C", dec!(5.5))
        ),
        "the children of domain 3 add up to 9.5 points but its maximum is 10"
    );
    assert_eq!(
        refused(
            base()
                .domain("3", "A", dec!(10))
                .child("3", "3.2", "B", dec!(10))
                .child("3.2", "3.2.1", "C", dec!(1))
        ),
        "the children of criterion 3.2 add up to 1 points but its maximum is 10"
    );
    assert_eq!(
        refused(base().domain("1", "A", dec!(4)).domain("2", "B", dec!(5))),
        "the domains of framework test add up to 9 points but its declared total is 10"
    );
    assert_eq!(
        refused(base().domain("1", "A", dec!(0)).domain("2", "B", dec!(10))),
        "domain 1 has a maximum of 0 points; it must be above 0"
    );
    // A child's own maximum is checked before its parent's sum: the negative child is
    // named, not the parent whose children now add up to 12.
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("1", "1.1", "B", dec!(14))
                .child("1", "1.2", "C", dec!(-2))
        ),
        "criterion 1.2 has a maximum of -2 points; it must be above 0"
    );
    assert_eq!(
        refused(base().total_points(dec!(-1)).domain("1", "A", dec!(1))),
        "framework test declares a total of -1 points; it must be above 0"
    );
}

#[test]
fn weights_belong_to_children_of_weighted_means() {
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .combine(Combine::WeightedMean)
                .child("1", "1.1", "B", dec!(10))
                .weight(dec!(1))
                .child("1", "1.2", "C", dec!(10))
        ),
        "criterion 1.2 has no weight, but its parent combines its children by weighted mean"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .combine(Combine::WeightedMean)
                .child("1", "1.1", "B", dec!(10))
                .weight(dec!(0))
        ),
        "criterion 1.1 has a weight of 0; it must be above 0"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .child("1", "1.1", "B", dec!(10))
                .weight(dec!(2))
        ),
        "criterion 1.1 sets weight, which has no effect there: its parent sums points and uses no weights"
    );
}

#[test]
fn fields_that_would_have_no_effect_are_refused() {
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .rule(Rule::yes_no())
                .child("1", "1.1", "B", dec!(10))
        ),
        "domain 1 sets rule, which has no effect there: only leaves are scored by a rule; it has children"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .optional()
                .child("1", "1.1", "B", dec!(10))
        ),
        "domain 1 sets optional, which has no effect there: only leaves can be reported not applicable; it has children"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .combine(Combine::WeightedMean)
        ),
        "domain 1 sets combine, which has no effect there: it has no children to combine"
    );
    assert_eq!(
        refused(
            base()
                .domain("1", "A", dec!(10))
                .when_not_applicable(NotApplicablePolicy::Rescale)
        ),
        "domain 1 sets when_not_applicable, which has no effect there: it has no children"
    );
}

#[test]
fn rules_must_fit_their_node() {
    assert_eq!(
        refused(
            base()
                .domain("3", "A", dec!(10))
                .child("3", "3.2", "B", dec!(10))
                .child("3.2", "3.2.1", "C", dec!(1))
                .rule(Rule::YesNo {
                    points_if_yes: Some(dec!(1.5))
                })
                .child("3.2", "3.2.2", "D", dec!(9))
        ),
        "sub-criterion 3.2.1 awards 1.5 points but its maximum is 1"
    );
}

#[test]
fn from_spec_sees_the_same_tree_as_the_builder() {
    let built = base()
        .domain("1", "A", dec!(10))
        .child("1", "1.1", "B", dec!(10))
        .rule(Rule::proportional())
        .build()
        .unwrap();
    let rebuilt = Framework::from_spec(built.to_spec()).unwrap();
    assert_eq!(built, rebuilt);
    let mut spec = built.to_spec();
    spec.nodes.push(NodeSpec::new(
        Code::new("2").unwrap(),
        "Extra",
        Decimal::ONE,
    ));
    let error = Framework::from_spec(spec).unwrap_err();
    match error.kind() {
        ErrorKind::TotalMismatch {
            id, sum, declared, ..
        } => assert_eq!((id.as_str(), *sum, *declared), ("test", dec!(11), dec!(10))),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn rule_points_equal_to_the_maximum_are_accepted_and_one_more_is_refused() {
    let with = |rule: Rule| {
        base()
            .domain("1", "Domain", dec!(10))
            .child("1", "1.1", "Leaf", dec!(10))
            .rule(rule)
            .build()
    };
    assert!(
        with(Rule::YesNo {
            points_if_yes: Some(dec!(10))
        })
        .is_ok()
    );
    assert_eq!(
        with(Rule::YesNo {
            points_if_yes: Some(dec!(10.01))
        })
        .unwrap_err()
        .to_string(),
        "criterion 1.1 awards 10.01 points but its maximum is 10"
    );
    let deduction = |floor| Rule::Deduction {
        per_violation: dec!(1),
        floor,
    };
    assert!(with(deduction(dec!(10))).is_ok());
    assert_eq!(
        with(deduction(dec!(10.5))).unwrap_err().to_string(),
        "criterion 1.1 awards 10.5 points but its maximum is 10"
    );
}

#[test]
fn bands_may_award_equal_points_but_never_more_for_a_lower_threshold() {
    let with = |points: [Decimal; 2]| {
        base()
            .domain("1", "Domain", dec!(10))
            .child("1", "1.1", "Leaf", dec!(10))
            .rule(Rule::ThresholdBands {
                bands: vec![
                    par_index::rule::RateBand {
                        at_least: dec!(100),
                        points: points[0],
                    },
                    par_index::rule::RateBand {
                        at_least: dec!(95),
                        points: points[1],
                    },
                ],
                zero_denominator: par_index::rule::ZeroDenominator::Error,
            })
            .build()
    };
    assert!(with([dec!(10), dec!(10)]).is_ok());
    assert_eq!(
        with([dec!(5), dec!(6)]).unwrap_err().to_string(),
        "the threshold_bands rule of criterion 1.1 is invalid: the band at 95% awards 6 points, more than the band at 100% (5)"
    );
}

#[test]
fn the_builder_and_the_csv_reader_default_the_total_to_the_domains_sum() {
    let unstated = Framework::builder("test", "Test index")
        .domain("1", "A", dec!(4))
        .domain("2", "B", dec!(5.5))
        .build()
        .unwrap();
    assert_eq!(unstated.total_points(), dec!(9.5));
    // A stated total is checked against the sum.
    assert_eq!(
        refused(
            Framework::builder("test", "Test index")
                .total_points(dec!(100))
                .domain("1", "A", dec!(4))
        ),
        "the domains of framework test add up to 4 points but its declared total is 100"
    );
    #[cfg(feature = "csv")]
    {
        let info = par_index::framework::FrameworkInfo {
            id: "test".into(),
            title: "Test index".into(),
            ..Default::default()
        };
        let read = par_index::csv::FrameworkReader::new(info)
            .read("code,name_vi,max_points\n1,A,4\n2,B,5.5\n".as_bytes())
            .unwrap();
        assert_eq!(read.total_points(), unstated.total_points());
    }
}
