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
    #[serde(default)]
    pub index: Option<RawIndex>,
    #[serde(default)]
    pub report: RawReport,
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
}

/// The content of a separate index file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndexFile {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub criterion: Vec<RawCriterion>,
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
    /// The unit's code in its superior's roster (`units.toml`), for `par rollup`.
    #[serde(default)]
    pub code: Option<String>,
    /// school, ward, commune, department, office: the report heading's layout.
    #[serde(default)]
    pub unit_kind: Option<String>,
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
