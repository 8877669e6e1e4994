//! `par assess --format json`: the self-assessment table as data, under the usual
//! `{"schema": 1, "kind": "assess"}` envelope.

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::assess::final_blockers;
use crate::compute::assess_table::{AssessRow, AssessTable, Evidence, Scoring};

#[derive(Serialize)]
struct Table<'a> {
    set_name: &'a str,
    unit: &'a str,
    year: i32,
    window: Window,
    max_total: f64,
    self_max: f64,
    raw_total: f64,
    rescaled_total: Option<f64>,
    rescale_method: &'a str,
    rows: Vec<Row<'a>>,
    /// Codes of the criteria that need an explanation before `--final`.
    needs_explanation: Vec<String>,
    /// Codes of the criteria the unit scores itself that are not scored yet.
    unscored: Vec<String>,
}

#[derive(Serialize)]
struct Window {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    title: &'a str,
    depth: u8,
    max: f64,
    scoring: &'static str,
    score: Option<f64>,
    not_applicable: Option<&'a str>,
    evidence: Vec<Ev<'a>>,
    explanation: Option<&'a str>,
    needs_explanation: bool,
}

#[derive(Serialize)]
struct Ev<'a> {
    text: &'a str,
    kind: Option<&'a str>,
    number: Option<&'a str>,
    date: Option<NaiveDate>,
    issuer: Option<&'a str>,
    path: Option<&'a str>,
    url: Option<&'a str>,
    from_task: Option<&'a str>,
}

fn scoring(s: Scoring) -> &'static str {
    match s {
        Scoring::SelfAssessed => "self",
        Scoring::Appraised => "appraised",
        Scoring::Survey => "survey",
    }
}

fn ev(e: &Evidence) -> Ev<'_> {
    Ev {
        text: &e.text,
        kind: e.kind.as_deref(),
        number: e.number.as_deref(),
        date: e.date,
        issuer: e.issuer.as_deref(),
        path: e.path.as_deref(),
        url: e.url.as_deref(),
        from_task: e.from_task.as_deref(),
    }
}

fn row(r: &AssessRow) -> Row<'_> {
    Row {
        code: &r.code,
        title: &r.title,
        depth: r.depth,
        max: r.max,
        scoring: scoring(r.scoring),
        score: r.score,
        not_applicable: r.not_applicable.as_deref(),
        evidence: r.evidence.iter().map(ev).collect(),
        explanation: r.explanation.as_deref(),
        needs_explanation: r.needs_explanation,
    }
}

pub fn render(table: &AssessTable) -> String {
    let (needs_explanation, unscored) = final_blockers(table);
    let data = Table {
        set_name: &table.set_name,
        unit: &table.unit,
        year: table.year,
        window: Window { from: table.window.0, to: table.window.1 },
        max_total: table.max_total,
        self_max: table.self_max,
        raw_total: table.raw_total,
        rescaled_total: table.rescaled_total,
        rescale_method: &table.rescale_method,
        rows: table.rows.iter().map(row).collect(),
        needs_explanation,
        unscored,
    };
    super::super::json::to_json("assess", &data)
}
