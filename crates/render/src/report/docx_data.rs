//! The figures of a Word report in machine-readable form: a custom XML part
//! (`customXml/item1.xml`) that `par rollup` reads back, so an office that collects Word
//! reports gets the same roll-up as from the plans.
//!
//! ```xml
//! <par-report version="1" unit="Trường A" superior="…" period="2025-Q3"
//!     period-label="quý III năm 2025" from="2025-07-01" to="2025-09-30"
//!     date="2025-10-10" as-of="2025-09-30" change-points="50">
//!   <counts scope="period" total="2" done-on-time="1" done-late="0" open="0" overdue="1"
//!       not-started="0" ongoing="0" percent="50"/>
//!   <counts scope="year" …/> <counts scope="previous" …/>
//!   <item key="2" task="2" title="…" owner="…" due="2025-08-31" status="overdue"
//!       done="" days-late="40"/>
//!   <proposal text="…"/>
//! </par-report>
//! ```
//!
//! Every value is an attribute on one line. docx-rs parses a custom part and writes its
//! values back without escaping them, so values go in escaped twice: after its round trip
//! the part is ordinary, once-escaped XML.

use crate::compute::Status;
use crate::compute::report::{Report, Tally};

/// The part's root element name.
pub const ROOT: &str = "par-report";

/// The custom part's id (its `itemProps` datastore item id).
pub const ITEM_ID: &str = "{5B8E4D1A-7C2F-4E3B-9A61-0D2C3F4B5A60}";

/// A value escaped for an attribute, twice (see the module's documentation).
fn attr(text: &str) -> String {
    let once = crate::text::xml_text(&crate::text::one_line(text))
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    once.replace('&', "&amp;")
}

pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Overdue => "overdue",
        Status::Open => "open",
        Status::NotStarted => "not_started",
        Status::NoDeadline => "ongoing",
        Status::DoneLate => "done_late",
        Status::DoneOnTime => "done_on_time",
        Status::NotCarriedOut => "not_carried_out",
    }
}

fn counts(scope: &str, t: &Tally) -> String {
    let c = &t.counts;
    format!(
        r#"<counts scope="{scope}" total="{}" done-on-time="{}" done-late="{}" open="{}" overdue="{}" not-started="{}" ongoing="{}" not-carried-out="{}" percent="{}"/>"#,
        c.total,
        c.done_on_time,
        c.done_late,
        c.open,
        c.overdue,
        c.not_started,
        c.ongoing,
        c.not_carried_out,
        t.percent_complete.map(|p| p.to_string()).unwrap_or_default()
    )
}

/// The part's XML, as given to docx-rs (values escaped twice).
pub fn part(report: &Report) -> String {
    let h = &report.header;
    let f = &report.figures;
    let mut x = format!(
        r#"<{ROOT} version="1" unit="{}" superior="{}" period="{}" period-label="{}" from="{}" to="{}" date="{}" as-of="{}" change-points="{}">"#,
        attr(&h.unit),
        attr(h.superior.as_deref().unwrap_or("")),
        report.period,
        attr(&report.period_label),
        report.window.from,
        report.window.to,
        h.date,
        report.as_of,
        f.change_points.map(|p| p.to_string()).unwrap_or_default(),
    );
    x.push_str(&counts("period", &f.period));
    x.push_str(&counts("year", &f.year));
    x.push_str(&counts("previous", &f.previous.tally));
    for s in &report.sections {
        for i in &s.items {
            x.push_str(&format!(
                r#"<item key="{}" task="{}" title="{}" owner="{}" due="{}" status="{}" done="{}" days-late="{}"/>"#,
                attr(&i.row.key),
                attr(&i.row.task),
                attr(&i.row.title),
                attr(i.row.owner.as_deref().unwrap_or("")),
                i.row.due.map(|d| d.to_string()).unwrap_or_default(),
                status_word(i.status),
                i.done_date.map(|d| d.to_string()).unwrap_or_default(),
                i.days_late
            ));
        }
    }
    for p in &report.proposals {
        x.push_str(&format!(r#"<proposal text="{}"/>"#, attr(p)));
    }
    x.push_str(&format!("</{ROOT}>"));
    x
}

/// Adds the part to a document being built.
pub fn attach(doc: docx_rs::Docx, report: &Report) -> docx_rs::Docx {
    doc.add_custom_item(ITEM_ID, &part(report))
}

#[cfg(test)]
mod tests {
    use super::attr;

    #[test]
    fn values_are_escaped_twice_for_docx_rs() {
        assert_eq!(attr("A & B <x> \"q\""), "A &amp;amp; B &amp;lt;x&amp;gt; &amp;quot;q&amp;quot;");
        assert_eq!(attr("Trường A"), "Trường A");
    }
}
