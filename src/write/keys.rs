//! Editing a task's own key lines (`[[task]]` and its `key = value` lines) with
//! `toml_edit`, which keeps the comments, spacing and quoting of what it does not change.

use toml_edit::{DocumentMut, Item, Table, Value};

use super::splice::with_eol;

/// Applies the changes to the text of a task's own keys (`[[task]]` and its
/// key lines). Values keep the comments and spacing around them; new keys go in
/// their usual place among the existing ones (their place in `order`).
pub fn edit_head(
    head: &str,
    set: &[(&str, String)],
    unset: &[&str],
    eol: &str,
    order: &[&str],
) -> Result<String, String> {
    edit_table(head, &["task"], true, set, unset, eol, order)
}

/// [`edit_head`] for any one table: `text` is its header line (`[[owner]]`,
/// `[task.indicator]`: `path` and `array` say which) and its key lines.
pub fn edit_table(
    text: &str,
    path: &[&str],
    array: bool,
    set: &[(&str, String)],
    unset: &[&str],
    eol: &str,
    order: &[&str],
) -> Result<String, String> {
    let head = text;
    let mut doc: DocumentMut = head.parse().map_err(|e: toml_edit::TomlError| e.message().to_string())?;
    let missing = || format!("the block does not start with [{}]", path.join("."));
    let (last, parents) = path.split_last().ok_or_else(missing)?;
    let mut item: &mut Item = doc.as_item_mut();
    for p in parents {
        item = item.get_mut(p).ok_or_else(missing)?;
    }
    let item = item.get_mut(last).ok_or_else(missing)?;
    let table = match array {
        true => item.as_array_of_tables_mut().and_then(|a| a.get_mut(0)),
        false => item.as_table_mut(),
    }
    .ok_or_else(missing)?;
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
    place_new_keys(table, &before, order);
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
/// last existing key that comes before it in `order`.
fn place_new_keys(table: &mut Table, before: &[String], order_of_keys: &[&str]) {
    let rank = |k: &str| order_of_keys.iter().position(|o| *o == k).unwrap_or(order_of_keys.len());
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
    use crate::write::splice::quote;

    /// An order of keys, as `par edit` gives.
    const ORDER: &[&str] =
        &["id", "section", "title", "detail", "owner", "support", "start", "due", "end", "repeat", "due_day", "result"];

    #[test]
    fn edits_keep_comments_and_place_keys() {
        let head = "[[task]]   # t\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\n# about the owner\nowner = \"ht\"\nrepeat = \"ongoing\"       # \"thường xuyên\"\nresult = 'r'\n";
        let out = edit_head(
            head,
            &[("repeat", quote("quarterly")), ("due_day", "20".into()), ("start", "2025-06-01".into())],
            &["owner"],
            "\n",
            ORDER,
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
        let out = edit_head(head, &[], &["start", "result"], "\n", ORDER).unwrap();
        assert_eq!(out, "[[task]]\nid = \"1\"\n# dates: assumed\ndue = 2025-09-30\n# last\n");
        let out = edit_head(head, &[("due", "2025-10-15".into())], &["start"], "\n", ORDER).unwrap();
        assert_eq!(out, "[[task]]\nid = \"1\"\n# dates: assumed\ndue = 2025-10-15\n# last\nresult = \"r\"\n");
    }

    #[test]
    fn crlf_and_no_final_newline() {
        let head = "[[task]]\r\nid = \"1\"\r\ntitle = \"a\"";
        let out = edit_head(head, &[("title", quote("Ý kiến"))], &[], "\r\n", ORDER).unwrap();
        assert_eq!(out, "[[task]]\r\nid = \"1\"\r\ntitle = \"Ý kiến\"");
    }
}
