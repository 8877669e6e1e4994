//! `par status` as data: counts per section and per owner, overdue and due-soon items.

use chrono::NaiveDate;
use serde::Serialize;

use super::row::OccurrenceRow;
use super::schedule::{Occurrence, Status, all_occurrences};
use crate::plan::Plan;

/// How many items are in each state. An item is a one-off task, one period of a
/// recurring task, or an ongoing duty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub done_on_time: usize,
    pub done_late: usize,
    pub open: usize,
    pub overdue: usize,
    pub not_started: usize,
    pub ongoing: usize,
    /// Items of cancelled tasks (`par cancel`): left out of the share done.
    #[serde(skip_serializing_if = "is_zero")]
    pub not_carried_out: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::DoneOnTime => self.done_on_time += 1,
            Status::DoneLate => self.done_late += 1,
            Status::Open => self.open += 1,
            Status::Overdue => self.overdue += 1,
            Status::NotStarted => self.not_started += 1,
            Status::NoDeadline => self.ongoing += 1,
            Status::NotCarriedOut => self.not_carried_out += 1,
        }
    }

    pub fn merge(&mut self, counts: &Counts) {
        self.total += counts.total;
        self.done_on_time += counts.done_on_time;
        self.done_late += counts.done_late;
        self.open += counts.open;
        self.overdue += counts.overdue;
        self.not_started += counts.not_started;
        self.ongoing += counts.ongoing;
        self.not_carried_out += counts.not_carried_out;
    }

    pub fn done(&self) -> usize {
        self.done_on_time + self.done_late
    }

    /// Share of items with a deadline that are done, in percent. Ongoing duties
    /// have no end and items of cancelled tasks will not be done, so both are left out
    /// of the ratio. `None` when nothing counts.
    pub fn percent_complete(&self) -> Option<f64> {
        let base = self.total - self.ongoing - self.not_carried_out;
        (base > 0).then(|| round1(100.0 * self.done() as f64 / base as f64))
    }

    /// Share of done items that were done on time, in percent.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.done() > 0).then(|| round1(100.0 * self.done_on_time as f64 / self.done() as f64))
    }
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[derive(Debug, Serialize)]
pub struct Group {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub percent_complete: Option<f64>,
}

/// One item in a list of overdue or due-soon work.
#[derive(Debug, Serialize)]
pub struct Item {
    #[serde(flatten)]
    pub row: OccurrenceRow,
    pub status: Status,
    /// Positive: days late; negative: days left.
    pub days_late: i64,
}

super::row::embeds_occurrence_row!(Item);

#[derive(Debug, Serialize)]
pub struct StatusReport {
    pub unit: String,
    pub plan: String,
    pub today: NaiveDate,
    /// The plan's year: `total` counts its items.
    pub year: i32,
    /// Every item of the plan, classified on `today` ([`super::standing::plan_counts`]).
    pub total: Counts,
    pub percent_complete: Option<f64>,
    pub sections: Vec<Group>,
    pub owners: Vec<Group>,
    pub overdue: Vec<Item>,
    pub due_within_days: i64,
    pub due_soon: Vec<Item>,
    /// Items of tasks that will not be carried out (`par cancel`), with the reason in
    /// each row's `cancelled`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_carried_out: Vec<Item>,
    /// Measured results against their targets, for tasks that have an indicator.
    pub results: Vec<super::measures::Measured>,
    /// The next periodic report that falls due (`[report] calendar`), while in the plan's year.
    pub next_report: Option<NextReport>,
}

/// The next periodic report to send, from the plan's reporting calendar.
#[derive(Debug, Serialize)]
pub struct NextReport {
    pub period: crate::period::Period,
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due: NaiveDate,
    pub days_left: i64,
    /// The reporting calendar the window follows ("theo quý dương lịch"): said here, not in
    /// the signed report.
    pub calendar: String,
}

/// The next report that falls due on or after `today`; none once the plan's year is over.
pub fn next_report(plan: &Plan, today: NaiveDate, lang: crate::i18n::Lang) -> Option<NextReport> {
    let w = crate::calendar::next_due(plan.report.calendar, plan.report.due_day, today);
    (w.period.year() == plan.meta.year).then(|| NextReport {
        period: w.period,
        label: w.period.label(lang),
        from: w.from,
        to: w.to,
        due: w.due,
        days_left: (w.due - today).num_days(),
        calendar: plan.report.calendar.label(lang).to_string(),
    })
}

pub fn item(plan: &Plan, occurrence: &Occurrence, today: NaiveDate, lang: crate::i18n::Lang) -> Item {
    Item {
        row: OccurrenceRow::of(plan, occurrence, lang),
        status: occurrence.status(today),
        days_late: occurrence.due.map_or(0, |due| (today - due).num_days()),
    }
}

/// Computes the status report on `today`; `within` days is the horizon of "due soon".
pub fn status_report(plan: &Plan, today: NaiveDate, within: i64, lang: crate::i18n::Lang) -> StatusReport {
    let mut sections = vec![Counts::default(); plan.sections.len()];
    // Owners, plus one slot for tasks that have none.
    let mut owners = vec![Counts::default(); plan.owners.len() + 1];
    let mut total = Counts::default();
    let mut overdue = Vec::new();
    let mut due_soon = Vec::new();
    let mut not_carried_out = Vec::new();
    // Classified and counted as `standing::plan_counts` does: the report's whole-plan
    // column on the same day is this total.
    for o in all_occurrences(plan) {
        let s = super::standing::classify(&o, today);
        total.add(s);
        sections[o.task.section].add(s);
        owners[o.task.owner.unwrap_or(plan.owners.len())].add(s);
        match s {
            Status::Overdue => overdue.push(item(plan, &o, today, lang)),
            Status::Open if o.days_left(today).is_some_and(|d| d <= within) => {
                due_soon.push(item(plan, &o, today, lang))
            }
            Status::NotCarriedOut => not_carried_out.push(item(plan, &o, today, lang)),
            _ => {}
        }
    }
    // Most overdue first; ties in file order (the sort is stable).
    overdue.sort_by_key(|i| std::cmp::Reverse(i.days_late));
    due_soon.sort_by_key(|i| std::cmp::Reverse(i.days_late));
    let group = |id: &str, title: &str, counts: Counts| Group {
        id: id.to_string(),
        title: title.to_string(),
        counts,
        percent_complete: counts.percent_complete(),
    };
    let sections = plan
        .sections
        .iter()
        .zip(sections)
        .filter(|(_, c)| c.total > 0)
        .map(|(s, c)| group(&s.id, s.display(lang), c))
        .collect();
    let unassigned = lang.pick("(chưa giao)", "(unassigned)");
    let owners = plan
        .owners
        .iter()
        .map(|w| (w.id.as_str(), w.display(lang)))
        .chain(std::iter::once(("", unassigned)))
        .zip(owners)
        .filter(|(_, c)| c.total > 0)
        .map(|((id, name), c)| group(id, name, c))
        .collect();
    StatusReport {
        unit: plan.meta.unit.clone(),
        plan: plan.meta.title.clone(),
        today,
        year: plan.meta.year,
        total,
        percent_complete: total.percent_complete(),
        sections,
        owners,
        overdue,
        due_within_days: within,
        due_soon,
        not_carried_out,
        results: super::measures::all_measured(plan, today),
        next_report: next_report(plan, today, lang),
    }
}
