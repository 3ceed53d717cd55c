//! Prints an accountability report for one ward of an illustrative city index, using the
//! inferred city template of lead agencies.

use par_index::{
    Assessment, Entry, Framework,
    accountability::{Accountability, Assignments},
};
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = Framework::builder("city-demo", "City PAR index (illustrative)");
    let domains = [
        ("1", "Công tác chỉ đạo, điều hành CCHC", 10),
        ("2", "Cải cách thể chế", 10),
        ("3", "Cải cách thủ tục hành chính", 20),
        ("4", "Cải cách tổ chức bộ máy", 10),
        ("5", "Cải cách chế độ công vụ", 15),
        ("6", "Cải cách tài chính công", 10),
        ("7", "Chính quyền điện tử, chính quyền số", 15),
        ("8", "Tác động của CCHC", 10),
    ];
    for (code, name, max) in domains {
        builder = builder.domain(code, name, Decimal::from(max));
    }
    let framework = builder.build()?;
    let accountability = Accountability::new(&framework, Assignments::city_template())?;

    let mut ward = Assessment::new("city-demo", "ward-1", "2021".parse()?);
    for (code, points, note) in [
        ("1", "9", ""),
        ("2", "8", "two legal documents issued late"),
        ("3", "14.5", "35.96% of dossiers resolved late"),
        ("4", "10", ""),
        ("5", "13", ""),
        ("6", "9", ""),
        ("7", "11", "online payment below target"),
        ("8", "8", ""),
    ] {
        ward.push(
            Entry::new(code.parse()?)
                .with_appraised(points.parse()?)
                .with_note(note),
        );
    }
    let report = accountability.report(&framework.score(&ward)?)?;
    print!("{report}");
    println!();
    print!("{}", report.worst_leaves_text());
    Ok(())
}
