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
fn unit_headers(l: Lang) -> [&'static str; 10] {
    [
        l.pick("Đơn vị", "Unit"),
        l.pick("Nhiệm vụ", "Tasks"),
        l.pick("Số việc", "Items"),
        l.pick("Hoàn thành", "% complete"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Quá hạn", "Overdue"),
        l.pick("Tỷ lệ đúng hạn", "On-time rate"),
        l.pick("Dự báo Chỉ số", "Index forecast"),
        l.pick("Tệp", "File"),
    ]
}

/// The forecast PAR Index score out of its maximum, `82,16/100`; "–" for a plan without an index.
fn index_text(u: &UnitSummary, s: &Style) -> String {
    match (u.index_forecast, u.index_max) {
        (Some(f), Some(m)) => format!("{}/{}", s.points(f), s.points(m)),
        _ => "–".to_string(),
    }
}

fn overdue_headers(l: Lang) -> [&'static str; 6] {
    [
        l.pick("Đơn vị", "Unit"),
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Hạn", "Due"),
        l.pick("Số ngày trễ", "Days late"),
    ]
}

fn dup_label(l: Lang) -> &'static str {
    l.pick("trùng đơn vị", "duplicate unit")
}

fn heading(r: &RollupReport, l: Lang) -> String {
    format!(
        "{} {}",
        l.pick(
            "Tổng hợp tiến độ thực hiện Kế hoạch khắc phục, cải thiện Chỉ số CCHC — đến ngày",
            "PAR Index plans: district rollup — as of"
        ),
        crate::dates::short(r.today)
    )
}

/// "12 đơn vị, 360 nhiệm vụ; hoàn thành 120/300 việc (40,0%); 45 việc quá hạn"
fn summary_line(r: &RollupReport, s: &Style) -> String {
    let l = s.lang;
    let t = &r.total;
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
        s.percent(t.percent_complete),
        t.items.overdue,
        l.pick("việc quá hạn", "overdue"),
        l.pick("tỷ lệ đúng hạn", "on-time rate"),
        s.percent(t.on_time_rate),
    )
}

fn plain(l: Lang) -> Style {
    Style { lang: l, color: false, width: None }
}

/// Warnings in words: duplicates and skipped files, one line each.
fn warnings(r: &RollupReport, l: Lang) -> (Vec<String>, Vec<String>) {
    let dups = r
        .duplicates
        .iter()
        .map(|d| {
            format!(
                "{} “{}” {} {} {}: {}",
                l.pick("Đơn vị", "Unit"),
                crate::text::one_line(&d.unit),
                l.pick("có trong", "is claimed by"),
                d.paths.len(),
                l.pick("tệp", "files"),
                d.paths.iter().map(|p| crate::text::one_line(p)).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    let skipped = r
        .skipped
        .iter()
        .map(|s| {
            format!("{} — {}: {}", crate::text::one_line(&s.path), s.kind.label(l), crate::text::one_line(&s.reason))
        })
        .collect();
    (dups, skipped)
}

fn overdue_title(r: &RollupReport, l: Lang) -> String {
    if r.total.items.overdue > r.overdue.len() {
        format!(
            "{} {} {} {}",
            r.overdue.len(),
            l.pick("việc quá hạn lâu nhất (trong", "most overdue items (of"),
            r.total.items.overdue,
            l.pick("việc quá hạn)", "overdue)")
        )
    } else {
        format!("{} ({})", l.pick("Việc quá hạn", "Overdue items"), r.overdue.len())
    }
}
