//! `par edit`: changes a task's own fields. Only the task's key lines are edited
//! (see [`crate::write::keys`]); its sub-tables and the rest of the file are not
//! touched.

use crate::cli::EditArgs;
use crate::error::Fail;
use crate::say;
use crate::write::keys::edit_head;
use crate::write::splice::{Change, array, date, quote};
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

/// The order keys are written in, for a key the task does not have yet: the schema's.
const ORDER: &[&str] = crate::plan::schema::RawTask::KEYS;

pub fn run(ctx: &Context, args: &EditArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let i = s.task(&args.id)?;
    let task = &plan.tasks[i];
    let f = &args.fields;

    // What to set, as TOML text, checked and resolved first.
    let mut set: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &args.title {
        if t.trim().is_empty() {
            return Err(Fail::input(say!(lang, TitleEmpty)).into());
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
        set.push(("owner", quote(&plan.owners[resolve::owner(plan, o, "--owner", lang)?].id)));
    }
    let mut unset: Vec<&str> = args.unset.iter().map(|u| u.key()).collect();
    if let Some(list) = &f.support {
        let ids = list
            .iter()
            .filter(|o| !o.trim().is_empty())
            .map(|o| resolve::owner(plan, o, "--support", lang).map(|k| plan.owners[k].id.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        if ids.is_empty() {
            unset.push("support");
        } else {
            set.push(("support", array(&ids)));
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
    if let Some((key, _)) = set.iter().find(|(k, _)| unset.contains(k)) {
        return Err(Fail::input(say!(lang, SetAndUnset, key)).into());
    }
    if set.is_empty() && unset.is_empty() {
        return Err(Fail::input(say!(lang, NothingToEdit)).into());
    }

    let block = s.block(i)?;
    let head = &s.text()[block.head.clone()];
    let new_head = edit_head(head, &set, &unset, s.eol(), ORDER)
        .map_err(|e| Fail::input(say!(lang, CannotEditTask, id = task.id, reason = e)))?;
    let change = Change::new(block.head.clone(), new_head);
    if change.is_noop(s.text()) {
        return Err(Fail::findings(say!(lang, EditChangesNothing, id = task.id)).into());
    }
    s.check(&change, block.content.clone())?;
    let changed: Vec<&str> = set.iter().map(|(k, _)| *k).collect();
    let mut summary = changed.join(", ");
    if !unset.is_empty() {
        if !summary.is_empty() {
            summary.push_str("; ");
        }
        summary.push_str(&format!("{} {}", lang.pick("bỏ", "removed"), unset.join(", ")));
    }
    let id = task.id.clone();
    s.commit(&change)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(&format!("Đã sửa nhiệm vụ {id}: {summary}."), &format!("Changed task {id}: {summary}."))
    )))
}
