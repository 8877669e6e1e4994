//! Shell integration: completion scripts and manual pages, generated from the
//! same clap definitions as the command line, so they never go out of date.

use crate::say;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::Fail;
use crate::{Context, Outcome};

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<Outcome> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "par", &mut buf);
    Ok(Outcome::ok(String::from_utf8_lossy(&buf).into_owned()))
}

/// Every page: `par.1`, then one per subcommand (`par-status.1`…), as (file name, roff).
pub fn pages() -> Result<Vec<(String, Vec<u8>)>, std::io::Error> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), std::io::Error> {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut buf = Vec::new();
        man.render(&mut buf)?;
        out.push((man.get_filename(), buf));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out)?;
        }
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, &mut out)?;
    Ok(out)
}

pub fn man(ctx: &Context, args: &ManArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let pages = pages().map_err(|e| Fail::write(say!(lang, ManualNotRendered, reason = e)))?;
    let Some(dir) = &args.output else {
        let (_, main) = pages.into_iter().next().ok_or_else(|| Fail::write(say!(lang, NoManualPage)))?;
        return Ok(Outcome::ok(String::from_utf8_lossy(&main).into_owned()));
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        let dir = crate::text::clean(&dir.display().to_string()).into_owned();
        Fail::write(say!(lang, CannotCreateFolder, dir, reason = crate::error::io_reason(&e)))
    })?;
    // Every page is checked before any is written: an existing page is replaced only with --force.
    let files = pages
        .iter()
        .map(|(name, _)| crate::output::OutputFile::check(&dir.join(name), &[], args.force, lang))
        .collect::<Result<Vec<_>, _>>()?;
    for (file, (_, roff)) in files.iter().zip(&pages) {
        file.write(roff, lang)?;
    }
    eprintln!("{}", say!(lang, WrotePages, count = pages.len(), dir = crate::text::clean(&dir.display().to_string())));
    Ok(Outcome::ok(String::new()))
}
