//! Measured results against their targets (rõ kết quả): per task with an indicator,
//! each measurement, whether it met the target, and the trend from the one before.

use chrono::NaiveDate;
use serde::Serialize;

use crate::plan::{Direction, Plan, Task};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Better,
    Worse,
    Same,
}

impl Trend {
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Better => "↑",
            Trend::Worse => "↓",
            Trend::Same => "=",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Point {
    pub period: Option<String>,
    pub date: NaiveDate,
    pub value: f64,
    pub met: bool,
    /// Compared with the previous measurement; absent for the first.
    pub trend: Option<Trend>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Measured {
    pub task: String,
    pub title: String,
    pub indicator: String,
    pub unit: Option<String>,
    pub target: f64,
    pub direction: Direction,
    pub points: Vec<Point>,
    /// The latest measurement on or before today.
    pub latest: Option<f64>,
    pub met: Option<bool>,
}

/// The measurements of one task up to `today`, oldest first.
pub fn measured(task: &Task, today: NaiveDate) -> Option<Measured> {
    let ind = task.indicator.as_ref()?;
    let mut ms: Vec<_> = task.measures.iter().filter(|m| m.date <= today).collect();
    ms.sort_by_key(|m| (m.period, m.date));
    let mut points: Vec<Point> = Vec::with_capacity(ms.len());
    for m in ms {
        let trend = points.last().map(|prev| {
            let delta = m.value - prev.value;
            let better = match ind.direction {
                Direction::AtLeast => delta > 0.0,
                Direction::AtMost => delta < 0.0,
            };
            if delta.abs() < 1e-9 {
                Trend::Same
            } else if better {
                Trend::Better
            } else {
                Trend::Worse
            }
        });
        points.push(Point {
            period: m.period.map(|p| p.to_string()),
            date: m.date,
            value: m.value,
            met: ind.met(m.value),
            trend,
            note: m.note.clone(),
        });
    }
    let latest = points.last().map(|p| p.value);
    Some(Measured {
        task: task.id.clone(),
        title: task.title.clone(),
        indicator: ind.name.clone(),
        unit: ind.unit.clone(),
        target: ind.target,
        direction: ind.direction,
        met: latest.map(|v| ind.met(v)),
        latest,
        points,
    })
}

/// Every task with an indicator, in file order.
pub fn all_measured(plan: &Plan, today: NaiveDate) -> Vec<Measured> {
    plan.tasks.iter().filter_map(|t| measured(t, today)).collect()
}
