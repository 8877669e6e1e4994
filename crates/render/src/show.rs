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
            out.push_str(&hanging("  - ", &[super::document(r, l)], style));
        }
    }
    out.push_str(&format!("\n{}\n", style.heading(l.pick("Các kỳ", "Occurrences"))));
    let mut t = style.table(&[
        l.pick("Mã", "Id"),
        l.pick("Hạn", "Due"),
        l.pick("Trạng thái", "Status"),
        l.pick("Ngày hoàn thành", "Done on"),
        l.pick("Trễ (ngày)", "Days late"),
    ]);
    for o in &task_detail.occurrences {
        t.add_row(vec![
            comfy_table::Cell::new(clean(&o.key)),
            comfy_table::Cell::new(date(o.due)),
            style.status_cell(o.status, o.status.label(l)),
            comfy_table::Cell::new(date(o.done_date)),
            comfy_table::Cell::new(if o.days_late > 0 { o.days_late.to_string() } else { String::new() }),
        ]);
    }
    use super::grid::Col::{Fixed, Flex};
    style.fit(&mut t, &[Fixed, Fixed, Flex(1), Fixed, Fixed, Flex(2)]);
    out.push_str(&table_text(&t));
    done_marks(task_detail, style, &mut out);
    if let Some(m) = &task_detail.results {
        out.push_str(&format!(
            "\n{}\n",
            style.heading(l.pick("Kết quả đo so với mục tiêu", "Measured results against targets"))
        ));
        out.push_str(&super::results_table(std::slice::from_ref(m), style));
        measure_notes(m, style, &mut out);
    }
    out.push_str(&format!("\n{}\n", style.heading(l.pick("Nhật ký tiến độ", "Progress log"))));
    if task_detail.log.is_empty() {
        out.push_str(l.pick("  (chưa có)\n", "  (none yet)\n"));
    }
    for e in &task_detail.log {
        let period = e.period.map(|p| format!(" [{p}]")).unwrap_or_default();
        // Entries hang under their date: "  05/06/2025  text…" with continuation lines indented.
        let mut lines = vec![e.text.clone()];
        if !e.evidence.is_empty() {
            lines.push(format!("{}: {}", l.pick("minh chứng", "evidence"), e.evidence.join("; ")));
        }
        out.push_str(&hanging(&format!("  {}{period}  ", crate::dates::short(e.date)), &lines, style));
    }
    out
}

/// `lead` then each of `lines` in full, wrapped to the terminal's width under the text's
/// first column (a word longer than the line, such as a link, is kept whole): nothing
/// is ever cut. Without a known width (output piped), each line is one line.
fn hanging(lead: &str, lines: &[String], style: &Style) -> String {
    let lead_width = lead.chars().count();
    let indent = " ".repeat(lead_width);
    let width = style.width.map_or(usize::MAX, |w| (w as usize).saturating_sub(lead_width).max(20));
    let mut text = String::new();
    for line in lines {
        text.push_str(&super::wrap(&clean(line), width, &indent));
    }
    format!("{lead}{}", text.trim_start())
}

/// Each done mark with its note and evidence, in full.
fn done_marks(task_detail: &TaskDetail, style: &Style, out: &mut String) {
    let l = style.lang;
    let done: Vec<_> = task_detail.occurrences.iter().filter(|o| o.done_date.is_some()).collect();
    if done.is_empty() {
        return;
    }
    out.push_str(&format!("\n{}\n", style.heading(l.pick("Hoàn thành", "Done marks"))));
    let key_width = done.iter().map(|o| o.key.chars().count()).max().unwrap_or(0);
    for o in done {
        let mut lines = Vec::new();
        if let Some(note) = o.note.as_deref().filter(|n| !n.trim().is_empty()) {
            lines.push(note.to_string());
        }
        if !o.evidence.is_empty() {
            lines.push(format!("{}: {}", l.pick("minh chứng", "evidence"), o.evidence.join("; ")));
        }
        if lines.is_empty() {
            lines.push("–".to_string());
        }
        let lead = format!("  {:<key_width$}  {}  ", clean(&o.key), date(o.done_date));
        out.push_str(&hanging(&lead, &lines, style));
    }
}

/// Each measurement's note, in full, under the results table.
fn measure_notes(m: &crate::compute::measures::Measured, style: &Style, out: &mut String) {
    let l = style.lang;
    let noted: Vec<_> = m.points.iter().filter(|p| p.note.as_deref().is_some_and(|n| !n.trim().is_empty())).collect();
    if noted.is_empty() {
        return;
    }
    out.push_str(&format!("  {}: {}\n", l.pick("Chỉ số", "Indicator"), clean(&m.indicator)));
    let unit = crate::text::one_line(m.unit.as_deref().unwrap_or(""));
    let cells: Vec<(String, String)> = noted
        .iter()
        .map(|p| {
            let when = p.period.clone().unwrap_or_else(|| crate::dates::short(p.date));
            (when, format!("{}{unit}", style.points(p.value)))
        })
        .collect();
    let w0 = cells.iter().map(|c| c.0.chars().count()).max().unwrap_or(0);
    let w1 = cells.iter().map(|c| c.1.chars().count()).max().unwrap_or(0);
    for (p, (when, value)) in noted.iter().zip(&cells) {
        let lead = format!("  {when:<w0$}  {value:>w1$}  ");
        out.push_str(&hanging(&lead, &[p.note.clone().unwrap_or_default()], style));
    }
}
