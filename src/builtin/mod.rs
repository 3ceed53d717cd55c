//! Built-in frameworks: official PAR Index methods as far as their public sources verify
//! them, one complete local scorecard, and one illustrative city index.
//!
//! | id | decision | date | verified to |
//! |---|---|---|---|
//! | `vn-par-province-2017` | 2948/QĐ-BNV | 2017-12-28 | domain maxima |
//! | `vn-par-province-2022` | 876/QĐ-BNV | 2022-11-10 | the four-component split (appraisal, socio-economic data, leaders' survey, SIPAS) |
//! | `vn-par-ministry-2022` | 876/QĐ-BNV | 2022-11-10 | the survey share (31.5) |
//! | `vn-hai-phong-heads-2025` | 212/2025/QĐ-UBND | 2025-11-18 | complete (Annex 01) |
//! | `vn-hoi-an-city-illustrative` | none | – | illustrative, not an official annex |
//!
//! The full annexes of the national PAR Index (every criterion and sub-criterion with its
//! points and rule) are not public in a form that could be checked, so the national
//! built-ins stop at the deepest level their sources verify. [`FrameworkInfo::verified_depth`]
//! says which level that is, [`FrameworkInfo::notes`] says what is and is not verified, and
//! [`FrameworkInfo::sources`] lists the URLs. Where a source gives only the number of criteria
//! and sub-criteria in each domain, [`structure`] returns those counts as metadata: no
//! criterion node is invented to carry them.
//!
//! A province or city that holds its complete annex should load it from JSON instead (see
//! [`crate::format`]) and can prove, in its own tests, that the library reproduces its
//! published results (see [`crate::pinning::pin`]).
//!
//! # Examples
//!
//! ```
//! use par_index::{builtin, code::Level};
//! use rust_decimal::Decimal;
//!
//! let framework = builtin::get("vn-par-province-2017")?;
//! assert_eq!(framework.info().verified_depth, Some(Level::Domain));
//! assert_eq!(framework.domains().count(), 8);
//! assert_eq!(framework.node("8").unwrap().max_points(), Decimal::new(155, 1));
//!
//! let ids: Vec<&str> = builtin::list().iter().map(|b| b.id()).collect();
//! assert!(ids.contains(&"vn-hai-phong-heads-2025"));
//!
//! let error = builtin::get("vn-par-province-1999").unwrap_err();
//! assert!(error.to_string().starts_with("there is no built-in framework \"vn-par-province-1999\""));
//! # Ok::<(), par_index::Error>(())
//! ```

use crate::code::Level;
use crate::error::{Error, ErrorKind};
use crate::framework::{Decision, Framework, FrameworkInfo};

mod hai_phong_heads_2025;
mod hoi_an_illustrative;
mod ministry_2022;
mod province_2017;
mod province_2022;

pub use hai_phong_heads_2025::vn_hai_phong_heads_2025;
pub use hoi_an_illustrative::vn_hoi_an_city_illustrative;
pub use ministry_2022::vn_par_ministry_2022;
pub use province_2017::vn_par_province_2017;
pub use province_2022::vn_par_province_2022;

/// The issuer of the national PAR Index decisions.
const BNV: &str = "Bộ Nội vụ";

/// Decision 876/QĐ-BNV, the provincial and ministry PAR Index of 2022 and 2023.
const DECISION_876: Issued = Issued::by_the_ministry("876/QĐ-BNV", "2022-11-10", 2022, Some(2023));

/// Every built-in, in the order [`list`] returns them.
static BUILTINS: [Builtin; 5] = [
    province_2017::BUILTIN,
    province_2022::BUILTIN,
    ministry_2022::BUILTIN,
    hai_phong_heads_2025::BUILTIN,
    hoi_an_illustrative::BUILTIN,
];

/// Every built-in's structure metadata, where its source gives one.
static STRUCTURES: [&Structure; 3] = [
    &province_2017::STRUCTURE,
    &province_2022::STRUCTURE,
    &ministry_2022::STRUCTURE,
];

/// A built-in framework as listed by [`list`]: what it is, without building it.
///
/// The same facts are in the built framework's [`FrameworkInfo`]; both are made from one
/// declaration, so they cannot drift apart.
///
/// # Examples
///
/// ```
/// use par_index::builtin;
///
/// let builtin = builtin::list().iter().find(|b| b.id() == "vn-par-province-2017").unwrap();
/// assert_eq!(builtin.decision(), Some("2948/QĐ-BNV"));
/// assert_eq!(builtin.date(), Some("2017-12-28"));
/// assert!(!builtin.illustrative());
/// let framework = builtin.framework()?;
/// assert_eq!(framework.info().decision.as_ref().unwrap().number, "2948/QĐ-BNV");
/// assert_eq!(framework.total_points().to_string(), "100");
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    id: &'static str,
    title: &'static str,
    title_vi: &'static str,
    /// The decision that issued it; `None` for an illustration, which no decision issued.
    issued: Option<Issued>,
    verified_depth: Option<Level>,
    build: fn() -> Result<Framework, Error>,
}

/// The decision that issued a built-in, and the assessment years it applies to.
#[derive(Debug, Clone, Copy)]
struct Issued {
    number: &'static str,
    date: &'static str,
    issuer: &'static str,
    from: u16,
    until: Option<u16>,
}

impl Issued {
    /// A decision of the Ministry of Home Affairs, which issues the national PAR Index.
    const fn by_the_ministry(
        number: &'static str,
        date: &'static str,
        from: u16,
        until: Option<u16>,
    ) -> Issued {
        Issued {
            number,
            date,
            issuer: BNV,
            from,
            until,
        }
    }
}

impl Builtin {
    /// The framework's id, as [`get`] takes it and assessments name it.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The framework's title.
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// The framework's title in Vietnamese.
    pub fn title_vi(&self) -> &'static str {
        self.title_vi
    }

    /// The decision's number as printed (`2948/QĐ-BNV`); `None` for an illustration.
    pub fn decision(&self) -> Option<&'static str> {
        self.issued.map(|i| i.number)
    }

    /// The decision's date, ISO 8601 (`2017-12-28`); `None` for an illustration.
    pub fn date(&self) -> Option<&'static str> {
        self.issued.map(|i| i.date)
    }

    /// The first assessment year the framework applies to, where known.
    pub fn applies_from(&self) -> Option<u16> {
        self.issued.map(|i| i.from)
    }

    /// The last assessment year the framework applies to, where it has been replaced.
    pub fn applies_until(&self) -> Option<u16> {
        self.issued.and_then(|i| i.until)
    }

    /// The deepest level whose points are verified against the source; `None` when the
    /// framework is complete (or, for an illustration, when nothing is claimed: see
    /// [`Builtin::illustrative`]).
    pub fn verified_depth(&self) -> Option<Level> {
        self.verified_depth
    }

    /// True when the framework is an illustration, not an official method.
    pub fn illustrative(&self) -> bool {
        self.issued.is_none()
    }

    /// Builds the framework.
    ///
    /// # Errors
    ///
    /// None in practice: every built-in is validated by the crate's tests. The `Result` is
    /// kept so that a broken declaration is an error, never a panic.
    pub fn framework(&self) -> Result<Framework, Error> {
        (self.build)()
    }

    /// The metadata every built framework carries, with its sources and notes.
    fn info(&self, sources: &[&str], notes: &str) -> FrameworkInfo {
        FrameworkInfo {
            id: self.id.to_owned(),
            title: self.title.to_owned(),
            title_vi: self.title_vi.to_owned(),
            decision: self.issued.map(|issued| Decision {
                number: issued.number.to_owned(),
                date: issued.date.to_owned(),
                issuer: issued.issuer.to_owned(),
            }),
            applies_from: self.applies_from(),
            applies_until: self.applies_until(),
            illustrative: self.illustrative(),
            verified_depth: self.verified_depth,
            sources: sources.iter().map(|s| (*s).to_owned()).collect(),
            notes: notes.to_owned(),
        }
    }
}

/// Every built-in framework, in a stable order.
pub fn list() -> &'static [Builtin] {
    &BUILTINS
}

/// Builds the built-in framework with this id.
///
/// A `Result` rather than an `Option`, so that a mistyped id tells the caller which ids
/// exist.
///
/// # Errors
///
/// [`ErrorKind::UnknownFramework`], listing the known ids, when no built-in has this id.
pub fn get(id: &str) -> Result<Framework, Error> {
    match BUILTINS.iter().find(|b| b.id == id) {
        Some(builtin) => builtin.framework(),
        None => Err(ErrorKind::UnknownFramework {
            id: id.chars().take(72).collect(),
            known: BUILTINS.iter().map(|b| b.id).collect::<Vec<_>>().join(", "),
        }
        .into()),
    }
}

/// What a decision says about a framework's shape beyond the points the built-in models:
/// its domains, with the number of criteria and sub-criteria in each where the source gives
/// them.
///
/// Returned by [`structure`] for the national built-ins. It is metadata: a domain listed here
/// is a node of the framework only where the built-in says so (see its docs).
///
/// # Examples
///
/// ```
/// use par_index::builtin;
///
/// let structure = builtin::structure("vn-par-province-2017").unwrap();
/// assert_eq!(structure.stated_criteria, Some(38));
/// assert_eq!(structure.stated_sub_criteria, Some(81));
/// assert_eq!(structure.domains.len(), 8);
/// // The source's rows add up to 39 criteria, not the 38 it states; the notes say so.
/// assert_eq!(structure.criteria_sum(), Some(39));
/// assert_eq!(structure.sub_criteria_sum(), Some(81));
/// assert!(structure.notes.contains("add up to 39"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Structure {
    /// The built-in's id.
    pub framework: &'static str,
    /// The number of criteria (tiêu chí) the source states for the whole framework.
    pub stated_criteria: Option<u16>,
    /// The number of sub-criteria (tiêu chí thành phần) the source states, where the sources
    /// agree.
    pub stated_sub_criteria: Option<u16>,
    /// The domains (lĩnh vực), in the decision's order.
    pub domains: &'static [DomainStructure],
    /// Conflicts and gaps in the sources.
    pub notes: &'static str,
}

impl Structure {
    /// The criteria of every domain added up; `None` unless every domain's count is known.
    pub fn criteria_sum(&self) -> Option<u16> {
        self.domains
            .iter()
            .try_fold(0u16, |sum, d| sum.checked_add(d.criteria?))
    }

    /// The sub-criteria of every domain added up; `None` unless every domain's count is
    /// known.
    pub fn sub_criteria_sum(&self) -> Option<u16> {
        self.domains
            .iter()
            .try_fold(0u16, |sum, d| sum.checked_add(d.sub_criteria?))
    }
}

/// One domain (lĩnh vực) of a [`Structure`].
///
/// # Examples
///
/// ```
/// use par_index::builtin;
///
/// let structure = builtin::structure("vn-par-province-2017").unwrap();
/// let procedures = &structure.domains[2];
/// assert_eq!((procedures.number, procedures.name_vi), (3, "Cải cách thủ tục hành chính"));
/// assert_eq!((procedures.criteria, procedures.sub_criteria), (Some(5), Some(16)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DomainStructure {
    /// The domain's number in the decision (1 to 8).
    pub number: u8,
    /// Its name in Vietnamese.
    pub name_vi: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// The number of criteria, where the source gives it.
    pub criteria: Option<u16>,
    /// The number of sub-criteria, where the source gives it.
    pub sub_criteria: Option<u16>,
}

/// A domain whose source gives both its criterion and sub-criterion counts.
const fn domain(
    number: u8,
    name_vi: &'static str,
    name_en: &'static str,
    criteria: u16,
    sub_criteria: u16,
) -> DomainStructure {
    DomainStructure {
        number,
        name_vi,
        name_en,
        criteria: Some(criteria),
        sub_criteria: Some(sub_criteria),
    }
}

/// The domains, and criterion and sub-criterion counts, of a built-in whose source gives
/// them; `None` for a built-in whose nodes already are its whole structure (Hải Phòng's
/// scorecard, the illustrative index) or for an unknown id.
///
/// # Examples
///
/// ```
/// let structure = par_index::builtin::structure("vn-par-ministry-2022").unwrap();
/// assert_eq!(structure.domains.len(), 7);
/// assert_eq!(structure.criteria_sum(), Some(38));
/// assert_eq!(structure.sub_criteria_sum(), Some(97));
/// ```
pub fn structure(id: &str) -> Option<&'static Structure> {
    STRUCTURES.iter().copied().find(|s| s.framework == id)
}
