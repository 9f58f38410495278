#![no_main]
//! RSS / Atom: the XML state machine, entity handling, HTML fragments to text.

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ING: OnceLock<echotrace_ingest::Ingestor> = OnceLock::new();
    let ing = ING.get_or_init(common::with_tag_text);
    let docs = common::ingest(ing, data, "feed");
    common::round_trip(ing, &docs);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = echotrace_ingest::html_to_text(s);
    }
});
