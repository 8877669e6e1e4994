//! Self-contained HTML pages: one file, inline CSS and inline SVG charts, no
//! scripts, fonts or images from anywhere. Shared by every HTML output (the
//! district rollup; the unit report can reuse the same shell and charts).
//!
//! Safety: every piece of plan text goes through [`escape`] (also inside SVG),
//! and the page carries a Content-Security-Policy that forbids scripts and any
//! outside resource, so even a mistake could not run code or call out.

use std::fmt::Write as _;

use crate::i18n::Lang;

/// Escapes text for HTML element content and attribute values (also inside
/// inline SVG), and makes control characters visible as the terminal output does;
/// whatever XML 1.0 forbids becomes U+FFFD ([`crate::text::xml_text`]).
pub fn escape(s: &str) -> String {
    let cleaned = crate::text::clean_lines(s);
    let cleaned = crate::text::xml_text(&cleaned);
    let mut out = String::with_capacity(cleaned.len() + 8);
    for c in cleaned.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's style sheet. Colours of statuses are shared by charts and tables.
pub const CSS: &str = r#"
:root{--ink:#1d2733;--muted:#5b6775;--line:#dde3ea;--bg:#f4f6f9;--card:#fff;--brand:#0b5cad;
--ontime:#2e8b57;--late:#e0a100;--overdue:#c62828;--open:#4a90d9;--rest:#d5dbe3;--ongoing:#9aa5b1}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;font:14px/1.45 "Segoe UI","Noto Sans",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink)}
header.top{background:var(--brand);color:#fff;padding:18px 32px 16px}
header.top h1{margin:0;font-size:22px;font-weight:600;letter-spacing:.2px}
header.top p{margin:4px 0 0;opacity:.9}
main{max-width:1200px;margin:0 auto;padding:20px 32px 40px}
section.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
section.card h2{margin:0 0 12px;font-size:16px;font-weight:600}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 18px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.kpi .v{font-size:26px;font-weight:650;line-height:1.1}
.kpi .l{color:var(--muted);font-size:12.5px;margin-top:2px}
.kpi.bad .v{color:var(--overdue)} .kpi.good .v{color:var(--ontime)} .kpi.warn .v{color:#9a6b00}
.charts{display:grid;grid-template-columns:3fr 2fr;gap:18px;margin:0 0 18px}
.charts section.card{margin:0}
@media (max-width:900px){.charts{grid-template-columns:1fr}}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font:12px "Segoe UI","Noto Sans",Roboto,Arial,sans-serif;fill:var(--ink)}
svg.chart text.note{fill:var(--muted)}
svg.chart .grid{stroke:var(--line);stroke-width:1}
.s-ontime{fill:var(--ontime);background:var(--ontime)} .s-late{fill:var(--late);background:var(--late)}
.s-overdue{fill:var(--overdue);background:var(--overdue)} .s-open{fill:var(--open);background:var(--open)}
.s-rest{fill:var(--rest);background:var(--rest)} .s-ongoing{fill:var(--ongoing);background:var(--ongoing)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:10px 0 0;padding:0;list-style:none;color:var(--muted);font-size:12.5px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.more{color:var(--muted);font-size:12.5px;margin:8px 0 0}
.tablewrap{overflow-x:auto}
table.data{border-collapse:collapse;width:100%}
table.data th,table.data td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.data th{font-size:12.5px;color:var(--muted);font-weight:600;background:#f8fafc;white-space:nowrap}
table.data td.n,table.data th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data th.n{white-space:normal}
table.data tr.total td{font-weight:650;border-top:2px solid var(--ink);border-bottom:none}
table.data td.bad{color:var(--overdue);font-weight:650}
table.data td.nowrap{white-space:nowrap}
table.data td.path{color:var(--muted);font-size:12px;overflow-wrap:anywhere;min-width:90px}
table.data td.unit{min-width:220px}
.flag{display:inline-block;background:#fff4d6;color:#7a5400;border:1px solid #f0d48a;border-radius:10px;padding:0 7px;font-size:11.5px;margin-left:6px;white-space:nowrap}
.meter{display:inline-block;width:70px;height:8px;background:var(--rest);border-radius:4px;overflow:hidden;vertical-align:middle;margin-right:6px}
.meter b{display:block;height:100%;background:var(--ontime)}
ul.warn{margin:0;padding-left:18px} ul.warn li{margin:3px 0}
.empty{color:var(--muted);margin:0}
footer{color:var(--muted);font-size:12px;text-align:center;padding:0 0 24px}
@media print{html{background:#fff}header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink)}
main{padding:10px 0}section.card,.kpi{break-inside:avoid;border-color:#bbb}}
"#;

/// A whole page: `title` (plain text) in the head and header band, `subtitle` under
/// it, `body` (already HTML) in the main column.
pub fn page(lang: Lang, title: &str, subtitle: &str, body: &str) -> String {
    page_styled(lang, title, subtitle, "", body)
}

/// [`page`] with more style rules after [`CSS`] (a renderer's own layout; never plan text).
pub fn page_styled(lang: Lang, title: &str, subtitle: &str, extra_css: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + CSS.len() + extra_css.len() + 1024);
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"par {}\">\n<title>{}</title>\n<style>{CSS}{extra_css}</style>\n</head>\n<body>\n\
         <header class=\"top\"><h1>{}</h1><p>{}</p></header>\n<main>\n{body}</main>\n\
         <footer>{}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title),
        escape(title),
        escape(subtitle),
        escape(lang.pick(
            "Tạo bởi par — theo dõi Kế hoạch khắc phục, cải thiện Chỉ số CCHC",
            "Made with par — PAR Index plan tracker"
        )),
    );
    out
}

/// A card with a heading around some HTML.
pub fn card(heading: &str, inner: &str) -> String {
    format!("<section class=\"card\"><h2>{}</h2>\n{inner}</section>\n", escape(heading))
}

/// A headline figure.
pub struct Kpi {
    pub value: String,
    pub label: String,
    /// `""`, `"good"`, `"warn"` or `"bad"`.
    pub tone: &'static str,
}

pub fn kpis(items: &[Kpi]) -> String {
    let mut out = String::from("<div class=\"kpis\">");
    for k in items {
        let _ = write!(
            out,
            "<div class=\"kpi {}\"><div class=\"v\">{}</div><div class=\"l\">{}</div></div>",
            k.tone,
            escape(&k.value),
            escape(&k.label)
        );
    }
    out.push_str("</div>\n");
    out
}

/// Part of a bar, in the units of the chart's scale. `class` is one of the
/// status classes of [`CSS`] (`s-ontime`, `s-late`, `s-overdue`, `s-open`, `s-rest`, `s-ongoing`).
pub struct Segment {
    pub value: f64,
    pub class: &'static str,
    /// Shown as a tooltip.
    pub label: String,
}

pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
    /// Text after the bar, e.g. `46,7%`.
    pub note: String,
}

const LABEL_W: f64 = 230.0;
const NOTE_W: f64 = 64.0;
const ROW_H: f64 = 24.0;
const BAR_H: f64 = 14.0;

/// A horizontal (stacked) bar chart in inline SVG, one row per bar, scaled so
/// `max` fills the width. Labels longer than the label column are shortened
/// (the whole label is in the tooltip).
pub fn bar_chart(caption: &str, bars: &[Bar], max: f64, width: f64) -> String {
    let plot_w = (width - LABEL_W - NOTE_W).max(40.0);
    let height = ROW_H * bars.len() as f64 + 6.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" style=\"max-width:{width}px\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(caption)
    );
    let x0 = LABEL_W;
    let _ = write!(out, "<line class=\"grid\" x1=\"{x0}\" y1=\"0\" x2=\"{x0}\" y2=\"{height}\"/>");
    for (i, b) in bars.iter().enumerate() {
        let y = ROW_H * i as f64 + 3.0;
        let mid = y + ROW_H / 2.0;
        let label = crate::text::truncate(&crate::text::one_line(&b.label), 34);
        let _ = write!(
            out,
            "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            escape(&b.label),
            LABEL_W - 8.0,
            mid,
            escape(&label)
        );
        let mut x = x0;
        for s in &b.segments {
            if s.value <= 0.0 || max <= 0.0 {
                continue;
            }
            let w = (s.value / max * plot_w).max(1.0);
            let _ = write!(
                out,
                "<rect class=\"{}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{BAR_H}\" rx=\"2\"><title>{}</title></rect>",
                s.class,
                mid - BAR_H / 2.0,
                escape(&s.label)
            );
            x += w;
        }
        let _ = write!(
            out,
            "<text class=\"note\" x=\"{:.1}\" y=\"{mid:.1}\" dominant-baseline=\"middle\">{}</text></g>",
            x + 6.0,
            escape(&b.note)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The legend of a chart: (class, label) pairs.
pub fn legend(items: &[(&str, &str)]) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for (class, label) in items {
        let _ = write!(out, "<li><i class=\"{class}\"></i>{}</li>", escape(label));
    }
    out.push_str("</ul>\n");
    out
}

/// A data table: `headers` are (text, numeric) pairs; numeric columns are right-aligned.
pub struct Table {
    out: String,
}

/// A table cell.
pub struct Td {
    html: String,
    class: String,
}

impl Td {
    /// Plain text, escaped.
    pub fn text(s: &str) -> Td {
        Td { html: escape(s), class: String::new() }
    }
    /// Markup made by the renderer (never plan text unescaped).
    pub fn html(html: String) -> Td {
        Td { html, class: String::new() }
    }
    /// A right-aligned figure.
    pub fn num(s: impl ToString) -> Td {
        Td { html: escape(&s.to_string()), class: "n".into() }
    }
    pub fn class(mut self, class: &str) -> Td {
        if !self.class.is_empty() {
            self.class.push(' ');
        }
        self.class.push_str(class);
        self
    }
}

impl Table {
    pub fn new(headers: &[(&str, bool)]) -> Table {
        let mut out = String::from("<div class=\"tablewrap\"><table class=\"data\"><thead><tr>");
        for (h, numeric) in headers {
            let _ = write!(out, "<th{}>{}</th>", if *numeric { " class=\"n\"" } else { "" }, escape(h));
        }
        out.push_str("</tr></thead><tbody>\n");
        Table { out }
    }

    pub fn row(&mut self, cells: Vec<Td>) {
        self.row_class("", cells);
    }

    pub fn row_class(&mut self, class: &str, cells: Vec<Td>) {
        if class.is_empty() {
            self.out.push_str("<tr>");
        } else {
            let _ = write!(self.out, "<tr class=\"{class}\">");
        }
        for c in cells {
            if c.class.is_empty() {
                let _ = write!(self.out, "<td>{}</td>", c.html);
            } else {
                let _ = write!(self.out, "<td class=\"{}\">{}</td>", c.class, c.html);
            }
        }
        self.out.push_str("</tr>\n");
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</tbody></table></div>\n");
        self.out
    }
}

/// A file path that may wrap after each `/` or `\\` (escaped).
pub fn path(p: &str) -> String {
    escape(p).replace('/', "/<wbr>").replace('\\', "\\<wbr>")
}

/// A small progress meter and the percentage as text.
pub fn meter(percent: Option<f64>, text: &str) -> String {
    let w = percent.unwrap_or(0.0).clamp(0.0, 100.0);
    format!("<span class=\"meter\"><b style=\"width:{w:.1}%\"></b></span>{}", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}[31m"), "a\\u{1b}[31m");
        assert_eq!(escape("Ý kiến người dân"), "Ý kiến người dân");
    }

    #[test]
    fn chart_escapes_labels() {
        let svg = bar_chart(
            "c",
            &[Bar {
                label: "<b>x</b>".into(),
                segments: vec![Segment { value: 1.0, class: "s-ontime", label: "<i>".into() }],
                note: "1".into(),
            }],
            2.0,
            600.0,
        );
        assert!(!svg.contains("<b>") && !svg.contains("<i>"));
        assert!(svg.contains("&lt;b&gt;x&lt;/b&gt;"));
    }
}
