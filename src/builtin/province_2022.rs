//! The provincial PAR Index of Decision 876/QĐ-BNV (PAR 2022 and 2023), to its verified
//! four-component split.

use rust_decimal::Decimal;

use super::{Builtin, DECISION_876, DomainStructure, Structure};
use crate::code::Level;
use crate::error::Error;
use crate::framework::{Framework, Method};
use crate::rule::Rule;

const ID: &str = "vn-par-province-2022";

pub(super) const BUILTIN: Builtin = Builtin {
    id: ID,
    title: "Provincial PAR Index 2022 (Decision 876/QĐ-BNV), component level",
    title_vi: "Chỉ số CCHC cấp tỉnh năm 2022 (Quyết định 876/QĐ-BNV), đến cấp thành phần",
    issued: Some(DECISION_876),
    verified_depth: Some(Level::Domain),
    build: vn_par_province_2022,
};

const SOURCES: [&str; 5] = [
    // Huế's plan: appraisal 68 + leaders' survey 22 + SIPAS 10; 37 criteria, 102 sub-criteria.
    "https://m.thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-205-KH-UBND-2023-nang-cao-Chi-so-cai-cach-hanh-chinh-PAR-INDEX-Hue-569079.aspx",
    // Ninh Thuận: appraisal 61.5 + SIPAS 10 + leaders 22 + socio-economic 6.5; its 2022 result.
    "https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=31918",
    // BNV summary: 8 domains, 37 criteria, 88 sub-criteria, 32 survey points; domain names.
    "https://baodaknong.vn/ket-qua-chi-so-cai-cach-hanh-chinh-nam-2023-par-index-2023-208852.html",
    // The decision's number and date, and 2022 as its first year.
    "https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/43855/tieu-chi-xac-dinh-chi-so-cchc-cap-bo-giai-doan-2022-2030",
    // A new criteria set (892/QĐ-BNV, 05/12/2024) from PAR 2024.
    "https://doanhnghieptiepthi.vn/ha-noi-xep-thu-3-ca-nuoc-ve-chi-so-cai-cach-hanh-chinh-161250406224503325.htm",
];

const NOTES: &str = "Verified to the split of the 100 points into four components: appraisal of \
the assessed criteria 61.5, socio-economic impact data 6.5 (scored within the 68 appraised \
points), survey of leaders and managers 22, citizen satisfaction survey (SIPAS) 10. Each \
component is a top-level node scored by the direct rule: its points are entered as published. \
The components' Vietnamese names describe them; they are not quoted from the decision. The eight domains of the decision are metadata only (builtin::structure): their maxima, and the \
points and rules of every criterion and sub-criterion, are not verified and are not modelled. \
Applies to PAR 2022 and 2023; 892/QĐ-BNV (05/12/2024) replaced it from PAR 2024.";

/// The four components: code, Vietnamese name, English name, maximum in tenths, method.
const COMPONENTS: [(&str, &str, &str, i64, Method); 4] = [
    (
        "appraisal",
        "Thẩm định kết quả tự đánh giá các tiêu chí, tiêu chí thành phần",
        "Appraisal of the self-assessed criteria and sub-criteria",
        615,
        Method::Appraisal,
    ),
    (
        "socioeconomic",
        "Tác động đến phát triển kinh tế - xã hội (số liệu thống kê)",
        "Impact on socio-economic development (statistical data)",
        65,
        Method::Statistics,
    ),
    (
        "leaders",
        "Khảo sát lãnh đạo, quản lý",
        "Survey of leaders and managers",
        220,
        Method::LeaderSurvey,
    ),
    (
        "sipas",
        "Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)",
        "Citizen and organisation satisfaction survey (SIPAS)",
        100,
        Method::CitizenSurvey,
    ),
];

pub(super) static STRUCTURE: Structure = Structure {
    framework: ID,
    stated_criteria: Some(37),
    stated_sub_criteria: None,
    domains: &[
        name_only(
            1,
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Direction and management of administrative reform",
        ),
        name_only(2, "Cải cách thể chế", "Institutional reform"),
        name_only(
            3,
            "Cải cách thủ tục hành chính",
            "Administrative-procedure reform",
        ),
        name_only(
            4,
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            "Reform of the state administrative apparatus",
        ),
        name_only(5, "Cải cách chế độ công vụ", "Civil-service reform"),
        name_only(6, "Cải cách tài chính công", "Public-finance reform"),
        name_only(
            7,
            "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            "E-government and digital government",
        ),
        name_only(
            8,
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh",
            "Impact of administrative reform on people, organisations and the province's socio-economic development",
        ),
    ],
    notes: "37 criteria in every source. Sub-criteria: 88 in BNV's summary report, 102 in Huế's \
plan; the conflict is unresolved, so no count is stated. Counts per domain are not known.",
};

const fn name_only(number: u8, name_vi: &'static str, name_en: &'static str) -> DomainStructure {
    DomainStructure {
        number,
        name_vi,
        name_en,
        criteria: None,
        sub_criteria: None,
    }
}

/// The provincial PAR Index of Decision **876/QĐ-BNV** (Bộ Nội vụ, **10/11/2022**), used for
/// PAR 2022 and 2023; id `vn-par-province-2022`.
///
/// Verified to its **four components**, which are the top-level nodes (at
/// [`Level::Domain`] in the library's terms; they are not the decision's eight domains):
///
/// | code | component | max | method |
/// |---|---|---|---|
/// | `appraisal` | appraisal of the self-assessed criteria | 61.5 | [`Method::Appraisal`] |
/// | `socioeconomic` | socio-economic impact data | 6.5 | [`Method::Statistics`] |
/// | `leaders` | survey of leaders and managers | 22 | [`Method::LeaderSurvey`] |
/// | `sipas` | citizen satisfaction survey (SIPAS) | 10 | [`Method::CitizenSurvey`] |
///
/// The appraisal and the socio-economic data make the 68 appraised points; the two surveys
/// the other 32. Each component is scored by [`Rule::Direct`]. The names of the decision's
/// eight domains are returned by [`super::structure`]; their maxima are not verified and are
/// not modelled.
///
/// Sources:
/// - split 68 + 22 + 10 (Huế plan 205/KH-UBND):
///   <https://m.thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-205-KH-UBND-2023-nang-cao-Chi-so-cai-cach-hanh-chinh-PAR-INDEX-Hue-569079.aspx>
/// - split 61.5 + 10 + 22 + 6.5 and Ninh Thuận's 2022 result:
///   <https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=31918>
/// - domains and counts (BNV summary):
///   <https://baodaknong.vn/ket-qua-chi-so-cai-cach-hanh-chinh-nam-2023-par-index-2023-208852.html>
/// - decision and date: <https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/43855/tieu-chi-xac-dinh-chi-so-cchc-cap-bo-giai-doan-2022-2030>
/// - replaced for PAR 2024: <https://doanhnghieptiepthi.vn/ha-noi-xep-thu-3-ca-nuoc-ve-chi-so-cai-cach-hanh-chinh-161250406224503325.htm>
///
/// # Errors
///
/// None in practice (see [`Builtin::framework`]).
pub fn vn_par_province_2022() -> Result<Framework, Error> {
    let mut builder = Framework::builder(ID, BUILTIN.title).info(BUILTIN.info(&SOURCES, NOTES));
    for (code, name_vi, name_en, tenths, method) in COMPONENTS {
        builder = builder
            .domain(code, name_vi, Decimal::new(tenths, 1))
            .name_en(name_en)
            .method(method)
            .rule(Rule::Direct);
    }
    builder.build()
}
