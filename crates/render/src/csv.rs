//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Vietnamese
//! correctly), CRLF line ends and RFC 4180 quoting. Plan text is defused against
//! formula injection and cleared of terminal control characters.

use std::borrow::Cow;

use chrono::NaiveDate;

/// One cell.
pub enum Cell<'a> {
    /// Text from the plan: defused and quoted as needed.
    Text(&'a str),
    Int(i64),
    /// A percentage or other figure; empty when absent.
    Num(Option<f64>),
    /// ISO `2025-05-30`: every spreadsheet reads it as a date, whatever its locale.
    Date(Option<NaiveDate>),
    Empty,
}

impl<'a> Cell<'a> {
    pub fn opt(text: Option<&'a str>) -> Cell<'a> {
        text.map_or(Cell::Empty, Cell::Text)
    }
}

/// Whether a spreadsheet would take this text for a formula: it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Text a spreadsheet will never evaluate: a leading `'` before anything that
/// looks like a formula (OWASP's advice for CSV), and control characters made
/// visible as in the terminal output.
pub fn defuse(text: &str) -> Cow<'_, str> {
    let cleaned = crate::text::clean_lines(text);
    if looks_like_formula(&cleaned) { Cow::Owned(format!("'{cleaned}")) } else { cleaned }
}

pub struct Csv {
    out: String,
}

impl Default for Csv {
    fn default() -> Self {
        Csv::new()
    }
}

impl Csv {
    pub fn new() -> Csv {
        Csv { out: String::from("\u{feff}") }
    }

    pub fn header(&mut self, names: &[&str]) {
        self.row(names.iter().map(|n| Cell::Text(n)));
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Text(s) => quote(&mut self.out, &defuse(s)),
                Cell::Int(n) => self.out.push_str(&n.to_string()),
                Cell::Num(Some(x)) => self.out.push_str(&x.to_string()),
                Cell::Date(Some(d)) => self.out.push_str(&d.format("%Y-%m-%d").to_string()),
                Cell::Num(None) | Cell::Date(None) | Cell::Empty => {}
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

fn quote(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses() {
        let mut c = Csv::new();
        c.header(&["a", "b"]);
        c.row([Cell::Text("=1+1"), Cell::Text("x, \"y\"\nz")]);
        c.row([Cell::Int(-3), Cell::Date(None)]);
        assert_eq!(c.finish(), "\u{feff}a,b\r\n'=1+1,\"x, \"\"y\"\"\nz\"\r\n-3,\r\n");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("Ý kiến"), "Ý kiến");
        assert_eq!(defuse("a\u{1b}[2J"), "a\\u{1b}[2J");
    }
}
