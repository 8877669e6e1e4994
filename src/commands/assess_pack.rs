//! `par assess pack -o dossier.zip`: the self-assessment dossier (issue #16). One zip
//! holding the table (Word and Excel), the evidence list per criterion, every evidence
//! file its references name by path (under `evidence/`, as found in the plan's folder),
//! a `MISSING` file naming those not found, and `SHA256SUMS`, which `sha256sum -c`
//! verifies once the zip is unpacked.
//!
//! Nothing is written until everything is read: a reference outside the plan's folder
//! (unless allowed), or an evidence file that exists but cannot be read, stops the pack
//! with a message and nothing written. A missing file does not stop it: it is said on
//! standard error and listed in `MISSING`, never silently left out. The zip is written as
//! `-o` writes any output (`output::OutputFile`: checked before any work, never onto the
//! plan or an evidence file, an existing file only with `--force`, atomically).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::compute::assess_table::{AssessTable, Evidence};
use crate::compute::sent::sha256_hex;
use crate::error::Fail;
use crate::i18n::Lang;
use crate::output::OutputFile;
use crate::say;

/// How to pack.
#[derive(Debug, Clone, Copy)]
pub struct PackOptions {
    /// Replace an existing output file.
    pub force: bool,
    /// Pack evidence files outside the plan's folder (under `evidence/outside/…`).
    pub allow_outside: bool,
    pub lang: Lang,
}

/// An evidence file the references name that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingFile {
    /// The path as the reference gives it.
    pub path: String,
    /// The criteria citing it.
    pub codes: Vec<String>,
}

/// What went into the dossier.
#[derive(Debug, Clone)]
pub struct Packed {
    pub out: PathBuf,
    /// The zip's entries, in order, `SHA256SUMS` last.
    pub entries: Vec<String>,
    /// Evidence files copied in.
    pub evidence: usize,
    pub missing: Vec<MissingFile>,
}

impl Packed {
    /// The lines said on standard error: a warning per missing file, then what was written.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let warning = say!(lang, LabelWarning);
        let mut out: Vec<String> = self
            .missing
            .iter()
            .map(|m| {
                format!(
                    "{warning}: {}",
                    say!(lang, AssessPackMissing, file = clean(&m.path), code = m.codes.join(", "))
                )
            })
            .collect();
        let file = clean(&self.out.display().to_string());
        out.push(say!(lang, WroteDossier, file, count = self.evidence, missing = self.missing.len()));
        out
    }
}

fn clean(text: &str) -> String {
    crate::text::clean(text).into_owned()
}

/// One file a reference names, resolved.
struct Source {
    /// As typed (the first reference naming it).
    typed: String,
    /// Every way the references type it (`a.pdf`, `./a.pdf`).
    aliases: Vec<String>,
    /// Where it is (links resolved when it exists).
    real: PathBuf,
    /// Its name in the zip.
    entry: String,
    codes: Vec<String>,
}

/// Packs `table` with its two renderings into the zip `out`; the plan's folder is the one
/// `plan` (the plan file) is in. See the module's documentation.
pub fn pack(
    table: &AssessTable,
    plan: &Path,
    docx: &[u8],
    xlsx: &[u8],
    out: &Path,
    opts: PackOptions,
) -> Result<Packed, Fail> {
    let lang = opts.lang;
    let dir = match plan.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let base = std::fs::canonicalize(&dir).unwrap_or(dir);
    let sources = resolve(table, &base, opts)?;
    // The output is checked before anything is read: never the plan nor an evidence file.
    let inputs: Vec<&Path> = std::iter::once(plan).chain(sources.iter().map(|s| s.real.as_path())).collect();
    let output = OutputFile::check(out, &inputs, opts.force, lang)?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut missing = Vec::new();
    let mut gone = Vec::new();
    for s in &sources {
        match crate::read::read_capped(&s.real) {
            Ok(bytes) => files.push((s.entry.clone(), bytes)),
            Err(crate::read::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                missing.push(MissingFile { path: s.typed.clone(), codes: s.codes.clone() });
                gone.push(s.entry.clone());
            }
            Err(e) => {
                let (file, code) = (clean(&s.typed), s.codes.join(", "));
                return Err(Fail::read(say!(
                    lang,
                    AssessPackUnreadable,
                    file,
                    code = code.clone(),
                    reason = e.reason(lang)
                ))
                .help(say!(lang, AssessPackUnreadableHelp, code)));
            }
        }
    }
    let evidence = files.len();
    let stem = lang.pick("bang-tu-danh-gia", "self-assessment");
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (format!("{stem}-{}.docx", table.year), docx.to_vec()),
        (format!("{stem}-{}.xlsx", table.year), xlsx.to_vec()),
        (
            lang.pick("tai-lieu-kiem-chung.md", "evidence.md").to_string(),
            evidence_list(table, &sources, &gone, lang).into_bytes(),
        ),
    ];
    entries.extend(files);
    if !missing.is_empty() {
        entries.push(("MISSING".to_string(), missing_list(&missing, lang).into_bytes()));
    }
    let sums: String = entries.iter().map(|(name, bytes)| format!("{}  {name}\n", sha256_hex(bytes))).collect();
    entries.push(("SHA256SUMS".to_string(), sums.into_bytes()));
    let bytes = zip(&entries).map_err(|e| {
        Fail::write(say!(lang, AssessPackBuild, file = clean(&out.display().to_string()), reason = e.to_string()))
    })?;
    output.write(&bytes, lang)?;
    Ok(Packed {
        out: out.to_path_buf(),
        entries: entries.into_iter().map(|(name, _)| name).collect(),
        evidence,
        missing,
    })
}

/// `par assess pack -o FILE`: renders the table as Word (with the heading in force on
/// `today`) and Excel, packs them with the evidence, and says the missing files and what
/// was written on standard error. For the command (wired at merge with s15-assess).
pub fn run(
    plan: &crate::plan::Plan,
    plan_file: &Path,
    table: &AssessTable,
    today: chrono::NaiveDate,
    out: &Path,
    opts: PackOptions,
) -> Result<crate::Outcome, Fail> {
    let head = crate::render::assess::docx::Head::of(plan, today, opts.lang);
    let docx = crate::render::assess::docx::docx(table, &head).map_err(Fail::write)?;
    let xlsx = crate::render::assess::xlsx::xlsx(table, opts.lang).map_err(Fail::write)?;
    let packed = pack(table, plan_file, &docx, &xlsx, out, opts)?;
    for line in packed.lines(opts.lang) {
        eprintln!("{line}");
    }
    Ok(crate::Outcome::ok(String::new()))
}

/// The files the references name by path, each once (with every criterion citing it),
/// in the table's order; a path outside `base` refused unless allowed.
fn resolve(table: &AssessTable, base: &Path, opts: PackOptions) -> Result<Vec<Source>, Fail> {
    let mut sources: Vec<Source> = Vec::new();
    let mut by_real: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for row in &table.rows {
        for typed in row.evidence.iter().filter_map(path_of) {
            let joined = base.join(typed);
            let real = std::fs::canonicalize(&joined).unwrap_or_else(|_| normalize(&joined));
            if let Some(&i) = by_real.get(&real) {
                if !sources[i].aliases.iter().any(|a| a == typed) {
                    sources[i].aliases.push(typed.to_string());
                }
                if !sources[i].codes.contains(&row.code) {
                    sources[i].codes.push(row.code.clone());
                }
                continue;
            }
            let entry = match real.strip_prefix(base) {
                Ok(inside) => format!("evidence/{}", entry_path(inside)),
                Err(_) if opts.allow_outside => format!("evidence/outside/{}", entry_path(&real)),
                Err(_) => {
                    let lang = opts.lang;
                    return Err(Fail::input(say!(
                        lang,
                        AssessPackOutside,
                        file = clean(typed),
                        code = row.code.clone()
                    ))
                    .help(say!(lang, AssessPackOutsideHelp)));
                }
            };
            let entry = unique(entry, &sources);
            by_real.insert(real.clone(), sources.len());
            let (typed, aliases) = (typed.to_string(), vec![typed.to_string()]);
            sources.push(Source { typed, aliases, real, entry, codes: vec![row.code.clone()] });
        }
    }
    Ok(sources)
}

/// The reference's file path, when it names one (not a URL).
fn path_of(e: &Evidence) -> Option<&str> {
    e.path.as_deref().map(str::trim).filter(|p| !p.is_empty() && !p.contains("://"))
}

/// `a/./b/../c` as `a/c`, without asking the file system (for a file that is not there).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A path as a zip entry: its names joined with `/`, each with what `sha256sum` would
/// escape (a backslash, a line break, control characters) made `_`.
fn entry_path(path: &Path) -> String {
    let names: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(
                n.to_string_lossy().chars().map(|ch| if ch == '\\' || ch.is_control() { '_' } else { ch }).collect(),
            ),
            _ => None,
        })
        .collect();
    names.join("/")
}

/// `entry`, or `entry` with `~2`, `~3`… before its extension when another file took it.
fn unique(entry: String, sources: &[Source]) -> String {
    let taken = |e: &str| sources.iter().any(|s| s.entry == e);
    if !taken(&entry) {
        return entry;
    }
    let (stem, ext) = match entry.rfind('.').filter(|&i| i > entry.rfind('/').map_or(0, |s| s + 1)) {
        Some(i) => (&entry[..i], &entry[i..]),
        None => (entry.as_str(), ""),
    };
    (2..).map(|n| format!("{stem}~{n}{ext}")).find(|e| !taken(e)).unwrap_or(entry.clone())
}

/// The evidence list: per criterion, each reference and where it is in the dossier.
fn evidence_list(table: &AssessTable, sources: &[Source], gone: &[String], lang: Lang) -> String {
    let one = |s: &str| crate::text::one_line(s.trim());
    let mut out = format!(
        "# {} {}\n\n{}: {}  \n{}: {}\n",
        lang.pick("Danh mục tài liệu kiểm chứng", "Evidence list"),
        lang.pick(&format!("năm {}", table.year), &table.year.to_string()),
        lang.pick("Đơn vị", "Unit"),
        one(&table.unit),
        lang.pick("Bộ tiêu chí", "Criteria set"),
        one(&table.set_name),
    );
    for row in table.rows.iter().filter(|r| r.depth > 0) {
        out.push_str(&format!("\n## {} {}\n\n", one(&row.code), one(&row.title)));
        if let Some(reason) = &row.not_applicable {
            out.push_str(&format!("- {}: {}\n", lang.pick("Không áp dụng", "Not applicable"), one(reason)));
            continue;
        }
        if row.evidence.is_empty() {
            out.push_str(&format!("- {}\n", lang.pick("(chưa có tài liệu kiểm chứng)", "(no evidence)")));
        }
        for e in &row.evidence {
            let mut line = format!("- {}", one(&e.text));
            if let Some(task) = &e.from_task {
                line.push_str(&format!(" ({} {})", lang.pick("nhiệm vụ", "task"), one(task)));
            }
            if let Some(p) = path_of(e) {
                match sources.iter().find(|s| s.aliases.iter().any(|a| a == p)) {
                    Some(s) if gone.contains(&s.entry) => {
                        line.push_str(&format!(" — {}: {}", lang.pick("THIẾU", "MISSING"), one(p)))
                    }
                    Some(s) => line.push_str(&format!(" — {}", s.entry)),
                    None => {}
                }
            }
            if let Some(url) = &e.url {
                line.push_str(&format!(" — {}", one(url)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// `MISSING`: a line per missing file, the path then the criteria citing it.
fn missing_list(missing: &[MissingFile], lang: Lang) -> String {
    let mut out = format!(
        "# {}\n",
        lang.pick(
            "Tài liệu kiểm chứng được dẫn nhưng không tìm thấy khi đóng gói (đường dẫn<TAB>tiêu chí)",
            "Evidence files cited but not found when packing (path<TAB>criteria)"
        )
    );
    for m in missing {
        out.push_str(&format!("{}\t{}\n", crate::text::one_line(&m.path), m.codes.join(", ")));
    }
    out
}

/// The zip's bytes: entries in order, compressed, stamped 1980-01-01 (the same input
/// gives the same bytes).
fn zip(entries: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), opts)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalised_and_entries_unique() {
        assert_eq!(normalize(Path::new("/a/b/../c/./d")), PathBuf::from("/a/c/d"));
        assert_eq!(entry_path(Path::new("minh chung/a\\b.pdf")), "minh chung/a_b.pdf");
        let s = |entry: &str| Source {
            typed: String::new(),
            aliases: Vec::new(),
            real: PathBuf::new(),
            entry: entry.into(),
            codes: Vec::new(),
        };
        assert_eq!(unique("evidence/a.pdf".into(), &[s("evidence/a.pdf")]), "evidence/a~2.pdf");
        assert_eq!(unique("evidence/a.pdf".into(), &[s("evidence/a.pdf"), s("evidence/a~2.pdf")]), "evidence/a~3.pdf");
        assert_eq!(unique("evidence/v.1/a".into(), &[s("evidence/v.1/a")]), "evidence/v.1/a~2");
    }
}
