//! The self-assessment table as its outputs lay it out (the spreadsheet and the Word
//! document say the same thing): one line per row of the [`AssessTable`] with its cells
//! as text or numbers, and the totals under it, each with the rows it is made of, so the
//! spreadsheet can write them as formulas whose cached values are these figures.
//!
//! A row is counted in the self-score when neither it nor a row above it is not
//! applicable or scored by survey; a parent's score is the sum of its counted children's
//! (none when none of them is scored); the totals are sums of the top rows.

use crate::compute::assess_table::{AssessRow, AssessTable, Scoring};
use crate::i18n::Lang;

/// What the self-score cell of a line holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A number: the self-score, or the sum of the counted children's.
    Score(f64),
    /// Counted, but not scored yet.
    Empty,
    /// Excluded by `par assess na` (or under such a row).
    NotApplicable,
    /// Scored by survey (or under such a row): never self-scored.
    Survey,
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// STT: the criterion's code.
    pub code: String,
    pub title: String,
    pub depth: u8,
    pub max: f64,
    pub mark: Mark,
    /// The evidence, one reference a line.
    pub evidence: Vec<String>,
    /// Giải trình, or why the row is not self-scored.
    pub explanation: String,
    /// Below the maximum or without evidence, and no explanation yet.
    pub needs_explanation: bool,
    /// The lines whose scores make this one's (its direct children that are counted).
    pub parts: Vec<usize>,
    /// An area, or any row with children: set in bold.
    pub bold: bool,
}

/// The totals under the table, each a figure and the lines it is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    /// The set's maximum: the sum of the top lines' maxima.
    pub max_total: f64,
    /// The top lines.
    pub tops: Vec<usize>,
    /// The highest lines scored by survey, and those not applicable: their maxima are
    /// taken from the set's maximum to give the unit's own.
    pub survey: Vec<usize>,
    pub not_applicable: Vec<usize>,
    pub survey_max: f64,
    /// What the unit can score itself.
    pub self_max: f64,
    /// The self-score: the sum of the top lines' scores.
    pub raw: f64,
    /// The raw total rescaled to the set's maximum less the survey criteria, when
    /// criteria are not applicable; `proportional` says whether it is raw × (max_total −
    /// survey) / self_max (else the table's figure, by its set's own method).
    pub rescaled: Option<f64>,
    pub proportional: bool,
    pub method: String,
}

/// The lines and the totals of `table`.
pub fn lines(table: &AssessTable, lang: Lang) -> (Vec<Line>, Totals) {
    let rows = &table.rows;
    let parents = parents(rows);
    // Excluded: not applicable or by survey, itself or through a row above it.
    let mut excluded: Vec<Option<Mark>> = vec![None; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        let own = if row.not_applicable.is_some() {
            Some(Mark::NotApplicable)
        } else if row.scoring == Scoring::Survey {
            Some(Mark::Survey)
        } else {
            None
        };
        excluded[i] = parents[i].and_then(|p| excluded[p]).or(own);
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = *p {
            children[p].push(i);
        }
    }
    // Scores from the bottom up: a child always comes after its parent.
    let mut score: Vec<Option<f64>> = vec![None; rows.len()];
    for i in (0..rows.len()).rev() {
        if excluded[i].is_some() {
            continue;
        }
        let parts: Vec<f64> = children[i].iter().filter_map(|&c| score[c]).collect();
        score[i] = if children[i].is_empty() {
            rows[i].score
        } else if parts.is_empty() {
            None
        } else {
            Some(parts.iter().sum())
        };
    }
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, row)| Line {
            code: row.code.clone(),
            title: row.title.clone(),
            depth: row.depth,
            max: row.max,
            mark: excluded[i].unwrap_or(score[i].map_or(Mark::Empty, Mark::Score)),
            evidence: row.evidence.iter().map(|e| evidence_line(e, lang)).collect(),
            explanation: explanation(row, excluded[i], lang),
            needs_explanation: row.needs_explanation && excluded[i].is_none(),
            parts: children[i].iter().copied().filter(|&c| excluded[c].is_none() && score[c].is_some()).collect(),
            bold: row.depth == 0 || !children[i].is_empty(),
        })
        .collect();
    let tops: Vec<usize> = (0..rows.len()).filter(|&i| parents[i].is_none()).collect();
    let highest = |mark: Mark| -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| excluded[i] == Some(mark) && parents[i].is_none_or(|p| excluded[p].is_none()))
            .collect()
    };
    let (survey, not_applicable) = (highest(Mark::Survey), highest(Mark::NotApplicable));
    let sum_max = |ix: &[usize]| ix.iter().map(|&i| rows[i].max).sum::<f64>();
    let max_total = sum_max(&tops);
    let survey_max = sum_max(&survey);
    let self_max = max_total - survey_max - sum_max(&not_applicable);
    let raw: f64 = tops.iter().filter_map(|&i| score[i]).sum();
    let proportional = table.rescale_method.trim().is_empty() || table.rescale_method.trim() == "proportional";
    let rescaled = table
        .rescaled_total
        .map(|given| if proportional && self_max > 0.0 { raw * (max_total - survey_max) / self_max } else { given });
    let totals = Totals {
        max_total,
        tops,
        survey,
        not_applicable,
        survey_max,
        self_max,
        raw,
        rescaled,
        proportional,
        method: table.rescale_method.clone(),
    };
    (lines, totals)
}

/// The nearest row above each row with a smaller depth.
fn parents(rows: &[AssessRow]) -> Vec<Option<usize>> {
    let mut stack: Vec<usize> = Vec::new();
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            while stack.last().is_some_and(|&s| rows[s].depth >= row.depth) {
                stack.pop();
            }
            let parent = stack.last().copied();
            stack.push(i);
            parent
        })
        .collect()
}

/// "Kế hoạch 15/KH-UBND … (nhiệm vụ 4)": the reference as typed, and the task it came from.
fn evidence_line(e: &crate::compute::assess_table::Evidence, lang: Lang) -> String {
    let text = crate::text::one_line(e.text.trim());
    match &e.from_task {
        Some(task) => format!("{text} ({} {})", lang.pick("nhiệm vụ", "task"), crate::text::one_line(task)),
        None => text,
    }
}

fn explanation(row: &AssessRow, excluded: Option<Mark>, lang: Lang) -> String {
    match (excluded, &row.not_applicable) {
        (Some(Mark::NotApplicable), Some(reason)) => {
            format!("{}: {}", lang.pick("Không áp dụng", "Not applicable"), crate::text::one_line(reason.trim()))
        }
        (Some(Mark::NotApplicable), None) => {
            lang.pick("Không áp dụng (theo tiêu chí trên)", "Not applicable (as the row above)").into()
        }
        (Some(_), _) => lang.pick("Chấm qua khảo sát, không tự chấm", "Scored by survey, not self-scored").into(),
        (None, _) => match &row.explanation {
            Some(text) if !text.trim().is_empty() => crate::text::one_line(text.trim()),
            _ if row.needs_explanation => lang.pick("(cần giải trình)", "(explanation needed)").into(),
            _ => String::new(),
        },
    }
}

/// The self-score cell as text: the number, or what the row is.
pub fn mark_text(mark: Mark, lang: Lang) -> String {
    match mark {
        Mark::Score(x) => points(x, lang),
        Mark::Empty => String::new(),
        Mark::NotApplicable => lang.pick("Không áp dụng", "Not applicable").into(),
        Mark::Survey => lang.pick("Khảo sát", "Survey").into(),
    }
}

/// Points with at most two decimals, without trailing zeros: `8,25`, `4` (a decimal comma
/// in Vietnamese).
pub fn points(x: f64, lang: Lang) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let s = if s == "-0" { "0" } else { s };
    if lang == Lang::Vi { s.replace('.', ",") } else { s.to_string() }
}

/// The document's title: "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025".
pub fn title(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"),
        Lang::En => format!("SELF-ASSESSMENT AND SCORING OF THE PUBLIC ADMINISTRATION REFORM INDEX, {year}"),
    }
}

/// "Bộ tiêu chí: …": the criteria set the table follows.
pub fn set_line(table: &AssessTable, lang: Lang) -> String {
    format!("{}: {}", lang.pick("Bộ tiêu chí", "Criteria set"), crate::text::one_line(table.set_name.trim()))
}

/// The column headings: STT, tiêu chí, điểm tối đa, điểm tự đánh giá, tài liệu kiểm
/// chứng, giải trình.
pub fn headings(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("STT", "No."),
        lang.pick("Tiêu chí", "Criterion"),
        lang.pick("Điểm tối đa", "Max. points"),
        lang.pick("Điểm tự đánh giá", "Self-score"),
        lang.pick("Tài liệu kiểm chứng", "Evidence"),
        lang.pick("Giải trình", "Explanation"),
    ]
}

/// The totals' labels: the set's maximum, the unit's own maximum, the raw self-score and
/// the rescaled one (with its method).
pub fn total_labels(totals: &Totals, lang: Lang) -> [String; 4] {
    let method = if totals.proportional {
        lang.pick("theo tỷ lệ", "proportional").to_string()
    } else {
        crate::text::one_line(totals.method.trim())
    };
    [
        lang.pick("Tổng điểm tối đa của bộ tiêu chí", "Maximum of the criteria set").into(),
        lang.pick(
            "Điểm tối đa đơn vị tự chấm (trừ tiêu chí khảo sát, không áp dụng)",
            "Maximum the unit scores itself (less survey and not-applicable criteria)",
        )
        .into(),
        lang.pick("Tổng điểm tự đánh giá", "Self-score, total").into(),
        match lang {
            Lang::Vi => format!("Điểm tự đánh giá quy đổi ({method})"),
            Lang::En => format!("Self-score rescaled ({method})"),
        },
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::compute::assess_table::Evidence;
    use chrono::NaiveDate;

    pub(crate) fn row(code: &str, depth: u8, max: f64, score: Option<f64>) -> AssessRow {
        AssessRow {
            code: code.into(),
            title: format!("Tiêu chí {code}"),
            depth,
            max,
            scoring: Scoring::SelfAssessed,
            score,
            not_applicable: None,
            evidence: Vec::new(),
            explanation: None,
            needs_explanation: false,
        }
    }

    /// Two areas: 1 (max 10: 1.1 = 4 of 4; 1.2 = 2 of 6, explained) and 2 (max 20: 2.1
    /// survey, 8; 2.2 not applicable, 5; 2.3 = 5 of 7 with two sub-criteria 3 + 2).
    pub(crate) fn sample() -> AssessTable {
        let mut rows = vec![
            row("1", 0, 10.0, Some(6.0)),
            row("1.1", 1, 4.0, Some(4.0)),
            row("1.2", 1, 6.0, Some(2.0)),
            row("2", 0, 20.0, Some(5.0)),
            row("2.1", 1, 8.0, None),
            row("2.2", 1, 5.0, None),
            row("2.3", 1, 7.0, Some(5.0)),
            row("2.3.1", 2, 4.0, Some(3.0)),
            row("2.3.2", 2, 3.0, Some(2.0)),
        ];
        rows[1].evidence.push(Evidence {
            text: "Kế hoạch số 15/KH-UBND ngày 10/01/2025 của UBND phường".into(),
            kind: Some("Kế hoạch".into()),
            number: Some("15/KH-UBND".into()),
            date: NaiveDate::from_ymd_opt(2025, 1, 10),
            issuer: Some("UBND phường".into()),
            path: Some("evidence/kh-15.pdf".into()),
            url: None,
            from_task: Some("4".into()),
        });
        rows[2].explanation = Some("Chưa ban hành quy chế".into());
        rows[4].scoring = Scoring::Survey;
        rows[5].not_applicable = Some("Đơn vị không có thủ tục hành chính".into());
        rows[8].needs_explanation = true;
        AssessTable {
            set_name: "Bộ minh họa / illustrative".into(),
            unit: "Ủy ban nhân dân phường Sài Gòn".into(),
            year: 2025,
            window: (NaiveDate::from_ymd_opt(2024, 12, 15).unwrap(), NaiveDate::from_ymd_opt(2025, 12, 14).unwrap()),
            rows,
            max_total: 30.0,
            self_max: 17.0,
            raw_total: 11.0,
            rescaled_total: Some(11.0 * 22.0 / 17.0),
            rescale_method: "proportional".into(),
        }
    }

    #[test]
    fn totals_worked_out_by_hand() {
        let (lines, t) = lines(&sample(), Lang::Vi);
        // Set: 10 + 20 = 30; survey 2.1 (8), not applicable 2.2 (5): the unit's own 30 − 8 − 5 = 17.
        assert_eq!((t.max_total, t.survey_max, t.self_max), (30.0, 8.0, 17.0));
        // Area 1: 4 + 2 = 6; area 2: 2.3 = 3 + 2 = 5; raw 11, rescaled 11 × 22 / 17.
        assert_eq!(t.raw, 11.0);
        assert!((t.rescaled.unwrap() - 14.235_294).abs() < 1e-6);
        assert_eq!(t.tops, [0, 3]);
        assert_eq!((t.survey.as_slice(), t.not_applicable.as_slice()), (&[4][..], &[5][..]));
        assert_eq!(lines[3].mark, Mark::Score(5.0));
        assert_eq!(lines[3].parts, [6]);
        assert_eq!(lines[6].parts, [7, 8]);
        assert_eq!(lines[4].mark, Mark::Survey);
        assert_eq!(lines[5].mark, Mark::NotApplicable);
        assert_eq!(lines[5].explanation, "Không áp dụng: Đơn vị không có thủ tục hành chính");
        assert_eq!(lines[8].explanation, "(cần giải trình)");
        assert_eq!(lines[1].evidence, ["Kế hoạch số 15/KH-UBND ngày 10/01/2025 của UBND phường (nhiệm vụ 4)"]);
        assert!(lines[0].bold && lines[6].bold && !lines[7].bold);
        assert_eq!(mark_text(lines[4].mark, Lang::En), "Survey");
        assert_eq!(points(14.235_294, Lang::Vi), "14,24");
        assert_eq!(points(4.0, Lang::Vi), "4");
    }

    #[test]
    fn a_row_under_an_excluded_one_is_excluded_and_counted_once() {
        let mut t = sample();
        t.rows[6].not_applicable = Some("x".into());
        let (lines, totals) = lines(&t, Lang::En);
        assert_eq!(lines[7].mark, Mark::NotApplicable);
        assert_eq!(totals.not_applicable, [5, 6]);
        assert_eq!(totals.self_max, 30.0 - 8.0 - 5.0 - 7.0);
        assert_eq!(lines[3].mark, Mark::Empty);
        assert_eq!(totals.raw, 6.0);
    }
}
