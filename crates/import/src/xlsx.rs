//! Reading an Excel (.xlsx) appendix of tasks.
//!
//! Units often send a plan's task list as a workbook: a few title rows ("PHỤ LỤC",
//! "DANH MỤC NHIỆM VỤ …"), a header row (STT | Nội dung | Đơn vị chủ trì | Đơn vị phối
//! hợp | Thời gian hoàn thành | Kết quả), group rows merged across the table ("I. CẢI
//! CÁCH THỦ TỤC HÀNH CHÍNH"), then a row a task. The sheet becomes what the .docx reader
//! makes of a Word table ([`Doc::push_table`]): title rows become paragraphs and the
//! table its rows, read by the same table-of-tasks code. What Excel keeps differently
//! from Word is put right here: a date stored as a serial number is written as a date,
//! a group row's text merged from the STT column is moved to the task column, and a
//! cell merged down over several tasks (one owner for three rows) is given to each.
//!
//! Cells are streamed ([`calamine`]'s cell reader), never laid out as a full grid: a
//! stray cell at XFD1048576 costs nothing.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Seek};

use calamine::{DataRef, Dimensions, Reader, Xlsx};

use super::scan::fold;
use super::text::Doc;

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XlsxError {
    /// Not a workbook, or a damaged one.
    Corrupt(String),
    /// Larger than a plan's appendix can be.
    TooLarge,
}

/// The most cells read from a workbook: a plan's appendix has a few thousand.
const MAX_CELLS: usize = 2_000_000;
/// Columns read: a task table has fewer than twenty.
const MAX_COLUMNS: u32 = 64;
/// The largest part of the workbook unpacked, as its archive declares it.
const MAX_PART: u64 = super::MAX_INPUT;

/// Whether a zip archive is a workbook (it has `xl/workbook.xml`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name("xl/workbook.xml").is_some())
}

/// Reads the workbook's sheets, in order, into blocks.
pub fn read(bytes: &[u8]) -> Result<Doc, XlsxError> {
    // The sizes the archive declares: calamine unpacks the shared strings whole.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| XlsxError::Corrupt(e.to_string()))?;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| XlsxError::Corrupt(e.to_string()))?;
        if part.size() > MAX_PART {
            return Err(XlsxError::TooLarge);
        }
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| XlsxError::Corrupt(e.to_string()))?;
    let mut doc = Doc::default();
    let mut cells = 0;
    for name in book.sheet_names() {
        let grid = sheet(&mut book, &name, &mut cells)?;
        let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        push_sheet(&mut doc, grid, &merges);
        if doc.full(0) {
            break;
        }
    }
    Ok(doc)
}

/// A sheet's cells as text, by row and column (0-based).
type Grid = BTreeMap<u32, BTreeMap<u32, String>>;

fn sheet<RS: Read + Seek>(book: &mut Xlsx<RS>, name: &str, count: &mut usize) -> Result<Grid, XlsxError> {
    let mut grid = Grid::new();
    let mut reader = book.worksheet_cells_reader(name).map_err(|e| XlsxError::Corrupt(e.to_string()))?;
    while let Some(cell) = reader.next_cell().map_err(|e| XlsxError::Corrupt(e.to_string()))? {
        *count += 1;
        if *count > MAX_CELLS {
            return Err(XlsxError::TooLarge);
        }
        let (row, col) = cell.get_position();
        if col >= MAX_COLUMNS {
            continue;
        }
        let text = value(cell.get_value());
        if !text.trim().is_empty() {
            grid.entry(row).or_default().insert(col, text);
        }
    }
    Ok(grid)
}

/// A cell's value as the text a reader of the sheet sees. A date (a serial number
/// formatted as a date) is written day/month/year.
fn value(v: &DataRef) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{day:02}/{m:02}/{y}")
        }
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A serial number (days since 1899-12-30, Excel's 1900 system) in a date column as a
/// date, when it is one of this century's: 36526 is 1 January 2000, 73050 31 December 2099.
fn serial_date(text: &str) -> Option<String> {
    let n: f64 = text.parse().ok()?;
    if !(36526.0..=73050.0).contains(&n) {
        return None;
    }
    let day = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))?;
    Some(day.format("%d/%m/%Y").to_string())
}

/// The header row's columns this reader needs to know: the task's, the number's, the
/// dates'. (Which column is which for the tasks is the table reader's to say.)
struct Header {
    row: u32,
    no: Option<u32>,
    task: u32,
    dates: Vec<u32>,
}

/// The first row that reads as a task table's header: a task column ("Nội dung",
/// "Nhiệm vụ", …) beside at least two other headings.
fn header(grid: &Grid) -> Option<Header> {
    let words = &super::parse::lexicon::lexicon().columns;
    grid.iter().take(50).find_map(|(&row, cells)| {
        let folded: Vec<(u32, String)> = cells.iter().map(|(&c, t)| (c, fold(t))).collect();
        let has = |c: &str, keys: &[String]| keys.iter().any(|k| c.contains(k.as_str()));
        let task = folded.iter().find(|(_, c)| has(c, &words.task)).map(|(i, _)| *i)?;
        (folded.len() >= 3).then(|| Header {
            row,
            task,
            no: folded.iter().find(|(_, c)| words.number.contains(c)).map(|(i, _)| *i),
            // The time column's words, and any column of dates ("Ngày hoàn thành").
            dates: folded.iter().filter(|(_, c)| has(c, &words.time) || c.contains("ngay")).map(|(i, _)| *i).collect(),
        })
    })
}

/// Adds a sheet: rows above the task table as paragraphs, the table as a table.
fn push_sheet(doc: &mut Doc, mut grid: Grid, merges: &[Dimensions]) {
    let header = header(&grid);
    // The cells a cell merged down gave its value to: (row, column).
    let mut carried: BTreeSet<(u32, u32)> = BTreeSet::new();
    if let Some(h) = &header {
        carried = spread_merges(&mut grid, merges, h);
        for cells in grid.range_mut(h.row + 1..).map(|(_, cells)| cells) {
            for c in &h.dates {
                if let Some(t) = cells.get_mut(c)
                    && let Some(d) = serial_date(t.trim())
                {
                    *t = d;
                }
            }
        }
    }
    let width = grid.values().filter_map(|r| r.keys().next_back()).max().map_or(0, |&c| c + 1) as usize;
    let mut table: Vec<(Vec<String>, usize, Vec<usize>)> = Vec::new();
    for (&row, cells) in &grid {
        let line = row as usize + 1;
        match &header {
            Some(h) if row >= h.row => {
                let mut out = vec![String::new(); width.max(3)];
                for (&c, t) in cells {
                    out[c as usize] = t.clone();
                }
                // Flagged in the draft as Word's merged cells are ("merged cell").
                let merged = carried.range((row, 0)..=(row, u32::MAX)).map(|&(_, c)| c as usize).collect();
                table.push((out, line, merged));
            }
            _ => {
                let text = cells.values().map(|t| t.trim()).collect::<Vec<_>>().join(" ");
                doc.push_paragraph(&text, false, line);
            }
        }
    }
    if !table.is_empty() {
        doc.push_merged_table(table);
    }
}

/// What merged cells mean in a task table: a group row's text merged across from the
/// number column goes to the task column (its Roman number, if it leads, to the number
/// column); a cell merged down gives its value to each row it covers. Returns the cells
/// given a value so.
fn spread_merges(grid: &mut Grid, merges: &[Dimensions], h: &Header) -> BTreeSet<(u32, u32)> {
    let mut carried = BTreeSet::new();
    for m in merges {
        let (r0, c0) = m.start;
        let (r1, c1) = m.end;
        if r0 <= h.row {
            continue;
        }
        let Some(value) = grid.get(&r0).and_then(|r| r.get(&c0)).cloned() else { continue };
        if c0 < h.task && c1 >= h.task {
            // A group row: "I. CẢI CÁCH …" over STT and Nội dung.
            let row = grid.entry(r0).or_default();
            row.remove(&c0);
            let (no, text) = split_number(&value);
            if let (Some(no), Some(col)) = (no, h.no) {
                row.insert(col, no);
            }
            row.insert(h.task, text);
        }
        if r1 > r0 && c0 != h.task {
            for r in r0 + 1..=r1.min(r0 + 10_000) {
                if let Entry::Vacant(cell) = grid.entry(r).or_default().entry(c0) {
                    cell.insert(value.clone());
                    carried.insert((r, c0));
                }
            }
        }
    }
    carried
}

/// "I. CẢI CÁCH THỦ TỤC" → ("I", "CẢI CÁCH THỦ TỤC"); text without a Roman number whole.
fn split_number(text: &str) -> (Option<String>, String) {
    let t = text.trim();
    let end = t.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L')).unwrap_or(t.len());
    let rest = &t[end..];
    if end > 0 && (rest.starts_with(['.', ')']) || rest.starts_with(' ')) {
        let words = rest.trim_start_matches(['.', ')']).trim();
        if !words.is_empty() {
            return (Some(t[..end].to_string()), words.to_string());
        }
    }
    (None, t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date("45930").as_deref(), Some("30/09/2025"));
        assert_eq!(serial_date("45657").as_deref(), Some("31/12/2024"));
        assert_eq!(serial_date("12"), None);
        assert_eq!(serial_date("Quý IV/2025"), None);
    }

    #[test]
    fn the_header_words_are_the_lexicons() {
        // Every task, number and time word of the lexicon's [columns] names its column here,
        // as it does for Word and Markdown tables (parse::tests::table_header_words_from_the_lexicon).
        let words = &crate::import::parse::lexicon::lexicon().columns;
        let grid_of = |cells: &[&str]| -> Grid {
            let row: BTreeMap<u32, String> = cells.iter().enumerate().map(|(i, c)| (i as u32, c.to_string())).collect();
            BTreeMap::from([(2, row)])
        };
        for (task, no, time) in words
            .task
            .iter()
            .zip(words.number.iter().cycle())
            .zip(words.time.iter().cycle())
            .map(|((a, b), c)| (a, b, c))
        {
            let h = header(&grid_of(&[&no.to_uppercase(), task, "Chủ trì", time])).expect(task);
            assert_eq!((h.row, h.no, h.task, h.dates.as_slice()), (2, Some(0), 1, &[3][..]), "{task} {no} {time}");
        }
        assert!(header(&grid_of(&["STT", "Tên", "Chủ trì", "Thời gian"])).is_none());
    }

    #[test]
    fn roman_numbers_split_off() {
        assert_eq!(split_number("I. CẢI CÁCH"), (Some("I".into()), "CẢI CÁCH".into()));
        assert_eq!(split_number("IV CHÍNH QUYỀN SỐ"), (Some("IV".into()), "CHÍNH QUYỀN SỐ".into()));
        assert_eq!(split_number("Ideas"), (None, "Ideas".into()));
    }
}
