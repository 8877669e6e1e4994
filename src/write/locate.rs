//! Finding a task's bytes in the plan file without parsing it again.
//!
//! A small line scanner walks the text once and records every table header
//! (`[plan]`, `[[task]]`, `[[task.done]]`…). It understands just enough TOML to
//! never mistake text for a header: comments, basic and literal strings, the
//! multi-line strings `"""` and `'''` (a line starting with `[` inside one is
//! text), and arrays or inline tables spread over several lines.
//!
//! Ownership of lines, the rule every writer follows:
//! - comment lines directly above a header (no blank line between) belong to that
//!   header: they describe what follows, so `par rm` removes them with the task and
//!   they never count as the end of the block before;
//! - a task's block runs from its `[[task]]` header to the next header that is not
//!   one of its own sub-tables (`[[task.done]]`, `[[task.log]]`, `[[task.ref]]`…),
//!   and its *content* ends with its last non-blank line; the blank lines after it
//!   separate it from what follows and are left alone.

use std::ops::Range;

/// A table header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `[[…]]` rather than `[…]`.
    pub array: bool,
    /// The dotted key, unquoted: `[[task.done]]` → `["task", "done"]`.
    pub path: Vec<String>,
    /// 1-based line number of the header.
    pub line: usize,
    /// Byte offset where the header's line starts.
    pub start: usize,
    /// Where the comment lines directly above the header start (`start` when none).
    pub attached: usize,
    /// End (after the line break) of the last non-blank line before `attached`;
    /// 0 when nothing comes before. The blank lines in between separate the two.
    pub prev_content_end: usize,
}

impl Header {
    fn is(&self, array: bool, path: &[&str]) -> bool {
        self.array == array && self.path.len() == path.len() && self.path.iter().zip(path).all(|(a, b)| a == b)
    }

    /// `[[task]]`.
    pub fn is_task(&self) -> bool {
        self.is(true, &["task"])
    }

    /// A sub-table of the current task: `[[task.done]]`, `[task.x]`.
    pub fn is_task_child(&self) -> bool {
        self.path.len() >= 2 && self.path[0] == "task"
    }
}

/// Where things are in a plan file's text.
#[derive(Debug, Clone)]
pub struct Layout {
    pub headers: Vec<Header>,
    /// End (after the line break, if any) of the file's last non-blank line.
    pub content_end: usize,
    /// The file's line ending, taken from its first line: new lines use it.
    pub eol: &'static str,
}

/// The bytes of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskBlock {
    /// Index of the `[[task]]` header in [`Layout::headers`].
    pub header: usize,
    /// Indexes of its sub-table headers, in file order.
    pub children: Vec<usize>,
    /// From the header line to the end of its last non-blank line.
    pub content: Range<usize>,
    /// The task's own keys: from the header line to the end of the last non-blank
    /// line before its first sub-table (or of the block when it has none).
    pub head: Range<usize>,
    /// What `par rm` takes away: the blank lines before the task, the comments
    /// attached to it, and its content. The blank lines after it stay.
    pub removal: Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    /// Inside `"""…"""`.
    MlBasic,
    /// Inside `'''…'''`.
    MlLiteral,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Comment,
    Header,
    Other,
}

impl Layout {
    /// Scans `text` (a plan file without its byte-order mark). Never fails: on text
    /// that is not valid TOML the result is merely approximate, and callers only
    /// scan text the TOML parser has already accepted.
    pub fn scan(text: &str) -> Layout {
        let bytes = text.as_bytes();
        let eol = match bytes.iter().position(|&b| b == b'\n') {
            Some(i) if i > 0 && bytes[i - 1] == b'\r' => "\r\n",
            _ => "\n",
        };
        let mut headers = Vec::new();
        let mut state = State::Normal;
        let mut depth = 0usize;
        // Start of the run of comment lines just above the current line, if any.
        let mut comment_run: Option<usize> = None;
        // End of the last non-blank line that is not part of `comment_run`.
        let mut content_before_run = 0usize;
        let mut content_end = 0usize;
        let mut pos = 0usize;
        let mut line_no = 0usize;
        while pos < bytes.len() {
            line_no += 1;
            let end = match bytes[pos..].iter().position(|&b| b == b'\n') {
                Some(i) => pos + i + 1,
                None => bytes.len(),
            };
            let line = &bytes[pos..end];
            let kind = if state != State::Normal || depth > 0 {
                Kind::Other
            } else {
                match line.iter().find(|&&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
                    None => Kind::Blank,
                    Some(b'#') => Kind::Comment,
                    Some(b'[') => Kind::Header,
                    Some(_) => Kind::Other,
                }
            };
            match kind {
                // Comments followed by a blank line belong to what is above them.
                Kind::Blank => comment_run = None,
                Kind::Comment => {
                    if comment_run.is_none() {
                        content_before_run = content_end;
                        comment_run = Some(pos);
                    }
                    content_end = end;
                }
                Kind::Header => {
                    let (array, path) = parse_header(line);
                    let attached = comment_run.take().unwrap_or(pos);
                    let prev_content_end = if attached == pos { content_end } else { content_before_run };
                    headers.push(Header { array, path, line: line_no, start: pos, attached, prev_content_end });
                    content_end = end;
                }
                Kind::Other => {
                    comment_run = None;
                    content_end = end;
                    (state, depth) = scan_line(line, state, depth);
                }
            }
            pos = end;
        }
        Layout { headers, content_end, eol }
    }

    /// Indexes of the `[[task]]` headers, in file order (the order of `Plan::tasks`).
    pub fn task_headers(&self) -> Vec<usize> {
        self.headers.iter().enumerate().filter(|(_, h)| h.is_task()).map(|(i, _)| i).collect()
    }

    /// The block of the task whose header is `headers[header]`.
    pub fn task_block(&self, header: usize) -> TaskBlock {
        let h = &self.headers[header];
        let mut next = header + 1;
        let mut children = Vec::new();
        while next < self.headers.len() && self.headers[next].is_task_child() {
            children.push(next);
            next += 1;
        }
        let end = self.headers.get(next).map_or(self.content_end, |n| n.prev_content_end);
        let head_end = children.first().map_or(end, |&c| self.headers[c].prev_content_end);
        TaskBlock { header, content: h.start..end, head: h.start..head_end, removal: h.prev_content_end..end, children }
    }

    /// The content of the sub-table at `headers[child]` and what removing it takes
    /// away (blank lines before, attached comments, its lines).
    pub fn child_removal(&self, child: usize) -> Range<usize> {
        let h = &self.headers[child];
        let end = self.headers.get(child + 1).map_or(self.content_end, |n| n.prev_content_end);
        h.prev_content_end..end
    }
}

/// Runs the string and bracket state machine over one line of keys and values.
fn scan_line(line: &[u8], mut state: State, mut depth: usize) -> (State, usize) {
    let mut i = 0;
    while i < line.len() {
        match state {
            State::MlBasic => match line[i] {
                b'\\' => i += 2,
                b'"' => {
                    let run = quote_run(line, i, b'"');
                    if run >= 3 {
                        state = State::Normal;
                    }
                    i += run;
                }
                _ => i += 1,
            },
            State::MlLiteral => {
                if line[i] == b'\'' {
                    let run = quote_run(line, i, b'\'');
                    if run >= 3 {
                        state = State::Normal;
                    }
                    i += run;
                } else {
                    i += 1;
                }
            }
            State::Normal => match line[i] {
                b'#' => return (state, depth),
                b'"' if line[i..].starts_with(b"\"\"\"") => {
                    state = State::MlBasic;
                    i += 3;
                }
                b'\'' if line[i..].starts_with(b"'''") => {
                    state = State::MlLiteral;
                    i += 3;
                }
                b'"' => {
                    i += 1;
                    while i < line.len() && line[i] != b'"' && line[i] != b'\n' {
                        i += if line[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'\'' => {
                    i += 1;
                    while i < line.len() && line[i] != b'\'' && line[i] != b'\n' {
                        i += 1;
                    }
                    i += 1;
                }
                b'[' | b'{' => {
                    depth += 1;
                    i += 1;
                }
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    i += 1;
                }
                _ => i += 1,
            },
        }
    }
    (state, depth)
}

/// Length of the run of `q` quotes starting at `i`.
fn quote_run(line: &[u8], i: usize, q: u8) -> usize {
    line[i..].iter().take_while(|&&b| b == q).count()
}

/// Reads a header line: `[[ task . "done" ]]  # comment`.
fn parse_header(line: &[u8]) -> (bool, Vec<String>) {
    let text = String::from_utf8_lossy(line);
    let s = text.trim_start();
    let (array, mut rest) = match s.strip_prefix("[[") {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('[').unwrap_or(s)),
    };
    let mut path = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        let (key, after) = if let Some(r) = rest.strip_prefix('"') {
            read_basic_key(r)
        } else if let Some(r) = rest.strip_prefix('\'') {
            match r.find('\'') {
                Some(e) => (r[..e].to_string(), &r[e + 1..]),
                None => (r.to_string(), ""),
            }
        } else {
            let e = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
            (rest[..e].to_string(), &rest[e..])
        };
        path.push(key);
        rest = after.trim_start_matches([' ', '\t']);
        match rest.strip_prefix('.') {
            Some(r) => rest = r,
            None => break,
        }
    }
    (array, path)
}

/// A quoted key's text up to its closing quote, with the common escapes decoded.
fn read_basic_key(s: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &s[i + 1..]),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'u')) | Some((_, 'U')) => {
                    let hex: String = chars.clone().map(|(_, c)| c).take_while(|c| c.is_ascii_hexdigit()).collect();
                    let hex = &hex[..hex.len().min(8)];
                    if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                        for _ in 0..hex.len() {
                            chars.next();
                        }
                    }
                }
                Some((_, other)) => out.push(other),
                None => {}
            },
            _ => out.push(c),
        }
    }
    (out, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(l: &Layout) -> Vec<String> {
        l.headers.iter().map(|h| format!("{}{}", if h.array { "@" } else { "" }, h.path.join("."))).collect()
    }

    #[test]
    fn finds_headers_and_skips_strings() {
        let text = "\
# top
[plan]
a = '''
[[task]] inside a literal
'''
b = \"\"\"
[[task]] inside a basic \\\"\"\" still inside
\"\"\"
c = [
  [1, 2],
  # comment in an array
]
[[ task ]]  # trailing [[x]]
d = \"[[y]]\" # [z]
[[task.\"done\"]]
[ 'task' . log ]
";
        let l = Layout::scan(text);
        assert_eq!(paths(&l), ["plan", "@task", "@task.done", "task.log"]);
        assert_eq!(l.headers[1].line, 13);
        assert_eq!(l.eol, "\n");
    }

    #[test]
    fn quotes_closing_multiline_strings() {
        // Up to two quotes may end the content right before the closing delimiter.
        let text = "a = \"\"\"x\"\"\"\"\"\n[t]\nb = '''y'''''\n[u]\n";
        assert_eq!(paths(&Layout::scan(text)), ["t", "u"]);
    }

    #[test]
    fn blocks_own_their_comments() {
        let text = "\
[plan]
x = 1

# about task 1
[[task]]
id = \"1\"
# inside

[[task.done]]
date = 2025-01-01
# trailing note of task 1

# ---- owners ----
# the owners
[[owner]]
id = \"a\"
";
        let l = Layout::scan(text);
        let tasks = l.task_headers();
        assert_eq!(tasks, [1]);
        let b = l.task_block(1);
        let s = |r: Range<usize>| &text[r];
        assert_eq!(
            s(b.content.clone()),
            "[[task]]\nid = \"1\"\n# inside\n\n[[task.done]]\ndate = 2025-01-01\n# trailing note of task 1\n"
        );
        assert_eq!(s(b.head.clone()), "[[task]]\nid = \"1\"\n# inside\n");
        assert_eq!(
            s(b.removal.clone()),
            "\n# about task 1\n[[task]]\nid = \"1\"\n# inside\n\n[[task.done]]\ndate = 2025-01-01\n# trailing note of task 1\n"
        );
        assert_eq!(s(l.child_removal(2)), "\n[[task.done]]\ndate = 2025-01-01\n# trailing note of task 1\n");
        assert_eq!(l.headers[3].attached, text.find("# ---- owners").unwrap());
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let text = "[plan]\r\nx = 1\r\n\r\n[[task]]\r\nid = \"1\"";
        let l = Layout::scan(text);
        assert_eq!(l.eol, "\r\n");
        assert_eq!(l.content_end, text.len());
        let b = l.task_block(1);
        assert_eq!(&text[b.content], "[[task]]\r\nid = \"1\"");
        assert_eq!(&text[b.removal], "\r\n[[task]]\r\nid = \"1\"");
    }

    #[test]
    fn odd_keys_in_headers() {
        assert_eq!(
            parse_header(b"[[\"t\\u00e2sk\".'a.b'.c-d]]\n"),
            (true, vec!["tâsk".into(), "a.b".into(), "c-d".into()])
        );
        assert_eq!(parse_header(b"[]\n"), (false, vec!["".into()]));
    }
}
