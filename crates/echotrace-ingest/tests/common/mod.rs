//! Shared helpers for the integration tests.
#![allow(dead_code)]

use echotrace_core::{Document, Published};
use echotrace_extract::{Article, ArticleExtractor, ExtractError};
use echotrace_ingest::{html_to_text, IngestEvent, Ingestor, Rejection, Summary};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// The extractor the tests run HTML through.
pub fn extractor() -> Arc<dyn ArticleExtractor> {
    Arc::new(TagExtractor)
}

pub fn ingestor() -> Ingestor {
    Ingestor::builder().extractor(extractor()).build()
}

pub struct Outcome {
    pub docs: Vec<Document>,
    pub rejections: Vec<Rejection>,
    pub summary: Summary,
}

pub fn read(paths: &[PathBuf]) -> Outcome {
    let mut docs = Vec::new();
    let mut rejections = Vec::new();
    let summary = ingestor().read(paths, |e| match e {
        IngestEvent::Document(d) => docs.push(d),
        IngestEvent::Rejected(r) => rejections.push(r),
    });
    Outcome {
        docs,
        rejections,
        summary,
    }
}

pub fn read_one(rel: &str) -> Outcome {
    read(&[fixture(rel)])
}

pub fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("fixture gunzips");
    out
}

/// A deliberately simple extractor, so that the tests check ingest and not extraction
/// quality: the text of `<article>` (else `<body>`), `<title>`, `og:site_name`,
/// `rel=canonical`, the first `<time datetime>` or `article:published_time`, `<html lang>`.
pub struct TagExtractor;

impl ArticleExtractor for TagExtractor {
    fn name(&self) -> &'static str {
        "test-tags"
    }

    fn extract(&self, html: &str, _url: Option<&str>) -> Result<Article, ExtractError> {
        // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `html`.
        let lower = html.to_ascii_lowercase();
        let region = between(&lower, html, "<article", "</article>")
            .or_else(|| between(&lower, html, "<body", "</body>"))
            .unwrap_or(html);
        let region = region.find('>').map_or(region, |i| &region[i + 1..]);
        let body = html_to_text(region);
        if body.trim().is_empty() {
            return Err(ExtractError::NoBody);
        }
        let title = between(&lower, html, "<title", "</title>")
            .and_then(|t| t.find('>').map(|i| html_to_text(&t[i + 1..])))
            .filter(|t| !t.is_empty());
        let published = attr_after(&lower, html, "<time", "datetime")
            .or_else(|| meta(&lower, html, "article:published_time"))
            .and_then(|d| Published::parse(&d));
        Ok(Article {
            body,
            title,
            site_name: meta(&lower, html, "og:site_name"),
            canonical_url: attr_after(&lower, html, "rel=\"canonical\"", "href"),
            published,
            declared_language: attr_after(&lower, html, "<html", "lang"),
        })
    }
}

fn between<'a>(lower: &str, html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let s = lower.find(open)?;
    let e = s + lower[s..].find(close)?;
    html.get(s..e)
}

/// The value of attribute `name` in the tag containing the first `marker`.
fn attr_after(lower: &str, html: &str, marker: &str, name: &str) -> Option<String> {
    let at = lower.find(marker)?;
    let tag_start = lower[..at].rfind('<').unwrap_or(at);
    let tag_end = at + lower[at..].find('>')?;
    let tag = &lower[tag_start..tag_end];
    let key = format!(" {name}=\"");
    let v = tag_start + tag.find(&key)? + key.len();
    let end = v + lower[v..].find('"')?;
    html.get(v..end).map(str::to_string)
}

fn meta(lower: &str, html: &str, property: &str) -> Option<String> {
    attr_after(lower, html, &format!("\"{property}\""), "content")
}
