//! The plug point for input formats.

use echotrace_core::{ByteSpan, Published};
use echotrace_extract::ArticleExtractor;
use std::fmt;
use std::io::BufRead;
use std::ops::ControlFlow;

/// Where in an input file a document or a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// 1-based line of a line-oriented file (JSONL).
    Line(u64),
    /// 1-based record of a WARC file, counting every record (`warcinfo` and `request` too), so
    /// that the number agrees with other WARC tools.
    Record(u64),
    /// 1-based entry (`<item>` / `<entry>`) of a feed.
    Entry(u64),
}

impl Location {
    /// What follows the file name in a document's `origin`: `:17` for a line, `#3` for a record
    /// or entry.
    pub fn origin_suffix(&self) -> String {
        match self {
            Location::Line(n) => format!(":{n}"),
            Location::Record(n) | Location::Entry(n) => format!("#{n}"),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Record(n) => write!(f, "record {n}"),
            Location::Entry(n) => write!(f, "entry {n}"),
        }
    }
}

/// A document as a reader found it, before the steps every format shares: finding the body
/// (byline and boilerplate, see [`crate::body`]), the source fallbacks, the id, the language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// An id the input gave; else one is derived from the content.
    pub id: Option<String>,
    /// The publisher as the input names it (a `source` field, a site name, a feed title).
    /// When absent, the URL's host is used, then an outlet named by a byline.
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Published>,
    pub title: Option<String>,
    /// A language the input states as data (JSONL `language`): kept verbatim.
    pub language: Option<String>,
    /// A language the page declares (`<html lang>`): used only when detection is unsure.
    pub declared_language: Option<String>,
    /// The document text, byte-exact as the input had it (for HTML: the extracted text).
    pub text: String,
    /// The body inside `text`, when the input states it; else it is found.
    pub body: Option<ByteSpan>,
    /// Where the document came from, when the input states it (a re-ingested export); else
    /// `path` plus the location.
    pub origin: Option<String>,
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

/// What a reader sends for each unit of its input.
#[derive(Debug)]
pub enum Item {
    Document {
        location: Option<Location>,
        draft: Box<Draft>,
    },
    /// A unit whose CPU-bound work (parsing, article extraction) the reader leaves to the
    /// ingestor, which may run it on another thread while the reader goes on; the results
    /// still arrive in input order. `Ok(Some(draft))` is a document, `Ok(None)` a unit that is
    /// not meant to be one (as [`Item::Skipped`]), `Err(reason)` a rejection.
    Deferred {
        location: Option<Location>,
        work: Deferred,
    },
    /// A unit that should have been a document and is not (reported to the user).
    Rejected {
        location: Option<Location>,
        reason: String,
    },
    /// A unit that is not meant to be a document (a WARC `request` record, an image
    /// response): counted, not reported.
    Skipped { location: Option<Location> },
}

/// The signature of deferred work: see [`Item::Deferred`].
type DeferredFn = dyn FnOnce(&ReadContext<'_>) -> Result<Option<Draft>, String> + Send;

/// Work on one unit that a reader hands to the ingestor instead of doing it itself (see
/// [`Item::Deferred`]). It owns its input (a line, a record's bytes), so that it can run on
/// any thread.
pub struct Deferred(Box<DeferredFn>);

impl Deferred {
    pub fn new(
        work: impl FnOnce(&ReadContext<'_>) -> Result<Option<Draft>, String> + Send + 'static,
    ) -> Self {
        Deferred(Box::new(work))
    }

    /// Does the work.
    pub fn run(self, cx: &ReadContext<'_>) -> Result<Option<Draft>, String> {
        (self.0)(cx)
    }
}

impl fmt::Debug for Deferred {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Deferred(..)")
    }
}

/// What a reader may use while reading.
pub struct ReadContext<'a> {
    /// The input's name as shown to users (its path, or `<stdin>`).
    pub file: &'a str,
    pub extractor: &'a dyn ArticleExtractor,
    /// The most bytes one document-sized unit (a file, a line, a record) may have; larger
    /// units are rejected instead of being held in memory.
    pub max_record_bytes: usize,
}

/// The sink a reader sends items to. `Break` means the caller wants no more (cancelled): the
/// reader should return `Ok(())` at once.
pub type Emit<'a> = dyn FnMut(Item) -> ControlFlow<()> + 'a;

/// An input format.
///
/// Readers stream: they send each document as soon as it is read and must not hold the whole
/// input in memory (except formats whose unit is the whole file: `.txt`, `.html`). A problem
/// with one unit is an [`Item::Rejected`] and reading goes on; a problem that leaves the rest
/// of the input unreadable (truncation, an I/O error) is returned as an error, after every
/// document before it has been sent.
pub trait DocumentReader: Send + Sync {
    /// A short name, also accepted as an explicit format: `txt`, `jsonl`, `html`, `warc`,
    /// `feed`.
    fn name(&self) -> &'static str;
    /// File-name extensions (lowercase, no dot, after a `.gz` is removed) this reader takes.
    fn extensions(&self) -> &'static [&'static str];
    /// How sure the reader is that an input starting with `head` is in its format, from 0 (not
    /// at all) to 100. Used for stdin and for files whose extension no reader claims.
    fn sniff(&self, head: &[u8]) -> u8;
    /// Reads one input.
    fn read(
        &self,
        input: &mut dyn BufRead,
        cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), crate::ReadError>;
}

/// Sends an item and returns from the enclosing reader when the caller wants no more.
macro_rules! emit {
    ($emit:expr, $item:expr) => {
        if $emit($item).is_break() {
            return Ok(());
        }
    };
}
pub(crate) use emit;

/// The head of an input with leading whitespace and a UTF-8 byte-order mark removed, for
/// sniffing.
pub(crate) fn sniff_head(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    &head[start..]
}
