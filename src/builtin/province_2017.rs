//! The provincial PAR Index of Decision 2948/QĐ-BNV (PAR 2017), to domain level.

use rust_decimal::Decimal;

use super::{Builtin, Issued, Structure, domain};
use crate::code::Level;
use crate::error::Error;
use crate::framework::Framework;
use crate::rule::Rule;

const ID: &str = "vn-par-province-2017";

/// Decision 2948/QĐ-BNV, the provincial PAR Index from 2017.
const DECISION_2948: Issued =
    Issued::by_the_ministry("2948/QĐ-BNV", "2017-12-28", 2017, Some(2017));

pub(super) const BUILTIN: Builtin = Builtin {
    id: ID,
    title: "Provincial PAR Index 2017 (Decision 2948/QĐ-BNV), domain level",
    title_vi: "Chỉ số CCHC cấp tỉnh năm 2017 (Quyết định 2948/QĐ-BNV), đến cấp lĩnh vực",
    issued: Some(DECISION_2948),
    verified_depth: Some(Level::Domain),
    build: vn_par_province_2017,
};

const SOURCES: [&str; 4] = [
    // The domain table: maxima, criterion and sub-criterion counts.
    "https://bonoivu.cls.vn/BoNoiVuTemplate/ChiTietKhoaHoc/22610",
    // The decision's date, and the dates of the decisions before and after it.
    "https://www.danangbus.vn/tin-tuc/tin-tuc/cac-chi-so-par-index-papi-sipas-va-nhung-dieu-can-biet-5402.html",
    "https://ls1.hethongphapluat.com/quyet-dinh-216-qd-ubnd-nam-2018-ve-ke-hoach-trien-khai-xac-dinh-chi-so-cai-cach-hanh-chinh-tinh-nghe-an-nam-2017.html",
    // Quảng Nam's 2017 domain scores, which fit these maxima.
    "http://baoquangnam.vn/cai-cach-hanh-chinh/quang-nam-tut-20-bac-chi-so-cai-cach-hanh-chinh-60038.html",
];

const NOTES: &str = "Verified to domain level: the eight domain maxima 10, 10, 14.5, 11, 16, 7, 16 \
and 15.5 (= 100) and the decision's date (28/12/2017). Each domain is a leaf scored by the direct \
rule: the appraised points of the domain are entered as published. Not verified: the points and \
rules of the criteria and sub-criteria, and how each domain splits between appraisal and survey \
(every domain keeps the default method). Domain names are those reported by the source, with \
abbreviations written out. Criterion and sub-criterion counts per domain are metadata \
(builtin::structure): the rows add up to 39 criteria where the source states 38, and to 81 \
sub-criteria as stated. Applies to PAR 2017; the next revision, 2636/QĐ-BNV, is dated 10/12/2018.";

/// Domain maxima in tenths of a point, in the decision's order.
const MAXIMA_TENTHS: [i64; 8] = [100, 100, 145, 110, 160, 70, 160, 155];

pub(super) static STRUCTURE: Structure = Structure {
    framework: ID,
    stated_criteria: Some(38),
    stated_sub_criteria: Some(81),
    domains: &[
        domain(
            1,
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            "Direction and management of administrative reform",
            6,
            6,
        ),
        domain(
            2,
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh",
            "Making and implementing legal documents in the province",
            4,
            6,
        ),
        domain(
            3,
            "Cải cách thủ tục hành chính",
            "Administrative-procedure reform",
            5,
            16,
        ),
        domain(
            4,
            "Cải cách tổ chức bộ máy hành chính",
            "Reform of the administrative apparatus",
            4,
            10,
        ),
        domain(
            5,
            "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
            "Quality of civil servants and public employees",
            9,
            16,
        ),
        domain(6, "Cải cách tài chính công", "Public-finance reform", 3, 6),
        domain(
            7,
            "Hiện đại hóa hành chính",
            "Administrative modernisation",
            5,
            18,
        ),
        domain(
            8,
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
            "Impact of administrative reform on people, organisations and socio-economic development",
            3,
            3,
        ),
    ],
    notes: "The source states 38 criteria, but its rows add up to 39 (6 + 4 + 5 + 4 + 9 + 3 + 5 + 3); \
which row is off is not known. The 81 sub-criteria agree with the rows.",
};

/// The provincial PAR Index of Decision **2948/QĐ-BNV** (Bộ Nội vụ, **28/12/2017**), used for
/// PAR 2017; id `vn-par-province-2017`.
///
/// Verified to **domain level** ([`Level::Domain`]): eight domains, coded `1` to `8`, with the
/// maxima 10, 10, 14.5, 11, 16, 7, 16 and 15.5 (= 100). Each domain is a leaf scored by
/// [`Rule::Direct`]: the unit's appraised domain points are entered as published. The points
/// and rules of criteria and sub-criteria are not public in a checkable form and are not
/// modelled; their counts per domain are returned by [`super::structure`] (6/6, 4/6, 5/16,
/// 4/10, 9/16, 3/6, 5/18, 3/3; the rows add up to 39 criteria while the source states 38).
///
/// Sources:
/// - domain table: <https://bonoivu.cls.vn/BoNoiVuTemplate/ChiTietKhoaHoc/22610>
/// - date: <https://www.danangbus.vn/tin-tuc/tin-tuc/cac-chi-so-par-index-papi-sipas-va-nhung-dieu-can-biet-5402.html>
///   and Nghệ An 216/QĐ-UBND, which cites 2948/QĐ-BNV of 28/12/2017:
///   <https://ls1.hethongphapluat.com/quyet-dinh-216-qd-ubnd-nam-2018-ve-ke-hoach-trien-khai-xac-dinh-chi-so-cai-cach-hanh-chinh-tinh-nghe-an-nam-2017.html>
/// - Quảng Nam's 2017 domain scores fit these maxima:
///   <http://baoquangnam.vn/cai-cach-hanh-chinh/quang-nam-tut-20-bac-chi-so-cai-cach-hanh-chinh-60038.html>
///
/// # Errors
///
/// None in practice (see [`Builtin::framework`]).
pub fn vn_par_province_2017() -> Result<Framework, Error> {
    let mut builder = Framework::builder(ID, BUILTIN.title).info(BUILTIN.info(&SOURCES, NOTES));
    for (domain, tenths) in STRUCTURE.domains.iter().zip(MAXIMA_TENTHS) {
        builder = builder
            .domain(
                domain.number.to_string(),
                domain.name_vi,
                Decimal::new(tenths, 1),
            )
            .name_en(domain.name_en)
            .rule(Rule::Direct);
    }
    builder.build()
}
