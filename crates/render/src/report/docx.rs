//! The periodic report as a Word file, with the essentials of the Decree 30/2020/NĐ-CP
//! layout: A4 with 20/20/30/15 mm margins, Times New Roman, the unit's block beside the
//! national name and motto in a borderless two-column table, the number and symbol, the
//! place and date line in italics, the title centred in bold, bordered tables, "Nơi nhận"
//! in bold italics beside the signer's block.
//!
//! The file is deterministic: paragraph ids restart for every document and the document
//! properties carry the report's date, not the clock.

use docx_rs::{
    AlignmentType, BorderType, DocumentChild, Docx, LineSpacing, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::{self as words, TableText};
use crate::compute::report::Report;

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
        .map(|cells| TableRow::new(cells.into_iter().zip(widths).map(|(ps, &w)| cell(w, ps)).collect()))
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
        para(&crate::text::one_line(s), look)
    };
    let header = TableRow::new(
        table
            .header
            .iter()
            .zip(&widths)
            .map(|(h, &w)| cell(w, vec![text(h, true, AlignmentType::Center)]).vertical_align(VAlignType::Center))
            .collect(),
    );
    let mut rows = vec![header];
    for r in &table.rows {
        rows.push(TableRow::new(
            r.iter()
                .zip(&widths)
                .zip(table.centred.iter().chain(std::iter::repeat(&false)))
                .map(|((c, &w), &centred)| {
                    cell(w, vec![text(c, false, if centred { AlignmentType::Center } else { AlignmentType::Left })])
                })
                .collect(),
        ));
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
    para(text, Look::body().bold().after(120))
}

pub(crate) fn bullets(lines: &[String]) -> Vec<Paragraph> {
    lines.iter().map(|l| body(&format!("- {l}"))).collect()
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
        .updated_at(&stamp);

    // Header: the unit's block (left) beside the national name and motto (right); the
    // number under the unit, the place and date line under the motto.
    let (lw, rw) = (3685, TEXT_WIDTH - 3685);
    let mut left = Vec::new();
    if let Some(s) = words::superior_line(report) {
        left.push(para(&crate::text::one_line(&s), Look::centred(BLOCK)));
    }
    left.push(para(&crate::text::one_line(&words::unit_line(report)), Look::centred(BLOCK).bold()));
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
    out.t(layout_table(vec![vec![left, right], second], &[lw, rw]));

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
    out.p(para(&words::window_sentence(report), Look::body().italic()));

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
        out.p(para(&crate::text::one_line(&title), Look::body().italic()));
        out.t(data_table(&words::section_table(s, l)));
        out.p(para("", Look::body().after(0)));
    }
    out.p(heading(words::heading_activities(l)));
    if report.activities.is_empty() {
        out.p(body(words::no_activity(l)));
    }
    for a in &report.activities {
        let title = words::activity_heading(&a.task, &a.title, &a.owner, l);
        out.p(para(&crate::text::one_line(&title), Look::body().italic()));
        let mut lines = words::result_lines(&a.result, l);
        lines.extend(a.entries.iter().map(|e| words::activity_line(e, l)));
        for p in bullets(&lines) {
            out.p(p);
        }
    }

    // II. Shortcomings.
    out.p(heading(words::heading_shortcomings(l)));
    let groups = words::shortcomings(report);
    if groups.is_empty() {
        out.p(body(words::no_shortcomings(l)));
    }
    for g in &groups {
        out.p(para(&g.heading, Look::body().italic()));
        for p in bullets(&g.lines) {
            out.p(p);
        }
    }

    // III. Next period.
    out.p(heading(words::heading_next(l)));
    out.p(body(&words::next_sentence(report)));
    out.p(para(words::heading_next_due(l), Look::body().italic()));
    if report.next.due.is_empty() {
        out.p(body(words::nothing_due_next(l)));
    } else {
        out.t(data_table(&words::next_table(&report.next.due, l)));
        out.p(para("", Look::body().after(0)));
    }
    for g in &words::next_groups(report) {
        out.p(para(&g.heading, Look::body().italic()));
        for p in bullets(&g.lines) {
            out.p(p);
        }
    }

    // IV. Proposals, when the plan holds any for this period.
    if !report.proposals.is_empty() {
        out.p(heading(words::heading_proposals(l)));
        for (i, p) in report.proposals.iter().enumerate() {
            out.p(body(&format!("{}. {p}", i + 1)));
        }
    }
    out.p(body(&words::closing(report)));
    out.p(para("", Look::body().after(0)));

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
    out.t(layout_table(vec![vec![left, right]], &[4400, TEXT_WIDTH - 4400]));

    doc.document.children = out.0;
    // The figures, machine-readable, for `par rollup` (see `docx_data`).
    let doc = super::docx_data::attach(doc, report);
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| format!("cannot build the Word file: {e}"))?;
    Ok(bytes.into_inner())
}
