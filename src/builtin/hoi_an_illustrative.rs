//! An illustrative PAR index for a city's offices and wards, modelled on Hội An: not an
//! official annex.

use rust_decimal::Decimal;

use super::Builtin;
use crate::error::Error;
use crate::framework::{Framework, Method};
use crate::rule::{CountBand, RateBand, Rule, ZeroDenominator};

const ID: &str = "vn-hoi-an-city-illustrative";

pub(super) const BUILTIN: Builtin = Builtin {
    id: ID,
    title: "Hội An city PAR index for offices and wards (illustrative)",
    title_vi: "Chỉ số CCHC các phòng, ban và xã, phường thành phố Hội An (minh họa)",
    issued: None,
    verified_depth: None,
    build: vn_hoi_an_city_illustrative,
};

const SOURCES: [&str; 4] = [
    // The kinds of rule, not their numbers: on-time rates, apologies, meeting bands, −0.25
    // deductions, survey satisfaction.
    "https://thuvienphapluat.vn/bulletin/document.aspx?bid=4cac85e7-7197-4294-bf45-7c4e0081cac5&key=oPVE5UW4rz1NbNH3uUwp%2FQ%3D%3D",
    "https://123docz.net/trich-doan/2592499-hai-long-ve-cach-ung-xu-giao-tiep-tinh-than-trach-nhiem-cua-cong-chuc-lam-viec-tai-bo-phan-tiep-nh.htm",
    "https://plo.vn/thoi-su/chinh-tri/da-nang-nhieu-can-bo-cong-chuc-phai-truc-tiep-xin-loi-dan-301178.html",
    "https://blogkhampha.edu.vn/de-an-do-luong-su-hai-long-cua-nguoi-dan-to-chuc-doi-voi-su-phuc-vu-cua-co-quan-hanh-chinh-nha-nuoc-giai-doan-2017-2023",
];

const NOTES: &str = "ILLUSTRATIVE: not an official annex. Hội An's own criteria for its offices \
and wards are not public; this framework shows how such an index is modelled, with the eight \
provincial PAR domains and the kinds of rule local indices use (on-time dossier rates, written \
apologies for late dossiers, steering-meeting counts, deductions for late reports, citizen \
survey means). Every maximum, band and threshold here is chosen for the illustration, not taken \
from a decision. The sources listed show the kinds of rule only.";

/// An **illustrative** PAR index for a city's specialised offices (phòng) and wards (phường,
/// xã), modelled on Hội An; id `vn-hoi-an-city-illustrative`.
///
/// **This is not an official annex.** Hội An's own criteria are not public. The framework
/// shows how such an index is modelled: the eight provincial PAR domains, 100 points, and
/// the kinds of rule local indices use. Every maximum, band and threshold is chosen for the
/// illustration; [`FrameworkInfo::illustrative`](crate::framework::FrameworkInfo::illustrative) is true
/// and the title says "(illustrative)".
///
/// The leaf codes are stable: examples and tests refer to them.
///
/// | code | leaf | max | rule | evidence |
/// |---|---|---|---|---|
/// | `1.1` | annual PAR plan issued on time | 2 | yes/no | flag |
/// | `1.2` | PAR plan tasks completed | 3 | proportional | rate: done / planned |
/// | `1.3` | PAR steering meetings held | 3 | count bands 4 → 3, 3 → 2.25, 2 → 1.5, 1 → 0.75 | count |
/// | `1.4` | periodic PAR reports | 2 | deduction 0.5 per late report | count of late reports |
/// | `1.5` | PAR communication | 2 | direct | points |
/// | `2.1` | legal documents reviewed | 4 | proportional | rate: reviewed / due |
/// | `2.2` | unlawful documents dealt with | 3 | proportional; none found → full | rate: dealt with / found |
/// | `2.3` | law-enforcement monitoring plan carried out | 3 | yes/no | flag |
/// | `3.1` | dossiers resolved early or on time | 8 | bands 100% → 8, ≥ 98% → 6, ≥ 95% → 4, ≥ 90% → 2; optional, no dossier → not applicable | rate: on time / resolved |
/// | `3.2` | written apologies for late dossiers | 3 | proportional; no late dossier → full | rate: apologies / late dossiers |
/// | `3.3` | procedures published at the one-stop desk and online | 3 | yes/no | flag |
/// | `3.4` | citizens' feedback handled on time | 3 | proportional; none received → full | rate: on time / received |
/// | `3.5` | dossiers filed online | 4 | linear, 20% → 0, 80% → 4 | rate or percent |
/// | `3.6` | dossiers and results digitised | 4 | proportional | rate: digitised / resolved |
/// | `4.1` | organisation rules complied with | 3 | yes/no | flag |
/// | `4.2` | staff above the assigned quota | 2 | linear, 3 → 0, 0 → 2 | value |
/// | `4.3` | inspection of organisation work | 3 | direct | points |
/// | `5.1` | job-position scheme approved | 3 | yes/no | flag |
/// | `5.2` | discipline violations | 4 | deduction 1 per violation | count |
/// | `5.3` | training plan completed | 3 | proportional | rate: trained / planned |
/// | `6.1` | public-investment disbursement | 4 | linear, 50% → 0, 100% → 4; optional | percent |
/// | `6.2` | thrift and anti-waste programme | 3 | yes/no | flag |
/// | `7.1` | documents sent electronically | 4 | bands 100% → 4, ≥ 90% → 3, ≥ 80% → 2 | rate |
/// | `7.2` | digital signatures in use | 2 | yes/no | flag |
/// | `7.3` | ISO 9001 quality system maintained | 2 | yes/no | flag |
/// | `7.4` | fees paid online | 2 | proportional, full at 50% | rate |
/// | `8.1` | citizens' satisfaction: access to the service | 6 | survey mean, 1–5 scale | survey mean |
/// | `8.2` | citizens' satisfaction: the civil servants | 6 | survey mean, 1–5 scale | survey mean |
/// | `8.3` | citizens' satisfaction: the results | 6 | survey mean, 1–5 scale | survey mean |
///
/// Domains: `1` direction 12, `2` institutions 10, `3` administrative procedures 25,
/// `4` organisation 8, `5` civil service 10, `6` public finance 7, `7` digital government 10,
/// `8` citizens' satisfaction 18 (citizen survey).
///
/// The sources in the framework's info show the kinds of rule, not these numbers.
///
/// # Errors
///
/// None in practice (see [`Builtin::framework`]).
///
/// # Examples
///
/// ```
/// use par_index::{builtin, Entry, Evidence, ScoringOptions};
///
/// let framework = builtin::vn_hoi_an_city_illustrative()?;
/// assert!(framework.info().illustrative);
///
/// // Hội An's public administration centre, first half of 2021: 8,037 dossiers resolved,
/// // 64.04% early or on time, which earns no points under the illustrative bands.
/// // Only that leaf is given, so the assessment is scored leniently.
/// let mut centre = framework.assessment("hoi-an-centre", "2021-H1".parse()?);
/// centre.push(Entry::new("3.1".parse()?).with_evidence(Evidence::rate(5_147, 8_037)));
/// let scorecard = framework.score_with(&centre, &ScoringOptions::lenient())?;
/// assert_eq!(scorecard.node("3.1").unwrap().points.to_string(), "0");
/// # Ok::<(), par_index::Error>(())
/// ```
pub fn vn_hoi_an_city_illustrative() -> Result<Framework, Error> {
    let d = Decimal::new;
    Framework::builder(ID, BUILTIN.title)
        .info(BUILTIN.info(&SOURCES, NOTES))
        // 1. Direction and management: 12.
        .domain(
            "1",
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            d(12, 0),
        )
        .name_en("Direction and management of administrative reform")
        .child(
            "1",
            "1.1",
            "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn",
            d(2, 0),
        )
        .name_en("Annual PAR plan issued on time")
        .rule(Rule::yes_no())
        .child(
            "1",
            "1.2",
            "Mức độ hoàn thành kế hoạch cải cách hành chính",
            d(3, 0),
        )
        .name_en("PAR plan tasks completed")
        .rule(Rule::proportional())
        .child(
            "1",
            "1.3",
            "Tổ chức hội nghị, cuộc họp chỉ đạo cải cách hành chính",
            d(3, 0),
        )
        .name_en("PAR steering meetings held in the year")
        .rule(Rule::CountBands {
            bands: vec![
                CountBand {
                    at_least: 4,
                    points: d(3, 0),
                },
                CountBand {
                    at_least: 3,
                    points: d(225, 2),
                },
                CountBand {
                    at_least: 2,
                    points: d(15, 1),
                },
                CountBand {
                    at_least: 1,
                    points: d(75, 2),
                },
            ],
        })
        .child(
            "1",
            "1.4",
            "Thực hiện chế độ báo cáo cải cách hành chính định kỳ",
            d(2, 0),
        )
        .name_en("Periodic PAR reports (0.5 off per late report)")
        .rule(Rule::Deduction {
            per_violation: d(5, 1),
            floor: Decimal::ZERO,
        })
        .child(
            "1",
            "1.5",
            "Công tác thông tin, tuyên truyền cải cách hành chính",
            d(2, 0),
        )
        .name_en("PAR communication")
        .rule(Rule::Direct)
        // 2. Institutional reform: 10.
        .domain("2", "Cải cách thể chế", d(10, 0))
        .name_en("Institutional reform")
        .child(
            "2",
            "2.1",
            "Rà soát văn bản quy phạm pháp luật theo kế hoạch",
            d(4, 0),
        )
        .name_en("Legal documents reviewed as planned")
        .rule(Rule::proportional())
        .child(
            "2",
            "2.2",
            "Xử lý văn bản phát hiện trái pháp luật",
            d(3, 0),
        )
        .name_en("Unlawful documents found and dealt with (none found: full points)")
        .rule(Rule::Proportional {
            full_at_percent: Decimal::ONE_HUNDRED,
            zero_denominator: ZeroDenominator::FullPoints,
        })
        .child(
            "2",
            "2.3",
            "Thực hiện kế hoạch theo dõi thi hành pháp luật",
            d(3, 0),
        )
        .name_en("Law-enforcement monitoring plan carried out")
        .rule(Rule::yes_no())
        // 3. Administrative procedures: 25.
        .domain("3", "Cải cách thủ tục hành chính", d(25, 0))
        .name_en("Administrative-procedure reform")
        .child(
            "3",
            "3.1",
            "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn",
            d(8, 0),
        )
        .name_en("Dossiers resolved early or on time")
        .rule(Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: Decimal::ONE_HUNDRED,
                    points: d(8, 0),
                },
                RateBand {
                    at_least: d(98, 0),
                    points: d(6, 0),
                },
                RateBand {
                    at_least: d(95, 0),
                    points: d(4, 0),
                },
                RateBand {
                    at_least: d(90, 0),
                    points: d(2, 0),
                },
            ],
            zero_denominator: ZeroDenominator::NotApplicable,
        })
        .optional()
        .child(
            "3",
            "3.2",
            "Xin lỗi bằng văn bản đối với hồ sơ trễ hạn",
            d(3, 0),
        )
        .name_en("Written apologies for late dossiers (no late dossier: full points)")
        .rule(Rule::Proportional {
            full_at_percent: Decimal::ONE_HUNDRED,
            zero_denominator: ZeroDenominator::FullPoints,
        })
        .child(
            "3",
            "3.3",
            "Công khai thủ tục hành chính tại bộ phận một cửa và trên cổng dịch vụ công",
            d(3, 0),
        )
        .name_en("Procedures published at the one-stop desk and online")
        .rule(Rule::yes_no())
        .child(
            "3",
            "3.4",
            "Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn",
            d(3, 0),
        )
        .name_en("Citizens' feedback handled on time (none received: full points)")
        .rule(Rule::Proportional {
            full_at_percent: Decimal::ONE_HUNDRED,
            zero_denominator: ZeroDenominator::FullPoints,
        })
        .child("3", "3.5", "Tỷ lệ hồ sơ nộp trực tuyến", d(4, 0))
        .name_en("Dossiers filed online")
        .rule(Rule::Linear {
            zero_at: d(20, 0),
            full_at: d(80, 0),
        })
        .child(
            "3",
            "3.6",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            d(4, 0),
        )
        .name_en("Dossiers and results digitised")
        .rule(Rule::proportional())
        // 4. Organisation: 8.
        .domain("4", "Cải cách tổ chức bộ máy hành chính nhà nước", d(8, 0))
        .name_en("Reform of the administrative apparatus")
        .child("4", "4.1", "Thực hiện quy định về tổ chức bộ máy", d(3, 0))
        .name_en("Organisation rules complied with")
        .rule(Rule::yes_no())
        .child(
            "4",
            "4.2",
            "Số người làm việc vượt biên chế được giao",
            d(2, 0),
        )
        .name_en("Staff above the assigned quota (3 or more: no points)")
        .rule(Rule::Linear {
            zero_at: d(3, 0),
            full_at: Decimal::ZERO,
        })
        .child("4", "4.3", "Kiểm tra công tác tổ chức bộ máy", d(3, 0))
        .name_en("Inspection of organisation work")
        .rule(Rule::Direct)
        // 5. Civil service: 10.
        .domain("5", "Cải cách chế độ công vụ", d(10, 0))
        .name_en("Civil-service reform")
        .child("5", "5.1", "Đề án vị trí việc làm được phê duyệt", d(3, 0))
        .name_en("Job-position scheme approved")
        .rule(Rule::yes_no())
        .child(
            "5",
            "5.2",
            "Chấp hành kỷ luật, kỷ cương hành chính",
            d(4, 0),
        )
        .name_en("Administrative discipline (1 off per violation)")
        .rule(Rule::Deduction {
            per_violation: d(1, 0),
            floor: Decimal::ZERO,
        })
        .child("5", "5.3", "Thực hiện kế hoạch đào tạo, bồi dưỡng", d(3, 0))
        .name_en("Training plan completed")
        .rule(Rule::proportional())
        // 6. Public finance: 7.
        .domain("6", "Cải cách tài chính công", d(7, 0))
        .name_en("Public-finance reform")
        .child("6", "6.1", "Tỷ lệ giải ngân vốn đầu tư công", d(4, 0))
        .name_en("Public-investment disbursement (units with such capital only)")
        .rule(Rule::Linear {
            zero_at: d(50, 0),
            full_at: Decimal::ONE_HUNDRED,
        })
        .optional()
        .child(
            "6",
            "6.2",
            "Thực hiện chương trình thực hành tiết kiệm, chống lãng phí",
            d(3, 0),
        )
        .name_en("Thrift and anti-waste programme carried out")
        .rule(Rule::yes_no())
        // 7. Digital government: 10.
        .domain(
            "7",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            d(10, 0),
        )
        .name_en("E-government and digital government")
        .child(
            "7",
            "7.1",
            "Tỷ lệ văn bản gửi, nhận dưới dạng điện tử",
            d(4, 0),
        )
        .name_en("Documents sent and received electronically")
        .rule(Rule::ThresholdBands {
            bands: vec![
                RateBand {
                    at_least: Decimal::ONE_HUNDRED,
                    points: d(4, 0),
                },
                RateBand {
                    at_least: d(90, 0),
                    points: d(3, 0),
                },
                RateBand {
                    at_least: d(80, 0),
                    points: d(2, 0),
                },
            ],
            zero_denominator: ZeroDenominator::Error,
        })
        .child("7", "7.2", "Sử dụng chữ ký số", d(2, 0))
        .name_en("Digital signatures in use")
        .rule(Rule::yes_no())
        .child(
            "7",
            "7.3",
            "Duy trì hệ thống quản lý chất lượng ISO 9001",
            d(2, 0),
        )
        .name_en("ISO 9001 quality system maintained")
        .rule(Rule::yes_no())
        .child(
            "7",
            "7.4",
            "Tỷ lệ thanh toán phí, lệ phí trực tuyến",
            d(2, 0),
        )
        .name_en("Fees paid online (full points at 50%)")
        .rule(Rule::Proportional {
            full_at_percent: d(50, 0),
            zero_denominator: ZeroDenominator::Error,
        })
        // 8. Citizens' satisfaction: 18.
        .domain("8", "Sự hài lòng của người dân, tổ chức", d(18, 0))
        .name_en("Citizens' and organisations' satisfaction")
        .method(Method::CitizenSurvey)
        .child("8", "8.1", "Hài lòng về tiếp cận dịch vụ", d(6, 0))
        .name_en("Satisfaction with access to the service")
        .method(Method::CitizenSurvey)
        .rule(Rule::SurveyMean {
            scale_min: d(1, 0),
            scale_max: d(5, 0),
        })
        .child(
            "8",
            "8.2",
            "Hài lòng về công chức giải quyết công việc",
            d(6, 0),
        )
        .name_en("Satisfaction with the civil servants handling the case")
        .method(Method::CitizenSurvey)
        .rule(Rule::SurveyMean {
            scale_min: d(1, 0),
            scale_max: d(5, 0),
        })
        .child(
            "8",
            "8.3",
            "Hài lòng về kết quả giải quyết công việc",
            d(6, 0),
        )
        .name_en("Satisfaction with the results")
        .method(Method::CitizenSurvey)
        .rule(Rule::SurveyMean {
            scale_min: d(1, 0),
            scale_max: d(5, 0),
        })
        .build()
}
