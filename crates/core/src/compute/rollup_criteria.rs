//! `par rollup` across units, per criterion of the PAR Index.
//!
//! Criteria are compared only within one criteria set: plans whose index has the same
//! name and the same criteria (codes and maximum points). Codes of different sets are
//! never merged. Per set:
//! - **at risk**: the units whose work linked to a criterion is overdue;
//! - **uncovered**: criteria that lost points last year in some unit and have no remedial
//!   task in any unit of the set (and, per unit, the units that lost points without a task);
//! - **last year missing**: units whose plan gives no `last_year` for the criterion (shown
//!   as missing, never as full marks);
//! - the **forecast** as a percentage of the set's maximum, with min / median / max per kind
//!   of unit, and as a range: the high end is `par index`'s forecast; the low end counts
//!   overdue linked work as lost: a leaf criterion loses `max × overdue ÷ items` of its
//!   forecast (never below 0), so a unit that falls behind does not keep its score.
//!
//! Indicators below target: every task whose latest measurement (on or before the day)
//! misses its target, with the value and the target.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use serde::Serialize;

use super::index::{Basis, IndexReport};
use super::rollup::UnitSummary;
use crate::plan::Plan;

/// A leaf criterion's state in one unit.
#[derive(Clone, Debug)]
pub struct Leaf {
    pub code: String,
    pub title: String,
    pub max: f64,
    pub last_year: Option<f64>,
    pub forecast: f64,
    pub low: f64,
    pub linked: bool,
    pub at_risk: bool,
    pub survey: bool,
}

/// An indicator whose latest value misses its target.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IndicatorBelow {
    pub unit: String,
    pub task: String,
    pub title: String,
    pub indicator: String,
    pub value: f64,
    pub target: f64,
    pub measure_unit: Option<String>,
    pub date: NaiveDate,
    /// Codes of the criteria the task remedies.
    pub criteria: Vec<String>,
}

/// One unit's criteria, kept by [`super::rollup::Summary`].
#[derive(Clone, Debug)]
pub struct UnitCriteria {
    pub set: String,
    signature: u64,
    pub kind: Option<String>,
    pub max: f64,
    pub forecast: f64,
    pub low: f64,
    pub leaves: Vec<Leaf>,
    pub indicators: Vec<IndicatorBelow>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A plan's criteria from its index forecast.
pub fn of_plan(plan: &Plan, report: &IndexReport, today: NaiveDate) -> UnitCriteria {
    let index = plan.index.as_ref().expect("a forecast comes from an index");
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut leaves = Vec::new();
    for (n, f) in index.nodes.iter().zip(&report.nodes) {
        n.code.hash(&mut h);
        n.max.to_bits().hash(&mut h);
        if !n.children.is_empty() {
            continue;
        }
        let lost = if f.items_total > 0 && f.basis == Basis::Progress {
            n.max * f.items_overdue as f64 / f.items_total as f64
        } else {
            0.0
        };
        leaves.push(Leaf {
            code: n.code.clone(),
            title: f.title.clone(),
            max: n.max,
            last_year: n.last_year,
            forecast: f.forecast,
            low: round2((f.forecast - lost).max(0.0)),
            linked: !f.tasks.is_empty(),
            at_risk: f.at_risk,
            survey: n.survey,
        });
    }
    let mut indicators = Vec::new();
    for t in &plan.tasks {
        let Some(ind) = &t.indicator else { continue };
        let Some(m) = t.measures.iter().filter(|m| m.date <= today).max_by_key(|m| m.date) else { continue };
        if !ind.met(m.value) {
            indicators.push(IndicatorBelow {
                unit: plan.meta.unit.clone(),
                task: t.id.clone(),
                title: t.title.clone(),
                indicator: ind.name.clone(),
                value: m.value,
                target: ind.target,
                measure_unit: ind.unit.clone(),
                date: m.date,
                criteria: t.criteria.iter().map(|&c| index.nodes[c].code.clone()).collect(),
            });
        }
    }
    UnitCriteria {
        set: index.name.clone().unwrap_or_default(),
        signature: h.finish(),
        kind: Some(plan.meta.unit_kind.keyword().to_string()),
        max: report.total.max,
        forecast: report.total.forecast,
        low: round2(
            leaves.iter().map(|l| l.low).sum::<f64>()
                + (report.total.forecast - leaves.iter().map(|l| l.forecast).sum::<f64>()),
        ),
        leaves,
        indicators,
    }
}

/// Min, median and max of a kind of unit's forecasts, in % of the set's maximum.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Spread {
    pub kind: String,
    pub units: usize,
    pub min: f64,
    pub median: f64,
    pub max: f64,
    /// The same for the low end of the range.
    pub low_min: f64,
    pub low_median: f64,
    pub low_max: f64,
}

/// A unit's forecast in a set.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct UnitForecast {
    pub unit: String,
    pub kind: Option<String>,
    pub forecast: f64,
    pub low: f64,
    pub max: f64,
    /// `forecast` and `low` in % of the maximum.
    pub percent: f64,
    pub low_percent: f64,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CriterionAcross {
    pub code: String,
    pub title: String,
    pub max: f64,
    /// Units with a task linked to the criterion.
    pub units_with_task: usize,
    /// Units whose linked work is overdue.
    pub at_risk: Vec<String>,
    /// Units that lost points last year and have no task for it.
    pub lost_without_task: Vec<String>,
    /// Units whose plan gives no last year's score.
    pub last_year_missing: Vec<String>,
    /// No unit of the set has a task for it while some lost points.
    pub uncovered: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CriteriaSet {
    pub name: String,
    pub units: usize,
    pub max: f64,
    pub forecasts: Vec<UnitForecast>,
    pub by_kind: Vec<Spread>,
    pub criteria: Vec<CriterionAcross>,
    pub indicators_below: Vec<IndicatorBelow>,
}

fn pct(x: f64, max: f64) -> f64 {
    if max > 0.0 { (1000.0 * x / max).round() / 10.0 } else { 0.0 }
}

/// Median of sorted values: the mean of the two middle ones for an even count.
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 }
}

fn spread(kind: String, mut high: Vec<f64>, mut low: Vec<f64>) -> Spread {
    high.sort_by(f64::total_cmp);
    low.sort_by(f64::total_cmp);
    Spread {
        kind,
        units: high.len(),
        min: high[0],
        median: (median(&high) * 10.0).round() / 10.0,
        max: high[high.len() - 1],
        low_min: low[0],
        low_median: (median(&low) * 10.0).round() / 10.0,
        low_max: low[low.len() - 1],
    }
}

/// The cross-unit view, one entry per criteria set, in order of first appearance.
pub fn across(units: &[(UnitSummary, UnitCriteria)]) -> Vec<CriteriaSet> {
    let mut sets: Vec<(String, u64, Vec<usize>)> = Vec::new();
    let mut at: HashMap<(String, u64), usize> = HashMap::new();
    for (i, (_, c)) in units.iter().enumerate() {
        let k = *at.entry((c.set.clone(), c.signature)).or_insert_with(|| {
            sets.push((c.set.clone(), c.signature, Vec::new()));
            sets.len() - 1
        });
        sets[k].2.push(i);
    }
    sets.into_iter().map(|(name, _, ix)| one_set(name, &ix.iter().map(|&i| &units[i]).collect::<Vec<_>>())).collect()
}

fn one_set(name: String, units: &[&(UnitSummary, UnitCriteria)]) -> CriteriaSet {
    let first = &units[0].1;
    let mut criteria: Vec<CriterionAcross> = first
        .leaves
        .iter()
        .map(|l| CriterionAcross {
            code: l.code.clone(),
            title: l.title.clone(),
            max: l.max,
            units_with_task: 0,
            at_risk: Vec::new(),
            lost_without_task: Vec::new(),
            last_year_missing: Vec::new(),
            uncovered: false,
        })
        .collect();
    let mut forecasts = Vec::new();
    let mut kinds: Vec<(String, Vec<f64>, Vec<f64>)> = Vec::new();
    let mut indicators_below = Vec::new();
    for (u, c) in units {
        for (k, l) in criteria.iter_mut().zip(&c.leaves) {
            let name = || u.unit.clone();
            if l.linked {
                k.units_with_task += 1;
            }
            if l.at_risk {
                k.at_risk.push(name());
            }
            match l.last_year {
                None => k.last_year_missing.push(name()),
                Some(ly) if ly < l.max && !l.linked && !l.survey => k.lost_without_task.push(name()),
                _ => {}
            }
        }
        let f = UnitForecast {
            unit: u.unit.clone(),
            kind: c.kind.clone(),
            forecast: c.forecast,
            low: c.low,
            max: c.max,
            percent: pct(c.forecast, c.max),
            low_percent: pct(c.low, c.max),
        };
        let kind = c.kind.clone().unwrap_or_else(|| "–".into());
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, h, l)) => {
                h.push(f.percent);
                l.push(f.low_percent);
            }
            None => kinds.push((kind, vec![f.percent], vec![f.low_percent])),
        }
        forecasts.push(f);
        indicators_below.extend(c.indicators.iter().cloned());
    }
    for k in &mut criteria {
        k.uncovered = k.units_with_task == 0 && !k.lost_without_task.is_empty();
    }
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    CriteriaSet {
        name,
        units: units.len(),
        max: first.max,
        forecasts,
        by_kind: kinds.into_iter().map(|(k, h, l)| spread(k, h, l)).collect(),
        criteria,
        indicators_below,
    }
}
