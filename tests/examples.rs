//! The README's console samples and every `--help` example, run.
//!
//! - README.md: each ```console block's `$ par …` lines are run (through `sh`, in a
//!   folder holding a copy of the bundled plan) and what follows a command, up to the next
//!   `$` line or the block's end, must be what it prints, line for line. A line `…` stands
//!   for any number of lines. So a sample that drifts fails here.
//!   To regenerate the samples after an intended change: `PAR_BLESS=1 cargo test --test
//!   main examples::readme` rewrites each block's output in README.md (an elided `…`
//!   keeps as many lines before and after it as the sample had), then review `git diff`.
//! - `par CMD --help`: every line under "Ví dụ / Examples:" that starts with `par ` is
//!   run (through `sh`, the trailing comment after two spaces dropped) in a fresh folder
//!   with the plan, the documents and folders the examples name; it must exit 0 or 1
//!   (1: the command ran and found something, e.g. a task already done), never 2 (bad
//!   input) or 3 (a file), except where [`EXPECTED`] says why.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{SEED, par_bin};

/// The day the examples run on, and the moment writes are stamped with.
const TODAY: &str = "2025-10-05";
const NOW: &str = "2025-10-05T09:00:00+07:00";

/// Help examples that exit otherwise on purpose, and why.
const EXPECTED: &[(&str, i32, &str)] = &[
    ("par rm 8", 2, "asks on a terminal; in a script it refuses without --yes, as the next example says"),
    (
        "par report --quarter Q3 --final",
        2,
        "refuses while the bundled plan's Q3 notes are placeholders, as its comment says",
    ),
];

/// A folder holding the plan (unless `bare`), the documents the import examples name,
/// and the folders the rollup examples name; `HOME` points into it.
fn workspace(bare: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    if !bare {
        std::fs::write(p.join("plan.toml"), SEED).unwrap();
    }
    let doc = std::fs::read_to_string(root().join("tests/fixtures/import/ke-hoach-par-index-2025.md")).unwrap();
    std::fs::write(p.join("ke-hoach.md"), &doc).unwrap();
    std::fs::write(p.join("ke-hoach.txt"), &doc).unwrap();
    let docx = Command::new(par_bin())
        .current_dir(p)
        .env("PAR_TODAY", "2025-06-30")
        .arg("-f")
        .arg(crate::support::seed_path())
        .args(["report", "--quarter", "Q2", "-o", "ke-hoach.docx"])
        .output()
        .unwrap();
    assert!(docx.status.success(), "{}", String::from_utf8_lossy(&docx.stderr));
    std::fs::create_dir(p.join("ke-hoach")).unwrap();
    for name in ["ke-hoach/a.toml", "ke-hoach/b.toml", "a.toml", "b.toml"] {
        std::fs::write(p.join(name), SEED).unwrap();
    }
    for sub in
        [".local/share/man/man1", ".local/share/bash-completion/completions", ".zfunc", ".config/fish/completions"]
    {
        std::fs::create_dir_all(p.join(sub)).unwrap();
    }
    dir
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `line` (a shell command starting `par `) in `dir`, `par` being the binary under test.
fn shell(dir: &Path, line: &str) -> std::process::Output {
    let bin = par_bin();
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", dir)
        .env("PROFILE", dir.join("profile.ps1"))
        .env("PAR_TODAY", TODAY)
        .env("PAR_NOW", NOW)
        .env("USER", "can-bo")
        .env_remove("PAR_FILE")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// The examples of one help text: `par …` lines under "Examples:", continuation lines
/// joined, trailing comments (after two spaces) dropped.
fn examples(help: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut inside = false;
    // Whether the last example line ended in a comment: a wrapped line then goes on with it.
    let mut in_comment = false;
    for line in help.lines() {
        if line.contains("Examples:") {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("par ") && line.starts_with("  ") {
            let command = command_part(trimmed);
            in_comment = command.len() < trimmed.trim_end().len();
            out.push(command);
        } else if line.starts_with("  ") && !trimmed.is_empty() && !in_comment {
            // clap wraps a long example: its words go on on the next line.
            if let Some(last) = out.last_mut() {
                let command = command_part(trimmed);
                in_comment = command.len() < trimmed.trim_end().len();
                last.push(' ');
                last.push_str(&command);
            }
        } else if trimmed.is_empty() {
            in_comment = false;
        } else if !line.starts_with(' ') {
            inside = false;
        }
    }
    out
}

/// A line without its comment: what comes before two spaces outside quotes.
fn command_part(line: &str) -> String {
    let mut quoted = false;
    let chars: Vec<char> = line.chars().collect();
    for i in 0..chars.len() {
        match chars[i] {
            '"' => quoted = !quoted,
            ' ' if !quoted && chars.get(i + 1) == Some(&' ') => return chars[..i].iter().collect(),
            _ => {}
        }
    }
    line.trim_end().to_string()
}

fn subcommands() -> Vec<String> {
    let help = String::from_utf8(Command::new(par_bin()).arg("--help").output().unwrap().stdout).unwrap();
    let mut names = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line.starts_with("Commands:") {
            inside = true;
        } else if inside && line.trim().is_empty() {
            inside = false;
        } else if inside && line.starts_with("  ") && !line.starts_with("   ") {
            let name = line.split_whitespace().next().unwrap_or("");
            if name != "help" {
                names.push(name.to_string());
            }
        }
    }
    names
}

#[test]
fn every_help_example_runs() {
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut helps: Vec<(String, Vec<String>)> = vec![(String::new(), vec!["--help".into()])];
    helps.extend(subcommands().into_iter().map(|c| (c.clone(), vec![c, "--help".into()])));
    for (name, args) in helps {
        // Wide, so that clap does not wrap an example over two lines.
        let help =
            String::from_utf8(Command::new(par_bin()).args(&args).env("COLUMNS", "400").output().unwrap().stdout)
                .unwrap();
        let found = examples(&help);
        assert!(name.is_empty() || name == "completions" || !found.is_empty(), "par {name} --help has no examples");
        // Each command's examples run in order in one fresh folder (init's and import's,
        // which make a plan, in one without).
        let dir = workspace(name == "init" || name == "import");
        for example in found {
            ran += 1;
            let out = shell(dir.path(), &example);
            let code = out.status.code().unwrap_or(-1);
            let expected = EXPECTED.iter().find(|(e, ..)| *e == example).map(|(_, c, _)| *c);
            let ok = match expected {
                Some(c) => code == c,
                None => code == 0 || code == 1,
            };
            if !ok {
                failures.push(format!("{example}  → exit {code}: {}", String::from_utf8_lossy(&out.stderr).trim()));
            }
        }
    }
    assert!(ran > 60, "only {ran} examples found");
    assert!(failures.is_empty(), "help examples that fail:\n{}", failures.join("\n"));
}

#[test]
fn a_help_example_typed_without_quotes_runs_as_with_them() {
    let dir = workspace(false);
    let quoted = shell(dir.path(), "par done 4 --date \"hôm qua\" --today 2025-10-10");
    assert!(quoted.status.success(), "{}", String::from_utf8_lossy(&quoted.stderr));
    let dir = workspace(false);
    let bare = shell(dir.path(), "par done 4 --date hôm qua --today 2025-10-10");
    assert!(bare.status.success(), "{}", String::from_utf8_lossy(&bare.stderr));
    assert_eq!(quoted.stdout, bare.stdout);
    assert!(String::from_utf8_lossy(&bare.stdout).contains("09/10/2025"), "{}", String::from_utf8_lossy(&bare.stdout));
}

/// A console sample: the command after `$ `, and the lines it should print.
struct Sample {
    command: String,
    expected: Vec<String>,
    /// Line range of the expected output in README.md (0-based, end exclusive).
    lines: std::ops::Range<usize>,
}

fn samples(readme: &str) -> Vec<Sample> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with("```console") {
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                match lines[i].strip_prefix("$ ").filter(|c| c.starts_with("par ") || *c == "par") {
                    Some(command) => {
                        let start = i + 1;
                        let mut end = start;
                        while end < lines.len()
                            && !lines[end].starts_with("$ ")
                            && !lines[end].trim_start().starts_with("```")
                        {
                            end += 1;
                        }
                        let expected = lines[start..end].iter().map(|l| l.to_string()).collect();
                        out.push(Sample { command: command.to_string(), expected, lines: start..end });
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
        i += 1;
    }
    out
}

/// Whether `actual` is `expected`, a line `…` in `expected` standing for any lines.
fn agrees(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "…" => (0..=actual.len()).any(|skip| agrees(rest, &actual[skip..])),
        Some((first, rest)) => {
            actual.first().is_some_and(|a| a.trim_end() == first.trim_end()) && agrees(rest, &actual[1..])
        }
    }
}

/// The output a blessed sample keeps: all of it, or, where the sample elided with `…`,
/// as many lines before and after it as the sample had.
fn blessed(expected: &[String], actual: &[&str]) -> Vec<String> {
    match expected.iter().position(|l| l.trim() == "…") {
        Some(at) if actual.len() > expected.len() => {
            let tail = expected.len() - at - 1;
            let mut out: Vec<String> = actual[..at].iter().map(|s| s.to_string()).collect();
            out.push("…".into());
            out.extend(actual[actual.len() - tail..].iter().map(|s| s.to_string()));
            out
        }
        _ => actual.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn readme_console_samples_print_what_they_show() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let found = samples(&readme);
    assert!(!found.is_empty(), "README.md has no ```console samples with `$ par …` lines");
    let bless = std::env::var_os("PAR_BLESS").is_some();
    let mut lines: Vec<String> = readme.lines().map(String::from).collect();
    let mut failures = Vec::new();
    // Replaced from the end, so earlier ranges stay where they are.
    for sample in found.iter().rev() {
        let dir = workspace(false);
        // The samples are drawn as on an 80-column terminal, so that they fit the page.
        let out = shell(dir.path(), &format!("COLUMNS=80 {}", sample.command));
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let actual: Vec<&str> = stdout.trim_end_matches('\n').lines().collect();
        if agrees(&sample.expected, &actual) {
            continue;
        }
        if bless {
            lines.splice(sample.lines.clone(), blessed(&sample.expected, &actual));
        } else {
            failures.push(format!(
                "$ {}\n--- README.md shows:\n{}\n--- par prints:\n{}",
                sample.command,
                sample.expected.join("\n"),
                actual.join("\n")
            ));
        }
    }
    if bless {
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    assert!(
        failures.is_empty(),
        "README samples that drifted (regenerate with PAR_BLESS=1 cargo test --test main examples::readme):\n{}",
        failures.join("\n\n")
    );
}

// What the audit of README claims and help examples (issue 18, point 10) found besides.

#[test]
fn the_author_falls_back_to_the_login_name_without_user_or_logname() {
    let dir = workspace(false);
    let login = Command::new("id").arg("-un").output().unwrap();
    let login = String::from_utf8(login.stdout).unwrap().trim().to_string();
    let out = Command::new(par_bin())
        .current_dir(dir.path())
        .args(["log", "1", "Rà soát", "--today", TODAY])
        .env("PAR_NOW", NOW)
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .env_remove("PAR_FILE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let plan = std::fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    let entry = format!("text = \"Rà soát\"\nby = \"{login}\"\nat = {NOW}\n");
    assert!(!login.is_empty() && plan.contains(&entry), "{entry}");
}

#[test]
fn index_explain_follows_the_format() {
    let dir = workspace(false);
    let out = shell(dir.path(), "par index --explain --format json --lang en");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "index_explain");
    assert_eq!(v["lang"], "en");
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("How the PAR Index is forecast"), "{text}");
    assert_eq!(v["lines"].as_array().unwrap().len(), text.lines().count());
    let plain = shell(dir.path(), "par index --explain --lang en");
    assert_eq!(String::from_utf8_lossy(&plain.stdout), text);
}
