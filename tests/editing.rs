//! Issue 18, points 6 and 7: `par init` (start, kind of unit, code) and editing what
//! the plan holds without opening the file: criteria, indicators, owners, corrected
//! measurements, reopen keeping the mark, `--support +a,-b`, `show` in full. Each write
//! is checked against the whole file (only the touched lines change) and its messages.

use crate::support::{SEED, Session};

const TODAY: &str = "2025-10-10";
const NOW: &str = "2025-10-10T09:00:00+07:00";

/// The seed plan, written on 10 October 2025.
fn seed() -> Session {
    Session::seed().env("PAR_TODAY", TODAY).env("PAR_NOW", NOW)
}

/// `text` with `old` (which must occur exactly once) replaced by `new`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "must be unique: {old:?}");
    text.replacen(old, new, 1)
}

// ---------------------------------------------------------------------------- init (6)

#[test]
fn init_starts_today_so_a_plan_made_in_july_has_no_overdue_first_quarter() {
    let s = Session::with_plan("");
    std::fs::remove_file(s.path("plan.toml")).unwrap();
    let s = s.env("PAR_TODAY", "2025-07-02").env("PAR_NOW", "2025-07-02T08:00:00+07:00");
    let out = s.run_timed(&["init", "--unit", "Trường Tiểu học Thử", "--year", "2025"]).ok();
    assert!(out.contains("loại đơn vị school (đoán từ tên; đổi bằng --kind), bắt đầu từ 02/07/2025"), "{out}");
    let text = s.plan_text();
    assert!(text.contains("\nstart = 2025-07-02 "), "{text}");
    assert!(text.contains("\nunit_kind = \"school\" "), "{text}");
    assert!(text.contains("[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n"), "{text}");
    // A quarterly task added on the first day: its first period is Q3, nothing is overdue.
    s.run(&["add", "Báo cáo CCHC", "--section", "II", "--owner", "cchc", "--repeat", "quarterly"]).ok();
    let list = s.run(&["list", "--occurrences"]).ok();
    assert!(list.contains("II.1@2025-Q3") && !list.contains("2025-Q1") && !list.contains("2025-Q2"), "{list}");
    s.run(&["status", "--fail-on-overdue"]).ok();
}

#[test]
fn init_kind_writes_the_unit_kind_signer_capacity_owners_and_code() {
    let s = Session::with_plan("");
    std::fs::remove_file(s.path("plan.toml")).unwrap();
    let s = s.env("PAR_TODAY", "2025-07-02");
    let args = ["init", "--unit", "UBND Phường Sài Gòn", "--kind", "ward", "--code", "SG-01"];
    let out = s.run_timed(&[&args[..], &["--signer", "Nguyễn Văn A", "--start", "1/8"]].concat()).ok();
    assert!(out.contains("loại đơn vị ward (--kind), bắt đầu từ 01/08/2025"), "{out}");
    assert!(out.contains("--owner ct --due 30/9/2025"), "{out}");
    let text = s.plan_text();
    assert!(text.contains("\nunit_kind = \"ward\" "), "{text}");
    assert!(text.contains("\ncode = \"SG-01\" "), "{text}");
    assert!(text.contains("\nstart = 2025-08-01 "), "{text}");
    assert!(
        text.contains(
            "\nsigner = { name = \"Nguyễn Văn A\", position = \"PHÓ CHỦ TỊCH\", capacity = [\"TM. ỦY BAN NHÂN DÂN\", \"KT. CHỦ TỊCH\"] }\n"
        ),
        "{text}"
    );
    for owner in ["Chủ tịch Ủy ban nhân dân", "Văn phòng HĐND-UBND", "Bộ phận Một cửa", "Công chức Văn hóa - Xã hội"]
    {
        assert!(text.contains(&format!("name = \"{owner}\"\n")), "{owner}: {text}");
    }
    assert!(text.contains("#   par owner add motcua --name"), "{text}");
    // The owners are the plan's: a task can be given to the one-stop desk at once.
    s.run(&["add", "Niêm yết TTHC", "--section", "II", "--owner", "motcua", "--due", "30/9"]).ok();

    // Guessed from the name; a department's signer; no --signer: a commented example.
    let d = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| s.command_in(d.path(), args).output().unwrap();
    let out = run(&["init", "--unit", "Phòng Nội vụ Quận 1", "--year", "2026"]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(d.path().join("plan.toml")).unwrap();
    assert!(text.contains("\nunit_kind = \"department\" "), "{text}");
    assert!(text.contains("\nstart = 2026-01-01 "), "a plan for another year starts on its first day: {text}");
    assert!(text.contains("# signer = { name = \"Họ và tên\", position = \"TRƯỞNG PHÒNG\" }"), "{text}");
    assert!(text.contains("[[owner]]\nid = \"tp\"\nname = \"Trưởng phòng\"\n"), "{text}");
}

#[test]
fn init_refuses_a_start_outside_the_year_and_writes_nothing() {
    let s = Session::with_plan("");
    std::fs::remove_file(s.path("plan.toml")).unwrap();
    let err = s.run(&["--lang", "en", "init", "--unit", "X", "--year", "2025", "--start", "2024-12-01"]).fails(2);
    assert!(err.contains("error: --start: 01/12/2024 is not in the plan's year 2025"), "{err}");
    assert!(err.contains("help: give a day of 2025, e.g. --start 1/7/2025, or change the year with --year"), "{err}");
    let err = s.run(&["init", "--unit", "X", "--kind", "village"]).fails(2);
    assert!(err.contains("school, ward, commune, department, office"), "{err}");
    assert!(!s.path("plan.toml").exists());
}

// ------------------------------------------------------------- criteria, indicator (7)

#[test]
fn add_and_edit_link_criteria_checked_against_the_index() {
    let s = seed();
    s.run(&["add", "Rà soát TTHC", "--section", "III", "--owner", "cchc", "--due", "30/11", "--criteria", "3.2,7.1"])
        .ok();
    let block = "\n[[task]]\nid = \"III.3\"\nsection = \"III\"\ntitle = \"Rà soát TTHC\"\nowner = \"cchc\"\ndue = 2025-11-30\ncriteria = [\"3.2\", \"7.1\"]\nadded = 2025-10-10\n";
    let added = s.plan_text();
    assert_eq!(replace_once(&added, block, ""), SEED, "only the new task's lines were added");

    let run = s.run(&["edit", "3", "--criteria", "+3.2,-1.5"]);
    assert_eq!(run.stdout, "Đã sửa nhiệm vụ 3: criteria.\n");
    assert_eq!(run.stderr, "  criteria: [\"1.5\", \"3.1\"] → [\"3.1\", \"3.2\"]\n");
    let edited = replace_once(&added, "criteria = [\"1.5\", \"3.1\"]\n", "criteria = [\"3.1\", \"3.2\"]\n");
    assert_eq!(s.plan_text(), edited);

    // Unknown codes: the nearest is suggested, nothing written.
    for (args, message) in [
        (
            &["edit", "3", "--criteria", "3.7"][..],
            "error: --criteria: no criterion has the code `3.7` in [index]; did you mean `3.1`?",
        ),
        (&["add", "Y", "--section", "II", "--criteria", "9.9.9"][..], "no criterion has the code `9.9.9`"),
        (&["edit", "3", "--criteria", "-7.1"][..], "--criteria: `7.1` is not in the current list (3.1, 3.2)"),
    ] {
        let err = s.run(&[&["--lang", "en"][..], args].concat()).fails(2);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(err.contains("help:"), "{err}");
    }
    assert_eq!(s.plan_text(), edited);
}

#[test]
fn add_and_edit_set_the_indicator_table() {
    let s = seed();
    // A task without an indicator gets the table right after its own keys.
    let run = s.run(&["edit", "3", "--indicator", "Tỷ lệ hồ sơ đúng hạn", "--target", "100", "--unit", "%"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Đã sửa nhiệm vụ 3: indicator.name, indicator.unit, indicator.target.\n");
    assert_eq!(
        run.stderr,
        "  indicator.name: (chưa có) → \"Tỷ lệ hồ sơ đúng hạn\"\n  indicator.unit: (chưa có) → \"%\"\n  indicator.target: (chưa có) → 100\n"
    );
    let with_table = replace_once(
        SEED,
        "criteria = [\"1.5\", \"3.1\"]\n",
        "criteria = [\"1.5\", \"3.1\"]\n\n[task.indicator]\nname = \"Tỷ lệ hồ sơ đúng hạn\"\nunit = \"%\"\ntarget = 100\n",
    );
    assert_eq!(s.plan_text(), with_table);
    // `--unset indicator` takes the table away again: the file is the seed once more.
    let run = s.run(&["edit", "3", "--unset", "indicator"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "Đã sửa nhiệm vụ 3: bỏ indicator.\n"), "{}", run.stderr);
    assert_eq!(s.plan_text(), SEED);
    // Not while measurements need it: the plan check refuses, nothing written.
    let err = s.run(&["--lang", "en", "edit", "5", "--unset", "indicator"]).fails(2);
    assert!(err.contains("has a measurement but no [task.indicator]") && err.contains("nothing was written"), "{err}");
    assert_eq!(s.plan_text(), SEED);
    s.run(&["edit", "3", "--indicator", "Tỷ lệ hồ sơ đúng hạn", "--target", "100", "--unit", "%"]);
    assert_eq!(s.plan_text(), with_table);
    // It can be measured at once.
    s.run(&["measure", "3", "95"]).ok();

    // An existing indicator: only the key given changes, in place.
    let s = seed();
    let run = s.run(&["--lang", "en", "edit", "4", "--target", "95,5"]);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        ("Changed task 4: indicator.target.\n", "  indicator.target: 100 → 95.5\n")
    );
    let ind = "name = \"Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn\"\nunit = \"%\"\ntarget = ";
    assert_eq!(s.plan_text(), replace_once(SEED, &format!("{ind}100\n"), &format!("{ind}95.5\n")));
    // A number beyond TOML's 64-bit integers is written as a float, not as digits TOML
    // refuses (it was "cannot edit [task.indicator]: integer number overflowed", exit 2),
    // and so is a measurement of it.
    let run = s.run(&["--lang", "en", "edit", "4", "--target", "100000000000000000000"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "  indicator.target: 95.5 → 1e20\n"), "{}", run.stderr);
    assert_eq!(s.plan_text(), replace_once(SEED, &format!("{ind}100\n"), &format!("{ind}1e20\n")));
    s.run(&["measure", "4", "1e300", "--period", "2025-Q4"]).ok();
    assert!(s.plan_text().contains("value = 1e300\n"), "{}", s.plan_text());
    s.run(&["status"]).ok();

    // On add: after the task's keys.
    let s = seed();
    s.run(&[
        "add",
        "Đo mức hài lòng",
        "--section",
        "II",
        "--owner",
        "ht",
        "--due",
        "15/12",
        "--indicator",
        "Mức hài lòng",
        "--target",
        "80",
    ])
    .ok();
    let block = "\n[[task]]\nid = \"9\"\nsection = \"II\"\ntitle = \"Đo mức hài lòng\"\nowner = \"ht\"\ndue = 2025-12-15\nadded = 2025-10-10\n\n[task.indicator]\nname = \"Mức hài lòng\"\ntarget = 80\n";
    assert_eq!(replace_once(&s.plan_text(), block, ""), SEED);

    // Bad input: nothing written.
    let s = seed();
    for (args, message) in [
        (
            &["edit", "8", "--target", "5"][..],
            "the task has no indicator yet: give both its name (--indicator) and its target (--target)",
        ),
        (&["edit", "4", "--target", "nhiều"][..], "--target: `nhiều` is not a number"),
        (&["edit", "4", "--target", "9", "--unset", "indicator"][..], "`indicator` is both set and removed"),
    ] {
        let err = s.run(&[&["--lang", "en"][..], args].concat()).fails(2);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(s.plan_text(), SEED);
}

// ------------------------------------------------------------------------- owners (7)

#[test]
fn owner_add_edit_rm_list_change_only_that_owners_lines() {
    let s = seed();
    let tcm = "[[owner]]\nid = \"tcm\"\nname = \"Các tổ chuyên môn\"\nname_en = \"Subject teams\"\n";
    // A task cannot be given to an owner the plan lacks: the error says how to add it.
    let err = s.run(&["--lang", "en", "edit", "8", "--owner", "motcua"]).fails(2);
    assert!(err.contains("error: --owner: no owner has the id `motcua`"), "{err}");
    assert!(err.contains("help: add the owner first: par owner add motcua --name \"Name of the unit\""), "{err}");
    let err = s.run(&["add", "X", "--section", "II", "--support", "motcua"]).fails(2);
    assert!(err.contains("thêm người chủ trì mới trước: par owner add motcua --name \"Tên bộ phận\""), "{err}");

    let out = s.run(&["owner", "add", "motcua", "--name", "Bộ phận Một cửa", "--name-en", "One-stop desk"]).ok();
    assert_eq!(out, "Đã thêm người chủ trì motcua: Bộ phận Một cửa.\n");
    let new = "\n[[owner]]\nid = \"motcua\"\nname = \"Bộ phận Một cửa\"\nname_en = \"One-stop desk\"\n";
    let added = replace_once(SEED, tcm, &format!("{tcm}{new}"));
    assert_eq!(s.plan_text(), added);
    assert_eq!(s.run(&["edit", "8", "--support", "+motcua"]).stdout, "Đã sửa nhiệm vụ 8: support.\n");

    let err = s.run(&["--lang", "en", "owner", "add", "MotCua", "--name", "Khác"]).fails(2);
    assert!(err.contains("the id MotCua is already used by the owner “Bộ phận Một cửa”; nothing was written"), "{err}");

    let run = s.run(&["owner", "edit", "motcua", "--name", "Bộ phận Tiếp nhận và Trả kết quả"]);
    assert_eq!(run.stdout, "Đã sửa người chủ trì motcua: name.\n");
    assert_eq!(run.stderr, "  name: \"Bộ phận Một cửa\" → \"Bộ phận Tiếp nhận và Trả kết quả\"\n");

    let list = s.run(&["owner", "list", "--format", "json"]).json();
    let row = list["owners"].as_array().unwrap().iter().find(|o| o["id"] == "motcua").unwrap().clone();
    assert_eq!(row["supports"], serde_json::json!(["8"]));

    // In use: refused, naming the tasks; nothing written.
    let before = s.plan_text();
    let err = s.run(&["--lang", "en", "owner", "rm", "motcua"]).fails(2);
    assert!(
        err.contains("error: not removing owner motcua: tasks still use it (supports 8); nothing was written"),
        "{err}"
    );
    let err = s.run(&["owner", "rm", "vt"]).fails(2);
    assert!(err.contains("không xóa người chủ trì vt: còn nhiệm vụ dùng (phối hợp 3, 4)"), "{err}");
    let err = s.run(&["--lang", "en", "owner", "rm", "xyz"]).fails(2);
    assert!(err.contains("no owner has the id `xyz`"), "{err}");
    assert_eq!(s.plan_text(), before);

    // Unused again: removed, and the file is the seed again.
    s.run(&["edit", "8", "--support", "-motcua"]);
    assert_eq!(s.run(&["owner", "rm", "motcua"]).ok(), "Đã xóa người chủ trì motcua.\n");
    assert_eq!(s.plan_text(), SEED);
    let table = s.run(&["owner", "list"]).ok();
    assert!(table.contains("vt") && table.contains("3, 4"), "{table}");
}

// -------------------------------------------------------------- measure --replace (7)

#[test]
fn measure_replace_corrects_the_value_and_keeps_the_old_one_in_the_log() {
    let s = seed();
    let out = s.run(&["measure", "4", "90", "--period", "2025-Q3"]);
    assert_eq!(out.code, 1, "a second measurement for a period is refused");
    assert!(out.stdout.contains("Sửa số đó bằng: par measure 4 90 --period 2025-Q3 --replace"), "{}", out.stdout);
    assert_eq!(s.plan_text(), SEED);

    let out = s.run(&["measure", "4@2025-Q3", "90", "--replace", "--note", "9/10 đúng hạn", "--by", "Văn thư"]).ok();
    assert_eq!(out, "Đã sửa số đo nhiệm vụ 4 kỳ 2025-Q3: 80% → 90% (chưa đạt); số cũ được giữ trong nhật ký.\n");
    let expected = replace_once(
        SEED,
        "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n",
        "value = 90\ndate = 2025-10-10\nnote = \"9/10 đúng hạn\"\nby = \"Văn thư\"\nat = 2025-10-10T09:00:00+07:00\n\n\
         [[task.log]]\ndate = 2025-10-10\ntext = \"Sửa số đo kỳ 2025-Q3: 80 → 90 (số cũ ghi ngày 06/10/2025); ghi chú cũ: 4/5 phản ánh đúng hạn\"\n\
         period = \"2025-Q3\"\nby = \"Văn thư\"\nat = 2025-10-10T09:00:00+07:00\n",
    );
    assert_eq!(s.plan_text(), expected);
    // The journal knows: no warning about a vanished measurement afterwards.
    let show = s.run(&["show", "4"]).ok();
    let words = show.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("2025-Q3 90% 9/10 đúng hạn"), "{show}");

    // Nothing to replace, a period the task does not have: refused, nothing written.
    for (args, message) in [
        (
            &["measure", "4", "70", "--period", "2025-Q4", "--replace"][..],
            "--replace: task 4 has no measurement for 2025-Q4, so there is nothing to correct; nothing was written",
        ),
        (
            &["measure", "4", "70", "--period", "2025-Q1", "--replace"][..],
            "--period: 2025-Q1 is not one of task 4's periods",
        ),
        (&["measure", "8", "70", "--replace"][..], "task 8 has no indicator to measure"),
    ] {
        let err = s.run(&[&["--lang", "en"][..], args].concat()).fails(2);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    assert_eq!(s.plan_text(), expected);
}

// ------------------------------------------------------------------------- reopen (7)

#[test]
fn reopen_turns_the_removed_mark_into_a_log_entry() {
    let s = seed();
    let out = s.run(&["reopen", "4", "--period", "2025-Q2"]).ok();
    assert_eq!(
        out,
        "Đã bỏ đánh dấu hoàn thành nhiệm vụ 4 (quý II năm 2025) (ngày 27/06/2025); ngày, ghi chú và minh chứng của nó được chuyển vào nhật ký.\n"
    );
    let q2 = "\n[[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-06-27\nnote = \"Quý II: 4/4 phản ánh được xử lý đúng hạn\"\nevidence = [\"Sổ theo dõi phản ánh, kiến nghị quý II/2025\"]\nby = \"Văn thư\"\n";
    let end = "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n";
    let expected = replace_once(
        &replace_once(SEED, q2, ""),
        end,
        &format!(
            "{end}\n[[task.log]]\ndate = 2025-06-27\ntext = \"Bỏ đánh dấu hoàn thành ngày 10/10/2025 (par reopen); ghi chú khi hoàn thành: Quý II: 4/4 phản ánh được xử lý đúng hạn\"\n\
             period = \"2025-Q2\"\nevidence = [\"Sổ theo dõi phản ánh, kiến nghị quý II/2025\"]\nby = \"Văn thư\"\nat = 2025-10-10T09:00:00+07:00\n"
        ),
    );
    assert_eq!(s.plan_text(), expected);
    // Shown in the log; no warning of a vanished entry.
    let show = s.run(&["show", "4"]).ok();
    assert!(show.contains("Bỏ đánh dấu hoàn thành ngày 10/10/2025 (par reopen)"), "{show}");
    let out = s.run(&["--lang", "en", "reopen", "8"]).ok();
    assert_eq!(
        out,
        "Reopened task 8: removed its done mark of 10/10/2025; its date, note and evidence are kept as a log entry.\n"
    );
}

// -------------------------------------------------------------- --support +a,-b (7)

#[test]
fn edit_support_adds_and_removes_and_prints_before_and_after() {
    let s = seed();
    let run = s.run(&["--lang", "en", "edit", "4", "--support", "+cd,-vt", "--due-day", "20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Changed task 4: support, due_day.\n");
    assert_eq!(run.stderr, "  support: [\"vt\", \"cchc\"] → [\"cchc\", \"cd\"]\n  due_day: (none) → 20\n");
    let expected = replace_once(
        SEED,
        "support = [\"vt\", \"cchc\"]\nrepeat = \"quarterly\"     # \"trong mỗi quý\"\n",
        "support = [\"cchc\", \"cd\"]\nrepeat = \"quarterly\"     # \"trong mỗi quý\"\ndue_day = 20\n",
    );
    assert_eq!(s.plan_text(), expected);
    // A value starting with - is the option's, not a flag.
    s.run(&["edit", "4", "--support", "-cd"]);
    // A bare list still replaces; an empty result removes the key.
    s.run(&["edit", "4", "--support", "ht"]);
    assert!(s.plan_text().contains("owner = \"ht\"\nsupport = [\"ht\"]\nrepeat = \"quarterly\""));
    let run = s.run(&["edit", "4", "--support", "-ht", "--unset", "due_day"]);
    assert_eq!(run.stderr, "  support: [\"ht\"] → (bỏ)\n  due_day: 20 → (bỏ)\n");
    assert_eq!(run.stdout, "Đã sửa nhiệm vụ 4: bỏ support, due_day.\n");
    assert_eq!(s.plan_text(), replace_once(SEED, "support = [\"vt\", \"cchc\"]\n", ""));
    let err = s.run(&["--lang", "en", "edit", "4", "--support", "+vt,cd"]).fails(2);
    assert!(err.contains("items with + or - are mixed with bare ones"), "{err}");
    let err = s.run(&["--lang", "en", "edit", "4", "--support", "+motcua"]).fails(2);
    assert!(err.contains("par owner add motcua"), "{err}");
}

// --------------------------------------------------------------------------- show (7)

#[test]
fn show_prints_every_note_evidence_and_measurement_note_in_full() {
    let url = "https://truong-nguyen-binh-khiem.edu.vn/van-ban/bien-ban-hop-ban-giam-hieu-ngay-30-9-2025.pdf";
    let note = "Hoàn thành đủ mười tám chỉ tiêu của Kế hoạch 48/KH-NBK, trong đó chuyển đổi số đạt mức 3; \
                đã báo cáo Phòng Giáo dục và Đào tạo bằng văn bản số 112/BC-NBK ngày 30/9/2025";
    let s = seed().env("COLUMNS", "80");
    s.run(&["done", "1", "--date", "30/9", "--note", note, "--evidence", "Biên bản họp", "--evidence", url]).ok();
    let show = s.run(&["show", "1"]).ok();
    // Every word of the note, in order; the link whole, on one line.
    let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>().join(" ");
    let joined = words(&show);
    assert!(joined.contains(&words(note)), "{show}");
    assert!(show.lines().any(|l| l.trim() == url), "the link is kept whole: {show}");
    assert!(joined.contains("minh chứng: Biên bản họp") || joined.contains("Biên bản họp"), "{show}");
    // The heading (the title) is a single line, as before; everything else fits.
    for line in show.lines().skip(1).filter(|l| !l.contains(url)) {
        assert!(line.chars().count() <= 80, "wider than the terminal: {line:?}");
    }
    // Measurement notes, in full.
    let show = s.run(&["show", "5"]).ok();
    assert!(words(&show).contains("2025-Q3 66,7% 2/3 cán bộ quản lý; 1 người chưa đăng nhập trong quý"), "{show}");
}
