//! Reporting periods: months, quarters, halves and years, written `2025-07`,
//! `2025-Q3`, `2025-H1`, `2025`.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::dates::month_end;
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Year(i32),
}

/// How often a recurring duty comes round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    Month,
    Quarter,
    Half,
    Year,
}

const ROMAN: [&str; 13] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

impl Period {
    /// The period of kind `every` that contains `date`.
    pub fn containing(every: Every, date: NaiveDate) -> Period {
        let (y, m) = (date.year(), date.month());
        match every {
            Every::Month => Period::Month(y, m),
            Every::Quarter => Period::Quarter(y, (m - 1) / 3 + 1),
            Every::Half => Period::Half(y, (m - 1) / 6 + 1),
            Every::Year => Period::Year(y),
        }
    }

    pub fn every(self) -> Every {
        match self {
            Period::Month(..) => Every::Month,
            Period::Quarter(..) => Every::Quarter,
            Period::Half(..) => Every::Half,
            Period::Year(..) => Every::Year,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Month(y, _) | Period::Quarter(y, _) | Period::Half(y, _) | Period::Year(y) => y,
        }
    }

    /// First and last month of the period.
    fn months(self) -> (u32, u32) {
        match self {
            Period::Month(_, m) => (m, m),
            Period::Quarter(_, q) => (q * 3 - 2, q * 3),
            Period::Half(_, h) => (h * 6 - 5, h * 6),
            Period::Year(_) => (1, 12),
        }
    }

    pub fn start(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.months().0, 1).expect("period start is a valid date")
    }

    pub fn end(self) -> NaiveDate {
        month_end(self.year(), self.months().1)
    }

    /// Day `day` of the period's last month, clamped to the month's length.
    pub fn day_of_last_month(self, day: u32) -> NaiveDate {
        let end = self.end();
        end.with_day(day.min(end.day())).unwrap_or(end)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    pub fn next(self) -> Period {
        match self {
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Half(y, 2) => Period::Half(y + 1, 1),
            Period::Half(y, h) => Period::Half(y, h + 1),
            Period::Year(y) => Period::Year(y + 1),
        }
    }

    pub fn prev(self) -> Period {
        match self {
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Half(y, 1) => Period::Half(y - 1, 2),
            Period::Half(y, h) => Period::Half(y, h - 1),
            Period::Year(y) => Period::Year(y - 1),
        }
    }

    /// Parses `2025-Q3`, `2025-H1`, `2025-07`, `2025-M07`, `2025`; with `default_year`
    /// also the short `Q3`, `H1`, `M7`. Case-insensitive; `Q3/2025` and `quý 3` are accepted too.
    pub fn parse(input: &str, default_year: Option<i32>) -> Result<Period, String> {
        match Period::as_written(input) {
            Some(p) => Ok(p),
            None => Period::parse_words(input, default_year),
        }
    }

    /// A period as par writes it ("2025-Q3", "2025-H1", "2025-09"), read without folding
    /// the text: every done mark of a recurring task has one, and a roll-up reads hundreds
    /// of thousands of them. `None` for any other text.
    fn as_written(input: &str) -> Option<Period> {
        let &[y0, y1, y2, y3, b'-', k, d] = input.as_bytes() else { return None };
        let digit = |b: u8| b.is_ascii_digit().then(|| (b - b'0') as u32);
        let year = [y0, y1, y2, y3].into_iter().try_fold(0, |y, b| digit(b).map(|d| y * 10 + d))? as i32;
        match (k, digit(d)?) {
            (b'Q' | b'q', n @ 1..=4) => Some(Period::Quarter(year, n)),
            (b'H' | b'h', n @ 1..=2) => Some(Period::Half(year, n)),
            (_, n) => match digit(k)? * 10 + n {
                m @ 1..=12 => Some(Period::Month(year, m)),
                _ => None,
            },
        }
    }

    /// [`Period::parse`] of any other text: folded, in words, Roman numerals.
    fn parse_words(input: &str, default_year: Option<i32>) -> Result<Period, String> {
        let s: String = crate::text::fold(input).chars().filter(|c| !c.is_whitespace()).collect();
        let bad = || crate::say!(crate::messages::output_lang(), NotAPeriod, typed = input.trim());
        let (year, rest) = if let Some((y, rest)) = s.split_once('-') {
            (Some(y), rest.to_string())
        } else if let Some((rest, y)) = s.split_once('/') {
            (Some(y), rest.to_string())
        } else if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().map(Period::Year).map_err(|_| bad());
        } else {
            (None, s.clone())
        };
        let year: i32 = match year {
            Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => y.parse().map_err(|_| bad())?,
            Some(_) => return Err(bad()),
            None => default_year.ok_or_else(bad)?,
        };
        let rest = rest.strip_prefix("quy").map(|r| format!("q{r}")).unwrap_or(rest);
        let rest = rest.strip_prefix("thang").map(|r| format!("m{r}")).unwrap_or(rest);
        let (kind, num) = match rest.chars().next() {
            Some(c @ ('q' | 'h' | 'm')) => (c, &rest[1..]),
            Some(c) if c.is_ascii_digit() => ('m', rest.as_str()),
            _ => return Err(bad()),
        };
        let n: u32 = parse_number(num).ok_or_else(bad)?;
        match (kind, n) {
            ('q', 1..=4) => Ok(Period::Quarter(year, n)),
            ('h', 1..=2) => Ok(Period::Half(year, n)),
            ('m', 1..=12) => Ok(Period::Month(year, n)),
            _ => Err(bad()),
        }
    }

    /// "quý III năm 2025" / "Q3 2025".
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Period::Month(y, m), Lang::Vi) => format!("tháng {m} năm {y}"),
            (Period::Quarter(y, q), Lang::Vi) => format!("quý {} năm {y}", ROMAN[q as usize]),
            (Period::Half(y, 1), Lang::Vi) => format!("6 tháng đầu năm {y}"),
            (Period::Half(y, _), Lang::Vi) => format!("6 tháng cuối năm {y}"),
            (Period::Year(y), Lang::Vi) => format!("năm {y}"),
            (Period::Month(y, m), Lang::En) => {
                let d = NaiveDate::from_ymd_opt(y, m, 1).expect("valid month");
                d.format("%B %Y").to_string()
            }
            (Period::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Period::Half(y, h), Lang::En) => format!("H{h} {y}"),
            (Period::Year(y), Lang::En) => format!("year {y}"),
        }
    }
}

/// Arabic or Roman numerals (`3`, `iii`).
fn parse_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    ROMAN.iter().position(|r| !r.is_empty() && r.eq_ignore_ascii_case(text)).map(|p| p as u32)
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // Four-digit years, as parse() wants them: `0025` must print back as `0025`.
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Period::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick reading of the written forms gives what the full reading gives.
    #[test]
    fn periods_as_written_read_as_in_words() {
        for y in ["2025", "0025", "1999"] {
            for rest in ["Q1", "q4", "H2", "h1", "01", "09", "12", "Q0", "Q5", "H3", "00", "13", "1a", "Qx", "M1"] {
                let text = format!("{y}-{rest}");
                // Text it does not take goes to the full reading, which says what it makes of it.
                if let Some(p) = Period::as_written(&text) {
                    assert_eq!(Ok(p), Period::parse_words(&text, None), "{text}");
                }
                assert_eq!(Period::parse(&text, None), Period::parse_words(&text, None), "{text}");
            }
        }
        assert_eq!(Period::as_written("2025-Q3"), Some(Period::Quarter(2025, 3)));
        assert_eq!(Period::as_written("2025-09"), Some(Period::Month(2025, 9)));
        assert_eq!(Period::as_written("2025-9"), None);
        assert_eq!(Period::as_written(" 2025-Q3"), None);
        assert_eq!(Period::parse(" 2025-Q3", None), Ok(Period::Quarter(2025, 3)));
    }

    #[test]
    fn parses_and_prints() {
        for (s, p) in [
            ("2025-Q3", Period::Quarter(2025, 3)),
            ("2025-q3", Period::Quarter(2025, 3)),
            ("Q3/2025", Period::Quarter(2025, 3)),
            ("2025-H1", Period::Half(2025, 1)),
            ("2025-07", Period::Month(2025, 7)),
            ("2025-M7", Period::Month(2025, 7)),
            ("2025", Period::Year(2025)),
            ("Q2", Period::Quarter(2024, 2)),
            ("quý III", Period::Quarter(2024, 3)),
        ] {
            assert_eq!(Period::parse(s, Some(2024)), Ok(p), "{s}");
        }
        for s in ["2025-Q5", "2025-H3", "2025-13", "Q3", "25-Q1", "", "x", "2025-Q"] {
            assert!(Period::parse(s, if s == "Q3" { None } else { Some(2025) }).is_err(), "{s}");
        }
        assert_eq!(Period::Quarter(2025, 3).to_string(), "2025-Q3");
        assert_eq!(Period::Month(2025, 7).to_string(), "2025-07");
        assert_eq!(Period::Quarter(2025, 2).label(Lang::Vi), "quý II năm 2025");
        // Found by fuzzing (fuzz/artifacts… "0025"): years below 1000 print with four digits,
        // so every parsed period prints back to text that parses to it.
        for s in ["0025", "0025-Q1", "0999-H2", "0001-12", "0000"] {
            let p = Period::parse(s, None).unwrap();
            assert_eq!(p.to_string(), s);
            assert_eq!(Period::parse(&p.to_string(), None), Ok(p));
        }
    }

    #[test]
    fn bounds() {
        let q = Period::Quarter(2025, 1);
        assert_eq!(q.start(), NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        assert_eq!(q.end(), NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
        assert_eq!(q.day_of_last_month(20), NaiveDate::from_ymd_opt(2025, 3, 20).unwrap());
        assert_eq!(Period::Month(2025, 2).day_of_last_month(31), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
        assert_eq!(Period::Quarter(2025, 4).next(), Period::Quarter(2026, 1));
        assert_eq!(Period::Quarter(2025, 1).prev(), Period::Quarter(2024, 4));
        let d = NaiveDate::from_ymd_opt(2025, 8, 14).unwrap();
        assert_eq!(Period::containing(Every::Quarter, d), Period::Quarter(2025, 3));
        assert_eq!(Period::containing(Every::Half, d), Period::Half(2025, 2));
    }
}
