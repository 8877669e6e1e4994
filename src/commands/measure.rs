//! `par measure`: records a measured result of a task against its indicator's target.

use crate::cli::MeasureArgs;
use crate::error::{Fail, code};
use crate::say;
use crate::write::journal::Kind;
use crate::write::splice::Lines;
use crate::write::{Session, author, resolve};
use crate::{Context, Outcome};

/// Reads "95", "95.5", "95,5" (Vietnamese decimal comma) or "95%".
fn parse_value(typed: &str) -> Option<f64> {
    let t = typed.trim().trim_end_matches('%').trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A value as TOML writes it: `100`, `66.7`.
fn toml_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

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
    let period = resolve::done_period(plan, task, typed_period.as_deref(), date, lang)?;
    // A recurring task may run past the plan's year, but measurements are of the plan's
    // year (the plan check refuses others): say so here, rather than as a refused change.
    if let Some(p) = period.filter(|p| p.year() != plan.meta.year) {
        let year = plan.meta.year;
        return Err(Fail::input(say!(lang, MeasureOutsideYear, p, year))
            .help(say!(lang, MeasureOutsideYearHelp, year))
            .into());
    }
    resolve::not_future(date, ctx.today, ("số đo", "a measurement"), lang)?;
    if let Some(prev) = task.measures.iter().find(|m| m.period.is_some() && m.period == period) {
        let p = period.map(|p| p.to_string()).unwrap_or_default();
        return Ok(Outcome {
            stdout: format!(
                "{}\n",
                lang.pick(
                    &format!(
                        "Nhiệm vụ {} đã có số đo kỳ {p} ({}); không ghi thêm. Sửa trong tệp nếu cần thay số.",
                        task.id, prev.value
                    ),
                    &format!(
                        "Task {} already has a measurement for {p} ({}); nothing written. Edit the file to change it.",
                        task.id, prev.value
                    ),
                )
            ),
            code: code::FINDINGS,
        });
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
        "{}\n",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_typed() {
        assert_eq!(parse_value("95"), Some(95.0));
        assert_eq!(parse_value("95,5"), Some(95.5));
        assert_eq!(parse_value(" 66.7 % "), Some(66.7));
        assert_eq!(parse_value("-3"), Some(-3.0));
        assert_eq!(parse_value("chín"), None);
        assert_eq!(parse_value("inf"), None);
        assert_eq!(toml_number(100.0), "100");
        assert_eq!(toml_number(66.7), "66.7");
    }
}
