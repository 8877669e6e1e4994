//! Command-line arguments. Parsing only: the work is in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::compute::list::StatusFilter;
use crate::i18n::Lang;
use crate::render::export::Table;

const EXAMPLES: &str = "\
Ví dụ / Examples:
  par status                          tiến độ, việc quá hạn / progress and overdue items
  par status --today 2025-09-30       như vào ngày 30/9/2025 / as on a given day
  par list --status overdue           việc quá hạn / overdue tasks
  par list --grep \"y kien\"            tìm không cần dấu / search without diacritics
  par show 4                          mọi thông tin về nhiệm vụ 4 / everything about task 4
  par report --quarter Q2 -o bc.docx  báo cáo quý II ra tệp Word / Q2 report as a Word file
  par status --format json | jq .     cho script / for scripts
  par done 4 --period 2025-Q3         đánh dấu hoàn thành / mark done
  par log 1 \"Họp rà soát tiến độ\"     ghi nhật ký tiến độ / log progress
  par add \"Tên việc\" --section II     thêm nhiệm vụ / add a task

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
    pub lang: Option<LangArg>,

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
    /// Đánh dấu hoàn thành (một kỳ của việc định kỳ) / Mark a task, or one period of a recurring task, done
    #[command(after_help = DONE_EXAMPLES)]
    Done(DoneArgs),
    /// Ghi số đo kết quả so với mục tiêu / Record a measured result against the task's target
    #[command(after_help = MEASURE_EXAMPLES)]
    Measure(MeasureArgs),
    /// Bỏ đánh dấu hoàn thành / Undo a done mark
    #[command(after_help = "Ví dụ / Examples:\n  par reopen 8\n  par reopen 4 --period 2025-Q3")]
    Reopen(ReopenArgs),
    /// Ghi nhật ký tiến độ (việc đã làm) / Log progress: what was done, on a date
    #[command(after_help = LOG_EXAMPLES)]
    Log(LogArgs),
    /// Ghi đánh giá, nguyên nhân, phương hướng, đề xuất của kỳ báo cáo / Write the report's assessment, causes, direction, proposals
    #[command(after_help = NOTE_EXAMPLES)]
    Note(NoteArgs),
    /// Thêm nhiệm vụ / Add a task
    #[command(after_help = ADD_EXAMPLES)]
    Add(AddArgs),
    /// Sửa các trường của nhiệm vụ / Change a task's fields
    #[command(after_help = EDIT_EXAMPLES)]
    Edit(EditArgs),
    /// Xóa nhiệm vụ (hỏi xác nhận) / Remove a task (asks first)
    #[command(
        visible_alias = "remove",
        after_help = "Ví dụ / Examples:\n  par rm 8\n  par rm 8 --yes      trong script / in scripts"
    )]
    Rm(RmArgs),
    /// Ghi nhiệm vụ không thực hiện, kèm lý do / Record that a task will not be carried out, with the reason
    #[command(
        after_help = "Ví dụ / Examples:\n  par cancel 7 --reason \"Quận giải thể từ 01/7/2025\"\n  par cancel 7 --undo"
    )]
    Cancel(CancelArgs),
    /// Ghi lại các mục par đã ghi nhưng bị mất (trình soạn thảo lưu đè bản cũ) / Put back entries par wrote that an editor's older copy overwrote
    #[command(after_help = RESTORE_EXAMPLES)]
    Restore(RestoreArgs),
    /// Tạo tệp plan.toml mới có chú thích / Create a new, commented plan.toml
    #[command(after_help = INIT_EXAMPLES)]
    Init(InitArgs),
    /// Người, bộ phận chủ trì: thêm, sửa, xóa, liệt kê / Owners: add, edit, remove, list
    #[command(after_help = OWNER_EXAMPLES)]
    Owner(OwnerArgs),
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
    /// Tự đánh giá Chỉ số CCHC: chấm điểm, tài liệu kiểm chứng, bảng tự đánh giá / Self-assessment: scores, evidence, the table
    #[command(after_help = ASSESS_EXAMPLES, args_conflicts_with_subcommands = true)]
    Assess(AssessArgs),
}

const ASSESS_EXAMPLES: &str = "\
Ví dụ / Examples:
  par assess                                     bảng tự đánh giá / the self-assessment table
  par assess score 1.1 2 --evidence \"Kế hoạch 48/KH-NBK ngày 23/01/2025 của Trường Tiểu học Nguyễn Bỉnh Khiêm\"
  par assess score 7.1 4,5 --evidence \"Báo cáo 120/BC-NBK ngày 05/12/2025; docs/bc120.pdf\" --explain \"…\"
  par assess na 3.1 --reason \"Đơn vị không có thủ tục hành chính\"
  par assess na 3.1 --undo
  par assess --format json
  par assess --final -o tu-danh-gia.json --format json
  par assess --format xlsx -o tu-danh-gia.xlsx   bảng tính / the spreadsheet
  par assess --format docx -o tu-danh-gia.docx   văn bản Word / the Word document
  par assess pack -o ho-so-tu-danh-gia.zip       hồ sơ: bảng, tài liệu, SHA256SUMS / the dossier
  par assess sets                                các bộ tiêu chí có sẵn / the shipped criteria sets
  par assess sets national-8-areas > tieu-chi-tinh.toml

Scores go in plan.toml as [[assess.score]] (code, points, evidence, explain) and exclusions
as [[assess.na]] (code, reason); only those lines change. Exit code 1 from --final while a
criterion needs an explanation (below its maximum or without evidence) or is not scored.";

/// The self-assessment table's formats (xlsx and docx come with the table's renderers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum AssessFormat {
    #[default]
    Table,
    Json,
    /// The table as a spreadsheet (real numbers, totals as formulas); needs -o or a pipe
    Xlsx,
    /// The table as a Word document in the Decree 30 layout; needs -o or a pipe
    Docx,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    #[command(subcommand)]
    pub action: Option<AssessAction>,
    #[arg(long, value_enum, default_value_t)]
    pub format: AssessFormat,
    /// Refuse while a criterion needs an explanation or is not scored (the table to send up)
    #[arg(long = "final")]
    pub r#final: bool,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE when it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum AssessAction {
    /// Ghi điểm tự chấm một tiêu chí / Record the self-score of a criterion
    Score(AssessScoreArgs),
    /// Ghi tiêu chí không áp dụng với đơn vị (hoặc bỏ ghi) / Mark a criterion not applicable (or undo)
    Na(AssessNaArgs),
    /// Liệt kê hoặc in các bộ tiêu chí có sẵn / List or print the shipped criteria sets
    Sets(AssessSetsArgs),
    /// Đóng gói hồ sơ tự đánh giá (bảng, tài liệu kiểm chứng, SHA256SUMS) / Pack the dossier
    Pack(AssessPackArgs),
}

#[derive(Debug, Args)]
pub struct AssessPackArgs {
    /// The dossier to write (a .zip)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: PathBuf,
    /// Replace FILE when it exists
    #[arg(long)]
    pub force: bool,
    /// Pack evidence files outside the plan's folder too
    #[arg(long)]
    pub allow_outside: bool,
}

#[derive(Debug, Args)]
pub struct AssessScoreArgs {
    /// The criterion's code: 1.1, 3.2.1
    pub code: String,
    /// The points: 2, 1.5 or 1,5
    #[arg(allow_negative_numbers = true)]
    pub points: String,
    /// Evidence (tài liệu kiểm chứng): \"Kế hoạch 15/KH-UBND ngày 10/01/2025 của …; docs/kh15.pdf\"; repeat for more (replaces the recorded list)
    #[arg(long, value_name = "REF")]
    pub evidence: Vec<String>,
    /// Explanation (giải trình) for a score below the maximum or without evidence
    #[arg(long, value_name = "TEXT")]
    pub explain: Option<String>,
    /// Accept evidence files outside the plan's folder
    #[arg(long)]
    pub allow_outside: bool,
}

#[derive(Debug, Args)]
pub struct AssessNaArgs {
    /// The criterion's code
    pub code: String,
    /// Why it does not apply: \"Đơn vị không có thủ tục hành chính\"
    #[arg(long, value_name = "TEXT", required_unless_present = "undo")]
    pub reason: Option<String>,
    /// Take the mark off
    #[arg(long, conflicts_with = "reason")]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct AssessSetsArgs {
    /// A set's name: print its file (to copy and fill in)
    pub name: Option<String>,
}

const RESTORE_EXAMPLES: &str = "\
par ghi nhớ các mục đã ghi (hoàn thành, nhật ký, số đo) trong .plan.toml.journal; khi một mục biến mất khỏi kế hoạch, mọi lệnh đều cảnh báo. par remembers the entries it wrote in .plan.toml.journal; when one vanishes from the plan, every command warns.

Exit code 0 when everything was restored (or forgotten), 1 when nothing had vanished or an entry's task is no longer in the plan.

Ví dụ / Examples:
  par restore                ghi lại các mục bị mất / put the lost entries back
  par restore --forget       chấp nhận mất, thôi cảnh báo / accept the loss, stop the warning
";

const DONE_EXAMPLES: &str = "\
Ví dụ / Examples:
  par done 8                                   hoàn thành hôm nay / done today
  par done III.2 --date 28/5/2025 --note \"Đã gửi\" --evidence \"Bản ký số\"
  par done 4 --period 2025-Q3                  việc hằng quý: kỳ quý III / a quarterly task's Q3
  par done 4 --date \"hôm qua\"                  kỳ chứa ngày đó / the period holding the date

Mỗi mục ghi thời điểm (at) và người ghi (by: --by, else [settings] by, else the OS user).
PAR_NOW=2025-10-06T09:15:00+07:00 fixes the recorded time (for tests and reproducible files).";

const MEASURE_EXAMPLES: &str = "\
Ví dụ / Examples:
  par measure 4 100 --period 2025-Q2 --note \"4/4 phản ánh đúng hạn\"
  par measure 5 66,7 --date 30/9/2025      kỳ chứa ngày đó / the period holding the date
  par show 4                               số đo, mục tiêu, xu hướng / values, target, trend

Nhiệm vụ cần [task.indicator] (name, target) trong tệp kế hoạch / the task needs a [task.indicator].";

const LOG_EXAMPLES: &str = "\
Ví dụ / Examples:
  par log 1 \"Rà soát tiến độ Kế hoạch 48/KH-NBK: 12/18 chỉ tiêu đạt\"
  par log 7 \"Đối thoại với cha mẹ học sinh\" --date 12/9/2025 --evidence \"Biên bản ngày 12/9/2025\"
  par log 4 \"Cập nhật sổ theo dõi\" --period 2025-Q3";

const ADD_EXAMPLES: &str = "\
Ví dụ / Examples:
  par add \"Cập nhật danh mục TTHC trên trang thông tin điện tử\" --section II --owner cntt --due 30/9/2025
  par add \"Báo cáo CCHC\" --section III --owner cchc --support ht --repeat quarterly --due-day 20
  par add \"Tuyên truyền CCHC\" --section II --owner pht --repeat \"thường xuyên\" --result \"Tin bài hằng tháng\"

Mã nhiệm vụ mặc định là số tiếp theo trong phần / the id defaults to the next number in the section.";

const EDIT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par edit 8 --due 15/10/2025
  par edit 3 --owner cchc --support vt,ht
  par edit 8 --unset start
  par edit 5 --title \"Sử dụng Thư điện tử thành phố\"

Chỉ các dòng của nhiệm vụ đó thay đổi; chú thích được giữ / only that task's lines change; comments stay.";

const INIT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par init --unit \"Trường Tiểu học Nguyễn Bỉnh Khiêm\" --year 2025 --signer \"Đỗ Ngọc Chi\" --position \"Hiệu trưởng\"
  par -f ke-hoach-2026.toml init --unit \"UBND Phường Bến Nghé\" --year 2026
  par -f sai-gon.toml init --unit \"UBND Phường Sài Gòn\" --kind ward --code SG --start 2/7/2025

--kind school|ward|commune|department|office chọn cách trình bày tiêu đề, dòng thẩm quyền
của người ký và danh sách người chủ trì ban đầu / chooses the heading layout, the signer's
capacity lines and the owners to start from. --start mặc định là hôm nay / defaults to today.

Không bao giờ ghi đè tệp đã có / never overwrites an existing file.";

const REPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par report                               kỳ vừa kết thúc chưa gửi, Markdown / the latest closed period not yet sent
  par report --quarter Q3 --final          bản gửi đi, khi đã ghi đủ par note / as sent, once par note filled every part
  par report --quarter Q2 -o bao-cao.docx  quý II ra tệp Word / Q2 as a Word file
  par report --quarter Q2 -o bao-cao.html  trang HTML in được / a printable HTML page
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
    /// Một trang HTML tự chứa / one self-contained HTML page
    Html,
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
    /// Thay tệp -o nếu đã có / replace the -o file if it exists
    #[arg(long)]
    pub force: bool,
    /// Bản gửi đi: lưu bản sao vào thư mục báo cáo và ghi [[report.sent]] / the report as sent: keep a copy in the reports folder and record it in [[report.sent]]
    #[arg(long, conflicts_with = "output")]
    pub r#final: bool,
    /// Số ký hiệu của báo cáo gửi đi (mặc định: số tiếp theo trong sổ) / number of the sent report (default: the next in the register)
    #[arg(long, value_name = "NUMBER", requires = "final")]
    pub number: Option<String>,
}

const IMPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par import ke-hoach.docx -o plan.toml        soạn plan.toml từ tệp Word / from a Word file
  par import ke-hoach.md                       in bản nháp ra màn hình / print the draft
  par import ke-hoach.txt -o plan.toml --force  thay plan.toml đã có / replace an existing plan.toml
  par import ke-hoach.md --explain             vì sao par đoán mỗi giá trị / why par guessed each value

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
    /// Owner id or whole words of one name (primary or supporting), e.g. `ht` or "hieu truong"
    #[arg(long)]
    pub owner: Option<String>,
    /// Section id, e.g. II
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
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
    /// Giải thích từng giá trị: dòng văn bản và quy tắc đã đọc nó (in thay bản nháp; với -o: sau
    /// khi ghi) / explain each value: the document line and the rule that read it (printed
    /// instead of the draft; with -o: after writing it)
    #[arg(long)]
    pub explain: bool,
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

#[derive(Clone, Debug, Args)]
pub struct MeasureArgs {
    /// Task id as the plan numbers it: `4`, `II.4`, `III.1`
    pub id: String,
    /// The measured value: 95, 95.5 or 95,5 (a trailing % is allowed)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// For a recurring task, the period measured, e.g. 2025-Q3 (default: the one period past due and not measured, else the period holding the date)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Day of the measurement (default: today; not later): 30/9/2025, 30/9 (plan year), hôm qua, 3 days ago…
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note: how it was counted, e.g. "4/5 phản ánh đúng hạn"
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who records it (default: [settings] by, else the OS user)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Correct the period's measurement: the value is replaced and the old one is kept in the task's log
    #[arg(long)]
    pub replace: bool,
}

#[derive(Clone, Debug, Args)]
pub struct DoneArgs {
    /// Task id as the plan numbers it: `4`, `II.4`, `III.1`
    pub id: String,
    /// Day it was done (default: today; not later): 30/9/2025, 30/9 (plan year), 2025-09-30, hôm qua, 3 ngày trước…
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// For a recurring task, the period it closes, e.g. 2025-Q3 (default: the one overdue period, else the period holding the date)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// A note: what was done, remarks
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Evidence (tài liệu kiểm chứng): a document, file or link; repeat for several
    #[arg(long, value_name = "REF")]
    pub evidence: Vec<String>,
    /// Who records it (default: the plan's [settings] by, else the computer's user name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReopenArgs {
    /// Task id: `4`, `II.4`, `III.1`
    pub id: String,
    /// For a recurring task, the period to reopen (default: the latest period marked done)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
}

#[derive(Clone, Debug, Args)]
pub struct LogArgs {
    /// Task id: `4`, `II.4`, `III.1`
    pub id: String,
    /// What was done
    pub text: String,
    /// Day it was done (default: today; not later): 30/9/2025, 30/9 (plan year), hôm kia, 2 days ago…
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The period the entry reports on, e.g. 2025-Q3 (recurring task, default: the one overdue period, else the period holding the date)
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Evidence (tài liệu kiểm chứng); repeat for several
    #[arg(long, value_name = "REF")]
    pub evidence: Vec<String>,
    /// Who records it (default: the plan's [settings] by, else the computer's user name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

const NOTE_EXAMPLES: &str = "\
Ví dụ / Examples:
  par note --period Q3 --kind assessment \"Quý III hoàn thành …\"   đánh giá chung / overall assessment
  par note --period Q3 --kind cause \"Do thiếu nhân sự …\"         nguyên nhân / causes
  par note --period Q3 --kind direction \"Tập trung …\"            phương hướng / direction
  par note --period Q3 --kind proposal \"Đề nghị Phòng Nội vụ …\"  đề xuất, kiến nghị / proposal
  par note --period Q3                                            các ghi chú của kỳ / the period's notes

Kinds: assessment (đánh giá chung), cause (nguyên nhân), direction (phương hướng), proposal (đề xuất, kiến nghị).";

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The reporting period: Q3, 2025-Q3, 2025-H1, 2025
    #[arg(long, value_name = "PERIOD")]
    pub period: String,
    /// assessment, cause, direction or proposal (needed with a text)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// The text; without it, the period's notes are listed
    pub text: Option<String>,
}

/// The fields a task can have, as `par add` and `par edit` set them.
#[derive(Debug, Args, Default)]
pub struct TaskFields {
    /// Section id, e.g. II
    #[arg(long, value_name = "ID")]
    pub section: Option<String>,
    /// The full wording of the task in the plan
    #[arg(long, value_name = "TEXT")]
    pub detail: Option<String>,
    /// The one primary owner (chủ trì): an owner id such as `ht`
    #[arg(long, value_name = "ID")]
    pub owner: Option<String>,
    /// Supporting owners (phối hợp), comma-separated or repeated: --support pht,cntt replaces
    /// the list; --support +vt,-cchc adds vt and removes cchc
    #[arg(long, value_name = "ID", value_delimiter = ',', allow_hyphen_values = true)]
    pub support: Option<Vec<String>>,
    /// Start date
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Deadline of a one-off task: 30/11/2025, 30/11 (plan year), 2025-11-30
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// For a recurring task, the last day it runs (default: the end of the plan year)
    #[arg(long, value_name = "DATE")]
    pub end: Option<String>,
    /// once, monthly, quarterly, half-yearly, yearly, ongoing (or "mỗi quý", "thường xuyên"…)
    #[arg(long, value_name = "RULE")]
    pub repeat: Option<String>,
    /// For a recurring task: due on this day of the period's last month
    #[arg(long, value_name = "DAY", value_parser = clap::value_parser!(u8).range(1..=31))]
    pub due_day: Option<u8>,
    /// Expected result (rõ kết quả)
    #[arg(long, value_name = "TEXT")]
    pub result: Option<String>,
    /// Codes of the index criteria the task remedies: --criteria 3.2,7.1 replaces the list;
    /// --criteria +3.3,-1.5 adds and removes
    #[arg(long, value_name = "CODE", value_delimiter = ',', allow_hyphen_values = true)]
    pub criteria: Option<Vec<String>>,
    /// Name of the indicator measuring the result ([task.indicator] name)
    #[arg(long, value_name = "NAME")]
    pub indicator: Option<String>,
    /// The indicator's target: 100, 95,5
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub target: Option<String>,
    /// The indicator's unit, e.g. %
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// One-line title of the task (rõ việc)
    pub title: String,
    /// Id of the new task (default: the next number in its section)
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub fields: TaskFields,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TaskField {
    Detail,
    Owner,
    Support,
    Start,
    Due,
    End,
    Repeat,
    #[value(alias = "due_day")]
    DueDay,
    Result,
    Criteria,
    /// The whole [task.indicator] table
    Indicator,
}

impl TaskField {
    /// The key in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            TaskField::Detail => "detail",
            TaskField::Owner => "owner",
            TaskField::Support => "support",
            TaskField::Start => "start",
            TaskField::Due => "due",
            TaskField::End => "end",
            TaskField::Repeat => "repeat",
            TaskField::DueDay => "due_day",
            TaskField::Result => "result",
            TaskField::Criteria => "criteria",
            TaskField::Indicator => "indicator",
        }
    }
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Task id: `4`, `II.4`, `III.1`
    pub id: String,
    /// New one-line title
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub fields: TaskFields,
    /// Remove a field from the task; repeat for several
    #[arg(long, value_enum, value_name = "FIELD")]
    pub unset: Vec<TaskField>,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    /// Task id: `4`, `II.4`, `III.1`
    pub id: String,
    /// Do not ask for confirmation (for scripts)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Task id: `4`, `II.4`, `III.1`
    pub id: String,
    /// Lý do không thực hiện / why the task will not be carried out
    #[arg(long, value_name = "TEXT", conflicts_with = "undo")]
    pub reason: Option<String>,
    /// Ngày quyết định (mặc định: hôm nay) / the day it was decided (default: today)
    #[arg(long, value_name = "DATE", conflicts_with = "undo")]
    pub date: Option<String>,
    /// Bỏ ghi nhận không thực hiện / take the cancellation back
    #[arg(long)]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Do not put the entries back: drop them from the journal, which stops the warning
    #[arg(long)]
    pub forget: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The unit's full name, e.g. "Trường Tiểu học Nguyễn Bỉnh Khiêm"
    #[arg(long)]
    pub unit: String,
    /// Abbreviation used in document numbers, e.g. NBK (as in 48/KH-NBK)
    #[arg(long, value_name = "ABBR")]
    pub unit_short: Option<String>,
    /// Plan year (default: this year)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// The superior body, e.g. "Ủy ban nhân dân Quận 1"
    #[arg(long, value_name = "NAME")]
    pub superior: Option<String>,
    /// Place in the date line of documents, e.g. "Quận 1"
    #[arg(long)]
    pub place: Option<String>,
    /// Name of the signer
    #[arg(long, value_name = "NAME")]
    pub signer: Option<String>,
    /// Position of the signer, e.g. "Hiệu trưởng" (default: the kind's usual signer)
    #[arg(long)]
    pub position: Option<String>,
    /// The day the plan runs from (default: today, or 1/1 of a plan year that is not this year)
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Kind of unit: heading layout, signer's capacity, owners to start from
    /// (default: guessed from --unit, "Trường…" school, "Phường…" ward…, else school)
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<UnitKindArg>,
    /// The unit's code in the district roster, e.g. BN-01
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
}

/// `par init --kind`: the kind of unit, written as `[plan] unit_kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum UnitKindArg {
    /// Trường học
    School,
    /// Phường
    Ward,
    /// Xã, thị trấn
    Commune,
    /// Phòng chuyên môn
    Department,
    /// Văn phòng, cơ quan
    Office,
}

const OWNER_EXAMPLES: &str = "\
Ví dụ / Examples:
  par owner list
  par owner add motcua --name \"Bộ phận Một cửa\" --name-en \"One-stop desk\"
  par owner edit pht --name \"Phó Hiệu trưởng\"
  par owner rm motcua                    chỉ khi không nhiệm vụ nào dùng / only when no task uses it

Chỉ các dòng của người đó thay đổi / only that owner's lines change.";

#[derive(Debug, Args)]
pub struct OwnerArgs {
    #[command(subcommand)]
    pub action: OwnerAction,
}

#[derive(Debug, Subcommand)]
pub enum OwnerAction {
    /// Thêm người chủ trì / Add an owner
    Add(OwnerAddArgs),
    /// Sửa tên, tên tiếng Anh, ghi chú / Change an owner's name, English name, note
    Edit(OwnerEditArgs),
    /// Xóa người chủ trì không còn nhiệm vụ nào dùng / Remove an owner no task uses
    #[command(visible_alias = "remove")]
    Rm(OwnerRmArgs),
    /// Liệt kê người chủ trì và số nhiệm vụ của họ / List the owners and their tasks
    #[command(visible_alias = "ls")]
    List(OwnerListArgs),
}

#[derive(Debug, Args)]
pub struct OwnerAddArgs {
    /// The new owner's id, used in tasks: motcua, ht, vt
    pub id: String,
    /// Full name: "Bộ phận Một cửa"
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// English name
    #[arg(long, value_name = "NAME")]
    pub name_en: Option<String>,
    /// A note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct OwnerEditArgs {
    /// The owner's id
    pub id: String,
    /// New full name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// New English name
    #[arg(long, value_name = "NAME")]
    pub name_en: Option<String>,
    /// New note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct OwnerRmArgs {
    /// The owner's id
    pub id: String,
}

#[derive(Debug, Args)]
pub struct OwnerListArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: ReadFormat,
}

const ROLLUP_EXAMPLES: &str = "\
Ví dụ / Examples:
  par rollup ke-hoach/                     mọi *.toml trong thư mục / every *.toml under it
  par rollup ke-hoach/ --quarter Q3 --all  mọi việc quá hạn / every overdue item
  par rollup ke-hoach/ --format html -o dashboard.html
  par rollup ke-hoach/ --format csv --sheet overdue -o qua-han.csv
  par rollup ke-hoach/ --report --quarter Q3 --format docx -o bao-cao-tong-hop.docx
  par rollup a.toml b.toml --format csv -o tong-hop.csv

units.toml in the folder (or --roster FILE) lists the units expected ([[unit]] code, name,
kind, parent) and the office's report settings ([office]). Plans of other years than
--year (default: the year of --today) are listed apart; two plans of one unit: the later
[plan] date counts. Word (.docx) and JSON reports written by par report are read too.
Thứ tự \"kém nhất trước\" / \"Worst first\": an empty plan, then more overdue items, then
lower % complete, then lower on-time rate, then the unit's name.
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
    /// Word (the consolidated report, with --report)
    Docx,
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
    /// Thay tệp -o nếu đã có / replace the -o file if it exists
    #[arg(long)]
    pub force: bool,
    /// Files read at once (default: the number of cores)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Năm kế hoạch được tính (mặc định: năm của --today) / the plans' year counted (default: the year of --today)
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Kỳ báo cáo: Q1..Q4, H1, H2, 2025-Q3… (mặc định: kỳ báo cáo của từng đơn vị) / the report period (default: each unit's own)
    #[arg(long, alias = "period", value_name = "PERIOD")]
    pub quarter: Option<String>,
    /// Danh sách đơn vị (mặc định: units.toml trong thư mục) / the roster (default: units.toml in the folder)
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Bảng liệt kê mọi việc quá hạn, không chỉ 20 việc / the table lists every overdue item, not only 20
    #[arg(long)]
    pub all: bool,
    /// Bảng của tệp CSV / the table a CSV holds
    #[arg(long, value_enum, default_value_t)]
    pub sheet: RollupSheet,
    /// Báo cáo tổng hợp của cơ quan (md, docx, json) / the office's consolidated report (md, docx, json)
    #[arg(long)]
    pub report: bool,
}

/// `par rollup --sheet`: which table a CSV holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RollupSheet {
    /// One row per unit
    #[default]
    Units,
    /// Every overdue item
    Overdue,
    /// Criteria across units
    Criteria,
}

const EXPORT_EXAMPLES: &str = "\
Ví dụ / Examples:
  par export -o ke-hoach.xlsx              Excel: nhiệm vụ, các kỳ, nhật ký / 3 sheets
  par export --format csv > nhiem-vu.csv   CSV UTF-8 có BOM / with BOM, for Excel
  par export --format csv --sheet occurrences -o cac-ky.csv
  par export ke-hoach/ -o tong-hop.xlsx    nhiều đơn vị: việc, đơn vị, tiêu chí / many units
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
    pub fn from_path(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
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
    /// Thư mục kế hoạch của các đơn vị (csv, xlsx) / folders of units' plans (csv, xlsx): one row per item, with the unit
    #[arg(value_name = "DIR")]
    pub paths: Vec<PathBuf>,
    /// Năm kế hoạch được xuất, khi xuất thư mục (mặc định: năm của --today) / with folders: the plans' year
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Danh sách đơn vị, khi xuất thư mục (mặc định: units.toml trong thư mục) / with folders: the roster
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Output format (default: from the -o file's extension)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Which table a CSV holds (CSV only; the workbook has all three)
    #[arg(long, value_enum)]
    pub sheet: Option<SheetArg>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Thay tệp -o nếu đã có / replace the -o file if it exists
    #[arg(long)]
    pub force: bool,
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
    /// Thay các trang đã có trong thư mục / replace pages already in the folder
    #[arg(long)]
    pub force: bool,
}

// The core enums the three below stand for carry no clap derive: the core and render
// crates stay free of clap. Same variants, same docs, so the possible values, the help
// and the error for a bad value read exactly as when the core enums were derived.

/// `--lang`: [`Lang`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// `par list --status`: [`StatusFilter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Not done yet and under way: open, overdue or ongoing.
    Open,
    Done,
    Overdue,
    /// Open with at most `due_soon_days` (plan setting, default 3) left.
    DueSoon,
    NotStarted,
    Ongoing,
}

impl From<StatusArg> for StatusFilter {
    fn from(status: StatusArg) -> StatusFilter {
        match status {
            StatusArg::Open => StatusFilter::Open,
            StatusArg::Done => StatusFilter::Done,
            StatusArg::Overdue => StatusFilter::Overdue,
            StatusArg::DueSoon => StatusFilter::DueSoon,
            StatusArg::NotStarted => StatusFilter::NotStarted,
            StatusArg::Ongoing => StatusFilter::Ongoing,
        }
    }
}

/// `par export --sheet`: [`Table`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SheetArg {
    Tasks,
    Occurrences,
    Progress,
}

impl From<SheetArg> for Table {
    fn from(sheet: SheetArg) -> Table {
        match sheet {
            SheetArg::Tasks => Table::Tasks,
            SheetArg::Occurrences => Table::Occurrences,
            SheetArg::Progress => Table::Progress,
        }
    }
}
