//! `par report` as data: the periodic report (quarter, 6 months, year) on the plan.
//!
//! The report on period P is written as of the report's date (`--today`, `as_of`): its
//! items are the occurrences due in P and the ongoing duties running in P, each classified
//! on that date (done on time; done late, with its date; overdue, with the days late;
//! open; not started; ongoing). Which items belong to P, how they are classified and
//! counted are the rules of [`super::standing`], shared with `par status`: a done mark or
//! a measurement for P counts whenever it was recorded, as long as it is dated on or
//! before the report's date. A report dated before P's window ends says up to which day
//! its figures run (`as_of` < `window.to`).
//!
//! Figures: "this period" counts P's items; "whole plan" counts every item of the plan,
//! the same count as `par status` on the same day; "previous period" counts the previous
//! report's items, classified on the same date.
use chrono::NaiveDate;
use serde::Serialize;

use super::row::OccurrenceRow;
use super::schedule::{Occurrence, Status, push_occurrences};
use super::standing;
use super::status::Counts;
use crate::calendar::{self, Calendar, Window};
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::history::InForce;
use crate::plan::{Document, Plan, Signer};

/// The whole report, in the order it is printed.
#[derive(Debug, Serialize)]
pub struct Report {
    pub lang: Lang,
    pub header: Header,
    /// "Báo cáo kết quả thực hiện … quý II năm 2025"
    pub title: String,
    /// The subject line under "BÁO CÁO": "Kết quả thực hiện … quý II năm 2025".
    pub subject: String,
    pub period: Period,
    /// "quý II năm 2025"
    pub period_label: String,
    pub calendar: Calendar,
    pub window: Window,
    /// The day every item is classified on: the report's date (`--today`). When it is
    /// before the window's end, the figures run up to it.
    pub as_of: NaiveDate,
    pub plan: PlanInfo,
    pub figures: Figures,
    /// I. Results: a table per section (sections without items are left out).
    pub sections: Vec<SectionResult>,
    /// I. Results: what was done in the period, task by task.
    pub activities: Vec<TaskActivity>,
    /// II. Shortcomings (tồn tại, hạn chế).
    pub shortcomings: Shortcomings,
    /// III. Tasks for the next period.
    pub next: NextPeriod,
    /// IV. Proposals (đề xuất, kiến nghị) kept in the plan for this period:
    /// `[[report.proposal]]`, then `[[report.note]]` of kind proposal.
    pub proposals: Vec<String>,
    /// The officer's words for this period (see [`super::report_words`]).
    pub notes: super::report_words::Notes,
    /// The PAR Index on the report's day, when the plan has one.
    pub index: Option<super::report_words::IndexInReport>,
    /// Nơi nhận, ending with "Lưu: VT".
    pub recipients: Vec<String>,
    pub signer: Option<Signer>,
}

#[derive(Debug, Serialize)]
pub struct Header {
    /// The kind of unit: decides the heading's lines (see `[plan] unit_kind`).
    pub unit_kind: crate::plan::UnitKind,
    /// The superior body (cơ quan chủ quản), above the unit.
    pub superior: Option<String>,
    pub unit: String,
    /// "…/BC-NBK"
    pub number: String,
    pub place: Option<String>,
    /// The report's date: today.
    pub date: NaiveDate,
    /// "Quận 1, ngày 30 tháng 6 năm 2025"
    pub date_line: String,
    /// "Kính gửi", when the plan names an addressee.
    pub to: Option<String>,
}

/// The plan being reported on and its legal bases.
#[derive(Debug, Serialize)]
pub struct PlanInfo {
    pub title: String,
    /// The plan's kind of document ("Kế hoạch"), from `[plan] kind`.
    pub kind: Option<String>,
    /// The plan's year: the year of its date when the date is not given.
    pub year: i32,
    pub unit: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    /// The plan's legal bases issued on or before the report's date.
    pub bases: Vec<Document>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    #[serde(flatten)]
    pub counts: Counts,
    pub percent_complete: Option<f64>,
}

impl Tally {
    fn of(counts: Counts) -> Tally {
        Tally { counts, percent_complete: counts.percent_complete() }
    }
}

#[derive(Debug, Serialize)]
pub struct Figures {
    /// The period's items (occurrences due in it, ongoing duties), on the report's date.
    pub period: Tally,
    /// Every item of the plan's year on the report's date: `par status`'s total that day.
    pub year: Tally,
    /// The plan's year, which `year` counts.
    pub plan_year: i32,
    pub previous: Previous,
    /// Percentage points gained (negative: lost) since the previous report; absent when
    /// either has no item with a deadline.
    pub change_points: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Previous {
    pub period: Period,
    pub label: String,
    pub window: Window,
    #[serde(flatten)]
    pub tally: Tally,
}

#[derive(Debug, Serialize)]
pub struct SectionResult {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub tally: Tally,
    pub items: Vec<ItemRow>,
}

#[derive(Debug, Serialize)]
pub struct ItemRow {
    #[serde(flatten)]
    pub row: OccurrenceRow,
    pub status: Status,
    pub done_date: Option<NaiveDate>,
    /// Days past due on the done date, or on the report's day for an open item.
    pub days_late: i64,
    pub evidence: Vec<String>,
    /// Whether the item's measurement met its indicator's target; absent without an
    /// indicator or a measurement. A done item with `false` is "done, target not met".
    pub target_met: Option<bool>,
}

/// What was done on one task during the period.
#[derive(Debug, Serialize)]
pub struct TaskActivity {
    pub task: String,
    pub title: String,
    pub owner: Option<String>,
    pub result: ResultVsTarget,
    /// Progress entries and done marks of the period, by date.
    pub entries: Vec<Activity>,
}

/// The task's result against its target: the expected result (`result` in the file) and,
/// when the task has an indicator, its value for the period and the previous period's.
#[derive(Debug, Serialize)]
pub struct ResultVsTarget {
    pub target: Option<String>,
    pub measured: Option<super::measures::PeriodMeasure>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A progress entry (`[[task.log]]`).
    Progress,
    /// A done mark (`[[task.done]]`).
    Done,
}

#[derive(Debug, Serialize)]
pub struct Activity {
    pub date: NaiveDate,
    pub kind: ActivityKind,
    /// The occurrence a done mark closes, or the period a progress entry names.
    pub period: Option<Period>,
    /// The entry's text or the done mark's note.
    pub text: Option<String>,
    pub evidence: Vec<String>,
    pub by: Option<String>,
    /// For done marks: on time or late.
    pub status: Option<Status>,
}

/// An item that is late: overdue, or done after its due date.
#[derive(Debug, Serialize)]
pub struct LateItem {
    #[serde(flatten)]
    pub row: OccurrenceRow,
    pub done_date: Option<NaiveDate>,
    pub days_late: i64,
}

#[derive(Debug, Serialize)]
pub struct Shortcomings {
    /// One-off tasks overdue on the report's day.
    pub overdue: Vec<LateItem>,
    /// Occurrences of recurring tasks whose period passed without a done mark.
    pub missed: Vec<LateItem>,
    /// Items done in the period, but after their due date.
    pub done_late: Vec<LateItem>,
    /// Ongoing duties and tasks without a deadline with nothing recorded in the period.
    pub no_activity: Vec<TaskRef>,
    /// Items marked done whose indicator missed its target ("hoàn thành, chưa đạt chỉ tiêu").
    pub target_not_met: Vec<LateItem>,
}

impl Shortcomings {
    pub fn is_empty(&self) -> bool {
        self.overdue.is_empty()
            && self.missed.is_empty()
            && self.done_late.is_empty()
            && self.no_activity.is_empty()
            && self.target_not_met.is_empty()
    }
}

#[derive(Debug, Serialize)]
pub struct TaskRef {
    pub task: String,
    pub title: String,
    pub owner: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NextPeriod {
    pub period: Period,
    pub label: String,
    pub window: Window,
    /// Items not done on the report's day that fall due after the report's period and up
    /// to the end of the next one, recurring occurrences included.
    pub due: Vec<UpcomingItem>,
    /// Overdue items to catch up on: every item due by the period's end and overdue on the
    /// report's date (the shortcomings' overdue and missed, and earlier periods' ones).
    pub carried_over: Vec<UpcomingItem>,
    /// Ongoing duties that go on.
    pub ongoing: Vec<TaskRef>,
}

/// An item of the next period: the row alone.
pub type UpcomingItem = OccurrenceRow;

super::row::embeds_occurrence_row!(ItemRow, LateItem);

/// The period `par report` writes when none is asked for on `today`: the latest period
/// whose window has closed (see [`standing::default_period`]): on 10/10/2025, with calendar
/// quarters, Q3.
pub fn default_period(plan: &Plan, today: NaiveDate) -> Period {
    standing::default_period(plan.report.calendar, plan.report.due_day, today, plan.meta.year)
}

/// Builds the report for `period` (the calendar's current report when `None`) on `today`.
/// Fails, with a message for the user, when the plan has no tasks, or the period is outside
/// the plan's year or has no report in the plan's calendar.
/// The figures of `period`'s report on `today` and its window, without the rest of the
/// report (no rows, texts or index): what the rollup needs of each of thousands of units.
/// The same counting as [`build`]'s, so a unit's own report and the rollup agree.
pub fn period_figures(plan: &Plan, period: Period, today: NaiveDate, lang: Lang) -> Result<(Window, Figures), String> {
    let mut occs = Vec::with_capacity(plan.tasks.len());
    for task in &plan.tasks {
        push_occurrences(plan, task, &mut occs);
    }
    period_figures_of(plan, occs, period, today, lang)
}

/// [`period_figures`] from the plan's occurrences, already gathered in the plan's order
/// (the rollup gathers them once for its own counting).
pub fn period_figures_of<'a>(
    plan: &'a Plan,
    occs: Vec<Occurrence<'a>>,
    period: Period,
    today: NaiveDate,
    lang: Lang,
) -> Result<(Window, Figures), String> {
    if plan.tasks.is_empty() || period.year() != plan.meta.year {
        return Err("nothing to report".into());
    }
    let window = calendar::window(plan.report.calendar, period, plan.report.due_day)?;
    let items = Items::from_occurrences(plan, occs, window, today);
    Ok((window, figures(plan, &items, period, lang)?))
}

pub fn build(plan: &Plan, period: Option<Period>, today: NaiveDate, lang: Lang) -> Result<Report, String> {
    if plan.tasks.is_empty() {
        return Err("the plan has no tasks, so there is nothing to report; add [[task]] tables to the plan file".into());
    }
    let settings = &plan.report;
    let cal = settings.calendar;
    let year = plan.meta.year;
    let period = period.unwrap_or_else(|| default_period(plan, today));
    if period.year() != year {
        return Err(format!(
            "{period} ({}) is outside the plan's year {year}; the plan reports on {year} only",
            period.label(Lang::En)
        ));
    }
    let window = calendar::window(cal, period, settings.due_day)?;
    let items = Items::of(plan, window, today);
    let figures = figures(plan, &items, period, lang)?;
    let sections = sections(plan, &items, lang);
    let (activities, active) = activities(plan, &items, lang);
    let (shortcomings, ongoing) = shortcomings(plan, &items, &active, lang);
    let next = next_period(plan, &items, period, lang)?;
    let (subject, title) = subject_and_title(plan, period, lang);
    let (notes, proposals) = super::report_words::notes(plan, period);
    let index = super::report_words::index(plan, window.from, items.as_of, lang);
    // The bodies, place and signer in force on the report's date, read once.
    let force = plan.in_force(today);
    Ok(Report {
        lang,
        header: header(plan, &force, today, lang),
        title,
        subject,
        period,
        period_label: period.label(lang),
        calendar: cal,
        window,
        as_of: items.as_of,
        plan: PlanInfo {
            title: plan.meta.title.clone(),
            kind: plan.meta.kind.clone(),
            year: plan.meta.year,
            unit: plan.meta.unit.clone(),
            number: plan.meta.number.clone(),
            date: plan.meta.date,
            // A report cites only the bases issued by its own date.
            bases: plan.bases.iter().filter(|b| b.date.is_none_or(|d| d <= today)).cloned().collect(),
        },
        figures,
        sections,
        activities,
        shortcomings,
        next: NextPeriod { ongoing, ..next },
        proposals,
        notes,
        index,
        recipients: recipients(&force.recipients),
        signer: force.signer,
    })
}

/// Every occurrence of the plan, in the plan's order, and those of the report's window.
struct Items<'a> {
    occs: Vec<Occurrence<'a>>,
    /// The index of each occurrence's task.
    task_of: Vec<usize>,
    /// Each task's occurrences: a range of `occs`.
    ranges: Vec<std::ops::Range<usize>>,
    /// The occurrences that are the period's items (see [`standing::in_period`]).
    in_window: Vec<usize>,
    window: Window,
    as_of: NaiveDate,
}

impl<'a> Items<'a> {
    fn of(plan: &'a Plan, window: Window, as_of: NaiveDate) -> Items<'a> {
        let mut occs: Vec<Occurrence> = Vec::with_capacity(plan.tasks.len());
        for task in &plan.tasks {
            push_occurrences(plan, task, &mut occs);
        }
        Items::from_occurrences(plan, occs, window, as_of)
    }

    /// From every occurrence of the plan, in the plan's order (as [`Items::of`] finds them).
    fn from_occurrences(plan: &'a Plan, occs: Vec<Occurrence<'a>>, window: Window, as_of: NaiveDate) -> Items<'a> {
        let mut task_of: Vec<usize> = Vec::with_capacity(occs.len());
        let mut ranges = Vec::with_capacity(plan.tasks.len());
        let mut k = 0;
        for (i, task) in plan.tasks.iter().enumerate() {
            let start = k;
            while occs.get(k).is_some_and(|o| std::ptr::eq(o.task, task)) {
                k += 1;
            }
            task_of.resize(k, i);
            ranges.push(start..k);
        }
        debug_assert_eq!(k, occs.len(), "the occurrences are the plan's, in its order");
        let in_window = (0..occs.len()).filter(|&k| standing::in_period(plan, &occs[k], &window)).collect();
        Items { occs, task_of, ranges, in_window, window, as_of }
    }

    /// The occurrences of the window, in the plan's order.
    fn in_window(&self) -> impl Iterator<Item = &Occurrence<'a>> {
        self.in_window.iter().map(|&k| &self.occs[k])
    }
}

/// Figures: the period, the whole plan, the previous report; all on the report's date.
fn figures(plan: &Plan, items: &Items, period: Period, lang: Lang) -> Result<Figures, String> {
    let (settings, as_of) = (&plan.report, items.as_of);
    let cal = settings.calendar;
    let period_tally = Tally::of(standing::count(items.in_window(), as_of));
    let year_tally = Tally::of(standing::count(&items.occs, as_of));
    let prev_period = calendar::previous(cal, period);
    let prev_window = calendar::window(cal, prev_period, settings.due_day)?;
    let prev_items = items.occs.iter().filter(|o| standing::in_period(plan, o, &prev_window));
    let prev_tally = Tally::of(standing::count(prev_items, as_of));
    let change_points = match (period_tally.percent_complete, prev_tally.percent_complete) {
        (Some(now), Some(before)) => Some(super::status::round1(now - before)),
        _ => None,
    };
    Ok(Figures {
        period: period_tally,
        year: year_tally,
        plan_year: plan.meta.year,
        previous: Previous {
            period: prev_period,
            label: prev_period.label(lang),
            window: prev_window,
            tally: prev_tally,
        },
        change_points,
    })
}

/// A table per section, in the plan's order; sections without items are left out.
fn sections(plan: &Plan, items: &Items, lang: Lang) -> Vec<SectionResult> {
    let as_of = items.as_of;
    let mut sections: Vec<SectionResult> = plan
        .sections
        .iter()
        .map(|s| SectionResult {
            id: s.id.clone(),
            title: s.display(lang).to_string(),
            tally: Tally::default(),
            items: Vec::new(),
        })
        .collect();
    let mut section_counts = vec![Counts::default(); plan.sections.len()];
    for o in items.in_window() {
        let st = standing::standing(o, as_of);
        let done = o.done_on(as_of);
        section_counts[o.task.section].add(st.status);
        sections[o.task.section].items.push(ItemRow {
            row: OccurrenceRow::of(plan, o, lang),
            status: st.status,
            done_date: st.done,
            days_late: st.days_late,
            evidence: done.map(|d| d.evidence.clone()).unwrap_or_default(),
            target_met: target_met(o, items),
        });
    }
    for (s, c) in sections.iter_mut().zip(section_counts) {
        s.tally = Tally::of(c);
    }
    sections.retain(|s| !s.items.is_empty());
    sections
}

/// Whether the measurement of `o` (its period's, or the window's for a one-off) met its target.
fn target_met(o: &Occurrence, items: &Items) -> Option<bool> {
    super::measures::target_met(o.task, o.period, &items.window, items.as_of)
}

/// What was done, task by task, and which tasks had any (or a measurement for the period).
/// A progress entry counts when it names a period within P, or, naming none, is dated in
/// P's window; a done mark when it closes one of P's items, or another period's item late
/// and is dated in the window; all dated on or before the report's date.
fn activities(plan: &Plan, items: &Items, lang: Lang) -> (Vec<TaskActivity>, Vec<bool>) {
    let (window, as_of) = (items.window, items.as_of);
    let mut activities = Vec::new();
    let mut active = vec![false; plan.tasks.len()];
    let mut of_period = vec![false; items.occs.len()];
    for &k in &items.in_window {
        of_period[k] = true;
    }
    for (i, task) in plan.tasks.iter().enumerate() {
        let in_range = |d: NaiveDate| window.contains(d) && d <= as_of;
        let mut entries: Vec<Activity> = task
            .log
            .iter()
            .filter(|e| match e.period {
                Some(p) => standing::within(p, window.period) && e.date <= as_of,
                None => in_range(e.date),
            })
            .map(|e| Activity {
                date: e.date,
                kind: ActivityKind::Progress,
                period: e.period,
                text: Some(e.text.clone()),
                evidence: e.evidence.clone(),
                by: e.by.clone(),
                status: None,
            })
            .collect();
        for k in items.ranges[i].clone() {
            let o = &items.occs[k];
            // Another period's item done late in this window is caught-up work reported here;
            // one done in time belongs to its own period's report only.
            let caught_up = |d: NaiveDate| in_range(d) && o.due.is_some_and(|due| d > due);
            if let Some(d) = o.done_on(as_of).filter(|d| of_period[k] || caught_up(d.date)) {
                entries.push(Activity {
                    date: d.date,
                    kind: ActivityKind::Done,
                    period: o.period,
                    text: d.note.clone(),
                    evidence: d.evidence.clone(),
                    by: d.by.clone(),
                    status: Some(o.status(as_of)),
                });
            }
        }
        // A measurement for the period is work reported on, even without an entry.
        let measured_in_window = super::measures::measure_in(task, &window, as_of).is_some();
        if entries.is_empty() && !measured_in_window {
            continue;
        }
        active[i] = true;
        // By date; on the same day progress comes before the done mark (stable sort).
        entries.sort_by_key(|e| (e.date, matches!(e.kind, ActivityKind::Done)));
        activities.push(TaskActivity {
            task: task.id.clone(),
            title: task.title.clone(),
            owner: plan.owner_of(task).map(|w| w.display(lang).to_string()),
            result: ResultVsTarget {
                target: task.result.clone(),
                measured: super::measures::for_period(task, &window, as_of),
            },
            entries,
        });
    }
    (activities, active)
}

/// Shortcomings, and the ongoing duties (which go on in the next period).
fn shortcomings(plan: &Plan, items: &Items, active: &[bool], lang: Lang) -> (Shortcomings, Vec<TaskRef>) {
    let as_of = items.as_of;
    let owner = |o: &Occurrence| plan.owner_of(o.task).map(|w| w.display(lang).to_string());
    let late = |o: &Occurrence| LateItem {
        row: OccurrenceRow::of(plan, o, lang),
        done_date: o.done_on(as_of).map(|d| d.date),
        days_late: o.days_late(as_of),
    };
    let task_ref = |o: &Occurrence| TaskRef { task: o.task.id.clone(), title: o.task.title.clone(), owner: owner(o) };
    let mut shortcomings = Shortcomings {
        overdue: Vec::new(),
        missed: Vec::new(),
        done_late: Vec::new(),
        no_activity: Vec::new(),
        target_not_met: Vec::new(),
    };
    let mut ongoing = Vec::new();
    for &k in &items.in_window {
        let o = &items.occs[k];
        let status = o.status(as_of);
        if status.is_done() && target_met(o, items) == Some(false) {
            shortcomings.target_not_met.push(late(o));
        }
        match status {
            Status::Overdue if o.period.is_some() => shortcomings.missed.push(late(o)),
            Status::Overdue => shortcomings.overdue.push(late(o)),
            Status::DoneLate => shortcomings.done_late.push(late(o)),
            Status::NoDeadline => {
                if !active[items.task_of[k]] {
                    shortcomings.no_activity.push(task_ref(o));
                }
                ongoing.push(task_ref(o));
            }
            _ => {}
        }
    }
    // Most days late first; ties in the plan's order (the sort is stable).
    for list in [&mut shortcomings.overdue, &mut shortcomings.missed, &mut shortcomings.done_late] {
        list.sort_by_key(|i| std::cmp::Reverse(i.days_late));
    }
    (shortcomings, ongoing)
}

/// The next period: what falls due after this window, up to the end of the next one, and
/// what is carried over. Its ongoing duties are [`shortcomings`]'.
fn next_period(plan: &Plan, items: &Items, period: Period, lang: Lang) -> Result<NextPeriod, String> {
    let (settings, as_of) = (&plan.report, items.as_of);
    let next_period = calendar::following(settings.calendar, period);
    let next_window = calendar::window(settings.calendar, next_period, settings.due_day)?;
    let upcoming = |o: &Occurrence| OccurrenceRow::of(plan, o, lang);
    let mut due_next: Vec<UpcomingItem> = items
        .occs
        .iter()
        .filter(|o| o.done_on(as_of).is_none())
        .filter(|o| o.due.is_some_and(|d| period.end() < d && d <= next_period.end()))
        .map(upcoming)
        .collect();
    due_next.sort_by_key(|i| i.due);
    // Everything overdue on the report's date that was due by the period's end, this
    // period's items and earlier ones alike.
    let carried_over = items
        .occs
        .iter()
        .filter(|o| o.due.is_some_and(|d| d <= period.end()) && standing::classify(o, as_of) == Status::Overdue)
        .map(upcoming)
        .collect();
    Ok(NextPeriod {
        period: next_period,
        label: next_period.label(lang),
        window: next_window,
        due: due_next,
        carried_over,
        ongoing: Vec::new(),
    })
}

/// The heading: superior body, place and addressee as in force on the report's date
/// (`[[plan.change]]`, see [`crate::plan::history`]).
fn header(plan: &Plan, force: &InForce, today: NaiveDate, lang: Lang) -> Header {
    let settings = &plan.report;
    Header {
        unit_kind: plan.meta.unit_kind,
        superior: force.superior.clone(),
        unit: plan.meta.unit.clone(),
        number: settings.number.clone().unwrap_or_else(|| match &plan.meta.unit_short {
            Some(short) => format!("…/BC-{short}"),
            None => "…/BC".to_string(),
        }),
        date_line: date_line(force.place.as_deref(), today, lang),
        place: force.place.clone(),
        date: today,
        to: force.to.clone(),
    }
}

/// The subject line ("Kết quả thực hiện … quý II năm 2025") and the title made of it.
fn subject_and_title(plan: &Plan, period: Period, lang: Lang) -> (String, String) {
    let period_label = period.label(lang);
    let subject = match (&plan.report.subject, lang) {
        (Some(s), _) => format!("{} {period_label}", s.trim()),
        (None, Lang::Vi) => format!("Kết quả thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC {period_label}"),
        (None, Lang::En) => format!("Results of the plan to fix and improve the PAR Index, {period_label}"),
    };
    let title = match lang {
        Lang::Vi => format!("Báo cáo {}", lower_first(&subject)),
        Lang::En => format!("Report: {subject}"),
    };
    (subject, title)
}

/// "Quận 1, ngày 30 tháng 6 năm 2025"; without a place, "Ngày 30 tháng 6 năm 2025".
pub fn date_line(place: Option<&str>, date: NaiveDate, lang: Lang) -> String {
    let place = place.map(str::trim).filter(|p| !p.is_empty());
    match (lang, place) {
        (Lang::Vi, Some(p)) => format!("{p}, {}", crate::dates::long_vi(date)),
        (Lang::Vi, None) => upper_first(&crate::dates::long_vi(date)),
        (Lang::En, Some(p)) => format!("{p}, {}", crate::dates::long_en(date)),
        (Lang::En, None) => crate::dates::long_en(date),
    }
}

/// The recipients as Decree 30 lists them: trimmed, without their trailing `;` or `.`,
/// ending with the records office ("Lưu: VT") when the plan does not name it.
pub fn recipients(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = list
        .iter()
        .map(|r| r.trim().trim_start_matches(['-', '–']).trim().trim_end_matches([';', '.']).trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if !out.iter().any(|r| crate::text::fold(r).starts_with("luu")) {
        out.push("Lưu: VT".to_string());
    }
    out
}

fn lower_first(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn upper_first(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn plan(extra: &str) -> Plan {
        let text = format!(
            "[plan]\nunit = \"U\"\nunit_short = \"U\"\ntitle = \"T\"\nyear = 2025\nplace = \"P\"\n[[owner]]\nid = \"a\"\nname = \"A\"\n[[section]]\nid = \"II\"\ntitle = \"S\"\n{extra}"
        );
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    const TASKS: &str = r#"
[[task]]
id = "1"
section = "II"
title = "one-off due in Q2, done in Q3"
owner = "a"
due = 2025-06-15
[[task.done]]
date = 2025-07-10
[[task]]
id = "2"
section = "II"
title = "quarterly"
owner = "a"
repeat = "quarterly"
start = 2025-04-01
[[task.done]]
period = "2025-Q2"
date = 2025-06-20
[[task.log]]
date = 2025-05-02
text = "started"
[[task]]
id = "3"
section = "II"
title = "done early, due in Q3"
due = 2025-09-30
[[task.done]]
date = 2025-05-10
[[task]]
id = "4"
section = "II"
title = "ongoing"
repeat = "ongoing"
"#;

    fn keys(report: &Report) -> Vec<(String, Status)> {
        report.sections.iter().flat_map(|s| s.items.iter().map(|i| (i.key.clone(), i.status))).collect()
    }

    #[test]
    fn membership_per_quarter() {
        let p = plan(TASKS);
        // Every report here is dated 31/12: each item is classified on that day.
        let q2 = build(&p, Some(Period::Quarter(2025, 2)), d(2025, 12, 31), Lang::Vi).unwrap();
        assert_eq!(q2.as_of, d(2025, 12, 31));
        // Due in Q2: task 1 (due 15/6, done 10/7: late by 25 days), 2@Q2 (done 20/6 ≤ 30/6),
        // and the ongoing duty 4. Task 3 is due 30/9: it belongs to Q3, done early or not.
        assert_eq!(
            keys(&q2),
            [
                ("1".into(), Status::DoneLate),
                ("2@2025-Q2".into(), Status::DoneOnTime),
                ("4".into(), Status::NoDeadline)
            ]
        );
        // 2 done of 2 with a deadline.
        assert_eq!(q2.figures.period.percent_complete, Some(100.0));
        assert_eq!(q2.shortcomings.done_late[0].days_late, 25);
        assert!(q2.shortcomings.overdue.is_empty());
        // 2@Q3 falls due in the next quarter, and is not done on 31/12.
        assert_eq!(q2.next.due.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["2@2025-Q3"]);

        let q3 = build(&p, Some(Period::Quarter(2025, 3)), d(2025, 12, 31), Lang::Vi).unwrap();
        // 2@Q3 (due 30/9, not done: 92 days late on 31/12), task 3 (due 30/9, done 10/5), 4.
        assert_eq!(
            keys(&q3),
            [("2@2025-Q3".into(), Status::Overdue), ("3".into(), Status::DoneOnTime), ("4".into(), Status::NoDeadline)]
        );
        assert_eq!(q3.shortcomings.missed[0].days_late, 92);
        // The ongoing duty had no entry in Q3.
        assert_eq!(q3.shortcomings.no_activity.len(), 1);
        // Whole plan on 31/12: 1 late, 2@Q2 on time, 2@Q3 overdue, 2@Q4 due today (open),
        // 3 on time, 4 ongoing.
        let y = q3.figures.year.counts;
        assert_eq!((y.total, y.done_on_time, y.done_late, y.open, y.overdue, y.ongoing), (6, 2, 1, 1, 1, 1));
        assert_eq!(y, crate::compute::standing::plan_counts(&p, d(2025, 12, 31)));
        assert_eq!(q3.figures.previous.period, Period::Quarter(2025, 2));
        // 1 of 2 = 50 %, against Q2's 100 %.
        assert_eq!(q3.figures.period.percent_complete, Some(50.0));
        assert_eq!(q3.figures.change_points, Some(-50.0));

        let q4 = build(&p, Some(Period::Quarter(2025, 4)), d(2025, 12, 31), Lang::Vi).unwrap();
        assert_eq!(keys(&q4), [("2@2025-Q4".into(), Status::Open), ("4".into(), Status::NoDeadline)]);
        // The missed Q3 occurrence is carried over to the next period.
        assert_eq!(q4.next.carried_over.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ["2@2025-Q3"]);
        // Next year's Q1 has nothing of this plan.
        assert_eq!(q4.next.period, Period::Quarter(2026, 1));
        assert!(q4.next.due.is_empty());
    }

    #[test]
    fn as_of_today_mid_period() {
        let p = plan(TASKS);
        let r = build(&p, Some(Period::Quarter(2025, 2)), d(2025, 6, 1), Lang::Vi).unwrap();
        assert_eq!(r.as_of, d(2025, 6, 1));
        // The Q2 done mark of 20/6 has not happened yet on 1/6.
        assert!(keys(&r).contains(&("2@2025-Q2".into(), Status::Open)));
        // Task 2's entry of 2/5. Task 3's done mark of 10/5 closes a Q3 item on time: it is
        // Q3's to report.
        assert_eq!(r.activities.len(), 1);
        assert_eq!(r.activities[0].entries[0].text.as_deref(), Some("started"));
        // With no period asked, on 1/6 the latest closed window is Q1.
        assert_eq!(build(&p, None, d(2025, 6, 1), Lang::Vi).unwrap().period, Period::Quarter(2025, 1));
    }

    #[test]
    fn bad_periods_and_empty_plans() {
        let p = plan(TASKS);
        let e = build(&p, Some(Period::Quarter(2024, 4)), d(2025, 1, 1), Lang::Vi).unwrap_err();
        assert!(e.contains("outside the plan's year 2025"), "{e}");
        let e = build(&plan(""), None, d(2025, 1, 1), Lang::Vi).unwrap_err();
        assert!(e.contains("no tasks"), "{e}");
        let cchc = plan(&format!("[report]\ncalendar = \"cchc\"\n{TASKS}"));
        let e = build(&cchc, Some(Period::Quarter(2025, 2)), d(2025, 1, 1), Lang::Vi).unwrap_err();
        assert!(e.contains("2025-H1"), "{e}");
    }

    #[test]
    fn header_words() {
        let p = plan(TASKS);
        let r = build(&p, Some(Period::Quarter(2025, 2)), d(2025, 2, 5), Lang::Vi).unwrap();
        assert_eq!(r.header.date_line, "P, ngày 05 tháng 02 năm 2025");
        assert_eq!(r.header.number, "…/BC-U");
        assert_eq!(r.title, "Báo cáo kết quả thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC quý II năm 2025");
        assert_eq!(r.recipients, ["Lưu: VT"]);
        assert_eq!(recipients(&["- Phòng Nội vụ;".into(), "Lưu: VT.".into()]), ["Phòng Nội vụ", "Lưu: VT"]);
        assert_eq!(date_line(None, d(2025, 5, 21), Lang::Vi), "Ngày 21 tháng 5 năm 2025");
    }
}
