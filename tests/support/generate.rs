//! Generated plans for property tests: random owners, sections, tasks with dates,
//! recurrences, done marks, progress logs, measurements and a PAR Index tree, with
//! Vietnamese text in composed (NFC) and decomposed (NFD) forms and hostile characters
//! (terminal escapes, bidi overrides, quotes, TOML syntax, control characters).
//!
//! [`plan`] is the strategy; [`GenPlan::to_toml`] writes the file the way people do
//! (TOML dates or "30/5/2025" strings, basic, literal or multi-line strings, comments,
//! CRLF, a byte-order mark), always a *valid* plan: the property tests assert it loads.
//! Edit-sequence tests can pick tasks, owners and periods from the `GenPlan` itself.

use chrono::{Datelike, NaiveDate};
use par::period::{Every, Period};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone)]
pub struct GenPlan {
    pub unit: String,
    pub title: String,
    pub year: i32,
    pub lang: Option<&'static str>,
    pub superior: Option<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub signer: Option<(String, Option<String>)>,
    pub recipients: Vec<String>,
    /// `due_soon_days`, `within_days`.
    pub settings: Option<(i64, i64)>,
    pub bases: Vec<GenDoc>,
    pub owners: Vec<GenOwner>,
    pub sections: Vec<GenSection>,
    /// Criteria in file order, parents before their parts.
    pub index: Option<Vec<GenCriterion>>,
    pub tasks: Vec<GenTask>,
    pub layout: Layout,
}

/// How the file is written; none of it changes what it means.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub crlf: bool,
    pub bom: bool,
    pub comments: bool,
    /// Seeds the choice of string quoting and date form, value by value.
    pub style: u32,
}

#[derive(Debug, Clone)]
pub struct GenDoc {
    pub kind: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
}

#[derive(Debug, Clone)]
pub struct GenOwner {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
}

#[derive(Debug, Clone)]
pub struct GenSection {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub points: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct GenCriterion {
    pub code: String,
    pub title: String,
    /// Leaves always have one; parents leave it out (the sum of their parts).
    pub max: Option<f64>,
    pub last_year: Option<f64>,
    pub self_score: Option<f64>,
    pub survey: bool,
}

/// When a task is due.
#[derive(Debug, Clone)]
pub enum Timing {
    Once {
        start: Option<NaiveDate>,
        due: Option<NaiveDate>,
    },
    /// `keyword` is how the file writes the repeat ("mỗi quý", "quarterly"…).
    Every {
        every: Every,
        keyword: String,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        due_day: Option<u32>,
    },
    Ongoing {
        keyword: String,
        start: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone)]
pub struct GenDone {
    /// Set exactly when the task repeats.
    pub period: Option<Period>,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct GenLog {
    pub date: NaiveDate,
    pub text: String,
    pub period: Option<Period>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct GenIndicator {
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    pub at_most: bool,
    /// (date, value)
    pub measures: Vec<(NaiveDate, f64)>,
}

#[derive(Debug, Clone)]
pub struct GenTask {
    pub id: String,
    /// Index into `GenPlan::sections`.
    pub section: usize,
    pub title: String,
    pub detail: Option<String>,
    /// Index into `GenPlan::owners`.
    pub owner: Option<usize>,
    pub support: Vec<usize>,
    pub timing: Timing,
    pub result: Option<String>,
    /// Indexes into `GenPlan::index`.
    pub criteria: Vec<usize>,
    pub refs: Vec<GenDoc>,
    pub indicator: Option<GenIndicator>,
    pub done: Vec<GenDone>,
    pub log: Vec<GenLog>,
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

const WORDS: &[&str] = &[
    "Kế hoạch",
    "khắc phục",
    "cải thiện",
    "Chỉ số",
    "cải cách hành chính",
    "tiếp nhận",
    "xử lý",
    "phản ánh",
    "kiến nghị",
    "ý kiến",
    "người dân",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Văn thư",
    "Đường",
    "ĐỘC LẬP",
    "thư điện tử",
    "báo cáo",
    "quý III",
    "hằng tháng",
    "niêm yết",
    "công khai",
    "Ủy ban nhân dân",
    "Quận 1",
    "năm 2025",
    "task",
    "report",
    "PAR Index",
    "48/KH-NBK",
    "100%",
];

/// Characters and sequences a hostile or careless file may hold.
const HOSTILE: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[1;1H",
    "\u{9b}31m",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{7f}",
    "\r",
    "\n",
    "\t",
    "\r\n",
    "\"",
    "\\",
    "'",
    "'''",
    "\"\"\"",
    "#",
    "[[task]]",
    "= 1",
    "@",
    "{",
    "📋",
    "𝔸",
    "\u{301}",
    "i\u{307}",
    "İ",
    "ß",
    "ﬁ",
    "中文",
    "עברית",
];

/// A word, composed (NFC), decomposed (NFD) or without diacritics.
fn word() -> impl Strategy<Value = String> {
    (select(WORDS), 0..3u8).prop_map(|(w, form)| match form {
        0 => w.to_string(),
        1 => w.nfd().collect(),
        _ => par::text::fold(w),
    })
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![8 => word(), 2 => select(HOSTILE).prop_map(String::from), 1 => vec(0x20u8..0x7f, 0..8).prop_map(|b| String::from_utf8(b).expect("ASCII"))]
}

/// Text that starts with a word (so it is never blank) and may hold anything after.
pub fn text(most_pieces: usize) -> impl Strategy<Value = String> {
    (word(), vec(piece(), 0..most_pieces)).prop_map(|(first, rest)| {
        let mut s = first;
        for p in rest {
            s.push(' ');
            s.push_str(&p);
        }
        s
    })
}

/// Text for an id: a unique stem chosen by the caller plus, sometimes, a hostile or
/// non-ASCII tail (never white space or `@`, which ids refuse).
fn id_tail() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just(String::new()),
        1 => select(&["Đ", "ă", "\u{1b}[1m", "\u{202e}", "📋", "-x", "_b", "'", "\"", "#"][..]).prop_map(String::from),
    ]
}

// ---------------------------------------------------------------------------
// Dates and periods
// ---------------------------------------------------------------------------

/// A day in the plan year or the years around it; rarely the ends of the accepted range.
pub fn date(year: i32) -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year - 1, 1, 1).expect("valid year");
    prop_oneof![
        20 => (0i64..3 * 365).prop_map(move |d| first + chrono::Duration::days(d)),
        1 => Just(NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid")),
        1 => Just(NaiveDate::from_ymd_opt(2200, 12, 31).expect("valid")),
    ]
}

/// A day in the plan year or the years around it.
pub fn near_date(year: i32) -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year - 1, 1, 1).expect("valid year");
    (0i64..3 * 365).prop_map(move |d| first + chrono::Duration::days(d))
}

fn dates_in_order(year: i32) -> impl Strategy<Value = (Option<NaiveDate>, Option<NaiveDate>)> {
    (option::of(date(year)), option::of(date(year))).prop_map(|(a, b)| match (a, b) {
        (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
        x => x,
    })
}

fn every() -> impl Strategy<Value = (Every, &'static str)> {
    select(
        &[
            (Every::Month, "monthly"),
            (Every::Month, "hằng tháng"),
            (Every::Month, "moi thang"),
            (Every::Quarter, "quarterly"),
            (Every::Quarter, "mỗi quý"),
            (Every::Quarter, "HANG QUY"),
            (Every::Half, "half-yearly"),
            (Every::Half, "6 tháng"),
            (Every::Year, "yearly"),
            (Every::Year, "hằng năm"),
        ][..],
    )
}

fn timing(year: i32) -> impl Strategy<Value = Timing> {
    // Recurring tasks near the plan year: a monthly task from 1900 to 2200 is valid but
    // slow to list 64 times over, so the far ends are kept to one-off tasks.
    let near = move || option::of(near_date(year));
    prop_oneof![
        4 => dates_in_order(year).prop_map(|(start, due)| Timing::Once { start, due }),
        3 => (every(), near(), near(), option::of(1u32..=31)).prop_map(|((every, kw), a, b, due_day)| {
            let (start, end) = match (a, b) {
                (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
                x => x,
            };
            Timing::Every { every, keyword: kw.to_string(), start, end, due_day }
        }),
        1 => (select(&["ongoing", "thường xuyên", "thuong xuyen"][..]), option::of(date(year)))
            .prop_map(|(kw, start)| Timing::Ongoing { keyword: kw.to_string(), start }),
    ]
}

fn done_marks(year: i32, timing: &Timing) -> BoxedStrategy<Vec<GenDone>> {
    let mark = move |period: Option<Period>| {
        (date(year), option::of(text(4)), vec(text(3), 0..2)).prop_map(move |(date, note, evidence)| GenDone {
            period,
            date,
            note,
            evidence,
        })
    };
    match timing {
        Timing::Every { every, .. } => {
            let every = *every;
            vec((date(year), date(year), option::of(text(4)), vec(text(3), 0..2)), 0..5)
                .prop_map(move |marks| {
                    let mut out: Vec<GenDone> = Vec::new();
                    for (when, date, note, evidence) in marks {
                        let period = Period::containing(every, when);
                        if out.iter().all(|d| d.period != Some(period)) {
                            out.push(GenDone { period: Some(period), date, note, evidence });
                        }
                    }
                    out
                })
                .boxed()
        }
        _ => option::of(mark(None)).prop_map(|m| m.into_iter().collect()).boxed(),
    }
}

fn any_period(year: i32) -> impl Strategy<Value = Period> {
    (date(year), select(&[Every::Month, Every::Quarter, Every::Half, Every::Year][..]))
        .prop_map(|(d, e)| Period::containing(e, d))
}

fn log(year: i32) -> impl Strategy<Value = GenLog> {
    (date(year), text(10), option::of(any_period(year)), vec(text(3), 0..2))
        .prop_map(|(date, text, period, evidence)| GenLog { date, text, period, evidence })
}

fn indicator(year: i32) -> impl Strategy<Value = GenIndicator> {
    (
        text(3),
        option::of(select(&["%", "hồ sơ", "ngày", "\u{1b}[9m"][..])),
        0u32..200,
        any::<bool>(),
        vec((date(year), 0u32..400), 0..4),
    )
        .prop_map(|(name, unit, target, at_most, ms)| GenIndicator {
            name,
            unit: unit.map(String::from),
            target: f64::from(target) / 2.0,
            at_most,
            measures: ms.into_iter().map(|(d, v)| (d, f64::from(v) / 4.0)).collect(),
        })
}

fn doc(year: i32) -> impl Strategy<Value = GenDoc> {
    (text(2), option::of(text(1)), option::of(date(year)), option::of(text(3)), option::of(text(6)))
        .prop_map(|(kind, number, date, issuer, subject)| GenDoc { kind, number, date, issuer, subject })
}

// ---------------------------------------------------------------------------
// The index tree
// ---------------------------------------------------------------------------

/// A leaf's points: max in half points, last year and self score as quarters of it.
fn leaf() -> impl Strategy<Value = (f64, Option<f64>, Option<f64>, bool)> {
    (0u32..=20, option::of(0u32..=4), option::of(0u32..=4), prop::bool::weighted(0.15)).prop_map(
        |(m, ly, ss, survey)| {
            let max = f64::from(m) / 2.0;
            (max, ly.map(|q| max * f64::from(q) / 4.0), ss.map(|q| max * f64::from(q) / 4.0), survey)
        },
    )
}

fn index_tree() -> impl Strategy<Value = Vec<GenCriterion>> {
    // area → criteria → sub-criteria; an empty list of parts makes a leaf.
    let criterion = (text(3), leaf(), vec((text(3), leaf()), 0..3));
    vec((text(3), leaf(), vec(criterion, 0..4)), 1..4).prop_map(|areas| {
        let mut out = Vec::new();
        let node = |code: String, title: String, leaf: Option<(f64, Option<f64>, Option<f64>, bool)>| match leaf {
            Some((max, last_year, self_score, survey)) => {
                GenCriterion { code, title, max: Some(max), last_year, self_score, survey }
            }
            None => GenCriterion { code, title, max: None, last_year: None, self_score: None, survey: false },
        };
        for (a, (title, l, crits)) in areas.into_iter().enumerate() {
            let code = format!("{}", a + 1);
            out.push(node(code.clone(), title, crits.is_empty().then_some(l)));
            for (c, (title, l, subs)) in crits.into_iter().enumerate() {
                let ccode = format!("{code}.{}", c + 1);
                out.push(node(ccode.clone(), title, subs.is_empty().then_some(l)));
                for (s, (title, l)) in subs.into_iter().enumerate() {
                    out.push(node(format!("{ccode}.{}", s + 1), title, Some(l)));
                }
            }
        }
        out
    })
}

// ---------------------------------------------------------------------------
// Tasks and plans
// ---------------------------------------------------------------------------

/// One task, given the plan year and how many owners, sections and criteria there are.
pub fn task(year: i32, owners: usize, sections: usize, criteria: usize) -> impl Strategy<Value = GenTask> {
    let head = (
        0..sections,
        text(6),
        option::of(text(12)),
        option::of(0..owners),
        vec(0..owners, 0..3),
        timing(year),
        option::of(text(5)),
        vec(0..criteria.max(1), 0..if criteria > 0 { 3 } else { 1 }),
        id_tail(),
    );
    let tail = (vec(doc(year), 0..2), option::of(indicator(year)), vec(log(year), 0..3));
    (head, tail)
        .prop_flat_map(move |(head, tail)| {
            let done = done_marks(year, &head.5);
            (Just(head), Just(tail), done)
        })
        .prop_map(
            |(
                (section, title, detail, owner, support, timing, result, criteria, tail_id),
                (refs, indicator, log),
                done,
            )| {
                GenTask {
                    id: tail_id,
                    section,
                    title,
                    detail,
                    owner,
                    support,
                    timing,
                    result,
                    criteria,
                    refs,
                    indicator,
                    done,
                    log,
                }
            },
        )
}

fn layout() -> impl Strategy<Value = Layout> {
    (prop::bool::weighted(0.3), prop::bool::weighted(0.2), any::<bool>(), any::<u32>())
        .prop_map(|(crlf, bom, comments, style)| Layout { crlf, bom, comments, style })
}

/// A whole valid plan: 1–5 owners, 1–4 sections, up to `most_tasks` tasks, maybe an index.
pub fn plan_with(most_tasks: usize) -> impl Strategy<Value = GenPlan> {
    (2000i32..=2100, 1usize..=5, 1usize..=4, option::of(index_tree()))
        .prop_flat_map(move |(year, n_owners, n_sections, index)| {
            let n_criteria = index.as_ref().map_or(0, Vec::len);
            let owners = vec((id_tail(), text(4), option::of(text(2))), n_owners);
            let sections = vec((id_tail(), text(5), option::of(text(2)), vec(text(8), 0..2)), n_sections);
            let meta = (
                (text(4), text(10), option::of(select(&["vi", "en"][..]))),
                (option::of(text(4)), option::of(text(1)), option::of(date(year)), option::of(near_date(year))),
                (option::of((text(3), option::of(text(2)))), vec(text(3), 0..3)),
                option::of((0i64..=30, 0i64..=60)),
                vec(doc(year), 0..3),
            );
            let tasks = vec(task(year, n_owners, n_sections, n_criteria), 0..=most_tasks);
            (Just(year), Just(index), owners, sections, meta, tasks, layout())
        })
        .prop_map(|(year, index, owners, sections, meta, tasks, layout)| {
            let ((unit, title, lang), (superior, number, date, start), (signer, recipients), settings, bases) = meta;
            let owners = owners
                .into_iter()
                .enumerate()
                .map(|(i, (tail, name, name_en))| GenOwner { id: format!("o{}{tail}", i + 1), name, name_en })
                .collect();
            const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];
            let sections = sections
                .into_iter()
                .enumerate()
                .map(|(i, (tail, title, title_en, points))| GenSection {
                    id: format!("{}{tail}", ROMAN[i]),
                    title,
                    title_en,
                    points,
                })
                .collect();
            let tasks = tasks
                .into_iter()
                .enumerate()
                .map(|(i, mut t)| {
                    // Unique stems (case-insensitively too), in the document's numbering styles.
                    t.id = match i % 3 {
                        0 => format!("{}{}", i + 1, t.id),
                        1 => format!("{}.{}{}", ROMAN[t.section], i + 1, t.id),
                        _ => format!("N{}{}", i + 1, t.id),
                    };
                    t.support.sort_unstable();
                    t.support.dedup();
                    t
                })
                .collect();
            GenPlan {
                unit,
                title,
                year,
                lang,
                superior,
                number,
                date,
                start,
                signer,
                recipients,
                settings,
                bases,
                owners,
                sections,
                index,
                tasks,
                layout,
            }
        })
}

/// [`plan_with`] up to 12 tasks.
pub fn plan() -> impl Strategy<Value = GenPlan> {
    plan_with(12)
}

// ---------------------------------------------------------------------------
// Writing the file
// ---------------------------------------------------------------------------

struct Writer {
    out: String,
    style: u32,
    year: i32,
    comments: bool,
}

impl Writer {
    /// A per-value choice in 0..n, varying from value to value.
    fn pick(&mut self, number: u32) -> u32 {
        self.style = self.style.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (self.style >> 16) % number
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn comment(&mut self) {
        if self.comments && self.pick(3) == 0 {
            let c = ["# Ghi chú: ý kiến người dân", "#", "   # indented comment \"quoted\" [[task]]", ""];
            let k = self.pick(4) as usize;
            self.line(c[k]);
        }
    }

    fn key(&mut self, key: &str, value: String) {
        let pad = if self.pick(4) == 0 { " ".repeat(self.pick(6) as usize) } else { String::new() };
        let trailing = if self.comments && self.pick(5) == 0 { "   # chú thích" } else { "" };
        self.line(&format!("{key}{pad} = {value}{trailing}"));
    }

    fn str(&mut self, key: &str, value: &str) {
        let q = self.quote(value);
        self.key(key, q);
    }

    fn opt_str(&mut self, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            self.str(key, value);
        }
    }

    fn list(&mut self, key: &str, vs: &[String]) {
        if vs.is_empty() && self.pick(2) == 0 {
            return;
        }
        let items: Vec<String> = vs.iter().map(|v| self.quote(v)).collect();
        self.key(key, format!("[{}]", items.join(", ")));
    }

    fn date(&mut self, key: &str, date: NaiveDate) {
        let v = match self.pick(6) {
            0 | 1 => date.format("%Y-%m-%d").to_string(),
            2 => format!("\"{}\"", date.format("%Y-%m-%d")),
            3 => format!("\"{}/{}/{}\"", date.day(), date.month(), date.year()),
            4 => format!("\"{:02}/{:02}/{}\"", date.day(), date.month(), date.year()),
            _ => format!("\"{}.{}.{}\"", date.day(), date.month(), date.year()),
        };
        self.key(key, v);
    }

    fn opt_date(&mut self, key: &str, date: Option<NaiveDate>) {
        if let Some(date) = date {
            self.date(key, date);
        }
    }

    fn period(&mut self, key: &str, period: Period) {
        let short_ok = period.year() == self.year;
        let v = match (self.pick(4), period) {
            (1, Period::Quarter(y, q)) => format!("Q{q}/{y}"),
            (1, Period::Half(y, h)) => format!("H{h}/{y}"),
            (1, Period::Month(y, m)) => format!("M{m}/{y}"),
            (2, _) => period.to_string().to_lowercase(),
            (3, Period::Quarter(_, q)) if short_ok => {
                ["", "quý I", "quý II", "quý III", "quý IV"][q as usize].nfd().collect()
            }
            (3, Period::Month(_, m)) if short_ok => format!("tháng {m}"),
            (3, Period::Half(_, h)) if short_ok => format!("H{h}"),
            _ => period.to_string(),
        };
        let q = self.quote(&v);
        self.key(key, q);
    }

    fn num(&mut self, key: &str, x: f64) {
        // Whole numbers sometimes as integers: TOML floats and integers both read as points.
        let v = if x.fract() == 0.0 && self.pick(2) == 0 { format!("{}", x as i64) } else { format!("{x:?}") };
        self.key(key, v);
    }

    /// A TOML string holding exactly `text`: basic, literal or multi-line basic.
    fn quote(&mut self, text: &str) -> String {
        let literal_ok = !text.chars().any(|c| c == '\'' || c.is_control());
        match self.pick(4) {
            0 if literal_ok => format!("'{text}'"),
            1 => format!("\"\"\"{}\"\"\"", escape(text)),
            _ => format!("\"{}\"", escape(text)),
        }
    }
}

/// Escapes for a TOML basic string: quotes, backslashes and every control character.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

impl GenPlan {
    /// The plan as TOML text (LF line ends, no byte-order mark).
    pub fn to_toml(&self) -> String {
        let mut w =
            Writer { out: String::new(), style: self.layout.style, year: self.year, comments: self.layout.comments };
        if self.layout.comments {
            w.line("# KẾ HOẠCH — generated by the property tests");
            w.line("");
        }
        w.line("[plan]");
        w.str("unit", &self.unit);
        w.comment();
        w.str("title", &self.title);
        w.key("year", self.year.to_string());
        if let Some(l) = self.lang {
            w.str("lang", l);
        }
        w.opt_str("superior", &self.superior);
        w.opt_str("number", &self.number);
        w.opt_date("date", self.date);
        w.opt_date("start", self.start);
        if let Some((name, position)) = &self.signer {
            let name = w.quote(name);
            match position {
                Some(p) => {
                    let p = w.quote(p);
                    w.key("signer", format!("{{ name = {name}, position = {p} }}"));
                }
                None => w.key("signer", format!("{{ name = {name} }}")),
            }
        }
        w.list("recipients", &self.recipients);
        if let Some((soon, within)) = self.settings {
            w.line("");
            w.line("[settings]");
            w.key("due_soon_days", soon.to_string());
            w.key("within_days", within.to_string());
        }
        for b in &self.bases {
            w.line("");
            w.line("[[basis]]");
            write_doc(&mut w, b);
        }
        for o in &self.owners {
            w.line("");
            w.comment();
            w.line("[[owner]]");
            w.str("id", &o.id);
            w.str("name", &o.name);
            w.opt_str("name_en", &o.name_en);
        }
        for s in &self.sections {
            w.line("");
            w.line("[[section]]");
            w.str("id", &s.id);
            w.str("title", &s.title);
            w.opt_str("title_en", &s.title_en);
            w.list("points", &s.points);
        }
        if let Some(index) = &self.index {
            w.line("");
            w.line("[index]");
            for c in index {
                w.line("[[index.criterion]]");
                w.str("code", &c.code);
                w.str("title", &c.title);
                if let Some(m) = c.max {
                    w.num("max", m);
                }
                if let Some(x) = c.last_year {
                    w.num("last_year", x);
                }
                if let Some(x) = c.self_score {
                    w.num("self_score", x);
                }
                if c.survey {
                    w.key("survey", "true".into());
                }
            }
        }
        for t in &self.tasks {
            w.line("");
            w.comment();
            w.line("[[task]]");
            w.str("id", &t.id);
            w.str("section", &self.sections[t.section].id);
            w.str("title", &t.title);
            w.opt_str("detail", &t.detail);
            if let Some(o) = t.owner {
                w.str("owner", &self.owners[o].id);
            }
            let support: Vec<String> = t.support.iter().map(|&o| self.owners[o].id.clone()).collect();
            if !support.is_empty() {
                w.list("support", &support);
            }
            match &t.timing {
                Timing::Once { start, due } => {
                    w.opt_date("start", *start);
                    w.opt_date("due", *due);
                }
                Timing::Every { keyword, start, end, due_day, .. } => {
                    w.str("repeat", keyword);
                    w.opt_date("start", *start);
                    w.opt_date("end", *end);
                    if let Some(d) = due_day {
                        w.key("due_day", d.to_string());
                    }
                }
                Timing::Ongoing { keyword, start } => {
                    w.str("repeat", keyword);
                    w.opt_date("start", *start);
                }
            }
            w.opt_str("result", &t.result);
            if let Some(index) = &self.index {
                let codes: Vec<String> = t.criteria.iter().map(|&c| index[c].code.clone()).collect();
                if !codes.is_empty() {
                    w.list("criteria", &codes);
                }
            }
            for r in &t.refs {
                w.line("[[task.ref]]");
                write_doc(&mut w, r);
            }
            if let Some(ind) = &t.indicator {
                w.line("[task.indicator]");
                w.str("name", &ind.name);
                w.opt_str("unit", &ind.unit);
                w.num("target", ind.target);
                if ind.at_most {
                    let d = ["at-most", "tối đa", "at_most"][w.pick(3) as usize];
                    w.str("direction", d);
                }
                for (d, v) in &ind.measures {
                    w.line("[[task.measure]]");
                    w.num("value", *v);
                    w.date("date", *d);
                }
            }
            for d in &t.done {
                w.line("[[task.done]]");
                if let Some(p) = d.period {
                    w.period("period", p);
                }
                w.date("date", d.date);
                w.opt_str("note", &d.note);
                w.list("evidence", &d.evidence);
            }
            for l in &t.log {
                w.line("[[task.log]]");
                w.date("date", l.date);
                w.str("text", &l.text);
                if let Some(p) = l.period {
                    w.period("period", p);
                }
                w.list("evidence", &l.evidence);
            }
        }
        w.out
    }

    /// The file's bytes as saved: with CRLF line ends and a byte-order mark when the layout says so.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = self.to_toml();
        if self.layout.crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut bytes = if self.layout.bom { vec![0xEF, 0xBB, 0xBF] } else { Vec::new() };
        bytes.extend(text.into_bytes());
        bytes
    }

    /// The occurrence keys `par list --occurrences` should show for a task of this plan
    /// are computed by par; this gives the ids users type.
    pub fn task_ids(&self) -> Vec<&str> {
        self.tasks.iter().map(|t| t.id.as_str()).collect()
    }
}

fn write_doc(writer: &mut Writer, doc: &GenDoc) {
    writer.str("kind", &doc.kind);
    writer.opt_str("number", &doc.number);
    writer.opt_date("date", doc.date);
    writer.opt_str("issuer", &doc.issuer);
    writer.opt_str("subject", &doc.subject);
}
