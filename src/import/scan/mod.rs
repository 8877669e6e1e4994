//! Low-level reading of Vietnamese administrative wording: item labels ("II.",
//! "1.", "a)", "-"), dates ("ngày 15 tháng 01 năm 2025", "30/5/2025", "quý III"),
//! and cited documents ("Kế hoạch số 16/KH-UBND ngày … của … về …").
//!
//! Matching works on a [`Folded`] copy of the text: one folded character (lower
//! case, no diacritics, `đ` → `d`) per original character, so a match found in the
//! folded text slices the original by the same indexes.

use std::ops::Range;

use chrono::NaiveDate;
/// A text and, index for index, its folded characters.
pub struct Folded {
    pub orig: Vec<char>,
    pub fold: Vec<char>,
    /// The folded characters as a string, to rule out absent words quickly.
    pub flat: String,
}

/// Folds one character: ASCII lower case, Vietnamese letters to their base letter.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Latin letters with diacritics (Vietnamese included) and the spaces: from a table
    // built once, instead of decomposing each character of every text again.
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    if (c as u32) < TABLE_END {
        let table =
            TABLE.get_or_init(|| (0..TABLE_END).map(|u| char::from_u32(u).map_or('\0', fold_char_slow)).collect());
        return table[c as usize];
    }
    fold_char_slow(c)
}

fn fold_char_slow(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' => 'd',
        '\u{00a0}' | '\u{2007}' | '\u{202f}' => ' ',
        _ => {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            let base = base.unwrap_or(c);
            base.to_lowercase().next().unwrap_or(base)
        }
    }
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        // Sized once: collecting from `chars()` would grow the vectors step by step.
        let mut orig: Vec<char> = Vec::with_capacity(s.len());
        orig.extend(s.chars());
        // Folded characters and their string in one pass over the text.
        let mut fold: Vec<char> = Vec::with_capacity(orig.len());
        let mut flat = String::with_capacity(s.len() + 8);
        for &c in &orig {
            let f = fold_char(c);
            fold.push(f);
            flat.push(f);
        }
        Folded { orig, fold, flat }
    }

    pub fn len(&self) -> usize {
        self.orig.len()
    }

    pub fn is_empty(&self) -> bool {
        self.orig.is_empty()
    }

    /// The original text of a range of character indexes, trimmed.
    pub fn text(&self, r: Range<usize>) -> String {
        let end = r.end.min(self.len());
        let r = r.start.min(end)..end;
        self.orig[r].iter().collect::<String>().trim().to_string()
    }

    /// Whether the folded text has `pat` (folded ASCII) at `i`.
    pub fn at(&self, i: usize, pat: &str) -> bool {
        // Patterns are folded, hence ASCII: compare bytes to characters directly.
        debug_assert!(pat.is_ascii());
        let p = pat.as_bytes();
        self.fold.get(i..i + p.len()).is_some_and(|s| s.iter().zip(p).all(|(&c, &b)| c == b as char))
    }

    /// Whether the original text has the word `w` (lower case, with its diacritics) at `i`.
    pub fn exact(&self, i: usize, w: &str) -> bool {
        let mut j = i;
        for p in w.chars() {
            match self.orig.get(j) {
                Some(&c) if c == p || c.to_lowercase().next() == Some(p) => j += 1,
                _ => return false,
            }
        }
        self.boundary_before(i) && self.boundary_after(j)
    }

    /// Whether `pat` is at `i` as whole words.
    #[inline]
    pub fn word_at(&self, i: usize, pat: &str) -> bool {
        self.at(i, pat) && self.boundary_before(i) && self.boundary_after(i + pat.len())
    }

    pub fn boundary_before(&self, i: usize) -> bool {
        i == 0 || !is_word(self.fold[i - 1])
    }

    pub fn boundary_after(&self, i: usize) -> bool {
        i >= self.len() || !is_word(self.fold[i])
    }

    /// First index ≥ `from` where `pat` occurs as whole words.
    pub fn find_word(&self, pat: &str, from: usize) -> Option<usize> {
        if !self.flat.contains(pat) {
            return None;
        }
        let first = pat.chars().next()?;
        (from..self.len()).find(|&i| self.fold[i] == first && self.word_at(i, pat))
    }

    /// Last index < `before` where `pat` occurs as whole words.
    pub fn rfind_word(&self, pat: &str, before: usize) -> Option<usize> {
        if !self.flat.contains(pat) {
            return None;
        }
        let first = pat.chars().next()?;
        (0..before.min(self.len())).rev().find(|&i| self.fold[i] == first && self.word_at(i, pat))
    }

    /// Skips spaces from `i`.
    pub fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.len() && self.fold[i].is_whitespace() {
            i += 1;
        }
        i
    }

    /// Index after the run of ASCII digits starting at `i`, if any (at most `max` digits).
    fn digits(&self, i: usize, max: usize) -> Option<(u32, usize)> {
        let mut j = i;
        while j < self.len() && self.fold[j].is_ascii_digit() {
            j += 1;
        }
        if j == i || j - i > max {
            return None;
        }
        let n: String = self.fold[i..j].iter().collect();
        Some((n.parse().ok()?, j))
    }

    /// Start indexes of words.
    pub fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| is_word(self.fold[i]) && self.boundary_before(i))
    }

    /// End of the word starting at `i`.
    pub fn word_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.len() && is_word(self.fold[j]) {
            j += 1;
        }
        j
    }
}

pub fn is_word(c: char) -> bool {
    is_alnum(c)
}

/// `char::is_alphanumeric`, with Vietnamese letters looked up in a table built once instead
/// of the binary search of the Unicode tables.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    if (c as u32) < TABLE_END {
        let table = TABLE
            .get_or_init(|| (0..TABLE_END).map(|u| char::from_u32(u).is_some_and(char::is_alphanumeric)).collect());
        return table[c as usize];
    }
    c.is_alphanumeric()
}

/// Whether a text is written in capitals ("KẾ HOẠCH", "ỦY BAN NHÂN DÂN QUẬN 1").
pub fn is_upper(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

// ---------------------------------------------------------------------------
// Item labels
// ---------------------------------------------------------------------------

/// The kind of mark a paragraph starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// I., II., III. — sections.
    Roman,
    /// 1., 2), (3)
    Arabic,
    /// 1.1., 2.3.1 — the depth (number of parts).
    Decimal(usize),
    /// a), b., đ)
    Letter,
    /// -, +, •: the mark as written ('-' for dashes and dots, '+' for plus).
    Bullet(char),
}

impl LabelKind {
    pub fn is_numbered(&self) -> bool {
        matches!(self, LabelKind::Arabic | LabelKind::Decimal(_) | LabelKind::Letter)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    /// "II", "3", "1.2", "a"; the mark for bullets.
    pub value: String,
    /// Byte offset in the text where the item's own words start.
    pub rest: usize,
}

const LETTERS: &str = "abcdđeghiklmnopqrstuvxyfjwz";

/// Reads the label a paragraph starts with.
pub fn label(text: &str) -> Option<Label> {
    let t = text;
    let chars = label_prefix(t);
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(t.len(), |&(o, _)| o);
    let first = at(0)?;

    // Bullets.
    if matches!(
        first,
        '-' | '–' | '—' | '•' | '+' | '*' | '∙' | '·' | '○' | '●' | '▪' | '◦' | '\u{f0b7}' | '\u{f0a7}' | '\u{f0d8}'
    ) && at(1).is_some_and(char::is_whitespace)
    {
        let mark = if first == '+' { '+' } else { '-' };
        let k = skip_spaces(&chars, 1);
        return Some(Label { kind: LabelKind::Bullet(mark), value: mark.to_string(), rest: offset(k) });
    }

    // "(1)", "(a)"
    if first == '(' {
        let mut k = 1;
        while at(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        let (kind, value) = if k > 1 && k <= 4 {
            (LabelKind::Arabic, chars[1..k].iter().map(|p| p.1).collect::<String>())
        } else if at(1).is_some_and(|c| LETTERS.contains(c)) {
            k = 2;
            (LabelKind::Letter, at(1)?.to_string())
        } else {
            return None;
        };
        if at(k) == Some(')') && at(k + 1).is_some_and(char::is_whitespace) {
            return Some(Label { kind, value, rest: offset(skip_spaces(&chars, k + 1)) });
        }
        return None;
    }

    // "PHẦN I." / "Phần II:"
    let mut start = 0;
    let lower: String = chars.iter().take(5).map(|p| fold_char(p.1)).collect();
    if lower == "phan " {
        start = skip_spaces(&chars, 5);
    }

    // Roman numerals.
    let mut k = start;
    while at(k).is_some_and(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
        k += 1;
    }
    if k > start {
        let value: String = chars[start..k].iter().map(|p| p.1).collect();
        if roman_value(&value).is_some() {
            let j = skip_spaces(&chars, k);
            if let Some(sep) = at(j)
                && matches!(sep, '.' | ')' | '/' | ':' | '-' | '–' | '—')
                && (at(j + 1).is_none() || at(j + 1).is_some_and(char::is_whitespace))
            {
                return Some(Label { kind: LabelKind::Roman, value, rest: offset(skip_spaces(&chars, j + 1)) });
            }
            if start > 0 && (at(k).is_none() || at(k).is_some_and(char::is_whitespace)) {
                return Some(Label { kind: LabelKind::Roman, value, rest: offset(skip_spaces(&chars, k)) });
            }
        }
        return None;
    }
    if start > 0 {
        return None;
    }

    // Arabic and decimal numbers: "1.", "1)", "1/", "1.2.", "1.2".
    if first.is_ascii_digit() {
        let mut parts = Vec::new();
        let mut k = 0;
        loop {
            let s = k;
            while at(k).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
            }
            if k == s || k - s > 3 {
                return None;
            }
            parts.push(chars[s..k].iter().map(|p| p.1).collect::<String>());
            if at(k) == Some('.') && at(k + 1).is_some_and(|c| c.is_ascii_digit()) {
                k += 1;
                continue;
            }
            break;
        }
        let sep = at(k);
        let after = |j: usize| {
            at(j).is_none()
                || at(j).is_some_and(char::is_whitespace)
                // "1.Nghiêm túc": a missing space after the mark, before a capital.
                || (sep == Some('.') && at(j).is_some_and(char::is_uppercase))
        };
        let end = match sep {
            Some('.' | ')' | '/') if after(k + 1) => k + 1,
            // "1.2 Tiêu đề": decimal labels often have no final dot.
            Some(c) if parts.len() > 1 && c.is_whitespace() => k,
            _ => return None,
        };
        // Guard against dates and amounts ("2025. Năm…", "30/5/2025"): at most 3 digits a part.
        let kind = if parts.len() == 1 { LabelKind::Arabic } else { LabelKind::Decimal(parts.len()) };
        return Some(Label { kind, value: parts.join("."), rest: offset(skip_spaces(&chars, end)) });
    }

    // Letters: "a)", "b.", "đ)", "c/".
    if LETTERS.contains(first)
        && let Some(sep) = at(1)
        && matches!(sep, ')' | '.' | '/')
        && at(2).is_some_and(char::is_whitespace)
    {
        return Some(Label { kind: LabelKind::Letter, value: first.to_string(), rest: offset(skip_spaces(&chars, 2)) });
    }
    None
}

/// The start of `t` that [`label`] can look at, as (byte offset, character) pairs: the
/// first 8 characters, then on while the characters are those a label is made of (digits,
/// '.', Roman letters, spaces) or a lone other one (a separator). The rules of `label` scan
/// runs of those characters, step over one separator and look one further; two others in a
/// row end every rule. A long paragraph costs a few characters, not a copy of it.
fn label_prefix(t: &str) -> Vec<(usize, char)> {
    let labelish = |c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | 'I' | 'V' | 'X' | 'L');
    let mut out = Vec::with_capacity(16);
    let mut others = 0;
    for (n, (o, c)) in t.char_indices().enumerate() {
        out.push((o, c));
        if n >= 8 {
            others = if labelish(c) { 0 } else { others + 1 };
            if others >= 2 {
                break;
            }
        }
    }
    out
}

fn skip_spaces(chars: &[(usize, char)], mut k: usize) -> usize {
    while chars.get(k).is_some_and(|p| p.1.is_whitespace()) {
        k += 1;
    }
    k
}

/// The value of a Roman numeral written the standard way (I to XXXIX… L), else `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    const TABLE: [(&str, u32); 9] =
        [("XL", 40), ("L", 50), ("IX", 9), ("X", 10), ("IV", 4), ("V", 5), ("I", 1), ("XC", 90), ("C", 100)];
    let mut rest = s;
    let mut total = 0;
    while !rest.is_empty() {
        let (p, v) = TABLE.iter().find(|(p, _)| rest.starts_with(p))?;
        total += v;
        rest = &rest[p.len()..];
    }
    (to_roman(total) == s && total > 0).then_some(total)
}

pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

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
pub fn date_at(f: &Folded, i: usize) -> Option<(DateText, usize)> {
    let mut k = i;
    if f.word_at(k, "ngay") {
        k = f.skip_ws(k + 4);
    }
    let (day, j) = f.digits(k, 2)?;
    // Numeric: 30/5/2025, 30-05-2025, 30.5.2025, 30/5
    if let Some(&sep) = f.fold.get(j)
        && matches!(sep, '/' | '-' | '.')
        && let Some((month, j2)) = f.digits(j + 1, 2)
    {
        let (year, end) = match (f.fold.get(j2), f.digits(j2 + 1, 4)) {
            (Some(&s2), Some((y, j3))) if s2 == sep && j3 - (j2 + 1) == 4 => (Some(y as i32), j3),
            _ => (None, j2),
        };
        // A bare "30.5" is too often a number; require a year or a leading "ngày".
        if year.is_none() && (sep == '.' || !f.word_at(i, "ngay")) {
            return None;
        }
        if !f.boundary_after(end) {
            return None;
        }
        let d = DateText { day, month, year };
        return valid(d).then_some((d, end));
    }
    // Long: "ngày 15 tháng 01 năm 2025" (the "ngày" is required here).
    if !f.word_at(i, "ngay") {
        return None;
    }
    let k = f.skip_ws(j);
    if !f.word_at(k, "thang") {
        return None;
    }
    let (month, j) = f.digits(f.skip_ws(k + 5), 2)?;
    let k = f.skip_ws(j);
    let (year, end) = if f.word_at(k, "nam") {
        match f.digits(f.skip_ws(k + 3), 4) {
            Some((y, e)) => (Some(y as i32), e),
            None => (None, j),
        }
    } else if f.fold.get(j) == Some(&'/') {
        match f.digits(j + 1, 4) {
            Some((y, e)) if e - j - 1 == 4 => (Some(y as i32), e),
            _ => (None, j),
        }
    } else {
        (None, j)
    };
    let d = DateText { day, month, year };
    valid(d).then_some((d, end))
}

fn valid(d: DateText) -> bool {
    (1..=12).contains(&d.month)
        && (1..=31).contains(&d.day)
        && NaiveDate::from_ymd_opt(d.year.unwrap_or(2024), d.month, d.day).is_some()
        && d.year.is_none_or(|y| (1900..=2200).contains(&y))
}

/// Reads "tháng 6/2025", "tháng 6 năm 2025", "tháng 6" at `i`.
fn month_at(f: &Folded, i: usize) -> Option<(When, usize)> {
    if !f.word_at(i, "thang") {
        return None;
    }
    let (month, j) = f.digits(f.skip_ws(i + 5), 2)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let (year, end) = year_after(f, j)?;
    if !f.boundary_after(end) {
        return None;
    }
    Some((When::Month { month, year }, end))
}

/// Reads "quý III", "quý 3", "quý III/2025", "quý III năm 2025" at `i`.
fn quarter_at(f: &Folded, i: usize) -> Option<(When, usize)> {
    if !f.word_at(i, "quy") {
        return None;
    }
    let k = f.skip_ws(i + 3);
    let mut j = k;
    while j < f.len() && matches!(f.orig[j], 'I' | 'V') {
        j += 1;
    }
    let quarter = if j > k {
        let r: String = f.orig[k..j].iter().collect();
        roman_value(&r).filter(|q| (1..=4).contains(q))?
    } else {
        let (q, e) = f.digits(k, 1)?;
        j = e;
        q
    };
    if !(1..=4).contains(&quarter) || !(f.boundary_after(j) || f.fold.get(j) == Some(&'/')) {
        return None;
    }
    let (year, end) = year_after(f, j)?;
    Some((When::Quarter { quarter, year }, end))
}

/// "/2025" or " năm 2025" after index `j`: `Some((None, j))` when no year follows,
/// `None` when one does but a plan cannot hold it (outside 1900–2200): such a time is
/// not read at all, as dates in those years are not (see `valid`).
fn year_after(f: &Folded, j: usize) -> Option<(Option<i32>, usize)> {
    let year = |y: u32, e: usize| (1900..=2200).contains(&y).then_some((Some(y as i32), e));
    if f.fold.get(j) == Some(&'/')
        && let Some((y, e)) = f.digits(j + 1, 4)
        && e - j - 1 == 4
    {
        return year(y, e);
    }
    let k = f.skip_ws(j);
    if f.word_at(k, "nam")
        && let Some((y, e)) = f.digits(f.skip_ws(k + 3), 4)
        && e - f.skip_ws(k + 3) == 4
    {
        return year(y, e);
    }
    Some((None, j))
}

/// Every time expression in the text, left to right, outside the `skip` ranges.
pub fn find_times(f: &Folded, skip: &[Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < f.len() {
        if skip.iter().any(|r| r.contains(&i)) || !f.boundary_before(i) || !is_word(f.fold[i]) {
            i += 1;
            continue;
        }
        if let Some((d, end)) = date_at(f, i) {
            out.push(Found { when: When::Day(d), span: (i, end) });
            i = end;
            continue;
        }
        if f.word_at(i, "ngay")
            && let Some((day, end)) = f.digits(f.skip_ws(i + 4), 2)
            && (1..=31).contains(&day)
            && f.boundary_after(end)
            && !matches!(f.fold.get(end), Some('/' | '-' | '.'))
            && !f.word_at(f.skip_ws(end), "thang")
        {
            out.push(Found { when: When::DayOfMonth(day), span: (i, end) });
            i = end;
            continue;
        }
        if f.word_at(i, "nam") {
            let k = f.skip_ws(i + 3);
            if let Some((y, end)) = f.digits(k, 4)
                && end - k == 4
                && (1900..=2200).contains(&y)
                && f.boundary_after(end)
            {
                out.push(Found { when: When::Year(y as i32), span: (i, end) });
                i = end;
                continue;
            }
        }
        if let Some((w, end)) = month_at(f, i).or_else(|| quarter_at(f, i)) {
            out.push(Found { when: w, span: (i, end) });
            i = end;
            continue;
        }
        i = f.word_end(i).max(i + 1);
    }
    out
}

// ---------------------------------------------------------------------------
// Cited documents
// ---------------------------------------------------------------------------

/// Kinds of documents, folded, longest first within a prefix, with their written form.
const KINDS: &[(&str, &str)] = &[
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("thong bao ket luan", "Thông báo kết luận"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("nghi quyet", "Nghị quyết"),
    ("nghi dinh", "Nghị định"),
    ("quyet dinh", "Quyết định"),
    ("ke hoach", "Kế hoạch"),
    ("cong van", "Công văn"),
    ("cong dien", "Công điện"),
    ("thong tu", "Thông tư"),
    ("thong bao", "Thông báo"),
    ("ket luan", "Kết luận"),
    ("chi thi", "Chỉ thị"),
    ("huong dan", "Hướng dẫn"),
    ("bao cao", "Báo cáo"),
    ("van ban", "Văn bản"),
    ("to trinh", "Tờ trình"),
    ("phap lenh", "Pháp lệnh"),
    ("bo luat", "Bộ luật"),
    ("luat", "Luật"),
    ("hien phap", "Hiến pháp"),
    ("quy dinh", "Quy định"),
    ("quy che", "Quy chế"),
    ("chuong trinh", "Chương trình"),
    ("de an", "Đề án"),
];

/// Kinds cited by name rather than number ("Luật Tổ chức chính quyền địa phương").
const NAMED_KINDS: &[&str] = &["Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"];

/// Words that start a document's subject after its number, date and issuer.
const SUBJECT_VERBS: &[&str] = &[
    "phe duyet",
    "ban hanh",
    "quy dinh",
    "huong dan",
    "trien khai",
    "thuc hien",
    "sua doi",
    "giao",
    "kien toan",
    "thanh lap",
];

/// A document cited in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub kind: String,
    pub number: Option<String>,
    pub date: Option<DateText>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
    /// Character range in the text.
    pub span: Range<usize>,
}

fn kind_at(f: &Folded, i: usize) -> Option<(&'static str, usize)> {
    // Most words start with no kind's first letter: rule them out in one look.
    let c = *f.fold.get(i)?;
    if !c.is_ascii() || !KINDS.iter().any(|(k, _)| k.as_bytes()[0] == c as u8) {
        return None;
    }
    KINDS.iter().find(|(k, _)| f.word_at(i, k)).map(|(k, name)| (*name, i + k.chars().count()))
}

/// Reads a document number ("16/KH-UBND", "73/2023/NĐ-CP", "14-KL/TW") at `i`.
fn number_at(f: &Folded, i: usize) -> Option<(String, usize)> {
    if !f.fold.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut j = i;
    while j < f.len() && (is_word(f.orig[j]) || matches!(f.orig[j], '/' | '-' | '.' | '_')) {
        j += 1;
    }
    while j > i && matches!(f.orig[j - 1], '.' | '-' | '/' | '_') {
        j -= 1;
    }
    let s: String = f.orig[i..j].iter().collect();
    let has_symbol = s.contains(['/', '-']) && s.chars().any(char::is_alphabetic);
    has_symbol.then_some((s, j))
}

/// Whether a citation (kind + number) starts at `i`.
fn citation_starts(f: &Folded, i: usize) -> bool {
    kind_at(f, i).is_some_and(|(_, e)| {
        let mut k = f.skip_ws(e);
        if f.exact(k, "số") {
            k = f.skip_ws(k + 2);
            if f.fold.get(k) == Some(&':') {
                k = f.skip_ws(k + 1);
            }
        }
        number_at(f, k).is_some()
    })
}

/// Finds the documents cited in `text`. With `lenient` (a "Căn cứ …" line), documents
/// without a number are accepted too ("Căn cứ Luật Tổ chức chính quyền địa phương").
pub fn citations(text: &str, lenient: bool) -> Vec<Citation> {
    let f = Folded::new(text);
    citations_in(&f, lenient)
}

pub fn citations_in(f: &Folded, lenient: bool) -> Vec<Citation> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < f.len() {
        if !(f.boundary_before(i) && is_word(f.fold[i])) {
            i += 1;
            continue;
        }
        match citation_at(f, i, lenient) {
            Some(c) => {
                i = c.span.end.max(i + 1);
                out.push(c);
            }
            None => i = f.word_end(i).max(i + 1),
        }
    }
    out
}

fn citation_at(f: &Folded, i: usize, lenient: bool) -> Option<Citation> {
    let (kind, mut k) = kind_at(f, i)?;
    // Cited kinds are capitalised or follow "số"; "kế hoạch" in running text is not a citation.
    let k0 = f.skip_ws(k);
    let mut number = None;
    let mut j = k0;
    if f.exact(j, "số") {
        j = f.skip_ws(j + 2);
        if f.fold.get(j) == Some(&':') {
            j = f.skip_ws(j + 1);
        }
    }
    if let Some((n, e)) = number_at(f, j) {
        number = Some(n);
        k = e;
    } else {
        let named = NAMED_KINDS.contains(&kind) && f.orig[i].is_uppercase();
        let of_issuer = lenient && f.orig[i].is_uppercase() && (f.exact(k0, "của") || f.word_at(k0, "ngay"));
        if !(of_issuer || lenient && named) {
            return None;
        }
    }
    let mut subject = None;
    let mut issuer = None;
    let mut date = None;
    // A law cited by name: the name runs to its date or the end of the clause.
    if number.is_none() && NAMED_KINDS.contains(&kind) {
        let start = f.skip_ws(k);
        let mut e = start;
        while e < f.len() && !matches!(f.fold[e], ';' | ',' | '(') && !f.word_at(e, "ngay") && !f.exact(e, "số") {
            e += 1;
        }
        let name = f.text(start..e);
        if name.is_empty() {
            return None;
        }
        subject = Some(name);
        k = e;
    }
    // ", ngày 15 tháng 01 năm 2025" / " ngày 15/01/2025"
    let mut p = f.skip_ws(k);
    if f.fold.get(p) == Some(&',') {
        p = f.skip_ws(p + 1);
    }
    if f.word_at(p, "ban hanh") {
        p = f.skip_ws(p + 8);
    }
    if f.word_at(p, "ngay")
        && let Some((d, e)) = date_at(f, p)
    {
        date = Some(d);
        k = e;
    }
    // " của Ủy ban nhân dân Quận 1"
    let p = f.skip_ws(k);
    if f.exact(p, "của") {
        let start = f.skip_ws(p + 3);
        let end = issuer_end(f, start);
        let name = f.text(start..end);
        // "của trường Tiểu học …": a body named in lower case is still the issuer.
        let body_word =
            ["truong ", "phong ", "uy ban ", "so ", "bo "].iter().any(|w| crate::text::fold(&name).starts_with(w));
        if !name.is_empty() && (name.chars().next().is_some_and(char::is_uppercase) || body_word) {
            issuer = Some(capitalise(&trim_clause(&name)));
            k = end;
        }
    }
    // " về …" or a verb that starts the subject.
    let p = f.skip_ws(k);
    if subject.is_none() {
        let start = if f.exact(p, "về") && f.word_at(f.skip_ws(p + 2), "viec") {
            Some(f.skip_ws(f.skip_ws(p + 2) + 4))
        } else if f.exact(p, "về") {
            Some(f.skip_ws(p + 2))
        } else if f.orig.get(p).is_some_and(|c| c.is_lowercase()) && SUBJECT_VERBS.iter().any(|v| f.word_at(p, v)) {
            Some(p)
        } else {
            None
        };
        if let Some(start) = start {
            let end = subject_end(f, start);
            let s = trim_clause(&f.text(start..end));
            if !s.is_empty() {
                subject = Some(s);
                k = end;
            }
        }
    }
    Some(Citation { kind: kind.to_string(), number, date, issuer, subject, span: i..k })
}

/// Where an issuer's name ends: before "về", a subject verb, a clause mark, or the next citation.
fn issuer_end(f: &Folded, start: usize) -> usize {
    let mut e = start;
    let mut words = 0;
    while e < f.len() {
        let c = f.fold[e];
        if matches!(c, ',' | ';' | '(' | ':') || (c == '.' && f.boundary_after(e + 1)) {
            break;
        }
        if f.boundary_before(e) && is_word(c) {
            words += 1;
            if f.exact(e, "về")
                || f.exact(e, "nhằm")
                || f.exact(e, "để")
                || f.exact(e, "tại")
                || f.exact(e, "theo")
                || (f.orig[e].is_lowercase() && SUBJECT_VERBS.iter().any(|v| f.word_at(e, v)))
                || words > 14
            {
                break;
            }
            if f.exact(e, "và") && citation_starts(f, f.skip_ws(e + 2)) {
                break;
            }
        }
        e += 1;
    }
    e
}

/// Where a cited subject ends: at ";", a sentence end, "nhằm"/"để", or a list of further citations.
fn subject_end(f: &Folded, start: usize) -> usize {
    let mut e = start;
    let mut depth = 0i32;
    while e < f.len() {
        let c = f.orig[e];
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => break,
            '.' if depth <= 0 && (e + 1 >= f.len() || f.orig[e + 1].is_whitespace()) => break,
            ',' if depth <= 0 && citation_starts(f, f.skip_ws(e + 1)) => break,
            _ => {}
        }
        if f.boundary_before(e) && is_word(f.fold[e]) {
            if e > start && (f.exact(e, "nhằm") || f.exact(e, "để")) {
                break;
            }
            if f.exact(e, "và") && citation_starts(f, f.skip_ws(e + 2)) {
                break;
            }
        }
        e += 1;
    }
    e
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Removes the clause marks a cut leaves at either end.
pub fn trim_clause(s: &str) -> String {
    s.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.') || c.is_whitespace()).trim().to_string()
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    fn lab(s: &str) -> Option<(LabelKind, String, String)> {
        label(s).map(|l| (l.kind, l.value, s[l.rest..].to_string()))
    }

    #[test]
    fn reads_labels() {
        assert_eq!(lab("II. NHIỆM VỤ"), Some((LabelKind::Roman, "II".into(), "NHIỆM VỤ".into())));
        assert_eq!(lab("IV - KINH PHÍ"), Some((LabelKind::Roman, "IV".into(), "KINH PHÍ".into())));
        assert_eq!(lab("Phần III. TỔ CHỨC"), Some((LabelKind::Roman, "III".into(), "TỔ CHỨC".into())));
        assert_eq!(lab("1. Nghiêm túc"), Some((LabelKind::Arabic, "1".into(), "Nghiêm túc".into())));
        assert_eq!(lab("12) Việc"), Some((LabelKind::Arabic, "12".into(), "Việc".into())));
        assert_eq!(lab("(3) Việc"), Some((LabelKind::Arabic, "3".into(), "Việc".into())));
        assert_eq!(lab("1.2. Việc"), Some((LabelKind::Decimal(2), "1.2".into(), "Việc".into())));
        assert_eq!(lab("2.1 Việc"), Some((LabelKind::Decimal(2), "2.1".into(), "Việc".into())));
        assert_eq!(lab("a) Rà soát"), Some((LabelKind::Letter, "a".into(), "Rà soát".into())));
        assert_eq!(lab("đ) Rà soát"), Some((LabelKind::Letter, "đ".into(), "Rà soát".into())));
        assert_eq!(lab("- Việc"), Some((LabelKind::Bullet('-'), "-".into(), "Việc".into())));
        assert_eq!(lab("+ Việc"), Some((LabelKind::Bullet('+'), "+".into(), "Việc".into())));
        assert_eq!(lab("1.Nghiêm túc"), Some((LabelKind::Arabic, "1".into(), "Nghiêm túc".into())));
        assert_eq!(lab("2025 là năm"), None);
        assert_eq!(lab("30/5/2025 hạn"), None);
        assert_eq!(lab("Ví dụ"), None);
        assert_eq!(lab("IVX. sai"), None);
        assert_eq!(lab("I am"), None);
    }

    #[test]
    fn reads_labels_of_long_paragraphs() {
        let long = "x".repeat(100_000);
        assert_eq!(lab(&format!("1. {long}")), Some((LabelKind::Arabic, "1".into(), long.clone())));
        assert_eq!(lab(&format!("PHẦN  II.   {long}")), Some((LabelKind::Roman, "II".into(), long.clone())));
        assert_eq!(lab(&format!("1.2.3.4.5.6.7.8.9.10.11.12. {long}")).map(|l| l.0), Some(LabelKind::Decimal(12)));
        assert_eq!(lab(&format!("{}.{long}", "I".repeat(50_000))), None);
        assert_eq!(label(&"1.".repeat(40_000)).map(|l| l.kind), Some(LabelKind::Decimal(40_000)));
    }

    #[test]
    fn roman() {
        assert_eq!(roman_value("III"), Some(3));
        assert_eq!(roman_value("IX"), Some(9));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
    }

    fn times(s: &str) -> Vec<When> {
        find_times(&Folded::new(s), &[]).into_iter().map(|f| f.when).collect()
    }

    #[test]
    fn reads_dates() {
        let d = |day, month, year| When::Day(DateText { day, month, year });
        assert_eq!(times("gửi trước ngày 30 tháng 5 năm 2025 để"), vec![d(30, 5, Some(2025))]);
        assert_eq!(times("hạn ngày 30/5/2025."), vec![d(30, 5, Some(2025))]);
        assert_eq!(times("trước ngày 05/06"), vec![d(5, 6, None)]);
        assert_eq!(times("ngày 15 tháng 01/2025"), vec![d(15, 1, Some(2025))]);
        assert_eq!(times("xong 1.5.2025"), vec![d(1, 5, Some(2025))]);
        assert_eq!(times("tỷ lệ 30.5 phần trăm"), vec![]);
        assert_eq!(times("trong quý III năm 2025"), vec![When::Quarter { quarter: 3, year: Some(2025) }]);
        assert_eq!(times("quý 2/2025"), vec![When::Quarter { quarter: 2, year: Some(2025) }]);
        assert_eq!(times("trong tháng 6/2025"), vec![When::Month { month: 6, year: Some(2025) }]);
        assert_eq!(times("trước ngày 20 hằng tháng"), vec![When::DayOfMonth(20)]);
        assert_eq!(times("ngày 31/2/2025"), vec![]);
        // Years a plan cannot hold (found by fuzzing: "quý III/1012" drafted a due date
        // in 1012 that the plan then refused) are not read, as for days.
        assert_eq!(times("trong quý III/1012"), vec![]);
        assert_eq!(times("tháng 6/3000 và quý 2 năm 0999"), vec![]);
        assert_eq!(times("ngày 30/9/1012"), vec![]);
        assert_eq!(times("quý IV/2200"), vec![When::Quarter { quarter: 4, year: Some(2200) }]);
        // NFD input reads the same once normalised by the caller; folding handles either.
        let nfd: String = "trước ngày 30 tháng 5 năm 2025".nfd().collect();
        assert_eq!(times(&nfd.nfc().collect::<String>()), vec![d(30, 5, Some(2025))]);
    }

    #[test]
    fn reads_citations() {
        let c = citations(
            "Thực hiện Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1 về thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2025;",
            true,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, "Kế hoạch");
        assert_eq!(c[0].number.as_deref(), Some("16/KH-UBND"));
        assert_eq!(c[0].date, Some(DateText { day: 15, month: 1, year: Some(2025) }));
        assert_eq!(c[0].issuer.as_deref(), Some("Ủy ban nhân dân Quận 1"));
        assert_eq!(
            c[0].subject.as_deref(),
            Some("thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2025")
        );

        let c = citations(
            "Căn cứ Công văn số 2150/GDĐT-VP ngày 05/8/2025 của Phòng Giáo dục và Đào tạo Quận 3 về việc khắc phục hạn chế;",
            true,
        );
        assert_eq!(c[0].issuer.as_deref(), Some("Phòng Giáo dục và Đào tạo Quận 3"));
        assert_eq!(c[0].subject.as_deref(), Some("khắc phục hạn chế"));

        let c = citations(
            "gắn với Kết luận số 14-KL/TW ngày 22 tháng 9 năm 2021 của Bộ Chính trị, Nghị định số 73/2023/NĐ-CP của Chính phủ, Kế hoạch số 3815/KH-UBND ngày 18 tháng 10 năm 2022 của Ủy ban nhân dân Thành phố và Kế hoạch số 387/KH-UBND ngày 12 tháng 12 năm 2022 của Ủy ban nhân dân Quận 1 về thực hiện chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung nhằm có giải pháp",
            false,
        );
        let numbers: Vec<_> = c.iter().map(|c| c.number.clone().unwrap()).collect();
        assert_eq!(numbers, ["14-KL/TW", "73/2023/NĐ-CP", "3815/KH-UBND", "387/KH-UBND"]);
        assert_eq!(c[0].issuer.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(c[1].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(c[1].date, None);
        assert_eq!(c[2].issuer.as_deref(), Some("Ủy ban nhân dân Thành phố"));
        assert_eq!(
            c[3].subject.as_deref(),
            Some("thực hiện chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung")
        );

        let c = citations("Căn cứ Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ phê duyệt Đề án;", true);
        assert_eq!(c[0].date, Some(DateText { day: 10, month: 11, year: Some(2022) }));
        assert_eq!(c[0].subject.as_deref(), Some("phê duyệt Đề án"));

        let c = citations("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", true);
        assert_eq!(c[0].kind, "Luật");
        assert_eq!(c[0].subject.as_deref(), Some("Tổ chức chính quyền địa phương"));
        assert_eq!(c[0].date, Some(DateText { day: 19, month: 6, year: Some(2015) }));

        // Running text without a number is not a citation.
        assert!(citations("theo Quyết định của Ủy ban nhân dân Thành phố.", false).is_empty());
        assert!(citations("Xây dựng kế hoạch khắc phục", true).is_empty());
    }
}
