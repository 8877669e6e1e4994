//! `par status` for a terminal.

use super::grid::{Grid, Paint};
use super::{Style, date, title};
use crate::compute::Status;
use crate::compute::status::{Group, Item, StatusReport};
use crate::text::one_line;

pub fn render(report: &StatusReport, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    let fit = |text: &str| match style.width {
        Some(w) => super::wrap(&crate::text::one_line(text), w as usize, ""),
        None => format!("{}\n", crate::text::one_line(text)),
    };
    out.push_str(&style.heading(fit(&report.unit).trim_end()));
    out.push('\n');
    out.push_str(&fit(&report.plan));
    // Says what it counts: every item of the plan's year (the report's "whole plan" column).
    let summary = format!(
        "{} {}, {} {}: {} {}/{} {} ({}), {} {}",
        l.pick("Cả kế hoạch năm", "Whole plan,"),
        report.year,
        l.pick("đến ngày", "as of"),
        crate::dates::short(report.today),
        l.pick("hoàn thành", "done"),
        report.total.done(),
        report.total.total - report.total.ongoing - report.total.not_carried_out,
        l.pick("việc có thời hạn", "items with a deadline"),
        style.percent(report.percent_complete),
        report.total.overdue,
        l.pick("việc quá hạn", "overdue"),
    );
    // Wrapped at words on a terminal, as the lines above.
    out.push_str(fit(&summary).trim_end());
    out.push_str("\n\n");
    if let Some(n) = &report.next_report {
        // Printed above the blank line that ends the summary.
        out.pop();
        out.push_str(fit(&next_report_line(n, l)).trim_end());
        out.push_str("\n\n");
    }

    out.push_str(&style.heading(l.pick("Theo phần", "By section")));
    out.push('\n');
    out.push_str(&groups(&report.sections, style, l.pick("Phần", "Section"), &report.total));
    out.push('\n');
    out.push_str(&style.heading(l.pick("Theo đơn vị, người chủ trì", "By owner")));
    out.push('\n');
    out.push_str(&groups(&report.owners, style, l.pick("Chủ trì", "Owner"), &report.total));

    if !report.results.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(l.pick("Kết quả đo so với mục tiêu", "Measured results against targets")));
        out.push('\n');
        out.push_str(&super::results_table(&report.results, style));
    }

    out.push('\n');
    out.push_str(&style.heading(&format!(
        "{} ({})",
        l.pick("Quá hạn, chưa hoàn thành", "Overdue"),
        report.overdue.len()
    )));
    out.push('\n');
    if report.overdue.is_empty() {
        out.push_str(l.pick("Không có việc quá hạn.\n", "Nothing is overdue.\n"));
    } else {
        out.push_str(&items(&report.overdue, style, l.pick("Số ngày trễ", "Days late"), |i| i.days_late));
    }

    out.push('\n');
    out.push_str(&style.heading(&format!(
        "{} {} {} ({})",
        l.pick("Đến hạn trong", "Due within"),
        report.due_within_days,
        l.pick("ngày tới", "days"),
        report.due_soon.len()
    )));
    out.push('\n');
    if report.due_soon.is_empty() {
        out.push_str(l.pick("Không có việc đến hạn.\n", "Nothing falls due.\n"));
    } else {
        out.push_str(&items(&report.due_soon, style, l.pick("Còn (ngày)", "Days left"), |i| -i.days_late));
    }
    if !report.not_carried_out.is_empty() {
        out.push('\n');
        out.push_str(&style.heading(&format!("{} ({})", Status::NotCarriedOut.label(l), report.not_carried_out.len())));
        out.push('\n');
        for i in &report.not_carried_out {
            let reason = i.cancelled.as_ref().map_or("", |c| c.reason.as_str());
            out.push_str(&format!("{}  {}: {}\n", i.key, one_line(&title(&i.title, 60)), one_line(reason)));
        }
    }
    out
}

fn groups(groups: &[Group], style: &Style, first: &str, total: &crate::compute::status::Counts) -> String {
    let l = style.lang;
    // Below 100 columns: the counts that matter most (done on time or late, open,
    // overdue) and a five-cell bar; headings wrap, the name column takes the rest.
    let compact = style.compact();
    let mut headers = vec![
        first,
        l.pick("Tổng", "Total"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Đang làm", "Open"),
        l.pick("Quá hạn", "Overdue"),
    ];
    if !compact {
        headers.push(l.pick("Chưa đến kỳ", "Not started"));
        headers.push(l.pick("Thường xuyên", "Ongoing"));
    }
    let counts_shown = headers.len() - 1;
    // A column for items of cancelled tasks only when there are any: the totals add up.
    let cancelled = total.not_carried_out > 0;
    if cancelled {
        headers.push(Status::NotCarriedOut.short_label(l));
    }
    headers.push(l.pick("Tiến độ", "Progress"));
    let mut g = Grid::new(&headers).flex(0, 1);
    for column in 1..headers.len() - 1 {
        g = g.align_right(column);
    }
    let mut row = |name: &str, c: &crate::compute::status::Counts| {
        // Counts as `Style::num` draws them: overdue ones red and bold on a terminal.
        let counts = [c.total, c.done_on_time, c.done_late, c.open, c.overdue, c.not_started, c.ongoing];
        let mut counts: Vec<String> = counts[..counts_shown].iter().map(|n| n.to_string()).collect();
        if cancelled {
            counts.push(c.not_carried_out.to_string());
        }
        let paint = |i: usize| if i == 4 && c.overdue > 0 { Paint::Alarm } else { Paint::Plain };
        let progress = style.progress(c.percent_complete());
        g.row(
            std::iter::once((name, Paint::Plain))
                .chain(counts.iter().enumerate().map(|(i, n)| (n.as_str(), paint(i))))
                .chain(std::iter::once((progress.as_str(), Paint::Plain))),
        );
    };
    for group in groups {
        let name = if group.id.is_empty() || group.id == group.title {
            title(&group.title, 40)
        } else {
            format!("{}. {}", one_line(&group.id), title(&group.title, 36))
        };
        row(&name, &group.counts);
    }
    row(style.lang.pick("Cộng", "Total"), total);
    g.text(style)
}

fn items(items: &[Item], style: &Style, last: &str, days: impl Fn(&Item) -> i64) -> String {
    let l = style.lang;
    // A long list on a large plan: drawn with the fast grid (same bytes as comfy-table).
    let mut g = Grid::new(&[
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Hạn", "Due"),
        last,
    ])
    .align_right(4)
    .flex(1, 2)
    .flex(2, 1);
    for i in items {
        g.row([
            (one_line(&i.key).as_str(), Some(i.status)),
            (title(&i.title, 60).as_str(), None),
            (title(i.owner.as_deref().unwrap_or("–"), 30).as_str(), None),
            (date(i.due).as_str(), None),
            (
                days(i).to_string().as_str(),
                Some(if i.status == Status::Overdue { Status::Overdue } else { Status::Open }),
            ),
        ]);
    }
    g.text(style)
}

/// "Báo cáo kỳ tới: quý III năm 2025 (01/07/2025–30/09/2025), hạn gửi 20/09/2025, còn 12 ngày"
fn next_report_line(next: &crate::compute::status::NextReport, lang: crate::i18n::Lang) -> String {
    let left = match next.days_left {
        0 => lang.pick("hạn hôm nay", "due today").to_string(),
        d => format!("{} {d} {}", lang.pick("còn", "in"), lang.pick("ngày", "days")),
    };
    format!(
        "{} {} ({}–{}, {}), {} {}, {left}",
        lang.pick("Báo cáo kỳ tới:", "Next report:"),
        crate::text::one_line(&next.label),
        crate::dates::short(next.from),
        crate::dates::short(next.to),
        next.calendar,
        lang.pick("hạn gửi", "due"),
        crate::dates::short(next.due),
    )
}
