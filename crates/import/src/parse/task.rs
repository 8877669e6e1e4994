//! Putting it together: each task's wording read (title, owner, timeline, result,
//! references), the guesses the text implies, the ids given out.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::Datelike;

use super::body::top_section;
use super::head::{fold_unit, symbol, symbol_owner};
use super::owners::{FoundOwners, owner_id};
use super::parallel::{Reading, TaskId, read_all};
use super::result::Found;
use super::timeline::Timeline;
use super::title::capitalise;
use super::{DraftDoc, DraftOwner, DraftSection, DraftTask, OwnUnit, Parser, TableCells, note};
use crate::import::scan::fold;
use crate::import::scan::{Citation, Folded, is_upper, trim_clause};

impl Parser {
    // -----------------------------------------------------------------------
    // Putting it together
    // -----------------------------------------------------------------------

    pub(super) fn finish(&mut self) {
        // The unit's own document, when the abbreviation must come from one, is looked for in
        // the citations each task's reading finds anyway (one folding of each task).
        let own_unit = self.meta_guesses();
        let mut own: Option<Citation> = None;
        let year = self.draft.meta.year;
        let first_section = self.raw_tasks.first().map(|t| top_section(&t.section).to_string());
        let mut raw = std::mem::take(&mut self.raw_tasks);
        let mut ids = task_ids(&raw, first_section.as_deref());
        // Each task's wording is read on its own (on several threads for a large document);
        // owners get their ids here, in the document's order, so the draft is the same.
        let chunks = read_all(&mut raw, &mut ids, year, own_unit.as_ref().map(|u| u.folded.as_str()));
        drop((raw, ids));
        let tasks: usize = chunks.iter().map(Vec::len).sum();
        let tasks_room = self.tasks_room.take().and_then(|h| h.join().ok());
        // The readers have ended and the room for the tasks is made: no other thread runs.
        crate::import::tasks_are_read();
        if tasks >= super::ROOM_APART {
            let touch = chunks.iter().flatten().map(|r| crate::import::emit::least_task_len(&r.title, &r.detail)).sum();
            let capacity = crate::import::emit::room_for(tasks);
            self.text_room = std::thread::Builder::new().spawn(move || super::touched_text(capacity, touch)).ok();
        }
        if let Some(room) = tasks_room
            && self.draft.tasks.is_empty()
        {
            self.draft.tasks = room;
        }
        self.draft.tasks.reserve(chunks.iter().map(Vec::len).sum());
        for chunk in chunks {
            for r in chunk {
                if own.is_none() {
                    own = r.own.as_deref().cloned();
                }
                let task = self.task(r);
                self.draft.tasks.push(task);
            }
        }
        if let Some(u) = own_unit {
            self.own_unit_short(own, u.note_at);
        }
    }

    /// The unit's abbreviation from the first document the unit issued that a task cites
    /// (48/KH-NBK → NBK); its note goes where [`Parser::meta_guesses`] left room for it.
    fn own_unit_short(&mut self, own: Option<Citation>, note_at: usize) {
        let m = &mut self.draft.meta;
        if let Some(c) = own
            && let Some(short) = c.number.as_deref().and_then(symbol_owner)
        {
            m.notes.insert(
                note_at,
                (
                    "unit_short",
                    note(
                        format!("đoán từ văn bản {} của đơn vị", c.number.clone().unwrap_or_default()),
                        format!("guessed from the unit's document {}", c.number.clone().unwrap_or_default()),
                    ),
                ),
            );
            m.unit_short = Some(short);
        }
    }

    /// Year, unit abbreviation, superior and issuers that the text implies but does not state.
    /// When the abbreviation is to be read from a document the unit issued, cited by a task:
    /// the unit's name folded and where its note goes, for [`Parser::finish`] to finish.
    pub(super) fn meta_guesses(&mut self) -> Option<OwnUnit> {
        let mut own_unit = None;
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
            own_unit = Some(OwnUnit { folded: fold_unit(unit), note_at: m.notes.len() });
        }
        // Superior: a real two-level heading names it ("UBND QUẬN 1" / "TRƯỜNG TIỂU HỌC …");
        // a heading of one body ("ỦY BAN NHÂN DÂN" / "HUYỆN HÒA VANG") has none. Only a
        // document without an agency heading gets a guess: the issuer most bases come from.
        if m.superior.is_none() && !self.heading_unit {
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
        own_unit
    }

    /// Gives the read task its owners' ids (defining owners on first sight, in the
    /// document's order) and records where its fields came from when explaining.
    pub(super) fn task(&mut self, r: Reading) -> DraftTask {
        let Reading { id, section, line, rule, detail, title, notes, refs, found, table, tl, res, .. } = r;
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
        if self.explain {
            let read = Read {
                first_line: detail.split('\n').next().unwrap_or(""),
                detail: &detail,
                table: table.as_deref(),
                found: &found,
                tl: &tl,
                res: &res,
            };
            self.trace_task(&id, line, rule, &title, owner.as_deref(), &support, &read);
        }
        let (result, indicator) = (res.result, res.indicator);
        DraftTask {
            id,
            section,
            title,
            detail,
            owner,
            support,
            start: tl.start,
            due: tl.due,
            repeat: tl.repeat,
            due_day: tl.due_day,
            result,
            indicator,
            refs,
            line,
            notes,
        }
    }

    /// Records where each field of a task came from ([`super::Draft::trace`]).
    #[allow(clippy::too_many_arguments)]
    fn trace_task(
        &mut self,
        id: &str,
        line: usize,
        rule: &'static str,
        title: &str,
        owner: Option<&str>,
        support: &[String],
        read: &Read,
    ) {
        let Read { first_line, detail, found, tl, res, .. } = *read;
        let empty = TableCells::default();
        let (from_table, table) = (read.table.is_some(), read.table.unwrap_or(&empty));
        let first = first_line.to_string();
        let cell = |i: usize| from_table.then(|| table.names[i].clone()).filter(|n| !n.is_empty());
        self.trace(|| format!("task {id}"), id, line, &first, rule);
        self.trace(|| format!("task {id} title"), title, line, &first, "title-clause");
        if let (Some(o), Some((name, _))) = (owner, &found.owner) {
            let o = &format!("{o} ({})", capitalise(name.trim()));
            let from = if found.owner_rule == "owner-column" { cell(0) } else { None };
            let src = from.as_ref().map_or(first.clone(), |_| table.owners.join(", "));
            self.trace_cell(|| format!("task {id} owner"), o, line, from.as_deref(), &src, found.owner_rule);
        }
        if !support.is_empty() {
            // The table's support column, or the owner column's names after the first.
            let (from, src) = match (found.support_rule, table.support.is_empty()) {
                ("support-column", true) => (cell(0), table.owners.join(", ")),
                ("support-column", false) => (cell(1), table.support.join(", ")),
                _ => (None, first.clone()),
            };
            let v = support.join(", ");
            self.trace_cell(|| format!("task {id} support"), &v, line, from.as_deref(), &src, found.support_rule);
        }
        let when = match (tl.due, tl.repeat) {
            (Some(d), _) => Some(("due", crate::dates::short(d))),
            (None, Some(r)) => Some(("repeat", r.to_string())),
            _ => None,
        };
        if let Some((key, v)) = when {
            let (from, src, rule) = match cell(2) {
                Some(c) => (Some(c), table.time.clone(), "due-column"),
                None => (None, detail.to_string(), "due-text"),
            };
            self.trace_cell(|| format!("task {id} {key}"), &v, line, from.as_deref(), &src, rule);
        }
        if let Some(r) = &res.result {
            let from = if res.rule == "result-column" { cell(3) } else { None };
            let src = from.as_ref().map_or(detail.to_string(), |_| table.result.clone());
            self.trace_cell(|| format!("task {id} result"), r, line, from.as_deref(), &src, res.rule);
        }
        if let Some(ind) = &res.indicator {
            let v = format!("{} {}", ind.target, ind.unit.as_deref().unwrap_or(""));
            let src = res.result.clone().unwrap_or_default();
            self.trace(|| format!("task {id} indicator"), v.trim(), line, &src, "indicator-threshold");
        }
    }

    /// The id of the owner with this name, defining it on first sight.
    pub(super) fn owner(&mut self, name: &str, seen_in: &str) -> String {
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
            // Each task's owners are looked up one after the other (and the closing
            // paragraph's before any task's), so a place already recorded for this owner
            // is its last one: no set of every (owner, place) pair is needed.
            if o.seen.last().is_none_or(|s| s != seen_in) {
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
        self.draft.owners.push(DraftOwner { id: id.clone(), name, seen: vec![seen_in.to_string()] });
        id
    }

    pub(super) fn document(&self, citation: &Citation, year: Option<i32>) -> DraftDoc {
        document(citation, year)
    }

    /// A section id not used yet: the document may number two items alike.
    pub(super) fn unique_section_id(&mut self, base: &str) -> String {
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
    pub(super) fn push_section(&mut self, section: DraftSection) {
        self.seen.section_ids.insert(section.id.clone());
        self.draft.sections.push(section);
    }

    pub(super) fn tidy_title(&self, text: &str) -> String {
        let t = trim_clause(text);
        let t = if is_upper(&t) { self.casing.recase(&t) } else { t };
        capitalise(&t)
    }
}

/// The tasks' ids: the first section with tasks numbers them as the document does ("4");
/// later sections prefix their id ("III.1"), as a reader cites them. An item numbered as
/// one before it gets the next free "-2", "-3"… and the number it repeats.
fn task_ids(raw: &[super::RawTask], first_section: Option<&str>) -> Vec<TaskId> {
    // For each id in lower case: how many items the document numbers so (Unicode lower
    // case, as the numbers read), and whether a task has it as its id (ASCII lower
    // case: ids differ by more than case). One table for both: one look-up a task.
    #[derive(Default)]
    struct Id {
        numbered: usize,
        taken: bool,
    }
    let mut table: HashMap<String, Id> = HashMap::with_capacity(raw.len());
    let mut ids = Vec::with_capacity(raw.len());
    // A section's tasks come one after the other: its prefix is found once.
    let mut prefix: (&str, Option<&str>) = ("", None);
    for t in raw {
        if prefix.0 != t.section || prefix.0.is_empty() {
            let top = top_section(&t.section);
            prefix = (&t.section, (Some(top) != first_section).then_some(top));
        }
        let path = match t.path.as_slice() {
            [one] => one.clone(),
            many => many.join("."),
        };
        let base = match prefix.1 {
            Some(top) => format!("{top}.{path}"),
            None => path,
        };
        let low = if base.is_ascii() { base.to_ascii_lowercase() } else { base.to_lowercase() };
        let entry = table.entry(low).or_default();
        entry.numbered += 1;
        let task_id = if entry.numbered > 1 {
            let first_try = entry.numbered;
            let mut seen = first_try;
            let mut id = format!("{base}-{seen}");
            loop {
                match table.entry(id.to_ascii_lowercase()) {
                    Entry::Occupied(o) if o.get().taken => {}
                    Entry::Occupied(o) => {
                        o.into_mut().taken = true;
                        break;
                    }
                    Entry::Vacant(v) => {
                        v.insert(Id { numbered: 0, taken: true });
                        break;
                    }
                }
                seen += 1;
                id = format!("{base}-{seen}");
            }
            // The count goes on from the last number tried, when the ones before it were taken.
            if seen != first_try {
                let low = if base.is_ascii() { base.to_ascii_lowercase() } else { base.to_lowercase() };
                if let Some(e) = table.get_mut(&low) {
                    e.numbered = seen;
                }
            }
            TaskId { id, repeats: Some(base) }
        } else {
            // `base` in ASCII lower case is `low` when it is ASCII.
            if base.is_ascii() {
                entry.taken = true;
            } else {
                table.entry(base.to_ascii_lowercase()).or_default().taken = true;
            }
            TaskId { id: base, repeats: None }
        };
        ids.push(task_id);
    }
    ids
}

/// What a task's reading found, for [`Parser::trace_task`].
struct Read<'a> {
    first_line: &'a str,
    detail: &'a str,
    table: Option<&'a TableCells>,
    found: &'a FoundOwners,
    tl: &'a Timeline,
    res: &'a Found,
}

/// A cited document as a draft's legal basis or reference; `year` completes a date without one.
pub(super) fn document(citation: &Citation, year: Option<i32>) -> DraftDoc {
    let mut d = DraftDoc {
        kind: citation.kind.clone(),
        number: citation.number.clone(),
        issuer: citation.issuer.clone(),
        subject: citation.subject.clone(),
        ..Default::default()
    };
    if let Some(dt) = citation.date {
        match (dt.year, year) {
            (Some(_), _) => d.date = dt.resolve(0),
            (None, Some(y)) => {
                d.date = dt.resolve(y);
                d.notes.push(("date", note("văn bản không ghi năm; lấy năm kế hoạch", "no year given; the plan's")));
            }
            (None, None) => {}
        }
    }
    if d.number.is_none() && !["Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh"].contains(&d.kind.as_str()) {
        d.notes.push(("number", note("văn bản không ghi số ký hiệu", "the document gives no number")));
    }
    if citation.date.is_none() {
        d.notes.push(("date", note("văn bản không ghi ngày", "the document gives no date")));
    }
    d
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::super::RawTask;
    use super::{task_ids, top_section};

    /// The numbering as it was first written, with a table of counts and a set of ids taken.
    fn reference(raw: &[RawTask], first_section: Option<&str>) -> Vec<(String, Option<String>)> {
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut taken: HashSet<String> = HashSet::new();
        let mut ids = Vec::new();
        for t in raw {
            let top = top_section(&t.section);
            let path = t.path.join(".");
            let base = if Some(top) == first_section { path } else { format!("{top}.{path}") };
            let seen = used.entry(base.to_lowercase()).or_insert(0);
            *seen += 1;
            let id = if *seen > 1 {
                let mut id = format!("{base}-{seen}");
                while taken.contains(&id.to_ascii_lowercase()) {
                    *seen += 1;
                    id = format!("{base}-{seen}");
                }
                (id, Some(base))
            } else {
                (base, None)
            };
            taken.insert(id.0.to_ascii_lowercase());
            ids.push(id);
        }
        ids
    }

    #[test]
    fn ids_are_those_of_the_first_numbering_for_repeats_cases_and_vietnamese_numbers() {
        let sections = ["I", "I.1", "II", "ii", "Đ.1", "đ"];
        let parts = ["1", "2", "1-2", "1-3", "2-2", "Đ", "đ", "đ-2", "a", "A", "III", "b"];
        // A small generator of its own: the same sequences on every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..400 {
            let len = 1 + next(40);
            let raw: Vec<RawTask> = (0..len)
                .map(|_| {
                    let depth = 1 + next(2);
                    RawTask {
                        section: sections[next(sections.len())].to_string(),
                        path: (0..depth).map(|_| parts[next(parts.len())].to_string()).collect(),
                        ..Default::default()
                    }
                })
                .collect();
            let first = top_section(&raw[0].section).to_string();
            let got: Vec<(String, Option<String>)> =
                task_ids(&raw, Some(&first)).into_iter().map(|t| (t.id, t.repeats)).collect();
            assert_eq!(got, reference(&raw, Some(&first)));
        }
    }
}
