//! The plan over time (issue #14, points 3–5): reports recorded as sent keep their copy,
//! `[[plan.change]]` heads each report with the bodies in force on its date, tasks carry
//! the day they entered the plan and `--today D` replays the plan of day D, `par cancel`
//! keeps a task that will not be done.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;

use crate::support::generate::plan as gen_plan;
use crate::support::{Run, Session};

fn json(run: Run) -> Value {
    serde_json::from_str(&run.ok()).unwrap()
}

fn sha(bytes: &[u8]) -> String {
    par::compute::sent::sha256_hex(bytes)
}

/// The `[[report.sent]]` record of `period` in the session's plan, as the loader reads it.
fn sent_record(s: &Session, period: &str) -> par::plan::Sent {
    let plan = par::plan::load(&s.path("plan.toml")).unwrap_or_else(|e| panic!("{e}")).plan;
    plan.report.sent.iter().find(|r| r.period.to_string() == period).cloned().expect("recorded")
}

/// The notes written for Q2–Q4 (all four kinds), placed after the plan's
/// `[[report.proposal]]`: `--final` refuses a report whose parts are still placeholders
/// (see tests/words.rs).
fn with_notes(plan: &str) -> String {
    let mut notes = String::new();
    for period in ["2025-Q2", "2025-Q3", "2025-Q4"] {
        for kind in ["assessment", "cause", "direction", "proposal"] {
            notes.push_str(&format!(
                "\n[[report.note]]\nperiod = \"{period}\"\nkind = \"{kind}\"\ntext = \"Ghi chú {kind} {period}.\"\n"
            ));
        }
    }
    let anchor = "trong quý III năm 2025.\"\n";
    assert_eq!(plan.matches(anchor).count(), 1);
    plan.replacen(anchor, &format!("{anchor}{notes}"), 1)
}

/// The last line of [`with_notes`]' notes.
const NOTES_END: &str = "text = \"Ghi chú proposal 2025-Q4.\"\n";

/// The bundled plan with the notes of [`with_notes`].
fn seed() -> Session {
    Session::with_plan(&with_notes(crate::support::SEED))
}

#[test]
fn final_keeps_the_copy_and_says_when_today_differs() {
    let s = seed();
    let before = s.plan_text();
    let out = s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).ok();
    assert!(out.contains("số 01/BC-NBK vào reports/bao-cao-2025-Q3.docx"), "{out}");
    // The plan gained exactly the record, right after the [report] tables.
    let rec = sent_record(&s, "2025-Q3");
    assert_eq!((rec.number.as_str(), rec.file.as_str()), ("01/BC-NBK", "reports/bao-cao-2025-Q3.docx"));
    assert_eq!(rec.date.to_string(), "2025-10-10");
    let copy = std::fs::read(s.path(&rec.file)).unwrap();
    assert_eq!(sha(&copy), rec.sha256);
    let record = format!(
        "\n[[report.sent]]\nperiod = \"2025-Q3\"\nnumber = \"01/BC-NBK\"\ndate = 2025-10-10\nfile = \"reports/bao-cao-2025-Q3.docx\"\nsha256 = \"{}\"\n",
        rec.sha256
    );
    assert_eq!(s.plan_text(), before.replacen(NOTES_END, &format!("{NOTES_END}{record}"), 1));
    assert!(s.par(["check"]).ok().contains("5 rõ"));

    // Asked again, unchanged: the Word writer is deterministic, so the replay is identical.
    let again = s.par(["--today", "2025-10-12", "report", "--quarter", "Q3"]);
    assert_eq!(again.code, 0);
    assert!(again.stderr.contains("bản đã gửi: reports/bao-cao-2025-Q3.docx"), "{}", again.stderr);
    assert!(again.stderr.contains("giống hệt bản đã gửi"), "{}", again.stderr);

    // `[plan]` edited after sending: the copy stays byte for byte, and today's rendering differs.
    let edited = s.plan_text().replace(
        "unit = \"Trường Tiểu học Nguyễn Bỉnh Khiêm\"",
        "unit = \"Trường Tiểu học Nguyễn Bỉnh Khiêm (cơ sở 2)\"",
    );
    std::fs::write(s.path("plan.toml"), edited).unwrap();
    let again = s.par(["--lang", "en", "--today", "2025-10-12", "report", "--quarter", "Q3"]);
    assert_eq!(again.code, 0);
    assert!(again.stderr.contains("it DIFFERS from the sent copy"), "{}", again.stderr);
    assert_eq!(std::fs::read(s.path(&rec.file)).unwrap(), copy);
    assert_eq!(s.par(["check"]).code, 0);

    // The copy changed or missing: a finding of `par check`.
    std::fs::write(s.path(&rec.file), b"edited").unwrap();
    let run = s.par(["--lang", "en", "check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("the sent copy of the Q3 2025 report (reports/bao-cao-2025-Q3.docx) was changed"),
        "{}",
        run.stdout
    );
    std::fs::remove_file(s.path(&rec.file)).unwrap();
    let run = s.par(["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("báo cáo đã gửi: dòng "), "{}", run.stdout);
    assert!(run.stdout.contains("không đọc được bản đã gửi của báo cáo quý III năm 2025"), "{}", run.stdout);
}

#[test]
fn final_refuses_a_sent_period_a_used_number_and_placeholders() {
    let s = seed();
    s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final", "--number", "12/BC-NBK"]).ok();
    let before = s.plan_text();
    let files = || std::fs::read_dir(s.path("reports")).unwrap().count();
    // The same number again, for another period.
    let e = s
        .par(["--lang", "en", "--today", "2025-12-31", "report", "--quarter", "Q4", "--final", "--number", "12/BC-NBK"])
        .fails(2);
    assert!(e.contains("--number: 12/BC-NBK is already the number of the Q3 2025 report sent on 10/10/2025"), "{e}");
    // The period already sent.
    let e = s.par(["--today", "2025-12-31", "report", "--quarter", "Q3", "--final"]).fails(2);
    assert!(e.contains("báo cáo quý III năm 2025 đã ghi nhận gửi ngày 10/10/2025, số 12/BC-NBK"), "{e}");
    assert_eq!((s.plan_text(), files()), (before.clone(), 1));
    // The next number follows the register.
    let out = s.par(["--today", "2025-12-31", "report", "--quarter", "Q4", "--final", "--format", "md"]).ok();
    assert!(out.contains("số 13/BC-NBK vào reports/bao-cao-2025-Q4.md"), "{out}");

    // A placeholder left (the addressee "…"): nothing written, in the output language.
    let s =
        Session::with_plan(&with_notes(&crate::support::SEED.replace(
            "# to = \"Ủy ban nhân dân Quận 1\"           # \"Kính gửi\"",
            "to = \"…\"           # \"Kính gửi\"",
        )));
    let before = s.plan_text();
    let e = s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).fails(2);
    assert!(e.contains("báo cáo còn chỗ chưa điền: kính gửi «…»; không ghi gì"), "{e}");
    let e = s.par(["--lang", "en", "--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).fails(2);
    assert!(e.contains("the report still has parts to fill in: addressee «…»"), "{e}");
    assert_eq!(s.plan_text(), before);
    assert!(!s.path("reports").exists());
}

#[test]
fn a_bare_report_steps_over_the_periods_already_sent() {
    let s = seed();
    s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).ok();
    // Q3 sent on 10/10: a bare report that day writes Q4.
    let j = json(s.par(["--today", "2025-10-10", "report", "--format", "json"]));
    assert_eq!(j["period"], "2025-Q4");
    // Replayed before the sending, Q3 is not sent yet.
    assert_eq!(
        par_period(&s, "2025-10-09"),
        par::compute::report::default_period(&seed_plan(), d(2025, 10, 9)).to_string()
    );
    // Q2 and Q3 both recorded as sent on 5/7: that day (Q3 is current, Q2 the latest
    // closed) the bare report goes past both, to Q4.
    let s = seed();
    s.par(["--today", "2025-07-05", "report", "--quarter", "Q2", "--final"]).ok();
    s.par(["--today", "2025-07-05", "report", "--quarter", "Q3", "--final"]).ok();
    assert_eq!(par_period(&s, "2025-07-05"), "2025-Q4");
}

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn seed_plan() -> par::plan::Plan {
    par::plan::load(&crate::support::seed_path()).unwrap_or_else(|e| panic!("{e}")).plan
}

fn par_period(s: &Session, today: &str) -> String {
    json(s.par(["--today", today, "report", "--format", "json"]))["period"].as_str().unwrap().to_string()
}

/// Needs the "period" helper's `default_period` (the latest period whose window has
/// closed); with it, on 10/10 Q3 is written while it is not sent.
#[test]
#[ignore = "needs compute::report::default_period to return the latest closed period (period helper, issue #14 point 1)"]
fn a_bare_report_on_10_october_writes_q3_until_it_is_sent() {
    let s = seed();
    assert_eq!(par_period(&s, "2025-10-10"), "2025-Q3");
    s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).ok();
    assert_eq!(par_period(&s, "2025-10-10"), "2025-Q4");
}

#[test]
fn each_report_is_headed_by_the_bodies_in_force_on_its_date() {
    let s = seed();
    let q2 = s.par(["--today", "2025-06-30", "report", "--quarter", "Q2"]).ok();
    assert!(q2.contains("| ỦY BAN NHÂN DÂN QUẬN 1 |"), "{q2}");
    assert!(q2.contains("*Quận 1, ngày 30 tháng 6 năm 2025*"), "{q2}");
    assert!(q2.contains("- Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ);"), "{q2}");
    let q3 = s.par(["--today", "2025-10-10", "report", "--quarter", "Q3"]).ok();
    assert!(q3.contains("| ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN |"), "{q3}");
    assert!(q3.contains("*Sài Gòn, ngày 10 tháng 10 năm 2025*"), "{q3}");
    assert!(q3.contains("- Ủy ban nhân dân phường Sài Gòn;"), "{q3}");
    let j = json(s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--format", "json"]));
    let head = j["header"].to_string() + &j["recipients"].to_string();
    assert!(!head.contains("Quận 1"), "{head}");
    // The Q2 report written late (after 1/7) is dated in the new order, as it is sent then.
    let j = json(s.par(["--today", "2025-07-10", "report", "--quarter", "Q2", "--format", "json"]));
    assert_eq!(j["header"]["superior"], "Ủy ban nhân dân phường Sài Gòn");
}

#[test]
fn a_task_added_later_is_not_in_the_reports_and_status_of_earlier_days() {
    let s = seed();
    let q2 = |s: &Session| s.par(["--today", "2025-07-10", "report", "--quarter", "Q2", "--format", "json"]).ok();
    let status = |s: &Session, day: &str| s.par(["--today", day, "status", "--format", "json"]).ok();
    let (q2_before, status_before) = (q2(&s), status(&s, "2025-07-10"));
    let added = s
        .par([
            "add",
            "Rà soát quy chế",
            "--section",
            "II",
            "--owner",
            "ht",
            "--due",
            "30/6/2025",
            "--today",
            "2025-08-05",
        ])
        .ok();
    assert!(added.contains("Đã thêm nhiệm vụ 9"), "{added}");
    assert!(s.plan_text().contains("due = 2025-06-30\nadded = 2025-08-05\n"));
    // Regenerated on 10/7, the Q2 report and the status are what they were.
    assert_eq!(q2(&s), q2_before);
    assert_eq!(status(&s, "2025-07-10"), status_before);
    assert_eq!(status(&s, "2025-08-04"), status(&seed(), "2025-08-04"));
    // From 5/8 the task is there: one more item, overdue since 30/6.
    let (then, now): (Value, Value) = (
        serde_json::from_str(&status(&seed(), "2025-08-05")).unwrap(),
        serde_json::from_str(&status(&s, "2025-08-05")).unwrap(),
    );
    assert_eq!(now["total"]["total"].as_u64().unwrap(), then["total"]["total"].as_u64().unwrap() + 1);
    assert_eq!(now["total"]["overdue"].as_u64().unwrap(), then["total"]["overdue"].as_u64().unwrap() + 1);
    // Every reading command replays the plan of its day.
    assert!(!s.par(["--today", "2025-07-10", "list"]).ok().contains("Rà soát quy chế"));
    assert!(s.par(["--today", "2025-08-05", "list"]).ok().contains("Rà soát quy chế"));
    assert_eq!(s.par(["--today", "2025-07-10", "show", "9"]).code, 2);
    let csv = |day: &str| s.par(["--today", day, "export", "--format", "csv"]).ok();
    assert!(!csv("2025-07-10").contains("Rà soát quy chế") && csv("2025-08-05").contains("Rà soát quy chế"));
    let rollup = |s: &Session, day: &str| s.par(["--today", day, "rollup", "plan.toml", "--format", "json"]).ok();
    assert_eq!(rollup(&s, "2025-07-10"), rollup(&seed(), "2025-07-10"));
    assert_ne!(rollup(&s, "2025-08-05"), rollup(&seed(), "2025-08-05"));
    // The file keeps the task whatever day a writer runs on.
    s.par(["--today", "2025-07-01", "done", "3", "--date", "2025-06-30"]).ok();
    assert!(s.plan_text().contains("title = \"Rà soát quy chế\""));
}

#[test]
fn cancel_keeps_the_task_as_not_carried_out() {
    let s = seed();
    let before = s.plan_text();
    // No reason: refused in the output language, nothing written.
    let e = s.par(["--today", "2025-09-01", "cancel", "5"]).fails(2);
    assert!(e.contains("cần nêu lý do không thực hiện nhiệm vụ 5; không ghi gì"), "{e}");
    let e = s.par(["--lang", "en", "--today", "2025-09-01", "cancel", "5", "--reason", "  "]).fails(2);
    assert!(e.contains("say why task 5 will not be carried out; nothing was written"), "{e}");
    assert_eq!(s.plan_text(), before);

    let status_q3 = s.par(["--today", "2025-10-10", "status", "--format", "json"]).ok();
    let v: Value = serde_json::from_str(&status_q3).unwrap();
    let overdue_before = v["total"]["overdue"].as_u64().unwrap();
    let out = s.par(["--today", "2025-09-01", "cancel", "5", "--reason", "Quận 1 giải thể"]).ok();
    assert_eq!(out, "Đã ghi nhiệm vụ 5 không thực hiện từ ngày 01/09/2025: Quận 1 giải thể.\n");
    assert!(s.plan_text().contains("cancelled = { date = 2025-09-01, reason = \"Quận 1 giải thể\" }\n"));
    // Later: not carried out, with the reason, never overdue.
    let v = json(s.par(["--today", "2025-10-10", "status", "--format", "json"]));
    let not_done: Vec<&str> =
        v["not_carried_out"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert_eq!(not_done, ["5@2025-Q3", "5@2025-Q4"]);
    assert_eq!(v["not_carried_out"][0]["cancelled"]["reason"], "Quận 1 giải thể");
    assert!(v["overdue"].as_array().unwrap().iter().all(|i| i["task"] != "5"));
    assert!(v["total"]["overdue"].as_u64().unwrap() <= overdue_before);
    // Left out of the share done: done / (all − ongoing − not carried out).
    let t = &v["total"];
    let n = |k: &str| t[k].as_u64().unwrap() as f64;
    assert_eq!(n("not_carried_out"), 2.0);
    let share = 100.0 * (n("done_on_time") + n("done_late")) / (n("total") - n("ongoing") - n("not_carried_out"));
    assert_eq!(v["percent_complete"].as_f64().unwrap(), (share * 10.0).round() / 10.0);
    let table = s.par(["--today", "2025-10-10", "status"]).ok();
    assert!(table.contains("Không thực hiện (2)"), "{table}");
    assert!(table.contains("┆ Không thực hiện ┆"), "a column of its own, so the totals add up: {table}");
    let md = s.par(["--lang", "en", "--today", "2025-10-10", "report", "--quarter", "Q3"]).ok();
    assert!(md.contains("Not carried out (reason: Quận 1 giải thể)"), "{md}");
    assert!(md.contains("Not carried out: 1 item (the reasons are in the results table)."), "{md}");
    // Replayed before the cancellation, the report is as it was.
    assert_eq!(
        s.par(["--today", "2025-08-31", "report", "--quarter", "Q3"]).ok(),
        seed().par(["--today", "2025-08-31", "report", "--quarter", "Q3"]).ok()
    );
    // Undone: the file is as before.
    s.par(["--today", "2025-09-02", "cancel", "5", "--undo"]).ok();
    assert_eq!(s.plan_text(), before);
    assert_eq!(s.par(["cancel", "5", "--undo"]).code, 1);
}

#[test]
fn rm_warns_that_sent_reports_change() {
    let s = seed();
    s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final"]).ok();
    let run = s.par(["--today", "2025-10-11", "rm", "7", "--yes"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("cảnh báo: nhiệm vụ 7 có trong báo cáo đã gửi quý III năm 2025 (01/BC-NBK, 10/10/2025)"),
        "{}",
        run.stderr
    );
    // A task added after the last report sent is in none: no warning.
    s.par(["add", "Mới", "--section", "II", "--today", "2025-10-11"]).ok();
    let run = s.par(["--today", "2025-10-11", "rm", "9", "--yes"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24);
    ProptestConfig { cases, max_shrink_iters: 200, ..ProptestConfig::default() }
}

/// `par status --today D` as JSON, through the same `Context` loading as the binary.
fn status_on(path: &Path, day: chrono::NaiveDate) -> String {
    let ctx = par::Context {
        file: Some(path.to_path_buf()),
        cwd: path.parent().unwrap().to_path_buf(),
        today: day,
        lang: Some(par::i18n::Lang::Vi),
        color: false,
        width: None,
    };
    let plan = ctx.load().unwrap_or_else(|e| panic!("{e}")).plan;
    let within = plan.settings.within_days;
    serde_json::to_string(&par::compute::status::status_report(&plan, day, within, par::i18n::Lang::Vi)).unwrap()
}

proptest! {
    #![proptest_config(config())]

    /// For random plans and random add dates: `status --today D` is the same before and
    /// after `par add --today A` for every day D before A (and the task is there on A).
    #[test]
    fn adding_a_task_never_changes_earlier_days(
        g in gen_plan(),
        add_day in 1u32..360,
        due_in in 0i64..120,
        recurring in any::<bool>(),
        section in any::<prop::sample::Index>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        std::fs::write(&path, g.to_bytes()).unwrap();
        let jan1 = d(g.year, 1, 1);
        let added = jan1 + chrono::Duration::days(add_day as i64);
        let days: Vec<chrono::NaiveDate> =
            (0..add_day as i64).step_by(11).map(|k| jan1 + chrono::Duration::days(k)).chain([added.pred_opt().unwrap()]).collect();
        let before: Vec<String> = days.iter().map(|&day| status_on(&path, day)).collect();
        let sec = &g.sections[section.index(g.sections.len())].id;
        let due = (added + chrono::Duration::days(due_in)).format("%Y-%m-%d").to_string();
        let today = added.format("%Y-%m-%d").to_string();
        let mut argv = vec!["par", "--today", &today, "add", "Việc thêm sau", "--section", sec.as_str()];
        if recurring { argv.extend(["--repeat", "quarterly"]) } else { argv.extend(["--due", due.as_str()]) }
        let cli = <par::cli::Cli as clap::Parser>::try_parse_from(&argv).unwrap();
        let ctx = par::Context {
            file: Some(path.clone()),
            cwd: dir.path().to_path_buf(),
            today: added,
            lang: None,
            color: false,
            width: None,
        };
        // A generated plan may refuse the addition (e.g. a due date after an end); then
        // nothing changed, which the comparison checks as well.
        let ok = par::commands::run(&ctx, &cli.command).is_ok();
        for (day, was) in days.iter().zip(&before) {
            prop_assert_eq!(&status_on(&path, *day), was, "status on {} changed by a task added on {}", day, added);
        }
        // Most additions succeed; too many refusals fail the property (it would prove nothing).
        prop_assume!(ok);
        let on: Value = serde_json::from_str(&status_on(&path, added)).unwrap();
        let prev: Value = serde_json::from_str(before.last().unwrap()).unwrap();
        prop_assert!(on["total"]["total"].as_u64() > prev["total"]["total"].as_u64());
    }
}

#[test]
fn import_records_the_day_each_task_entered_the_plan() {
    let s = seed();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    // A document without a date of issue: the day of the import.
    let doc = fixtures.join("ke-hoach-par-index-2025.md");
    s.run(&["--today", "2025-06-01", "import", doc.to_str().unwrap(), "-o", "a.toml"]);
    let text = std::fs::read_to_string(s.path("a.toml")).unwrap();
    assert_eq!(text.matches("\n[[task]]\n").count(), 10);
    assert_eq!(text.matches("\nadded = 2025-06-01\n").count(), 10);
    // A document dated 5/6/2025: its date.
    let doc = fixtures.join("phuong-ben-nghe.md");
    s.run(&["--today", "2025-07-01", "import", doc.to_str().unwrap(), "-o", "b.toml"]);
    let text = std::fs::read_to_string(s.path("b.toml")).unwrap();
    assert!(text.contains("\ndate = 2025-06-05 "), "the fixture's date of issue");
    assert_eq!(text.matches("\nadded = 2025-06-05\n").count(), text.matches("\n[[task]]\n").count());
    let plan = par::plan::load(&s.path("b.toml")).unwrap_or_else(|e| panic!("{e}")).plan;
    assert!(plan.tasks.iter().all(|t| t.added == Some(d(2025, 6, 5))));
}

#[test]
fn final_writes_into_the_folder_the_plan_names() {
    let s = Session::with_plan(&with_notes(&crate::support::SEED.replacen(
        "[report]\n",
        "[report]\nfolder = \"gui-di\"\n",
        1,
    )));
    let out = s.par(["--today", "2025-10-10", "report", "--quarter", "Q3", "--final", "--format", "md"]).ok();
    assert!(out.contains("vào gui-di/bao-cao-2025-Q3.md"), "{out}");
    let copy = std::fs::read_to_string(s.path("gui-di/bao-cao-2025-Q3.md")).unwrap();
    assert!(copy.contains("Số: 01/BC-NBK"), "the copy carries its number");
    assert!(!s.path("reports").exists());
}
