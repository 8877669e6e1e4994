//! The words of the periodic report, shared by its Markdown, text and Word renderers so
//! the three say the same thing: every function here returns plain text (no markup,
//! nothing escaped); each renderer escapes and lays it out its own way.
//!
//! The order follows a Vietnamese periodic report: header, title, the plan and its bases,
//! I. results, II. shortcomings, III. tasks for the next period, IV. proposals, then the
//! recipients (Nơi nhận) and the signer.

pub mod docx;
pub mod docx_data;
pub mod html;
pub mod md;
pub mod outline;
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

pub fn national_name(lang: Lang) -> &'static str {
    lang.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM")
}

pub fn motto(lang: Lang) -> &'static str {
    lang.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
}

/// "BÁO CÁO": the document's kind, printed in capitals above the subject.
pub fn kind(lang: Lang) -> &'static str {
    lang.pick("BÁO CÁO", "REPORT")
}

/// The superior body's line; none for a ward's or commune's People's Committee (see
/// [`outline::superior_line`]).
pub fn superior_line(report: &Report) -> Option<String> {
    outline::superior_line(report)
}

/// The unit's name in one line (the heading splits a committee's: [`outline::unit_lines`]).
pub fn unit_line(report: &Report) -> String {
    outline::unit_lines(report).join(" ")
}

pub fn number_line(report: &Report) -> String {
    format!("{} {}", report.lang.pick("Số:", "No.:"), report.header.number)
}

pub fn to_line(report: &Report) -> Option<String> {
    report.header.to.as_ref().map(|to| format!("{} {}", report.lang.pick("Kính gửi:", "To:"), to.trim()))
}

/// "quý II/2025": a period in a table cell or a list line.
pub fn period_short(period: Period, lang: Lang) -> String {
    match (period, lang) {
        (Period::Quarter(y, q), Lang::Vi) => format!("quý {}/{y}", ["", "I", "II", "III", "IV"][q as usize]),
        (Period::Month(y, m), Lang::Vi) => format!("tháng {m}/{y}"),
        _ => period.label(lang),
    }
}

/// `46,7%` in Vietnamese, `46.7%` in English; "–" when there is nothing to divide.
pub fn percent(value: Option<f64>, lang: Lang) -> String {
    match value {
        None => "–".to_string(),
        Some(value) => {
            let s = format!("{value:.1}%");
            if lang == Lang::Vi { s.replace('.', ",") } else { s }
        }
    }
}

/// "+16,7" / "−3" / "0": a change, signed.
fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let s = if lang == Lang::Vi { s.replace('.', ",") } else { s };
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 {
        format!("−{s}")
    } else {
        "0".to_string()
    }
}

/// The paragraphs before section I: the bases, the plan, and what the report covers
/// (see [`outline::preamble`]).
pub fn preamble(report: &Report) -> Vec<String> {
    outline::preamble(report)
}

/// The day the figures are taken on: the report's date, and when that is before the
/// period's end, the day the period ends. The calendar and the report's deadline are
/// `par status`'s business, not the signed document's.
pub fn window_sentence(report: &Report) -> String {
    let l = report.lang;
    let (w, as_of) = (&report.window, short(report.as_of));
    if report.as_of < w.to {
        match l {
            Lang::Vi => format!("Số liệu tính đến ngày {as_of}; kỳ báo cáo kết thúc ngày {}.", short(w.to)),
            Lang::En => format!("Figures as of {as_of}; the reporting period ends on {}.", short(w.to)),
        }
    } else {
        match l {
            Lang::Vi => format!("Số liệu tính đến ngày lập báo cáo ({as_of})."),
            Lang::En => format!("Figures as of the report's date ({as_of})."),
        }
    }
}

pub fn heading_results(lang: Lang) -> &'static str {
    lang.pick("I. KẾT QUẢ ĐẠT ĐƯỢC", "I. RESULTS")
}
pub fn heading_figures(lang: Lang) -> &'static str {
    lang.pick("1. Số liệu chung", "1. Overall figures")
}
pub fn heading_sections(lang: Lang) -> &'static str {
    lang.pick("2. Kết quả theo từng phần của kế hoạch", "2. Results by section of the plan")
}
pub fn heading_activities(lang: Lang) -> &'static str {
    lang.pick("3. Nội dung đã thực hiện trong kỳ", "3. What was done in the period")
}
pub fn heading_shortcomings(lang: Lang) -> &'static str {
    lang.pick("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "II. SHORTCOMINGS AND CAUSES")
}
pub fn heading_next(lang: Lang) -> &'static str {
    lang.pick("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "III. DIRECTION FOR THE NEXT PERIOD")
}
pub fn heading_proposals(lang: Lang) -> &'static str {
    lang.pick("IV. ĐỀ XUẤT, KIẾN NGHỊ", "IV. PROPOSALS")
}

/// The names of the figures, in the rows' order of [`figures_table`]: total, done on time,
/// done late, open on schedule, overdue, not started, ongoing, completion rate.
pub fn figure_labels(lang: Lang) -> [&'static str; 8] {
    [
        lang.pick("Tổng số việc", "Items in total"),
        lang.pick("Hoàn thành đúng hạn", "Done on time"),
        lang.pick("Hoàn thành quá hạn", "Done late"),
        lang.pick("Đang thực hiện trong hạn", "Open, on schedule"),
        lang.pick("Quá hạn, chưa hoàn thành", "Overdue"),
        lang.pick("Chưa đến kỳ", "Not started"),
        lang.pick("Thường xuyên, không có thời hạn", "Ongoing, no deadline"),
        lang.pick("Tỷ lệ hoàn thành", "Completion rate"),
    ]
}

/// The heading of the change column of [`figures_table`].
pub fn change_label(lang: Lang) -> &'static str {
    lang.pick("Tăng, giảm so với kỳ trước", "Change from previous")
}

/// "+16,7 điểm %": the change of the completion rate from the previous report.
pub fn change_points(report: &Report) -> String {
    let l = report.lang;
    report
        .figures
        .change_points
        .map_or_else(|| "–".to_string(), |c| format!("{} {}", signed(c, 1, l), l.pick("điểm %", "pts")))
}

/// The figures: the period, the year to date, the previous report and the change.
pub fn figures_table(report: &Report) -> TableText {
    let l = report.lang;
    let f = &report.figures;
    let header = vec![
        l.pick("Chỉ tiêu", "Figure").to_string(),
        format!("{} ({})", l.pick("Trong kỳ", "This period"), period_short(report.period, l)),
        format!("{} {}", l.pick("Cả kế hoạch năm", "Whole plan,"), f.plan_year),
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
        change_points(report),
    ]);
    TableText { header, rows, widths: vec![28, 18, 18, 18, 18], centred: vec![false, true, true, true, true] }
}

pub fn figures_note(lang: Lang) -> &'static str {
    lang.pick(
        "(*) Số việc đã hoàn thành trên số việc có thời hạn; nhiệm vụ thường xuyên không tính vào tỷ lệ. Mỗi kỳ của một nhiệm vụ định kỳ được tính là một việc. Cột «Trong kỳ» và «Kỳ trước» tính các việc đến hạn trong kỳ đó; cột «Cả kế hoạch» tính mọi việc của kế hoạch trong năm, kể cả việc chưa đến kỳ. Mọi cột tính tình trạng vào ngày lập báo cáo.",
        "(*) Items done out of the items with a deadline; ongoing duties are left out of the rate. Each period of a recurring task counts as one item. \"This period\" and \"Previous\" count the items due in that period; \"Whole plan\" counts every item of the plan's year, those not started included. Every column is taken on the report's date.",
    )
}

/// One sentence on the period's progress and its change from the previous report.
pub fn change_sentence(report: &Report) -> String {
    let l = report.lang;
    let f = &report.figures;
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
    if c.not_carried_out > 0 {
        // Items of cancelled tasks (`par cancel`): not in the rate, said apart.
        s.push_str(&match l {
            Lang::Vi => format!(" Không thực hiện: {} việc (có lý do trong bảng kết quả).", c.not_carried_out),
            Lang::En => format!(
                " Not carried out: {} {} (the reasons are in the results table).",
                c.not_carried_out,
                if c.not_carried_out == 1 { "item" } else { "items" }
            ),
        });
    }
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
pub fn section_name(id: &str, title: &str, lang: Lang) -> String {
    format!("{} {id}. {title}", lang.pick("Phần", "Section"))
}

/// "Phần II. Nhiệm vụ và giải pháp: hoàn thành 3/5 việc có thời hạn (60,0%)"
pub fn section_heading(id: &str, title: &str, tally: &Tally, lang: Lang) -> String {
    let base = tally.counts.total - tally.counts.ongoing - tally.counts.not_carried_out;
    let name = section_name(id, title, lang);
    match lang {
        Lang::Vi => format!(
            "{name}: hoàn thành {}/{base} việc có thời hạn ({})",
            tally.counts.done(),
            percent(tally.percent_complete, lang)
        ),
        Lang::En => format!(
            "{name}: {}/{base} items with a deadline done ({})",
            tally.counts.done(),
            percent(tally.percent_complete, lang)
        ),
    }
}

/// A task's title, with the period for an occurrence of a recurring task.
fn item_title(title: &str, period: Option<Period>, lang: Lang) -> String {
    match period {
        Some(p) => format!("{} ({} {})", title.trim(), lang.pick("kỳ", "period"), period_short(p, lang)),
        None => title.trim().to_string(),
    }
}

/// The result cell: the status on the report's date, and for a done item whose indicator
/// missed its target, "chưa đạt chỉ tiêu".
fn result_text(item: &crate::compute::report::ItemRow, lang: Lang) -> String {
    let reason = item.cancelled.as_ref().map(|c| c.reason.as_str());
    let mut s = status_text(item.status, item.done_date, item.days_late, reason, lang);
    if item.status.is_done() && item.target_met == Some(false) {
        s.push_str(lang.pick(", chưa đạt chỉ tiêu", ", target not met"));
    }
    s
}

fn status_text(status: Status, done: Option<NaiveDate>, days_late: i64, reason: Option<&str>, lang: Lang) -> String {
    match (status, done) {
        (Status::NotCarriedOut, _) => match reason {
            Some(r) => format!("{} ({}: {})", status.label(lang), lang.pick("lý do", "reason"), r.trim()),
            None => status.label(lang).to_string(),
        },
        (Status::DoneOnTime, Some(d)) => format!("{} ({})", status.label(lang), short(d)),
        (Status::DoneLate, Some(d)) => {
            format!(
                "{} ({}, {} {days_late} {})",
                status.label(lang),
                short(d),
                lang.pick("trễ", "late by"),
                lang.pick("ngày", "days")
            )
        }
        (Status::Overdue, _) => format!("{} ({days_late} {})", status.label(lang), lang.pick("ngày", "days")),
        _ => status.label(lang).to_string(),
    }
}

fn owner_text(owner: &Option<String>, lang: Lang) -> String {
    owner.clone().unwrap_or_else(|| lang.pick("(chưa giao)", "(unassigned)").to_string())
}

pub fn section_table(section: &crate::compute::report::SectionResult, lang: Lang) -> TableText {
    TableText {
        header: vec![
            lang.pick("Mã", "Id").into(),
            lang.pick("Nội dung", "Task").into(),
            lang.pick("Chủ trì", "Owner").into(),
            lang.pick("Hạn", "Due").into(),
            lang.pick("Kết quả", "Status").into(),
            lang.pick("Minh chứng", "Evidence").into(),
        ],
        rows: section
            .items
            .iter()
            .map(|i| {
                vec![
                    i.task.clone(),
                    item_title(&i.title, i.period, lang),
                    owner_text(&i.owner, lang),
                    i.due.map_or_else(|| "–".into(), short),
                    result_text(i, lang),
                    if i.evidence.is_empty() { "–".into() } else { i.evidence.join("; ") },
                ]
            })
            .collect(),
        widths: vec![8, 28, 15, 16, 19, 14],
        centred: vec![false, false, false, true, false, false],
    }
}

pub fn no_items(lang: Lang) -> &'static str {
    lang.pick(
        "Trong kỳ không có việc nào đến hạn, đang thực hiện hoặc hoàn thành.",
        "No item was due, in progress or done in this period.",
    )
}

/// "Nhiệm vụ 4: Chấn chỉnh … (chủ trì: Hiệu trưởng)"
pub fn activity_heading(task: &str, title: &str, owner: &Option<String>, lang: Lang) -> String {
    let mut s = format!("{} {task}: {}", lang.pick("Nhiệm vụ", "Task"), title.trim());
    if let Some(o) = owner {
        s.push_str(&format!(" ({}: {o})", lang.pick("chủ trì", "owner")));
    }
    s
}

/// The result against the target. Measured results are meant to be added here.
pub fn result_lines(result: &ResultVsTarget, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &result.target {
        out.push(format!("{}: {}", lang.pick("Kết quả cần đạt", "Target"), t.trim()));
    }
    if let Some(m) = &result.measured {
        out.push(measured_line(m, lang));
    }
    out
}

/// "Tỷ lệ …: quý III/2025 80% (mục tiêu ≥ 100%), chưa đạt; kỳ trước (quý II/2025) 100% ↓":
/// the value for the report's period, never another period's, and the previous one.
fn measured_line(m: &crate::compute::measures::PeriodMeasure, lang: Lang) -> String {
    let unit = m.unit.as_deref().unwrap_or("");
    let num = |x: f64| {
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        if lang == Lang::Vi { s.replace('.', ",") } else { s }
    };
    let sign = match m.direction {
        crate::plan::Direction::AtLeast => "≥",
        crate::plan::Direction::AtMost => "≤",
    };
    let target = format!("{} {sign} {}{unit}", lang.pick("mục tiêu", "target"), num(m.target));
    let when = |p: Option<Period>, d: NaiveDate| p.map_or_else(|| short(d), |p| period_short(p, lang));
    let mut s = match &m.value {
        None => format!(
            "{}: {} {} ({target})",
            m.indicator.trim(),
            period_short(m.period, lang),
            lang.pick("chưa có số đo", "not measured")
        ),
        Some(v) => format!(
            "{}: {} {}{unit} ({target}), {}",
            m.indicator.trim(),
            when(v.period, v.date),
            num(v.value),
            if v.met { lang.pick("đạt", "met") } else { lang.pick("chưa đạt", "not met") }
        ),
    };
    if let Some(p) = &m.previous {
        let arrow = m.trend.map(|t| format!(" {}", t.arrow())).unwrap_or_default();
        s.push_str(&format!(
            "; {} ({}) {}{unit}{arrow}",
            lang.pick("kỳ trước", "previous"),
            when(p.period, p.date),
            num(p.value)
        ));
    }
    s
}

/// "05/06/2025: Lập sổ … (Hiệu trưởng). Minh chứng: …"
pub fn activity_line(activity: &Activity, lang: Lang) -> String {
    let mut s = format!("{}: ", short(activity.date));
    match activity.kind {
        ActivityKind::Progress => s.push_str(activity.text.as_deref().map(str::trim).unwrap_or_default()),
        ActivityKind::Done => {
            s.push_str(lang.pick("Hoàn thành", "Done"));
            if let Some(p) = activity.period {
                s.push_str(&format!(" {} {}", lang.pick("kỳ", "for"), period_short(p, lang)));
            }
            match activity.status {
                Some(Status::DoneLate) => s.push_str(lang.pick(" (quá hạn)", " (late)")),
                Some(Status::DoneOnTime) => s.push_str(lang.pick(" (đúng hạn)", " (on time)")),
                _ => {}
            }
            if let Some(note) = activity.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                s.push_str(&format!(": {note}"));
            }
        }
    }
    if let Some(by) = &activity.by {
        s.push_str(&format!(" ({})", by.trim()));
    }
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    if !activity.evidence.is_empty() {
        s.push_str(&format!(
            " {}: {}.",
            lang.pick("Minh chứng", "Evidence"),
            activity.evidence.join("; ").trim_end_matches('.')
        ));
    }
    s
}

pub fn no_activity(lang: Lang) -> &'static str {
    lang.pick("Trong kỳ chưa ghi nhận nội dung thực hiện nào.", "Nothing was recorded in this period.")
}

fn late_line(item: &LateItem, lang: Lang) -> String {
    let mut s =
        format!("{} {}: {}", lang.pick("Nhiệm vụ", "Task"), item.task, item_title(&item.title, item.period, lang));
    s.push_str(&format!(" ({}: {})", lang.pick("chủ trì", "owner"), owner_text(&item.owner, lang)));
    if let Some(d) = item.due {
        s.push_str(&format!("; {} {}", lang.pick("hạn", "due"), short(d)));
    }
    match item.done_date {
        Some(done) => s.push_str(&format!(
            "; {} {}, {} {} {}",
            lang.pick("hoàn thành", "done on"),
            short(done),
            lang.pick("trễ", "late by"),
            item.days_late,
            lang.pick("ngày", "days")
        )),
        None => s.push_str(&format!(
            "; {} {} {}",
            lang.pick("quá hạn", "overdue by"),
            item.days_late,
            lang.pick("ngày", "days")
        )),
    }
    s.push('.');
    s
}

/// "Nhiệm vụ 4: … (kỳ quý III/2025) (chủ trì: …); hoàn thành 06/10/2025, chưa đạt chỉ tiêu."
fn unmet_line(item: &LateItem, lang: Lang) -> String {
    let mut s =
        format!("{} {}: {}", lang.pick("Nhiệm vụ", "Task"), item.task, item_title(&item.title, item.period, lang));
    s.push_str(&format!(" ({}: {})", lang.pick("chủ trì", "owner"), owner_text(&item.owner, lang)));
    if let Some(done) = item.done_date {
        s.push_str(&format!("; {} {}", lang.pick("hoàn thành", "done on"), short(done)));
    }
    s.push_str(lang.pick(", chưa đạt chỉ tiêu.", ", target not met."));
    s
}

fn task_line(task: &TaskRef, lang: Lang) -> String {
    format!(
        "{} {}: {} ({}: {}).",
        lang.pick("Nhiệm vụ", "Task"),
        task.task,
        task.title.trim(),
        lang.pick("chủ trì", "owner"),
        owner_text(&task.owner, lang)
    )
}

/// II. Shortcomings, as numbered groups (empty groups left out).
pub fn shortcomings(report: &Report) -> Vec<Group> {
    let l = report.lang;
    let s = &report.shortcomings;
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
        l.pick("Việc hoàn thành nhưng chưa đạt chỉ tiêu", "Items done with the target not met"),
        s.target_not_met.iter().map(|i| unmet_line(i, l)).collect(),
    );
    push(
        l.pick(
            "Nhiệm vụ thường xuyên chưa ghi nhận kết quả trong kỳ",
            "Ongoing duties with nothing recorded in the period",
        ),
        s.no_activity.iter().map(|t| task_line(t, l)).collect(),
    );
    groups
}

pub fn no_shortcomings(lang: Lang) -> &'static str {
    lang.pick(
        "Trong kỳ không có việc quá hạn hoặc hoàn thành trễ hạn.",
        "No item was overdue or done late in this period.",
    )
}

/// "Kỳ tới: quý III năm 2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)": the period's own
/// dates, which decide the items due in it (the calendar's cut-off window is status's).
pub fn next_sentence(report: &Report) -> String {
    let n = &report.next;
    let (from, to) = (short(n.period.start()), short(n.period.end()));
    match report.lang {
        Lang::Vi => format!("Kỳ tới: {} (từ ngày {from} đến ngày {to}).", n.label),
        Lang::En => format!("Next period: {} ({from} to {to}).", n.label),
    }
}

pub fn heading_next_due(lang: Lang) -> &'static str {
    lang.pick("1. Việc đến hạn trong kỳ tới", "1. Items falling due in the next period")
}

pub fn next_table(items: &[UpcomingItem], lang: Lang) -> TableText {
    TableText {
        header: vec![
            lang.pick("Mã", "Id").into(),
            lang.pick("Nội dung", "Task").into(),
            lang.pick("Chủ trì", "Owner").into(),
            lang.pick("Hạn", "Due").into(),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    i.task.clone(),
                    item_title(&i.title, i.period, lang),
                    owner_text(&i.owner, lang),
                    i.due.map_or_else(|| "–".into(), short),
                ]
            })
            .collect(),
        widths: vec![8, 56, 20, 16],
        centred: vec![false, false, false, true],
    }
}

pub fn nothing_due_next(lang: Lang) -> &'static str {
    lang.pick(
        "Theo kế hoạch, không có việc nào đến hạn trong kỳ tới.",
        "By the plan, nothing falls due in the next period.",
    )
}

/// III.2 and III.3: overdue work to catch up on, ongoing duties that go on.
pub fn next_groups(report: &Report) -> Vec<Group> {
    let l = report.lang;
    let mut groups = Vec::new();
    if !report.next.carried_over.is_empty() {
        groups.push(Group {
            heading: l.pick("2. Khẩn trương hoàn thành các việc quá hạn", "2. Catch up on overdue items").into(),
            lines: report
                .next
                .carried_over
                .iter()
                .map(|i| {
                    format!(
                        "{} {}: {} ({}: {}); {} {}.",
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
    if !report.next.ongoing.is_empty() {
        groups.push(Group {
            heading: format!(
                "{}. {}",
                groups.len() + 2,
                l.pick("Tiếp tục thực hiện các nhiệm vụ thường xuyên", "Ongoing duties continue")
            ),
            lines: report.next.ongoing.iter().map(|t| task_line(t, l)).collect(),
        });
    }
    groups
}

/// "Trên đây là báo cáo … của Trường …./."
pub fn closing(report: &Report) -> String {
    match report.lang {
        Lang::Vi => {
            let mut c = report.title.chars();
            let title: String = c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default();
            format!("Trên đây là {title} của {}./.", report.header.unit.trim())
        }
        Lang::En => format!("This concludes the report of {} for {}.", report.header.unit.trim(), report.period_label),
    }
}

pub fn recipients_heading(lang: Lang) -> &'static str {
    lang.pick("Nơi nhận:", "Recipients:")
}

/// "- Phòng Nội vụ Quận 1;" … "- Lưu: VT."
pub fn recipient_lines(report: &Report) -> Vec<String> {
    let n = report.recipients.len();
    report.recipients.iter().enumerate().map(|(i, x)| format!("- {x}{}", if i + 1 == n { "." } else { ";" })).collect()
}

/// The signature block: the authority and position lines (bold capitals), then the name.
/// An authority with a space is a line of its own ("KT. HIỆU TRƯỞNG" above "PHÓ HIỆU
/// TRƯỞNG"); a bare prefix goes before the position ("Q." + "Hiệu trưởng" →
/// "Q. HIỆU TRƯỞNG").
///
/// The capacity lines (`signer.capacity`: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") come first.
pub fn signer_lines(signer: &Signer) -> (Vec<String>, String) {
    let mut lines: Vec<String> = signer.capacity.iter().map(|c| c.trim().to_uppercase()).collect();
    let position = signer.position.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_uppercase);
    match (signer.authority.as_deref().map(str::trim).filter(|a| !a.is_empty()), position) {
        (Some(a), Some(p)) if !a.contains(' ') => lines.push(format!("{} {p}", a.to_uppercase())),
        (Some(a), p) => {
            lines.push(a.to_uppercase());
            lines.extend(p);
        }
        (None, p) => lines.extend(p),
    }
    (lines, signer.name.trim().to_string())
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
            capacity: Vec::new(),
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
