//! `par import` on the forms plans arrive in (issue #15): a signed PDF (its text layer),
//! a scanned PDF (refused, with what to do), an Excel appendix of tasks, and text pasted
//! from a legal-document website.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use par::plan::Plan;
use predicates::prelude::*;

use crate::support::{self, Par};

const PAR: Par = Par::new().today("2025-06-15");

fn forms(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/forms").join(name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The draft of `bytes` named `name`, with its plan as par loads it.
fn draft(bytes: &[u8], name: &str) -> (String, Plan) {
    let imported = par::import::import(bytes, name, 2025).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let plan = par::plan::load::parse(Path::new("plan.toml"), &imported.toml)
        .unwrap_or_else(|e| panic!("{}\n{}", e.rendered, imported.toml));
    (imported.toml, plan)
}

/// The TOML without comment lines and blank lines: what a plan says, not how it explains it.
fn data_lines(toml: &str) -> Vec<String> {
    toml.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string).collect()
}

fn d(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn task<'a>(plan: &'a Plan, id: &str) -> &'a par::plan::Task {
    plan.tasks.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no task {id}: {:?}", ids(plan)))
}

fn ids(plan: &Plan) -> Vec<&str> {
    plan.tasks.iter().map(|t| t.id.as_str()).collect()
}

fn owner<'a>(plan: &'a Plan, id: &str) -> Option<&'a str> {
    plan.owner_of(task(plan, id)).map(|o| o.name.as_str())
}

fn support<'a>(plan: &'a Plan, id: &str) -> Vec<&'a str> {
    task(plan, id).support.iter().map(|&i| plan.owners[i].name.as_str()).collect()
}

// ---------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------

#[test]
fn a_pdf_printed_from_word_gives_the_word_files_draft() {
    // phuong-ben-nghe.pdf is phuong-ben-nghe.docx printed by LibreOffice (make-pdf.sh):
    // a two-column heading and signature, justified paragraphs wrapped over lines, two
    // pages with a page number in the footer.
    let (docx, from_docx) = draft(&read(&forms("phuong-ben-nghe.docx")), "phuong-ben-nghe.docx");
    let (pdf, from_pdf) = draft(&read(&forms("phuong-ben-nghe.pdf")), "phuong-ben-nghe.pdf");
    assert_eq!(data_lines(&pdf), data_lines(&docx));
    // And what both say is the ward's plan, read whole.
    assert_eq!(from_pdf.meta.unit, "Ủy ban nhân dân phường Bến Nghé");
    assert_eq!(from_pdf.meta.number.as_deref(), Some("35/KH-UBND"));
    assert_eq!(from_pdf.meta.date, d(2025, 6, 5));
    assert_eq!(from_pdf.meta.signer.as_ref().map(|s| s.name.as_str()), Some("Nguyễn Văn An"));
    assert_eq!(from_pdf.bases.len(), 3);
    assert_eq!(ids(&from_pdf), ids(&from_docx));
    assert_eq!(owner(&from_pdf, "1.a"), Some("Phòng Nội vụ"));
    assert_eq!(task(&from_pdf, "1.a").due, d(2025, 7, 15));
    // The page number of page 2 ("2", alone at the foot of the page) is not text of the plan.
    assert!(!pdf.contains("\"2\""), "{pdf}");
}

#[test]
fn a_pdf_imports_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(forms("phuong-ben-nghe.pdf"), dir.path().join("kh.pdf")).unwrap();
    PAR.cmd_in(dir.path())
        .args(["import", "kh.pdf", "-o", "plan.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Đã đọc kh.pdf (PDF)"));
    let plan = par::plan::load(&dir.path().join("plan.toml")).unwrap().plan;
    assert_eq!(plan.meta.unit, "Ủy ban nhân dân phường Bến Nghé");
}

#[test]
fn a_scanned_pdf_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(forms("scanned.pdf"), dir.path().join("scan.pdf")).unwrap();
    for (lang, said, help) in [
        ("vi", "scan.pdf là tệp PDF không có lớp chữ (bản quét, chỉ có hình ảnh)", "nhận dạng chữ (OCR)"),
        (
            "en",
            "scan.pdf is a PDF without a text layer (a scan, images only)",
            "download the document's .docx from the e-office system",
        ),
    ] {
        PAR.cmd_in(dir.path())
            .args(["--lang", lang, "import", "scan.pdf", "-o", "plan.toml"])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(said).and(predicate::str::contains(help)));
        assert!(!dir.path().join("plan.toml").exists(), "nothing may be written");
    }
}

#[test]
fn a_damaged_pdf_is_refused_never_a_panic() {
    let good = read(&forms("phuong-ben-nghe.pdf"));
    let dir = tempfile::tempdir().unwrap();
    let mut cut = good.clone();
    cut.truncate(good.len() / 3);
    std::fs::write(dir.path().join("cut.pdf"), &cut).unwrap();
    // Cut short, the file may still be read in part, or refused: never a crash.
    let out = PAR.cmd_in(dir.path()).args(["import", "cut.pdf", "-o", "plan.toml"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 2)), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    // Bytes flipped all over: every outcome is a draft that loads or a clear refusal.
    let mut seed = 7u64;
    for _ in 0..40 {
        let mut bad = good.clone();
        for _ in 0..20 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let i = (seed >> 33) as usize % bad.len();
            bad[i] ^= 1 << ((seed >> 20) % 8);
        }
        if let Ok(imported) = par::import::import(&bad, "kh.pdf", 2025) {
            par::plan::load::parse(Path::new("plan.toml"), &imported.toml)
                .unwrap_or_else(|e| panic!("{}\n{}", e.rendered, imported.toml));
        }
    }
    std::fs::write(dir.path().join("bad.pdf"), b"%PDF-1.7\nnot really").unwrap();
    PAR.cmd_in(dir.path())
        .args(["import", "bad.pdf", "-o", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.pdf không phải tệp PDF đọc được"));
}

// ---------------------------------------------------------------------------
// Excel appendix
// ---------------------------------------------------------------------------

/// An appendix as units send it: title rows merged across, a header row, group rows
/// merged from the STT column, dates as Excel dates, as bare serial numbers and as text,
/// an owner merged down over two tasks.
fn appendix_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.merge_range(0, 0, 0, 5, "PHỤ LỤC", &bold).unwrap();
    sheet.merge_range(1, 0, 1, 5, "DANH MỤC NHIỆM VỤ CẢI THIỆN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", &bold).unwrap();
    sheet
        .merge_range(
            2,
            0,
            2,
            5,
            "(Kèm theo Kế hoạch số 27/KH-VHTT ngày 02/7/2025 của Phòng Văn hóa và Thông tin)",
            &Format::new(),
        )
        .unwrap();
    let header =
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Kết quả/Sản phẩm"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(4, c as u16, *h, &bold).unwrap();
    }
    sheet.merge_range(5, 0, 5, 5, "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", &bold).unwrap();
    sheet.write_number(6, 0, 1).unwrap();
    sheet.write_string(6, 1, "Rà soát, đơn giản hóa thủ tục cấp giấy phép quảng cáo").unwrap();
    // One owner for two tasks: the cell merged down.
    sheet.merge_range(6, 2, 7, 2, "Bộ phận Văn hóa", &Format::new()).unwrap();
    sheet.write_string(6, 3, "Bộ phận một cửa; Văn phòng").unwrap();
    let sep30 = ExcelDateTime::from_ymd(2025, 9, 30).unwrap();
    sheet.write_datetime_with_format(6, 4, &sep30, &date).unwrap();
    sheet.write_string(6, 5, "Báo cáo rà soát").unwrap();
    sheet.write_number(7, 0, 2).unwrap();
    sheet.write_string(7, 1, "Cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công").unwrap();
    sheet.write_string(7, 4, "Hằng tháng").unwrap();
    sheet.write_string(7, 5, "Danh mục thủ tục được cập nhật").unwrap();
    // A group row whose number has a cell of its own, its words merged over the rest.
    sheet.write_string(8, 0, "II").unwrap();
    sheet.merge_range(8, 1, 8, 5, "CHÍNH QUYỀN SỐ", &bold).unwrap();
    sheet.write_number(9, 0, 1).unwrap();
    sheet.write_string(9, 1, "Số hóa hồ sơ lưu trữ năm 2024").unwrap();
    sheet.write_string(9, 2, "Văn phòng").unwrap();
    sheet.write_string(9, 3, "Bộ phận Thông tin").unwrap();
    // A date typed as a bare serial number (30/11/2025), no date format.
    sheet.write_number(9, 4, 45991).unwrap();
    sheet.write_string(9, 5, "100% hồ sơ được số hóa").unwrap();
    sheet.write_number(10, 0, 2).unwrap();
    sheet.write_string(10, 1, "Duy trì trang thông tin điện tử của Phòng").unwrap();
    sheet.write_string(10, 2, "Bộ phận Thông tin").unwrap();
    sheet.write_string(10, 4, "Quý IV/2025").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_excel_appendix_gives_its_tasks() {
    let (toml, plan) = draft(&appendix_xlsx(), "phu-luc.xlsx");
    let sections: Vec<_> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(sections.contains(&"Cải cách thủ tục hành chính"), "{sections:?}\n{toml}");
    assert!(sections.contains(&"Chính quyền số"), "{sections:?}");
    assert_eq!(ids(&plan), ["I.1", "I.2", "II.1", "II.2"], "{toml}");
    // An Excel date: 30/9/2025; support split at ";".
    assert_eq!(owner(&plan, "I.1"), Some("Bộ phận Văn hóa"));
    assert_eq!(support(&plan, "I.1"), ["Bộ phận một cửa", "Văn phòng"]);
    assert_eq!(task(&plan, "I.1").due, d(2025, 9, 30));
    assert_eq!(task(&plan, "I.1").result.as_deref(), Some("Báo cáo rà soát"));
    // The owner merged down over the second task is its owner too, flagged as Word's
    // merged cells are; the first task's own cell is not.
    assert_eq!(owner(&plan, "I.2"), Some("Bộ phận Văn hóa"));
    // A task's lines, from its id to the next task (its owner's notes come after its id).
    let task_text = |id: &str| {
        let start = toml.find(&format!("id = \"{id}\"")).unwrap();
        let end = toml[start..].find("[[task]]").map_or(toml.len(), |e| start + e);
        toml[start..end].to_string()
    };
    assert!(task_text("I.2").contains("merged cell: read as the cell above it"), "{toml}");
    assert!(!task_text("I.1").contains("merged cell"), "{toml}");
    assert_eq!(task(&plan, "I.2").repeat.keyword(), "monthly");
    // 45991 days after 30/12/1899 is 30/11/2025.
    assert_eq!(task(&plan, "II.1").due, d(2025, 11, 30));
    assert_eq!(task(&plan, "II.1").result.as_deref(), Some("100% hồ sơ được số hóa"));
    // "Quý IV/2025": the quarter's last day.
    assert_eq!(task(&plan, "II.2").due, d(2025, 12, 31));
    // Row numbers of the sheet are the draft's positions.
    assert!(toml.contains("# Văn bản / document: dòng / line 7\n"), "{toml}");
}

#[test]
fn an_excel_appendix_imports_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("phu-luc.xlsx"), appendix_xlsx()).unwrap();
    PAR.cmd_in(dir.path())
        .args(["import", "phu-luc.xlsx", "-o", "plan.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(Excel .xlsx): 0 căn cứ, 3 phần, 4 nhiệm vụ"));
    // A workbook with another name is told by its content.
    std::fs::write(dir.path().join("tai-lieu"), appendix_xlsx()).unwrap();
    PAR.cmd_in(dir.path()).args(["import", "tai-lieu", "-o", "b.toml"]).assert().success();
    std::fs::write(dir.path().join("hong.xlsx"), b"PK\x03\x04 not really a zip").unwrap();
    PAR.cmd_in(dir.path())
        .args(["import", "hong.xlsx", "-o", "c.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hong.xlsx không phải tệp Excel .xlsx hợp lệ"));
    assert!(!dir.path().join("c.toml").exists());
}

// ---------------------------------------------------------------------------
// Pasted web text
// ---------------------------------------------------------------------------

#[test]
fn pasted_web_text_reads_like_the_clean_text() {
    let clean = data_lines(&draft(&read(&forms("phuong-ben-nghe.txt")), "kh.txt").0);
    // The heading flattened into "left | right |" rows, sentences hard-wrapped mid-clause,
    // the signature block's two columns side by side.
    let (pipe, plan) = draft(&read(&forms("web-pipe.txt")), "kh.txt");
    assert_eq!(data_lines(&pipe), clean);
    // The same as a tab-separated paste with rules drawn under the names, CRLF line ends.
    assert_eq!(data_lines(&draft(&read(&forms("web-tab.txt")), "kh.txt").0), clean);
    assert_eq!(plan.meta.unit, "Ủy ban nhân dân phường Bến Nghé");
    assert_eq!(plan.meta.number.as_deref(), Some("35/KH-UBND"));
    assert_eq!(plan.meta.signer.as_ref().map(|s| s.name.as_str()), Some("Nguyễn Văn An"));
    assert_eq!(plan.bases[1].number.as_deref(), Some("1234/QĐ-UBND"));
}

#[test]
fn text_that_is_not_pasted_from_the_web_is_read_as_before() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md" || e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                matches!(par::import::web::normalise(&text), std::borrow::Cow::Borrowed(t) if t == text),
                "{}",
                path.display()
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 4);
    let clean = std::fs::read_to_string(forms("phuong-ben-nghe.txt")).unwrap();
    assert!(matches!(par::import::web::normalise(&clean), std::borrow::Cow::Borrowed(_)));
}

// ---------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------

fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// The lines of a long plan: sections "I. NHIEM VU 1" … of `per` tasks numbered 1. to
/// `per`., each task wrapped over four lines.
fn long_plan_lines(tasks: usize, per: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for t in 0..tasks {
        if t % per == 0 {
            lines.push(format!("{}. NHIEM VU {}", roman(t / per + 1), t / per + 1));
        }
        lines.push(format!(
            "{}. Bo phan {} chu tri ra soat thu tuc hanh chinh, hoan thanh truoc ngay 30/9/2025 va",
            t % per + 1,
            t % 7
        ));
        lines.push("bao cao ket qua ve Van phong de tong hop, theo doi, danh gia dinh ky hang quy cho den".into());
        lines.push("khi ket thuc ke hoach; cac bo phan phoi hop cung cap so lieu, tai lieu lien quan de".into());
        lines.push("bao dam tien do chung cua ca don vi.".into());
    }
    lines
}

/// A PDF of `lines` in a standard font, `per_page` lines a page.
fn big_pdf(lines: &[String], per_page: usize) -> Vec<u8> {
    let mut objs: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>".into(),
    ];
    let mut kids = Vec::new();
    for page in lines.chunks(per_page) {
        let mut content = String::from("BT /F1 11 Tf 13 TL 72 800 Td\n");
        for l in page {
            content.push_str(&format!("T* ({l}) Tj\n"));
        }
        content.push_str("ET\n");
        let content_id = objs.len() + 1;
        objs.push(format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
        kids.push(objs.len() + 1);
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ));
    }
    objs[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.iter().map(|k| format!("{k} 0 R")).collect::<Vec<_>>().join(" "),
        kids.len()
    );
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1));
    out.into_bytes()
}

/// Runs `par import FILE -o plan.toml` in `dir` under `timeout SECS` and `ulimit -v KB`.
fn import_bounded(dir: &Path, file: &str, secs: u32, kb: u64) -> String {
    let mut sh = std::process::Command::new("sh");
    Par::new().prepare(&mut sh);
    let out = sh
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -v {kb}; exec timeout -s KILL {secs} \"$0\" --today 2025-06-15 import \"$1\" -o plan.toml"
        ))
        .arg(support::par_bin())
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success(), "par import {file}: {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(dir.join("plan.toml")).unwrap()
}

/// `PAR_KEEP_DIR=DIR` keeps a copy of the document in DIR, for `bench/import-5mb.sh` to
/// time the release build on it.
fn keep_for_bench(file: &Path) {
    if let Some(dir) = std::env::var_os("PAR_KEEP_DIR") {
        std::fs::copy(file, Path::new(&dir).join(file.file_name().unwrap())).unwrap();
    }
}

#[test]
#[ignore = "5 MB, minutes in a debug build: run it with --release"]
fn a_five_megabyte_pdf_imports_in_linear_time() {
    // 5 MB of page content: 16,200 tasks in 18 sections, each task wrapped over four
    // lines that the reader joins back, 80 lines a page. Debug build: bounded loosely;
    // figures for the release build are in BENCHMARKS.md.
    let dir = tempfile::tempdir().unwrap();
    let pdf = big_pdf(&long_plan_lines(16_200, 900), 80);
    assert!(pdf.len() > 5_000_000, "{}", pdf.len());
    std::fs::write(dir.path().join("big.pdf"), &pdf).unwrap();
    keep_for_bench(&dir.path().join("big.pdf"));
    let toml = import_bounded(dir.path(), "big.pdf", 300, 4_000_000);
    assert_eq!(toml.matches("\n[[task]]").count(), 16_200);
    // Joined back: a task's four lines are its one paragraph.
    assert!(toml.contains("den khi ket thuc ke hoach; cac bo phan"), "{}", toml.chars().take(2000).collect::<String>());
}

#[test]
#[ignore = "5 MB, minutes in a debug build: run it with --release"]
fn a_five_megabyte_web_paste_imports_in_linear_time() {
    // The heading flattened, then 5 MB of tasks hard-wrapped over three lines each.
    let mut text = String::from("UBND PHƯỜNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nKẾ HOẠCH\n");
    let mut n = 0;
    while text.len() < 5_000_000 {
        if n % 900 == 0 {
            text.push_str(&format!("{}. NHIỆM VỤ {}\n", roman(n / 900 + 1), n / 900 + 1));
        }
        n += 1;
        text.push_str(&format!(
            "{}. Phòng Nội vụ chủ trì rà soát, cập nhật thủ tục hành chính của\nphường, hoàn thành trước ngày 30/9/2025 và báo cáo kết quả về\nỦy ban nhân dân quận.\n",
            (n - 1) % 900 + 1
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("web.txt"), &text).unwrap();
    keep_for_bench(&dir.path().join("web.txt"));
    let toml = import_bounded(dir.path(), "web.txt", 300, 4_000_000);
    assert_eq!(toml.matches("\n[[task]]").count(), n);
}
