//! Finding a task's bytes in the plan file without parsing it again.
//!
//! A small line scanner records table headers (`[plan]`, `[[task]]`,
//! `[[task.done]]`…). It understands just enough TOML to never mistake text for a
//! header: comments, basic and literal strings, the multi-line strings `"""` and
//! `'''` (a line starting with `[` inside one is text), and arrays or inline tables
//! spread over several lines.
//!
//! A change to one task reads only that task: the parser has already said on
//! which line its `[[task]]` header is, so the scanner starts there (where it is
//! outside any string), reads forward to the first header that is not one of the
//! task's sub-tables, and reads backward over the comments and blank lines above
//! the header. Reading backward is exact unless one of those lines holds a
//! multi-line string delimiter; then the whole file is scanned instead.
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

use memchr::{memchr, memchr_iter, memchr2, memchr3, memrchr};

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

    /// `[[task.<name>]]`.
    pub fn is_child_array(&self, name: &str) -> bool {
        self.is(true, &["task", name])
    }
}

/// Every header of a plan file.
#[derive(Debug, Clone)]
pub struct Layout {
    pub headers: Vec<Header>,
    /// End (after the line break, if any) of the file's last non-blank line.
    pub content_end: usize,
}

/// The bytes of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskBlock {
    /// Its `[[task]]` header.
    pub header: Header,
    /// Its sub-tables, in file order, each with what removing it takes away: the
    /// blank lines before it, the comments attached to it and its lines.
    pub children: Vec<(Header, Range<usize>)>,
    /// From the header line to the end of its last non-blank line.
    pub content: Range<usize>,
    /// The task's own keys: from the header line to the end of the last non-blank
    /// line before its first sub-table (or of the block when it has none).
    pub head: Range<usize>,
    /// What `par rm` takes away: the blank lines before the task, the comments
    /// attached to it, and its content. The blank lines after it stay.
    pub removal: Range<usize>,
}

impl TaskBlock {
    /// The `n`-th `[[task.<name>]]` sub-table and the bytes its removal takes.
    pub fn child(&self, name: &str, n: usize) -> Option<&(Header, Range<usize>)> {
        self.children.iter().filter(|(h, _)| h.is_child_array(name)).nth(n)
    }
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

/// The file's line ending, taken from its first line: new lines use it.
pub fn line_ending(text: &str) -> &'static str {
    let bytes = text.as_bytes();
    match memchr(b'\n', bytes) {
        Some(i) if i > 0 && bytes[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Byte offset where 1-based line `line` starts, if the text has that many lines.
pub fn line_start(text: &str, line: usize) -> Option<usize> {
    match line {
        0 => None,
        1 => Some(0),
        n => memchr_iter(b'\n', text.as_bytes()).nth(n - 2).map(|i| i + 1),
    }
}

/// End (after its line break, if any) of the last non-blank line of the file.
pub fn content_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    match bytes.iter().rposition(|b| !b.is_ascii_whitespace()) {
        None => 0,
        Some(i) => memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k + 1),
    }
}

/// Scans lines from `from` (the start of line `first_line`, outside any string or
/// array). With `one_block`, stops at the first header after the first one that
/// is not a sub-table of a task. Returns the headers and the end of the last
/// non-blank line read. The first header's `attached`/`prev_content_end` only see
/// what was scanned: callers starting mid-file fix them.
fn scan_lines(text: &str, from: usize, first_line: usize, one_block: bool) -> (Vec<Header>, usize) {
    let bytes = text.as_bytes();
    let mut headers: Vec<Header> = Vec::new();
    let mut state = State::Normal;
    let mut depth = 0usize;
    // Start of the run of comment lines just above the current line, if any.
    let mut comment_run: Option<usize> = None;
    // End of the last non-blank line that is not part of `comment_run`.
    let mut content_before_run = from;
    let mut content_end = from;
    let mut pos = from;
    let mut line_no = first_line - 1;
    while pos < bytes.len() {
        line_no += 1;
        let end = match memchr(b'\n', &bytes[pos..]) {
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
                let header = Header { array, path, line: line_no, start: pos, attached, prev_content_end };
                let last = one_block && !headers.is_empty() && !header.is_task_child();
                headers.push(header);
                if last {
                    return (headers, content_end);
                }
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
    (headers, content_end)
}

/// Reads backward from the header line starting at `start`: where the comment
/// lines directly above it start, and the end of the last non-blank line above
/// those. `None` when a line read holds `'''` or `"""`, since it might then be
/// inside a multi-line string.
fn above(text: &str, start: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut attached = start;
    let mut comments = true;
    let mut pos = start;
    while pos > 0 {
        let from = memrchr(b'\n', &bytes[..pos - 1]).map_or(0, |i| i + 1);
        let line = &bytes[from..pos];
        if line.windows(3).any(|w| w == b"'''" || w == b"\"\"\"") {
            return None;
        }
        match line.iter().find(|&&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
            None => comments = false,
            Some(b'#') if comments => attached = from,
            Some(_) => return Some((attached, pos)),
        }
        pos = from;
    }
    Some((attached, 0))
}

/// A task's block from the headers starting with its own.
fn block_of(headers: &[Header], at: usize, file_content_end: usize) -> TaskBlock {
    let h = &headers[at];
    let mut next = at + 1;
    while next < headers.len() && headers[next].is_task_child() {
        next += 1;
    }
    let end_of = |i: usize| headers.get(i).map_or(file_content_end, |n| n.prev_content_end);
    let end = end_of(next);
    let children: Vec<(Header, Range<usize>)> =
        (at + 1..next).map(|c| (headers[c].clone(), headers[c].prev_content_end..end_of(c + 1))).collect();
    let head_end = children.first().map_or(end, |(c, _)| c.prev_content_end);
    TaskBlock {
        header: h.clone(),
        content: h.start..end,
        head: h.start..head_end,
        removal: h.prev_content_end..end,
        children,
    }
}

impl Layout {
    /// Scans the whole of `text` (a plan file without its byte-order mark). Never
    /// fails: on text that is not valid TOML the result is merely approximate, and
    /// callers only scan text the TOML parser has already accepted.
    pub fn scan(text: &str) -> Layout {
        let (headers, content_end) = scan_lines(text, 0, 1, false);
        Layout { headers, content_end }
    }

    /// Indexes of the `[[task]]` headers, in file order (the order of `Plan::tasks`).
    pub fn task_headers(&self) -> Vec<usize> {
        self.headers.iter().enumerate().filter(|(_, h)| h.is_task()).map(|(i, _)| i).collect()
    }

    /// The block of the task whose header is `headers[header]`.
    pub fn task_block(&self, header: usize) -> TaskBlock {
        block_of(&self.headers, header, self.content_end)
    }

    /// The block of the task whose `[[task]]` header is on line `line`, reading
    /// only that task (see the module's documentation). `None` when that line is
    /// not a `[[task]]` header (say, tasks written as an inline array).
    pub fn task_at_line(text: &str, line: usize) -> Option<TaskBlock> {
        let start = line_start(text, line)?;
        let (mut headers, read_end) = scan_lines(text, start, line, true);
        if headers.first().is_none_or(|h| h.start != start || !h.is_task()) {
            return None;
        }
        let (attached, prev_content_end) = match above(text, start) {
            Some(found) => found,
            None => {
                let full = Layout::scan(text);
                let h = full.headers.iter().find(|h| h.start == start)?;
                (h.attached, h.prev_content_end)
            }
        };
        headers[0].attached = attached;
        headers[0].prev_content_end = prev_content_end;
        Some(block_of(&headers, 0, read_end))
    }
}

/// Runs the string and bracket state machine over one line of keys and values.
fn scan_line(line: &[u8], mut state: State, mut depth: usize) -> (State, usize) {
    let mut i = 0;
    while i < line.len() {
        match state {
            State::MlBasic => {
                let Some(k) = memchr2(b'"', b'\\', &line[i..]) else { break };
                i += k;
                if line[i] == b'\\' {
                    i += 2;
                } else {
                    let run = quote_run(line, i, b'"');
                    if run >= 3 {
                        state = State::Normal;
                    }
                    i += run;
                }
            }
            State::MlLiteral => {
                let Some(k) = memchr(b'\'', &line[i..]) else { break };
                i += k;
                let run = quote_run(line, i, b'\'');
                if run >= 3 {
                    state = State::Normal;
                }
                i += run;
            }
            State::Normal => {
                // Outside strings a line holds only short keys and values: a plain loop will do.
                let special = |b: &u8| matches!(b, b'#' | b'"' | b'\'' | b'[' | b']' | b'{' | b'}');
                let Some(k) = line[i..].iter().position(special) else { break };
                i += k;
                match line[i] {
                    b'#' => break,
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
                        loop {
                            match memchr3(b'"', b'\\', b'\n', &line[i.min(line.len())..]) {
                                Some(k) if line[i + k] == b'\\' => i += k + 2,
                                Some(k) => {
                                    i += k + 1;
                                    break;
                                }
                                None => {
                                    i = line.len();
                                    break;
                                }
                            }
                        }
                    }
                    b'\'' => {
                        i += 1;
                        i += memchr2(b'\'', b'\n', &line[i..]).unwrap_or(line.len() - i) + 1;
                    }
                    b'[' | b'{' => {
                        depth += 1;
                        i += 1;
                    }
                    _ => {
                        depth = depth.saturating_sub(1);
                        i += 1;
                    }
                }
            }
        }
    }
    (state, depth)
}

/// Length of the run of `quote` quotes starting at `i`.
fn quote_run(line: &[u8], i: usize, quote: u8) -> usize {
    line[i..].iter().take_while(|&&b| b == quote).count()
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
fn read_basic_key(text: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &text[i + 1..]),
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

    fn paths(layout: &Layout) -> Vec<String> {
        layout.headers.iter().map(|h| format!("{}{}", if h.array { "@" } else { "" }, h.path.join("."))).collect()
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
        assert_eq!(line_ending(text), "\n");
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
        assert_eq!(s(b.children[0].1.clone()), "\n[[task.done]]\ndate = 2025-01-01\n# trailing note of task 1\n");
        // Reading only the task gives the same block.
        assert_eq!(Layout::task_at_line(text, 5), Some(b.clone()));
        assert_eq!(Layout::task_at_line(text, 4), None);
        assert_eq!(l.headers[3].attached, text.find("# ---- owners").unwrap());
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let text = "[plan]\r\nx = 1\r\n\r\n[[task]]\r\nid = \"1\"";
        let l = Layout::scan(text);
        assert_eq!(line_ending(text), "\r\n");
        assert_eq!(l.content_end, text.len());
        let b = l.task_block(1);
        assert_eq!(&text[b.content], "[[task]]\r\nid = \"1\"");
        assert_eq!(&text[b.removal], "\r\n[[task]]\r\nid = \"1\"");
    }

    #[test]
    fn reading_backward_falls_back_near_multiline_strings() {
        // The line above the header closes a multi-line string that looks like comments.
        let text = "[plan]\nx = \"\"\"\n# not a comment\n# nor this\"\"\"\n[[task]]\nid = \"1\"\n";
        let b = Layout::task_at_line(text, 5).unwrap();
        assert_eq!(b.header.attached, b.header.start);
        assert_eq!(b.removal.start, b.header.start);
        assert_eq!(Layout::scan(text).task_block(1), b);
        assert_eq!(content_end("a\n\n  \n"), 2);
        assert_eq!(content_end("a\nb"), 3);
        assert_eq!(line_start("a\nb\nc", 3), Some(4));
        assert_eq!(line_start("a\nb", 5), None);
    }

    #[test]
    fn long_strings_and_escapes() {
        let long = format!("a = \"{}\\\"{}\" # [[x]]\n[[task]]\n", "ý".repeat(40), "x".repeat(50));
        assert_eq!(paths(&Layout::scan(&long)), ["@task"]);
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
