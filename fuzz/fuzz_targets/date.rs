#![no_main]
//! `Published::parse` and what ingest does with its result: every parsed date prints at its
//! precision and reads back as the same interval (through `date_precision` for hours, which
//! print as minutes).

use echotrace_core::{DatePrecision, Published};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Some(p) = Published::parse(s) else {
        return;
    };
    assert!(p.earliest() < p.latest());
    let _ = p.order(&p);
    let _ = p.sort_key();
    let shown = p.to_string();
    let back = Published::parse(&shown)
        .unwrap_or_else(|| panic!("{s:?} printed as {shown:?}, unreadable"));
    let back = if p.precision() == DatePrecision::Hour {
        Published::new(back.earliest(), DatePrecision::Hour)
    } else {
        back
    };
    assert_eq!(back, p, "{s:?} printed as {shown:?}");
});
