//! Summary statistics of a cohort: mean, median, minimum, maximum, count above the mean.

use rust_decimal::Decimal;

use crate::code::Code;
use crate::error::Error;
use crate::exact::Exact;
use crate::math::{checked_add, checked_div, checked_sum};
use crate::rounding::RoundingPolicy;

/// Mean, median, minimum and maximum of a set of values, exact.
///
/// The mean is the exact sum divided by the count, and the median of an even count is the
/// exact mean of the two middle values: both are [`Exact`], so a mean of 1/3 stays a third
/// until [`Summary::publish`] rounds it once. `above_mean` compares every value with the true
/// mean.
///
/// # Examples
///
/// ```
/// use par_index::{Exact, RoundingPolicy, statistics::Summary};
///
/// let values: Vec<Exact> = ["92.18", "91.87", "91.43"].iter().map(|v| v.parse().unwrap()).collect();
/// let summary = Summary::of(&values)?.expect("three values");
/// assert_eq!(summary.mean.to_string(), "91.82666666666666666666666667");
/// assert_eq!(format!("{:#}", summary.mean), "6887/75");
/// assert_eq!(summary.publish(&RoundingPolicy::default()).mean.to_string(), "91.83");
/// assert_eq!(summary.median.to_string(), "91.87");
/// assert_eq!(summary.above_mean, 2);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Summary {
    /// How many values.
    pub count: usize,
    /// Sum ÷ count, exact.
    pub mean: Exact,
    /// The middle value, or the exact mean of the two middle values.
    pub median: Exact,
    /// The lowest value.
    pub min: Exact,
    /// The highest value.
    pub max: Exact,
    /// How many values are strictly above the exact mean.
    pub above_mean: usize,
}

/// A [`Summary`] as published: each figure rounded once from its exact value.
///
/// # Examples
///
/// ```
/// use par_index::statistics::Summary;
/// use par_index::{Exact, Rounding, RoundingPolicy};
///
/// let values: Vec<Exact> = vec![1.into(), 2.into(), 2.into()];
/// let summary = Summary::of(&values)?.unwrap();
/// // The mean is 5/3 exactly; published, it is rounded once.
/// let published = summary.publish(&RoundingPolicy::new(1, Rounding::HalfAwayFromZero)?);
/// assert_eq!(published.mean.to_string(), "1.7");
/// assert_eq!((published.min.to_string(), published.max.to_string()), ("1.0".into(), "2.0".into()));
/// assert_eq!(published.above_mean, 2);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PublishedSummary {
    /// How many values.
    pub count: usize,
    /// The mean, rounded.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub mean: Decimal,
    /// The median, rounded.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub median: Decimal,
    /// The lowest value, rounded.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub min: Decimal,
    /// The highest value, rounded.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max: Decimal,
    /// How many values are strictly above the exact mean.
    pub above_mean: usize,
}

impl Summary {
    /// Summarises `values`; `None` when there are none.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`](crate::ErrorKind::Overflow) if the sum exceeds a decimal's range.
    pub fn of(values: &[Exact]) -> Result<Option<Summary>, Error> {
        let mut sorted = values.to_vec();
        sorted.sort();
        let (Some(min), Some(max)) = (sorted.first(), sorted.last()) else {
            return Ok(None);
        };
        let count = sorted.len();
        let n = Exact::from(count as u64);
        let sum = checked_sum(&sorted, &"the sum of a cohort's values")?;
        let mean = checked_div(&sum, &n, &"the mean of a cohort's values")?;
        let middle = count / 2;
        let median = match (sorted.get(middle), sorted.get(middle.wrapping_sub(1))) {
            (Some(upper), Some(lower)) if count % 2 == 0 => checked_div(
                &checked_add(lower, upper, &"the median of a cohort's values")?,
                &Exact::from(2u8),
                &"the median of a cohort's values",
            )?,
            (Some(single), _) => single.clone(),
            // Unreachable: a non-empty list has a middle element.
            (None, _) => min.clone(),
        };
        let above_mean = sorted.iter().filter(|v| **v > mean).count();
        Ok(Some(Summary {
            count,
            mean,
            median,
            min: min.clone(),
            max: max.clone(),
            above_mean,
        }))
    }

    /// The summary as published: mean, median, minimum and maximum rounded once by `policy`.
    pub fn publish(&self, policy: &RoundingPolicy) -> PublishedSummary {
        PublishedSummary {
            count: self.count,
            mean: policy.publish(&self.mean),
            median: policy.publish(&self.median),
            min: policy.publish(&self.min),
            max: policy.publish(&self.max),
            above_mean: self.above_mean,
        }
    }
}

/// One domain's summary in a cohort.
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [
///     score("hue", 38, 57)?, score("da-nang", 30, 60)?, score("hoi-an", 40, 50)?, score("quang-nam", 35, 50)?,
/// ])?;
/// let ranking = cohort.rank_with(&RankingOptions::default())?;
/// let domains = &ranking.statistics().domains;
/// assert_eq!(domains[0].code.as_str(), "1");
/// // Domain 1 in percent of 40: 95, 75, 100 and 87.5.
/// let summary = domains[0].summary.as_ref().unwrap();
/// assert_eq!(summary.mean.to_string(), "89.375");
/// assert_eq!(summary.max.to_string(), "100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DomainSummary {
    /// The domain's code.
    pub code: Code,
    /// The summary over the units the domain applies to; `None` if it applies to none.
    pub summary: Option<Summary>,
}

/// Statistics of a ranked cohort: of the index, and of each domain.
///
/// Computed over the ranked units only (units listed outside the ranking are left out), on
/// the values the ranking uses: the published or exact index
/// ([`RankingOptions::basis`](crate::RankingOptions::basis)) and each domain's percent or
/// points ([`RankingOptions::domain_basis`](crate::RankingOptions::domain_basis)).
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Framework, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 40.into())
///     .domain("2", "Cải cách thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: i64, second: i64| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2025".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.into()));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.into()));
///     Ok(framework.score(&assessment)?)
/// };
/// let cohort = Cohort::new(&framework, [
///     score("hue", 38, 57)?, score("da-nang", 30, 60)?, score("hoi-an", 40, 50)?, score("quang-nam", 35, 50)?,
/// ])?;
/// let statistics = cohort.rank_with(&RankingOptions::default())?.statistics().clone();
/// let index = statistics.index.as_ref().unwrap();
/// assert_eq!(index.count, 4);
/// assert_eq!(index.mean.to_string(), "90");
/// assert_eq!(index.median.to_string(), "90");
/// assert_eq!(index.above_mean, 1);
/// // On the values the ranking uses: 50 of 60 points is published as 83.33%.
/// assert_eq!(statistics.domain("2").unwrap().min.to_string(), "83.33");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CohortStatistics {
    /// The index; `None` for an empty cohort.
    pub index: Option<Summary>,
    /// Each domain, in the framework's order.
    pub domains: Vec<DomainSummary>,
}

impl CohortStatistics {
    /// The summary of one domain.
    pub fn domain(&self, code: impl AsRef<str>) -> Option<&Summary> {
        let code = code.as_ref();
        self.domains
            .iter()
            .find(|d| d.code.as_str() == code)
            .and_then(|d| d.summary.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(list: &[&str]) -> Vec<Exact> {
        list.iter().map(|v| v.parse().unwrap()).collect()
    }

    #[test]
    fn empty_values_have_no_summary() {
        assert_eq!(Summary::of(&[]).unwrap(), None);
    }

    #[test]
    fn odd_and_even_counts_take_the_right_median() {
        let odd = Summary::of(&values(&["3", "1", "2"])).unwrap().unwrap();
        assert_eq!(
            (odd.median, odd.min, odd.max),
            (Exact::from(2), Exact::ONE, Exact::from(3))
        );
        let even = Summary::of(&values(&["4", "1", "2", "3"]))
            .unwrap()
            .unwrap();
        assert_eq!(even.median, Decimal::new(25, 1));
        assert_eq!(even.mean, Decimal::new(25, 1));
        assert_eq!(even.above_mean, 2);
        let one = Summary::of(&values(&["85.78"])).unwrap().unwrap();
        assert_eq!(
            (&one.mean, &one.median, one.above_mean),
            (&one.min, &one.max, 0)
        );
    }

    #[test]
    fn the_mean_is_exact_until_published() {
        let summary = Summary::of(&values(&["1", "0", "0"])).unwrap().unwrap();
        assert_eq!(summary.mean.to_string(), "0.3333333333333333333333333333");
        assert_eq!(
            summary.publish(&RoundingPolicy::default()).mean.to_string(),
            "0.33"
        );
        // Equal values: nobody is strictly above the mean.
        let flat = Summary::of(&values(&["90", "90.00"])).unwrap().unwrap();
        assert_eq!(flat.above_mean, 0);
    }

    #[test]
    fn publishing_rounds_every_figure_and_keeps_the_counts() {
        let exact = Summary::of(&values(&["85.785", "90.001", "70.114", "88.4449"]))
            .unwrap()
            .unwrap();
        assert_eq!(exact.median.to_string(), "87.11495");
        let published = exact.publish(&RoundingPolicy::default());
        let shown = [
            published.mean,
            published.median,
            published.min,
            published.max,
        ]
        .map(|v| v.to_string());
        // Mean 334.3449 / 4 = 83.586225.
        assert_eq!(shown, ["83.59", "87.11", "70.11", "90.00"]);
        assert_eq!((published.count, published.above_mean), (4, 3));
    }

    #[test]
    fn an_overflowing_sum_is_an_error() {
        let max = Exact::from(Decimal::MAX);
        let error = Summary::of(&[max.clone(), max]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "arithmetic overflow adding {} and {} for the sum of a cohort's values",
                Decimal::MAX,
                Decimal::MAX
            )
        );
    }
}
