//! The yardstick for `par done`: a full format-preserving parse and
//! re-serialisation of a plan file with `toml_edit`, what a naive writer would do.
//!
//!     cargo run --release --example toml_edit_roundtrip -- FILE [N]
//!
//! Reads FILE, then N times (default 1) parses it into a `toml_edit::DocumentMut`
//! and serialises it back; checks the result equals the input and prints the mean
//! time of one round trip on standard error. With N = 1 the process does the same
//! work a writer would (read, parse, serialise), so `hyperfine` can compare it with
//! `par done` process to process.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: toml_edit_roundtrip FILE [N]");
        std::process::exit(2);
    };
    let n: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1).max(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(3);
        }
    };
    let started = Instant::now();
    let mut out = String::new();
    for _ in 0..n {
        let doc: toml_edit::DocumentMut = match text.parse() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        };
        out = std::hint::black_box(doc.to_string());
    }
    let mean = started.elapsed() / n;
    if out != text {
        eprintln!("note: the round trip changed the text ({} → {} bytes)", text.len(), out.len());
    }
    eprintln!("toml_edit parse + serialise of {path}: {:.2} ms per round trip ({n} rounds)", mean.as_secs_f64() * 1e3);
}
