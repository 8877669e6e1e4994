//! Reports recorded as sent (`[[report.sent]]`): which period a bare `par report`
//! writes, the next number of the register, the placeholders that keep a report from
//! being final, and the SHA-256 that pins a sent copy.

use chrono::NaiveDate;

use super::report::{Report, default_period};
use crate::calendar;
use crate::messages::Msg;
use crate::period::Period;
use crate::plan::Plan;

/// Whether `period`'s report is recorded as sent (on or before the plan's day, see
/// [`Plan::as_of`]).
pub fn is_sent(plan: &Plan, period: Period) -> bool {
    plan.sent(period).is_some()
}

/// The period a bare `par report` writes on `today`: the latest period whose window has
/// closed ([`default_period`]) unless its report is recorded as sent; then the periods
/// after it, in the calendar's order, up to the first not sent (the current one at the
/// latest). Never past the plan's year.
pub fn period_to_write(plan: &Plan, today: NaiveDate) -> Period {
    let mut period = default_period(plan, today);
    while is_sent(plan, period) {
        let next = calendar::following(plan.report.calendar, period);
        if next.year() != plan.meta.year || calendar::window(plan.report.calendar, next, plan.report.due_day).is_err() {
            break;
        }
        period = next;
    }
    period
}

/// The number of the next report of the register: one more than the largest recorded
/// (`[[report.sent]] number`, its leading digits), in the form of `template` (`[report]
/// number`, e.g. "…/BC-NBK"): "01/BC-NBK" (numbers below 10 get a leading zero).
pub fn next_number(plan: &Plan, template: &str) -> String {
    let last = plan
        .report
        .sent
        .iter()
        .filter_map(|s| {
            let digits: String = s.number.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u64>().ok()
        })
        .max()
        .unwrap_or(0);
    let n = format!("{:02}", last + 1);
    match template.split_once('/') {
        Some((_, symbol)) => format!("{n}/{symbol}"),
        None => n,
    }
}

/// A heading or signature field still holding a blank ("…") to fill in: what it is, in
/// both languages, and the text. (The officer's unwritten notes are the other kind of
/// gap: [`Report::placeholders`].)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    pub what: Msg,
    pub text: String,
}

/// The mark of a blank to fill ("…", or "..." typed).
fn is_blank(text: &str) -> bool {
    text.contains('…') || text.contains("...")
}

impl Report {
    /// The heading and signature fields still holding a "…": `par report --final`
    /// refuses to record a report that has any, or any unwritten note.
    pub fn blanks(&self) -> Vec<Blank> {
        let mut out = Vec::new();
        let mut check = |what: Msg, text: Option<&str>| {
            if let Some(t) = text.filter(|t| is_blank(t)) {
                out.push(Blank { what, text: t.to_string() });
            }
        };
        let h = &self.header;
        check(Msg::ValueBlankNumber, Some(&h.number));
        check(Msg::ValueBlankSuperior, h.superior.as_deref());
        check(Msg::ValueBlankUnit, Some(&h.unit));
        check(Msg::ValueBlankPlace, h.place.as_deref());
        check(Msg::ValueBlankAddressee, h.to.as_deref());
        for r in &self.recipients {
            check(Msg::ValueBlankRecipients, Some(r));
        }
        if let Some(s) = &self.signer {
            check(Msg::ValueBlankSigner, Some(&s.name));
            check(Msg::ValueBlankSignerPosition, s.position.as_deref());
        }
        out
    }
}

/// SHA-256 of `bytes`, in lower-case hexadecimal (FIPS 180-4). Small and exact; the
/// copies it pins are a few hundred kilobytes at most.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    let mut data = bytes.to_vec();
    let bits = (bytes.len() as u64).wrapping_mul(8);
    data.push(0x80);
    while data.len() % 64 != 56 {
        data.push(0);
    }
    data.extend_from_slice(&bits.to_be_bytes());
    for block in data.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::plan::load::parse;
    use std::path::Path;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn sha256_known_answers() {
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(sha256_hex(&vec![b'a'; 1_000]), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    }

    fn plan(sent: &str) -> Plan {
        let text = format!(
            "[plan]\nunit = \"U\"\nunit_short = \"U\"\ntitle = \"T\"\nyear = 2025\n[report]\n{sent}[[section]]\nid = \"II\"\ntitle = \"S\"\n[[task]]\nid = \"1\"\nsection = \"II\"\ntitle = \"a\"\ndue = 2025-12-01\n"
        );
        parse(Path::new("t.toml"), &text).unwrap_or_else(|e| panic!("{e}"))
    }

    const SENT_Q3: &str = "[[report.sent]]\nperiod = \"2025-Q3\"\nnumber = \"07/BC-U\"\ndate = 2025-10-10\nfile = \"reports/q3.docx\"\nsha256 = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n";

    #[test]
    fn a_sent_period_is_stepped_over() {
        let unsent = plan("");
        assert!(!is_sent(&unsent, Period::Quarter(2025, 3)));
        assert_eq!(next_number(&unsent, "…/BC-U"), "01/BC-U");
        let sent = plan(SENT_Q3);
        assert!(is_sent(&sent, Period::Quarter(2025, 3)));
        assert_eq!(next_number(&sent, "…/BC-U"), "08/BC-U");
        // The skip rests on whatever default_period gives on 10/10: never a sent period.
        let day = d(2025, 10, 10);
        let base = default_period(&sent, day);
        let chosen = period_to_write(&sent, day);
        assert!(!is_sent(&sent, chosen) || chosen == Period::Quarter(2025, 4));
        if base == Period::Quarter(2025, 3) {
            assert_eq!(chosen, Period::Quarter(2025, 4));
        }
        assert_eq!(period_to_write(&unsent, day), base);
    }

    #[test]
    fn the_number_blank_is_a_placeholder() {
        let p = plan("");
        let mut r = super::super::report::build(&p, Some(Period::Quarter(2025, 3)), d(2025, 10, 10), Lang::Vi).unwrap();
        assert_eq!(r.blanks(), [Blank { what: Msg::ValueBlankNumber, text: "…/BC-U".into() }]);
        r.header.number = next_number(&p, &r.header.number);
        assert!(r.blanks().is_empty());
    }
}
