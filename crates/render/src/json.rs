//! JSON output for scripts: the computed data, pretty-printed, with a schema
//! version so scripts can tell when fields change.

use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    schema: u32,
    kind: &'a str,
    #[serde(flatten)]
    data: &'a T,
}

/// Serialises `data` under `{"schema": 1, "kind": …}`.
pub fn to_json<T: Serialize>(kind: &str, data: &T) -> String {
    let mut s = serde_json::to_string_pretty(&Envelope { schema: SCHEMA_VERSION, kind, data })
        .expect("plan data always serialises");
    s.push('\n');
    s
}
