#![no_main]
//! `.txt` reading and the byline/boilerplate rules, which every format's text goes through.

#[path = "common.rs"]
mod common;

use echotrace_ingest::body::layout;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ING: OnceLock<echotrace_ingest::Ingestor> = OnceLock::new();
    let ing = ING.get_or_init(common::with_tag_text);
    if let Ok(text) = std::str::from_utf8(data) {
        for known in [None, Some("sputniknews.com"), Some("Sputnik")] {
            let l = layout(text, known);
            assert!(text.get(l.body.start..l.body.end).is_some());
            if let Some(b) = &l.byline {
                assert!(text.get(b.span.start..b.span.end).is_some());
                assert!(b.span.end <= l.body.start || l.body.is_empty());
            }
        }
    }
    let docs = common::ingest(ing, data, "txt");
    common::round_trip(ing, &docs);
});
