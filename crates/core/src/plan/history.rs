//! The plan over time: the day each task entered it (`added`), tasks that will not be
//! carried out (`cancelled`), values that change on a date (`[[plan.change]]`: a new
//! superior body after a reorganisation) and the reports recorded as sent
//! (`[[report.sent]]`).
//!
//! [`Plan::as_of`] replays the plan as it stood on a day: reading commands see the plan
//! through it, so a past report regenerates as it was written. [`Plan::in_force`] gives
//! the heading values in force on a report's date.

use chrono::NaiveDate;
use serde::Serialize;

use super::diagnostic::Diagnostic;
use super::model::{Plan, Signer, Task};
use super::schema::{RawCancelled, RawChange, RawDate, RawSent};
use crate::messages::{Msg, output_lang};
use crate::period::Period;
use crate::say;

/// `[[plan.change]]`: the values that replace the plan's from `from` on (`None`: unchanged).
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub from: NaiveDate,
    pub superior: Option<String>,
    pub recipients: Option<Vec<String>>,
    pub place: Option<String>,
    /// The report's addressee ("Kính gửi").
    pub to: Option<String>,
    pub signer: Option<Signer>,
}

/// A report recorded as sent (`[[report.sent]]`, written by `par report --final`).
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    pub period: Period,
    pub number: String,
    pub date: NaiveDate,
    /// The copy written, relative to the plan's folder.
    pub file: String,
    /// SHA-256 of the copy, in lower-case hexadecimal.
    pub sha256: String,
    /// 1-based line of the `period` key, to name in findings.
    pub line: usize,
}

/// A task that will not be carried out, from `date`, for `reason`.
#[derive(Debug, Clone, Serialize)]
pub struct Cancelled {
    pub date: NaiveDate,
    pub reason: String,
}

/// The heading values of a report in force on its date: the plan's (`[report]` first,
/// then `[plan]`), replaced by every `[[plan.change]]` from on or before that date.
#[derive(Debug, Clone)]
pub struct InForce {
    pub superior: Option<String>,
    pub to: Option<String>,
    pub recipients: Vec<String>,
    pub place: Option<String>,
    pub signer: Option<Signer>,
}

impl Task {
    /// Whether the task is in the plan on `day`: a task without `added` is there from the start.
    pub fn present_on(&self, day: NaiveDate) -> bool {
        self.added.is_none_or(|a| a <= day)
    }

    /// The cancellation that holds on `day` (one dated later has not happened yet).
    pub fn cancelled_on(&self, day: NaiveDate) -> Option<&Cancelled> {
        self.cancelled.as_ref().filter(|c| c.date <= day)
    }
}

impl Plan {
    /// The plan as it stood on `day`: the tasks added after it are left out, and so are
    /// the cancellations and sent reports dated after it. What reading commands see
    /// (`--today D` replays the plan); writers never use it, so no task leaves the file.
    /// Costs one pass over the tasks when nothing is dated after `day`.
    pub fn as_of(mut self, day: NaiveDate) -> Plan {
        if self.tasks.iter().any(|t| !t.present_on(day)) {
            self.tasks.retain(|t| t.present_on(day));
        }
        for t in self.tasks.iter_mut().filter(|t| t.cancelled.as_ref().is_some_and(|c| c.date > day)) {
            t.cancelled = None;
        }
        self.report.sent.retain(|s| s.date <= day);
        self
    }

    /// The heading values in force on `day` (see [`InForce`]).
    pub fn in_force(&self, day: NaiveDate) -> InForce {
        let r = &self.report;
        let mut out = InForce {
            superior: r.superior.clone().or_else(|| self.meta.superior.clone()),
            to: r.to.clone(),
            recipients: r.recipients.clone().unwrap_or_else(|| self.meta.recipients.clone()),
            place: r.place.clone().or_else(|| self.meta.place.clone()),
            signer: r.signer.clone().or_else(|| self.meta.signer.clone()),
        };
        // Changes are kept sorted by date: the latest in force wins.
        for c in self.meta.changes.iter().take_while(|c| c.from <= day) {
            if let Some(v) = &c.superior {
                out.superior = Some(v.clone());
            }
            if let Some(v) = &c.to {
                out.to = Some(v.clone());
            }
            if let Some(v) = &c.recipients {
                out.recipients = v.clone();
            }
            if let Some(v) = &c.place {
                out.place = Some(v.clone());
            }
            if let Some(v) = &c.signer {
                out.signer = Some(v.clone());
            }
        }
        out
    }

    /// The record of `period`'s report as sent, if any.
    pub fn sent(&self, period: Period) -> Option<&Sent> {
        self.report.sent.iter().find(|s| s.period == period)
    }
}

/// What the checks of this module need of [`super::validate`]'s checker.
pub(crate) trait Check {
    fn problem_at(&mut self, diagnostic: Diagnostic);
    /// The date, or a problem naming it as `what` (a `What…` phrase of the catalogue) with `id`.
    fn date_of(&mut self, raw: &RawDate, what: Msg, id: &str) -> Option<NaiveDate>;
}

fn signer(raw: &super::schema::RawSigner) -> Signer {
    super::validate::signer(raw)
}

/// Checks `[[plan.change]]`: each has a date and changes something; sorted by date.
pub(crate) fn changes(c: &mut impl Check, raw: &[RawChange]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(raw.len());
    for r in raw {
        let Some(from) = c.date_of(&r.from, Msg::WhatChangeFrom, "") else { continue };
        let lang = output_lang();
        if r.superior.is_none() && r.recipients.is_none() && r.place.is_none() && r.to.is_none() && r.signer.is_none() {
            c.problem_at(
                Diagnostic::new(say!(lang, ChangeChangesNothing), Some(r.from.span()))
                    .help(say!(lang, ChangeChangesNothingHelp)),
            );
            continue;
        }
        if out.iter().any(|o| o.from == from) {
            c.problem_at(
                Diagnostic::new(say!(lang, ChangeTwice, from), Some(r.from.span())).help(say!(lang, ChangeTwiceHelp)),
            );
            continue;
        }
        out.push(Change {
            from,
            superior: r.superior.clone(),
            recipients: r.recipients.clone(),
            place: r.place.clone(),
            to: r.to.clone(),
            signer: r.signer.as_ref().map(signer),
        });
    }
    out.sort_by_key(|c| c.from);
    out
}

/// Checks `[[report.sent]]`: a period, a date, a file, a SHA-256; one record per period
/// and per number.
pub(crate) fn sent(c: &mut impl Check, raw: &[RawSent], year: i32, lines: &super::validate::LineIndex) -> Vec<Sent> {
    let mut out: Vec<Sent> = Vec::with_capacity(raw.len());
    for r in raw {
        let period = match Period::parse(r.period.get_ref(), Some(year)) {
            Ok(p) => p,
            Err(e) => {
                c.problem_at(Diagnostic::new(e, Some(r.period.span())));
                continue;
            }
        };
        let Some(date) = c.date_of(&r.date, Msg::WhatSentDate, "") else { continue };
        let lang = output_lang();
        let sha = r.sha256.get_ref().trim().to_ascii_lowercase();
        if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
            c.problem_at(Diagnostic::new(say!(lang, BadSha256), Some(r.sha256.span())).help(say!(lang, BadSha256Help)));
            continue;
        }
        if r.file.get_ref().trim().is_empty() {
            c.problem_at(Diagnostic::new(say!(lang, SentFileEmpty), Some(r.file.span())));
            continue;
        }
        if out.iter().any(|s| s.period == period) {
            c.problem_at(
                Diagnostic::new(say!(lang, SentTwice, period), Some(r.period.span())).help(say!(lang, SentTwiceHelp)),
            );
            continue;
        }
        let number = r.number.get_ref().trim().to_string();
        if out.iter().any(|s| s.number == number) {
            let shown = crate::text::clean(&number);
            c.problem_at(
                Diagnostic::new(say!(lang, SentNumberTwice, number = shown), Some(r.number.span()))
                    .help(say!(lang, SentNumberTwiceHelp)),
            );
            continue;
        }
        out.push(Sent {
            period,
            number,
            date,
            file: r.file.get_ref().trim().to_string(),
            sha256: sha,
            line: lines.line(r.period.span().start),
        });
    }
    out
}

/// Checks a task's `cancelled`: a date and a reason.
pub(crate) fn cancelled(c: &mut impl Check, raw: Option<&RawCancelled>, id: &str) -> Option<Cancelled> {
    let raw = raw?;
    let date = c.date_of(&raw.date, Msg::WhatCancelDate, id)?;
    if raw.reason.get_ref().trim().is_empty() {
        let lang = output_lang();
        c.problem_at(
            Diagnostic::new(say!(lang, CancelledWithoutReason, id), Some(raw.reason.span()))
                .help(say!(lang, CancelledWithoutReasonHelp)),
        );
        return None;
    }
    Some(Cancelled { date, reason: raw.reason.get_ref().trim().to_string() })
}

#[cfg(test)]
mod tests {
    use crate::plan::load::parse;
    use chrono::NaiveDate;
    use std::path::Path;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const PLAN: &str = r#"[plan]
unit = "U"
title = "T"
year = 2025
superior = "Ủy ban nhân dân Quận 1"
place = "Quận 1"
recipients = ["Phòng Nội vụ Quận 1"]
[[plan.change]]
from = 2025-07-01
superior = "Ủy ban nhân dân phường Sài Gòn"
place = "Thành phố Hồ Chí Minh"
[[plan.change]]
from = 2025-08-01
recipients = ["Ủy ban nhân dân phường Sài Gòn"]
[report]
[[report.sent]]
period = "2025-Q2"
number = "01/BC-U"
date = 2025-07-10
file = "reports/q2.md"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"
[[section]]
id = "II"
title = "S"
[[task]]
id = "1"
section = "II"
title = "a"
[[task]]
id = "2"
section = "II"
title = "b"
added = 2025-08-05
cancelled = { date = 2025-09-01, reason = "không còn phù hợp" }
"#;

    #[test]
    fn as_of_leaves_out_what_came_later() {
        let p = parse(Path::new("t.toml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.tasks[1].added, Some(d(2025, 8, 5)));
        let before = p.clone().as_of(d(2025, 8, 4));
        assert_eq!(before.tasks.len(), 1);
        assert!(before.sent(crate::period::Period::Quarter(2025, 2)).is_some());
        let on = p.clone().as_of(d(2025, 8, 5));
        assert_eq!(on.tasks.len(), 2);
        assert!(on.tasks[1].cancelled.is_none(), "cancelled on 1/9, not yet on 5/8");
        assert_eq!(p.clone().as_of(d(2025, 9, 1)).tasks[1].cancelled.as_ref().unwrap().reason, "không còn phù hợp");
        assert!(p.as_of(d(2025, 7, 9)).report.sent.is_empty());
    }

    #[test]
    fn values_in_force_on_a_date() {
        let p = parse(Path::new("t.toml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
        let june = p.in_force(d(2025, 6, 30));
        assert_eq!(june.superior.as_deref(), Some("Ủy ban nhân dân Quận 1"));
        assert_eq!(june.recipients, ["Phòng Nội vụ Quận 1"]);
        let july = p.in_force(d(2025, 7, 1));
        assert_eq!(july.superior.as_deref(), Some("Ủy ban nhân dân phường Sài Gòn"));
        assert_eq!(july.place.as_deref(), Some("Thành phố Hồ Chí Minh"));
        assert_eq!(july.recipients, ["Phòng Nội vụ Quận 1"]);
        assert_eq!(p.in_force(d(2025, 10, 10)).recipients, ["Ủy ban nhân dân phường Sài Gòn"]);
    }

    #[test]
    fn bad_history_is_named() {
        let bad = PLAN
            .replace("reason = \"không còn phù hợp\"", "reason = \" \"")
            .replace("recipients = [\"Ủy ban nhân dân phường Sài Gòn\"]\n", "")
            .replace("sha256 = \"0000", "sha256 = \"xx00");
        let e = parse(Path::new("t.toml"), &bad).unwrap_err().rendered;
        assert!(e.contains("bảng [[plan.change]] này không thay đổi gì"), "{e}");
        assert!(e.contains("sha256 phải gồm 64 chữ số thập lục phân"), "{e}");
        assert!(e.contains("bị hủy mà không ghi lý do"), "{e}");
        let twice = PLAN.replace("from = 2025-08-01", "from = 2025-07-01");
        let e = parse(Path::new("t.toml"), &twice).unwrap_err().rendered;
        assert!(e.contains("hai bảng [[plan.change]] cùng có hiệu lực từ ngày 2025-07-01"), "{e}");
    }

    #[test]
    fn a_cancelled_task_keeps_what_was_done() {
        use crate::compute::{Status, occurrences};
        let text = PLAN.replace(
            "title = \"a\"\n",
            "title = \"a\"\nrepeat = \"quarterly\"\nstart = 2025-04-01\ncancelled = { date = 2025-09-01, reason = \"r\" }\n[[task.done]]\nperiod = \"2025-Q2\"\ndate = 2025-06-20\n",
        );
        let p = parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"));
        let status = |day| occurrences(&p, &p.tasks[0]).iter().map(|o| o.status(day)).collect::<Vec<_>>();
        use Status::*;
        assert_eq!(status(d(2025, 8, 31)), [DoneOnTime, Open, NotStarted]);
        assert_eq!(status(d(2025, 9, 1)), [DoneOnTime, NotCarriedOut, NotCarriedOut]);
    }
}
