//! Checking a changed task before anything is written, without parsing the whole
//! file again.
//!
//! The rest of the file is byte for byte what was just loaded and checked, and a
//! task's block is self-contained (it starts at its header and closes every string
//! and array it opens), so checking the new block is enough. It is checked by the
//! same parser and validator as the whole file, inside a small stand-in document
//! that declares the plan's year, owners and sections: the cross-references a task
//! makes are checked against the plan already loaded. Problems point at the lines
//! of the new text.

use crate::say;
use std::ops::Range;
use std::path::Path;

use super::splice::quote;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::plan::diagnostic::{Diagnostic, Source};
use crate::plan::schema::RawPlan;
use crate::plan::{Plan, Task};

/// Checks `piece`, the new text of a task (it may start with blank lines), as it
/// would be checked in the whole file, and returns the task. On failure,
/// `locate` gives the whole changed text and where `piece` starts in it, so the
/// problems are shown at their line and column there.
pub fn check_task(
    plan: &Plan,
    path: &Path,
    piece: &str,
    lang: Lang,
    locate: impl FnOnce() -> (String, usize),
) -> Result<Task, Fail> {
    let mut doc = String::with_capacity(256 + 32 * (plan.owners.len() + plan.sections.len()) + piece.len());
    doc.push_str(&format!("[plan]\nunit = \"-\"\ntitle = \"-\"\nyear = {}\n", plan.meta.year));
    for o in &plan.owners {
        doc.push_str(&format!("[[owner]]\nid = {}\nname = \"-\"\n", quote(&o.id)));
    }
    for s in &plan.sections {
        doc.push_str(&format!("[[section]]\nid = {}\ntitle = \"-\"\n", quote(&s.id)));
    }
    let offset = doc.len();
    doc.push_str(piece);
    if !doc.ends_with('\n') {
        doc.push('\n');
    }
    let result = match toml::from_str::<RawPlan>(&doc) {
        // The index (criteria codes) comes from the loaded plan, so links are checked too.
        Ok(raw) => crate::plan::validate::validate(raw, &doc, plan.index.clone()),
        Err(e) => Err(vec![Diagnostic::new(e.message().trim().replace('\n', " "), e.span())]),
    };
    match result {
        Ok(mut checked) if checked.tasks.len() == 1 => Ok(checked.tasks.remove(0)),
        Ok(_) => Err(Fail::input(say!(lang, ChangeNotPlaced))),
        Err(diags) => {
            let (new_text, at) = locate();
            let in_piece = |span: Option<Range<usize>>| {
                span.filter(|s| s.start >= offset).map(|s| {
                    let start = (s.start - offset + at).min(new_text.len());
                    let end = (s.end.max(s.start) - offset + at).min(new_text.len());
                    start..end
                })
            };
            let diags: Vec<Diagnostic> =
                diags.into_iter().map(|d| Diagnostic { span: in_piece(d.span.clone()), ..d }).collect();
            let rendered = Source { path, text: &new_text }.render(&diags);
            Err(Fail::rendered(
                crate::error::Kind::Input,
                format!(
                    "{}\n      {}: {}",
                    rendered.trim_end(),
                    crate::messages::Msg::LabelNote.text(lang),
                    say!(lang, ChangeWouldBreakPlan)
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[owner]]\nid = \"ht\"\nname = \"H\"\n[[section]]\nid = \"II\"\ntitle = \"S\"\n";
        crate::plan::load::parse(Path::new("p.toml"), text).unwrap()
    }

    #[test]
    fn checks_a_block_in_context() {
        let p = plan();
        let text = "# x\n[[task]]\nid = \"9\"\nsection = \"II\"\ntitle = \"a\"\nowner = \"ht\"\n";
        let t = check_task(&p, Path::new("p.toml"), &text[4..], Lang::En, || (text.into(), 4)).unwrap();
        assert_eq!(t.id, "9");
        assert_eq!(p.owners[t.owner.unwrap()].id, "ht");
    }

    #[test]
    fn points_into_the_new_text() {
        let p = plan();
        let text = "# x\n[[task]]\nid = \"9\"\nsection = \"II\"\ntitle = \"a\"\nowner = \"hx\"\n";
        let e = check_task(&p, Path::new("p.toml"), &text[4..], Lang::En, || (text.into(), 4)).unwrap_err();
        // The plan's diagnostics speak the output language (Vietnamese unless set; in a run
        // it is `lang`'s), the note below them `lang`.
        assert!(e.message.starts_with("error: p.toml:6:9: không có người chủ trì mã `hx`"), "{}", e.message);
        assert!(e.message.contains("các mã đã có: ht"), "{}", e.message);
        assert!(e.message.contains("nothing was written"));
    }
}
