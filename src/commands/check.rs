use serde::Serialize;

use crate::cli::{CheckArgs, ReadFormat};
use crate::compute::check::{PlanWarning, Violation, check, plan_warnings};
use crate::error::code;
use crate::render::{Style, json};
use crate::{Context, Outcome};

#[derive(Serialize)]
struct CheckJson<'a> {
    tasks: usize,
    clean: bool,
    violations: &'a [Violation],
    /// Warnings on the plan as a whole (they do not change the exit code).
    warnings: &'a [PlanWarning],
}

pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let violations = check(plan, lang);
    let warnings = plan_warnings(plan, lang);
    // With JSON the warnings are in the document; on a terminal, on standard error.
    for w in warnings.iter().filter(|_| args.format == ReadFormat::Table) {
        eprintln!("warning: {}", crate::text::clean(&w.problem));
        eprintln!("  {}: {}", crate::failure::help_label(lang), crate::text::clean(&w.fix));
    }
    let stdout = match args.format {
        ReadFormat::Json => json::to_json(
            "check",
            &CheckJson {
                tasks: plan.tasks.len(),
                clean: violations.is_empty(),
                violations: &violations,
                warnings: &warnings,
            },
        ),
        ReadFormat::Table => {
            crate::render::check::render(&violations, plan.tasks.len(), &Style::new(lang, ctx.color, ctx.width))
        }
    };
    Ok(Outcome { stdout, code: if violations.is_empty() { code::OK } else { code::FINDINGS } })
}
