//! `par export --format ics`: an iCalendar file (RFC 5545) with one all-day
//! event per deadline — each one-off task with a due date and each period of a
//! recurring task — for Google Calendar, Outlook and phones.
//!
//! Stable and deterministic: an event's UID is made from the unit, the plan's
//! year and the item's key (`4@2025-Q3`), so importing a newer export updates
//! events instead of duplicating them; DTSTAMP is `--today` at midnight UTC,
//! so the same plan on the same day gives the same bytes.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

use crate::compute::export::Export;
use crate::i18n::Lang;

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters are not allowed and are made visible.
pub fn escape_text(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned = crate::text::clean(&normalised);
    let mut out = String::with_capacity(cleaned.len() + 8);
    for c in cleaned.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no line exceeds 75 octets (RFC 5545 §3.1):
/// continuation lines start with a space, and a UTF-8 character is never split.
pub fn push_line(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            // The leading space counts toward the 75 octets of the next line.
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// FNV-1a, 64 bits: a fixed hash, so UIDs do not change between runs or versions.
fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A UID safe in any calendar: the key's letters and digits, and a hash of
/// the unit, the year and the exact key (so keys that differ only in dropped
/// characters stay distinct).
fn uid(export: &Export, key: &str) -> String {
    let readable: String =
        key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '-' }).collect();
    format!("{readable}-{:016x}@par", fnv1a(&format!("{}\u{1f}{}\u{1f}{key}", export.unit, export.year)))
}

fn day(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

pub fn calendar(export: &Export, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, &format!("PRODID:-//par//par {}//{}", env!("CARGO_PKG_VERSION"), l.pick("VI", "EN")));
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&format!("{} — {}", export.unit, l.pick("hạn nhiệm vụ", "deadlines")))),
    );
    push_line(&mut out, &format!("X-WR-CALDESC:{}", escape_text(&export.plan)));
    let stamp = format!("{}T000000Z", day(export.today));
    for o in &export.occurrences {
        let Some(due) = o.due else { continue };
        let done = o.status.is_done();
        let mut summary = String::new();
        if done {
            summary.push_str("✓ ");
        }
        let _ = write!(summary, "[{}] {}", o.key, crate::text::one_line(&o.title));
        let mut desc = String::new();
        let mut field = |label: &str, value: &str| {
            if !value.is_empty() {
                let _ = writeln!(desc, "{label}: {value}");
            }
        };
        field(l.pick("Đơn vị", "Unit"), &export.unit);
        field(l.pick("Nhiệm vụ", "Task"), &format!("{} — {}", o.task, o.title));
        if let Some(p) = &o.period_label {
            field(l.pick("Kỳ", "Period"), p);
        }
        field(l.pick("Chủ trì", "Owner"), o.owner.as_deref().unwrap_or(""));
        field(l.pick("Kết quả cần đạt", "Expected result"), o.result.as_deref().unwrap_or(""));
        field(
            &format!("{} {}", l.pick("Trạng thái ngày", "Status on"), crate::dates::short(export.today)),
            o.status.label(l),
        );
        if let Some(d) = o.done_date {
            field(l.pick("Ngày hoàn thành", "Done on"), &crate::dates::short(d));
        }
        field(l.pick("Minh chứng", "Evidence"), &o.evidence.join("; "));
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", uid(export, &o.key)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(due)));
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(due + Duration::days(1))));
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(desc.trim_end())));
        push_line(&mut out, &format!("CATEGORIES:{}", escape_text(&o.section)));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("x\r\ny\u{1b}"), "x\\ny\\\\u{1b}");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "Ý kiến người dân ".repeat(12));
        push_line(&mut out, &line);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        let mut short = String::new();
        push_line(&mut short, "END:VEVENT");
        assert_eq!(short, "END:VEVENT\r\n");
    }

    #[test]
    fn uids_are_stable_and_distinct() {
        let e = Export {
            unit: "U".into(),
            plan: "P".into(),
            year: 2025,
            today: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            tasks: vec![],
            occurrences: vec![],
            progress: vec![],
        };
        assert_eq!(uid(&e, "4@2025-Q3"), uid(&e, "4@2025-Q3"));
        assert_ne!(uid(&e, "4@2025-Q3"), uid(&e, "4@2025-Q4"));
        assert_ne!(uid(&e, "a b"), uid(&e, "a-b"));
        assert!(uid(&e, "4@2025-Q3").starts_with("4-2025-Q3-"));
    }
}
