//! Reading a plan document's blocks into a [`Draft`]: metadata, legal bases,
//! sections, tasks with their owners, deadlines, recurrence and references.
//!
//! The reading is heuristic, as any reading of free text is. Whatever is a guess
//! carries a [`Note`] that the emitter writes as a comment for the officer.
//!
//! [`parse`] and the [`Parser`]'s state live here; the reading is split by the part of the
//! document it reads: `head` (agency, number, date, title, legal bases; and the tail:
//! closing, recipients, signer), `body` (sections, items, tables of tasks), `task`
//! (putting it together: each task's wording, the guesses the text implies, ids), and the
//! readers of one task's wording: `title`, `owners`, `timeline`.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::scan::{Label, LabelKind};
use super::text::{Block, Doc, Over};

mod body;
mod explain;
mod head;
pub mod lexicon;
mod owners;
mod parallel;
mod result;
mod task;
mod timeline;
mod title;

pub use explain::explain;
pub use head::SIGNER_PLACEHOLDER;
use head::tail_start;
use title::Casing;
pub use title::short_title;

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
    /// Where each field came from and the rule that took it, when asked for
    /// ([`parse_explained`]; `par import --explain`).
    pub trace: Vec<Trace>,
}

/// Where a field of the draft came from, for `par import --explain`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    /// The table and key: "plan.unit", "task 4 owner", "section II title".
    pub field: String,
    /// The value the draft gives it.
    pub value: String,
    /// The document's line (or paragraph) it was read from.
    pub line: usize,
    /// The table column, when it was read from a cell ("Chủ trì").
    pub cell: Option<String>,
    /// The words of the document it was read from, shortened.
    pub source: String,
    /// The rule that took it: an id of the lexicon's `[rules]` ([`lexicon::rule_name`]).
    pub rule: &'static str,
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
    /// Lines above the position ("TM. Ủy ban nhân dân", "KT. Chủ tịch"), in order.
    pub capacity: Vec<String>,
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
    /// A measured result with a target, when the wording sets a threshold ("đạt tối thiểu 80%").
    pub indicator: Option<DraftIndicator>,
    pub refs: Vec<DraftDoc>,
    /// Line (or paragraph) of the document where the task starts.
    pub line: usize,
    pub notes: Notes,
}

/// A task's indicator read from its wording.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftIndicator {
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    /// "at-most" when the threshold is a ceiling ("không quá 5%"); `None`: at least.
    pub direction: Option<&'static str>,
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
    parse_explained(doc, fallback_year, false)
}

/// [`parse`], recording in [`Draft::trace`] where each field came from when `explain`.
pub fn parse_explained(doc: &Doc, fallback_year: i32, explain: bool) -> Result<Draft, ParseError> {
    parse_with_room(doc, fallback_year, explain).map(|(draft, _)| draft)
}

/// [`parse_explained`], and for a large draft, room for its text (see [`Parser::text_room`]).
/// A document given (not lent) is freed once its tasks are found, before their wording
/// is read.
pub(crate) fn parse_with_room<D: std::borrow::Borrow<Doc>>(
    doc: D,
    fallback_year: i32,
    explain: bool,
) -> Result<(Draft, TextRoom), ParseError> {
    let d: &Doc = doc.borrow();
    let blocks = &d.blocks;
    if blocks.iter().all(|b| b.text.trim().is_empty()) {
        return Err(ParseError::Empty);
    }
    // The labels the reader read while counting items (not read a second time).
    let mut labels: Vec<Option<Label>> = d.labels();
    let casing = Casing::with_labels(blocks, &labels);
    let items = blocks.iter().zip(&labels).filter(|(b, l)| l.is_some() || !b.cells.is_empty()).count();
    if d.over == Some(Over::Paragraphs) {
        return Err(ParseError::TooManyParagraphs);
    }
    if d.over.is_some() || items > MAX_ITEMS {
        return Err(ParseError::TooManyItems(items));
    }

    // Where the body starts: the first Roman-numbered heading, else the first numbered item.
    let first_roman = labels.iter().position(|l| l.as_ref().is_some_and(|l| l.kind == LabelKind::Roman));
    let body_start = first_roman
        .or_else(|| labels.iter().position(|l| l.as_ref().is_some_and(|l| l.kind.is_numbered())))
        // A table of tasks alone (an Excel appendix): the body starts at its header row.
        .or_else(|| blocks.iter().position(|b| !b.cells.is_empty() && body::columns(&b.cells).is_some()))
        .ok_or(ParseError::NoTasks)?;
    let tail_start = tail_start(blocks, body_start);

    let mut p = Parser {
        casing,
        draft: Draft::default(),
        raw_tasks: Vec::new(),
        fallback_year,
        seen: Seen::default(),
        explain,
        heading_unit: false,
        // Items are at least the tasks, nearly always (continuation bullets are items too).
        tasks_room: (items >= ROOM_APART)
            .then(|| std::thread::Builder::new().spawn(move || touched(items)).ok())
            .flatten(),
        text_room: None,
    };
    p.head(&blocks[..body_start]);
    let body: Vec<(&Block, Option<Label>)> =
        blocks[body_start..tail_start].iter().zip(labels.drain(body_start..tail_start)).collect();
    p.body(&body, first_roman.is_some());
    p.tail(&blocks[tail_start..]);
    if p.raw_tasks.is_empty() {
        return Err(ParseError::NoTasks);
    }
    p.draft.cut = d.cut.clone();
    drop(doc);
    p.finish();
    Ok((p.draft, p.text_room))
}

/// Room for a large draft's text, made on another thread ([`Parser::text_room`]).
pub(crate) type TextRoom = Option<std::thread::JoinHandle<String>>;

/// Blocks of the body with their labels.
type Items<'a> = Vec<(&'a Block, Option<Label>)>;

/// A task as found, before its wording is read.
#[derive(Default)]
struct RawTask {
    section: String,
    path: Vec<String>,
    /// The item's words after its label, then its continuation (bullets, paragraphs).
    detail: String,
    line: usize,
    /// What the columns of a table of tasks say, for a task read from a table row (boxed:
    /// most tasks are not, and a large document's tasks are moved about).
    table: Option<Box<TableCells>>,
    /// The rule that made it a task (lexicon id).
    rule: &'static str,
}

/// The cells of a task's row besides its wording.
#[derive(Default)]
struct TableCells {
    owners: Vec<String>,
    support: Vec<String>,
    time: String,
    result: String,
    /// The header's words of the owner, support, time and result columns.
    names: [String; 4],
    /// The keys ("owner", "support", "due") whose empty cell took the value of the row
    /// above, read as a cell merged down.
    carried: Vec<&'static str>,
    /// The keys whose cell the reader knows is merged down from the row above (Word's
    /// `w:vMerge`): their value is the cell above's.
    merged: Vec<&'static str>,
}

struct Parser {
    casing: Casing,
    draft: Draft,
    raw_tasks: Vec<RawTask>,
    fallback_year: i32,
    /// Indexes kept beside the draft so that a document repeating its numbers (a thousand
    /// items "1.") is read in linear time: ids and names are looked up, never searched.
    seen: Seen,
    /// Record where each field came from ([`Draft::trace`]).
    explain: bool,
    /// The agency heading named the unit: its superior, if any, is the heading's line
    /// above it, never a guess from the legal bases.
    heading_unit: bool,
    /// Room for a large document's tasks, made on another thread while the body is read.
    tasks_room: Option<std::thread::JoinHandle<Vec<DraftTask>>>,
    /// For a large draft, an empty text with room for all of it and the pages its tasks
    /// will surely fill touched: made while owners get their ids, when no other thread
    /// works, instead of each page trapping into the kernel as the draft is written.
    text_room: TextRoom,
}

/// From this many items, the room for the draft's tasks is made on another thread.
const ROOM_APART: usize = 2_000;

/// An empty text with room for `capacity` bytes, the first `touch` of them touched (as
/// [`touched`] does).
fn touched_text(capacity: usize, touch: usize) -> String {
    let mut room: Vec<u8> = Vec::new();
    if room.try_reserve_exact(capacity).is_ok() {
        // A byte a page is enough for the kernel to give the page.
        for slot in room.spare_capacity_mut().iter_mut().take(touch).step_by(4096) {
            *slot = std::mem::MaybeUninit::new(0);
        }
    }
    // Empty, hence valid UTF-8.
    String::from_utf8(std::hint::black_box(room)).unwrap_or_default()
}

/// An empty vector with room for `n` values, its memory touched: a process's fresh memory
/// is given page by page as it is first written, each page a trap into the kernel that
/// zeroes it. Done on a thread while another reads the document, that time is not waited
/// for when the tasks are put in.
fn touched<T>(n: usize) -> Vec<T> {
    let mut room = Vec::new();
    if room.try_reserve_exact(n).is_ok() {
        for slot in room.spare_capacity_mut() {
            *slot = std::mem::MaybeUninit::zeroed();
        }
    }
    std::hint::black_box(room)
}

impl Parser {
    /// Records where a field came from, when explaining; nothing otherwise.
    fn trace(&mut self, field: impl FnOnce() -> String, value: &str, line: usize, source: &str, rule: &'static str) {
        self.trace_cell(field, value, line, None, source, rule);
    }

    fn trace_cell(
        &mut self,
        field: impl FnOnce() -> String,
        value: &str,
        line: usize,
        cell: Option<&str>,
        source: &str,
        rule: &'static str,
    ) {
        if !self.explain {
            return;
        }
        let source = par_core::text::truncate(source.trim(), 120);
        self.draft.trace.push(Trace {
            field: field(),
            value: value.to_string(),
            line,
            cell: cell.map(str::to_string),
            source,
            rule,
        });
    }
}

/// The unit whose abbreviation is read from a document it issued (a task cites it).
struct OwnUnit {
    /// The unit's name, folded as [`head::fold_unit`] does.
    folded: String,
    /// Where its note goes among the plan's notes.
    note_at: usize,
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
    /// (section, item path) → the duties numbered there so far ([`body`]'s `point_or_duty`).
    duty_next: HashMap<(String, String), usize>,
}

#[cfg(test)]
mod tests {
    use super::owners::{owner_id, owners_in};
    use super::result::{result_in, without_deadline};
    use super::timeline::timeline;
    use super::title::TITLE_MAX;
    use super::title::capitalise;
    use super::*;
    use crate::import::scan::Folded;

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

    fn owners(text: &str) -> (Option<String>, Vec<String>) {
        let f = Folded::new(text);
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

    fn tl(text: &str) -> (Option<NaiveDate>, Option<&'static str>, Option<u32>) {
        let t = timeline(&Folded::new(text), &[], 2025, false);
        (t.due, t.repeat, t.due_day)
    }

    fn d(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn timelines() {
        assert_eq!(tl("gửi về trước ngày 30 tháng 5 năm 2025 để theo dõi"), (d(2025, 5, 30), None, None));
        assert_eq!(tl("hoàn thành ngày 30/5/2025."), (d(2025, 5, 30), None, None));
        assert_eq!(tl("báo cáo hằng tháng trước ngày 20"), (None, Some("monthly"), Some(20)));
        // A full stop after the day ends the sentence; it is not a date's separator (issue 18).
        assert_eq!(tl("hằng tháng, trước ngày 25."), (None, Some("monthly"), Some(25)));
        assert_eq!(tl("hằng tháng, trước ngày 25"), (None, Some("monthly"), Some(25)));
        assert_eq!(tl("hằng tháng, trước ngày 25.6 của tháng sau."), (None, Some("monthly"), None));
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
        let r = |s: &str| result_in(&Folded::new(s), &[]).result;
        assert_eq!(
            r("Khắc phục trễ hạn; đảm bảo tỷ lệ đúng hạn 100%. Trong đó"),
            // The measured words, from "tỷ lệ" on (issue 15), not the verb before them.
            Some("Tỷ lệ đúng hạn 100%".into())
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

    // --- issue 15: the reading rules ---------------------------------------------------

    fn owner_rule(text: &str) -> (Option<String>, Vec<String>, &'static str) {
        let f = Folded::new(text);
        let o = owners_in(&f, &[]);
        (o.owner.map(|x| x.0), o.support, o.owner_rule)
    }

    fn draft_of(md: &str) -> Draft {
        parse(&crate::import::text::from_text(md, true), 2025).expect("parses")
    }

    /// A task's id, owner, due date and repeat.
    type TaskRow = (String, Option<String>, Option<NaiveDate>, Option<&'static str>);

    /// (id, owner, due, repeat) of each task of a draft.
    fn task_rows(d: &Draft) -> Vec<TaskRow> {
        d.tasks.iter().map(|t| (t.id.clone(), t.owner.clone(), t.due, t.repeat)).collect()
    }

    #[test]
    fn owners_end_at_verbs_written_with_their_accents() {
        // "chức năng" folds like the verb "nâng": only the verb as written ends the name.
        assert_eq!(
            owners("Các phòng chức năng thuộc Ủy ban tham mưu rà soát quy chế làm việc."),
            (Some("Các phòng chức năng thuộc Ủy ban".into()), vec![])
        );
        // "hoàn thành" ends the subject.
        assert_eq!(
            owners("Phòng Tài chính - Kế hoạch hoàn thành việc công khai dự toán năm."),
            (Some("Phòng Tài chính - Kế hoạch".into()), vec![])
        );
    }

    #[test]
    fn support_groups_and_names_with_va() {
        // A name in lower case after a comma belongs to the group before it.
        assert_eq!(
            owners("Phòng Nội vụ chủ trì, phối hợp với Ủy ban nhân dân các thị trấn, xã rà soát biên chế."),
            (Some("Phòng Nội vụ".into()), vec!["Ủy ban nhân dân các thị trấn, xã".into()])
        );
        // "A và B" is split only when both read as names.
        assert_eq!(
            owners("Phòng Tư pháp chủ trì, phối hợp với Sở Tài nguyên và Môi trường thẩm định hồ sơ."),
            (Some("Phòng Tư pháp".into()), vec!["Sở Tài nguyên và Môi trường".into()])
        );
    }

    #[test]
    fn time_in_words() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(tl("Rà soát các quy chế nội bộ trong 9 tháng đầu năm."), (d(2025, 9, 30), None, None));
        assert_eq!(tl("Đánh giá kết quả thực hiện sáu tháng cuối năm."), (d(2025, 12, 31), None, None));
        assert_eq!(tl("Tự kiểm tra hồ sơ định kỳ mỗi học kỳ."), (None, Some("half-yearly"), None));
        // Evenly spaced months listed together: recurring from the first period's start.
        let t = timeline(&Folded::new("Kiểm tra vào tháng 6 và tháng 12/2025"), &[], 2025, true);
        assert_eq!((t.repeat, t.start, t.due), (Some("half-yearly"), d(2025, 1, 1), None));
        let t = timeline(&Folded::new("Tháng 3, tháng 6, tháng 9 và tháng 12"), &[], 2025, true);
        assert_eq!((t.repeat, t.start), (Some("quarterly"), d(2025, 1, 1)));
        let t = timeline(&Folded::new("Tháng 3 và tháng 9/2026"), &[], 2025, true);
        assert_eq!((t.repeat, t.start), (Some("half-yearly"), d(2025, 10, 1)));
        // Months not evenly spaced stay dates: the last is the deadline.
        let t = timeline(&Folded::new("Tháng 4 và tháng 11/2025"), &[], 2025, true);
        assert_eq!((t.repeat, t.due), (None, d(2025, 11, 30)));
    }

    #[test]
    fn bullets_naming_owners_under_a_heading_like_item_are_its_tasks() {
        let d = draft_of(
            "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Hiện đại hóa nền hành chính\n\n\
             - Công chức Văn phòng - Thống kê cập nhật phần mềm một cửa; hoàn thành trước ngày 31/7/2025.\n\n\
             - Đề nghị Công an xã hướng dẫn người dân cài đặt ứng dụng định danh hằng quý.\n\n\
             2. Phòng Nội vụ rà soát quy chế, hoàn thành trước ngày 30/9/2025.\n\n\
             - nội dung rà soát theo hướng dẫn.\n",
        );
        let rows = task_rows(&d);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0].0, "1.1");
        assert_eq!(
            rows[0].1.as_deref().map(|o| d.owners.iter().find(|x| x.id == o).unwrap().name.as_str()),
            Some("Công chức Văn phòng - Thống kê")
        );
        assert_eq!(rows[0].2, NaiveDate::from_ymd_opt(2025, 7, 31));
        assert_eq!((rows[1].0.as_str(), rows[1].3), ("1.2", Some("quarterly")));
        // An item that is itself a duty keeps its bullets as its wording.
        assert_eq!((rows[2].0.as_str(), rows[2].2), ("2", NaiveDate::from_ymd_opt(2025, 9, 30)));
    }

    #[test]
    fn merged_table_cells_are_carried_down() {
        let d = draft_of(
            "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n\
             | TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Kết quả |\n\
             |---|---|---|---|---|---|\n\
             | 1 | Rà soát quy chế chi tiêu nội bộ | Phòng Tài chính - Kế hoạch | Các cơ quan, đơn vị thuộc huyện | Quý III/2025 | Quy chế |\n\
             | 2 | Công khai dự toán ngân sách | | | | Dự toán được công khai |\n",
        );
        assert_eq!(d.tasks.len(), 2);
        let (a, b) = (&d.tasks[0], &d.tasks[1]);
        assert_eq!((&b.owner, &b.support, b.due), (&a.owner, &a.support, a.due));
        assert_eq!(a.due, NaiveDate::from_ymd_opt(2025, 9, 30));
        // "Các cơ quan, đơn vị thuộc huyện" is one group, not two.
        assert_eq!(a.support.len(), 1);
        assert_eq!(d.owners.iter().find(|o| o.id == a.support[0]).unwrap().name, "Các cơ quan, đơn vị thuộc huyện");
        assert!(b.notes.iter().any(|(k, n)| *k == "owner" && n.check && n.en.contains("merged")));
    }

    #[test]
    fn results_said_as_a_share_a_prohibition_or_a_rate_with_a_place() {
        let r = |t: &str| result_in(&Folded::new(t), &[]);
        // A share said first: the rate of what follows, at least.
        let f = r("Cập nhật danh mục thủ tục; 100% thủ tục được cập nhật trên Cổng dịch vụ công.");
        let i = f.indicator.expect("indicator");
        assert_eq!(
            (i.name.as_str(), i.unit.as_deref(), i.target),
            ("Tỷ lệ thủ tục được cập nhật trên Cổng dịch vụ công", Some("%"), 100.0)
        );
        // What must not happen, with the commas of its list kept.
        let f = r(
            "Tiếp nhận phản ánh của người dân; không để tồn đọng đơn thư, khiếu nại quá hạn; thực hiện thường xuyên.",
        );
        assert_eq!(f.result.as_deref(), Some("Không để tồn đọng đơn thư, khiếu nại quá hạn"));
        // A rate ends at its percentage, not at the place that follows.
        let f = r("Nâng tỷ lệ thanh toán trực tuyến đạt tối thiểu 60% tại Bộ phận một cửa.");
        assert_eq!(f.result.as_deref(), Some("Tỷ lệ thanh toán trực tuyến đạt tối thiểu 60%"));
    }

    #[test]
    fn more_heads_of_bodies() {
        assert_eq!(owners("Thanh tra huyện chủ trì kiểm tra công vụ."), (Some("Thanh tra huyện".into()), vec![]));
        assert_eq!(
            owners("Phòng Tài chính chủ trì, phối hợp với Kho bạc Nhà nước huyện rà soát thủ tục."),
            (Some("Phòng Tài chính".into()), vec!["Kho bạc Nhà nước huyện".into()])
        );
    }

    #[test]
    fn owners_named_as_the_subject() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Công chức Địa chính - Xây dựng tham mưu rà soát quy trình về đất đai.",
                "Công chức Địa chính - Xây dựng",
                "owner-subject",
            ),
            (
                "Bộ phận Tiếp nhận và trả kết quả niêm yết công khai đầy đủ thủ tục hành chính.",
                "Bộ phận Tiếp nhận và trả kết quả",
                "owner-subject",
            ),
            (
                "Công chức Văn hóa - Xã hội tổ chức tuyên truyền về cải cách hành chính.",
                "Công chức Văn hóa - Xã hội",
                "owner-subject",
            ),
            ("Phòng Nội vụ tham mưu Ủy ban nhân dân quận ban hành kế hoạch.", "Phòng Nội vụ", "owner-subject"),
            (
                "Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện.",
                "Văn phòng HĐND và UBND xã",
                "owner-assign",
            ),
            (
                "Đề nghị Ủy ban Mặt trận Tổ quốc xã giám sát việc thực hiện.",
                "Ủy ban Mặt trận Tổ quốc xã",
                "owner-assign",
            ),
            (
                "Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban nhân dân các xã thực hiện số hóa hồ sơ.",
                "Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban nhân dân các xã",
                "owner-group",
            ),
            ("Các tổ, khối thuộc trường xây dựng kế hoạch của tổ, khối.", "Các tổ, khối thuộc trường", "owner-group"),
        ];
        for (text, owner, rule) in cases {
            let (o, _, r) = owner_rule(text);
            assert_eq!((o.as_deref(), r), (Some(*owner), *rule), "{text}");
        }
        // "X chủ trì, phối hợp với Y": Y supports.
        assert_eq!(
            owner_rule("Sở Y tế chủ trì, phối hợp với Trung tâm Y tế huyện nâng tỷ lệ hồ sơ điện tử."),
            (Some("Sở Y tế".into()), vec!["Trung tâm Y tế huyện".into()], "owner-chair")
        );
        // Not subjects: a verb or a phrase that only looks like a head opens the item.
        for text in [
            "Tổ chức hội nghị tập huấn cho công chức.",
            "Rà soát, cập nhật quy trình nội bộ.",
            "Ban hành kế hoạch kiểm tra công vụ.",
            "Phòng chống tham nhũng, tiêu cực trong thực thi công vụ.",
        ] {
            assert_eq!(owner_rule(text).0, None, "{text}");
        }
    }

    #[test]
    fn titles_leave_out_owner_and_deadline() {
        let title = |text: &str| {
            let f = Folded::new(text);
            let o = owners_in(&f, &[]);
            let src = match o.prefix_end {
                Some(e) => f.text(e..f.len()),
                None => text.to_string(),
            };
            capitalise(&short_title(&without_deadline(&src)))
        };
        assert_eq!(
            title(
                "Công chức Địa chính - Xây dựng tham mưu rà soát, cập nhật quy trình giải quyết thủ tục hành chính về đất đai, hoàn thành trước ngày 30/6/2025."
            ),
            "Tham mưu rà soát, cập nhật quy trình giải quyết thủ tục hành chính về đất đai"
        );
        assert_eq!(
            title(
                "Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban nhân dân các xã thực hiện số hóa hồ sơ, hoàn thành trong tháng 9/2025."
            ),
            "Thực hiện số hóa hồ sơ"
        );
        assert_eq!(
            title("Đề nghị Ủy ban Mặt trận Tổ quốc xã giám sát việc thực hiện trong quý III/2025."),
            "Giám sát việc thực hiện"
        );
        // "thường xuyên" inside a long clause is not a deadline clause: kept.
        assert_eq!(
            without_deadline(
                "Chủ động và duy trì thường xuyên công tác thông tin, tuyên truyền đến đội ngũ cán bộ, giáo viên"
            ),
            "Chủ động và duy trì thường xuyên công tác thông tin, tuyên truyền đến đội ngũ cán bộ, giáo viên"
        );
        let long = "Văn phòng tham mưu ".to_string() + &"rà soát hồ sơ ".repeat(20) + "trước ngày 15/11/2025.";
        assert!(title(&long).chars().count() <= TITLE_MAX + 1);
    }

    #[test]
    fn measured_results_and_indicators() {
        let read = |s: &str| {
            let r = result_in(&Folded::new(s), &[]);
            (r.result, r.indicator.map(|i| (i.name, i.target, i.unit, i.direction)))
        };
        assert_eq!(
            read("Sở Y tế chủ trì nâng tỷ lệ hồ sơ khám chữa bệnh điện tử đạt tối thiểu 80% trong năm 2025."),
            (
                Some("Tỷ lệ hồ sơ khám chữa bệnh điện tử đạt tối thiểu 80%".into()),
                Some(("Tỷ lệ hồ sơ khám chữa bệnh điện tử".into(), 80.0, Some("%".into()), None))
            )
        );
        assert_eq!(
            read("Giảm tỷ lệ hồ sơ trễ hạn không quá 2,5%."),
            (
                Some("Tỷ lệ hồ sơ trễ hạn không quá 2,5%".into()),
                Some(("Tỷ lệ hồ sơ trễ hạn".into(), 2.5, Some("%".into()), Some("at-most")))
            )
        );
        // The comma inside what is counted ("công chức, viên chức") does not end the result.
        assert_eq!(
            read("Tổ chức tập huấn cho tối thiểu 20 công chức, viên chức."),
            (
                Some("Tổ chức tập huấn cho tối thiểu 20 công chức, viên chức".into()),
                Some(("Tổ chức tập huấn cho".into(), 20.0, Some("công chức".into()), None))
            )
        );
        // The number before the percent sign, not a year before it.
        assert_eq!(
            read("Nâng tỷ lệ hài lòng so với năm 2024 đạt 95%.").1,
            Some(("Tỷ lệ hài lòng so với năm 2024".into(), 95.0, Some("%".into()), None))
        );
        // A percentage without a rate or a threshold sets no indicator.
        assert_eq!(read("Số hóa 100% hồ sơ lưu trữ.").1, None);
        assert_eq!(read("Rà soát hồ sơ.").0, None);
    }

    #[test]
    fn titles_in_sentence_case() {
        let block = |t: &str| Block { text: t.into(), ..Default::default() };
        let blocks = vec![
            block("II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
            block("Nâng cao Chỉ số cải cách hành chính của xã; Ban Chỉ đạo họp hằng quý."),
        ];
        let c = Casing::new(&blocks);
        // "Chỉ" is a capital in "Chỉ số" and "Ban Chỉ đạo", names; not in "công tác chỉ đạo".
        assert_eq!(c.recase("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), "Công tác chỉ đạo, điều hành");
        assert_eq!(c.recase("NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"), "Nâng cao Chỉ số cải cách hành chính");
    }

    #[test]
    fn the_lexicon_names_every_rule() {
        let l = lexicon::lexicon();
        assert!(l.heads.contains(&"uy ban nhan dan".to_string()) && l.heads.contains(&"cong chuc".to_string()));
        assert_eq!(lexicon::written_position("PHÓ CHỦ TỊCH"), Some("Phó Chủ tịch"));
        // Every rule the reading records has a name in both languages.
        let src = [
            include_str!("owners.rs"),
            include_str!("task.rs"),
            include_str!("head.rs"),
            include_str!("body.rs"),
            include_str!("result.rs"),
        ]
        .concat();
        let mut ids = 0;
        for piece in src.split('"').skip(1).step_by(2) {
            let is_id = piece.len() > 4
                && piece.contains('-')
                && piece.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && [
                    "owner-",
                    "support-",
                    "task-",
                    "title-",
                    "due-",
                    "result-",
                    "indicator-",
                    "heading-",
                    "signer-",
                    "section-",
                    "basis-",
                    "number-",
                    "date-",
                    "place-",
                    "kind-",
                ]
                .iter()
                .any(|p| piece.starts_with(p));
            if is_id {
                ids += 1;
                assert!(lexicon::has_rule(piece), "rule {piece} has no name in lexicon.toml");
                assert_ne!(
                    lexicon::rule_name(piece, crate::i18n::Lang::Vi),
                    lexicon::rule_name(piece, crate::i18n::Lang::En)
                );
            }
        }
        assert!(ids >= 25, "{ids} rule ids found");
    }

    #[test]
    fn a_superior_only_from_a_two_level_heading() {
        let bases = "Căn cứ Quyết định số 10/QĐ-UBND ngày 05/01/2025 của Ủy ban nhân dân huyện Tân Phú về công bố Chỉ số;\n\n\
                     Căn cứ Kế hoạch số 20/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân huyện Tân Phú về cải cách hành chính;\n\n\
                     II. NHIỆM VỤ\n\n1. Phòng Nội vụ rà soát quy chế làm việc, hoàn thành trước ngày 30/6/2025.\n";
        // One body over two heading lines: no superior, though most bases come from the district.
        let d = draft_of(&format!(
            "ỦY BAN NHÂN DÂN\n\nXÃ AN BÌNH\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\nNâng cao Chỉ số cải cách hành chính năm 2025\n\n{bases}"
        ));
        assert_eq!(d.meta.unit.as_deref(), Some("Ủy ban nhân dân xã An Bình"));
        assert_eq!(d.meta.superior, None);
        // A real two-level heading names it.
        let d = draft_of(&format!(
            "UBND HUYỆN TÂN PHÚ\n\nTRƯỜNG TIỂU HỌC AN BÌNH\n\nSố: 12/KH-THAB\n\nKẾ HOẠCH\n\nNâng cao Chỉ số năm 2025\n\n{bases}"
        ));
        assert_eq!(d.meta.superior.as_deref(), Some("UBND huyện Tân Phú"));
        // No agency heading at all: the issuer of most bases is a guess, marked to check.
        let d = draft_of(&format!("KẾ HOẠCH\n\nNâng cao Chỉ số năm 2025\n\n{bases}"));
        assert_eq!(d.meta.superior.as_deref(), Some("Ủy ban nhân dân huyện Tân Phú"));
        assert!(note_for(&d.meta.notes, "superior").any(|n| n.check));
    }

    #[test]
    fn table_header_words_from_the_lexicon() {
        // The table reader names each column from the lexicon's [columns] (the .xlsx reader
        // uses the same lists: xlsx::tests::the_header_words_are_the_lexicons).
        let words = &lexicon::lexicon().columns;
        for (i, owner) in words.owner.iter().enumerate() {
            let time = &words.time[i % words.time.len()];
            let result = &words.result[i % words.result.len()];
            let task = &words.task[i % words.task.len()];
            let no = &words.number[i % words.number.len()];
            let cells: Vec<String> =
                [no.as_str(), task, owner, "Đơn vị phối hợp", time, result].iter().map(|c| c.to_uppercase()).collect();
            let c = body::columns(&cells).expect(owner);
            assert_eq!(c.names[0], owner.to_uppercase(), "{cells:?}");
            assert_eq!((c.names[1].as_str(), c.names[2].as_str()), ("ĐƠN VỊ PHỐI HỢP", time.to_uppercase().as_str()));
            assert_eq!(c.names[3], result.to_uppercase());
        }
        // A lone "Thực hiện" is the owner's column too; a table without a task column is none.
        let cells = |v: &[&str]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert!(
            body::columns(&cells(&["TT", "Nội dung", "Thực hiện", "Thời gian"]))
                .is_some_and(|c| c.names[0] == "Thực hiện")
        );
        assert!(body::columns(&cells(&["TT", "Tên", "Chủ trì", "Thời gian"])).is_none());
    }
}
