//! The shape of the public API: a small crate root, the rest in modules named after their
//! concept.

const LIB_RS: &str = include_str!("../src/lib.rs");

/// The names the crate root re-exports, read from src/lib.rs.
fn root_names() -> Vec<String> {
    let mut names = Vec::new();
    for statement in LIB_RS.split(';') {
        let Some(start) = statement.find("\npub use ") else {
            continue;
        };
        let body = &statement[start + "\npub use ".len()..];
        match (body.find('{'), body.rfind('}')) {
            (Some(open), Some(close)) => names.extend(
                body[open + 1..close]
                    .split(',')
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty()),
            ),
            _ => names.push(body.trim().rsplit("::").next().unwrap_or("").to_owned()),
        }
    }
    names
}

#[test]
fn the_root_keeps_the_core_path_only() {
    let names = root_names();
    assert!(
        names.len() <= 25,
        "{} names at the root: {names:?}",
        names.len()
    );
    for core in [
        "Framework",
        "Assessment",
        "Scorecard",
        "Cohort",
        "Ranking",
        "Error",
        "Decimal",
    ] {
        assert!(
            names.iter().any(|n| n == core),
            "{core} is at the root: {names:?}"
        );
    }
}

#[test]
fn the_rest_is_found_under_its_concept() {
    // Each path compiles: the modules are public and named after what they hold.
    use par_index::accountability::Accountability;
    use par_index::analysis::gap::Gap;
    use par_index::analysis::self_appraisal::SelfAppraisal;
    use par_index::analysis::sensitivity::RankSensitivity;
    use par_index::analysis::uncertainty::RankUncertainty;
    use par_index::analysis::what_if::WhatIf;
    use par_index::bulk::PointsTable;
    use par_index::comparison::Comparison;
    use par_index::pinning::pin;
    use par_index::ranking::TieMethod;
    use par_index::rating::RatingScheme;
    let paths = [
        std::any::type_name::<Accountability>(),
        std::any::type_name::<Gap<'static>>(),
        std::any::type_name::<SelfAppraisal>(),
        std::any::type_name::<RankSensitivity>(),
        std::any::type_name::<RankUncertainty>(),
        std::any::type_name::<WhatIf>(),
        std::any::type_name::<PointsTable<'static>>(),
        std::any::type_name::<Comparison>(),
        std::any::type_name::<RatingScheme>(),
    ];
    // Each type is defined under the module it is found in, so its docs appear there.
    for (path, module) in paths.iter().zip([
        "par_index::accountability::",
        "par_index::analysis::gap::",
        "par_index::analysis::self_appraisal::",
        "par_index::analysis::sensitivity::",
        "par_index::analysis::uncertainty::",
        "par_index::analysis::what_if::",
        "par_index::bulk::",
        "par_index::comparison::",
        "par_index::rating::",
    ]) {
        assert!(path.starts_with(module), "{path} is under {module}");
    }
    let _: fn(_, _, _) -> _ = pin;
    let _ = TieMethod::Competition;
    // rust_decimal is re-exported: no second version pin.
    let half: par_index::rust_decimal::Decimal = par_index::Decimal::new(5, 1);
    assert_eq!(half.to_string(), "0.5");
}

#[test]
fn lookups_take_a_code_or_its_text() -> Result<(), Box<dyn std::error::Error>> {
    use par_index::{Code, Decimal, Entry, Framework};

    let framework = Framework::builder("demo", "Demo")
        .domain("1", "Cải cách thể chế", Decimal::from(4))
        .child("1", "1.1", "Kế hoạch", Decimal::from(4))
        .build()?;
    let code: Code = "1.1".parse()?;
    assert_eq!(framework.node(&code).map(|n| n.name_vi()), Some("Kế hoạch"));
    assert_eq!(framework.node("1.1").map(|n| n.name_vi()), Some("Kế hoạch"));
    let mut assessment = framework.assessment("w", "2025".parse()?);
    assessment.push(Entry::new(code.clone()).with_appraised(Decimal::from(3)));
    let scorecard = framework.score(&assessment)?;
    assert_eq!(scorecard.node(&code), scorecard.node("1.1"));
    assert_eq!(
        scorecard.node(code).map(|n| n.points.to_string()),
        Some("3".into())
    );
    Ok(())
}
