//! Dates typed on the command line (issue 18, point 3): a day after today is refused for
//! what has happened (done, log, measure); `30/9` is in the plan's year; date words in
//! both languages; impossible days and unknown words are refused with the accepted forms.
//! A due date may lie ahead.

use crate::support::Session;

const TODAY: &str = "2025-10-10";

/// The seed plan's text after `par log 1 x --date TYPED` on `today`, which must succeed.
fn logged(typed: &str, today: &str) -> String {
    let s = Session::seed();
    s.run(&["log", "1", "x", "--date", typed, "--today", today]).ok();
    s.plan_text()
}

/// The date line `par log` wrote for task 1's entry.
fn entry(date: &str) -> String {
    format!("[[task.log]]\ndate = {date}\ntext = \"x\"\n")
}

#[test]
fn a_future_date_is_refused_for_done_log_and_measure_and_nothing_is_written() {
    let s = Session::seed();
    let before = s.plan_text();
    let cases: [&[&str]; 3] = [
        &["done", "1", "--date", "2025-12-20"],
        &["log", "1", "x", "--date", "20/12/2025"],
        &["measure", "4", "90", "--date", "20/12"],
    ];
    for args in cases {
        let mut vi = args.to_vec();
        vi.extend(["--today", TODAY]);
        let err = s.run(&vi).fails(2);
        assert!(err.contains("ngày 20/12/2025 ở sau hôm nay (10/10/2025): không thể ghi"), "{args:?}: {err}");
        assert!(err.contains("vào tương lai"), "{err}");
        assert!(err.contains("gợi ý: ghi ngày hôm nay hoặc một ngày đã qua với --date"), "{err}");
        let mut en = vi.clone();
        en.extend(["--lang", "en"]);
        let err = s.run(&en).fails(2);
        assert!(err.contains("the date 20/12/2025 is after today (10/10/2025): "), "{args:?}: {err}");
        assert!(err.contains("cannot be recorded in the future"), "{err}");
        assert!(err.contains("help: give today or a past day with --date"), "{err}");
        assert_eq!(s.plan_text(), before, "{args:?}");
    }
    // The exact case from the issue.
    let err = s.par(["done", "1", "--date", "2025-12-20", "--today", TODAY]).fails(2);
    assert!(err.contains("không thể ghi việc đã làm vào tương lai"), "{err}");
    let err = s.par(["measure", "4", "90", "--date", "2025-12-20", "--today", TODAY, "--lang", "en"]).fails(2);
    assert!(err.contains("a measurement cannot be recorded in the future"), "{err}");
    assert_eq!(s.plan_text(), before);
    // Today itself is not in the future.
    s.par(["done", "1", "--date", "10/10/2025", "--today", TODAY]).ok();
    assert!(s.plan_text().contains("[[task.done]]\ndate = 2025-10-10\n"));
}

#[test]
fn a_day_and_month_take_the_plan_year_not_the_clock_year() {
    // The seed plan's year is 2025; the clock says 2026.
    let text = logged("30/9", "2026-01-15");
    assert!(text.contains(&entry("2025-09-30")), "{text}");
    // The same for done, and for a due date written with add.
    let s = Session::seed();
    s.par(["done", "1", "--date", "15/10", "--today", "2026-01-15"]).ok();
    assert!(s.plan_text().contains("[[task.done]]\ndate = 2025-10-15\n"));
    s.par(["add", "Việc mới", "--section", "II", "--due", "30/11", "--today", "2026-01-15"]).ok();
    assert!(s.plan_text().contains("due = 2025-11-30\n"), "{}", s.plan_text());
}

#[test]
fn a_two_digit_year_is_in_the_2000s() {
    let text = logged("30/9/25", TODAY);
    assert!(text.contains(&entry("2025-09-30")), "{text}");
}

#[test]
fn date_words_in_vietnamese_and_english() {
    let cases = [
        ("hôm nay", "2025-10-10"),
        ("today", "2025-10-10"),
        ("hôm qua", "2025-10-09"),
        ("Hom qua", "2025-10-09"),
        ("yesterday", "2025-10-09"),
        ("hôm kia", "2025-10-08"),
        ("day before yesterday", "2025-10-08"),
        ("3 ngày trước", "2025-10-07"),
        ("3 ngay truoc", "2025-10-07"),
        ("3 days ago", "2025-10-07"),
        ("1 day ago", "2025-10-09"),
    ];
    for (typed, date) in cases {
        let text = logged(typed, TODAY);
        assert!(text.contains(&entry(date)), "{typed}: {text}");
    }
    // Tomorrow is a date, but not one work was done on.
    let s = Session::seed();
    let err = s.par(["log", "1", "x", "--date", "ngày mai", "--today", TODAY]).fails(2);
    assert!(err.contains("ngày 11/10/2025 ở sau hôm nay (10/10/2025)"), "{err}");
}

#[test]
fn an_impossible_day_or_an_unknown_word_is_refused_with_the_accepted_forms() {
    let s = Session::seed();
    let before = s.plan_text();
    for typed in ["31/9", "31/9/2025", "tuần trước", "soon", "3 weeks ago"] {
        let err = s.par(["done", "1", "--date", typed, "--today", TODAY]).fails(2);
        assert!(err.contains(&format!("--date: `{typed}` không phải là ngày hợp lệ")), "{err}");
        assert!(
            err.contains("gợi ý: viết ngày dạng 30/9/2025, 30/9/25, 30/9 (năm 2025 của kế hoạch) hoặc 2025-09-30; hoặc hôm nay, hôm qua, hôm kia, 3 ngày trước"),
            "{err}"
        );
        let err = s.par(["log", "1", "x", "--date", typed, "--today", TODAY, "--lang", "en"]).fails(2);
        assert!(err.contains(&format!("--date: `{typed}` is not a date")), "{err}");
        assert!(
            err.contains("help: write the day as 30/9/2025, 30/9/25, 30/9 (the plan's year 2025) or 2025-09-30; or today, yesterday"),
            "{err}"
        );
    }
    let err = s.par(["add", "X", "--section", "II", "--due", "31/9", "--today", TODAY]).fails(2);
    assert!(err.contains("--due: `31/9` không phải là ngày hợp lệ"), "{err}");
    assert_eq!(s.plan_text(), before);
}

#[test]
fn a_due_date_in_the_future_is_still_accepted() {
    let s = Session::seed();
    s.par(["add", "Việc mới", "--section", "II", "--due", "20/12/2025", "--today", TODAY]).ok();
    assert!(s.plan_text().contains("due = 2025-12-20\n"));
    // `par edit` prints what changed on stderr (before → after).
    assert_eq!(s.par(["edit", "8", "--due", "ngày mai", "--today", TODAY]).code, 0);
    assert!(s.plan_text().contains("due = 2025-10-11\n"), "{}", s.plan_text());
    assert_eq!(s.par(["edit", "8", "--start", "1/11", "--due", "15/12/2025", "--today", TODAY]).code, 0);
    let text = s.plan_text();
    assert!(text.contains("start = 2025-11-01\n") && text.contains("due = 2025-12-15\n"), "{text}");
}
