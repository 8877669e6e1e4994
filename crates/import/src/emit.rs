//! Writing a [`Draft`] as a commented plan.toml, in the format `par` loads and
//! in the style of the bundled plan.toml: bilingual comments, one table per
//! basis, owner, section and task, and a "KIỂM TRA / CHECK" comment wherever
//! the reading was a guess or found nothing.

use par_core::text::toml_quote as basic;
use std::borrow::Cow;
use std::fmt::Write;

use chrono::NaiveDate;

use super::parse::{Draft, DraftDoc, Note, Notes, note_for};

/// Where the draft came from, for the header and the per-task source comments.
pub struct Origin<'a> {
    /// The document's file name as the user gave it.
    pub name: &'a str,
    /// Whether positions are paragraphs (.docx) rather than lines (text).
    pub paragraphs: bool,
}

const RULE: &str = "# ---------------------------------------------------------------------------\n";
const CHECK: &str = "KIỂM TRA / CHECK";

/// The draft as TOML text.
pub fn emit(d: &Draft, origin: &Origin) -> String {
    let mut o = String::with_capacity(8 * 1024 + d.tasks.len() * 1500);
    header(&mut o, d, origin);
    unread(&mut o, d, origin);
    cut(&mut o, d, origin);
    meta(&mut o, d);
    settings(&mut o);
    bases(&mut o, d);
    owners(&mut o, d);
    sections(&mut o, d);
    tasks(&mut o, d, origin);
    o
}

fn header(o: &mut String, d: &Draft, origin: &Origin) {
    let bar = "# ============================================================================\n";
    o.push_str(bar);
    let title = if d.meta.title.is_empty() { "Kế hoạch".to_string() } else { d.meta.title.to_uppercase() };
    let _ = writeln!(o, "# {}", comment_text(&title));
    if let Some(u) = &d.meta.unit {
        let _ = writeln!(o, "# {} — tệp kế hoạch dùng với `par`.", comment_text(u));
    }
    let _ = writeln!(o, "#");
    let name = comment_text(origin.name);
    let _ = writeln!(o, "# BẢN NHÁP do `par import` đọc từ \"{name}\". Các dòng \"# {CHECK}\" đánh dấu");
    o.push_str("# chỗ par đoán hoặc văn bản không ghi: hãy đối chiếu với văn bản gốc và sửa.\n");
    let _ = writeln!(o, "# DRAFT read by `par import` from \"{name}\". Lines \"# {CHECK}\" mark");
    o.push_str("# guesses and what the document does not say: check them against it and edit.\n");
    o.push_str(
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
    o.push_str(bar);
}

fn unread(o: &mut String, d: &Draft, origin: &Origin) {
    if d.unread.is_empty() {
        return;
    }
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Phần đầu, cuối văn bản par chưa đọc được (chép lại để đối chiếu):\n");
    o.push_str("# Head and tail text par did not read (copied here to check):\n");
    for (line, text) in &d.unread {
        let _ = writeln!(o, "#   {} {line}: {}", position(origin), comment_text(&par_core::text::truncate(text, 160)));
    }
    o.push_str(RULE);
}

/// The paragraphs cut for their length, each a line to check.
fn cut(o: &mut String, d: &Draft, origin: &Origin) {
    if d.cut.is_empty() {
        return;
    }
    o.push('\n');
    o.push_str(RULE);
    let max = super::text::MAX_PARAGRAPH;
    for (line, chars) in &d.cut {
        let at = position(origin);
        let _ = writeln!(o, "# {CHECK}: {at} {line} dài {chars} ký tự; par chỉ đọc {max} ký tự đầu, phần sau bị bỏ.");
        let _ = writeln!(o, "#   {at} {line} has {chars} characters; par read the first {max} and left the rest out.");
    }
    o.push_str(
        "# Văn bản kế hoạch không có đoạn dài như vậy: kiểm tra tệp gốc (tệp hỏng, dữ liệu dán vào).
",
    );
    o.push_str(
        "# No plan has paragraphs that long: check the document (a damaged file, pasted data).
",
    );
    o.push_str(RULE);
}

fn position(origin: &Origin) -> &'static str {
    if origin.paragraphs { "đoạn / paragraph" } else { "dòng / line" }
}

fn meta(o: &mut String, d: &Draft) {
    let m = &d.meta;
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Thông tin văn bản / Document metadata\n");
    o.push_str(RULE);
    o.push_str("[plan]\n");
    notes(o, &m.notes, "unit");
    match &m.unit {
        Some(u) => kv(o, "unit", &basic(u), "đơn vị ban hành / issuing unit"),
        None => kv(o, "unit", &basic("ĐIỀN TÊN ĐƠN VỊ / FILL IN THE UNIT"), "đơn vị ban hành / issuing unit"),
    }
    notes(o, &m.notes, "unit_short");
    match &m.unit_short {
        Some(s) => kv(o, "unit_short", &basic(s), "viết tắt trong số ký hiệu / abbreviation in document numbers"),
        None => missing(o, "unit_short", "\"…\"", "văn bản không cho biết / not in the document"),
    }
    notes(o, &m.notes, "superior");
    match &m.superior {
        Some(s) => kv(o, "superior", &basic(s), "cơ quan cấp trên / superior body"),
        None => missing(o, "superior", "\"…\"", "cơ quan cấp trên: văn bản không ghi / superior body: not given"),
    }
    match &m.kind {
        Some(k) => kv(o, "kind", &basic(k), "loại văn bản / document kind"),
        None => missing(o, "kind", "\"Kế hoạch\"", "loại văn bản: không đọc được / document kind: not read"),
    }
    match &m.number {
        Some(n) => kv(o, "number", &basic(n), "số ký hiệu / number and symbol"),
        None => missing(o, "number", "\"…/KH-…\"", "số ký hiệu: văn bản không ghi / not given in the document"),
    }
    match m.date {
        Some(dt) => kv(o, "date", &date(dt), "ngày ban hành / date of issue"),
        None => missing(o, "date", "2025-…", "ngày ban hành: văn bản không ghi / not given in the document"),
    }
    notes(o, &m.notes, "title");
    let title =
        if m.title.is_empty() { m.kind.clone().unwrap_or_else(|| "Kế hoạch".into()) } else { m.title.clone() };
    let _ = writeln!(o, "title = {}", basic(&title));
    notes(o, &m.notes, "year");
    kv(o, "year", &m.year.to_string(), "năm kế hoạch / plan year");
    notes(o, &m.notes, "start");
    match m.date.or(m.start) {
        Some(dt) => {
            if m.date.is_some() {
                o.push_str("# Giả định: kế hoạch có hiệu lực từ ngày ban hành; việc định kỳ tính từ đó.\n");
                o.push_str("# Assumption: the plan runs from its date of issue; recurring duties count from it.\n");
            }
            let _ = writeln!(o, "start = {}", date(dt));
        }
        None => missing(
            o,
            "start",
            &format!("{}-01-01", m.year),
            "ngày kế hoạch bắt đầu (mặc định: đầu năm) / when the plan starts (default: the year's start)",
        ),
    }
    match &m.place {
        Some(p) => kv(o, "place", &basic(p), "địa danh ở dòng ngày tháng / place in the date line"),
        None => missing(o, "place", "\"…\"", "địa danh ở dòng ngày tháng / place in the date line"),
    }
    kv(o, "lang", "\"vi\"", "ngôn ngữ mặc định: \"vi\" hoặc \"en\" / default output language");
    notes(o, &m.notes, "signer");
    match &m.signer {
        Some(s) => {
            let mut parts = vec![format!("name = {}", basic(&s.name))];
            if let Some(p) = &s.position {
                parts.push(format!("position = {}", basic(p)));
            }
            if let Some(a) = &s.authority {
                parts.push(format!("authority = {}", basic(a)));
            }
            if s.position.is_none() {
                let _ = writeln!(
                    o,
                    "# {CHECK}: văn bản chỉ ghi tên người ký; thêm chức vụ, ví dụ position = \"Hiệu trưởng\""
                );
                o.push_str("#   the document gives only the signer's name; add the position.\n");
            }
            let _ = writeln!(o, "signer = {{ {} }}", parts.join(", "));
        }
        None => {
            missing(o, "signer", "{ name = \"…\", position = \"…\" }", "người ký: không đọc được / signer: not read")
        }
    }
    if m.recipients.is_empty() {
        o.push_str("# Nơi nhận: văn bản không ghi / Recipients: not given.\n");
        o.push_str("recipients = []\n");
    } else {
        o.push_str("# Nơi nhận / recipients, in the document's order.\n");
        o.push_str("recipients = [\n");
        for r in &m.recipients {
            let _ = writeln!(o, "    {},", basic(r));
        }
        o.push_str("]\n");
    }
}

fn settings(o: &mut String) {
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Cài đặt / Settings\n");
    o.push_str(RULE);
    o.push_str("[settings]\n");
    o.push_str(
        "due_soon_days = 3      # \"sắp đến hạn\": còn từ 3 ngày trở xuống / \"due soon\": 3 days or fewer left\n",
    );
    o.push_str(
        "within_days = 14       # `par status` liệt kê việc đến hạn trong 14 ngày / lists items due within 14 days\n",
    );
}

fn bases(o: &mut String, d: &Draft) {
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Căn cứ / Legal bases (\"Thực hiện …\", \"Căn cứ …\"), in the document's order.\n");
    o.push_str("# kind: loại văn bản; number: số ký hiệu; date: ngày; issuer: cơ quan ban hành; subject: trích yếu\n");
    o.push_str(RULE);
    if d.bases.is_empty() {
        o.push_str("# Văn bản không có dòng \"Thực hiện …\"/\"Căn cứ …\" nào par đọc được.\n");
        o.push_str("# The document has no \"Thực hiện …\"/\"Căn cứ …\" line par could read.\n");
    }
    for (i, b) in d.bases.iter().enumerate() {
        if i > 0 {
            o.push('\n');
        }
        document(o, "[[basis]]", b);
    }
}

fn document(o: &mut String, header: &str, b: &DraftDoc) {
    o.push_str(header);
    o.push('\n');
    let _ = writeln!(o, "kind = {}", basic(&b.kind));
    notes(o, &b.notes, "number");
    if let Some(n) = &b.number {
        let _ = writeln!(o, "number = {}", basic(n));
    }
    notes(o, &b.notes, "date");
    if let Some(dt) = b.date {
        let _ = writeln!(o, "date = {}", date(dt));
    }
    notes(o, &b.notes, "issuer");
    if let Some(i) = &b.issuer {
        let _ = writeln!(o, "issuer = {}", basic(i));
    }
    if let Some(s) = &b.subject {
        let _ = writeln!(o, "subject = {}", basic(s));
    }
}

fn owners(o: &mut String, d: &Draft) {
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Người, bộ phận chủ trì / Owners — defined once, referenced by id in tasks.\n");
    if d.owners.is_empty() {
        o.push_str("# Văn bản không nêu người, bộ phận chủ trì. Thêm mỗi người/bộ phận một bảng, ví dụ:\n");
        o.push_str("# The document names no owners. Add one table for each, e.g.:\n");
        o.push_str("#\n# [[owner]]\n# id = \"ht\"\n# name = \"Hiệu trưởng\"\n# name_en = \"Principal\"\n");
        o.push_str(RULE);
        return;
    }
    o.push_str("# par đặt id ngắn từ chữ đầu của tên; đổi tùy ý (đổi cả ở các nhiệm vụ).\n");
    o.push_str("# par made short ids from the names' initials; rename at will (in the tasks too).\n");
    o.push_str(RULE);
    for (i, w) in d.owners.iter().enumerate() {
        if i > 0 {
            o.push('\n');
        }
        let tasks: Vec<&str> = w.seen.iter().map(String::as_str).collect();
        let addressed = d.addressees.contains(&w.id);
        o.push_str("[[owner]]\n");
        let _ = writeln!(o, "id = {}", basic(&w.id));
        let _ = writeln!(o, "name = {}", basic(&w.name));
        o.push_str("# name_en = \"…\"\n");
        if addressed {
            o.push_str("# Đoạn kết giao chung cho cả kế hoạch; gán cho nhiệm vụ nào thì ghi owner/support ở đó.\n");
            o.push_str("# The closing paragraph addresses it for the whole plan; assign it in tasks as fits.\n");
        } else {
            let _ = writeln!(o, "# Văn bản nêu ở nhiệm vụ / named in tasks: {}", comment_text(&tasks.join(", ")));
        }
    }
}

fn sections(o: &mut String, d: &Draft) {
    o.push('\n');
    o.push_str(RULE);
    o.push_str("# Các phần của kế hoạch / Sections of the plan\n");
    o.push_str(RULE);
    for (i, s) in d.sections.iter().enumerate() {
        if i > 0 {
            o.push('\n');
        }
        o.push_str("[[section]]\n");
        notes(o, &s.notes, "id");
        let _ = writeln!(o, "id = {}", basic(&s.id));
        notes(o, &s.notes, "title");
        let _ = writeln!(o, "title = {}", basic(&s.title));
        match &s.title_en {
            Some(en) => {
                let _ = writeln!(o, "title_en = {}", basic(en));
            }
            None => o.push_str("# title_en = \"…\"\n"),
        }
        if !s.points.is_empty() {
            o.push_str("points = [\n");
            for p in &s.points {
                let _ = writeln!(o, "    {},", basic(p));
            }
            o.push_str("]\n");
        }
    }
}

fn tasks(o: &mut String, d: &Draft, origin: &Origin) {
    o.push('\n');
    o.push_str(RULE);
    o.push_str(
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
#   [[task.ref]]  văn bản liên quan / documents the task cites
",
    );
    o.push_str(RULE);
    let addressees: Vec<&str> = d.addressees.iter().map(String::as_str).collect();
    for t in &d.tasks {
        o.push('\n');
        let _ = writeln!(o, "# Văn bản / document: {} {}", position(origin), t.line);
        o.push_str("[[task]]\n");
        notes(o, &t.notes, "id");
        let _ = writeln!(o, "id = {}", basic(&t.id));
        let _ = writeln!(o, "section = {}", basic(&t.section));
        let _ = writeln!(o, "title = {}", basic(&t.title));
        let _ = writeln!(o, "detail = {}", multiline(&t.detail));
        notes(o, &t.notes, "owner");
        match &t.owner {
            Some(w) => {
                let _ = writeln!(o, "owner = {}", basic(w));
            }
            None => {
                let _ = writeln!(o, "# {CHECK}: văn bản không nêu đơn vị chủ trì / the document names no owner.");
                if !addressees.is_empty() {
                    let ids = addressees.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
                    let _ = writeln!(o, "#   đoạn kết giao chung / the closing addresses: {ids}");
                }
                o.push_str("# owner = \"…\"\n");
            }
        }
        if !t.support.is_empty() {
            let list = t.support.iter().map(|s| basic(s)).collect::<Vec<_>>().join(", ");
            let _ = writeln!(o, "support = [{list}]");
        }
        if let Some(s) = t.start {
            let _ = writeln!(o, "start = {}", date(s));
        }
        notes(o, &t.notes, "due");
        notes(o, &t.notes, "repeat");
        match (t.due, t.repeat) {
            (Some(dt), None) => {
                let _ = writeln!(o, "due = {}", date(dt));
            }
            (None, Some(r)) => {
                let _ = writeln!(o, "repeat = {}", basic(r));
                if let Some(dd) = t.due_day {
                    let _ = writeln!(o, "due_day = {dd}");
                }
            }
            (Some(dt), Some(r)) => {
                // Not produced by the parser; kept valid in case: a recurring task has no single due.
                let _ = writeln!(o, "repeat = {}", basic(r));
                let _ = writeln!(o, "# due = {}", date(dt));
            }
            (None, None) => {
                let _ = writeln!(
                    o,
                    "# {CHECK}: văn bản không ghi thời hạn; điền due (việc một lần) hoặc repeat (việc lặp lại)."
                );
                o.push_str("#   the document gives no deadline; fill in due (one-off) or repeat (recurring).\n");
                let _ = writeln!(o, "# due = {}-…", d.meta.year);
            }
        }
        notes(o, &t.notes, "result");
        match &t.result {
            Some(r) => {
                let _ = writeln!(o, "result = {}", basic(r));
            }
            None => {
                let _ = writeln!(o, "# {CHECK}: kết quả cần đạt chưa có / no expected result yet.");
                o.push_str("# result = \"…\"\n");
            }
        }
        for r in &t.refs {
            o.push('\n');
            document(o, "[[task.ref]]", r);
        }
    }
}

/// Writes the notes for `key` as comment lines.
fn notes(o: &mut String, notes: &Notes, key: &str) {
    for n in note_for(notes, key) {
        comment(o, n);
    }
}

fn comment(o: &mut String, n: &Note) {
    if !n.check {
        let _ = writeln!(o, "# {} / {}", comment_text(&n.vi), comment_text(&n.en));
        return;
    }
    let _ = writeln!(o, "# {CHECK}: {}", comment_text(&n.vi));
    let _ = writeln!(o, "#   {}", comment_text(&n.en));
}

/// `key = value  # comment`, or the comment above when the line would be long.
fn kv(o: &mut String, key: &str, value: &str, comment: &str) {
    let line = format!("{key} = {value}");
    let width = line.chars().count();
    if width + comment.chars().count() + 3 <= 118 {
        let pad = 51usize.saturating_sub(width).max(1);
        let _ = writeln!(o, "{line}{}# {}", " ".repeat(pad), comment_text(comment));
    } else {
        let _ = writeln!(o, "# {}", comment_text(comment));
        o.push_str(&line);
        o.push('\n');
    }
}

/// A key the document does not give, left commented out with why.
fn missing(o: &mut String, key: &str, example: &str, why: &str) {
    let _ = writeln!(o, "# {key} = {example}");
    let _ = writeln!(o, "#   {}", comment_text(why));
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Text safe inside a comment: one line, no control characters.
fn comment_text(s: &str) -> Cow<'_, str> {
    // Borrowed when the bytes show none of those characters: control characters are below
    // U+0020, U+007F and U+0080–U+009F (0xC2 0x80–0x9F); the direction marks begin 0xE2 0x80
    // or 0xE2 0x81 (so do other punctuation marks: they take the slow path).
    let b = s.as_bytes();
    let plain = b.iter().enumerate().all(|(i, &c)| match c {
        0..0x20 | 0x7f => false,
        0xc2 => !matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xe2 => !matches!(b.get(i + 1), Some(0x80 | 0x81)),
        _ => true,
    });
    if plain {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if c.is_control() || is_bidi(c) { ' ' } else { c }).collect())
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A multi-line literal string (`'''` + newline + text + `'''`) when the text allows it:
/// no `'''`, no control characters but newlines and tabs, no quote at the very end.
/// Otherwise a basic string with escapes, which holds any text.
pub fn multiline(s: &str) -> String {
    let safe = !s.contains("'''")
        && !s.ends_with('\'')
        && !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}');
    if safe { format!("'''\n{s}'''") } else { basic(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct One {
        v: String,
    }

    fn roundtrip(s: &str, f: fn(&str) -> String) -> String {
        let t = format!("v = {}\n", f(s));
        toml::from_str::<One>(&t).unwrap_or_else(|e| panic!("{t}: {e}")).v
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
        assert!(multiline("a\nb").starts_with("'''"));
        assert!(multiline("a'''b").starts_with('"'));
    }
}
