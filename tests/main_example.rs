//! The main example as a reader sees it: every line in Vietnamese by default, in English
//! with `--lang en`. Runs the example's binary, which `cargo test` builds beside this test.

use std::path::PathBuf;
use std::process::Command;

fn example() -> PathBuf {
    let mut path = std::env::current_exe().unwrap();
    path.pop();
    if path.ends_with("deps") {
        path.pop();
    }
    path.join("examples")
        .join(format!("hoi_an{}", std::env::consts::EXE_SUFFIX))
}

/// What the example prints with `args`, its HTML report (with the `html` feature) written
/// to a temporary folder.
fn run(args: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("par-index-main-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join(format!("bao-cao-{}.html", args.join("-")));
    let output = Command::new(example())
        .args(args)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = std::fs::remove_file(&html);
    String::from_utf8(output.stdout).unwrap()
}

#[track_caller]
fn has_line(text: &str, expected: &str) {
    assert!(
        text.lines().any(|l| l == expected),
        "no line {expected:?} in\n{text}"
    );
}

fn line<'a>(text: &'a str, starting: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(starting))
        .unwrap_or_else(|| panic!("no line starting {starting:?} in\n{text}"))
}

#[test]
fn the_main_example_speaks_vietnamese_by_default() {
    let text = run(&[]);
    assert_eq!(
        text.lines().next(),
        Some(
            "Chỉ số CCHC các phòng, ban và xã, phường thành phố Hội An (minh họa) (vn-hoi-an-city-illustrative)"
        )
    );
    assert_eq!(
        line(&text, "Cơ quan chủ trì theo lĩnh vực"),
        "Cơ quan chủ trì theo lĩnh vực của Chỉ số CCHC cấp thành phố, ví dụ Hội An (mẫu) (suy luận) — bộ chỉ số vn-hoi-an-city-illustrative, 13 đơn vị, kỳ đánh giá 2021-H1"
    );
    assert_eq!(
        line(&text, "Nếu tiêu chí 3.1"),
        "Nếu tiêu chí 3.1 đạt 90% đúng hạn thay vì 64,04%: Trung tâm Hành chính công: chỉ số CCHC 81,69 → 83,69, xếp hạng 6 → 5, xếp loại Khá → Khá"
    );
    // The late-dossier ledger, its total row included.
    assert_eq!(
        line(&text, "Cơ quan    "),
        "Cơ quan    Đã giải quyết  Trễ hạn  Thư xin lỗi  Tỷ lệ xin lỗi"
    );
    has_line(
        &text,
        "Tổng cộng         12.025    3.442        2.886         83,85%",
    );
    assert_eq!(
        line(&text, "Không có số liệu hồ sơ"),
        "Không có số liệu hồ sơ: PNV, VP"
    );
    assert_eq!(
        line(&text, "Giải pháp khắc phục"),
        "Giải pháp khắc phục — Xã Tân Hiệp (65,84, Trung bình): 9,16 điểm nữa để lên loại trên"
    );
    // No English word of the reports is left (the framework's id, and the command line or
    // the file of the HTML report, are identifiers, not words).
    let folder = std::env::temp_dir().display().to_string();
    let words: String = text
        .lines()
        .filter(|l| !l.contains("cargo run") && !l.contains(&folder))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("vn-hoi-an-city-illustrative", "");
    for english in [
        "total",
        "Total",
        "index",
        "Index",
        "rank ",
        "Rank",
        "grade",
        "Grade",
        "What if",
        "Lead agencies",
        "template",
        "inferred",
        "illustrative",
        "Unit",
        "Agency",
        "Resolved",
        "Late",
        "Apolog",
        "points",
        "Head",
        "lost",
        "Domain",
    ] {
        assert!(!words.contains(english), "{english:?} in\n{words}");
    }
}

#[test]
fn the_main_example_speaks_english_when_asked() {
    let text = run(&["--lang", "en"]);
    assert_eq!(
        text.lines().next(),
        Some(
            "Hội An city PAR index for offices and wards (illustrative) (vn-hoi-an-city-illustrative)"
        )
    );
    assert_eq!(
        line(&text, "What if"),
        "What if leaf 3.1 had been 90% on time, not 64.04%? Trung tâm Hành chính công: index 81.69 → 83.69, rank 6 → 5, grade Khá → Khá"
    );
    has_line(&text, "Total     12,025  3,442      2,886        83.85%");
    assert_eq!(
        line(&text, "Lead agencies"),
        "Lead agencies per domain of a city PAR index, e.g. Hội An (template) (inferred) — framework vn-hoi-an-city-illustrative, 13 units, period 2021-H1"
    );
}

#[test]
fn the_main_example_explains_a_bad_argument_in_the_language_asked_for() {
    let output = Command::new(example()).arg("--x").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "lỗi: tham số không hợp lệ \"--x\"; dùng --lang vi|en, --html TỆP\n"
    );
    let output = Command::new(example())
        .args(["--lang", "en", "--x"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: unknown argument \"--x\"; use --lang vi|en, --html FILE\n"
    );
}
