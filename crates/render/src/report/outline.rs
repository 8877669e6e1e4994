//! The words of the report's outline that are not counted: the heading of the unit by its
//! kind, the citations with formal dates, the officer's notes (or their placeholders) in
//! I to IV, and the PAR Index in I. Plain text, like [`super`]; each renderer lays it out.

use crate::compute::report::Report;
use crate::compute::report_words::IndexInReport;
use crate::i18n::Lang;
use crate::plan::{Document, NoteKind};

use super::Group;

/// A paragraph of the officer's words, or a placeholder to be seen and filled.
pub enum Words {
    Text(String),
    Placeholder(String),
}

/// The unit's lines in the heading, in capitals: a People's Committee of a ward or
/// commune as "ỦY BAN NHÂN DÂN" over its place; any other unit as its name.
pub fn unit_lines(report: &Report) -> Vec<String> {
    header_unit_lines(&report.header)
}

/// [`unit_lines`] of a heading alone (the self-assessment table has no report).
pub fn header_unit_lines(header: &crate::compute::report::Header) -> Vec<String> {
    let unit = header.unit.trim();
    if !header.unit_kind.is_committee() {
        return vec![unit.to_uppercase()];
    }
    const COMMITTEE: &str = "ỦY BAN NHÂN DÂN";
    let folded = crate::text::fold(unit);
    let place = if folded.starts_with("uy ban nhan dan") {
        // The committee's words, whatever their accents or case, are the first four.
        unit.split_whitespace().skip(4).collect::<Vec<_>>().join(" ")
    } else if folded.starts_with("ubnd") {
        unit.split_whitespace().skip(1).collect::<Vec<_>>().join(" ")
    } else {
        unit.to_string()
    };
    if place.is_empty() { vec![COMMITTEE.to_string()] } else { vec![COMMITTEE.to_string(), place.to_uppercase()] }
}

/// The superior body's line above the unit; none for a People's Committee of a ward or
/// commune, whose heading is its own name alone.
pub fn superior_line(report: &Report) -> Option<String> {
    header_superior_line(&report.header)
}

/// [`superior_line`] of a heading alone.
pub fn header_superior_line(header: &crate::compute::report::Header) -> Option<String> {
    if header.unit_kind.is_committee() {
        return None;
    }
    header.superior.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_uppercase)
}

/// A date as a citation writes it: "ngày 15 tháng 01 năm 2025", "15 January 2025".
fn formal(date: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => crate::dates::long_vi(date),
        Lang::En => format!("of {}", crate::dates::long_en(date)),
    }
}

/// A cited document with its formal date: "Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm
/// 2025 của Ủy ban nhân dân Quận 1 về …".
pub fn citation(document: &Document, lang: Lang) -> String {
    let mut s = document.kind.trim().to_string();
    if let Some(n) = document.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        s.push_str(&format!(" {} {n}", lang.pick("số", "no.")));
    }
    if let Some(date) = document.date {
        s.push_str(&format!(" {}", formal(date, lang)));
    }
    if let Some(i) = document.issuer.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        s.push_str(&format!(" {} {i}", lang.pick("của", "by")));
    }
    if let Some(subj) = document.subject.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        s.push_str(&format!(" {} {subj}", lang.pick("về", "on")));
    }
    s
}

/// The unit's own plan, cited with its number and formal date; a "…" stands for what the
/// plan file does not give, to be filled by hand: "Kế hoạch số … ngày … tháng … năm 2025
/// của Trường … về khắc phục …".
pub fn plan_citation(report: &Report) -> String {
    let (l, p) = (report.lang, &report.plan);
    let title = p.title.trim();
    let number = p.number.as_deref().map(str::trim).filter(|n| !n.is_empty()).unwrap_or("…");
    let date = match (p.date, l) {
        (Some(d), _) => formal(d, l),
        (None, Lang::Vi) => format!("ngày … tháng … năm {}", p.year),
        (None, Lang::En) => format!("of … {}", p.year),
    };
    let unit = p.unit.trim();
    // "Kế hoạch khắc phục …" cited as "Kế hoạch số … ngày … của … về khắc phục …".
    let kind = p.kind.as_deref().map(str::trim).filter(|k| !k.is_empty());
    match (kind.and_then(|k| strip_prefix_fold(title, k)), l) {
        (Some((k, rest)), Lang::Vi) if !rest.is_empty() => format!("{k} số {number} {date} của {unit} về {rest}"),
        (_, Lang::Vi) => format!("{title} số {number} {date} của {unit}"),
        (_, Lang::En) => format!("the {title}, no. {number} {date}, of {unit}"),
    }
}

/// `title` without its first words when they are `prefix` (any case): the words as the
/// title writes them, and the rest.
fn strip_prefix_fold<'a>(title: &'a str, prefix: &str) -> Option<(&'a str, &'a str)> {
    let n = prefix.len();
    let head = title.get(..n)?;
    (head.to_lowercase() == prefix.to_lowercase() && title[n..].starts_with(' ')).then(|| (head, title[n..].trim()))
}

/// The paragraphs before section I: the bases (formal dates), the unit's plan, and what
/// the report covers.
pub fn preamble(report: &Report) -> Vec<String> {
    let l = report.lang;
    let mut out: Vec<String> = report
        .plan
        .bases
        .iter()
        .map(|b| format!("{} {};", l.pick("Thực hiện", "Pursuant to"), citation(b, l)))
        .collect();
    out.push(format!("{} {};", l.pick("Thực hiện", "Pursuant to"), plan_citation(report)));
    out.push(match l {
        Lang::Vi => {
            format!("{} báo cáo kết quả thực hiện kế hoạch {} như sau:", report.plan.unit.trim(), report.period_label)
        }
        Lang::En => {
            format!("{} reports on the results for {} as follows:", report.plan.unit.trim(), report.period_label)
        }
    });
    out
}

/// The notes of `kind` for the period, or the placeholder that stands for them; nothing
/// when neither applies (causes of a period without shortcomings).
pub fn words(report: &Report, kind: NoteKind) -> Vec<Words> {
    if let Some(p) = report.placeholder(kind) {
        return vec![Words::Placeholder(p.text(report.lang))];
    }
    let notes = match kind {
        NoteKind::Assessment => &report.notes.assessment,
        NoteKind::Cause => &report.notes.cause,
        NoteKind::Direction => &report.notes.direction,
        NoteKind::Proposal => &report.proposals,
    };
    let numbered = kind == NoteKind::Proposal && notes.len() > 1;
    notes
        .iter()
        .enumerate()
        .map(|(i, n)| Words::Text(if numbered { format!("{}. {}", i + 1, n.trim()) } else { n.trim().to_string() }))
        .collect()
}

/// The number of I's sub-heading after figures, sections and what was done: 4 for the
/// index when the report has one, then the assessment.
fn results_next(report: &Report) -> usize {
    if report.index.is_some() { 5 } else { 4 }
}

pub fn heading_index(lang: Lang) -> &'static str {
    lang.pick("4. Chỉ số cải cách hành chính", "4. The PAR Index")
}

/// "5. Đánh giá chung" (4 without the index).
pub fn heading_assessment(report: &Report) -> String {
    format!("{}. {}", results_next(report), NoteKind::Assessment.label(report.lang))
}

/// "3. Nguyên nhân": after the shortcomings' groups.
pub fn heading_causes(report: &Report, groups: usize) -> String {
    format!("{}. {}", groups + 1, NoteKind::Cause.label(report.lang))
}

/// A number of points: "1,5" / "1.5".
fn points(x: f64, lang: Lang) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if lang == Lang::Vi { s.replace('.', ",") } else { s }
}

fn signed_points(x: f64, lang: Lang) -> String {
    if x > 0.0 {
        format!("+{}", points(x, lang))
    } else if x < 0.0 {
        format!("−{}", points(-x, lang))
    } else {
        "0".into()
    }
}

/// The index in I.4: a sentence on the total, then groups (criteria that rose, fell, lost
/// points without a remedial task; evidence gathered in the period).
pub fn index_part(report: &Report) -> Option<(String, Vec<Group>)> {
    let (l, x) = (report.lang, report.index.as_ref()?);
    let sentence = index_sentence(x, report, l);
    let mut groups = Vec::new();
    let mut push = |heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let letter = ["a", "b", "c", "d"][groups.len()];
            groups.push(Group { heading: format!("{letter}) {heading}"), lines });
        }
    };
    let change = |c: &crate::compute::report_words::CriterionChange| {
        format!(
            "{} {}: {}; {} {} → {} ({} {})",
            l.pick("Tiêu chí", "Criterion"),
            c.code,
            c.title.trim(),
            l.pick("điểm", "points"),
            points(c.last_year, l),
            points(c.forecast, l),
            signed_points(c.change, l),
            l.pick("điểm", "pts")
        )
    };
    push(l.pick("Tiêu chí dự kiến tăng điểm", "Criteria forecast to rise"), x.rose.iter().map(change).collect());
    push(l.pick("Tiêu chí dự kiến giảm điểm", "Criteria forecast to fall"), x.fell.iter().map(change).collect());
    push(
        l.pick(
            "Tiêu chí bị trừ điểm năm trước, chưa có nhiệm vụ khắc phục",
            "Criteria that lost points with no remedial task",
        ),
        x.holes
            .iter()
            .map(|h| {
                format!(
                    "{} {}: {}; {} {} {}",
                    l.pick("Tiêu chí", "Criterion"),
                    h.code,
                    h.title.trim(),
                    l.pick("bị trừ", "lost"),
                    points(h.lost, l),
                    l.pick("điểm", "points")
                )
            })
            .collect(),
    );
    push(
        l.pick("Tài liệu kiểm chứng thu thập trong kỳ", "Evidence gathered in the period"),
        x.evidence
            .iter()
            .map(|c| {
                let refs: Vec<String> = c
                    .evidence
                    .iter()
                    .map(|e| {
                        format!(
                            "{} ({} {}, {})",
                            e.reference.trim(),
                            l.pick("nhiệm vụ", "task"),
                            e.task,
                            crate::dates::short(e.date)
                        )
                    })
                    .collect();
                format!("{} {}: {}", l.pick("Tiêu chí", "Criterion"), c.code, refs.join("; "))
            })
            .collect(),
    );
    Some((sentence, groups))
}

fn index_sentence(x: &IndexInReport, report: &Report, l: Lang) -> String {
    let t = &x.total;
    let as_of = crate::dates::short(report.as_of);
    match l {
        Lang::Vi => format!(
            "Dự kiến tổng điểm Chỉ số đến ngày {as_of}: {}/{} điểm, so với năm trước {} điểm ({} điểm).",
            points(t.forecast, l),
            points(t.max, l),
            points(t.last_year, l),
            signed_points(x.change, l)
        ),
        Lang::En => format!(
            "Forecast index total as of {as_of}: {}/{} points, against {} last year ({} points).",
            points(t.forecast, l),
            points(t.max, l),
            points(t.last_year, l),
            signed_points(x.change, l)
        ),
    }
}

/// Breaks a long run without spaces (a link, a file path) where it can be cut: a
/// zero-width space after `/`, `?`, `&`, `=`, `_` and `-` in words longer than 30
/// characters, so a narrow table cell wraps it instead of overflowing.
pub fn breakable(text: &str) -> String {
    if !text.split_whitespace().any(|w| w.chars().count() > 30) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().count() <= 30 {
            out.push_str(word);
            continue;
        }
        for c in word.chars() {
            out.push(c);
            if matches!(c, '/' | '?' | '&' | '=' | '_' | '-' | '.') {
                out.push('\u{200b}');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_write_formal_dates() {
        let d = Document {
            kind: "Kế hoạch".into(),
            number: Some("16/KH-UBND".into()),
            date: chrono::NaiveDate::from_ymd_opt(2025, 1, 15),
            issuer: Some("Ủy ban nhân dân Quận 1".into()),
            subject: Some("cải cách hành chính".into()),
        };
        assert_eq!(
            citation(&d, Lang::Vi),
            "Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1 về cải cách hành chính"
        );
        assert_eq!(
            citation(&d, Lang::En),
            "Kế hoạch no. 16/KH-UBND of 15 January 2025 by Ủy ban nhân dân Quận 1 on cải cách hành chính"
        );
    }

    #[test]
    fn long_links_break() {
        let url = "https://dichvucong.hochiminhcity.gov.vn/vi/procedure/search?keyword=abc";
        let b = breakable(url);
        assert!(b.contains("https:/\u{200b}/\u{200b}"), "{b}");
        assert_eq!(b.replace('\u{200b}', ""), url);
        assert_eq!(breakable("Biên bản họp 05/6"), "Biên bản họp 05/6");
    }

    #[test]
    fn prefixes() {
        assert_eq!(strip_prefix_fold("Kế hoạch khắc phục X", "kế hoạch"), Some(("Kế hoạch", "khắc phục X")));
        assert_eq!(strip_prefix_fold("Kế hoạchX", "Kế hoạch"), None);
    }
}
