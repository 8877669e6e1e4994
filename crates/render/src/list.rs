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
    // Below 100 columns the repeat column goes (the key says the period, the status says
    // "ongoing"), and titles, owners and statuses wrap at words.
    let compact = style.compact();
    let mut headers = vec![l.pick("Mã", "Id"), l.pick("Nội dung", "Task"), l.pick("Chủ trì", "Owner")];
    if !compact {
        headers.push(l.pick("Lặp lại", "Repeats"));
    }
    headers.extend([l.pick("Hạn", "Due"), l.pick("Trạng thái", "Status")]);
    let mut g = Grid::new(&headers).flex(1, 2).flex(2, 1).flex(headers.len() - 1, 1);
    if !compact {
        g = g.flex(3, 1);
    }
    for r in rows {
        let status = match (r.days_left, r.status) {
            (Some(d), crate::compute::Status::Overdue) => {
                format!("{} ({d} {})", r.status.short_label(l), l.pick("ngày", "days")).replace('-', "")
            }
            (_, st) if r.due_soon => format!("{} ({})", st.short_label(l), l.pick("sắp đến hạn", "due soon")),
            (_, st) => st.short_label(l).to_string(),
        };
        let repeat = crate::plan::Repeat::parse(r.repeat).map_or(r.repeat, |rp| rp.label(l));
        let (key, title, owner, due) =
            (one_line(&r.key), title(&r.title, 60), title(r.owner.as_deref().unwrap_or("–"), 28), date(r.due));
        let repeat = (!compact).then_some((repeat, None));
        g.row(
            [(key.as_str(), None), (title.as_str(), None), (owner.as_str(), None)]
                .into_iter()
                .chain(repeat)
                .chain([(due.as_str(), None), (status.as_str(), Some(r.status))]),
        );
    }
    g.text(style)
}
