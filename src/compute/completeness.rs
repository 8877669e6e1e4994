//! The "5 rõ" completeness of tasks: what each task still lacks of a clear owner
//! (rõ người, rõ trách nhiệm), timeline (rõ tiến độ) and result (rõ kết quả).
//! A task's wording (rõ việc) is always there: a task cannot load without a title.
//!
//! Pure: `par import` prints it after drafting a plan, and a `par check` can
//! reuse it as its "5 rõ" rules.

use serde::Serialize;

use crate::i18n::Lang;
use crate::plan::{Plan, Repeat, Task};

/// Something a task lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// No primary owner (`owner`): rõ người, rõ trách nhiệm.
    Owner,
    /// Neither a deadline (`due`) nor a recurrence (`repeat`): rõ tiến độ.
    Timeline,
    /// No expected result (`result`): rõ kết quả.
    Result,
}

impl Gap {
    pub const ALL: [Gap; 3] = [Gap::Owner, Gap::Timeline, Gap::Result];

    /// The "rõ" the gap breaks.
    pub fn principle(self, lang: Lang) -> &'static str {
        match self {
            Gap::Owner => lang.pick("rõ người, rõ trách nhiệm", "clear owner and responsibility"),
            Gap::Timeline => lang.pick("rõ tiến độ", "clear timeline"),
            Gap::Result => lang.pick("rõ kết quả", "clear result"),
        }
    }

    /// What to fill in, short.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Gap::Owner => lang.pick("người chủ trì", "owner"),
            Gap::Timeline => lang.pick("hạn hoặc lặp lại", "due or repeat"),
            Gap::Result => lang.pick("kết quả", "result"),
        }
    }

    /// The plan-file keys that close the gap.
    pub fn keys(self) -> &'static str {
        match self {
            Gap::Owner => "owner",
            Gap::Timeline => "due / repeat",
            Gap::Result => "result",
        }
    }
}

/// One task with what it lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub task: String,
    pub title: String,
    /// Line of the task's `[[task]]` header in the plan file.
    pub line: usize,
    pub gaps: Vec<Gap>,
}

/// What a task lacks, in the order of [`Gap::ALL`].
pub fn gaps(task: &Task) -> Vec<Gap> {
    let mut out = Vec::new();
    if task.owner.is_none() {
        out.push(Gap::Owner);
    }
    if task.repeat == Repeat::Once && task.due.is_none() {
        out.push(Gap::Timeline);
    }
    if task.result.as_deref().is_none_or(|r| r.trim().is_empty()) {
        out.push(Gap::Result);
    }
    out
}

/// Every task that lacks something, in file order.
pub fn completeness(plan: &Plan) -> Vec<Finding> {
    plan.tasks
        .iter()
        .filter_map(|t| {
            let gaps = gaps(t);
            (!gaps.is_empty()).then(|| Finding { task: t.id.clone(), title: t.title.clone(), line: t.line, gaps })
        })
        .collect()
}

/// How many findings name each gap.
pub fn count(findings: &[Finding], gap: Gap) -> usize {
    findings.iter().filter(|f| f.gaps.contains(&gap)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Plan {
        crate::plan::load::parse(std::path::Path::new("t.toml"), text).unwrap_or_else(|e| panic!("{}", e.rendered))
    }

    #[test]
    fn finds_gaps() {
        let p = plan(
            r#"
[plan]
unit = "U"
title = "T"
year = 2025
[[owner]]
id = "a"
name = "A"
[[section]]
id = "I"
title = "S"
[[task]]
id = "1"
section = "I"
title = "full"
owner = "a"
due = 2025-05-30
result = "R"
[[task]]
id = "2"
section = "I"
title = "ongoing, no owner"
repeat = "ongoing"
result = "R"
[[task]]
id = "3"
section = "I"
title = "nothing"
result = "  "
"#,
        );
        let f = completeness(&p);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].task, "2");
        assert_eq!(f[0].gaps, vec![Gap::Owner]);
        assert_eq!(f[1].gaps, vec![Gap::Owner, Gap::Timeline, Gap::Result]);
        assert_eq!(count(&f, Gap::Owner), 2);
        assert_eq!(count(&f, Gap::Result), 1);
    }
}
