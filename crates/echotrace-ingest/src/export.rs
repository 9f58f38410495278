//! Documents back to the JSONL ingest format.
//!
//! Kept next to the reader so that the two cannot drift apart: whatever
//! [`export_record`] writes, [`JsonlReader`](crate::readers::JsonlReader) reads back into the
//! same [`Document`] (a test holds both to it).

use echotrace_core::{CharOffsets, Document};
use serde_json::{Map, Value};

/// Field names the JSONL reader gives a meaning to; metadata with one of these names cannot be
/// written flat beside them.
const KNOWN: &[&str] = &[
    "id",
    "source",
    "url",
    "date",
    "published",
    "date_published",
    "datePublished",
    "date_precision",
    "title",
    "text",
    "html",
    "language",
    "lang",
    "body",
    "origin",
    "metadata",
];

/// One JSONL record for a document: `id`, `source`, `url`, `date` (at its precision, with
/// `date_precision` beside it), `title`, `language`, `text`, `body` (`{"start", "end"}` in code
/// points), `origin`, then the metadata keys. Metadata is written flat, as it came in, unless
/// one of its keys collides with a field above; then it goes in a `metadata` object.
pub fn export_record(doc: &Document) -> Map<String, Value> {
    let mut out = Map::new();
    let opt = |v: Option<&str>| v.map_or(Value::Null, |s| Value::String(s.to_string()));
    out.insert("id".into(), Value::String(doc.id.as_str().to_string()));
    out.insert(
        "source".into(),
        opt(doc.source.as_ref().map(|s| s.as_str())),
    );
    out.insert("url".into(), opt(doc.url.as_deref()));
    match &doc.published {
        Some(p) => {
            out.insert("date".into(), Value::String(p.to_string()));
            out.insert(
                "date_precision".into(),
                Value::String(p.precision().as_str().to_string()),
            );
        }
        None => {
            out.insert("date".into(), Value::Null);
        }
    }
    out.insert("title".into(), opt(doc.title.as_deref()));
    out.insert("language".into(), opt(doc.language.as_deref()));
    out.insert("text".into(), Value::String(doc.text.clone()));
    let offsets = CharOffsets::new(&doc.text);
    let mut body = Map::new();
    body.insert("start".into(), offsets.to_char(doc.body.start).into());
    body.insert("end".into(), offsets.to_char(doc.body.end).into());
    out.insert("body".into(), Value::Object(body));
    out.insert("origin".into(), opt(doc.origin.as_deref()));
    if doc.metadata.keys().any(|k| KNOWN.contains(&k.as_str())) {
        out.insert("metadata".into(), Value::Object(doc.metadata.clone()));
    } else {
        for (k, v) in &doc.metadata {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// [`export_record`] as one line of JSON, without the newline.
pub fn export_line(doc: &Document) -> String {
    Value::Object(export_record(doc)).to_string()
}
