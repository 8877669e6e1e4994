use crate::cli::{ExportArgs, ExportFormat};
use crate::compute::export::export;
use crate::error::Fail;
use crate::output::{Payload, deliver};
use crate::render::json;
use crate::say;
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ExportArgs) -> anyhow::Result<Outcome> {
    let lang = crate::messages::output_lang();
    if !args.paths.is_empty() {
        return run_units(ctx, args);
    }
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, Some(path)) => ExportFormat::from_path(path).ok_or_else(|| {
            let file = crate::text::clean(&path.display().to_string()).into_owned();
            Fail::input(say!(lang, ExportFormatUnknown, file)).help(say!(lang, ExportFormatUnknownHelp))
        })?,
        (None, None) => {
            return Err(Fail::input(say!(lang, ExportChooseFormat)).into());
        }
    };
    if args.sheet.is_some() && format != ExportFormat::Csv {
        return Err(Fail::input(say!(lang, SheetOnlyCsv)).into());
    }
    // Refuse binary output to a terminal before doing any work.
    if format == ExportFormat::Xlsx && args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(crate::output::refusal("xlsx").into());
    }
    let plan_path = ctx.plan_path()?;
    let loaded = ctx.load_at(&plan_path)?;
    let lang = ctx.lang_for(&loaded.plan);
    // The output is checked before the work: never the plan, never an existing file without --force.
    let output = crate::commands::report::check_output(args.output.as_deref(), &plan_path, args.force, lang)?;
    let data = export(&loaded.plan, ctx.today, lang);
    let payload = match format {
        ExportFormat::Json => Payload::Text(json::to_json("export", &data)),
        ExportFormat::Csv => Payload::Text(crate::render::export::csv::render(
            &data,
            args.sheet.map(Into::into).unwrap_or_default(),
            lang,
        )),
        ExportFormat::Ics => Payload::Text(crate::render::export::ics::calendar(&data, lang)),
        ExportFormat::Xlsx => Payload::Binary(crate::render::export::xlsx::render(&data, lang).map_err(Fail::write)?),
    };
    Ok(deliver(output.as_ref(), payload, lang, "xlsx")?)
}

/// `par export DIR…`: the plans the roll-up counts (one per unit, of the year), one row
/// per item with the unit's code and name; the workbook adds the units and the criteria.
fn run_units(ctx: &Context, args: &ExportArgs) -> anyhow::Result<Outcome> {
    use crate::collect::{Found, load_plan, read_all, walk};
    use crate::compute::rollup::Scope;
    use crate::render::export::units::{UnitExport, criteria_sheet, items_sheet, units_sheet};
    use chrono::Datelike;
    let lang = ctx.lang.unwrap_or_default();
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => Some(f),
        (None, Some(path)) => ExportFormat::from_path(path),
        (None, None) => None,
    };
    let format = match format {
        Some(f @ (ExportFormat::Csv | ExportFormat::Xlsx)) => f,
        _ => {
            return Err(Fail::input(
                lang.pick("xuất cả thư mục: --format csv hoặc xlsx", "exporting folders: --format csv or xlsx"),
            )
            .help_in(lang, "par export DIR --format xlsx -o tong-hop.xlsx")
            .into());
        }
    };
    if format == ExportFormat::Xlsx && args.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(crate::output::refusal("xlsx").into());
    }
    let (roster, roster_path) = crate::commands::rollup::load_roster(&args.paths, args.roster.as_ref(), lang)?;
    let mut found = walk(&args.paths);
    if let Some(r) = &roster_path {
        let canon = std::fs::canonicalize(r).unwrap_or_else(|_| r.clone());
        found.retain(
            |f| !matches!(f, Found::File(p) if std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()) == canon),
        );
    }
    if !found.iter().any(|f| matches!(f, Found::File(_))) {
        return Err(Fail::input(lang.pick("không có tệp kế hoạch (*.toml) nào", "no plan files (*.toml)"))
            .help_in(
                lang,
                lang.pick(
                    "hãy chỉ thư mục chứa các tệp kế hoạch của đơn vị",
                    "give the folder holding the units' plan files",
                ),
            )
            .into());
    }
    let inputs: Vec<&std::path::Path> =
        found.iter().filter_map(|f| if let Found::File(p) = f { Some(p.as_path()) } else { None }).collect();
    let output =
        args.output.as_deref().map(|p| crate::output::OutputFile::check(p, &inputs, args.force, lang)).transpose()?;
    let scope = Scope { year: args.year.unwrap_or_else(|| ctx.today.year()), period: None };
    let report = read_all(&found, ctx.today, scope, lang, 1).finish(ctx.today, scope, roster.as_ref());
    let units: Vec<UnitExport> = report
        .units
        .iter()
        .filter_map(|u| {
            let plan = load_plan(std::path::Path::new(&u.path))?;
            Some(UnitExport {
                code: u.code.clone().or_else(|| u.roster_code.clone()),
                export: export(&plan, ctx.today, lang),
            })
        })
        .collect();
    let payload = match format {
        ExportFormat::Xlsx => Payload::Binary(
            crate::render::export::xlsx::workbook(
                &[items_sheet(&units, lang), units_sheet(&report, lang), criteria_sheet(&report, lang)],
                lang.pick("Tổng hợp kế hoạch các đơn vị", "Units' plans"),
                roster.as_ref().and_then(|r| r.office.unit.as_deref()).unwrap_or(""),
                ctx.today,
            )
            .map_err(Fail::write)?,
        ),
        _ => Payload::Text(crate::render::export::csv::sheet_csv(&items_sheet(&units, lang))),
    };
    Ok(deliver(output.as_ref(), payload, lang, "xlsx")?)
}
