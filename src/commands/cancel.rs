//! `par cancel ID --reason "…"`: keeps a task that will not be carried out, with the
//! day it was decided and why (`cancelled = { date = …, reason = "…" }`); its undone
//! items then read "Không thực hiện" / "Not carried out", never overdue. `--undo` takes
//! the line back out. Only the task's key lines change (see [`crate::write::keys`]).

use crate::cli::CancelArgs;
use crate::dates::short;
use crate::error::Fail;
use crate::plan::Repeat;
use crate::write::keys::edit_head;
use crate::write::splice::{Change, date, quote};
use crate::write::{Session, resolve};
use crate::{Context, Outcome, say};

const ORDER: &[&str] = crate::plan::schema::RawTask::KEYS;

pub fn run(ctx: &Context, args: &CancelArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let i = s.task(&args.id)?;
    let task = &plan.tasks[i];
    let id = task.id.clone();
    let (set, unset): (Vec<(&str, String)>, Vec<&str>) = if args.undo {
        if task.cancelled.is_none() {
            return Err(Fail::findings(say!(lang, NotCancelled, id)).into());
        }
        (Vec::new(), vec!["cancelled"])
    } else {
        let reason = args.reason.as_deref().map(str::trim).unwrap_or("");
        if reason.is_empty() {
            return Err(Fail::input(say!(lang, CancelNeedsReason, id))
                .help(say!(lang, CancelNeedsReasonHelp, id))
                .into());
        }
        if let Some(c) = &task.cancelled {
            let (date, reason) = (short(c.date), &c.reason);
            return Err(Fail::findings(say!(lang, AlreadyCancelled, id, date, reason)).into());
        }
        if task.repeat == Repeat::Once && !task.done.is_empty() {
            return Err(Fail::findings(say!(lang, CancelDoneTask, id)).into());
        }
        let day = match &args.date {
            Some(typed) => resolve::date(typed, "--date", ctx.today, plan.meta.year, lang)?,
            None => ctx.today,
        };
        resolve::not_future(day, ctx.today, crate::messages::Msg::WhatACancellation, lang)?;
        (vec![("cancelled", format!("{{ date = {}, reason = {} }}", date(day), quote(reason)))], Vec::new())
    };
    let block = s.block(i)?;
    let head = &s.text()[block.head.clone()];
    let new_head = edit_head(head, &set, &unset, s.eol(), ORDER)
        .map_err(|e| Fail::input(say!(lang, CannotEditTask, id, reason = e)))?;
    let change = Change::new(block.head.clone(), new_head);
    if change.is_noop(s.text()) {
        // `[task.cancelled]` written as a table of its own: not among the task's key lines.
        return Err(Fail::input(say!(lang, CancelTableByHand, id)).into());
    }
    let checked = s.check(&change, block.content.clone())?;
    if checked.cancelled.is_some() == args.undo {
        return Err(Fail::input(say!(lang, CancelNotPlaced)).into());
    }
    s.commit(&change)?;
    let said = match (&checked.cancelled, args.undo) {
        (Some(c), false) => lang
            .pick(
                &format!("Đã ghi nhiệm vụ {id} không thực hiện từ ngày {}: {}.", short(c.date), c.reason),
                &format!("Task {id} recorded as not carried out from {}: {}.", short(c.date), c.reason),
            )
            .to_string(),
        _ => lang
            .pick(
                &format!("Đã bỏ ghi nhận không thực hiện của nhiệm vụ {id}."),
                &format!("Task {id} is no longer recorded as not carried out."),
            )
            .to_string(),
    };
    Ok(Outcome::ok(format!("{said}\n")))
}
