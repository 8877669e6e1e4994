//! The checked plan: what every computation and renderer works on. Cross-references
//! (owners, sections) are resolved to indexes, dates are real dates.

use chrono::NaiveDate;
use serde::Serialize;

use crate::i18n::Lang;
use crate::period::{Every, Period};

#[derive(Debug, Clone)]
pub struct Plan {
    pub meta: Meta,
    pub settings: Settings,
    pub bases: Vec<Document>,
    pub owners: Vec<Owner>,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    pub index: Option<Index>,
    pub report: ReportSettings,
    /// `[[assess.score]]` and `[[assess.na]]`: the self-assessment (issue #16).
    pub assess: super::sets::Assessment,
}

/// The PAR Index tree, nodes in file order; parents before their children.
#[derive(Debug, Clone)]
pub struct Index {
    pub name: Option<String>,
    pub nodes: Vec<Criterion>,
    /// What the criteria set is (official, illustrative, structure), where it comes from.
    pub set: super::sets::SetInfo,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub code: String,
    pub title: String,
    pub title_en: Option<String>,
    /// Maximum points (for a parent: given, or the sum of its children).
    pub max: f64,
    pub last_year: Option<f64>,
    pub self_score: Option<f64>,
    pub survey: bool,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// How the set says it is scored (`survey` is `scoring == Survey`).
    pub scoring: crate::compute::assess_table::Scoring,
}

impl Criterion {
    pub fn display(&self, lang: Lang) -> &str {
        match (lang, &self.title_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }

    /// 1 for an area, 2 for a criterion, 3 for a sub-criterion…
    pub fn depth(&self) -> usize {
        self.code.split('.').count()
    }
}

/// Whether a higher or a lower measurement is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    pub direction: Direction,
}

impl Indicator {
    pub fn met(&self, value: f64) -> bool {
        match self.direction {
            Direction::AtLeast => value >= self.target,
            Direction::AtMost => value <= self.target,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    pub period: Option<Period>,
    pub value: f64,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub by: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Meta {
    pub unit: String,
    pub unit_short: Option<String>,
    pub superior: Option<String>,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub title: String,
    pub year: i32,
    pub place: Option<String>,
    pub lang: Option<Lang>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
    /// `[[plan.change]]`, by date (see [`super::history`]).
    pub changes: Vec<super::history::Change>,
    /// `[plan] unit_kind`: decides the report's heading.
    pub unit_kind: UnitKind,
    /// `[plan] code`: the unit's code in the district's roster.
    pub code: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signer {
    pub name: String,
    pub position: Option<String>,
    pub authority: Option<String>,
    /// Lines above the position ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capacity: Vec<String>,
}

/// The kind of unit (`[plan] unit_kind`): a school or office under a superior body, a
/// ward's or commune's People's Committee (no superior line in the heading), a department.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    #[default]
    School,
    Ward,
    Commune,
    Department,
    Office,
}

impl UnitKind {
    pub const KEYWORDS: [&'static str; 5] = ["school", "ward", "commune", "department", "office"];

    pub fn parse(word: &str) -> Option<UnitKind> {
        Some(match word.trim().to_ascii_lowercase().as_str() {
            "school" => UnitKind::School,
            "ward" => UnitKind::Ward,
            "commune" => UnitKind::Commune,
            "department" => UnitKind::Department,
            "office" => UnitKind::Office,
            _ => return None,
        })
    }

    /// The keyword written in the plan: "school", "ward", …
    pub fn keyword(self) -> &'static str {
        Self::KEYWORDS[self as usize]
    }

    /// A People's Committee: headed "ỦY BAN NHÂN DÂN" over its place, with no superior line.
    pub fn is_committee(self) -> bool {
        matches!(self, UnitKind::Ward | UnitKind::Commune)
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// "Sắp đến hạn": open items with at most this many days left.
    pub due_soon_days: i64,
    /// Default horizon of the "due within" list of `par status`.
    pub within_days: i64,
    /// Default author of entries written by `par`.
    pub by: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { due_soon_days: 3, within_days: 14, by: None }
    }
}

/// `[report]`: how `par report` words and dates the periodic report.
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    pub calendar: crate::calendar::Calendar,
    /// Day of the period's last month the report is due (default: the calendar's).
    pub due_day: Option<u32>,
    pub superior: Option<String>,
    /// Addressee ("Kính gửi").
    pub to: Option<String>,
    pub recipients: Option<Vec<String>>,
    pub place: Option<String>,
    pub number: Option<String>,
    pub subject: Option<String>,
    pub signer: Option<Signer>,
    pub proposals: Vec<Proposal>,
    /// Folder of the copies of sent reports, relative to the plan's folder.
    pub folder: Option<String>,
    /// `[[report.sent]]`, in the file's order.
    pub sent: Vec<super::history::Sent>,
    /// `[[report.note]]`, in file order.
    pub notes: Vec<Note>,
}

/// What a note of the officer says, and where it goes in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Đánh giá chung: in I. Results.
    Assessment,
    /// Nguyên nhân: in II. Shortcomings and causes.
    Cause,
    /// Phương hướng: in III. Direction for the next period.
    Direction,
    /// Đề xuất, kiến nghị: IV. Proposals.
    Proposal,
}

impl NoteKind {
    pub const ALL: [NoteKind; 4] = [NoteKind::Assessment, NoteKind::Cause, NoteKind::Direction, NoteKind::Proposal];
    pub const KEYWORDS: [&'static str; 4] = ["assessment", "cause", "direction", "proposal"];

    pub fn parse(word: &str) -> Option<NoteKind> {
        let i = Self::KEYWORDS.iter().position(|k| k.eq_ignore_ascii_case(word.trim()))?;
        Some(Self::ALL[i])
    }

    pub fn keyword(self) -> &'static str {
        Self::KEYWORDS[self as usize]
    }

    /// "Đánh giá chung" / "Overall assessment".
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NoteKind::Assessment => lang.pick("Đánh giá chung", "Overall assessment"),
            NoteKind::Cause => lang.pick("Nguyên nhân", "Causes"),
            NoteKind::Direction => lang.pick("Phương hướng, nhiệm vụ kỳ tới", "Direction for the next period"),
            NoteKind::Proposal => lang.pick("Đề xuất, kiến nghị", "Proposals"),
        }
    }
}

/// A note of the officer for one reporting period (`[[report.note]]`).
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub period: Period,
    pub kind: NoteKind,
    pub text: String,
}

/// A proposal (đề xuất, kiến nghị) to print in the report of one period.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub period: Period,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub kind: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Owner {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub note: Option<String>,
}

impl Owner {
    pub fn display(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub points: Vec<String>,
}

impl Section {
    pub fn display(&self, lang: Lang) -> &str {
        match (lang, &self.title_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }
}

/// How a task comes round: once, every period, or as an ongoing duty without a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Repeat {
    #[default]
    Once,
    Every(Every),
    Ongoing,
}

impl Repeat {
    /// Accepts the English keywords and the Vietnamese wording of plans
    /// ("mỗi quý", "hằng tháng", "thường xuyên"), with or without diacritics.
    pub fn parse(text: &str) -> Option<Repeat> {
        // The keywords exactly as `keyword()` writes them (most files, and `par list`
        // rows) need no folding.
        if let Some(r) = Self::ALL.into_iter().find(|r| r.keyword() == text) {
            return Some(r);
        }
        let f = crate::text::fold(text);
        Some(match f.as_str() {
            "once" | "one-off" | "mot lan" => Repeat::Once,
            "monthly" | "month" | "hang thang" | "moi thang" => Repeat::Every(Every::Month),
            "quarterly" | "quarter" | "hang quy" | "moi quy" | "dinh ky" => Repeat::Every(Every::Quarter),
            "half-yearly" | "half" | "6 thang" | "sau thang" => Repeat::Every(Every::Half),
            "yearly" | "year" | "annual" | "hang nam" | "moi nam" => Repeat::Every(Every::Year),
            "ongoing" | "continuous" | "thuong xuyen" => Repeat::Ongoing,
            _ => return None,
        })
    }

    const ALL: [Repeat; 6] = [
        Repeat::Once,
        Repeat::Every(Every::Month),
        Repeat::Every(Every::Quarter),
        Repeat::Every(Every::Half),
        Repeat::Every(Every::Year),
        Repeat::Ongoing,
    ];

    pub const KEYWORDS: &'static [&'static str] = &["once", "monthly", "quarterly", "half-yearly", "yearly", "ongoing"];

    pub fn keyword(self) -> &'static str {
        match self {
            Repeat::Once => "once",
            Repeat::Every(Every::Month) => "monthly",
            Repeat::Every(Every::Quarter) => "quarterly",
            Repeat::Every(Every::Half) => "half-yearly",
            Repeat::Every(Every::Year) => "yearly",
            Repeat::Ongoing => "ongoing",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Repeat::Once => lang.pick("một lần", "once"),
            Repeat::Every(Every::Month) => lang.pick("hằng tháng", "monthly"),
            Repeat::Every(Every::Quarter) => lang.pick("hằng quý", "quarterly"),
            Repeat::Every(Every::Half) => lang.pick("6 tháng", "half-yearly"),
            Repeat::Every(Every::Year) => lang.pick("hằng năm", "yearly"),
            Repeat::Ongoing => lang.pick("thường xuyên", "ongoing"),
        }
    }
}

/// A checked task. `Default` only for [`super::schema::RawTask::model_as_written`], which
/// moves in the keys taken as written before the checks set the rest.
#[derive(Debug, Clone, Default)]
pub struct Task {
    pub id: String,
    /// Index into `Plan::sections`.
    pub section: usize,
    pub title: String,
    pub detail: Option<String>,
    /// Index into `Plan::owners` of the primary (chủ trì) owner.
    pub owner: Option<usize>,
    /// Supporting (phối hợp) owners.
    pub support: Vec<usize>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub repeat: Repeat,
    /// For recurring tasks: the day of the period's last month the occurrence is due.
    pub due_day: Option<u32>,
    pub result: Option<String>,
    pub refs: Vec<Document>,
    /// Indexes into `Plan::index` nodes of the criteria this task remedies.
    pub criteria: Vec<usize>,
    pub indicator: Option<Indicator>,
    pub measures: Vec<Measure>,
    pub done: Vec<DoneMark>,
    pub log: Vec<LogEntry>,
    /// The day the task entered the plan; `None`: there from the start.
    pub added: Option<NaiveDate>,
    /// Not carried out, from a date and for a reason (`par cancel`).
    pub cancelled: Option<super::history::Cancelled>,
    /// 1-based line of the task's header in the file.
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct DoneMark {
    pub period: Option<Period>,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub by: Option<String>,
    pub at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub date: NaiveDate,
    pub text: String,
    pub period: Option<Period>,
    pub evidence: Vec<String>,
    pub by: Option<String>,
    pub at: Option<String>,
}

/// What a typed owner names (see [`Plan::find_owner`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerMatch {
    One(usize),
    /// Several owners' names hold the typed words: which one is meant is not said.
    Many(Vec<usize>),
    None,
}

impl Plan {
    pub fn section_of(&self, task: &Task) -> &Section {
        &self.sections[task.section]
    }

    pub fn owner_of(&self, task: &Task) -> Option<&Owner> {
        task.owner.map(|i| &self.owners[i])
    }

    /// The language the plan asks for, unless the command line says otherwise.
    pub fn lang(&self) -> Lang {
        self.meta.lang.unwrap_or_default()
    }

    /// Finds an owner by what a user typed: its id (case-folded), else its name or English
    /// name, compared word by word without diacritics or case. A name typed whole
    /// (`hieu truong` = "Hiệu trưởng") wins over names that merely contain it ("Phó Hiệu
    /// trưởng"); failing that, the typed words must be a run of whole words of exactly one
    /// owner's name (`van thu`, `phu trach cntt`). Several such owners: [`OwnerMatch::Many`].
    pub fn find_owner(&self, typed: &str) -> OwnerMatch {
        let key = crate::text::fold_case(typed.trim());
        if let Some(i) = self.owners.iter().position(|o| crate::text::fold_case(&o.id) == key) {
            return OwnerMatch::One(i);
        }
        let words = |t: &str| -> Vec<String> {
            crate::text::fold(t)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        let want = words(typed);
        if want.is_empty() {
            return OwnerMatch::None;
        }
        let names = |o: &Owner| {
            [Some(o.name.as_str()), o.name_en.as_deref()].into_iter().flatten().map(words).collect::<Vec<_>>()
        };
        let pick = |hit: &dyn Fn(&[String]) -> bool| -> Vec<usize> {
            self.owners.iter().enumerate().filter(|(_, o)| names(o).iter().any(|n| hit(n))).map(|(i, _)| i).collect()
        };
        let mut found = pick(&|n| n == want.as_slice());
        if found.is_empty() {
            found = pick(&|n| n.windows(want.len()).any(|w| w == want.as_slice()));
        }
        match found.len() {
            0 => OwnerMatch::None,
            1 => OwnerMatch::One(found[0]),
            _ => OwnerMatch::Many(found),
        }
    }

    /// Finds a task by the id a user typed (without any `@period`): exact (`4`, `III.1`),
    /// else case-folded (`iii.1`), else qualified by its section (`II.4`). Ids are compared
    /// in Unicode NFC form with full case folding ([`crate::text::fold_case`]), so an id
    /// written decomposed (NFD) in the file is found typed composed, and the reverse; the
    /// file keeps the id as it was written.
    pub fn find_task(&self, typed: &str) -> Option<usize> {
        use crate::text::{fold_case, nfc};
        let t = nfc(typed.trim());
        let t = t.as_ref();
        if let Some(i) = self.tasks.iter().position(|task| nfc(&task.id) == t) {
            return Some(i);
        }
        let folded = fold_case(t);
        if let Some(i) = self.tasks.iter().position(|task| fold_case(&task.id) == folded) {
            return Some(i);
        }
        let (sec, rest) = folded.split_once('.')?;
        self.tasks
            .iter()
            .position(|task| fold_case(&task.id) == rest && fold_case(&self.sections[task.section].id) == sec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeat_keywords_round_trip() {
        for r in Repeat::ALL {
            assert_eq!(Repeat::parse(r.keyword()), Some(r));
        }
        assert_eq!(Repeat::parse(" Quarterly"), Some(Repeat::Every(Every::Quarter)));
        assert_eq!(Repeat::parse("MỖI QUÝ"), Some(Repeat::Every(Every::Quarter)));
        assert_eq!(Repeat::parse("weekly"), None);
    }
}
