//! Generates plan files for many units, for the rollup benchmark and demos.
//!
//!     cargo run --release --example gen_units -- OUT_DIR COUNT [TASKS_PER_PLAN]
//!
//! Deterministic (a fixed pseudo-random sequence): the same arguments give the
//! same files. Units get Vietnamese names, tasks a mix of one-off, quarterly,
//! monthly and ongoing duties over 2025, with done marks on time, late or missing,
//! so a rollup "as of" 2025-10-05 shows every status.

use std::fmt::Write as _;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: small, fast, good enough for test data.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const KINDS: &[&str] =
    &["Trường Tiểu học", "Trường THCS", "Trường Mầm non", "UBND Phường", "Trạm Y tế Phường", "Trường THPT"];
const NAMES: &[&str] = &[
    "Nguyễn Bỉnh Khiêm",
    "Lê Văn Tám",
    "Trần Hưng Đạo",
    "Bến Nghé",
    "Đa Kao",
    "Tân Định",
    "Cầu Kho",
    "Nguyễn Thái Bình",
    "Phạm Ngũ Lão",
    "Cô Giang",
    "Nguyễn Cư Trinh",
    "Bến Thành",
    "Võ Thị Sáu",
    "Hòa Bình",
    "Kết Đoàn",
];
const VERBS: &[&str] = &[
    "Rà soát, cập nhật",
    "Tuyên truyền",
    "Kiểm tra việc thực hiện",
    "Báo cáo kết quả",
    "Tổ chức đối thoại về",
    "Số hóa hồ sơ",
    "Công khai",
    "Khắc phục hạn chế về",
];
const TOPICS: &[&str] = &[
    "thủ tục hành chính",
    "ý kiến, phản ánh của người dân",
    "thư điện tử công vụ",
    "dịch vụ công trực tuyến",
    "quy chế dân chủ cơ sở",
    "chỉ số hài lòng SIPAS",
    "tài chính công",
    "văn bản quy phạm pháp luật",
];
const OWNERS: &[(&str, &str)] =
    &[("ht", "Thủ trưởng đơn vị"), ("pho", "Cấp phó"), ("cchc", "Cán bộ phụ trách CCHC"), ("vt", "Văn thư")];

fn date(month: u64, day: u64) -> String {
    format!("2025-{month:02}-{day:02}")
}

/// A date `delta` days from 2025-`month`-`day_of_month`, kept inside 2025 and crudely (28-day months) valid.
fn shift(month: u64, day_of_month: u64, delta: i64) -> String {
    let mut day = (month as i64 - 1) * 28 + day_of_month as i64 - 1 + delta;
    day = day.clamp(0, 12 * 28 - 1);
    date(day as u64 / 28 + 1, day as u64 % 28 + 1)
}

fn unit_name(i: usize) -> String {
    let k = KINDS[i % KINDS.len()];
    let n = NAMES[(i / KINDS.len()) % NAMES.len()];
    let round = i / (KINDS.len() * NAMES.len());
    if round == 0 { format!("{k} {n}") } else { format!("{k} {n} số {}", round + 1) }
}

fn plan(i: usize, tasks: usize, rng: &mut Rng) -> String {
    let mut s = String::new();
    let unit = unit_name(i);
    let _ = writeln!(s, "# Kế hoạch mẫu sinh tự động / generated sample plan #{i}");
    let _ = writeln!(
        s,
        "[plan]\nunit = \"{unit}\"\ntitle = \"Kế hoạch khắc phục, cải thiện Chỉ số CCHC năm 2025 — {unit}\"\nyear = 2025\nstart = 2025-01-15\n"
    );
    for (id, name) in OWNERS {
        let _ = writeln!(s, "[[owner]]\nid = \"{id}\"\nname = \"{name}\"\n");
    }
    let _ = writeln!(s, "[[section]]\nid = \"II\"\ntitle = \"Nhiệm vụ và giải pháp\"\n");
    // Units differ: some are diligent, some fall behind.
    let diligence = 40 + rng.below(55);
    for t in 1..=tasks {
        let title = format!(
            "{} {}",
            VERBS[rng.below(VERBS.len() as u64) as usize],
            TOPICS[rng.below(TOPICS.len() as u64) as usize]
        );
        let owner = OWNERS[rng.below(OWNERS.len() as u64) as usize].0;
        let _ = writeln!(s, "[[task]]\nid = \"{t}\"\nsection = \"II\"\ntitle = \"{title}\"\nowner = \"{owner}\"");
        match rng.below(10) {
            0..=5 => {
                let (m, d) = (2 + rng.below(11), 1 + rng.below(28));
                let _ = writeln!(s, "due = {}", date(m, d));
                let _ = writeln!(s, "result = \"Hoàn thành {}\"\n", title.to_lowercase());
                // Due before 5 October: usually done, sometimes late, sometimes not at all.
                if (m, d) < (10, 5) && rng.chance(diligence) {
                    let late = if rng.chance(25) { 1 + rng.below(20) as i64 } else { -(rng.below(10) as i64) };
                    let _ = writeln!(s, "[[task.done]]\ndate = {}\nnote = \"Đã thực hiện\"\n", shift(m, d, late));
                }
            }
            6 | 7 => {
                let _ = writeln!(s, "repeat = \"quarterly\"\ndue_day = 20\n");
                for q in 1..=3u64 {
                    if rng.chance(diligence) {
                        let late = if rng.chance(20) { 1 + rng.below(15) as i64 } else { -(rng.below(10) as i64) };
                        let _ =
                            writeln!(s, "[[task.done]]\nperiod = \"2025-Q{q}\"\ndate = {}\n", shift(q * 3, 20, late));
                    }
                }
            }
            8 => {
                let _ = writeln!(s, "repeat = \"monthly\"\ndue_day = 25\n");
                for m in 1..=9u64 {
                    if rng.chance(diligence) {
                        let _ = writeln!(
                            s,
                            "[[task.done]]\nperiod = \"2025-{m:02}\"\ndate = {}\n",
                            shift(m, 25, -(rng.below(5) as i64))
                        );
                    }
                }
            }
            _ => {
                let _ = writeln!(s, "repeat = \"ongoing\"\n");
                let _ = writeln!(s, "[[task.log]]\ndate = 2025-06-10\ntext = \"Đã triển khai\"\n");
            }
        }
    }
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_units OUT_DIR COUNT [TASKS_PER_PLAN]");
        std::process::exit(2);
    }
    let out = PathBuf::from(&args[0]);
    let count: usize = args[1].parse().expect("COUNT is a number");
    let tasks: usize = args.get(2).map_or(30, |t| t.parse().expect("TASKS_PER_PLAN is a number"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // 100 files a folder, as a district keeps one folder per ward or school level.
    for i in 0..count {
        let dir = out.join(format!("nhom-{:03}", i / 100));
        std::fs::create_dir_all(&dir).expect("create the output folder");
        std::fs::write(dir.join(format!("don-vi-{i:05}.toml")), plan(i, tasks, &mut rng)).expect("write a plan");
    }
    eprintln!("wrote {count} plans of {tasks} tasks under {}", out.display());
}
