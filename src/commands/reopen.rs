//! `par reopen`: removes a done mark.

use crate::cli::ReopenArgs;
use crate::dates::short;
use crate::error::Fail;
use crate::period::Period;
use crate::plan::Repeat;
use crate::say;
use crate::write::journal;
use crate::write::splice::Change;
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ReopenArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let (i, key_period) = s.key(&args.id)?;
    let typed_period = resolve::key_period(key_period, args.period.as_deref(), plan, lang)?;
    let task = &plan.tasks[i];
    let not_done = |what: String| -> anyhow::Error { Fail::findings(say!(lang, NotDone, what)).into() };
    let name = format!("{} {}", lang.pick("nhiệm vụ", "task"), task.id);
    let which = match (task.repeat, &typed_period) {
        (Repeat::Every(_), Some(typed)) => {
            let p = Period::parse(typed, Some(plan.meta.year))
                .map_err(|e| Fail::input(say!(lang, BadPeriodOption, reason = crate::text::clean(&e))))?;
            match task.done.iter().position(|d| d.period == Some(p)) {
                Some(n) => n,
                None => return Err(not_done(format!("{name} ({})", p.label(lang)))),
            }
        }
        (Repeat::Every(_), None) => {
            // The latest period marked done: undoing the last thing is what people mean.
            match task.done.iter().enumerate().max_by_key(|(_, d)| d.period) {
                Some((n, _)) => n,
                None => return Err(not_done(name)),
            }
        }
        (_, Some(_)) => return Err(resolve::no_periods(task, lang).into()),
        (_, None) if task.done.is_empty() => return Err(not_done(name)),
        (_, None) => 0,
    };
    let mark = &task.done[which];
    let block = s.block(i)?;
    let (_, removed) = block.child("done", which).cloned().ok_or_else(|| Fail::input(say!(lang, DoneMarkNotFound)))?;
    let change = Change::new(removed, "");
    let checked = s.check(&change, block.content)?;
    if checked.done.len() + 1 != task.done.len() {
        return Err(Fail::input(say!(lang, DoneMarkNotRemoved)).into());
    }
    let what = match mark.period {
        Some(p) => format!("{name} ({})", p.label(lang)),
        None => name,
    };
    let date = short(mark.date);
    let (id, mark) = (task.id.clone(), mark.clone());
    // Removed on purpose: not a loss to warn about later.
    s.commit_then(&change, |s| journal::forget_done(s, &id, &mark))?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã bỏ đánh dấu hoàn thành {what} (ngày {date})."),
            &format!("Reopened {what}: removed its done mark of {date}."),
        )
    )))
}
