//! `par rollup` out: a terminal table ([`table`]), Markdown ([`md`]), CSV ([`csv`]) and a
//! self-contained HTML dashboard ([`html`]). (JSON is the report serialised as it is.) This
//! module holds the words every format shares, so they cannot drift apart.

pub mod csv;
pub mod html;
pub mod md;
pub mod table;

use crate::compute::rollup::{RollupReport, UnitSummary};
use crate::i18n::Lang;
use crate::render::Style;

/// Column headings shared by every format, so they cannot drift apart.
fn unit_headers(lang: Lang) -> [&'static str; 10] {
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

fn dup_label(lang: Lang) -> &'static str {
    lang.pick("trùng đơn vị", "duplicate unit")
}

fn heading(report: &RollupReport, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(
            "Tổng hợp tiến độ thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC — đến ngày",
            "PAR Index plans: district rollup — as of"
        ),
        crate::dates::short(report.today)
    )
}

/// "12 đơn vị, 360 nhiệm vụ; hoàn thành 120/300 việc (40,0%); 45 việc quá hạn"
fn summary_line(report: &RollupReport, style: &Style) -> String {
    let l = style.lang;
    let t = &report.total;
    format!(
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
    )
}

fn plain(lang: Lang) -> Style {
    Style { lang, color: false, width: None }
}

/// Warnings in words: duplicates and skipped files, one line each.
fn warnings(report: &RollupReport, lang: Lang) -> (Vec<String>, Vec<String>) {
    let dups = report
        .duplicates
        .iter()
        .map(|d| {
            format!(
                "{} “{}” {} {} {}: {}",
                lang.pick("Đơn vị", "Unit"),
                crate::text::one_line(&d.unit),
                lang.pick("có trong", "is claimed by"),
                d.paths.len(),
                lang.pick("tệp", "files"),
                d.paths.iter().map(|p| crate::text::one_line(p)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let skipped = report
        .skipped
        .iter()
        .map(|s| {
            format!("{} — {}: {}", crate::text::one_line(&s.path), s.kind.label(lang), crate::text::one_line(&s.reason))
        })
        .collect();
    (dups, skipped)
}

fn overdue_title(report: &RollupReport, lang: Lang) -> String {
    if report.total.items.overdue > report.overdue.len() {
        format!(
            "{} {} {} {}",
            report.overdue.len(),
            lang.pick("việc quá hạn lâu nhất (trong", "most overdue items (of"),
            report.total.items.overdue,
            lang.pick("việc quá hạn)", "overdue)")
        )
    } else {
        format!("{} ({})", lang.pick("Việc quá hạn", "Overdue items"), report.overdue.len())
    }
}
