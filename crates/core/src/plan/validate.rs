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
use crate::messages::Msg;
use crate::period::Period;
use crate::text::nearest;

use crate::dates::YEARS;

struct Checker {
    problems: Vec<Diagnostic>,
    /// The language problems are worded in: the output language (the plan that would
    /// name its own is what is being checked).
    lang: Lang,
}

/// What a date is, worded only when it is wrong (the check runs for every date of every
/// task): a phrase of the catalogue with the task's id, inside "the date of …" for a
/// document's date.
#[derive(Clone, Copy)]
pub(crate) struct What<'a> {
    msg: Msg,
    id: &'a str,
    document: bool,
}

impl<'a> What<'a> {
    pub(crate) fn of(msg: Msg, id: &'a str) -> Self {
        What { msg, id, document: false }
    }

    fn word(self, lang: Lang) -> String {
        let what = self.msg.fill(lang, &[("id", &self.id)]);
        if self.document { crate::say!(lang, WhatDocumentDate, what) } else { what }
    }
}

impl Checker {
    fn problem(&mut self, msg: impl Into<String>, span: Range<usize>) -> &mut Diagnostic {
        self.problems.push(Diagnostic::new(msg, Some(span)));
        self.problems.last_mut().expect("just pushed")
    }

    fn date(&mut self, raw: &Option<RawDate>, what: What) -> Option<NaiveDate> {
        raw.as_ref().and_then(|r| self.required_date(r, what))
    }

    fn required_date(&mut self, raw: &RawDate, what: What) -> Option<NaiveDate> {
        let parsed = match raw.get_ref() {
            toml::Value::Datetime(dt) => crate::dates::from_toml(dt),
            toml::Value::String(s) => crate::dates::parse_date(s),
            _ => None,
        };
        match parsed {
            Some(d) if YEARS.contains(&chrono::Datelike::year(&d)) => Some(d),
            Some(_) => {
                let (from, to, what) = (YEARS.start(), YEARS.end(), what.word(self.lang));
                self.problem(crate::say!(self.lang, PlanDateOutsideYears, what, from, to), raw.span());
                None
            }
            None => {
                let what = what.word(self.lang);
                self.problem(crate::say!(self.lang, PlanNotADate, what), raw.span()).help =
                    Some(crate::say!(self.lang, PlanNotADateHelp));
                None
            }
        }
    }

    fn reference(&mut self, id: &Text, index: &HashMap<String, usize>, what: Msg, known: &[&str]) -> Option<usize> {
        // Owner and section ids are keyed in NFC form, like task ids: a reference already
        // in NFC (nearly all) is found without normalising it.
        let id_text = id.get_ref().as_str();
        if let Some(&i) = index.get(id_text).or_else(|| index.get(crate::text::nfc(id_text).as_ref())) {
            return Some(i);
        }
        let near = nearest(id.get_ref(), known.iter().copied(), 1);
        let lang = self.lang;
        let d = self.problem(what.fill(lang, &[("id", &crate::text::clean(id.get_ref()))]), id.span());
        d.help = Some(match near.first() {
            Some(near) => crate::say!(lang, RefNearHelp, near),
            None => crate::say!(lang, RefKnownHelp, known = known.join(", ")),
        });
        None
    }

    fn document(&mut self, raw: &RawDocument, what: What) -> Document {
        Document {
            kind: raw.kind.get_ref().clone(),
            number: raw.number.clone(),
            date: self.date(&raw.date, What { document: true, ..what }),
            issuer: raw.issuer.clone(),
            subject: raw.subject.clone(),
        }
    }
}

impl super::history::Check for Checker {
    fn problem_at(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    fn date_of(&mut self, raw: &RawDate, what: Msg, id: &str) -> Option<NaiveDate> {
        self.required_date(raw, What::of(what, id))
    }
}

/// Checks a parsed file. Returns the plan, or every problem found.
///
/// The phases run in the file's order of tables, and each reports as it goes: problems
/// found at the same place stay in the order they are found (the sort below is stable).
pub fn validate(raw: RawPlan, text: &str, external_index: Option<Index>) -> Result<Plan, Vec<Diagnostic>> {
    validate_on(raw, text, external_index, None)
}

/// [`validate`], checking a large plan's tasks on at most `threads` threads (`None`: as
/// many as the machine has, up to [`MAX_THREADS`]).
fn validate_on(
    raw: RawPlan,
    text: &str,
    external_index: Option<Index>,
    threads: Option<usize>,
) -> Result<Plan, Vec<Diagnostic>> {
    let mut c = Checker { problems: Vec::new(), lang: crate::messages::output_lang() };
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
    let bases = raw.basis.iter().map(|b| c.document(b, What::of(Msg::WhatBasis, ""))).collect();
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
    let runs: Vec<_> = raw.task.into_iter().chain(raw.task_runs).collect();
    let has_tasks = runs.iter().any(|r| !r.is_empty());
    let tasks = tasks(&mut c, runs, text, &names, threads);
    if has_tasks && sections.is_empty() {
        c.problems.push(
            Diagnostic::new(crate::say!(c.lang, TasksWithoutSections), None)
                .help(crate::say!(c.lang, TasksWithoutSectionsHelp)),
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
        let (from, to) = (YEARS.start(), YEARS.end());
        checker.problem(crate::say!(checker.lang, PlanYearOutOfRange, from, to), raw.year.span());
        YEARS.start().to_owned()
    };
    let lang = raw.lang.as_ref().and_then(|l| {
        let parsed = Lang::parse(l.get_ref());
        if parsed.is_none() {
            let typed = crate::text::clean(l.get_ref());
            checker.problem(crate::say!(checker.lang, UnknownPlanLang, typed), l.span()).help =
                Some(crate::say!(checker.lang, UnknownPlanLangHelp));
        }
        parsed
    });
    if raw.unit.get_ref().trim().is_empty() {
        checker.problem(crate::say!(checker.lang, PlanUnitEmpty), raw.unit.span());
    }
    let meta = Meta {
        unit: raw.unit.get_ref().clone(),
        unit_short: raw.unit_short.clone(),
        superior: raw.superior.clone(),
        kind: raw.kind.clone(),
        number: raw.number.clone(),
        date: checker.date(&raw.date, What::of(Msg::WhatPlanDate, "")),
        start: checker.date(&raw.start, What::of(Msg::WhatPlanStart, "")),
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
                checker.problem(crate::say!(checker.lang, DaysOutOfRange, key = what), v.span());
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
            checker.problem(crate::say!(checker.lang, OwnerIdEmpty), o.id.span());
        } else if owner_index.insert(crate::text::nfc(id).into_owned(), owners.len()).is_some() {
            checker.problem(crate::say!(checker.lang, OwnerDefinedTwice, id = crate::text::clean(id)), o.id.span());
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
            checker.problem(crate::say!(checker.lang, SectionDefinedTwice, id = crate::text::clean(id)), s.id.span());
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

/// The `[[task]]` tables, in the file's order (in the runs the parser read them in). Ids
/// are checked first, each against those before it; then each task on its own, on several
/// threads for a large plan (the problems come out in the same order as when one thread
/// checks id and task one after the other).
fn tasks(
    checker: &mut Checker,
    mut runs: Vec<Vec<Spanned<RawTask>>>,
    text: &str,
    names: &Names,
    threads: Option<usize>,
) -> Vec<Task> {
    let n: usize = runs.iter().map(Vec::len).sum();
    let lang = checker.lang;
    // Each task id (in NFC form, lower case) → where it is written and its task's index.
    let mut task_index: HashMap<String, (Range<usize>, usize)> = HashMap::with_capacity(n);
    let line_of = LineIndex::new(text);
    let mut lines = Vec::with_capacity(n);
    // The problems of task i's id are `ids.problems[id_from[i]..id_from[i + 1]]`.
    let mut ids = Checker { problems: Vec::new(), lang };
    let mut id_from = Vec::with_capacity(n + 1);
    let mut written: Vec<&str> = Vec::with_capacity(n);
    for spanned in runs.iter().flatten() {
        lines.push(line_of.line(spanned.span().start));
        id_from.push(ids.problems.len());
        task_id(&mut ids, &spanned.get_ref().id, &mut task_index, &written, &line_of);
        written.push(spanned.get_ref().id.get_ref());
    }
    id_from.push(ids.problems.len());
    drop(written);

    // Tasks are taken apart, their text moved into the model rather than copied. `room`:
    // the tasks the vector is made for (the first chunk's holds every chunk's).
    let check_chunk = |chunk: &mut [Spanned<RawTask>], lines: &[usize], room: usize| {
        let mut c = Checker { problems: Vec::new(), lang };
        let mut from = Vec::with_capacity(chunk.len());
        let mut tasks: Vec<Task> = Vec::with_capacity(room);
        for (spanned, &line) in chunk.iter_mut().zip(lines) {
            from.push(c.problems.len());
            let t = spanned.get_mut();
            let as_written = t.model_as_written();
            tasks.push(task(&mut c, t, names, Task { line, ..as_written }));
        }
        (tasks, c.problems, from)
    };
    // Small plans, the usual case, without asking how many cores there are.
    let threads = match threads {
        _ if n < PARALLEL_TASKS => 1,
        Some(t) => t.max(1),
        None => std::thread::available_parallelism().map_or(1, |t| t.get()).min(MAX_THREADS),
    };
    // About one chunk a thread: a run is cut into its share of them.
    let mut chunks = Vec::new();
    let mut at = 0;
    for run in runs.iter_mut().filter(|r| !r.is_empty()) {
        let parts = ((run.len() * threads + n / 2) / n.max(1)).max(1);
        let size = run.len().div_ceil(parts);
        for chunk in run.chunks_mut(size) {
            let len = chunk.len();
            chunks.push((chunk, &lines[at..at + len]));
            at += len;
        }
    }
    let mut chunks = chunks.into_iter();
    let checked = match chunks.next() {
        None => Vec::new(),
        Some((first, first_lines)) => std::thread::scope(|s| {
            let others: Vec<_> = chunks.map(|(c, l)| s.spawn(move || check_chunk(c, l, c.len()))).collect();
            let mut checked = vec![check_chunk(first, first_lines, n)];
            for h in others {
                checked.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            checked
        }),
    };

    // Task by task: the problems of its id, then those of the rest of it.
    let mut checked = checked.into_iter();
    let Some((mut tasks, first_problems, first_from)) = checked.next() else { return Vec::new() };
    let mut at = 0;
    let mut merge = |problems: Vec<Diagnostic>, from: Vec<usize>| {
        let total = problems.len();
        let mut problems = problems.into_iter();
        for (k, &start) in from.iter().enumerate() {
            let end = from.get(k + 1).copied().unwrap_or(total);
            checker.problems.extend(ids.problems[id_from[at]..id_from[at + 1]].iter().cloned());
            checker.problems.extend(problems.by_ref().take(end - start));
            at += 1;
        }
    };
    merge(first_problems, first_from);
    for (more, problems, from) in checked {
        tasks.extend(more);
        merge(problems, from);
    }
    tasks
}

/// From this many tasks, a plan's tasks are checked on several threads.
const PARALLEL_TASKS: usize = 2_000;

/// At most this many threads check tasks.
const MAX_THREADS: usize = 4;

/// A task's id: well formed, and not another task's. `before`: the ids of the tasks before it.
fn task_id(
    checker: &mut Checker,
    raw_id: &Text,
    task_index: &mut HashMap<String, (Range<usize>, usize)>,
    before: &[&str],
    line_of: &LineIndex,
) {
    let id = raw_id.get_ref();
    if id.trim().is_empty() || id.chars().any(|ch| ch.is_whitespace() || ch == '@') {
        let lang = checker.lang;
        checker.problem(crate::say!(lang, BadTaskId, id = crate::text::clean(id)), raw_id.span()).help =
            Some(crate::say!(lang, BadTaskIdHelp));
    }
    // Ids are compared in NFC form and ignoring case, as `par` finds them when typed.
    if let Some((first, k)) = task_index.insert(crate::text::nfc(id).to_lowercase(), (raw_id.span(), before.len())) {
        let (line, lang) = (line_of.line(first.start), checker.lang);
        let (msg, help) = if before[k].to_lowercase() == id.to_lowercase() {
            (crate::say!(lang, DuplicateTaskId, id, line), crate::say!(lang, DuplicateTaskIdHelp))
        } else {
            (crate::say!(lang, DuplicateTaskIdForm, id, line), crate::say!(lang, DuplicateTaskIdFormHelp))
        };
        let d = checker.problem(msg, raw_id.span());
        d.help = Some(help);
        d.first = Some(first);
    }
}

/// Checks one task (its id is checked already) into `task`, which holds what the model
/// takes as written.
fn task(checker: &mut Checker, raw: &mut RawTask, names: &Names, task: Task) -> Task {
    let id = raw.id.get_ref();
    if raw.title.get_ref().trim().is_empty() {
        checker.problem(crate::say!(checker.lang, TaskTitleEmptyInPlan, id), raw.title.span());
    }
    let section =
        checker.reference(&raw.section, &names.section_index, Msg::UnknownSectionRef, &names.section_ids).unwrap_or(0);
    let owner = raw
        .owner
        .as_ref()
        .and_then(|o| checker.reference(o, &names.owner_index, Msg::UnknownOwnerRef, &names.owner_ids));
    let support = raw
        .support
        .iter()
        .filter_map(|o| checker.reference(o, &names.owner_index, Msg::UnknownOwnerRef, &names.owner_ids))
        .collect();
    let when = when(checker, raw);
    let refs = raw.refs.iter().map(|r| checker.document(r, What::of(Msg::WhatTaskReference, id))).collect();
    let criteria = raw
        .criteria
        .iter()
        .filter_map(|code| {
            if !names.has_index {
                let (lang, code_text) = (checker.lang, crate::text::clean(code.get_ref()));
                checker.problem(crate::say!(lang, CriterionWithoutIndex, id, code = code_text), code.span()).help =
                    Some(crate::say!(lang, CriterionWithoutIndexHelp));
                return None;
            }
            checker.reference(code, &names.criterion_index, Msg::UnknownCriterionRef, &names.criterion_codes)
        })
        .collect();
    let indicator = raw.indicator.as_ref().map(|ind| indicator(checker, ind));
    let measures = measures(checker, id, &raw.measure, indicator.is_some(), when.repeat, names.year);
    let done = done_marks(checker, id, std::mem::take(&mut raw.done), &when, names.year);
    let log = log(checker, id, std::mem::take(&mut raw.log), names.year);
    let added = checker.date(&raw.added, What::of(Msg::WhatTaskAdded, id));
    let cancelled = super::history::cancelled(checker, raw.cancelled.as_ref(), id);
    Task {
        id: std::mem::take(raw.id.get_mut()),
        section,
        title: std::mem::take(raw.title.get_mut()),
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
    let lang = checker.lang;
    let start = checker.date(&task.start, What::of(Msg::WhatTaskStart, id));
    let due = checker.date(&task.due, What::of(Msg::WhatTaskDue, id));
    let end = checker.date(&task.end, What::of(Msg::WhatTaskEnd, id));
    let repeat_known = task.repeat.as_ref().is_none_or(|r| Repeat::parse(r.get_ref()).is_some());
    let repeat = match &task.repeat {
        None => Repeat::Once,
        Some(r) => Repeat::parse(r.get_ref()).unwrap_or_else(|| {
            let typed = crate::text::clean(r.get_ref());
            checker.problem(crate::say!(lang, UnknownRepeatInPlan, typed), r.span()).help =
                Some(crate::say!(lang, UnknownRepeatHelp, keywords = Repeat::KEYWORDS.join(", ")));
            Repeat::Once
        }),
    };
    if let (Some(s), Some(d), Some(raw_due)) = (start, due, &task.due)
        && d < s
    {
        let (due, start) = (crate::dates::short(d), crate::dates::short(s));
        checker.problem(crate::say!(lang, DueBeforeStart, id, due, start), raw_due.span());
    }
    if let (Some(s), Some(e), Some(raw_end)) = (start, end, &task.end)
        && e < s
    {
        let (end, start) = (crate::dates::short(e), crate::dates::short(s));
        checker.problem(crate::say!(lang, EndBeforeStart, id, end, start), raw_end.span());
    }
    if let (Repeat::Every(_) | Repeat::Ongoing, Some(raw_due)) = (repeat, &task.due) {
        checker.problem(crate::say!(lang, RepeatsWithDue, id), raw_due.span()).help =
            Some(crate::say!(lang, RepeatsWithDueHelp));
    }
    let due_day = match (&task.due_day, repeat) {
        (None, _) => None,
        (Some(dd), Repeat::Every(_)) if (1..=31).contains(dd.get_ref()) => Some(*dd.get_ref() as u32),
        (Some(dd), Repeat::Every(_)) => {
            checker.problem(crate::say!(lang, DayOfMonthRange, key = "due_day"), dd.span());
            None
        }
        (Some(dd), _) => {
            checker.problem(crate::say!(lang, DueDayWithoutRepeat, id), dd.span()).help =
                Some(crate::say!(lang, DueDayWithoutRepeatHelp));
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
            checker.problem(crate::say!(checker.lang, UnknownDirection), span).help =
                Some(crate::say!(checker.lang, UnknownDirectionHelp));
            Direction::AtLeast
        }
    };
    if !ind.target.get_ref().is_finite() {
        checker.problem(crate::say!(checker.lang, TargetNotANumber), ind.target.span());
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
    let lang = checker.lang;
    for m in raw {
        if !has_indicator {
            checker.problem(crate::say!(lang, MeasureWithoutIndicator, id), m.value.span()).help =
                Some(crate::say!(lang, MeasureWithoutIndicatorHelp));
        }
        if !m.value.get_ref().is_finite() {
            checker.problem(crate::say!(lang, MeasureNotFinite), m.value.span());
        }
        let date = checker.required_date(&m.date, What::of(Msg::WhatMeasureDate, id));
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
                    checker.problem(crate::say!(lang, TaskHasNoSuchPeriod, id, period), p.span()).help =
                        Some(crate::say!(lang, TaskHasNoSuchPeriodHelp, id, repeat = repeat.keyword(), year));
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
    let lang = checker.lang;
    for d in raw {
        let date = checker.required_date(&d.date, What::of(Msg::WhatDoneDate, id));
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
                    let repeat = repeat.keyword();
                    checker.problem(crate::say!(lang, DonePeriodWrongKind, id, repeat, period = p), span);
                }
                Some(p)
            }
            (Repeat::Every(every), None, None) => {
                let example =
                    date.map(|dt| Period::containing(every, dt).to_string()).unwrap_or_else(|| format!("{year}-Q1"));
                checker
                    .problem(crate::say!(lang, DoneNeedsPeriod, id, repeat = repeat.keyword()), d.date.span())
                    .help = Some(crate::say!(lang, DoneNeedsPeriodHelp, example));
                None
            }
            (_, Some((_, span)), _) => {
                checker.problem(crate::say!(lang, DonePeriodWithoutRepeat, id), span);
                None
            }
            _ => None,
        };
        if let Some(date) = date {
            if done.iter().any(|prev| prev.period == period) {
                let message = match period {
                    Some(period) => crate::say!(lang, DoneTwiceFor, id, period),
                    None => crate::say!(lang, DoneTwice, id),
                };
                checker.problem(message, d.date.span()).help = Some(crate::say!(lang, DoneTwiceHelp));
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
        let date = checker.required_date(&l.date, What::of(Msg::WhatLogDate, id));
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
            let (lang, typed) = (checker.lang, crate::text::clean(name.get_ref()));
            checker.problem(crate::say!(lang, UnknownCalendar, typed), name.span()).help =
                Some(crate::say!(lang, UnknownCalendarHelp, keywords = Calendar::KEYWORDS.join(", ")));
            Calendar::default()
        }),
    };
    let due_day = raw.due_day.as_ref().and_then(|dd| {
        if (1..=31).contains(dd.get_ref()) {
            Some(*dd.get_ref() as u32)
        } else {
            checker.problem(crate::say!(checker.lang, DayOfMonthRange, key = "[report] due_day"), dd.span());
            None
        }
    });
    let lang = checker.lang;
    let due_day = due_day.filter(|&day| coherent_due_day(checker, raw, calendar, day, year, lang));
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
            checker.problem(crate::say!(lang, ProposalOutsideYear, period, year), p.period.span());
            continue;
        }
        if let Err(reason) = window(calendar, period, due_day) {
            checker.problem(crate::say!(lang, NoReportForProposal, reason), p.period.span());
            continue;
        }
        if p.text.get_ref().trim().is_empty() {
            checker.problem(crate::say!(lang, ProposalEmpty), p.text.span());
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
    let message = crate::say!(lang, DueDayBeforeClose, day, label, due, to);
    let help = match calendar {
        Calendar::Calendar => crate::say!(lang, DueDayBeforeCloseCalendarHelp),
        Calendar::Decree09 | Calendar::Cchc => crate::say!(lang, DueDayBeforeCloseCutoffHelp),
    };
    checker.problem(message, span).help = Some(help);
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
        let (lang, typed) = (checker.lang, crate::text::clean(word.get_ref()));
        checker.problem(crate::say!(lang, UnknownUnitKind, typed), word.span()).help =
            Some(crate::say!(lang, UseOneOf, keywords = UnitKind::KEYWORDS.join(", ")));
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
    let lang = checker.lang;
    if period.year() != year {
        checker.problem(crate::say!(lang, NoteOutsideYear, period, year), raw.period.span());
        return None;
    }
    if let Err(reason) = crate::calendar::window(calendar, period, due_day) {
        checker.problem(crate::say!(lang, NoReportForNote, reason), raw.period.span());
        return None;
    }
    let Some(kind) = NoteKind::parse(raw.kind.get_ref()) else {
        let typed = crate::text::clean(raw.kind.get_ref());
        checker.problem(crate::say!(lang, UnknownNoteKind, typed), raw.kind.span()).help =
            Some(crate::say!(lang, UseOneOf, keywords = NoteKind::KEYWORDS.join(", ")));
        return None;
    };
    if raw.text.get_ref().trim().is_empty() {
        checker.problem(crate::say!(lang, NoteEmpty), raw.text.span());
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

#[cfg(test)]
mod parallel_tests {
    use super::*;

    /// A plan of `n` tasks; with `problems`, one in seven has a problem or two: an id used
    /// twice (alike or in another case), an unknown owner, a wrong date, an empty title, a
    /// bad id. Every task has a log entry and a done mark, for the moved parts to be checked.
    fn plan(n: usize, problems: bool) -> String {
        let mut t = String::from(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n\n[[owner]]\nid = \"vp\"\nname = \"VP\"\n\n[[section]]\nid = \"I\"\ntitle = \"S\"\n",
        );
        for i in 0..n {
            let (id, owner, due, title) = match i % 7 {
                _ if !problems => (format!("{i}"), "vp", "2025-06-30", "Việc"),
                1 => (format!("{}", i - 1), "vp", "2025-06-30", "Việc"),
                2 => (format!("T{i}"), "vq", "2025-06-30", "Việc"),
                3 => (format!("t{}", i - 1), "vp", "2025-13-01", "Việc"),
                4 => (format!("{i}"), "vp", "31/02/2025", ""),
                5 => (format!("x @{i}"), "nobody", "2025-06-30", "Việc"),
                _ => (format!("{i}"), "vp", "2025-06-30", "Việc"),
            };
            t.push_str(&format!(
                "\n[[task]]\nid = \"{id}\"\nsection = \"I\"\ntitle = \"{title} {i}\"\ndetail = \"Chi tiết {i}\"\n\
                 owner = \"{owner}\"\ndue = \"{due}\"\n\
                 [[task.log]]\ndate = 2025-03-0{}\ntext = \"Ghi {i}\"\n\
                 [[task.done]]\ndate = 2025-05-0{}\n",
                i % 9 + 1,
                i % 9 + 1
            ));
        }
        t
    }

    fn checked(text: &str, threads: usize) -> Result<Plan, Vec<Diagnostic>> {
        let raw = crate::plan::pieces::from_str(text).map_err(|_| Vec::new())?;
        validate_on(raw, text, None, Some(threads))
    }

    #[test]
    fn threads_find_the_same_problems_in_the_same_order() {
        let text = plan(PARALLEL_TASKS + 333, true);
        let words = |d: Result<Plan, Vec<Diagnostic>>| -> Vec<String> {
            d.err().unwrap_or_default().iter().map(|d| format!("{d:?}")).collect()
        };
        let one = words(checked(&text, 1));
        assert!(one.len() > PARALLEL_TASKS / 7, "{} problems", one.len());
        for threads in [2, 3, 4] {
            assert!(words(checked(&text, threads)) == one, "{threads} threads find other problems");
        }
    }

    #[test]
    fn threads_build_the_same_tasks() {
        let text = plan(PARALLEL_TASKS + 333, false);
        let tasks = |threads| checked(&text, threads).map(|p| format!("{:?}", p.tasks)).map_err(|e| e.len());
        let one = tasks(1);
        assert!(
            one.as_ref().is_ok_and(|t| t.contains("Ghi 2332") && t.contains("Chi tiết 7")),
            "{:?}",
            one.as_ref().err()
        );
        for threads in [2, 3] {
            assert!(tasks(threads) == one, "{threads} threads build other tasks");
        }
    }
}
