//! `par rollup`'s terminal table.

use super::{
    attention_title, criteria_lines, heading, index_text, last_entry_text, name_with_marks, overdue_headers,
    overdue_shown, overdue_title, period_texts, skipped_lines, summary_line, unit_headers, warning_lines,
};
use crate::compute::Status;
use crate::compute::rollup::RollupReport;
use crate::compute::status::Counts;
use crate::render::grid::{Col, Grid, Paint};
use crate::render::{Style, date, table_text, title};

/// The terminal table; `all` lists every overdue item, not only the most overdue.
pub fn render(report: &RollupReport, style: &Style, all: bool) -> String {
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
        out.push_str(&units_table(report, style));
    }
    out.push('\n');
    let shown = overdue_shown(report, all);
    out.push_str(&style.heading(&overdue_title(report, l, shown)));
    out.push('\n');
    if report.overdue.is_empty() {
        out.push_str(l.pick("Không có việc quá hạn.\n", "Nothing is overdue.\n"));
    } else {
        let mut t = style.table(&overdue_headers(l));
        for o in report.overdue.iter().take(shown) {
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
    let criteria = criteria_lines(report, l);
    if !criteria.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(l.pick("Theo tiêu chí Chỉ số CCHC", "By PAR Index criterion")));
        out.push('\n');
        for c in criteria {
            out.push_str(&style.bullet(&c));
        }
    }
    let warnings = warning_lines(report, l);
    if !warnings.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(&format!("{} ({})", attention_title(l), warnings.len())));
        out.push('\n');
        for d in warnings {
            out.push_str(&format!("  - {}\n", crate::text::one_line(&d)));
        }
    }
    let skipped = skipped_lines(report, l);
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

/// Terminal width from which the units table also shows the report columns and each file.
const WIDE: u16 = 150;

fn units_table(report: &RollupReport, style: &Style) -> String {
    let l = style.lang;
    // A terminal narrower than the table drops the report columns and the file column:
    // names matter more, and the warnings under the table name the files. Below 100
    // columns the counts of tasks and items go too (the summary line has them).
    let wide = style.width.is_none_or(|w| w >= WIDE);
    let compact = style.compact();
    let headers = unit_headers(l);
    let cols = if wide { headers.len() } else { 9 };
    let keep = |i: &usize| *i < cols && !(compact && (*i == 1 || *i == 2));
    let kept: Vec<usize> = (0..headers.len()).filter(keep).collect();
    let shown: Vec<&str> = kept.iter().map(|&i| headers[i]).collect();
    // Drawn by the grid: at 10,000 units, comfy-table took most of the time the rollup
    // spends after reading the plans; the grid draws the same bytes (through comfy-table
    // on a terminal, where the table is fitted and coloured).
    let last = headers.len() - 1;
    let mut g = Grid::new(&shown);
    for (k, &i) in kept.iter().enumerate() {
        // Names and files wrap; no figure and no word of a heading is cut.
        g = if i == 0 || i == last { g.flex(k, 1) } else { g.align_right(k) };
    }
    let mut add = |name: &str, f: [String; 12], overdue: usize, path: &str| {
        let alarm = if overdue > 0 { Paint::Alarm } else { Paint::Plain };
        let cells = std::iter::once((name, Paint::Plain))
            .chain(f.iter().enumerate().map(|(i, t)| (t.as_str(), if i == 5 { alarm } else { Paint::Plain })))
            .chain(std::iter::once((path, Paint::Plain)));
        g.row(cells.enumerate().filter(|(i, _)| keep(i)).map(|(_, c)| c));
    };
    for u in &report.units {
        let [p, y, c] = period_texts(u, style);
        let f = figures(style, u.tasks, &u.items, [index_text(u, style), p, y, c, last_entry_text(u)]);
        add(&title(&name_with_marks(u, l), 60), f, u.items.overdue, &crate::text::one_line(&u.shown_path));
    }
    let tot = &report.total;
    let change = super::change_text(tot.change_points, style);
    let total = figures(
        style,
        tot.tasks,
        &tot.items,
        [
            String::new(),
            style.percent(tot.period.percent_complete),
            style.percent(tot.year.percent_complete),
            change,
            String::new(),
        ],
    );
    add(l.pick("Cộng", "Total"), total, tot.items.overdue, "");
    g.text(style)
}

/// The figures of a row of the units table: tasks, items, % complete, done on time,
/// done late, overdue, on-time rate, then `rest` (index forecast, period, year to date,
/// change, last entry).
fn figures(style: &Style, tasks: usize, counts: &Counts, rest: [String; 5]) -> [String; 12] {
    let [a, b, c, d, e] = rest;
    [
        tasks.to_string(),
        counts.total.to_string(),
        style.percent(counts.percent_complete()),
        counts.done_on_time.to_string(),
        counts.done_late.to_string(),
        counts.overdue.to_string(),
        style.percent(counts.on_time_rate()),
        a,
        b,
        c,
        d,
        e,
    ]
}
