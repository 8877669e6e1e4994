//! The parts of the periodic report that are not counted: the officer's words for the
//! period (`[[report.note]]`: assessment, causes, direction, proposals), the PAR Index
//! as it stands on the report's day, and the placeholders a draft still holds.
//!
//! # Placeholders
//! A draft report shows a visible placeholder where the officer has written nothing for
//! the period, and `par report` lists them on standard error:
//! - the overall assessment (I), the direction for the next period (III) and the
//!   proposals (IV), whenever the plan holds no note of that kind for the period;
//! - the causes (II) only when the period has shortcomings to explain.
//!
//! [`Report::placeholders`] says which a report has; `--final` refuses while any remain.

use chrono::NaiveDate;
use serde::Serialize;

use super::index::{EvidenceEntry, Hole, Totals};
use super::report::Report;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::{NoteKind, Plan};

/// The officer's notes for the report's period, by kind, in the plan's order. The
/// proposals are [`Report::proposals`] (`[[report.proposal]]` and notes of that kind).
#[derive(Debug, Default, Serialize)]
pub struct Notes {
    pub assessment: Vec<String>,
    pub cause: Vec<String>,
    pub direction: Vec<String>,
}

/// The notes of `period`, and its proposals (`[[report.proposal]]` first, then the notes
/// of kind proposal).
pub fn notes(plan: &Plan, period: Period) -> (Notes, Vec<String>) {
    let settings = &plan.report;
    let mut notes = Notes::default();
    let mut proposals: Vec<String> =
        settings.proposals.iter().filter(|p| p.period == period).map(|p| p.text.trim().to_string()).collect();
    for n in settings.notes.iter().filter(|n| n.period == period) {
        let text = n.text.trim().to_string();
        match n.kind {
            NoteKind::Assessment => notes.assessment.push(text),
            NoteKind::Cause => notes.cause.push(text),
            NoteKind::Direction => notes.direction.push(text),
            NoteKind::Proposal => proposals.push(text),
        }
    }
    (notes, proposals)
}

/// A part of the report the officer has not written yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Placeholder {
    pub kind: NoteKind,
    pub period: Period,
}

impl Placeholder {
    /// The command that fills it: `par note --period 2025-Q3 --kind assessment "…"`.
    pub fn command(&self) -> String {
        format!("par note --period {} --kind {} \"…\"", self.period, self.kind.keyword())
    }

    /// The text shown in the draft in its place.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("[{}: chưa ghi; ghi bằng lệnh {}]", self.kind.label(lang), self.command()),
            Lang::En => format!("[{}: not written yet; write it with {}]", self.kind.label(lang), self.command()),
        }
    }
}

impl Report {
    /// The placeholders the report shows, in the report's order (see the module's documentation).
    pub fn placeholders(&self) -> Vec<Placeholder> {
        NoteKind::ALL.into_iter().filter_map(|kind| self.placeholder(kind)).collect()
    }

    /// The placeholder the report shows for `kind`, if it shows one.
    pub fn placeholder(&self, kind: NoteKind) -> Option<Placeholder> {
        let empty = match kind {
            NoteKind::Assessment => self.notes.assessment.is_empty(),
            NoteKind::Cause => self.notes.cause.is_empty() && !self.shortcomings.is_empty(),
            NoteKind::Direction => self.notes.direction.is_empty(),
            NoteKind::Proposal => self.proposals.is_empty(),
        };
        empty.then_some(Placeholder { kind, period: self.period })
    }

    /// Whether the unit's own plan is cited without its number or date (a "…" to fill).
    pub fn plan_citation_incomplete(&self) -> bool {
        self.plan.number.is_none() || self.plan.date.is_none()
    }
}

/// The PAR Index in the report: the forecast on the report's day against last year.
#[derive(Debug, Serialize)]
pub struct IndexInReport {
    pub name: Option<String>,
    pub total: Totals,
    /// The forecast total less last year's, in points.
    pub change: f64,
    /// Criteria forecast above last year's score, most gained first.
    pub rose: Vec<CriterionChange>,
    /// Criteria forecast below last year's score (self-scored lower), most lost first.
    pub fell: Vec<CriterionChange>,
    /// Criteria that lost points last year and have no remedial task.
    pub holes: Vec<Hole>,
    /// Evidence recorded in the report's window (from its first day to the report's
    /// day) on the tasks linked to each criterion; criteria without any are left out.
    pub evidence: Vec<CriterionEvidenceInPeriod>,
}

#[derive(Debug, Serialize)]
pub struct CriterionChange {
    pub code: String,
    pub title: String,
    pub last_year: f64,
    pub forecast: f64,
    pub change: f64,
}

#[derive(Debug, Serialize)]
pub struct CriterionEvidenceInPeriod {
    pub code: String,
    pub title: String,
    pub evidence: Vec<EvidenceEntry>,
}

/// The index as of `as_of`, its evidence from `from` to `as_of`; `None` when the plan has
/// no index. The criteria compared are those of the second level (an area without
/// criteria stands for itself).
pub fn index(plan: &Plan, from: NaiveDate, as_of: NaiveDate, lang: Lang) -> Option<IndexInReport> {
    let forecast = super::index::forecast(plan, as_of, lang)?;
    let tree = plan.index.as_ref()?;
    let compared = |i: usize| {
        let n = &tree.nodes[i];
        n.depth() == 2 || (n.depth() == 1 && n.children.is_empty())
    };
    let (mut rose, mut fell) = (Vec::new(), Vec::new());
    for (i, n) in forecast.nodes.iter().enumerate().filter(|(i, _)| compared(*i)) {
        let change = round2(n.forecast - n.last_year);
        let row = CriterionChange {
            code: n.code.clone(),
            title: n.title.clone(),
            last_year: n.last_year,
            forecast: n.forecast,
            change,
        };
        debug_assert_eq!(tree.nodes[i].code, n.code);
        if change > 0.0 {
            rose.push(row);
        } else if change < 0.0 {
            fell.push(row);
        }
    }
    rose.sort_by(|a, b| b.change.total_cmp(&a.change));
    fell.sort_by(|a, b| a.change.total_cmp(&b.change));
    let evidence = super::index::evidence(plan, as_of, lang)
        .map(|e| e.criteria)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|c| {
            let evidence: Vec<EvidenceEntry> = c.evidence.into_iter().filter(|e| e.date >= from).collect();
            (!evidence.is_empty()).then_some(CriterionEvidenceInPeriod { code: c.code, title: c.title, evidence })
        })
        .collect();
    Some(IndexInReport {
        name: forecast.name,
        change: round2(forecast.total.forecast - forecast.total.last_year),
        total: forecast.total,
        rose,
        fell,
        holes: forecast.holes,
        evidence,
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::report::build;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    const HEAD: &str = r#"[plan]
unit = "U"
title = "Kế hoạch T"
year = 2025
[[owner]]
id = "a"
name = "A"
[[section]]
id = "II"
title = "S"
"#;

    const INDEX: &str = r#"
[index]
[[index.criterion]]
code = "1"
title = "A"
[[index.criterion]]
code = "1.1"
title = "A1"
max = 2
last_year = 1
[[index.criterion]]
code = "1.2"
title = "A2"
max = 2
last_year = 2
self_score = 1.5
[[index.criterion]]
code = "2"
title = "B"
max = 4
last_year = 3
"#;

    const TASK: &str = r#"
[[task]]
id = "1"
section = "II"
title = "linked to 1.1"
owner = "a"
due = 2025-08-31
criteria = ["1.1"]
[[task.done]]
date = 2025-08-20
evidence = ["Biên bản 20/8"]
[[task.log]]
date = 2025-06-10
text = "before the quarter"
evidence = ["Kế hoạch 10/6"]
"#;

    /// The head, `extra`, and the task (linked to 1.1 only when `extra` has the index).
    fn plan(extra: &str) -> Plan {
        let task =
            if extra.contains("[index]") { TASK.to_string() } else { TASK.replace("criteria = [\"1.1\"]\n", "") };
        parse(Path::new("t.toml"), &format!("{HEAD}{extra}{task}")).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_index_in_the_report_worked_out_by_hand() {
        let p = plan(INDEX);
        let r = build(&p, Some(Period::Quarter(2025, 3)), d(2025, 10, 10), Lang::Vi).unwrap();
        let x = r.index.as_ref().expect("the plan has an index");
        // 1.1: last year 1 of 2; its one item with a deadline is done on time, so the
        // forecast closes the whole gap: 1 + (2 − 1) × 1 = 2 (+1).
        // 1.2: self-scored 1.5 against 2 last year (−0.5). Area 2 (no criteria, no task):
        // forecast = last year's 3, and it lost 4 − 3 = 1 point with nothing to remedy it.
        // Total: max 2 + 2 + 4 = 8; last year 1 + 2 + 3 = 6; forecast 2 + 1.5 + 3 = 6.5.
        assert_eq!((x.total.max, x.total.last_year, x.total.forecast, x.change), (8.0, 6.0, 6.5, 0.5));
        assert_eq!(x.rose.iter().map(|c| (c.code.as_str(), c.change)).collect::<Vec<_>>(), [("1.1", 1.0)]);
        assert_eq!(x.fell.iter().map(|c| (c.code.as_str(), c.change)).collect::<Vec<_>>(), [("1.2", -0.5)]);
        assert_eq!(x.holes.iter().map(|h| (h.code.as_str(), h.lost)).collect::<Vec<_>>(), [("2", 1.0)]);
        // Evidence of the quarter only: the entry of 10/6 is Q2's.
        assert_eq!(x.evidence.len(), 1);
        assert_eq!(x.evidence[0].code, "1.1");
        let refs: Vec<&str> = x.evidence[0].evidence.iter().map(|e| e.reference.as_str()).collect();
        assert_eq!(refs, ["Biên bản 20/8"]);
        // No index, no part.
        assert!(build(&plan(""), None, d(2025, 10, 10), Lang::Vi).unwrap().index.is_none());
    }

    #[test]
    fn placeholders_follow_what_was_written() {
        let q3 = Some(Period::Quarter(2025, 3));
        let r = build(&plan(""), q3, d(2025, 10, 10), Lang::Vi).unwrap();
        // Nothing written; no shortcoming in Q3 (task 1 done on time), so no causes asked.
        assert!(r.shortcomings.is_empty());
        let kinds: Vec<NoteKind> = r.placeholders().iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [NoteKind::Assessment, NoteKind::Direction, NoteKind::Proposal]);
        assert_eq!(r.placeholders()[0].command(), "par note --period 2025-Q3 --kind assessment \"…\"");
        assert_eq!(
            r.placeholders()[0].text(Lang::Vi),
            "[Đánh giá chung: chưa ghi; ghi bằng lệnh par note --period 2025-Q3 --kind assessment \"…\"]"
        );
        assert!(r.plan_citation_incomplete());

        let notes = r#"
[[report.proposal]]
period = "2025-Q3"
text = "Old-style proposal"
[[report.note]]
period = "Q3"
kind = "assessment"
text = "Good quarter."
[[report.note]]
period = "2025-Q3"
kind = "proposal"
text = "  A note proposal  "
[[report.note]]
period = "2025-Q2"
kind = "direction"
text = "Q2's direction, not Q3's"
"#;
        let r = build(&plan(notes), q3, d(2025, 10, 10), Lang::Vi).unwrap();
        assert_eq!(r.notes.assessment, ["Good quarter."]);
        assert_eq!(r.proposals, ["Old-style proposal", "A note proposal"]);
        assert!(r.notes.direction.is_empty());
        assert_eq!(r.placeholders(), [Placeholder { kind: NoteKind::Direction, period: Period::Quarter(2025, 3) }]);
    }

    #[test]
    fn bad_notes_are_refused_when_the_plan_loads() {
        for (note, want) in [
            ("period = \"2024-Q3\"\nkind = \"cause\"\ntext = \"x\"", "nằm ngoài năm kế hoạch 2025"),
            ("period = \"2025-Q3\"\nkind = \"mood\"\ntext = \"x\"", "loại ghi chú lạ `mood`"),
            ("period = \"2025-Q3\"\nkind = \"cause\"\ntext = \"  \"", "nội dung ghi chú đang trống"),
            ("period = \"2025-Q9\"\nkind = \"cause\"\ntext = \"x\"", "2025-Q9"),
        ] {
            let text = format!("{HEAD}[[report.note]]\n{note}\n{TASK}");
            let e = parse(Path::new("t.toml"), &text).unwrap_err().to_string();
            assert!(e.contains(want), "{want:?} not in {e}");
            assert!(e.contains("t.toml:"), "{e}");
        }
    }
}
