//! `par init`: a new, commented plan.toml for a unit, never over an existing file.

use crate::say;
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
        return Err(Fail::input(say!(lang, UnitNameEmpty)).into());
    }
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let text = template(args, unit, year, ctx.lang.map_or("vi", |l| l.pick("vi", "en")));
    // The template must load as it is; a failure here is a bug in par, not the user's.
    crate::plan::load::parse(&path, &text).map_err(|e| {
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
    fill(
        include_str!("init_template.toml"),
        &[
            ("year", &year.to_string()),
            ("unit_comment", &crate::text::one_line(unit)),
            ("unit_q", &quote(unit)),
            ("title_q", &quote(&title)),
            (
                "unit_short",
                &opt(
                    "unit_short",
                    args.unit_short.as_deref(),
                    "chữ viết tắt trong số ký hiệu / abbreviation in document numbers",
                    "NBK",
                ),
            ),
            (
                "superior",
                &opt("superior", args.superior.as_deref(), "cơ quan cấp trên / superior body", "Ủy ban nhân dân …"),
            ),
            (
                "place",
                &opt("place", args.place.as_deref(), "địa danh ở dòng ngày tháng / place in the date line", "Quận 1"),
            ),
            ("lang", lang),
            ("signer", &signer),
        ],
    )
}

/// The template with each `{name}` replaced by its value, in one pass: a value that
/// itself holds `{year}` (a unit named so) is kept as typed, as `format!` would.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
