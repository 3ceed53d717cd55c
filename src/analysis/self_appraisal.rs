//! Self-assessed against appraised points, by unit and node. Documented on
//! [`SelfAppraisal`].

use rust_decimal::Decimal;

use crate::code::{Code, Level};
use crate::cohort::Cohort;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::framework::Framework;
use crate::math::{checked_add, checked_div, checked_sub, checked_sum};
use crate::scorecard::Scorecard;

/// One node of one unit: self-assessed and appraised points over the leaves below it that
/// have both.
///
/// # Examples
///
/// ```
/// use par_index::analysis::self_appraisal::SelfAppraisal;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 4.into())
///     .domain("2", "Thủ tục hành chính", 6.into())
///     .build()?;
/// let score = |unit: &str, own: [&str; 2], appraised: [&str; 2]| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2020".parse()?);
///     for (code, (own, appraised)) in ["1", "2"].into_iter().zip(own.into_iter().zip(appraised)) {
///         assessment.push(Entry::new(code.parse()?).with_self_assessed(own.parse()?).with_appraised(appraised.parse()?));
///     }
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("so-noi-vu", ["4", "6"], ["3.5", "4"])?, score("so-tu-phap", ["3", "5"], ["3", "5"])?];
/// let comparison = SelfAppraisal::compare(&Cohort::new(&framework, cards)?)?;
/// let node = comparison.units()[0].node("2").unwrap();
/// assert_eq!(node.self_assessed.to_string(), "6");
/// assert_eq!(node.appraised.to_string(), "4");
/// assert_eq!(node.difference.to_string(), "2");
/// assert_eq!(node.leaves_compared, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct NodeSelfAppraisal {
    /// The node's code.
    pub code: Code,
    /// The node's level.
    pub level: Level,
    /// Self-assessed points, summed over the leaves compared.
    pub self_assessed: Exact,
    /// Appraised points, summed over the same leaves.
    pub appraised: Exact,
    /// Self-assessed less appraised: positive where the unit overstated itself.
    pub difference: Exact,
    /// Leaves below the node (itself, for a leaf) that have both numbers.
    pub leaves_compared: usize,
}

/// One unit: every node compared, and the total over the domains.
///
/// # Examples
///
/// ```
/// use par_index::analysis::self_appraisal::SelfAppraisal;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 4.into())
///     .domain("2", "Thủ tục hành chính", 6.into())
///     .build()?;
/// let score = |unit: &str, own: [&str; 2], appraised: [&str; 2]| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2020".parse()?);
///     for (code, (own, appraised)) in ["1", "2"].into_iter().zip(own.into_iter().zip(appraised)) {
///         assessment.push(Entry::new(code.parse()?).with_self_assessed(own.parse()?).with_appraised(appraised.parse()?));
///     }
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("so-noi-vu", ["4", "6"], ["3.5", "4"])?, score("so-tu-phap", ["3", "5"], ["3", "5"])?];
/// let comparison = SelfAppraisal::compare(&Cohort::new(&framework, cards)?)?;
/// let unit = &comparison.units()[0];
/// assert_eq!(unit.unit, "so-noi-vu");
/// assert_eq!(unit.difference.to_string(), "2.5");
/// assert!(unit.not_compared.is_empty());
/// let over: Vec<&str> = unit.overstated_nodes(1.into()).map(|n| n.code.as_str()).collect();
/// assert_eq!(over, ["2"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct UnitSelfAppraisal {
    /// The unit's id.
    pub unit: String,
    /// Self-assessed points over every leaf compared.
    pub self_assessed: Exact,
    /// Appraised points over the same leaves.
    pub appraised: Exact,
    /// Self-assessed less appraised.
    pub difference: Exact,
    /// Every node, in framework order.
    pub nodes: Vec<NodeSelfAppraisal>,
    /// Leaves that lack one of the two numbers, and are left out of the sums.
    pub not_compared: Vec<Code>,
}

impl UnitSelfAppraisal {
    /// The comparison at one node.
    pub fn node(&self, code: impl AsRef<str>) -> Option<&NodeSelfAppraisal> {
        let code = code.as_ref();
        self.nodes.iter().find(|n| n.code.as_str() == code)
    }

    /// Nodes where the unit overstated itself by more than `threshold` points.
    pub fn overstated_nodes(
        &self,
        threshold: Decimal,
    ) -> impl Iterator<Item = &NodeSelfAppraisal> + '_ {
        self.nodes.iter().filter(move |n| n.difference > threshold)
    }
}

/// Means over the units that have at least one leaf compared.
///
/// # Examples
///
/// ```
/// use par_index::analysis::self_appraisal::SelfAppraisal;
/// use par_index::{Cohort, Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 4.into())
///     .domain("2", "Thủ tục hành chính", 6.into())
///     .build()?;
/// let score = |unit: &str, own: [&str; 2], appraised: [&str; 2]| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2020".parse()?);
///     for (code, (own, appraised)) in ["1", "2"].into_iter().zip(own.into_iter().zip(appraised)) {
///         assessment.push(Entry::new(code.parse()?).with_self_assessed(own.parse()?).with_appraised(appraised.parse()?));
///     }
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("so-noi-vu", ["4", "6"], ["3.5", "4"])?, score("so-tu-phap", ["3", "5"], ["3", "5"])?];
/// let comparison = SelfAppraisal::compare(&Cohort::new(&framework, cards)?)?;
/// let summary = comparison.summary()?;
/// assert_eq!(summary.units, 2);
/// assert_eq!(summary.mean_self_assessed.to_string(), "9");
/// assert_eq!(summary.mean_appraised.to_string(), "7.75");
/// assert_eq!(summary.mean_difference.to_string(), "1.25");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SelfAppraisalSummary {
    /// Units with at least one leaf compared.
    pub units: usize,
    /// The mean self-assessed total, exact.
    pub mean_self_assessed: Exact,
    /// The mean appraised total, exact.
    pub mean_appraised: Exact,
    /// The mean difference, exact.
    pub mean_difference: Exact,
}

/// Self-assessed against appraised points for a cohort of scorecards of one framework: how
/// many points each unit gave itself (điểm tự đánh giá) beyond what the appraisal team
/// confirmed (điểm thẩm định), leaf by leaf and summed up the tree.
///
/// A leaf is compared when its scorecard holds both its self-assessed and its appraised
/// points ([`LeafDetail`](crate::scorecard::LeafDetail)); a parent sums the leaves below it that are
/// compared, so each difference is between like and like.
///
/// Both numbers are published side by side. The Department of Home Affairs of Nam Định, for
/// example, reported for 2020 that its departments had self-assessed 64.75 points on average
/// and were appraised at 62.62
/// (<https://sonoivu.namdinh.gov.vn/cai-cach-hanh-chinh/chi-so-cai-cach-hanh-chinh-nam-2020-cua-cac-so-ban-nganh-va-uy-ban-nhan-dan-cac-huyen-thanh-pho-tinh-nam-dinh-1737>):
/// those are the two means of a [`SelfAppraisalSummary`], whose mean difference would be
/// 2.13.
///
/// # Examples
///
/// ```
/// use par_index::{Assessment, Cohort, Entry, Framework, analysis::self_appraisal::SelfAppraisal};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo index")
///     .total_points(Decimal::from(10))
///     .domain("1", "Chỉ đạo, điều hành", Decimal::from(4))
///     .child("1", "1.1", "Kế hoạch CCHC", Decimal::from(4))
///     .domain("2", "Thủ tục hành chính", Decimal::from(6))
///     .child("2", "2.1", "Hồ sơ đúng hạn", Decimal::from(6))
///     .build()?;
/// let unit = |id: &str, own: [i64; 2], appraised: [i64; 2]| -> Result<Assessment, par_index::Error> {
///     let mut a = Assessment::new("demo", id, "2020".parse()?);
///     for (code, (own, appraised)) in ["1.1", "2.1"].iter().zip(own.iter().zip(appraised)) {
///         a.push(Entry::new(code.parse()?)
///             .with_self_assessed(Decimal::from(*own))
///             .with_appraised(Decimal::from(appraised)));
///     }
///     Ok(a)
/// };
/// let cards = [
///     framework.score(&unit("dept-1", [4, 6], [3, 4])?)?,
///     framework.score(&unit("dept-2", [3, 5], [3, 5])?)?,
/// ];
///
/// let comparison = SelfAppraisal::compare(&Cohort::new(&framework, cards)?)?;
/// let dept_1 = &comparison.units()[0];
/// assert_eq!(dept_1.difference, Decimal::from(3));
/// assert_eq!(dept_1.node("2").unwrap().difference, Decimal::from(2));
/// let over: Vec<&str> = comparison.overstating(Decimal::ONE).map(|u| u.unit.as_str()).collect();
/// assert_eq!(over, ["dept-1"]);
///
/// let summary = comparison.summary()?;
/// assert_eq!(summary.mean_self_assessed, Decimal::from(9));
/// assert_eq!(summary.mean_appraised, Decimal::new(75, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SelfAppraisal {
    #[cfg_attr(feature = "serde", serde(default))]
    against: Against,
    units: Vec<UnitSelfAppraisal>,
}

/// What a unit's self-assessed points are set against.
///
/// - [`Against::Appraised`] (the default): the appraisal team's points, on the leaves that
///   have both numbers; a leaf the team did not re-score is left out.
/// - [`Against::FinalPoints`]: each leaf's final points, whatever they came from (the
///   appraised points, the rule applied to the evidence, or the self-assessment itself), on
///   every leaf the unit self-assessed. This is how provinces publish the two figures side by
///   side, "self-assessed 64.75, appraised 62.62": the second is the published result, in
///   which a leaf scored from evidence counts as appraised.
///
/// In both, the figures a [`NodeSelfAppraisal`] calls `appraised` are the points set
/// against, and leaves without a self-assessed value are listed in
/// [`UnitSelfAppraisal::not_compared`].
///
/// # Examples
///
/// ```
/// use par_index::analysis::self_appraisal::{Against, SelfAppraisal};
/// use par_index::{Cohort, Entry, Evidence, Framework, Rule};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Kế hoạch CCHC", 4.into())
///     .domain("2", "Hồ sơ đúng hạn", 6.into())
///     .rule(Rule::proportional())
///     .build()?;
/// let mut ward = framework.assessment("xa-a", "2020".parse()?);
/// ward.push(Entry::new("1".parse()?).with_self_assessed(4.into()).with_appraised(3.into()));
/// // Self-assessed at 6, scored from the evidence at 5.4 (90%), never re-appraised.
/// ward.push(Entry::new("2".parse()?).with_self_assessed(6.into()).with_evidence(Evidence::rate(9, 10)));
/// let cohort = Cohort::new(&framework, [framework.score(&ward)?])?;
///
/// let appraised = SelfAppraisal::compare(&cohort)?;
/// assert_eq!(appraised.units()[0].self_assessed.to_string(), "4"); // leaf 2 left out
/// let published = SelfAppraisal::compare_with(&cohort, Against::FinalPoints)?;
/// let unit = &published.units()[0];
/// assert_eq!((unit.self_assessed.to_string(), unit.appraised.to_string()), ("10".into(), "8.4".into()));
/// assert_eq!(published.against(), Against::FinalPoints);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Against {
    /// The appraised points, on leaves that have both numbers.
    #[default]
    Appraised,
    /// The final points of every self-assessed leaf.
    FinalPoints,
}

impl SelfAppraisal {
    /// Compares self-assessed and appraised points in every scorecard of the cohort, ranked
    /// or not ([`Against::Appraised`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`].
    pub fn compare(cohort: &Cohort) -> Result<SelfAppraisal, Error> {
        SelfAppraisal::compare_with(cohort, Against::Appraised)
    }

    /// Compares self-assessed points with the appraised points or with the final points of
    /// every leaf, as `against` says.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`].
    pub fn compare_with(cohort: &Cohort, against: Against) -> Result<SelfAppraisal, Error> {
        let units = cohort
            .iter()
            .map(|card| compare_unit(cohort.framework(), card, against))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(SelfAppraisal { against, units })
    }

    /// What the self-assessed points were set against.
    pub fn against(&self) -> Against {
        self.against
    }

    /// Every unit, in the order of the scorecards.
    pub fn units(&self) -> &[UnitSelfAppraisal] {
        &self.units
    }

    /// Units whose self-assessed total exceeds their appraised total by more than
    /// `threshold` points.
    pub fn overstating(&self, threshold: Decimal) -> impl Iterator<Item = &UnitSelfAppraisal> + '_ {
        self.units.iter().filter(move |u| u.difference > threshold)
    }

    /// Mean self-assessed and appraised totals over the units with at least one leaf
    /// compared; all zero when there are none.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`] summing the totals.
    pub fn summary(&self) -> Result<SelfAppraisalSummary, Error> {
        let compared: Vec<&UnitSelfAppraisal> = self
            .units
            .iter()
            .filter(|u| u.nodes.iter().any(|n| n.leaves_compared > 0))
            .collect();
        let at = "the mean of the cohort's totals";
        let count = Exact::from(compared.len() as u64);
        let mean = |values: Vec<&Exact>| -> Result<Exact, Error> {
            if compared.is_empty() {
                return Ok(Exact::ZERO);
            }
            checked_div(&checked_sum(values, &at)?, &count, &at)
        };
        Ok(SelfAppraisalSummary {
            units: compared.len(),
            mean_self_assessed: mean(compared.iter().map(|u| &u.self_assessed).collect())?,
            mean_appraised: mean(compared.iter().map(|u| &u.appraised).collect())?,
            mean_difference: mean(compared.iter().map(|u| &u.difference).collect())?,
        })
    }
}

fn compare_unit(
    framework: &Framework,
    card: &Scorecard,
    against: Against,
) -> Result<UnitSelfAppraisal, Error> {
    // Cannot happen for a cohort's scorecard, which has the framework's nodes.
    let mismatch = || ErrorKind::ScorecardMismatch {
        unit: card.unit().to_owned(),
        framework: framework.id().to_owned(),
    };
    // (self-assessed, appraised, leaves compared) per node; children come after their
    // parent in pre-order, so a reverse pass sums them first.
    let mut sums = vec![(Exact::ZERO, Exact::ZERO, 0usize); framework.len()];
    let mut not_compared = Vec::new();
    let scores: Vec<_> = card.nodes().collect();
    for index in (0..framework.len()).rev() {
        let (Some(node), Some(score)) = (framework.node_at(index), scores.get(index)) else {
            continue;
        };
        let at = node.node_ref();
        let sum = if node.is_leaf() {
            let leaf = score.leaf.as_ref();
            let pair = match against {
                Against::Appraised => leaf
                    .and_then(|l| l.self_assessed.zip(l.appraised))
                    .map(|(own, appraised)| (Exact::from(own), Exact::from(appraised))),
                Against::FinalPoints => leaf
                    .and_then(|l| l.self_assessed)
                    .filter(|_| score.applicable)
                    .map(|own| (Exact::from(own), score.points.clone())),
            };
            match pair {
                Some((own, appraised)) => (own, appraised, 1),
                None => {
                    not_compared.push(node.code().clone());
                    (Exact::ZERO, Exact::ZERO, 0)
                }
            }
        } else {
            let mut sum = (Exact::ZERO, Exact::ZERO, 0usize);
            for child in node.child_indices() {
                let (own, appraised, leaves) = sums.get(*child).ok_or_else(mismatch)?;
                sum = (
                    checked_add(&sum.0, own, &at)?,
                    checked_add(&sum.1, appraised, &at)?,
                    sum.2.saturating_add(*leaves),
                );
            }
            sum
        };
        if let Some(slot) = sums.get_mut(index) {
            *slot = sum;
        }
    }
    not_compared.reverse();

    let at = format!("the self-assessment of unit {}", card.unit());
    let mut total = (Exact::ZERO, Exact::ZERO);
    for root in framework.root_indices() {
        let (own, appraised, _) = sums.get(*root).ok_or_else(mismatch)?;
        total = (
            checked_add(&total.0, own, &at)?,
            checked_add(&total.1, appraised, &at)?,
        );
    }
    let nodes = framework
        .nodes()
        .zip(&sums)
        .map(|(node, (own, appraised, leaves))| {
            Ok(NodeSelfAppraisal {
                code: node.code().clone(),
                level: node.level(),
                self_assessed: own.clone(),
                appraised: appraised.clone(),
                difference: checked_sub(own, appraised, &node.node_ref())?,
                leaves_compared: *leaves,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(UnitSelfAppraisal {
        unit: card.unit().to_owned(),
        difference: checked_sub(&total.0, &total.1, &at)?,
        self_assessed: total.0,
        appraised: total.1,
        nodes,
        not_compared,
    })
}
