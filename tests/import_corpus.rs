//! The import corpus (issue #15): plan documents of kinds the other import tests do not
//! cover — commune and ward plans in prose, a city and a province plan with "Giao …"
//! sentences, a department plan numbered 1./1.1./1.1.1, a school plan whose tasks are
//! rows of a table, an appendix table with merged cells and time in words, duties with
//! their own deadline in the implementation part — each next to the draft a careful
//! officer writes from it (`<name>.expected.toml`, a plan par loads).
//!
//! `par import` runs on every document and its draft is compared with the expected one,
//! field by field: owner, support, due, repeat, result, indicator, basis, unit, superior,
//! signer. Precision is right / found (what import wrote), recall right / expected (what
//! the officer wrote). The test prints the table and fails when a figure falls below its
//! floor in [`FLOORS`]: the floors are today's figures rounded down, raised as the
//! import rules improve, so the corpus guards against regressions.
//!
//! Comparisons are strict: names (owners, units, signers) are equal once case and
//! whitespace are set aside, nothing more ("UBND" is not "Ủy ban nhân dân", a list of
//! bodies cut at a comma is not the list). Results also drop a leading "bảo đảm"/"đảm
//! bảo"/"phấn đấu" and the final stop, which an officer would not count as a different
//! result. Tasks are paired by id when their titles agree, else by the words of the
//! expected title found in the draft's title and wording.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use par::plan::{Plan, Repeat, Task};
use unicode_normalization::UnicodeNormalization;

use crate::support::Par;

const PAR: Par = Par::new().today("2025-06-15");

/// The scored fields, in the table's order.
const FIELDS: [&str; 10] =
    ["owner", "support", "due", "repeat", "result", "indicator", "basis", "unit", "superior", "signer"];

/// The lowest precision and recall each field may show (today's figures, rounded down).
/// Raise them as the import rules improve; never lower one to let a change pass.
/// A field import finds nothing of has no precision: only its recall is checked.
/// Figures of 2026-11-30 (main at f9b2f08): see README.md, "The import corpus".
const FLOORS: [(&str, f64, f64); 10] = [
    // After the lexicon-driven rules (s15-imprules): owner recall 52.9 % → 88.2 % for a
    // precision of 94.7 % → 93.8 % (4 wrong of 64 found), result recall 81.8 % → 84.8 %
    // for 93.1 % → 90.3 % precision, indicators and signers from 0 % and 25 % to 71 % and 100 %.
    // After s15-imprules2 (bullets under a heading-like item, verbs with their accents,
    // merged cells carried down, groups after commas, time in words, shares and
    // prohibitions as results): owner 100/100, support 87.9/87.9, due and repeat 100/100,
    // result 93.9/93.9, indicator 95.0/90.5.
    // After s16-imprules3 (names holding commas and "và", joint offices, results cut at a
    // clause boundary only, count units from the lexicon, a superior only from a two-level
    // heading): every field at 100/100.
    ("owner", 1.0, 1.0),
    ("support", 1.0, 1.0),
    ("due", 1.0, 1.0),
    ("repeat", 1.0, 1.0),
    ("result", 1.0, 1.0),
    ("indicator", 1.0, 1.0),
    ("basis", 1.0, 1.0),
    ("unit", 1.0, 1.0),
    ("superior", 1.0, 1.0),
    ("signer", 1.0, 1.0),
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/corpus")
}

/// The corpus documents (.docx, .md, .txt with an `.expected.toml` next to them), by name.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("docx" | "md" | "txt")))
        .collect();
    docs.sort();
    for d in &docs {
        assert!(expected_path(d).exists(), "{} has no .expected.toml", d.display());
    }
    docs
}

fn expected_path(doc: &Path) -> PathBuf {
    doc.with_extension("expected.toml")
}

fn load(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).unwrap();
    par::plan::load(path).unwrap_or_else(|e| panic!("{}: {}\n{text}", path.display(), e.rendered)).plan
}

/// `par import DOC` into a fresh folder; the draft as par loads it.
fn import(doc: &Path) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    PAR.cmd_in(dir.path()).arg("import").arg(doc).args(["-o", "plan.toml"]).assert().success();
    load(&dir.path().join("plan.toml"))
}

// ---------------------------------------------------------------------------
// Normalising, as an officer would accept
// ---------------------------------------------------------------------------

/// Case and whitespace set aside (NFC, lower case, one space, none around a hyphen).
fn name(s: &str) -> String {
    let s: String = s.nfc().collect::<String>().to_lowercase();
    let words: Vec<&str> = s.split_whitespace().collect();
    words.join(" ").replace(" - ", "-").replace(" -", "-").replace("- ", "-")
}

/// A result: its name form without a leading "bảo đảm"/"đảm bảo"/"phấn đấu" and the
/// closing stop.
fn result(s: &str) -> String {
    let mut r = name(s);
    for lead in ["bảo đảm ", "đảm bảo ", "phấn đấu "] {
        if let Some(rest) = r.strip_prefix(lead) {
            r = rest.to_string();
        }
    }
    r.trim_end_matches(['.', ';', ',', ' ']).to_string()
}

/// A name standing for one not known yet: empty, "…", "...", "[…]", "ĐIỀN …/FILL …".
fn placeholder(s: &str) -> bool {
    let n = name(s);
    n.is_empty() || n.contains('…') || n.contains("...") || n.starts_with('[') || n.starts_with("điền")
}

/// Words of two letters or more, lower case.
fn words(s: &str) -> BTreeSet<String> {
    s.nfc()
        .collect::<String>()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_string)
        .collect()
}

/// The share of the expected title's words found in the draft task's title and wording.
fn similarity(expected: &Task, draft: &Task) -> f64 {
    let want = words(&expected.title);
    if want.is_empty() {
        return 0.0;
    }
    let mut have = words(&draft.title);
    have.extend(words(draft.detail.as_deref().unwrap_or("")));
    want.iter().filter(|w| have.contains(*w)).count() as f64 / want.len() as f64
}

/// Whether a draft task is what the expected plan keeps as a point of a section: the
/// draft's wording holds at least 60% of the point's words.
fn is_a_point(expected: &Plan, draft: &Task) -> bool {
    let mut have = words(&draft.title);
    have.extend(words(draft.detail.as_deref().unwrap_or("")));
    expected.sections.iter().flat_map(|s| &s.points).any(|p| {
        let want = words(p);
        !want.is_empty() && want.iter().filter(|w| have.contains(*w)).count() as f64 / want.len() as f64 >= 0.6
    })
}

/// Pairs each expected task with at most one draft task: the same id when the titles
/// agree (half the words), else the draft task holding most of the expected title's
/// words (at least 60%), best pairs first.
fn pair(expected: &Plan, draft: &Plan) -> Vec<(usize, Option<usize>)> {
    let mut of_expected: Vec<Option<usize>> = vec![None; expected.tasks.len()];
    let mut taken = vec![false; draft.tasks.len()];
    for (i, e) in expected.tasks.iter().enumerate() {
        if let Some(j) = draft.tasks.iter().position(|d| d.id == e.id)
            && !taken[j]
            && similarity(e, &draft.tasks[j]) >= 0.5
        {
            of_expected[i] = Some(j);
            taken[j] = true;
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, e) in expected.tasks.iter().enumerate().filter(|(i, _)| of_expected[*i].is_none()) {
        for (j, d) in draft.tasks.iter().enumerate().filter(|(j, _)| !taken[*j]) {
            let s = similarity(e, d);
            if s >= 0.6 {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if of_expected[i].is_none() && !taken[j] {
            of_expected[i] = Some(j);
            taken[j] = true;
        }
    }
    of_expected.into_iter().enumerate().collect()
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    right: usize,
    found: usize,
    expected: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.found += other.found;
        self.expected += other.expected;
    }

    fn precision(&self) -> Option<f64> {
        (self.found > 0).then(|| self.right as f64 / self.found as f64)
    }

    fn recall(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.right as f64 / self.expected as f64)
    }
}

/// The score of one document: a tally per field, and a line per miss for the reader.
#[derive(Default)]
struct Score {
    tally: [Tally; FIELDS.len()],
    misses: Vec<String>,
}

impl Score {
    /// Counts one field's values on one side each: several values (support, bases) count
    /// one each, matched as multisets.
    fn count<T: PartialEq + std::fmt::Debug>(&mut self, field: &str, at: &str, want: Vec<T>, got: Vec<T>) {
        let f = FIELDS.iter().position(|x| *x == field).unwrap();
        let mut left: Vec<Option<&T>> = got.iter().map(Some).collect();
        let mut right = 0;
        for w in &want {
            if let Some(slot) = left.iter_mut().find(|g| g.is_some_and(|g| g == w)) {
                *slot = None;
                right += 1;
            }
        }
        let t = Tally { right, found: got.len(), expected: want.len() };
        if right < want.len().max(got.len()) {
            self.misses.push(format!("{at} {field}: expected {want:?}, import gave {got:?}"));
        }
        self.tally[f].add(t);
    }
}

fn owner_name(plan: &Plan, task: &Task) -> Vec<String> {
    plan.owner_of(task).map(|o| name(&o.name)).into_iter().collect()
}

fn support_names(plan: &Plan, task: &Task) -> Vec<String> {
    task.support.iter().map(|&i| name(&plan.owners[i].name)).collect()
}

fn repeat_of(task: &Task) -> Vec<(String, Option<u32>)> {
    match task.repeat {
        Repeat::Once => Vec::new(),
        r => vec![(r.keyword().to_string(), task.due_day)],
    }
}

fn indicator_of(task: &Task) -> Vec<String> {
    task.indicator
        .iter()
        .map(|i| format!("{} {} {:?}", i.target, name(i.unit.as_deref().unwrap_or("")), i.direction))
        .collect()
}

/// The signer as the report prints it: capacity and position lines, and the name (any
/// placeholder stands for the name not given).
fn signer_of(plan: &Plan) -> Vec<(Vec<String>, String)> {
    plan.meta
        .signer
        .iter()
        .map(|s| {
            let (lines, who) = par::render::report::signer_lines(s);
            let lines = lines.iter().map(|l| name(l)).collect();
            (lines, if placeholder(&who) { "<chưa có tên>".to_string() } else { name(&who) })
        })
        .collect()
}

fn bases_of(plan: &Plan) -> Vec<(String, Option<String>, Option<chrono::NaiveDate>)> {
    plan.bases.iter().map(|b| (name(&b.kind), b.number.as_deref().map(name), b.date)).collect()
}

/// Scores one draft against its expected plan. `doc` names the document in the misses.
fn score(doc: &str, expected: &Plan, draft: &Plan) -> Score {
    let mut s = Score::default();
    let pairs = pair(expected, draft);
    let mut paired = vec![false; draft.tasks.len()];
    for (i, j) in pairs {
        let e = &expected.tasks[i];
        let d = j.map(|j| &draft.tasks[j]);
        if let Some(j) = j {
            paired[j] = true;
        }
        let at = match d {
            Some(d) if d.id != e.id => format!("{doc} {} (import: {})", e.id, d.id),
            Some(_) => format!("{doc} {}", e.id),
            None => format!("{doc} {} (not found)", e.id),
        };
        s.count("owner", &at, owner_name(expected, e), d.map_or_else(Vec::new, |d| owner_name(draft, d)));
        s.count("support", &at, support_names(expected, e), d.map_or_else(Vec::new, |d| support_names(draft, d)));
        s.count("due", &at, e.due.into_iter().collect(), d.map_or_else(Vec::new, |d| d.due.into_iter().collect()));
        s.count("repeat", &at, repeat_of(e), d.map_or_else(Vec::new, repeat_of));
        let res = |t: &Task| t.result.as_deref().map(result).into_iter().collect::<Vec<_>>();
        s.count("result", &at, res(e), d.map_or_else(Vec::new, res));
        s.count("indicator", &at, indicator_of(e), d.map_or_else(Vec::new, indicator_of));
    }
    // Draft tasks the officer would not write count against precision; one the officer
    // keeps as a point (a sentence with no deadline "may stay a point") counts neither way.
    for d in draft.tasks.iter().zip(&paired).filter(|(_, p)| !**p).map(|(d, _)| d) {
        if is_a_point(expected, d) {
            continue;
        }
        let at = format!("{doc} import's {} (no such task)", d.id);
        s.count("owner", &at, Vec::new(), owner_name(draft, d));
        s.count("support", &at, Vec::new(), support_names(draft, d));
        s.count("due", &at, Vec::new(), d.due.into_iter().collect());
        s.count("repeat", &at, Vec::new(), repeat_of(d));
        s.count("result", &at, Vec::new(), d.result.as_deref().map(result).into_iter().collect());
        s.count("indicator", &at, Vec::new(), indicator_of(d));
    }
    s.count("basis", doc, bases_of(expected), bases_of(draft));
    let unit = |p: &Plan| -> Vec<String> {
        Some(&p.meta.unit).filter(|u| !u.contains("FILL IN") && !placeholder(u)).map(|u| name(u)).into_iter().collect()
    };
    s.count("unit", doc, unit(expected), unit(draft));
    let superior = |p: &Plan| p.meta.superior.as_deref().map(name).into_iter().collect::<Vec<_>>();
    s.count("superior", doc, superior(expected), superior(draft));
    s.count("signer", doc, signer_of(expected), signer_of(draft));
    s
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |x| format!("{:.1}%", x * 100.0))
}

/// The table: field | precision | recall | right / found / expected.
fn table(total: &[Tally; FIELDS.len()], documents: usize) -> String {
    let mut out = format!("Import corpus: {documents} documents\n\n");
    out.push_str("| field | precision | recall | right / found / expected |\n|---|---:|---:|---:|\n");
    for (f, t) in FIELDS.iter().zip(total) {
        let _ = writeln!(
            out,
            "| {f} | {} | {} | {} / {} / {} |",
            ratio(t.precision()),
            ratio(t.recall()),
            t.right,
            t.found,
            t.expected
        );
    }
    out
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn corpus_precision_and_recall_per_field_stay_above_their_floors() {
    let docs = documents();
    assert!(docs.len() >= 8, "the corpus holds {} documents, at least 8 wanted", docs.len());
    let mut total = [Tally::default(); FIELDS.len()];
    let mut misses = Vec::new();
    for doc in &docs {
        let expected = load(&expected_path(doc));
        assert!(!expected.tasks.is_empty(), "{}: the expected draft has no tasks", doc.display());
        let draft = import(doc);
        let name = doc.file_name().unwrap().to_string_lossy();
        let s = score(&name, &expected, &draft);
        for (t, x) in total.iter_mut().zip(s.tally) {
            t.add(x);
        }
        misses.extend(s.misses);
    }
    let table = table(&total, docs.len());
    println!("{table}");
    println!("Misses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    let mut below = Vec::new();
    for ((field, p_floor, r_floor), t) in FLOORS.iter().zip(&total) {
        if let Some(p) = t.precision()
            && p + 1e-9 < *p_floor
        {
            below.push(format!("{field} precision {} < floor {:.1}%", ratio(Some(p)), p_floor * 100.0));
        }
        let r = t.recall().unwrap_or(1.0);
        if r + 1e-9 < *r_floor {
            below.push(format!("{field} recall {} < floor {:.1}%", ratio(Some(r)), r_floor * 100.0));
        }
    }
    assert!(below.is_empty(), "below the recorded floors:\n{}\n\n{table}", below.join("\n"));
}

/// The scorer on a draft it can work out by hand: the expected plan against itself is
/// perfect, and one wrong owner costs one right owner on both sides.
#[test]
fn scoring_counts_by_hand() {
    let doc = corpus().join("xa-phuoc-hiep.md");
    let expected = load(&expected_path(&doc));
    let s = score("self", &expected, &expected);
    for (f, t) in FIELDS.iter().zip(&s.tally) {
        assert_eq!(t.right, t.expected, "{f}");
        assert_eq!(t.found, t.expected, "{f}");
    }
    assert!(s.misses.is_empty(), "{:?}", s.misses);
    // 9 tasks, each with an owner; 1 support; 5 due dates; 4 recurring; 2 results.
    let f = |x: &str| s.tally[FIELDS.iter().position(|f| *f == x).unwrap()];
    assert_eq!(f("owner"), Tally { right: 9, found: 9, expected: 9 });
    assert_eq!(f("support"), Tally { right: 1, found: 1, expected: 1 });
    assert_eq!(f("due"), Tally { right: 5, found: 5, expected: 5 });
    assert_eq!(f("repeat"), Tally { right: 4, found: 4, expected: 4 });
    assert_eq!(f("result"), Tally { right: 2, found: 2, expected: 2 });
    assert_eq!(f("basis"), Tally { right: 2, found: 2, expected: 2 });

    // Task 1.a given to the wrong owner, a task with no owner left as found by import,
    // and an extra task with an owner: 7 right of 9 found (1.a wrong, the extra one),
    // of 9 expected (1.a wrong, 1.b missing). Section III's point made a task with an
    // owner counts neither way.
    let text = std::fs::read_to_string(expected_path(&doc)).unwrap();
    let text = text.replacen("owner = \"vptk\"\ndue = 2025-03-31", "owner = \"tpht\"\ndue = 2025-03-31", 1);
    let text = text.replacen("owner = \"vptk\"\nrepeat = \"quarterly\"", "repeat = \"quarterly\"", 1);
    let point = "Các công chức chuyên môn căn cứ nhiệm vụ được giao chủ động triển khai thực hiện Kế hoạch này";
    let text = format!(
        "{text}\n[[task]]\nid = \"9\"\nsection = \"III\"\ntitle = \"Một việc văn bản không có\"\nowner = \"vhxh\"\n\
         \n[[task]]\nid = \"III.1\"\nsection = \"III\"\ntitle = \"{point}\"\nowner = \"vptk\"\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), text).unwrap();
    let wrong = load(&dir.path().join("plan.toml"));
    let s = score("wrong", &expected, &wrong);
    let owner = s.tally[0];
    assert_eq!(owner, Tally { right: 7, found: 9, expected: 9 });
    assert_eq!(ratio(owner.precision()), "77.8%");
    assert_eq!(ratio(owner.recall()), "77.8%");
    assert_eq!(s.misses.len(), 3, "{:?}", s.misses);
}

/// The names an officer accepts as the same, and those they do not.
#[test]
fn names_compare_by_case_and_whitespace_only() {
    assert_eq!(name("Công chức Văn phòng -  Thống kê"), name("công chức văn phòng - thống kê"));
    assert_eq!(name("Văn phòng HĐND-UBND"), name("Văn phòng HĐND - UBND"));
    assert_ne!(name("UBND huyện Củ Chi"), name("Ủy ban nhân dân huyện Củ Chi"));
    assert_ne!(name("Các phòng chuyên môn"), name("Các phòng chuyên môn, đơn vị sự nghiệp"));
    assert_eq!(result("Bảo đảm tỷ lệ hồ sơ đúng hạn đạt 100%."), result("Tỷ lệ hồ sơ đúng hạn đạt 100%"));
    assert_ne!(result("Sở Y tế chủ trì nâng tỷ lệ hồ sơ đạt 80%"), result("Tỷ lệ hồ sơ đạt 80%"));
    assert!(placeholder("…") && placeholder("ĐIỀN TÊN / FILL IN") && !placeholder("Trần Văn Bình"));
}

/// The PDF LibreOffice made from one of the .docx documents gives the same draft.
#[test]
fn pdf_of_a_corpus_docx_gives_the_same_draft() {
    let pdf = corpus().join("so-y-te-quang-ngai.pdf");
    let docx = corpus().join("so-y-te-quang-ngai.docx");
    let from_docx = import(&docx);
    let from_pdf = import(&pdf);
    let s = score("pdf", &from_docx, &from_pdf);
    assert!(s.misses.is_empty(), "the PDF's draft differs from the .docx's:\n{}", s.misses.join("\n"));
    let ids = |p: &Plan| p.tasks.iter().map(|t| (t.id.clone(), t.title.clone())).collect::<Vec<_>>();
    assert_eq!(ids(&from_pdf), ids(&from_docx));
    let sections = |p: &Plan| p.sections.iter().map(|s| (s.id.clone(), s.title.clone())).collect::<Vec<_>>();
    assert_eq!(sections(&from_pdf), sections(&from_docx));
    assert_eq!(from_pdf.meta.number, from_docx.meta.number);
    assert_eq!(from_pdf.meta.date, from_docx.meta.date);
}
