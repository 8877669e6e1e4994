//! `par log`: a dated progress entry ("what was done") under a task.

use crate::cli::LogArgs;
use crate::compute::standing::Entry;
use crate::dates::short;
use crate::error::Fail;
use crate::say;
use crate::write::journal::Kind;
use crate::write::resolve::Untyped;
use crate::write::splice::Lines;
use crate::write::{Session, author, resolve};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &LogArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let (i, key_period) = s.key(&args.id)?;
    let typed_period = resolve::key_period(key_period, args.period.as_deref(), plan, lang)?;
    let task = &plan.tasks[i];
    let text = args.text.trim();
    if text.is_empty() {
        return Err(Fail::input(say!(lang, LogTextEmpty)).into());
    }
    let date = match &args.date {
        Some(d) => resolve::date(d, "--date", ctx.today, plan.meta.year, lang)?,
        None => ctx.today,
    };
    resolve::not_future(date, ctx.today, crate::messages::Msg::WhatWorkDone, lang)?;
    // Without a period, a recurring task's entry goes to the one occurrence past due and
    // open, else to the period of its date (#18.2).
    let mut chosen_note = String::new();
    let period = match typed_period.as_deref() {
        Some(t) => resolve::log_period(plan, task, Some(t), lang)?,
        None => match resolve::untyped_period(plan, task, Entry::Log, "log", date, ctx.today, lang)? {
            Untyped::None => None,
            Untyped::Current => current_period(plan, task, date),
            Untyped::Overdue(p) => {
                chosen_note = resolve::overdue_note(p, lang);
                Some(p)
            }
            Untyped::Ask(periods, list) => {
                let id = task.id.clone();
                drop(s);
                let p = resolve::ask(&id, &periods, &list, lang)?;
                return run(ctx, &LogArgs { period: Some(p.to_string()), ..args.clone() });
            }
        },
    };
    let evidence: Vec<String> = args.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    let by = author(args.by.as_deref(), plan);

    let mut lines = Lines::new(s.eol());
    lines.raw("[[task.log]]").date("date", Some(date)).string("text", text);
    if let Some(p) = period {
        lines.string("period", &p.to_string());
    }
    lines.strings("evidence", &evidence).opt_string("by", by.as_deref());
    let id = task.id.clone();
    s.append_entry(i, lines, Kind::Log)?;
    let of_period = period.map(|p| format!(" ({})", p.label(lang))).unwrap_or_default();
    Ok(Outcome::ok(format!(
        "{}{chosen_note}\n",
        lang.pick(
            &format!("Đã ghi nhật ký tiến độ cho nhiệm vụ {id}{of_period} ngày {}.", short(date)),
            &format!("Logged progress on task {id}{of_period} on {}.", short(date)),
        )
    )))
}

/// The period of a recurring task that holds `date`, when it is one of the task's.
fn current_period(
    plan: &crate::plan::Plan,
    task: &crate::plan::Task,
    date: chrono::NaiveDate,
) -> Option<crate::period::Period> {
    let crate::plan::Repeat::Every(every) = task.repeat else { return None };
    let p = crate::period::Period::containing(every, date);
    resolve::task_periods(plan, task).contains(&p).then_some(p)
}
