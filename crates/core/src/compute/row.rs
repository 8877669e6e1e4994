//! The row every list of occurrences starts with: which item (`4` or `4@2025-Q3`), of
//! which task and period, what it is, who leads it and when it is due. Lists that show
//! more embed it (`#[serde(flatten)]`, so their JSON is the same flat object) and reach
//! its fields through `Deref`.

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::Occurrence;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::Plan;

#[derive(Debug, Serialize)]
pub struct OccurrenceRow {
    /// `4` or `4@2025-Q3`.
    pub key: String,
    pub task: String,
    pub period: Option<Period>,
    pub title: String,
    /// The primary owner's name, in `lang`.
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// The task's cancellation (`par cancel`), when it has one: its items read "Không
    /// thực hiện" with this reason once it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<crate::plan::Cancelled>,
}

impl OccurrenceRow {
    pub fn of(plan: &Plan, occurrence: &Occurrence, lang: Lang) -> OccurrenceRow {
        OccurrenceRow {
            key: occurrence.key(),
            task: occurrence.task.id.clone(),
            period: occurrence.period,
            title: occurrence.task.title.clone(),
            owner: plan.owner_of(occurrence.task).map(|w| w.display(lang).to_string()),
            due: occurrence.due,
            cancelled: occurrence.task.cancelled.clone(),
        }
    }
}

/// `Deref` to the embedded [`OccurrenceRow`], for rows that show more.
macro_rules! embeds_occurrence_row {
    ($($row:ty),*) => {$(
        impl std::ops::Deref for $row {
            type Target = $crate::compute::row::OccurrenceRow;
            fn deref(&self) -> &Self::Target {
                &self.row
            }
        }
    )*};
}
pub(crate) use embeds_occurrence_row;
