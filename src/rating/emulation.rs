//! Eligibility for the annual emulation award (thi đua, khen thưởng) from a unit's grade.

use std::num::NonZeroU32;

use crate::error::{Error, ErrorKind};
use crate::grade::GradeScale;
use crate::rating::KON_TUM_707;

/// A local grading scale: grade labels, best first, as the province names them (e.g.
/// `Xuất sắc, Tốt, Khá, Trung bình, Yếu`).
///
/// A deliberately small input type: the labels and their order, nothing about thresholds,
/// so that grades computed elsewhere (by any grading method) can be passed in as text.
///
/// # Examples
///
/// ```
/// let grades = par_index::rating::GradeLabels::new(["Tốt", "Khá", "Trung bình", "Yếu"])?;
/// assert_eq!(grades.position("Khá")?, 1);
/// assert!(grades.position("Giỏi").is_err());
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<String>", into = "Vec<String>")
)]
pub struct GradeLabels(Vec<String>);

/// The labels of a validated [`GradeScale`], best first: a scale already guarantees at least
/// one label, none empty and none repeated.
///
/// ```
/// use par_index::{GradeBand, GradeScale, rating::GradeLabels};
/// use rust_decimal::Decimal;
///
/// let scale = GradeScale::new("local (illustrative)", [
///     GradeBand::new("Tốt", Decimal::from(80)),
///     GradeBand::new("Khá", Decimal::from(65)),
///     GradeBand::new("Trung bình", Decimal::ZERO),
/// ])?;
/// assert_eq!(GradeLabels::from(&scale), GradeLabels::new(["Tốt", "Khá", "Trung bình"])?);
/// # Ok::<(), par_index::Error>(())
/// ```
impl From<&GradeScale> for GradeLabels {
    fn from(scale: &GradeScale) -> GradeLabels {
        GradeLabels(
            scale
                .bands()
                .iter()
                .map(|band| band.label.clone())
                .collect(),
        )
    }
}

impl GradeLabels {
    /// Labels, best first.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidGradeLabels`] when there is no label, a label is empty, or one is
    /// repeated.
    pub fn new<I, S>(labels: I) -> Result<GradeLabels, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let labels: Vec<String> = labels.into_iter().map(Into::into).collect();
        if labels.is_empty() {
            return Err(ErrorKind::InvalidGradeLabels {
                reason: "there is no label".to_owned(),
            }
            .into());
        }
        for (i, label) in labels.iter().enumerate() {
            if label.trim().is_empty() {
                return Err(ErrorKind::InvalidGradeLabels {
                    reason: format!("label {} is empty", i.saturating_add(1)),
                }
                .into());
            }
            if labels.iter().take(i).any(|l| l == label) {
                return Err(ErrorKind::InvalidGradeLabels {
                    reason: format!("label {label:?} is repeated"),
                }
                .into());
            }
        }
        Ok(GradeLabels(labels))
    }

    /// The labels, best first.
    pub fn labels(&self) -> &[String] {
        &self.0
    }

    /// A label's position, 0 for the best.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownGrade`] when the label is not on the list.
    pub fn position(&self, grade: &str) -> Result<usize, Error> {
        self.0.iter().position(|l| l == grade).ok_or_else(|| {
            ErrorKind::UnknownGrade {
                grade: grade.to_owned(),
                labels: self.0.join(", "),
            }
            .into()
        })
    }
}

impl TryFrom<Vec<String>> for GradeLabels {
    type Error = Error;

    fn try_from(labels: Vec<String>) -> Result<GradeLabels, Error> {
        GradeLabels::new(labels)
    }
}

impl From<GradeLabels> for Vec<String> {
    fn from(labels: GradeLabels) -> Vec<String> {
        labels.0
    }
}

/// Why a unit (and its head) is not eligible.
///
/// # Examples
///
/// ```
/// use par_index::rating::{EmulationRule, GradeLabels, Ineligibility};
///
/// let grades = GradeLabels::new(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"])?;
/// let rule = EmulationRule::kon_tum_707(grades)?;
/// // "Yếu" is below "Trung bình", and three grades down from "Tốt": both reasons apply.
/// let check = rule.check("Yếu", Some("Tốt"))?;
/// assert_eq!(check.reasons, [
///     Ineligibility::GradeAtOrBelow { grade: "Yếu".into(), threshold: "Trung bình".into() },
///     Ineligibility::Fell { from: "Tốt".into(), to: "Yếu".into(), steps: 3 },
/// ]);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Ineligibility {
    /// The grade is at or below the rule's threshold.
    GradeAtOrBelow {
        /// The unit's grade.
        grade: String,
        /// The threshold.
        threshold: String,
    },
    /// The grade fell by at least the rule's number of grades since the previous period.
    Fell {
        /// The previous grade.
        from: String,
        /// This period's grade.
        to: String,
        /// By how many grades.
        steps: usize,
    },
}

/// Whether a unit and its head may be considered for the emulation award.
///
/// # Examples
///
/// ```
/// use par_index::rating::{EmulationRule, GradeLabels};
///
/// let grades = GradeLabels::new(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"])?;
/// let rule = EmulationRule::kon_tum_707(grades)?;
/// let kept = rule.check("Tốt", Some("Xuất sắc"))?; // one grade down is allowed
/// assert!(kept.eligible && kept.reasons.is_empty());
/// let lost = rule.check("Trung bình", None)?;
/// assert!(!lost.eligible);
/// assert_eq!(lost.reasons.len(), 1);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EmulationEligibility {
    /// True when neither the unit nor its head loses eligibility.
    pub eligible: bool,
    /// Every reason that applies (both, when the grade is low and fell).
    pub reasons: Vec<Ineligibility>,
}

/// A consequence rule: a unit graded at or below a threshold, or one whose grade fell by
/// some number of grades since the previous period, is not considered for that year's
/// emulation award, and neither is its head.
///
/// # Examples
///
/// ```
/// use par_index::{rating::{EmulationRule, GradeLabels, Ineligibility}};
///
/// // Kon Tum's labels were not found; these are an example.
/// let grades = GradeLabels::new(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"])?;
/// let rule = EmulationRule::kon_tum_707(grades)?;
/// assert!(rule.check("Khá", Some("Tốt"))?.eligible);
/// let fell = rule.check("Khá", Some("Xuất sắc"))?;
/// assert_eq!(fell.reasons, [Ineligibility::Fell { from: "Xuất sắc".into(), to: "Khá".into(), steps: 2 }]);
/// assert!(!rule.check("Trung bình", None)?.eligible);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct EmulationRule {
    /// The grading scale.
    pub grades: GradeLabels,
    /// The best grade that already makes a unit ineligible; worse grades do too.
    pub ineligible_at_or_below: String,
    /// A fall of this many grades or more since the previous period makes a unit
    /// ineligible; `None` for no such rule.
    #[cfg_attr(feature = "serde", serde(default))]
    pub ineligible_fall: Option<NonZeroU32>,
    /// Where the rule comes from.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sources: Vec<String>,
}

impl EmulationRule {
    /// Kon Tum 707/QĐ-UBND: a unit graded "Trung bình" or lower, or one that fell two grades
    /// against the previous year, is not considered for the comprehensive emulation award or
    /// rewards that year, nor is its head
    /// (<http://kkt-kontum.com/bo-tieu-chi-xac-dinh-chi-so-cai-cach-hanh-chinh-cua-cac-co-quan-tren-dia-ban-tinh-kon-tum.p-1825.html>).
    /// A fall of more than two grades counts too (the library's reading). Kon Tum's own
    /// grade labels and thresholds were not found, so the scale is the caller's; it must
    /// contain "Trung bình".
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownGrade`] when `grades` has no "Trung bình".
    pub fn kon_tum_707(grades: GradeLabels) -> Result<EmulationRule, Error> {
        let threshold = "Trung bình";
        grades.position(threshold)?;
        Ok(EmulationRule {
            grades,
            ineligible_at_or_below: threshold.to_owned(),
            ineligible_fall: NonZeroU32::new(2),
            sources: vec![KON_TUM_707.to_owned()],
        })
    }

    /// Checks a unit's grade this period, and the previous period's if known.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownGrade`] when a grade, or the rule's threshold, is not on the scale.
    pub fn check(
        &self,
        grade: &str,
        previous: Option<&str>,
    ) -> Result<EmulationEligibility, Error> {
        let threshold = self.grades.position(&self.ineligible_at_or_below)?;
        let now = self.grades.position(grade)?;
        let mut reasons = Vec::new();
        if now >= threshold {
            reasons.push(Ineligibility::GradeAtOrBelow {
                grade: grade.to_owned(),
                threshold: self.ineligible_at_or_below.clone(),
            });
        }
        if let Some(previous) = previous {
            let before = self.grades.position(previous)?;
            let steps = now.saturating_sub(before);
            let limit = self
                .ineligible_fall
                .and_then(|n| usize::try_from(n.get()).ok());
            if limit.is_some_and(|limit| steps >= limit) {
                reasons.push(Ineligibility::Fell {
                    from: previous.to_owned(),
                    to: grade.to_owned(),
                    steps,
                });
            }
        }
        Ok(EmulationEligibility {
            eligible: reasons.is_empty(),
            reasons,
        })
    }
}
