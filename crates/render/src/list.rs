//! `par list` for a terminal.

use super::grid::Grid;
use super::{Style, date, title};
use crate::compute::list::Row;
use crate::text::one_line;

pub fn render(rows: &[Row], style: &Style) -> String {
    let l = style.lang;
    if rows.is_empty() {
        return l.pick("Không có nhiệm vụ nào khớp.\n", "No task matches.\n").to_string();
    }
    // Thousands of rows on a large plan: drawn with the fast grid (same bytes as comfy-table).
    let mut g = Grid::new(&[
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Lặp lại", "Repeats"),
        l.pick("Hạn", "Due"),
        l.pick("Trạng thái", "Status"),
    ]);
    for r in rows {
        let status = match (r.days_left, r.status) {
            (Some(d), crate::compute::Status::Overdue) => {
                format!("{} ({d} {})", r.status.short_label(l), l.pick("ngày", "days")).replace('-', "")
            }
            (_, st) if r.due_soon => format!("{} ({})", st.short_label(l), l.pick("sắp đến hạn", "due soon")),
            (_, st) => st.short_label(l).to_string(),
        };
        let repeat = crate::plan::Repeat::parse(r.repeat).map_or(r.repeat, |rp| rp.label(l));
        g.row([
            (one_line(&r.key).as_str(), None),
            (title(&r.title, 60).as_str(), None),
            (title(r.owner.as_deref().unwrap_or("–"), 28).as_str(), None),
            (repeat, None),
            (date(r.due).as_str(), None),
            (status.as_str(), Some(r.status)),
        ]);
    }
    g.text(style)
}
