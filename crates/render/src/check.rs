//! `par check` for a terminal.

use super::{Style, table_text};
use crate::compute::check::Violation;
use crate::text::one_line;

pub fn render(violations: &[Violation], tasks: usize, style: &Style) -> String {
    render_first(violations, tasks, usize::MAX, style)
}

/// As [`render`], with at most `limit` rows in the table, then a line saying how many more
/// there are and to run `par check` for all (the summary still counts every problem).
pub fn render_first(violations: &[Violation], tasks: usize, limit: usize, style: &Style) -> String {
    let l = style.lang;
    if violations.is_empty() {
        return format!(
            "{}\n",
            style.line(&format!(
                "{} {tasks} {}",
                l.pick("Đạt \"5 rõ\": cả", "All"),
                l.pick(
                    "nhiệm vụ rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả.",
                    "tasks have a clear owner, task, responsibility, timeline and result."
                )
            ))
        );
    }
    let mut t = style.table(&[
        l.pick("Mã", "Id"),
        l.pick("Dòng", "Line"),
        l.pick("Tiêu chí", "Rule"),
        l.pick("Vấn đề", "Problem"),
        l.pick("Cách sửa", "How to fix"),
    ]);
    for v in violations.iter().take(limit) {
        t.add_row(vec![
            comfy_table::Cell::new(one_line(&v.task)),
            comfy_table::Cell::new(v.line),
            style.status_cell(crate::compute::Status::Overdue, v.rule.label(l)),
            comfy_table::Cell::new(&v.problem),
            comfy_table::Cell::new(one_line(&v.fix)),
        ]);
    }
    use super::grid::Col::{Fixed, Flex};
    style.fit(&mut t, &[Fixed, Fixed, Flex(1), Flex(2), Flex(2)]);
    let mut tasks_hit: Vec<&str> = violations.iter().map(|v| v.task.as_str()).collect();
    tasks_hit.dedup();
    let more = violations.len().saturating_sub(limit);
    let more = if more > 0 {
        l.pick(
            &format!("… và {more} vấn đề khác: chạy `par check` để xem hết\n"),
            &format!("… and {more} more: run `par check` to see them all\n"),
        )
        .to_string()
    } else {
        String::new()
    };
    format!(
        "{}{more}{} {} {}/{tasks} {}\n",
        table_text(&t),
        violations.len(),
        l.pick("vấn đề ở", "problems in"),
        tasks_hit.len(),
        l.pick("nhiệm vụ", "tasks"),
    )
}
