//! The direct task reader against `toml`: whenever the reader takes a piece, `toml`
//! must read the same tasks from it, every span included. (When the reader leaves a
//! piece, `toml` decides, as it always did: nothing to compare.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use par::plan::schema::RawTask;
use par::plan::task_reader::read_tasks;
use toml::Spanned;

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Tasks {
    #[allow(dead_code)]
    task: Vec<Spanned<RawTask>>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(piece) = std::str::from_utf8(data) else { return };
    // Most inputs would not start with a header: give them one, so the fuzzer spends
    // its time inside tables.
    let piece = if piece.starts_with('[') { piece.to_string() } else { format!("[[task]]\n{piece}") };
    if let Some(read) = read_tasks(&piece, 0) {
        let by_toml = toml::from_str::<Tasks>(&piece).map(|t| format!("{:?}", t.task));
        assert_eq!(Ok(format!("{read:?}")), by_toml.map_err(|e| e.to_string()), "{piece:?}");
    }
});
