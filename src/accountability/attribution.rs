//! Attributing a unit's points and lost points to the leaves of its framework, exactly (the
//! rule is documented on [`Accountability::attribute`]).

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::accountability::assignment::Accountability;
use crate::code::Code;
use crate::error::Error;
use crate::framework::{Combine, Framework, Node};
use crate::math::{checked_add, checked_div, checked_mul, checked_sub, checked_sum};
use crate::scorecard::{NodeScore, Scorecard};

/// One leaf's share of a unit's result, in points of the framework's total, and the agency
/// that answers for it.
///
/// For a framework whose parents all sum their children and drop what does not apply, the
/// share is the leaf's own result; otherwise see [`Accountability::attribute`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LeafShare {
    /// The leaf.
    pub code: Code,
    /// The code of the agency that answers for it.
    pub agency: String,
    /// False when the leaf does not apply to the unit (its share is then zero).
    pub applicable: bool,
    /// The maximum it owns: `achieved + lost`.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub owned: Decimal,
    /// The points it contributes.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub achieved: Decimal,
    /// The points it loses.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub lost: Decimal,
}

impl Accountability {
    /// Attributes a scorecard's points and lost points to its leaves, each with the agency
    /// that answers for it, in framework order.
    ///
    /// The leaves' lost points add up exactly to [`Scorecard::lost_points`] and their points
    /// to [`Scorecard::points`], in any order and grouping; what a leaf owns is the sum of
    /// the two, so what the leaves own adds up to [`Scorecard::effective_max`] (to the 28th
    /// significant digit, the precision of the scorecard's own lost points). Where every
    /// parent sums its children and drops what does not apply (the PAR way), a leaf's share
    /// is simply its own result (cut as in step 3 below only when that result carries more
    /// decimal places than the unit's total can be held to). Where a parent rescales its applicable children to its full
    /// maximum ([`NotApplicablePolicy::Rescale`](crate::NotApplicablePolicy::Rescale)) or
    /// takes a weighted mean of their percentages
    /// ([`Combine::WeightedMean`](crate::Combine::WeightedMean)), its points are not the sum
    /// of its children's, and the rule is:
    ///
    /// 1. the total starts with the scorecard's points and lost points;
    /// 2. each parent, top down, hands its attributed points and lost points to its
    ///    applicable children in proportion to each child's term in the parent's own
    ///    formula: for a sum (either policy), the child's points and lost points (rescaling
    ///    multiplies every term by one factor); for a weighted mean, weight × points ÷
    ///    effective maximum and weight × lost points ÷ effective maximum. When the terms
    ///    already add up to the amount handed down, each child gets its term unchanged, with
    ///    no division;
    /// 3. shares are cut (toward zero) to one number of decimal places per unit and
    ///    quantity — the most at which the unit's total is held exactly, so that shares add
    ///    up without rounding however they are grouped — and the residual (a few units in
    ///    the last place) goes to the child with the largest share (the first of equals); a
    ///    negative residual is taken from the largest shares down, so no share is negative;
    ///    if every term is zero the whole amount goes to the first applicable child;
    /// 4. a leaf that does not apply gets nothing; what a leaf owns is its attributed points
    ///    plus its attributed lost points.
    ///
    /// Bonus and deduction adjustments belong to the unit and are not attributed.
    ///
    /// # Errors
    ///
    /// [`Error::FrameworkMismatch`] for a scorecard of another framework,
    /// [`Error::InvalidScorecard`] for one whose nodes do not match the framework's or whose
    /// figures are impossible (points below 0 or above the effective maximum), and
    /// [`Error::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{Accountability, Agency, AgencyKind, Assessment, Entry, Assignments,
    ///     Framework, Head, NotApplicablePolicy};
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
        if scorecard.framework() != framework.id() {
            return Err(Error::FrameworkMismatch {
                unit: scorecard.unit().to_owned(),
                expected: framework.id().to_owned(),
                found: scorecard.framework().to_owned(),
            });
        }
        let invalid = |reason: String| Error::InvalidScorecard {
            unit: scorecard.unit().to_owned(),
            framework: framework.id().to_owned(),
            reason,
        };
        let scores = aligned_scores(framework, scorecard, &invalid)?;

        // (points, lost) handed to each node, in framework order.
        let mut handed = vec![(Decimal::ZERO, Decimal::ZERO); framework.len()];
        let total = format!("the total of unit {}", scorecard.unit());
        let root_lost = scorecard.lost_points();
        if scorecard.points().is_sign_negative() || scorecard.points() > scorecard.effective_max() {
            return Err(invalid(format!(
                "its total of {} points is outside 0 to its effective maximum {}",
                scorecard.points(),
                scorecard.effective_max()
            )));
        }
        let pass = Pass {
            framework,
            scores: &scores,
            // One scale per quantity for the whole tree, so that leaf shares add up exactly
            // however they are grouped (by head, by domain).
            scales: (exact_scale(scorecard.points()), exact_scale(root_lost)),
            invalid: &invalid,
        };
        pass.distribute(
            (scorecard.points(), root_lost),
            framework.combine(),
            framework.root_indices(),
            &mut handed,
            &total,
        )?;
        for (index, node) in framework.nodes().enumerate() {
            if node.is_leaf() {
                continue;
            }
            let amount = handed.get(index).copied().unwrap_or_default();
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
            let (achieved, lost) = handed.get(index).copied().unwrap_or_default();
            let agency = self
                .lead_at(index)
                .map(|a| a.code.clone())
                .unwrap_or_default();
            shares.push(LeafShare {
                code: node.code().clone(),
                agency,
                applicable: scores.get(index).is_some_and(|s| s.applicable),
                owned: checked_add(achieved, lost, &node.node_ref())?,
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
        let negative = score.points.is_sign_negative() && !score.points.is_zero();
        let empty = score.points.is_zero() && score.effective_max.is_zero();
        let stray = !score.applicable && !empty;
        let impossible = negative
            || score.points > score.effective_max
            || (score.applicable && score.effective_max <= Decimal::ZERO)
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
    /// The decimal places of points and of lost points shares.
    scales: (u32, u32),
    invalid: &'a dyn Fn(String) -> Error,
}

impl Pass<'_> {
    /// Hands `(points, lost)` to the applicable `children`, writing their shares into
    /// `handed`.
    fn distribute(
        &self,
        (points, lost): (Decimal, Decimal),
        how: Combine,
        children: &[usize],
        handed: &mut [(Decimal, Decimal)],
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
            let child_lost = checked_sub(score.effective_max, score.points, at)?;
            match how {
                Combine::WeightedMean => {
                    let weight = self
                        .framework
                        .node_at(*child)
                        .and_then(Node::weight)
                        .unwrap_or(Decimal::ONE);
                    let per_point = checked_div(weight, score.effective_max, at)?;
                    point_terms.push(checked_mul(per_point, score.points, at)?);
                    lost_terms.push(checked_mul(per_point, child_lost, at)?);
                }
                // Either policy: rescaling multiplies every term by one factor.
                Combine::Sum => {
                    point_terms.push(score.points);
                    lost_terms.push(child_lost);
                }
            }
        }
        let point_shares = split(points, &point_terms, self.scales.0, at)?;
        let lost_shares = split(lost, &lost_terms, self.scales.1, at)?;
        for (((child, _), p), l) in applicable.iter().zip(point_shares).zip(lost_shares) {
            if let Some(slot) = handed.get_mut(*child) {
                *slot = (p, l);
            }
        }
        Ok(())
    }
}

/// The finest scale (decimal places, at most 28) at which `amount` — and so any sum of
/// non-negative parts of it, with one digit to spare — is held exactly by a decimal. Shares
/// quantized to one such scale add up without rounding, in any order and any grouping.
pub(crate) fn exact_scale(amount: Decimal) -> u32 {
    let limit: u128 = (1u128 << 96) / 10;
    let mut mantissa = amount.mantissa().unsigned_abs();
    let mut scale = amount.scale();
    while scale < 28 {
        match mantissa.checked_mul(10) {
            Some(next) if next < limit => {
                mantissa = next;
                scale = scale.saturating_add(1);
            }
            _ => break,
        }
    }
    scale
}

/// Splits `amount` (at least 0, of at most `scale` places) in proportion to `terms` (all at
/// least 0): no share is negative, every share has at most `scale` decimal places, and the
/// shares add up to `amount` exactly.
pub(crate) fn split(
    amount: Decimal,
    terms: &[Decimal],
    scale: u32,
    at: &dyn std::fmt::Display,
) -> Result<Vec<Decimal>, Error> {
    let total = checked_sum(terms.iter().copied(), at)?;
    if total == amount && terms.iter().all(|t| t.scale() <= scale) {
        return Ok(terms.to_vec());
    }
    let mut shares = vec![Decimal::ZERO; terms.len()];
    if total.is_zero() {
        if let Some(first) = shares.first_mut() {
            *first = amount;
        }
        return Ok(shares);
    }
    for (share, term) in shares.iter_mut().zip(terms) {
        *share = checked_div(checked_mul(amount, *term, at)?, total, at)?
            .round_dp_with_strategy(scale, RoundingStrategy::ToZero);
    }
    let residual = checked_sub(amount, checked_sum(shares.iter().copied(), at)?, at)?;
    if residual.is_zero() {
        return Ok(shares);
    }
    // Largest share first; the first of equals keeps its place.
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|a, b| {
        let (sa, sb) = (shares.get(*a), shares.get(*b));
        sb.cmp(&sa).then(a.cmp(b))
    });
    if residual > Decimal::ZERO {
        if let Some(share) = order.first().and_then(|i| shares.get_mut(*i)) {
            *share = checked_add(*share, residual, at)?;
        }
        return Ok(shares);
    }
    // The residual is negative here: what is owed back is its magnitude.
    let mut owed = residual.abs();
    for i in order {
        if owed.is_zero() {
            break;
        }
        if let Some(share) = shares.get_mut(i) {
            let taken = (*share).min(owed);
            *share = checked_sub(*share, taken, at)?;
            owed = checked_sub(owed, taken, at)?;
        }
    }
    Ok(shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_exact_scale_leaves_one_digit_to_spare_below_96_bits() {
        // 10^27 fits under 2^96 / 10 (about 7.9 × 10^27); 10^28 does not.
        assert_eq!(exact_scale(Decimal::ONE), 27);
        // 22068 × 10^23 (2.2 × 10^27) fits; × 10^24 does not: 25 places for 220.68.
        assert_eq!(exact_scale(d("220.68")), 25);
        assert_eq!(exact_scale(Decimal::ZERO), 28);
        assert_eq!(exact_scale(Decimal::MAX), 0);
        assert_eq!(exact_scale(Decimal::new(1, 28)), 28);
    }

    #[test]
    fn terms_that_already_add_up_are_kept_without_division() {
        let shares = split(d("3.5"), &[d("1"), d("2.5"), d("0")], 28, &"x").unwrap();
        assert_eq!(shares, [d("1"), d("2.5"), d("0")]);
    }

    #[test]
    fn an_inexact_split_gives_its_residual_to_the_largest_share() {
        let shares = split(d("1"), &[d("1"), d("1"), d("1")], 27, &"x").unwrap();
        assert_eq!(shares.iter().copied().sum::<Decimal>(), d("1"));
        // 1/3 does not end: the first of the equal shares absorbs the residual.
        assert!(shares[0] > shares[1]);
        assert_eq!(shares[1], shares[2]);
    }

    #[test]
    fn a_negative_residual_never_makes_a_share_negative() {
        let shares = split(d("2"), &[d("3"), d("3"), d("3")], 27, &"x").unwrap();
        assert_eq!(shares.iter().copied().sum::<Decimal>(), d("2"));
        assert!(shares.iter().all(|s| !s.is_sign_negative()));
        let tiny = Decimal::new(1, 28);
        let shares = split(tiny, &[d("1"); 7], 28, &"x").unwrap();
        assert_eq!(shares.iter().copied().sum::<Decimal>(), tiny);
        assert!(shares.iter().all(|s| *s >= Decimal::ZERO));
    }

    #[test]
    fn zero_terms_send_the_whole_amount_to_the_first_child() {
        let shares = split(d("0.5"), &[d("0"), d("0")], 27, &"x").unwrap();
        assert_eq!(shares, [d("0.5"), d("0")]);
    }
}
