//! The `score` example's command line: argument parsing, loading, and each output format,
//! run on the sample data. The example's functions are compiled into this test as a module.

#![cfg(all(feature = "serde", feature = "csv", feature = "html"))]

#[allow(dead_code)]
#[path = "../examples/score.rs"]
mod score;

use std::path::PathBuf;

use par_index::language::Language;
use score::{
    CsvHeaders, Format, Grades, Options, check_out, parse_args, read_input, render,
    requested_language, write_file,
};

const FRAMEWORK: &str = "vn-hoi-an-city-illustrative";
const WARDS: &str = "examples/data/hoi-an-wards";
const WARDS_2020: &str = "examples/data/hoi-an-wards-2020.csv";

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
        csv_headers: CsvHeaders::Machine,
        delimiter: None,
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

fn parse(given: &[&str]) -> Result<Options, String> {
    parse_args(std::iter::once("score").chain(given.iter().copied())).map_err(|e| e.to_string())
}

#[test]
fn arguments_parse_with_spaces_or_equals() {
    let parsed = parse(&[
        "--framework",
        FRAMEWORK,
        "--assessments=examples/data/hoi-an-wards",
        "--previous",
        WARDS_2020,
        "--format=csv",
        "--out",
        "report.csv",
        "--grades",
        "none",
        "--excel",
        "--previous-period",
        "2020",
        "--delimiter",
        ";",
    ])
    .unwrap();
    assert_eq!(parsed.framework, FRAMEWORK);
    assert_eq!(parsed.assessments, PathBuf::from(WARDS));
    assert_eq!(parsed.previous, Some(PathBuf::from(WARDS_2020)));
    assert_eq!(parsed.format, Format::Csv);
    assert_eq!(parsed.out, Some(PathBuf::from("report.csv")));
    assert_eq!(parsed.grades, Grades::None);
    assert!(parsed.excel);
    assert_eq!(parsed.previous_period.unwrap().as_str(), "2020");
    assert_eq!(parsed.delimiter, Some(b';'));
    let help = parse(&["--help", "--lang", "en"]).unwrap_err();
    assert!(help.starts_with("Score a cohort of units"), "{help}");
    assert!(help.contains("--delimiter <C>"), "{help}");
}

#[test]
fn vietnamese_is_the_default_and_english_is_asked_for() {
    let base = ["--framework", FRAMEWORK, "--assessments", WARDS];
    let vi = parse(&base).unwrap();
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
    let en = parse(&[&base[..], &["--lang", "en"]].concat()).unwrap();
    assert_eq!(en.language, Language::English);
    assert_eq!(requested_language(["--lang=en"]), Language::English);
    assert_eq!(requested_language(["-h"]), Language::Vietnamese);
    assert!(
        parse(&["-h"])
            .unwrap_err()
            .starts_with("Chấm điểm, xếp hạng và báo cáo Chỉ số CCHC")
    );
    assert_eq!(
        parse(&[&base[..], &["--lang", "fr"]].concat())
            .unwrap_err()
            .lines()
            .next(),
        Some(
            "error: invalid value 'fr' for '--lang <L>': unknown language \"fr\": expected vi (Vietnamese) or en (English)"
        )
    );
}

#[test]
fn bad_arguments_are_explained() {
    let cases: [(&[&str], &str); 6] = [
        (
            &["--framework"],
            "error: a value is required for '--framework <F>' but none was supplied",
        ),
        (
            &["--frame", "x"],
            "error: unexpected argument '--frame' found",
        ),
        (
            &["scores.csv"],
            "error: unexpected argument 'scores.csv' found",
        ),
        (
            &["--format", "pdf"],
            "error: invalid value 'pdf' for '--format <FORMAT>'",
        ),
        (
            &[
                "--framework",
                FRAMEWORK,
                "--assessments",
                WARDS,
                "--out",
                "a",
                "--out",
                "b",
            ],
            "error: the argument '--out <FILE>' cannot be used multiple times",
        ),
        (
            &[
                "--framework",
                FRAMEWORK,
                "--assessments",
                "w.csv",
                "--period",
                "2021 H1",
            ],
            "error: invalid value '2021 H1' for '--period <X>': invalid period \"2021 H1\": use 1 to 32 letters, digits, '-', '_' or '.', such as \"2021\" or \"2021-H1\"",
        ),
    ];
    for (given, message) in cases {
        let error = parse(given).unwrap_err();
        assert_eq!(error.lines().next(), Some(message), "{given:?}: {error}");
    }
    let missing = parse(&[]).unwrap_err();
    assert!(missing.starts_with("error: the following required arguments were not provided:\n  --framework <F>\n  --assessments <A>"), "{missing}");
}

#[test]
fn a_title_followed_by_a_flag_is_not_the_flag() {
    assert_eq!(
        parse(&[
            "--framework",
            FRAMEWORK,
            "--assessments",
            WARDS,
            "--format",
            "html",
            "--title",
            "--excel"
        ])
        .unwrap_err()
        .lines()
        .next(),
        Some("error: a value is required for '--title <T>' but none was supplied")
    );
}

#[test]
fn options_that_do_not_apply_to_the_inputs_are_refused() {
    let base = ["--framework", FRAMEWORK, "--assessments", WARDS];
    let cases: [(&[&str], &str); 7] = [
        (
            &["--period", "2021"],
            "lỗi: --period chỉ dùng cho tệp CSV kết quả đánh giá; tệp JSON đã ghi kỳ đánh giá",
        ),
        (
            &["--previous-period", "2020"],
            "lỗi: --previous-period chỉ dùng cho tệp CSV cho bằng --previous",
        ),
        (
            &["--title", "Hội An"],
            "lỗi: --title chỉ dùng với --format html",
        ),
        (
            &["--format", "json", "--excel"],
            "lỗi: --excel chỉ dùng với các định dạng CSV (csv, scorecards-csv, accountability-csv)",
        ),
        (
            &["--csv-headers", "human"],
            "lỗi: --csv-headers chỉ dùng với các định dạng CSV (csv, scorecards-csv, accountability-csv)",
        ),
        (
            &["--delimiter", ";"],
            "lỗi: --delimiter chỉ dùng cho tệp CSV đầu vào, mà không có tệp nào",
        ),
        (
            &["--format", "accountability-csv"],
            "lỗi: --format accountability-csv cần --assignments",
        ),
    ];
    for (extra, message) in cases {
        let given: Vec<&str> = base.iter().chain(extra.iter()).copied().collect();
        assert_eq!(parse(&given).unwrap_err().trim_end(), message, "{extra:?}");
    }
    // As a process: a usage error, exit code 2.
    let (code, stderr) = sh(&format!(
        "\"$SCORE\" --framework {FRAMEWORK} --assessments {WARDS} --title x"
    ));
    assert_eq!(
        (code, stderr.as_str()),
        (2, "lỗi: --title chỉ dùng với --format html\n")
    );
    let base = [
        "--lang",
        "en",
        "--framework",
        FRAMEWORK,
        "--assessments",
        WARDS,
    ];
    let cases: [(&[&str], &str); 7] = [
        (
            &["--period", "2021"],
            "error: --period is for a CSV file of assessments; JSON assessments carry their period",
        ),
        (
            &["--previous-period", "2020"],
            "error: --previous-period is for a CSV file given with --previous",
        ),
        (
            &["--title", "Hội An"],
            "error: --title is for --format html",
        ),
        (
            &["--format", "json", "--excel"],
            "error: --excel is for the CSV formats (csv, scorecards-csv, accountability-csv)",
        ),
        (
            &["--csv-headers", "human"],
            "error: --csv-headers is for the CSV formats (csv, scorecards-csv, accountability-csv)",
        ),
        (
            &["--delimiter", ";"],
            "error: --delimiter is for CSV inputs, and none is given",
        ),
        (
            &["--format", "accountability-csv"],
            "error: --format accountability-csv needs --assignments",
        ),
    ];
    for (extra, message) in cases {
        let given: Vec<&str> = base.iter().chain(extra.iter()).copied().collect();
        assert_eq!(parse(&given).unwrap_err().trim_end(), message, "{extra:?}");
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
    let parsed = parse(&[
        "--framework",
        FRAMEWORK,
        "--assessments",
        dir.to_str().unwrap(),
        "--lenient",
    ])
    .unwrap();
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
            "{}: unit minh-an: criterion 1.2 is given the rate 8307/8037: the numerator may not exceed the denominator",
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
    assert!(
        parse(&[
            "--framework",
            FRAMEWORK,
            "--assessments",
            WARDS,
            "--format",
            "accountability-csv"
        ])
        .is_err()
    );
}

// ---------------------------------------------------------------------------------------
// Never losing a file, reading only what is meant, and the command as a whole process.

/// The `score` example's binary, which `cargo test` builds beside this test.
fn binary() -> PathBuf {
    let mut path = std::env::current_exe().unwrap();
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    path.join("examples")
        .join(format!("score{}", std::env::consts::EXE_SUFFIX))
}

/// Runs the command through `sh` (to close or redirect its streams); its exit code and what
/// it wrote to standard error.
fn sh(script: &str) -> (i32, String) {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("SCORE", binary())
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn out_that_is_one_of_the_inputs_is_refused() {
    let dir = scratch("out-input");
    let wards = dir.join("wards.csv");
    std::fs::write(&wards, "unit,1.1\nminh-an,yes\n").unwrap();
    let mut opts = options(Format::Csv);
    opts.assessments = wards.clone();
    opts.period = Some("2021".parse().unwrap());
    opts.lenient = true;
    opts.out = Some(wards.clone());
    assert_eq!(
        check_out(&opts).unwrap_err(),
        format!(
            "--out {0} is one of the inputs ({0}); write to another file",
            wards.display()
        )
    );
    // Also when named another way, and a file inside a folder of assessments.
    opts.out = Some(dir.join(".").join("wards.csv"));
    assert!(check_out(&opts).is_err());
    let mut folder = options(Format::Json);
    folder.out = Some(PathBuf::from(WARDS).join("minh-an.json"));
    assert!(
        check_out(&folder)
            .unwrap_err()
            .contains("is one of the inputs")
    );
    // As a process: exit code 1, the input untouched.
    let (code, stderr) = sh(&format!(
        "\"$SCORE\" --lang en --framework {FRAMEWORK} --assessments {0} --period 2021 --lenient --format csv --out {0}",
        wards.display()
    ));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.starts_with("error: --out "), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&wards).unwrap(),
        "unit,1.1\nminh-an,yes\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn out_that_is_a_symbolic_link_is_refused_and_its_target_kept() {
    let dir = scratch("out-link");
    let precious = dir.join("precious.txt");
    std::fs::write(&precious, "keep me").unwrap();
    let link = dir.join("report.csv");
    std::os::unix::fs::symlink(&precious, &link).unwrap();
    let mut opts = options(Format::Csv);
    opts.out = Some(link.clone());
    assert_eq!(
        check_out(&opts).unwrap_err(),
        format!(
            "--out {} is a symbolic link; give the path of a regular file",
            link.display()
        )
    );
    let (code, _) = sh(&format!(
        "\"$SCORE\" --lang en --framework {FRAMEWORK} --assessments {WARDS} --format csv --out {}",
        link.display()
    ));
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    opts.out = Some(dir.clone());
    assert_eq!(
        check_out(&opts).unwrap_err(),
        format!(
            "--out {} is not a regular file; give the path of one",
            dir.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn out_is_replaced_whole_through_a_temporary_file() {
    let dir = scratch("out-whole");
    let out = dir.join("ranking.csv");
    std::fs::write(
        &out,
        "an older ranking that is much longer than the new one\n".repeat(100),
    )
    .unwrap();
    write_file(&out, b"rank,unit\n1,minh-an\n", Language::English).unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "rank,unit\n1,minh-an\n"
    );
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
    // A folder that does not exist cannot be written: the error says so.
    let missing = dir.join("no-such-folder").join("ranking.csv");
    assert!(
        write_file(&missing, b"x", Language::English)
            .unwrap_err()
            .starts_with(&format!("cannot write {}: ", missing.display()))
    );
    assert!(
        write_file(&missing, b"x", Language::Vietnamese)
            .unwrap_err()
            .starts_with(&format!("không ghi được {}: ", missing.display()))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_or_full_standard_output_is_an_error() {
    let run =
        format!("\"$SCORE\" --lang en --framework {FRAMEWORK} --assessments {WARDS} --format csv");
    let (code, stderr) = sh(&format!("{run} >&-"));
    assert_eq!(code, 1, "{stderr}");
    if cfg!(target_os = "linux") {
        assert_eq!(
            stderr,
            "error: cannot write to standard output: it was closed\n"
        );
    }
    if std::path::Path::new("/dev/full").exists() {
        let (code, stderr) = sh(&format!("{run} >/dev/full"));
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.starts_with("error: cannot write to standard output: "),
            "{stderr}"
        );
    }
    let (code, stderr) = sh(&format!("{run} >/dev/null"));
    assert_eq!((code, stderr.as_str()), (0, ""));
    let vi = format!("\"$SCORE\" --framework {FRAMEWORK} --assessments {WARDS} --format csv");
    let (code, stderr) = sh(&format!("{vi} >&-"));
    assert_eq!(code, 1, "{stderr}");
    if cfg!(target_os = "linux") {
        assert_eq!(
            stderr,
            "lỗi: không ghi được ra đầu ra chuẩn: đầu ra chuẩn đã bị đóng\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_read() {
    let dir = scratch("irregular");
    std::fs::copy(format!("{WARDS}/minh-an.json"), dir.join("minh-an.json")).unwrap();
    // A FIFO named like an assessment would block a reader forever.
    let fifo = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut opts = options(Format::Table);
    opts.assessments = dir.clone();
    opts.lenient = true;
    assert_eq!(
        render(&opts).unwrap_err(),
        format!("cannot read {}: it is not a regular file", fifo.display())
    );
    std::fs::remove_file(&fifo).unwrap();
    // A link to a device that never ends.
    let zero = dir.join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    assert_eq!(
        render(&opts).unwrap_err(),
        format!("cannot read {}: it is not a regular file", zero.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_over_the_size_limit_are_refused_unread() {
    let dir = scratch("large");
    let large = dir.join("wards.csv");
    // Sparse: as large as it says without taking the room.
    let file = std::fs::File::create(&large).unwrap();
    file.set_len(score::MAX_INPUT_BYTES + 1).unwrap();
    assert_eq!(
        read_input(&large, Language::English).unwrap_err(),
        format!(
            "cannot read {}: it is larger than 256 MiB, the most an input may be",
            large.display()
        )
    );
    assert_eq!(
        read_input(&large, Language::Vietnamese).unwrap_err(),
        format!(
            "không đọc được {}: tệp lớn hơn 256 MiB, mức tối đa của một tệp đầu vào",
            large.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hidden_files_in_an_assessments_folder_are_skipped_and_counted() {
    let dir = scratch("hidden");
    for unit in ["minh-an", "cam-an"] {
        std::fs::copy(
            format!("{WARDS}/{unit}.json"),
            dir.join(format!("{unit}.json")),
        )
        .unwrap();
    }
    // What macOS leaves on a USB stick: binary resource forks and folder settings.
    std::fs::write(dir.join("._minh-an.json"), b"\x00\x05\x16\x07 not json").unwrap();
    std::fs::write(dir.join(".DS_Store"), b"\x00\x00\x00\x01Bud1").unwrap();
    let (code, stderr) = sh(&format!(
        "\"$SCORE\" --lang en --framework {FRAMEWORK} --assessments {} >/dev/null",
        dir.display()
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!("note: skipped 2 hidden files in {}\n", dir.display())
    );
    let (code, stderr) = sh(&format!(
        "\"$SCORE\" --framework {FRAMEWORK} --assessments {} >/dev/null",
        dir.display()
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!("ghi chú: bỏ qua 2 tệp ẩn trong {}\n", dir.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_semicolon_separated_export_reads_with_delimiter() {
    let dir = scratch("semicolon");
    let wards = dir.join("wards.csv");
    std::fs::write(&wards, "unit;unit_name;1.1\nminh-an;Phường Minh An;yes\n").unwrap();
    let mut opts = options(Format::Csv);
    opts.assessments = wards.clone();
    opts.period = Some("2021".parse().unwrap());
    opts.lenient = true;
    assert_eq!(
        render(&opts).unwrap_err(),
        format!(
            "{} line 1, column \"unit;unit_name;1.1\": the header is one column that holds ';'; if the file separates its cells with ';', save it with commas or read it with --delimiter ';'",
            wards.display()
        )
    );
    opts.delimiter = Some(b';');
    let text = run(&opts);
    assert!(text.contains("\n1,minh-an,Phường Minh An,"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_value_out_of_range_in_a_csv_is_named_by_line_and_column() {
    let dir = scratch("out-of-range");
    let wards = dir.join("wards.csv");
    std::fs::write(
        &wards,
        "unit,period,1.1,2.1\nminh-an,2021,yes,95/100\ncam-an,2021,yes,9800/9500\n",
    )
    .unwrap();
    let mut opts = options(Format::Csv);
    opts.assessments = wards.clone();
    opts.lenient = true;
    assert_eq!(
        render(&opts).unwrap_err(),
        format!(
            "{} line 3, column \"2.1\": criterion 2.1 is given the rate 9800/9500: the numerator may not exceed the denominator",
            wards.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_headings_for_people_are_in_the_language_of_lang() {
    let base = [
        "--framework",
        FRAMEWORK,
        "--assessments",
        WARDS,
        "--format",
        "csv",
    ];
    let machine = run(&parse(&base).unwrap());
    let vi = parse(&[&base[..], &["--csv-headers", "human"]].concat()).unwrap();
    assert_eq!(vi.csv_headers, CsvHeaders::Human);
    let text = run(&vi);
    let mut expected = String::from("Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số CCHC,Xếp loại");
    for domain in 1..=8 {
        expected.push_str(&format!(
            ",Lĩnh vực {domain}: điểm đạt,Lĩnh vực {domain}: tỷ lệ (%),Lĩnh vực {domain}: xếp hạng"
        ));
    }
    assert_eq!(text.lines().next(), Some(expected.as_str()));
    // The rows are those of the machine file.
    assert_eq!(
        text.split_once('\n').unwrap().1,
        machine.split_once('\n').unwrap().1
    );
    assert!(machine.starts_with("rank,unit,unit_name,index,grade,1 points,"));

    let en = parse(&[&base[..], &["--csv-headers", "human", "--lang", "en"]].concat()).unwrap();
    assert!(run(&en).starts_with(
        "Rank,Unit id,Unit,Index,Grade,Domain 1: achieved,Domain 1: percent,Domain 1: rank,"
    ),);

    // The comparison, the scorecards and the heads' report.
    let mut opts = vi.clone();
    opts.previous = Some(PathBuf::from(WARDS_2020));
    assert!(run(&opts).starts_with(
        "Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số CCHC,Xếp loại,Xếp hạng kỳ trước,Chỉ số CCHC kỳ trước,Thay đổi xếp hạng,Thay đổi chỉ số,Lĩnh vực 1: thay đổi tỷ lệ,"
    ));
    opts.format = Format::ScorecardsCsv;
    let scorecards = run(&opts);
    assert!(
        scorecards.starts_with(
            "Mã đơn vị,Đơn vị,Kỳ đánh giá,Chỉ số CCHC,Điểm đạt,Điểm tối đa,\"Điểm thưởng, điểm trừ\",Lĩnh vực 1,Tiêu chí 1.1,"
        ),
        "{scorecards}"
    );
    opts.format = Format::AccountabilityCsv;
    opts.assignments = Some("examples/data/hoi-an-assignments.json".to_owned());
    let heads = run(&opts);
    let mut lines = heads.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Xếp hạng,Mã cơ quan,Cơ quan,Người đứng đầu,Chủ trì,Phối hợp,Điểm tối đa,Điểm đạt,Điểm bị mất,Tỷ lệ (%),Đánh giá,Xếp hạng kỳ trước,Tỷ lệ kỳ trước (%),Thay đổi điểm bị mất,Thay đổi tỷ lệ,Nội dung bị mất điểm nhiều nhất"
        )
    );
    assert!(lines.next().unwrap().starts_with(
        "1,PTP,Phòng Tư pháp,Trưởng phòng Tư pháp,2,,130.00,123.20,6.80,94.77,bằng hoặc cao hơn mức chung,"
    ));
}

#[test]
fn the_commands_own_messages_are_in_vietnamese_by_default() {
    let mut opts = options(Format::Table);
    opts.language = Language::Vietnamese;
    let dir = scratch("vi-messages");
    opts.assessments = dir.join("missing");
    assert_eq!(
        render(&opts).unwrap_err(),
        format!(
            "không đọc được {}: không có tệp hay thư mục này",
            dir.join("missing").display()
        )
    );
    opts.assessments = dir.clone();
    assert_eq!(
        render(&opts).unwrap_err(),
        format!(
            "thư mục {} không có tệp .json kết quả đánh giá nào",
            dir.display()
        )
    );
    // The library's own message stays in English, after the file the command names.
    std::fs::write(
        dir.join("minh-an.json"),
        r#"{"framework": "vn-hoi-an-city-illustrative", "unit": "minh-an", "period": "2021",
            "entries": [{"code": "1.2", "evidence": {"rate": {"numerator": "8307", "denominator": "8037"}}}]}"#,
    )
    .unwrap();
    assert_eq!(
        render(&opts).unwrap_err(),
        format!(
            "{}: unit minh-an: criterion 1.2 is given the rate 8307/8037: the numerator may not exceed the denominator",
            dir.join("minh-an.json").display()
        )
    );
    opts.assessments = PathBuf::from(WARDS);
    opts.assignments = Some("assignments.yaml".to_owned());
    assert_eq!(
        render(&opts).unwrap_err(),
        "--assignments nhận một tệp .json, city-template hoặc provincial-template, không phải \"assignments.yaml\""
    );
    opts.assignments = Some("examples/data/hoi-an-assignments.json".to_owned());
    let table = run(&opts);
    assert_eq!(
        table.lines().next(),
        Some("Chỉ số CCHC các phòng, ban và xã, phường thành phố Hội An (minh họa), 2021-H1")
    );
    assert!(
        table.contains("Hội An: cơ quan chủ trì theo lĩnh vực của bộ chỉ số minh họa cấp thành phố (suy luận) — bộ chỉ số vn-hoi-an-city-illustrative, 13 đơn vị, kỳ đánh giá 2021-H1"),
        "{table}"
    );
    opts.out = Some(PathBuf::from(WARDS));
    assert_eq!(
        check_out(&opts).unwrap_err(),
        format!("--out {WARDS} không phải tệp thường; hãy cho đường dẫn của một tệp thường")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
