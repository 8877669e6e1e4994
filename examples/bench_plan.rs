//! Generates a large plan for the benchmark (bench/run.sh), deterministically.
//!
//!     cargo run --release --example bench_plan -- 10000 > plan-10000.toml
//!     cargo run --release --example bench_plan -- 10000 --format taskwarrior > tw-10000.json
//!
//! The plan follows the plan.toml schema: 30 owners, the 8 areas of the PAR Index as
//! sections, Vietnamese titles with diacritics, a quarter of the tasks quarterly (done
//! marks name their period), a few ongoing duties, about 40% of the items done by the
//! benchmark's as-of date (`AS_OF`, 15/10/2025), progress log entries on a fifth of the
//! tasks, and a tenth of the dates written as "dd/mm/yyyy" strings rather than TOML dates.
//!
//! `--format taskwarrior` writes the same items as Taskwarrior 2.6 import JSON (one
//! object per line): the plan is parsed with par's own code and every occurrence
//! (`4@2025-Q3`) becomes one Taskwarrior task, so both tools hold the same data:
//! project = section, tag = primary owner, due/end/scheduled = due/done/start date,
//! annotations = log entries.
//!
//! The same arguments always give the same bytes (a fixed-seed SplitMix64, no clock).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate};
use par::period::{Every, Period};

/// The date the benchmark runs `par` on (`PAR_TODAY`); no done mark is later.
const AS_OF: (i32, u32, u32) = (2025, 10, 15);
const YEAR: i32 = 2025;

const OWNERS: [(&str, &str, &str); 30] = [
    ("ht", "Hiệu trưởng", "Principal"),
    ("pht-cm", "Phó Hiệu trưởng phụ trách chuyên môn", "Vice-principal (teaching)"),
    ("pht-csvc", "Phó Hiệu trưởng phụ trách cơ sở vật chất", "Vice-principal (facilities)"),
    ("cchc", "Cán bộ phụ trách CCHC", "Reform (CCHC) officer"),
    ("vt", "Văn thư", "Records clerk"),
    ("kt", "Kế toán", "Accountant"),
    ("tq", "Thủ quỹ", "Cashier"),
    ("cntt", "Phụ trách CNTT, trang thông tin điện tử", "IT and website officer"),
    ("cd", "Công đoàn cơ sở", "Trade union"),
    ("tpt", "Tổng phụ trách Đội", "Young Pioneers leader"),
    ("yt", "Nhân viên y tế học đường", "School nurse"),
    ("tv", "Nhân viên thư viện", "Librarian"),
    ("tb", "Nhân viên thiết bị", "Equipment officer"),
    ("tcm-1", "Tổ chuyên môn khối Một", "Grade 1 team"),
    ("tcm-2", "Tổ chuyên môn khối Hai", "Grade 2 team"),
    ("tcm-3", "Tổ chuyên môn khối Ba", "Grade 3 team"),
    ("tcm-4", "Tổ chuyên môn khối Bốn", "Grade 4 team"),
    ("tcm-5", "Tổ chuyên môn khối Năm", "Grade 5 team"),
    ("tnn", "Tổ Ngoại ngữ", "Foreign-language team"),
    ("ttd", "Tổ Thể dục – Nghệ thuật", "PE and arts team"),
    ("tvp", "Tổ Văn phòng", "Office team"),
    ("ttnd", "Ban Thanh tra nhân dân", "People's inspection board"),
    ("ctn", "Chi đoàn Thanh niên", "Youth union"),
    ("bdd", "Ban đại diện cha mẹ học sinh", "Parents' board"),
    ("bv", "Tổ bảo vệ", "Security team"),
    ("tvhd", "Tổ tư vấn học đường", "School counselling team"),
    ("bcd-cds", "Ban chỉ đạo chuyển đổi số", "Digital transformation board"),
    ("hd-tdkt", "Hội đồng thi đua, khen thưởng", "Awards council"),
    ("bkt-nb", "Ban kiểm tra nội bộ", "Internal audit board"),
    ("tt-cd", "Tổ trưởng chuyên môn", "Team leaders"),
];

const SECTIONS: [(&str, &str, &str); 8] = [
    ("LV1", "Chỉ đạo, điều hành cải cách hành chính", "Leading and steering reform"),
    ("LV2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "Legal documents"),
    ("LV3", "Cải cách thủ tục hành chính", "Administrative procedures"),
    ("LV4", "Cải cách tổ chức bộ máy", "Organisation"),
    ("LV5", "Cải cách chế độ công vụ", "Civil service"),
    ("LV6", "Cải cách tài chính công", "Public finance"),
    ("LV7", "Xây dựng chính quyền điện tử, chính quyền số", "E-government and digital government"),
    ("LV8", "Tác động của cải cách hành chính đến người dân, tổ chức", "Impact on citizens and organisations"),
];

const VERBS: [&str; 16] = [
    "Rà soát",
    "Xây dựng",
    "Triển khai",
    "Kiểm tra",
    "Cập nhật",
    "Tổ chức",
    "Báo cáo",
    "Hoàn thiện",
    "Đánh giá",
    "Tuyên truyền về",
    "Số hóa",
    "Chuẩn hóa",
    "Theo dõi",
    "Khắc phục hạn chế của",
    "Nâng cao chất lượng",
    "Công khai",
];

const OBJECTS: [&str; 24] = [
    "quy trình tiếp nhận hồ sơ thủ tục hành chính",
    "sổ theo dõi phản ánh, kiến nghị của người dân",
    "trang thông tin điện tử của trường",
    "kế hoạch giáo dục nhà trường",
    "quy chế chi tiêu nội bộ",
    "hộp thư góp ý và đường dây nóng",
    "dịch vụ công trực tuyến tuyển sinh đầu cấp",
    "hồ sơ công chức, viên chức",
    "kho lưu trữ văn bản đi, đến",
    "phần mềm quản lý trường học",
    "việc sử dụng chữ ký số",
    "việc sử dụng thư điện tử công vụ",
    "quy chế thực hiện dân chủ ở cơ sở",
    "bảng niêm yết thủ tục hành chính",
    "hồ sơ học bạ điện tử",
    "kế hoạch tự kiểm tra tài chính, tài sản",
    "kết quả khảo sát sự hài lòng của cha mẹ học sinh",
    "vị trí việc làm và bản mô tả công việc",
    "hồ sơ đánh giá, xếp loại viên chức",
    "tài liệu kiểm chứng Chỉ số CCHC",
    "công tác văn thư, lưu trữ",
    "sổ liên lạc điện tử",
    "quy chế phối hợp giữa các bộ phận, đoàn thể",
    "danh mục văn bản cần sửa đổi, bổ sung",
];

const QUALIFIERS: [&str; 12] = [
    "theo Kế hoạch 48/KH-NBK",
    "năm học 2025–2026",
    "đợt 1",
    "đợt 2",
    "bảo đảm đúng hạn 100%",
    "tại các tổ chuyên môn",
    "theo chỉ đạo của Ủy ban nhân dân Quận",
    "gắn với chủ đề năm 2025 của Thành phố",
    "theo nguyên tắc “5 rõ”",
    "cho khối lớp Một và lớp Hai",
    "trước kỳ thẩm định Chỉ số",
    "có ý kiến của Công đoàn",
];

const RESULTS: [&str; 8] = [
    "Tỷ lệ xử lý đúng hạn 100%",
    "Văn bản được ban hành và công khai trên trang thông tin điện tử",
    "Không có phản ánh, kiến nghị tồn đọng, trễ hạn",
    "100% viên chức nắm được nội dung và thực hiện",
    "Báo cáo gửi Phòng Nội vụ đúng hạn",
    "Có biên bản kiểm tra và kế hoạch khắc phục",
    "Tài liệu kiểm chứng đầy đủ cho từng tiêu chí",
    "Mức độ hài lòng của người dân đạt trên 90%",
];

const NOTES: [&str; 6] = [
    "Đã hoàn thành theo kế hoạch",
    "Hoàn thành, có rút kinh nghiệm về tiến độ",
    "Đã gửi qua hệ thống quản lý văn bản",
    "Xong; còn 2 hồ sơ bổ sung trong kỳ sau",
    "Đã báo cáo tại cuộc họp Hội đồng trường",
    "Hoàn thành sau khi có ý kiến của Ban Giám hiệu",
];

const LOG_TEXTS: [&str; 6] = [
    "Họp triển khai, phân công người thực hiện",
    "Đã hoàn thành khoảng một nửa khối lượng công việc",
    "Gặp vướng mắc về phần mềm, đã báo bộ phận CNTT hỗ trợ",
    "Gửi dự thảo xin ý kiến các tổ chuyên môn",
    "Cập nhật tiến độ tại cuộc họp giao ban tuần",
    "Chờ hướng dẫn của Phòng Giáo dục và Đào tạo",
];

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// A whole number of days in `lo..=hi`.
    fn days(&mut self, lo: i64, hi: i64) -> Duration {
        Duration::days(lo + self.below((hi - lo + 1) as u64) as i64)
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn as_of() -> NaiveDate {
    ymd(AS_OF.0, AS_OF.1, AS_OF.2)
}

/// A TOML basic string, escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Most dates as TOML dates, one in ten as a quoted "dd/mm/yyyy" as officers type them.
fn date_value(rng: &mut Rng, date: NaiveDate) -> String {
    if rng.chance(10) { format!("\"{}/{}/{}\"", date.day(), date.month(), date.year()) } else { date.to_string() }
}

struct Done {
    period: Option<Period>,
    date: NaiveDate,
}

fn plan_toml(n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(n * 700 + 8192);
    let year_start = ymd(YEAR, 1, 1);
    let year_end = ymd(YEAR, 12, 31);
    let today = as_of();

    let _ = writeln!(
        out,
        "# Kế hoạch sinh tự động cho benchmark / generated plan for the benchmark: {n} nhiệm vụ / tasks, seed {seed}.\n\
         # examples/bench_plan.rs — same arguments, same bytes.\n"
    );
    out.push_str("[plan]\n");
    out.push_str("unit = \"Trường Tiểu học Nguyễn Bỉnh Khiêm\"\nunit_short = \"NBK\"\n");
    out.push_str("superior = \"Ủy ban nhân dân Quận 1\"\nkind = \"Kế hoạch\"\nnumber = \"99/KH-NBK\"\n");
    out.push_str("date = 2025-01-02\nstart = 2025-01-01\n");
    let _ = writeln!(
        out,
        "title = \"Kế hoạch khắc phục, cải thiện Chỉ số cải cách hành chính (PAR Index) năm {YEAR} — bản thử {n} nhiệm vụ\""
    );
    let _ = writeln!(out, "year = {YEAR}\nplace = \"Quận 1\"\nlang = \"vi\"");
    out.push_str("signer = { name = \"Đỗ Ngọc Chi\", position = \"Hiệu trưởng\" }\n");
    out.push_str("recipients = [\"Phòng Nội vụ Quận 1\", \"CB-GV-NV trường (để t/h)\", \"Lưu: VT\"]\n\n");
    out.push_str("[settings]\ndue_soon_days = 3\nwithin_days = 14\n\n");
    out.push_str("[[basis]]\nkind = \"Kế hoạch\"\nnumber = \"137/KH-UBND\"\ndate = 2025-05-21\n");
    out.push_str(
        "issuer = \"Ủy ban nhân dân Quận 1\"\nsubject = \"khắc phục, cải thiện chỉ số CCHC (PAR Index) năm 2025\"\n\n",
    );

    out.push_str("# Người, bộ phận chủ trì / Owners\n");
    for (id, name, en) in OWNERS {
        let _ = writeln!(out, "[[owner]]\nid = \"{id}\"\nname = {}\nname_en = {}\n", quoted(name), quoted(en));
    }
    out.push_str("# Các lĩnh vực của Chỉ số CCHC / The PAR Index areas\n");
    for (id, title, en) in SECTIONS {
        let _ = writeln!(out, "[[section]]\nid = \"{id}\"\ntitle = {}\ntitle_en = {}\n", quoted(title), quoted(en));
    }

    for i in 1..=n {
        let section = SECTIONS[rng.below(SECTIONS.len() as u64) as usize].0;
        let owner = rng.below(OWNERS.len() as u64) as usize;
        let mut support: Vec<usize> = Vec::new();
        for _ in 0..rng.below(3) {
            let s = rng.below(OWNERS.len() as u64) as usize;
            if s != owner && !support.contains(&s) {
                support.push(s);
            }
        }
        let verb = rng.pick(&VERBS);
        let object = rng.pick(&OBJECTS);
        let title = if rng.chance(70) {
            format!("{verb} {object} {}", rng.pick(&QUALIFIERS))
        } else {
            format!("{verb} {object}")
        };

        let _ = writeln!(out, "[[task]]\nid = \"{i}\"\nsection = \"{section}\"\ntitle = {}", quoted(&title));
        if rng.chance(30) {
            let detail = format!(
                "{verb} {object}, {}. Người đứng đầu chịu trách nhiệm chỉ đạo; các bộ phận phối hợp \
                 cung cấp tài liệu kiểm chứng, báo cáo kết quả về cán bộ phụ trách cải cách hành chính để tổng hợp.",
                rng.pick(&QUALIFIERS)
            );
            let _ = writeln!(out, "detail = '''\n{detail}'''");
        }
        let _ = writeln!(out, "owner = \"{}\"", OWNERS[owner].0);
        if !support.is_empty() {
            let ids: Vec<String> = support.iter().map(|&s| format!("\"{}\"", OWNERS[s].0)).collect();
            let _ = writeln!(out, "support = [{}]", ids.join(", "));
        }

        let kind = rng.below(100);
        let mut done: Vec<Done> = Vec::new();
        if kind < 25 {
            // Quarterly ("mỗi quý"): from the plan's start or a later start, to the year's end or an earlier end.
            out.push_str("repeat = \"quarterly\"\n");
            let start = if rng.chance(30) {
                let s = year_start + rng.days(20, 200);
                let _ = writeln!(out, "start = {}", date_value(&mut rng, s));
                s
            } else {
                year_start
            };
            let due_day = rng.chance(40).then_some(20);
            if let Some(day) = due_day {
                let _ = writeln!(out, "due_day = {day}");
            }
            let end = if rng.chance(10) {
                let e = ymd(YEAR, 9, 30);
                let _ = writeln!(out, "end = {e}");
                e
            } else {
                year_end
            };
            let mut p = Period::containing(Every::Quarter, start);
            while p <= Period::containing(Every::Quarter, end.max(start)) {
                let due = due_day.map_or_else(|| p.end(), |d| p.day_of_last_month(d));
                let first = if p == Period::containing(Every::Quarter, start) { start } else { p.start() };
                if first <= today && rng.chance(if due <= today { 46 } else { 15 }) {
                    let date = (due + rng.days(-25, 10)).clamp(first, today);
                    done.push(Done { period: Some(p), date });
                }
                p = p.next();
            }
        } else if kind < 30 {
            // Ongoing duty ("thường xuyên"): no deadline, never done.
            out.push_str("repeat = \"ongoing\"\n");
        } else {
            let due = year_start + rng.days(14, 360);
            let start = rng.chance(30).then(|| (due - rng.days(20, 90)).max(year_start));
            if let Some(s) = start {
                let _ = writeln!(out, "start = {}", date_value(&mut rng, s));
            }
            let _ = writeln!(out, "due = {}", date_value(&mut rng, due));
            let from = start.unwrap_or(year_start);
            if from <= today && rng.chance(if due <= today + Duration::days(30) { 46 } else { 10 }) {
                let date = (due + rng.days(-25, 10)).clamp(from, today);
                done.push(Done { period: None, date });
            }
        }
        if rng.chance(80) {
            let _ = writeln!(out, "result = {}", quoted(rng.pick(&RESULTS)));
        }
        out.push('\n');

        if rng.chance(4) {
            let _ = writeln!(
                out,
                "[[task.ref]]\nkind = \"Công văn\"\nnumber = \"{}/UBND-NV\"\ndate = {}\nissuer = \"Ủy ban nhân dân Quận 1\"\n",
                1000 + rng.below(500),
                year_start + rng.days(0, 120)
            );
        }
        for d in &done {
            out.push_str("[[task.done]]\n");
            if let Some(p) = d.period {
                let _ = writeln!(out, "period = \"{p}\"");
            }
            let _ = writeln!(out, "date = {}", date_value(&mut rng, d.date));
            if rng.chance(50) {
                let _ = writeln!(out, "note = {}", quoted(rng.pick(&NOTES)));
            }
            if rng.chance(60) {
                let _ = writeln!(out, "evidence = [\"Biên bản, báo cáo kèm theo nhiệm vụ {i}\"]");
            }
            if rng.chance(40) {
                let _ = writeln!(out, "by = {}", quoted(OWNERS[rng.below(OWNERS.len() as u64) as usize].1));
            }
            out.push('\n');
        }
        if rng.chance(20) {
            for _ in 0..1 + rng.below(3) {
                let date = year_start + rng.days(10, (today - year_start).num_days());
                let _ = writeln!(
                    out,
                    "[[task.log]]\ndate = {}\ntext = {}\nby = {}\n",
                    date_value(&mut rng, date),
                    quoted(rng.pick(&LOG_TEXTS)),
                    quoted(OWNERS[owner].1)
                );
            }
        }
    }
    out
}

/// Taskwarrior's date format.
fn tw_date(date: NaiveDate) -> String {
    date.format("%Y%m%dT000000Z").to_string()
}

/// The same items as Taskwarrior import JSON, one task per occurrence.
fn taskwarrior_json(toml_text: &str, seed: u64) -> String {
    let plan = par::plan::load::parse(Path::new("generated.toml"), toml_text).unwrap_or_else(|e| {
        eprintln!("the generated plan does not load (a generator bug):\n{e}");
        std::process::exit(2)
    });
    let mut rng = Rng(seed ^ 0x7461_736B);
    let mut out = String::new();
    let entry = plan.meta.start.unwrap_or_else(|| ymd(YEAR, 1, 1));
    for (k, o) in plan.tasks.iter().flat_map(|t| par::compute::occurrences(&plan, t).into_iter().enumerate()) {
        let t = o.task;
        let (a, b) = (rng.next(), rng.next());
        let uuid = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | (b >> 48) & 0x3fff,
            b & 0xffff_ffff_ffff
        );
        let description = match o.period {
            Some(p) => format!("{} ({p})", t.title),
            None => t.title.clone(),
        };
        let mut obj = serde_json::json!({
            "uuid": uuid,
            "description": description,
            "entry": tw_date(entry),
            "modified": tw_date(entry),
            "project": plan.sections[t.section].id,
            "status": if o.done.is_some() { "completed" } else { "pending" },
        });
        let m = obj.as_object_mut().expect("an object");
        if let Some(w) = t.owner {
            m.insert("tags".into(), serde_json::json!([plan.owners[w].id]));
        }
        if let Some(due) = o.due {
            m.insert("due".into(), tw_date(due).into());
        }
        if let Some(s) = o.start.filter(|&s| s > entry) {
            m.insert("scheduled".into(), tw_date(s).into());
        }
        if let Some(d) = o.done {
            m.insert("end".into(), tw_date(d.date).into());
        }
        // The task's progress log goes on its first item, as annotations.
        if k == 0 && !t.log.is_empty() {
            let notes: Vec<_> =
                t.log.iter().map(|l| serde_json::json!({ "entry": tw_date(l.date), "description": l.text })).collect();
            m.insert("annotations".into(), notes.into());
        }
        out.push_str(&obj.to_string());
        out.push('\n');
    }
    out
}

fn main() {
    let mut n: Option<usize> = None;
    let mut format = "toml".to_string();
    let mut seed: u64 = 2025;
    let mut args = std::env::args().skip(1);
    let usage = "usage: bench_plan N [--format toml|taskwarrior] [--seed S]";
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => format = args.next().unwrap_or_default(),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| fail(usage)),
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            _ => n = Some(a.replace([',', '_'], "").parse().unwrap_or_else(|_| fail(usage))),
        }
    }
    let n = n.unwrap_or_else(|| fail(usage));
    let toml_text = plan_toml(n, seed);
    let text = match format.as_str() {
        "toml" => toml_text,
        "taskwarrior" | "tw" => taskwarrior_json(&toml_text, seed),
        _ => fail(usage),
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        fail(&format!("cannot write: {e}"));
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(2)
}
