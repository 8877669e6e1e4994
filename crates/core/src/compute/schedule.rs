//! Occurrences of tasks and their status on a date.
//!
//! A recurring task has one occurrence per period (`4@2025-Q3`), computed from its
//! rule, never stored: two copies of a file cannot disagree about which exist.

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::{DoneMark, Plan, Repeat, Task};

/// The Vietnamese tracking classification of a task (or occurrence) on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Quá hạn, chưa hoàn thành: not done and past its due date.
    Overdue,
    /// Đang thực hiện trong hạn: not done, due today or later.
    Open,
    /// Chưa đến kỳ: its start (or period) has not come yet.
    NotStarted,
    /// Thường xuyên / không có thời hạn: an ongoing duty without a deadline.
    NoDeadline,
    /// Hoàn thành quá hạn: done after the due date.
    DoneLate,
    /// Hoàn thành đúng hạn: done on or before the due date.
    DoneOnTime,
    /// Không thực hiện: not done, and the task is cancelled (`par cancel`) with a reason.
    NotCarriedOut,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::DoneOnTime,
        Status::DoneLate,
        Status::Open,
        Status::Overdue,
        Status::NotStarted,
        Status::NoDeadline,
        Status::NotCarriedOut,
    ];

    pub fn is_done(self) -> bool {
        matches!(self, Status::DoneOnTime | Status::DoneLate)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::DoneOnTime => lang.pick("Hoàn thành đúng hạn", "Done on time"),
            Status::DoneLate => lang.pick("Hoàn thành quá hạn", "Done late"),
            Status::Open => lang.pick("Đang thực hiện trong hạn", "Open, on schedule"),
            Status::Overdue => lang.pick("Quá hạn, chưa hoàn thành", "Overdue"),
            Status::NotStarted => lang.pick("Chưa đến kỳ", "Not started"),
            Status::NoDeadline => lang.pick("Thường xuyên", "Ongoing"),
            Status::NotCarriedOut => lang.pick("Không thực hiện", "Not carried out"),
        }
    }

    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            Status::DoneOnTime => lang.pick("Xong đúng hạn", "Done on time"),
            Status::DoneLate => lang.pick("Xong trễ hạn", "Done late"),
            Status::Open => lang.pick("Đang làm", "Open"),
            Status::Overdue => lang.pick("Quá hạn", "Overdue"),
            Status::NotStarted => lang.pick("Chưa đến kỳ", "Not started"),
            Status::NoDeadline => lang.pick("Thường xuyên", "Ongoing"),
            Status::NotCarriedOut => lang.pick("Không thực hiện", "Not carried out"),
        }
    }
}

/// One thing to be done by a date: a one-off task, one period of a recurring task,
/// or an ongoing duty.
#[derive(Clone, Debug)]
pub struct Occurrence<'a> {
    pub task: &'a Task,
    pub period: Option<Period>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done: Option<&'a DoneMark>,
}

impl Occurrence<'_> {
    /// `4` for a one-off task, `4@2025-Q3` for an occurrence.
    pub fn key(&self) -> String {
        match self.period {
            Some(p) => format!("{}@{p}", self.task.id),
            None => self.task.id.clone(),
        }
    }

    /// The done mark that counts on `today`: one dated later has not happened yet.
    pub fn done_on(&self, today: NaiveDate) -> Option<&DoneMark> {
        self.done.filter(|d| d.date <= today)
    }

    pub fn status(&self, today: NaiveDate) -> Status {
        if let Some(d) = self.done_on(today) {
            return match self.due {
                Some(due) if d.date > due => Status::DoneLate,
                _ => Status::DoneOnTime,
            };
        }
        // A cancelled task's undone items are not carried out, not overdue (plan::history).
        if self.task.cancelled_on(today).is_some() {
            return Status::NotCarriedOut;
        }
        if self.start.is_some_and(|s| today < s) {
            return Status::NotStarted;
        }
        match self.due {
            None => Status::NoDeadline,
            Some(due) if today > due => Status::Overdue,
            Some(_) => Status::Open,
        }
    }

    /// Days past the due date on `today` (for an undone item) or on the day it was done.
    pub fn days_late(&self, today: NaiveDate) -> i64 {
        let Some(due) = self.due else { return 0 };
        let until = self.done_on(today).map_or(today, |d| d.date);
        (until - due).num_days().max(0)
    }

    /// Days left until the due date (negative when overdue).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.map(|due| (due - today).num_days())
    }
}

/// The occurrences of a task, in date order. Recurring tasks run from the period
/// holding their start (else the plan's start, else 1 January of the plan's year)
/// to the period holding their end (else 31 December of the plan's year).
pub fn occurrences<'a>(plan: &Plan, task: &'a Task) -> Vec<Occurrence<'a>> {
    let mut out = Vec::new();
    push_occurrences(plan, task, &mut out);
    out
}

/// [`occurrences`] added to `out`: a plan's occurrences gathered into one list with no
/// list per task (the rollup does this for each of thousands of plans).
pub fn push_occurrences<'a>(plan: &Plan, task: &'a Task, out: &mut Vec<Occurrence<'a>>) {
    match task.repeat {
        Repeat::Once | Repeat::Ongoing => {
            out.push(Occurrence { task, period: None, start: task.start, due: task.due, done: task.done.first() });
        }
        Repeat::Every(every) => {
            let (first, last) = span_of(plan, task);
            let mut period = Period::containing(every, first);
            let last = Period::containing(every, last);
            // Bounded: the plan's years are checked to lie in 1900–2200, so at most
            // a few thousand monthly periods.
            while period <= last {
                let due = match task.due_day {
                    Some(day) => period.day_of_last_month(day),
                    None => period.end(),
                };
                let start =
                    if period == Period::containing(every, first) { first.max(period.start()) } else { period.start() };
                let done = task.done.iter().find(|d| d.period == Some(period));
                out.push(Occurrence { task, period: Some(period), start: Some(start), due: Some(due), done });
                period = period.next();
            }
        }
    }
}

fn span_of(plan: &Plan, task: &Task) -> (NaiveDate, NaiveDate) {
    let year = plan.meta.year;
    let first =
        task.start.or(plan.meta.start).unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year"));
    let last = task.end.unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year")).max(first);
    (first, last)
}

/// Every occurrence of every task, in file order.
pub fn all_occurrences(plan: &Plan) -> impl Iterator<Item = Occurrence<'_>> {
    plan.tasks.iter().flat_map(move |t| occurrences(plan, t))
}

/// The one status that stands for a task on `today`: for a recurring task, an
/// overdue occurrence if any, else the occurrence of the current period, else the
/// next one to come, else the last.
pub fn current<'a>(occs: &[Occurrence<'a>], today: NaiveDate) -> Option<Occurrence<'a>> {
    if let Some(o) = occs.iter().find(|o| o.status(today) == Status::Overdue) {
        return Some(o.clone());
    }
    occs.iter()
        .find(|o| o.period.is_some_and(|p| p.contains(today)))
        .or_else(|| occs.iter().find(|o| o.start.is_some_and(|s| s > today)))
        .or_else(|| occs.last())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn plan(tasks: &str) -> Plan {
        let text = format!(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[section]]\nid = \"II\"\ntitle = \"S\"\n{tasks}"
        );
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn status(plan: &Plan, today: NaiveDate) -> Vec<(String, Status)> {
        all_occurrences(plan).map(|o| (o.key(), o.status(today))).collect()
    }

    #[test]
    fn one_off_edges() {
        let p = plan("[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\ndue = 2025-05-30\n");
        // Due today is not overdue.
        assert_eq!(status(&p, d(2025, 5, 30)), [("1".into(), Status::Open)]);
        assert_eq!(status(&p, d(2025, 5, 31)), [("1".into(), Status::Overdue)]);
        let p = plan(
            "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\ndue = 2025-05-30\n[[task.done]]\ndate = 2025-05-30\n",
        );
        // Done on the due date is on time.
        assert_eq!(status(&p, d(2025, 6, 1)), [("1".into(), Status::DoneOnTime)]);
        // Before the done date, the mark does not count yet.
        assert_eq!(status(&p, d(2025, 5, 29)), [("1".into(), Status::Open)]);
        let p = plan(
            "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\ndue = 2025-05-30\n[[task.done]]\ndate = 2025-05-31\n",
        );
        assert_eq!(status(&p, d(2025, 6, 1)), [("1".into(), Status::DoneLate)]);
    }

    #[test]
    fn start_and_ongoing() {
        let p = plan(
            "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\nstart = 2025-06-01\ndue = 2025-09-30\n[[task]]\nid = \"2\"\nsection = \"II\"\ntitle = \"b\"\nrepeat = \"thường xuyên\"\n",
        );
        assert_eq!(status(&p, d(2025, 5, 31)), [("1".into(), Status::NotStarted), ("2".into(), Status::NoDeadline)]);
        assert_eq!(status(&p, d(2025, 6, 1)), [("1".into(), Status::Open), ("2".into(), Status::NoDeadline)]);
    }

    #[test]
    fn quarterly_occurrences() {
        let p = plan(
            "[[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"a\"\nrepeat = \"mỗi quý\"\nstart = 2025-05-21\ndue_day = 20\n[[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-06-18\n[[task.done]]\nperiod = \"2025-Q3\"\ndate = 2025-09-25\n",
        );
        let got = status(&p, d(2025, 12, 21));
        assert_eq!(
            got,
            [
                ("4@2025-Q2".into(), Status::DoneOnTime),
                ("4@2025-Q3".into(), Status::DoneLate),
                ("4@2025-Q4".into(), Status::Overdue),
            ]
        );
        let occs = occurrences(&p, &p.tasks[0]);
        assert_eq!(occs[0].start, Some(d(2025, 5, 21)));
        assert_eq!(occs[2].due, Some(d(2025, 12, 20)));
        assert_eq!(occs[1].days_late(d(2025, 12, 21)), 5);
        assert_eq!(occs[2].days_late(d(2025, 12, 21)), 1);
        assert_eq!(status(&p, d(2025, 6, 30))[2], ("4@2025-Q4".into(), Status::NotStarted));
        let cur = current(&occs, d(2025, 8, 1)).unwrap();
        assert_eq!(cur.key(), "4@2025-Q3");
    }
}
