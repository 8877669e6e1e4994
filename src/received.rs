//! Reports received instead of plans. A Word report written by `par report` carries its
//! figures in a custom XML part (see `render::report::docx_data`), and a JSON report is
//! its data; `par rollup` reads either into a unit's row as it reads a plan. Any other
//! Word or PDF file is listed as a document a unit sent (a JSON file that is not a
//! report is passed over).
//!
//! What a report gives: the unit, the period and its window, the period's, the year's
//! and the previous period's counts, the change, each item's status (the overdue list)
//! and the unit's proposals. It does not give the whole plan: the unit's counts are
//! those of the period, and its last entry is not known (so it is never called silent).

use std::io::Read as _;
use std::path::Path;

use chrono::NaiveDate;

use crate::compute::report::Tally;
use crate::compute::rollup::{OverdueItem, PeriodFigures, Rollup, Scope, Source, Summary, UnitSummary};
use crate::compute::status::Counts;
use crate::i18n::Lang;
use crate::period::Period;

/// An item of a report: key, title, owner, due date, status word, days late.
type Item = (String, String, Option<String>, Option<NaiveDate>, String, i64);

/// A report's figures, from either form.
struct Received {
    unit: String,
    superior: Option<String>,
    period: Period,
    label: String,
    from: NaiveDate,
    to: NaiveDate,
    change_points: Option<f64>,
    period_tally: Tally,
    year: Tally,
    previous: Tally,
    items: Vec<Item>,
    proposals: Vec<String>,
}

/// Reads a document found under a folder into the rollup.
pub fn read_into(rollup: &mut Rollup, order: usize, path: &Path, today: NaiveDate, scope: Scope, lang: Lang) {
    let shown = path.display().to_string();
    let ext = path.extension().and_then(|x| x.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let received = match ext.as_str() {
        "docx" => read_docx(path),
        "json" => read_json(path),
        _ => None,
    };
    match received {
        Some(r) => rollup.add(order, summary(r, &shown, today, scope, ext == "docx", lang)),
        None if ext != "json" => rollup.document(order, shown),
        None => {}
    }
}

fn summary(r: Received, path: &str, _today: NaiveDate, _scope: Scope, word: bool, _lang: Lang) -> Summary {
    let (unit, shown): (std::sync::Arc<str>, std::sync::Arc<str>) = (r.unit.as_str().into(), path.into());
    let mut overdue: Vec<OverdueItem> = r
        .items
        .iter()
        .filter(|i| i.4 == "overdue")
        .filter_map(|(key, title, owner, due, _, late)| {
            Some(OverdueItem {
                unit: unit.clone(),
                code: None,
                path: shown.clone(),
                key: key.clone(),
                title: title.clone(),
                owner: owner.clone(),
                due: (*due)?,
                days_late: *late,
            })
        })
        .collect();
    overdue.sort_by_key(|o| std::cmp::Reverse(o.days_late));
    let tasks: std::collections::BTreeSet<&str> =
        r.items.iter().map(|i| i.0.split('@').next().unwrap_or(&i.0)).collect();
    let items = r.period_tally.counts;
    Summary {
        unit: UnitSummary {
            unit: r.unit.clone(),
            code: None,
            superior: r.superior.clone(),
            path: path.to_string(),
            shown_path: path.to_string(),
            source: if word { Source::WordReport } else { Source::JsonReport },
            title: r.label.clone(),
            year: r.period.year(),
            date: None,
            tasks: tasks.len(),
            items,
            percent_complete: items.percent_complete(),
            on_time_rate: items.on_time_rate(),
            index_forecast: None,
            index_max: None,
            last_entry: None,
            silent: false,
            report: Some(PeriodFigures {
                period: r.period,
                label: r.label,
                from: r.from,
                to: r.to,
                tally: r.period_tally,
                year: r.year,
                previous: r.previous,
                change_points: r.change_points,
            }),
            flags: Vec::new(),
            roster_code: None,
        },
        overdue,
        proposals: r.proposals,
        criteria: None,
    }
}

/// The attributes of each `<name …/>` element of the part, in order, entities decoded.
fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = rest[i + 1..i + j].trim_end_matches('/');
        rest = &rest[i + j + 1..];
        if tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let (name, mut attrs) = (tag[..name_end].to_string(), &tag[name_end..]);
        let mut pairs = Vec::new();
        while let Some(eq) = attrs.find("=\"") {
            let key = attrs[..eq].trim().to_string();
            let Some(end) = attrs[eq + 2..].find('"') else { break };
            pairs.push((key, unescape(&attrs[eq + 2..eq + 2 + end])));
            attrs = &attrs[eq + 2 + end + 1..];
        }
        out.push((name, pairs));
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn get<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
    attrs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn tally_of(attrs: &[(String, String)]) -> Tally {
    let n = |k: &str| get(attrs, k).parse::<usize>().unwrap_or(0);
    let counts = Counts {
        total: n("total"),
        done_on_time: n("done-on-time"),
        done_late: n("done-late"),
        open: n("open"),
        overdue: n("overdue"),
        not_started: n("not-started"),
        ongoing: n("ongoing"),
        not_carried_out: n("not-carried-out"),
    };
    Tally { counts, percent_complete: get(attrs, "percent").parse().ok() }
}

/// The custom XML part of a Word report, if it has one.
fn read_docx(path: &Path) -> Option<Received> {
    let bytes = crate::read::read_capped(path).ok()?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("customXml/item") && !n.contains("Props"))
        .collect();
    for name in names {
        let mut xml = String::new();
        // A part is small; one larger than 64 MB is not ours.
        if zip.by_name(&name).ok()?.take(64 << 20).read_to_string(&mut xml).is_err() {
            continue;
        }
        if let Some(r) = from_part(&xml) {
            return Some(r);
        }
    }
    None
}

fn from_part(xml: &str) -> Option<Received> {
    let els = elements(xml);
    let (name, root) = els.first()?;
    if name != crate::render::report::docx_data::ROOT {
        return None;
    }
    let mut r = Received {
        unit: get(root, "unit").to_string(),
        superior: Some(get(root, "superior").to_string()).filter(|s| !s.is_empty()),
        period: Period::parse(get(root, "period"), None).ok()?,
        label: get(root, "period-label").to_string(),
        from: date(get(root, "from"))?,
        to: date(get(root, "to"))?,
        change_points: get(root, "change-points").parse().ok(),
        period_tally: Tally::default(),
        year: Tally::default(),
        previous: Tally::default(),
        items: Vec::new(),
        proposals: Vec::new(),
    };
    for (name, a) in &els[1..] {
        match (name.as_str(), get(a, "scope")) {
            ("counts", "period") => r.period_tally = tally_of(a),
            ("counts", "year") => r.year = tally_of(a),
            ("counts", "previous") => r.previous = tally_of(a),
            ("item", _) => r.items.push((
                get(a, "key").to_string(),
                get(a, "title").to_string(),
                Some(get(a, "owner").to_string()).filter(|s| !s.is_empty()),
                date(get(a, "due")),
                get(a, "status").to_string(),
                get(a, "days-late").parse().unwrap_or(0),
            )),
            ("proposal", _) => r.proposals.push(get(a, "text").to_string()),
            _ => {}
        }
    }
    Some(r)
}

/// A JSON report (`par report --format json`), if the file is one.
fn read_json(path: &Path) -> Option<Received> {
    let bytes = crate::read::read_capped(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    if v["kind"] != "report" {
        return None;
    }
    let s = |x: &serde_json::Value| x.as_str().map(String::from);
    let tally = |x: &serde_json::Value| {
        let n = |k: &str| x[k].as_u64().unwrap_or(0) as usize;
        let counts = Counts {
            total: n("total"),
            done_on_time: n("done_on_time"),
            done_late: n("done_late"),
            open: n("open"),
            overdue: n("overdue"),
            not_started: n("not_started"),
            ongoing: n("ongoing"),
            not_carried_out: n("not_carried_out"),
        };
        Tally { counts, percent_complete: x["percent_complete"].as_f64() }
    };
    let f = &v["figures"];
    let mut items = Vec::new();
    for sec in v["sections"].as_array()? {
        for i in sec["items"].as_array()? {
            items.push((
                s(&i["key"])?,
                s(&i["title"]).unwrap_or_default(),
                s(&i["owner"]),
                i["due"].as_str().and_then(date),
                s(&i["status"]).unwrap_or_default(),
                i["days_late"].as_i64().unwrap_or(0),
            ));
        }
    }
    Some(Received {
        unit: s(&v["header"]["unit"])?,
        superior: s(&v["header"]["superior"]),
        period: Period::parse(v["period"].as_str()?, None).ok()?,
        label: s(&v["period_label"]).unwrap_or_default(),
        from: date(v["window"]["from"].as_str()?)?,
        to: date(v["window"]["to"].as_str()?)?,
        change_points: f["change_points"].as_f64(),
        period_tally: tally(&f["period"]),
        year: tally(&f["year"]),
        previous: tally(&f["previous"]),
        items,
        proposals: v["proposals"].as_array().map(|a| a.iter().filter_map(s).collect()).unwrap_or_default(),
    })
}
