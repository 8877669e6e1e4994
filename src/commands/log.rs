//! `par log`: a dated progress entry ("what was done") under a task.

use crate::cli::LogArgs;
use crate::dates::short;
use crate::error::Fail;
use crate::say;
use crate::write::journal::Kind;
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
    resolve::not_future(date, ctx.today, ("việc đã làm", "work done"), lang)?;
    let period = resolve::log_period(plan, task, typed_period.as_deref(), lang)?;
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
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã ghi nhật ký tiến độ cho nhiệm vụ {id} ngày {}.", short(date)),
            &format!("Logged progress on task {id} on {}.", short(date)),
        )
    )))
}
