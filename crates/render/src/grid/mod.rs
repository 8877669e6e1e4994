//! Tables of one-line cells for long lists (the overdue items of `par status`, the
//! rows of `par list`), which can run to thousands of rows on a large plan.
//!
//! Drawn for a pipe or a file (no colour, no width to fit), a [`Grid`] writes the same
//! bytes as comfy-table's `UTF8_FULL_CONDENSED` table that [`Style::table`] makes, at a
//! small fraction of its cost per cell. With colour or a terminal width to fit, it hands
//! the same cells to comfy-table, which does the styling and the wrapping.

use comfy_table::{Attribute, Cell, CellAlignment, Color};
use unicode_width::UnicodeWidthStr;

use super::{Style, table_text};
use crate::compute::Status;

mod fit;
pub use fit::{Col, fit};

/// How a cell is drawn on a terminal with colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Plain,
    /// The colour of a status, as [`Style::status_cell`] gives it.
    Status(Status),
    /// Red and bold, as [`Style::num`] draws a count that needs attention.
    Alarm,
}

impl From<Option<Status>> for Paint {
    fn from(status: Option<Status>) -> Paint {
        status.map_or(Paint::Plain, Paint::Status)
    }
}

pub struct Grid {
    headers: Vec<String>,
    /// Columns whose cells (not the header) are right-aligned.
    right: Vec<bool>,
    /// What each column holds, for fitting the table to a terminal's width.
    kinds: Vec<Col>,
    /// The text of every row's cells, one after the other, in one buffer.
    text: String,
    /// Each cell: where its text ends in `text`, and the status whose colour it takes
    /// on a terminal.
    cells: Vec<(usize, Paint)>,
}

impl Grid {
    pub fn new(headers: &[&str]) -> Grid {
        Grid {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            right: vec![false; headers.len()],
            kinds: vec![Col::Fixed; headers.len()],
            text: String::new(),
            cells: Vec::new(),
        }
    }

    /// Right-aligns the cells of column `index` (from 0).
    pub fn align_right(mut self, index: usize) -> Grid {
        self.right[index] = true;
        self
    }

    /// Lets column `index` wrap at word boundaries on a narrow terminal, taking `weight`
    /// shares of the room left (other columns keep their cells whole).
    pub fn flex(mut self, index: usize, weight: u16) -> Grid {
        self.kinds[index] = Col::Flex(weight);
        self
    }

    /// Adds a row: one cell per header, each its text and the status whose colour it
    /// takes on a terminal.
    pub fn row<'a, P: Into<Paint>>(&mut self, cells: impl IntoIterator<Item = (&'a str, P)>) {
        let before = self.cells.len();
        for (text, paint) in cells {
            self.text.push_str(text);
            self.cells.push((self.text.len(), paint.into()));
        }
        debug_assert_eq!(self.cells.len() - before, self.headers.len(), "one cell per column");
    }

    /// The cells in order: text and status.
    fn cells(&self) -> impl Iterator<Item = (&str, Paint)> {
        let starts = std::iter::once(0).chain(self.cells.iter().map(|&(end, _)| end));
        starts.zip(&self.cells).map(|(start, &(end, status))| (&self.text[start..end], status))
    }

    /// The table's text with a final newline, as [`table_text`] gives it.
    pub fn text(&self, style: &Style) -> String {
        let plain = !style.color && style.width.is_none();
        let one_line = !self.text.contains('\n') && self.headers.iter().all(|h| !h.contains('\n'));
        if plain && one_line && !self.cells.is_empty() { self.plain() } else { self.comfy(style) }
    }

    fn comfy(&self, style: &Style) -> String {
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        let mut t = style.table(&headers);
        if !self.headers.is_empty() {
            let cells: Vec<(&str, Paint)> = self.cells().collect();
            for row in cells.chunks(self.headers.len()) {
                t.add_row(row.iter().zip(&self.right).map(|(&(text, paint), &right)| {
                    let cell = match paint {
                        Paint::Plain => Cell::new(text),
                        Paint::Status(st) => style.status_cell(st, text),
                        Paint::Alarm if style.color => Cell::new(text).fg(Color::Red).add_attribute(Attribute::Bold),
                        Paint::Alarm => Cell::new(text),
                    };
                    if right { cell.set_alignment(CellAlignment::Right) } else { cell }
                }));
            }
        }
        style.fit(&mut t, &self.kinds);
        table_text(&t)
    }

    /// comfy-table's drawing, for one-line cells without styling: one space of padding
    /// either side, columns as wide as their widest cell (at least 1).
    fn plain(&self) -> String {
        let n = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| display_width(h).max(1)).collect();
        let cells: Vec<(&str, usize)> = self
            .cells()
            .enumerate()
            .map(|(i, (text, _))| {
                let w = display_width(text).min(u16::MAX as usize);
                widths[i % n] = widths[i % n].max(w);
                (text, w)
            })
            .collect();
        // Bytes: cells with their padding, then the borders (3 bytes each) and line break.
        let text_len = self.text.len();
        let pad_len = (widths.iter().sum::<usize>() + 2 * n) * (self.cells.len() / n + 4);
        let mut out = String::with_capacity(text_len + pad_len + (self.cells.len() / n + 4) * (3 * n + 4));
        rule(&mut out, &widths, '┌', '─', '┬', '┐');
        let header_widths: Vec<usize> = self.headers.iter().map(|h| display_width(h)).collect();
        line(&mut out, &widths, self.headers.iter().zip(&header_widths).map(|(h, &w)| (h.as_str(), w, false)));
        rule(&mut out, &widths, '╞', '═', '╪', '╡');
        for row in cells.chunks(n) {
            line(&mut out, &widths, row.iter().zip(&self.right).map(|(&(t, w), &r)| (t, w, r)));
        }
        rule(&mut out, &widths, '└', '─', '┴', '┘');
        out
    }
}

/// The width comfy-table gives a line (unicode-width's), counted directly when every
/// character is one of those of Vietnamese and English text, all one column wide.
fn display_width(text: &str) -> usize {
    let mut n = 0;
    for c in text.chars() {
        if !one_column(c) {
            return text.width();
        }
        n += 1;
    }
    n
}

fn one_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}' | '–' | '…')
}

fn rule(out: &mut String, widths: &[usize], left: char, fill: char, cross: char, right: char) {
    out.push(left);
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            out.push(cross);
        }
        for _ in 0..w + 2 {
            out.push(fill);
        }
    }
    out.push(right);
    out.push('\n');
}

fn line<'a>(out: &mut String, widths: &[usize], cells: impl Iterator<Item = (&'a str, usize, bool)>) {
    out.push('│');
    for (i, ((text, w, right), &width)) in cells.zip(widths).enumerate() {
        if i > 0 {
            out.push('┆');
        }
        out.push(' ');
        let pad = width - w;
        if right {
            spaces(out, pad);
            out.push_str(text);
        } else {
            out.push_str(text);
            spaces(out, pad);
        }
        out.push(' ');
    }
    out.push('│');
    out.push('\n');
}

fn spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        left -= k;
    }
}

#[cfg(test)]
mod tests;
