//! Owners: who is named as chairing or supporting a task, and their ids.

use std::ops::Range;

use super::lexicon::lexicon;
use crate::import::scan::fold;
use crate::import::scan::{Folded, fold_char, is_word, trim_clause};

/// Whether a phrase can be an owner's name: it starts with a body or role word (after "các",
/// "toàn thể") or is an acronym like "CB-GV-NV", and is short.
pub(super) fn is_owner_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 || words > 12 || text.chars().any(|c| matches!(c, ';' | ':')) {
        return false;
    }
    if is_staff_acronym(text.split_whitespace().next().unwrap_or("")) {
        return true;
    }
    let f = fold(text);
    // "mọi"/"mỗi" (every), not "Môi" ("Môi trường" is no "Trường").
    let every = || text.to_lowercase().starts_with("mọi ") || text.to_lowercase().starts_with("mỗi ");
    let f = f
        .strip_prefix("cac ")
        .or_else(|| f.strip_prefix("toan the "))
        .or_else(|| f.strip_prefix("moi ").filter(|_| every()))
        .unwrap_or(&f);
    // Most phrases are ruled out by their first letter before any comparison.
    let first = f.as_bytes().first().copied();
    let leads = |w: &str, seps: &[char]| {
        w.as_bytes().first().copied() == first
            && f.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(seps))
    };
    let lex = lexicon();
    if lex.not_heads.iter().chain(&lex.verbs).any(|w| leads(w, &[' '])) {
        return false;
    }
    lex.heads.iter().any(|w| leads(w, &[' ', '-']))
}

/// Whether folded `f` opens with the folded phrase `w` as whole words.
fn opens_with_words(f: &str, w: &str) -> bool {
    f.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',', '-']))
}

/// Whether a name is a joint office of the lexicon ("Văn phòng HĐND và UBND thành phố"):
/// its "và" joins two heads into one body's name, it does not part two bodies.
pub(super) fn is_joint_body(name: &str) -> bool {
    let f = fold(name);
    lexicon().joint_bodies.iter().any(|j| opens_with_words(&f, j))
}

/// Whether a part of a list, after a comma, goes on the name before it rather than naming a
/// body of its own: "Phòng Kinh tế, |Hạ tầng và Đô thị", "Trung tâm Văn hóa, |Thể thao và
/// Truyền thanh thành phố". Such a part opens with a capital but with no head of the
/// lexicon, no verb, no deadline and no phrase that only looks like a head ("Tổ chức …",
/// "Ban hành …"), and is short. "Phòng Nội vụ, Phòng Tư pháp" stays two: the second part
/// has its own head; "các phòng, ban" is a group, joined by the lower-case rule.
pub(super) fn continues_name(part: &str) -> bool {
    let part = part.trim();
    let words = part.split_whitespace().count();
    if words == 0 || words > 8 || !part.chars().next().is_some_and(char::is_uppercase) || is_owner_name(part) {
        return false;
    }
    if part.chars().any(|c| matches!(c, ';' | ':' | '(' | '.')) || part.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let f = fold(part);
    let lex = lexicon();
    !lex.verbs.iter().chain(&lex.not_heads).chain(&lex.assign).chain(&lex.deadlines).any(|w| opens_with_words(&f, w))
}

/// "CB-GV-NV", "CB, GV, NV", "CBCCVC": the staff as a whole.
fn is_staff_acronym(word: &str) -> bool {
    const STAFF: &[&str] = &["CB", "GV", "NV", "CC", "VC", "CBCC", "CBCCVC", "CBGVNV", "CBVC", "NLĐ", "HS"];
    // The parts, counted and checked without a list of them.
    let (mut parts, mut all_staff) = (0, true);
    for p in word.split(['-', ',']).filter(|p| !p.is_empty()) {
        parts += 1;
        all_staff &= STAFF.contains(&p);
    }
    (parts >= 2 && all_staff) || ["CBCCVC", "CBGVNV", "CBCC", "CBVC"].contains(&word)
}

/// Whether a verb of the lexicon starts at `i`, written with its accents ("nâng", not the
/// "năng" of "chức năng").
pub(super) fn verb_at(folded: &Folded, i: usize) -> bool {
    let first = folded.fold.get(i).copied();
    lexicon()
        .verbs_written
        .iter()
        .any(|(v, w)| v.as_bytes().first().map(|&b| b as char) == first && folded.word_at(i, v) && folded.exact(i, w))
}

/// The most words a sentence's subject has ("Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban
/// nhân dân các xã": 11; a province names its districts, towns and cities too).
const SUBJECT_WORDS: usize = 24;

/// The sentence's subject that starts at `s` ("Công chức Địa chính - Xây dựng| tham mưu …",
/// "Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban nhân dân các xã| thực hiện …"): the
/// words up to the first verb written in lower case, when they open with a head of the
/// lexicon. Several bodies separated by commas stay one (group) owner. Returns the name,
/// where it ends, and whether it names a group. Reads at most [`SUBJECT_WORDS`] words.
pub(super) fn subject_at(folded: &Folded, s: usize) -> Option<(String, usize, bool)> {
    if !folded.orig.get(s)?.is_uppercase() {
        return None;
    }
    let (mut e, mut words, mut commas) = (s, 0, 0);
    loop {
        let c = *folded.orig.get(e)?;
        if matches!(c, ';' | ':' | '(' | '\n') || (c == '.' && folded.boundary_after(e + 1)) {
            return None;
        }
        if c == ',' {
            commas += 1;
        }
        if folded.boundary_before(e) && is_word(folded.fold[e]) {
            if e > s && folded.orig[e].is_lowercase() && verb_at(folded, e) {
                break;
            }
            words += 1;
            if words > SUBJECT_WORDS {
                return None;
            }
        }
        e += 1;
    }
    let name = trim_clause(&folded.text(s..e));
    // "Toàn thể CB-GV-NV": the staff themselves.
    let name = name.strip_prefix("Toàn thể ").map_or(name.clone(), |n| n.trim().to_string());
    let first = name.split(',').next().unwrap_or("");
    // A group names several bodies; "Phòng Kinh tế, Hạ tầng và Đô thị" is one.
    let group = commas > 0 && name.split(',').skip(1).any(|p| !continues_name(p));
    (is_owner_name(first) && !name.is_empty()).then_some((name, e, group))
}

/// Where an owner's name that starts at `start` ends.
pub(super) fn name_end(folded: &Folded, start: usize) -> usize {
    let mut e = start;
    while e < folded.len() {
        let c = folded.orig[e];
        if matches!(c, ',' | ';' | ':' | '(') || (c == '.' && folded.boundary_after(e + 1)) {
            break;
        }
        if e > start && folded.boundary_before(e) && is_word(folded.fold[e]) {
            // A verb written in lower case ends the name; with a capital it is part of it
            // ("Công chức Địa chính - Xây dựng").
            if folded.orig[e].is_lowercase() && verb_at(folded, e) {
                break;
            }
            // "A và B": go on when B is a name too ("Sở Khoa học và Công nghệ", "… và các tổ").
            if folded.exact(e, "và") {
                let nx = folded.skip_ws(e + 2);
                let mut stop = nx;
                while stop < folded.len() && !matches!(folded.orig[stop], ',' | ';' | ':' | '.' | '(') {
                    stop += 1;
                }
                let upper = folded.orig.get(nx).is_some_and(|c| c.is_uppercase());
                if !upper && !is_owner_name(&folded.text(nx..stop)) {
                    break;
                }
            }
            if folded.exact(e, "trong")
                || folded.exact(e, "về")
                || folded.exact(e, "để")
                || folded.exact(e, "nhằm")
                || folded.exact(e, "theo")
            {
                break;
            }
        }
        e += 1;
    }
    e
}

/// The owner's name that ends at `end` ("… do Phòng Nội vụ| chủ trì"): the longest run of
/// words before it, within its clause, that reads as a name.
fn owner_before(folded: &Folded, end: usize) -> Option<(usize, String)> {
    let clause_start = |mut s: usize| {
        while s > 0 && !matches!(folded.orig[s - 1], ',' | ';' | ':' | '(' | '.' | '\n') {
            s -= 1;
        }
        s
    };
    let mut s = clause_start(end);
    // "Phòng Kinh tế, Hạ tầng và Đô thị| chủ trì": a part that goes on the name before its
    // comma takes that name in (a few parts at most).
    for _ in 0..3 {
        if s < 2 || folded.orig[s - 1] != ',' || !continues_name(&folded.text(s..end)) {
            break;
        }
        s = clause_start(s - 1);
    }
    let starts: Vec<usize> = (s..end).filter(|&i| is_word(folded.fold[i]) && folded.boundary_before(i)).collect();
    starts.into_iter().find_map(|i| {
        let lead_ok = folded.orig[i].is_uppercase() || folded.word_at(i, "cac") || folded.word_at(i, "toan the");
        if !lead_ok {
            return None;
        }
        let name = trim_clause(&folded.text(i..end));
        is_owner_name(&name).then_some((i, name))
    })
}

#[derive(Default)]
pub(super) struct FoundOwners {
    /// The primary owner, and whether the text says so plainly ("chủ trì", "giao").
    pub(super) owner: Option<(String, bool)>,
    pub(super) support: Vec<String>,
    /// A "Phòng Nội vụ:" prefix ends here (character index), to leave out of the title.
    pub(super) prefix_end: Option<usize>,
    /// The rule that found the owner, and the one that found the support (lexicon ids).
    pub(super) owner_rule: &'static str,
    pub(super) support_rule: &'static str,
}

/// Owners named in a task's text.
pub(super) fn owners_in(folded: &Folded, skip: &[Range<usize>]) -> FoundOwners {
    let mut found = FoundOwners::default();
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    let first_line = folded.orig.iter().position(|&c| c == '\n').unwrap_or(folded.len());

    // "Phòng Nội vụ: …" — the owner as the item's lead.
    if let Some(colon) = (0..first_line.min(90)).find(|&i| folded.orig[i] == ':') {
        let lead = folded.text(0..colon);
        if is_owner_name(&lead) && !fold(&lead).starts_with("chu tri") && !fold(&lead).starts_with("phoi hop") {
            found.owner = Some((lead, true));
            found.prefix_end = Some(colon + 1);
            found.owner_rule = "owner-lead";
        }
    }
    // "… chủ trì", "chủ trì: …", "giao … thực hiện", "… là đầu mối", "… phụ trách".
    // When the item opens with its owner ("Phòng Nội vụ chủ trì, phối hợp …", "Giao Công an
    // phường …"), `lead` is where that opening ends, to leave it out of the title.
    let text_start = folded.skip_ws(0);
    let opens_with = |s: usize| {
        s == text_start || (folded.word_at(text_start, "giao") && folded.skip_ws(text_start + 4) == s) || {
            let after = folded.skip_ws(text_start + 4);
            folded.word_at(text_start, "giao") && folded.word_at(after, "cho") && folded.skip_ws(after + 3) == s
        }
    };
    let mut lead: Option<usize> = None;
    let mut i = 0;
    while found.owner.is_none() && i < folded.len() {
        let Some(k) = ["chu tri", "phu trach", "dau moi"].iter().filter_map(|w| folded.find_word(w, i)).min() else {
            break;
        };
        let wlen = if folded.word_at(k, "phu trach") { 9 } else { 7 };
        if free(k) {
            let after = folded.skip_ws(k + wlen);
            if folded.orig.get(after) == Some(&':') {
                let s = folded.skip_ws(after + 1);
                let name = trim_clause(&folded.text(s..name_end(folded, s)));
                if is_owner_name(&name) {
                    found.owner = Some((name, k < first_line));
                    found.owner_rule = "owner-chair";
                }
            } else {
                let mut end = k;
                for w in ["la", "lam"] {
                    if let Some(p) = folded.rfind_word(w, k).filter(|&p| folded.skip_ws(p + w.len()) == k) {
                        end = p;
                    }
                }
                if let Some((start, name)) = owner_before(folded, end) {
                    if opens_with(start) {
                        lead = Some(k + wlen);
                    }
                    found.owner = Some((name, k < first_line));
                    found.owner_rule = "owner-chair";
                }
            }
        }
        i = k + wlen;
    }
    if found.owner.is_none()
        && let Some((k, name, e)) = assigned(folded, &free)
    {
        if k == text_start {
            lead = Some(e);
        }
        found.owner = Some((name, k < first_line));
        found.owner_rule = "owner-assign";
    }
    // "Đề nghị X …", "Yêu cầu X …" opening the item; else the sentence's subject:
    // "Công chức Địa chính - Xây dựng tham mưu …". A guess: the text does not say "chủ trì".
    if found.owner.is_none()
        && let Some((name, end, plain, rule)) = subject_owner(folded, text_start, first_line)
    {
        lead = Some(end);
        found.owner = Some((name, plain));
        found.owner_rule = rule;
    }
    support_with(folded, &free, &mut lead, &mut found);
    if let Some(l) = lead {
        let start = skip_marks(folded, l);
        if start < first_line && folded.orig[start].is_lowercase() {
            found.prefix_end = Some(start);
        }
    }
    // The staff as a whole ("CB-GV-NV") named in the task: an owner, not said plainly.
    if found.owner.is_none()
        && let Some(w) = staff_owner(folded, &free)
    {
        found.owner = Some((w, false));
        found.owner_rule = "owner-staff";
    }
    found
}

/// Past the spaces and commas from `p`.
fn skip_marks(folded: &Folded, mut p: usize) -> usize {
    while p < folded.len() && (folded.orig[p].is_whitespace() || folded.orig[p] == ',') {
        p += 1;
    }
    p
}

/// "phối hợp (với) A, B và C" outside the skipped ranges: the supporting bodies, into
/// `found`. When the list follows the item's opening owner, `lead` moves past it.
fn support_with(folded: &Folded, free: &dyn Fn(usize) -> bool, lead: &mut Option<usize>, found: &mut FoundOwners) {
    // "phối hợp (với) A, B và C"
    let mut i = 0;
    while let Some(k) = folded.find_word("phoi hop", i) {
        let follows_lead = lead.is_some_and(|l| skip_marks(folded, l) == k);
        let mut s = folded.skip_ws(k + 8);
        if folded.orig.get(s) == Some(&':') {
            s = folded.skip_ws(s + 1);
        }
        if folded.word_at(s, "voi") {
            s = folded.skip_ws(s + 3);
        }
        if free(k) && !folded.word_at(s, "giua") {
            let mut p = s;
            loop {
                let e = name_end(folded, p);
                let name = trim_clause(&folded.text(p..e));
                if !is_owner_name(&name) {
                    // "Phòng Kinh tế, Hạ tầng và Đô thị": the part after the comma goes on
                    // the name before it.
                    match found.support.last_mut() {
                        Some(last) if p > s && continues_name(&name) => {
                            last.push_str(", ");
                            last.push_str(&name);
                            if follows_lead {
                                *lead = Some(e);
                            }
                            if folded.orig.get(e) == Some(&',') {
                                p = folded.skip_ws(e + 1);
                                continue;
                            }
                        }
                        _ => {}
                    }
                    break;
                }
                let lower = !name.chars().next().is_some_and(char::is_uppercase) && !fold(&name).starts_with("cac ");
                if lower {
                    // "Ủy ban nhân dân các phường, xã": a name in lower case after a comma
                    // goes on the group before it.
                    match found.support.last_mut() {
                        Some(last) if p > s => {
                            last.push_str(", ");
                            last.push_str(&name);
                        }
                        _ => break,
                    }
                } else {
                    // "A và B": split at "và" when both are names ("Sở Khoa học và Công nghệ"
                    // is one, and so is a joint office, "Văn phòng HĐND và UBND huyện").
                    let parts: Vec<String> = name.split(" và ").map(trim_clause).collect();
                    let split = parts.len() > 1 && !is_joint_body(&name) && parts.iter().all(|p| is_owner_name(p));
                    for part in if split { parts } else { vec![name.clone()] } {
                        if !found.support.contains(&part) {
                            found.support.push(part);
                            found.support_rule = "support-with";
                        }
                    }
                }
                if follows_lead {
                    *lead = Some(e);
                }
                if folded.orig.get(e) == Some(&',') {
                    p = folded.skip_ws(e + 1);
                } else {
                    break;
                }
            }
        }
        i = k + 8;
    }
}

/// "Giao (cho) X …" anywhere outside the skipped ranges: where "giao" is, the name, where it
/// ends. The name is the subject up to its verb ("Giao Văn phòng HĐND và UBND xã theo
/// dõi"), else the words as far as they read as a name.
fn assigned(folded: &Folded, free: &dyn Fn(usize) -> bool) -> Option<(usize, String, usize)> {
    let mut i = 0;
    while i < folded.len() {
        let k = folded.find_word("giao", i)?;
        let s = folded.skip_ws(k + 4);
        let s = if folded.word_at(s, "cho") { folded.skip_ws(s + 3) } else { s };
        if free(k) {
            let (name, e) = match subject_at(folded, s) {
                Some((name, e, _)) => (name, e),
                None => {
                    let e = name_end(folded, s);
                    (trim_clause(&folded.text(s..e)), e)
                }
            };
            if is_owner_name(&name) && name.chars().next().is_some_and(|c| c.is_uppercase()) {
                return Some((k, name, e));
            }
        }
        i = k + 4;
    }
    None
}

/// The owner an item opens with: "Đề nghị X …" (said plainly), else the sentence's subject
/// ("Công chức … tham mưu …", a guess). The name, where it ends, whether it is said plainly,
/// and the rule.
fn subject_owner(folded: &Folded, text_start: usize, first_line: usize) -> Option<(String, usize, bool, &'static str)> {
    let lex = lexicon();
    let after_assign =
        lex.assign.iter().find(|w| folded.word_at(text_start, w)).map(|w| folded.skip_ws(text_start + w.len()));
    let s = after_assign.unwrap_or(text_start);
    if s >= first_line {
        return None;
    }
    let (name, e, group) = subject_at(folded, s)?;
    let rule = match (after_assign, group) {
        (Some(_), _) => "owner-assign",
        (None, true) => "owner-group",
        (None, false) => "owner-subject",
    };
    Some((name, e, after_assign.is_some(), rule))
}

/// The staff as a whole ("CB-GV-NV") named anywhere outside the skipped ranges.
fn staff_owner(folded: &Folded, free: &dyn Fn(usize) -> bool) -> Option<String> {
    for s in folded.word_starts().filter(|&s| free(s)) {
        let mut e = s;
        while e < folded.len() && (is_word(folded.orig[e]) || folded.orig[e] == '-') {
            e += 1;
        }
        let w: String = folded.orig[s..e].iter().collect();
        if is_staff_acronym(w.trim_end_matches('-')) {
            return Some(w.trim_end_matches('-').to_string());
        }
    }
    None
}

/// A short id from a name: "Phòng Nội vụ" → "pnv", "Văn phòng HĐND-UBND" → "vp-hdnd-ubnd",
/// "CB-GV-NV" → "cb-gv-nv".
pub(super) fn owner_id(name: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut initials = String::new();
    for word in name.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if w.is_empty() || w == "-" {
            continue;
        }
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        if caps >= 2 || w.chars().any(|c| c.is_ascii_digit()) {
            if !initials.is_empty() {
                parts.push(std::mem::take(&mut initials));
            }
            parts.push(fold(w));
        } else if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            initials.push(fold_char(c));
        }
    }
    if !initials.is_empty() {
        parts.push(initials);
    }
    let id: String = parts.join("-").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(16).collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() { "dv".to_string() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owners(text: &str) -> (Option<String>, Vec<String>) {
        let o = owners_in(&Folded::new(text), &[]);
        (o.owner.map(|x| x.0), o.support)
    }

    #[test]
    fn names_holding_commas_and_va_are_one_body() {
        // A body's name with a comma and "và" inside it, as support and as owner.
        assert_eq!(
            owners(
                "Bộ phận Một cửa chủ trì, phối hợp với Phòng Lao động, Thương binh và Xã hội, Phòng Y tế rà soát ý kiến người dân."
            ),
            (Some("Bộ phận Một cửa".into()), vec!["Phòng Lao động, Thương binh và Xã hội".into(), "Phòng Y tế".into()])
        );
        assert_eq!(
            owners("Trung tâm Y tế, Dân số và Môi trường huyện chủ trì kiểm tra vệ sinh công sở."),
            (Some("Trung tâm Y tế, Dân số và Môi trường huyện".into()), vec![])
        );
        assert_eq!(
            owners("Ban Quản lý, Khai thác và Bảo trì công trình lập danh mục tài sản."),
            (Some("Ban Quản lý, Khai thác và Bảo trì công trình".into()), vec![])
        );
        // A joint office of the lexicon is one body, "và" and all.
        assert_eq!(
            owners("Công an xã chủ trì, phối hợp với Văn phòng HĐND và UBND xã rà soát hồ sơ cư trú."),
            (Some("Công an xã".into()), vec!["Văn phòng HĐND và UBND xã".into()])
        );
        // A real list stays a list: every part has its own head.
        assert_eq!(
            owners("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp, Phòng Tài chính và UBND các xã rà soát quy chế."),
            (Some("Phòng Nội vụ".into()), vec!["Phòng Tư pháp".into(), "Phòng Tài chính".into(), "UBND các xã".into()])
        );
        // A verb or a phrase that only looks like a head after the comma is no part of the name.
        assert!(!continues_name("Tổ chức hội nghị"));
        assert!(!continues_name("Ban hành quy chế"));
        assert!(!continues_name("Phòng Tư pháp"));
        assert!(continues_name("Thể thao và Du lịch"));
        assert!(is_joint_body("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"));
        assert!(!is_joint_body("Văn phòng Sở"));
    }

    #[test]
    fn a_subject_with_a_name_holding_a_comma_is_no_group() {
        let f = Folded::new("Phòng Kinh tế, Hạ tầng và Đô thị rà soát quy hoạch.");
        let (name, _, group) = subject_at(&f, 0).expect("a subject");
        assert_eq!((name.as_str(), group), ("Phòng Kinh tế, Hạ tầng và Đô thị", false));
        let f = Folded::new("Các phòng chuyên môn, Ủy ban nhân dân các xã rà soát quy chế.");
        assert!(subject_at(&f, 0).expect("a subject").2);
    }
}
