//! The core: reading the plan, `par status`, `par list`, `par show`, and bad input.

use crate::support;

use support::{Session, plan_with};

#[test]
fn status_of_the_seed_plan_on_three_days() {
    let _names = support::snapshot_names();
    let s = Session::seed();
    insta::assert_snapshot!("core__status_2025_05_25", s.par(["status", "--today", "2025-05-25"]).ok());
    insta::assert_snapshot!("core__status_2025_10_05", s.par(["status", "--today", "2025-10-05"]).ok());
    insta::assert_snapshot!(
        "core__status_2025_10_15_en",
        s.par(["status", "--today", "2025-10-15", "--lang", "en"]).ok()
    );
}

#[test]
fn every_status_appears_on_some_day_of_2025() {
    let s = Session::seed();
    let mut seen = std::collections::BTreeSet::new();
    for day in ["2025-05-25", "2025-10-05", "2025-10-15"] {
        let v = s.par(["list", "--occurrences", "--format", "json", "--today", day]).json();
        for item in v["items"].as_array().unwrap() {
            seen.insert(item["status"].as_str().unwrap().to_string());
        }
    }
    let all = ["done_late", "done_on_time", "no_deadline", "not_started", "open", "overdue"];
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), all);
}

#[test]
fn status_json_counts() {
    let v = Session::seed().par(["status", "--format", "json", "--today", "2025-10-05"]).json();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["kind"], "status");
    assert_eq!(v["today"], "2025-10-05");
    let t = &v["total"];
    // 4 one-off tasks + 4 ongoing + 3 quarterly tasks × 3 quarters (Q2–Q4) = 17… minus: the
    // quarterly tasks start in Q2 (plan start 21/5), so 3 × 3 = 9; 4 + 4 + 9 = 17? No: one-off
    // tasks are 1, 8, III.2 (3), ongoing 2, 3, 6, 7 (4), quarterly 4, 5, III.1 (9) = 16.
    assert_eq!(t["total"], 16);
    assert_eq!(t["done_on_time"], 5);
    assert_eq!(t["done_late"], 0);
    assert_eq!(t["overdue"], 3);
    assert_eq!(t["open"], 4);
    assert_eq!(t["ongoing"], 4);
    assert_eq!(v["percent_complete"], 41.7);
    let overdue: Vec<&str> = v["overdue"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert_eq!(overdue, ["4@2025-Q3", "5@2025-Q3", "8"]);
    assert_eq!(v["overdue"][0]["days_late"], 5);
    assert_eq!(v["sections"][0]["id"], "II");
    assert_eq!(v["owners"][0]["id"], "ht");
}

#[test]
fn due_today_is_not_overdue_and_done_on_the_due_date_is_on_time() {
    let s = Session::with_plan(&plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Nộp báo cáo\"\nowner = \"ht\"\ndue = 2025-05-30\n\n\
         [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"Gửi kế hoạch\"\nowner = \"ht\"\ndue = 2025-05-30\n\n\
         [[task.done]]\ndate = 2025-05-30\n",
    ));
    let v = s.par(["list", "--format", "json", "--today", "2025-05-30"]).json();
    assert_eq!(v["items"][0]["status"], "open");
    assert_eq!(v["items"][1]["status"], "done_on_time");
    let v = s.par(["list", "--format", "json", "--today", "2025-05-31"]).json();
    assert_eq!(v["items"][0]["status"], "overdue");
    assert_eq!(v["items"][0]["days_left"], -1);
}

#[test]
fn within_lists_items_falling_due() {
    let s = Session::seed();
    let v = s.par(["status", "--format", "json", "--today", "2025-05-20", "--within", "10"]).json();
    let soon: Vec<&str> = v["due_soon"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert_eq!(soon, ["III.2"]);
    let v = s.par(["status", "--format", "json", "--today", "2025-05-20", "--within", "5"]).json();
    assert!(v["due_soon"].as_array().unwrap().is_empty());
}

#[test]
fn fail_on_overdue_sets_exit_code() {
    let s = Session::seed();
    assert_eq!(s.par(["status", "--today", "2025-10-05", "--fail-on-overdue"]).code, 1);
    assert_eq!(s.par(["status", "--today", "2025-06-01", "--fail-on-overdue"]).code, 0);
}

#[test]
fn list_filters() {
    let s = Session::seed();
    let keys = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["list", "--format", "json"];
        if !args.contains(&"--today") {
            full.extend(["--today", "2025-10-05"]);
        }
        full.extend_from_slice(args);
        let out = s.command(&full).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(keys(&["--section", "iii"]), ["III.1@2025-Q4", "III.2"]);
    assert_eq!(keys(&["--status", "overdue"]), ["4@2025-Q3", "5@2025-Q3", "8"]);
    assert_eq!(keys(&["--status", "done"]), ["III.2"]);
    assert_eq!(keys(&["--status", "ongoing"]), ["2", "3", "6", "7"]);
    // Diacritic- and case-insensitive search: "y kien" finds "ý kiến".
    assert_eq!(keys(&["--grep", "Y KIEN"]), ["4@2025-Q3", "7"]);
    assert_eq!(keys(&["--grep", "thư điện tử"]), ["5@2025-Q3"]);
    // Owners by id or by whole words of a name, primary or supporting.
    assert_eq!(keys(&["--owner", "pht"]), ["1", "2", "5@2025-Q3", "7"]);
    assert_eq!(keys(&["--owner", "van thu"]), ["3", "4@2025-Q3"]);
    assert_eq!(keys(&["--owner", "cchc", "--status", "open"]), ["1", "3", "4@2025-Q3", "III.1@2025-Q4"]);
    assert_eq!(
        keys(&["--occurrences", "--grep", "bao cao uy ban"]),
        ["III.1@2025-Q2", "III.1@2025-Q3", "III.1@2025-Q4"]
    );
    assert_eq!(keys(&["--status", "due-soon", "--today", "2025-12-29"]), ["1", "4@2025-Q4"]);
}

#[test]
fn list_table_and_unknown_filters() {
    let _names = support::snapshot_names();
    let s = Session::seed();
    insta::assert_snapshot!("core__list_2025_10_05", s.par(["list", "--today", "2025-10-05"]).ok());
    let err = s.par(["--lang", "en", "list", "--owner", "hieu pho", "--today", "2025-10-05"]).fails(2);
    assert!(err.contains("--owner: no owner has the id `hieu pho`"), "{err}");
    let err = s.par(["list", "--section", "IV", "--today", "2025-10-05"]).fails(2);
    assert!(err.contains("no section `IV`; sections: I, II, III"), "{err}");
    let out = s.par(["list", "--grep", "không có việc này", "--today", "2025-10-05"]).ok();
    assert_eq!(out, "Không có nhiệm vụ nào khớp.\n");
}

#[test]
fn show_a_task_by_any_id_form() {
    let _names = support::snapshot_names();
    let s = Session::seed();
    let out = s.par(["show", "4", "--today", "2025-10-15"]).ok();
    insta::assert_snapshot!("core__show_4_2025_10_15", out);
    assert_eq!(s.par(["show", "II.4", "--today", "2025-10-15"]).ok(), out);
    let v = s.par(["show", "iii.2", "--format", "json", "--today", "2025-10-15"]).json();
    assert_eq!(v["id"], "III.2");
    assert_eq!(v["status"], "done_on_time");
    assert_eq!(v["occurrences"][0]["done_date"], "2025-05-28");
    let v = s.par(["show", "8", "--format", "json", "--today", "2025-10-15"]).json();
    assert_eq!(v["references"].as_array().unwrap().len(), 4);
    assert_eq!(v["references"][0]["number"], "14-KL/TW");
    assert_eq!(v["status"], "done_late");
    assert_eq!(v["occurrences"][0]["days_late"], 10);
}

#[test]
fn unknown_task_id_suggests_the_nearest() {
    let err = Session::seed().par(["show", "III.3", "--today", "2025-10-15"]).fails(2);
    assert_eq!(
        err,
        "error: không có nhiệm vụ mã `III.3`; ý bạn là `III.1`, `III.2`?\n      \
         gợi ý: gõ mã như `par list` in ra, ví dụ 4 hoặc 4@2025-Q3\n"
    );
    let err = Session::seed().par(["--lang", "en", "show", "III.3", "--today", "2025-10-15"]).fails(2);
    assert_eq!(
        err,
        "error: no task has the id `III.3`; did you mean `III.1`, `III.2`?\n      \
         help: type a key as `par list` prints it, e.g. 4 or 4@2025-Q3\n"
    );
}

#[test]
fn english_output_follows_lang_flag_and_plan_setting() {
    let s = Session::seed();
    let out = s.par(["list", "--lang", "en", "--today", "2025-10-05"]).ok();
    assert!(out.contains("Overdue (5 days)"), "{out}");
    let s = Session::with_plan(&support::SEED.replace("lang = \"vi\"", "lang = \"en\""));
    let out = s.par(["status", "--today", "2025-10-05"]).ok();
    assert!(out.starts_with("Trường Tiểu học Nguyễn Bỉnh Khiêm\n"), "{out}");
    assert!(out.contains("By section"), "{out}");
    let out = s.par(["status", "--today", "2025-10-05", "--lang", "vi"]).ok();
    assert!(out.contains("Theo phần"), "{out}");
}

#[test]
fn today_from_env_and_words() {
    let s = Session::seed().env("PAR_TODAY", "5/10/2025");
    let v = s.par(["status", "--format", "json"]).json();
    assert_eq!(v["today"], "2025-10-05");
    // The flag wins over the environment.
    let v = s.par(["status", "--format", "json", "--today", "2025-10-15"]).json();
    assert_eq!(v["today"], "2025-10-15");
    let err = s.par(["--lang", "en", "status", "--today", "31/2/2025"]).fails(2);
    assert!(err.contains("--today / PAR_TODAY: `31/2/2025` is not a date"), "{err}");
}

#[test]
fn finds_the_plan_like_cargo_finds_cargo_toml() {
    let s = Session::seed();
    let sub = s.path("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let out = s.command_in(&sub, &["status", "--today", "2025-10-05", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    // PAR_FILE, and -f over PAR_FILE.
    std::fs::write(s.path("other.toml"), plan_with("")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let s2 = Session {
        dir: tempfile::tempdir().unwrap(),
        envs: vec![("PAR_FILE".into(), s.path("other.toml").display().to_string())],
    };
    let v: serde_json::Value = serde_json::from_slice(
        &s2.command_in(elsewhere.path(), &["status", "--format", "json", "--today", "2025-01-01"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["unit"], "Trường Tiểu học Thử");
    let plan = s.path("plan.toml").display().to_string();
    let v: serde_json::Value = serde_json::from_slice(
        &s2.command_in(elsewhere.path(), &["-f", &plan, "status", "--format", "json", "--today", "2025-01-01"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["unit"], "Trường Tiểu học Nguyễn Bỉnh Khiêm");
    // Nothing found: say how to point at a file.
    let err = s2.command_in(elsewhere.path(), &["status"]).env_remove("PAR_FILE").output().unwrap();
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("không có plan.toml trong"));
    let err = s2.command_in(elsewhere.path(), &["--lang", "en", "status"]).env_remove("PAR_FILE").output().unwrap();
    assert!(String::from_utf8_lossy(&err.stderr).contains("no plan.toml in"));
}

#[test]
fn malformed_toml_points_at_line_and_column() {
    let text = plan_with("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Thiếu dấu nháy\nowner = \"ht\"\n");
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("plan.toml:17:24: a string is missing its closing quote (invalid basic string"), "{err}");
    assert!(err.contains("17 | title = \"Thiếu dấu nháy\n"), "{err}");
    assert!(err.contains("   |                        ^\n"), "{err}");
}

#[test]
fn unknown_key_names_the_nearest_known_key() {
    let text = plan_with("[[task]]\nid = \"1\"\nsection = \"II\"\ntitel = \"Việc\"\n");
    let err = Session::with_plan(&text).par(["--lang", "en", "list"]).fails(2);
    assert!(err.contains(":17:1: unknown key `titel`"), "{err}");
    assert!(err.contains("help: did you mean `title`?"), "{err}");
}

#[test]
fn semantic_problems_are_listed_at_once() {
    let text = plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\nowner = \"hieutruong\"\nstart = 2025-06-01\ndue = 2025-05-01\n\n\
         [[task]]\nid = \"1\"\nsection = \"IV\"\ntitle = \"b\"\nrepeat = \"weekly\"\ndue = \"31/13/2025\"\n",
    );
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("has 6 problems:"), "{err}");
    for needle in [
        "unknown owner `hieutruong`",
        "task `1` is due (01/05/2025) before it starts (01/06/2025)",
        "task id `1` is used twice (first on line 15)",
        "unknown section `IV`",
        "unknown repeat `weekly`",
        "task `1`'s due date is not a date",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in\n{err}");
    }
}

#[test]
fn recurring_done_marks_need_their_period() {
    let text = plan_with(
        "[[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"a\"\nrepeat = \"mỗi quý\"\n\n[[task.done]]\ndate = 2025-06-20\n",
    );
    let err = Session::with_plan(&text).par(["status"]).fails(2);
    assert!(err.contains("nhiệm vụ `4` lặp lại quarterly, nên mục hoàn thành phải ghi kỳ được hoàn thành"), "{err}");
    assert!(err.contains("gợi ý: thêm period = \"2025-Q2\""), "{err}");
}

#[test]
fn windows_files_with_bom_and_crlf_are_read() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(support::SEED.replace('\n', "\r\n").into_bytes());
    let s = Session::with_plan_bytes(&bytes);
    let crlf = s.par(["status", "--today", "2025-10-05"]).ok();
    assert_eq!(crlf, Session::seed().par(["status", "--today", "2025-10-05"]).ok());
}

#[test]
fn show_keeps_windows_line_breaks_as_line_breaks() {
    // Task 2's detail is a multi-line string: saved on Windows, its lines end in CRLF,
    // which TOML keeps in the string. `par show` prints the lines, not a visible `\u{d}`.
    let crlf = Session::with_plan(&support::SEED.replace('\n', "\r\n"));
    let out = crlf.par(["show", "2", "--today", "2025-10-15"]).ok();
    assert!(!out.contains("\\u{d}") && !out.contains('\r'), "{out}");
    assert_eq!(out, Session::seed().par(["show", "2", "--today", "2025-10-15"]).ok());
    let detail = crlf.par(["show", "2", "--format", "json", "--today", "2025-10-15"]).json();
    assert!(detail["detail"].as_str().unwrap().contains("\r\n"), "the data keeps the file's line ends");
}

#[test]
fn non_utf8_and_utf16_files_get_clear_errors() {
    let mut bytes = plan_with("").into_bytes();
    bytes.extend_from_slice(b"# Tr\xb0\xeang\n");
    let err = Session::with_plan_bytes(&bytes).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("plan.toml:14:5: the file is not UTF-8 text (byte 0xB0)"), "{err}");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in plan_with("").encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let err = Session::with_plan_bytes(&utf16).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("is UTF-16 text; par reads UTF-8"), "{err}");
    assert!(err.contains("iconv -f UTF-16 -t UTF-8"), "{err}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let s = Session::seed();
    // Tests run with stdout piped: no colour by default.
    assert!(!s.par(["status", "--today", "2025-10-05"]).ok().contains('\x1b'));
    assert!(s.par(["status", "--today", "2025-10-05", "--color", "always"]).ok().contains("\x1b["));
}

#[test]
fn tables_fit_the_terminal_width() {
    let s = Session::seed().env("COLUMNS", "80");
    let runs: [&[&str]; 3] = [
        &["status", "--today", "2025-10-05"],
        &["list", "--today", "2025-10-05"],
        &["show", "4", "--today", "2025-10-05"],
    ];
    for args in runs {
        let out = s.run(args).ok();
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{} chars in {args:?}: {line}", line.chars().count());
        }
    }
}

#[test]
fn plan_text_cannot_inject_terminal_escapes() {
    let text = plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Xấu \\u001b[2J\\u001b]0;pwned\\u0007\"\nowner = \"ht\"\ndue = 2025-05-01\n",
    );
    let s = Session::with_plan(&text);
    let runs: [&[&str]; 3] = [
        &["list", "--today", "2025-06-01"],
        &["status", "--today", "2025-06-01"],
        &["show", "1", "--today", "2025-06-01"],
    ];
    for args in runs {
        let out = s.run(args).ok();
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
        assert!(out.contains("\\u{1b}[2J"), "{out}");
    }
}

#[test]
fn a_closed_pipe_exits_quietly() {
    // Enough tasks that the output outgrows the pipe buffer.
    let mut tasks = String::new();
    for i in 1..=3000 {
        tasks.push_str(&format!("[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"Nhiệm vụ số {i}\"\nowner = \"ht\"\ndue = 2025-06-30\n\n"));
    }
    let s = Session::with_plan(&plan_with(&tasks));
    let mut child = support::Par::new()
        .process_in(s.dir.path())
        .args(["list", "--today", "2025-06-01"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn output_is_byte_identical_for_the_same_day() {
    let s = Session::seed();
    for args in [["status", "--format", "table"], ["status", "--format", "json"], ["list", "--format", "json"]] {
        let a = s.command(&args).arg("--today").arg("2025-08-01").output().unwrap().stdout;
        let b = s.command(&args).arg("--today").arg("2025-08-01").output().unwrap().stdout;
        assert_eq!(a, b);
    }
}

#[test]
fn help_has_examples() {
    let out = Session::seed().par(["--help"]).ok();
    assert!(out.contains("Ví dụ / Examples:"), "{out}");
    let out = Session::seed().par(["list", "--help"]).ok();
    assert!(out.contains("par list --status overdue"), "{out}");
    let err = Session::seed().par(["lisst"]).fails(2);
    // clap's usage errors are in the run's language (issue #18, point 5).
    assert!(err.contains("không có lệnh 'lisst'"), "{err}");
    let err = Session::seed().par(["--lang", "en", "lisst"]).fails(2);
    assert!(err.contains("unrecognized subcommand 'lisst'"), "{err}");
}
