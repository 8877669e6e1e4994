//! One module per subcommand; each loads what it needs, calls a pure computation
//! and a renderer, and returns the output.

mod add;
mod assess;
/// `par assess pack`: the dossier (the lead wires the command at merge with s15-assess).
pub mod assess_pack;
mod cancel;
mod check;
mod done;
mod edit;
mod export;
mod import;
mod index;
mod init;
mod list;
mod log;
mod measure;
mod note;
mod owner;
mod reopen;
pub(crate) mod report;
mod restore;
mod rm;
mod rollup;
mod sent;
mod shell;
mod show;
mod status;

use crate::cli::Command;
use crate::{Context, Outcome};

pub fn run(ctx: &Context, command: &Command) -> anyhow::Result<Outcome> {
    match command {
        Command::Status(args) => status::run(ctx, args),
        Command::List(args) => list::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Index(args) => index::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Done(args) => done::run(ctx, args),
        Command::Measure(args) => measure::run(ctx, args),
        Command::Reopen(args) => reopen::run(ctx, args),
        Command::Log(args) => log::run(ctx, args),
        Command::Note(args) => note::run(ctx, args),
        Command::Add(args) => add::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Rm(args) => rm::run(ctx, args),
        Command::Cancel(args) => cancel::run(ctx, args),
        Command::Restore(args) => restore::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::Owner(args) => owner::run(ctx, args),
        Command::Rollup(args) => rollup::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(ctx, args),
        Command::Assess(args) => assess::run(ctx, args),
    }
}
