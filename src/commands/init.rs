//! `par init`: a new, commented plan.toml for a unit, never over an existing file.

use crate::say;
use chrono::{Datelike, NaiveDate};

use crate::cli::{InitArgs, UnitKindArg};
use crate::error::Fail;
use crate::i18n::Lang;
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
    let start = start_day(ctx, args, year, lang)?;
    let (kind, guessed) = match args.kind {
        Some(k) => (k, false),
        None => (guess_kind(unit), true),
    };
    let text = template(args, unit, year, start, kind, ctx.lang.map_or("vi", |l| l.pick("vi", "en")));
    // The template must load as it is; a failure here is a bug in par, not the user's.
    crate::plan::load::parse(&path, &text).map_err(|e| {
        let note = crate::messages::Msg::LabelNote.text(lang);
        Fail::rendered(crate::error::Kind::Input, format!("{e}\n      {note}: {}", crate::say!(lang, TemplateBroken)))
    })?;
    atomic::create_new(&path, text.as_bytes(), lang)?;
    let k = KindInfo::of(kind);
    let day = crate::dates::short(start);
    let how = match guessed {
        true => lang.pick("đoán từ tên; đổi bằng --kind", "guessed from the name; change it with --kind"),
        false => "--kind",
    };
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!(
                "Đã tạo {} cho {unit}, năm {year}, loại đơn vị {} ({how}), bắt đầu từ {day}.\nTiếp theo: sửa người chủ trì (par owner list), các phần trong tệp; thêm nhiệm vụ bằng `par add \"Tên nhiệm vụ\" --section II --owner {} --due 30/9/{year}`.",
                path.display(),
                k.keyword,
                k.head
            ),
            &format!(
                "Created {} for {unit}, year {year}, unit kind {} ({how}), starting {day}.\nNext: adjust the owners (par owner list) and sections in the file; add tasks with `par add \"Task title\" --section II --owner {} --due 30/9/{year}`.",
                path.display(),
                k.keyword,
                k.head
            ),
        )
    )))
}

/// `--start`, else today when today is in the plan's year, else the year's first day: a
/// plan made on 2/7 has no quarter before Q3 to be late on.
fn start_day(ctx: &Context, args: &InitArgs, year: i32, lang: Lang) -> Result<NaiveDate, Fail> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("a year par accepts");
    let Some(typed) = args.start.as_deref() else {
        return Ok(if ctx.today.year() == year { ctx.today } else { first });
    };
    let day = crate::write::resolve::date(typed, "--start", ctx.today, year, lang)?;
    if day.year() != year {
        return Err(Fail::input(crate::say!(lang, StartOutsideYear, day = crate::dates::short(day), year))
            .help(crate::say!(lang, StartOutsideYearHelp, year)));
    }
    Ok(day)
}

/// The kind a unit's name suggests: "Trường …" a school, "… Phường …" a ward, "… Xã …"
/// or "Thị trấn" a commune, "Phòng …" a department, "Văn phòng …" an office; else a school.
fn guess_kind(unit: &str) -> UnitKindArg {
    let folded = crate::text::fold(unit);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let starts = |a: &str, b: &str| words.first() == Some(&a) && words.get(1) == Some(&b);
    if starts("van", "phong") {
        UnitKindArg::Office
    } else if has("phuong") {
        UnitKindArg::Ward
    } else if has("xa") || words.windows(2).any(|w| w == ["thi", "tran"]) {
        UnitKindArg::Commune
    } else if words.first() == Some(&"phong") {
        UnitKindArg::Department
    } else {
        UnitKindArg::School
    }
}

/// What `--kind` decides: its keyword in the file, the signer's usual position and
/// capacity lines, and the owners to start from (id, name, English name).
struct KindInfo {
    keyword: &'static str,
    label: &'static str,
    position: &'static str,
    capacity: &'static [&'static str],
    /// The id of the unit's head, used in the examples.
    head: &'static str,
    /// The id of the reform officer, used in the example task.
    officer: &'static str,
    owners: &'static [(&'static str, &'static str, &'static str)],
}

const WARD_OWNERS: &[(&str, &str, &str)] = &[
    ("ct", "Chủ tịch Ủy ban nhân dân", "Chairperson of the People's Committee"),
    ("pct", "Phó Chủ tịch Ủy ban nhân dân", "Vice-chairperson of the People's Committee"),
    ("vp", "Văn phòng HĐND-UBND", "Office of the People's Council and Committee"),
    ("motcua", "Bộ phận Một cửa", "One-stop desk"),
    ("vhxh", "Công chức Văn hóa - Xã hội", "Culture and social affairs officer"),
    ("tuphap", "Công chức Tư pháp - Hộ tịch", "Justice and civil status officer"),
    ("cchc", "Công chức phụ trách CCHC", "Reform (CCHC) officer"),
];

impl KindInfo {
    fn of(kind: UnitKindArg) -> KindInfo {
        match kind {
            UnitKindArg::School => KindInfo {
                keyword: "school",
                label: "trường học / a school",
                position: "HIỆU TRƯỞNG",
                capacity: &[],
                head: "ht",
                officer: "cchc",
                owners: &[
                    ("ht", "Hiệu trưởng", "Principal"),
                    ("pht", "Phó Hiệu trưởng", "Vice-principal"),
                    ("cchc", "Cán bộ phụ trách CCHC", "Reform (CCHC) officer"),
                    ("vt", "Văn thư", "Records clerk"),
                    ("ttcm", "Tổ trưởng chuyên môn", "Subject group leader"),
                ],
            },
            UnitKindArg::Ward | UnitKindArg::Commune => KindInfo {
                keyword: if kind == UnitKindArg::Ward { "ward" } else { "commune" },
                label: if kind == UnitKindArg::Ward { "phường / a ward" } else { "xã / a commune" },
                position: "PHÓ CHỦ TỊCH",
                capacity: &["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                head: "ct",
                officer: "cchc",
                owners: WARD_OWNERS,
            },
            UnitKindArg::Department => KindInfo {
                keyword: "department",
                label: "phòng chuyên môn / a department",
                position: "TRƯỞNG PHÒNG",
                capacity: &[],
                head: "tp",
                officer: "cchc",
                owners: &[
                    ("tp", "Trưởng phòng", "Head of department"),
                    ("pp", "Phó Trưởng phòng", "Deputy head of department"),
                    ("cchc", "Công chức phụ trách CCHC", "Reform (CCHC) officer"),
                    ("vt", "Văn thư", "Records clerk"),
                ],
            },
            UnitKindArg::Office => KindInfo {
                keyword: "office",
                label: "văn phòng, cơ quan / an office",
                position: "CHÁNH VĂN PHÒNG",
                capacity: &[],
                head: "cvp",
                officer: "cchc",
                owners: &[
                    ("cvp", "Chánh Văn phòng", "Chief of office"),
                    ("pcvp", "Phó Chánh Văn phòng", "Deputy chief of office"),
                    ("cchc", "Công chức phụ trách CCHC", "Reform (CCHC) officer"),
                    ("vt", "Văn thư", "Records clerk"),
                ],
            },
        }
    }

    /// The `[[owner]]` tables to start from, one blank line apart.
    fn owner_tables(&self) -> String {
        let tables: Vec<String> = self
            .owners
            .iter()
            .map(|(id, name, en)| {
                format!("[[owner]]\nid = {}\nname = {}\nname_en = {}\n", quote(id), quote(name), quote(en))
            })
            .collect();
        tables.join("\n")
    }

    /// The signer line: the name given (active), else a commented example; the position
    /// given, else the kind's; the kind's capacity lines.
    fn signer(&self, name: Option<&str>, position: Option<&str>) -> String {
        // A head who signs himself signs for the committee (TM.), not on behalf of the head (KT.).
        let deputy = position.is_none_or(|p| crate::text::fold(p).starts_with("pho "));
        let lines: Vec<&str> = self.capacity.iter().copied().filter(|l| deputy || !l.starts_with("KT.")).collect();
        let position = position.unwrap_or(self.position);
        let capacity = match lines.as_slice() {
            [] => String::new(),
            lines => {
                let items: Vec<String> = lines.iter().map(|l| quote(l)).collect();
                format!(", capacity = [{}]", items.join(", "))
            }
        };
        match name {
            Some(n) => format!("signer = {{ name = {}, position = {}{capacity} }}", quote(n), quote(position)),
            None => format!("# signer = {{ name = \"Họ và tên\", position = {}{capacity} }}", quote(position)),
        }
    }
}

/// `key = "value"` (or commented out with an example value when not given), with
/// its comment aligned as in the rest of the template.
fn opt(key: &str, value: Option<&str>, comment: &str, example: &str) -> String {
    let line = match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => format!("{key} = {}", quote(v)),
        None => format!("# {key} = {}", quote(example)),
    };
    aligned(&line, comment)
}

/// `line` with `# comment` aligned as in the rest of the template.
fn aligned(line: &str, comment: &str) -> String {
    let pad = 51usize.saturating_sub(line.chars().count()).max(1);
    format!("{line}{}# {comment}", " ".repeat(pad))
}

fn template(args: &InitArgs, unit: &str, year: i32, start: NaiveDate, kind: UnitKindArg, lang: &str) -> String {
    let title = format!("Kế hoạch khắc phục, cải thiện Chỉ số cải cách hành chính (PAR Index) tại {unit} năm {year}");
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let k = KindInfo::of(kind);
    let signer = k.signer(given(&args.signer).as_deref(), given(&args.position).as_deref());
    let start_line = aligned(
        &format!("start = {}", crate::write::splice::date(start)),
        "kế hoạch có hiệu lực từ / the plan runs from (đổi: --start)",
    );
    let kind_line = aligned(
        &format!("unit_kind = {}", quote(k.keyword)),
        "school, ward, commune, department, office: tiêu đề, người ký / heading, signer",
    );
    fill(
        include_str!("init_template.toml"),
        &[
            ("year", &year.to_string()),
            ("unit_comment", &crate::text::one_line(unit)),
            ("unit_q", &quote(unit)),
            ("title_q", &quote(&title)),
            ("unit_kind", &kind_line),
            (
                "code",
                &opt(
                    "code",
                    args.code.as_deref(),
                    "mã đơn vị trong danh sách của quận / the unit's code in the district roster",
                    "BN-01",
                ),
            ),
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
            ("start", &start_line),
            (
                "place",
                &opt("place", args.place.as_deref(), "địa danh ở dòng ngày tháng / place in the date line", "Quận 1"),
            ),
            ("lang", lang),
            ("signer", &signer),
            ("kind_label", k.label),
            ("owners", &k.owner_tables()),
            ("head", k.head),
            ("officer", k.officer),
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
