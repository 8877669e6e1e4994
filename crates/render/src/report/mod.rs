//! The words of the periodic report, shared by its Markdown, text and Word renderers so
//! the three say the same thing: every function here returns plain text (no markup,
//! nothing escaped); each renderer escapes and lays it out its own way.
//!
//! The order follows a Vietnamese periodic report: header, title, the plan and its bases,
//! I. results, II. shortcomings, III. tasks for the next period, IV. proposals, then the
//! recipients (Nơi nhận) and the signer.

pub mod docx;
pub mod html;
pub mod md;
pub mod txt;

use chrono::NaiveDate;

use crate::compute::Status;
use crate::compute::report::{Activity, ActivityKind, LateItem, Report, ResultVsTarget, Tally, TaskRef, UpcomingItem};
use crate::dates::short;
use crate::i18n::Lang;
use crate::period::Period;
use crate::plan::Signer;

/// A table as plain text: the header and the rows.
pub struct TableText {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths (summing to 100), for renderers that size columns.
    pub widths: Vec<u16>,
    /// Columns whose cells are centred (numbers, dates).
    pub centred: Vec<bool>,
}

/// A titled list of lines (a numbered sub-heading with its bullets).
pub struct Group {
    pub heading: String,
    pub lines: Vec<String>,
}

pub fn national_name(l: Lang) -> &'static str {
    l.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM")
}

pub fn motto(l: Lang) -> &'static str {
    l.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
}

/// "BÁO CÁO": the document's kind, printed in capitals above the subject.
pub fn kind(l: Lang) -> &'static str {
    l.pick("BÁO CÁO", "REPORT")
}

pub fn superior_line(r: &Report) -> Option<String> {
    r.header.superior.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_uppercase)
}

pub fn unit_line(r: &Report) -> String {
    r.header.unit.trim().to_uppercase()
}

pub fn number_line(r: &Report) -> String {
    format!("{} {}", r.lang.pick("Số:", "No.:"), r.header.number)
}

pub fn to_line(r: &Report) -> Option<String> {
    r.header.to.as_ref().map(|to| format!("{} {}", r.lang.pick("Kính gửi:", "To:"), to.trim()))
}

/// "quý II/2025": a period in a table cell or a list line.
pub fn period_short(p: Period, l: Lang) -> String {
    match (p, l) {
        (Period::Quarter(y, q), Lang::Vi) => format!("quý {}/{y}", ["", "I", "II", "III", "IV"][q as usize]),
        (Period::Month(y, m), Lang::Vi) => format!("tháng {m}/{y}"),
        _ => p.label(l),
    }
}

/// `46,7%` in Vietnamese, `46.7%` in English; "–" when there is nothing to divide.
pub fn percent(p: Option<f64>, l: Lang) -> String {
    match p {
        None => "–".to_string(),
        Some(p) => {
            let s = format!("{p:.1}%");
            if l == Lang::Vi { s.replace('.', ",") } else { s }
        }
    }
}

/// "+16,7" / "−3" / "0": a change, signed.
fn signed(x: f64, decimals: usize, l: Lang) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let s = if l == Lang::Vi { s.replace('.', ",") } else { s };
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 {
        format!("−{s}")
    } else {
        "0".to_string()
    }
}

/// The paragraphs before section I: the bases, the plan, and what the report covers.
pub fn preamble(r: &Report) -> Vec<String> {
    let l = r.lang;
    let mut out: Vec<String> = r
        .plan
        .bases
        .iter()
        .map(|b| format!("{} {};", l.pick("Thực hiện", "Pursuant to"), crate::render::document(b, l)))
        .collect();
    let mut plan = r.plan.title.trim().to_string();
    match (&r.plan.number, r.plan.date) {
        (Some(n), Some(d)) => {
            plan.push_str(&format!(" ({} {n} {} {})", l.pick("số", "no."), l.pick("ngày", "of"), short(d)))
        }
        (Some(n), None) => plan.push_str(&format!(" ({} {n})", l.pick("số", "no."))),
        (None, Some(d)) => plan.push_str(&format!(" ({} {})", l.pick("ngày", "of"), short(d))),
        (None, None) => {}
    }
    out.push(match l {
        Lang::Vi => format!("Thực hiện {plan} của {};", r.plan.unit.trim()),
        Lang::En => format!("Pursuant to the {} of {};", plan, r.plan.unit.trim()),
    });
    out.push(match l {
        Lang::Vi => {
            format!("{} báo cáo kết quả thực hiện kế hoạch trong {} như sau:", r.plan.unit.trim(), r.period_label)
        }
        Lang::En => format!("{} reports on the results for {} as follows:", r.plan.unit.trim(), r.period_label),
    });
    out
}

/// The window the report covers, the day its figures are taken on, and its deadline.
pub fn window_sentence(r: &Report) -> String {
    let l = r.lang;
    let w = &r.window;
    let mut s = match l {
        Lang::Vi => format!(
            "Kỳ báo cáo: từ ngày {} đến ngày {} ({}); hạn gửi báo cáo: ngày {}.",
            short(w.from),
            short(w.to),
            r.calendar.label(l),
            short(w.due)
        ),
        Lang::En => format!(
            "Reporting window: {} to {} ({}); the report is due on {}.",
            short(w.from),
            short(w.to),
            r.calendar.label(l),
            short(w.due)
        ),
    };
    if r.as_of < w.to {
        s.push_str(&match l {
            Lang::Vi => format!(" Số liệu tính đến ngày {}.", short(r.as_of)),
            Lang::En => format!(" Figures as of {}.", short(r.as_of)),
        });
    }
    s
}

pub fn heading_results(l: Lang) -> &'static str {
    l.pick("I. KẾT QUẢ THỰC HIỆN", "I. RESULTS")
}
pub fn heading_figures(l: Lang) -> &'static str {
    l.pick("1. Số liệu chung", "1. Overall figures")
}
pub fn heading_sections(l: Lang) -> &'static str {
    l.pick("2. Kết quả theo từng phần của kế hoạch", "2. Results by section of the plan")
}
pub fn heading_activities(l: Lang) -> &'static str {
    l.pick("3. Nội dung đã thực hiện trong kỳ", "3. What was done in the period")
}
pub fn heading_shortcomings(l: Lang) -> &'static str {
    l.pick("II. TỒN TẠI, HẠN CHẾ", "II. SHORTCOMINGS")
}
pub fn heading_next(l: Lang) -> &'static str {
    l.pick("III. NHIỆM VỤ KỲ TỚI", "III. TASKS FOR THE NEXT PERIOD")
}
pub fn heading_proposals(l: Lang) -> &'static str {
    l.pick("IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS")
}

/// The names of the figures, in the rows' order of [`figures_table`]: total, done on time,
/// done late, open on schedule, overdue, not started, ongoing, completion rate.
pub fn figure_labels(l: Lang) -> [&'static str; 8] {
    [
        l.pick("Tổng số việc", "Items in total"),
        l.pick("Hoàn thành đúng hạn", "Done on time"),
        l.pick("Hoàn thành quá hạn", "Done late"),
        l.pick("Đang thực hiện trong hạn", "Open, on schedule"),
        l.pick("Quá hạn, chưa hoàn thành", "Overdue"),
        l.pick("Chưa đến kỳ", "Not started"),
        l.pick("Thường xuyên, không có thời hạn", "Ongoing, no deadline"),
        l.pick("Tỷ lệ hoàn thành", "Completion rate"),
    ]
}

/// The heading of the change column of [`figures_table`].
pub fn change_label(l: Lang) -> &'static str {
    l.pick("Tăng, giảm so với kỳ trước", "Change from previous")
}

/// "+16,7 điểm %": the change of the completion rate from the previous report.
pub fn change_points(r: &Report) -> String {
    let l = r.lang;
    r.figures
        .change_points
        .map_or_else(|| "–".to_string(), |c| format!("{} {}", signed(c, 1, l), l.pick("điểm %", "pts")))
}

/// The figures: the period, the year to date, the previous report and the change.
pub fn figures_table(r: &Report) -> TableText {
    let l = r.lang;
    let f = &r.figures;
    let header = vec![
        l.pick("Chỉ tiêu", "Figure").to_string(),
        format!("{} ({})", l.pick("Trong kỳ", "This period"), period_short(r.period, l)),
        format!("{} {}", l.pick("Lũy kế từ", "Year to date from"), short(f.year_from)),
        format!("{} ({})", l.pick("Kỳ trước", "Previous"), period_short(f.previous.period, l)),
        change_label(l).to_string(),
    ];
    type Figure = fn(&Tally) -> usize;
    let labels = figure_labels(l);
    let rows_of: [(&str, Figure); 7] = [
        (labels[0], |t| t.counts.total),
        (labels[1], |t| t.counts.done_on_time),
        (labels[2], |t| t.counts.done_late),
        (labels[3], |t| t.counts.open),
        (labels[4], |t| t.counts.overdue),
        (labels[5], |t| t.counts.not_started),
        (labels[6], |t| t.counts.ongoing),
    ];
    let mut rows: Vec<Vec<String>> = rows_of
        .iter()
        .map(|(label, get)| {
            let (now, prev) = (get(&f.period), get(&f.previous.tally));
            vec![
                label.to_string(),
                now.to_string(),
                get(&f.year).to_string(),
                prev.to_string(),
                signed(now as f64 - prev as f64, 0, l),
            ]
        })
        .collect();
    rows.push(vec![
        format!("{} (*)", labels[7]),
        percent(f.period.percent_complete, l),
        percent(f.year.percent_complete, l),
        percent(f.previous.tally.percent_complete, l),
        change_points(r),
    ]);
    TableText { header, rows, widths: vec![28, 18, 18, 18, 18], centred: vec![false, true, true, true, true] }
}

pub fn figures_note(l: Lang) -> &'static str {
    l.pick(
        "(*) Số việc đã hoàn thành trên số việc có thời hạn; nhiệm vụ thường xuyên không tính vào tỷ lệ. Mỗi kỳ của một nhiệm vụ định kỳ được tính là một việc.",
        "(*) Items done out of the items with a deadline; ongoing duties are left out of the rate. Each period of a recurring task counts as one item.",
    )
}

/// One sentence on the period's progress and its change from the previous report.
pub fn change_sentence(r: &Report) -> String {
    let l = r.lang;
    let f = &r.figures;
    let c = &f.period.counts;
    let mut s = match l {
        _ if c.total == 0 => no_items(l).to_string(),
        Lang::Vi => format!(
            "Trong kỳ có {} việc: hoàn thành {} ({} đúng hạn, {} quá hạn), đang thực hiện trong hạn {}, quá hạn chưa hoàn thành {}, thường xuyên {}; tỷ lệ hoàn thành {}.",
            c.total,
            c.done(),
            c.done_on_time,
            c.done_late,
            c.open,
            c.overdue,
            c.ongoing,
            percent(f.period.percent_complete, l)
        ),
        Lang::En => format!(
            "The period holds {} items: {} done ({} on time, {} late), {} open on schedule, {} overdue, {} ongoing; completion rate {}.",
            c.total,
            c.done(),
            c.done_on_time,
            c.done_late,
            c.open,
            c.overdue,
            c.ongoing,
            percent(f.period.percent_complete, l)
        ),
    };
    s.push(' ');
    let prev = &f.previous.label;
    let (before, now) = (percent(f.previous.tally.percent_complete, l), percent(f.period.percent_complete, l));
    s.push_str(&match (f.change_points, l) {
        (None, Lang::Vi) => format!("Chưa so sánh được với {prev} (một trong hai kỳ không có việc có thời hạn)."),
        (None, Lang::En) => format!("No comparison with {prev} (one of the two periods has no item with a deadline)."),
        (Some(c), Lang::Vi) if c > 0.0 => {
            format!(
                "So với {prev}, tỷ lệ hoàn thành tăng {} điểm phần trăm ({before} → {now}).",
                signed(c, 1, l).trim_start_matches('+')
            )
        }
        (Some(c), Lang::Vi) if c < 0.0 => {
            format!(
                "So với {prev}, tỷ lệ hoàn thành giảm {} điểm phần trăm ({before} → {now}).",
                signed(c, 1, l).trim_start_matches('−')
            )
        }
        (Some(_), Lang::Vi) => format!("So với {prev}, tỷ lệ hoàn thành không đổi ({now})."),
        (Some(c), Lang::En) if c > 0.0 => {
            format!("Compared with {prev}, the completion rate rose by {c:.1} percentage points ({before} → {now}).")
        }
        (Some(c), Lang::En) if c < 0.0 => {
            format!("Compared with {prev}, the completion rate fell by {:.1} percentage points ({before} → {now}).", -c)
        }
        (Some(_), Lang::En) => format!("Compared with {prev}, the completion rate is unchanged ({now})."),
    });
    s
}

/// "Phần II. Nhiệm vụ và giải pháp"
pub fn section_name(id: &str, title: &str, l: Lang) -> String {
    format!("{} {id}. {title}", l.pick("Phần", "Section"))
}

/// "Phần II. Nhiệm vụ và giải pháp: hoàn thành 3/5 việc có thời hạn (60,0%)"
pub fn section_heading(id: &str, title: &str, t: &Tally, l: Lang) -> String {
    let base = t.counts.total - t.counts.ongoing;
    let name = section_name(id, title, l);
    match l {
        Lang::Vi => format!(
            "{name}: hoàn thành {}/{base} việc có thời hạn ({})",
            t.counts.done(),
            percent(t.percent_complete, l)
        ),
        Lang::En => format!(
            "{name}: {}/{base} items with a deadline done ({})",
            t.counts.done(),
            percent(t.percent_complete, l)
        ),
    }
}

/// A task's title, with the period for an occurrence of a recurring task.
fn item_title(title: &str, period: Option<Period>, l: Lang) -> String {
    match period {
        Some(p) => format!("{} ({} {})", title.trim(), l.pick("kỳ", "period"), period_short(p, l)),
        None => title.trim().to_string(),
    }
}

fn status_text(status: Status, done: Option<NaiveDate>, days_late: i64, l: Lang) -> String {
    match (status, done) {
        (Status::DoneOnTime, Some(d)) => format!("{} ({})", status.label(l), short(d)),
        (Status::DoneLate, Some(d)) => {
            format!(
                "{} ({}, {} {days_late} {})",
                status.label(l),
                short(d),
                l.pick("trễ", "late by"),
                l.pick("ngày", "days")
            )
        }
        (Status::Overdue, _) => format!("{} ({days_late} {})", status.label(l), l.pick("ngày", "days")),
        _ => status.label(l).to_string(),
    }
}

fn owner_text(owner: &Option<String>, l: Lang) -> String {
    owner.clone().unwrap_or_else(|| l.pick("(chưa giao)", "(unassigned)").to_string())
}

pub fn section_table(s: &crate::compute::report::SectionResult, l: Lang) -> TableText {
    TableText {
        header: vec![
            l.pick("Mã", "Id").into(),
            l.pick("Nội dung", "Task").into(),
            l.pick("Chủ trì", "Owner").into(),
            l.pick("Hạn", "Due").into(),
            l.pick("Kết quả", "Status").into(),
            l.pick("Minh chứng", "Evidence").into(),
        ],
        rows: s
            .items
            .iter()
            .map(|i| {
                vec![
                    i.task.clone(),
                    item_title(&i.title, i.period, l),
                    owner_text(&i.owner, l),
                    i.due.map_or_else(|| "–".into(), short),
                    status_text(i.status, i.done_date, i.days_late, l),
                    if i.evidence.is_empty() { "–".into() } else { i.evidence.join("; ") },
                ]
            })
            .collect(),
        widths: vec![8, 31, 15, 16, 16, 14],
        centred: vec![false, false, false, true, false, false],
    }
}

pub fn no_items(l: Lang) -> &'static str {
    l.pick(
        "Trong kỳ không có việc nào đến hạn, đang thực hiện hoặc hoàn thành.",
        "No item was due, in progress or done in this period.",
    )
}

/// "Nhiệm vụ 4: Chấn chỉnh … (chủ trì: Hiệu trưởng)"
pub fn activity_heading(task: &str, title: &str, owner: &Option<String>, l: Lang) -> String {
    let mut s = format!("{} {task}: {}", l.pick("Nhiệm vụ", "Task"), title.trim());
    if let Some(o) = owner {
        s.push_str(&format!(" ({}: {o})", l.pick("chủ trì", "owner")));
    }
    s
}

/// The result against the target. Measured results are meant to be added here.
pub fn result_lines(r: &ResultVsTarget, l: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &r.target {
        out.push(format!("{}: {}", l.pick("Kết quả cần đạt", "Target"), t.trim()));
    }
    if let Some(m) = &r.measured {
        out.push(measured_line(m, l));
    }
    out
}

/// "Tỷ lệ …: 80% (mục tiêu ≥ 100%), chưa đạt; các kỳ: 2025-Q2 100%, 2025-Q3 80% ↓"
fn measured_line(m: &crate::compute::measures::Measured, l: Lang) -> String {
    let unit = m.unit.as_deref().unwrap_or("");
    let num = |x: f64| {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        if l == Lang::Vi { s.replace('.', ",") } else { s }
    };
    let sign = match m.direction {
        crate::plan::Direction::AtLeast => "≥",
        crate::plan::Direction::AtMost => "≤",
    };
    let target = format!("{} {sign} {}{unit}", l.pick("mục tiêu", "target"), num(m.target));
    let Some(latest) = m.latest else {
        return format!("{}: {} ({target})", m.indicator.trim(), l.pick("chưa có số đo", "not measured yet"));
    };
    let verdict = if m.met == Some(true) { l.pick("đạt", "met") } else { l.pick("chưa đạt", "not met") };
    let series: Vec<String> = m
        .points
        .iter()
        .map(|p| {
            let when = p.period.clone().unwrap_or_else(|| short(p.date));
            let arrow = p.trend.map(|t| format!(" {}", t.arrow())).unwrap_or_default();
            format!("{when} {}{unit}{arrow}", num(p.value))
        })
        .collect();
    format!(
        "{}: {}{unit} ({target}), {verdict}; {}: {}",
        m.indicator.trim(),
        num(latest),
        l.pick("các kỳ", "by period"),
        series.join(", ")
    )
}

/// "05/06/2025: Lập sổ … (Hiệu trưởng). Minh chứng: …"
pub fn activity_line(a: &Activity, l: Lang) -> String {
    let mut s = format!("{}: ", short(a.date));
    match a.kind {
        ActivityKind::Progress => s.push_str(a.text.as_deref().map(str::trim).unwrap_or_default()),
        ActivityKind::Done => {
            s.push_str(l.pick("Hoàn thành", "Done"));
            if let Some(p) = a.period {
                s.push_str(&format!(" {} {}", l.pick("kỳ", "for"), period_short(p, l)));
            }
            match a.status {
                Some(Status::DoneLate) => s.push_str(l.pick(" (quá hạn)", " (late)")),
                Some(Status::DoneOnTime) => s.push_str(l.pick(" (đúng hạn)", " (on time)")),
                _ => {}
            }
            if let Some(note) = a.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                s.push_str(&format!(": {note}"));
            }
        }
    }
    if let Some(by) = &a.by {
        s.push_str(&format!(" ({})", by.trim()));
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    if !a.evidence.is_empty() {
        s.push_str(&format!(" {}: {}.", l.pick("Minh chứng", "Evidence"), a.evidence.join("; ").trim_end_matches('.')));
    }
    s
}

pub fn no_activity(l: Lang) -> &'static str {
    l.pick("Trong kỳ chưa ghi nhận nội dung thực hiện nào.", "Nothing was recorded in this period.")
}

fn late_line(i: &LateItem, l: Lang) -> String {
    let mut s = format!("{} {}: {}", l.pick("Nhiệm vụ", "Task"), i.task, item_title(&i.title, i.period, l));
    s.push_str(&format!(" — {}: {}", l.pick("chủ trì", "owner"), owner_text(&i.owner, l)));
    if let Some(d) = i.due {
        s.push_str(&format!("; {} {}", l.pick("hạn", "due"), short(d)));
    }
    match i.done_date {
        Some(done) => s.push_str(&format!(
            "; {} {}, {} {} {}",
            l.pick("hoàn thành", "done on"),
            short(done),
            l.pick("trễ", "late by"),
            i.days_late,
            l.pick("ngày", "days")
        )),
        None => {
            s.push_str(&format!("; {} {} {}", l.pick("quá hạn", "overdue by"), i.days_late, l.pick("ngày", "days")))
        }
    }
    s.push('.');
    s
}

fn task_line(t: &TaskRef, l: Lang) -> String {
    format!(
        "{} {}: {} — {}: {}.",
        l.pick("Nhiệm vụ", "Task"),
        t.task,
        t.title.trim(),
        l.pick("chủ trì", "owner"),
        owner_text(&t.owner, l)
    )
}

/// II. Shortcomings, as numbered groups (empty groups left out).
pub fn shortcomings(r: &Report) -> Vec<Group> {
    let l = r.lang;
    let s = &r.shortcomings;
    let mut groups = Vec::new();
    let mut push = |heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            groups.push(Group { heading: format!("{}. {heading}", groups.len() + 1), lines });
        }
    };
    push(l.pick("Việc quá hạn, chưa hoàn thành", "Overdue items"), s.overdue.iter().map(|i| late_line(i, l)).collect());
    push(
        l.pick("Việc định kỳ chưa thực hiện đúng kỳ", "Recurring occurrences missed"),
        s.missed.iter().map(|i| late_line(i, l)).collect(),
    );
    push(l.pick("Việc hoàn thành quá hạn", "Items done late"), s.done_late.iter().map(|i| late_line(i, l)).collect());
    push(
        l.pick(
            "Nhiệm vụ thường xuyên chưa ghi nhận kết quả trong kỳ",
            "Ongoing duties with nothing recorded in the period",
        ),
        s.no_activity.iter().map(|t| task_line(t, l)).collect(),
    );
    groups
}

pub fn no_shortcomings(l: Lang) -> &'static str {
    l.pick(
        "Trong kỳ không có việc quá hạn hoặc hoàn thành trễ hạn.",
        "No item was overdue or done late in this period.",
    )
}

/// "Kỳ tới: quý III năm 2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)."
pub fn next_sentence(r: &Report) -> String {
    let n = &r.next;
    match r.lang {
        Lang::Vi => {
            format!("Kỳ tới: {} (từ ngày {} đến ngày {}).", n.label, short(n.window.from), short(n.window.to))
        }
        Lang::En => format!("Next period: {} ({} to {}).", n.label, short(n.window.from), short(n.window.to)),
    }
}

pub fn heading_next_due(l: Lang) -> &'static str {
    l.pick("1. Việc đến hạn trong kỳ tới", "1. Items falling due in the next period")
}

pub fn next_table(items: &[UpcomingItem], l: Lang) -> TableText {
    TableText {
        header: vec![
            l.pick("Mã", "Id").into(),
            l.pick("Nội dung", "Task").into(),
            l.pick("Chủ trì", "Owner").into(),
            l.pick("Hạn", "Due").into(),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    i.task.clone(),
                    item_title(&i.title, i.period, l),
                    owner_text(&i.owner, l),
                    i.due.map_or_else(|| "–".into(), short),
                ]
            })
            .collect(),
        widths: vec![8, 56, 20, 16],
        centred: vec![false, false, false, true],
    }
}

pub fn nothing_due_next(l: Lang) -> &'static str {
    l.pick(
        "Theo kế hoạch, không có việc nào đến hạn trong kỳ tới.",
        "By the plan, nothing falls due in the next period.",
    )
}

/// III.2 and III.3: overdue work to catch up on, ongoing duties that go on.
pub fn next_groups(r: &Report) -> Vec<Group> {
    let l = r.lang;
    let mut groups = Vec::new();
    if !r.next.carried_over.is_empty() {
        groups.push(Group {
            heading: l.pick("2. Khẩn trương hoàn thành các việc quá hạn", "2. Catch up on overdue items").into(),
            lines: r
                .next
                .carried_over
                .iter()
                .map(|i| {
                    format!(
                        "{} {}: {} — {}: {}; {} {}.",
                        l.pick("Nhiệm vụ", "Task"),
                        i.task,
                        item_title(&i.title, i.period, l),
                        l.pick("chủ trì", "owner"),
                        owner_text(&i.owner, l),
                        l.pick("hạn", "due"),
                        i.due.map_or_else(|| "–".into(), short)
                    )
                })
                .collect(),
        });
    }
    if !r.next.ongoing.is_empty() {
        groups.push(Group {
            heading: format!(
                "{}. {}",
                groups.len() + 2,
                l.pick("Tiếp tục thực hiện các nhiệm vụ thường xuyên", "Ongoing duties continue")
            ),
            lines: r.next.ongoing.iter().map(|t| task_line(t, l)).collect(),
        });
    }
    groups
}

/// "Trên đây là báo cáo … của Trường …./."
pub fn closing(r: &Report) -> String {
    match r.lang {
        Lang::Vi => {
            let mut c = r.title.chars();
            let title: String = c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default();
            format!("Trên đây là {title} của {}./.", r.header.unit.trim())
        }
        Lang::En => format!("This concludes the report of {} for {}.", r.header.unit.trim(), r.period_label),
    }
}

pub fn recipients_heading(l: Lang) -> &'static str {
    l.pick("Nơi nhận:", "Recipients:")
}

/// "- Phòng Nội vụ Quận 1;" … "- Lưu: VT."
pub fn recipient_lines(r: &Report) -> Vec<String> {
    let n = r.recipients.len();
    r.recipients.iter().enumerate().map(|(i, x)| format!("- {x}{}", if i + 1 == n { "." } else { ";" })).collect()
}

/// The signature block: the authority and position lines (bold capitals), then the name.
/// An authority with a space is a line of its own ("KT. HIỆU TRƯỞNG" above "PHÓ HIỆU
/// TRƯỞNG"); a bare prefix goes before the position ("Q." + "Hiệu trưởng" →
/// "Q. HIỆU TRƯỞNG").
pub fn signer_lines(s: &Signer) -> (Vec<String>, String) {
    let mut lines = Vec::new();
    let position = s.position.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_uppercase);
    match (s.authority.as_deref().map(str::trim).filter(|a| !a.is_empty()), position) {
        (Some(a), Some(p)) if !a.contains(' ') => lines.push(format!("{} {p}", a.to_uppercase())),
        (Some(a), p) => {
            lines.push(a.to_uppercase());
            lines.extend(p);
        }
        (None, p) => lines.extend(p),
    }
    (lines, s.name.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signer_blocks() {
        let s = |a: Option<&str>, p: Option<&str>| Signer {
            name: "Đỗ Ngọc Chi".into(),
            position: p.map(Into::into),
            authority: a.map(Into::into),
        };
        assert_eq!(signer_lines(&s(None, Some("Hiệu trưởng"))).0, ["HIỆU TRƯỞNG"]);
        assert_eq!(signer_lines(&s(Some("Q."), Some("Hiệu trưởng"))).0, ["Q. HIỆU TRƯỞNG"]);
        assert_eq!(
            signer_lines(&s(Some("KT. Hiệu trưởng"), Some("Phó Hiệu trưởng"))).0,
            ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"]
        );
        assert_eq!(signer_lines(&s(None, None)), (vec![], "Đỗ Ngọc Chi".to_string()));
    }

    #[test]
    fn numbers() {
        assert_eq!(percent(Some(66.7), Lang::Vi), "66,7%");
        assert_eq!(percent(Some(66.7), Lang::En), "66.7%");
        assert_eq!(percent(None, Lang::Vi), "–");
        assert_eq!(signed(16.7, 1, Lang::Vi), "+16,7");
        assert_eq!(signed(-2.0, 0, Lang::En), "−2");
        assert_eq!(signed(0.0, 0, Lang::En), "0");
        assert_eq!(period_short(Period::Quarter(2025, 3), Lang::Vi), "quý III/2025");
    }
}
