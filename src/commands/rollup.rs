//! `par rollup PATH...`: the district view of the plan files found (see [`crate::collect`]).

use std::path::Path;

use crate::cli::{RollupArgs, RollupFormat};
use crate::collect::{Found, read_all, walk};
use crate::error::{Fail, code};
use crate::output::{OutputFile, Payload, deliver};
use crate::render::{Style, json};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &RollupArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let found = walk(&args.paths);
    if !found.iter().any(|f| matches!(f, Found::File(_))) {
        // Nothing to read: a path that could not be read is exit 3 (as for any command);
        // folders without plan files are bad input, 2.
        if let Some(Found::Error(p, why)) = found.first() {
            let shown = crate::text::clean(&p.display().to_string()).into_owned();
            return Err(Fail::new(why.kind(), why.headline(lang, &shown)).help_in(lang, why.help(lang)).into());
        }
        let shown: Vec<String> =
            args.paths.iter().map(|p| crate::text::clean(&p.display().to_string()).into_owned()).collect();
        return Err(Fail::input(format!("no plan files (*.toml) in {}", shown.join(", ")))
            .help("give the folder holding the units' plan files, or the files themselves")
            .into());
    }
    // The output is checked before any work: never one of the files rolled up, never an
    // existing file without --force.
    let inputs: Vec<&Path> = found
        .iter()
        .filter_map(|f| match f {
            Found::File(p) => Some(p.as_path()),
            Found::Error(..) => None,
        })
        .collect();
    let output = args.output.as_deref().map(|p| OutputFile::check(p, &inputs, args.force, lang)).transpose()?;
    let jobs = args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get());
    let report = read_all(&found, ctx.today, lang, jobs).finish(ctx.today);

    let to_terminal_table = args.format == RollupFormat::Table && args.output.is_none();
    if !to_terminal_table {
        // The report itself shows these on a terminal; elsewhere, say them on stderr.
        for d in &report.duplicates {
            eprintln!(
                "warning: {} `{}`: {}",
                lang.pick("đơn vị có trong nhiều tệp", "unit claimed by several files"),
                crate::text::one_line(&d.unit),
                d.paths.iter().map(|p| crate::text::one_line(p)).collect::<Vec<_>>().join(", ")
            );
        }
    }
    for s in &report.skipped {
        // The full reason (every problem with its line) goes to stderr; the report has one line each.
        if to_terminal_table {
            continue;
        }
        eprintln!(
            "warning: {} {}: {}",
            lang.pick("bỏ qua", "skipped"),
            crate::text::one_line(&s.path),
            s.kind.label(lang)
        );
        for line in s.detail.lines() {
            eprintln!("  {}", crate::text::clean(line));
        }
    }

    let text = match args.format {
        RollupFormat::Table => {
            let style = if args.output.is_some() {
                Style { lang, color: false, width: None }
            } else {
                Style::new(lang, ctx.color, ctx.width)
            };
            crate::render::rollup::table::render(&report, &style)
        }
        RollupFormat::Json => json::to_json("rollup", &report),
        RollupFormat::Csv => crate::render::rollup::csv::render(&report, lang),
        RollupFormat::Md => crate::render::rollup::md::render(&report, lang),
        RollupFormat::Html => crate::render::rollup::html::render(&report, lang),
    };
    let mut outcome = deliver(output.as_ref(), Payload::Text(text), lang, "rollup")?;
    if !report.skipped.is_empty() {
        outcome.code = code::FINDINGS;
    }
    Ok(outcome)
}
