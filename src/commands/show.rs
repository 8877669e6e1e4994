use crate::cli::{ReadFormat, ShowArgs};
use crate::compute::show::detail;
use crate::render::{Style, json, show};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ShowArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let (i, _) = crate::write::resolve::task_key(plan, &args.id, lang)?;
    let d = detail(plan, &plan.tasks[i], ctx.today, lang);
    Ok(Outcome::ok(match args.format {
        ReadFormat::Json => json::to_json("task", &d),
        ReadFormat::Table => show::render(&d, &Style::new(lang, ctx.color, ctx.width)),
    }))
}
