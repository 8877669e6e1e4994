//! `par index` for a terminal.

use super::grid::Col;
use super::{Style, table_text, title};
use crate::compute::index::{EvidenceReport, IndexReport};
use crate::i18n::Lang;
use crate::text::one_line;

pub fn explain(lang: Lang) -> &'static str {
    lang.pick(
        "Cách dự báo Chỉ số CCHC (mỗi tiêu chí không có tiêu chí con):
  1. Đã có điểm tự đánh giá (self_score): lấy điểm đó.
  2. Tiêu chí chấm qua khảo sát người dân (survey = true): giữ điểm năm trước.
  3. Không có nhiệm vụ khắc phục nào liên kết: giữ điểm năm trước
     (nếu năm trước bị mất điểm, đó là \"lỗ hổng\" của kế hoạch).
  4. Có nhiệm vụ liên kết: phần điểm bị mất năm trước (tối đa − năm trước) được
     gỡ lại theo tỷ lệ công việc đã làm: mỗi việc có thời hạn (việc một lần hoặc
     một kỳ của việc định kỳ, tính đến hết năm kế hoạch) được 1 nếu hoàn thành
     đúng hạn, 1/2 nếu hoàn thành quá hạn. Làm xong đúng hạn tất cả: đạt tối đa.
     Việc thường xuyên không có thời hạn nên không tính; nếu chỉ có việc thường
     xuyên, giữ điểm năm trước.
Nhiệm vụ liên kết với một lĩnh vực hay tiêu chí áp dụng cho mọi tiêu chí con.
Tiêu chí không ghi last_year được coi là năm trước đạt tối đa.
Lĩnh vực, tiêu chí có tiêu chí con: cộng điểm các tiêu chí con.
Rủi ro: có việc liên kết đang quá hạn.
",
        "How the PAR Index is forecast (for each criterion without parts):
  1. A recorded self-assessed score (self_score) is the forecast.
  2. A survey-scored criterion (survey = true) keeps last year's score.
  3. With no linked remedial task, last year's score stands
     (if it lost points last year, that is a hole in the plan).
  4. Otherwise the points lost last year (max − last year) are won back in
     proportion to the linked work done: each item with a deadline (a one-off
     task, or one period of a recurring task, up to the end of the plan year)
     counts 1 when done on time and 1/2 when done late. All done on time gives
     the maximum. Ongoing duties have no deadline and do not count; with only
     those, last year's score stands.
A task linked to an area or criterion applies to all of its parts.
A criterion without last_year is taken to have scored its maximum last year.
Areas and criteria with parts add up their parts.
Risk: linked work is overdue.
",
    )
}

pub fn render(report: &IndexReport, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    let name = report.name.clone().unwrap_or_else(|| l.pick("Chỉ số CCHC", "PAR Index").to_string());
    out.push_str(&style.heading(&style.line(&format!(
        "{} — {} {}: {}/{} ({} {})",
        title(&name, 80),
        l.pick("dự báo đến ngày", "forecast as of"),
        crate::dates::short(report.today),
        style.points(report.total.forecast),
        style.points(report.total.max),
        l.pick("năm trước", "last year"),
        style.points(report.total.last_year),
    ))));
    out.push_str("\n\n");
    let areas: Vec<usize> = (0..report.nodes.len()).filter(|&i| report.nodes[i].depth == 1).collect();
    for &a in &areas {
        let area = &report.nodes[a];
        out.push_str(&style.heading(&style.line(&format!(
            "{}. {} — {}/{}",
            one_line(&area.code),
            title(&area.title, 70),
            style.points(area.forecast),
            style.points(area.max)
        ))));
        out.push('\n');
        // Below 100 columns: the code joins the criterion's name, and last year and the
        // gap (the maximum less the forecast) go; names, forecasts and task lists wrap.
        let compact = style.compact();
        let mut headers = vec![l.pick("Mã", "Code"), l.pick("Tiêu chí", "Criterion"), l.pick("Tối đa", "Max")];
        let mut cols = vec![Col::Fixed, Col::Flex(3), Col::Fixed];
        if compact {
            headers.remove(0);
            cols.remove(0);
        } else {
            headers.push(l.pick("Năm trước", "Last year"));
            cols.push(Col::Fixed);
        }
        headers.push(l.pick("Dự báo", "Forecast"));
        cols.push(if compact { Col::Flex(1) } else { Col::Fixed });
        if !compact {
            headers.push(l.pick("Còn thiếu", "Gap"));
            cols.push(Col::Fixed);
        }
        headers.extend([
            l.pick("Việc xong/tổng", "Work done/total"),
            l.pick("Nhiệm vụ", "Tasks"),
            l.pick("Rủi ro", "Risk"),
        ]);
        cols.extend([Col::Fixed, Col::Flex(1), Col::Flex(1)]);
        let mut t = style.table(&headers);
        // The area and everything under it, wherever the file listed it (`1`, `2`, `1.1` is valid).
        let under = format!("{}.", area.code);
        for n in report.nodes.iter().filter(|n| n.code == area.code || n.code.starts_with(&under)) {
            let indent = "  ".repeat(n.depth - 1);
            let risk = if n.at_risk {
                format!("{} {}", n.items_overdue, l.pick("quá hạn", "overdue"))
            } else {
                String::new()
            };
            let basis = match n.basis {
                crate::compute::index::Basis::SelfScore => l.pick(" (tự chấm)", " (self-assessed)"),
                crate::compute::index::Basis::Survey => l.pick(" (khảo sát)", " (survey)"),
                _ => "",
            };
            let right = |x: String| comfy_table::Cell::new(x).set_alignment(comfy_table::CellAlignment::Right);
            let mut row = vec![
                comfy_table::Cell::new(format!("{indent}{}", one_line(&n.code))),
                comfy_table::Cell::new(format!("{indent}{}", title(&n.title, 50))),
                right(style.points(n.max)),
                right(style.points(n.last_year)),
                right(format!("{}{basis}", style.points(n.forecast))),
                right(style.points(n.gap)),
                right(if n.items_total > 0 { format!("{}/{}", n.items_done, n.items_total) } else { "–".into() }),
                comfy_table::Cell::new(one_line(&n.tasks.join(", "))),
                style.status_cell(crate::compute::Status::Overdue, &risk),
            ];
            if compact {
                row.remove(5);
                row.remove(3);
                row[1] = comfy_table::Cell::new(format!("{indent}{} {}", one_line(&n.code), title(&n.title, 50)));
                row.remove(0);
            }
            t.add_row(row);
        }
        style.fit(&mut t, &cols);
        out.push_str(&table_text(&t));
        out.push('\n');
    }
    out.push_str(&style.heading(&style.line(&format!(
        "{} ({})",
        l.pick(
            "Tiêu chí mất điểm năm trước nhưng chưa có nhiệm vụ khắc phục",
            "Criteria that lost points last year with no remedial task"
        ),
        report.holes.len()
    ))));
    out.push('\n');
    if report.holes.is_empty() {
        out.push_str(l.pick(
            "Không có: mọi điểm bị mất đều có nhiệm vụ khắc phục.\n",
            "None: every lost point has a remedial task.\n",
        ));
    }
    for h in &report.holes {
        out.push_str(&style.bullet(&format!(
            "{} {} ({} {})",
            one_line(&h.code),
            title(&h.title, 70),
            l.pick("mất", "lost"),
            style.points(h.lost)
        )));
    }
    out
}

pub fn render_evidence(report: &EvidenceReport, style: &Style) -> String {
    let l = style.lang;
    let mut out = String::new();
    out.push_str(&style.heading(&format!(
        "{} {}",
        l.pick("Tài liệu kiểm chứng theo tiêu chí, đến ngày", "Evidence per criterion, as of"),
        crate::dates::short(report.today)
    )));
    out.push('\n');
    let mut t = style.table(&[
        l.pick("Mã", "Code"),
        l.pick("Tiêu chí", "Criterion"),
        l.pick("Ngày", "Date"),
        l.pick("Nhiệm vụ", "Task"),
        l.pick("Tài liệu", "Document"),
    ]);
    for c in &report.criteria {
        if c.evidence.is_empty() {
            continue;
        }
        for (k, e) in c.evidence.iter().enumerate() {
            let (code, name) =
                if k == 0 { (one_line(&c.code), title(&c.title, 40)) } else { (String::new(), String::new()) };
            t.add_row(vec![
                comfy_table::Cell::new(code),
                comfy_table::Cell::new(name),
                comfy_table::Cell::new(crate::dates::short(e.date)),
                comfy_table::Cell::new(one_line(&e.task)),
                comfy_table::Cell::new(title(&e.reference, 60)),
            ]);
        }
    }
    style.fit(&mut t, &[Col::Fixed, Col::Flex(2), Col::Fixed, Col::Flex(1), Col::Flex(2)]);
    out.push_str(&table_text(&t));
    out.push('\n');
    out.push_str(&style.heading(&format!(
        "{} ({})",
        l.pick("Tiêu chí chưa có tài liệu kiểm chứng", "Criteria without evidence"),
        report.missing.len()
    )));
    out.push('\n');
    for code in &report.missing {
        let c = report.criteria.iter().find(|c| &c.code == code).expect("missing codes come from criteria");
        out.push_str(&style.bullet(&format!("{} {}", one_line(&c.code), title(&c.title, 70))));
    }
    out
}
