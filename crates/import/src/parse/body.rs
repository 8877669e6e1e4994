//! The body: sections, sub-sections, tasks (numbered items, bullets, rows of tables of
//! tasks) and points.

use std::collections::{HashMap, HashSet};

use super::title::short_title;
use super::{DraftSection, Items, Parser, RawTask, TableCells, note};
use crate::import::scan::fold;
use crate::import::scan::{Folded, Label, LabelKind, citations_in, is_upper, trim_clause};
use crate::import::text::Block;

impl Parser {
    // -----------------------------------------------------------------------
    // Body: sections, sub-sections, tasks, points
    // -----------------------------------------------------------------------

    pub(super) fn body(&mut self, items: &[(&Block, Option<Label>)], has_sections: bool) {
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
                let src = b.text.clone();
                self.trace(|| format!("section {id} title"), &title, b.line, &src, "section-roman");
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
    pub(super) fn tasks_and_tables(&mut self, section: usize, items: &[(&Block, Option<Label>)]) {
        let first = self.raw_tasks.len();
        // Room for every item as a task at once: growing a vector of 64,000 tasks copies
        // it again each time, into fresh pages.
        self.raw_tasks.reserve(items.len());
        let mut rest: Items = Vec::with_capacity(items.len());
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
    pub(super) fn table_tasks(&mut self, section: usize, cols: &Columns, rows: &[&Block]) {
        let sid = self.draft.sections[section].id.clone();
        let mut group: Option<(String, String)> = None; // (section id, its number)
        let mut count = 0;
        // The owner, support and time cells of the task row above, in this group: an empty
        // one below is read as a cell merged down over both rows.
        let mut above: [String; 3] = Default::default();
        for row in rows {
            let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map_or("", |c| c.trim());
            let text = cell(Some(cols.task));
            let no = cell(cols.no).trim_end_matches(['.', ')']).to_string();
            let others_empty = [cols.owner, cols.support, cols.time, cols.result].iter().all(|&c| cell(c).is_empty());
            let roman = crate::import::scan::roman_value(&no).is_some()
                || (no.len() == 1 && no.chars().all(|c| c.is_ascii_uppercase()));
            if !text.is_empty() && (roman || (others_empty && (is_upper(text) || no.is_empty()))) {
                let value = if no.is_empty() { (self.draft.sections.len() + 1).to_string() } else { no.clone() };
                let id = self.unique_section_id(&format!("{sid}.{value}"));
                let title = self.tidy_title(&short_title(text));
                self.trace(|| format!("section {id} title"), &title, row.line, text, "section-table-group");
                self.push_section(DraftSection {
                    id: id.clone(),
                    title_en: title_en(&title),
                    title,
                    line: row.line,
                    ..Default::default()
                });
                group = Some((id, value));
                above = Default::default();
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
                let mut out: Vec<String> = Vec::new();
                for p in c.split(['\n', ';', ',']) {
                    let p = trim_clause(p.trim().trim_start_matches(['-', '+', '•']).trim());
                    join_or_push(&mut out, p);
                }
                out
            };
            // Merged cells: a cell the reader knows is merged down from above (Word's
            // vMerge) was given the text above; an empty owner, support or time cell is
            // guessed to be one and takes the cell above.
            let (mut carried, mut merged_down) = (Vec::new(), Vec::new());
            let mut merged = |k: usize, col: Option<usize>, key: &'static str| -> String {
                let own = cell(col);
                if col.is_some_and(|c| row.carried.contains(&c)) {
                    merged_down.push(key);
                    above[k] = own.to_string();
                    own.to_string()
                } else if own.is_empty() && col.is_some() && !above[k].is_empty() {
                    carried.push(key);
                    above[k].clone()
                } else {
                    above[k] = own.to_string();
                    own.to_string()
                }
            };
            let (owners, support, time) =
                (merged(0, cols.owner, "owner"), merged(1, cols.support, "support"), merged(2, cols.time, "due"));
            self.raw_tasks.push(RawTask {
                section: group.as_ref().map_or(sid.clone(), |g| g.0.clone()),
                path,
                detail: text.to_string(),
                line: row.line,
                table: Some(Box::new(TableCells {
                    owners: list(&owners),
                    support: list(&support),
                    time: time.replace('\n', " "),
                    carried,
                    merged: merged_down,
                    result: cell(cols.result).replace('\n', "; "),
                    names: cols.names.clone(),
                })),
                rule: "task-row",
            });
        }
    }

    /// Reads the items of a section that holds tasks.
    pub(super) fn tasks_of(&mut self, section: usize, items: &[(&Block, Option<Label>)]) {
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
        let container = |i: usize| numbered_children(i) || heads_bullets(items, i);

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
                        self.trace(|| format!("section {sub_id} title"), &title, b.line, &body, "section-item");
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
                            rule: "task-item",
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
                                rule: "task-bullet",
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
                        _ => {
                            let path = stack.last().map_or(Vec::new(), |s| s.path.clone());
                            let sec = stack.last().map_or(sid.clone(), |s| s.id.clone());
                            let sec2 = sec.clone();
                            self.point_or_duty(target, &sec, |p| p.duty_path(&sec2, path), body, b.line);
                        }
                    }
                }
                _ => match current {
                    Some(t) => {
                        let d = &mut self.raw_tasks[t].detail;
                        d.push_str("\n\n");
                        d.push_str(b.text.trim());
                    }
                    None => {
                        let path = stack.last().map_or(Vec::new(), |s| s.path.clone());
                        let sec = stack.last().map_or(sid.clone(), |s| s.id.clone());
                        let sec2 = sec.clone();
                        self.point_or_duty(target, &sec, |p| p.duty_path(&sec2, path), &b.text, b.line);
                    }
                },
            }
        }
    }

    /// A section without numbered items: its top-level bullets are the tasks
    /// (the "Tổ chức thực hiện" duties), other text its points.
    pub(super) fn bullet_tasks(&mut self, section: usize, sid: &str, items: &[(&Block, Option<Label>)]) {
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
                        rule: "task-bullet",
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
                _ => {
                    let text = match l {
                        Some(l) if matches!(l.kind, LabelKind::Bullet(_)) => &b.text[l.rest..],
                        _ => &b.text,
                    };
                    if self.point_or_duty(section, sid, |_| vec![(n + 1).to_string()], text, b.line) {
                        n += 1;
                        current = None;
                    }
                }
            }
        }
    }

    /// A sentence of a section of tasks that is not an item: a task when it names its owner
    /// as its subject and gives its own deadline ("Văn phòng … tổng hợp, báo cáo kết quả về
    /// Phòng Nội vụ trước ngày 15/11/2025"), else a point of the section. `path`: the task's
    /// numbers when it is one. Returns whether it became a task.
    fn point_or_duty(
        &mut self,
        target: usize,
        sid: &str,
        path: impl FnOnce(&mut Parser) -> Vec<String>,
        text: &str,
        line: usize,
    ) -> bool {
        if !is_duty(text, self.fallback_year) {
            self.draft.sections[target].points.push(tidy_point(text));
            return false;
        }
        let path = path(self);
        self.raw_tasks.push(RawTask {
            section: sid.to_string(),
            path,
            detail: text.trim().to_string(),
            line,
            table: None,
            rule: "task-duty",
        });
        true
    }

    /// The numbers of a duty found under the item at `path` of section `sid`: the item's,
    /// then "d1", "d2"… (numbered items keep the document's numbers).
    fn duty_path(&mut self, sid: &str, mut path: Vec<String>) -> Vec<String> {
        let n = self.seen.duty_next.entry((sid.to_string(), path.join("."))).or_insert(0);
        *n += 1;
        path.push(format!("d{n}"));
        path
    }
}

/// Whether a sentence is a duty: an owner as its subject (or "Giao …") and a deadline of its
/// own (a date, not only a recurrence). One folding and one reading of the sentence.
fn is_duty(text: &str, year: i32) -> bool {
    // Most points open with no capital or are long prose: ruled out before folding.
    let t = text.trim();
    if !t.chars().next().is_some_and(char::is_uppercase) || t.chars().count() > 600 {
        return false;
    }
    let f = Folded::new(t);
    let found = super::owners::owners_in(&f, &[]);
    if found.owner.is_none() {
        return false;
    }
    // A deadline: a recurrence alone ("báo cáo … hằng quý") is how the section works, a point.
    super::timeline::timeline(&f, &[], year, false).due.is_some()
}

/// Whether item `i` is a heading for the bullets that follow it, which are then its tasks:
/// a heading, a short line ending in ":", or a heading-like line whose first bullet names
/// its owner.
fn heads_bullets(items: &[(&Block, Option<Label>)], i: usize) -> bool {
    let Some((next, Some(l))) = items.get(i + 1) else { return false };
    if !matches!(l.kind, LabelKind::Bullet(_)) {
        return false;
    }
    let b = items[i].0;
    let body = &b.text[items[i].1.as_ref().map_or(0, |l| l.rest)..];
    b.heading
        || (body.trim_end().ends_with(':') && body.chars().count() <= 120)
        || (is_heading_like(body) && names_owner(&next.text[l.rest..]))
}

/// Adds one name of a list cell, or joins it to the name before when it opens in lower case
/// or goes on that name: "Các cơ quan, đơn vị liên quan" is one group of bodies, "Phòng
/// Kinh tế, Hạ tầng và Đô thị" one body, "Phòng Tư pháp, Phòng Nội vụ" two.
pub(super) fn join_or_push(out: &mut Vec<String>, part: String) {
    if part.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if part.chars().next().is_some_and(char::is_lowercase) || super::owners::continues_name(&part) => {
            last.push_str(", ");
            last.push_str(&part);
        }
        _ => out.push(part),
    }
}

/// Whether an item's text reads as a heading: one short line that ends in no stop and holds
/// no clause of its own ("3. Xây dựng chính quyền điện tử, chính quyền số").
fn is_heading_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 100
        && !t.contains('\n')
        && !t.contains(';')
        && !t.ends_with(['.', ';', ','])
        && t.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a bullet names its owner ("- Công chức Văn hóa - Xã hội tổ chức …", "- Đề nghị
/// Ủy ban Mặt trận … phối hợp …"): under a heading-like item, such bullets are its tasks.
fn names_owner(text: &str) -> bool {
    let t = text.trim();
    if !t.chars().next().is_some_and(char::is_uppercase) || t.chars().count() > 600 {
        return false;
    }
    super::owners::owners_in(&Folded::new(t), &[]).owner.is_some()
}

pub(super) fn top_section(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
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
pub(super) fn title_en(title: &str) -> Option<String> {
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

fn tidy_point(text: &str) -> String {
    let t = text.trim();
    match t.strip_suffix(';') {
        Some(rest) => format!("{}.", rest.trim_end()),
        None => t.to_string(),
    }
}

pub(super) fn tidy_recipient(text: &str) -> String {
    text.trim().trim_end_matches([';', ',', '.']).trim().to_string()
}

// ---------------------------------------------------------------------------
// Tables of tasks
// ---------------------------------------------------------------------------

/// Where a table of tasks keeps what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Columns {
    no: Option<usize>,
    task: usize,
    owner: Option<usize>,
    support: Option<usize>,
    time: Option<usize>,
    result: Option<usize>,
    /// The header's words of the owner, support, time and result columns.
    pub(super) names: [String; 4],
}

/// Reads a header row ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm").
pub(super) fn columns(cells: &[String]) -> Option<Columns> {
    let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
    let words = &super::lexicon::lexicon().columns;
    let find = |keys: &[String]| folded.iter().position(|c| keys.iter().any(|k| c.contains(k.as_str())));
    let owner = find(&words.owner).or_else(|| folded.iter().position(|c| c == "thuc hien"));
    let support = find(&words.support);
    let time = find(&words.time);
    let result = find(&words.result);
    let no = folded.iter().position(|c| words.number.contains(c));
    let taken = [owner, support, time, result, no];
    let task = folded
        .iter()
        .enumerate()
        .position(|(i, c)| !taken.contains(&Some(i)) && words.task.iter().any(|k| c.contains(k.as_str())))?;
    let name = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or(String::new(), |c| c.trim().to_string());
    (owner.is_some() || time.is_some() || result.is_some()).then(|| Columns {
        no,
        task,
        owner,
        support,
        time,
        result,
        names: [name(owner), name(support), name(time), name(result)],
    })
}
