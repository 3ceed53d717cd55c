//! The `score` example's command line: argument parsing, loading, and each output format,
//! run on the sample data. The example's functions are compiled into this test as a module.

#![cfg(all(feature = "serde", feature = "csv", feature = "html"))]

#[allow(dead_code)]
#[path = "../examples/score.rs"]
mod score;

use std::path::PathBuf;

use par_index::language::Language;
use score::{Command, Format, Grades, Options, parse_args, render, requested_language};

const FRAMEWORK: &str = "vn-hoi-an-city-illustrative";
const WARDS: &str = "examples/data/hoi-an-wards";
const WARDS_2020: &str = "examples/data/hoi-an-wards-2020.csv";

fn args(text: &[&str]) -> Vec<String> {
    text.iter().map(|a| (*a).to_owned()).collect()
}

fn options(format: Format) -> Options {
    Options {
        framework: FRAMEWORK.to_owned(),
        assessments: PathBuf::from(WARDS),
        previous: None,
        period: None,
        previous_period: None,
        assignments: None,
        format,
        out: None,
        grades: Grades::National,
        title: None,
        excel: false,
        lenient: false,
        language: Language::English,
    }
}

fn run(options: &Options) -> String {
    String::from_utf8(render(options).unwrap()).unwrap()
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("par-index-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn arguments_parse_with_spaces_or_equals() {
    let parsed = parse_args(&args(&[
        "--framework",
        FRAMEWORK,
        "--assessments=examples/data/hoi-an-wards",
        "--previous",
        WARDS_2020,
        "--format=html",
        "--out",
        "report.html",
        "--grades",
        "none",
        "--excel",
        "--period",
        "2021-H1",
    ]))
    .unwrap();
    let Command::Run(parsed) = parsed else {
        panic!("a run")
    };
    assert_eq!(parsed.framework, FRAMEWORK);
    assert_eq!(parsed.assessments, PathBuf::from(WARDS));
    assert_eq!(parsed.previous, Some(PathBuf::from(WARDS_2020)));
    assert_eq!(parsed.format, Format::Html);
    assert_eq!(parsed.out, Some(PathBuf::from("report.html")));
    assert_eq!(parsed.grades, Grades::None);
    assert!(parsed.excel);
    assert_eq!(parsed.period.unwrap().as_str(), "2021-H1");
    assert_eq!(parse_args(&args(&["--help"])).unwrap(), Command::Help);
    assert_eq!(
        parse_args(&args(&["--framework", "x", "-h"])).unwrap(),
        Command::Help
    );
}

#[test]
fn vietnamese_is_the_default_and_english_is_asked_for() {
    let parsed = |given: &[&str]| match parse_args(&args(given)).unwrap() {
        Command::Run(options) => *options,
        Command::Help => panic!("a run"),
    };
    let base = ["--framework", FRAMEWORK, "--assessments", WARDS];
    let vi = parsed(&base);
    assert_eq!(vi.language, Language::Vietnamese);
    let text = run(&vi);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[2],
        "Xếp hạng  Đơn vị            Chỉ số CCHC  Xếp loại"
    );
    assert_eq!(lines[3], "       1  Phường Cẩm An           92,92  A");
    assert_eq!(
        lines.last().copied(),
        Some("13 đơn vị: trung bình 83,03, trung vị 82,89, thấp nhất 65,84, cao nhất 92,92")
    );
    let en = parsed(&[&base[..], &["--lang", "en"]].concat());
    assert_eq!(en.language, Language::English);
    assert_eq!(requested_language(&args(&["--lang=en"])), Language::English);
    assert_eq!(requested_language(&args(&["-h"])), Language::Vietnamese);
    assert_eq!(
        parse_args(&args(&["--lang", "fr"])).unwrap_err(),
        "--lang: unknown language \"fr\": expected vi (Vietnamese) or en (English)"
    );
}

#[test]
fn bad_arguments_are_explained() {
    let cases: [(&[&str], &str); 8] = [
        (&[], "--framework is required"),
        (&["--framework", FRAMEWORK], "--assessments is required"),
        (&["--framework"], "--framework needs a value"),
        (&["--frame", "x"], "unknown option --frame"),
        (&["scores.csv"], "unexpected argument \"scores.csv\""),
        (
            &["--format", "pdf"],
            "--format is table, csv, scorecards-csv, accountability-csv, json or html, not \"pdf\"",
        ),
        (&["--out", "a", "--out", "b"], "--out is given twice"),
        (
            &["--period", "2021 H1"],
            "--period: invalid period \"2021 H1\": use 1 to 32 letters, digits, '-', '_' or '.', such as \"2021\" or \"2021-H1\"",
        ),
    ];
    for (given, message) in cases {
        assert_eq!(parse_args(&args(given)).unwrap_err(), message, "{given:?}");
    }
}

#[test]
fn the_sample_folder_scores_as_a_table() {
    let text = run(&options(Format::Table));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "Hội An city PAR index for offices and wards (illustrative), 2021-H1",
            "",
            "Rank  Unit              Index  Grade",
            "   1  Phường Cẩm An     92.92  A",
            "   2  Phường Minh An    92.62  A",
        ]
    );
    assert_eq!(lines.len(), 3 + 13 + 2);
    assert_eq!(
        lines.last().copied(),
        Some("13 units: mean 83.03, median 82.89, lowest 65.84, highest 92.92")
    );
}

#[test]
fn a_previous_csv_gives_the_changes() {
    let mut options = options(Format::Csv);
    options.previous = Some(PathBuf::from(WARDS_2020));
    let text = run(&options);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "rank,unit,unit_name,index,grade,previous_rank,previous_index,rank_change,index_change,1 change,2 change,3 change,4 change,5 change,6 change,7 change,8 change"
        )
    );
    let minh_an = lines.find(|l| l.contains(",minh-an,")).unwrap();
    assert!(
        minh_an.starts_with("2,minh-an,Phường Minh An,92.62,A,4,81.90,2,10.72,"),
        "{minh_an}"
    );

    options.format = Format::Table;
    let table = run(&options);
    assert!(
        table.contains("   2  Phường Minh An    92.62  A               ↑2        +10.72"),
        "{table}"
    );
}

#[test]
fn json_scorecards_and_html_carry_every_unit() {
    let json = run(&options(Format::Json));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let units = value["ranking"]["units"].as_array().unwrap();
    assert_eq!(units.len(), 13);
    assert_eq!(units[0]["unit"], "cam-an");
    assert_eq!(units[0]["index"]["published"], "92.92");
    assert!(value["comparison"].is_null());

    let csv = run(&options(Format::ScorecardsCsv));
    assert_eq!(csv.lines().count(), 14);
    assert!(csv.contains("\ncam-an,Phường Cẩm An,2021-H1,92.92,92.92,100.00,0.00,"));

    let mut html_options = options(Format::Html);
    html_options.title = Some("Hội An 2021".to_owned());
    let html = run(&html_options);
    assert!(html.contains("<title>Hội An 2021</title>"));
    for file in std::fs::read_dir(WARDS).unwrap() {
        let unit = file
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            html.contains(&format!("<tr data-unit=\"{unit}\"><td class=\"rank\">")),
            "{unit}"
        );
    }
}

#[test]
fn a_partial_assessment_is_refused_unless_lenient() {
    let dir = scratch("partial");
    std::fs::write(
        dir.join("minh-an.json"),
        r#"{"framework": "vn-hoi-an-city-illustrative", "unit": "minh-an", "period": "2021",
            "entries": [{"code": "1.1", "evidence": {"flag": true}}]}"#,
    )
    .unwrap();
    let mut partial = options(Format::Table);
    partial.assessments = dir.clone();
    let error = render(&partial).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{}: unit minh-an has no input for 28 leaves: 1.2, 1.3, 1.4, 1.5, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3 and 18 more",
            dir.join("minh-an.json").display()
        )
    );
    let Command::Run(parsed) = parse_args(&args(&[
        "--framework",
        FRAMEWORK,
        "--assessments",
        dir.to_str().unwrap(),
        "--lenient",
    ]))
    .unwrap() else {
        panic!("a run");
    };
    assert!(parsed.lenient);
    let table = run(&parsed);
    assert!(table.contains("minh-an"), "{table}");
}

#[test]
fn input_errors_name_the_file_and_line() {
    // A malformed JSON assessment.
    let dir = scratch("bad-json");
    std::fs::write(
        dir.join("minh-an.json"),
        "{\n  \"framework\": \"vn-hoi-an-city-illustrative\",\n  \"unit\": \"minh-an\",\n  \"period\": \"2021\",\n  \"entries\": [{\"code\": \"1.1\", \"evidence\": {\"flag\": \"yes\"}}]\n}\n",
    )
    .unwrap();
    let mut bad = options(Format::Table);
    bad.assessments = dir.clone();
    let error = render(&bad).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{}: invalid type: string \"yes\", expected a boolean at line 5 column 56",
            dir.join("minh-an.json").display()
        )
    );

    // An assessment that does not score.
    std::fs::write(
        dir.join("minh-an.json"),
        r#"{"framework": "vn-hoi-an-city-illustrative", "unit": "minh-an", "period": "2021",
            "entries": [{"code": "1.2", "evidence": {"rate": {"numerator": "8307", "denominator": "8037"}}}]}"#,
    )
    .unwrap();
    let error = render(&bad).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{}: criterion 1.2 is given the rate 8307/8037: the numerator may not exceed the denominator",
            dir.join("minh-an.json").display()
        )
    );

    // A CSV cell that does not read.
    let csv = dir.join("wards.csv");
    std::fs::write(
        &csv,
        "unit,period,1.1,3.1\nminh-an,2021,yes,690/702\ncam-an,2021,yes,301/3O1\n",
    )
    .unwrap();
    bad.assessments = csv.clone();
    let error = render(&bad).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{} line 3, column \"3.1\": cannot read \"301/3O1\" as evidence: the denominator \"3O1\" is not a number",
            csv.display()
        )
    );

    // A CSV without periods.
    std::fs::write(&csv, "unit,1.1\nminh-an,yes\n").unwrap();
    let error = render(&bad).unwrap_err();
    assert_eq!(
        error,
        format!(
            "{} has no column \"period\"; its columns are unit, 1.1; add one or give the period with --period (or --previous-period)",
            csv.display()
        )
    );

    // Missing inputs and an unknown framework.
    bad.assessments = dir.join("missing");
    assert_eq!(
        render(&bad).unwrap_err(),
        format!(
            "cannot read {}: no such file or folder",
            dir.join("missing").display()
        )
    );
    let empty = scratch("empty");
    bad.assessments = empty.clone();
    assert_eq!(
        render(&bad).unwrap_err(),
        format!("folder {} holds no assessment .json file", empty.display())
    );
    bad.framework = "vn-hoi-an".to_owned();
    assert!(
        render(&bad)
            .unwrap_err()
            .starts_with("there is no built-in framework \"vn-hoi-an\"; the built-ins are "),
    );
    bad.framework = dir.join("annex.json").display().to_string();
    assert!(render(&bad).unwrap_err().starts_with(&format!(
        "cannot read {}: ",
        dir.join("annex.json").display()
    )));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn a_framework_csv_is_read_with_its_file_name_as_id() {
    let dir = scratch("framework-csv");
    let annex = dir.join("ward-demo.csv");
    std::fs::write(
        &annex,
        "code,parent,max_points,rule,name_vi\n1,,10,,Thủ tục hành chính\n1.1,1,10,proportional,Hồ sơ đúng hạn\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("wards.csv"),
        "unit,unit_name,1.1\nminh-an,Phường Minh An,690/702\ncam-an,Phường Cẩm An,301/301\n",
    )
    .unwrap();
    let mut opts = options(Format::Csv);
    opts.framework = annex.display().to_string();
    opts.assessments = dir.join("wards.csv");
    opts.period = Some("2021".parse().unwrap());
    assert_eq!(
        run(&opts),
        "rank,unit,unit_name,index,grade,1 points,1 percent,1 rank\n\
         1,cam-an,Phường Cẩm An,100.00,A,10.00,100.00,1\n\
         2,minh-an,Phường Minh An,98.29,A,9.83,98.29,2\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn assignments_add_the_heads_report() {
    let mut opts = options(Format::Table);
    opts.previous = Some(PathBuf::from(WARDS_2020));
    opts.assignments = Some("examples/data/hoi-an-assignments.json".to_owned());
    let table = run(&opts);
    assert!(
        table.contains("Hội An: lead agencies per domain of the illustrative city index (inferred) — framework vn-hoi-an-city-illustrative, 13 units, period 2021-H1"),
        "{table}"
    );
    assert!(table.contains("Giám đốc Trung tâm Hành chính công     | 3.1         |   104.00 |    56.00 |  48.00 | 53.85 |    6 | below overall       | +44.23"), "{table}");
    assert!(table.contains("Total                                  |             | 1,300.00 | 1,079.32 | 220.68 | 83.02 |"), "{table}");

    opts.format = Format::AccountabilityCsv;
    let csv = run(&opts);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "rank,agency,agency_name,head,answers_for,coordinates,owned,achieved,lost,percent,verdict,previous_rank,previous_percent,lost_change,percent_change,worst_leaves"
        )
    );
    assert!(lines.next().unwrap().starts_with(
        "1,PTP,Phòng Tư pháp,Trưởng phòng Tư pháp,2,,130.00,123.20,6.80,94.77,at or above overall,"
    ));

    opts.format = Format::Html;
    let html = run(&opts);
    assert!(html.contains("<section id=\"accountability\">"));
    assert!(html.contains("<tr data-agency=\"TTHCC\"><td class=\"rank\">6</td>"));

    opts.format = Format::Json;
    let value: serde_json::Value = serde_json::from_str(&run(&opts)).unwrap();
    assert_eq!(
        value["accountability"]["heads"].as_array().unwrap().len(),
        6
    );

    opts.assignments = Some("city-template".to_owned());
    opts.format = Format::Table;
    assert!(run(&opts).contains("(template) (inferred)"));

    opts.assignments = Some("assignments.yaml".to_owned());
    assert_eq!(
        render(&opts).unwrap_err(),
        "--assignments takes a .json file, city-template or provincial-template, not \"assignments.yaml\""
    );
    assert_eq!(
        parse_args(&args(&[
            "--framework",
            FRAMEWORK,
            "--assessments",
            WARDS,
            "--format",
            "accountability-csv"
        ]))
        .unwrap_err(),
        "--format accountability-csv needs --assignments"
    );
}
