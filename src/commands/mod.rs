//! One module per subcommand; each loads what it needs, calls a pure computation
//! and a renderer, and returns the output.

mod check;
mod import;
mod index;
mod list;
mod report;
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
    }
}
