//! `par status` for a terminal.

use super::grid::{Grid, Paint};
use super::{Style, date, title};
use crate::compute::Status;
use crate::compute::status::{Group, Item, StatusReport};
use crate::text::one_line;

pub fn render(r: &StatusReport, s: &Style) -> String {
    let l = s.lang;
    let mut out = String::new();
    let fit = |text: &str| match s.width {
        Some(w) => super::wrap(&crate::text::one_line(text), w as usize, ""),
        None => format!("{}\n", crate::text::one_line(text)),
    };
    out.push_str(&s.heading(fit(&r.unit).trim_end()));
    out.push('\n');
    out.push_str(&fit(&r.plan));
    out.push_str(&format!(
        "{} {}: {} {}/{} ({}), {} {}\n\n",
        l.pick("Tình hình đến ngày", "As of"),
        crate::dates::short(r.today),
        l.pick("hoàn thành", "done"),
        r.total.done(),
        r.total.total - r.total.ongoing,
        s.percent(r.percent_complete),
        r.total.overdue,
        l.pick("việc quá hạn", "overdue"),
    ));
    if let Some(n) = &r.next_report {
        // Printed above the blank line that ends the summary.
        out.pop();
        out.push_str(fit(&next_report_line(n, l)).trim_end());
        out.push_str("\n\n");
    }

    out.push_str(&s.heading(l.pick("Theo phần", "By section")));
    out.push('\n');
    out.push_str(&groups(&r.sections, s, l.pick("Phần", "Section"), &r.total));
    out.push('\n');
    out.push_str(&s.heading(l.pick("Theo đơn vị, người chủ trì", "By owner")));
    out.push('\n');
    out.push_str(&groups(&r.owners, s, l.pick("Chủ trì", "Owner"), &r.total));

    if !r.results.is_empty() {
        out.push('\n');
        out.push_str(&s.heading(l.pick("Kết quả đo so với mục tiêu", "Measured results against targets")));
        out.push('\n');
        out.push_str(&super::results_table(&r.results, s));
    }

    out.push('\n');
    out.push_str(&s.heading(&format!("{} ({})", l.pick("Quá hạn, chưa hoàn thành", "Overdue"), r.overdue.len())));
    out.push('\n');
    if r.overdue.is_empty() {
        out.push_str(l.pick("Không có việc quá hạn.\n", "Nothing is overdue.\n"));
    } else {
        out.push_str(&items(&r.overdue, s, l.pick("Số ngày trễ", "Days late"), |i| i.days_late));
    }

    out.push('\n');
    out.push_str(&s.heading(&format!(
        "{} {} {} ({})",
        l.pick("Đến hạn trong", "Due within"),
        r.due_within_days,
        l.pick("ngày tới", "days"),
        r.due_soon.len()
    )));
    out.push('\n');
    if r.due_soon.is_empty() {
        out.push_str(l.pick("Không có việc đến hạn.\n", "Nothing falls due.\n"));
    } else {
        out.push_str(&items(&r.due_soon, s, l.pick("Còn (ngày)", "Days left"), |i| -i.days_late));
    }
    out
}

fn groups(groups: &[Group], s: &Style, first: &str, total: &crate::compute::status::Counts) -> String {
    let l = s.lang;
    let mut g = Grid::new(&[
        first,
        l.pick("Tổng", "Total"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Đang làm", "Open"),
        l.pick("Quá hạn", "Overdue"),
        l.pick("Chưa đến kỳ", "Not started"),
        l.pick("Thường xuyên", "Ongoing"),
        l.pick("Tiến độ", "Progress"),
    ]);
    for column in 1..=7 {
        g = g.align_right(column);
    }
    let mut row = |name: &str, c: &crate::compute::status::Counts| {
        // Counts as `Style::num` draws them: overdue ones red and bold on a terminal.
        let counts = [c.total, c.done_on_time, c.done_late, c.open, c.overdue, c.not_started, c.ongoing];
        let counts = counts.map(|n| n.to_string());
        let paint = |i: usize| if i == 4 && c.overdue > 0 { Paint::Alarm } else { Paint::Plain };
        let progress = s.progress(c.percent_complete());
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
    row(s.lang.pick("Cộng", "Total"), total);
    g.text(s)
}

fn items(items: &[Item], s: &Style, last: &str, days: impl Fn(&Item) -> i64) -> String {
    let l = s.lang;
    // A long list on a large plan: drawn with the fast grid (same bytes as comfy-table).
    let mut g = Grid::new(&[
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Hạn", "Due"),
        last,
    ])
    .align_right(4);
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
    g.text(s)
}

/// "Báo cáo kỳ tới: quý III năm 2025 (01/07/2025–30/09/2025), hạn gửi 20/09/2025, còn 12 ngày"
fn next_report_line(n: &crate::compute::status::NextReport, l: crate::i18n::Lang) -> String {
    let left = match n.days_left {
        0 => l.pick("hạn hôm nay", "due today").to_string(),
        d => format!("{} {d} {}", l.pick("còn", "in"), l.pick("ngày", "days")),
    };
    format!(
        "{} {} ({}–{}), {} {}, {left}",
        l.pick("Báo cáo kỳ tới:", "Next report:"),
        crate::text::one_line(&n.label),
        crate::dates::short(n.from),
        crate::dates::short(n.to),
        l.pick("hạn gửi", "due"),
        crate::dates::short(n.due),
    )
}
