//! Turning what a user typed on the command line into plan values, with messages
//! that say what to type instead.

use chrono::NaiveDate;

use crate::compute::schedule::occurrences;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::period::Period;
use crate::plan::{OwnerMatch, Plan, Repeat, Task};
use crate::say;
use crate::text::{clean, nearest, nfc};

/// A date option: `30/5/2025`, `30/5/25`, `30/5` (in the plan's `year`), `2025-05-30`,
/// `hôm nay`… (see [`crate::dates::parse_typed_date`]).
pub fn date(typed: &str, option: &str, today: NaiveDate, year: i32, lang: Lang) -> Result<NaiveDate, Fail> {
    use crate::dates::{DateSlip, YEARS, parse_typed_date};
    let shown = crate::text::truncate(&crate::text::one_line(typed.trim()), 40);
    let shown = clean(&shown).to_string();
    parse_typed_date(typed, today, year).map_err(|slip| {
        let message = match slip {
            DateSlip::NotADate => say!(lang, NotADate, option, typed = shown),
            DateSlip::OutsideYears => {
                say!(lang, DateOutsideYears, option, typed = shown, from = YEARS.start(), to = YEARS.end())
            }
        };
        Fail::input(message).help(say!(lang, DateHelp, year, yy = year % 100))
    })
}

/// Refuses a day after today for what has happened (done, log, measure): `what` is the
/// thing recorded (a `What…` phrase of the catalogue).
pub fn not_future(date: NaiveDate, today: NaiveDate, what: Msg, lang: Lang) -> Result<(), Fail> {
    if date <= today {
        return Ok(());
    }
    let (day, today) = (crate::dates::short(date), crate::dates::short(today));
    Err(Fail::input(say!(lang, FutureDate, day, today, what = what.text(lang))).help(say!(lang, FutureDateHelp)))
}

/// An owner by id (any case) or by name (see [`Plan::find_owner`]); returns its index.
/// Names held by several owners are refused, listing them.
pub fn owner(plan: &Plan, typed: &str, option: &str, lang: Lang) -> Result<usize, Fail> {
    let t = typed.trim();
    match plan.find_owner(t) {
        OwnerMatch::One(i) => Ok(i),
        OwnerMatch::Many(found) => {
            let list: Vec<String> =
                found.iter().map(|&i| format!("{} ({})", plan.owners[i].id, plan.owners[i].name)).collect();
            Err(Fail::input(say!(lang, OwnerAmbiguous, option, typed = clean(t), list = list.join(", ")))
                .help(say!(lang, OwnerAmbiguousHelp)))
        }
        OwnerMatch::None => {
            let ids: Vec<&str> = plan.owners.iter().map(|o| o.id.as_str()).collect();
            Err(unknown((Msg::NoOwner, Msg::NoOwnerNear), option, t, &ids, lang))
        }
    }
}

/// [`owner`] for an owner a task is given (`--owner`, `--support` of add and edit): an
/// unknown one is refused with how to add it (`par owner add ID --name "…"`).
pub fn owner_to_assign(plan: &Plan, typed: &str, option: &str, lang: Lang) -> Result<usize, Fail> {
    owner(plan, typed, option, lang).map_err(|mut e| {
        if matches!(plan.find_owner(typed.trim()), OwnerMatch::None) {
            let id = crate::text::one_line(typed.trim());
            let id = if id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') { id } else { "ma".into() };
            let known: Vec<&str> = plan.owners.iter().map(|o| o.id.as_str()).collect();
            e.help = Some(say!(lang, AddOwnerFirstHelp, id, ids = known.join(", ")).to_string());
        }
        e
    })
}

/// An index criterion by its code (`3.2`); returns its index in the plan's index.
/// Refused when the plan has no `[index]`, or naming the nearest code.
pub fn criterion(plan: &Plan, typed: &str, lang: Lang) -> Result<usize, Fail> {
    let t = typed.trim();
    let Some(index) = &plan.index else {
        return Err(
            Fail::input(say!(lang, CriteriaWithoutIndex, typed = clean(t))).help(say!(lang, CriteriaWithoutIndexHelp))
        );
    };
    if let Some(i) = index.nodes.iter().position(|c| c.code == t) {
        return Ok(i);
    }
    let near = nearest(t, index.nodes.iter().map(|c| c.code.as_str()), 1);
    let message = match near.first() {
        Some(near) => say!(lang, NoCriterionNear, typed = clean(t), near),
        None => say!(lang, NoCriterion, typed = clean(t)),
    };
    Err(Fail::input(message).help(say!(lang, NoCriterionHelp)))
}

/// A list option as typed: a bare list replaces (`vt,ht`); items with `+` or `-`
/// add to or remove from what the task has (`+vt,-cchc`).
#[derive(Debug, PartialEq, Eq)]
pub enum ListChange {
    Replace(Vec<String>),
    Delta { add: Vec<String>, remove: Vec<String> },
}

/// Reads `--support`/`--criteria` items; mixing bare items with `+`/`-` ones is refused.
pub fn list_change(items: &[String], option: &str, lang: Lang) -> Result<ListChange, Fail> {
    let items: Vec<&str> = items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()).collect();
    let signed = items.iter().filter(|i| i.starts_with(['+', '-'])).count();
    if signed == 0 {
        return Ok(ListChange::Replace(items.iter().map(|i| i.to_string()).collect()));
    }
    if signed != items.len() {
        return Err(Fail::input(say!(lang, ListSignsMixed, option)).help(say!(lang, ListSignsMixedHelp, option)));
    }
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    for i in items {
        let (sign, rest) = i.split_at(1);
        let rest = rest.trim();
        if rest.is_empty() {
            continue;
        }
        if sign == "+" { add.push(rest.to_string()) } else { remove.push(rest.to_string()) }
    }
    Ok(ListChange::Delta { add, remove })
}

/// `current` after `change`, with each item resolved to the id written in the file by
/// `resolve`; removing an item the list does not hold is refused, naming the list.
pub fn apply_list(
    current: &[String],
    change: &ListChange,
    option: &str,
    lang: Lang,
    mut resolve: impl FnMut(&str) -> Result<String, Fail>,
) -> Result<Vec<String>, Fail> {
    match change {
        ListChange::Replace(items) => {
            let mut out: Vec<String> = Vec::new();
            for i in items {
                let id = resolve(i)?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            Ok(out)
        }
        ListChange::Delta { add, remove } => {
            let mut out = current.to_vec();
            for r in remove {
                let id = resolve(r)?;
                match out.iter().position(|c| *c == id) {
                    Some(p) => {
                        out.remove(p);
                    }
                    None => {
                        let now = if current.is_empty() { "–".to_string() } else { current.join(", ") };
                        return Err(Fail::input(say!(lang, ListItemAbsent, option, id, now)).help(say!(
                            lang,
                            ListItemAbsentHelp,
                            id
                        )));
                    }
                }
            }
            for a in add {
                let id = resolve(a)?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            Ok(out)
        }
    }
}

/// A task key as par prints it: `4`, `III.1`, `II.4` (section-qualified), optionally
/// with the period of one occurrence: `4@2025-Q3`, `4@Q3` (the plan's year). This is the
/// one place a typed task id is resolved; the period, if any, must be one of the task's.
pub fn task_key(plan: &Plan, typed: &str, lang: Lang) -> Result<(usize, Option<Period>), Fail> {
    let t = typed.trim();
    let (id, period) = match t.split_once('@') {
        Some((id, p)) => (id.trim(), Some(p.trim())),
        None => (t, None),
    };
    if id.is_empty() || period.is_some_and(|p| p.is_empty() || p.contains('@')) {
        return Err(Fail::input(say!(lang, NotATaskKey, key = clean(t))).help(say!(lang, NotATaskKeyHelp)));
    }
    let i = plan.find_task(id).ok_or_else(|| unknown_task(plan, id, lang))?;
    let Some(p) = period else { return Ok((i, None)) };
    let task = &plan.tasks[i];
    let key = clean(t);
    let p = Period::parse(p, Some(plan.meta.year)).map_err(|_| {
        Fail::input(say!(lang, KeyNotAPeriod, key, period = clean(p))).help(say!(lang, KeyNotAPeriodHelp))
    })?;
    if !matches!(task.repeat, Repeat::Every(_)) {
        return Err(Fail::input(say!(lang, KeyNoRepeat, key, id = task.id)).help(say!(
            lang,
            KeyNoRepeatHelp,
            id = task.id
        )));
    }
    let periods = task_periods(plan, task);
    if !periods.contains(&p) {
        let all: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
        return Err(Fail::input(say!(lang, KeyNotAnOccurrence, key, period = p, id = task.id)).help(say!(
            lang,
            TaskPeriodsHelp,
            periods = all.join(", ")
        )));
    }
    Ok((i, Some(p)))
}

/// The error for an id that matches no task, naming the closest ids.
fn unknown_task(plan: &Plan, typed: &str, lang: Lang) -> Fail {
    let near = nearest(typed, plan.tasks.iter().map(|t| t.id.as_str()), 3);
    let near = near.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    let id = clean(typed);
    let message = match near.is_empty() {
        true => say!(lang, NoTaskKnown, id),
        false => say!(lang, NoTaskNear, id, near),
    };
    Fail::input(message).help(say!(lang, NoTaskHelp))
}

/// The period a command works on, from the key's `@period` and `--period`: either, or
/// both when they agree (a conflict is refused, naming both). Returned as text for
/// [`done_period`] and [`log_period`] to check as they check `--period`.
pub fn key_period(key: Option<Period>, typed: Option<&str>, plan: &Plan, lang: Lang) -> Result<Option<String>, Fail> {
    match (key, typed) {
        (None, t) => Ok(t.map(String::from)),
        (Some(k), None) => Ok(Some(k.to_string())),
        (Some(k), Some(t)) => {
            let p = parse_period(plan, t)?;
            if p == k {
                return Ok(Some(k.to_string()));
            }
            Err(Fail::input(say!(lang, KeyAndPeriodDisagree, key = k, period = p))
                .help(say!(lang, KeyAndPeriodDisagreeHelp)))
        }
    }
}

/// A section by id (any case); returns its index.
pub fn section(plan: &Plan, typed: &str, lang: Lang) -> Result<usize, Fail> {
    let t = typed.trim();
    let key = nfc(t);
    plan.sections
        .iter()
        .position(|s| nfc(&s.id) == key)
        .or_else(|| plan.sections.iter().position(|s| nfc(&s.id).eq_ignore_ascii_case(&key)))
        .ok_or_else(|| {
            let ids: Vec<&str> = plan.sections.iter().map(|s| s.id.as_str()).collect();
            unknown((Msg::NoSection, Msg::NoSectionNear), "--section", t, &ids, lang)
        })
}

fn unknown(what: (Msg, Msg), option: &str, typed: &str, known: &[&str], lang: Lang) -> Fail {
    let near = nearest(typed, known.iter().copied(), 1);
    let args: [(&str, &dyn std::fmt::Display); 2] = [("option", &option), ("typed", &clean(typed))];
    let message = match near.first() {
        Some(n) => what.1.fill(lang, &[args[0], args[1], ("near", n)]),
        None => what.0.fill(lang, &args),
    };
    Fail::input(message).help(say!(lang, PlanIdsHelp, ids = known.join(", ")))
}

/// A repeat rule; returns its keyword as written in the file.
pub fn repeat(typed: &str, lang: Lang) -> Result<Repeat, Fail> {
    Repeat::parse(typed).ok_or_else(|| {
        Fail::input(say!(lang, UnknownRepeat, typed = clean(typed))).help(say!(
            lang,
            UnknownRepeatHelp,
            keywords = Repeat::KEYWORDS.join(", ")
        ))
    })
}

/// The periods a recurring task runs over, in order.
pub fn task_periods(plan: &Plan, task: &Task) -> Vec<Period> {
    occurrences(plan, task).iter().filter_map(|o| o.period).collect()
}

fn range_text(periods: &[Period]) -> String {
    match (periods.first(), periods.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} … {b}"),
        _ => "–".into(),
    }
}

/// Parses a `--period` and checks it is one of the task's occurrences (recurring
/// task) or lies in the plan's year (any other task).
fn parse_period(plan: &Plan, typed: &str) -> Result<Period, Fail> {
    Period::parse(typed, Some(plan.meta.year))
        .map_err(|e| Fail::input(say!(crate::messages::output_lang(), BadPeriodOption, reason = clean(&e))))
}

fn not_an_occurrence(task: &Task, period: Period, periods: &[Period], lang: Lang) -> Fail {
    Fail::input(say!(lang, PeriodNotAnOccurrence, period, id = task.id, range = range_text(periods)))
}

/// The error for `--period` on a task that does not repeat.
pub fn no_periods(task: &Task, lang: Lang) -> Fail {
    Fail::input(say!(lang, PeriodNoRepeat, id = task.id))
}

/// The period a done mark closes: none for a one-off or ongoing task; for a
/// recurring task `--period`, else the period holding the date. Either must be one
/// of the task's occurrences.
pub fn done_period(
    plan: &Plan,
    task: &Task,
    typed: Option<&str>,
    date: NaiveDate,
    lang: Lang,
) -> Result<Option<Period>, Fail> {
    let Repeat::Every(every) = task.repeat else {
        return match typed {
            Some(_) => Err(no_periods(task, lang)),
            None => Ok(None),
        };
    };
    let periods = task_periods(plan, task);
    let p = match typed {
        Some(t) => parse_period(plan, t)?,
        None => Period::containing(every, date),
    };
    if p.every() != every {
        let example = Period::containing(every, date);
        return Err(Fail::input(say!(lang, PeriodWrongShape, id = task.id, repeat = task.repeat.label(lang), example)));
    }
    if !periods.contains(&p) {
        let mut e = not_an_occurrence(task, p, &periods, lang);
        if typed.is_none() {
            let (day, last) =
                (crate::dates::short(date), periods.last().map_or_else(|| p.to_string(), |l| l.to_string()));
            e.message = say!(lang, DateOutsideTaskPeriods, day, period = p, id = task.id, range = range_text(&periods));
            e.help = Some(say!(lang, NamePeriodHelp, last));
        }
        return Err(e);
    }
    Ok(Some(p))
}

/// The period a progress entry reports on, if given: one of a recurring task's
/// occurrences, or a period of the plan's year for any other task.
pub fn log_period(plan: &Plan, task: &Task, typed: Option<&str>, lang: Lang) -> Result<Option<Period>, Fail> {
    let Some(t) = typed else { return Ok(None) };
    let p = parse_period(plan, t)?;
    match task.repeat {
        Repeat::Every(_) => {
            let periods = task_periods(plan, task);
            if !periods.contains(&p) {
                return Err(not_an_occurrence(task, p, &periods, lang));
            }
        }
        _ if p.year() != plan.meta.year => {
            return Err(Fail::input(say!(lang, PeriodOutsideYear, period = p, year = plan.meta.year)));
        }
        _ => {}
    }
    Ok(Some(p))
}

/// The period an entry goes to when the user named none, as
/// [`crate::compute::standing::entry_period`] chooses it.
#[derive(Debug)]
pub enum Untyped {
    /// No period: the task does not repeat.
    None,
    /// The one occurrence past due and still open: the message says it was chosen.
    Overdue(Period),
    /// Nothing past due: the period of the entry's date (checked as before).
    Current,
    /// Several occurrences are past due and open, and standard input is a terminal: the
    /// caller releases the plan's lock and asks with [`ask`] (the labelled list is given).
    Ask(Vec<Period>, Vec<String>),
}

/// Chooses the occurrence an entry (`command` = "done", "measure" or "log") goes to
/// without `--period` (an entry dated after today is left to the future-date check). With several occurrences past due and open: on a terminal (standard
/// input is one), asks which, by number; in a script, refuses (exit 2) listing the keys to
/// type. The caller asks (see [`Untyped::Ask`]) once it has released the plan's lock: a
/// person thinking must not block other writers.
pub fn untyped_period(
    plan: &Plan,
    task: &Task,
    entry: crate::compute::standing::Entry,
    command: &str,
    date: NaiveDate,
    today: NaiveDate,
    lang: Lang,
) -> Result<Untyped, Fail> {
    use crate::compute::standing::{Chosen, entry_period};
    // A day after today is refused by the caller, with the reason: nothing to choose.
    if date > today {
        return Ok(Untyped::Current);
    }
    match entry_period(plan, task, entry, date, today) {
        Chosen::NoPeriod => Ok(Untyped::None),
        Chosen::Overdue(p) => Ok(Untyped::Overdue(p)),
        Chosen::Current(_) => Ok(Untyped::Current),
        Chosen::Ambiguous(periods) => {
            let occs = occurrences(plan, task);
            let due = |p: Period| occs.iter().find(|o| o.period == Some(p)).and_then(|o| o.due);
            let list: Vec<String> = periods
                .iter()
                .map(|&p| match due(p) {
                    Some(d) => {
                        say!(lang, WhatOverdueKey, key = format!("{}@{p}", task.id), due = crate::dates::short(d))
                    }
                    None => format!("{}@{p}", task.id),
                })
                .collect();
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                return Ok(Untyped::Ask(periods, list));
            }
            let keys: Vec<String> = periods.iter().map(|p| format!("par {command} {}@{p}", task.id)).collect();
            let (id, count, list) = (&task.id, periods.len(), list.join(", "));
            Err(Fail::input(say!(lang, SeveralOverdue, id, count, list)).help(say!(
                lang,
                SeveralOverdueHelp,
                keys = keys.join(" | ")
            )))
        }
    }
}

/// Asks on the terminal which of `periods` an entry goes to: a numbered list on standard
/// error, the answer's number on standard input.
pub fn ask(task_id: &str, periods: &[Period], list: &[String], lang: Lang) -> Result<Period, Fail> {
    use std::io::{BufRead, Write};
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", say!(lang, SeveralOverdueAsk, id = task_id));
    for (n, item) in list.iter().enumerate() {
        let _ = writeln!(err, "  {}. {item}", n + 1);
    }
    let _ = write!(err, "{} ", say!(lang, SeveralOverduePrompt, count = periods.len()));
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer).map_err(|e| Fail::read(crate::error::io_reason(&e)))?;
    match answer.trim().parse::<usize>() {
        Ok(n) if (1..=periods.len()).contains(&n) => Ok(periods[n - 1]),
        _ => Err(Fail::input(say!(lang, NotAChoice, typed = clean(answer.trim()), count = periods.len())).help(say!(
            lang,
            NotAChoiceHelp,
            key = format!("{task_id}@{}", periods[0])
        ))),
    }
}

/// The sentence that says why an untyped entry went to an overdue period.
pub fn overdue_note(period: Period, lang: Lang) -> String {
    lang.pick(
        &format!(
            " Ghi vào kỳ {} vì kỳ này đã quá hạn mà chưa xong; muốn ghi kỳ khác, dùng --period.",
            period.label(lang)
        ),
        &format!(
            " Recorded for {} because that period is past due and still open; for another period, use --period.",
            period.label(lang)
        ),
    )
    .to_string()
}

/// The id a new task gets in section `section`: one more than the highest number
/// ending an id there (`8` → `9`, `III.2` → `III.3`), else `<section>.1`.
pub fn next_id(plan: &Plan, section: usize) -> String {
    let split = |id: &str| {
        let digits = id.len() - id.bytes().rev().take_while(u8::is_ascii_digit).count();
        id[digits..].parse::<u64>().ok().map(|n| (id[..digits].to_string(), n))
    };
    let best = plan.tasks.iter().filter(|t| t.section == section).filter_map(|t| split(&t.id)).max_by_key(|(_, n)| *n);
    let (prefix, mut n) = best.unwrap_or_else(|| (format!("{}.", plan.sections[section].id), 0));
    loop {
        n += 1;
        let id = format!("{prefix}{n}");
        if !plan.tasks.iter().any(|t| t.id.eq_ignore_ascii_case(&id)) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn seed() -> Plan {
        crate::plan::load::parse(Path::new("plan.toml"), include_str!("../../plan.toml")).unwrap()
    }

    #[test]
    fn next_ids() {
        let p = seed();
        let sec = |id: &str| p.sections.iter().position(|s| s.id == id).unwrap();
        assert_eq!(next_id(&p, sec("II")), "9");
        assert_eq!(next_id(&p, sec("III")), "III.3");
        assert_eq!(next_id(&p, sec("I")), "I.1");
    }

    #[test]
    fn periods_of_done_marks() {
        let p = seed();
        let t4 = &p.tasks[p.find_task("4").unwrap()];
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(done_period(&p, t4, None, d(2025, 11, 2), Lang::En).unwrap(), Some(Period::Quarter(2025, 4)));
        assert_eq!(done_period(&p, t4, Some("Q3"), d(2025, 11, 2), Lang::En).unwrap(), Some(Period::Quarter(2025, 3)));
        let e = done_period(&p, t4, Some("2025-Q1"), d(2025, 11, 2), Lang::En).unwrap_err();
        assert_eq!(e.message, "--period: 2025-Q1 is not one of task 4's periods (2025-Q2 … 2025-Q4)");
        let e = done_period(&p, t4, None, d(2026, 1, 5), Lang::En).unwrap_err();
        assert!(e.to_string().contains("--period 2025-Q4"), "{}", e);
        assert!(done_period(&p, t4, Some("2025-07"), d(2025, 7, 5), Lang::En).unwrap_err().message.contains("2025-Q3"));
        let t8 = &p.tasks[p.find_task("8").unwrap()];
        assert!(done_period(&p, t8, Some("2025-Q3"), d(2025, 7, 5), Lang::En).is_err());
        assert_eq!(log_period(&p, t8, Some("2025-Q3"), Lang::En).unwrap(), Some(Period::Quarter(2025, 3)));
        assert!(
            log_period(&p, t8, Some("2024-Q3"), Lang::En).unwrap_err().message.contains("outside the plan's year 2025")
        );
    }

    #[test]
    fn owners_by_id_or_name() {
        let p = seed();
        assert_eq!(p.owners[owner(&p, "HT", "--owner", Lang::En).unwrap()].id, "ht");
        assert_eq!(p.owners[owner(&p, "van thu", "--owner", Lang::En).unwrap()].id, "vt");
        let e = owner(&p, "chhc", "--owner", Lang::En).unwrap_err();
        assert!(e.message.starts_with("--owner: no owner has the id `chhc`; did you mean `cchc`?"), "{}", e.message);
    }
}
