use super::open_existing_store;
use crate::cli::ExportDocsArgs;
use anyhow::{Context, Result};
use echotrace_core::Document;
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// One document as a line of the ingest JSONL format. Metadata fields go back at the top level
/// where they came from, so `export docs` → `ingest` gives the same documents.
pub fn document_record(doc: &Document) -> Map<String, Value> {
    let mut record = Map::new();
    for (key, value) in &doc.metadata {
        record.insert(key.clone(), value.clone());
    }
    let text = |v: Option<&str>| v.map_or(Value::Null, |s| Value::String(s.to_string()));
    record.insert("id".into(), Value::String(doc.id.to_string()));
    record.insert(
        "source".into(),
        text(doc.source.as_ref().map(|s| s.as_str())),
    );
    record.insert("url".into(), text(doc.url.as_deref()));
    record.insert(
        "date".into(),
        doc.published
            .map_or(Value::Null, |p| Value::String(p.to_string())),
    );
    record.insert("title".into(), text(doc.title.as_deref()));
    record.insert("language".into(), text(doc.language.as_deref()));
    record.insert("text".into(), Value::String(doc.text.clone()));
    record
}

pub fn docs(args: ExportDocsArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let (sink, name): (Box<dyn Write>, String) = match &args.output {
        Some(path) => (
            Box::new(
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
            ),
            path.display().to_string(),
        ),
        None => (Box::new(std::io::stdout().lock()), "standard output".into()),
    };
    let mut out = BufWriter::new(sink);
    let mut n = 0u64;
    for doc in store.documents() {
        let doc = doc?;
        serde_json::to_writer(&mut out, &document_record(&doc))
            .and_then(|()| out.write_all(b"\n").map_err(serde_json::Error::io))
            .with_context(|| format!("writing to {name}"))?;
        n += 1;
    }
    out.flush().with_context(|| format!("writing to {name}"))?;
    if args.output.is_some() {
        eprintln!("exported {n} documents to {name}");
    }
    Ok(ExitCode::SUCCESS)
}
