//! Dates as officers type and read them: `30/5/2025`, `2025-05-30`, `hôm nay`.

use chrono::{Datelike, Duration, NaiveDate};

use crate::text::fold;

/// The years a plan's dates may lie in; anything outside is a typing slip.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSlip {
    /// Neither a date form nor a date word, or a day that does not exist (31/9).
    NotADate,
    /// A real date, outside [`YEARS`].
    OutsideYears,
}

/// Parses a date typed by a user. `today` anchors the relative words; a day and month
/// without a year (`30/9`) take today's year. Used for `--today`.
pub fn parse_user_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = input.trim();
    let shown = crate::text::truncate(&crate::text::one_line(s), 40);
    let lang = crate::messages::output_lang();
    parse_typed_date(s, today, today.year()).map_err(|slip| match slip {
        DateSlip::NotADate => crate::say!(lang, TodayNotADate, typed = shown),
        DateSlip::OutsideYears => {
            crate::say!(lang, TodayOutsideYears, typed = shown, from = YEARS.start(), to = YEARS.end())
        }
    })
}

/// The arguments with a date option's words glued back into one value: `--date hôm qua`
/// (typed without quotes, as the help's examples read) is `--date "hôm qua"`. After
/// `--date` or `--today`, the longest run of up to three more words that still reads as
/// a date (`3 ngày trước`, `2 days ago`) joins the value; anything else is left alone.
pub fn glue_date_words(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let anchor = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
    let reads = |words: &[std::ffi::OsString]| {
        let text: Option<Vec<&str>> = words.iter().map(|w| w.to_str()).collect();
        text.filter(|t| t.iter().skip(1).all(|w| !w.starts_with('-')))
            .is_some_and(|t| parse_typed_date(&t.join(" "), anchor, 2025).is_ok())
    };
    let mut out = Vec::with_capacity(args.len());
    let mut i = 0;
    while i < args.len() {
        out.push(args[i].clone());
        if matches!(args[i].to_str(), Some("--date" | "--today")) && i + 1 < args.len() {
            let rest = &args[i + 1..];
            let n = (2..=rest.len().min(4)).rev().find(|&n| reads(&rest[..n])).unwrap_or(1);
            match n {
                1 => out.push(rest[0].clone()),
                _ => out.push(rest[..n].iter().map(|w| w.to_string_lossy()).collect::<Vec<_>>().join(" ").into()),
            }
            i += 1 + n;
            continue;
        }
        i += 1;
    }
    out
}

/// Parses a date typed by a user, as the date options take it:
/// - `30/5/2025`, `30/05/2025`, `30-5-2025`, `30.5.2025`, `2025-05-30`;
/// - `30/5/25`: a two-digit year is in the 2000s (2025);
/// - `30/5`: day and month, in `year` (the plan's year);
/// - words, in either language, diacritics and case optional: `hôm nay`/`today`,
///   `hôm qua`/`yesterday`, `hôm kia`/`2 days ago`, `N ngày trước`/`N days ago`,
///   `ngày mai`/`tomorrow`.
pub fn parse_typed_date(input: &str, today: NaiveDate, year: i32) -> Result<NaiveDate, DateSlip> {
    let s = input.trim();
    let date = match relative_days(&fold(s)) {
        Some(back) => today.checked_sub_signed(Duration::try_days(back).ok_or(DateSlip::OutsideYears)?),
        None => Some(parse_date(s).or_else(|| parse_short_date(s, year)).ok_or(DateSlip::NotADate)?),
    };
    match date {
        Some(d) if YEARS.contains(&d.year()) => Ok(d),
        _ => Err(DateSlip::OutsideYears),
    }
}

/// How many days before today a date word means (negative: after), for folded text.
fn relative_days(folded: &str) -> Option<i64> {
    match folded {
        "today" | "hom nay" | "homnay" => return Some(0),
        "yesterday" | "hom qua" | "homqua" => return Some(1),
        "hom kia" | "homkia" | "day before yesterday" => return Some(2),
        "tomorrow" | "ngay mai" | "ngaymai" => return Some(-1),
        _ => {}
    }
    let (n, unit) = folded.split_once(' ')?;
    if n.is_empty() || n.len() > 5 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match unit {
        "ngay truoc" | "days ago" | "day ago" => n.parse().ok(),
        _ => None,
    }
}

/// `30/9/25` (a two-digit year is 20yy) or `30/9` (in `year`); also with `-` or `.`.
fn parse_short_date(text: &str, year: i32) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let digits = |p: &&str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(digits) {
        return None;
    }
    let (d, m) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    let y = match parts.get(2) {
        Some(yy) => 2000 + yy.parse::<i32>().ok()?,
        None => year,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses an absolute date: ISO `2025-05-30` or Vietnamese `30/5/2025`, `30-5-2025`, `30.5.2025`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (d, m, y) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    if parts[2].len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `30/05/2025`: the short form used in tables.
pub fn short(date: NaiveDate) -> String {
    let year = date.year();
    if !(1000..=9999).contains(&year) {
        return format!("{:02}/{:02}/{year}", date.day(), date.month());
    }
    // Written digit by digit: tables of thousands of rows call this once a row.
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut s = String::with_capacity(10);
    for (i, n) in [date.day(), date.month()].into_iter().enumerate() {
        if i > 0 {
            s.push('/');
        }
        s.push(digit(n / 10));
        s.push(digit(n));
    }
    s.push('/');
    let y = year as u32;
    for div in [1000, 100, 10, 1] {
        s.push(digit(y / div));
    }
    s
}

/// `ngày 05 tháng 02 năm 2025` per Decree 30/2020: days below 10 and months 1–2 get a leading zero.
pub fn long_vi(date: NaiveDate) -> String {
    let month = if date.month() <= 2 { format!("{:02}", date.month()) } else { date.month().to_string() };
    format!("ngày {:02} tháng {} năm {}", date.day(), month, date.year())
}

/// `5 February 2025`.
pub fn long_en(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Converts a TOML datetime holding a plain date.
pub fn from_toml(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    match (&dt.date, &dt.time, &dt.offset) {
        (Some(d), None, None) => NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32),
        _ => None,
    }
}

/// Last day of the given month.
pub fn month_end(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).expect("valid first of month") - Duration::days(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_words_typed_without_quotes_are_one_value() {
        let glue = |a: &str| -> Vec<String> {
            glue_date_words(a.split(' ').map(Into::into).collect())
                .into_iter()
                .map(|s| s.into_string().unwrap())
                .collect()
        };
        assert_eq!(glue("par done 4 --date hôm qua"), ["par", "done", "4", "--date", "hôm qua"]);
        assert_eq!(
            glue("par log 4 x --date 3 ngày trước --by an"),
            ["par", "log", "4", "x", "--date", "3 ngày trước", "--by", "an"]
        );
        assert_eq!(glue("par --today 2 days ago status"), ["par", "--today", "2 days ago", "status"]);
        // A value that is whole already, and what follows it, stay as they are.
        assert_eq!(glue("par done --date 30/9 4"), ["par", "done", "--date", "30/9", "4"]);
        assert_eq!(
            glue("par done 4 --date hôm nay --note qua"),
            ["par", "done", "4", "--date", "hôm nay", "--note", "qua"]
        );
        assert_eq!(glue("par done 4 --date"), ["par", "done", "4", "--date"]);
    }

    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn parses_all_forms() {
        let today = d(2025, 6, 15);
        for s in ["2025-05-30", "30/5/2025", "30/05/2025", "30-05-2025", "30.5.2025"] {
            assert_eq!(parse_user_date(s, today), Ok(d(2025, 5, 30)), "{s}");
        }
        assert_eq!(parse_user_date("hôm nay", today), Ok(today));
        assert_eq!(parse_user_date("Hom Qua", today), Ok(d(2025, 6, 14)));
        assert_eq!(parse_user_date("yesterday", today), Ok(d(2025, 6, 14)));
        assert!(parse_user_date("31/2/2025", today).is_err());
        assert_eq!(parse_user_date("30/5/25", today), Ok(d(2025, 5, 30)));
        assert_eq!(parse_typed_date("30/9", today, 2024), Ok(d(2024, 9, 30)));
        assert_eq!(parse_typed_date("31/9", today, 2025), Err(DateSlip::NotADate));
        assert_eq!(parse_typed_date("30/9/2025/1", today, 2025), Err(DateSlip::NotADate));
        assert_eq!(parse_typed_date("Hôm Kia", today, 2025), Ok(d(2025, 6, 13)));
        assert_eq!(parse_typed_date("3 ngày trước", today, 2025), Ok(d(2025, 6, 12)));
        assert_eq!(parse_typed_date("10 days ago", today, 2025), Ok(d(2025, 6, 5)));
        assert_eq!(parse_typed_date("1 day ago", today, 2025), Ok(d(2025, 6, 14)));
        assert_eq!(parse_typed_date("99999 days ago", today, 2025), Err(DateSlip::OutsideYears));
        assert_eq!(parse_typed_date("days ago", today, 2025), Err(DateSlip::NotADate));
        assert!(parse_user_date("soon", today).is_err());
        assert!(parse_user_date("99999999999/1/2025", today).is_err());
        // Far outside the plan years: a clear error, and no overflow at the ends of the calendar.
        // In the output language, Vietnamese unless the binary sets English.
        assert_eq!(parse_user_date("+99999-01-01", today), Err("`+99999-01-01` nằm ngoài các năm 1900–2200".into()));
        assert!(parse_user_date("1/1/0000", today).unwrap_err().contains("nằm ngoài các năm"));
        assert!(parse_user_date("yesterday", NaiveDate::MIN).is_err());
        assert!(parse_user_date("ngày mai", NaiveDate::MAX).is_err());
        assert_eq!(parse_user_date("tomorrow", d(2200, 12, 30)), Ok(d(2200, 12, 31)));
    }

    #[test]
    fn formats() {
        assert_eq!(short(d(2025, 5, 3)), "03/05/2025");
        assert_eq!(short(d(1999, 12, 31)), "31/12/1999");
        assert_eq!(short(d(999, 1, 2)), "02/01/999");
        assert_eq!(long_vi(d(2025, 2, 5)), "ngày 05 tháng 02 năm 2025");
        assert_eq!(long_vi(d(2025, 5, 21)), "ngày 21 tháng 5 năm 2025");
        assert_eq!(long_en(d(2025, 2, 5)), "5 February 2025");
        assert_eq!(month_end(2024, 2), d(2024, 2, 29));
        assert_eq!(month_end(2025, 12), d(2025, 12, 31));
    }
}
