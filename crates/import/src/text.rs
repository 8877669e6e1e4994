//! The document as a list of paragraphs ("blocks"), whatever it came from.
//!
//! Markdown and plain text are read here: Markdown decorations (headings' `#`,
//! `**bold**`, links, escapes, tables' pipes) are removed, hard-wrapped lines are
//! joined back into paragraphs, and all text is normalised to Unicode NFC so that
//! documents typed with decomposed marks read like the rest.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::parse::MAX_ITEMS;
use super::scan::{Label, is_upper, label};

/// A paragraph of the document, or a row of a table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// The paragraph's text on one line, decorations removed. For a table row: its cells joined by " | ".
    pub text: String,
    /// A heading: Markdown `#`, a Setext underline, or a Word heading style.
    pub heading: bool,
    /// Where it starts: the line (text) or the paragraph number (.docx), 1-based.
    pub line: usize,
    /// The cells of a table row with three cells or more; empty for paragraphs.
    pub cells: Vec<String>,
    /// The cells (indexes into `cells`) that a cell merged down from the row above covers
    /// (Word's `w:vMerge`): the reader gave them the text of the cell above.
    pub carried: Vec<usize>,
}

/// A document read into blocks.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Paragraphs longer than [`MAX_PARAGRAPH`] characters, cut there: (line or paragraph
    /// number, the characters it had). The draft marks each for the officer to check.
    pub cut: Vec<(usize, usize)>,
    /// Items (labelled paragraphs, table rows) among the first `counted` blocks: the readers
    /// stop as soon as there are more than [`MAX_ITEMS`] (see [`Doc::full`]).
    pub items: usize,
    counted: usize,
    /// The labels of the first `counted` blocks, as [`label`] reads them: the parser takes
    /// them from here ([`Doc::labels`]) instead of reading every paragraph's label again.
    labels: Vec<Option<Label>>,
    /// Set when the readers stopped: more than [`MAX_ITEMS`] items, or more than
    /// [`MAX_BLOCKS`] paragraphs.
    pub over: Option<Over>,
}

/// Why the readers stopped before the document's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    Items,
    Paragraphs,
}

/// The most paragraphs (lines of text, table rows) a document may hold. A 100-page plan
/// has a few thousand; a million short lines of text would take hundreds of megabytes to
/// hold as paragraphs, and are not a plan.
pub const MAX_BLOCKS: usize = 1_000_000;

/// The longest paragraph (or line of text) read, in characters. A plan's longest
/// paragraphs are a few thousand characters; 20,000 is about seven pages. Beyond it the
/// text is not a plan's (a damaged file, data pasted as text), and reading it whole
/// would only cost time and memory: par reads the first 20,000 characters, and the
/// draft says where it cut (a refusal would leave the officer with nothing to import).
pub const MAX_PARAGRAPH: usize = 20_000;

/// `text` cut to [`MAX_PARAGRAPH`] characters: the text kept, and the characters `text` had if
/// it was cut.
pub fn cut(text: &str) -> (&str, Option<usize>) {
    // Cheap test first: a text of at most MAX_PARAGRAPH bytes has at most as many characters.
    if text.len() <= MAX_PARAGRAPH {
        return (text, None);
    }
    match text.char_indices().nth(MAX_PARAGRAPH) {
        Some((end, _)) => (&text[..end], Some(text.chars().count())),
        None => (text, None),
    }
}

impl Doc {
    /// Whether the document already holds more than [`MAX_ITEMS`] items or [`MAX_BLOCKS`]
    /// paragraphs (or `pending` more table rows would make it so): the readers stop there,
    /// since the import is refused anyway, instead of reading and labelling a million
    /// paragraphs first.
    pub fn full(&mut self, pending: usize) -> bool {
        for b in &self.blocks[self.counted..] {
            let l = label(&b.text);
            if !b.cells.is_empty() || l.is_some() {
                self.items += 1;
            }
            self.labels.push(l);
        }
        self.counted = self.blocks.len();
        if self.items + pending > MAX_ITEMS {
            self.over = Some(Over::Items);
        } else if self.blocks.len() + pending > MAX_BLOCKS {
            self.over = Some(Over::Paragraphs);
        }
        self.over.is_some()
    }

    /// Each block's label, as [`label`] reads it: those read while counting items, then the
    /// blocks added since.
    pub fn labels(&self) -> Vec<Option<Label>> {
        let mut out = Vec::with_capacity(self.blocks.len());
        out.extend_from_slice(&self.labels[..self.counted.min(self.labels.len())]);
        out.extend(self.blocks[out.len()..].iter().map(|b| label(&b.text)));
        out
    }

    /// Adds a paragraph that is already one paragraph (from .docx): split at line breaks, cleaned.
    pub fn push_paragraph(&mut self, text: &str, heading: bool, line: usize) {
        for piece in text.split('\n') {
            let t = squeeze(&nfc(piece));
            if !t.is_empty() {
                self.blocks.push(Block { text: t, heading, line, cells: Vec::new(), carried: Vec::new() });
            }
        }
    }

    /// Adds a table. A table of one or two columns is layout (the header with the unit and
    /// the national motto, the signature block beside "Nơi nhận"): its paragraphs are read
    /// in order, cell after cell. Wider tables keep their rows, for tables of tasks.
    pub fn push_table(&mut self, rows: Vec<(Vec<String>, usize)>) {
        self.push_merged_table(rows.into_iter().map(|(cells, line)| (cells, line, Vec::new())).collect());
    }

    /// Adds a table whose rows say which of their cells a cell merged down from the row
    /// above covers (their indexes): see [`Block::carried`].
    pub fn push_merged_table(&mut self, rows: Vec<(Vec<String>, usize, Vec<usize>)>) {
        let wide = rows.iter().any(|(cells, ..)| cells.len() >= 3);
        for (cells, line, carried) in rows {
            let cells: Vec<String> = cells.into_iter().map(|c| nfc(&c)).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if !wide {
                // A cell merged down in layout says again what the cell above said.
                for (i, c) in cells.into_iter().enumerate() {
                    if !carried.contains(&i) {
                        self.push_paragraph(&c, false, line);
                    }
                }
                continue;
            }
            let cells: Vec<String> = cells
                .iter()
                .map(|c| c.split('\n').map(squeeze).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n"))
                .collect();
            let text = cells.iter().map(|c| c.replace('\n', " ")).collect::<Vec<_>>().join(" | ");
            self.blocks.push(Block { text, heading: false, line, cells, carried });
        }
    }
}

/// NFC, with invisible characters removed.
pub fn nfc(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{00ad}');
    // Most documents are already NFC: checking is much cheaper than normalising.
    if nfc_quick_yes(text)
        || unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        // No byte that may begin an invisible character (0xC2 0xAD; 0xE2 0x80 …, 0xEF 0xBB …,
        // which other characters begin too): one copy, no character decoded.
        let b = text.as_bytes();
        let maybe_invisible = b.windows(2).any(|w| matches!(w, [0xc2, 0xad] | [0xe2, 0x80] | [0xef, 0xbb]));
        if !maybe_invisible {
            return text.to_string();
        }
        return text.chars().filter(|&c| !invisible(c)).collect();
    }
    text.nfc().filter(|&c| !invisible(c)).collect()
}

/// Whether `is_nfc_quick` answers yes for certain, from a table: every character is ASCII,
/// or below U+2100 with combining class 0 and NFC quick-check "yes" (Vietnamese letters
/// among them). A text of such characters is NFC; any other is asked of `is_nfc_quick`.
fn nfc_quick_yes(text: &str) -> bool {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    const TABLE_END: u32 = 0x2100;
    if text.is_ascii() {
        return true;
    }
    let table = TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|u| {
                char::from_u32(u).is_some_and(|c| {
                    unicode_normalization::char::canonical_combining_class(c) == 0
                        && unicode_normalization::is_nfc_quick(std::iter::once(c))
                            == unicode_normalization::IsNormalized::Yes
                })
            })
            .collect()
    });
    // ASCII bytes are passed over; only the other characters are decoded and looked up.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { return false };
        if !table.get(c as usize).copied().unwrap_or(false) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Collapses runs of white space (tabs, no-break spaces) to one space and trims.
pub fn squeeze(text: &str) -> String {
    // Most lines are already squeezed: one copy, without decoding a character.
    if is_squeezed(text) {
        return text.to_string();
    }
    // The words between the spaces, joined by one space: copied a run at a time, not a
    // character at a time.
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`squeeze`], borrowing the text when it is already squeezed.
fn squeezed(text: &str) -> Cow<'_, str> {
    if is_squeezed(text) { Cow::Borrowed(text) } else { Cow::Owned(squeeze(text)) }
}

/// Whether `squeeze` would return the text as it is: single ASCII spaces between words, none
/// at either end, and no other space. Read from the bytes; a byte sequence that may begin a
/// Unicode space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000) answers no, for `squeeze`'s
/// own reading to decide (curly quotes too: rare enough).
fn is_squeezed(text: &str) -> bool {
    let b = text.as_bytes();
    // Whether the byte before was a space: at the start, as if it were (no leading space).
    let mut after_space = true;
    for (i, &c) in b.iter().enumerate() {
        // Most bytes: printable ASCII but the space, and UTF-8 continuation bytes.
        if c > b' ' && c < 0xc2 {
            after_space = false;
            continue;
        }
        let space_like = match c {
            b' ' => after_space,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
            0xc2 => matches!(b.get(i + 1), Some(0x85 | 0xa0)),
            0xe1 => b.get(i + 1) == Some(&0x9a),
            0xe2 => matches!(b.get(i + 1), Some(0x80 | 0x81)),
            0xe3 => b.get(i + 1) == Some(&0x80),
            _ => false,
        };
        if space_like {
            return false;
        }
        after_space = c == b' ';
    }
    // No trailing space.
    b.is_empty() || !after_space
}

/// Reads Markdown or plain text. `markdown` also removes inline decorations
/// (`*`, `_`, links, escapes); plain text keeps them as written.
pub fn from_text(input: &str, markdown: bool) -> Doc {
    if input.len() >= HALVES_MIN
        && let Some(doc) = in_halves(input, markdown)
    {
        return doc;
    }
    let input = nfc(input);
    let stats = LineStats::of(&input);
    read_lines(&input, markdown, stats.layout(), 0, stats.filled)
}

/// From this many bytes, a text is read in two halves on two threads.
const HALVES_MIN: usize = 1 << 20;

/// How far past the middle of a text an empty line to cut it at is looked for.
const HALVES_SEARCH: usize = 1 << 16;

/// Reads a large text as two halves, each on its own thread, cut at an empty line near the
/// middle: at an empty line the reader has nothing pending (no paragraph, no table), so
/// each half reads as it would in the whole text. The lines' lengths are counted over both
/// halves together. `None` when there is no such line near the middle, or when the text
/// comes near the limits of [`Doc::full`] (read whole, it stops where the limit is passed).
fn in_halves(input: &str, markdown: bool) -> Option<Doc> {
    let mid = input.len() / 2;
    let bytes = input.as_bytes();
    let window = &bytes[mid..(mid + HALVES_SEARCH).min(bytes.len())];
    // The start of a line holding nothing but blanks, after a line break past the middle.
    let breaks = window.iter().enumerate().filter(|&(_, &b)| b == b'\n');
    let cut = breaks.map(|(i, _)| mid + i + 1).find(|&start| {
        bytes[start..].iter().take_while(|&&b| b != b'\n').all(|&b| matches!(b, b' ' | b'\t' | b'\r'))
            && bytes[start..].contains(&b'\n')
    })?;
    let (first, second) = input.split_at(cut);
    // A line break is never part of a composition: each half is normalised alone.
    let ((first, first_stats), (second, second_stats)) = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let t = nfc(second);
            let stats = LineStats::of(&t);
            (t, stats)
        });
        let t = nfc(first);
        let stats = LineStats::of(&t);
        ((t, stats), other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    let second_room = second_stats.filled;
    let mut stats = first_stats;
    stats.add(second_stats);
    let layout = stats.layout();
    // The first half's blocks have room for the second's: joining them copies only those.
    let first_room = stats.filled;
    let lines_before = first.bytes().filter(|&b| b == b'\n').count();
    let (mut doc, second) = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let mut doc = read_lines(&second, markdown, layout, lines_before, second_room);
            doc.full(0);
            doc
        });
        let mut doc = read_lines(&first, markdown, layout, 0, first_room);
        doc.full(0);
        (doc, other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    // Table rows read whole may be waiting to be counted when the whole text's reader
    // checks the limits: with `piped` lines to spare, it would not have stopped.
    let blocks = doc.blocks.len() + second.blocks.len();
    let items = doc.items + second.items;
    if doc.over.is_some()
        || second.over.is_some()
        || items + stats.piped > MAX_ITEMS
        || blocks + stats.piped > MAX_BLOCKS
    {
        return None;
    }
    doc.blocks.extend(second.blocks);
    doc.cut.extend(second.cut);
    doc.labels.extend(second.labels);
    doc.items = items;
    doc.counted = blocks;
    Some(doc)
}

/// What the reader needs to know of all of a text's lines before reading them.
#[derive(Default)]
struct LineStats {
    blank: usize,
    filled: usize,
    /// How many lines have each length (in characters, trimmed), of the lines not blank.
    lengths: std::collections::BTreeMap<usize, usize>,
    /// Lines with a `|`: at most this many table rows.
    piped: usize,
}

impl LineStats {
    fn of(text: &str) -> LineStats {
        // A sorted list of every length took 8 bytes a line: 128 MB for 16 M short lines.
        let mut stats = LineStats::default();
        for l in text.lines() {
            match l.trim().chars().count() {
                0 => stats.blank += 1,
                n => {
                    stats.filled += 1;
                    *stats.lengths.entry(n).or_default() += 1;
                }
            }
            stats.piped += usize::from(l.contains('|'));
        }
        stats
    }

    fn add(&mut self, other: LineStats) {
        self.blank += other.blank;
        self.filled += other.filled;
        self.piped += other.piped;
        for (n, count) in other.lengths {
            *self.lengths.entry(n).or_default() += count;
        }
    }

    /// Whether the lines are wrapped, and how short a line ends its paragraph.
    fn layout(&self) -> Layout {
        // Text saved from Word has one paragraph a line and few blank lines; Markdown
        // separates paragraphs with blank lines and may wrap them. Only the latter has
        // lines to join.
        let wrapped = self.blank * 12 >= self.filled;
        // How long a full line is: a wrapped line shorter than most of this length ends its
        // paragraph. The 90th percentile of the lines' lengths.
        let mut rank = self.lengths.values().sum::<usize>() * 9 / 10;
        let full = self
            .lengths
            .iter()
            .find(|&(_, &count)| {
                let here = rank < count;
                rank = rank.saturating_sub(count);
                here
            })
            .map_or(80, |(&n, _)| n);
        Layout { wrapped, short_line: (full * 6 / 10).min(60) }
    }
}

/// How a text's lines are laid out ([`LineStats::layout`]).
#[derive(Clone, Copy)]
struct Layout {
    wrapped: bool,
    short_line: usize,
}

/// Reads the lines of a text (NFC already) into blocks; `lines_before`: how many lines of
/// the whole text come before it; `room`: the blocks to make room for (its lines not blank:
/// a paragraph or a row a line, mostly).
fn read_lines(input: &str, markdown: bool, layout: Layout, lines_before: usize, room: usize) -> Doc {
    let Layout { wrapped, short_line } = layout;
    let mut doc = Doc::default();
    // Room that cannot be had is simply not taken (a text of a million blank-free lines
    // is stopped at the paragraphs' limit anyway).
    let _ = doc.blocks.try_reserve_exact(room.min(MAX_BLOCKS + 1));
    let mut cur: Option<(String, usize)> = None;
    // Whether `cur` is in capitals, kept up to date line by line: asking the whole paragraph
    // at each of its lines would make a paragraph of N lines cost N².
    let mut cur_case = Capitals::default();
    // The characters of the last line read, for `continues`.
    let mut last_chars = 0;
    let mut table: Vec<(Vec<String>, usize)> = Vec::new();
    let flush = |doc: &mut Doc, cur: &mut Option<(String, usize)>| {
        if let Some((t, line)) = cur.take() {
            // Squeezed lines joined by one space: squeezed.
            debug_assert!(squeeze(&t) == t);
            if !t.is_empty() {
                doc.blocks.push(Block { text: t, heading: false, line, cells: Vec::new(), carried: Vec::new() });
            }
        }
    };
    for (n, raw) in input.lines().enumerate() {
        let line_no = lines_before + n + 1;
        let (raw, was) = cut(raw);
        if let Some(chars) = was {
            doc.cut.push((line_no, chars));
        }
        if doc.full(table.len()) {
            return doc;
        }
        let line = squeezed(raw);
        if !line.starts_with('|') && !table.is_empty() {
            doc.push_table(std::mem::take(&mut table));
        }
        if line.is_empty() {
            flush(&mut doc, &mut cur);
            continue;
        }
        // Setext underline or a rule.
        if line.len() >= 3 && line.chars().all(|c| matches!(c, '=' | '-' | '_' | '*' | ' ')) {
            let underline = line.chars().all(|c| c == '=' || c == '-');
            if underline && let Some((t, l)) = cur.take() {
                let t = squeeze(&t);
                doc.blocks.push(Block { text: t, heading: true, line: l, cells: Vec::new(), carried: Vec::new() });
            }
            flush(&mut doc, &mut cur);
            continue;
        }
        // Tables.
        if line.starts_with('|') {
            flush(&mut doc, &mut cur);
            let cells = split_row(&line);
            let separator = cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
            if !separator {
                let cells = cells.iter().map(|c| inline(&c.replace("<br>", "\n"), markdown)).collect();
                table.push((cells, line_no));
            }
            continue;
        }
        let mut body: &str = &line;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        let hashes = body.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with(' ') {
            flush(&mut doc, &mut cur);
            let title = body[hashes..].trim().trim_end_matches('#').trim();
            let t = squeeze(&inline(title, markdown));
            if !t.is_empty() {
                doc.blocks.push(Block {
                    text: t,
                    heading: true,
                    line: line_no,
                    cells: Vec::new(),
                    carried: Vec::new(),
                });
            }
            continue;
        }
        // A trailing backslash or two spaces is a hard line break in Markdown: nothing to keep.
        let body = body.trim_end_matches('\\');
        // One copy of the line (none of it when it is joined to the paragraph before).
        let text = match inline_cow(body, markdown) {
            // The whole line, unchanged: squeezed already.
            Cow::Borrowed(b) if b.len() == line.len() => Cow::Borrowed(b),
            Cow::Borrowed(b) => squeezed(b),
            Cow::Owned(o) if is_squeezed(&o) => Cow::Owned(o),
            Cow::Owned(o) => Cow::Owned(squeeze(&o)),
        };
        if text.is_empty() {
            continue;
        }
        // The length of the line is all `continues` asks of it as the next line's `prev`.
        let chars = if wrapped { text.chars().count() } else { 0 };
        match &mut cur {
            Some((t, _)) if wrapped && continues(cur_case.is_upper(), last_chars, &text, short_line) => {
                t.push(' ');
                t.push_str(&text);
                cur_case.add(&text);
            }
            _ => {
                flush(&mut doc, &mut cur);
                cur_case = Capitals::default();
                cur_case.add(&text);
                cur = Some((text.into_owned(), line_no));
            }
        }
        last_chars = chars;
    }
    flush(&mut doc, &mut cur);
    if !table.is_empty() {
        doc.push_table(table);
    }
    doc
}

/// What [`is_upper`] asks of a text, counted so that lines can be added one at a time.
#[derive(Default)]
struct Capitals {
    lower: bool,
    upper: usize,
}

impl Capitals {
    fn add(&mut self, text: &str) {
        for c in text.chars() {
            self.lower |= c.is_lowercase();
            self.upper += usize::from(c.is_uppercase());
        }
    }

    /// [`is_upper`] of all the text added.
    fn is_upper(&self) -> bool {
        !self.lower && self.upper >= 2
    }
}

/// Whether the line `next` continues a paragraph (`para_upper`: written in capitals) whose
/// last line has `prev` characters (hard-wrapped Markdown), rather than starting a paragraph
/// of its own.
fn continues(para_upper: bool, prev: usize, next: &str, short_line: usize) -> bool {
    if label(next).is_some() || para_upper || is_upper(next) {
        return false;
    }
    const OPENERS: &[&str] = &["thuc hien ", "can cu ", "tren day", "noi nhan"];
    let head: String = next.chars().take(12).collect();
    let capital = next.chars().next().is_some_and(char::is_uppercase);
    if capital && OPENERS.iter().any(|o| super::scan::fold(&head).starts_with(o)) {
        return false;
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    // Wrapped prose fills its lines, even where a sentence ends; a short line ending a
    // thought ("Mục đích:", a name) is a paragraph of its own.
    prev >= short_line
}

/// Splits a Markdown table row at unescaped pipes.
fn split_row(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

/// Removes inline Markdown: emphasis, code marks, links, escapes and simple HTML.
pub fn inline(text: &str, markdown: bool) -> String {
    inline_cow(text, markdown).into_owned()
}

/// [`inline`], borrowing the text when it has nothing to remove.
fn inline_cow(text: &str, markdown: bool) -> Cow<'_, str> {
    // The marks are ASCII: looked for in the bytes, no character decoded.
    if !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'*' | b'_' | b'`' | b'[' | b'\\' | b'!')) {
        return Cow::Borrowed(text);
    }
    let text = text.replace("&nbsp;", " ").replace("<br>", " ").replace("<br/>", " ").replace("<br />", " ");
    if !markdown {
        return Cow::Owned(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let (mut close_bracket, mut close_paren) = (NextOf::new(']'), NextOf::new(')'));
    let is_flank = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = if i == 0 { None } else { chars.get(i - 1) };
                let after = chars.get(i + run);
                let opening = is_flank(before) && after.is_some_and(|a| !a.is_whitespace());
                let closing = before.is_some_and(|b| !b.is_whitespace()) && is_flank(after);
                // "**x**", "*x*", "_x_" are emphasis; a lone "*" between spaces and snake_case are text.
                let footnote = before == Some(&'(') && after == Some(&')');
                if !footnote && (opening || closing) && (c == '*' || run >= 2 || opening != closing || is_flank(after))
                {
                    i += run;
                } else {
                    out.extend(std::iter::repeat_n(c, run));
                    i += run;
                }
            }
            '`' => i += 1,
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
            '[' => match link_end(&chars, i, &mut close_bracket, &mut close_paren) {
                Some((text_end, end)) => {
                    out.extend(&chars[i + 1..text_end]);
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => match html_tag_end(&chars, i) {
                Some(end) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if !out.contains('&') {
        return Cow::Owned(out);
    }
    Cow::Owned(out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""))
}

/// `[text](url)` starting at `i`: the end of the text and of the whole link.
fn link_end(chars: &[char], i: usize, bracket: &mut NextOf, paren: &mut NextOf) -> Option<(usize, usize)> {
    let close = bracket.find(chars, i)?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = paren.find(chars, close + 1)?;
    Some((close, end + 1))
}

/// Finds the next `c` at or after a position, remembering the answer: a line of a
/// thousand "[" without "]" is then read in one pass rather than a thousand.
struct NextOf {
    c: char,
    /// The last search: where it started and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl NextOf {
    fn new(c: char) -> NextOf {
        NextOf { c, last: None }
    }

    fn find(&mut self, chars: &[char], from: usize) -> Option<usize> {
        // No `c` lies between the last start and what it found (or the end, if nothing).
        if let Some((start, found)) = self.last
            && start <= from
            && found.is_none_or(|f| f >= from)
        {
            return found;
        }
        let found = chars.get(from..).and_then(|rest| rest.iter().position(|&x| x == self.c)).map(|p| from + p);
        self.last = Some((from, found));
        found
    }
}

/// A simple HTML tag (`<u>`, `</span>`, `<font …>`) starting at `i`: where it ends.
fn html_tag_end(chars: &[char], i: usize) -> Option<usize> {
    const TAGS: &[&str] = &["b", "i", "u", "em", "strong", "sup", "sub", "span", "p", "div", "font", "br", "center"];
    let close = i + chars[i..].iter().take(200).position(|&c| c == '>')?;
    let inner: String = chars[i + 1..close].iter().collect();
    let name = inner.trim_start_matches('/').split([' ', '/']).next().unwrap_or("").to_ascii_lowercase();
    TAGS.contains(&name.as_str()).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Doc) -> Vec<(&str, bool)> {
        doc.blocks.iter().map(|b| (b.text.as_str(), b.heading)).collect()
    }

    /// What [`from_text`] makes of a text read whole on one thread.
    fn whole(input: &str, markdown: bool) -> Doc {
        let input = nfc(input);
        let stats = LineStats::of(&input);
        read_lines(&input, markdown, stats.layout(), 0, stats.filled)
    }

    fn same(a: &Doc, b: &Doc) -> bool {
        format!("{:?}", a.blocks) == format!("{:?}", b.blocks)
            && a.cut == b.cut
            && a.labels() == b.labels()
            && a.over == b.over
    }

    /// A large plan in Markdown with all the reader keeps state for: wrapped paragraphs,
    /// tables, headings, a line too long, decomposed Vietnamese; `sep` ends its lines.
    fn large(sep: &str, blank_every: usize) -> String {
        let mut t = String::new();
        let mut i = 0;
        while t.len() < HALVES_MIN + HALVES_MIN / 8 {
            let lines = [
                format!("## Mục {i}"),
                format!("{}. Phòng Nội vu\u{0323} chủ trì rà soát thủ tục số {i}, một câu dài", i % 9 + 1),
                "được viết tiếp ở dòng sau như Markdown gói dòng.".to_string(),
                "| STT | Nội dung | Chủ trì |".to_string(),
                format!("| {i} | Việc *{i}* | Tổ Văn phòng |"),
                "CÂU VIẾT HOA".to_string(),
                if i % 97 == 0 { "x".repeat(MAX_PARAGRAPH + 5) } else { format!("- gạch đầu dòng {i}") },
            ];
            for l in lines {
                t.push_str(&l);
                t.push_str(sep);
                if i % blank_every == 0 {
                    t.push_str("  ");
                    t.push_str(sep);
                }
                i += 1;
            }
        }
        t
    }

    #[test]
    fn a_large_text_read_in_halves_is_read_as_whole() {
        for (sep, markdown) in [("\n", true), ("\r\n", true), ("\n", false)] {
            let text = large(sep, 5);
            let halves = in_halves(&text, markdown).expect("an empty line near the middle");
            let one = whole(&text, markdown);
            assert!(one.blocks.len() > 10_000 && !one.cut.is_empty());
            assert!(same(&halves, &one), "{sep:?} markdown {markdown}");
        }
        let text = large("\n", 5);
        assert!(same(&from_text(&text, true), &whole(&text, true)));
    }

    #[test]
    fn without_an_empty_line_near_the_middle_a_text_is_read_whole() {
        // Blank lines so rare that none is within reach of the middle.
        let text = large("\n", 1_000_000);
        assert!(in_halves(&text, true).is_none());
        assert!(same(&from_text(&text, true), &whole(&text, true)));
    }

    #[test]
    fn strips_markdown() {
        assert_eq!(inline("**1.** Nghiêm túc, **5 thật** (nghĩ thật)", true), "1. Nghiêm túc, 5 thật (nghĩ thật)");
        assert_eq!(inline("*nghiêng* và _gạch_ và tên_tệp", true), "nghiêng và gạch và tên_tệp");
        assert_eq!(inline("1\\. Việc [xem](http://a.b) `mã` <u>gạch</u>", true), "1. Việc xem mã gạch");
        assert_eq!(inline("3 * 4", true), "3 * 4");
        assert_eq!(inline("Ghi chú (*)", true), "Ghi chú (*)");
        assert_eq!(inline("**Nơi nhận:**", true), "Nơi nhận:");
    }

    #[test]
    fn reads_blocks() {
        let d = from_text(
            "## KẾ HOẠCH\n\n### Về việc A\n\nThực hiện Kế hoạch số 1/KH-X ngày 2/3/2025 của Ủy ban nhân dân\nQuận 1 về việc B;\n\n**1.** Việc một,\nviết tiếp.\n2. Việc hai.\n- chi tiết\nHIỆU TRƯỞNG\nĐỗ Ngọc Chi\n",
            true,
        );
        assert_eq!(
            texts(&d),
            vec![
                ("KẾ HOẠCH", true),
                ("Về việc A", true),
                ("Thực hiện Kế hoạch số 1/KH-X ngày 2/3/2025 của Ủy ban nhân dân Quận 1 về việc B;", false),
                ("1. Việc một, viết tiếp.", false),
                ("2. Việc hai.", false),
                ("- chi tiết", false),
                ("HIỆU TRƯỞNG", false),
                ("Đỗ Ngọc Chi", false),
            ]
        );
    }

    #[test]
    fn long_lines_read_in_one_pass() {
        assert_eq!(inline("[a] [b](c) [d", true), "[a] b [d");
        assert_eq!(inline("[x](y [z](w) ]", true), "x ]");
        let brackets = "[".repeat(50_000);
        assert_eq!(inline(&brackets, true), brackets);
        let d = from_text(&format!("1. {}\n", "x".repeat(30_000)), true);
        assert_eq!(d.cut, vec![(1, 30_003)]);
        assert_eq!(d.blocks[0].text.chars().count(), MAX_PARAGRAPH);
        // A wrapped paragraph of many lines: capitals are counted line by line.
        let wrapped = format!("{}\nKẾT\nLUẬN\n{}", "dòng dài viết tiếp\n".repeat(5000), "\n".repeat(500));
        let d = from_text(&wrapped, true);
        assert_eq!(d.blocks.len(), 3);
        assert_eq!(d.blocks[0].text.len(), 5000 * "dòng dài viết tiếp ".len() - 1);
        assert_eq!(d.blocks[1].text, "KẾT");
    }

    #[test]
    fn nfc_table_answers_as_the_quick_check() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        // Where the table says yes, the quick check says yes; every character below U+2100
        // alone, beside a Vietnamese letter and before a combining mark.
        for u in 0..0x2100 {
            let Some(c) = char::from_u32(u) else { continue };
            for t in [c.to_string(), format!("ệ{c}a"), format!("{c}\u{301}")] {
                if nfc_quick_yes(&t) {
                    assert_eq!(is_nfc_quick(t.chars()), IsNormalized::Yes, "{t:?}");
                }
            }
        }
        assert!(nfc_quick_yes("Ủy ban nhân dân phường Bến Nghé"));
        assert!(!nfc_quick_yes(&"Kế hoạch".nfd().collect::<String>()));
    }

    #[test]
    fn normalises_nfd() {
        let nfd: String = "Kế hoạch".nfd().collect();
        assert_ne!(nfd, "Kế hoạch");
        assert_eq!(from_text(&nfd, false).blocks[0].text, "Kế hoạch");
    }

    #[test]
    fn tables() {
        let d = from_text("| STT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Việc \\| một | Phòng A |\n", true);
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[1].cells, vec!["1", "Việc | một", "Phòng A"]);
        let d = from_text("| ỦY BAN NHÂN DÂN | CỘNG HÒA |\n", true);
        assert_eq!(texts(&d), vec![("ỦY BAN NHÂN DÂN", false), ("CỘNG HÒA", false)]);
    }
}
