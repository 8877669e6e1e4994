//! The periodic report as one self-contained HTML page: the page shell, style sheet,
//! escaping, figure cards, tables and SVG bar charts of [`crate::render::html`] (shared with the
//! rollup dashboard) around the words of [`super`] (shared with the Markdown,
//! text and Word reports), so the formats say the same thing.
//!
//! The report is laid out as a sheet of paper in the order of a Vietnamese periodic
//! report: the unit's block beside the national name and motto, the number and the place
//! and date line, the title, the bases, I. results (with figure cards and charts of the
//! progress per section and the overdue items), II. shortcomings, III. the next period,
//! IV. proposals, then the recipients beside the signer. It prints as the document alone.
//!
//! The page is written with maud's `html!`, which escapes whatever is spliced into it;
//! text goes in as [`Text`]. The page holds no script and loads nothing (the shell's
//! Content-Security-Policy forbids both).

use maud::{Markup, html};

use super::outline::{self, Words};
use super::{self as words, TableText};
use crate::compute::Status;
use crate::compute::report::Report;
use crate::plan::NoteKind;
use crate::render::html::{Bar, Kpi, Segment, Table, Td, Text, bar_chart, card, kpis, legend};

/// The sheet's own layout, after the shared style sheet.
const REPORT_CSS: &str = r#"
.sheet{background:#fff;max-width:920px;margin:0 auto;padding:44px 60px 56px;border:1px solid var(--line);border-radius:2px;
box-shadow:0 1px 6px rgba(29,39,51,.08);font:16px/1.5 "Times New Roman","Liberation Serif","Noto Serif","DejaVu Serif",serif;color:#111}
.sheet p{margin:0 0 8px}
.doc-head{display:grid;grid-template-columns:5fr 7fr;gap:16px;text-align:center;line-height:1.35;font-size:15px;margin:0 0 6px}
.doc-head p{margin:0}
.doc-head .unit,.doc-head .nat,.doc-head .motto{font-weight:700}
.doc-head .nat{font-size:14.5px}
.doc-head .no{margin-top:6px}
.doc-head .date{font-style:italic;margin-top:6px}
.rule{display:block;height:0;border:0;border-top:1px solid #111;margin:2px auto 4px}
.rule.unit-rule{width:34%}.rule.motto-rule{width:47%}.rule.subject-rule{width:22%;margin:6px auto 14px}
.sheet h1.kind{font-size:18px;text-align:center;margin:26px 0 2px;font-weight:700;letter-spacing:.3px}
.sheet .subject{text-align:center;font-weight:700;margin:0 auto;max-width:82%}
.sheet .to{text-align:center;margin:4px 0 14px}
.sheet p.para{text-align:justify;text-indent:1cm}
.sheet p.window{font-style:italic;text-indent:1cm}
.sheet h2{font-size:16px;font-weight:700;margin:22px 0 8px}
.sheet h3{font-size:16px;font-weight:700;margin:16px 0 8px;text-indent:1cm}
.sheet h4{font-size:15.5px;font-weight:700;font-style:italic;margin:14px 0 6px}
.sheet .task h4{font-style:normal}
.sheet ul,.sheet ol{margin:4px 0 10px;padding-left:26px}
.sheet ul:not(.legend){list-style-type:"- "}
.sheet li{margin:2px 0;text-align:justify}
.sheet li.target{font-style:italic}
.sheet li .when{font-variant-numeric:tabular-nums;font-weight:700}
.sheet .note{font-size:14px;font-style:italic;color:#333}
.sheet .tablewrap{margin:6px 0 10px}
.sheet table.data{font-size:14px;line-height:1.35}
.sheet table.data th,.sheet table.data td{border:1px solid #8a929c;padding:5px 7px}
.sheet table.data th{background:#eef1f4;color:#111;font-size:13.5px;font-weight:700;text-align:center;white-space:normal;vertical-align:middle}
.sheet table.data td.n{text-align:center}
.sheet table.data th{min-width:4.5em}
.sheet table.data td.label{white-space:nowrap}
.sheet table.data td.id{white-space:nowrap;text-align:center}
.sheet table.data tr.rate td{font-weight:700}
.sheet td.st-overdue{color:var(--overdue);font-weight:700}.sheet td.st-late{color:#8a5d00;font-weight:700}
.sheet td.st-ontime{color:#1f6b41}
.sheet .kpis{grid-template-columns:repeat(3,1fr);gap:8px;margin:10px 0 12px}
.sheet .kpi{padding:9px 10px;font-family:"Segoe UI","Noto Sans",Roboto,Arial,sans-serif}
.sheet .kpi{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 10px}
.sheet .kpi .v{font-size:22px;white-space:nowrap}.sheet .kpi .l{font-size:12.5px;line-height:1.3;margin:0}
.sheet section.card{padding:12px 16px;margin:10px 0;font-family:"Segoe UI","Noto Sans",Roboto,Arial,sans-serif}
.sheet section.card h2{font-size:13.5px;font-weight:600;margin:0 0 8px}
.sheet .legend{margin-top:6px}
.sheet .closing{text-indent:1cm;margin-top:14px}
.sign{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-top:22px}
.sign .recipients .h{font-weight:700;font-style:italic;font-size:14px;margin:0}
.sign .recipients ul{list-style:none;padding:0;margin:0;font-size:13px;line-height:1.4}
.sign .recipients li{margin:0;text-align:left}
.sign .signer{text-align:center}
.sign .signer p{margin:0;font-weight:700}
.sign .signer p.name{margin-top:84px}
.sheet p.placeholder{background:#fff3bf;border:1px dashed #b8860b;padding:2px 6px;font-style:italic}
.sheet table.data td{overflow-wrap:anywhere}
@media screen and (max-width:760px){.sheet{padding:20px 18px}.doc-head,.sign{grid-template-columns:1fr}.sheet .kpis{grid-template-columns:repeat(2,1fr)}}
@page{size:A4;margin:20mm 15mm 20mm 30mm}
@media print{header.top,footer{display:none}main{padding:0;max-width:none}
.sheet{border:0;box-shadow:none;padding:0;max-width:none}.sheet section.card,.sheet .kpis{break-inside:avoid}}
"#;

/// A table of the shared words: centred columns are figures and dates. `class` gives the
/// class of a cell by (row, column); `row_class` that of a row.
fn table(
    table: &TableText,
    row_class: impl Fn(usize) -> &'static str,
    class: impl Fn(usize, usize) -> &'static str,
) -> Markup {
    let headers: Vec<(&str, bool)> =
        table.header.iter().enumerate().map(|(i, h)| (h.as_str(), table.centred.get(i) == Some(&true))).collect();
    let mut tbl = Table::new(&headers);
    for (r, row) in table.rows.iter().enumerate() {
        let cells = row
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let td = if table.centred.get(c) == Some(&true) { Td::num(text) } else { Td::text(text) };
                match class(r, c) {
                    "" => td,
                    class => td.class(class),
                }
            })
            .collect();
        tbl.row_class(row_class(r), cells);
    }
    tbl.finish()
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Overdue => "st-overdue",
        Status::DoneLate => "st-late",
        Status::DoneOnTime => "st-ontime",
        _ => "",
    }
}

fn para(class: &str, text: &str) -> Markup {
    html! { p class=(class) { (Text(text)) } "\n" }
}

/// The header block: the unit's side and the national side, as in Decree 30/2020/NĐ-CP.
fn head(report: &Report) -> Markup {
    let l = report.lang;
    html! {
        div class="doc-head" {
            "\n"
            div class="issuer" {
                @if let Some(sup) = words::superior_line(report) {
                    p class="superior" { (Text(&sup)) }
                }
                @for line in outline::unit_lines(report) {
                    p class="unit" { (Text(&line)) }
                }
                hr class="rule unit-rule";
                p class="no" { (Text(&words::number_line(report))) }
            }
            "\n"
            div class="national" {
                p class="nat" { (Text(words::national_name(l))) }
                p class="motto" { (Text(words::motto(l))) }
                hr class="rule motto-rule";
                p class="date" { (Text(&report.header.date_line)) }
            }
            "\n"
        }
        "\n"
    }
}

/// I.1: the figure cards, the figures table, the note, the sentence, the charts.
fn figures(report: &Report) -> Markup {
    let l = report.lang;
    let f = &report.figures;
    let c = &f.period.counts;
    let labels = words::figure_labels(l);
    let base = c.total - c.ongoing - c.not_carried_out;
    let cards = kpis(&[
        Kpi { value: c.total.to_string(), label: labels[0].into(), tone: "" },
        Kpi {
            value: words::percent(f.period.percent_complete, l),
            label: format!("{} ({}/{base})", labels[7], c.done()),
            tone: "good",
        },
        Kpi { value: c.done_on_time.to_string(), label: labels[1].into(), tone: "" },
        Kpi {
            value: c.done_late.to_string(),
            label: labels[2].into(),
            tone: if c.done_late > 0 { "warn" } else { "" },
        },
        Kpi { value: c.overdue.to_string(), label: labels[4].into(), tone: if c.overdue > 0 { "bad" } else { "good" } },
        Kpi {
            value: words::change_points(report),
            label: format!("{} ({})", words::change_label(l), words::period_short(f.previous.period, l)),
            tone: match f.change_points {
                Some(x) if x > 0.0 => "good",
                Some(x) if x < 0.0 => "bad",
                _ => "",
            },
        },
    ]);
    let t = words::figures_table(report);
    // The completion rate, the last row, in bold.
    let last = t.rows.len().saturating_sub(1);
    html! {
        (cards)
        (table(&t, |row| if row == last { "rate" } else { "" }, |_, c| if c == 0 { "label" } else { "" }))
        (para("note", words::figures_note(l)))
        (para("para", &words::change_sentence(report)))
        (charts(report))
    }
}

/// The progress of each section (stacked by status, in % of its items with a deadline)
/// and its overdue items.
fn charts(report: &Report) -> Markup {
    let l = report.lang;
    if report.sections.is_empty() {
        return html! {};
    }
    let bars: Vec<Bar> = report
        .sections
        .iter()
        .map(|s| {
            let c = &s.tally.counts;
            let base = (c.total - c.ongoing - c.not_carried_out) as f64;
            let seg = |n: usize, class, label: &str| Segment {
                value: if base > 0.0 { 100.0 * n as f64 / base } else { 0.0 },
                class,
                label: format!("{label}: {n}"),
            };
            Bar {
                label: words::section_name(&s.id, &s.title, l),
                segments: vec![
                    seg(c.done_on_time, "s-ontime", Status::DoneOnTime.short_label(l)),
                    seg(c.done_late, "s-late", Status::DoneLate.short_label(l)),
                    seg(c.overdue, "s-overdue", Status::Overdue.short_label(l)),
                    seg(c.open + c.not_started, "s-rest", l.pick("Chưa xong", "Not done yet")),
                ],
                note: words::percent(s.tally.percent_complete, l),
            }
        })
        .collect();
    let progress = html! {
        (bar_chart(l.pick("Tiến độ theo từng phần", "Progress per section"), &bars, 100.0, 780.0))
        (legend(&[
            ("s-ontime", Status::DoneOnTime.short_label(l)),
            ("s-late", Status::DoneLate.short_label(l)),
            ("s-overdue", Status::Overdue.short_label(l)),
            ("s-rest", l.pick("Chưa xong, trong hạn", "Not done, on schedule")),
        ]))
    };

    let late: Vec<Bar> = report
        .sections
        .iter()
        .filter(|s| s.tally.counts.overdue > 0)
        .map(|s| {
            let n = s.tally.counts.overdue;
            Bar {
                label: words::section_name(&s.id, &s.title, l),
                segments: vec![Segment {
                    value: n as f64,
                    class: "s-overdue",
                    label: format!("{}: {n}", Status::Overdue.short_label(l)),
                }],
                note: n.to_string(),
            }
        })
        .collect();
    let overdue = if late.is_empty() {
        html! {
            p class="empty" { (Text(l.pick("Trong kỳ không có việc quá hạn.", "No item is overdue in this period."))) }
            "\n"
        }
    } else {
        let max = report.sections.iter().map(|s| s.tally.counts.overdue).max().unwrap_or(0) as f64;
        bar_chart(l.pick("Số việc quá hạn theo phần", "Overdue items per section"), &late, max, 780.0)
    };
    html! {
        (card(
            l.pick("Tiến độ theo từng phần (% việc có thời hạn)", "Progress per section (% of items with a deadline)"),
            progress,
        ))
        (card(l.pick("Số việc quá hạn theo phần", "Overdue items per section"), overdue))
    }
}

/// I.3: what was done, task by task: the target and measured result, then each entry
/// with its date first.
fn activities(report: &Report) -> Markup {
    let l = report.lang;
    html! {
        @if report.activities.is_empty() {
            (para("para", words::no_activity(l)))
        }
        @for a in &report.activities {
            div class="task" {
                h4 { (Text(&words::activity_heading(&a.task, &a.title, &a.owner, l))) }
                "\n"
                ul {
                    @for (i, line) in words::result_lines(&a.result, l).iter().enumerate() {
                        li class=(if i == 0 && a.result.target.is_some() { "target" } else { "measured" }) {
                            (Text(line))
                        }
                    }
                    @for e in &a.entries {
                        @let line = words::activity_line(e, l);
                        @let when = crate::dates::short(e.date);
                        @match line.strip_prefix(&format!("{when}: ")) {
                            Some(rest) => { li { span class="when" { (Text(&when)) } ": " (Text(rest)) } }
                            None => { li { (Text(&line)) } }
                        }
                    }
                }
            }
            "\n"
        }
    }
}

/// The officer's paragraphs; a placeholder marked to be seen.
fn paragraphs(words: &[Words]) -> Markup {
    html! {
        @for w in words {
            @match w {
                Words::Text(t) => { (para("para", t)) }
                Words::Placeholder(t) => { (para("para placeholder", t)) }
            }
        }
    }
}

/// I.4 the index (when the plan has one) and the assessment.
fn index_and_assessment(report: &Report) -> Markup {
    html! {
        @if let Some((sentence, groups)) = outline::index_part(report) {
            h3 { (Text(outline::heading_index(report.lang))) } "\n"
            (para("para", &sentence))
            @for g in &groups {
                h4 { (Text(&g.heading)) } "\n"
                ul { @for line in &g.lines { li { (Text(line)) } } } "\n"
            }
        }
        h3 { (Text(&outline::heading_assessment(report))) } "\n"
        (paragraphs(&outline::words(report, NoteKind::Assessment)))
    }
}

/// The recipients beside the signer.
fn sign(report: &Report) -> Markup {
    let l = report.lang;
    html! {
        div class="sign" {
            "\n"
            div class="recipients" {
                p class="h" { (Text(words::recipients_heading(l))) }
                ul { @for line in words::recipient_lines(report) { li { (Text(&line)) } } }
            }
            "\n"
            div class="signer" {
                @if let Some(s) = &report.signer {
                    @let (lines, name) = words::signer_lines(s);
                    @for line in lines { p { (Text(&line)) } }
                    p class="name" { (Text(&name)) }
                }
            }
            "\n"
        }
        "\n"
    }
}

/// The page. Its long parts (the section tables aside) are written here rather than by
/// functions of their own: each `html!` fills a buffer of its own, and a part made apart
/// would be copied once more into the page (megabytes at 10,000 tasks).
pub fn render(report: &Report) -> String {
    let l = report.lang;
    let shortcomings = words::shortcomings(report);
    let body = html! {
        article class="sheet" {
            "\n"
            (head(report))
            h1 class="kind" { (Text(words::kind(l))) } "\n"
            p class="subject" { (Text(&report.subject)) }
            hr class="rule subject-rule";
            "\n"
            @if let Some(to) = words::to_line(report) {
                (para("to", &to))
            }
            @for p in words::preamble(report) {
                (para("para", &p))
            }
            (para("window", &words::window_sentence(report)))

            h2 { (Text(words::heading_results(l))) } "\n"
            h3 { (Text(words::heading_figures(l))) } "\n"
            (figures(report))

            h3 { (Text(words::heading_sections(l))) } "\n"
            @if report.sections.is_empty() {
                (para("para", words::no_items(l)))
            }
            @for s in &report.sections {
                h4 { (Text(&words::section_heading(&s.id, &s.title, &s.tally, l))) } "\n"
                (table(
                    &words::section_table(s, l),
                    |_| "",
                    |row, col| match col {
                        0 => "id",
                        4 => s.items.get(row).map_or("", |i| status_class(i.status)),
                        _ => "",
                    },
                ))
            }

            h3 { (Text(words::heading_activities(l))) } "\n"
            (activities(report))
            (index_and_assessment(report))

            // II to IV: the shortcomings, the next period and the proposals.
            h2 { (Text(words::heading_shortcomings(l))) } "\n"
            @if shortcomings.is_empty() {
                (para("para", words::no_shortcomings(l)))
            }
            @for g in &shortcomings {
                h4 { (Text(&g.heading)) } "\n"
                ul { @for line in &g.lines { li { (Text(line)) } } } "\n"
            }
            @let causes = outline::words(report, NoteKind::Cause);
            @if !causes.is_empty() {
                h4 { (Text(&outline::heading_causes(report, shortcomings.len()))) } "\n"
                (paragraphs(&causes))
            }

            h2 { (Text(words::heading_next(l))) } "\n"
            (paragraphs(&outline::words(report, NoteKind::Direction)))
            (para("para", &words::next_sentence(report)))
            h4 { (Text(words::heading_next_due(l))) } "\n"
            @if report.next.due.is_empty() {
                (para("para", words::nothing_due_next(l)))
            } @else {
                (table(&words::next_table(&report.next.due, l), |_| "", |_, col| if col == 0 { "id" } else { "" }))
            }
            @for g in &words::next_groups(report) {
                h4 { (Text(&g.heading)) } "\n"
                ul { @for line in &g.lines { li { (Text(line)) } } } "\n"
            }

            h2 { (Text(words::heading_proposals(l))) } "\n"
            (paragraphs(&outline::words(report, NoteKind::Proposal)))

            (para("closing", &words::closing(report)))
            (sign(report))
        }
        "\n"
    };

    let subtitle = format!("{} — {}", report.header.unit.trim(), words::window_sentence(report));
    crate::render::html::page_styled(l, &report.title, &subtitle, REPORT_CSS, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_escape_and_centre_figures() {
        let t = TableText {
            header: vec!["Mã".into(), "<b>".into()],
            rows: vec![vec!["1".into(), "a & <i>".into()]],
            widths: vec![50, 50],
            centred: vec![false, true],
        };
        let html = table(&t, |_| "", |_, c| if c == 0 { "id" } else { "" }).into_string();
        assert!(html.contains("<th>Mã</th><th class=\"n\">&lt;b&gt;</th>"), "{html}");
        assert!(html.contains("<td class=\"id\">1</td><td class=\"n\">a &amp; &lt;i&gt;</td>"), "{html}");
    }

    #[test]
    fn statuses_have_colours() {
        assert_eq!(status_class(Status::Overdue), "st-overdue");
        assert_eq!(status_class(Status::Open), "");
    }
}
