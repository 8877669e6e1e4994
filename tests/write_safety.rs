//! Writes keep the file the user's and never half-happen: line endings and the
//! byte-order mark, bad input, read-only files and folders, a file broken by hand,
//! symbolic links and permissions, the lock, 20 writers at once, and git merges.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use predicates::prelude::*;

use crate::support::{self, Par};

const NOW: &str = "2025-10-06T09:15:00+07:00";

/// Writes on 6 October 2025, by no one in particular.
const PAR: Par = Par::new().clock("2025-10-06", NOW);

fn seed() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.toml")).unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    fs::write(&path, seed()).unwrap();
    (dir, path)
}

/// The files in `dir` other than the plan and its lock: no temporary file may be left.
fn strays(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "plan.toml" && n != ".plan.toml.lock" && n != ".plan.toml.journal")
        .collect()
}

#[test]
fn crlf_bom_and_vietnamese_survive_and_new_lines_use_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let mut before = vec![0xEF, 0xBB, 0xBF];
    before.extend(crlf(&seed()).into_bytes());
    fs::write(&path, &before).unwrap();
    PAR.cmd_in(dir.path()).args(["done", "4", "--note", "Quý IV: đã xử lý"]).assert().success();
    let anchor = "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n";
    // Without USER or LOGNAME, the entry is by the account's login name.
    let inserted = &format!(
        "\n[[task.done]]\nperiod = \"2025-Q4\"\ndate = 2025-10-06\nnote = \"Quý IV: đã xử lý\"\nby = \"{}\"\nat = 2025-10-06T09:15:00+07:00\n",
        crate::support::login()
    );
    let mut expected = vec![0xEF, 0xBB, 0xBF];
    expected.extend(crlf(&seed().replacen(anchor, &format!("{anchor}{inserted}"), 1)).into_bytes());
    assert_eq!(fs::read(&path).unwrap(), expected);

    // Edits through toml_edit keep CRLF too, on the changed lines and the others.
    PAR.cmd_in(dir.path())
        .args(["edit", "8", "--due", "15/10/2025", "--title", "Phong trào thi đua CCHC"])
        .assert()
        .success();
    let expected_text = String::from_utf8(expected[3..].to_vec()).unwrap();
    let expected_text = expected_text.replacen("due = 2025-09-30\r\n", "due = 2025-10-15\r\n", 1).replacen(
        "title = \"Phát động phong trào thi đua tìm mô hình, giải pháp CCHC đột phá, sáng tạo\"\r\n",
        "title = \"Phong trào thi đua CCHC\"\r\n",
        1,
    );
    let mut expected = vec![0xEF, 0xBB, 0xBF];
    expected.extend(expected_text.into_bytes());
    assert_eq!(fs::read(&path).unwrap(), expected);
    PAR.cmd_in(dir.path()).args(["reopen", "4"]).assert().success();
    PAR.cmd_in(dir.path()).arg("status").assert().success();
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_nothing_written() {
    let (dir, path) = setup();
    let cases: &[(&[&str], &str)] = &[
        (&["done", "44"], "no task has the id `44`; did you mean `4`"),
        (&["done", "III.3"], "did you mean `III.1`, `III.2`"),
        (&["done", "1", "--date", "31/2/2025"], "--date: `31/2/2025` is not a date; write it as 30/5/2025"),
        (&["done", "4", "--period", "2024-Q4"], "--period: 2024-Q4 is not one of task 4's periods (2025-Q2 … 2025-Q4)"),
        (&["done", "4", "--period", "2025-Q1"], "--period: 2025-Q1 is not one of task 4's periods"),
        (
            &["done", "4", "--date", "2026-01-05"],
            "the date 05/01/2026 falls in 2026-Q1, which is not one of task 4's periods",
        ),
        (&["done", "4", "--period", "2025-07"], "task 4 repeats quarterly, so the period looks like 2025-Q4"),
        (&["done", "1", "--period", "2025-Q4"], "task 1 does not repeat, so it has no periods"),
        (&["done", "4", "--period", "soon"], "--period: `soon` is not a period"),
        (&["log", "1", "x", "--period", "2024-Q4"], "--period: 2024-Q4 is outside the plan's year 2025"),
        (&["log", "1", "  "], "the entry's text is empty"),
        (&["log", "1", "x", "--date", "tuần trước"], "--date: `tuần trước` is not a date"),
    ];
    for (args, message) in cases {
        PAR.cmd_in(dir.path())
            .args(["--lang", "en"])
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .env("PAR_NOW", "yesterday")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PAR_NOW: `yesterday` is not an RFC 3339 timestamp"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    assert!(strays(dir.path()).is_empty());
}

#[test]
fn a_file_broken_by_hand_is_not_written() {
    let (dir, path) = setup();
    PAR.cmd_in(dir.path()).args(["done", "1"]).assert().success();
    // Hand edit between commands: an unclosed string on task 2's title.
    let broken = fs::read_to_string(&path).unwrap().replacen(
        "title = \"Thông tin, tuyên truyền",
        "title = \"Thông tin, tuyên truyền\n",
        1,
    );
    fs::write(&path, &broken).unwrap();
    for args in [
        &["done", "4"][..],
        &["log", "2", "x"],
        &["edit", "8", "--due", "1/10/2025"],
        &["add", "x", "--section", "II"],
        &["rm", "8", "-y"],
        &["reopen", "1"],
    ] {
        PAR.cmd_in(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("plan.toml:").and(predicate::str::contains("error")));
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    // A semantic problem (an owner that does not exist) is refused the same way.
    let unknown = seed().replacen(
        "owner = \"pht\"\nsupport = [\"cntt\", \"cd\"]",
        "owner = \"phtt\"\nsupport = [\"cntt\", \"cd\"]",
        1,
    );
    fs::write(&path, &unknown).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown owner `phtt`"));
    assert_eq!(fs::read_to_string(&path).unwrap(), unknown);
}

#[test]
fn tasks_written_as_an_inline_array_are_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let text = "task = [{ id = \"1\", section = \"II\", title = \"a\" }]\n[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[section]]\nid = \"II\"\ntitle = \"S\"\n";
    fs::write(dir.path().join("plan.toml"), text).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("par can only change tasks written as [[task]] tables"));
    assert_eq!(fs::read_to_string(dir.path().join("plan.toml")).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn read_only_file_or_folder_exit_3_and_leave_everything_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = setup();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("plan.toml is read-only; nothing was written"));
    PAR.cmd_in(dir.path())
        .args(["log", "1", "x"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("chỉ cho phép đọc"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();

    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let out = PAR.cmd_in(dir.path()).args(["--lang", "en", "done", "1"]).assert().code(3);
    out.stderr(
        predicate::str::contains("is read-only; nothing was written").and(predicate::str::contains("temporary file")),
    );
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    assert!(strays(dir.path()).is_empty(), "{:?}", strays(dir.path()));
}

#[cfg(unix)]
#[test]
fn symlinks_stay_links_and_permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("data")).unwrap();
    let real = dir.path().join("data").join("ke-hoach.toml");
    fs::write(&real, seed()).unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("plan.toml");
    std::os::unix::fs::symlink("data/ke-hoach.toml", &link).unwrap();
    PAR.cmd_in(dir.path()).args(["done", "1"]).assert().success();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("at = 2025-10-06T09:15:00+07:00"));
    assert_eq!(fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    // The lock sits next to the target, shared by every link to it.
    assert!(dir.path().join("data").join(".ke-hoach.toml.lock").exists());
    // So does the write journal; no temporary file is left.
    assert!(dir.path().join("data").join(".ke-hoach.toml.journal").exists());
    let left: Vec<_> = fs::read_dir(dir.path().join("data")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 3, "no temporary file is left: {left:?}");
}

#[test]
fn a_held_lock_makes_par_wait_then_give_up_with_a_message() {
    let (dir, path) = setup();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join(".plan.toml.lock"))
        .unwrap();
    lock.lock().unwrap();
    PAR.cmd_in(dir.path()).args(["--lang", "en", "done", "1"]).env("PAR_LOCK_TIMEOUT", "0.3").assert().code(3).stderr(
        predicate::str::contains("another par is writing")
            .and(predicate::str::contains("waited 0.3 s; nothing was written")),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    drop(lock);
    PAR.cmd_in(dir.path()).args(["done", "1"]).env("PAR_LOCK_TIMEOUT", "0.3").assert().success();
}

/// A plan with `n` one-off tasks `T1`…`Tn`, each due at the end of the year.
fn plan_with_tasks(n: usize) -> String {
    let mut s = String::from(
        "# A generated plan.\n[plan]\nunit = \"Đơn vị\"\ntitle = \"Kế hoạch\"\nyear = 2025\n\n[[owner]]\nid = \"ht\"\nname = \"Hiệu trưởng\"\n\n[[section]]\nid = \"II\"\ntitle = \"Nhiệm vụ\"\n",
    );
    for i in 1..=n {
        s.push_str(&format!("\n# Nhiệm vụ số {i}\n[[task]]\nid = \"T{i}\"\nsection = \"II\"\ntitle = \"Việc {i}\"\nowner = \"ht\"\ndue = 2025-12-31\n"));
    }
    s
}

#[test]
fn twenty_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    fs::write(&path, plan_with_tasks(20)).unwrap();
    let children: Vec<_> = (1..=20)
        .map(|i| {
            let mut c = PAR.process_in(dir.path());
            c.env("PAR_LOCK_TIMEOUT", "60").stdout(Stdio::null()).stderr(Stdio::piped());
            if i % 2 == 0 {
                c.args(["done", &format!("T{i}"), "--by", &format!("writer {i}")]);
            } else {
                c.args(["log", &format!("T{i}"), &format!("tiến độ {i}"), "--by", &format!("writer {i}")]);
            }
            c.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let loaded = par::plan::load(&path).unwrap_or_else(|e| panic!("{e}"));
    for (i, t) in loaded.plan.tasks.iter().enumerate() {
        let n = i + 1;
        let by = format!("writer {n}");
        if n % 2 == 0 {
            assert_eq!(t.done.len(), 1, "task {}", t.id);
            assert_eq!(t.done[0].by.as_deref(), Some(by.as_str()));
        } else {
            assert_eq!(t.log.len(), 1, "task {}", t.id);
            assert_eq!(t.log[0].text, format!("tiến độ {n}"));
        }
    }
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("[[task.done]]").count(), 10);
    assert_eq!(text.matches("[[task.log]]").count(), 10);
    assert!(strays(dir.path()).is_empty());
}

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Tester", "-c", "user.email=tester@example.org", "-c", "init.defaultBranch=main"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn changes_to_different_tasks_on_two_branches_merge_cleanly() {
    let (dir, path) = setup();
    fs::write(dir.path().join(".gitignore"), ".plan.toml.lock\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "plan"]);
    git(dir.path(), &["checkout", "-q", "-b", "officer-a"]);
    // Neighbouring tasks 1 and 2, and a field edit of task 8.
    PAR.cmd_in(dir.path()).args(["done", "1", "--note", "nhánh A"]).assert().success();
    PAR.cmd_in(dir.path()).args(["edit", "8", "--due", "15/10/2025"]).assert().success();
    git(dir.path(), &["commit", "-q", "-am", "a"]);
    git(dir.path(), &["checkout", "-q", "main"]);
    PAR.cmd_in(dir.path()).args(["log", "2", "nhánh B"]).assert().success();
    PAR.cmd_in(dir.path()).args(["done", "4", "--period", "2025-Q4"]).assert().success();
    git(dir.path(), &["commit", "-q", "-am", "b"]);
    git(dir.path(), &["merge", "-q", "--no-edit", "officer-a"]);
    let loaded = par::plan::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let task = |id: &str| &loaded.plan.tasks[loaded.plan.find_task(id).unwrap()];
    assert_eq!(task("1").done[0].note.as_deref(), Some("nhánh A"));
    assert_eq!(task("2").log.last().unwrap().text, "nhánh B");
    assert_eq!(task("4").done.len(), 3);
    assert_eq!(task("8").due, chrono::NaiveDate::from_ymd_opt(2025, 10, 15));
    assert!(!fs::read_to_string(&path).unwrap().contains("<<<<<<<"));
}

/// A plan saved by another program (an editor) between par's read and its write is not
/// overwritten: the write path compares size, modification time and inode first.
#[test]
fn a_plan_changed_underneath_is_not_overwritten() {
    let (dir, path) = setup();
    let ctx = par::Context {
        file: Some(path.clone()),
        cwd: dir.path().to_path_buf(),
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 6).unwrap(),
        lang: Some(par::i18n::Lang::En),
        color: false,
        width: None,
    };
    let session = par::write::Session::open(&ctx).unwrap();
    let change = par::write::splice::Change::new(0..0, "# par's change\n");
    // An editor saves meanwhile (a new file renamed over the plan, as editors do).
    let edited = format!("# saved by an editor\n{}", seed());
    fs::write(dir.path().join("editor.tmp"), &edited).unwrap();
    fs::rename(dir.path().join("editor.tmp"), &path).unwrap();
    let e = session.commit(&change).unwrap_err();
    assert_eq!(e.code(), 3);
    assert!(e.message.contains("was changed by another program while par was working"), "{}", e.message);
    assert!(e.message.contains("nothing was written, run the command again"), "{}", e.message);
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    assert_eq!(strays(dir.path()), Vec::<String>::new());
}

/// Runs `par log 1 …` held (by the debug-build handshake) between flushing its new text and
/// the rename, runs `edit` on the plan there, lets par go on and returns its exit code and
/// standard error.
fn write_while_held(dir: &Path, edit: impl FnOnce(&Path)) -> (Option<i32>, String) {
    let handshake = dir.join("hs");
    let child = PAR
        .process_in(dir)
        .args(["log", "1", "bản ghi của par"])
        .env("PAR_TEST_HANDSHAKE", &handshake)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let ready = dir.join("hs.ready");
    let started = std::time::Instant::now();
    while !ready.exists() {
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "par never reached the rename");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    edit(&dir.join("plan.toml"));
    fs::write(dir.join("hs.go"), b"").unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Issue 12: a hand edit saved while par flushed its new text to disk was lost (par
/// compared the fingerprint only before writing, and renamed without a second look). The
/// debug-build handshake holds par after the fsync, where the edit lands; par must look
/// again before the rename, keep the edit and leave its own text nowhere.
#[test]
fn a_hand_edit_saved_while_par_writes_is_kept() {
    let (dir, path) = setup();
    let (code, stderr) = write_while_held(dir.path(), |plan| {
        // The editor appends a line in place (the same inode), as `>>` or an in-place save does.
        let mut f = fs::OpenOptions::new().append(true).open(plan).unwrap();
        std::io::Write::write_all(&mut f, b"# HAND\n").unwrap();
    });
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("changed by another program") || stderr.contains("bị sửa bởi chương trình khác"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), format!("{}# HAND\n", seed()));
    let left: Vec<String> = strays(dir.path()).into_iter().filter(|n| !n.starts_with("hs.")).collect();
    assert_eq!(left, Vec::<String>::new());
}

/// An edit that keeps the size and puts the modification time back (`touch -r`) still
/// changes the inode's change time, which the fingerprint includes.
#[test]
fn a_same_size_edit_with_the_old_modification_time_is_kept() {
    let (dir, path) = setup();
    let (code, stderr) = write_while_held(dir.path(), |plan| {
        let modified = fs::metadata(plan).unwrap().modified().unwrap();
        let text = fs::read_to_string(plan).unwrap().replacen("Hiệu trưởng", "Hiệu trưởnG", 1);
        let mut f = fs::OpenOptions::new().write(true).open(plan).unwrap();
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
        f.set_modified(modified).unwrap();
    });
    assert_eq!(code, Some(3), "{stderr}");
    assert!(fs::read_to_string(&path).unwrap().contains("Hiệu trưởnG"));
}

/// Issue 12: a symbolic link planted as the lock file made par create its target.
#[cfg(unix)]
#[test]
fn a_planted_lock_link_is_refused_and_not_followed() {
    let (dir, path) = setup();
    let target = dir.path().join("elsewhere");
    std::os::unix::fs::symlink(&target, dir.path().join(".plan.toml.lock")).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is not a regular file").and(predicate::str::contains("help: remove it")));
    assert!(!target.exists(), "par created the link's target");
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

/// A FIFO planted as the lock file does not hang the open: it is refused.
#[cfg(unix)]
#[test]
fn a_fifo_as_the_lock_file_is_refused_without_hanging() {
    let (dir, path) = setup();
    let made = std::process::Command::new("mkfifo").arg(dir.path().join(".plan.toml.lock")).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "done", "1"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is not a regular file"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
}

/// Issue 12: every write dropped the plan's extended attributes (user.*, ACLs, labels).
#[cfg(target_os = "linux")]
#[test]
fn extended_attributes_survive_a_write() {
    let (dir, path) = setup();
    if xattr::set(&path, "user.par.test", b"giu nguyen").is_err() {
        eprintln!("skipped: this file system ({}) does not take user extended attributes", dir.path().display());
        return;
    }
    PAR.cmd_in(dir.path()).args(["done", "1"]).assert().success();
    assert_ne!(fs::read_to_string(&path).unwrap(), seed(), "the plan was not written");
    assert_eq!(xattr::get(&path, "user.par.test").unwrap().as_deref(), Some(&b"giu nguyen"[..]));
}

// ---------------------------------------------------------------- outputs (-o)

/// Issue 12: `-o plan.toml` replaced the plan with a report, an export or a roll-up.
#[test]
fn an_output_is_never_the_plan() {
    let (dir, path) = setup();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&path, dir.path().join("link.md")).unwrap();
    fs::hard_link(&path, dir.path().join("hard.md")).unwrap();
    // The lock file as any earlier write leaves it: replacing it would let two writers lock two files.
    fs::write(dir.path().join(".plan.toml.lock"), "").unwrap();
    fs::write(dir.path().join(".plan.toml.journal"), "").unwrap();
    let runs: &[&[&str]] = &[
        &["report", "--quarter", "Q3", "-o", "hard.md", "--force"],
        &["report", "--quarter", "Q3", "-o", ".plan.toml.lock", "--force"],
        &["report", "--quarter", "Q3", "-o", ".plan.toml.journal", "--force"],
        &["report", "--quarter", "Q3", "-o", "plan.toml"],
        &["report", "--quarter", "Q3", "-o", "plan.toml", "--force"],
        &["export", "--format", "csv", "-o", "plan.toml", "--force"],
        &["rollup", "plan.toml", "--format", "md", "-o", "plan.toml", "--force"],
        &["rollup", ".", "--format", "md", "-o", "./plan.toml", "--force"],
        #[cfg(unix)]
        &["report", "--quarter", "Q3", "-o", "link.md", "--force"],
    ];
    for args in runs {
        PAR.cmd_in(dir.path()).arg("--lang").arg("en").args(*args).assert().code(2).stderr(
            predicate::str::contains("is a file par is reading").and(predicate::str::contains("nothing was written")),
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), seed(), "{args:?}");
    }
    PAR.cmd_in(dir.path()).args(["status"]).assert().success();
}

/// Issue 12: report, export, rollup and man overwrote any existing file without asking.
#[test]
fn an_existing_output_needs_force() {
    let (dir, _) = setup();
    let runs: &[&[&str]] = &[
        &["report", "--quarter", "Q3", "-o", "out.md"],
        &["export", "--format", "csv", "-o", "out.md"],
        &["rollup", "plan.toml", "--format", "md", "-o", "out.md"],
    ];
    for args in runs {
        fs::write(dir.path().join("out.md"), "giữ lại").unwrap();
        PAR.cmd_in(dir.path())
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("đã có; par không ghi đè").and(predicate::str::contains("--force")));
        assert_eq!(fs::read_to_string(dir.path().join("out.md")).unwrap(), "giữ lại", "{args:?}");
        PAR.cmd_in(dir.path()).args(*args).arg("--force").assert().success();
        assert_ne!(fs::read_to_string(dir.path().join("out.md")).unwrap(), "giữ lại", "{args:?}");
    }
    PAR.cmd_in(dir.path()).args(["man", "-o", "man1"]).assert().success();
    fs::write(dir.path().join("man1/par.1"), "giữ lại").unwrap();
    PAR.cmd_in(dir.path()).args(["man", "-o", "man1"]).assert().code(2);
    assert_eq!(fs::read_to_string(dir.path().join("man1/par.1")).unwrap(), "giữ lại");
    PAR.cmd_in(dir.path()).args(["man", "-o", "man1", "--force"]).assert().success();
    assert_ne!(fs::read_to_string(dir.path().join("man1/par.1")).unwrap(), "giữ lại");
}

/// Issue 12: as root, `-o /dev/null` replaced the device with a regular file (a temporary
/// file in /dev renamed over it). A device or pipe is written in place.
#[cfg(unix)]
#[test]
fn a_device_output_is_written_in_place_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _) = setup();
    PAR.cmd_in(dir.path()).args(["report", "--quarter", "Q3", "-o", "/dev/null"]).assert().success();
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // /dev/stdout is the pipe the test reads: the report arrives there.
    let out = PAR.cmd_in(dir.path()).args(["export", "--format", "csv", "-o", "/dev/stdout"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("III.2"));
    // Standard output redirected to a file (`-o /dev/stdout >> log.csv`): written through
    // standard output, so the append appends instead of replacing the file.
    let log = dir.path().join("log.csv");
    fs::write(&log, "dòng cũ\n").unwrap();
    let bin = support::par_bin();
    let mut sh = std::process::Command::new("sh");
    PAR.prepare(&mut sh);
    let status = sh
        .arg("-c")
        .arg(format!("'{}' export --format csv -o /dev/stdout >> log.csv", bin.display()))
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let text = fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("dòng cũ\n") && text.contains("III.2"), "{text}");
}

/// Issue 12: `.par-*.tmp` files left by a killed report or export were never cleaned up.
/// The next output into that folder removes those whose process is gone.
#[cfg(unix)]
#[test]
fn temporary_files_of_a_killed_output_are_cleaned_up() {
    let (dir, _) = setup();
    let stale = dir.path().join(".par-999999999.Ab12Cd.tmp");
    let foreign = dir.path().join(".par-notes.tmp");
    fs::write(&stale, "half a report").unwrap();
    fs::write(&foreign, "not par's").unwrap();
    // Left an hour ago by a process that is gone (no pid is that large).
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options().write(true).open(&stale).unwrap().set_modified(hour_ago).unwrap();
    PAR.cmd_in(dir.path()).args(["report", "--quarter", "Q3", "-o", "q3.md"]).assert().success();
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(foreign.exists(), "a file par did not name was removed");
}
