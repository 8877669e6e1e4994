//! Issue 18, points 1 and 8: every key par prints (`4@2025-Q3`, `4@Q3`, `II.4@2025-Q3`,
//! any case, NFC or NFD) is taken wherever a task id is, and `--owner` matches an id,
//! else whole words of one owner's name.

use unicode_normalization::UnicodeNormalization;

use crate::support::{SEED, Session};

/// The seed plan, written on 10 October 2025 (Q3 of tasks 4 and 5 overdue or measured).
fn session() -> Session {
    Session::seed().env("PAR_TODAY", "2025-10-10").env("PAR_NOW", "2025-10-10T09:00:00+07:00")
}

/// The plan after `args` in a fresh session: what a command wrote.
fn after(args: &[&str]) -> String {
    let s = session();
    // Not `ok()`: `par edit` prints what changed on stderr (before → after).
    let run = s.run(args);
    // Closing 5@2025-Q3 warns on stderr that its measured result missed the target.
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert!(
        run.stderr.is_empty()
            || run.stderr.contains(" → ")
            || run.stderr.starts_with("cảnh báo: nhiệm vụ 5 đã hoàn thành nhưng chưa đạt"),
        "{}",
        run.stderr
    );
    s.plan_text()
}

#[test]
fn every_key_form_selects_the_period_as_period_would() {
    for (command, extra, q) in [
        (&["done"][..], &[][..], "3"),
        (&["log"], &["Họp rà soát"][..], "3"),
        // Task 5's Q3 is measured already: its Q4.
        (&["measure"], &["90"][..], "4"),
    ] {
        let period = format!("2025-Q{q}");
        let by_option = after(&[command, &["5"], extra, &["--period", &period]].concat());
        assert_ne!(by_option, SEED, "{command:?}");
        let keys = [
            format!("5@{period}"),
            format!("5@Q{q}"),
            format!("II.5@{period}"),
            format!("ii.5@q{q}"),
            format!("5@quý {q}"),
        ];
        for key in &keys {
            assert_eq!(after(&[command, &[key.as_str()], extra].concat()), by_option, "{command:?} {key}");
        }
        // The key's period and the same --period agree.
        assert_eq!(after(&[command, &[keys[1].as_str()], extra, &["--period", &period]].concat()), by_option);
    }
}

#[test]
fn show_reopen_edit_and_rm_take_a_key_with_a_period() {
    let s = session();
    let plain = s.par(["show", "4"]).ok();
    for key in ["4@2025-Q3", "4@Q3", "II.4@2025-Q3", "II.4"] {
        assert_eq!(s.par(["show", key]).ok(), plain, "{key}");
    }
    let json = s.par(["show", "iii.1@q4", "--format", "json"]).json();
    assert_eq!(json["id"], "III.1");
    // reopen: the key's period is the mark removed (Q2, not the latest, Q3).
    let reopened = after(&["reopen", "4@Q2"]);
    assert_eq!(reopened, after(&["reopen", "4", "--period", "2025-Q2"]));
    assert_ne!(reopened, SEED);
    // edit and rm: the period part is checked, then the task is the one changed.
    assert_eq!(after(&["edit", "III.1@2025-Q3", "--owner", "vt"]), after(&["edit", "III.1", "--owner", "vt"]));
    assert_eq!(after(&["rm", "5@Q3", "--yes"]), after(&["rm", "5", "--yes"]));
}

#[test]
fn ids_are_compared_after_nfc_and_full_case_folding() {
    // A section id with a letter whose case folding is not ASCII, written decomposed.
    let nfd = |t: &str| t.nfd().collect::<String>();
    let text = format!(
        "[plan]\nunit = \"U\"\ntitle = \"K\"\nyear = 2025\nstart = 2025-01-01\n\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\n\
         [[section]]\nid = \"{}\"\ntitle = \"Phần\"\n\n\
         [[task]]\nid = \"{}.1\"\nsection = \"{}\"\ntitle = \"Báo cáo\"\nowner = \"ht\"\nrepeat = \"quarterly\"\ndue_day = 20\n",
        nfd("Đ"),
        nfd("Ứ"),
        nfd("Đ"),
    );
    let s = Session::with_plan(&text).env("PAR_TODAY", "2025-10-10").env("PAR_NOW", "2025-10-10T09:00:00+07:00");
    for typed in ["Ứ.1", "ứ.1", &nfd("ứ.1"), "đ.ứ.1@Q3", "Ứ.1@2025-q3"] {
        let v = s.run(&["show", typed, "--format", "json"]).json();
        assert_eq!(v["id"].as_str().unwrap(), nfd("Ứ.1"), "{typed}");
    }
    // Full folding, not only lowercase: ß is ss.
    let s = Session::with_plan(
        &SEED.replace("id = \"8\"", "id = \"STRASSE\"").replace("task = \"8\"", "task = \"STRASSE\""),
    );
    assert_eq!(s.par(["show", "straße", "--format", "json", "--today", "2025-10-10"]).json()["id"], "STRASSE");
    s.par(["log", "ii.straße", "Đã làm", "--today", "2025-10-10"]).ok();
    assert!(s.plan_text().contains("text = \"Đã làm\""));
}

#[test]
fn bad_keys_are_refused_in_both_languages_and_nothing_is_written() {
    let s = session();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["done", "44@Q3"],
            "error: không có nhiệm vụ mã `44`; ý bạn là `4`?\n      gợi ý: gõ mã như `par list` in ra, ví dụ 4 hoặc 4@2025-Q3\n",
            "error: no task has the id `44`; did you mean `4`?\n      help: type a key as `par list` prints it, e.g. 4 or 4@2025-Q3\n",
        ),
        (
            &["log", "5@2025-Q1", "x"],
            "error: 5@2025-Q1: 2025-Q1 không thuộc các kỳ của nhiệm vụ 5\n      gợi ý: các kỳ của nhiệm vụ: 2025-Q2, 2025-Q3, 2025-Q4\n",
            "error: 5@2025-Q1: 2025-Q1 is not one of task 5's periods\n      help: the task's periods: 2025-Q2, 2025-Q3, 2025-Q4\n",
        ),
        (
            &["measure", "4@Q9", "90"],
            "error: 4@Q9: `Q9` không phải là một kỳ\n      gợi ý: viết kỳ sau @ như par in ra: 4@2025-Q3 (quý), 4@2025-07 (tháng), hoặc 4@Q3 (năm kế hoạch)\n",
            "error: 4@Q9: `Q9` is not a period\n      help: write the period after @ as par prints it: 4@2025-Q3 (quarter), 4@2025-07 (month), or 4@Q3 (the plan's year)\n",
        ),
        (
            &["done", "1@Q3"],
            "error: 1@Q3: nhiệm vụ 1 không lặp lại nên không có kỳ\n      gợi ý: bỏ phần @: 1\n",
            "error: 1@Q3: task 1 does not repeat, so it has no periods\n      help: leave out the @ part: 1\n",
        ),
        (
            &["show", "4@"],
            "error: `4@` không phải là mã nhiệm vụ\n      gợi ý: viết mã như par in ra: 4, III.1, hoặc kèm kỳ: 4@2025-Q3, 4@Q3\n",
            "error: `4@` is not a task key\n      help: write the key as par prints it: 4, III.1, or with a period: 4@2025-Q3, 4@Q3\n",
        ),
        (
            &["done", "@Q3"],
            "error: `@Q3` không phải là mã nhiệm vụ\n      gợi ý: viết mã như par in ra: 4, III.1, hoặc kèm kỳ: 4@2025-Q3, 4@Q3\n",
            "error: `@Q3` is not a task key\n      help: write the key as par prints it: 4, III.1, or with a period: 4@2025-Q3, 4@Q3\n",
        ),
        (
            &["done", "5@Q3@Q4"],
            "error: `5@Q3@Q4` không phải là mã nhiệm vụ\n      gợi ý: viết mã như par in ra: 4, III.1, hoặc kèm kỳ: 4@2025-Q3, 4@Q3\n",
            "error: `5@Q3@Q4` is not a task key\n      help: write the key as par prints it: 4, III.1, or with a period: 4@2025-Q3, 4@Q3\n",
        ),
        (
            &["done", "5@Q3", "--period", "Q4"],
            "error: mã nhiệm vụ chỉ kỳ 2025-Q3 nhưng --period là 2025-Q4; không ghi gì\n      gợi ý: chỉ ghi kỳ một lần: trong mã (4@2025-Q3) hoặc với --period\n",
            "error: the task key names 2025-Q3 but --period says 2025-Q4; nothing was written\n      help: give the period once: in the key (4@2025-Q3) or with --period\n",
        ),
        (
            &["rm", "5@Q1", "--yes"],
            "error: 5@Q1: 2025-Q1 không thuộc các kỳ của nhiệm vụ 5\n      gợi ý: các kỳ của nhiệm vụ: 2025-Q2, 2025-Q3, 2025-Q4\n",
            "error: 5@Q1: 2025-Q1 is not one of task 5's periods\n      help: the task's periods: 2025-Q2, 2025-Q3, 2025-Q4\n",
        ),
    ];
    for (args, vi, en) in cases {
        assert_eq!(s.run(args).fails(2), *vi, "{args:?}");
        assert_eq!(s.run(&[&["--lang", "en"][..], args].concat()).fails(2), *en, "{args:?}");
    }
    assert_eq!(s.plan_text(), SEED);
}

#[test]
fn owners_by_id_else_whole_words_of_one_name() {
    let s = session();
    let keys = |owner: &str| -> Vec<String> {
        let v = s.run(&["list", "--owner", owner, "--format", "json"]).json();
        v["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap().to_string()).collect()
    };
    let ht = keys("ht");
    assert!(ht.len() > keys("pht").len());
    // The whole name, without diacritics: "Hiệu trưởng" (ht), not "Phó Hiệu trưởng" (pht).
    for typed in ["hieu truong", "HIỆU TRƯỞNG", "Hiệu  trưởng", "principal", "HT"] {
        assert_eq!(keys(typed), ht, "{typed}");
    }
    for typed in ["pho hieu truong", "Phó Hiệu trưởng", "vice-principal", "vice principal", "PHT"] {
        assert_eq!(keys(typed), keys("pht"), "{typed}");
    }
    // A run of whole words of one name only: "Văn thư", "Phụ trách CNTT, trang thông tin điện tử".
    assert_eq!(keys("thu"), keys("vt"));
    assert_eq!(keys("trang thong tin"), keys("cntt"));
    // Part of a word is no match: "hieu tr" is not "hieu truong".
    let err = s.run(&["--lang", "en", "list", "--owner", "hieu tr"]).fails(2);
    assert!(err.starts_with("error: --owner: no owner has the id `hieu tr`"), "{err}");
}

#[test]
fn an_ambiguous_owner_name_lists_the_matches() {
    let s = session();
    assert_eq!(
        s.par(["list", "--owner", "hieu"]).fails(2),
        "error: --owner: `hieu` khớp với nhiều người chủ trì: ht (Hiệu trưởng), pht (Phó Hiệu trưởng)\n      \
         gợi ý: gõ mã của người chủ trì (ví dụ ht) hoặc cả tên của họ\n"
    );
    assert_eq!(
        s.par(["--lang", "en", "list", "--owner", "trưởng"]).fails(2),
        "error: --owner: `trưởng` matches several owners: ht (Hiệu trưởng), pht (Phó Hiệu trưởng)\n      \
         help: type the owner's id (e.g. ht) or their whole name\n"
    );
    // The same resolution for a task's owner: nothing written.
    let err = s.par(["--lang", "en", "edit", "8", "--owner", "hieu"]).fails(2);
    assert!(err.contains("`hieu` matches several owners"), "{err}");
    assert_eq!(s.plan_text(), SEED);
    let run = s.par(["edit", "8", "--owner", "pho hieu truong"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "  owner: \"ht\" → \"pht\"\n"));
    assert!(s.plan_text().contains("owner = \"pht\""));
}
