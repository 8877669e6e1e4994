//! `par export DIR`: many units' plans as one table of items (every row carries the unit's
//! code and name), a table of units and one of criteria across units. The plans are those
//! the roll-up counts (`par rollup`): one per unit, of the year.

use super::{Sheet, V, col, wide};
use crate::compute::export::Export;
use crate::compute::rollup::RollupReport;
use crate::i18n::Lang;

/// One unit's export, with the unit's code (`[plan] code`, else the roster's).
pub struct UnitExport {
    pub code: Option<String>,
    pub export: Export,
}

/// Items: one row per item (a one-off task, a period of a recurring task, an ongoing duty).
pub fn items_sheet(units: &[UnitExport], lang: Lang) -> Sheet {
    let l = lang;
    let mut rows = Vec::new();
    for u in units {
        for o in &u.export.occurrences {
            rows.push(vec![
                V::opt(u.code.as_deref()),
                V::text(&u.export.unit),
                V::text(&o.key),
                V::text(&o.task),
                V::opt(o.period_label.as_deref()),
                V::text(&o.title),
                V::opt(o.owner.as_deref()),
                V::Date(o.due),
                V::text(o.status.label(l)),
                V::Date(o.done_date),
                V::Int(o.days_late),
            ]);
        }
    }
    Sheet {
        name: l.pick("Việc", "Items"),
        columns: vec![
            col(l.pick("Mã đơn vị", "Unit code"), 14.0),
            wide(l.pick("Đơn vị", "Unit"), 30.0),
            col(l.pick("Mã", "Key"), 12.0),
            col(l.pick("Nhiệm vụ", "Task"), 8.0),
            col(l.pick("Kỳ", "Period"), 16.0),
            wide(l.pick("Nội dung", "Title"), 50.0),
            col(l.pick("Chủ trì", "Owner"), 20.0),
            col(l.pick("Hạn", "Due"), 12.0),
            col(l.pick("Tình trạng", "Status"), 22.0),
            col(l.pick("Ngày xong", "Done on"), 12.0),
            col(l.pick("Số ngày trễ", "Days late"), 10.0),
        ],
        rows,
    }
}

/// Units: the roll-up's row of each unit.
pub fn units_sheet(report: &RollupReport, lang: Lang) -> Sheet {
    let l = lang;
    let rows = report
        .units
        .iter()
        .map(|u| {
            let n = |x: usize| V::Int(x as i64);
            vec![
                V::opt(u.code.as_deref()),
                V::text(&u.unit),
                n(u.tasks),
                n(u.items.total),
                n(u.items.done()),
                n(u.items.overdue),
                V::Num(u.percent_complete),
                V::Num(u.on_time_rate),
                V::Num(u.report.as_ref().and_then(|r| r.tally.percent_complete)),
                V::Num(u.report.as_ref().and_then(|r| r.year.percent_complete)),
                V::Num(u.report.as_ref().and_then(|r| r.change_points)),
                V::Date(u.last_entry),
                V::Num(u.index_forecast),
                V::Num(u.index_max),
                V::text(&u.path),
            ]
        })
        .collect();
    Sheet {
        name: l.pick("Đơn vị", "Units"),
        columns: vec![
            col(l.pick("Mã đơn vị", "Unit code"), 14.0),
            wide(l.pick("Đơn vị", "Unit"), 30.0),
            col(l.pick("Nhiệm vụ", "Tasks"), 9.0),
            col(l.pick("Số việc", "Items"), 9.0),
            col(l.pick("Đã xong", "Done"), 9.0),
            col(l.pick("Quá hạn", "Overdue"), 9.0),
            col(l.pick("Hoàn thành (%)", "Complete (%)"), 12.0),
            col(l.pick("Tỷ lệ đúng hạn (%)", "On-time rate (%)"), 12.0),
            col(l.pick("Trong kỳ (%)", "Period (%)"), 12.0),
            col(l.pick("Lũy kế (%)", "Year to date (%)"), 12.0),
            col(l.pick("Thay đổi (điểm %)", "Change (points)"), 12.0),
            col(l.pick("Ghi nhận gần nhất", "Last entry"), 12.0),
            col(l.pick("Dự báo Chỉ số", "Index forecast"), 12.0),
            col(l.pick("Điểm tối đa", "Index maximum"), 12.0),
            wide(l.pick("Tệp", "File"), 40.0),
        ],
        rows,
    }
}

/// Criteria: per set and criterion, the units with a task, at risk, without a task.
pub fn criteria_sheet(report: &RollupReport, lang: Lang) -> Sheet {
    let l = lang;
    let mut rows = Vec::new();
    for set in &report.criteria {
        for k in &set.criteria {
            rows.push(vec![
                V::text(&set.name),
                V::text(&k.code),
                V::text(&k.title),
                V::Num(Some(k.max)),
                V::Int(set.units as i64),
                V::Int(k.units_with_task as i64),
                V::list(&k.at_risk),
                V::list(&k.lost_without_task),
                V::list(&k.last_year_missing),
                V::text(if k.uncovered { l.pick("có", "yes") } else { "" }),
            ]);
        }
    }
    Sheet {
        name: l.pick("Tiêu chí", "Criteria"),
        columns: vec![
            wide(l.pick("Bộ tiêu chí", "Criteria set"), 20.0),
            col(l.pick("Tiêu chí", "Criterion"), 10.0),
            wide(l.pick("Nội dung", "Title"), 40.0),
            col(l.pick("Điểm tối đa", "Maximum"), 10.0),
            col(l.pick("Số đơn vị", "Units"), 9.0),
            col(l.pick("Đơn vị có nhiệm vụ", "Units with a task"), 12.0),
            wide(l.pick("Đơn vị có nguy cơ", "Units at risk"), 30.0),
            wide(l.pick("Mất điểm, không có nhiệm vụ", "Lost points, no task"), 30.0),
            wide(l.pick("Thiếu điểm năm trước", "Last year missing"), 30.0),
            col(l.pick("Không đơn vị nào khắc phục", "Uncovered"), 12.0),
        ],
        rows,
    }
}
