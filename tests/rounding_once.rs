//! Rounding once, at publication: the Ninh Thuận 2022 worked example.
//!
//! Source: Sở Nội vụ Ninh Thuận, PAR Index 2022 results under Decision 876/QĐ-BNV,
//! <https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=31918>: index 85.78; appraisal
//! 54.2/61.5, SIPAS 8.23/10, leaders' survey 18.05/22, socio-economic data 5.31/6.5.
//! The published parts add up to 85.79, not 85.78: each part was rounded before it was
//! published. The unrounded parts below (54.197, 8.226, 18.046, 5.314) are an illustration,
//! not published data, chosen consistent with every published figure, including the
//! appraisal's 88.13% of its maximum (54.2 / 61.5).

use par_index::{Assessment, Entry, Framework, Rounding, RoundingPolicy, framework::Method};
use rust_decimal::dec;

fn components() -> Framework {
    Framework::builder(
        "ninh-thuan-2022-components",
        "PAR 2022 components (876/QĐ-BNV)",
    )
    .domain("A", "Thẩm định kết quả tự đánh giá", dec!(61.5))
    .domain("B", "Tác động: chỉ tiêu kinh tế - xã hội", dec!(6.5))
    .method(Method::Statistics)
    .domain("C", "Khảo sát lãnh đạo, quản lý", dec!(22))
    .method(Method::LeaderSurvey)
    .domain("D", "Khảo sát SIPAS", dec!(10))
    .method(Method::CitizenSurvey)
    .build()
    .unwrap()
}

fn ninh_thuan() -> Assessment {
    let mut a = Assessment::new(
        "ninh-thuan-2022-components",
        "ninh-thuan",
        "2022".parse().unwrap(),
    );
    for (code, points) in [
        ("A", dec!(54.197)),
        ("B", dec!(5.314)),
        ("C", dec!(18.046)),
        ("D", dec!(8.226)),
    ] {
        a.push(Entry::new(code.parse().unwrap()).with_appraised(points));
    }
    a
}

#[test]
fn the_index_is_rounded_once_from_the_exact_total() {
    let card = components().score(&ninh_thuan()).unwrap();
    assert_eq!(card.index(), dec!(85.783));
    let published = card.publish(&RoundingPolicy::default());
    assert_eq!(published.index.to_string(), "85.78");
    let parts: Vec<String> = ["A", "D", "C", "B"]
        .iter()
        .map(|code| {
            let node = published
                .nodes
                .iter()
                .find(|n| n.code.as_str() == *code)
                .unwrap();
            format!("{}/{}", node.points.unwrap(), node.max_points)
        })
        .collect();
    assert_eq!(
        parts,
        ["54.20/61.50", "8.23/10.00", "18.05/22.00", "5.31/6.50"]
    );
    // Summing the published parts would have given 85.79: the library never does that.
    let sum_of_rounded: rust_decimal::Decimal =
        published.nodes.iter().filter_map(|n| n.points).sum();
    assert_eq!(sum_of_rounded, dec!(85.79));
    // The appraisal part as a percentage of its maximum, as the province reported it.
    let appraisal = published
        .nodes
        .iter()
        .find(|n| n.code.as_str() == "A")
        .unwrap();
    assert_eq!(appraisal.percent, Some(dec!(88.13)));
}

#[test]
fn a_policy_can_be_chosen_and_applies_to_every_published_figure() {
    let card = components().score(&ninh_thuan()).unwrap();
    let one_place = RoundingPolicy::new(1, Rounding::HalfAwayFromZero).unwrap();
    let published = card.publish(&one_place);
    assert_eq!(published.index.to_string(), "85.8");
    assert_eq!(published.points.to_string(), "85.8");
    assert_eq!(published.max_points.to_string(), "100.0");
}
