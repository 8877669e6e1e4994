//! `par done`: marks a task, or one period of a recurring task, done.

use crate::cli::DoneArgs;
use crate::compute::schedule::occurrences;
use crate::compute::standing::Entry;
use crate::dates::short;
use crate::error::Fail;
use crate::say;
use crate::write::journal::Kind;
use crate::write::resolve::Untyped;
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
    // Without a period: the one occurrence past due and open, else the date's (#18.2).
    let mut chosen_note = String::new();
    let period = match typed_period.as_deref() {
        Some(t) => resolve::done_period(plan, task, Some(t), date, lang)?,
        None => match resolve::untyped_period(plan, task, Entry::Done, "done", date, ctx.today, lang)? {
            Untyped::None | Untyped::Current => resolve::done_period(plan, task, None, date, lang)?,
            Untyped::Overdue(p) => {
                chosen_note = resolve::overdue_note(p, lang);
                Some(p)
            }
            Untyped::Ask(periods, list) => {
                let id = task.id.clone();
                drop(s);
                let p = resolve::ask(&id, &periods, &list, lang)?;
                return run(ctx, &DoneArgs { period: Some(p.to_string()), ..args.clone() });
            }
        },
    };
    resolve::not_future(date, ctx.today, crate::messages::Msg::WhatWorkDone, lang)?;
    let what = match period {
        Some(p) => say!(lang, WhatTaskInPeriod, id = task.id, period = p.label(lang)),
        None => say!(lang, WhatTask, id = task.id),
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
    let unmet = target_missed(task, period, date, lang);
    s.append_entry(i, lines, Kind::Done)?;
    if let Some(warning) = unmet {
        eprintln!("{warning}");
    }
    Ok(Outcome::ok(format!(
        "{}{chosen_note}\n",
        lang.pick(
            &format!("Đã đánh dấu hoàn thành {what} ngày {}{timing}.", short(date)),
            &format!("Marked {what} done on {}{timing}.", short(date)),
        )
    )))
}

/// The warning for a done mark whose indicator missed its target: the measurement of the
/// occurrence's period (a recurring task) or the latest one up to the done date (a one-off).
fn target_missed(
    task: &crate::plan::Task,
    period: Option<crate::period::Period>,
    date: chrono::NaiveDate,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let ind = task.indicator.as_ref()?;
    let m = match period {
        Some(p) => task.measures.iter().filter(|m| m.period == Some(p)).max_by_key(|m| m.date),
        None => task.measures.iter().filter(|m| m.date <= date).max_by_key(|m| (m.period, m.date)),
    }?;
    if ind.met(m.value) {
        return None;
    }
    let unit = ind.unit.as_deref().unwrap_or("");
    let sign = match ind.direction {
        crate::plan::Direction::AtLeast => "≥",
        crate::plan::Direction::AtMost => "≤",
    };
    let num = |x: f64| {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        if lang == crate::i18n::Lang::Vi { s.replace('.', ",") } else { s }
    };
    let (value, target) = (num(m.value), num(ind.target));
    let warning = crate::say!(
        lang,
        DoneTargetNotMet,
        id = task.id,
        indicator = ind.name.trim(),
        value = format!("{value}{unit}"),
        target = format!("{sign} {target}{unit}")
    );
    Some(format!("{}: {warning}", crate::say!(lang, LabelWarning)))
}
