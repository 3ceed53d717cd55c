//! Late dossiers and apologies per responsible agency.
//!
//! A dossier (hồ sơ) resolved after its due date calls for a written apology to the citizen
//! (thư xin lỗi): Đà Nẵng made the apology a criterion of its PAR ranking from 2014, and
//! Hồ Chí Minh City requires it no later than one day before the due date. The point value
//! of such a criterion was not found in any source, so the ledger produces evidence
//! ([`Evidence::Rate`]) for a leaf whose rule the framework declares.

use std::fmt;

use rust_decimal::Decimal;

use crate::accountability::agency::Agency;
use crate::error::{DossierCount, Error, ErrorKind, Operation};
use crate::language::{Language, Term};
use crate::rounding::RoundingPolicy;
use crate::rule::Evidence;
use crate::table::{Align, Table, visible};

/// One agency's dossiers for a period: resolved, resolved late, and apologies issued.
///
/// # Examples
///
/// ```
/// use par_index::{Evidence, RoundingPolicy, accountability::LateDossiers};
/// use rust_decimal::Decimal;
///
/// // Hội An's public administration centre, first half of 2021: 8,037 dossiers resolved,
/// // 64.04% early or on time, so 2,890 late; the apology count is illustrative.
/// let centre = LateDossiers::new("TTHCC", 8_037, 2_890, 2_601)?;
/// assert_eq!(centre.late(), 2_890);
/// let published = RoundingPolicy::default().apply(centre.on_time_rate().unwrap());
/// assert_eq!(published.to_string(), "64.04");
/// assert_eq!(centre.apology_rate(), Some(Decimal::from(90)));
/// assert_eq!(centre.apology_evidence(), Evidence::rate(2_601, 2_890));
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(deny_unknown_fields, try_from = "LateDossiersData")
)]
pub struct LateDossiers {
    agency: String,
    resolved: u64,
    late: u64,
    apologies: u64,
}

/// The fields of a [`LateDossiers`] as read, before their counts are checked.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LateDossiersData {
    agency: String,
    resolved: u64,
    late: u64,
    apologies: u64,
}

#[cfg(feature = "serde")]
impl TryFrom<LateDossiersData> for LateDossiers {
    type Error = Error;

    fn try_from(data: LateDossiersData) -> Result<LateDossiers, Error> {
        LateDossiers::new(data.agency, data.resolved, data.late, data.apologies)
    }
}

impl LateDossiers {
    /// A record for an agency: `resolved` dossiers in the period, `late` of them after their
    /// due date, and `apologies` issued for those.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::DossierCountsInconsistent`] when more dossiers are late than resolved, or
    /// more apologies issued than dossiers late.
    pub fn new(
        agency: impl Into<String>,
        resolved: u64,
        late: u64,
        apologies: u64,
    ) -> Result<LateDossiers, Error> {
        let record = LateDossiers {
            agency: agency.into(),
            resolved,
            late,
            apologies,
        };
        record.check()?;
        Ok(record)
    }

    /// The responsible agency's code.
    pub fn agency(&self) -> &str {
        &self.agency
    }

    /// Dossiers resolved in the period.
    pub fn resolved(&self) -> u64 {
        self.resolved
    }

    /// Of those, dossiers resolved after their due date.
    pub fn late(&self) -> u64 {
        self.late
    }

    /// Apologies issued for late dossiers.
    pub fn apologies(&self) -> u64 {
        self.apologies
    }

    fn check(&self) -> Result<(), Error> {
        let inconsistent = |part, part_name, whole, whole_name| {
            ErrorKind::DossierCountsInconsistent {
                agency: self.agency.clone(),
                part,
                part_name,
                whole,
                whole_name,
            }
            .into()
        };
        if self.late > self.resolved {
            return Err(inconsistent(
                self.late,
                DossierCount::Late,
                self.resolved,
                DossierCount::Resolved,
            ));
        }
        if self.apologies > self.late {
            return Err(inconsistent(
                self.apologies,
                DossierCount::Apologies,
                self.late,
                DossierCount::Late,
            ));
        }
        Ok(())
    }

    /// Late dossiers without an apology.
    pub fn unapologised(&self) -> u64 {
        self.late.saturating_sub(self.apologies)
    }

    /// Apology coverage: apologies ÷ late dossiers × 100, exact.
    ///
    /// `None` when no dossier was late: there was nothing to apologise for, which is neither
    /// 0% nor 100%. A scoring rule decides what that earns through its
    /// [`ZeroDenominator`](crate::rule::ZeroDenominator) policy on [`LateDossiers::apology_evidence`].
    pub fn apology_rate(&self) -> Option<Decimal> {
        rate(self.apologies, self.late)
    }

    /// Dossiers resolved early or on time ÷ dossiers resolved × 100, exact; `None` when
    /// nothing was resolved.
    pub fn on_time_rate(&self) -> Option<Decimal> {
        rate(self.resolved.saturating_sub(self.late), self.resolved)
    }

    /// Evidence for a leaf scored on apology coverage: the rate apologies / late dossiers.
    /// With no late dossier it is `0/0`, which the leaf's rule resolves by its
    /// [`ZeroDenominator`](crate::rule::ZeroDenominator) policy (e.g. full points).
    pub fn apology_evidence(&self) -> Evidence {
        Evidence::rate(self.apologies, self.late)
    }

    /// Evidence for a leaf scored on timeliness: dossiers resolved early or on time /
    /// dossiers resolved.
    pub fn on_time_evidence(&self) -> Evidence {
        Evidence::rate(self.resolved.saturating_sub(self.late), self.resolved)
    }
}

/// `part ÷ whole × 100`; `None` when `whole` is 0. Counts are at most 1.8 × 10¹⁹, so the
/// product and quotient fit a decimal.
fn rate(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(Decimal::from(whole)))
}

/// Late dossiers and apologies for the agencies of a set of assignments, with a total.
///
/// # Examples
///
/// ```
/// use par_index::{accountability::{ApologyLedger, Assignments, LateDossiers}};
///
/// let template = Assignments::city_template();
/// let ledger = ApologyLedger::new(&template.agencies, vec![
///     LateDossiers::new("TTHCC", 8_037, 2_890, 2_601)?,
///     LateDossiers::new("VP", 120, 0, 0)?,
/// ])?;
/// assert_eq!(ledger.total().late(), 2_890);
/// assert_eq!(ledger.records()[1].apology_rate(), None); // nothing late
/// assert_eq!(ledger.without_records(), ["PNV", "PTP", "PTCKH", "PVHTT"]);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(deny_unknown_fields, try_from = "ApologyLedgerData")
)]
pub struct ApologyLedger {
    records: Vec<LateDossiers>,
    total: LateDossiers,
    without_records: Vec<String>,
}

/// The fields of an [`ApologyLedger`] as read: the records are checked again, and the total
/// must be their sum.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ApologyLedgerData {
    records: Vec<LateDossiers>,
    total: LateDossiers,
    without_records: Vec<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<ApologyLedgerData> for ApologyLedger {
    type Error = String;

    fn try_from(data: ApologyLedgerData) -> Result<ApologyLedger, String> {
        // The agencies a ledger was made for are the ones with records and those without.
        let codes: Vec<String> = data
            .records
            .iter()
            .map(|r| r.agency.clone())
            .chain(data.without_records.iter().cloned())
            .collect();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        let ledger = ApologyLedger::of_codes(&codes, data.records).map_err(|e| e.to_string())?;
        if ledger.total != data.total || ledger.without_records != data.without_records {
            return Err("the ledger's total is not the sum of its records".to_owned());
        }
        Ok(ledger)
    }
}

impl ApologyLedger {
    /// The label of the total record's agency.
    pub const TOTAL: &'static str = "total";

    /// Validates one record per agency against the declared agencies.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownAgency`] for a record of an undeclared agency,
    /// [`ErrorKind::DuplicateDossierRecord`] for two records of one agency,
    /// [`ErrorKind::Overflow`] (totals beyond `u64`). Each record's counts were checked
    /// when it was made.
    pub fn new(agencies: &[Agency], records: Vec<LateDossiers>) -> Result<ApologyLedger, Error> {
        let codes: Vec<&str> = agencies.iter().map(|a| a.code.as_str()).collect();
        ApologyLedger::of_codes(&codes, records)
    }

    /// [`ApologyLedger::new`] for the agencies with these codes.
    fn of_codes(agencies: &[&str], records: Vec<LateDossiers>) -> Result<ApologyLedger, Error> {
        let mut total = LateDossiers {
            agency: ApologyLedger::TOTAL.to_owned(),
            resolved: 0,
            late: 0,
            apologies: 0,
        };
        for (i, record) in records.iter().enumerate() {
            if !agencies.contains(&record.agency.as_str()) {
                return Err(ErrorKind::UnknownAgency {
                    agency: record.agency.clone(),
                    context: "a late-dossier record".to_owned(),
                }
                .into());
            }
            if records.iter().take(i).any(|r| r.agency == record.agency) {
                return Err(ErrorKind::DuplicateDossierRecord {
                    agency: record.agency.clone(),
                }
                .into());
            }
            total.resolved = add(total.resolved, record.resolved)?;
            total.late = add(total.late, record.late)?;
            total.apologies = add(total.apologies, record.apologies)?;
        }
        let without_records = agencies
            .iter()
            .filter(|code| !records.iter().any(|r| r.agency == **code))
            .map(|code| (*code).to_owned())
            .collect();
        Ok(ApologyLedger {
            records,
            total,
            without_records,
        })
    }

    /// The records, as given.
    pub fn records(&self) -> &[LateDossiers] {
        &self.records
    }

    /// The record of one agency.
    pub fn record(&self, agency: &str) -> Option<&LateDossiers> {
        self.records.iter().find(|r| r.agency == agency)
    }

    /// The sum of all records, under the agency label [`ApologyLedger::TOTAL`].
    pub fn total(&self) -> &LateDossiers {
        &self.total
    }

    /// Declared agencies with no record (no data, which is not the same as zero dossiers).
    pub fn without_records(&self) -> &[String] {
        &self.without_records
    }

    /// The ledger as a plain-text table in `language`: one row per record (agency, dossiers
    /// resolved, late, apologies, apologies per late dossier), a total row, and the agencies
    /// without a record. Counts are grouped by thousands and the rate published with two
    /// places, half away from zero ([`RoundingPolicy::default`]), in the language's notation;
    /// `–` where nothing was late.
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::accountability::{ApologyLedger, Assignments, LateDossiers};
    /// use par_index::language::Language;
    ///
    /// let template = Assignments::city_template();
    /// let ledger = ApologyLedger::new(&template.agencies, vec![
    ///     LateDossiers::new("TTHCC", 8_037, 2_890, 2_485)?,
    ///     LateDossiers::new("PTP", 164, 0, 0)?,
    /// ])?;
    /// assert_eq!(ledger.render_in(Language::Vietnamese), "\
    /// Cơ quan    Đã giải quyết  Trễ hạn  Thư xin lỗi  Tỷ lệ xin lỗi
    /// TTHCC              8.037    2.890        2.485         85,99%
    /// PTP                  164        0            0              –
    /// Tổng cộng          8.201    2.890        2.485         85,99%
    /// Không có số liệu hồ sơ: PNV, VP, PTCKH, PVHTT
    /// ");
    /// assert!(ledger.to_string().starts_with("Agency  Resolved   Late  Apologies  Apology rate\n"));
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn render_in(&self, language: Language) -> String {
        let mut table = Table::new(&[
            (Term::Agency.text(language), Align::Left),
            (Term::Resolved.text(language), Align::Right),
            (Term::Late.text(language), Align::Right),
            (Term::Apologies.text(language), Align::Right),
            (Term::ApologyRate.text(language), Align::Right),
        ]);
        let policy = RoundingPolicy::default();
        let row = |agency: &str, record: &LateDossiers| {
            vec![
                agency.to_owned(),
                language.count(record.resolved),
                language.count(record.late),
                language.count(record.apologies),
                record.apology_rate().map_or_else(
                    || "–".to_owned(),
                    |rate| format!("{}%", language.number(policy.apply(rate))),
                ),
            ]
        };
        for record in &self.records {
            table.row(row(&record.agency, record));
        }
        table.row(row(Term::Total.text(language), &self.total));
        let mut text = table.render();
        if !self.without_records.is_empty() {
            text.push_str(&format!(
                "{}: {}\n",
                Term::NoDossierRecords.text(language),
                visible(&self.without_records.join(", "))
            ));
        }
        text
    }
}

/// The ledger as a plain-text table in English (see [`ApologyLedger::render_in`]).
impl fmt::Display for ApologyLedger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(Language::English))
    }
}

fn add(a: u64, b: u64) -> Result<u64, Error> {
    a.checked_add(b).ok_or_else(|| {
        ErrorKind::Overflow {
            operation: Operation::Adding,
            left: Decimal::from(a),
            right: Decimal::from(b),
            context: "the late-dossier total".to_owned(),
        }
        .into()
    })
}
