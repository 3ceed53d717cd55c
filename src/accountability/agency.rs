//! Agencies (cơ quan) and their heads (người đứng đầu).

/// What kind of body an agency is.
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Agency, AgencyKind, Head};
///
/// let centre = Agency::new("TTHCC", "Trung tâm Phục vụ hành chính công", AgencyKind::Centre,
///     Head::new("Giám đốc Trung tâm"));
/// assert_eq!(centre.kind, AgencyKind::Centre);
/// assert_ne!(centre.kind, AgencyKind::CommuneOrWard);
/// assert_eq!(AgencyKind::default(), AgencyKind::Department);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AgencyKind {
    /// A department (sở) of a province, or a ministry's department.
    #[default]
    Department,
    /// An office (văn phòng, phòng): the People's Committee office, a city's specialised
    /// office.
    Office,
    /// A centre (trung tâm), such as a public administration service centre.
    Centre,
    /// A commune, ward or special zone (xã, phường, đặc khu) committee.
    CommuneOrWard,
    /// Anything else.
    Other,
}

/// The head (người đứng đầu) who answers for an agency's domains.
///
/// The role title is part of the data (Giám đốc Sở Nội vụ, Chánh Văn phòng); the personal
/// name is optional and only ever supplied by the user.
///
/// # Examples
///
/// ```
/// use par_index::accountability::{Agency, AgencyKind, Head};
///
/// let head = Head::new("Chánh Văn phòng").title_en("Chief of Office");
/// let office = Agency::new("VP", "Văn phòng UBND", AgencyKind::Office, head.clone());
/// assert_eq!(office.head_label(), "Chánh Văn phòng");
/// // The person's name is only ever supplied by the user.
/// let named = Agency { head: head.named("Nguyễn Văn A"), ..office };
/// assert_eq!(named.head_label(), "Chánh Văn phòng (Nguyễn Văn A)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Head {
    /// The role title in Vietnamese, e.g. `Giám đốc Sở Nội vụ`.
    pub title_vi: String,
    /// The role title in English, e.g. `Director of Home Affairs`.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub title_en: String,
    /// The person holding the role, if the user supplies it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub name: Option<String>,
}

impl Head {
    /// A head known by their Vietnamese role title.
    pub fn new(title_vi: impl Into<String>) -> Head {
        Head {
            title_vi: title_vi.into(),
            title_en: String::new(),
            name: None,
        }
    }

    /// Sets the English role title.
    pub fn title_en(mut self, title: impl Into<String>) -> Head {
        self.title_en = title.into();
        self
    }

    /// Sets the person's name.
    pub fn named(mut self, name: impl Into<String>) -> Head {
        self.name = Some(name.into());
        self
    }
}

/// An agency that can lead (chủ trì) or coordinate (phối hợp) a domain of an index.
///
/// # Examples
///
/// ```
/// use par_index::{accountability::{Agency, AgencyKind, Head}};
///
/// let justice = Agency::new("STP", "Sở Tư pháp", AgencyKind::Department,
///     Head::new("Giám đốc Sở Tư pháp").title_en("Director of Justice"))
///     .name_en("Department of Justice");
/// assert_eq!(justice.code, "STP");
/// assert_eq!(justice.head.name, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Agency {
    /// A short code, unique among the agencies of one set of assignments, e.g. `SNV`.
    pub code: String,
    /// The name in Vietnamese, e.g. `Sở Nội vụ`.
    pub name_vi: String,
    /// The name in English.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub name_en: String,
    /// What kind of body it is.
    #[cfg_attr(feature = "serde", serde(default))]
    pub kind: AgencyKind,
    /// Its head.
    pub head: Head,
}

impl Agency {
    /// An agency with a code, a Vietnamese name, a kind and a head.
    pub fn new(
        code: impl Into<String>,
        name_vi: impl Into<String>,
        kind: AgencyKind,
        head: Head,
    ) -> Agency {
        Agency {
            code: code.into(),
            name_vi: name_vi.into(),
            name_en: String::new(),
            kind,
            head,
        }
    }

    /// Sets the English name.
    pub fn name_en(mut self, name: impl Into<String>) -> Agency {
        self.name_en = name.into();
        self
    }

    /// How the head is shown in a report: the role title (or, lacking one, the agency's
    /// name), followed by the person's name when given.
    pub fn head_label(&self) -> String {
        let title = if self.head.title_vi.trim().is_empty() {
            &self.name_vi
        } else {
            &self.head.title_vi
        };
        match &self.head.name {
            Some(name) if !name.trim().is_empty() => format!("{title} ({name})"),
            _ => title.clone(),
        }
    }
}
