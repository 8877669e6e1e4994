//! Text helpers: Vietnamese-aware search folding and safe terminal output.

use unicode_normalization::UnicodeNormalization;

/// Folds text for searching: lower case, diacritics removed, `đ` → `d`, runs of
/// white space collapsed. "Ý KIẾN" and "y kien" fold to the same string, whether
/// the source was typed in composed (NFC) or decomposed (NFD) form.
pub fn fold(text: &str) -> String {
    // NFD leaves ASCII as it is: keywords, ids and periods skip the Unicode tables.
    if text.is_ascii() {
        return fold_chars(text.chars());
    }
    fold_chars(text.nfd().filter(|&c| !is_combining_mark(c)))
}

fn fold_chars(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut last_space = true;
    for c in chars {
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    // The combining diacritical marks block covers every Vietnamese tone and vowel mark.
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Whether `needle` occurs in `haystack` ignoring case and diacritics.
pub fn contains_folded(haystack: &str, folded_needle: &str) -> bool {
    folded_needle.is_empty() || fold(haystack).contains(folded_needle)
}

/// Makes plan text safe to print on a terminal: control characters (ESC and the
/// rest of C0/C1), bidi overrides and the other invisible characters (see
/// [`needs_escape`]) are replaced by visible escapes (`\u{200b}`) so a hostile
/// title cannot move the cursor, change colours, reorder or hide text. The CR of a Windows
/// line end (`\r\n`, kept by TOML in multi-line strings of files saved on Windows)
/// is dropped, leaving the line break; a lone CR, which would move the cursor back
/// over the line, is escaped like the rest.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`clean`], for text meant to keep its line breaks (HTML, CSV and spreadsheet
/// cells): Windows line ends become `\n`, a lone CR is escaped.
pub fn clean_lines(text: &str) -> std::borrow::Cow<'_, str> {
    clean(text)
}

/// Like [`clean`], and also folds line breaks to spaces: for one-line table cells.
pub fn one_line(text: &str) -> String {
    if is_one_line(text) {
        return text.to_string();
    }
    let spaced = text.replace('\r', " ");
    let cleaned = clean(&spaced);
    let mut out = String::with_capacity(cleaned.len());
    let mut last_space = false;
    for c in cleaned.chars() {
        if c == '\n' || c == '\r' || c == '\t' || c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out.trim().to_string()
}

/// Whether [`one_line`] would leave `text` as it is: no escapes, line breaks or tabs, no
/// runs of spaces, nothing to trim.
fn is_one_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut last_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // Tabs, line breaks and the other controls all need rewriting.
            let space = b == b' ';
            if (space && last_space) || b < 0x20 || b == 0x7f {
                return false;
            }
            last_space = space;
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            // Latin letters with marks (Vietnamese included) are neither escapes nor spaces:
            // skip the Unicode white-space table for them.
            let letter = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
            if !letter && (needs_escape(c) || c.is_whitespace()) {
                return false;
            }
            last_space = false;
            i += c.len_utf8();
        }
    }
    !last_space || text.is_empty()
}

/// Whether [`clean`] shows `c` as an escape: the C0 and C1 controls (but tab and line
/// feed), the Unicode format characters (general category Cf: zero-width spaces and
/// joiners, bidi marks, embeddings, overrides and isolates, U+061C, the BOM inside text,
/// U+2060–U+2064, soft hyphen, tags…), the line and paragraph separators U+2028/U+2029,
/// and the noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane). Combining
/// marks (category Mn: decomposed Vietnamese) are letters' parts and stay as they are.
pub fn needs_escape(c: char) -> bool {
    let u = c as u32;
    if u < 0xa0 {
        return (u < 0x20 && c != '\n' && c != '\t') || u >= 0x7f;
    }
    // Latin letters with marks and the combining marks: only the soft hyphen is Cf below U+0600.
    if u < 0x600 {
        return u == 0xad;
    }
    // Latin Extended Additional (precomposed Vietnamese) and Greek Extended.
    if (0x1e00..0x2000).contains(&u) {
        return false;
    }
    invisible(c)
}

/// The format characters (Cf, Unicode 16) from U+0600 on, the line and paragraph
/// separators, and the noncharacters.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{fdd0}'..='\u{fdef}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    ) || (u32::from(c) & 0xfffe) == 0xfffe
}

/// Makes text safe for an XML 1.0 document (the .docx report, the .xlsx export, the
/// HTML pages): every character XML 1.0 forbids (the C0 controls other than tab, line
/// feed and carriage return; U+FFFE; U+FFFF) becomes U+FFFD, the replacement character,
/// so the reader still sees that something stood there. (Lone surrogates, the rest of
/// the forbidden set, cannot occur in a Rust string.) Text that went through [`clean`]
/// already shows these characters as `\u{…}` escapes; this is each XML writer's last
/// step, so that no path into the file can make it invalid.
pub fn xml_text(text: &str) -> std::borrow::Cow<'_, str> {
    // U+FFFE and U+FFFF are the only forbidden characters outside ASCII; both start with 0xEF.
    let suspect = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || *b == 0xef;
    if !text.as_bytes().iter().any(suspect) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| if xml_allows(c) { c } else { '\u{fffd}' }).collect())
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production).
fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// `text` in Unicode normalisation form C (composed), the form ids are compared in: a task
/// id typed on a Mac or pasted from a PDF (decomposed, NFD) is the same id as the one
/// typed in composed form. Borrowed, without a copy, when `text` is already NFC (ASCII ids).
#[inline]
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.nfc().collect())
}

/// `text` in NFC form and case-folded for comparing ids: Unicode lowercase, plus the
/// full case foldings lowercase leaves apart (`ß`/`ẞ` → `ss`, final `ς` → `σ`, `ſ` → `s`,
/// the Latin ligatures `ﬀ`…`ﬆ`), so `Đ` = `đ`, `Ⅲ` = `ⅲ` and `STRASSE` = `straße`.
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in nfc(text).chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ſ' => out.push('s'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            _ => out.push(c),
        }
    }
    nfc(&out).into_owned()
}

/// Shortens `text` to at most `max` characters, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> String {
    // The byte where the character at `max - 1` starts: the cut, if there are more than `max`.
    let cut = text.char_indices().nth(max.saturating_sub(1)).map(|(i, _)| i);
    match cut {
        Some(i) if text[i..].chars().nth(1).is_some() || max == 0 => {
            let mut out = String::with_capacity(i + '…'.len_utf8());
            out.push_str(&text[..i]);
            out.push('…');
            out
        }
        _ => text.to_string(),
    }
}

/// Longest word, in bytes, that [`nearest`] looks for suggestions for.
const MAX_TYPO: usize = 200;

/// The candidates closest to `word` (Jaro-Winkler on folded text), best first.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>, most: usize) -> Vec<&'a str> {
    // A typo is short: a pasted paragraph (or a 1 MB hostile key) is nobody's near miss,
    // and comparing it with every candidate would take time quadratic in its length.
    if word.len() > MAX_TYPO {
        return Vec::new();
    }
    let w = fold(word);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&w, &fold(c)), c))
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(most).map(|(_, c)| c).collect()
}

/// A TOML basic string on one line: quotes, backslashes and control characters
/// escaped, Vietnamese and every other printable character kept as it is. Here, in
/// the core, because both `write` (edits to the plan) and `import` (drafts) write it.
pub fn toml_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as TOML text that reads back as the same value: a whole number as an integer
/// (`100`), another as a decimal (`66.7`), and one beyond TOML's 64-bit integers in
/// exponent form (`1e20`, a float), since its digits alone (`100000000000000000000`) are an
/// integer TOML refuses. Not a number and the infinities get TOML's own words. Here, in the
/// core, because both `write` (targets and measures) and `import` (targets read from a
/// document) write numbers.
pub fn toml_number(value: f64) -> String {
    if value.is_nan() {
        "nan".to_string()
    } else if value.is_infinite() {
        (if value > 0.0 { "inf" } else { "-inf" }).to_string()
    } else if value.abs() >= 1e15 {
        // Rust's `Debug` of a float is its shortest exact form, always with a `.` or an
        // exponent: a TOML float.
        format!("{value:?}")
    } else if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_toml_the_same() {
        assert_eq!(toml_number(100.0), "100");
        assert_eq!(toml_number(-3.0), "-3");
        assert_eq!(toml_number(66.7), "66.7");
        assert_eq!(toml_number(1e20), "1e20");
        // Found by the `import` fuzz target: a target of 102 digits was written as an
        // integer that TOML refuses.
        let huge: f64 = format!("1{}", "0".repeat(101)).parse().unwrap();
        for v in [
            0.0,
            -0.0,
            0.5,
            1e-7,
            999_999_999_999_999.0,
            1e15,
            1.5e15,
            9.3e18,
            1e300,
            -1e300,
            huge,
            f64::MAX,
            f64::MIN_POSITIVE,
        ] {
            let text = format!("v = {}", toml_number(v));
            let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            let back = table["v"].as_float().or(table["v"].as_integer().map(|i| i as f64)).unwrap();
            assert_eq!(back, v, "{text}");
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let text = format!("v = {}", toml_number(v));
            assert!(text.parse::<toml::Table>().is_ok(), "{text}");
        }
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Ý KIẾN của Người dân"), "y kien cua nguoi dan");
        assert_eq!(fold("Đường  Đi"), "duong di");
        // NFD input (decomposed marks) folds the same as NFC.
        let nfd: String = "ý kiến".nfd().collect();
        assert_eq!(fold(&nfd), "y kien");
        assert!(contains_folded("Xử lý ý kiến người dân", &fold("y kien")));
    }

    #[test]
    fn cleans_escapes() {
        assert_eq!(clean("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(clean("bình thường"), "bình thường");
        assert_eq!(one_line(" a\n b\r\n"), "a b");
        assert_eq!(clean_lines("a\r\nb\rc"), "a\nb\\u{d}c");
    }

    #[test]
    fn letters_with_marks_are_not_spaces_or_escapes() {
        for c in ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}') {
            assert!(!needs_escape(c) && !c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn clean_drops_the_cr_of_windows_line_ends() {
        assert_eq!(clean("dòng 1\r\ndòng 2\r\n"), "dòng 1\ndòng 2\n");
        // A lone CR (which would return the cursor over the line) stays visible,
        // also just before a CRLF and at the end.
        assert_eq!(clean("a\rb"), "a\\u{d}b");
        assert_eq!(clean("a\r\r\nb\r"), "a\\u{d}\nb\\u{d}");
        assert_eq!(clean("x\r\n\u{1b}[2J"), "x\n\\u{1b}[2J");
    }

    #[test]
    fn fast_paths_agree() {
        // ASCII takes the fast path of `fold`: the same as through the decomposition.
        assert_eq!(fold("  Quarterly\t 2025-Q3 \u{b}"), "quarterly 2025-q3");
        assert_eq!(fold("MỖI  QUÝ"), "moi quy");
        // Text already on one line is returned as it is; anything else is rewritten.
        for (input, want) in [
            ("Báo cáo quý III", "Báo cáo quý III"),
            ("", ""),
            (" a", "a"),
            ("a ", "a"),
            ("a  b", "a b"),
            ("a\u{a0}b", "a\u{a0}b"),
            ("a\u{2003}", "a"),
            ("a\u{1b}b", "a\\u{1b}b"),
        ] {
            assert_eq!(one_line(input), want, "{input:?}");
        }
        for (input, max, want) in
            [("", 0, ""), ("abc", 0, "…"), ("abc", 3, "abc"), ("abcd", 3, "ab…"), ("ấu", 1, "…"), ("ấu", 2, "ấu")]
        {
            assert_eq!(truncate(input, max), want, "{input:?} {max}");
        }
    }

    #[test]
    fn xml_text_replaces_what_xml_forbids() {
        assert_eq!(xml_text("bình thường\t\n\r"), "bình thường\t\n\r");
        assert_eq!(xml_text("Việc \u{fffd} \u{fdd0} \u{10ffff}"), "Việc \u{fffd} \u{fdd0} \u{10ffff}");
        assert_eq!(xml_text("a\u{fffe}b\u{ffff}c\u{1}d\u{b}e\u{0}"), "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\u{fffd}");
    }

    #[test]
    fn invisible_and_direction_characters_are_escaped() {
        for c in [
            '\u{200b}',
            '\u{200d}',
            '\u{200f}',
            '\u{61c}',
            '\u{202e}',
            '\u{2067}',
            '\u{feff}',
            '\u{2060}',
            '\u{2064}',
            '\u{ad}',
            '\u{9b}',
            '\u{85}',
            '\u{7f}',
            '\u{2028}',
            '\u{2029}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
            '\u{e0041}',
            '\u{1343f}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(clean(&s), format!("a\\u{{{:x}}}b", c as u32), "{c:?}");
            assert_eq!(one_line(&s), format!("a\\u{{{:x}}}b", c as u32), "{c:?}");
        }
        // Combining marks (decomposed Vietnamese), other scripts, symbols and no-break
        // spaces are text.
        for s in ["Vie\u{323}\u{302}t", "\u{301}\u{309}\u{303}", "Ελληνικά", "Русский", "中文", "→ … € ✓", "a\u{a0}b"]
        {
            assert_eq!(clean(s), s);
        }
        // Every character that `clean` leaves is one XML allows.
        for c in ('\0'..='\u{3000}').chain('\u{fff0}'..='\u{ffff}') {
            let cleaned = clean(c.encode_utf8(&mut [0; 4])).into_owned();
            assert!(cleaned.chars().all(xml_allows), "{c:?} → {cleaned:?}");
        }
    }

    #[test]
    fn nfc_composes_and_borrows_what_is_composed() {
        let nfd: String = "Việc".nfd().collect();
        assert_ne!(nfd, "Việc");
        assert_eq!(nfc(&nfd), "Việc");
        assert!(matches!(nfc("Việc"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(nfc("III.1"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn nearest_suggests() {
        assert_eq!(nearest("titel", ["title", "due", "owner"], 1), vec!["title"]);
        assert!(nearest("zzzz", ["title"], 1).is_empty());
        assert!(nearest(&"title".repeat(100_000), ["title"], 1).is_empty());
    }
}
