//! The lexicon of Vietnamese administrative wording (`crates/import/data/lexicon.toml`):
//! the heads of bodies' and roles' names, the verbs that end them, place words, signers'
//! positions and the names of the reading rules. Read into the binary, parsed and folded
//! once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::i18n::Lang;
use crate::import::scan::fold;

const SOURCE: &str = include_str!("../../data/lexicon.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    heads: Vec<String>,
    not_heads: Vec<String>,
    verbs: Vec<String>,
    assign: Vec<String>,
    places: Vec<String>,
    place_heads: Vec<String>,
    positions: Vec<String>,
    deadlines: Vec<String>,
    measures: Vec<String>,
    at_least: Vec<String>,
    at_most: Vec<String>,
    joint_bodies: Vec<String>,
    clause_openers: Vec<String>,
    count_units: HashMap<String, String>,
    columns: RawColumns,
    rules: HashMap<String, RuleName>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    number: Vec<String>,
    task: Vec<String>,
    owner: Vec<String>,
    support: Vec<String>,
    time: Vec<String>,
    result: Vec<String>,
}

/// The header words of a table of tasks' columns, folded ("chu tri"): one list for the
/// Word/Markdown table reader and the Excel reader.
pub(crate) struct ColumnWords {
    /// Matched as the whole cell ("stt").
    pub(crate) number: Vec<String>,
    /// Matched anywhere in the cell.
    pub(crate) task: Vec<String>,
    pub(crate) owner: Vec<String>,
    pub(crate) support: Vec<String>,
    pub(crate) time: Vec<String>,
    pub(crate) result: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleName {
    vi: String,
    en: String,
}

/// The lexicon, every word folded ([`fold`]: no accents, lower case).
pub(crate) struct Lexicon {
    /// Words that open a body's or a role's name.
    pub(crate) heads: Vec<String>,
    /// Phrases that open like a head but name no body.
    pub(crate) not_heads: Vec<String>,
    /// Verbs that end an owner's name, longest first.
    pub(crate) verbs: Vec<String>,
    /// The same verbs, (folded, as written in lower case), longest first: a verb is matched
    /// with its accents, as folding makes "năng" (in "chức năng") the verb "nâng".
    pub(crate) verbs_written: Vec<(String, String)>,
    /// "giao", "đề nghị": the body named after them is handed the duty; longest first.
    pub(crate) assign: Vec<String>,
    /// Place words ("tỉnh", "thành phố"), followed by a space.
    pub(crate) places: Vec<String>,
    /// Heads a place completes into one name ("ủy ban nhân dân" + "tỉnh Bình Định").
    pub(crate) place_heads: Vec<String>,
    pub(crate) positions: Vec<String>,
    /// The positions as written ("Phó Chủ tịch"), beside `positions`.
    written_positions: Vec<String>,
    /// Words that open a deadline or recurrence clause, longest first.
    pub(crate) deadlines: Vec<String>,
    /// Words that open the measured part of a result.
    pub(crate) measures: Vec<String>,
    /// Threshold words before a number, longest first: a floor, a ceiling.
    pub(crate) at_least: Vec<String>,
    pub(crate) at_most: Vec<String>,
    /// Joint offices whose name holds "và" between two heads ("van phong hdnd va ubnd").
    pub(crate) joint_bodies: Vec<String>,
    /// Words besides verbs and deadlines that open a clause after a comma, longest first.
    pub(crate) clause_openers: Vec<String>,
    /// Count nouns (folded, as written) and the unit a target takes, longest first.
    pub(crate) count_units: Vec<(String, String)>,
    /// The header words of a table of tasks.
    pub(crate) columns: ColumnWords,
    rules: HashMap<String, RuleName>,
}

/// The lexicon, parsed on first use. The file is part of the binary and tested: a mistake
/// in it fails every test, never a user's run.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let raw: Raw = toml::from_str(SOURCE).expect("crates/import/data/lexicon.toml is valid (tested)");
        let folded = |v: Vec<String>| -> Vec<String> {
            let mut out: Vec<String> = v.iter().map(|w| fold(w)).collect();
            out.dedup();
            out
        };
        let longest_first = |v: Vec<String>| -> Vec<String> {
            let mut out = folded(v);
            out.sort_by_key(|w| std::cmp::Reverse(w.len()));
            out.dedup();
            out
        };
        Lexicon {
            heads: folded(raw.heads),
            not_heads: folded(raw.not_heads),
            verbs_written: {
                let mut v: Vec<(String, String)> = raw.verbs.iter().map(|w| (fold(w), w.to_lowercase())).collect();
                v.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
                v.dedup();
                v
            },
            verbs: longest_first(raw.verbs),
            assign: longest_first(raw.assign),
            places: raw.places.iter().map(|p| format!("{} ", fold(p))).collect(),
            place_heads: folded(raw.place_heads),
            positions: raw.positions.iter().map(|p| fold(p)).collect(),
            written_positions: raw.positions,
            deadlines: longest_first(raw.deadlines),
            measures: folded(raw.measures),
            at_least: longest_first(raw.at_least),
            at_most: longest_first(raw.at_most),
            joint_bodies: longest_first(raw.joint_bodies),
            clause_openers: longest_first(raw.clause_openers),
            count_units: {
                let mut v: Vec<(String, String)> = raw.count_units.into_iter().map(|(k, u)| (fold(&k), u)).collect();
                // Longest first, then by name: the order is the same on every run.
                v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
                v
            },
            columns: ColumnWords {
                number: folded(raw.columns.number),
                task: folded(raw.columns.task),
                owner: folded(raw.columns.owner),
                support: folded(raw.columns.support),
                time: folded(raw.columns.time),
                result: folded(raw.columns.result),
            },
            rules: raw.rules,
        }
    })
}

/// A signer's position as a draft writes it ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"), when the
/// lexicon knows it.
pub(crate) fn written_position(text: &str) -> Option<&'static str> {
    let lex = lexicon();
    let f = fold(text);
    lex.positions.iter().position(|p| *p == f).map(|i| lex.written_positions[i].as_str())
}

/// A reading rule's name in `lang`, as the lexicon gives it (the id itself if it has none).
pub fn rule_name(id: &str, lang: Lang) -> &str {
    match lexicon().rules.get(id) {
        Some(r) => lang.pick(&r.vi, &r.en),
        None => id,
    }
}

/// Whether the lexicon names a rule.
#[cfg(test)]
pub(crate) fn has_rule(id: &str) -> bool {
    lexicon().rules.contains_key(id)
}
