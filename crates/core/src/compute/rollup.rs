//! `par rollup` as data: the aggregating office's view over many units' plans.
//!
//! Pure and streaming: [`summarise`] turns one loaded plan into a small [`Summary`]
//! (the plan can then be dropped), a [`Rollup`] folds summaries and skipped files
//! together, and [`Rollup::finish`] decides which plan counts for which unit
//! ([`super::rollup_units`]) and orders everything into a [`RollupReport`]. Memory grows
//! with the number of units and of their overdue items, never with the size of their plans.
//!
//! "Worst first" — the order of [`RollupReport::units`]:
//! 1. an empty plan (no task) first: it is a problem to chase, not a good result;
//! 2. more overdue items first (the work the office must chase now);
//! 3. then lower % complete (a unit with nothing dated to count goes after those that have);
//! 4. then lower on-time rate (likewise, none after some);
//! 5. then the unit's name (ignoring case and diacritics), then the file path.
//!
//! Which plans count: those of the rollup's year (`--year`, default the year of
//! `--today`); one per unit (see [`super::rollup_units`]). A unit's figures for the
//! period (period, year to date, change from the previous report) come from
//! [`super::report::build`], the function its own `par report` uses, so the two agree.

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::report::Tally;
use super::schedule::{Status, push_occurrences};
use super::status::Counts;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::{Plan, PlanError};
use crate::read::ReadError;

pub use super::rollup_units::{
    Missing, OverdueList, RosterOutcome, SupersedeReason, Superseded, UnitFlag, UnitRef, finish_units,
};

/// How many overdue items the terminal table lists without `--all`.
pub const TOP_OVERDUE: usize = 20;

/// What the rollup covers: the plans of `year`, reported on `period` (each plan's own
/// default report period when `None`, as its `par report` would).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub year: i32,
    pub period: Option<Period>,
}

/// Where a unit's figures were read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Plan,
    /// A Word report carrying its figures (see `par report --format docx`).
    WordReport,
    /// A JSON report (`par report --format json`).
    JsonReport,
}

/// A unit's figures for the report period, as its own report gives them.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PeriodFigures {
    pub period: Period,
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Items of the period.
    pub tally: Tally,
    /// From the start of the reporting year to the period's end.
    pub year: Tally,
    /// The previous report's period.
    pub previous: Tally,
    /// Percentage points gained (negative: lost) since the previous report.
    pub change_points: Option<f64>,
}

/// One unit's row. Everything the rollup shows about a unit is computed in
/// [`summarise`]; a new column is a new field here filled there.
#[derive(Clone, Debug, Serialize)]
pub struct UnitSummary {
    /// The unit's name, as `[plan] unit` gives it.
    pub unit: String,
    /// `[plan] code`.
    pub code: Option<String>,
    pub superior: Option<String>,
    /// The file it came from, as found on the command line or under a folder.
    pub path: String,
    /// The shortest end of `path` that tells it from every other file of the rollup.
    pub shown_path: String,
    pub source: Source,
    pub title: String,
    pub year: i32,
    /// `[plan] date`.
    pub date: Option<NaiveDate>,
    /// Number of `[[task]]` entries.
    pub tasks: usize,
    /// Items by status on the day: one-off tasks, each period of recurring tasks, ongoing duties.
    pub items: Counts,
    /// Done items among those with a deadline, in percent.
    pub percent_complete: Option<f64>,
    /// Done on time among done items, in percent; `None` ("–") when nothing is done.
    pub on_time_rate: Option<f64>,
    /// The PAR Index forecast on `today` (see `par index`), when the plan has an index.
    pub index_forecast: Option<f64>,
    /// The index's maximum score, when the plan has an index.
    pub index_max: Option<f64>,
    /// The latest done mark, progress entry or measurement dated on or before the day.
    pub last_entry: Option<NaiveDate>,
    /// Nothing recorded from the period's first day to the day.
    pub silent: bool,
    /// The period's figures from the unit's own report; absent when it has none
    /// (no task, or the period is outside the plan's year).
    pub report: Option<PeriodFigures>,
    /// What needs a look: an empty plan, a copy much smaller than its other copy, a name match.
    pub flags: Vec<UnitFlag>,
    /// The roster unit it was matched to, when there is a roster.
    pub roster_code: Option<String>,
}

/// An overdue item with the unit it belongs to. The unit's name, code and file are
/// shared by its items (at 10,000 plans, hundreds of thousands of items: one copy each
/// per plan, not per item).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OverdueItem {
    pub unit: Arc<str>,
    pub code: Option<Arc<str>>,
    pub path: Arc<str>,
    /// `4` or `4@2025-Q3`.
    pub key: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: NaiveDate,
    pub days_late: i64,
}

/// A unit's own proposal for the period (`[[report.proposal]]`), for the consolidated report.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Proposal {
    pub unit: String,
    pub text: String,
}

/// One plan, summarised: its row, every overdue item (most days late first), its
/// proposals for the period and its criteria (for the cross-unit view).
#[derive(Clone, Debug)]
pub struct Summary {
    pub unit: UnitSummary,
    pub overdue: Vec<OverdueItem>,
    pub proposals: Vec<String>,
    pub criteria: Option<super::rollup_criteria::UnitCriteria>,
}

/// The latest entry (done mark, progress entry, measurement) dated on or before `today`.
pub fn last_entry(plan: &Plan, today: NaiveDate) -> Option<NaiveDate> {
    let mut last: Option<NaiveDate> = None;
    let mut see = |d: NaiveDate| {
        if d <= today && last.is_none_or(|l| d > l) {
            last = Some(d);
        }
    };
    for t in &plan.tasks {
        t.done.iter().for_each(|d| see(d.date));
        t.log.iter().for_each(|l| see(l.date));
        t.measures.iter().for_each(|m| see(m.date));
    }
    last
}

/// The period the rollup reports a plan on: the scope's, else the plan's own default.
pub fn period_of(plan: &Plan, scope: Scope, today: NaiveDate) -> Period {
    scope.period.unwrap_or_else(|| super::report::default_period(plan, today))
}

/// Summarises a loaded plan on `today`. `path` is how the file is shown.
pub fn summarise(plan: &Plan, path: &str, today: NaiveDate, scope: Scope, lang: Lang) -> Summary {
    let mut items = Counts::default();
    let mut overdue = Vec::new();
    // Gathered once: counted here, then handed to the period's figures.
    let mut occs = Vec::with_capacity(plan.tasks.len() * 2);
    for task in &plan.tasks {
        push_occurrences(plan, task, &mut occs);
    }
    let (unit, code, shown): (Arc<str>, Option<Arc<str>>, Arc<str>) =
        (plan.meta.unit.as_str().into(), plan.meta.code.as_deref().map(Arc::from), path.into());
    for o in &occs {
        let s = super::standing::classify(o, today);
        items.add(s);
        if s == Status::Overdue
            && let Some(due) = o.due
        {
            overdue.push(OverdueItem {
                unit: unit.clone(),
                code: code.clone(),
                path: shown.clone(),
                key: o.key(),
                title: o.task.title.clone(),
                owner: plan.owner_of(o.task).map(|w| w.display(lang).to_string()),
                due,
                days_late: (today - due).num_days(),
            });
        }
    }
    // Most days late first; a stable sort keeps the file's order among equals.
    overdue.sort_by_key(|o| std::cmp::Reverse(o.days_late));
    let counted = plan.meta.year == scope.year;
    // Only a plan with an index pays for the forecast (a second walk of its tasks).
    let index = if plan.index.is_some() { super::index::forecast(plan, today, lang) } else { None };
    let criteria = if counted { index.as_ref().map(|i| super::rollup_criteria::of_plan(plan, i, today)) } else { None };
    let period = period_of(plan, scope, today);
    // The unit's own report's figures for the period (the same counting): only for plans
    // that count. Only the figures: a whole report for each of thousands of units costs
    // more than the rest of the rollup.
    let figures = if counted { super::report::period_figures_of(plan, occs, period, today, lang).ok() } else { None };
    let report = figures.map(|(window, f)| PeriodFigures {
        period,
        label: period.label(lang),
        from: window.from,
        to: window.to,
        tally: f.period,
        year: f.year,
        previous: f.previous.tally,
        change_points: f.change_points,
    });
    let from = report.as_ref().map_or_else(|| period.start(), |r| r.from);
    let last = last_entry(plan, today);
    let flags = if plan.tasks.is_empty() { vec![UnitFlag::Empty] } else { Vec::new() };
    Summary {
        unit: UnitSummary {
            unit: plan.meta.unit.clone(),
            code: plan.meta.code.clone(),
            superior: plan.meta.superior.clone(),
            path: path.to_string(),
            shown_path: path.to_string(),
            source: Source::Plan,
            title: plan.meta.title.clone(),
            year: plan.meta.year,
            date: plan.meta.date,
            tasks: plan.tasks.len(),
            items,
            percent_complete: items.percent_complete(),
            on_time_rate: items.on_time_rate(),
            index_forecast: index.as_ref().map(|i| i.total.forecast),
            index_max: index.as_ref().map(|i| i.total.max),
            last_entry: last,
            silent: from <= today && last.is_none_or(|d| d < from),
            report,
            flags,
            roster_code: None,
        },
        overdue,
        proposals: if counted { super::report_words::notes(plan, period).1 } else { Vec::new() },
        criteria,
    }
}

/// Why a file was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// The file or folder could not be read (missing, permissions, not UTF-8 text…).
    Unreadable,
    /// TOML without a `[plan]` table: some other tool's file.
    NotAPlan,
    /// A plan with errors (syntax or content).
    Invalid,
}

impl SkipKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SkipKind::Unreadable => crate::messages::Msg::ValueSkipUnreadable.text(lang),
            SkipKind::NotAPlan => crate::messages::Msg::ValueSkipNotAPlan.text(lang),
            SkipKind::Invalid => crate::messages::Msg::ValueSkipInvalid.text(lang),
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub kind: SkipKind,
    /// One line saying what is wrong, in the output language.
    pub reason: String,
    /// The full message (a plan's every problem, with lines and carets).
    pub detail: String,
}

impl Skipped {
    /// A file that could not be read at all.
    pub fn unreadable(path: String, error: &ReadError, lang: Lang) -> Skipped {
        Skipped { reason: error.reason(lang), detail: error.message(lang, &path), kind: SkipKind::Unreadable, path }
    }

    /// A file read and refused: its first problem on one line as the reason, without the
    /// file's name (shown in its own column), and how many there are; every problem as
    /// the detail.
    pub fn refused(path: String, kind: SkipKind, error: PlanError, lang: Lang) -> Skipped {
        let first = error.first.line(&path);
        let reason = if error.problems > 1 {
            format!("{} {}: {first}", error.problems, lang.pick("lỗi; lỗi đầu", "problems; first"))
        } else {
            first
        };
        Skipped { path, kind, reason, detail: error.rendered }
    }

    /// TOML that is not a plan.
    pub fn not_a_plan(path: String, lang: Lang) -> Skipped {
        Skipped {
            detail: crate::say!(lang, RollupNotAPlan, file = path),
            path,
            kind: SkipKind::NotAPlan,
            reason: crate::messages::Msg::ValueNoPlanTable.text(lang).into(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Totals {
    /// Plans counted: one per unit, of the rollup's year.
    pub plans: usize,
    pub tasks: usize,
    pub items: Counts,
    pub percent_complete: Option<f64>,
    pub on_time_rate: Option<f64>,
    /// The period's items of every counted unit, as their reports count them.
    pub period: Tally,
    /// Year to date, likewise.
    pub year: Tally,
    /// The previous report's period, likewise.
    pub previous: Tally,
    /// Percentage points gained since the previous report, over all units.
    pub change_points: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RollupReport {
    pub today: NaiveDate,
    pub year: i32,
    /// The period reported on, when all counted units report on the same one.
    pub period: Option<Period>,
    pub period_label: Option<String>,
    /// Worst first (see the module's documentation); one plan per unit, of the year.
    pub units: Vec<UnitSummary>,
    pub total: Totals,
    /// Every overdue item of the counted plans, most days late first.
    pub overdue: OverdueList,
    /// Plans of other years: listed apart, not counted.
    pub other_year: Vec<UnitSummary>,
    /// Earlier copies of a unit's plan, not counted.
    pub superseded: Vec<Superseded>,
    /// Counted units with nothing recorded in the period.
    pub silent: Vec<UnitRef>,
    /// Against the roster, when there is one.
    pub roster: Option<RosterOutcome>,
    /// Word or PDF files that are not readable reports.
    pub documents: Vec<String>,
    pub skipped: Vec<Skipped>,
    /// The units' own proposals for the period, unit named.
    pub proposals: Vec<Proposal>,
    /// Across units, per criterion (within one criteria set).
    pub criteria: Vec<super::rollup_criteria::CriteriaSet>,
}

/// Accumulates summaries and skipped files. `order` is the file's position in the
/// walk: it breaks ties so the result does not depend on which thread finished first.
#[derive(Default)]
pub struct Rollup {
    pub(crate) summaries: Vec<(usize, Summary)>,
    skipped: Vec<(usize, Skipped)>,
    documents: Vec<(usize, String)>,
}

impl Rollup {
    pub fn new() -> Rollup {
        Rollup::default()
    }

    pub fn add(&mut self, order: usize, summary: Summary) {
        self.summaries.push((order, summary));
    }

    pub fn skip(&mut self, order: usize, skipped: Skipped) {
        self.skipped.push((order, skipped));
    }

    /// A Word or PDF file that is not a readable report (a unit that sent a document).
    pub fn document(&mut self, order: usize, path: String) {
        self.documents.push((order, path));
    }

    /// Folds another accumulator in (one per thread). Each worker adds its files in the
    /// walk's order, so two accumulators are merged as two sorted runs: each summary
    /// moves once, and [`Rollup::finish`] finds them in order (a summary is large; sorting
    /// ten thousand of them moved each many times).
    pub fn merge(&mut self, other: Rollup) {
        merge_sorted(&mut self.summaries, other.summaries);
        merge_sorted(&mut self.skipped, other.skipped);
        merge_sorted(&mut self.documents, other.documents);
    }

    pub fn finish(self, today: NaiveDate, scope: Scope, roster: Option<&super::roster::Roster>) -> RollupReport {
        let mut summaries = self.summaries;
        summaries.sort_by_key(|(order, _)| *order);
        let mut skipped = self.skipped;
        skipped.sort_by_key(|(order, _)| *order);
        let mut documents = self.documents;
        documents.sort_by_key(|(order, _)| *order);
        let documents: Vec<String> = documents.into_iter().map(|(_, d)| d).collect();
        finish_units(
            summaries.into_iter().map(|(_, s)| s).collect(),
            today,
            scope,
            roster,
            documents,
            skipped.into_iter().map(|(_, s)| s).collect(),
        )
    }
}

/// Merges `b` into `a` by position; both in any order (runs in order merge in one pass).
fn merge_sorted<T>(a: &mut Vec<(usize, T)>, b: Vec<(usize, T)>) {
    if b.is_empty() {
        return;
    }
    if a.is_empty() {
        *a = b;
        return;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut x, mut y) = (std::mem::take(a).into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_x = match (x.peek(), y.peek()) {
            (Some((i, _)), Some((j, _))) => i <= j,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_x { x.next() } else { y.next() });
    }
    *a = out;
}

/// The order of units in the rollup by their figures, worst first (see the
/// module's documentation); ties are broken by name, then path.
pub fn worst_first(a: &UnitSummary, b: &UnitSummary) -> Ordering {
    // `None` (nothing to measure) sorts after any figure.
    let low_first = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    (b.tasks == 0)
        .cmp(&(a.tasks == 0))
        .then_with(|| b.items.overdue.cmp(&a.items.overdue))
        .then_with(|| low_first(a.percent_complete, b.percent_complete))
        .then_with(|| low_first(a.on_time_rate, b.on_time_rate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    #[test]
    fn reasons_are_one_line() {
        use crate::plan::diagnostic::{Diagnostic, Source};
        let reason = |text: &str, diags: &[Diagnostic]| {
            let e = Source { path: Path::new("d/a.toml"), text }.error(diags);
            Skipped::refused("d/a.toml".into(), SkipKind::Invalid, e, Lang::En).reason
        };
        let text = "[plan]\n\ntitel = 1\nown = \"x\"\n\n\n\n\nbad\n";
        let at = |s: &str| text.find(s).map(|i| i..i + s.len());
        let one = [Diagnostic::new("unknown key `titel`", at("titel")).help("did you mean `title`?")];
        assert_eq!(reason(text, &one), "3:1: unknown key `titel`");
        let many = [Diagnostic::new("unknown owner `x`", at("\"x\"")), Diagnostic::new("bad", at("bad"))];
        assert_eq!(reason(text, &many), "2 problems; first: 4:7: unknown owner `x`");
    }

    const SCOPE: Scope = Scope { year: 2025, period: None };

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    /// A plan for `unit` with `overdue` one-off tasks due on 1, 2, … June and
    /// `done` tasks done on time.
    fn plan(unit: &str, overdue: u32, done: u32) -> Plan {
        let mut text = format!(
            "[plan]\nunit = \"{unit}\"\ntitle = \"T\"\nyear = 2025\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n[[section]]\nid = \"II\"\ntitle = \"S\"\n"
        );
        for i in 1..=overdue {
            text.push_str(&format!(
                "[[task]]\nid = \"o{i}\"\nsection = \"II\"\ntitle = \"late {i}\"\nowner = \"ht\"\ndue = 2025-06-{i:02}\n"
            ));
        }
        for i in 1..=done {
            text.push_str(&format!(
                "[[task]]\nid = \"d{i}\"\nsection = \"II\"\ntitle = \"done {i}\"\ndue = 2025-06-30\n[[task.done]]\ndate = 2025-06-01\n"
            ));
        }
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn summarises_one_plan() {
        let today = d(2025, 7, 1);
        let s = summarise(&plan("Trường A", 3, 1), "a.toml", today, SCOPE, Lang::Vi);
        assert_eq!(s.unit.tasks, 4);
        assert_eq!(s.unit.items.overdue, 3);
        assert_eq!(s.unit.items.done_on_time, 1);
        assert_eq!(s.unit.percent_complete, Some(25.0));
        assert_eq!(s.unit.on_time_rate, Some(100.0));
        let keys: Vec<(&str, i64)> = s.overdue.iter().map(|o| (o.key.as_str(), o.days_late)).collect();
        assert_eq!(keys, [("o1", 30), ("o2", 29), ("o3", 28)]);
        assert_eq!(s.overdue[0].owner.as_deref(), Some("Hiệu trưởng"));
    }

    #[test]
    fn orders_worst_first_and_keeps_one_plan_per_unit() {
        let today = d(2025, 7, 1);
        let mut r = Rollup::new();
        r.add(0, summarise(&plan("Trường A", 1, 3), "a.toml", today, SCOPE, Lang::Vi));
        r.add(1, summarise(&plan("Trường B", 2, 0), "b.toml", today, SCOPE, Lang::Vi));
        r.add(2, summarise(&plan("Trường C", 1, 1), "c.toml", today, SCOPE, Lang::Vi));
        r.add(3, summarise(&plan("truong d", 0, 0), "d.toml", today, SCOPE, Lang::Vi));
        // A second copy of C (no dates: the later file name counts) with 2 overdue.
        r.add(4, summarise(&plan("trường c", 2, 1), "c2.toml", today, SCOPE, Lang::Vi));
        r.skip(5, Skipped::not_a_plan("x.toml".into(), Lang::En));
        let rep = r.finish(today, SCOPE, None);
        let order: Vec<&str> = rep.units.iter().map(|u| u.path.as_str()).collect();
        // d is empty (no task) and comes first; B and c2 have 2 overdue each, B with 0 % complete
        // before c2 with 33,3 %; then A (1 overdue, 75 %).
        assert_eq!(order, ["d.toml", "b.toml", "c2.toml", "a.toml"]);
        assert_eq!(rep.units[0].flags, [UnitFlag::Empty]);
        assert_eq!(rep.superseded.len(), 1);
        assert_eq!(rep.superseded[0].unit.path, "c.toml");
        assert_eq!(rep.superseded[0].by, "c2.toml");
        assert_eq!(rep.superseded[0].reason, SupersedeReason::LaterFileName);
        assert_eq!(rep.total.plans, 4);
        assert_eq!(rep.total.tasks, 9, "A 4, B 2, d none, c2 3");
        assert_eq!(rep.total.items.overdue, 1 + 2 + 2);
        assert_eq!(rep.skipped.len(), 1);
        // Every overdue item of the counted plans, most days late first; ties in file order.
        let top: Vec<(&str, &str, i64)> = rep.overdue.iter().map(|o| (&*o.unit, o.key.as_str(), o.days_late)).collect();
        assert_eq!(
            top,
            [
                ("Trường A", "o1", 30),
                ("Trường B", "o1", 30),
                ("trường c", "o1", 30),
                ("Trường B", "o2", 29),
                ("trường c", "o2", 29)
            ]
        );
    }

    #[test]
    fn same_result_whatever_the_merge_order() {
        let today = d(2025, 7, 1);
        let summaries: Vec<Summary> = (0..30)
            .map(|i| summarise(&plan(&format!("U{i}"), 25, 0), &format!("{i}.toml"), today, SCOPE, Lang::En))
            .collect();
        let mut one = Rollup::new();
        for (i, s) in summaries.iter().enumerate() {
            one.add(i, s.clone());
        }
        // Same summaries folded by two "threads" in reverse order, then merged.
        let (mut a, mut b) = (Rollup::new(), Rollup::new());
        for (i, s) in summaries.iter().enumerate().rev() {
            if i % 2 == 0 { a.add(i, s.clone()) } else { b.add(i, s.clone()) }
        }
        b.merge(a);
        let (one, two) = (one.finish(today, SCOPE, None), b.finish(today, SCOPE, None));
        assert_eq!(one.overdue.len(), 30 * 25, "every overdue item");
        assert_eq!(one.overdue, two.overdue);
        assert!(one.overdue.iter().take(30).all(|o| o.key == "o1" && o.days_late == 30));
        assert_eq!(&*one.overdue[0].unit, "U0");
        assert_eq!(&*one.overdue[19].unit, "U19");
        let names = |r: &RollupReport| r.units.iter().map(|u| u.path.clone()).collect::<Vec<_>>();
        assert_eq!(names(&one), names(&two));
    }

    #[test]
    fn runs_merge_by_position() {
        let mut a = vec![(0, "a0"), (2, "a2"), (3, "a3"), (7, "a7")];
        merge_sorted(&mut a, vec![(1, "b1"), (4, "b4"), (5, "b5"), (6, "b6"), (8, "b8")]);
        assert_eq!(a.iter().map(|(i, _)| *i).collect::<Vec<_>>(), (0..9).collect::<Vec<_>>());
        assert_eq!(a[1], (1, "b1"));
        let mut empty = Vec::new();
        merge_sorted(&mut empty, vec![(3, "x")]);
        merge_sorted(&mut empty, Vec::new());
        assert_eq!(empty, [(3, "x")]);
    }

    #[test]
    fn empty_rollup() {
        let rep = Rollup::new().finish(d(2025, 7, 1), SCOPE, None);
        assert!(rep.units.is_empty() && rep.overdue.is_empty());
        assert_eq!(rep.total.percent_complete, None);
    }
}
