//! What the fuzz targets run. Included by `tests/fuzz_regressions.rs` of the main crate, so
//! that every crash input found replays through the same code; the `Arbitrary` derives exist
//! only under `cfg(fuzzing)`, which `cargo fuzz` sets.

use par_index::ScoringOptions;
use par_index::{
    Assessment, Cohort, Entry, Evidence, Framework, FrameworkBuilder, RankingOptions, Rounding,
    RoundingPolicy, Rule, Scorecard,
    accountability::{Accountability, Agency, AgencyKind, Assignments, Head},
    framework::{Combine, NotApplicablePolicy},
    ranking::{TieMethod, ValueBasis},
};
use rust_decimal::Decimal;

/// Arbitrary bytes as up to three NUL-separated JSON documents: a framework (or, when the
/// first byte is below 8 and the rest does not parse, a built-in framework), an assessment
/// and assignments.
pub fn json_pipeline(data: &[u8]) {
    let mut parts = data.splitn(3, |b| *b == 0);
    let framework_json = parts.next().unwrap_or_default();
    let assessment_json = parts.next().unwrap_or_default();
    let assignments_json = parts.next().unwrap_or_default();
    let framework = match serde_json::from_slice::<Framework>(framework_json) {
        Ok(framework) => {
            // A framework that reads must write and read back as itself.
            let json = serde_json::to_string(&framework).expect("a framework serializes");
            let back: Framework = serde_json::from_str(&json).expect("a framework reads back");
            assert_eq!(back, framework);
            framework
        }
        Err(_) => {
            let builtins = par_index::builtin::list();
            let choice = usize::from(framework_json.first().copied().unwrap_or(0));
            match builtins
                .get(choice % builtins.len().max(1))
                .map(|b| b.framework())
            {
                Some(Ok(framework)) => framework,
                _ => return,
            }
        }
    };
    let Ok(assessment) = serde_json::from_slice::<Assessment>(assessment_json) else {
        return;
    };
    let Ok(card) = framework.score_with(&assessment, &ScoringOptions::lenient()) else {
        return;
    };
    check_scorecard(&framework, &card);
    let cohort = Cohort::new(&framework, [card.clone()]).expect("a scorecard of the framework");
    if let Ok(ranking) = cohort.rank_with(&RankingOptions::national()) {
        let _ = ranking.render_table();
        let _ = ranking.to_string();
        let _ = serde_json::to_string(&ranking);
        let _ = par_index::html::HtmlReport::new(&ranking).render();
        let mut csv = Vec::new();
        let _ = par_index::csv::write_ranking(&mut csv, &ranking, &Default::default());
    }
    let Ok(assignments) = serde_json::from_slice::<Assignments>(assignments_json) else {
        return;
    };
    if let Ok(accountability) = Accountability::new(&framework, assignments) {
        if let Ok(shares) = accountability.attribute(&card) {
            check_shares(&card, &shares);
        }
        if let Ok(report) = accountability.report(&card) {
            let _ = report.to_string();
        }
    }
}

/// A leaf of the structured model.
#[derive(Debug, Clone)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct LeafModel {
    /// Maximum points in hundredths, less one (so never 0).
    pub max_cents: u16,
    /// 0 direct, 1 yes/no, 2 proportional.
    pub rule: u8,
    /// May be reported not applicable.
    pub optional: bool,
    /// Weight in a weighted-mean domain, less one.
    pub weight: u8,
}

/// A domain of the structured model.
#[derive(Debug, Clone)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct DomainModel {
    /// The domain's leaves (at most 5 are used; none makes the domain a leaf itself).
    pub leaves: Vec<LeafModel>,
    /// The domain combines its leaves by weighted mean.
    pub weighted: bool,
    /// The domain rescales its applicable leaves to its maximum.
    pub rescale: bool,
}

/// One leaf's input for one unit.
#[derive(Debug, Clone)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct LeafInput {
    /// 0 points, 1 flag, 2 rate, 3 not applicable.
    pub kind: u8,
    /// Points in hundredths, the flag (odd is yes) or the numerator.
    pub a: u32,
    /// The denominator.
    pub b: u32,
}

/// A framework and a cohort, small enough to explore.
#[derive(Debug, Clone)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct Model {
    /// At most 4 domains are used.
    pub domains: Vec<DomainModel>,
    /// Each unit's inputs for the leaves in framework order (cycled when short).
    pub units: Vec<Vec<LeafInput>>,
    /// Tie method: 0 competition, 1 dense, 2 fractional, 3 ordinal.
    pub tie: u8,
    /// Published decimal places, modulo 5.
    pub places: u8,
    /// Rank on the exact index rather than the published one.
    pub exact: bool,
}

fn cents(value: u32) -> Decimal {
    Decimal::new(i64::from(value), 2)
}

/// Builds the model's framework through the public builder; `None` when it has no leaf.
pub fn build(model: &Model) -> Option<(Framework, Vec<String>)> {
    let mut builder: FrameworkBuilder = Framework::builder("fuzz", "Fuzz");
    let mut leaves = Vec::new();
    let mut total = Decimal::ZERO;
    for (d, domain) in model.domains.iter().take(4).enumerate() {
        let code = (d + 1).to_string();
        let kids: Vec<&LeafModel> = domain.leaves.iter().take(5).collect();
        let max_of = |leaf: &LeafModel| cents(u32::from(leaf.max_cents) + 1);
        let domain_max = if kids.is_empty() {
            Decimal::from(10)
        } else {
            kids.iter().map(|l| max_of(l)).sum()
        };
        total += domain_max;
        builder = builder.domain(&code, &code, domain_max);
        if kids.is_empty() {
            builder = builder.rule(Rule::Direct);
            leaves.push(code);
            continue;
        }
        if domain.weighted {
            builder = builder.combine(Combine::WeightedMean);
        }
        if domain.rescale {
            builder = builder.when_not_applicable(NotApplicablePolicy::Rescale);
        }
        for (l, leaf) in kids.iter().enumerate() {
            let child = format!("{code}.{}", l + 1);
            builder =
                builder
                    .child(&code, &child, &child, max_of(leaf))
                    .rule(match leaf.rule % 3 {
                        0 => Rule::Direct,
                        1 => Rule::yes_no(),
                        _ => Rule::proportional(),
                    });
            if domain.weighted {
                builder = builder.weight(Decimal::from(u32::from(leaf.weight) + 1));
            }
            if leaf.optional {
                builder = builder.optional();
            }
            leaves.push(child);
        }
    }
    if leaves.is_empty() {
        return None;
    }
    let framework = builder
        .total_points(total)
        .build()
        .expect("the model always declares a valid framework");
    Some((framework, leaves))
}

fn evidence(input: &LeafInput) -> Entry {
    let entry = Entry::new("1".parse().expect("a code"));
    match input.kind % 4 {
        0 => entry.with_appraised(cents(input.a % 100_000)),
        1 => entry.with_evidence(Evidence::Flag(input.a % 2 == 1)),
        2 => entry.with_evidence(Evidence::rate(u64::from(input.a), u64::from(input.b))),
        _ => entry.with_evidence(Evidence::NotApplicable),
    }
}

/// Builds, scores, ranks and attributes the model, checking the invariants of each step.
pub fn structured(model: &Model) {
    let Some((framework, leaves)) = build(model) else {
        return;
    };
    let period: par_index::Period = "2024".parse().expect("a period");
    let mut cards: Vec<Scorecard> = Vec::new();
    for (u, inputs) in model.units.iter().take(12).enumerate() {
        let mut assessment = Assessment::new("fuzz", format!("u{u}"), period.clone());
        for (i, code) in leaves.iter().enumerate() {
            let Some(input) = inputs.get(i % inputs.len().max(1)) else {
                break;
            };
            let mut entry = evidence(input);
            entry.code = code.parse().expect("a leaf code");
            // Points for a rule that takes evidence go in as appraised points instead.
            let node = framework.node(code).expect("a leaf");
            if input.kind % 4 == 0 && node.rule() != Some(&Rule::Direct) {
                entry = Entry::new(entry.code.clone()).with_appraised(cents(input.a % 100_000));
            }
            assessment.push(entry);
        }
        let Ok(card) = framework.score_with(&assessment, &ScoringOptions::lenient()) else {
            continue;
        };
        // Scoring is a function of its input.
        assert_eq!(
            framework
                .score_with(&assessment, &ScoringOptions::lenient())
                .as_ref(),
            Ok(&card)
        );
        check_scorecard(&framework, &card);
        cards.push(card);
    }
    let tie_method = match model.tie % 4 {
        0 => TieMethod::Competition,
        1 => TieMethod::Dense,
        2 => TieMethod::Fractional,
        _ => TieMethod::Ordinal {
            tie_breakers: Vec::new(),
        },
    };
    let policy = RoundingPolicy::new(u32::from(model.places % 5), Rounding::HalfAwayFromZero)
        .expect("at most 4 places");
    let basis = if model.exact {
        ValueBasis::Exact
    } else {
        ValueBasis::Published
    };
    let options = RankingOptions::default()
        .with_tie_method(tie_method.clone())
        .with_rounding(policy)
        .with_basis(basis);
    let cohort = Cohort::new(&framework, cards.iter().cloned())
        .expect("distinct units of one framework form a cohort");
    let ranking = cohort
        .rank_with(&options)
        .expect("distinct units of one framework rank");
    check_ranking(&ranking, &tie_method, basis, cards.len());

    // Attribution: domains alternate between two agencies.
    let mut plan = Assignments::new("Fuzz");
    plan.agency(Agency::new("A", "A", AgencyKind::Office, Head::new("A")))
        .agency(Agency::new("B", "B", AgencyKind::Office, Head::new("B")));
    for (d, domain) in framework.domains().enumerate() {
        let lead = if d % 2 == 0 { "A" } else { "B" };
        plan.assign(domain.code().as_str(), lead, &[])
            .expect("a domain assigns");
    }
    let accountability = Accountability::new(&framework, plan).expect("every domain is assigned");
    for card in &cards {
        let shares = accountability
            .attribute(card)
            .expect("a scorecard of the framework attributes");
        check_shares(card, &shares);
        let report = accountability
            .report(card)
            .expect("a scorecard of the framework reports");
        let _ = report.to_string();
    }
}

fn check_scorecard(framework: &Framework, card: &Scorecard) {
    for node in card.nodes() {
        assert!(
            node.points >= Decimal::ZERO,
            "{}: {} < 0",
            node.code,
            node.points
        );
        assert!(
            node.points <= node.effective_max,
            "{}: {} > {}",
            node.code,
            node.points,
            node.effective_max
        );
        assert!(node.effective_max <= node.max_points, "{}", node.code);
        assert!(framework.node(node.code.as_str()).is_some());
    }
    if card.adjustments().is_empty() {
        assert!(card.points() >= Decimal::ZERO && card.points() <= card.effective_max());
        assert!(card.index() >= Decimal::ZERO && card.index() <= Decimal::ONE_HUNDRED);
    }
    // The scorecard keeps its inputs: scoring them again gives it back.
    let again = framework
        .score_with(&card.assessment(), &ScoringOptions::lenient())
        .expect("a scorecard's own assessment scores");
    assert_eq!(&again, card);
    let policy = RoundingPolicy::default();
    let published = card.publish(&policy);
    assert_eq!(published.index, policy.publish(card.index()));
}

fn check_ranking(
    ranking: &par_index::Ranking,
    tie_method: &TieMethod,
    basis: ValueBasis,
    n: usize,
) {
    let units = ranking.units();
    assert_eq!(units.len(), n);
    let mut names: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n, "every unit ranked once");
    let values: Vec<par_index::Exact> = units.iter().map(|u| u.index_value(basis)).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "best first");
    let ranks: Vec<Decimal> = units
        .iter()
        .map(|u| u.rank.expect("ranked").value())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "ranks never fall");
    for (i, (value, rank)) in values.iter().zip(&ranks).enumerate() {
        let above = values.iter().filter(|v| *v > value).count();
        let tied = values.iter().filter(|v| *v == value).count();
        let expected = match tie_method {
            TieMethod::Competition => Decimal::from(above + 1),
            TieMethod::Dense => {
                let mut distinct: Vec<&par_index::Exact> =
                    values.iter().filter(|v| *v > value).collect();
                distinct.dedup();
                Decimal::from(distinct.len() + 1)
            }
            TieMethod::Fractional => Decimal::from(2 * above + tied + 1) / Decimal::TWO,
            _ => Decimal::from(i + 1),
        };
        assert_eq!(*rank, expected, "unit {} with {value}", units[i].unit);
    }
}

fn check_shares(card: &Scorecard, shares: &[par_index::accountability::LeafShare]) {
    let achieved: par_index::Exact = shares.iter().map(|s| &s.achieved).sum();
    let lost: par_index::Exact = shares.iter().map(|s| &s.lost).sum();
    assert_eq!(&achieved, card.points(), "leaf points add up to the total");
    assert_eq!(lost, card.lost_points(), "leaf lost points add up");
    for share in shares {
        assert!(
            share.achieved >= Decimal::ZERO && share.lost >= Decimal::ZERO,
            "{share:?}"
        );
        assert_eq!(share.owned, &share.achieved + &share.lost);
    }
}
