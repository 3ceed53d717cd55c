//! Editable templates of lead agencies per domain: inferred, not law.

use crate::accountability::agency::{Agency, AgencyKind, Head};
use crate::accountability::assignment::{Assignments, NodeAssignment};
use crate::code::Code;
use crate::error::Error;

/// Where the templates' mapping comes from. The sources say only that the Department of Home
/// Affairs leads and consolidates, and that Finance, Justice, Information and
/// Communications (Science and Technology since 2025) and the People's Committee office
/// coordinate "on each domain as assigned"; the domain-to-agency mapping itself is inferred
/// from each domain's content.
const SOURCES: [&str; 3] = [
    // Nghệ An: SNV leads; Finance, Justice, TT&TT, KH&CN and the UBND office coordinate.
    "https://nguoinghe.vn/nghe-an-thuc-hien-tham-muu-trien-khai-de-an-xac-dinh-chi-so-cai-cach-hanh-chinh-giai-doan-2022-2030-a249245.html",
    // Hà Nội 2025: self-assessment by the UBND office, the public service centre, Justice,
    // Finance, Science and Technology.
    "https://sovhtt.hanoi.gov.vn/en/hanoi-implements-assessment-of-administrative-reform-index-for-2025",
    // Bình Định: revision of the index ordered with SNV assigned to lead.
    "https://binhdinh.gov.vn/tin-tuc/chuyen-de/cai-cach-hanh-chinh/chu-tich-ubnd-tinh-chi-dao-viec-sua-doi-bo-sung-bo-chi-so-cai-cach-hanh-chinh-cua-tinh.html",
];

const NOTES: &str = "UNVERIFIED: inferred from the content of each domain, not taken from a \
decision. Sources name the Department of Home Affairs as the lead and consolidator and the \
other agencies as coordinating 'on each domain as assigned'; no source found assigns the \
domains one by one. Domain codes 1 to 8 follow the conventional order of the provincial index \
since 2022: direction of reform, institutions, administrative procedures, organisation, civil \
service, public finance, digital government, impact. Edit the agencies, heads and codes to \
match the decision of your province or city.";

fn agency(
    code: &str,
    name_vi: &str,
    name_en: &str,
    kind: AgencyKind,
    title_vi: &str,
    title_en: &str,
) -> Agency {
    Agency::new(code, name_vi, kind, Head::new(title_vi).title_en(title_en)).name_en(name_en)
}

/// Domain `code` led by `lead`, coordinated by `coordinating`.
fn lead(code: &str, lead: &str, coordinating: &[&str]) -> Result<NodeAssignment, Error> {
    Ok(NodeAssignment {
        code: code.parse::<Code>()?,
        lead: lead.to_owned(),
        coordinating: coordinating.iter().map(|c| (*c).to_owned()).collect(),
    })
}

/// The eight conventional domains and who leads them, given the agency codes of home
/// affairs, justice, the committee office, the public administration centre, finance and
/// digital government, in that order.
fn domains(leads: [&str; 6]) -> Result<Vec<NodeAssignment>, Error> {
    let [home, justice, office, centre, finance, digital] = leads;
    Ok(vec![
        lead("1", home, &[])?,
        lead("2", justice, &[])?,
        lead("3", office, &[centre])?,
        lead("4", home, &[])?,
        lead("5", home, &[])?,
        lead("6", finance, &[])?,
        lead("7", digital, &[])?,
        lead("8", home, &[])?,
    ])
}

/// An inferred template: `agencies`, and the eight domains led as [`domains`] assigns them to
/// the agency codes in `leads`.
fn template(title: &str, title_vi: &str, agencies: Vec<Agency>, leads: [&str; 6]) -> Assignments {
    Assignments {
        title: title.to_owned(),
        title_vi: title_vi.to_owned(),
        framework: None,
        inferred: true,
        sources: SOURCES.iter().map(|s| (*s).to_owned()).collect(),
        notes: NOTES.to_owned(),
        agencies,
        assignments: domains(leads).unwrap_or_default(),
    }
}

impl Assignments {
    /// A template for a provincial PAR index (8 domains, codes `1` to `8`) and the
    /// province's departments. **Inferred, not law**: see [`Assignments::notes`].
    ///
    /// | Domain | Lead | Coordinating |
    /// |---|---|---|
    /// | 1 direction of reform | Home Affairs (`SNV`) | |
    /// | 2 institutions | Justice (`STP`) | |
    /// | 3 administrative procedures | People's Committee office (`VP-UBND`) | public administration service centre (`TTPVHCC`) |
    /// | 4 organisation | Home Affairs | |
    /// | 5 civil service | Home Affairs | |
    /// | 6 public finance | Finance (`STC`) | |
    /// | 7 digital government | Science and Technology (`SKHCN`; Information and Communications until 2025) | |
    /// | 8 impact | Home Affairs | |
    ///
    /// The template names no framework, so it validates against any framework whose domains
    /// are coded `1` to `8`.
    ///
    /// # Examples
    ///
    /// ```
    /// let template = par_index::accountability::Assignments::provincial_template();
    /// assert!(template.inferred);
    /// assert_eq!(template.assignments.len(), 8);
    /// assert_eq!(template.assignments[5].lead, "STC");
    /// ```
    pub fn provincial_template() -> Assignments {
        template(
            "Lead agencies per domain of a provincial PAR index (template)",
            "Cơ quan chủ trì theo lĩnh vực của Chỉ số CCHC cấp tỉnh (mẫu)",
            vec![
                agency(
                    "SNV",
                    "Sở Nội vụ",
                    "Department of Home Affairs",
                    AgencyKind::Department,
                    "Giám đốc Sở Nội vụ",
                    "Director of the Department of Home Affairs",
                ),
                agency(
                    "STP",
                    "Sở Tư pháp",
                    "Department of Justice",
                    AgencyKind::Department,
                    "Giám đốc Sở Tư pháp",
                    "Director of the Department of Justice",
                ),
                agency(
                    "VP-UBND",
                    "Văn phòng Ủy ban nhân dân tỉnh",
                    "Office of the Provincial People's Committee",
                    AgencyKind::Office,
                    "Chánh Văn phòng Ủy ban nhân dân tỉnh",
                    "Chief of the Office",
                ),
                agency(
                    "TTPVHCC",
                    "Trung tâm Phục vụ hành chính công tỉnh",
                    "Provincial Public Administration Service Centre",
                    AgencyKind::Centre,
                    "Giám đốc Trung tâm Phục vụ hành chính công",
                    "Director of the Centre",
                ),
                agency(
                    "STC",
                    "Sở Tài chính",
                    "Department of Finance",
                    AgencyKind::Department,
                    "Giám đốc Sở Tài chính",
                    "Director of the Department of Finance",
                ),
                agency(
                    "SKHCN",
                    "Sở Khoa học và Công nghệ",
                    "Department of Science and Technology (digital government; formerly the Department of Information and Communications)",
                    AgencyKind::Department,
                    "Giám đốc Sở Khoa học và Công nghệ",
                    "Director of the Department of Science and Technology",
                ),
            ],
            ["SNV", "STP", "VP-UBND", "TTPVHCC", "STC", "SKHCN"],
        )
    }

    /// A template for a city's own PAR index, as a city like Hội An would assign it to its
    /// offices (8 domains, codes `1` to `8`, in the conventional order). **Inferred, not
    /// law**: see [`Assignments::notes`].
    ///
    /// | Domain | Lead | Coordinating |
    /// |---|---|---|
    /// | 1 direction of reform | Home Affairs office (`PNV`) | |
    /// | 2 institutions | Justice office (`PTP`) | |
    /// | 3 administrative procedures | office of the People's Council and Committee (`VP`) | public administration centre (`TTHCC`) |
    /// | 4 organisation | Home Affairs office | |
    /// | 5 civil service | Home Affairs office | |
    /// | 6 public finance | Finance and Planning office (`PTCKH`) | |
    /// | 7 digital government | Culture and Information office (`PVHTT`), which held the information-and-communications function at city level (the function moved to science and technology in 2025) | |
    /// | 8 impact | Home Affairs office | |
    ///
    /// Hội An's own index tables were not found; align the codes with the framework used.
    ///
    /// # Examples
    ///
    /// ```
    /// let template = par_index::accountability::Assignments::city_template();
    /// assert_eq!(template.agencies.len(), 6);
    /// assert_eq!(template.assignments[2].lead, "VP");
    /// assert_eq!(template.assignments[2].coordinating, ["TTHCC"]);
    /// ```
    pub fn city_template() -> Assignments {
        template(
            "Lead agencies per domain of a city PAR index, e.g. Hội An (template)",
            "Cơ quan chủ trì theo lĩnh vực của Chỉ số CCHC cấp thành phố, ví dụ Hội An (mẫu)",
            vec![
                agency(
                    "PNV",
                    "Phòng Nội vụ",
                    "Home Affairs Office",
                    AgencyKind::Office,
                    "Trưởng phòng Nội vụ",
                    "Head of the Home Affairs Office",
                ),
                agency(
                    "PTP",
                    "Phòng Tư pháp",
                    "Justice Office",
                    AgencyKind::Office,
                    "Trưởng phòng Tư pháp",
                    "Head of the Justice Office",
                ),
                agency(
                    "VP",
                    "Văn phòng HĐND và UBND thành phố",
                    "Office of the City People's Council and People's Committee",
                    AgencyKind::Office,
                    "Chánh Văn phòng HĐND và UBND thành phố",
                    "Chief of the Office",
                ),
                agency(
                    "TTHCC",
                    "Trung tâm Hành chính công thành phố",
                    "City Public Administration Centre",
                    AgencyKind::Centre,
                    "Giám đốc Trung tâm Hành chính công",
                    "Director of the Centre",
                ),
                agency(
                    "PTCKH",
                    "Phòng Tài chính – Kế hoạch",
                    "Finance and Planning Office",
                    AgencyKind::Office,
                    "Trưởng phòng Tài chính – Kế hoạch",
                    "Head of the Finance and Planning Office",
                ),
                agency(
                    "PVHTT",
                    "Phòng Văn hóa và Thông tin",
                    "Culture and Information Office (digital government)",
                    AgencyKind::Office,
                    "Trưởng phòng Văn hóa và Thông tin",
                    "Head of the Culture and Information Office",
                ),
            ],
            ["PNV", "PTP", "VP", "TTHCC", "PTCKH", "PVHTT"],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_templates_assign_the_eight_domains_in_order() {
        for template in [
            Assignments::provincial_template(),
            Assignments::city_template(),
        ] {
            let codes: Vec<&str> = template
                .assignments
                .iter()
                .map(|a| a.code.as_str())
                .collect();
            assert_eq!(codes, ["1", "2", "3", "4", "5", "6", "7", "8"]);
            assert!(template.inferred);
            assert!(template.notes.starts_with("UNVERIFIED"));
            assert_eq!(template.sources.len(), 3);
        }
    }
}
