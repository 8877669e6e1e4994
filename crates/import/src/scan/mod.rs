//! Low-level reading of Vietnamese administrative wording: item labels ("II.",
//! "1.", "a)", "-"), dates ("ngày 15 tháng 01 năm 2025", "30/5/2025", "quý III"),
//! and cited documents ("Kế hoạch số 16/KH-UBND ngày … của … về …").
//!
//! Matching works on a [`Folded`] copy of the text: one folded character (lower
//! case, no diacritics, `đ` → `d`) per original character, so a match found in the
//! folded text slices the original by the same indexes.
//!
//! Here: [`Folded`] and the character tests; `labels`, `dates` and `cited` read each kind
//! of wording (re-exported here, so `scan::label`, `scan::date_at`, … as before).

use std::ops::Range;

mod cited;
mod dates;
mod labels;

pub use cited::{Citation, citations, citations_in};
pub use dates::{DateText, Found, When, date_at, find_times};
pub use labels::{Label, LabelKind, label, roman_value, to_roman};
/// A text and, index for index, its folded characters.
pub struct Folded {
    pub orig: Vec<char>,
    pub fold: Vec<char>,
    /// The folded characters as a string, to rule out absent words quickly.
    pub flat: String,
    /// Which pairs of adjacent bytes `flat` has, hashed to 512 bits ([`pair_bit`]): a
    /// pattern with a pair absent here is not in `flat`, known without searching it.
    pairs: [u64; 8],
}

/// The bit of [`Folded::pairs`] for the bytes `a` then `b`.
#[inline]
fn pair_bit(a: u8, b: u8) -> usize {
    (usize::from(a) * 61 + usize::from(b)) & 511
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

/// [`par_core::text::fold`] (lower case, diacritics removed, `đ` → `d`, runs of white space
/// collapsed, trimmed), without decomposing each character through the normalisation tables
/// when the text is ASCII and Latin letters whose decomposition is an ASCII letter and
/// combining marks (Vietnamese text): those letters' base letters come from a table built
/// once. Other text is folded by `par_core::text::fold` itself. The result is the same:
/// decomposing such a text gives its base letters in order, each followed by marks (U+0300–
/// U+036F) that the fold drops; reordering moves marks among marks only.
pub fn fold(text: &str) -> String {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    let table = TABLE.get_or_init(|| (0..TABLE_END).map(ascii_base).collect());
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        let b = if c.is_ascii() {
            c as u8
        } else {
            match table.get(c as usize) {
                Some(&b) if b != 0 => b,
                _ => return par_core::text::fold(text),
            }
        };
        if b.is_ascii_whitespace() || b == 0x0b {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.push(b.to_ascii_lowercase() as char);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The ASCII letter a character is written on (see [`fold`]), or 0: `đ`/`Đ`, and characters
/// whose canonical decomposition is an ASCII letter followed by combining marks U+0300–U+036F.
fn ascii_base(u: u32) -> u8 {
    let Some(c) = char::from_u32(u) else { return 0 };
    if c.is_ascii() {
        return c as u8;
    }
    if matches!(c, 'đ' | 'Đ') {
        return b'd';
    }
    let mut parts = Vec::new();
    unicode_normalization::char::decompose_canonical(c, |d| parts.push(d));
    match parts.split_first() {
        Some((&base, marks))
            if base.is_ascii_alphabetic()
                && !marks.is_empty()
                && marks.iter().all(|m| ('\u{0300}'..='\u{036f}').contains(m)) =>
        {
            base as u8
        }
        _ => 0,
    }
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        // Sized once: collecting from `chars()` would grow the vector step by step.
        let mut orig: Vec<char> = Vec::with_capacity(text.len());
        orig.extend(text.chars());
        // From a slice, of a known length: no capacity check a character.
        let fold: Vec<char> = orig.iter().map(|&c| fold_char(c)).collect();
        Folded::of(orig, fold)
    }

    /// The folding of the characters `range` of this text: the same as `Folded::new` of
    /// them (each character folds alone), without decoding and folding them again.
    pub fn slice(&self, range: Range<usize>) -> Folded {
        Folded::of(self.orig[range.clone()].to_vec(), self.fold[range].to_vec())
    }

    fn of(orig: Vec<char>, fold: Vec<char>) -> Folded {
        // The folded string: bytes when every folded character is ASCII (Vietnamese text
        // folds to ASCII), else character by character.
        let flat = if fold.iter().all(char::is_ascii) {
            let bytes: Vec<u8> = fold.iter().map(|&c| c as u8).collect();
            String::from_utf8(bytes).unwrap_or_default()
        } else {
            fold.iter().collect()
        };
        let mut pairs = [0u64; 8];
        for w in flat.as_bytes().windows(2) {
            let bit = pair_bit(w[0], w[1]);
            pairs[bit >> 6] |= 1 << (bit & 63);
        }
        Folded { orig, fold, flat, pairs }
    }

    /// Whether the folded string has `pat` (folded ASCII): most patterns asked of a text are
    /// absent, and a pair of their bytes missing from [`Folded::pairs`] says so at once.
    pub fn contains(&self, pat: &str) -> bool {
        let p = pat.as_bytes();
        p.windows(2).all(|w| {
            let bit = pair_bit(w[0], w[1]);
            self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
        }) && self.flat.contains(pat)
    }

    pub fn len(&self) -> usize {
        self.orig.len()
    }

    pub fn is_empty(&self) -> bool {
        self.orig.is_empty()
    }

    /// The original text of a range of character indexes, trimmed.
    pub fn text(&self, range: Range<usize>) -> String {
        let chars = &self.orig[self.trimmed(range)];
        // Sized exactly: a Vietnamese text has more bytes than characters, and `collect`
        // reserves for one byte a character, then grows the string.
        let mut out = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
        out.extend(chars);
        out
    }

    /// The range of character indexes [`Folded::text`] copies: `range` within the text,
    /// trimmed as `str::trim` trims (white space at either end).
    pub fn trimmed(&self, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.len());
        let from = range.start.min(end);
        let chars = &self.orig[from..end];
        let start = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(chars.len());
        let stop = chars.iter().rposition(|c| !c.is_whitespace()).map_or(start, |p| p + 1);
        from + start..from + stop
    }

    /// Whether the folded text has `pat` (folded ASCII) at `i`.
    pub fn at(&self, i: usize, pat: &str) -> bool {
        // Patterns are folded, hence ASCII: compare bytes to characters directly.
        debug_assert!(pat.is_ascii());
        let p = pat.as_bytes();
        self.fold.get(i..i + p.len()).is_some_and(|s| s.iter().zip(p).all(|(&c, &b)| c == b as char))
    }

    /// Whether the original text has the word `word` (lower case, with its diacritics) at `i`.
    pub fn exact(&self, i: usize, word: &str) -> bool {
        let mut j = i;
        for p in word.chars() {
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
        if !self.contains(pat) {
            return None;
        }
        let first = pat.chars().next()?;
        (from..self.len()).find(|&i| self.fold[i] == first && self.word_at(i, pat))
    }

    /// Last index < `before` where `pat` occurs as whole words.
    pub fn rfind_word(&self, pat: &str, before: usize) -> Option<usize> {
        if !self.contains(pat) {
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
        // At most `max` ASCII digits (4 here): the value, without a string to parse.
        let n = self.fold[i..j].iter().fold(0u32, |n, &d| n * 10 + (d as u32 - '0' as u32));
        Some((n, j))
    }

    /// Start indexes of words.
    pub fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| is_word(self.fold[i]) && self.boundary_before(i))
    }

    /// The first index ≥ `from` where a word starts (the text's length when none does): the
    /// rest of a word `from` is inside of, then what is not a word, passed over.
    pub fn next_word_start(&self, from: usize) -> usize {
        let mut j = from;
        if j > 0 {
            while j < self.len() && is_word(self.fold[j]) && is_word(self.fold[j - 1]) {
                j += 1;
            }
        }
        while j < self.len() && !is_word(self.fold[j]) {
            j += 1;
        }
        j.min(self.len())
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
pub fn is_upper(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Removes the clause marks a cut leaves at either end.
pub fn trim_clause(text: &str) -> String {
    text.trim().trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.') || c.is_whitespace()).trim().to_string()
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    #[test]
    fn a_slice_folds_as_its_text_alone() {
        let text = "  Phòng Nội vụ chủ trì; HOÀN THÀNH trước ngày 30/6/2025 —  Ω ";
        let f = Folded::new(text);
        for range in [0..f.len(), 2..20, 7..7, 23..f.len(), f.trimmed(0..f.len()), f.trimmed(1..9)] {
            let part: String = f.orig[range.clone()].iter().collect();
            let (a, b) = (f.slice(range.clone()), Folded::new(&part));
            assert_eq!((&a.orig, &a.fold, &a.flat, a.pairs), (&b.orig, &b.fold, &b.flat, b.pairs), "{range:?}");
            assert_eq!(f.text(range.clone()), f.orig[f.trimmed(range)].iter().collect::<String>());
        }
        assert_eq!(f.trimmed(0..4), 2..4);
        assert_eq!(f.trimmed(0..2), 2..2);
    }

    #[test]
    fn the_next_word_start_is_the_first_index_where_a_word_starts() {
        for text in dates::tests::texts() {
            let f = Folded::new(&text);
            let starts: Vec<usize> = f.word_starts().collect();
            for from in 0..=f.len() + 1 {
                let naive = starts.iter().copied().find(|&s| s >= from).unwrap_or(f.len());
                assert_eq!(f.next_word_start(from), naive, "{text:?} from {from}");
            }
        }
    }

    fn lab(text: &str) -> Option<(LabelKind, String, String)> {
        label(text).map(|l| (l.kind, l.value, text[l.rest..].to_string()))
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
    fn folds_as_the_core_does() {
        // Every character below U+2100 (and a few beyond) alone, between letters and beside
        // spaces and marks: the table's fold is the core's.
        let mut texts = vec![
            String::new(),
            "  Ủy  BAN\tnhân dân  ".to_string(),
            "Đường\u{a0}đi".to_string(),
            "e\u{301}\u{323} x".to_string(),
            "\u{1ec7}\u{0300}\u{0323}".to_string(),
            "a\u{b}b\u{c}c\u{85}d".to_string(),
        ];
        for u in (0..0x2100).chain([0x2126, 0x212a, 0x212b, 0x1e9e, 0x3000, 0xfb01]) {
            let Some(c) = char::from_u32(u) else { continue };
            texts.push(c.to_string());
            texts.push(format!("Kế{c}hoạch {c}"));
            texts.push(format!(" {c}\u{301}a "));
        }
        for t in &texts {
            assert_eq!(fold(t), par_core::text::fold(t), "{t:?}");
        }
    }

    #[test]
    fn roman() {
        assert_eq!(roman_value("III"), Some(3));
        assert_eq!(roman_value("IX"), Some(9));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
    }

    fn times(text: &str) -> Vec<When> {
        find_times(&Folded::new(text), &[]).into_iter().map(|f| f.when).collect()
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

    #[test]
    fn contains_answers_as_the_string_search() {
        let texts = [
            "",
            "a",
            "Phòng Nội vụ chủ trì rà soát thủ tục hành chính số 4; hoàn thành trước ngày 30/9/2025.",
            "Hằng quý, định kỳ báo cáo kết quả thực hiện trong quý III năm 2025",
            "Đ đ ĐĂNG KÝ — “tháng” ١٢ 中文",
        ];
        let pats =
            ["a", "chu tri", "hang quy", "thang", "quy", "nam", "dinh ky", "dang ky", "zz", "trong quy", "30/9", "”"];
        for t in texts {
            let f = Folded::new(t);
            for p in pats {
                assert_eq!(f.contains(p), f.flat.contains(p), "{t:?} {p:?}");
            }
            // Every piece of the text is found.
            for i in 0..f.flat.len() {
                for j in i..=f.flat.len() {
                    if let Some(piece) = f.flat.get(i..j) {
                        assert!(f.contains(piece), "{t:?} {piece:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn text_keeps_the_characters() {
        let f = Folded::new("  Việc  một ");
        assert_eq!(f.text(0..f.len()), "Việc  một");
        assert_eq!(f.text(2..6), "Việc");
        assert_eq!(f.text(8..40), "một");
        assert_eq!(f.text(12..40), "");
    }
}
