//! Which plan counts for which unit, for [`super::rollup::Rollup::finish`].
//!
//! - A plan whose `[plan] year` is not the rollup's year is listed apart, not counted.
//! - A unit is known by its roster entry (matched by `[plan] code`, else by normalised
//!   name, see [`super::roster`]); without one, by its code; without a code, by its
//!   normalised name together with its superior body (so two "Trường Mầm non Sơn Ca" under
//!   two wards are two units, and "Trường MN Bến Nghé" is "Trường Mầm non Bến Nghé").
//! - Two plans of one unit and year: the one with the later `[plan] date` counts; with
//!   equal or missing dates, the one whose file path sorts last. The other is listed as
//!   superseded, with the reason. A counted copy with fewer than half the tasks of the copy
//!   it replaces is flagged (a copy cut short), as is a plan without any task.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::report::Tally;
use super::rollup::{OverdueItem, Proposal, RollupReport, Scope, Summary, Totals, UnitSummary, worst_first};
use super::roster::{Matched, Roster, normalise};
use super::status::{Counts, round1};

/// Something about a counted unit that needs a look.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "flag")]
pub enum UnitFlag {
    /// The plan has no task.
    Empty,
    /// The counted copy has far fewer tasks than the copy it supersedes.
    FewerTasks { tasks: usize, other_tasks: usize, other_path: String },
    /// Matched to the roster by name, not by code.
    MatchedByName { roster_code: String },
}

#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SupersedeReason {
    /// The counted copy has a later `[plan] date`.
    LaterDate,
    /// Same or no dates: the counted copy's path sorts later.
    LaterFileName,
}

/// A copy of a unit's plan that another copy replaces.
#[derive(Clone, Debug, Serialize)]
pub struct Superseded {
    pub unit: UnitSummary,
    /// The path of the copy that counts.
    pub by: String,
    pub reason: SupersedeReason,
}

/// A unit named in a list: silent units, units outside the roster.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct UnitRef {
    pub unit: String,
    pub code: Option<String>,
    pub path: String,
    pub last_entry: Option<NaiveDate>,
}

impl UnitRef {
    fn of(u: &UnitSummary) -> UnitRef {
        UnitRef { unit: u.unit.clone(), code: u.code.clone(), path: u.shown_path.clone(), last_entry: u.last_entry }
    }
}

/// A roster unit without a plan of the year.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Missing {
    pub code: String,
    pub name: String,
    pub kind: Option<String>,
    pub parent: Option<String>,
    /// Word or PDF files in the folder named for the unit: sent as a document, not a plan.
    pub documents: Vec<String>,
    /// Its plans of other years.
    pub other_year: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RosterOutcome {
    /// Units the roster lists.
    pub expected: usize,
    /// Roster units with a counted plan.
    pub reported: usize,
    pub missing: Vec<Missing>,
    /// Counted plans whose unit is not in the roster.
    pub not_in_roster: Vec<UnitRef>,
    /// Counted plans matched by name: they should carry `[plan] code`.
    pub matched_by_name: Vec<UnitRef>,
}

/// How a unit is told apart (see the module's documentation).
fn identity(u: &mut UnitSummary, roster: Option<&Roster>) -> String {
    if let Some(r) = roster
        && let Some((i, how)) = r.find(u.code.as_deref(), &u.unit, u.superior.as_deref())
    {
        let code = r.units[i].code.clone();
        if how == Matched::Name {
            u.flags.push(UnitFlag::MatchedByName { roster_code: code.clone() });
        }
        u.roster_code = Some(code);
        return format!("r{i}");
    }
    match &u.code {
        Some(c) => format!("c{}", crate::text::fold(c)),
        None => format!("n{}\0{}", normalise(&u.unit), normalise(u.superior.as_deref().unwrap_or(""))),
    }
}

/// The shortest end of each path (whole components) that no other path ends with.
pub fn shortest_suffixes(paths: &[&str]) -> Vec<String> {
    let comps: Vec<Vec<&str>> =
        paths.iter().map(|p| p.split(['/', '\\']).filter(|c| !c.is_empty()).collect()).collect();
    let suffix = |i: usize, k: usize| -> String {
        let c = &comps[i];
        c[c.len().saturating_sub(k)..].join("/")
    };
    let mut out: Vec<Option<String>> = vec![None; paths.len()];
    let deepest = comps.iter().map(Vec::len).max().unwrap_or(0);
    for k in 1..=deepest {
        if out.iter().all(Option::is_some) {
            break;
        }
        let mut count: HashMap<String, usize> = HashMap::with_capacity(paths.len());
        let keys: Vec<String> = (0..paths.len()).map(|i| suffix(i, k)).collect();
        for s in &keys {
            *count.entry(s.clone()).or_default() += 1;
        }
        for (i, s) in keys.into_iter().enumerate() {
            if out[i].is_none() && (count[&s] == 1 || k >= comps[i].len()) {
                let whole = k >= comps[i].len();
                out[i] = Some(if whole || count[&s] > 1 { paths[i].to_string() } else { format!("…/{s}") });
            }
        }
    }
    out.into_iter().enumerate().map(|(i, s)| s.unwrap_or_else(|| paths[i].to_string())).collect()
}

/// Sums tallies; the percentage recomputed from the sum.
fn sum_tallies<'a>(tallies: impl Iterator<Item = &'a Tally>) -> Tally {
    let mut c = Counts::default();
    for t in tallies {
        c.merge(&t.counts);
    }
    Tally { counts: c, percent_complete: c.percent_complete() }
}

/// Decides which plan counts for which unit, and builds the report.
pub fn finish_units(
    summaries: Vec<Summary>,
    today: NaiveDate,
    scope: Scope,
    roster: Option<&Roster>,
    documents: Vec<String>,
    skipped: Vec<super::rollup::Skipped>,
) -> RollupReport {
    let mut summaries = summaries;
    let keys: Vec<String> = summaries.iter_mut().map(|s| identity(&mut s.unit, roster)).collect();
    let all_paths: Vec<&str> = summaries.iter().map(|s| s.unit.path.as_str()).collect();
    let shown = shortest_suffixes(&all_paths);
    for (s, p) in summaries.iter_mut().zip(shown) {
        s.unit.shown_path = p;
    }

    // One plan per unit of the year; the others listed apart.
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in summaries.iter().enumerate() {
        if s.unit.year == scope.year {
            groups.entry(keys[i].as_str()).or_default().push(i);
        }
    }
    let mut counted = vec![false; summaries.len()];
    let mut superseded_by: Vec<Option<(usize, super::rollup::Superseded)>> = Vec::new();
    let mut fewer: Vec<(usize, UnitFlag)> = Vec::new();
    for ix in groups.values() {
        let mut ix = ix.clone();
        ix.sort_by(|&a, &b| {
            let (ua, ub) = (&summaries[a].unit, &summaries[b].unit);
            ua.date.cmp(&ub.date).then_with(|| ua.path.cmp(&ub.path))
        });
        let Some((&win, older)) = ix.split_last() else { continue };
        counted[win] = true;
        let w = &summaries[win].unit;
        for &o in older {
            let u = &summaries[o].unit;
            let reason = if w.date > u.date { SupersedeReason::LaterDate } else { SupersedeReason::LaterFileName };
            superseded_by.push(Some((o, Superseded { unit: u.clone(), by: w.shown_path.clone(), reason })));
        }
        if let Some(&big) = older.iter().max_by_key(|&&o| summaries[o].unit.tasks)
            && w.tasks * 2 < summaries[big].unit.tasks
        {
            fewer.push((
                win,
                UnitFlag::FewerTasks {
                    tasks: w.tasks,
                    other_tasks: summaries[big].unit.tasks,
                    other_path: summaries[big].unit.shown_path.clone(),
                },
            ));
        }
    }
    for (i, f) in fewer {
        summaries[i].unit.flags.push(f);
    }
    let mut superseded: Vec<(usize, Superseded)> = superseded_by.into_iter().flatten().collect();
    superseded.sort_by_key(|(o, _)| *o);
    let superseded: Vec<Superseded> = superseded.into_iter().map(|(_, s)| s).collect();

    let other_year: Vec<UnitSummary> =
        summaries.iter().filter(|s| s.unit.year != scope.year).map(|s| s.unit.clone()).collect();
    let outcome = roster.map(|r| roster_outcome(r, &summaries, &counted, &documents, scope));

    let count = counted.iter().filter(|&&c| c).count();
    let mut overdue_runs: Vec<Vec<OverdueItem>> = Vec::with_capacity(count);
    let mut proposals = Vec::new();
    let mut units = Vec::with_capacity(count);
    let mut criteria = Vec::new();
    for (i, s) in summaries.into_iter().enumerate() {
        if !counted[i] {
            continue;
        }
        overdue_runs.push(s.overdue);
        proposals.extend(s.proposals.into_iter().map(|text| Proposal { unit: s.unit.unit.clone(), text }));
        if let Some(c) = s.criteria {
            criteria.push((s.unit.clone(), c));
        }
        units.push(s.unit);
    }
    // Most days late first; among equals file order, then the order in a file.
    let overdue = OverdueList::new(overdue_runs);
    let totals = totals(&units);
    let period = units.first().and_then(|u| u.report.as_ref().map(|r| (r.period, r.label.clone())));
    let same = period.as_ref().filter(|(p, _)| units.iter().all(|u| u.report.as_ref().is_none_or(|r| r.period == *p)));
    // Worst first, then the name (folded), then the path: the positions are sorted, and
    // each unit moved once into its place.
    let folded: Vec<String> = units.iter().map(|u| crate::text::fold(&u.unit)).collect();
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&a, &b| {
        let (ua, ub) = (&units[a], &units[b]);
        worst_first(ua, ub).then_with(|| folded[a].cmp(&folded[b])).then_with(|| ua.path.cmp(&ub.path))
    });
    let units = in_order(units, &order);
    let silent = units.iter().filter(|u| u.silent).map(UnitRef::of).collect();
    // Documents not matched to a missing unit stay listed as documents.
    let documents = match &outcome {
        Some(o) => documents.into_iter().filter(|d| !o.missing.iter().any(|m| m.documents.contains(d))).collect(),
        None => documents,
    };
    RollupReport {
        today,
        year: scope.year,
        period: same.map(|(p, _)| *p),
        period_label: same.map(|(_, l)| l.clone()),
        criteria: super::rollup_criteria::across(&criteria),
        units,
        total: totals,
        overdue,
        other_year,
        superseded,
        silent,
        roster: outcome,
        documents,
        skipped,
        proposals,
    }
}

/// Every overdue item of the counted plans, most days late first; among equals in file
/// order, then in their order in the file. The items stay in the units' own lists (at
/// 10,000 plans they number hundreds of thousands: gathering them into one list, then
/// sorting it, moved each three times into fresh memory on the one thread that finishes
/// the rollup); only their order is kept here.
#[derive(Clone, Debug, Default)]
pub struct OverdueList {
    runs: Vec<Vec<OverdueItem>>,
    /// (run, position in the run) of each item, in the list's order.
    order: Vec<(u32, u32)>,
}

impl OverdueList {
    /// The runs (each a unit's items) merged, most days late first; among equals run by
    /// run, and within a run in its order.
    pub fn new(runs: Vec<Vec<OverdueItem>>) -> OverdueList {
        // Each item's key and place, read run after run (in memory order), then sorted:
        // the places are unique, so the unstable sort gives the one order there is.
        let mut keyed: Vec<(Reverse<i64>, u32, u32)> = Vec::with_capacity(runs.iter().map(Vec::len).sum());
        for (r, run) in runs.iter().enumerate() {
            keyed.extend(run.iter().enumerate().map(|(k, o)| (Reverse(o.days_late), r as u32, k as u32)));
        }
        keyed.sort_unstable();
        let order = keyed.into_iter().map(|(_, r, k)| (r, k)).collect();
        OverdueList { runs, order }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The items in the list's order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &OverdueItem> + '_ {
        self.order.iter().map(|&(r, k)| &self.runs[r as usize][k as usize])
    }

    pub fn get(&self, i: usize) -> Option<&OverdueItem> {
        self.order.get(i).map(|&(r, k)| &self.runs[r as usize][k as usize])
    }
}

impl std::ops::Index<usize> for OverdueList {
    type Output = OverdueItem;
    fn index(&self, i: usize) -> &OverdueItem {
        let (r, k) = self.order[i];
        &self.runs[r as usize][k as usize]
    }
}

impl PartialEq for OverdueList {
    fn eq(&self, other: &OverdueList) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for OverdueList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// `items` rearranged so that the `k`th is `items[order[k]]`; `order` is a permutation.
fn in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

fn totals(units: &[UnitSummary]) -> Totals {
    let mut items = Counts::default();
    let mut tasks = 0;
    for u in units {
        items.merge(&u.items);
        tasks += u.tasks;
    }
    let reports: Vec<_> = units.iter().filter_map(|u| u.report.as_ref()).collect();
    let period = sum_tallies(reports.iter().map(|r| &r.tally));
    let previous = sum_tallies(reports.iter().map(|r| &r.previous));
    Totals {
        plans: units.len(),
        tasks,
        items,
        percent_complete: items.percent_complete(),
        on_time_rate: items.on_time_rate(),
        period,
        year: sum_tallies(reports.iter().map(|r| &r.year)),
        previous,
        change_points: match (period.percent_complete, previous.percent_complete) {
            (Some(a), Some(b)) => Some(round1(a - b)),
            _ => None,
        },
    }
}

fn roster_outcome(
    roster: &Roster,
    summaries: &[Summary],
    counted: &[bool],
    documents: &[String],
    scope: Scope,
) -> RosterOutcome {
    let mut has = vec![false; roster.units.len()];
    let mut other_year: Vec<Vec<String>> = vec![Vec::new(); roster.units.len()];
    let index: HashMap<&str, usize> = roster.units.iter().enumerate().map(|(i, u)| (u.code.as_str(), i)).collect();
    let mut not_in_roster = Vec::new();
    let mut matched_by_name = Vec::new();
    for (s, &c) in summaries.iter().zip(counted) {
        let u = &s.unit;
        let at = u.roster_code.as_deref().and_then(|code| index.get(code).copied());
        match (at, c) {
            (Some(i), true) => has[i] = true,
            (Some(i), false) if u.year != scope.year => other_year[i].push(u.shown_path.clone()),
            (None, true) => not_in_roster.push(UnitRef::of(u)),
            _ => {}
        }
        if c && u.flags.iter().any(|f| matches!(f, UnitFlag::MatchedByName { .. })) {
            matched_by_name.push(UnitRef::of(u));
        }
    }
    let mut docs: Vec<Vec<String>> = vec![Vec::new(); roster.units.len()];
    for d in documents {
        let stem = std::path::Path::new(d).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(i) = roster.find_document(&stem) {
            docs[i].push(d.clone());
        }
    }
    let missing: Vec<Missing> = roster
        .units
        .iter()
        .enumerate()
        .filter(|(i, _)| !has[*i])
        .map(|(i, u)| Missing {
            code: u.code.clone(),
            name: u.name.clone(),
            kind: u.kind.clone(),
            parent: u.parent.clone(),
            documents: std::mem::take(&mut docs[i]),
            other_year: std::mem::take(&mut other_year[i]),
        })
        .collect();
    RosterOutcome {
        expected: roster.units.len(),
        reported: has.iter().filter(|&&h| h).count(),
        missing,
        not_in_roster,
        matched_by_name,
    }
}

#[cfg(test)]
mod tests {
    use super::shortest_suffixes;

    #[test]
    fn units_in_order_keep_their_places_in_order_of_days() {
        assert_eq!(super::in_order(vec!['x', 'y', 'z'], &[2, 0, 1]), ['z', 'x', 'y']);
    }

    #[test]
    fn items_come_most_days_late_first_then_unit_by_unit_in_their_order() {
        let item = |key: &str, days_late| super::OverdueItem {
            unit: "U".into(),
            code: None,
            path: "u.toml".into(),
            key: key.into(),
            title: String::new(),
            owner: None,
            due: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            days_late,
        };
        let runs = vec![
            vec![item("a", 9), item("b", 5), item("c", 5)],
            vec![],
            vec![item("d", 9), item("e", 5), item("f", 3)],
            vec![item("g", 3), item("h", 7)],
        ];
        // As a stable sort of the runs one after the other.
        let mut stable: Vec<super::OverdueItem> = runs.iter().flatten().cloned().collect();
        stable.sort_by_key(|o| std::cmp::Reverse(o.days_late));
        let list = super::OverdueList::new(runs);
        let keys: Vec<&str> = list.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["a", "d", "h", "b", "c", "e", "f", "g"]);
        assert!(list.iter().eq(stable.iter()));
        assert_eq!((list.len(), list[2].key.as_str(), list.get(8)), (8, "h", None));
    }

    #[test]
    fn paths_are_shown_by_their_shortest_unique_end() {
        let paths =
            ["d/phuong-a/ubnd-phuong.toml", "d/phuong-b/ubnd-phuong.toml", "d/phuong-a/truong-x.toml", "x.toml"];
        assert_eq!(
            shortest_suffixes(&paths),
            ["…/phuong-a/ubnd-phuong.toml", "…/phuong-b/ubnd-phuong.toml", "…/truong-x.toml", "x.toml"]
        );
    }
}
