//! The self-assessment table (issue #16): from the criteria set, the scores and
//! exclusions recorded in the plan (`[[assess.score]]`, `[[assess.na]]`) and the evidence
//! the linked tasks gathered, what `par assess` prints and its renderers lay out.
//!
//! The rules:
//! - a leaf's self-score is its recorded points; a parent's is the sum of its scored parts
//!   (none scored: no score);
//! - a criterion not applicable (`par assess na`) is left out, with all its parts;
//! - a survey-scored criterion is never self-scored: it is left out of the self-score and
//!   of the maximum the unit can score itself;
//! - `max_total` is the set's maximum (the areas' maxima, survey-scored ones included);
//!   `self_max` is `max_total` less the survey-scored and the not-applicable maxima;
//!   `raw_total` is the sum of the leaves' self-scores;
//! - when something is not applicable, the total is rescaled to what the unit could have
//!   scored without exclusions (proportional: raw × (max_total − survey max) / self_max),
//!   shown next to the raw total; the set may say `rescale = "none"`;
//! - a scored leaf below its maximum, or without any evidence (typed, or gathered by its
//!   linked tasks), needs an explanation (giải trình) before `--final`.

use chrono::NaiveDate;

use super::assess_table::{AssessRow, AssessTable, Evidence, Scoring};
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::Plan;
use crate::plan::sets::{Rescale, SetKind};

fn round2(x: f64) -> f64 {
    // `+ 0.0` turns the -0 of an empty sum into 0.
    (x * 100.0).round() / 100.0 + 0.0
}

/// The assessment window: the reporting year of the plan's calendar (15/12 of the year
/// before to 14/12 with the Decree 09 and reform calendars; the calendar year otherwise).
pub fn window(plan: &Plan) -> (NaiveDate, NaiveDate) {
    let year = plan.meta.year;
    match crate::calendar::window(plan.report.calendar, Period::Year(year), plan.report.due_day) {
        Ok(w) => (w.from, w.to),
        Err(_) => (
            NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid day"),
            NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid day"),
        ),
    }
}

/// The table in Vietnamese (the criteria's own titles).
pub fn table(plan: &Plan, today: NaiveDate) -> Option<AssessTable> {
    table_in(plan, today, Lang::Vi)
}

/// The table with the criteria's titles in `lang` (English where the set gives it).
/// `None` when the plan has no index.
pub fn table_in(plan: &Plan, today: NaiveDate, lang: Lang) -> Option<AssessTable> {
    let index = plan.index.as_ref()?;
    let nodes = &index.nodes;
    let assess = &plan.assess;
    // Not applicable: marked, or under a marked parent (parents come first).
    let mut na: Vec<Option<String>> = vec![None; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        na[i] = assess.na_of(i).map(|x| x.reason.clone()).or_else(|| n.parent.and_then(|p| na[p].clone()));
    }
    let gathered = super::index::evidence(plan, today, lang);
    let mut rows: Vec<AssessRow> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let score = assess.score_of(i);
            let mut evidence: Vec<Evidence> =
                score.map(|s| s.evidence.iter().map(|e| parse_evidence(e)).collect()).unwrap_or_default();
            if n.children.is_empty()
                && let Some(c) = gathered.as_ref().and_then(|g| g.criteria.iter().find(|c| c.code == n.code))
            {
                for e in &c.evidence {
                    if !evidence.iter().any(|x| x.text == e.reference) {
                        let mut parsed = parse_evidence(&e.reference);
                        parsed.from_task = Some(e.task.clone());
                        evidence.push(parsed);
                    }
                }
            }
            let excluded = na[i].is_some() || n.scoring == Scoring::Survey;
            // The recorded score (`[[assess.score]]`, else a `self_score` written in the tree).
            let points = if excluded { None } else { n.self_score };
            let explanation = score.and_then(|s| s.explain.clone());
            let needs_explanation = n.children.is_empty()
                && explanation.is_none()
                && points.is_some_and(|p| p < n.max - 1e-9 || evidence.is_empty());
            AssessRow {
                code: n.code.clone(),
                title: n.display(lang).to_string(),
                depth: (n.depth().saturating_sub(1)).min(2) as u8,
                max: n.max,
                scoring: n.scoring,
                score: points,
                not_applicable: na[i].clone(),
                evidence,
                explanation,
                needs_explanation,
            }
        })
        .collect();
    // Parents add up their scored parts; children come after parents, so go backwards.
    for i in (0..nodes.len()).rev() {
        if nodes[i].children.is_empty() || rows[i].not_applicable.is_some() {
            continue;
        }
        let parts: Vec<f64> = nodes[i].children.iter().filter_map(|&c| rows[c].score).collect();
        rows[i].score = (!parts.is_empty()).then(|| round2(parts.iter().sum()));
    }
    let leaves = || (0..nodes.len()).filter(|&i| nodes[i].children.is_empty());
    let max_total: f64 = nodes.iter().filter(|n| n.parent.is_none()).map(|n| n.max).sum();
    let survey_max: f64 = leaves().filter(|&i| nodes[i].scoring == Scoring::Survey).map(|i| nodes[i].max).sum();
    let na_max: f64 =
        leaves().filter(|&i| na[i].is_some() && nodes[i].scoring != Scoring::Survey).map(|i| nodes[i].max).sum();
    let self_max = round2(max_total - survey_max - na_max);
    let raw_total = round2(leaves().filter_map(|i| rows[i].score).sum());
    let rescaled_total = match index.set.rescale {
        Rescale::Proportional if na_max > 0.0 => {
            Some(if self_max > 0.0 { round2(raw_total * (max_total - survey_max) / self_max) } else { 0.0 })
        }
        _ => None,
    };
    let name = index.name.clone().unwrap_or_else(|| lang.pick("Chỉ số CCHC", "PAR Index").to_string());
    let set_name = match index.set.kind {
        SetKind::Illustrative if !crate::text::fold(&name).contains("minh hoa") => {
            format!("{name} (minh họa / illustrative)")
        }
        _ => name,
    };
    Some(AssessTable {
        set_name,
        unit: plan.meta.unit.clone(),
        year: plan.meta.year,
        window: window(plan),
        rows,
        max_total: round2(max_total),
        self_max,
        raw_total,
        rescaled_total,
        rescale_method: index.set.rescale.keyword().to_string(),
    })
}

/// What blocks `--final`: the codes of the criteria that need an explanation, and of the
/// self-scorable criteria not scored yet (not applicable and survey-scored ones aside).
pub fn final_blockers(table: &AssessTable) -> (Vec<String>, Vec<String>) {
    let leaf = |k: usize| table.rows.get(k + 1).is_none_or(|next| next.depth <= table.rows[k].depth);
    let explain = table.rows.iter().filter(|r| r.needs_explanation).map(|r| r.code.clone()).collect();
    let unscored = (0..table.rows.len())
        .filter(|&k| leaf(k))
        .map(|k| &table.rows[k])
        .filter(|r| r.score.is_none() && r.not_applicable.is_none() && r.scoring != Scoring::Survey)
        .map(|r| r.code.clone())
        .collect();
    (explain, unscored)
}

/// Kinds of documents an evidence reference may start with (compared without diacritics).
const KINDS: &[&str] = &[
    "Kế hoạch",
    "Quyết định",
    "Báo cáo",
    "Công văn",
    "Thông báo",
    "Biên bản",
    "Tờ trình",
    "Chỉ thị",
    "Nghị quyết",
    "Nghị định",
    "Thông tư",
    "Hướng dẫn",
    "Quy chế",
    "Quy định",
    "Giấy mời",
    "Kết luận",
    "Chương trình",
    "Đề án",
    "Danh sách",
    "Sổ",
];

/// Parses an evidence reference as typed: "Kế hoạch 15/KH-UBND ngày 10/01/2025 của UBND
/// phường Bến Nghé", "Báo cáo 120/BC-UBND ngày 05/12/2025; docs/bc120.pdf", "https://…".
/// The parts after a `;` are a file path or a URL; in the first part, a known kind of
/// document at the start, the number (`15/KH-UBND`: digits, a slash, letters), the date
/// after "ngày" (or any `d/m/yyyy`, or "ngày d tháng m năm yyyy") and the issuer after "của".
pub fn parse_evidence(text: &str) -> Evidence {
    let mut e = Evidence {
        text: text.to_string(),
        kind: None,
        number: None,
        date: None,
        issuer: None,
        path: None,
        url: None,
        from_task: None,
    };
    let mut parts = text.split(';').map(str::trim).filter(|p| !p.is_empty());
    let mut head = parts.next().unwrap_or("");
    let mut rest: Vec<&str> = parts.collect();
    // "Báo cáo 7/BC-NBK minh-chung/bc-7.pdf": a last word that is a URL or a document's
    // file name is the file, as if after a `;` (officers rarely type the semicolon).
    if let Some((before, last)) = head.rsplit_once(char::is_whitespace)
        && (is_url(last) || is_document_file(last))
    {
        rest.insert(0, last);
        head = before.trim_end();
    }
    // A reference that is only a URL or a path.
    if is_url(head) || (rest.is_empty() && looks_like_path(head)) {
        rest.insert(0, head);
    } else {
        describe(head, &mut e);
    }
    for p in rest {
        let first = p.split_whitespace().next().unwrap_or("");
        if is_url(first) {
            e.url.get_or_insert_with(|| first.to_string());
        } else if looks_like_path(p) {
            e.path.get_or_insert_with(|| p.to_string());
        }
    }
    e
}

fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// A file name with a document's extension (.pdf, .docx, .xlsx, a scan…), as the last word
/// of a reference: "15/KH-UBND" is a number, "bc-7.pdf" a file.
fn is_document_file(s: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "jpg", "jpeg", "png", "tif", "tiff", "zip", "rar", "txt",
        "md",
    ];
    looks_like_path(s)
        && s.rsplit_once('.')
            .is_some_and(|(a, x)| !a.is_empty() && EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// A file path: no spaces around a name with an extension, or with a folder separator.
fn looks_like_path(s: &str) -> bool {
    !s.is_empty()
        && !s.contains(char::is_whitespace)
        && (s.contains('/')
            || s.contains('\\')
            || s.rsplit_once('.').is_some_and(|(a, x)| !a.is_empty() && x.len() <= 5))
        && !s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Kind, number, date and issuer from the description part of a reference.
fn describe(head: &str, e: &mut Evidence) {
    let folded = crate::text::fold(head);
    let kind = KINDS.iter().find(|k| {
        let fk = crate::text::fold(k);
        folded.starts_with(&fk) && folded[fk.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    });
    e.kind = kind.map(|k| k.to_string());
    let words: Vec<&str> = head.split_whitespace().collect();
    e.number = words
        .iter()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')'))
        .find(|w| {
            let (n, sym) = match w.split_once('/') {
                Some(x) => x,
                None => return false,
            };
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && sym.chars().any(|c| c.is_alphabetic())
        })
        .map(String::from);
    e.date = date_in(&words);
    // The issuer: what follows " của " (up to the end of the description).
    let lower = head.to_lowercase();
    if let Some(at) = lower.find(" của ") {
        let issuer = head[at + " của ".len()..].trim().trim_end_matches(['.', ',']);
        if !issuer.is_empty() {
            e.issuer = Some(issuer.to_string());
        }
    }
}

/// The first date among the words: `10/01/2025` (or `2025-01-10`), else "ngày 10 tháng 1
/// năm 2025".
fn date_in(words: &[&str]) -> Option<NaiveDate> {
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_ascii_digit()).to_string();
    for w in words {
        let c = clean(w);
        if c.len() >= 8
            && let Some(d) = crate::dates::parse_date(&c)
        {
            return Some(d);
        }
    }
    let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
    for k in 0..folded.len().saturating_sub(5) {
        if folded[k] == "ngay" && folded[k + 2] == "thang" && folded[k + 4] == "nam" {
            let (d, m, y) = (clean(words[k + 1]).parse().ok()?, clean(words[k + 3]).parse().ok()?, clean(words[k + 5]));
            let y: i32 = y.parse().ok()?;
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    None
}

/// Whether a date falls in the assessment window.
pub fn in_window(window: (NaiveDate, NaiveDate), date: NaiveDate) -> bool {
    window.0 <= date && date <= window.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_the_usual_references() {
        let e = parse_evidence("Kế hoạch 15/KH-UBND ngày 10/01/2025 của UBND phường Bến Nghé");
        assert_eq!(e.kind.as_deref(), Some("Kế hoạch"));
        assert_eq!(e.number.as_deref(), Some("15/KH-UBND"));
        assert_eq!(e.date, Some(d(2025, 1, 10)));
        assert_eq!(e.issuer.as_deref(), Some("UBND phường Bến Nghé"));
        assert_eq!((e.path, e.url), (None, None));

        let e = parse_evidence("Báo cáo 120/BC-UBND ngày 05/12/2025; docs/bc120.pdf");
        assert_eq!(e.kind.as_deref(), Some("Báo cáo"));
        assert_eq!(e.number.as_deref(), Some("120/BC-UBND"));
        assert_eq!(e.date, Some(d(2025, 12, 5)));
        assert_eq!(e.issuer, None);
        assert_eq!(e.path.as_deref(), Some("docs/bc120.pdf"));

        let e = parse_evidence("https://nbk.edu.vn/tin-tuc/cchc-2025");
        assert_eq!(e.url.as_deref(), Some("https://nbk.edu.vn/tin-tuc/cchc-2025"));
        assert_eq!((e.kind, e.number, e.date), (None, None, None));

        let e = parse_evidence("Biên bản họp Ban Giám hiệu ngày 15/7/2025");
        assert_eq!(e.kind.as_deref(), Some("Biên bản"));
        assert_eq!(e.date, Some(d(2025, 7, 15)));
        assert_eq!(e.number, None);

        let e = parse_evidence("Quyết định số 48/QĐ-NBK ngày 3 tháng 2 năm 2025; https://x.vn/qd48.pdf");
        assert_eq!(e.kind.as_deref(), Some("Quyết định"));
        assert_eq!(e.number.as_deref(), Some("48/QĐ-NBK"));
        assert_eq!(e.date, Some(d(2025, 2, 3)));
        assert_eq!(e.url.as_deref(), Some("https://x.vn/qd48.pdf"));

        let e = parse_evidence("scan/bien-ban.pdf");
        assert_eq!(e.path.as_deref(), Some("scan/bien-ban.pdf"));

        // The file as the last word, without a semicolon; a number is not a file.
        let e = parse_evidence(
            "Báo cáo 7/BC-NBK ngày 05/12/2025 của Trường Tiểu học Nguyễn Bỉnh Khiêm minh-chung/bc-7.pdf",
        );
        assert_eq!(e.path.as_deref(), Some("minh-chung/bc-7.pdf"));
        assert_eq!(e.issuer.as_deref(), Some("Trường Tiểu học Nguyễn Bỉnh Khiêm"));
        assert_eq!(e.number.as_deref(), Some("7/BC-NBK"));
        let e = parse_evidence("Kế hoạch 15/KH-UBND");
        assert_eq!((e.path, e.number.as_deref()), (None, Some("15/KH-UBND")));
    }
}
