use crate::time::Published;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A document's id: the one given at ingest, else a hash of its content (see
/// [`DocId::from_content`]). Ids given at ingest are kept verbatim because evaluation and users
/// refer to documents by them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    pub fn new(id: impl Into<String>) -> Self {
        DocId(id.into())
    }

    /// A stable id for a document that came without one: the same source, URL and text always
    /// give the same id, so re-ingesting is a no-op, while the same text published by another
    /// outlet (exactly what echotrace looks for) stays a document of its own.
    pub fn from_content(source: Option<&str>, url: Option<&str>, text: &str) -> Self {
        let mut h = Sha256::new();
        for part in [source.unwrap_or(""), url.unwrap_or(""), text] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let digest = h.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        DocId(format!("h{hex}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The outlet that published a document: a name from a byline or feed (`Sputnik`) or a web
/// host without `www.` (`tass.com`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(String);

impl SourceId {
    /// Trims the name and collapses inner whitespace; `None` for an empty name.
    pub fn new(name: &str) -> Option<Self> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        (!name.is_empty()).then_some(SourceId(name))
    }

    /// The source a URL names: its host, lowercased, without a leading `www.`. `None` unless
    /// the host is a plausible DNS name (labels of letters, digits and hyphens, at least one
    /// dot): prose in a `url` field must not become a source.
    pub fn from_url(url: &str) -> Option<Self> {
        let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let plausible = host.len() <= 253 && host.contains('.') && host.split('.').all(label_ok);
        plausible.then(|| SourceId(host.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A half-open byte range `[start, end)` into a document's text, on character boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        ByteSpan {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The text of the span, or `""` when it does not fit `text` or splits a character.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One article as ingested.
///
/// `text` is kept byte-exact as it came (for HTML: the extracted article text), and every later
/// stage points into it by byte offsets. `body` marks the article itself inside `text`: a
/// byline line above it or blog boilerplate below it stay in `text`, so offsets agree with the
/// input, but are outside `body`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub source: Option<SourceId>,
    pub url: Option<String>,
    pub published: Option<Published>,
    pub title: Option<String>,
    /// ISO 639-3 code (`eng`, `rus`), detected when not given.
    pub language: Option<String>,
    pub text: String,
    pub body: ByteSpan,
    /// Where the document came from: `path`, `path:line`, `path#record`.
    pub origin: Option<String>,
    /// Input fields echotrace has no column for, kept so that export round-trips.
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// A document whose body is its whole text and whose metadata is unknown.
    pub fn new(id: DocId, text: impl Into<String>) -> Self {
        let text = text.into();
        let body = ByteSpan::new(0, text.len());
        Document {
            id,
            source: None,
            url: None,
            published: None,
            title: None,
            language: None,
            text,
            body,
            origin: None,
            metadata: serde_json::Map::new(),
        }
    }

    /// The article body.
    pub fn body_text(&self) -> &str {
        self.body.slice(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_separates_outlets() {
        let a = DocId::from_content(Some("tass.com"), None, "Same text.");
        let b = DocId::from_content(Some("tass.com"), None, "Same text.");
        let c = DocId::from_content(Some("sputniknews.com"), None, "Same text.");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.as_str().len(), 17);
    }

    #[test]
    fn source_from_url_is_the_bare_host() {
        let s = SourceId::from_url("https://www.Example.com:8080/a/b?c=1").unwrap();
        assert_eq!(s.as_str(), "example.com");
        assert_eq!(SourceId::from_url("not a url"), None);
        assert_eq!(SourceId::from_url("some prose. with a dot\nand more"), None);
        assert_eq!(SourceId::from_url("https://a..b/x"), None);
        assert_eq!(
            SourceId::from_url("https://tass.ru").unwrap().as_str(),
            "tass.ru"
        );
        assert_eq!(
            SourceId::new("  Sputnik \n News ").unwrap().as_str(),
            "Sputnik News"
        );
    }

    #[test]
    fn span_slicing_never_panics() {
        let text = "Kazakh – 東京";
        assert_eq!(ByteSpan::new(0, 6).slice(text), "Kazakh");
        assert_eq!(ByteSpan::new(8, 9).slice(text), "");
        assert_eq!(ByteSpan::new(5, 500).slice(text), "");
        assert_eq!(ByteSpan::new(9, 3).len(), 0);
    }
}
