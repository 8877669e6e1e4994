//! The whole read path over a file's bytes, with the invariants every read command
//! relies on checked along the way. Shared by the property tests (tests/properties.rs)
//! and the `plan_load` fuzz target (fuzz/fuzz_targets/plan_load.rs includes this file),
//! so a fuzz finding and a property failure break the same assertion.
//!
//! Depends on `par` and `serde_json` only, so the fuzz crate can include it as is.

use std::path::Path;

use chrono::NaiveDate;
use par::compute::Status;
use par::compute::list::{Filter, StatusFilter};
use par::compute::status::Counts;
use par::i18n::Lang;
use par::period::Period;
use par::plan::Plan;
use par::render::{self, Style, json};

/// What happened to the bytes.
#[derive(Debug)]
pub enum Outcome {
    /// The plan loaded; every computation and renderer ran. Holds the number of
    /// tasks and of occurrences (on the first day looked at).
    Loaded { tasks: usize, occurrences: usize },
    /// The plan was refused with this message (already checked to be well-formed).
    Refused(String),
}

/// Decodes, parses and validates `bytes` as the plan file `path`, then, when it
/// loads, runs every read computation and renderer on a few days in both languages.
/// Panics (with the reason) when an invariant does not hold.
pub fn exercise(path: &Path, bytes: &[u8]) -> Outcome {
    let loaded = par::plan::load::decode(path, bytes.to_vec())
        .and_then(|(text, _bom)| par::plan::load::parse(path, &text).map(|plan| (text, plan)));
    let (_text, plan) = match loaded {
        Ok(x) => x,
        Err(e) => {
            let msg = e.to_string();
            check_error(path, bytes, &msg);
            return Outcome::Refused(msg);
        }
    };
    let year = plan.meta.year;
    let day = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("plan years are checked");
    // The plan year's first and last day and one in between, in both languages, drawn
    // for a pipe (no width) and for the narrowest terminal accepted (20 columns).
    let mut occurrences = 0;
    let runs = [
        (day(year, 1, 1), Lang::Vi, Some(None)),
        (day(year, 6, 30), Lang::En, Some(Some(20))),
        (day(year, 12, 31), Lang::Vi, None),
    ];
    for (k, &(today, lang, draw)) in runs.iter().enumerate() {
        let n = one_day(&plan, today, lang, draw);
        if k == 0 {
            occurrences = n;
        }
    }
    // Days far from the plan, at the ends of the accepted range: computations only.
    for today in [day(1900, 1, 1), day(2200, 12, 31)] {
        let _ = par::compute::status::status_report(&plan, today, plan.settings.within_days, Lang::Vi);
    }
    Outcome::Loaded { tasks: plan.tasks.len(), occurrences }
}

/// Every read command's computation on one day, and its table output when `draw`
/// gives a terminal width (`Some(None)`: a pipe). Returns the number of occurrences.
pub fn one_day(plan: &Plan, today: NaiveDate, lang: Lang, draw: Option<Option<u16>>) -> usize {
    let style = Style { lang, color: false, width: draw.flatten() };
    let check_terminal = |out: &dyn Fn() -> String, what: &str| {
        if draw.is_some() {
            check_terminal(&out(), what);
        }
    };

    // par status
    let within = plan.settings.within_days;
    let report = par::compute::status::status_report(plan, today, within, lang);
    check_counts(&report.total, "total");
    let mut by_section = Counts::default();
    for g in &report.sections {
        check_counts(&g.counts, &g.id);
        check_percent(g.percent_complete);
        by_section.merge(&g.counts);
    }
    let mut by_owner = Counts::default();
    for g in &report.owners {
        check_counts(&g.counts, &g.id);
        check_percent(g.percent_complete);
        by_owner.merge(&g.counts);
    }
    assert_eq!(by_section, report.total, "per-section counts do not add up to the total");
    assert_eq!(by_owner, report.total, "per-owner counts do not add up to the total");
    check_percent(report.percent_complete);
    assert_eq!(report.overdue.len(), report.total.overdue, "overdue list and count differ");
    assert!(report.overdue.iter().all(|i| i.status == Status::Overdue));
    check_json("status", &report);
    check_terminal(&|| render::status::render(&report, &style), "status");

    // par list, with and without --occurrences, and every status filter
    let all = par::compute::list::list(plan, today, &Filter::default(), lang).expect("no filter cannot fail");
    assert_eq!(all.len(), plan.tasks.len(), "`par list` shows one row per task");
    check_terminal(&|| render::list::render(&all, &style), "list");
    check_json("list", &serde_json::json!({ "items": all }));
    let occ = Filter { occurrences: true, ..Filter::default() };
    let rows = par::compute::list::list(plan, today, &occ, lang).expect("no filter cannot fail");
    assert_eq!(rows.len(), report.total.total, "`par list --occurrences` and `par status` count differently");
    for r in &rows {
        check_key(plan, &r.key, &r.task, r.period.as_deref());
    }
    let mut by_filter = 0;
    for f in [StatusFilter::Done, StatusFilter::Overdue, StatusFilter::NotStarted, StatusFilter::Ongoing] {
        let filter = Filter { status: Some(f), occurrences: true, ..Filter::default() };
        by_filter += par::compute::list::list(plan, today, &filter, lang).expect("status filters cannot fail").len();
    }
    let open = Filter { status: Some(StatusFilter::Open), occurrences: true, ..Filter::default() };
    let open_rows = par::compute::list::list(plan, today, &open, lang).expect("status filters cannot fail");
    // Open = open + overdue + ongoing: the partition adds up once overdue and ongoing are not counted twice.
    let open_only = open_rows.iter().filter(|r| r.status == Status::Open).count();
    assert_eq!(by_filter + open_only, rows.len(), "status filters do not partition the occurrences");
    let soon = Filter { status: Some(StatusFilter::DueSoon), ..Filter::default() };
    let _ = par::compute::list::list(plan, today, &soon, lang).expect("status filters cannot fail");

    // Search: every task is found by its own title, typed with or without diacritics.
    if let Some(t) = plan.tasks.first() {
        let folded = par::text::fold(&t.title);
        let needle: String = folded.chars().take(12).collect();
        if !needle.trim().is_empty() {
            let f = Filter { grep: Some(needle.clone()), ..Filter::default() };
            let hits = par::compute::list::list(plan, today, &f, lang).expect("grep cannot fail");
            assert!(hits.iter().any(|r| r.task == t.id), "`--grep {needle:?}` does not find task {:?}", t.id);
        }
    }
    if let Some(o) = plan.owners.first() {
        let f = Filter { owner: Some(o.id.clone()), ..Filter::default() };
        let _ = par::compute::list::list(plan, today, &f, lang);
    }
    if let Some(s) = plan.sections.first() {
        let f = Filter { section: Some(s.id.clone()), ..Filter::default() };
        let _ = par::compute::list::list(plan, today, &f, lang);
    }

    // par show, for every task (found by its id)
    for t in &plan.tasks {
        let i = plan.find_task(&t.id).expect("every id finds its task");
        let d = par::compute::show::detail(plan, &plan.tasks[i], today, lang);
        check_json("task", &d);
        check_terminal(&|| render::show::render(&d, &style), "show");
    }

    // par index, par index --evidence
    if let Some(r) = par::compute::index::forecast(plan, today, lang) {
        check_json("index", &r);
        check_terminal(&|| render::index::render(&r, &style), "index");
    }
    if let Some(r) = par::compute::index::evidence(plan, today, lang) {
        check_json("index_evidence", &r);
        check_terminal(&|| render::index::render_evidence(&r, &style), "index --evidence");
    }

    // par check
    let v = par::compute::check::check(plan, lang);
    check_json("check", &serde_json::json!({ "violations": v }));
    check_terminal(&|| render::check::render(&v, plan.tasks.len(), &style), "check");
    rows.len()
}

fn check_counts(counts: &Counts, what: &str) {
    let sum =
        counts.done_on_time + counts.done_late + counts.open + counts.overdue + counts.not_started + counts.ongoing;
    assert_eq!(counts.total, sum, "counts of {what:?} do not add up: {counts:?}");
    check_percent(counts.percent_complete());
    check_percent(counts.on_time_rate());
}

fn check_percent(percent: Option<f64>) {
    if let Some(percent) = percent {
        assert!((0.0..=100.0).contains(&percent), "percent out of range: {percent}");
    }
}

/// The JSON of every command parses back.
fn check_json<T: serde::Serialize>(kind: &str, data: &T) {
    let s = json::to_json(kind, data);
    let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_else(|e| panic!("invalid JSON for {kind}: {e}"));
    assert_eq!(v["kind"], kind);
}

/// `4` or `4@2025-Q3`: the id finds the task and the period parses back to itself.
fn check_key(plan: &Plan, key: &str, task: &str, period: Option<&str>) {
    let (id, p) = match key.split_once('@') {
        Some((id, p)) => (id, Some(p)),
        None => (key, None),
    };
    assert_eq!(id, task, "key {key:?}");
    assert_eq!(p, period, "key {key:?}");
    let i = plan.find_task(id).unwrap_or_else(|| panic!("key {key:?} names no task"));
    assert_eq!(plan.tasks[i].id, task);
    if let Some(p) = p {
        let parsed = Period::parse(p, None).unwrap_or_else(|e| panic!("period of {key:?} does not parse: {e}"));
        assert_eq!(parsed.to_string(), p, "period of {key:?} does not print back");
    }
}

/// Whether a character must never reach a terminal from plan text: controls other
/// than line feed and tab, and the bidi overrides and isolates.
pub fn dangerous(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        // Unicode format characters (general category Cf, Unicode 16): zero-width and
        // joiners, bidi marks, embeddings, overrides and isolates, BOM, tags...
        || matches!(c, '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}' | '\u{890}'..='\u{891}'
            | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}')
        // Line and paragraph separators, and the noncharacters.
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{fdd0}'..='\u{fdef}')
        || (c as u32 & 0xfffe) == 0xfffe
}

/// Table output without colour holds no escape, no control character, no bidi override.
pub fn check_terminal(out: &str, what: &str) {
    if let Some((at, c)) = out.char_indices().find(|&(_, c)| dangerous(c)) {
        let mut from = at.saturating_sub(60);
        while !out.is_char_boundary(from) {
            from -= 1;
        }
        panic!("`par {what}` printed {c:?} raw at byte {at}: …{:?}", &out[from..at]);
    }
}

/// A refusal says `error`, stays free of raw escapes, keeps its lines short, and any
/// `file:line:column` it names lies inside the file.
pub fn check_error(path: &Path, bytes: &[u8], msg: &str) {
    assert!(msg.starts_with("error"), "error without `error`: {msg}");
    check_terminal(msg, "error");
    for line in msg.lines() {
        assert!(line.chars().count() <= 400, "error line of {} characters", line.chars().count());
    }
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let lines: Vec<&str> = text.split('\n').collect();
    let name = format!("{}:", path.display());
    for (at, _) in msg.match_indices(&name) {
        let rest = &msg[at + name.len()..];
        let mut nums = rest.splitn(3, ':').map(|n| n.parse::<usize>());
        let (Some(Ok(line)), Some(Ok(col))) = (nums.next(), nums.next()) else { continue };
        assert!(line >= 1 && line <= lines.len(), "line {line} outside the file ({} lines): {msg}", lines.len());
        let len = lines[line - 1].chars().count();
        assert!(col >= 1 && col <= len + 1, "column {col} outside line {line} ({len} characters): {msg}");
    }
}
