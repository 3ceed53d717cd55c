//! Grades (xếp loại, nhóm): named bands of the index, kept as data.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind};

/// One grade of a [`GradeScale`]: a label and the lowest index (in percent) it covers.
///
/// The lower bound is inclusive: a grade starting at 90 covers 90.00 and everything above it
/// up to the next grade's threshold (exclusive).
///
/// # Examples
///
/// ```
/// use par_index::{Decimal, GradeBand, GradeScale};
///
/// let scale = GradeScale::new("xếp loại (illustrative)", [
///     GradeBand::new("Xuất sắc", 90.into()),
///     GradeBand::new("Tốt", 80.into()),
/// ])?;
/// let band = scale.grade(&Decimal::from(80)).unwrap();
/// assert_eq!(band, &GradeBand::new("Tốt", 80.into()));
/// assert_eq!(band.min.to_string(), "80");
/// assert!(scale.grade(&"79.99".parse::<Decimal>()?).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GradeBand {
    /// The grade's label: `A`, `Tốt`, `Xuất sắc`.
    pub label: String,
    /// The lowest index the grade covers, in percent (inclusive).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub min: Decimal,
}

impl GradeBand {
    /// A grade from its label and inclusive lower bound.
    pub fn new(label: impl Into<String>, min: Decimal) -> GradeBand {
        GradeBand {
            label: label.into(),
            min,
        }
    }
}

/// A validated scale of grades: national groups (A, B, C) or a province's own classification
/// (Tốt / Khá / Trung bình / Yếu, or Xuất sắc / Tốt / Khá …).
///
/// Grades are listed from the highest threshold down; each covers its threshold (inclusive)
/// up to the threshold of the grade above (exclusive). An index below the lowest threshold
/// has no grade; to grade everything, give the lowest grade a threshold of 0.
///
/// A scale grades whatever number it is given. [`Ranking`](crate::Ranking)s grade the
/// *published* index by default, so that the grade agrees with the figure printed beside it:
/// an exact 89.995 publishes as 90.00 and is graded A, not B (see
/// [`RankingOptions::grade_basis`](crate::RankingOptions::grade_basis)).
///
/// # Examples
///
/// ```
/// use par_index::{GradeBand, GradeScale};
/// use rust_decimal::Decimal;
///
/// let national = GradeScale::national();
/// assert_eq!(national.grade(&Decimal::from(90)).map(|g| g.label.as_str()), Some("A"));
/// assert_eq!(national.grade(&"89.99".parse::<Decimal>()?).map(|g| g.label.as_str()), Some("B"));
/// assert_eq!(national.grade(&"69.99".parse::<Decimal>()?), None); // ungraded
///
/// // A local classification; these thresholds are illustrative, each province sets its own.
/// let local = GradeScale::new("xếp loại sở (illustrative)", [
///     GradeBand::new("Tốt", Decimal::from(80)),
///     GradeBand::new("Khá", Decimal::from(65)),
///     GradeBand::new("Trung bình", Decimal::from(50)),
///     GradeBand::new("Yếu", Decimal::ZERO),
/// ])?;
/// assert_eq!(local.grade(&"82.08".parse::<Decimal>()?).map(|g| g.label.as_str()), Some("Tốt"));
/// assert_eq!(local.grade(&"12".parse::<Decimal>()?).map(|g| g.label.as_str()), Some("Yếu"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "GradeScaleSpec"))]
pub struct GradeScale {
    name: String,
    bands: Vec<GradeBand>,
}

/// The unvalidated form a scale is read from.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GradeScaleSpec {
    name: String,
    bands: Vec<GradeBand>,
}

#[cfg(feature = "serde")]
impl TryFrom<GradeScaleSpec> for GradeScale {
    type Error = Error;

    fn try_from(spec: GradeScaleSpec) -> Result<GradeScale, Error> {
        GradeScale::new(spec.name, spec.bands)
    }
}

impl GradeScale {
    /// A scale from its grades, listed from the highest threshold down.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::EmptyGradeScale`] without grades, [`ErrorKind::EmptyGradeLabel`],
    /// [`ErrorKind::DuplicateGradeLabel`], [`ErrorKind::GradeThresholdOutOfRange`] for a threshold
    /// outside 0 to 100, [`ErrorKind::DuplicateGradeThreshold`] and
    /// [`ErrorKind::GradeThresholdsNotDescending`].
    pub fn new(
        name: impl Into<String>,
        bands: impl IntoIterator<Item = GradeBand>,
    ) -> Result<GradeScale, Error> {
        let name = name.into();
        let bands: Vec<GradeBand> = bands.into_iter().collect();
        if bands.is_empty() {
            return Err(ErrorKind::EmptyGradeScale { scale: name }.into());
        }
        let mut previous: Option<&GradeBand> = None;
        let mut labels: HashSet<&str> = HashSet::with_capacity(bands.len());
        for band in &bands {
            if band.label.trim().is_empty() {
                return Err(ErrorKind::EmptyGradeLabel { scale: name }.into());
            }
            if !labels.insert(band.label.as_str()) {
                return Err(ErrorKind::DuplicateGradeLabel {
                    scale: name,
                    label: band.label.clone(),
                }
                .into());
            }
            if band.min < Decimal::ZERO || band.min > Decimal::ONE_HUNDRED {
                return Err(ErrorKind::GradeThresholdOutOfRange {
                    scale: name,
                    label: band.label.clone(),
                    min: band.min,
                }
                .into());
            }
            if let Some(above) = previous {
                if band.min == above.min {
                    return Err(ErrorKind::DuplicateGradeThreshold {
                        scale: name,
                        previous_label: above.label.clone(),
                        label: band.label.clone(),
                        min: band.min,
                    }
                    .into());
                }
                if band.min > above.min {
                    return Err(ErrorKind::GradeThresholdsNotDescending {
                        scale: name,
                        previous_label: above.label.clone(),
                        previous_min: above.min,
                        label: band.label.clone(),
                        min: band.min,
                    }
                    .into());
                }
            }
            previous = Some(band);
        }
        Ok(GradeScale { name, bands })
    }

    /// The national groups of the PAR Index: A from 90%, B from 80% to under 90%, C from
    /// 70% to under 80%; an index under 70% has no group.
    ///
    /// Source: the groups as stated for PAR 2015 (baophapluat.vn; bqlkktcn.thuathienhue.gov.vn)
    /// and for PAR 2024, when the Ministry of Home Affairs placed 13 provinces in group A
    /// (≥ 90%) and 50 in group B (80% to under 90%) (vietnamplus.vn, 2025-04). No source was
    /// found for a group below C; add one with [`GradeScale::with_lowest`] if a report needs it.
    pub fn national() -> GradeScale {
        GradeScale {
            name: "national".to_owned(),
            bands: vec![
                GradeBand::new("A", Decimal::from(90)),
                GradeBand::new("B", Decimal::from(80)),
                GradeBand::new("C", Decimal::from(70)),
            ],
        }
    }

    /// The same scale with one more grade covering every index below its lowest threshold,
    /// such as `D` below the national C.
    ///
    /// # Errors
    ///
    /// As [`GradeScale::new`]: the label must be new and not empty, and the lowest threshold
    /// must be above 0 (otherwise nothing is left below it).
    ///
    /// # Examples
    ///
    /// ```
    /// let scale = par_index::GradeScale::national().with_lowest("D")?;
    /// assert_eq!(scale.grade(&"69.99".parse::<rust_decimal::Decimal>()?).map(|g| g.label.as_str()), Some("D"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_lowest(self, label: impl Into<String>) -> Result<GradeScale, Error> {
        let mut bands = self.bands;
        bands.push(GradeBand::new(label, Decimal::ZERO));
        GradeScale::new(self.name, bands)
    }

    /// The scale's name, used in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The grades, from the highest threshold down.
    pub fn bands(&self) -> &[GradeBand] {
        &self.bands
    }

    /// The grade of an index in percent: the first grade whose threshold it reaches; `None`
    /// below the lowest threshold. The index is a [`Decimal`] or an [`Exact`](crate::Exact),
    /// compared exactly: a true index of 89.99999… is not graded from 90.
    pub fn grade<V: PartialOrd<Decimal> + ?Sized>(&self, index: &V) -> Option<&GradeBand> {
        self.bands.iter().find(|band| *index >= band.min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn label(scale: &GradeScale, index: &str) -> Option<String> {
        scale.grade(&d(index)).map(|band| band.label.clone())
    }

    #[test]
    fn national_groups_are_inclusive_at_each_lower_bound() {
        let national = GradeScale::national();
        let cases = [
            ("100", Some("A")),
            ("90.00", Some("A")),
            ("90", Some("A")),
            ("89.99", Some("B")),
            ("89.9999999", Some("B")),
            ("80", Some("B")),
            ("79.99", Some("C")),
            ("70", Some("C")),
            ("69.99", None),
            ("0", None),
        ];
        for (index, expected) in cases {
            assert_eq!(label(&national, index).as_deref(), expected, "{index}");
        }
    }

    #[test]
    fn a_lowest_grade_covers_everything_below() {
        let scale = GradeScale::national().with_lowest("D").unwrap();
        assert_eq!(label(&scale, "70").as_deref(), Some("C"));
        assert_eq!(label(&scale, "69.99").as_deref(), Some("D"));
        assert_eq!(label(&scale, "0").as_deref(), Some("D"));
        let twice = scale.with_lowest("E").unwrap_err();
        assert_eq!(
            twice.to_string(),
            "grades D and E of scale national both start at 0"
        );
    }

    #[test]
    fn local_thresholds_are_user_data() {
        let scale = GradeScale::new(
            "local",
            [
                GradeBand::new("Xuất sắc", d("95")),
                GradeBand::new("Tốt", d("85")),
                GradeBand::new("Khá", d("70")),
                GradeBand::new("Trung bình", d("50")),
                GradeBand::new("Yếu", d("0")),
            ],
        )
        .unwrap();
        for (index, expected) in [
            ("95", "Xuất sắc"),
            ("94.99", "Tốt"),
            ("85", "Tốt"),
            ("84.99", "Khá"),
            ("70", "Khá"),
            ("69.99", "Trung bình"),
            ("50", "Trung bình"),
            ("49.99", "Yếu"),
            ("0", "Yếu"),
        ] {
            assert_eq!(label(&scale, index).as_deref(), Some(expected), "{index}");
        }
    }

    #[test]
    fn invalid_scales_are_refused_with_the_grade_and_numbers() {
        let band = |label: &str, min: &str| GradeBand::new(label, d(min));
        let cases: Vec<(Vec<GradeBand>, &str)> = vec![
            (vec![], "grade scale s has no grades"),
            (
                vec![band("A", "90"), band(" ", "80")],
                "grade scale s has a grade with an empty label",
            ),
            (
                vec![band("Tốt", "90"), band("Tốt", "80")],
                "grade scale s names grade Tốt twice",
            ),
            (
                vec![band("A", "100.5")],
                "grade A of scale s starts at 100.5; a threshold must be within 0 to 100",
            ),
            (
                vec![band("A", "90"), band("D", "-1")],
                "grade D of scale s starts at -1; a threshold must be within 0 to 100",
            ),
            (
                vec![band("A", "90"), band("B", "90.00")],
                "grades A and B of scale s both start at 90.00",
            ),
            (
                vec![band("C", "70"), band("B", "80")],
                "grade B of scale s starts at 80, above 70 of grade C listed before it; list grades from the highest threshold down",
            ),
        ];
        for (bands, message) in cases {
            assert_eq!(
                GradeScale::new("s", bands).unwrap_err().to_string(),
                message
            );
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn scales_round_trip_and_are_validated_when_read() {
        let scale = GradeScale::national();
        let json = serde_json::to_string(&scale).unwrap();
        assert_eq!(
            json,
            r#"{"name":"national","bands":[{"label":"A","min":"90"},{"label":"B","min":"80"},{"label":"C","min":"70"}]}"#
        );
        assert_eq!(serde_json::from_str::<GradeScale>(&json).unwrap(), scale);
        let bad = r#"{"name":"x","bands":[{"label":"C","min":"70"},{"label":"B","min":"80"}]}"#;
        let error = serde_json::from_str::<GradeScale>(bad).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("grade B of scale x starts at 80, above 70 of grade C"),
            "{error}"
        );
    }
}
