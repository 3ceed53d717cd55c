//! The error catalogue: every variant of `ErrorKind`, built through the public API, prints
//! the message the catalogue in the documentation of `ErrorKind` (src/error.rs) shows for it,
//! verbatim, and the catalogue lists every variant.
#![cfg(all(feature = "serde", feature = "csv", feature = "html"))]

use std::collections::BTreeSet;

use par_index::csv::AssessmentReader;
use par_index::html::HtmlReport;
use par_index::{
    Assessment, Cohort, Entry, Error, ErrorKind, Evidence, Framework, FrameworkBuilder, GradeBand,
    GradeScale, RankingOptions, Rule, Scorecard,
    accountability::{
        Accountability, Agency, AgencyKind, ApologyLedger, Assignments, Head, LateDossiers,
    },
    analysis::gap::Gap,
    analysis::uncertainty::{RankUncertainty, UncertaintyOptions},
    analysis::what_if::{LeafChange, WhatIf},
    bulk::PointsTable,
    comparison::{Comparison, DomainMap},
    framework::{Combine, NodeSpec},
    pinning::PinOptions,
    ranking::{TieBreaker, TieMethod},
    rating::{
        EmulationRule, GradeLabels, ManagedUnits, PeerAverageRule, RatingFacts, RatingScheme,
    },
    rule::ZeroDenominator,
};
use rust_decimal::{Decimal, dec};

const ERROR_RS: &str = include_str!("../src/error.rs");

fn base() -> FrameworkBuilder {
    Framework::builder("cat", "Catalogue").total_points(dec!(10))
}

/// Domain 1 (10 points): 1.1 direct (4), 1.2 yes/no (3, optional), 1.3 proportional (3).
fn framework() -> Framework {
    base()
        .domain("1", "Một", dec!(10))
        .child("1", "1.1", "Một một", dec!(4))
        .rule(Rule::Direct)
        .child("1", "1.2", "Một hai", dec!(3))
        .rule(Rule::yes_no())
        .optional()
        .child("1", "1.3", "Một ba", dec!(3))
        .rule(Rule::proportional())
        .build()
        .unwrap()
}

fn assessment(unit: &str, period: &str) -> Assessment {
    let mut a = Assessment::new("cat", unit, period.parse().unwrap());
    a.push(Entry::new("1.1".parse().unwrap()).with_appraised(dec!(3)))
        .push(Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::Flag(true)))
        .push(Entry::new("1.3".parse().unwrap()).with_evidence(Evidence::rate(9, 10)));
    a
}

fn card(unit: &str, period: &str) -> Scorecard {
    framework().score(&assessment(unit, period)).unwrap()
}

/// Scores `framework()` with one entry changed.
fn score_with(entry: Entry) -> Error {
    let mut a = Assessment::new("cat", "u", "2024".parse().unwrap());
    for code in ["1.1", "1.2", "1.3"] {
        if entry.code.as_str() != code {
            a.push(
                assessment("u", "2024")
                    .entries
                    .iter()
                    .find(|e| e.code.as_str() == code)
                    .unwrap()
                    .clone(),
            );
        }
    }
    a.push(entry);
    framework().score(&a).unwrap_err()
}

fn plan() -> Assignments {
    let mut plan = Assignments::new("Plan");
    plan.agency(Agency::new(
        "NV",
        "Phòng Nội vụ",
        AgencyKind::Office,
        Head::new("Trưởng phòng"),
    ))
    .agency(Agency::new(
        "VP",
        "Văn phòng",
        AgencyKind::Office,
        Head::new("Chánh Văn phòng"),
    ));
    plan
}

fn code(text: &str) -> par_index::Code {
    text.parse().unwrap()
}

fn entry(text: &str) -> Entry {
    Entry::new(code(text))
}

/// One error of every variant, built through the public API.
#[allow(clippy::vec_init_then_push)] // one push per case reads as a list
fn errors() -> Vec<Error> {
    let mut e: Vec<Error> = Vec::new();
    // Codes, periods and framework structure.
    e.push(par_index::RoundingPolicy::new(13, par_index::Rounding::HalfEven).unwrap_err());
    e.push("1/0".parse::<par_index::Exact>().unwrap_err());
    e.push("1..2".parse::<par_index::Code>().unwrap_err());
    e.push("2024 H1".parse::<par_index::Period>().unwrap_err());
    e.push("fr".parse::<par_index::language::Language>().unwrap_err());
    e.push(
        Framework::builder("", "t")
            .domain("1", "x", dec!(100))
            .build()
            .unwrap_err(),
    );
    e.push(base().build().unwrap_err());
    e.push(
        base()
            .total_points(dec!(0))
            .domain("1", "x", dec!(0))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(5))
            .domain("1", "y", dec!(5))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .child("9", "9.1", "y", dec!(10))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .node(NodeSpec {
                parent: Some(code("1.2")),
                ..NodeSpec::new(code("1.1"), "a", dec!(1))
            })
            .node(NodeSpec {
                parent: Some(code("1.1")),
                ..NodeSpec::new(code("1.2"), "b", dec!(1))
            })
            .domain("1", "x", dec!(10))
            .build()
            .unwrap_err(),
    );
    {
        let mut b = base().total_points(dec!(1)).domain("1", "1", dec!(1));
        let mut c = "1".to_owned();
        for _ in 0..par_index::framework::MAX_DEPTH {
            let child = format!("{c}.1");
            b = b.child(&c, &child, &child, dec!(1));
            c = child;
        }
        e.push(b.build().unwrap_err());
    }
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .domain("2", "y", dec!(0))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .child("1", "1.1", "y", dec!(4))
            .child("1", "1.2", "z", dec!(5))
            .build()
            .unwrap_err(),
    );
    e.push(base().domain("1", "x", dec!(9)).build().unwrap_err());
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .combine(Combine::WeightedMean)
            .child("1", "1.1", "y", dec!(10))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .combine(Combine::WeightedMean)
            .child("1", "1.1", "y", dec!(10))
            .weight(dec!(0))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .weight(dec!(1))
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .rule(Rule::YesNo {
                points_if_yes: Some(dec!(11)),
            })
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .domain("1", "x", dec!(10))
            .rule(Rule::ThresholdBands {
                bands: vec![],
                zero_denominator: ZeroDenominator::Error,
            })
            .build()
            .unwrap_err(),
    );
    e.push(
        base()
            .rule(Rule::Direct)
            .domain("1", "x", dec!(10))
            .build()
            .unwrap_err(),
    );
    // Scoring.
    e.push(
        Framework::builder("other", "o")
            .domain("1", "x", dec!(100))
            .build()
            .unwrap()
            .score(&assessment("u", "2024"))
            .unwrap_err(),
    );
    e.push(
        framework()
            .score(&Assessment::new("cat", " ", "2024".parse().unwrap()))
            .unwrap_err(),
    );
    e.push(score_with(entry("9.9").with_appraised(dec!(1))));
    e.push(score_with(entry("1").with_appraised(dec!(1))));
    {
        let mut a = assessment("u", "2024");
        a.push(entry("1.1").with_appraised(dec!(1)));
        e.push(framework().score(&a).unwrap_err());
    }
    e.push(score_with(entry("1.1").with_appraised(dec!(5))));
    e.push(score_with(entry("1.1").with_appraised(dec!(-1))));
    e.push(score_with(entry("1.1").with_evidence(Evidence::Flag(true))));
    e.push(score_with(entry("1.3").with_evidence(Evidence::rate(0, 0))));
    e.push(score_with(
        entry("1.3").with_evidence(Evidence::Percent(dec!(104))),
    ));
    e.push(score_with(
        entry("1.3").with_evidence(Evidence::rate(11, 10)),
    ));
    {
        let f = base()
            .domain("1", "x", dec!(10))
            .rule(Rule::SurveyMean {
                scale_min: dec!(1),
                scale_max: dec!(5),
            })
            .build()
            .unwrap();
        let mut a = Assessment::new("cat", "u", "2024".parse().unwrap());
        a.push(entry("1").with_evidence(Evidence::SurveyMean(dec!(6))));
        e.push(f.score(&a).unwrap_err());
    }
    e.push(score_with(
        entry("1.1").with_evidence(Evidence::NotApplicable),
    ));
    e.push(score_with(
        entry("1.2")
            .with_evidence(Evidence::NotApplicable)
            .with_appraised(dec!(1)),
    ));
    {
        let f = base()
            .domain("1", "x", dec!(10))
            .rule(Rule::Direct)
            .optional()
            .build()
            .unwrap();
        let mut a = Assessment::new("cat", "u", "2024".parse().unwrap());
        a.push(entry("1").with_evidence(Evidence::NotApplicable));
        e.push(f.score(&a).unwrap_err());
    }
    e.push(
        framework()
            .score_with(
                &Assessment::new("cat", "u", "2024".parse().unwrap()),
                &par_index::ScoringOptions::strict(),
            )
            .unwrap_err(),
    );
    e.push(par_index::builtin::get("vn-par-nowhere").unwrap_err());
    e.push(
        par_index::pinning::pin_with(
            &Cohort::new(&framework(), []).unwrap(),
            &par_index::pinning::PublishedTable::default(),
            &PinOptions::new(dec!(-0.01)),
        )
        .unwrap_err(),
    );
    // Bulk scoring.
    let period = || "2024".parse::<par_index::Period>().unwrap();
    {
        let f = base()
            .domain("1", "x", dec!(10))
            .combine(Combine::WeightedMean)
            .child("1", "1.1", "y", dec!(10))
            .weight(dec!(1))
            .build()
            .unwrap();
        e.push(PointsTable::new(&f, period()).unwrap_err());
    }
    let f = framework();
    e.push(PointsTable::with_columns(&f, period(), ["1.1", "9.9"]).unwrap_err());
    e.push(PointsTable::with_columns(&f, period(), ["1.1", "1"]).unwrap_err());
    e.push(PointsTable::with_columns(&f, period(), ["1.1", "1.1", "1.2", "1.3"]).unwrap_err());
    e.push(PointsTable::with_columns(&f, period(), ["1.1"]).unwrap_err());
    {
        let mut t = PointsTable::new(&f, period()).unwrap();
        e.push(t.push("u", [dec!(1)]).unwrap_err());
        e.push(t.push(" ", [dec!(1), dec!(1), dec!(1)]).unwrap_err());
        t.push("u", [dec!(1), dec!(1), dec!(1)]).unwrap();
        e.push(t.push("u", [dec!(1), dec!(1), dec!(1)]).unwrap_err());
        e.push(t.push("v", [dec!(5), dec!(1), dec!(1)]).unwrap_err());
        e.push(t.push("v", [dec!(-1), dec!(1), dec!(1)]).unwrap_err());
        e.push(
            t.push("v", [dec!(0.12345678901234567890), dec!(1), dec!(1)])
                .unwrap_err(),
        );
    }
    {
        let big = dec!(5000000000000000000.25);
        let f = Framework::builder("big", "b")
            .total_points(big)
            .domain("1", "x", big)
            .build()
            .unwrap();
        e.push(PointsTable::new(&f, period()).unwrap_err());
    }
    e.push(
        RankUncertainty::from_cohort(&Cohort::new(&f, [card("u", "2024")]).unwrap())
            .unwrap()
            .run(&UncertaintyOptions::default().with_replications(0))
            .unwrap_err(),
    );
    {
        let g = Framework::builder("cat", "Catalogue")
            .total_points(dec!(10))
            .domain("2", "Hai", dec!(10))
            .build()
            .unwrap();
        let mut a = Assessment::new("cat", "u", period());
        a.push(entry("2").with_appraised(dec!(1)));
        e.push(Cohort::new(&f, [g.score(&a).unwrap()]).unwrap_err());
    }
    e.push(
        base()
            .domain("1", "x", Decimal::MAX)
            .domain("2", "y", Decimal::MAX)
            .build()
            .unwrap_err(),
    );
    // Ranking, grades and comparison.
    {
        let other = Framework::builder("other", "o")
            .domain("1", "x", dec!(100))
            .build()
            .unwrap();
        let mut a = Assessment::new("other", "v", period());
        a.push(entry("1").with_appraised(dec!(1)));
        let (one, two) = (card("u", "2024"), other.score(&a).unwrap());
        assert!(matches!(
            Cohort::new(&f, [one.clone(), two]).map_err(Error::into_kind),
            Err(ErrorKind::FrameworkMismatch { .. })
        ));
        let later = card("v", "2025");
        e.push(Cohort::new(&f, [one.clone(), later.clone()]).unwrap_err());
        e.push(Cohort::new(&f, [one.clone(), one.clone()]).unwrap_err());
        let options = RankingOptions::default().with_tie_method(TieMethod::Ordinal {
            tie_breakers: vec![TieBreaker::NodePoints(code("9"))],
        });
        let alone = Cohort::new(&f, [one]).unwrap();
        e.push(alone.rank_with(&options).unwrap_err());
        let ranking = alone.rank().unwrap();
        let earlier = Cohort::new(&f, [later]).unwrap().rank().unwrap();
        e.push(Comparison::new(&earlier, &ranking).unwrap_err());
        e.push(par_index::trend::Trend::new(&[&ranking]).unwrap_err());
        e.push(
            Comparison::new_with_map(
                &ranking,
                &earlier,
                &DomainMap::new().pair(code("1"), code("9")),
            )
            .unwrap_err(),
        );
        e.push(
            Comparison::new_with_map(
                &ranking,
                &earlier,
                &DomainMap::new()
                    .pair(code("1"), code("1"))
                    .pair(code("1"), code("1")),
            )
            .unwrap_err(),
        );
        let onward = Comparison::new(&ranking, &earlier).unwrap();
        e.push(
            HtmlReport::new(&ranking)
                .comparison(&onward)
                .render()
                .unwrap_err(),
        );
    }
    let band = |label: &str, min: Decimal| GradeBand::new(label, min);
    e.push(GradeScale::new("s", []).unwrap_err());
    e.push(GradeScale::new("s", [band(" ", dec!(90))]).unwrap_err());
    e.push(GradeScale::new("s", [band("A", dec!(90)), band("A", dec!(80))]).unwrap_err());
    e.push(GradeScale::new("s", [band("A", dec!(101))]).unwrap_err());
    e.push(GradeScale::new("s", [band("A", dec!(90)), band("B", dec!(90))]).unwrap_err());
    e.push(GradeScale::new("s", [band("A", dec!(80)), band("B", dec!(90))]).unwrap_err());
    // Accountability.
    {
        let mut p = plan();
        p.agency(Agency::new(
            " ",
            "Không mã",
            AgencyKind::Office,
            Head::new("x"),
        ));
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.agency(Agency::new(
            "NV",
            "Lần hai",
            AgencyKind::Office,
            Head::new("x"),
        ));
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.assign("1", "XX", &[]).unwrap();
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.framework = Some("other".into());
        p.assign("1", "NV", &[]).unwrap();
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.assign("1", "NV", &[])
            .unwrap()
            .assign("9", "NV", &[])
            .unwrap();
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.assign("1", "NV", &[])
            .unwrap()
            .assign("1", "VP", &[])
            .unwrap();
        e.push(Accountability::new(&f, p).unwrap_err());
        let mut p = plan();
        p.assign("1", "NV", &["NV"]).unwrap();
        e.push(Accountability::new(&f, p).unwrap_err());
        e.push(Accountability::new(&f, plan()).unwrap_err());
        let mut p = plan();
        p.assign("1", "NV", &[]).unwrap();
        let accountability = Accountability::new(&f, p).unwrap();
        let g = Framework::builder("cat", "Catalogue")
            .total_points(dec!(10))
            .domain("1", "Một", dec!(10))
            .build()
            .unwrap();
        let mut a = Assessment::new("cat", "u", period());
        a.push(entry("1").with_appraised(dec!(1)));
        e.push(accountability.attribute(&g.score(&a).unwrap()).unwrap_err());
        e.push(
            accountability
                .cohort_report(&Cohort::new(&f, []).unwrap())
                .unwrap_err(),
        );
        let now = accountability.report(&card("u", "2024")).unwrap();
        let before = accountability.report(&card("u", "2023")).unwrap();
        e.push(before.clone().with_previous(&now).unwrap_err());
        let other_unit = accountability.report(&card("v", "2023")).unwrap();
        e.push(now.with_previous(&other_unit).unwrap_err());
    }
    // Ratings of heads.
    {
        let units = [card("a", "2024"), card("b", "2024")];
        e.push(
            PeerAverageRule::new(code("1.1"))
                .apply(&Cohort::new(&framework(), units).unwrap())
                .unwrap()
                .points(&base().domain("9", "x", dec!(10)).build().unwrap())
                .unwrap_err(),
        );
        let mut spec = RatingScheme::hai_phong_212_2025().into_spec();
        spec.title = "x".into();
        spec.bands.swap(0, 1);
        e.push(RatingScheme::new(spec).unwrap_err());
        let facts = |points: Decimal, managed: Option<ManagedUnits>| RatingFacts {
            points,
            managed_units: managed,
            ..RatingFacts::default()
        };
        let all_good = ManagedUnits {
            excellent: 0,
            good: 10,
            completed: 0,
            not_completed: 0,
        };
        let scheme = RatingScheme::hai_phong_212_2025();
        e.push(
            scheme
                .rate(&facts(dec!(100.01), Some(all_good)))
                .unwrap_err(),
        );
        e.push(scheme.rate(&facts(dec!(95), None)).unwrap_err());
        e.push(GradeLabels::new(["Tốt", " "]).unwrap_err());
        let rule = EmulationRule::kon_tum_707(
            GradeLabels::new(["Tốt", "Khá", "Trung bình", "Yếu"]).unwrap(),
        )
        .unwrap();
        e.push(rule.check("Giỏi", None).unwrap_err());
    }
    {
        let p = plan();
        let ledger =
            |records: Vec<LateDossiers>| ApologyLedger::new(&p.agencies, records).unwrap_err();
        e.push(LateDossiers::new("VP", 3, 4, 0).unwrap_err());
        e.push(ledger(vec![
            LateDossiers::new("VP", 1, 0, 0).unwrap(),
            LateDossiers::new("VP", 2, 0, 0).unwrap(),
        ]));
    }
    // Gap to target and what-if.
    {
        let f = framework();
        let cards = [card("a", "2024"), card("b", "2024")];
        let ranking = Cohort::new(&f, cards.clone()).unwrap().rank().unwrap();
        e.push(Gap::new(&ranking, "c").unwrap_err());
        let gap = Gap::new(&ranking, "a").unwrap();
        e.push(gap.to_rank(5).unwrap_err());
        e.push(par_index::ranking::Rank::new(0).unwrap_err());
        e.push(gap.plan(dec!(99)).unwrap_err());
        let twice = [
            LeafChange::appraised(code("1.1"), dec!(4)),
            LeafChange::appraised(code("1.1"), dec!(2)),
        ];
        e.push(WhatIf::run(&ranking, "a", &twice).unwrap_err());
        let averaged = Framework::builder("avg", "Averaged")
            .combine_domains(Combine::WeightedMean)
            .domain("1", "Một", dec!(100))
            .weight(dec!(1))
            .domain("2", "Hai", dec!(100))
            .weight(dec!(3))
            .build()
            .unwrap();
        let mut a = Assessment::new("avg", "w", "2024".parse().unwrap());
        a.push(Entry::new(code("1")).with_appraised(dec!(80)))
            .push(Entry::new(code("2")).with_appraised(dec!(90)));
        let averaged_card = averaged.score(&a).unwrap();
        let alone = Cohort::new(&averaged, [averaged_card])
            .unwrap()
            .rank()
            .unwrap();
        let gap = Gap::new(&alone, "w").unwrap();
        e.push(gap.plan(dec!(1)).unwrap_err());
    }
    // Identifiers, reserved codes, and assessments a CSV table cannot hold.
    e.push(
        framework()
            .score(&Assessment::new(
                "cat",
                "minh\u{200b}an",
                "2024".parse().unwrap(),
            ))
            .unwrap_err(),
    );
    e.push(base().domain("period", "x", dec!(10)).build().unwrap_err());
    e.push(
        par_index::csv::write_assessments(
            Vec::new(),
            &[assessment("u", "2024"), assessment("u", "2024")],
            &par_index::csv::WriteOptions::default(),
        )
        .unwrap_err(),
    );
    let mut cited = Assessment::new("cat", "u", "2024".parse().unwrap());
    cited.push(entry("1.1").with_evidence_ref("a\nb"));
    e.push(
        par_index::csv::write_assessments(
            Vec::new(),
            &[cited],
            &par_index::csv::WriteOptions::default(),
        )
        .unwrap_err(),
    );
    // Text forms and CSV.
    e.push("7723/0x".parse::<Evidence>().unwrap_err());
    e.push("bands 100:10".parse::<Rule>().unwrap_err());
    let reader = AssessmentReader::new(&f).file_name("wards.csv");
    match reader
        .read("unit,period,code,value,appraised\nu,2024,1.1,,ten\n".as_bytes())
        .unwrap_err()
        .into_kind()
    {
        ErrorKind::InCell { cause, .. } => e.push(*cause),
        other => panic!("{other}"),
    }
    e.push(
        reader
            .read("unit,period,1.1,1.2,1.3\nu,2024,1,yes,1/0x\n".as_bytes())
            .unwrap_err(),
    );
    e.push(
        reader
            .read("unit,period,1.1,1.2,1.3\nu,2024,1,yes,1/2,9\n".as_bytes())
            .unwrap_err(),
    );
    e.push(reader.read("unit_name,1.1\nx,1\n".as_bytes()).unwrap_err());
    e.push(reader.read("unit,period,1.1,1.1\n".as_bytes()).unwrap_err());
    e.push(reader.read_path("no/such/wards.csv").unwrap_err());
    e
}

/// The variant's name: what `Debug` prints before its fields.
fn variant(error: &Error) -> String {
    let debug = format!("{error:?}");
    debug
        .split([' ', '(', '{'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Variant names of `ErrorKind` declared in src/error.rs, in order.
fn declared_variants() -> Vec<String> {
    let body = &ERROR_RS[ERROR_RS.find("pub enum ErrorKind {").unwrap()..];
    let body = &body[..body.find("\n}\n").unwrap()];
    body.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("    ")?;
            let first = rest.chars().next()?;
            if !first.is_ascii_uppercase() {
                return None;
            }
            Some(rest.split([' ', '(', '{', ',']).next()?.to_owned())
        })
        .collect()
}

/// The catalogue rows of the documentation of `ErrorKind`: `/// | `Variant` | `message` |`.
fn catalogue() -> Vec<(String, String)> {
    ERROR_RS
        .lines()
        .filter_map(|line| {
            let row = line.trim().strip_prefix("/// | `")?;
            let (name, rest) = row.split_once("` | `")?;
            let message = rest.strip_suffix("` |")?;
            Some((name.to_owned(), message.to_owned()))
        })
        .collect()
}

#[test]
fn every_variant_is_built_and_prints_its_catalogued_message() {
    let catalogue = catalogue();
    for error in errors() {
        let name = variant(&error);
        let row = catalogue.iter().find(|(n, _)| *n == name);
        let Some((_, message)) = row else {
            panic!("{name} is not in the catalogue; its message: {error}");
        };
        // The kind's message is the catalogue's; an error raised while scoring a unit also
        // names the unit before it.
        assert_eq!(&error.kind().to_string(), message, "{name}");
        let full = error.to_string();
        let with_unit = error.unit().map(|unit| format!("unit {unit}: {message}"));
        assert!(
            full == *message || Some(&full) == with_unit.as_ref(),
            "{name}: {full}"
        );
    }
}

#[test]
fn the_catalogue_and_the_test_cover_every_variant_once() {
    let declared: BTreeSet<String> = declared_variants().into_iter().collect();
    assert!(declared.len() > 80, "{declared:?}");
    let built: BTreeSet<String> = errors().iter().map(variant).collect();
    let catalogued: Vec<String> = catalogue().into_iter().map(|(n, _)| n).collect();
    let unique: BTreeSet<String> = catalogued.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        catalogued.len(),
        "a variant is catalogued twice"
    );
    let missing_from_test: Vec<&String> = declared.difference(&built).collect();
    let missing_from_catalogue: Vec<&String> = declared.difference(&unique).collect();
    let unknown: Vec<&String> = unique.difference(&declared).collect();
    assert!(
        missing_from_test.is_empty(),
        "not built by the test: {missing_from_test:?}"
    );
    assert!(
        missing_from_catalogue.is_empty(),
        "not catalogued: {missing_from_catalogue:?}"
    );
    assert!(
        unknown.is_empty(),
        "catalogued but not declared: {unknown:?}"
    );
}

/// Prints the catalogue rows for the documentation (run with `--ignored --nocapture`).
#[test]
#[ignore]
fn print_catalogue() {
    for error in errors() {
        println!("/// | `{}` | `{}` |", variant(&error), error);
    }
}

#[test]
fn every_error_is_in_exactly_one_category() {
    for error in errors() {
        let categories: Vec<&str> = [
            ("input", error.is_input()),
            ("mismatch", error.is_mismatch()),
            ("parse", error.is_parse()),
            ("csv", error.is_csv()),
            ("io", error.is_io()),
            ("overflow", error.is_overflow()),
            ("unsupported", error.is_unsupported()),
        ]
        .into_iter()
        .filter_map(|(name, is)| is.then_some(name))
        .collect();
        assert_eq!(categories.len(), 1, "{}: {categories:?}", variant(&error));
    }
}
