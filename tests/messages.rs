//! The message catalogue (`par::messages`), from the command line:
//! (a) every id is triggered by some command line below, in both languages, and what is
//!     printed is the catalogue's text for that language; an id no command line can
//!     trigger says why in the catalogue (`[unreachable: "…"]`); the test fails for an id
//!     that is neither;
//! (b) every line a command of (a) prints on standard error is a catalogue text of the
//!     run's language (no English slips into a Vietnamese run, nor the other way), and no
//!     source file hands a string literal to what prints on standard error.

use std::collections::BTreeSet;

use par::i18n::Lang;
use par::messages::Msg;

use crate::support::{SEED, Session, plan_with};

/// How a case's folder is set up before `par` runs in it.
enum Setup {
    /// The seed plan as `plan.toml`.
    Seed,
    /// `plan.toml` with this text.
    Plan(String),
    /// The seed plan, and these files (name, text).
    With(&'static [(&'static str, &'static str)]),
    /// The seed plan, and a step run first (a journal entry to lose, a read-only file).
    Then(fn(&Session)),
    /// The seed plan, and this variable in the environment.
    Env(&'static str, &'static str),
}

/// The command lines (without `--lang`), each run once per language.
fn cases() -> Vec<(Setup, Vec<&'static str>)> {
    use Setup::*;
    let task = |extra: &str| {
        plan_with(&format!("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc\"\nowner = \"ht\"\n{extra}"))
    };
    vec![
        (Seed, vec!["--today", "xyz", "status"]),
        (Seed, vec!["--today", "30/9/1200", "status"]),
        (Seed, vec!["-f", "khong-co.toml", "status"]),
        (Seed, vec!["-f", "/dev/null", "status"]),
        (Plan(String::new()), vec!["status"]),
        (Plan("\u{feff}\u{0}\u{0}\u{0}".repeat(8)), vec!["status"]),
        (Plan(format!("{}\u{ff}", plan_with(""))), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = \"1\"\ndue = 30/9/2025\n")), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = \"1\"\ntitle = “Việc”\n")), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = \"1\"\ntitle = \"Việc\n")), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = \"1\"\ntitle \"Việc\"\n")), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = \"1\"\ntitle = Việc\n")), vec!["status"]),
        (Plan(plan_with("[[task]]\nid = [1\n")), vec!["status"]),
        (Plan(task("due = \"x\"\n[[task.measure]]\nvalue = \"chín\"\n")), vec!["status"]),
        (Plan(task("titel = \"x\"\n")), vec!["status"]),
        (Plan(task("zzzzzzzz = \"x\"\n")), vec!["status"]),
        (Plan(plan_with("").replace("year = 2025", "year = 99999999999999999999")), vec!["status"]),
        (Plan(plan_with("").replace("unit = \"Trường Tiểu học Thử\"\n", "")), vec!["status"]),
        (Plan(format!("{}a = {}\n", plan_with(""), "[".repeat(40))), vec!["status"]),
        (Seed, vec!["show", "99"]),
        (Seed, vec!["show", "III.9"]),
        (Seed, vec!["show", "4@"]),
        (Seed, vec!["show", "4@Q9"]),
        (Seed, vec!["done", "1@Q3"]),
        (Seed, vec!["log", "5@2025-Q1", "x"]),
        (Seed, vec!["done", "5@Q3", "--period", "Q4", "--today", "2025-10-10"]),
        (Seed, vec!["list", "--owner", "hieu"]),
        (Seed, vec!["add", "X", "--section", "II", "--owner", "chhc"]),
        (Seed, vec!["add", "X", "--section", "II", "--owner", "zzzzzz"]),
        (Seed, vec!["add", "X", "--section", "IV"]),
        (Seed, vec!["add", "X", "--section", "ZZZZZZ"]),
        (Seed, vec!["add", "X", "--section", "II", "--repeat", "weekly"]),
        (Seed, vec!["add", "X", "--section", "II", "--due", "31/2/2025"]),
        (Seed, vec!["add", "X", "--section", "II", "--due", "1/1/1200"]),
        (Seed, vec!["done", "4", "--date", "2025-12-20", "--today", "2025-10-10"]),
        (Seed, vec!["done", "4", "--period", "2025-13"]),
        (Seed, vec!["done", "4", "--period", "2025-Q1"]),
        (Seed, vec!["done", "1", "--period", "2025-Q1"]),
        (Seed, vec!["done", "4", "--period", "2025-07"]),
        (Seed, vec!["done", "5", "--date", "2025-02-01", "--today", "2025-10-10"]),
        // No period overdue for task 4 on 10/10: the date picks the period, and 1/2 holds none of its.
        (Seed, vec!["done", "4", "--date", "2025-02-01", "--today", "2025-10-10"]),
        (Seed, vec!["log", "1", "x", "--period", "2024-Q1"]),
        (Seed, vec!["add", ""]),
        (Seed, vec!["add", "X"]),
        (Seed, vec!["add", "X", "--section", "II", "--id", "3"]),
        (Seed, vec!["done", "III.2"]),
        (Seed, vec!["edit", "4", "--title", " "]),
        (Seed, vec!["edit", "4", "--due", "1/10/2025", "--unset", "due"]),
        (Seed, vec!["edit", "4"]),
        (Seed, vec!["edit", "9", "--repeat", "quarterly"]),
        (Seed, vec!["edit", "1", "--owner", "ht"]),
        (Seed, vec!["-f", "moi.toml", "init", "--unit", " "]),
        (Seed, vec!["log", "4", " "]),
        (Seed, vec!["measure", "1", "90"]),
        (Seed, vec!["measure", "4", "chín"]),
        (Seed, vec!["measure", "4", "90", "--date", "15/12/2024"]),
        (
            Plan(task("due = 2025-06-30\n[task.indicator]\nname = \"Tỷ lệ\"\ntarget = 90\n")),
            vec!["measure", "1", "90", "--date", "15/12/2024"],
        ),
        (Seed, vec!["reopen", "1"]),
        (Seed, vec!["rm", "8"]),
        (Seed, vec!["export", "-o", "x.pdf"]),
        (Seed, vec!["export"]),
        (Seed, vec!["export", "--format", "ics", "--sheet", "tasks"]),
        (Plan(plan_with("")), vec!["index"]),
        (Seed, vec!["report", "--format", "docx"]),
        (Seed, vec!["report", "--quarter", "2025-Q5"]),
        (Seed, vec!["report", "--quarter", "2025-H1"]),
        (Seed, vec!["report", "--quarter", "Q2", "-o", "bao-cao.md", "--today", "2025-06-30"]),
        (Seed, vec!["export", "--format", "csv", "-o", "out.csv", "--today", "2025-06-30"]),
        (With(&[("out.csv", "x")]), vec!["export", "--format", "csv", "-o", "out.csv"]),
        (Seed, vec!["export", "--format", "csv", "-o", "plan.toml"]),
        (Seed, vec!["export", "--format", "csv", "-o", "khong-co/out.csv"]),
        (Seed, vec!["export", "--format", "csv", "-o", "."]),
        (With(&[("plan.toml.x", "")]), vec!["man", "-o", "plan.toml/x"]),
        (Seed, vec!["man", "-o", "trang"]),
        (With(&[("init.toml", "x")]), vec!["-f", "init.toml", "init", "--unit", "U"]),
        (With(&[(".plan.toml.journal", "")]), vec!["restore"]),
        (Then(lose_an_entry), vec!["status"]),
        (Then(read_only_plan), vec!["done", "4"]),
        (Then(lock_is_a_folder), vec!["done", "4"]),
        (Then(journal_is_a_folder), vec!["status"]),
        (Then(index_file_missing), vec!["index"]),
        (Then(journal_is_a_folder), vec!["restore"]),
        (Then(no_plan), vec!["status"]),
        (Then(huge_file), vec!["-f", "big.toml", "status"]),
        (Then(not_utf8), vec!["status"]),
        (Then(read_only_folder), vec!["done", "4"]),
        (Then(lock_is_a_link), vec!["done", "4"]),
        (Then(lose_a_done_mark), vec!["status"]),
        (Then(lose_many_entries), vec!["status"]),
        (Env("PAR_NOW", "hôm qua"), vec!["log", "4", "x"]),
        (
            Plan(format!(
                "task = [{{ id = \"1\", section = \"II\", title = \"Việc\", owner = \"ht\" }}]\n{}",
                plan_with("")
            )),
            vec!["done", "1"],
        ),
        // --- assess (#16) ---
        (Plan(assess_plan("[[assess.score]]\ncode = \"1.9\"\npoints = 1\n")), vec!["status"]),
        (Plan(assess_plan(&"[[assess.score]]\ncode = \"1.1\"\npoints = 1\n".repeat(2))), vec!["status"]),
        (Plan(assess_plan("[[assess.score]]\ncode = \"1\"\npoints = 1\n")), vec!["status"]),
        (Plan(assess_plan("[[assess.score]]\ncode = \"1.2\"\npoints = 1\n")), vec!["status"]),
        (Plan(assess_plan("[[assess.score]]\ncode = \"1.1\"\npoints = 5\n")), vec!["status"]),
        (Plan(assess_plan(&"[[assess.na]]\ncode = \"1.1\"\nreason = \"x\"\n".repeat(2))), vec!["status"]),
        (
            Plan(assess_plan(
                "[[assess.score]]\ncode = \"1.1\"\npoints = 1\n[[assess.na]]\ncode = \"1.1\"\nreason = \"x\"\n",
            )),
            vec!["status"],
        ),
        (Plan(assess_plan("[[index.crosswalk]]\nfrom = \"2024:\"\nto = \"1.1\"\n")), vec!["status"]),
        (Plan(assess_plan("[[index.crosswalk]]\nfrom = \"2024:3.2\"\nto = \"zz\"\n")), vec!["status"]),
        (Plan(assess_plan("[[index.crosswalk]]\nfrom = \"2024:3.2\"\nto = \"1.3\"\n")), vec!["status"]),
        (Plan(plan_with("[[assess.score]]\ncode = \"1\"\npoints = 1\n")), vec!["status"]),
        (Plan(assess_plan("").replace("scoring = \"survey\"", "scoring = \"zzz\"")), vec!["status"]),
        (Plan(assess_plan("").replace("scoring = \"survey\"", "scoring = \"self\"\nsurvey = true")), vec!["status"]),
        (Plan(assess_plan("").replace("[index]\n", "[index]\nrescale = \"zzz\"\n")), vec!["status"]),
        (Plan(assess_plan("").replace("[index]\n", "[index]\nset = \"illustrative-school-2025\"\n")), vec!["status"]),
        (Plan(plan_with("[index]\nset = \"national-8-areas\"\n")), vec!["status"]),
        (Then(set_of_unknown_kind), vec!["status"]),
        (Seed, vec!["assess", "score", "8.2", "3"]),
        (Seed, vec!["assess", "score", "1", "1"]),
        (Seed, vec!["assess", "score", "1.9", "1"]),
        (Seed, vec!["assess", "score", "1.1", "x"]),
        (Seed, vec!["assess", "score", "1.1", "-1"]),
        (Seed, vec!["assess", "score", "1.1", "3"]),
        (Seed, vec!["assess", "score", "1.1", "2", "--evidence", "/etc/hosts"]),
        (Seed, vec!["assess", "score", "1.1", "2", "--evidence", "Kế hoạch 1/KH-NBK ngày 20/12/2025"]),
        (Seed, vec!["assess", "sets", "zzz"]),
        (Seed, vec!["assess", "--final"]),
        (Seed, vec!["assess", "na", "1.1", "--undo"]),
        (Seed, vec!["assess", "na", "1.1", "--reason", " "]),
        (Plan(assess_plan("[[assess.na]]\ncode = \"1.1\"\nreason = \"x\"\n")), vec!["assess", "score", "1.1", "1"]),
        (
            Plan(assess_plan("[[assess.score]]\ncode = \"1.1\"\npoints = 1\n")),
            vec!["assess", "na", "1.1", "--reason", "x"],
        ),
        (Plan(assess_plan("[[assess.score]]\ncode = \"1.1\"\npoints = 1\n")), vec!["assess", "--final"]),
        // `par assess pack`: a reference outside the plan's folder; a folder where the cited
        // file should be; a cited file not there (warned, listed in MISSING, then written).
        (Plan(assess_plan(&pack_score("../ngoai.pdf"))), vec!["assess", "pack", "-o", "ho-so.zip"]),
        (Then(evidence_is_a_folder), vec!["assess", "pack", "-o", "ho-so.zip"]),
        (Plan(assess_plan(&pack_score("minh-chung/khong-co.pdf"))), vec!["assess", "pack", "-o", "ho-so.zip"]),
        (
            Plan(assess_plan("[assess]\nscore = [{ code = \"1.1\", points = 1 }]\n")),
            vec!["assess", "score", "1.1", "2"],
        ),
        // --- import: the forms plans arrive in (#15) ---
        (With(&[("scan.pdf", include_str!("fixtures/import/forms/scanned.pdf"))]), vec!["import", "scan.pdf"]),
        (With(&[("bad.pdf", "%PDF-1.7\nnot really")]), vec!["import", "bad.pdf"]),
        (With(&[("bad.xlsx", "PK\u{3}\u{4} not really a zip")]), vec!["import", "bad.xlsx"]),
    ]
}

/// A plan with a small index: area 1, criterion 1.1 (max 2), survey-scored 1.2 (max 2).
fn assess_plan(extra: &str) -> String {
    plan_with(&format!(
        "[index]\n[[index.criterion]]\ncode = \"1\"\ntitle = \"A\"\n[[index.criterion]]\ncode = \"1.1\"\ntitle = \"B\"\nmax = 2\n\
         [[index.criterion]]\ncode = \"1.2\"\ntitle = \"C\"\nmax = 2\nscoring = \"survey\"\n{extra}"
    ))
}

/// An `[[assess.score]]` for 1.1 whose evidence names `path`.
fn pack_score(path: &str) -> String {
    format!("[[assess.score]]\ncode = \"1.1\"\npoints = 2\nevidence = [\"Báo cáo 7/BC-NBK {path}\"]\n")
}

/// The seed plan scored with a cited file that is a folder (unreadable at pack time).
fn evidence_is_a_folder(s: &Session) {
    std::fs::create_dir_all(s.path("minh-chung/bc-7.pdf")).unwrap();
    s.par([
        "--today",
        "2025-12-10",
        "assess",
        "score",
        "1.1",
        "2",
        "--evidence",
        "Báo cáo 7/BC-NBK minh-chung/bc-7.pdf",
    ])
    .ok();
}

/// A plan whose criteria set (a file beside it) says an unknown kind.
fn set_of_unknown_kind(s: &Session) {
    std::fs::write(
        s.path("bo.toml"),
        "name = \"B\"\nkind = \"zzz\"\n[[criterion]]\ncode = \"1\"\ntitle = \"A\"\nmax = 1\n",
    )
    .unwrap();
    std::fs::write(s.path("plan.toml"), plan_with("[index]\nset = \"bo.toml\"\n")).unwrap();
}

/// The plan's checks (`plan/validate.rs`, `plan/history.rs`): plans each breaking many
/// rules at once (every problem is listed), and the command lines of the messages added
/// with them (cancel, note, sent reports, owners, fields, rollup, clap's usage errors).
fn plan_check_cases() -> Vec<(Setup, Vec<&'static str>)> {
    use Setup::*;
    let task = |extra: &str| {
        plan_with(&format!("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc\"\nowner = \"ht\"\n{extra}"))
    };
    let meta = plan_with(
        "[settings]\ndue_soon_days = 9999\n\n[[basis]]\nkind = \"Nghị định\"\ndate = \"x\"\n\n\
         [[owner]]\nid = \" \"\nname = \"x\"\n\n[[owner]]\nid = \"ht\"\nname = \"y\"\n\n\
         [[section]]\nid = \"II\"\ntitle = \"z\"\n",
    )
    .replace("unit = \"Trường Tiểu học Thử\"", "unit = \" \"")
    .replace(
        "year = 2025\n",
        "year = 1800\nlang = \"fr\"\ndate = \"32/1/2025\"\nstart = 2999-01-01\nunit_kind = \"village\"\n\n\
         [[plan.change]]\nfrom = \"x\"\n\n[[plan.change]]\nfrom = 2025-07-01\n\n\
         [[plan.change]]\nfrom = 2025-08-01\nplace = \"A\"\n\n[[plan.change]]\nfrom = 2025-08-01\nplace = \"B\"\n",
    );
    let tasks = plan_with(concat!(
        "[[task]]\nid = \"1 2\"\nsection = \"II\"\ntitle = \" \"\nowner = \"htt\"\nstart = 2025-06-01\n",
        "due = 2025-05-01\nend = 2025-04-01\ndue_day = 5\ncriteria = [\"1.1\"]\nadded = \"x\"\n",
        "[[task.ref]]\nkind = \"Công văn\"\ndate = \"x\"\n",
        "[task.indicator]\nname = \"n\"\ntarget = inf\ndirection = \"up\"\n",
        "[[task.measure]]\nvalue = nan\ndate = \"x\"\n",
        "[[task.done]]\ndate = \"x\"\nperiod = \"2025-Q1\"\n",
        "[[task.log]]\ndate = \"x\"\ntext = \"t\"\n\n",
        "[[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"b\"\nowner = \"zzzzzzzzzz\"\nrepeat = \"weekly\"\n",
        "cancelled = { date = 2025-09-01, reason = \" \" }\n\n",
        "[[task]]\nid = \"3\"\nsection = \"II\"\ntitle = \"c\"\nrepeat = \"quarterly\"\ndue = 2025-09-30\ndue_day = 40\n",
        "[[task.measure]]\nvalue = 1\ndate = 2025-01-01\nperiod = \"2025-07\"\n",
        "[[task.done]]\ndate = 2025-03-01\n",
        "[[task.done]]\ndate = 2025-04-01\nperiod = \"2025-07\"\n\n",
        "[[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"d\"\n\n",
        "[[task]]\nid = \"ệ\"\nsection = \"II\"\ntitle = \"e\"\n\n",
        "[[task]]\nid = \"e\u{323}\u{302}\"\nsection = \"II\"\ntitle = \"f\"\n\n",
        "[[task]]\nid = \"7\"\nsection = \"II\"\ntitle = \"g\"\n",
        "[[task.done]]\ndate = 2025-03-01\n[[task.done]]\ndate = 2025-03-02\n\n",
        "[[task]]\nid = \"8\"\nsection = \"II\"\ntitle = \"h\"\nrepeat = \"quarterly\"\n",
        "[[task.done]]\ndate = 2025-03-01\nperiod = \"2025-Q1\"\n[[task.done]]\ndate = 2025-03-02\nperiod = \"2025-Q1\"\n\n",
        "[[task]]\nid = \"9\"\nsection = \"II\"\ntitle = \"i\"\nstart = \"x\"\ndue = \"x\"\nend = \"x\"\n",
        "cancelled = { date = \"x\", reason = \"r\" }\n",
    ));
    let index = plan_with(concat!(
        "[index]\n",
        "[[index.criterion]]\ncode = \"1..2\"\ntitle = \"x\"\n",
        "[[index.criterion]]\ncode = \"1\"\ntitle = \"a\"\nmax = 10\n",
        "[[index.criterion]]\ncode = \"1\"\ntitle = \"b\"\n",
        "[[index.criterion]]\ncode = \"1.1\"\ntitle = \"c\"\nmax = 3\nlast_year = 5\nself_score = -1\n",
        "[[index.criterion]]\ncode = \"2.1\"\ntitle = \"d\"\n",
        "[[index.criterion]]\ncode = \"3\"\ntitle = \"e\"\n",
        "[[index.criterion]]\ncode = \"4\"\ntitle = \"f\"\nmax = -1\n\n",
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc\"\ncriteria = [\"9.9\"]\n",
    ));
    let report = plan_with(concat!(
        "[report]\ncalendar = \"lunar\"\ndue_day = 40\n\n",
        "[[report.proposal]]\nperiod = \"2024-Q3\"\ntext = \"x\"\n",
        "[[report.proposal]]\nperiod = \"2025-07\"\ntext = \"x\"\n",
        "[[report.proposal]]\nperiod = \"2025-Q3\"\ntext = \" \"\n\n",
        "[[report.note]]\nperiod = \"2024-Q3\"\nkind = \"cause\"\ntext = \"x\"\n",
        "[[report.note]]\nperiod = \"2025-07\"\nkind = \"cause\"\ntext = \"x\"\n",
        "[[report.note]]\nperiod = \"2025-Q3\"\nkind = \"mood\"\ntext = \"x\"\n",
        "[[report.note]]\nperiod = \"2025-Q3\"\nkind = \"cause\"\ntext = \" \"\n\n",
        "[[report.sent]]\nperiod = \"2025-Q1\"\nnumber = \"01\"\ndate = \"x\"\nfile = \"a\"\nsha256 = \"ab\"\n",
        "[[report.sent]]\nperiod = \"2025-Q1\"\nnumber = \"01\"\ndate = 2025-04-01\nfile = \"a\"\nsha256 = \"ab\"\n",
        "[[report.sent]]\nperiod = \"2025-Q1\"\nnumber = \"01\"\ndate = 2025-04-01\nfile = \" \"\nsha256 = \"",
        "0000000000000000000000000000000000000000000000000000000000000000\"\n",
        "[[report.sent]]\nperiod = \"2025-Q2\"\nnumber = \"01\"\ndate = 2025-07-01\nfile = \"a\"\nsha256 = \"",
        "0000000000000000000000000000000000000000000000000000000000000000\"\n",
        "[[report.sent]]\nperiod = \"2025-Q2\"\nnumber = \"02\"\ndate = 2025-07-01\nfile = \"a\"\nsha256 = \"",
        "0000000000000000000000000000000000000000000000000000000000000000\"\n",
        "[[report.sent]]\nperiod = \"2025-Q3\"\nnumber = \"01\"\ndate = 2025-10-01\nfile = \"a\"\nsha256 = \"",
        "0000000000000000000000000000000000000000000000000000000000000000\"\n",
    ));
    let cchc = plan_with(concat!(
        "[report]\ncalendar = \"cchc\"\ndue_day = 10\n\n",
        "[[report.proposal]]\nperiod = \"2025-Q2\"\ntext = \"x\"\n",
        "[[report.proposal]]\nperiod = \"2025-Q4\"\ntext = \"x\"\n",
        "[[report.proposal]]\nperiod = \"2025-H2\"\ntext = \"x\"\n",
    ));
    let sent = "[[report.sent]]\nperiod = \"2025-Q2\"\nnumber = \"01/BC\"\ndate = 2025-07-01\nfile = \"q2.md\"\nsha256 = \"\
                0000000000000000000000000000000000000000000000000000000000000000\"\n";
    let indicator = "due = 2025-06-30\n[task.indicator]\nname = \"Tỷ lệ\"\ntarget = 90\n";
    let with_vt =
        |extra: &str| task(extra).replace("[[section]]", "[[owner]]\nid = \"vt\"\nname = \"Văn thư\"\n\n[[section]]");
    let many: String = (0..60)
        .map(|i| format!("[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"x\"\nowner = \"zzzzzzzzzz\"\n\n"))
        .collect();
    vec![
        (Plan(meta), vec!["status"]),
        (Plan(tasks), vec!["status"]),
        (Plan(index), vec!["status"]),
        (Plan(report), vec!["status"]),
        (Plan(cchc), vec!["status"]),
        (Plan(plan_with("[report]\ndue_day = 10\n")), vec!["status"]),
        (Plan(plan_with(&many)), vec!["status"]),
        (
            Plan("[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x\"\n".into()),
            vec!["status"],
        ),
        // Cancel and note.
        (Seed, vec!["cancel", "4", "--undo"]),
        (Seed, vec!["cancel", "4"]),
        (Seed, vec!["cancel", "4", "--reason", "x", "--date", "2025-12-20", "--today", "2025-10-10"]),
        (Plan(task("cancelled = { date = 2025-09-01, reason = \"r\" }\n")), vec!["cancel", "1", "--reason", "x"]),
        (Plan(task("[[task.done]]\ndate = 2025-05-01\n")), vec!["cancel", "1", "--reason", "x"]),
        (Plan(task("[task.cancelled]\ndate = 2025-09-01\nreason = \"r\"\n")), vec!["cancel", "1", "--undo"]),
        (Seed, vec!["note", "--period", "Q3", "x"]),
        (Seed, vec!["note", "--period", "Q3", "--kind", "cause", " "]),
        (Seed, vec!["note", "--period", "Q9", "--kind", "cause", "x"]),
        (Seed, vec!["note", "--period", "2024-Q3", "--kind", "cause", "x"]),
        (Seed, vec!["note", "--period", "2025-07", "--kind", "cause", "x"]),
        (Seed, vec!["note", "--period", "Q3", "--kind", "mood", "x"]),
        // Reports recorded as sent, and the plan's warnings.
        (Plan(task(sent)), vec!["report", "--final", "--quarter", "2025-Q2"]),
        (Seed, vec!["report", "--final", "--quarter", "Q3", "--number", " "]),
        (Plan(task(sent)), vec!["report", "--final", "--quarter", "Q3", "--number", "01/BC"]),
        (Seed, vec!["report", "--final", "--quarter", "Q3", "--today", "2025-10-10"]),
        (Plan(task(sent)), vec!["report", "--quarter", "Q2", "--today", "2025-07-10"]),
        (Then(sent_copy_changed), vec!["report", "--quarter", "Q2", "--today", "2025-07-10"]),
        (Then(send_q2), vec!["report", "--quarter", "Q2", "--format", "md", "--today", "2025-07-10"]),
        (Then(send_q2_then_edit), vec!["report", "--quarter", "Q2", "--format", "md", "--today", "2025-07-10"]),
        (Plan(plan_with("").replace("year = 2025\n", "year = 2025\nsuperior = \"Phòng Giáo dục\"\n")), vec!["check"]),
        (Plan(task(&format!("added = 2025-01-01\n{sent}"))), vec!["rm", "1", "--yes"]),
        // Owners and the fields add and edit change.
        (Seed, vec!["owner", "edit", "zzzzzzzz", "--name", "x"]),
        (Seed, vec!["owner", "edit", "htt", "--name", "x"]),
        (
            Plan(format!(
                "owner = [{{ id = \"ht\", name = \"Hiệu trưởng\" }}]\n{}",
                plan_with("").replace("[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n", "")
            )),
            vec!["owner", "add", "vt", "--name", "Văn thư"],
        ),
        (Seed, vec!["owner", "add", "a b", "--name", "x"]),
        (Seed, vec!["owner", "add", "vtt", "--name", " "]),
        (Seed, vec!["owner", "add", "HT", "--name", "x"]),
        (Seed, vec!["owner", "edit", "ht"]),
        (Plan(task("")), vec!["owner", "edit", "ht", "--name", "Hiệu trưởng"]),
        (Seed, vec!["owner", "rm", "ht"]),
        (Plan(with_vt("support = [\"vt\"]\n")), vec!["owner", "rm", "vt"]),
        (Plan(task("")), vec!["edit", "1", "--unset", "indicator"]),
        (Plan(task("")), vec!["edit", "1", "--indicator", " "]),
        (Plan(task("")), vec!["edit", "1", "--target", "abc"]),
        (Plan(task("")), vec!["edit", "1", "--target", "90"]),
        (Plan(task("")), vec!["edit", "1", "--due", "30/9/2025"]),
        (Plan(task("due = 2025-06-30\n")), vec!["edit", "1", "--unset", "due"]),
        (Plan(task("")), vec!["edit", "1", "--criteria", "1.1"]),
        (Seed, vec!["edit", "4", "--criteria", "99.99"]),
        (Seed, vec!["edit", "4", "--criteria", "1.l"]),
        (Plan(with_vt("")), vec!["edit", "1", "--support", "+vt,ht"]),
        (Plan(with_vt("")), vec!["edit", "1", "--support", "-vt"]),
        (Seed, vec!["done", "5", "--today", "2026-01-05"]),
        (Seed, vec!["measure", "4", "90", "--replace", "--period", "2025-Q4"]),
        (Plan(task(indicator)), vec!["measure", "1", "90", "--replace"]),
        (Seed, vec!["measure", "4", "90", "--date", "2025-12-20", "--today", "2025-10-10"]),
        (
            Plan(task("repeat = \"quarterly\"\nstart = 2025-01-01\nend = 2026-06-30\n[task.indicator]\nname = \"Tỷ lệ\"\ntarget = 90\n")),
            vec!["measure", "1", "90", "--period", "2026-Q1", "--today", "2026-05-01"],
        ),
        (Then(done_5_q3), vec!["done", "5", "--period", "2025-Q3"]),
        (Seed, vec!["-f", "moi.toml", "init", "--unit", "U", "--year", "2025", "--start", "1/1/2024"]),
        (Then(dangling_output), vec!["export", "--format", "csv", "-o", "out.csv"]),
        // Rollup.
        (Then(empty_folder), vec!["rollup", "vung"]),
        (Seed, vec!["rollup", ".", "--report", "--format", "csv"]),
        (Seed, vec!["rollup", ".", "--format", "docx"]),
        (Seed, vec!["-f", "plan.toml", "rollup", "."]),
        (Seed, vec!["rollup", ".", "--quarter", "Q9"]),
        (Then(roster_not_utf8), vec!["rollup", "."]),
        (With(&[("units.toml", "[[unit]]\ncode = 1\n")]), vec!["rollup", ".", "--today", "2025-10-10"]),
        (With(&[("units.toml", "[[unit]]\ncode = \"A\"\n")]), vec!["rollup", ".", "--today", "2025-10-10"]),
        (With(&[("units.toml", "[[unit]]\nname = \"Trường A\"\n")]), vec!["rollup", ".", "--today", "2025-10-10"]),
        (
            With(&[("units.toml", "[[unit]]\ncode = \"A\"\nname = \"Trường A\"\n\n[[unit]]\ncode = \"a\"\nname = \"Trường B\"\n")]),
            vec!["rollup", ".", "--today", "2025-10-10"],
        ),
        (With(&[("hong.toml", "x = [")]), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        // Rollup's warnings (the office), on standard error with --format json.
        (With(&[("ban-sao.toml", SEED)]), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        (Then(later_cut_copy), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        (Then(empty_plan_too), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        (Then(roster_of_others), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        // Phrases inside other messages: skipped files' kinds, a lost measurement, every blank.
        (Then(odd_files), vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"]),
        (Then(lose_a_measurement), vec!["status", "--today", "2025-10-06"]),
        (Then(blanks_everywhere), vec!["report", "--final", "--number", "…/BC", "--today", "2025-10-10"]),
        (
            With(&[("units.toml", "[[unit]]\ncode = \"NBK\"\nname = \"Trường Tiểu học Nguyễn Bỉnh Khiêm\"\n")]),
            vec!["rollup", ".", "--format", "json", "--today", "2025-10-10"],
        ),
        // clap's usage errors.
        (Seed, vec!["status", "--frmat", "json"]),
        (Seed, vec!["sttus"]),
        (Seed, vec!["list", "--status", "xyz"]),
        (Seed, vec!["list", "--status", "overdu"]),
        (Seed, vec!["list", "--owner"]),
        (Seed, vec!["add"]),
        (Seed, vec!["status", "--format", "json", "--format", "table"]),
        (Seed, vec!["report", "--final", "-o", "x.docx"]),
        (Seed, vec!["rollup", "--jobs", "0"]),
        (Seed, vec!["log", "4", "-x"]),
    ]
}

fn send_q2(s: &Session) {
    for kind in ["assessment", "cause", "direction", "proposal"] {
        assert_eq!(s.run(&["note", "--period", "Q2", "--kind", kind, "Việc quý II."]).code, 0);
    }
    let run = s.run(&["report", "--quarter", "Q2", "--final", "--format", "md", "--today", "2025-07-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn sent_copy_changed(s: &Session) {
    let sent = "[[report.sent]]\nperiod = \"2025-Q2\"\nnumber = \"01/BC\"\ndate = 2025-07-01\nfile = \"q2.md\"\nsha256 = \"\
                0000000000000000000000000000000000000000000000000000000000000000\"\n";
    std::fs::write(s.path("plan.toml"), format!("{SEED}\n{sent}")).unwrap();
    std::fs::write(s.path("q2.md"), "x").unwrap();
}

fn send_q2_then_edit(s: &Session) {
    send_q2(s);
    assert_eq!(s.run(&["edit", "4", "--title", "Việc đã đổi tên"]).code, 0);
}

fn done_5_q3(s: &Session) {
    assert_eq!(s.run(&["done", "5", "--period", "2025-Q3", "--today", "2025-10-06"]).code, 0);
}

fn dangling_output(s: &Session) {
    std::os::unix::fs::symlink("/khong-co/out.csv", s.path("out.csv")).unwrap();
}

/// A copy of the seed plan dated later, holding one task of its ten: it supersedes the seed
/// (by date) and is flagged as cut short.
fn later_cut_copy(s: &Session) {
    let second = SEED.match_indices("\n[[task]]").nth(1).map(|(i, _)| i).unwrap();
    let text = SEED[..second].replacen("# date = 2025-05-…", "date = 2025-09-01", 1);
    std::fs::write(s.path("moi.toml"), text).unwrap();
}

/// A plan of a unit without a task, next to the seed: empty, and silent (nothing recorded).
fn empty_plan_too(s: &Session) {
    std::fs::write(s.path("trong.toml"), plan_with("")).unwrap();
}

/// A roster naming two units other than the seed's: one sent a Word file (`tra.docx`), one
/// only a plan of 2024; a Word file of no unit lies there too.
fn roster_of_others(s: &Session) {
    let roster = "[[unit]]\ncode = \"tra\"\nname = \"Trường A\"\n\n[[unit]]\ncode = \"trb\"\nname = \"Trường B\"\n";
    std::fs::write(s.path("units.toml"), roster).unwrap();
    std::fs::write(s.path("tra.docx"), "x").unwrap();
    std::fs::write(s.path("cong-van.docx"), "x").unwrap();
    let b = plan_with("").replace("year = 2025", "year = 2024").replace("Trường Tiểu học Thử", "Trường B");
    std::fs::write(s.path("truong-b.toml"), b).unwrap();
}

/// Next to the seed: a UTF-16 file (unreadable) and TOML that is no plan.
fn odd_files(s: &Session) {
    std::fs::write(s.path("hong.toml"), b"\xff\xfex\x00").unwrap();
    std::fs::write(s.path("khac.toml"), "name = 1\n").unwrap();
}

fn lose_a_measurement(s: &Session) {
    let before = s.plan_text();
    assert_eq!(s.run(&["measure", "4", "90", "--today", "2025-10-06"]).code, 0);
    std::fs::write(s.path("plan.toml"), before).unwrap();
}

/// The seed with a "…" in every heading and signature field `report --final` checks.
fn blanks_everywhere(s: &Session) {
    let text = SEED
        .replacen("unit = \"Trường Tiểu học Nguyễn Bỉnh Khiêm\" ", "unit = \"Trường … Khiêm\" ", 1)
        .replacen("superior = \"Ủy ban nhân dân phường Sài Gòn\"", "superior = \"…\"", 1)
        .replacen("place = \"Sài Gòn\"", "place = \"…\"", 1)
        .replacen("# to = \"Ủy ban nhân dân Quận 1\"", "to = \"…\"", 1)
        .replacen("    \"Ban Giám hiệu\",\n", "    \"…\",\n", 1)
        .replacen(
            "# signer = { name = \"…\", position = \"Phó Hiệu trưởng\", authority = \"KT. Hiệu trưởng\" }",
            "signer = { name = \"…\", position = \"…\" }",
            1,
        );
    std::fs::write(s.path("plan.toml"), text).unwrap();
}

fn empty_folder(s: &Session) {
    std::fs::create_dir(s.path("vung")).unwrap();
}

fn roster_not_utf8(s: &Session) {
    std::fs::write(s.path("units.toml"), b"# \xff\n").unwrap();
}

fn no_plan(s: &Session) {
    std::fs::remove_file(s.path("plan.toml")).unwrap();
}

fn huge_file(s: &Session) {
    std::fs::File::create(s.path("big.toml")).unwrap().set_len(300 << 20).unwrap();
}

fn not_utf8(s: &Session) {
    std::fs::write(s.path("plan.toml"), [SEED.as_bytes(), b"# \xff\n"].concat()).unwrap();
}

fn read_only_folder(s: &Session) {
    let dir = s.path("");
    let mut p = std::fs::metadata(&dir).unwrap().permissions();
    p.set_readonly(true);
    std::fs::set_permissions(&dir, p).unwrap();
}

fn lock_is_a_link(s: &Session) {
    std::os::unix::fs::symlink("/khong-co/lock", s.path(".plan.toml.lock")).unwrap();
}

fn lose_a_done_mark(s: &Session) {
    let before = s.plan_text();
    assert_eq!(s.run(&["done", "1", "--today", "2025-10-06"]).code, 0);
    assert_eq!(s.run(&["done", "5", "--period", "2025-Q3", "--today", "2025-10-06"]).code, 0);
    std::fs::write(s.path("plan.toml"), before).unwrap();
}

fn lose_many_entries(s: &Session) {
    let before = s.plan_text();
    for i in 0..22 {
        assert_eq!(s.run(&["log", "5", &format!("Việc {i}"), "--today", "2025-10-06"]).code, 0);
    }
    std::fs::write(s.path("plan.toml"), before).unwrap();
}

fn lose_an_entry(s: &Session) {
    let before = s.plan_text();
    assert_eq!(s.run(&["log", "5", "Việc A", "--today", "2025-10-06"]).code, 0);
    std::fs::write(s.path("plan.toml"), before).unwrap();
}

fn read_only_plan(s: &Session) {
    let path = s.path("plan.toml");
    let mut p = std::fs::metadata(&path).unwrap().permissions();
    p.set_readonly(true);
    std::fs::set_permissions(&path, p).unwrap();
}

fn lock_is_a_folder(s: &Session) {
    std::fs::create_dir(s.path(".plan.toml.lock")).unwrap();
}

fn journal_is_a_folder(s: &Session) {
    std::fs::create_dir(s.path(".plan.toml.journal")).unwrap();
}

fn index_file_missing(s: &Session) {
    let with_index = SEED.replacen("[index]", "[index]\nfile = \"chi-so.toml\"", 1);
    let text = with_index.split("\n[[index.criterion]]").next().unwrap().to_string()
        + &SEED[SEED.find("\n[[task]]").unwrap()..];
    std::fs::write(s.path("plan.toml"), text).unwrap();
}

/// Ids the cases above do not reach yet, each with the reason; the lead moves them to a
/// case (or to `[unreachable]` in the catalogue) as the plan checks move in.
const PENDING: &[(&str, &str)] = &[
    // Reachable from the command line, but not from a test's folder: each is run by the
    // test named, in its own harness.
    (
        "LimitTasks",
        "200,001 tasks: covered by hostile::more_tasks_than_the_limit_are_refused_at_the_first_one_too_many",
    ),
    ("LimitTasksHelp", "as LimitTasks"),
    (
        "LimitValues",
        "tens of MB of values: covered by hostile::hostile_nesting_and_value_floods_are_refused_in_bounded_memory",
    ),
    ("LimitValuesHelp", "as LimitValues"),
    ("CannotWriteUnchanged", "a write that fails midway (a full disk): covered by crash_safety with ulimit -f"),
    ("LockHeld", "another par holding the lock: covered by write_safety"),
    ("LockHeldHelp", "as LockHeld"),
    ("JournalUnusable", "a journal the user may not read: not as root, where the tests run"),
    ("ReadDenied", "a plan the user may not read: not as root, where the tests run"),
    ("IoDenied", "a file the user may not write: not as root, where the tests run"),
];

/// The message text of a line of standard error, without what frames it: the `error: `
/// tag, a label of the run's language, a diagnostic's `FILE:LINE:COL: ` or list dash.
/// `None` for lines that are not messages (a snippet of the plan, a listed entry).
fn message_of(line: &str, lang: Lang) -> Option<String> {
    let mut rest = line.trim_start();
    if rest.is_empty()
        || rest.starts_with('|')
        || rest.split_once(" |").is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    rest = rest.strip_prefix("error: ").unwrap_or(rest);
    for label in [Msg::LabelHelp, Msg::LabelNote, Msg::LabelWarning, Msg::LabelTip] {
        if let Some(r) = rest.strip_prefix(label.text(lang)).and_then(|r| r.strip_prefix(": ")) {
            rest = r;
        }
    }
    if let Some(r) = rest.strip_prefix("- ") {
        rest = r;
    }
    // FILE:LINE:COL: or FILE: before a diagnostic.
    let bytes: Vec<&str> = rest.splitn(4, ": ").collect();
    if let Some(i) = (0..bytes.len().saturating_sub(1)).find(|&i| {
        let head = bytes[..=i].join(": ");
        let parts: Vec<&str> = head.rsplitn(3, ':').collect();
        parts.len() == 3 && parts[0].chars().all(|c| c.is_ascii_digit()) && parts[1].chars().all(|c| c.is_ascii_digit())
    }) {
        rest = &rest[bytes[..=i].join(": ").len() + 2..];
    }
    Some(rest.to_string())
}

/// Whether a template says something of its own (not only arguments and punctuation).
fn has_words(m: Msg, lang: Lang) -> bool {
    m.pieces(lang).concat().chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// The ids whose text in `lang` the message is, and whether some id with words is one.
fn ids_of(message: &str, lang: Lang) -> Vec<Msg> {
    Msg::ALL
        .iter()
        .copied()
        .filter(|&m| m.matches(lang, message) || (has_words(m, lang) && contains_whole(m, lang, message)))
        .collect()
}

/// The phrases (ids named `What…` or `Value…`, said inside another message's argument)
/// whose text in `lang` the message holds somewhere: their literal pieces, in order.
fn phrases_in(message: &str, lang: Lang) -> impl Iterator<Item = Msg> + '_ {
    Msg::ALL.iter().copied().filter(move |m| {
        (m.id().starts_with("What") || m.id().starts_with("Value")) && {
            let mut rest = message;
            m.pieces(lang).iter().filter(|p| !p.is_empty()).all(|p| match rest.find(p.as_str()) {
                Some(i) => {
                    rest = &rest[i + p.len()..];
                    true
                }
                None => false,
            })
        }
    })
}

/// A message that is this template inside another's argument (`--period: {reason}`).
fn contains_whole(m: Msg, lang: Lang, message: &str) -> bool {
    let pieces = m.pieces(lang);
    let first = &pieces[0];
    (!first.is_empty() || pieces.len() == 1)
        && message.match_indices(first.as_str()).any(|(i, _)| i > 0 && m.matches(lang, &message[i..]))
}

#[test]
fn every_message_is_triggered_in_both_languages_and_printed_as_catalogued() {
    let mut triggered: BTreeSet<&str> = BTreeSet::new();
    let mut strays = Vec::new();
    for (setup, args) in cases().into_iter().chain(plan_check_cases()) {
        for lang in [Lang::Vi, Lang::En] {
            let s = match &setup {
                Setup::Seed | Setup::Then(_) | Setup::Env(..) => Session::seed(),
                Setup::Plan(text) => Session::with_plan(text),
                Setup::With(files) => {
                    let s = Session::seed();
                    for (name, text) in *files {
                        std::fs::write(s.path(name), text).unwrap();
                    }
                    s
                }
            };
            if let Setup::Then(step) = &setup {
                step(&s);
            }
            let code = if lang == Lang::En { "en" } else { "vi" };
            let full = [&["--lang", code][..], &args].concat();
            let run = match &setup {
                Setup::Env(key, value) => crate::support::Run::from(s.command(&full).env(key, value).output().unwrap()),
                _ => s.run(&full),
            };
            assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
            for line in run.stderr.lines() {
                for label in [Msg::LabelHelp, Msg::LabelNote, Msg::LabelWarning, Msg::LabelTip] {
                    if line.trim_start().starts_with(&format!("{}: ", label.text(lang))) {
                        triggered.insert(label.id());
                    }
                }
                let Some(message) = message_of(line, lang) else { continue };
                let mut ids = ids_of(&message, lang);
                if ids.is_empty() {
                    // A place that is the message's own argument (`{place}: first used here`).
                    let labelled = [Msg::LabelHelp, Msg::LabelNote, Msg::LabelWarning, Msg::LabelTip]
                        .iter()
                        .find_map(|l| line.trim_start().strip_prefix(l.text(lang)).and_then(|r| r.strip_prefix(": ")));
                    ids = labelled.map(|whole| ids_of(whole, lang)).unwrap_or_default();
                }
                // A field's before → after line is all arguments but its arrow.
                if !ids.iter().any(|&m| has_words(m, lang) || m == Msg::BeforeAfter) {
                    strays.push(format!("{code} {args:?}: {line}"));
                }
                triggered.extend(ids.iter().map(|m| m.id()));
                triggered.extend(phrases_in(&message, lang).map(|m| m.id()));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "lines of standard error that are no catalogue text of the run's language:\n{}",
        strays.join("\n")
    );
    let pending: BTreeSet<&str> = PENDING.iter().map(|(id, _)| *id).collect();
    let missing: Vec<&str> = Msg::ALL
        .iter()
        .filter(|m| m.unreachable().is_none() && !triggered.contains(m.id()) && !pending.contains(m.id()))
        .map(|m| m.id())
        .collect();
    assert!(missing.is_empty(), "ids neither triggered by a case nor marked unreachable: {missing:?}");
    let stale: Vec<&str> = pending.iter().filter(|id| triggered.contains(**id)).copied().collect();
    assert!(stale.is_empty(), "ids listed as pending that a case now triggers: {stale:?}");
}

/// Files that still word some standard-error texts outside the catalogue, and why; the
/// scan below skips them, and fails when one of them is clean (take it off the list).
const NOT_YET: &[(&str, &str)] = &[
    // Empty: every text on standard error is in the catalogue (issue #18, point 5).
];

/// What hands text to standard error: a failure, its help, a diagnostic, a print.
const SINKS: &[&str] = &[
    "Fail::new(",
    "Fail::input(",
    "Fail::read(",
    "Fail::write(",
    "Fail::conflict(",
    "Fail::findings(",
    "Fail::rendered(",
    ".help(",
    ".help_in(",
    "eprintln!(",
    "eprint!(",
    "Diagnostic::new(",
    ".problem(",
    "PlanError::plain(",
];

/// The first argument of the call starting at `text` (after the sink's opening parenthesis),
/// when it is a string literal or `format!`/`&format!` of one: that literal.
fn literal_argument(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let t = t.strip_prefix('&').unwrap_or(t);
    let t = t.strip_prefix("format!(").map(str::trim_start).unwrap_or(t);
    let body = t.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(&body[..i]),
            _ => escaped = false,
        }
    }
    None
}

/// Whether a format string has words of its own outside its `{…}` arguments.
fn has_own_words(literal: &str) -> bool {
    // `error: ` is the one fixed tag (see the catalogue's documentation).
    let literal = literal.strip_prefix("error: ").unwrap_or(literal);
    let mut depth = 0;
    let mut letters = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    letters >= 2
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_string_literal_outside_the_catalogue_reaches_standard_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for krate in ["core", "render", "import"] {
        rust_files(&root.join("crates").join(krate).join("src"), &mut files);
    }
    let mut found = Vec::new();
    let mut clean_but_listed = Vec::new();
    for file in files {
        let name = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if name.contains("/messages/") || name.ends_with("/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests at the end of a file say what they like.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        let mut hits = Vec::new();
        for sink in SINKS {
            for (at, _) in code.match_indices(sink) {
                if let Some(lit) = literal_argument(&code[at + sink.len()..]).filter(|l| has_own_words(l)) {
                    let line = code[..at].lines().count().max(1);
                    hits.push(format!("{name}:{line}: {sink}\"{lit}\""));
                }
            }
        }
        match (NOT_YET.iter().any(|(f, _)| *f == name), hits.is_empty()) {
            (true, true) => clean_but_listed.push(name),
            (true, false) => {}
            (false, _) => found.extend(hits),
        }
    }
    assert!(
        found.is_empty(),
        "text handed to standard error outside the catalogue (add it to crates/core/src/messages/list.rs and use say!):\n{}",
        found.join("\n")
    );
    assert!(clean_but_listed.is_empty(), "listed in NOT_YET but clean now: {clean_but_listed:?}");
}
