//! The document's head (agency, number, date, kind, title, legal bases) and its tail
//! (closing, recipients, signer).

use chrono::NaiveDate;

use super::body::{columns, tidy_recipient};
use super::lexicon::lexicon;
use super::owners::{is_owner_name, name_end};
use super::title::{capitalise, lower_first, title_case};
use super::{DraftSection, Items, Parser, Signer, note};
use crate::import::scan::fold;
use crate::import::scan::{Folded, LabelKind, citations_in, date_at, is_upper, label, trim_clause};
use crate::import::text::Block;

impl Parser {
    // -----------------------------------------------------------------------
    // Head: agency, number, date, kind and title, legal bases
    // -----------------------------------------------------------------------

    pub(super) fn head(&mut self, blocks: &[Block]) {
        let mut agency: Vec<(usize, String)> = Vec::new();
        let mut kind_line = 0;
        let mut subject: Vec<String> = Vec::new();
        let mut kind_seen = false;
        let mut bases_seen = false;
        let mut intro_unit = None;
        for b in blocks {
            let text = b.text.trim();
            let f = Folded::new(text);
            let ft = fold(text);
            if ft.starts_with("cong hoa xa hoi chu nghia")
                || ft.starts_with("doc lap")
                || text.chars().all(|c| "-_=*. ".contains(c))
            {
                continue;
            }
            if f.word_at(f.skip_ws(0), "thuc hien")
                || f.word_at(f.skip_ws(0), "can cu")
                || f.word_at(f.skip_ws(0), "trien khai")
            {
                let cites = citations_in(&f, true);
                if !cites.is_empty() {
                    bases_seen = true;
                    for c in cites {
                        let d = self.document(&c, None);
                        let n = self.draft.bases.len() + 1;
                        let v = d.number.clone().unwrap_or_else(|| d.kind.clone());
                        self.trace(|| format!("basis {n}"), &v, b.line, text, "basis-citation");
                        self.draft.bases.push(d);
                    }
                    continue;
                }
            }
            // "Số: 48/KH-NBK" (possibly with the place and date on the same line).
            let mut handled = false;
            if (ft.starts_with("so:") || ft.starts_with("so ")) && !kind_seen {
                let rest = text.find([':', ' ']).map_or("", |i| &text[i + 1..]).trim_start_matches(':').trim();
                let number: String =
                    rest.split_whitespace().next().unwrap_or("").trim_end_matches([',', ';']).to_string();
                if number.contains('/') || number.contains('-') {
                    self.trace(|| "plan.number".into(), &number, b.line, text, "number-line");
                    self.draft.meta.number = Some(number);
                    handled = true;
                }
            }
            if let Some((place, date)) = place_and_date(&f) {
                if let Some(p) = &place {
                    self.trace(|| "plan.place".into(), p, b.line, text, "place-line");
                }
                self.trace(|| "plan.date".into(), &crate::dates::short(date), b.line, text, "date-line");
                self.draft.meta.place = place.or(self.draft.meta.place.take());
                self.draft.meta.date = Some(date);
                continue;
            }
            if handled {
                continue;
            }
            if !kind_seen {
                if let Some((kind, rest)) = document_kind(text, b.heading) {
                    self.draft.meta.kind = Some(kind.to_string());
                    kind_seen = true;
                    kind_line = b.line;
                    if !rest.is_empty() {
                        subject.push(rest);
                    }
                    continue;
                }
                if is_upper(text) {
                    agency.push((b.line, text.to_string()));
                    continue;
                }
            }
            if let Some(u) = intro_subject(&f) {
                intro_unit = Some((u, b.line, text.to_string()));
                continue;
            }
            // The subject under the kind: "Về …", a heading, capitals, or a short line before the bases.
            if kind_seen
                && !bases_seen
                && (b.heading
                    || is_upper(text)
                    || ft.starts_with("ve ")
                    || ft.starts_with("v/v")
                    || (subject.len() < 3 && text.chars().count() <= 250))
            {
                subject.push(text.to_string());
                continue;
            }
            self.draft.unread.push((b.line, text.to_string()));
        }

        // Agency lines: the last is the unit, the one before it its superior.
        let agency = merge_agency(agency);
        let mut unit = agency.last().map(|u| self.casing.recase_name(&u.text));
        let superior = agency.len().checked_sub(2).map(|i| self.casing.recase_name(&agency[i].text));
        self.heading_unit = !agency.is_empty();
        if let (Some(u), Some(a)) = (&unit, agency.last()) {
            let rule = if a.joined { "heading-joined" } else { "heading-unit" };
            self.trace(|| "plan.unit".into(), u, a.line, &a.source, rule);
        }
        if let (Some(s), Some(a)) = (&superior, agency.len().checked_sub(2).map(|i| &agency[i])) {
            self.trace(|| "plan.superior".into(), s, a.line, &a.source, "heading-superior");
        }
        if unit.is_none()
            && let Some((u, line, source)) = intro_unit
        {
            self.trace(|| "plan.unit".into(), &u, line, &source, "intro-unit");
            unit = Some(u);
            self.draft.meta.notes.push((
                "unit",
                note("đọc từ câu dẫn \"… xây dựng kế hoạch\"", "read from the lead-in \"… xây dựng kế hoạch\""),
            ));
        }
        if let Some(s) = superior {
            self.draft.meta.superior = Some(s);
        }

        // Title: the kind and its subject ("Về …" drops its "Về").
        let kind = self.draft.meta.kind.clone();
        let subj = subject.join(" ");
        let subj = if is_upper(&subj) { self.casing.recase(&subj) } else { subj };
        let subj = strip_ve(&subj);
        self.draft.meta.title = match (&kind, subj.is_empty()) {
            (Some(k), false) if fold(&subj).starts_with(&fold(k)) => capitalise(&subj),
            (Some(k), false) => format!("{k} {}", lower_first(&subj)),
            (Some(k), true) => k.clone(),
            (None, false) => capitalise(&subj),
            (None, true) => String::new(),
        };
        if kind_line > 0 && !self.draft.meta.title.is_empty() {
            let (t, src) = (self.draft.meta.title.clone(), format!("{} / {subj}", kind.as_deref().unwrap_or("")));
            self.trace(|| "plan.title".into(), &t, kind_line, &src, "kind-title");
        }
        if unit.is_none() {
            // "… tại trường Tiểu học Nguyễn Bình Khiêm năm 2025"
            let t = Folded::new(&self.draft.meta.title);
            if let Some(i) = t.rfind_word("tai", t.len()).filter(|&i| t.exact(i, "tại")) {
                let start = t.skip_ws(i + 3);
                let end = t.rfind_word("nam", t.len()).filter(|&e| e > start).unwrap_or(t.len());
                let u = capitalise(&t.text(start..end));
                if !u.is_empty() {
                    let title = self.draft.meta.title.clone();
                    self.trace(|| "plan.unit".into(), &u, kind_line, &title, "title-unit");
                    unit = Some(u);
                    self.draft.meta.notes.push(("unit", note("đọc từ tên kế hoạch", "read from the plan's title")));
                }
            }
        }
        self.draft.meta.unit = unit;
    }

    // -----------------------------------------------------------------------
    // Tail: closing, recipients, signer
    // -----------------------------------------------------------------------

    pub(super) fn tail(&mut self, blocks: &[Block]) {
        let mut in_recipients = false;
        let mut position: Option<String> = None;
        let mut authority: Option<String> = None;
        let mut name: Option<String> = None;
        // The authority lines ("TM. Ủy ban nhân dân", "KT. Chủ tịch") and the line of the block.
        let mut capacity: Vec<String> = Vec::new();
        let mut plain_position = false;
        let mut block_line = 0;
        for (i, b) in blocks.iter().enumerate() {
            let text = b.text.trim();
            let ft = fold(text);
            // An appendix after the signature ("PHỤ LỤC", or straight a table of tasks).
            if ft.starts_with("phu luc") || (!b.cells.is_empty() && columns(&b.cells).is_some()) {
                self.appendix(&blocks[i..]);
                break;
            }
            if ft.starts_with("tren day") {
                self.closing(text);
                in_recipients = false;
                continue;
            }
            if ft.starts_with("noi nhan") {
                in_recipients = true;
                let rest = text.split_once(':').map_or("", |(_, r)| r).trim();
                let rest = rest.trim_start_matches(['-', '+', '•']).trim();
                if !rest.is_empty() {
                    self.draft.meta.recipients.push(tidy_recipient(rest));
                }
                continue;
            }
            let lab = label(text);
            if in_recipients && let Some(l) = lab.as_ref().filter(|l| matches!(l.kind, LabelKind::Bullet(_))) {
                self.draft.meta.recipients.push(tidy_recipient(&text[l.rest..]));
                continue;
            }
            if in_recipients && text.ends_with(';') && text.chars().count() < 80 {
                self.draft.meta.recipients.push(tidy_recipient(text));
                continue;
            }
            in_recipients = false;
            if let Some((auth, rest)) = authority_prefix(text) {
                authority = Some(auth.to_string());
                let written = super::lexicon::written_position(rest);
                position = Some(written.map_or_else(|| self.casing.recase(rest), str::to_string));
                capacity
                    .push(format!("{auth} {}", written.map_or_else(|| self.casing.recase_name(rest), str::to_string)));
                block_line = if block_line == 0 { b.line } else { block_line };
                continue;
            }
            if is_position(text) {
                let written = super::lexicon::written_position(text);
                position = Some(written.map_or_else(|| self.casing.recase(text), str::to_string));
                plain_position = true;
                block_line = if block_line == 0 { b.line } else { block_line };
                continue;
            }
            if text.starts_with('(') && text.ends_with(')') {
                continue;
            }
            if is_name(text) {
                name = Some(text.to_string());
                block_line = if block_line == 0 { b.line } else { block_line };
                continue;
            }
            if is_upper(text)
                && text.split_whitespace().count() <= 5
                && position.is_some()
                && !text.chars().any(|c| c.is_ascii_digit())
            {
                // A name in capitals under the position.
                name = Some(title_case(text));
                block_line = if block_line == 0 { b.line } else { block_line };
                continue;
            }
            self.draft.unread.push((b.line, text.to_string()));
        }
        // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH": capacity lines, then
        // the position; a single "KT. HIỆU TRƯỞNG" with nothing under it stays as it was read.
        let capacity = if plain_position && !capacity.is_empty() {
            authority = None;
            capacity
        } else {
            Vec::new()
        };
        let source = match self.explain {
            true => blocks
                .iter()
                .filter(|b| b.line >= block_line && b.line > 0)
                .take(5)
                .map(|b| b.text.trim())
                .collect::<Vec<_>>()
                .join(" / "),
            false => String::new(),
        };
        if let Some(name) = name {
            let v = match &position {
                Some(p) => format!("{name} ({p})"),
                None => name.clone(),
            };
            self.trace(|| "plan.signer".into(), &v, block_line, &source, "signer-block");
            self.draft.meta.signer = Some(Signer { name, position, authority, capacity });
        } else if position.is_some() {
            // The capacity without a name: the name a placeholder the report shows until filled in.
            self.draft.meta.notes.push((
                "signer",
                note(
                    format!("văn bản ghi chức vụ người ký nhưng không ghi tên; điền tên thay cho {SIGNER_PLACEHOLDER}"),
                    format!("the signer's position is given, not the name; replace {SIGNER_PLACEHOLDER} with it"),
                ),
            ));
            let v = capacity.iter().chain(&position).cloned().collect::<Vec<_>>().join(" / ");
            self.trace(|| "plan.signer".into(), &v, block_line, &source, "signer-capacity");
            let name = SIGNER_PLACEHOLDER.to_string();
            self.draft.meta.signer = Some(Signer { name, position, authority, capacity });
        }
    }

    /// An appendix: a section of its own ("PL"), read like the body's sections.
    pub(super) fn appendix(&mut self, blocks: &[Block]) {
        let (title, rest) = match blocks.first() {
            Some(b) if fold(&b.text).starts_with("phu luc") => {
                let t = b.text.trim();
                let after: String = t.chars().skip("phụ lục".chars().count()).collect();
                let after = after.trim().trim_start_matches(|c: char| c.is_ascii_digit() || "IVX.:-– ".contains(c));
                match after.is_empty() {
                    false => (self.tidy_title(after), &blocks[1..]),
                    // "PHỤ LỤC" alone: the title is the next line in capitals.
                    true => match blocks.get(1).filter(|b| is_upper(&b.text) && b.cells.is_empty()) {
                        Some(next) => (self.tidy_title(&next.text), &blocks[2..]),
                        None => ("Phụ lục".to_string(), &blocks[1..]),
                    },
                }
            }
            _ => ("Phụ lục".to_string(), blocks),
        };
        let id = self.unique_section_id("PL");
        let idx = self.draft.sections.len();
        self.push_section(DraftSection {
            id,
            title,
            title_en: Some("Appendix".into()),
            line: blocks.first().map_or(0, |b| b.line),
            ..Default::default()
        });
        let items: Items = rest.iter().map(|b| (b, if b.cells.is_empty() { label(&b.text) } else { None })).collect();
        self.tasks_and_tables(idx, &items);
    }

    /// "Trên đây là Kế hoạch …, đề nghị CB-GV-NV trường nghiêm túc thực hiện./."
    pub(super) fn closing(&mut self, text: &str) {
        let f = Folded::new(text);
        let mut i = 0;
        while let Some(k) = f.find_word("de nghi", i).or_else(|| f.find_word("yeu cau", i)) {
            let start = f.skip_ws(k + 7);
            let end = name_end(&f, start);
            let who = trim_clause(&f.text(start..end));
            if is_owner_name(&who) {
                let id = self.owner(&who, "đoạn kết / closing paragraph");
                if !self.draft.addressees.contains(&id) {
                    self.draft.addressees.push(id);
                }
            }
            i = end.max(k + 1);
        }
    }
}

/// The signer's name when the document gives only the capacity: shown as is in reports
/// until the officer writes the name.
pub const SIGNER_PLACEHOLDER: &str = "[Họ và tên]";

/// Where the closing ("Trên đây là…"), the recipients ("Nơi nhận") or the signature begins.
pub(super) fn tail_start(blocks: &[Block], body_start: usize) -> usize {
    for (i, b) in blocks.iter().enumerate().skip(body_start + 1) {
        // Most paragraphs begin with an ASCII character other than the first letter of either
        // phrase (folding skips leading white space): ruled out without folding.
        if b.text.trim_start().chars().next().is_some_and(|c| c.is_ascii() && !matches!(c, 't' | 'T' | 'n' | 'N')) {
            continue;
        }
        let head: String = b.text.chars().take(10).collect();
        let f = fold(&head);
        if f.starts_with("tren day") || f.starts_with("noi nhan") {
            return i;
        }
    }
    // No closing and no recipients: a signature block at the very end.
    let mut start = blocks.len();
    while start > body_start + 1 && is_signature_line(&blocks[start - 1].text) {
        start -= 1;
    }
    start
}

fn authority_prefix(text: &str) -> Option<(&'static str, &str)> {
    const PREFIXES: &[(&str, &str)] = &[
        ("TM.", "TM."),
        ("T/M", "TM."),
        ("KT.", "KT."),
        ("K/T", "KT."),
        ("TL.", "TL."),
        ("TUQ.", "TUQ."),
        ("Q.", "Q."),
    ];
    let t = text.trim();
    PREFIXES.iter().find_map(|(p, norm)| {
        let rest = t.strip_prefix(p)?;
        rest.starts_with(' ').then(|| (*norm, rest.trim()))
    })
}

fn is_position(text: &str) -> bool {
    let f = fold(text);
    authority_prefix(text).is_some()
        || (is_upper(text) && lexicon().positions.iter().any(|p| f == *p || f.ends_with(p.as_str())))
}

/// A person's name: 2 to 6 capitalised words, letters only ("Đỗ Ngọc Chi").
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
        && !{
            let f = fold(text);
            lexicon().positions.iter().any(|p| f.contains(p.as_str()))
        }
}

fn is_signature_line(text: &str) -> bool {
    let t = text.trim();
    is_position(t) || is_name(t) || (t.starts_with('(') && t.ends_with(')') && t.chars().count() < 60)
}

// ---------------------------------------------------------------------------
// Head helpers
// ---------------------------------------------------------------------------

/// "Quận 1, ngày 23 tháng 5 năm 2025" anywhere in a line: (place, date).
fn place_and_date(folded: &Folded) -> Option<(Option<String>, NaiveDate)> {
    let mut i = 0;
    while let Some(k) = folded.find_word("ngay", i) {
        if let Some((d, end)) = date_at(folded, k)
            && d.year.is_some()
            && folded.text(end..folded.len()).chars().all(|c| !c.is_alphanumeric() && c != ';')
        {
            let date = d.resolve(0)?;
            // The place: back from ", ngày" to the start, or to the number before it ("Số: 48/KH-NBK").
            let before = folded.text(0..k);
            let before = before.trim_end_matches(',').trim();
            let place = match before.rsplit_once(' ') {
                _ if before.is_empty() => None,
                _ if fold(before).starts_with("so") && before.contains('/') => {
                    // "Số: 48/KH-NBK Quận 1"
                    let after_num = before.split_whitespace().skip(2).collect::<Vec<_>>().join(" ");
                    (!after_num.is_empty()).then_some(after_num)
                }
                _ => Some(before.to_string()),
            };
            // A date inside a sentence ("… Luật … ngày 19 tháng 6 năm 2015;") is not the date line.
            if place.as_ref().is_some_and(|p| p.chars().count() > 40) {
                return None;
            }
            let place = place.filter(|p| p.chars().next().is_some_and(char::is_uppercase));
            return Some((place, date));
        }
        i = k + 4;
    }
    None
}

/// "KẾ HOẠCH" (or "KẾ HOẠCH KHẮC PHỤC …" in one line): the kind and what follows it.
fn document_kind(text: &str, heading: bool) -> Option<(&'static str, String)> {
    const KINDS: &[(&str, &str)] = &[
        ("ke hoach", "Kế hoạch"),
        ("quyet dinh", "Quyết định"),
        ("chuong trinh", "Chương trình"),
        ("cong van", "Công văn"),
        ("thong bao", "Thông báo"),
        ("bao cao", "Báo cáo"),
        ("de an", "Đề án"),
        ("phuong an", "Phương án"),
    ];
    if !is_upper(text) && !heading {
        return None;
    }
    let f = Folded::new(text);
    let (k, name) = KINDS.iter().find(|(k, _)| f.word_at(0, k))?;
    let rest = f.text(k.chars().count()..f.len());
    Some((name, rest))
}

/// A line of the agency heading, or two joined into one name.
struct AgencyLine {
    /// The first line's number.
    line: usize,
    text: String,
    /// The lines as written ("ỦY BAN NHÂN DÂN / TỈNH BÌNH ĐỊNH").
    source: String,
    joined: bool,
}

/// The issuing body's name is often split over two heading lines ("ỦY BAN NHÂN DÂN" /
/// "TỈNH BÌNH ĐỊNH"; "SỞ NỘI VỤ" / "TỈNH BÌNH ĐỊNH"): a line that is only a place name
/// (a place word of the lexicon first) joins the line before it when that line is a head
/// a place completes (`place_heads`) and names no place yet. A real two-level heading
/// ("UBND QUẬN 1" / "TRƯỜNG TIỂU HỌC …") stays two lines: superior and unit.
fn merge_agency(lines: Vec<(usize, String)>) -> Vec<AgencyLine> {
    let lex = lexicon();
    let mut out: Vec<AgencyLine> = Vec::new();
    for (line, l) in lines {
        let f = fold(&l);
        let is_place = lex.places.iter().any(|p| f.starts_with(p.as_str())) && l.split_whitespace().count() <= 8;
        // A PDF or a narrow column wraps "ỦY BAN NHÂN DÂN TỈNH" / "QUẢNG NGÃI": a short line
        // that opens with no head finishes a line ending in a place word.
        let opens_with_head =
            lex.heads.iter().any(|h| f.strip_prefix(h.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' ')));
        let is_place_name = l.split_whitespace().count() <= 4 && !opens_with_head;
        match out.last_mut() {
            Some(prev) if is_place_name && !prev.joined && ends_in_place_word(&fold(&prev.text)) => {
                prev.text.push(' ');
                prev.text.push_str(&l);
                prev.source.push_str(" / ");
                prev.source.push_str(&l);
                prev.joined = true;
            }
            Some(prev) if is_place && !prev.joined && completes(&fold(&prev.text)) => {
                prev.text.push(' ');
                prev.text.push_str(&l);
                prev.source.push_str(" / ");
                prev.source.push_str(&l);
                prev.joined = true;
            }
            _ => out.push(AgencyLine { line, source: l.clone(), text: l, joined: false }),
        }
    }
    out
}

/// "uy ban nhan dan tinh": a head whose place word waits for its name on the next line.
fn ends_in_place_word(folded: &str) -> bool {
    let lex = lexicon();
    // The lexicon keeps place words with a space after them ("tinh "), to match at a word's end.
    lex.places.iter().any(|p| folded.ends_with(&format!(" {}", p.trim_end())))
        && lex.place_heads.iter().any(|h| folded.starts_with(&format!("{h} ")))
}

/// Whether a heading line (folded) is a head that a place completes, without a place yet:
/// "uy ban nhan dan", "so noi vu"; not "ubnd quan 1".
fn completes(folded: &str) -> bool {
    let lex = lexicon();
    let head = lex.place_heads.iter().any(|h| folded == h || folded.starts_with(&format!("{h} ")));
    let has_place = lex.places.iter().any(|p| folded.contains(&format!(" {p}")));
    head && !has_place
}

/// "Trường Tiểu học Nguyễn Bình Khiêm xây dựng Kế hoạch …": the unit.
fn intro_subject(folded: &Folded) -> Option<String> {
    for verb in ["xay dung", "ban hanh", "trien khai"] {
        let mut i = 0;
        while let Some(k) = folded.find_word(verb, i) {
            let after = folded.skip_ws(k + verb.len());
            if folded.word_at(after, "ke hoach") || folded.word_at(after, "chuong trinh") {
                let who = trim_clause(&folded.text(0..k));
                let who = who.rsplit(", ").next().unwrap_or(&who).to_string();
                let who = who.strip_prefix("Nay").map(str::trim).unwrap_or(&who).to_string();
                let words = who.split_whitespace().count();
                if (2..=14).contains(&words) && who.chars().next().is_some_and(char::is_uppercase) {
                    return Some(who);
                }
            }
            i = k + 1;
        }
    }
    None
}

fn strip_ve(text: &str) -> String {
    let t = text.trim();
    for p in ["Về việc ", "về việc ", "Về ", "về ", "V/v ", "V/v: ", "v/v "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// The part of a document symbol naming its issuer: "48/KH-NBK" → "NBK".
pub(super) fn symbol_owner(number: &str) -> Option<String> {
    let sym = number.split('/').nth(1)?;
    let last = sym.rsplit('-').next()?;
    (last.chars().all(char::is_alphanumeric) && last.chars().any(char::is_uppercase)).then(|| last.to_string())
}

/// The symbol of a number, without the serial: "1086/UBND-NV" → "UBND-NV".
pub(super) fn symbol(number: &str) -> Option<String> {
    let (_, rest) = number.split_once('/')?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A unit's name folded for comparison, without the words "trường"/"của".
pub(super) fn fold_unit(text: &str) -> String {
    fold(text).trim_start_matches("truong ").to_string()
}
