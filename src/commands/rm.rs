//! `par rm`: removes a task with its done marks, progress entries and the
//! comments directly above it. Asks first on a terminal; scripts pass `--yes`.

use crate::say;
use std::io::{BufRead, IsTerminal, Write};

use crate::cli::RmArgs;
use crate::error::Fail;
use crate::write::splice::Change;
use crate::write::{Session, journal};
use crate::{Context, Outcome};

pub fn run(ctx: &Context, args: &RmArgs) -> anyhow::Result<Outcome> {
    if !args.yes {
        // Asked before taking the lock: a person thinking must not block other writers.
        let loaded = ctx.load_whole()?;
        let plan = &loaded.plan;
        let lang = ctx.lang_for(plan);
        let (i, _) = crate::write::resolve::task_key(plan, &args.id, lang)?;
        let t = &plan.tasks[i];
        if !std::io::stdin().is_terminal() {
            return Err(Fail::input(say!(lang, RemoveNeedsYes, id = t.id)).into());
        }
        let title = crate::render::title(&t.title, 70);
        let (done, log) = (t.done.len(), t.log.len());
        eprint!("{} ", say!(lang, RemoveAsk, id = t.id, title, done, log));
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer).map_err(|e| Fail::read(crate::error::io_reason(&e)))?;
        if !matches!(crate::text::fold(&answer).as_str(), "y" | "yes" | "c" | "co") {
            return Err(Fail::findings(say!(lang, NothingRemoved)).into());
        }
    }
    let s = Session::open(ctx)?;
    let lang = s.lang;
    let i = s.task(&args.id)?;
    let id = s.plan().tasks[i].id.clone();
    let warning = past_reports_change(s.plan(), i, lang);
    let block = s.block(i)?;
    let change = Change::new(block.removal, "");
    let new_text = change.apply(s.text());
    // Removing is rare and cannot be checked piecewise: the whole result is checked.
    crate::plan::load::parse(&s.path, &new_text).map_err(|e| {
        // Bad input whatever went wrong (an index file it names too), as before kinds.
        Fail::rendered(
            crate::error::Kind::Input,
            format!(
                "{}\n      {}: {}",
                e.rendered.trim_end(),
                crate::messages::Msg::LabelNote.text(lang),
                say!(lang, RemoveWouldBreakPlan)
            ),
        )
    })?;
    // Removed on purpose: its journaled entries are not a loss to warn about later.
    s.commit_then(&change, |s| journal::forget_task(s, &id))?;
    if let Some(w) = warning {
        eprint!("{w}");
    }
    Ok(Outcome::ok(format!("{}\n", lang.pick(&format!("Đã xóa nhiệm vụ {id}."), &format!("Removed task {id}.")))))
}

/// The warning for removing a task that was in the plan when a report recorded as sent
/// was written: that report, made again, will no longer match the copy sent.
fn past_reports_change(plan: &crate::plan::Plan, task: usize, lang: crate::i18n::Lang) -> Option<String> {
    let t = &plan.tasks[task];
    let sent: Vec<&crate::plan::Sent> = plan.report.sent.iter().filter(|s| t.present_on(s.date)).collect();
    if sent.is_empty() {
        return None;
    }
    let list = sent
        .iter()
        .map(|s| format!("{} ({}, {})", s.period.label(lang), s.number, crate::dates::short(s.date)))
        .collect::<Vec<_>>()
        .join(", ");
    let warning = crate::messages::Msg::LabelWarning.text(lang);
    Some(format!("{warning}: {}\n", crate::say!(lang, RemoveChangesSentReports, id = t.id, list)))
}
