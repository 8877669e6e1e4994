//! `par rollup` in Markdown.

use std::fmt::Write as _;

use super::{
    dup_label, heading, index_text, overdue_headers, overdue_title, plain, summary_line, unit_headers, warnings,
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
pub fn render(report: &RollupReport, lang: Lang) -> String {
    let l = lang;
    let s = plain(l);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_escape(&heading(report, l)));
    let _ = writeln!(out, "{}\n", md_escape(&summary_line(report, &s)));
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
    for u in &report.units {
        let mut name = md_escape(&u.unit);
        if u.duplicate {
            name.push_str(&format!(" ⚠ {}", dup_label(l)));
        }
        row(&mut out, name, u.tasks, &u.items, &index_text(u, &s), &md_escape(&u.path));
    }
    row(&mut out, format!("**{}**", l.pick("Cộng", "Total")), report.total.tasks, &report.total.items, "", "");
    let _ = writeln!(out, "\n## {}\n", md_escape(&overdue_title(report, l)));
    if report.overdue.is_empty() {
        let _ = writeln!(out, "{}", l.pick("Không có việc quá hạn.", "Nothing is overdue."));
    } else {
        let _ = writeln!(out, "| {} |", overdue_headers(l).join(" | "));
        let _ = writeln!(out, "|---|---|---|---|---|---:|");
        for o in &report.overdue {
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
    let (dups, skipped) = warnings(report, l);
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
