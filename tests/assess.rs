//! `par assess` (issue #16): criteria sets as data, the crosswalk, scores with evidence,
//! not-applicable criteria and the rescaled total, the refusals (nothing written), the
//! assessment window's warning, `--final`, and write safety.

use crate::support::{self, Session};

/// A small set, worked through by hand in the tests:
/// area 1 (1.1 max 2, 1.2 max 2), area 2 (2.1 max 4), area 3 (3.1 max 6, 3.2 max 6 by survey).
/// Last year's 2.2 is this year's 2.1 (the crosswalk); task 1 still names it.
fn plan() -> String {
    support::plan_with(
        "# Lịch báo cáo CCHC: kỳ đánh giá 15/12/2024 – 14/12/2025\n\
         [report]\ncalendar = \"cchc\"\n\n\
         # Bộ tiêu chí thử\n\
         [index]\nname = \"Bộ tiêu chí thử 2025\"\n\n\
         [[index.criterion]]\ncode = \"1\"\ntitle = \"Chỉ đạo, điều hành\"\n\n\
         [[index.criterion]]\ncode = \"1.1\"\ntitle = \"Kế hoạch CCHC\"\ntitle_en = \"Reform plan\"\nmax = 2\n\n\
         [[index.criterion]]\ncode = \"1.2\"\ntitle = \"Báo cáo CCHC\"\nmax = 2\n\n\
         [[index.criterion]]\ncode = \"2\"\ntitle = \"Thủ tục hành chính\"\n\n\
         [[index.criterion]]\ncode = \"2.1\"\ntitle = \"Giải quyết hồ sơ\"\nmax = 4\n\n\
         [[index.criterion]]\ncode = \"3\"\ntitle = \"Tác động\"\n\n\
         [[index.criterion]]\ncode = \"3.1\"\ntitle = \"Đối thoại\"\nmax = 6\n\n\
         [[index.criterion]]\ncode = \"3.2\"\ntitle = \"Hài lòng (SIPAS)\"\nmax = 6\nscoring = \"survey\"\n\n\
         # Mã năm trước / last year's codes\n\
         [[index.crosswalk]]\nfrom = \"2024:2.2\"\nto = \"2.1\"\n\n\
         # ---- Nhiệm vụ ----\n\n\
         [[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Rà soát hồ sơ\"\nowner = \"ht\"\ndue = 2025-06-30\n\
         criteria = [\"2024:2.2\"]\n\n\
         [[task.done]]\ndate = 2025-06-20\nevidence = [\"Biên bản rà soát hồ sơ ngày 20/6/2025\"]\n\n\
         [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"Báo cáo quý\"\nowner = \"ht\"\ndue = 2025-09-30\n\
         criteria = [\"1.2\"]\n",
    )
}

const TODAY: &str = "2025-12-10";

fn assess_json(s: &Session) -> serde_json::Value {
    s.run(&["assess", "--format", "json", "--today", TODAY]).json()
}

fn row<'a>(v: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    v["rows"].as_array().unwrap().iter().find(|r| r["code"] == code).unwrap()
}

/// Scores 1.1 = 2 (with evidence), 1.2 = 1.5 (explained), 3.1 = 4.5 (evidence, no
/// explanation); area 2 not applicable.
fn scored() -> Session {
    let s = Session::with_plan(&plan());
    let t = ["--today", TODAY];
    s.run(
        &[&["assess", "score", "1.1", "2", "--evidence", "Kế hoạch 15/KH-NBK ngày 10/01/2025 của Trường"][..], &t]
            .concat(),
    )
    .ok();
    s.run(&[&["assess", "score", "1.2", "1,5", "--explain", "Báo cáo quý I nộp trễ"][..], &t].concat()).ok();
    s.run(
        &[
            &["assess", "score", "3.1", "4.5", "--evidence", "Báo cáo 120/BC-NBK ngày 05/12/2025; docs/bc120.pdf"][..],
            &t,
        ]
        .concat(),
    )
    .ok();
    s.run(&[&["assess", "na", "2", "--reason", "Trường không giải quyết thủ tục hành chính"][..], &t].concat()).ok();
    s
}

#[test]
fn totals_worked_out_by_hand() {
    let s = scored();
    let v = assess_json(&s);
    assert_eq!(v["kind"], "assess");
    // The set's maximum: 2 + 2 + 4 + 6 + 6 = 20 (the survey-scored 3.2 included).
    assert_eq!(v["max_total"], 20.0);
    // The unit scores itself out of 20 − 6 (survey, 3.2) − 4 (not applicable, 2.1) = 10.
    assert_eq!(v["self_max"], 10.0);
    // 2 + 1.5 + 4.5 = 8; the survey-scored 3.2 is not in it.
    assert_eq!(v["raw_total"], 8.0);
    // Rescaled, proportional: 8 × (20 − 6) / 10 = 11.2.
    assert_eq!(v["rescaled_total"], 11.2);
    assert_eq!(v["rescale_method"], "proportional");
    // Areas: 1 = 2 + 1.5 = 3.5; 2 not applicable (and 2.1 with it); 3 = 4.5 (3.2 is survey-scored).
    assert_eq!(row(&v, "1")["score"], 3.5);
    assert_eq!(row(&v, "2")["not_applicable"], "Trường không giải quyết thủ tục hành chính");
    assert_eq!(row(&v, "2.1")["not_applicable"], "Trường không giải quyết thủ tục hành chính");
    assert_eq!(row(&v, "2.1")["score"], serde_json::Value::Null);
    assert_eq!(row(&v, "3")["score"], 4.5);
    assert_eq!(row(&v, "3.2")["scoring"], "survey");
    assert_eq!(row(&v, "3.2")["score"], serde_json::Value::Null);
    // 3.1 is below its maximum without an explanation; 1.2 is explained; 1.1 is full with evidence.
    assert_eq!(row(&v, "3.1")["needs_explanation"], true);
    assert_eq!(row(&v, "1.2")["needs_explanation"], false);
    assert_eq!(row(&v, "1.1")["needs_explanation"], false);
    assert_eq!(v["needs_explanation"], serde_json::json!(["3.1"]));
    // The evidence typed, parsed.
    let e = &row(&v, "3.1")["evidence"][0];
    assert_eq!(e["kind"], "Báo cáo");
    assert_eq!(e["number"], "120/BC-NBK");
    assert_eq!(e["date"], "2025-12-05");
    assert_eq!(e["path"], "docs/bc120.pdf");
    let e = &row(&v, "1.1")["evidence"][0];
    assert_eq!(e["issuer"], "Trường");
    assert_eq!(e["from_task"], serde_json::Value::Null);

    let table = s.run(&["assess", "--today", TODAY]).ok();
    assert!(table.contains("Tổng điểm tự đánh giá: 8/10"), "{table}");
    assert!(table.contains("Quy đổi theo tỷ lệ (proportional): 11,2/14"), "{table}");
    assert!(table.contains("không gồm khảo sát 6, không áp dụng 4"), "{table}");
    assert!(table.contains("Cần giải trình: 3.1"), "{table}");
    let en = s.run(&["assess", "--today", TODAY, "--lang", "en"]).ok();
    assert!(en.contains("Self-assessed total: 8/10"), "{en}");
    assert!(en.contains("Rescaled (proportional): 11.2/14"), "{en}");
    assert!(en.contains("Reform plan"), "{en}");
    assert!(en.contains("not applicable"), "{en}");
}

#[test]
fn the_set_may_say_not_to_rescale() {
    let s = scored();
    let text = s
        .plan_text()
        .replace("name = \"Bộ tiêu chí thử 2025\"\n", "name = \"Bộ tiêu chí thử 2025\"\nrescale = \"none\"\n");
    std::fs::write(s.path("plan.toml"), text).unwrap();
    let v = assess_json(&s);
    assert_eq!(v["raw_total"], 8.0);
    assert_eq!(v["rescaled_total"], serde_json::Value::Null);
    assert_eq!(v["rescale_method"], "none");
}

#[test]
fn index_forecast_reads_the_recorded_scores() {
    let s = scored();
    let v = s.par(["index", "--format", "json", "--today", TODAY]).json();
    let node = |code: &str| v["nodes"].as_array().unwrap().iter().find(|n| n["code"] == code).unwrap().clone();
    assert_eq!(node("1.2")["basis"], "self_score");
    assert_eq!(node("1.2")["forecast"], 1.5);
    assert_eq!(node("3.1")["forecast"], 4.5);
}

#[test]
fn crosswalk_keeps_tasks_linked_to_last_years_codes() {
    let s = Session::with_plan(&plan());
    let v = s.par(["index", "--format", "json", "--today", TODAY]).json();
    let n21 = v["nodes"].as_array().unwrap().iter().find(|n| n["code"] == "2.1").unwrap();
    assert_eq!(n21["tasks"], serde_json::json!(["1"]));
    // The bare old code links too, and the task's done-mark evidence is offered for 2.1.
    let text = s.plan_text().replace("criteria = [\"2024:2.2\"]", "criteria = [\"2.2\"]");
    std::fs::write(s.path("plan.toml"), &text).unwrap();
    let v = assess_json(&s);
    let e = &row(&v, "2.1")["evidence"][0];
    assert_eq!(e["text"], "Biên bản rà soát hồ sơ ngày 20/6/2025");
    assert_eq!(e["from_task"], "1");
    assert_eq!(e["kind"], "Biên bản");
    // A crosswalk to a code the set does not have is a diagnostic naming the nearest.
    std::fs::write(s.path("plan.toml"), text.replace("to = \"2.1\"", "to = \"2.9\"")).unwrap();
    let err = s.par(["status"]).fails(2);
    assert!(err.contains("[[index.crosswalk]] chuyển sang mã `2.9`"), "{err}");
    assert!(err.contains("`2.1`"), "{err}");
}

#[test]
fn every_refusal_writes_nothing() {
    let s = scored();
    let before = s.plan_text();
    let cases: &[(&[&str], &str)] = &[
        (&["assess", "score", "1.1", "2.5"], "điểm 2,5 vượt điểm tối đa 2 của tiêu chí `1.1`"),
        (&["assess", "score", "1.1", "-1"], "không được âm (-1)"),
        (&["assess", "score", "3.2", "5"], "tiêu chí `3.2` chấm qua khảo sát người dân"),
        (&["assess", "score", "1.3", "1"], "có phải ý bạn là `1.1`?"),
        (&["assess", "score", "1", "1"], "chấm từng tiêu chí thành phần: 1.1, 1.2"),
        (&["assess", "score", "2.1", "1"], "par assess na 2 --undo"),
        (&["assess", "score", "1.1", "x"], "`x` không phải số điểm"),
        (&["assess", "score", "1.1", "2", "--evidence", "Ảnh; ../ngoai/anh.jpg"], "nằm ngoài thư mục của kế hoạch"),
        (&["assess", "score", "1.1", "2", "--evidence", "/etc/hosts"], "`/etc/hosts` nằm ngoài"),
        (&["assess", "na", "1.1", "--reason", "x"], "đã có điểm tự chấm"),
        (&["assess", "na", "3", "--undo"], "chưa được ghi không áp dụng"),
        (&["assess", "na", "9", "--reason", "x"], "bộ tiêu chí không có mã `9`"),
    ];
    for (args, says) in cases {
        let err = s.run(args).fails(2);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(s.plan_text(), before, "{args:?} wrote");
    }
    // In English too.
    let err = s.run(&["assess", "score", "1.1", "3", "--lang", "en"]).fails(2);
    assert!(err.contains("3 points is above the maximum 2 of criterion `1.1`"), "{err}");
    // --allow-outside accepts a file outside the plan's folder.
    s.run(&["assess", "score", "1.1", "2", "--evidence", "Ảnh; ../ngoai/anh.jpg", "--allow-outside", "--today", TODAY])
        .ok();
    assert!(s.plan_text().contains("evidence = [\"Ảnh; ../ngoai/anh.jpg\"]"));
}

#[test]
fn evidence_outside_the_window_is_flagged_not_refused() {
    let s = Session::with_plan(&plan());
    let run = s.run(&[
        "assess",
        "score",
        "1.1",
        "2",
        "--evidence",
        "Kế hoạch 15/KH-NBK ngày 20/12/2025",
        "--evidence",
        "Quyết định 3/QĐ-NBK ngày 14/12/2024",
        "--evidence",
        "Báo cáo 9/BC-NBK ngày 15/12/2024",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The window of the cchc calendar's year: 15/12/2024 – 14/12/2025.
    assert!(
        run.stderr.contains(
            "cảnh báo: tài liệu «Kế hoạch 15/KH-NBK ngày 20/12/2025» ghi ngày 20/12/2025, ngoài kỳ đánh giá 15/12/2024 – 14/12/2025"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("ghi ngày 14/12/2024, ngoài kỳ đánh giá"), "{}", run.stderr);
    assert!(!run.stderr.contains("15/12/2024, ngoài"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert!(s.plan_text().contains("points = 2\n"));
}

#[test]
fn final_refuses_while_an_explanation_is_missing() {
    let s = scored();
    let err = s.run(&["assess", "--final", "--today", TODAY]).fails(1);
    assert!(
        err.contains("các tiêu chí cần giải trình (dưới điểm tối đa hoặc chưa có tài liệu kiểm chứng): 3.1"),
        "{err}"
    );
    s.run(&["assess", "score", "3.1", "4.5", "--explain", "Chưa tổ chức đối thoại quý IV", "--today", TODAY]).ok();
    // Scored again: the evidence recorded before stays.
    assert!(s.plan_text().contains("evidence = [\"Báo cáo 120/BC-NBK ngày 05/12/2025; docs/bc120.pdf\"]"));
    s.run(&["assess", "--final", "--format", "json", "-o", "tu-danh-gia.json", "--today", TODAY]).fails(0);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(s.path("tu-danh-gia.json")).unwrap()).unwrap();
    assert_eq!(v["raw_total"], 8.0);
    // An unscored criterion blocks --final too.
    let s = Session::with_plan(&plan());
    let err = s.run(&["assess", "--final", "--today", TODAY]).fails(1);
    assert!(err.contains("các tiêu chí chưa chấm: 1.1, 1.2, 2.1, 3.1"), "{err}");
}

#[test]
fn not_applicable_undo_restores_the_file() {
    let s = Session::with_plan(&plan());
    let before = s.plan_text();
    s.par(["assess", "na", "2.1", "--reason", "Không có thủ tục"]).ok();
    assert!(s.plan_text().contains("[[assess.na]]\ncode = \"2.1\"\nreason = \"Không có thủ tục\"\n"));
    s.par(["assess", "na", "2.1", "--reason", "Không có thủ tục hành chính"]).ok();
    assert!(s.plan_text().contains("reason = \"Không có thủ tục hành chính\"\n"));
    s.par(["assess", "na", "2.1", "--undo"]).ok();
    assert_eq!(s.plan_text(), before);
}

#[test]
fn a_score_changes_only_its_own_lines() {
    let s = Session::with_plan(&plan());
    let before = s.plan_text();
    s.par(["assess", "score", "1.1", "1", "--today", TODAY]).ok();
    let after = s.plan_text();
    // The new table goes after the index (and before the comment banner of the tasks).
    let added = "[[assess.score]]\ncode = \"1.1\"\npoints = 1\n\n";
    assert!(
        after.contains(
            &format!("to = \"2.1\"\n\n{added}# Mã năm trước").replace("# Mã năm trước", "# ---- Nhiệm vụ ----")
        ),
        "{after}"
    );
    assert_eq!(after.replacen(added, "", 1), before);
    // A hand edit: a comment inside the table and odd spacing survive a score changed.
    let hand = after.replace("points = 1\n", "# chấm lại sau họp\npoints   =   1   # tạm\nexplain = 'chờ biên bản'\n");
    std::fs::write(s.path("plan.toml"), &hand).unwrap();
    s.par(["assess", "score", "1.1", "1.5", "--today", TODAY]).ok();
    let edited = s.plan_text();
    assert_eq!(edited, hand.replace("points   =   1   # tạm", "points   =   1.5   # tạm"), "{edited}");
    // Scores for other criteria follow the last [assess…] table.
    s.par(["assess", "score", "1.2", "2", "--explain", "x", "--today", TODAY]).ok();
    let more = s.plan_text();
    assert_eq!(more.replacen("\n[[assess.score]]\ncode = \"1.2\"\npoints = 2\nexplain = \"x\"\n", "", 1), edited);
}

#[test]
fn a_plan_chooses_a_shipped_set_or_a_file() {
    let base = support::plan_with("[index]\nset = \"illustrative-school-2025\"\n");
    let s = Session::with_plan(&base);
    let v = assess_json(&s);
    assert_eq!(v["set_name"], "Chỉ số CCHC năm 2025 (minh họa / illustrative)");
    assert_eq!(v["max_total"], 100.0);
    // 100 less the survey-scored 8.2 (24).
    assert_eq!(v["self_max"], 76.0);
    assert_eq!(row(&v, "8.2")["scoring"], "survey");
    // The national structure has no points: refused, with how to fill it in.
    let s = Session::with_plan(&base.replace("illustrative-school-2025", "national-8-areas"));
    let err = s.par(["assess"]).fails(2);
    assert!(err.contains("bộ `national-8-areas` chỉ là cấu trúc 8 lĩnh vực"), "{err}");
    assert!(err.contains("par assess sets national-8-areas > tieu-chi-tinh.toml"), "{err}");
    // A province's set, as a file beside the plan, copied from the structure and filled in.
    let structure = s.par(["assess", "sets", "national-8-areas"]).ok();
    assert!(structure.contains("kind = \"structure\""));
    let mut province = structure.replace("kind = \"structure\"", "kind = \"official\"");
    province.push_str("\n[[criterion]]\ncode = \"1.1\"\ntitle = \"Kế hoạch\"\nmax = 3\nscoring = \"appraised\"\n");
    for area in 2..=8 {
        province.push_str(&format!("\n[[criterion]]\ncode = \"{area}.1\"\ntitle = \"T\"\nmax = 1\n"));
    }
    std::fs::write(s.path("tinh.toml"), province).unwrap();
    std::fs::write(s.path("plan.toml"), base.replace("illustrative-school-2025", "tinh.toml")).unwrap();
    s.par(["assess", "score", "1.1", "2.5", "--today", TODAY]).ok();
    let v = assess_json(&s);
    assert_eq!(v["max_total"], 10.0);
    assert_eq!(row(&v, "1.1")["scoring"], "appraised");
    assert_eq!(v["raw_total"], 2.5);
    let list = s.par(["assess", "sets"]).ok();
    assert!(list.contains("illustrative-school-2025") && list.contains("national-8-areas"), "{list}");
}

#[test]
fn the_calendar_year_is_the_window_of_a_plan_on_calendar_quarters() {
    // No [report] calendar: calendar quarters, so the window is 01/01 – 31/12.
    let s = Session::with_plan(&plan().replace("[report]\ncalendar = \"cchc\"\n", ""));
    let v = assess_json(&s);
    assert_eq!(v["window"]["from"], "2025-01-01");
    assert_eq!(v["window"]["to"], "2025-12-31");
    let run =
        s.run(&["assess", "score", "1.1", "2", "--evidence", "Kế hoạch 15/KH-NBK ngày 20/12/2025", "--today", TODAY]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run =
        s.run(&["assess", "score", "1.1", "2", "--evidence", "Kế hoạch 1/KH-NBK ngày 31/12/2024", "--today", TODAY]);
    assert!(run.stderr.contains("ngoài kỳ đánh giá 01/01/2025 – 31/12/2025"), "{}", run.stderr);
}

#[test]
fn the_bundled_plan_keeps_its_inline_tree_and_survey_flag() {
    let v = assess_json(&Session::seed());
    assert_eq!(v["set_name"], "Chỉ số CCHC năm 2025 (minh họa / illustrative)");
    assert_eq!(v["max_total"], 100.0);
    // 100 less the survey-scored 8.2 (survey = true, 24 points).
    assert_eq!(v["self_max"], 76.0);
    assert_eq!(row(&v, "8.2")["scoring"], "survey");
    assert_eq!(v["raw_total"], 0.0);
    assert_eq!(v["rescaled_total"], serde_json::Value::Null);
    // A `self_score` written in the tree counts as recorded, as `par index` reads it.
    let s = Session::with_plan(&support::SEED.replacen(
        "max = 2\nlast_year = 2\n",
        "max = 2\nlast_year = 2\nself_score = 1.5\n",
        1,
    ));
    let v = assess_json(&s);
    assert_eq!(row(&v, "1.1")["score"], 1.5);
    assert_eq!(v["raw_total"], 1.5);
}
