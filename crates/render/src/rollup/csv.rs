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
        l.pick("Mã đơn vị", "Unit code"),
        l.pick("Kỳ báo cáo", "Report period"),
        l.pick("Hoàn thành trong kỳ (%)", "Period complete (%)"),
        l.pick("Cả kế hoạch năm (%)", "Whole plan (%)"),
        l.pick("Thay đổi so với kỳ trước (điểm %)", "Change from previous period (points)"),
        l.pick("Ghi nhận gần nhất", "Last entry"),
        l.pick("Im lặng trong kỳ", "Silent in the period"),
        l.pick("Cần xem lại", "Flags"),
        l.pick("Tệp (rút gọn)", "File (shortest)"),
    ]);
    for u in &report.units {
        let n = |x: usize| Cell::Int(x as i64);
        let last = u.last_entry.map(|d| d.to_string()).unwrap_or_default();
        let flags = super::marks(u, l).join("; ");
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
            Cell::Text(u.code.as_deref().unwrap_or("")),
            Cell::Text(u.report.as_ref().map_or("", |r| r.label.as_str())),
            Cell::Num(u.report.as_ref().and_then(|r| r.tally.percent_complete)),
            Cell::Num(u.report.as_ref().and_then(|r| r.year.percent_complete)),
            Cell::Num(u.report.as_ref().and_then(|r| r.change_points)),
            Cell::Text(&last),
            Cell::Text(if u.silent { l.pick("có", "yes") } else { "" }),
            Cell::Text(&flags),
            Cell::Text(&u.shown_path),
        ]);
    }
    c.finish()
}

/// CSV: every overdue item of the counted plans, most days late first.
pub fn overdue(report: &RollupReport, lang: Lang) -> String {
    use crate::render::csv::{Cell, Csv};
    let l = lang;
    let mut c = Csv::new();
    c.header(&[
        l.pick("Đơn vị", "Unit"),
        l.pick("Mã đơn vị", "Unit code"),
        l.pick("Tệp", "File"),
        l.pick("Mã", "Id"),
        l.pick("Nội dung", "Task"),
        l.pick("Chủ trì", "Owner"),
        l.pick("Hạn", "Due"),
        l.pick("Số ngày trễ", "Days late"),
    ]);
    for o in report.overdue.iter() {
        let due = o.due.to_string();
        c.row([
            Cell::Text(&o.unit),
            Cell::Text(o.code.as_deref().unwrap_or("")),
            Cell::Text(&o.path),
            Cell::Text(&o.key),
            Cell::Text(&o.title),
            Cell::Text(o.owner.as_deref().unwrap_or("")),
            Cell::Text(&due),
            Cell::Int(o.days_late),
        ]);
    }
    c.finish()
}

/// CSV: per criteria set and criterion, how many units have a task, are at risk, lost
/// points without a task, lack last year's score.
pub fn criteria(report: &RollupReport, lang: Lang) -> String {
    use crate::render::csv::{Cell, Csv};
    let l = lang;
    let mut c = Csv::new();
    c.header(&[
        l.pick("Bộ tiêu chí", "Criteria set"),
        l.pick("Tiêu chí", "Criterion"),
        l.pick("Nội dung", "Title"),
        l.pick("Điểm tối đa", "Maximum"),
        l.pick("Số đơn vị", "Units"),
        l.pick("Đơn vị có nhiệm vụ", "Units with a task"),
        l.pick("Đơn vị có nguy cơ", "Units at risk"),
        l.pick("Mất điểm, không có nhiệm vụ", "Lost points, no task"),
        l.pick("Thiếu điểm năm trước", "Last year missing"),
        l.pick("Không đơn vị nào khắc phục", "Uncovered"),
    ]);
    for set in &report.criteria {
        for k in &set.criteria {
            let (risk, lost, missing) =
                (k.at_risk.join("; "), k.lost_without_task.join("; "), k.last_year_missing.join("; "));
            c.row([
                Cell::Text(&set.name),
                Cell::Text(&k.code),
                Cell::Text(&k.title),
                Cell::Num(Some(k.max)),
                Cell::Int(set.units as i64),
                Cell::Int(k.units_with_task as i64),
                Cell::Text(&risk),
                Cell::Text(&lost),
                Cell::Text(&missing),
                Cell::Text(if k.uncovered { l.pick("có", "yes") } else { "" }),
            ]);
        }
    }
    c.finish()
}
