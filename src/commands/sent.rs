//! The report that was sent stays as it was sent: `par report --final` writes the copy
//! that goes out into the plan's reports folder and records it (`[[report.sent]]`:
//! period, number, date, file, SHA-256); asking again for a sent period says where the
//! copy is and whether the plan, replayed on the day it was sent, still renders it byte
//! for byte; `par check` verifies the copies against their checksums.

use std::path::{Path, PathBuf};

use crate::cli::{ReportArgs, ReportFormat};
use crate::compute::report::{Report, build};
use crate::compute::sent::{next_number, sha256_hex};
use crate::dates::short;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::period::Period;
use crate::plan::{Plan, Sent};
use crate::write::Session;
use crate::write::locate::Layout;
use crate::write::splice::{Change, Lines, block_after};
use crate::{Context, Outcome, say};

/// The folder of sent copies when the plan names none (`[report] folder`).
pub const DEFAULT_FOLDER: &str = "reports";

/// `par report --final`: see the module's documentation. Writes nothing when anything
/// is wrong: the period already sent, a number already used, a placeholder left.
pub fn final_report(ctx: &Context, args: &ReportArgs) -> anyhow::Result<Outcome> {
    let format = args.format.unwrap_or(ReportFormat::Docx);
    let s = Session::open(ctx)?;
    let lang = s.lang;
    let period = super::report::requested(args, s.plan().meta.year)?;
    // The report is the plan as it stands today; the file keeps every task.
    let plan = s.plan().clone().as_of(ctx.today);
    let period = period.unwrap_or_else(|| crate::compute::sent::period_to_write(&plan, ctx.today));
    if let Some(sent) = s.plan().sent(period) {
        let (date, number, file) = (short(sent.date), &sent.number, &sent.file);
        return Err(Fail::input(say!(lang, AlreadySent, period = period.label(lang), date, number, file)).into());
    }
    let mut report = build(&plan, Some(period), ctx.today, lang).map_err(Fail::input)?;
    report.header.number = match &args.number {
        Some(n) => checked_number(s.plan(), n, lang)?,
        None => next_number(s.plan(), &report.header.number),
    };
    refuse_placeholders(&report, lang)?;
    let bytes = super::report::render(&report, format)?;
    let sha = sha256_hex(&bytes);
    let folder = plan.report.folder.clone().unwrap_or_else(|| DEFAULT_FOLDER.to_string());
    let file = format!("{}/bao-cao-{period}.{}", folder.trim_end_matches('/'), extension(format));
    let dir = s.path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let copy = dir.join(&file);

    // The plan's new text, checked whole before anything is written.
    let mut lines = Lines::new(s.eol());
    lines.raw("[[report.sent]]").string("period", &period.to_string()).string("number", &report.header.number);
    lines.date("date", Some(ctx.today)).string("file", &file).string("sha256", &sha);
    let at = sent_position(s.text());
    let change = Change::new(at..at, block_after(s.text(), at, &lines.text, s.eol()));
    let new_plan = crate::plan::load::parse(&s.path, &change.apply(s.text()))
        .map_err(|e| Fail::input(format!("{}\n{}", e.rendered.trim_end(), say!(lang, SentWouldBreakPlan))))?;
    if new_plan.sent(period).is_none_or(|r| r.sha256 != sha) {
        return Err(Fail::input(say!(lang, SentNotPlaced)).into());
    }
    if let Some(parent) = copy.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            let dir = crate::text::clean(&parent.display().to_string()).into_owned();
            Fail::write(say!(lang, CannotCreateFolder, dir, reason = crate::error::io_reason(&e)))
        })?;
    }
    crate::write::atomic::create_new(&copy, &bytes, lang)?;
    if let Err(e) = s.commit(&change) {
        // Nothing written: the copy goes with the record that failed.
        let _ = std::fs::remove_file(&copy);
        return Err(e.into());
    }
    let number = &report.header.number;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!(
                "Đã ghi báo cáo {} số {number} vào {file} và ghi nhận đã gửi ngày {} (SHA-256 {}…).",
                report.period_label,
                short(ctx.today),
                &sha[..12]
            ),
            &format!(
                "Wrote the {} report, number {number}, to {file} and recorded it as sent on {} (SHA-256 {}…).",
                report.period_label,
                short(ctx.today),
                &sha[..12]
            ),
        )
    )))
}

/// A number typed with `--number`: not empty, not one already recorded.
fn checked_number(plan: &Plan, typed: &str, lang: Lang) -> Result<String, Fail> {
    let n = typed.trim();
    if n.is_empty() {
        return Err(Fail::input(say!(lang, SentNumberEmpty)));
    }
    if let Some(other) = plan.report.sent.iter().find(|s| s.number == n) {
        let (period, date) = (other.period.label(lang), short(other.date));
        return Err(
            Fail::input(say!(lang, SentNumberTaken, number = n, period, date)).help(say!(lang, SentNumberTakenHelp))
        );
    }
    Ok(n.to_string())
}

/// `--final` refuses a report with parts still to fill in.
fn refuse_placeholders(report: &Report, lang: Lang) -> Result<(), Fail> {
    let blanks = report.blanks();
    let unwritten = report.placeholders();
    if blanks.is_empty() && unwritten.is_empty() {
        return Ok(());
    }
    let mut list: Vec<String> = blanks.iter().map(|p| format!("{} «{}»", p.what.text(lang), p.text)).collect();
    list.extend(unwritten.iter().map(|p| format!("{} ({})", p.kind.label(lang), p.command())));
    Err(Fail::input(say!(lang, ReportHasBlanks, list = list.join(", "))).help(say!(lang, ReportHasBlanksHelp)))
}

fn extension(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Md => "md",
        ReportFormat::Txt => "txt",
        ReportFormat::Json => "json",
        ReportFormat::Docx => "docx",
        ReportFormat::Html => "html",
    }
}

/// Where a new `[[report.sent]]` goes: after the last `[report…]` table (its last
/// non-blank line), else before the first task, else at the end of the file. Kept in the
/// plan's head, so large plans are still read in pieces.
fn sent_position(text: &str) -> usize {
    let layout = Layout::scan(text);
    let hs = &layout.headers;
    match hs.iter().rposition(|h| h.path.first().is_some_and(|p| p == "report")) {
        Some(k) => hs.get(k + 1).map_or(layout.content_end, |next| next.prev_content_end),
        None => hs.iter().find(|h| h.is_task()).map_or(layout.content_end, |t| t.prev_content_end),
    }
}

/// For a period whose report is recorded as sent: where the copy is and whether the plan,
/// replayed on the day it was sent with the number it was given, renders the same bytes.
/// `None` when the period is not sent.
pub fn note(plan: &Plan, plan_path: &Path, period: Period, lang: Lang) -> Option<String> {
    let sent = plan.sent(period)?;
    let (date, number, file) = (short(sent.date), &sent.number, &sent.file);
    let head = say!(lang, SentAlready, period = period.label(lang), date, number, file);
    let copy = plan_path.parent().unwrap_or(Path::new(".")).join(&sent.file);
    let tail = match std::fs::read(&copy) {
        Err(_) => Msg::SentCopyMissing,
        Ok(bytes) if sha256_hex(&bytes) != sent.sha256 => Msg::SentCopyChanged,
        Ok(bytes) => match regenerate(plan, sent, &copy, lang) {
            Some(again) if again == bytes => Msg::SentCopySame,
            _ => Msg::SentCopyDiffers,
        },
    };
    Some(format!("{head} {}\n", tail.text(lang)))
}

/// The sent report rendered again: the plan as of its date, its number, its copy's format.
fn regenerate(plan: &Plan, sent: &Sent, copy: &Path, lang: Lang) -> Option<Vec<u8>> {
    let format = super::report::format_of(copy)?;
    let then = plan.clone().as_of(sent.date);
    let mut report = build(&then, Some(sent.period), sent.date, lang).ok()?;
    report.header.number = sent.number.clone();
    super::report::render(&report, format).ok()
}

/// What `par check` finds wrong with the sent copies: each missing or changed one.
pub fn check_copies(plan: &Plan, plan_path: &Path, lang: Lang) -> Vec<String> {
    let dir = plan_path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for s in &plan.report.sent {
        let label = s.period.label(lang);
        match std::fs::read(dir.join(&s.file)) {
            Err(e) => out.push(lang.pick(
                &format!(
                    "dòng {}: không đọc được bản đã gửi của báo cáo {label} ({}): {}; hãy đặt lại bản đã gửi vào đó",
                    s.line,
                    s.file,
                    crate::error::io_reason(&e)
                ),
                &format!(
                    "line {}: cannot read the sent copy of the {label} report ({}): {}; put the copy that was sent back there",
                    s.line,
                    s.file,
                    crate::error::io_reason(&e)
                ),
            ).to_string()),
            Ok(bytes) if sha256_hex(&bytes) != s.sha256 => out.push(lang.pick(
                &format!(
                    "dòng {}: bản đã gửi của báo cáo {label} ({}) đã bị sửa: SHA-256 không khớp với số đã ghi; hãy đặt lại đúng bản đã gửi",
                    s.line, s.file
                ),
                &format!(
                    "line {}: the sent copy of the {label} report ({}) was changed: its SHA-256 does not match the one recorded; put the copy that was sent back",
                    s.line, s.file
                ),
            ).to_string()),
            Ok(_) => {}
        }
    }
    out
}
