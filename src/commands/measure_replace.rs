//! `par measure --replace`: corrects a measurement in place and keeps the old value in
//! the task's log, so nothing recorded vanishes. Two spots of the task change: the
//! `[[task.measure]]` table corrected and a `[[task.log]]` appended at the task's end.

use chrono::NaiveDate;

use crate::Outcome;
use crate::cli::MeasureArgs;
use crate::error::Fail;
use crate::period::Period;
use crate::write::fields::{toml_number, values_of};
use crate::write::journal::{self, Entry, Kind};
use crate::write::keys::edit_table;
use crate::write::splice::{Lines, block_after, combine, date as toml_date, quote};
use crate::write::{Session, author, timestamp};

const MEASURE: &[&str] = &["task", "measure"];

pub fn run(
    s: Session,
    i: usize,
    n: usize,
    value: f64,
    date: NaiveDate,
    args: &MeasureArgs,
    period: Option<Period>,
) -> anyhow::Result<Outcome> {
    let (plan, lang) = (s.plan(), s.lang);
    let task = &plan.tasks[i];
    let old = task.measures[n].clone();
    let block = s.block(i)?;
    let Some((header, removal)) = block.child("measure", n).cloned() else {
        return Err(Fail::input(crate::say!(lang, MeasureEntryNotFound)).into());
    };
    let by = author(args.by.as_deref(), plan);
    let note = args.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let at = timestamp()?;
    let mut set: Vec<(&str, String)> = vec![("value", toml_number(value)), ("date", toml_date(date))];
    let mut unset: Vec<&str> = Vec::new();
    // A new note, author and time replace the old ones, which the log entry keeps.
    match note {
        Some(t) => set.push(("note", quote(t))),
        None => unset.push("note"),
    }
    match &by {
        Some(b) => set.push(("by", quote(b))),
        None => unset.push("by"),
    }
    set.push(("at", at.clone()));
    let table = header.start..removal.end;
    let old_text = &s.text()[table.clone()];
    let order = crate::plan::schema::RawMeasure::KEYS;
    let new_table = edit_table(old_text, MEASURE, true, &set, &unset, s.eol(), order)
        .map_err(|reason| Fail::input(crate::say!(lang, TableEditFailed, table = "[[task.measure]]", reason)))?;
    let old_value = values_of(old_text, MEASURE, true, &["value"]).remove(0).unwrap_or_else(|| old.value.to_string());

    // The log entry: what the value was, when, and its note.
    let when = period.map(|p| p.to_string()).unwrap_or_else(|| crate::dates::short(old.date));
    let new_value = toml_number(value);
    let mut text = lang
        .pick(
            &format!(
                "Sửa số đo kỳ {when}: {old_value} → {new_value} (số cũ ghi ngày {})",
                crate::dates::short(old.date)
            ),
            &format!(
                "Measurement for {when} corrected: {old_value} → {new_value} (the old one dated {})",
                crate::dates::short(old.date)
            ),
        )
        .to_string();
    if let Some(old_note) = old.note.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push_str(&format!("; {}: {}", lang.pick("ghi chú cũ", "its note"), old_note.trim()));
    }
    let mut log = Lines::new(s.eol());
    log.raw("[[task.log]]").date("date", Some(date)).string("text", &text);
    if let Some(p) = period {
        log.string("period", &p.to_string());
    }
    log.opt_string("by", by.as_deref()).raw(&format!("at = {at}"));
    let end = block.content.end;
    let new_lines = new_table.clone();
    let change =
        combine(s.text(), vec![(table, new_table), (end..end, block_after(s.text(), end, &log.text, s.eol()))]);
    let checked = s.check(&change, block.content.clone())?;
    if checked.measures.len() != task.measures.len()
        || checked.log.len() != task.log.len() + 1
        || checked.measures[n].value != value
    {
        return Err(Fail::input(crate::say!(lang, MeasureNotCorrected)).into());
    }
    let id = task.id.clone();
    let measure_entry = Entry::measured(&id, &checked.measures[n], &new_lines);
    let log_entry = Entry::appended(&checked, Kind::Log, &log.text);
    let met = task.indicator.as_ref().is_some_and(|ind| ind.met(value));
    let unit = task.indicator.as_ref().and_then(|ind| ind.unit.clone()).unwrap_or_default();
    s.commit_then(&change, |s| {
        journal::forget_measure(s, &id, &old);
        journal::record(s.real(), s.plan(), measure_entry, s.lang);
        journal::record_appended(s, log_entry);
    })?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(
            &format!(
                "Đã sửa số đo nhiệm vụ {id} kỳ {when}: {old_value}{unit} → {new_value}{unit} ({}); số cũ được giữ trong nhật ký.",
                if met { "đạt" } else { "chưa đạt" }
            ),
            &format!(
                "Corrected task {id}'s measurement for {when}: {old_value}{unit} → {new_value}{unit} ({}); the old one is kept in the log.",
                if met { "met" } else { "not met" }
            ),
        )
    )))
}
