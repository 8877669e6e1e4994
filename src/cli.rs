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
  par report --quarter Q2 -o bc.docx  báo cáo quý II ra tệp Word / Q2 report as a Word file
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
    /// Dự báo Chỉ số CCHC theo lĩnh vực, tiêu chí / PAR Index forecast per area and criterion
    #[command(
        after_help = "Ví dụ / Examples:\n  par index\n  par index --explain\n  par index --evidence\n  par index --format json"
    )]
    Index(IndexArgs),
    /// Kiểm tra "5 rõ": người, việc, trách nhiệm, tiến độ, kết quả / The "5 rõ" lint
    #[command(
        after_help = "Exit code 0 when every task is clear, 1 when something is missing (for git hooks and CI).\n\nVí dụ / Examples:\n  par check\n  par check --format json"
    )]
    Check(CheckArgs),
    /// Báo cáo định kỳ (quý, 6 tháng, năm) / Periodic report (quarter, half year, year)
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Soạn plan.toml từ văn bản kế hoạch (.docx, .md, .txt) / Draft a plan.toml from a plan document
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
}

const REPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par report                               quý hiện tại, Markdown / the current quarter, Markdown
  par report --quarter Q2 -o bao-cao.docx  quý II ra tệp Word / Q2 as a Word file
  par report --half 2025-H1 --format txt   báo cáo 6 tháng / the 6-month report
  par report --year 2025 --format json     báo cáo năm cho script / the yearly report for scripts
  par report --today 2025-06-30 --lang en  như vào ngày 30/6/2025, tiếng Anh / as on a day, in English

Kỳ báo cáo theo [report] calendar trong tệp kế hoạch: \"calendar\" (quý dương lịch, mặc định),
\"decree-09\" (chốt số liệu 15 → 14 theo Nghị định 09/2019/NĐ-CP), \"cchc\" (quý I, 6 tháng, quý III, năm).
The reporting window follows [report] calendar in the plan file (see the README).
Định dạng theo đuôi tệp -o khi không có --format / with -o and no --format, the file's extension decides.";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown
    Md,
    /// Văn bản thuần / plain text
    Txt,
    Json,
    /// Word (needs -o FILE)
    Docx,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("period").multiple(false)))]
pub struct ReportArgs {
    /// Quarter: 2025-Q2, Q2, "quý II" (default: the report period containing today)
    #[arg(long, value_name = "QUARTER", group = "period")]
    pub quarter: Option<String>,
    /// Half year (6-month report): 2025-H1, H1
    #[arg(long, value_name = "HALF", group = "period")]
    pub half: Option<String>,
    /// Year (yearly report): 2025
    #[arg(long, value_name = "YEAR", group = "period")]
    pub year: Option<String>,
    /// Output format (default: from the -o file's extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

const IMPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par import ke-hoach.docx -o plan.toml        soạn plan.toml từ tệp Word / from a Word file
  par import ke-hoach.md                       in bản nháp ra màn hình / print the draft
  par import ke-hoach.txt -o plan.toml --force thay plan.toml đã có / replace an existing plan.toml

Đọc được / Reads: Word .docx, Markdown (.md), văn bản thường UTF-8 hoặc UTF-16 (.txt).
Tệp .doc, .pdf: mở bằng Word rồi lưu thành .docx / open in Word and save as .docx.
Bản nháp có chú thích \"# KIỂM TRA / CHECK\" ở chỗ par đoán; cuối cùng par liệt kê
những gì nhiệm vụ còn thiếu theo \"5 rõ\" / the draft marks guesses with comments, and
par ends by listing what each task still lacks (owner, timeline, result).";

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
pub struct ImportArgs {
    /// Văn bản kế hoạch / the plan document: .docx, .md or .txt
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Ghi vào tệp này thay vì in ra / write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "PLAN")]
    pub output: Option<PathBuf>,
    /// Thay tệp -o nếu đã có / replace the -o file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Task id as the plan numbers it: `4`, `II.4`, `III.1`
    pub id: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Print how the forecast is computed
    #[arg(long)]
    pub explain: bool,
    /// List the evidence (tài liệu kiểm chứng) gathered per criterion, and criteria without any
    #[arg(long, conflicts_with = "explain")]
    pub evidence: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}
