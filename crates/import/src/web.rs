//! Text pasted from a legal-document website, put back in shape before it is read.
//!
//! Those sites lay a document's heading out as a two-column table; copied as text, each
//! visual row becomes one line, the columns separated by "|" or a tab:
//!
//! ```text
//! ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
//! PHƯỜNG BẾN NGHÉ | Độc lập - Tự do - Hạnh phúc |
//! ```
//!
//! and the body's sentences come hard-wrapped in the middle of a clause. [`normalise`]
//! recognises such text by its heading (a line holding the national name or motto beside
//! another column) and then splits two-column lines into their columns (left column, then
//! right, as the .docx reader reads a layout table), drops the rules drawn with dashes,
//! turns tab-separated rows of three cells or more into table rows, and joins a line
//! that ends without a sentence's punctuation to the line continuing its clause. Any
//! other text comes back as it was, borrowed: a plain .txt or .md reads as before.

use std::borrow::Cow;

use super::scan::{fold, is_upper, label};

/// How many non-blank lines from the top may hold the flattened heading.
const HEADING_LINES: usize = 30;

/// `text` as the text reader should see it: unchanged unless it is pasted web text.
pub fn normalise(text: &str) -> Cow<'_, str> {
    if !is_pasted(text) {
        return Cow::Borrowed(text);
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut group: Vec<(String, String)> = Vec::new();
    for raw in text.lines() {
        let raw = raw.trim_end_matches('\r');
        if let Some(pair) = two_columns(raw) {
            group.push(pair);
            continue;
        }
        flush_columns(&mut group, &mut lines);
        if is_rule(raw) {
            continue;
        }
        match cells(raw) {
            Some(cells) if cells.len() >= 3 && cells.iter().filter(|c| !c.is_empty()).count() >= 2 => {
                lines.push(Line { text: format!("| {} |", cells.join(" | ")), fixed: true });
            }
            _ => lines.push(Line { text: raw.trim().to_string(), fixed: false }),
        }
    }
    flush_columns(&mut group, &mut lines);
    let mut out = String::with_capacity(text.len() + 64);
    let mut prev: Option<&Line> = None;
    for line in &lines {
        match prev {
            Some(p) if !out.is_empty() && joins(p, line) => out.push(' '),
            Some(_) => out.push('\n'),
            None => {}
        }
        out.push_str(&line.text);
        prev = Some(line);
    }
    out.push('\n');
    Cow::Owned(out)
}

/// A line of the normalised text; `fixed`: a column's line or a table row, never joined.
struct Line {
    text: String,
    fixed: bool,
}

/// Whether the text's heading is a flattened two-column table: a line near the top with
/// the national name or motto beside another column.
fn is_pasted(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).take(HEADING_LINES).any(|l| {
        two_columns(l).is_some_and(|(left, right)| {
            let f = fold(&format!("{left} {right}"));
            f.contains("cong hoa xa hoi chu nghia viet nam") || f.contains("doc lap - tu do - hanh phuc")
        })
    })
}

/// The cells of a line split at tabs, or at "|" when it does not begin with one (a
/// Markdown table row does, and the text reader reads it), trimmed: `None` for a line
/// with neither. Empty cells keep their place ("- Lưu: VT.\t" is a left column's line);
/// the empty cell after a row's closing "|" is not one.
fn cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim_end_matches([' ', '\r']);
    let sep = if t.contains('\t') {
        '\t'
    } else if t.contains('|') && !t.trim_start().starts_with('|') {
        '|'
    } else {
        return None;
    };
    let mut parts: Vec<&str> = t.split(sep).map(str::trim).collect();
    if sep == '|' && parts.last() == Some(&"") {
        parts.pop();
    }
    Some(parts)
}

/// A line of two columns: its left and right text, either maybe empty ("-------\tCỘNG HÒA …"
/// is the right column's line under the left column's rule).
fn two_columns(line: &str) -> Option<(String, String)> {
    let parts = cells(line)?;
    (parts.len() == 2 && parts.iter().any(|p| !p.is_empty())).then(|| (parts[0].to_string(), parts[1].to_string()))
}

/// Adds a run of two-column lines: the left column's lines, then the right column's.
fn flush_columns(group: &mut Vec<(String, String)>, lines: &mut Vec<Line>) {
    let (left, right): (Vec<String>, Vec<String>) = group.drain(..).unzip();
    for text in left.into_iter().chain(right) {
        if !text.is_empty() && !is_rule(&text) {
            lines.push(Line { text, fixed: true });
        }
    }
}

/// A rule drawn with dashes, underscores or equal signs (under the heading's names).
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '*' | '–' | '—' | ' '))
}

/// Words after which a clause goes on: a line ending with one was wrapped.
const CONNECTORS: &[&str] = &[
    "cua", "va", "ve", "tai", "theo", "voi", "cho", "so", "ngay", "cac", "nhung", "tren", "trong", "doi", "den", "tu",
    "de", "la", "duoc", "thuoc", "nham", "bang", "hoac", "phoi", "hop", "chu", "tri",
];

/// Whether `next` continues the sentence `prev` left open (a hard wrap).
fn joins(prev: &Line, next: &Line) -> bool {
    let (p, n) = (prev.text.as_str(), next.text.as_str());
    if prev.fixed || next.fixed || p.is_empty() || n.is_empty() {
        return false;
    }
    if p.ends_with(['.', ';', ':', '!', '?']) || is_upper(p) || is_upper(n) || label(n).is_some() {
        return false;
    }
    if n.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || p.ends_with(',') {
        return true;
    }
    let last = p.rsplit(' ').next().map(fold).unwrap_or_default();
    CONNECTORS.contains(&last.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_text_is_borrowed_unchanged() {
        for text in [
            "ỦY BAN NHÂN DÂN QUẬN 1\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nViệc\nđang làm\n",
            "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n",
            "1\tViệc\tPhòng\n",
            "Số: 35/KH-UBND\tQuận 1, ngày 02 tháng 7 năm 2025\n",
        ] {
            assert!(matches!(normalise(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn pipe_heading_is_split_into_columns() {
        let text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nPHƯỜNG BẾN NGHÉ | Độc lập - Tự do - Hạnh phúc |\nSố: 35/KH-UBND | Phường Bến Nghé, ngày 05 tháng 6 năm 2025 |\nKẾ HOẠCH\n";
        assert_eq!(
            normalise(text),
            "ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN NGHÉ\nSố: 35/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhường Bến Nghé, ngày 05 tháng 6 năm 2025\nKẾ HOẠCH\n"
        );
    }

    #[test]
    fn tab_heading_with_rules_is_split() {
        let text = "ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN NGHÉ\n-------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 35/KH-UBND\tPhường Bến Nghé, ngày 05 tháng 6 năm 2025\n";
        assert_eq!(
            normalise(text),
            "ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN NGHÉ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 35/KH-UBND\nPhường Bến Nghé, ngày 05 tháng 6 năm 2025\n"
        );
    }

    #[test]
    fn a_signature_row_with_one_side_empty_keeps_its_column() {
        let text = "UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND Quận 1;\tCHỦ TỊCH\n- Các bộ phận;\t\n- Lưu: VT.\tNguyễn Văn An\n";
        assert_eq!(
            normalise(text),
            "UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\nNơi nhận:\n- UBND Quận 1;\n- Các bộ phận;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
        );
    }

    #[test]
    fn hard_wraps_are_joined() {
        let head = "UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";
        let text = format!(
            "{head}Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/3/2025 của\nỦy ban nhân dân Quận 1 về công bố Chỉ số\ncải cách hành chính;\nThực hiện Kế hoạch số 137/KH-UBND;\na) Phòng Nội vụ chủ trì rà soát,\ncập nhật thủ tục.\nII. NHIỆM VỤ\nSTT\tNội dung\tChủ trì\n"
        );
        assert_eq!(
            normalise(&text),
            "UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCăn cứ Quyết định số 1234/QĐ-UBND ngày 20/3/2025 của Ủy ban nhân dân Quận 1 về công bố Chỉ số cải cách hành chính;\nThực hiện Kế hoạch số 137/KH-UBND;\na) Phòng Nội vụ chủ trì rà soát, cập nhật thủ tục.\nII. NHIỆM VỤ\n| STT | Nội dung | Chủ trì |\n"
        );
    }
}
