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
//! The sample data under `examples/data/` is illustrative (see the `hoi_an` example).
//! Arguments are parsed by `clap`. The table, the HTML report, the CSV headings with
//! `--csv-headers human`, the help and the command's own messages are in Vietnamese unless
//! `--lang en` is given. Two kinds of text stay in English: `clap`'s own usage errors (an
//! unknown option, a missing or unreadable value) and the library's error messages, a
//! catalogue for developers, which the command quotes after its own words
//! (`lỗi: wards.csv line 3, column "3.1": cannot read …`). Errors name the file and, where
//! there is one, the line;
//! the exit code is 1 for an input or output error and 2 for a usage error, so `main` returns
//! an [`ExitCode`] rather than a boxed error.
//!
//! A CSV file of assessments is scored while it is read ([`read_and_score`]), on as many
//! threads as the machine offers, and the command allocates with mimalloc (see
//! [`ALLOCATOR`]).
//!
//! The command never loses a file: it refuses an `--out` that is one of its inputs or is not
//! a regular file (a symbolic link, a folder, a device), writes to a temporary file in the
//! target's folder and renames it over the target only once everything is written, and exits
//! with 1 when it cannot write, standard output included. It reads only regular files of at
//! most [`MAX_INPUT_BYTES`], skips hidden files (`.DS_Store`, `._minh-an.json`) in an
//! assessments folder and says how many, and refuses options that do not apply to the inputs
//! given (`--period` without a CSV of assessments, `--title` without `--format html` …).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

/// The scoring threads allocate a scorecard each for thousands of units; glibc's allocator
/// grows each thread's arena by one system call for about every scorecard (21,553 calls
/// for 20,000 units), where mimalloc takes memory from the system in large pieces.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};
use par_index::csv::{AssessmentReader, FrameworkReader, Headers, WriteOptions};
use par_index::html::HtmlReport;
use par_index::{
    Assessment, Cohort, Framework, GradeScale, Period, Ranking, RankingOptions, Scorecard,
    ScoringOptions,
    accountability::{Accountability, AccountabilityReport, Assignments},
    builtin,
    comparison::Comparison,
    framework::FrameworkInfo,
    language::{Language, Term},
};

/// The largest input file read: 256 MiB, some forty times a province's largest cohort in
/// long form. A larger file, or one that is not a regular file (a device, a pipe), is refused
/// before it is read.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Score a cohort of units on a PAR index framework, rank it, and report.
///
/// Built-in frameworks: vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022,
/// vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative.
#[derive(Debug, Clone, PartialEq, Eq, Parser)]
#[command(name = "score")]
pub struct Options {
    /// A built-in framework id (such as vn-hoi-an-city-illustrative), a framework JSON file
    /// (.json) or a framework CSV file (.csv)
    #[arg(long, value_name = "F")]
    pub framework: String,
    /// A folder of assessment JSON files (one per unit), or a CSV file (wide or long form)
    #[arg(long, value_name = "A")]
    pub assessments: PathBuf,
    /// The previous period's assessments (folder or CSV), to show changes
    #[arg(long, value_name = "P")]
    pub previous: Option<PathBuf>,
    /// The period of CSV rows without a period column (e.g. 2021-H1)
    #[arg(long, value_name = "X")]
    pub period: Option<Period>,
    /// The same for --previous
    #[arg(long, value_name = "X")]
    pub previous_period: Option<Period>,
    /// Who answers for each domain: an assignments JSON file, or the inferred city-template
    /// or provincial-template; adds the heads' owned, achieved and lost points to the report
    #[arg(long, value_name = "A")]
    pub assignments: Option<String>,
    /// What to write
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write to FILE instead of standard output (a regular file, not one of the inputs)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// national (A >= 90, B >= 80, C >= 70), none, or a grade scale JSON file such as
    /// {"name": "...", "bands": [{"label": "Tốt", "min": "85"}]}
    #[arg(long, value_name = "G", default_value = "national", value_parser = parse_grades)]
    pub grades: Grades,
    /// The HTML report's title (--format html)
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// CSV with a UTF-8 byte-order mark and CRLF, for Excel (CSV formats)
    #[arg(long)]
    pub excel: bool,
    /// The CSV header row: machine (short names that scripts and the readers use) or human
    /// (headings for people, in the language of --lang) (CSV formats)
    #[arg(long, value_enum, value_name = "H", default_value = "machine")]
    pub csv_headers: CsvHeaders,
    /// The character that separates the cells of the CSV files read, such as ';' for a file
    /// saved by Excel in a Vietnamese locale
    #[arg(long, value_name = "C", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Score leaves without input as 0 (listed as missing) instead of refusing the assessment
    #[arg(long)]
    pub lenient: bool,
    /// vi (Vietnamese, default) or en: the language of the table and the HTML report
    #[arg(long = "lang", value_name = "L", default_value = "vi", value_parser = parse_language)]
    pub language: Language,
}

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
  --out FILE           ghi ra FILE thay vì màn hình (một tệp thường, không phải tệp đầu vào)
  --grades G           national (A >= 90, B >= 80, C >= 70; mặc định), none, hoặc tệp JSON
                       thang xếp loại
  --title T            tiêu đề báo cáo HTML
  --excel              CSV có BOM UTF-8 và CRLF, để mở bằng Excel
  --csv-headers H      dòng tiêu đề của CSV: machine (mặc định; tên cột ngắn cho máy và
                       chương trình đọc) hoặc human (tên cột cho người đọc, theo --lang)
  --delimiter C        ký tự phân cách ô của các tệp CSV đọc vào, như ';' cho tệp Excel lưu
                       theo định dạng tiếng Việt
  --lenient            tiêu chí thiếu số liệu được 0 điểm (liệt kê) thay vì bị từ chối
  --lang L             vi (tiếng Việt, mặc định) hoặc en (tiếng Anh)
  -h, --help           hướng dẫn này

Bộ chỉ số có sẵn: vn-par-province-2017, vn-par-province-2022, vn-par-ministry-2022,
vn-hai-phong-heads-2025, vn-hoi-an-city-illustrative.
";

/// The language asked for with `--lang`, for the help and the command's own messages
/// (Vietnamese unless `--lang en`), read before the arguments are parsed; an unreadable value
/// is reported by [`parse_args`].
pub fn requested_language<I, T>(args: I) -> Language
where
    I: IntoIterator<Item = T>,
    T: AsRef<std::ffi::OsStr>,
{
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
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

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse().map_err(|e: par_index::Error| e.to_string())
}

/// The header row of the CSV formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvHeaders {
    /// Short names for scripts and the readers (rank, unit, index …)
    Machine,
    /// Headings for people, in the language of --lang (Xếp hạng, Đơn vị, Chỉ số CCHC …)
    Human,
}

/// What to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A plain-text table
    Table,
    /// The ranking, or the comparison with --previous
    Csv,
    /// Published points of every node
    ScorecardsCsv,
    /// One row per head (needs --assignments)
    AccountabilityCsv,
    /// The ranking, comparison and heads' report
    Json,
    /// A self-contained HTML report
    Html,
}

impl Format {
    fn is_csv(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::ScorecardsCsv | Format::AccountabilityCsv
        )
    }
}

/// The grade scale asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grades {
    National,
    None,
    File(PathBuf),
}

fn parse_grades(text: &str) -> Result<Grades, String> {
    Ok(match text {
        "national" => Grades::National,
        "none" => Grades::None,
        path => Grades::File(PathBuf::from(path)),
    })
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text.as_bytes() {
        [byte] if byte.is_ascii_punctuation() && *byte != b'"' || *byte == b'\t' => Ok(*byte),
        _ => Err(format!(
            "give one punctuation character or a tab, such as ';', not {text:?}"
        )),
    }
}

/// Why the arguments were not taken, or the help asked for.
#[derive(Debug)]
pub enum Usage {
    /// clap's own: the help, or a usage error (an unknown option, a missing or invalid
    /// value), in English.
    Clap(clap::Error),
    /// An option that has no effect with the other arguments, said in the command's
    /// language.
    Inapplicable {
        /// Why.
        message: String,
        /// The language it is said in.
        language: Language,
    },
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Usage::Clap(error) => error.fmt(f),
            Usage::Inapplicable { message, language } => {
                writeln!(f, "{}: {message}", say(*language, "lỗi", "error"))
            }
        }
    }
}

impl Usage {
    /// Prints the help to standard output, or the error to standard error, and gives the exit
    /// code: 0 for the help, 2 for a usage error.
    pub fn report(&self) -> ExitCode {
        match self {
            Usage::Clap(error) => {
                let _ = error.print();
                match error.kind() {
                    clap::error::ErrorKind::DisplayHelp
                    | clap::error::ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                    _ => ExitCode::from(2),
                }
            }
            Usage::Inapplicable { .. } => {
                eprint!("{self}");
                ExitCode::from(2)
            }
        }
    }
}

/// The command's own sentence in `language`: `vi` in Vietnamese, `en` in English.
fn say(language: Language, vi: impl Into<String>, en: impl Into<String>) -> String {
    match language {
        Language::Vietnamese => vi.into(),
        _ => en.into(),
    }
}

/// Parses the arguments (the program's name first), then refuses options that do not apply
/// to the inputs given. The help and clap's usage errors come back as [`Usage::Clap`], to
/// print and exit with.
pub fn parse_args<I, T>(args: I) -> Result<Options, Usage>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let mut command = Options::command();
    if requested_language(&args) == Language::Vietnamese {
        command = command.override_help(HELP_VI);
    }
    let matches = command.try_get_matches_from(args).map_err(Usage::Clap)?;
    let options = Options::from_arg_matches(&matches).map_err(Usage::Clap)?;
    if let Some(message) = inapplicable(&options) {
        return Err(Usage::Inapplicable {
            message,
            language: options.language,
        });
    }
    Ok(options)
}

/// The first option given that has no effect with the other arguments, said why.
fn inapplicable(options: &Options) -> Option<String> {
    let lang = options.language;
    let is_csv = |path: &Path| has_extension(path, "csv");
    let previous_csv = options.previous.as_deref().is_some_and(is_csv);
    let reads_csv = is_csv(&options.assessments)
        || previous_csv
        || has_extension(Path::new(&options.framework), "csv");
    let for_csv = |option: &str| {
        say(
            lang,
            format!(
                "{option} chỉ dùng với các định dạng CSV (csv, scorecards-csv, accountability-csv)"
            ),
            format!("{option} is for the CSV formats (csv, scorecards-csv, accountability-csv)"),
        )
    };
    if options.period.is_some() && !is_csv(&options.assessments) {
        return Some(say(
            lang,
            "--period chỉ dùng cho tệp CSV kết quả đánh giá; tệp JSON đã ghi kỳ đánh giá",
            "--period is for a CSV file of assessments; JSON assessments carry their period",
        ));
    }
    if options.previous_period.is_some() && !previous_csv {
        return Some(say(
            lang,
            "--previous-period chỉ dùng cho tệp CSV cho bằng --previous",
            "--previous-period is for a CSV file given with --previous",
        ));
    }
    if options.title.is_some() && options.format != Format::Html {
        return Some(say(
            lang,
            "--title chỉ dùng với --format html",
            "--title is for --format html",
        ));
    }
    if options.excel && !options.format.is_csv() {
        return Some(for_csv("--excel"));
    }
    if options.csv_headers != CsvHeaders::Machine && !options.format.is_csv() {
        return Some(for_csv("--csv-headers"));
    }
    if options.delimiter.is_some() && !reads_csv {
        return Some(say(
            lang,
            "--delimiter chỉ dùng cho tệp CSV đầu vào, mà không có tệp nào",
            "--delimiter is for CSV inputs, and none is given",
        ));
    }
    if options.format == Format::AccountabilityCsv && options.assignments.is_none() {
        return Some(needs_assignments(lang));
    }
    None
}

fn needs_assignments(lang: Language) -> String {
    say(
        lang,
        "--format accountability-csv cần --assignments",
        "--format accountability-csv needs --assignments",
    )
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os()) {
        Ok(options) => options,
        Err(usage) => return usage.report(),
    };
    let lang = options.language;
    let result = check_out(&options)
        .and_then(|()| render_from(&options))
        .and_then(|(bytes, results)| {
            // The process ends once the output is written, and its memory goes back with it:
            // the results are not freed piece by piece first, which for 20,000 scorecards
            // takes tens of milliseconds.
            std::mem::forget(results);
            match &options.out {
                Some(path) => write_file(path, &bytes, lang),
                None => write_stdout(&bytes, lang),
            }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{}: {message}", say(lang, "lỗi", "error"));
            ExitCode::from(1)
        }
    }
}

/// Refuses an `--out` that is one of the inputs, or that exists and is not a regular file (a
/// symbolic link is not followed to replace its target; a folder or device is not replaced).
pub fn check_out(options: &Options) -> Result<(), String> {
    let Some(out) = &options.out else {
        return Ok(());
    };
    let lang = options.language;
    let shown = out.display();
    if let Ok(metadata) = fs::symlink_metadata(out) {
        if metadata.file_type().is_symlink() {
            return Err(say(
                lang,
                format!(
                    "--out {shown} là một liên kết tượng trưng; hãy cho đường dẫn của một tệp thường"
                ),
                format!("--out {shown} is a symbolic link; give the path of a regular file"),
            ));
        }
        if !metadata.is_file() {
            return Err(say(
                lang,
                format!(
                    "--out {shown} không phải tệp thường; hãy cho đường dẫn của một tệp thường"
                ),
                format!("--out {shown} is not a regular file; give the path of one"),
            ));
        }
    }
    let target = absolute(out);
    let mut inputs: Vec<PathBuf> = vec![PathBuf::from(&options.framework)];
    inputs.extend(options.assignments.iter().map(PathBuf::from));
    if let Grades::File(path) = &options.grades {
        inputs.push(path.clone());
    }
    for folder_or_file in std::iter::once(&options.assessments).chain(&options.previous) {
        inputs.push(folder_or_file.clone());
        // The files of a folder of assessments are inputs too.
        if let Ok(entries) = fs::read_dir(folder_or_file) {
            inputs.extend(entries.filter_map(|entry| entry.ok().map(|e| e.path())));
        }
    }
    if let Some(input) = inputs.iter().find(|input| absolute(input) == target) {
        let input = input.display();
        return Err(say(
            lang,
            format!("--out {shown} là một tệp đầu vào ({input}); hãy ghi ra tệp khác"),
            format!("--out {shown} is one of the inputs ({input}); write to another file"),
        ));
    }
    Ok(())
}

/// The path made absolute and, as far as it exists, with links resolved.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(resolved) = fs::canonicalize(path) {
        return resolved;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => absolute_dir(parent).join(name),
        _ => path.to_path_buf(),
    }
}

fn absolute_dir(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it over the target:
/// the target is replaced whole or not at all.
pub fn write_file(path: &Path, bytes: &[u8], lang: Language) -> Result<(), String> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let shown = path.display();
    let cannot = |e: &dyn std::fmt::Display| {
        say(
            lang,
            format!("không ghi được {shown}: {e}"),
            format!("cannot write {shown}: {e}"),
        )
    };
    let mut file = tempfile::Builder::new()
        .prefix(".score-")
        .tempfile_in(folder)
        .map_err(|e| cannot(&e))?;
    file.write_all(bytes).map_err(|e| cannot(&e))?;
    file.as_file().sync_all().map_err(|e| cannot(&e))?;
    file.persist(path).map_err(|e| cannot(&e.error))?;
    Ok(())
}

/// Writes to standard output, and fails when it cannot: a closed standard output is an error,
/// not a place where output silently goes.
pub fn write_stdout(bytes: &[u8], lang: Language) -> Result<(), String> {
    let cannot = |e: &dyn std::fmt::Display| {
        say(
            lang,
            format!("không ghi được ra đầu ra chuẩn: {e}"),
            format!("cannot write to standard output: {e}"),
        )
    };
    if stdout_was_closed() {
        return Err(cannot(&say(
            lang,
            "đầu ra chuẩn đã bị đóng",
            "it was closed",
        )));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).map_err(|e| cannot(&e))?;
    out.flush().map_err(|e| cannot(&e))
}

/// Whether the command was started with its standard output closed (`score … >&-`). The
/// runtime then opens `/dev/null` in its place, read and write, before `main` runs, so that
/// writing would silently succeed; a shell's `>/dev/null` opens it for writing only, which
/// tells the two apart. Linux only, where `/proc` shows a descriptor's file and mode.
fn stdout_was_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        let is_null = fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
        let read_write = fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        });
        is_null && read_write
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
}

/// An input file's bytes, after checking that it is a regular file of at most
/// [`MAX_INPUT_BYTES`] (a link is followed to what it names).
pub fn read_input(path: &Path, lang: Language) -> Result<Vec<u8>, String> {
    let cannot = |reason: &dyn std::fmt::Display| cannot_read(path, reason, lang);
    let metadata = fs::metadata(path).map_err(|e| cannot(&e))?;
    if !metadata.is_file() {
        return Err(cannot(&say(
            lang,
            "đây không phải tệp thường",
            "it is not a regular file",
        )));
    }
    let too_large = || {
        let mib = MAX_INPUT_BYTES / (1024 * 1024);
        cannot(&say(
            lang,
            format!("tệp lớn hơn {mib} MiB, mức tối đa của một tệp đầu vào"),
            format!("it is larger than {mib} MiB, the most an input may be"),
        ))
    };
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `cannot read PATH: REASON`, in `lang`.
fn cannot_read(path: &Path, reason: &dyn std::fmt::Display, lang: Language) -> String {
    let shown = path.display();
    say(
        lang,
        format!("không đọc được {shown}: {reason}"),
        format!("cannot read {shown}: {reason}"),
    )
}

fn read_text(path: &Path, lang: Language) -> Result<String, String> {
    String::from_utf8(read_input(path, lang)?).map_err(|_| {
        cannot_read(
            path,
            &say(lang, "tệp không phải văn bản UTF-8", "it is not UTF-8 text"),
            lang,
        )
    })
}

/// A built-in framework by id, or a framework file (JSON or CSV).
pub fn load_framework(
    source: &str,
    delimiter: Option<u8>,
    lang: Language,
) -> Result<Framework, String> {
    let path = Path::new(source);
    if has_extension(path, "json") {
        let text = read_text(path, lang)?;
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
        let bytes = read_input(path, lang)?;
        return FrameworkReader::new(info)
            .file_name(path.display().to_string())
            .delimiter(delimiter.unwrap_or(b','))
            .read(&bytes[..])
            .map_err(|e| e.to_string());
    }
    builtin::get(source).map_err(|e| {
        say(
            lang,
            format!("{e}; hoặc cho một tệp bộ chỉ số có đuôi .json hoặc .csv"),
            format!("{e}; or give a framework file ending in .json or .csv"),
        )
    })
}

/// Assessments from a folder of JSON files (one per unit, in file-name order, hidden files
/// skipped) or a CSV file, each with the file it came from.
pub fn load_assessments(
    path: &Path,
    framework: &Framework,
    period: Option<&Period>,
    delimiter: Option<u8>,
    lang: Language,
) -> Result<Vec<(String, Assessment)>, String> {
    let shown = path.display();
    if path.is_dir() {
        let cannot = |e: std::io::Error| {
            say(
                lang,
                format!("không đọc được thư mục {shown}: {e}"),
                format!("cannot read folder {shown}: {e}"),
            )
        };
        let mut files: Vec<PathBuf> = fs::read_dir(path)
            .map_err(cannot)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(cannot)?;
        files.sort();
        let hidden = |file: &Path| {
            file.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        };
        let skipped = files.iter().filter(|file| hidden(file)).count();
        if skipped > 0 {
            eprintln!(
                "{}",
                say(
                    lang,
                    format!("ghi chú: bỏ qua {skipped} tệp ẩn trong {shown}"),
                    format!(
                        "note: skipped {skipped} hidden file{} in {shown}",
                        if skipped == 1 { "" } else { "s" }
                    ),
                )
            );
        }
        let mut assessments = Vec::new();
        for file in files.iter().filter(|file| !hidden(file)) {
            if !has_extension(file, "json") {
                let file = file.display();
                eprintln!(
                    "{}",
                    say(
                        lang,
                        format!("ghi chú: bỏ qua {file} (không phải tệp .json)"),
                        format!("note: skipped {file} (not a .json file)"),
                    )
                );
                continue;
            }
            let text = read_text(file, lang)?;
            let assessment: Assessment =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            assessments.push((file.display().to_string(), assessment));
        }
        if assessments.is_empty() {
            return Err(say(
                lang,
                format!("thư mục {shown} không có tệp .json kết quả đánh giá nào"),
                format!("folder {shown} holds no assessment .json file"),
            ));
        }
        return Ok(assessments);
    }
    if has_extension(path, "csv") {
        let name = path.display().to_string();
        let bytes = read_input(path, lang)?;
        let assessments = csv_reader(path, framework, period, delimiter)
            .read(&bytes[..])
            .map_err(|e| csv_message(e, lang))?;
        return Ok(assessments.into_iter().map(|a| (name.clone(), a)).collect());
    }
    if !path.exists() {
        return Err(cannot_read(
            path,
            &say(
                lang,
                "không có tệp hay thư mục này",
                "no such file or folder",
            ),
            lang,
        ));
    }
    Err(say(
        lang,
        format!("{shown}: hãy cho một thư mục tệp .json kết quả đánh giá hoặc một tệp .csv"),
        format!("{shown}: give a folder of .json assessments or a .csv file"),
    ))
}

/// The reader of a CSV file of assessments.
fn csv_reader<'f>(
    path: &Path,
    framework: &'f Framework,
    period: Option<&Period>,
    delimiter: Option<u8>,
) -> AssessmentReader<'f> {
    let reader = AssessmentReader::new(framework)
        .file_name(path.display().to_string())
        .delimiter(delimiter.unwrap_or(b','));
    match period {
        Some(period) => reader.period(period.clone()),
        None => reader,
    }
}

/// A CSV reading error as the command says it.
fn csv_message(error: par_index::Error, lang: Language) -> String {
    match error.kind() {
        par_index::ErrorKind::MissingColumn { column, .. } if column == "period" => say(
            lang,
            format!(
                "{error}; hãy thêm cột này hoặc cho kỳ đánh giá bằng --period (hoặc --previous-period)"
            ),
            format!("{error}; add one or give the period with --period (or --previous-period)"),
        ),
        other => other.to_string(),
    }
}

/// Scores one assessment; an error names the file it came from and the unit.
fn score_one(
    framework: &Framework,
    source: &str,
    assessment: &Assessment,
    scoring: &ScoringOptions,
    lang: Language,
) -> Result<Scorecard, String> {
    framework
        .score_with(assessment, scoring)
        .map_err(|e| match e.unit() {
            Some(_) => format!("{source}: {e}"),
            None => format!(
                "{source}: {} {}: {e}",
                say(lang, "đơn vị", "unit"),
                assessment.unit
            ),
        })
}

/// The assessments of a folder of JSON files or a CSV file, scored and checked as a cohort.
/// A CSV file is scored as it is read ([`read_and_score`]).
pub fn load_cohort(
    path: &Path,
    framework: &Framework,
    period: Option<&Period>,
    delimiter: Option<u8>,
    scoring: &ScoringOptions,
    lang: Language,
) -> Result<Cohort, String> {
    if has_extension(path, "csv") && !path.is_dir() {
        return read_and_score(path, framework, period, delimiter, scoring, lang);
    }
    let assessments = load_assessments(path, framework, period, delimiter, lang)?;
    score_all(framework, &assessments, scoring, lang)
}

/// How many assessments a scoring thread takes at a time: enough that handing them over
/// costs nothing beside scoring them, few enough that the last batch, scored after the
/// file is read, is short.
const BATCH: usize = 64;

/// Reads a CSV file of assessments and scores each batch as soon as it is read, so that
/// reading (on this thread) and scoring (on as many threads as the machine offers) overlap
/// and only a few batches of assessments are held at a time.
///
/// The outcome is that of reading the whole file and then scoring every assessment in order:
/// the scorecards keep the file's order; a reading error is reported wherever it is, and
/// otherwise the first assessment, in the file's order, that does not score.
pub fn read_and_score(
    path: &Path,
    framework: &Framework,
    period: Option<&Period>,
    delimiter: Option<u8>,
    scoring: &ScoringOptions,
    lang: Language,
) -> Result<Cohort, String> {
    let source = path.display().to_string();
    let bytes = read_input(path, lang)?;
    let reader = csv_reader(path, framework, period, delimiter);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // Batches go to the scoring threads in turn, each through a short queue of its own, and
    // come back numbered, with their scorecards or their first error.
    let (scored, results) = mpsc::channel::<(usize, Result<Vec<Scorecard>, String>)>();
    let read = std::thread::scope(|scope| {
        let (queues, workers): (Vec<_>, Vec<_>) = (0..threads)
            .map(|_| {
                let (to_score, queue) = mpsc::sync_channel::<(usize, Vec<Assessment>)>(2);
                let (scored, source) = (scored.clone(), source.as_str());
                let worker = scope.spawn(move || {
                    for (number, batch) in queue {
                        let cards = batch
                            .iter()
                            .map(|a| score_one(framework, source, a, scoring, lang))
                            .collect();
                        if scored.send((number, cards)).is_err() {
                            break;
                        }
                    }
                });
                (to_score, worker)
            })
            .collect();
        let mut batch = Vec::with_capacity(BATCH);
        let mut sent = 0;
        let mut send = |batch: Vec<Assessment>| {
            // A send fails only when its scoring thread has stopped, which its join below
            // reports.
            if let Some(queue) = queues.get(sent % threads) {
                let _ = queue.send((sent, batch));
            }
            sent += 1;
        };
        let read = reader.read_each(&bytes[..], |assessment| {
            batch.push(assessment);
            if batch.len() == BATCH {
                send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
            }
        });
        if !batch.is_empty() {
            send(batch);
        }
        drop(queues);
        for worker in workers {
            worker.join().map_err(|_| {
                say(
                    lang,
                    "một luồng chấm điểm dừng bất thường",
                    "a scoring thread stopped unexpectedly",
                )
            })?;
        }
        Ok::<_, String>(read)
    })?;
    read.map_err(|e| csv_message(e, lang))?;
    drop(scored);
    let mut batches: Vec<_> = results.into_iter().collect();
    batches.sort_unstable_by_key(|(number, _)| *number);
    let mut scorecards = Vec::new();
    for (_, cards) in batches {
        scorecards.extend(cards?);
    }
    Cohort::new(framework, scorecards).map_err(|e| e.to_string())
}

/// Scores every assessment, on as many threads as the machine offers; an error names the
/// file it came from and the unit.
pub fn score_all(
    framework: &Framework,
    assessments: &[(String, Assessment)],
    scoring: &ScoringOptions,
    lang: Language,
) -> Result<Cohort, String> {
    let score = |(source, assessment): &(String, Assessment)| {
        score_one(framework, source, assessment, scoring, lang)
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = assessments.len().div_ceil(threads).max(1);
    let scorecards = std::thread::scope(|scope| {
        let workers: Vec<_> = assessments
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(score).collect::<Result<Vec<_>, _>>()))
            .collect();
        let mut all = Vec::with_capacity(assessments.len());
        for worker in workers {
            let part = worker.join().map_err(|_| {
                say(
                    lang,
                    "một luồng chấm điểm dừng bất thường",
                    "a scoring thread stopped unexpectedly",
                )
            })??;
            all.extend(part);
        }
        Ok::<_, String>(all)
    })?;
    Cohort::new(framework, scorecards).map_err(|e| e.to_string())
}

/// Assignments from a JSON file, or one of the two inferred templates by name.
pub fn load_assignments(source: &str, lang: Language) -> Result<Assignments, String> {
    match source {
        "city-template" => Ok(Assignments::city_template()),
        "provincial-template" => Ok(Assignments::provincial_template()),
        path => {
            let path = Path::new(path);
            if !has_extension(path, "json") {
                let given = path.display().to_string();
                return Err(say(
                    lang,
                    format!(
                        "--assignments nhận một tệp .json, city-template hoặc provincial-template, không phải {given:?}"
                    ),
                    format!(
                        "--assignments takes a .json file, city-template or provincial-template, not {given:?}"
                    ),
                ));
            }
            let text = read_text(path, lang)?;
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
    lang: Language,
) -> Result<AccountabilityReport, String> {
    let accountability = Accountability::new(framework, load_assignments(source, lang)?)
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

fn ranking_options(grades: &Grades, lang: Language) -> Result<RankingOptions, String> {
    Ok(match grades {
        Grades::National => RankingOptions::national(),
        Grades::None => RankingOptions::default(),
        Grades::File(path) => {
            let text = read_text(path, lang)?;
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
    render_from(options).map(|(out, _)| out)
}

/// What the command's output is made from: the scored cohorts, their rankings and what was
/// worked out from them.
pub struct Results {
    _current: (Cohort, Ranking),
    _previous: Option<(Cohort, Ranking, Comparison)>,
    _accountability: Option<AccountabilityReport>,
}

/// [`render`], with the results the output was made from.
pub fn render_from(options: &Options) -> Result<(Vec<u8>, Results), String> {
    let lang = options.language;
    let framework = load_framework(&options.framework, options.delimiter, options.language)?;
    let ranking_options = ranking_options(&options.grades, options.language)?;
    let scoring = if options.lenient {
        ScoringOptions::lenient()
    } else {
        ScoringOptions::strict()
    };
    let scorecards = load_cohort(
        &options.assessments,
        &framework,
        options.period.as_ref(),
        options.delimiter,
        &scoring,
        lang,
    )?;
    let ranking = rank(&scorecards, &ranking_options)?;
    let previous_scorecards = match &options.previous {
        Some(path) => Some(load_cohort(
            path,
            &framework,
            options.previous_period.as_ref(),
            options.delimiter,
            &scoring,
            lang,
        )?),
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
                lang,
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
    }
    .with_headers(match options.csv_headers {
        CsvHeaders::Machine => Headers::Machine,
        CsvHeaders::Human => Headers::Human(lang),
    });
    let mut out = Vec::new();
    match options.format {
        Format::Table => {
            let title = framework.info().title_in(lang);
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
                text.push_str(&format!(
                    "\n{} {}: {} {}, {} {}, {} {}, {} {}\n",
                    s.count,
                    say(lang, "đơn vị", "units"),
                    Term::Mean.text(lang),
                    n(s.mean),
                    Term::Median.text(lang),
                    n(s.median),
                    Term::Lowest.text(lang),
                    n(s.min),
                    Term::Highest.text(lang),
                    n(s.max)
                ));
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
                .ok_or_else(|| needs_assignments(lang))?;
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
    let previous = match (previous_scorecards, previous, comparison) {
        (Some(cohort), Some(ranking), Some(comparison)) => Some((cohort, ranking, comparison)),
        _ => None,
    };
    let results = Results {
        _current: (scorecards, ranking),
        _previous: previous,
        _accountability: accountability,
    };
    Ok((out, results))
}
