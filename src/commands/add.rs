//! `par add`: a new task, written after the last task of its section.

use crate::cli::AddArgs;
use crate::error::Fail;
use crate::plan::Repeat;
use crate::say;
use crate::write::locate::content_end;
use crate::write::splice::{Change, Lines, block_after};
use crate::write::{Session, fields, resolve};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &AddArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let f = &args.fields;
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Fail::input(say!(lang, AddTitleEmpty)).into());
    }
    let section = match &f.section {
        Some(typed) => resolve::section(plan, typed, lang)?,
        None if plan.sections.len() == 1 => 0,
        None => {
            let ids: Vec<&str> = plan.sections.iter().map(|s| s.id.as_str()).collect();
            return Err(Fail::input(say!(lang, SectionNeeded, ids = ids.join(", "))).into());
        }
    };
    let owner = f.owner.as_deref().map(|o| resolve::owner_to_assign(plan, o, "--owner", lang)).transpose()?;
    let support_ids = match &f.support {
        Some(list) => fields::support(plan, None, list, lang)?,
        None => Vec::new(),
    };
    let criteria = match &f.criteria {
        Some(list) => fields::criteria(plan, None, list, lang)?,
        None => Vec::new(),
    };
    let indicator = fields::indicator_keys(f, lang)?;
    let indicator = match indicator.is_empty() {
        true => None,
        false => Some(fields::new_indicator(&indicator, s.eol(), lang)?),
    };
    let date = |typed: &Option<String>, option: &str| {
        typed.as_deref().map(|d| resolve::date(d, option, ctx.today, plan.meta.year, lang)).transpose()
    };
    let (start, due, end) = (date(&f.start, "--start")?, date(&f.due, "--due")?, date(&f.end, "--end")?);
    let repeat = f.repeat.as_deref().map(|r| resolve::repeat(r, lang)).transpose()?;

    let id = match &args.id {
        // Written in NFC form; an existing id in another form is the same id.
        Some(id) => crate::text::nfc(id.trim()).into_owned(),
        None => resolve::next_id(plan, section),
    };
    if let Some(other) = plan.tasks.iter().find(|t| crate::text::nfc(&t.id).eq_ignore_ascii_case(&id)) {
        return Err(Fail::input(say!(lang, IdTaken, id, line = other.line)).into());
    }

    let mut lines = Lines::new(s.eol());
    lines.raw("[[task]]").string("id", &id).string("section", &plan.sections[section].id).string("title", title);
    lines.opt_string("detail", f.detail.as_deref().map(str::trim).filter(|d| !d.is_empty()));
    lines.opt_string("owner", owner.map(|o| plan.owners[o].id.as_str()));
    lines.strings("support", &support_ids).date("start", start).date("due", due).date("end", end);
    if let Some(r) = repeat.filter(|r| *r != Repeat::Once) {
        lines.string("repeat", r.keyword());
    }
    if let Some(day) = f.due_day {
        lines.raw(&format!("due_day = {day}"));
    }
    lines.opt_string("result", f.result.as_deref().map(str::trim).filter(|r| !r.is_empty()));
    lines.strings("criteria", &criteria);
    // The day it entered the plan: `--today D` on an earlier day replays the plan without it.
    lines.date("added", Some(ctx.today));
    if let Some(table) = &indicator {
        lines.raw("");
        lines.text.push_str(table);
    }

    // After the last task of its section; else before the first task of a later
    // section; else after the last task; else at the end of the file.
    let (at, before_next) = match plan.tasks.iter().rposition(|t| t.section == section) {
        Some(j) => (s.block(j)?.content.end, false),
        None => match plan.tasks.iter().position(|t| t.section > section) {
            Some(j) => (s.block(j)?.header.prev_content_end, true),
            None => match plan.tasks.len().checked_sub(1) {
                Some(j) => (s.block(j)?.content.end, false),
                None => (content_end(s.text()), false),
            },
        },
    };
    let mut insert = block_after(s.text(), at, &lines.text, s.eol());
    if before_next && !s.text()[at..].starts_with(['\r', '\n']) {
        // Keep a blank line between the new task and the one that now follows it.
        insert.push_str(s.eol());
    }
    let change = Change::new(at..at, insert);
    s.check(&change, at..at)?;
    let sec = plan.sections[section].id.clone();
    s.commit(&change)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã thêm nhiệm vụ {id} vào phần {sec}: {}", crate::render::title(title, 80)),
            &format!("Added task {id} to section {sec}: {}", crate::render::title(title, 80)),
        )
    )))
}
