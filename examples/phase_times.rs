//! Times each phase of `par report` on one plan (for finding where a slow report spends
//! its time; the benchmarks time the whole command).
//!
//!     cargo run --release --example phase_times -- plan.toml [runs]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = Path::new(args.get(1).map(String::as_str).unwrap_or("plan.toml"));
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let today = chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap();
    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut put = |name: &'static str, t: Instant| {
        let ms = t.elapsed().as_secs_f64() * 1e3;
        match rows.iter_mut().find(|r| r.0 == name) {
            Some(r) => r.1.push(ms),
            None => rows.push((name, vec![ms])),
        }
    };
    for _ in 0..runs {
        let t = Instant::now();
        let bytes = std::fs::read(path).unwrap();
        let (text, _) = par::plan::load::decode(path, bytes).unwrap();
        put("read + decode", t);
        let t = Instant::now();
        let raw = par::plan::pieces::from_str(&text).unwrap();
        put("parse (pieces)", t);
        let t = Instant::now();
        let plan = par::plan::validate::validate(raw, &text, None).unwrap();
        put("validate", t);
        let t = Instant::now();
        let period = par::period::Period::parse("Q3", Some(plan.meta.year)).ok();
        let report = par::compute::report::build(&plan, period, today, par::i18n::Lang::Vi).unwrap();
        put("build", t);
        let t = Instant::now();
        let md = par::render::report::md::render(&report);
        put("render md", t);
        let t = Instant::now();
        drop((md, report, plan, text));
        put("drop", t);
    }
    for (name, mut v) in rows {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{name:<16} median {:7.2} ms   min {:7.2} ms", v[v.len() / 2], v[0]);
    }
}
