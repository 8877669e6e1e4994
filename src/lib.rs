//! `par`: a tracker for Vietnamese public units' PAR Index remedial plans.
//!
//! The flow is hledger's: a plain file in (`plan`), pure computations over the
//! model and a date (`compute`), renderers out (`render`), and a thin CLI
//! (`cli` parses, `commands` runs one subcommand each).

pub mod alloc;
pub mod cli;
pub mod collect;
pub mod commands;
pub mod error;
pub mod output;
pub mod received;
pub mod write;

// The layers below the CLI are crates (see ARCHITECTURE.md); re-exported here so that
// `crate::plan::…` in commands and `par::plan::…` in tests and tools read as before.
pub use par_core::{calendar, compute, dates, failure, i18n, messages, period, plan, read, say, text};
pub use par_import as import;
pub use par_render as render;

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Parser;

use crate::cli::{Cli, ColorChoice};
use crate::error::{Fail, code};
use crate::i18n::Lang;

/// What every command needs besides its own arguments.
pub struct Context {
    pub file: Option<PathBuf>,
    pub cwd: PathBuf,
    pub today: NaiveDate,
    /// `--lang`, when given; otherwise the plan's language applies.
    pub lang: Option<Lang>,
    pub color: bool,
    /// Terminal width to fit tables to, when known.
    pub width: Option<u16>,
}

impl Context {
    /// The plan file, found as cargo finds Cargo.toml.
    pub fn plan_path(&self) -> Result<PathBuf, plan::PlanError> {
        plan::discover(self.file.as_deref(), &self.cwd)
    }

    /// Loads the plan as it stood on `today` (see [`Context::load_at`]), and warns on
    /// standard error about entries par wrote that have vanished from it since (see
    /// `write::journal`).
    pub fn load(&self) -> Result<plan::Loaded, plan::PlanError> {
        self.load_at(&self.plan_path()?)
    }

    /// [`Context::load`] of the plan at `path`, already found with [`Context::plan_path`],
    /// as it stood on `today` ([`plan::Plan::as_of`]): what reading commands see, so that
    /// `--today D` replays the plan of day D.
    pub fn load_at(&self, path: &std::path::Path) -> Result<plan::Loaded, plan::PlanError> {
        let mut loaded = self.load_whole_at(path)?;
        loaded.plan = loaded.plan.as_of(self.today);
        Ok(loaded)
    }

    /// The whole plan as the file holds it, whatever `today` is: for `check` and `rm`.
    pub fn load_whole(&self) -> Result<plan::Loaded, plan::PlanError> {
        self.load_whole_at(&self.plan_path()?)
    }

    fn load_whole_at(&self, path: &std::path::Path) -> Result<plan::Loaded, plan::PlanError> {
        let path = path.to_path_buf();
        // Read before the plan: see `write::journal::snapshot`.
        let journaled = write::journal::snapshot(write::journal::path_for_named(&path).as_deref(), false);
        let loaded = plan::load(&path)?;
        // From here on, messages speak the plan's language unless `--lang` said otherwise.
        messages::set_output_lang(self.lang_for(&loaded.plan));
        write::journal::warn(journaled, &loaded.plan, &path, self.lang_for(&loaded.plan));
        Ok(loaded)
    }

    pub fn lang_for(&self, plan: &plan::Plan) -> Lang {
        self.lang.unwrap_or_else(|| plan.lang())
    }
}

/// What a command produced: text for standard output and the exit code.
pub struct Outcome {
    pub stdout: String,
    pub code: i32,
}

impl Outcome {
    pub fn ok(stdout: String) -> Outcome {
        Outcome { stdout, code: code::OK }
    }
}

/// Runs `par` with the process's arguments and returns the exit code.
pub fn run() -> i32 {
    // A file-size limit (`ulimit -f`) must make a write fail with an error par reports and
    // cleans up after, not kill the process with SIGXFSZ and leave a temporary file.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" at start, before any thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // `--date hôm qua` typed without quotes, as the help's examples read, is one value.
    let args = dates::glue_date_words(std::env::args_os().collect());
    let lang = error::lang_of_args(&args);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Usage errors in the run's language, from the catalogue; help and version as clap prints them.
            match error::usage(&e, lang) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() { code::INPUT } else { code::OK };
        }
    };
    // How the import returns memory to the system, set while this is the only thread.
    if matches!(cli.command, cli::Command::Import(_)) {
        import::when_tasks_are_read(alloc::return_freed_memory_at_once);
    }
    match build_context(&cli).and_then(|ctx| commands::run(&ctx, &cli.command)) {
        Ok(outcome) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`par list | head`) is not an error: the reader has what it wanted.
            match out.write_all(outcome.stdout.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => outcome.code,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome.code,
                Err(e) => {
                    eprintln!(
                        "error: {}",
                        say!(messages::output_lang(), CannotWriteOutput, reason = error::io_reason(&e))
                    );
                    code::IO
                }
            }
        }
        Err(e) => {
            let (text, code) = error::report(&e);
            eprintln!("{text}");
            code
        }
    }
}

fn build_context(cli: &Cli) -> anyhow::Result<Context> {
    let lang = cli.lang.map(Lang::from);
    // Messages before a plan is loaded: `--lang`, else Vietnamese.
    messages::set_output_lang(lang.unwrap_or_default());
    let said = messages::output_lang();
    let clock = chrono::Local::now().date_naive();
    let today = match cli.today.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => dates::parse_user_date(s, clock).map_err(|reason| Fail::input(say!(said, BadToday, reason)))?,
        None => clock,
    };
    let cwd =
        std::env::current_dir().map_err(|e| Fail::read(say!(said, NoCurrentFolder, reason = error::io_reason(&e))))?;
    let is_tty = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_tty && !no_color && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    };
    // The terminal's own width when standard output is one (COLUMNS is rarely exported, so
    // a plain shell in an 80-column window would otherwise get 150-column tables); else
    // COLUMNS, which is also how tests and scripts ask for a width.
    let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok());
    let width = is_tty.then(terminal_width).flatten().or_else(columns).filter(|&w: &u16| w >= 20);
    Ok(Context { file: cli.file.clone(), cwd, today, lang, color, width })
}

/// The width of the terminal on standard output, asked of the terminal itself.
#[cfg(unix)]
fn terminal_width() -> Option<u16> {
    let mut size = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we own; on failure (not a
    // terminal) it writes nothing and returns -1.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(size.ws_col)
}

#[cfg(not(unix))]
fn terminal_width() -> Option<u16> {
    None
}
