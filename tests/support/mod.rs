//! The one harness every test module runs `par` through, so tests read like the CLI
//! session they check:
//!
//! ```ignore
//! let s = Session::seed();
//! let out = s.par(["status", "--today", "2025-10-05"]).ok();
//! assert!(out.contains("Quá hạn"));
//! ```
//!
//! Modules that drive `par` with assert_cmd's own assertions, spawn it, or run it on a
//! plan outside a session take a [`Par`]: what a group of tests fixes (`--today`, the
//! clock a write is stamped with, the user) as options, on top of an environment from
//! which everything of the machine running the tests ([`HOST_ENV`]) is removed.
#![allow(dead_code)]

pub mod exercise;
pub mod generate;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub const SEED: &str = include_str!("../../plan.toml");

/// The bundled seed plan (`plan.toml` at the crate root), for tests that run `par -f` on it.
pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.toml")
}

/// The login name of the account running the tests: who an entry is by when USER,
/// LOGNAME and USERNAME are unset (as [`Par`] leaves them).
pub fn login() -> String {
    let out = std::process::Command::new("id").arg("-un").output().expect("id -un");
    String::from_utf8(out.stdout).expect("a name").trim().to_string()
}

/// The `par` binary under test, for tests that run it through `sh` or `script`.
pub fn par_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("par")
}

/// Binds, until the guard drops, the insta settings that keep the snapshot files named
/// as when each topic was its own test binary: a test names its snapshots with the topic
/// (`"core__status_2025_05_25"` is `tests/snapshots/core__status_2025_05_25.snap`) rather
/// than insta prefixing the module path (`main__core__…`).
#[must_use = "the settings hold only while the guard lives"]
pub fn snapshot_names() -> insta::internals::SettingsBindDropGuard {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind_to_scope()
}

/// What `par` reads from its environment that would tie a test to the machine running
/// it: terminal width and colour, the plan file and today's date, the clock and the user
/// a write is stamped with, the lock timeout, the debug build's write handshake. Every
/// run starts without them.
pub const HOST_ENV: [&str; 11] = [
    "COLUMNS",
    "NO_COLOR",
    "TERM",
    "PAR_FILE",
    "PAR_TODAY",
    "PAR_NOW",
    "PAR_LOCK_TIMEOUT",
    "PAR_TEST_HANDSHAKE",
    "USER",
    "LOGNAME",
    "USERNAME",
];

/// How a group of tests runs `par`: the options it fixes for every run. A module keeps
/// its choice in a constant (`const PAR: Par = Par::new().today(TODAY);`) and builds
/// each run from it (`PAR.cmd_in(dir).args([...])`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Par {
    today: Option<&'static str>,
    clock: Option<(&'static str, &'static str)>,
    user: Option<&'static str>,
}

impl Par {
    /// `par` with nothing fixed but the environment cleared of [`HOST_ENV`].
    pub const fn new() -> Par {
        Par { today: None, clock: None, user: None }
    }

    /// `--today DATE` first on the command line (how read commands are pinned to a day).
    pub const fn today(self, date: &'static str) -> Par {
        Par { today: Some(date), ..self }
    }

    /// `PAR_TODAY` and `PAR_NOW` in the environment: the day and the moment a write is
    /// stamped with, as for a person typing the command then.
    pub const fn clock(self, today: &'static str, now: &'static str) -> Par {
        Par { clock: Some((today, now)), ..self }
    }

    /// `USER`: who the journal says wrote (without it, no one: USER, LOGNAME and
    /// USERNAME are all removed).
    pub const fn user(self, name: &'static str) -> Par {
        Par { user: Some(name), ..self }
    }

    /// Clears [`HOST_ENV`] from `cmd` and applies the options: for `par` itself, or for a
    /// shell or `script` that runs it.
    pub fn prepare(self, cmd: &mut std::process::Command) {
        for k in HOST_ENV {
            cmd.env_remove(k);
        }
        if let Some((today, now)) = self.clock {
            cmd.env("PAR_TODAY", today).env("PAR_NOW", now);
        }
        if let Some(user) = self.user {
            cmd.env("USER", user);
        }
    }

    /// `par` as a plain process, for tests that spawn, kill or time it; run in the test's
    /// own folder (the crate root).
    pub fn process(self) -> std::process::Command {
        let mut cmd = std::process::Command::new(par_bin());
        self.prepare(&mut cmd);
        if let Some(date) = self.today {
            cmd.arg("--today").arg(date);
        }
        cmd
    }

    /// [`Par::process`] run in `dir`.
    pub fn process_in(self, dir: &Path) -> std::process::Command {
        let mut cmd = self.process();
        cmd.current_dir(dir);
        cmd
    }

    /// `par` for assert_cmd's assertions, run in the test's own folder (the crate root).
    pub fn cmd(self) -> Command {
        Command::from_std(self.process())
    }

    /// [`Par::cmd`] run in `dir`.
    pub fn cmd_in(self, dir: &Path) -> Command {
        Command::from_std(self.process_in(dir))
    }

    /// [`Par::cmd`] on the plan `file` (`-f FILE`).
    pub fn cmd_on(self, file: &Path) -> Command {
        let mut cmd = self.cmd();
        cmd.arg("-f").arg(file);
        cmd
    }
}

/// A temporary folder holding a plan file, where `par` runs.
pub struct Session {
    pub dir: tempfile::TempDir,
    pub envs: Vec<(String, String)>,
}

impl Session {
    /// A session with the bundled seed plan as `plan.toml`.
    pub fn seed() -> Session {
        Session::with_plan(SEED)
    }

    pub fn with_plan(text: &str) -> Session {
        Session::with_plan_bytes(text.as_bytes())
    }

    pub fn with_plan_bytes(bytes: &[u8]) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("plan.toml"), bytes).expect("write plan");
        Session { dir, envs: Vec::new() }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn plan_text(&self) -> String {
        std::fs::read_to_string(self.path("plan.toml")).expect("read plan")
    }

    pub fn env(mut self, key: &str, value: &str) -> Session {
        self.envs.push((key.into(), value.into()));
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        self.command_in(self.dir.path(), args)
    }

    pub fn command_in(&self, cwd: &Path, args: &[&str]) -> Command {
        let mut cmd = Par::new().cmd_in(cwd);
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        cmd.args(args);
        cmd
    }

    /// Runs `par ARGS` in the session folder.
    pub fn par<const N: usize>(&self, args: [&str; N]) -> Run {
        self.run(&args)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().expect("run par"))
    }

    /// [`Session::run`], killed after 60 s: a regression that waits on a pipe fails
    /// instead of hanging the suite.
    pub fn run_timed(&self, args: &[&str]) -> Run {
        let out = self.command(args).timeout(std::time::Duration::from_secs(60)).output().expect("run par");
        assert!(out.status.code().is_some(), "par was killed (waiting on a pipe?): {args:?}");
        Run::from(out)
    }

    /// Runs `par ARGS` (one shell word list) with its address space limited to `kb`
    /// kilobytes (`ulimit -v`).
    #[cfg(unix)]
    pub fn run_within(&self, kb: u64, args: &str) -> Run {
        let script = format!("ulimit -v {kb}; exec '{}' {args}", par_bin().display());
        let mut sh = std::process::Command::new("sh");
        Par::new().prepare(&mut sh);
        for (k, v) in &self.envs {
            sh.env(k, v);
        }
        let out = sh.arg("-c").arg(script).current_dir(self.dir.path()).output().expect("run sh");
        Run::from(out)
    }
}

/// What one run printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().unwrap_or(-1),
        }
    }
}

impl Run {
    /// Asserts success and returns standard output.
    pub fn ok(self) -> String {
        assert_eq!(
            self.code, 0,
            "expected success, got {}\nstderr:\n{}\nstdout:\n{}",
            self.code, self.stderr, self.stdout
        );
        let rest = without_unwritten_parts(&self.stderr);
        assert!(rest.is_empty(), "unexpected stderr:\n{}", self.stderr);
        self.stdout
    }

    /// Asserts failure with `code` and returns standard error.
    pub fn fails(self, code: i32) -> String {
        assert_eq!(self.code, code, "expected exit {code}\nstderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self.stderr
    }

    pub fn json(self) -> serde_json::Value {
        serde_json::from_str(&self.ok()).expect("valid JSON")
    }
}

/// A minimal valid plan around the given task tables.
pub fn plan_with(tasks: &str) -> String {
    format!(
        "[plan]\nunit = \"Trường Tiểu học Thử\"\ntitle = \"Kế hoạch thử\"\nyear = 2025\n\n\
         [[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\n\
         [[section]]\nid = \"II\"\ntitle = \"Nhiệm vụ\"\n\n{tasks}"
    )
}

/// `stderr` without the list of parts a report draft has not written yet (`par report`
/// prints it on every draft with a placeholder: see `commands/report.rs`), which is not a
/// failure of the command.
pub fn without_unwritten_parts(stderr: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in stderr.lines() {
        let heading = (line.starts_with("warning: ") || line.starts_with("cảnh báo: "))
            && (line.contains(" phần chưa ghi:") || line.contains(" parts not written yet:"));
        if heading {
            in_list = true;
            continue;
        }
        if in_list && line.starts_with("  - ") {
            continue;
        }
        in_list = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}
