#![no_main]
//! Quote extraction over any text: no panic, and every span it returns is one the rest of the
//! pipeline can use as is (inside the text, on character boundaries, content pieces in order
//! and apart, verbatim pieces inside the content), the same on a second run, and inside the
//! range asked for.

use echotrace_quotes::{ByteSpan, Extraction, QuoteExtractor};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn check(text: &str, range: ByteSpan, out: &Extraction) {
    let ok = |s: &ByteSpan| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in &out.quotes {
        assert!(!q.content.is_empty(), "a quote without content in {text:?}");
        for s in q.content.iter().chain(&q.quoted).chain(&q.cue).chain(&q.source) {
            assert!(ok(s), "bad span {s:?} in {text:?}");
            assert!(
                s.start >= range.start && s.end <= range.end.max(range.start),
                "span {s:?} outside {range:?} in {text:?}"
            );
        }
        for w in q.content.windows(2) {
            assert!(w[0].end <= w[1].start, "content pieces {w:?} out of order in {text:?}");
        }
        for v in &q.quoted {
            assert!(
                q.content.iter().any(|c| c.start <= v.start && v.end <= c.end),
                "verbatim piece {v:?} outside the content {:?} in {text:?}",
                q.content
            );
        }
        assert!(q.speaker.as_deref() != Some(""), "an empty speaker in {text:?}");
    }
    for e in &out.entities.entities {
        assert!(e.mentions.iter().all(ok), "bad mention of {:?} in {text:?}", e.name);
    }
}

fuzz_target!(|data: &[u8]| {
    static EXTRACTOR: OnceLock<QuoteExtractor> = OnceLock::new();
    let x = EXTRACTOR.get_or_init(QuoteExtractor::new);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let whole = ByteSpan::new(0, text.len());
    let out = x.extract(text);
    check(text, whole, &out);
    assert_eq!(out, x.extract(text), "two runs differ on {text:?}");
    // A range from the input's own bytes, on character boundaries or not.
    let a = data.first().map_or(0, |&b| usize::from(b) * text.len() / 256);
    let b = data.last().map_or(0, |&b| usize::from(b) * text.len() / 255);
    let (a, b) = (a.min(b), a.max(b));
    let part = x.extract_range(text, ByteSpan::new(a, b));
    let mut lo = a;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = b;
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    check(text, ByteSpan::new(lo.min(hi), hi.max(lo)), &part);
});
