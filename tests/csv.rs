//! CSV in and out: round-trips, published values read back from the cells, and errors that
//! name the file, line and column.

#![cfg(feature = "csv")]

use par_index::csv::{
    AssessmentReader, FrameworkReader, Headers, WriteOptions, write_assessments, write_comparison,
    write_framework, write_ranking, write_scorecards, write_trend, write_trend_heads,
};
use par_index::{
    Assessment, Cohort, Entry, Error, ErrorKind, Evidence, Framework, Ranking, RankingOptions,
    RoundingPolicy, Scorecard, assessment::Adjustment, builtin, comparison::Comparison,
    framework::FrameworkInfo, language::Language, trend::Trend,
};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn hoi_an() -> Framework {
    builtin::get("vn-hoi-an-city-illustrative").unwrap()
}

/// Assessments using every kind of evidence, both kinds of points, notes and references that
/// need quoting, adjustments, and a unit with no input at all.
fn varied_assessments(framework: &Framework) -> Vec<Assessment> {
    let period = "2021-H1".parse().unwrap();
    let mut minh_an = Assessment::new(framework.id(), "minh-an", period);
    minh_an.unit_name = "Phường Minh An".to_owned();
    minh_an
        .push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)))
        .push(Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::rate(7_723, 8_037)))
        .push(Entry::new("1.3".parse().unwrap()).with_evidence(Evidence::Count(3)))
        .push(
            Entry::new("1.5".parse().unwrap())
                .with_self_assessed(d("2"))
                .with_appraised(d("1.50"))
                .with_note("Thiếu biên bản, \"họp\" quý II;\nbổ sung sau")
                .with_evidence_ref("https://hoian.gov.vn/vb/123")
                .with_evidence_ref("Báo cáo số 45/BC-UBND"),
        )
        .push(Entry::new("3.1".parse().unwrap()).with_evidence(Evidence::NotApplicable))
        .push(Entry::new("3.5".parse().unwrap()).with_evidence(Evidence::Percent(d("55.80"))))
        .push(Entry::new("4.2".parse().unwrap()).with_evidence(Evidence::Value(d("1"))))
        .push(Entry::new("4.3".parse().unwrap()).with_evidence(Evidence::Points(d("2.25"))))
        .push(Entry::new("8.1".parse().unwrap()).with_evidence(Evidence::SurveyMean(d("4.12"))))
        .push(Entry::new("8.2".parse().unwrap()).with_self_assessed(d("6")));
    minh_an
        .adjust(Adjustment {
            label: "bonus: sáng kiến cấp thành phố".to_owned(),
            points: d("1"),
            reason: "Quyết định khen thưởng, 2021".to_owned(),
        })
        .adjust(Adjustment {
            label: "deduction: late report".to_owned(),
            points: d("-0.5"),
            reason: String::new(),
        });
    let mut cam_kim = Assessment::new(framework.id(), "cam-kim", "2021-H1".parse().unwrap());
    cam_kim.unit_name = "Xã Cẩm Kim".to_owned();
    let empty = Assessment::new(framework.id(), "tan-hiep", "2021-H1".parse().unwrap());
    cam_kim.push(Entry::new("3.1".parse().unwrap()).with_evidence(Evidence::rate(214, 214)));
    vec![minh_an, cam_kim, empty]
}

fn write<F: FnOnce(&mut Vec<u8>) -> Result<(), Error>>(f: F) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[track_caller]
fn read_error(framework: &Framework, table: &str) -> String {
    AssessmentReader::new(framework)
        .period("2021-H1".parse().unwrap())
        .file_name("assessments.csv")
        .read(table.as_bytes())
        .unwrap_err()
        .to_string()
}

#[test]
fn assessments_round_trip_through_long_form() {
    let framework = hoi_an();
    let assessments = varied_assessments(&framework);
    let text = write(|out| write_assessments(out, &assessments, &WriteOptions::default()));
    let back = AssessmentReader::new(&framework)
        .read(text.as_bytes())
        .unwrap();
    assert_eq!(back, assessments);
    // One row per entry and per adjustment; one blank row only for the assessment without
    // either (Minh An: 10 entries, 2 adjustments; Cẩm Kim: 1 entry; Tân Hiệp: none).
    let (_, rows) = cells(&text);
    assert_eq!(rows.len(), 10 + 2 + 1 + 1);
    let blank: Vec<_> = rows.iter().filter(|r| r[3].is_empty()).collect();
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0][0], "tan-hiep");
    // Scales survive too: 55.80% is written and read as 55.80%, not 55.8%.
    assert!(text.contains(",3.5,55.80%,"), "{text}");
    assert_eq!(
        text.lines().next().unwrap(),
        "unit,unit_name,period,code,value,self_assessed,appraised,note,evidence_refs,reason"
    );
}

#[test]
fn assessments_round_trip_with_excel_options() {
    let framework = hoi_an();
    let assessments = varied_assessments(&framework);
    let mut out = Vec::new();
    write_assessments(&mut out, &assessments, &WriteOptions::excel()).unwrap();
    assert!(out.starts_with(b"\xEF\xBB\xBFunit,unit_name,"));
    assert!(String::from_utf8_lossy(&out).contains("\r\nminh-an,Phường Minh An,2021-H1,1.1,yes"));
    let back = AssessmentReader::new(&framework).read(&out[..]).unwrap();
    assert_eq!(back, assessments);
}

#[cfg(feature = "serde")]
#[test]
fn the_sample_folder_round_trips_and_scores_the_same() {
    let framework = hoi_an();
    let mut assessments = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("examples/data/hoi-an-wards")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        assessments.push(serde_json::from_str::<Assessment>(&text).unwrap());
    }
    assert_eq!(assessments.len(), 13);
    let text = write(|out| write_assessments(out, &assessments, &WriteOptions::default()));
    let back = AssessmentReader::new(&framework)
        .read(text.as_bytes())
        .unwrap();
    assert_eq!(back, assessments);
    for (before, after) in assessments.iter().zip(&back) {
        assert_eq!(
            framework.score(before).unwrap(),
            framework.score(after).unwrap()
        );
    }
}

#[test]
fn wide_form_reads_evidence_cells_and_skips_blank_rows() {
    let framework = hoi_an();
    let table = "\u{feff}unit , unit_name,period,1.1,3.1,3.5,8.1,\n\
                 minh-an,Phường Minh An,2021-H1,yes,690/702,55.8%,~4.86,\n\
                 cam-kim,Xã Cẩm Kim,,no,n/a, ,~3,\n\
                 ,,,,,,,\n";
    let assessments = AssessmentReader::new(&framework)
        .period("2021".parse().unwrap())
        .read(table.as_bytes())
        .unwrap();
    assert_eq!(assessments.len(), 2);
    let minh_an = &assessments[0];
    assert_eq!(minh_an.unit_name, "Phường Minh An");
    assert_eq!(minh_an.period.as_str(), "2021-H1");
    assert_eq!(minh_an.framework, "vn-hoi-an-city-illustrative");
    let evidence: Vec<(String, Evidence)> = minh_an
        .entries()
        .iter()
        .map(|e| (e.code.to_string(), e.evidence.clone().unwrap()))
        .collect();
    assert_eq!(
        evidence,
        [
            ("1.1".to_owned(), Evidence::Flag(true)),
            ("3.1".to_owned(), Evidence::rate(690, 702)),
            ("3.5".to_owned(), Evidence::Percent(d("55.8"))),
            ("8.1".to_owned(), Evidence::SurveyMean(d("4.86"))),
        ]
    );
    // An empty period cell takes the reader's period; an empty cell is no input.
    let cam_kim = &assessments[1];
    assert_eq!(cam_kim.period.as_str(), "2021");
    assert_eq!(cam_kim.entries().len(), 3);
    assert_eq!(
        cam_kim.entries()[2].evidence,
        Some(Evidence::SurveyMean(d("3")))
    );
}

#[test]
fn malformed_rows_are_named_by_file_line_and_column() {
    let framework = hoi_an();
    let cases = [
        (
            "unit,1.1,3.1\nminh-an,yes,690/702\ncam-an,no,301/301\ncam-pho,yes,7723/0x\n",
            "assessments.csv line 4, column \"3.1\": cannot read \"7723/0x\" as evidence: the denominator \"0x\" is not a number",
        ),
        (
            "unit,1.1\nminh-an,yes,extra\n",
            "assessments.csv line 2: the row has 3 cells but the header has 2",
        ),
        (
            "unit,1.1,9.9\nminh-an,yes,no\n",
            "assessments.csv line 1, column \"9.9\": framework vn-hoi-an-city-illustrative has no node 9.9",
        ),
        (
            "unit,1\nminh-an,yes\n",
            "assessments.csv line 1, column \"1\": domain 1 has children; evidence is given for leaves only",
        ),
        (
            "unit,Tên đơn vị\nminh-an,Phường Minh An\n",
            "assessments.csv line 1, column \"Tên đơn vị\": it is neither unit, unit_name nor period, nor a leaf code of framework vn-hoi-an-city-illustrative",
        ),
        (
            "unit,1.1,1.1\nminh-an,yes,no\n",
            "assessments.csv line 1, column \"1.1\": the column is given twice",
        ),
        (
            "unit_name,1.1\nPhường Minh An,yes\n",
            "assessments.csv has no column \"unit\"; its columns are unit_name, 1.1",
        ),
        (
            "unit,1.1\nminh-an,yes\n\nminh-an,no\n",
            "assessments.csv line 4: unit minh-an for period 2021-H1 is already on line 2",
        ),
        (
            "unit,1.1\n,yes\n",
            "assessments.csv line 2, column \"unit\": an assessment needs a non-empty unit id",
        ),
        (
            "unit,period,1.1\nminh-an,2021 H1,yes\n",
            "assessments.csv line 2, column \"period\": invalid period \"2021 H1\": use 1 to 32 letters, digits, '-', '_' or '.', such as \"2021\" or \"2021-H1\"",
        ),
        (
            "unit,1.1,\nminh-an,yes,oops\n",
            "assessments.csv line 2: column 3 has no header but holds \"oops\"",
        ),
        (
            "unit,unit_name,code,value\nminh-an,Phường Minh An,1.1,yes\nminh-an,Phường Minh An,1.1,no\n",
            "assessments.csv line 3: unit minh-an reports code 1.1 twice, on line 2 and here",
        ),
        (
            "unit,unit_name,code,value\nminh-an,Phường Minh An,1.1,yes\nminh-an,Minh An,1.2,5/6\n",
            "assessments.csv line 3: unit minh-an is named \"Phường Minh An\" on an earlier line but \"Minh An\" here",
        ),
        (
            "unit,code,value\nminh-an,3,yes\n",
            "assessments.csv line 2, column \"code\": unit minh-an reports domain 3 directly, but it has children and is scored from them",
        ),
        (
            "unit,code,value\nminh-an,3.9,yes\n",
            "assessments.csv line 2, column \"code\": unit minh-an reports code 3.9, which framework vn-hoi-an-city-illustrative does not have",
        ),
        (
            "unit,code,value,appraised\nminh-an,1.5,,1,5\n",
            "assessments.csv line 2: the row has 5 cells but the header has 4",
        ),
        (
            "unit,code,value,appraised\nminh-an,1.5,,\"1,5\"\n",
            "assessments.csv line 2, column \"appraised\": cannot read \"1,5\" as points: it has a comma; write decimals with a dot and no thousands separator",
        ),
        (
            "unit,code,value,note\nminh-an,adjustment,minus half,late report\n",
            "assessments.csv line 2, column \"value\": cannot read \"minus half\" as adjustment points: it is not a number",
        ),
        (
            "unit,code,value,appraised\nminh-an,adjustment,-0.5,1\n",
            "assessments.csv line 2: an adjustment row holds its points in value, its label in note and its reason in reason; it has no appraised",
        ),
        (
            "unit,code,value,reason\nminh-an,1.1,yes,on time\n",
            "assessments.csv line 2: reason is for adjustment rows only; a leaf's explanation goes in note",
        ),
        (
            "unit,code,value,points\nminh-an,1.1,yes,2\n",
            "assessments.csv line 1, column \"points\": a long-form table has the columns unit, unit_name, period, code, value, self_assessed, appraised, note, evidence_refs, reason",
        ),
        (
            "unit,code\nminh-an,1.1\n",
            "assessments.csv has no column \"value\"; its columns are unit, code",
        ),
        (
            // A note over two lines and blank lines before the bad row: line 6 in an editor.
            "unit,code,value,note\r\nminh-an,1.1,yes,\"một\r\nhai\"\r\n\r\n\r\nminh-an,1.2,7/0x,\r\n",
            "assessments.csv line 6, column \"value\": cannot read \"7/0x\" as evidence: the denominator \"0x\" is not a number",
        ),
        (
            "unit,code,value\nminh-an,,yes\n",
            "assessments.csv line 2: the row has no code; only a unit with no input at all has an empty code",
        ),
    ];
    for (table, message) in cases {
        assert_eq!(read_error(&framework, table), message, "{table}");
    }
}

#[test]
fn text_that_is_not_utf8_is_refused_with_its_line() {
    let framework = hoi_an();
    // "Phường" in Windows-1258 is not UTF-8.
    let mut table = b"unit,unit_name,1.1\nminh-an,Ph\xF6\xD5ng Minh An,yes\n".to_vec();
    table.extend_from_slice(b"cam-an,Cam An,no\n");
    let error = AssessmentReader::new(&framework)
        .period("2021".parse().unwrap())
        .file_name("wards.csv")
        .read(&table[..])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "wards.csv line 2: the row is not UTF-8 text; save the file as CSV UTF-8"
    );
}

#[test]
fn a_missing_period_and_a_missing_file_are_explained() {
    let framework = hoi_an();
    let error = AssessmentReader::new(&framework)
        .file_name("wards.csv")
        .read("unit,1.1\nminh-an,yes\n".as_bytes())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "wards.csv has no column \"period\"; its columns are unit, 1.1"
    );
    let error = AssessmentReader::new(&framework)
        .read_path("no/such/wards.csv")
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("cannot read no/such/wards.csv: "),
        "{error}"
    );
}

#[test]
fn a_cell_error_keeps_the_library_error_inside() {
    let framework = hoi_an();
    let error = AssessmentReader::new(&framework)
        .period("2021".parse().unwrap())
        .read("unit,code,value\nminh-an,3.9,yes\n".as_bytes())
        .unwrap_err();
    match error.into_kind() {
        ErrorKind::InCell {
            file,
            line,
            column,
            cause,
            ..
        } => {
            assert_eq!((file, line, column.as_deref()), (None, 2, Some("code")));
            assert!(matches!(cause.kind(), ErrorKind::UnknownCode { .. }));
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn scored_wards() -> (Framework, Vec<Scorecard>, Vec<Scorecard>) {
    let framework = hoi_an();
    let current = wards_in(&framework, "2021", 0);
    let previous = wards_in(&framework, "2020", 5);
    (framework, current, previous)
}

/// Four wards of one period, their evidence shifted by `shift` (Cẩm Kim reports 3.1 not
/// applicable).
fn wards_in(framework: &Framework, period: &str, shift: i64) -> Vec<Scorecard> {
    let table = |period: &str, shift: i64| {
        let mut text = String::from("unit,unit_name,1.1,1.2,3.1,3.5,8.1\n");
        for (i, (unit, name)) in [
            ("minh-an", "Phường Minh An"),
            ("cam-pho", "Phường Cẩm Phô"),
            ("cam-kim", "Xã Cẩm Kim"),
            ("tan-hiep", "Xã Tân Hiệp"),
        ]
        .iter()
        .enumerate()
        {
            let i = i as i64;
            let on_time = 90 + (i * 3 + shift) % 11;
            text.push_str(&format!(
                "{unit},{name},{},{}/100,{},{}%,~{}.{}\n",
                if i % 2 == 0 { "yes" } else { "no" },
                70 + i * 7 + shift,
                if i == 2 {
                    "n/a".to_owned()
                } else {
                    format!("{on_time}/100")
                },
                40 + i * 9,
                3 + (i + shift) % 2,
                (i * 37 + shift) % 100
            ));
        }
        let assessments = AssessmentReader::new(framework)
            .period(period.parse().unwrap())
            .read(text.as_bytes())
            .unwrap();
        assessments
            .iter()
            .map(|a| {
                framework
                    .score_with(a, &par_index::ScoringOptions::lenient())
                    .unwrap()
            })
            .collect::<Vec<_>>()
    };
    table(period, shift)
}

/// Reads a CSV text back into a header and rows of cells.
fn cells(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// The scorecards ranked with the national grades.
fn rank_national<'a>(cards: impl IntoIterator<Item = &'a Scorecard>) -> Ranking {
    Cohort::new(&hoi_an(), cards.into_iter().cloned())
        .unwrap()
        .rank_with(&RankingOptions::national())
        .unwrap()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn ranking_cells_read_back_as_the_published_values() {
    let (framework, scorecards, _) = scored_wards();
    let ranking = rank_national(&scorecards);
    let text = write(|out| write_ranking(out, &ranking, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    assert_eq!(
        &header[..5],
        ["rank", "unit", "unit_name", "index", "grade"]
    );
    assert_eq!(rows.len(), scorecards.len());
    let policy = RoundingPolicy::default();
    for scorecard in &scorecards {
        let published = scorecard.publish(&policy);
        let row = rows
            .iter()
            .find(|r| r[1] == scorecard.unit())
            .expect("every unit has a row");
        assert_eq!(row[column(&header, "unit_name")], scorecard.unit_name());
        assert_eq!(row[column(&header, "index")], published.index.to_string());
        let ranked = ranking.unit(scorecard.unit()).unwrap();
        assert_eq!(row[0], ranked.rank.unwrap().to_string());
        assert_eq!(
            row[column(&header, "grade")],
            ranked.grade.clone().unwrap_or_default()
        );
        for domain in framework.domains() {
            let code = domain.code().as_str();
            let node = published
                .nodes
                .iter()
                .find(|n| n.code.as_str() == code)
                .unwrap();
            let shown = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
            assert_eq!(
                row[column(&header, &format!("{code} points"))],
                shown(node.points)
            );
            assert_eq!(
                row[column(&header, &format!("{code} percent"))],
                shown(node.percent)
            );
        }
    }
    // Ranked best first, with Vietnamese names intact.
    let indices: Vec<Decimal> = rows.iter().map(|r| d(&r[3])).collect();
    assert!(indices.windows(2).all(|w| w[0] >= w[1]), "{indices:?}");
    assert!(text.contains(",Phường Cẩm Phô,"));
}

#[test]
fn scorecard_cells_read_back_as_the_published_points_of_every_node() {
    let (framework, scorecards, _) = scored_wards();
    let policy = RoundingPolicy::default();
    let published: Vec<_> = scorecards.iter().map(|s| s.publish(&policy)).collect();
    let cohort = Cohort::new(&framework, scorecards.clone()).unwrap();
    let text = write(|out| write_scorecards(out, &cohort, &policy, &WriteOptions::excel()));
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let (header, rows) = cells(text);
    assert_eq!(
        &header[..7],
        [
            "unit",
            "unit_name",
            "period",
            "index",
            "points",
            "max_points",
            "adjustments"
        ]
    );
    assert_eq!(header.len(), 7 + framework.len());
    for (row, card) in rows.iter().zip(&published) {
        assert_eq!(row[0], card.unit);
        assert_eq!(row[3], card.index.to_string());
        assert_eq!(row[4], card.points.to_string());
        assert_eq!(row[5], card.max_points.to_string());
        for node in &card.nodes {
            let cell = &row[column(&header, node.code.as_str())];
            match node.points {
                Some(points) => assert_eq!(cell, &points.to_string()),
                None => assert_eq!(cell, "n/a"),
            }
        }
    }
    // Cẩm Kim reported 3.1 not applicable.
    let cam_kim = rows.iter().find(|r| r[0] == "cam-kim").unwrap();
    assert_eq!(cam_kim[column(&header, "3.1")], "n/a");
}

#[test]
fn comparison_cells_mark_units_new_and_dropped() {
    let (_, current, previous) = scored_wards();
    // Cẩm Phô was not ranked the year before; Tân Hiệp is not ranked this year.
    let before = rank_national(previous.iter().filter(|card| card.unit() != "cam-pho"));
    let now = rank_national(current.iter().filter(|card| card.unit() != "tan-hiep"));
    let comparison = Comparison::new(&before, &now).unwrap();
    let text = write(|out| write_comparison(out, &comparison, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    let change = column(&header, "rank_change");
    let row = |unit: &str| rows.iter().find(|r| r[1] == unit).unwrap().clone();
    assert_eq!(row("cam-pho")[change], "new");
    assert_eq!(row("cam-pho")[column(&header, "previous_index")], "");
    assert_eq!(row("tan-hiep")[change], "dropped");
    assert_eq!(row("tan-hiep")[column(&header, "index")], "");
    assert_eq!(rows.len(), 4);
}

#[test]
fn comparison_cells_hold_rank_and_index_changes() {
    let (_, current, previous) = scored_wards();
    let now = rank_national(&current);
    let before = rank_national(&previous);
    let comparison = Comparison::new(&before, &now).unwrap();
    let text = write(|out| write_comparison(out, &comparison, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    assert_eq!(
        &header[..9],
        [
            "rank",
            "unit",
            "unit_name",
            "index",
            "grade",
            "previous_rank",
            "previous_index",
            "rank_change",
            "index_change"
        ]
    );
    for change in comparison.units() {
        let row = rows.iter().find(|r| r[1] == change.unit).unwrap();
        let (current, previous) = (
            change.current.as_ref().unwrap(),
            change.previous.as_ref().unwrap(),
        );
        assert_eq!(row[3], current.index.published().to_string());
        assert_eq!(row[6], previous.index.published().to_string());
        let places = previous.rank.unwrap().value() - current.rank.unwrap().value();
        assert_eq!(d(&row[7]), places, "{row:?}");
        assert_eq!(
            row[8],
            change
                .index_change
                .as_ref()
                .unwrap()
                .published()
                .to_string()
        );
        assert_eq!(
            row[column(&header, "3 change")],
            change
                .domain("3")
                .unwrap()
                .change
                .as_ref()
                .unwrap()
                .published()
                .to_string()
        );
    }
}

#[test]
fn frameworks_round_trip_through_csv() {
    for id in [
        "vn-hoi-an-city-illustrative",
        "vn-hai-phong-heads-2025",
        "vn-par-province-2017",
    ] {
        let framework = builtin::get(id).unwrap();
        let text = write(|out| write_framework(out, &framework, &WriteOptions::default()));
        let back = FrameworkReader::new(framework.info().clone())
            .total_points(framework.total_points())
            .combine_domains(framework.combine())
            .domains_when_not_applicable(framework.when_not_applicable())
            .read(text.as_bytes())
            .unwrap();
        assert_eq!(back, framework, "{id}");
    }
    let text = write(|out| write_framework(out, &hoi_an(), &WriteOptions::default()));
    let row = text.lines().find(|l| l.starts_with("3.1,")).unwrap();
    assert!(row.starts_with("3.1,3,criterion,"), "{row}");
    assert!(
        row.ends_with(
            ",8,appraisal,threshold_bands 100%:8 98%:6 95%:4 90%:2 zero_denominator=not_applicable,,yes,,"
        ),
        "{row}"
    );
    let domain = text.lines().find(|l| l.starts_with("3,")).unwrap();
    assert!(
        domain.ends_with(",25,appraisal,,,,sum,drop_maximum"),
        "{domain}"
    );
}

#[test]
fn the_minimal_framework_shape_reads() {
    let table = "code,parent,level,max_points\n\
                 1,,1,10\n1.1,1,2,6\n1.1.1,1.1,3,6\n1.2,1,criterion,4\n2,,domain,5\n";
    let info = FrameworkInfo {
        id: "bench".to_owned(),
        title: "Bench".to_owned(),
        ..FrameworkInfo::default()
    };
    let framework = FrameworkReader::new(info).read(table.as_bytes()).unwrap();
    assert_eq!(framework.total_points(), d("15"));
    let leaves: Vec<&str> = framework.leaves().map(|n| n.code().as_str()).collect();
    assert_eq!(leaves, ["1.1.1", "1.2", "2"]);
}

#[test]
fn framework_errors_name_the_line() {
    let info = FrameworkInfo {
        id: "bench".to_owned(),
        title: "Bench".to_owned(),
        ..FrameworkInfo::default()
    };
    let read = |table: &str| {
        FrameworkReader::new(info.clone())
            .file_name("annex.csv")
            .read(table.as_bytes())
            .unwrap_err()
            .to_string()
    };
    let cases = [
        (
            "code,parent,max_points\n1,,10\n1.1,1,6\n1.2,1,3\n",
            "annex.csv line 2: the children of domain 1 add up to 9 points but its maximum is 10",
        ),
        (
            "code,parent,level,max_points\n1,,1,10\n1.1,1,1,10\n",
            "annex.csv line 3, column \"level\": cannot read \"1\" as the node's level: node 1.1 is a criterion at depth 2 under its parent",
        ),
        (
            "code,parent,max_points,rule\n1,,10,\n1.1,1,10,bands 100:10\n",
            "annex.csv line 3, column \"rule\": cannot read rule \"bands 100:10\": unknown kind \"bands\"; the kinds are direct, yes_no, proportional, threshold_bands, linear, deduction, survey_mean and count_bands",
        ),
        (
            "code,parent,max_points,rule\n1,,10,\n1.1,1,10,threshold_bands 95%:5 100%:10\n",
            "annex.csv line 3: the threshold_bands rule of criterion 1.1 is invalid: band thresholds must strictly decrease, highest first",
        ),
        (
            "code,parent,max_points\n1,,10\n1,,5\n",
            "annex.csv line 3: node code 1 is declared twice, on line 2 and here",
        ),
        (
            "code,parent,max_points\n1,,ten\n",
            "annex.csv line 2, column \"max_points\": cannot read \"ten\" as maximum points: it is not a number",
        ),
        (
            "code,parent,max_points\n1,,10\n1.1,9,10\n",
            "annex.csv line 3: node 1.1 names parent 9, which is not declared",
        ),
        (
            "code,parent,max_points,method\n1,,10,audit\n",
            "annex.csv line 2, column \"method\": cannot read \"audit\" as a method: the methods are appraisal, leader_survey, citizen_survey, survey and statistics",
        ),
        (
            "code,parent,max,name\n1,,10,Một\n",
            "annex.csv line 1, column \"max\": a framework table has the columns code, parent, level, name_vi, name_en, max_points, method, rule, weight, optional, combine, when_not_applicable",
        ),
    ];
    for (table, message) in cases {
        assert_eq!(read(table), message, "{table}");
    }
}

#[test]
fn accountability_cells_read_back_as_the_report_values() {
    use par_index::{
        accountability::{Accountability, Assignments},
        csv::write_accountability,
    };

    let (framework, current, previous) = scored_wards();
    let accountability = Accountability::new(&framework, Assignments::city_template()).unwrap();
    let cohort = |cards: &[Scorecard]| Cohort::new(&framework, cards.to_vec()).unwrap();
    let before = accountability.cohort_report(&cohort(&previous)).unwrap();
    let report = accountability
        .cohort_report(&cohort(&current))
        .unwrap()
        .with_previous(&before)
        .unwrap();
    let text = write(|out| write_accountability(out, &report, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    assert_eq!(
        header,
        [
            "rank",
            "agency",
            "agency_name",
            "head",
            "answers_for",
            "coordinates",
            "owned",
            "achieved",
            "lost",
            "percent",
            "verdict",
            "previous_rank",
            "previous_percent",
            "lost_change",
            "percent_change",
            "worst_leaves"
        ]
    );
    assert_eq!(rows.len(), report.heads.len());
    let r = |x: &par_index::Exact| report.rounding.publish(x).to_string();
    for (row, head) in rows.iter().zip(&report.heads) {
        assert_eq!(row[1], head.agency.code);
        assert_eq!(row[2], head.agency.name_vi);
        assert_eq!(row[3], head.agency.head_label());
        assert_eq!(row[6], r(&head.owned));
        assert_eq!(row[7], r(&head.achieved));
        assert_eq!(row[8], r(&head.lost));
        assert_eq!(row[9], head.percent.as_ref().map(r).unwrap_or_default());
        assert_eq!(row[10], head.verdict.to_string());
        let change = head.change.as_ref().unwrap();
        assert_eq!(row[13], r(&change.lost_change));
        assert_eq!(row[15].lines().count(), head.worst_leaves.len());
    }
    // The heads' exact lost points add up to the units' lost points.
    let lost: par_index::Exact = report.heads.iter().map(|h| &h.lost).sum();
    let units: par_index::Exact = current.iter().map(Scorecard::lost_points).sum();
    assert_eq!(lost, units);
    let home = rows.iter().find(|r| r[1] == "PNV").unwrap();
    assert_eq!(home[4], "1, 4, 5, 8");
    let office = rows.iter().find(|r| r[1] == "VP").unwrap();
    assert_eq!(
        (office[2].as_str(), office[4].as_str(), office[5].as_str()),
        ("Văn phòng HĐND và UBND thành phố", "3", "")
    );
}

// ---------------------------------------------------------------------------------------
// Round trips that keep every value, identifiers, and cells a spreadsheet would run.

/// A small framework: 1.1 yes/no, 1.2 proportional (4 points), 1.3 direct (3 points).
fn small() -> Framework {
    Framework::builder("small", "Small")
        .domain("1", "Một", d("8"))
        .child("1", "1.1", "Một một", d("1"))
        .rule(par_index::Rule::yes_no())
        .child("1", "1.2", "Một hai", d("4"))
        .rule(par_index::Rule::proportional())
        .child("1", "1.3", "Một ba", d("3"))
        .build()
        .unwrap()
}

fn small_error(table: &str) -> String {
    AssessmentReader::new(&small())
        .period("2021".parse().unwrap())
        .file_name("wards.csv")
        .read(table.as_bytes())
        .unwrap_err()
        .to_string()
}

fn round_trip(framework: &Framework, assessments: &[Assessment]) -> Vec<Assessment> {
    let text = write(|out| write_assessments(out, assessments, &WriteOptions::default()));
    AssessmentReader::new(framework)
        .read(text.as_bytes())
        .unwrap()
}

#[test]
fn a_leaf_coded_adjustment_period_or_unit_is_refused_when_the_framework_is_built() {
    for code in ["adjustment", "period", "unit", "Period", "ADJUSTMENT"] {
        let error = Framework::builder("f", "F")
            .domain("1", "Một", d("2"))
            .child("1", code, "x", d("2"))
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "node code {code} is reserved: assessment tables use unit, period and adjustment (in any case) for themselves"
            )
        );
    }
    // Codes that merely contain the words are fine.
    let framework = Framework::builder("f", "F")
        .domain("1", "Một", d("2"))
        .child("1", "period2", "x", d("2"))
        .build()
        .unwrap();
    let mut a = Assessment::new("f", "u", "2021".parse().unwrap());
    a.push(Entry::new("period2".parse().unwrap()).with_appraised(d("1")));
    assert_eq!(round_trip(&framework, &[a.clone()]), [a]);
}

#[test]
fn a_padded_unit_id_is_refused_not_trimmed() {
    assert_eq!(
        small_error("unit,1.1\n minh-an,yes\n"),
        "wards.csv line 2, column \"unit\": invalid unit id \" minh-an\": it begins or ends with a space"
    );
    let mut padded = Assessment::new("small", "minh-an ", "2021".parse().unwrap());
    padded.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)));
    let error = write_assessments(Vec::new(), &[padded], &WriteOptions::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid unit id \"minh-an \": it begins or ends with a space"
    );
}

#[test]
fn evidence_references_round_trip_padded_and_blank_or_broken_ones_are_refused() {
    let framework = small();
    let mut a = Assessment::new("small", "minh-an", "2021".parse().unwrap());
    a.push(
        Entry::new("1.1".parse().unwrap())
            .with_evidence(Evidence::Flag(true))
            .with_evidence_ref("  Báo cáo số 45/BC-UBND ")
            .with_evidence_ref("https://hoian.gov.vn/vb/1,2"),
    );
    let back = round_trip(&framework, &[a.clone()]);
    assert_eq!(
        back[0].entries()[0].evidence_refs,
        ["  Báo cáo số 45/BC-UBND ", "https://hoian.gov.vn/vb/1,2"]
    );
    assert_eq!(back, [a]);
    for (reference, reason) in [
        ("", "is empty"),
        ("  ", "is empty"),
        (
            "QĐ 12\nQĐ 13",
            "holds a line break, and a cell holds one reference per line",
        ),
    ] {
        let mut a = Assessment::new("small", "minh-an", "2021".parse().unwrap());
        a.push(Entry::new("1.3".parse().unwrap()).with_evidence_ref(reference));
        let error = write_assessments(Vec::new(), &[a], &WriteOptions::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "unit minh-an cites for 1.3 the evidence reference {reference:?}, which {reason}"
            )
        );
    }
}

#[test]
fn two_assessments_of_one_unit_and_period_are_an_error_naming_both_lines() {
    assert_eq!(
        small_error(
            "unit,period,code,value\nminh-an,2021,1.1,yes\nminh-an,2021,1.2,5/6\ncam-an,2021,1.1,no\nminh-an,2021,1.3,\n"
        ),
        "wards.csv line 5: unit minh-an for period 2021 is already assessed on lines 2 to 3; the rows of one assessment come one after another"
    );
    assert_eq!(
        small_error("unit,1.1\nminh-an,yes\ncam-an,no\nminh-an,no\n"),
        "wards.csv line 4: unit minh-an for period 2021 is already on line 2"
    );
    // Writing two assessments of one unit and period is refused: they would read back as one.
    let framework = small();
    let a = Assessment::new("small", "minh-an", "2021".parse().unwrap());
    let error = write_assessments(
        Vec::new(),
        &[a.clone(), a.clone()],
        &WriteOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "unit minh-an is assessed twice for period 2021"
    );
    // Another period of the same unit is another assessment.
    let mut b = a.clone();
    b.period = "2022".parse().unwrap();
    assert_eq!(round_trip(&framework, &[a.clone(), b.clone()]), [a, b]);
}

#[test]
fn unit_ids_in_nfc_and_nfd_are_one_unit() {
    let nfc = "Phường Cẩm Phô";
    let nfd = "Phu\u{31b}o\u{31b}\u{300}ng Ca\u{302}\u{309}m Pho\u{302}";
    assert_ne!(nfc, nfd);
    let table = format!("unit,code,value\n{nfc},1.1,yes\n{nfd},1.2,5/6\n");
    let read = AssessmentReader::new(&small())
        .period("2021".parse().unwrap())
        .read(table.as_bytes())
        .unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].unit, nfc);
    assert_eq!(read[0].entries().len(), 2);
    assert_eq!(
        Assessment::new("small", nfd, "2021".parse().unwrap()).unit,
        nfc
    );
}

#[test]
fn invisible_characters_in_a_unit_id_are_refused_with_the_place() {
    assert_eq!(
        small_error("unit,1.1\nminh-an,yes\nminh\u{200b}-an,no\n"),
        "wards.csv line 3, column \"unit\": invalid unit id \"minh\\u{200b}-an\": it holds U+200B, a control, zero-width or bidirectional formatting character, which cannot be seen"
    );
    assert_eq!(
        small_error("unit,1.1\n\u{2060},yes\n"),
        "wards.csv line 2, column \"unit\": invalid unit id \"\\u{2060}\": it holds U+2060, a control, zero-width or bidirectional formatting character, which cannot be seen"
    );
    assert_eq!(
        small_error("unit,1.1\nabc\u{202e}gpj.exe,yes\n"),
        "wards.csv line 2, column \"unit\": invalid unit id \"abc\\u{202e}gpj.exe\": it holds U+202E, a control, zero-width or bidirectional formatting character, which cannot be seen"
    );
    // However the assessment was made, scoring refuses it too.
    let mut a = Assessment::new("small", "ok", "2021".parse().unwrap());
    a.unit = "ward\u{7}".to_owned();
    assert_eq!(
        small().score(&a).unwrap_err().to_string(),
        "invalid unit id \"ward\\u{7}\": it holds U+0007, a control, zero-width or bidirectional formatting character, which cannot be seen"
    );
}

#[test]
fn cells_a_spreadsheet_would_run_are_escaped_and_read_back_equal() {
    let framework = small();
    let mut a = Assessment::new("small", "=cmd|'/C calc'!A0", "2021".parse().unwrap());
    a.unit_name = "=HYPERLINK(\"http://example.com\",\"Click\")".to_owned();
    a.push(
        Entry::new("1.3".parse().unwrap())
            .with_appraised(d("1.5"))
            .with_note("+1 điểm, \"thưởng\"")
            .with_evidence_ref("@SUM(A1)"),
    );
    a.adjust(Adjustment {
        label: "-bonus".to_owned(),
        points: d("-1.62"),
        reason: "\t'=1+1".to_owned(),
    });
    let text = write(|out| write_assessments(out, &[a.clone()], &WriteOptions::default()));
    assert_eq!(
        text,
        "unit,unit_name,period,code,value,self_assessed,appraised,note,evidence_refs,reason\n\
         '=cmd|'/C calc'!A0,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Click\"\")\",2021,1.3,,,1.5,\"'+1 điểm, \"\"thưởng\"\"\",'@SUM(A1),\n\
         '=cmd|'/C calc'!A0,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"Click\"\")\",2021,adjustment,-1.62,,,'-bonus,,'\t'=1+1\n"
    );
    assert_eq!(round_trip(&framework, &[a.clone()]), [a.clone()]);
    // The opt-out writes text as it is.
    let mut options = WriteOptions::default();
    options.escape_formulas = false;
    let raw = write(|out| write_assessments(out, &[a], &options));
    assert!(raw.contains("\n=cmd|'/C calc'!A0,\"=HYPERLINK("), "{raw}");
}

#[test]
fn a_ranking_with_a_formula_for_a_name_opens_as_text() {
    let framework = small();
    let mut cards = Vec::new();
    for (unit, name, points) in [("u1", "=1+1", "3"), ("u2", "Phường Minh An", "1")] {
        let mut a = Assessment::new("small", unit, "2021".parse().unwrap());
        a.unit_name = name.to_owned();
        a.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)))
            .push(Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::rate(1, 2)))
            .push(Entry::new("1.3".parse().unwrap()).with_appraised(d(points)));
        cards.push(framework.score(&a).unwrap());
    }
    let ranking = Cohort::new(&framework, cards).unwrap().rank().unwrap();
    let text = write(|out| write_ranking(out, &ranking, &WriteOptions::default()));
    assert_eq!(
        text,
        "rank,unit,unit_name,index,1 points,1 percent,1 rank\n\
         1,u1,'=1+1,75.00,6.00,75.00,1\n\
         2,u2,Phường Minh An,50.00,4.00,50.00,2\n"
    );
}

#[test]
fn the_reader_checks_values_against_the_framework_with_line_and_column() {
    let cases = [
        (
            "unit,code,value,appraised\nminh-an,1.3,,3.5\n",
            "wards.csv line 2, column \"appraised\": criterion 1.3 is given 3.5 appraised points but its maximum is 3",
        ),
        (
            "unit,code,value,self_assessed\nminh-an,1.3,,4\n",
            "wards.csv line 2, column \"self_assessed\": criterion 1.3 is given 4 self-assessed points but its maximum is 3",
        ),
        (
            "unit,1.1,1.2\nminh-an,yes,9800/9500\n",
            "wards.csv line 2, column \"1.2\": criterion 1.2 is given the rate 9800/9500: the numerator may not exceed the denominator",
        ),
        (
            "unit,code,value\nminh-an,1.1,5/6\n",
            "wards.csv line 2, column \"value\": criterion 1.1 is scored by a yes_no rule, which cannot use rate evidence",
        ),
    ];
    for (table, message) in cases {
        assert_eq!(small_error(table), message, "{table}");
    }
}

#[test]
fn a_semicolon_separated_file_gets_a_hint_and_reads_with_the_delimiter() {
    let table = "unit;unit_name;1.1;1.2\nminh-an;Phường Minh An;yes;690/702\n";
    assert_eq!(
        small_error(table),
        "wards.csv line 1, column \"unit;unit_name;1.1;1.2\": the header is one column that holds ';'; if the file separates its cells with ';', save it with commas or read it with --delimiter ';'"
    );
    let read = AssessmentReader::new(&small())
        .period("2021".parse().unwrap())
        .delimiter(b';')
        .read(table.as_bytes())
        .unwrap();
    assert_eq!(read[0].unit_name, "Phường Minh An");
    assert_eq!(
        read[0].entries()[1].evidence,
        Some(Evidence::rate(690, 702))
    );
}

#[test]
fn cr_only_line_ends_give_the_right_line() {
    assert_eq!(
        small_error("unit,1.1,1.2\rminh-an,yes,1/2\r\rcam-an,no,1/2x\r"),
        "wards.csv line 4, column \"1.2\": cannot read \"1/2x\" as evidence: the denominator \"2x\" is not a number"
    );
    // Mixed line ends and a quoted line break count alike.
    assert_eq!(
        small_error(
            "unit,code,value,note\r\nminh-an,1.1,yes,\"a\rb\"\ncam-an,1.1,yes,\rcam-an,1.2,oops,\n"
        ),
        "wards.csv line 5, column \"value\": cannot read \"oops\" as evidence: write a rate (7723/8037), a percent (96.09%), yes or no, a count (#3), a survey mean (~4.12), points (1.5) or n/a"
    );
}

#[test]
fn a_framework_csv_names_a_self_parent_and_a_long_cycle() {
    let info = FrameworkInfo {
        id: "f".to_owned(),
        title: "F".to_owned(),
        ..FrameworkInfo::default()
    };
    let read = |table: &str| {
        FrameworkReader::new(info.clone())
            .file_name("annex.csv")
            .read(table.as_bytes())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        read("code,parent,max_points\n1,1,10\n"),
        "annex.csv line 2, column \"parent\": node 1 is its own ancestor: its parents form a cycle"
    );
    // Nine nodes each the parent of the next, the last the parent of the first.
    let mut table = "code,parent,max_points\n".to_owned();
    for i in 1..=9 {
        let parent = if i == 1 { 9 } else { i - 1 };
        table.push_str(&format!("n{i},n{parent},10\n"));
    }
    assert_eq!(
        read(&table),
        "annex.csv line 2: node n1 is its own ancestor: its parents form a cycle"
    );
}

// ---------------------------------------------------------------------------------------
// The smaller contracts.

#[test]
fn a_refused_points_table_row_changes_nothing_not_even_the_scale() {
    use par_index::bulk::PointsTable;
    let framework = small();
    let mut table = PointsTable::new(&framework, "2021".parse().unwrap()).unwrap();
    table
        .push("minh-an", [d("1"), d("3.5"), d("2.25")])
        .unwrap();
    let scale = table.scale();
    let points = |table: &PointsTable| -> Vec<Option<Decimal>> {
        ["1.1", "1.2", "1.3"]
            .iter()
            .map(|c| table.points(0, c))
            .collect()
    };
    let before = points(&table);
    // 0.125 needs a third decimal place; 3.5 is above 1.3's maximum of 3: refused.
    let error = table
        .push("cam-an", [d("0.125"), d("2"), d("3.5")])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "unit cam-an is given 3.5 points for criterion 1.3 but its maximum is 3"
    );
    assert_eq!(table.scale(), scale);
    assert_eq!(table.len(), 1);
    assert_eq!(points(&table), before);
    // An accepted row that needs the place raises the scale as documented.
    table.push("cam-an", [d("0.125"), d("2"), d("3")]).unwrap();
    assert_eq!(table.scale(), 3);
}

#[test]
fn a_name_with_a_line_break_or_an_escape_cannot_forge_a_table_row() {
    let framework = small();
    let mut cards = Vec::new();
    for (unit, name, points) in [
        ("u1", "Xã A\n   1  Phường Giả\u{1b}[31m", "3"),
        ("u2", "Phường Minh An", "1"),
    ] {
        let mut a = Assessment::new("small", unit, "2021".parse().unwrap());
        a.unit_name = name.to_owned();
        a.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)))
            .push(Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::rate(1, 2)))
            .push(Entry::new("1.3".parse().unwrap()).with_appraised(d(points)));
        cards.push(framework.score(&a).unwrap());
    }
    let ranking = Cohort::new(&framework, cards).unwrap().rank().unwrap();
    assert_eq!(
        ranking.to_string(),
        "Rank  Unit                              Index\n\
         \x20  1  Xã A\\n   1  Phường Giả\\u{1b}[31m  75.00\n\
         \x20  2  Phường Minh An                    50.00\n"
    );
}

#[test]
fn an_agency_code_with_an_invisible_character_is_refused() {
    use par_index::accountability::{Accountability, Agency, AgencyKind, Assignments, Head};
    let mut plan = Assignments::new("Plan");
    plan.agency(Agency::new(
        "NV\u{200b}",
        "Phòng Nội vụ",
        AgencyKind::Office,
        Head::new("Trưởng phòng"),
    ));
    let error = Accountability::new(&small(), plan).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid agency code \"NV\\u{200b}\": it holds U+200B, a control, zero-width or bidirectional formatting character, which cannot be seen"
    );
}

// ---------------------------------------------------------------------------------------
// Headings for people, in Vietnamese and English, and trends.

fn vietnamese() -> WriteOptions {
    WriteOptions::default().with_headers(Headers::Human(Language::Vietnamese))
}

fn english() -> WriteOptions {
    WriteOptions::default().with_headers(Headers::Human(Language::English))
}

#[test]
fn a_ranking_for_people_has_the_official_headings_and_the_same_cells() {
    let (_, scorecards, _) = scored_wards();
    let ranking = rank_national(&scorecards);
    let machine = cells(&write(|out| {
        write_ranking(out, &ranking, &WriteOptions::default())
    }));
    let (header, rows) = cells(&write(|out| write_ranking(out, &ranking, &vietnamese())));
    let mut expected = vec![
        "Xếp hạng".to_owned(),
        "Mã đơn vị".to_owned(),
        "Đơn vị".to_owned(),
        "Chỉ số CCHC".to_owned(),
        "Xếp loại".to_owned(),
    ];
    for domain in 1..=8 {
        expected.push(format!("Lĩnh vực {domain}: điểm đạt"));
        expected.push(format!("Lĩnh vực {domain}: tỷ lệ (%)"));
        expected.push(format!("Lĩnh vực {domain}: xếp hạng"));
    }
    assert_eq!(header, expected);
    // Only the header changes: the figures stay machine numbers.
    assert_eq!(rows, machine.1);
    assert_eq!(
        machine.0[..6],
        ["rank", "unit", "unit_name", "index", "grade", "1 points"]
    );

    let (header, rows) = cells(&write(|out| write_ranking(out, &ranking, &english())));
    assert_eq!(
        header[..8],
        [
            "Rank",
            "Unit id",
            "Unit",
            "Index",
            "Grade",
            "Domain 1: achieved",
            "Domain 1: percent",
            "Domain 1: rank"
        ]
    );
    assert_eq!(rows, machine.1);
}

#[test]
fn a_comparison_for_people_says_new_and_dropped_in_its_language() {
    let (_, current, previous) = scored_wards();
    let before = rank_national(previous.iter().filter(|card| card.unit() != "cam-pho"));
    let now = rank_national(current.iter().filter(|card| card.unit() != "tan-hiep"));
    let comparison = Comparison::new(&before, &now).unwrap();
    let text = write(|out| write_comparison(out, &comparison, &vietnamese()));
    let (header, rows) = cells(&text);
    let mut expected: Vec<String> = [
        "Xếp hạng",
        "Mã đơn vị",
        "Đơn vị",
        "Chỉ số CCHC",
        "Xếp loại",
        "Xếp hạng kỳ trước",
        "Chỉ số CCHC kỳ trước",
        "Thay đổi xếp hạng",
        "Thay đổi chỉ số",
    ]
    .map(str::to_owned)
    .to_vec();
    expected.extend((1..=8).map(|d| format!("Lĩnh vực {d}: thay đổi tỷ lệ")));
    assert_eq!(header, expected);
    let row = |unit: &str| rows.iter().find(|r| r[1] == unit).unwrap().clone();
    assert_eq!(row("cam-pho")[7], "mới");
    assert_eq!(row("tan-hiep")[7], "không còn");
    // A number of places is a number in every language.
    let machine = cells(&write(|out| {
        write_comparison(out, &comparison, &WriteOptions::default())
    }));
    let minh_an = machine.1.iter().find(|r| r[1] == "minh-an").unwrap();
    assert_eq!(&row("minh-an"), minh_an);
    let english = cells(&write(|out| write_comparison(out, &comparison, &english())));
    assert_eq!(
        english.0[5..9],
        [
            "Previous rank",
            "Previous index",
            "Rank change",
            "Index change"
        ]
    );
    assert_eq!(english.0[9], "Domain 1: percent change");
}

#[test]
fn scorecards_for_people_name_each_node_by_its_level() {
    let (framework, scorecards, _) = scored_wards();
    let policy = RoundingPolicy::default();
    let cohort = Cohort::new(&framework, scorecards).unwrap();
    let text = write(|out| write_scorecards(out, &cohort, &policy, &vietnamese()));
    let (header, rows) = cells(&text);
    assert_eq!(
        header[..7],
        [
            "Mã đơn vị",
            "Đơn vị",
            "Kỳ đánh giá",
            "Chỉ số CCHC",
            "Điểm đạt",
            "Điểm tối đa",
            "Điểm thưởng, điểm trừ"
        ]
    );
    assert_eq!(
        header[7..14],
        [
            "Lĩnh vực 1",
            "Tiêu chí 1.1",
            "Tiêu chí 1.2",
            "Tiêu chí 1.3",
            "Tiêu chí 1.4",
            "Tiêu chí 1.5",
            "Lĩnh vực 2"
        ]
    );
    assert_eq!(header.len(), 7 + framework.len());
    // Cẩm Kim reported 3.1 not applicable: said so in Vietnamese.
    let cam_kim = rows.iter().find(|r| r[0] == "cam-kim").unwrap();
    assert_eq!(cam_kim[column(&header, "Tiêu chí 3.1")], "không áp dụng");
    let published = cohort.scorecard("cam-kim").unwrap().publish(&policy);
    let domain = published
        .nodes
        .iter()
        .find(|n| n.code.as_str() == "3")
        .unwrap();
    assert_eq!(
        cam_kim[column(&header, "Lĩnh vực 3")],
        domain.points.unwrap().to_string()
    );
}

#[test]
fn an_accountability_report_for_people_speaks_vietnamese_in_its_cells() {
    use par_index::{
        accountability::{Accountability, Assignments},
        csv::write_accountability,
    };

    let (framework, current, previous) = scored_wards();
    let accountability = Accountability::new(&framework, Assignments::city_template()).unwrap();
    let cohort = |cards: &[Scorecard]| Cohort::new(&framework, cards.to_vec()).unwrap();
    let before = accountability.cohort_report(&cohort(&previous)).unwrap();
    let report = accountability
        .cohort_report(&cohort(&current))
        .unwrap()
        .with_previous(&before)
        .unwrap();
    let text = write(|out| write_accountability(out, &report, &vietnamese()));
    let (header, rows) = cells(&text);
    assert_eq!(
        header,
        [
            "Xếp hạng",
            "Mã cơ quan",
            "Cơ quan",
            "Người đứng đầu",
            "Chủ trì",
            "Phối hợp",
            "Điểm tối đa",
            "Điểm đạt",
            "Điểm bị mất",
            "Tỷ lệ (%)",
            "Đánh giá",
            "Xếp hạng kỳ trước",
            "Tỷ lệ kỳ trước (%)",
            "Thay đổi điểm bị mất",
            "Thay đổi tỷ lệ",
            "Nội dung bị mất điểm nhiều nhất"
        ]
    );
    let machine = cells(&write(|out| {
        write_accountability(out, &report, &WriteOptions::default())
    }));
    let r = |x: &par_index::Exact| Language::Vietnamese.number(report.rounding.publish(x));
    for ((row, machine_row), head) in rows.iter().zip(&machine.1).zip(&report.heads) {
        assert_eq!(row[10], head.verdict.text(Language::Vietnamese));
        assert!(
            [
                "bằng hoặc cao hơn mức chung",
                "thấp hơn mức chung",
                "không được giao"
            ]
            .contains(&row[10].as_str()),
            "{row:?}"
        );
        // Figures as in the machine file.
        assert_eq!(row[..10], machine_row[..10]);
        assert_eq!(row[11..15], machine_row[11..15]);
        // The largest losses as sentences, in the Vietnamese notation.
        let lines: Vec<&str> = row[15].lines().collect();
        assert_eq!(lines.len(), head.worst_leaves.len());
        for (line, leaf) in lines.iter().zip(&head.worst_leaves) {
            assert_eq!(
                *line,
                format!(
                    "{} {} mất {} điểm (đạt {}/{})",
                    leaf.unit,
                    leaf.code,
                    r(&leaf.lost),
                    r(&leaf.points),
                    r(&leaf.max_points)
                )
            );
        }
    }
    let office = rows.iter().find(|r| r[1] == "VP").unwrap();
    assert!(
        office[15].starts_with("minh-an 3.1 mất 6,00 điểm (đạt 2,00/8,00)\n"),
        "{office:?}"
    );
}

#[test]
fn assessment_and_framework_tables_for_people_are_not_read_back() {
    let framework = hoi_an();
    let assessments = varied_assessments(&framework);
    let text = write(|out| write_assessments(out, &assessments, &vietnamese()));
    assert_eq!(
        text.lines().next(),
        Some(
            "Mã đơn vị,Đơn vị,Kỳ đánh giá,Mã,Số liệu,Điểm tự đánh giá,Điểm thẩm định,Ghi chú,Tài liệu kiểm chứng,Lý do"
        )
    );
    // The cells are the table's own syntax, as in a machine file.
    let machine = write(|out| write_assessments(out, &assessments, &WriteOptions::default()));
    assert_eq!(
        text.split_once('\n').unwrap().1,
        machine.split_once('\n').unwrap().1
    );
    let refused = AssessmentReader::new(&framework)
        .read(text.as_bytes())
        .unwrap_err();
    assert!(
        matches!(refused.kind(), ErrorKind::MissingColumn { column, .. } if column == "unit"),
        "{refused}"
    );

    let table = write(|out| write_framework(out, &framework, &vietnamese()));
    assert_eq!(
        table.lines().next(),
        Some(
            "Mã,Mã cấp trên,Cấp,Tên tiếng Việt,Tên tiếng Anh,Điểm tối đa,Phương pháp đánh giá,Cách chấm điểm,Trọng số,Có thể không áp dụng,Cách tổng hợp,Khi không áp dụng"
        )
    );
    let english = write(|out| write_framework(out, &framework, &english()));
    assert_eq!(
        english.lines().next(),
        Some(
            "Code,Parent,Level,Vietnamese name,English name,Maximum,Method,Scoring rule,Weight,Optional,Combine,When not applicable"
        )
    );
    let info = FrameworkInfo {
        id: framework.id().to_owned(),
        title: "Hội An".to_owned(),
        ..FrameworkInfo::default()
    };
    let refused = FrameworkReader::new(info)
        .read(table.as_bytes())
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the table line 1, column \"Mã\": a framework table has the columns code, parent, level, name_vi, name_en, max_points, method, rule, weight, optional, combine, when_not_applicable"
    );
}

#[test]
fn headings_for_people_still_escape_what_a_spreadsheet_would_run() {
    let framework = small();
    let mut a = Assessment::new("small", "u1", "2021".parse().unwrap());
    a.unit_name = "=1+1".to_owned();
    a.push(Entry::new("1.1".parse().unwrap()).with_evidence(Evidence::Flag(true)))
        .push(Entry::new("1.2".parse().unwrap()).with_evidence(Evidence::rate(1, 2)))
        .push(Entry::new("1.3".parse().unwrap()).with_appraised(d("3")));
    let ranking = Cohort::new(&framework, [framework.score(&a).unwrap()])
        .unwrap()
        .rank()
        .unwrap();
    assert_eq!(
        write(|out| write_ranking(out, &ranking, &vietnamese())),
        "Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số CCHC,Lĩnh vực 1: điểm đạt,Lĩnh vực 1: tỷ lệ (%),Lĩnh vực 1: xếp hạng\n\
         1,u1,'=1+1,75.00,6.00,75.00,1\n"
    );
}

/// Three periods of the wards, Cẩm Phô missing in 2020, with the heads' reports; graded
/// on a scale that fits their few leaves.
fn three_periods() -> (Trend, Vec<Ranking>) {
    use par_index::accountability::{Accountability, Assignments};
    use par_index::{GradeBand, GradeScale};

    let framework = hoi_an();
    let scale = GradeScale::new(
        "thử",
        [
            GradeBand::new("Khá", d("15")),
            GradeBand::new("Trung bình", d("12")),
            GradeBand::new("Yếu", Decimal::ZERO),
        ],
    )
    .unwrap();
    let options = RankingOptions::default().with_grades(scale);
    let accountability = Accountability::new(&framework, Assignments::city_template()).unwrap();
    let mut rankings = Vec::new();
    let mut reports = Vec::new();
    for (period, shift) in [("2019", 9), ("2020", 5), ("2021", 0)] {
        let cards: Vec<Scorecard> = wards_in(&framework, period, shift)
            .into_iter()
            .filter(|card| period != "2020" || card.unit() != "cam-pho")
            .collect();
        let cohort = Cohort::new(&framework, cards).unwrap();
        reports.push(accountability.cohort_report(&cohort).unwrap());
        rankings.push(cohort.rank_with(&options).unwrap());
    }
    let trend = Trend::new(&rankings.iter().collect::<Vec<_>>())
        .unwrap()
        .with_heads(&reports.iter().collect::<Vec<_>>())
        .unwrap();
    (trend, rankings)
}

#[test]
fn a_trend_is_one_row_per_unit_and_period_with_the_published_figures() {
    let (trend, rankings) = three_periods();
    let text = write(|out| write_trend(out, &trend, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    let mut expected: Vec<String> = [
        "unit",
        "unit_name",
        "period",
        "framework",
        "rank",
        "index",
        "grade",
    ]
    .map(str::to_owned)
    .to_vec();
    expected.extend((1..=8).map(|d| format!("{d} percent")));
    assert_eq!(header, expected);
    // Four wards in three periods, but Cẩm Phô not in 2020.
    assert_eq!(rows.len(), 11);
    assert!(!rows.iter().any(|r| r[0] == "cam-pho" && r[2] == "2020"));
    // Each row is what that period's ranking published.
    for row in &rows {
        let ranking = rankings
            .iter()
            .find(|r| r.period().unwrap().as_str() == row[2])
            .unwrap();
        let ranked = ranking.unit(&row[0]).unwrap();
        assert_eq!(row[1], ranked.unit_name);
        assert_eq!(row[3], "vn-hoi-an-city-illustrative");
        assert_eq!(row[4], ranked.rank.unwrap().to_string());
        assert_eq!(row[5], ranked.index.published().to_string());
        assert_eq!(row[6], ranked.grade.clone().unwrap_or_default());
        for code in 1..=8 {
            let percent = ranked
                .domain(code.to_string())
                .unwrap()
                .percent
                .as_ref()
                .map(|p| p.published().to_string())
                .unwrap_or_default();
            assert_eq!(row[column(&header, &format!("{code} percent"))], percent);
        }
    }
    // A unit's rows come together, oldest period first.
    let minh_an: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "minh-an")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(minh_an, ["2019", "2020", "2021"]);
    let grades: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "minh-an")
        .map(|r| r[6].as_str())
        .collect();
    assert_eq!(grades, ["Khá", "Trung bình", "Yếu"]);
    let order: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let mut grouped = order.clone();
    grouped.dedup();
    assert_eq!(grouped.len(), 4, "{order:?}");

    let people = cells(&write(|out| write_trend(out, &trend, &vietnamese())));
    let mut expected: Vec<String> = [
        "Mã đơn vị",
        "Đơn vị",
        "Kỳ đánh giá",
        "Bộ chỉ số",
        "Xếp hạng",
        "Chỉ số CCHC",
        "Xếp loại",
    ]
    .map(str::to_owned)
    .to_vec();
    expected.extend((1..=8).map(|d| format!("Lĩnh vực {d}: tỷ lệ (%)")));
    assert_eq!(people.0, expected);
    assert_eq!(people.1, rows);
}

#[test]
fn a_trend_lists_each_heads_percentage_over_the_periods() {
    let (trend, _) = three_periods();
    let text = write(|out| write_trend_heads(out, &trend, &WriteOptions::default()));
    let (header, rows) = cells(&text);
    assert_eq!(
        header,
        ["agency", "head", "period", "rank", "percent", "lost"]
    );
    let periods = ["2019", "2020", "2021"];
    assert_eq!(rows.len(), trend.heads().len() * 3);
    let publish = |x: &par_index::Exact| trend.rounding().publish(x).to_string();
    for (head, chunk) in trend.heads().iter().zip(rows.chunks(3)) {
        for (i, row) in chunk.iter().enumerate() {
            assert_eq!(row[0], head.agency);
            assert_eq!(row[1], head.head);
            assert_eq!(row[2], periods[i]);
            assert_eq!(
                row[3],
                head.rank[i].map(|r| r.to_string()).unwrap_or_default()
            );
            assert_eq!(
                row[4],
                head.percent[i].as_ref().map(publish).unwrap_or_default()
            );
            assert_eq!(row[5], publish(head.lost[i].as_ref().unwrap()));
        }
    }
    let home = rows
        .iter()
        .filter(|r| r[0] == "PNV")
        .map(|r| r[4].clone())
        .collect::<Vec<_>>();
    assert_eq!(home.len(), 3);
    assert!(home.iter().all(|p| !p.is_empty()), "{home:?}");

    let people = write(|out| write_trend_heads(out, &trend, &vietnamese()));
    assert_eq!(
        people.lines().next(),
        Some("Mã cơ quan,Người đứng đầu,Kỳ đánh giá,Xếp hạng,Tỷ lệ (%),Điểm bị mất")
    );
    let english = write(|out| write_trend_heads(out, &trend, &english()));
    assert_eq!(
        english.lines().next(),
        Some("Agency code,Head,Period,Rank,Percent,Lost")
    );
    // Without the heads' reports, the header alone.
    let (_, rankings) = three_periods();
    let bare = Trend::new(&rankings.iter().collect::<Vec<_>>()).unwrap();
    assert_eq!(
        write(|out| write_trend_heads(out, &bare, &WriteOptions::default())),
        "agency,head,period,rank,percent,lost\n"
    );
}
