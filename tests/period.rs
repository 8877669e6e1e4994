//! Period semantics (issue #14 points 1, 2, 3's default period, 8; issue #18 point 2):
//! the report on a period written as of its date, counted by hand; status and report
//! agreeing; impossible calendars refused; entries going to the overdue occurrence.

use serde_json::Value;

use crate::support::{Session, plan_with};

/// A quarter whose work ends after it: each item's fate on 10/10/2025 is worked out by hand
/// in [`q3_report_as_of_10_october_counts_each_item`].
const SCENARIO: &str = r#"
[report]
calendar = "calendar"

[[task]]
id = "A"
section = "II"
title = "Quarterly check with a measured result"
owner = "ht"
repeat = "quarterly"
start = 2025-04-01

[task.indicator]
name = "On-time rate"
unit = "%"
target = 100

[[task.done]]
period = "2025-Q2"
date = 2025-06-28

[[task.measure]]
period = "2025-Q2"
value = 100
date = 2025-06-28

[[task.done]]
period = "2025-Q3"
date = 2025-10-06

[[task.measure]]
period = "2025-Q3"
value = 80
date = 2025-10-06

[[task]]
id = "B"
section = "II"
title = "One-off finished after the quarter"
owner = "ht"
due = 2025-09-15

[[task.done]]
date = 2025-10-03

[[task]]
id = "C"
section = "II"
title = "One-off still overdue"
owner = "ht"
due = 2025-08-31

[[task]]
id = "D"
section = "II"
title = "One-off done in time"
owner = "ht"
due = 2025-09-30

[[task.done]]
date = 2025-09-20

[[task]]
id = "E"
section = "II"
title = "Ongoing duty"
owner = "ht"
repeat = "ongoing"

[[task]]
id = "F"
section = "II"
title = "One-off due in Q4"
owner = "ht"
due = 2025-11-30

# A task added after the quarter (G, `par add` on 05/10) is added by the test itself:
# see q3_report_as_of_10_october_counts_each_item.
"#;

fn scenario() -> Session {
    Session::with_plan(&plan_with(SCENARIO))
}

fn counts(v: &Value) -> [u64; 7] {
    ["total", "done_on_time", "done_late", "open", "overdue", "not_started", "ongoing"]
        .map(|k| v[k].as_u64().unwrap_or_else(|| panic!("no {k} in {v}")))
}

fn item<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("no item {key}"))
}

fn keys(report: &Value) -> Vec<String> {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .map(|i| i["key"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn q3_report_as_of_10_october_counts_each_item() {
    let s = scenario();
    let r = s.par(["report", "--quarter", "Q3", "--today", "2025-10-10", "--format", "json"]).json();
    // The report is taken on its own date, not frozen at 30/09.
    assert_eq!(r["as_of"], "2025-10-10");
    // Q3's items: the occurrences due in 1/7–30/9 and the ongoing duty. F is due in Q4,
    // A@2025-Q2 in Q2: neither is Q3's.
    assert_eq!(keys(&r), ["A@2025-Q3", "B", "C", "D", "E"]);
    // A@Q3: due 30/09, done 06/10 → done late, 6 days; its Q3 measurement (80 %, recorded
    // 06/10) misses the 100 % target → "done, target not met".
    let a = item(&r, "A@2025-Q3");
    assert_eq!(
        (a["status"].as_str(), a["done_date"].as_str(), a["days_late"].as_i64()),
        (Some("done_late"), Some("2025-10-06"), Some(6))
    );
    assert_eq!(a["target_met"], false);
    // B: due 15/09, done 03/10 → done late: 15 days to 30/09 + 3 = 18.
    let b = item(&r, "B");
    assert_eq!((b["status"].as_str(), b["days_late"].as_i64()), (Some("done_late"), Some(18)));
    // C: due 31/08, not done → overdue on 10/10: 30 (September) + 10 = 40 days.
    let c = item(&r, "C");
    assert_eq!((c["status"].as_str(), c["days_late"].as_i64()), (Some("overdue"), Some(40)));
    // D: due 30/09, done 20/09 → on time.
    assert_eq!(item(&r, "D")["status"], "done_on_time");
    assert_eq!(item(&r, "E")["status"], "no_deadline");
    // This period: 5 items = 1 on time (D) + 2 late (A, B) + 1 overdue (C) + 1 ongoing (E);
    // completion 3 done / 4 with a deadline = 75 %.
    let f = &r["figures"];
    assert_eq!(counts(&f["period"]), [5, 1, 2, 0, 1, 0, 1]);
    assert_eq!(f["period"]["percent_complete"], 75.0);
    // Whole plan on 10/10: A@Q2 on time, A@Q3 late, A@Q4 open (due 31/12), B late, C overdue,
    // D on time, E ongoing, F open → 8 = 2 + 2 + 2 open + 1 overdue + 1 ongoing; 4/7 = 57.1 %.
    assert_eq!(counts(&f["year"]), [8, 2, 2, 2, 1, 0, 1]);
    assert_eq!(f["year"]["percent_complete"], 57.1);
    // Previous period, Q2: A@Q2 on time and E → 1/1 = 100 %; the change is 75 − 100 = −25.
    assert_eq!(counts(&f["previous"]), [2, 1, 0, 0, 0, 0, 1]);
    assert_eq!(f["change_points"], -25.0);
    // The measurement for Q3 is Q3's 80, with Q2's 100 for comparison, never Q2's as Q3's.
    let m = &r["activities"].as_array().unwrap().iter().find(|a| a["task"] == "A").unwrap()["result"]["measured"];
    assert_eq!((m["value"]["period"].as_str(), m["value"]["value"].as_f64()), (Some("2025-Q3"), Some(80.0)));
    assert_eq!((m["previous"]["period"].as_str(), m["previous"]["value"].as_f64()), (Some("2025-Q2"), Some(100.0)));
    assert_eq!(m["trend"], "worse");
    // Shortcomings: C overdue, A and B late (most days first), A done with the target not met.
    let sh = &r["shortcomings"];
    assert_eq!(sh["overdue"][0]["key"], "C");
    assert_eq!(
        sh["done_late"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect::<Vec<_>>(),
        ["B", "A@2025-Q3"]
    );
    assert_eq!(sh["target_not_met"][0]["key"], "A@2025-Q3");

    // The same figures in the document the officer signs.
    let md = s.par(["report", "--quarter", "Q3", "--today", "2025-10-10"]).ok();
    for want in [
        "| A | Quarterly check with a measured result (kỳ quý III/2025) | Hiệu trưởng | 30/09/2025 | Hoàn thành quá hạn (06/10/2025, trễ 6 ngày), chưa đạt chỉ tiêu | – |",
        "| B | One-off finished after the quarter | Hiệu trưởng | 15/09/2025 | Hoàn thành quá hạn (03/10/2025, trễ 18 ngày) | – |",
        "| C | One-off still overdue | Hiệu trưởng | 31/08/2025 | Quá hạn, chưa hoàn thành (40 ngày) | – |",
        "| D | One-off done in time | Hiệu trưởng | 30/09/2025 | Hoàn thành đúng hạn (20/09/2025) | – |",
        "| Tổng số việc | 5 | 8 | 2 | +3 |",
        "| Tỷ lệ hoàn thành (\\*) | 75,0% | 57,1% | 100,0% | −25,0 điểm % |",
        "On-time rate: quý III/2025 80% (mục tiêu ≥ 100%), chưa đạt; kỳ trước (quý II/2025) 100% ↓",
        "Số liệu tính đến ngày lập báo cáo (10/10/2025).",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    // The calendar note and the deadline are status's, not the signed body's.
    assert!(!md.contains("quý dương lịch") && !md.contains("hạn gửi báo cáo"), "{md}");

    // G, added on 05/10 (after the quarter) and due 15/11: not one of Q3's items; the
    // whole-plan column on 10/10 gains one open item (8 + 1 = 9; open 2 + 1 = 3; the rate
    // 4 done of 8 with a deadline = 50 %).
    let before_status = s.par(["status", "--today", "2025-09-30"]).ok();
    let before_q3 = s.par(["report", "--quarter", "Q3", "--today", "2025-09-30"]).ok();
    s.par([
        "add",
        "Added after the quarter",
        "--section",
        "II",
        "--owner",
        "ht",
        "--due",
        "15/11/2025",
        "--today",
        "2025-10-05",
    ])
    .ok();
    assert!(
        s.plan_text()
            .contains("title = \"Added after the quarter\"\nowner = \"ht\"\ndue = 2025-11-15\nadded = 2025-10-05\n")
    );
    let r = s.par(["report", "--quarter", "Q3", "--today", "2025-10-10", "--format", "json"]).json();
    assert_eq!(keys(&r), ["A@2025-Q3", "B", "C", "D", "E"]);
    assert_eq!(counts(&r["figures"]["period"]), [5, 1, 2, 0, 1, 0, 1]);
    assert_eq!(counts(&r["figures"]["year"]), [9, 2, 2, 3, 1, 0, 1]);
    assert_eq!(r["figures"]["year"]["percent_complete"], 50.0);
    // Days before the addition read the plan as it stood then: unchanged, byte for byte.
    assert_eq!(s.par(["status", "--today", "2025-09-30"]).ok(), before_status);
    assert_eq!(s.par(["report", "--quarter", "Q3", "--today", "2025-09-30"]).ok(), before_q3);
}

#[test]
fn a_report_dated_before_its_period_ends_says_how_far_its_figures_run() {
    let s = scenario();
    let r = s.par(["report", "--quarter", "Q3", "--today", "2025-09-20", "--format", "json"]).json();
    assert_eq!(r["as_of"], "2025-09-20");
    // On 20/09: A@Q3 open (its done mark is dated 06/10), B overdue 5 days (since 15/09),
    // C overdue 20 days (since 31/08), D done that day, E ongoing.
    assert_eq!(item(&r, "A@2025-Q3")["status"], "open");
    assert_eq!(item(&r, "B")["days_late"], 5);
    assert_eq!(item(&r, "C")["days_late"], 20);
    assert_eq!(counts(&r["figures"]["period"]), [5, 1, 0, 1, 2, 0, 1]);
    // The Q3 measurement of 06/10 is not there yet: no value, Q2's only as the previous.
    let m = &r["activities"].as_array().unwrap().iter().find(|a| a["task"] == "A");
    assert!(m.is_none_or(|a| a["result"]["measured"]["value"].is_null()), "{m:?}");
    let md = s.par(["report", "--quarter", "Q3", "--today", "2025-09-20"]).ok();
    assert!(md.contains("Số liệu tính đến ngày 20/09/2025; kỳ báo cáo kết thúc ngày 30/09/2025."), "{md}");
    let en = s.par(["--lang", "en", "report", "--quarter", "Q3", "--today", "2025-09-20"]).ok();
    assert!(en.contains("Figures as of 20/09/2025; the reporting period ends on 30/09/2025."), "{en}");
}

/// `par status` and the report's whole-plan column count the same items the same way.
#[test]
fn status_and_report_agree_on_the_same_day() {
    let seed = Session::seed();
    for (s, day, quarter) in [
        (&seed, "2025-09-30", "Q3"),
        (&seed, "2025-10-10", "Q3"),
        (&seed, "2025-12-31", "Q4"),
        (&scenario(), "2025-10-10", "Q3"),
    ] {
        let status = s.par(["status", "--today", day, "--format", "json"]).json();
        let report = s.par(["report", "--quarter", quarter, "--today", day, "--format", "json"]).json();
        assert_eq!(counts(&status["total"]), counts(&report["figures"]["year"]), "on {day}");
        assert_eq!(status["percent_complete"], report["figures"]["year"]["percent_complete"], "on {day}");
    }
    // The issue's day: status said 5/12 and the report 5 of 9; now one denominator.
    let status = seed.par(["status", "--today", "2025-09-30"]).ok();
    assert!(
        status.contains("Cả kế hoạch năm 2025, đến ngày 30/09/2025: hoàn thành 5/12 việc có thời hạn (41,7%)"),
        "{status}"
    );
    let md = seed.par(["report", "--quarter", "Q3", "--today", "2025-09-30"]).ok();
    assert!(md.contains("| Tỷ lệ hoàn thành (\\*) |") && md.contains("| 41,7% |"), "{md}");
    assert!(md.contains("Cả kế hoạch năm 2025"), "{md}");
}

#[test]
fn a_bare_report_on_10_october_writes_the_third_quarter() {
    for s in [Session::seed(), scenario()] {
        let r = s.par(["report", "--today", "2025-10-10", "--format", "json"]).json();
        assert_eq!(r["period"], "2025-Q3");
    }
    // The bundled plan's Q3 window (Decree 09: 15/06–14/09) closed on 14/09: from 15/09 on,
    // a bare report is Q3's; with calendar quarters, from 1/10.
    let r = Session::seed().par(["report", "--today", "2025-09-15", "--format", "json"]).json();
    assert_eq!(r["period"], "2025-Q3");
    let r = scenario().par(["report", "--today", "2025-09-30", "--format", "json"]).json();
    assert_eq!(r["period"], "2025-Q2");
}

#[test]
fn the_bundled_plans_deadlines_never_come_before_their_windows_end() {
    let s = Session::seed();
    let status = s.par(["status", "--today", "2025-08-01"]).ok();
    // Q3 under Decree 09: figures close on 14/09, the report is due on 20/09.
    assert!(
        status.contains(
            "Báo cáo kỳ tới: quý III năm 2025 (15/06/2025–14/09/2025, thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP), hạn gửi 20/09/2025"
        ),
        "{status}"
    );
    for q in ["Q1", "Q2", "Q3", "Q4"] {
        let r = s.par(["report", "--quarter", q, "--today", "2025-12-31", "--format", "json"]).json();
        assert!(r["window"]["due"].as_str() >= r["window"]["to"].as_str(), "{q}: {}", r["window"]);
    }
}

#[test]
fn a_calendar_that_cannot_be_is_refused_when_the_plan_loads() {
    // Calendar quarters with reports due on the 20th: Q1 would be due 20/03, before 31/03.
    let text = plan_with(
        "[report]\ncalendar = \"calendar\"\ndue_day = 20\n\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"t\"\ndue = 2025-06-30\n",
    );
    let line = text.lines().position(|l| l.starts_with("due_day")).unwrap() + 1;
    let s = Session::with_plan(&text);
    for args in [&["status"][..], &["report", "--quarter", "Q1"], &["done", "1", "--today", "2025-06-01"]] {
        let err = s.run(args).fails(2);
        assert!(err.contains(&format!("plan.toml:{line}:")), "{err}");
        assert!(err.contains("due_day = 20 đặt hạn gửi báo cáo quý I năm 2025 vào ngày 20/03/2025, trước ngày kỳ báo cáo kết thúc (31/03/2025)"), "{err}");
        assert!(err.contains("gợi ý: bỏ dòng due_day"), "{err}");
    }
    // Nothing was written.
    assert_eq!(s.plan_text(), text);
    // With --lang en, in English; Decree 09 windows close on the 14th, so 10 is too early.
    let en = text
        .replace("year = 2025\n", "year = 2025\nlang = \"en\"\n")
        .replace("calendar = \"calendar\"\ndue_day = 20", "calendar = \"decree-09\"\ndue_day = 10");
    let err = Session::with_plan(&en).run(&["--lang", "en", "status"]).fails(2);
    assert!(
        err.contains(
            "due_day = 10 makes the Q1 2025 report due on 10/03/2025, before its reporting period ends on 14/03/2025"
        ),
        "{err}"
    );
    assert!(err.contains("help: set due_day between 14 and 31"), "{err}");
}

#[test]
fn done_without_a_period_closes_the_overdue_quarter_and_says_so() {
    let s = Session::seed();
    // On 10/10, 5@2025-Q3 (due 30/09) is overdue and open; Q4 is the current quarter.
    let run = s.par(["done", "5", "--today", "2025-10-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("nhiệm vụ 5 (quý III năm 2025) ngày 10/10/2025, trễ 10 ngày so với hạn 30/09/2025"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Ghi vào kỳ quý III năm 2025 vì kỳ này đã quá hạn mà chưa xong"), "{}", run.stdout);
    // Its Q3 measurement (66,7 %) missed the 100 % target: a warning on stderr.
    assert!(run.stderr.contains("cảnh báo: nhiệm vụ 5 đã hoàn thành nhưng chưa đạt chỉ tiêu"), "{}", run.stderr);
    assert!(s.plan_text().contains("[[task.done]]\nperiod = \"2025-Q3\"\ndate = 2025-10-10\n"), "{}", s.plan_text());
    // The Q3 report now shows it done late, target not met.
    let r = s.par(["report", "--quarter", "Q3", "--today", "2025-10-10", "--format", "json"]).json();
    let five = item(&r, "5@2025-Q3");
    assert_eq!((five["status"].as_str(), five["target_met"].as_bool()), (Some("done_late"), Some(false)));
    // Nothing overdue any more: the next `done 5` goes to the current quarter.
    let out = s.par(["done", "5", "--today", "2025-10-11"]).ok();
    assert!(out.contains("(quý IV năm 2025)") && !out.contains("quá hạn mà chưa xong"), "{out}");
    // In English too.
    let s = Session::seed();
    let out = s.par(["--lang", "en", "log", "5", "checked", "--today", "2025-10-10"]).ok();
    assert!(
        out.contains(
            "Logged progress on task 5 (Q3 2025) on 10/10/2025. Recorded for Q3 2025 because that period is past due"
        ),
        "{out}"
    );
}

#[test]
fn two_overdue_periods_in_a_script_exit_2_listing_the_keys() {
    let s = Session::seed();
    let before = s.plan_text();
    // On 05/01/2026, 5@2025-Q3 (due 30/09) and 5@2025-Q4 (due 31/12) are both overdue.
    for (cmd, args) in [("done", &["done", "5"][..]), ("log", &["log", "5", "x"])] {
        let mut all = args.to_vec();
        all.extend(["--today", "2026-01-05"]);
        let err = s.run(&all).fails(2);
        assert!(
            err.contains(
                "nhiệm vụ 5 có 2 kỳ đã quá hạn mà chưa xong: 5@2025-Q3 (hạn 30/09/2025), 5@2025-Q4 (hạn 31/12/2025)"
            ),
            "{err}"
        );
        assert!(err.contains(&format!("par {cmd} 5@2025-Q3 | par {cmd} 5@2025-Q4")), "{err}");
    }
    assert_eq!(s.plan_text(), before, "nothing is written");
    // The keys it lists work, as does --period.
    let out = s.par(["done", "5@2025-Q4", "--today", "2026-01-05"]).ok();
    assert!(out.contains("quý IV năm 2025"), "{out}");
    let run = s.par(["done", "5", "--period", "2025-Q3", "--today", "2026-01-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A measurement goes to the one period past due and not measured: Q3 has its 66,7.
    let out = s.par(["measure", "5", "90", "--today", "2026-01-05"]).ok();
    assert!(out.contains("kỳ 2025-Q4: 90%") && out.contains("Ghi vào kỳ quý IV năm 2025"), "{out}");
}

/// On a terminal, two overdue periods are a question: the numbered list, the number typed.
#[cfg(unix)]
#[test]
#[ignore = "needs script (util-linux): a real terminal"]
fn two_overdue_periods_on_a_terminal_ask_which() {
    let s = Session::seed();
    let cmd = format!("{} done 5 --today 2026-01-05", crate::support::par_bin().display());
    let mut script = std::process::Command::new("sh");
    crate::support::Par::new().prepare(&mut script);
    // `script` gives par a pseudo-terminal and passes the typed answer to it.
    let line = format!("(sleep 1; printf '2\\n') | script -qec '{cmd}' /dev/null");
    let out = script.arg("-c").arg(line).current_dir(s.dir.path()).output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert_eq!(out.status.code(), Some(0), "{shown}");
    for want in [
        "Nhiệm vụ 5 có nhiều kỳ đã quá hạn mà chưa xong:",
        "  1. 5@2025-Q3 (hạn 30/09/2025)",
        "  2. 5@2025-Q4 (hạn 31/12/2025)",
        "Ghi vào kỳ số [1-2]",
        "Đã đánh dấu hoàn thành nhiệm vụ 5 (quý IV năm 2025) ngày 05/01/2026",
    ] {
        assert!(shown.contains(want), "missing {want:?} in\n{shown}");
    }
    assert!(s.plan_text().contains("[[task.done]]\nperiod = \"2025-Q4\"\ndate = 2026-01-05\n"));
}

/// The fenced examples of docs/readme-period.md are what par prints: every line of each
/// block (but "…") is a line of the command's output.
#[test]
fn the_readme_excerpts_are_what_par_prints() {
    let doc = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/readme-period.md"))
        .unwrap();
    let blocks: Vec<&str> = doc.split("```").skip(1).step_by(2).collect();
    assert_eq!(blocks.len(), 4, "the four examples");
    // README.md shows the same excerpts, word for word.
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for block in &blocks {
        assert!(readme.contains(block), "README.md lacks the excerpt:\n{block}");
    }
    let lines = |b: &str| -> Vec<String> {
        b.lines().skip(1).filter(|l| *l != "…" && !l.starts_with("$ ")).map(String::from).collect()
    };
    let check = |block: &str, output: &str| {
        let out: Vec<&str> = output.lines().collect();
        for line in lines(block) {
            assert!(out.contains(&line.as_str()), "not printed: {line:?}\n{output}");
        }
    };
    // The impossible calendar: the bundled plan with calendar quarters.
    let bad =
        Session::with_plan(&crate::support::SEED.replacen("calendar = \"decree-09\"", "calendar = \"calendar\"", 1));
    let err = bad.run(&["status"]).fails(2);
    check(blocks[0], &err.replace(&format!("{}/", bad.dir.path().display()), ""));
    // done on 10/10: stdout then the warning on stderr.
    let s = Session::seed();
    let run = s.par(["done", "5", "--today", "2025-10-10"]);
    check(blocks[1], &format!("{}{}", run.stdout, run.stderr));
    let err = Session::seed().run(&["done", "5", "--today", "2026-01-05"]).fails(2);
    check(blocks[2], &err);
    let md = Session::seed().par(["report", "--today", "2025-10-10"]).ok();
    check(blocks[3], &md);
    // The status lines the text quotes.
    let status = Session::seed().par(["status", "--today", "2025-10-10"]).ok();
    assert!(status.contains("Báo cáo kỳ tới: quý IV năm 2025 (15/09/2025–14/12/2025, thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP), hạn gửi 20/12/2025, còn 71 ngày"), "{status}");
    assert!(status.contains("hoàn thành 7/12 việc có thời hạn (58,3%)"), "{status}");
}
