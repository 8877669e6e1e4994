//! The periodic report as plain text, laid out at a fixed width (never the terminal's,
//! so the same plan and day always give the same bytes).

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::outline::{self, Words};
use super::{self as words, TableText};
use crate::compute::report::Report;
use crate::plan::NoteKind;
use crate::render::grid::Col;

/// The width of the page in characters.
pub const WIDTH: usize = 100;

thread_local! {
    /// The width this thread's report is being laid out at ([`render_at`]), so the
    /// helpers below need no extra argument.
    static PAGE: std::cell::Cell<usize> = const { std::cell::Cell::new(WIDTH) };
}

/// The width of the page being laid out.
fn page() -> usize {
    PAGE.with(std::cell::Cell::get)
}

/// Terminal columns (unicode-width): a Vietnamese letter with its marks is one.
fn width_of(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Wraps one-line text at word boundaries to at most `width` characters a line
/// (a longer word stands alone on its line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && width_of(&line) + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn center(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(width_of(text)) / 2;
    format!("{}{text}", " ".repeat(pad))
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(width_of(text))))
}

/// Two blocks side by side, each line centred in its column; trailing spaces trimmed.
fn columns(out: &mut String, left: &[String], right: &[String], lw: usize, rw: usize) {
    let wrap_all = |lines: &[String], w: usize| -> Vec<String> {
        lines.iter().flat_map(|l| if l.is_empty() { vec![String::new()] } else { wrap(l, w) }).collect()
    };
    let (left, right) = (wrap_all(left, lw), wrap_all(right, rw));
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or_else(String::new, |s| center(s, lw));
        let r = right.get(i).map_or_else(String::new, |s| center(s, rw));
        out.push_str(format!("{}{r}", pad(&l, lw)).trim_end());
        out.push('\n');
    }
}

fn para(out: &mut String, text: &str) {
    for line in wrap(&crate::text::one_line(text), page()) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
}

/// The officer's paragraphs; a placeholder stands in brackets as it is.
fn paragraphs(out: &mut String, words: &[Words]) {
    for w in words {
        match w {
            Words::Text(t) | Words::Placeholder(t) => para(out, t),
        }
    }
}

fn heading(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
    out.push_str(&"─".repeat(width_of(text).min(page())));
    out.push_str("\n\n");
}

fn list(out: &mut String, lines: &[String]) {
    for l in lines {
        for (i, line) in wrap(&crate::text::one_line(l), page() - 4).into_iter().enumerate() {
            out.push_str(if i == 0 { "  - " } else { "    " });
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push('\n');
}

fn table(out: &mut String, table: &TableText) {
    let mut tb = Table::new();
    tb.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(page() as u16)
        .force_no_tty();
    tb.set_header(table.header.iter().map(|h| crate::text::one_line(h)));
    for r in &table.rows {
        tb.add_row(r.iter().map(|c| crate::text::one_line(c)));
    }
    if page() < WIDTH {
        // A terminal narrower than the page: dates, figures and ids (one short word in
        // every cell) stay whole, the other columns wrap in the room left, shared as
        // the page shares it.
        let cols: Vec<Col> = (0..table.header.len())
            .map(|i| {
                let short = |c: &String| !c.trim().contains(char::is_whitespace) && width_of(c) <= 12;
                if table.rows.iter().filter_map(|r| r.get(i)).all(short) {
                    Col::Fixed
                } else {
                    Col::Flex(table.widths.get(i).copied().unwrap_or(1))
                }
            })
            .collect();
        crate::render::grid::fit(&mut tb, &cols, page() as u16);
    } else {
        let total: u16 = table.widths.iter().sum::<u16>().max(1);
        tb.set_constraints(table.widths.iter().map(|w| ColumnConstraint::Absolute(Width::Percentage(w * 100 / total))));
    }
    for (i, &centred) in table.centred.iter().enumerate() {
        if let (true, Some(col)) = (centred, tb.column_mut(i)) {
            col.set_cell_alignment(comfy_table::CellAlignment::Center);
        }
    }
    out.push_str(&tb.to_string());
    out.push_str("\n\n");
}

/// The report laid out at [`WIDTH`] characters: the same plan and day always give the
/// same bytes (a file, a pipe).
pub fn render(report: &Report) -> String {
    render_at(report, WIDTH)
}

/// The report laid out at `width` characters (at least 60): on a terminal narrower than
/// the page, so that no line wraps.
pub fn render_at(report: &Report, width: usize) -> String {
    let before = PAGE.with(|p| p.replace(width.max(60)));
    let out = layout(report);
    PAGE.with(|p| p.set(before));
    out
}

fn layout(report: &Report) -> String {
    let l = report.lang;
    let clean = |s: &str| crate::text::one_line(s);
    let mut out = String::new();

    let (lw, rw) = (page() * 2 / 5, page() * 3 / 5);
    let mut left: Vec<String> = words::superior_line(report).into_iter().map(|s| clean(&s)).collect();
    left.extend(outline::unit_lines(report).iter().map(|s| clean(s)));
    left.push("────────".into());
    left.push(clean(&words::number_line(report)));
    let mut right = vec![words::national_name(l).to_string(), words::motto(l).to_string()];
    right.push("─".repeat(width_of(words::motto(l))));
    right.push(clean(&report.header.date_line));
    if left.len() < right.len() {
        // Line the number up with the date line, as Decree 30 places them.
        left.insert(0, String::new());
    }
    columns(&mut out, &left, &right, lw, rw);
    out.push('\n');

    out.push_str(&center(words::kind(l), page()));
    out.push('\n');
    for line in wrap(&clean(&report.subject), page() - 10) {
        out.push_str(&center(&line, page()));
        out.push('\n');
    }
    out.push('\n');
    if let Some(to) = words::to_line(report) {
        out.push_str(&center(&clean(&to), page()));
        out.push_str("\n\n");
    }
    for p in words::preamble(report) {
        para(&mut out, &p);
    }
    para(&mut out, &words::window_sentence(report));

    heading(&mut out, words::heading_results(l));
    out.push_str(words::heading_figures(l));
    out.push_str("\n\n");
    table(&mut out, &words::figures_table(report));
    para(&mut out, words::figures_note(l));
    para(&mut out, &words::change_sentence(report));

    out.push_str(words::heading_sections(l));
    out.push_str("\n\n");
    if report.sections.is_empty() {
        para(&mut out, words::no_items(l));
    }
    for s in &report.sections {
        para(&mut out, &words::section_heading(&s.id, &s.title, &s.tally, l));
        table(&mut out, &words::section_table(s, l));
    }

    out.push_str(words::heading_activities(l));
    out.push_str("\n\n");
    if report.activities.is_empty() {
        para(&mut out, words::no_activity(l));
    }
    for a in &report.activities {
        para(&mut out, &words::activity_heading(&a.task, &a.title, &a.owner, l));
        let mut lines = words::result_lines(&a.result, l);
        lines.extend(a.entries.iter().map(|e| words::activity_line(e, l)));
        list(&mut out, &lines);
    }
    if let Some((sentence, groups)) = outline::index_part(report) {
        out.push_str(outline::heading_index(l));
        out.push_str("\n\n");
        para(&mut out, &sentence);
        for g in &groups {
            para(&mut out, &g.heading);
            list(&mut out, &g.lines);
        }
    }
    out.push_str(&outline::heading_assessment(report));
    out.push_str("\n\n");
    paragraphs(&mut out, &outline::words(report, NoteKind::Assessment));

    heading(&mut out, words::heading_shortcomings(l));
    let groups = words::shortcomings(report);
    if groups.is_empty() {
        para(&mut out, words::no_shortcomings(l));
    }
    for g in &groups {
        para(&mut out, &g.heading);
        list(&mut out, &g.lines);
    }
    let causes = outline::words(report, NoteKind::Cause);
    if !causes.is_empty() {
        para(&mut out, &outline::heading_causes(report, groups.len()));
        paragraphs(&mut out, &causes);
    }

    heading(&mut out, words::heading_next(l));
    paragraphs(&mut out, &outline::words(report, NoteKind::Direction));
    para(&mut out, &words::next_sentence(report));
    para(&mut out, words::heading_next_due(l));
    if report.next.due.is_empty() {
        para(&mut out, words::nothing_due_next(l));
    } else {
        table(&mut out, &words::next_table(&report.next.due, l));
    }
    for g in &words::next_groups(report) {
        para(&mut out, &g.heading);
        list(&mut out, &g.lines);
    }

    heading(&mut out, words::heading_proposals(l));
    paragraphs(&mut out, &outline::words(report, NoteKind::Proposal));

    para(&mut out, &words::closing(report));

    let mut left = vec![words::recipients_heading(l).to_string()];
    left.extend(words::recipient_lines(report).iter().map(|s| clean(s)));
    let mut right = Vec::new();
    if let Some(s) = &report.signer {
        let (lines, name) = words::signer_lines(s);
        right.extend(lines.iter().map(|s| clean(s)));
        right.extend([String::new(), String::new(), String::new()]);
        right.push(clean(&name));
    }
    // Recipients are listed flush left, not centred.
    let lw = page() * 2 / 5;
    let lines_left: Vec<String> = left.iter().flat_map(|s| wrap(s, lw - 2)).collect();
    let lines_right: Vec<String> =
        right.iter().flat_map(|s| if s.is_empty() { vec![String::new()] } else { wrap(s, rw) }).collect();
    for i in 0..lines_left.len().max(lines_right.len()) {
        let l = lines_left.get(i).cloned().unwrap_or_default();
        let r = lines_right.get(i).map_or_else(String::new, |s| center(s, rw));
        out.push_str(format!("{}{r}", pad(&l, lw)).trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words() {
        assert_eq!(wrap("một hai ba bốn", 7), ["một hai", "ba bốn"]);
        assert_eq!(wrap("", 7), [""]);
        assert_eq!(wrap("dàidàidàidài x", 4), ["dàidàidàidài", "x"]);
        assert_eq!(center("ab", 6), "  ab");
    }
}
