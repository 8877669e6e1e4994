//! Period semantics: how an item stands on a day, which items a period's report holds,
//! and which occurrence a recorded entry goes to. One module, used by `status`,
//! `report`, `rollup`, and by `done`/`measure`/`log`, so they cannot disagree.
//!
//! # The rules
//!
//! - **An item** is a one-off task, one period's occurrence of a recurring task
//!   (`4@2025-Q3`) or an ongoing duty.
//! - **Classified on a day `D`** (the report's date, `--today`): a done mark dated on or
//!   before `D` counts, whenever it was recorded and whatever period it closes; the item is
//!   then done on time (done ≤ due) or done late (with its date). Otherwise it is overdue
//!   (D > due, with the days late), open (due on or after D), not started (its start is
//!   after D) or ongoing (no deadline). See [`standing`].
//! - **The items of period P's report** ([`in_period`]) are the occurrences due in P and
//!   the ongoing duties running in P: an occurrence of a recurring task belongs to the
//!   period it is tagged with (`2025-Q3`, the months July–September, or — for a
//!   half-yearly or yearly task — the quarter whose dates hold its due day); a one-off
//!   task belongs to the period whose dates hold its due date (2025-Q3: 1/7–30/9), even
//!   when the calendar's cut-off window is shifted (Decree 09: 15/6–14/9), so no item of
//!   the plan's year falls between two reports. The window decides the report's deadline
//!   and which undated-by-period entries (progress, measurements) are the period's.
//! - **One denominator**: [`plan_counts`] counts every item of the plan classified on
//!   `D`; it is `par status`'s total and the report's "whole plan" column. The report's
//!   "this period" column counts P's items, classified on the same `D`. Completion is done
//!   items over items with a deadline (ongoing duties are left out of the ratio).
//! - **Measurements** tagged to P count whenever they were recorded (dated on or before D):
//!   see [`super::measures::for_period`].
//! - **The default report** ([`default_period`]) is the latest period whose window has
//!   closed.
//! - **Where an entry goes** without `--period` ([`entry_period`]): the oldest occurrence
//!   that is due and still open (overdue first), else the one of the entry's date.

use chrono::NaiveDate;

use super::schedule::{Occurrence, Status, all_occurrences};
use super::status::Counts;
use crate::calendar::{self, Calendar, Window};
use crate::period::Period;
use crate::plan::{Plan, Repeat, Task};

/// Where an item stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    /// The done mark's date, when it counts on the day.
    pub done: Option<NaiveDate>,
    /// Days past due: on the done date for a done item, on the day for an undone one.
    pub days_late: i64,
}

/// The classification of `occurrence` on `on`: the one every count uses.
#[inline]
pub fn classify(occurrence: &Occurrence, on: NaiveDate) -> Status {
    occurrence.status(on)
}

/// How `occurrence` stands on `on`: see the module's rules.
pub fn standing(occurrence: &Occurrence, on: NaiveDate) -> Standing {
    Standing {
        status: classify(occurrence, on),
        done: occurrence.done_on(on).map(|d| d.date),
        days_late: occurrence.days_late(on),
    }
}

/// The one count: `items`, each classified on `on`.
pub fn count<'o, 'a: 'o>(items: impl IntoIterator<Item = &'o Occurrence<'a>>, on: NaiveDate) -> Counts {
    let mut c = Counts::default();
    for o in items {
        c.add(classify(o, on));
    }
    c
}

/// Every item of the plan classified on `on`: `par status`'s total and the report's
/// whole-plan column.
pub fn plan_counts(plan: &Plan, on: NaiveDate) -> Counts {
    let mut c = Counts::default();
    for o in all_occurrences(plan) {
        c.add(classify(&o, on));
    }
    c
}

/// Whether `occurrence` is one of the items of the report on `window.period`: an
/// occurrence due in the period, or an ongoing duty running in it (module rules).
pub fn in_period(plan: &Plan, occurrence: &Occurrence, window: &Window) -> bool {
    let p = window.period;
    match (occurrence.task.repeat, occurrence.period) {
        (Repeat::Ongoing, _) => {
            let start = occurrence.start.or(plan.meta.start);
            start.is_none_or(|s| s <= window.to) && occurrence.task.end.is_none_or(|e| e >= window.from)
        }
        (_, Some(op)) => within(op, p) || (within(p, op) && due_in(occurrence, p)),
        (_, None) => due_in(occurrence, p),
    }
}

/// Whether `occurrence` is due within the dates of period `p` (1/7–30/9 for 2025-Q3,
/// whatever the calendar's cut-off window).
fn due_in(occurrence: &Occurrence, p: Period) -> bool {
    occurrence.due.is_some_and(|d| p.start() <= d && d <= p.end())
}

/// Whether period `inner` lies within period `outer` (a period lies within itself).
pub fn within(inner: Period, outer: Period) -> bool {
    outer.start() <= inner.start() && inner.end() <= outer.end()
}

/// The period `par report` writes when none is asked for on `today`: the latest report of
/// the calendar whose window has closed (ended before `today`), searched in the plan's
/// year; before the first one closes, the first (the current one); after the year, its
/// last. So on 10/10/2025 with calendar quarters it is Q3, whose window closed on 30/09.
pub fn default_period(cal: Calendar, due_day: Option<u32>, today: NaiveDate, plan_year: i32) -> Period {
    let seq = cal.sequence(plan_year);
    seq.iter().rev().copied().find(|&p| calendar::window(cal, p, due_day).is_ok_and(|w| w.to < today)).unwrap_or(seq[0])
}

/// What a recorded entry is: a done mark, a measurement, or a progress entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Done,
    Measure,
    Log,
}

/// The occurrence an entry goes to when no period is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    /// The task does not repeat: the entry has no period.
    NoPeriod,
    /// The one overdue occurrence still open.
    Overdue(Period),
    /// Nothing overdue: the period of the entry's date.
    Current(Period),
    /// Two or more overdue occurrences are open, oldest first: the user must choose.
    Ambiguous(Vec<Period>),
}

/// The occurrence of `task` an entry dated `date` goes to on `today` without `--period`:
/// the occurrences due before `today` and still open (for a done mark or a progress entry:
/// not done on `today`; for a measurement: not measured) — when there is one, it; when
/// there are several, the user chooses; else the period holding `date`.
pub fn entry_period(plan: &Plan, task: &Task, entry: Entry, date: NaiveDate, today: NaiveDate) -> Chosen {
    let Repeat::Every(every) = task.repeat else { return Chosen::NoPeriod };
    let open: Vec<Period> = super::schedule::occurrences(plan, task)
        .iter()
        .filter(|o| o.due.is_some_and(|d| d < today))
        .filter(|o| match entry {
            Entry::Done | Entry::Log => o.done_on(today).is_none(),
            Entry::Measure => !task.measures.iter().any(|m| m.period == o.period),
        })
        .filter_map(|o| o.period)
        .collect();
    match open.len() {
        0 => Chosen::Current(Period::containing(every, date)),
        1 => Chosen::Overdue(open[0]),
        _ => Chosen::Ambiguous(open),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn plan(extra: &str) -> Plan {
        let text = format!(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\nstart = 2025-04-01\n[[section]]\nid = \"II\"\ntitle = \"S\"\n{extra}"
        );
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    const TASKS: &str = r#"
[[task]]
id = "q"
section = "II"
title = "quarterly"
repeat = "quarterly"
[[task.done]]
period = "2025-Q3"
date = 2025-10-06
[[task]]
id = "h"
section = "II"
title = "half-yearly"
repeat = "half-yearly"
[[task]]
id = "o"
section = "II"
title = "one-off"
due = 2025-09-30
[[task]]
id = "g"
section = "II"
title = "ongoing"
repeat = "ongoing"
"#;

    fn keys(p: &Plan, period: Period) -> Vec<String> {
        let w = calendar::window(Calendar::Calendar, period, None).unwrap();
        all_occurrences(p).filter(|o| in_period(p, o, &w)).map(|o| o.key()).collect()
    }

    #[test]
    fn items_of_a_period() {
        let p = plan(TASKS);
        // Q3: the Q3 occurrence, no half-year (H2 is due 31/12, in Q4), the one-off due
        // 30/9, the ongoing duty.
        assert_eq!(keys(&p, Period::Quarter(2025, 3)), ["q@2025-Q3", "o", "g"]);
        // Q2: the half-yearly H1 occurrence is due 30/6, in Q2.
        assert_eq!(keys(&p, Period::Quarter(2025, 2)), ["q@2025-Q2", "h@2025-H1", "g"]);
        assert_eq!(keys(&p, Period::Half(2025, 2)), ["q@2025-Q3", "q@2025-Q4", "h@2025-H2", "o", "g"]);
    }

    #[test]
    fn classified_on_the_report_date() {
        let p = plan(TASKS);
        let occs: Vec<_> = all_occurrences(&p).collect();
        // q@Q3 is due 30/9 and was done 6/10: on 10/10 done late by 6 days; on 30/9 open.
        let s = standing(&occs[1], d(2025, 10, 10));
        assert_eq!((s.status, s.done, s.days_late), (Status::DoneLate, Some(d(2025, 10, 6)), 6));
        assert_eq!(standing(&occs[1], d(2025, 9, 30)).status, Status::Open);
        // The one-off due 30/9 is overdue by 10 days on 10/10.
        let o = occs.iter().find(|o| o.key() == "o").unwrap();
        assert_eq!(
            (standing(o, d(2025, 10, 10)).status, standing(o, d(2025, 10, 10)).days_late),
            (Status::Overdue, 10)
        );
    }

    #[test]
    fn default_report_is_the_last_closed_window() {
        let def = |cal, today| default_period(cal, None, today, 2025);
        assert_eq!(def(Calendar::Calendar, d(2025, 10, 10)), Period::Quarter(2025, 3));
        // 30/9 is still inside Q3's window: the latest closed is Q2.
        assert_eq!(def(Calendar::Calendar, d(2025, 9, 30)), Period::Quarter(2025, 2));
        assert_eq!(def(Calendar::Calendar, d(2025, 10, 1)), Period::Quarter(2025, 3));
        // Before any window closes: the first; after the year: the last.
        assert_eq!(def(Calendar::Calendar, d(2025, 2, 1)), Period::Quarter(2025, 1));
        assert_eq!(def(Calendar::Calendar, d(2026, 2, 1)), Period::Quarter(2025, 4));
        // Decree 09: Q3's window closes on 14/9.
        assert_eq!(def(Calendar::Decree09, d(2025, 9, 15)), Period::Quarter(2025, 3));
        assert_eq!(def(Calendar::Cchc, d(2025, 7, 1)), Period::Half(2025, 1));
    }

    #[test]
    fn entries_go_to_the_oldest_open_occurrence() {
        let p = plan(TASKS);
        let q = &p.tasks[0];
        // On 10/10 q@Q2 (due 30/6) is overdue and open; q@Q3 was done.
        assert_eq!(
            entry_period(&p, q, Entry::Done, d(2025, 10, 10), d(2025, 10, 10)),
            Chosen::Overdue(Period::Quarter(2025, 2))
        );
        // On 1/4 nothing is due yet: the current quarter.
        assert_eq!(
            entry_period(&p, q, Entry::Done, d(2025, 4, 1), d(2025, 4, 1)),
            Chosen::Current(Period::Quarter(2025, 2))
        );
        let h = &p.tasks[1];
        assert_eq!(
            entry_period(&p, h, Entry::Measure, d(2026, 1, 2), d(2026, 1, 2)),
            Chosen::Ambiguous(vec![Period::Half(2025, 1), Period::Half(2025, 2)])
        );
        assert_eq!(entry_period(&p, &p.tasks[2], Entry::Done, d(2025, 10, 10), d(2025, 10, 10)), Chosen::NoPeriod);
    }
}
