//! The shape of `Error`: one pointer wide, a kind to match on, categories to branch on,
//! accessors for what an error is about, and `source()` for the error behind it.

use par_index::error::{Operation, PointsKind, Quantity, Side};
use par_index::{
    Assessment, Code, Cohort, Entry, Error, ErrorKind, Evidence, Exact, Framework, Ranking,
    Rounding, RoundingPolicy, Rule,
    bulk::PointsTable,
    comparison::{Comparison, DomainMap},
    framework::Combine,
};
use rust_decimal::{Decimal, dec};

/// Domain 1 (10 points): 1.1 direct (4), 1.2 yes/no (3), 1.3 proportional (3).
fn framework() -> Framework {
    Framework::builder("cat", "Catalogue")
        .total_points(dec!(10))
        .domain("1", "Một", dec!(10))
        .child("1", "1.1", "Một một", dec!(4))
        .rule(Rule::Direct)
        .child("1", "1.2", "Một hai", dec!(3))
        .rule(Rule::yes_no())
        .child("1", "1.3", "Một ba", dec!(3))
        .rule(Rule::proportional())
        .build()
        .unwrap()
}

fn code(text: &str) -> Code {
    text.parse().unwrap()
}

/// Scores unit `u` of `framework()` for 2024 with the given entry for 1.1, others full.
fn score_with(entry: Entry) -> Result<par_index::Scorecard, Error> {
    let mut a = Assessment::new("cat", "u", "2024".parse().unwrap());
    a.push(entry)
        .push(Entry::new(code("1.2")).with_evidence(Evidence::Flag(true)))
        .push(Entry::new(code("1.3")).with_evidence(Evidence::rate(9, 10)));
    framework().score(&a)
}

fn ranking(unit: &str, period: &str) -> Ranking {
    let mut a = Assessment::new("cat", unit, period.parse().unwrap());
    a.push(Entry::new(code("1.1")).with_appraised(dec!(3)))
        .push(Entry::new(code("1.2")).with_evidence(Evidence::Flag(true)))
        .push(Entry::new(code("1.3")).with_evidence(Evidence::rate(9, 10)));
    let f = framework();
    let card = f.score(&a).unwrap();
    Cohort::new(&f, [card]).unwrap().rank().unwrap()
}

/// The categories an error is in, by name.
fn categories(error: &Error) -> Vec<&'static str> {
    [
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
    .collect()
}

#[test]
fn an_error_is_one_pointer_wide() {
    assert!(size_of::<Error>() <= 16, "{}", size_of::<Error>());
    assert_eq!(size_of::<Error>(), size_of::<usize>());
    assert_eq!(size_of::<Result<(), Error>>(), size_of::<usize>());
    assert!(size_of::<Result<Exact, Error>>() <= size_of::<Exact>() + size_of::<usize>());
}

#[test]
fn an_error_is_send_sync_and_static() {
    fn check<T: Send + Sync + 'static + std::error::Error>() {}
    check::<Error>();
}

#[test]
fn display_is_the_kind_after_the_unit_scored_and_debug_is_the_kind() {
    let error = score_with(Entry::new(code("1.1")).with_appraised(dec!(5))).unwrap_err();
    assert_eq!(
        error.kind().to_string(),
        "criterion 1.1 is given 5 appraised points but its maximum is 4"
    );
    assert_eq!(error.to_string(), format!("unit u: {}", error.kind()));
    // A kind that names its unit is not given it twice.
    let mut twice = Assessment::new("cat", "u", "2024".parse().unwrap());
    twice
        .push(Entry::new(code("1.1")).with_appraised(dec!(1)))
        .push(Entry::new(code("1.1")).with_appraised(dec!(2)));
    let duplicate = framework().score(&twice).unwrap_err();
    assert_eq!(duplicate.to_string(), duplicate.kind().to_string());
    assert_eq!(format!("{error:?}"), format!("{:?}", error.kind()));
    assert!(format!("{error:?}").starts_with("PointsAboveMax {"));
}

#[test]
fn kind_into_kind_and_from_agree() {
    let error = "1/0".parse::<Exact>().unwrap_err();
    let kind = error.kind().clone();
    assert!(matches!(&kind, ErrorKind::InvalidExact { text, .. } if text == "1/0"));
    assert_eq!(error.clone().into_kind(), kind);
    assert_eq!(Error::from(kind.clone()), error);
    assert_eq!(
        Error::from(ErrorKind::CohortEmpty).to_string(),
        "a cohort needs at least one scorecard"
    );
    assert_ne!(Error::from(ErrorKind::CohortEmpty), error);
}

#[test]
fn fields_that_name_one_of_a_few_things_are_enums_printed_as_their_words() {
    match score_with(Entry::new(code("1.1")).with_appraised(dec!(5)))
        .unwrap_err()
        .kind()
    {
        ErrorKind::PointsAboveMax { which, .. } => {
            assert_eq!(*which, PointsKind::Appraised);
            assert_eq!(which.to_string(), "appraised");
        }
        other => panic!("{other:?}"),
    }
    match score_with(Entry::new(code("1.1")).with_self_assessed(dec!(-1)))
        .unwrap_err()
        .kind()
    {
        ErrorKind::NegativeValue { what, .. } => {
            assert_eq!(*what, Quantity::SelfAssessed);
            assert_eq!(what.as_str(), "self-assessed");
        }
        other => panic!("{other:?}"),
    }
    let overflow = Framework::builder("cat", "c")
        .total_points(dec!(10))
        .domain("1", "x", Decimal::MAX)
        .domain("2", "y", Decimal::MAX)
        .build()
        .unwrap_err();
    assert!(matches!(
        overflow.kind(),
        ErrorKind::Overflow {
            operation: Operation::Adding,
            ..
        }
    ));
    let (now, before) = (ranking("u", "2025"), ranking("u", "2024"));
    let map = DomainMap::new().pair(code("1"), code("9"));
    let error = Comparison::new_with_map(&before, &now, &map).unwrap_err();
    match error.kind() {
        ErrorKind::UnknownMappedDomain { side, code, .. } => {
            assert_eq!((*side, code.as_str()), (Side::Current, "9"));
            assert_eq!(side.to_string(), "current");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "the domain map names current domain 9, which framework cat does not have"
    );
}

#[test]
fn each_category_answers_for_its_errors_only() {
    let input = RoundingPolicy::new(13, Rounding::HalfEven).unwrap_err();
    assert_eq!(categories(&input), ["input"]);
    let evidence = score_with(Entry::new(code("1.1")).with_evidence(Evidence::Flag(true)));
    assert_eq!(categories(&evidence.unwrap_err()), ["input"]);

    let other = Assessment::new("other", "u", "2024".parse().unwrap());
    let mismatch = framework().score(&other).unwrap_err();
    assert_eq!(categories(&mismatch), ["mismatch"]);
    let periods = Comparison::new(&ranking("u", "2025"), &ranking("u", "2024")).unwrap_err();
    assert!(matches!(
        periods.kind(),
        ErrorKind::PeriodsNotInOrder { .. }
    ));
    assert_eq!(categories(&periods), ["mismatch"]);

    let parse = "7723/0x".parse::<Evidence>().unwrap_err();
    assert_eq!(categories(&parse), ["parse"]);
    assert_eq!(categories(&"1..2".parse::<Code>().unwrap_err()), ["parse"]);

    let overflow = Framework::builder("cat", "c")
        .total_points(dec!(10))
        .domain("1", "x", Decimal::MAX)
        .domain("2", "y", Decimal::MAX)
        .build()
        .unwrap_err();
    assert_eq!(categories(&overflow), ["overflow"]);
    let big = dec!(5000000000000000000.25);
    let fixed = Framework::builder("big", "b")
        .total_points(big)
        .domain("1", "x", big)
        .build()
        .unwrap();
    let fixed = PointsTable::new(&fixed, "2024".parse().unwrap()).unwrap_err();
    assert!(matches!(fixed.kind(), ErrorKind::FixedPointOverflow { .. }));
    assert_eq!(categories(&fixed), ["overflow"]);

    let averaged = Framework::builder("avg", "Averaged")
        .combine_domains(Combine::WeightedMean)
        .domain("1", "Một", dec!(100))
        .weight(dec!(1))
        .build()
        .unwrap();
    let unsupported = PointsTable::new(&averaged, "2024".parse().unwrap()).unwrap_err();
    assert_eq!(categories(&unsupported), ["unsupported"]);
}

#[test]
fn unit_and_code_name_what_the_error_is_about() {
    let error = score_with(Entry::new(code("1.1")).with_appraised(dec!(5))).unwrap_err();
    assert_eq!(error.code(), Some(&code("1.1")));
    assert_eq!(error.unit(), Some("u")); // the kind names the node; scoring adds the unit
    let mut a = Assessment::new("cat", "ward-7", "2024".parse().unwrap());
    a.push(Entry::new(code("9.9")).with_appraised(dec!(1)));
    let unknown = framework().score(&a).unwrap_err();
    assert_eq!(
        (unknown.unit(), unknown.code().map(Code::as_str)),
        (Some("ward-7"), Some("9.9"))
    );
    let parse = "1/0".parse::<Exact>().unwrap_err();
    assert_eq!(
        (parse.unit(), parse.code(), parse.line()),
        (None, None, None)
    );
}

#[cfg(feature = "csv")]
mod csv {
    use std::error::Error as _;

    use super::*;
    use par_index::csv::AssessmentReader;

    #[test]
    fn the_source_of_a_file_that_cannot_be_opened_is_the_io_error() {
        let error = AssessmentReader::new(&framework())
            .read_path("no/such/wards.csv")
            .unwrap_err();
        assert_eq!(categories(&error), ["io"]);
        assert!(matches!(
            error.kind(),
            ErrorKind::Io { action: par_index::error::IoAction::Read, path, .. }
                if path == "no/such/wards.csv"
        ));
        let source = error.source().expect("an io error");
        let io = source
            .downcast_ref::<std::io::Error>()
            .expect("an io error");
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert_eq!(
            error.to_string(),
            format!("cannot read no/such/wards.csv: {io}")
        );
        // A clone keeps it; equality compares kinds.
        let clone = error.clone();
        assert_eq!(clone, error);
        assert!(clone.source().is_some_and(|s| s.is::<std::io::Error>()));
        // Taking the kind out keeps the message only.
        assert_eq!(Error::from(error.into_kind()).source().map(|_| ()), None);
    }

    #[test]
    fn the_source_of_a_cell_error_is_the_cells_own_error() {
        let error = AssessmentReader::new(&framework())
            .file_name("wards.csv")
            .read("unit,period,1.1,1.2,1.3\nu,2024,1,yes,1/0x\n".as_bytes())
            .unwrap_err();
        assert_eq!(categories(&error), ["csv"]);
        assert_eq!(error.line(), Some(2));
        assert_eq!(error.code(), None); // the cause is about the text, not a node
        let source = error.source().expect("the cell's error");
        let cause = source.downcast_ref::<Error>().expect("a par_index::Error");
        assert!(matches!(cause.kind(), ErrorKind::InvalidEvidence { .. }));
        assert_eq!(categories(cause), ["parse"]);
        assert_eq!(
            cause.to_string(),
            "cannot read \"1/0x\" as evidence: the denominator \"0x\" is not a number"
        );
        assert!(cause.source().is_none());
        match error.kind() {
            ErrorKind::InCell { cause: inner, .. } => assert_eq!(**inner, *cause),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_cell_error_answers_unit_and_code_from_its_cause() {
        let error = AssessmentReader::new(&framework())
            .read("unit,period,code,value\nward-7,2024,1,5\n".as_bytes())
            .unwrap_err();
        assert!(error.is_csv(), "{error:?}");
        assert_eq!(error.line(), Some(2));
        assert_eq!(error.code().map(Code::as_str), Some("1"));
        assert_eq!(error.unit(), Some("ward-7"));
        let cause = error.source().and_then(|s| s.downcast_ref::<Error>());
        assert!(cause.is_some_and(Error::is_input), "{error:?}");
    }

    #[test]
    fn bad_rows_and_columns_are_csv_errors() {
        let framework = framework();
        let reader = AssessmentReader::new(&framework).file_name("wards.csv");
        let row = reader
            .read("unit,period,1.1,1.2,1.3\nu,2024,1,yes,1/2,9\n".as_bytes())
            .unwrap_err();
        assert!(matches!(row.kind(), ErrorKind::BadRow { .. }));
        assert_eq!((categories(&row), row.line()), (vec!["csv"], Some(2)));
        let missing = reader.read("unit_name,1.1\nx,1\n".as_bytes()).unwrap_err();
        assert!(matches!(missing.kind(), ErrorKind::MissingColumn { .. }));
        assert_eq!(categories(&missing), ["csv"]);
        let twice = reader.read("unit,period,1.1,1.1\n".as_bytes()).unwrap_err();
        assert!(matches!(twice.kind(), ErrorKind::BadColumn { .. }));
        assert_eq!((categories(&twice), twice.line()), (vec!["csv"], Some(1)));
        assert!(row.source().is_none());
    }
}
