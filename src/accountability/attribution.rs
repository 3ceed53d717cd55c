//! Attributing a unit's points and lost points to the leaves of its framework, exactly (the
//! rule is documented on [`Accountability::attribute`]).

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::accountability::assignment::Accountability;
use crate::code::Code;
use crate::error::{Error, ErrorKind};
use crate::exact::Exact;
use crate::framework::{Combine, Framework, Node};
use crate::math::{checked_add, checked_mul_div};
use crate::scorecard::{NodeScore, Scorecard};

/// One leaf's share of a unit's result, in points of the framework's total, and the agency
/// that answers for it.
///
/// For a framework whose parents all sum their children and drop what does not apply, the
/// share is the leaf's own result; otherwise see [`Accountability::attribute`].
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
/// use par_index::{Entry, Framework};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut plan = Assignments::new("Phân công CCHC");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &["TP"])?;
/// let accountability = Accountability::new(&framework, plan)?;
/// let score = |year: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment("xa-a", year.parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()).with_note("hồ sơ trễ hạn"));
///     Ok(framework.score(&assessment)?)
/// };
/// let shares = accountability.attribute(&score("2021", 4, 3)?)?;
/// let office = &shares[1];
/// assert_eq!((office.code.as_str(), office.agency.as_str()), ("2", "VP"));
/// assert!(office.applicable);
/// assert_eq!((office.owned.to_string(), office.achieved.to_string(), office.lost.to_string()), ("6".into(), "3".into(), "3".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LeafShare {
    /// The leaf.
    pub code: Code,
    /// The code of the agency that answers for it.
    pub agency: String,
    /// False when the leaf does not apply to the unit (its share is then zero).
    pub applicable: bool,
    /// The maximum it owns: `achieved + lost`, exact.
    pub owned: Exact,
    /// The points it contributes, exact.
    pub achieved: Exact,
    /// The points it loses, exact.
    pub lost: Exact,
}

impl Accountability {
    /// Attributes a scorecard's points and lost points to its leaves, each with the agency
    /// that answers for it, in framework order.
    ///
    /// The leaves' lost points add up exactly to [`Scorecard::lost_points`] and their points
    /// to [`Scorecard::points`], in any order and grouping, and what they own (the sum of the
    /// two) to [`Scorecard::effective_max`]: every share is [`Exact`]. Where every parent
    /// sums its children and drops what does not apply (the PAR way), a leaf's share is
    /// simply its own result. Where a parent rescales its applicable children to its full
    /// maximum ([`NotApplicablePolicy::Rescale`](crate::framework::NotApplicablePolicy::Rescale)) or
    /// takes a weighted mean of their percentages
    /// ([`Combine::WeightedMean`](crate::framework::Combine::WeightedMean)), its points are not the sum
    /// of its children's, and the rule is:
    ///
    /// 1. the total starts with the scorecard's points and lost points;
    /// 2. each parent, top down, hands its attributed points and lost points to its
    ///    applicable children in proportion to each child's term in the parent's own
    ///    formula: for a sum (either policy), the child's points and lost points (rescaling
    ///    multiplies every term by one factor); for a weighted mean, weight × points ÷
    ///    effective maximum and weight × lost points ÷ effective maximum. A child's share is
    ///    `amount × term ÷ Σ terms`, exact, so shares add up to the amount exactly; if every
    ///    term is zero the whole amount goes to the first applicable child;
    /// 3. a leaf that does not apply gets nothing; what a leaf owns is its attributed points
    ///    plus its attributed lost points.
    ///
    /// Bonus and deduction adjustments belong to the unit and are not attributed.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FrameworkMismatch`] for a scorecard of another framework,
    /// [`ErrorKind::InvalidScorecard`] for one whose nodes do not match the framework's or whose
    /// figures are impossible (points below 0 or above the effective maximum), and
    /// [`ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Assessment, Entry, Framework, accountability::{Accountability, Agency, AgencyKind, Assignments, Head}, framework::NotApplicablePolicy};
    /// use rust_decimal::Decimal;
    ///
    /// // Domain 1 rescales its applicable criteria to its full 6 points.
    /// let framework = Framework::builder("demo", "Demo")
    ///     .total_points(Decimal::from(6))
    ///     .domain("1", "Tổ chức bộ máy", Decimal::from(6))
    ///     .when_not_applicable(NotApplicablePolicy::Rescale)
    ///     .child("1", "1.1", "Rà soát chức năng", Decimal::from(2))
    ///     .child("1", "1.2", "Vị trí việc làm", Decimal::from(2))
    ///     .child("1", "1.3", "Sắp xếp đơn vị", Decimal::from(2)).optional()
    ///     .build()?;
    /// let mut plan = Assignments::new("Demo");
    /// plan.agency(Agency::new("NV", "Phòng Nội vụ", AgencyKind::Office, Head::new("Trưởng phòng")));
    /// plan.agency(Agency::new("VP", "Văn phòng", AgencyKind::Office, Head::new("Chánh Văn phòng")));
    /// plan.assign("1", "NV", &[])?.assign("1.2", "VP", &[])?;
    /// let accountability = Accountability::new(&framework, plan)?;
    ///
    /// let mut ward = Assessment::new("demo", "ward-1", "2024".parse()?);
    /// ward.push(Entry::new("1.1".parse()?).with_appraised(Decimal::from(2)))
    ///     .push(Entry::new("1.2".parse()?).with_appraised(Decimal::from(1)))
    ///     .push(Entry::new("1.3".parse()?).with_evidence(par_index::Evidence::NotApplicable));
    /// let scorecard = framework.score(&ward)?;
    /// assert_eq!(scorecard.lost_points(), Decimal::new(15, 1)); // 6 − 3 × 6/4
    ///
    /// let shares = accountability.attribute(&scorecard)?;
    /// assert_eq!(shares[1].agency, "VP");
    /// assert_eq!(shares[1].lost, Decimal::new(15, 1)); // all of it: 1.2 lost the point
    /// assert_eq!(shares[1].owned, Decimal::from(3)); // 2 of the 4 applicable, × 6/4
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attribute(&self, scorecard: &Scorecard) -> Result<Vec<LeafShare>, Error> {
        let framework = self.framework();
        crate::cohort::check_framework(framework, scorecard)?;
        let invalid = |reason: String| {
            ErrorKind::InvalidScorecard {
                unit: scorecard.unit().to_owned(),
                framework: framework.id().to_owned(),
                reason,
            }
            .into()
        };
        let scores = aligned_scores(framework, scorecard, &invalid)?;

        // (points, lost) handed to each node, in framework order.
        let mut handed = vec![(Exact::ZERO, Exact::ZERO); framework.len()];
        let total = format!("the total of unit {}", scorecard.unit());
        let root_lost = scorecard.lost_points();
        if scorecard.points().is_negative() || scorecard.points() > scorecard.effective_max() {
            return Err(invalid(format!(
                "its total of {} points is outside 0 to its effective maximum {}",
                scorecard.points(),
                scorecard.effective_max()
            )));
        }
        let pass = Pass {
            framework,
            scores: &scores,
            invalid: &invalid,
        };
        pass.distribute(
            (scorecard.points().clone(), root_lost),
            framework.combine(),
            framework.root_indices(),
            &mut handed,
            &total,
        )?;
        for (index, node) in framework.nodes().enumerate() {
            if node.is_leaf() {
                continue;
            }
            let amount = handed.get(index).cloned().unwrap_or_default();
            pass.distribute(
                amount,
                node.combine(),
                node.child_indices(),
                &mut handed,
                &node.node_ref(),
            )?;
        }

        let mut shares = Vec::new();
        for (index, node) in framework.nodes().enumerate() {
            if !node.is_leaf() {
                continue;
            }
            let (achieved, lost) = handed.get(index).cloned().unwrap_or_default();
            let agency = self
                .lead_at(index)
                .map(|a| a.code.clone())
                .unwrap_or_default();
            shares.push(LeafShare {
                code: node.code().clone(),
                agency,
                applicable: scores.get(index).is_some_and(|s| s.applicable),
                owned: checked_add(&achieved, &lost, &node.node_ref())?,
                achieved,
                lost,
            });
        }
        Ok(shares)
    }
}

/// The scorecard's node results in the framework's order, refusing missing, extra and
/// impossible ones.
fn aligned_scores<'a>(
    framework: &Framework,
    scorecard: &'a Scorecard,
    invalid: &dyn Fn(String) -> Error,
) -> Result<Vec<&'a NodeScore>, Error> {
    let mut by_code: HashMap<&Code, &NodeScore> = HashMap::new();
    for score in scorecard.nodes() {
        if framework.node_by_code(&score.code).is_none() {
            return Err(invalid(format!(
                "it has a result for code {}, which the framework does not have",
                score.code
            )));
        }
        if by_code.insert(&score.code, score).is_some() {
            return Err(invalid(format!(
                "it has two results for code {}",
                score.code
            )));
        }
    }
    let mut aligned = Vec::with_capacity(framework.len());
    for node in framework.nodes() {
        let score = by_code
            .get(node.code())
            .copied()
            .ok_or_else(|| invalid(format!("it has no result for {}", node.node_ref())))?;
        let negative = score.points.is_negative();
        let empty = score.points.is_zero() && score.effective_max.is_zero();
        let stray = !score.applicable && !empty;
        let impossible = negative
            || score.points > score.effective_max
            || (score.applicable && score.effective_max <= Exact::ZERO)
            || stray;
        if impossible {
            return Err(invalid(format!(
                "{} has {} points of an effective maximum of {}{}",
                node.node_ref(),
                score.points,
                score.effective_max,
                if score.applicable {
                    ""
                } else {
                    " but does not apply"
                }
            )));
        }
        aligned.push(score);
    }
    Ok(aligned)
}

/// What every step of one scorecard's attribution needs.
struct Pass<'a> {
    framework: &'a Framework,
    scores: &'a [&'a NodeScore],
    invalid: &'a dyn Fn(String) -> Error,
}

impl Pass<'_> {
    /// Hands `(points, lost)` to the applicable `children`, writing their shares into
    /// `handed`.
    fn distribute(
        &self,
        (points, lost): (Exact, Exact),
        how: Combine,
        children: &[usize],
        handed: &mut [(Exact, Exact)],
        at: &dyn std::fmt::Display,
    ) -> Result<(), Error> {
        let applicable: Vec<(usize, &NodeScore)> = children
            .iter()
            .filter_map(|c| self.scores.get(*c).map(|s| (*c, *s)))
            .filter(|(_, s)| s.applicable)
            .collect();
        if applicable.is_empty() {
            if points.is_zero() && lost.is_zero() {
                return Ok(());
            }
            return Err((self.invalid)(format!(
                "{at} has {points} points and {lost} lost points but no applicable child"
            )));
        }
        let mut point_terms = Vec::with_capacity(applicable.len());
        let mut lost_terms = Vec::with_capacity(applicable.len());
        for (child, score) in &applicable {
            let child_lost = score.lost_points();
            match how {
                Combine::WeightedMean => {
                    let weight = Exact::from(
                        self.framework
                            .node_at(*child)
                            .and_then(Node::weight)
                            .unwrap_or(Decimal::ONE),
                    );
                    // weight ÷ effective maximum per point; terms are compared, never shown.
                    let per_point = weight.div(&score.effective_max).unwrap_or(Exact::ZERO);
                    point_terms.push(per_point.mul(&score.points));
                    lost_terms.push(per_point.mul(&child_lost));
                }
                // Either policy: rescaling multiplies every term by one factor.
                Combine::Sum => {
                    point_terms.push(score.points.clone());
                    lost_terms.push(child_lost);
                }
            }
        }
        let point_shares = split(&points, &point_terms, at)?;
        let lost_shares = split(&lost, &lost_terms, at)?;
        for (((child, _), p), l) in applicable.iter().zip(point_shares).zip(lost_shares) {
            if let Some(slot) = handed.get_mut(*child) {
                *slot = (p, l);
            }
        }
        Ok(())
    }
}

/// Splits `amount` in proportion to `terms` (all at least 0), exactly: each share is
/// `amount × term ÷ Σ terms`, so the shares add up to `amount`; terms that already add up
/// to it are the shares. Zero terms send the whole amount to the first share.
pub(crate) fn split(
    amount: &Exact,
    terms: &[Exact],
    at: &dyn std::fmt::Display,
) -> Result<Vec<Exact>, Error> {
    let total: Exact = terms.iter().sum();
    if &total == amount {
        return Ok(terms.to_vec());
    }
    if total.is_zero() {
        let mut shares = vec![Exact::ZERO; terms.len()];
        if let Some(first) = shares.first_mut() {
            *first = amount.clone();
        }
        return Ok(shares);
    }
    terms
        .iter()
        .map(|term| checked_mul_div(amount, term, &total, at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Exact {
        s.parse().unwrap()
    }

    #[test]
    fn terms_that_already_add_up_are_kept() {
        let shares = split(&e("3.5"), &[e("1"), e("2.5"), e("0")], &"x").unwrap();
        assert_eq!(shares, [e("1"), e("2.5"), e("0")]);
    }

    #[test]
    fn a_split_that_does_not_end_adds_up_exactly() {
        let shares = split(&e("1"), &[e("1"), e("1"), e("1")], &"x").unwrap();
        assert_eq!(shares, [e("1/3"), e("1/3"), e("1/3")]);
        assert_eq!(shares.iter().sum::<Exact>(), e("1"));
        let shares = split(&e("2"), &[e("3"), e("3"), e("3")], &"x").unwrap();
        assert_eq!(shares.iter().sum::<Exact>(), e("2"));
        assert!(shares.iter().all(|s| *s == e("2/3")));
    }

    #[test]
    fn zero_terms_send_the_whole_amount_to_the_first_child() {
        let shares = split(&e("0.5"), &[e("0"), e("0")], &"x").unwrap();
        assert_eq!(shares, [e("0.5"), e("0")]);
    }
}
