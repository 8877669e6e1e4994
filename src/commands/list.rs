use serde::Serialize;

use crate::cli::{ListArgs, ReadFormat};
use crate::compute::list::{Filter, Row, list};
use crate::error::Fail;
use crate::render::{Style, json};
use crate::{Context, Outcome};

#[derive(Serialize)]
struct ListJson<'a> {
    today: chrono::NaiveDate,
    items: &'a [Row],
}

pub fn run(ctx: &Context, args: &ListArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let filter = Filter {
        // Resolved here, once, with the command line's worded errors (ambiguous names too).
        owner: match &args.owner {
            Some(o) => Some(plan.owners[crate::write::resolve::owner(plan, o, "--owner", lang)?].id.clone()),
            None => None,
        },
        section: args.section.clone(),
        status: args.status.map(Into::into),
        grep: args.grep.clone(),
        occurrences: args.occurrences,
    };
    let rows = list(plan, ctx.today, &filter, lang).map_err(Fail::input)?;
    let stdout = match args.format {
        ReadFormat::Json => json::to_json("list", &ListJson { today: ctx.today, items: &rows }),
        ReadFormat::Table => crate::render::list::render(&rows, &Style::new(lang, ctx.color, ctx.width)),
    };
    // The process ends right after: leave the plan and the rows to the OS rather than
    // free their allocations one by one.
    std::mem::forget((loaded, rows));
    Ok(Outcome::ok(stdout))
}
