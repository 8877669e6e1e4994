//! The office's roster (`units.toml`): the units it expects a plan from, and its own
//! settings for the consolidated report (`[office]`).
//!
//! ```toml
//! [office]
//! unit = "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN"
//! number = "…/BC-UBND"
//! place = "Thành phố Hồ Chí Minh"
//! recipients = ["UBND Thành phố Hồ Chí Minh", "Lưu: VT"]
//! signer = { name = "Nguyễn Văn A", position = "PHÓ CHỦ TỊCH", capacity = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"] }
//!
//! [[unit]]
//! code = "SG-MN-SONCA"
//! name = "Trường Mầm non Sơn Ca"
//! kind = "school"
//! parent = "Phường Sài Gòn"
//! ```
//!
//! Plans are matched to roster units by `[plan] code`, else by normalised name
//! ([`normalise`]: diacritics, case and spacing ignored, abbreviations such as MN, TH,
//! THCS, THPT and UBND expanded), with a warning. When two roster units share a name (two
//! "Trường Mầm non Sơn Ca" in two wards), the plan's `superior` is compared with their
//! `parent`; a name still ambiguous matches neither.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// `[[unit]]` of the roster.
#[derive(Clone, Debug, Serialize)]
pub struct RosterUnit {
    pub code: String,
    pub name: String,
    pub kind: Option<String>,
    pub parent: Option<String>,
}

/// `[office]`: the office's own settings for its consolidated report.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub superior: Option<String>,
    #[serde(default)]
    pub unit_kind: Option<String>,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub signer: Option<OfficeSigner>,
    #[serde(default)]
    pub recipients: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeSigner {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub authority: Option<String>,
    #[serde(default)]
    pub capacity: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub office: Office,
    pub units: Vec<RosterUnit>,
    by_code: HashMap<String, usize>,
    /// Built at the first match by name: a roster whose plans all carry their code never
    /// pays for normalising its thousands of names.
    by_name: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    #[serde(default)]
    office: Option<Office>,
    #[serde(default)]
    unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    #[serde(default)]
    code: Option<toml::Spanned<String>>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    parent: Option<String>,
}

/// A roster that cannot be used: what is wrong, in both languages, and the fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterError {
    pub vi: String,
    pub en: String,
    pub help_vi: String,
    pub help_en: String,
}

impl RosterError {
    /// The error worded from the catalogue in both languages: `msg` and its `help`.
    fn of(msg: crate::messages::Msg, help: crate::messages::Msg, args: &[(&str, &dyn std::fmt::Display)]) -> Self {
        RosterError {
            vi: msg.fill(Lang::Vi, args),
            en: msg.fill(Lang::En, args),
            help_vi: help.fill(Lang::Vi, &[]),
            help_en: help.fill(Lang::En, &[]),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
    pub fn help(&self, lang: Lang) -> &str {
        lang.pick(&self.help_vi, &self.help_en)
    }
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// How a plan was matched to a roster unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    Code,
    /// By normalised name: the rollup warns, so the unit can add its code.
    Name,
}

impl Roster {
    /// Reads a roster's text; `shown` names the file in messages.
    pub fn parse(text: &str, shown: &str) -> Result<Roster, RosterError> {
        let raw: RawRoster = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            let msg = crate::text::one_line(e.message());
            use crate::messages::Msg::{RosterUnreadable, RosterUnreadableHelp};
            RosterError::of(
                RosterUnreadable,
                RosterUnreadableHelp,
                &[("file", &shown), ("line", &line), ("reason", &msg)],
            )
        })?;
        let mut roster = Roster { office: raw.office.unwrap_or_default(), ..Roster::default() };
        for (i, u) in raw.unit.into_iter().enumerate() {
            let n = i + 1;
            let Some(name) = u.name.filter(|n| !n.trim().is_empty()) else {
                let line = u.code.as_ref().map(|c| line_of(text, c.span().start));
                let at = line.map(|l| format!("{shown}:{l}")).unwrap_or_else(|| shown.to_string());
                use crate::messages::Msg::{RosterUnitNoName, RosterUnitNoNameHelp};
                return Err(RosterError::of(RosterUnitNoName, RosterUnitNoNameHelp, &[("at", &at), ("n", &n)]));
            };
            let Some(code) = u.code.filter(|c| !c.get_ref().trim().is_empty()) else {
                use crate::messages::Msg::{RosterUnitNoCode, RosterUnitNoCodeHelp};
                return Err(RosterError::of(
                    RosterUnitNoCode,
                    RosterUnitNoCodeHelp,
                    &[("file", &shown), ("name", &name)],
                ));
            };
            // The line is counted only for an error: counting it for every unit made a
            // 10,000-unit roster quadratic (each count scans the text from its start).
            let at = code.span().start;
            let code = code.into_inner().trim().to_string();
            let key = crate::text::fold(&code);
            if let Some(&first) = roster.by_code.get(&key) {
                let line = line_of(text, at);
                let other = &roster.units[first].name;
                use crate::messages::Msg::{RosterCodeTwice, RosterCodeTwiceHelp};
                let args: [(&str, &dyn std::fmt::Display); 4] =
                    [("file", &shown), ("line", &line), ("code", &code), ("other", other)];
                return Err(RosterError::of(RosterCodeTwice, RosterCodeTwiceHelp, &args));
            }
            roster.by_code.insert(key, roster.units.len());
            roster.units.push(RosterUnit { code, name, kind: u.kind, parent: u.parent });
        }
        Ok(roster)
    }

    /// The units by normalised name, in roster order.
    fn by_name(&self) -> &HashMap<String, Vec<usize>> {
        self.by_name.get_or_init(|| {
            let mut by_name: HashMap<String, Vec<usize>> = HashMap::with_capacity(self.units.len());
            for (i, u) in self.units.iter().enumerate() {
                by_name.entry(normalise(&u.name)).or_default().push(i);
            }
            by_name
        })
    }

    /// The roster unit a plan belongs to: by code, else by normalised name (and, when
    /// two units share the name, by the plan's superior against their parent).
    pub fn find(&self, code: Option<&str>, name: &str, superior: Option<&str>) -> Option<(usize, Matched)> {
        if let Some(code) = code {
            return self.by_code.get(&crate::text::fold(code)).map(|&i| (i, Matched::Code));
        }
        let hits = self.by_name().get(&normalise(name))?;
        if let [one] = hits.as_slice() {
            return Some((*one, Matched::Name));
        }
        let sup = normalise(superior?);
        let within: Vec<usize> = hits
            .iter()
            .copied()
            .filter(|&i| self.units[i].parent.as_deref().is_some_and(|p| related(&normalise(p), &sup)))
            .collect();
        match within.as_slice() {
            [one] => Some((*one, Matched::Name)),
            _ => None,
        }
    }

    /// The roster unit a document's file name names (`truong-mn-ben-nghe.docx`, or one
    /// holding the unit's code), if exactly one.
    pub fn find_document(&self, stem: &str) -> Option<usize> {
        let spaced: String = stem.chars().map(|c| if c == '-' || c == '_' || c == '.' { ' ' } else { c }).collect();
        if let Some(hits) = self.by_name().get(&normalise(&spaced))
            && hits.len() == 1
        {
            return Some(hits[0]);
        }
        // A word of the name that is a unit's code (looked up, never scanned: 10,000
        // documents against 10,000 units stay linear).
        let folded = crate::text::fold(stem);
        let mut found = folded
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '_')
            .chain(folded.split(|c: char| !c.is_alphanumeric()))
            .filter_map(|w| self.by_code.get(w).copied())
            .collect::<Vec<usize>>();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// A parent name and a superior body name name the same body when one holds the other
/// ("Phường Sài Gòn" within "Ủy ban nhân dân Phường Sài Gòn").
fn related(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a))
}

/// A unit's name as compared: folded (case, diacritics, spacing), punctuation dropped,
/// and the usual abbreviations written out.
pub fn normalise(name: &str) -> String {
    let folded = crate::text::fold(name);
    let mut out = String::with_capacity(folded.len() + 16);
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let long = match word {
            "mn" => "mam non",
            "mg" => "mau giao",
            "th" => "tieu hoc",
            "thcs" => "trung hoc co so",
            "thpt" => "trung hoc pho thong",
            "ubnd" => "uy ban nhan dan",
            "hdnd" => "hoi dong nhan dan",
            "tp" => "thanh pho",
            "tt" => "thi tran",
            "p" => "phuong",
            "q" => "quan",
            "x" => "xa",
            w => w,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(long);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_abbreviations_and_marks() {
        assert_eq!(normalise("Trường MN Bến Nghé"), normalise("Trường Mầm non  Bến Nghé"));
        assert_eq!(normalise("UBND P. Sài Gòn"), normalise("Ủy ban nhân dân phường Sài Gòn"));
        assert_eq!(normalise("Trường THCS Văn Lang"), "truong trung hoc co so van lang");
        assert_ne!(normalise("Trường TH A"), normalise("Trường THCS A"));
    }

    const ROSTER: &str = "[[unit]]\ncode = \"A\"\nname = \"Trường Mầm non Sơn Ca\"\nparent = \"Phường Sài Gòn\"\n\
        [[unit]]\ncode = \"B\"\nname = \"Trường Mầm non Sơn Ca\"\nparent = \"Phường Bến Thành\"\n\
        [[unit]]\ncode = \"C\"\nname = \"Trường Mầm non Bến Nghé\"\n";

    #[test]
    fn matches_by_code_then_name_then_parent() {
        let r = Roster::parse(ROSTER, "units.toml").unwrap();
        assert_eq!(r.find(Some("b"), "x", None), Some((1, Matched::Code)));
        assert_eq!(r.find(Some("Z"), "Trường Mầm non Bến Nghé", None), None, "a code not in the roster");
        assert_eq!(r.find(None, "Trường MN Bến Nghé", None), Some((2, Matched::Name)));
        assert_eq!(r.find(None, "Trường MN Sơn Ca", None), None, "two units have that name");
        assert_eq!(r.find(None, "Trường MN Sơn Ca", Some("UBND phường Bến Thành")), Some((1, Matched::Name)));
        assert_eq!(r.find_document("truong-mn-ben-nghe"), Some(2));
        assert_eq!(r.find_document("bao-cao-C-q3"), Some(2));
        assert_eq!(r.find_document("truong-mn-son-ca"), None);
    }

    #[test]
    fn bad_rosters_say_where() {
        let dup =
            Roster::parse("[[unit]]\ncode = \"A\"\nname = \"X\"\n[[unit]]\ncode = \"a\"\nname = \"Y\"\n", "u.toml");
        let e = dup.unwrap_err();
        assert_eq!(e.en, "roster u.toml:5: duplicate code `a`, already used for “X”");
        assert!(e.vi.contains("trùng"));
        let noname = Roster::parse("[[unit]]\ncode = \"A\"\n", "u.toml").unwrap_err();
        assert_eq!(noname.en, "roster u.toml:2: unit 1 has no name");
        let syntax = Roster::parse("[[unit]]\ncode = A\n", "u.toml").unwrap_err();
        assert!(syntax.en.starts_with("roster u.toml:2:"), "{}", syntax.en);
    }
}
