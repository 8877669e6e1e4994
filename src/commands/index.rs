use crate::cli::{IndexArgs, ReadFormat};
use crate::compute::index::{evidence, forecast};
use crate::error::Fail;
use crate::render::{Style, index, json};
use crate::say;
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &IndexArgs) -> anyhow::Result<Outcome> {
    let loaded = ctx.load()?;
    let plan = &loaded.plan;
    let lang = ctx.lang_for(plan);
    let style = Style::new(lang, ctx.color, ctx.width);
    if args.explain {
        let text = index::explain(lang);
        return Ok(Outcome::ok(match args.format {
            ReadFormat::Json => json::to_json("index_explain", &Explain { lang, text, lines: text.lines().collect() }),
            ReadFormat::Table => text.to_string(),
        }));
    }
    let no_index = || Fail::input(say!(lang, NoIndexTree, file = loaded.path.display()));
    if args.evidence {
        let r = evidence(plan, ctx.today, lang).ok_or_else(no_index)?;
        return Ok(Outcome::ok(match args.format {
            ReadFormat::Json => json::to_json("index_evidence", &r),
            ReadFormat::Table => index::render_evidence(&r, &style),
        }));
    }
    let r = forecast(plan, ctx.today, lang).ok_or_else(no_index)?;
    Ok(Outcome::ok(match args.format {
        ReadFormat::Json => json::to_json("index", &r),
        ReadFormat::Table => index::render(&r, &style),
    }))
}

/// `par index --explain --format json`: the rules the forecast follows, as text and lines.
#[derive(serde::Serialize)]
struct Explain<'a> {
    lang: crate::i18n::Lang,
    text: &'a str,
    lines: Vec<&'a str>,
}
