//! The periodic report as Markdown (the default of `par report`): readable as it is,
//! and convertible to other formats by any Markdown tool.

use super::outline::{self, Words};
use super::{self as words, Group, TableText};
use crate::compute::report::Report;
use crate::plan::NoteKind;

/// Escapes plan text for Markdown in one pass: on one line (line breaks and runs of
/// white space become one space), terminal escapes neutralised as [`crate::text::clean`]
/// does, and the characters Markdown would read as markup made literal.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_esc(&mut out, text);
    out
}

/// Whether an ASCII byte needs a look: markup, controls and the space (a second space
/// in a row is folded).
const ASCII_CAREFUL: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(
            b as u8,
            0x00..=0x20 | 0x7f | b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'#'
        );
        b += 1;
    }
    t
};

/// [`esc`], appending to `out`. Runs of ordinary text are copied whole: the bytes are
/// scanned a character at a time, and a character is decoded only where one that needs
/// care may start (ASCII markup, controls and spaces; U+0080–U+00BF; U+0600–U+063F,
/// U+06C0–U+073F, U+0880–U+08BF; U+1680; U+1800–U+183F; U+2000–U+207F; U+3000–U+303F;
/// U+FDC0–U+FDFF, U+FEC0–U+FEFF, U+FFC0–U+FFFF; beyond U+FFFF), where
/// [`crate::text::needs_escape`]'s invisible characters lie.
pub fn push_esc(out: &mut String, text: &str) {
    let text = text.trim();
    let bytes = text.as_bytes();
    let (mut i, mut run, mut space) = (0, 0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !ASCII_CAREFUL[b as usize] {
                space = false;
                i += 1;
                continue;
            }
            if b == b' ' && !space {
                space = true;
                i += 1;
                continue;
            }
        } else {
            // The lead byte gives the character's length; only a few leads can start a
            // white-space or control character.
            let next = bytes.get(i + 1).copied();
            let careful = match b {
                0xc2 | 0xd8 | 0xdb | 0xdc | 0xf0..=0xf4 => true,
                0xe0 => next == Some(0xa2),
                0xe1 => matches!(next, Some(0x9a | 0xa0)),
                0xe2 => matches!(next, Some(0x80 | 0x81)),
                0xe3 => next == Some(0x80),
                0xef => matches!(next, Some(0xb7 | 0xbb | 0xbf)),
                _ => false,
            };
            if !careful {
                space = false;
                i += if b >= 0xf0 {
                    4
                } else if b >= 0xe0 {
                    3
                } else {
                    2
                };
                continue;
            }
        }
        let c = text[i..].chars().next().expect("i is on a character boundary");
        let white = c.is_whitespace();
        let hidden = crate::text::needs_escape(c);
        let markup = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#');
        let len = c.len_utf8();
        if !white && !hidden && !markup {
            space = false;
            i += len;
            continue;
        }
        out.push_str(&text[run..i]);
        i += len;
        run = i;
        if white {
            // Line breaks, tabs and runs of spaces become one space.
            if !space {
                out.push(' ');
                space = true;
            }
            continue;
        }
        space = false;
        out.push('\\');
        if hidden {
            // Terminal escapes and bidi overrides shown as text: `\\u{1b}`.
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.push_str(&text[run..]);
}

/// About how many lines (table rows, list items) the report has.
fn lines_in(report: &Report) -> usize {
    let s = &report.shortcomings;
    report.sections.iter().map(|s| s.items.len()).sum::<usize>()
        + report.activities.iter().map(|a| a.entries.len() + 3).sum::<usize>()
        + s.overdue.len()
        + s.missed.len()
        + s.done_late.len()
        + s.no_activity.len()
        + report.next.due.len()
        + report.next.carried_over.len()
        + report.next.ongoing.len()
}

fn table(out: &mut String, table: &TableText) {
    let row = |out: &mut String, cells: &[String]| {
        out.push('|');
        for c in cells {
            out.push(' ');
            push_esc(out, c);
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(out, &table.header);
    let rule: String =
        (0..table.header.len()).map(|i| if table.centred.get(i) == Some(&true) { ":---:|" } else { "---|" }).collect();
    out.push_str(&format!("|{rule}\n"));
    for r in &table.rows {
        row(out, r);
    }
    out.push('\n');
}

fn list(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str("- ");
        push_esc(out, l);
        out.push('\n');
    }
    out.push('\n');
}

pub fn render(report: &Report) -> String {
    render_on(report, std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// [`render`], on two threads when `two_threads` and the report is large.
fn render_on(report: &Report, two_threads: bool) -> String {
    let l = report.lang;
    // Room for the whole report at once: a large one is megabytes, and growing the
    // buffer step by step copies it again each time.
    let mut out = String::with_capacity(8 * 1024 + 200 * lines_in(report));

    // Header: the unit's block beside the national name and motto, as a two-column table.
    let left_top = words::superior_line(report).map(|s| esc(&s)).unwrap_or_default();
    let units = outline::unit_lines(report);
    // A committee's second line ("PHƯỜNG …") goes beside the motto, its first above it.
    let (first, rest) = match units.split_first() {
        Some((first, rest)) if left_top.is_empty() && !rest.is_empty() => (Some(first.clone()), rest.join(" ")),
        _ => (None, units.join(" ")),
    };
    let out_first = first.map(|f| format!("**{}**", esc(&f))).unwrap_or(left_top);
    out.push_str(&format!("| {out_first} | **{}** |\n|:---:|:---:|\n", words::national_name(l)));
    out.push_str(&format!("| **{}** | **{}** |\n", esc(&rest), words::motto(l)));
    out.push_str(&format!("| {} | *{}* |\n\n", esc(&words::number_line(report)), esc(&report.header.date_line)));

    out.push_str(&format!("# {}\n\n", words::kind(l)));
    out.push_str(&format!("**{}**\n\n", esc(&report.subject)));
    if let Some(to) = words::to_line(report) {
        out.push_str(&format!("{}\n\n", esc(&to)));
    }
    for p in words::preamble(report) {
        out.push_str(&format!("{}\n\n", esc(&p)));
    }
    out.push_str(&format!("*{}*\n\n", esc(&words::window_sentence(report))));

    out.push_str(&format!("## {}\n\n", words::heading_results(l)));
    out.push_str(&format!("### {}\n\n", words::heading_figures(l)));
    table(&mut out, &words::figures_table(report));
    out.push_str(&format!("{}\n\n", esc(words::figures_note(l))));
    out.push_str(&format!("{}\n\n", esc(&words::change_sentence(report))));

    // The long middle of the report (a table row or list line per item) is written in
    // two halves, on two threads when the report is large and there are two cores:
    // I.2–I.3 here, II–III beside it; joined in order, so the text is the same.
    let lines = lines_in(report);
    if two_threads && lines >= PARALLEL_FROM_LINES {
        let second = std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let mut part = String::with_capacity(100 * lines);
                shortcomings_and_next(&mut part, report);
                part
            });
            results_by_section_and_activities(&mut out, report);
            second.join()
        });
        match second {
            Ok(part) => out.push_str(&part),
            // Not expected (the renderer does not panic); written here if it ever does.
            Err(_) => shortcomings_and_next(&mut out, report),
        }
    } else {
        results_by_section_and_activities(&mut out, report);
        shortcomings_and_next(&mut out, report);
    }

    out.push_str(&format!("## {}\n\n", words::heading_proposals(l)));
    paragraphs(&mut out, &outline::words(report, NoteKind::Proposal));

    out.push_str(&format!("{}\n\n", esc(&words::closing(report))));

    out.push_str(&format!("***{}***\n\n", words::recipients_heading(l)));
    for line in words::recipient_lines(report) {
        // The lines start with "- ": a Markdown list as it is.
        out.push_str(&format!("- {}\n", esc(line.trim_start_matches("- "))));
    }
    out.push('\n');
    if let Some(s) = &report.signer {
        let (lines, name) = words::signer_lines(s);
        for line in lines {
            out.push_str(&format!("**{}**  \n", esc(&line)));
        }
        // The blank line leaves room for the signature.
        out.push_str(&format!("\n**{}**\n", esc(&name)));
    }
    out
}

/// Reports of at least this many lines are written on two threads (a few megabytes;
/// below that, starting a thread costs more than it saves).
const PARALLEL_FROM_LINES: usize = 2000;

/// I.2 results by section and I.3 what was done in the period.
fn results_by_section_and_activities(out: &mut String, report: &Report) {
    let l = report.lang;
    out.push_str(&format!("### {}\n\n", words::heading_sections(l)));
    if report.sections.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_items(l)));
    }
    for s in &report.sections {
        out.push_str(&format!("#### {}\n\n", esc(&words::section_heading(&s.id, &s.title, &s.tally, l))));
        table(out, &words::section_table(s, l));
    }

    out.push_str(&format!("### {}\n\n", words::heading_activities(l)));
    if report.activities.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_activity(l)));
    }
    for a in &report.activities {
        out.push_str(&format!("**{}**\n\n", esc(&words::activity_heading(&a.task, &a.title, &a.owner, l))));
        let mut lines = words::result_lines(&a.result, l);
        lines.extend(a.entries.iter().map(|e| words::activity_line(e, l)));
        list(out, &lines);
    }
    index_and_assessment(out, report);
}

/// I.4 the index (when the plan has one) and the assessment.
fn index_and_assessment(out: &mut String, report: &Report) {
    if let Some((sentence, groups)) = outline::index_part(report) {
        out.push_str(&format!("### {}\n\n{}\n\n", outline::heading_index(report.lang), esc(&sentence)));
        titled_lists(out, &groups);
    }
    out.push_str(&format!("### {}\n\n", outline::heading_assessment(report)));
    paragraphs(out, &outline::words(report, NoteKind::Assessment));
}

/// The officer's paragraphs; a placeholder in bold, to be seen.
fn paragraphs(out: &mut String, words: &[Words]) {
    for w in words {
        match w {
            Words::Text(t) => out.push_str(&format!("{}\n\n", esc(t))),
            Words::Placeholder(t) => out.push_str(&format!("**{}**\n\n", esc(t))),
        }
    }
}

fn titled_lists(out: &mut String, groups: &[Group]) {
    for g in groups {
        out.push_str(&format!("**{}**\n\n", esc(&g.heading)));
        list(out, &g.lines);
    }
}

/// II shortcomings and III tasks for the next period.
fn shortcomings_and_next(out: &mut String, report: &Report) {
    let l = report.lang;
    out.push_str(&format!("## {}\n\n", words::heading_shortcomings(l)));
    let groups = words::shortcomings(report);
    if groups.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_shortcomings(l)));
    }
    titled_lists(out, &groups);
    let causes = outline::words(report, NoteKind::Cause);
    if !causes.is_empty() {
        out.push_str(&format!("**{}**\n\n", outline::heading_causes(report, groups.len())));
        paragraphs(out, &causes);
    }

    out.push_str(&format!("## {}\n\n", words::heading_next(l)));
    paragraphs(out, &outline::words(report, NoteKind::Direction));
    out.push_str(&format!("{}\n\n", esc(&words::next_sentence(report))));
    out.push_str(&format!("**{}**\n\n", words::heading_next_due(l)));
    if report.next.due.is_empty() {
        out.push_str(&format!("{}\n\n", words::nothing_due_next(l)));
    } else {
        table(out, &words::next_table(&report.next.due, l));
    }
    for g in &words::next_groups(report) {
        out.push_str(&format!("**{}**\n\n", esc(&g.heading)));
        list(out, &g.lines);
    }
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn two_threads_write_the_same_report() {
        // The bundled plan with enough tasks added to pass the threshold.
        let mut text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../plan.toml")).to_string();
        for i in 0..1200 {
            let (due, done) = (1 + i % 28, if i % 3 == 0 { "[[task.done]]\ndate = 2025-05-02\n" } else { "" });
            text.push_str(&format!(
                "\n[[task]]\nid = \"x{i}\"\nsection = \"II\"\ntitle = \"Việc *{i}*\"\ndue = 2025-0{}-{due:02}\n{done}",
                1 + i % 9
            ));
        }
        let plan = crate::plan::load::parse(std::path::Path::new("plan.toml"), &text).expect("plan");
        let today = chrono::NaiveDate::from_ymd_opt(2025, 10, 15).expect("date");
        let period = crate::period::Period::parse("2025-Q3", None).ok();
        let report = crate::compute::report::build(&plan, period, today, crate::i18n::Lang::Vi).expect("report");
        assert!(super::lines_in(&report) >= super::PARALLEL_FROM_LINES);
        assert_eq!(super::render_on(&report, true), super::render_on(&report, false));
    }

    #[test]
    fn escapes_in_one_pass() {
        assert_eq!(esc("  a \n\t b  "), "a b");
        assert_eq!(esc("a\u{a0}\u{a0}b"), "a b");
        assert_eq!(esc("x*y_z | [k] <b> #1 `c` \\"), "x\\*y\\_z \\| \\[k\\] \\<b\\> \\#1 \\`c\\` \\\\");
        assert_eq!(esc("a\u{1b}[31m"), "a\\\\u{1b}\\[31m");
        assert_eq!(esc("\u{202e}x"), "\\\\u{202e}x");
        assert_eq!(esc("Kế hoạch — số 48/KH-NBK"), "Kế hoạch — số 48/KH-NBK");
        assert_eq!(esc("ý\u{3000}kiến\u{2003} \u{1680}x"), "ý kiến x");
        assert_eq!(esc("ý\u{85}x"), "ý x");
        assert_eq!(esc("ý\u{90}"), "ý\\\\u{90}");
    }

    /// What [`esc`] does, a character at a time: the definition the fast scan must match.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.trim().chars() {
            if c.is_whitespace() {
                if !space {
                    out.push(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if crate::text::needs_escape(c) {
                out.push('\\');
                out.extend(c.escape_unicode());
            } else if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
                out.push('\\');
                out.push(c);
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn the_fast_scan_matches_the_reference() {
        // Every string of up to three characters from a set that holds each kind the scan
        // treats apart (ASCII, markup, controls, white space of every width, bidi
        // overrides, Vietnamese letters whose bytes look like those, 4-byte characters).
        let chars = [
            'a',
            ' ',
            '\t',
            '\n',
            '*',
            '\u{1b}',
            '\u{85}',
            '\u{a0}',
            'é',
            'ế',
            '\u{1680}',
            '\u{1e9a}',
            '\u{2003}',
            '—',
            '\u{202e}',
            '\u{2066}',
            '\u{3000}',
            'ぁ',
            '😀',
            '\u{200b}',
            '\u{61c}',
            '\u{feff}',
            '\u{fffe}',
            '\u{ad}',
            '\u{e0041}',
            'ء',
            '\u{fdd0}',
            '\u{180e}',
            '\u{2028}',
        ];
        let mut s = String::new();
        for a in chars {
            for b in chars {
                for c in chars {
                    s.clear();
                    s.extend([a, b, c]);
                    assert_eq!(esc(&s), reference(&s), "{s:?}");
                    assert_eq!(esc(&s[..a.len_utf8()]), reference(&s[..a.len_utf8()]));
                }
            }
        }
    }
}
