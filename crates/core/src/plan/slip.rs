//! The usual slips in a hand-edited plan that the toml crate reports in its own English
//! terms: a date typed as 30/9/2025 without quotes, curly quotes pasted from Word, a
//! string left open, a key without `=`. Each gets a message and a hint from the catalogue.

use crate::i18n::Lang;

/// The message and the hint for a syntax error the toml crate worded as `detail`, on
/// `line`, at byte `col` of it (the message quotes `detail`); `None` when it is none of the
/// usual slips.
pub fn syntax_slip(lang: Lang, detail: &str, line: &str, col: Option<usize>) -> Option<(String, String)> {
    let pair = |m: crate::messages::Msg, h: crate::messages::Msg| {
        Some((m.fill(lang, &[("detail", &detail)]), h.fill(lang, &[])))
    };
    if line.contains(['“', '”', '‘', '’']) {
        return pair(crate::messages::Msg::TomlCurlyQuotes, crate::messages::Msg::TomlCurlyQuotesHelp);
    }
    let value = col.and_then(|c| line.get(c..)).unwrap_or("");
    if let Some((typed, iso)) = slashed_date(value) {
        return Some((
            crate::say!(lang, TomlUnquotedDate, detail),
            crate::say!(lang, TomlUnquotedDateHelp, iso, typed),
        ));
    }
    if detail.contains("invalid basic string") || detail.contains("invalid literal string") {
        return pair(crate::messages::Msg::TomlUnclosedString, crate::messages::Msg::TomlUnclosedStringHelp);
    }
    if detail.contains("expected `=`") {
        return pair(crate::messages::Msg::TomlMissingEquals, crate::messages::Msg::TomlMissingEqualsHelp);
    }
    if detail.starts_with("string values must be quoted") {
        return pair(crate::messages::Msg::TomlUnquotedText, crate::messages::Msg::TomlUnquotedTextHelp);
    }
    None
}

/// A value starting `30/9/2025` or `30/9`: as typed, and as the plan file wants it
/// (`2025-09-30`; a date without its year keeps `30/9` in quotes only).
fn slashed_date(value: &str) -> Option<(String, String)> {
    let typed: String = value.chars().take_while(|c| c.is_ascii_digit() || *c == '/').collect();
    let parts: Vec<&str> = typed.split('/').collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let (d, m): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    let iso = match parts.get(2).map(|y| y.parse::<i32>()) {
        Some(Ok(y)) if y < 100 => format!("{}-{m:02}-{d:02}", 2000 + y),
        Some(Ok(y)) => format!("{y}-{m:02}-{d:02}"),
        Some(Err(_)) => return None,
        None => format!("\"{typed}\""),
    };
    Some((typed, iso))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_usual_slip_in_both_languages() {
        let (m, h) =
            syntax_slip(Lang::Vi, "string values must be quoted, expected literal string", "due = 30/9/2025", Some(6))
                .unwrap();
        assert_eq!(
            m,
            "ngày viết dạng ngày/tháng/năm phải nằm trong ngoặc kép (string values must be quoted, expected literal string)"
        );
        assert_eq!(h, "viết 2025-09-30 hoặc \"30/9/2025\"");
        let (_, h) = syntax_slip(Lang::En, "string values must be quoted", "due = 5/10/25 # x", Some(6)).unwrap();
        assert_eq!(h, "write 2025-10-05 or \"5/10/25\"");
        let (m, _) = syntax_slip(Lang::En, "unexpected key or value", "title = “Kế hoạch”", Some(12)).unwrap();
        assert!(m.starts_with("curly quotes"), "{m}");
        let (m, _) = syntax_slip(Lang::Vi, "invalid basic string, expected `\"`", "title = \"abc", Some(12)).unwrap();
        assert_eq!(m, "thiếu dấu ngoặc kép đóng chuỗi (invalid basic string, expected `\"`)");
        let (m, _) = syntax_slip(Lang::En, "key with no value, expected `=`", "title \"abc\"", Some(6)).unwrap();
        assert_eq!(m, "the `=` between key and value is missing (key with no value, expected `=`)");
        assert!(syntax_slip(Lang::En, "invalid table header", "[[task]", Some(0)).is_none());
        assert_eq!(slashed_date("31/13/2025"), None);
    }
}
