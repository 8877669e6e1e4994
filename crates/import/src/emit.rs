//! Writing a [`Draft`] as a commented plan.toml, in the format `par` loads and
//! in the style of the bundled plan.toml: bilingual comments, one table per
//! basis, owner, section and task, and a "KIỂM TRA / CHECK" comment wherever
//! the reading was a guess or found nothing.

use par_core::text::toml_quote as basic;
use std::borrow::Cow;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::parse::{Draft, DraftDoc, DraftTask, Note, Notes, note_for};

/// Where the draft came from, for the header and the per-task source comments.
pub struct Origin<'a> {
    /// The document's file name as the user gave it.
    pub name: &'a str,
    /// Whether positions are paragraphs (.docx) rather than lines (text).
    pub paragraphs: bool,
    /// The day every task entered the plan (`added`), when known.
    pub added: Option<NaiveDate>,
}

const RULE: &str = "# ---------------------------------------------------------------------------\n";
const CHECK: &str = "KIỂM TRA / CHECK";

/// The draft as TOML text.
pub fn emit(draft: &Draft, origin: &Origin) -> String {
    emit_into(String::new(), draft, origin)
}

/// [`emit`] into `room`, an empty text made ready for it (see [`room_for`]).
pub(crate) fn emit_into(room: String, draft: &Draft, origin: &Origin) -> String {
    let mut o = room;
    o.reserve(room_for(draft.tasks.len()));
    header(&mut o, draft, origin);
    unread(&mut o, draft, origin);
    cut(&mut o, draft, origin);
    meta(&mut o, draft);
    settings(&mut o);
    bases(&mut o, draft);
    owners(&mut o, draft);
    sections(&mut o, draft);
    tasks(&mut o, draft, origin);
    o
}

fn header(out: &mut String, draft: &Draft, origin: &Origin) {
    let bar = "# ============================================================================\n";
    out.push_str(bar);
    let title = if draft.meta.title.is_empty() { "Kế hoạch".to_string() } else { draft.meta.title.to_uppercase() };
    let _ = writeln!(out, "# {}", comment_text(&title));
    if let Some(u) = &draft.meta.unit {
        let _ = writeln!(out, "# {} — tệp kế hoạch dùng với `par`.", comment_text(u));
    }
    let _ = writeln!(out, "#");
    let name = comment_text(origin.name);
    let _ = writeln!(out, "# BẢN NHÁP do `par import` đọc từ \"{name}\". Các dòng \"# {CHECK}\" đánh dấu");
    out.push_str("# chỗ par đoán hoặc văn bản không ghi: hãy đối chiếu với văn bản gốc và sửa.\n");
    let _ = writeln!(out, "# DRAFT read by `par import` from \"{name}\". Lines \"# {CHECK}\" mark");
    out.push_str("# guesses and what the document does not say: check them against it and edit.\n");
    out.push_str(
        "#
# Tệp này là của bạn: sửa bằng tay thoải mái; `par` giữ nguyên chú thích, thứ tự
# và dòng trống khi ghi. Mọi dòng bắt đầu bằng # là chú thích.
# This file is yours: edit it by hand; `par` keeps comments, order and blank lines
# when it writes. Lines starting with # are comments.
#
# Ngày tháng / Dates: 2025-05-30 (không cần ngoặc kép / no quotes) hoặc \"30/5/2025\".
# Nguyên tắc \"5 rõ\" / the \"5 rõ\" principle, field by field:
#   rõ người (owner)        → owner, support
#   rõ việc (task)          → title, detail
#   rõ trách nhiệm (duty)   → owner: một đơn vị chủ trì duy nhất / one primary owner
#   rõ tiến độ (timeline)   → start, due, repeat, due_day
#   rõ kết quả (result)     → result
",
    );
    out.push_str(bar);
}

fn unread(out: &mut String, draft: &Draft, origin: &Origin) {
    if draft.unread.is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Phần đầu, cuối văn bản par chưa đọc được (chép lại để đối chiếu):\n");
    out.push_str("# Head and tail text par did not read (copied here to check):\n");
    for (line, text) in &draft.unread {
        let _ =
            writeln!(out, "#   {} {line}: {}", position(origin), comment_text(&par_core::text::truncate(text, 160)));
    }
    out.push_str(RULE);
}

/// The paragraphs cut for their length, each a line to check.
fn cut(out: &mut String, draft: &Draft, origin: &Origin) {
    if draft.cut.is_empty() {
        return;
    }
    out.push('\n');
    out.push_str(RULE);
    let max = super::text::MAX_PARAGRAPH;
    for (line, chars) in &draft.cut {
        let at = position(origin);
        let _ = writeln!(out, "# {CHECK}: {at} {line} dài {chars} ký tự; par chỉ đọc {max} ký tự đầu, phần sau bị bỏ.");
        let _ =
            writeln!(out, "#   {at} {line} has {chars} characters; par read the first {max} and left the rest out.");
    }
    out.push_str(
        "# Văn bản kế hoạch không có đoạn dài như vậy: kiểm tra tệp gốc (tệp hỏng, dữ liệu dán vào).
",
    );
    out.push_str(
        "# No plan has paragraphs that long: check the document (a damaged file, pasted data).
",
    );
    out.push_str(RULE);
}

fn position(origin: &Origin) -> &'static str {
    if origin.paragraphs { "đoạn / paragraph" } else { "dòng / line" }
}

fn meta(out: &mut String, draft: &Draft) {
    let m = &draft.meta;
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Thông tin văn bản / Document metadata\n");
    out.push_str(RULE);
    out.push_str("[plan]\n");
    notes(out, &m.notes, "unit");
    match &m.unit {
        Some(u) => kv(out, "unit", &basic(u), "đơn vị ban hành / issuing unit"),
        None => kv(out, "unit", &basic("ĐIỀN TÊN ĐƠN VỊ / FILL IN THE UNIT"), "đơn vị ban hành / issuing unit"),
    }
    notes(out, &m.notes, "unit_short");
    match &m.unit_short {
        Some(s) => kv(out, "unit_short", &basic(s), "viết tắt trong số ký hiệu / abbreviation in document numbers"),
        None => missing(out, "unit_short", "\"…\"", "văn bản không cho biết / not in the document"),
    }
    notes(out, &m.notes, "superior");
    match &m.superior {
        Some(s) => kv(out, "superior", &basic(s), "cơ quan cấp trên / superior body"),
        None => missing(out, "superior", "\"…\"", "cơ quan cấp trên: văn bản không ghi / superior body: not given"),
    }
    match &m.kind {
        Some(k) => kv(out, "kind", &basic(k), "loại văn bản / document kind"),
        None => missing(out, "kind", "\"Kế hoạch\"", "loại văn bản: không đọc được / document kind: not read"),
    }
    match &m.number {
        Some(n) => kv(out, "number", &basic(n), "số ký hiệu / number and symbol"),
        None => missing(out, "number", "\"…/KH-…\"", "số ký hiệu: văn bản không ghi / not given in the document"),
    }
    match m.date {
        Some(dt) => kv(out, "date", &date(dt), "ngày ban hành / date of issue"),
        None => missing(out, "date", "2025-…", "ngày ban hành: văn bản không ghi / not given in the document"),
    }
    notes(out, &m.notes, "title");
    let title =
        if m.title.is_empty() { m.kind.clone().unwrap_or_else(|| "Kế hoạch".into()) } else { m.title.clone() };
    let _ = writeln!(out, "title = {}", basic(&title));
    notes(out, &m.notes, "year");
    kv(out, "year", &m.year.to_string(), "năm kế hoạch / plan year");
    notes(out, &m.notes, "start");
    match m.date.or(m.start) {
        Some(dt) => {
            if m.date.is_some() {
                out.push_str("# Giả định: kế hoạch có hiệu lực từ ngày ban hành; việc định kỳ tính từ đó.\n");
                out.push_str("# Assumption: the plan runs from its date of issue; recurring duties count from it.\n");
            }
            let _ = writeln!(out, "start = {}", date(dt));
        }
        None => missing(
            out,
            "start",
            &format!("{}-01-01", m.year),
            "ngày kế hoạch bắt đầu (mặc định: đầu năm) / when the plan starts (default: the year's start)",
        ),
    }
    match &m.place {
        Some(p) => kv(out, "place", &basic(p), "địa danh ở dòng ngày tháng / place in the date line"),
        None => missing(out, "place", "\"…\"", "địa danh ở dòng ngày tháng / place in the date line"),
    }
    kv(out, "lang", "\"vi\"", "ngôn ngữ mặc định: \"vi\" hoặc \"en\" / default output language");
    notes(out, &m.notes, "signer");
    match &m.signer {
        Some(s) => {
            let mut parts = vec![format!("name = {}", basic(&s.name))];
            if let Some(p) = &s.position {
                parts.push(format!("position = {}", basic(p)));
            }
            if let Some(a) = &s.authority {
                parts.push(format!("authority = {}", basic(a)));
            }
            if !s.capacity.is_empty() {
                let lines = s.capacity.iter().map(|c| basic(c)).collect::<Vec<_>>().join(", ");
                parts.push(format!("capacity = [{lines}]"));
            }
            if s.position.is_none() {
                let _ = writeln!(
                    out,
                    "# {CHECK}: văn bản chỉ ghi tên người ký; thêm chức vụ, ví dụ position = \"Hiệu trưởng\""
                );
                out.push_str("#   the document gives only the signer's name; add the position.\n");
            }
            let _ = writeln!(out, "signer = {{ {} }}", parts.join(", "));
        }
        None => {
            missing(out, "signer", "{ name = \"…\", position = \"…\" }", "người ký: không đọc được / signer: not read")
        }
    }
    if m.recipients.is_empty() {
        out.push_str("# Nơi nhận: văn bản không ghi / Recipients: not given.\n");
        out.push_str("recipients = []\n");
    } else {
        out.push_str("# Nơi nhận / recipients, in the document's order.\n");
        out.push_str("recipients = [\n");
        for r in &m.recipients {
            let _ = writeln!(out, "    {},", basic(r));
        }
        out.push_str("]\n");
    }
}

fn settings(out: &mut String) {
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Cài đặt / Settings\n");
    out.push_str(RULE);
    out.push_str("[settings]\n");
    out.push_str(
        "due_soon_days = 3      # \"sắp đến hạn\": còn từ 3 ngày trở xuống / \"due soon\": 3 days or fewer left\n",
    );
    out.push_str(
        "within_days = 14       # `par status` liệt kê việc đến hạn trong 14 ngày / lists items due within 14 days\n",
    );
}

fn bases(out: &mut String, draft: &Draft) {
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Căn cứ / Legal bases (\"Thực hiện …\", \"Căn cứ …\"), in the document's order.\n");
    out.push_str(
        "# kind: loại văn bản; number: số ký hiệu; date: ngày; issuer: cơ quan ban hành; subject: trích yếu\n",
    );
    out.push_str(RULE);
    if draft.bases.is_empty() {
        out.push_str("# Văn bản không có dòng \"Thực hiện …\"/\"Căn cứ …\" nào par đọc được.\n");
        out.push_str("# The document has no \"Thực hiện …\"/\"Căn cứ …\" line par could read.\n");
    }
    for (i, b) in draft.bases.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        document(out, "[[basis]]", b);
    }
}

fn document(out: &mut String, header: &str, doc: &DraftDoc) {
    out.push_str(header);
    out.push('\n');
    let _ = writeln!(out, "kind = {}", basic(&doc.kind));
    notes(out, &doc.notes, "number");
    if let Some(n) = &doc.number {
        let _ = writeln!(out, "number = {}", basic(n));
    }
    notes(out, &doc.notes, "date");
    if let Some(dt) = doc.date {
        let _ = writeln!(out, "date = {}", date(dt));
    }
    notes(out, &doc.notes, "issuer");
    if let Some(i) = &doc.issuer {
        let _ = writeln!(out, "issuer = {}", basic(i));
    }
    if let Some(s) = &doc.subject {
        let _ = writeln!(out, "subject = {}", basic(s));
    }
}

fn owners(out: &mut String, draft: &Draft) {
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Người, bộ phận chủ trì / Owners — defined once, referenced by id in tasks.\n");
    if draft.owners.is_empty() {
        out.push_str("# Văn bản không nêu người, bộ phận chủ trì. Thêm mỗi người/bộ phận một bảng, ví dụ:\n");
        out.push_str("# The document names no owners. Add one table for each, e.g.:\n");
        out.push_str("#\n# [[owner]]\n# id = \"ht\"\n# name = \"Hiệu trưởng\"\n# name_en = \"Principal\"\n");
        out.push_str(RULE);
        return;
    }
    out.push_str("# par đặt id ngắn từ chữ đầu của tên; đổi tùy ý (đổi cả ở các nhiệm vụ).\n");
    out.push_str("# par made short ids from the names' initials; rename at will (in the tasks too).\n");
    out.push_str(RULE);
    for (i, w) in draft.owners.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let tasks: Vec<&str> = w.seen.iter().map(String::as_str).collect();
        let addressed = draft.addressees.contains(&w.id);
        out.push_str("[[owner]]\n");
        let _ = writeln!(out, "id = {}", basic(&w.id));
        let _ = writeln!(out, "name = {}", basic(&w.name));
        out.push_str("# name_en = \"…\"\n");
        if addressed {
            out.push_str("# Đoạn kết giao chung cho cả kế hoạch; gán cho nhiệm vụ nào thì ghi owner/support ở đó.\n");
            out.push_str("# The closing paragraph addresses it for the whole plan; assign it in tasks as fits.\n");
        } else {
            let _ = writeln!(out, "# Văn bản nêu ở nhiệm vụ / named in tasks: {}", comment_text(&tasks.join(", ")));
        }
    }
}

fn sections(out: &mut String, draft: &Draft) {
    out.push('\n');
    out.push_str(RULE);
    out.push_str("# Các phần của kế hoạch / Sections of the plan\n");
    out.push_str(RULE);
    for (i, s) in draft.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("[[section]]\n");
        notes(out, &s.notes, "id");
        let _ = writeln!(out, "id = {}", basic(&s.id));
        notes(out, &s.notes, "title");
        let _ = writeln!(out, "title = {}", basic(&s.title));
        match &s.title_en {
            Some(en) => {
                let _ = writeln!(out, "title_en = {}", basic(en));
            }
            None => out.push_str("# title_en = \"…\"\n"),
        }
        if !s.points.is_empty() {
            out.push_str("points = [\n");
            for p in &s.points {
                let _ = writeln!(out, "    {},", basic(p));
            }
            out.push_str("]\n");
        }
    }
}

fn tasks(out: &mut String, draft: &Draft, origin: &Origin) {
    out.push('\n');
    out.push_str(RULE);
    out.push_str(
        "# Nhiệm vụ / Tasks. Mỗi [[task]] là một nhiệm vụ; các khóa:
#   id       mã, theo số thứ tự của văn bản / id as the document numbers it
#   section  phần chứa nhiệm vụ / the section it belongs to
#   title    tóm tắt một dòng (rõ việc) / one-line summary — par cắt từ câu đầu, hãy sửa cho gọn
#   detail   nguyên văn trong kế hoạch / the document's full wording
#   owner    đơn vị chủ trì, một id [[owner]] (rõ trách nhiệm) / the one primary owner
#   support  đơn vị phối hợp / supporting owners
#   start, due  ngày bắt đầu, hạn hoàn thành / start, deadline of a one-off task
#   repeat   \"once\", \"monthly\", \"quarterly\", \"half-yearly\", \"yearly\", \"ongoing\"
#   due_day  việc định kỳ: hạn là ngày này của tháng cuối kỳ / recurring: due on this day of the period's last month
#   result   kết quả cần đạt (rõ kết quả) / expected result
#   added    ngày nhiệm vụ vào kế hoạch / the day the task entered the plan
#   [[task.ref]]  văn bản liên quan / documents the task cites
",
    );
    out.push_str(RULE);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
    tasks_on(out, draft, origin, threads);
}

/// Writes every task, on at most `threads` threads.
fn tasks_on(out: &mut String, draft: &Draft, origin: &Origin, threads: usize) {
    if threads < 2 || draft.tasks.len() < PARALLEL_MIN {
        for t in &draft.tasks {
            task(out, t, draft, origin);
        }
        return;
    }
    // A large draft, in chunks of tasks: this thread writes them from the front, straight
    // into `out`; the others take them from the back, each into a text of its own, joined
    // after this thread's (the same text as one thread writes). Where they meet depends on
    // how fast each goes, so no thread waits long for another.
    let size = draft.tasks.len().div_ceil(threads * CHUNKS_PER_THREAD);
    let chunks: Vec<&[DraftTask]> = draft.tasks.chunks(size).collect();
    // The next chunk from the front, and the end of those left from the back.
    let left = std::sync::Mutex::new((0, chunks.len()));
    let take = |front: bool| {
        let mut left = left.lock().ok()?;
        let (next, end) = &mut *left;
        (*next < *end).then(|| {
            if front {
                *next += 1;
                *next - 1
            } else {
                *end -= 1;
                *end
            }
        })
    };
    std::thread::scope(|s| {
        let others: Vec<_> = (1..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut written = Vec::new();
                    while let Some(i) = take(false) {
                        let mut o = String::with_capacity(out_size(chunks[i]));
                        for t in chunks[i] {
                            task(&mut o, t, draft, origin);
                        }
                        written.push((i, o));
                    }
                    written
                })
            })
            .collect();
        while let Some(i) = take(true) {
            for t in chunks[i] {
                task(out, t, draft, origin);
            }
        }
        let mut written: Vec<(usize, String)> = Vec::new();
        for h in others {
            written.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        written.sort_unstable_by_key(|&(i, _)| i);
        for (_, text) in written {
            out.push_str(&text);
        }
    });
}

/// How many chunks of tasks each thread writes, on average.
const CHUNKS_PER_THREAD: usize = 16;

/// Below this many tasks the draft is written on the calling thread.
const PARALLEL_MIN: usize = 2_000;

/// At most this many threads write tasks.
const MAX_THREADS: usize = 4;

/// The room a draft of `tasks` tasks is written into: more than it takes (a task is
/// 0.5–1.5 KB), so that it is never moved as it grows.
pub(crate) fn room_for(tasks: usize) -> usize {
    8 * 1024 + tasks * 1500
}

/// Fewer bytes than a task with this title and wording surely takes in the draft: its
/// position comment, header, id, section, title and wording lines hold more than 90 bytes
/// besides the title and the wording.
pub(crate) fn least_task_len(title: &str, detail: &str) -> usize {
    90 + title.len() + detail.len()
}

/// About how many bytes these tasks take as TOML (a guess to reserve; a task is 0.5–1.5 KB).
fn out_size(tasks: &[DraftTask]) -> usize {
    tasks.iter().map(|t| 700 + 2 * t.detail.len()).sum()
}

/// Writes one task.
fn task(out: &mut String, t: &DraftTask, draft: &Draft, origin: &Origin) {
    out.push('\n');
    out.push_str("# Văn bản / document: ");
    out.push_str(position(origin));
    out.push(' ');
    push_number(out, t.line);
    out.push('\n');
    out.push_str("[[task]]\n");
    notes(out, &t.notes, "id");
    quoted_line(out, "id", &t.id);
    quoted_line(out, "section", &t.section);
    quoted_line(out, "title", &t.title);
    out.push_str("detail = ");
    multiline_into(out, &t.detail);
    out.push('\n');
    notes(out, &t.notes, "owner");
    match &t.owner {
        Some(w) => quoted_line(out, "owner", w),
        None => {
            let _ = writeln!(out, "# {CHECK}: văn bản không nêu đơn vị chủ trì / the document names no owner.");
            if !draft.addressees.is_empty() {
                let ids = draft.addressees.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
                let _ = writeln!(out, "#   đoạn kết giao chung / the closing addresses: {ids}");
            }
            out.push_str("# owner = \"…\"\n");
        }
    }
    if !t.support.is_empty() {
        notes(out, &t.notes, "support");
        let list = t.support.iter().map(|s| basic(s)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(out, "support = [{list}]");
    }
    if let Some(s) = t.start {
        date_line(out, "start", s);
    }
    notes(out, &t.notes, "due");
    notes(out, &t.notes, "repeat");
    match (t.due, t.repeat) {
        (Some(dt), None) => date_line(out, "due", dt),
        (None, Some(r)) => {
            quoted_line(out, "repeat", r);
            if let Some(dd) = t.due_day {
                let _ = writeln!(out, "due_day = {dd}");
            }
        }
        (Some(dt), Some(r)) => {
            // Not produced by the parser; kept valid in case: a recurring task has no single due.
            let _ = writeln!(out, "repeat = {}", basic(r));
            let _ = writeln!(out, "# due = {}", date(dt));
        }
        (None, None) => {
            let _ = writeln!(
                out,
                "# {CHECK}: văn bản không ghi thời hạn; điền due (việc một lần) hoặc repeat (việc lặp lại)."
            );
            out.push_str("#   the document gives no deadline; fill in due (one-off) or repeat (recurring).\n");
            let _ = writeln!(out, "# due = {}-…", draft.meta.year);
        }
    }
    notes(out, &t.notes, "result");
    match &t.result {
        Some(r) => quoted_line(out, "result", r),
        None => {
            let _ = writeln!(out, "# {CHECK}: kết quả cần đạt chưa có / no expected result yet.");
            out.push_str("# result = \"…\"\n");
        }
    }
    if let Some(day) = origin.added {
        let _ = writeln!(out, "added = {}", date(day));
    }
    if let Some(ind) = &t.indicator {
        out.push('\n');
        notes(out, &t.notes, "indicator");
        out.push_str("[task.indicator]\n");
        quoted_line(out, "name", &ind.name);
        if let Some(u) = &ind.unit {
            quoted_line(out, "unit", u);
        }
        let _ = writeln!(out, "target = {}", par_core::text::toml_number(ind.target));
        if let Some(d) = ind.direction {
            quoted_line(out, "direction", d);
        }
    }
    for r in &t.refs {
        out.push('\n');
        document(out, "[[task.ref]]", r);
    }
}

/// Writes the notes for `key` as comment lines.
fn notes(out: &mut String, notes: &Notes, key: &str) {
    for n in note_for(notes, key) {
        comment(out, n);
    }
}

fn comment(out: &mut String, note: &Note) {
    // What `writeln!(out, "# {} / {}", …)` and `"# {CHECK}: {}"`, `"#   {}"` write, without
    // the formatting machinery (a few notes a task).
    if !note.check {
        out.push_str("# ");
        out.push_str(&comment_text(&note.vi));
        out.push_str(" / ");
        out.push_str(&comment_text(&note.en));
        out.push('\n');
        return;
    }
    out.push_str("# ");
    out.push_str(CHECK);
    out.push_str(": ");
    out.push_str(&comment_text(&note.vi));
    out.push_str("\n#   ");
    out.push_str(&comment_text(&note.en));
    out.push('\n');
}

/// `n` in decimal, as `write!(out, "{n}")` writes it.
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(d as char);
    }
}

/// `n` (below 10^width) with leading zeros to `width` digits, as `{n:0width$}` writes it.
fn push_padded(out: &mut String, n: u32, width: u32) {
    let mut p = 10u32.pow(width - 1);
    while p > 0 {
        out.push((b'0' + (n / p % 10) as u8) as char);
        p /= 10;
    }
}

/// `key = value  # comment`, or the comment above when the line would be long.
fn kv(out: &mut String, key: &str, value: &str, comment: &str) {
    let line = format!("{key} = {value}");
    let width = line.chars().count();
    if width + comment.chars().count() + 3 <= 118 {
        let pad = 51usize.saturating_sub(width).max(1);
        let _ = writeln!(out, "{line}{}# {}", " ".repeat(pad), comment_text(comment));
    } else {
        let _ = writeln!(out, "# {}", comment_text(comment));
        out.push_str(&line);
        out.push('\n');
    }
}

/// A key the document does not give, left commented out with why.
fn missing(out: &mut String, key: &str, example: &str, why: &str) {
    let _ = writeln!(out, "# {key} = {example}");
    let _ = writeln!(out, "#   {}", comment_text(why));
}

fn date(date: NaiveDate) -> String {
    // What `format("%Y-%m-%d")` writes for years 0–9999, without parsing the format each time.
    let (y, m, d) = (date.year(), date.month(), date.day());
    if (0..=9999).contains(&y) { format!("{y:04}-{m:02}-{d:02}") } else { date.format("%Y-%m-%d").to_string() }
}

/// Text safe inside a comment: one line, no control characters.
fn comment_text(text: &str) -> Cow<'_, str> {
    // Borrowed when the bytes show none of those characters: control characters are below
    // U+0020, U+007F and U+0080–U+009F (0xC2 0x80–0x9F); the direction marks begin 0xE2 0x80
    // or 0xE2 0x81 (so do other punctuation marks: they take the slow path).
    let b = text.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| match c {
        0..0x20 | 0x7f => false,
        0xc2 => !matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(b.get(i + 1), Some(0x80 | 0x81)),
        _ => true,
    });
    if plain {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if c.is_control() || is_bidi(c) { ' ' } else { c }).collect())
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `key = "value"` and a line break: what `writeln!(out, "{key} = {}", basic(value))` writes,
/// quoted straight into `out`.
fn quoted_line(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    quote_into(out, value);
    out.push('\n');
}

/// [`basic`] (`par_core::text::toml_quote`) written into `out`: the same escapes, no string
/// of its own.
fn quote_into(out: &mut String, text: &str) {
    out.push('"');
    // Runs of characters that need no escape are copied whole.
    let mut start = 0;
    // Only ASCII characters and the C1 controls (0xC2 0x80–0x9F) are escaped: other bytes
    // are passed over without decoding their characters.
    let b = text.as_bytes();
    for (i, &byte) in b.iter().enumerate() {
        let c = match byte {
            0..0x80 => byte as char,
            0xc2 if matches!(b.get(i + 1), Some(0x80..=0x9f)) => text[i..].chars().next().unwrap_or(' '),
            _ => continue,
        };
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04X}", c as u32);
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// `key = YYYY-MM-DD` and a line break, as `writeln!(out, "{key} = {}", date(d))` writes it.
fn date_line(out: &mut String, key: &str, d: NaiveDate) {
    out.push_str(key);
    out.push_str(" = ");
    let (y, m, day) = (d.year(), d.month(), d.day());
    if (0..=9999).contains(&y) {
        push_padded(out, y as u32, 4);
        out.push('-');
        push_padded(out, m, 2);
        out.push('-');
        push_padded(out, day, 2);
        out.push('\n');
    } else {
        let _ = writeln!(out, "{}", date(d));
    }
}

/// [`multiline`] written into `out`.
fn multiline_into(out: &mut String, text: &str) {
    if multiline_safe(text) {
        out.push_str("\'\'\'\n");
        out.push_str(text);
        out.push_str("\'\'\'");
    } else {
        quote_into(out, text);
    }
}

fn multiline_safe(text: &str) -> bool {
    // Control characters (`char::is_control`: U+0000–U+001F, U+007F–U+009F) from the bytes:
    // below 0x20, 0x7F, and 0xC2 followed by 0x80–0x9F.
    let b = text.as_bytes();
    let control = b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' | b'\t' => false,
        0..0x20 | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        _ => false,
    });
    !control && !text.contains("\'\'\'") && !text.ends_with('\'')
}

/// A multi-line literal string (`'''` + newline + text + `'''`) when the text allows it:
/// no `'''`, no control characters but newlines and tabs, no quote at the very end.
/// Otherwise a basic string with escapes, which holds any text.
pub fn multiline(text: &str) -> String {
    if multiline_safe(text) { format!("'''\n{text}'''") } else { basic(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct One {
        v: String,
    }

    fn roundtrip(text: &str, f: fn(&str) -> String) -> String {
        let t = format!("v = {}\n", f(text));
        toml::from_str::<One>(&t).unwrap_or_else(|e| panic!("{t}: {e}")).v
    }

    #[test]
    fn threads_write_what_one_thread_writes() {
        let mut md = String::from("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n");
        let wordings = [
            "Phòng Nội vụ chủ trì, phối hợp Văn phòng rà soát thủ tục; hoàn thành trước ngày 30/9/2025.",
            "Giao Công an phường hướng dẫn cài đặt ứng dụng hằng quý.",
            "Nâng tỷ lệ hồ sơ trực tuyến đạt tối thiểu 60% theo Kế hoạch số 12/KH-UBND ngày 5/1/2025.",
            "Cập nhật hồ sơ.",
        ];
        for i in 0..PARALLEL_MIN + 301 {
            md.push_str(&format!("{}. {} Việc {i}.\n\n", i % 9 + 1, wordings[i % wordings.len()]));
        }
        let draft = crate::parse::parse(&crate::text::from_text(&md, true), 2025).expect("parses");
        let origin = Origin { name: "kh.md", paragraphs: false, added: NaiveDate::from_ymd_opt(2025, 6, 15) };
        let written = |threads: usize| {
            let mut out = String::new();
            tasks_on(&mut out, &draft, &origin, threads);
            out
        };
        let one = written(1);
        assert_eq!(one.matches("[[task]]").count(), PARALLEL_MIN + 301);
        for threads in [2, 3, 4] {
            assert!(written(threads) == one, "{threads} threads write another text");
        }
    }

    #[test]
    fn strings_survive_toml() {
        for s in [
            "plain",
            "quote \" and \\ back",
            "line\nbreak",
            "it's",
            "ends with '",
            "three ''' quotes",
            "two '' quotes",
            "tab\there",
            "bell\u{7}",
            "del\u{7f}",
            "cr\r\nlf",
            "unicode Ủy ban “nhân dân”",
            "",
        ] {
            assert_eq!(roundtrip(s, basic), s, "basic {s:?}");
            assert_eq!(roundtrip(s, multiline), s, "multiline {s:?}");
        }
        for s in
            ["plain", "quote \" and \\ back", "cr\r\nlf\ttab", "bell\u{7} del\u{7f} c1\u{85}", "Ủy “ban”", "", "a'''b"]
        {
            let mut quoted = String::new();
            quote_into(&mut quoted, s);
            assert_eq!(quoted, basic(s), "{s:?}");
            let mut m = String::new();
            multiline_into(&mut m, s);
            assert_eq!(m, multiline(s), "{s:?}");
        }
        assert!(multiline("a\nb").starts_with("'''"));
        assert!(multiline("a'''b").starts_with('"'));
    }

    #[test]
    fn writes_from_bytes_as_from_characters() {
        for text in [
            "",
            "Việc một",
            "a\"b\\c\nd\re\tf",
            "\u{0}\u{1f}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{c2}é",
            "x\u{2028}y\u{202e}z\u{feff}",
            "'''",
            "a'",
            "tab\tand\nline",
        ] {
            let mut out = String::new();
            quote_into(&mut out, text);
            assert_eq!(out, basic(text), "{text:?}");
            let by_chars = !text.contains("'''")
                && !text.ends_with('\'')
                && !text.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}');
            assert_eq!(multiline_safe(text), by_chars, "{text:?}");
        }
        for n in [0usize, 7, 10, 99, 12345, usize::MAX] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        for (y, m, d) in [(2025, 1, 5), (999, 12, 31), (9999, 10, 1), (0, 2, 29)] {
            let Some(day) = NaiveDate::from_ymd_opt(y, m, d) else { continue };
            let mut out = String::new();
            date_line(&mut out, "due", day);
            assert_eq!(out, format!("due = {}\n", date(day)));
        }
        let note = Note { vi: "việc\u{85}".into(), en: "task".into(), check: true };
        let mut out = String::new();
        comment(&mut out, &note);
        assert_eq!(out, format!("# {CHECK}: {}\n#   {}\n", comment_text(&note.vi), comment_text(&note.en)));
        let note = Note { check: false, ..note };
        out.clear();
        comment(&mut out, &note);
        assert_eq!(out, format!("# {} / {}\n", comment_text(&note.vi), comment_text(&note.en)));
    }
}
