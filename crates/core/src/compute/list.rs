//! `par list` as data: tasks (or occurrences) that pass the user's filters.

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Occurrence, Status, current, occurrences};
use crate::i18n::Lang;
use crate::plan::{OwnerMatch, Plan};
use crate::text::{contains_folded, fold};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    /// Not done yet and under way: open, overdue or ongoing.
    Open,
    Done,
    Overdue,
    /// Open with at most `due_soon_days` (plan setting, default 3) left.
    DueSoon,
    NotStarted,
    Ongoing,
}

#[derive(Debug, Default)]
pub struct Filter {
    pub owner: Option<String>,
    pub section: Option<String>,
    pub status: Option<StatusFilter>,
    pub grep: Option<String>,
    /// One row per occurrence of recurring tasks rather than one per task.
    pub occurrences: bool,
}

/// A row of `par list`. It holds the fields of a [`super::row::OccurrenceRow`] but not in
/// one run (the section comes between them in its JSON), so it lists them itself.
#[derive(Debug, Serialize)]
pub struct Row {
    pub key: String,
    pub task: String,
    pub period: Option<String>,
    pub section: String,
    pub title: String,
    pub owner: Option<String>,
    pub support: Vec<String>,
    pub repeat: &'static str,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub due_soon: bool,
    pub done_date: Option<NaiveDate>,
    /// Days until due (negative: days late); absent without a due date or once done.
    pub days_left: Option<i64>,
}

fn matches(status: Status, due_soon: bool, filter: StatusFilter) -> bool {
    match filter {
        StatusFilter::Open => matches!(status, Status::Open | Status::Overdue | Status::NoDeadline),
        StatusFilter::Done => status.is_done(),
        StatusFilter::Overdue => status == Status::Overdue,
        StatusFilter::DueSoon => due_soon,
        StatusFilter::NotStarted => status == Status::NotStarted,
        StatusFilter::Ongoing => status == Status::NoDeadline,
    }
}

/// Resolves a typed owner (see [`Plan::find_owner`]). The command line resolves it first
/// with a worded error (`write::resolve::owner`); this message is for library callers.
fn owners_matching(plan: &Plan, typed: &str) -> Result<Vec<usize>, String> {
    match plan.find_owner(typed) {
        OwnerMatch::One(i) => Ok(vec![i]),
        OwnerMatch::Many(_) | OwnerMatch::None => {
            Err(format!("no single owner matches `{}`", crate::text::clean(typed)))
        }
    }
}

fn section_matching(plan: &Plan, typed: &str) -> Result<usize, String> {
    plan.sections.iter().position(|s| s.id.eq_ignore_ascii_case(typed.trim())).ok_or_else(|| {
        let ids: Vec<&str> = plan.sections.iter().map(|s| s.id.as_str()).collect();
        format!("no section `{}`; sections: {}", crate::text::clean(typed), ids.join(", "))
    })
}

pub fn list(plan: &Plan, today: NaiveDate, filter: &Filter, lang: Lang) -> Result<Vec<Row>, String> {
    let owners = filter.owner.as_deref().map(|o| owners_matching(plan, o)).transpose()?;
    let section = filter.section.as_deref().map(|s| section_matching(plan, s)).transpose()?;
    let needle = filter.grep.as_deref().map(fold);
    let soon = plan.settings.due_soon_days;
    let mut rows = Vec::new();
    for task in &plan.tasks {
        if section.is_some_and(|s| s != task.section) {
            continue;
        }
        if let Some(owners) = &owners {
            let involved = task.owner.iter().chain(&task.support).any(|o| owners.contains(o));
            if !involved {
                continue;
            }
        }
        if let Some(n) = &needle {
            let hit = [Some(&task.id), Some(&task.title), task.detail.as_ref(), task.result.as_ref()]
                .into_iter()
                .flatten()
                .any(|t| contains_folded(t, n));
            if !hit {
                continue;
            }
        }
        let occs = occurrences(plan, task);
        let chosen: Vec<Occurrence> =
            if filter.occurrences { occs } else { current(&occs, today).into_iter().collect() };
        for o in chosen {
            let status = o.status(today);
            let days_left = if status.is_done() { None } else { o.days_left(today) };
            let due_soon = status == Status::Open && days_left.is_some_and(|d| d <= soon);
            if filter.status.is_some_and(|want| !matches(status, due_soon, want)) {
                continue;
            }
            rows.push(Row {
                key: o.key(),
                task: task.id.clone(),
                period: o.period.map(|p| p.to_string()),
                section: plan.section_of(task).id.clone(),
                title: task.title.clone(),
                owner: plan.owner_of(task).map(|w| w.display(lang).to_string()),
                support: task.support.iter().map(|&i| plan.owners[i].display(lang).to_string()).collect(),
                repeat: task.repeat.keyword(),
                due: o.due,
                status,
                due_soon,
                done_date: o.done_on(today).map(|d| d.date),
                days_left,
            });
        }
    }
    Ok(rows)
}
