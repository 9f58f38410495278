//! The acceptance table of `shared/seed/EXPECTED.md`, as a test.

use echotrace_core::{ByteSpan, DocId, Document};
use echotrace_quotes::{EntityKind, Extraction, Quote, QuoteExtractor, QuoteKind};

const SEED: &str = include_str!("../../../../shared/seed/000_1da12e83afc5f8cf.txt");

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

fn extract() -> Extraction {
    QuoteExtractor::new().extract(SEED)
}

fn on_line(out: &Extraction, line: usize) -> Vec<&Quote> {
    out.quotes
        .iter()
        .filter(|q| line_of(SEED, q.content[0].start) == line)
        .collect()
}

/// Finds the quote of a table row: its line, cue (case-insensitive) and kind; checks speaker.
fn row(out: &Extraction, line: usize, speaker: &str, cue: &str, kind: QuoteKind) -> Quote {
    let qs = on_line(out, line);
    let q = qs
        .iter()
        .find(|q| {
            q.cue
                .is_some_and(|c| c.slice(SEED).eq_ignore_ascii_case(cue))
        })
        .unwrap_or_else(|| panic!("line {line}: no quote with cue {cue:?} in {qs:#?}"));
    assert_eq!(q.speaker.as_deref(), Some(speaker), "line {line} cue {cue}");
    assert_eq!(q.kind, kind, "line {line} cue {cue}");
    (*q).clone()
}

#[test]
fn seed_table() {
    let out = extract();
    let tok = "Kassym-Jomart Tokayev";
    let putin = "Vladimir Putin";
    row(&out, 2, tok, "said", QuoteKind::Reported);
    row(&out, 3, tok, "told", QuoteKind::Reported);
    let q4 = row(&out, 4, tok, "said", QuoteKind::Direct);
    assert!(q4.content[0].slice(SEED).starts_with("\"A hot phase"));
    let q = row(&out, 5, tok, "suggested", QuoteKind::Reported);
    assert_eq!(
        q.source.map(|s| s.slice(SEED)),
        Some("The Kazakh president")
    );
    let q = row(&out, 5, tok, "said", QuoteKind::Reported);
    assert!(
        q.content[0].end <= q.cue.unwrap().start,
        "content before the cue"
    );
    assert!(q.content[0].slice(SEED).starts_with("Militants pretended"));
    let q = row(&out, 5, tok, "mentioning", QuoteKind::Reported);
    assert_eq!(
        q.content[0].slice(SEED),
        "that foreigners participated in the aggression against Kazakhstan"
    );
    let q = row(&out, 6, tok, "promised", QuoteKind::Reported);
    assert_eq!(q.source.map(|s| s.slice(SEED)), Some("He"));
    let q = row(&out, 7, tok, "said", QuoteKind::Reported);
    assert!(
        q.content[0].slice(SEED).ends_with("an attempted coup"),
        "the clause ends before `, as he spoke`"
    );
    let q = row(&out, 8, putin, "has stated", QuoteKind::Reported);
    assert!(
        q.content[0].end <= q.cue.unwrap().start,
        "content before the cue"
    );
    assert_eq!(q.quoted.len(), 1, "the quoted phrase 'Maidan technologies'");
    assert_eq!(q.quoted[0].slice(SEED), "'Maidan technologies'");
    row(&out, 10, putin, "warned", QuoteKind::Reported);
    let q = row(&out, 11, putin, "stating", QuoteKind::Reported);
    assert_eq!(q.quoted.len(), 1);
    assert!(q.quoted[0].slice(SEED).starts_with('\u{201C}'));
    let q = row(&out, 11, putin, "added", QuoteKind::Mixed);
    assert!(q.quoted[0].slice(SEED).starts_with("\u{201C}destructive"));
}

#[test]
fn no_quote_on_line_9() {
    let out = extract();
    for q in &out.quotes {
        for s in q.content.iter().chain(q.source.iter()).chain(q.cue.iter()) {
            assert_ne!(line_of(SEED, s.start), 9, "false positive: {q:#?}");
        }
    }
}

#[test]
fn seed_entities_and_aliases() {
    let out = extract();
    let reg = &out.entities;
    let at = SEED.len();
    for alias in ["Tokayev", "Kassym-Jomart Tokayev"] {
        assert_eq!(
            reg.lookup(alias, at).map(|e| e.name.as_str()),
            Some("Kassym-Jomart Tokayev")
        );
    }
    assert_eq!(
        reg.lookup_role("kazakh president", at)
            .map(|e| e.name.as_str()),
        Some("Kassym-Jomart Tokayev")
    );
    for alias in ["Putin", "Vladimir Putin"] {
        assert_eq!(
            reg.lookup(alias, at).map(|e| e.name.as_str()),
            Some("Vladimir Putin")
        );
    }
    let csto: Vec<_> = [
        "CSTO",
        "Collective Security Treaty Organization",
        "Collective Security Treaty Organisation",
    ]
    .iter()
    .map(|a| reg.lookup(a, at).map(|e| (e.kind, e.name.clone())))
    .collect();
    assert!(csto.iter().all(|c| c == &csto[0]));
    assert_eq!(
        csto[0].as_ref().map(|c| c.0),
        Some(EntityKind::Organisation)
    );
    assert_eq!(
        csto[0].as_ref().map(|c| c.1.as_str()),
        Some("Collective Security Treaty Organization")
    );
}

#[test]
fn document_body_only() {
    // Body = lines 2–11: the byline and the blog footer are not searched.
    let start = SEED.find('\n').unwrap() + 1;
    let end = SEED.find("No comments:").unwrap();
    let mut doc = Document::new(DocId::new("seed"), SEED);
    doc.body = ByteSpan::new(start, end);
    let whole = extract();
    let body = QuoteExtractor::new().extract_document(&doc);
    assert_eq!(body.quotes, whole.quotes);
    for q in &body.quotes {
        assert!(q.content.iter().all(|c| c.start >= start && c.end <= end));
    }
}
