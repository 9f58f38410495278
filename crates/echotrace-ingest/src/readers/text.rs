//! `.txt`: the whole file is one document.

use crate::decode;
use crate::input::read_all;
use crate::reader::{emit, sniff_head, DocumentReader, Draft, Emit, Item, ReadContext};
use crate::ReadError;
use std::io::BufRead;

/// One document per file, its text byte-exact (UTF-8, or what a byte-order mark names).
/// The byline and boilerplate rules of [`crate::body`] find the body, as for every format.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextReader;

impl DocumentReader for TextReader {
    fn name(&self) -> &'static str {
        "txt"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["txt", "text"]
    }

    fn sniff(&self, head: &[u8]) -> u8 {
        let head = sniff_head(head);
        match std::str::from_utf8(head) {
            Ok(_) => 10,
            // The head may end in the middle of a character.
            Err(e) if e.error_len().is_none() => 10,
            // Anything is possibly text: the reader will say what is wrong with it.
            Err(_) => 1,
        }
    }

    fn read(
        &self,
        input: &mut dyn BufRead,
        cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), ReadError> {
        let bytes = read_all(input, cx.max_record_bytes, None)?;
        let item = match decode::text(&bytes) {
            Ok(text) => Item::Document {
                location: None,
                draft: Box::new(Draft {
                    text,
                    ..Draft::default()
                }),
            },
            Err(reason) => Item::Rejected {
                location: None,
                reason,
            },
        };
        emit!(emit, item);
        Ok(())
    }
}
