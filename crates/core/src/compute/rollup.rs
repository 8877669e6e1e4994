//! `par rollup` as data: the district office's view over many units' plans.
//!
//! Pure and streaming: [`summarise`] turns one loaded plan into a small
//! [`Summary`] (the plan can then be dropped), a [`Rollup`] folds summaries and
//! skipped files together keeping only the per-unit rows and a bounded heap of
//! the most overdue items, and [`Rollup::finish`] orders everything into a
//! [`RollupReport`]. Memory therefore grows with the number of units (one small
//! row each), never with the size of their plans.
//!
//! "Worst first" — the order of [`RollupReport::units`]:
//! 1. more overdue items first (the work the office must chase now);
//! 2. then lower % complete (a unit with nothing dated to count goes after those that have);
//! 3. then lower on-time rate (likewise, none after some);
//! 4. then the unit's name (ignoring case and diacritics), then the file path.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::schedule::{Status, all_occurrences};
use super::status::Counts;
use crate::i18n::Lang;
use crate::plan::{Plan, PlanError};
use crate::read::ReadError;

/// How many overdue items the rollup lists across all units.
pub const TOP_OVERDUE: usize = 20;

/// One unit's row. Everything the rollup shows about a unit is computed in
/// [`summarise`]; a new column (the PAR Index forecast, for one) is a new field
/// here filled there, and the renderers pick it up.
#[derive(Clone, Debug, Serialize)]
pub struct UnitSummary {
    /// The unit's name, as `[plan] unit` gives it.
    pub unit: String,
    /// The file it came from, as found on the command line or under a folder.
    pub path: String,
    pub title: String,
    pub year: i32,
    /// Number of `[[task]]` entries.
    pub tasks: usize,
    /// Items by status: one-off tasks, each period of recurring tasks, ongoing duties.
    pub items: Counts,
    /// Done items among those with a deadline, in percent.
    pub percent_complete: Option<f64>,
    /// Done on time among done items, in percent.
    pub on_time_rate: Option<f64>,
    /// The PAR Index forecast on `today` (see `par index`), when the plan has an index.
    pub index_forecast: Option<f64>,
    /// The index's maximum score, when the plan has an index.
    pub index_max: Option<f64>,
    /// Another file claims the same unit (see [`RollupReport::duplicates`]).
    pub duplicate: bool,
}

/// An overdue item with the unit it belongs to.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OverdueItem {
    pub unit: String,
    pub path: String,
    /// `4` or `4@2025-Q3`.
    pub key: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: NaiveDate,
    pub days_late: i64,
}

/// One plan, summarised: its row and its own most overdue items (at most [`TOP_OVERDUE`]).
#[derive(Clone, Debug)]
pub struct Summary {
    pub unit: UnitSummary,
    pub overdue: Vec<OverdueItem>,
}

/// Summarises a loaded plan on `today`. `path` is how the file is shown.
pub fn summarise(plan: &Plan, path: &str, today: NaiveDate, lang: Lang) -> Summary {
    let mut items = Counts::default();
    // (days late, position in the file) of overdue occurrences; only the worst are kept.
    let mut worst = TopN::new(TOP_OVERDUE);
    for (pos, o) in all_occurrences(plan).enumerate() {
        let s = super::standing::classify(&o, today);
        items.add(s);
        if s == Status::Overdue
            && let Some(due) = o.due
        {
            worst.offer(Ranked { days_late: (today - due).num_days(), order: 0, pos }, || {
                (o.key(), o.task.title.clone(), plan.owner_of(o.task).map(|w| w.display(lang).to_string()), due)
            });
        }
    }
    // Only a plan with an index pays for the forecast (a second walk of its tasks).
    let index = if plan.index.is_some() { super::index::forecast(plan, today, lang) } else { None };
    let unit = plan.meta.unit.clone();
    let overdue = worst
        .into_sorted()
        .into_iter()
        .map(|(r, (key, title, owner, due))| OverdueItem {
            unit: unit.clone(),
            path: path.to_string(),
            key,
            title,
            owner,
            due,
            days_late: r.days_late,
        })
        .collect();
    Summary {
        unit: UnitSummary {
            unit,
            path: path.to_string(),
            title: plan.meta.title.clone(),
            year: plan.meta.year,
            tasks: plan.tasks.len(),
            items,
            percent_complete: items.percent_complete(),
            on_time_rate: items.on_time_rate(),
            index_forecast: index.as_ref().map(|i| i.total.forecast),
            index_max: index.as_ref().map(|i| i.total.max),
            duplicate: false,
        },
        overdue,
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
            SkipKind::Unreadable => lang.pick("không đọc được", "unreadable"),
            SkipKind::NotAPlan => lang.pick("không phải kế hoạch", "not a plan"),
            SkipKind::Invalid => lang.pick("kế hoạch có lỗi", "invalid plan"),
        }
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub kind: SkipKind,
    /// One line saying what is wrong.
    pub reason: String,
    /// The full message (a plan's every problem, with lines and carets).
    pub detail: String,
}

impl Skipped {
    /// A file that could not be read at all.
    pub fn unreadable(path: String, error: &ReadError, lang: Lang) -> Skipped {
        Skipped { reason: error.reason(Lang::En), detail: error.message(lang, &path), kind: SkipKind::Unreadable, path }
    }

    /// A file read and refused: its first problem on one line as the reason, without the
    /// file's name (shown in its own column), and how many there are; every problem as
    /// the detail.
    pub fn refused(path: String, kind: SkipKind, error: PlanError) -> Skipped {
        let first = error.first.line(&path);
        let reason = if error.problems > 1 { format!("{} problems; first: {first}", error.problems) } else { first };
        Skipped { path, kind, reason, detail: error.rendered }
    }
}

/// A unit claimed by more than one file.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Duplicate {
    pub unit: String,
    pub paths: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Totals {
    /// Plan files read (a unit claimed twice counts twice).
    pub plans: usize,
    pub tasks: usize,
    pub items: Counts,
    pub percent_complete: Option<f64>,
    pub on_time_rate: Option<f64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RollupReport {
    pub today: NaiveDate,
    /// Worst first (see the module's documentation).
    pub units: Vec<UnitSummary>,
    pub total: Totals,
    /// The most overdue items across all units, most days late first; at most [`TOP_OVERDUE`].
    pub overdue: Vec<OverdueItem>,
    pub duplicates: Vec<Duplicate>,
    pub skipped: Vec<Skipped>,
}

/// Accumulates summaries and skipped files. `order` is the file's position in the
/// walk: it breaks ties so the result does not depend on which thread finished first.
#[derive(Default)]
pub struct Rollup {
    units: Vec<(usize, UnitSummary)>,
    top: Option<TopN<Ranked, OverdueItem>>,
    skipped: Vec<(usize, Skipped)>,
}

impl Rollup {
    pub fn new() -> Rollup {
        Rollup::default()
    }

    fn top(&mut self) -> &mut TopN<Ranked, OverdueItem> {
        self.top.get_or_insert_with(|| TopN::new(TOP_OVERDUE))
    }

    pub fn add(&mut self, order: usize, summary: Summary) {
        for (pos, item) in summary.overdue.into_iter().enumerate() {
            let rank = Ranked { days_late: item.days_late, order, pos };
            self.top().offer(rank, || item);
        }
        self.units.push((order, summary.unit));
    }

    pub fn skip(&mut self, order: usize, skipped: Skipped) {
        self.skipped.push((order, skipped));
    }

    /// Folds another accumulator in (one per thread).
    pub fn merge(&mut self, other: Rollup) {
        self.units.extend(other.units);
        self.skipped.extend(other.skipped);
        if let Some(top) = other.top {
            for (rank, item) in top.heap.into_iter().map(|Reverse(e)| (e.rank, e.value)) {
                self.top().offer(rank, || item);
            }
        }
    }

    pub fn finish(self, today: NaiveDate) -> RollupReport {
        let mut units = self.units;
        units.sort_by_key(|(order, _)| *order);
        let mut units: Vec<UnitSummary> = units.into_iter().map(|(_, u)| u).collect();

        // Units are told apart by name, ignoring case, diacritics and spacing,
        // so "Trường TH A" and "truong th a" are the same unit.
        let folded: Vec<String> = units.iter().map(|u| crate::text::fold(&u.unit)).collect();
        let mut claims: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in folded.iter().enumerate() {
            claims.entry(f.as_str()).or_default().push(i);
        }
        let mut duplicates: Vec<Duplicate> = Vec::new();
        for ix in claims.into_values().filter(|ix| ix.len() > 1) {
            for &i in &ix {
                units[i].duplicate = true;
            }
            duplicates.push(Duplicate {
                unit: units[ix[0]].unit.clone(),
                paths: ix.iter().map(|&i| units[i].path.clone()).collect(),
            });
        }
        duplicates.sort_by(|a, b| a.paths.cmp(&b.paths));

        let mut items = Counts::default();
        let mut tasks = 0;
        for u in &units {
            items.merge(&u.items);
            tasks += u.tasks;
        }
        let mut keyed: Vec<(String, UnitSummary)> = folded.into_iter().zip(units).collect();
        keyed.sort_by(|(fa, a), (fb, b)| worst_first(a, b).then_with(|| fa.cmp(fb)).then_with(|| a.path.cmp(&b.path)));
        let units: Vec<UnitSummary> = keyed.into_iter().map(|(_, u)| u).collect();

        let mut skipped = self.skipped;
        skipped.sort_by_key(|(order, _)| *order);
        RollupReport {
            today,
            total: Totals {
                plans: units.len(),
                tasks,
                items,
                percent_complete: items.percent_complete(),
                on_time_rate: items.on_time_rate(),
            },
            units,
            overdue: self.top.map(|t| t.into_sorted().into_iter().map(|(_, v)| v).collect()).unwrap_or_default(),
            duplicates,
            skipped: skipped.into_iter().map(|(_, s)| s).collect(),
        }
    }
}

/// The order of units in the rollup by their figures, worst first (see the
/// module's documentation); [`Rollup::finish`] breaks ties by name, then path.
pub fn worst_first(a: &UnitSummary, b: &UnitSummary) -> Ordering {
    // `None` (nothing to measure) sorts after any figure.
    let low_first = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    b.items
        .overdue
        .cmp(&a.items.overdue)
        .then_with(|| low_first(a.percent_complete, b.percent_complete))
        .then_with(|| low_first(a.on_time_rate, b.on_time_rate))
}

/// Where an overdue item ranks: more days late first, then earlier file, then
/// earlier in its file. "Greater" means "more overdue".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ranked {
    days_late: i64,
    order: usize,
    pos: usize,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.days_late.cmp(&other.days_late).then(other.order.cmp(&self.order)).then(other.pos.cmp(&self.pos))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Entry<R, V> {
    rank: R,
    value: V,
}

impl<R: Ord, V> PartialEq for Entry<R, V> {
    fn eq(&self, other: &Self) -> bool {
        self.rank == other.rank
    }
}
impl<R: Ord, V> Eq for Entry<R, V> {}
impl<R: Ord, V> PartialOrd for Entry<R, V> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<R: Ord, V> Ord for Entry<R, V> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank.cmp(&other.rank)
    }
}

/// The `n` greatest values offered, in a min-heap of at most `n` entries. The
/// value is built only when it makes the cut, so most offers allocate nothing.
struct TopN<R: Ord, V> {
    n: usize,
    heap: BinaryHeap<Reverse<Entry<R, V>>>,
}

impl<R: Ord, V> TopN<R, V> {
    fn new(n: usize) -> Self {
        TopN { n, heap: BinaryHeap::with_capacity(n + 1) }
    }

    fn offer(&mut self, rank: R, value: impl FnOnce() -> V) {
        if self.n == 0 {
            return;
        }
        if self.heap.len() < self.n {
            self.heap.push(Reverse(Entry { rank, value: value() }));
        } else if self.heap.peek().is_some_and(|Reverse(min)| rank > min.rank) {
            self.heap.pop();
            self.heap.push(Reverse(Entry { rank, value: value() }));
        }
    }

    /// Greatest first.
    fn into_sorted(self) -> Vec<(R, V)> {
        // `into_sorted_vec` of a heap of `Reverse` is ascending in `Reverse`, i.e. greatest first.
        self.heap.into_sorted_vec().into_iter().map(|Reverse(e)| (e.rank, e.value)).collect()
    }
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
            Skipped::refused("d/a.toml".into(), SkipKind::Invalid, e).reason
        };
        let text = "[plan]\n\ntitel = 1\nown = \"x\"\n\n\n\n\nbad\n";
        let at = |s: &str| text.find(s).map(|i| i..i + s.len());
        let one = [Diagnostic::new("unknown key `titel`", at("titel")).help("did you mean `title`?")];
        assert_eq!(reason(text, &one), "3:1: unknown key `titel`");
        let many = [Diagnostic::new("unknown owner `x`", at("\"x\"")), Diagnostic::new("bad", at("bad"))];
        assert_eq!(reason(text, &many), "2 problems; first: 4:7: unknown owner `x`");
    }

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
        let s = summarise(&plan("Trường A", 3, 1), "a.toml", today, Lang::Vi);
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
    fn orders_worst_first_and_flags_duplicates() {
        let today = d(2025, 7, 1);
        let mut r = Rollup::new();
        r.add(0, summarise(&plan("Trường A", 1, 3), "a.toml", today, Lang::Vi));
        r.add(1, summarise(&plan("Trường B", 2, 0), "b.toml", today, Lang::Vi));
        r.add(2, summarise(&plan("Trường C", 1, 1), "c.toml", today, Lang::Vi));
        r.add(3, summarise(&plan("truong a", 0, 0), "a2.toml", today, Lang::Vi));
        r.skip(
            4,
            Skipped {
                path: "x.toml".into(),
                kind: SkipKind::NotAPlan,
                reason: "no [plan]".into(),
                detail: String::new(),
            },
        );
        let rep = r.finish(today);
        let order: Vec<&str> = rep.units.iter().map(|u| u.path.as_str()).collect();
        // B has 2 overdue; C (50 %) before A (75 %) on % complete; a2 has nothing to count.
        assert_eq!(order, ["b.toml", "c.toml", "a.toml", "a2.toml"]);
        assert_eq!(rep.duplicates.len(), 1);
        assert_eq!(rep.duplicates[0].paths, ["a.toml", "a2.toml"]);
        assert!(rep.units.iter().filter(|u| u.duplicate).count() == 2);
        assert_eq!(rep.total.plans, 4);
        assert_eq!(rep.total.tasks, 8);
        assert_eq!(rep.total.items.overdue, 4);
        assert_eq!(rep.skipped.len(), 1);
        // Most days late first; ties go to the earlier file.
        let top: Vec<(&str, &str, i64)> =
            rep.overdue.iter().map(|o| (o.unit.as_str(), o.key.as_str(), o.days_late)).collect();
        assert_eq!(
            top,
            [("Trường A", "o1", 30), ("Trường B", "o1", 30), ("Trường C", "o1", 30), ("Trường B", "o2", 29)]
        );
    }

    #[test]
    fn keeps_only_the_top_twenty_whatever_the_merge_order() {
        let today = d(2025, 7, 1);
        let summaries: Vec<Summary> =
            (0..30).map(|i| summarise(&plan(&format!("U{i}"), 25, 0), &format!("{i}.toml"), today, Lang::En)).collect();
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
        let (one, two) = (one.finish(today), b.finish(today));
        assert_eq!(one.overdue.len(), TOP_OVERDUE);
        assert_eq!(one.overdue, two.overdue);
        assert!(one.overdue.iter().all(|o| o.key == "o1" && o.days_late == 30));
        assert_eq!(one.overdue[0].unit, "U0");
        assert_eq!(one.overdue[19].unit, "U19");
        let names = |r: &RollupReport| r.units.iter().map(|u| u.path.clone()).collect::<Vec<_>>();
        assert_eq!(names(&one), names(&two));
    }

    #[test]
    fn empty_rollup() {
        let rep = Rollup::new().finish(d(2025, 7, 1));
        assert!(rep.units.is_empty() && rep.overdue.is_empty());
        assert_eq!(rep.total.percent_complete, None);
    }
}
