//! Timeline: deadline, start, recurrence.

use std::ops::Range;

use chrono::NaiveDate;

use super::{Note, Notes, info, note};
use crate::import::scan::{Folded, Found, When, find_times};

#[derive(Default)]
pub(super) struct Timeline {
    pub(super) start: Option<NaiveDate>,
    pub(super) due: Option<NaiveDate>,
    pub(super) repeat: Option<&'static str>,
    pub(super) due_day: Option<u32>,
    pub(super) notes: Notes,
}

/// Phrases of recurrence, folded, with the repeat keyword they mean.
const EXPLICIT: &[(&str, &str)] = &[
    ("hang thang", "monthly"),
    ("moi thang", "monthly"),
    ("tung thang", "monthly"),
    ("hang quy", "quarterly"),
    ("moi quy", "quarterly"),
    ("tung quy", "quarterly"),
    ("theo quy", "quarterly"),
    ("dinh ky 6 thang", "half-yearly"),
    ("dinh ky sau thang", "half-yearly"),
    ("6 thang mot lan", "half-yearly"),
    ("moi 6 thang", "half-yearly"),
    // A school's term ("học kỳ"): two a year.
    ("moi hoc ky", "half-yearly"),
    ("hang hoc ky", "half-yearly"),
    ("tung hoc ky", "half-yearly"),
    ("hang nam", "yearly"),
    ("moi nam", "yearly"),
    ("tung nam", "yearly"),
];

/// Every explicit phrase has one of these words in it ("thang", "quy", "nam" or "hoc ky"):
/// a text without one of those skips the phrases that need it (each search scans the text).
const KEYS: [&str; 4] = ["thang", "quy", "nam", "hoc ky"];

/// For each of [`EXPLICIT`]'s phrases, which of [`KEYS`] it holds (bit n: `KEYS[n]`), worked
/// out once rather than for every task.
fn explicit_keys() -> &'static [u8] {
    static MASKS: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    MASKS.get_or_init(|| {
        EXPLICIT
            .iter()
            .map(|(w, _)| KEYS.iter().enumerate().fold(0, |m, (n, k)| if w.contains(k) { m | 1 << n } else { m }))
            .collect()
    })
}

/// A recurrence phrase the text writes: (where it starts, the folded phrase, the repeat).
type Explicit = (usize, &'static str, &'static str);

/// A weaker hint of recurrence ("định kỳ", "thường xuyên"): (the folded phrase, the repeat
/// guessed, the note that says so).
type Weak = (&'static str, &'static str, Note);

/// The dates a task's text gives, sorted by how they read.
#[derive(Default)]
struct Dates {
    /// The first date said to start the task ("từ ngày …").
    start: Option<NaiveDate>,
    /// Dates said as deadlines, and months, quarters and years: (date, text as written).
    strong: Vec<(NaiveDate, String)>,
    /// Days given without a word that makes them a deadline.
    loose: Vec<(NaiveDate, String)>,
    /// "trước ngày 25" with neither month nor year: the day of each period.
    day_of_month: Option<u32>,
    /// Some date left its year out.
    no_year: bool,
}

/// A task's timeline, read in phases: the recurrence phrases, the dates, the due date among
/// them, then which of recurrence and due date wins.
pub(super) fn timeline(folded: &Folded, skip: &[Range<usize>], year: i32, deadline_column: bool) -> Timeline {
    let mut t = Timeline::default();
    // The time expressions, found once for the months listed and for the dates.
    let times = find_times(folded, skip);
    if let Some((k, start, said)) = listed_months(folded, &times, year) {
        t.repeat = Some(k);
        t.start = Some(start);
        t.notes.push((
            "repeat",
            note(
                format!("\"{said}\": các tháng cách đều, đọc là việc lặp lại ({k}) từ {}", crate::dates::short(start)),
                format!(
                    "\"{said}\": evenly spaced months, read as recurring ({k}) from {}",
                    crate::dates::short(start)
                ),
            ),
        ));
        return t;
    }
    let (explicit, weak) = recurrence(folded, skip);
    let dates = dates(folded, skip, &times, year, deadline_column);
    t.start = dates.start;
    let due = due_date(&dates, year, &mut t.notes);
    settle(&mut t, folded, explicit, due, weak, dates.day_of_month);
    t
}

/// Months listed together and evenly spaced ("Tháng 9 và tháng 12/2025", "tháng 6, tháng
/// 12"): a recurring task, every 1, 3 or 6 months, from the start of the first period.
/// The repeat, the start and the words as written. `times`: the text's time expressions
/// outside the skipped ranges ([`find_times`]).
fn listed_months(folded: &Folded, times: &[Found], year: i32) -> Option<(&'static str, NaiveDate, String)> {
    if !folded.contains("va") && !folded.contains(",") {
        return None;
    }
    let mut months: Vec<(u32, Option<i32>)> = Vec::new();
    let (mut first, mut last) = (0, 0);
    for (n, f) in times.iter().enumerate() {
        let When::Month { month, year: y } = f.when else {
            months.clear();
            continue;
        };
        let joined = n > 0
            && !months.is_empty()
            && matches!(folded.text(times[n - 1].span.1..f.span.0).trim().to_lowercase().as_str(), "và" | "," | ", và");
        if !joined {
            if months.len() >= 2 {
                break;
            }
            months.clear();
            first = f.span.0;
        }
        months.push((month, y));
        last = f.span.1;
    }
    if months.len() < 2 {
        return None;
    }
    let gap = months[1].0.checked_sub(months[0].0)?;
    if !months.windows(2).all(|w| w[1].0.checked_sub(w[0].0) == Some(gap)) {
        return None;
    }
    let repeat = match gap {
        1 => "monthly",
        3 => "quarterly",
        6 => "half-yearly",
        _ => return None,
    };
    let y = months.iter().rev().find_map(|m| m.1).unwrap_or(year);
    // The first period starts `gap` months before the first month's end: "tháng 3 và tháng
    // 9" every six months from October of the year before.
    let (sy, sm) = if months[0].0 >= gap { (y, months[0].0 + 1 - gap) } else { (y - 1, months[0].0 + 13 - gap) };
    let start = NaiveDate::from_ymd_opt(sy, sm, 1)?;
    Some((repeat, start, folded.text(first..last)))
}

/// The first match of a folded word outside the skipped ranges.
fn find_free(folded: &Folded, skip: &[Range<usize>], word: &str) -> Option<usize> {
    let mut i = 0;
    while let Some(k) = folded.find_word(word, i) {
        if !skip.iter().any(|r| r.contains(&k)) {
            return Some(k);
        }
        i = k + 1;
    }
    None
}

/// The recurrence the text writes: the first explicit phrase ("hằng quý"), and a weaker
/// hint ("định kỳ", "trong quý", "thường xuyên").
fn recurrence(folded: &Folded, skip: &[Range<usize>]) -> (Option<Explicit>, Option<Weak>) {
    let has = |w: &str| find_free(folded, skip, w);
    // Explicit recurrence: the first one written, among the phrases whose [`KEYS`] the text has.
    let present = KEYS.iter().enumerate().fold(0u8, |m, (n, k)| if folded.contains(k) { m | 1 << n } else { m });
    let explicit = EXPLICIT
        .iter()
        .zip(explicit_keys())
        .filter(|&(_, &needs)| needs & present != 0)
        .filter_map(|((w, k), _)| has(w).map(|p| (p, *w, *k)))
        .min_by_key(|x| x.0);
    let weak: Option<Weak> = if let Some(p) =
        ["hang tuan", "moi tuan", "hang ngay", "moi ngay"].into_iter().find(|w| has(w).is_some())
    {
        Some((
            p,
            "ongoing",
            note(
                "văn bản ghi việc theo tuần/ngày; par tính là thường xuyên",
                "weekly or daily in the text; par counts it as ongoing",
            ),
        ))
    } else if has("dinh ky").is_some() {
        Some((
            "dinh ky",
            "quarterly",
            note(
                "\"định kỳ\": đoán theo quý (báo cáo CCHC định kỳ hằng quý)",
                "\"định kỳ\" (periodic): guessed quarterly, as reform reports are",
            ),
        ))
    } else if let Some(k) = has("trong quy").filter(|&k| {
        !matches!(
            find_times(folded, &[]).iter().find(|x| x.span.0 == folded.skip_ws(k + 5)).map(|x| x.when),
            Some(When::Quarter { .. })
        )
    }) {
        let _ = k;
        Some((
            "trong quy",
            "quarterly",
            note("\"trong quý\": đoán là việc hằng quý", "\"trong quý\" (within the quarter): guessed quarterly"),
        ))
    } else if has("thuong xuyen").is_some() || has("lien tuc").is_some() {
        Some(("thuong xuyen", "ongoing", info(format!("\"{}\"", original_phrase(folded, "thuong xuyen")), "ongoing")))
    } else {
        None
    };
    (explicit, weak)
}

/// Every date of the text outside the skipped ranges (`times`: its time expressions there,
/// as [`find_times`] finds them), read as a start, a deadline or a loose date by the words
/// before it.
fn dates(folded: &Folded, skip: &[Range<usize>], times: &[Found], year: i32, deadline_column: bool) -> Dates {
    let mut out = Dates::default();
    let mut last = String::new();
    for &Found { when, span } in times {
        last_words(&folded.fold[span.0.saturating_sub(30)..span.0], &mut last);
        // `last` is space-delimited: a word is said when some match of it has spaces around it
        // (no `format!(" {w} ")` per word and per date).
        let says = |w: &str| {
            let b = last.as_bytes();
            last.match_indices(w).any(|(i, _)| i > 0 && b[i - 1] == b' ' && b.get(i + w.len()) == Some(&b' '))
        };
        let before = last.trim_end();
        let deadline = deadline_column
            || ["truoc", "cham nhat", "han", "den", "xong", "hoan thanh", "trong", "vao", "cuoi"]
                .iter()
                .any(|w| says(w));
        let starts = before.ends_with(" tu") || before.ends_with(" bat dau") || before.ends_with(" bat dau tu");
        let text = folded.text(span.0..span.1);
        let date = match when {
            When::Day(d) => {
                out.no_year |= d.year.is_none();
                d.resolve(year)
            }
            When::Month { month, year: y } => {
                out.no_year |= y.is_none();
                let y = y.unwrap_or(year);
                if says("truoc") {
                    NaiveDate::from_ymd_opt(y, month, 1).and_then(|d| d.pred_opt())
                } else {
                    Some(crate::dates::month_end(y, month))
                }
            }
            When::Quarter { quarter, year: y } => {
                out.no_year |= y.is_none();
                let y = y.unwrap_or(year);
                if says("truoc") {
                    NaiveDate::from_ymd_opt(y, quarter * 3 - 2, 1).and_then(|d| d.pred_opt())
                } else {
                    Some(crate::dates::month_end(y, quarter * 3))
                }
            }
            // "trong năm 2025", or a year alone in a time column: by the year's end.
            When::Year(y) if deadline_column || says("trong") || says("ca") => NaiveDate::from_ymd_opt(y, 12, 31),
            When::Year(_) => None,
            When::DayOfMonth(d) => {
                if deadline {
                    out.day_of_month = Some(d);
                }
                None
            }
        };
        let Some(date) = date else { continue };
        if starts {
            out.start = out.start.or(Some(date));
        } else if deadline || !matches!(when, When::Day(_)) {
            out.strong.push((date, text));
        } else {
            out.loose.push((date, text));
        }
    }
    first_months(folded, skip, year, &mut out);
    out
}

/// "6 tháng đầu năm" (by the end of June), "9 tháng đầu năm", "6 tháng cuối năm" (by the
/// year's end), "nửa đầu năm": deadlines said as part of the year.
fn first_months(folded: &Folded, skip: &[Range<usize>], year: i32, out: &mut Dates) {
    if !folded.contains("nam") {
        return;
    }
    for (phrase, last) in
        [("thang dau nam", false), ("thang cuoi nam", true), ("nua dau nam", false), ("nua cuoi nam", true)]
    {
        let Some(k) = find_free(folded, skip, phrase) else { continue };
        // The number of months before "tháng" ("6", "06", "sáu"); "nửa" is six.
        let (n, s) = if phrase.starts_with("nua") {
            (6, k)
        } else {
            let e = folded.fold[..k].iter().rposition(|c| !c.is_whitespace()).map_or(0, |p| p + 1);
            let s = folded.fold[..e].iter().rposition(|c| !c.is_alphanumeric()).map_or(0, |p| p + 1);
            let word = folded.fold[s..e].iter().collect::<String>();
            let n = match word.as_str() {
                "sau" => 6,
                "ba" => 3,
                "chin" => 9,
                w => w.parse::<u32>().unwrap_or(0),
            };
            (n, s)
        };
        if !(1..=11).contains(&n) {
            continue;
        }
        let month = if last { 12 } else { n };
        let text = folded.text(s..k + phrase.len());
        out.strong.push((crate::dates::month_end(year, month), text));
    }
}

/// The last four words (runs of letters and digits) of `window`, each between spaces
/// (" a b c d "; two spaces when there is none), into `out`: what
/// `format!(" {} ", words.join(" "))` of the last four words gives, without a string per word.
fn last_words(window: &[char], out: &mut String) {
    let mut runs: [(usize, usize); 4] = [(0, 0); 4];
    let mut found = 0;
    let mut end = window.len();
    while found < 4 && end > 0 {
        while end > 0 && !window[end - 1].is_alphanumeric() {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let mut start = end;
        while start > 0 && window[start - 1].is_alphanumeric() {
            start -= 1;
        }
        runs[found] = (start, end);
        found += 1;
        end = start;
    }
    out.clear();
    out.push(' ');
    if found == 0 {
        out.push(' ');
    }
    for &(start, end) in runs[..found].iter().rev() {
        out.extend(&window[start..end]);
        out.push(' ');
    }
}

/// The due date among the dates: the last deadline, else the first loose date; with the
/// notes that say how it was chosen.
fn due_date(dates: &Dates, year: i32, notes: &mut Notes) -> Option<NaiveDate> {
    let (strong, loose) = (&dates.strong, &dates.loose);
    let due = match (strong.iter().max_by_key(|d| d.0), loose.first()) {
        (Some((d, text)), _) => {
            if strong.len() > 1 {
                let all = strong.iter().map(|s| s.1.clone()).collect::<Vec<_>>().join("; ");
                notes.push((
                    "due",
                    note(
                        format!("văn bản có nhiều mốc ({all}); lấy mốc cuối"),
                        format!("several dates in the text ({all}); the last is taken"),
                    ),
                ));
            } else if !text.chars().next().is_some_and(|c| c.is_ascii_digit())
                // `text.to_lowercase().starts_with("ngày")`, without lower-casing all of it.
                && !text.chars().flat_map(char::to_lowercase).take(4).eq("ngày".chars())
            {
                notes.push((
                    "due",
                    note(format!("\"{text}\": lấy ngày cuối kỳ"), format!("\"{text}\": the period's last day")),
                ));
            }
            Some(*d)
        }
        (None, Some((d, text))) => {
            notes.push((
                "due",
                note(
                    format!("ngày \"{text}\" trong văn bản, không ghi là hạn: kiểm tra lại"),
                    format!("the text gives the date \"{text}\" but not as a deadline: check it"),
                ),
            ));
            Some(*d)
        }
        (None, None) => None,
    };
    if due.is_some() && dates.no_year {
        notes.push((
            "due",
            note(
                format!("văn bản không ghi năm; lấy năm {year} của kế hoạch"),
                format!("no year in the text; the plan's year {year}"),
            ),
        ));
    }
    due
}

/// Recurrence or due date: an explicit recurrence wins over a due date, a due date over a
/// weak hint; a start after the due date, or on a recurring task, is dropped.
fn settle(
    timeline: &mut Timeline,
    folded: &Folded,
    explicit: Option<Explicit>,
    due: Option<NaiveDate>,
    weak: Option<Weak>,
    day_of_month: Option<u32>,
) {
    match (explicit, due, weak) {
        (Some((_, w, k)), due, _) => {
            timeline.repeat = Some(k);
            timeline.notes.push(("repeat", info(format!("\"{}\"", original_phrase(folded, w)), k)));
            if let Some(d) = due {
                timeline.notes.push((
                    "due",
                    note(
                        format!(
                            "văn bản cũng ghi hạn {}; việc lặp lại không có một hạn duy nhất",
                            crate::dates::short(d)
                        ),
                        format!(
                            "the text also gives {}; a recurring task has no single due date",
                            crate::dates::short(d)
                        ),
                    ),
                ));
            }
            if matches!(k, "monthly" | "quarterly" | "half-yearly" | "yearly") {
                timeline.due_day = day_of_month;
            }
        }
        (None, Some(d), weak) => {
            timeline.due = Some(d);
            if let Some((w, _, _)) = weak {
                timeline.notes.push((
                    "repeat",
                    note(
                        format!("văn bản cũng ghi \"{}\"; đặt repeat nếu là việc lặp lại", original_phrase(folded, w)),
                        format!("the text also says \"{}\"; set repeat if it recurs", original_phrase(folded, w)),
                    ),
                ));
            }
        }
        (None, None, Some((_, k, n))) => {
            timeline.repeat = Some(k);
            timeline.notes.push(("repeat", n));
        }
        (None, None, None) => {}
    }
    if let (Some(s), Some(d)) = (timeline.start, timeline.due)
        && s > d
    {
        timeline.start = None;
    }
    if timeline.repeat.is_some() {
        timeline.start = None;
    }
}

/// The words of the text that a folded phrase matched, as written.
fn original_phrase(folded: &Folded, phrase: &str) -> String {
    folded
        .find_word(phrase, 0)
        .map_or_else(|| phrase.to_string(), |k| folded.text(k..k + phrase.chars().count()).to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::last_words;

    /// What `dates` built before `last_words`: a string per window, per word and per join.
    fn reference(window: &[char]) -> String {
        let before = window.iter().collect::<String>();
        let words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        format!(" {} ", words[words.len().saturating_sub(4)..].join(" "))
    }

    #[test]
    fn last_words_as_joined() {
        let mut out = String::new();
        for text in [
            "",
            "   ",
            ", ;",
            "truoc",
            "hoan thanh truoc ngay",
            "a b c d e f g",
            "  x  y, z;",
            "cham nhat: den het 30/",
            "bat dau tu 1 2 3 4 5 6 7 8 9",
            "ưu tiên, đầu năm",
        ] {
            let window: Vec<char> = text.chars().collect();
            last_words(&window, &mut out);
            assert_eq!(out, reference(&window), "{text:?}");
        }
    }
}
