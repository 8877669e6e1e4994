//! Expected results and indicators: the measurable phrase of a task's wording, and the
//! target a threshold sets ("đạt tối thiểu 80%" → 80 %). Also the deadline clause that
//! titles and results leave out.

use std::ops::Range;

use super::lexicon::lexicon;
use super::owners::{is_owner_name, name_end, verb_at};
use super::title::capitalise;
use super::{DraftIndicator, Note, note};
use crate::import::scan::{Folded, is_word, trim_clause};

/// The most words a deadline clause has ("hằng tháng, trước ngày 25": 5); more after the
/// opener is a sentence going on ("duy trì thường xuyên công tác thông tin, …").
const DEADLINE_WORDS: usize = 8;

/// Where a deadline or recurrence clause that ends `folded[from..to]` opens ("hoàn thành
/// trước ngày …", "trong quý III/2025", "thường xuyên"), after at least two words.
fn deadline_start(folded: &Folded, from: usize, to: usize) -> Option<usize> {
    let lex = lexicon();
    let starts: Vec<usize> = (from..to).filter(|&i| folded.boundary_before(i) && is_word(folded.fold[i])).collect();
    // From the end: the earliest opener with at most DEADLINE_WORDS words after it.
    let n = starts.len();
    let first = n.saturating_sub(DEADLINE_WORDS + 1).max(2);
    (first..n).map(|k| starts[k]).find(|&i| {
        let c = folded.fold[i];
        lex.deadlines.iter().any(|d| d.as_bytes()[0] as char == c && folded.word_at(i, d))
    })
}

/// `text` without its deadline or recurrence clause: "Rà soát quy trình, hoàn thành trước
/// ngày 30/6/2025" → "Rà soát quy trình". Text without one is returned as it is.
#[cfg(test)]
pub(super) fn without_deadline(text: &str) -> String {
    without_deadline_in(&Folded::new(text), text)
}

/// [`without_deadline`] of `text`, folded as `f`.
pub(super) fn without_deadline_in(f: &Folded, text: &str) -> String {
    // The first sentence: the title is cut from it.
    let n = f.len();
    let end = (0..n)
        .find(|&i| f.orig[i] == ';' || (f.orig[i] == '.' && (i + 1 == n || f.orig[i + 1].is_whitespace())))
        .unwrap_or(n);
    match deadline_start(f, 0, end) {
        Some(k) => trim_clause(f.text(0..k).trim_end_matches([' ', ',', ';', '-', '–'])),
        None => text.to_string(),
    }
}

/// How a result was read: the rule's id (lexicon) and the note, if it is a guess.
pub(super) struct Found {
    pub(super) result: Option<String>,
    pub(super) note: Option<Note>,
    pub(super) rule: &'static str,
    pub(super) indicator: Option<DraftIndicator>,
}

/// The expected result: a "Sản phẩm:"/"Kết quả:" line, else the measurable phrase of a
/// clause with a rate or a threshold ("nâng tỷ lệ hồ sơ … đạt tối thiểu 80%" → "Tỷ lệ hồ
/// sơ … đạt tối thiểu 80%", with the indicator it sets), else a goal ("phấn đấu …").
pub(super) fn result_in(folded: &Folded, skip: &[Range<usize>]) -> Found {
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    for w in ["san pham", "ket qua can dat", "ket qua dat duoc", "ket qua"] {
        if let Some(k) = folded.find_word(w, 0)
            && free(k)
        {
            let after = folded.skip_ws(k + w.len());
            if folded.orig.get(after) == Some(&':') {
                let s = folded.skip_ws(after + 1);
                let mut e = s;
                while e < folded.len()
                    && !matches!(folded.orig[e], ';' | '\n')
                    && !(folded.orig[e] == '.'
                        && folded.boundary_after(e + 1)
                        && (e + 1 >= folded.len() || folded.orig[e + 1].is_whitespace()))
                {
                    e += 1;
                }
                let r = trim_clause(&folded.text(s..e));
                if !r.is_empty() {
                    let indicator = indicator_in(&Folded::new(&r));
                    return Found { result: Some(capitalise(&r)), note: None, rule: "result-label", indicator };
                }
            }
        }
    }
    // A comma between digits is a decimal one ("2,5%"), not a clause's end.
    let decimal = |i: usize| {
        i > 0 && folded.orig[i - 1].is_ascii_digit() && folded.orig.get(i + 1).is_some_and(char::is_ascii_digit)
    };
    let clause = |at: usize| -> Range<usize> {
        let mut s = at;
        while s > 0
            && (!matches!(folded.orig[s - 1], ';' | ',' | ':' | '\n') || decimal(s - 1))
            && !(folded.orig[s - 1] == '.' && folded.orig.get(s).is_some_and(|c| c.is_whitespace()))
        {
            s -= 1;
        }
        // Forward, a comma ends the clause only where a new one opens after it: the commas
        // inside what is counted ("04 tin, bài", "lĩnh vực dược, mỹ phẩm") do not.
        let mut e = at;
        while e < folded.len()
            && (!matches!(folded.orig[e], ';' | ',' | '\n')
                || decimal(e)
                || (folded.orig[e] == ',' && !clause_ends_at(folded, e)))
            && !(folded.orig[e] == '.' && (e + 1 >= folded.len() || folded.orig[e + 1].is_whitespace()))
        {
            e += 1;
        }
        s..e
    };
    let guess = || Some(note("rút từ văn bản; sửa cho đo được", "taken from the text; make it measurable"));
    // A rate, or a threshold before a number: the measured words, from "tỷ lệ" on.
    let at = (0..folded.len()).find(|&i| folded.orig[i] == '%' && free(i)).or_else(|| threshold_at(folded, skip));
    if let Some(k) = at {
        let r = clause(k);
        let lex = lexicon();
        let start = (r.start..k)
            .find(|&i| folded.boundary_before(i) && lex.measures.iter().any(|m| folded.word_at(i, m)))
            .unwrap_or(r.start);
        let mut end = deadline_start(folded, start, r.end).unwrap_or(r.end);
        // A rate ends at its percentage ("tỷ lệ … đạt tối thiểu 80%| tại các bệnh viện").
        if folded.orig[k] == '%' && start != r.start && k < end {
            end = k + 1;
        }
        let phrase = capitalise(&trim_clause(folded.text(start..end).trim_end_matches([' ', ','])));
        let indicator = indicator_in(&Folded::new(&phrase));
        return Found { result: Some(phrase), note: guess(), rule: "result-measure", indicator };
    }
    // "không để (xảy ra) hồ sơ trễ hạn": a result said as what must not happen, to the end
    // of its part of the sentence (commas inside it list what).
    if let Some(k) = folded.find_word("khong de", 0).filter(|&k| {
        free(k) && k > 0 && matches!(folded.orig[..k].iter().rev().find(|c| !c.is_whitespace()), Some(';'))
    }) {
        let mut e = k;
        while e < folded.len()
            && !matches!(folded.orig[e], ';' | '\n')
            && !(folded.orig[e] == '.' && (e + 1 >= folded.len() || folded.orig[e + 1].is_whitespace()))
        {
            e += 1;
        }
        let end = deadline_start(folded, k, e).unwrap_or(e);
        let phrase = capitalise(&trim_clause(&folded.text(k..end)));
        return Found { result: Some(phrase), note: guess(), rule: "result-measure", indicator: None };
    }
    for w in ["phan dau", "dam bao ty le", "bao dam ty le", "dat ty le"] {
        if let Some(k) = folded.find_word(w, 0).filter(|&k| free(k)) {
            let r = clause(k);
            let end = deadline_start(folded, r.start, r.end).unwrap_or(r.end);
            let phrase = capitalise(&trim_clause(&folded.text(r.start..end)));
            return Found { result: Some(phrase), note: guess(), rule: "result-measure", indicator: None };
        }
    }
    Found { result: None, note: None, rule: "", indicator: None }
}

/// Whether the comma at `c` ends a clause: the words after it open a new one — a verb, a
/// deadline or time clause, a purpose ("nhằm …"), a rate or threshold of its own, a new
/// subject ("Phòng Nội vụ tổng hợp …") — rather than going on a list inside what is counted
/// ("04 tin, bài mỗi tháng", "lĩnh vực dược, mỹ phẩm"). Looks at the next word only.
fn clause_ends_at(folded: &Folded, c: usize) -> bool {
    let j = folded.skip_ws(c + 1);
    let Some(&ch) = folded.orig.get(j) else { return true };
    if !is_word(folded.fold[j]) {
        return true;
    }
    if ch.is_uppercase() {
        // A capital: a new subject when a body's name opens there, else a proper noun of a list.
        return is_owner_name(&folded.text(j..name_end(folded, j)));
    }
    let lex = lexicon();
    let first = folded.fold[j];
    let opens = |w: &String| w.as_bytes().first().is_some_and(|&b| b as char == first) && folded.word_at(j, w);
    verb_at(folded, j)
        || lex.deadlines.iter().chain(&lex.clause_openers).chain(&lex.measures).any(opens)
        || lex.at_least.iter().chain(&lex.at_most).any(opens)
}

/// A threshold word followed by a number ("tối thiểu 20 hồ sơ"), outside `skip`: where the
/// number starts.
fn threshold_at(folded: &Folded, skip: &[Range<usize>]) -> Option<usize> {
    let lex = lexicon();
    let strong = |w: &&String| !matches!(w.as_str(), "tren" | "tu" | "dat" | "bang" | "la" | "duoi");
    let words = lex.at_least.iter().filter(strong).chain(lex.at_most.iter().filter(strong));
    let mut best: Option<usize> = None;
    for w in words {
        let mut i = 0;
        while let Some(k) = folded.find_word(w, i) {
            let n = folded.skip_ws(k + w.len());
            if folded.orig.get(n).is_some_and(char::is_ascii_digit) && !skip.iter().any(|r| r.contains(&k)) {
                best = Some(best.map_or(n, |b| b.min(n)));
                break;
            }
            i = k + w.len();
        }
    }
    best
}

/// The indicator a measured phrase sets: "Tỷ lệ hồ sơ … đạt tối thiểu 80%" → name "Tỷ lệ
/// hồ sơ …", target 80, unit "%"; "không quá 5%" is a ceiling. A percentage counts when
/// the phrase is a rate ("tỷ lệ …") or says a threshold; a count only with a threshold
/// ("tối thiểu 20 hồ sơ" → 20 "hồ sơ").
pub(super) fn indicator_in(phrase: &Folded) -> Option<DraftIndicator> {
    let lex = lexicon();
    let n = phrase.len();
    // The number before the percent sign ("… năm 2024 đạt 95%": 95), else the phrase's first.
    let number = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.');
    let start = match (0..n).find(|&i| phrase.orig[i] == '%') {
        Some(p) => {
            let mut s = p;
            while s > 0 && phrase.orig[s - 1] == ' ' {
                s -= 1;
            }
            while s > 0 && number(phrase.orig[s - 1]) {
                s -= 1;
            }
            (s < p && phrase.orig[s].is_ascii_digit()).then_some(s)?
        }
        None => (0..n).find(|&i| phrase.orig[i].is_ascii_digit() && phrase.boundary_before(i))?,
    };
    let mut end = start;
    while end < n && number(phrase.orig[end]) {
        end += 1;
    }
    let digits = phrase.text(start..end);
    let digits = digits.trim_end_matches([',', '.']);
    // Some hundreds of digits parse as infinity, which no plan holds: no indicator then.
    let target: f64 = digits.replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite())?;
    // The threshold word right before the number.
    let before = phrase.text(0..start);
    let before_f = crate::import::scan::fold(before.trim_end());
    let ends_with = |w: &String| before_f == *w || before_f.ends_with(&format!(" {w}"));
    let at_most = lex.at_most.iter().find(|w| ends_with(w));
    let at_least = lex.at_least.iter().find(|w| ends_with(w));
    // The longer word wins: "không dưới" (at least) holds "dưới" (at most).
    let (threshold, ceiling) = match (at_most, at_least) {
        (Some(m), Some(l)) if l.len() > m.len() => (Some(l), false),
        (Some(m), _) => (Some(m), true),
        (None, l) => (l, false),
    };
    let after = phrase.skip_ws(end);
    // Where the unit's words end in the phrase.
    let mut unit_end = after;
    let unit = if phrase.orig.get(after) == Some(&'%') {
        Some("%".to_string())
    } else {
        // A count: a count noun of the lexicon ("thủ tục hành chính" → "thủ tục"), else the
        // words up to the clause's end (at most three).
        threshold?;
        let first = phrase.fold.get(after).copied();
        let listed = lex
            .count_units
            .iter()
            .find(|(w, _)| w.as_bytes().first().map(|&b| b as char) == first && phrase.word_at(after, w));
        if let Some((w, u)) = listed {
            unit_end = after + w.chars().count();
            Some(u.clone())
        } else {
            let mut e = after;
            let mut words = 0;
            while e < n && !matches!(phrase.orig[e], ',' | ';' | '.' | '(') {
                if phrase.boundary_before(e) && is_word(phrase.fold[e]) {
                    words += 1;
                    if words > 3 || phrase.word_at(e, "tro len") || phrase.word_at(e, "trong") {
                        break;
                    }
                }
                e += 1;
            }
            unit_end = e;
            let u = phrase.text(after..e);
            (!u.is_empty()).then_some(u)
        }
    };
    let is_rate = lex.measures.iter().any(|m| phrase.find_word(m, 0).is_some());
    if unit.as_deref() == Some("%") && threshold.is_none() && !is_rate {
        // "100% hồ sơ được số hóa": a share said first is a rate of what follows, at least.
        let rest = trim_clause(&phrase.text(phrase.skip_ws(after + 1)..n));
        if !before.trim().is_empty() || rest.split_whitespace().count() < 2 {
            return None;
        }
        let name = format!("Tỷ lệ {}", lower_first(&rest));
        return Some(DraftIndicator { name, unit, target, direction: None });
    }
    // The name: the words before the threshold (and "đạt"), e.g. "Tỷ lệ hồ sơ … điện tử".
    let cut = match threshold {
        Some(w) => {
            before.trim_end().len()
                - before.trim_end().chars().rev().take(w.chars().count()).map(char::len_utf8).sum::<usize>()
        }
        None => before.trim_end().len(),
    };
    let mut name = before[..cut].trim_end().to_string();
    for tail in [" đạt", " là", " ở mức", " đạt từ"] {
        if let Some(n) = name.strip_suffix(tail) {
            name = n.trim_end().to_string();
        }
    }
    let mut name = trim_clause(&name);
    if name.is_empty()
        && let Some(u) = unit.as_deref().filter(|u| *u != "%")
    {
        // Nothing before the threshold ("Ít nhất 04 tin, bài mỗi tháng"): the count of the
        // unit, with what follows it ("Số tin, bài mỗi tháng").
        let rest = trim_clause(&phrase.text(unit_end..n));
        name = if rest.is_empty() { format!("Số {u}") } else { format!("Số {u} {rest}") };
    }
    if name.chars().count() < 3 {
        return None;
    }
    Some(DraftIndicator { name: capitalise(&name), unit, target, direction: ceiling.then_some("at-most") })
}

/// The text with its first letter in lower case, unless it is an acronym ("HĐND").
fn lower_first(text: &str) -> String {
    let mut c = text.chars();
    match (c.next(), c.clone().next()) {
        (Some(a), Some(b)) if !b.is_uppercase() => a.to_lowercase().chain(c).collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An indicator's name, target and unit.
    type Indicator = (String, f64, Option<String>);

    fn read(text: &str) -> (Option<String>, Option<Indicator>) {
        let r = result_in(&Folded::new(text), &[]);
        (r.result, r.indicator.map(|i| (i.name, i.target, i.unit)))
    }

    #[test]
    fn a_result_ends_at_a_clause_not_inside_what_it_counts() {
        // A noun list after the count stays; a purpose clause after a comma ends it.
        assert_eq!(
            read("Bồi dưỡng cho ít nhất 30 cán bộ, công chức cấp xã, nhằm nâng cao kỹ năng số.").0.as_deref(),
            Some("Bồi dưỡng cho ít nhất 30 cán bộ, công chức cấp xã")
        );
        // A deadline after a comma ends it; the commas of "tin, bài" do not.
        let (result, indicator) = read(
            "Đăng tải ít nhất 06 tin, bài về chuyển đổi số trên Cổng thông tin điện tử, hoàn thành trước ngày 30/9/2025.",
        );
        assert_eq!(
            result.as_deref(),
            Some("Đăng tải ít nhất 06 tin, bài về chuyển đổi số trên Cổng thông tin điện tử")
        );
        assert_eq!(indicator, Some(("Đăng tải".into(), 6.0, Some("tin, bài".into()))));
        // A verb after the comma opens a new clause.
        assert_eq!(
            read("Số hóa tối thiểu 500 hồ sơ đất đai, cập nhật vào cơ sở dữ liệu.").0.as_deref(),
            Some("Số hóa tối thiểu 500 hồ sơ đất đai")
        );
        // A new subject after the comma too.
        assert_eq!(
            read("Kiểm tra tối thiểu 04 cơ quan, đơn vị, Phòng Nội vụ tổng hợp kết quả.").0.as_deref(),
            Some("Kiểm tra tối thiểu 04 cơ quan, đơn vị")
        );
    }

    #[test]
    fn a_count_takes_its_unit_from_the_lexicon_whole() {
        // "thủ tục hành chính" counts in "thủ tục", never "thủ tục hành".
        let (_, indicator) = read("Công bố tối thiểu 12 thủ tục hành chính thuộc lĩnh vực đất đai.");
        assert_eq!(indicator, Some(("Công bố".into(), 12.0, Some("thủ tục".into()))));
        // Nothing before the threshold: the indicator is the count of its unit.
        let (result, indicator) = read("Cập nhật dữ liệu dân cư; không dưới 15 hồ sơ mỗi quý.");
        assert_eq!(result.as_deref(), Some("Không dưới 15 hồ sơ mỗi quý"));
        assert_eq!(indicator, Some(("Số hồ sơ mỗi quý".into(), 15.0, Some("hồ sơ".into()))));
        // A unit the lexicon does not list: the words to the clause's end, at most three.
        let (_, indicator) = read("Xây dựng ít nhất 3 mô hình điểm về dân vận khéo.");
        assert_eq!(indicator.map(|i| i.2), Some(Some("mô hình điểm".into())));
    }
}
