//! `par rollup`'s terminal table.

use super::{dup_label, heading, index_text, overdue_headers, overdue_title, summary_line, unit_headers, warnings};
use crate::compute::Status;
use crate::compute::rollup::RollupReport;
use crate::compute::status::Counts;
use crate::render::grid::Col;
use crate::render::{Style, date, table_text, title};

/// The terminal table.
pub fn render(report: &RollupReport, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    out.push_str(&style.heading(&style.line(&heading(report, l))));
    out.push('\n');
    out.push_str(&style.line(&summary_line(report, style)));
    out.push_str("\n\n");
    if report.units.is_empty() {
        out.push_str(l.pick("Không đọc được kế hoạch nào.\n", "No plan could be read.\n"));
    } else {
        out.push_str(&style.heading(l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)")));
        out.push('\n');
        // A terminal narrower than the table drops the file column: names matter
        // more, and the paths of duplicate units are listed under the table. Below 100
        // columns the counts of tasks and items go too (the summary line has them).
        let with_path = style.width.is_none_or(|w| w >= WIDE);
        let compact = style.compact();
        let keep = |i: &usize| (with_path || *i < 9) && !(compact && (*i == 1 || *i == 2));
        let headers = unit_headers(l);
        let shown: Vec<&str> = (0..headers.len()).filter(keep).map(|i| headers[i]).collect();
        let mut t = style.table(&shown);
        let add = |t: &mut comfy_table::Table, name: String, f: [String; 8], overdue: usize, path: &str| {
            let cells = unit_cells(style, name, f, overdue, path);
            t.add_row(cells.into_iter().enumerate().filter(|(i, _)| keep(i)).map(|(_, c)| c));
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
        // Names and files wrap; no figure and no word of a heading is cut.
        let cols: Vec<Col> =
            (0..headers.len()).filter(keep).map(|i| if i == 0 || i == 9 { Col::Flex(1) } else { Col::Fixed }).collect();
        style.fit(&mut t, &cols);
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
        style.fit(&mut t, &[Col::Flex(1), Col::Fixed, Col::Flex(2), Col::Flex(1), Col::Fixed, Col::Fixed]);
        out.push_str(&table_text(&t));
    }
    let (dups, skipped) = warnings(report, l);
    if !dups.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(l.pick("Cảnh báo: đơn vị trùng tên", "Warning: units claimed twice")));
        out.push('\n');
        for d in dups {
            out.push_str(&style.bullet(&d));
        }
    }
    if !skipped.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(&format!("{} ({})", l.pick("Tệp bị bỏ qua", "Files skipped"), skipped.len())));
        out.push('\n');
        for k in skipped {
            out.push_str(&style.bullet(&k));
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
