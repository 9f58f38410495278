//! The document model shared by every echotrace stage.
//!
//! echotrace is a pipeline (`ingest → segment → fingerprint → candidates → align →
//! provenance`, with `quotes`, `coordination` and `narratives` beside it). Each stage is its own
//! crate and they talk only through the types defined here, so that no stage knows how another
//! stores or computes anything:
//!
//! - [`Document`]: one article as ingested, its text kept byte-exact, with the [`ByteSpan`] of
//!   its article body inside that text;
//! - [`DocId`] and [`SourceId`]: who is who;
//! - [`Published`]: a publication time *with its precision*. A bare day is an interval of one
//!   day, not midnight, so that ordering two copies by time can say "tie" instead of guessing;
//! - [`CharOffsets`]: byte offsets are what Rust slices with, but every external format speaks
//!   Unicode code points. All output goes through this converter.
//!
//! ```
//! use echotrace_core::{Document, DocId, Published, CharOffsets};
//!
//! let text = "Sputnik\nKazakh President Kassym-Jomart Tokayev said…";
//! let mut doc = Document::new(DocId::from_content(None, None, text), text);
//! doc.published = Published::parse("2022-01-10");
//! let day = doc.published.unwrap();
//! assert!(day.latest() > day.earliest()); // a day is an interval, not an instant
//! assert_eq!(CharOffsets::new(text).to_char(text.len()), text.chars().count());
//! ```

mod document;
mod offsets;
mod time;

pub use document::{ByteSpan, DocId, Document, SourceId};
pub use offsets::CharOffsets;
pub use time::{DatePrecision, Published, TimeOrder};
