//! Writes the hostile documents of issue #12 that made `par import` slow (quadratic in
//! repeated item numbers) or large (one huge .docx paragraph), for bench/import.sh and
//! the scaling tests in tests/import.rs:
//!
//! ```sh
//! cargo run --release --example gen_import_stress -- items 64000 num > items-64k.md
//! cargo run --release --example gen_import_stress -- docx-paras 1100000 > paras.docx
//! cargo run --release --example gen_import_stress -- docx-para 63 > one-para.docx
//! ```
//!
//! `items N STYLE` writes a Markdown plan whose N items all carry the same number:
//! `num` ("1." N times), `dotted` ("1.1."), `letter` ("a)"), `nested` ("1." with two
//! "a)" under each, so every "1." is a sub-section), `roman` (N sections "I.", one task each).
//! `docx-paras N` writes a .docx of N short numbered paragraphs; `docx-lines N` of N
//! one-letter paragraphs; `docx-para MB` a .docx holding one paragraph of MB megabytes
//! (zip compresses them to a few hundred KB).

use std::io::Write;

/// A Markdown plan of `n` items that repeat their number (see the module's comment).
pub fn items(n: usize, style: &str) -> String {
    let mut s = String::with_capacity(n * 110 + 512);
    s.push_str("## KẾ HOẠCH\n\n### Về khắc phục Chỉ số cải cách hành chính năm 2025\n\n");
    s.push_str("Trường Tiểu học Thử Nghiệm ban hành kế hoạch như sau:\n\n");
    let owners = ["Phòng Nội vụ", "Tổ Văn phòng", "Hiệu trưởng", "Phó Hiệu trưởng"];
    // "long": each item a full sentence of about 370 bytes, as a detailed plan writes them
    // (88,000 of them fill import's 32 MiB cap).
    let filler = if style == "long" {
        " Nội dung thực hiện gồm rà soát, cập nhật, công khai thủ tục hành chính trên cổng thông tin \
         điện tử của đơn vị, tiếp nhận và xử lý phản ánh kiến nghị của người dân, doanh nghiệp đúng quy định;"
    } else {
        ""
    };
    let body = |k: usize| {
        format!(
            "{} chủ trì rà soát thủ tục hành chính số {k};{filler} hoàn thành trước ngày 30/9/2025.",
            owners[k % owners.len()]
        )
    };
    if style != "roman" {
        s.push_str("### I. NHIỆM VỤ VÀ GIẢI PHÁP\n\n");
    }
    let mut k = 0;
    while k < n {
        match style {
            "dotted" => s.push_str(&format!("1.1. {}\n\n", body(k))),
            "letter" => s.push_str(&format!("a) {}\n\n", body(k))),
            "nested" => {
                s.push_str("1. Lĩnh vực cải cách thủ tục hành chính\n\n");
                s.push_str(&format!("a) {}\n\n", body(k)));
                k += 1;
                if k < n {
                    s.push_str(&format!("a) {}\n\n", body(k)));
                }
            }
            "roman" => s.push_str(&format!("### I. NHIỆM VỤ\n\n1. {}\n\n", body(k))),
            _ => s.push_str(&format!("1. {}\n\n", body(k))),
        }
        k += 1;
    }
    s.push_str("Trên đây là Kế hoạch khắc phục của Trường Tiểu học Thử Nghiệm.\n");
    s
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>I. NHIỆM VỤ</w:t></w:r></w:p>"#;
const TAIL: &str = "<w:sectPr/></w:body></w:document>";

/// A .docx whose document.xml is `HEAD`, then what `body` writes, then `TAIL`.
fn docx(body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(CONTENT_TYPES.as_bytes()).unwrap();
    zip.start_file("_rels/.rels", opts).unwrap();
    zip.write_all(RELS.as_bytes()).unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(HEAD.as_bytes()).unwrap();
    body(&mut zip).unwrap();
    zip.write_all(TAIL.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A .docx of `n` short paragraphs, each the item "1. Việc."
pub fn docx_paragraphs(n: usize) -> Vec<u8> {
    docx(|w| {
        for _ in 0..n {
            w.write_all(b"<w:p><w:r><w:t>1. Vi\xe1\xbb\x87c.</w:t></w:r></w:p>")?;
        }
        Ok(())
    })
}

/// A .docx of `n` one-letter paragraphs, none of them an item: the most paragraphs a
/// document.xml of its size can hold.
pub fn docx_short_paragraphs(n: usize) -> Vec<u8> {
    docx(|w| {
        for _ in 0..n {
            w.write_all(b"<w:p><w:t>x</w:t></w:p>")?;
        }
        Ok(())
    })
}

/// A .docx holding the item "1." followed by one paragraph of `bytes` bytes of text.
pub fn docx_one_paragraph(bytes: usize) -> Vec<u8> {
    docx(|w| {
        w.write_all(b"<w:p><w:r><w:t>1. ")?;
        let chunk = "Phòng Nội vụ chủ trì rà soát ".repeat(2048);
        let mut left = bytes;
        while left > 0 {
            let part = &chunk.as_bytes()[..left.min(chunk.len())];
            // Cut on a character boundary.
            let part = match std::str::from_utf8(part) {
                Ok(p) => p.as_bytes(),
                Err(e) => &part[..e.valid_up_to().max(1)],
            };
            w.write_all(part)?;
            left -= part.len();
        }
        w.write_all(b"</w:t></w:r></w:p>")
    })
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize| args.get(i).and_then(|a| a.parse::<usize>().ok());
    let out = std::io::stdout();
    let mut out = out.lock();
    match (args.first().map(String::as_str), num(1)) {
        (Some("items"), Some(n)) => out.write_all(items(n, args.get(2).map_or("num", String::as_str)).as_bytes()),
        (Some("docx-paras"), Some(n)) => out.write_all(&docx_paragraphs(n)),
        (Some("docx-lines"), Some(n)) => out.write_all(&docx_short_paragraphs(n)),
        (Some("docx-para"), Some(mb)) => out.write_all(&docx_one_paragraph(mb * 1_000_000)),
        _ => {
            eprintln!(
                "usage: gen_import_stress items N [num|dotted|letter|nested|roman|long] | docx-paras N | docx-lines N | docx-para MB"
            );
            std::process::exit(2);
        }
    }
    .unwrap();
}
