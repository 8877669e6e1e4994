//! Reading the paragraphs of a Word (.docx) file.
//!
//! A .docx is a zip of XML parts. We read only what a plan's text needs:
//! `word/document.xml` for paragraphs and table rows, `word/numbering.xml` and
//! `word/styles.xml` to put back the labels ("1.", "a)", "II.") that Word keeps
//! as list numbering rather than as text. Built on `zip` + `quick-xml` rather than
//! a full .docx model: a small, streaming reader that never loads images or
//! builds a document tree, so a 50-page plan is read in a few milliseconds.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::text::{Doc, MAX_PARAGRAPH};

/// Why a .docx could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive at all, or a damaged one.
    Corrupt(String),
    /// A zip, but another kind of document (OpenDocument, Excel…): its name.
    OtherFormat(&'static str),
    /// A part is too large to be a plan.
    TooLarge,
}

/// Largest XML part read whole (relationships, numbering, styles; uncompressed), far
/// above any real plan's (a few hundred KB).
pub const MAX_PART: u64 = 16 * 1024 * 1024;

/// Largest main document part (word/document.xml, uncompressed): the cap `par import` puts
/// on the document file. It is streamed, never held whole: a 100-page plan unpacks to about 2 MB.
pub const MAX_DOCUMENT: u64 = super::MAX_INPUT;

/// Reads a .docx file's bytes into blocks.
pub fn read(bytes: &[u8]) -> Result<Doc, DocxError> {
    read_capped(bytes, MAX_DOCUMENT)
}

/// [`read`], refusing a main document part larger than `cap` bytes unpacked.
fn read_capped(bytes: &[u8], cap: u64) -> Result<Doc, DocxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Corrupt(e.to_string()))?;
    let main = main_part(&mut zip)?;
    let rels_name = match main.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{main}.rels"),
    };
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let rels = part(&mut zip, &rels_name)?.map(|x| relationships(&x)).unwrap_or_default();
    let target = |kind: &str, default: &str| {
        rels.iter()
            .find(|(t, _)| t.ends_with(kind))
            .map(|(_, target)| resolve(dir, target))
            .unwrap_or_else(|| default.to_string())
    };
    let numbering_name = target("/numbering", "word/numbering.xml");
    let styles_name = target("/styles", "word/styles.xml");
    let numbering = match part(&mut zip, &numbering_name)? {
        Some(x) => Numbering::parse(&x).map_err(DocxError::Corrupt)?,
        None => Numbering::default(),
    };
    let styles = match part(&mut zip, &styles_name)? {
        Some(x) => Styles::parse(&x).map_err(DocxError::Corrupt)?,
        None => Styles::default(),
    };
    let index = zip.index_for_name(&main).ok_or_else(|| DocxError::Corrupt(format!("{main} is missing")))?;
    let file = zip.by_index(index).map_err(|e| DocxError::Corrupt(format!("{main}: {e}")))?;
    // The size the archive declares may lie: the reader counts what it unpacks as well.
    if file.size() > cap {
        return Err(DocxError::TooLarge);
    }
    let mut r =
        Reader::from_reader(BufReader::with_capacity(64 * 1024, Capped { inner: file, left: cap, over: false }));
    match body(&mut r, &numbering, &styles) {
        Ok(doc) => Ok(doc),
        Err(_) if r.get_ref().get_ref().over => Err(DocxError::TooLarge),
        Err(e) => Err(DocxError::Corrupt(e)),
    }
}

/// A reader that fails past `left` bytes, noting it: a zip bomb stops at the cap.
struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // At the cap: the part is too large if anything follows.
            let n = self.inner.read(&mut [0u8; 1])?;
            if n > 0 {
                self.over = true;
                return Err(std::io::Error::other("word/document.xml is larger than the cap"));
            }
            return Ok(0);
        }
        let want = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// The main document part, from the package relationships; `word/document.xml` by default.
fn main_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<String, DocxError> {
    if let Some(x) = part(zip, "_rels/.rels")? {
        for (kind, target) in relationships(&x) {
            if kind.ends_with("/officeDocument") {
                let name = resolve("", &target);
                if zip.index_for_name(&name).is_some() {
                    return Ok(name);
                }
            }
        }
    }
    if zip.index_for_name("word/document.xml").is_some() {
        return Ok("word/document.xml".to_string());
    }
    if let Some(m) = part(zip, "mimetype")? {
        if m.contains("opendocument.text") {
            return Err(DocxError::OtherFormat("OpenDocument (.odt)"));
        }
        if m.contains("opendocument") {
            return Err(DocxError::OtherFormat("OpenDocument"));
        }
    }
    if zip.index_for_name("xl/workbook.xml").is_some() {
        return Err(DocxError::OtherFormat("Excel (.xlsx)"));
    }
    if zip.index_for_name("ppt/presentation.xml").is_some() {
        return Err(DocxError::OtherFormat("PowerPoint (.pptx)"));
    }
    Err(DocxError::OtherFormat("zip"))
}

/// A relationship target relative to `dir` ("numbering.xml" in "word" → "word/numbering.xml").
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = if dir.is_empty() { Vec::new() } else { dir.split('/').collect() };
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Reads a part as text, if the package has it.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let file = zip.by_index(index).map_err(|e| DocxError::Corrupt(format!("{name}: {e}")))?;
    if file.size() > MAX_PART {
        return Err(DocxError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(file.size() as usize);
    file.take(MAX_PART + 1).read_to_end(&mut bytes).map_err(|e| DocxError::Corrupt(format!("{name}: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(DocxError::TooLarge);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).map(Some).map_err(|_| DocxError::Corrupt(format!("{name} is not UTF-8 XML")))
}

/// (Type, Target) of each relationship in a .rels part.
fn relationships(xml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut r = Reader::from_str(xml);
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(t), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    out.push((t, target));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// An attribute's value by local name (`w:val` → "val").
fn attr(start: &BytesStart, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn xml_error<R>(part: &str, reader: &Reader<R>, error: impl std::fmt::Display) -> String {
    format!("{part}: {error} (byte {})", reader.error_position())
}

// ---------------------------------------------------------------------------
// numbering.xml
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

#[derive(Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, String> {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let mut abs: Option<String> = None;
        let mut lvl: Option<usize> = None;
        let mut num: Option<String> = None;
        let mut override_lvl: Option<usize> = None;
        loop {
            let ev = r.read_event().map_err(|e| xml_error("numbering.xml", &r, e))?;
            let (e, empty) = match &ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abs = None,
                        "lvl" => lvl = None,
                        "num" => num = None,
                        "lvlOverride" => override_lvl = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let val = || attr(e, "val");
            match e.local_name().as_ref() {
                "abstractNum" if !empty => {
                    abs = attr(e, "abstractNumId");
                    // A level left open in the one before belongs to that one, not this one.
                    lvl = None;
                }
                "lvl" if !empty && abs.is_some() => {
                    let i: usize = attr(e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0).min(8);
                    let levels = n.abstracts.entry(abs.clone().unwrap_or_default()).or_default();
                    if levels.len() <= i {
                        levels.resize(i + 1, Level { format: "decimal".into(), text: String::new(), start: 1 });
                    }
                    lvl = Some(i);
                }
                "start" | "numFmt" | "lvlText" if abs.is_some() && lvl.is_some() => {
                    // Found by the import fuzz target: a level left open when the next
                    // `abstractNum` began pointed into a list that did not hold it.
                    let Some(level) = n
                        .abstracts
                        .get_mut(abs.as_deref().unwrap_or_default())
                        .and_then(|levels| levels.get_mut(lvl.unwrap_or_default()))
                    else {
                        continue;
                    };
                    match e.local_name().as_ref() {
                        "start" => level.start = val().and_then(|v| v.parse().ok()).unwrap_or(1),
                        "numFmt" => level.format = val().unwrap_or_default(),
                        _ => level.text = val().unwrap_or_default(),
                    }
                }
                "num" if !empty => num = attr(e, "numId"),
                "abstractNumId" if num.is_some() => {
                    let id = num.clone().unwrap_or_default();
                    n.nums.entry(id).or_default().0 = val().unwrap_or_default();
                }
                "lvlOverride" if num.is_some() => {
                    override_lvl = attr(e, "ilvl").and_then(|v| v.parse().ok());
                }
                "startOverride" if num.is_some() && override_lvl.is_some() => {
                    let id = num.clone().unwrap_or_default();
                    let start = val().and_then(|v| v.parse().ok()).unwrap_or(1);
                    n.nums.entry(id).or_default().1.insert(override_lvl.unwrap_or_default(), start);
                }
                _ => {}
            }
        }
        Ok(n)
    }
}

/// Counts list items as Word does and writes their labels.
#[derive(Default)]
struct Counter {
    /// abstractNumId → current value per level (0 = not yet used).
    values: HashMap<String, [u32; 9]>,
    /// Lists (numId) already begun: a start override applies at their first item.
    begun: HashSet<String>,
}

impl Counter {
    /// The label of the next item of list `num_id` at level `ilvl`: "1.", "a)", "II.", "-" for bullets.
    fn next(&mut self, numbering: &Numbering, num_id: &str, ilvl: usize) -> Option<String> {
        let (abs_id, overrides) = numbering.nums.get(num_id)?;
        let levels = numbering.abstracts.get(abs_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(ilvl)?;
        let values = self.values.entry(abs_id.clone()).or_insert([0; 9]);
        if self.begun.insert(num_id.to_string()) {
            for (&l, &start) in overrides {
                if l < 9 {
                    values[l] = start.saturating_sub(1);
                }
            }
        }
        values[ilvl] = if values[ilvl] == 0 { level.start.max(1) } else { values[ilvl].saturating_add(1) };
        for v in values.iter_mut().skip(ilvl + 1) {
            *v = 0;
        }
        match level.format.as_str() {
            "bullet" => return Some("-".to_string()),
            "none" => return None,
            _ => {}
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let l = (d as usize).saturating_sub(1).min(8);
                let fmt = levels.get(l).map_or("decimal", |lv| lv.format.as_str());
                let start = levels.get(l).map_or(1, |lv| lv.start.max(1));
                let v = if values[l] == 0 { start } else { values[l] };
                label.push_str(&format_number(v, fmt));
            } else {
                label.push(c);
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

fn format_number(value: u32, fmt: &str) -> String {
    // Letters and Roman numerals of absurd values (a damaged or hostile file) would be huge.
    let fmt = if value > 3999 { "decimal" } else { fmt };
    match fmt {
        "lowerLetter" => letters(value).to_lowercase(),
        "upperLetter" => letters(value),
        "lowerRoman" => super::scan::to_roman(value).to_lowercase(),
        "upperRoman" => super::scan::to_roman(value),
        "decimalZero" => format!("{value:02}"),
        _ => value.to_string(),
    }
}

/// Word's letters: A…Z, then AA…ZZ.
fn letters(value: u32) -> String {
    let value = value.max(1) - 1;
    let c = char::from(b'A' + (value % 26) as u8);
    std::iter::repeat_n(c, (value / 26) as usize + 1).collect()
}

// ---------------------------------------------------------------------------
// styles.xml
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    heading: bool,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, String> {
        let mut s = Styles::default();
        let mut r = Reader::from_str(xml);
        let mut cur: Option<(String, Style)> = None;
        loop {
            let ev = r.read_event().map_err(|e| xml_error("styles.xml", &r, e))?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.local_name().as_ref() {
                        "style" if !empty => cur = attr(e, "styleId").map(|id| (id, Style::default())),
                        "name" => {
                            if let Some((_, st)) = &mut cur {
                                let n = attr(e, "val").unwrap_or_default().to_lowercase();
                                st.heading |= n.starts_with("heading") || n == "title";
                            }
                        }
                        "basedOn" => {
                            if let Some((_, st)) = &mut cur {
                                st.based_on = attr(e, "val");
                            }
                        }
                        "outlineLvl" => {
                            if let Some((_, st)) = &mut cur {
                                st.heading |= attr(e, "val").is_some_and(|v| v != "9");
                            }
                        }
                        "numId" => {
                            if let Some((_, st)) = &mut cur {
                                st.num_id = attr(e, "val");
                            }
                        }
                        "ilvl" => {
                            if let Some((_, st)) = &mut cur {
                                st.ilvl = attr(e, "val").and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, st)) = cur.take() {
                        s.by_id.insert(id, st);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(s)
    }

    /// The numbering and heading flag a style gives, following `basedOn`.
    fn resolve(&self, id: &str) -> (Option<String>, Option<usize>, bool) {
        let (mut num, mut ilvl, mut heading) = (None, None, false);
        let mut cur = Some(id.to_string());
        for _ in 0..16 {
            let Some(st) = cur.as_deref().and_then(|c| self.by_id.get(c)) else { break };
            num = num.or_else(|| st.num_id.clone());
            ilvl = ilvl.or(st.ilvl);
            heading |= st.heading;
            cur = st.based_on.clone();
        }
        (num, ilvl, heading)
    }
}

// ---------------------------------------------------------------------------
// document.xml
// ---------------------------------------------------------------------------

#[derive(Default)]
struct Para {
    /// Its text, up to [`MAX_PARAGRAPH`] characters.
    text: String,
    /// The characters of its text, counting those beyond the cut.
    chars: usize,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline: bool,
}

#[derive(Default)]
struct Table {
    /// The rows read: cells, paragraph count, the cells a merged cell above covers.
    rows: Vec<(Vec<String>, usize, Vec<usize>)>,
    row: Vec<String>,
    cell: Option<String>,
    /// This row's cells covered by a cell merged down from above (`w:vMerge` continuing).
    carried: Vec<usize>,
    /// The grid column the open cell starts at, how many it spans (`w:gridSpan`), and
    /// whether it continues the cell above (`w:vMerge` without `restart`).
    col: usize,
    span: usize,
    continues: bool,
    /// Which cell (index in its row) covers each grid column: in this row, in the row above.
    grid: Vec<usize>,
    above: Vec<usize>,
}

impl Table {
    /// The open cell ends: a cell continuing a merge is read as the cell above it, and
    /// marked as carried down.
    fn end_cell(&mut self) {
        let Some(mut cell) = self.cell.take() else { return };
        let index = self.row.len();
        if self.continues {
            let above = self.above.get(self.col).and_then(|&i| self.rows.last().and_then(|(cells, ..)| cells.get(i)));
            if let Some(text) = above.filter(|t| !t.trim().is_empty()) {
                cell = text.clone();
                self.carried.push(index);
            }
        }
        let end = self.col + self.span.max(1);
        if self.grid.len() < end {
            self.grid.resize(end, index);
        }
        self.grid[self.col..end].fill(index);
        self.col = end;
        self.row.push(cell);
    }
}

impl Para {
    /// Adds text, keeping no more than [`MAX_PARAGRAPH`] characters.
    fn push(&mut self, text: &str) {
        let room = MAX_PARAGRAPH.saturating_sub(self.chars);
        if text.len() <= room {
            // At most as many characters as bytes: all fit.
            self.text.push_str(text);
            self.chars += text.chars().count();
            return;
        }
        let n = text.chars().count();
        match text.char_indices().nth(room) {
            Some((end, _)) => self.text.push_str(&text[..end]),
            None => self.text.push_str(text),
        }
        self.chars += n;
    }

    fn push_char(&mut self, c: char) {
        if self.chars < MAX_PARAGRAPH {
            self.text.push(c);
        }
        self.chars += 1;
    }
}

/// Reads document.xml's paragraphs and tables, event by event: the part is never held whole.
fn body<R: BufRead>(reader: &mut Reader<R>, numbering: &Numbering, styles: &Styles) -> Result<Doc, String> {
    let mut b = BodyReader::new(numbering, styles);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let ev = reader.read_event_into(&mut buf).map_err(|e| xml_error("document.xml", reader, e))?;
        let full = match ev {
            Event::Start(e) => {
                b.start(&e);
                false
            }
            Event::Empty(e) => {
                b.empty(&e);
                false
            }
            Event::Text(t) => {
                if let Some(p) = b.text_para() {
                    p.push(&t.xml10_content());
                }
                false
            }
            Event::CData(t) => {
                if let Some(p) = b.text_para() {
                    p.push(&t.xml10_content());
                }
                false
            }
            Event::GeneralRef(g) => {
                if let Some(p) = b.text_para() {
                    let c = match g.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match g.xml10_content().as_ref() {
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "amp" => Some('&'),
                            "apos" => Some('\''),
                            "quot" => Some('"'),
                            _ => None,
                        },
                    };
                    if let Some(c) = c {
                        p.push_char(c);
                    }
                }
                false
            }
            Event::End(e) => b.end(e.local_name().as_ref()),
            Event::Eof => break,
            _ => false,
        };
        if full {
            return Ok(b.doc);
        }
    }
    Ok(b.doc)
}

/// Where [`body`] is in document.xml, and what it has read.
struct BodyReader<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    doc: Doc,
    /// The paragraphs open (more than one: a text box inside a paragraph).
    paras: Vec<Para>,
    /// The tables open (more than one: a table inside a cell).
    tables: Vec<Table>,
    counter: Counter,
    in_text: bool,
    in_ppr: usize,
    /// Depth inside content that is not the visible text (deleted runs, fallbacks of alternate content).
    skip: usize,
    /// Paragraphs ended so far.
    count: usize,
}

impl<'a> BodyReader<'a> {
    fn new(numbering: &'a Numbering, styles: &'a Styles) -> Self {
        BodyReader {
            numbering,
            styles,
            doc: Doc::default(),
            paras: Vec::new(),
            tables: Vec::new(),
            counter: Counter::default(),
            in_text: false,
            in_ppr: 0,
            skip: 0,
            count: 0,
        }
    }

    /// The paragraph that visible text goes to, if text is being read.
    fn text_para(&mut self) -> Option<&mut Para> {
        if self.in_text && self.skip == 0 { self.paras.last_mut() } else { None }
    }

    fn start(&mut self, start: &BytesStart) {
        let name = start.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        match name {
            "Fallback" | "del" | "moveFrom" => self.skip = 1,
            "p" => self.paras.push(Para::default()),
            "pPr" => self.in_ppr += 1,
            "t" => self.in_text = true,
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                    t.carried.clear();
                    t.grid.clear();
                    t.col = 0;
                }
            }
            "tc" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(String::new());
                    (t.span, t.continues) = (1, false);
                }
            }
            _ => {
                if !self.cell_prop(start, name) {
                    para_prop(start, name, self.in_ppr > 0, self.paras.last_mut());
                }
            }
        }
    }

    fn empty(&mut self, start: &BytesStart) {
        if self.skip > 0 {
            return;
        }
        let name = start.local_name();
        let name = name.as_ref();
        if self.cell_prop(start, name) {
            return;
        }
        let Some(p) = self.paras.last_mut() else { return };
        match name {
            "tab" if self.in_ppr == 0 => p.push_char('\t'),
            "br" | "cr" => p.push_char('\n'),
            "noBreakHyphen" => p.push_char('-'),
            _ => para_prop(start, name, self.in_ppr > 0, Some(p)),
        }
    }

    /// Records a property of the open table cell or row of the outer table: its span
    /// (`w:gridSpan`), a merge with the cell above (`w:vMerge`), grid columns skipped
    /// before the row (`w:gridBefore`). True when `name` was one.
    fn cell_prop(&mut self, start: &BytesStart, name: &str) -> bool {
        if self.tables.len() != 1 || !matches!(name, "gridSpan" | "vMerge" | "gridBefore") {
            return false;
        }
        let Some(t) = self.tables.last_mut() else { return false };
        let val = attr(start, "val");
        match name {
            "gridSpan" if t.cell.is_some() => t.span = val.and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64),
            "vMerge" if t.cell.is_some() => t.continues = val.as_deref() != Some("restart"),
            "gridBefore" if t.cell.is_none() => t.col = val.and_then(|v| v.parse().ok()).unwrap_or(0).min(64),
            _ => {}
        }
        true
    }

    /// An element ends; true when the document holds as much as it may (stop reading).
    fn end(&mut self, name: &str) -> bool {
        if self.skip > 0 {
            self.skip -= 1;
            return false;
        }
        match name {
            "t" => self.in_text = false,
            "pPr" => self.in_ppr = self.in_ppr.saturating_sub(1),
            "p" => return self.end_paragraph(),
            "tc" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell();
                }
            }
            "tr" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    let carried = std::mem::take(&mut t.carried);
                    std::mem::swap(&mut t.above, &mut t.grid);
                    t.rows.push((row, self.count, carried));
                    if self.doc.full(t.rows.len()) {
                        return true;
                    }
                }
            }
            "tbl" => {
                if let Some(t) = self.tables.pop()
                    && self.tables.is_empty()
                {
                    self.doc.push_merged_table(t.rows);
                }
            }
            _ => {}
        }
        false
    }

    /// A paragraph ends: its text goes to the table cell, the document, or the paragraph
    /// around it. True when the document holds as much as it may.
    fn end_paragraph(&mut self) -> bool {
        let Some(p) = self.paras.pop() else { return false };
        self.count += 1;
        let count = self.count;
        if p.chars > MAX_PARAGRAPH {
            self.doc.cut.push((count, p.chars));
        }
        let (text, heading) = finish(p, self.numbering, self.styles, &mut self.counter);
        match self.tables.first_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&text);
            }
            None if self.paras.is_empty() => {
                self.doc.push_paragraph(&text, heading, count);
                if self.doc.full(0) {
                    return true;
                }
            }
            // A paragraph inside another (a text box): its text joins the outer one.
            None => {
                if let Some(outer) = self.paras.last_mut() {
                    outer.push_char('\n');
                    outer.push(&text);
                }
            }
        }
        false
    }
}

/// Records a paragraph property (style, list numbering, outline level).
fn para_prop(start: &BytesStart, name: &str, in_ppr: bool, para: Option<&mut Para>) {
    let Some(para) = para else { return };
    if !in_ppr {
        return;
    }
    match name {
        "pStyle" => para.style = attr(start, "val"),
        "numId" => para.num_id = attr(start, "val"),
        "ilvl" => para.ilvl = attr(start, "val").and_then(|v| v.parse().ok()),
        "outlineLvl" => para.outline = attr(start, "val").is_some_and(|v| v != "9"),
        _ => {}
    }
}

/// The paragraph's text with its list label put back, and whether it is a heading.
fn finish(para: Para, numbering: &Numbering, styles: &Styles, counter: &mut Counter) -> (String, bool) {
    let (style_num, style_ilvl, style_heading) = para.style.as_deref().map(|s| styles.resolve(s)).unwrap_or_default();
    let num_id = para.num_id.or(style_num);
    let ilvl = para.ilvl.or(style_ilvl).unwrap_or(0);
    let text = para.text.replace('\t', " ");
    let label = match num_id.as_deref() {
        Some(id) if id != "0" && !text.trim().is_empty() => counter.next(numbering, id, ilvl),
        _ => None,
    };
    let text = match label {
        Some(l) => format!("{l} {}", text.trim_start()),
        None => text,
    };
    (text, style_heading || para.outline)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the import fuzz target (30/11/2026): an `abstractNum` begun inside a level of
    /// another (well-formed XML, though Word never writes it) made the level's settings point
    /// into a list that did not hold it, and the import panicked.
    #[test]
    fn numbering_with_a_list_inside_a_level_is_read() {
        let n = Numbering::parse(
            r#"<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="3"><w:abstractNum w:abstractNumId="2"><w:numFmt w:val="upperRoman"/></w:abstractNum></w:lvl></w:abstractNum></w:numbering>"#,
        )
        .unwrap();
        assert_eq!(n.abstracts["1"].len(), 4);
        assert!(n.abstracts["1"].iter().all(|l| l.format == "decimal"), "{n:?}");
    }

    #[test]
    fn labels_like_word() {
        let n = Numbering::parse(
            r#"<w:numbering xmlns:w="w">
              <w:abstractNum w:abstractNumId="0">
                <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
                <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
                <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
                <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
              </w:abstractNum>
              <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            </w:numbering>"#,
        )
        .unwrap();
        let mut c = Counter::default();
        let seq: Vec<_> = [0, 1, 2, 2, 3, 1, 2, 0, 1].iter().map(|&l| c.next(&n, "1", l).unwrap_or_default()).collect();
        assert_eq!(seq, ["I.", "1.", "a)", "b)", "-", "2.", "a)", "II.", "1."]);
        assert_eq!(letters(27), "AA");
        assert_eq!(format_number(u32::MAX, "upperRoman"), u32::MAX.to_string());
    }

    /// A minimal .docx: document.xml holding `body`.
    fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        write!(zip, "<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>").unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn refuses_a_document_part_over_the_cap() {
        let bytes = docx(&"<w:p><w:r><w:t>1. Việc.</w:t></w:r></w:p>".repeat(100));
        assert_eq!(read_capped(&bytes, 5000).map(|d| d.blocks.len()), Ok(100));
        assert_eq!(read_capped(&bytes, 1000).map(|d| d.blocks.len()), Err(DocxError::TooLarge));
        // The size the archive declares is checked first; what it unpacks, as it unpacks.
        let mut over = Capped { inner: &b"abcdef"[..], left: 4, over: false };
        let mut out = Vec::new();
        assert!(over.read_to_end(&mut out).is_err());
        assert!(over.over);
        assert_eq!(out, b"abcd");
        let mut exact = Capped { inner: &b"abcd"[..], left: 4, over: false };
        assert_eq!(exact.read_to_end(&mut Vec::new()).unwrap(), 4);
        assert!(!exact.over);
    }

    #[test]
    fn cuts_a_huge_paragraph_once() {
        let text = "Phòng Nội vụ chủ trì. ".repeat(2000); // 44,000 characters
        let bytes = docx(&format!(
            "<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:t>{text}</w:t></w:r></w:p><w:p><w:r><w:t>Sau.</w:t></w:r></w:p>"
        ));
        let doc = read(&bytes).unwrap();
        assert_eq!(doc.cut, vec![(1, 88_000)]);
        assert_eq!(doc.blocks[0].text.chars().count(), MAX_PARAGRAPH);
        assert_eq!(doc.blocks[1].text, "Sau.");
    }

    #[test]
    fn cells_merged_down_are_read_as_the_cell_above() {
        let tc = |props: &str, text: &str| {
            format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let start = "<w:vMerge w:val=\"restart\"/>";
        let cont = "<w:vMerge/>";
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let body = format!(
            "<w:tbl>{}{}{}{}</w:tbl>",
            row(&[tc("", "TT"), tc("", "Việc"), tc("", "Chủ trì"), tc("", "Hạn")]),
            // A group row spanning the table, then two rows sharing owner and deadline.
            row(&[tc("<w:gridSpan w:val=\"4\"/>", "I. NHÓM")]),
            row(&[tc("", "1"), tc("", "Lập danh mục"), tc(start, "Tổ Văn thư"), tc(start, "Quý II")]),
            row(&[tc("", "2"), tc("", "Lưu hồ sơ"), tc(cont, ""), tc("<w:vMerge w:val=\"continue\"/>", "")]),
        );
        let doc = read(&docx(&body)).unwrap();
        let rows: Vec<(&[String], &[usize])> =
            doc.blocks.iter().map(|b| (b.cells.as_slice(), b.carried.as_slice())).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].0, ["I. NHÓM"]);
        assert_eq!(rows[2], (&["1", "Lập danh mục", "Tổ Văn thư", "Quý II"].map(String::from)[..], &[][..]));
        // The continuing cells say what the cell above says, and are marked as carried down.
        assert_eq!(rows[3], (&["2", "Lưu hồ sơ", "Tổ Văn thư", "Quý II"].map(String::from)[..], &[2, 3][..]));
    }

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word", "../customXml/a.xml"), "customXml/a.xml");
        assert_eq!(resolve("", "/word/document.xml"), "word/document.xml");
    }
}
