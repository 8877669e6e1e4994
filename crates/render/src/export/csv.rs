//! `par export --format csv`: one table of [`Export`].

use super::{Table, V, occurrences_sheet, progress_sheet, tasks_sheet};
use crate::compute::export::Export;
use crate::i18n::Lang;

/// One table as CSV (UTF-8 with BOM, dates as ISO `2025-05-30`).
pub fn render(export: &Export, table: Table, lang: Lang) -> String {
    let sheet = match table {
        Table::Tasks => tasks_sheet(export, lang),
        Table::Occurrences => occurrences_sheet(export, lang),
        Table::Progress => progress_sheet(export, lang),
    };
    sheet_csv(&sheet)
}

/// Any sheet as CSV: numbers with a `.` decimal point (machine-readable; the workbook is
/// the way into Excel with the user's own separators).
pub fn sheet_csv(sheet: &super::Sheet) -> String {
    use crate::render::csv::{Cell, Csv};
    let mut c = Csv::new();
    c.header(&sheet.columns.iter().map(|c| c.name).collect::<Vec<_>>());
    for row in &sheet.rows {
        c.row(row.iter().map(|v| match v {
            V::Text(s) => Cell::Text(s),
            V::Int(n) => Cell::Int(*n),
            V::Date(d) => Cell::Date(*d),
            V::Num(x) => Cell::Num(*x),
        }));
    }
    c.finish()
}
