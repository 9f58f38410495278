//! Prints the quotes of a text file: `cargo run --release -p echotrace-quotes --example quotes_show FILE`.

use echotrace_quotes::QuoteExtractor;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quotes_show FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let out = QuoteExtractor::new().extract(&text);
    for q in &out.quotes {
        let line = text[..q.content.first().map_or(0, |c| c.start)]
            .matches('\n')
            .count()
            + 1;
        println!(
            "L{line} {:?} {:?} cue={:?} src={:?} speaker={:?}",
            q.kind,
            q.class,
            q.cue.map(|c| c.slice(&text)),
            q.source.map(|c| c.slice(&text)),
            q.speaker
        );
        for c in &q.content {
            println!("    | {}", c.slice(&text));
        }
    }
    for e in &out.entities.entities {
        println!(
            "{:?} {} {:?} roles={:?} confirmed={} gender={:?}",
            e.kind, e.name, e.aliases, e.roles, e.confirmed, e.gender
        );
    }
}
