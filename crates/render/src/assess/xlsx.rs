//! `par assess --format xlsx`: the self-assessment table as a workbook, its points real
//! numbers. A parent's self-score and the totals are formulas (`=SUM(D6,D9)`) whose
//! cached values are the figures [`super::rows`] computes, so the file reads right before
//! a spreadsheet recalculates it and stays right after the officer edits a score. Rows
//! not applicable or scored by survey hold a word in the score column, which `SUM`
//! skips: they are left out of the self-score.

use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};

use super::rows::{self, Line, Mark, Totals};
use crate::compute::assess_table::AssessTable;
use crate::i18n::Lang;

/// The first row of the table's header (0-based): a title, the unit and the set above it.
const HEADER_ROW: u32 = 4;
/// Excel's limit on the text of one cell.
const MAX_CELL: usize = 32_767;
/// Columns: STT, tiêu chí, điểm tối đa, điểm tự đánh giá, tài liệu kiểm chứng, giải trình.
const WIDTHS: [f64; 6] = [8.0, 48.0, 10.0, 12.0, 48.0, 40.0];
const MAX_COL: u16 = 2;
const SCORE_COL: u16 = 3;

/// The workbook's bytes: one sheet, the table then its totals.
pub fn xlsx(table: &AssessTable, lang: Lang) -> Result<Vec<u8>, String> {
    build(table, lang).map_err(|err| format!("cannot build the workbook: {err}"))
}

/// Plan text as a cell holds it (see `export::xlsx`): control characters shown, nothing
/// XML forbids, within Excel's limit.
fn cell_text(text: &str) -> String {
    let text = crate::text::xml_text(&crate::text::clean_lines(text)).into_owned();
    if text.chars().count() > MAX_CELL { crate::text::truncate(&text, MAX_CELL) } else { text }
}

/// `D7`: a cell of column `col` on the line `line` of the table.
fn cell(col: u16, line: usize) -> String {
    let letter = (b'A' + col as u8) as char;
    format!("{letter}{}", HEADER_ROW as usize + 2 + line)
}

/// `SUM(D6,D9)` of the cells, in groups under Excel's 255 arguments; `0` for none.
fn sum(col: u16, lines: &[usize]) -> String {
    if lines.is_empty() {
        return "0".into();
    }
    let groups: Vec<String> = lines
        .chunks(200)
        .map(|c| format!("SUM({})", c.iter().map(|&l| cell(col, l)).collect::<Vec<_>>().join(",")))
        .collect();
    groups.join("+")
}

/// The height in points of a row whose cells hold `texts` in columns `widths` wide:
/// spreadsheets do not fit a row to its wrapped text on opening, so the file says it.
fn height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(text, width)| {
            let per_line = (width * 1.1).max(1.0);
            text.split('\n').map(|l| ((l.chars().count() as f64) / per_line).ceil().max(1.0)).sum::<f64>()
        })
        .fold(1.0, f64::max);
    (lines * 15.0).min(409.0)
}

/// A number as a formula's cached value: Excel's own way, full precision.
fn cached(x: f64) -> String {
    format!("{x}")
}

struct Formats {
    title: Format,
    head: Format,
    text: Format,
    text_q: Format,
    num: Format,
    bold_text: Format,
    bold_num: Format,
    rescaled: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin).set_align(FormatAlign::Top).set_text_wrap();
        Formats {
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            head: border(Format::new().set_bold().set_background_color(Color::RGB(0xDDE7F3)))
                .set_align(FormatAlign::Center),
            text: border(Format::new()),
            text_q: border(Format::new().set_quote_prefix()),
            num: border(Format::new().set_num_format("0.##")),
            bold_text: border(Format::new().set_bold()),
            bold_num: border(Format::new().set_bold().set_num_format("0.##")),
            rescaled: border(Format::new().set_bold().set_num_format("0.00")),
        }
    }
}

fn build(table: &AssessTable, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let (lines, totals) = rows::lines(table, lang);
    let mut wb = Workbook::new();
    // A date from the table, never the clock: the same table gives the same bytes.
    let end = table.window.1;
    let stamp = ExcelDateTime::from_ymd(end.year() as u16, end.month() as u8, end.day() as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(cell_text(&rows::title(table.year, lang)))
            .set_company(cell_text(&table.unit))
            .set_creation_datetime(&stamp),
    );
    let f = Formats::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Tự đánh giá", "Self-assessment"))?;
    ws.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.merge_range(0, 0, 0, 5, &cell_text(&rows::title(table.year, lang)), &f.title)?;
    ws.merge_range(1, 0, 1, 5, &cell_text(&table.unit), &f.title)?;
    ws.merge_range(
        2,
        0,
        2,
        5,
        &cell_text(&rows::set_line(table, lang)),
        &Format::new().set_align(FormatAlign::Center),
    )?;
    let headings = rows::headings(lang);
    for (c, (h, w)) in headings.iter().zip(WIDTHS).enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &f.head)?;
        ws.set_column_width(c as u16, w)?;
    }
    let head: Vec<(&str, f64)> = headings.iter().copied().zip(WIDTHS).collect();
    ws.set_row_height(HEADER_ROW, height(&head))?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    for (i, line) in lines.iter().enumerate() {
        write_line(ws, &f, i, line, lang)?;
    }
    write_totals(ws, &f, lines.len(), &totals, lang)?;
    wb.save_to_buffer()
}

fn write_line(
    ws: &mut rust_xlsxwriter::Worksheet,
    f: &Formats,
    i: usize,
    line: &Line,
    lang: Lang,
) -> Result<(), XlsxError> {
    let r = HEADER_ROW + 1 + i as u32;
    let (text, num) = if line.bold { (&f.bold_text, &f.bold_num) } else { (&f.text, &f.num) };
    let string = |s: &str| if crate::render::csv::looks_like_formula(s) { &f.text_q } else { text };
    let code = cell_text(&line.code);
    ws.write_string_with_format(r, 0, &code, string(&code))?;
    let indent = "    ".repeat(line.depth as usize);
    let title = cell_text(&format!("{indent}{}", line.title.trim()));
    ws.write_string_with_format(r, 1, &title, string(&title))?;
    ws.write_number_with_format(r, MAX_COL, line.max, num)?;
    match line.mark {
        Mark::Score(x) if !line.parts.is_empty() => {
            let formula = Formula::new(format!("={}", sum(SCORE_COL, &line.parts))).set_result(cached(x));
            ws.write_formula_with_format(r, SCORE_COL, formula, num)?;
        }
        Mark::Score(x) => {
            ws.write_number_with_format(r, SCORE_COL, x, num)?;
        }
        Mark::Empty => {
            ws.write_blank(r, SCORE_COL, num)?;
        }
        Mark::NotApplicable | Mark::Survey => {
            ws.write_string_with_format(r, SCORE_COL, rows::mark_text(line.mark, lang), text)?;
        }
    }
    let evidence = cell_text(&line.evidence.join("\n"));
    ws.write_string_with_format(r, 4, &evidence, string(&evidence))?;
    let explanation = cell_text(&line.explanation);
    ws.write_string_with_format(r, 5, &explanation, string(&explanation))?;
    let mark = rows::mark_text(line.mark, lang);
    let texts =
        [(title.as_str(), WIDTHS[1]), (mark.as_str(), WIDTHS[3]), (&evidence, WIDTHS[4]), (&explanation, WIDTHS[5])];
    ws.set_row_height(r, height(&texts))?;
    Ok(())
}

/// The four totals under the table (the rescaled one only when criteria are not
/// applicable): the set's maximum, the unit's own, the raw self-score, the rescaled one.
fn write_totals(
    ws: &mut rust_xlsxwriter::Worksheet,
    f: &Formats,
    count: usize,
    t: &Totals,
    lang: Lang,
) -> Result<(), XlsxError> {
    let labels = rows::total_labels(t, lang);
    // Lines of the totals, numbered as the table's lines are (for `cell`).
    let (max_line, self_line, raw_line, rescaled_line) = (count, count + 1, count + 2, count + 3);
    let row = |line: usize| HEADER_ROW + 1 + line as u32;
    for (line, label) in [max_line, self_line, raw_line].into_iter().zip(&labels) {
        ws.merge_range(row(line), 0, row(line), 1, &cell_text(label), &f.bold_text)?;
        ws.set_row_height(row(line), height(&[(label, WIDTHS[0] + WIDTHS[1])]))?;
    }
    let max = Formula::new(format!("={}", sum(MAX_COL, &t.tops))).set_result(cached(t.max_total));
    ws.write_formula_with_format(row(max_line), MAX_COL, max, &f.bold_num)?;
    let excluded: Vec<usize> = t.survey.iter().chain(&t.not_applicable).copied().collect();
    let own = format!("={}-{}", cell(MAX_COL, max_line), sum(MAX_COL, &excluded));
    ws.write_formula_with_format(
        row(self_line),
        MAX_COL,
        Formula::new(own).set_result(cached(t.self_max)),
        &f.bold_num,
    )?;
    let raw = Formula::new(format!("={}", sum(SCORE_COL, &t.tops))).set_result(cached(t.raw));
    ws.write_formula_with_format(row(raw_line), SCORE_COL, raw, &f.bold_num)?;
    if let Some(rescaled) = t.rescaled {
        ws.merge_range(row(rescaled_line), 0, row(rescaled_line), 1, &cell_text(&labels[3]), &f.bold_text)?;
        ws.set_row_height(row(rescaled_line), height(&[(&labels[3], WIDTHS[0] + WIDTHS[1])]))?;
        if t.proportional {
            let text = format!(
                "=IF({own}>0,{raw}*({max}-{survey})/{own},0)",
                own = cell(MAX_COL, self_line),
                raw = cell(SCORE_COL, raw_line),
                max = cell(MAX_COL, max_line),
                survey = sum(MAX_COL, &t.survey),
            );
            ws.write_formula_with_format(
                row(rescaled_line),
                SCORE_COL,
                Formula::new(text).set_result(cached(rescaled)),
                &f.rescaled,
            )?;
        } else {
            ws.write_number_with_format(row(rescaled_line), SCORE_COL, rescaled, &f.rescaled)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_sums() {
        // The header is on row 5 of the sheet, the first line on row 6.
        assert_eq!(cell(SCORE_COL, 0), "D6");
        assert_eq!(sum(MAX_COL, &[0, 3]), "SUM(C6,C9)");
        assert_eq!(sum(MAX_COL, &[]), "0");
        let many: Vec<usize> = (0..450).collect();
        assert_eq!(sum(MAX_COL, &many).matches("SUM(").count(), 3);
    }

    #[test]
    fn rows_are_as_high_as_their_wrapped_text() {
        assert_eq!(height(&[("", 10.0)]), 15.0);
        // 30 characters in a column 10 wide: 3 lines of 11; two paragraphs of one line each.
        assert_eq!(height(&[("x".repeat(30).as_str(), 10.0), ("a\nb", 48.0)]), 45.0);
    }

    #[test]
    fn builds_a_workbook() {
        let bytes = xlsx(&crate::assess::rows::tests::sample(), Lang::Vi).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
