//! Score a cohort from the command line: read a framework and the units' assessments, rank
//! them, compare them with a previous period, and print a table, CSV, JSON or an HTML report.
//!
//! ```sh
//! cargo run --example score --features csv,html -- \
//!     --framework vn-hoi-an-city-illustrative \
//!     --assessments examples/data/hoi-an-wards \
//!     --previous examples/data/hoi-an-wards-2020.csv \
//!     --assignments examples/data/hoi-an-assignments.json \
//!     --format html --out report.html
//! ```
//!
//! The sample data under `examples/data/` is illustrative (see the `hoi_an` example). Arguments
//! are parsed by hand to keep the crate free of a command-line dependency. Errors name the file
//! and, where there is one, the line; the exit code is 1 for an input or output error and 2 for
//! a usage error, so `main` returns an [`ExitCode`] rather than a boxed error.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use par_index::csv::{AssessmentReader, FrameworkReader, WriteOptions};
use par_index::html::HtmlReport;
use par_index::{
    Assessment, Cohort, Framework, GradeScale, Period, Ranking, RankingOptions, ScoringOptions,
    accountability::{Accountability, AccountabilityReport, Assignments},
    builtin,
    comparison::Comparison,
    framework::FrameworkInfo,
    language::Language,
};

const HELP: &str = "\
Score a cohort of units on a PAR index framework, rank it, and report.

Usage:
  cargo run --example score --features csv,html -- --framework F --assessments A [options]

Required:
  --framework F        a built-in framework id (such as vn-hoi-an-city-illustrative),
                       a framework JSON file (.json) or a framework CSV file (.csv)
  --assessments A      a folder of assessment JSON files (one per unit), or a CSV file
                       (wide or long form)

Options:
  --previous P         the previous period's assessments (folder or CSV), to show changes
  --period X           the period of CSV rows without a period column (e.g. 2021-H1)
  --previous-period X  the same for --previous
  --assignments A      who answers for each domain: an assignments JSON file, or the
                       inferred city-template or provincial-template; adds the heads'
                       owned, achieved and lost points to the report
  --format F           table (default), csv (the ranking, or the comparison with --previous),
                       scorecards-csv (published points of every node), accountability-csv
                       (one row per head; needs --assignments), json or html
  --out FILE           write to FILE instead of standard output
  --grades G           national (A >= 90, B >= 80, C >= 70; default), none, or a grade
                       scale JSON file such as {\"name\": \"...\", \"bands\": [{\"label\": \"Tốt\", \"min\": \"85\"}]}
  --title T            the HTML report's title
  --excel              CSV with a UTF-8 byte-order mark and CRLF, for Excel
  --lenient            score leaves without input as 0 (listed as missing) instead of
                       refusing the assessment
  --lang L             vi (Vietnamese, default) or en: the language of the table and the
                       HTML report
  -h, --help           this help

Built-in frameworks: vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022,
vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative.
";

const HELP_VI: &str = "\
Chấm điểm, xếp hạng và báo cáo Chỉ số CCHC của một nhóm đơn vị theo một bộ chỉ số.

Cách dùng:
  cargo run --example score --features csv,html -- --framework F --assessments A [tùy chọn]

Bắt buộc:
  --framework F        bộ chỉ số có sẵn (như vn-hoi-an-city-illustrative), tệp JSON (.json)
                       hoặc tệp CSV (.csv) của bộ chỉ số
  --assessments A      thư mục các tệp JSON kết quả tự đánh giá, thẩm định (mỗi đơn vị một
                       tệp) hoặc một tệp CSV

Tùy chọn:
  --previous P         kết quả kỳ trước (thư mục hoặc CSV), để so sánh
  --period X           kỳ đánh giá của các dòng CSV không có cột period (ví dụ 2021-H1)
  --previous-period X  như trên, cho --previous
  --assignments A      phân công cơ quan chủ trì: tệp JSON, hoặc mẫu suy luận city-template,
                       provincial-template; thêm bảng trách nhiệm người đứng đầu
  --format F           table (mặc định), csv, scorecards-csv, accountability-csv, json, html
  --out FILE           ghi ra FILE thay vì màn hình
  --grades G           national (A >= 90, B >= 80, C >= 70; mặc định), none, hoặc tệp JSON
                       thang xếp loại
  --title T            tiêu đề báo cáo HTML
  --excel              CSV có BOM UTF-8 và CRLF, để mở bằng Excel
  --lenient            tiêu chí thiếu số liệu được 0 điểm (liệt kê) thay vì bị từ chối
  --lang L             vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)
  -h, --help           hướng dẫn này

Bộ chỉ số có sẵn: vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022,
vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative.
";

/// The language asked for with `--lang`, for the help and the command's own messages
/// (Vietnamese unless `--lang en`); an unreadable value is reported by [`parse_args`].
pub fn requested_language(args: &[String]) -> Language {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = match arg.strip_prefix("--lang=") {
            Some(value) => Some(value.to_owned()),
            None if arg == "--lang" => rest.next().cloned(),
            None => None,
        };
        if let Some(language) = value.and_then(|v| v.parse().ok()) {
            return language;
        }
    }
    Language::Vietnamese
}

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    ScorecardsCsv,
    AccountabilityCsv,
    Json,
    Html,
}

/// The grade scale asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grades {
    National,
    None,
    File(PathBuf),
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub framework: String,
    pub assessments: PathBuf,
    pub previous: Option<PathBuf>,
    pub period: Option<Period>,
    pub previous_period: Option<Period>,
    pub assignments: Option<String>,
    pub format: Format,
    pub out: Option<PathBuf>,
    pub grades: Grades,
    pub title: Option<String>,
    pub excel: bool,
    pub lenient: bool,
    pub language: Language,
}

/// Help, or a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Run(Box<Options>),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language = requested_language(&args);
    let (error, usage) = match language {
        Language::Vietnamese => ("lỗi", "Chạy với --help để xem cách dùng."),
        _ => ("error", "Run with --help for usage."),
    };
    let options = match parse_args(&args) {
        Ok(Command::Help) => {
            print!(
                "{}",
                if language == Language::Vietnamese {
                    HELP_VI
                } else {
                    HELP
                }
            );
            return ExitCode::SUCCESS;
        }
        Ok(Command::Run(options)) => options,
        Err(message) => {
            eprintln!("{error}: {message}\n{usage}");
            return ExitCode::from(2);
        }
    };
    let result = render(&options).and_then(|bytes| match &options.out {
        Some(path) => {
            fs::write(path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{error}: {message}");
            ExitCode::from(1)
        }
    }
}

/// Parses the arguments (without the program's name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut framework = None;
    let mut assessments = None;
    let mut previous = None;
    let mut period = None;
    let mut previous_period = None;
    let mut assignments = None;
    let mut format = None;
    let mut out = None;
    let mut grades = None;
    let mut title = None;
    let mut excel = false;
    let mut lenient = false;
    let mut language = None;

    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline.clone().or_else(|| rest.next().cloned()) {
                Some(value) if !value.is_empty() => Ok(value),
                _ => Err(format!("{name} needs a value")),
            }
        };
        fn once<T>(slot: &mut Option<T>, flag: &str, value: T) -> Result<(), String> {
            if slot.replace(value).is_some() {
                Err(format!("{flag} is given twice"))
            } else {
                Ok(())
            }
        }
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--framework" => once(&mut framework, flag, value(flag)?)?,
            "--assessments" => once(&mut assessments, flag, PathBuf::from(value(flag)?))?,
            "--previous" => once(&mut previous, flag, PathBuf::from(value(flag)?))?,
            "--period" => once(&mut period, flag, parse_period(flag, &value(flag)?)?)?,
            "--previous-period" => once(
                &mut previous_period,
                flag,
                parse_period(flag, &value(flag)?)?,
            )?,
            "--assignments" => once(&mut assignments, flag, value(flag)?)?,
            "--format" => {
                let text = value(flag)?;
                let parsed = match text.as_str() {
                    "table" => Format::Table,
                    "csv" => Format::Csv,
                    "scorecards-csv" => Format::ScorecardsCsv,
                    "accountability-csv" => Format::AccountabilityCsv,
                    "json" => Format::Json,
                    "html" => Format::Html,
                    other => {
                        return Err(format!(
                            "--format is table, csv, scorecards-csv, accountability-csv, json or html, not {other:?}"
                        ));
                    }
                };
                once(&mut format, flag, parsed)?;
            }
            "--out" => once(&mut out, flag, PathBuf::from(value(flag)?))?,
            "--grades" => {
                let text = value(flag)?;
                let parsed = match text.as_str() {
                    "national" => Grades::National,
                    "none" => Grades::None,
                    path => Grades::File(PathBuf::from(path)),
                };
                once(&mut grades, flag, parsed)?;
            }
            "--title" => once(&mut title, flag, value(flag)?)?,
            "--lang" => {
                let parsed = value(flag)?
                    .parse::<Language>()
                    .map_err(|e| format!("--lang: {e}"))?;
                once(&mut language, flag, parsed)?;
            }
            "--excel" if inline.is_none() => excel = true,
            "--lenient" if inline.is_none() => lenient = true,
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let format = format.unwrap_or(Format::Table);
    if format == Format::AccountabilityCsv && assignments.is_none() {
        return Err("--format accountability-csv needs --assignments".to_owned());
    }
    Ok(Command::Run(Box::new(Options {
        framework: framework.ok_or("--framework is required")?,
        assessments: assessments.ok_or("--assessments is required")?,
        previous,
        period,
        previous_period,
        assignments,
        format,
        out,
        grades: grades.unwrap_or(Grades::National),
        title,
        excel,
        lenient,
        language: language.unwrap_or(Language::Vietnamese),
    })))
}

fn parse_period(flag: &str, text: &str) -> Result<Period, String> {
    text.parse().map_err(|e| format!("{flag}: {e}"))
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A built-in framework by id, or a framework file (JSON or CSV).
pub fn load_framework(source: &str) -> Result<Framework, String> {
    let path = Path::new(source);
    if has_extension(path, "json") {
        let text = read_text(path)?;
        return serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()));
    }
    if has_extension(path, "csv") {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let info = FrameworkInfo {
            id: stem.clone(),
            title: stem,
            ..FrameworkInfo::default()
        };
        return FrameworkReader::new(info)
            .read_path(path)
            .map_err(|e| e.to_string());
    }
    builtin::get(source)
        .map_err(|e| format!("{e}; or give a framework file ending in .json or .csv"))
}

/// Assessments from a folder of JSON files (one per unit, in file-name order) or a CSV file,
/// each with the file (and line) it came from.
pub fn load_assessments(
    path: &Path,
    framework: &Framework,
    period: Option<&Period>,
) -> Result<Vec<(String, Assessment)>, String> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = fs::read_dir(path)
            .map_err(|e| format!("cannot read folder {}: {e}", path.display()))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(|e| format!("cannot read folder {}: {e}", path.display()))?;
        files.sort();
        let mut assessments = Vec::new();
        for file in files {
            if !has_extension(&file, "json") {
                eprintln!("note: skipped {} (not a .json file)", file.display());
                continue;
            }
            let text = read_text(&file)?;
            let assessment: Assessment =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            assessments.push((file.display().to_string(), assessment));
        }
        if assessments.is_empty() {
            return Err(format!(
                "folder {} holds no assessment .json file",
                path.display()
            ));
        }
        return Ok(assessments);
    }
    if has_extension(path, "csv") {
        let mut reader = AssessmentReader::new(framework);
        if let Some(period) = period {
            reader = reader.period(period.clone());
        }
        let name = path.display().to_string();
        let assessments = reader.read_path(path).map_err(|e| match e.kind() {
            par_index::ErrorKind::MissingColumn { column, .. } if column == "period" => {
                format!("{e}; add one or give the period with --period (or --previous-period)")
            }
            other => other.to_string(),
        })?;
        return Ok(assessments.into_iter().map(|a| (name.clone(), a)).collect());
    }
    if !path.exists() {
        return Err(format!(
            "cannot read {}: no such file or folder",
            path.display()
        ));
    }
    Err(format!(
        "{}: give a folder of .json assessments or a .csv file",
        path.display()
    ))
}

/// Scores every assessment; an error names the file it came from.
pub fn score_all(
    framework: &Framework,
    assessments: &[(String, Assessment)],
    scoring: &ScoringOptions,
) -> Result<Cohort, String> {
    let scorecards = assessments
        .iter()
        .map(|(source, assessment)| {
            framework
                .score_with(assessment, scoring)
                .map_err(|e| format!("{source}: {e}"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Cohort::new(framework, scorecards).map_err(|e| e.to_string())
}

/// Assignments from a JSON file, or one of the two inferred templates by name.
pub fn load_assignments(source: &str) -> Result<Assignments, String> {
    match source {
        "city-template" => Ok(Assignments::city_template()),
        "provincial-template" => Ok(Assignments::provincial_template()),
        path => {
            let path = Path::new(path);
            if !has_extension(path, "json") {
                return Err(format!(
                    "--assignments takes a .json file, city-template or provincial-template, not {:?}",
                    path.display().to_string()
                ));
            }
            let text = read_text(path)?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

/// The heads' report over the cohort, compared with the previous cohort's when given.
fn accountability_report(
    source: &str,
    framework: &Framework,
    current: &Cohort,
    previous: Option<&Cohort>,
) -> Result<AccountabilityReport, String> {
    let accountability = Accountability::new(framework, load_assignments(source)?)
        .map_err(|e| format!("{source}: {e}"))?;
    let report = accountability
        .cohort_report(current)
        .map_err(|e| e.to_string())?;
    match previous {
        Some(previous) => {
            let before = accountability
                .cohort_report(previous)
                .map_err(|e| e.to_string())?;
            report.with_previous(&before).map_err(|e| e.to_string())
        }
        None => Ok(report),
    }
}

fn ranking_options(grades: &Grades) -> Result<RankingOptions, String> {
    Ok(match grades {
        Grades::National => RankingOptions::national(),
        Grades::None => RankingOptions::default(),
        Grades::File(path) => {
            let text = read_text(path)?;
            let scale: GradeScale =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            RankingOptions::default().with_grades(scale)
        }
    })
}

fn rank(cohort: &Cohort, options: &RankingOptions) -> Result<Ranking, String> {
    cohort.rank_with(options).map_err(|e| e.to_string())
}

/// Runs the command and returns what it writes.
pub fn render(options: &Options) -> Result<Vec<u8>, String> {
    let framework = load_framework(&options.framework)?;
    let ranking_options = ranking_options(&options.grades)?;
    let current = load_assessments(&options.assessments, &framework, options.period.as_ref())?;
    let scoring = if options.lenient {
        ScoringOptions::lenient()
    } else {
        ScoringOptions::strict()
    };
    let scorecards = score_all(&framework, &current, &scoring)?;
    let ranking = rank(&scorecards, &ranking_options)?;
    let previous_scorecards = match &options.previous {
        Some(path) => {
            let before = load_assessments(path, &framework, options.previous_period.as_ref())?;
            Some(score_all(&framework, &before, &scoring)?)
        }
        None => None,
    };
    let previous = previous_scorecards
        .as_ref()
        .map(|before| rank(before, &ranking_options))
        .transpose()?;
    let accountability = options
        .assignments
        .as_deref()
        .map(|source| {
            accountability_report(
                source,
                &framework,
                &scorecards,
                previous_scorecards.as_ref(),
            )
        })
        .transpose()?;
    let comparison = previous
        .as_ref()
        .map(|before| Comparison::new(before, &ranking))
        .transpose()
        .map_err(|e| e.to_string())?;

    let csv_options = if options.excel {
        WriteOptions::excel()
    } else {
        WriteOptions::default()
    };
    let mut out = Vec::new();
    match options.format {
        Format::Table => {
            let lang = options.language;
            let title = &framework.info().title;
            let period = ranking
                .period()
                .map(ToString::to_string)
                .unwrap_or_default();
            let mut text = format!("{title}, {period}\n\n");
            match &comparison {
                Some(comparison) => text.push_str(&comparison.render_table_in(lang)),
                None => text.push_str(&ranking.render_table_in(lang)),
            }
            if let Some(summary) = &ranking.statistics().index {
                let s = summary.publish(&ranking_options.rounding);
                let n = |d| lang.number(d);
                text.push_str(&match lang {
                    Language::Vietnamese => format!(
                        "\n{} đơn vị: trung bình {}, trung vị {}, thấp nhất {}, cao nhất {}\n",
                        s.count,
                        n(s.mean),
                        n(s.median),
                        n(s.min),
                        n(s.max)
                    ),
                    _ => format!(
                        "\n{} units: mean {}, median {}, lowest {}, highest {}\n",
                        s.count,
                        n(s.mean),
                        n(s.median),
                        n(s.min),
                        n(s.max)
                    ),
                });
            }
            if let Some(report) = &accountability {
                text.push_str(&format!(
                    "\n{}\n{}",
                    report.render_in(lang),
                    report.worst_leaves_text_in(lang)
                ));
            }
            out = text.into_bytes();
        }
        Format::Csv => match &comparison {
            Some(comparison) => {
                par_index::csv::write_comparison(&mut out, comparison, &csv_options)
            }
            None => par_index::csv::write_ranking(&mut out, &ranking, &csv_options),
        }
        .map_err(|e| e.to_string())?,
        Format::ScorecardsCsv => {
            par_index::csv::write_scorecards(
                &mut out,
                &scorecards,
                &ranking_options.rounding,
                &csv_options,
            )
            .map_err(|e| e.to_string())?;
        }
        Format::AccountabilityCsv => {
            let report = accountability
                .as_ref()
                .ok_or("--format accountability-csv needs --assignments")?;
            par_index::csv::write_accountability(&mut out, report, &csv_options)
                .map_err(|e| e.to_string())?;
        }
        Format::Json => {
            let value = serde_json::json!({
                "ranking": ranking,
                "comparison": comparison,
                "accountability": accountability,
            });
            out = serde_json::to_vec_pretty(&value).map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        Format::Html => {
            let mut report = HtmlReport::new(&ranking).language(options.language);
            if let Some(comparison) = &comparison {
                report = report.comparison(comparison);
            }
            if let Some(heads) = &accountability {
                report = report.accountability(heads);
            }
            if let Some(title) = &options.title {
                report = report.title(title.clone());
            }
            out = report.render().map_err(|e| e.to_string())?.into_bytes();
        }
    }
    Ok(out)
}
