//! `par cancel ID --reason "…"`: keeps a task that will not be carried out, with the
//! day it was decided and why (`cancelled = { date = …, reason = "…" }`); its undone
//! items then read "Không thực hiện" / "Not carried out", never overdue. `--undo` takes
//! the line back out. Only the task's key lines change (see [`crate::write::keys`]).

use crate::cli::CancelArgs;
use crate::dates::short;
use crate::error::Fail;
use crate::plan::Repeat;
use crate::write::keys::edit_head;
use crate::write::splice::{Change, date, quote};
use crate::write::{Session, resolve};
use crate::{Context, Outcome};

const ORDER: &[&str] = crate::plan::schema::RawTask::KEYS;

pub fn run(ctx: &Context, args: &CancelArgs) -> anyhow::Result<Outcome> {
    let s = Session::open(ctx)?;
    let (plan, lang) = (s.plan(), s.lang);
    let i = s.task(&args.id)?;
    let task = &plan.tasks[i];
    let id = task.id.clone();
    let (set, unset): (Vec<(&str, String)>, Vec<&str>) = if args.undo {
        if task.cancelled.is_none() {
            return Err(Fail::findings(lang.pick(
                &format!("nhiệm vụ {id} không được ghi là không thực hiện; không có gì để bỏ, không ghi gì"),
                &format!("task {id} is not recorded as not carried out; nothing to undo, nothing was written"),
            ))
            .into());
        }
        (Vec::new(), vec!["cancelled"])
    } else {
        let reason = args.reason.as_deref().map(str::trim).unwrap_or("");
        if reason.is_empty() {
            return Err(Fail::input(lang.pick(
                &format!("cần nêu lý do không thực hiện nhiệm vụ {id}; không ghi gì"),
                &format!("say why task {id} will not be carried out; nothing was written"),
            ))
            .help_in(
                lang,
                lang.pick(&format!("par cancel {id} --reason \"…\""), &format!("par cancel {id} --reason \"…\"")),
            )
            .into());
        }
        if let Some(c) = &task.cancelled {
            return Err(Fail::findings(lang.pick(
                &format!(
                    "nhiệm vụ {id} đã được ghi là không thực hiện từ ngày {} ({}); không ghi gì. Muốn sửa: par cancel {id} --undo rồi ghi lại",
                    short(c.date),
                    c.reason
                ),
                &format!(
                    "task {id} is already recorded as not carried out from {} ({}); nothing was written. To change it: par cancel {id} --undo, then again",
                    short(c.date),
                    c.reason
                ),
            ))
            .into());
        }
        if task.repeat == Repeat::Once && !task.done.is_empty() {
            return Err(Fail::findings(lang.pick(
                &format!("nhiệm vụ {id} đã hoàn thành; không có gì để ghi không thực hiện, không ghi gì"),
                &format!("task {id} is done; there is nothing left not to carry out, nothing was written"),
            ))
            .into());
        }
        let day = match &args.date {
            Some(typed) => resolve::date(typed, "--date", ctx.today, plan.meta.year, lang)?,
            None => ctx.today,
        };
        resolve::not_future(day, ctx.today, ("quyết định không thực hiện", "a cancellation"), lang)?;
        (vec![("cancelled", format!("{{ date = {}, reason = {} }}", date(day), quote(reason)))], Vec::new())
    };
    let block = s.block(i)?;
    let head = &s.text()[block.head.clone()];
    let new_head = edit_head(head, &set, &unset, s.eol(), ORDER).map_err(|e| {
        Fail::input(format!("{} {id}: {e}", lang.pick("par không sửa được nhiệm vụ", "par cannot edit task")))
    })?;
    let change = Change::new(block.head.clone(), new_head);
    if change.is_noop(s.text()) {
        // `[task.cancelled]` written as a table of its own: not among the task's key lines.
        return Err(Fail::input(lang.pick(
            &format!("par chỉ bỏ được dòng cancelled = {{ … }} của nhiệm vụ {id}; hãy xóa bảng [task.cancelled] bằng tay"),
            &format!("par can only remove the cancelled = {{ … }} line of task {id}; remove the [task.cancelled] table by hand"),
        ))
        .into());
    }
    let checked = s.check(&change, block.content.clone())?;
    if checked.cancelled.is_some() == args.undo {
        return Err(Fail::input(lang.pick(
            "par không ghi được việc không thực hiện vào nhiệm vụ; không ghi gì (xin báo lỗi này)",
            "par could not record the cancellation in the task; nothing was written (please report this)",
        ))
        .into());
    }
    s.commit(&change)?;
    let said = match (&checked.cancelled, args.undo) {
        (Some(c), false) => lang
            .pick(
                &format!("Đã ghi nhiệm vụ {id} không thực hiện từ ngày {}: {}.", short(c.date), c.reason),
                &format!("Task {id} recorded as not carried out from {}: {}.", short(c.date), c.reason),
            )
            .to_string(),
        _ => lang
            .pick(
                &format!("Đã bỏ ghi nhận không thực hiện của nhiệm vụ {id}."),
                &format!("Task {id} is no longer recorded as not carried out."),
            )
            .to_string(),
    };
    Ok(Outcome::ok(format!("{said}\n")))
}
