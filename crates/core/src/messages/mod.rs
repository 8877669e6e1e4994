//! The message catalogue: every text `par` writes to standard error (errors, their help
//! lines, warnings, diagnostics, the "đã ghi …" lines) is one entry here, with an id and
//! both texts. Vietnamese by default, English with `--lang en` (or a plan that says
//! `lang = "en"`, once it is loaded).
//!
//! # Adding a message
//!
//! One line in `list.rs` (or, for what a plan file says wrongly, `list_plan.rs`), next to
//! its neighbours by topic:
//!
//! ```text
//! NoTask => { vi: "không có nhiệm vụ mã `{id}`", en: "no task has the id `{id}`" },
//! ```
//!
//! then, where it is said, `say!(lang, NoTask, id = typed)` (a `String`), or
//! `say!(lang, NoTask, id)` when a variable has the argument's name. `{name}` is a named
//! argument; both texts must use the same names (a unit test checks). An id that no
//! command line can trigger (a broken built-in template, a race) is written
//! `Id [unreachable: "why"] => { … }`. An id named `What…` (or `Value…`) is a phrase said
//! inside another message's argument (`{what}`), in the same language. Every other id must be triggered by the
//! bilingual test in `tests/messages.rs` (a table id → command line), which fails for an
//! id neither triggered nor marked. Text outside this file does not reach standard error:
//! `tests/messages.rs` also scans the sources for literals given to `Fail`, `eprintln!`…
//!
//! Labels are the output language's only: `gợi ý:`/`help:`, `lưu ý:`/`note:`,
//! `cảnh báo:`/`warning:`. The leading `error:` is the one fixed tag, in both languages
//! (what scripts, editors and CI logs match), followed by the message in the output language.

use std::fmt::{self, Display, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::i18n::Lang;

/// The language standard error speaks: `--lang`, else the plan's once it is loaded, else
/// Vietnamese. Set by the binary as it learns it; read where a message is worded without
/// a language at hand (a plan that failed to load).
static OUTPUT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of messages (see [`output_lang`]).
pub fn set_output_lang(lang: Lang) {
    OUTPUT.store(matches!(lang, Lang::En) as u8, Ordering::Relaxed);
}

/// The language of messages: Vietnamese unless told otherwise.
pub fn output_lang() -> Lang {
    if OUTPUT.load(Ordering::Relaxed) == 1 { Lang::En } else { Lang::Vi }
}

macro_rules! messages {
    ($( $id:ident $([unreachable: $why:literal])? => { vi: $vi:literal, en: $en:literal } ),* $(,)?) => {
        /// A message's id (see the module's documentation).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($id),* }

        impl Msg {
            /// Every message, in the catalogue's order.
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];

            /// The template in `lang`, `{name}` where an argument goes.
            pub fn text(self, lang: Lang) -> &'static str {
                match self { $(Msg::$id => match lang { Lang::Vi => $vi, Lang::En => $en }),* }
            }

            /// The id as written in the catalogue.
            pub fn id(self) -> &'static str {
                match self { $(Msg::$id => stringify!($id)),* }
            }

            /// Why no command line can make par say it, for the few that none can.
            pub fn unreachable(self) -> Option<&'static str> {
                match self { $(Msg::$id => None $(.or(Some($why)))?),* }
            }
        }
    };
}

/// A message in the output language with its named arguments: `say!(lang, Id, a = x, b)`.
#[macro_export]
macro_rules! say {
    ($lang:expr, $id:ident $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::messages::Msg::$id.fill($lang, &[$((stringify!($name), &$crate::say!(@value $name $($value)?) as &dyn ::std::fmt::Display)),*])
    };
    (@value $name:ident) => { $name };
    (@value $name:ident $value:expr) => { $value };
}

impl Msg {
    /// The text in `lang` with `{name}` replaced by the argument of that name (`{{` and
    /// `}}` are braces). A name without an argument is left as written.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let template = self.text(lang);
        let mut out = String::with_capacity(template.len() + 16 * args.len());
        let mut rest = template;
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            match (tail.starts_with('{'), tail.find('}')) {
                (true, Some(end)) => {
                    let name = &tail[1..end];
                    match args.iter().find(|(n, _)| *n == name) {
                        Some((_, value)) => {
                            let _ = write!(out, "{value}");
                        }
                        None => out.push_str(&tail[..=end]),
                    }
                    rest = &tail[end + 1..];
                }
                _ => {
                    out.push_str(&tail[..1]);
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The literal pieces of the template in `lang`, between its arguments.
    pub fn pieces(self, lang: Lang) -> Vec<String> {
        let mut pieces = vec![String::new()];
        let mut rest = self.text(lang);
        while let Some(i) = rest.find(['{', '}']) {
            let tail = &rest[i..];
            pieces.last_mut().expect("one").push_str(&rest[..i]);
            if tail.starts_with("{{") || tail.starts_with("}}") {
                pieces.last_mut().expect("one").push_str(&tail[..1]);
                rest = &tail[2..];
            } else if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
                pieces.push(String::new());
                rest = &tail[end + 1..];
            } else {
                pieces.last_mut().expect("one").push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
        pieces.last_mut().expect("one").push_str(rest);
        pieces
    }

    /// Whether `text` is this message in `lang` with some arguments: its literal pieces in
    /// order, the first at the start and the last at the end.
    pub fn matches(self, lang: Lang, text: &str) -> bool {
        let pieces = self.pieces(lang);
        let (first, last) = (&pieces[0], &pieces[pieces.len() - 1]);
        if pieces.len() == 1 {
            return text == first;
        }
        let Some(mut rest) = text.strip_prefix(first.as_str()) else { return false };
        for piece in &pieces[1..pieces.len() - 1] {
            match rest.find(piece.as_str()) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => return false,
            }
        }
        rest.ends_with(last.as_str())
    }

    /// The argument names of the template in `lang`, in order.
    pub fn names(self, lang: Lang) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.text(lang);
        while let Some(i) = rest.find('{') {
            let tail = &rest[i..];
            if let Some(stripped) = tail.strip_prefix("{{") {
                rest = stripped;
            } else if let Some(end) = tail.find('}') {
                names.push(&tail[1..end]);
                rest = &tail[end + 1..];
            } else {
                break;
            }
        }
        names
    }
}

impl Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(output_lang()))
    }
}

/// A label (`help`, `note`, `warning`) in `lang`, without its colon.
pub fn label(lang: Lang, which: Msg) -> &'static str {
    which.text(lang)
}

#[macro_use]
mod list_plan;
#[macro_use]
mod list_season;
#[macro_use]
mod list_office;
mod list;
pub use list::Msg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_texts_take_the_same_arguments_and_ids_are_unique() {
        let mut ids = std::collections::HashSet::new();
        for &m in Msg::ALL {
            assert!(ids.insert(m.id()), "{} twice", m.id());
            let (mut vi, mut en) = (m.names(Lang::Vi), m.names(Lang::En));
            vi.sort_unstable();
            vi.dedup();
            en.sort_unstable();
            en.dedup();
            assert_eq!(vi, en, "{}: the two texts take different arguments", m.id());
            assert!(!m.text(Lang::Vi).is_empty() && !m.text(Lang::En).is_empty(), "{}", m.id());
        }
    }

    #[test]
    fn fills_named_arguments_and_matches_its_own_output() {
        let id = "4@Q9";
        let text = crate::say!(Lang::En, NoTaskKnown, id);
        assert_eq!(text, "no task has the id `4@Q9`; `par list` shows every id");
        assert!(Msg::NoTaskKnown.matches(Lang::En, &text));
        assert!(!Msg::NoTaskKnown.matches(Lang::Vi, &text));
        assert_eq!(crate::say!(Lang::Vi, NoTaskKnown, id = "7"), "không có nhiệm vụ mã `7`; `par list` liệt kê mọi mã");
        assert_eq!(Msg::LabelHelp.fill(Lang::Vi, &[]), "gợi ý");
    }
}
