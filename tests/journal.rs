//! The write journal: an editor's stale buffer saved over par's write is noticed, named
//! on the next run of any command, and `par restore` puts the entries back.

use crate::support;

use std::fs;

use support::Session;

const NOW: &str = "2025-10-06T09:15:00+07:00";

fn session() -> Session {
    Session::seed().env("PAR_NOW", NOW).env("PAR_TODAY", "2025-10-06").env("USER", "").env("LOGNAME", "")
}

fn journal(session: &Session) -> String {
    fs::read_to_string(session.path(".plan.toml.journal")).unwrap_or_default()
}

/// Plays the editor: the plan is saved back as it was read before par wrote.
fn save_stale(session: &Session, stale: &str) {
    fs::write(session.path("plan.toml"), stale).unwrap();
}

#[test]
fn stale_editor_save_is_named_and_restore_brings_the_entry_back() {
    let s = session();
    let editor = s.plan_text();
    let status_before = s.par(["status"]).ok();
    s.par(["done", "4", "--note", "Đã gửi báo cáo"]).ok();
    let written = s.plan_text();
    assert!(written.contains("Đã gửi báo cáo"));

    save_stale(&s, &editor);
    let run = s.par(["status"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, status_before, "stdout is the same with or without the warning");
    assert!(run.stderr.contains("cảnh báo: 1 mục par đã ghi không còn trong"), "{}", run.stderr);
    assert!(run.stderr.contains("nhiệm vụ 4, đánh dấu hoàn thành, kỳ 2025-Q4, ngày 06/10/2025"), "{}", run.stderr);
    assert!(run.stderr.contains("par restore --forget"), "{}", run.stderr);
    // Every command that loads the plan says it, readers and writers alike.
    for args in [&["list"][..], &["show", "4"], &["report", "--quarter", "Q3"], &["index"]] {
        let run = s.run(args);
        assert!(run.stderr.contains("nhiệm vụ 4, đánh dấu hoàn thành"), "{args:?}: {}", run.stderr);
    }

    let out = s.par(["restore"]).ok();
    assert!(out.contains("Đã ghi lại 1 mục"), "{out}");
    assert!(out.contains("nhiệm vụ 4, đánh dấu hoàn thành"), "{out}");
    // The editor's text with the done mark put back, byte for byte as par first wrote it.
    assert_eq!(s.plan_text(), written);
    s.par(["status"]).ok();
    let out = s.par(["show", "4", "--format", "json"]).ok();
    assert!(out.contains("Đã gửi báo cáo"), "{out}");
    // Nothing left to restore: a finding, and nothing written.
    let run = s.par(["restore"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("Không có mục nào"), "{}", run.stdout);
    assert_eq!(s.plan_text(), written);
}

#[test]
fn restore_keeps_the_editors_other_changes_and_puts_back_entries_of_several_tasks() {
    let s = session();
    let editor = s.plan_text();
    s.par(["log", "4", "Họp rà soát"]).ok();
    s.par(["done", "1"]).ok();
    s.par(["log", "4", "Gửi báo cáo"]).ok();
    // The editor's save also changed a title: that change stays.
    let edited = editor.replacen("# ", "# sửa tay / edited by hand: ", 1);
    save_stale(&s, &edited);
    // A writer warns too, and goes on with its own change.
    let run = s.par(["log", "5", "Sau khi lưu đè"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("cảnh báo: 3 mục"), "{}", run.stderr);
    assert!(run.stderr.contains("nhiệm vụ 1, đánh dấu hoàn thành"), "{}", run.stderr);
    let edited = s.plan_text();
    s.par(["restore"]).ok();
    let now = s.plan_text();
    assert!(now.contains("sửa tay / edited by hand"));
    assert_eq!(now.matches("Họp rà soát").count(), 1);
    assert_eq!(now.matches("Gửi báo cáo").count(), 1);
    // Only lines were added: removing them gives the editor's text back.
    let mut rest = now.clone();
    for block in now.split("\n\n").filter(|b| b.contains("at = 2025-10-06T09:15:00+07:00") && !edited.contains(*b)) {
        rest = rest.replacen(&format!("\n{block}\n"), "", 1);
    }
    assert_eq!(rest, edited);
    s.par(["status"]).ok();
}

#[test]
fn forget_silences_the_warning() {
    let s = session();
    let editor = s.plan_text();
    s.par(["done", "4"]).ok();
    save_stale(&s, &editor);
    let out = s.par(["restore", "--forget"]).ok();
    assert!(out.contains("Đã bỏ 1 mục"), "{out}");
    assert_eq!(s.plan_text(), editor, "--forget writes nothing to the plan");
    s.par(["status"]).ok();
    assert!(!journal(&s).contains("\tdone\t"));
}

#[test]
fn english_with_lang_en_or_the_plans_language() {
    let s = session();
    let editor = s.plan_text();
    s.par(["done", "4"]).ok();
    save_stale(&s, &editor);
    let run = s.par(["--lang", "en", "status"]);
    assert!(run.stderr.contains("warning: 1 entries par wrote are no longer in"), "{}", run.stderr);
    assert!(run.stderr.contains("task 4, done mark, period 2025-Q4, dated 06/10/2025"), "{}", run.stderr);
    assert!(run.stderr.contains("run `par restore` to put them back"), "{}", run.stderr);
    let out = s.par(["--lang", "en", "restore"]).ok();
    assert!(out.contains("Restored 1 entries"), "{out}");
}

#[test]
fn a_hand_edited_entry_is_not_a_loss_but_a_removed_one_of_the_same_day_is() {
    let s = session();
    s.par(["done", "4", "--note", "Đã gởi"]).ok();
    s.par(["log", "5", "Việc A"]).ok();
    s.par(["log", "5", "Việc B"]).ok();
    // Typos fixed by hand: same task, kind, period and date.
    save_stale(&s, &s.plan_text().replace("Đã gởi", "Đã gửi").replace("Việc A", "Việc A (sửa)"));
    s.par(["status"]).ok();
    // One of the two entries of that day deleted: one vanished.
    let text = s.plan_text();
    // On 06/10 task 5's Q3 is overdue and open: the entries go to it (issue #18.2).
    let b = format!(
        "\n[[task.log]]\ndate = 2025-10-06\ntext = \"Việc B\"\nperiod = \"2025-Q3\"\nby = \"{}\"\nat = 2025-10-06T09:15:00+07:00\n",
        crate::support::login()
    );
    let b = b.as_str();
    assert!(text.contains(b), "{text}");
    save_stale(&s, &text.replacen(b, "", 1));
    let run = s.par(["status"]);
    assert!(run.stderr.contains("cảnh báo: 1 mục"), "{}", run.stderr);
    assert!(run.stderr.contains("nhiệm vụ 5, nhật ký tiến độ, kỳ 2025-Q3, ngày 06/10/2025"), "{}", run.stderr);
    s.par(["restore"]).ok();
    assert_eq!(s.plan_text().matches("Việc B").count(), 1);
    s.par(["status"]).ok();
}

#[test]
fn reopen_and_rm_prune_what_they_remove_on_purpose() {
    let s = session();
    s.par(["done", "4"]).ok();
    s.par(["reopen", "4"]).ok();
    s.par(["status"]).ok();
    assert!(!journal(&s).contains("\tdone\t"), "{}", journal(&s));

    s.par(["log", "8", "Một việc"]).ok();
    s.par(["measure", "4", "95"]).ok();
    assert!(journal(&s).contains("\tmeasure\t"), "{}", journal(&s));
    s.par(["rm", "8", "--yes"]).ok();
    s.par(["status"]).ok();
    assert!(!journal(&s).contains("\t8\t"), "{}", journal(&s));
    assert!(journal(&s).contains("\t4\tmeasure\t"), "other tasks' entries stay: {}", journal(&s));
}

#[test]
fn an_entry_whose_task_is_gone_is_named_and_kept() {
    let s = session();
    s.par(["log", "4", "x"]).ok();
    let mut j = journal(&s);
    j.push_str(&j.replace("\t4\t", "\t99\t"));
    fs::write(s.path(".plan.toml.journal"), &j).unwrap();
    let before = s.plan_text();
    let run = s.par(["restore"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("nhiệm vụ 99"), "{}", run.stderr);
    assert!(run.stderr.contains("không ghi gì"), "{}", run.stderr);
    assert_eq!(s.plan_text(), before);
    assert!(s.par(["status"]).stderr.contains("nhiệm vụ 99"));
    s.par(["restore", "--forget"]).ok();
    s.par(["status"]).ok();
}

#[test]
fn torn_and_garbage_lines_are_ignored() {
    let s = session();
    let editor = s.plan_text();
    s.par(["done", "4"]).ok();
    let mut j = journal(&s);
    j.insert_str(0, "garbage line\n\u{0}\u{1}\n1\t4\tlog\tnot a period\t2025-10-06\t0\tx\n");
    j.push_str("1\t4\tlog\t-\t2025-10-06\t00ff"); // torn: a crash mid-append
    fs::write(s.path(".plan.toml.journal"), &j).unwrap();
    s.par(["status"]).ok();
    // The next entry goes on a line of its own, not glued to the torn one.
    s.par(["log", "5", "Sau sự cố"]).ok();
    assert!(journal(&s).contains("00ff\n1\t5\tlog\t"), "{}", journal(&s));
    save_stale(&s, &editor);
    let run = s.par(["status"]);
    assert!(run.stderr.contains("cảnh báo: 2 mục"), "{}", run.stderr);
    s.par(["restore"]).ok();
    s.par(["status"]).ok();
}

#[test]
fn no_journal_no_warning_and_entries_of_an_earlier_year_are_dropped() {
    let s = session();
    s.par(["status"]).ok();
    assert!(!s.path(".plan.toml.journal").exists(), "readers never create it");
    // A journal of last year's plan (the plan was rolled over to 2025): not a loss.
    let old: String = (0..5_001)
        .map(|n| format!("1\t4\tlog\t-\t2024-03-{:02}\t{n:016x}\t[[task.log]]\\ntext = \"{n}\"\\n\n", n % 28 + 1))
        .collect();
    fs::write(s.path(".plan.toml.journal"), old).unwrap();
    s.par(["status"]).ok();
    s.par(["log", "4", "x"]).ok();
    let j = journal(&s);
    assert_eq!(j.lines().count(), 1, "{}", &j[..j.len().min(300)]);
    assert!(j.contains("\t2025-10-06\t"));
}

#[test]
fn the_journal_keeps_the_newest_entries() {
    let s = session();
    let many: String = (0..5_000)
        .map(|n| format!("1\t4\tlog\t-\t2025-03-{:02}\t{n:016x}\t[[task.log]]\\ntext = \"{n}\"\\n\n", n % 28 + 1))
        .collect();
    fs::write(s.path(".plan.toml.journal"), many).unwrap();
    let run = s.par(["log", "4", "newest"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The warning names a few entries and counts the rest.
    assert!(run.stderr.lines().count() < 30, "{}", run.stderr);
    assert!(run.stderr.contains("4980"), "{}", run.stderr);
    let j = journal(&s);
    assert_eq!(j.lines().count(), 5_000);
    assert!(!j.contains("text = \\\"0\\\""), "the oldest entry went");
    assert!(j.lines().last().unwrap().contains("newest"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_journal_is_refused() {
    let s = session();
    let target = s.path("elsewhere");
    std::os::unix::fs::symlink(&target, s.path(".plan.toml.journal")).unwrap();
    let run = s.par(["done", "4"]);
    assert_eq!(run.code, 0, "the plan was written: {}", run.stderr);
    assert!(s.plan_text().contains("[[task.done]]\nperiod = \"2025-Q4\""));
    assert!(run.stderr.contains("không phải là tệp thường"), "{}", run.stderr);
    assert!(!target.exists(), "the link was not followed");
    // Also when the link points at an existing file: it is neither read nor written.
    fs::write(&target, "keep\n").unwrap();
    let run = s.par(["--lang", "en", "log", "4", "x"]);
    assert!(run.stderr.contains("is not a regular file"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep\n");
    let run = s.par(["--lang", "en", "restore"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("help: remove or rename that file"), "{}", run.stderr);
    assert!(fs::symlink_metadata(s.path(".plan.toml.journal")).unwrap().file_type().is_symlink());
}

#[cfg(unix)]
#[test]
fn a_plan_reached_through_a_link_keeps_its_journal_beside_the_target() {
    let s = session();
    fs::create_dir(s.path("data")).unwrap();
    fs::rename(s.path("plan.toml"), s.path("data/ke-hoach.toml")).unwrap();
    std::os::unix::fs::symlink("data/ke-hoach.toml", s.path("plan.toml")).unwrap();
    let editor = s.plan_text();
    s.par(["done", "4"]).ok();
    assert!(s.path("data/.ke-hoach.toml.journal").exists());
    fs::write(s.path("data/ke-hoach.toml"), &editor).unwrap();
    let run = s.par(["status"]);
    assert!(run.stderr.contains("nhiệm vụ 4, đánh dấu hoàn thành"), "{}", run.stderr);
}

#[test]
fn readers_running_beside_writers_never_warn_falsely() {
    // A reader takes no lock: the journal is read before the plan (an entry journaled
    // meanwhile is not missing from it) and again before naming anything (an entry pruned
    // meanwhile by reopen is not named).
    let s = std::sync::Arc::new(session());
    let writer = {
        let s = s.clone();
        std::thread::spawn(move || {
            for n in 0..8 {
                s.run(&["log", "4", &format!("Lần {n}")]).ok();
                s.par(["done", "1"]).ok();
                s.par(["reopen", "1"]).ok();
            }
        })
    };
    let mut runs = 0;
    while !writer.is_finished() {
        let run = s.par(["status"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stderr.contains("warning"), "a false warning: {}", run.stderr);
        runs += 1;
    }
    writer.join().unwrap();
    assert!(runs > 0);
    s.par(["status"]).ok();
}
