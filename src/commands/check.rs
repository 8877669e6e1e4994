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
    /// Sent reports whose copy is missing or changed (`[[report.sent]]`).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sent_copies: &'a [String],
    /// Warnings on the plan as a whole (they do not change the exit code).
    warnings: &'a [PlanWarning],
}

pub fn run(ctx: &Context, args: &CheckArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load_whole()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let violations = check(plan, lang);
    let copies = super::sent::check_copies(plan, &loaded.path, lang);
    let clean = violations.is_empty() && copies.is_empty();
    let warnings = plan_warnings(plan, ctx.today, lang);
    // With JSON the warnings are in the document; on a terminal, on standard error.
    for w in warnings.iter().filter(|_| args.format == ReadFormat::Table) {
        eprintln!(
            "{}: {}",
            crate::messages::label(lang, crate::messages::Msg::LabelWarning),
            crate::text::clean(&w.problem)
        );
        eprintln!("  {}: {}", crate::failure::help_label(lang), crate::text::clean(&w.fix));
    }
    let stdout = match args.format {
        ReadFormat::Json => json::to_json(
            "check",
            &CheckJson {
                tasks: plan.tasks.len(),
                clean,
                violations: &violations,
                sent_copies: &copies,
                warnings: &warnings,
            },
        ),
        ReadFormat::Table => {
            let mut text =
                crate::render::check::render(&violations, plan.tasks.len(), &Style::new(lang, ctx.color, ctx.width));
            for c in &copies {
                text.push_str(&format!("{}: {c}\n", lang.pick("báo cáo đã gửi", "sent report")));
            }
            text
        }
    };
    Ok(Outcome { stdout, code: if clean { code::OK } else { code::FINDINGS } })
}
