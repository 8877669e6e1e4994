//! The plan file's format, exactly as written on disk. These structs only mirror the
//! TOML; [`super::validate`] turns them into the checked [`super::model::Plan`].
//!
//! Every table rejects unknown keys so a typo such as `titel` is reported, not ignored.
//! Fields that semantic checks must point at are `Spanned`, to name line and column.
//!
//! The tables of a task are declared once, with [`tables!`]: the same list of keys makes
//! the struct serde fills and what the direct task reader ([`super::task_reader`]) and
//! the span shifting of a plan read in pieces ([`super::pieces`]) need. A new task key is
//! a line in [`RawTask`]; a key the model takes as written is also moved in
//! [`RawTask::model_as_written`], and needs its field in [`Task`].

use serde::Deserialize;
use toml::Spanned;

use super::model::Task;
use super::task_reader::table::tables;

pub type Text = Spanned<String>;
/// A date as written: a TOML date (`2025-05-30`) or a string (`"30/5/2025"`).
pub type RawDate = Spanned<toml::Value>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub plan: RawMeta,
    #[serde(default)]
    pub settings: RawSettings,
    #[serde(default)]
    pub basis: Vec<RawDocument>,
    #[serde(default)]
    pub owner: Vec<RawOwner>,
    #[serde(default)]
    pub section: Vec<RawSection>,
    /// `None` when the file has no tasks: a plan read in pieces checks that its head
    /// does not define `task` itself (see [`super::pieces`]).
    #[serde(default)]
    pub task: Option<Vec<Spanned<RawTask>>>,
    /// The tasks after `task`'s, in the file's order, as other threads parsed them
    /// ([`super::pieces`]): kept in their runs rather than copied onto `task`.
    #[serde(skip)]
    pub task_runs: Vec<Vec<Spanned<RawTask>>>,
    #[serde(default)]
    pub index: Option<RawIndex>,
    #[serde(default)]
    pub report: RawReport,
    /// `[assess]`: the self-assessment's scores and exclusions (`par assess`, issue #16).
    #[serde(default)]
    pub assess: Option<RawAssess>,
}

/// The PAR Index tree: areas → criteria → sub-criteria, written as a flat list whose
/// dotted codes give the hierarchy ("3" is an area, "3.2" a criterion of it, "3.2.1" a
/// sub-criterion). It can live in the plan or in a file the plan names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndex {
    #[serde(default)]
    pub name: Option<String>,
    /// Another TOML file holding `[[criterion]]` tables, relative to the plan.
    #[serde(default)]
    pub file: Option<Text>,
    #[serde(default)]
    pub criterion: Vec<RawCriterion>,
    /// A criteria set: a shipped set's name (`par assess sets`) or a TOML file relative
    /// to the plan, holding what a [`RawIndexFile`] holds.
    #[serde(default)]
    pub set: Option<Text>,
    /// How the total is rescaled when criteria are not applicable (overrides the set's).
    #[serde(default)]
    pub rescale: Option<Text>,
    /// `[[index.crosswalk]] from = "2024:3.2"  to = "3.1"`: last year's codes, renumbered.
    #[serde(default)]
    pub crosswalk: Vec<RawCrosswalk>,
}

/// The content of a separate index file, or of a criteria set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndexFile {
    #[serde(default)]
    pub name: Option<String>,
    /// What the set is: "official" (copied from the decision that issued it),
    /// "illustrative" (points made up to show the tool) or "structure" (no points).
    #[serde(default)]
    pub kind: Option<Text>,
    /// Where the set comes from, what to check before using it.
    #[serde(default)]
    pub note: Option<String>,
    /// "proportional" (default) or "none".
    #[serde(default)]
    pub rescale: Option<Text>,
    #[serde(default)]
    pub criterion: Vec<RawCriterion>,
}

/// `[[index.crosswalk]]`: a code of another year (`"2024:3.2"`, or `"3.2"`) now `to`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrosswalk {
    pub from: Text,
    pub to: Text,
}

/// `[assess]`: `[[assess.score]]` and `[[assess.na]]` tables, written by `par assess`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssess {
    #[serde(default)]
    pub score: Vec<RawScore>,
    #[serde(default)]
    pub na: Vec<RawNa>,
}

/// `[[assess.score]]`: the unit's score for one criterion, its evidence and explanation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScore {
    pub code: Text,
    pub points: Spanned<f64>,
    /// Tài liệu kiểm chứng, as typed: "Kế hoạch 15/KH-UBND ngày 10/01/2025 …; docs/kh15.pdf".
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Giải trình: why the score is below the maximum or has no evidence.
    #[serde(default)]
    pub explain: Option<String>,
}

/// `[[assess.na]]`: a criterion that does not apply to the unit, and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNa {
    pub code: Text,
    pub reason: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub code: Text,
    pub title: Text,
    #[serde(default)]
    pub title_en: Option<String>,
    /// Maximum points; for an area or criterion with children, their sum when omitted.
    #[serde(default)]
    pub max: Option<Spanned<f64>>,
    /// Last year's score (after review).
    #[serde(default)]
    pub last_year: Option<Spanned<f64>>,
    /// This year's self-assessed score, once the unit has scored itself.
    #[serde(default)]
    pub self_score: Option<Spanned<f64>>,
    /// Scored by a citizen survey, not by the unit (SIPAS): never forecast from tasks.
    #[serde(default)]
    pub survey: bool,
    /// "self" (default), "appraised" or "survey" (the same as `survey = true`).
    #[serde(default)]
    pub scoring: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub unit: Text,
    pub title: Text,
    pub year: Spanned<i64>,
    #[serde(default)]
    pub unit_short: Option<String>,
    #[serde(default)]
    pub superior: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub date: Option<RawDate>,
    #[serde(default)]
    pub start: Option<RawDate>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub lang: Option<Text>,
    #[serde(default)]
    pub signer: Option<RawSigner>,
    #[serde(default)]
    pub recipients: Vec<String>,
    /// The kind of unit: "school", "ward", "commune", "department" or "office" (absent:
    /// laid out as a school); decides the report heading and the signer's capacity lines.
    #[serde(default)]
    pub unit_kind: Option<Text>,
    /// The unit's code, as the district roster names it.
    #[serde(default)]
    pub code: Option<String>,
    /// `[[plan.change]]`: values that take effect from a date (a reorganisation).
    #[serde(default)]
    pub change: Vec<RawChange>,
}

/// `[[plan.change]]`: from `from` on, these values replace the plan's (see
/// [`super::history`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChange {
    pub from: RawDate,
    #[serde(default)]
    pub superior: Option<String>,
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    #[serde(default)]
    pub place: Option<String>,
    /// The report's addressee ("Kính gửi").
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub signer: Option<RawSigner>,
}

/// `[[report.sent]]`: a report recorded as sent by `par report --final`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSent {
    pub period: Text,
    pub number: Text,
    pub date: RawDate,
    /// The copy written, relative to the plan's folder.
    pub file: Text,
    pub sha256: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSigner {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    /// Authority prefix of the signature block: TM., KT., Q., TL., TUQ.
    #[serde(default)]
    pub authority: Option<String>,
    /// Lines printed above the position in the signature block, in order:
    /// `["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]`.
    #[serde(default)]
    pub capacity: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    #[serde(default)]
    pub due_soon_days: Option<Spanned<i64>>,
    #[serde(default)]
    pub within_days: Option<Spanned<i64>>,
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOwner {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Text,
    pub title: Text,
    #[serde(default)]
    pub title_en: Option<String>,
    /// Free-standing points of a section without tasks (section I's objectives).
    #[serde(default)]
    pub points: Vec<String>,
}

/// `[report]`: settings of the periodic report (`par report`). Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// Reporting calendar: "calendar", "decree-09" or "cchc".
    #[serde(default)]
    pub calendar: Option<Text>,
    /// Day of the period's last month the report is due.
    #[serde(default)]
    pub due_day: Option<Spanned<i64>>,
    /// Superior body in the header (default: `[plan] superior`).
    #[serde(default)]
    pub superior: Option<String>,
    /// Addressee ("Kính gửi"), when the report names one.
    #[serde(default)]
    pub to: Option<String>,
    /// Nơi nhận of the report (default: `[plan] recipients`).
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    /// Place of the date line (default: `[plan] place`).
    #[serde(default)]
    pub place: Option<String>,
    /// Number and symbol, e.g. "…/BC-NBK".
    #[serde(default)]
    pub number: Option<String>,
    /// Subject line before the period, e.g. "Kết quả thực hiện Kế hoạch …".
    #[serde(default)]
    pub subject: Option<String>,
    /// Signer of the report (default: `[plan] signer`).
    #[serde(default)]
    pub signer: Option<RawSigner>,
    /// Proposals (đề xuất, kiến nghị), each for one reporting period.
    #[serde(default)]
    pub proposal: Vec<RawProposal>,
    /// Folder of the copies of sent reports, relative to the plan (default "reports").
    #[serde(default)]
    pub folder: Option<Text>,
    /// Reports recorded as sent (`par report --final`).
    #[serde(default)]
    pub sent: Vec<RawSent>,
    /// The officer's words for one period: assessment, causes, direction, proposals.
    #[serde(default)]
    pub note: Vec<RawNote>,
}

/// `[[report.note]]`: `period`, `kind` ("assessment", "cause", "direction", "proposal"), `text`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub period: Text,
    pub kind: Text,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    pub period: Text,
    pub text: Text,
}

tables! {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawTask (TaskBuilder) {
        pub id: Text,
        pub section: Text,
        pub title: Text,
        #[serde(default)]
        pub detail: Option<String>,
        #[serde(default)]
        pub owner: Option<Text>,
        #[serde(default)]
        pub support: Vec<Text>,
        #[serde(default)]
        pub start: Option<RawDate>,
        #[serde(default)]
        pub due: Option<RawDate>,
        #[serde(default)]
        pub end: Option<RawDate>,
        #[serde(default)]
        pub repeat: Option<Text>,
        #[serde(default)]
        pub due_day: Option<Spanned<i64>>,
        #[serde(default)]
        pub result: Option<String>,
        /// The day the task entered the plan (`par add`, `par import`).
        #[serde(default)]
        pub added: Option<RawDate>,
        /// A task that will not be done: `{ date = …, reason = "…" }` (`par cancel`).
        #[serde(default)]
        pub cancelled: Option<RawCancelled>,
        #[serde(default)]
        pub refs as "ref": Vec<RawDocument>,
        /// Codes of the index criteria this task remedies.
        #[serde(default)]
        pub criteria: Vec<Text>,
        #[serde(default)]
        pub indicator: Option<RawIndicator>,
        #[serde(default)]
        pub measure: Vec<RawMeasure>,
        #[serde(default)]
        pub done: Vec<RawDone>,
        #[serde(default)]
        pub log: Vec<RawLog>,
    }

    /// Why and since when a task is not carried out.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawCancelled (CancelledBuilder) {
        pub date: RawDate,
        pub reason: Text,
    }

    /// A cited document: a legal basis (căn cứ) of the plan or a reference of a task.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawDocument (DocumentBuilder) {
        pub kind: Text,
        #[serde(default)]
        pub number: Option<String>,
        #[serde(default)]
        pub date: Option<RawDate>,
        #[serde(default)]
        pub issuer: Option<String>,
        #[serde(default)]
        pub subject: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawDone (DoneBuilder) {
        #[serde(default)]
        pub period: Option<Text>,
        pub date: RawDate,
        #[serde(default)]
        pub note: Option<String>,
        #[serde(default)]
        pub evidence: Vec<String>,
        #[serde(default)]
        pub by: Option<String>,
        #[serde(default)]
        pub at: Option<toml::value::Datetime>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawLog (LogBuilder) {
        pub date: RawDate,
        pub text: Text,
        #[serde(default)]
        pub period: Option<Text>,
        #[serde(default)]
        pub evidence: Vec<String>,
        #[serde(default)]
        pub by: Option<String>,
        #[serde(default)]
        pub at: Option<toml::value::Datetime>,
    }

    /// A measured result with a target (rõ kết quả), e.g. the on-time rate of feedback handling.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawIndicator (IndicatorBuilder) {
        pub name: Text,
        #[serde(default)]
        pub unit: Option<String>,
        pub target: Spanned<f64>,
        /// "at-least" (default: higher is better) or "at-most" (e.g. late files).
        #[serde(default)]
        pub direction: Option<Text>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct RawMeasure (MeasureBuilder) {
        #[serde(default)]
        pub period: Option<Text>,
        pub value: Spanned<f64>,
        pub date: RawDate,
        #[serde(default)]
        pub note: Option<String>,
        #[serde(default)]
        pub by: Option<String>,
        #[serde(default)]
        pub at: Option<toml::value::Datetime>,
    }
}

impl RawTask {
    /// The model's task with the keys it takes as written moved in (not copied); the
    /// checks set the others ([`super::validate`]).
    pub(crate) fn model_as_written(&mut self) -> Task {
        Task { detail: self.detail.take(), result: self.result.take(), ..Task::default() }
    }
}
