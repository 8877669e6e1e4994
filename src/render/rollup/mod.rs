//! `par rollup` out: a terminal table, Markdown, CSV and a self-contained HTML
//! dashboard. (JSON is the report serialised as it is.)

use std::fmt::Write as _;

use crate::render::{Style, date, table_text, title};
use crate::compute::Status;
use crate::compute::rollup::{RollupReport, UnitSummary};
use crate::compute::summary::Counts;
use crate::i18n::Lang;

/// Column headings shared by every format, so they cannot drift apart.
fn unit_headers(l: Lang) -> [&'static str; 10] {
    [
        l.pick("Đơn vị", "Unit"),
        l.pick("Nhiệm vụ", "Tasks"),
        l.pick("Số việc", "Items"),
        l.pick("Hoàn thành", "% complete"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Quá hạn", "Overdue"),
        l.pick("Tỷ lệ đúng hạn", "On-time rate"),
        l.pick("Dự báo Chỉ số", "Index forecast"),
        l.pick("Tệp", "File"),
    ]
}

/// The forecast PAR Index score out of its maximum, `82,16/100`; "–" for a plan without an index.
fn index_text(u: &UnitSummary, s: &Style) -> String {
    match (u.index_forecast, u.index_max) {
        (Some(f), Some(m)) => format!("{}/{}", s.points(f), s.points(m)),
        _ => "–".to_string(),
    }
}

fn overdue_headers(l: Lang) -> [&'static str; 6] {
    [
        l.pick("Đơn vị", "Unit"),
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Hạn", "Due"),
        l.pick("Số ngày trễ", "Days late"),
    ]
}

fn dup_label(l: Lang) -> &'static str {
    l.pick("trùng đơn vị", "duplicate unit")
}

fn heading(r: &RollupReport, l: Lang) -> String {
    format!(
        "{} {}",
        l.pick(
            "Tổng hợp tiến độ thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC — đến ngày",
            "PAR Index plans: district rollup — as of"
        ),
        crate::dates::short(r.today)
    )
}

/// "12 đơn vị, 360 nhiệm vụ; hoàn thành 120/300 việc (40,0%); 45 việc quá hạn"
fn summary_line(r: &RollupReport, s: &Style) -> String {
    let l = s.lang;
    let t = &r.total;
    format!(
        "{} {}, {} {}; {} {}/{} {} ({}); {} {}; {} {}",
        t.plans,
        l.pick("kế hoạch", "plans"),
        t.tasks,
        l.pick("nhiệm vụ", "tasks"),
        l.pick("hoàn thành", "done"),
        t.items.done(),
        t.items.total - t.items.ongoing,
        l.pick("việc có hạn", "items with a deadline"),
        s.percent(t.percent_complete),
        t.items.overdue,
        l.pick("việc quá hạn", "overdue"),
        l.pick("tỷ lệ đúng hạn", "on-time rate"),
        s.percent(t.on_time_rate),
    )
}

fn plain(l: Lang) -> Style {
    Style { lang: l, color: false, width: None }
}

/// Warnings in words: duplicates and skipped files, one line each.
fn warnings(r: &RollupReport, l: Lang) -> (Vec<String>, Vec<String>) {
    let dups = r
        .duplicates
        .iter()
        .map(|d| {
            format!(
                "{} “{}” {} {} {}: {}",
                l.pick("Đơn vị", "Unit"),
                crate::text::one_line(&d.unit),
                l.pick("có trong", "is claimed by"),
                d.paths.len(),
                l.pick("tệp", "files"),
                d.paths.iter().map(|p| crate::text::one_line(p)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let skipped = r
        .skipped
        .iter()
        .map(|s| {
            format!("{} — {}: {}", crate::text::one_line(&s.path), s.kind.label(l), crate::text::one_line(&s.reason))
        })
        .collect();
    (dups, skipped)
}

/// The terminal table.
pub fn table(r: &RollupReport, s: &Style) -> String {
    let l = s.lang;
    let mut out = String::new();
    out.push_str(&s.heading(&heading(r, l)));
    out.push('\n');
    out.push_str(&summary_line(r, s));
    out.push_str("\n\n");
    if r.units.is_empty() {
        out.push_str(l.pick("Không đọc được kế hoạch nào.\n", "No plan could be read.\n"));
    } else {
        out.push_str(&s.heading(l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)")));
        out.push('\n');
        // A terminal narrower than the table drops the file column: names matter
        // more, and the paths of duplicate units are listed under the table.
        let with_path = s.width.is_none_or(|w| w >= WIDE);
        let headers = unit_headers(l);
        let mut t = s.table(if with_path { &headers } else { &headers[..9] });
        let cols = if with_path { 10 } else { 9 };
        // The widest figure of each column, so that on a narrow terminal the headings
        // wrap, never the figures ("100,0%", "82,16/100").
        let mut widest = [0usize; 8];
        let mut add = |t: &mut comfy_table::Table, name: String, f: [String; 8], overdue: usize, path: &str| {
            for (w, x) in widest.iter_mut().zip(&f) {
                *w = (*w).max(x.chars().count());
            }
            let mut cells = unit_cells(s, name, f, overdue, path);
            cells.truncate(cols);
            t.add_row(cells);
        };
        for u in &r.units {
            let name =
                if u.duplicate { format!("{} ({})", title(&u.unit, 40), dup_label(l)) } else { title(&u.unit, 48) };
            add(&mut t, name, figures(s, u.tasks, &u.items, index_text(u, s)), u.items.overdue, &title(&u.path, 40));
        }
        let total = figures(s, r.total.tasks, &r.total.items, String::new());
        add(&mut t, l.pick("Cộng", "Total").to_string(), total, r.total.items.overdue, "");
        if s.width.is_some() {
            // Neither a figure nor a word of a heading is cut; names get at least 12
            // columns, and the rest of the room as far as the terminal allows.
            let fixed =
                |w: usize| comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(w as u16 + 2));
            if let Some(c) = t.column_mut(0) {
                c.set_constraint(fixed(12));
            }
            for (i, w) in widest.iter().enumerate() {
                let word = headers[i + 1].split(' ').map(|w| w.chars().count()).max().unwrap_or(0);
                if let Some(c) = t.column_mut(i + 1) {
                    c.set_constraint(fixed((*w).max(word)));
                }
            }
        }
        out.push_str(&table_text(&t));
    }
    out.push('\n');
    out.push_str(&s.heading(&overdue_title(r, l)));
    out.push('\n');
    if r.overdue.is_empty() {
        out.push_str(l.pick("Không có việc quá hạn.\n", "Nothing is overdue.\n"));
    } else {
        let mut t = s.table(&overdue_headers(l));
        for o in &r.overdue {
            t.add_row(vec![
                comfy_table::Cell::new(title(&o.unit, 36)),
                s.status_cell(Status::Overdue, &title(&o.key, 20)),
                comfy_table::Cell::new(title(&o.title, 50)),
                comfy_table::Cell::new(title(o.owner.as_deref().unwrap_or("–"), 24)),
                comfy_table::Cell::new(date(Some(o.due))),
                s.num(o.days_late.max(0) as usize, true),
            ]);
        }
        out.push_str(&table_text(&t));
    }
    let (dups, skipped) = warnings(r, l);
    if !dups.is_empty() {
        out.push('\n');
        out.push_str(&s.heading(l.pick("Cảnh báo: đơn vị trùng tên", "Warning: units claimed twice")));
        out.push('\n');
        for d in dups {
            out.push_str(&format!("  - {d}\n"));
        }
    }
    if !skipped.is_empty() {
        out.push('\n');
        out.push_str(&s.heading(&format!("{} ({})", l.pick("Tệp bị bỏ qua", "Files skipped"), skipped.len())));
        out.push('\n');
        for k in skipped {
            out.push_str(&format!("  - {k}\n"));
        }
    }
    out
}

fn overdue_title(r: &RollupReport, l: Lang) -> String {
    if r.total.items.overdue > r.overdue.len() {
        format!(
            "{} {} {} {}",
            r.overdue.len(),
            l.pick("việc quá hạn lâu nhất (trong", "most overdue items (of"),
            r.total.items.overdue,
            l.pick("việc quá hạn)", "overdue)")
        )
    } else {
        format!("{} ({})", l.pick("Việc quá hạn", "Overdue items"), r.overdue.len())
    }
}

/// Terminal width from which the units table also shows each file.
const WIDE: u16 = 150;

/// The figures of a row of the units table: tasks, items, % complete, done on time,
/// done late, overdue, on-time rate, index forecast.
fn figures(s: &Style, tasks: usize, c: &Counts, index: String) -> [String; 8] {
    [
        tasks.to_string(),
        c.total.to_string(),
        s.percent(c.percent_complete()),
        c.done_on_time.to_string(),
        c.done_late.to_string(),
        c.overdue.to_string(),
        s.percent(c.on_time_rate()),
        index,
    ]
}

fn unit_cells(s: &Style, name: String, figures: [String; 8], overdue: usize, path: &str) -> Vec<comfy_table::Cell> {
    let right = |t: String| comfy_table::Cell::new(t).set_alignment(comfy_table::CellAlignment::Right);
    let mut cells = vec![comfy_table::Cell::new(name)];
    for (i, f) in figures.into_iter().enumerate() {
        // The overdue count in red on a colour terminal.
        cells.push(if i == 5 { s.num(overdue, true) } else { right(f) });
    }
    cells.push(comfy_table::Cell::new(path));
    cells
}

/// Escapes text for a Markdown table cell: one line, no markup, no HTML.
pub fn md_escape(s: &str) -> String {
    let line = crate::text::one_line(s);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `(` `)` and `!` only matter next to `[ ]`, which are escaped.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Markdown (GitHub-flavoured tables), for pasting into a wiki or an issue.
pub fn markdown(r: &RollupReport, lang: Lang) -> String {
    let l = lang;
    let s = plain(l);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&heading(r, l)));
    let _ = writeln!(out, "{}\n", md_escape(&summary_line(r, &s)));
    let _ = writeln!(out, "## {}\n", l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)"));
    let h = unit_headers(l);
    let _ = writeln!(out, "| {} |", h.join(" | "));
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    let row = |out: &mut String, name: String, tasks: usize, c: &Counts, index: &str, path: &str| {
        let _ = writeln!(
            out,
            "| {name} | {tasks} | {} | {} | {} | {} | {} | {} | {index} | {} |",
            c.total,
            s.percent(c.percent_complete()),
            c.done_on_time,
            c.done_late,
            c.overdue,
            s.percent(c.on_time_rate()),
            path
        );
    };
    for u in &r.units {
        let mut name = md_escape(&u.unit);
        if u.duplicate {
            name.push_str(&format!(" ⚠ {}", dup_label(l)));
        }
        row(&mut out, name, u.tasks, &u.items, &index_text(u, &s), &md_escape(&u.path));
    }
    row(&mut out, format!("**{}**", l.pick("Cộng", "Total")), r.total.tasks, &r.total.items, "", "");
    let _ = writeln!(out, "\n## {}\n", md_escape(&overdue_title(r, l)));
    if r.overdue.is_empty() {
        let _ = writeln!(out, "{}", l.pick("Không có việc quá hạn.", "Nothing is overdue."));
    } else {
        let _ = writeln!(out, "| {} |", overdue_headers(l).join(" | "));
        let _ = writeln!(out, "|---|---|---|---|---|---:|");
        for o in &r.overdue {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md_escape(&o.unit),
                md_escape(&o.key),
                md_escape(&o.title),
                md_escape(o.owner.as_deref().unwrap_or("–")),
                date(Some(o.due)),
                o.days_late
            );
        }
    }
    let (dups, skipped) = warnings(r, l);
    if !dups.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.pick("Cảnh báo: đơn vị trùng tên", "Warning: units claimed twice"));
        for d in dups {
            let _ = writeln!(out, "- {}", md_escape(&d));
        }
    }
    if !skipped.is_empty() {
        let _ = writeln!(out, "\n## {} ({})\n", l.pick("Tệp bị bỏ qua", "Files skipped"), skipped.len());
        for k in skipped {
            let _ = writeln!(out, "- {}", md_escape(&k));
        }
    }
    out
}

/// CSV: one row per unit (worst first), for a spreadsheet. Totals, the overdue
/// list and warnings are in the other formats.
pub fn csv(r: &RollupReport, lang: Lang) -> String {
    use crate::render::csv::{Cell, Csv};
    let l = lang;
    let mut c = Csv::new();
    c.header(&[
        l.pick("Đơn vị", "Unit"),
        l.pick("Tệp", "File"),
        l.pick("Kế hoạch", "Plan"),
        l.pick("Năm", "Year"),
        l.pick("Nhiệm vụ", "Tasks"),
        l.pick("Số việc", "Items"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Đang làm", "Open"),
        l.pick("Quá hạn", "Overdue"),
        l.pick("Chưa đến kỳ", "Not started"),
        l.pick("Thường xuyên", "Ongoing"),
        l.pick("Hoàn thành (%)", "Complete (%)"),
        l.pick("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
        l.pick("Dự báo Chỉ số CCHC", "Index forecast"),
        l.pick("Điểm tối đa của Chỉ số", "Index maximum"),
        l.pick("Trùng đơn vị", "Duplicate unit"),
    ]);
    for u in &r.units {
        let n = |x: usize| Cell::Int(x as i64);
        c.row([
            Cell::Text(&u.unit),
            Cell::Text(&u.path),
            Cell::Text(&u.title),
            Cell::Int(u.year.into()),
            n(u.tasks),
            n(u.items.total),
            n(u.items.done_on_time),
            n(u.items.done_late),
            n(u.items.open),
            n(u.items.overdue),
            n(u.items.not_started),
            n(u.items.ongoing),
            Cell::Num(u.percent_complete),
            Cell::Num(u.on_time_rate),
            Cell::Num(u.index_forecast),
            Cell::Num(u.index_max),
            Cell::Text(if u.duplicate { l.pick("có", "yes") } else { "" }),
        ]);
    }
    c.finish()
}

/// How many units the charts show; the table always lists them all.
const CHART_ROWS: usize = 40;

/// The dashboard: one self-contained HTML page.
pub fn html(r: &RollupReport, lang: Lang) -> String {
    use crate::render::html::{Bar, Kpi, Segment, Table, Td, bar_chart, card, escape, kpis, legend, meter};
    let l = lang;
    let s = plain(l);
    let t = &r.total;
    let mut body = String::new();

    body.push_str(&kpis(&[
        Kpi { value: t.plans.to_string(), label: l.pick("Kế hoạch đơn vị", "Unit plans").into(), tone: "" },
        Kpi { value: t.tasks.to_string(), label: l.pick("Nhiệm vụ", "Tasks").into(), tone: "" },
        Kpi {
            value: s.percent(t.percent_complete),
            label: format!(
                "{} ({}/{})",
                l.pick("Hoàn thành", "Complete"),
                t.items.done(),
                t.items.total - t.items.ongoing
            ),
            tone: "good",
        },
        Kpi {
            value: t.items.overdue.to_string(),
            label: l.pick("Việc quá hạn", "Overdue items").into(),
            tone: if t.items.overdue > 0 { "bad" } else { "good" },
        },
        Kpi {
            value: s.percent(t.on_time_rate), label: l.pick("Tỷ lệ đúng hạn", "On-time rate").into(), tone: ""
        },
        Kpi {
            value: (r.skipped.len() + r.duplicates.len()).to_string(),
            label: l.pick("Tệp bỏ qua, đơn vị trùng", "Files skipped, duplicate units").into(),
            tone: if r.skipped.is_empty() && r.duplicates.is_empty() { "" } else { "warn" },
        },
    ]));

    // Charts: progress per unit (stacked by status) and overdue counts.
    let shown = &r.units[..r.units.len().min(CHART_ROWS)];
    let more = |n: usize| {
        if r.units.len() > n {
            format!(
                "<p class=\"more\">{} {n} {} {} {}</p>\n",
                l.pick("Biểu đồ hiện", "The chart shows the"),
                l.pick("đơn vị kém nhất trong", "worst units of"),
                r.units.len(),
                l.pick("; bảng dưới liệt kê đủ.", "; the table below lists them all.")
            )
        } else {
            String::new()
        }
    };
    let name = |u: &UnitSummary| if u.duplicate { format!("{} ⚠", u.unit) } else { u.unit.clone() };
    let progress: Vec<Bar> = shown
        .iter()
        .map(|u| {
            let c = &u.items;
            let base = (c.total - c.ongoing).max(1) as f64;
            let pct = |n: usize| 100.0 * n as f64 / base;
            let seg = |n: usize, class, label: &str| Segment {
                value: pct(n),
                class,
                label: format!("{label}: {n} ({})", s.percent(Some(crate::compute::summary::round1(pct(n))))),
            };
            Bar {
                label: name(u),
                segments: vec![
                    seg(c.done_on_time, "s-ontime", Status::DoneOnTime.short_label(l)),
                    seg(c.done_late, "s-late", Status::DoneLate.short_label(l)),
                    seg(c.overdue, "s-overdue", Status::Overdue.short_label(l)),
                    seg(c.open + c.not_started, "s-rest", l.pick("Chưa xong", "Not done yet")),
                ],
                note: s.percent(u.percent_complete),
            }
        })
        .collect();
    let mut charts = String::from("<div class=\"charts\">\n");
    let mut inner = if progress.is_empty() {
        format!("<p class=\"empty\">{}</p>\n", l.pick("Chưa có dữ liệu.", "No data."))
    } else {
        bar_chart(l.pick("Tiến độ từng đơn vị", "Progress per unit"), &progress, 100.0, 720.0)
    };
    inner.push_str(&legend(&[
        ("s-ontime", Status::DoneOnTime.short_label(l)),
        ("s-late", Status::DoneLate.short_label(l)),
        ("s-overdue", Status::Overdue.short_label(l)),
        ("s-rest", l.pick("Chưa xong, trong hạn", "Not done, on schedule")),
    ]));
    inner.push_str(&more(CHART_ROWS));
    charts
        .push_str(&card(l.pick("Tiến độ từng đơn vị (% việc có hạn)", "Progress per unit (% of dated items)"), &inner));

    let mut late: Vec<&UnitSummary> = r.units.iter().filter(|u| u.items.overdue > 0).collect();
    late.sort_by_key(|u| std::cmp::Reverse(u.items.overdue));
    let max = late.first().map_or(0, |u| u.items.overdue) as f64;
    let overdue_bars: Vec<Bar> = late
        .iter()
        .take(CHART_ROWS)
        .map(|u| Bar {
            label: name(u),
            segments: vec![Segment {
                value: u.items.overdue as f64,
                class: "s-overdue",
                label: format!("{}: {}", l.pick("Quá hạn", "Overdue"), u.items.overdue),
            }],
            note: u.items.overdue.to_string(),
        })
        .collect();
    let inner = if overdue_bars.is_empty() {
        format!(
            "<p class=\"empty\">{}</p>\n",
            l.pick("Không đơn vị nào có việc quá hạn.", "No unit has overdue items.")
        )
    } else {
        let mut x = bar_chart(l.pick("Số việc quá hạn", "Overdue items"), &overdue_bars, max, 480.0);
        if late.len() > CHART_ROWS {
            x.push_str(&format!(
                "<p class=\"more\">{} {CHART_ROWS}/{} {}</p>\n",
                l.pick("Hiện", "Showing"),
                late.len(),
                l.pick("đơn vị có việc quá hạn.", "units with overdue items.")
            ));
        }
        x
    };
    charts.push_str(&card(l.pick("Số việc quá hạn theo đơn vị", "Overdue items per unit"), &inner));
    charts.push_str("</div>\n");
    body.push_str(&charts);

    // Warnings first: they change how the figures read.
    let (dups, skipped) = warnings(r, l);
    if !dups.is_empty() || !skipped.is_empty() {
        let mut w = String::from("<ul class=\"warn\">");
        for d in dups.iter().chain(&skipped) {
            let _ = write!(w, "<li>{}</li>", escape(d));
        }
        w.push_str("</ul>\n");
        let heading = format!(
            "{} — {}: {}, {}: {}",
            l.pick("Cần xem lại", "Needs attention"),
            l.pick("đơn vị trùng", "duplicate units"),
            dups.len(),
            l.pick("tệp bỏ qua", "files skipped"),
            skipped.len()
        );
        body.push_str(&card(&heading, &w));
    }

    // The units table.
    let h = unit_headers(l);
    let mut tbl = Table::new(&[
        ("#", true),
        (h[0], false),
        (h[1], true),
        (h[2], true),
        (h[3], false),
        (h[4], true),
        (h[5], true),
        (h[6], true),
        (h[7], true),
        (h[8], true),
        (h[9], false),
    ]);
    for (i, u) in r.units.iter().enumerate() {
        let mut unit = escape(&u.unit);
        if u.duplicate {
            let _ = write!(unit, "<span class=\"flag\">⚠ {}</span>", escape(dup_label(l)));
        }
        tbl.row(vec![
            Td::num(i + 1),
            Td::html(unit).class("unit"),
            Td::num(u.tasks),
            Td::num(u.items.total),
            Td::html(meter(u.percent_complete, &s.percent(u.percent_complete))).class("nowrap"),
            Td::num(u.items.done_on_time),
            Td::num(u.items.done_late),
            if u.items.overdue > 0 { Td::num(u.items.overdue).class("bad") } else { Td::num(0) },
            Td::num(s.percent(u.on_time_rate)),
            Td::num(index_text(u, &s)),
            Td::html(crate::render::html::path(&u.path)).class("path"),
        ]);
    }
    tbl.row_class(
        "total",
        vec![
            Td::text(""),
            Td::text(l.pick("Cộng", "Total")),
            Td::num(t.tasks),
            Td::num(t.items.total),
            Td::html(meter(t.percent_complete, &s.percent(t.percent_complete))).class("nowrap"),
            Td::num(t.items.done_on_time),
            Td::num(t.items.done_late),
            Td::num(t.items.overdue),
            Td::num(s.percent(t.on_time_rate)),
            Td::text(""),
            Td::text(""),
        ],
    );
    let mut inner = tbl.finish();
    if r.units.is_empty() {
        inner =
            format!("<p class=\"empty\">{}</p>\n", l.pick("Không đọc được kế hoạch nào.", "No plan could be read."));
    }
    body.push_str(&card(l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)"), &inner));

    // The most overdue items.
    let inner = if r.overdue.is_empty() {
        format!("<p class=\"empty\">{}</p>\n", l.pick("Không có việc quá hạn.", "Nothing is overdue."))
    } else {
        let oh = overdue_headers(l);
        let mut tbl = Table::new(&[
            (oh[0], false),
            (oh[1], false),
            (oh[2], false),
            (oh[3], false),
            (oh[4], false),
            (oh[5], true),
        ]);
        for o in &r.overdue {
            tbl.row(vec![
                Td::text(&o.unit),
                Td::text(&o.key),
                Td::text(&o.title),
                Td::text(o.owner.as_deref().unwrap_or("–")),
                Td::text(&date(Some(o.due))),
                Td::num(o.days_late).class("bad"),
            ]);
        }
        tbl.finish()
    };
    body.push_str(&card(&overdue_title(r, l), &inner));

    body.push_str(&format!(
        "<p class=\"more\">{}</p>\n",
        escape(l.pick(
            "Thứ tự “kém nhất trước”: nhiều việc quá hạn hơn trước; rồi tỷ lệ hoàn thành thấp hơn; rồi tỷ lệ đúng hạn thấp hơn; rồi tên đơn vị. Một “việc” là một nhiệm vụ làm một lần, một kỳ của nhiệm vụ định kỳ, hoặc một nhiệm vụ thường xuyên (không tính vào tỷ lệ hoàn thành).",
            "“Worst first”: more overdue items first; then lower % complete; then lower on-time rate; then the unit's name. An “item” is a one-off task, one period of a recurring task, or an ongoing duty (left out of % complete).",
        ))
    ));
    crate::render::html::page(
        l,
        l.pick("Tổng hợp tiến độ Kế hoạch khắc phục, cải thiện Chỉ số CCHC", "PAR Index plans: district rollup"),
        &format!(
            "{} {} — {}",
            l.pick("Tình hình đến ngày", "As of"),
            crate::dates::short(r.today),
            summary_line(r, &s)
        ),
        &body,
    )
}
