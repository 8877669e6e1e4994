//! Tables fit the terminal they are drawn on: its width is asked of the terminal itself,
//! not only read from COLUMNS (rarely exported, so an 80-column window used to get
//! 150-column tables that wrapped into garbage). Below 100 columns each table command
//! takes a compact layout (low-value columns dropped, short progress bars, titles and
//! headings wrapped at words, figures and dates kept whole); at 200 the wide one.
//!
//! The pseudo-terminal tests (util-linux `script`, COLUMNS unset) are ignored without
//! it and run by tests/run-ignored.sh; the same layouts are checked and snapshotted
//! through COLUMNS, which every run has.

use std::path::Path;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::support::{self, Par};

const TODAY: &str = "2025-10-10";
const PAR: Par = Par::new().today(TODAY);

/// Every command that draws a table, as run on the seed plan (`rollup` on a folder of
/// three copies of it, given by `district`).
fn commands(district: &Path) -> Vec<(&'static str, Vec<String>)> {
    let seed = support::seed_path().display().to_string();
    let on_seed = |args: &[&str]| ["-f", seed.as_str()].iter().chain(args).map(|s| s.to_string()).collect();
    vec![
        ("status", on_seed(&["status"])),
        ("list", on_seed(&["list"])),
        ("index", on_seed(&["index"])),
        ("index_evidence", on_seed(&["index", "--evidence"])),
        ("check", on_seed(&["check"])),
        ("show", on_seed(&["show", "4"])),
        ("report_txt", on_seed(&["report", "--format", "txt"])),
        ("rollup", vec!["rollup".into(), district.display().to_string()]),
    ]
}

/// Three copies of the seed plan, each a school of its own, in one folder.
fn district() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 1..=3 {
        let plan = support::SEED.replacen(
            "unit = \"Trường Tiểu học Nguyễn Bỉnh Khiêm\"",
            &format!("unit = \"Trường Tiểu học số {i} Phường Bến Nghé\""),
            1,
        );
        assert_ne!(plan, support::SEED, "the seed names its unit");
        std::fs::write(dir.path().join(format!("t{i}.toml")), plan).unwrap();
    }
    dir
}

/// The widest line, in terminal columns (colour escapes take none).
fn widest(text: &str) -> usize {
    strip_escapes(text).lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

fn strip_escapes(text: &str) -> String {
    let mut plain = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for end in chars.by_ref() {
                if end.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

/// `par ARGS` with standard output piped and COLUMNS set.
fn with_columns(cols: u16, args: &[String]) -> String {
    let out = PAR.cmd().args(args).env("COLUMNS", cols.to_string()).output().unwrap();
    let code = out.status.code();
    // `check` exits 1 when it finds something; the seed has nothing to find.
    assert_eq!(code, Some(0), "par {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// What must survive any layout: ids, the first words of titles, the totals (the
/// totals as the JSON output gives them, so a change of counting elsewhere does not
/// break a test of layout).
fn key_content(name: &str, args: &[String]) -> Vec<String> {
    let json = |extra: &[&str]| -> Value {
        let mut full = args.to_vec();
        full.extend(extra.iter().map(|s| s.to_string()));
        let out = PAR.cmd().args(&full).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let percent = |v: &Value| format!("{:.1}%", v.as_f64().unwrap()).replace('.', ",");
    match name {
        "status" => {
            let v = json(&["--format", "json"]);
            let mut keys = vec![
                "Cộng".to_string(),
                format!(" {} ", v["total"]["total"]),
                percent(&v["percent_complete"]),
                "Báo cáo kỳ tới".into(),
            ];
            for item in v["overdue"].as_array().unwrap() {
                keys.push(item["key"].as_str().unwrap().to_string());
                keys.push(first_words(item["title"].as_str().unwrap()));
            }
            keys
        }
        "list" => {
            let v = json(&["--format", "json"]);
            let rows = v["items"].as_array().unwrap().clone();
            assert!(rows.len() >= 10, "{v}");
            rows.iter()
                .flat_map(|r| [r["key"].as_str().unwrap().to_string(), first_words(r["title"].as_str().unwrap())])
                .collect()
        }
        "index" => {
            let v = json(&["--format", "json"]);
            let total = format!("{}/{}", points(&v["total"]["forecast"]), points(&v["total"]["max"]));
            vec![total, "1.1".into(), "Kế hoạch".into(), "8.2".into(), "Mức độ".into()]
        }
        "index_evidence" => vec!["Tài liệu kiểm chứng".into()],
        "check" => vec!["5 rõ".into()],
        "show" => vec!["4@2025-Q2".into(), "4@2025-Q3".into(), "4@2025-Q4".into(), "Chấn chỉnh".into()],
        "report_txt" => vec!["BÁO CÁO".into(), "Tổng số việc".into(), "Triển khai".into()],
        "rollup" => {
            let v = json(&["--format", "json"]);
            let items = &v["total"]["items"];
            let done = items["done_on_time"].as_u64().unwrap() + items["done_late"].as_u64().unwrap();
            let with_deadline = items["total"].as_u64().unwrap() - items["ongoing"].as_u64().unwrap();
            vec![
                "Cộng".into(),
                format!("{done}/{with_deadline}"),
                percent(&v["total"]["percent_complete"]),
                "Trường Tiểu học".into(),
                "5@2025-Q3".into(),
                "82,16/100".into(),
            ]
        }
        other => panic!("no key content for {other}"),
    }
}

/// The first two words of a title: what a wrapped cell keeps on its first line.
fn first_words(title: &str) -> String {
    title.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

/// `8,13`, `100` as par prints points in Vietnamese.
fn points(v: &Value) -> String {
    let s = format!("{:.2}", v.as_f64().unwrap());
    s.trim_end_matches('0').trim_end_matches('.').replace('.', ",")
}

fn assert_fits(name: &str, cols: u16, shown: &str, keys: &[String]) {
    let w = widest(shown);
    assert!(w <= cols as usize, "par {name} drew {w} columns on a {cols}-column terminal:\n{shown}");
    let plain = strip_escapes(shown);
    for k in keys {
        assert!(plain.contains(k.as_str()), "par {name} at {cols} columns lost {k:?}:\n{plain}");
    }
}

/// What only the wide layout shows, and that it is used at 200 columns.
fn wide_only(name: &str) -> &'static [&'static str] {
    match name {
        "status" => &["Thường xuyên", "Chưa đến kỳ"],
        "list" => &["Lặp lại"],
        "index" => &["Năm trước", "Còn thiếu"],
        "rollup" => &["Số việc"],
        _ => &[],
    }
}

#[test]
fn every_table_command_fits_each_width_and_keeps_its_content() {
    let d = district();
    for (name, args) in commands(d.path()) {
        let keys = key_content(name, &args);
        for cols in [60, 80, 99, 100, 120, 160, 200] {
            // Below 80 a two-word title may wrap between its words: only the width is checked.
            let keys = if cols >= 80 { &keys[..] } else { &[] };
            assert_fits(name, cols, &with_columns(cols, &args), keys);
        }
    }
}

#[test]
fn below_100_columns_the_layout_is_compact_and_at_200_it_is_wide() {
    let d = district();
    for (name, args) in commands(d.path()) {
        if wide_only(name).is_empty() {
            continue;
        }
        let narrow = with_columns(80, &args);
        let broad = with_columns(200, &args);
        for wide in wide_only(name) {
            assert!(!narrow.contains(wide), "par {name} at 80 columns kept {wide:?}:\n{narrow}");
            assert!(broad.contains(wide), "par {name} at 200 columns lost {wide:?}:\n{broad}");
        }
        // Nothing is squeezed at 200: each row of the wide table stays on one line.
        assert!(widest(&broad) > 100, "par {name} drew only {} columns at 200:\n{broad}", widest(&broad));
    }
    // Progress bars: ten cells wide, five compact.
    let seed = support::seed_path().display().to_string();
    let status = |cols| with_columns(cols, &["-f".into(), seed.clone(), "status".into()]);
    let bar = |text: &str| {
        let line = text.lines().find(|l| l.contains("Cộng")).unwrap().to_string();
        line.chars().filter(|c| matches!(c, '█' | '░')).count()
    };
    assert_eq!(bar(&status(80)), 5);
    assert_eq!(bar(&status(200)), 10);
}

#[test]
fn figures_and_dates_are_never_split_at_80_columns() {
    let d = district();
    for (name, args) in commands(d.path()) {
        let shown = with_columns(80, &args);
        for line in shown.lines().filter(|l| l.starts_with('│')) {
            for cell in line.split(['│', '┆']).map(str::trim) {
                // A date cut would leave "31/12/202" on one line and "5" on the next.
                let b = cell.as_bytes();
                let cut_date = b.len() == 9
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| if i == 2 || i == 5 { *c == b'/' } else { c.is_ascii_digit() });
                assert!(!cut_date, "par {name}: a date split across lines: {line}\n{shown}");
            }
        }
    }
}

/// The text report follows a narrow terminal, but a file keeps the 100-column page.
#[test]
fn text_report_fits_the_terminal_and_a_file_keeps_its_page() {
    let seed = support::seed_path().display().to_string();
    let args: Vec<String> = ["-f", &seed, "report", "--format", "txt"].iter().map(|s| s.to_string()).collect();
    let shown = with_columns(80, &args);
    assert!(widest(&shown) <= 80, "{shown}");
    let piped = PAR.cmd().args(&args).output().unwrap();
    let page = String::from_utf8(piped.stdout).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bc.txt");
    let mut to_file = args.clone();
    to_file.extend(["-o".to_string(), file.display().to_string()]);
    let out = PAR.cmd().args(&to_file).env("COLUMNS", "80").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    // The page is 100 columns wide: some line uses more than 80, none more than 100.
    assert!((81..=100).contains(&widest(&written)), "{written}");
    assert_eq!(written, page, "a file is the page as piped output without a width gives it");
}

/// The 80-column layouts, byte for byte.
#[test]
fn layouts_at_80_columns() {
    let _names = support::snapshot_names();
    let d = district();
    for (name, args) in commands(d.path()) {
        // The rollup names its files by their temporary folder.
        let shown = with_columns(80, &args).replace(&d.path().display().to_string(), "[district]");
        insta::assert_snapshot!(format!("terminal__{name}_80"), shown);
    }
}

/// `par ARGS` on a pseudo-terminal `cols` wide (util-linux `script`, COLUMNS unset).
#[cfg(unix)]
fn on_terminal(cols: u16, args: &[String]) -> String {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.replace('\'', "'\\''"))).collect();
    let cmd = format!(
        "stty cols {cols} rows 60; unset COLUMNS; {} --today {TODAY} {}",
        support::par_bin().display(),
        quoted.join(" ")
    );
    let mut script = std::process::Command::new("script");
    Par::new().prepare(&mut script);
    let out = script.args(["-qec", &cmd, "/dev/null"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[cfg(unix)]
#[test]
#[ignore = "needs script (util-linux): a real terminal"]
fn every_table_command_fits_an_80_and_a_200_column_terminal() {
    let d = district();
    for (name, args) in commands(d.path()) {
        let keys = key_content(name, &args);
        let narrow = on_terminal(80, &args);
        assert_fits(name, 80, &narrow, &keys);
        let wide = on_terminal(200, &args);
        assert_fits(name, 200, &wide, &keys);
        for column in wide_only(name) {
            assert!(!strip_escapes(&narrow).contains(column), "par {name} at 80 columns:\n{narrow}");
            assert!(strip_escapes(&wide).contains(column), "par {name} at 200 columns:\n{wide}");
            // A wide terminal is used, not squeezed to 80: the tables' natural width shows.
            assert!(widest(&wide) > 100, "par {name} drew only {} columns at 200:\n{wide}", widest(&wide));
        }
        // The terminal's own width is what counts: the same layout as COLUMNS=80 gives.
        assert_eq!(strip_escapes(&narrow), strip_escapes(&with_columns_color(80, &args)), "par {name}");
    }
}

/// As [`with_columns`], with colour as a terminal gets it (escapes are stripped when compared).
#[cfg(unix)]
fn with_columns_color(cols: u16, args: &[String]) -> String {
    let mut full = args.to_vec();
    full.extend(["--color".to_string(), "always".to_string()]);
    with_columns(cols, &full)
}
