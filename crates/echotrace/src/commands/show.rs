use super::open_existing_store;
use crate::cli::ShowArgs;
use crate::output::print_json;
use anyhow::Result;
use echotrace_core::{CharOffsets, DocId, Document};
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
}

impl<'a> DocumentView<'a> {
    fn new(doc: &'a Document) -> Self {
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
        }
    }
}

pub fn run(args: ShowArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let doc = match store.document(&DocId::new(args.doc.as_str()))? {
        Some(doc) => doc,
        None => {
            let mut found = store.documents_from_file(&args.doc)?;
            match found.len() {
                1 => found.remove(0),
                0 => anyhow::bail!(
                    "no document {:?} in {} (ids are listed by `echotrace export docs`)",
                    args.doc,
                    db.display()
                ),
                n => {
                    let ids: Vec<&str> = found.iter().take(5).map(|d| d.id.as_str()).collect();
                    anyhow::bail!(
                        "{n} documents came from files named {:?}; name one by id: {}",
                        args.doc,
                        ids.join(", ")
                    )
                }
            }
        }
    };
    if args.json {
        print_json(&DocumentView::new(&doc))?;
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
    println!("{}", doc.body_text());
    Ok(ExitCode::SUCCESS)
}
