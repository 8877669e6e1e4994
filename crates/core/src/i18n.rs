//! Vietnamese first, English too: every user-facing string is written as a pair.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Picks the string for this language. Keeping both texts side by side at the call
    /// site means a label can never exist in one language only.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match crate::text::fold(text).as_str() {
            "vi" | "vn" | "vie" | "tieng viet" => Some(Lang::Vi),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}
