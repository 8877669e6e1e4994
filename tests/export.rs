//! `par export`: every format read back with an independent reader, on the seed
//! plan and on a plan full of hostile text.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::support::{self, Par};

const TODAY: &str = "2025-10-05";

const PAR: Par = Par::new().today(TODAY);

/// Text a spreadsheet would run, markup, terminal escapes and iCalendar specials.
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"bấm\")";

fn hostile(dir: &Path) -> PathBuf {
    let text = r#"[plan]
unit = "Trường <b>Thử</b>, số 1; \"A\""
title = "+cmd|' /C calc'!A0"
year = 2025

[[owner]]
id = "ht"
name = "@SUM(1+1)"

[[section]]
id = "II"
title = "-2+3"

[[task]]
id = "1"
section = "II"
title = "=HYPERLINK(\"http://evil.example\",\"bấm\")"
detail = "Dòng 1\nDòng 2, có dấu phẩy; và chấm phẩy \\ gạch ngược"
owner = "ht"
due = 2025-06-30
result = "\tTab đầu dòng"

[[task.log]]
date = 2025-06-01
text = "-Báo cáo \u001B[31mđỏ\u001B[0m <script>alert(1)</script>"
evidence = ["+Biên bản"]

[[task]]
id = "2"
section = "II"
title = "Báo cáo quý"
repeat = "quarterly"
due_day = 20

[[task.done]]
period = "2025-Q1"
date = 2025-03-18
evidence = ["Báo cáo quý I"]
"#;
    let p = dir.join("plan.toml");
    std::fs::write(&p, text).unwrap();
    p
}

fn excel_serial(date: &str) -> f64 {
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    (date - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

// ---------------------------------------------------------------- CSV

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark so Excel reads Vietnamese");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
    r.records().map(Result::unwrap).collect()
}

#[test]
fn csv_of_the_seed_plan() {
    let out = PAR.cmd_on(&support::seed_path()).args(["export", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = csv_rows(&out.stdout);
    assert_eq!(&rows[0][0], "Mã");
    assert_eq!(&rows[0][8], "Hạn");
    assert_eq!(rows.len(), 11, "header and the ten tasks");
    let t4 = rows.iter().find(|r| &r[0] == "4").unwrap();
    assert_eq!(&t4[6], "hằng quý");
    assert_eq!(&t4[11], "Quá hạn, chưa hoàn thành");
    let t2 = rows.iter().find(|r| &r[0] == "III.2").unwrap();
    assert_eq!(&t2[8], "2025-05-30", "dates as ISO, which every spreadsheet reads");
    assert!(t2[2].starts_with("Xây dựng Kế hoạch khắc phục"));

    let out = PAR
        .cmd_on(&support::seed_path())
        .args(["export", "--format", "csv", "--sheet", "occurrences", "--lang", "en"])
        .output()
        .unwrap();
    let rows = csv_rows(&out.stdout);
    assert_eq!(&rows[0][0], "Key");
    let q3 = rows.iter().find(|r| &r[0] == "4@2025-Q3").unwrap();
    assert_eq!(&q3[2], "Q3 2025");
    // Marked done on 6 October: not yet on the 5th.
    assert_eq!(&q3[7], "Overdue");
    assert_eq!(&q3[8], "");
    assert_eq!(&q3[9], "5");
    let q2 = rows.iter().find(|r| &r[0] == "4@2025-Q2").unwrap();
    assert_eq!((&q2[7], &q2[8], &q2[9]), ("Done on time", "2025-06-27", "0"));
}

#[test]
fn csv_neutralises_formulas_and_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile(dir.path());
    let out = PAR.cmd_on(&plan).args(["export", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = csv_rows(&out.stdout);
    let t1 = &rows[1];
    assert_eq!(&t1[2], &format!("'{FORMULA}"));
    assert_eq!(&t1[3], "Dòng 1\nDòng 2, có dấu phẩy; và chấm phẩy \\ gạch ngược", "quoting keeps commas and lines");
    assert_eq!(&t1[4], "'@SUM(1+1)");
    assert_eq!(&t1[10], "'\tTab đầu dòng");
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula: {cell:?}");
        }
    }
    let out = PAR.cmd_on(&plan).args(["export", "--format", "csv", "--sheet", "progress"]).output().unwrap();
    let rows = csv_rows(&out.stdout);
    assert!(rows[1][4].starts_with("'-Báo cáo \\u{1b}[31mđỏ"), "{:?}", &rows[1][4]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
    assert_eq!(&rows[1][5], "'+Biên bản");
}

// ---------------------------------------------------------------- XLSX

fn xlsx_bytes(plan: &Path, dir: &Path, extra: &[&str]) -> Vec<u8> {
    let file = dir.join("ke-hoach.xlsx");
    let out = PAR.cmd_on(plan).args(["export", "-o"]).arg(&file).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    std::fs::read(file).unwrap()
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn xlsx_of_the_seed_plan() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = xlsx_bytes(&support::seed_path(), dir.path(), &[]);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(wb.sheet_names(), ["Nhiệm vụ", "Các kỳ", "Nhật ký tiến độ"]);

    let tasks = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(tasks.height(), 11);
    assert_eq!(tasks.get((0, 2)), Some(&Data::String("Nội dung".into())));
    let row = (1..tasks.height()).find(|&r| tasks.get((r, 0)) == Some(&Data::String("III.2".into()))).unwrap();
    // A real date (a serial number with a date format), not text.
    match tasks.get((row, 8)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), excel_serial("2025-05-30")),
        other => panic!("due date is not a date: {other:?}"),
    }

    let occ = wb.worksheet_range("Các kỳ").unwrap();
    let q3 = (1..occ.height()).find(|&r| occ.get((r, 0)) == Some(&Data::String("4@2025-Q3".into()))).unwrap();
    assert_eq!(occ.get((q3, 2)), Some(&Data::String("quý III năm 2025".into())));
    assert_eq!(occ.get((q3, 9)), Some(&Data::Float(5.0)));
    let progress = wb.worksheet_range("Nhật ký tiến độ").unwrap();
    assert_eq!(progress.height(), 6, "header and the five progress entries");

    // Header row frozen, filters on, on every sheet.
    for (i, cols) in [(1, "N"), (2, "L"), (3, "G")] {
        let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""), "sheet {i} not frozen");
        assert!(xml.contains(&format!("<autoFilter ref=\"A1:{cols}")), "sheet {i} has no filter");
    }
    // Same file, same today: the same bytes (the second run replaces the first, as --force asks).
    assert_eq!(bytes, xlsx_bytes(&support::seed_path(), dir.path(), &["--force"]));
}

#[test]
fn xlsx_never_holds_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile(dir.path());
    let bytes = xlsx_bytes(&plan, dir.path(), &["--lang", "en"]);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    for sheet in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&sheet).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "formula in {sheet}");
    }
    let tasks = wb.worksheet_range("Tasks").unwrap();
    // The text is kept exactly, as a string cell...
    assert_eq!(tasks.get((1, 2)), Some(&Data::String(FORMULA.into())));
    assert_eq!(tasks.get((1, 4)), Some(&Data::String("@SUM(1+1)".into())));
    assert_eq!(tasks.get((1, 10)), Some(&Data::String("\tTab đầu dòng".into())));
    // ...and marked with Excel's quote prefix, so editing the cell keeps it text.
    let styles = zip_entry(&bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""));
    let sheet = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula elements");
    // Terminal escapes are made visible, never written raw.
    let progress = wb.worksheet_range("Progress").unwrap();
    match progress.get((1, 4)) {
        Some(Data::String(s)) => assert!(s.starts_with("-Báo cáo \\u{1b}[31mđỏ") && !s.contains('\u{1b}')),
        other => panic!("{other:?}"),
    }
}

#[test]
fn xlsx_to_a_pipe_and_format_from_the_extension() {
    // Piped (as here), the bytes go to standard output…
    let out = PAR.cmd_on(&support::seed_path()).args(["export", "--format", "xlsx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"), "a zip archive");
    // …and the format comes from -o's extension; an unknown one is a usage error.
    let dir = tempfile::tempdir().unwrap();
    let out = PAR
        .cmd_on(&support::seed_path())
        .args(["--lang", "en", "export", "-o"])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format csv, xlsx, ics or json"));
    let out =
        PAR.cmd_on(&support::seed_path()).args(["export", "--format", "ics", "--sheet", "tasks"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// On a real terminal (a pseudo-terminal made by util-linux `script`), xlsx
/// without -o is refused and nothing binary reaches the screen.
#[cfg(unix)]
#[test]
#[ignore = "needs script (util-linux): a real terminal"]
fn xlsx_to_a_terminal_is_refused() {
    let bin = support::par_bin();
    let cmd = format!("{} --today {TODAY} -f {} export --format xlsx", bin.display(), support::seed_path().display());
    let mut script = std::process::Command::new("script");
    Par::new().prepare(&mut script);
    let out = script.args(["-qec", &cmd, "/dev/null"]).output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("xlsx is a binary format and standard output is a terminal"), "{shown}");
    assert!(!shown.contains("PK\u{3}\u{4}"));
}

// ---------------------------------------------------------------- ICS

/// A small RFC 5545 reader: checks line ends and lengths, unfolds, and splits
/// each line into name, parameters and value.
fn parse_ics(text: &str) -> Vec<Vec<(String, String, String)>> {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "bare line break");
    }
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String, String)>> = None;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (head, value) = line.split_once(':').unwrap_or_else(|| panic!("no colon: {line}"));
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().unwrap()),
            _ => {
                if let Some(ev) = current.as_mut() {
                    ev.push((name.to_string(), params.to_string(), value.to_string()));
                }
            }
        }
    }
    events
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => panic!("dangling backslash"),
            }
        } else {
            assert!(c != ';' && c != ',', "unescaped {c:?} in a TEXT value: {value}");
            out.push(c);
        }
    }
    out
}

fn prop<'a>(ev: &'a [(String, String, String)], name: &str) -> &'a (String, String, String) {
    ev.iter().find(|p| p.0 == name).unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn ics_of_the_seed_plan() {
    let out = PAR.cmd_on(&support::seed_path()).args(["export", "--format", "ics", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let events = parse_ics(&text);
    // One per deadline: 3 one-off tasks with a due date and 3 quarterly tasks × 3
    // quarters (Q2–Q4); ongoing duties have no deadline and no event.
    assert_eq!(events.len(), 12);
    let uids: std::collections::HashSet<&str> = events.iter().map(|e| prop(e, "UID").2.as_str()).collect();
    assert_eq!(uids.len(), 12, "UIDs are unique");
    for ev in &events {
        assert_eq!(prop(ev, "DTSTAMP").2, "20251005T000000Z", "DTSTAMP from --today");
        assert_eq!(prop(ev, "DTSTART").1, "VALUE=DATE");
    }
    let q3 = events.iter().find(|e| prop(e, "SUMMARY").2.contains("[III.1@2025-Q3]")).unwrap();
    assert_eq!(prop(q3, "DTSTART").2, "20250920");
    assert_eq!(prop(q3, "DTEND").2, "20250921");
    assert!(unescape(&prop(q3, "SUMMARY").2).starts_with("✓ [III.1@2025-Q3] Báo cáo Ủy ban nhân dân Quận"));
    let desc = unescape(&prop(q3, "DESCRIPTION").2);
    assert!(desc.contains("Period: quý III năm 2025") || desc.contains("Period: Q3 2025"), "{desc}");
    assert!(desc.contains("Status on 05/10/2025: Done on time"), "{desc}");
    // Stable: the same UIDs on another day.
    let later = PAR
        .cmd_on(&support::seed_path())
        .args(["export", "--format", "ics", "--today", "2025-12-31"])
        .output()
        .unwrap();
    let later = parse_ics(&String::from_utf8(later.stdout).unwrap());
    let later_uids: std::collections::HashSet<&str> = later.iter().map(|e| prop(e, "UID").2.as_str()).collect();
    assert_eq!(uids, later_uids);
}

#[test]
fn ics_escapes_hostile_text() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile(dir.path());
    let out = PAR.cmd_on(&plan).args(["export", "--format", "ics"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    let events = parse_ics(&text);
    assert_eq!(events.len(), 5, "task 1 and the four quarters of task 2");
    let t1 = &events[0];
    assert_eq!(unescape(&prop(t1, "SUMMARY").2), format!("[1] {FORMULA}"));
    let desc = unescape(&prop(t1, "DESCRIPTION").2);
    assert!(desc.contains("Đơn vị: Trường <b>Thử</b>, số 1; \"A\""), "{desc}");
    let cal_name = text.replace("\r\n ", "");
    assert!(cal_name.contains("X-WR-CALNAME:Trường <b>Thử</b>\\, số 1\\; \"A\" — hạn nhiệm vụ"));
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_export_holds_all_three_tables() {
    let out = PAR.cmd_on(&support::seed_path()).args(["export", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "export");
    assert_eq!(v["tasks"].as_array().unwrap().len(), 10);
    assert_eq!(v["progress"].as_array().unwrap().len(), 5);
    let occ = v["occurrences"].as_array().unwrap();
    assert!(occ.iter().any(|o| o["key"] == "4@2025-Q3" && o["status"] == "overdue" && o["days_late"] == 5));
    assert!(occ.iter().any(|o| o["key"] == "5@2025-Q2" && o["status"] == "done_on_time"));
    // Written to a file with -o, nothing on stdout.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json");
    let out = PAR.cmd_on(&support::seed_path()).args(["export", "-o"]).arg(&file).output().unwrap();
    assert!(out.stdout.is_empty());
    let w: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    assert_eq!(v, w);
}

/// A plan saved on Windows keeps CRLF inside multi-line strings: exports show
/// plain line breaks, not an escaped carriage return.
#[test]
fn windows_line_ends_stay_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let text = "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[section]]\nid = \"II\"\ntitle = \"S\"\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\ndetail = \"\"\"\nDòng 1\nDòng 2\"\"\"\ndue = 2025-06-01\n";
    std::fs::write(&plan, text.replace('\n', "\r\n")).unwrap();
    let out = PAR.cmd_on(&plan).args(["export", "--format", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = csv_rows(&out.stdout);
    assert_eq!(&rows[1][3], "Dòng 1\nDòng 2");
    let bytes = xlsx_bytes(&plan, dir.path(), &[]);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let tasks = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(tasks.get((1, 3)), Some(&Data::String("Dòng 1\nDòng 2".into())));
}
