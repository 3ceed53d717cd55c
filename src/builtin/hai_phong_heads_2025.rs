//! Hải Phòng's scorecard for agency heads, Annex 01 of Decision 212/2025/QĐ-UBND: complete.

use rust_decimal::Decimal;

use super::{Builtin, Issued};
use crate::error::Error;
use crate::framework::{Framework, FrameworkBuilder, NotApplicablePolicy};
use crate::rule::{RateBand, Rule, ZeroDenominator};

const ID: &str = "vn-hai-phong-heads-2025";

pub(super) const BUILTIN: Builtin = Builtin {
    id: ID,
    title: "Hải Phòng heads' scorecard (Decision 212/2025/QĐ-UBND, Annex 01)",
    title_vi: "Phiếu chấm điểm người đứng đầu, Hải Phòng (Quyết định 212/2025/QĐ-UBND, Phụ lục 01)",
    issued: Some(Issued {
        number: "212/2025/QĐ-UBND",
        date: "2025-11-18",
        issuer: "Ủy ban nhân dân thành phố Hải Phòng",
        from: 2025,
        until: None,
    }),
    verified_depth: None,
    build: vn_hai_phong_heads_2025,
};

const SOURCES: [&str; 1] = [
    "https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md",
];

const NOTES: &str = "Complete: every item of Annex 01, its maximum and its rule, 100 points \
(I general criteria 20, II task results 80). It scores a person, the head of a department, of a \
public service unit under the city, or the chair of a ward, commune or special-zone committee; \
the unit's PAR Index enters as item II.5.1.a. The form has three score columns: the head's own \
points (self_assessed), the direct manager's and the competent authority's (appraised); the \
manager's column has no field of its own and can be kept in the entry's note. Items whose \
annex text says 'not assigned, not scored' are optional (II.5.1.c, II.5.2.a to II.5.2.g). \
Readings to know: (1) II.5.1.b (DDCI) has a maximum of 2 but its only scoring line awards 1 \
for a result at or above the city average; the source is kept as printed (yes/no rule awarding \
1 of 2), so no unit can earn its second point. (2) Footnote 7 ('Trường hợp có chỉ tiêu/tiêu chí \
không được giao thì tính gộp tổng điểm tối đa tương đương 10', with the example 'assigned items \
worth 4 count as 10') is read as: the items of II.5 that are assigned are pooled and rescaled to \
II.5's maximum of 20 (rescale policy on II.5). This reading is UNVERIFIED: the footnote's base \
of 10 matches neither II.5 (20) nor II.5.2 (15). (3) II.3 and II.4 score done / assigned x the \
item's maximum (footnotes 1 to 6); the annex does not say what scores when no task was assigned, \
so a zero denominator is refused and the points must be entered. The rating bands (Art. 6 and \
7: above 90, above 80, 50 and more, below 50, with extra conditions) are not part of the \
scorecard. In force from 01/12/2025 (Art. 2); ratings are made before 15 December each year \
(Art. 10).";

/// Hải Phòng's scorecard for agency heads: Annex 01 (Phụ lục 01) of Decision
/// **212/2025/QĐ-UBND** (Ủy ban nhân dân thành phố Hải Phòng, **18/11/2025**, in force from
/// 01/12/2025), from the 2025 ratings on; id `vn-hai-phong-heads-2025`.
///
/// **Complete** ([`FrameworkInfo::verified_depth`](crate::framework::FrameworkInfo::verified_depth) is
/// `None`): every item, maximum and rule of the annex. It rates a *person*: the head of a city
/// department or of a public service unit under the city committee, or the chair of a ward,
/// commune or special-zone committee. The unit's PAR Index enters as item `II.5.1.a`.
///
/// | code | item | max | rule |
/// |---|---|---|---|
/// | `I` | general criteria | 20 | |
/// | `I.1` … `I.4` | political ideology, ethics, working style, discipline | 5 each | |
/// | `I.1.a` … `I.4.d` | four sub-items each | 1.25 each | [`Rule::Direct`] (judgement) |
/// | `II` | task results | 80 | |
/// | `II.1`, `II.2` | leadership; capacity to unite | 5 each | |
/// | `II.1.a` … `II.2.e` | five sub-items each | 1 each | [`Rule::Direct`] |
/// | `II.3` | annual tasks in the city's work programme | 20 | |
/// | `II.3.a`, `II.3.b`, `II.3.c` | quantity, quality, timeliness | 5, 10, 5 | [`Rule::Proportional`]: done ÷ assigned × max |
/// | `II.4` | tasks assigned in directive documents | 30 | |
/// | `II.4.a`, `II.4.b`, `II.4.c` | quantity, quality, timeliness | 10 each | [`Rule::Proportional`] |
/// | `II.5` | other criteria (assigned items rescaled to 20) | 20 | |
/// | `II.5.1` | public-governance indicators | 5 | |
/// | `II.5.1.a` | PAR Index at or above the city average | 2 | [`Rule::YesNo`] |
/// | `II.5.1.b` | DDCI at or above the city average | 2 | [`Rule::YesNo`] awarding 1 |
/// | `II.5.1.c` | socio-economic targets met (optional) | 1 | [`Rule::YesNo`] |
/// | `II.5.2` | six sectoral criteria | 15 | |
/// | `II.5.2.a` | site clearance: cleared ÷ to clear ≥ 95% (optional) | 2.5 | [`Rule::ThresholdBands`] |
/// | `II.5.2.b`, `II.5.2.c`, `II.5.2.e` | disbursement, domestic revenue, planning targets met (optional) | 2.5 each | [`Rule::YesNo`] |
/// | `II.5.2.d` | land management: any violation → 0 (optional) | 2.5 | [`Rule::Deduction`] 2.5 per violation |
/// | `II.5.2.g` | digital transformation: every task on schedule (optional) | 2.5 | [`Rule::ThresholdBands`] at 100% |
///
/// Items are lettered as printed: II.5.2 has no `f`. Two readings are worth knowing, and
/// are repeated in the framework's notes:
///
/// - **II.5.1.b** has a maximum of 2, but its only scoring line awards **1** for a DDCI
///   result at or above the city average. The source is kept as printed: a yes/no rule
///   awarding 1 of 2 points.
/// - **Footnote 7** pools the "other criteria" when some are not assigned: "Trường hợp có chỉ
///   tiêu/tiêu chí không được giao thì tính gộp tổng điểm tối đa tương đương 10 (ví dụ: Tổng
///   số điểm tối đa các chỉ tiêu/tiêu chí được giao là 4 thì mục điểm tiêu chí bổ sung tương
///   đương là 10)". The built-in reads it as: the assigned items of II.5 are rescaled to II.5's
///   maximum ([`NotApplicablePolicy::Rescale`] on `II.5`; the optional items are reported
///   [`Evidence::NotApplicable`](crate::Evidence::NotApplicable)). This reading is
///   **UNVERIFIED**: the footnote's base of 10 matches neither II.5 (20) nor II.5.2 (15).
///
/// Source (crawled full text of the decision):
/// <https://github.com/tnt305/tai_lieu_noi_bo/blob/94c5034af72cc7e5020694d06eceb126a103d48b/src/etl/dataset/548693349b18e8cf.md>
///
/// # Errors
///
/// None in practice (see [`Builtin::framework`]).
pub fn vn_hai_phong_heads_2025() -> Result<Framework, Error> {
    let d = Decimal::new;
    let mut b = Framework::builder(ID, BUILTIN.title).info(BUILTIN.info(&SOURCES, NOTES));

    b = b
        .domain(
            "I",
            "Kết quả đánh giá chấm điểm theo tiêu chí chung",
            d(20, 0),
        )
        .name_en("General criteria");
    for (code, name_vi, name_en, items) in GENERAL {
        b = b.child("I", code, name_vi, d(5, 0)).name_en(name_en);
        b = judged_items(b, code, &items, d(125, 2));
    }

    b = b
        .domain("II", "Kết quả thực hiện nhiệm vụ", d(80, 0))
        .name_en("Task results");
    b = b
        .child("II", "II.1", "Năng lực lãnh đạo, quản lý", d(5, 0))
        .name_en("Leadership and management capacity");
    b = judged_items(b, "II.1", &LEADERSHIP, d(1, 0));
    b = b
        .child("II", "II.2", "Năng lực tập hợp, đoàn kết", d(5, 0))
        .name_en("Capacity to unite");
    b = judged_items(b, "II.2", &UNITY, d(1, 0));

    for (code, name_vi, name_en, max, ratios) in TASKS {
        b = b.child("II", code, name_vi, d(max, 0)).name_en(name_en);
        b = task_ratios(b, code, ratios.map(|points| d(points, 0)));
    }

    b = b
        .child("II", "II.5", "Tiêu chí khác", d(20, 0))
        .name_en("Other criteria")
        .when_not_applicable(NotApplicablePolicy::Rescale);
    b = b
        .child("II.5", "II.5.1", "Các chỉ tiêu về quản trị công", d(5, 0))
        .name_en("Public-governance indicators: PAR Index, DDCI, socio-economic targets")
        .child(
            "II.5.1",
            "II.5.1.a",
            "Chỉ số cải cách hành chính (PAR INDEX)",
            d(2, 0),
        )
        .name_en("PAR Index: the unit's result published by the city at or above the city average")
        .rule(Rule::yes_no())
        .child(
            "II.5.1",
            "II.5.1.b",
            "Chỉ số năng lực cạnh tranh cấp Sở, ban, ngành và địa phương (DDCI)",
            d(2, 0),
        )
        .name_en("DDCI: the unit's result at or above the city average (awards 1, as printed)")
        .rule(Rule::YesNo {
            points_if_yes: Some(d(1, 0)),
        })
        .child("II.5.1", "II.5.1.c", "Chỉ tiêu Kinh tế - Xã hội", d(1, 0))
        .name_en("Socio-economic targets assigned to the unit met")
        .rule(Rule::yes_no())
        .optional();

    let quarter = d(25, 1);
    b = b
        .child(
            "II.5",
            "II.5.2",
            "Các tiêu chí đánh giá về: Công tác giải phóng mặt bằng; Công tác giải ngân vốn đầu tư công; Kết quả thu nội địa; Công tác quản lý đất đai; Công tác quy hoạch, xây dựng; Công tác chuyển đổi số",
            d(15, 0),
        )
        .name_en("Site clearance, disbursement, domestic revenue, land, planning, digital transformation")
        .child(
            "II.5.2",
            "II.5.2.a",
            "Tiêu chí đánh giá về công tác giải phóng mặt bằng",
            quarter,
        )
        .name_en("Site clearance: area cleared / area to clear, per project, at least 95%")
        .rule(Rule::ThresholdBands {
            bands: vec![RateBand {
                at_least: d(95, 0),
                points: quarter,
            }],
            zero_denominator: ZeroDenominator::NotApplicable,
        })
        .optional()
        .child(
            "II.5.2",
            "II.5.2.b",
            "Tiêu chí đánh giá về công tác giải ngân vốn đầu tư công",
            quarter,
        )
        .name_en("Public-investment disbursement: the assigned rate met by 31 December")
        .rule(Rule::yes_no())
        .optional()
        .child(
            "II.5.2",
            "II.5.2.c",
            "Tiêu chí đánh giá về kết quả thu nội địa",
            quarter,
        )
        .name_en("Domestic revenue: the assigned target met")
        .rule(Rule::yes_no())
        .optional()
        .child(
            "II.5.2",
            "II.5.2.d",
            "Tiêu chí đánh giá về công tác quản lý đất đai",
            quarter,
        )
        .name_en("Land management: no violation in the year (any violation scores 0)")
        .rule(Rule::Deduction {
            per_violation: quarter,
            floor: Decimal::ZERO,
        })
        .optional()
        .child(
            "II.5.2",
            "II.5.2.e",
            "Tiêu chí đánh giá về công tác quy hoạch, xây dựng",
            quarter,
        )
        .name_en("Planning and construction: the assigned targets met")
        .rule(Rule::yes_no())
        .optional()
        .child(
            "II.5.2",
            "II.5.2.g",
            "Tiêu chí đánh giá về công tác chuyển đổi số",
            quarter,
        )
        .name_en("Digital transformation: every task of the annual plan on schedule")
        .rule(Rule::ThresholdBands {
            bands: vec![RateBand {
                at_least: Decimal::ONE_HUNDRED,
                points: quarter,
            }],
            zero_denominator: ZeroDenominator::NotApplicable,
        })
        .optional();
    b.build()
}

/// Sub-items scored by judgement (the direct rule), coded `<parent>.a`, `<parent>.b`, …
fn judged_items(
    mut b: FrameworkBuilder,
    parent: &str,
    items: &[(&str, &str, &str)],
    max: Decimal,
) -> FrameworkBuilder {
    for (letter, name_vi, name_en) in items {
        b = b
            .child(parent, format!("{parent}.{letter}"), name_vi, max)
            .name_en(name_en)
            .rule(Rule::Direct);
    }
    b
}

/// Quantity, quality and timeliness of assigned tasks, each done ÷ assigned × its maximum.
fn task_ratios(mut b: FrameworkBuilder, parent: &str, maxima: [Decimal; 3]) -> FrameworkBuilder {
    let items = [
        (
            "a",
            "Số lượng công việc được giao (cụ thể hóa bằng các đầu công việc)",
            "Quantity: tasks completed / tasks assigned",
        ),
        (
            "b",
            "Chất lượng công việc được giao",
            "Quality: tasks completed to requirements / tasks assigned",
        ),
        (
            "c",
            "Tiến độ công việc được giao",
            "Timeliness: tasks completed on schedule or earlier / tasks assigned",
        ),
    ];
    for ((letter, name_vi, name_en), max) in items.into_iter().zip(maxima) {
        b = b
            .child(parent, format!("{parent}.{letter}"), name_vi, max)
            .name_en(name_en)
            .rule(Rule::proportional());
    }
    b
}

type Items = [(&'static str, &'static str, &'static str); 4];

/// The four general criteria, each with four sub-items worth 1.25.
const GENERAL: [(&str, &str, &str, Items); 4] = [
    (
        "I.1",
        "Chính trị tư tưởng",
        "Political ideology",
        [
            (
                "a",
                "Chấp hành chủ trương, đường lối, quy định của Đảng, chính sách, pháp luật của Nhà nước và các nguyên tắc tổ chức, kỷ luật của Đảng, nhất là nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
                "Follows the Party's line and rules, the State's policy and law, and the Party's organisational principles",
            ),
            (
                "b",
                "Có quan điểm, bản lĩnh chính trị vững vàng; kiên định lập trường; không dao động trước mọi khó khăn, thách thức",
                "Firm political views and steadfastness",
            ),
            (
                "c",
                "Đặt lợi ích của tập thể lên trên lợi ích cá nhân",
                "Puts the collective's interest above personal interest",
            ),
            (
                "d",
                "Có ý thức nghiên cứu, học tập, vận dụng chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh, nghị quyết, chỉ thị, quyết định và các văn bản của Đảng",
                "Studies and applies Marxism-Leninism, Ho Chi Minh Thought and the Party's documents",
            ),
        ],
    ),
    (
        "I.2",
        "Đạo đức, lối sống",
        "Ethics and lifestyle",
        [
            (
                "a",
                "Không tham ô, tham nhũng, tiêu cực, lãng phí, quan liêu, cơ hội, vụ lợi, hách dịch, cửa quyền; không có biểu hiện suy thoái về đạo đức, lối sống, tự diễn biến, tự chuyển hóa",
                "No embezzlement, corruption, waste or abuse of position; no moral degradation",
            ),
            (
                "b",
                "Có lối sống trung thực, khiêm tốn, chân thành, trong sáng, giản dị",
                "An honest, modest, sincere and simple lifestyle",
            ),
            (
                "c",
                "Có tinh thần đoàn kết, xây dựng cơ quan, tổ chức, đơn vị trong sạch, vững mạnh",
                "Solidarity; builds a clean and strong agency",
            ),
            (
                "d",
                "Không để người thân, người quen lợi dụng vị trí công tác của mình để trục lợi",
                "Does not let relatives or acquaintances profit from the position",
            ),
        ],
    ),
    (
        "I.3",
        "Tác phong, lề lối làm việc",
        "Working style",
        [
            (
                "a",
                "Có trách nhiệm với công việc; năng động, sáng tạo, dám nghĩ, dám làm, linh hoạt trong thực hiện nhiệm vụ",
                "Responsible, dynamic, creative and flexible at work",
            ),
            (
                "b",
                "Phương pháp làm việc khoa học, dân chủ, đúng nguyên tắc",
                "A scientific, democratic and principled working method",
            ),
            (
                "c",
                "Có tinh thần trách nhiệm và phối hợp trong thực hiện nhiệm vụ",
                "Responsibility and cooperation in carrying out tasks",
            ),
            (
                "d",
                "Có thái độ đúng mực và phong cách ứng xử, lề lối làm việc chuẩn mực, đáp ứng yêu cầu của văn hóa công vụ",
                "Proper attitude and conduct, meeting the civil-service culture",
            ),
        ],
    ),
    (
        "I.4",
        "Ý thức tổ chức kỷ luật",
        "Discipline",
        [
            (
                "a",
                "Chấp hành sự phân công của tổ chức",
                "Accepts the organisation's assignments",
            ),
            (
                "b",
                "Thực hiện các quy định, quy chế, nội quy của địa phương, cơ quan, đơn vị nơi công tác",
                "Follows the rules and regulations of the workplace",
            ),
            (
                "c",
                "Thực hiện việc kê khai và công khai tài sản, thu nhập theo quy định",
                "Declares and discloses assets and income as required",
            ),
            (
                "d",
                "Báo cáo đúng hạn, đầy đủ, trung thực, cung cấp thông tin chính xác, khách quan về những nội dung liên quan đến việc thực hiện chức trách, nhiệm vụ được giao và hoạt động của cơ quan, tổ chức, đơn vị với cấp trên khi được yêu cầu",
                "Reports to superiors on time, fully and truthfully",
            ),
        ],
    ),
];

/// II.1: five sub-items worth 1.
/// Task criteria II.3 and II.4: code, names, maximum, and the maxima of the three task
/// ratios that make it up.
const TASKS: [(&str, &str, &str, i64, [i64; 3]); 2] = [
    (
        "II.3",
        "Các nhiệm vụ hằng năm của cơ quan, địa phương được phê duyệt trong Chương trình công tác năm của Ủy ban nhân dân thành phố",
        "Annual tasks approved in the city People's Committee's work programme",
        20,
        [5, 10, 5],
    ),
    (
        "II.4",
        "Các nhiệm vụ được Ủy ban nhân dân thành phố, Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân thành phố giao chủ trì thực hiện thông qua các văn bản chỉ đạo, điều hành",
        "Tasks assigned by the city committee, its chair or vice-chairs in directive documents",
        30,
        [10, 10, 10],
    ),
];

const LEADERSHIP: [(&str, &str, &str); 5] = [
    (
        "a",
        "Có trình độ, kiến thức, kinh nghiệm, kỹ năng lãnh đạo tập thể thực thi nhiệm vụ hiệu quả",
        "Knowledge, experience and skill to lead the collective effectively",
    ),
    (
        "b",
        "Có tư duy đổi mới; có tầm nhìn chiến lược, khách quan; có phương pháp làm việc khoa học",
        "Innovative thinking, strategic vision and a scientific method",
    ),
    (
        "c",
        "Có năng lực tổng hợp; có khả năng phân tích, dự báo tình hình",
        "Synthesis, analysis and forecasting",
    ),
    (
        "d",
        "Có năng lực thực tiễn, cụ thể hóa và lãnh đạo, chỉ đạo, tổ chức thực hiện có hiệu quả đường lối, chủ trương, chính sách của Đảng, Nhà nước, nhiệm vụ của cơ quan, địa phương, đơn vị",
        "Turns policy and the unit's tasks into effective action",
    ),
    (
        "e",
        "Dám nghĩ, dám làm, dám chịu trách nhiệm, dám đột phá; dám đổi mới, sáng tạo; dám đương đầu với khó khăn, thử thách vì lợi ích chung",
        "Dares to think, act, take responsibility and innovate for the common good",
    ),
];

/// II.2: five sub-items worth 1.
const UNITY: [(&str, &str, &str); 5] = [
    (
        "a",
        "Có khả năng quy tụ tập thể, tạo sự đồng thuận, thống nhất trong cơ quan, đơn vị",
        "Rallies the collective and builds consensus",
    ),
    (
        "b",
        "Khích lệ, động viên, truyền cảm hứng để đồng nghiệp, cấp dưới phấn đấu hoàn thành nhiệm vụ",
        "Motivates and inspires colleagues and subordinates",
    ),
    (
        "c",
        "Biết lắng nghe, tiếp thu ý kiến đóng góp, xử lý hài hòa các mối quan hệ trong cơ quan",
        "Listens, takes in feedback and handles relations harmoniously",
    ),
    (
        "d",
        "Thực hiện dân chủ, công khai, minh bạch trong điều hành, qua đó củng cố niềm tin và sự ủng hộ của tập thể",
        "Democratic, open and transparent management",
    ),
    (
        "e",
        "Gương mẫu về đạo đức, lối sống, là trung tâm đoàn kết của tập thể",
        "Exemplary conduct; the centre of the collective's unity",
    ),
];
