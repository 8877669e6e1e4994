//! `par rollup`'s terminal table.

use super::{dup_label, heading, index_text, overdue_headers, overdue_title, summary_line, unit_headers, warnings};
use crate::compute::Status;
use crate::compute::rollup::RollupReport;
use crate::compute::status::Counts;
use crate::render::{Style, date, table_text, title};

/// The terminal table.
pub fn render(report: &RollupReport, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    out.push_str(&style.heading(&heading(report, l)));
    out.push('\n');
    out.push_str(&summary_line(report, style));
    out.push_str("\n\n");
    if report.units.is_empty() {
        out.push_str(l.pick("Không đọc được kế hoạch nào.\n", "No plan could be read.\n"));
    } else {
        out.push_str(&style.heading(l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)")));
        out.push('\n');
        // A terminal narrower than the table drops the file column: names matter
        // more, and the paths of duplicate units are listed under the table.
        let with_path = style.width.is_none_or(|w| w >= WIDE);
        let headers = unit_headers(l);
        let mut t = style.table(if with_path { &headers } else { &headers[..9] });
        let cols = if with_path { 10 } else { 9 };
        // The widest figure of each column, so that on a narrow terminal the headings
        // wrap, never the figures ("100,0%", "82,16/100").
        let mut widest = [0usize; 8];
        let mut add = |t: &mut comfy_table::Table, name: String, f: [String; 8], overdue: usize, path: &str| {
            for (w, x) in widest.iter_mut().zip(&f) {
                *w = (*w).max(x.chars().count());
            }
            let mut cells = unit_cells(style, name, f, overdue, path);
            cells.truncate(cols);
            t.add_row(cells);
        };
        for u in &report.units {
            let name =
                if u.duplicate { format!("{} ({})", title(&u.unit, 40), dup_label(l)) } else { title(&u.unit, 48) };
            add(
                &mut t,
                name,
                figures(style, u.tasks, &u.items, index_text(u, style)),
                u.items.overdue,
                &title(&u.path, 40),
            );
        }
        let total = figures(style, report.total.tasks, &report.total.items, String::new());
        add(&mut t, l.pick("Cộng", "Total").to_string(), total, report.total.items.overdue, "");
        if style.width.is_some() {
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
    out.push_str(&style.heading(&overdue_title(report, l)));
    out.push('\n');
    if report.overdue.is_empty() {
        out.push_str(l.pick("Không có việc quá hạn.\n", "Nothing is overdue.\n"));
    } else {
        let mut t = style.table(&overdue_headers(l));
        for o in &report.overdue {
            t.add_row(vec![
                comfy_table::Cell::new(title(&o.unit, 36)),
                style.status_cell(Status::Overdue, &title(&o.key, 20)),
                comfy_table::Cell::new(title(&o.title, 50)),
                comfy_table::Cell::new(title(o.owner.as_deref().unwrap_or("–"), 24)),
                comfy_table::Cell::new(date(Some(o.due))),
                style.num(o.days_late.max(0) as usize, true),
            ]);
        }
        out.push_str(&table_text(&t));
    }
    let (dups, skipped) = warnings(report, l);
    if !dups.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(l.pick("Cảnh báo: đơn vị trùng tên", "Warning: units claimed twice")));
        out.push('\n');
        for d in dups {
            out.push_str(&format!("  - {d}\n"));
        }
    }
    if !skipped.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(&format!("{} ({})", l.pick("Tệp bị bỏ qua", "Files skipped"), skipped.len())));
        out.push('\n');
        for k in skipped {
            out.push_str(&format!("  - {k}\n"));
        }
    }
    out
}

/// Terminal width from which the units table also shows each file.
const WIDE: u16 = 150;

/// The figures of a row of the units table: tasks, items, % complete, done on time,
/// done late, overdue, on-time rate, index forecast.
fn figures(style: &Style, tasks: usize, counts: &Counts, index: String) -> [String; 8] {
    [
        tasks.to_string(),
        counts.total.to_string(),
        style.percent(counts.percent_complete()),
        counts.done_on_time.to_string(),
        counts.done_late.to_string(),
        counts.overdue.to_string(),
        style.percent(counts.on_time_rate()),
        index,
    ]
}

fn unit_cells(style: &Style, name: String, figures: [String; 8], overdue: usize, path: &str) -> Vec<comfy_table::Cell> {
    let right = |t: String| comfy_table::Cell::new(t).set_alignment(comfy_table::CellAlignment::Right);
    let mut cells = vec![comfy_table::Cell::new(name)];
    for (i, f) in figures.into_iter().enumerate() {
        // The overdue count in red on a colour terminal.
        cells.push(if i == 5 { style.num(overdue, true) } else { right(f) });
    }
    cells.push(comfy_table::Cell::new(path));
    cells
}
