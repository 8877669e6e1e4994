//! The periodic report as Markdown (the default of `par report`): readable as it is,
//! and convertible to other formats by any Markdown tool.

use super::report::{self as words, TableText};
use crate::compute::report::Report;

/// Escapes plan text for Markdown: one line, terminal escapes neutralised, and the
/// characters Markdown would read as markup made literal.
pub fn esc(s: &str) -> String {
    let line = crate::text::one_line(s);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(out: &mut String, t: &TableText) {
    let row = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&row(&t.header));
    let rule: String =
        (0..t.header.len()).map(|i| if t.centred.get(i) == Some(&true) { ":---:|" } else { "---|" }).collect();
    out.push_str(&format!("|{rule}\n"));
    for r in &t.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

fn list(out: &mut String, lines: &[String]) {
    for l in lines {
        out.push_str(&format!("- {}\n", esc(l)));
    }
    out.push('\n');
}

pub fn render(r: &Report) -> String {
    let l = r.lang;
    let mut out = String::new();

    // Header: the unit's block beside the national name and motto, as a two-column table.
    let left_top = words::superior_line(r).map(|s| esc(&s)).unwrap_or_default();
    out.push_str(&format!("| {left_top} | **{}** |\n|:---:|:---:|\n", words::national_name(l)));
    out.push_str(&format!("| **{}** | **{}** |\n", esc(&words::unit_line(r)), words::motto(l)));
    out.push_str(&format!("| {} | *{}* |\n\n", esc(&words::number_line(r)), esc(&r.header.date_line)));

    out.push_str(&format!("# {}\n\n", words::kind(l)));
    out.push_str(&format!("**{}**\n\n", esc(&r.subject)));
    if let Some(to) = words::to_line(r) {
        out.push_str(&format!("{}\n\n", esc(&to)));
    }
    for p in words::preamble(r) {
        out.push_str(&format!("{}\n\n", esc(&p)));
    }
    out.push_str(&format!("*{}*\n\n", esc(&words::window_sentence(r))));

    out.push_str(&format!("## {}\n\n", words::heading_results(l)));
    out.push_str(&format!("### {}\n\n", words::heading_figures(l)));
    table(&mut out, &words::figures_table(r));
    out.push_str(&format!("{}\n\n", esc(words::figures_note(l))));
    out.push_str(&format!("{}\n\n", esc(&words::change_sentence(r))));

    out.push_str(&format!("### {}\n\n", words::heading_sections(l)));
    if r.sections.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_items(l)));
    }
    for s in &r.sections {
        out.push_str(&format!("#### {}\n\n", esc(&words::section_heading(&s.id, &s.title, &s.tally, l))));
        table(&mut out, &words::section_table(s, l));
    }

    out.push_str(&format!("### {}\n\n", words::heading_activities(l)));
    if r.activities.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_activity(l)));
    }
    for a in &r.activities {
        out.push_str(&format!("**{}**\n\n", esc(&words::activity_heading(&a.task, &a.title, &a.owner, l))));
        let mut lines = words::result_lines(&a.result, l);
        lines.extend(a.entries.iter().map(|e| words::activity_line(e, l)));
        list(&mut out, &lines);
    }

    out.push_str(&format!("## {}\n\n", words::heading_shortcomings(l)));
    let groups = words::shortcomings(r);
    if groups.is_empty() {
        out.push_str(&format!("{}\n\n", words::no_shortcomings(l)));
    }
    for g in &groups {
        out.push_str(&format!("**{}**\n\n", esc(&g.heading)));
        list(&mut out, &g.lines);
    }

    out.push_str(&format!("## {}\n\n", words::heading_next(l)));
    out.push_str(&format!("{}\n\n", esc(&words::next_sentence(r))));
    out.push_str(&format!("**{}**\n\n", words::heading_next_due(l)));
    if r.next.due.is_empty() {
        out.push_str(&format!("{}\n\n", words::nothing_due_next(l)));
    } else {
        table(&mut out, &words::next_table(&r.next.due, l));
    }
    for g in &words::next_groups(r) {
        out.push_str(&format!("**{}**\n\n", esc(&g.heading)));
        list(&mut out, &g.lines);
    }

    if !r.proposals.is_empty() {
        out.push_str(&format!("## {}\n\n", words::heading_proposals(l)));
        for (i, p) in r.proposals.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, esc(p)));
        }
        out.push('\n');
    }

    out.push_str(&format!("{}\n\n", esc(&words::closing(r))));

    out.push_str(&format!("***{}***\n\n", words::recipients_heading(l)));
    for line in words::recipient_lines(r) {
        // The lines start with "- ": a Markdown list as it is.
        out.push_str(&format!("- {}\n", esc(line.trim_start_matches("- "))));
    }
    out.push('\n');
    if let Some(s) = &r.signer {
        let (lines, name) = words::signer_lines(s);
        for line in lines {
            out.push_str(&format!("**{}**  \n", esc(&line)));
        }
        // The blank line leaves room for the signature.
        out.push_str(&format!("\n**{}**\n", esc(&name)));
    }
    out
}
