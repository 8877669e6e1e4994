//! A tiny harness so tests read like the CLI session they check:
//!
//! ```ignore
//! let s = Session::seed();
//! let out = s.par(["status", "--today", "2025-10-05"]).ok();
//! assert!(out.contains("Quá hạn"));
//! ```
#![allow(dead_code)]

pub mod exercise;
pub mod generate;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub const SEED: &str = include_str!("../../plan.toml");

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

    pub fn env(mut self, k: &str, v: &str) -> Session {
        self.envs.push((k.into(), v.into()));
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        self.command_in(self.dir.path(), args)
    }

    pub fn command_in(&self, cwd: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("par").expect("par binary");
        cmd.current_dir(cwd);
        for k in ["COLUMNS", "NO_COLOR", "PAR_FILE", "PAR_TODAY", "PAR_NOW", "TERM"] {
            cmd.env_remove(k);
        }
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
}

/// What one run printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
            code: o.status.code().unwrap_or(-1),
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
        assert!(self.stderr.is_empty(), "unexpected stderr:\n{}", self.stderr);
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
