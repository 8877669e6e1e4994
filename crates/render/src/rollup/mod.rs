//! `par rollup` out: a terminal table ([`table`]), Markdown ([`md`]), CSV ([`csv`]) and a
//! self-contained HTML dashboard ([`html`]). (JSON is the report serialised as it is.) This
//! module holds the words every format shares, so they cannot drift apart.

pub mod csv;
pub mod html;
pub mod md;
pub mod office;
pub mod table;

use crate::compute::rollup::{RollupReport, SupersedeReason, TOP_OVERDUE, UnitFlag, UnitSummary};
use crate::i18n::Lang;
use crate::render::Style;

/// Column headings shared by every format, so they cannot drift apart.
fn unit_headers(lang: Lang) -> [&'static str; 14] {
    [
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Nhiệm vụ", "Tasks"),
        lang.pick("Số việc", "Items"),
        lang.pick("Hoàn thành", "% complete"),
        lang.pick("Xong đúng hạn", "Done on time"),
        lang.pick("Xong trễ hạn", "Done late"),
        lang.pick("Quá hạn", "Overdue"),
        lang.pick("Tỷ lệ đúng hạn", "On-time rate"),
        lang.pick("Dự báo Chỉ số", "Index forecast"),
        lang.pick("Trong kỳ", "Period"),
        lang.pick("Cả kế hoạch năm", "Whole plan"),
        lang.pick("Thay đổi", "Change"),
        lang.pick("Ghi nhận gần nhất", "Last entry"),
        lang.pick("Tệp", "File"),
    ]
}

/// The forecast PAR Index score out of its maximum, `82,16/100`; "–" for a plan without an index.
fn index_text(unit: &UnitSummary, style: &Style) -> String {
    match (unit.index_forecast, unit.index_max) {
        (Some(f), Some(m)) => format!("{}/{}", style.points(f), style.points(m)),
        _ => "–".to_string(),
    }
}

/// Percentage points, signed: "+12,5", "−3,0", "–" when not known.
fn change_text(points: Option<f64>, style: &Style) -> String {
    match points {
        None => "–".into(),
        Some(p) => {
            let s = format!("{:.1}", p.abs());
            let s = if style.lang == Lang::Vi { s.replace('.', ",") } else { s };
            let sign = if p > 0.0 {
                "+"
            } else if p < 0.0 {
                "−"
            } else {
                "±"
            };
            format!("{sign}{s}")
        }
    }
}

/// The unit's report figures: period %, year-to-date %, change; "–" each when it has none.
fn period_texts(unit: &UnitSummary, style: &Style) -> [String; 3] {
    match &unit.report {
        Some(r) => [
            style.percent(r.tally.percent_complete),
            style.percent(r.year.percent_complete),
            change_text(r.change_points, style),
        ],
        None => ["–".into(), "–".into(), "–".into()],
    }
}

fn last_entry_text(unit: &UnitSummary) -> String {
    unit.last_entry.map_or_else(|| "–".into(), crate::dates::short)
}

fn overdue_headers(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Mã", "Id"),
        lang.pick("Nội dung", "Task"),
        lang.pick("Chủ trì", "Owner"),
        lang.pick("Hạn", "Due"),
        lang.pick("Số ngày trễ", "Days late"),
    ]
}

/// Short marks after a unit's name: empty plan, cut copy, silent, matched by name.
fn marks(unit: &UnitSummary, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for f in &unit.flags {
        out.push(match f {
            UnitFlag::Empty => lang.pick("kế hoạch trống", "empty plan").to_string(),
            UnitFlag::FewerTasks { tasks, other_tasks, .. } => {
                format!("{} {tasks}/{other_tasks} {}", lang.pick("chỉ còn", "only"), lang.pick("nhiệm vụ", "tasks"))
            }
            UnitFlag::MatchedByName { .. } => lang.pick("khớp theo tên", "matched by name").to_string(),
        });
    }
    if unit.silent {
        out.push(lang.pick("im lặng", "silent").to_string());
    }
    out
}

/// A unit's name with its marks: "Trường A (kế hoạch trống)".
fn name_with_marks(unit: &UnitSummary, lang: Lang) -> String {
    let m = marks(unit, lang);
    if m.is_empty() { unit.unit.clone() } else { format!("{} ({})", unit.unit, m.join("; ")) }
}

/// "Năm 2025 · quý III năm 2025 · đến ngày 10/10/2025"
fn heading(report: &RollupReport, lang: Lang) -> String {
    let mut s = format!(
        "{} {}",
        lang.pick(
            "Tổng hợp tiến độ thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC năm",
            "PAR Index plans: rollup for"
        ),
        report.year
    );
    if let Some(p) = &report.period_label {
        s.push_str(&format!(", {p}"));
    }
    s.push_str(&format!(" — {} {}", lang.pick("đến ngày", "as of"), crate::dates::short(report.today)));
    s
}

/// "12 kế hoạch, 360 nhiệm vụ; hoàn thành 120/300 việc (40,0%); 45 việc quá hạn"
fn summary_line(report: &RollupReport, style: &Style) -> String {
    let l = style.lang;
    let t = &report.total;
    let mut s = format!(
        "{} {}, {} {}; {} {}/{} {} ({}); {} {}; {} {}",
        t.plans,
        l.pick("kế hoạch", "plans"),
        t.tasks,
        l.pick("nhiệm vụ", "tasks"),
        l.pick("hoàn thành", "done"),
        t.items.done(),
        t.items.total - t.items.ongoing,
        l.pick("việc có hạn", "items with a deadline"),
        style.percent(t.percent_complete),
        t.items.overdue,
        l.pick("việc quá hạn", "overdue"),
        l.pick("tỷ lệ đúng hạn", "on-time rate"),
        style.percent(t.on_time_rate),
    );
    if t.period.counts.total > 0 {
        s.push_str(&format!(
            "; {} {}, {} {}, {} {}",
            l.pick("trong kỳ", "period"),
            style.percent(t.period.percent_complete),
            l.pick("cả kế hoạch năm", "whole plan"),
            style.percent(t.year.percent_complete),
            l.pick("thay đổi", "change"),
            change_text(t.change_points, style)
        ));
    }
    s
}

fn plain(lang: Lang) -> Style {
    Style { lang, color: false, width: None }
}

/// Everything that changes how the figures read, one line each, in the output language:
/// superseded copies, other years' plans, flagged and silent units, the roster's missing
/// and unknown units, documents. (Skipped files are listed by [`skipped_lines`].)
pub fn warning_lines(report: &RollupReport, lang: Lang) -> Vec<String> {
    use par_core::say;
    let one = crate::text::one_line;
    let mut out = Vec::new();
    for s in &report.superseded {
        let why = match s.reason {
            SupersedeReason::LaterDate => say!(lang, ValueSupersededLaterDate),
            SupersedeReason::LaterFileName => say!(lang, ValueSupersededLaterFileName),
        };
        let (unit, file, by) = (one(&s.unit.unit), one(&s.unit.shown_path), one(&s.by));
        out.push(say!(lang, RollupSuperseded, unit, file, by, why));
    }
    for u in &report.other_year {
        let (unit, file) = (one(&u.unit), one(&u.shown_path));
        out.push(say!(lang, RollupOtherYear, year = u.year, unit, file, counted = report.year));
    }
    for u in &report.units {
        let (unit, file) = (one(&u.unit), one(&u.shown_path));
        for f in &u.flags {
            out.push(match f {
                UnitFlag::Empty => say!(lang, RollupEmptyPlan, unit, file),
                UnitFlag::FewerTasks { tasks, other_tasks, other_path } => {
                    say!(lang, RollupFewerTasks, unit, file, tasks, other = one(other_path), other_tasks)
                }
                UnitFlag::MatchedByName { roster_code } => say!(lang, RollupMatchedByName, unit, code = roster_code),
            });
        }
    }
    for s in &report.silent {
        let last = s.last_entry.map_or_else(|| "–".into(), crate::dates::short);
        out.push(say!(lang, RollupSilent, unit = one(&s.unit), last));
    }
    if let Some(r) = &report.roster {
        let list = |files: &[String]| files.iter().map(|d| one(d)).collect::<Vec<_>>().join(", ");
        for m in &r.missing {
            let mut parts = String::new();
            if !m.documents.is_empty() {
                parts.push_str(&say!(lang, ValueMissingSentDocument, files = list(&m.documents)));
            }
            if !m.other_year.is_empty() {
                parts.push_str(&say!(lang, ValueMissingOtherYear, files = list(&m.other_year)));
            }
            out.push(say!(lang, RollupMissing, code = one(&m.code), name = one(&m.name), parts));
        }
        for u in &r.not_in_roster {
            let code = u.code.as_deref().map(|c| format!(" ({})", one(c))).unwrap_or_default();
            out.push(say!(lang, RollupNotInRoster, unit = one(&u.unit), code, file = one(&u.path)));
        }
    }
    for d in &report.documents {
        out.push(say!(lang, RollupDocument, file = one(d)));
    }
    out
}

/// Skipped files, one line each.
fn skipped_lines(report: &RollupReport, lang: Lang) -> Vec<String> {
    report
        .skipped
        .iter()
        .map(|s| {
            format!("{} — {}: {}", crate::text::one_line(&s.path), s.kind.label(lang), crate::text::one_line(&s.reason))
        })
        .collect()
}

/// How many overdue items a listing shows: all with `--all`, else [`TOP_OVERDUE`].
fn overdue_shown(report: &RollupReport, all: bool) -> usize {
    if all { report.overdue.len() } else { report.overdue.len().min(TOP_OVERDUE) }
}

fn overdue_title(report: &RollupReport, lang: Lang, shown: usize) -> String {
    if report.overdue.len() > shown {
        format!(
            "{} {} {} {}",
            shown,
            lang.pick("việc quá hạn lâu nhất (trong", "most overdue items (of"),
            report.overdue.len(),
            lang.pick("việc quá hạn; --all để xem hết)", "overdue; --all lists them all)"),
        )
    } else {
        format!("{} ({})", lang.pick("Việc quá hạn", "Overdue items"), report.overdue.len())
    }
}

/// "Cần xem lại" heading of the warnings.
fn attention_title(lang: Lang) -> &'static str {
    lang.pick("Cần xem lại", "Needs attention")
}

/// The cross-unit view per criteria set, one line each: the forecast's spread per kind
/// of unit, criteria at risk, uncovered criteria, missing last year's scores, indicators
/// below target.
pub fn criteria_lines(report: &RollupReport, lang: Lang) -> Vec<String> {
    let s = plain(lang);
    let one = crate::text::one_line;
    let mut out = Vec::new();
    for set in &report.criteria {
        let name = if set.name.is_empty() { lang.pick("Chỉ số", "Index") } else { &set.name };
        out.push(format!(
            "{} ({} {}, {} {}):",
            one(name),
            set.units,
            lang.pick("đơn vị", "units"),
            lang.pick("tối đa", "maximum"),
            s.points(set.max)
        ));
        for k in &set.by_kind {
            out.push(format!(
                "  {} {} ({} {}): {} {}–{}, {} {}; {} {}–{}",
                lang.pick("Dự báo, % tối đa —", "Forecast, % of maximum —"),
                one(&k.kind),
                k.units,
                lang.pick("đơn vị", "units"),
                lang.pick("thấp nhất–cao nhất", "min–max"),
                s.percent(Some(k.min)),
                s.percent(Some(k.max)),
                lang.pick("trung vị", "median"),
                s.percent(Some(k.median)),
                lang.pick("mức thấp (tính việc quá hạn là mất điểm)", "low end (overdue work counted as lost)"),
                s.percent(Some(k.low_min)),
                s.percent(Some(k.low_max)),
            ));
        }
        for c in &set.criteria {
            if !c.at_risk.is_empty() {
                out.push(format!(
                    "  {} {} {}: {} {} ({})",
                    lang.pick("Tiêu chí", "Criterion"),
                    one(&c.code),
                    lang.pick("có nguy cơ", "at risk"),
                    c.at_risk.len(),
                    lang.pick("đơn vị có việc liên quan quá hạn", "units with linked work overdue"),
                    c.at_risk.iter().map(|u| one(u)).collect::<Vec<_>>().join(", ")
                ));
            }
            if c.uncovered {
                out.push(format!(
                    "  {} {} “{}”: {} ({} {})",
                    lang.pick("Tiêu chí", "Criterion"),
                    one(&c.code),
                    one(&c.title),
                    lang.pick("không đơn vị nào có nhiệm vụ khắc phục", "no remedial task in any unit"),
                    c.lost_without_task.len(),
                    lang.pick("đơn vị bị mất điểm", "units lost points"),
                ));
            } else if !c.lost_without_task.is_empty() {
                out.push(format!(
                    "  {} {}: {} {} ({})",
                    lang.pick("Tiêu chí", "Criterion"),
                    one(&c.code),
                    c.lost_without_task.len(),
                    lang.pick("đơn vị mất điểm mà không có nhiệm vụ", "units lost points and have no task"),
                    c.lost_without_task.iter().map(|u| one(u)).collect::<Vec<_>>().join(", ")
                ));
            }
            if !c.last_year_missing.is_empty() {
                out.push(format!(
                    "  {} {}: {} ({})",
                    lang.pick("Tiêu chí", "Criterion"),
                    one(&c.code),
                    lang.pick("thiếu điểm năm trước", "last year's score missing"),
                    c.last_year_missing.iter().map(|u| one(u)).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        for i in &set.indicators_below {
            let unit = i.measure_unit.as_deref().unwrap_or("");
            out.push(format!(
                "  {} “{}” {} {}: {}{unit} / {} {}{unit}",
                lang.pick("Chỉ tiêu dưới mục tiêu —", "Indicator below target —"),
                one(&i.unit),
                one(&i.task),
                one(&i.indicator),
                s.points(i.value),
                lang.pick("mục tiêu", "target"),
                s.points(i.target),
            ));
        }
    }
    out
}
