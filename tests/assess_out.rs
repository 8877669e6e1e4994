//! The outputs of `par assess` (issue #16, s15-assessout): the self-assessment table as a
//! workbook and as a Word document, and the dossier (`par assess pack`).
//!
//! The function-level tests build an `AssessTable` by hand (a not-applicable criterion, a
//! survey-scored one, the rescaling) and run it through the public renderers and the pack;
//! the command-line tests at the end run `par assess --format xlsx|docx` and `par assess pack`.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;

use par::commands::assess_pack::{PackOptions, pack};
use par::compute::assess_table::{AssessRow, AssessTable, Evidence, Scoring};
use par::i18n::Lang;
use par::render::assess::{docx, xlsx};

use crate::support::{SEED, Session};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn row(code: &str, title: &str, depth: u8, max: f64, score: Option<f64>) -> AssessRow {
    AssessRow {
        code: code.into(),
        title: title.into(),
        depth,
        max,
        scoring: Scoring::SelfAssessed,
        score,
        not_applicable: None,
        evidence: Vec::new(),
        explanation: None,
        needs_explanation: false,
    }
}

fn evidence(text: &str, path: Option<&str>) -> Evidence {
    Evidence {
        text: text.into(),
        kind: None,
        number: None,
        date: None,
        issuer: None,
        path: path.map(Into::into),
        url: None,
        from_task: None,
    }
}

/// Two areas, by hand:
/// - 1 (max 6): 1.1 = 2 of 2 (evidence), 1.2 = 1.5 of 2 (explained), 1.3 (2) not applicable;
/// - 2 (max 10): 2.1 (4) scored by survey, 2.2 (6) = 2.2.1 3 of 3 + 2.2.2 1 of 3 (no explanation).
///
/// Set maximum 6 + 10 = 16; the unit's own 16 − 4 (survey) − 2 (not applicable) = 10;
/// raw self-score 2 + 1.5 + 3 + 1 = 7.5; rescaled 7.5 × (16 − 4) / 10 = 9.
fn table() -> AssessTable {
    let mut rows = vec![
        row("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 0, 6.0, Some(3.5)),
        row("1.1", "Kế hoạch CCHC năm", 1, 2.0, Some(2.0)),
        row("1.2", "Báo cáo CCHC định kỳ", 1, 2.0, Some(1.5)),
        row("1.3", "Thực hiện thủ tục hành chính", 1, 2.0, None),
        row("2", "Cải cách thủ tục hành chính", 0, 10.0, Some(4.0)),
        row("2.1", "Mức độ hài lòng của người dân", 1, 4.0, None),
        row("2.2", "Công khai thủ tục", 1, 6.0, Some(4.0)),
        row("2.2.1", "Niêm yết tại trụ sở", 2, 3.0, Some(3.0)),
        row("2.2.2", "Đăng trên cổng thông tin", 2, 3.0, Some(1.0)),
    ];
    rows[1].evidence = vec![
        evidence("Kế hoạch số 15/KH-NBK ngày 10/01/2025", Some("minh-chung/kh-15.pdf")),
        evidence("Quyết định số 3/QĐ-NBK ngày 12/01/2025", Some("minh-chung/qd-3.pdf")),
    ];
    rows[2].evidence = vec![evidence("Báo cáo số 7/BC-NBK ngày 14/06/2025", Some("minh-chung/bc-7.pdf"))];
    rows[2].explanation = Some("Báo cáo quý III gửi chậm 2 ngày".into());
    rows[3].not_applicable = Some("Trường không có thủ tục hành chính".into());
    rows[5].scoring = Scoring::Survey;
    rows[8].needs_explanation = true;
    AssessTable {
        set_name: "Chỉ số CCHC năm 2025 (minh họa / illustrative)".into(),
        unit: "Trường Tiểu học Nguyễn Bỉnh Khiêm".into(),
        year: 2025,
        window: (d(2024, 12, 15), d(2025, 12, 14)),
        rows,
        max_total: 16.0,
        self_max: 10.0,
        raw_total: 7.5,
        rescaled_total: Some(9.0),
        rescale_method: "proportional".into(),
    }
}

fn cells(bytes: &[u8]) -> (calamine::Range<Data>, calamine::Range<String>) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("calamine opens it");
    let name = wb.sheet_names()[0].clone();
    (wb.worksheet_range(&name).unwrap(), wb.worksheet_formula(&name).unwrap())
}

/// A cell by its Excel name's row (1-based) and column letter.
fn at(range: &calamine::Range<Data>, row: u32, col: char) -> Data {
    range.get_value((row - 1, col as u32 - 'A' as u32)).cloned().unwrap_or(Data::Empty)
}

fn formula(range: &calamine::Range<String>, row: u32, col: char) -> String {
    range.get_value((row - 1, col as u32 - 'A' as u32)).cloned().unwrap_or_default().trim_start_matches('=').to_string()
}

fn num(x: Data) -> f64 {
    match x {
        Data::Float(f) => f,
        Data::Int(i) => i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_workbook_holds_numbers_and_totals_worked_out_by_hand() {
    let bytes = xlsx::xlsx(&table(), Lang::Vi).unwrap();
    if let Ok(path) = std::env::var("PAR_KEEP_ASSESS_XLSX") {
        std::fs::write(path, &bytes).unwrap();
    }
    let (v, f) = cells(&bytes);
    assert_eq!(at(&v, 1, 'A'), Data::String("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025".into()));
    let header: Vec<Data> = ('A'..='F').map(|c| at(&v, 5, c)).collect();
    let names = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Giải trình"];
    assert_eq!(header, names.map(|n| Data::String(n.into())));
    // Lines from row 6: 1, 1.1, 1.2, 1.3, 2, 2.1, 2.2, 2.2.1, 2.2.2.
    assert_eq!(at(&v, 6, 'A'), Data::String("1".into()));
    assert_eq!(at(&v, 14, 'A'), Data::String("2.2.2".into()));
    // Maxima and self-scores are numbers.
    assert_eq!(
        [6, 7, 8, 9, 10, 11, 12, 13, 14].map(|r| num(at(&v, r, 'C'))),
        [6.0, 2.0, 2.0, 2.0, 10.0, 4.0, 6.0, 3.0, 3.0]
    );
    assert_eq!(num(at(&v, 7, 'D')), 2.0);
    assert_eq!(num(at(&v, 8, 'D')), 1.5);
    // Not applicable: marked, with its reason; by survey: marked, left out.
    assert_eq!(at(&v, 9, 'D'), Data::String("Không áp dụng".into()));
    assert_eq!(at(&v, 9, 'F'), Data::String("Không áp dụng: Trường không có thủ tục hành chính".into()));
    assert_eq!(at(&v, 11, 'D'), Data::String("Khảo sát".into()));
    assert_eq!(at(&v, 11, 'F'), Data::String("Chấm qua khảo sát, không tự chấm".into()));
    assert_eq!(at(&v, 14, 'F'), Data::String("(cần giải trình)".into()));
    assert_eq!(
        at(&v, 7, 'E'),
        Data::String("Kế hoạch số 15/KH-NBK ngày 10/01/2025\nQuyết định số 3/QĐ-NBK ngày 12/01/2025".into())
    );
    // Parents: formulas over their counted children, cached values right.
    assert_eq!(formula(&f, 6, 'D'), "SUM(D7,D8)");
    assert_eq!(num(at(&v, 6, 'D')), 2.0 + 1.5);
    assert_eq!(formula(&f, 12, 'D'), "SUM(D13,D14)");
    assert_eq!(num(at(&v, 12, 'D')), 3.0 + 1.0);
    assert_eq!(formula(&f, 10, 'D'), "SUM(D12)");
    assert_eq!(num(at(&v, 10, 'D')), 4.0);
    // The totals, rows 15 to 18: labels, formulas and the figures worked out above.
    assert_eq!(at(&v, 15, 'A'), Data::String("Tổng điểm tối đa của bộ tiêu chí".into()));
    assert_eq!(formula(&f, 15, 'C'), "SUM(C6,C10)");
    assert_eq!(num(at(&v, 15, 'C')), 16.0);
    assert_eq!(formula(&f, 16, 'C'), "C15-SUM(C11,C9)");
    assert_eq!(num(at(&v, 16, 'C')), 10.0);
    assert_eq!(at(&v, 17, 'A'), Data::String("Tổng điểm tự đánh giá".into()));
    assert_eq!(formula(&f, 17, 'D'), "SUM(D6,D10)");
    assert_eq!(num(at(&v, 17, 'D')), 7.5);
    assert_eq!(at(&v, 18, 'A'), Data::String("Điểm tự đánh giá quy đổi (theo tỷ lệ)".into()));
    assert_eq!(formula(&f, 18, 'D'), "IF(C16>0,D17*(C15-SUM(C11))/C16,0)");
    assert_eq!(num(at(&v, 18, 'D')), 9.0);
    // The cached values are what the formulas give from the cells as read.
    assert_eq!(num(at(&v, 15, 'C')), num(at(&v, 6, 'C')) + num(at(&v, 10, 'C')));
    assert_eq!(num(at(&v, 16, 'C')), num(at(&v, 15, 'C')) - num(at(&v, 11, 'C')) - num(at(&v, 9, 'C')));
    assert_eq!(num(at(&v, 17, 'D')), num(at(&v, 6, 'D')) + num(at(&v, 10, 'D')));
    let rescaled = num(at(&v, 17, 'D')) * (num(at(&v, 15, 'C')) - num(at(&v, 11, 'C'))) / num(at(&v, 16, 'C'));
    assert_eq!(num(at(&v, 18, 'D')), rescaled);
    // The same table gives the same bytes.
    assert_eq!(bytes, xlsx::xlsx(&table(), Lang::Vi).unwrap());
}

#[test]
fn the_workbook_without_excluded_criteria_has_no_rescaled_total_and_speaks_english() {
    let mut t = table();
    t.rows[3].not_applicable = None;
    t.rows[3].score = Some(0.5);
    t.rows[3].needs_explanation = true;
    t.rescaled_total = None;
    let (v, f) = cells(&xlsx::xlsx(&t, Lang::En).unwrap());
    assert_eq!(at(&v, 5, 'D'), Data::String("Self-score".into()));
    assert_eq!(at(&v, 11, 'D'), Data::String("Survey".into()));
    assert_eq!(formula(&f, 6, 'D'), "SUM(D7,D8,D9)");
    // 2 + 1.5 + 0.5 = 4 and 4: raw 8 of the unit's own 16 − 4 = 12.
    assert_eq!(num(at(&v, 6, 'D')), 4.0);
    assert_eq!(num(at(&v, 16, 'C')), 12.0);
    assert_eq!(num(at(&v, 17, 'D')), 8.0);
    assert_eq!(at(&v, 18, 'A'), Data::Empty);
    assert_eq!(at(&v, 18, 'D'), Data::Empty);
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let mut t = table();
    t.rows[1].title = "=HYPERLINK(\"http://x\")".into();
    let (v, f) = cells(&xlsx::xlsx(&t, Lang::Vi).unwrap());
    assert_eq!(at(&v, 7, 'B'), Data::String("    =HYPERLINK(\"http://x\")".into()));
    assert_eq!(formula(&f, 7, 'B'), "");
}

/// The seed plan's heading on 10/12/2025 (after its `[[plan.change]]` of 1/7/2025).
fn seed_head(lang: Lang) -> docx::Head {
    let plan = par::plan::load::parse(Path::new("plan.toml"), SEED).unwrap();
    docx::Head::of(&plan, d(2025, 12, 10), lang)
}

fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The text of the XML's runs, paragraphs on lines.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        let mut rest = para;
        while let Some(i) = rest.find("<w:t") {
            let after = &rest[i..];
            let Some(open) = after.find('>') else { break };
            if after.as_bytes()[4] != b'>' && after.as_bytes()[4] != b' ' {
                rest = &after[4..];
                continue;
            }
            let body = &after[open + 1..];
            let end = body.find("</w:t>").unwrap_or(body.len());
            out.push_str(&body[..end]);
            rest = &body[end..];
        }
        out.push('\n');
    }
    out.replace("&amp;", "&").replace("\u{200b}", "")
}

#[test]
fn the_word_document_is_the_table_in_the_decree_30_layout() {
    let bytes = docx::docx(&table(), &seed_head(Lang::Vi)).unwrap();
    if let Ok(path) = std::env::var("PAR_KEEP_ASSESS_DOCX") {
        std::fs::write(path, &bytes).unwrap();
    }
    let xml = document_xml(&bytes);
    let text = text_of(&xml);
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let pos = |wanted: &str| {
        lines.iter().position(|l| *l == wanted).unwrap_or_else(|| panic!("no line {wanted:?} in {lines:#?}"))
    };
    // The heading: the superior in force on 10/12/2025 over the unit, beside the national name.
    let order = [
        "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN",
        "TRƯỜNG TIỂU HỌC NGUYỄN BỈNH KHIÊM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/BC-NBK",
        "Sài Gòn, ngày 10 tháng 12 năm 2025",
        "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "STT",
        "Giải trình",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "Tổng điểm tự đánh giá",
        "Nơi nhận:",
        "HIỆU TRƯỞNG",
        "Đỗ Ngọc Chi",
    ];
    let at: Vec<usize> = order.iter().map(|w| pos(w)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {order:?} at {at:?}");
    // Points with a decimal comma; the marks and the reason; the totals by hand.
    for wanted in [
        "3,5",
        "1,5",
        "Không áp dụng",
        "Không áp dụng: Trường không có thủ tục hành chính",
        "Khảo sát",
        "(cần giải trình)",
        "Điểm tự đánh giá quy đổi (theo tỷ lệ)",
    ] {
        pos(wanted);
    }
    assert_eq!(lines[pos("Tổng điểm tối đa của bộ tiêu chí") + 1], "16");
    assert_eq!(lines[pos("Điểm tối đa đơn vị tự chấm (trừ tiêu chí khảo sát, không áp dụng)") + 1], "10");
    assert_eq!(lines[pos("Tổng điểm tự đánh giá") + 1], "7,5");
    assert_eq!(lines[pos("Điểm tự đánh giá quy đổi (theo tỷ lệ)") + 1], "9");
    // The recipients in force, ending with the records office.
    assert!(pos("- Ủy ban nhân dân phường Sài Gòn;") < pos("- Lưu: VT."));
    // The header row repeats on every page; an area's row is bold, a sub-criterion's not.
    assert_eq!(xml.matches("<w:tblHeader />").count(), 1);
    let row_of = |title: &str| xml.split("</w:tr>").find(|r| r.contains(title)).unwrap().to_string();
    assert!(row_of("Công tác chỉ đạo, điều hành").contains("<w:b />"));
    assert!(!row_of("Niêm yết tại trụ sở").contains("<w:b />"));
    // Same input, same bytes.
    assert_eq!(bytes, docx::docx(&table(), &seed_head(Lang::Vi)).unwrap());
    let en = text_of(&document_xml(&docx::docx(&table(), &seed_head(Lang::En)).unwrap()));
    assert!(en.contains("SELF-ASSESSMENT AND SCORING OF THE PUBLIC ADMINISTRATION REFORM INDEX, 2025"), "{en}");
    assert!(en.contains("Self-score rescaled (proportional)") && en.contains("\n7.5\n"), "{en}");
}

/// A plan's folder with two of the three evidence files the table names.
fn folder_with_evidence() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), SEED).unwrap();
    std::fs::create_dir(dir.path().join("minh-chung")).unwrap();
    std::fs::write(dir.path().join("minh-chung/kh-15.pdf"), b"%PDF-1.4 ke hoach 15").unwrap();
    std::fs::write(dir.path().join("minh-chung/qd-3.pdf"), b"%PDF-1.4 quyet dinh 3").unwrap();
    dir
}

fn opts(force: bool, allow_outside: bool) -> PackOptions {
    PackOptions { force, allow_outside, lang: Lang::Vi }
}

fn unzip(zip_path: &Path, into: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let names: Vec<String> = (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().to_string()).collect();
    zip.extract(into).unwrap();
    names
}

#[test]
fn the_dossier_unpacks_and_its_checksums_verify() {
    let dir = folder_with_evidence();
    let plan = dir.path().join("plan.toml");
    let out = dir.path().join("ho-so.zip");
    let t = table();
    let (docx_bytes, xlsx_bytes) = (docx::docx(&t, &seed_head(Lang::Vi)).unwrap(), xlsx::xlsx(&t, Lang::Vi).unwrap());
    let packed = pack(&t, &plan, &docx_bytes, &xlsx_bytes, &out, opts(false, false)).unwrap();
    assert_eq!(packed.evidence, 2);
    assert_eq!(packed.missing.len(), 1);
    assert_eq!(
        (packed.missing[0].path.as_str(), packed.missing[0].codes.as_slice()),
        ("minh-chung/bc-7.pdf", &["1.2".to_string()][..])
    );
    let said = packed.lines(Lang::Vi);
    assert_eq!(
        said[0],
        "cảnh báo: thiếu tài liệu kiểm chứng `minh-chung/bc-7.pdf` (tiêu chí 1.2): không có tệp này; đã ghi tên vào MISSING trong hồ sơ"
    );
    assert!(
        said[1].starts_with("Đã ghi hồ sơ tự đánh giá vào ") && said[1].contains("2 tệp kiểm chứng, 1 tệp thiếu"),
        "{said:?}"
    );

    let unpacked = tempfile::tempdir().unwrap();
    let names = unzip(&out, unpacked.path());
    assert_eq!(
        names,
        [
            "bang-tu-danh-gia-2025.docx",
            "bang-tu-danh-gia-2025.xlsx",
            "tai-lieu-kiem-chung.md",
            "evidence/minh-chung/kh-15.pdf",
            "evidence/minh-chung/qd-3.pdf",
            "MISSING",
            "SHA256SUMS",
        ]
    );
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(unpacked.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout) + String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&check.stdout).lines().filter(|l| l.ends_with(": OK")).count(), 6);
    let read = |name: &str| std::fs::read_to_string(unpacked.path().join(name)).unwrap();
    let missing = read("MISSING");
    assert!(missing.lines().any(|l| l == "minh-chung/bc-7.pdf\t1.2"), "{missing}");
    assert_eq!(std::fs::read(unpacked.path().join("evidence/minh-chung/qd-3.pdf")).unwrap(), b"%PDF-1.4 quyet dinh 3");
    assert_eq!(std::fs::read(unpacked.path().join("bang-tu-danh-gia-2025.xlsx")).unwrap(), xlsx_bytes);
    let list = read("tai-lieu-kiem-chung.md");
    for wanted in [
        "## 1.1 Kế hoạch CCHC năm\n\n- Kế hoạch số 15/KH-NBK ngày 10/01/2025 — evidence/minh-chung/kh-15.pdf\n",
        "- Báo cáo số 7/BC-NBK ngày 14/06/2025 — THIẾU: minh-chung/bc-7.pdf\n",
        "## 1.3 Thực hiện thủ tục hành chính\n\n- Không áp dụng: Trường không có thủ tục hành chính\n",
        "## 2.2.2 Đăng trên cổng thông tin\n\n- (chưa có tài liệu kiểm chứng)\n",
    ] {
        assert!(list.contains(wanted), "{wanted:?} not in\n{list}");
    }
    // An existing dossier is kept without --force, replaced with it.
    let e = pack(&t, &plan, &docx_bytes, &xlsx_bytes, &out, opts(false, false)).unwrap_err();
    assert!(e.message.contains("ho-so.zip"), "{}", e.message);
    pack(&t, &plan, &docx_bytes, &xlsx_bytes, &out, opts(true, false)).unwrap();
}

#[test]
fn the_dossier_never_goes_onto_the_plan_or_an_evidence_file() {
    let dir = folder_with_evidence();
    let plan = dir.path().join("plan.toml");
    let t = table();
    for target in [plan.clone(), dir.path().join("minh-chung/kh-15.pdf")] {
        let e = pack(&t, &plan, b"d", b"x", &target, opts(true, false)).unwrap_err();
        assert_eq!(e.kind, par::failure::Kind::Input);
        assert!(e.message.ends_with("là tệp par đang đọc; par không ghi đè lên nó, không ghi gì"), "{}", e.message);
    }
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), SEED);
    assert_eq!(std::fs::read(dir.path().join("minh-chung/kh-15.pdf")).unwrap(), b"%PDF-1.4 ke hoach 15");
}

#[test]
fn an_evidence_file_outside_the_plans_folder_is_refused_unless_allowed() {
    let dir = folder_with_evidence();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("cv-9.pdf"), b"cong van").unwrap();
    let plan = dir.path().join("plan.toml");
    let out = dir.path().join("ho-so.zip");
    let mut t = table();
    let far = outside.path().join("cv-9.pdf").display().to_string();
    t.rows[7].evidence.push(evidence("Công văn 9", Some(&far)));
    t.rows[8].evidence.push(evidence("Công văn 9, lần nữa", Some("../../../../../../../../../../../etc/hostname")));
    let e = pack(&t, &plan, b"d", b"x", &out, opts(false, false)).unwrap_err();
    assert!(
        e.message.contains("cv-9.pdf") && e.message.contains("2.2.1") && e.message.contains("không ghi gì"),
        "{}",
        e.message
    );
    assert!(e.to_string().contains("--allow-outside"), "{e}");
    assert!(!out.exists());
    t.rows[8].evidence.pop();
    let packed = pack(&t, &plan, b"d", b"x", &out, opts(false, true)).unwrap();
    let inside = outside.path().canonicalize().unwrap().join("cv-9.pdf");
    let entry = format!("evidence/outside/{}", inside.display().to_string().trim_start_matches('/'));
    assert!(packed.entries.contains(&entry), "{:?}", packed.entries);
    let unpacked = tempfile::tempdir().unwrap();
    unzip(&out, unpacked.path());
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(unpacked.path())
        .output()
        .unwrap();
    assert!(check.status.success());
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_plans_folder_is_outside() {
    let dir = folder_with_evidence();
    std::os::unix::fs::symlink("/etc/hostname", dir.path().join("minh-chung/bc-7.pdf")).unwrap();
    let e = pack(&table(), &dir.path().join("plan.toml"), b"d", b"x", &dir.path().join("o.zip"), opts(false, false))
        .unwrap_err();
    assert!(e.message.contains("bc-7.pdf"), "{}", e.message);
}

#[test]
fn an_unreadable_evidence_file_stops_the_pack_and_nothing_is_written() {
    let dir = folder_with_evidence();
    // A folder where a file is cited: there, but not a file to read (root reads any file).
    std::fs::create_dir(dir.path().join("minh-chung/bc-7.pdf")).unwrap();
    let out = dir.path().join("ho-so.zip");
    let e = pack(&table(), &dir.path().join("plan.toml"), b"d", b"x", &out, opts(false, false)).unwrap_err();
    assert_eq!(e.kind, par::failure::Kind::Read);
    assert!(
        e.message.starts_with("không đọc được tài liệu kiểm chứng `minh-chung/bc-7.pdf` (tiêu chí 1.2): "),
        "{}",
        e.message
    );
    assert!(e.message.ends_with("; không ghi gì"), "{}", e.message);
    assert!(!out.exists());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn a_file_cited_twice_is_packed_once_for_both_criteria() {
    let dir = folder_with_evidence();
    let mut t = table();
    t.rows[7].evidence.push(evidence("Kế hoạch 15 (lại)", Some("./minh-chung/../minh-chung/kh-15.pdf")));
    let out = dir.path().join("ho-so.zip");
    let en = PackOptions { lang: Lang::En, ..opts(false, false) };
    let packed = pack(&t, &dir.path().join("plan.toml"), b"d", b"x", &out, en).unwrap();
    assert_eq!(packed.evidence, 2);
    assert_eq!(packed.entries.iter().filter(|e| e.ends_with("kh-15.pdf")).count(), 1);
    // In English: the files' names and what is said.
    assert_eq!(packed.entries[..3], ["self-assessment-2025.docx", "self-assessment-2025.xlsx", "evidence.md"]);
    assert_eq!(
        packed.lines(Lang::En)[0],
        "warning: missing evidence file `minh-chung/bc-7.pdf` (criterion 1.2): no such file; listed in MISSING in the dossier"
    );
    let unpacked = tempfile::tempdir().unwrap();
    unzip(&out, unpacked.path());
    let list = std::fs::read_to_string(unpacked.path().join("evidence.md")).unwrap();
    assert!(
        list.contains("## 2.2.1 Niêm yết tại trụ sở\n\n- Kế hoạch 15 (lại) — evidence/minh-chung/kh-15.pdf\n"),
        "{list}"
    );
}

// --- The command line, once `par assess` is wired (s15-assess) ---

const TODAY: &str = "2025-12-10";

/// The seed plan scored: 1.1 = 2 of 2 with a file, 1.2 = 1.5 of 2 explained, 1.3 not applicable.
fn scored() -> Session {
    let s = Session::seed();
    std::fs::create_dir(s.path("minh-chung")).unwrap();
    std::fs::write(s.path("minh-chung/kh-15.pdf"), b"%PDF ke hoach").unwrap();
    s.par([
        "--today",
        TODAY,
        "assess",
        "score",
        "1.1",
        "2",
        "--evidence",
        "Kế hoạch số 15/KH-NBK ngày 10/01/2025 minh-chung/kh-15.pdf",
    ])
    .ok();
    s.par(["--today", TODAY, "assess", "score", "1.2", "1.5", "--explain", "Báo cáo quý III gửi chậm"]).ok();
    s.par(["--today", TODAY, "assess", "na", "1.3", "--reason", "Không có thủ tục hành chính"]).ok();
    s
}

#[test]
fn cli_assess_xlsx_holds_the_scores_as_numbers() {
    let s = scored();
    s.par(["--today", TODAY, "assess", "--format", "xlsx", "-o", "tu-danh-gia.xlsx"]);
    let (v, _) = cells(&std::fs::read(s.path("tu-danh-gia.xlsx")).unwrap());
    let find = |code: &str| (1..200).find(|&r| at(&v, r, 'A') == Data::String(code.into())).unwrap();
    assert_eq!(num(at(&v, find("1.1"), 'D')), 2.0);
    assert_eq!(num(at(&v, find("1.2"), 'D')), 1.5);
    assert_eq!(at(&v, find("1.3"), 'D'), Data::String("Không áp dụng".into()));
    let raw = (1..200).find(|&r| at(&v, r, 'A') == Data::String("Tổng điểm tự đánh giá".into())).unwrap();
    assert_eq!(num(at(&v, raw, 'D')), 3.5);
    // Again without --force: refused, the file kept.
    let e = s.par(["--today", TODAY, "assess", "--format", "xlsx", "-o", "tu-danh-gia.xlsx"]).fails(2);
    assert!(e.contains("--force"), "{e}");
}

#[test]
fn cli_assess_docx_is_the_table_in_the_decree_30_layout() {
    let s = scored();
    s.par(["--today", TODAY, "assess", "--format", "docx", "-o", "tu-danh-gia.docx"]);
    let text = text_of(&document_xml(&std::fs::read(s.path("tu-danh-gia.docx")).unwrap()));
    for wanted in [
        "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
        "Sài Gòn, ngày 10 tháng 12 năm 2025",
        "Đỗ Ngọc Chi",
        "1,5",
    ] {
        assert!(text.contains(wanted), "{wanted:?} not in\n{text}");
    }
}

#[test]
fn cli_assess_pack_writes_a_dossier_that_verifies() {
    let s = scored();
    s.par([
        "--today",
        TODAY,
        "assess",
        "score",
        "1.4",
        "1",
        "--evidence",
        "Báo cáo 7/BC-NBK minh-chung/bc-7.pdf",
        "--explain",
        "Thiếu",
    ])
    .ok();
    let run = s.par(["--today", TODAY, "assess", "pack", "-o", "ho-so.zip"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("minh-chung/bc-7.pdf") && run.stderr.contains("MISSING"), "{}", run.stderr);
    let unpacked = tempfile::tempdir().unwrap();
    let names = unzip(&s.path("ho-so.zip"), unpacked.path());
    assert!(
        names.contains(&"evidence/minh-chung/kh-15.pdf".to_string()) && names.contains(&"MISSING".to_string()),
        "{names:?}"
    );
    let check = std::process::Command::new("sha256sum")
        .arg("-c")
        .arg("SHA256SUMS")
        .current_dir(unpacked.path())
        .output()
        .unwrap();
    assert!(check.status.success());
    // Unreadable at pack time: exit 3, nothing written.
    std::fs::create_dir(s.path("minh-chung/bc-7.pdf")).unwrap();
    let e = s.par(["--today", TODAY, "assess", "pack", "-o", "ho-so-2.zip"]).fails(3);
    assert!(e.contains("bc-7.pdf"), "{e}");
    assert!(!s.path("ho-so-2.zip").exists());
}
