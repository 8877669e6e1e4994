//! The reader against `toml`: whatever the reader takes, it must give what `toml` gives,
//! spans included.

use super::*;

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Tasks {
    #[allow(dead_code)]
    task: Vec<Spanned<RawTask>>,
}

/// What `toml` makes of `piece` (at `base`), as the reader would give it.
fn by_toml(piece: &str, base: usize) -> Option<String> {
    let padded = format!("{}{piece}", " ".repeat(base));
    toml::from_str::<Tasks>(&padded).ok().map(|t| format!("{:?}", t.task))
}

/// The reader takes `piece` and gives exactly what `toml` gives, spans included.
#[track_caller]
fn reads(piece: &str) {
    for base in [0, 7] {
        let got = read_tasks(piece, base).map(|t| format!("{t:?}"));
        assert!(got.is_some(), "the reader should take:\n{piece}");
        assert_eq!(got, by_toml(piece, base), "\n{piece}");
    }
}

/// The reader leaves `piece` to `toml` (whatever `toml` then makes of it).
#[track_caller]
fn leaves(piece: &str) {
    assert!(read_tasks(piece, 0).is_none(), "the reader should leave:\n{piece}");
}

const HEAD: &str = "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"Việc\"\n";

#[test]
fn reads_what_plans_hold() {
    reads(HEAD);
    reads(&format!(
        "{HEAD}owner = \"ht\"\nsupport = [\"vt\", 'kt']\ncriteria = []\nrepeat = \"quarterly\"\ndue_day = 20\n"
    ));
    reads(&format!("{HEAD}start = \"1/3/2025\"\ndue = 2025-05-30\nend = 2025-12-31 # cuối năm\n"));
    reads(&format!("{HEAD}detail = '''\nDòng một\nDòng hai'''\nresult = \"\"\"\nKết quả \\\n   nối dòng\"\"\"\n"));
    reads(&format!(
        "{HEAD}\n[[task.done]]\nperiod = \"2025-Q1\"\ndate = 2025-03-20\nnote = \"xong\"\nevidence = [\n  \"BB 1\", # một\n  \"BB 2\",\n]\nby = \"Văn thư\"\nat = 2025-03-20T08:15:00+07:00\n"
    ));
    reads(&format!(
        "{HEAD}[[task.log]]\ndate = 2025-04-01\ntext = \"ghi\"\nperiod = \"Q2\"\nat = 2025-04-01T10:00:00Z\n"
    ));
    reads(&format!(
        "{HEAD}[[task.ref]]\nkind = \"Công văn\"\nnumber = \"12/UBND\"\ndate = 2025-01-02\nissuer = \"UBND\"\nsubject = \"s\"\n"
    ));
    reads(&format!(
        "{HEAD}[task.indicator]\nname = \"Tỷ lệ\"\nunit = \"%\"\ntarget = 100\ndirection = \"at-most\"\n[[task.measure]]\nvalue = 87.5\ndate = 2025-06-30\n[[task.measure]]\nvalue = -3\ndate = \"30/9/2025\"\nnote = \"n\"\nby = \"b\"\n"
    ));
    // Sub-tables in any order, a second task, comments, indentation, CRLF, blanks.
    reads(&format!(
        "{HEAD}[[task.done]]\ndate = 2025-01-01\n  [task.indicator] # chỉ số\n  name = \"x\"\n  target = 1.5\n\n[[task.log]]\r\ndate = 2025-01-02\r\ntext = \"t\"\r\n\n# ghi chú\n\t[[task]]\t\nid=\"2\"\nsection='II'\ntitle = \"b\" # c\n"
    ));
    // Escapes, quotes at the end of multi-line strings, empty strings.
    reads(&format!(
        "{HEAD}detail = \"tab\\t \\\"q\\\" \\\\ \\u00e9 \\U0001F600 \\b\\f\\r\\n\"\nresult = \"\"\"a\"\"\"\"\"\nowner = ''\n"
    ));
    reads(&format!("{HEAD}result = '''x'''''\nrepeat = \"\"\"\"\"\"\n"));
    // A date-time where a date is expected: toml's value, which validation reports.
    reads(&format!("{HEAD}due = 2025-05-30T10:00:00\n"));
    reads(&format!("{HEAD}due_day = -0\n[task.indicator]\nname = \"x\"\ntarget = -0.0\n"));
    // History keys: the day the task was added, a cancellation as a sub-table.
    reads(&format!("{HEAD}added = 2025-08-05\n[task.cancelled]\ndate = 2025-09-01\nreason = \"không còn phù hợp\"\n"));
}

#[test]
fn leaves_what_it_does_not_read_exactly_as_toml() {
    // TOML it does not take: quoted or dotted keys, inline tables, numbers with
    // signs, underscores or exponents, TOML 1.1 escapes, date-times with a space,
    // carriage returns inside multi-line strings, other headers.
    for extra in [
        "\"owner\" = \"ht\"\n",
        "indicator.name = \"x\"\n",
        "indicator = { name = \"x\", target = 1 }\n",
        "done = []\n",
        "due_day = +20\n",
        "due_day = 1_0\n",
        "due_day = 0x10\n",
        "due_day = 020\n",
        "[task.indicator]\nname = \"x\"\ntarget = 1e2\n",
        "detail = \"\\e\"\n",
        "detail = \"\\x41\"\n",
        "due = 2025-05-30 10:00:00\n",
        "detail = '''a\r\nb'''\n",
        "[task.extra]\n",
        "[[task.done ]]\ndate = 2025-01-01\n",
        "[ [task.done]]\ndate = 2025-01-01\n",
    ] {
        leaves(&format!("{HEAD}{extra}"));
    }
}

#[test]
fn leaves_every_error_to_toml() {
    for extra in [
        // Unknown, repeated and missing keys; wrong types.
        "titel = \"x\"\n",
        "title = \"again\"\n",
        "owner = 5\n",
        "support = [\"a\", 1]\n",
        "due_day = 2.5\n",
        "due_day = 99999999999999999999\n",
        "due = true\n",
        "due = 2025-02-30\n",
        "[[task.done]]\nnote = \"no date\"\n",
        "[task.indicator]\nname = \"x\"\n",
        "[task.indicator]\nname = \"x\"\ntarget = 1\n[task.indicator]\n",
        // Bad strings, comments and line ends.
        "detail = \"open\n",
        "detail = \"bad \\q escape\"\n",
        "detail = \"\\uD800\"\n",
        "detail = \"a\u{1}b\"\n",
        "detail = 'a\u{7f}'\n",
        "# comment \u{0}\n",
        "detail = \"x\" y\n",
        "detail = \"x\"\rowner = \"y\"\n",
        "owner =\n\"x\"\n",
        "support = [\"a\" \"b\"]\n",
        "support = [\"a\",,]\n",
        "detail = '''never closed\n",
    ] {
        let piece = format!("{HEAD}{extra}");
        leaves(&piece);
    }
    // No task header first, or nothing at all.
    leaves("id = \"1\"\n");
    leaves("");
    leaves("[[task.done]]\ndate = 2025-01-01\n");
    leaves("[[task]]\nid = \"1\"\n");
}

#[test]
fn a_time_or_number_right_after_a_date_is_left() {
    for extra in ["due = 2025-05-30x\n", "due = 2025-05-30 1\n", "due_day = 20-1\n", "due_day = 1.5.5\n"] {
        leaves(&format!("{HEAD}{extra}"));
    }
    // A space, then a comment or the end of the line, is not a time.
    reads(&format!("{HEAD}due = 2025-05-30 \n"));
    reads(&format!("{HEAD}due = 2025-05-30 # hạn\n"));
}

/// Tables with the keys that may follow their header (each line valid there once).
const TABLES: &[(&str, &[&str])] = &[
    (
        "[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"t\"\n",
        &[
            "detail = '''\n[[task]]\nid = \"fake\"'''\n",
            "result = \"\"\"a \\\n  b\"\"\"\"\n",
            "owner = \"Việc \\\"một\\\" \\u1EBF\"\n",
            "support = [\"a\",\n 'b', # c\n]\n",
            "criteria = [ ]\n",
            "due = 2025-05-30\n",
            "start = \"30/5/2025\"\n",
            "end = 2025-05-30T08:00:00+07:00\n",
            "repeat = \"quarterly\"\n",
            "due_day = 20\n",
        ],
    ),
    (
        "[[task.done]]\ndate = 2025-03-01\n",
        &["period = \"Q1\"\n", "note = ''\n", "evidence = [\"e\"]\n", "by = \"b\"\n", "at = 2025-03-01T10:00:00Z\n"],
    ),
    (
        "  [[task.log]] # c\ndate = \"1/3/2025\"\ntext = \"\"\"\nghi\"\"\"\n",
        &["period = 'Q1'\n", "evidence = []\n", "by = \"b\"\n", "at = 2025-03-01T10:00:00\n"],
    ),
    (
        "[[task.ref]]\r\nkind = \"Công văn\"\r\n",
        &["number = \"1/KH\"\n", "date = 2025-01-02\n", "issuer = \"i\"\n", "subject = \"s\"\n"],
    ),
    ("[[task.measure]]\nvalue = 3\ndate = 2025-03-01\n", &["period = \"Q1\"\n", "note = \"n\"\n", "by = \"b\"\n"]),
    ("[task.indicator]\nname = \"Tỷ lệ\"\ntarget = 99.5\n", &["unit = \"%\"\n", "direction = \"at-least\"\n"]),
];

/// Lines TOML reads otherwise than the reader would, or not at all.
const ODD: &[&str] = &[
    "# ghi chú\n",
    "\n",
    "\r\n",
    "[task.other]\n",
    "start = 2025-02-29\n",
    "end = 2025-05-30 08:00:00\n",
    "due_day = 1_0\n",
    "due_day = 20.5\n",
    "value = 1e3\n",
    "x = 1\n",
    "a.b = 1\n",
    "\"id\" = \"q\"\n",
    "title = \"open\n",
    "title = 'x\u{1}'\n",
];

/// A piece from a list of numbers: each starts a table, adds a key valid there, or
/// adds an odd line.
fn stitch(picks: &[usize]) -> String {
    let mut out = String::from(TABLES[0].0);
    let mut keys = TABLES[0].1;
    for &p in picks {
        match p % 10 {
            0 | 1 => {
                let (head, k) = TABLES[(p / 10) % TABLES.len()];
                out.push_str(head);
                keys = k;
            }
            2 => out.push_str(ODD[(p / 10) % ODD.len()]),
            _ => out.push_str(keys[(p / 10) % keys.len()]),
        }
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// Whenever the reader takes a stitched piece, `toml` gives the same.
    #[test]
    fn never_disagrees_with_toml(picks in proptest::collection::vec(0usize..1000, 0..30)) {
        let piece = stitch(&picks);
        if let Some(got) = read_tasks(&piece, 3) {
            proptest::prop_assert_eq!(Some(format!("{got:?}")), by_toml(&piece, 3), "{}", piece);
        }
    }
}

/// The stitched pieces are not all left to `toml`: enough are read for the property
/// above to mean something (a fixed sample, so the count is the same every run).
#[test]
fn the_stitched_pieces_are_often_read() {
    let (mut read, total) = (0, 2000);
    let mut x: u64 = 2025;
    for _ in 0..total {
        let picks: Vec<usize> = (0..8)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) as usize % 1000
            })
            .collect();
        let piece = stitch(&picks);
        if let Some(got) = read_tasks(&piece, 0) {
            read += 1;
            assert_eq!(Some(format!("{got:?}")), by_toml(&piece, 0), "{piece}");
        }
    }
    assert!(read * 10 > total, "only {read} of {total} read");
}
