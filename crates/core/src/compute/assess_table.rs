//! The self-assessment table (issue #16): what `par assess` computes from the plan and
//! what its renderers (table, JSON, xlsx, docx, the dossier) print. Pure data: built by
//! `compute::assess::table(plan, today)`, rendered by `par_render::assess`.

use chrono::NaiveDate;

/// How a criterion is scored, as its criteria set says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scoring {
    /// The unit scores itself (and the appraisal council reviews it).
    SelfAssessed,
    /// Scored by the appraisal council; the unit proposes a score.
    Appraised,
    /// Scored from a citizen survey (SIPAS…): never self-scored, left out of the self-score.
    Survey,
}

/// One evidence reference (tài liệu kiểm chứng), parsed from what the officer typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The reference exactly as typed.
    pub text: String,
    /// Kind of document: "Kế hoạch", "Quyết định", "Báo cáo", "Công văn"…
    pub kind: Option<String>,
    /// Its number and symbol: "15/KH-UBND".
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// A file path (relative to the plan's folder) or URL, where given.
    pub path: Option<String>,
    pub url: Option<String>,
    /// From a task linked to the criterion (done mark, log entry), not typed for the score.
    pub from_task: Option<String>,
}

/// One row: an area (depth 0), a criterion (1) or a sub-criterion (2).
#[derive(Debug, Clone, PartialEq)]
pub struct AssessRow {
    pub code: String,
    pub title: String,
    pub depth: u8,
    pub max: f64,
    pub scoring: Scoring,
    /// The self-score; for a parent, the sum of its scored children; None when not scored.
    pub score: Option<f64>,
    /// `par assess na CODE --reason …`: excluded from the total, with the reason.
    pub not_applicable: Option<String>,
    pub evidence: Vec<Evidence>,
    /// Giải trình: why the score is below the maximum or has no evidence.
    pub explanation: Option<String>,
    /// Below the maximum or without evidence, and no explanation: blocks `--final`.
    pub needs_explanation: bool,
}

/// The whole table, rows in the set's order (areas followed by their criteria).
#[derive(Debug, Clone, PartialEq)]
pub struct AssessTable {
    /// The criteria set's name, e.g. the decision that issued it, and what it is
    /// ("minh họa / illustrative" for the bundled one).
    pub set_name: String,
    pub unit: String,
    pub year: i32,
    /// The assessment window (evidence dated outside it is flagged).
    pub window: (NaiveDate, NaiveDate),
    pub rows: Vec<AssessRow>,
    /// The set's maximum (every criterion, survey-scored ones included).
    pub max_total: f64,
    /// The maximum the unit can score itself: max_total minus survey-scored and
    /// not-applicable criteria.
    pub self_max: f64,
    /// Sum of the self-scores.
    pub raw_total: f64,
    /// raw_total rescaled to the set's maximum when criteria are not applicable
    /// (proportional by default: raw × (max_total − survey max) / self_max); None when
    /// nothing is excluded.
    pub rescaled_total: Option<f64>,
    /// How the rescaling was done ("proportional"…), as the set states.
    pub rescale_method: String,
}
