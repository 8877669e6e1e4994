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

/// One measurement as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Value {
    pub period: Option<crate::period::Period>,
    pub date: NaiveDate,
    pub value: f64,
    pub met: bool,
    pub note: Option<String>,
}

/// An indicator in the report on one period: the value measured for that period and the
/// previous period's value, never another period's figure as this one's.
#[derive(Debug, Serialize)]
pub struct PeriodMeasure {
    pub indicator: String,
    pub unit: Option<String>,
    pub target: f64,
    pub direction: Direction,
    /// The report's period.
    pub period: crate::period::Period,
    /// The value for the period: a measurement tagged to it (or, untagged, dated in its
    /// window), recorded on or before the report's date; absent when none was.
    pub value: Option<Value>,
    /// The latest value of an earlier period, for comparison.
    pub previous: Option<Value>,
    /// The value against the previous one.
    pub trend: Option<Trend>,
}

fn value_of(ind: &crate::plan::Indicator, m: &crate::plan::Measure) -> Value {
    Value { period: m.period, date: m.date, value: m.value, met: ind.met(m.value), note: m.note.clone() }
}

/// The latest of `task`'s measurements dated on or before `on` that `keep` accepts
/// (by period, then date).
fn latest(task: &Task, on: NaiveDate, keep: impl Fn(&crate::plan::Measure) -> bool) -> Option<&crate::plan::Measure> {
    task.measures.iter().filter(|m| m.date <= on && keep(m)).max_by_key(|m| (m.period, m.date))
}

/// The measurement that stands for `period` on `on`: tagged to a period within it, or
/// untagged and dated within `window` (the report's dates).
pub fn measure_in<'a>(
    task: &'a Task,
    window: &crate::calendar::Window,
    on: NaiveDate,
) -> Option<&'a crate::plan::Measure> {
    latest(task, on, |m| match m.period {
        Some(p) => super::standing::within(p, window.period),
        None => window.contains(m.date),
    })
}

/// `task`'s indicator in the report on `window.period` taken on `on` (see [`PeriodMeasure`]).
pub fn for_period(task: &Task, window: &crate::calendar::Window, on: NaiveDate) -> Option<PeriodMeasure> {
    let ind = task.indicator.as_ref()?;
    let value = measure_in(task, window, on).map(|m| value_of(ind, m));
    let previous = latest(task, on, |m| match m.period {
        Some(p) => p.end() < window.period.start(),
        None => m.date < window.from,
    })
    .map(|m| value_of(ind, m));
    let trend = match (&value, &previous) {
        (Some(v), Some(p)) => Some(trend(ind.direction, v.value - p.value)),
        _ => None,
    };
    Some(PeriodMeasure {
        indicator: ind.name.clone(),
        unit: ind.unit.clone(),
        target: ind.target,
        direction: ind.direction,
        period: window.period,
        value,
        previous,
        trend,
    })
}

/// Whether the measurement of one occurrence (`period`, for a recurring task) or of the
/// report's window (a one-off task) met the target; `None` without an indicator or a value.
pub fn target_met(
    task: &Task,
    period: Option<crate::period::Period>,
    window: &crate::calendar::Window,
    on: NaiveDate,
) -> Option<bool> {
    let ind = task.indicator.as_ref()?;
    let m = match period {
        Some(p) => latest(task, on, |m| m.period == Some(p)),
        None => measure_in(task, window, on),
    }?;
    Some(ind.met(m.value))
}

fn trend(direction: Direction, delta: f64) -> Trend {
    let better = match direction {
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
}
