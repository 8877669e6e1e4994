//! Cited documents: "Kế hoạch số 16/KH-UBND ngày … của … về …".

use std::ops::Range;

use super::dates::{DateText, date_at};
use super::{Folded, is_word, trim_clause};

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

/// For each ASCII letter, the kinds (bit n: `KINDS[n]`) that begin with it.
const KINDS_BY_FIRST: [u32; 128] = {
    assert!(KINDS.len() <= 32);
    let mut t = [0u32; 128];
    let mut n = 0;
    while n < KINDS.len() {
        t[KINDS[n].0.as_bytes()[0] as usize] |= 1 << n;
        n += 1;
    }
    t
};

fn kind_at(folded: &Folded, i: usize) -> Option<(&'static str, usize)> {
    // Most words start with no kind's first letter: rule them out in one look.
    // Then only the kinds with that first letter, in their order (a bit per kind).
    let c = *folded.fold.get(i)?;
    if !c.is_ascii() {
        return None;
    }
    let mut kinds = KINDS_BY_FIRST[c as usize];
    while kinds != 0 {
        let n = kinds.trailing_zeros() as usize;
        kinds &= kinds - 1;
        let (k, name) = KINDS[n];
        if folded.word_at(i, k) {
            return Some((name, i + k.chars().count()));
        }
    }
    None
}

/// Reads a document number ("16/KH-UBND", "73/2023/NĐ-CP", "14-KL/TW") at `i`.
fn number_at(folded: &Folded, i: usize) -> Option<(String, usize)> {
    if !folded.fold.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut j = i;
    while j < folded.len() && (is_word(folded.orig[j]) || matches!(folded.orig[j], '/' | '-' | '.' | '_')) {
        j += 1;
    }
    while j > i && matches!(folded.orig[j - 1], '.' | '-' | '/' | '_') {
        j -= 1;
    }
    let s: String = folded.orig[i..j].iter().collect();
    let has_symbol = s.contains(['/', '-']) && s.chars().any(char::is_alphabetic);
    has_symbol.then_some((s, j))
}

/// Whether a citation (kind + number) starts at `i`.
fn citation_starts(folded: &Folded, i: usize) -> bool {
    kind_at(folded, i).is_some_and(|(_, e)| {
        let mut k = folded.skip_ws(e);
        if folded.exact(k, "số") {
            k = folded.skip_ws(k + 2);
            if folded.fold.get(k) == Some(&':') {
                k = folded.skip_ws(k + 1);
            }
        }
        number_at(folded, k).is_some()
    })
}

/// Finds the documents cited in `text`. With `lenient` (a "Căn cứ …" line), documents
/// without a number are accepted too ("Căn cứ Luật Tổ chức chính quyền địa phương").
pub fn citations(text: &str, lenient: bool) -> Vec<Citation> {
    let f = Folded::new(text);
    citations_in(&f, lenient)
}

pub fn citations_in(folded: &Folded, lenient: bool) -> Vec<Citation> {
    let mut out = Vec::new();
    // A citation starts where a word does: from one word's start to the next.
    let mut i = folded.next_word_start(0);
    while i < folded.len() {
        let next = match citation_at(folded, i, lenient) {
            Some(c) => {
                let end = c.span.end.max(i + 1);
                out.push(c);
                end
            }
            None => folded.word_end(i).max(i + 1),
        };
        i = folded.next_word_start(next);
    }
    out
}

fn citation_at(folded: &Folded, i: usize, lenient: bool) -> Option<Citation> {
    let (kind, mut k) = kind_at(folded, i)?;
    // Cited kinds are capitalised or follow "số"; "kế hoạch" in running text is not a citation.
    let k0 = folded.skip_ws(k);
    let mut number = None;
    let mut j = k0;
    if folded.exact(j, "số") {
        j = folded.skip_ws(j + 2);
        if folded.fold.get(j) == Some(&':') {
            j = folded.skip_ws(j + 1);
        }
    }
    if let Some((n, e)) = number_at(folded, j) {
        number = Some(n);
        k = e;
    } else {
        let named = NAMED_KINDS.contains(&kind) && folded.orig[i].is_uppercase();
        let of_issuer =
            lenient && folded.orig[i].is_uppercase() && (folded.exact(k0, "của") || folded.word_at(k0, "ngay"));
        if !(of_issuer || lenient && named) {
            return None;
        }
    }
    let mut subject = None;
    let mut issuer = None;
    let mut date = None;
    // A law cited by name: the name runs to its date or the end of the clause.
    if number.is_none() && NAMED_KINDS.contains(&kind) {
        let start = folded.skip_ws(k);
        let mut e = start;
        while e < folded.len()
            && !matches!(folded.fold[e], ';' | ',' | '(')
            && !folded.word_at(e, "ngay")
            && !folded.exact(e, "số")
        {
            e += 1;
        }
        let name = folded.text(start..e);
        if name.is_empty() {
            return None;
        }
        subject = Some(name);
        k = e;
    }
    // ", ngày 15 tháng 01 năm 2025" / " ngày 15/01/2025"
    let mut p = folded.skip_ws(k);
    if folded.fold.get(p) == Some(&',') {
        p = folded.skip_ws(p + 1);
    }
    if folded.word_at(p, "ban hanh") {
        p = folded.skip_ws(p + 8);
    }
    if folded.word_at(p, "ngay")
        && let Some((d, e)) = date_at(folded, p)
    {
        date = Some(d);
        k = e;
    }
    // " của Ủy ban nhân dân Quận 1"
    let p = folded.skip_ws(k);
    if folded.exact(p, "của") {
        let start = folded.skip_ws(p + 3);
        let end = issuer_end(folded, start);
        let name = folded.text(start..end);
        // "của trường Tiểu học …": a body named in lower case is still the issuer.
        let body_word =
            ["truong ", "phong ", "uy ban ", "so ", "bo "].iter().any(|w| super::fold(&name).starts_with(w));
        if !name.is_empty() && (name.chars().next().is_some_and(char::is_uppercase) || body_word) {
            issuer = Some(capitalise(&trim_clause(&name)));
            k = end;
        }
    }
    // " về …" or a verb that starts the subject.
    let p = folded.skip_ws(k);
    if subject.is_none() {
        let start = if folded.exact(p, "về") && folded.word_at(folded.skip_ws(p + 2), "viec") {
            Some(folded.skip_ws(folded.skip_ws(p + 2) + 4))
        } else if folded.exact(p, "về") {
            Some(folded.skip_ws(p + 2))
        } else if folded.orig.get(p).is_some_and(|c| c.is_lowercase())
            && SUBJECT_VERBS.iter().any(|v| folded.word_at(p, v))
        {
            Some(p)
        } else {
            None
        };
        if let Some(start) = start {
            let end = subject_end(folded, start);
            let s = trim_clause(&folded.text(start..end));
            if !s.is_empty() {
                subject = Some(s);
                k = end;
            }
        }
    }
    Some(Citation { kind: kind.to_string(), number, date, issuer, subject, span: i..k })
}

/// Where an issuer's name ends: before "về", a subject verb, a clause mark, or the next citation.
fn issuer_end(folded: &Folded, start: usize) -> usize {
    let mut e = start;
    let mut words = 0;
    while e < folded.len() {
        let c = folded.fold[e];
        if matches!(c, ',' | ';' | '(' | ':') || (c == '.' && folded.boundary_after(e + 1)) {
            break;
        }
        if folded.boundary_before(e) && is_word(c) {
            words += 1;
            if folded.exact(e, "về")
                || folded.exact(e, "nhằm")
                || folded.exact(e, "để")
                || folded.exact(e, "tại")
                || folded.exact(e, "theo")
                || (folded.orig[e].is_lowercase() && SUBJECT_VERBS.iter().any(|v| folded.word_at(e, v)))
                || words > 14
            {
                break;
            }
            if folded.exact(e, "và") && citation_starts(folded, folded.skip_ws(e + 2)) {
                break;
            }
        }
        e += 1;
    }
    e
}

/// Where a cited subject ends: at ";", a sentence end, "nhằm"/"để", or a list of further citations.
fn subject_end(folded: &Folded, start: usize) -> usize {
    let mut e = start;
    let mut depth = 0i32;
    while e < folded.len() {
        let c = folded.orig[e];
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => break,
            '.' if depth <= 0 && (e + 1 >= folded.len() || folded.orig[e + 1].is_whitespace()) => break,
            ',' if depth <= 0 && citation_starts(folded, folded.skip_ws(e + 1)) => break,
            _ => {}
        }
        if folded.boundary_before(e) && is_word(folded.fold[e]) {
            if e > start && (folded.exact(e, "nhằm") || folded.exact(e, "để")) {
                break;
            }
            if folded.exact(e, "và") && citation_starts(folded, folded.skip_ws(e + 2)) {
                break;
            }
        }
        e += 1;
    }
    e
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`citations_in`] as it was before it walked from word start to word start.
    fn citations_char_by_char(folded: &Folded, lenient: bool) -> Vec<Citation> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            if !(folded.boundary_before(i) && is_word(folded.fold[i])) {
                i += 1;
                continue;
            }
            match citation_at(folded, i, lenient) {
                Some(c) => {
                    i = c.span.end.max(i + 1);
                    out.push(c);
                }
                None => i = folded.word_end(i).max(i + 1),
            }
        }
        out
    }

    #[test]
    fn walking_from_word_to_word_finds_what_every_character_finds() {
        let mut texts = super::super::dates::tests::texts();
        texts.extend(
            [
                "Căn cứ Kế hoạch số 16/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân Quận 1 về cải cách hành chính;",
                "Luật Tổ chức chính quyền địa phương ngày 19/02/2025; Nghị định số 30/2020/NĐ-CP; Quyết định 73/QĐ-UBND",
                "kế hoạch số16/KH; Kế hoạchsố 1/A-B; Công văn-số 2/CV-X; (Thông tư 01/2023/TT-BNV) Chỉ thị số: 14-CT/TW",
                "Hiến pháp năm 2013, Bộ luật Lao động, Pháp lệnh số 01; Quy định số 1/QĐ-X của Ban Thường vụ",
            ]
            .map(str::to_string),
        );
        for text in texts {
            let f = Folded::new(&text);
            for lenient in [false, true] {
                assert_eq!(citations_in(&f, lenient), citations_char_by_char(&f, lenient), "{text:?} {lenient}");
            }
        }
    }
}
