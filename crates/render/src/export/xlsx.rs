//! `par export --format xlsx`: the three tables of [`Export`] as one workbook.

use chrono::Datelike;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::{Sheet, V, occurrences_sheet, progress_sheet, tasks_sheet};
use crate::compute::export::Export;
use crate::i18n::Lang;

/// Excel's limit on the text of one cell.
const MAX_CELL: usize = 32_767;

/// Plan text as the workbook holds it: control characters shown as escapes, as on the
/// terminal, and nothing XML 1.0 forbids (rust_xlsxwriter writes C0 controls as
/// `_x0001_` but passes U+FFFE and U+FFFF through, which makes the file unreadable).
fn cell_text(text: &str) -> String {
    crate::text::xml_text(&crate::text::clean_lines(text)).into_owned()
}

/// The workbook: one sheet per table, header row bold and frozen, filters on,
/// dates as real dates shown dd/mm/yyyy. Its timestamps come from `today`, so
/// the same plan on the same day gives the same bytes.
pub fn render(export: &Export, lang: Lang) -> Result<Vec<u8>, String> {
    build(export, lang).map_err(|err| format!("cannot build the workbook: {err}"))
}

fn build(export: &Export, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let sheets = [tasks_sheet(export, lang), occurrences_sheet(export, lang), progress_sheet(export, lang)];
    write(&sheets, &export.plan, &export.unit, export.today)
}

/// Any sheets as a workbook, formatted as [`render`] describes.
pub fn workbook(sheets: &[Sheet], title: &str, company: &str, today: chrono::NaiveDate) -> Result<Vec<u8>, String> {
    write(sheets, title, company, today).map_err(|err| format!("cannot build the workbook: {err}"))
}

fn write(sheets: &[Sheet], title: &str, company: &str, today: chrono::NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let stamp = ExcelDateTime::from_ymd(today.year() as u16, today.month() as u8, today.day() as u8)?;
    wb.set_properties(
        &DocProperties::new().set_title(cell_text(title)).set_company(cell_text(company)).set_creation_datetime(&stamp),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE7F3))
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let date = top.clone().set_num_format("dd/mm/yyyy");
    let wrap = top.clone().set_text_wrap();
    let plain_q = top.clone().set_quote_prefix();
    let wrap_q = wrap.clone().set_quote_prefix();
    for sheet in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet.name)?;
        for (c, column) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, column.name, &header)?;
            ws.set_column_width(c as u16, column.width)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let (cu, wraps) = (c as u16, sheet.columns[c].wrap);
                match v {
                    V::Text(s) if s.is_empty() => {}
                    V::Text(s) => {
                        let text = cell_text(s);
                        let text =
                            if text.chars().count() > MAX_CELL { crate::text::truncate(&text, MAX_CELL) } else { text };
                        let fmt = match (crate::render::csv::looks_like_formula(&text), wraps) {
                            (true, true) => &wrap_q,
                            (true, false) => &plain_q,
                            (false, true) => &wrap,
                            (false, false) => &top,
                        };
                        ws.write_string_with_format(r, cu, &text, fmt)?;
                    }
                    V::Int(n) => {
                        ws.write_number_with_format(r, cu, *n as f64, &top)?;
                    }
                    V::Date(Some(d)) => {
                        let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                        ws.write_datetime_with_format(r, cu, &x, &date)?;
                    }
                    V::Date(None) | V::Num(None) => {}
                    V::Num(Some(x)) => {
                        ws.write_number_with_format(r, cu, *x, &top)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.columns.len() as u16 - 1)?;
    }
    wb.save_to_buffer()
}
