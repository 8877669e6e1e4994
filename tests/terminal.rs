//! Tables fit the terminal they are drawn on: its width is asked of the terminal itself,
//! not only read from COLUMNS (rarely exported, so an 80-column window used to get
//! 150-column tables that wrapped into garbage).

use crate::support::{self, Par};

/// `par ARGS` on a pseudo-terminal `cols` wide (util-linux `script`, COLUMNS unset), and
/// the widest line it drew, in terminal columns.
#[cfg(unix)]
fn widest_on_terminal(cols: u16, args: &str) -> (usize, String) {
    let bin = support::par_bin();
    let cmd = format!(
        "stty cols {cols} rows 60; unset COLUMNS; {} --today 2025-10-10 -f {} {args}",
        bin.display(),
        support::seed_path().display()
    );
    let mut script = std::process::Command::new("script");
    Par::new().prepare(&mut script);
    let out = script.args(["-qec", &cmd, "/dev/null"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let shown = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    // Colour escapes take no columns.
    let mut plain = String::new();
    let mut chars = shown.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for end in chars.by_ref() {
                if end.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    let widest = plain.lines().map(unicode_width::UnicodeWidthStr::width).max().unwrap_or(0);
    (widest, plain)
}

#[cfg(unix)]
#[test]
#[ignore = "needs script (util-linux): a real terminal"]
fn status_and_list_fit_an_80_and_a_200_column_terminal() {
    for args in ["status", "list"] {
        let (narrow, shown) = widest_on_terminal(80, args);
        assert!(narrow <= 80, "par {args} drew {narrow} columns on an 80-column terminal:\n{shown}");
        let (wide, shown) = widest_on_terminal(200, args);
        assert!(wide <= 200, "par {args} drew {wide} columns on a 200-column terminal:\n{shown}");
        // A wide terminal is used, not squeezed to 80: the tables' natural width shows.
        assert!(wide > 100, "par {args} drew only {wide} columns on a 200-column terminal:\n{shown}");
    }
}
