//! Writes keep the file the user's and never half-happen: line endings and the
//! byte-order mark, bad input, read-only files and folders, a file broken by hand,
//! symbolic links and permissions, the lock, 20 writers at once, and git merges.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

fn seed() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.toml")).unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    fs::write(&path, seed()).unwrap();
    (dir, path)
}

fn par(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("par").unwrap();
    c.current_dir(dir)
        .env("PAR_TODAY", "2025-10-06")
        .env("PAR_NOW", "2025-10-06T09:15:00+07:00")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("PAR_FILE")
        .env_remove("PAR_LOCK_TIMEOUT")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME");
    c
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
    par(dir.path()).args(["done", "4", "--note", "Quý IV: đã xử lý"]).assert().success();
    let anchor = "value = 80\ndate = 2025-10-06\nnote = \"4/5 phản ánh đúng hạn\"\n";
    let inserted = "\n[[task.done]]\nperiod = \"2025-Q4\"\ndate = 2025-10-06\nnote = \"Quý IV: đã xử lý\"\nat = 2025-10-06T09:15:00+07:00\n";
    let mut expected = vec![0xEF, 0xBB, 0xBF];
    expected.extend(crlf(&seed().replacen(anchor, &format!("{anchor}{inserted}"), 1)).into_bytes());
    assert_eq!(fs::read(&path).unwrap(), expected);

    // Edits through toml_edit keep CRLF too, on the changed lines and the others.
    par(dir.path()).args(["edit", "8", "--due", "15/10/2025", "--title", "Phong trào thi đua CCHC"]).assert().success();
    let expected_text = String::from_utf8(expected[3..].to_vec()).unwrap();
    let expected_text = expected_text.replacen("due = 2025-09-30\r\n", "due = 2025-10-15\r\n", 1).replacen(
        "title = \"Phát động phong trào thi đua tìm mô hình, giải pháp CCHC đột phá, sáng tạo\"\r\n",
        "title = \"Phong trào thi đua CCHC\"\r\n",
        1,
    );
    let mut expected = vec![0xEF, 0xBB, 0xBF];
    expected.extend(expected_text.into_bytes());
    assert_eq!(fs::read(&path).unwrap(), expected);
    par(dir.path()).args(["reopen", "4"]).assert().success();
    par(dir.path()).arg("status").assert().success();
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
        (&["log", "1", "x", "--date", "hôm kia"], "--date: `hôm kia` is not a date"),
    ];
    for (args, message) in cases {
        par(dir.path()).args(["--lang", "en"]).args(*args).assert().code(2).stderr(predicate::str::contains(*message));
    }
    par(dir.path())
        .args(["done", "1"])
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
    par(dir.path()).args(["done", "1"]).assert().success();
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
        par(dir.path())
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
    par(dir.path()).args(["done", "1"]).assert().code(2).stderr(predicate::str::contains("unknown owner `phtt`"));
    assert_eq!(fs::read_to_string(&path).unwrap(), unknown);
}

#[test]
fn tasks_written_as_an_inline_array_are_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let text = "task = [{ id = \"1\", section = \"II\", title = \"a\" }]\n[plan]\nunit = \"U\"\ntitle = \"T\"\nyear = 2025\n[[section]]\nid = \"II\"\ntitle = \"S\"\n";
    fs::write(dir.path().join("plan.toml"), text).unwrap();
    par(dir.path())
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
    par(dir.path())
        .args(["--lang", "en", "done", "1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("plan.toml is read-only; nothing was written"));
    par(dir.path()).args(["log", "1", "x"]).assert().code(3).stderr(predicate::str::contains("chỉ cho phép đọc"));
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();

    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let out = par(dir.path()).args(["--lang", "en", "done", "1"]).assert().code(3);
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
    par(dir.path()).args(["done", "1"]).assert().success();
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
    par(dir.path()).args(["--lang", "en", "done", "1"]).env("PAR_LOCK_TIMEOUT", "0.3").assert().code(3).stderr(
        predicate::str::contains("another par is writing")
            .and(predicate::str::contains("waited 0.3 s; nothing was written")),
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), seed());
    drop(lock);
    par(dir.path()).args(["done", "1"]).env("PAR_LOCK_TIMEOUT", "0.3").assert().success();
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
    let bin = assert_cmd::cargo::cargo_bin("par");
    let children: Vec<_> = (1..=20)
        .map(|i| {
            let mut c = std::process::Command::new(&bin);
            c.current_dir(dir.path())
                .env("PAR_TODAY", "2025-10-06")
                .env("PAR_NOW", "2025-10-06T09:15:00+07:00")
                .env("PAR_LOCK_TIMEOUT", "60")
                .env_remove("PAR_FILE")
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
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
    par(dir.path()).args(["done", "1", "--note", "nhánh A"]).assert().success();
    par(dir.path()).args(["edit", "8", "--due", "15/10/2025"]).assert().success();
    git(dir.path(), &["commit", "-q", "-am", "a"]);
    git(dir.path(), &["checkout", "-q", "main"]);
    par(dir.path()).args(["log", "2", "nhánh B"]).assert().success();
    par(dir.path()).args(["done", "4", "--period", "2025-Q4"]).assert().success();
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
    assert_eq!(e.code, 3);
    assert!(e.message.contains("was changed by another program while par was working"), "{}", e.message);
    assert!(e.message.contains("nothing was written, run the command again"), "{}", e.message);
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    assert_eq!(strays(dir.path()), Vec::<String>::new());
}
