//! The aggregating office's quarter (issue #17): a folder built here with a roster and
//! every kind of unit an office meets, rolled up on 10/10/2025 for Q3, and the figures
//! checked against what was worked out by hand below.

use std::path::Path;

use serde_json::Value;

use crate::support::Par;

const PAR: Par = Par::new().today("2025-10-10");

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// A task: id, due date, done date.
type Task<'a> = (&'a str, &'a str, Option<&'a str>);

/// A plan: `head` lines go into `[plan]`; each task is (id, due, done date).
fn plan(unit: &str, year: i32, head: &str, tasks: &[(&str, &str, Option<&str>)]) -> String {
    let mut s = format!(
        "[plan]\nunit = \"{unit}\"\ntitle = \"Kế hoạch cải thiện Chỉ số CCHC\"\nyear = {year}\n{head}\n\
         [[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\n[[section]]\nid = \"I\"\ntitle = \"Nhiệm vụ\"\n\n"
    );
    for (id, due, done) in tasks {
        s.push_str(&format!(
            "[[task]]\nid = \"{id}\"\nsection = \"I\"\ntitle = \"Việc {id}\"\nowner = \"ht\"\ndue = {due}\n"
        ));
        if let Some(d) = done {
            s.push_str(&format!("[[task.done]]\ndate = {d}\n"));
        }
        s.push('\n');
    }
    s
}

const ROSTER: &str = r#"[office]
unit = "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN"
superior = "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
unit_kind = "ward"
number = "…/BC-UBND"
place = "Thành phố Hồ Chí Minh"
recipients = ["UBND Thành phố Hồ Chí Minh", "Lưu: VT"]
signer = { name = "Nguyễn Văn A", position = "PHÓ CHỦ TỊCH", capacity = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] }

[[unit]]
code = "SG-MN-SONCA"
name = "Trường Mầm non Sơn Ca"
kind = "school"
parent = "Phường Sài Gòn"

[[unit]]
code = "BT-MN-SONCA"
name = "Trường Mầm non Sơn Ca"
kind = "school"
parent = "Phường Bến Thành"

[[unit]]
code = "SG-TH-A"
name = "Trường Tiểu học A"
kind = "school"

[[unit]]
code = "SG-THCS-B"
name = "Trường THCS B"
kind = "school"

[[unit]]
code = "SG-MN-BN"
name = "Trường Mầm non Bến Nghé"
kind = "school"

[[unit]]
code = "SG-MN-HOA"
name = "Trường Mầm non Hoa"
kind = "school"

[[unit]]
code = "SG-TH-C"
name = "Trường Tiểu học C"
kind = "school"

[[unit]]
code = "SG-THCS-D"
name = "Trường THCS D"
kind = "school"

[[unit]]
code = "SG-TH-E"
name = "Trường Tiểu học E"
kind = "school"
"#;

/// The folder. By hand, on 10/10/2025 for 2025:
/// - son-ca-sg (SG-MN-SONCA): 3 tasks; 1 done 20/09 on time, 2 due 31/08 overdue 40 days,
///   3 done 15/03: 2 done of 3 (66,7 %), 1 overdue; last entry 20/09.
/// - son-ca-bt (BT-MN-SONCA, same name, another ward): 1 task done on time 25/07: 100 %.
/// - th-a (no code, "Trường TH A" = roster "Trường Tiểu học A", matched by name): 2 done on time.
/// - thcs-b (SG-THCS-B): 1 done 10/06, 2 due 30/09 overdue 10 days; 50 %; last entry 10/06:
///   silent in Q3.
/// - ben-nghe-a (SG-MN-BN, date 01/03/2025, 1 task open) supersedes ben-nghe-b (date
///   10/01/2025, 4 tasks) by its later date although its name sorts first; flagged: 1 task
///   against 4; nothing recorded: silent.
/// - hoa-2024 (SG-MN-HOA, year 2024): another year, not counted; the unit is missing.
/// - son-ca-sg-2026 (SG-MN-SONCA, year 2026): another year, not counted.
/// - th-c (SG-TH-C): no task: flagged empty, first in the table, silent.
/// - truong-thcs-d.docx: SG-THCS-D sent a document, not a plan: missing, document named.
/// - SG-TH-E: nothing at all: missing.
/// - ngoai (X-1 "Trường Ngoài"): 1 done on time; not in the roster.
///
///
/// Counted: 7 plans, 10 tasks, 10 items, 7 done (70,0 %), 2 overdue (40 and 10 days).
/// Worst first: th-c (empty), thcs-b (1 overdue, 50 %), son-ca-sg (1 overdue, 66,7 %),
/// ben-nghe-a (0 %), then the three at 100 % by name: Sơn Ca (BT), Ngoài, TH A.
fn office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "units.toml", ROSTER);
    let sg = "code = \"SG-MN-SONCA\"\nsuperior = \"UBND Phường Sài Gòn\"";
    write(
        d,
        "phuong-sai-gon/son-ca.toml",
        &plan(
            "Trường Mầm non Sơn Ca",
            2025,
            sg,
            &[
                ("1", "2025-09-30", Some("2025-09-20")),
                ("2", "2025-08-31", None),
                ("3", "2025-03-31", Some("2025-03-15")),
            ],
        ),
    );
    write(
        d,
        "phuong-sai-gon/du-thao-2026/son-ca.toml",
        &plan("Trường Mầm non Sơn Ca", 2026, sg, &[("1", "2026-03-31", None)]),
    );
    write(
        d,
        "phuong-ben-thanh/son-ca.toml",
        &plan(
            "Trường Mầm non Sơn Ca",
            2025,
            "code = \"BT-MN-SONCA\"\nsuperior = \"UBND Phường Bến Thành\"",
            &[("1", "2025-07-31", Some("2025-07-25"))],
        ),
    );
    write(
        d,
        "phuong-sai-gon/th-a.toml",
        &plan(
            "Trường TH A",
            2025,
            "superior = \"UBND Phường Sài Gòn\"",
            &[("1", "2025-09-15", Some("2025-09-10")), ("2", "2025-09-30", Some("2025-09-29"))],
        ),
    );
    write(
        d,
        "phuong-sai-gon/thcs-b.toml",
        &plan(
            "Trường THCS B",
            2025,
            "code = \"SG-THCS-B\"",
            &[("1", "2025-06-30", Some("2025-06-10")), ("2", "2025-09-30", None)],
        ),
    );
    let open4: Vec<(&str, &str, Option<&str>)> =
        ["1", "2", "3", "4"].iter().map(|id| (*id, "2025-12-31", None)).collect();
    write(
        d,
        "phuong-sai-gon/ben-nghe-b.toml",
        &plan("Trường Mầm non Bến Nghé", 2025, "code = \"SG-MN-BN\"\ndate = 2025-01-10", &open4),
    );
    write(
        d,
        "phuong-sai-gon/ben-nghe-a.toml",
        &plan("Trường MN Bến Nghé", 2025, "code = \"SG-MN-BN\"\ndate = 2025-03-01", &[("1", "2025-12-31", None)]),
    );
    write(
        d,
        "phuong-sai-gon/hoa-2024.toml",
        &plan("Trường Mầm non Hoa", 2024, "code = \"SG-MN-HOA\"", &[("1", "2024-12-31", None)]),
    );
    write(d, "phuong-sai-gon/th-c.toml", &plan("Trường Tiểu học C", 2025, "code = \"SG-TH-C\"", &[]));
    write(d, "phuong-sai-gon/truong-thcs-d.docx", "not really a Word file");
    let mut ngoai = plan("Trường Ngoài", 2025, "code = \"X-1\"", &[("1", "2025-09-30", Some("2025-09-01"))]);
    ngoai.push_str(
        "[[report.proposal]]\nperiod = \"2025-Q3\"\ntext = \"Đề nghị tập huấn dịch vụ công trực tuyến.\"\n\n",
    );
    ngoai.push_str("[[report.proposal]]\nperiod = \"2025-Q2\"\ntext = \"Đề xuất của quý trước.\"\n");
    write(d, "ngoai.toml", &ngoai);
    dir
}

fn rollup(dir: &Path, extra: &[&str]) -> (Value, std::process::Output) {
    let out =
        PAR.cmd().arg("rollup").arg(dir).args(["--quarter", "Q3", "--format", "json"]).args(extra).output().unwrap();
    (serde_json::from_slice(&out.stdout).unwrap_or(Value::Null), out)
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_office_quarter_worked_out_by_hand() {
    let dir = office();
    let (v, out) = rollup(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(v["year"], 2025);
    let units = v["units"].as_array().unwrap();
    let order: Vec<(&str, Option<&str>)> =
        units.iter().map(|u| (u["unit"].as_str().unwrap(), u["roster_code"].as_str())).collect();
    assert_eq!(
        order,
        [
            ("Trường Tiểu học C", Some("SG-TH-C")),
            ("Trường THCS B", Some("SG-THCS-B")),
            ("Trường Mầm non Sơn Ca", Some("SG-MN-SONCA")),
            ("Trường MN Bến Nghé", Some("SG-MN-BN")),
            ("Trường Mầm non Sơn Ca", Some("BT-MN-SONCA")),
            ("Trường Ngoài", None),
            ("Trường TH A", Some("SG-TH-A")),
        ]
    );
    let t = &v["total"];
    assert_eq!((t["plans"].as_u64(), t["tasks"].as_u64()), (Some(7), Some(10)));
    assert_eq!((t["items"]["total"].as_u64(), t["items"]["overdue"].as_u64()), (Some(10), Some(2)));
    assert_eq!(t["percent_complete"].as_f64(), Some(70.0));
    // The full overdue list, most days late first.
    let overdue: Vec<(String, String, i64)> = v["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (o["unit"].as_str().unwrap().into(), o["key"].as_str().unwrap().into(), o["days_late"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(overdue, [("Trường Mầm non Sơn Ca".into(), "2".into(), 40), ("Trường THCS B".into(), "2".into(), 10)]);
    // On-time rate "–" (null) where nothing is done; last entry per unit.
    let by_path = |p: &str| units.iter().find(|u| u["path"].as_str().unwrap().ends_with(p)).unwrap();
    assert!(by_path("ben-nghe-a.toml")["on_time_rate"].is_null());
    assert_eq!(by_path("ben-nghe-a.toml")["percent_complete"].as_f64(), Some(0.0));
    assert_eq!(by_path("sai-gon/son-ca.toml")["last_entry"], "2025-09-20");
    assert_eq!(by_path("thcs-b.toml")["last_entry"], "2025-06-10");
    assert!(by_path("th-c.toml")["last_entry"].is_null());
    // Flags: the empty plan, the copy with 1 task against 4, the name match.
    assert_eq!(by_path("th-c.toml")["flags"][0]["flag"], "empty");
    let fewer = &by_path("ben-nghe-a.toml")["flags"][0];
    assert_eq!(
        (fewer["flag"].as_str(), fewer["tasks"].as_u64(), fewer["other_tasks"].as_u64()),
        (Some("fewer_tasks"), Some(1), Some(4))
    );
    assert_eq!(by_path("th-a.toml")["flags"][0]["flag"], "matched_by_name");
    // The path column: the shortest end that tells the files apart.
    assert_eq!(by_path("sai-gon/son-ca.toml")["shown_path"], "…/phuong-sai-gon/son-ca.toml");
    assert_eq!(by_path("ben-thanh/son-ca.toml")["shown_path"], "…/phuong-ben-thanh/son-ca.toml");
    assert_eq!(by_path("thcs-b.toml")["shown_path"], "…/thcs-b.toml");

    // Superseded: the earlier-dated copy, although its file name sorts later.
    let sup = v["superseded"].as_array().unwrap();
    assert_eq!(sup.len(), 1);
    assert!(sup[0]["unit"]["path"].as_str().unwrap().ends_with("ben-nghe-b.toml"));
    assert_eq!(sup[0]["reason"], "later_date");
    // Other years, listed apart.
    let other: Vec<(String, i64)> = v["other_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["shown_path"].as_str().unwrap().into(), u["year"].as_i64().unwrap()))
        .collect();
    assert_eq!(other, [("…/du-thao-2026/son-ca.toml".into(), 2026), ("…/hoa-2024.toml".into(), 2024)]);
    // Silent in Q3 (nothing recorded from 1/7 to 10/10).
    assert_eq!(names(&v["silent"], "unit"), ["Trường Tiểu học C", "Trường THCS B", "Trường MN Bến Nghé"]);

    // Against the roster.
    let r = &v["roster"];
    assert_eq!((r["expected"].as_u64(), r["reported"].as_u64()), (Some(9), Some(6)));
    let missing = r["missing"].as_array().unwrap();
    assert_eq!(names(&r["missing"], "code"), ["SG-MN-HOA", "SG-THCS-D", "SG-TH-E"]);
    assert_eq!(missing[0]["other_year"][0], "…/hoa-2024.toml");
    assert!(missing[1]["documents"][0].as_str().unwrap().ends_with("truong-thcs-d.docx"));
    assert!(missing[2]["documents"].as_array().unwrap().is_empty());
    assert_eq!(names(&r["not_in_roster"], "unit"), ["Trường Ngoài"]);
    assert_eq!(names(&r["matched_by_name"], "unit"), ["Trường TH A"]);
    assert!(v["documents"].as_array().unwrap().is_empty(), "the .docx is named under its unit");

    // The warnings reach stderr in the output language.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("cảnh báo: Chưa có kế hoạch: SG-THCS-D “Trường THCS D” — gửi dạng văn bản, không phải kế hoạch:"),
        "{stderr}"
    );
    let (_, en) = rollup(dir.path(), &["--lang", "en"]);
    let stderr = String::from_utf8_lossy(&en.stderr);
    assert!(
        stderr.contains("warning: Missing: SG-THCS-D “Trường THCS D” — sent as a document, not a plan:"),
        "{stderr}"
    );
    assert!(!stderr.contains("cảnh báo") && !stderr.contains("Chưa có"), "no Vietnamese with --lang en: {stderr}");
}

/// The period's figures and the change from the previous period are those of each unit's
/// own `par report`: the same function computes both.
#[test]
fn period_figures_agree_with_each_units_report() {
    let dir = office();
    let (v, _) = rollup(dir.path(), &[]);
    let mut sum = [0u64; 2];
    for u in v["units"].as_array().unwrap() {
        let path = u["path"].as_str().unwrap();
        let own =
            PAR.cmd().arg("-f").arg(path).args(["report", "--quarter", "Q3", "--format", "json"]).output().unwrap();
        if u["tasks"] == 0 {
            assert!(u["report"].is_null(), "an empty plan has no report");
            continue;
        }
        let own: Value = serde_json::from_slice(&own.stdout).unwrap();
        let f = &own["figures"];
        let r = &u["report"];
        assert_eq!(r["tally"]["percent_complete"], f["period"]["percent_complete"], "{path}");
        assert_eq!(r["year"]["percent_complete"], f["year"]["percent_complete"], "{path}");
        assert_eq!(r["change_points"], f["change_points"], "{path}");
        assert_eq!(r["label"], own["period_label"]);
        sum[0] += f["period"]["total"].as_u64().unwrap();
        sum[1] += f["period"]["done_on_time"].as_u64().unwrap() + f["period"]["done_late"].as_u64().unwrap();
    }
    let t = &v["total"]["period"];
    assert_eq!(t["total"].as_u64(), Some(sum[0]));
    assert_eq!(t["done_on_time"].as_u64().unwrap() + t["done_late"].as_u64().unwrap(), sum[1]);
    assert_eq!(v["period_label"], "quý III năm 2025");
}

#[test]
fn year_flag_counts_another_year() {
    let dir = office();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--year", "2024", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(names(&v["units"], "unit"), ["Trường Mầm non Hoa"]);
    assert_eq!(v["other_year"].as_array().unwrap().len(), 9);
}

#[test]
fn the_table_lists_every_overdue_item_with_all_and_shows_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let tasks: Vec<(String, String)> = (1..=25).map(|i| (i.to_string(), format!("2025-06-{i:02}"))).collect();
    let t: Vec<(&str, &str, Option<&str>)> = tasks.iter().map(|(i, d)| (i.as_str(), d.as_str(), None)).collect();
    write(dir.path(), "a.toml", &plan("Trường A", 2025, "", &t));
    let run = |extra: &[&str]| {
        let out = PAR
            .cmd()
            .arg("rollup")
            .arg(dir.path())
            .args(["--lang", "en"])
            .args(extra)
            .env("COLUMNS", "250")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let short = run(&[]);
    assert!(short.contains("PAR Index plans: rollup for 2025"), "{short}");
    assert!(short.contains("20 most overdue items (of 25 overdue; --all lists them all)"), "{short}");
    let all = run(&["--all"]);
    assert!(all.contains("Overdue items (25)"), "{all}");
    assert!(all.lines().any(|l| l.contains("│ Trường A") && l.contains("01/06/2025")));
    assert!(all.lines().any(|l| l.contains("│ Trường A") && l.contains("25/06/2025")));
    // CSV: every overdue item, with the unit's code column.
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "csv", "--sheet", "overdue"]).output().unwrap();
    let mut r = csv::Reader::from_reader(&out.stdout[3..]);
    assert_eq!(r.records().count(), 25);
}

#[test]
fn dash_f_is_refused_with_what_to_do() {
    let dir = office();
    let out = PAR.cmd().arg("-f").arg(dir.path()).args(["rollup", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("par rollup does not take -f"), "{err}");
    assert!(err.contains("pass the folder after the command: par rollup"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_rosters_are_refused_and_nothing_is_written() {
    let dir = office();
    let out_file = dir.path().join("out.json");
    let check = |roster: &str, code: i32, needle: &str| {
        write(dir.path(), "units.toml", roster);
        let out = PAR
            .cmd()
            .arg("rollup")
            .arg(dir.path())
            .args(["--format", "json", "--lang", "en", "-o"])
            .arg(&out_file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{roster}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
        assert!(!out_file.exists());
    };
    check(
        "[[unit]]\ncode = \"A\"\nname = \"X\"\n\n[[unit]]\ncode = \"A\"\nname = \"Y\"\n",
        2,
        "units.toml:6: duplicate code `A`",
    );
    check("[[unit]]\ncode = \"A\"\n", 2, "unit 1 has no name");
    check("[[unit]\ncode = \"A\"\n", 2, "roster");
    // An unreadable roster named with --roster: exit 3.
    let out = PAR
        .cmd()
        .arg("rollup")
        .arg(dir.path())
        .args(["--roster", "/nonexistent/units.toml", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    // A folder with no plans.
    let empty = tempfile::tempdir().unwrap();
    write(empty.path(), "units.toml", ROSTER);
    let out = PAR.cmd().arg("rollup").arg(empty.path()).args(["--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no plan files"));
}

/// The index set the criteria test shares (area 1: 1.1 max 10, 1.2 max 10, 1.3 max 5), with
/// last year's scores per unit (`None`: not given).
fn index(name: &str, last: [Option<f64>; 3]) -> String {
    let ly = |x: Option<f64>| x.map(|v| format!("last_year = {v}\n")).unwrap_or_default();
    format!(
        "[index]\nname = \"{name}\"\n[[index.criterion]]\ncode = \"1\"\ntitle = \"Lĩnh vực 1\"\n\
         [[index.criterion]]\ncode = \"1.1\"\ntitle = \"Công khai\"\nmax = 10\n{}\
         [[index.criterion]]\ncode = \"1.2\"\ntitle = \"Công khai TTHC\"\nmax = 10\n{}\
         [[index.criterion]]\ncode = \"1.3\"\ntitle = \"Khảo sát\"\nmax = 5\n{}",
        ly(last[0]),
        ly(last[1]),
        ly(last[2])
    )
}

fn linked(id: &str, due: &str, done: Option<&str>, criteria: &str) -> String {
    let mut s = format!(
        "[[task]]\nid = \"{id}\"\nsection = \"I\"\ntitle = \"Việc {id}\"\ndue = {due}\ncriteria = [{criteria}]\n"
    );
    if let Some(d) = done {
        s.push_str(&format!("[[task.done]]\ndate = {d}\n"));
    }
    s.push('\n');
    s
}

/// By hand, on 10/10/2025 (see `par index`'s rule; low end: a leaf loses max × overdue ÷ items):
/// - X (school): 1.1 (last 6) has one task on time and one overdue: 6 + 4 × ½ = 8, low
///   8 − 10 × ½ = 3; 1.2 (last 8) no task: 8; 1.3 (last 5): 5. 21/25 = 84,0 %, low 16 = 64,0 %.
///   Its indicator "Tỷ lệ đúng hạn" measured 80 % against 95 %.
/// - Y (school): 1.1 one task on time: 10; 1.2: 8; 1.3 without last_year: 5 by `par index`'s
///   rule, and listed as missing. 23/25 = 92,0 %, low the same.
/// - Z (ward): no linked task: 6 + 8 + 5 = 19/25 = 76,0 %.
/// - W: another set ("Bộ khác"), its 1.1 is not merged.
///
/// Per criterion: 1.1 tasks in 2 units, at risk in X, lost without task in Z; 1.2 no task
/// anywhere, lost in X, Y, Z: uncovered; 1.3 last year missing in Y.
/// Per kind: school 84 / 88 / 92 (low 64 / 78 / 92); ward 76.
#[test]
fn criteria_across_units_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let head = |code: &str, kind: &str| format!("code = \"{code}\"\nunit_kind = \"{kind}\"");
    let mut x = plan("X", 2025, &head("X", "school"), &[]);
    x.push_str(&linked("a", "2025-06-30", Some("2025-06-20"), "\"1.1\""));
    x.push_str(&linked("b", "2025-08-31", None, "\"1.1\""));
    x.push_str(
        "[[task]]\nid = \"c\"\nsection = \"I\"\ntitle = \"Đo\"\ndue = 2025-12-31\n\
         [task.indicator]\nname = \"Tỷ lệ đúng hạn\"\nunit = \"%\"\ntarget = 95\n\
         [[task.measure]]\nvalue = 80\ndate = 2025-09-30\n\n",
    );
    x.push_str(&index("Chỉ số CCHC", [Some(6.0), Some(8.0), Some(5.0)]));
    write(d, "x.toml", &x);
    let mut y = plan("Y", 2025, &head("Y", "school"), &[]);
    y.push_str(&linked("a", "2025-06-30", Some("2025-06-20"), "\"1.1\""));
    y.push_str(&index("Chỉ số CCHC", [Some(6.0), Some(8.0), None]));
    write(d, "y.toml", &y);
    let mut z = plan("Z", 2025, &head("Z", "ward"), &[("a", "2025-06-30", Some("2025-06-20"))]);
    z.push_str(&index("Chỉ số CCHC", [Some(6.0), Some(8.0), Some(5.0)]));
    write(d, "z.toml", &z);
    let mut w = plan("W", 2025, &head("W", "school"), &[]);
    w.push_str(&linked("a", "2025-08-31", None, "\"1.1\""));
    w.push_str(&index("Bộ khác", [Some(6.0), Some(8.0), Some(5.0)]));
    write(d, "w.toml", &w);

    let (v, out) = rollup(d, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let sets = v["criteria"].as_array().unwrap();
    let set_names: Vec<&str> = sets.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(set_names, ["Bộ khác", "Chỉ số CCHC"], "two sets, in file order (w.toml first)");
    let s = &sets[1];
    assert_eq!(s["units"], 3);
    let fc: Vec<(String, f64, f64, f64, f64)> = s["forecasts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let g = |k: &str| f[k].as_f64().unwrap();
            (f["unit"].as_str().unwrap().into(), g("forecast"), g("low"), g("percent"), g("low_percent"))
        })
        .collect();
    assert_eq!(
        fc,
        [
            ("X".into(), 21.0, 16.0, 84.0, 64.0),
            ("Y".into(), 23.0, 23.0, 92.0, 92.0),
            ("Z".into(), 19.0, 19.0, 76.0, 76.0)
        ]
    );
    let kinds: Vec<(String, u64, [f64; 6])> = s["by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let g = |n: &str| k[n].as_f64().unwrap();
            (
                k["kind"].as_str().unwrap().into(),
                k["units"].as_u64().unwrap(),
                [g("min"), g("median"), g("max"), g("low_min"), g("low_median"), g("low_max")],
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("school".into(), 2, [84.0, 88.0, 92.0, 64.0, 78.0, 92.0]),
            ("ward".into(), 1, [76.0, 76.0, 76.0, 76.0, 76.0, 76.0])
        ]
    );
    let crit = |code: &str| s["criteria"].as_array().unwrap().iter().find(|c| c["code"] == code).unwrap().clone();
    let c11 = crit("1.1");
    assert_eq!(c11["units_with_task"], 2);
    assert_eq!(c11["at_risk"], serde_json::json!(["X"]));
    assert_eq!(c11["lost_without_task"], serde_json::json!(["Z"]));
    assert_eq!(c11["uncovered"], false);
    let c12 = crit("1.2");
    assert_eq!((c12["units_with_task"].as_u64(), c12["uncovered"].as_bool()), (Some(0), Some(true)));
    assert_eq!(c12["lost_without_task"], serde_json::json!(["X", "Y", "Z"]));
    assert_eq!(crit("1.3")["last_year_missing"], serde_json::json!(["Y"]));
    let ind = &s["indicators_below"][0];
    assert_eq!(
        (ind["unit"].as_str(), ind["value"].as_f64(), ind["target"].as_f64()),
        (Some("X"), Some(80.0), Some(95.0))
    );
    // The other set keeps its own 1.1: at risk in W only.
    assert_eq!(sets[0]["criteria"][0]["at_risk"], serde_json::json!(["W"]));

    // The table says it in words.
    let out = PAR.cmd().arg("rollup").arg(d).args(["--quarter", "Q3", "--lang", "en"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Criterion 1.2 “Công khai TTHC”: no remedial task in any unit (3 units lost points)"),
        "{text}"
    );
    assert!(text.contains("Forecast, % of maximum — school (2 units): min–max 84.0%–92.0%, median 88.0%"), "{text}");
    assert!(text.contains("Criterion 1.3: last year's score missing (Y)"), "{text}");
    assert!(text.contains("Indicator below target — “X” c Tỷ lệ đúng hạn: 80% / target 95%"), "{text}");
    // And as CSV, one row per criterion of each set.
    let out = PAR
        .cmd()
        .arg("rollup")
        .arg(d)
        .args(["--format", "csv", "--sheet", "criteria", "--lang", "en"])
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(&out.stdout[3..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().any(|r| &r[0] == "Chỉ số CCHC" && &r[1] == "1.2" && &r[9] == "yes"));
}

/// Every `w:t` text of a Word file's body, in order, joined by `|` between paragraphs.
fn docx_text(path: &Path) -> (String, String) {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    // The text of `<w:t …>…</w:t>` runs, `|` at each `</w:p>`; entities decoded.
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map(|j| i + j).unwrap();
        let tag = &rest[i + 1..tag_end];
        rest = &rest[tag_end + 1..];
        if tag == "/w:p" {
            text.push('|');
        } else if (tag == "w:t" || tag.starts_with("w:t ")) && !tag.ends_with('/') {
            let end = rest.find("</w:t>").unwrap();
            let raw = &rest[..end];
            text.push_str(
                &raw.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
            rest = &rest[end..];
        }
    }
    (xml, text)
}

#[test]
fn the_consolidated_report_in_word_read_back_from_its_xml() {
    let dir = office();
    let file = dir.path().join("out/bao-cao-q3.docx");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = PAR
        .cmd()
        .arg("rollup")
        .arg(dir.path())
        .args(["--report", "--quarter", "Q3", "--format", "docx", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let (xml, text) = docx_text(&file);
    assert!(xml.contains("<w:tbl>"), "tables, not tabs");
    // The Decree 30 heading: superior, the office, number, national name, place and date.
    for needle in [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH|ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN|",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|",
        "Số: …/BC-UBND|Thành phố Hồ Chí Minh, ngày 10 tháng 10 năm 2025|",
        "|BÁO CÁO|Kết quả thực hiện Kế hoạch cải thiện Chỉ số CCHC của các đơn vị trực thuộc quý III năm 2025|",
        // Part I: the units table, the total, the units named.
        "|TT|Đơn vị|Trong kỳ|Cả kế hoạch năm|Thay đổi (điểm %)|Quá hạn|Ghi nhận gần nhất|",
        "|1|Trường Tiểu học C (kế hoạch trống; im lặng)|–|–|–|0|–|",
        "Cộng|",
        "Số đơn vị đã gửi kế hoạch: 6/9 đơn vị trong danh sách.",
        "Đơn vị có việc quá hạn: Trường THCS B (1 việc), Trường Mầm non Sơn Ca (1 việc).",
        "Đơn vị không ghi nhận tiến độ nào trong kỳ: Trường Tiểu học C, Trường THCS B, Trường MN Bến Nghé.",
        "Đơn vị chưa gửi kế hoạch: Trường Mầm non Hoa, Trường THCS D (gửi dạng văn bản), Trường Tiểu học E.",
        // II and III: placeholders for the office's words; IV: the units' proposals of Q3.
        "[… cơ quan tổng hợp viết nội dung này …]",
        "1. Trường Ngoài: Đề nghị tập huấn dịch vụ công trực tuyến.|",
        // Nơi nhận and the signer with its capacity lines.
        "Nơi nhận:|- UBND Thành phố Hồ Chí Minh;|- Lưu: VT.|",
        "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|",
        "Nguyễn Văn A|",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in {text}");
    }
    assert!(!text.contains("quý trước"), "a proposal of another period is not gathered");
    // The parts' headings are the unit report's own words (render::report), in order.
    let heads = ["I. ", "II. ", "III. ", "IV. "];
    let at: Vec<usize> =
        heads.iter().map(|h| text.find(&format!("|{h}")).unwrap_or_else(|| panic!("{h} in {text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "parts I–IV in order: {at:?}");
    // Markdown and JSON say the same.
    let md = PAR
        .cmd()
        .arg("rollup")
        .arg(dir.path())
        .args(["--report", "--quarter", "Q3", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("**ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN**"), "{md}");
    assert!(md.contains("**KT. CHỦ TỊCH**"), "{md}");
    let js = PAR
        .cmd()
        .arg("rollup")
        .arg(dir.path())
        .args(["--report", "--quarter", "Q3", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&js.stdout).unwrap();
    assert_eq!(v["kind"], "rollup-report");
    assert_eq!(v["signer_lines"], serde_json::json!(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]));
    // Not to a terminal table, and docx only with --report and -o.
    let bad = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "docx", "--lang", "en"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("docx is for the consolidated report"));
}

#[test]
fn export_across_units_one_row_per_item_with_the_unit() {
    let dir = office();
    let out = PAR.cmd().arg("export").arg(dir.path()).args(["--format", "csv", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::Reader::from_reader(&out.stdout[3..]);
    assert_eq!(&r.headers().unwrap()[0], "Unit code");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // The counted plans' items (3 + 1 + 2 + 2 + 1 + 0 + 1), not the superseded copy's 4 nor
    // other years'.
    assert_eq!(rows.len(), 10);
    let per_unit = |code: &str| rows.iter().filter(|r| &r[0] == code).count();
    assert_eq!(
        [
            per_unit("SG-MN-SONCA"),
            per_unit("BT-MN-SONCA"),
            per_unit("SG-TH-A"),
            per_unit("SG-THCS-B"),
            per_unit("SG-MN-BN"),
            per_unit("X-1")
        ],
        [3, 1, 2, 2, 1, 1]
    );
    // Every row names its unit; the unit without [plan] code carries the roster's.
    assert!(rows.iter().all(|r| !r[0].is_empty() && !r[1].is_empty()));
    assert!(rows.iter().any(|r| &r[0] == "SG-TH-A" && &r[1] == "Trường TH A"));

    // The workbook: a sheet per kind.
    let file = dir.path().join("out/tong-hop.xlsx");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = PAR.cmd().arg("export").arg(dir.path()).args(["--lang", "en", "-o"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut wb = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut wb).unwrap();
    for sheet in ["name=\"Items\"", "name=\"Units\"", "name=\"Criteria\""] {
        assert!(wb.contains(sheet), "{wb}");
    }
    // Folders export as csv or xlsx only.
    let bad = PAR.cmd().arg("export").arg(dir.path()).args(["--format", "ics", "--lang", "en"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("exporting folders: --format csv or xlsx"));
}

/// Issue #14 point 10: a rollup over the units' Word (and JSON) reports equals the rollup
/// over their plans, on the report date (30/09/2025, the end of Q3).
#[test]
fn a_rollup_of_word_reports_equals_the_rollup_of_the_plans() {
    const END: Par = Par::new().today("2025-09-30");
    let plans = tempfile::tempdir().unwrap();
    let reports = tempfile::tempdir().unwrap();
    let units: [(&str, &str, Vec<Task>); 3] = [
        ("a.toml", "Trường A & B <1>", vec![("1", "2025-09-15", Some("2025-09-10")), ("2", "2025-08-31", None)]),
        ("b.toml", "Trường C", vec![("1", "2025-07-31", Some("2025-08-05")), ("2", "2025-06-30", Some("2025-06-01"))]),
        ("c.toml", "Trường D", vec![("1", "2025-09-30", None), ("2", "2025-07-15", None), ("3", "2025-12-31", None)]),
    ];
    for (i, (file, unit, tasks)) in units.iter().enumerate() {
        let mut text = plan(unit, 2025, "superior = \"UBND Phường Sài Gòn\"", tasks);
        text.push_str("[[report.proposal]]\nperiod = \"2025-Q3\"\ntext = \"Đề nghị số 1 & <2>\"\n");
        write(plans.path(), file, &text);
        // Two units send Word, one JSON.
        let (format, ext) = if i == 2 { ("json", "json") } else { ("docx", "docx") };
        let out = END
            .cmd()
            .arg("-f")
            .arg(plans.path().join(file))
            .args(["report", "--quarter", "Q3", "--format", format, "-o"])
            .arg(reports.path().join(format!("bao-cao-{i}.{ext}")))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // The Word file's custom part is plain XML, once escaped.
    let bytes = std::fs::read(reports.path().join("bao-cao-0.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("customXml/item1.xml").unwrap(), &mut part).unwrap();
    assert!(part.contains(r#"unit="Trường A &amp; B &lt;1&gt;""#), "{part}");
    assert!(part.contains(r#"period="2025-Q3""#) && part.contains(r#"<counts scope="period" total="2""#), "{part}");
    assert!(
        part.contains(r#"<item key="2" task="2" title="Việc 2" owner="Hiệu trưởng" due="2025-08-31" status="overdue""#),
        "{part}"
    );

    let run = |dir: &Path| -> Value {
        let out = END.cmd().arg("rollup").arg(dir).args(["--quarter", "Q3", "--format", "json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (from_plans, from_reports) = (run(plans.path()), run(reports.path()));
    let by_unit = |v: &Value| {
        let mut u: Vec<(String, Value)> = v["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| (u["unit"].as_str().unwrap().to_string(), u["report"].clone()))
            .collect();
        u.sort_by(|a, b| a.0.cmp(&b.0));
        u
    };
    assert_eq!(by_unit(&from_plans).len(), 3);
    assert_eq!(by_unit(&from_plans), by_unit(&from_reports));
    let overdue = |v: &Value| {
        v["overdue"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (o["unit"].clone(), o["key"].clone(), o["title"].clone(), o["due"].clone(), o["days_late"].clone())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(overdue(&from_plans).len(), 2, "task 2 of A and of D; D's task 1 is due on the day");
    assert_eq!(overdue(&from_plans), overdue(&from_reports));
    for k in ["period", "year", "previous", "change_points"] {
        assert_eq!(from_plans["total"][k], from_reports["total"][k], "{k}");
    }
    assert_eq!(from_plans["period_label"], from_reports["period_label"]);
    assert_eq!(from_plans["proposals"], from_reports["proposals"]);
    let sources: Vec<&str> =
        from_reports["units"].as_array().unwrap().iter().map(|u| u["source"].as_str().unwrap()).collect();
    assert_eq!(sources.iter().filter(|s| **s == "word_report").count(), 2);
    assert_eq!(sources.iter().filter(|s| **s == "json_report").count(), 1);
}
