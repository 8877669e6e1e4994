//! `par rollup` in Markdown.

use std::fmt::Write as _;

use super::{
    attention_title, criteria_lines, heading, index_text, last_entry_text, name_with_marks, overdue_headers,
    overdue_shown, overdue_title, period_texts, plain, skipped_lines, summary_line, unit_headers, warning_lines,
};
use crate::compute::rollup::RollupReport;
use crate::compute::status::Counts;
use crate::i18n::Lang;
use crate::render::date;

/// Escapes text for a Markdown table cell: one line, no markup, no HTML.
pub fn md_escape(text: &str) -> String {
    let line = crate::text::one_line(text);
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
pub fn render(report: &RollupReport, lang: Lang, all: bool) -> String {
    let l = lang;
    let s = plain(l);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&heading(report, l)));
    let _ = writeln!(out, "{}\n", md_escape(&summary_line(report, &s)));
    let _ = writeln!(out, "## {}\n", l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)"));
    let h = unit_headers(l);
    let _ = writeln!(out, "| {} |", h.join(" | "));
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    let row = |out: &mut String, name: String, tasks: usize, c: &Counts, rest: [String; 5], path: &str| {
        let [index, p, y, ch, last] = rest;
        let _ = writeln!(
            out,
            "| {name} | {tasks} | {} | {} | {} | {} | {} | {} | {index} | {p} | {y} | {ch} | {last} | {} |",
            c.total,
            s.percent(c.percent_complete()),
            c.done_on_time,
            c.done_late,
            c.overdue,
            s.percent(c.on_time_rate()),
            path
        );
    };
    for u in &report.units {
        let [p, y, ch] = period_texts(u, &s);
        let rest = [index_text(u, &s), p, y, ch, last_entry_text(u)];
        row(&mut out, md_escape(&name_with_marks(u, l)), u.tasks, &u.items, rest, &md_escape(&u.shown_path));
    }
    let t = &report.total;
    let rest = [
        String::new(),
        s.percent(t.period.percent_complete),
        s.percent(t.year.percent_complete),
        super::change_text(t.change_points, &s),
        String::new(),
    ];
    row(&mut out, format!("**{}**", l.pick("Cộng", "Total")), t.tasks, &t.items, rest, "");
    let shown = overdue_shown(report, all);
    let _ = writeln!(out, "\n## {}\n", md_escape(&overdue_title(report, l, shown)));
    if report.overdue.is_empty() {
        let _ = writeln!(out, "{}", l.pick("Không có việc quá hạn.", "Nothing is overdue."));
    } else {
        let _ = writeln!(out, "| {} |", overdue_headers(l).join(" | "));
        let _ = writeln!(out, "|---|---|---|---|---|---:|");
        for o in report.overdue.iter().take(shown) {
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
    let criteria = criteria_lines(report, l);
    if !criteria.is_empty() {
        let _ = writeln!(out, "\n## {}\n", l.pick("Theo tiêu chí Chỉ số CCHC", "By PAR Index criterion"));
        for c in criteria {
            let indent = if c.starts_with("  ") { "  " } else { "" };
            let _ = writeln!(out, "{indent}- {}", md_escape(c.trim_start()));
        }
    }
    let warnings = warning_lines(report, l);
    if !warnings.is_empty() {
        let _ = writeln!(out, "\n## {} ({})\n", attention_title(l), warnings.len());
        for d in warnings {
            let _ = writeln!(out, "- {}", md_escape(&d));
        }
    }
    let skipped = skipped_lines(report, l);
    if !skipped.is_empty() {
        let _ = writeln!(out, "\n## {} ({})\n", l.pick("Tệp bị bỏ qua", "Files skipped"), skipped.len());
        for k in skipped {
            let _ = writeln!(out, "- {}", md_escape(&k));
        }
    }
    out
}
