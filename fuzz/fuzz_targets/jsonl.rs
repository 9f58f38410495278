#![no_main]
//! JSONL lines: field handling, dates, `body` spans, and the export round trip.

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ING: OnceLock<echotrace_ingest::Ingestor> = OnceLock::new();
    let ing = ING.get_or_init(common::with_tag_text);
    let docs = common::ingest(ing, data, "jsonl");
    common::round_trip(ing, &docs);
});
