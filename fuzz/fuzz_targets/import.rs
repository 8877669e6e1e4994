//! `par import` on arbitrary documents: whatever the importer drafts must load as a
//! plan (it promises valid TOML and a valid plan), with as many tasks as it drafted,
//! and pass the "5 rõ" lint the command prints; whatever it refuses gets a message in
//! both languages. Never a panic, a hang or unbounded memory.
//!
//! The first byte chooses how the rest is given to the importer:
//! - 0: a Markdown file (`ke-hoach.md`);
//! - 1: a plain-text file (`ke-hoach.txt`);
//! - 2: a file named `ke-hoach.docx`, as is (a zip when it starts with `PK`: the
//!   committed seed is a small real .docx, so mutations exercise the zip reader);
//! - 3: the parts of a .docx, separated by 0xFF bytes (never in UTF-8 text):
//!   `word/document.xml`, `word/numbering.xml`, `word/styles.xml`, `_rels/.rels`,
//!   `word/_rels/document.xml.rels`; an empty part is left out. The zip is built here
//!   (stored, with correct checksums), so mutations reach the XML readers instead of
//!   stopping at a checksum error.
#![no_main]

use std::io::Write;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use par::i18n::Lang;
use par::import::{ImportError, import};

/// The plan year when the document states none: what `par import` passes in 2025.
const YEAR: i32 = 2025;

const PARTS: [&str; 5] =
    ["word/document.xml", "word/numbering.xml", "word/styles.xml", "_rels/.rels", "word/_rels/document.xml.rels"];

fn docx_from_parts(data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in PARTS.iter().zip(data.split(|&b| b == 0xFF)) {
        if bytes.is_empty() {
            continue;
        }
        zip.start_file(*name, opts).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let built;
    let (bytes, name) = match mode % 4 {
        0 => (rest, "ke-hoach.md"),
        1 => (rest, "ke-hoach.txt"),
        2 => (rest, "ke-hoach.docx"),
        _ => {
            built = docx_from_parts(rest);
            (&built[..], "ke-hoach.docx")
        }
    };
    match import(bytes, name, YEAR) {
        Ok(imported) => {
            // What src/commands/import.rs does before writing anything.
            let plan = match par::plan::load::parse(Path::new("plan.toml"), &imported.toml) {
                Ok(plan) => plan,
                Err(e) => panic!("the draft does not load:\n{}\n--- draft:\n{}", e.rendered, imported.toml),
            };
            assert_eq!(plan.tasks.len(), imported.draft.tasks.len(), "tasks lost between draft and plan");
            assert!(!plan.tasks.is_empty(), "a draft without tasks should have been refused");
            for lang in [Lang::Vi, Lang::En] {
                let violations = par::compute::check::check(&plan, lang);
                let style = par::render::Style { lang, color: false, width: Some(100) };
                let _ = par::render::check::render(&violations, plan.tasks.len(), &style);
            }
        }
        Err(e) => {
            for lang in [Lang::Vi, Lang::En] {
                let msg = e.message(lang, name);
                assert!(msg.contains(name), "{e:?}: the message does not name the file: {msg}");
            }
            if let ImportError::NotUtf8 { line, column, .. } = e {
                assert!(line >= 1 && column >= 1, "{e:?}");
            }
        }
    }
});
