//! `par import --explain`: each field of the draft with the document line (or table cell)
//! it was read from and the rule that took it, in the output language.

use std::collections::HashMap;
use std::fmt::Write;

use super::lexicon::rule_name;
use super::{Draft, note_for};
use crate::i18n::Lang;

/// The explanation of a draft read with [`super::parse_explained`]. `paragraphs`: positions
/// are a .docx's paragraphs rather than lines of text.
pub fn explain(draft: &Draft, lang: Lang, paragraphs: bool) -> String {
    let mut out = String::with_capacity(256 + draft.trace.len() * 200);
    out.push_str(lang.pick(
        "Giải thích bản nháp: mỗi giá trị, nơi văn bản ghi nó và quy tắc par đã dùng.\n\
         Giá trị có dấu ⚠ là đoán: tệp nháp đánh dấu chúng \"# KIỂM TRA / CHECK\".\n",
        "How the draft was read: each value, where the document gives it, and the rule par used.\n\
         Values marked ⚠ are guesses: the draft marks them \"# KIỂM TRA / CHECK\".\n",
    ));
    let at = if paragraphs { lang.pick("đoạn", "paragraph") } else { lang.pick("dòng", "line") };
    let tasks: HashMap<&str, usize> = draft.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    // Whether the draft marks this field as a guess.
    let guessed = |field: &str| -> bool {
        if let Some(key) = field.strip_prefix("plan.") {
            return note_for(&draft.meta.notes, key).any(|n| n.check);
        }
        let Some(rest) = field.strip_prefix("task ") else { return false };
        let Some((id, key)) = rest.rsplit_once(' ') else { return false };
        let key = if key == "repeat" { "due" } else { key };
        tasks.get(id).is_some_and(|&i| {
            let notes = &draft.tasks[i].notes;
            note_for(notes, key)
                .chain(if key == "due" { note_for(notes, "repeat") } else { note_for(notes, "") })
                .any(|n| n.check)
        })
    };
    // The plan's fields first, then the bases, sections and tasks, each in reading order.
    let rank = |field: &str| match field.split(['.', ' ']).next() {
        Some("plan") => 0,
        Some("basis") => 1,
        Some("section") => 2,
        _ => 3,
    };
    let mut order: Vec<&super::Trace> = draft.trace.iter().collect();
    order.sort_by_key(|t| rank(&t.field));
    let rule_word = lang.pick("quy tắc", "rule");
    let col = lang.pick("cột", "column");
    // A task's fields read from its line are listed under it, the line written once.
    let mut task_line: Option<(&str, usize)> = None;
    for t in order {
        let mark = if guessed(&t.field) { " ⚠" } else { "" };
        let task = t.field.strip_prefix("task ");
        if let Some(id) = task.filter(|id| !id.contains(' ')) {
            let _ = writeln!(out, "\n{} {id} — {at} {}: \"{}\"", lang.pick("nhiệm vụ", "task"), t.line, t.source);
            let _ = writeln!(out, "    {rule_word}: {}", rule_name(t.rule, lang));
            task_line = Some((id, t.line));
            continue;
        }
        if let (Some(rest), Some((id, line))) = (task, task_line)
            && let Some(key) = rest.strip_prefix(id).and_then(|k| k.strip_prefix(' '))
            && line == t.line
        {
            let _ = writeln!(out, "  {key} = \"{}\"{mark}", t.value);
            if let Some(c) = &t.cell {
                let _ = writeln!(out, "    {col} \"{c}\": \"{}\"", t.source);
            }
            let _ = writeln!(out, "    {rule_word}: {}", rule_name(t.rule, lang));
            continue;
        }
        task_line = None;
        let _ = writeln!(out, "\n{} = \"{}\"{mark}", t.field, t.value);
        match &t.cell {
            Some(c) => {
                let _ = writeln!(out, "    {at} {}, {col} \"{c}\": \"{}\"", t.line, t.source);
            }
            None => {
                let _ = writeln!(out, "    {at} {}: \"{}\"", t.line, t.source);
            }
        }
        let _ = writeln!(out, "    {rule_word}: {}", rule_name(t.rule, lang));
    }
    out
}
