//! `par list` for a terminal.

use super::{Style, date, table_text, title};
use crate::compute::listing::Row;
use crate::text::one_line;

pub fn render(rows: &[Row], s: &Style) -> String {
    let l = s.lang;
    if rows.is_empty() {
        return l.pick("Không có nhiệm vụ nào khớp.\n", "No task matches.\n").to_string();
    }
    let mut t = s.table(&[
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
        t.add_row(vec![
            comfy_table::Cell::new(one_line(&r.key)),
            comfy_table::Cell::new(title(&r.title, 60)),
            comfy_table::Cell::new(title(r.owner.as_deref().unwrap_or("–"), 28)),
            comfy_table::Cell::new(repeat),
            comfy_table::Cell::new(date(r.due)),
            s.status_cell(r.status, &status),
        ]);
    }
    table_text(&t)
}
