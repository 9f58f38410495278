use super::export::member_edit;
use super::quotes::{print_quote, system_quote};
use super::{find_document, open_existing_store, CharOffsetCache};
use crate::cli::ShowArgs;
use crate::output::print_json;
use anyhow::Result;
use echotrace_core::{CharOffsets, Document};
use echotrace_store::Store;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;

/// The JSON shape of `show --json`: the document's fields, with the body as text and as a
/// code-point span into `text` (external offsets are always code points).
#[derive(Serialize)]
struct DocumentView<'a> {
    id: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<String>,
    date_precision: Option<&'static str>,
    title: Option<&'a str>,
    language: Option<&'a str>,
    origin: Option<&'a str>,
    body_start: usize,
    body_end: usize,
    body: &'a str,
    text: &'a str,
    metadata: &'a serde_json::Map<String, serde_json::Value>,
    /// Passages of this document that other documents (or other places of it) share.
    reuse: Vec<ReusedPassage>,
    /// Quotes in the scorer's format (code points) plus their text.
    quotes: Vec<serde_json::Value>,
}

/// One passage of the shown document that belongs to a reuse cluster.
#[derive(Serialize)]
struct ReusedPassage {
    cluster: String,
    /// Code points into the document's text.
    start: usize,
    end: usize,
    text: String,
    /// The document this passage was most likely copied from; `None` when this document is
    /// the cluster's origin.
    parent: Option<String>,
    confidence: f64,
    /// `copy`, or `paraphrase` when this passage is a rewritten version of the cluster's text.
    edit: &'static str,
    /// The probability of the paraphrase decision, for a paraphrase.
    paraphrase_score: Option<f64>,
    origin: Option<String>,
    /// Every other member of the cluster.
    copies: Vec<CopyView>,
}

#[derive(Serialize)]
struct CopyView {
    doc: String,
    source: Option<String>,
    date: Option<String>,
    start: usize,
    end: usize,
    parent: Option<String>,
    edit: &'static str,
}

impl<'a> DocumentView<'a> {
    fn new(doc: &'a Document, reuse: Vec<ReusedPassage>, quotes: Vec<serde_json::Value>) -> Self {
        let chars = CharOffsets::new(&doc.text);
        DocumentView {
            id: doc.id.as_str(),
            source: doc.source.as_ref().map(|s| s.as_str()),
            url: doc.url.as_deref(),
            date: doc.published.map(|p| p.to_string()),
            date_precision: doc.published.map(|p| p.precision().as_str()),
            title: doc.title.as_deref(),
            language: doc.language.as_deref(),
            origin: doc.origin.as_deref(),
            body_start: chars.to_char(doc.body.start),
            body_end: chars.to_char(doc.body.end),
            body: doc.body_text(),
            text: &doc.text,
            metadata: &doc.metadata,
            reuse,
            quotes,
        }
    }
}

/// The reuse clusters a document belongs to, seen from it.
fn reused_passages(store: &Store, doc: &Document) -> Result<Vec<ReusedPassage>> {
    let mut offsets = CharOffsetCache::new(store);
    let mut out = Vec::new();
    for cluster in store.clusters_of(&doc.id)? {
        for own in cluster.members.iter().filter(|m| m.doc == doc.id) {
            let [start, end] = offsets.span(&doc.id, own.span)?;
            let mut copies = Vec::new();
            for m in cluster.members.iter().filter(|m| !std::ptr::eq(*m, own)) {
                let [s, e] = offsets.span(&m.doc, m.span)?;
                let other = store.document(&m.doc)?;
                copies.push(CopyView {
                    doc: m.doc.to_string(),
                    source: other
                        .as_ref()
                        .and_then(|d| d.source.as_ref().map(|s| s.to_string())),
                    date: other
                        .as_ref()
                        .and_then(|d| d.published.map(|p| p.to_string())),
                    start: s,
                    end: e,
                    parent: m.parent.as_ref().map(|p| p.to_string()),
                    edit: member_edit(&m.evidence).0,
                });
            }
            let (edit, paraphrase_score) = member_edit(&own.evidence);
            out.push(ReusedPassage {
                cluster: cluster.id.clone(),
                start,
                end,
                text: own.span.slice(&doc.text).to_string(),
                parent: own.parent.as_ref().map(|p| p.to_string()),
                confidence: own.confidence,
                edit,
                paraphrase_score,
                origin: cluster.origin.as_ref().map(|p| p.to_string()),
                copies,
            });
        }
    }
    out.sort_by_key(|p| (p.start, p.end));
    Ok(out)
}

pub fn run(args: ShowArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let doc = find_document(&store, &args.doc, db)?;
    let reuse = reused_passages(&store, &doc)?;
    let quotes = store.quotes_of(&doc.id)?;
    if args.json {
        let mut offsets = CharOffsetCache::new(&store);
        let mut quote_values = Vec::with_capacity(quotes.len());
        for q in &quotes {
            let mut value = serde_json::to_value(system_quote(q, &mut offsets)?)?;
            if let serde_json::Value::Object(fields) = &mut value {
                let content: Vec<&str> = q.content.iter().map(|s| s.slice(&doc.text)).collect();
                fields.insert("text".into(), serde_json::json!(content.join(" … ")));
            }
            quote_values.push(value);
        }
        print_json(&DocumentView::new(&doc, reuse, quote_values))?;
        return Ok(ExitCode::SUCCESS);
    }
    let field = |name: &str, value: Option<&str>| {
        println!("{name:<9} {}", value.unwrap_or("—"));
    };
    field("id", Some(doc.id.as_str()));
    field("source", doc.source.as_ref().map(|s| s.as_str()));
    field("url", doc.url.as_deref());
    let date = doc
        .published
        .map(|p| format!("{p} (known to the {})", p.precision().as_str()));
    field("date", date.as_deref());
    field("title", doc.title.as_deref());
    field("language", doc.language.as_deref());
    field("from", doc.origin.as_deref());
    let chars = CharOffsets::new(&doc.text);
    println!(
        "body      characters {}–{} of {}",
        chars.to_char(doc.body.start),
        chars.to_char(doc.body.end),
        chars.to_char(doc.text.len())
    );
    println!();
    println!("{}", marked_body(&doc, &reuse));
    if !reuse.is_empty() {
        println!("\nreused passages ([n› … ‹n] above)");
        for (n, p) in reuse.iter().enumerate() {
            let role = match &p.parent {
                None => "origin of the cluster".to_string(),
                Some(parent) if parent == doc.id.as_str() => {
                    format!(
                        "repeats a passage of this page (confidence {:.2})",
                        p.confidence
                    )
                }
                Some(parent) => format!("copied from {parent} (confidence {:.2})", p.confidence),
            };
            let rewritten = match p.paraphrase_score {
                Some(score) => format!(" (a paraphrase, score {score:.2})"),
                None => String::new(),
            };
            println!(
                "  [{}] cluster {}, characters {}–{}: {role}{rewritten}; {} other copies",
                n + 1,
                p.cluster,
                p.start,
                p.end,
                p.copies.len()
            );
            for c in &p.copies {
                println!(
                    "        {} {} {} {}–{}{}",
                    c.doc,
                    c.source.as_deref().unwrap_or("—"),
                    c.date.as_deref().unwrap_or("undated"),
                    c.start,
                    c.end,
                    if c.edit == "paraphrase" {
                        " (paraphrase)"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    if !quotes.is_empty() {
        println!("\nquotes");
        let mut out = std::io::stdout().lock();
        for q in &quotes {
            print_quote(&mut out, &store, q)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The body with every reused passage between `[n›` and `‹n]`.
fn marked_body(doc: &Document, reuse: &[ReusedPassage]) -> String {
    let chars = CharOffsets::new(&doc.text);
    // (byte offset, is_end, marker number): ends sort before starts at the same offset.
    let mut marks: Vec<(usize, bool, usize)> = Vec::new();
    for (n, p) in reuse.iter().enumerate() {
        marks.push((chars.to_byte(p.start), false, n + 1));
        marks.push((chars.to_byte(p.end), true, n + 1));
    }
    marks.sort_by_key(|&(at, is_end, n)| (at, !is_end, n));
    let body = doc.body;
    let mut out = String::new();
    let mut at = body.start;
    for (pos, is_end, n) in marks {
        let pos = pos.clamp(body.start, body.end);
        out.push_str(doc.text.get(at..pos).unwrap_or(""));
        at = at.max(pos);
        out.push_str(&if is_end {
            format!("‹{n}]")
        } else {
            format!("[{n}›")
        });
    }
    out.push_str(doc.text.get(at..body.end).unwrap_or(""));
    out
}
