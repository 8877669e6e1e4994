//! Column widths for a table drawn on a terminal of known width.
//!
//! comfy-table's own dynamic arrangement shares the room out evenly, so on an
//! 80-column terminal it split figures, dates and progress bars across lines while
//! titles kept room they did not need. Here every column says what it holds: a
//! [`Col::Fixed`] column (a figure, a date, an id, a bar) keeps its cells whole and
//! only its heading wraps; a [`Col::Flex`] column (a title, a name, a list) wraps at
//! word boundaries and takes the room left, in proportion to its weight. The widths
//! found are given to comfy-table as absolute constraints, so a table never draws
//! wider than the terminal (down to one column a cell on an absurdly narrow one).
//! Widths are display widths (unicode-width), so Vietnamese diacritics count once.

use comfy_table::{ColumnConstraint, Table, Width};
use unicode_width::UnicodeWidthStr;

/// What a column holds, for sharing out the width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Cells kept whole (figures, dates, ids, bars); the heading may wrap at words.
    Fixed,
    /// Cells wrapped at word boundaries; the number is its share of the room left.
    Flex(u16),
}

/// A flexible column gets at least this many columns (or its natural width), and up
/// to [`COMFORT`] before headings of fixed columns are widened.
const MIN_FLEX: usize = 8;
const COMFORT: usize = 30;

/// Fits `table` to `width` terminal columns: each column's width, borders and padding
/// included, set as an absolute constraint. `cols` names each column's kind (missing
/// ones are flexible). Nothing is done when the table already fits.
pub fn fit(table: &mut Table, cols: &[Col], width: u16) {
    let n = table.column_count();
    if n == 0 {
        return;
    }
    let mut m = vec![Measure::default(); n];
    if let Some(header) = table.header() {
        for (i, cell) in header.cell_iter().enumerate().take(n) {
            let text = cell.content();
            m[i].head = widest_line(&text);
            m[i].head_word = two_lines(&text);
            m[i].head_min = widest_word(&text);
        }
    }
    for row in table.row_iter() {
        for (i, cell) in row.cell_iter().enumerate().take(n) {
            let text = cell.content();
            m[i].cell = m[i].cell.max(widest_line(&text));
        }
    }
    let kinds: Vec<Col> = (0..n).map(|i| cols.get(i).copied().unwrap_or(Col::Flex(1))).collect();
    let Some(widths) = widths(&m, &kinds, width as usize) else { return };
    for (i, w) in widths.into_iter().enumerate() {
        if let Some(c) = table.column_mut(i) {
            // comfy-table's absolute width counts the padding (one space either side).
            c.set_constraint(ColumnConstraint::Absolute(Width::Fixed((w + 2).min(u16::MAX as usize) as u16)));
        }
    }
}

/// What one column needs: its widest cell line, its heading's widest line, the least
/// width at which its heading takes at most two lines, and its heading's widest word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measure {
    pub cell: usize,
    pub head: usize,
    pub head_word: usize,
    pub head_min: usize,
}

impl Measure {
    fn natural(&self) -> usize {
        self.cell.max(self.head).max(1)
    }
}

/// The content width of each column so that the table is at most `width` columns
/// wide, or None when it fits as it is.
pub fn widths(m: &[Measure], kinds: &[Col], width: usize) -> Option<Vec<usize>> {
    let n = m.len();
    // Borders: one left, one right, one between columns; one space of padding each side.
    let room = width.saturating_sub(3 * n + 1);
    let natural: Vec<usize> = m.iter().map(Measure::natural).collect();
    if natural.iter().sum::<usize>() <= room {
        return None;
    }
    // First what each column cannot do without: whole figures (and the heading on at
    // most two lines); a little room for each wrapped column.
    let first: Vec<usize> = (0..n)
        .map(|i| match kinds[i] {
            Col::Fixed => m[i].cell.max(m[i].head_word).max(1),
            Col::Flex(_) => natural[i].min(MIN_FLEX.max(m[i].head_word)),
        })
        .collect();
    let total = |w: &[usize]| w.iter().sum::<usize>();
    // Too narrow even for that: headings wrap at every word, wrapped columns narrow to
    // a few columns, then anything goes (a word, a figure split) down to one column.
    let floors: [&dyn Fn(usize) -> usize; 3] = [
        &|i| match kinds[i] {
            Col::Fixed => m[i].cell.max(m[i].head_min).max(1),
            Col::Flex(_) => first[i],
        },
        &|i| match kinds[i] {
            Col::Fixed => m[i].cell.max(m[i].head_min).max(1),
            Col::Flex(_) => natural[i].min(4),
        },
        &|_| 1,
    ];
    let mut w = first.clone();
    for floor in floors {
        while total(&w) > room {
            let widest = (0..n).filter(|&i| w[i] > floor(i)).max_by_key(|&i| (w[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => w[i] -= 1,
                None => break,
            }
        }
    }
    // Then room for the wrapped columns up to a comfortable width, headings of fixed
    // columns on one line, and the wrapped columns up to their natural width.
    grow_flex(&mut w, &natural, kinds, room, COMFORT);
    let mut left = room.saturating_sub(total(&w));
    let mut heads: Vec<usize> = (0..n).filter(|&i| kinds[i] == Col::Fixed && natural[i] > w[i]).collect();
    heads.sort_by_key(|&i| natural[i] - w[i]);
    for i in heads {
        let need = natural[i] - w[i];
        if need <= left {
            w[i] += need;
            left -= need;
        }
    }
    grow_flex(&mut w, &natural, kinds, room, usize::MAX);
    Some(w)
}

/// Gives the room left to the wrapped columns, one column at a time to the one that
/// has least for its weight, each up to `cap` or its natural width.
fn grow_flex(w: &mut [usize], natural: &[usize], kinds: &[Col], room: usize, cap: usize) {
    let mut left = room.saturating_sub(w.iter().sum::<usize>());
    while left > 0 {
        let next = (0..w.len())
            .filter_map(|i| match kinds[i] {
                Col::Flex(weight) if w[i] < natural[i].min(cap) => Some((i, weight.max(1) as usize)),
                _ => None,
            })
            .min_by_key(|&(i, weight)| (w[i] * 1000 / weight, i));
        let Some((i, _)) = next else { break };
        w[i] += 1;
        left -= 1;
    }
}

fn widest_line(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

fn widest_word(text: &str) -> usize {
    text.split_whitespace().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The least width at which a heading wraps (at words) to at most two lines; a heading
/// broken by hand keeps its lines.
fn two_lines(text: &str) -> usize {
    if text.contains('\n') {
        return widest_line(text);
    }
    let words: Vec<usize> = text.split_whitespace().map(UnicodeWidthStr::width).collect();
    // The best break: the wider of the two halves is as narrow as can be.
    let line = |ws: &[usize]| if ws.is_empty() { 0 } else { ws.iter().sum::<usize>() + ws.len() - 1 };
    (0..=words.len()).map(|k| line(&words[..k]).max(line(&words[k..]))).min().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(cell: usize, head: &str) -> Measure {
        Measure { cell, head: widest_line(head), head_word: two_lines(head), head_min: widest_word(head) }
    }

    #[test]
    fn headings_break_into_two_balanced_lines() {
        assert_eq!(two_lines("Xong đúng hạn"), 8); // "Xong" / "đúng hạn"
        assert_eq!(two_lines("Số ngày trễ"), 7); // "Số ngày" / "trễ"
        assert_eq!(two_lines("Việc xong/tổng"), 9);
        assert_eq!(two_lines("Tổng"), 4);
        assert_eq!(two_lines("Còn\n(ngày)"), 6);
    }

    #[test]
    fn a_table_that_fits_is_left_alone() {
        assert_eq!(widths(&[m(5, "Mã"), m(20, "Nội dung")], &[Col::Fixed, Col::Flex(1)], 80), None);
    }

    #[test]
    fn figures_stay_whole_and_titles_take_the_rest() {
        // 3 columns: 10 of borders; 70 of room at 80 columns.
        let cols = [Col::Fixed, Col::Flex(1), Col::Fixed];
        let w = widths(&[m(9, "Mã"), m(120, "Nội dung"), m(2, "Số ngày trễ")], &cols, 80).unwrap();
        // The heading "Số ngày trễ" (11) fits on one line; the title gets the other 50.
        assert_eq!(w, [9, 50, 11]);
        assert_eq!(w.iter().sum::<usize>() + 10, 80);
    }

    #[test]
    fn headings_wrap_before_titles_go_below_a_comfortable_width() {
        let cols = [Col::Fixed, Col::Flex(1), Col::Fixed];
        // 40 columns: 30 of room; the figure 2 wide, the heading on two lines 7
        // ("Số ngày" / "trễ"); the title gets the other 14.
        let w = widths(&[m(9, "Mã"), m(120, "Nội dung"), m(2, "Số ngày trễ")], &cols, 40).unwrap();
        assert_eq!(w, [9, 14, 7]);
    }

    #[test]
    fn a_narrow_terminal_wraps_headings_before_names_go() {
        // 60 columns, status by section: 7 columns, 22 of borders, 38 of room.
        let cols = [Col::Flex(1), Col::Fixed, Col::Fixed, Col::Fixed, Col::Fixed, Col::Fixed, Col::Fixed];
        let m = [
            m(27, "Phần"),
            m(2, "Tổng"),
            m(1, "Xong đúng hạn"),
            m(1, "Xong trễ hạn"),
            m(1, "Đang làm"),
            m(1, "Quá hạn"),
            m(12, "Tiến độ"),
        ];
        let w = widths(&m, &cols, 60).unwrap();
        assert_eq!(w.iter().sum::<usize>(), 38);
        // Headings at one word a line, the bar whole, the name the rest.
        assert_eq!(w, [7, 4, 4, 4, 4, 3, 12]);
    }

    #[test]
    fn weights_share_the_room() {
        let cols = [Col::Flex(2), Col::Flex(1)];
        // 2 columns: 7 of borders; 33 of room.
        let w = widths(&[m(100, "a"), m(100, "b")], &cols, 40).unwrap();
        assert_eq!(w, [22, 11]);
    }

    #[test]
    fn never_wider_than_the_terminal() {
        let cols = [Col::Fixed; 6];
        for width in 20..60 {
            let w = widths(&[m(10, "x"); 6], &cols, width).unwrap();
            assert!(w.iter().sum::<usize>() + 19 <= width.max(19 + 6), "{width}: {w:?}");
        }
    }
}
