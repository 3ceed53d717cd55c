//! Index frameworks (bộ chỉ số): a validated tree of domains, criteria and sub-criteria.
//!
//! A [`Framework`] is built once, from a [`FrameworkBuilder`] or from a [`FrameworkSpec`]
//! (its JSON form), and checked whole: unique codes, parents that exist, children whose
//! maxima add up to their parent's, a total equal to the declared total, rules that fit their
//! node. After that it is immutable and every assessment is scored against it.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::code::{Code, Level, NodeRef};
use crate::error::{Error, ErrorKind, NodeField};
use crate::language::Language;
use crate::math::checked_sum_decimals;
use crate::rule::Rule;

/// The deepest tree accepted: domain, criterion, and up to six levels of sub-criteria.
pub const MAX_DEPTH: usize = 8;

/// Codes no node may have, in any case: assessment tables in CSV use them for themselves
/// (`unit` and `period` are columns of the wide form, `adjustment` marks a bonus or deduction
/// in the long form), so a leaf with one of these codes could not be told apart there.
pub const RESERVED_CODES: [&str; 3] = ["unit", "period", "adjustment"];

/// The decision (quyết định) that issued a framework.
///
/// # Examples
///
/// ```
/// use par_index::Framework;
/// use par_index::framework::Decision;
///
/// let framework = Framework::builder("vn-par-demo", "Demo")
///     .decision(Decision {
///         number: "2948/QĐ-BNV".into(),
///         date: "2017-12-28".into(),
///         issuer: "Bộ Nội vụ".into(),
///     })
///     .domain("1", "Công tác chỉ đạo, điều hành", 100.into())
///     .build()?;
/// let decision = framework.info().decision.as_ref().unwrap();
/// assert_eq!(decision.number, "2948/QĐ-BNV");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Decision {
    /// Its number as printed, e.g. `2948/QĐ-BNV`.
    pub number: String,
    /// Its date, ISO 8601 (`2017-12-28`), or empty where not known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub date: String,
    /// The body that issued it, e.g. `Bộ Nội vụ`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub issuer: String,
}

/// What a framework is and where it comes from.
///
/// # Examples
///
/// ```
/// use par_index::Framework;
/// use par_index::framework::FrameworkInfo;
///
/// let framework = Framework::builder("vn-par-demo", "Demo")
///     .info(FrameworkInfo {
///         id: "vn-par-demo".into(),
///         title: "Chỉ số CCHC minh hoạ".into(),
///         applies_from: Some(2025),
///         illustrative: true,
///         ..FrameworkInfo::default()
///     })
///     .domain("1", "Công tác chỉ đạo, điều hành", 100.into())
///     .build()?;
/// assert_eq!(framework.id(), "vn-par-demo");
/// assert!(framework.info().illustrative);
/// assert_eq!(framework.info().applies_from, Some(2025));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FrameworkInfo {
    /// A stable identifier, e.g. `vn-par-province-2017`. Assessments name it.
    pub id: String,
    /// A title for people.
    pub title: String,
    /// The title in Vietnamese, where `title` is in another language (the built-ins' titles
    /// are in English); reports in Vietnamese show it ([`FrameworkInfo::title_in`]). Empty
    /// when `title` serves every language.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub title_vi: String,
    /// The decision it implements, if any.
    #[cfg_attr(feature = "serde", serde(default))]
    pub decision: Option<Decision>,
    /// The first assessment year it applies to.
    #[cfg_attr(feature = "serde", serde(default))]
    pub applies_from: Option<u16>,
    /// The last assessment year it applies to, if it has been replaced.
    #[cfg_attr(feature = "serde", serde(default))]
    pub applies_until: Option<u16>,
    /// True when the framework is an illustration, not an official method.
    #[cfg_attr(feature = "serde", serde(default))]
    pub illustrative: bool,
    /// The deepest level whose points are verified against the source, where the framework
    /// is known only partially (e.g. [`Level::Domain`]); `None` when complete.
    #[cfg_attr(feature = "serde", serde(default))]
    pub verified_depth: Option<Level>,
    /// Where the framework's numbers come from (URLs).
    #[cfg_attr(feature = "serde", serde(default))]
    pub sources: Vec<String>,
    /// Anything a reader should know: what is not verified, known inconsistencies.
    #[cfg_attr(feature = "serde", serde(default))]
    pub notes: String,
}

impl FrameworkInfo {
    /// The title a report in `language` shows: [`title_vi`](FrameworkInfo::title_vi) in
    /// Vietnamese when there is one, else [`title`](FrameworkInfo::title).
    ///
    /// # Examples
    ///
    /// ```
    /// use par_index::{builtin, language::Language};
    ///
    /// let framework = builtin::get("vn-par-province-2017")?;
    /// assert_eq!(
    ///     framework.info().title_in(Language::Vietnamese),
    ///     "Chỉ số CCHC cấp tỉnh năm 2017 (Quyết định 2948/QĐ-BNV), đến cấp lĩnh vực"
    /// );
    /// assert_eq!(
    ///     framework.info().title_in(Language::English),
    ///     "Provincial PAR Index 2017 (Decision 2948/QĐ-BNV), domain level"
    /// );
    /// # Ok::<(), par_index::Error>(())
    /// ```
    pub fn title_in(&self, language: Language) -> &str {
        match language {
            Language::Vietnamese if !self.title_vi.is_empty() => &self.title_vi,
            _ => &self.title,
        }
    }
}

/// What a survey or source assesses a node by.
///
/// # Examples
///
/// ```
/// use par_index::Framework;
/// use par_index::framework::Method;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thủ tục hành chính", 6.into())
///     .domain("2", "Mức độ hài lòng (SIPAS)", 4.into())
///     .method(Method::CitizenSurvey)
///     .build()?;
/// assert_eq!(framework.node("1").unwrap().method(), Method::Appraisal);
/// assert_eq!(framework.node("2").unwrap().method(), Method::CitizenSurvey);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Method {
    /// Self-assessed by the unit with evidence, then appraised (thẩm định).
    #[default]
    Appraisal,
    /// A sociological survey of leaders and managers (khảo sát lãnh đạo, quản lý).
    LeaderSurvey,
    /// The citizen and organisation satisfaction survey (SIPAS).
    CitizenSurvey,
    /// Statistical or socio-economic data.
    Statistics,
    /// A sociological survey (điều tra xã hội học) whose respondents are mixed or not
    /// known, such as the 31.5 survey points of the ministry index under 876/QĐ-BNV.
    Survey,
}

/// How a parent combines its children.
///
/// # Examples
///
/// ```
/// use par_index::framework::Combine;
/// use par_index::{Entry, Framework};
///
/// // Two sub-indices scored 0–10, weighted 25% and 75% (the PCI way).
/// let framework = Framework::builder("demo", "Demo")
///     .total_points(100.into())
///     .domain("1", "Chỉ số tổng hợp", 100.into())
///     .combine(Combine::WeightedMean)
///     .child("1", "1.1", "Tính minh bạch", 10.into())
///     .weight(25.into())
///     .child("1", "1.2", "Chi phí thời gian", 10.into())
///     .weight(75.into())
///     .build()?;
/// let mut assessment = framework.assessment("tinh-a", "2025".parse()?);
/// assessment.push(Entry::new("1.1".parse()?).with_appraised(8.into()));
/// assessment.push(Entry::new("1.2".parse()?).with_appraised(4.into()));
/// // 25% × 80% + 75% × 40% = 50%.
/// assert_eq!(framework.score(&assessment)?.index().to_string(), "50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Combine {
    /// The parent's points are the sum of its children's; their maxima must add up to the
    /// parent's. The PAR way.
    #[default]
    Sum,
    /// The parent's percentage is the weighted mean of its children's percentages, with the
    /// weights each child declares; the children's maxima are free. The PCI way (ten
    /// sub-indices scored 0–10, weighted 5%, 20%…). Children that are not applicable leave the
    /// mean and the remaining weights are renormalised.
    WeightedMean,
}

/// What a parent does when some of its children are not applicable to a unit.
///
/// # Examples
///
/// ```
/// use par_index::framework::NotApplicablePolicy;
/// use par_index::{Entry, Evidence, Framework};
///
/// let framework = |policy| {
///     Framework::builder("demo", "Demo")
///         .domain("1", "Cải cách tổ chức bộ máy", 10.into())
///         .when_not_applicable(policy)
///         .child("1", "1.1", "Sắp xếp tổ chức", 6.into())
///         .child("1", "1.2", "Chỉ tiêu được giao", 4.into())
///         .optional()
///         .domain("2", "Cải cách thể chế", 10.into())
///         .build()
/// };
/// let index = |policy| -> Result<String, Box<dyn std::error::Error>> {
///     let framework = framework(policy)?;
///     let mut assessment = framework.assessment("xa-a", "2025".parse()?);
///     assessment.push(Entry::new("1.1".parse()?).with_appraised(3.into()));
///     assessment.push(Entry::new("1.2".parse()?).with_evidence(Evidence::NotApplicable));
///     assessment.push(Entry::new("2".parse()?).with_appraised(10.into()));
///     Ok(framework.score(&assessment)?.index().to_string())
/// };
/// // Dropped: 13 of the 16 points that apply. Rescaled: 1 scores 3/6 of 10, so 15 of 20.
/// assert_eq!(index(NotApplicablePolicy::DropMaximum)?, "81.25");
/// assert_eq!(index(NotApplicablePolicy::Rescale)?, "75");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NotApplicablePolicy {
    /// The parent's maximum shrinks by theirs, and so does every ancestor's: the unit is
    /// measured against what applies to it.
    #[default]
    DropMaximum,
    /// The applicable children's points are rescaled to the parent's full maximum (Hà Nội's
    /// office-level index without its optional survey; Hải Phòng's pooled "other criteria").
    Rescale,
}

/// One node as declared: the plain data behind a [`Node`], and its JSON form.
///
/// # Examples
///
/// ```
/// use par_index::framework::{Combine, FrameworkInfo, FrameworkSpec, NodeSpec, NotApplicablePolicy};
/// use par_index::{Framework, Rule};
///
/// let mut leaf = NodeSpec::new("1".parse()?, "Kế hoạch CCHC ban hành kịp thời", 2.into());
/// leaf.rule = Some(Rule::yes_no());
/// let framework = Framework::from_spec(FrameworkSpec {
///     info: FrameworkInfo { id: "demo".into(), title: "Demo".into(), ..FrameworkInfo::default() },
///     total_points: 2.into(),
///     combine: Combine::Sum,
///     when_not_applicable: NotApplicablePolicy::DropMaximum,
///     nodes: vec![leaf],
/// })?;
/// let node = framework.node("1").unwrap();
/// assert_eq!(node.spec().name_vi, "Kế hoạch CCHC ban hành kịp thời");
/// assert_eq!(node.rule().unwrap().kind(), "yes_no");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NodeSpec {
    /// The node's code.
    pub code: Code,
    /// The parent's code; `None` for a domain.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub parent: Option<Code>,
    /// The name in Vietnamese, as in the decision.
    pub name_vi: String,
    /// The name in English.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name_en: String,
    /// Maximum points (điểm tối đa); above 0.
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub max_points: Decimal,
    /// How the node is assessed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub method: Method,
    /// The scoring rule of a leaf ([`Rule::Direct`] when absent); parents have none.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub rule: Option<Rule>,
    /// How a parent combines its children.
    #[cfg_attr(feature = "serde", serde(default))]
    pub combine: Combine,
    /// What a parent does with children that are not applicable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub when_not_applicable: NotApplicablePolicy,
    /// The node's weight in its parent's [`Combine::WeightedMean`]; above 0.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "crate::serde_decimal::option",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub weight: Option<Decimal>,
    /// True when a unit may report the leaf as not applicable ("not assigned → not scored").
    #[cfg_attr(feature = "serde", serde(default))]
    pub optional: bool,
}

impl NodeSpec {
    /// A node with a code, a Vietnamese name and a maximum; everything else at its default.
    pub fn new(code: Code, name_vi: impl Into<String>, max_points: Decimal) -> NodeSpec {
        NodeSpec {
            code,
            parent: None,
            name_vi: name_vi.into(),
            name_en: String::new(),
            max_points,
            method: Method::default(),
            rule: None,
            combine: Combine::default(),
            when_not_applicable: NotApplicablePolicy::default(),
            weight: None,
            optional: false,
        }
    }
}

/// A framework as declared: its JSON form, checked only when turned into a [`Framework`].
///
/// # Examples
///
/// ```
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// let mut spec = framework.to_spec();
/// assert_eq!(spec.total_points.to_string(), "10");
/// assert_eq!(Framework::from_spec(spec.clone())?, framework);
///
/// // A declared total the domains do not add up to is refused.
/// spec.total_points = 100.into();
/// assert!(Framework::from_spec(spec).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct FrameworkSpec {
    /// What the framework is.
    pub info: FrameworkInfo,
    /// The declared total (100 for the PAR Index).
    #[cfg_attr(feature = "serde", serde(with = "crate::serde_decimal"))]
    pub total_points: Decimal,
    /// How the domains combine into the total.
    #[cfg_attr(feature = "serde", serde(default))]
    pub combine: Combine,
    /// What the total does with domains that are not applicable.
    #[cfg_attr(feature = "serde", serde(default))]
    pub when_not_applicable: NotApplicablePolicy,
    /// Every node, parents before or after their children.
    pub nodes: Vec<NodeSpec>,
}

/// A node of a built framework.
///
/// # Examples
///
/// ```
/// use par_index::code::Level;
/// use par_index::Framework;
///
/// let framework = Framework::builder("demo", "Demo")
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .child("2", "2.1", "Công khai thủ tục", 2.into())
///     .child("2", "2.2", "Giải quyết hồ sơ", 4.into())
///     .build()?;
/// let node = framework.node("2.2").unwrap();
/// assert_eq!(node.level(), Level::Criterion);
/// assert!(node.is_leaf());
/// assert_eq!(node.max_points().to_string(), "4");
/// assert_eq!(framework.parent(node).unwrap().name_vi(), "Cải cách thủ tục hành chính");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    spec: NodeSpec,
    level: Level,
    depth: usize,
    parent: Option<usize>,
    children: Vec<usize>,
}

impl Node {
    /// The node's code.
    pub fn code(&self) -> &Code {
        &self.spec.code
    }

    /// The node's level and code, as errors and reports name it.
    pub fn node_ref(&self) -> NodeRef {
        NodeRef {
            level: self.level,
            code: self.spec.code.clone(),
        }
    }

    /// Domain, criterion or sub-criterion.
    pub fn level(&self) -> Level {
        self.level
    }

    /// 1 for a domain, 2 for a criterion, and so on.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The parent's code; `None` for a domain.
    pub fn parent_code(&self) -> Option<&Code> {
        self.spec.parent.as_ref()
    }

    /// The name in Vietnamese.
    pub fn name_vi(&self) -> &str {
        &self.spec.name_vi
    }

    /// The name in English (may be empty).
    pub fn name_en(&self) -> &str {
        &self.spec.name_en
    }

    /// Maximum points.
    pub fn max_points(&self) -> Decimal {
        self.spec.max_points
    }

    /// How the node is assessed.
    pub fn method(&self) -> Method {
        self.spec.method
    }

    /// The scoring rule of a leaf; `None` for a parent.
    pub fn rule(&self) -> Option<&Rule> {
        if self.is_leaf() {
            Some(self.spec.rule.as_ref().unwrap_or(&Rule::Direct))
        } else {
            None
        }
    }

    /// True when the node has no children.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// True when a unit may report the node as not applicable.
    pub fn is_optional(&self) -> bool {
        self.spec.optional
    }

    /// How a parent combines its children.
    pub fn combine(&self) -> Combine {
        self.spec.combine
    }

    /// The node's weight in its parent's weighted mean.
    pub fn weight(&self) -> Option<Decimal> {
        self.spec.weight
    }

    /// The node as declared.
    pub fn spec(&self) -> &NodeSpec {
        &self.spec
    }

    pub(crate) fn child_indices(&self) -> &[usize] {
        &self.children
    }
}

/// A validated index framework: metadata and a tree of nodes.
///
/// # Examples
///
/// ```
/// use par_index::{Framework, Rule};
/// use rust_decimal::Decimal;
///
/// let framework = Framework::builder("demo-2025", "Demo ward index")
///     .total_points(Decimal::from(10))
///     .domain("1", "Công tác chỉ đạo, điều hành CCHC", Decimal::from(4))
///     .name_en("Direction of reform")
///     .child("1", "1.1", "Ban hành kế hoạch CCHC năm", Decimal::from(4))
///     .rule(Rule::yes_no())
///     .domain("2", "Cải cách thủ tục hành chính", Decimal::from(6))
///     .child("2", "2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", Decimal::from(6))
///     .rule(Rule::proportional())
///     .build()?;
///
/// assert_eq!(framework.leaves().count(), 2);
/// assert_eq!(framework.node("2.1").unwrap().max_points(), Decimal::from(6));
/// # Ok::<(), par_index::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    info: FrameworkInfo,
    total_points: Decimal,
    combine: Combine,
    when_not_applicable: NotApplicablePolicy,
    /// Nodes in pre-order: every parent before its children, siblings in declared order.
    nodes: Vec<Node>,
    roots: Vec<usize>,
    by_code: HashMap<Code, usize>,
}

impl Framework {
    /// Starts a framework with an id and a title.
    pub fn builder(id: impl Into<String>, title: impl Into<String>) -> FrameworkBuilder {
        FrameworkBuilder::new(id, title)
    }

    /// Builds and validates a framework from its declared form.
    ///
    /// # Errors
    ///
    /// The first problem found, each its own variant naming the node and the numbers:
    /// [`ErrorKind::EmptyFrameworkId`], [`ErrorKind::EmptyFramework`],
    /// [`ErrorKind::NonPositiveMax`], [`ErrorKind::ReservedCode`] (see [`RESERVED_CODES`]),
    /// [`ErrorKind::DuplicateCode`], [`ErrorKind::UnknownParent`],
    /// [`ErrorKind::ParentCycle`], [`ErrorKind::TooDeep`],
    /// [`ErrorKind::ChildrenSumMismatch`], [`ErrorKind::TotalMismatch`],
    /// [`ErrorKind::MissingWeight`], [`ErrorKind::NonPositiveWeight`],
    /// [`ErrorKind::MisplacedField`], [`ErrorKind::RuleExceedsMax`],
    /// [`ErrorKind::InvalidRule`].
    pub fn from_spec(spec: FrameworkSpec) -> Result<Framework, Error> {
        let FrameworkSpec {
            info,
            total_points,
            combine,
            when_not_applicable,
            nodes: specs,
        } = spec;
        if info.id.trim().is_empty() {
            return Err(ErrorKind::EmptyFrameworkId.into());
        }
        if specs.is_empty() {
            return Err(ErrorKind::EmptyFramework { id: info.id }.into());
        }
        if total_points <= Decimal::ZERO {
            return Err(ErrorKind::NonPositiveTotal {
                id: info.id,
                total: total_points,
            }
            .into());
        }

        let mut position: HashMap<&Code, usize> = HashMap::with_capacity(specs.len());
        for (i, spec) in specs.iter().enumerate() {
            if RESERVED_CODES
                .iter()
                .any(|r| spec.code.as_str().eq_ignore_ascii_case(r))
            {
                return Err(ErrorKind::ReservedCode {
                    code: spec.code.clone(),
                }
                .into());
            }
            if position.insert(&spec.code, i).is_some() {
                return Err(ErrorKind::DuplicateCode {
                    code: spec.code.clone(),
                }
                .into());
            }
        }
        let mut parent_of: Vec<Option<usize>> = Vec::with_capacity(specs.len());
        for spec in &specs {
            parent_of.push(match &spec.parent {
                None => None,
                Some(parent) => {
                    Some(
                        *position
                            .get(parent)
                            .ok_or_else(|| ErrorKind::UnknownParent {
                                code: spec.code.clone(),
                                parent: parent.clone(),
                            })?,
                    )
                }
            });
        }
        let depths = depths(&specs, &parent_of)?;

        let mut children: Vec<Vec<usize>> = vec![Vec::new(); specs.len()];
        let mut roots = Vec::new();
        for (i, parent) in parent_of.iter().enumerate() {
            match parent {
                Some(p) => {
                    if let Some(list) = children.get_mut(*p) {
                        list.push(i);
                    }
                }
                None => roots.push(i),
            }
        }

        // Lay the nodes out in pre-order so that a reverse pass sees children before parents.
        let mut order = Vec::with_capacity(specs.len());
        let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            if let Some(kids) = children.get(i) {
                stack.extend(kids.iter().rev());
            }
        }
        let mut new_index = vec![0usize; specs.len()];
        for (new, old) in order.iter().enumerate() {
            if let Some(slot) = new_index.get_mut(*old) {
                *slot = new;
            }
        }
        let remap = |old: usize| new_index.get(old).copied().unwrap_or(old);
        let mut slots: Vec<Option<NodeSpec>> = specs.into_iter().map(Some).collect();
        let mut nodes = Vec::with_capacity(order.len());
        for old in &order {
            let Some(spec) = slots.get_mut(*old).and_then(Option::take) else {
                continue;
            };
            let depth = depths.get(*old).copied().unwrap_or(1);
            nodes.push(Node {
                spec,
                level: Level::at_depth(depth),
                depth,
                parent: parent_of.get(*old).copied().flatten().map(remap),
                children: children
                    .get(*old)
                    .map(|kids| kids.iter().map(|k| remap(*k)).collect())
                    .unwrap_or_default(),
            });
        }
        let roots: Vec<usize> = roots.into_iter().map(remap).collect();
        let by_code = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.spec.code.clone(), i))
            .collect();

        let framework = Framework {
            info,
            total_points,
            combine,
            when_not_applicable,
            nodes,
            roots,
            by_code,
        };
        framework.validate()?;
        Ok(framework)
    }

    fn validate(&self) -> Result<(), Error> {
        for node in &self.nodes {
            let at = node.node_ref();
            if node.spec.max_points <= Decimal::ZERO {
                return Err(ErrorKind::NonPositiveMax {
                    node: at,
                    max: node.spec.max_points,
                }
                .into());
            }
            if let Some(weight) = node.spec.weight {
                if weight <= Decimal::ZERO {
                    return Err(ErrorKind::NonPositiveWeight { node: at, weight }.into());
                }
            }
            let parent_combine = match node.parent {
                Some(p) => self.nodes.get(p).map_or(Combine::Sum, |n| n.spec.combine),
                None => self.combine,
            };
            match (parent_combine, node.spec.weight) {
                (Combine::WeightedMean, None) => {
                    return Err(ErrorKind::MissingWeight { node: at }.into());
                }
                (Combine::Sum, Some(_)) => {
                    return Err(ErrorKind::MisplacedField {
                        node: at,
                        field: NodeField::Weight,
                        reason: "its parent sums points and uses no weights",
                    }
                    .into());
                }
                _ => {}
            }
            if node.is_leaf() {
                if node.spec.combine != Combine::Sum {
                    return Err(ErrorKind::MisplacedField {
                        node: at,
                        field: NodeField::Combine,
                        reason: "it has no children to combine",
                    }
                    .into());
                }
                if node.spec.when_not_applicable != NotApplicablePolicy::DropMaximum {
                    return Err(ErrorKind::MisplacedField {
                        node: at,
                        field: NodeField::WhenNotApplicable,
                        reason: "it has no children",
                    }
                    .into());
                }
                node.rule().unwrap_or(&Rule::Direct).validate(
                    &at,
                    node.spec.max_points,
                    node.spec.optional,
                )?;
            } else {
                if node.spec.rule.is_some() {
                    return Err(ErrorKind::MisplacedField {
                        node: at,
                        field: NodeField::Rule,
                        reason: "only leaves are scored by a rule; it has children",
                    }
                    .into());
                }
                if node.spec.optional {
                    return Err(ErrorKind::MisplacedField {
                        node: at,
                        field: NodeField::Optional,
                        reason: "only leaves can be reported not applicable; it has children",
                    }
                    .into());
                }
            }
        }
        // Sums come after every node's own fields, so that a child's negative maximum is
        // reported as such rather than as its parent's mismatch.
        for node in self.nodes.iter().filter(|n| !n.is_leaf()) {
            if node.spec.combine == Combine::Sum {
                let at = node.node_ref();
                let sum = checked_sum_decimals(
                    node.children
                        .iter()
                        .filter_map(|c| self.nodes.get(*c))
                        .map(|c| c.spec.max_points),
                    &at,
                )?;
                if sum != node.spec.max_points {
                    return Err(ErrorKind::ChildrenSumMismatch {
                        node: at,
                        children_sum: sum.to_decimal(),
                        max: node.spec.max_points,
                    }
                    .into());
                }
            }
        }
        if self.combine == Combine::Sum {
            let sum = checked_sum_decimals(self.domains().map(Node::max_points), &self.info.id)?;
            if sum != self.total_points {
                return Err(ErrorKind::TotalMismatch {
                    id: self.info.id.clone(),
                    sum: sum.to_decimal(),
                    declared: self.total_points,
                }
                .into());
            }
        }
        Ok(())
    }

    /// What the framework is and where it comes from.
    pub fn info(&self) -> &FrameworkInfo {
        &self.info
    }

    /// The framework's id.
    pub fn id(&self) -> &str {
        &self.info.id
    }

    /// The declared total (100 for the PAR Index).
    pub fn total_points(&self) -> Decimal {
        self.total_points
    }

    /// How the domains combine into the total.
    pub fn combine(&self) -> Combine {
        self.combine
    }

    /// What the total does with domains that are not applicable.
    pub fn when_not_applicable(&self) -> NotApplicablePolicy {
        self.when_not_applicable
    }

    /// Every node, in pre-order (each parent before its children, siblings as declared).
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = &Node> + '_ {
        self.nodes.iter()
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Always false: a framework has at least one node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The domains (depth 1), as declared.
    pub fn domains(&self) -> impl Iterator<Item = &Node> + '_ {
        self.roots.iter().filter_map(|i| self.nodes.get(*i))
    }

    /// The leaves: the nodes scored by a rule, in pre-order.
    pub fn leaves(&self) -> impl Iterator<Item = &Node> + '_ {
        self.nodes.iter().filter(|n| n.is_leaf())
    }

    /// The node with this code.
    pub fn node(&self, code: impl AsRef<str>) -> Option<&Node> {
        let code = code.as_ref();
        let code: Code = code.parse().ok()?;
        self.node_by_code(&code)
    }

    /// The node with this code.
    pub fn node_by_code(&self, code: &Code) -> Option<&Node> {
        self.by_code.get(code).and_then(|i| self.nodes.get(*i))
    }

    /// The children of a node, as declared.
    pub fn children<'a>(&'a self, node: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        node.children.iter().filter_map(|i| self.nodes.get(*i))
    }

    /// The parent of a node; `None` for a domain.
    pub fn parent(&self, node: &Node) -> Option<&Node> {
        node.parent.and_then(|i| self.nodes.get(i))
    }

    /// The domain a node belongs to (itself for a domain).
    pub fn domain_of<'a>(&'a self, node: &'a Node) -> &'a Node {
        let mut current = node;
        while let Some(parent) = self.parent(current) {
            current = parent;
        }
        current
    }

    /// The framework in its declared form, nodes in pre-order.
    pub fn to_spec(&self) -> FrameworkSpec {
        FrameworkSpec {
            info: self.info.clone(),
            total_points: self.total_points,
            combine: self.combine,
            when_not_applicable: self.when_not_applicable,
            nodes: self.nodes.iter().map(|n| n.spec.clone()).collect(),
        }
    }

    pub(crate) fn node_at(&self, index: usize) -> Option<&Node> {
        self.nodes.get(index)
    }

    pub(crate) fn index_of(&self, code: &Code) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    pub(crate) fn root_indices(&self) -> &[usize] {
        &self.roots
    }
}

/// The depth of every node (1 for a domain), refusing cycles and trees deeper than
/// [`MAX_DEPTH`]. A walk up from a node stops at the first node whose depth is known, so each
/// node is walked once and the whole takes time linear in the number of nodes; a cycle is
/// reported as a cycle however long it is.
fn depths(specs: &[NodeSpec], parent_of: &[Option<usize>]) -> Result<Vec<usize>, Error> {
    /// Not yet reached, on the walk under way, or of known depth.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        New,
        OnPath,
        Known(usize),
    }
    let mut states = vec![State::New; specs.len()];
    let mut path = Vec::new();
    for start in 0..specs.len() {
        let mut current = Some(start);
        let mut depth = 0usize;
        while let Some(node) = current {
            match states.get(node).copied() {
                Some(State::Known(known)) => {
                    depth = known;
                    break;
                }
                Some(State::OnPath) => {
                    // The walk came back to a node it passed: that node is on a cycle.
                    if let Some(spec) = specs.get(node) {
                        return Err(ErrorKind::ParentCycle {
                            code: spec.code.clone(),
                        }
                        .into());
                    }
                    break;
                }
                Some(State::New) => {}
                None => break,
            }
            if let Some(state) = states.get_mut(node) {
                *state = State::OnPath;
            }
            path.push(node);
            current = parent_of.get(node).copied().flatten();
        }
        while let Some(node) = path.pop() {
            depth = depth.saturating_add(1);
            if let Some(state) = states.get_mut(node) {
                *state = State::Known(depth);
            }
        }
    }
    let depths: Vec<usize> = states
        .into_iter()
        .map(|state| match state {
            State::Known(depth) => depth,
            State::New | State::OnPath => 1,
        })
        .collect();
    if let Some((spec, _)) = specs
        .iter()
        .zip(&depths)
        .find(|(_, depth)| **depth > MAX_DEPTH)
    {
        return Err(ErrorKind::TooDeep {
            code: spec.code.clone(),
            max_depth: MAX_DEPTH,
        }
        .into());
    }
    Ok(depths)
}

/// The sum of the domains' maxima (the nodes without a parent): the declared total of a
/// framework that does not state one.
pub(crate) fn sum_of_domains(nodes: &[NodeSpec], id: &str) -> Result<Decimal, Error> {
    let domains = nodes
        .iter()
        .filter(|n| n.parent.is_none())
        .map(|n| n.max_points);
    Ok(crate::math::checked_sum_decimals(domains, &id)?.to_decimal())
}

/// Builds a [`Framework`] node by node; problems are reported by [`FrameworkBuilder::build`].
///
/// Methods that set a field (`name_en`, `rule`, `method`, `weight`, `optional`, `combine`,
/// `when_not_applicable`) apply to the node added last.
///
/// # Examples
///
/// ```
/// use par_index::{Framework, FrameworkBuilder, Rule};
///
/// let framework = FrameworkBuilder::new("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .child("1", "1.1", "Ban hành văn bản", 4.into())
///     .rule(Rule::yes_no())
///     .domain("2", "Cải cách thủ tục hành chính", 6.into())
///     .build()?;
/// assert_eq!(framework.total_points().to_string(), "10");
/// assert_eq!(framework.leaves().count(), 2);
///
/// // Children whose maxima do not add up to their parent's are refused.
/// let wrong = Framework::builder("demo", "Demo")
///     .domain("1", "Cải cách thể chế", 4.into())
///     .child("1", "1.1", "Ban hành văn bản", 3.into())
///     .build();
/// assert!(wrong.is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct FrameworkBuilder {
    spec: FrameworkSpec,
    /// False until [`FrameworkBuilder::total_points`]: the total is then the domains' sum.
    total_given: bool,
    error: Option<Error>,
}

impl FrameworkBuilder {
    /// Starts a framework with an id and a title and summed domains; the declared total is
    /// the sum of the domains' maxima unless [`FrameworkBuilder::total_points`] states it, as
    /// in a framework read from CSV.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> FrameworkBuilder {
        FrameworkBuilder {
            spec: FrameworkSpec {
                info: FrameworkInfo {
                    id: id.into(),
                    title: title.into(),
                    ..FrameworkInfo::default()
                },
                total_points: Decimal::ONE_HUNDRED,
                combine: Combine::Sum,
                when_not_applicable: NotApplicablePolicy::DropMaximum,
                nodes: Vec::new(),
            },
            total_given: false,
            error: None,
        }
    }

    /// Replaces the metadata, keeping nodes and totals.
    pub fn info(mut self, info: FrameworkInfo) -> Self {
        self.spec.info = info;
        self
    }

    /// Sets the decision the framework implements.
    pub fn decision(mut self, decision: Decision) -> Self {
        self.spec.info.decision = Some(decision);
        self
    }

    /// Sets the declared total (the sum of the domains' maxima unless stated). A stated
    /// total is checked against that sum when the domains are summed.
    pub fn total_points(mut self, total: Decimal) -> Self {
        self.spec.total_points = total;
        self.total_given = true;
        self
    }

    /// Sets how domains combine into the total.
    pub fn combine_domains(mut self, combine: Combine) -> Self {
        self.spec.combine = combine;
        self
    }

    /// Sets what the total does with domains that are not applicable.
    pub fn domains_when_not_applicable(mut self, policy: NotApplicablePolicy) -> Self {
        self.spec.when_not_applicable = policy;
        self
    }

    /// Adds a fully declared node.
    pub fn node(mut self, node: NodeSpec) -> Self {
        self.spec.nodes.push(node);
        self
    }

    /// Adds a domain. The code is given as text or as a [`Code`], like every code the
    /// library is handed; a builder checks it, with everything else, when built.
    pub fn domain(self, code: impl AsRef<str>, name_vi: &str, max_points: Decimal) -> Self {
        self.add(None, code.as_ref(), name_vi, max_points)
    }

    /// Adds a node under `parent`.
    pub fn child(
        self,
        parent: impl AsRef<str>,
        code: impl AsRef<str>,
        name_vi: &str,
        max_points: Decimal,
    ) -> Self {
        self.add(Some(parent.as_ref()), code.as_ref(), name_vi, max_points)
    }

    fn add(mut self, parent: Option<&str>, code: &str, name_vi: &str, max: Decimal) -> Self {
        let parsed = code
            .parse::<Code>()
            .and_then(|code| Ok((code, parent.map(str::parse::<Code>).transpose()?)));
        match parsed {
            Ok((code, parent)) => {
                let mut node = NodeSpec::new(code, name_vi, max);
                node.parent = parent;
                self.spec.nodes.push(node);
            }
            Err(error) => {
                self.error.get_or_insert(error);
            }
        }
        self
    }

    fn last(mut self, set: impl FnOnce(&mut NodeSpec)) -> Self {
        match self.spec.nodes.last_mut() {
            Some(node) => set(node),
            None => {
                self.error
                    .get_or_insert(ErrorKind::BuilderWithoutNode.into());
            }
        }
        self
    }

    /// Sets the English name of the last node.
    pub fn name_en(self, name: &str) -> Self {
        self.last(|n| n.name_en = name.to_owned())
    }

    /// Sets the scoring rule of the last node.
    pub fn rule(self, rule: Rule) -> Self {
        self.last(|n| n.rule = Some(rule))
    }

    /// Sets how the last node is assessed.
    pub fn method(self, method: Method) -> Self {
        self.last(|n| n.method = method)
    }

    /// Sets the weight of the last node in its parent's weighted mean.
    pub fn weight(self, weight: Decimal) -> Self {
        self.last(|n| n.weight = Some(weight))
    }

    /// Marks the last node optional: a unit may report it not applicable.
    pub fn optional(self) -> Self {
        self.last(|n| n.optional = true)
    }

    /// Sets how the last node combines its children.
    pub fn combine(self, combine: Combine) -> Self {
        self.last(|n| n.combine = combine)
    }

    /// Sets what the last node does with children that are not applicable.
    pub fn when_not_applicable(self, policy: NotApplicablePolicy) -> Self {
        self.last(|n| n.when_not_applicable = policy)
    }

    /// Validates the whole tree and builds the framework.
    ///
    /// # Errors
    ///
    /// A code that did not parse ([`ErrorKind::InvalidCode`]), a field set before any node
    /// ([`ErrorKind::BuilderWithoutNode`]), or any error of [`Framework::from_spec`].
    pub fn build(mut self) -> Result<Framework, Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        if !self.total_given {
            self.spec.total_points = sum_of_domains(&self.spec.nodes, &self.spec.info.id)?;
        }
        Framework::from_spec(self.spec)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Framework {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_spec().serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Framework {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Framework, D::Error> {
        let spec = FrameworkSpec::deserialize(deserializer)?;
        Framework::from_spec(spec).map_err(serde::de::Error::custom)
    }
}
