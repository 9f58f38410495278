//! Checks every target applies to what ingest produced.
#![allow(dead_code)]

use echotrace_core::Document;
use echotrace_extract::{Article, ArticleExtractor, ExtractError};
use echotrace_ingest::{export_line, html_to_text, IngestEvent, Ingestor};
use std::sync::Arc;

/// Reads `data` with one reader and checks every document.
pub fn ingest(ing: &Ingestor, data: &[u8], format: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    ing.read_stream("fuzz", data, Some(format), |e| match e {
        IngestEvent::Document(d) => {
            check(&d);
            docs.push(d);
        }
        IngestEvent::Rejected(r) => assert!(!r.reason.is_empty()),
    });
    docs
}

/// A document's body is a non-empty span on character boundaries of its text.
pub fn check(doc: &Document) {
    assert!(doc.body.start <= doc.body.end);
    assert!(
        doc.text.get(doc.body.start..doc.body.end).is_some(),
        "body off boundaries"
    );
    assert!(!doc.body_text().trim().is_empty(), "empty body accepted");
}

/// Whatever ingest produced, its JSONL export must re-ingest to the same documents.
pub fn round_trip(ing: &Ingestor, docs: &[Document]) {
    for doc in docs {
        let line = export_line(doc);
        let again = ingest(ing, line.as_bytes(), "jsonl");
        assert_eq!(again.len(), 1, "export did not re-ingest: {line}");
        assert_eq!(&again[0], doc);
    }
}

/// Stands in for the page extractor where the target is about the container (WARC), so that
/// runs are spent on its parser: the text of the page's tags.
pub struct TagText;

impl ArticleExtractor for TagText {
    fn name(&self) -> &'static str {
        "fuzz-tags"
    }
    fn extract(&self, html: &str, _url: Option<&str>) -> Result<Article, ExtractError> {
        let body = html_to_text(html);
        if body.trim().is_empty() {
            return Err(ExtractError::NoBody);
        }
        Ok(Article {
            body,
            ..Article::default()
        })
    }
}

pub fn with_tag_text() -> Ingestor {
    Ingestor::builder().extractor(Arc::new(TagText)).build()
}
