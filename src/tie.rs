//! How tied units are ranked, and the rank itself.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::code::Code;
use crate::error::{Error, ErrorKind};

/// How units with equal values are ranked.
///
/// For the values 95, 90, 90, 85:
///
/// | Method | Ranks |
/// |---|---|
/// | [`Competition`](TieMethod::Competition) (default) | 1, 2, 2, 4 |
/// | [`Dense`](TieMethod::Dense) | 1, 2, 2, 3 |
/// | [`Ordinal`](TieMethod::Ordinal) | 1, 2, 3, 4 |
/// | [`Fractional`](TieMethod::Fractional) | 1, 2.5, 2.5, 4 |
///
/// Tied units are listed by unit identifier, so a ranking never depends on the order its
/// scorecards were given in.
///
/// # Examples
///
/// ```
/// use par_index::ranking::TieMethod;
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
/// // Indices 95, 90, 90, 85.
/// let ranks = |method| -> Result<Vec<String>, par_index::Error> {
///     let ranking = cohort.rank_with(&RankingOptions::default().with_tie_method(method))?;
///     Ok(ranking.units().iter().map(|u| u.rank.unwrap().to_string()).collect())
/// };
/// assert_eq!(ranks(TieMethod::Competition)?, ["1", "2", "2", "4"]);
/// assert_eq!(ranks(TieMethod::Dense)?, ["1", "2", "2", "3"]);
/// assert_eq!(ranks(TieMethod::Fractional)?, ["1", "2.5", "2.5", "4"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum TieMethod {
    /// Standard competition ranking, "1224": tied units share the best rank and the ranks
    /// after them are skipped, as Excel's `RANK.EQ` and the published PAR tables do.
    #[default]
    Competition,
    /// Dense ranking, "1223": tied units share a rank and the next rank follows it.
    Dense,
    /// Ordinal ranking, "1234": every unit gets its own rank. Ties are broken by the
    /// tie-breakers in order, then by the unit identifier, so the result is always a
    /// permutation of 1..=n.
    Ordinal {
        /// Tie-breakers, tried in order; the unit identifier is always the last resort.
        #[cfg_attr(feature = "serde", serde(default))]
        tie_breakers: Vec<TieBreaker>,
    },
    /// Fractional ranking, "1 2.5 2.5 4": tied units share the mean of the positions they
    /// occupy. The mean of consecutive positions is a whole or half number, so it is exact.
    Fractional,
}

impl TieMethod {
    /// Ordinal ranking with tie-breakers (then the unit identifier).
    pub fn ordinal(tie_breakers: impl IntoIterator<Item = TieBreaker>) -> TieMethod {
        TieMethod::Ordinal {
            tie_breakers: tie_breakers.into_iter().collect(),
        }
    }

    /// The tie-breakers of an ordinal ranking; empty for the other methods.
    pub fn tie_breakers(&self) -> &[TieBreaker] {
        match self {
            TieMethod::Ordinal { tie_breakers } => tie_breakers,
            _ => &[],
        }
    }
}

/// What decides between units tied on the ranked value, in an ordinal ranking.
///
/// Tie-breakers compare exact values, highest first; a node that does not apply to a unit
/// comes after every node that does.
///
/// # Examples
///
/// ```
/// use par_index::ranking::{TieBreaker, TieMethod};
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
/// // Đà Nẵng and Hội An both score 90; Hội An has more points in domain 1 (40 to 30).
/// let method = TieMethod::ordinal([TieBreaker::NodePoints("1".parse()?)]);
/// let ranking = cohort.rank_with(&RankingOptions::default().with_tie_method(method))?;
/// let order: Vec<&str> = ranking.units().iter().map(|u| u.unit.as_str()).collect();
/// assert_eq!(order, ["hue", "hoi-an", "da-nang", "quang-nam"]);
/// assert_eq!(ranking.unit("da-nang").unwrap().rank.unwrap().to_string(), "3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TieBreaker {
    /// More points in the node with this code (usually a domain) first.
    NodePoints(Code),
    /// A higher percentage of the node's maximum first.
    NodePercent(Code),
    /// A higher exact index first (useful when ranking on the published index).
    ExactIndex,
}

/// A rank: a whole number, or a half for fractional ranking (`2.5`).
///
/// Ranks order as numbers: rank 1 is the best.
///
/// # Examples
///
/// ```
/// use par_index::ranking::TieMethod;
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
/// let options = RankingOptions::default().with_tie_method(TieMethod::Fractional);
/// let ranking = cohort.rank_with(&options)?;
/// let tied = ranking.unit("hoi-an").unwrap().rank.unwrap();
/// assert_eq!(tied.value().to_string(), "2.5");
/// assert_eq!(tied.as_whole(), None);
/// let first = ranking.unit("hue").unwrap().rank.unwrap();
/// assert_eq!(first.as_whole(), Some(1));
/// assert!(first < tied);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rank {
    // Twice the rank: fractional ranks are whole or half numbers, so halves hold them all
    // exactly, in four bytes, and order as the ranks do.
    halves: u32,
}

impl Rank {
    /// The best rank, 1.
    pub const FIRST: Rank = Rank { halves: 2 };

    /// The whole rank `rank`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRank`] for 0, and for a rank too large to be halved in a `u32`
    /// (above 2,147,483,647).
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::ranking::Rank;
    ///
    /// assert_eq!(Rank::new(3)?.to_string(), "3");
    /// assert_eq!(Rank::new(0).unwrap_err().to_string(), "a rank is a whole number from 1 or a half such as 2.5, not 0");
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn new(rank: u32) -> Result<Rank, Error> {
        rank.checked_mul(2)
            .filter(|halves| *halves > 0)
            .map(|halves| Rank { halves })
            .ok_or_else(|| {
                ErrorKind::InvalidRank {
                    rank: Decimal::from(rank),
                }
                .into()
            })
    }

    /// The rank as a number.
    pub fn value(self) -> Decimal {
        // A `u32` halved has at most one decimal place: exact.
        Decimal::new(i64::from(self.halves).saturating_mul(5), 1).normalize()
    }

    /// The rank as a whole number; `None` for a fractional rank such as 2.5.
    pub fn as_whole(self) -> Option<u32> {
        (self.halves % 2 == 0).then_some(self.halves / 2)
    }

    /// The rank at 1-based `position` of a sorted list (saturating, as positions are held in
    /// memory and cannot approach `u32::MAX / 2` items of a ranking).
    pub(crate) fn from_position(position: usize) -> Rank {
        Rank::whole(u32::try_from(position).unwrap_or(u32::MAX))
    }

    /// The whole rank `rank` of a ranker that counts from 1 (saturating, as above).
    pub(crate) fn whole(rank: u32) -> Rank {
        Rank {
            halves: rank.saturating_mul(2).max(2),
        }
    }

    /// The rank whose double is `halves` (at least 2).
    fn from_halves(halves: usize) -> Rank {
        Rank {
            halves: u32::try_from(halves).unwrap_or(u32::MAX).max(2),
        }
    }
}

impl TryFrom<Decimal> for Rank {
    type Error = Error;

    /// A rank from its value: a whole number from 1, or a half (`2.5`).
    fn try_from(value: Decimal) -> Result<Rank, Error> {
        value
            .checked_mul(Decimal::TWO)
            .filter(|twice| twice.fract().is_zero() && *twice >= Decimal::TWO)
            .and_then(|twice| u32::try_from(twice).ok())
            .map(|halves| Rank { halves })
            .ok_or_else(|| ErrorKind::InvalidRank { rank: value }.into())
    }
}

impl From<Rank> for Decimal {
    fn from(rank: Rank) -> Decimal {
        rank.value()
    }
}

/// Exact: a rank is a whole number or a half below 2^31.
impl From<Rank> for f64 {
    fn from(rank: Rank) -> f64 {
        f64::from(rank.halves) / 2.0
    }
}

/// A rank equals a whole number when it is that whole rank: `rank == 2`.
impl PartialEq<u32> for Rank {
    fn eq(&self, other: &u32) -> bool {
        self.as_whole() == Some(*other)
    }
}

impl PartialEq<Rank> for u32 {
    fn eq(&self, other: &Rank) -> bool {
        other == self
    }
}

/// A rank orders against a whole number as its value does: `rank <= 5`.
impl PartialOrd<u32> for Rank {
    fn partial_cmp(&self, other: &u32) -> Option<Ordering> {
        Some(u64::from(self.halves).cmp(&u64::from(*other).saturating_mul(2)))
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_whole() {
            Some(whole) => write!(f, "{whole}"),
            None => write!(f, "{}.5", self.halves / 2),
        }
    }
}

/// Written as its value in a string (`"2"`, `"2.5"`), as decimals are; read from that or
/// from a JSON integer.
#[cfg(feature = "serde")]
impl serde::Serialize for Rank {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::serde_decimal::serialize(&self.value(), serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Rank {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rank, D::Error> {
        let value = crate::serde_decimal::deserialize(deserializer)?;
        Rank::try_from(value).map_err(serde::de::Error::custom)
    }
}

/// Ranks for items already sorted best first, given the size of each run of tied items
/// (for an ordinal ranking every run has size 1).
///
/// Positions are at most the number of items, a length held in memory, so the saturating
/// additions below never saturate.
pub(crate) fn ranks(method: &TieMethod, tie_runs: &[usize]) -> Vec<Rank> {
    let mut ranks = Vec::with_capacity(
        tie_runs
            .iter()
            .fold(0usize, |n, size| n.saturating_add(*size)),
    );
    let mut before = 0usize;
    for (run_number, &size) in tie_runs.iter().enumerate() {
        for offset in 0..size {
            let rank = match method {
                TieMethod::Competition => Rank::from_position(before.saturating_add(1)),
                TieMethod::Dense => Rank::from_position(run_number.saturating_add(1)),
                TieMethod::Ordinal { .. } => {
                    Rank::from_position(before.saturating_add(offset).saturating_add(1))
                }
                // Mean of positions before+1 ..= before+size: (2·before + size + 1) / 2,
                // a whole or half number: its double is whole.
                TieMethod::Fractional => Rank::from_halves(
                    before
                        .saturating_mul(2)
                        .saturating_add(size)
                        .saturating_add(1),
                ),
            };
            ranks.push(rank);
        }
        before = before.saturating_add(size);
    }
    ranks
}

/// Highest first, with values that do not apply (`None`) after all others.
pub(crate) fn descending<T: Ord>(a: Option<&T>, b: Option<&T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(method: &TieMethod, runs: &[usize]) -> Vec<String> {
        ranks(method, runs).iter().map(Rank::to_string).collect()
    }

    /// Runs of tied items, then the competition, dense and fractional ranks.
    type Case = (
        &'static [usize],
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    );

    #[test]
    fn each_method_ranks_tie_runs_as_documented() {
        let ordinal = TieMethod::ordinal([]);
        // (runs of tied items, competition, dense, fractional); ordinal is always 1..=n.
        let table: [Case; 7] = [
            (&[], &[], &[], &[]),
            (&[1], &["1"], &["1"], &["1"]),
            (
                &[1, 2, 1],
                &["1", "2", "2", "4"],
                &["1", "2", "2", "3"],
                &["1", "2.5", "2.5", "4"],
            ),
            (
                &[4],
                &["1", "1", "1", "1"],
                &["1", "1", "1", "1"],
                &["2.5", "2.5", "2.5", "2.5"],
            ),
            (
                &[3, 1],
                &["1", "1", "1", "4"],
                &["1", "1", "1", "2"],
                &["2", "2", "2", "4"],
            ),
            (
                &[1, 3, 2],
                &["1", "2", "2", "2", "5", "5"],
                &["1", "2", "2", "2", "3", "3"],
                &["1", "3", "3", "3", "5.5", "5.5"],
            ),
            (
                &[2, 2],
                &["1", "1", "3", "3"],
                &["1", "1", "2", "2"],
                &["1.5", "1.5", "3.5", "3.5"],
            ),
        ];
        for (runs, competition, dense, fractional) in table {
            assert_eq!(
                shown(&TieMethod::Competition, runs),
                competition,
                "{runs:?}"
            );
            assert_eq!(shown(&TieMethod::Dense, runs), dense, "{runs:?}");
            assert_eq!(shown(&TieMethod::Fractional, runs), fractional, "{runs:?}");
            let n: usize = runs.iter().sum();
            let expected: Vec<String> = (1..=n).map(|p| p.to_string()).collect();
            let singles = vec![1; n];
            assert_eq!(shown(&ordinal, &singles), expected);
        }
    }

    #[test]
    fn fractional_ranks_are_exact_halves() {
        let ranks = ranks(&TieMethod::Fractional, &[1, 2]);
        assert_eq!(ranks[1].value(), Decimal::new(25, 1));
        assert_eq!(ranks[1].as_whole(), None);
        assert_eq!(ranks[0].as_whole(), Some(1));
    }

    #[test]
    fn not_applicable_sorts_last() {
        let one = Some(Decimal::ONE);
        assert_eq!(
            descending(one.as_ref(), Some(&Decimal::TWO)),
            Ordering::Greater
        );
        assert_eq!(descending(one.as_ref(), None), Ordering::Less);
        assert_eq!(descending(None, one.as_ref()), Ordering::Greater);
        assert_eq!(descending::<Decimal>(None, None), Ordering::Equal);
    }
}
