//! `par rollup` over a folder of generated plans, with a broken file, a TOML file
//! that is not a plan, two files for one unit and hostile text.

use std::path::Path;

use serde_json::Value;

use crate::support::Par;

const TODAY: &str = "2025-10-05";

const PAR: Par = Par::new().today(TODAY);

/// A plan for `unit` with `overdue` one-off tasks due in June (overdue on TODAY),
/// `on_time` tasks done on time and `late` tasks done late.
fn plan(unit: &str, task_title: &str, overdue: usize, on_time: usize, late: usize) -> String {
    let mut s = format!(
        "[plan]\nunit = {}\ntitle = \"Kế hoạch 2025\"\nyear = 2025\n\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\n[[section]]\nid = \"II\"\ntitle = \"Nhiệm vụ\"\n\n",
        q(unit)
    );
    let mut n = 0;
    for i in 0..overdue {
        n += 1;
        s.push_str(&format!(
            "[[task]]\nid = \"{n}\"\nsection = \"II\"\ntitle = {}\nowner = \"ht\"\ndue = 2025-06-{:02}\n\n",
            q(task_title),
            i % 28 + 1
        ));
    }
    for _ in 0..on_time {
        n += 1;
        s.push_str(&format!(
            "[[task]]\nid = \"{n}\"\nsection = \"II\"\ntitle = \"Xong\"\ndue = 2025-06-30\n[[task.done]]\ndate = 2025-06-20\n\n"
        ));
    }
    for _ in 0..late {
        n += 1;
        s.push_str(&format!(
            "[[task]]\nid = \"{n}\"\nsection = \"II\"\ntitle = \"Trễ\"\ndue = 2025-06-30\n[[task.done]]\ndate = 2025-07-10\n\n"
        ));
    }
    s
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn q(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// 12 good plans in two sub-folders, one broken plan, one non-plan TOML, one
/// duplicate unit, a hidden folder and a non-TOML file that must be ignored.
fn district() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..12 {
        let sub = if i < 6 { "truong" } else { "phuong" };
        write(d, &format!("{sub}/don-vi-{i:02}.toml"), &plan(&format!("Đơn vị {i:02}"), "Việc", i % 4, 3, i % 2));
    }
    write(d, "phuong/ban-sao.toml", &plan("don vi 03", "Việc", 0, 1, 0));
    write(
        d,
        "truong/hostile.toml",
        &plan(
            "Trường <script>alert(1)</script> \u{1b}[31mĐỎ",
            "=HYPERLINK(\"http://x\") <img src=x onerror=alert(1)>",
            30,
            0,
            0,
        ),
    );
    write(d, "truong/hong.toml", "[plan]\nunit = \"Trường hỏng\"\ntitel = \"x\"\nyear = 2025\n");
    write(d, "Cargo.toml", "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
    write(d, ".git/config.toml", "[plan]\nthis is not read = 1\n");
    write(d, "ghi-chu.txt", "not a plan");
    dir
}

fn json(dir: &Path) -> (Value, i32) {
    let out = PAR.cmd().arg("rollup").arg(dir).args(["--format", "json"]).output().unwrap();
    (serde_json::from_slice(&out.stdout).unwrap(), out.status.code().unwrap())
}

#[test]
fn rolls_up_a_folder_with_skipped_files() {
    let dir = district();
    let (v, code) = json(dir.path());
    assert_eq!(code, 1, "files were skipped, so the exit code says so");
    assert_eq!(v["kind"], "rollup");
    let units = v["units"].as_array().unwrap();
    // 12 units and the hostile unit; the second copy of unit 03 counts, the first is superseded.
    assert_eq!(units.len(), 13);
    assert_eq!(v["total"]["plans"], 13);
    // Worst first: the hostile unit has 30 overdue items.
    assert!(units[0]["unit"].as_str().unwrap().starts_with("Trường <script>"));
    let overdue: Vec<u64> = units.iter().map(|u| u["items"]["overdue"].as_u64().unwrap()).collect();
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
    // Among units with equal overdue counts, lower % complete comes first.
    for w in units.windows(2) {
        if w[0]["items"]["overdue"] == w[1]["items"]["overdue"] {
            assert!(w[0]["percent_complete"].as_f64() <= w[1]["percent_complete"].as_f64());
        }
    }
    // Totals add up.
    let sum: u64 = units.iter().map(|u| u["tasks"].as_u64().unwrap()).sum();
    assert_eq!(v["total"]["tasks"].as_u64().unwrap(), sum);

    let skipped = v["skipped"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = skipped
        .iter()
        .map(|s| {
            let p = s["path"].as_str().unwrap();
            (Path::new(p).file_name().unwrap().to_str().unwrap(), s["kind"].as_str().unwrap())
        })
        .collect();
    assert_eq!(kinds, [("Cargo.toml", "not_a_plan"), ("hong.toml", "invalid")]);
    assert!(skipped[1]["reason"].as_str().unwrap().contains("khóa lạ `titel`"));
    assert!(skipped[1]["detail"].as_str().unwrap().contains("ý bạn là `title`?"));

    // "Đơn vị 03" and "don vi 03" are the same unit: neither file has a [plan] date, so the
    // one whose path sorts later (truong/don-vi-03.toml after phuong/ban-sao.toml) counts.
    let sup = v["superseded"].as_array().unwrap();
    assert_eq!(sup.len(), 1);
    assert!(sup[0]["unit"]["path"].as_str().unwrap().ends_with("ban-sao.toml"));
    assert_eq!(sup[0]["by"], "…/don-vi-03.toml");
    assert_eq!(sup[0]["reason"], "later_file_name");

    // Every overdue item across the counted units, most days late first: the hostile unit's
    // 30, and units 00..11 with i % 4 each (0+1+2+3 three times = 18).
    let top = v["overdue"].as_array().unwrap();
    assert_eq!(top.len(), 48);
    let days: Vec<i64> = top.iter().map(|o| o["days_late"].as_i64().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(days[0], 126); // due 1 June, as of 5 October
    assert!(top.iter().all(|o| o["unit"].is_string() && o["key"].is_string()));
}

#[test]
fn same_report_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..80 {
        write(dir.path(), &format!("u{i:03}.toml"), &plan(&format!("U{i}"), "Việc", i % 5, i % 3, i % 2));
    }
    let run =
        |jobs: &str| PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "json", "-j", jobs]).output().unwrap();
    let one = run("1");
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, run("2").stdout);
    assert_eq!(one.stdout, run("7").stdout);
}

#[test]
fn terminal_table_is_escaped_and_lists_problems() {
    let dir = district();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "terminal escapes from plan text must not reach the terminal");
    assert!(text.contains("\\u{1b}[31m"));
    assert!(text.contains("By unit (worst first)"));
    assert!(text.contains("20 most overdue items (of 48 overdue; --all lists them all)"), "{text}");
    assert!(text.contains("Files skipped (2)"));
    assert!(text.contains("not a plan"));
    assert!(text.contains("Superseded copy of “don vi 03”"), "{text}");
    assert!(text.contains("Needs attention"));
}

#[test]
fn csv_reads_back() {
    let dir = district();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "csv", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark for Excel");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped") && stderr.contains("hong.toml"), "{stderr}");
    let mut r = csv::Reader::from_reader(&out.stdout[3..]);
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "Unit");
    assert_eq!(&headers[9], "Overdue");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 13);
    assert!(rows[0][0].starts_with("Trường <script>"));
    assert_eq!(&rows[0][9], "30");
    assert!(rows.iter().any(|r| &r[0] == "Đơn vị 05"));
    assert!(!rows[0][0].contains('\u{1b}'));
}

#[test]
fn markdown_escapes_markup() {
    let dir = district();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "md"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("| Đơn vị | Nhiệm vụ |"));
    assert!(!text.contains("<script>") && !text.contains("<img"));
    assert!(text.contains("&lt;script&gt;"));
    assert!(text.contains("=HYPERLINK(\"http://x\") &lt;img src=x onerror=alert(1)&gt;"), "{text}");
    // Every table row has the same number of cells: a `|` in plan text cannot break it.
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| ")).collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    let units_table: Vec<&&str> = rows.iter().take(15).collect();
    assert!(units_table.iter().all(|l| cells(l) == 15), "{units_table:#?}");
}

#[test]
fn html_dashboard_is_self_contained_and_escaped() {
    let dir = district();
    let file = dir.path().join("out/dashboard.html");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = PAR
        .cmd()
        .arg("rollup")
        .arg(dir.path())
        .args(["--format", "html", "--lang", "en", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&file).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    // Nothing from outside and nothing that runs.
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(doc.select(&sel("img")).count(), 0);
    assert_eq!(doc.select(&sel("link, iframe, object, embed")).count(), 0);
    assert!(!html.contains("http://") || html.contains("HYPERLINK(&quot;http://x&quot;)"));
    assert!(!html.contains("https://"));
    assert!(doc.select(&sel("[onerror], [onload], [onclick]")).next().is_none());
    // The hostile text is there, as text.
    let cells: Vec<String> = doc.select(&sel("td")).map(|td| td.text().collect()).collect();
    assert!(cells.iter().any(|t| t.starts_with("Trường <script>alert(1)</script>")), "{cells:?}");
    assert!(cells.iter().any(|t| t.contains("<img src=x onerror=alert(1)>")));
    assert!(!html.contains('\u{1b}'));
    // Inline CSS and two SVG charts with a bar per unit.
    assert_eq!(doc.select(&sel("head style")).count(), 1);
    assert_eq!(doc.select(&sel("svg.chart")).count(), 2);
    let first_chart = doc.select(&sel("svg.chart")).next().unwrap();
    assert_eq!(first_chart.select(&sel("g")).count(), 13);
    // Labels in English with --lang en, and the warnings.
    let text: String = doc.root_element().text().collect();
    assert!(text.contains("By unit (worst first)"));
    // One superseded copy, and the units silent in the period: the latest closed quarter
    // (Q3), the one a bare `par report` writes (compute::standing::default_period).
    assert!(text.contains("Needs attention — warnings: 8, files skipped: 2"), "{text}");
    assert_eq!(doc.select(&sel("html")).next().unwrap().value().attr("lang"), Some("en"));
}

#[test]
fn vietnamese_labels_by_default() {
    let dir = district();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "html"]).output().unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("Theo đơn vị (kém nhất trước)"));
    assert!(html.contains("Số việc quá hạn theo đơn vị"));
}

#[test]
fn folder_without_plans_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.txt", "nothing here");
    let out = PAR.cmd().arg("rollup").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không có tệp kế hoạch (*.toml) nào trong"));
    assert!(out.stdout.is_empty());
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--lang", "en"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no plan files (*.toml)"));
}

#[test]
fn only_broken_files_give_an_empty_report() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", "[plan\nunit = ");
    write(dir.path(), "b.toml", "name = \"not a plan\"\n");
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("No plan could be read."));
    assert!(text.contains("a.toml — invalid plan"));
    assert!(text.contains("b.toml — not a plan"));
}

#[test]
fn missing_and_unreadable_paths_are_skipped_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &plan("A", "Việc", 1, 1, 0));
    let missing = dir.path().join("khong-co");
    let (v, code) = {
        let out = PAR
            .cmd()
            .arg("rollup")
            .arg(dir.path().join("a.toml"))
            .arg(&missing)
            .args(["--format", "json"])
            .output()
            .unwrap();
        (serde_json::from_slice::<Value>(&out.stdout).unwrap(), out.status.code().unwrap())
    };
    assert_eq!(code, 1);
    assert_eq!(v["units"].as_array().unwrap().len(), 1);
    assert_eq!(v["skipped"][0]["kind"], "unreadable");
    // Reasons in the output language (Vietnamese by default).
    assert_eq!(v["skipped"][0]["reason"], "không có tệp hay thư mục này");
    // A file named twice is read once.
    let a = dir.path().join("a.toml");
    let out = PAR.cmd().arg("rollup").arg(&a).arg(&a).arg(dir.path()).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 1);
    assert!(v["superseded"].as_array().unwrap().is_empty());
}

#[test]
fn unreadable_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", &plan("A", "Việc", 1, 1, 0));
    std::fs::write(dir.path().join("b.toml"), b"[plan]\nunit = \"\xC3\x28\"\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.toml"), dir.path().join("c.toml")).unwrap();
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "json", "--lang", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 1);
    assert_eq!(v["skipped"][0]["kind"], "unreadable");
    assert!(v["skipped"][0]["reason"].as_str().unwrap().contains("not UTF-8"), "{}", v["skipped"][0]);
    #[cfg(unix)]
    assert_eq!(v["skipped"][1]["reason"], "no such file or folder");
}

#[test]
fn same_bytes_for_the_same_files_and_day() {
    let dir = district();
    let run = || PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "html"]).output().unwrap().stdout;
    assert_eq!(run(), run());
}

/// A plan with a PAR Index of 100 points: criterion 1.1 (60, 40 last year) is remedied by
/// three tasks — one overdue, one done on time, one done late, so half its lost points come
/// back: 40 + 20 × (1 + ½) / 3 = 50; criterion 1.2 (40, 32.16 last year) has no task and
/// keeps its score. Forecast: 82.16 out of 100.
fn plan_with_index(unit: &str) -> String {
    let mut s = plan(unit, "Việc", 0, 0, 0);
    s.push_str(
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Quá hạn\"\ndue = 2025-06-01\ncriteria = [\"1.1\"]\n\n\
         [[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"Xong\"\ndue = 2025-06-30\ncriteria = [\"1.1\"]\n\
         [[task.done]]\ndate = 2025-06-20\n\n\
         [[task]]\nid = \"3\"\nsection = \"II\"\ntitle = \"Trễ\"\ndue = 2025-06-30\ncriteria = [\"1.1\"]\n\
         [[task.done]]\ndate = 2025-07-10\n\n\
         [index]\nname = \"Chỉ số CCHC\"\n\
         [[index.criterion]]\ncode = \"1\"\ntitle = \"Lĩnh vực 1\"\n\
         [[index.criterion]]\ncode = \"1.1\"\ntitle = \"a\"\nmax = 60\nlast_year = 40\n\
         [[index.criterion]]\ncode = \"1.2\"\ntitle = \"b\"\nmax = 40\nlast_year = 32.16\n",
    );
    s
}

#[test]
fn index_forecast_where_the_plan_has_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-co-chi-so.toml", &plan_with_index("Trường có chỉ số"));
    write(dir.path(), "b-khong.toml", &plan("Trường không chỉ số", "Việc", 1, 2, 0));
    let run = |format: &str| {
        let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", format]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };

    let v: Value = serde_json::from_str(&run("json")).unwrap();
    let unit = |name: &str| v["units"].as_array().unwrap().iter().find(|u| u["unit"] == name).unwrap().clone();
    let with = unit("Trường có chỉ số");
    assert_eq!(with["index_forecast"].as_f64(), Some(82.16));
    assert_eq!(with["index_max"].as_f64(), Some(100.0));
    let without = unit("Trường không chỉ số");
    assert!(without["index_forecast"].is_null() && without["index_max"].is_null(), "{without}");

    // The terminal table (a wide one, so nothing is dropped or wrapped), Markdown and HTML say the same.
    let wide = PAR.cmd().arg("rollup").arg(dir.path()).env("COLUMNS", "240").output().unwrap();
    let table = String::from_utf8(wide.stdout).unwrap();
    assert!(table.contains("Dự báo Chỉ số"), "{table}");
    let row = |text: &str, unit: &str| text.lines().find(|l| l.contains(unit)).unwrap().to_string();
    assert!(row(&table, "Trường có chỉ số").contains("82,16/100"), "{table}");
    assert!(row(&table, "Trường không chỉ số").contains('–'), "{table}");

    let md = run("md");
    assert!(row(&md, "Trường có chỉ số").contains("| 82,16/100 |"), "{md}");
    assert!(row(&md, "Trường không chỉ số").contains("| – |"), "{md}");

    let html = run("html");
    let doc = scraper::Html::parse_document(&html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let header: Vec<String> = doc.select(&sel("thead th")).map(|th| th.text().collect()).collect();
    let col = header.iter().position(|h| h == "Dự báo Chỉ số").expect("forecast column");
    let cell = |unit: &str| -> String {
        let tr = doc
            .select(&sel("tbody tr"))
            .find(|tr| tr.text().collect::<String>().contains(unit))
            .expect("row of the unit");
        tr.select(&sel("td")).nth(col).unwrap().text().collect()
    };
    assert_eq!(cell("Trường có chỉ số"), "82,16/100");
    assert_eq!(cell("Trường không chỉ số"), "–");

    // English numbers with --lang en; CSV has the two figures as numbers.
    let out = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "csv", "--lang", "en"]).output().unwrap();
    let mut r = csv::Reader::from_reader(&out.stdout[3..]);
    let headers = r.headers().unwrap().clone();
    let f = headers.iter().position(|h| h == "Index forecast").unwrap();
    let m = headers.iter().position(|h| h == "Index maximum").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let csv_row = |unit: &str| rows.iter().find(|r| &r[0] == unit).unwrap().clone();
    assert_eq!((&csv_row("Trường có chỉ số")[f], &csv_row("Trường có chỉ số")[m]), ("82.16", "100"));
    assert_eq!((&csv_row("Trường không chỉ số")[f], &csv_row("Trường không chỉ số")[m]), ("", ""));
    let en = PAR.cmd().arg("rollup").arg(dir.path()).args(["--format", "md", "--lang", "en"]).output().unwrap();
    assert!(String::from_utf8(en.stdout).unwrap().contains("| 82.16/100 |"));
}
