//! Semantic checks: turns the raw file into a [`Plan`], collecting every problem
//! at once so the user can fix them all in one pass.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use super::diagnostic::Diagnostic;
use super::model::*;
use super::schema::*;
use crate::i18n::Lang;
use crate::period::Period;
use crate::text::nearest;

use crate::dates::YEARS;

struct Checker {
    problems: Vec<Diagnostic>,
}

impl Checker {
    fn problem(&mut self, msg: impl Into<String>, span: Range<usize>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::new(msg, Some(span)));
        self.problems.last_mut().expect("just pushed")
    }

    // `what` is worded only when there is a problem: `format_args!` at the call sites, not `format!`.
    fn date(&mut self, raw: &Option<RawDate>, what: impl std::fmt::Display) -> Option<NaiveDate> {
        raw.as_ref().and_then(|r| self.required_date(r, what))
    }

    fn required_date(&mut self, raw: &RawDate, what: impl std::fmt::Display) -> Option<NaiveDate> {
        let parsed = match raw.get_ref() {
            toml::Value::Datetime(dt) => crate::dates::from_toml(dt),
            toml::Value::String(s) => crate::dates::parse_date(s),
            _ => None,
        };
        match parsed {
            Some(d) if YEARS.contains(&chrono::Datelike::year(&d)) => Some(d),
            Some(_) => {
                self.problem(format!("{what} is outside the years {}–{}", YEARS.start(), YEARS.end()), raw.span());
                None
            }
            None => {
                self.problem(format!("{what} is not a date"), raw.span()).help =
                    Some("write a date as 2025-05-30 (or \"30/5/2025\" in quotes)".into());
                None
            }
        }
    }

    fn reference(&mut self, id: &Text, index: &HashMap<String, usize>, what: &str, known: &[&str]) -> Option<usize> {
        // Owner and section ids are keyed in NFC form, like task ids: a reference already
        // in NFC (nearly all) is found without normalising it.
        let id_text = id.get_ref().as_str();
        if let Some(&i) = index.get(id_text).or_else(|| index.get(crate::text::nfc(id_text).as_ref())) {
            return Some(i);
        }
        let near = nearest(id.get_ref(), known.iter().copied(), 1);
        let d = self.problem(format!("unknown {what} `{}`", crate::text::clean(id.get_ref())), id.span());
        d.help = Some(match near.first() {
            Some(n) => format!("did you mean `{n}`? {what}s are defined once at the top of the file"),
            None => format!("define it first; known {what}s: {}", known.join(", ")),
        });
        None
    }

    fn document(&mut self, raw: &RawDocument, what: impl std::fmt::Display) -> Document {
        Document {
            kind: raw.kind.get_ref().clone(),
            number: raw.number.clone(),
            date: self.date(&raw.date, format_args!("the date of {what}")),
            issuer: raw.issuer.clone(),
            subject: raw.subject.clone(),
        }
    }
}

impl super::history::Check for Checker {
    fn problem_at(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    fn date_of(&mut self, raw: &RawDate, what: &str) -> Option<NaiveDate> {
        self.required_date(raw, what)
    }
}

/// Checks a parsed file. Returns the plan, or every problem found.
///
/// The phases run in the file's order of tables, and each reports as it goes: problems
/// found at the same place stay in the order they are found (the sort below is stable).
pub fn validate(raw: RawPlan, text: &str, external_index: Option<Index>) -> Result<Plan, Vec<Diagnostic>> {
    let mut c = Checker { problems: Vec::new() };
    let mut index = match (external_index, &raw.index) {
        (Some(ix), _) => Some(ix),
        (None, Some(ri)) if ri.file.is_none() && ri.set.is_none() => {
            let (ix, problems) = validate_index(ri.name.clone(), &ri.criterion);
            c.problems.extend(problems);
            Some(ix)
        }
        _ => None,
    };
    if let (Some(ix), Some(ri)) = (index.as_mut(), &raw.index) {
        c.problems.extend(super::sets::finish(ix, ri));
    }
    let (assess, problems) = super::sets::assessment(raw.assess.as_ref(), index.as_mut());
    c.problems.extend(problems);
    let (meta, year) = meta(&mut c, &raw.plan);
    let settings = settings(&mut c, &raw.settings);
    let bases = raw.basis.iter().map(|b| c.document(b, "a legal basis")).collect();
    let (owners, owner_index) = owners(&mut c, &raw.owner);
    let (sections, section_index) = sections(&mut c, &raw.section);
    let names = Names {
        owner_index,
        owner_ids: raw.owner.iter().map(|o| o.id.get_ref().as_str()).collect(),
        section_index,
        section_ids: raw.section.iter().map(|s| s.id.get_ref().as_str()).collect(),
        // Last year's codes through `[[index.crosswalk]]` first: the set's own codes win.
        criterion_index: index
            .iter()
            .flat_map(super::sets::crosswalk_keys)
            .chain(index.iter().flat_map(|ix| ix.nodes.iter().enumerate().map(|(i, n)| (n.code.clone(), i))))
            .collect(),
        criterion_codes: index.iter().flat_map(|ix| ix.nodes.iter().map(|n| n.code.as_str())).collect(),
        has_index: index.is_some(),
        year,
    };
    let raw_tasks = raw.task.unwrap_or_default();
    let has_tasks = !raw_tasks.is_empty();
    let tasks = tasks(&mut c, raw_tasks, text, &names);
    if has_tasks && sections.is_empty() {
        c.problems.push(
            Diagnostic::new("tasks name sections, but the file defines none", None)
                .help("add [[section]] tables with id and title"),
        );
    }

    let mut report = report_settings(&mut c, &raw.report, year);
    report.sent = super::history::sent(&mut c, &raw.report.sent, year, &LineIndex::new(text));

    if c.problems.is_empty() {
        Ok(Plan { meta, settings, bases, owners, sections, tasks, index, report, assess })
    } else {
        c.problems.sort_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.start));
        Err(c.problems)
    }
}

/// `[plan]`, and the plan's year (the first of [`YEARS`] when the file's is out of range).
fn meta(checker: &mut Checker, raw: &RawMeta) -> (Meta, i32) {
    let year = *raw.year.get_ref();
    let year = if YEARS.contains(&(year.clamp(i32::MIN as i64, i32::MAX as i64) as i32)) {
        year as i32
    } else {
        checker
            .problem(format!("the plan's year must be between {} and {}", YEARS.start(), YEARS.end()), raw.year.span());
        YEARS.start().to_owned()
    };
    let lang = raw.lang.as_ref().and_then(|l| {
        let parsed = Lang::parse(l.get_ref());
        if parsed.is_none() {
            checker.problem(format!("unknown language `{}`", l.get_ref()), l.span()).help =
                Some("use \"vi\" or \"en\"".into());
        }
        parsed
    });
    if raw.unit.get_ref().trim().is_empty() {
        checker.problem("the unit's name is empty", raw.unit.span());
    }
    let meta = Meta {
        unit: raw.unit.get_ref().clone(),
        unit_short: raw.unit_short.clone(),
        superior: raw.superior.clone(),
        kind: raw.kind.clone(),
        number: raw.number.clone(),
        date: checker.date(&raw.date, "the plan's date"),
        start: checker.date(&raw.start, "the plan's start"),
        title: raw.title.get_ref().clone(),
        year,
        place: raw.place.clone(),
        lang,
        signer: raw.signer.as_ref().map(signer),
        recipients: raw.recipients.clone(),
        changes: super::history::changes(checker, &raw.change),
        unit_kind: unit_kind(checker, &raw.unit_kind),
        code: raw.code.as_ref().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
    };
    (meta, year)
}

/// `[settings]`.
fn settings(checker: &mut Checker, raw: &RawSettings) -> Settings {
    let mut settings = Settings::default();
    for (raw_value, slot, what) in [
        (&raw.due_soon_days, &mut settings.due_soon_days, "due_soon_days"),
        (&raw.within_days, &mut settings.within_days, "within_days"),
    ] {
        if let Some(v) = raw_value {
            if (0..=3660).contains(v.get_ref()) {
                *slot = *v.get_ref();
            } else {
                checker.problem(format!("{what} must be a number of days from 0 to 3660"), v.span());
            }
        }
    }
    settings.by = raw.by.clone();
    settings
}

/// `[[owner]]` tables, and each owner's index by its id (in NFC form).
fn owners(checker: &mut Checker, raw: &[RawOwner]) -> (Vec<Owner>, HashMap<String, usize>) {
    let mut owner_index = HashMap::new();
    let mut owners = Vec::with_capacity(raw.len());
    for o in raw {
        let id = o.id.get_ref();
        if id.trim().is_empty() {
            checker.problem("an owner's id is empty", o.id.span());
        } else if owner_index.insert(crate::text::nfc(id).into_owned(), owners.len()).is_some() {
            checker.problem(format!("owner `{id}` is defined twice"), o.id.span());
        }
        owners.push(Owner {
            id: id.clone(),
            name: o.name.get_ref().clone(),
            name_en: o.name_en.clone(),
            note: o.note.clone(),
        });
    }
    (owners, owner_index)
}

/// `[[section]]` tables, and each section's index by its id (in NFC form).
fn sections(checker: &mut Checker, raw: &[RawSection]) -> (Vec<Section>, HashMap<String, usize>) {
    let mut section_index = HashMap::new();
    let mut sections = Vec::with_capacity(raw.len());
    for s in raw {
        let id = s.id.get_ref();
        if section_index.insert(crate::text::nfc(id).into_owned(), sections.len()).is_some() {
            checker.problem(format!("section `{id}` is defined twice"), s.id.span());
        }
        sections.push(Section {
            id: id.clone(),
            title: s.title.get_ref().clone(),
            title_en: s.title_en.clone(),
            points: s.points.clone(),
        });
    }
    (sections, section_index)
}

/// What a task's references are checked against.
struct Names<'a> {
    owner_index: HashMap<String, usize>,
    owner_ids: Vec<&'a str>,
    section_index: HashMap<String, usize>,
    section_ids: Vec<&'a str>,
    criterion_index: HashMap<String, usize>,
    criterion_codes: Vec<&'a str>,
    has_index: bool,
    year: i32,
}

/// The `[[task]]` tables, in the file's order.
fn tasks(checker: &mut Checker, raw_tasks: Vec<Spanned<RawTask>>, text: &str, names: &Names) -> Vec<Task> {
    // Each task id (in NFC form, lower case) → where it is written and its task's index.
    let mut task_index: HashMap<String, (Range<usize>, usize)> = HashMap::with_capacity(raw_tasks.len());
    let mut tasks: Vec<Task> = Vec::with_capacity(raw_tasks.len());
    let line_of = LineIndex::new(text);
    // Tasks are taken apart, their text moved into the model rather than copied.
    for spanned in raw_tasks {
        let line = line_of.line(spanned.span().start);
        let mut t = spanned.into_inner();
        let as_written = t.model_as_written();
        task_id(checker, &t.id, &mut task_index, &tasks, &line_of);
        tasks.push(task(checker, t, names, Task { line, ..as_written }));
    }
    tasks
}

/// A task's id: well formed, and not another task's.
fn task_id(
    checker: &mut Checker,
    raw_id: &Text,
    task_index: &mut HashMap<String, (Range<usize>, usize)>,
    tasks: &[Task],
    line_of: &LineIndex,
) {
    let id = raw_id.get_ref();
    if id.trim().is_empty() || id.chars().any(|ch| ch.is_whitespace() || ch == '@') {
        checker
            .problem(
                format!("task id `{}` must be non-empty, without spaces or `@`", crate::text::clean(id)),
                raw_id.span(),
            )
            .help = Some("use the number the document gives the task, e.g. \"4\" or \"III.1\"".into());
    }
    // Ids are compared in NFC form and ignoring case, as `par` finds them when typed.
    if let Some((first, k)) = task_index.insert(crate::text::nfc(id).to_lowercase(), (raw_id.span(), tasks.len())) {
        let first_line = line_of.line(first.start);
        let (msg, help) = if tasks[k].id.to_lowercase() == id.to_lowercase() {
            (
                format!("duplicate id: task id `{id}` is used twice (first on line {first_line})"),
                "give each task its own id",
            )
        } else {
            (
                format!(
                    "duplicate id: task id `{id}` is used twice, written in another Unicode form \
                     (first on line {first_line})"
                ),
                "give each task its own id; ids are compared in Unicode NFC form, so a letter typed \
                 composed (ệ) or decomposed (e + marks) is the same letter",
            )
        };
        let d = checker.problem(msg, raw_id.span());
        d.help = Some(help.into());
        d.first = Some(first);
    }
}

/// Checks one task (its id is checked already) into `task`, which holds what the model
/// takes as written.
fn task(checker: &mut Checker, raw: RawTask, names: &Names, task: Task) -> Task {
    let id = raw.id.get_ref();
    if raw.title.get_ref().trim().is_empty() {
        checker.problem(format!("task `{id}` has an empty title"), raw.title.span());
    }
    let section = checker.reference(&raw.section, &names.section_index, "section", &names.section_ids).unwrap_or(0);
    let owner = raw.owner.as_ref().and_then(|o| checker.reference(o, &names.owner_index, "owner", &names.owner_ids));
    let support = raw
        .support
        .iter()
        .filter_map(|o| checker.reference(o, &names.owner_index, "owner", &names.owner_ids))
        .collect();
    let when = when(checker, &raw);
    let refs = raw.refs.iter().map(|r| checker.document(r, format_args!("a reference of task `{id}`"))).collect();
    let criteria = raw
        .criteria
        .iter()
        .filter_map(|code| {
            if !names.has_index {
                checker
                    .problem(
                        format!("task `{id}` links to criterion `{}`, but the plan has no [index]", code.get_ref()),
                        code.span(),
                    )
                    .help = Some("add the PAR Index tree under [index] (see README), or remove `criteria`".into());
                return None;
            }
            checker.reference(code, &names.criterion_index, "criterion", &names.criterion_codes)
        })
        .collect();
    let indicator = raw.indicator.as_ref().map(|ind| indicator(checker, ind));
    let measures = measures(checker, id, &raw.measure, indicator.is_some(), when.repeat, names.year);
    let done = done_marks(checker, id, raw.done, &when, names.year);
    let log = log(checker, id, raw.log, names.year);
    let added = checker.date(&raw.added, format_args!("task `{id}`'s `added` date"));
    let cancelled = super::history::cancelled(checker, raw.cancelled.as_ref(), id);
    Task {
        id: raw.id.into_inner(),
        section,
        title: raw.title.into_inner(),
        owner,
        support,
        start: when.start,
        due: when.due,
        end: when.end,
        repeat: when.repeat,
        due_day: when.due_day,
        refs,
        criteria,
        indicator,
        measures,
        done,
        log,
        added,
        cancelled,
        ..task
    }
}

/// When a task is due: its dates, how it repeats, and the day of the month a recurring
/// task is due.
struct When {
    start: Option<NaiveDate>,
    due: Option<NaiveDate>,
    end: Option<NaiveDate>,
    repeat: Repeat,
    /// Whether the file's `repeat` was understood (`repeat` is `Once` otherwise).
    repeat_known: bool,
    due_day: Option<u32>,
}

fn when(checker: &mut Checker, task: &RawTask) -> When {
    let id = task.id.get_ref();
    let start = checker.date(&task.start, format_args!("task `{id}`'s start"));
    let due = checker.date(&task.due, format_args!("task `{id}`'s due date"));
    let end = checker.date(&task.end, format_args!("task `{id}`'s end"));
    let repeat_known = task.repeat.as_ref().is_none_or(|r| Repeat::parse(r.get_ref()).is_some());
    let repeat = match &task.repeat {
        None => Repeat::Once,
        Some(r) => Repeat::parse(r.get_ref()).unwrap_or_else(|| {
            checker.problem(format!("unknown repeat `{}`", crate::text::clean(r.get_ref())), r.span()).help =
                Some(format!(
                    "use one of {} (or \"mỗi quý\", \"hằng tháng\", \"thường xuyên\"…)",
                    Repeat::KEYWORDS.join(", ")
                ));
            Repeat::Once
        }),
    };
    if let (Some(s), Some(d), Some(raw_due)) = (start, due, &task.due)
        && d < s
    {
        {
            checker.problem(
                format!(
                    "task `{id}` is due ({}) before it starts ({})",
                    crate::dates::short(d),
                    crate::dates::short(s)
                ),
                raw_due.span(),
            );
        }
    }
    if let (Some(s), Some(e), Some(raw_end)) = (start, end, &task.end)
        && e < s
    {
        {
            checker.problem(
                format!("task `{id}` ends ({}) before it starts ({})", crate::dates::short(e), crate::dates::short(s)),
                raw_end.span(),
            );
        }
    }
    if let (Repeat::Every(_) | Repeat::Ongoing, Some(raw_due)) = (repeat, &task.due) {
        checker.problem(format!("task `{id}` repeats, so it has no single due date"), raw_due.span()).help =
            Some("remove `due`; use `due_day` (day of the period's last month) and `end` for the last period".into());
    }
    let due_day = match (&task.due_day, repeat) {
        (None, _) => None,
        (Some(dd), Repeat::Every(_)) if (1..=31).contains(dd.get_ref()) => Some(*dd.get_ref() as u32),
        (Some(dd), Repeat::Every(_)) => {
            checker.problem("due_day must be a day of the month, 1 to 31", dd.span());
            None
        }
        (Some(dd), _) => {
            checker.problem(format!("task `{id}` does not repeat, so `due_day` has no meaning"), dd.span()).help =
                Some("use `due` for a one-off task's deadline".into());
            None
        }
    };
    When { start, due, end, repeat, repeat_known, due_day }
}

/// `[task.indicator]`.
fn indicator(checker: &mut Checker, ind: &RawIndicator) -> Indicator {
    let direction = match ind.direction.as_ref().map(|d| crate::text::fold(d.get_ref())) {
        None => Direction::AtLeast,
        Some(d) if d == "at-least" || d == "at_least" || d == "toi thieu" => Direction::AtLeast,
        Some(d) if d == "at-most" || d == "at_most" || d == "toi da" => Direction::AtMost,
        Some(_) => {
            let span = ind.direction.as_ref().map(|d| d.span()).unwrap_or_default();
            checker.problem("unknown direction", span).help =
                Some("use \"at-least\" (higher is better) or \"at-most\"".into());
            Direction::AtLeast
        }
    };
    if !ind.target.get_ref().is_finite() {
        checker.problem("the target must be a number", ind.target.span());
    }
    Indicator { name: ind.name.get_ref().clone(), unit: ind.unit.clone(), target: *ind.target.get_ref(), direction }
}

/// `[[task.measure]]` tables.
fn measures(
    checker: &mut Checker,
    id: &str,
    raw: &[RawMeasure],
    has_indicator: bool,
    repeat: Repeat,
    year: i32,
) -> Vec<Measure> {
    let mut measures = Vec::with_capacity(raw.len());
    for m in raw {
        if !has_indicator {
            checker
                .problem(
                    format!("task `{id}` has a measurement but no [task.indicator] to measure against"),
                    m.value.span(),
                )
                .help = Some("add [task.indicator] with name and target above the measurements".into());
        }
        if !m.value.get_ref().is_finite() {
            checker.problem("a measurement must be a finite number", m.value.span());
        }
        let date = checker.required_date(&m.date, format!("a measurement of task `{id}`"));
        let period = m.period.as_ref().and_then(|p| match Period::parse(p.get_ref(), Some(year)) {
            Err(e) => {
                checker.problem(e, p.span());
                None
            }
            Ok(period) => {
                let fits = match repeat {
                    Repeat::Every(every) => period.every() == every,
                    _ => true,
                };
                if !fits || period.year() != year {
                    checker.problem(format!("task `{id}` has no period {period}"), p.span()).help =
                        Some(format!("task `{id}` repeats {}; use one of its periods in {year}", repeat.keyword()));
                }
                Some(period)
            }
        });
        if let Some(date) = date {
            measures.push(Measure { period, value: *m.value.get_ref(), date, note: m.note.clone(), by: m.by.clone() });
        }
    }
    measures
}

/// `[[task.done]]` tables, their text moved into the model.
fn done_marks(checker: &mut Checker, id: &str, raw: Vec<RawDone>, when: &When, year: i32) -> Vec<DoneMark> {
    let repeat = when.repeat;
    let mut done: Vec<DoneMark> = Vec::with_capacity(raw.len());
    for d in raw {
        let date = checker.required_date(&d.date, format_args!("task `{id}`'s done date"));
        let period = d.period.as_ref().and_then(|p| match Period::parse(p.get_ref(), Some(year)) {
            Ok(period) => Some((period, p.span())),
            Err(e) => {
                checker.problem(e, p.span());
                None
            }
        });
        if !when.repeat_known {
            // The repeat is already reported; judging periods against a guess would only add noise.
            continue;
        }
        let period = match (repeat, period, &d.period) {
            (Repeat::Every(every), Some((p, span)), _) => {
                if p.every() != every {
                    checker.problem(
                        format!("task `{id}` repeats {}, but this done mark names the period {p}", repeat.keyword()),
                        span,
                    );
                }
                Some(p)
            }
            (Repeat::Every(every), None, None) => {
                let example =
                    date.map(|dt| Period::containing(every, dt).to_string()).unwrap_or_else(|| format!("{year}-Q1"));
                checker
                    .problem(
                        format!(
                            "task `{id}` repeats {}, so its done mark needs the period it closes",
                            repeat.keyword()
                        ),
                        d.date.span(),
                    )
                    .help = Some(format!("add period = \"{example}\""));
                None
            }
            (_, Some((_, span)), _) => {
                checker.problem(format!("task `{id}` does not repeat, so its done mark takes no period"), span);
                None
            }
            _ => None,
        };
        if let Some(date) = date {
            if done.iter().any(|prev| prev.period == period) {
                let which = period.map(|p| format!(" for {p}")).unwrap_or_default();
                checker.problem(format!("task `{id}` is marked done twice{which}"), d.date.span()).help =
                    Some("keep one [[task.done]] entry; `par reopen` removes one".into());
            }
            done.push(DoneMark {
                period,
                date,
                note: d.note,
                evidence: d.evidence,
                by: d.by,
                at: d.at.map(|a| a.to_string()),
            });
        }
    }
    done
}

/// `[[task.log]]` tables, their text moved into the model.
fn log(checker: &mut Checker, id: &str, raw: Vec<RawLog>, year: i32) -> Vec<LogEntry> {
    let mut log = Vec::with_capacity(raw.len());
    for l in raw {
        let date = checker.required_date(&l.date, format_args!("a progress entry of task `{id}`"));
        let period = l
            .period
            .as_ref()
            .and_then(|p| Period::parse(p.get_ref(), Some(year)).map_err(|e| checker.problem(e, p.span())).ok());
        if let Some(date) = date {
            log.push(LogEntry {
                date,
                text: l.text.into_inner(),
                period,
                evidence: l.evidence,
                by: l.by,
                at: l.at.map(|a| a.to_string()),
            });
        }
    }
    log
}

pub use super::sets::validate_index;

/// Checks `[report]`: the calendar's name, the due day, and that every proposal names a
/// period of the plan's year that the calendar reports on.
fn report_settings(checker: &mut Checker, raw: &RawReport, year: i32) -> ReportSettings {
    use crate::calendar::{Calendar, window};
    let calendar = match &raw.calendar {
        None => Calendar::default(),
        Some(name) => Calendar::parse(name.get_ref()).unwrap_or_else(|| {
            checker
                .problem(format!("unknown reporting calendar `{}`", crate::text::clean(name.get_ref())), name.span())
                .help = Some(format!(
                "use one of {} (calendar quarters, Decree 09/2019 cut-off dates, the reform-report calendar)",
                Calendar::KEYWORDS.join(", ")
            ));
            Calendar::default()
        }),
    };
    let due_day = raw.due_day.as_ref().and_then(|dd| {
        if (1..=31).contains(dd.get_ref()) {
            Some(*dd.get_ref() as u32)
        } else {
            checker.problem("[report] due_day must be a day of the month, 1 to 31", dd.span());
            None
        }
    });
    let due_day =
        due_day.filter(|&day| coherent_due_day(checker, raw, calendar, day, year, crate::messages::output_lang()));
    let mut proposals = Vec::with_capacity(raw.proposal.len());
    for p in &raw.proposal {
        let period = match Period::parse(p.period.get_ref(), Some(year)) {
            Ok(period) => period,
            Err(e) => {
                checker.problem(e, p.period.span());
                continue;
            }
        };
        if period.year() != year {
            checker.problem(format!("proposal for {period} is outside the plan's year {year}"), p.period.span());
            continue;
        }
        if let Err(e) = window(calendar, period, due_day) {
            checker.problem(format!("no report covers this proposal's period: {e}"), p.period.span());
            continue;
        }
        if p.text.get_ref().trim().is_empty() {
            checker.problem("the proposal's text is empty", p.text.span());
        }
        proposals.push(Proposal { period, text: p.text.get_ref().clone() });
    }
    let notes = raw.note.iter().filter_map(|n| note(checker, n, calendar, due_day, year)).collect();
    ReportSettings {
        calendar,
        due_day,
        superior: raw.superior.clone(),
        to: raw.to.clone(),
        recipients: raw.recipients.clone(),
        place: raw.place.clone(),
        number: raw.number.clone(),
        subject: raw.subject.clone(),
        signer: raw.signer.as_ref().map(signer),
        proposals,
        folder: raw.folder.as_ref().map(|f| f.get_ref().trim().to_string()).filter(|f| !f.is_empty()),
        sent: Vec::new(),
        notes,
    }
}

/// Whether `[report] due_day` gives every report of the year a due date on or after the
/// end of the window it covers (a report cannot be due before its figures close); else a
/// problem at the `due_day` line, in the plan's language, saying how to fix it.
fn coherent_due_day(
    checker: &mut Checker,
    raw: &RawReport,
    calendar: crate::calendar::Calendar,
    day: u32,
    year: i32,
    lang: Lang,
) -> bool {
    use crate::calendar::{Calendar, window};
    let Some(span) = raw.due_day.as_ref().map(|dd| dd.span()) else { return true };
    let bad =
        calendar.sequence(year).into_iter().filter_map(|p| window(calendar, p, Some(day)).ok()).find(|w| w.due < w.to);
    let Some(w) = bad else { return true };
    let (due, to, label) = (crate::dates::short(w.due), crate::dates::short(w.to), w.period.label(lang));
    let message = lang.pick(
        &format!(
            "[report] due_day = {day} đặt hạn gửi báo cáo {label} vào ngày {due}, trước ngày kỳ báo cáo kết thúc ({to}): báo cáo không thể đến hạn trước khi chốt số liệu"
        ),
        &format!(
            "[report] due_day = {day} makes the {label} report due on {due}, before its reporting period ends on {to}: a report cannot be due before its figures close"
        ),
    )
    .to_string();
    let help = match calendar {
        Calendar::Calendar => lang.pick(
            "bỏ dòng due_day (hạn là ngày cuối kỳ), hoặc dùng calendar = \"decree-09\" (kỳ chốt số liệu ngày 14, hạn ngày 20 tháng cuối kỳ)",
            "remove the due_day line (the report is then due on the period's last day), or use calendar = \"decree-09\" (figures close on the 14th, due on the 20th of the last month)",
        ),
        Calendar::Decree09 | Calendar::Cchc => lang.pick(
            "đặt due_day từ 14 đến 31 (kỳ báo cáo kết thúc ngày 14 tháng cuối kỳ), hoặc bỏ dòng này (mặc định ngày 20)",
            "set due_day between 14 and 31 (the reporting period ends on the 14th of its last month), or remove the line (default: the 20th)",
        ),
    };
    checker.problem(message, span).help = Some(help.to_string());
    false
}

pub(super) fn signer(raw: &super::schema::RawSigner) -> Signer {
    Signer {
        name: raw.name.clone(),
        position: raw.position.clone(),
        authority: raw.authority.clone(),
        capacity: raw.capacity.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
    }
}

/// `[plan] unit_kind`: one of [`UnitKind::KEYWORDS`]; absent, a school's layout.
fn unit_kind(checker: &mut Checker, raw: &Option<super::schema::Text>) -> UnitKind {
    let Some(word) = raw else { return UnitKind::default() };
    UnitKind::parse(word.get_ref()).unwrap_or_else(|| {
        checker.problem(format!("unknown unit_kind `{}`", crate::text::clean(word.get_ref())), word.span()).help =
            Some(format!("use one of {}", UnitKind::KEYWORDS.join(", ")));
        UnitKind::default()
    })
}

/// One `[[report.note]]`: a period of the plan's year that the calendar reports on, a
/// known kind, and some text.
fn note(
    checker: &mut Checker,
    raw: &super::schema::RawNote,
    calendar: crate::calendar::Calendar,
    due_day: Option<u32>,
    year: i32,
) -> Option<Note> {
    let period = match Period::parse(raw.period.get_ref(), Some(year)) {
        Ok(period) => period,
        Err(e) => {
            checker.problem(e, raw.period.span());
            return None;
        }
    };
    if period.year() != year {
        checker.problem(format!("note for {period} is outside the plan's year {year}"), raw.period.span());
        return None;
    }
    if let Err(e) = crate::calendar::window(calendar, period, due_day) {
        checker.problem(format!("no report covers this note's period: {e}"), raw.period.span());
        return None;
    }
    let Some(kind) = NoteKind::parse(raw.kind.get_ref()) else {
        checker
            .problem(format!("unknown note kind `{}`", crate::text::clean(raw.kind.get_ref())), raw.kind.span())
            .help = Some(format!("use one of {}", NoteKind::KEYWORDS.join(", ")));
        return None;
    };
    if raw.text.get_ref().trim().is_empty() {
        checker.problem("the note's text is empty", raw.text.span());
        return None;
    }
    Some(Note { period, kind, text: raw.text.get_ref().clone() })
}

/// Turns byte offsets into line numbers. Tasks are met in file order, so the count of
/// line breaks goes on from the last offset asked; an earlier offset counts from the top.
pub(crate) struct LineIndex<'a> {
    text: &'a [u8],
    /// The last offset asked and its line.
    at: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineIndex { text: text.as_bytes(), at: std::cell::Cell::new((0, 1)) }
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (from, line) = match self.at.get() {
            (from, line) if from <= offset => (from, line),
            _ => (0, 1),
        };
        let line = line + count_newlines(&self.text[from..offset]);
        self.at.set((offset, line));
        line
    }
}

/// Counts line breaks 64 bytes at a time, in a form the compiler turns into vector code.
fn count_newlines(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(64);
    let mut n = 0;
    for chunk in &mut chunks {
        n += chunk.iter().map(|&b| u8::from(b == b'\n')).sum::<u8>() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod line_tests {
    use super::LineIndex;

    #[test]
    fn line_numbers_forward_and_back() {
        let lines = LineIndex::new("a\nbc\n\nd");
        let got: Vec<usize> = [0, 1, 2, 4, 5, 6, 7, 99, 3, 0].iter().map(|&o| lines.line(o)).collect();
        assert_eq!(got, [1, 1, 2, 2, 3, 4, 4, 4, 2, 1]);
        let long = "ab\n".repeat(100);
        let lines = LineIndex::new(&long);
        assert_eq!(lines.line(299), 100);
        assert_eq!(lines.line(300), 101);
        assert_eq!(lines.line(150), 51);
    }
}
