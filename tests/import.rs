//! `par import`: drafting plan.toml from plan documents (Markdown, text, .docx).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use par::plan::{Plan, Repeat};
use predicates::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::support::{self, Par};

#[path = "../examples/gen_document.rs"]
mod gen_document;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// The seed plan document (a copy of the project's shared seed, kept with the tests).
fn seed() -> PathBuf {
    fixture("ke-hoach-par-index-2025.md")
}

const PAR: Par = Par::new().today("2025-06-15");

/// Imports `doc` into `dir/plan.toml` and loads the result with par's own loader.
fn import(dir: &Path, doc: &Path) -> (String, Plan) {
    PAR.cmd_in(dir).arg("import").arg(doc).arg("-o").arg("plan.toml").assert().success();
    let path = dir.join("plan.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = par::plan::load(&path).unwrap_or_else(|e| panic!("{}\n{text}", e.rendered));
    (text, loaded.plan)
}

fn d(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a par::plan::Task {
    plan.tasks.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no task {id}"))
}

fn owner<'a>(plan: &'a Plan, id: &str) -> Option<&'a str> {
    plan.owner_of(task(plan, id)).map(|o| o.name.as_str())
}

fn support<'a>(plan: &'a Plan, id: &str) -> Vec<&'a str> {
    task(plan, id).support.iter().map(|&i| plan.owners[i].name.as_str()).collect()
}

#[test]
fn seed_plan_imports_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let (text, plan) = import(dir.path(), &seed());

    // The four legal bases at the top, numbers and dates right.
    let bases: Vec<_> = plan.bases.iter().map(|b| (b.kind.as_str(), b.number.as_deref().unwrap(), b.date)).collect();
    assert_eq!(
        bases,
        vec![
            ("Kế hoạch", "16/KH-UBND", d(2025, 1, 15)),
            ("Công văn", "1086/UBND-NV", d(2025, 4, 14)),
            ("Công văn", "1232/UBND-NV", d(2025, 4, 25)),
            ("Kế hoạch", "137/KH-UBND", d(2025, 5, 21)),
        ]
    );
    assert_eq!(plan.bases[0].issuer.as_deref(), Some("Ủy ban nhân dân Quận 1"));
    assert_eq!(
        plan.bases[0].subject.as_deref(),
        Some("thực hiện công tác cải cách hành chính trên địa bàn Quận 1 năm 2025")
    );
    // The third names no issuer: guessed from the symbol, and marked.
    assert_eq!(plan.bases[2].issuer.as_deref(), Some("Ủy ban nhân dân Quận 1"));
    assert!(text.contains("đoán theo ký hiệu UBND-NV"));
    assert!(text.find("[[basis]]").unwrap() < text.find("[[section]]").unwrap());

    // Metadata.
    assert_eq!(plan.meta.kind.as_deref(), Some("Kế hoạch"));
    assert!(plan.meta.title.starts_with("Kế hoạch khắc phục, cải thiện chỉ số Cải cách hành chính (PAR Index)"));
    assert_eq!(plan.meta.year, 2025);
    assert_eq!(plan.meta.unit, "Trường Tiểu học Nguyễn Bình Khiêm");
    assert_eq!(plan.meta.unit_short.as_deref(), Some("NBK"));
    assert_eq!(plan.meta.signer.as_ref().map(|s| s.name.as_str()), Some("Đỗ Ngọc Chi"));
    assert_eq!(plan.meta.recipients, ["Phòng Nội vụ Quận 1", "CB-GV-NV trường (để t/h)", "Lưu: VT"]);

    // Sections: I holds the objectives as points; II the eight tasks; III the two duties.
    let ids: Vec<_> = plan.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["I", "II", "III"]);
    assert_eq!(plan.sections[0].title, "Mục đích yêu cầu");
    assert_eq!(plan.sections[0].points.len(), 4);
    assert!(plan.sections[0].points[2].ends_with("Chỉ số cải cách hành chính."));
    let in_section = |s: &str| -> Vec<&str> {
        plan.tasks.iter().filter(|t| plan.section_of(t).id == s).map(|t| t.id.as_str()).collect()
    };
    assert_eq!(in_section("II"), ["1", "2", "3", "4", "5", "6", "7", "8"]);
    assert_eq!(in_section("III"), ["III.1", "III.2"]);

    // Deadlines and recurrence read from the text.
    assert_eq!(task(&plan, "III.2").due, d(2025, 5, 30));
    assert_eq!(task(&plan, "2").repeat, Repeat::Ongoing);
    assert_eq!(task(&plan, "4").repeat.keyword(), "quarterly");
    assert_eq!(task(&plan, "7").repeat, Repeat::Ongoing);
    assert_eq!(task(&plan, "III.1").repeat.keyword(), "quarterly");
    assert!(text.contains("\"định kỳ\": đoán theo quý"));

    // Full wording kept (Markdown emphasis removed), a short title, references as task.ref.
    let t2 = task(&plan, "2");
    let detail = t2.detail.as_deref().unwrap();
    assert!(detail.contains("phương châm 5 thật (nghĩ thật"));
    assert!(!detail.contains("**"));
    assert!(detail.contains("\n\nĐẩy mạnh, đa dạng hóa công tác thông tin"));
    assert!(!t2.title.contains('\n') && t2.title.chars().count() <= 111);
    let refs: Vec<_> = task(&plan, "8").refs.iter().map(|r| r.number.as_deref().unwrap()).collect();
    assert_eq!(refs, ["14-KL/TW", "73/2023/NĐ-CP", "3815/KH-UBND", "387/KH-UBND"]);
    assert_eq!(task(&plan, "8").refs[0].issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(task(&plan, "1").refs[0].number.as_deref(), Some("48/KH-NBK"));
    assert_eq!(task(&plan, "1").refs[0].date, d(2025, 1, 23));

    // No owner is named: left empty, with a comment for the officer.
    assert!(plan.tasks.iter().all(|t| t.owner.is_none()));
    assert!(text.contains("văn bản không nêu đơn vị chủ trì"));

    // The draft works with the other commands.
    PAR.cmd_in(dir.path()).arg("status").assert().success().stdout(predicate::str::contains("Nhiệm vụ và giải pháp"));
    PAR.cmd_in(dir.path()).args(["show", "III.2"]).assert().success().stdout(predicate::str::contains("30/05/2025"));
}

#[test]
fn import_ends_with_the_lint_of_what_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    PAR.cmd_in(dir.path())
        .arg("import")
        .arg(seed())
        .args(["-o", "plan.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("4 căn cứ, 3 phần, 10 nhiệm vụ"))
        .stdout(predicate::str::contains("Đã ghi plan.toml"))
        .stdout(predicate::str::contains("Kiểm tra \"5 rõ\" (như par check):"))
        .stdout(predicate::str::contains("22 vấn đề ở 10/10 nhiệm vụ"))
        .stdout(predicate::str::is_match(r"III\.2\s+┆ \d+\s+┆ rõ người").unwrap());
    // English, and without -o: the plan on standard output, the report on standard error.
    let out = PAR.cmd_in(dir.path()).arg("--lang").arg("en").arg("import").arg(seed()).assert().success();
    let o = out.get_output();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stdout.starts_with("# ===="));
    assert!(stdout.contains("[[task]]"));
    assert!(!stdout.contains("The \"5 rõ\" check"));
    assert!(stderr.contains("4 legal bases, 3 sections, 10 tasks"));
    assert!(stderr.contains("The \"5 rõ\" check (as par check):"));
    assert!(stderr.contains("22 problems in 10/10 tasks"));
    assert!(stderr.contains("add owner = \"…\" (an id from [[owner]])"));
}

#[test]
fn import_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = PAR.cmd_in(dir.path()).arg("import").arg(seed()).output().unwrap().stdout;
    let b = PAR.cmd_in(dir.path()).arg("import").arg(seed()).output().unwrap().stdout;
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn nfd_input_reads_as_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let nfc = std::fs::read_to_string(seed()).unwrap();
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc, nfd);
    std::fs::write(dir.path().join("ke-hoach-par-index-2025.md"), &nfd).unwrap();
    let from_nfd = PAR.cmd_in(dir.path()).arg("import").arg("ke-hoach-par-index-2025.md").output().unwrap();
    assert!(from_nfd.status.success());
    let from_nfc = PAR.cmd_in(dir.path()).arg("import").arg(seed()).output().unwrap();
    let text = String::from_utf8(from_nfd.stdout).unwrap();
    assert_eq!(text, String::from_utf8(from_nfc.stdout).unwrap());
    assert_eq!(text, text.nfc().collect::<String>());
    assert!(text.contains("number = \"16/KH-UBND\""));
    assert!(text.contains("due = 2025-05-30"));
}

#[test]
fn ward_plan_with_letter_items_and_owners() {
    let dir = tempfile::tempdir().unwrap();
    let (text, plan) = import(dir.path(), &fixture("phuong-ben-nghe.md"));

    let m = &plan.meta;
    assert_eq!(m.unit, "Ủy ban nhân dân phường Bến Nghé");
    assert_eq!(m.superior.as_deref(), Some("Ủy ban nhân dân Quận 1"));
    assert_eq!(m.number.as_deref(), Some("35/KH-UBND"));
    assert_eq!(m.date, d(2025, 6, 5));
    assert_eq!(m.place.as_deref(), Some("Phường Bến Nghé"));
    // "TM. ỦY BAN NHÂN DÂN" above "CHỦ TỊCH": a capacity line, then the position (issue 15;
    // it was read as authority "TM." + "Chủ tịch", which a report prints "TM. CHỦ TỊCH").
    let signer = m.signer.as_ref().unwrap();
    assert_eq!(
        (signer.name.as_str(), signer.position.as_deref(), signer.authority.as_deref()),
        ("Nguyễn Văn An", Some("Chủ tịch"), None)
    );
    assert_eq!(signer.capacity, ["TM. Ủy ban nhân dân"]);
    assert_eq!(m.recipients.len(), 4);

    // "Căn cứ Luật … ngày 19 tháng 6 năm 2015" and "Quyết định số … ngày 20/3/2025".
    assert_eq!(plan.bases.len(), 3);
    assert_eq!((plan.bases[0].kind.as_str(), plan.bases[0].date), ("Luật", d(2015, 6, 19)));
    assert_eq!(plan.bases[0].subject.as_deref(), Some("Tổ chức chính quyền địa phương"));
    assert_eq!(plan.bases[1].number.as_deref(), Some("1234/QĐ-UBND"));
    assert_eq!(plan.bases[1].date, d(2025, 3, 20));

    // Sub-sections by Arabic numerals, tasks by letters.
    let sections: Vec<_> = plan.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    assert_eq!(
        sections,
        vec![
            ("I", "Mục đích, yêu cầu"),
            ("II", "Nhiệm vụ, giải pháp trọng tâm"),
            ("II.1", "Cải cách thủ tục hành chính"),
            ("II.2", "Chính quyền số"),
            ("II.3", "Tuyên truyền"),
            ("III", "Tổ chức thực hiện"),
            ("IV", "Kinh phí"),
        ]
    );
    assert_eq!(
        plan.sections[6].points,
        ["Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách phường năm 2025."]
    );
    let ids: Vec<_> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1.a", "1.b", "1.c", "2.a", "2.b", "3.a", "III.1", "III.2"]);
    assert_eq!(plan.section_of(task(&plan, "2.b")).id, "II.2");

    // Owners: "… chủ trì, phối hợp …", "Giao …", "X: …".
    assert_eq!(owner(&plan, "1.a"), Some("Phòng Nội vụ"));
    assert_eq!(support(&plan, "1.a"), ["Văn phòng HĐND-UBND"]);
    assert!(text.contains("id = \"pnv\""));
    assert!(text.contains("id = \"vp-hdnd-ubnd\""));
    assert_eq!(
        task(&plan, "1.a").title,
        "Rà soát, cập nhật và niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa phường"
    );
    assert_eq!(owner(&plan, "1.b"), Some("Công chức Tư pháp - Hộ tịch"));
    assert_eq!(owner(&plan, "1.c"), Some("Bộ phận một cửa phường"));
    assert_eq!(owner(&plan, "2.a"), Some("Văn phòng HĐND-UBND"));
    assert_eq!(support(&plan, "2.a"), ["Công an phường", "Đoàn Thanh niên phường"]);
    assert_eq!(owner(&plan, "3.a"), Some("Ủy ban Mặt trận Tổ quốc Việt Nam phường"));
    assert_eq!(owner(&plan, "2.b"), None);

    // Timelines.
    assert_eq!(task(&plan, "1.a").due, d(2025, 7, 15));
    assert_eq!((task(&plan, "1.b").repeat.keyword(), task(&plan, "1.b").due_day), ("monthly", Some(25)));
    assert_eq!(task(&plan, "1.c").repeat, Repeat::Ongoing);
    assert_eq!(task(&plan, "2.b").due, d(2025, 9, 30));
    assert_eq!(task(&plan, "3.a").repeat.keyword(), "half-yearly");
    assert_eq!(task(&plan, "III.1").due, d(2025, 12, 10));

    // Results, and a reference inside a task.
    // The measured words from "tỷ lệ" on, and the indicator they set (issue 15).
    assert_eq!(task(&plan, "1.b").result.as_deref(), Some("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 100%"));
    let ind = task(&plan, "1.b").indicator.as_ref().unwrap();
    assert_eq!(
        (ind.name.as_str(), ind.target, ind.unit.as_deref()),
        ("Tỷ lệ hồ sơ giải quyết đúng hạn", 100.0, Some("%"))
    );
    assert_eq!(task(&plan, "2.b").result.as_deref(), Some("Báo cáo đánh giá gửi Ủy ban nhân dân Quận 1"));
    let r = &task(&plan, "2.a").refs[0];
    assert_eq!(
        (r.number.as_deref(), r.date, r.issuer.as_deref()),
        (Some("2050/QĐ-UBND"), d(2025, 5, 12), Some("Ủy ban nhân dân Thành phố"))
    );
}

#[test]
fn school_plan_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let (text, plan) = import(dir.path(), &fixture("truong-thcs-le-quy-don.txt"));
    let m = &plan.meta;
    assert_eq!(m.unit, "Trường THCS Lê Quý Đôn");
    assert_eq!(m.superior.as_deref(), Some("Phòng Giáo dục và Đào tạo Quận 3"));
    assert_eq!(m.unit_short.as_deref(), Some("LQĐ"));
    assert_eq!(m.date, d(2025, 8, 15));
    assert_eq!(
        m.title,
        "Kế hoạch cải thiện Chỉ số cải cách hành chính và Chỉ số hài lòng (SIPAS) của trường THCS Lê Quý Đôn năm 2025"
    );
    // "KT. HIỆU TRƯỞNG" above "PHÓ HIỆU TRƯỞNG": the capacity line kept whole (issue 15).
    let signer = m.signer.as_ref().unwrap();
    assert_eq!(
        (signer.name.as_str(), signer.position.as_deref(), signer.authority.as_deref()),
        ("Trần Thị Bình", Some("Phó Hiệu trưởng"), None)
    );
    assert_eq!(signer.capacity, ["KT. Hiệu trưởng"]);

    assert_eq!(plan.bases.len(), 1);
    assert_eq!(plan.bases[0].issuer.as_deref(), Some("Phòng Giáo dục và Đào tạo Quận 3"));
    assert_eq!(plan.bases[0].date, d(2025, 8, 5));

    // "I - MỤC TIÊU" without Markdown; "1)" items; "+" details; "- X: …" duties.
    assert_eq!(plan.sections[0].points.len(), 2);
    let ids: Vec<_> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3", "4", "5", "III.1", "III.2", "III.3"]);
    assert!(task(&plan, "2").detail.as_deref().unwrap().contains("\n+ Giáo viên chủ nhiệm phát phiếu, thu phiếu."));
    assert_eq!(task(&plan, "2").due, d(2025, 10, 31));
    assert_eq!((task(&plan, "3").start, task(&plan, "3").due), (d(2025, 9, 1), d(2025, 10, 31)));
    assert_eq!(owner(&plan, "3"), Some("Tổ trưởng Tổ Văn phòng"));
    assert_eq!(task(&plan, "3").title, "Rà soát quy trình tiếp nhận, trả kết quả hồ sơ học sinh");
    assert_eq!(owner(&plan, "1"), Some("Tổ Văn phòng"));
    assert_eq!(task(&plan, "1").repeat.keyword(), "monthly");
    assert_eq!(task(&plan, "1").refs[0].number.as_deref(), Some("09/2024/TT-BGDĐT"));
    assert_eq!(task(&plan, "4").repeat.keyword(), "yearly");
    assert_eq!(owner(&plan, "III.1"), Some("Hiệu trưởng"));
    assert_eq!(task(&plan, "III.1").title, "Chỉ đạo chung, kiểm tra, đánh giá việc thực hiện kế hoạch");
    assert_eq!(task(&plan, "III.1").due, d(2025, 12, 20));
    assert_eq!(task(&plan, "III.2").repeat.keyword(), "quarterly");
    // "Toàn thể CB-GV-NV …": the staff as owner, marked as a guess.
    assert_eq!(owner(&plan, "III.3"), Some("CB-GV-NV"));
    assert!(text.contains("id = \"cb-gv-nv\""));
    assert!(text.contains("không ghi rõ \"chủ trì\""));
}

#[test]
fn appendix_table_of_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let (_, plan) = import(dir.path(), &fixture("phong-vh-tt-phu-luc.md"));
    assert_eq!(plan.meta.unit, "Phòng Văn hóa và Thông tin");
    assert_eq!(
        plan.meta.signer.as_ref().map(|s| (s.name.as_str(), s.position.as_deref())),
        Some(("Phạm Minh Đức", Some("Trưởng phòng")))
    );
    assert_eq!(plan.meta.recipients, ["UBND Quận 1", "Lưu: VT"]);
    let sections: Vec<_> = plan.sections.iter().map(|s| (s.id.as_str(), s.title.as_str())).collect();
    assert_eq!(
        sections,
        vec![
            ("I", "Mục tiêu"),
            ("II", "Nhiệm vụ"),
            ("III", "Tổ chức thực hiện"),
            ("PL", "Danh mục nhiệm vụ cải thiện Chỉ số cải cách hành chính năm 2025"),
            ("PL.I", "Cải cách thủ tục hành chính"),
            ("PL.II", "Chính quyền số"),
        ]
    );
    let ids: Vec<_> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["I.1", "I.2", "II.1", "II.2", "II.3"]);
    assert_eq!(owner(&plan, "I.1"), Some("Bộ phận Văn hóa"));
    assert_eq!(support(&plan, "I.1"), ["Bộ phận một cửa", "Văn phòng"]);
    assert_eq!(task(&plan, "I.1").due, d(2025, 9, 30));
    assert_eq!(task(&plan, "I.1").result.as_deref(), Some("Báo cáo rà soát"));
    assert_eq!(task(&plan, "I.2").repeat.keyword(), "monthly");
    assert_eq!(task(&plan, "II.1").due, d(2025, 12, 31));
    // Two owners in the owner column: the first leads, the other supports.
    assert_eq!((owner(&plan, "II.2"), support(&plan, "II.2")), (Some("Bộ phận Thông tin"), vec!["Văn phòng"]));
    assert_eq!((task(&plan, "II.2").start, task(&plan, "II.2").due), (d(2025, 8, 1), d(2025, 10, 31)));
    assert_eq!(task(&plan, "II.2").refs[0].number.as_deref(), Some("2050/QĐ-UBND"));
    assert_eq!((task(&plan, "II.3").repeat, task(&plan, "II.3").result.as_deref()), (Repeat::Ongoing, None));
}

// ---------------------------------------------------------------------------
// .docx
// ---------------------------------------------------------------------------

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

/// A paragraph in Word list `num` at level `ilvl`: its label is numbering, not text.
fn li(num: u32, ilvl: u32, runs: &str) -> String {
    format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{runs}</w:p>")
}

fn cell(paras: &[&str]) -> String {
    format!("<w:tc>{}</w:tc>", paras.iter().map(|t| p(t)).collect::<String>())
}

fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let numbering = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>"#;
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", document.as_str()),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn ward_docx() -> String {
    let header = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["ỦY BAN NHÂN DÂN QUẬN 1", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH", "Số: 21/KH-UBND"]),
        cell(&[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Tân Định, ngày 10 tháng 6 năm 2025"
        ])
    );
    let signature = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&["Nơi nhận:", "- UBND Quận 1;", "- Lưu: VT."]),
        cell(&["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Tâm"])
    );
    [
        header,
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>".to_string() + &run("KẾ HOẠCH") + "</w:p>",
        p("Cải thiện Chỉ số cải cách hành chính năm 2025"),
        p("Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/3/2025 của Ủy ban nhân dân Quận 1 về công bố Chỉ số cải cách hành chính năm 2024;"),
        li(1, 0, &run("MỤC ĐÍCH, YÊU CẦU")),
        li(2, 0, &run("Nâng cao chất lượng phục vụ người dân.")),
        li(1, 0, &run("NHIỆM VỤ")),
        li(1, 1, &run("Cải cách thủ tục hành chính")),
        // One sentence split over runs, with deleted text (track changes) that must not show.
        li(
            1,
            2,
            &[
                run("Phòng Nội "),
                "<w:r><w:rPr><w:b/></w:rPr><w:t>vụ</w:t></w:r>".to_string(),
                run(" chủ trì, phối hợp Văn phòng HĐND-UBND rà soát thủ tục hành chính; hoàn thành trước ngày "),
                "<w:del w:id=\"1\"><w:r><w:delText>30/6/2025</w:delText></w:r></w:del>".to_string(),
                run("31/7/2025."),
            ]
            .concat(),
        ),
        li(1, 2, &run("Công an phường: tiếp nhận, xử lý phản ánh của người dân hằng tháng.")),
        li(1, 1, &run("Chính quyền số")),
        li(1, 2, &run("Hướng dẫn người dân dùng dịch vụ công trực tuyến & thanh toán trực tuyến thường xuyên.")),
        li(1, 0, &run("TỔ CHỨC THỰC HIỆN")),
        li(2, 0, &run("Văn phòng HĐND-UBND chủ trì tổng hợp, báo cáo kết quả trước ngày 15/12/2025.")),
        li(1, 0, &run("PHÂN CÔNG NHIỆM VỤ")),
        format!(
            "<w:tbl><w:tr>{}{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr></w:tbl>",
            cell(&["STT"]),
            cell(&["Nội dung công việc"]),
            cell(&["Chủ trì"]),
            cell(&["Thời hạn"]),
            cell(&["1"]),
            cell(&["Tổng kết, đánh giá kết quả thực hiện Kế hoạch", "(lập biên bản)"]),
            cell(&["Văn phòng HĐND-UBND"]),
            cell(&["20/12/2025"]),
        ),
        p("Trên đây là Kế hoạch cải thiện Chỉ số cải cách hành chính năm 2025 của Ủy ban nhân dân phường Tân Định./."),
        signature,
    ]
    .concat()
}

#[test]
fn docx_with_word_numbering() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ke-hoach.docx"), docx(&ward_docx())).unwrap();
    let (text, plan) = import(dir.path(), Path::new("ke-hoach.docx"));
    assert!(text.contains("đoạn / paragraph"));
    let m = &plan.meta;
    assert_eq!(m.unit, "Ủy ban nhân dân phường Tân Định");
    assert_eq!(m.superior.as_deref(), Some("Ủy ban nhân dân Quận 1"));
    assert_eq!(m.number.as_deref(), Some("21/KH-UBND"));
    assert_eq!((m.place.as_deref(), m.date), (Some("Tân Định"), d(2025, 6, 10)));
    assert_eq!(m.title, "Kế hoạch cải thiện Chỉ số cải cách hành chính năm 2025");
    assert_eq!(m.recipients, ["UBND Quận 1", "Lưu: VT"]);
    assert_eq!(
        m.signer.as_ref().map(|s| (s.name.as_str(), s.position.as_deref())),
        Some(("Lê Văn Tâm", Some("Chủ tịch")))
    );
    assert_eq!(plan.bases[0].number.as_deref(), Some("1234/QĐ-UBND"));

    // Word's list numbering became the labels: I., II., 1., a), bullets.
    let sections: Vec<_> = plan.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["I", "II", "II.1", "II.2", "III", "IV"]);
    assert_eq!(plan.sections[0].points, ["Nâng cao chất lượng phục vụ người dân."]);
    let ids: Vec<_> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1.a", "1.b", "2.a", "III.1", "IV.1"]);
    assert_eq!(owner(&plan, "1.a"), Some("Phòng Nội vụ"));
    assert_eq!(support(&plan, "1.a"), ["Văn phòng HĐND-UBND"]);
    assert_eq!(task(&plan, "1.a").due, d(2025, 7, 31));
    assert!(!task(&plan, "1.a").detail.as_deref().unwrap().contains("30/6"));
    assert_eq!((owner(&plan, "1.b"), task(&plan, "1.b").repeat.keyword()), (Some("Công an phường"), "monthly"));
    assert!(task(&plan, "2.a").detail.as_deref().unwrap().contains("trực tuyến & thanh toán"));
    assert_eq!(task(&plan, "2.a").repeat, Repeat::Ongoing);
    assert_eq!((owner(&plan, "III.1"), task(&plan, "III.1").due), (Some("Văn phòng HĐND-UBND"), d(2025, 12, 15)));
    // A Word table of tasks: a row is a task, the columns its owner and deadline.
    let iv = task(&plan, "IV.1");
    assert_eq!(iv.detail.as_deref(), Some("Tổng kết, đánh giá kết quả thực hiện Kế hoạch\n(lập biên bản)"));
    assert_eq!((owner(&plan, "IV.1"), iv.due), (Some("Văn phòng HĐND-UBND"), d(2025, 12, 20)));
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

fn fails(dir: &Path, name: &str, bytes: &[u8], needle: &str) {
    std::fs::write(dir.join(name), bytes).unwrap();
    PAR.cmd_in(dir)
        .args(["import", name, "-o", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(needle))
        .stdout(predicate::str::is_empty());
    assert!(!dir.join("plan.toml").exists(), "{name}: nothing may be written");
}

#[test]
fn bad_input_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fails(p, "empty.md", b"", "empty.md không có nội dung");
    fails(p, "blank.txt", b"  \n\n ", "blank.txt không có nội dung");
    fails(p, "notes.md", "# Ghi chú\n\nHọp giao ban sáng thứ hai.\n".as_bytes(), "không tìm thấy nhiệm vụ nào");
    fails(p, "plan.pdf", b"%PDF-1.7\n...", "dạng .docx hoặc .txt");
    fails(p, "old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", "Word 97-2003 (.doc)");
    fails(p, "broken.docx", b"PK\x03\x04 this is not really a zip", "không phải tệp Word .docx hợp lệ");
    let mut truncated = docx(&ward_docx());
    truncated.truncate(truncated.len() / 2);
    fails(p, "truncated.docx", &truncated, "không phải tệp Word .docx hợp lệ");
    fails(p, "tcvn3.txt", b"I. M\xd8c \xAE\xEDch\n1. Vi\xd6c\n", "không phải UTF-8");
    // English wording too.
    PAR.cmd_in(p)
        .args(["--lang", "en", "import", "plan.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Save As .docx, or as .txt"));
    PAR.cmd_in(p)
        .args(["import", "missing.md"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("không đọc được missing.md"));
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("plan.toml"), "# my own plan\n").unwrap();
    PAR.cmd_in(p)
        .arg("import")
        .arg(seed())
        .args(["-o", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("plan.toml đã có").and(predicate::str::contains("--force")));
    assert_eq!(std::fs::read_to_string(p.join("plan.toml")).unwrap(), "# my own plan\n");
    PAR.cmd_in(p).arg("import").arg(seed()).args(["-o", "plan.toml", "--force"]).assert().success();
    assert!(std::fs::read_to_string(p.join("plan.toml")).unwrap().contains("[[task]]"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.join("plan.toml")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "the plan is not left private like a temporary file");
    }
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(p).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["plan.toml"]);
    // The document itself is never the output.
    std::fs::write(p.join("kh.md"), std::fs::read(seed()).unwrap()).unwrap();
    PAR.cmd_in(p).args(["import", "kh.md", "-o", "kh.md", "--force"]).assert().code(2);
    assert_eq!(std::fs::read(p.join("kh.md")).unwrap(), std::fs::read(seed()).unwrap());
}

#[test]
fn tricky_text_still_gives_valid_toml() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "## I. NHIỆM VỤ\n\n1. Việc có ''' ba nháy đơn, \"nháy kép\" và \\ gạch chéo ngược\n\n2. Việc kết thúc bằng nháy '\n\n3. Việc có ký tự điều khiển \u{7}\u{1b}[31m và tab\there\n";
    std::fs::write(dir.path().join("kh.md"), doc).unwrap();
    let (_, plan) = import(dir.path(), Path::new("kh.md"));
    assert_eq!(plan.tasks.len(), 3);
    assert!(plan.tasks[0].detail.as_deref().unwrap().contains("''' ba nháy đơn, \"nháy kép\" và \\ gạch"));
    assert!(plan.tasks[1].detail.as_deref().unwrap().ends_with('\''));
    assert!(plan.tasks[2].detail.as_deref().unwrap().contains('\u{1b}'));
}

#[test]
fn long_generated_plan_imports() {
    // Not a timed test: bench/import.sh measures the release build on the same generator.
    let dir = tempfile::tempdir().unwrap();
    let text = gen_document::plan(50);
    assert!(text.len() >= 150_000);
    std::fs::write(dir.path().join("plan-50p.md"), &text).unwrap();
    let (_, plan) = import(dir.path(), Path::new("plan-50p.md"));
    let items = text.lines().filter(|l| l.contains(" chủ trì, phối hợp ")).count();
    assert_eq!(plan.tasks.len(), items);
    assert!(plan.tasks.iter().all(|t| t.owner.is_some()));
    assert_eq!(plan.bases.len(), 6);
}

/// Documents stitched at random from the genre's pieces (and some hostile ones): the
/// importer never panics, and whatever it drafts loads.
#[test]
fn random_documents_never_break_the_importer() {
    const PIECES: &[&str] = &[
        "## KẾ HOẠCH",
        "KẾ HOẠCH",
        "Về việc khắc phục hạn chế",
        "ỦY BAN NHÂN DÂN QUẬN 1",
        "Số: 12/KH-UBND",
        "Quận 1, ngày 31 tháng 2 năm 2025",
        "Phường 5, ngày 01/01/2025",
        "Thực hiện Kế hoạch số 16/KH-UBND ngày 15 tháng 01 năm 2025 của Ủy ban nhân dân Quận 1 về việc;",
        "Căn cứ Luật ngày",
        "Căn cứ Quyết định số 1/QĐ-X ngày 99/99/2025 của",
        "I. MỤC ĐÍCH",
        "II.",
        "III - TỔ CHỨC THỰC HIỆN",
        "IV. KINH PHÍ",
        "1.",
        "1. Phòng Nội vụ chủ trì, phối hợp",
        "2) Giao",
        "a) Giao Công an phường thực hiện trước ngày 30/5 hằng tháng",
        "b) trước ngày 15/6/2025 và trước ngày 01/01/2025, từ ngày 30/12/2025",
        "đ) Hiệu trưởng: thường xuyên; Sản phẩm:",
        "1.1. Định kỳ 6 tháng, quý V, quý III/2025, tháng 13/2025, tháng 6",
        "- Văn phòng HĐND-UBND: báo cáo 100% đúng hạn",
        "+ CB-GV-NV và Sở Khoa học và Công nghệ chủ trì:",
        "* ý phụ",
        "**3.** ''' nháy \"kép\" \\ ",
        "(1) Việc trong ngoặc (chưa đóng",
        "| STT | Nội dung | Chủ trì |",
        "| 1 | Việc | Phòng A |",
        "Trên đây là Kế hoạch, đề nghị CB-GV-NV thực hiện./.",
        "**Nơi nhận:**",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
        "(Đã ký)",
        "",
        "\t \u{a0}",
        "\u{1b}[31m\u{7}",
        "\u{202e}đảo chiều",
        "Kết luận số 14-KL/TW ngày 22 tháng 9 năm 2021 của Bộ Chính trị, Nghị định số 73/2023/NĐ-CP",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let lines = 3 + (next() % 30) as usize;
        let doc: Vec<&str> = (0..lines).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let text = doc.join(if next() % 2 == 0 { "\n" } else { "\n\n" });
        match par::import::import(text.as_bytes(), "kh.md", 2025) {
            Ok(imported) => {
                if let Err(e) = par::plan::load::parse(Path::new("plan.toml"), &imported.toml) {
                    panic!(
                        "draft does not load:\n{}\n--- document:\n{text}\n--- draft:\n{}",
                        e.rendered, imported.toml
                    );
                }
            }
            Err(par::import::ImportError::Empty | par::import::ImportError::NoTasks) => {}
            Err(e) => panic!("unexpected {e:?} for:\n{text}"),
        }
    }
}

/// Damaged .docx files (bytes flipped at random) are refused or read, never a panic.
#[test]
fn damaged_docx_never_breaks_the_importer() {
    let good = docx(&ward_docx());
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let mut bad = good.clone();
        for _ in 0..1 + next() % 8 {
            let i = (next() % bad.len() as u64) as usize;
            bad[i] ^= 1 << (next() % 8);
        }
        if let Ok(imported) = par::import::import(&bad, "kh.docx", 2025) {
            par::plan::load::parse(Path::new("plan.toml"), &imported.toml)
                .unwrap_or_else(|e| panic!("{}\n{}", e.rendered, imported.toml));
        }
    }
}

/// The TOML without comment lines and blank lines: what a plan says, not how it explains it.
fn data_lines(toml: &str) -> Vec<String> {
    toml.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string).collect()
}

#[test]
fn wrapped_markdown_and_word_text_read_like_the_original() {
    let original = std::fs::read_to_string(seed()).unwrap();
    let draft = |text: &str, name: &str| data_lines(&par::import::import(text.as_bytes(), name, 2025).unwrap().toml);
    let expected = draft(&original, "kh.md");
    // Markdown hard-wrapped at 50 to 100 characters: lines are joined back into paragraphs.
    for width in [50, 72, 100] {
        let mut wrapped = String::new();
        for line in original.lines() {
            let mut len = 0;
            for (i, word) in line.split(' ').enumerate() {
                let n = word.chars().count();
                if i > 0 && len + 1 + n > width {
                    wrapped.push('\n');
                    len = 0;
                } else if i > 0 {
                    wrapped.push(' ');
                    len += 1;
                }
                wrapped.push_str(word);
                len += n;
            }
            wrapped.push('\n');
        }
        assert_eq!(draft(&wrapped, "kh.md"), expected, "wrapped at {width}");
    }
    // Word's "plain text": one paragraph a line, no blank lines, no Markdown.
    let plain: String = original
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.trim_start_matches('#').trim().replace("**", "") + "\r\n")
        .collect();
    assert_eq!(draft(&plain, "kh.txt"), expected);
}

static BIG_TARGET: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!("## II. NHIỆM VỤ\n\nb) Báo cáo tỷ lệ hồ sơ giải quyết đúng hạn đạt 1{}0%.\n", "2".repeat(101))
});
static ENDLESS_TARGET: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!("## II. NHIỆM VỤ\n\nb) Báo cáo tỷ lệ hồ sơ giải quyết đúng hạn đạt {}%.\n", "9".repeat(400))
});

/// Crashes found by `cargo fuzz run import` (fuzz/fuzz_targets/import.rs), each cut down
/// to what triggers it: the draft must still load.
#[test]
fn fuzz_findings_stay_fixed() {
    let cases: &[(&str, &str)] = &[
        // A quarter or month in a year outside 1900–2200 became a due date the plan refused.
        ("## II. NHIỆM VỤ\n\nb) Đánh giá kết quả chuyển đổi số trong quý III/1012.\n", "kh.md"),
        ("II. NHIỆM VỤ\n1. Báo cáo trong tháng 6/3000.\n2. Tổng kết quý 2 năm 0999.\n", "kh.txt"),
        // A target of more digits than TOML's 64-bit integers hold was written as those
        // digits ("integer number overflowed"), and one of hundreds of digits as `inf`.
        (&BIG_TARGET, "kh.md"),
        (&ENDLESS_TARGET, "kh.md"),
    ];
    for (doc, name) in cases {
        let imported = par::import::import(doc.as_bytes(), name, 2025).unwrap_or_else(|e| panic!("{e:?} for:\n{doc}"));
        let plan = par::plan::load::parse(Path::new("plan.toml"), &imported.toml)
            .unwrap_or_else(|e| panic!("draft does not load:\n{}\n--- document:\n{doc}", e.rendered));
        assert!(!plan.tasks.is_empty(), "{doc}");
        for t in &plan.tasks {
            assert!(t.due.is_none_or(|d| (1900..=2200).contains(&chrono::Datelike::year(&d))), "{doc}");
        }
    }
    // The large target is kept, as a float; the endless one is no indicator.
    let target = |doc: &str| {
        let imported = par::import::import(doc.as_bytes(), "kh.md", 2025).unwrap();
        let plan = par::plan::load::parse(Path::new("plan.toml"), &imported.toml).unwrap();
        plan.tasks[0].indicator.as_ref().map(|i| i.target)
    };
    assert_eq!(target(&BIG_TARGET), Some(format!("1{}0", "2".repeat(101)).parse().unwrap()));
    assert_eq!(target(&ENDLESS_TARGET), None);
}

// ---------------------------------------------------------------------------
// Scaling (issue #12): documents that repeat their item numbers, and huge paragraphs.
// Not timed tests: each import runs under `timeout` and `ulimit -v`, with limits far above
// what the linear importer needs in a debug build (32,000 items: ~20 s of CPU), so that a
// quadratic (or memory-hungry) regression fails by being killed rather than by a clock.
// `bench/import.sh stress` measures the release build (BENCHMARKS.md).
// ---------------------------------------------------------------------------

#[path = "../examples/gen_import_stress.rs"]
mod gen_import_stress;

/// Runs `par import FILE -o plan.toml` in `dir` under `timeout SECS` and `ulimit -v KB`,
/// returning the plan written.
fn import_bounded(dir: &Path, file: &str, secs: u32, kb: u64) -> String {
    let par = support::par_bin();
    let mut sh = std::process::Command::new("sh");
    Par::new().prepare(&mut sh);
    let out = sh
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -v {kb}; exec timeout -s KILL {secs} \"$0\" --today 2025-06-15 import \"$1\" -o plan.toml"
        ))
        .arg(&par)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "par import {file} failed or was killed (status {:?}; limits {secs} s, {kb} KB): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(dir.join("plan.toml")).unwrap()
}

#[test]
fn repeated_item_numbers_import_in_linear_time() {
    // 16k/32k/64k items took 4.4/22/over 120 s in a release build (quadratic): 32,000
    // items "1." would take many minutes in this debug build; linear, about 20 s.
    let dir = tempfile::tempdir().unwrap();
    let n = 32_000;
    std::fs::write(dir.path().join("items.md"), gen_import_stress::items(n, "num")).unwrap();
    let toml = import_bounded(dir.path(), "items.md", 400, 4_000_000);
    let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
    assert_eq!(plan.tasks.len(), n);
    assert_eq!(plan.tasks[0].id, "1");
    assert_eq!(plan.tasks[n - 1].id, format!("1-{n}"));
    assert_eq!(toml.matches("số thứ tự 1 lặp lại").count(), n - 1);
    // One owner per name however many tasks name it, each task listed once.
    assert_eq!(plan.owners.len(), 4);
}

#[test]
fn every_kind_of_repeated_number_imports_in_linear_time() {
    // Sub-sections ("1." over "a)"), Roman sections, decimal and letter items, all repeated.
    let dir = tempfile::tempdir().unwrap();
    let n = 4_000;
    for style in ["dotted", "letter", "nested", "roman"] {
        let file = format!("{style}.md");
        std::fs::write(dir.path().join(&file), gen_import_stress::items(n, style)).unwrap();
        let _ = std::fs::remove_file(dir.path().join("plan.toml"));
        import_bounded(dir.path(), &file, 300, 4_000_000);
        let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
        assert_eq!(plan.tasks.len(), n, "{style}");
        let mut ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{style}: ids must differ");
    }
}

#[test]
fn many_short_docx_paragraphs_import_in_linear_time() {
    // 1.1 M paragraphs ran over 2 minutes in a release build before the fix; 40,000 in a
    // debug build show the shape.
    let dir = tempfile::tempdir().unwrap();
    let n = 40_000;
    std::fs::write(dir.path().join("paras.docx"), gen_import_stress::docx_paragraphs(n)).unwrap();
    import_bounded(dir.path(), "paras.docx", 400, 4_000_000);
    let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
    assert_eq!(plan.tasks.len(), n);
}

#[test]
fn a_document_of_absurdly_many_items_is_refused() {
    // 1.1 M paragraphs "1. Việc." took 10 GB; beyond 100,000 items par refuses, exit 2.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.docx"), gen_import_stress::docx_paragraphs(100_001)).unwrap();
    PAR.cmd_in(dir.path())
        .args(["--lang", "en", "import", "many.docx", "-o", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("many.docx has more than 100000 items"))
        .stderr(predicate::str::contains("help: check it is a plan"));
    assert!(!dir.path().join("plan.toml").exists());
}

#[test]
fn a_huge_docx_paragraph_is_cut_and_marked() {
    // 63 MB in one paragraph took 1.3 GB; par keeps its first 20,000 characters and says so
    // (bench/import.sh stress measures the 63 MB case; 4 MB keeps this test quick).
    let dir = tempfile::tempdir().unwrap();
    let doc = gen_import_stress::docx_one_paragraph(4_000_000);
    assert!(doc.len() < 100_000, "the generator compresses: {} bytes", doc.len());
    std::fs::write(dir.path().join("big.docx"), doc).unwrap();
    let toml = import_bounded(dir.path(), "big.docx", 120, 1_000_000);
    let line = toml
        .lines()
        .find(|l| l.starts_with("# KIỂM TRA / CHECK: đoạn / paragraph 2 dài "))
        .unwrap_or_else(|| panic!("no mark of the cut paragraph:\n{}", &toml[..toml.len().min(3000)]));
    assert!(line.contains("par chỉ đọc 20000 ký tự đầu"), "{line}");
    let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
    assert_eq!(plan.tasks.len(), 1);
    let detail = plan.tasks[0].detail.as_deref().unwrap_or_default();
    assert!(detail.chars().count() <= 20_000, "{}", detail.chars().count());
    assert!(detail.starts_with("Phòng Nội vụ chủ trì rà soát"));
}

#[test]
fn a_huge_line_of_text_is_cut_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("1. Phòng Nội vụ chủ trì {}\n", "[rà soát (".repeat(500_000));
    std::fs::write(dir.path().join("kh.md"), format!("### I. NHIỆM VỤ\n\n{long}\n2. Việc hai.\n")).unwrap();
    let toml = import_bounded(dir.path(), "kh.md", 120, 1_000_000);
    let n = long.trim_end().chars().count();
    assert!(
        toml.contains(&format!("# KIỂM TRA / CHECK: dòng / line 3 dài {n} ký tự; par chỉ đọc 20000 ký tự đầu")),
        "{}",
        &toml[..toml.len().min(3000)]
    );
    let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.tasks[1].title, "Việc hai");
}

/// Runs `par --lang en import FILE -o plan.toml` in `dir` under `timeout SECS` and
/// `ulimit -v KB`, expecting it to refuse with `code`; returns its stderr.
fn import_bounded_refused(dir: &Path, file: &str, secs: u32, kb: u64, code: i32) -> String {
    let par = support::par_bin();
    let mut sh = std::process::Command::new("sh");
    Par::new().prepare(&mut sh);
    let out = sh
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -v {kb}; exec timeout -s KILL {secs} \"$0\" --lang en --today 2025-06-15 import \"$1\" -o plan.toml"
        ))
        .arg(&par)
        .arg(file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "par import {file} (limits {secs} s, {kb} KB): {stderr}");
    assert!(!dir.join("plan.toml").exists(), "{file}: nothing may be written");
    stderr
}

#[test]
fn reading_stops_as_soon_as_the_item_limit_is_passed() {
    // The 1.1 M-paragraph .docx was read and labelled whole before being refused (2.1 s);
    // the readers now count as they go and stop at the 100,001st item.
    let doc = par::import::docx::read(&gen_import_stress::docx_paragraphs(150_000)).unwrap();
    assert_eq!(doc.over, Some(par::import::text::Over::Items));
    assert_eq!(doc.blocks.len(), par::import::parse::MAX_ITEMS + 1);
    let doc = par::import::text::from_text(&"1. Việc.\n".repeat(150_000), true);
    assert_eq!(doc.over, Some(par::import::text::Over::Items));
    assert!(doc.blocks.len() <= par::import::parse::MAX_ITEMS + 1, "{}", doc.blocks.len());
    // Paragraphs that are not items stop the reading at the paragraph limit.
    let max = par::import::text::MAX_BLOCKS;
    let doc = par::import::docx::read(&gen_import_stress::docx_short_paragraphs(max + 10)).unwrap();
    assert_eq!((doc.over, doc.blocks.len()), (Some(par::import::text::Over::Paragraphs), max + 1));
    // Under the limit, nothing is cut short.
    let doc = par::import::text::from_text(&"1. Việc.\n".repeat(1_000), true);
    assert_eq!((doc.over, doc.blocks.len()), (None, 1_000));
}

#[test]
fn a_text_of_a_million_short_lines_is_refused() {
    // 16 M one-letter lines fit under the cap; held as paragraphs they would take gigabytes.
    let dir = tempfile::tempdir().unwrap();
    let max = par::import::text::MAX_BLOCKS;
    std::fs::write(dir.path().join("lines.txt"), "x\n".repeat(max + 10)).unwrap();
    let err = import_bounded_refused(dir.path(), "lines.txt", 300, 1_000_000, 2);
    assert!(err.contains(&format!("lines.txt has more than {max} paragraphs")), "{err}");
    assert!(err.contains("help: check it is a plan"), "{err}");
}

#[test]
fn a_document_over_the_import_cap_is_refused_unread() {
    // A plan document is a few MB; `par import` reads at most 32 MB (the plan loader 256 MB).
    let dir = tempfile::tempdir().unwrap();
    let cap = par::import::MAX_INPUT;
    assert_eq!(cap, 32 << 20);
    std::fs::File::create(dir.path().join("big.txt")).unwrap().set_len(cap + 1).unwrap();
    let err = import_bounded_refused(dir.path(), "big.txt", 60, 200_000, 3);
    assert!(err.contains("big.txt") && err.contains("over the 32 MB limit"), "{err}");
    assert!(err.contains("help: check that this is the file meant"), "{err}");
    // In Vietnamese too.
    PAR.cmd_in(dir.path())
        .args(["--lang", "vi", "import", "big.txt", "-o", "plan.toml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("quá giới hạn 32 MB"))
        .stderr(predicate::str::contains("gợi ý:"));
}

#[test]
fn import_lint_shows_the_first_rows_and_points_to_par_check() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("ke-hoach.md");
    let mut text = String::from("# KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025\n\n");
    for i in 1..=40 {
        text.push_str(&format!("{i}. Rà soát thủ tục hành chính số {i}.\n"));
    }
    std::fs::write(&doc, text).unwrap();
    let out =
        PAR.cmd_in(dir.path()).args(["--lang", "en", "import"]).arg(&doc).args(["-o", "plan.toml"]).output().unwrap();
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    let check = PAR.cmd_in(dir.path()).args(["--lang", "en", "check"]).output().unwrap();
    let all = String::from_utf8_lossy(&check.stdout);
    let rows = |s: &str| s.lines().filter(|l| l.contains(" ┆ ") && !l.contains("Problem")).count();
    // `par check` lists every problem; the import its first 50, then how many more.
    let total = rows(&all);
    assert!(total > 50, "{all}");
    assert_eq!(rows(&report), 50, "{report}");
    assert!(report.contains(&format!("… and {} more: run `par check` to see them all", total - 50)), "{report}");
    let summary = all.lines().find(|l| l.contains("problems in")).unwrap();
    assert!(report.contains(summary), "{report}");
}

// ---------------------------------------------------------------------------
// Issue 15: the reading rules (owners as subjects, duties, headings, titles, results,
// capitals, signer) and `--explain`
// ---------------------------------------------------------------------------

fn rules_fixture(name: &str) -> PathBuf {
    fixture(&format!("rules/{name}"))
}

#[test]
fn commune_plan_in_prose_reads_owners_duties_results_and_signer() {
    let dir = tempfile::tempdir().unwrap();
    let (text, plan) = import(dir.path(), &rules_fixture("xa-phuoc-hoa.md"));

    // "ỦY BAN NHÂN DÂN" / "XÃ PHƯỚC HÒA": one name, no superior.
    assert_eq!(plan.meta.unit, "Ủy ban nhân dân xã Phước Hòa");
    assert_eq!(plan.meta.superior, None);
    // Sentence case: "Chỉ" is a capital only in "Chỉ số" (a name), not in "chỉ đạo".
    assert_eq!(plan.sections[1].title, "Công tác chỉ đạo, điều hành");

    // Owners named as the sentence's subject, by "Giao …", "Đề nghị …", "X chủ trì, phối hợp với Y".
    let owners: Vec<(&str, Option<&str>)> =
        ["1", "2", "3", "4", "5", "6", "7", "III.1"].iter().map(|&id| (id, owner(&plan, id))).collect();
    assert_eq!(
        owners,
        [
            ("1", Some("Công chức Địa chính - Xây dựng")),
            ("2", Some("Bộ phận Tiếp nhận và trả kết quả")),
            ("3", Some("Công chức Văn hóa - Xã hội")),
            ("4", Some("Văn phòng HĐND và UBND xã")),
            ("5", Some("Trạm Y tế xã")),
            ("6", Some("Ủy ban Mặt trận Tổ quốc xã")),
            // Several bodies as the subject: one group owner, not split at every comma.
            ("7", Some("Các ban, ngành, đoàn thể, Ban nhân dân các thôn")),
            ("III.1", Some("Văn phòng HĐND và UBND xã")),
        ]
    );
    assert_eq!(support(&plan, "5"), ["Công chức Văn hóa - Xã hội"]);
    // The subject is a guess: marked for the officer.
    let t1 = &text[text.find("id = \"1\"\nsection = \"II\"").unwrap()..];
    let t1 = &t1[..t1.find("added").unwrap()];
    assert!(t1.contains("# KIỂM TRA / CHECK: đoán từ văn bản"), "{t1}");

    // Titles: the verb phrase, without owner and deadline clause.
    let titles: Vec<&str> = plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Tham mưu rà soát, cập nhật quy trình giải quyết thủ tục hành chính về đất đai",
            "Niêm yết công khai đầy đủ thủ tục hành chính tại trụ sở",
            "Tổ chức tuyên truyền về cải cách hành chính trên Đài truyền thanh xã",
            "Theo dõi, đôn đốc việc thực hiện kế hoạch, báo cáo",
            "Nâng tỷ lệ hồ sơ khám chữa bệnh điện tử đạt tối thiểu 80%",
            "Giám sát việc thực hiện cải cách hành chính",
            "Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Tổng hợp, báo cáo kết quả về Phòng Nội vụ huyện",
        ]
    );
    // Deadlines as written: 30/6, quarterly, ongoing, 15/12, the year's end, Q3's end, September's.
    assert_eq!(task(&plan, "1").due, d(2025, 6, 30));
    assert_eq!(task(&plan, "2").repeat.keyword(), "quarterly");
    assert_eq!(task(&plan, "3").repeat, Repeat::Ongoing);
    assert_eq!(task(&plan, "4").due, d(2025, 12, 15));
    assert_eq!(task(&plan, "5").due, d(2025, 12, 31));
    assert_eq!(task(&plan, "6").due, d(2025, 9, 30));
    assert_eq!(task(&plan, "7").due, d(2025, 9, 30));

    // The implementation part: the sentence with its own owner and deadline is a task; the
    // one with neither a deadline stays a point.
    assert_eq!(task(&plan, "III.1").due, d(2025, 11, 15));
    let iii = plan.sections.iter().find(|s| s.id == "III").unwrap();
    assert_eq!(iii.points.len(), 1);
    assert!(iii.points[0].starts_with("Các ban, ngành, đoàn thể căn cứ"));

    // The measurable phrase, and the indicator its threshold sets: 80 %.
    let t5 = task(&plan, "5");
    assert_eq!(t5.result.as_deref(), Some("Tỷ lệ hồ sơ khám chữa bệnh điện tử đạt tối thiểu 80%"));
    let ind = t5.indicator.as_ref().unwrap();
    assert_eq!(
        (ind.name.as_str(), ind.target, ind.unit.as_deref()),
        ("Tỷ lệ hồ sơ khám chữa bệnh điện tử", 80.0, Some("%"))
    );
    assert!(text.contains("# KIỂM TRA / CHECK: chỉ số đọc từ ngưỡng trong văn bản"));

    // Signer: capacity lines, the name a visible placeholder, marked.
    let signer = plan.meta.signer.as_ref().unwrap();
    assert_eq!(signer.capacity, ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]);
    assert_eq!((signer.position.as_deref(), signer.name.as_str()), (Some("Phó Chủ tịch"), "[Họ và tên]"));
    assert!(text.contains(
        "# KIỂM TRA / CHECK: văn bản ghi chức vụ người ký nhưng không ghi tên; điền tên thay cho [Họ và tên]"
    ));
}

#[test]
fn department_and_province_headings_and_group_owners() {
    let dir = tempfile::tempdir().unwrap();
    // A real two-level heading: the superior above, the unit below.
    let (_, plan) = import(dir.path(), &rules_fixture("so-noi-vu.txt"));
    assert_eq!(plan.meta.unit, "Sở Nội vụ");
    assert_eq!(plan.meta.superior.as_deref(), Some("Ủy ban nhân dân tỉnh Bình Định"));
    assert_eq!(
        owner(&plan, "1"),
        Some("Các phòng chuyên môn, đơn vị sự nghiệp, Ủy ban nhân dân các huyện, thị xã, thành phố")
    );
    assert_eq!(task(&plan, "1").title, "Rà soát, công bố danh mục thủ tục hành chính");
    assert_eq!(owner(&plan, "2"), Some("Các tổ, khối thuộc trường"));
    assert_eq!(plan.owners.len(), 3);
    // "không quá 2%": a ceiling.
    let ind = task(&plan, "3").indicator.as_ref().unwrap();
    assert_eq!((ind.target, ind.direction), (2.0, par::plan::Direction::AtMost));

    // "ỦY BAN NHÂN DÂN" / "TỈNH BÌNH ĐỊNH": one unit, no superior.
    let dir = tempfile::tempdir().unwrap();
    let (_, plan) = import(dir.path(), &rules_fixture("ubnd-tinh.txt"));
    assert_eq!((plan.meta.unit.as_str(), plan.meta.superior.as_deref()), ("Ủy ban nhân dân tỉnh Bình Định", None));
    assert_eq!((owner(&plan, "1"), support(&plan, "1")), (Some("Sở Nội vụ"), vec!["Văn phòng Ủy ban nhân dân tỉnh"]));

    // A Sở and its province over two lines: one name.
    let dir = tempfile::tempdir().unwrap();
    let doc = "SỞ Y TẾ\nTỈNH BÌNH ĐỊNH\n\nKẾ HOẠCH\nCải cách hành chính năm 2025\n\nI. NHIỆM VỤ\n1. Phòng Nghiệp vụ Y rà soát thủ tục hành chính trước ngày 30/6/2025.\n";
    std::fs::write(dir.path().join("so-y-te.txt"), doc).unwrap();
    let (_, plan) = import(dir.path(), &dir.path().join("so-y-te.txt"));
    assert_eq!((plan.meta.unit.as_str(), plan.meta.superior.as_deref()), ("Sở Y tế tỉnh Bình Định", None));
    assert_eq!(owner(&plan, "1"), Some("Phòng Nghiệp vụ Y"));

    // A heading wrapped after its place word (a PDF's narrow column): "ỦY BAN NHÂN DÂN
    // TỈNH" / "QUẢNG NGÃI" is one name, the superior of "SỞ Y TẾ" below it.
    let dir = tempfile::tempdir().unwrap();
    let doc = "ỦY BAN NHÂN DÂN TỈNH\nQUẢNG NGÃI\nSỞ Y TẾ\n\nKẾ HOẠCH\nCải cách hành chính năm 2025\n\nI. NHIỆM VỤ\n1. Phòng Nghiệp vụ Y rà soát thủ tục hành chính trước ngày 30/6/2025.\n";
    std::fs::write(dir.path().join("so-y-te.txt"), doc).unwrap();
    let (_, plan) = import(dir.path(), &dir.path().join("so-y-te.txt"));
    assert_eq!(
        (plan.meta.unit.as_str(), plan.meta.superior.as_deref()),
        ("Sở Y tế", Some("Ủy ban nhân dân tỉnh Quảng Ngãi"))
    );
}

#[test]
fn explain_names_each_fields_line_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let doc = rules_fixture("xa-phuoc-hoa.md");
    // Without -o: the explanation on standard output, in place of the draft.
    let out = PAR.cmd_in(dir.path()).arg("import").arg(&doc).arg("--explain").assert().success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!out.contains("[[task]]"), "{out}");
    for needle in [
        "plan.unit = \"Ủy ban nhân dân xã Phước Hòa\"\n    dòng 1: \"ỦY BAN NHÂN DÂN / XÃ PHƯỚC HÒA\"\n    quy tắc: tên đơn vị ghép từ hai dòng tiêu đề (cơ quan + địa danh)",
        "nhiệm vụ 1 — dòng 20: \"Công chức Địa chính - Xây dựng tham mưu",
        "  owner = \"ccdcxd (Công chức Địa chính - Xây dựng)\" ⚠\n    quy tắc: chủ trì: chủ ngữ của câu (từ đầu trong từ điển, tới động từ)",
        "  owner = \"vp-hdnd-v-ubnd-x (Văn phòng HĐND và UBND xã)\"\n    quy tắc: chủ trì: \"Giao X …\" / \"Đề nghị X …\"",
        "  support = \"ccvhxh\"\n    quy tắc: phối hợp: \"phối hợp (với) Y\"",
        "  indicator = \"80 %\" ⚠\n    quy tắc: chỉ số: ngưỡng \"đạt tối thiểu 80%\" → chỉ tiêu 80, đơn vị %",
        "nhiệm vụ III.1 — dòng 29: \"Văn phòng HĐND và UBND xã tổng hợp",
        "    quy tắc: nhiệm vụ: câu có đơn vị và thời hạn riêng ở phần tổ chức thực hiện",
        "plan.signer = \"TM. Ủy ban nhân dân / KT. Chủ tịch / Phó Chủ tịch\" ⚠",
        "section II title = \"Công tác chỉ đạo, điều hành\"\n    dòng 19: \"II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\"",
    ] {
        assert!(out.contains(needle), "missing:\n{needle}\n---\n{out}");
    }

    // With -o: the draft is written, the explanation printed after the report; in English.
    let out = PAR
        .cmd_in(dir.path())
        .args(["--lang", "en", "import"])
        .arg(&doc)
        .args(["-o", "plan.toml", "--explain"])
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(std::fs::read_to_string(dir.path().join("plan.toml")).unwrap().contains("[[task]]"));
    assert!(out.contains("Wrote plan.toml"));
    assert!(out.contains("  due = \"30/06/2025\"\n    rule: deadline/recurrence: read from the sentence"), "{out}");
    assert!(out.contains(
        "plan.number = \"58/KH-UBND\"\n    line 7: \"Số: 58/KH-UBND\"\n    rule: number: the \"Số: …\" line"
    ));

    // A table's cells are named by their column.
    let out =
        PAR.cmd_in(dir.path()).arg("import").arg(fixture("phong-vh-tt-phu-luc.md")).arg("--explain").assert().success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.contains("  owner = \"bpvh (Bộ phận Văn hóa)\"\n    cột \"Đơn vị chủ trì\": \"Bộ phận Văn hóa\"\n    quy tắc: chủ trì: cột \"Chủ trì\" của bảng"), "{out}");
    assert!(out.contains("    cột \"Thời gian hoàn thành\": \"30/9/2025\""));

    // A unit named only in the lead-in sentence, and a signer with only a name.
    let out = PAR.cmd_in(dir.path()).arg("import").arg(seed()).arg("--explain").assert().success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.contains("plan.unit = \"Trường Tiểu học Nguyễn Bình Khiêm\" ⚠\n    dòng 15: \"Trường Tiểu học Nguyễn Bình Khiêm xây dựng Kế hoạch"), "{out}");
    assert!(out.contains("    quy tắc: tên đơn vị: câu dẫn \"… xây dựng kế hoạch\""));
    assert!(out.contains(
        "plan.signer = \"Đỗ Ngọc Chi\"\n    dòng 60: \"Đỗ Ngọc Chi\"\n    quy tắc: người ký: khối chữ ký cuối văn bản"
    ));
}

#[test]
fn explain_changes_nothing_in_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    for doc in [seed(), rules_fixture("xa-phuoc-hoa.md"), fixture("phuong-ben-nghe.md")] {
        PAR.cmd_in(dir.path()).arg("import").arg(&doc).args(["-o", "a.toml", "--force"]).assert().success();
        PAR.cmd_in(dir.path())
            .arg("import")
            .arg(&doc)
            .args(["-o", "b.toml", "--force", "--explain"])
            .assert()
            .success();
        let a = std::fs::read_to_string(dir.path().join("a.toml")).unwrap();
        let b = std::fs::read_to_string(dir.path().join("b.toml")).unwrap();
        assert_eq!(a, b, "{}", doc.display());
    }
}

#[test]
fn the_readme_explain_example_is_what_par_prints() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = "<!-- explain-example: tests/fixtures/import/rules/ubnd-tinh.txt -->\n```text\n";
    let start = doc.find(marker).unwrap() + marker.len();
    let expected = &doc[start..start + doc[start..].find("```\n").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let out = PAR
        .cmd_in(dir.path())
        .args(["--lang", "en", "import"])
        .arg(rules_fixture("ubnd-tinh.txt"))
        .arg("--explain")
        .assert()
        .success();
    assert_eq!(String::from_utf8(out.get_output().stdout.clone()).unwrap(), expected);
    // The document shown above the output is the fixture.
    let shown = "```text\nỦY BAN NHÂN DÂN\n";
    let s = doc.find(shown).unwrap() + "```text\n".len();
    let shown = &doc[s..s + doc[s..].find("```\n").unwrap()];
    assert_eq!(shown, std::fs::read_to_string(rules_fixture("ubnd-tinh.txt")).unwrap());
}

/// Word's vertically merged cells (`w:vMerge`): the rows under a merged owner or deadline
/// cell take its value, marked for the officer as read from a merged cell.
#[test]
fn docx_cells_merged_down_are_carried_and_marked() {
    let tc = |props: &str, text: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text));
    let (start, cont) = ("<w:vMerge w:val=\"restart\"/>", "<w:vMerge/>");
    let row = |cells: [String; 5]| format!("<w:tr>{}</w:tr>", cells.concat());
    let body = [
        p("KẾ HOẠCH"),
        p("Số hóa hồ sơ lưu trữ năm 2025"),
        li(1, 0, &run("NHIỆM VỤ")),
        format!(
            "<w:tbl>{}{}{}{}</w:tbl>",
            row([tc("", "STT"), tc("", "Nội dung"), tc("", "Chủ trì"), tc("", "Phối hợp"), tc("", "Thời hạn")]),
            row([
                tc("", "1"),
                tc("", "Phân loại hồ sơ"),
                tc(start, "Tổ Văn thư"),
                tc(start, "Tổ Tin học"),
                tc(start, "Quý III/2025")
            ]),
            row([tc("", "2"), tc("", "Số hóa hồ sơ đã phân loại"), tc(cont, ""), tc(cont, ""), tc(cont, "")]),
            row([tc("", "3"), tc("", "Lập báo cáo"), tc("", "Tổ Tổng hợp"), tc("", ""), tc("", "Quý IV/2025")]),
        ),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ke-hoach.docx"), docx(&body)).unwrap();
    let (text, plan) = import(dir.path(), Path::new("ke-hoach.docx"));
    let owner = |t: &par::plan::Task| t.owner.map(|i| plan.owners[i].name.clone());
    let rows: Vec<(Option<String>, Option<NaiveDate>)> = plan.tasks.iter().map(|t| (owner(t), t.due)).collect();
    assert_eq!(support(&plan, "2"), ["Tổ Tin học"]);
    assert_eq!(
        rows,
        [
            (Some("Tổ Văn thư".into()), d(2025, 9, 30)),
            (Some("Tổ Văn thư".into()), d(2025, 9, 30)),
            (Some("Tổ Tổng hợp".into()), d(2025, 12, 31)),
        ]
    );
    // Only the second task's owner, support and deadline come from the merged cells, and say so.
    let task2 = &text[text.find("Số hóa hồ sơ đã phân loại").unwrap()..];
    let task2 = &task2[..task2.find("[[task]]").unwrap_or(task2.len())];
    assert_eq!(task2.matches("# KIỂM TRA / CHECK: ô gộp trong bảng: lấy theo ô phía trên").count(), 3, "{task2}");
    assert_eq!(text.matches("merged cell: read as the cell above it").count(), 3, "{text}");
}
