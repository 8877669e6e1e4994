//! Owners: who is named as chairing or supporting a task, and their ids.

use std::ops::Range;

use crate::import::scan::{Folded, fold_char, is_word, trim_clause};
use par_core::text::fold;

/// Words that name a body or a role at the start of an owner's name.
const ORG_WORDS: &[&str] = &[
    "phong",
    "van phong",
    "ban",
    "bo phan",
    "to",
    "cong doan",
    "doan",
    "chi doan",
    "hoi",
    "truong",
    "uy ban",
    "ubnd",
    "hdnd",
    "cong an",
    "trung tam",
    "tram",
    "hieu truong",
    "pho hieu truong",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "thu truong",
    "bi thu",
    "chi bo",
    "dang uy",
    "cong chuc",
    "can bo",
    "giao vien",
    "nhan vien",
    "ke toan",
    "van thu",
    "thu quy",
    "y te",
    "lien doi",
    "tong phu trach",
    "nha truong",
    "mat tran",
    "doi",
    "so",
    "cb",
    "cbcc",
    "cbccvc",
    "gv",
    "thanh vien",
    "khoi",
    "quan",
    "phuong",
    "xa",
    "bch",
    "vien chuc",
    "nguoi dung dau",
    "thu ky",
    "chuyen vien",
    "lanh dao",
    "ban giam hieu",
    "bgh",
    "bo",
    "ubmttq",
    "ban chi huy",
    "quan su",
];

/// Phrases that start like a body's name but are not one ("Tổ chức hội nghị", "Ban hành").
const NOT_ORG: &[&str] = &[
    "to chuc",
    "ban hanh",
    "hoi nghi",
    "hoi thao",
    "hoi thi",
    "phong chong",
    "phong ngua",
    "doi ngu",
    "truong hop",
    "xa hoi",
    "bo chi so",
    "doan ket",
    "so luong",
    "so sanh",
    "quan ly",
    "quan tam",
    "phuong an",
    "phuong cham",
    "phuong thuc",
    "phuong phap",
    "phuong tien",
    "phuong huong",
    "to giac",
    "ban than",
    "so ket",
    "hoi dap",
];

/// Whether a phrase can be an owner's name: it starts with a body or role word (after "các",
/// "toàn thể") or is an acronym like "CB-GV-NV", and is short.
pub(super) fn is_owner_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if words == 0 || words > 12 || s.chars().any(|c| matches!(c, ';' | ':')) {
        return false;
    }
    if is_staff_acronym(s.split_whitespace().next().unwrap_or("")) {
        return true;
    }
    let f = fold(s);
    let f =
        f.strip_prefix("cac ").or_else(|| f.strip_prefix("toan the ")).or_else(|| f.strip_prefix("moi ")).unwrap_or(&f);
    let leads =
        |w: &str, seps: &[char]| f.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(seps));
    if NOT_ORG.iter().chain(VERBS).any(|w| leads(w, &[' '])) {
        return false;
    }
    ORG_WORDS.iter().any(|w| leads(w, &[' ', '-']))
}

/// "CB-GV-NV", "CB, GV, NV", "CBCCVC": the staff as a whole.
fn is_staff_acronym(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', ',']).filter(|p| !p.is_empty()).collect();
    const STAFF: &[&str] = &["CB", "GV", "NV", "CC", "VC", "CBCC", "CBCCVC", "CBGVNV", "CBVC", "NLĐ", "HS"];
    (parts.len() >= 2 && parts.iter().all(|p| STAFF.contains(p))) || ["CBCCVC", "CBGVNV", "CBCC", "CBVC"].contains(&w)
}

/// Verbs that end an owner's name ("giao Phòng Nội vụ thực hiện").
const VERBS: &[&str] = &[
    "chu tri",
    "thuc hien",
    "tham muu",
    "trien khai",
    "theo doi",
    "phu trach",
    "xay dung",
    "to chuc",
    "ra soat",
    "kiem tra",
    "bao cao",
    "cap nhat",
    "phoi hop",
    "chiu trach nhiem",
    "lam dau moi",
    "la dau moi",
    "huong dan",
    "don doc",
    "tong hop",
    "chu dong",
    "co trach nhiem",
    "nghien cuu",
    "tiep nhan",
    "quan ly",
    "dang tai",
    "chi dao",
    "nghiem tuc",
    "khan truong",
    "tiep tuc",
    "dam bao",
    "bao dam",
    "giai quyet",
    "xu ly",
    "cung cap",
    "gui",
    "tuyen truyen",
    "niem yet",
    "duy tri",
    "danh gia",
    "lap",
    "soan thao",
    "can cu",
];

/// Where an owner's name that starts at `start` ends.
pub(super) fn name_end(f: &Folded, start: usize) -> usize {
    let mut e = start;
    while e < f.len() {
        let c = f.orig[e];
        if matches!(c, ',' | ';' | ':' | '(') || (c == '.' && f.boundary_after(e + 1)) {
            break;
        }
        if e > start && f.boundary_before(e) && is_word(f.fold[e]) {
            if VERBS.iter().any(|v| f.word_at(e, v)) {
                break;
            }
            // "A và B": go on when B is a name too ("Sở Khoa học và Công nghệ", "… và các tổ").
            if f.exact(e, "và") {
                let nx = f.skip_ws(e + 2);
                let mut stop = nx;
                while stop < f.len() && !matches!(f.orig[stop], ',' | ';' | ':' | '.' | '(') {
                    stop += 1;
                }
                let upper = f.orig.get(nx).is_some_and(|c| c.is_uppercase());
                if !upper && !is_owner_name(&f.text(nx..stop)) {
                    break;
                }
            }
            if f.exact(e, "trong") || f.exact(e, "về") || f.exact(e, "để") || f.exact(e, "nhằm") || f.exact(e, "theo")
            {
                break;
            }
        }
        e += 1;
    }
    e
}

/// The owner's name that ends at `end` ("… do Phòng Nội vụ| chủ trì"): the longest run of
/// words before it, within its clause, that reads as a name.
fn owner_before(f: &Folded, end: usize) -> Option<(usize, String)> {
    let mut s = end;
    while s > 0 && !matches!(f.orig[s - 1], ',' | ';' | ':' | '(' | '.' | '\n') {
        s -= 1;
    }
    let starts: Vec<usize> = (s..end).filter(|&i| is_word(f.fold[i]) && f.boundary_before(i)).collect();
    starts.into_iter().find_map(|i| {
        let lead_ok = f.orig[i].is_uppercase() || f.word_at(i, "cac") || f.word_at(i, "toan the");
        if !lead_ok {
            return None;
        }
        let name = trim_clause(&f.text(i..end));
        is_owner_name(&name).then_some((i, name))
    })
}

#[derive(Default)]
pub(super) struct FoundOwners {
    /// The primary owner, and whether the text says so plainly ("chủ trì", "giao").
    pub(super) owner: Option<(String, bool)>,
    pub(super) support: Vec<String>,
    /// A "Phòng Nội vụ:" prefix ends here (character index), to leave out of the title.
    pub(super) prefix_end: Option<usize>,
}

/// Owners named in a task's text.
pub(super) fn owners_in(f: &Folded, skip: &[Range<usize>]) -> FoundOwners {
    let mut found = FoundOwners::default();
    let free = |i: usize| !skip.iter().any(|r| r.contains(&i));
    let first_line = f.orig.iter().position(|&c| c == '\n').unwrap_or(f.len());

    // "Phòng Nội vụ: …" — the owner as the item's lead.
    if let Some(colon) = (0..first_line.min(90)).find(|&i| f.orig[i] == ':') {
        let lead = f.text(0..colon);
        if is_owner_name(&lead) && !fold(&lead).starts_with("chu tri") && !fold(&lead).starts_with("phoi hop") {
            found.owner = Some((lead, true));
            found.prefix_end = Some(colon + 1);
        }
    }
    // "… chủ trì", "chủ trì: …", "giao … thực hiện", "… là đầu mối", "… phụ trách".
    // When the item opens with its owner ("Phòng Nội vụ chủ trì, phối hợp …", "Giao Công an
    // phường …"), `lead` is where that opening ends, to leave it out of the title.
    let text_start = f.skip_ws(0);
    let opens_with = |s: usize| {
        s == text_start || (f.word_at(text_start, "giao") && f.skip_ws(text_start + 4) == s) || {
            let after = f.skip_ws(text_start + 4);
            f.word_at(text_start, "giao") && f.word_at(after, "cho") && f.skip_ws(after + 3) == s
        }
    };
    let mut lead: Option<usize> = None;
    let mut i = 0;
    while found.owner.is_none() && i < f.len() {
        let Some(k) = ["chu tri", "phu trach", "dau moi"].iter().filter_map(|w| f.find_word(w, i)).min() else { break };
        let wlen = if f.word_at(k, "phu trach") { 9 } else { 7 };
        if free(k) {
            let after = f.skip_ws(k + wlen);
            if f.orig.get(after) == Some(&':') {
                let s = f.skip_ws(after + 1);
                let name = trim_clause(&f.text(s..name_end(f, s)));
                if is_owner_name(&name) {
                    found.owner = Some((name, k < first_line));
                }
            } else {
                let mut end = k;
                for w in ["la", "lam"] {
                    if let Some(p) = f.rfind_word(w, k).filter(|&p| f.skip_ws(p + w.len()) == k) {
                        end = p;
                    }
                }
                if let Some((start, name)) = owner_before(f, end) {
                    if opens_with(start) {
                        lead = Some(k + wlen);
                    }
                    found.owner = Some((name, k < first_line));
                }
            }
        }
        i = k + wlen;
    }
    let mut i = 0;
    while found.owner.is_none() && i < f.len() {
        let Some(k) = f.find_word("giao", i) else { break };
        let s = f.skip_ws(k + 4);
        let s = if f.word_at(s, "cho") { f.skip_ws(s + 3) } else { s };
        if free(k) {
            let e = name_end(f, s);
            let name = trim_clause(&f.text(s..e));
            if is_owner_name(&name) && name.chars().next().is_some_and(|c| c.is_uppercase()) {
                if k == text_start {
                    lead = Some(e);
                }
                found.owner = Some((name, k < first_line));
            }
        }
        i = k + 4;
    }
    // "phối hợp (với) A, B và C"
    let skip_marks = |mut p: usize| {
        while p < f.len() && (f.orig[p].is_whitespace() || f.orig[p] == ',') {
            p += 1;
        }
        p
    };
    let mut i = 0;
    while let Some(k) = f.find_word("phoi hop", i) {
        let follows_lead = lead.is_some_and(|l| skip_marks(l) == k);
        let mut s = f.skip_ws(k + 8);
        if f.orig.get(s) == Some(&':') {
            s = f.skip_ws(s + 1);
        }
        if f.word_at(s, "voi") {
            s = f.skip_ws(s + 3);
        }
        if free(k) && !f.word_at(s, "giua") {
            let mut p = s;
            loop {
                let e = name_end(f, p);
                let name = trim_clause(&f.text(p..e));
                if !is_owner_name(&name)
                    || !name.chars().next().is_some_and(char::is_uppercase) && !fold(&name).starts_with("cac ")
                {
                    break;
                }
                // "A và B": split at "và".
                for part in name.split(" và ") {
                    let part = trim_clause(part);
                    if is_owner_name(&part) && !found.support.contains(&part) {
                        found.support.push(part);
                    }
                }
                if follows_lead {
                    lead = Some(e);
                }
                if f.orig.get(e) == Some(&',') {
                    p = f.skip_ws(e + 1);
                } else {
                    break;
                }
            }
        }
        i = k + 8;
    }
    if let Some(l) = lead {
        let start = skip_marks(l);
        if start < first_line && f.orig[start].is_lowercase() {
            found.prefix_end = Some(start);
        }
    }
    // The staff as a whole ("CB-GV-NV") named in the task: an owner, not said plainly.
    if found.owner.is_none() {
        for s in f.word_starts().filter(|&s| free(s)) {
            let mut e = s;
            while e < f.len() && (is_word(f.orig[e]) || f.orig[e] == '-') {
                e += 1;
            }
            let w: String = f.orig[s..e].iter().collect();
            if is_staff_acronym(w.trim_end_matches('-')) {
                found.owner = Some((w.trim_end_matches('-').to_string(), false));
                break;
            }
        }
    }
    found
}

/// A short id from a name: "Phòng Nội vụ" → "pnv", "Văn phòng HĐND-UBND" → "vp-hdnd-ubnd",
/// "CB-GV-NV" → "cb-gv-nv".
pub(super) fn owner_id(name: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut initials = String::new();
    for word in name.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if w.is_empty() || w == "-" {
            continue;
        }
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        if caps >= 2 || w.chars().any(|c| c.is_ascii_digit()) {
            if !initials.is_empty() {
                parts.push(std::mem::take(&mut initials));
            }
            parts.push(fold(w));
        } else if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            initials.push(fold_char(c));
        }
    }
    if !initials.is_empty() {
        parts.push(initials);
    }
    let id: String = parts.join("-").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(16).collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() { "dv".to_string() } else { id }
}
