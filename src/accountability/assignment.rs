//! Which agency leads each domain (and, where re-assigned, each criterion) of a framework.

use std::collections::HashMap;

use crate::accountability::agency::Agency;
use crate::code::Code;
use crate::error::{Error, ErrorKind};
use crate::framework::{Framework, Node};

/// One node assigned to a lead agency (cơ quan chủ trì), with the agencies that coordinate
/// (cơ quan phối hợp).
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
/// let assignment = &accountability.assignments().assignments[1];
/// assert_eq!((assignment.code.as_str(), assignment.lead.as_str()), ("2", "VP"));
/// assert_eq!(assignment.coordinating, ["TP"]);
/// assert_eq!(accountability.lead_of("2").unwrap().code, "VP");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NodeAssignment {
    /// The node: a domain, or a criterion or sub-criterion re-assigned away from its
    /// domain's lead.
    pub code: Code,
    /// The lead agency's code.
    pub lead: String,
    /// The coordinating agencies' codes (they are listed, not scored).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub coordinating: Vec<String>,
}

/// Agencies and the nodes each one leads, as declared: plain, editable, serializable data,
/// checked against a framework by [`Accountability::new`].
///
/// Every domain must be assigned; a criterion or sub-criterion may be assigned again to
/// re-assign it, and the deepest assignment above a leaf decides who answers for it.
///
/// # Examples
///
/// ```
/// use par_index::{accountability::{Agency, AgencyKind, Assignments, Head}};
///
/// let mut plan = Assignments::new("Ward 1 PAR responsibilities");
/// plan.agency(Agency::new("VP", "Văn phòng HĐND và UBND", AgencyKind::Office,
///         Head::new("Chánh Văn phòng")))
///     .agency(Agency::new("NV", "Phòng Nội vụ", AgencyKind::Office,
///         Head::new("Trưởng phòng Nội vụ")));
/// plan.assign("1", "NV", &[])?.assign("2", "VP", &["NV"])?;
/// assert_eq!(plan.assignments.len(), 2);
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Assignments {
    /// A title for people.
    pub title: String,
    /// The title in Vietnamese, where `title` is in another language (the templates' titles
    /// are in English); reports in Vietnamese show it. Empty when `title` serves every
    /// language.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub title_vi: String,
    /// The id of the framework these assignments are for; `None` when they are meant for any
    /// framework with the same domain codes (as the templates are).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub framework: Option<String>,
    /// True when the assignments are inferred (a template), not taken from a decision.
    #[cfg_attr(feature = "serde", serde(default))]
    pub inferred: bool,
    /// Where the assignments come from (URLs, decision numbers).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub sources: Vec<String>,
    /// Anything a reader should know, such as what is not verified.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub notes: String,
    /// The agencies, in the order reports list them.
    pub agencies: Vec<Agency>,
    /// The assigned nodes.
    pub assignments: Vec<NodeAssignment>,
}

impl Assignments {
    /// Empty assignments with a title.
    pub fn new(title: impl Into<String>) -> Assignments {
        Assignments {
            title: title.into(),
            ..Assignments::default()
        }
    }

    /// Adds an agency.
    pub fn agency(&mut self, agency: Agency) -> &mut Self {
        self.agencies.push(agency);
        self
    }

    /// Assigns the node `code` to the lead agency `lead`, with coordinating agencies.
    ///
    /// Nothing is checked but the code's syntax; [`Accountability::new`] checks the rest.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidCode`] when `code` does not parse.
    pub fn assign(
        &mut self,
        code: &str,
        lead: &str,
        coordinating: &[&str],
    ) -> Result<&mut Self, Error> {
        self.assignments.push(NodeAssignment {
            code: code.parse()?,
            lead: lead.to_owned(),
            coordinating: coordinating.iter().map(|c| (*c).to_owned()).collect(),
        });
        Ok(self)
    }
}

/// Assignments validated against a framework: every leaf answered for by exactly one lead
/// agency.
///
/// Built by [`Accountability::new`], which refuses, each with its own [`Error`] variant:
/// assignments declared for another framework, an agency without a code, two agencies with
/// one code, a code the framework does not have, an agency that is not declared, a
/// coordinating agency that is the lead or is listed twice, two assignments of one node, and
/// domains left without a lead.
///
/// Who answers for a leaf: the lead of the deepest assigned node on the path from the leaf
/// up to its domain. A domain's assignment covers everything in it that is not re-assigned.
///
/// # Examples
///
/// ```
/// use par_index::{Framework, accountability::{Accountability, Agency, AgencyKind, Assignments, Head}};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo", "Demo")
///     .total_points(Decimal::from(10))
///     .domain("1", "Cải cách thể chế", Decimal::from(4))
///     .child("1", "1.1", "Ban hành văn bản QPPL", Decimal::from(2))
///     .child("1", "1.2", "Kiểm tra, rà soát văn bản", Decimal::from(2))
///     .domain("2", "Cải cách thủ tục hành chính", Decimal::from(6))
///     .build()?;
/// let mut plan = Assignments::new("Demo");
/// plan.agency(Agency::new("TP", "Phòng Tư pháp", AgencyKind::Office, Head::new("Trưởng phòng Tư pháp")))
///     .agency(Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, Head::new("Chánh Văn phòng")));
/// plan.assign("1", "TP", &[])?.assign("2", "VP", &[])?.assign("1.2", "VP", &["TP"])?;
///
/// let accountability = Accountability::new(&framework, plan)?;
/// assert_eq!(accountability.lead_of("1.1").unwrap().code, "TP");
/// assert_eq!(accountability.lead_of("1.2").unwrap().code, "VP"); // the override wins
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accountability {
    framework: Framework,
    assignments: Assignments,
    /// For each framework node, in the framework's pre-order: the position in
    /// `assignments.assignments` of the deepest assignment at or above it.
    governing: Vec<usize>,
    /// For each assignment: the position of its lead in `assignments.agencies`.
    lead_index: Vec<usize>,
}

impl Accountability {
    /// Validates `assignments` against `framework`.
    ///
    /// # Errors
    ///
    /// The first problem found: [`ErrorKind::AssignmentFrameworkMismatch`]; then, agency by
    /// agency, [`ErrorKind::EmptyAgencyCode`], [`ErrorKind::InvalidIdentifier`] (a code with a
    /// character that cannot be seen, see [`crate::identifier`]) and
    /// [`ErrorKind::DuplicateAgency`]; then,
    /// assignment by assignment, [`ErrorKind::AssignmentUnknownCode`],
    /// [`ErrorKind::UnknownAgency`], [`ErrorKind::RedundantCoordinator`] and
    /// [`ErrorKind::TwoLeads`]; last, [`ErrorKind::DomainsUnassigned`] listing every domain
    /// without a lead.
    pub fn new(framework: &Framework, assignments: Assignments) -> Result<Accountability, Error> {
        if let Some(found) = &assignments.framework {
            if found != framework.id() {
                return Err(ErrorKind::AssignmentFrameworkMismatch {
                    expected: framework.id().to_owned(),
                    found: found.clone(),
                }
                .into());
            }
        }
        let mut agency_index: HashMap<&str, usize> = HashMap::new();
        for (i, agency) in assignments.agencies.iter().enumerate() {
            if agency.code.trim().is_empty() {
                return Err(ErrorKind::EmptyAgencyCode {
                    name: agency.name_vi.clone(),
                }
                .into());
            }
            crate::identifier::check(crate::identifier::Identifier::Agency, &agency.code)?;
            if agency_index.insert(agency.code.as_str(), i).is_some() {
                return Err(ErrorKind::DuplicateAgency {
                    agency: agency.code.clone(),
                }
                .into());
            }
        }

        let mut assigned: HashMap<usize, usize> = HashMap::new();
        let mut lead_index = Vec::with_capacity(assignments.assignments.len());
        for (position, assignment) in assignments.assignments.iter().enumerate() {
            let node_index = framework.index_of(&assignment.code).ok_or_else(|| {
                ErrorKind::AssignmentUnknownCode {
                    code: assignment.code.clone(),
                    framework: framework.id().to_owned(),
                }
            })?;
            let node_ref = framework
                .node_at(node_index)
                .map(Node::node_ref)
                .ok_or_else(|| ErrorKind::AssignmentUnknownCode {
                    code: assignment.code.clone(),
                    framework: framework.id().to_owned(),
                })?;
            let lead = *agency_index.get(assignment.lead.as_str()).ok_or_else(|| {
                ErrorKind::UnknownAgency {
                    agency: assignment.lead.clone(),
                    context: format!("the lead of {node_ref}"),
                }
            })?;
            for (k, coordinator) in assignment.coordinating.iter().enumerate() {
                if !agency_index.contains_key(coordinator.as_str()) {
                    return Err(ErrorKind::UnknownAgency {
                        agency: coordinator.clone(),
                        context: format!("the list of coordinating agencies of {node_ref}"),
                    }
                    .into());
                }
                let reason = if *coordinator == assignment.lead {
                    Some("it is the lead")
                } else if assignment
                    .coordinating
                    .iter()
                    .take(k)
                    .any(|c| c == coordinator)
                {
                    Some("it is listed twice")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    return Err(ErrorKind::RedundantCoordinator {
                        node: node_ref,
                        agency: coordinator.clone(),
                        reason,
                    }
                    .into());
                }
            }
            if let Some(first) = assigned.insert(node_index, position) {
                let first_lead = assignments
                    .assignments
                    .get(first)
                    .map(|a| a.lead.clone())
                    .unwrap_or_default();
                return Err(ErrorKind::TwoLeads {
                    node: node_ref,
                    first: first_lead,
                    second: assignment.lead.clone(),
                }
                .into());
            }
            lead_index.push(lead);
        }

        let unassigned: Vec<Code> = framework
            .domains()
            .filter(|d| {
                framework
                    .index_of(d.code())
                    .is_none_or(|i| !assigned.contains_key(&i))
            })
            .map(|d| d.code().clone())
            .collect();
        if !unassigned.is_empty() {
            return Err(ErrorKind::DomainsUnassigned {
                framework: framework.id().to_owned(),
                codes: unassigned,
            }
            .into());
        }

        // Pre-order visits parents first, so each node inherits its parent's governing
        // assignment unless it has its own.
        let mut governing: Vec<usize> = Vec::with_capacity(framework.len());
        for (index, node) in framework.nodes().enumerate() {
            let inherited = framework
                .parent(node)
                .and_then(|p| framework.index_of(p.code()))
                .and_then(|p| governing.get(p).copied());
            let own = assigned.get(&index).copied();
            // Every domain is assigned (checked above), so one of the two is always there.
            governing.push(own.or(inherited).unwrap_or_default());
        }

        Ok(Accountability {
            framework: framework.clone(),
            assignments,
            governing,
            lead_index,
        })
    }

    /// The framework the assignments were validated against.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// Checks that these assignments were made for `framework` (by its id).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::AssignmentFrameworkMismatch`] when they were made for another one.
    pub(crate) fn check_framework(&self, framework: &Framework) -> Result<(), Error> {
        if self.framework.id() == framework.id() {
            return Ok(());
        }
        Err(ErrorKind::AssignmentFrameworkMismatch {
            expected: framework.id().to_owned(),
            found: self.framework.id().to_owned(),
        }
        .into())
    }

    /// The assignments as declared.
    pub fn assignments(&self) -> &Assignments {
        &self.assignments
    }

    /// The agencies, in declared order.
    pub fn agencies(&self) -> &[Agency] {
        &self.assignments.agencies
    }

    /// The agency with this code.
    pub fn agency(&self, code: impl AsRef<str>) -> Option<&Agency> {
        let code = code.as_ref();
        self.assignments.agencies.iter().find(|a| a.code == code)
    }

    /// The agency that answers for a node: the lead of the deepest assignment at or above it.
    pub fn lead_of(&self, code: impl AsRef<str>) -> Option<&Agency> {
        let code = code.as_ref();
        let code: Code = code.parse().ok()?;
        let index = self.framework.index_of(&code)?;
        self.lead_at(index)
    }

    /// The coordinating agencies of the assignment that governs a node.
    pub fn coordinating_of(&self, code: impl AsRef<str>) -> Vec<&Agency> {
        let code = code.as_ref();
        let Some(assignment) = code
            .parse::<Code>()
            .ok()
            .and_then(|c| self.framework.index_of(&c))
            .and_then(|i| self.governing.get(i))
            .and_then(|a| self.assignments.assignments.get(*a))
        else {
            return Vec::new();
        };
        assignment
            .coordinating
            .iter()
            .filter_map(|c| self.agency(c))
            .collect()
    }

    /// The nodes an agency is assigned to lead, in framework order: its domains and the
    /// criteria re-assigned to it. Empty for an agency that leads nothing.
    pub fn answers_for(&self, agency: &str) -> Vec<&Code> {
        self.assigned_nodes(|a| a.lead == agency)
    }

    /// The nodes an agency coordinates, in framework order.
    pub fn coordinates(&self, agency: &str) -> Vec<&Code> {
        self.assigned_nodes(|a| a.coordinating.iter().any(|c| c == agency))
    }

    fn assigned_nodes(&self, keep: impl Fn(&NodeAssignment) -> bool) -> Vec<&Code> {
        let mut codes: Vec<&Code> = self
            .assignments
            .assignments
            .iter()
            .filter(|a| keep(a))
            .map(|a| &a.code)
            .collect();
        codes.sort_by_key(|c| self.framework.index_of(c));
        codes
    }

    /// The lead agency of the node at a framework position.
    pub(crate) fn lead_at(&self, node_index: usize) -> Option<&Agency> {
        self.lead_position_at(node_index)
            .and_then(|i| self.assignments.agencies.get(i))
    }

    /// The position in [`Accountability::agencies`] of the lead of the node at a framework
    /// position.
    pub(crate) fn lead_position_at(&self, node_index: usize) -> Option<usize> {
        self.governing
            .get(node_index)
            .and_then(|a| self.lead_index.get(*a))
            .copied()
    }
}
