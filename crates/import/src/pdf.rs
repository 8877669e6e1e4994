//! Reading the text layer of a PDF: signed plans come through the e-office system as PDFs.
//!
//! `pdf-extract` decodes the text (fonts' ToUnicode maps, standard encodings) and says where
//! each glyph stands; this module lays the glyphs out as an officer reads the page: lines
//! from top to bottom, a two-column block (the heading: issuing body left, the national
//! motto right; the signature: "Nơi nhận" left, the signer right) read column after
//! column as the .docx reader reads a two-cell layout table, page numbers and running
//! headers dropped, and a paragraph's wrapped lines joined back into one paragraph.
//!
//! A PDF whose pages are images (a scan) has no text to read: [`PdfError::NoText`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use unicode_normalization::char::canonical_combining_class;

use super::scan::label;
use super::text::Doc;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF par can take apart: what went wrong.
    Corrupt(String),
    /// Encrypted with a password.
    Encrypted,
    /// No text layer: a scanned document.
    NoText,
    /// More text than a plan has.
    TooLarge,
}

/// The fewest letters a page set must hold to count as text: a scan may carry a stamp's
/// or a signature's few words, a plan has thousands.
const MIN_TEXT: usize = 50;

/// The most glyphs read in all (a 100-page plan has about 300,000).
const MAX_GLYPHS: usize = 20_000_000;
/// Glyphs a collector reads between two updates of the shared count.
const GLYPH_BATCH: usize = 4096;

/// Reads a PDF's text into blocks.
pub fn read(bytes: &[u8]) -> Result<Doc, PdfError> {
    let pages = quietly(|| extract(bytes)).unwrap_or_else(|| Err(PdfError::Corrupt("unreadable content".into())))?;
    let letters: usize =
        pages.iter().flat_map(|p| &p.lines).map(|l| l.text.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    if letters < MIN_TEXT {
        return Err(PdfError::NoText);
    }
    Ok(layout(pages))
}

/// Runs `f`, turning a panic inside the PDF library (a damaged file it did not expect)
/// into `None`, without the panic's message on standard error.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    std::panic::set_hook(hook);
    out
}

/// The pages' lines, from the file's bytes.
fn extract(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    extract_on(bytes, None)
}

/// [`extract`] on `threads` threads (by default, by the number of pages and of cores).
fn extract_on(bytes: &[u8], threads: Option<usize>) -> Result<Vec<Page>, PdfError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| PdfError::Corrupt(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let pages: Vec<u32> = doc.get_pages().into_keys().collect();
    let glyphs = AtomicUsize::new(0);
    // Decoding the pages' text is most of a large PDF's import (a 5 MB plan of 800
    // pages: two thirds of it), and pages do not depend on one another: runs of pages
    // are read on a few threads, each into its own collector, joined in page order.
    let threads = threads.unwrap_or_else(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        cores.min(MAX_THREADS).min(pages.len() / PAGES_PER_THREAD)
    });
    let threads = threads.clamp(1, pages.len().max(1));
    let run = |numbers: &[u32]| {
        let mut out = Collector { glyphs_read: Some(&glyphs), ..Collector::default() };
        let result = if threads == 1 {
            pdf_extract::output_doc(&doc, &mut out)
        } else {
            numbers.iter().try_for_each(|&n| pdf_extract::output_doc_page(&doc, &mut out, n))
        };
        match result {
            Ok(()) => Ok(out.pages),
            Err(_) if out.over => Err(PdfError::TooLarge),
            Err(e) => Err(PdfError::Corrupt(e.to_string())),
        }
    };
    if threads == 1 {
        return run(&pages);
    }
    let chunk = pages.len().div_ceil(threads);
    let runs: Vec<Result<Vec<Page>, PdfError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages.chunks(chunk).map(|numbers| scope.spawn(move || run(numbers))).collect();
        // A reading thread panics only inside the PDF library (a damaged file): the
        // panic goes on to `quietly`, which turns it into "unreadable content".
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut all = Vec::with_capacity(pages.len());
    for r in runs {
        all.extend(r?);
    }
    Ok(all)
}

/// Pages below which one thread reads them all (a thread costs more than a few pages).
const PAGES_PER_THREAD: usize = 16;
const MAX_THREADS: usize = 4;

/// A glyph: where it stands (top-down, in points), its advance and size, and its text.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    x: f32,
    y: f32,
    w: f32,
    size: f32,
    /// Its text in the page's buffer.
    start: u32,
    end: u32,
}

/// A line of a page: its text and where it stands.
#[derive(Clone, Debug, Default)]
struct Line {
    /// The line's pieces separated by wide gaps (columns, tab stops), left to right.
    segments: Vec<Segment>,
    text: String,
    y: f32,
    size: f32,
}

#[derive(Clone, Debug, Default)]
struct Segment {
    x0: f32,
    x1: f32,
    text: String,
}

impl Line {
    fn x0(&self) -> f32 {
        self.segments.first().map_or(0.0, |s| s.x0)
    }
    fn x1(&self) -> f32 {
        self.segments.last().map_or(0.0, |s| s.x1)
    }
}

#[derive(Default)]
struct Page {
    height: f32,
    lines: Vec<Line>,
}

/// Collects the glyphs of each page and lays them out into lines as the page ends.
#[derive(Default)]
struct Collector<'a> {
    pages: Vec<Page>,
    glyphs: Vec<Glyph>,
    text: String,
    flip: f64,
    height: f32,
    count: usize,
    /// The glyphs read by every collector of the document, against [`MAX_GLYPHS`].
    glyphs_read: Option<&'a AtomicUsize>,
    over: bool,
}

impl OutputDev for Collector<'_> {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.flip = media_box.ury;
        self.height = (media_box.ury - media_box.lly).abs() as f32;
        self.glyphs.clear();
        self.text.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let lines = lines(&self.glyphs, &self.text);
        self.pages.push(Page { height: self.height, lines });
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.count += 1;
        // Counted together in batches, so the threads seldom touch the shared count.
        if self.count.is_multiple_of(GLYPH_BATCH)
            && let Some(all) = self.glyphs_read
            && all.fetch_add(GLYPH_BATCH, Ordering::Relaxed) + GLYPH_BATCH > MAX_GLYPHS
        {
            self.over = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        if self.count > MAX_GLYPHS {
            self.over = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The size as drawn: the font size through the text matrix (as pdf-extract's own
        // plain-text output measures it).
        let (vx, vy) = (font_size * (trm.m11 + trm.m21), font_size * (trm.m12 + trm.m22));
        let size = (vx * vy).abs().sqrt();
        let (x, y) = (trm.m31, self.flip - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || ch.is_empty() {
            return Ok(());
        }
        // A combining mark drawn as a glyph of its own belongs to the letter before it.
        if ch.chars().all(|c| canonical_combining_class(c) != 0)
            && let Some(last) = self.glyphs.last_mut()
        {
            self.text.push_str(ch);
            last.end = self.text.len() as u32;
            // Its advance, if it has one, is the letter's: no gap opens before the next letter.
            last.w = last.w.max((x + width * size) as f32 - last.x);
            return Ok(());
        }
        let start = self.text.len() as u32;
        self.text.push_str(ch);
        self.glyphs.push(Glyph {
            x: x as f32,
            y: y as f32,
            w: (width * size) as f32,
            size: size as f32,
            start,
            end: self.text.len() as u32,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The glyphs of a page as lines, top to bottom: glyphs whose baselines lie within a
/// third of their size are one line, read left to right.
fn lines(glyphs: &[Glyph], text: &str) -> Vec<Line> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y).then(glyphs[a].x.total_cmp(&glyphs[b].x)));
    let mut out = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let first = glyphs[order[i]];
        let mut j = i + 1;
        while j < order.len() && glyphs[order[j]].y - first.y <= first.size.max(1.0) / 3.0 {
            j += 1;
        }
        let mut members: Vec<Glyph> = order[i..j].iter().map(|&k| glyphs[k]).collect();
        members.sort_by(|a, b| a.x.total_cmp(&b.x));
        if let Some(line) = line_of(&members, text) {
            out.push(line);
        }
        i = j;
    }
    out
}

/// One line from its glyphs (left to right): spaces where glyphs stand apart, segments
/// where they stand more than two characters' size apart.
fn line_of(glyphs: &[Glyph], text: &str) -> Option<Line> {
    let size = glyphs.iter().map(|g| g.size).fold(0.0_f32, f32::max).max(1.0);
    let mut segments: Vec<Segment> = Vec::new();
    let mut end = f32::NEG_INFINITY;
    for g in glyphs {
        let t = text.get(g.start as usize..g.end as usize).unwrap_or("");
        let blank = t.trim().is_empty();
        let gap = g.x - end;
        match segments.last_mut() {
            Some(seg) if gap <= 2.0 * size => {
                if blank {
                    seg.text.push(' ');
                } else {
                    if gap > 0.15 * g.size && !seg.text.ends_with(' ') {
                        seg.text.push(' ');
                    }
                    seg.text.push_str(t);
                    seg.x1 = seg.x1.max(g.x + g.w);
                }
            }
            _ if blank => continue,
            _ => segments.push(Segment { x0: g.x, x1: g.x + g.w, text: t.to_string() }),
        }
        if !blank || gap <= 2.0 * size {
            end = end.max(g.x + g.w);
        }
    }
    for s in &mut segments {
        s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    segments.retain(|s| !s.text.is_empty());
    if segments.is_empty() {
        return None;
    }
    let text = segments.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
    Some(Line { y: glyphs[0].y, size, segments, text })
}

/// Whether a line at the top or bottom of a page is a page number: "2", "- 2 -", "Trang 2", "2/5".
fn is_page_number(text: &str) -> bool {
    let folded = super::scan::fold(text);
    let t = folded.trim().trim_start_matches("trang").trim().trim_matches(['-', '–', ' ']);
    !t.is_empty()
        && t.len() <= 12
        && t.chars().all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        && t.starts_with(|c: char| c.is_ascii_digit())
}

/// Drops page numbers and running headers and footers: a line in the top or bottom
/// twelfth of a page that is a page number, or whose words (digits aside) stand at the
/// top or bottom of most pages.
fn drop_margins(pages: &mut [Page]) {
    let margin = |p: &Page, l: &Line| l.y < p.height / 12.0 || l.y > p.height * 11.0 / 12.0;
    let masked = |t: &str| t.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in pages.iter() {
        let mut ends: Vec<&Line> = p.lines.first().into_iter().chain(p.lines.last()).collect();
        ends.dedup_by(|a, b| std::ptr::eq(*a, *b));
        for l in ends.into_iter().filter(|l| margin(p, l)) {
            *seen.entry(masked(&l.text)).or_default() += 1;
        }
    }
    let n = pages.len();
    for p in pages.iter_mut() {
        let height = p.height;
        let running = |l: &Line| n >= 2 && seen.get(&masked(&l.text)).is_some_and(|&k| k >= 2 && k * 2 >= n);
        let drop =
            |l: &Line| (l.y < height / 12.0 || l.y > height * 11.0 / 12.0) && (is_page_number(&l.text) || running(l));
        while p.lines.first().is_some_and(drop) {
            p.lines.remove(0);
        }
        while p.lines.last().is_some_and(drop) {
            p.lines.pop();
        }
    }
}

/// A block of lines read as two columns: where the gutter between them lies.
#[derive(Clone, Copy, Debug)]
struct Gutter {
    from: f32,
    to: f32,
}

impl Gutter {
    /// The widest gap of a line cut into segments.
    fn of(line: &Line) -> Option<Gutter> {
        line.segments
            .windows(2)
            .map(|w| Gutter { from: w[0].x1, to: w[1].x0 })
            .max_by(|a, b| (a.to - a.from).total_cmp(&(b.to - b.from)))
    }

    /// The gutter narrowed to what `line` leaves free, if anything is left.
    fn with(self, line: &Line) -> Option<Gutter> {
        let mut g = self;
        for s in &line.segments {
            if s.x1 <= g.to && s.x0 < g.from + (g.to - g.from) / 2.0 {
                g.from = g.from.max(s.x1);
            } else if s.x0 >= g.from {
                g.to = g.to.min(s.x0);
            } else {
                return None;
            }
        }
        (g.to - g.from > 0.5).then_some(g)
    }
}

/// What a page's lines become: a line (or a column's line) and whether it may join the
/// paragraph before.
struct Piece {
    line: Line,
    /// In a column block: a paragraph of its own, as a table cell's line is.
    column: bool,
}

/// Orders a page's lines as they are read: column blocks column after column.
fn read_order(lines: Vec<Line>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some(mut g) = Gutter::of(&lines[i]) else {
            out.push(Piece { line: lines[i].clone(), column: false });
            i += 1;
            continue;
        };
        // Grow the block down while lines are close and leave the gutter free.
        let mut j = i + 1;
        let mut split = 1;
        while j < lines.len() {
            let (prev, next) = (&lines[j - 1], &lines[j]);
            if next.y - prev.y > 3.0 * prev.size.max(next.size) {
                break;
            }
            let Some(narrowed) = g.with(next) else { break };
            g = narrowed;
            split += usize::from(next.segments.len() > 1);
            j += 1;
        }
        if split < 2 {
            // One line with a wide gap (a tab stop): read as it stands.
            out.push(Piece { line: lines[i].clone(), column: false });
            i += 1;
            continue;
        }
        let mut right = Vec::new();
        for line in &lines[i..j] {
            let (l, r): (Vec<Segment>, Vec<Segment>) = line.segments.iter().cloned().partition(|s| s.x1 <= g.to);
            let piece = |segments: Vec<Segment>| {
                let text = segments.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
                Piece { line: Line { segments, text, y: line.y, size: line.size }, column: true }
            };
            if !l.is_empty() {
                out.push(piece(l));
            }
            if !r.is_empty() {
                right.push(piece(r));
            }
        }
        out.extend(right);
        i = j;
    }
    out
}

/// The most common value, rounded to a point, of `values`; `None` if there are none.
fn mode(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for v in values {
        *counts.entry(v.round() as i32).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(v, n)| (n, -v)).map(|(v, _)| v as f32)
}

/// The distance between two lines of one paragraph: the smallest distance between
/// successive lines that is common (paragraphs spaced apart are as common in a plan).
fn usual_pitch(pages: &[Page]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let mut all = 0;
    for p in pages {
        for w in p.lines.windows(2) {
            let d = w[1].y - w[0].y;
            if d > 1.0 {
                *counts.entry(d.round() as i32).or_default() += 1;
                all += 1;
            }
        }
    }
    let enough = (all / 10).max(2);
    let common = counts.iter().filter(|&(_, &n)| n >= enough).map(|(&d, _)| d).min();
    common.or_else(|| counts.into_iter().max_by_key(|&(d, n)| (n, -d)).map(|(d, _)| d)).map_or(15.0, |d| d as f32)
}

/// The pages' lines as paragraphs.
fn layout(mut pages: Vec<Page>) -> Doc {
    drop_margins(&mut pages);
    let body = || pages.iter().flat_map(|p| &p.lines).filter(|l| l.segments.len() == 1);
    let left = mode(body().map(Line::x0)).unwrap_or(0.0);
    let mut ends: Vec<f32> = body().map(Line::x1).collect();
    ends.sort_by(f32::total_cmp);
    let right = ends.get(ends.len() * 9 / 10).copied().unwrap_or(0.0);
    let pitch = usual_pitch(&pages);
    let mut doc = Doc::default();
    let mut para = String::new();
    let mut count = 0;
    let mut prev: Option<(Line, bool)> = None;
    let flush = |doc: &mut Doc, para: &mut String, count: &mut usize| {
        if !para.is_empty() {
            *count += 1;
            let (kept, cut) = super::text::cut(para);
            if let Some(chars) = cut {
                doc.cut.push((*count, chars));
            }
            doc.push_paragraph(kept, false, *count);
            para.clear();
        }
    };
    for page in pages {
        for Piece { line, column } in read_order(page.lines) {
            let joins = !column
                && prev.as_ref().is_some_and(|(p, p_column)| {
                    !p_column && continues(p, &line, Margins { left, right, pitch }, p.y > line.y)
                });
            if !joins {
                flush(&mut doc, &mut para, &mut count);
                if doc.full(0) {
                    return doc;
                }
            } else {
                para.push(' ');
            }
            para.push_str(&line.text);
            prev = Some((line, column));
        }
    }
    flush(&mut doc, &mut para, &mut count);
    doc.full(0);
    doc
}

#[derive(Clone, Copy)]
struct Margins {
    left: f32,
    right: f32,
    /// The usual distance between two lines of a paragraph.
    pitch: f32,
}

/// Whether `next` continues the paragraph whose last line is `prev` (`new_page`: `next`
/// is the first line of the page after).
fn continues(prev: &Line, next: &Line, m: Margins, new_page: bool) -> bool {
    if label(&next.text).is_some() {
        return false;
    }
    if !new_page && next.y - prev.y > 1.3 * m.pitch {
        return false;
    }
    let em = prev.size.max(1.0);
    let centred = |l: &Line| ((l.x0() - m.left) - (m.right - l.x1())).abs() < 2.0 * em && l.x0() > m.left + em;
    // A line that ends short of the margin ends its paragraph; a centred title's line
    // is full when it spans most of the width.
    let full = if centred(prev) {
        prev.x1() - prev.x0() >= 0.8 * (m.right - m.left)
    } else {
        // Justified text reaches the margin; ragged text stops where the next line's first
        // word would not have fitted.
        let chars = next.text.chars().count().max(1) as f32;
        let first_word = next.text.split(' ').next().map_or(0, |w| w.chars().count()) as f32;
        let word = first_word * (next.x1() - next.x0()) / chars;
        prev.x1() >= m.right - 2.5 * em || prev.x1() + word + 0.5 * em > m.right
    };
    if !full {
        return false;
    }
    // An indented first line starts a paragraph (a centred one continues a title).
    !(next.x0() > m.left + 0.5 * em && !(centred(prev) && centred(next)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f32, x1: f32, text: &str, y: f32) -> Line {
        Line { segments: vec![Segment { x0, x1, text: text.into() }], text: text.into(), y, size: 12.0 }
    }

    fn two(a: (f32, f32, &str), b: (f32, f32, &str), y: f32) -> Line {
        Line {
            segments: vec![
                Segment { x0: a.0, x1: a.1, text: a.2.into() },
                Segment { x0: b.0, x1: b.1, text: b.2.into() },
            ],
            text: format!("{} {}", a.2, b.2),
            y,
            size: 12.0,
        }
    }

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.line.text.as_str()).collect()
    }

    #[test]
    fn a_two_column_heading_is_read_column_after_column() {
        let lines = vec![
            two((80.0, 230.0, "ỦY BAN NHÂN DÂN"), (300.0, 540.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 60.0),
            two((70.0, 240.0, "PHƯỜNG BẾN NGHÉ"), (330.0, 510.0, "Độc lập - Tự do - Hạnh phúc"), 75.0),
            line(110.0, 200.0, "Số: 35/KH-UBND", 95.0),
            line(320.0, 530.0, "Phường Bến Nghé, ngày 05 tháng 6 năm 2025", 96.0),
            line(280.0, 340.0, "KẾ HOẠCH", 160.0),
        ];
        let order = read_order(lines);
        assert_eq!(
            texts(&order),
            [
                "ỦY BAN NHÂN DÂN",
                "PHƯỜNG BẾN NGHÉ",
                "Số: 35/KH-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Phường Bến Nghé, ngày 05 tháng 6 năm 2025",
                "KẾ HOẠCH"
            ]
        );
        assert!(order[..6].iter().all(|p| p.column) && !order[6].column);
    }

    #[test]
    fn one_wide_gap_is_not_a_column_block() {
        let lines = vec![
            two((80.0, 200.0, "Số: 35/KH-UBND"), (300.0, 540.0, "Phường Bến Nghé, ngày 05/6/2025"), 60.0),
            line(80.0, 540.0, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 75.0),
        ];
        let order = read_order(lines);
        assert_eq!(
            texts(&order),
            [
                "Số: 35/KH-UBND Phường Bến Nghé, ngày 05/6/2025",
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
            ]
        );
    }

    #[test]
    fn paragraphs_join_their_wrapped_lines() {
        let m = Margins { left: 85.0, right: 540.0, pitch: 15.0 };
        let first =
            line(113.0, 540.0, "Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/3/2025 của Ủy ban nhân dân Quận 1 về", 100.0);
        let second = line(85.0, 400.0, "công bố Chỉ số cải cách hành chính năm 2024;", 115.0);
        let third =
            line(113.0, 540.0, "Thực hiện Kế hoạch số 137/KH-UBND ngày 21/5/2025 của Ủy ban nhân dân Quận 1", 130.0);
        assert!(continues(&first, &second, m, false));
        // The line before ends short: a new paragraph.
        assert!(!continues(&second, &third, m, false));
        // An indented first line after a full one: a new paragraph.
        assert!(!continues(&first, &third, m, false));
        // A label starts an item.
        assert!(!continues(&first, &line(85.0, 300.0, "a) Phòng Nội vụ", 115.0), m, false));
        // A paragraph goes on over the page break.
        assert!(continues(&first, &line(85.0, 400.0, "công bố", 70.0), m, true));
        // Ragged text: the line before stops short, but the next line's first word would
        // not have fitted after it.
        let ragged = line(
            85.0,
            480.0,
            "khi kết thúc kế hoạch; các bộ phận phối hợp cung cấp số liệu, tài liệu liên quan",
            100.0,
        );
        assert!(continues(&ragged, &line(85.0, 300.0, "đểđảmbảotiếnđộchung của cả đơn vị.", 115.0), m, false));
        assert!(!continues(&ragged, &line(85.0, 300.0, "để bảo đảm tiến độ chung.", 115.0), m, false));
    }

    #[test]
    fn page_numbers_and_running_lines_are_dropped() {
        assert!(is_page_number("2") && is_page_number("- 2 -") && is_page_number("Trang 2/5"));
        assert!(!is_page_number("2. Chính quyền số") && !is_page_number("Số: 35/KH-UBND"));
        let page = |n: &str| Page {
            height: 840.0,
            lines: vec![
                line(250.0, 350.0, "Ký bởi: Văn phòng UBND", 30.0),
                line(85.0, 540.0, "Nội dung", 400.0),
                line(290.0, 300.0, n, 800.0),
            ],
        };
        let mut pages = vec![page("1"), page("2"), page("3")];
        drop_margins(&mut pages);
        assert!(pages.iter().all(|p| p.lines.len() == 1 && p.lines[0].text == "Nội dung"));
    }

    /// A PDF of `objects` (numbered from 1, the first the catalogue), its cross-reference
    /// table computed.
    pub(super) fn pdf(objects: &[String]) -> Vec<u8> {
        let mut out = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
        }
        let xref = out.len();
        out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
        for o in offsets {
            out.push_str(&format!("{o:010} 00000 n \n"));
        }
        out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
        out.into_bytes()
    }

    #[test]
    fn decomposed_marks_from_a_tounicode_map_come_out_nfc() {
        // Codes 0x80/0x81 map to decomposed letters (e + circumflex + acute, a + dot below),
        // 0x82 to an acute accent drawn as a glyph of its own after its letter.
        let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n\
            1 begincodespacerange <00> <FF> endcodespacerange\n\
            3 beginbfchar <80> <006503020301> <81> <00610323> <82> <0301> endbfchar\n\
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let content = "BT /F1 12 Tf 72 700 Td (K\\200 ho\\201ch) Tj 0 -16 Td (Ca\\202c ph\\201m vi) Tj \
            0 -16 Td (Phong Noi vu chu tri ra soat thu tuc hanh chinh va bao cao ket qua dung han) Tj ET";
        let bytes = pdf(&[
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".into(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>".into(),
            format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
            format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len() + 1),
        ]);
        let doc = read(&bytes).unwrap();
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts[0], "Kế hoạch");
        assert_eq!(texts[1], "Các phạm vi");
    }

    /// Pages read on several threads come out as on one, in page order.
    #[test]
    fn pages_read_on_threads_are_the_pages_read_on_one() {
        let n = 41;
        let mut objects: Vec<String> = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".into(),
            String::new(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
        ];
        let mut kids = Vec::new();
        for page in 0..n {
            let content = format!("BT /F1 12 Tf 72 700 Td (Trang {page}: Phong Noi vu ra soat thu tuc) Tj ET");
            objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1));
            kids.push(objects.len() + 1);
            objects.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                objects.len()
            ));
        }
        objects[1] = format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            kids.iter().map(|k| format!("{k} 0 R")).collect::<Vec<_>>().join(" ")
        );
        let bytes = pdf(&objects);
        let texts = |pages: Vec<Page>| -> Vec<Vec<String>> {
            pages.into_iter().map(|p| p.lines.into_iter().map(|l| l.text).collect()).collect()
        };
        let one = texts(extract_on(&bytes, Some(1)).unwrap());
        assert_eq!(one.len(), n);
        assert_eq!(one[40], ["Trang 40: Phong Noi vu ra soat thu tuc"]);
        for threads in [2, 3, 4, 64] {
            assert_eq!(texts(extract_on(&bytes, Some(threads)).unwrap()), one, "{threads} threads");
        }
        assert_eq!(texts(extract(&bytes).unwrap()), one);
    }

    #[test]
    fn an_image_only_pdf_has_no_text() {
        let bytes =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import/forms/scanned.pdf"))
                .unwrap();
        assert_eq!(read(&bytes).map(|d| d.blocks.len()), Err(PdfError::NoText));
        assert!(matches!(read(b"%PDF-1.4\nbroken"), Err(PdfError::Corrupt(_))));
    }
}
