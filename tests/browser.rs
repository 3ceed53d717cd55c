//! The HTML report of the Hội An wards checked in a real browser: Chromium prints it to PDF
//! and poppler's `pdftotext` reads it back. Every ward, its index in each of the three
//! periods, every node's points on its scorecard page and the Vietnamese headings must be in
//! the PDF, on A4, and each ward's page must fit the A4 pages it declares.
//!
//! Skipped, with the reason printed, where `chromium` or `pdftotext` is not installed;
//! `.ci/run` installs both from Debian's packages.
#![cfg(feature = "html")]

#[path = "../examples/hoi_an.rs"]
#[allow(dead_code)]
mod hoi_an;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use par_index::language::Language;
use par_index::page::ScorecardPage;

/// Whether `program` can be started and answers `flag` (poppler's tools answer `-v`).
fn installed(program: &str, flag: &str) -> bool {
    Command::new(program).arg(flag).output().is_ok()
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("par-index-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Chromium, headless, prints `html` to `pdf` (A4, from the page's own stylesheet).
fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(status.status.success(), "chromium failed: {status:?}");
}

fn pdf_info(pdf: &Path) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text, page by page.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// `data-pages` of a unit's scorecard page in the HTML.
fn declared_pages(html: &str, unit: &str) -> usize {
    let marker = format!("data-unit=\"{unit}\" data-pages=\"");
    let start = html.find(&marker).unwrap() + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].parse().unwrap()
}

#[test]
fn the_wards_report_prints_on_a4_with_every_ward_figure_and_heading() {
    if !installed("chromium", "--version")
        || !installed("pdftotext", "-v")
        || !installed("pdfinfo", "-v")
    {
        eprintln!(
            "skipped: chromium and poppler-utils (pdftotext, pdfinfo) are needed; \
             `apt-get install chromium poppler-utils` installs them"
        );
        return;
    }
    let dir = scratch();
    let (html, rankings) = hoi_an::wards_report(Language::Vietnamese).unwrap();
    let html_path = dir.join("bao-cao.html");
    let pdf_path = dir.join("bao-cao.pdf");
    std::fs::write(&html_path, &html).unwrap();
    let started = Instant::now();
    print_to_pdf(&html_path, &pdf_path, &dir.join("profile"));
    let took = started.elapsed();
    assert!(took.as_secs() < 60, "rendering took {took:?}");

    let info = pdf_info(&pdf_path);
    assert!(info.contains("(A4)"), "{info}");
    let pages = pdf_pages(&pdf_path);
    let all = pages.join("\n");

    for heading in [
        "Bảng xếp hạng",
        "Chỉ số CCHC theo đơn vị",
        "Điểm theo lĩnh vực",
        "Trách nhiệm người đứng đầu",
        "Xu hướng qua các kỳ",
        "Phiếu chấm điểm",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Điểm thẩm định",
        "Điểm đạt",
        "Điểm bị mất",
        "Cơ quan chủ trì",
        "NGƯỜI LẬP BIỂU",
        "CHỦ TỊCH",
    ] {
        assert!(all.contains(heading), "no heading {heading:?} in the PDF");
    }

    // Every ward's index in every period, as the trend table prints it.
    let current = rankings.last().unwrap();
    for ranking in &rankings {
        for unit in ranking.units() {
            let index = Language::Vietnamese.number(unit.index.published());
            let shown = format!(
                "{index} ({}, {})",
                unit.rank.unwrap(),
                unit.grade.as_deref().unwrap()
            );
            assert!(
                all.contains(&shown),
                "{} {}: no {shown:?}",
                unit.unit,
                ranking.period().unwrap()
            );
        }
    }

    // Each ward's scorecard page: its own pages, within what it declares, holding every
    // node's points as published.
    let starts: Vec<(usize, &str)> = current
        .units()
        .iter()
        .map(|unit| {
            let title = format!("Phiếu chấm điểm — {} ({})", unit.unit_name, unit.unit);
            let page = pages
                .iter()
                .position(|p| p.contains(&title))
                .unwrap_or_else(|| panic!("no page for {}", unit.unit));
            (page, unit.unit.as_str())
        })
        .collect();
    for (i, (start, unit)) in starts.iter().enumerate() {
        let end = starts
            .iter()
            .map(|(page, _)| *page)
            .filter(|page| page > start)
            .min()
            .unwrap_or(pages.len());
        let span = if i + 1 == starts.len() {
            // The last page may carry the report's footer only.
            pages[*start..end]
                .iter()
                .take_while(|p| !p.trim_start().starts_with("Chấm điểm chính xác"))
                .count()
        } else {
            end - start
        };
        let declared = declared_pages(&html, unit);
        assert!(
            span >= 1 && span <= declared,
            "{unit}: {span} pages, declared {declared}"
        );

        let text = pages[*start..end].join("\n");
        let page = ScorecardPage::new(current, unit).unwrap();
        for row in page.rows() {
            if let Some(points) = &row.points {
                let shown = Language::Vietnamese.number(page.publish(points));
                assert!(text.contains(&shown), "{unit} {}: no {shown}", row.code);
            }
            assert!(
                text.contains(row.code.as_str()),
                "{unit}: no node {}",
                row.code
            );
        }
        let index = Language::Vietnamese.number(page.standing().index.published());
        assert!(text.contains(&index), "{unit}: no index {index}");
    }
    eprintln!(
        "chromium printed {} A4 pages in {took:?}; {} ward pages checked",
        pages.len(),
        starts.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
