//! `par measure`: records a measured result of a task against its indicator's target.

use crate::cli::MeasureArgs;
use crate::compute::standing::Entry;
use crate::error::{Fail, code};
use crate::say;
use crate::write::journal::Kind;
use crate::write::resolve::Untyped;
use crate::write::splice::Lines;
use crate::write::{Session, author, resolve};
use crate::{Context, Outcome};

use crate::write::fields::{parse_number as parse_value, toml_number};

#[path = "measure_replace.rs"]
mod replace;

pub fn run(ctx: &Context, args: &MeasureArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let (i, key_period) = s.key(&args.id)?;
    let typed_period = resolve::key_period(key_period, args.period.as_deref(), plan, lang)?;
    let task = &plan.tasks[i];
    let Some(indicator) = &task.indicator else {
        return Err(Fail::input(say!(lang, NoIndicator, id = task.id)).into());
    };
    let value = parse_value(&args.value)
        .ok_or_else(|| Fail::input(say!(lang, NotANumber, value = crate::text::clean(&args.value))))?;
    let date = match &args.date {
        Some(d) => resolve::date(d, "--date", ctx.today, plan.meta.year, lang)?,
        None => ctx.today,
    };
    // Without a period: the one occurrence past due and not measured, else the date's (#18.2).
    let mut chosen_note = String::new();
    let period = match typed_period.as_deref() {
        Some(t) => resolve::done_period(plan, task, Some(t), date, lang)?,
        None => match resolve::untyped_period(plan, task, Entry::Measure, "measure", date, ctx.today, lang)? {
            Untyped::None | Untyped::Current => resolve::done_period(plan, task, None, date, lang)?,
            Untyped::Overdue(p) => {
                chosen_note = resolve::overdue_note(p, lang);
                Some(p)
            }
            Untyped::Ask(periods, list) => {
                let id = task.id.clone();
                drop(s);
                let p = resolve::ask(&id, &periods, &list, lang)?;
                return run(ctx, &MeasureArgs { period: Some(p.to_string()), ..args.clone() });
            }
        },
    };
    // A recurring task may run past the plan's year, but measurements are of the plan's
    // year (the plan check refuses others): say so here, rather than as a refused change.
    if let Some(p) = period.filter(|p| p.year() != plan.meta.year) {
        let year = plan.meta.year;
        return Err(Fail::input(say!(lang, MeasureOutsideYear, p, year))
            .help(say!(lang, MeasureOutsideYearHelp, year))
            .into());
    }
    resolve::not_future(date, ctx.today, crate::messages::Msg::WhatAMeasurement, lang)?;
    // The measurement of that period, if any: a recurring task has one per period; any other
    // task's latest measurement is what --replace corrects.
    let existing = match period {
        Some(_) => task.measures.iter().position(|m| m.period == period),
        None if args.replace => task.measures.iter().enumerate().max_by_key(|(_, m)| m.date).map(|(n, _)| n),
        None => None,
    };
    match existing {
        Some(n) if args.replace => {
            return replace::run(s, i, n, value, date, args, period);
        }
        Some(n) => {
            let prev = &task.measures[n];
            let p = period.map(|p| p.to_string()).unwrap_or_default();
            return Ok(Outcome {
                stdout: format!(
                    "{}\n",
                    lang.pick(
                        &format!(
                            "Nhiệm vụ {} đã có số đo kỳ {p} ({}); không ghi thêm. Sửa số đó bằng: par measure {} {} --period {p} --replace",
                            task.id, prev.value, task.id, toml_number(value)
                        ),
                        &format!(
                            "Task {} already has a measurement for {p} ({}); nothing written. Correct it with: par measure {} {} --period {p} --replace",
                            task.id, prev.value, task.id, toml_number(value)
                        ),
                    )
                ),
                code: code::FINDINGS,
            });
        }
        None if args.replace => {
            let message = match period {
                Some(period) => crate::say!(lang, NothingToReplaceIn, id = task.id, period),
                None => crate::say!(lang, NothingToReplace, id = task.id),
            };
            return Err(Fail::input(message).help(crate::say!(lang, NothingToReplaceHelp)).into());
        }
        None => {}
    }
    let by = author(args.by.as_deref(), plan);
    let note = args.note.as_deref().map(str::trim).filter(|n| !n.is_empty());

    let mut lines = Lines::new(s.eol());
    lines.raw("[[task.measure]]");
    if let Some(p) = period {
        lines.string("period", &p.to_string());
    }
    lines.raw(&format!("value = {}", toml_number(value))).date("date", Some(date));
    lines.opt_string("note", note).opt_string("by", by.as_deref());
    let met = indicator.met(value);
    let id = task.id.clone();
    let unit = indicator.unit.clone().unwrap_or_default();
    let target = indicator.target;
    s.append_entry(i, lines, Kind::Measure)?;
    let when = period.map(|p| p.to_string()).unwrap_or_else(|| crate::dates::short(date));
    Ok(Outcome::ok(format!(
        "{}{chosen_note}\n",
        lang.pick(
            &format!(
                "Đã ghi số đo nhiệm vụ {id} kỳ {when}: {value}{unit} (mục tiêu {target}{unit}: {}).",
                if met { "đạt" } else { "chưa đạt" }
            ),
            &format!(
                "Recorded task {id}'s measurement for {when}: {value}{unit} (target {target}{unit}: {}).",
                if met { "met" } else { "not met" }
            ),
        )
    )))
}
