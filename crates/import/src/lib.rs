//! `par import`: drafting a plan.toml from a plan document.
//!
//! The document (Markdown, plain text, .docx, a PDF's text layer or an .xlsx appendix) is
//! read into paragraphs ([`text`], [`docx`], [`pdf`], [`xlsx`]; text pasted from a legal-document
//! website is first put back in shape by [`web`]), the paragraphs into a draft plan ([`parse`]),
//! and the draft into commented TOML ([`emit`]). [`scan`] holds the small readers of
//! Vietnamese administrative wording the parser is built from.

pub mod docx;
pub mod emit;
pub mod parse;
pub mod pdf;
pub mod scan;
pub mod text;
pub mod web;
pub mod xlsx;

// The core's modules at this crate's root, and this crate as `import`, so the paths written
// when import was a module of `par` (`crate::dates::…`, `crate::import::…`) still resolve.
// Not `text`: import has its own; the core's is named `par_core::text`.
pub(crate) use par_core::{dates, i18n};
extern crate self as import;

use std::borrow::Cow;

use crate::i18n::Lang;
use par_core::failure::Kind;
use par_core::messages::Msg;
use par_core::say;

pub use parse::{Draft, ParseError, explain};

/// What the program using this crate asks to be done once every task's wording is read,
/// before the draft is written ([`when_tasks_are_read`]).
static TASKS_READ: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Has `hook` run once every task's wording is read, before the draft is written, when no
/// other thread of the import runs: `par` there tells its allocator to return memory at once
/// from then on (the library itself has no say over the allocator). Set once; later calls
/// are ignored.
pub fn when_tasks_are_read(hook: fn()) {
    let _ = TASKS_READ.set(hook);
}

/// Runs the hook of [`when_tasks_are_read`], if one is set.
pub(crate) fn tasks_are_read() {
    if let Some(hook) = TASKS_READ.get() {
        hook();
    }
}

/// The largest document `par import` reads, in bytes. A 100-page plan is about 2 MB as
/// text or .docx; 32 MB keeps every document par reads within 2 s and 300 MB (BENCHMARKS.md).
pub const MAX_INPUT: u64 = 32 * 1024 * 1024;

/// The kinds of input `par import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// An Excel workbook (an appendix of tasks).
    Xlsx,
}

/// Why a document could not be imported. Every case is the user's input (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    NoTasks,
    /// A format par does not read, named, e.g. "PDF".
    Unsupported(&'static str),
    /// A .docx that is not a valid Word file: what went wrong.
    CorruptDocx(String),
    /// A part of the .docx is unreasonably large.
    TooLarge,
    /// More items than a plan can have ([`parse::MAX_ITEMS`]): how many were counted before
    /// reading stopped (at most one more than the limit, or a table's rows).
    TooManyItems(usize),
    /// More paragraphs than [`text::MAX_BLOCKS`].
    TooManyParagraphs,
    /// Text that is not UTF-8 (nor UTF-16 with a byte-order mark).
    NotUtf8 {
        line: usize,
        column: usize,
        byte: u8,
    },
    /// A PDF without a text layer (a scan).
    ScannedPdf,
    /// A PDF that cannot be taken apart: what went wrong.
    CorruptPdf(String),
    /// An .xlsx that is not a valid workbook: what went wrong.
    CorruptXlsx(String),
}

impl ImportError {
    /// The message for the user, naming the file; what to do about it is [`Self::help`].
    pub fn message(&self, lang: Lang, file: &str) -> String {
        match self {
            ImportError::Empty => match lang {
                Lang::Vi => format!("{file} không có nội dung (tệp rỗng)"),
                Lang::En => format!("{file} is empty"),
            },
            ImportError::NoTasks => match lang {
                Lang::Vi => format!(
                    "không tìm thấy nhiệm vụ nào trong {file}: văn bản không có mục đánh số (\"1.\", \"a)\", \"- \") dưới các phần I., II., …"
                ),
                Lang::En => format!(
                    "no tasks found in {file}: it has no numbered items (\"1.\", \"a)\", \"- \") under sections I., II., …"
                ),
            },
            ImportError::Unsupported(what) => match lang {
                Lang::Vi => format!("{file} là tệp {what}, par không đọc được định dạng này"),
                Lang::En => format!("{file} is a {what} file, which par cannot read"),
            },
            ImportError::CorruptDocx(why) => match lang {
                Lang::Vi => format!("{file} không phải tệp Word .docx hợp lệ (tệp hỏng hoặc bị cắt: {why})"),
                Lang::En => format!("{file} is not a valid Word .docx file (damaged or truncated: {why})"),
            },
            ImportError::TooLarge => match lang {
                Lang::Vi => format!(
                    "{file} quá lớn để là một văn bản kế hoạch: nội dung giải nén vượt giới hạn ({} MB văn bản, {} MB mỗi phần khác)",
                    docx::MAX_DOCUMENT >> 20,
                    docx::MAX_PART >> 20
                ),
                Lang::En => format!(
                    "{file} is too large to be a plan document: it unpacks to more than par reads ({} MB of text, {} MB for any other part)",
                    docx::MAX_DOCUMENT >> 20,
                    docx::MAX_PART >> 20
                ),
            },
            ImportError::TooManyItems(_) => match lang {
                Lang::Vi => format!(
                    "{file} có hơn {} mục (đánh số, gạch đầu dòng, dòng bảng), là số mục nhiều nhất par nhận; kế hoạch của một đơn vị chỉ vài trăm nhiệm vụ",
                    parse::MAX_ITEMS
                ),
                Lang::En => format!(
                    "{file} has more than {} items (numbered, bulleted, table rows), the most par reads; a unit's plan has a few hundred tasks",
                    parse::MAX_ITEMS
                ),
            },
            ImportError::TooManyParagraphs => match lang {
                Lang::Vi => format!(
                    "{file} có hơn {} đoạn (dòng văn bản, dòng bảng), là số đoạn nhiều nhất par đọc; văn bản kế hoạch 100 trang chỉ vài nghìn đoạn",
                    text::MAX_BLOCKS
                ),
                Lang::En => format!(
                    "{file} has more than {} paragraphs (lines of text, table rows), the most par reads; a 100-page plan has a few thousand",
                    text::MAX_BLOCKS
                ),
            },
            ImportError::NotUtf8 { line, column, byte } => match lang {
                Lang::Vi => format!("{file}:{line}:{column}: văn bản không phải UTF-8 (byte 0x{byte:02X})"),
                Lang::En => format!("{file}:{line}:{column}: the text is not UTF-8 (byte 0x{byte:02X})"),
            },
            ImportError::ScannedPdf => say!(lang, ImportScannedPdf, file),
            ImportError::CorruptPdf(reason) => say!(lang, ImportCorruptPdf, file, reason),
            ImportError::CorruptXlsx(reason) => say!(lang, ImportCorruptXlsx, file, reason),
        }
    }

    /// What to do about it, in `lang`: the binary shows it on a line of its own below the
    /// message (`gợi ý:` / `help:`). An empty file has nothing more to say.
    pub fn help(&self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            ImportError::Empty => return None,
            ImportError::NoTasks => lang.pick(
                "kiểm tra đúng là văn bản kế hoạch; nếu số thứ tự là số tự động của Word, lưu dạng .docx thay vì chép văn bản",
                "check it is a plan; if Word numbers the items automatically, import the .docx rather than copied text",
            ),
            ImportError::Unsupported(_) => lang.pick(
                "mở bằng Word (hoặc LibreOffice) rồi Lưu thành… (Save As) dạng .docx hoặc .txt (mã hóa UTF-8), sau đó chạy lại `par import`",
                "open it in Word (or LibreOffice) and Save As .docx, or as .txt (UTF-8), then run `par import` again",
            ),
            ImportError::CorruptDocx(_) => lang.pick(
                "mở lại bằng Word và lưu thành .docx mới, hoặc lưu dạng .txt",
                "open it in Word and save it again as .docx, or save it as .txt",
            ),
            ImportError::TooLarge => lang.pick(
                "văn bản kế hoạch 100 trang chỉ khoảng 2 MB; kiểm tra đúng tệp, hoặc mở bằng Word rồi lưu lại dạng .docx hay .txt",
                "a 100-page plan is about 2 MB; check it is the right file, or open it in Word and save it again as .docx or .txt",
            ),
            ImportError::TooManyItems(_) => lang.pick(
                "kiểm tra đúng là văn bản kế hoạch; nếu cần, tách thành nhiều kế hoạch",
                "check it is a plan; if it is, split it into several plans",
            ),
            ImportError::TooManyParagraphs => lang.pick(
                "kiểm tra đúng là văn bản kế hoạch (không phải dữ liệu xuất ra dạng văn bản)",
                "check it is a plan (not data saved as text)",
            ),
            ImportError::NotUtf8 { .. } => lang.pick(
                "lưu lại dạng UTF-8; văn bản gõ bằng phông TCVN3 (.VnTime) hoặc VNI cần chuyển mã sang Unicode trước (ví dụ bằng công cụ chuyển mã của Unikey)",
                "save it as UTF-8; text typed in the old TCVN3 (.VnTime) or VNI fonts needs converting to Unicode first (e.g. with Unikey's converter)",
            ),
            ImportError::ScannedPdf => Msg::ImportScannedPdfHelp.text(lang),
            ImportError::CorruptPdf(_) => Msg::ImportCorruptPdfHelp.text(lang),
            ImportError::CorruptXlsx(_) => Msg::ImportCorruptXlsxHelp.text(lang),
        })
    }

    /// The kind of failure: every case is the user's input.
    pub fn kind(&self) -> Kind {
        Kind::Input
    }
}

/// A document read and drafted.
pub struct Imported {
    pub format: Format,
    pub draft: Draft,
    /// The draft as plan.toml text.
    pub toml: String,
}

/// Decides the format from the file's first bytes, then its name.
pub fn detect(bytes: &[u8], name: &str) -> Result<Format, ImportError> {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(if matches!(ext.as_str(), "xlsx" | "xlsm") || xlsx::is_workbook(bytes) {
            Format::Xlsx
        } else {
            Format::Docx
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // An OLE container: Word 97–2003, or a password-protected .docx.
        return Err(ImportError::Unsupported(if ext == "docx" {
            "Word có mật khẩu / password-protected Word"
        } else {
            "Word 97-2003 (.doc)"
        }));
    }
    if bytes.starts_with(b"%PDF") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(ImportError::Unsupported("RTF"));
    }
    match ext.as_str() {
        "docx" | "docm" | "dotx" => Err(ImportError::CorruptDocx("no zip signature".into())),
        "pdf" => Err(ImportError::CorruptPdf("no %PDF signature".into())),
        "xlsx" | "xlsm" => Err(ImportError::CorruptXlsx("no zip signature".into())),
        "doc" | "dot" => Err(ImportError::Unsupported("Word 97-2003 (.doc)")),
        "rtf" => Err(ImportError::Unsupported("RTF")),
        "odt" => Err(ImportError::Unsupported("OpenDocument (.odt)")),
        "xls" | "ods" | "csv" => Err(ImportError::Unsupported("bảng tính / spreadsheet")),
        "html" | "htm" => Err(ImportError::Unsupported("HTML")),
        "png" | "jpg" | "jpeg" | "gif" | "tif" | "tiff" | "bmp" => Err(ImportError::Unsupported("ảnh / image")),
        "md" | "markdown" | "mdown" => Ok(Format::Markdown),
        _ => Ok(Format::Text),
    }
}

/// Imports a document's bytes. `name` is the file name as given (for messages and the
/// format); `fallback_year` is the plan year when the document states none.
pub fn import(bytes: &[u8], name: &str, fallback_year: i32) -> Result<Imported, ImportError> {
    import_with(bytes, name, fallback_year, None, false)
}

/// [`import`] on `today`: every task records the day it entered the plan (`added`), the
/// plan's date of issue when the document gives one, else `today`.
pub fn import_on(bytes: &[u8], name: &str, today: chrono::NaiveDate) -> Result<Imported, ImportError> {
    import_with(bytes, name, chrono::Datelike::year(&today), Some(today), false)
}

/// [`import_on`] (or, `explain`ing, [`import_explained`]) of bytes it frees as soon as
/// they are read (`par import`: at the 32 MB cap, the document's bytes, then its
/// paragraphs, are a third of the memory while the tasks are read).
pub fn import_owned_on(
    bytes: Vec<u8>,
    name: &str,
    today: chrono::NaiveDate,
    explain: bool,
) -> Result<Imported, ImportError> {
    import_with(bytes, name, chrono::Datelike::year(&today), Some(today), explain)
}

/// [`import_on`], recording where each field came from ([`Draft::trace`]) for
/// [`explain`] (`par import --explain`).
pub fn import_explained(bytes: &[u8], name: &str, today: chrono::NaiveDate) -> Result<Imported, ImportError> {
    import_with(bytes, name, chrono::Datelike::year(&today), Some(today), true)
}

fn import_with<B: AsRef<[u8]>>(
    bytes: B,
    name: &str,
    fallback_year: i32,
    today: Option<chrono::NaiveDate>,
    explain: bool,
) -> Result<Imported, ImportError> {
    let input = bytes.as_ref();
    if input.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let format = detect(input, name)?;
    let doc = match format {
        Format::Docx => docx::read(input).map_err(|e| match e {
            docx::DocxError::Corrupt(why) => ImportError::CorruptDocx(why),
            docx::DocxError::OtherFormat(what) => ImportError::Unsupported(what),
            docx::DocxError::TooLarge => ImportError::TooLarge,
        })?,
        Format::Pdf => pdf::read(input).map_err(|e| match e {
            pdf::PdfError::Corrupt(why) => ImportError::CorruptPdf(why),
            pdf::PdfError::Encrypted => ImportError::Unsupported("PDF có mật khẩu / password-protected PDF"),
            pdf::PdfError::NoText => ImportError::ScannedPdf,
            pdf::PdfError::TooLarge => ImportError::TooLarge,
        })?,
        Format::Xlsx => xlsx::read(input).map_err(|e| match e {
            xlsx::XlsxError::Corrupt(why) => ImportError::CorruptXlsx(why),
            xlsx::XlsxError::TooLarge => ImportError::TooLarge,
        })?,
        Format::Markdown | Format::Text => {
            let text = decode(input)?;
            if text.contains('\0') {
                return Err(ImportError::Unsupported("nhị phân / binary"));
            }
            // Text pasted from a legal-document website: its heading's columns split, its
            // hard-wrapped sentences joined (any other text comes back as it was).
            let text = web::normalise(&text);
            // Plain text is read as Markdown too: a ".txt" copy of a Markdown plan is common,
            // and Markdown's marks are rare in plain Vietnamese text.
            text::from_text(&text, true)
        }
    };
    // The document is read: its bytes go (when they are this call's to free).
    drop(bytes);
    // The paragraphs go as soon as the tasks are found in them, before their wording is read.
    let (draft, room) = parse::parse_with_room(doc, fallback_year, explain).map_err(|e| match e {
        ParseError::Empty => ImportError::Empty,
        ParseError::NoTasks => ImportError::NoTasks,
        ParseError::TooManyItems(n) => ImportError::TooManyItems(n),
        ParseError::TooManyParagraphs => ImportError::TooManyParagraphs,
    })?;
    let added = today.map(|t| draft.meta.date.unwrap_or(t));
    let origin = emit::Origin { name, paragraphs: matches!(format, Format::Docx | Format::Pdf), added };
    let room = room.and_then(|h| h.join().ok()).unwrap_or_default();
    let toml = emit::emit_into(room, &draft, &origin);
    Ok(Imported { format, draft, toml })
}

/// Text from bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one
/// (what Word's "Unicode text" saves).
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    let utf16 = |le: bool, body: &[u8]| -> String {
        let units = body
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
        char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
    };
    if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(Cow::Owned(utf16(true, body)));
    }
    if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(Cow::Owned(utf16(false, body)));
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        // Borrowed: no copy of the document.
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let valid = e.valid_up_to();
            let prefix = String::from_utf8_lossy(&body[..valid]);
            let line = prefix.bytes().filter(|&b| b == b'\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(ImportError::NotUtf8 { line, column, byte: body[valid] })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_given_imports_as_one_lent_and_its_draft_is_the_same() {
        let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 15).expect("date");
        // Over 2,000 items, so that the room for the text and the threads are used too.
        let mut doc = String::from("## KẾ HOẠCH\n\n### I. NHIỆM VỤ\n\n");
        for k in 0..2_100 {
            doc.push_str(&format!(
                "1. Phòng Nội vụ chủ trì rà soát thủ tục số {k}; hoàn thành trước ngày 30/9/2025.\n\n"
            ));
        }
        for explain in [false, true] {
            let lent =
                if explain { import_explained } else { import_on }(doc.as_bytes(), "kh.md", today).expect("lent");
            let given = import_owned_on(doc.clone().into_bytes(), "kh.md", today, explain).expect("given");
            assert_eq!(lent.toml, given.toml);
            assert_eq!(lent.draft.tasks.len(), 2_100);
            assert_eq!(lent.draft.trace, given.draft.trace);
        }
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect(b"PK\x03\x04rest", "a.bin"), Ok(Format::Docx));
        assert_eq!(detect(b"%PDF-1.7", "plan.docx"), Ok(Format::Pdf));
        assert_eq!(
            detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a.doc"),
            Err(ImportError::Unsupported("Word 97-2003 (.doc)"))
        );
        assert!(matches!(detect(b"text", "a.pdf"), Err(ImportError::CorruptPdf(_))));
        assert!(matches!(detect(b"text", "a.xlsx"), Err(ImportError::CorruptXlsx(_))));
        assert_eq!(detect(b"PK\x03\x04rest", "a.xlsx"), Ok(Format::Xlsx));
        assert!(matches!(detect(b"text", "a.docx"), Err(ImportError::CorruptDocx(_))));
        assert_eq!(detect(b"# KH", "a.MD"), Ok(Format::Markdown));
        assert_eq!(detect(b"KH", "a.txt"), Ok(Format::Text));
    }

    #[test]
    fn decodes() {
        assert_eq!(decode("Kế".as_bytes()).unwrap(), "Kế");
        let mut le = vec![0xFF, 0xFE];
        le.extend("Kế".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap(), "Kế");
        assert_eq!(decode(b"ok\n\xC0x"), Err(ImportError::NotUtf8 { line: 2, column: 1, byte: 0xC0 }));
    }
}
