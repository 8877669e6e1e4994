//! The benchmark's floor: reads a TOML file and parses it into a generic
//! `toml::Table`, as any TOML-based tool must at least do, then exits.
//!
//!     cargo run --release --example parse_generic -- plan.toml

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_generic FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            std::process::exit(3);
        }
    };
    match text.parse::<toml::Table>() {
        // Keep the parsed table observable so nothing is optimised away.
        Ok(table) => std::process::exit(if std::hint::black_box(&table).is_empty() { 1 } else { 0 }),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
