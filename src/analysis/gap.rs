//! What it takes to move up: the points a ranked unit needs for a grade or a rank, the points
//! it can still gain, and the leaves where it lost most. Documented on [`Gap`].

use std::fmt;

use rust_decimal::Decimal;

use crate::accountability::{Accountability, LostLeaf};
#[cfg(doc)]
use crate::analysis::plan::Action;
use crate::analysis::plan::{LeafState, Plan, Step};
use crate::code::Code;
use crate::error::{Error, ErrorKind, Operation};
use crate::exact::Exact;
use crate::framework::{Combine, NotApplicablePolicy};
use crate::grade::{GradeBand, GradeScale};
use crate::math::{checked_add, checked_mul_div, checked_signed_sum, checked_sub, checked_sum};
use crate::ranking::{RankedUnit, Ranking, ValueBasis};
use crate::rounding::{Rounding, RoundingPolicy};
use crate::rule::Rule;
use crate::scorecard::Scorecard;
use crate::tie::{Rank, TieMethod};

/// The rule of a leaf that declares none.
const DIRECT: Rule = Rule::Direct;

/// What a unit aims for.
///
/// # Examples
///
/// ```
/// use par_index::analysis::gap::Goal;
/// use par_index::analysis::gap::Gap;
/// use par_index::{Cohort, Entry, Exact, Framework, GradeScale, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("a", "40", "55")?, score("c", "35.5", "50")?]; // 95 and 85.5
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let gap = Gap::new(&ranking, "c")?;
/// let target = gap.to_next_grade(&GradeScale::national())?.unwrap();
/// assert_eq!(target.goal, Goal::Grade { label: "A".into(), min: 90.into() });
/// assert_eq!(target.goal.to_string(), "grade A (from 90)");
/// assert_eq!(gap.to_rank(1)?.goal.to_string(), "rank 1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Goal {
    /// A grade of a [`GradeScale`], reached at its threshold (inclusive).
    Grade {
        /// The grade's label.
        label: String,
        /// Its threshold, in percent.
        #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
        min: Decimal,
    },
    /// A rank or better in the unit's ranking.
    Rank(Rank),
}

impl fmt::Display for Goal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Goal::Grade { label, min } => write!(f, "grade {label} (from {min})"),
            Goal::Rank(rank) => write!(f, "rank {rank}"),
        }
    }
}

/// The least a unit must gain to reach a goal.
///
/// All figures are [`Exact`]. `points` are points of the unit's total (the scale of
/// [`Scorecard::points`]); the goal is reached with `points` more points or any number above
/// them when `inclusive`, and only with more than `points` when not (a rounding mode such as
/// half toward zero, or a tie that does not count, leaves no least number, only a bound).
///
/// # Examples
///
/// ```
/// use par_index::analysis::gap::Gap;
/// use par_index::{Cohort, Entry, Exact, Framework, GradeScale, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("a", "40", "55")?, score("c", "35.5", "50")?]; // 95 and 85.5
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let gap = Gap::new(&ranking, "c")?;
/// let target = gap.to_next_grade(&GradeScale::national())?.unwrap();
/// let needed = target.needed().unwrap();
/// // 89.995 publishes as 90.00: group A is 4.495 points away.
/// assert_eq!(needed.index, "89.995".parse::<Exact>()?);
/// assert!(needed.inclusive);
/// assert_eq!(needed.points, "4.495".parse::<Exact>()?);
/// // Points entered with one decimal: 4.5.
/// assert_eq!(needed.points_at(1)?.to_string(), "4.5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PointsNeeded {
    /// The smallest increase that reaches the goal (`inclusive`), or the increase the unit
    /// must exceed.
    pub points: Exact,
    /// Whether `points` themselves reach the goal.
    pub inclusive: bool,
    /// The exact index that reaches the goal (`inclusive`), or that the unit must exceed:
    /// 89.995 for a grade from 90 graded on an index published with two decimals, half away
    /// from zero.
    pub index: Exact,
}

impl PointsNeeded {
    /// The smallest multiple of 10<sup>−places</sup> points that reaches the goal, for
    /// points entered with `places` decimals (at most
    /// [`RoundingPolicy::MAX_DECIMAL_PLACES`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooManyDecimalPlaces`] beyond that; [`ErrorKind::Overflow`], which the
    /// points of a scorecard do not reach.
    pub fn points_at(&self, places: u32) -> Result<Decimal, Error> {
        RoundingPolicy::new(places, Rounding::AwayFromZero)?;
        let overflow = || {
            ErrorKind::Overflow {
                operation: Operation::Rounding,
                left: self.points.to_decimal(),
                right: Decimal::from(places),
                context: "the points needed".to_owned(),
            }
            .into()
        };
        // Points needed are never negative: away from zero rounds up, toward zero down.
        if self.inclusive {
            return self
                .points
                .round(places, Rounding::AwayFromZero)
                .ok_or_else(overflow);
        }
        let floor = self
            .points
            .round(places, Rounding::TowardZero)
            .ok_or_else(overflow)?;
        let step = Exact::from(floor).add(&Exact::from(Decimal::new(1, places)));
        step.round(places, Rounding::TowardZero)
            .ok_or_else(overflow)
    }
}

/// Whether a goal is reached, within reach, or out of reach.
///
/// # Examples
///
/// ```
/// use par_index::analysis::gap::Reach;
/// use par_index::analysis::gap::Gap;
/// use par_index::{Cohort, Entry, Exact, Framework, GradeScale, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("a", "40", "55")?, score("c", "35.5", "50")?]; // 95 and 85.5
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let gap = Gap::new(&ranking, "c")?;
/// assert!(matches!(gap.to_rank(1)?.reach, Reach::Reachable(_)));
/// assert_eq!(Gap::new(&ranking, "a")?.to_rank(1)?.reach, Reach::Reached);
/// let target = gap.to_next_grade(&GradeScale::national())?.unwrap();
/// assert!(matches!(target.reach, Reach::Reachable(ref needed) if needed.points.to_string() == "4.495"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Reach {
    /// The unit is there already.
    Reached,
    /// The unit gets there by gaining these points, no more than it can still gain.
    Reachable(PointsNeeded),
    /// The unit would need these points, but even every point still open would not do (or
    /// the goal asks for an index above 100).
    Unreachable(PointsNeeded),
}

/// How far a unit stands from one goal.
///
/// # Examples
///
/// ```
/// use par_index::analysis::gap::Gap;
/// use par_index::{Cohort, Entry, Exact, Framework, GradeScale, RankingOptions};
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Chỉ đạo, điều hành", 40.into())
///     .domain("2", "Thủ tục hành chính", 60.into())
///     .build()?;
/// let score = |unit: &str, first: &str, second: &str| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     assessment.push(Entry::new("1".parse()?).with_appraised(first.parse()?));
///     assessment.push(Entry::new("2".parse()?).with_appraised(second.parse()?));
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [score("a", "40", "55")?, score("c", "35.5", "50")?]; // 95 and 85.5
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let gap = Gap::new(&ranking, "c")?;
/// // Rank 1: level with a at 95.00 shares it, for 9.495 of the 14.5 open points.
/// let target = gap.to_rank(1)?;
/// assert!(target.is_reachable());
/// assert_eq!(target.points(), Some("9.495".parse::<Exact>()?));
/// assert_eq!(target.open_points, "14.5".parse::<Exact>()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Target {
    /// The goal.
    pub goal: Goal,
    /// Reached, reachable with so many points, or out of reach.
    pub reach: Reach,
    /// The points the unit can still gain: its lost points.
    pub open_points: Exact,
}

impl Target {
    /// True when the goal is reached or reachable.
    pub fn is_reachable(&self) -> bool {
        !matches!(self.reach, Reach::Unreachable(_))
    }

    /// The points needed: 0 when reached, `None` when out of reach.
    pub fn points(&self) -> Option<Exact> {
        match &self.reach {
            Reach::Reached => Some(Exact::ZERO),
            Reach::Reachable(needed) => Some(needed.points.clone()),
            Reach::Unreachable(_) => None,
        }
    }

    /// What is needed, unless the goal is reached.
    pub fn needed(&self) -> Option<&PointsNeeded> {
        match &self.reach {
            Reach::Reached => None,
            Reach::Reachable(needed) | Reach::Unreachable(needed) => Some(needed),
        }
    }
}

/// What a ranked unit needs to reach the next grade or a better rank, what it can still gain,
/// and where it lost most: the questions officials ask once a table is published.
///
/// Built from the unit's [`Scorecard`], the [`Ranking`] it is ranked in and the
/// [`Framework`](crate::Framework); other units stay as they are.
///
/// # Points
///
/// Points are points of the unit's total, as [`Scorecard::points`] and
/// [`Scorecard::lost_points`] count them. The index is
/// `(points + adjustments) ÷ effective maximum × 100`, kept within 0–100, so the smallest
/// gain that brings the index to a bound `b` is `b × effective maximum ÷ 100 − points −
/// adjustments`, computed exactly. Leaves that do not apply stay that way: the unit can gain
/// only its lost points ([`Gap::open_points`]), and [`Gap::max_index`] is its index with all
/// of them.
///
/// Bounds and points are [`Exact`]: where a bound is an index that does not end (another
/// unit's exact index, when the ranking is on exact values), the points are the true ones,
/// 2.79 where the other unit has 2.79 points.
///
/// # Grades
///
/// A grade is reached on the value the ranking grades ([`RankingOptions::grade_basis`]):
/// by default the published index, rounded by the ranking's policy. With two decimals, half
/// away from zero, a grade from 90 is reached by an exact index of 89.995, which publishes
/// as 90.00; so the points needed are those that bring the exact index to 89.995. Every
/// rounding mode has its own bound; under half toward zero (89.995 → 89.99) there is no least
/// index, only one to exceed, and [`PointsNeeded::inclusive`] is false.
///
/// # Ranks
///
/// The unit is ranked again among the other ranked units, which stay put, with the ranking's
/// value basis and tie method. A tie counts as the tie method ranks it: with competition
/// ranking ("1224"), tying the unit now at the target rank gives that rank, so the points
/// needed are those that bring the unit level with it (on the published index by default:
/// showing the same figure is enough); with dense ranking likewise; with fractional ranking a
/// tie gives the mean of the tied positions, which may or may not be good enough; with
/// ordinal ranking a tie is decided by the unit identifiers. In an ordinal ranking with
/// tie-breakers, ties are not counted as won, since the tie-breakers depend on where the
/// points are gained: the points given pass the other unit outright, which is enough but
/// may be more than needed (and a goal reported out of reach may be reached by winning such
/// a tie at full points).
///
/// # Examples
///
/// ```
/// use par_index::{Cohort, Entry, Exact, Framework, GradeScale, RankingOptions, analysis::gap::{Gap, Reach}};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo index")
///     .domain("1", "Chỉ đạo, điều hành", Decimal::from(40))
///     .child("1", "1.1", "Kế hoạch CCHC", Decimal::from(20))
///     .child("1", "1.2", "Hoàn thành kế hoạch", Decimal::from(20))
///     .domain("2", "Thủ tục hành chính", Decimal::from(60))
///     .child("2", "2.1", "Hồ sơ đúng hạn", Decimal::from(30))
///     .child("2", "2.2", "Xin lỗi hồ sơ trễ hạn", Decimal::from(30))
///     .build()?;
/// let score = |unit: &str, points: [&str; 4]| -> Result<_, Box<dyn std::error::Error>> {
///     let mut assessment = framework.assessment(unit, "2024".parse()?);
///     for (code, points) in ["1.1", "1.2", "2.1", "2.2"].into_iter().zip(points) {
///         assessment.push(Entry::new(code.parse()?).with_appraised(points.parse()?)
///             .with_note(if code == "2.1" { "late dossiers" } else { "" }));
///     }
///     Ok(framework.score(&assessment)?)
/// };
/// let cards = [
///     score("a", ["20", "20", "30", "25"])?,    // 95.00
///     score("b", ["20", "18", "25", "25"])?,    // 88.00
///     score("c", ["20", "15.5", "25", "25"])?,  // 85.50
/// ];
/// let ranking = Cohort::new(&framework, cards)?.rank_with(&RankingOptions::national())?;
/// let gap = Gap::new(&ranking, "c")?;
///
/// // Group A from 90: 89.995 publishes as 90.00, so 4.495 points are enough.
/// let a = gap.to_next_grade(&GradeScale::national())?.unwrap();
/// assert_eq!(a.points(), Some("4.495".parse::<Exact>()?));
/// // Rank 2: level with b on the published index (87.995 shows as 88.00) shares rank 2.
/// let second = gap.to_rank(2)?;
/// assert_eq!(second.points(), Some("2.495".parse::<Exact>()?));
/// // Rank 1: level with a at 95.00 shares it, for 9.495 of the 14.5 open points.
/// assert_eq!(gap.to_rank(1)?.points(), Some("9.495".parse::<Exact>()?));
/// assert_eq!(gap.open_points(), "14.5".parse::<Exact>()?);
///
/// // Where c lost most, by lost points then code, and a greedy plan for group A.
/// let worst: Vec<(String, String)> = gap.lost_leaves().iter()
///     .map(|l| (l.code.to_string(), l.lost.to_string())).collect();
/// assert_eq!(worst, [("2.1".into(), "5".into()), ("2.2".into(), "5".into()), ("1.2".into(), "4.5".into())]);
/// let plan = gap.plan("4.495".parse::<Exact>()?)?;
/// let step = &plan.steps[0]; // points scored by judgement: the appraisal team's to give
/// assert_eq!((step.code.as_str(), step.points_after.to_string().as_str()), ("2.1", "29.495"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`RankingOptions::grade_basis`]: crate::RankingOptions::grade_basis
#[derive(Debug, Clone)]
pub struct Gap<'a> {
    ranking: &'a Ranking,
    scorecard: &'a Scorecard,
    standing: &'a RankedUnit,
    accountability: Option<&'a Accountability>,
}

impl<'a> Gap<'a> {
    /// The gap of `unit`, one of the ranked units of `ranking`: its scorecard and framework
    /// are the ranking's own.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotInRanking`] when the unit is not among the ranked units.
    pub fn new(ranking: &'a Ranking, unit: &str) -> Result<Gap<'a>, Error> {
        let (scorecard, standing) = ranked_standing(ranking, unit)?;
        Ok(Gap {
            ranking,
            scorecard,
            standing,
            accountability: None,
        })
    }

    /// Names the agency that answers for each lost leaf ([`Accountability::lead_of`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::AssignmentFrameworkMismatch`] when the assignments are for another
    /// framework.
    pub fn with_accountability(
        mut self,
        accountability: &'a Accountability,
    ) -> Result<Gap<'a>, Error> {
        accountability.check_framework(self.ranking.framework())?;
        self.accountability = Some(accountability);
        Ok(self)
    }

    /// The unit as ranked: its rank, index and grade.
    pub fn standing(&self) -> &RankedUnit {
        self.standing
    }

    /// The points the unit can still gain: its lost points, the most any goal can take.
    pub fn open_points(&self) -> Exact {
        self.scorecard.lost_points()
    }

    /// The exact index the unit would have with every open point gained: 100, less what its
    /// adjustments take off (more is clamped to 100).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`].
    pub fn max_index(&self) -> Result<Exact, Error> {
        let at = self.context();
        let max = self.scorecard.effective_max();
        let adjusted = checked_add(max, &adjustments(self.scorecard, &at)?, &at)?;
        let index = checked_mul_div(&adjusted, &Exact::ONE_HUNDRED, max, &at)?;
        Ok(index.clamp(Exact::ZERO, Exact::ONE_HUNDRED))
    }

    /// The points to the grade above the unit's in `scale` (the lowest grade, for an
    /// ungraded unit); `None` when the unit is in the highest grade.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Overflow`].
    pub fn to_next_grade(&self, scale: &GradeScale) -> Result<Option<Target>, Error> {
        let graded = self
            .standing
            .index_value(self.ranking.options().grade_basis);
        // Grades are listed from the highest threshold down: the next one up is the last
        // whose threshold is above the unit's value.
        match scale.bands().iter().rev().find(|band| graded < band.min) {
            Some(band) => self.grade_target(band).map(Some),
            None => Ok(None),
        }
    }

    /// The points to the grade `label` of `scale`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownGrade`] for a label the scale does not have; [`ErrorKind::Overflow`].
    pub fn to_grade(&self, scale: &GradeScale, label: &str) -> Result<Target, Error> {
        let band = scale
            .bands()
            .iter()
            .find(|band| band.label == label)
            .ok_or_else(|| ErrorKind::UnknownGrade {
                grade: label.to_owned(),
                labels: scale
                    .bands()
                    .iter()
                    .map(|b| b.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        self.grade_target(band)
    }

    /// The points to rank `rank` or better, the other units staying put (see the type's
    /// documentation for ties).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTargetRank`] for a rank outside 1 to the number of ranked units;
    /// [`ErrorKind::Overflow`].
    pub fn to_rank(&self, rank: u32) -> Result<Target, Error> {
        let units = self.ranking.len();
        if rank == 0 || usize::try_from(rank).map_or(true, |r| r > units) {
            return Err(ErrorKind::InvalidTargetRank {
                unit: self.standing.unit.clone(),
                rank,
                units,
            }
            .into());
        }
        let wanted = Rank::whole(rank);
        let goal = Goal::Rank(wanted);
        if self.standing.rank.is_some_and(|r| r <= wanted) {
            return Ok(self.reached(goal));
        }
        let at = self.context();
        let options = self.ranking.options();
        let policy = &options.rounding;
        let basis = options.basis;
        let unit = self.standing.unit.as_str();
        let own = self.standing.index_value(options.basis);
        let ties_count = !matches!(
            &options.tie_method,
            TieMethod::Ordinal { tie_breakers } if !tie_breakers.is_empty()
        );
        let reaches = |value: &Exact| {
            self.ranking
                .rank_value_among_others(unit, value.clone())
                .is_some_and(|r| r <= wanted)
        };

        // The unit's rank only improves as its value rises, and is constant on each piece
        // of the value line cut by the other units' values: level with a value, or between
        // two. The first piece from the bottom that gives the rank is the least gain.
        let mut values: Vec<Exact> = self
            .ranking
            .units()
            .iter()
            .filter(|u| u.unit != unit)
            .map(|u| u.index_value(options.basis))
            .filter(|v| *v >= own)
            .collect();
        values.sort();
        values.dedup();
        let mut bound = None;
        for (i, value) in values.iter().enumerate() {
            if ties_count && *value > own && reaches(value) {
                bound = Some(at_least(value, basis, policy, &at)?);
                break;
            }
            let next = values.get(i.saturating_add(1));
            let between = match basis {
                ValueBasis::Published => {
                    let up = value.add(&grid_unit(policy));
                    (next != Some(&up)).then_some(up)
                }
                // Exact values: the midpoint lies strictly between two distinct values.
                ValueBasis::Exact => match next {
                    Some(next) => value.add(next).div(&Exact::from(2u8)),
                    None => Some(value.add(&Exact::ONE)),
                },
            };
            if between.as_ref().is_some_and(reaches) {
                bound = Some(above(value, basis, policy, &at)?);
                break;
            }
        }
        // Passing every other unit always gives rank 1.
        let bound = match bound {
            Some(bound) => bound,
            None => above(values.last().unwrap_or(&own), basis, policy, &at)?,
        };
        self.target(goal, bound)
    }

    /// The leaves where the unit lost points, most lost first (ties by code), each with its
    /// note and, with [`Gap::with_accountability`], the agency that answers for it. Leaves
    /// that do not apply are left out.
    ///
    /// Lost points are the leaf's own (its maximum less its points); where every parent sums
    /// its children, as in the PAR Index, they are points of the total too.
    pub fn lost_leaves(&self) -> Vec<LostLeaf> {
        let mut leaves: Vec<LostLeaf> = self
            .scorecard
            .leaves()
            .filter(|leaf| leaf.applicable && leaf.lost_points() > Exact::ZERO)
            .map(|leaf| LostLeaf {
                unit: self.scorecard.unit().to_owned(),
                code: leaf.code.clone(),
                name_vi: self
                    .ranking
                    .framework()
                    .node_by_code(&leaf.code)
                    .map(|n| n.name_vi().to_owned())
                    .unwrap_or_default(),
                points: leaf.points.clone(),
                max_points: leaf.effective_max.clone(),
                lost: leaf.lost_points(),
                lead: self
                    .accountability
                    .and_then(|a| a.lead_of(leaf.code.as_str()))
                    .cloned(),
                note: leaf
                    .leaf
                    .as_ref()
                    .map(|d| d.note.clone())
                    .unwrap_or_default(),
            })
            .collect();
        leaves.sort_by(|a, b| b.lost.cmp(&a.lost).then_with(|| a.code.cmp(&b.code)));
        leaves
    }

    /// A plan in real actions to gain at least `points`: on the leaves where the unit lost
    /// most (in the order of [`Gap::lost_leaves`]), each step the least action the leaf's
    /// rule rewards with the points still missing, or the most it can give:
    ///
    /// - a yes/no leaf is met, for its points ([`Action::MeetRequirement`]);
    /// - a leaf of rate or count bands reaches the lowest band that gives the points missing,
    ///   or its top band ([`Action::ReachBand`], [`Action::ReachCount`]);
    /// - a deduction leaf has violations removed, as few as do ([`Action::RemoveViolations`]);
    /// - a proportional or linear leaf on a part of a whole counts more of the same whole
    ///   (`5,359 of 8,037 (212 more): 66.68%`, [`Action::RaiseRate`]), or reaches a rate or a
    ///   value in the reported precision ([`Action::RaisePercent`], [`Action::ReachValue`]);
    /// - a survey leaf reaches a mean ([`Action::RaiseSurveyMean`]);
    /// - only a leaf scored by judgement ([`crate::Rule::Direct`]) is planned
    ///   in points ([`Action::EarnPoints`]).
    ///
    /// Each step's points are what the rule gives for the step's evidence, exactly, less the
    /// leaf's points now; [`Plan::points`] is their exact sum, which may exceed `points`
    /// where an action gives more than was missing ([`Plan::surplus`]). With
    /// [`Gap::with_accountability`] each step names the agency and head that lead its leaf.
    /// [`Plan::changes`] carries the plan out in a [`WhatIf`](crate::analysis::what_if::WhatIf),
    /// which raises the unit's points by exactly [`Plan::points`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::PlanOutOfRange`] for negative points, or more than the leaves' rules can
    /// still give (the open points that actions can reach); [`ErrorKind::PlanUnsupported`]
    /// when a leaf the plan uses is under a parent that rescales or averages its children,
    /// so that its points do not count one for one; [`ErrorKind::Overflow`].
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::analysis::gap::Gap;
    /// use par_index::analysis::plan::Action;
    /// use par_index::{Cohort, Entry, Evidence, Exact, Framework, Rule, language::Language};
    ///
    /// let framework = Framework::builder("demo", "Demo")
    ///     .domain("1", "Tỷ lệ hồ sơ đúng hạn", 8.into())
    ///     .rule(Rule::proportional())
    ///     .domain("2", "Kế hoạch CCHC", 2.into())
    ///     .rule(Rule::yes_no())
    ///     .build()?;
    /// let mut office = framework.assessment("tthcc", "2021".parse()?);
    /// office.push(Entry::new("1".parse()?).with_evidence(Evidence::rate(5_147, 8_037)));
    /// office.push(Entry::new("2".parse()?).with_evidence(Evidence::Flag(false)));
    /// let ranking = Cohort::new(&framework, [framework.score(&office)?])?.rank()?;
    /// let gap = Gap::new(&ranking, "tthcc")?;
    ///
    /// // Half a point: 503 more dossiers on time, not "add 0.5 points".
    /// let plan = gap.plan("0.5".parse::<Exact>()?)?;
    /// assert_eq!(plan.steps[0].action, Action::RaiseRate {
    ///     more: 503.into(), part: 5_650.into(), whole: 8_037.into(), percent: "70.30".parse()?,
    /// });
    /// assert!(plan.points >= plan.asked);
    ///
    /// // Four points: every dossier on time, then the yes/no leaf met for its 2 points.
    /// let plan = gap.plan(Exact::from(4u8))?;
    /// assert_eq!(plan.render_in(Language::Vietnamese).lines().nth(1),
    ///     Some("2. 2 Kế hoạch CCHC: thực hiện đạt yêu cầu (có thay vì không): +2,00 điểm (0,00 → 2,00/2,00)"));
    /// assert_eq!(plan.steps[1].add, Exact::from(2u8));
    /// assert_eq!(plan.points, Exact::from(10u8).sub(ranking.cohort().scorecard("tthcc").unwrap().points()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan(&self, points: impl Into<Exact>) -> Result<Plan, Error> {
        let asked: Exact = points.into();
        let at = self.context();
        let leaves = self.lost_leaves();
        // What actions can still give: on each leaf, the move to its full points.
        let mut reachable = Exact::ZERO;
        for leaf in &leaves {
            let state = self.leaf_state(&leaf.code)?;
            if let Some(best) = state.least_move(&leaf.lost)? {
                let gain = checked_sub(&best.points_after, &state.points, &at)?;
                reachable = checked_add(&reachable, &gain, &at)?;
            }
        }
        if asked.is_negative() || asked > reachable {
            return Err(ErrorKind::PlanOutOfRange {
                unit: self.standing.unit.clone(),
                points: asked.to_decimal(),
                open: reachable.to_decimal(),
            }
            .into());
        }
        let mut missing = asked.clone();
        let mut gained = Exact::ZERO;
        let mut steps = Vec::new();
        for leaf in leaves {
            if missing <= Exact::ZERO {
                break;
            }
            let state = self.leaf_state(&leaf.code)?;
            let Some(found) = state.least_move(&missing.clone().min(leaf.lost.clone()))? else {
                continue;
            };
            self.check_one_for_one(&leaf.code)?;
            let add = checked_sub(&found.points_after, &state.points, &at)?;
            missing = checked_sub(&missing, &add, &at)?;
            gained = checked_add(&gained, &add, &at)?;
            steps.push(Step {
                code: leaf.code,
                name_vi: leaf.name_vi,
                action: found.action,
                evidence: found.evidence,
                add,
                points_before: state.points,
                points_after: found.points_after,
                max_points: leaf.max_points,
                lead: leaf.lead,
            });
        }
        Ok(Plan {
            unit: self.standing.unit.clone(),
            asked,
            points: gained,
            steps,
            rounding: self.ranking.options().rounding,
        })
    }

    /// A leaf of the unit's scorecard as the planner sees it: its rule, maximum, final
    /// points and evidence.
    fn leaf_state(&self, code: &Code) -> Result<LeafState<'a>, Error> {
        let node = self.ranking.framework().node_by_code(code);
        let score = self.scorecard.node(code.as_str());
        let (Some(node), Some(score)) = (node, score) else {
            return Err(ErrorKind::ScorecardMismatch {
                unit: self.standing.unit.clone(),
                framework: self.ranking.framework().id().to_owned(),
            }
            .into());
        };
        Ok(LeafState {
            at: node.node_ref(),
            rule: node.rule().unwrap_or(&DIRECT),
            max: node.max_points(),
            points: score.points.clone(),
            evidence: score.leaf.as_ref().and_then(|l| l.evidence.as_ref()),
        })
    }

    fn grade_target(&self, band: &GradeBand) -> Result<Target, Error> {
        let goal = Goal::Grade {
            label: band.label.clone(),
            min: band.min,
        };
        let options = self.ranking.options();
        if self.standing.index_value(options.grade_basis) >= band.min {
            return Ok(self.reached(goal));
        }
        let at = self.context();
        let bound = at_least(
            &band.min.into(),
            options.grade_basis,
            &options.rounding,
            &at,
        )?;
        self.target(goal, bound)
    }

    fn reached(&self, goal: Goal) -> Target {
        Target {
            goal,
            reach: Reach::Reached,
            open_points: self.open_points(),
        }
    }

    /// The points that bring the exact index to `bound`, exactly, and whether they are open.
    fn target(&self, goal: Goal, bound: Bound) -> Result<Target, Error> {
        let at = self.context();
        let card = self.scorecard;
        let open = self.open_points();
        let level = checked_mul_div(&bound.index, card.effective_max(), &Exact::ONE_HUNDRED, &at)?;
        let reached_now = checked_add(card.points(), &adjustments(card, &at)?, &at)?;
        let points = checked_sub(&level, &reached_now, &at)?.max(Exact::ZERO);
        let inclusive = bound.inclusive;
        // The index is clamped to 100: nothing above it, nor 100 itself when it must be
        // exceeded, is ever reached.
        let possible = bound.index < Exact::ONE_HUNDRED
            || (bound.index == Exact::ONE_HUNDRED && bound.inclusive);
        let within = if inclusive {
            points <= open
        } else {
            points < open
        };
        let needed = PointsNeeded {
            points,
            inclusive,
            index: bound.index,
        };
        let reach = if possible && within {
            Reach::Reachable(needed)
        } else {
            Reach::Unreachable(needed)
        };
        Ok(Target {
            goal,
            reach,
            open_points: open,
        })
    }

    /// Refuses a leaf whose points do not count one for one in the total: a parent (or the
    /// total) that takes a weighted mean, or rescales children some of which do not apply.
    fn check_one_for_one(&self, code: &Code) -> Result<(), Error> {
        let refuse = |node: String| {
            ErrorKind::PlanUnsupported {
                unit: self.standing.unit.clone(),
                code: code.clone(),
                node,
            }
            .into()
        };
        let Some(mut node) = self.ranking.framework().node_by_code(code) else {
            return Err(refuse(code.to_string()));
        };
        while let Some(parent) = self.ranking.framework().parent(node) {
            let applicable =
                self.applicable_max(self.ranking.framework().children(parent).map(|c| c.code()))?;
            if !one_for_one(
                parent.combine(),
                parent.spec().when_not_applicable,
                parent.max_points(),
                applicable,
            ) {
                return Err(refuse(parent.node_ref().to_string()));
            }
            node = parent;
        }
        let applicable =
            self.applicable_max(self.ranking.framework().domains().map(|d| d.code()))?;
        if one_for_one(
            self.ranking.framework().combine(),
            self.ranking.framework().when_not_applicable(),
            self.ranking.framework().total_points(),
            applicable,
        ) {
            Ok(())
        } else {
            Err(refuse("the total".to_owned()))
        }
    }

    /// The effective maxima of the nodes that apply among `codes`, summed.
    fn applicable_max<'c>(&self, codes: impl Iterator<Item = &'c Code>) -> Result<Exact, Error> {
        let maxima = codes
            .filter_map(|code| self.scorecard.node(code.as_str()))
            .filter(|n| n.applicable)
            .map(|n| &n.effective_max);
        checked_sum(maxima, &self.context())
    }

    fn context(&self) -> String {
        format!("the gap of unit {}", self.standing.unit)
    }
}

/// True when a parent passes its children's points on one for one.
fn one_for_one(
    combine: Combine,
    policy: NotApplicablePolicy,
    max: Decimal,
    applicable_max: Exact,
) -> bool {
    match (combine, policy) {
        (Combine::Sum, NotApplicablePolicy::DropMaximum) => true,
        (Combine::Sum, NotApplicablePolicy::Rescale) => applicable_max == max,
        (Combine::WeightedMean, _) => false,
    }
}

/// The scorecard of `unit` and its standing, among the ranked units of `ranking`.
pub(crate) fn ranked_standing<'r>(
    ranking: &'r Ranking,
    unit: &str,
) -> Result<(&'r Scorecard, &'r RankedUnit), Error> {
    ranking
        .cohort()
        .ranked_scorecard(unit)
        .zip(ranking.unit(unit))
        .ok_or_else(|| {
            ErrorKind::NotInRanking {
                unit: unit.to_owned(),
            }
            .into()
        })
}

/// The sum of a scorecard's adjustments.
fn adjustments(scorecard: &Scorecard, at: &dyn fmt::Display) -> Result<Exact, Error> {
    checked_signed_sum(scorecard.adjustments().iter().map(|a| a.points), at)
}

/// A bound on the exact index: at least (`inclusive`) or above `index`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bound {
    index: Exact,
    inclusive: bool,
}

/// One unit in the last published place.
fn grid_unit(policy: &RoundingPolicy) -> Exact {
    Exact::from(Decimal::new(1, policy.decimal_places()))
}

/// The exact indexes whose value on `basis` is `value` or more.
fn at_least(
    value: &Exact,
    basis: ValueBasis,
    policy: &RoundingPolicy,
    at: &dyn fmt::Display,
) -> Result<Bound, Error> {
    match basis {
        ValueBasis::Exact => Ok(Bound {
            index: value.clone(),
            inclusive: true,
        }),
        ValueBasis::Published => published_at_least(value, policy, at),
    }
}

/// The exact indexes whose value on `basis` is above `value`, a value as `basis` shows it.
fn above(
    value: &Exact,
    basis: ValueBasis,
    policy: &RoundingPolicy,
    at: &dyn fmt::Display,
) -> Result<Bound, Error> {
    match basis {
        ValueBasis::Exact => Ok(Bound {
            index: value.clone(),
            inclusive: false,
        }),
        // Published values step by one unit in the last place.
        ValueBasis::Published => {
            published_at_least(&checked_add(value, &grid_unit(policy), at)?, policy, at)
        }
    }
}

/// The exact indexes that publish as `value` or more under `policy`.
///
/// Published values lie on a grid of one unit `u` in the last place; the least grid value at
/// or above `value` is `g`, and each mode rounds up to `g` from its own boundary: half away
/// from zero from `g − u/2` on, half toward zero from above `g − u/2`, half to even as one of
/// those two by the parity of `g`'s last digit, toward zero from `g`, away from zero from
/// above `g − u`.
fn published_at_least(
    value: &Exact,
    policy: &RoundingPolicy,
    at: &dyn fmt::Display,
) -> Result<Bound, Error> {
    let places = policy.decimal_places();
    if *value <= Exact::ZERO {
        // Every index is 0 or more.
        return Ok(Bound {
            index: Exact::ZERO,
            inclusive: true,
        });
    }
    // Above zero, away from zero rounds up.
    let grid = value
        .round(places, Rounding::AwayFromZero)
        .ok_or_else(|| ErrorKind::Overflow {
            operation: Operation::Rounding,
            left: value.to_decimal(),
            right: Decimal::from(places),
            context: at.to_string(),
        })?;
    let even = grid.mantissa() & 1 == 0;
    let grid = Exact::from(grid);
    let unit = Exact::from(Decimal::new(1, places));
    let half = Exact::from(Decimal::new(5, places.saturating_add(1)));
    let (index, inclusive) = match policy.rounding() {
        Rounding::HalfAwayFromZero => (checked_sub(&grid, &half, at)?, true),
        Rounding::HalfTowardZero => (checked_sub(&grid, &half, at)?, false),
        Rounding::HalfEven => (checked_sub(&grid, &half, at)?, even),
        Rounding::TowardZero => (grid, true),
        Rounding::AwayFromZero => (checked_sub(&grid, &unit, at)?, false),
    };
    Ok(Bound { index, inclusive })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn policy(rounding: Rounding) -> RoundingPolicy {
        RoundingPolicy::new(2, rounding).unwrap()
    }

    #[test]
    fn each_rounding_mode_has_its_own_least_published_bound() {
        let cases = [
            (Rounding::HalfAwayFromZero, "90", "89.995", true),
            (Rounding::HalfTowardZero, "90", "89.995", false),
            // 90.00 is even in its last place: 89.995 rounds to it; 89.99 is odd.
            (Rounding::HalfEven, "90", "89.995", true),
            (Rounding::HalfEven, "89.99", "89.985", false),
            (Rounding::TowardZero, "90", "90.00", true),
            (Rounding::AwayFromZero, "90", "89.99", false),
            // A threshold between two published values: the next one up.
            (Rounding::HalfAwayFromZero, "89.991", "89.995", true),
            (Rounding::HalfAwayFromZero, "0", "0", true),
        ];
        for (rounding, value, index, inclusive) in cases {
            let policy = policy(rounding);
            let bound = published_at_least(&d(value).into(), &policy, &"test").unwrap();
            assert_eq!(
                (&bound.index, bound.inclusive),
                (&Exact::from(d(index)), inclusive),
                "{rounding:?} {value}"
            );
            // The bound is the exact edge: what the policy publishes on either side of it.
            let grid = d(value)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToPositiveInfinity);
            let index = bound.index.to_decimal();
            let tiny = d("0.0000000001");
            if index > Decimal::ZERO {
                assert!(policy.apply(index - tiny) < grid, "{rounding:?}");
            }
            assert!(policy.apply(index + tiny) >= grid, "{rounding:?}");
            assert_eq!(policy.apply(index) >= grid, inclusive, "{rounding:?}");
        }
    }

    #[test]
    fn points_at_a_number_of_places_round_up_or_step_past_the_bound() {
        let needed = |points: &str, inclusive: bool| PointsNeeded {
            points: d(points).into(),
            inclusive,
            index: Exact::ZERO,
        };
        assert_eq!(
            needed("4.495", true).points_at(2).unwrap().to_string(),
            "4.50"
        );
        assert_eq!(
            needed("4.49", true).points_at(2).unwrap().to_string(),
            "4.49"
        );
        assert_eq!(
            needed("4.49", false).points_at(2).unwrap().to_string(),
            "4.50"
        );
        assert_eq!(
            needed("4.495", false).points_at(2).unwrap().to_string(),
            "4.50"
        );
        assert_eq!(needed("0", true).points_at(0).unwrap().to_string(), "0");
    }

    #[test]
    fn a_parent_passes_points_on_one_for_one_only_when_it_sums_them_unscaled() {
        let (ten, eight) = (Decimal::TEN, Decimal::from(8));
        assert!(one_for_one(
            Combine::Sum,
            NotApplicablePolicy::DropMaximum,
            ten,
            eight.into()
        ));
        assert!(one_for_one(
            Combine::Sum,
            NotApplicablePolicy::Rescale,
            ten,
            ten.into()
        ));
        assert!(!one_for_one(
            Combine::Sum,
            NotApplicablePolicy::Rescale,
            ten,
            eight.into()
        ));
        assert!(!one_for_one(
            Combine::WeightedMean,
            NotApplicablePolicy::DropMaximum,
            ten,
            ten.into()
        ));
    }
}
