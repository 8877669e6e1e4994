//! One module per subcommand; each loads what it needs, calls a pure computation
//! and a renderer, and returns the output.

mod export;
mod list;
mod rollup;
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
        Command::Rollup(args) => rollup::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(ctx, args),
    }
}
