//! The "5 rõ" completeness findings as a table: what each task still lacks.

use comfy_table::Cell;

use super::{Style, table_text, title};
use crate::compute::completeness::{Finding, Gap, count};

/// The findings over `tasks` tasks.
pub fn render(findings: &[Finding], tasks: usize, s: &Style) -> String {
    let lang = s.lang;
    if findings.is_empty() {
        return format!(
            "{}\n",
            lang.pick(
                "Mọi nhiệm vụ đã rõ người, rõ tiến độ, rõ kết quả.",
                "Every task has an owner, a timeline and an expected result."
            )
        );
    }
    let mut out = String::new();
    out.push_str(&s.heading(&format!(
        "{} {}/{} {}",
        lang.pick("Cần bổ sung theo \"5 rõ\":", "To fill in (\"5 rõ\"):"),
        findings.len(),
        tasks,
        lang.pick("nhiệm vụ còn thiếu", "tasks lack something"),
    )));
    out.push('\n');
    let totals: Vec<String> = Gap::ALL
        .iter()
        .map(|&g| (g, count(findings, g)))
        .filter(|&(_, n)| n > 0)
        .map(|(g, n)| format!("{} ({}, `{}`): {n}", g.label(lang), g.principle(lang), g.keys()))
        .collect();
    out.push_str(&format!("  {}\n", totals.join(" · ")));
    let mut t = s.table(&[lang.pick("Mã", "Id"), lang.pick("Thiếu", "Missing"), lang.pick("Nội dung", "Task")]);
    for f in findings {
        let missing = f.gaps.iter().map(|g| g.label(lang)).collect::<Vec<_>>().join(", ");
        t.add_row(vec![Cell::new(crate::text::clean(&f.task)), Cell::new(missing), Cell::new(title(&f.title, 60))]);
    }
    out.push_str(&table_text(&t));
    out
}
