//! The ministry PAR Index of Decision 876/QĐ-BNV (PAR 2022 and 2023), to its verified survey
//! share.

use rust_decimal::Decimal;

use super::{Builtin, DECISION_876, Structure, domain};
use crate::code::Level;
use crate::error::Error;
use crate::framework::{Framework, Method};
use crate::rule::Rule;

const ID: &str = "vn-par-ministry-2022";

pub(super) const BUILTIN: Builtin = Builtin {
    id: ID,
    title: "Ministry PAR Index 2022 (Decision 876/QĐ-BNV), survey share only",
    title_vi: "Chỉ số CCHC cấp bộ năm 2022 (Quyết định 876/QĐ-BNV), chỉ tách phần điều tra xã hội học",
    issued: Some(DECISION_876),
    verified_depth: Some(Level::Domain),
    build: vn_par_ministry_2022,
};

const SOURCES: [&str; 4] = [
    // 38 criteria, 97 sub-criteria, survey 31.5 of 100; the decision's date.
    "https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/43855/tieu-chi-xac-dinh-chi-so-cchc-cap-bo-giai-doan-2022-2030",
    // The seven domains with their criterion and sub-criterion counts.
    "https://baochinhphu.vn/print/tieu-chi-xac-dinh-chi-so-cai-cach-hanh-chinh-cap-bo-giai-doan-2022-2030-10222111515102449.htm",
    // The index is assessed by two methods: appraisal of the self-assessment, and survey.
    "https://baophapluat.vn/danh-gia-chi-so-cai-cach-hanh-chinh-qua-hai-phuong-phap-post458794.html",
    "https://sonoivu.namdinh.gov.vn/van-ban-chinh-sach/quyet-dinh-so-1150qd-bnv-phe-duyet-bo-chi-so-cchc-cac-bo-co-quan-ngang-bo-uy-ban-nhan-dan-tinh-thanh-pho-truc-thuoc-863",
];

const NOTES: &str = "Verified: the survey share, 31.5 of the 100 points. The other component, \
68.5, is arithmetic (100 - 31.5), not a number stated by the source; it is named appraisal \
because the index is assessed by two methods, appraisal of the self-assessment and survey. Who \
is surveyed is not verified, so the survey component has the generic survey method. Each \
component is a top-level node scored by the direct rule. The seven domains, with 38 criteria \
and 97 sub-criteria, are metadata only (builtin::structure): the points of each domain are not \
verified and are not modelled. Applies to PAR 2022 and 2023; 892/QĐ-BNV (05/12/2024) replaced \
the method from PAR 2024.";

pub(super) static STRUCTURE: Structure = Structure {
    framework: ID,
    stated_criteria: Some(38),
    stated_sub_criteria: Some(97),
    domains: &[
        domain(
            1,
            "Công tác chỉ đạo, điều hành",
            "Direction and management",
            7,
            6,
        ),
        domain(2, "Cải cách thể chế", "Institutional reform", 9, 15),
        domain(
            3,
            "Cải cách thủ tục hành chính",
            "Administrative-procedure reform",
            6,
            19,
        ),
        domain(4, "Tổ chức bộ máy", "Organisational structure", 4, 14),
        domain(5, "Chế độ công vụ", "Civil-service regime", 6, 16),
        domain(6, "Tài chính công", "Public finance", 3, 13),
        domain(
            7,
            "Chính phủ điện tử, Chính phủ số",
            "E-government and digital government",
            3,
            14,
        ),
    ],
    notes: "Domain names are the short forms reported by the source. Per-domain counts add up to \
the stated 38 criteria and 97 sub-criteria.",
};

/// The ministry PAR Index of Decision **876/QĐ-BNV** (Bộ Nội vụ, **10/11/2022**), used for
/// PAR 2022 and 2023; id `vn-par-ministry-2022`.
///
/// Only the **survey share** is verified: 31.5 of the 100 points. The built-in models what
/// that allows, as two top-level components scored by [`Rule::Direct`]:
///
/// | code | component | max | method |
/// |---|---|---|---|
/// | `appraisal` | appraisal of the self-assessment | 68.5 | [`Method::Appraisal`] |
/// | `survey` | sociological survey | 31.5 | [`Method::Survey`] |
///
/// 68.5 is arithmetic, 100 − 31.5, not a number the source states. The seven domains, with
/// their criterion and sub-criterion counts (7/6, 9/15, 6/19, 4/14, 6/16, 3/13, 3/14 = 38/97),
/// are returned by [`super::structure`]; the points of each domain are not verified.
///
/// Sources:
/// - 38 criteria, 97 sub-criteria, survey 31.5:
///   <https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/43855/tieu-chi-xac-dinh-chi-so-cchc-cap-bo-giai-doan-2022-2030>
/// - domains and counts:
///   <https://baochinhphu.vn/print/tieu-chi-xac-dinh-chi-so-cai-cach-hanh-chinh-cap-bo-giai-doan-2022-2030-10222111515102449.htm>
/// - two methods, appraisal and survey:
///   <https://baophapluat.vn/danh-gia-chi-so-cai-cach-hanh-chinh-qua-hai-phuong-phap-post458794.html>,
///   <https://sonoivu.namdinh.gov.vn/van-ban-chinh-sach/quyet-dinh-so-1150qd-bnv-phe-duyet-bo-chi-so-cchc-cac-bo-co-quan-ngang-bo-uy-ban-nhan-dan-tinh-thanh-pho-truc-thuoc-863>
///
/// # Errors
///
/// None in practice (see [`Builtin::framework`]).
pub fn vn_par_ministry_2022() -> Result<Framework, Error> {
    Framework::builder(ID, BUILTIN.title)
        .info(BUILTIN.info(&SOURCES, NOTES))
        .domain(
            "appraisal",
            "Thẩm định kết quả tự đánh giá",
            Decimal::new(685, 1),
        )
        .name_en("Appraisal of the self-assessment")
        .method(Method::Appraisal)
        .rule(Rule::Direct)
        .domain("survey", "Điều tra xã hội học", Decimal::new(315, 1))
        .name_en("Sociological survey")
        .method(Method::Survey)
        .rule(Rule::Direct)
        .build()
}
