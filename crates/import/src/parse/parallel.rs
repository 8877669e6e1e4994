//! Reading the tasks' wording on several threads. What a task's wording says (its citations,
//! owners' names, timeline, title, result) depends on that wording alone: [`read`] finds it,
//! [`read_all`] runs it over the document's tasks in chunks, one thread a chunk, and gives the
//! readings back in the document's order. The parser then gives owners their ids in that
//! order ([`Parser::task`](super::Parser)), so ids, notes and the draft are the same as
//! when the tasks are read one after the other.

use std::ops::Range;

use super::head::fold_unit;
use super::owners::{FoundOwners, owners_in};
use super::result::{Found, indicator_in, result_in, without_deadline_in};
use super::task::document;
use super::timeline::{Timeline, timeline};
use super::title::{capitalise, short_title};
use super::{DraftDoc, Notes, RawTask, TableCells, note};
use crate::import::scan::{Citation, Folded, citations_in, trim_clause};

/// Below this many tasks the tasks are read on the calling thread: a thread's start costs
/// more than a few hundred tasks' reading.
const PARALLEL_MIN: usize = 2_000;

/// At most this many threads read tasks.
const MAX_THREADS: usize = 4;

/// How many chunks each thread reads, on average.
const CHUNKS_PER_THREAD: usize = 32;

/// What one task's wording says, before its owners have ids.
pub(super) struct Reading {
    pub(super) id: String,
    pub(super) section: String,
    pub(super) line: usize,
    pub(super) rule: &'static str,
    pub(super) detail: String,
    pub(super) title: String,
    pub(super) notes: Notes,
    pub(super) refs: Vec<DraftDoc>,
    /// The first document the unit issued that this task cites, when the unit's
    /// abbreviation is to be read from one.
    pub(super) own: Option<Box<Citation>>,
    pub(super) found: FoundOwners,
    /// The row's cells, for a task read from a table.
    pub(super) table: Option<Box<TableCells>>,
    pub(super) tl: Timeline,
    pub(super) res: Found,
}

/// A task's id, and the number the document gave it when another item has it too (the
/// id then differs from it, and the task gets a note saying so).
#[derive(Default)]
pub(super) struct TaskId {
    pub(super) id: String,
    pub(super) repeats: Option<String>,
}

/// Reads every task, in the document's order, each with its id; the readings come back in
/// chunks, in the same order. The tasks are taken out of `tasks` where they lie (a large
/// document's tasks are tens of megabytes: moving them is copying them). `own_unit`: the
/// unit's name folded, when the tasks' citations are to be searched for a document it issued.
pub(super) fn read_all(
    tasks: &mut [RawTask],
    ids: &mut [TaskId],
    year: i32,
    own_unit: Option<&str>,
) -> Vec<Vec<Reading>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
    read_on(tasks, ids, year, own_unit, threads)
}

/// [`read_all`] on at most `threads` threads.
fn read_on(
    tasks: &mut [RawTask],
    ids: &mut [TaskId],
    year: i32,
    own_unit: Option<&str>,
    threads: usize,
) -> Vec<Vec<Reading>> {
    debug_assert_eq!(tasks.len(), ids.len());
    let read_chunk = |tasks: &mut [RawTask], ids: &mut [TaskId]| -> Vec<Reading> {
        tasks
            .iter_mut()
            .zip(ids)
            .map(|(raw, id)| read(std::mem::take(raw), std::mem::take(&mut id.id), year, id.repeats.take(), own_unit))
            .collect()
    };
    if threads < 2 || tasks.len() < PARALLEL_MIN {
        return vec![read_chunk(tasks, ids)];
    }
    // Chunks are handed out as threads come for them: the first thread to finish takes the
    // next one, so that no thread waits long for a slower one (half the tasks each left
    // one thread idle a tenth of the time).
    let size = tasks.len().div_ceil(threads * CHUNKS_PER_THREAD);
    let work = std::sync::Mutex::new(tasks.chunks_mut(size).zip(ids.chunks_mut(size)).enumerate());
    let next = || work.lock().ok().and_then(|mut w| w.next());
    let worker = || {
        let mut read = Vec::new();
        while let Some((i, (tasks, ids))) = next() {
            read.push((i, read_chunk(tasks, ids)));
        }
        read
    };
    std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(worker)).collect();
        // This thread reads chunks too while the others read theirs.
        let mut chunks = worker();
        for h in others {
            // A reader that panicked panics here, as it would have on this thread.
            chunks.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        chunks.sort_unstable_by_key(|&(i, _)| i);
        chunks.into_iter().map(|(_, read)| read).collect()
    })
}

/// Reads one task's wording: title, owners' names, timeline, result, references. `own_unit`:
/// the unit's name folded, to find the first document it issued that the task cites.
pub(super) fn read(raw: RawTask, id: String, year: i32, repeats: Option<String>, own_unit: Option<&str>) -> Reading {
    let mut notes = Notes::new();
    if let Some(number) = repeats {
        notes.push((
            "id",
            note(
                format!("số thứ tự {number} lặp lại trong văn bản; đổi id cho khác nhau"),
                format!("the document numbers two items {number}; ids must differ"),
            ),
        ));
    }
    let detail = raw.detail.trim().to_string();
    let f = Folded::new(&detail);
    let cites = citations_in(&f, false);
    let own = own_unit.and_then(|unit| {
        cites.iter().find(|c| c.issuer.as_deref().is_some_and(|i| fold_unit(i) == unit) && c.number.is_some()).cloned()
    });
    let own = own.map(Box::new);
    let skip: Vec<Range<usize>> = cites.iter().map(|c| c.span.clone()).collect();
    let refs = cites.iter().map(|c| document(c, Some(year))).collect();

    // Owner: the table's columns when the task is a row, else the wording.
    let from_table = raw.table.is_some();
    let table = raw.table.map_or_else(TableCells::default, |t| *t);
    let mut found = owners_in(&f, &skip);
    for &key in &table.merged {
        notes.push((key, note("ô gộp trong bảng: lấy theo ô phía trên", "merged cell: read as the cell above it")));
    }
    for &key in &table.carried {
        notes.push((
            key,
            note(
                "ô trống trong bảng: lấy theo dòng trên (ô gộp)",
                "empty cell in the table: taken from the row above (a merged cell)",
            ),
        ));
    }
    if let Some(first) = table.owners.first() {
        found.owner = Some((first.clone(), true));
        found.owner_rule = "owner-column";
        found.support_rule = "support-column";
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
        found.support_rule = "support-column";
    }
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

    // A time column is read as a deadline ("30/6/2025" alone is the due date there).
    let mut tl = if table.time.trim().is_empty() {
        timeline(&f, &skip, year, false)
    } else {
        timeline(&Folded::new(&table.time), &[], year, true)
    };

    // Title: the first clause, without the owner ("Phòng Nội vụ:", "Công chức … tham
    // mưu") and, when the wording gives the deadline, without its deadline clause.
    let first_line = detail.split('\n').next().unwrap_or("");
    // `detail`'s folding serves: the first line is where it begins.
    let first_len = first_line.chars().count();
    let (title_src, title_chars) = match found.prefix_end {
        Some(e) => (f.text(e..first_len), f.trimmed(e..first_len)),
        None => (first_line.to_string(), 0..first_len),
    };
    let title_src = if table.time.trim().is_empty() && (tl.due.is_some() || tl.repeat.is_some()) {
        // Its folding is that of its characters in `detail`'s.
        without_deadline_in(&f.slice(title_chars), &title_src)
    } else {
        title_src
    };
    let mut title = capitalise(&short_title(&title_src));
    if title.is_empty() {
        title = format!("Nhiệm vụ {id}");
        notes
            .push(("id", note("mục đánh số không có nội dung; đặt tên cho nhiệm vụ", "the item has no text; name it")));
    }

    notes.extend(std::mem::take(&mut tl.notes));
    let mut res = if table.result.trim().is_empty() {
        result_in(&f, &skip)
    } else {
        let r = capitalise(&trim_clause(&table.result));
        let indicator = indicator_in(&Folded::new(&r));
        Found { result: Some(r), note: None, rule: "result-column", indicator }
    };
    if let Some(n) = res.note.take() {
        notes.push(("result", n));
    }
    if res.indicator.is_some() {
        notes.push((
            "indicator",
            note(
                "chỉ số đọc từ ngưỡng trong văn bản; kiểm tra tên, chỉ tiêu và đơn vị",
                "indicator read from the threshold in the text; check its name, target and unit",
            ),
        ));
    }
    Reading {
        id,
        section: raw.section,
        line: raw.line,
        rule: raw.rule,
        detail,
        title,
        notes,
        refs,
        own,
        found,
        table: from_table.then(|| Box::new(table)),
        tl,
        res,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wordings that exercise every reader: owners (subject, chair and support, assignment),
    /// deadlines and recurrence, citations (one issued by the unit), results and indicators.
    const WORDINGS: [&str; 6] = [
        "Phòng Nội vụ chủ trì, phối hợp Văn phòng HĐND-UBND rà soát thủ tục hành chính; hoàn thành trước ngày 30/9/2025.",
        "Giao Công an phường hướng dẫn người dân cài đặt ứng dụng định danh hằng quý.",
        "Thực hiện Kế hoạch số 48/KH-NBK ngày 23/01/2025 của Trường Tiểu học Nam Bình Khê về cải cách hành chính.",
        "Nâng tỷ lệ thanh toán trực tuyến đạt tối thiểu 60% tại Bộ phận một cửa trong năm 2025.",
        "Tổ Văn phòng cập nhật hồ sơ; không để tồn đọng đơn thư quá hạn; thực hiện thường xuyên.",
        "",
    ];

    /// The unit, folded as [`fold_unit`] folds it.
    const UNIT: &str = "tieu hoc nam binh khe";

    fn raw_tasks(n: usize) -> (Vec<RawTask>, Vec<TaskId>) {
        (0..n)
            .map(|i| {
                let raw = RawTask {
                    section: "I".into(),
                    path: vec![(i % 7 + 1).to_string()],
                    detail: format!("{} Việc số {i}.", WORDINGS[i % WORDINGS.len()]),
                    line: 10 + 2 * i,
                    table: None,
                    rule: "task-item",
                };
                let repeats = (i >= 7).then(|| (i % 7 + 1).to_string());
                (raw, TaskId { id: format!("{}-{i}", i % 7 + 1), repeats })
            })
            .unzip()
    }

    /// [`read_on`] of `n` made-up tasks.
    fn read_n(n: usize, unit: Option<&str>, threads: usize) -> Vec<Vec<Reading>> {
        let (mut tasks, mut ids) = raw_tasks(n);
        read_on(&mut tasks, &mut ids, 2025, unit, threads)
    }

    /// Everything a reading found, as text, to compare two readings.
    fn summary(r: &Reading) -> String {
        format!(
            "{} {} {:?} {:?} {:?} {:?} {:?} {} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            r.id,
            r.section,
            r.line,
            r.title,
            r.notes,
            r.refs,
            r.own,
            r.found.owner_rule,
            r.found.support_rule,
            r.found.owner,
            r.found.support,
            r.found.prefix_end,
            r.tl.start,
            r.tl.due,
            r.tl.repeat,
            r.tl.due_day,
            r.res.result,
            r.res.indicator,
        )
    }

    #[test]
    fn threads_read_what_one_thread_reads_in_the_same_order() {
        let n = PARALLEL_MIN + 503;
        let one: Vec<String> = read_n(n, Some(UNIT), 1).iter().flatten().map(summary).collect();
        for threads in [2, 3, 4] {
            let chunks = read_n(n, Some(UNIT), threads);
            assert!(chunks.len() > threads, "several chunks a thread");
            let many: Vec<String> = chunks.iter().flatten().map(summary).collect();
            assert_eq!(many, one, "{threads} threads");
        }
        // A repeated number is noted on the task whose id was changed.
        assert!(one[7].contains("số thứ tự 1 lặp lại") && !one[6].contains("lặp lại"), "{}", one[7]);
        // The readers found something in each wording: owners, a deadline, the unit's document.
        let first = &read_n(6, Some(UNIT), 1)[0];
        assert_eq!(first[0].found.owner.as_ref().map(|o| o.0.as_str()), Some("Phòng Nội vụ"));
        assert_eq!(first[0].tl.due, chrono::NaiveDate::from_ymd_opt(2025, 9, 30));
        assert_eq!(first[1].tl.repeat, Some("quarterly"));
        assert_eq!(first[2].own.as_ref().and_then(|c| c.number.as_deref()), Some("48/KH-NBK"));
        assert!(first[3].res.indicator.is_some());
        assert_eq!(first[5].title, "Việc số 5");
    }

    #[test]
    fn few_tasks_are_read_on_the_calling_thread() {
        assert_eq!(read_n(PARALLEL_MIN - 1, None, 4).len(), 1);
    }
}
