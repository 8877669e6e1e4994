//! Dates, periods and repeat keywords as users and plan files write them, with
//! structured checks: whatever parses prints back to the same value.
#![no_main]

use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use par::dates::{parse_date, parse_user_date, short};
use par::period::Period;
use par::plan::Repeat;

fuzz_target!(|data: &[u8]| {
    // First 4 bytes pick "today" (anywhere chrono can represent) and the plan year.
    if data.len() < 4 {
        return;
    }
    let seed = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let today = NaiveDate::from_num_days_from_ce_opt(seed).unwrap_or(NaiveDate::MIN);
    // Plan years are checked to lie in 1900–2200 before any period is parsed with one.
    let year = 1900 + (seed.rem_euclid(301));
    let Ok(s) = std::str::from_utf8(&data[4..]) else { return };

    if let Some(d) = parse_date(s) {
        // ISO and dd/mm/yyyy forms of the same day parse back to it.
        assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string()), Some(d), "{s:?}");
        if (1000..=9999).contains(&d.year()) {
            assert_eq!(parse_date(&short(d)), Some(d), "{s:?}");
        }
    }
    match parse_user_date(s, today) {
        Ok(d) => {
            let relative = [today.pred_opt(), Some(today), today.succ_opt()].contains(&Some(d));
            assert!(relative || parse_date(s) == Some(d), "{s:?} gave {d} on {today}");
        }
        Err(e) => assert!(!e.is_empty()),
    }

    for default in [None, Some(year)] {
        if let Ok(p) = Period::parse(s, default) {
            let printed = p.to_string();
            assert_eq!(Period::parse(&printed, None), Ok(p), "{s:?} → {printed}");
            assert!(p.start() <= p.end(), "{p}");
            assert!(p.contains(p.start()) && p.contains(p.end()), "{p}");
            assert_eq!(Period::containing(p.every(), p.start()), p);
            assert_eq!(p.next().prev(), p);
            assert_eq!(p.prev().next(), p);
            let _ = (p.label(par::i18n::Lang::Vi), p.label(par::i18n::Lang::En));
            assert!(p.day_of_last_month(31) <= p.end() && p.day_of_last_month(1) >= p.start());
        }
    }

    if let Some(r) = Repeat::parse(s) {
        assert_eq!(Repeat::parse(r.keyword()), Some(r));
        assert_eq!(Repeat::parse(r.label(par::i18n::Lang::Vi)), Some(r));
        assert_eq!(Repeat::parse(r.label(par::i18n::Lang::En)), Some(r));
    }

    // Search folding is stable, and cleaned text is safe to print.
    let f = par::text::fold(s);
    assert_eq!(par::text::fold(&f), f, "fold is not idempotent on {s:?}");
    let cleaned = par::text::clean(s);
    assert!(!cleaned.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{s:?}");
    let _ = par::i18n::Lang::parse(s);
});
