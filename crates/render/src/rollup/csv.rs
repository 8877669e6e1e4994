//! `par rollup` as CSV.

use crate::compute::rollup::RollupReport;
use crate::i18n::Lang;

/// CSV: one row per unit (worst first), for a spreadsheet. Totals, the overdue
/// list and warnings are in the other formats.
pub fn render(report: &RollupReport, lang: Lang) -> String {
    use crate::render::csv::{Cell, Csv};
    let l = lang;
    let mut c = Csv::new();
    c.header(&[
        l.pick("Đơn vị", "Unit"),
        l.pick("Tệp", "File"),
        l.pick("Kế hoạch", "Plan"),
        l.pick("Năm", "Year"),
        l.pick("Nhiệm vụ", "Tasks"),
        l.pick("Số việc", "Items"),
        l.pick("Xong đúng hạn", "Done on time"),
        l.pick("Xong trễ hạn", "Done late"),
        l.pick("Đang làm", "Open"),
        l.pick("Quá hạn", "Overdue"),
        l.pick("Chưa đến kỳ", "Not started"),
        l.pick("Thường xuyên", "Ongoing"),
        l.pick("Hoàn thành (%)", "Complete (%)"),
        l.pick("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
        l.pick("Dự báo Chỉ số CCHC", "Index forecast"),
        l.pick("Điểm tối đa của Chỉ số", "Index maximum"),
        l.pick("Trùng đơn vị", "Duplicate unit"),
    ]);
    for u in &report.units {
        let n = |x: usize| Cell::Int(x as i64);
        c.row([
            Cell::Text(&u.unit),
            Cell::Text(&u.path),
            Cell::Text(&u.title),
            Cell::Int(u.year.into()),
            n(u.tasks),
            n(u.items.total),
            n(u.items.done_on_time),
            n(u.items.done_late),
            n(u.items.open),
            n(u.items.overdue),
            n(u.items.not_started),
            n(u.items.ongoing),
            Cell::Num(u.percent_complete),
            Cell::Num(u.on_time_rate),
            Cell::Num(u.index_forecast),
            Cell::Num(u.index_max),
            Cell::Text(if u.duplicate { l.pick("có", "yes") } else { "" }),
        ]);
    }
    c.finish()
}
