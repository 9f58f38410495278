#![no_main]
//! WARC records, HTTP responses in them, chunked and gzip payloads. Raw bytes, so gzip-framed
//! inputs (multi-member `.warc.gz`) are reached too.

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ING: OnceLock<echotrace_ingest::Ingestor> = OnceLock::new();
    let ing = ING.get_or_init(common::with_tag_text);
    let docs = common::ingest(ing, data, "warc");
    common::round_trip(ing, &docs);
});
