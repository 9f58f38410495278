//! Prints the quotes of a text read from stdin, one line each (for looking at real pages).
//!
//! ```text
//! cargo run --release -p echotrace-quotes --example quotes_text < page.txt
//! ```

use echotrace_quotes::QuoteExtractor;
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        std::process::exit(2);
    }
    let out = QuoteExtractor::default().extract(&text);
    // `ENTITIES=1` also prints the document's registry of people and organisations.
    if std::env::var_os("ENTITIES").is_some() {
        for e in &out.entities.entities {
            eprintln!("{:?}\t{}\taliases={:?}", e.kind, e.name, e.aliases);
        }
    }
    for q in &out.quotes {
        let sl = |s: Option<echotrace_quotes::ByteSpan>| s.map_or("", |s| s.slice(&text));
        let content: Vec<&str> = q.content.iter().map(|c| c.slice(&text)).collect();
        println!(
            "{:?}\tspeaker={:?}\tsource={:?}\tcue={:?}\tcontent={:?}",
            q.kind,
            q.speaker,
            sl(q.source),
            sl(q.cue),
            content.join(" … ")
        );
    }
}
