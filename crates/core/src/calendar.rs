//! Reporting calendars: which dates a periodic report covers and when it is due.
//!
//! Three calendars, chosen by `[report] calendar` in the plan file:
//! - `calendar` (default): calendar quarters, halves and years (1/4 → 30/6 for Q2).
//! - `decree-09`: the cut-off windows of Decree 09/2019/NĐ-CP on state reporting: a quarter
//!   runs from the 15th of the month before it to the 14th of its last month (Q1 = 15/12 of
//!   the previous year → 14/3), the 6-month report 15/12 → 14/6, the year 15/12 → 14/12.
//!   The decree does not define a second-half report; by the same rule it is 15/6 → 14/12.
//! - `cchc`: the reform-report (báo cáo CCHC) calendar of the Ministry of Home Affairs'
//!   guidance: Q1 (15/12 → 14/3), 6 months (15/12 → 14/6), Q3 (15/6 → 14/9) and the year
//!   (15/12 → 14/12). There is no separate Q2, Q4 or second-half report: the 6-month and
//!   yearly reports cover them.
//!
//! A report is due on day `due_day` of its period's last month: by default the 20th for
//! `decree-09` and `cchc` (the reform reports' deadline), and the period's last day for
//! `calendar`. Local calendars differ, so `[report] due_day` overrides it; a report is never
//! due before its window ends, so a `due_day` that would make one so is refused when the
//! plan loads (`plan::validate`).
//!
//! Everything here is a pure function of its arguments.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::i18n::Lang;
use crate::period::Period;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// Calendar quarters, halves and years.
    #[default]
    Calendar,
    /// Decree 09/2019/NĐ-CP cut-off windows (15th → 14th).
    Decree09,
    /// The reform (CCHC) report calendar: Q1, 6 months, Q3, year.
    Cchc,
}

impl Calendar {
    pub const KEYWORDS: &'static [&'static str] = &["calendar", "decree-09", "cchc"];

    /// Accepts the keywords and a few natural spellings, with or without diacritics.
    pub fn parse(text: &str) -> Option<Calendar> {
        let f: String = crate::text::fold(text).chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
        Some(match f.as_str() {
            "calendar" | "duonglich" | "quy" | "quarters" => Calendar::Calendar,
            "decree-09" | "decree09" | "nd09" | "nd-09" | "09/2019" | "09/2019/nd-cp" | "nghidinh09" => {
                Calendar::Decree09
            }
            "cchc" | "reform" | "baocaocchc" => Calendar::Cchc,
            _ => return None,
        })
    }

    pub fn keyword(self) -> &'static str {
        match self {
            Calendar::Calendar => "calendar",
            Calendar::Decree09 => "decree-09",
            Calendar::Cchc => "cchc",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Calendar::Calendar => lang.pick("theo quý dương lịch", "calendar quarters"),
            Calendar::Decree09 => {
                lang.pick("thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP", "Decree 09/2019/NĐ-CP cut-off dates")
            }
            Calendar::Cchc => lang.pick("lịch báo cáo cải cách hành chính", "reform (CCHC) report calendar"),
        }
    }

    /// The default day of the last month a report is due.
    fn default_due_day(self) -> u32 {
        match self {
            Calendar::Calendar => 31,
            Calendar::Decree09 | Calendar::Cchc => 20,
        }
    }

    /// The reports of a year, in the order they fall due.
    pub fn sequence(self, year: i32) -> [Period; 4] {
        match self {
            Calendar::Calendar | Calendar::Decree09 => {
                [Period::Quarter(year, 1), Period::Quarter(year, 2), Period::Quarter(year, 3), Period::Quarter(year, 4)]
            }
            Calendar::Cchc => {
                [Period::Quarter(year, 1), Period::Half(year, 1), Period::Quarter(year, 3), Period::Year(year)]
            }
        }
    }
}

/// The dates a report covers (`from` and `to` inclusive) and its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due: NaiveDate,
}

impl Window {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a fixed valid day")
}

/// The 15th of the month before `month` (of `year`): the start of a Decree 09 window.
fn cutoff_start(year: i32, month: u32) -> NaiveDate {
    if month == 1 { ymd(year - 1, 12, 15) } else { ymd(year, month - 1, 15) }
}

/// The window of the report for `period`, or why that period has no report in this calendar.
pub fn window(cal: Calendar, period: Period, due_day: Option<u32>) -> Result<Window, String> {
    let y = period.year();
    let (from, to) = match (cal, period) {
        (_, Period::Month(..)) => {
            return Err(crate::say!(crate::messages::output_lang(), WindowMonth, period));
        }
        (Calendar::Cchc, Period::Quarter(_, 2)) => {
            return Err(crate::say!(crate::messages::output_lang(), WindowCchcNoQ2, year = y));
        }
        (Calendar::Cchc, Period::Quarter(_, 4)) => {
            return Err(crate::say!(crate::messages::output_lang(), WindowCchcNoQ4, year = y));
        }
        (Calendar::Cchc, Period::Half(_, 2)) => {
            return Err(crate::say!(crate::messages::output_lang(), WindowCchcNoH2, year = y));
        }
        (Calendar::Calendar, p) => (p.start(), p.end()),
        (Calendar::Decree09 | Calendar::Cchc, Period::Quarter(_, q)) => (cutoff_start(y, q * 3 - 2), ymd(y, q * 3, 14)),
        (Calendar::Decree09 | Calendar::Cchc, Period::Half(_, 1)) => (ymd(y - 1, 12, 15), ymd(y, 6, 14)),
        (Calendar::Decree09 | Calendar::Cchc, Period::Half(..)) => (ymd(y, 6, 15), ymd(y, 12, 14)),
        (Calendar::Decree09 | Calendar::Cchc, Period::Year(_)) => (ymd(y - 1, 12, 15), ymd(y, 12, 14)),
    };
    let due = period.day_of_last_month(due_day.unwrap_or_else(|| cal.default_due_day()));
    Ok(Window { period, from, to, due })
}

/// The window of a period taken from the calendar's own sequence, which always has one.
fn known(cal: Calendar, period: Period, due_day: Option<u32>) -> Window {
    window(cal, period, due_day).expect("the calendar's sequence holds only its own report periods")
}

/// The report in progress on `today`: the first report of the calendar's sequence whose
/// window has not closed before `today` (for calendar quarters, the quarter containing
/// today). Kept inside the plan's year: after it, the year's last report; before it, the
/// first. (`par report` without a period writes the latest *closed* one instead: see
/// [`crate::compute::standing::default_period`].)
pub fn current(cal: Calendar, due_day: Option<u32>, today: NaiveDate, plan_year: i32) -> Window {
    let seq = cal.sequence(plan_year);
    seq.iter().map(|&p| known(cal, p, due_day)).find(|w| today <= w.to).unwrap_or_else(|| known(cal, seq[3], due_day))
}

/// The next report that falls due on or after `today`, searched in `today`'s year and the next.
pub fn next_due(cal: Calendar, due_day: Option<u32>, today: NaiveDate) -> Window {
    let y = today.year();
    cal.sequence(y)
        .into_iter()
        .chain(cal.sequence(y + 1))
        .map(|p| known(cal, p, due_day))
        .find(|w| w.due >= today)
        .unwrap_or_else(|| known(cal, cal.sequence(y + 1)[3], due_day))
}

/// The report before `period`: for the reform calendar the previous one in its sequence
/// (the 6-month report follows Q1), otherwise the previous period of the same length.
pub fn previous(cal: Calendar, period: Period) -> Period {
    match cal {
        Calendar::Cchc => step(cal, period, false),
        _ => period.prev(),
    }
}

/// The report after `period`, as [`previous`] in the other direction.
pub fn following(cal: Calendar, period: Period) -> Period {
    match cal {
        Calendar::Cchc => step(cal, period, true),
        _ => period.next(),
    }
}

fn step(cal: Calendar, period: Period, forward: bool) -> Period {
    let y = period.year();
    let seq = cal.sequence(y);
    match seq.iter().position(|&p| p == period) {
        Some(i) if forward && i + 1 < seq.len() => seq[i + 1],
        Some(_) if forward => cal.sequence(y + 1)[0],
        Some(0) => cal.sequence(y - 1)[3],
        Some(i) => seq[i - 1],
        None if forward => period.next(),
        None => period.prev(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        ymd(year, month, day)
    }

    fn span(cal: Calendar, period: Period) -> (NaiveDate, NaiveDate, NaiveDate) {
        let w = window(cal, period, None).unwrap();
        (w.from, w.to, w.due)
    }

    #[test]
    fn calendar_quarters() {
        assert_eq!(span(Calendar::Calendar, Period::Quarter(2025, 2)), (d(2025, 4, 1), d(2025, 6, 30), d(2025, 6, 30)));
        assert_eq!(span(Calendar::Calendar, Period::Half(2025, 1)), (d(2025, 1, 1), d(2025, 6, 30), d(2025, 6, 30)));
        assert_eq!(span(Calendar::Calendar, Period::Year(2025)), (d(2025, 1, 1), d(2025, 12, 31), d(2025, 12, 31)));
        let w = window(Calendar::Calendar, Period::Quarter(2025, 1), Some(20)).unwrap();
        assert_eq!(w.due, d(2025, 3, 20));
        // A due day past the month's end is clamped to it.
        let w = window(Calendar::Calendar, Period::Quarter(2025, 2), Some(31)).unwrap();
        assert_eq!(w.due, d(2025, 6, 30));
    }

    #[test]
    fn decree_09_windows() {
        let c = Calendar::Decree09;
        assert_eq!(span(c, Period::Quarter(2025, 1)), (d(2024, 12, 15), d(2025, 3, 14), d(2025, 3, 20)));
        assert_eq!(span(c, Period::Quarter(2025, 2)), (d(2025, 3, 15), d(2025, 6, 14), d(2025, 6, 20)));
        assert_eq!(span(c, Period::Quarter(2025, 3)), (d(2025, 6, 15), d(2025, 9, 14), d(2025, 9, 20)));
        assert_eq!(span(c, Period::Quarter(2025, 4)), (d(2025, 9, 15), d(2025, 12, 14), d(2025, 12, 20)));
        assert_eq!(span(c, Period::Half(2025, 1)), (d(2024, 12, 15), d(2025, 6, 14), d(2025, 6, 20)));
        assert_eq!(span(c, Period::Half(2025, 2)), (d(2025, 6, 15), d(2025, 12, 14), d(2025, 12, 20)));
        assert_eq!(span(c, Period::Year(2025)), (d(2024, 12, 15), d(2025, 12, 14), d(2025, 12, 20)));
        assert!(window(c, Period::Month(2025, 3), None).is_err());
    }

    #[test]
    fn reform_calendar() {
        let c = Calendar::Cchc;
        assert_eq!(span(c, Period::Quarter(2025, 1)), (d(2024, 12, 15), d(2025, 3, 14), d(2025, 3, 20)));
        assert_eq!(span(c, Period::Half(2025, 1)), (d(2024, 12, 15), d(2025, 6, 14), d(2025, 6, 20)));
        assert_eq!(span(c, Period::Quarter(2025, 3)), (d(2025, 6, 15), d(2025, 9, 14), d(2025, 9, 20)));
        assert_eq!(span(c, Period::Year(2025)), (d(2024, 12, 15), d(2025, 12, 14), d(2025, 12, 20)));
        for p in [Period::Quarter(2025, 2), Period::Quarter(2025, 4), Period::Half(2025, 2)] {
            let e = window(c, p, None).unwrap_err();
            assert!(e.contains("cchc"), "{e}");
        }
        assert!(window(c, Period::Quarter(2025, 2), None).unwrap_err().contains("2025-H1"));
    }

    #[test]
    fn current_report() {
        let cal = |c, today| current(c, None, today, 2025).period;
        assert_eq!(cal(Calendar::Calendar, d(2025, 5, 5)), Period::Quarter(2025, 2));
        assert_eq!(cal(Calendar::Calendar, d(2025, 6, 30)), Period::Quarter(2025, 2));
        assert_eq!(cal(Calendar::Calendar, d(2025, 7, 1)), Period::Quarter(2025, 3));
        // Outside the plan's year: clamped to its first or last report.
        assert_eq!(cal(Calendar::Calendar, d(2026, 2, 1)), Period::Quarter(2025, 4));
        assert_eq!(cal(Calendar::Calendar, d(2024, 2, 1)), Period::Quarter(2025, 1));
        // Decree 09: 15 March already belongs to Q2's window; 15 December to next year's Q1.
        assert_eq!(cal(Calendar::Decree09, d(2025, 3, 14)), Period::Quarter(2025, 1));
        assert_eq!(cal(Calendar::Decree09, d(2025, 3, 15)), Period::Quarter(2025, 2));
        assert_eq!(cal(Calendar::Decree09, d(2025, 12, 15)), Period::Quarter(2025, 4));
        assert_eq!(cal(Calendar::Decree09, d(2024, 12, 20)), Period::Quarter(2025, 1));
        // The reform calendar: Q1, then the 6-month report, Q3, the year.
        assert_eq!(cal(Calendar::Cchc, d(2025, 2, 1)), Period::Quarter(2025, 1));
        assert_eq!(cal(Calendar::Cchc, d(2025, 4, 1)), Period::Half(2025, 1));
        assert_eq!(cal(Calendar::Cchc, d(2025, 8, 1)), Period::Quarter(2025, 3));
        assert_eq!(cal(Calendar::Cchc, d(2025, 11, 1)), Period::Year(2025));
    }

    #[test]
    fn next_report_due() {
        let w = next_due(Calendar::Cchc, None, d(2025, 6, 20));
        assert_eq!((w.period, w.due), (Period::Half(2025, 1), d(2025, 6, 20)));
        let w = next_due(Calendar::Cchc, None, d(2025, 6, 21));
        assert_eq!((w.period, w.due), (Period::Quarter(2025, 3), d(2025, 9, 20)));
        let w = next_due(Calendar::Decree09, None, d(2025, 12, 21));
        assert_eq!((w.period, w.due), (Period::Quarter(2026, 1), d(2026, 3, 20)));
        let w = next_due(Calendar::Calendar, Some(20), d(2025, 5, 21));
        assert_eq!((w.period, w.due), (Period::Quarter(2025, 2), d(2025, 6, 20)));
        let w = next_due(Calendar::Calendar, None, d(2025, 7, 1));
        assert_eq!((w.period, w.due), (Period::Quarter(2025, 3), d(2025, 9, 30)));
    }

    #[test]
    fn neighbours() {
        assert_eq!(previous(Calendar::Calendar, Period::Quarter(2025, 1)), Period::Quarter(2024, 4));
        assert_eq!(following(Calendar::Decree09, Period::Quarter(2025, 4)), Period::Quarter(2026, 1));
        assert_eq!(previous(Calendar::Calendar, Period::Half(2025, 2)), Period::Half(2025, 1));
        assert_eq!(previous(Calendar::Cchc, Period::Half(2025, 1)), Period::Quarter(2025, 1));
        assert_eq!(previous(Calendar::Cchc, Period::Quarter(2025, 1)), Period::Year(2024));
        assert_eq!(following(Calendar::Cchc, Period::Quarter(2025, 3)), Period::Year(2025));
        assert_eq!(following(Calendar::Cchc, Period::Year(2025)), Period::Quarter(2026, 1));
    }

    #[test]
    fn parses_names() {
        assert_eq!(Calendar::parse("decree-09"), Some(Calendar::Decree09));
        assert_eq!(Calendar::parse("NĐ 09"), Some(Calendar::Decree09));
        assert_eq!(Calendar::parse("CCHC"), Some(Calendar::Cchc));
        assert_eq!(Calendar::parse("calendar"), Some(Calendar::Calendar));
        assert_eq!(Calendar::parse("lunar"), None);
    }
}
