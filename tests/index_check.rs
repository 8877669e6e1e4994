//! `par index` (the PAR Index forecast), measured results, and `par check` (the "5 rõ" lint).

use crate::support;

use support::{Session, plan_with};

#[test]
fn index_forecast_of_the_seed_plan() {
    let s = Session::seed();
    let v = s.par(["index", "--format", "json", "--today", "2025-10-15"]).json();
    assert_eq!(v["kind"], "index");
    assert_eq!(v["total"]["max"], 100.0);
    assert_eq!(v["total"]["last_year"], 79.0);
    assert_eq!(v["total"]["forecast"], 82.16);
    let node = |code: &str| v["nodes"].as_array().unwrap().iter().find(|n| n["code"] == code).unwrap().clone();
    // 3.2 is remedied by quarterly task 4: Q2 on time, Q3 late, Q4 open → (1 + ½) / 3 of the 1.5 lost points.
    assert_eq!(node("3.2")["forecast"], 3.25);
    assert_eq!(node("3.2")["items_done"], 2);
    assert_eq!(node("8.2")["basis"], "survey");
    assert_eq!(node("7.1")["at_risk"], true);
    assert_eq!(v["holes"].as_array().unwrap().len(), 1);
    assert_eq!(v["holes"][0]["code"], "3.3");
    let table = s.par(["index", "--today", "2025-10-15"]).ok();
    assert!(table.contains("dự báo đến ngày 15/10/2025: 82,16/100 (năm trước 79)"), "{table}");
    assert!(table.contains("  - 3.3 Công khai thủ tục hành chính (mất 1)"), "{table}");
}

#[test]
fn index_explains_its_rule_in_both_languages() {
    let s = Session::seed();
    assert!(s.par(["index", "--explain"]).ok().contains("1/2 nếu hoàn thành quá hạn"));
    assert!(s.par(["index", "--explain", "--lang", "en"]).ok().contains("1/2 when done late"));
}

#[test]
fn index_evidence_lists_documents_and_criteria_without_any() {
    let v = Session::seed().par(["index", "--evidence", "--format", "json", "--today", "2025-12-31"]).json();
    let c32 = v["criteria"].as_array().unwrap().iter().find(|c| c["code"] == "3.2").unwrap();
    assert_eq!(c32["evidence"][1]["reference"], "Sổ theo dõi phản ánh, kiến nghị quý III/2025");
    assert_eq!(c32["evidence"][1]["date"], "2025-10-06");
    let missing: Vec<&str> = v["missing"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert_eq!(missing, ["1.5", "2.1", "3.1", "3.3", "4.1", "4.2", "5.2", "6.1"]);
    // Evidence dated after today is not there yet.
    let v = Session::seed().par(["index", "--evidence", "--format", "json", "--today", "2025-06-01"]).json();
    assert!(v["missing"].as_array().unwrap().iter().any(|m| m == "3.2"));
}

#[test]
fn a_plan_without_index_says_how_to_add_one() {
    let err = Session::with_plan(&plan_with("")).par(["--lang", "en", "index"]).fails(2);
    assert!(err.contains("has no PAR Index tree; add [index]"), "{err}");
}

#[test]
fn index_in_a_separate_file() {
    let s = Session::with_plan(&plan_with(
        "[index]\nfile = \"chi-so.toml\"\n\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Làm việc\"\nowner = \"ht\"\ndue = 2025-06-30\ncriteria = [\"1.1\"]\n\n[[task.done]]\ndate = 2025-06-01\n",
    ));
    std::fs::write(
        s.path("chi-so.toml"),
        "name = \"Chỉ số phường\"\n[[criterion]]\ncode = \"1\"\ntitle = \"A\"\n[[criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 3\nlast_year = 1\n",
    )
    .unwrap();
    let v = s.par(["--lang", "en", "index", "--format", "json", "--today", "2025-07-01"]).json();
    assert_eq!(v["name"], "Chỉ số phường");
    assert_eq!(v["total"]["forecast"], 3.0);
    std::fs::write(s.path("chi-so.toml"), "[[criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 3\nlast_year = 4\n")
        .unwrap();
    let err = s.par(["--lang", "en", "index", "--today", "2025-07-01"]).fails(2);
    assert!(err.contains("chi-so.toml has 2 problems"), "{err}");
    assert!(err.contains("criterion `1.1` comes before (or without) its parent `1`"), "{err}");
    assert!(err.contains("last year's score of `1.1` (4) is above its maximum (3)"), "{err}");
}

#[test]
fn bad_index_and_measurements_are_all_reported() {
    let text = plan_with(
        "[index]\n\
         [[index.criterion]]\ncode = \"1\"\ntitle = \"A\"\nmax = 9\n\
         [[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 4\nself_score = 5\n\
         [[index.criterion]]\ncode = \"1.2\"\ntitle = \"b\"\nmax = -2\n\n\
         [[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"Xử lý ý kiến\"\nowner = \"ht\"\nrepeat = \"quarterly\"\ncriteria = [\"1.3\"]\n\n\
         [task.indicator]\nname = \"Tỷ lệ đúng hạn\"\ntarget = 100\n\n\
         [[task.measure]]\nperiod = \"2025-07\"\nvalue = 90\ndate = 2025-07-31\n\n\
         [[task]]\nid = \"5\"\nsection = \"II\"\ntitle = \"Thư điện tử\"\nowner = \"ht\"\ndue = 2025-12-31\n\n\
         [[task.measure]]\nvalue = 3\ndate = 2025-07-31\n",
    );
    let err = Session::with_plan(&text).par(["--lang", "en", "index"]).fails(2);
    for needle in [
        "the self-assessed score of `1.1` (5) is above its maximum (4)",
        "the maximum of criterion `1.2` must be zero or more points",
        "`1` has max 9, but its parts add up to 4",
        "unknown criterion `1.3`",
        "task `4` has no period 2025-07",
        "task `5` has a measurement but no [task.indicator]",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in\n{err}");
    }
}

#[test]
fn a_non_numeric_measurement_is_refused_where_it_stands() {
    let text = plan_with(
        "[[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"Xử lý ý kiến\"\nowner = \"ht\"\ndue = 2025-12-31\n\n\
         [task.indicator]\nname = \"Tỷ lệ\"\ntarget = 100\n\n[[task.measure]]\nvalue = \"chín mươi\"\ndate = 2025-07-31\n",
    );
    let err = Session::with_plan(&text).par(["--lang", "en", "status"]).fails(2);
    assert!(
        err.contains(":26:9: a value of the wrong kind (invalid type: string \"chín mươi\", expected f64)"),
        "{err}"
    );
}

#[test]
fn measured_results_in_status_and_show() {
    let s = Session::seed();
    let v = s.par(["status", "--format", "json", "--today", "2025-10-15"]).json();
    let r = &v["results"][0];
    assert_eq!(r["task"], "4");
    assert_eq!(r["target"], 100.0);
    assert_eq!(r["latest"], 80.0);
    assert_eq!(r["met"], false);
    assert_eq!(r["points"][0]["met"], true);
    assert_eq!(r["points"][1]["trend"], "worse");
    let out = s.par(["show", "5", "--today", "2025-10-15"]).ok();
    assert!(out.contains("2025-Q2: 100%; 2025-Q3: 66,7% ↓"), "{out}");
    assert!(out.contains("chưa đạt"), "{out}");
    // Before the Q3 measurement, the target was met.
    let v = s.par(["show", "5", "--format", "json", "--today", "2025-08-01"]).json();
    assert_eq!(v["results"]["met"], true);
}

fn check_plan(tasks: &str) -> String {
    plan_with(tasks).replace(
        "[[owner]]\nid = \"ht\"",
        "[[owner]]\nid = \"pht\"\nname = \"Phó Hiệu trưởng\"\n\n[[owner]]\nid = \"ht\"",
    )
}

#[test]
fn check_passes_the_seed_plan() {
    let out = Session::seed().par(["check"]).ok();
    assert_eq!(out, "Đạt \"5 rõ\": cả 10 nhiệm vụ rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả.\n");
}

#[test]
fn check_reports_every_rule_with_what_to_add() {
    let long = "Rất dài ".repeat(30);
    let text = check_plan(&format!(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Không người làm\"\ndue = 2025-06-30\nresult = \"x\"\n\n\
         [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"Chỉ phối hợp\"\nsupport = [\"pht\"]\ndue = 2025-06-30\nresult = \"x\"\n\n\
         [[task]]\nid = \"3\"\nsection = \"II\"\ntitle = \"Chủ trì trùng\"\nowner = \"ht\"\nsupport = [\"ht\"]\ndue = 2025-06-30\nresult = \"x\"\n\n\
         [[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"Việc\"\nowner = \"ht\"\ndue = 2025-06-30\nresult = \"x\"\n\n\
         [[task]]\nid = \"5\"\nsection = \"II\"\ntitle = \"{long}\"\nowner = \"ht\"\ndue = 2025-06-30\nresult = \"x\"\n\n\
         [[task]]\nid = \"6\"\nsection = \"II\"\ntitle = \"Không thời hạn\"\nowner = \"ht\"\nresult = \"x\"\n\n\
         [[task]]\nid = \"7\"\nsection = \"II\"\ntitle = \"Định kỳ năm sau\"\nowner = \"ht\"\nrepeat = \"quarterly\"\nstart = 2026-02-01\nresult = \"x\"\n\n\
         [[task]]\nid = \"8\"\nsection = \"II\"\ntitle = \"Không kết quả\"\nowner = \"ht\"\ndue = 2025-06-30\n"
    ));
    let s = Session::with_plan(&text);
    let run = s.par(["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let got: Vec<(String, String)> = v["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["task"].as_str().unwrap().to_string(), x["rule"].as_str().unwrap().to_string()))
        .collect();
    let want = [
        ("1", "owner"),
        ("2", "responsibility"),
        ("3", "responsibility"),
        ("4", "task"),
        ("5", "task"),
        ("6", "timeline"),
        ("7", "timeline"),
        ("8", "result"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(v["clean"], false);
    assert_eq!(v["violations"][0]["line"], 18);
    let run = s.par(["check", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("add owner = \"…\" (an id from [[owner]])"), "{}", run.stdout);
    assert!(run.stdout.contains("8 problems in 8/8 tasks"), "{}", run.stdout);
    let vi = s.par(["check"]).stdout;
    assert!(vi.contains("rõ kết quả") && vi.contains("thêm result = \"…\""), "{vi}");
}

#[test]
fn measure_records_a_value_against_the_target() {
    let s = Session::seed().env("PAR_NOW", "2025-12-20T08:00:00+07:00").env("USER", "vanthu");
    let before = s.plan_text();
    let out = s.par(["measure", "4", "100", "--period", "Q4", "--note", "5/5 đúng hạn", "--today", "2025-12-20"]).ok();
    assert_eq!(out, "Đã ghi số đo nhiệm vụ 4 kỳ 2025-Q4: 100% (mục tiêu 100%: đạt).\n");
    let anchor = "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n";
    let inserted = "\n[[task.measure]]\nperiod = \"2025-Q4\"\nvalue = 100\ndate = 2025-12-20\nnote = \"5/5 đúng hạn\"\nby = \"vanthu\"\nat = 2025-12-20T08:00:00+07:00\n";
    assert_eq!(s.plan_text(), before.replacen(anchor, &format!("{anchor}{inserted}"), 1));
    let v = s.par(["show", "4", "--format", "json", "--today", "2025-12-20"]).json();
    assert_eq!(v["results"]["latest"], 100.0);
    assert_eq!(v["results"]["points"][2]["trend"], "better");
    // The period defaults to the one holding the date; a decimal comma is read.
    let out = s.par(["measure", "5", "66,7", "--date", "2025-12-01", "--today", "2025-12-20"]).ok();
    assert!(out.contains("kỳ 2025-Q4: 66.7%"), "{out}");
    assert!(s.plan_text().contains("period = \"2025-Q4\"\nvalue = 66.7\ndate = 2025-12-01\n"));
    // The report shows the measurements against the target.
    let report = s.par(["report", "--quarter", "Q4", "--today", "2025-12-31"]).ok();
    assert!(
        // The value for Q4, and the previous period's for comparison (issue #14.8).
        report.contains("Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn: quý IV/2025 100% (mục tiêu ≥ 100%), đạt; kỳ trước (quý III/2025) 80% ↑"),
        "{report}"
    );
}

#[test]
fn measure_refuses_bad_input_and_writes_nothing() {
    let s = Session::seed();
    let before = s.plan_text();
    let err = s.par(["measure", "4", "chín mươi", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("`chín mươi` is not a number") || err.contains("không phải là số"), "{err}");
    let err = s.par(["measure", "4", "90", "--period", "2025-07", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("--period"), "{err}");
    let err = s.par(["measure", "4", "90", "--period", "2024-Q4", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("2024-Q4"), "{err}");
    let err = s.par(["measure", "1", "90", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("chưa có chỉ số đo"), "{err}");
    let err = s.par(["measure", "44", "90", "--today", "2025-12-20"]).fails(2);
    assert!(err.contains("`44`"), "{err}");
    // A second value for the same period is refused, nothing written.
    let run = s.par(["measure", "4", "90", "--period", "2025-Q3", "--today", "2025-12-20"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("đã có số đo kỳ 2025-Q3 (80)"), "{}", run.stdout);
    assert_eq!(s.plan_text(), before);
}
