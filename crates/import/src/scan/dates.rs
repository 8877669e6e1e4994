//! Dates and times as documents write them: "ngày 15 tháng 01 năm 2025", "30/5/2025",
//! "tháng 6", "quý III/2025".

use std::ops::Range;

use chrono::NaiveDate;

use super::Folded;
use super::labels::roman_value;

/// A date as a document writes it; the year may be missing ("trước ngày 30/5").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateText {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
}

impl DateText {
    pub fn resolve(self, default_year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(default_year), self.month, self.day)
    }
}

/// What a time expression in a task says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A day: "ngày 30 tháng 5 năm 2025", "30/5/2025", "ngày 30/5".
    Day(DateText),
    /// A month: "tháng 6/2025", "tháng 6 năm 2025", "trong tháng 6".
    Month { month: u32, year: Option<i32> },
    /// A quarter: "quý III", "quý 3/2025".
    Quarter { quarter: u32, year: Option<i32> },
    /// A day of the month without month ("trước ngày 20 hằng tháng").
    DayOfMonth(u32),
    /// A year alone: "năm 2025".
    Year(i32),
}

/// A time expression found in a text, with its character range.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub when: When,
    pub span: (usize, usize),
}

/// Reads a date at `i` ("ngày " optional before): long or numeric form.
pub fn date_at(folded: &Folded, i: usize) -> Option<(DateText, usize)> {
    let mut k = i;
    if folded.word_at(k, "ngay") {
        k = folded.skip_ws(k + 4);
    }
    let (day, j) = folded.digits(k, 2)?;
    // Numeric: 30/5/2025, 30-05-2025, 30.5.2025, 30/5
    if let Some(&sep) = folded.fold.get(j)
        && matches!(sep, '/' | '-' | '.')
        && let Some((month, j2)) = folded.digits(j + 1, 2)
    {
        let (year, end) = match (folded.fold.get(j2), folded.digits(j2 + 1, 4)) {
            (Some(&s2), Some((y, j3))) if s2 == sep && j3 - (j2 + 1) == 4 => (Some(y as i32), j3),
            _ => (None, j2),
        };
        // A bare "30.5" is too often a number; require a year or a leading "ngày".
        if year.is_none() && (sep == '.' || !folded.word_at(i, "ngay")) {
            return None;
        }
        if !folded.boundary_after(end) {
            return None;
        }
        let d = DateText { day, month, year };
        return valid(d).then_some((d, end));
    }
    // Long: "ngày 15 tháng 01 năm 2025" (the "ngày" is required here).
    if !folded.word_at(i, "ngay") {
        return None;
    }
    let k = folded.skip_ws(j);
    if !folded.word_at(k, "thang") {
        return None;
    }
    let (month, j) = folded.digits(folded.skip_ws(k + 5), 2)?;
    let k = folded.skip_ws(j);
    let (year, end) = if folded.word_at(k, "nam") {
        match folded.digits(folded.skip_ws(k + 3), 4) {
            Some((y, e)) => (Some(y as i32), e),
            None => (None, j),
        }
    } else if folded.fold.get(j) == Some(&'/') {
        match folded.digits(j + 1, 4) {
            Some((y, e)) if e - j - 1 == 4 => (Some(y as i32), e),
            _ => (None, j),
        }
    } else {
        (None, j)
    };
    let d = DateText { day, month, year };
    valid(d).then_some((d, end))
}

fn valid(date: DateText) -> bool {
    (1..=12).contains(&date.month)
        && (1..=31).contains(&date.day)
        && NaiveDate::from_ymd_opt(date.year.unwrap_or(2024), date.month, date.day).is_some()
        && date.year.is_none_or(|y| (1900..=2200).contains(&y))
}

/// Reads "tháng 6/2025", "tháng 6 năm 2025", "tháng 6" at `i`.
fn month_at(folded: &Folded, i: usize) -> Option<(When, usize)> {
    if !folded.word_at(i, "thang") {
        return None;
    }
    let (month, j) = folded.digits(folded.skip_ws(i + 5), 2)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let (year, end) = year_after(folded, j)?;
    if !folded.boundary_after(end) {
        return None;
    }
    Some((When::Month { month, year }, end))
}

/// Reads "quý III", "quý 3", "quý III/2025", "quý III năm 2025" at `i`.
fn quarter_at(folded: &Folded, i: usize) -> Option<(When, usize)> {
    if !folded.word_at(i, "quy") {
        return None;
    }
    let k = folded.skip_ws(i + 3);
    let mut j = k;
    while j < folded.len() && matches!(folded.orig[j], 'I' | 'V') {
        j += 1;
    }
    let quarter = if j > k {
        let r: String = folded.orig[k..j].iter().collect();
        roman_value(&r).filter(|q| (1..=4).contains(q))?
    } else {
        let (q, e) = folded.digits(k, 1)?;
        j = e;
        q
    };
    if !(1..=4).contains(&quarter) || !(folded.boundary_after(j) || folded.fold.get(j) == Some(&'/')) {
        return None;
    }
    let (year, end) = year_after(folded, j)?;
    Some((When::Quarter { quarter, year }, end))
}

/// "/2025" or " năm 2025" after index `j`: `Some((None, j))` when no year follows,
/// `None` when one does but a plan cannot hold it (outside 1900–2200): such a time is
/// not read at all, as dates in those years are not (see `valid`).
fn year_after(folded: &Folded, j: usize) -> Option<(Option<i32>, usize)> {
    let year = |y: u32, e: usize| (1900..=2200).contains(&y).then_some((Some(y as i32), e));
    if folded.fold.get(j) == Some(&'/')
        && let Some((y, e)) = folded.digits(j + 1, 4)
        && e - j - 1 == 4
    {
        return year(y, e);
    }
    let k = folded.skip_ws(j);
    if folded.word_at(k, "nam")
        && let Some((y, e)) = folded.digits(folded.skip_ws(k + 3), 4)
        && e - folded.skip_ws(k + 3) == 4
    {
        return year(y, e);
    }
    Some((None, j))
}

/// Whether a word (folded) is one a time expression can begin with: "ngay", "nam", "thang", "quy".
fn is_time_word(word: &[char]) -> bool {
    let is = |w: &str| word.len() == w.len() && word.iter().zip(w.bytes()).all(|(&c, b)| c == b as char);
    is("ngay") || is("nam") || is("thang") || is("quy")
}

/// The time expression at `i` (where a word starts), each reader tried in turn, and where it ends.
fn time_at(folded: &Folded, i: usize) -> Option<(When, usize)> {
    if let Some((d, end)) = date_at(folded, i) {
        return Some((When::Day(d), end));
    }
    if folded.word_at(i, "ngay")
        && let Some((day, end)) = folded.digits(folded.skip_ws(i + 4), 2)
        && (1..=31).contains(&day)
        && folded.boundary_after(end)
        // "ngày 25/…" is a date; "ngày 25." ends a sentence ("hằng tháng, trước ngày 25.").
        && !matches!(folded.fold.get(end), Some('/' | '-'))
        && !(folded.fold.get(end) == Some(&'.') && folded.fold.get(end + 1).is_some_and(char::is_ascii_digit))
        && !folded.word_at(folded.skip_ws(end), "thang")
    {
        return Some((When::DayOfMonth(day), end));
    }
    if folded.word_at(i, "nam") {
        let k = folded.skip_ws(i + 3);
        if let Some((y, end)) = folded.digits(k, 4)
            && end - k == 4
            && (1900..=2200).contains(&y)
            && folded.boundary_after(end)
        {
            return Some((When::Year(y as i32), end));
        }
    }
    month_at(folded, i).or_else(|| quarter_at(folded, i))
}

/// Every time expression in the text, left to right, outside the `skip` ranges.
pub fn find_times(folded: &Folded, skip: &[Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    // Only where a word starts can an expression start: from one word's start to the next.
    let mut i = folded.next_word_start(0);
    while i < folded.len() {
        if skip.iter().any(|r| r.contains(&i)) {
            i = folded.next_word_start(i + 1);
            continue;
        }
        // Every time expression begins with a digit or the word "ngày", "năm", "tháng" or
        // "quý" (each reader asks for that whole word first): any other word is passed over
        // without trying each reader.
        if !folded.fold[i].is_ascii_digit() {
            let end = folded.word_end(i);
            if !matches!(folded.fold[i], 'n' | 't' | 'q') || !is_time_word(&folded.fold[i..end]) {
                i = folded.next_word_start(end);
                continue;
            }
        }
        if let Some((when, end)) = time_at(folded, i) {
            out.push(Found { when, span: (i, end) });
            i = folded.next_word_start(end);
            continue;
        }
        i = folded.next_word_start(folded.word_end(i).max(i + 1));
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// [`find_times`]'s walk as it was before it went from word start to word start: every
    /// character tried, the readers asked at every word that begins with a digit, n, t or q.
    fn find_times_char_by_char(folded: &Folded, skip: &[Range<usize>]) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            if skip.iter().any(|r| r.contains(&i))
                || !folded.boundary_before(i)
                || !super::super::is_word(folded.fold[i])
            {
                i += 1;
                continue;
            }
            if !matches!(folded.fold[i], '0'..='9' | 'n' | 't' | 'q') {
                i = folded.word_end(i).max(i + 1);
                continue;
            }
            if let Some((when, end)) = time_at(folded, i) {
                out.push(Found { when, span: (i, end) });
                i = end;
                continue;
            }
            i = folded.word_end(i).max(i + 1);
        }
        out
    }

    /// Lines of the plans under tests/fixtures, and wordings at the edges of each reader.
    pub(in crate::scan) fn texts() -> Vec<String> {
        let docs = [
            include_str!("../../../../tests/fixtures/import/ke-hoach-par-index-2025.md"),
            include_str!("../../../../tests/fixtures/import/phuong-ben-nghe.md"),
            include_str!("../../../../tests/fixtures/import/phong-vh-tt-phu-luc.md"),
            include_str!("../../../../tests/fixtures/import/truong-thcs-le-quy-don.txt"),
        ];
        let mut texts: Vec<String> = docs.iter().flat_map(|d| d.lines()).map(str::to_string).collect();
        texts.extend(
            [
                "",
                " ",
                "ngày",
                "ngày 5",
                "ngày 25.",
                "trước ngày 25. Sau đó",
                "ngày 15 tháng 01 năm 2025; ngày 30/5/2025, 30-05-2025 và 30.5.2025",
                "ngày30/5/2025 x30/5/2025 30/5/2025x 1/1/1899 31/2/2025",
                "Tháng 9 và tháng 12/2025, tháng 6 năm 2025, tháng 13",
                "quý III/2025, quý 3, quý IIII, Quý IV năm 2026, quýt, quy định",
                "năm 2025, năm 20255, nămm 2025, năm học 2025-2026",
                "NGÀY 01 THÁNG 02 NĂM 2025 — ngày 20 hằng tháng",
                "thang thang thang 5 nam nam 2025 quy quy 2 ngay ngay 3",
                "tnq 1 ngayx 2 thangx 3 quyx 4 namx 2025 ٣/٤/٢٠٢٥",
                "Kế hoạch số 16/KH-UBND ngày 15/01/2025 của UBND quận; hoàn thành trước ngày 30/6/2025.",
            ]
            .map(str::to_string),
        );
        texts
    }

    #[test]
    fn walking_from_word_to_word_finds_what_every_character_finds() {
        for text in texts() {
            let f = Folded::new(&text);
            let n = f.len();
            // No range skipped; the first half; two short ranges.
            let skips: [Vec<Range<usize>>; 3] =
                [Vec::new(), std::iter::once(0..n / 2).collect(), vec![n / 3..n / 3 + 7, n.saturating_sub(5)..n]];
            for skip in &skips {
                let (new, old) = (find_times(&f, skip), find_times_char_by_char(&f, skip));
                let spans = |v: &[Found]| v.iter().map(|x| (x.span, x.when)).collect::<Vec<_>>();
                assert_eq!(spans(&new), spans(&old), "{text:?} {skip:?}");
            }
        }
    }
}
