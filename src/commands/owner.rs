//! `par owner add|edit|rm|list`: the plan's owners (người, bộ phận chủ trì), each a
//! `[[owner]]` table. Only the lines of the owner concerned change; the whole plan is
//! checked before anything is written.

use std::ops::Range;

use serde::Serialize;

use crate::cli::{OwnerAction, OwnerAddArgs, OwnerArgs, OwnerEditArgs, OwnerListArgs, OwnerRmArgs, ReadFormat};
use crate::error::Fail;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::plan::Plan;
use crate::render::{Style, json, table_text};
use crate::write::Session;
use crate::write::fields::{before_after, values_of};
use crate::write::keys::edit_table;
use crate::write::locate::Layout;
use crate::write::splice::{Change, Lines, block_after, quote};
use crate::{Context, Outcome, say};

/// The keys of an `[[owner]]` table, in the order they are written.
const KEYS: &[&str] = &["id", "name", "name_en", "note"];

pub fn run(ctx: &Context, args: &OwnerArgs) -> anyhow::Result<Outcome> {
    match &args.action {
        OwnerAction::List(a) => list(ctx, a),
        OwnerAction::Add(a) => add(ctx, a),
        OwnerAction::Edit(a) => edit(ctx, a),
        OwnerAction::Rm(a) => rm(ctx, a),
    }
}

#[derive(Serialize)]
struct OwnerRow {
    id: String,
    name: String,
    name_en: Option<String>,
    /// Ids of the tasks it leads.
    owner_of: Vec<String>,
    /// Ids of the tasks it supports.
    supports: Vec<String>,
}

fn rows(plan: &Plan) -> Vec<OwnerRow> {
    plan.owners
        .iter()
        .enumerate()
        .map(|(k, o)| OwnerRow {
            id: o.id.clone(),
            name: o.name.clone(),
            name_en: o.name_en.clone(),
            owner_of: plan.tasks.iter().filter(|t| t.owner == Some(k)).map(|t| t.id.clone()).collect(),
            supports: plan.tasks.iter().filter(|t| t.support.contains(&k)).map(|t| t.id.clone()).collect(),
        })
        .collect()
}

fn list(ctx: &Context, args: &OwnerListArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let rows = rows(plan);
    if args.format == ReadFormat::Json {
        #[derive(Serialize)]
        struct Owners<'a> {
            owners: &'a [OwnerRow],
        }
        return Ok(Outcome::ok(json::to_json("owners", &Owners { owners: &rows })));
    }
    let style = Style::new(lang, ctx.color, ctx.width);
    let mut t = style.table(&[
        lang.pick("Mã", "Id"),
        lang.pick("Tên", "Name"),
        lang.pick("Chủ trì", "Leads"),
        lang.pick("Phối hợp", "Supports"),
    ]);
    let ids = |v: &[String]| if v.is_empty() { "–".to_string() } else { v.join(", ") };
    for r in &rows {
        let name = match (&r.name_en, lang) {
            (Some(en), Lang::En) => format!("{} ({en})", r.name),
            _ => r.name.clone(),
        };
        t.add_row(vec![crate::text::one_line(&r.id), crate::text::one_line(&name), ids(&r.owner_of), ids(&r.supports)]);
    }
    Ok(Outcome::ok(table_text(&t)))
}

/// The `[[owner]]` tables of the file, in the order of `plan.owners`: each table's own
/// lines, and what removing it takes (with the blank lines before it).
struct OwnerTables {
    tables: Vec<(Range<usize>, Range<usize>)>,
    /// Where a new owner goes when there is none yet: before the first section or task.
    first_after: Option<usize>,
    content_end: usize,
}

fn owner_tables(s: &Session) -> Result<OwnerTables, Fail> {
    let layout = Layout::scan(s.text());
    let mut tables = Vec::new();
    for (n, h) in layout.headers.iter().enumerate() {
        if h.array && h.path.len() == 1 && h.path[0] == "owner" {
            let end = layout.headers.get(n + 1).map_or(layout.content_end, |next| next.prev_content_end);
            tables.push((h.start..end, h.prev_content_end..end));
        }
    }
    if tables.len() != s.plan().owners.len() {
        return Err(Fail::input(say!(s.lang, OnlyOwnerTables, path = s.path.display())));
    }
    let first_after = layout
        .headers
        .iter()
        .find(|h| h.array && h.path.len() == 1 && (h.path[0] == "section" || h.path[0] == "task"))
        .map(|h| h.prev_content_end);
    Ok(OwnerTables { tables, first_after, content_end: layout.content_end })
}

/// The owner with id `typed` (exactly, else ignoring case), or an error naming the ids.
fn find(plan: &Plan, typed: &str, lang: Lang) -> Result<usize, Fail> {
    let t = crate::text::nfc(typed.trim()).into_owned();
    let fold = crate::text::fold_case(&t);
    plan.owners
        .iter()
        .position(|o| crate::text::nfc(&o.id) == t)
        .or_else(|| plan.owners.iter().position(|o| crate::text::fold_case(&o.id) == fold))
        .ok_or_else(|| {
            let ids: Vec<&str> = plan.owners.iter().map(|o| o.id.as_str()).collect();
            let near = crate::text::nearest(&t, ids.iter().copied(), 1);
            let typed = crate::text::clean(&t);
            let msg = match near.first() {
                Some(near) => say!(lang, OwnerNotFoundNear, typed, near),
                None => say!(lang, OwnerNotFound, typed),
            };
            Fail::input(msg).help(say!(lang, OwnerIdsHelp, ids = ids.join(", ")))
        })
}

/// Checks the whole plan after `change` (owners are referenced across the file), then writes.
fn check_and_commit(s: Session, change: &Change) -> Result<(), Fail> {
    let new_text = change.apply(s.text());
    if let Err(e) = crate::plan::load::parse(&s.path, &new_text) {
        return Err(Fail::rendered(
            crate::error::Kind::Input,
            format!(
                "{}\n      {}: {}",
                e.to_string().trim_end(),
                Msg::LabelNote.text(s.lang),
                say!(s.lang, ChangeBreaksPlan)
            ),
        ));
    }
    s.commit(change)
}

fn add(ctx: &Context, args: &OwnerAddArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let id = crate::text::nfc(args.id.trim()).into_owned();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(Fail::input(say!(lang, OwnerIdNotOneWord, id = crate::text::clean(&id))).into());
    }
    let name = args.name.trim();
    if name.is_empty() {
        return Err(Fail::input(say!(lang, OwnerNameEmpty)).into());
    }
    let fold = crate::text::fold_case(&id);
    if let Some(o) = plan.owners.iter().find(|o| crate::text::fold_case(&o.id) == fold) {
        return Err(Fail::input(say!(lang, OwnerIdTaken, id, name = crate::text::clean(&o.name)))
            .help(say!(lang, OwnerIdTakenHelp, id = o.id))
            .into());
    }
    let tables = owner_tables(&s)?;
    let mut lines = Lines::new(s.eol());
    lines.raw("[[owner]]").string("id", &id).string("name", name);
    lines.opt_string("name_en", args.name_en.as_deref().map(str::trim).filter(|v| !v.is_empty()));
    lines.opt_string("note", args.note.as_deref().map(str::trim).filter(|v| !v.is_empty()));
    let at = match (tables.tables.last(), tables.first_after) {
        (Some((own, _)), _) => own.end,
        (None, Some(at)) => at,
        (None, None) => tables.content_end,
    };
    let change = Change::new(at..at, block_after(s.text(), at, &lines.text, s.eol()));
    check_and_commit(s, &change)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!("Đã thêm người chủ trì {id}: {}.", crate::text::clean(name)),
            &format!("Added owner {id}: {}.", crate::text::clean(name))
        )
    )))
}

fn edit(ctx: &Context, args: &OwnerEditArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let k = find(plan, &args.id, lang)?;
    let mut set: Vec<(&str, String)> = Vec::new();
    if let Some(n) = &args.name {
        if n.trim().is_empty() {
            return Err(Fail::input(say!(lang, OwnerNameEmpty)).into());
        }
        set.push(("name", quote(n.trim())));
    }
    if let Some(n) = &args.name_en {
        set.push(("name_en", quote(n.trim())));
    }
    if let Some(n) = &args.note {
        set.push(("note", quote(n.trim())));
    }
    if set.is_empty() {
        return Err(Fail::input(say!(lang, OwnerNothingToEdit)).into());
    }
    let tables = owner_tables(&s)?;
    let range = tables.tables[k].0.clone();
    let old_text = &s.text()[range.clone()];
    let new = edit_table(old_text, &["owner"], true, &set, &[], s.eol(), KEYS)
        .map_err(|reason| Fail::input(say!(lang, TableEditFailed, table = "[[owner]]", reason)))?;
    let change = Change::new(range, new);
    let id = plan.owners[k].id.clone();
    if change.is_noop(s.text()) {
        return Err(Fail::findings(say!(lang, OwnerEditChangesNothing, id)).into());
    }
    let keys: Vec<&str> = set.iter().map(|(k, _)| *k).collect();
    let old = values_of(old_text, &["owner"], true, &keys);
    let shown: Vec<(String, Option<String>, Option<String>)> = set
        .iter()
        .zip(old)
        .filter(|((_, new), old)| old.as_deref() != Some(new.as_str()))
        .map(|((k, new), old)| (k.to_string(), old, Some(new.clone())))
        .collect();
    let summary: Vec<&str> = shown.iter().map(|(k, ..)| k.as_str()).collect();
    let summary = summary.join(", ");
    let details = before_after(&shown, lang);
    check_and_commit(s, &change)?;
    eprint!("{details}");
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(&format!("Đã sửa người chủ trì {id}: {summary}."), &format!("Changed owner {id}: {summary}."))
    )))
}

fn rm(ctx: &Context, args: &OwnerRmArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let k = find(plan, &args.id, lang)?;
    let id = plan.owners[k].id.clone();
    let row = rows(plan).swap_remove(k);
    if !row.owner_of.is_empty() || !row.supports.is_empty() {
        let mut uses = Vec::new();
        if !row.owner_of.is_empty() {
            uses.push(say!(lang, WhatOwnerLeads, tasks = row.owner_of.join(", ")));
        }
        if !row.supports.is_empty() {
            uses.push(say!(lang, WhatOwnerSupports, tasks = row.supports.join(", ")));
        }
        let first = row.owner_of.first().or(row.supports.first()).cloned().unwrap_or_default();
        return Err(Fail::input(say!(lang, OwnerInUse, id, uses = uses.join("; ")))
            .help(say!(lang, OwnerInUseHelp, first, id))
            .into());
    }
    let tables = owner_tables(&s)?;
    let (own, removal) = tables.tables[k].clone();
    let text = s.text();
    let header_line_start = own.start;
    // Comments right above the table (often the banner of the owners' part) stay; so the
    // next table takes the removed one's place under them, the blank lines after it go.
    let attached = text[removal.start..header_line_start].contains('#');
    let range = if attached {
        let rest = &text[own.end..];
        let blank = rest.len() - rest.trim_start_matches(['\n', '\r', ' ', '\t']).len();
        let mut end = own.end + blank;
        // Keep the indentation of the next line: cut at the start of its line.
        while end > own.end && !text[..end].ends_with('\n') {
            end -= 1;
        }
        header_line_start..end
    } else {
        removal
    };
    let change = Change::new(range, "");
    check_and_commit(s, &change)?;
    Ok(Outcome::ok(format!("{}\n", lang.pick(&format!("Đã xóa người chủ trì {id}."), &format!("Removed owner {id}.")))))
}
