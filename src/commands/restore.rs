//! `par restore`: puts back the entries par wrote that have vanished from the plan
//! (an editor saved an older copy over par's write), each with the text par wrote, through
//! the normal write path: locked, checked, atomic, only the touched tasks' lines change.
//! `par restore --forget` accepts the loss instead: the entries leave the journal.
//!
//! Exit codes: 0 when every vanished entry was restored (or forgotten); 1 (a finding, as
//! `par reopen` with nothing to reopen) when nothing had vanished, or when an entry's task
//! is no longer in the plan (such an entry is named, kept in the journal and not written).

use crate::say;
use std::collections::{BTreeMap, HashSet};

use crate::cli::RestoreArgs;
use crate::error::{Fail, code};
use crate::write::Session;
use crate::write::journal::{self, Entry, Kind};
use crate::write::splice::{Change, with_eol};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &RestoreArgs) -> anyhow::Result<Outcome> {
    // This command says what vanished itself.
    journal::silence();
    let s = Session::open(ctx)?;
    let lang = s.lang;
    let refused = |e: journal::Refused| {
        Fail::read(say!(lang, NothingWrittenAfter, reason = e.message(lang))).help(say!(lang, JournalRefusedHelp))
    };
    let entries = journal::read(&journal::journal_path(s.real())).map_err(refused)?.unwrap_or_default();
    let gone = journal::vanished(&entries, s.plan());
    if gone.is_empty() {
        return Ok(Outcome {
            stdout: format!(
                "{}\n",
                lang.pick(
                    "Không có mục nào par đã ghi bị mất; không ghi gì.",
                    "No entry par wrote is missing; nothing was written."
                )
            ),
            code: code::FINDINGS,
        });
    }
    let list = |items: &mut dyn Iterator<Item = &Entry>| -> String {
        items.map(|e| format!("  - {}\n", e.describe(lang))).collect()
    };

    if args.forget {
        let drop: HashSet<usize> = gone.iter().map(|v| v.at).collect();
        let named = list(&mut gone.iter().map(|v| v.entry));
        journal::try_prune(s.real(), s.plan(), |i, _| drop.contains(&i)).map_err(refused)?;
        return Ok(Outcome::ok(format!(
            "{}\n{named}",
            lang.pick(
                &format!("Đã bỏ {} mục khỏi nhật ký ghi; par không cảnh báo về chúng nữa:", drop.len()),
                &format!("Forgot {} entries: par no longer warns about them:", drop.len()),
            )
        )));
    }

    let mut by_task: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
    let mut orphans: Vec<&Entry> = Vec::new();
    for v in &gone {
        match v.task {
            Some(i) => by_task.entry(i).or_default().push(v.entry),
            None => orphans.push(v.entry),
        }
    }
    let orphan_note = if orphans.is_empty() {
        String::new()
    } else {
        format!(
            "{}\n{}      help: {}\n",
            lang.pick(
                &format!(
                    "Không ghi lại được {} mục vì nhiệm vụ của chúng không còn trong kế hoạch; chúng vẫn được nhớ:",
                    orphans.len()
                ),
                &format!(
                    "Cannot restore {} entries: their task is no longer in the plan; they stay listed:",
                    orphans.len()
                ),
            ),
            list(&mut orphans.iter().copied()),
            lang.pick(
                "thêm lại nhiệm vụ (par add) rồi chạy lại `par restore`, hoặc `par restore --forget` để chấp nhận mất",
                "add the task back (par add) and run `par restore` again, or `par restore --forget` to accept the loss",
            ),
        )
    };
    if by_task.is_empty() {
        return Err(Fail::findings(say!(lang, NothingWrittenAfter, reason = orphan_note.trim_end())).into());
    }

    let mut changes: Vec<Change> = Vec::with_capacity(by_task.len());
    for (&i, entries) in &by_task {
        let task = &s.plan().tasks[i];
        let text: Vec<String> = entries.iter().map(|e| with_eol(&e.text, s.eol())).collect();
        let (change, range) = s.append_to_task(i, &text.join(s.eol()))?;
        let checked = s.check(&change, range)?;
        let count = |k: Kind| entries.iter().filter(|e| e.kind == k).count();
        if checked.done.len() != task.done.len() + count(Kind::Done)
            || checked.log.len() != task.log.len() + count(Kind::Log)
            || checked.measures.len() != task.measures.len() + count(Kind::Measure)
        {
            return Err(Fail::input(say!(lang, RestoreNotPlaced)).into());
        }
        changes.push(change);
    }
    // One change from the first insertion to the last; the text between stays as it is.
    let text = s.text();
    let (start, end) = (changes[0].range.start, changes[changes.len() - 1].range.end);
    let mut insert = String::new();
    let mut at = start;
    for c in &changes {
        insert.push_str(&text[at..c.range.start]);
        insert.push_str(&c.insert);
        at = c.range.end;
    }
    let merged = Change::new(start..end, insert);
    let restored: Vec<&Entry> = by_task.values().flatten().copied().collect();
    let shown = s.path.display().to_string();
    s.commit(&merged)?;
    let stdout = format!(
        "{}\n{}{orphan_note}",
        lang.pick(
            &format!("Đã ghi lại {} mục vào {shown}:", restored.len()),
            &format!("Restored {} entries to {shown}:", restored.len()),
        ),
        list(&mut restored.into_iter()),
    );
    Ok(Outcome { stdout, code: if orphans.is_empty() { code::OK } else { code::FINDINGS } })
}
