//! `par edit`: changes a task's own fields and its `[task.indicator]`. Only those lines
//! are edited (see [`crate::write::keys`]); its other sub-tables and the rest of the file
//! are not touched. What changed is printed on stderr as "before → after", per field.

use std::ops::Range;

use crate::cli::EditArgs;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::say;
use crate::write::fields::{self, before_after, values_of};
use crate::write::keys::{edit_head, edit_table};
use crate::write::splice::{array, block_after, combine, date, quote};
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

/// The order keys are written in, for a key the task does not have yet: the schema's.
const ORDER: &[&str] = crate::plan::schema::RawTask::KEYS;
const INDICATOR: &[&str] = &["task", "indicator"];

/// The task's own keys to set (as TOML text) and to remove, checked and resolved.
type HeadChanges = (Vec<(&'static str, String)>, Vec<&'static str>);

fn head_changes(ctx: &Context, plan: &Plan, i: usize, args: &EditArgs, lang: Lang) -> Result<HeadChanges, Fail> {
    let task = &plan.tasks[i];
    let f = &args.fields;
    let mut set: Vec<(&'static str, String)> = Vec::new();
    if let Some(t) = &args.title {
        if t.trim().is_empty() {
            return Err(Fail::input(say!(lang, TitleEmpty)));
        }
        set.push(("title", quote(t.trim())));
    }
    if let Some(sec) = &f.section {
        set.push(("section", quote(&plan.sections[resolve::section(plan, sec, lang)?].id)));
    }
    if let Some(d) = &f.detail {
        set.push(("detail", quote(d.trim())));
    }
    if let Some(o) = &f.owner {
        set.push(("owner", quote(&plan.owners[resolve::owner_to_assign(plan, o, "--owner", lang)?].id)));
    }
    let mut unset: Vec<&'static str> = args.unset.iter().map(|u| u.key()).filter(|k| *k != "indicator").collect();
    for (typed, key) in [(&f.support, "support"), (&f.criteria, "criteria")] {
        let Some(list) = typed else { continue };
        let ids = match key {
            "support" => fields::support(plan, Some(task), list, lang)?,
            _ => fields::criteria(plan, Some(task), list, lang)?,
        };
        if ids.is_empty() {
            unset.push(key);
        } else {
            set.push((key, array(&ids)));
        }
    }
    for (typed, key) in [(&f.start, "start"), (&f.due, "due"), (&f.end, "end")] {
        if let Some(d) = typed {
            set.push((key, date(resolve::date(d, &format!("--{key}"), ctx.today, plan.meta.year, lang)?)));
        }
    }
    if let Some(r) = &f.repeat {
        set.push(("repeat", quote(resolve::repeat(r, lang)?.keyword())));
    }
    if let Some(day) = f.due_day {
        set.push(("due_day", day.to_string()));
    }
    if let Some(r) = &f.result {
        set.push(("result", quote(r.trim())));
    }
    Ok((set, unset))
}

pub fn run(ctx: &Context, args: &EditArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let i = s.task(&args.id)?;
    let task = &plan.tasks[i];
    let (set, unset) = head_changes(ctx, plan, i, args, lang)?;
    let ind_set = fields::indicator_keys(&args.fields, lang)?;
    let drop_indicator = args.unset.iter().any(|u| u.key() == "indicator");
    if let Some((key, _)) = set.iter().find(|(k, _)| unset.contains(k)) {
        return Err(both(key, lang).into());
    }
    if drop_indicator && !ind_set.is_empty() {
        return Err(both("indicator", lang).into());
    }
    if set.is_empty() && unset.is_empty() && ind_set.is_empty() && !drop_indicator {
        return Err(Fail::input(say!(lang, NothingToEdit)).into());
    }

    let block = s.block(i)?;
    let text = s.text();
    let head = &text[block.head.clone()];
    // Each edit: a range of the file and its new text, in file order.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut shown: Vec<(String, Option<String>, Option<String>)> = Vec::new();
    if !set.is_empty() || !unset.is_empty() {
        let new_head = edit_head(head, &set, &unset, s.eol(), ORDER)
            .map_err(|e| Fail::input(say!(lang, CannotEditTask, id = task.id, reason = e)))?;
        let keys: Vec<&str> = set.iter().map(|(k, _)| *k).chain(unset.iter().copied()).collect();
        let old = values_of(head, &["task"], true, &keys);
        for (n, key) in keys.iter().enumerate() {
            let new = set.iter().find(|(k, _)| k == key).map(|(_, v)| crate::text::one_line(v));
            shown.push((key.to_string(), old[n].clone(), new));
        }
        edits.push((block.head.clone(), new_head));
    }
    let child = block.children.iter().find(|(h, _)| !h.array && h.path == INDICATOR);
    match child {
        Some((_, removal)) if drop_indicator => {
            edits.push((removal.clone(), String::new()));
            shown.push(("indicator".into(), Some("[task.indicator]".into()), None));
        }
        None if drop_indicator => {
            return Err(Fail::findings(say!(lang, NoIndicatorToRemove, id = task.id)).into());
        }
        Some((h, removal)) if !ind_set.is_empty() => {
            let range = h.start..removal.end;
            let old_text = &text[range.clone()];
            let new =
                edit_table(old_text, INDICATOR, false, &ind_set, &[], s.eol(), crate::plan::schema::RawIndicator::KEYS)
                    .map_err(|reason| Fail::input(say!(lang, TableEditFailed, table = "[task.indicator]", reason)))?;
            let keys: Vec<&str> = ind_set.iter().map(|(k, _)| *k).collect();
            let old = values_of(old_text, INDICATOR, false, &keys);
            for (n, (key, v)) in ind_set.iter().enumerate() {
                shown.push((format!("indicator.{key}"), old[n].clone(), Some(v.clone())));
            }
            edits.push((range, new));
        }
        None if !ind_set.is_empty() => {
            let table = fields::new_indicator(&ind_set, s.eol(), lang)?;
            let at = block.head.end;
            for (key, v) in &ind_set {
                shown.push((format!("indicator.{key}"), None, Some(v.clone())));
            }
            edits.push((at..at, block_after(text, at, &table, s.eol())));
        }
        _ => {}
    }
    // Fields in the file's order of keys, the indicator's after the task's own.
    let rank = |k: &str| ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len());
    shown.sort_by_key(|(k, ..)| rank(k));
    let change = combine(text, edits);
    if change.is_noop(text) {
        return Err(Fail::findings(say!(lang, EditChangesNothing, id = task.id)).into());
    }
    s.check(&change, block.content.clone())?;
    shown.retain(|(_, old, new)| old != new);
    let mut summary =
        shown.iter().filter(|(_, _, n)| n.is_some()).map(|(k, ..)| k.as_str()).collect::<Vec<_>>().join(", ");
    let removed: Vec<&str> = shown.iter().filter(|(_, _, n)| n.is_none()).map(|(k, ..)| k.as_str()).collect();
    if !removed.is_empty() {
        if !summary.is_empty() {
            summary.push_str("; ");
        }
        summary.push_str(&format!("{} {}", lang.pick("bỏ", "removed"), removed.join(", ")));
    }
    let id = task.id.clone();
    let details = before_after(&shown, lang);
    s.commit(&change)?;
    // What each field was and is now: on stderr, so stdout stays the one summary line.
    eprint!("{details}");
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(&format!("Đã sửa nhiệm vụ {id}: {summary}."), &format!("Changed task {id}: {summary}."))
    )))
}

fn both(key: &str, lang: Lang) -> Fail {
    Fail::input(say!(lang, SetAndUnset, key))
}
