//! Hostile files and limits: escapes, bidi overrides, huge lines, many tasks, deep
//! nesting, huge numbers, far dates, and the encodings Windows tools save.

use crate::support;

use support::exercise::check_terminal;
use support::{Session, plan_with};
use unicode_normalization::UnicodeNormalization;

/// Every read command, as table (with and without a terminal width) and in English.
const READS: &[&[&str]] = &[
    &["status"],
    &["list"],
    &["list", "--occurrences"],
    &["show", "1\u{1b}[5m"],
    &["index"],
    &["index", "--evidence"],
    &["check"],
];

/// Every field of the plan that a renderer prints holds an escape sequence or a bidi override.
const HOSTILE: &str = r#"[plan]
unit = "Trường \u001b[31mĐỏ"
title = "Kế hoạch \u001b]0;pwned\u0007 \u202eTXT.EXE"
year = 2025

[[owner]]
id = "o\u001b[1m"
name = "Người \u001b[2J\u009b31m xóa màn hình"
name_en = "Clear \u001b[2J screen"

[[section]]
id = "II\u001b[3m"
title = "Phần \u2066ẩn\u2069"
title_en = "Part \u202d"

[index]
name = "Chỉ số \u001b[4m"
[[index.criterion]]
code = "1\u001b[6m"
title = "Lĩnh vực \u001b[7m"
[[index.criterion]]
code = "1\u001b[6m.1"
title = "Tiêu chí \u202e"
max = 4
last_year = 2
[[index.criterion]]
code = "2\u001b[8m"
title = "Không có việc \u001b[9m"
max = 3
last_year = 1

[[task]]
id = "1\u001b[5m"
section = "II\u001b[3m"
title = "Việc \u001b[1;1H gì \u202e"
detail = "Chi tiết \u001b[31m đỏ"
owner = "o\u001b[1m"
support = ["o\u001b[1m"]
due = 2025-05-01
result = "Kết quả \u001b[0m"
criteria = ["1\u001b[6m.1"]
[[task.ref]]
kind = "Công văn \u001b[33m"
number = "1/\u001b[34m"
issuer = "UBND \u202e"
subject = "về \u001b[35m"
[task.indicator]
name = "Tỷ lệ \u001b[36m"
unit = "%\u001b[37m"
target = 90
[[task.measure]]
value = 80
date = 2025-04-01
[[task.done]]
date = 2025-05-02
note = "Ghi chú \u001b[38m"
evidence = ["Biên bản \u001b]8;;http://x\u0007link"]
[[task.log]]
date = 2025-04-15
text = "Đang làm \u001b[39m \u202e"
evidence = ["Ảnh \u001b[40m"]

[[task]]
id = "2\u202e"
section = "II\u001b[3m"
title = "x"
repeat = "mỗi quý"
"#;

#[test]
fn escapes_and_bidi_overrides_are_neutralised_in_every_read_command() {
    let s = Session::with_plan(HOSTILE);
    for args in READS {
        for extra in [&[][..], &["--lang", "en"][..]] {
            for width in [None, Some("40"), Some("200")] {
                let mut full: Vec<&str> = args.to_vec();
                full.extend(["--today", "2025-06-01"]);
                full.extend(extra);
                let mut cmd = s.command(&full);
                if let Some(w) = width {
                    cmd.env("COLUMNS", w);
                }
                let out = cmd.output().unwrap();
                let code = out.status.code();
                assert!(code == Some(0) || (args[0] == "check" && code == Some(1)), "{full:?}: {out:?}");
                let stdout = String::from_utf8(out.stdout).unwrap();
                check_terminal(&stdout, &full.join(" "));
                // What was neutralised stays visible, so the reader sees something is off
                // (a narrow terminal may wrap it across lines).
                if width.is_none() {
                    assert!(stdout.contains("\\u{1b}"), "{full:?}:\n{stdout}");
                }
            }
        }
    }
    let status = s.par(["status", "--today", "2025-06-01"]).ok();
    assert!(status.contains("Trường \\u{1b}[31mĐỏ"), "{status}");
    assert!(status.contains("\\u{202e}TXT.EXE"), "{status}");
    let show = s.run(&["show", "1\u{1b}[5m", "--today", "2025-06-01"]).ok();
    for visible in ["1\\u{1b}[5m", "II\\u{1b}[3m", "o\\u{1b}[1m", "%\\u{1b}[37m", "Đang làm \\u{1b}[39m \\u{202e}"] {
        assert!(show.contains(visible), "{visible} missing in\n{show}");
    }
    // JSON keeps the text as it is, escaped the JSON way: scripts get the real data.
    let v = s.run(&["show", "1\u{1b}[5m", "--today", "2025-06-01", "--format", "json"]).json();
    assert_eq!(v["title"], "Việc \u{1b}[1;1H gì \u{202e}");
}

#[test]
fn escapes_in_errors_are_neutralised_too() {
    // Problems quote ids and keys from the file; the terminal must not run them.
    let text = plan_with(
        "[[task]]\nid = \"1\\u001b[2J\"\nsection = \"II\"\ntitle = \"a b\"\n\n\
         [[task]]\nid = \"1\\u001b[2J\"\nsection = \"II\\u001b]0;x\\u0007\"\ntitle = \"c d\"\nowner = \"\\u202eht\"\n",
    );
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    check_terminal(&err, "status (error)");
    assert!(err.contains("task id `1\\u{1b}[2J` is used twice"), "{err}");
    assert!(err.contains("unknown owner `\\u{202e}ht`"), "{err}");
    // An id typed on the command line is quoted back safely as well.
    let err = Session::seed().run(&["show", "\u{1b}[2J", "--today", "2025-06-01"]).fails(2);
    check_terminal(&err, "show (error)");
    let err = Session::seed().run(&["status", "--today", "\u{1b}[2J"]).fails(2);
    check_terminal(&err, "--today (error)");
}

#[test]
fn a_one_megabyte_title_works_and_errors_about_long_lines_stay_short() {
    let long = "Nhiệm vụ rất dài ".repeat(60_000); // ≈ 1.1 MB
    let text = plan_with(&format!(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"{long}\"\nowner = \"ht\"\ndue = 2025-06-30\n"
    ));
    assert!(text.len() > 1_000_000);
    let s = Session::with_plan(&text);
    let list = s.par(["--lang", "en", "list", "--today", "2025-06-01"]).ok();
    assert!(list.len() < 2_000, "the table cuts long titles: {} bytes", list.len());
    assert!(list.contains("Nhiệm vụ rất dài Nhiệm vụ rất dài"), "{list}");
    let status = s.par(["--lang", "en", "status", "--today", "2025-07-01"]).ok();
    // 5,500: the summary says what it counts and the next report's calendar (issue #14).
    assert!(status.len() < 5_500, "{} bytes", status.len());
    let show = s.par(["--lang", "en", "show", "1", "--today", "2025-06-01"]).ok();
    assert!(show.contains(long.trim_end()), "`par show` shows the whole title");
    let v = s.par(["--lang", "en", "list", "--format", "json", "--today", "2025-06-01"]).json();
    assert_eq!(v["items"][0]["title"].as_str().unwrap().len(), long.len());

    // An error at the end of a 1 MB line: the snippet is a window around the column.
    let text = plan_with(&format!(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x y\"\nowner = \"ht\"\nref = [{{ kind = \"{long}\", bogus = 1 }}]\n"
    ));
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("unknown key `bogus`"), "{err}");
    assert!(err.len() < 1_000, "{} bytes of error", err.len());
    assert!(err.contains("…"), "{err}");
    // A 1 MB unknown key and a 1 MB unknown owner id: quoted, but cut short.
    let key = "k".repeat(1_000_000);
    let err = Session::with_plan(&format!("{}{key} = 1\n", plan_with(""))).par(["--lang", "en", "status"]).fails(2);
    assert!(err.len() < 1_000, "{} bytes of error", err.len());
    let owner = "o".repeat(1_000_000);
    let text = plan_with(&format!("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"x y\"\nowner = \"{owner}\"\n"));
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("unknown owner `ooo"), "{err}");
    assert!(err.len() < 1_000, "{} bytes of error", err.len());
}

/// `n` tasks: one-off, quarterly, monthly and ongoing in turn, a third of them done.
fn many_tasks(n: usize) -> String {
    let mut tasks = String::with_capacity(n * 170);
    for i in 1..=n {
        let (repeat, due, done) = match i % 4 {
            0 => {
                ("", format!("due = 2025-{:02}-{:02}\n", i % 12 + 1, i % 28 + 1), "[[task.done]]\ndate = 2025-06-01\n")
            }
            1 => ("repeat = \"mỗi quý\"\n", String::new(), "[[task.done]]\nperiod = \"2025-Q1\"\ndate = 2025-03-20\n"),
            2 => ("repeat = \"hằng tháng\"\ndue_day = 20\n", String::new(), ""),
            _ => ("repeat = \"thường xuyên\"\n", String::new(), ""),
        };
        let done = if i % 3 == 0 { done } else { "" };
        tasks.push_str(&format!(
            "[[task]]\nid = \"{i}\"\nsection = \"II\"\ntitle = \"Nhiệm vụ số {i}: xử lý ý kiến\"\nowner = \"ht\"\n{repeat}{due}result = \"Xong\"\n{done}\n"
        ));
    }
    plan_with(&tasks)
}

/// 100,000 tasks load and `par status` completes (timings are measured by hand, see
/// docs/robustness.md; no timed assertion here). Slow in a debug build, so it
/// runs with `cargo test --release --test main -- --ignored hostile::a_hundred`; the
/// default suite runs 10,000.
#[test]
#[ignore = "100,000 tasks, slow in a debug build: run it with --release"]
fn a_hundred_thousand_tasks_load_and_report() {
    let s = Session::with_plan(&many_tasks(100_000));
    let v = s.par(["status", "--format", "json", "--today", "2025-07-01"]).json();
    // 25,000 each of one-off, ongoing (1 item), quarterly (4) and monthly (12) tasks.
    assert_eq!(v["total"]["total"], 25_000 * (1 + 1 + 4 + 12));
    assert!(s.par(["status", "--today", "2025-07-01"]).ok().contains("Quá hạn"));
}

#[test]
fn ten_thousand_tasks_load_and_report() {
    let s = Session::with_plan(&many_tasks(10_000));
    let v = s.par(["status", "--format", "json", "--today", "2025-07-01"]).json();
    assert_eq!(v["total"]["total"], 2_500 * (1 + 1 + 4 + 12));
    // The done one-off tasks (i ≡ 0 mod 12) were done on 1 June: on time unless due before.
    assert!(v["total"]["done_on_time"].as_u64().unwrap() > 0);
    let list = s.par(["list", "--status", "overdue", "--format", "json", "--today", "2025-07-01"]).json();
    assert!(!list["items"].as_array().unwrap().is_empty());
}

#[test]
fn thousands_of_problems_are_counted_and_the_first_fifty_shown() {
    // Every task names an owner that was renamed: 5,000 problems, reported quickly.
    let text = many_tasks(5_000).replace("owner = \"ht\"\n", "owner = \"hieutruong\"\n");
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("has 5000 problems:"), "{}", &err[..200]);
    assert_eq!(err.matches("unknown owner `hieutruong`").count(), 50);
    assert!(err.contains("… and 4950 more; fix these first"), "{}", &err[err.len() - 300..]);
    assert!(err.len() < 30_000, "{} bytes", err.len());
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let cases = [
        format!("[plan]\nrecipients = {}{}\n", "[".repeat(50_000), "]".repeat(50_000)),
        format!("a = {}1{}\n", "{ b = ".repeat(50_000), "}".repeat(50_000)),
        format!("[{}]\n", vec!["a"; 50_000].join(".")),
        format!("[plan]\n{} = 1\n", vec!["a"; 50_000].join(".")),
    ];
    for (i, text) in cases.iter().enumerate() {
        let err = Session::with_plan(text).par(["--lang", "en", "status"]).fails(2);
        assert!(
            err.contains("cannot recurse further")
                || err.contains("recursion limit")
                || err.contains("nested more than 32 deep"),
            "case {i}: {}",
            &err[..err.floor_char_boundary(300)]
        );
        assert!(err.len() < 1_000, "case {i}: {} bytes", err.len());
    }
}

#[test]
fn huge_numbers_get_clear_errors() {
    let plan_year = |year: &str| format!("[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = {year}\n");
    let err = Session::with_plan(&plan_year("99999999999")).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("plan.toml:4:8: the plan's year must be between 1900 and 2200"), "{err}");
    for overflow in ["99999999999999999999", "-9223372036854775809"] {
        let err = Session::with_plan(&plan_year(overflow)).par(["--lang", "en", "status"]).fails(2);
        assert!(err.contains("plan.toml:4:8: this number is too large"), "{err}");
    }
    let err = Session::with_plan(&plan_year("2025.5")).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("plan.toml:4:8:"), "{err}");

    let task = |extra: &str| {
        plan_with(&format!("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a b\"\nrepeat = \"monthly\"\n{extra}"))
    };
    let err = Session::with_plan(&task("due_day = 1000000000000000000\n")).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("due_day must be a day of the month, 1 to 31"), "{err}");
    let err = Session::with_plan(&task("due_day = -9223372036854775808\n")).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("due_day must be a day of the month, 1 to 31"), "{err}");
    let settings = plan_with("").replace("[[owner]]", "[settings]\nwithin_days = 9223372036854775807\n\n[[owner]]");
    let err = Session::with_plan(&settings).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("within_days must be a number of days from 0 to 3660"), "{err}");
    // Points: infinite, not a number, or so large that they add up to infinity.
    let index =
        |leaves: &str| plan_with(&format!("[index]\n[[index.criterion]]\ncode = \"1\"\ntitle = \"A\"\n{leaves}"));
    let err = Session::with_plan(&index("[[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = inf\n"))
        .par(["--lang", "en", "index"])
        .fails(2);
    assert!(err.contains("the maximum of criterion `1.1` must be zero or more points"), "{err}");
    let err = Session::with_plan(&index("[[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = nan\n"))
        .par(["--lang", "en", "index"])
        .fails(2);
    assert!(err.contains("must be zero or more points"), "{err}");
    let huge = "[[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 1e308\n\
                [[index.criterion]]\ncode = \"1.2\"\ntitle = \"b\"\nmax = 1e308\n";
    let run =
        Session::with_plan(&index(huge)).par(["--lang", "en", "index", "--today", "2025-06-01", "--format", "json"]);
    assert!(run.code == 0 || run.code == 2, "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn dates_far_out_of_range_get_clear_errors() {
    let task =
        |due: &str| plan_with(&format!("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a b\"\ndue = {due}\n"));
    for (due, says) in [
        ("9999-12-31", "task `1`'s due date is outside the years 1900–2200"),
        ("0001-01-01", "task `1`'s due date is outside the years 1900–2200"),
        ("\"31/12/9999\"", "task `1`'s due date is outside the years 1900–2200"),
        ("\"+99999-01-01\"", "task `1`'s due date is outside the years 1900–2200"),
        ("\"31/12/99999\"", "task `1`'s due date is not a date"),
        ("\"99999999999/1/2025\"", "task `1`'s due date is not a date"),
        ("2025-02-30", "invalid date"),
        ("1979-05-27T07:32:00Z", "task `1`'s due date is not a date"),
    ] {
        let err = Session::with_plan(&task(due)).par(["--lang", "en", "status"]).fails(2);
        assert!(err.contains(says), "{due}: {err}");
        assert!(err.contains("plan.toml:18:7"), "{due}: {err}");
    }
    let s = Session::seed();
    for today in ["99999-01-01", "+99999-01-01", "0000-01-01", "1/1/0000", "31/12/2201", "262143-12-31"] {
        let err = s.par(["--lang", "en", "status", "--today", today]).fails(2);
        assert!(err.starts_with("error: --today / PAR_TODAY: `"), "{today}: {err}");
        assert!(err.contains("is outside the years 1900–2200") || err.contains("is not a date"), "{today}: {err}");
    }
    let err = s.par(["--lang", "en", "status", "--today", "+99999-01-01"]).fails(2);
    assert_eq!(err, "error: --today / PAR_TODAY: `+99999-01-01` is outside the years 1900–2200\n");
    // The ends of the range itself work.
    s.par(["status", "--today", "1900-01-01"]).ok();
    s.par(["status", "--today", "31/12/2200"]).ok();
}

#[test]
fn bom_and_crlf_read_the_same_in_every_read_command() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(support::SEED.replace('\n', "\r\n").into_bytes());
    let windows = Session::with_plan_bytes(&bytes);
    let unix = Session::seed();
    let commands: [&[&str]; 7] = [
        &["status"],
        &["list"],
        &["list", "--occurrences"],
        &["show", "4"],
        &["index"],
        &["index", "--evidence"],
        &["check"],
    ];
    for args in commands {
        for format in ["table", "json"] {
            let mut full = args.to_vec();
            full.extend(["--format", format, "--today", "2025-10-05"]);
            let a = windows.run(&full);
            let b = unix.run(&full);
            assert_eq!(a.code, b.code, "{full:?}: {}", a.stderr);
            assert_eq!(a.stdout, b.stdout, "{full:?}");
            assert!(a.stderr.is_empty(), "{full:?}: {}", a.stderr);
        }
    }
    // Errors in a CRLF file point at the same line and column as in the LF file.
    let broken = support::SEED.replace("year = 2025 ", "year = \"2025\" ");
    let error = |s: Session| s.par(["status"]).fails(2).replace(&s.dir.path().display().to_string(), "DIR");
    let lf = error(Session::with_plan(&broken));
    let crlf = error(Session::with_plan(&broken.replace('\n', "\r\n")));
    assert_eq!(lf, crlf);
    assert!(lf.contains("plan.toml:30:8:"), "{lf}");
    // Reading never rewrites the file: the BOM and CRLF are still there, byte for byte.
    assert_eq!(std::fs::read(windows.path("plan.toml")).unwrap(), bytes);
}

#[test]
fn nfd_text_is_found_with_and_without_diacritics_and_never_rewritten() {
    // Titles and names typed on a Mac or pasted from a PDF: decomposed (NFD) marks.
    let nfd = |s: &str| s.nfd().collect::<String>();
    let text = format!(
        "[plan]\nunit = \"{}\"\ntitle = \"K\"\nyear = 2025\n\n[[owner]]\nid = \"ht\"\nname = \"{}\"\n\n\
         [[section]]\nid = \"II\"\ntitle = \"{}\"\n\n\
         [[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"{}\"\nowner = \"ht\"\ndue = 2025-06-30\n\n\
         [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"Việc khác hẳn\"\nowner = \"ht\"\ndue = 2025-06-30\n",
        nfd("Trường Tiểu học"),
        nfd("Hiệu trưởng"),
        nfd("Nhiệm vụ"),
        nfd("Tiếp nhận, xử lý ý kiến người dân")
    );
    assert_ne!(text, text.nfc().collect::<String>(), "the fixture is decomposed");
    let s = Session::with_plan(&text);
    let keys = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["list", "--format", "json", "--today", "2025-06-01"];
        full.extend_from_slice(args);
        let v = s.run(&full).json();
        v["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap().to_string()).collect()
    };
    for typed in ["y kien", "Ý KIẾN", "ý kiến", &nfd("ý kiến"), "XU LY Y KIEN NGUOI DAN", "tiếp nhận,"] {
        assert_eq!(keys(&["--grep", typed]), ["1"], "{typed}");
    }
    for typed in ["hieu truong", "Hiệu trưởng", &nfd("hiệu")] {
        assert_eq!(keys(&["--owner", typed]), ["1", "2"], "{typed}");
    }
    assert_eq!(keys(&["--grep", "viec khac han"]), ["2"]);
    // The text is shown as written, not normalised; the file is never rewritten.
    let v = s.par(["show", "1", "--format", "json", "--today", "2025-06-01"]).json();
    assert_eq!(v["title"].as_str().unwrap(), nfd("Tiếp nhận, xử lý ý kiến người dân"));
    for args in [["status"], ["list"], ["check"]] {
        let mut full = args.to_vec();
        full.extend(["--today", "2025-06-01"]);
        let code = s.run(&full).code;
        assert!(code == 0 || code == 1, "{full:?}");
    }
    assert_eq!(s.plan_text(), text);
}

#[test]
fn empty_and_foreign_files_say_what_a_plan_is() {
    for text in ["", "\u{feff}", "# chỉ có chú thích\n", "[package]\nname = \"x\"\n"] {
        let err = Session::with_plan(text).par(["--lang", "en", "status"]).fails(2);
        assert!(
            err.contains("the file has no [plan] table") || err.contains("unknown key `package`"),
            "{text:?}: {err}"
        );
    }
    let err = Session::with_plan("").par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("plan.toml:1:1: the file has no [plan] table"), "{err}");
    assert!(err.contains("help: a plan starts with [plan] holding unit, title and year"), "{err}");
}

#[test]
fn utf16_with_and_without_bom_says_how_to_convert() {
    let text = support::SEED;
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases = [
        ("LE with BOM", [&[0xFF, 0xFE][..], &le].concat()),
        ("BE with BOM", [&[0xFE, 0xFF][..], &be].concat()),
        ("LE without BOM", le.clone()),
        ("BE without BOM", be.clone()),
    ];
    for (name, bytes) in cases {
        for args in [&["status"][..], &["list"][..], &["show", "4"][..], &["index"][..], &["check"][..]] {
            let err = Session::with_plan_bytes(&bytes).run(&[&["--lang", "en"][..], args].concat()).fails(2);
            assert!(err.contains("is UTF-16 text; par reads UTF-8"), "{name} {args:?}: {err}");
            assert!(err.contains("Encoding: UTF-8") && err.contains("iconv -f UTF-16 -t UTF-8"), "{name}: {err}");
        }
    }
}

#[test]
fn files_that_cannot_be_read_exit_3_and_odd_files_are_bounded() {
    let s = Session::seed();
    // Missing or a folder: the file could not be read (exit 3, as the README's table says).
    let err = s.par(["--lang", "en", "-f", "khong-co.toml", "status"]).fails(3);
    assert!(err.contains("cannot read khong-co.toml: no such file or folder"), "{err}");
    std::fs::create_dir(s.path("folder.toml")).unwrap();
    let err = s.par(["--lang", "en", "-f", "folder.toml", "status"]).fails(3);
    assert!(err.contains("cannot read folder.toml"), "{err}");
    // An index file that is not there, or a device: refused at once, not read forever.
    let with_index = |file: &str| support::SEED.replacen("[index]", &format!("[index]\nfile = \"{file}\""), 1);
    let text = with_index("chi-so.toml");
    let text = text.split("\n[[index.criterion]]").next().unwrap().to_string()
        + &support::SEED[support::SEED.find("\n[[task]]").unwrap()..];
    let err = Session::with_plan(&text).par(["--lang", "en", "index"]).fails(3);
    assert!(err.contains("cannot read the index file"), "{err}");
    #[cfg(unix)]
    {
        let err = Session::with_plan(&text.replace("chi-so.toml", "/dev/zero")).par(["--lang", "en", "index"]).fails(3);
        assert!(err.contains("/dev/zero") && err.contains("not a regular file"), "{err}");
        // A plan path that is an endless device: refused by its type, not read.
        let err = s.par(["--lang", "en", "-f", "/dev/zero", "status"]).fails(3);
        assert!(err.contains("cannot read /dev/zero: it is a character device"), "{err}");
    }
}

/// Inputs the fuzzers found, kept as regressions (see docs/testing.md, "Fuzzing").
#[test]
fn fuzz_findings_stay_fixed() {
    use support::exercise::{Outcome, exercise};
    // plan_load: a table header followed by hundreds of NUL bytes made a 600-column
    // error snippet (each NUL escaped as `\u{0}` after the window was cut) with the
    // caret in the wrong place.
    let mut bytes = plan_with("").into_bytes();
    bytes.extend_from_slice(b"[[index");
    bytes.extend(std::iter::repeat_n(0u8, 400));
    bytes.extend_from_slice(b"]]\n");
    match exercise(std::path::Path::new("plan.toml"), &bytes) {
        Outcome::Refused(e) => assert!(e.contains("plan.toml:14:8:"), "{e}"),
        Outcome::Loaded { .. } => panic!("NUL bytes in a header cannot load"),
    }
    // dates: a period in a year below 1000 printed as `25`, which does not parse back.
    let text = plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a b\"\nrepeat = \"yearly\"\n\
         [[task.log]]\ndate = 2025-01-02\ntext = \"x\"\nperiod = \"0025\"\n",
    );
    let s = Session::with_plan(&text);
    let v = s.par(["show", "1", "--format", "json", "--today", "2025-06-01"]).json();
    assert_eq!(v["log"][0]["period"], "0025");
    assert!(s.par(["show", "1", "--today", "2025-06-01"]).ok().contains("02/01/2025 [0025]  x"));
}

/// Found auditing the index code for odd but valid or half-broken trees.
#[test]
fn index_trees_in_any_order_and_with_bad_codes_are_reported_truly() {
    let tree = |criteria: &str| plan_with(&format!("[index]\n{criteria}"));
    // A skipped bad code must not shift later checks onto the wrong criterion.
    let text = tree(
        "[[index.criterion]]\ncode = \"bad code\"\ntitle = \"x\"\nmax = 5\n\
         [[index.criterion]]\ncode = \"1\"\ntitle = \"A\"\nmax = 10\nlast_year = 9\n\
         [[index.criterion]]\ncode = \"2\"\ntitle = \"B\"\nmax = 1\n",
    );
    let err = Session::with_plan(&text).par(["--lang", "en", "index"]).fails(2);
    assert!(err.contains("criterion code `bad code` must be dotted parts"), "{err}");
    assert!(!err.contains("above its maximum"), "{err}");
    // `1`, `2`, `1.1` is a valid order: 1.1 is drawn under area 1, not area 2.
    let text = tree(
        "[[index.criterion]]\ncode = \"1\"\ntitle = \"Lĩnh vực một\"\n\
         [[index.criterion]]\ncode = \"2\"\ntitle = \"Lĩnh vực hai\"\nmax = 3\n\
         [[index.criterion]]\ncode = \"1.1\"\ntitle = \"Tiêu chí của một\"\nmax = 4\nlast_year = 2\n",
    );
    let out = Session::with_plan(&text).par(["index", "--today", "2025-06-01"]).ok();
    let area_two = out.find("2. Lĩnh vực hai").unwrap();
    let criterion = out.find("Tiêu chí của một").unwrap();
    assert!(criterion < area_two, "{out}");
}

/// Makes a named pipe at `path`; false (with the reason printed) where that cannot be done.
#[cfg(unix)]
fn mkfifo(path: &std::path::Path) -> bool {
    match std::process::Command::new("mkfifo").arg(path).status() {
        Ok(st) if st.success() => true,
        other => {
            eprintln!("skipped: mkfifo {} failed ({other:?})", path.display());
            false
        }
    }
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_not_waited_on_or_read() {
    let s = Session::seed();
    if !mkfifo(&s.path("fifo.toml")) || !mkfifo(&s.path("fifo.txt")) {
        return;
    }
    // In the output language only: Vietnamese unless --lang en.
    let bilingual = |err: &str, name: &str| {
        assert!(err.contains(&format!("không đọc được {name}: đây là ống có tên (FIFO)")), "{err}");
        assert!(!err.contains("cannot read"), "{err}");
    };
    // Read and write commands on a plan that is a pipe: exit 3 at once.
    for args in
        [&["-f", "fifo.toml", "status"][..], &["-f", "fifo.toml", "log", "1", "x"], &["-f", "fifo.toml", "done", "1"]]
    {
        bilingual(&s.run_timed(args).fails(3), "fifo.toml");
    }
    let err = s.run_timed(&["import", "fifo.txt", "--lang", "en"]).fails(3);
    assert!(err.contains("cannot read fifo.txt: it is a named pipe (FIFO), not a regular file"), "{err}");
    assert!(err.contains("help: par reads regular files only"), "{err}");
    // In a rollup folder a pipe is a skipped file with its reason; named alone, exit 3.
    std::fs::create_dir(s.path("units")).unwrap();
    std::fs::write(s.path("units/a.toml"), support::SEED).unwrap();
    assert!(mkfifo(&s.path("units/b.toml")));
    let run = s.run_timed(&["rollup", "units", "--format", "json", "--lang", "en", "--year", "2025"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 1);
    assert_eq!(v["skipped"][0]["reason"], "it is a named pipe (FIFO), not a regular file");
    s.run_timed(&["rollup", "fifo.toml"]).fails(3);
    // Devices: refused by their type, never read (`/dev/zero` grew par to 24 GB).
    for args in [&["-f", "/dev/zero", "status"][..], &["import", "/dev/zero"], &["rollup", "/dev/zero"]] {
        let err = s.run_timed(args).fails(3);
        assert!(err.contains("/dev/zero: đây là thiết bị ký tự"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn files_over_the_cap_are_refused_by_size_before_reading() {
    let s = Session::seed();
    // Sparse: 300 MB on paper, nothing on disk; read whole, it would take 300 MB.
    for name in ["big.toml", "big.txt"] {
        std::fs::File::create(s.path(name)).unwrap().set_len(300 << 20).unwrap();
    }
    std::fs::create_dir(s.path("units")).unwrap();
    std::fs::File::create(s.path("units/big.toml")).unwrap().set_len(300 << 20).unwrap();
    // Plans are capped at 256 MB; plan documents for `par import` at 32 MB.
    for (args, code, cap) in [
        ("--lang en -f big.toml status", 3, 256),
        ("import big.txt --lang en", 3, 32),
        ("rollup units --format json --lang en", 1, 256),
    ] {
        let run = s.run_within(200_000, args);
        assert_eq!(run.code, code, "{args}: {}", run.stderr);
        let shown = format!("{}{}", run.stdout, run.stderr);
        assert!(
            shown.contains("big.") && shown.contains(&format!("300 MB, over the {cap} MB limit")),
            "{args}: {shown}"
        );
    }
}

#[cfg(unix)]
#[test]
fn hostile_nesting_and_value_floods_are_refused_in_bounded_memory() {
    // 10 MB of `[` took 757 MB, 40 MB 2.9 GB; 100 MB of `1,` aborted (exit 134). Now each
    // is refused with its place, in well under 400 MB of address space.
    let s = Session::seed();
    std::fs::write(s.path("nest.toml"), format!("[plan]\na = {}\n", "[".repeat(10 << 20))).unwrap();
    std::fs::write(s.path("brace.toml"), format!("a = {}\n", "{ b = ".repeat(2 << 20))).unwrap();
    std::fs::write(s.path("list.toml"), format!("a=[{}1]\n", "1,".repeat(50 << 20))).unwrap();
    std::fs::write(s.path("lines.toml"), "#\n".repeat(5 << 20)).unwrap();
    let cases = [
        ("nest.toml", "nest.toml:2:37: mảng hoặc bảng lồng nhau quá 32 tầng"),
        ("brace.toml", "brace.toml:1:"),
        ("list.toml", "list.toml:1:"),
        ("lines.toml", "lines.toml:"),
    ];
    for (file, place) in cases {
        let run = s.run_within(400_000, &format!("-f {file} status"));
        assert_eq!(run.code, 2, "{file}: {}", &run.stderr[..run.stderr.len().min(500)]);
        assert!(run.stderr.contains(place), "{file}: {}", &run.stderr[..run.stderr.len().min(500)]);
        assert!(run.stderr.contains("gợi ý: "), "{file}");
        assert!(run.stderr.len() < 1_500, "{file}: {} bytes", run.stderr.len());
    }
    let run = s.run_within(400_000, "--lang en -f list.toml status");
    assert!(run.stderr.contains("too many values for the file's size"), "{}", run.stderr);
    // The same limits hold for a rollup, which skips the file with the reason.
    std::fs::create_dir(s.path("units")).unwrap();
    std::fs::rename(s.path("list.toml"), s.path("units/list.toml")).unwrap();
    let run = s.run_within(400_000, "--lang en rollup units --format json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("too many values"), "{}", run.stdout);
}

#[test]
fn more_tasks_than_the_limit_are_refused_at_the_first_one_too_many() {
    let text = plan_with(&"[[task]]\nid=\"\"\nsection=\"\"\ntitle=\"\"\n".repeat(200_001));
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(err.contains("more than 200000 tasks") && err.contains(":800014:1:"), "{}", &err[..err.len().min(400)]);
}

#[cfg(unix)]
#[test]
fn memory_that_cannot_be_had_is_said_so_not_called_a_read_failure() {
    // A 120 MB file under a 100 MB address space: par asks for the room first and says
    // it is memory that is short (exit 3), not that the file cannot be read.
    let s = Session::seed();
    std::fs::File::create(s.path("wide.toml")).unwrap().set_len(120 << 20).unwrap();
    let run = s.run_within(100_000, "-f wide.toml status");
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("không đủ bộ nhớ cho wide.toml: không đủ bộ nhớ để đọc 120 MB"), "{}", run.stderr);
    assert!(!run.stderr.contains("không đọc được"), "{}", run.stderr);
    let run = s.run_within(100_000, "--lang en -f wide.toml status");
    assert!(run.stderr.contains("not enough memory for wide.toml: not enough memory to read 120 MB"), "{}", run.stderr);
    assert!(!run.stderr.contains("cannot read"), "{}", run.stderr);
}

#[test]
fn a_rollup_of_nothing_readable_exits_3_and_of_no_plans_2() {
    let s = Session::seed();
    // A folder that is not there: nothing could be read, exit 3 as for any command.
    let err = s.par(["rollup", "khong-co", "--lang", "en"]).fails(3);
    assert!(err.contains("cannot read khong-co: no such file or folder"), "{err}");
    let err = s.par(["rollup", "khong-co"]).fails(3);
    assert!(err.contains("không đọc được khong-co: không có tệp hay thư mục này"), "{err}");
    // A folder without plan files: bad input, exit 2.
    std::fs::create_dir(s.path("rong")).unwrap();
    let err = s.par(["rollup", "rong", "--lang", "en"]).fails(2);
    assert!(err.contains("no plan files (*.toml) in rong"), "{err}");
    // A plan and a missing path: the report, the missing one skipped, exit 1.
    let run = s.par(["rollup", "plan.toml", "khong-co", "--format", "json", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("no such file or folder"), "{}", run.stdout);
}

// ---------------------------------------------------------------------------
// Characters XML 1.0 forbids, in every XML (and HTML) output.
// ---------------------------------------------------------------------------

/// A plan whose title, done note, log text and owner name hold U+FFFE, U+FFFF and the
/// C0 controls U+0001 and U+000B, none of which an XML 1.0 document may contain.
fn xml_hostile_plan() -> String {
    plan_with(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc \\uFFFE một \\u0001 hai\"\n\
         owner = \"ht\"\ndue = 2025-05-01\n\
         [[task.done]]\ndate = 2025-04-20\nnote = \"Ghi chú \\uFFFF \\u000B xong\"\n\
         [[task.log]]\ndate = 2025-04-10\ntext = \"Nhật ký \\uFFFE\\uFFFF \\u0001\"\n",
    )
    .replace("Kế hoạch thử", "Kế hoạch \\uFFFF thử \\u000B")
    .replace("name = \"Hiệu trưởng\"", "name = \"Hiệu \\uFFFE trưởng \\u0001\"")
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Every `.xml` part of an Office file parses with quick-xml as well-formed, and neither
/// its raw text nor its text after unescaping holds a character XML forbids.
fn assert_office_xml_is_valid(bytes: &[u8], what: &str) {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let names: Vec<String> = zip.file_names().map(|n| n.expect("a zip entry name").into_owned()).collect();
    let mut parts = 0;
    for name in names.iter().filter(|n| n.ends_with(".xml") || n.ends_with(".rels")) {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).expect("UTF-8 XML");
        if let Some(c) = xml.chars().find(|&c| !xml_char(c)) {
            panic!("{what}: {name} holds {c:?}, which XML 1.0 forbids");
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        reader.config_mut().check_end_names = true;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(Event::GeneralRef(r)) => {
                    let c = r.resolve_char_ref().unwrap_or_else(|e| panic!("{what}: {name}: {e}"));
                    if let Some(c) = c.filter(|&c| !xml_char(c)) {
                        panic!("{what}: {name} holds a reference to {c:?}, which XML 1.0 forbids");
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("{what}: {name} is not well-formed XML at {}: {e}", reader.error_position()),
            }
        }
        parts += 1;
    }
    assert!(parts > 3, "{what}: only {parts} XML parts");
}

#[test]
fn word_and_excel_files_hold_only_characters_xml_allows() {
    let s = Session::with_plan(&xml_hostile_plan());
    assert_eq!(s.par(["report", "--quarter", "Q2", "--today", "2025-06-30", "-o", "bc.docx"]).code, 0);
    let docx = std::fs::read(s.path("bc.docx")).unwrap();
    assert_office_xml_is_valid(&docx, "report .docx");
    // The text is still there, the forbidden characters replaced by U+FFFD.
    let document = {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        xml
    };
    for shown in ["Việc", "một", "hai", "Ghi chú", "xong", "Hiệu"] {
        assert!(document.contains(shown), "{shown} missing from the report");
    }

    assert_eq!(s.par(["export", "--today", "2025-06-30", "-o", "kh.xlsx"]).code, 0);
    let xlsx = std::fs::read(s.path("kh.xlsx")).unwrap();
    assert_office_xml_is_valid(&xlsx, "export .xlsx");
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("calamine opens the workbook");
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c.contains("Việc") && c.contains("hai")), "{cells:?}");
    assert!(cells.iter().all(|c| c.chars().all(xml_char)), "{cells:?}");
}

#[test]
fn html_pages_hold_only_characters_xml_allows() {
    let s = Session::with_plan(&xml_hostile_plan());
    let page = s.par(["report", "--quarter", "Q2", "--today", "2025-06-30", "--format", "html"]).ok();
    assert!(page.contains("Việc"), "{page}");
    if let Some(c) = page.chars().find(|&c| !xml_char(c)) {
        panic!("report HTML holds {c:?}");
    }
    std::fs::create_dir(s.path("units")).unwrap();
    std::fs::copy(s.path("plan.toml"), s.path("units/a.toml")).unwrap();
    let page = s.par(["rollup", "units", "--today", "2025-06-30", "--format", "html"]).ok();
    assert!(page.contains("Trường Tiểu học Thử"), "{page}");
    if let Some(c) = page.chars().find(|&c| !xml_char(c)) {
        panic!("rollup HTML holds {c:?}");
    }
}

/// LibreOffice opens the Word report with those characters and converts it to PDF.
#[test]
#[ignore = "needs soffice (LibreOffice)"]
fn word_report_with_forbidden_characters_converts_to_pdf() {
    let s = Session::with_plan(&xml_hostile_plan());
    s.par(["report", "--quarter", "Q2", "--today", "2025-06-30", "-o", "bc.docx"]).ok();
    let profile = format!("-env:UserInstallation=file://{}", s.path("profile").display());
    let out = std::process::Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(s.dir.path())
        .arg(s.path("bc.docx"))
        .output()
        .expect("soffice runs");
    assert!(s.path("bc.pdf").is_file(), "no PDF: {}", String::from_utf8_lossy(&out.stderr));
}

// ---------------------------------------------------------------------------
// Invisible and direction characters.
// ---------------------------------------------------------------------------

/// Invisible, direction and non-characters in every kind of text a table prints:
/// zero-width space, RLM, Arabic letter mark, RLO, U+FFFE/FFFF, the C1 CSI, the line
/// separator, a BOM inside text, word joiner, soft hyphen, a tag character, U+FDD0.
const INVISIBLE: &str = r#"[plan]
unit = "Trường\u200B Ẩn"
title = "Kế hoạch \u200F\u061C \u202E"
year = 2025

[[owner]]
id = "ht"
name = "Người \u009B31m \uFFFE\uFFFF"

[[section]]
id = "II"
title = "Phần \u2028 \uFEFF \u2060"

[[task]]
id = "1"
section = "II"
title = "Việc \u00AD \U000E0041 \uFDD0 \u2029 \u2066"
owner = "ht"
due = 2025-05-01
[[task.log]]
date = 2025-04-15
text = "Đang làm \u200B\u200D"
"#;

#[test]
fn invisible_and_direction_characters_are_shown_escaped() {
    let s = Session::with_plan(INVISIBLE);
    let reads: Vec<Vec<&str>> = READS
        .iter()
        .filter(|a| a[0] != "index")
        .map(|a| a.iter().map(|x| if x.starts_with('1') { "1" } else { x }).collect())
        .collect();
    for args in &reads {
        for width in [None, Some("40"), Some("200")] {
            let mut full = args.clone();
            full.extend(["--today", "2025-06-01"]);
            let mut cmd = s.command(&full);
            if let Some(w) = width {
                cmd.env("COLUMNS", w);
            }
            let out = cmd.output().unwrap();
            let code = out.status.code();
            assert!(code == Some(0) || (args[0] == "check" && code == Some(1)), "{full:?}: {out:?}");
            check_terminal(&String::from_utf8(out.stdout).unwrap(), &full.join(" "));
        }
    }
    let status = s.par(["status", "--today", "2025-06-01"]).ok();
    for visible in ["Trường\\u{200b} Ẩn", "\\u{200f}\\u{61c} \\u{202e}", "Phần \\u{2028} \\u{feff} \\u{2060}"] {
        assert!(status.contains(visible), "{visible} missing in\n{status}");
    }
    let show = s.par(["show", "1", "--today", "2025-06-01"]).ok();
    for visible in [
        "Việc \\u{ad} \\u{e0041} \\u{fdd0} \\u{2029} \\u{2066}",
        "Người \\u{9b}31m \\u{fffe}\\u{ffff}",
        "Đang làm \\u{200b}\\u{200d}",
    ] {
        assert!(show.contains(visible), "{visible} missing in\n{show}");
    }
    // The Markdown and text reports, printed on the terminal by default.
    for format in ["md", "txt"] {
        let report = s.par(["report", "--quarter", "Q2", "--today", "2025-06-30", "--format", format]).ok();
        check_terminal(&report, &format!("report --format {format}"));
        assert!(report.contains("\\u{200f}"), "{report}");
    }
    // JSON keeps the real text.
    let v = s.par(["show", "1", "--today", "2025-06-01", "--format", "json"]).json();
    assert_eq!(v["title"], "Việc \u{ad} \u{e0041} \u{fdd0} \u{2029} \u{2066}");

    // Error messages: text from the file and text typed on the command line.
    let bad = plan_with("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a b\"\nowner = \"h\\u200Bt\\u061C\"\n");
    let err = Session::with_plan(&bad).par(["--lang", "en", "status"]).fails(2);
    check_terminal(&err, "status (error)");
    assert!(err.contains("unknown owner `h\\u{200b}t\\u{61c}`"), "{err}");
    let err = s.run(&["show", "1\u{200b}\u{202e}\u{9b}", "--today", "2025-06-01"]).fails(2);
    check_terminal(&err, "show (error)");
    assert!(err.contains("`1\\u{200b}\\u{202e}\\u{9b}`"), "{err}");
}

#[test]
fn vietnamese_combining_marks_are_not_escaped() {
    // Decomposed (NFD) Vietnamese: its marks are combining (Mn), not format characters.
    let nfd = |s: &str| s.nfd().collect::<String>();
    let title = nfd("Tiếp nhận, xử lý ý kiến người dân");
    let s = Session::with_plan(&plan_with(&format!(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"{title}\"\nowner = \"ht\"\ndue = 2025-05-01\n"
    )));
    let show = s.par(["show", "1", "--today", "2025-06-01"]).ok();
    assert!(show.contains(&title), "{show}");
    assert!(!show.contains("\\u{"), "{show}");
    let list = s.par(["list", "--today", "2025-06-01"]).ok();
    assert!(!list.contains("\\u{"), "{list}");
}

// ---------------------------------------------------------------------------
// Task ids in composed (NFC) and decomposed (NFD) form.
// ---------------------------------------------------------------------------

#[test]
fn task_ids_match_whatever_unicode_form_they_are_typed_in() {
    let (nfc, nfd) = (|s: &str| s.nfc().collect::<String>(), |s: &str| s.nfd().collect::<String>());
    // Task "Việc-1" is written decomposed in the file, "Bước-2" composed.
    let text = plan_with(&format!(
        "[[task]]\nid = \"{}\"\nsection = \"II\"\ntitle = \"Một\"\nowner = \"ht\"\ndue = 2025-06-30\n\n\
         [[task]]\nid = \"{}\"\nsection = \"II\"\ntitle = \"Hai\"\nowner = \"ht\"\ndue = 2025-06-30\n",
        nfd("Việc-1"),
        nfc("Bước-2")
    ));
    assert!(text.contains(&nfd("Việc-1")) && !text.contains(&nfc("Việc-1")));
    let s = Session::with_plan(&text);
    for (typed, title) in
        [(nfc("Việc-1"), "Một"), (nfd("Việc-1"), "Một"), (nfd("Bước-2"), "Hai"), (nfc("Bước-2"), "Hai")]
    {
        let v = s.run(&["show", &typed, "--format", "json", "--today", "2025-06-01"]).json();
        assert_eq!(v["title"], title, "{typed:?}");
    }
    // Writing commands find them too, and never rewrite the id as it is in the file.
    let run = |args: &[&str]| assert_eq!(s.run(args).code, 0, "{args:?}");
    run(&["log", &nfc("Việc-1"), "đang làm", "--today", "2025-06-01"]);
    run(&["done", &nfd("Bước-2"), "--today", "2025-06-02"]);
    run(&["reopen", &nfd("Bước-2"), "--today", "2025-06-03"]);
    run(&["edit", &nfc("Việc-1"), "--title", "Một mới", "--today", "2025-06-03"]);
    let after = s.plan_text();
    assert!(after.contains(&format!("id = \"{}\"", nfd("Việc-1"))), "{after}");
    assert!(after.contains("đang làm") && after.contains("Một mới"), "{after}");
    // A new task cannot take an id that is an existing one in the other form.
    let err = s.run(&["add", "Ba", "--section", "II", "--id", &nfc("Việc-1"), "--today", "2025-06-03"]).fails(2);
    assert!(err.contains("Việc-1") || err.contains(&nfd("Việc-1")), "{err}");
    run(&["rm", &nfc("Việc-1"), "--yes", "--today", "2025-06-03"]);
    assert!(!s.plan_text().contains(&nfd("Việc-1")));
}

#[test]
fn task_ids_equal_after_nfc_are_a_duplicate() {
    let nfd = |s: &str| s.nfd().collect::<String>();
    let text = plan_with(&format!(
        "[[task]]\nid = \"Việc\"\nsection = \"II\"\ntitle = \"Một\"\n\n\
         [[task]]\nid = \"{}\"\nsection = \"II\"\ntitle = \"Hai\"\nowner = \"nobody\"\n",
        nfd("Việc")
    ));
    let line_of = |needle: &str| text.lines().position(|l| l == needle).unwrap() + 1;
    let (first, second) = (line_of("id = \"Việc\""), line_of(&format!("id = \"{}\"", nfd("Việc"))));
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    check_terminal(&err, "status (error)");
    // Listed with the other problems, with the place of both.
    assert!(err.contains("duplicate id"), "{err}");
    assert!(err.contains("unknown owner `nobody`"), "{err}");
    assert!(err.contains(&format!("plan.toml:{second}:6:")), "{err}");
    assert!(err.contains(&format!("plan.toml:{first}:6")), "{err}");
}

#[test]
fn owner_and_section_ids_match_in_either_unicode_form() {
    let nfd = |s: &str| s.nfd().collect::<String>();
    let text = plan_with(&format!(
        "[[owner]]\nid = \"phó\"\nname = \"Phó hiệu trưởng\"\n\n[[section]]\nid = \"Ⅲ-ý\"\ntitle = \"Ba\"\n\n\
         [[task]]\nid = \"1\"\nsection = \"{}\"\ntitle = \"Một\"\nowner = \"{}\"\ndue = 2025-06-30\n",
        nfd("Ⅲ-ý"),
        nfd("phó")
    ));
    let s = Session::with_plan(&text);
    let v = s.par(["show", "1", "--format", "json", "--today", "2025-06-01"]).json();
    assert_eq!(v["owner"]["id"], "phó", "{v}");
    assert_eq!(
        s.run(&["add", "Hai", "--section", &nfd("Ⅲ-ý"), "--owner", &nfd("phó"), "--today", "2025-06-01"]).code,
        0
    );
}
