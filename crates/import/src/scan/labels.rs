//! Item labels: "II.", "1.", "1.2.", "a)", "-", and Roman numerals.

use super::fold_char;

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

/// The start of `text` that [`label`] can look at, as (byte offset, character) pairs: the
/// first 8 characters, then on while the characters are those a label is made of (digits,
/// '.', Roman letters, spaces) or a lone other one (a separator). The rules of `label` scan
/// runs of those characters, step over one separator and look one further; two others in a
/// row end every rule. A long paragraph costs a few characters, not a copy of it.
fn label_prefix(text: &str) -> Vec<(usize, char)> {
    let labelish = |c: char| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | 'I' | 'V' | 'X' | 'L');
    let mut out = Vec::with_capacity(16);
    let mut others = 0;
    for (n, (o, c)) in text.char_indices().enumerate() {
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
pub fn roman_value(text: &str) -> Option<u32> {
    const TABLE: [(&str, u32); 9] =
        [("XL", 40), ("L", 50), ("IX", 9), ("X", 10), ("IV", 4), ("V", 5), ("I", 1), ("XC", 90), ("C", 100)];
    let mut rest = text;
    let mut total = 0;
    while !rest.is_empty() {
        let (p, v) = TABLE.iter().find(|(p, _)| rest.starts_with(p))?;
        total += v;
        rest = &rest[p.len()..];
    }
    (to_roman(total) == text && total > 0).then_some(total)
}

pub fn to_roman(mut number: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut s = String::new();
    for (v, r) in TABLE {
        while number >= v {
            s.push_str(r);
            number -= v;
        }
    }
    s
}
