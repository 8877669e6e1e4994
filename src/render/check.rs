//! `par check` for a terminal.

use super::{Style, table_text};
use crate::compute::check::Violation;
use crate::text::one_line;

pub fn render(violations: &[Violation], tasks: usize, s: &Style) -> String {
    let l = s.lang;
    if violations.is_empty() {
        return format!(
            "{} {tasks} {}\n",
            l.pick("Đạt \"5 rõ\": cả", "All"),
            l.pick(
                "nhiệm vụ rõ người, rõ việc, rõ trách nhiệm, rõ tiến độ, rõ kết quả.",
                "tasks have a clear owner, task, responsibility, timeline and result."
            )
        );
    }
    let mut t = s.table(&[
        l.pick("Mã", "Id"),
        l.pick("Dòng", "Line"),
        l.pick("Tiêu chí", "Rule"),
        l.pick("Vấn đề", "Problem"),
        l.pick("Cách sửa", "How to fix"),
    ]);
    for v in violations {
        t.add_row(vec![
            comfy_table::Cell::new(one_line(&v.task)),
            comfy_table::Cell::new(v.line),
            s.status_cell(crate::compute::Status::Overdue, v.rule.label(l)),
            comfy_table::Cell::new(&v.problem),
            comfy_table::Cell::new(one_line(&v.fix)),
        ]);
    }
    let mut tasks_hit: Vec<&str> = violations.iter().map(|v| v.task.as_str()).collect();
    tasks_hit.dedup();
    format!(
        "{}{} {} {}/{tasks} {}\n",
        table_text(&t),
        violations.len(),
        l.pick("vấn đề ở", "problems in"),
        tasks_hit.len(),
        l.pick("nhiệm vụ", "tasks"),
    )
}
