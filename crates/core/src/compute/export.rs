//! `par export` as data: the plan flattened into three tables (tasks,
//! occurrences, progress entries) on a date, for spreadsheets, calendars and scripts.

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Status, current, occurrences};
use crate::i18n::Lang;
use crate::plan::Plan;

#[derive(Debug, Serialize)]
pub struct TaskRow {
    pub id: String,
    pub section: String,
    pub section_title: String,
    pub title: String,
    pub detail: Option<String>,
    pub owner: Option<String>,
    pub support: Vec<String>,
    pub repeat: &'static str,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub due_day: Option<u32>,
    pub end: Option<NaiveDate>,
    pub result: Option<String>,
    /// The status that stands for the task on the day (see `schedule::current`).
    pub status: Option<Status>,
    /// Occurrences done / with a deadline, for recurring tasks.
    pub done: usize,
    pub occurrences: usize,
    /// Line of the task in the plan file.
    pub line: usize,
}

/// An occurrence as exported. It holds the fields of a [`super::row::OccurrenceRow`] but
/// not in one run (the section and the period's label come between them in the export's
/// columns and JSON), so it lists them itself.
#[derive(Debug, Serialize)]
pub struct ExportedOccurrence {
    /// `4` or `4@2025-Q3`: stable, used for calendar UIDs.
    pub key: String,
    pub task: String,
    pub period: Option<String>,
    /// "quý III năm 2025" / "Q3 2025".
    pub period_label: Option<String>,
    pub section: String,
    pub title: String,
    pub owner: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub done_date: Option<NaiveDate>,
    pub days_late: i64,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub result: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ProgressRow {
    pub task: String,
    pub title: String,
    pub date: NaiveDate,
    pub period: Option<String>,
    pub text: String,
    pub evidence: Vec<String>,
    pub by: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Export {
    pub unit: String,
    pub plan: String,
    pub year: i32,
    pub today: NaiveDate,
    pub tasks: Vec<TaskRow>,
    pub occurrences: Vec<ExportedOccurrence>,
    pub progress: Vec<ProgressRow>,
}

pub fn export(plan: &Plan, today: NaiveDate, lang: Lang) -> Export {
    let mut tasks = Vec::with_capacity(plan.tasks.len());
    let mut occ_rows = Vec::new();
    let mut progress = Vec::new();
    for task in &plan.tasks {
        let owner = plan.owner_of(task).map(|w| w.display(lang).to_string());
        let section = plan.section_of(task);
        let occs = occurrences(plan, task);
        let dated = occs.iter().filter(|o| o.due.is_some()).count();
        let done = occs.iter().filter(|o| o.status(today).is_done()).count();
        tasks.push(TaskRow {
            id: task.id.clone(),
            section: section.id.clone(),
            section_title: section.display(lang).to_string(),
            title: task.title.clone(),
            detail: task.detail.as_ref().map(|d| d.trim().to_string()),
            owner: owner.clone(),
            support: task.support.iter().map(|&i| plan.owners[i].display(lang).to_string()).collect(),
            repeat: task.repeat.keyword(),
            start: task.start,
            due: task.due,
            due_day: task.due_day,
            end: task.end,
            result: task.result.clone(),
            status: current(&occs, today).map(|o| o.status(today)),
            done,
            occurrences: dated,
            line: task.line,
        });
        for o in &occs {
            let mark = o.done_on(today);
            occ_rows.push(ExportedOccurrence {
                key: o.key(),
                task: task.id.clone(),
                period: o.period.map(|p| p.to_string()),
                period_label: o.period.map(|p| p.label(lang)),
                section: section.id.clone(),
                title: task.title.clone(),
                owner: owner.clone(),
                start: o.start,
                due: o.due,
                status: o.status(today),
                done_date: mark.map(|d| d.date),
                days_late: o.days_late(today),
                note: mark.and_then(|d| d.note.clone()),
                evidence: mark.map(|d| d.evidence.clone()).unwrap_or_default(),
                result: task.result.clone(),
            });
        }
        let mut log: Vec<_> = task.log.iter().collect();
        log.sort_by_key(|e| e.date);
        for e in log {
            progress.push(ProgressRow {
                task: task.id.clone(),
                title: task.title.clone(),
                date: e.date,
                period: e.period.map(|p| p.to_string()),
                text: e.text.clone(),
                evidence: e.evidence.clone(),
                by: e.by.clone(),
            });
        }
    }
    Export {
        unit: plan.meta.unit.clone(),
        plan: plan.meta.title.clone(),
        year: plan.meta.year,
        today,
        tasks,
        occurrences: occ_rows,
        progress,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    #[test]
    fn flattens_the_plan() {
        let text = "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\nname_en = \"Principal\"\n[[section]]\nid = \"II\"\ntitle = \"S\"\n\
            [[task]]\nid = \"4\"\nsection = \"II\"\ntitle = \"q\"\nowner = \"ht\"\nrepeat = \"quarterly\"\nstart = 2025-05-21\n[[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-06-18\n[[task.log]]\ndate = 2025-07-02\ntext = \"b\"\n[[task.log]]\ndate = 2025-06-01\ntext = \"a\"\n\
            [[task]]\nid = \"5\"\nsection = \"II\"\ntitle = \"o\"\nrepeat = \"ongoing\"\n";
        let plan = parse(Path::new("t.toml"), text).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 10, 5).unwrap();
        let e = export(&plan, today, Lang::En);
        assert_eq!(e.tasks.len(), 2);
        assert_eq!(e.tasks[0].owner.as_deref(), Some("Principal"));
        assert_eq!((e.tasks[0].done, e.tasks[0].occurrences), (1, 3));
        assert_eq!(e.tasks[0].status, Some(Status::Overdue));
        let keys: Vec<&str> = e.occurrences.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["4@2025-Q2", "4@2025-Q3", "4@2025-Q4", "5"]);
        assert_eq!(e.occurrences[0].period_label.as_deref(), Some("Q2 2025"));
        assert_eq!(e.occurrences[1].days_late, 5);
        // Progress entries in date order.
        let texts: Vec<&str> = e.progress.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["a", "b"]);
    }
}
