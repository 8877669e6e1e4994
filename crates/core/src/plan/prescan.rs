//! A cheap look at text before the `toml` parser gets it, so that no file below the
//! size cap costs more than about ten times its size in memory.
//!
//! `toml` lexes its whole input into a vector of tokens and a vector of parse events
//! before it reads a value: about 50 bytes of memory per token, and about 110 more per
//! value in the tree it builds. An ordinary plan holds a token per 8–10 bytes, but a
//! hostile one a token per byte: 10 MB of `a = [[[[…` took 757 MB, and 100 MB of
//! `a=[1,1,…` failed to allocate and aborted. This scan walks the bytes once as `toml`'s
//! lexer does (strings and comments are skipped whole, so brackets inside them do not
//! count), measures the nesting depth of arrays and inline tables, and counts tokens,
//! a value counting as three. Text over either limit is refused with the place where
//! the limit was passed, before `toml` allocates anything.
//!
//! The fast path does not pay for it: tasks read by [`super::task_reader`] never reach
//! `toml`, so only the plan's head (everything before the first `[[task]]`), a piece the
//! reader leaves, or the whole file when a piece fails is scanned.

/// Arrays and inline tables nested deeper than this are refused. A plan nests two
/// deep at most (`[[task]]`, an array of inline tables).
pub const MAX_DEPTH: usize = 32;

/// Cost units `toml` may spend on a text of `len` bytes: a token is a unit, a value
/// three; at about 53 bytes a unit this is about ten times the text, plus 53 MB, which
/// ordinary plans stay below (the bundled plan is 0.15 units a byte, the 10,000-task
/// benchmark plan 0.27: parsed whole, it is within its budget up to about 14 MB).
pub fn budget(len: usize) -> usize {
    1_000_000 + len / 5
}

/// At most this many `[[task]]` tables: a task costs about 1.5 KB once read, and
/// 200,000 twice the largest plan tested (README, "Size").
pub const MAX_TASKS: usize = 200_000;

/// Which limit was passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Depth,
    Values,
    Tasks,
}

/// Refuses a text with more than [`MAX_TASKS`] `[[task]]` headers, at the first one too
/// many (a header quoted inside a string counts too: only a plan near the limit notices).
pub fn check_tasks(text: &str) -> Result<(), Exceeded> {
    match memchr::memmem::find_iter(text.as_bytes(), b"[[task]]").nth(MAX_TASKS) {
        Some(at) => Err(Exceeded { limit: Limit::Tasks, at }),
        None => Ok(()),
    }
}

/// A limit passed at byte `at` of the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exceeded {
    pub limit: Limit,
    pub at: usize,
}

impl Exceeded {
    /// Moves the place by `by` bytes (the scanned text started there in the file).
    pub fn shifted(self, by: usize) -> Exceeded {
        Exceeded { at: self.at + by, ..self }
    }

    /// What happened and what to do, in both languages (the plan's language is not known
    /// until it is read).
    pub fn words(&self) -> (String, String) {
        let lang = crate::messages::output_lang();
        match self.limit {
            Limit::Depth => (crate::say!(lang, LimitDepth, max = MAX_DEPTH), crate::say!(lang, LimitDepthHelp)),
            Limit::Tasks => (crate::say!(lang, LimitTasks, max = MAX_TASKS), crate::say!(lang, LimitTasksHelp)),
            Limit::Values => (crate::say!(lang, LimitValues), crate::say!(lang, LimitValuesHelp)),
        }
    }
}

/// Scans `text` as `toml`'s lexer would; `Err` names the first limit passed.
pub fn check(text: &str) -> Result<(), Exceeded> {
    check_with(text, MAX_DEPTH, budget(text.len()))
}

fn check_with(text: &str, max_depth: usize, budget: usize) -> Result<(), Exceeded> {
    let b = text.as_bytes();
    let (mut i, mut depth, mut units) = (0usize, 0usize, 0usize);
    while i < b.len() {
        let start = i;
        match b[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Err(Exceeded { limit: Limit::Depth, at: i });
                }
                i += 1;
                units += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
                units += 1;
            }
            b'.' | b'=' | b',' | b'\n' => {
                i += 1;
                units += 1;
            }
            b' ' | b'\t' => {
                while i < b.len() && matches!(b[i], b' ' | b'\t') {
                    i += 1;
                }
                units += 1;
            }
            b'\r' => {
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                units += 1;
            }
            b'#' => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                units += 1;
            }
            b'\'' if b[i..].starts_with(b"'''") => {
                i = memchr::memmem::find(&b[i + 3..], b"'''").map_or(b.len(), |n| i + 3 + n + 3);
                units += 3;
            }
            b'"' if b[i..].starts_with(b"\"\"\"") => {
                // Escaped quotes inside cannot end it early in a way that matters here:
                // the count stays an estimate of the same order.
                i = memchr::memmem::find(&b[i + 3..], b"\"\"\"").map_or(b.len(), |n| i + 3 + n + 3);
                units += 3;
            }
            b'\'' => {
                i += 1;
                i = memchr::memchr2(b'\'', b'\n', &b[i..])
                    .map_or(b.len(), |n| if b[i + n] == b'\'' { i + n + 1 } else { i + n });
                units += 3;
            }
            b'"' => {
                i += 1;
                loop {
                    match memchr::memchr3(b'"', b'\\', b'\n', &b[i..]) {
                        None => {
                            i = b.len();
                            break;
                        }
                        Some(n) => {
                            i += n;
                            match b[i] {
                                b'"' => {
                                    i += 1;
                                    break;
                                }
                                b'\\' => i += if matches!(b.get(i + 1), Some(b'"' | b'\\')) { 2 } else { 1 },
                                _ => break,
                            }
                        }
                    }
                }
                units += 3;
            }
            _ => {
                // An atom: a bare key, a number, a date, `true`…
                while i < b.len() && !is_stop(b[i]) {
                    i += 1;
                }
                units += 3;
            }
        }
        if units > budget {
            return Err(Exceeded { limit: Limit::Values, at: start });
        }
    }
    Ok(())
}

/// The bytes that end an atom for `toml`'s lexer.
fn is_stop(b: u8) -> bool {
    matches!(b, b'.' | b'=' | b',' | b'[' | b']' | b'{' | b'}' | b' ' | b'\t' | b'#' | b'\r' | b'\n' | b'\'' | b'"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_hide_brackets() {
        let deep = "[".repeat(40);
        assert!(
            check(&format!("a = \"{deep}\"\nb = '{deep}'\n# {deep}\nc = '''\n{deep}'''\nd = \"\"\"{deep}\"\"\"\n"))
                .is_ok()
        );
        assert!(check("a = \"x\\\"[[[[\"\n").is_ok());
        assert_eq!(check_with("a = [[[1]]]\n", 3, 100), Ok(()));
        assert_eq!(check_with("a = [[[[1]]]]\n", 3, 100), Err(Exceeded { limit: Limit::Depth, at: 7 }));
        // Headers count as nesting while open, and close again.
        assert_eq!(check_with("[[t]]\n[[t]]\nx = [1]\n", 2, 100), Ok(()));
    }

    #[test]
    fn values_are_counted_against_the_size() {
        let list = format!("a=[{}1]\n", "1,".repeat(1_000_000));
        assert_eq!(check(&list).map_err(|e| e.limit), Err(Limit::Values));
        let newlines = "\n".repeat(3_000_000);
        assert_eq!(check(&newlines).map_err(|e| e.limit), Err(Limit::Values));
        // The bundled plan, and a plan of many tasks, are far below the budget.
        let seed = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../plan.toml"));
        assert!(check_with(seed, MAX_DEPTH, seed.len() / 2).is_ok());
    }
}
