//! `par done`, `reopen`, `log`, `add`, `edit`, `rm`, `init`: each test compares the
//! whole file after the command with the file before plus exactly the expected change.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::Par;

const NOW: &str = "2025-10-06T09:15:00+07:00";

/// Writes on 6 October 2025, by no one in particular.
const PAR: Par = Par::new().clock("2025-10-06", NOW);

fn seed() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.toml")).unwrap()
}

/// A temporary folder holding a copy of the seed plan.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    fs::write(&path, seed()).unwrap();
    (dir, path)
}

/// `text` with `insert` right after `anchor`, which must occur exactly once.
fn insert_after(text: &str, anchor: &str, insert: &str) -> String {
    assert_eq!(text.matches(anchor).count(), 1, "anchor must be unique: {anchor:?}");
    text.replacen(anchor, &format!("{anchor}{insert}"), 1)
}

/// `text` with `old` (which must occur exactly once) replaced by `new`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "must be unique: {old:?}");
    text.replacen(old, new, 1)
}

const TASK1_END: &str = "evidence = [\"Biên bản họp Ban Giám hiệu ngày 15/7/2025\"]\nby = \"Cán bộ phụ trách CCHC\"\n";
const TASK4_END: &str = "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n";

#[test]
fn done_appends_an_entry_at_the_end_of_the_task_only() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path())
        .args([
            "done",
            "1",
            "--note",
            "Hoàn thành \"đủ\" chỉ tiêu",
            "--evidence",
            "Báo cáo số 5",
            "--evidence",
            "Biên bản",
        ])
        .args(["--by", "Văn thư", "--date", "30/9/2025"])
        .assert()
        .success()
        .stdout("Đã đánh dấu hoàn thành nhiệm vụ 1 ngày 30/09/2025, đúng hạn (31/12/2025).\n");
    let expected = insert_after(
        &seed(),
        TASK1_END,
        "\n[[task.done]]\ndate = 2025-09-30\nnote = \"Hoàn thành \\\"đủ\\\" chỉ tiêu\"\nevidence = [\"Báo cáo số 5\", \"Biên bản\"]\nby = \"Văn thư\"\nat = 2025-10-06T09:15:00+07:00\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    PAR.cmd_in(dir.path())
        .args(["show", "1", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("done_on_time"));
}

#[test]
fn done_on_a_recurring_task_marks_the_period_of_the_date_or_the_one_given() {
    let (dir, path) = setup();
    // 6/10/2025 is in Q4; Q2 and Q3 are already done.
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "4"])
        .assert()
        .success()
        .stdout("Marked task 4 (Q4 2025) done on 06/10/2025, on time (due 31/12/2025).\n");
    let expected = insert_after(
        &seed(),
        TASK4_END,
        &format!(
            "\n[[task.done]]\nperiod = \"2025-Q4\"\ndate = 2025-10-06\nby = \"{}\"\nat = 2025-10-06T09:15:00+07:00\n",
            crate::support::login()
        ),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    // A late Q3 report of task III.1 named by --period, on a task due on the 20th.
    let (dir, path) = setup();
    fs::write(&path, seed().replace("[[task.done]]\nperiod = \"2025-Q3\"\ndate = 2025-09-19\nevidence = [\"Báo cáo CCHC quý III/2025 của trường\"]\n", "")).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "III.1", "--period", "Q3", "--date", "hôm qua"])
        .assert()
        .success()
        .stdout("Marked task III.1 (Q3 2025) done on 05/10/2025, 15 days after the deadline 20/09/2025.\n");
    let expected = insert_after(
        &before,
        "evidence = [\"Báo cáo CCHC quý II/2025 của trường\"]\n",
        &format!(
            "\n[[task.done]]\nperiod = \"2025-Q3\"\ndate = 2025-10-05\nby = \"{}\"\nat = 2025-10-06T09:15:00+07:00\n",
            crate::support::login()
        ),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn done_twice_is_a_no_op_with_a_message() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "4", "--period", "2025-Q3"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("task 4 (Q3 2025) is already marked done on 06/10/2025; nothing was written"))
        .stderr(predicate::str::contains("`par reopen 4 --period 2025-Q3` removes that mark"));
    PAR.cmd_in(dir.path())
        .args(["done", "8"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nhiệm vụ 8 đã được đánh dấu hoàn thành ngày 10/10/2025; không ghi gì thêm"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

#[test]
fn reopen_removes_the_mark_and_keeps_it_as_a_log_entry() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path()).args(["done", "4"]).assert().success();
    PAR.cmd_in(dir.path()).args(["done", "1", "--note", "x"]).assert().success();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "reopen", "4"])
        .assert()
        .success()
        .stdout("Reopened task 4 (Q4 2025): removed its done mark of 06/10/2025; its date, note and evidence are kept as a log entry.\n");
    PAR.cmd_in(dir.path())
        .args(["reopen", "1"])
        .assert()
        .success()
        .stdout("Đã bỏ đánh dấu hoàn thành nhiệm vụ 1 (ngày 06/10/2025); ngày, ghi chú và minh chứng của nó được chuyển vào nhật ký.\n");
    // The marks are gone; in their place, at each task's end, a log entry keeps them (issue 18).
    let login = crate::support::login();
    let expected = insert_after(
        &insert_after(
            &seed(),
            TASK1_END,
            &format!(
                "\n[[task.log]]\ndate = 2025-10-06\ntext = \"Bỏ đánh dấu hoàn thành ngày 06/10/2025 (par reopen); ghi chú khi hoàn thành: x\"\nby = \"{login}\"\nat = 2025-10-06T09:15:00+07:00\n"
            ),
        ),
        TASK4_END,
        &format!(
            "\n[[task.log]]\ndate = 2025-10-06\ntext = \"Done mark removed on 06/10/2025 (par reopen)\"\nperiod = \"2025-Q4\"\nby = \"{login}\"\nat = 2025-10-06T09:15:00+07:00\n"
        ),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    // A mark in the middle of the task, with its attached data, goes with its blank line.
    PAR.cmd_in(dir.path()).args(["reopen", "4", "--period", "2025-Q2"]).assert().success();
    let q2 = "\n[[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-06-27\nnote = \"Quý II: 4/4 phản ánh được xử lý đúng hạn\"\nevidence = [\"Sổ theo dõi phản ánh, kiến nghị quý II/2025\"]\nby = \"Văn thư\"\n";
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&replace_once(&expected, q2, "")[..expected.find(q2).unwrap()]));
    assert!(!after.contains(q2) && after.contains("period = \"2025-Q2\"\nevidence = [\"Sổ theo dõi phản ánh, kiến nghị quý II/2025\"]\nby = \"Văn thư\"\nat = "));
    // Nothing left to reopen: a message, nothing written.
    let before = fs::read_to_string(&path).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "reopen", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("task 1 is not marked done"));
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "reopen", "4", "--period", "2025-Q2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("task 4 (Q2 2025) is not marked done"));
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "reopen", "8", "--period", "2025-Q2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not repeat"));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn log_appends_a_progress_entry() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path())
        .args(["log", "4", "Cập nhật sổ theo dõi phản ánh", "--period", "Q4", "--evidence", "Sổ theo dõi"])
        .env("USER", "cchc-officer")
        .assert()
        .success()
        .stdout("Đã ghi nhật ký tiến độ cho nhiệm vụ 4 (quý IV năm 2025) ngày 06/10/2025.\n");
    let expected = insert_after(
        &seed(),
        TASK4_END,
        "\n[[task.log]]\ndate = 2025-10-06\ntext = \"Cập nhật sổ theo dõi phản ánh\"\nperiod = \"2025-Q4\"\nevidence = [\"Sổ theo dõi\"]\nby = \"cchc-officer\"\nat = 2025-10-06T09:15:00+07:00\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    PAR.cmd_in(dir.path())
        .args(["show", "4", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Cập nhật sổ theo dõi phản ánh"));
}

#[test]
fn by_defaults_to_the_plan_setting_then_the_os_user() {
    let (dir, path) = setup();
    fs::write(&path, seed().replace("# by = \"Văn thư\"       #", "by = \"Văn thư\"         #")).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    PAR.cmd_in(dir.path()).args(["log", "3", "Rà soát hồ sơ"]).env("USER", "someone").assert().success();
    let after = fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        insert_after(
            &before,
            "result = \"100% nhiệm vụ Quận giao hoàn thành đúng tiến độ; 100% hồ sơ TTHC giải quyết đúng hạn\"\ncriteria = [\"1.5\", \"3.1\"]\n",
            "\n[[task.log]]\ndate = 2025-10-06\ntext = \"Rà soát hồ sơ\"\nby = \"Văn thư\"\nat = 2025-10-06T09:15:00+07:00\n"
        )
    );
}

#[test]
fn add_puts_the_task_after_the_last_of_its_section_with_the_next_id() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path())
        .args(["add", "Cập nhật danh mục TTHC", "--section", "ii", "--owner", "cntt", "--support", "van thu,ht"])
        .args(["--due", "30/11/2025", "--result", "Danh mục đầy đủ"])
        .assert()
        .success()
        .stdout("Đã thêm nhiệm vụ 9 vào phần II: Cập nhật danh mục TTHC\n");
    let expected = insert_after(
        &seed(),
        "evidence = [\"Tờ trình giới thiệu mô hình, giải pháp gửi Phòng Nội vụ\"]\n",
        "\n[[task]]\nid = \"9\"\nsection = \"II\"\ntitle = \"Cập nhật danh mục TTHC\"\nowner = \"cntt\"\nsupport = [\"vt\", \"ht\"]\ndue = 2025-11-30\nresult = \"Danh mục đầy đủ\"\nadded = 2025-10-06\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    // A recurring task in section III gets III.3, at the end of the file.
    PAR.cmd_in(dir.path())
        .args([
            "--lang",
            "en",
            "add",
            "Báo cáo năm",
            "--section",
            "III",
            "--owner",
            "cchc",
            "--repeat",
            "hằng năm",
            "--due-day",
            "15",
        ])
        .assert()
        .success()
        .stdout("Added task III.3 to section III: Báo cáo năm\n");
    let expected = format!(
        "{expected}\n[[task]]\nid = \"III.3\"\nsection = \"III\"\ntitle = \"Báo cáo năm\"\nowner = \"cchc\"\nrepeat = \"yearly\"\ndue_day = 15\nadded = 2025-10-06\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    PAR.cmd_in(dir.path())
        .args(["list", "--section", "III"])
        .assert()
        .success()
        .stdout(predicate::str::contains("III.3"));
}

#[test]
fn add_to_a_section_without_tasks_goes_before_the_next_section() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path()).args(["add", "Mục tiêu", "--section", "I", "--id", "I.a"]).assert().success();
    let expected = insert_after(
        &seed(),
        "# below are SAMPLE DATA for illustration.\n# ---------------------------------------------------------------------------\n",
        "\n[[task]]\nid = \"I.a\"\nsection = \"I\"\ntitle = \"Mục tiêu\"\nadded = 2025-10-06\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    // And `rm` takes it back out exactly.
    PAR.cmd_in(dir.path()).args(["rm", "I.a", "--yes"]).assert().success().stdout("Đã xóa nhiệm vụ I.a.\n");
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

#[test]
fn add_rejects_bad_input_and_writes_nothing() {
    let (dir, path) = setup();
    let cases: &[(&[&str], &str)] = &[
        (&["add", "X", "--section", "IV"], "--section: no section has the id `IV`; did you mean `I`?"),
        (&["add", "X"], "say which section the task is in with --section; the sections: I, II, III"),
        (&["add", "X", "--section", "II", "--id", "3"], "the id 3 is already used by the task on line"),
        (
            &["add", "X", "--section", "II", "--owner", "chhc"],
            "--owner: no owner has the id `chhc`; did you mean `cchc`?",
        ),
        (&["add", "X", "--section", "II", "--repeat", "weekly"], "--repeat: unknown repeat rule `weekly`"),
        (&["add", "X", "--section", "II", "--due", "31/2/2025"], "--due: `31/2/2025` is not a date"),
        (
            &["add", "X", "--section", "II", "--repeat", "quarterly", "--due", "1/7/2025"],
            "task `9` repeats, so it has no single due date",
        ),
        (
            &["add", "X", "--section", "II", "--start", "1/8/2025", "--due", "1/7/2025"],
            "task `9` is due (01/07/2025) before it starts (01/08/2025)",
        ),
    ];
    for (args, message) in cases {
        PAR.cmd_in(dir.path())
            .arg("--lang")
            .arg("en")
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

#[test]
fn edit_changes_only_the_given_keys_and_keeps_comments() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path())
        .args(["edit", "8", "--due", "15/10/2025", "--owner", "pht", "--unset", "start"])
        .assert()
        .success()
        .stdout("Đã sửa nhiệm vụ 8: owner, due; bỏ start.\n");
    let comment = "# Văn bản không ghi thời hạn; giả định phát động từ 01/6 và hoàn thành trong quý III.\n# The document sets no dates; assumed to start on 1 June and finish within Q3.\n";
    let expected = replace_once(
        &seed(),
        &format!("owner = \"ht\"\nsupport = [\"cd\", \"tcm\"]\n{comment}start = 2025-06-01\ndue = 2025-09-30\n"),
        &format!("owner = \"pht\"\nsupport = [\"cd\", \"tcm\"]\n{comment}due = 2025-10-15\n"),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);

    // A new key goes in its usual place; the trailing comment of a changed value stays.
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "edit", "2", "--repeat", "quarterly", "--due-day", "20"])
        .assert()
        .success();
    let expected = replace_once(
        &expected,
        "repeat = \"ongoing\"       # \"duy trì thường xuyên\"\n",
        "repeat = \"quarterly\"       # \"duy trì thường xuyên\"\ndue_day = 20\n",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn edit_rejects_bad_input_and_writes_nothing() {
    let (dir, path) = setup();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["edit", "3", "--due", "2025-12-01"], 2, "task `3` repeats, so it has no single due date"),
        (&["edit", "8", "--due", "1/5/2025"], 2, "is due (01/05/2025) before it starts (01/06/2025)"),
        (&["edit", "8"], 2, "nothing to change"),
        (&["edit", "8", "--due", "30/9/2025"], 1, "task 8 already says so; nothing was written"),
        (&["edit", "8", "--owner", "zz"], 2, "--owner: no owner has the id `zz`"),
        (&["edit", "8", "--due", "1/10/2025", "--unset", "due"], 2, "`due` is both set and removed"),
        (&["edit", "88", "--due", "1/10/2025"], 2, "no task has the id `88`; did you mean `8`?"),
    ];
    for (args, code, message) in cases {
        PAR.cmd_in(dir.path())
            .arg("--lang")
            .arg("en")
            .args(*args)
            .assert()
            .code(*code)
            .stderr(predicate::str::contains(*message));
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

#[test]
fn rm_removes_the_task_with_its_entries() {
    let (dir, path) = setup();
    // Not on a terminal and without --yes: refuses.
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "rm", "5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not removing task 5 without confirmation; in scripts pass --yes"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    PAR.cmd_in(dir.path()).args(["rm", "5", "-y"]).assert().success().stdout("Đã xóa nhiệm vụ 5.\n");
    let s = seed();
    let (h5, h6) = (s.find("[[task]]\nid = \"5\"").unwrap(), s.find("[[task]]\nid = \"6\"").unwrap());
    // From the blank line before task 5 to the end of its last line; the blank line before 6 stays.
    let expected = format!("{}{}", &s[..h5 - 1], &s[h6 - 1..]);
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "show", "5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no task has the id `5`"));
}

#[test]
fn init_creates_a_commented_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    PAR.cmd_in(dir.path())
        .args([
            "init",
            "--unit",
            "UBND Phường Bến Nghé",
            "--year",
            "2026",
            "--signer",
            "Nguyễn Văn A",
            "--position",
            "Chủ tịch",
        ])
        .args(["--unit-short", "BN", "--superior", "UBND Thành phố Hồ Chí Minh"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Đã tạo"));
    let path = dir.path().join("plan.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# ============"), "{text}");
    assert!(text.contains("unit = \"UBND Phường Bến Nghé\"\n"));
    assert!(text.contains("year = 2026 "));
    // "Phường" in the name: a ward; its chairperson signs for the committee (TM.), not KT.
    assert!(text.contains("unit_kind = \"ward\""), "{text}");
    assert!(
        text.contains(
            "signer = { name = \"Nguyễn Văn A\", position = \"Chủ tịch\", capacity = [\"TM. ỦY BAN NHÂN DÂN\"] }\n"
        ),
        "{text}"
    );
    assert!(text.contains("# Tệp này là của bạn"));
    // It loads, and par can add to it and mark done.
    PAR.cmd_in(dir.path()).args(["status", "--today", "2026-03-01"]).assert().success();
    PAR.cmd_in(dir.path())
        .args(["add", "Xây dựng kế hoạch", "--section", "II", "--owner", "ct", "--due", "30/5/2026"])
        .assert()
        .success();
    PAR.cmd_in(dir.path()).args(["done", "II.1", "--date", "2026-05-20", "--today", "2026-06-01"]).assert().success();
    PAR.cmd_in(dir.path())
        .args(["list", "--today", "2026-06-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("II.1").and(predicate::str::contains("Xong đúng hạn")));
    // Never over an existing file.
    let before = fs::read(&path).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "init", "--unit", "Khác"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; par does not overwrite it"));
    assert_eq!(fs::read(&path).unwrap(), before);
    // -f names another file.
    PAR.cmd_in(dir.path()).args(["-f", "other.toml", "init", "--unit", "Khác", "--year", "2025"]).assert().success();
    PAR.cmd_in(dir.path()).args(["-f", "other.toml", "status"]).assert().success();
}
