//! Titles: a one-line title of a task's wording, and the casing of text in capitals.

use std::collections::HashMap;

use crate::import::scan::{Folded, fold_char, is_upper, is_word, label, trim_clause};
use crate::import::text::Block;

pub(super) const TITLE_MAX: usize = 110;
const TITLE_MIN: usize = 30;

/// A one-line title: the first sentence if short, else the first clause that ends
/// between 30 and 100 characters, else the words that fit with "…".
pub fn short_title(text: &str) -> String {
    let text = text.trim();
    let orig: Vec<char> = text.chars().collect();
    let n = orig.len();
    // The first sentence (". ", ";", ":") if it fits: the usual case, read without folding.
    let sentence_end = (0..n)
        .find(|&i| matches!(orig[i], ';' | ':') || (orig[i] == '.' && (i + 1 == n || orig[i + 1].is_whitespace())));
    let end = sentence_end.unwrap_or(n);
    if end <= TITLE_MAX && end >= 10.min(n) {
        // As `Folded::text` would: the characters, trimmed.
        return trim_clause(orig[..end].iter().collect::<String>().trim());
    }
    let f = Folded::new(text);
    // The last clause boundary within the limits.
    const WEAK: &[&str] = &[
        "nham",
        "de",
        "theo",
        "gan voi",
        "trong do",
        "dong thoi",
        "thong qua",
        "bang cach",
        "tai",
        "doi voi",
        "tren co so",
    ];
    let mut best = None;
    let mut depth = 0i32;
    for i in 0..end.min(TITLE_MAX + 1) {
        match f.orig[i] {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if i < TITLE_MIN || depth > 1 || (depth == 1 && f.orig[i] != '(') {
            continue;
        }
        let comma = (f.orig[i] == ',' && depth == 0) || f.orig[i] == '(';
        let word = f.boundary_before(i) && is_word(f.fold[i]) && WEAK.iter().any(|w| f.word_at(i, w)) && {
            // Only the written words (not "đề", "tái"…).
            let w: String = f.orig[i..f.word_end(i)].iter().collect::<String>().to_lowercase();
            matches!(
                w.as_str(),
                "nhằm" | "để" | "theo" | "gắn" | "trong" | "đồng" | "thông" | "bằng" | "tại" | "đối" | "trên"
            )
        };
        if comma || word {
            best = Some(i);
        }
    }
    if let Some(b) = best {
        return trim_clause(&f.text(0..b));
    }
    // The words that fit.
    let mut cut = TITLE_MAX.min(n);
    while cut > 0 && cut < n && !f.orig[cut].is_whitespace() {
        cut -= 1;
    }
    if cut == 0 {
        cut = TITLE_MAX.min(n);
    }
    let mut t = trim_clause(&f.text(0..cut));
    if cut < n {
        t.push('…');
    }
    t
}

pub(super) fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(super) fn lower_first(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("");
    // An acronym or a proper name in capitals keeps its case.
    if first.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return text.to_string();
    }
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(super) fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How words are written in the document's running text, to write headings in
/// capitals ("TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM") as the document itself would
/// ("Trường Tiểu học Nguyễn Bỉnh Khiêm").
pub(super) struct Casing {
    /// Forms of each word (lower case → written form → count).
    forms: HashMap<String, HashMap<String, usize>>,
    /// Forms of each word after a given word: proper names ("Lê Quý Đôn") keep their capitals
    /// even where the same word is common in lower case ("hằng quý").
    pairs: HashMap<(String, String), HashMap<String, usize>>,
    /// Forms seen only at the start of a sentence, used when nothing better is known.
    initial: HashMap<String, String>,
}

const ACRONYMS: &[&str] = &[
    "UBND", "HĐND", "MTTQ", "PAR", "INDEX", "SIPAS", "PAPI", "DTI", "PCI", "DDCI", "TP", "HCM", "TW", "CP", "BNV",
    "VN", "ISO", "CB", "GV", "NV", "CC", "VC", "ĐTN", "CNTT", "CCHC", "TTHC", "KT", "XH",
];

/// Pushes `c` lower-cased (`char::to_lowercase`), the letters below U+2100 (Vietnamese
/// among them) from a table built once instead of the binary search of the Unicode tables.
fn push_lower(out: &mut String, c: char) {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    // Every character here but U+0130 ('İ', two characters) lower-cases to one character.
    if (c as u32) < TABLE_END && c != '\u{130}' {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_END).map(|u| char::from_u32(u).map_or('\0', |c| c.to_lowercase().next().unwrap_or(c))).collect()
        });
        out.push(table[c as usize]);
    } else {
        out.extend(c.to_lowercase());
    }
}

impl Casing {
    pub(super) fn new(blocks: &[Block]) -> Casing {
        let mut forms: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut pairs: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        let mut initial: HashMap<String, String> = HashMap::new();
        let split = |c: char| !crate::import::scan::is_alnum(c) && c != '.' && c != ':' && c != ';';
        // Only the words written somewhere in capitals can need re-casing: record those alone.
        let wanted: std::collections::HashSet<String> = blocks
            .iter()
            .filter(|b| is_upper(&b.text))
            .flat_map(|b| b.text.split(split).map(|w| w.trim_end_matches(['.', ':', ';']).to_lowercase()))
            .filter(|w| !w.is_empty())
            .collect();
        let mut lower = String::new();
        for b in blocks.iter().filter(|b| !is_upper(&b.text)) {
            let mut sentence_start = true;
            let mut prev = String::new();
            let text = b.text.as_str();
            let start = label(text).map_or(0, |l| l.rest);
            for word in text[start..].split(split) {
                let w = word.trim_end_matches(['.', ':', ';']);
                if w.is_empty() {
                    continue;
                }
                lower.clear();
                if w.is_ascii() {
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                } else {
                    for c in w.chars() {
                        push_lower(&mut lower, c);
                    }
                }
                if wanted.contains(&lower) {
                    if !sentence_start && w.chars().next().is_some_and(char::is_alphabetic) {
                        *forms.entry(lower.clone()).or_default().entry(w.to_string()).or_default() += 1;
                        *pairs.entry((prev.clone(), lower.clone())).or_default().entry(w.to_string()).or_default() += 1;
                    } else if sentence_start {
                        initial.entry(lower.clone()).or_insert_with(|| w.to_string());
                    }
                }
                sentence_start = word.ends_with(['.', ':', ';']);
                std::mem::swap(&mut prev, &mut lower);
            }
        }
        Casing { forms, pairs, initial }
    }

    /// Writes text in capitals as the document writes those words elsewhere.
    pub(super) fn recase(&self, upper: &str) -> String {
        self.recase_with(upper, false)
    }

    /// Like [`Casing::recase`]; for names (units, agencies), words seen only at the start of a
    /// sentence keep their capital ("TÂN ĐỊNH" → "Tân Định").
    pub(super) fn recase_name(&self, upper: &str) -> String {
        self.recase_with(upper, true)
    }

    fn recase_with(&self, upper: &str, names: bool) -> String {
        let mut out = String::with_capacity(upper.len());
        let mut word = String::new();
        let mut prev = String::new();
        let best = |forms: &HashMap<String, usize>| {
            forms.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(b.0))).map(|(f, _)| f.clone())
        };
        let mut flush = |word: &mut String, out: &mut String| {
            if word.is_empty() {
                return;
            }
            let lower = word.to_lowercase();
            let pair = self.pairs.get(&(std::mem::replace(&mut prev, lower.clone()), lower.clone())).and_then(best);
            let keep = ACRONYMS.contains(&word.as_str())
                || word.chars().any(|c| c.is_ascii_digit())
                || !word.chars().any(|c| "aeiouy".contains(fold_char(c)));
            let form = match (pair, self.forms.get(&lower)) {
                (Some(p), _) => p,
                (None, Some(forms)) => best(forms).unwrap_or(lower),
                (None, None) if keep => word.clone(),
                (None, None) if names => self.initial.get(&lower).cloned().unwrap_or(lower),
                (None, None) => lower,
            };
            out.push_str(&form);
            word.clear();
        };
        for c in upper.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        capitalise(&out)
    }
}
