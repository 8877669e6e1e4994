//! `par assess` for a terminal: the self-assessment table, per area and in total, raw and
//! rescaled (max, self-score, evidence count, explanation), fitted to the terminal.

use comfy_table::{Cell, CellAlignment};

use super::super::grid::Col;
use super::super::{Style, table_text, title};
use crate::compute::assess::final_blockers;
use crate::compute::assess_table::{AssessRow, AssessTable, Scoring};
use crate::text::one_line;

/// The table, its totals, and what still blocks `--final`.
pub fn render(table: &AssessTable, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    out.push_str(&style.heading(&style.line(&format!(
        "{} — {}, {} {}",
        title(&table.set_name, 90),
        one_line(&table.unit),
        l.pick("năm", "year"),
        table.year
    ))));
    out.push('\n');
    out.push_str(&style.line(&format!(
        "{} {} – {}",
        l.pick("Tài liệu kiểm chứng trong khoảng", "Evidence dated within"),
        crate::dates::short(table.window.0),
        crate::dates::short(table.window.1)
    )));
    out.push_str("\n\n");
    let compact = style.compact();
    let mut headers = vec![
        l.pick("Mã", "Code"),
        l.pick("Tiêu chí", "Criterion"),
        l.pick("Tối đa", "Max"),
        l.pick("Tự chấm", "Self-score"),
        l.pick("Tài liệu", "Evidence"),
        l.pick("Giải trình", "Explanation"),
    ];
    let mut cols = vec![Col::Fixed, Col::Flex(3), Col::Fixed, Col::Fixed, Col::Fixed, Col::Flex(2)];
    if compact {
        headers.remove(0);
        cols.remove(0);
    }
    let mut t = style.table(&headers);
    for (k, r) in table.rows.iter().enumerate() {
        let indent = "  ".repeat(r.depth as usize);
        let name = format!("{indent}{}", title(&r.title, 60));
        let right = |x: String| Cell::new(x).set_alignment(CellAlignment::Right);
        let mut row = vec![
            Cell::new(format!("{indent}{}", one_line(&r.code))),
            if r.depth == 0 { style.bold(&name) } else { Cell::new(name) },
            right(style.points(r.max)),
            right(score_cell(r, style)),
            right(evidence_count(table, k).to_string()),
            Cell::new(explanation_cell(r, style)),
        ];
        if compact {
            row[1] = Cell::new(format!("{indent}{} {}", one_line(&r.code), title(&r.title, 60)));
            row.remove(0);
        }
        t.add_row(row);
    }
    style.fit(&mut t, &cols);
    out.push_str(&table_text(&t));
    out.push('\n');
    out.push_str(&totals(table, style));
    out
}

/// The self-score cell: the points, "không áp dụng", "khảo sát" or "–".
fn score_cell(r: &AssessRow, style: &Style) -> String {
    let l = style.lang;
    if r.not_applicable.is_some() {
        return l.pick("không áp dụng", "not applicable").to_string();
    }
    if r.scoring == Scoring::Survey {
        return l.pick("khảo sát", "survey").to_string();
    }
    match r.score {
        Some(s) if r.scoring == Scoring::Appraised => {
            format!("{} ({})", style.points(s), l.pick("đề xuất", "proposed"))
        }
        Some(s) => style.points(s),
        None => "–".to_string(),
    }
}

fn explanation_cell(r: &AssessRow, style: &Style) -> String {
    let l = style.lang;
    if let Some(reason) = &r.not_applicable {
        return one_line(reason);
    }
    match (&r.explanation, r.needs_explanation) {
        (Some(e), _) => one_line(e),
        (None, true) => l.pick("cần giải trình", "needs an explanation").to_string(),
        (None, false) => String::new(),
    }
}

/// A row's evidence: its own, or for an area or criterion with parts, its parts'.
pub fn evidence_count(table: &AssessTable, k: usize) -> usize {
    let depth = table.rows[k].depth;
    let under = table.rows[k + 1..].iter().take_while(|r| r.depth > depth);
    table.rows[k].evidence.len() + under.map(|r| r.evidence.len()).sum::<usize>()
}

fn totals(table: &AssessTable, style: &Style) -> String {
    let l = style.lang;
    let p = |x: f64| style.points(x);
    let survey: f64 = leaves(table).filter(|r| r.scoring == Scoring::Survey).map(|r| r.max).sum();
    let na = (table.max_total - survey - table.self_max).max(0.0);
    let mut out = String::new();
    let line = |out: &mut String, text: String| {
        out.push_str(&style.line(&text));
        out.push('\n');
    };
    line(&mut out, format!("{}: {}", l.pick("Điểm tối đa của bộ tiêu chí", "The set's maximum"), p(table.max_total)));
    line(
        &mut out,
        format!(
            "{}: {} ({} {}, {} {})",
            l.pick("Điểm tối đa đơn vị tự chấm", "Maximum the unit scores itself"),
            p(table.self_max),
            l.pick("không gồm khảo sát", "survey-scored left out:"),
            p(survey),
            l.pick("không áp dụng", "not applicable:"),
            p(na)
        ),
    );
    line(
        &mut out,
        format!(
            "{}: {}/{}",
            l.pick("Tổng điểm tự đánh giá", "Self-assessed total"),
            p(table.raw_total),
            p(table.self_max)
        ),
    );
    if let Some(r) = table.rescaled_total {
        line(
            &mut out,
            format!(
                "{} ({}): {}/{}",
                l.pick("Quy đổi theo tỷ lệ", "Rescaled"),
                table.rescale_method,
                p(r),
                p(table.max_total - survey)
            ),
        );
    }
    let (explain, unscored) = final_blockers(table);
    if !explain.is_empty() {
        line(&mut out, format!("{}: {}", l.pick("Cần giải trình", "Need an explanation"), explain.join(", ")));
    }
    if !unscored.is_empty() {
        line(&mut out, format!("{}: {}", l.pick("Chưa chấm", "Not scored yet"), unscored.join(", ")));
    }
    out
}

fn leaves(table: &AssessTable) -> impl Iterator<Item = &AssessRow> {
    table
        .rows
        .iter()
        .enumerate()
        .filter(|(k, r)| table.rows.get(k + 1).is_none_or(|n| n.depth <= r.depth))
        .map(|(_, r)| r)
}
