//! Command-line arguments. Parsing only: the work is in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::compute::listing::StatusFilter;
use crate::i18n::Lang;

const EXAMPLES: &str = "\
Ví dụ / Examples:
  par status                          tiến độ, việc quá hạn / progress and overdue items
  par status --today 2025-09-30       như vào ngày 30/9/2025 / as on a given day
  par list --status overdue           việc quá hạn / overdue tasks
  par list --grep \"y kien\"            tìm không cần dấu / search without diacritics
  par show 4                          mọi thông tin về nhiệm vụ 4 / everything about task 4
  par status --format json | jq .     cho script / for scripts

Tệp kế hoạch / Plan file: -f FILE, else $PAR_FILE, else plan.toml here or in a parent folder.
Exit codes: 0 ok, 1 findings, 2 bad input or usage, 3 file could not be read or written.";

#[derive(Debug, Parser)]
#[command(
    name = "par",
    version,
    about = "Theo dõi Kế hoạch khắc phục, cải thiện Chỉ số CCHC (PAR Index)\nTrack a unit's plan to fix and raise its PAR Index",
    after_help = EXAMPLES,
    max_term_width = 100
)]
pub struct Cli {
    /// Plan file (default: $PAR_FILE, else plan.toml here or in a parent folder)
    #[arg(short = 'f', long, global = true, env = "PAR_FILE", value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Compute as on this day (2025-09-30, 30/9/2025, hôm qua…) instead of the clock's date
    #[arg(long, global = true, env = "PAR_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Language of the output (default: the plan's `lang`, else Vietnamese)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    /// Colour: auto uses colour only on a terminal and never when NO_COLOR is set
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReadFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tiến độ theo phần, theo người chủ trì; việc quá hạn, sắp đến hạn / Progress, overdue and upcoming items
    #[command(
        after_help = "Ví dụ / Examples:\n  par status\n  par status --within 30\n  par status --today 2025-12-31 --format json"
    )]
    Status(StatusArgs),
    /// Danh sách nhiệm vụ có lọc / List tasks, with filters
    #[command(
        visible_alias = "ls",
        after_help = "Ví dụ / Examples:\n  par list --status overdue\n  par list --owner ht --section II\n  par list --grep \"thu dien tu\"\n  par list --occurrences --status done"
    )]
    List(ListArgs),
    /// Mọi thông tin về một nhiệm vụ / Everything about one task
    #[command(after_help = "Ví dụ / Examples:\n  par show 4\n  par show II.4\n  par show III.2 --format json")]
    Show(ShowArgs),
    /// Tổng hợp kế hoạch của nhiều đơn vị (Phòng Nội vụ) / District rollup of many units' plans
    #[command(after_help = ROLLUP_EXAMPLES)]
    Rollup(RollupArgs),
    /// Xuất kế hoạch ra CSV, Excel, lịch (ICS), JSON / Export the plan to CSV, Excel, calendar (ICS), JSON
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    /// In script gợi ý lệnh cho shell / Print shell completions
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// In trang hướng dẫn (man) / Print the manual page
    #[command(
        after_help = "Ví dụ / Examples:\n  par man | man -l -\n  par man -o ~/.local/share/man/man1    one page per subcommand too"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Show items due within this many days (default: the plan's within_days, else 14)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// Exit with code 1 when anything is overdue (for scripts and CI)
    #[arg(long)]
    pub fail_on_overdue: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Owner id or part of the name (primary or supporting), e.g. `ht` or "hieu truong"
    #[arg(long)]
    pub owner: Option<String>,
    /// Section id, e.g. II
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long, value_enum)]
    pub status: Option<StatusFilter>,
    /// Text in the id, title, detail or expected result; case and diacritics are ignored
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
    /// One row per period of recurring tasks (e.g. 4@2025-Q3) instead of one per task
    #[arg(long)]
    pub occurrences: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Task id as the plan numbers it: `4`, `II.4`, `III.1`
    pub id: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

const ROLLUP_EXAMPLES: &str = "\
Ví dụ / Examples:
  par rollup ke-hoach/                     mọi *.toml trong thư mục / every *.toml under it
  par rollup ke-hoach/ --format html -o dashboard.html
  par rollup a.toml b.toml --format csv -o tong-hop.csv
  par rollup . --today 2025-09-30 --format json

Thứ tự \"kém nhất trước\" / \"Worst first\": more overdue items, then lower % complete,
then lower on-time rate, then the unit's name.
Exit code 1 when a file was skipped (unreadable, not a plan, or a plan with errors).";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    #[default]
    Table,
    Json,
    Csv,
    /// Markdown
    Md,
    /// One self-contained page with charts
    Html,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// Plan files, or folders searched recursively for *.toml (default: the current folder)
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: RollupFormat,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Files read at once (default: the number of cores)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

const EXPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par export -o ke-hoach.xlsx              Excel: nhiệm vụ, các kỳ, nhật ký / 3 sheets
  par export --format csv > nhiem-vu.csv   CSV UTF-8 có BOM / with BOM, for Excel
  par export --format csv --sheet occurrences -o cac-ky.csv
  par export --format ics -o han.ics       lịch: mỗi hạn một sự kiện / an event per deadline
  par export --format json | jq .tasks

Without --format, the format comes from the -o file's extension.
Text beginning with = + - @ is neutralised so a spreadsheet never runs it as a formula.";

const COMPLETIONS_EXAMPLES: &str = "\
Ví dụ / Examples:
  par completions bash > ~/.local/share/bash-completion/completions/par
  par completions zsh > ~/.zfunc/_par      (with fpath+=~/.zfunc in ~/.zshrc)
  par completions fish > ~/.config/fish/completions/par.fish
  par completions powershell >> $PROFILE";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One table, UTF-8 with BOM
    Csv,
    /// Excel workbook: tasks, occurrences, progress entries
    Xlsx,
    /// iCalendar: one event per deadline
    Ics,
    Json,
}

impl ExportFormat {
    /// The format a file name asks for, by its extension.
    pub fn from_path(p: &std::path::Path) -> Option<ExportFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => ExportFormat::Csv,
            "xlsx" => ExportFormat::Xlsx,
            "ics" | "ical" => ExportFormat::Ics,
            "json" => ExportFormat::Json,
            _ => return None,
        })
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format (default: from the -o file's extension)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Which table a CSV holds (CSV only; the workbook has all three)
    #[arg(long, value_enum)]
    pub sheet: Option<crate::render::export::Table>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write par.1 and a page per subcommand (par-status.1…) into this folder instead
    #[arg(short = 'o', long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}
