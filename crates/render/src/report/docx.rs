//! The periodic report as a Word file, with the essentials of the Decree 30/2020/NĐ-CP
//! layout: A4 with 20/20/30/15 mm margins, Times New Roman, the unit's block beside the
//! national name and motto in a borderless two-column table, the number and symbol, the
//! place and date line in italics, the title centred in bold, bordered tables, "Nơi nhận"
//! in bold italics beside the signer's block.
//!
//! The file is deterministic: paragraph ids restart for every document and the document
//! properties carry the report's date, not the clock.

use docx_rs::{
    AlignmentType, BorderType, DocumentChild, Docx, Header, HeightRule, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::outline::{self, Words};
use super::{self as words, TableText};
use crate::compute::report::Report;
use crate::plan::NoteKind;

pub(crate) const FONT: &str = "Times New Roman";
/// Sizes in half-points.
pub(crate) const BODY: usize = 28; // 14 pt
pub(crate) const BLOCK: usize = 26; // 13 pt: header blocks and tables
pub(crate) const NATIONAL: usize = 24; // 12 pt: the national name, "Nơi nhận"
pub(crate) const SMALL: usize = 22; // 11 pt: the recipients list
/// Page and margins in twentieths of a point (twips): A4, 20 mm top and bottom, 30 mm
/// left, 15 mm right.
pub(crate) const PAGE: (u32, u32) = (11906, 16838);
pub(crate) const MARGIN: (i32, i32, i32, i32) = (1134, 1134, 1701, 850);
pub(crate) const TEXT_WIDTH: usize = 11906 - 1701 - 850;
const FIRST_LINE: i32 = 567; // 1 cm

thread_local! {
    /// Paragraph ids of the document being built. docx-rs numbers paragraphs from a
    /// per-thread counter it never resets, so two reports made by one process would differ;
    /// numbering them here from 1 for every document keeps the file a function of its input.
    pub(crate) static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

fn next_id() -> String {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("{id:08X}")
    })
}

#[derive(Clone, Copy, Default)]
pub(crate) struct Look {
    pub(crate) size: usize,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    pub(crate) align: Option<AlignmentType>,
    pub(crate) indent: bool,
    pub(crate) after: u32,
    /// Kept on the page of the paragraph that follows (headings, the closing line).
    pub(crate) keep: bool,
}

impl Look {
    pub(crate) fn body() -> Look {
        Look { size: BODY, align: Some(AlignmentType::Both), indent: true, after: 120, ..Look::default() }
    }
    pub(crate) fn centred(size: usize) -> Look {
        Look { size, align: Some(AlignmentType::Center), ..Look::default() }
    }
    pub(crate) fn bold(mut self) -> Look {
        self.bold = true;
        self
    }
    pub(crate) fn italic(mut self) -> Look {
        self.italic = true;
        self
    }
    pub(crate) fn after(mut self, after: u32) -> Look {
        self.after = after;
        self
    }
    pub(crate) fn keep(mut self) -> Look {
        self.keep = true;
        self
    }
}

/// A paragraph of one run: the only way text enters the document, so the only place
/// it is made safe for XML ([`crate::text::xml_text`]).
pub(crate) fn para(text: &str, look: Look) -> Paragraph {
    let mut run = Run::new().add_text(crate::text::xml_text(text)).size(look.size);
    if look.bold {
        run = run.bold();
    }
    if look.italic {
        run = run.italic();
    }
    let mut p = Paragraph::new()
        .id(next_id())
        .add_run(run)
        .size(look.size)
        .line_spacing(LineSpacing::new().before(0).after(look.after));
    if let Some(a) = look.align {
        p = p.align(a);
    }
    if look.indent {
        p = p.indent(None, Some(SpecialIndentType::FirstLine(FIRST_LINE)), None, None);
    }
    if look.keep {
        p = p.keep_next(true);
    }
    p
}

/// A horizontal rule of about `length` twips, centred in a column `width` wide: an empty
/// paragraph with a top border, narrowed by its indents.
pub(crate) fn rule(width: usize, length: usize) -> Paragraph {
    let side = width.saturating_sub(length) as i32 / 2;
    let mut p = Paragraph::new().id(next_id()).size(2).line_spacing(LineSpacing::new().before(40).after(0)).indent(
        Some(side),
        None,
        Some(side),
        None,
    );
    // Only the top border: docx-rs's default set of borders would draw a box.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty()
            .set(ParagraphBorder::new(ParagraphBorderPosition::Top).val(BorderType::Single).size(6).color("000000")),
    );
    p
}

fn no_borders() -> TableBorders {
    use TableBorderPosition::*;
    [Top, Left, Bottom, Right, InsideH, InsideV]
        .into_iter()
        .fold(TableBorders::new(), |b, pos| b.set(TableBorder::new(pos).border_type(BorderType::Nil)))
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs.into_iter().fold(TableCell::new().width(width, WidthType::Dxa), |c, p| c.add_paragraph(p))
}

/// A table without borders whose columns are `widths` twips wide.
pub(crate) fn layout_table(rows: Vec<Vec<Vec<Paragraph>>>, widths: &[usize]) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| TableRow::new(cells.into_iter().zip(widths).map(|(ps, &w)| cell(w, ps)).collect()).cant_split())
        .collect();
    Table::new(rows)
        .set_borders(no_borders())
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A bordered data table, its header row in bold, its columns sized by the relative widths.
pub(crate) fn data_table(table: &TableText) -> Table {
    let total: usize = table.widths.iter().map(|&w| w as usize).sum::<usize>().max(1);
    let widths: Vec<usize> = table.widths.iter().map(|&w| w as usize * TEXT_WIDTH / total).collect();
    let text = |s: &str, bold: bool, align: AlignmentType| {
        let mut look = Look { size: BLOCK, align: Some(align), ..Look::default() };
        look.bold = bold;
        para(&outline::breakable(&crate::text::one_line(s)), look)
    };
    let header = TableRow::new(
        table
            .header
            .iter()
            .zip(&widths)
            .map(|(h, &w)| cell(w, vec![text(h, true, AlignmentType::Center)]).vertical_align(VAlignType::Center))
            .collect(),
    )
    .cant_split()
    // Marks the row to repeat on every page: see [`repeat_header_rows`].
    .row_height(HEADER_ROW_MARK.0)
    .height_rule(HeightRule::Auto);
    let mut rows = vec![header];
    for r in &table.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .zip(&widths)
                    .zip(table.centred.iter().chain(std::iter::repeat(&false)))
                    .map(|((c, &w), &centred)| {
                        cell(w, vec![text(c, false, if centred { AlignmentType::Center } else { AlignmentType::Left })])
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 70, 0, 70))
}

pub(crate) fn body(text: &str) -> Paragraph {
    para(&crate::text::one_line(text), Look::body())
}

pub(crate) fn heading(text: &str) -> Paragraph {
    para(text, Look::body().bold().after(120).keep())
}

pub(crate) fn bullets(lines: &[String]) -> Vec<Paragraph> {
    // Made one line first: it shows invisible characters, and the breaks are meant.
    lines.iter().map(|l| para(&outline::breakable(&crate::text::one_line(&format!("- {l}"))), Look::body())).collect()
}

/// The officer's paragraphs; a placeholder in bold italics on a yellow highlight, to be
/// seen and filled before the report is signed.
fn paragraphs(out: &mut Body, words: &[Words]) {
    for w in words {
        match w {
            Words::Text(t) => out.p(body(t)),
            Words::Placeholder(t) => {
                let run = Run::new()
                    .add_text(crate::text::xml_text(&crate::text::one_line(t)))
                    .size(BODY)
                    .bold()
                    .italic()
                    .highlight("yellow");
                out.p(Paragraph::new()
                    .id(next_id())
                    .add_run(run)
                    .size(BODY)
                    .align(AlignmentType::Both)
                    .line_spacing(LineSpacing::new().before(0).after(120))
                    .indent(None, Some(SpecialIndentType::FirstLine(FIRST_LINE)), None, None));
            }
        }
    }
}

/// The height (in twips, with rule `auto`, so it does not size the row) that marks a
/// data table's header row; replaced by `<w:tblHeader/>` in the document's XML, which
/// docx-rs does not write.
pub(crate) const HEADER_ROW_MARK: (f32, &str) = (1.0, r#"<w:trHeight w:val="1" w:hRule="auto" />"#);

/// Header rows repeat at the top of every page a table runs onto.
pub(crate) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace(HEADER_ROW_MARK.1, "<w:tblHeader />").into_bytes()
}

/// The page number, centred at the top of every page but the first (Decree 30/2020).
pub(crate) fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new().id(next_id()).align(AlignmentType::Center).size(BLOCK).add_page_num(PageNum::new()),
    )
}

/// docProps/core.xml: the unit as creator, the subject as title, the report's date.
fn core_properties(report: &Report, stamp: &str) -> Vec<u8> {
    let esc = |s: &str| {
        crate::text::xml_text(&crate::text::one_line(s))
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let (unit, subject) = (esc(&report.header.unit), esc(&report.subject));
    let language = report.lang.pick("vi-VN", "en-US");
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{subject}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{unit}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{unit}</cp:lastModifiedBy><cp:revision>1</cp:revision>"#,
            r#"<dc:language>{language}</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#
        ),
        subject = subject,
        unit = unit,
        language = language,
        stamp = stamp
    )
    .into_bytes()
}

/// The document's body, collected in place: docx-rs's builder moves its (large) document
/// value on every added paragraph, which dominates the time of long reports.
pub(crate) struct Body(pub(crate) Vec<DocumentChild>);

impl Body {
    pub(crate) fn p(&mut self, para: Paragraph) {
        self.0.push(DocumentChild::Paragraph(Box::new(para)));
    }
    pub(crate) fn t(&mut self, table: Table) {
        self.0.push(DocumentChild::Table(Box::new(table)));
    }
}

/// Renders the report as the bytes of a .docx file.
pub fn render(report: &Report) -> Result<Vec<u8>, String> {
    NEXT_ID.with(|n| n.set(1));
    let l = report.lang;
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    // The report's date in the document properties, never the clock: same input, same file.
    let stamp = format!("{}T00:00:00Z", report.header.date.format("%Y-%m-%d"));
    let mut out = Body(Vec::new());
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new().top(MARGIN.0).bottom(MARGIN.1).left(MARGIN.2).right(MARGIN.3).header(567).footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        .created_at(&stamp)
        .updated_at(&stamp)
        // Page numbers from the second page: an empty header on the first.
        .header(page_number_header())
        .first_header(Header::new());

    out.t(heading_block(report));

    // Title.
    out.p(para("", Look::centred(BODY)));
    out.p(para(words::kind(l), Look::centred(BODY).bold()));
    // The period stays on one line ("quý II năm 2025"): its spaces do not break.
    let subject = report.subject.replace(&report.period_label, &report.period_label.replace(' ', "\u{a0}"));
    out.p(para(&crate::text::one_line(&subject), Look::centred(BODY).bold()));
    out.p(rule(TEXT_WIDTH, 1700));
    if let Some(to) = words::to_line(report) {
        out.p(para(&crate::text::one_line(&to), Look::centred(BODY).after(120)));
    }
    out.p(para("", Look::centred(BODY)));

    for p in words::preamble(report) {
        out.p(body(&p));
    }
    out.p(para(&words::window_sentence(report), Look::body().italic().keep()));

    // I. Results.
    out.p(heading(words::heading_results(l)));
    out.p(heading(words::heading_figures(l)));
    out.t(data_table(&words::figures_table(report)));
    out.p(para(words::figures_note(l), Look::body().italic().after(60)));
    out.p(body(&words::change_sentence(report)));
    out.p(heading(words::heading_sections(l)));
    if report.sections.is_empty() {
        out.p(body(words::no_items(l)));
    }
    for s in &report.sections {
        let title = words::section_heading(&s.id, &s.title, &s.tally, l);
        out.p(para(&crate::text::one_line(&title), Look::body().italic().keep()));
        out.t(data_table(&words::section_table(s, l)));
        out.p(para("", Look::body().after(0)));
    }
    out.p(heading(words::heading_activities(l)));
    if report.activities.is_empty() {
        out.p(body(words::no_activity(l)));
    }
    for a in &report.activities {
        let title = words::activity_heading(&a.task, &a.title, &a.owner, l);
        out.p(para(&crate::text::one_line(&title), Look::body().italic().keep()));
        let mut lines = words::result_lines(&a.result, l);
        lines.extend(a.entries.iter().map(|e| words::activity_line(e, l)));
        for p in bullets(&lines) {
            out.p(p);
        }
    }

    index_and_assessment(&mut out, report);

    // II. Shortcomings and causes.
    out.p(heading(words::heading_shortcomings(l)));
    let groups = words::shortcomings(report);
    if groups.is_empty() {
        out.p(body(words::no_shortcomings(l)));
    }
    for g in &groups {
        out.p(para(&g.heading, Look::body().italic().keep()));
        for p in bullets(&g.lines) {
            out.p(p);
        }
    }
    let causes = outline::words(report, NoteKind::Cause);
    if !causes.is_empty() {
        out.p(para(&outline::heading_causes(report, groups.len()), Look::body().italic().keep()));
        paragraphs(&mut out, &causes);
    }

    // III. Direction and tasks for the next period.
    out.p(heading(words::heading_next(l)));
    paragraphs(&mut out, &outline::words(report, NoteKind::Direction));
    out.p(body(&words::next_sentence(report)));
    out.p(para(words::heading_next_due(l), Look::body().italic().keep()));
    if report.next.due.is_empty() {
        out.p(body(words::nothing_due_next(l)));
    } else {
        out.t(data_table(&words::next_table(&report.next.due, l)));
        out.p(para("", Look::body().after(0)));
    }
    for g in &words::next_groups(report) {
        out.p(para(&g.heading, Look::body().italic().keep()));
        for p in bullets(&g.lines) {
            out.p(p);
        }
    }

    // IV. Proposals.
    out.p(heading(words::heading_proposals(l)));
    paragraphs(&mut out, &outline::words(report, NoteKind::Proposal));
    // The closing line stays on the page of the signature.
    out.p(para(&crate::text::one_line(&words::closing(report)), Look::body().keep()));
    out.p(para("", Look::body().after(0).keep()));

    out.t(sign_block(report));

    doc.document.children = out.0;
    // The figures, machine-readable, for `par rollup` (see `docx_data`).
    let doc = super::docx_data::attach(doc, report);
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    xml.doc_props.core = core_properties(report, &stamp);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| format!("cannot build the Word file: {e}"))?;
    Ok(bytes.into_inner())
}

/// I.4 the index (when the plan has one) and the assessment.
fn index_and_assessment(out: &mut Body, report: &Report) {
    if let Some((sentence, groups)) = outline::index_part(report) {
        out.p(heading(outline::heading_index(report.lang)));
        out.p(body(&sentence));
        for g in &groups {
            out.p(para(&g.heading, Look::body().italic().keep()));
            for p in bullets(&g.lines) {
                out.p(p);
            }
        }
    }
    out.p(heading(&outline::heading_assessment(report)));
    paragraphs(out, &outline::words(report, NoteKind::Assessment));
}

/// The heading: the unit's block (left) beside the national name and motto (right).
fn heading_block(report: &Report) -> Table {
    let l = report.lang;
    // Header: the unit's block (left) beside the national name and motto (right); the
    // number under the unit, the place and date line under the motto.
    let (lw, rw) = (3685, TEXT_WIDTH - 3685);
    let mut left = Vec::new();
    if let Some(s) = words::superior_line(report) {
        left.push(para(&crate::text::one_line(&s), Look::centred(BLOCK)));
    }
    for line in outline::unit_lines(report) {
        left.push(para(&crate::text::one_line(&line), Look::centred(BLOCK).bold()));
    }
    left.push(rule(lw, 1200));
    let right = vec![
        para(words::national_name(l), Look::centred(NATIONAL).bold()),
        para(words::motto(l), Look::centred(BLOCK).bold()),
        rule(rw, 3700),
    ];
    let second = vec![
        vec![para(&crate::text::one_line(&words::number_line(report)), Look::centred(BLOCK).after(0))],
        vec![para(&crate::text::one_line(&report.header.date_line), Look::centred(BODY).italic())],
    ];
    layout_table(vec![vec![left, right], second], &[lw, rw])
}

/// Nơi nhận (left) beside the signer's block (right).
fn sign_block(report: &Report) -> Table {
    let l = report.lang;
    // Nơi nhận (left) and the signer (right).
    let mut left = vec![para(words::recipients_heading(l), Look { size: NATIONAL, ..Look::default() }.bold().italic())];
    left.extend(
        words::recipient_lines(report)
            .iter()
            .map(|x| para(&crate::text::one_line(x), Look { size: SMALL, ..Look::default() })),
    );
    let mut right = Vec::new();
    if let Some(s) = &report.signer {
        let (lines, name) = words::signer_lines(s);
        right.extend(lines.iter().map(|x| para(&crate::text::one_line(x), Look::centred(BODY).bold())));
        right.extend((0..4).map(|_| para("", Look::centred(BODY))));
        right.push(para(&crate::text::one_line(&name), Look::centred(BODY).bold()));
    } else {
        right.push(para("", Look::centred(BODY)));
    }
    layout_table(vec![vec![left, right]], &[4400, TEXT_WIDTH - 4400])
}
