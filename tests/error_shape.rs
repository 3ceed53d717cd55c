//! The shape of `Error`: one pointer wide, a kind to match on, and `source()` for the error
//! behind it.

use par_index::{Assessment, Code, Entry, Error, ErrorKind, Evidence, Exact, Framework, Rule};
use rust_decimal::dec;

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
fn display_and_debug_are_the_kinds() {
    let error = score_with(Entry::new(code("1.1")).with_appraised(dec!(5))).unwrap_err();
    assert_eq!(
        error.to_string(),
        "criterion 1.1 is given 5 appraised points but its maximum is 4"
    );
    assert_eq!(error.to_string(), error.kind().to_string());
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
        assert!(matches!(
            error.kind(),
            ErrorKind::Io { action: "read", path, .. } if path == "no/such/wards.csv"
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
        let source = error.source().expect("the cell's error");
        let cause = source.downcast_ref::<Error>().expect("a par_index::Error");
        assert!(matches!(cause.kind(), ErrorKind::InvalidEvidence { .. }));
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
}
