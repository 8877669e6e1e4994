//! `par assess --format docx`: the self-assessment table as a Word document in the
//! report's Decree 30/2020/NĐ-CP layout (see `report::docx`, whose pieces it uses): the
//! unit's block beside the national name and motto, the number, the place and date line,
//! the title "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM …", the table
//! (its header row repeated on every page, areas in bold), the totals, then "Nơi nhận"
//! beside the signer. The heading values are those in force on the day ([`Head::of`]).

use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, Docx, Header, HeightRule, PageMargin, Paragraph, RunFonts, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::rows::{self, Line, Mark, Totals};
use crate::compute::assess_table::AssessTable;
use crate::compute::report::Header as ReportHeader;
use crate::i18n::Lang;
use crate::plan::{Plan, Signer};
use crate::report::docx::{
    BLOCK, BODY, Body, FONT, HEADER_ROW_MARK, Look, MARGIN, NATIONAL, NEXT_ID, PAGE, SMALL, TEXT_WIDTH, layout_table,
    page_number_header, para, repeat_header_rows, rule,
};
use crate::report::outline;

/// Size of the table's text: 11 pt, six columns on a portrait A4 page.
const CELL: usize = 22;
/// The columns' relative widths: STT, tiêu chí, tối đa, tự đánh giá, kiểm chứng, giải trình.
const WIDTHS: [usize; 6] = [7, 28, 10, 13, 23, 19];

/// What the document says around the table: the heading, the date, the signer and the
/// recipients, as in force on its date.
#[derive(Debug)]
pub struct Head {
    pub lang: Lang,
    pub header: ReportHeader,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
}

impl Head {
    /// The heading of a document dated `today`: the superior body, place, signer and
    /// recipients in force that day (`[[plan.change]]`), the number left to fill
    /// ("…/BC-NBK", the plan's short name).
    pub fn of(plan: &Plan, today: NaiveDate, lang: Lang) -> Head {
        let force = plan.in_force(today);
        let number = match &plan.meta.unit_short {
            Some(short) => format!("…/BC-{}", short.trim()),
            None => "…/BC".to_string(),
        };
        Head {
            lang,
            header: ReportHeader {
                unit_kind: plan.meta.unit_kind,
                superior: force.superior.clone(),
                unit: plan.meta.unit.clone(),
                number,
                date_line: crate::compute::report::date_line(force.place.as_deref(), today, lang),
                place: force.place.clone(),
                date: today,
                to: force.to.clone(),
            },
            signer: force.signer.clone(),
            recipients: crate::compute::report::recipients(&force.recipients),
        }
    }
}

/// The document's bytes.
pub fn docx(table: &AssessTable, head: &Head) -> Result<Vec<u8>, String> {
    NEXT_ID.with(|n| n.set(1));
    let l = head.lang;
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    // The document's date in its properties, never the clock.
    let stamp = format!("{}T00:00:00Z", head.header.date.format("%Y-%m-%d"));
    let doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new().top(MARGIN.0).bottom(MARGIN.1).left(MARGIN.2).right(MARGIN.3).header(567).footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        .created_at(&stamp)
        .updated_at(&stamp)
        .header(page_number_header())
        .first_header(Header::new());
    let mut out = Body(Vec::new());
    out.t(heading_block(head));
    out.p(para("", Look::centred(BODY)));
    out.p(para(&rows::title(table.year, l), Look::centred(BODY).bold()));
    out.p(para(&rows::set_line(table, l), Look::centred(BODY).italic()));
    out.p(rule(TEXT_WIDTH, 1700));
    out.p(para("", Look::centred(BODY)));
    let (lines, totals) = rows::lines(table, l);
    out.t(score_table(&lines, &totals, l));
    out.p(para("", Look::body().after(0).keep()));
    out.t(sign_block(head));
    let mut doc = doc;
    doc.document.children = out.0;
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| format!("cannot build the Word file: {e}"))?;
    Ok(bytes.into_inner())
}

/// The unit's block (left) beside the national name and motto (right); the number under
/// the unit, the place and date line under the motto.
fn heading_block(head: &Head) -> Table {
    let l = head.lang;
    let (lw, rw) = (3685, TEXT_WIDTH - 3685);
    let one = crate::text::one_line;
    let mut left = Vec::new();
    if let Some(s) = outline::header_superior_line(&head.header) {
        left.push(para(&one(&s), Look::centred(BLOCK)));
    }
    for line in outline::header_unit_lines(&head.header) {
        left.push(para(&one(&line), Look::centred(BLOCK).bold()));
    }
    left.push(rule(lw, 1200));
    let right = vec![
        para(crate::report::national_name(l), Look::centred(NATIONAL).bold()),
        para(crate::report::motto(l), Look::centred(BLOCK).bold()),
        rule(rw, 3700),
    ];
    let number = format!("{} {}", l.pick("Số:", "No.:"), head.header.number);
    let second = vec![
        vec![para(&one(&number), Look::centred(BLOCK).after(0))],
        vec![para(&one(&head.header.date_line), Look::centred(BODY).italic())],
    ];
    layout_table(vec![vec![left, right], second], &[lw, rw])
}

/// A cell of the score table: its paragraphs in the table's size, `span` columns wide.
fn cell(width: usize, texts: &[String], bold: bool, align: AlignmentType) -> TableCell {
    let look = Look { size: CELL, bold, align: Some(align), ..Look::default() };
    let texts: Vec<&String> = texts.iter().collect();
    let paragraphs: Vec<Paragraph> = if texts.is_empty() {
        vec![para("", look)]
    } else {
        texts.iter().map(|t| para(&outline::breakable(&crate::text::one_line(t)), look)).collect()
    };
    paragraphs.into_iter().fold(TableCell::new().width(width, WidthType::Dxa), |c, p| c.add_paragraph(p))
}

/// The table: its header row (repeated on every page), a row per line, then the totals.
fn score_table(lines: &[Line], totals: &Totals, l: Lang) -> Table {
    use AlignmentType::{Center, Left};
    let sum: usize = WIDTHS.iter().sum();
    let w: Vec<usize> = WIDTHS.iter().map(|&x| x * TEXT_WIDTH / sum).collect();
    let header = TableRow::new(
        rows::headings(l)
            .iter()
            .zip(&w)
            .map(|(h, &w)| cell(w, &[h.to_string()], true, Center).vertical_align(VAlignType::Center))
            .collect(),
    )
    .cant_split()
    .row_height(HEADER_ROW_MARK.0)
    .height_rule(HeightRule::Auto);
    let mut table_rows = vec![header];
    for line in lines {
        let b = line.bold;
        let indent = "\u{a0}\u{a0}\u{a0}".repeat(line.depth.saturating_sub(1) as usize);
        let score_bold = b || matches!(line.mark, Mark::NotApplicable | Mark::Survey);
        table_rows.push(
            TableRow::new(vec![
                cell(w[0], std::slice::from_ref(&line.code), b, Center),
                cell(w[1], &[format!("{indent}{}", line.title.trim())], b, Left),
                cell(w[2], &[rows::points(line.max, l)], b, Center),
                cell(w[3], &[rows::mark_text(line.mark, l)], score_bold, Center),
                cell(w[4], &line.evidence, false, Left),
                cell(w[5], std::slice::from_ref(&line.explanation), false, Left),
            ])
            .cant_split(),
        );
    }
    let labels = rows::total_labels(totals, l);
    let mut figures = vec![
        (&labels[0], totals.max_total, true),
        (&labels[1], totals.self_max, true),
        (&labels[2], totals.raw, false),
    ];
    if let Some(r) = totals.rescaled {
        figures.push((&labels[3], r, false));
    }
    for (label, x, is_max) in figures {
        let (max, score) =
            if is_max { (rows::points(x, l), String::new()) } else { (String::new(), rows::points(x, l)) };
        table_rows.push(
            TableRow::new(vec![
                cell(w[0] + w[1], std::slice::from_ref(label), true, Left).grid_span(2),
                cell(w[2], &[max], true, Center),
                cell(w[3], &[score], true, Center),
                cell(w[4] + w[5], &[], false, Left).grid_span(2),
            ])
            .cant_split(),
        );
    }
    Table::new(table_rows)
        .set_grid(w.clone())
        .width(w.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 60, 0, 60))
}

/// "Nơi nhận" (left) beside the signer (right), as the report signs.
fn sign_block(head: &Head) -> Table {
    let l = head.lang;
    let one = crate::text::one_line;
    let mut left =
        vec![para(crate::report::recipients_heading(l), Look { size: NATIONAL, ..Look::default() }.bold().italic())];
    let n = head.recipients.len();
    left.extend(head.recipients.iter().enumerate().map(|(i, x)| {
        let line = format!("- {x}{}", if i + 1 == n { "." } else { ";" });
        para(&one(&line), Look { size: SMALL, ..Look::default() })
    }));
    let mut right = Vec::new();
    if let Some(s) = &head.signer {
        let (lines, name) = crate::report::signer_lines(s);
        right.extend(lines.iter().map(|x| para(&one(x), Look::centred(BODY).bold())));
        right.extend((0..4).map(|_| para("", Look::centred(BODY))));
        right.push(para(&one(&name), Look::centred(BODY).bold()));
    } else {
        right.push(para("", Look::centred(BODY)));
    }
    layout_table(vec![vec![left, right]], &[4400, TEXT_WIDTH - 4400])
}
