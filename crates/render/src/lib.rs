//! Renderers: turn computed data into text for a terminal. JSON output is the
//! computed data serialised as it is (see `json`).

pub mod assess;
pub mod check;
pub mod csv;
pub mod export;
pub mod grid;
pub mod html;
pub mod index;
pub mod json;
pub mod list;
pub mod report;
pub mod rollup;
pub mod show;
pub mod status;

// The core's modules at this crate's root, and this crate as `render`, so the paths written
// when render was a module of `par` (`crate::plan::…`, `crate::render::…`) still resolve.
pub(crate) use par_core::{compute, dates, i18n, period, plan, text};
extern crate self as render;

use chrono::NaiveDate;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table, presets};

use crate::compute::Status;
use crate::i18n::Lang;

/// Terminal width below which tables take their compact layout.
pub const COMPACT_BELOW: u16 = 100;

/// How to draw: language, colour and the width to fit.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
    pub width: Option<u16>,
}

impl Style {
    pub fn new(lang: Lang, color: bool, width: Option<u16>) -> Style {
        Style { lang, color, width }
    }

    /// A table with our look, fitted to the terminal when its width is known.
    pub fn table(&self, headers: &[&str]) -> Table {
        let mut t = Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
        match self.width {
            Some(w) => {
                t.set_width(w);
            }
            None => {
                // No known width (a pipe, a file): never wrap, so output is stable.
                t.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        if self.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t.set_header(headers.iter().map(|h| self.bold(h)));
        t
    }

    /// Fits a filled table to the terminal's width, when it is known: `cols` says which
    /// columns keep their cells whole and which wrap (see [`grid::fit`]).
    pub fn fit(&self, table: &mut Table, cols: &[grid::Col]) {
        if let Some(w) = self.width {
            grid::fit(table, cols, w);
        }
    }

    /// A terminal too narrow for the full tables (below 100 columns): renderers drop
    /// or shorten low-value columns and draw shorter progress bars.
    pub fn compact(&self) -> bool {
        self.width.is_some_and(|w| w < COMPACT_BELOW)
    }

    pub fn bold(&self, text: &str) -> Cell {
        let c = Cell::new(text);
        if self.color { c.add_attribute(Attribute::Bold) } else { c }
    }

    pub fn status_cell(&self, status: Status, text: &str) -> Cell {
        let c = Cell::new(text);
        if !self.color {
            return c;
        }
        c.fg(match status {
            Status::Overdue => Color::Red,
            Status::DoneLate => Color::Yellow,
            Status::DoneOnTime => Color::Green,
            Status::Open => Color::Cyan,
            Status::NotStarted | Status::NoDeadline | Status::NotCarriedOut => Color::Grey,
        })
    }

    /// A number right-aligned; zero drawn faintly so the eye finds what is not.
    pub fn num(&self, n: usize, alarm: bool) -> Cell {
        let mut c = Cell::new(n).set_alignment(CellAlignment::Right);
        if self.color && alarm && n > 0 {
            c = c.fg(Color::Red).add_attribute(Attribute::Bold);
        }
        c
    }

    /// A line of prose, wrapped at words to the terminal's width when it is known (as it
    /// is otherwise); no final newline.
    pub fn line(&self, text: &str) -> String {
        match self.width {
            Some(w) => wrap(text, w as usize, "").trim_end_matches('\n').to_string(),
            None => text.to_string(),
        }
    }

    /// "  - text" as a list item, its continuation lines hanging under the text when the
    /// terminal's width is known; with a final newline.
    pub fn bullet(&self, text: &str) -> String {
        match self.width {
            Some(w) => {
                let body = wrap(text, (w as usize).saturating_sub(4).max(20), "    ");
                format!("  - {}", &body[4..])
            }
            None => format!("  - {text}\n"),
        }
    }

    /// Styles a heading line.
    pub fn heading(&self, text: &str) -> String {
        if self.color { format!("\x1b[1m{text}\x1b[0m") } else { text.to_string() }
    }

    /// `46,7%` in Vietnamese, `46.7%` in English.
    pub fn percent(&self, value: Option<f64>) -> String {
        match value {
            None => "–".to_string(),
            Some(value) => {
                let s = format!("{value:.1}%");
                if self.lang == Lang::Vi { s.replace('.', ",") } else { s }
            }
        }
    }

    /// Points without trailing zeros: `8,13`, `4` (Vietnamese decimal comma).
    pub fn points(&self, x: f64) -> String {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        if self.lang == Lang::Vi { s.replace('.', ",") } else { s }
    }

    /// `███████░░░ 70,0%` (five cells on a compact terminal: `████░ 70,0%`)
    pub fn progress(&self, percent: Option<f64>) -> String {
        let cells: usize = if self.compact() { 5 } else { 10 };
        let filled = percent.map_or(0, |p| ((p / 100.0) * cells as f64).round() as usize).min(cells);
        format!("{}{} {:>6}", "█".repeat(filled), "░".repeat(cells - filled), self.percent(percent))
    }
}

pub fn date(date: Option<NaiveDate>) -> String {
    date.map(crate::dates::short).unwrap_or_else(|| "–".to_string())
}

/// A one-line, escaped, shortened title for a table cell.
pub fn title(text: &str, max: usize) -> String {
    let line = crate::text::one_line(text);
    if line.chars().count() <= max { line } else { crate::text::truncate(&line, max) }
}

/// The table's text with a final newline.
pub fn table_text(table: &Table) -> String {
    let mut s = table.to_string();
    s.push('\n');
    s
}

/// "Kế hoạch số 16/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân Quận 1 về …"
pub fn document(document: &crate::plan::Document, lang: Lang) -> String {
    let mut s = document.kind.clone();
    if let Some(n) = &document.number {
        s.push_str(&format!(" {} {n}", lang.pick("số", "no.")));
    }
    if let Some(date) = document.date {
        s.push_str(&format!(" {} {}", lang.pick("ngày", "of"), crate::dates::short(date)));
    }
    if let Some(i) = &document.issuer {
        s.push_str(&format!(" {} {i}", lang.pick("của", "by")));
    }
    if let Some(subj) = &document.subject {
        s.push_str(&format!(" {} {subj}", lang.pick("về", "on")));
    }
    s
}

/// Wraps text at word boundaries to `width` terminal columns (display width: a
/// Vietnamese letter with its marks is one), each line prefixed by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = String::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.width() + 1 + word.width() > width {
                out.push_str(&format!("{indent}{line}\n"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}

/// Measured results: indicator, latest value against the target, met or not, trend.
pub fn results_table(results: &[crate::compute::measures::Measured], style: &Style) -> String {
    let l = style.lang;
    let mut t = style.table(&[
        l.pick("Mã", "Id"),
        l.pick("Chỉ số kết quả", "Indicator"),
        l.pick("Mục tiêu", "Target"),
        l.pick("Các kỳ", "By period"),
        l.pick("Đạt", "Met"),
    ]);
    for m in results {
        let unit = crate::text::one_line(m.unit.as_deref().unwrap_or(""));
        let sign = match m.direction {
            crate::plan::Direction::AtLeast => "≥",
            crate::plan::Direction::AtMost => "≤",
        };
        let series: Vec<String> = m
            .points
            .iter()
            .map(|p| {
                let when = p.period.clone().unwrap_or_else(|| crate::dates::short(p.date));
                let arrow = p.trend.map(|t| format!(" {}", t.arrow())).unwrap_or_default();
                format!("{when}: {}{unit}{arrow}", style.points(p.value))
            })
            .collect();
        let met = match m.met {
            None => style.status_cell(crate::compute::Status::NotStarted, l.pick("chưa đo", "not measured")),
            Some(true) => style.status_cell(crate::compute::Status::DoneOnTime, l.pick("đạt", "met")),
            Some(false) => style.status_cell(crate::compute::Status::Overdue, l.pick("chưa đạt", "not met")),
        };
        t.add_row(vec![
            Cell::new(crate::text::one_line(&m.task)),
            Cell::new(title(&m.indicator, 50)),
            Cell::new(format!("{sign} {}{unit}", style.points(m.target))),
            Cell::new(if series.is_empty() { "–".to_string() } else { series.join("; ") }),
            met,
        ]);
    }
    use grid::Col::{Fixed, Flex};
    style.fit(&mut t, &[Fixed, Flex(2), Fixed, Flex(2), Fixed]);
    table_text(&t)
}
