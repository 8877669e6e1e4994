use serde::Serialize;

use crate::cli::{CheckArgs, ReadFormat};
use crate::compute::check::{Violation, check};
use crate::error::code;
use crate::render::{Style, json};
use crate::{Context, Outcome};

#[derive(Serialize)]
struct CheckJson<'a> {
    tasks: usize,
    clean: bool,
    violations: &'a [Violation],
}

pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let violations = check(plan, lang);
    let stdout = match args.format {
        ReadFormat::Json => json::to_json(
            "check",
            &CheckJson { tasks: plan.tasks.len(), clean: violations.is_empty(), violations: &violations },
        ),
        ReadFormat::Table => {
            crate::render::check::render(&violations, plan.tasks.len(), &Style::new(lang, ctx.color, ctx.width))
        }
    };
    Ok(Outcome { stdout, code: if violations.is_empty() { code::OK } else { code::FINDINGS } })
}
