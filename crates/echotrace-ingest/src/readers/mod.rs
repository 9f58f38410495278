//! The built-in readers.

mod feed;
pub(crate) mod html;
mod jsonl;
mod text;
mod warc;

pub use feed::FeedReader;
pub use html::HtmlReader;
pub use jsonl::{parse_line as parse_jsonl_line, JsonlReader};
pub use text::TextReader;
pub use warc::WarcReader;

use crate::reader::DocumentReader;
use std::sync::Arc;

/// Every built-in reader, in the order ties in sniffing are broken.
pub fn builtin() -> Vec<Arc<dyn DocumentReader>> {
    vec![
        Arc::new(WarcReader),
        Arc::new(FeedReader),
        Arc::new(JsonlReader),
        Arc::new(HtmlReader),
        Arc::new(TextReader),
    ]
}
