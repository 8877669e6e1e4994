//! Reading a plan document's blocks into a [`Draft`]: metadata, legal bases,
//! sections, tasks with their owners, deadlines, recurrence and references.
//!
//! The reading is heuristic, as any reading of free text is. Whatever is a guess
//! carries a [`Note`] that the emitter writes as a comment for the officer.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::scan::{
    Citation, Folded, Found, Label, LabelKind, When, citations_in, date_at, find_times, fold_char, is_upper, is_word,
    label, trim_clause,
};
use super::text::{Block, Doc, Over};
use crate::text::fold;

/// A comment for the officer, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub vi: String,
    pub en: String,
    /// Something to check (a guess, a gap), rather than where a value came from.
    pub check: bool,
}

/// A note asking the officer to check.
pub fn note(vi: impl Into<String>, en: impl Into<String>) -> Note {
    Note { vi: vi.into(), en: en.into(), check: true }
}

/// A note saying where a value came from ("mỗi quý"), nothing to check.
pub fn info(vi: impl Into<String>, en: impl Into<String>) -> Note {
    Note { vi: vi.into(), en: en.into(), check: false }
}

/// Notes attached to the keys of one table, by key name.
pub type Notes = Vec<(&'static str, Note)>;

pub fn note_for<'a>(notes: &'a Notes, key: &str) -> impl Iterator<Item = &'a Note> {
    notes.iter().filter(move |(k, _)| *k == key).map(|(_, n)| n)
}

#[derive(Clone, Debug, Default)]
pub struct Draft {
    pub meta: Meta,
    pub bases: Vec<DraftDoc>,
    pub owners: Vec<DraftOwner>,
    pub sections: Vec<DraftSection>,
    pub tasks: Vec<DraftTask>,
    /// Text of the head and tail of the document that was not understood: (line, text).
    pub unread: Vec<(usize, String)>,
    /// Owners the closing paragraph addresses as a whole ("đề nghị CB-GV-NV … thực hiện"): ids.
    pub addressees: Vec<String>,
    /// Paragraphs cut for their length: (line or paragraph number, the characters they had).
    pub cut: Vec<(usize, usize)>,
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub unit: Option<String>,
    pub unit_short: Option<String>,
    pub superior: Option<String>,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    /// When the plan runs from, if not its date.
    pub start: Option<NaiveDate>,
    pub title: String,
    pub year: i32,
    pub place: Option<String>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
    pub notes: Notes,
}

#[derive(Clone, Debug, Default)]
pub struct Signer {
    pub name: String,
    pub position: Option<String>,
    pub authority: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct DraftDoc {
    pub kind: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
    pub notes: Notes,
}

#[derive(Clone, Debug, Default)]
pub struct DraftOwner {
    pub id: String,
    pub name: String,
    /// Where the document names it, for the comment.
    pub seen: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct DraftSection {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub points: Vec<String>,
    pub line: usize,
    pub notes: Notes,
}

#[derive(Clone, Debug, Default)]
pub struct DraftTask {
    pub id: String,
    pub section: String,
    pub title: String,
    pub detail: String,
    pub owner: Option<String>,
    pub support: Vec<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// A repeat keyword of the plan format ("quarterly", "ongoing"…); `None` is once.
    pub repeat: Option<&'static str>,
    pub due_day: Option<u32>,
    pub result: Option<String>,
    pub refs: Vec<DraftDoc>,
    /// Line (or paragraph) of the document where the task starts.
    pub line: usize,
    pub notes: Notes,
}

/// Why a document could not be drafted into a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// No text at all.
    Empty,
    /// Text, but nothing numbered to turn into tasks.
    NoTasks,
    /// More items (numbered, bulleted, table rows) than [`MAX_ITEMS`]: how many.
    TooManyItems(usize),
    /// More paragraphs than [`super::text::MAX_BLOCKS`].
    TooManyParagraphs,
}

/// The most items (numbered paragraphs, bullets, table rows) a document may hold. A unit's
/// plan has a few hundred tasks, a district's a few thousand; 100,000 is far beyond, and a
/// draft that large would take gigabytes to write and check (1.1 M items took 10 GB).
pub const MAX_ITEMS: usize = 100_000;

/// Reads a document into a draft plan. `fallback_year` is used when the document gives none.
pub fn parse(doc: &Doc, fallback_year: i32) -> Result<Draft, ParseError> {
    let blocks = &doc.blocks;
    if blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(ParseError::Empty);
    }
    let casing = Casing::new(blocks);
    let labels: Vec<Option<Label>> = blocks.iter().map(|b| label(&b.text)).collect();
    let items = blocks.iter().zip(&labels).filter(|(b, l)| l.is_some() || !b.cells.is_empty()).count();
    if doc.over == Some(Over::Paragraphs) {
        return Err(ParseError::TooManyParagraphs);
    }
    if doc.over.is_some() || items > MAX_ITEMS {
        return Err(ParseError::TooManyItems(items));
    }

    // Where the body starts: the first Roman-numbered heading, else the first numbered item.
    let first_roman = labels.iter().position(|l| l.as_ref().is_some_and(|l| l.kind == LabelKind::Roman));
    let body_start = first_roman
        .or_else(|| labels.iter().position(|l| l.as_ref().is_some_and(|l| l.kind.is_numbered())))
        .ok_or(ParseError::NoTasks)?;
    let tail_start = tail_start(blocks, body_start);

    let mut p = Parser {
        casing,
        draft: Draft::default(),
        raw_tasks: Vec::new(),
        cites: Vec::new(),
        fallback_year,
        seen: Seen::default(),
    };
    p.head(&blocks[..body_start]);
    let body: Vec<(&Block, Option<Label>)> =
        blocks[body_start..tail_start].iter().zip(labels[body_start..tail_start].iter().cloned()).collect();
    p.body(&body, first_roman.is_some());
    p.tail(&blocks[tail_start..]);
    if p.raw_tasks.is_empty() {
        return Err(ParseError::NoTasks);
    }
    p.finish();
    p.draft.cut = doc.cut.clone();
    Ok(p.draft)
}

/// Blocks of the body with their labels.
type Items<'a> = Vec<(&'a Block, Option<Label>)>;

/// A task as found, before its wording is read.
struct RawTask {
    section: String,
    path: Vec<String>,
    /// The item's words after its label, then its continuation (bullets, paragraphs).
    detail: String,
    line: usize,
    /// What the columns of a table of tasks say, for a task read from a table row.
    table: Option<TableCells>,
}

/// The cells of a task's row besides its wording.
#[derive(Default)]
struct TableCells {
    owners: Vec<String>,
    support: Vec<String>,
    time: String,
    result: String,
}

struct Parser {
    casing: Casing,
    draft: Draft,
    raw_tasks: Vec<RawTask>,
    /// The documents each raw task cites, when [`Parser::meta_guesses`] had to read them
    /// all: kept for [`Parser::task`], which would otherwise read them again.
    cites: Vec<Vec<Citation>>,
    fallback_year: i32,
    /// Indexes kept beside the draft so that a document repeating its numbers (a thousand
    /// items "1.") is read in linear time: ids and names are looked up, never searched.
    seen: Seen,
}

/// What the parser has already given out. Every set only grows, so a search for a free
/// "id-N" may resume where the last one for the same base stopped: the result is the same
/// as trying 2, 3, … from the start.
#[derive(Default)]
struct Seen {
    /// The ids of `draft.sections`.
    section_ids: HashSet<String>,
    /// Base → the last N tried for a free "base-N" section id.
    section_next: HashMap<String, usize>,
    /// Folded owner name → its index in `draft.owners`.
    owner_by_name: HashMap<String, usize>,
    /// An owner's name as the text wrote it (trimmed) → its index in `draft.owners`.
    owner_by_text: HashMap<String, usize>,
    /// The ids of `draft.owners`.
    owner_ids: HashSet<String>,
    /// Base → the last N tried for a free "baseN" owner id.
    owner_next: HashMap<String, usize>,
    /// (owner index, task) pairs already in that owner's `seen`.
    owner_seen: HashSet<(usize, String)>,
}

/// Where the closing ("Trên đây là…"), the recipients ("Nơi nhận") or the signature begins.
fn tail_start(blocks: &[Block], body_start: usize) -> usize {
    for (i, b) in blocks.iter().enumerate().skip(body_start + 1) {
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

/// Position words of a signature block.
const POSITIONS: &[&str] = &[
    "hieu truong",
    "pho hieu truong",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "truong phong",
    "pho truong phong",
    "chanh van phong",
    "bi thu",
    "thu truong",
    "truong ban",
    "to truong",
    "tong phu trach",
];

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
    authority_prefix(text).is_some() || (is_upper(text) && POSITIONS.iter().any(|p| f == *p || f.ends_with(p)))
}

/// A person's name: 2 to 6 capitalised words, letters only ("Đỗ Ngọc Chi").
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
        && !POSITIONS.iter().any(|p| fold(text).contains(p))
}

fn is_signature_line(text: &str) -> bool {
    let t = text.trim();
    is_position(t) || is_name(t) || (t.starts_with('(') && t.ends_with(')') && t.chars().count() < 60)
}

impl Parser {
    // -----------------------------------------------------------------------
    // Head: agency, number, date, kind and title, legal bases
    // -----------------------------------------------------------------------

    fn head(&mut self, blocks: &[Block]) {
        let mut agency: Vec<String> = Vec::new();
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
                    self.draft.meta.number = Some(number);
                    handled = true;
                }
            }
            if let Some((place, date)) = place_and_date(&f) {
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
                    if !rest.is_empty() {
                        subject.push(rest);
                    }
                    continue;
                }
                if is_upper(text) {
                    agency.push(text.to_string());
                    continue;
                }
            }
            if let Some(u) = intro_subject(&f) {
                intro_unit = Some(u);
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
        let mut unit = agency.last().map(|u| self.casing.recase_name(u));
        let superior = agency.len().checked_sub(2).map(|i| self.casing.recase_name(&agency[i]));
        let notes = &mut self.draft.meta.notes;
        if unit.is_none() {
            unit = intro_unit;
            if unit.is_some() {
                notes.push((
                    "unit",
                    note("đọc từ câu dẫn \"… xây dựng kế hoạch\"", "read from the lead-in \"… xây dựng kế hoạch\""),
                ));
            }
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
        if unit.is_none() {
            // "… tại trường Tiểu học Nguyễn Bình Khiêm năm 2025"
            let t = Folded::new(&self.draft.meta.title);
            if let Some(i) = t.rfind_word("tai", t.len()).filter(|&i| t.exact(i, "tại")) {
                let start = t.skip_ws(i + 3);
                let end = t.rfind_word("nam", t.len()).filter(|&e| e > start).unwrap_or(t.len());
                let u = capitalise(&t.text(start..end));
                if !u.is_empty() {
                    unit = Some(u);
                    self.draft.meta.notes.push(("unit", note("đọc từ tên kế hoạch", "read from the plan's title")));
                }
            }
        }
        self.draft.meta.unit = unit;
    }

    // -----------------------------------------------------------------------
    // Body: sections, sub-sections, tasks, points
    // -----------------------------------------------------------------------

    fn body(&mut self, items: &[(&Block, Option<Label>)], has_sections: bool) {
        let mut groups: Vec<(DraftSection, Items)> = Vec::new();
        // The ids of `groups`, and for each numeral the last N tried for "II-N".
        let mut group_ids: HashSet<String> = HashSet::new();
        let mut group_next: HashMap<String, usize> = HashMap::new();
        if !has_sections {
            let mut s = DraftSection { id: "I".into(), title: "Nhiệm vụ".into(), ..Default::default() };
            s.title_en = Some("Tasks".into());
            s.line = items.first().map_or(1, |(b, _)| b.line);
            s.notes.push((
                "title",
                note(
                    "văn bản không chia phần bằng số La Mã; par đặt một phần chung",
                    "the document has no Roman-numbered sections; par made one",
                ),
            ));
            group_ids.insert(s.id.clone());
            groups.push((s, Vec::new()));
        }
        let mut i = 0;
        while i < items.len() {
            let (b, l) = &items[i];
            if let Some(l) = l.as_ref().filter(|l| l.kind == LabelKind::Roman) {
                let mut title = b.text[l.rest..].trim().to_string();
                // "II." alone, the title on the next line.
                if title.is_empty() && i + 1 < items.len() && items[i + 1].1.is_none() {
                    i += 1;
                    title = items[i].0.text.trim().to_string();
                }
                let mut title = self.tidy_title(&title);
                if title.is_empty() {
                    title = format!("Phần {}", l.value);
                }
                let mut id = l.value.clone();
                if !group_ids.insert(id.clone()) {
                    let n = group_next.entry(l.value.clone()).or_insert(2);
                    loop {
                        id = format!("{}-{n}", l.value);
                        if group_ids.insert(id.clone()) {
                            break;
                        }
                        *n += 1;
                    }
                }
                let mut s = DraftSection { id, title_en: title_en(&title), title, line: b.line, ..Default::default() };
                if s.id != l.value {
                    s.notes.push(("id", note("số La Mã này đã dùng cho phần trước", "this numeral was used before")));
                }
                groups.push((s, Vec::new()));
            } else if let Some((_, items_of)) = groups.last_mut() {
                items_of.push((*b, l.clone()));
            }
            i += 1;
        }
        for (section, items) in groups {
            let kind = section_kind(&section.title);
            let idx = self.draft.sections.len();
            self.push_section(section);
            match kind {
                SectionKind::Points => {
                    for (b, l) in &items {
                        let t = match l {
                            Some(l) if matches!(l.kind, LabelKind::Bullet(_)) => b.text[l.rest..].to_string(),
                            _ => b.text.clone(),
                        };
                        self.draft.sections[idx].points.push(tidy_point(&t));
                    }
                }
                SectionKind::Bases => {
                    for (b, _) in &items {
                        let f = Folded::new(&b.text);
                        let cites = citations_in(&f, true);
                        if cites.is_empty() {
                            self.draft.sections[idx].points.push(tidy_point(&b.text));
                        }
                        for c in cites {
                            let d = self.document(&c, None);
                            self.draft.bases.push(d);
                        }
                    }
                }
                SectionKind::Tasks => self.tasks_and_tables(idx, &items),
            }
        }
    }

    /// Reads a section that holds tasks: its numbered items and bullets, and its tables of
    /// tasks (a header row naming the task column, then a row a task), in document order.
    fn tasks_and_tables(&mut self, section: usize, items: &[(&Block, Option<Label>)]) {
        let first = self.raw_tasks.len();
        let mut rest: Items = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let b = items[i].0;
            if let Some(cols) = (!b.cells.is_empty()).then(|| columns(&b.cells)).flatten() {
                let mut j = i + 1;
                while j < items.len() && !items[j].0.cells.is_empty() {
                    j += 1;
                }
                let rows: Vec<&Block> = items[i + 1..j].iter().map(|(b, _)| *b).collect();
                self.table_tasks(section, &cols, &rows);
                i = j;
            } else {
                rest.push(items[i].clone());
                i += 1;
            }
        }
        self.tasks_of(section, &rest);
        self.raw_tasks[first..].sort_by_key(|t| t.line);
    }

    /// The rows of a table of tasks: group rows ("I | Cải cách thể chế") open sub-sections.
    fn table_tasks(&mut self, section: usize, cols: &Columns, rows: &[&Block]) {
        let sid = self.draft.sections[section].id.clone();
        let mut group: Option<(String, String)> = None; // (section id, its number)
        let mut count = 0;
        for row in rows {
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map_or("", |c| c.trim());
            let text = cell(Some(cols.task));
            let no = cell(cols.no).trim_end_matches(['.', ')']).to_string();
            let others_empty = [cols.owner, cols.support, cols.time, cols.result].iter().all(|&c| cell(c).is_empty());
            let roman = super::scan::roman_value(&no).is_some()
                || (no.len() == 1 && no.chars().all(|c| c.is_ascii_uppercase()));
            if !text.is_empty() && (roman || (others_empty && (is_upper(text) || no.is_empty()))) {
                let value = if no.is_empty() { (self.draft.sections.len() + 1).to_string() } else { no.clone() };
                let id = self.unique_section_id(&format!("{sid}.{value}"));
                let title = self.tidy_title(&short_title(text));
                self.push_section(DraftSection {
                    id: id.clone(),
                    title_en: title_en(&title),
                    title,
                    line: row.line,
                    ..Default::default()
                });
                group = Some((id, value));
                continue;
            }
            if text.is_empty() {
                continue;
            }
            count += 1;
            let value = if !no.is_empty() && no.chars().all(|c| c.is_ascii_digit() || c == '.') {
                no
            } else {
                count.to_string()
            };
            let mut path = Vec::new();
            if let Some((_, n)) = &group {
                path.push(n.clone());
            }
            path.push(value);
            let list = |c: &str| -> Vec<String> {
                c.split(['\n', ';', ','])
                    .map(|p| trim_clause(p.trim().trim_start_matches(['-', '+', '•']).trim()))
                    .filter(|p| !p.is_empty())
                    .collect()
            };
            self.raw_tasks.push(RawTask {
                section: group.as_ref().map_or(sid.clone(), |g| g.0.clone()),
                path,
                detail: text.to_string(),
                line: row.line,
                table: Some(TableCells {
                    owners: list(cell(cols.owner)),
                    support: list(cell(cols.support)),
                    time: cell(cols.time).replace('\n', " "),
                    result: cell(cols.result).replace('\n', "; "),
                }),
            });
        }
    }

    /// Reads the items of a section that holds tasks.
    fn tasks_of(&mut self, section: usize, items: &[(&Block, Option<Label>)]) {
        let sid = self.draft.sections[section].id.clone();
        let numbered: Vec<usize> =
            (0..items.len()).filter(|&i| items[i].1.as_ref().is_some_and(|l| l.kind.is_numbered())).collect();
        if numbered.is_empty() {
            self.bullet_tasks(section, &sid, items);
            return;
        }
        // Levels: numbering kinds in the order they first appear (1. → a) → …).
        let mut order: Vec<LabelKind> = Vec::new();
        for &i in &numbered {
            let k = items[i].1.as_ref().map(|l| l.kind.clone()).expect("numbered");
            if !order.contains(&k) {
                order.push(k);
            }
        }
        let level = |i: usize| -> usize {
            let k = &items[i].1.as_ref().expect("numbered").kind;
            order.iter().position(|o| o == k).unwrap_or(0)
        };
        // Whether deeper numbered items follow item `i` before the next item of its level.
        let numbered_children = |i: usize| -> bool {
            let lv = level(i);
            (i + 1..items.len())
                .find(|&j| items[j].1.as_ref().is_some_and(|l| l.kind.is_numbered()))
                .is_some_and(|j| level(j) > lv)
        };
        // A numbered item is a sub-section when deeper numbered items follow it, or when it is a
        // heading (or a short line ending in ":") followed by bullets, which are then its tasks.
        let container = |i: usize| -> bool {
            if numbered_children(i) {
                return true;
            }
            let bullets =
                items.get(i + 1).and_then(|(_, l)| l.as_ref()).is_some_and(|l| matches!(l.kind, LabelKind::Bullet(_)));
            let b = items[i].0;
            let body = &b.text[items[i].1.as_ref().map_or(0, |l| l.rest)..];
            bullets && (b.heading || (body.trim_end().ends_with(':') && body.chars().count() <= 120))
        };

        struct Open {
            level: usize,
            id: String,
            path: Vec<String>,
            /// Its top-level bullets are its tasks (it has no numbered items under it).
            bullet_tasks: bool,
            count: usize,
        }
        let mut stack: Vec<Open> = Vec::new();
        let mut current: Option<usize> = None; // index into raw_tasks
        let mut current_is_bullet = false;
        let mut target = section; // where loose paragraphs go
        for (i, (b, l)) in items.iter().enumerate() {
            match l {
                Some(l) if l.kind.is_numbered() => {
                    let lv = level(i);
                    while stack.last().is_some_and(|s| s.level >= lv) {
                        stack.pop();
                    }
                    let parent_sid = stack.last().map_or(sid.clone(), |s| s.id.clone());
                    let mut path = stack.last().map_or(Vec::new(), |s| s.path.clone());
                    path.push(l.value.clone());
                    let body = b.text[l.rest..].trim().to_string();
                    current_is_bullet = false;
                    if container(i) {
                        let sub_id = self.unique_section_id(&format!("{parent_sid}.{}", l.value));
                        let mut title = self.tidy_title(&short_title(&body));
                        if title.is_empty() {
                            title = format!("Mục {}", l.value);
                        }
                        let mut s = DraftSection {
                            id: sub_id.clone(),
                            title_en: title_en(&title),
                            line: b.line,
                            ..Default::default()
                        };
                        if trim_clause(&body).chars().count() > title.chars().count() + 1 {
                            s.points.push(body.clone());
                        }
                        s.title = title;
                        target = self.draft.sections.len();
                        self.push_section(s);
                        let bullet_tasks = !numbered_children(i);
                        stack.push(Open { level: lv, id: sub_id, path, bullet_tasks, count: 0 });
                        current = None;
                    } else {
                        self.raw_tasks.push(RawTask {
                            section: parent_sid,
                            path,
                            detail: body,
                            line: b.line,
                            table: None,
                        });
                        current = Some(self.raw_tasks.len() - 1);
                    }
                }
                Some(l) if matches!(l.kind, LabelKind::Bullet(_)) => {
                    let body = b.text[l.rest..].trim();
                    let open = stack.last_mut().filter(|s| s.bullet_tasks);
                    match (open, current) {
                        (Some(top), c) if l.value == "-" && (c.is_none() || current_is_bullet) => {
                            top.count += 1;
                            let mut path = top.path.clone();
                            path.push(top.count.to_string());
                            let s = top.id.clone();
                            self.raw_tasks.push(RawTask {
                                section: s,
                                path,
                                detail: body.to_string(),
                                line: b.line,
                                table: None,
                            });
                            current = Some(self.raw_tasks.len() - 1);
                            current_is_bullet = true;
                        }
                        (_, Some(t)) => {
                            let d = &mut self.raw_tasks[t].detail;
                            d.push('\n');
                            d.push_str(&l.value);
                            d.push(' ');
                            d.push_str(body);
                        }
                        _ => self.draft.sections[target].points.push(tidy_point(body)),
                    }
                }
                _ => match current {
                    Some(t) => {
                        let d = &mut self.raw_tasks[t].detail;
                        d.push_str("\n\n");
                        d.push_str(b.text.trim());
                    }
                    None => self.draft.sections[target].points.push(tidy_point(&b.text)),
                },
            }
        }
    }

    /// A section without numbered items: its top-level bullets are the tasks
    /// (the "Tổ chức thực hiện" duties), other text its points.
    fn bullet_tasks(&mut self, section: usize, sid: &str, items: &[(&Block, Option<Label>)]) {
        let top = items.iter().find_map(|(_, l)| match l.as_ref().map(|l| &l.kind) {
            Some(LabelKind::Bullet(c)) => Some(*c),
            _ => None,
        });
        let mut current: Option<usize> = None;
        let mut n = 0;
        for (b, l) in items {
            match l.as_ref().map(|l| (&l.kind, l.rest)) {
                Some((LabelKind::Bullet(c), rest)) if Some(*c) == top => {
                    n += 1;
                    let body = b.text[rest..].trim().to_string();
                    self.raw_tasks.push(RawTask {
                        section: sid.to_string(),
                        path: vec![n.to_string()],
                        detail: body,
                        line: b.line,
                        table: None,
                    });
                    current = Some(self.raw_tasks.len() - 1);
                }
                Some((LabelKind::Bullet(c), rest)) if current.is_some() => {
                    let d = &mut self.raw_tasks[current.expect("checked")].detail;
                    d.push('\n');
                    d.push(*c);
                    d.push(' ');
                    d.push_str(b.text[rest..].trim());
                }
                _ => self.draft.sections[section].points.push(tidy_point(&b.text)),
            }
        }
    }

    // -----------------------------------------------------------------------
    // Tail: closing, recipients, signer
    // -----------------------------------------------------------------------

    fn tail(&mut self, blocks: &[Block]) {
        let mut in_recipients = false;
        let mut position: Option<String> = None;
        let mut authority: Option<String> = None;
        let mut name: Option<String> = None;
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
                position = Some(self.casing.recase(rest));
                continue;
            }
            if is_position(text) {
                position = Some(self.casing.recase(text));
                continue;
            }
            if text.starts_with('(') && text.ends_with(')') {
                continue;
            }
            if is_name(text) {
                name = Some(text.to_string());
                continue;
            }
            if is_upper(text)
                && text.split_whitespace().count() <= 5
                && position.is_some()
                && !text.chars().any(|c| c.is_ascii_digit())
            {
                // A name in capitals under the position.
                name = Some(title_case(text));
                continue;
            }
            self.draft.unread.push((b.line, text.to_string()));
        }
        if let Some(name) = name {
            self.draft.meta.signer = Some(Signer { name, position, authority });
        } else if position.is_some() {
            self.draft.meta.notes.push((
                "signer",
                note(
                    "văn bản ghi chức vụ người ký nhưng không đọc được tên",
                    "the signer's position is given, not the name",
                ),
            ));
        }
    }

    /// An appendix: a section of its own ("PL"), read like the body's sections.
    fn appendix(&mut self, blocks: &[Block]) {
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
    fn closing(&mut self, text: &str) {
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

    // -----------------------------------------------------------------------
    // Putting it together
    // -----------------------------------------------------------------------

    fn finish(&mut self) {
        self.meta_guesses();
        let year = self.draft.meta.year;
        // Task ids: the first section with tasks numbers them as the document does ("4");
        // later sections prefix their id ("III.1"), as a reader cites them.
        let first_section = self.raw_tasks.first().map(|t| top_section(&t.section).to_string());
        let raw = std::mem::take(&mut self.raw_tasks);
        let mut used: HashMap<String, usize> = HashMap::new();
        // The ids given so far, in ASCII lower case (ids differ by more than case).
        let mut taken: HashSet<String> = HashSet::new();
        for (n, t) in raw.into_iter().enumerate() {
            let top = top_section(&t.section).to_string();
            let path = t.path.join(".");
            let base = if Some(&top) == first_section.as_ref() { path } else { format!("{top}.{path}") };
            let mut id = base.clone();
            let mut notes = Notes::new();
            let seen = used.entry(base.to_lowercase()).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                id = format!("{base}-{seen}");
                while taken.contains(&id.to_ascii_lowercase()) {
                    *seen += 1;
                    id = format!("{base}-{seen}");
                }
                notes.push((
                    "id",
                    note(
                        format!("số thứ tự {base} lặp lại trong văn bản; đổi id cho khác nhau"),
                        format!("the document numbers two items {base}; ids must differ"),
                    ),
                ));
            }
            taken.insert(id.to_ascii_lowercase());
            let cites = self.cites.get_mut(n).map(std::mem::take);
            let task = self.task(t, id, year, notes, cites);
            self.draft.tasks.push(task);
        }
    }

    /// Year, unit abbreviation, superior and issuers that the text implies but does not state.
    fn meta_guesses(&mut self) {
        let m = &mut self.draft.meta;
        // Year: the plan's date, else "năm 2025" in its title, else its legal bases, else today.
        let title_year = {
            let f = Folded::new(&m.title);
            let mut y = None;
            let mut i = 0;
            while let Some(k) = f.find_word("nam", i) {
                let s = f.skip_ws(k + 3);
                let e = f.word_end(s);
                if e - s == 4
                    && let Ok(v) = f.text(s..e).parse::<i32>()
                    && (1900..=2200).contains(&v)
                {
                    y = Some(v);
                }
                i = k + 3;
            }
            y
        };
        m.year = match (title_year, m.date) {
            (Some(y), _) => y,
            (None, Some(d)) => d.year(),
            (None, None) => match self.draft.bases.iter().filter_map(|b| b.date).map(|d| d.year()).max() {
                Some(y) => {
                    m.notes.push(("year", note("đoán theo năm của các căn cứ", "guessed from the legal bases' dates")));
                    y
                }
                None => {
                    m.notes.push((
                        "year",
                        note("văn bản không ghi năm; lấy năm hiện tại", "no year in the text; this year"),
                    ));
                    self.fallback_year
                }
            },
        };
        // Start: the plan's date, else the latest legal basis it implements (it cannot be older).
        if m.date.is_none()
            && let Some(latest) = self.draft.bases.iter().filter_map(|b| b.date).max()
            && latest.year() == m.year
        {
            m.start = Some(latest);
            m.notes.push((
                "start",
                note(
                    format!(
                        "văn bản không ghi ngày; đoán kế hoạch có hiệu lực từ căn cứ mới nhất ({})",
                        crate::dates::short(latest)
                    ),
                    format!(
                        "the document has no date; assumed to run from its latest legal basis ({})",
                        crate::dates::short(latest)
                    ),
                ),
            ));
        }
        // Unit abbreviation: from the plan's number (48/KH-NBK → NBK), else from a document the unit issued.
        if let Some(n) = &m.number {
            m.unit_short = symbol_owner(n);
        } else if let Some(unit) = &m.unit {
            let fu = fold_unit(unit);
            self.cites = self.raw_tasks.iter().map(|t| citations_in(&Folded::new(t.detail.trim()), false)).collect();
            let own = self
                .cites
                .iter()
                .flatten()
                .find(|c| c.issuer.as_deref().is_some_and(|i| fold_unit(i) == fu) && c.number.is_some())
                .cloned();
            if let Some(c) = own
                && let Some(short) = c.number.as_deref().and_then(symbol_owner)
            {
                m.notes.push((
                    "unit_short",
                    note(
                        format!("đoán từ văn bản {} của đơn vị", c.number.clone().unwrap_or_default()),
                        format!("guessed from the unit's document {}", c.number.clone().unwrap_or_default()),
                    ),
                ));
                m.unit_short = Some(short);
            }
        }
        // Superior: the issuer most bases come from.
        if m.superior.is_none() {
            let mut count: Vec<(String, usize)> = Vec::new();
            for b in &self.draft.bases {
                if let Some(i) = &b.issuer {
                    match count.iter_mut().find(|(n, _)| fold(n) == fold(i)) {
                        Some((_, c)) => *c += 1,
                        None => count.push((i.clone(), 1)),
                    }
                }
            }
            if let Some((best, _)) = count.iter().max_by_key(|(_, c)| *c).filter(|(_, c)| *c >= 2) {
                m.superior = Some(best.clone());
                m.notes.push((
                    "superior",
                    note("đoán: cơ quan ban hành phần lớn các căn cứ", "guessed: the issuer of most legal bases"),
                ));
            }
        }
        if m.unit.is_none() {
            m.notes.push((
                "unit",
                note("không tìm thấy tên đơn vị ban hành; hãy điền", "the issuing unit was not found; fill it in"),
            ));
        }
        // Legal bases without an issuer: one with the same symbol ("…/UBND-NV") names it.
        let known: Vec<(String, String)> =
            self.draft.bases.iter().filter_map(|b| Some((symbol(b.number.as_deref()?)?, b.issuer.clone()?))).collect();
        for b in &mut self.draft.bases {
            if b.issuer.is_none() {
                let guess = b.number.as_deref().and_then(symbol).and_then(|s| known.iter().find(|(k, _)| *k == s));
                match guess {
                    Some((s, issuer)) => {
                        b.issuer = Some(issuer.clone());
                        b.notes.push((
                            "issuer",
                            note(
                                format!("văn bản không ghi cơ quan ban hành; đoán theo ký hiệu {s}"),
                                format!("the document names no issuer; guessed from the symbol {s}"),
                            ),
                        ));
                    }
                    None => b
                        .notes
                        .push(("issuer", note("văn bản không ghi cơ quan ban hành", "the document names no issuer"))),
                }
            }
        }
    }

    /// Reads one task's wording: title, owner, timeline, result, references.
    /// `cites`: the documents the task cites, when already read.
    fn task(
        &mut self,
        raw: RawTask,
        id: String,
        year: i32,
        mut notes: Notes,
        cites: Option<Vec<Citation>>,
    ) -> DraftTask {
        let detail = raw.detail.trim().to_string();
        let f = Folded::new(&detail);
        let cites = cites.unwrap_or_else(|| citations_in(&f, false));
        let skip: Vec<Range<usize>> = cites.iter().map(|c| c.span.clone()).collect();
        let refs = cites.iter().map(|c| self.document(c, Some(year))).collect();

        // Owner: the table's columns when the task is a row, else the wording.
        let table = raw.table.unwrap_or_default();
        let mut found = owners_in(&f, &skip);
        if let Some(first) = table.owners.first() {
            found.owner = Some((first.clone(), true));
            found.prefix_end = None;
            found.support = table.owners[1..].iter().chain(&table.support).cloned().collect();
            if table.owners.len() > 1 {
                notes.push((
                    "owner",
                    note(
                        "bảng ghi nhiều đơn vị chủ trì; par lấy đơn vị đầu, các đơn vị khác là phối hợp",
                        "the table names several owners; par took the first, the others support",
                    ),
                ));
            }
        } else if !table.support.is_empty() {
            found.support = table.support.clone();
        }
        let owner = found.owner.as_ref().map(|(name, _)| self.owner(name, &id));
        let support: Vec<String> =
            found.support.iter().map(|n| self.owner(n, &id)).filter(|s| Some(s) != owner.as_ref()).fold(
                Vec::new(),
                |mut v, s| {
                    if !v.contains(&s) {
                        v.push(s);
                    }
                    v
                },
            );
        if let Some((_, confident)) = &found.owner
            && !confident
        {
            notes.push((
                "owner",
                note(
                    "đoán từ văn bản (không ghi rõ \"chủ trì\", hoặc chỉ nêu ở ý phụ)",
                    "guessed from the text (it does not say \"chủ trì\", or only in a sub-point)",
                ),
            ));
        }

        // Title: the first clause, without the owner's "Phòng Nội vụ:" prefix.
        let first_line = detail.split('\n').next().unwrap_or("");
        let title_src = match found.prefix_end {
            Some(e) => Folded::new(first_line).text(e..first_line.chars().count()),
            None => first_line.to_string(),
        };
        let mut title = capitalise(&short_title(&title_src));
        if title.is_empty() {
            title = format!("Nhiệm vụ {id}");
            notes.push((
                "id",
                note("mục đánh số không có nội dung; đặt tên cho nhiệm vụ", "the item has no text; name it"),
            ));
        }

        // A time column is read as a deadline ("30/6/2025" alone is the due date there).
        let tl = if table.time.trim().is_empty() {
            timeline(&f, &skip, year, false)
        } else {
            timeline(&Folded::new(&table.time), &[], year, true)
        };
        notes.extend(tl.notes);
        let (result, result_note) = if table.result.trim().is_empty() {
            result_in(&f, &skip)
        } else {
            (Some(capitalise(&trim_clause(&table.result))), None)
        };
        if let Some(n) = result_note {
            notes.push(("result", n));
        }
        DraftTask {
            id,
            section: raw.section,
            title,
            detail,
            owner,
            support,
            start: tl.start,
            due: tl.due,
            repeat: tl.repeat,
            due_day: tl.due_day,
            result,
            refs,
            line: raw.line,
            notes,
        }
    }

    /// The id of the owner with this name, defining it on first sight.
    fn owner(&mut self, name: &str, seen_in: &str) -> String {
        // The same words give the same owner: skip capitalising and folding them again.
        let name_text = name.trim();
        let i = match self.seen.owner_by_text.get(name_text).copied() {
            Some(i) => Some(i),
            None => {
                let key = fold(&capitalise(name_text));
                let i = self.seen.owner_by_name.get(&key).copied();
                if let Some(i) = i {
                    self.seen.owner_by_text.insert(name_text.to_string(), i);
                }
                i
            }
        };
        if let Some(i) = i {
            let o = &mut self.draft.owners[i];
            if self.seen.owner_seen.insert((i, seen_in.to_string())) {
                o.seen.push(seen_in.to_string());
            }
            return o.id.clone();
        }
        let name = capitalise(name_text);
        let base = owner_id(&name);
        let mut id = base.clone();
        if self.seen.owner_ids.contains(&id) {
            let n = self.seen.owner_next.entry(base.clone()).or_insert(2);
            loop {
                id = format!("{base}{n}");
                if !self.seen.owner_ids.contains(&id) {
                    break;
                }
                *n += 1;
            }
        }
        let i = self.draft.owners.len();
        self.seen.owner_by_name.insert(fold(&name), i);
        self.seen.owner_by_text.insert(name_text.to_string(), i);
        self.seen.owner_ids.insert(id.clone());
        self.seen.owner_seen.insert((i, seen_in.to_string()));
        self.draft.owners.push(DraftOwner { id: id.clone(), name, seen: vec![seen_in.to_string()] });
        id
    }

    fn document(&self, c: &Citation, year: Option<i32>) -> DraftDoc {
        let mut d = DraftDoc {
            kind: c.kind.clone(),
            number: c.number.clone(),
            issuer: c.issuer.clone(),
            subject: c.subject.clone(),
            ..Default::default()
        };
        if let Some(dt) = c.date {
            match (dt.year, year) {
                (Some(_), _) => d.date = dt.resolve(0),
                (None, Some(y)) => {
                    d.date = dt.resolve(y);
                    d.notes
                        .push(("date", note("văn bản không ghi năm; lấy năm kế hoạch", "no year given; the plan's")));
                }
                (None, None) => {}
            }
        }
        if d.number.is_none() && !["Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"].contains(&d.kind.as_str()) {
            d.notes.push(("number", note("văn bản không ghi số ký hiệu", "the document gives no number")));
        }
        if c.date.is_none() {
            d.notes.push(("date", note("văn bản không ghi ngày", "the document gives no date")));
        }
        d
    }

    /// A section id not used yet: the document may number two items alike.
    fn unique_section_id(&mut self, base: &str) -> String {
        if !self.seen.section_ids.contains(base) {
            return base.to_string();
        }
        let n = self.seen.section_next.entry(base.to_string()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            if !self.seen.section_ids.contains(&id) {
                return id;
            }
            *n += 1;
        }
    }

    /// Adds a section to the draft, recording its id.
    fn push_section(&mut self, s: DraftSection) {
        self.seen.section_ids.insert(s.id.clone());
        self.draft.sections.push(s);
    }

    fn tidy_title(&self, s: &str) -> String {
        let t = trim_clause(s);
        let t = if is_upper(&t) { self.casing.recase(&t) } else { t };
        capitalise(&t)
    }
}

fn top_section(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

// ---------------------------------------------------------------------------
// Head helpers
// ---------------------------------------------------------------------------

/// "Quận 1, ngày 23 tháng 5 năm 2025" anywhere in a line: (place, date).
fn place_and_date(f: &Folded) -> Option<(Option<String>, NaiveDate)> {
    let mut i = 0;
    while let Some(k) = f.find_word("ngay", i) {
        if let Some((d, end)) = date_at(f, k)
            && d.year.is_some()
            && f.text(end..f.len()).chars().all(|c| !c.is_alphanumeric() && c != ';')
        {
            let date = d.resolve(0)?;
            // The place: back from ", ngày" to the start, or to the number before it ("Số: 48/KH-NBK").
            let before = f.text(0..k);
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

/// Agency lines sometimes wrap ("ỦY BAN NHÂN DÂN" / "QUẬN 1"): a line that is only a place
/// name ("QUẬN 1", "PHƯỜNG BẾN NGHÉ") joins the line before it.
fn merge_agency(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let f = fold(&l);
        let is_place =
            ["quan ", "huyen ", "phuong ", "xa ", "thi xa ", "thanh pho ", "tinh "].iter().any(|p| f.starts_with(p))
                && l.split_whitespace().count() <= 4;
        match out.last_mut() {
            Some(prev) if is_place && fold(prev).ends_with("nhan dan") => {
                prev.push(' ');
                prev.push_str(&l);
            }
            _ => out.push(l),
        }
    }
    out
}

/// "Trường Tiểu học Nguyễn Bình Khiêm xây dựng Kế hoạch …": the unit.
fn intro_subject(f: &Folded) -> Option<String> {
    for verb in ["xay dung", "ban hanh", "trien khai"] {
        let mut i = 0;
        while let Some(k) = f.find_word(verb, i) {
            let after = f.skip_ws(k + verb.len());
            if f.word_at(after, "ke hoach") || f.word_at(after, "chuong trinh") {
                let who = trim_clause(&f.text(0..k));
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

fn strip_ve(s: &str) -> String {
    let t = s.trim();
    for p in ["Về việc ", "về việc ", "Về ", "về ", "V/v ", "V/v: ", "v/v "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// The part of a document symbol naming its issuer: "48/KH-NBK" → "NBK".
fn symbol_owner(number: &str) -> Option<String> {
    let sym = number.split('/').nth(1)?;
    let last = sym.rsplit('-').next()?;
    (last.chars().all(char::is_alphanumeric) && last.chars().any(char::is_uppercase)).then(|| last.to_string())
}

/// The symbol of a number, without the serial: "1086/UBND-NV" → "UBND-NV".
fn symbol(number: &str) -> Option<String> {
    let (_, rest) = number.split_once('/')?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// A unit's name folded for comparison, without the words "trường"/"của".
fn fold_unit(s: &str) -> String {
    fold(s).trim_start_matches("truong ").to_string()
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

enum SectionKind {
    /// Objectives and the like: free-standing points.
    Points,
    /// "Căn cứ": legal bases.
    Bases,
    Tasks,
}

fn section_kind(title: &str) -> SectionKind {
    const POINTS: &[&str] = &[
        "muc dich",
        "muc tieu",
        "yeu cau",
        "quan diem",
        "dac diem",
        "tinh hinh",
        "thuc trang",
        "ket qua",
        "danh gia",
        "kinh phi",
        "nguon kinh phi",
        "han che",
        "nguyen nhan",
        "boi canh",
        "chi tieu",
        "pham vi",
        "doi tuong",
    ];
    let f = fold(title);
    if f.starts_with("can cu") {
        SectionKind::Bases
    } else if POINTS.iter().any(|p| f.starts_with(p)) {
        SectionKind::Points
    } else {
        SectionKind::Tasks
    }
}

/// English titles of the usual sections.
fn title_en(title: &str) -> Option<String> {
    let key: String = fold(title).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let en = match key.as_str() {
        "muc dich yeu cau" | "muc dich va yeu cau" => "Purpose and requirements",
        "muc dich" => "Purpose",
        "yeu cau" => "Requirements",
        "muc tieu" | "muc tieu chung" => "Objectives",
        "muc tieu yeu cau" | "muc tieu va yeu cau" => "Objectives and requirements",
        "muc tieu cu the" => "Specific objectives",
        "nhiem vu va giai phap" | "nhiem vu giai phap" | "cac nhiem vu giai phap" => "Tasks and solutions",
        "nhiem vu giai phap trong tam" | "nhiem vu va giai phap trong tam" => "Key tasks and solutions",
        "nhiem vu" | "noi dung nhiem vu" => "Tasks",
        "nhiem vu trong tam" | "nhiem vu cu the" => "Key tasks",
        "giai phap" => "Solutions",
        "noi dung" | "noi dung thuc hien" | "noi dung ke hoach" => "Contents",
        "to chuc thuc hien" => "Implementation",
        "kinh phi" | "kinh phi thuc hien" => "Funding",
        "can cu" | "can cu xay dung ke hoach" | "can cu phap ly" => "Legal bases",
        "che do bao cao" | "che do thong tin bao cao" => "Reporting",
        "phan cong nhiem vu" | "phan cong thuc hien" | "phan cong trach nhiem" => "Assignments",
        "tien do thuc hien" | "thoi gian thuc hien" => "Timeline",
        "ket qua" | "ket qua dat duoc" => "Results",
        "danh gia" => "Assessment",
        "tinh hinh" | "tinh hinh thuc hien" => "Situation",
        "de xuat kien nghi" | "kien nghi de xuat" => "Proposals",
        _ => return None,
    };
    Some(en.to_string())
}

fn tidy_point(s: &str) -> String {
    let t = s.trim();
    match t.strip_suffix(';') {
        Some(rest) => format!("{}.", rest.trim_end()),
        None => t.to_string(),
    }
}

fn tidy_recipient(s: &str) -> String {
    s.trim().trim_end_matches([';', ',', '.']).trim().to_string()
}

// ---------------------------------------------------------------------------
// Tables of tasks
// ---------------------------------------------------------------------------

/// Where a table of tasks keeps what.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Columns {
    no: Option<usize>,
    task: usize,
    owner: Option<usize>,
    support: Option<usize>,
    time: Option<usize>,
    result: Option<usize>,
}

/// Reads a header row ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm").
fn columns(cells: &[String]) -> Option<Columns> {
    let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
    let find = |keys: &[&str]| folded.iter().position(|c| keys.iter().any(|k| c.contains(k)));
    let owner = find(&[
        "chu tri",
        "don vi thuc hien",
        "phu trach",
        "nguoi thuc hien",
        "bo phan thuc hien",
        "co quan thuc hien",
    ])
    .or_else(|| folded.iter().position(|c| c == "thuc hien"));
    let support = find(&["phoi hop"]);
    let time = find(&["thoi gian", "thoi han", "tien do", "han hoan thanh", "moc"]);
    let result = find(&["san pham", "ket qua"]);
    let no = folded.iter().position(|c| matches!(c.as_str(), "stt" | "tt" | "so tt" | "so thu tu"));
    let taken = [owner, support, time, result, no];
    let task = folded.iter().enumerate().position(|(i, c)| {
        !taken.contains(&Some(i))
            && ["noi dung", "nhiem vu", "cong viec", "giai phap", "hoat dong"].iter().any(|k| c.contains(k))
    })?;
    (owner.is_some() || time.is_some() || result.is_some()).then_some(Columns {
        no,
        task,
        owner,
        support,
        time,
        result,
    })
}

// ---------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------

const TITLE_MAX: usize = 110;
const TITLE_MIN: usize = 30;

/// A one-line title: the first sentence if short, else the first clause that ends
/// between 30 and 100 characters, else the words that fit with "…".
pub fn short_title(text: &str) -> String {
    let f = Folded::new(text.trim());
    let n = f.len();
    // The first sentence (". ", ";", ":") if it fits.
    let sentence_end = (0..n).find(|&i| {
        matches!(f.orig[i], ';' | ':') || (f.orig[i] == '.' && (i + 1 == n || f.orig[i + 1].is_whitespace()))
    });
    let end = sentence_end.unwrap_or(n);
    if end <= TITLE_MAX && end >= 10.min(n) {
        return trim_clause(&f.text(0..end));
    }
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or("");
    // An acronym or a proper name in capitals keeps its case.
    if first.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
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
struct Casing {
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

impl Casing {
    fn new(blocks: &[Block]) -> Casing {
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
                    lower.extend(w.chars().flat_map(char::to_lowercase));
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
    fn recase(&self, upper: &str) -> String {
        self.recase_with(upper, false)
    }

    /// Like [`Casing::recase`]; for names (units, agencies), words seen only at the start of a
    /// sentence keep their capital ("TÂN ĐỊNH" → "Tân Định").
    fn recase_name(&self, upper: &str) -> String {
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

// ---------------------------------------------------------------------------
// Owners
// ---------------------------------------------------------------------------

/// Words that name a body or a role at the start of an owner's name.
const ORG_WORDS: &[&str] = &[
    "phong",
    "van phong",
    "ban",
    "bo phan",
    "to",
    "cong doan",
    "doan",
    "chi doan",
    "hoi",
    "truong",
    "uy ban",
    "ubnd",
    "hdnd",
    "cong an",
    "trung tam",
    "tram",
    "hieu truong",
    "pho hieu truong",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "thu truong",
    "bi thu",
    "chi bo",
    "dang uy",
    "cong chuc",
    "can bo",
    "giao vien",
    "nhan vien",
    "ke toan",
    "van thu",
    "thu quy",
    "y te",
    "lien doi",
    "tong phu trach",
    "nha truong",
    "mat tran",
    "doi",
    "so",
    "cb",
    "cbcc",
    "cbccvc",
    "gv",
    "thanh vien",
    "khoi",
    "quan",
    "phuong",
    "xa",
    "bch",
    "vien chuc",
    "nguoi dung dau",
    "thu ky",
    "chuyen vien",
    "lanh dao",
    "ban giam hieu",
    "bgh",
    "bo",
    "ubmttq",
    "ban chi huy",
    "quan su",
];

/// Phrases that start like a body's name but are not one ("Tổ chức hội nghị", "Ban hành").
const NOT_ORG: &[&str] = &[
    "to chuc",
    "ban hanh",
    "hoi nghi",
    "hoi thao",
    "hoi thi",
    "phong chong",
    "phong ngua",
    "doi ngu",
    "truong hop",
    "xa hoi",
    "bo chi so",
    "doan ket",
    "so luong",
    "so sanh",
    "quan ly",
    "quan tam",
    "phuong an",
    "phuong cham",
    "phuong thuc",
    "phuong phap",
    "phuong tien",
    "phuong huong",
    "to giac",
    "ban than",
    "so ket",
    "hoi dap",
];

/// Whether a phrase can be an owner's name: it starts with a body or role word (after "các",
/// "toàn thể") or is an acronym like "CB-GV-NV", and is short.
fn is_owner_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if words == 0 || words > 12 || s.chars().any(|c| matches!(c, ';' | ':')) {
        return false;
    }
    if is_staff_acronym(s.split_whitespace().next().unwrap_or("")) {
        return true;
    }
    let f = fold(s);
    let f =
        f.strip_prefix("cac ").or_else(|| f.strip_prefix("toan the ")).or_else(|| f.strip_prefix("moi ")).unwrap_or(&f);
    let leads =
        |w: &str, seps: &[char]| f.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(seps));
    if NOT_ORG.iter().chain(VERBS).any(|w| leads(w, &[' '])) {
        return false;
    }
    ORG_WORDS.iter().any(|w| leads(w, &[' ', '-']))
}

/// "CB-GV-NV", "CB, GV, NV", "CBCCVC": the staff as a whole.
fn is_staff_acronym(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', ',']).filter(|p| !p.is_empty()).collect();
    const STAFF: &[&str] = &["CB", "GV", "NV", "CC", "VC", "CBCC", "CBCCVC", "CBGVNV", "CBVC", "NLĐ", "HS"];
    (parts.len() >= 2 && parts.iter().all(|p| STAFF.contains(p))) || ["CBCCVC", "CBGVNV", "CBCC", "CBVC"].contains(&w)
}

/// Verbs that end an owner's name ("giao Phòng Nội vụ thực hiện").
const VERBS: &[&str] = &[
    "chu tri",
    "thuc hien",
    "tham muu",
    "trien khai",
    "theo doi",
    "phu trach",
    "xay dung",
    "to chuc",
    "ra soat",
    "kiem tra",
    "bao cao",
    "cap nhat",
    "phoi hop",
    "chiu trach nhiem",
    "lam dau moi",
    "la dau moi",
    "huong dan",
    "don doc",
    "tong hop",
    "chu dong",
    "co trach nhiem",
    "nghien cuu",
    "tiep nhan",
    "quan ly",
    "dang tai",
    "chi dao",
    "nghiem tuc",
    "khan truong",
    "tiep tuc",
    "dam bao",
    "bao dam",
    "giai quyet",
    "xu ly",
    "cung cap",
    "gui",
    "tuyen truyen",
    "niem yet",
    "duy tri",
    "danh gia",
    "lap",
    "soan thao",
    "can cu",
];

/// Where an owner's name that starts at `start` ends.
fn name_end(f: &Folded, start: usize) -> usize {
    let mut e = start;
    while e < f.len() {
        let c = f.orig[e];
        if matches!(c, ',' | ';' | ':' | '(') || (c == '.' && f.boundary_after(e + 1)) {
            break;
        }
        if e > start && f.boundary_before(e) && is_word(f.fold[e]) {
            if VERBS.iter().any(|v| f.word_at(e, v)) {
                break;
            }
            // "A và B": go on when B is a name too ("Sở Khoa học và Công nghệ", "… và các tổ").
            if f.exact(e, "và") {
                let nx = f.skip_ws(e + 2);
                let mut stop = nx;
                while stop < f.len() && !matches!(f.orig[stop], ',' | ';' | ':' | '.' | '(') {
                    stop += 1;
                }
                let upper = f.orig.get(nx).is_some_and(|c| c.is_uppercase());
                if !upper && !is_owner_name(&f.text(nx..stop)) {
                    break;
                }
            }
            if f.exact(e, "trong") || f.exact(e, "về") || f.exact(e, "để") || f.exact(e, "nhằm") || f.exact(e, "theo")
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
fn owner_before(f: &Folded, end: usize) -> Option<(usize, String)> {
    let mut s = end;
    while s > 0 && !matches!(f.orig[s - 1], ',' | ';' | ':' | '(' | '.' | '\n') {
        s -= 1;
    }
    let starts: Vec<usize> = (s..end).filter(|&i| is_word(f.fold[i]) && f.boundary_before(i)).collect();
    starts.into_iter().find_map(|i| {
        let lead_ok = f.orig[i].is_uppercase() || f.word_at(i, "cac") || f.word_at(i, "toan the");
        if !lead_ok {
            return None;
        }
        let name = trim_clause(&f.text(i..end));
        is_owner_name(&name).then_some((i, name))
    })
}

#[derive(Default)]
struct FoundOwners {
    /// The primary owner, and whether the text says so plainly ("chủ trì", "giao").
    owner: Option<(String, bool)>,
    support: Vec<String>,
    /// A "Phòng Nội vụ:" prefix ends here (character index), to leave out of the title.
    prefix_end: Option<usize>,
}

/// Owners named in a task's text.
fn owners_in(f: &Folded, skip: &[Range<usize>]) -> FoundOwners {
    let mut found = FoundOwners::default();
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    let first_line = f.orig.iter().position(|&c| c == '\n').unwrap_or(f.len());

    // "Phòng Nội vụ: …" — the owner as the item's lead.
    if let Some(colon) = (0..first_line.min(90)).find(|&i| f.orig[i] == ':') {
        let lead = f.text(0..colon);
        if is_owner_name(&lead) && !fold(&lead).starts_with("chu tri") && !fold(&lead).starts_with("phoi hop") {
            found.owner = Some((lead, true));
            found.prefix_end = Some(colon + 1);
        }
    }
    // "… chủ trì", "chủ trì: …", "giao … thực hiện", "… là đầu mối", "… phụ trách".
    // When the item opens with its owner ("Phòng Nội vụ chủ trì, phối hợp …", "Giao Công an
    // phường …"), `lead` is where that opening ends, to leave it out of the title.
    let text_start = f.skip_ws(0);
    let opens_with = |s: usize| {
        s == text_start || (f.word_at(text_start, "giao") && f.skip_ws(text_start + 4) == s) || {
            let after = f.skip_ws(text_start + 4);
            f.word_at(text_start, "giao") && f.word_at(after, "cho") && f.skip_ws(after + 3) == s
        }
    };
    let mut lead: Option<usize> = None;
    let mut i = 0;
    while found.owner.is_none() && i < f.len() {
        let Some(k) = ["chu tri", "phu trach", "dau moi"].iter().filter_map(|w| f.find_word(w, i)).min() else { break };
        let wlen = if f.word_at(k, "phu trach") { 9 } else { 7 };
        if free(k) {
            let after = f.skip_ws(k + wlen);
            if f.orig.get(after) == Some(&':') {
                let s = f.skip_ws(after + 1);
                let name = trim_clause(&f.text(s..name_end(f, s)));
                if is_owner_name(&name) {
                    found.owner = Some((name, k < first_line));
                }
            } else {
                let mut end = k;
                for w in ["la", "lam"] {
                    if let Some(p) = f.rfind_word(w, k).filter(|&p| f.skip_ws(p + w.len()) == k) {
                        end = p;
                    }
                }
                if let Some((start, name)) = owner_before(f, end) {
                    if opens_with(start) {
                        lead = Some(k + wlen);
                    }
                    found.owner = Some((name, k < first_line));
                }
            }
        }
        i = k + wlen;
    }
    let mut i = 0;
    while found.owner.is_none() && i < f.len() {
        let Some(k) = f.find_word("giao", i) else { break };
        let s = f.skip_ws(k + 4);
        let s = if f.word_at(s, "cho") { f.skip_ws(s + 3) } else { s };
        if free(k) {
            let e = name_end(f, s);
            let name = trim_clause(&f.text(s..e));
            if is_owner_name(&name) && name.chars().next().is_some_and(|c| c.is_uppercase()) {
                if k == text_start {
                    lead = Some(e);
                }
                found.owner = Some((name, k < first_line));
            }
        }
        i = k + 4;
    }
    // "phối hợp (với) A, B và C"
    let skip_marks = |mut p: usize| {
        while p < f.len() && (f.orig[p].is_whitespace() || f.orig[p] == ',') {
            p += 1;
        }
        p
    };
    let mut i = 0;
    while let Some(k) = f.find_word("phoi hop", i) {
        let follows_lead = lead.is_some_and(|l| skip_marks(l) == k);
        let mut s = f.skip_ws(k + 8);
        if f.orig.get(s) == Some(&':') {
            s = f.skip_ws(s + 1);
        }
        if f.word_at(s, "voi") {
            s = f.skip_ws(s + 3);
        }
        if free(k) && !f.word_at(s, "giua") {
            let mut p = s;
            loop {
                let e = name_end(f, p);
                let name = trim_clause(&f.text(p..e));
                if !is_owner_name(&name)
                    || !name.chars().next().is_some_and(char::is_uppercase) && !fold(&name).starts_with("cac ")
                {
                    break;
                }
                // "A và B": split at "và".
                for part in name.split(" và ") {
                    let part = trim_clause(part);
                    if is_owner_name(&part) && !found.support.contains(&part) {
                        found.support.push(part);
                    }
                }
                if follows_lead {
                    lead = Some(e);
                }
                if f.orig.get(e) == Some(&',') {
                    p = f.skip_ws(e + 1);
                } else {
                    break;
                }
            }
        }
        i = k + 8;
    }
    if let Some(l) = lead {
        let start = skip_marks(l);
        if start < first_line && f.orig[start].is_lowercase() {
            found.prefix_end = Some(start);
        }
    }
    // The staff as a whole ("CB-GV-NV") named in the task: an owner, not said plainly.
    if found.owner.is_none() {
        for s in f.word_starts().filter(|&s| free(s)) {
            let mut e = s;
            while e < f.len() && (is_word(f.orig[e]) || f.orig[e] == '-') {
                e += 1;
            }
            let w: String = f.orig[s..e].iter().collect();
            if is_staff_acronym(w.trim_end_matches('-')) {
                found.owner = Some((w.trim_end_matches('-').to_string(), false));
                break;
            }
        }
    }
    found
}

/// A short id from a name: "Phòng Nội vụ" → "pnv", "Văn phòng HĐND-UBND" → "vp-hdnd-ubnd",
/// "CB-GV-NV" → "cb-gv-nv".
fn owner_id(name: &str) -> String {
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

// ---------------------------------------------------------------------------
// Timeline: deadline, recurrence
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Timeline {
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    repeat: Option<&'static str>,
    due_day: Option<u32>,
    notes: Notes,
}

/// Phrases of recurrence, folded, with the repeat keyword they mean.
const EXPLICIT: &[(&str, &str)] = &[
    ("hang thang", "monthly"),
    ("moi thang", "monthly"),
    ("tung thang", "monthly"),
    ("hang quy", "quarterly"),
    ("moi quy", "quarterly"),
    ("tung quy", "quarterly"),
    ("theo quy", "quarterly"),
    ("dinh ky 6 thang", "half-yearly"),
    ("dinh ky sau thang", "half-yearly"),
    ("6 thang mot lan", "half-yearly"),
    ("moi 6 thang", "half-yearly"),
    ("hang nam", "yearly"),
    ("moi nam", "yearly"),
    ("tung nam", "yearly"),
];

fn timeline(f: &Folded, skip: &[Range<usize>], year: i32, deadline_column: bool) -> Timeline {
    let mut t = Timeline::default();
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    let has = |w: &str| -> Option<usize> {
        let mut i = 0;
        while let Some(k) = f.find_word(w, i) {
            if free(k) {
                return Some(k);
            }
            i = k + 1;
        }
        None
    };
    // Explicit recurrence: the first one written.
    // Every explicit phrase has "thang", "quy" or "nam" in it: a text without one of those
    // skips the phrases that need it (each search scans the whole text).
    let keys = ["thang", "quy", "nam"].map(|k| f.flat.contains(k));
    let explicit = EXPLICIT
        .iter()
        .filter(|(w, _)| ["thang", "quy", "nam"].iter().zip(keys).any(|(k, present)| present && w.contains(k)))
        .filter_map(|(w, k)| has(w).map(|p| (p, *w, *k)))
        .min_by_key(|x| x.0);
    let weak: Option<(&str, &str, Note)> =
        if let Some(p) = ["hang tuan", "moi tuan", "hang ngay", "moi ngay"].iter().find(|w| has(w).is_some()) {
            Some((
                p,
                "ongoing",
                note(
                    "văn bản ghi việc theo tuần/ngày; par tính là thường xuyên",
                    "weekly or daily in the text; par counts it as ongoing",
                ),
            ))
        } else if has("dinh ky").is_some() {
            Some((
                "dinh ky",
                "quarterly",
                note(
                    "\"định kỳ\": đoán theo quý (báo cáo CCHC định kỳ hằng quý)",
                    "\"định kỳ\" (periodic): guessed quarterly, as reform reports are",
                ),
            ))
        } else if let Some(k) = has("trong quy").filter(|&k| {
            !matches!(
                find_times(f, &[]).iter().find(|x| x.span.0 == f.skip_ws(k + 5)).map(|x| x.when),
                Some(When::Quarter { .. })
            )
        }) {
            let _ = k;
            Some((
                "trong quy",
                "quarterly",
                note("\"trong quý\": đoán là việc hằng quý", "\"trong quý\" (within the quarter): guessed quarterly"),
            ))
        } else if has("thuong xuyen").is_some() || has("lien tuc").is_some() {
            Some(("thuong xuyen", "ongoing", info(format!("\"{}\"", original_phrase(f, "thuong xuyen")), "ongoing")))
        } else {
            None
        };

    // Dates.
    let mut strong: Vec<(NaiveDate, String)> = Vec::new();
    let mut loose: Vec<(NaiveDate, String)> = Vec::new();
    let mut day_of_month = None;
    let mut no_year = false;
    for Found { when, span } in find_times(f, skip) {
        let before = f.fold[span.0.saturating_sub(30)..span.0].iter().collect::<String>();
        let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let last = format!(" {} ", words[words.len().saturating_sub(4)..].join(" "));
        // `last` is space-delimited: a word is said when some match of it has spaces around it
        // (no `format!(" {w} ")` per word and per date).
        let says = |w: &str| {
            let b = last.as_bytes();
            last.match_indices(w).any(|(i, _)| i > 0 && b[i - 1] == b' ' && b.get(i + w.len()) == Some(&b' '))
        };
        let before = last.trim_end();
        let deadline = deadline_column
            || ["truoc", "cham nhat", "han", "den", "xong", "hoan thanh", "trong", "vao", "cuoi"]
                .iter()
                .any(|w| says(w));
        let starts = before.ends_with(" tu") || before.ends_with(" bat dau") || before.ends_with(" bat dau tu");
        let text = f.text(span.0..span.1);
        let date = match when {
            When::Day(d) => {
                no_year |= d.year.is_none();
                d.resolve(year)
            }
            When::Month { month, year: y } => {
                no_year |= y.is_none();
                let y = y.unwrap_or(year);
                if says("truoc") {
                    NaiveDate::from_ymd_opt(y, month, 1).and_then(|d| d.pred_opt())
                } else {
                    Some(crate::dates::month_end(y, month))
                }
            }
            When::Quarter { quarter, year: y } => {
                no_year |= y.is_none();
                let y = y.unwrap_or(year);
                if says("truoc") {
                    NaiveDate::from_ymd_opt(y, quarter * 3 - 2, 1).and_then(|d| d.pred_opt())
                } else {
                    Some(crate::dates::month_end(y, quarter * 3))
                }
            }
            // "trong năm 2025", or a year alone in a time column: by the year's end.
            When::Year(y) if deadline_column || says("trong") || says("ca") => NaiveDate::from_ymd_opt(y, 12, 31),
            When::Year(_) => None,
            When::DayOfMonth(d) => {
                if deadline {
                    day_of_month = Some(d);
                }
                None
            }
        };
        let Some(date) = date else { continue };
        if starts {
            t.start = t.start.or(Some(date));
        } else if deadline || !matches!(when, When::Day(_)) {
            strong.push((date, text));
        } else {
            loose.push((date, text));
        }
    }
    let due = match (strong.iter().max_by_key(|d| d.0), loose.first()) {
        (Some((d, text)), _) => {
            if strong.len() > 1 {
                let all = strong.iter().map(|s| s.1.clone()).collect::<Vec<_>>().join("; ");
                t.notes.push((
                    "due",
                    note(
                        format!("văn bản có nhiều mốc ({all}); lấy mốc cuối"),
                        format!("several dates in the text ({all}); the last is taken"),
                    ),
                ));
            } else if !text.to_lowercase().starts_with("ngày")
                && !text.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                t.notes.push((
                    "due",
                    note(format!("\"{text}\": lấy ngày cuối kỳ"), format!("\"{text}\": the period's last day")),
                ));
            }
            Some(*d)
        }
        (None, Some((d, text))) => {
            t.notes.push((
                "due",
                note(
                    format!("ngày \"{text}\" trong văn bản, không ghi là hạn: kiểm tra lại"),
                    format!("the text gives the date \"{text}\" but not as a deadline: check it"),
                ),
            ));
            Some(*d)
        }
        (None, None) => None,
    };
    if due.is_some() && no_year {
        t.notes.push((
            "due",
            note(
                format!("văn bản không ghi năm; lấy năm {year} của kế hoạch"),
                format!("no year in the text; the plan's year {year}"),
            ),
        ));
    }
    match (explicit, due, weak) {
        (Some((_, w, k)), due, _) => {
            t.repeat = Some(k);
            t.notes.push(("repeat", info(format!("\"{}\"", original_phrase(f, w)), k)));
            if let Some(d) = due {
                t.notes.push((
                    "due",
                    note(
                        format!(
                            "văn bản cũng ghi hạn {}; việc lặp lại không có một hạn duy nhất",
                            crate::dates::short(d)
                        ),
                        format!(
                            "the text also gives {}; a recurring task has no single due date",
                            crate::dates::short(d)
                        ),
                    ),
                ));
            }
            if matches!(k, "monthly" | "quarterly" | "half-yearly" | "yearly") {
                t.due_day = day_of_month;
            }
        }
        (None, Some(d), weak) => {
            t.due = Some(d);
            if let Some((w, _, _)) = weak {
                t.notes.push((
                    "repeat",
                    note(
                        format!("văn bản cũng ghi \"{}\"; đặt repeat nếu là việc lặp lại", original_phrase(f, w)),
                        format!("the text also says \"{}\"; set repeat if it recurs", original_phrase(f, w)),
                    ),
                ));
            }
        }
        (None, None, Some((_, k, n))) => {
            t.repeat = Some(k);
            t.notes.push(("repeat", n));
        }
        (None, None, None) => {}
    }
    if let (Some(s), Some(d)) = (t.start, t.due)
        && s > d
    {
        t.start = None;
    }
    if t.repeat.is_some() {
        t.start = None;
    }
    t
}

/// The words of the text that a folded phrase matched, as written.
fn original_phrase(f: &Folded, folded: &str) -> String {
    f.find_word(folded, 0).map_or_else(|| folded.to_string(), |k| f.text(k..k + folded.chars().count()).to_lowercase())
}

// ---------------------------------------------------------------------------
// Expected result
// ---------------------------------------------------------------------------

/// The expected result: a "Sản phẩm:"/"Kết quả:" line, else a clause with a rate
/// ("đảm bảo tỷ lệ đúng hạn 100%") or a goal ("phấn đấu …").
fn result_in(f: &Folded, skip: &[Range<usize>]) -> (Option<String>, Option<Note>) {
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    for w in ["san pham", "ket qua can dat", "ket qua dat duoc", "ket qua"] {
        if let Some(k) = f.find_word(w, 0)
            && free(k)
        {
            let after = f.skip_ws(k + w.len());
            if f.orig.get(after) == Some(&':') {
                let s = f.skip_ws(after + 1);
                let mut e = s;
                while e < f.len()
                    && !matches!(f.orig[e], ';' | '\n')
                    && !(f.orig[e] == '.'
                        && f.boundary_after(e + 1)
                        && (e + 1 >= f.len() || f.orig[e + 1].is_whitespace()))
                {
                    e += 1;
                }
                let r = trim_clause(&f.text(s..e));
                if !r.is_empty() {
                    return (Some(capitalise(&r)), None);
                }
            }
        }
    }
    let clause = |at: usize| -> String {
        let mut s = at;
        while s > 0
            && !matches!(f.orig[s - 1], ';' | ',' | ':' | '\n')
            && !(f.orig[s - 1] == '.' && f.orig.get(s).is_some_and(|c| c.is_whitespace()))
        {
            s -= 1;
        }
        let mut e = at;
        while e < f.len()
            && !matches!(f.orig[e], ';' | ',' | '\n')
            && !(f.orig[e] == '.' && (e + 1 >= f.len() || f.orig[e + 1].is_whitespace()))
        {
            e += 1;
        }
        capitalise(&trim_clause(&f.text(s..e)))
    };
    let guess = note("rút từ văn bản; sửa cho đo được", "taken from the text; make it measurable");
    if let Some(k) = (0..f.len()).find(|&i| f.orig[i] == '%' && free(i)) {
        return (Some(clause(k)), Some(guess));
    }
    for w in ["phan dau", "dam bao ty le", "bao dam ty le", "dat ty le"] {
        if let Some(k) = f.find_word(w, 0).filter(|&k| free(k)) {
            return (Some(clause(k)), Some(guess));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            short_title(
                "Nghiêm túc, khẩn trương triển khai thực hiện các chỉ tiêu, nhiệm vụ đề ra theo Kế hoạch số 48/KH-NBK ngày 23 tháng 01 năm 2025 của trường"
            ),
            "Nghiêm túc, khẩn trương triển khai thực hiện các chỉ tiêu, nhiệm vụ đề ra"
        );
        assert_eq!(short_title("Rà soát thủ tục hành chính; công khai đúng quy định."), "Rà soát thủ tục hành chính");
        let long = "a ".repeat(80);
        assert!(short_title(&long).ends_with('…'));
        assert!(short_title(&long).chars().count() <= TITLE_MAX + 1);
    }

    #[test]
    fn owner_ids() {
        assert_eq!(owner_id("Phòng Nội vụ"), "pnv");
        assert_eq!(owner_id("Văn phòng HĐND-UBND"), "vp-hdnd-ubnd");
        assert_eq!(owner_id("CB-GV-NV"), "cb-gv-nv");
        assert_eq!(owner_id("Hiệu trưởng"), "ht");
        assert_eq!(owner_id("Phòng Văn hóa - Thông tin"), "pvhtt");
    }

    fn owners(s: &str) -> (Option<String>, Vec<String>) {
        let f = Folded::new(s);
        let o = owners_in(&f, &[]);
        (o.owner.map(|x| x.0), o.support)
    }

    #[test]
    fn finds_owners() {
        assert_eq!(
            owners("Phòng Nội vụ chủ trì, phối hợp Văn phòng HĐND-UBND tham mưu rà soát."),
            (Some("Phòng Nội vụ".into()), vec!["Văn phòng HĐND-UBND".into()])
        );
        assert_eq!(owners("Giao Công an phường thực hiện kiểm tra."), (Some("Công an phường".into()), vec![]));
        assert_eq!(owners("Văn phòng HĐND-UBND: cập nhật hồ sơ."), (Some("Văn phòng HĐND-UBND".into()), vec![]));
        assert_eq!(
            owners("Chủ trì: Công chức Tư pháp - Hộ tịch; phối hợp: Công an phường."),
            (Some("Công chức Tư pháp - Hộ tịch".into()), vec!["Công an phường".into()])
        );
        assert_eq!(owners("Nâng cao hiệu quả công tác phối hợp giữa các bộ phận."), (None, vec![]));
        assert_eq!(owners("thực hiện nhiệm vụ được giao; báo cáo."), (None, vec![]));
        assert_eq!(owners("Toàn thể CB-GV-NV thực hiện."), (Some("CB-GV-NV".into()), vec![]));
        assert_eq!(
            owners("Phòng Nội vụ chủ trì, phối hợp với Văn phòng và Công an phường thực hiện."),
            (Some("Phòng Nội vụ".into()), vec!["Văn phòng".into(), "Công an phường".into()])
        );
    }

    fn tl(s: &str) -> (Option<NaiveDate>, Option<&'static str>, Option<u32>) {
        let t = timeline(&Folded::new(s), &[], 2025, false);
        (t.due, t.repeat, t.due_day)
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn timelines() {
        assert_eq!(tl("gửi về trước ngày 30 tháng 5 năm 2025 để theo dõi"), (d(2025, 5, 30), None, None));
        assert_eq!(tl("hoàn thành ngày 30/5/2025."), (d(2025, 5, 30), None, None));
        assert_eq!(tl("báo cáo hằng tháng trước ngày 20"), (None, Some("monthly"), Some(20)));
        assert_eq!(tl("không để tồn đọng trong mỗi quý."), (None, Some("quarterly"), None));
        assert_eq!(tl("báo cáo theo báo cáo định kỳ của đơn vị."), (None, Some("quarterly"), None));
        assert_eq!(tl("tổ chức hằng năm."), (None, Some("yearly"), None));
        assert_eq!(tl("Thường xuyên tổ chức tiếp xúc."), (None, Some("ongoing"), None));
        assert_eq!(tl("hoàn thành trong quý III."), (d(2025, 9, 30), None, None));
        assert_eq!(tl("hoàn thành trong tháng 6/2025."), (d(2025, 6, 30), None, None));
        assert_eq!(tl("Thường xuyên rà soát; báo cáo trước ngày 15/12/2025."), (d(2025, 12, 15), None, None));
        assert_eq!(tl("Nâng cao hiệu quả."), (None, None, None));
        assert_eq!(tl("Hoàn thành trong năm 2025."), (d(2025, 12, 31), None, None));
        assert_eq!(tl("Khắc phục hạn chế của năm 2024."), (None, None, None));
        let col = |s: &str| {
            let t = timeline(&Folded::new(s), &[], 2025, true);
            (t.start, t.due, t.repeat)
        };
        assert_eq!(col("30/6/2025"), (None, d(2025, 6, 30), None));
        assert_eq!(col("Năm 2025"), (None, d(2025, 12, 31), None));
        assert_eq!(col("Từ 01/6/2025 đến 30/9/2025"), (d(2025, 6, 1), d(2025, 9, 30), None));
        assert_eq!(col("Hằng quý"), (None, None, Some("quarterly")));
    }

    #[test]
    fn results() {
        let r = |s: &str| result_in(&Folded::new(s), &[]).0;
        assert_eq!(
            r("Khắc phục trễ hạn; đảm bảo tỷ lệ đúng hạn 100%. Trong đó"),
            Some("Đảm bảo tỷ lệ đúng hạn 100%".into())
        );
        assert_eq!(r("Rà soát hồ sơ. Sản phẩm: Báo cáo kết quả rà soát."), Some("Báo cáo kết quả rà soát".into()));
        assert_eq!(r("Rà soát hồ sơ."), None);
    }

    #[test]
    fn casing() {
        let block = |t: &str| Block { text: t.into(), ..Default::default() };
        let blocks = vec![
            block("TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM"),
            block("ỦY BAN NHÂN DÂN QUẬN 1"),
            block("MỤC ĐÍCH, YÊU CẦU CCHC"),
            block("Đề nghị trường Tiểu học Nguyễn Bỉnh Khiêm và Ủy ban nhân dân Quận 1 thực hiện."),
        ];
        let c = Casing::new(&blocks);
        assert_eq!(c.recase("TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM"), "Trường Tiểu học Nguyễn Bỉnh Khiêm");
        assert_eq!(c.recase("ỦY BAN NHÂN DÂN QUẬN 1"), "Ủy ban nhân dân Quận 1");
        assert_eq!(c.recase("MỤC ĐÍCH, YÊU CẦU CCHC"), "Mục đích, yêu cầu CCHC");
        let blocks = vec![block("TRƯỜNG THCS LÊ QUÝ ĐÔN"), block("Trường THCS Lê Quý Đôn báo cáo hằng quý, mỗi quý.")];
        assert_eq!(Casing::new(&blocks).recase("TRƯỜNG THCS LÊ QUÝ ĐÔN"), "Trường THCS Lê Quý Đôn");
    }
}
