//! `.jsonl` / `.ndjson`: one document per line.

use crate::input::{read_line, Line};
use crate::reader::{
    emit, sniff_head, Deferred, DocumentReader, Draft, Emit, Item, Location, ReadContext,
};
use crate::readers::html::page_draft;
use crate::ReadError;
use echotrace_core::{ByteSpan, CharOffsets, DatePrecision, Published};
use serde_json::{Map, Value};
use std::io::BufRead;

/// One document per line. Known fields:
///
/// | field | meaning |
/// |---|---|
/// | `id` | the document id (kept verbatim) |
/// | `source` | the outlet |
/// | `url` | |
/// | `date` (or `published`, `date_published`, `datePublished`) | RFC 3339, `YYYY-MM-DD`, anything [`Published::parse`] reads, or null |
/// | `date_precision` | `year` … `second`: coarsens `date` (an export of an hour-precise time) |
/// | `title` | |
/// | `text` | the text, kept byte-exact |
/// | `html` | a page, run through the extractor (when there is no `text`) |
/// | `language` (or `lang`) | kept verbatim |
/// | `body` | `{"start": S, "end": E}` in code points into `text`: the body, when known |
/// | `origin` | where the document first came from (an export keeps it) |
/// | `metadata` | an object whose keys are merged into the metadata |
///
/// Every other field is kept in the document's metadata, so an export writes it back. A date
/// that cannot be read does not lose the document: it is kept as metadata `date_unparsed`.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlReader;

impl DocumentReader for JsonlReader {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["jsonl", "ndjson"]
    }

    fn sniff(&self, head: &[u8]) -> u8 {
        if sniff_head(head).starts_with(b"{") {
            80
        } else {
            0
        }
    }

    fn read(
        &self,
        input: &mut dyn BufRead,
        cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), ReadError> {
        let mut buf = Vec::new();
        let mut n = 0u64;
        loop {
            n += 1;
            let location = Some(Location::Line(n));
            let status = read_line(input, &mut buf, cx.max_record_bytes)
                .map_err(|e| ReadError::io(location, e))?;
            let item = match status {
                Line::Eof => return Ok(()),
                Line::TooLong => Item::Rejected {
                    location,
                    reason: format!("line longer than the {}-byte limit", cx.max_record_bytes),
                },
                Line::Read => {
                    let line = if n == 1 {
                        buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf)
                    } else {
                        &buf
                    };
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    // Parsing (and extracting an `html` field) is left to the ingestor, which
                    // runs it on whichever core is free, in input order.
                    let line = line.to_vec();
                    Item::Deferred {
                        location,
                        work: Deferred::new(move |cx| parse_line(&line, cx).map(Some)),
                    }
                }
            };
            emit!(emit, item);
        }
    }
}

/// Parses one JSONL line into a draft; the error is the reason for rejecting the line.
pub fn parse_line(line: &[u8], cx: &ReadContext<'_>) -> Result<Draft, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        // serde_json says "at line 1 column N"; within one JSONL line only the column helps.
        let msg = e.to_string();
        let msg = msg
            .rsplit_once(" at line ")
            .map_or(msg.as_str(), |(m, _)| m);
        format!("malformed JSON at column {}: {msg}", e.column())
    })?;
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object, found {}", kind(&value)));
    };
    from_object(obj, cx)
}

fn from_object(obj: Map<String, Value>, cx: &ReadContext<'_>) -> Result<Draft, String> {
    let mut draft = Draft::default();
    let mut text = None;
    let mut html = None;
    let mut date: Option<Value> = None;
    let mut precision = None;
    let mut body = None;
    for (key, value) in obj {
        match key.as_str() {
            "id" => {
                draft.id = match value {
                    Value::Number(n) => Some(n.to_string()),
                    v => string_field(&key, v)?,
                }
            }
            "source" => draft.source = string_field(&key, value)?,
            "url" => draft.url = string_field(&key, value)?,
            "title" => draft.title = string_field(&key, value)?,
            "language" | "lang" => draft.language = string_field(&key, value)?,
            "origin" => draft.origin = string_field(&key, value)?,
            "text" => text = string_field_raw(&key, value)?,
            "html" => html = string_field_raw(&key, value)?,
            "date" | "published" | "date_published" | "datePublished" => {
                if !value.is_null() && date.is_none() {
                    date = Some(value);
                }
            }
            "date_precision" => precision = string_field(&key, value)?,
            "body" => body = Some(value),
            "metadata" => match value {
                Value::Object(m) => draft.metadata.extend(m),
                Value::Null => {}
                v => {
                    draft.metadata.insert(key, v);
                }
            },
            _ => {
                draft.metadata.insert(key, value);
            }
        }
    }

    if let Some(value) = date {
        let parsed = value.as_str().and_then(Published::parse);
        match parsed {
            Some(p) => draft.published = Some(coarsen(p, precision.as_deref())),
            None => {
                let shown = match &value {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                draft
                    .metadata
                    .insert("date_unparsed".into(), Value::String(shown));
            }
        }
    }

    match (text, html) {
        (Some(t), html) => {
            draft.text = t;
            if let Some(h) = html {
                // Both given: the text is what the document is; the page is kept, not lost.
                draft.metadata.insert("html".into(), Value::String(h));
            }
        }
        (None, Some(h)) => {
            let from_page = page_draft(cx.extractor, &h, draft.url.as_deref())
                .map_err(|e| format!("field `html`: {e}"))?;
            draft.text = from_page.text;
            draft.title = draft.title.or(from_page.title);
            draft.source = draft.source.or(from_page.source);
            draft.url = draft.url.or(from_page.url);
            draft.published = draft.published.or(from_page.published);
            draft.declared_language = from_page.declared_language;
            for (k, v) in from_page.metadata {
                draft.metadata.entry(k).or_insert(v);
            }
        }
        (None, None) => return Err("no `text` or `html` field".into()),
    }

    if let Some(b) = body {
        draft.body = Some(body_span(&b, &draft.text)?);
    }
    Ok(draft)
}

/// A precision given beside a date (an export of an hour-precise time, which prints as
/// minutes) makes it coarser, never finer.
fn coarsen(p: Published, precision: Option<&str>) -> Published {
    match precision.and_then(DatePrecision::parse) {
        Some(want) if want < p.precision() => Published::new(p.earliest(), want),
        _ => p,
    }
}

fn body_span(value: &Value, text: &str) -> Result<ByteSpan, String> {
    let get = |k: &str| value.get(k).and_then(Value::as_u64);
    let (Some(start), Some(end)) = (get("start"), get("end")) else {
        return Err("field `body` must be {\"start\": N, \"end\": N} (code points)".into());
    };
    let chars = text.chars().count() as u64;
    if start > end || end > chars {
        return Err(format!(
            "field `body` ({start}..{end}) does not fit the text ({chars} code points)"
        ));
    }
    let offsets = CharOffsets::new(text);
    Ok(ByteSpan::new(
        offsets.to_byte(start as usize),
        offsets.to_byte(end as usize),
    ))
}

/// A string field, empty strings read as absent (exports write `""` and `null` alike).
fn string_field(key: &str, value: Value) -> Result<Option<String>, String> {
    Ok(string_field_raw(key, value)?.filter(|s| !s.trim().is_empty()))
}

fn string_field_raw(key: &str, value: Value) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        v => Err(format!(
            "field `{key}` must be a string, found {}",
            kind(&v)
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
