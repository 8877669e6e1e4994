//! `par done`: marks a task, or one period of a recurring task, done.

use crate::cli::DoneArgs;
use crate::compute::schedule::occurrences;
use crate::dates::short;
use crate::error::Fail;
use crate::say;
use crate::write::journal::Kind;
use crate::write::splice::Lines;
use crate::write::{Session, author, resolve};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &DoneArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let (i, key_period) = s.key(&args.id)?;
    let typed_period = resolve::key_period(key_period, args.period.as_deref(), plan, lang)?;
    let task = &plan.tasks[i];
    let date = match &args.date {
        Some(d) => resolve::date(d, "--date", ctx.today, plan.meta.year, lang)?,
        None => ctx.today,
    };
    let period = resolve::done_period(plan, task, typed_period.as_deref(), date, lang)?;
    resolve::not_future(date, ctx.today, ("việc đã làm", "work done"), lang)?;
    let what = match period {
        Some(p) => format!("{} {} ({})", lang.pick("nhiệm vụ", "task"), task.id, p.label(lang)),
        None => format!("{} {}", lang.pick("nhiệm vụ", "task"), task.id),
    };
    if let Some(prev) = task.done.iter().find(|d| d.period == period) {
        let reopen = match period {
            Some(p) => format!("par reopen {} --period {p}", task.id),
            None => format!("par reopen {}", task.id),
        };
        return Err(Fail::findings(say!(lang, AlreadyDone, what, date = short(prev.date)))
            .help(say!(lang, AlreadyDoneHelp, reopen))
            .into());
    }

    let evidence: Vec<String> = args.evidence.iter().map(|e| e.trim().to_string()).filter(|e| !e.is_empty()).collect();
    let note = args.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let by = author(args.by.as_deref(), plan);
    let mut lines = Lines::new(s.eol());
    lines.raw("[[task.done]]");
    if let Some(p) = period {
        lines.string("period", &p.to_string());
    }
    lines
        .date("date", Some(date))
        .opt_string("note", note)
        .strings("evidence", &evidence)
        .opt_string("by", by.as_deref());
    let due = occurrences(plan, task).into_iter().find(|o| o.period == period).and_then(|o| o.due);
    let timing = match due {
        Some(due) if date > due => lang
            .pick(
                &format!(", trễ {} ngày so với hạn {}", (date - due).num_days(), short(due)),
                &format!(", {} days after the deadline {}", (date - due).num_days(), short(due)),
            )
            .to_string(),
        Some(due) => {
            lang.pick(&format!(", đúng hạn ({})", short(due)), &format!(", on time (due {})", short(due))).to_string()
        }
        None => String::new(),
    };
    s.append_entry(i, lines, Kind::Done)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã đánh dấu hoàn thành {what} ngày {}{timing}.", short(date)),
            &format!("Marked {what} done on {}{timing}.", short(date)),
        )
    )))
}
