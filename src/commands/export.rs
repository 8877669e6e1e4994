use crate::cli::{ExportArgs, ExportFormat};
use crate::compute::export::export;
use crate::error::Fail;
use crate::output::{Payload, deliver};
use crate::render::json;
use crate::say;
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &ExportArgs) -> anyhow::Result<Outcome> {
    let lang = crate::messages::output_lang();
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
