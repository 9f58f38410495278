//! What the quote tests share: run the default extractor, pick a quote by its cue, read its
//! spans back as text. Each test file uses a different part of it.
#![allow(dead_code)]

use echotrace_quotes::{Extraction, Quote, QuoteExtractor};

pub fn run(text: &str) -> Extraction {
    QuoteExtractor::new().extract(text)
}

pub fn by_cue<'a>(out: &'a Extraction, text: &str, cue: &str) -> &'a Quote {
    out.quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| c.slice(text) == cue))
        .unwrap_or_else(|| panic!("no quote with cue {cue:?}: {:#?}", out.quotes))
}

pub fn content(q: &Quote, text: &str) -> Vec<String> {
    q.content
        .iter()
        .map(|c| c.slice(text).to_string())
        .collect()
}

pub fn src<'a>(q: &Quote, text: &'a str) -> Option<&'a str> {
    q.source.map(|s| s.slice(text))
}

/// The resolved speaker of the first quote whose content contains `content`.
pub fn speaker_of_content(text: &str, content: &str) -> Option<String> {
    let out = run(text);
    let q = out
        .quotes
        .iter()
        .find(|q| q.content.iter().any(|c| c.slice(text).contains(content)));
    match q {
        Some(q) => q.speaker.clone(),
        None => panic!(
            "no quote containing {content:?} in {:?}",
            out.quotes
                .iter()
                .map(|q| (q.content.first().map(|c| c.slice(text)), q.speaker.clone()))
                .collect::<Vec<_>>()
        ),
    }
}
