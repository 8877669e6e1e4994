//! `par rollup`'s dashboard: one self-contained HTML page, written with maud's `html!`
//! (text spliced as [`Text`], escaped), in the page shell of [`crate::render::html`].

use maud::{Markup, html};

use super::{
    attention_title, criteria_lines, index_text, last_entry_text, marks, overdue_headers, overdue_shown, overdue_title,
    period_texts, plain, skipped_lines, summary_line, unit_headers, warning_lines,
};
use crate::compute::Status;
use crate::compute::rollup::{RollupReport, UnitSummary};
use crate::i18n::Lang;
use crate::render::html::{Bar, Kpi, Segment, Table, Td, Text, bar_chart, card, kpis, legend, meter};
use crate::render::{Style, date};

/// How many units the charts show; the table always lists them all.
const CHART_ROWS: usize = 40;

/// The dashboard: one self-contained HTML page.
pub fn render(report: &RollupReport, lang: Lang, all: bool) -> String {
    let l = lang;
    let s = plain(l);
    let body = html! {
        (figures(report, &s))
        (charts(report, &s))
        // Warnings first: they change how the figures read.
        (attention(report, l))
        (units(report, &s))
        (overdue(report, l, all))
        (criteria(report, l))
        p class="more" {
            (Text(l.pick(
                "Thứ tự “kém nhất trước”: nhiều việc quá hạn hơn trước; rồi tỷ lệ hoàn thành thấp hơn; rồi tỷ lệ đúng hạn thấp hơn; rồi tên đơn vị. Một “việc” là một nhiệm vụ làm một lần, một kỳ của nhiệm vụ định kỳ, hoặc một nhiệm vụ thường xuyên (không tính vào tỷ lệ hoàn thành).",
                "“Worst first”: more overdue items first; then lower % complete; then lower on-time rate; then the unit's name. An “item” is a one-off task, one period of a recurring task, or an ongoing duty (left out of % complete).",
            )))
        }
        "\n"
    };
    crate::render::html::page(
        l,
        l.pick("Tổng hợp tiến độ Kế hoạch khắc phục, cải thiện Chỉ số CCHC", "PAR Index plans: rollup"),
        &format!("{} — {}", super::heading(report, l), summary_line(report, &s)),
        body,
    )
}

/// The headline figures.
fn figures(report: &RollupReport, style: &Style) -> Markup {
    let l = style.lang;
    let t = &report.total;
    kpis(&[
        Kpi { value: t.plans.to_string(), label: l.pick("Kế hoạch đơn vị", "Unit plans").into(), tone: "" },
        Kpi { value: t.tasks.to_string(), label: l.pick("Nhiệm vụ", "Tasks").into(), tone: "" },
        Kpi {
            value: style.percent(t.percent_complete),
            label: format!(
                "{} ({}/{})",
                l.pick("Hoàn thành", "Complete"),
                t.items.done(),
                t.items.total - t.items.ongoing
            ),
            tone: "good",
        },
        Kpi {
            value: t.items.overdue.to_string(),
            label: l.pick("Việc quá hạn", "Overdue items").into(),
            tone: if t.items.overdue > 0 { "bad" } else { "good" },
        },
        Kpi {
            value: style.percent(t.on_time_rate), label: l.pick("Tỷ lệ đúng hạn", "On-time rate").into(), tone: ""
        },
        Kpi {
            value: (report.skipped.len() + warning_lines(report, l).len()).to_string(),
            label: l.pick("Tệp bỏ qua, điều cần xem lại", "Files skipped, things to check").into(),
            tone: if report.skipped.is_empty() && warning_lines(report, l).is_empty() { "" } else { "warn" },
        },
    ])
}

/// A unit's name in the charts, marked when something needs a look.
fn chart_name(unit: &UnitSummary) -> String {
    if unit.flags.is_empty() { unit.unit.clone() } else { format!("{} ⚠", unit.unit) }
}

fn empty(text: &str) -> Markup {
    html! { p class="empty" { (Text(text)) } "\n" }
}

/// Charts side by side: progress per unit (stacked by status) and overdue counts.
fn charts(report: &RollupReport, style: &Style) -> Markup {
    let l = style.lang;
    html! {
        div class="charts" {
            "\n"
            (card(
                l.pick("Tiến độ từng đơn vị (% việc có hạn)", "Progress per unit (% of dated items)"),
                progress_chart(report, style),
            ))
            (card(l.pick("Số việc quá hạn theo đơn vị", "Overdue items per unit"), overdue_chart(report, l)))
        }
        "\n"
    }
}

/// The progress of the worst units, stacked by status, with its legend.
fn progress_chart(report: &RollupReport, style: &Style) -> Markup {
    let l = style.lang;
    let shown = &report.units[..report.units.len().min(CHART_ROWS)];
    let progress: Vec<Bar> = shown
        .iter()
        .map(|u| {
            let c = &u.items;
            let base = (c.total - c.ongoing).max(1) as f64;
            let pct = |n: usize| 100.0 * n as f64 / base;
            let seg = |n: usize, class, label: &str| Segment {
                value: pct(n),
                class,
                label: format!("{label}: {n} ({})", style.percent(Some(crate::compute::status::round1(pct(n))))),
            };
            Bar {
                label: chart_name(u),
                segments: vec![
                    seg(c.done_on_time, "s-ontime", Status::DoneOnTime.short_label(l)),
                    seg(c.done_late, "s-late", Status::DoneLate.short_label(l)),
                    seg(c.overdue, "s-overdue", Status::Overdue.short_label(l)),
                    seg(c.open + c.not_started, "s-rest", l.pick("Chưa xong", "Not done yet")),
                ],
                note: style.percent(u.percent_complete),
            }
        })
        .collect();
    html! {
        @if progress.is_empty() {
            (empty(l.pick("Chưa có dữ liệu.", "No data.")))
        } @else {
            (bar_chart(l.pick("Tiến độ từng đơn vị", "Progress per unit"), &progress, 100.0, 720.0))
        }
        (legend(&[
            ("s-ontime", Status::DoneOnTime.short_label(l)),
            ("s-late", Status::DoneLate.short_label(l)),
            ("s-overdue", Status::Overdue.short_label(l)),
            ("s-rest", l.pick("Chưa xong, trong hạn", "Not done, on schedule")),
        ]))
        @if report.units.len() > CHART_ROWS {
            p class="more" {
                (Text(l.pick("Biểu đồ hiện", "The chart shows the"))) " " (CHART_ROWS) " "
                (Text(l.pick("đơn vị kém nhất trong", "worst units of"))) " " (report.units.len()) " "
                (Text(l.pick("; bảng dưới liệt kê đủ.", "; the table below lists them all.")))
            }
            "\n"
        }
    }
}

/// The units with the most overdue items.
fn overdue_chart(report: &RollupReport, lang: Lang) -> Markup {
    let mut late: Vec<&UnitSummary> = report.units.iter().filter(|u| u.items.overdue > 0).collect();
    late.sort_by_key(|u| std::cmp::Reverse(u.items.overdue));
    let max = late.first().map_or(0, |u| u.items.overdue) as f64;
    let bars: Vec<Bar> = late
        .iter()
        .take(CHART_ROWS)
        .map(|u| Bar {
            label: chart_name(u),
            segments: vec![Segment {
                value: u.items.overdue as f64,
                class: "s-overdue",
                label: format!("{}: {}", lang.pick("Quá hạn", "Overdue"), u.items.overdue),
            }],
            note: u.items.overdue.to_string(),
        })
        .collect();
    if bars.is_empty() {
        return empty(lang.pick("Không đơn vị nào có việc quá hạn.", "No unit has overdue items."));
    }
    html! {
        (bar_chart(lang.pick("Số việc quá hạn", "Overdue items"), &bars, max, 480.0))
        @if late.len() > CHART_ROWS {
            p class="more" {
                (Text(lang.pick("Hiện", "Showing"))) " " (CHART_ROWS) "/" (late.len()) " "
                (Text(lang.pick("đơn vị có việc quá hạn.", "units with overdue items.")))
            }
            "\n"
        }
    }
}

/// Warnings and skipped files, if any.
fn attention(report: &RollupReport, lang: Lang) -> Markup {
    let (warnings, skipped) = (warning_lines(report, lang), skipped_lines(report, lang));
    if warnings.is_empty() && skipped.is_empty() {
        return html! {};
    }
    let heading = format!(
        "{} — {}: {}, {}: {}",
        attention_title(lang),
        lang.pick("cảnh báo", "warnings"),
        warnings.len(),
        lang.pick("tệp bỏ qua", "files skipped"),
        skipped.len()
    );
    let list = html! {
        ul class="warn" { @for d in warnings.iter().chain(&skipped) { li { (Text(d)) } } }
        "\n"
    };
    card(&heading, list)
}

/// The cross-unit view per criterion, when the plans have an index.
fn criteria(report: &RollupReport, lang: Lang) -> Markup {
    let lines = criteria_lines(report, lang);
    if lines.is_empty() {
        return html! {};
    }
    let list = html! {
        ul { @for c in &lines { li { (Text(c.trim_start())) } } }
        "\n"
    };
    card(lang.pick("Theo tiêu chí Chỉ số CCHC", "By PAR Index criterion"), list)
}

/// The units table, worst first, and the total.
fn units(report: &RollupReport, style: &Style) -> Markup {
    let l = style.lang;
    let t = &report.total;
    let heading = l.pick("Theo đơn vị (kém nhất trước)", "By unit (worst first)");
    if report.units.is_empty() {
        return card(heading, empty(l.pick("Không đọc được kế hoạch nào.", "No plan could be read.")));
    }
    let h = unit_headers(l);
    let mut tbl = Table::new(&[
        ("#", true),
        (h[0], false),
        (h[1], true),
        (h[2], true),
        (h[3], false),
        (h[4], true),
        (h[5], true),
        (h[6], true),
        (h[7], true),
        (h[8], true),
        (h[9], true),
        (h[10], true),
        (h[11], true),
        (h[12], true),
        (h[13], false),
    ]);
    for (i, u) in report.units.iter().enumerate() {
        let [p, y, ch] = period_texts(u, style);
        let unit = html! {
            (Text(&u.unit))
            @for m in marks(u, l) {
                " " span class="flag" { "⚠ " (Text(&m)) }
            }
        };
        tbl.row(vec![
            Td::num(i + 1),
            Td::html(unit).class("unit"),
            Td::num(u.tasks),
            Td::num(u.items.total),
            Td::html(meter(u.percent_complete, &style.percent(u.percent_complete))).class("nowrap"),
            Td::num(u.items.done_on_time),
            Td::num(u.items.done_late),
            if u.items.overdue > 0 { Td::num(u.items.overdue).class("bad") } else { Td::num(0) },
            Td::num(style.percent(u.on_time_rate)),
            Td::num(index_text(u, style)),
            Td::num(p),
            Td::num(y),
            Td::num(ch),
            Td::num(last_entry_text(u)),
            Td::html(crate::render::html::path(&u.shown_path)).class("path"),
        ]);
    }
    tbl.row_class(
        "total",
        vec![
            Td::text(""),
            Td::text(l.pick("Cộng", "Total")),
            Td::num(t.tasks),
            Td::num(t.items.total),
            Td::html(meter(t.percent_complete, &style.percent(t.percent_complete))).class("nowrap"),
            Td::num(t.items.done_on_time),
            Td::num(t.items.done_late),
            Td::num(t.items.overdue),
            Td::num(style.percent(t.on_time_rate)),
            Td::text(""),
            Td::num(style.percent(t.period.percent_complete)),
            Td::num(style.percent(t.year.percent_complete)),
            Td::num(super::change_text(t.change_points, style)),
            Td::text(""),
            Td::text(""),
        ],
    );
    card(heading, tbl.finish())
}

/// The most overdue items.
fn overdue(report: &RollupReport, lang: Lang, all: bool) -> Markup {
    let shown = overdue_shown(report, all);
    let inner = if report.overdue.is_empty() {
        empty(lang.pick("Không có việc quá hạn.", "Nothing is overdue."))
    } else {
        let oh = overdue_headers(lang);
        let mut tbl = Table::new(&[
            (oh[0], false),
            (oh[1], false),
            (oh[2], false),
            (oh[3], false),
            (oh[4], false),
            (oh[5], true),
        ]);
        for o in report.overdue.iter().take(shown) {
            tbl.row(vec![
                Td::text(&o.unit),
                Td::text(&o.key),
                Td::text(&o.title),
                Td::text(o.owner.as_deref().unwrap_or("–")),
                Td::text(&date(Some(o.due))),
                Td::num(o.days_late).class("bad"),
            ]);
        }
        tbl.finish()
    };
    card(&overdue_title(report, lang, shown), inner)
}
