//! `par show` for a terminal.

use super::{Style, date, table_text};
use crate::compute::show::TaskDetail;
use crate::text::clean;

pub fn render(task_detail: &TaskDetail, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    out.push_str(&style.heading(&style.line(&format!(
        "{} {} — {}",
        l.pick("Nhiệm vụ", "Task"),
        clean(&task_detail.id),
        clean(&task_detail.title)
    ))));
    out.push('\n');
    // Values wrap under themselves when the terminal is narrow.
    let value_width = style.width.map(|w| (w as usize).saturating_sub(23).max(20));
    let mut field = |label: &str, value: String| {
        let value = match value_width {
            Some(w) => super::wrap(&value, w, &" ".repeat(23)).trim_start().trim_end().to_string(),
            None => value,
        };
        out.push_str(&format!("  {:<20} {}\n", format!("{label}:"), value));
    };
    field(
        l.pick("Phần", "Section"),
        format!("{}. {}", clean(&task_detail.section.id), clean(&task_detail.section.name)),
    );
    let who = |n: &crate::compute::show::Named| format!("{} ({})", clean(&n.name), clean(&n.id));
    field(
        l.pick("Chủ trì", "Owner"),
        task_detail.owner.as_ref().map_or_else(|| l.pick("(chưa giao)", "(unassigned)").to_string(), who),
    );
    if !task_detail.support.is_empty() {
        field(l.pick("Phối hợp", "Supporting"), task_detail.support.iter().map(who).collect::<Vec<_>>().join(", "));
    }
    let repeat = crate::plan::Repeat::parse(task_detail.repeat).map_or(task_detail.repeat, |r| r.label(l));
    field(l.pick("Lặp lại", "Repeats"), repeat.to_string());
    if task_detail.start.is_some() {
        field(l.pick("Bắt đầu", "Starts"), date(task_detail.start));
    }
    if task_detail.due.is_some() {
        field(l.pick("Hạn", "Due"), date(task_detail.due));
    }
    if let Some(day) = task_detail.due_day {
        field(
            l.pick("Hạn trong kỳ", "Due in period"),
            format!("{} {day} {}", l.pick("ngày", "day"), l.pick("tháng cuối kỳ", "of the period's last month")),
        );
    }
    if task_detail.end.is_some() {
        field(l.pick("Kết thúc", "Ends"), date(task_detail.end));
    }
    field(
        l.pick("Kết quả cần đạt", "Expected result"),
        task_detail.result.as_deref().map_or_else(|| "–".to_string(), |r| clean(r).into_owned()),
    );
    if let Some(st) = task_detail.status {
        field(l.pick("Trạng thái", "Status"), st.label(l).to_string());
    }
    if let Some(detail) = &task_detail.detail {
        out.push_str(&format!("\n{}\n", style.heading(l.pick("Nội dung", "Details"))));
        out.push_str(&super::wrap(&clean(detail), style.width.map_or(100, |w| w as usize).clamp(40, 120) - 2, "  "));
    }
    if !task_detail.references.is_empty() {
        out.push_str(&format!("\n{}\n", style.heading(l.pick("Văn bản liên quan", "References"))));
        for r in &task_detail.references {
            out.push_str(&format!("  - {}\n", clean(&super::document(r, l))));
        }
    }
    out.push_str(&format!("\n{}\n", style.heading(l.pick("Các kỳ", "Occurrences"))));
    let mut t = style.table(&[
        l.pick("Mã", "Id"),
        l.pick("Hạn", "Due"),
        l.pick("Trạng thái", "Status"),
        l.pick("Ngày hoàn thành", "Done on"),
        l.pick("Trễ (ngày)", "Days late"),
        l.pick("Minh chứng", "Evidence"),
    ]);
    for o in &task_detail.occurrences {
        t.add_row(vec![
            comfy_table::Cell::new(clean(&o.key)),
            comfy_table::Cell::new(date(o.due)),
            style.status_cell(o.status, o.status.label(l)),
            comfy_table::Cell::new(date(o.done_date)),
            comfy_table::Cell::new(if o.days_late > 0 { o.days_late.to_string() } else { String::new() }),
            comfy_table::Cell::new(super::title(&o.evidence.join("; "), 40)),
        ]);
    }
    use super::grid::Col::{Fixed, Flex};
    style.fit(&mut t, &[Fixed, Fixed, Flex(1), Fixed, Fixed, Flex(2)]);
    out.push_str(&table_text(&t));
    if let Some(m) = &task_detail.results {
        out.push_str(&format!(
            "\n{}\n",
            style.heading(l.pick("Kết quả đo so với mục tiêu", "Measured results against targets"))
        ));
        out.push_str(&super::results_table(std::slice::from_ref(m), style));
    }
    out.push_str(&format!("\n{}\n", style.heading(l.pick("Nhật ký tiến độ", "Progress log"))));
    if task_detail.log.is_empty() {
        out.push_str(l.pick("  (chưa có)\n", "  (none yet)\n"));
    }
    for e in &task_detail.log {
        let period = e.period.map(|p| format!(" [{p}]")).unwrap_or_default();
        // Entries hang under their date: "  05/06/2025  text…" with continuation lines indented.
        let indent = " ".repeat(14);
        let width = style.width.map_or(usize::MAX, |w| (w as usize).saturating_sub(14).max(20));
        let mut text = super::wrap(&clean(&e.text), width, &indent);
        if !e.evidence.is_empty() {
            let ev = format!("{}: {}", l.pick("minh chứng", "evidence"), clean(&e.evidence.join("; ")));
            text.push_str(&super::wrap(&ev, width, &indent));
        }
        out.push_str(&format!("  {}{period}  {}", crate::dates::short(e.date), text.trim_start()));
    }
    out
}
