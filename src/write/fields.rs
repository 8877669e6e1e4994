//! What `par add` and `par edit` share beyond a task's plain keys: the index criteria
//! it links to, its `[task.indicator]`, numbers as officers type them, and the
//! "before → after" lines an edit prints.

use toml_edit::{DocumentMut, Item};

use super::resolve::{self, ListChange};
use crate::cli::TaskFields;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::plan::{Plan, Task};

/// Reads "95", "95.5", "95,5" (Vietnamese decimal comma) or "95%".
pub fn parse_number(typed: &str) -> Option<f64> {
    let t = typed.trim().trim_end_matches('%').trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A value as TOML writes it: `100`, `66.7`, `1e20`.
pub use par_core::text::toml_number;

/// The keys of `[task.indicator]` that `--indicator`, `--target` and `--unit` set, as TOML
/// text, in the schema's order.
pub fn indicator_keys(f: &TaskFields, lang: Lang) -> Result<Vec<(&'static str, String)>, Fail> {
    let mut set = Vec::new();
    if let Some(name) = &f.indicator {
        if name.trim().is_empty() {
            return Err(Fail::input(crate::say!(lang, IndicatorNameEmpty)));
        }
        set.push(("name", super::splice::quote(name.trim())));
    }
    if let Some(unit) = &f.unit {
        set.push(("unit", super::splice::quote(unit.trim())));
    }
    if let Some(typed) = &f.target {
        let value = parse_number(typed)
            .ok_or_else(|| Fail::input(crate::say!(lang, TargetNotANumberOption, typed = crate::text::clean(typed))))?;
        set.push(("target", toml_number(value)));
    }
    Ok(set)
}

/// The `[task.indicator]` table for a task without one, from `keys` (name and target needed).
pub fn new_indicator(keys: &[(&str, String)], eol: &str, lang: Lang) -> Result<String, Fail> {
    let has = |k: &str| keys.iter().any(|(key, _)| *key == k);
    if !has("name") || !has("target") {
        return Err(
            Fail::input(crate::say!(lang, NewIndicatorIncomplete)).help(crate::say!(lang, NewIndicatorIncompleteHelp))
        );
    }
    let mut out = format!("[task.indicator]{eol}");
    for key in crate::plan::schema::RawIndicator::KEYS {
        if let Some((_, v)) = keys.iter().find(|(k, _)| k == key) {
            out.push_str(&format!("{key} = {v}{eol}"));
        }
    }
    Ok(out)
}

/// The ids of the support list after `--support` (a bare list replaces, `+`/`-` add and remove).
pub fn support(plan: &Plan, task: Option<&Task>, typed: &[String], lang: Lang) -> Result<Vec<String>, Fail> {
    let change = resolve::list_change(typed, "--support", lang)?;
    let current: Vec<String> =
        task.map(|t| t.support.iter().map(|&k| plan.owners[k].id.clone()).collect()).unwrap_or_default();
    resolve::apply_list(&current, &change, "--support", lang, |o| {
        resolve::owner_to_assign(plan, o, "--support", lang).map(|k| plan.owners[k].id.clone())
    })
}

/// The criteria codes after `--criteria`, each checked against the plan's `[index]`.
pub fn criteria(plan: &Plan, task: Option<&Task>, typed: &[String], lang: Lang) -> Result<Vec<String>, Fail> {
    let change = resolve::list_change(typed, "--criteria", lang)?;
    let codes = |c: &[usize]| -> Vec<String> {
        plan.index.as_ref().map(|ix| c.iter().map(|&n| ix.nodes[n].code.clone()).collect()).unwrap_or_default()
    };
    let current = task.map(|t| codes(&t.criteria)).unwrap_or_default();
    if matches!(&change, ListChange::Replace(items) if items.is_empty()) {
        return Ok(Vec::new());
    }
    resolve::apply_list(&current, &change, "--criteria", lang, |c| {
        resolve::criterion(plan, c, lang).map(|n| codes(&[n]).remove(0))
    })
}

/// The values of `keys` in one table's text (`[[task]]`, `[task.indicator]`) as TOML
/// writes them, on one line, without their comments; `None` for a key it lacks.
pub fn values_of(text: &str, path: &[&str], array: bool, keys: &[&str]) -> Vec<Option<String>> {
    let Ok(doc) = text.parse::<DocumentMut>() else { return vec![None; keys.len()] };
    let mut item: Option<&Item> = Some(doc.as_item());
    for p in path {
        item = item.and_then(|i| i.get(p));
    }
    let table = item.and_then(|i| match array {
        true => i.as_array_of_tables().and_then(|a| a.get(0)),
        false => i.as_table(),
    });
    keys.iter()
        .map(|k| {
            table.and_then(|t| t.get(k)).and_then(Item::as_value).map(|v| {
                let mut v = v.clone();
                v.decor_mut().clear();
                crate::text::one_line(v.to_string().trim())
            })
        })
        .collect()
}

/// "  due: 2025-09-30 → 2025-10-15" lines, one per changed field, for stderr.
pub fn before_after(changes: &[(String, Option<String>, Option<String>)], lang: Lang) -> String {
    let none = crate::messages::Msg::ValueNone.text(lang);
    let gone = crate::messages::Msg::ValueRemoved.text(lang);
    let mut out = String::new();
    for (key, old, new) in changes {
        let old = crate::text::clean(old.as_deref().unwrap_or(none));
        let new = crate::text::clean(new.as_deref().unwrap_or(gone));
        out.push_str(&format!("  {}\n", crate::say!(lang, BeforeAfter, key, old, new)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_values() {
        assert_eq!(parse_number("95,5"), Some(95.5));
        assert_eq!(parse_number(" 66.7 % "), Some(66.7));
        assert_eq!(parse_number("chín"), None);
        assert_eq!(toml_number(100.0), "100");
        let head = "[[task]]\nid = \"1\"  # c\nsupport = [\"a\", \"b\"]\ndetail = '''\nx\ny'''\n";
        let v = values_of(head, &["task"], true, &["id", "support", "due", "detail"]);
        assert_eq!(v, vec![Some("\"1\"".into()), Some("[\"a\", \"b\"]".into()), None, Some("''' x y'''".into())]);
        let ind = "[task.indicator]\nname = \"n\"\ntarget = 100\n";
        assert_eq!(values_of(ind, &["task", "indicator"], false, &["target"]), vec![Some("100".into())]);
    }
}
