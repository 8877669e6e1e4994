//! `par note`: the officer's words for one reporting period (`[[report.note]]`):
//! the overall assessment, the causes of shortcomings, the direction for the next period,
//! a proposal. Without a text, lists the period's notes.
//!
//! A new note is written after the last `[report…]` table of the file (else before the
//! first task, else at the end), through the same checked, atomic, locked write as every
//! change: only the new lines are added.

use crate::cli::NoteArgs;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::{NoteKind, Plan};
use crate::write::Session;
use crate::write::locate::Layout;
use crate::write::splice::{Change, Lines, block_after};
use crate::{Context, Outcome, say};

pub fn run(ctx: &Context, args: &NoteArgs) -> anyhow::Result<Outcome> {
    let Some(text) = &args.text else {
        let loaded = ctx.load()?;
        let lang = ctx.lang_for(&loaded.plan);
        let period = period(&loaded.plan, &args.period, lang)?;
        return Ok(Outcome::ok(list(&loaded.plan, period, args.kind.as_deref(), lang)?));
    };
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let period = period(plan, &args.period, lang)?;
    let kind = match args.kind.as_deref() {
        Some(k) => kind(k, lang)?,
        None => {
            return Err(Fail::input(say!(lang, NoteNeedsKind)).into());
        }
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(Fail::input(say!(lang, NoteTextEmpty)).into());
    }
    let mut lines = Lines::new(s.eol());
    lines
        .raw("[[report.note]]")
        .string("period", &period.to_string())
        .string("kind", kind.keyword())
        .string("text", text);
    let at = place(s.text());
    let change = Change::new(at..at, block_after(s.text(), at, &lines.text, s.eol()));
    verify(&s, &change, plan.report.notes.len(), lang)?;
    s.commit(&change)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã ghi {} cho báo cáo {}.", kind.label(lang).to_lowercase(), period.label(lang)),
            &format!("Wrote the {} for the {} report.", kind.label(lang).to_lowercase(), period.label(lang)),
        )
    )))
}

/// The period typed: one of the plan's year that the plan's calendar reports on.
fn period(plan: &Plan, typed: &str, lang: Lang) -> Result<Period, Fail> {
    let year = plan.meta.year;
    let period = Period::parse(typed, Some(year))
        .map_err(|reason| Fail::input(say!(lang, BadPeriodOption, reason)).help(say!(lang, NotePeriodHelp)))?;
    if period.year() != year {
        return Err(Fail::input(say!(lang, NotePeriodOutsideYear, period = period.label(lang), year)));
    }
    if let Err(reason) = crate::calendar::window(plan.report.calendar, period, plan.report.due_day) {
        return Err(Fail::input(say!(lang, NoReportInCalendar, period = period.label(lang), reason)));
    }
    Ok(period)
}

fn kind(typed: &str, lang: Lang) -> Result<NoteKind, Fail> {
    NoteKind::parse(typed)
        .ok_or_else(|| Fail::input(say!(lang, UnknownNoteKindOption, typed = crate::text::clean(typed.trim()))))
}

/// The period's notes (of one kind, when asked), by kind in the report's order.
fn list(plan: &Plan, period: Period, kind_filter: Option<&str>, lang: Lang) -> Result<String, Fail> {
    let only = kind_filter.map(|k| kind(k, lang)).transpose()?;
    let (notes, proposals) = crate::compute::report_words::notes(plan, period);
    let mut out = String::new();
    for k in NoteKind::ALL.into_iter().filter(|k| only.is_none_or(|o| o == *k)) {
        let texts = match k {
            NoteKind::Assessment => &notes.assessment,
            NoteKind::Cause => &notes.cause,
            NoteKind::Direction => &notes.direction,
            NoteKind::Proposal => &proposals,
        };
        out.push_str(&format!("{} ({}):\n", k.label(lang), k.keyword()));
        if texts.is_empty() {
            out.push_str(&format!("  {}\n", lang.pick("(chưa ghi)", "(none yet)")));
        }
        for t in texts {
            out.push_str(&format!("  - {}\n", crate::text::one_line(t)));
        }
    }
    Ok(format!("{}\n{out}", period.label(lang)))
}

/// Where a new `[[report.note]]` goes: after the last `[report…]` table's content, else
/// before the first task (and the comments above it), else after the file's content.
fn place(text: &str) -> usize {
    let layout = Layout::scan(text);
    let h = &layout.headers;
    let next_after = |i: usize| h.get(i + 1).map_or(layout.content_end, |n| n.prev_content_end);
    if let Some(i) = h.iter().rposition(|x| x.path.first().is_some_and(|p| p == "report")) {
        return next_after(i);
    }
    match h.iter().position(|x| x.is_task()) {
        Some(t) => h[t].prev_content_end,
        None => layout.content_end,
    }
}

/// The plan must read, once changed, with exactly one more note.
fn verify(s: &Session, change: &Change, before: usize, lang: Lang) -> Result<(), Fail> {
    let changed = change.apply(s.text());
    let ok = match crate::plan::load::parse(&s.path, &changed) {
        Ok(plan) => plan.report.notes.len() == before + 1,
        Err(_) => false,
    };
    if ok { Ok(()) } else { Err(Fail::input(say!(lang, NoteNotPlaced))) }
}
