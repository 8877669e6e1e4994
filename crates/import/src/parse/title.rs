//! Titles: a one-line title of a task's wording, and the casing of text in capitals.

use std::collections::{HashMap, HashSet};

#[cfg(test)]
use crate::import::scan::label;
use crate::import::scan::{Folded, Label, fold_char, is_upper, is_word, trim_clause};
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
        // The first character upper-cased, the rest copied at once (not a character at a time).
        Some(first) => {
            let mut out = String::with_capacity(text.len() + 2);
            out.extend(first.to_uppercase());
            out.push_str(c.as_str());
            out
        }
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
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Casing {
    /// Forms of each word (lower case → written form → count).
    forms: HashMap<String, HashMap<String, usize>>,
    /// Forms of each word after a given word (the word before → lower case → written form →
    /// count): proper names ("Lê Quý Đôn") keep their capitals even where the same word is
    /// common in lower case ("hằng quý").
    pairs: HashMap<String, HashMap<String, HashMap<String, usize>>>,
    /// Forms of each word before a given word (lower case → the word after → written form →
    /// count): "Chỉ số" is a name, "chỉ đạo" is not, whatever "Chỉ" is most often.
    nexts: HashMap<String, HashMap<String, HashMap<String, usize>>>,
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
    match lower_one(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// `c` lower-cased from the table, when it is below U+2100 and lower-cases to one character
/// (all there but U+0130, 'İ').
fn lower_one(c: char) -> Option<char> {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    if (c as u32) < TABLE_END && c != '\u{130}' {
        let table = TABLE.get_or_init(|| {
            (0..TABLE_END).map(|u| char::from_u32(u).map_or('\0', |c| c.to_lowercase().next().unwrap_or(c))).collect()
        });
        return Some(table[c as usize]);
    }
    None
}

/// The words written somewhere in capitals, lower-cased: the only words [`Casing`] records.
/// Beside the set, a filter that rules most other words out before they are lower-cased and
/// hashed: for each folded first letter (ASCII), the lengths in characters (bit n: n
/// characters, the last bit 63 or more) of the wanted words that begin with it.
struct Wanted {
    words: HashSet<String>,
    lengths: [u64; 128],
    /// A wanted word begins with a letter that does not fold to ASCII: no filter.
    any: bool,
}

impl Wanted {
    fn new(words: HashSet<String>) -> Wanted {
        let mut lengths = [0u64; 128];
        let mut any = false;
        for w in &words {
            let first = w.chars().next().map_or('\0', fold_char);
            if first.is_ascii() {
                lengths[first as usize] |= 1 << w.chars().count().min(63);
            } else {
                any = true;
            }
        }
        Wanted { words, lengths, any }
    }

    /// Whether `word` (as written) may be wanted once lower-cased: false only when it
    /// cannot. When each of its characters lower-cases to one ([`lower_one`]), its lower
    /// case has as many characters, and begins with its first one lower-cased.
    fn may_want(&self, word: &str) -> bool {
        if self.any {
            return true;
        }
        // ASCII: one character a byte, lower-cased and folded as ASCII.
        if let Some(&b) = word.as_bytes().first()
            && word.is_ascii()
        {
            return self.lengths[b.to_ascii_lowercase() as usize] & (1 << word.len().min(63)) != 0;
        }
        // A first letter no wanted word begins with rules the word out without counting it.
        if let Some(l) = word.chars().next().and_then(lower_one) {
            let f = fold_char(l);
            if f.is_ascii() && self.lengths[f as usize] == 0 {
                return false;
            }
        }
        let mut chars = 0usize;
        let mut first = None;
        for c in word.chars() {
            let Some(l) = lower_one(c) else { return true };
            first.get_or_insert(l);
            chars += 1;
        }
        let first = first.map_or('\0', fold_char);
        !first.is_ascii() || self.lengths[first as usize] & (1 << chars.min(63)) != 0
    }
}

/// `word` lower-cased into `out` (emptied first).
fn lower_into(out: &mut String, word: &str) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            push_lower(out, c);
        }
    }
}

/// The runs of a text between the characters that are neither letters, digits (`is_alnum`)
/// nor '.', ':', ';': the non-empty pieces of `text.split(…)` on those characters, found
/// from the bytes (an ASCII byte is looked up in a table; only other characters are decoded).
struct Words<'a>(&'a str);

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        // Whether an ASCII byte belongs to a word.
        const KEEP: [bool; 128] = {
            let mut t = [false; 128];
            let mut b = 0;
            while b < 128 {
                t[b] =
                    (b as u8).is_ascii_alphanumeric() || b == b'.' as usize || b == b':' as usize || b == b';' as usize;
                b += 1;
            }
            t
        };
        let text = self.0;
        let bytes = text.as_bytes();
        // The length of the character at `i`, and whether it belongs to a word.
        let at = |i: usize| -> (usize, bool) {
            let b = bytes[i];
            if b < 0x80 {
                return (1, KEEP[b as usize]);
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), crate::import::scan::is_alnum(c))
        };
        let mut i = 0;
        while i < bytes.len() {
            let (n, keep) = at(i);
            if keep {
                break;
            }
            i += n;
        }
        if i == bytes.len() {
            self.0 = "";
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let (n, keep) = at(i);
            if !keep {
                break;
            }
            i += n;
        }
        self.0 = &text[i..];
        Some(&text[start..i])
    }
}

/// Adds one to the count of `form` of `lower`, copying the strings only when they are new.
fn count_form(forms: &mut HashMap<String, HashMap<String, usize>>, lower: &str, form: &str) {
    let of_word = match forms.get_mut(lower) {
        Some(f) => f,
        None => forms.entry(lower.to_string()).or_default(),
    };
    match of_word.get_mut(form) {
        Some(n) => *n += 1,
        None => {
            of_word.insert(form.to_string(), 1);
        }
    }
}

/// Blocks from which a document's casing is counted on two threads.
const PARALLEL_BLOCKS: usize = 4_000;

impl Casing {
    #[cfg(test)]
    pub(super) fn new(blocks: &[Block]) -> Casing {
        let labels: Vec<Option<Label>> = blocks.iter().map(|b| label(&b.text)).collect();
        Casing::with_labels(blocks, &labels)
    }

    /// The casing of the document's words; `labels`: each block's label, as [`label`] reads it.
    pub(super) fn with_labels(blocks: &[Block], labels: &[Option<Label>]) -> Casing {
        let split = |c: char| !crate::import::scan::is_alnum(c) && c != '.' && c != ':' && c != ';';
        // Only the words written somewhere in capitals can need re-casing: record those alone.
        let wanted = Wanted::new(
            blocks
                .iter()
                .filter(|b| is_upper(&b.text))
                .flat_map(|b| b.text.split(split).map(|w| w.trim_end_matches(['.', ':', ';']).to_lowercase()))
                .filter(|w| !w.is_empty())
                .collect(),
        );
        // Counting is a sum over blocks (a word's forms never span two): a long document is
        // counted in two halves at once and the counts added (a tenth of a 64,000-item
        // import, on the one thread that reads the document's structure).
        if blocks.len() < PARALLEL_BLOCKS {
            return Casing::count(blocks, labels, &wanted);
        }
        let mid = blocks.len() / 2;
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| Casing::count(&blocks[mid..], &labels[mid..], &wanted));
            let first = Casing::count(&blocks[..mid], &labels[..mid], &wanted);
            (first, second.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
        });
        first.add(second)
    }

    /// The counts of the two halves of a document, `later` after `self`.
    fn add(mut self, later: Casing) -> Casing {
        fn add_forms(to: &mut HashMap<String, HashMap<String, usize>>, from: HashMap<String, HashMap<String, usize>>) {
            for (word, forms) in from {
                let of_word = to.entry(word).or_default();
                for (form, n) in forms {
                    *of_word.entry(form).or_default() += n;
                }
            }
        }
        add_forms(&mut self.forms, later.forms);
        for (before, words) in later.pairs {
            add_forms(self.pairs.entry(before).or_default(), words);
        }
        for (word, afters) in later.nexts {
            add_forms(self.nexts.entry(word).or_default(), afters);
        }
        // The first form seen at a sentence's start is the document's earliest.
        for (word, form) in later.initial {
            self.initial.entry(word).or_insert(form);
        }
        self
    }

    /// The casing counted over `blocks` (with their labels).
    fn count(blocks: &[Block], labels: &[Option<Label>], wanted: &Wanted) -> Casing {
        let mut forms: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut pairs: HashMap<String, HashMap<String, HashMap<String, usize>>> = HashMap::new();
        let mut initial: HashMap<String, String> = HashMap::new();
        let mut nexts: HashMap<String, HashMap<String, HashMap<String, usize>>> = HashMap::new();
        let (mut lower, mut prev, mut next) = (String::new(), String::new(), String::new());
        for (b, l) in blocks.iter().zip(labels).filter(|(b, _)| !is_upper(&b.text)) {
            let mut sentence_start = true;
            // A wanted word written mid-sentence, waiting for the word after it: (lower, form).
            let mut pending: Option<(String, String)> = None;
            // The word before, as written: lower-cased only when a wanted word follows it.
            let mut before = "";
            let text = b.text.as_str();
            let start = l.as_ref().map_or(0, |l| l.rest);
            for word in Words(&text[start..]) {
                let w = word.trim_end_matches(['.', ':', ';']);
                if w.is_empty() {
                    continue;
                }
                if let Some((pl, pf)) = pending.take() {
                    lower_into(&mut next, w);
                    let after = nexts.entry(pl).or_default();
                    count_form(after, &next, &pf);
                }
                if wanted.may_want(w) {
                    lower_into(&mut lower, w);
                    if wanted.words.contains(&lower) {
                        if !sentence_start && w.chars().next().is_some_and(char::is_alphabetic) {
                            count_form(&mut forms, &lower, w);
                            lower_into(&mut prev, before);
                            let after = match pairs.get_mut(prev.as_str()) {
                                Some(a) => a,
                                None => pairs.entry(prev.clone()).or_default(),
                            };
                            count_form(after, &lower, w);
                            // What the next word says of a capital: only where the capital
                            // opens a name ("cao Chỉ số"), not inside one ("Ban Chỉ đạo").
                            let inside_name = w.chars().next().is_some_and(char::is_uppercase)
                                && before.chars().next().is_some_and(char::is_uppercase);
                            if !word.ends_with(['.', ':', ';']) && !inside_name {
                                pending = Some((lower.clone(), w.to_string()));
                            }
                        } else if sentence_start && !initial.contains_key(&lower) {
                            initial.insert(lower.clone(), w.to_string());
                        }
                    }
                }
                sentence_start = word.ends_with(['.', ':', ';']);
                before = w;
            }
        }
        Casing { forms, pairs, nexts, initial }
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
        // The words and what lies between them, to see each word's next one.
        let mut words: Vec<(String, String)> = Vec::new(); // (word, the text after it)
        let mut lead = String::new();
        for c in upper.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                words.push((std::mem::take(&mut word), c.to_string()));
            } else if let Some((_, gap)) = words.last_mut() {
                gap.push(c);
            } else {
                lead.push(c);
            }
        }
        if !word.is_empty() {
            words.push((std::mem::take(&mut word), String::new()));
        }
        out.push_str(&lead);
        let lowers: Vec<String> = words.iter().map(|(w, _)| w.to_lowercase()).collect();
        // In a name, the words after a place word ("TỈNH BÌNH ĐỊNH") are a place's name:
        // capitals where the document shows nothing else.
        let places = &super::lexicon::lexicon().places;
        let mut after_place = false;
        for (i, (w, gap)) in words.iter().enumerate() {
            let lower = &lowers[i];
            let before = std::mem::replace(&mut prev, lower.clone());
            let pair = self.pairs.get(&before).and_then(|p| p.get(lower)).and_then(best);
            let next = lowers.get(i + 1).and_then(|n| self.nexts.get(lower).and_then(|p| p.get(n))).and_then(best);
            let keep = ACRONYMS.contains(&w.as_str())
                || w.chars().any(|c| c.is_ascii_digit())
                || !w.chars().any(|c| "aeiouy".contains(fold_char(c)));
            let form = match (pair.or(next), self.forms.get(lower)) {
                (Some(p), _) => p,
                // A name keeps the form the document writes most; running text (a title)
                // is sentence case: a capital only where the words around it say it is a name.
                (None, Some(forms)) if names => best(forms).unwrap_or_else(|| lower.clone()),
                (None, Some(_)) if keep => w.clone(),
                (None, Some(_)) => lower.clone(),
                (None, None) if keep => w.clone(),
                (None, None) if names && after_place => capitalise(lower),
                (None, None) if names => self.initial.get(lower).cloned().unwrap_or_else(|| lower.clone()),
                (None, None) => lower.clone(),
            };
            out.push_str(&form);
            out.push_str(gap);
            if names && !after_place {
                let f = crate::import::scan::fold(lower);
                after_place = places.iter().any(|p| p.trim_end() == f || p.split(' ').nth(1) == Some(f.as_str()));
            }
        }
        capitalise(&out)
    }
}

#[cfg(test)]
mod words_tests {
    use super::Words;

    /// A long document's casing counted in two halves is its casing counted at once.
    #[test]
    fn casing_in_halves_is_casing_at_once() {
        use super::{Block, Casing, Wanted, label};
        let block = |t: String| Block { text: t, ..Default::default() };
        let mut blocks = vec![block("TRƯỜNG THCS LÊ QUÝ ĐÔN".into()), block("BAN CHỈ ĐẠO CHỈ SỐ CCHC".into())];
        for i in 0..super::PARALLEL_BLOCKS {
            blocks.push(block(match i % 4 {
                0 => format!("{i}. Trường THCS Lê Quý Đôn báo cáo hằng quý, mỗi quý."),
                1 => format!("Ban Chỉ đạo họp; chỉ đạo nâng cao Chỉ số {i}."),
                2 => "Chỉ số CCHC: Lê Quý Đôn. Ban hành.".into(),
                _ => "ban chỉ đạo lê quý đôn".into(),
            }));
        }
        let labels: Vec<_> = blocks.iter().map(|b| label(&b.text)).collect();
        let halves = Casing::with_labels(&blocks, &labels);
        let split = |c: char| !crate::import::scan::is_alnum(c) && c != '.' && c != ':' && c != ';';
        let wanted = Wanted::new(
            blocks[..2]
                .iter()
                .flat_map(|b| b.text.split(split).map(str::to_lowercase))
                .filter(|w| !w.is_empty())
                .collect(),
        );
        assert_eq!(halves, Casing::count(&blocks, &labels, &wanted));
        assert!(!halves.forms.is_empty() && !halves.pairs.is_empty() && !halves.initial.is_empty());
    }

    #[test]
    fn words_as_split_gives_them() {
        let split = |c: char| !crate::import::scan::is_alnum(c) && c != '.' && c != ':' && c != ';';
        for text in [
            "",
            "  ",
            "Phòng Nội vụ chủ trì; hoàn thành trước ngày 30/9/2025.",
            "TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM: (Lê Quý Đôn) …",
            "a..b::c;; — x\u{a0}y\tz\u{200b}w ٣ 中文 ﬁ é",
            "..:;",
            "UBND/HĐND-TTHC,Đ",
        ] {
            let want: Vec<&str> = text.split(split).filter(|w| !w.is_empty()).collect();
            assert_eq!(Words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }
}
