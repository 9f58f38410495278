#![no_main]
//! An HTML page: charset decoding, then the project's default article extractor (the first of
//! `echotrace_extract::all_extractors()`), then the body rules.

#[path = "common.rs"]
mod common;

use echotrace_ingest::Ingestor;
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

fuzz_target!(|data: &[u8]| {
    static ING: OnceLock<Ingestor> = OnceLock::new();
    let ing = ING.get_or_init(|| {
        let default = echotrace_extract::all_extractors()
            .into_iter()
            .next()
            .expect("an extractor");
        Ingestor::builder().extractor(Arc::from(default)).build()
    });
    let docs = common::ingest(ing, data, "html");
    common::round_trip(ing, &docs);
});
