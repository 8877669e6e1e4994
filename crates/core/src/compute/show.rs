//! `par show` as data: everything about one task on a date.

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Status, current, occurrences};
use crate::i18n::Lang;
use crate::plan::{Document, LogEntry, Plan, Task};

#[derive(Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// One occurrence of the task shown: its task, title and owner are the task's own, so
/// it has no [`super::row::OccurrenceRow`].
#[derive(Debug, Serialize)]
pub struct TaskOccurrence {
    pub key: String,
    pub period: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub done_date: Option<NaiveDate>,
    pub days_late: i64,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TaskDetail {
    pub id: String,
    pub section: Named,
    pub title: String,
    pub detail: Option<String>,
    pub owner: Option<Named>,
    pub support: Vec<Named>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub repeat: &'static str,
    pub due_day: Option<u32>,
    pub result: Option<String>,
    pub status: Option<Status>,
    pub references: Vec<Document>,
    pub occurrences: Vec<TaskOccurrence>,
    pub log: Vec<LogEntry>,
    pub results: Option<super::measures::Measured>,
    pub line: usize,
}

pub fn detail(plan: &Plan, task: &Task, today: NaiveDate, lang: Lang) -> TaskDetail {
    let named = |i: usize| Named { id: plan.owners[i].id.clone(), name: plan.owners[i].display(lang).to_string() };
    let occs = occurrences(plan, task);
    let section = plan.section_of(task);
    let mut log = task.log.clone();
    log.sort_by_key(|e| e.date);
    TaskDetail {
        id: task.id.clone(),
        section: Named { id: section.id.clone(), name: section.display(lang).to_string() },
        title: task.title.clone(),
        detail: task.detail.clone(),
        owner: task.owner.map(named),
        support: task.support.iter().map(|&i| named(i)).collect(),
        start: task.start,
        due: task.due,
        end: task.end,
        repeat: task.repeat.keyword(),
        due_day: task.due_day,
        result: task.result.clone(),
        status: current(&occs, today).map(|o| o.status(today)),
        references: task.refs.clone(),
        occurrences: occs
            .iter()
            .map(|o| {
                let done = o.done_on(today);
                TaskOccurrence {
                    key: o.key(),
                    period: o.period.map(|p| p.to_string()),
                    start: o.start,
                    due: o.due,
                    status: o.status(today),
                    done_date: done.map(|d| d.date),
                    days_late: o.days_late(today),
                    note: done.and_then(|d| d.note.clone()),
                    evidence: done.map(|d| d.evidence.clone()).unwrap_or_default(),
                }
            })
            .collect(),
        log,
        results: super::measures::measured(task, today),
        line: task.line,
    }
}
