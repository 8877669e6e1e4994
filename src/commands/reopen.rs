//! `par reopen`: removes a done mark.

use crate::cli::ReopenArgs;
use crate::dates::short;
use crate::error::Fail;
use crate::period::Period;
use crate::plan::Repeat;
use crate::say;
use crate::write::journal;
use crate::write::splice::{Lines, block_after, combine};
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ReopenArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let (i, key_period) = s.key(&args.id)?;
    let typed_period = resolve::key_period(key_period, args.period.as_deref(), plan, lang)?;
    let task = &plan.tasks[i];
    let not_done = |what: String| -> anyhow::Error { Fail::findings(say!(lang, NotDone, what)).into() };
    let name = say!(lang, WhatTask, id = task.id);
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
    let mark = task.done[which].clone();
    let block = s.block(i)?;
    let (_, removed) = block.child("done", which).cloned().ok_or_else(|| Fail::input(say!(lang, DoneMarkNotFound)))?;
    // Nothing vanishes: the mark's date, note, evidence and author become a log entry.
    let today = short(ctx.today);
    let mut text = lang
        .pick(
            &format!("Bỏ đánh dấu hoàn thành ngày {today} (par reopen)"),
            &format!("Done mark removed on {today} (par reopen)"),
        )
        .to_string();
    if let Some(note) = mark.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        text.push_str(&format!("; {}: {note}", lang.pick("ghi chú khi hoàn thành", "its note")));
    }
    let mut log = Lines::new(s.eol());
    log.raw("[[task.log]]").date("date", Some(mark.date)).string("text", &text);
    if let Some(p) = mark.period {
        log.string("period", &p.to_string());
    }
    log.strings("evidence", &mark.evidence).opt_string("by", mark.by.as_deref());
    log.raw(&format!("at = {}", crate::write::timestamp()?));
    let end = block.content.end;
    let change = combine(
        s.text(),
        vec![(removed.clone(), String::new()), (end..end, block_after(s.text(), end, &log.text, s.eol()))],
    );
    let checked = s.check(&change, block.content)?;
    if checked.done.len() + 1 != task.done.len() || checked.log.len() != task.log.len() + 1 {
        return Err(Fail::input(say!(lang, DoneMarkNotRemoved)).into());
    }
    let what = match mark.period {
        Some(p) => format!("{name} ({})", p.label(lang)),
        None => name,
    };
    let date = short(mark.date);
    let id = task.id.clone();
    let entry = journal::Entry::appended(&checked, journal::Kind::Log, &log.text);
    // Removed on purpose: not a loss to warn about later; the log entry is par's to keep.
    s.commit_then(&change, |s| {
        journal::forget_done(s, &id, &mark);
        journal::record_appended(s, entry);
    })?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã bỏ đánh dấu hoàn thành {what} (ngày {date}); ngày, ghi chú và minh chứng của nó được chuyển vào nhật ký."),
            &format!("Reopened {what}: removed its done mark of {date}; its date, note and evidence are kept as a log entry."),
        )
    )))
}
