//! `par init`: a new, commented plan.toml for a unit, never over an existing file.

use chrono::Datelike;

use crate::cli::InitArgs;
use crate::error::Fail;
use crate::write::splice::quote;
use crate::write::{atomic, new_plan_path};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &InitArgs) -> anyhow::Result<Outcome> {
    let lang = ctx.lang.unwrap_or_default();
    let path = new_plan_path(ctx);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(atomic::exists(&path, lang).into());
    }
    let unit = args.unit.trim();
    if unit.is_empty() {
        return Err(Fail::input(lang.pick("--unit: tên đơn vị đang trống", "--unit: the unit's name is empty")).into());
    }
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let text = template(args, unit, year, ctx.lang.map_or("vi", |l| l.pick("vi", "en")));
    // The template must load as it is; a failure here is a bug in par, not the user's.
    crate::plan::load::parse(&path, &text)
        .map_err(|e| {
            Fail::rendered(crate::error::Kind::Input, format!("{e}\n      note: template error, please report"))
        })?;
    atomic::create_new(&path, text.as_bytes(), lang)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!(
                "Đã tạo {} cho {unit}, năm {year}.\nTiếp theo: sửa người chủ trì, các phần trong tệp; thêm nhiệm vụ bằng `par add \"Tên nhiệm vụ\" --section II --owner ht --due 30/9/{year}`.",
                path.display()
            ),
            &format!(
                "Created {} for {unit}, year {year}.\nNext: adjust the owners and sections in the file; add tasks with `par add \"Task title\" --section II --owner ht --due 30/9/{year}`.",
                path.display()
            ),
        )
    )))
}

/// `key = "value"` (or commented out with an example value when not given), with
/// its comment aligned as in the rest of the template.
fn opt(key: &str, value: Option<&str>, comment: &str, example: &str) -> String {
    let line = match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => format!("{key} = {}", quote(v)),
        None => format!("# {key} = {}", quote(example)),
    };
    let pad = 51usize.saturating_sub(line.chars().count()).max(1);
    format!("{line}{}# {comment}", " ".repeat(pad))
}

fn template(args: &InitArgs, unit: &str, year: i32, lang: &str) -> String {
    let title = format!("Kế hoạch khắc phục, cải thiện Chỉ số cải cách hành chính (PAR Index) tại {unit} năm {year}");
    let signer = match args.signer.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => match args.position.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(pos) => format!("signer = {{ name = {}, position = {} }}", quote(name), quote(pos)),
            None => format!("signer = {{ name = {} }}", quote(name)),
        },
        None => "# signer = { name = \"Họ và tên\", position = \"Thủ trưởng đơn vị\" }".to_string(),
    };
    format!(
        r#"# ============================================================================
# KẾ HOẠCH KHẮC PHỤC, CẢI THIỆN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM {year}
# {unit_comment} — tệp kế hoạch dùng với `par`.
#
# Tệp này là của bạn: sửa bằng tay thoải mái; `par` giữ nguyên chú thích, thứ tự
# và dòng trống khi ghi. Mọi dòng bắt đầu bằng # là chú thích.
# This file is yours: edit it by hand; `par` keeps comments, order and blank lines
# when it writes. Lines starting with # are comments.
#
# Ngày tháng / Dates: {year}-05-30 (không cần ngoặc kép / no quotes) hoặc "30/5/{year}".
# Nguyên tắc "5 rõ" / the "5 rõ" principle, field by field:
#   rõ người (owner)        → owner, support
#   rõ việc (task)          → title, detail
#   rõ trách nhiệm (duty)   → owner: một đơn vị chủ trì duy nhất / one primary owner
#   rõ tiến độ (timeline)   → start, due, repeat, due_day
#   rõ kết quả (result)     → result
#
# Dùng hằng ngày / Everyday use:
#   par status                                   tiến độ / progress
#   par add "Tên nhiệm vụ" --section II --owner ht --due 30/9/{year}
#   par done 1 --evidence "Biên bản họp"         đánh dấu hoàn thành / mark done
#   par log 1 "Việc đã làm"                      ghi nhật ký tiến độ / log progress
# ============================================================================

# ---------------------------------------------------------------------------
# Thông tin văn bản / Document metadata
# ---------------------------------------------------------------------------
[plan]
unit = {unit_q}
{unit_short}
{superior}
kind = "Kế hoạch"                                  # loại văn bản / document kind
# number = "…/KH-…"                                # số ký hiệu / document number
# date = {year}-05-30                                # ngày ban hành / date of issue
title = {title_q}
year = {year}                                        # năm kế hoạch / plan year
# start = {year}-05-30                               # kế hoạch có hiệu lực từ / the plan runs from
{place}
lang = "{lang}"                                        # ngôn ngữ mặc định: "vi" hoặc "en" / default output language
# Người ký / signer: name, position, authority (TM., KT., Q., TL., TUQ.)
{signer}
# Nơi nhận / recipients, in order; the last is usually "Lưu: VT".
recipients = [
    "Lưu: VT",
]

# ---------------------------------------------------------------------------
# Cài đặt / Settings
# ---------------------------------------------------------------------------
[settings]
due_soon_days = 3      # "sắp đến hạn": còn từ 3 ngày trở xuống / "due soon": 3 days or fewer left
within_days = 14       # `par status` liệt kê việc đến hạn trong 14 ngày / lists items due within 14 days
# by = "Văn thư"       # người ghi mặc định cho `par done`/`par log` / default author of entries

# ---------------------------------------------------------------------------
# Căn cứ / Legal bases ("Thực hiện …"), in the document's order. Example:
# [[basis]]
# kind = "Kế hoạch"
# number = "16/KH-UBND"
# date = {year}-01-15
# issuer = "Ủy ban nhân dân …"
# subject = "thực hiện công tác cải cách hành chính năm {year}"
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Người, bộ phận chủ trì / Owners — defined once, referenced by id in tasks.
# Sửa cho đúng với đơn vị / adjust to the unit.
# ---------------------------------------------------------------------------
[[owner]]
id = "ht"
name = "Thủ trưởng đơn vị"
name_en = "Head of unit"

[[owner]]
id = "pht"
name = "Cấp phó"
name_en = "Deputy head"

[[owner]]
id = "cchc"
name = "Cán bộ phụ trách CCHC"
name_en = "Reform (CCHC) officer"

[[owner]]
id = "vt"
name = "Văn thư"
name_en = "Records clerk"

# ---------------------------------------------------------------------------
# Các phần của kế hoạch / Sections of the plan
# ---------------------------------------------------------------------------
[[section]]
id = "I"
title = "Mục đích, yêu cầu"
title_en = "Purpose and requirements"
# points = ["…", "…"]   # các ý của phần không có nhiệm vụ / points of a section without tasks

[[section]]
id = "II"
title = "Nhiệm vụ và giải pháp"
title_en = "Tasks and solutions"

[[section]]
id = "III"
title = "Tổ chức thực hiện"
title_en = "Implementation"

# ---------------------------------------------------------------------------
# Nhiệm vụ / Tasks. Mỗi [[task]] là một nhiệm vụ; các khóa / keys:
#   id       mã, theo số thứ tự của văn bản ("4"; phần III: "III.1") / id as the document numbers it
#   section  phần chứa nhiệm vụ / the section it belongs to
#   title    tóm tắt một dòng (rõ việc) / one-line summary
#   detail   nguyên văn trong kế hoạch / the document's full wording
#   owner    đơn vị chủ trì, một người (rõ trách nhiệm) / the one primary owner
#   support  đơn vị phối hợp / supporting owners
#   start    ngày bắt đầu (nếu có) / start date, if any
#   due      hạn hoàn thành của việc làm một lần / deadline of a one-off task
#   repeat   "once" (một lần, mặc định), "monthly" (hằng tháng), "quarterly" (mỗi quý),
#            "half-yearly" (6 tháng), "yearly" (hằng năm), "ongoing" (thường xuyên)
#   due_day  với việc định kỳ: hạn là ngày này của tháng cuối kỳ / recurring: due on this day of the period's last month
#   end      với việc định kỳ: kỳ cuối cùng / recurring: last period (default: end of the plan year)
#   result   kết quả cần đạt (rõ kết quả) / expected result
# Dưới mỗi nhiệm vụ / under each task:
#   [[task.ref]]   văn bản liên quan / documents the task cites
#   [[task.done]]  đánh dấu hoàn thành, ghi bằng `par done` / done marks
#   [[task.log]]   nhật ký tiến độ, ghi bằng `par log` / progress entries
#
# Ví dụ / Example (bỏ dấu # để dùng / remove the # to use it, or run `par add`):
# [[task]]
# id = "1"
# section = "II"
# title = "Xây dựng Kế hoạch khắc phục hạn chế Chỉ số CCHC năm {year}"
# owner = "cchc"
# support = ["ht"]
# due = {year}-05-30
# result = "Kế hoạch được ban hành và gửi cơ quan cấp trên đúng hạn"
# ---------------------------------------------------------------------------
"#,
        unit_comment = crate::text::one_line(unit),
        unit_q = quote(unit),
        title_q = quote(&title),
        unit_short = opt(
            "unit_short",
            args.unit_short.as_deref(),
            "chữ viết tắt trong số ký hiệu / abbreviation in document numbers",
            "NBK"
        ),
        superior = opt("superior", args.superior.as_deref(), "cơ quan cấp trên / superior body", "Ủy ban nhân dân …"),
        place = opt("place", args.place.as_deref(), "địa danh ở dòng ngày tháng / place in the date line", "Quận 1"),
    )
}
