//! `par export` for spreadsheets: the three tables of [`Export`] as CSV (one
//! table) or as an XLSX workbook (one sheet each). Both are built from the same
//! [`Sheet`]s, so their columns cannot drift apart.
//!
//! Formula injection: plan text that a spreadsheet would take for a formula
//! (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is defused.
//! In CSV, where a cell has no type, it gets a leading `'` (OWASP's advice). In
//! XLSX every text is written as a string cell, which Excel never evaluates, and
//! such cells also carry Excel's own "quote prefix" mark, so editing the cell
//! keeps it text; the text itself is unchanged.

pub mod csv;
pub mod ics;
pub mod units;
pub mod xlsx;

use chrono::NaiveDate;

use crate::compute::export::Export;
use crate::i18n::Lang;

/// A cell value.
pub enum V {
    Text(String),
    Int(i64),
    Date(Option<NaiveDate>),
    /// A figure (percentages, points); empty when unknown.
    Num(Option<f64>),
}

impl V {
    fn opt(text: Option<&str>) -> V {
        V::Text(text.unwrap_or("").to_string())
    }
    fn text(text: &str) -> V {
        V::Text(text.to_string())
    }
    fn list(items: &[String]) -> V {
        V::Text(items.join("; "))
    }
}

pub struct Column {
    pub name: &'static str,
    /// Width in Excel's character units.
    pub width: f64,
    /// Long text: wrapped in the workbook.
    pub wrap: bool,
}

pub struct Sheet {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<V>>,
}

/// Which table a CSV export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Table {
    #[default]
    Tasks,
    Occurrences,
    Progress,
}

pub(crate) fn col(name: &'static str, width: f64) -> Column {
    Column { name, width, wrap: false }
}

pub(crate) fn wide(name: &'static str, width: f64) -> Column {
    Column { name, width, wrap: true }
}

fn repeat_label(keyword: &str, lang: Lang) -> String {
    crate::plan::Repeat::parse(keyword).map_or_else(|| keyword.to_string(), |r| r.label(lang).to_string())
}

pub fn tasks_sheet(export: &Export, lang: Lang) -> Sheet {
    Sheet {
        name: lang.pick("Nhiệm vụ", "Tasks"),
        columns: vec![
            col(lang.pick("Mã", "Id"), 8.0),
            col(lang.pick("Phần", "Section"), 8.0),
            wide(lang.pick("Nội dung", "Task"), 50.0),
            wide(lang.pick("Chi tiết", "Details"), 60.0),
            col(lang.pick("Chủ trì", "Owner"), 22.0),
            wide(lang.pick("Phối hợp", "Supporting"), 26.0),
            col(lang.pick("Lặp lại", "Repeats"), 13.0),
            col(lang.pick("Bắt đầu", "Start"), 12.0),
            col(lang.pick("Hạn", "Due"), 12.0),
            col(lang.pick("Kết thúc", "Ends"), 12.0),
            wide(lang.pick("Kết quả cần đạt", "Expected result"), 40.0),
            col(lang.pick("Trạng thái", "Status"), 24.0),
            col(lang.pick("Số kỳ đã xong", "Done"), 10.0),
            col(lang.pick("Số kỳ có hạn", "With deadline"), 10.0),
        ],
        rows: export
            .tasks
            .iter()
            .map(|t| {
                vec![
                    V::text(&t.id),
                    V::text(&t.section),
                    V::text(&t.title),
                    V::opt(t.detail.as_deref()),
                    V::opt(t.owner.as_deref()),
                    V::list(&t.support),
                    V::Text(repeat_label(t.repeat, lang)),
                    V::Date(t.start),
                    V::Date(t.due),
                    V::Date(t.end),
                    V::opt(t.result.as_deref()),
                    V::opt(t.status.map(|s| s.label(lang))),
                    V::Int(t.done as i64),
                    V::Int(t.occurrences as i64),
                ]
            })
            .collect(),
    }
}

pub fn occurrences_sheet(export: &Export, lang: Lang) -> Sheet {
    Sheet {
        name: lang.pick("Các kỳ", "Occurrences"),
        columns: vec![
            col(lang.pick("Mã", "Key"), 14.0),
            col(lang.pick("Nhiệm vụ", "Task"), 8.0),
            col(lang.pick("Kỳ", "Period"), 16.0),
            wide(lang.pick("Nội dung", "Title"), 50.0),
            col(lang.pick("Chủ trì", "Owner"), 22.0),
            col(lang.pick("Bắt đầu", "Start"), 12.0),
            col(lang.pick("Hạn", "Due"), 12.0),
            col(lang.pick("Trạng thái", "Status"), 24.0),
            col(lang.pick("Ngày hoàn thành", "Done on"), 14.0),
            col(lang.pick("Số ngày trễ", "Days late"), 10.0),
            wide(lang.pick("Ghi chú", "Note"), 36.0),
            wide(lang.pick("Minh chứng", "Evidence"), 36.0),
        ],
        rows: export
            .occurrences
            .iter()
            .map(|o| {
                vec![
                    V::text(&o.key),
                    V::text(&o.task),
                    V::opt(o.period_label.as_deref()),
                    V::text(&o.title),
                    V::opt(o.owner.as_deref()),
                    V::Date(o.start),
                    V::Date(o.due),
                    V::text(o.status.label(lang)),
                    V::Date(o.done_date),
                    V::Int(o.days_late),
                    V::opt(o.note.as_deref()),
                    V::list(&o.evidence),
                ]
            })
            .collect(),
    }
}

pub fn progress_sheet(export: &Export, lang: Lang) -> Sheet {
    Sheet {
        name: lang.pick("Nhật ký tiến độ", "Progress"),
        columns: vec![
            col(lang.pick("Nhiệm vụ", "Task"), 8.0),
            wide(lang.pick("Nội dung nhiệm vụ", "Task title"), 40.0),
            col(lang.pick("Ngày", "Date"), 12.0),
            col(lang.pick("Kỳ", "Period"), 10.0),
            wide(lang.pick("Tiến độ", "Progress"), 60.0),
            wide(lang.pick("Minh chứng", "Evidence"), 36.0),
            col(lang.pick("Người ghi", "By"), 20.0),
        ],
        rows: export
            .progress
            .iter()
            .map(|p| {
                vec![
                    V::text(&p.task),
                    V::text(&p.title),
                    V::Date(Some(p.date)),
                    V::opt(p.period.as_deref()),
                    V::text(&p.text),
                    V::list(&p.evidence),
                    V::opt(p.by.as_deref()),
                ]
            })
            .collect(),
    }
}
