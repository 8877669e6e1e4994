//! Shell integration: completion scripts and manual pages.

use crate::support::Par;

const PAR: Par = Par::new();

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _par"),
        ("zsh", "#compdef par"),
        ("fish", "complete -c par"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[par]"),
    ] {
        let out = PAR.cmd().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(marker), "{shell}: no {marker:?}");
        // Subcommands and their options are known to the shell.
        for word in ["rollup", "export", "completions", "status", "format"] {
            assert!(text.contains(word), "{shell}: no {word}");
        }
    }
    let out = PAR.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_on_stdout_and_into_a_folder() {
    let out = PAR.cmd().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(".TH par 1"));
    assert!(text.contains(".SH SUBCOMMANDS") || text.contains(".SH \"SUBCOMMANDS\""), "{text}");
    assert!(text.contains("rollup"));
    // Same bytes every time (no date in the page).
    assert_eq!(PAR.cmd().arg("man").output().unwrap().stdout, text.as_bytes());

    let dir = tempfile::tempdir().unwrap();
    let out = PAR.cmd().args(["man", "-o"]).arg(dir.path().join("man1")).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("man1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for page in ["par.1", "par-rollup.1", "par-export.1", "par-completions.1", "par-status.1"] {
        assert!(names.iter().any(|n| n == page), "{page} missing from {names:?}");
    }
    let rollup = std::fs::read_to_string(dir.path().join("man1/par-rollup.1")).unwrap();
    assert!(rollup.contains(".TH par-rollup 1"));
    assert!(rollup.contains("\\-\\-format"));
}
