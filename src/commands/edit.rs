//! `par edit`: changes a task's own fields. Only the task's key lines are parsed
//! (with `toml_edit`, which keeps comments, spacing and quoting of what it does not
//! change), edited and put back; its sub-tables and the rest of the file are not
//! touched.

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::cli::EditArgs;
use crate::error::{Fail, code};
use crate::write::splice::{Change, array, date, quote, with_eol};
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

/// The order keys are written in, for a key the task does not have yet: the schema's.
const ORDER: &[&str] = crate::plan::schema::RawTask::KEYS;

pub fn run(ctx: &Context, args: &EditArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let i = s.task(&args.id)?;
    let task = &plan.tasks[i];
    let f = &args.fields;

    // What to set, as TOML text, checked and resolved first.
    let mut set: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &args.title {
        if t.trim().is_empty() {
            return Err(
                Fail::input(lang.pick("--title: tên nhiệm vụ đang trống", "--title: the title is empty")).into()
            );
        }
        set.push(("title", quote(t.trim())));
    }
    if let Some(sec) = &f.section {
        set.push(("section", quote(&plan.sections[resolve::section(plan, sec, lang)?].id)));
    }
    if let Some(d) = &f.detail {
        set.push(("detail", quote(d.trim())));
    }
    if let Some(o) = &f.owner {
        set.push(("owner", quote(&plan.owners[resolve::owner(plan, o, "--owner", lang)?].id)));
    }
    let mut unset: Vec<&str> = args.unset.iter().map(|u| u.key()).collect();
    if let Some(list) = &f.support {
        let ids = list
            .iter()
            .filter(|o| !o.trim().is_empty())
            .map(|o| resolve::owner(plan, o, "--support", lang).map(|k| plan.owners[k].id.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        if ids.is_empty() {
            unset.push("support");
        } else {
            set.push(("support", array(&ids)));
        }
    }
    for (typed, key) in [(&f.start, "start"), (&f.due, "due"), (&f.end, "end")] {
        if let Some(d) = typed {
            set.push((key, date(resolve::date(d, &format!("--{key}"), ctx.today)?)));
        }
    }
    if let Some(r) = &f.repeat {
        set.push(("repeat", quote(resolve::repeat(r, lang)?.keyword())));
    }
    if let Some(day) = f.due_day {
        set.push(("due_day", day.to_string()));
    }
    if let Some(r) = &f.result {
        set.push(("result", quote(r.trim())));
    }
    if let Some((key, _)) = set.iter().find(|(k, _)| unset.contains(k)) {
        return Err(Fail::input(lang.pick(
            &format!("`{key}` vừa được đặt vừa bị xóa (--unset); chọn một"),
            &format!("`{key}` is both set and removed (--unset); choose one"),
        ))
        .into());
    }
    if set.is_empty() && unset.is_empty() {
        return Err(Fail::input(lang.pick(
            "không có gì để sửa; cho biết trường cần sửa, ví dụ --due 30/9/2025 hoặc --owner ht (xem par edit --help)",
            "nothing to change; give the fields to change, e.g. --due 30/9/2025 or --owner ht (see par edit --help)",
        ))
        .into());
    }

    let block = s.block(i)?;
    let head = &s.text()[block.head.clone()];
    let new_head = edit_head(head, &set, &unset, s.eol()).map_err(|e| {
        Fail::input(format!("{} {}: {e}", lang.pick("par không sửa được nhiệm vụ", "par cannot edit task"), task.id))
    })?;
    let change = Change::new(block.head.clone(), new_head);
    if change.is_noop(s.text()) {
        return Err(Fail {
            code: code::FINDINGS,
            message: lang
                .pick(
                    &format!("nhiệm vụ {} đã đúng như vậy; không ghi gì", task.id),
                    &format!("task {} already says so; nothing was written", task.id),
                )
                .to_string(),
        }
        .into());
    }
    s.check(&change, block.content.clone())?;
    let changed: Vec<&str> = set.iter().map(|(k, _)| *k).collect();
    let mut summary = changed.join(", ");
    if !unset.is_empty() {
        if !summary.is_empty() {
            summary.push_str("; ");
        }
        summary.push_str(&format!("{} {}", lang.pick("bỏ", "removed"), unset.join(", ")));
    }
    let id = task.id.clone();
    s.commit(&change)?;
    Ok(Outcome::ok(format!(
        "{}\n",
        lang.pick(&format!("Đã sửa nhiệm vụ {id}: {summary}."), &format!("Changed task {id}: {summary}."))
    )))
}

/// Applies the changes to the text of a task's own keys (`[[task]]` and its
/// key lines). Values keep the comments and spacing around them; new keys go in
/// their usual place among the existing ones.
fn edit_head(head: &str, set: &[(&str, String)], unset: &[&str], eol: &str) -> Result<String, String> {
    let mut doc: DocumentMut = head.parse().map_err(|e: toml_edit::TomlError| e.message().to_string())?;
    let table = doc
        .get_mut("task")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|a| a.get_mut(0))
        .ok_or("the block does not start with [[task]]")?;
    let before: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    let mut orphans = String::new();
    for key in unset {
        let Some((k, _)) = table.remove_entry(key) else { continue };
        // Comment lines above a removed key are the user's: they move to the next key.
        let prefix = k.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
        if prefix.contains('#') {
            let next = before.iter().skip_while(|b| b.as_str() != *key).skip(1).find(|b| table.contains_key(b));
            match next.and_then(|n| table.key_mut(n)) {
                Some(mut n) => {
                    let old = n.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
                    n.leaf_decor_mut().set_prefix(format!("{prefix}{old}"));
                }
                None => orphans.push_str(prefix),
            }
        }
    }
    for (key, text) in set {
        let mut value: Value = text.parse().map_err(|e: toml_edit::TomlError| e.message().to_string())?;
        match table.get_mut(key) {
            // Replacing the item in place keeps the key and the comments above it.
            Some(item) => {
                if let Some(old) = item.as_value() {
                    *value.decor_mut() = old.decor().clone();
                }
                *item = Item::Value(value);
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }
    place_new_keys(table, &before);
    if !orphans.is_empty() {
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing(format!("{orphans}{trailing}"));
    }
    let mut out = with_eol(&doc.to_string(), eol);
    if !head.ends_with('\n') && out.ends_with('\n') {
        out.truncate(out.len() - if out.ends_with("\r\n") { 2 } else { 1 });
    }
    Ok(out)
}

/// Keeps the existing keys in their order and puts each new key right after the
/// last existing key that comes before it in [`ORDER`].
fn place_new_keys(table: &mut Table, before: &[String]) {
    let rank = |k: &str| ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len());
    let mut order: Vec<String> = before.iter().filter(|k| table.contains_key(k)).cloned().collect();
    let mut new: Vec<String> = table.iter().map(|(k, _)| k.to_string()).filter(|k| !order.contains(k)).collect();
    new.sort_by_key(|k| rank(k));
    for k in new {
        let at = order.iter().rposition(|o| rank(o) < rank(&k)).map_or(0, |p| p + 1);
        order.insert(at, k);
    }
    let pos = |k: &str| order.iter().position(|o| o == k).unwrap_or(usize::MAX);
    table.sort_values_by(|a, _, b, _| pos(a.get()).cmp(&pos(b.get())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_comments_and_place_keys() {
        let head = "[[task]]   # t\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\n# about the owner\nowner = \"ht\"\nrepeat = \"ongoing\"       # \"thường xuyên\"\nresult = 'r'\n";
        let out = edit_head(
            head,
            &[("repeat", quote("quarterly")), ("due_day", "20".into()), ("start", "2025-06-01".into())],
            &["owner"],
            "\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "[[task]]   # t\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\nstart = 2025-06-01\n# about the owner\nrepeat = \"quarterly\"       # \"thường xuyên\"\ndue_day = 20\nresult = 'r'\n"
        );
    }

    #[test]
    fn comments_of_removed_keys_stay() {
        let head =
            "[[task]]\nid = \"1\"\n# dates: assumed\nstart = 2025-06-01\ndue = 2025-09-30\n# last\nresult = \"r\"\n";
        let out = edit_head(head, &[], &["start", "result"], "\n").unwrap();
        assert_eq!(out, "[[task]]\nid = \"1\"\n# dates: assumed\ndue = 2025-09-30\n# last\n");
        let out = edit_head(head, &[("due", "2025-10-15".into())], &["start"], "\n").unwrap();
        assert_eq!(out, "[[task]]\nid = \"1\"\n# dates: assumed\ndue = 2025-10-15\n# last\nresult = \"r\"\n");
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let head = "[[task]]\r\nid = \"1\"\r\ntitle = \"a\"";
        let out = edit_head(head, &[("title", quote("Ý kiến"))], &[], "\r\n").unwrap();
        assert_eq!(out, "[[task]]\r\nid = \"1\"\r\ntitle = \"Ý kiến\"");
    }
}
