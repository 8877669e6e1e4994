//! Self-contained HTML pages: one file, inline CSS and inline SVG charts, no
//! scripts, fonts or images from anywhere. Shared by every HTML output (the
//! district rollup; the unit report can reuse the same shell and charts).
//!
//! Safety: every page is written with maud's `html!`, which escapes whatever is
//! spliced into it unless it is wrapped in [`PreEscaped`] (used only for fragments
//! already escaped or made of our own constants and numbers, each with a comment).
//! Text is spliced as [`Text`], which escapes as [`escape`] does (also inside SVG).
//! The page carries a Content-Security-Policy that forbids scripts and any outside
//! resource, so even a mistake could not run code or call out.

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

use crate::i18n::Lang;

/// Escapes text for HTML element content and attribute values (also inside
/// inline SVG), and makes control characters visible as the terminal output does;
/// whatever XML 1.0 forbids becomes U+FFFD ([`crate::text::xml_text`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_to(text, &mut out);
    out
}

fn escape_to(text: &str, out: &mut String) {
    let cleaned = crate::text::clean_lines(text);
    let cleaned = crate::text::xml_text(&cleaned);
    out.reserve(cleaned.len());
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
}

/// Text spliced into a page, escaped by [`escape`]. maud escapes a bare `&str` too, but
/// leaves `'` and control characters as they are; our pages have always had both
/// escaped, so text goes in as `Text`.
pub struct Text<'a>(pub &'a str);

impl Render for Text<'_> {
    fn render_to(&self, out: &mut String) {
        escape_to(self.0, out);
    }
}

/// A coordinate or a width with one decimal, as the charts write them.
struct Fixed1(f64);

impl Render for Fixed1 {
    fn render_to(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{:.1}", self.0);
    }
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
/// it, `body` in the main column.
pub fn page(lang: Lang, title: &str, subtitle: &str, body: Markup) -> String {
    page_styled(lang, title, subtitle, "", body)
}

/// [`page`] with more style rules after [`CSS`] (a renderer's own layout; never plan text).
pub fn page_styled(lang: Lang, title: &str, subtitle: &str, extra_css: &str, body: Markup) -> String {
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let footer = lang.pick(
        "Tạo bởi par — theo dõi Kế hoạch khắc phục, cải thiện Chỉ số CCHC",
        "Made with par — PAR Index plan tracker",
    );
    html! {
        (DOCTYPE) "\n"
        html lang=(code) {
            "\n"
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta name="viewport" content="width=device-width, initial-scale=1";
                "\n"
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                "\n"
                meta name="generator" content=(concat!("par ", env!("CARGO_PKG_VERSION")));
                "\n"
                title { (Text(title)) }
                "\n"
                // Our own constants, never plan text; escaping would break their quotes.
                style { (PreEscaped(CSS)) (PreEscaped(extra_css)) }
                "\n"
            }
            "\n"
            body {
                "\n"
                header class="top" { h1 { (Text(title)) } p { (Text(subtitle)) } }
                "\n"
                main { "\n" (Body(body)) }
                "\n"
                footer { (Text(footer)) }
                "\n"
            }
            "\n"
        }
        "\n"
    }
    .into_string()
}

/// The page's body, spliced with room kept for the short rest of the page after it, so
/// that a body of megabytes is not copied again when the closing tags are written.
struct Body(Markup);

impl Render for Body {
    fn render_to(&self, out: &mut String) {
        out.reserve(self.0.0.len() + 512);
        // Markup, escaped when it was made.
        out.push_str(&self.0.0);
    }
}

/// A card with a heading around some HTML.
pub fn card(heading: &str, inner: Markup) -> Markup {
    html! {
        section class="card" { h2 { (Text(heading)) } "\n" (inner) }
        "\n"
    }
}

/// A headline figure.
pub struct Kpi {
    pub value: String,
    pub label: String,
    /// `""`, `"good"`, `"warn"` or `"bad"`.
    pub tone: &'static str,
}

pub fn kpis(items: &[Kpi]) -> Markup {
    html! {
        div class="kpis" {
            @for k in items {
                div class={ "kpi " (k.tone) } {
                    div class="v" { (Text(&k.value)) }
                    div class="l" { (Text(&k.label)) }
                }
            }
        }
        "\n"
    }
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

/// Where each drawn segment of a bar starts and how wide it is, and where the bar ends.
fn lay_out(bar: &Bar, max: f64, plot_w: f64) -> (Vec<(f64, f64, &Segment)>, f64) {
    let mut x = LABEL_W;
    let mut drawn = Vec::with_capacity(bar.segments.len());
    for s in &bar.segments {
        if s.value <= 0.0 || max <= 0.0 {
            continue;
        }
        let w = (s.value / max * plot_w).max(1.0);
        drawn.push((x, w, s));
        x += w;
    }
    (drawn, x)
}

/// A horizontal (stacked) bar chart in inline SVG, one row per bar, scaled so
/// `max` fills the width. Labels longer than the label column are shortened
/// (the whole label is in the tooltip).
pub fn bar_chart(caption: &str, bars: &[Bar], max: f64, width: f64) -> Markup {
    let plot_w = (width - LABEL_W - NOTE_W).max(40.0);
    let height = ROW_H * bars.len() as f64 + 6.0;
    let x0 = LABEL_W;
    html! {
        svg class="chart" viewBox={ "0 0 " (width) " " (height) } width=(width) height=(height)
            style={ "max-width:" (width) "px" } role="img" aria-label=(Text(caption))
            xmlns="http://www.w3.org/2000/svg" {
            // Numbers only, in the self-closing form (maud writes void elements as `<line ...>`).
            (PreEscaped(format!("<line class=\"grid\" x1=\"{x0}\" y1=\"0\" x2=\"{x0}\" y2=\"{height}\"/>")))
            @for (i, b) in bars.iter().enumerate() {
                @let mid = ROW_H * i as f64 + 3.0 + ROW_H / 2.0;
                @let label = label_lines(&b.label);
                @let (drawn, end) = lay_out(b, max, plot_w);
                g {
                    title { (Text(&b.label)) }
                    @if label.len() == 1 {
                        text x=(Fixed1(LABEL_W - 8.0)) y=(Fixed1(mid)) text-anchor="end" dominant-baseline="middle" {
                            (Text(&label[0]))
                        }
                    } @else {
                        // A long name on two lines, the whole of it in the tooltip.
                        text x=(Fixed1(LABEL_W - 8.0)) y=(Fixed1(mid)) text-anchor="end" dominant-baseline="middle" font-size="10.5" {
                            @for (k, line) in label.iter().enumerate() {
                                tspan x=(Fixed1(LABEL_W - 8.0)) dy=(if k == 0 { "-0.55em" } else { "1.1em" }) { (Text(line)) }
                            }
                        }
                    }
                    @for (x, w, s) in drawn {
                        rect class=(s.class) x=(Fixed1(x)) y=(Fixed1(mid - BAR_H / 2.0)) width=(Fixed1(w))
                            height=(BAR_H) rx="2" { title { (Text(&s.label)) } }
                    }
                    text class="note" x=(Fixed1(end + 6.0)) y=(Fixed1(mid)) dominant-baseline="middle" {
                        (Text(&b.note))
                    }
                }
            }
        }
        "\n"
    }
}

/// A chart label on one line, or on two (split at a space) when longer than fits; only a
/// label longer than two lines is cut, and the bar's tooltip holds it whole.
fn label_lines(label: &str) -> Vec<String> {
    const LINE: usize = 34;
    let text = crate::text::one_line(label);
    if text.chars().count() <= LINE {
        return vec![text];
    }
    const WIDE: usize = 40;
    let mut first = String::new();
    let mut rest = text.as_str();
    for (i, word) in text.split(' ').enumerate() {
        let next = if i == 0 { word.chars().count() } else { first.chars().count() + 1 + word.chars().count() };
        if next > WIDE && !first.is_empty() {
            break;
        }
        if i > 0 {
            first.push(' ');
        }
        first.push_str(word);
        rest = text[first.len()..].trim_start();
    }
    if first.chars().count() > WIDE {
        first = crate::text::truncate(&first, WIDE);
        rest = "";
    }
    let mut out = vec![first];
    if !rest.is_empty() {
        out.push(crate::text::truncate(rest, WIDE));
    }
    out
}

/// The legend of a chart: (class, label) pairs.
pub fn legend(items: &[(&str, &str)]) -> Markup {
    html! {
        ul class="legend" {
            @for (class, label) in items {
                li { i class=(class) {} (Text(label)) }
            }
        }
        "\n"
    }
}

/// A data table: `headers` are (text, numeric) pairs; numeric columns are right-aligned.
/// Rows are kept until [`Table::finish`] writes the whole table at once.
pub struct Table {
    head: Markup,
    rows: Vec<(&'static str, Vec<Td>)>,
}

/// A table cell.
pub struct Td {
    html: Markup,
    class: String,
}

impl Td {
    /// Plain text, escaped.
    pub fn text(text: &str) -> Td {
        Td { html: html! { (Text(text)) }, class: String::new() }
    }
    /// Markup made by the renderer.
    pub fn html(html: Markup) -> Td {
        Td { html, class: String::new() }
    }
    /// A right-aligned figure.
    pub fn num(text: impl ToString) -> Td {
        Td { html: html! { (Text(&text.to_string())) }, class: "n".into() }
    }
    pub fn class(mut self, class: &str) -> Td {
        if !self.class.is_empty() {
            self.class.push(' ');
        }
        self.class.push_str(class);
        self
    }
}

/// `Some(text)` unless `text` is empty: an attribute written only when it has a value.
fn some(text: &str) -> Option<&str> {
    if text.is_empty() { None } else { Some(text) }
}

impl Table {
    pub fn new(headers: &[(&str, bool)]) -> Table {
        let head = html! {
            tr {
                @for (h, numeric) in headers {
                    th class=[numeric.then_some("n")] { (Text(h)) }
                }
            }
        };
        Table { head, rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<Td>) {
        self.row_class("", cells);
    }

    pub fn row_class(&mut self, class: &'static str, cells: Vec<Td>) {
        self.rows.push((class, cells));
    }

    pub fn finish(self) -> Markup {
        html! {
            div class="tablewrap" {
                table class="data" {
                    thead { (self.head) }
                    tbody {
                        "\n"
                        @for (class, cells) in &self.rows {
                            tr class=[some(class)] {
                                @for c in cells {
                                    td class=[some(&c.class)] { (c.html) }
                                }
                            }
                            "\n"
                        }
                    }
                }
            }
            "\n"
        }
    }
}

/// A file path that may wrap after each `/` or `\\` (escaped).
pub fn path(path: &str) -> Markup {
    // Escaped first; the only markup added is `<wbr>`.
    PreEscaped(escape(path).replace('/', "/<wbr>").replace('\\', "\\<wbr>"))
}

/// A small progress meter and the percentage as text.
pub fn meter(percent: Option<f64>, text: &str) -> Markup {
    let w = percent.unwrap_or(0.0).clamp(0.0, 100.0);
    html! {
        span class="meter" { b style={ "width:" (Fixed1(w)) "%" } {} }
        (Text(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chart_labels_wrap_instead_of_being_cut() {
        assert_eq!(label_lines("Trường Mầm non Sơn Ca"), ["Trường Mầm non Sơn Ca"]);
        let long = "Trường Trung học cơ sở Nguyễn Bỉnh Khiêm, phường Sài Gòn";
        let lines = label_lines(long);
        assert_eq!(lines, ["Trường Trung học cơ sở Nguyễn Bỉnh", "Khiêm, phường Sài Gòn"]);
        assert_eq!(lines.join(" "), long, "nothing cut");
    }

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
        )
        .into_string();
        assert!(!svg.contains("<b>") && !svg.contains("<i>"));
        assert!(svg.contains("&lt;b&gt;x&lt;/b&gt;"));
    }
}
