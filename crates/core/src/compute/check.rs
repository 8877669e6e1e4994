//! `par check`: the "5 rõ" lint. Every task must have a clear owner (rõ người), a clear
//! task (rõ việc), one primary responsible owner (rõ trách nhiệm), a timeline (rõ tiến độ)
//! and an expected result (rõ kết quả). Links to unknown criteria are already refused when
//! the plan loads.

use serde::Serialize;

use super::schedule::occurrences;
use crate::i18n::Lang;
use crate::plan::{Plan, Repeat, Task};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// rõ người
    Owner,
    /// rõ việc
    Task,
    /// rõ trách nhiệm
    Responsibility,
    /// rõ tiến độ
    Timeline,
    /// rõ kết quả
    Result,
}

impl Rule {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Rule::Owner => lang.pick("rõ người", "clear owner"),
            Rule::Task => lang.pick("rõ việc", "clear task"),
            Rule::Responsibility => lang.pick("rõ trách nhiệm", "clear responsibility"),
            Rule::Timeline => lang.pick("rõ tiến độ", "clear timeline"),
            Rule::Result => lang.pick("rõ kết quả", "clear result"),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Violation {
    pub task: String,
    pub line: usize,
    pub rule: Rule,
    pub problem: String,
    /// What to add or change.
    pub fix: String,
}

/// A title longer than this reads as the document's paragraph, not a task name.
const LONG_TITLE: usize = 160;

pub fn check(plan: &Plan, lang: Lang) -> Vec<Violation> {
    check_on(plan, lang, plan.tasks.len() >= PARALLEL_TASKS)
}

/// [`check`], in two halves on two threads when `halves`.
fn check_on(plan: &Plan, lang: Lang, halves: bool) -> Vec<Violation> {
    let check_all = |tasks: &[Task]| {
        let mut out = Vec::new();
        for t in tasks {
            check_task(plan, t, lang, &mut out);
        }
        out
    };
    // A large plan's tasks in two halves, the second on another thread; joined in order.
    if !halves {
        return check_all(&plan.tasks);
    }
    let (first, second) = plan.tasks.split_at(plan.tasks.len() / 2);
    std::thread::scope(|s| {
        let other = s.spawn(|| check_all(second));
        let mut out = check_all(first);
        out.extend(other.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        out
    })
}

/// From this many tasks, a plan is checked on two threads.
const PARALLEL_TASKS: usize = 4_000;

fn check_task(plan: &Plan, task: &Task, lang: Lang, out: &mut Vec<Violation>) {
    let mut v = |rule: Rule, problem: &str, fix: String| {
        out.push(Violation { task: task.id.clone(), line: task.line, rule, problem: problem.to_string(), fix });
    };
    if task.owner.is_none() && task.support.is_empty() {
        v(
            Rule::Owner,
            lang.pick("chưa có người, đơn vị thực hiện", "no one is assigned"),
            lang.pick("thêm owner = \"…\" (mã trong [[owner]])", "add owner = \"…\" (an id from [[owner]])").into(),
        );
    } else if task.owner.is_none() {
        v(
            Rule::Responsibility,
            lang.pick("chỉ có đơn vị phối hợp, chưa có đơn vị chủ trì", "only supporting owners, no primary owner"),
            lang.pick(
                "thêm owner = \"…\": một đơn vị chủ trì chịu trách nhiệm chính",
                "add owner = \"…\": the one owner answerable for it",
            )
            .into(),
        );
    } else if let Some(o) = task.owner.filter(|o| task.support.contains(o)) {
        v(
            Rule::Responsibility,
            lang.pick(
                "đơn vị chủ trì cũng có tên trong đơn vị phối hợp",
                "the primary owner is also listed as supporting",
            ),
            format!(
                "{} `{}` {}",
                lang.pick("bỏ", "remove"),
                plan.owners[o].id,
                lang.pick("khỏi support", "from support")
            ),
        );
    }
    let title = task.title.trim();
    if title.split_whitespace().count() < 2 {
        v(
            Rule::Task,
            lang.pick("tên nhiệm vụ quá ngắn, chưa rõ việc", "the title is too short to say what is to be done"),
            lang.pick(
                "viết title là một câu nêu rõ việc cần làm",
                "make the title a phrase that says what is to be done",
            )
            .into(),
        );
    } else if title.chars().count() > LONG_TITLE {
        v(
            Rule::Task,
            lang.pick("tên nhiệm vụ quá dài", "the title is too long"),
            format!(
                "{} {LONG_TITLE} {}",
                lang.pick("rút gọn title dưới", "shorten the title below"),
                lang.pick("ký tự; đưa nguyên văn vào detail", "characters; put the full wording in detail")
            ),
        );
    }
    match task.repeat {
        Repeat::Once if task.due.is_none() => v(
            Rule::Timeline,
            lang.pick("chưa có thời hạn hoặc chu kỳ", "no deadline and no recurrence"),
            lang.pick(
                "thêm due = 2025-12-31, hoặc repeat = \"quarterly\"/\"ongoing\"…",
                "add due = 2025-12-31, or repeat = \"quarterly\"/\"ongoing\"…",
            )
            .into(),
        ),
        Repeat::Every(_)
            if occurrences(plan, task).iter().all(|o| o.period.is_none_or(|p| p.year() != plan.meta.year)) =>
        {
            v(
                Rule::Timeline,
                lang.pick(
                    "việc định kỳ không có kỳ nào trong năm kế hoạch",
                    "the recurring task has no period in the plan year",
                ),
                lang.pick("sửa start/end cho nằm trong năm kế hoạch", "set start/end within the plan year").into(),
            )
        }
        _ => {}
    }
    if task.result.as_deref().is_none_or(|r| r.trim().is_empty()) {
        v(
            Rule::Result,
            lang.pick("chưa nêu kết quả cần đạt", "no expected result"),
            lang.pick(
                "thêm result = \"…\" (ví dụ: tỷ lệ đúng hạn 100%)",
                "add result = \"…\" (e.g. on-time rate 100%)",
            )
            .into(),
        );
    }
}

/// A warning about the plan as a whole rather than one task: it does not fail the check.
#[derive(Debug, Serialize)]
pub struct PlanWarning {
    pub problem: String,
    /// What to add or change.
    pub fix: String,
}

/// Warnings on the plan's head: the report's recipients (Nơi nhận) must include the
/// superior body it reports to, both as in force on `today` (`[[plan.change]]`).
pub fn plan_warnings(plan: &Plan, today: chrono::NaiveDate, lang: Lang) -> Vec<PlanWarning> {
    let mut out = Vec::new();
    let force = plan.in_force(today);
    // One line: a name typed over two lines must not break the warning's layout.
    let superior = force.superior.as_deref().map(crate::text::one_line);
    if let Some(sup) = superior.as_deref().map(str::trim).filter(|s| !s.is_empty())
        && !force.recipients.iter().any(|r| names_body(r, sup))
    {
        out.push(PlanWarning {
            problem: crate::say!(lang, RecipientsLackSuperior, superior = sup),
            fix: crate::say!(lang, RecipientsLackSuperiorHelp, superior = sup),
        });
    }
    out
}

/// Whether the recipient line names the body, whatever the accents, case and the
/// "UBND" short form ("UBND Quận 1 (qua Phòng Nội vụ)" names "Ủy ban nhân dân Quận 1").
fn names_body(recipient: &str, body: &str) -> bool {
    let norm = |s: &str| {
        let folded = crate::text::fold(s);
        folded.split_whitespace().collect::<Vec<_>>().join(" ").replace("uy ban nhan dan", "ubnd")
    };
    let (r, b) = (norm(recipient), norm(body));
    !b.is_empty() && r.contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_halves_find_what_one_pass_finds() {
        let mut text = String::from(
            "[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n\n[[owner]]\nid = \"vp\"\nname = \"VP\"\n\n[[section]]\nid = \"I\"\ntitle = \"S\"\n",
        );
        for i in 0..101 {
            let owner = if i % 3 == 0 { "" } else { "owner = \"vp\"\n" };
            let result = if i % 5 == 0 { "result = \"Xong\"\n" } else { "" };
            text.push_str(&format!(
                "\n[[task]]\nid = \"{i}\"\nsection = \"I\"\ntitle = \"Việc {i}\"\n{owner}{result}due = 2025-06-30\n"
            ));
        }
        let plan = crate::plan::load::parse(std::path::Path::new("plan.toml"), &text).expect("a plan");
        let words = |v: Vec<Violation>| format!("{v:?}");
        let one = words(check_on(&plan, Lang::Vi, false));
        assert!(one.contains("task: \"99\"") && one.contains("task: \"0\""), "{one}");
        assert_eq!(words(check_on(&plan, Lang::Vi, true)), one);
    }

    #[test]
    fn recipients_name_the_superior() {
        assert!(names_body("Ủy ban nhân dân Quận 1 (qua Phòng Nội vụ)", "Ủy ban nhân dân Quận 1"));
        assert!(names_body("UBND quận 1", "Ủy ban nhân dân Quận 1"));
        assert!(!names_body("Phòng Nội vụ Quận 1", "Ủy ban nhân dân Quận 1"));
        assert!(!names_body("Lưu: VT", "Sở Nội vụ"));
    }
}
