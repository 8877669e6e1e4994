//! Property tests: generated plans load and every read computation keeps its invariants;
//! mutated files never panic and are either read or refused with a located error.
//!
//! 64 cases per property by default, so CI stays fast; more with e.g.
//! `PROPTEST_CASES=5000 cargo test --test main -- properties:: --skip edit_`.

use crate::support;

use std::path::Path;

use proptest::prelude::*;
use support::exercise::{Outcome, check_terminal, exercise};
use support::generate::{GenPlan, plan};
use unicode_normalization::UnicodeNormalization;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, max_shrink_iters: 2000, ..ProptestConfig::default() }
}

const PATH: &str = "plan.toml";

fn load(generated: &GenPlan) -> par::plan::Plan {
    let (text, _) = par::plan::load::decode(Path::new(PATH), generated.to_bytes()).unwrap_or_else(|e| panic!("{e}"));
    par::plan::load::parse(Path::new(PATH), &text)
        .unwrap_or_else(|e| panic!("a generated plan did not load:\n{e}\n--- file ---\n{}", generated.to_toml()))
}

proptest! {
    #![proptest_config(config())]

    /// Generated plans load, with every text exactly as written (NFD stays NFD, escapes
    /// stay escapes: the file's text is never normalised), and every read command's
    /// invariants hold on several days in both languages.
    #[test]
    fn generated_plans_load_and_keep_their_invariants(g in plan()) {
        let p = load(&g);
        prop_assert_eq!(p.meta.unit.as_str(), g.unit.as_str());
        prop_assert_eq!(p.tasks.len(), g.tasks.len());
        prop_assert_eq!(p.owners.len(), g.owners.len());
        for (t, gt) in p.tasks.iter().zip(&g.tasks) {
            prop_assert_eq!(&t.id, &gt.id);
            prop_assert_eq!(&t.title, &gt.title);
            prop_assert_eq!(&t.detail, &gt.detail);
            prop_assert_eq!(t.owner, gt.owner);
            prop_assert_eq!(t.done.len(), gt.done.len());
            prop_assert_eq!(t.log.iter().map(|l| &l.text).collect::<Vec<_>>(), gt.log.iter().map(|l| &l.text).collect::<Vec<_>>());
        }
        for (o, go) in p.owners.iter().zip(&g.owners) {
            prop_assert_eq!(&o.name, &go.name);
        }
        match exercise(Path::new(PATH), &g.to_bytes()) {
            Outcome::Loaded { tasks, .. } => prop_assert_eq!(tasks, g.tasks.len()),
            Outcome::Refused(e) => prop_assert!(false, "refused: {}", e),
        }
    }

    /// Search ignores case and diacritics whether the title was typed composed (NFC) or
    /// decomposed (NFD), and whether the search is typed with or without marks.
    #[test]
    fn search_finds_titles_in_any_normal_form(g in plan(), pick in any::<prop::sample::Index>(), form in 0..4u8) {
        prop_assume!(!g.tasks.is_empty());
        let p = load(&g);
        let t = &p.tasks[pick.index(p.tasks.len())];
        // A word of the title (or its start), typed in one of four ways.
        let word: String = t.title.split_whitespace().next().unwrap_or("").chars().take(12).collect();
        let typed: String = match form {
            0 => word.nfc().collect(),
            1 => word.nfd().collect(),
            2 => par::text::fold(&word),
            _ => word.to_uppercase(),
        };
        prop_assume!(!par::text::fold(&typed).is_empty());
        let filter = par::compute::list::Filter { grep: Some(typed.clone()), ..Default::default() };
        let today = chrono::NaiveDate::from_ymd_opt(g.year, 6, 1).unwrap();
        let rows = par::compute::list::list(&p, today, &filter, par::i18n::Lang::Vi).unwrap();
        prop_assert!(rows.iter().any(|r| r.task == t.id), "{:?} does not find {:?} ({:?})", typed, t.id, t.title);
    }

    /// Random byte edits (insert, delete, replace, swap) of a valid file never panic:
    /// the result loads, or is refused with an error naming a line:column in the file.
    #[test]
    fn mutated_files_load_or_fail_cleanly(
        g in plan(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<u8>()), 1..6),
    ) {
        let mut bytes = g.to_bytes();
        for (at, kind, byte) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 => bytes.insert(i, byte),
                1 if i < bytes.len() => { bytes.remove(i); }
                2 if i < bytes.len() => bytes[i] = byte,
                // A structural character, which moves the parser most.
                _ => {
                    const STRUCTURAL: &[u8] = b"\"'[]{}=#\n\\,.";
                    bytes.insert(i, STRUCTURAL[usize::from(byte) % STRUCTURAL.len()]);
                }
            }
        }
        // exercise() checks the error's shape, and that any line:column lies in the file.
        if let Outcome::Refused(msg) = exercise(Path::new(PATH), &bytes) {
            // Every refusal points somewhere, except problems of the file as a whole.
            let located = msg.match_indices("plan.toml:").any(|(i, m)| {
                msg[i + m.len()..].split(':').next().is_some_and(|n| n.parse::<usize>().is_ok())
            });
            let whole_file = ["is UTF-16 text", "recursion limit", "the file defines none"];
            prop_assert!(located || whole_file.iter().any(|w| msg.contains(w)), "no line:column in\n{}", msg);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases.div_ceil(8), ..config() })]

    /// The binary on generated plans: every read command exits 0 (or 1 for `check`
    /// findings), prints valid JSON with --format json, and no raw escape in tables.
    #[test]
    fn every_read_command_of_the_binary(g in plan()) {
        let s = support::Session::with_plan_bytes(&g.to_bytes());
        let today = format!("{}-07-01", g.year);
        let first = g.tasks.first().map(|t| t.id.clone());
        let mut commands: Vec<Vec<String>> = vec![
            vec!["status".into()],
            vec!["list".into()],
            vec!["list".into(), "--occurrences".into()],
            vec!["check".into()],
        ];
        if g.index.is_some() {
            commands.push(vec!["index".into()]);
            commands.push(vec!["index".into(), "--evidence".into()]);
        }
        if let Some(id) = first {
            commands.push(vec!["show".into(), id]);
        }
        for c in commands {
            for format in ["table", "json"] {
                let mut args: Vec<&str> = c.iter().map(String::as_str).collect();
                args.extend(["--format", format, "--today", &today]);
                let run = s.run(&args);
                let allowed = if c[0] == "check" { &[0, 1][..] } else { &[0][..] };
                prop_assert!(allowed.contains(&run.code), "{:?} exited {}: {}", args, run.code, run.stderr);
                // `par check` may warn about the plan's head (the recipients lack the
                // superior body): a warning and its help line, nothing else (labels in the
                // plan's language).
                let labels = ["cảnh báo: ", "warning: ", "  gợi ý: ", "  help: "];
                let stray = run.stderr.lines().filter(|l| !(c[0] == "check" && labels.iter().any(|p| l.starts_with(p))));
                prop_assert!(stray.count() == 0, "{:?}: {}", args, run.stderr);
                if format == "json" {
                    let v: serde_json::Value = serde_json::from_str(&run.stdout)
                        .map_err(|e| TestCaseError::fail(format!("{args:?}: invalid JSON: {e}")))?;
                    prop_assert_eq!(&v["schema"], 1);
                } else {
                    check_terminal(&run.stdout, &c.join(" "));
                }
            }
        }
        // Reading never writes: the file is byte for byte what it was.
        prop_assert_eq!(std::fs::read(s.path("plan.toml")).unwrap(), g.to_bytes());
    }
}
