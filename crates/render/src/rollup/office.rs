//! The office's consolidated report (`par rollup DIR --report`): the Decree 30 layout of
//! the unit report (heading block, title, parts I–IV, Nơi nhận and the signer), built from
//! the roll-up and the `[office]` table of the roster. Its words come from the unit
//! report's ([`crate::render::report`]) where they are the same; the Word file is drawn
//! with the unit report's pieces ([`crate::render::report::docx`]).
//!
//! Parts: I. results (per-unit table: the period, year to date, change; totals; late,
//! silent and missing units named; criteria at risk and uncovered); II. shortcomings and
//! causes and III. direction: placeholders for the office's own words; IV. proposals: the
//! units' own proposals for the period, unit named (a placeholder when there are none).

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::compute::rollup::RollupReport;
use crate::compute::roster::Office;
use crate::i18n::Lang;
use crate::render::Style;
use crate::render::report::{self as words, TableText};

/// What the office writes itself: shown as a visible placeholder until it does.
pub fn placeholder(lang: Lang) -> &'static str {
    lang.pick("[… cơ quan tổng hợp viết nội dung này …]", "[… the office writes this part …]")
}

#[derive(Debug, Serialize)]
pub struct OfficeReport {
    pub superior: Option<String>,
    pub unit: String,
    pub number: String,
    pub date: NaiveDate,
    pub date_line: String,
    pub subject: String,
    pub period: Option<String>,
    pub year: i32,
    /// I. The units table and the sentences under it.
    pub table: Vec<Vec<String>>,
    pub header: Vec<String>,
    pub results: Vec<String>,
    pub shortcomings: String,
    pub direction: String,
    pub proposals: Vec<String>,
    pub recipients: Vec<String>,
    pub signer_lines: Vec<String>,
    pub signer_name: Option<String>,
}

fn headers(lang: Lang) -> Vec<String> {
    [
        lang.pick("TT", "No."),
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Trong kỳ", "Period"),
        lang.pick("Cả kế hoạch năm", "Whole plan"),
        lang.pick("Thay đổi (điểm %)", "Change (points)"),
        lang.pick("Quá hạn", "Overdue"),
        lang.pick("Ghi nhận gần nhất", "Last entry"),
    ]
    .map(String::from)
    .to_vec()
}

fn names(list: impl Iterator<Item = String>) -> String {
    list.collect::<Vec<_>>().join(", ")
}

/// The report's content, whatever the format.
pub fn data(report: &RollupReport, office: &Office, today: NaiveDate, lang: Lang) -> OfficeReport {
    let s = Style { lang, color: false, width: None };
    let l = lang;
    let unit = office.unit.clone().unwrap_or_else(|| "…".into());
    let period = report.period_label.clone();
    let subject = format!(
        "{} {}",
        l.pick(
            "Kết quả thực hiện Kế hoạch cải thiện Chỉ số CCHC của các đơn vị trực thuộc",
            "Progress of the units' PAR Index plans"
        ),
        period.as_deref().unwrap_or(&report.year.to_string()),
    );
    let mut table = Vec::new();
    for (i, u) in report.units.iter().enumerate() {
        let [p, y, c] = super::period_texts(u, &s);
        table.push(vec![
            (i + 1).to_string(),
            super::name_with_marks(u, l),
            p,
            y,
            c,
            u.items.overdue.to_string(),
            super::last_entry_text(u),
        ]);
    }
    let t = &report.total;
    table.push(vec![
        String::new(),
        l.pick("Cộng", "Total").into(),
        s.percent(t.period.percent_complete),
        s.percent(t.year.percent_complete),
        super::change_text(t.change_points, &s),
        t.items.overdue.to_string(),
        String::new(),
    ]);
    OfficeReport {
        superior: office.superior.clone(),
        number: office.number.clone().unwrap_or_else(|| "…/BC-…".into()),
        date: today,
        date_line: crate::compute::report::date_line(office.place.as_deref(), today, lang),
        subject,
        period,
        year: report.year,
        header: headers(l),
        table,
        results: results(report, &s),
        shortcomings: placeholder(l).into(),
        direction: placeholder(l).into(),
        proposals: if report.proposals.is_empty() {
            vec![placeholder(l).into()]
        } else {
            report.proposals.iter().map(|p| format!("{}: {}", p.unit, p.text)).collect()
        },
        recipients: {
            let n = office.recipients.len();
            office
                .recipients
                .iter()
                .enumerate()
                .map(|(i, x)| format!("- {x}{}", if i + 1 == n { "." } else { ";" }))
                .collect()
        },
        signer_lines: office.signer.as_ref().map(signer_lines).unwrap_or_default(),
        signer_name: office.signer.as_ref().map(|x| x.name.trim().to_string()),
        unit,
    }
}

/// Capacity lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") above the position; without
/// them, the unit report's rule for `authority`.
fn signer_lines(signer: &crate::compute::roster::OfficeSigner) -> Vec<String> {
    let plain = crate::plan::Signer {
        name: signer.name.clone(),
        position: signer.position.clone(),
        authority: signer.authority.clone(),
        capacity: Vec::new(),
    };
    if signer.capacity.is_empty() {
        return words::signer_lines(&plain).0;
    }
    let mut lines: Vec<String> = signer.capacity.iter().map(|c| c.trim().to_uppercase()).collect();
    lines.extend(signer.position.as_deref().map(|p| p.trim().to_uppercase()));
    lines
}

/// Part I's sentences: the count of units, the figures, late, silent and missing units,
/// criteria at risk and uncovered.
fn results(report: &RollupReport, s: &Style) -> Vec<String> {
    let l = s.lang;
    let t = &report.total;
    let mut out = Vec::new();
    let one = |x: &str| crate::text::one_line(x);
    match &report.roster {
        Some(r) => out.push(format!(
            "{} {}/{} {}.",
            l.pick("Số đơn vị đã gửi kế hoạch:", "Units that sent their plan:"),
            r.reported,
            r.expected,
            l.pick("đơn vị trong danh sách", "units of the roster")
        )),
        None => out.push(format!("{} {}.", l.pick("Số kế hoạch được tổng hợp:", "Plans rolled up:"), t.plans)),
    }
    out.push(format!(
        "{} {}/{} {} ({}); {} {}/{} ({}); {} {}.",
        l.pick("Trong kỳ, các đơn vị hoàn thành", "In the period the units finished"),
        t.period.counts.done(),
        t.period.counts.total - t.period.counts.ongoing,
        l.pick("việc có hạn", "items with a deadline"),
        s.percent(t.period.percent_complete),
        l.pick("cả kế hoạch năm", "whole plan"),
        t.year.counts.done(),
        t.year.counts.total - t.year.counts.ongoing,
        s.percent(t.year.percent_complete),
        l.pick("thay đổi so với kỳ trước (điểm %):", "change from the previous period (points):"),
        super::change_text(t.change_points, s)
    ));
    let late: Vec<String> = report
        .units
        .iter()
        .filter(|u| u.items.overdue > 0)
        .map(|u| format!("{} ({} {})", one(&u.unit), u.items.overdue, l.pick("việc", "items")))
        .collect();
    out.push(if late.is_empty() {
        l.pick("Không đơn vị nào có việc quá hạn.", "No unit has overdue items.").into()
    } else {
        format!("{} {}.", l.pick("Đơn vị có việc quá hạn:", "Units with overdue items:"), late.join(", "))
    });
    if !report.silent.is_empty() {
        out.push(format!(
            "{} {}.",
            l.pick("Đơn vị không ghi nhận tiến độ nào trong kỳ:", "Units that recorded nothing in the period:"),
            names(report.silent.iter().map(|u| one(&u.unit)))
        ));
    }
    if let Some(r) = &report.roster
        && !r.missing.is_empty()
    {
        out.push(format!(
            "{} {}.",
            l.pick("Đơn vị chưa gửi kế hoạch:", "Units that sent no plan:"),
            names(r.missing.iter().map(|m| {
                if m.documents.is_empty() {
                    one(&m.name)
                } else {
                    format!("{} ({})", one(&m.name), l.pick("gửi dạng văn bản", "sent a document"))
                }
            }))
        ));
    }
    for set in &report.criteria {
        let risk: Vec<String> = set
            .criteria
            .iter()
            .filter(|c| !c.at_risk.is_empty())
            .map(|c| format!("{} ({} {})", one(&c.code), c.at_risk.len(), l.pick("đơn vị", "units")))
            .collect();
        if !risk.is_empty() {
            out.push(format!("{} {}.", l.pick("Tiêu chí có nguy cơ mất điểm:", "Criteria at risk:"), risk.join(", ")));
        }
        let bare: Vec<String> = set
            .criteria
            .iter()
            .filter(|c| c.uncovered)
            .map(|c| format!("{} “{}”", one(&c.code), one(&c.title)))
            .collect();
        if !bare.is_empty() {
            out.push(format!(
                "{} {}.",
                l.pick(
                    "Tiêu chí bị mất điểm chưa có nhiệm vụ khắc phục ở đơn vị nào:",
                    "Criteria with lost points and no remedial task in any unit:"
                ),
                bare.join(", ")
            ));
        }
    }
    out
}

fn heading_i(lang: Lang) -> &'static str {
    words::heading_results(lang)
}

/// Markdown.
pub fn markdown(report: &RollupReport, office: &Office, today: NaiveDate, lang: Lang) -> String {
    let d = data(report, office, today, lang);
    let e = super::md::md_escape;
    let mut out = String::new();
    if let Some(sup) = &d.superior {
        let _ = writeln!(out, "{}  ", e(&sup.to_uppercase()));
    }
    let _ = writeln!(out, "**{}**  ", e(&d.unit.to_uppercase()));
    let _ = writeln!(out, "{} {}\n", lang.pick("Số:", "No.:"), e(&d.number));
    let _ = writeln!(out, "**{}**  ", words::national_name(lang));
    let _ = writeln!(out, "**{}**\n", words::motto(lang));
    let _ = writeln!(out, "*{}*\n", e(&d.date_line));
    let _ = writeln!(out, "## {}\n", words::kind(lang));
    let _ = writeln!(out, "**{}**\n", e(&d.subject));
    let _ = writeln!(out, "### {}\n", heading_i(lang));
    let _ = writeln!(out, "| {} |", d.header.join(" | "));
    let _ = writeln!(out, "|---:|---|---:|---:|---:|---:|---|");
    for r in &d.table {
        let _ = writeln!(out, "| {} |", r.iter().map(|c| e(c)).collect::<Vec<_>>().join(" | "));
    }
    out.push('\n');
    for r in &d.results {
        let _ = writeln!(out, "- {}", e(r));
    }
    let _ = writeln!(out, "\n### {}\n\n{}\n", words::heading_shortcomings(lang), d.shortcomings);
    let _ = writeln!(out, "### {}\n\n{}\n", words::heading_next(lang), d.direction);
    let _ = writeln!(out, "### {}\n", words::heading_proposals(lang));
    for (i, p) in d.proposals.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, e(p));
    }
    let _ = writeln!(out, "\n**{}**\n", words::recipients_heading(lang));
    for r in &d.recipients {
        let _ = writeln!(out, "{}  ", e(r));
    }
    out.push('\n');
    for s in &d.signer_lines {
        let _ = writeln!(out, "**{}**  ", e(s));
    }
    if let Some(n) = &d.signer_name {
        let _ = writeln!(out, "\n**{}**", e(n));
    }
    out
}

/// The Word file: the unit report's page, heading block and signature block.
pub fn docx(report: &RollupReport, office: &Office, today: NaiveDate, lang: Lang) -> Result<Vec<u8>, String> {
    use crate::render::report::docx::{
        BLOCK, BODY, Body, FONT, Look, MARGIN, NATIONAL, NEXT_ID, PAGE, SMALL, TEXT_WIDTH, body, bullets, data_table,
        heading, layout_table, para, rule,
    };
    use docx_rs::{Docx, PageMargin, RunFonts};
    let d = data(report, office, today, lang);
    NEXT_ID.with(|n| n.set(1));
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
    let stamp = format!("{}T00:00:00Z", today.format("%Y-%m-%d"));
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new().top(MARGIN.0).bottom(MARGIN.1).left(MARGIN.2).right(MARGIN.3).header(567).footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        // Page numbers from page 2, as the unit report (Decree 30/2020).
        .header(crate::render::report::docx::page_number_header())
        .first_header(docx_rs::Header::new())
        .created_at(&stamp)
        .updated_at(&stamp);
    let one = |x: &str| crate::text::one_line(x);
    let mut out = Body(Vec::new());
    let (lw, rw) = (3685, TEXT_WIDTH - 3685);
    let mut left = Vec::new();
    if let Some(s) = &d.superior {
        left.push(para(&one(&s.to_uppercase()), Look::centred(BLOCK)));
    }
    left.push(para(&one(&d.unit.to_uppercase()), Look::centred(BLOCK).bold()));
    left.push(rule(lw, 1200));
    let right = vec![
        para(words::national_name(lang), Look::centred(NATIONAL).bold()),
        para(words::motto(lang), Look::centred(BLOCK).bold()),
        rule(rw, 3700),
    ];
    let second = vec![
        vec![para(&format!("{} {}", lang.pick("Số:", "No.:"), one(&d.number)), Look::centred(BLOCK).after(0))],
        vec![para(&one(&d.date_line), Look::centred(BODY).italic())],
    ];
    out.t(layout_table(vec![vec![left, right], second], &[lw, rw]));
    out.p(para("", Look::centred(BODY)));
    out.p(para(words::kind(lang), Look::centred(BODY).bold()));
    out.p(para(&one(&d.subject), Look::centred(BODY).bold()));
    out.p(rule(TEXT_WIDTH, 1700));
    out.p(para("", Look::centred(BODY)));

    out.p(heading(heading_i(lang)));
    let table = TableText {
        header: d.header.clone(),
        rows: d.table.clone(),
        widths: vec![6, 30, 11, 13, 11, 10, 19],
        centred: vec![true, false, true, true, true, true, true],
    };
    out.t(data_table(&table));
    out.p(para("", Look::body().after(0)));
    for p in bullets(&d.results) {
        out.p(p);
    }
    out.p(heading(words::heading_shortcomings(lang)));
    out.p(body(&d.shortcomings));
    out.p(heading(words::heading_next(lang)));
    out.p(body(&d.direction));
    out.p(heading(words::heading_proposals(lang)));
    for (i, p) in d.proposals.iter().enumerate() {
        out.p(body(&format!("{}. {p}", i + 1)));
    }
    // The closing line stays on the page of the signature (Decree 30 layout, as the unit report).
    let closing = lang
        .pick(
            &format!("Trên đây là báo cáo {} của {}./.", lower_first(&d.subject), d.unit),
            &format!("This is the report on {} of {}.", lower_first(&d.subject), d.unit),
        )
        .to_string();
    out.p(para(&one(&closing), Look::body().keep()));
    out.p(para("", Look::body().after(0).keep()));
    let mut left =
        vec![para(words::recipients_heading(lang), Look { size: NATIONAL, ..Look::default() }.bold().italic())];
    left.extend(d.recipients.iter().map(|x| para(&one(x), Look { size: SMALL, ..Look::default() })));
    let mut right: Vec<_> = d.signer_lines.iter().map(|x| para(&one(x), Look::centred(BODY).bold())).collect();
    if let Some(n) = &d.signer_name {
        right.extend((0..4).map(|_| para("", Look::centred(BODY))));
        right.push(para(&one(n), Look::centred(BODY).bold()));
    } else {
        right.push(para("", Look::centred(BODY)));
    }
    out.t(layout_table(vec![vec![left, right]], &[4400, TEXT_WIDTH - 4400]));
    doc.document.children = out.0;
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| format!("cannot build the Word file: {e}"))?;
    Ok(bytes.into_inner())
}

/// "Kết quả …" → "kết quả …": a subject inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
