//! Byte-level plumbing shared by the readers: peeking, gzip, counting, bounded reads.

use crate::error::ReadError;
use crate::reader::Location;
use flate2::read::MultiGzDecoder;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A reader whose first bytes have been read ahead (to sniff the format) and are replayed.
///
/// An error met while reading ahead is replayed after the bytes that came before it, not
/// raised at once: a truncated `.jsonl.gz` must still yield the lines before the truncation.
pub(crate) struct Peeked<R> {
    head: Vec<u8>,
    pos: usize,
    error: Option<io::Error>,
    inner: R,
}

impl<R: Read> Peeked<R> {
    pub(crate) fn new(mut inner: R, n: usize) -> Self {
        let mut head = vec![0; n];
        let mut filled = 0;
        let mut error = None;
        while filled < n {
            match inner.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(k) => filled += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        head.truncate(filled);
        Peeked {
            head,
            pos: 0,
            error,
            inner,
        }
    }

    pub(crate) fn head(&self) -> &[u8] {
        &self.head
    }
}

impl<R: Read> Read for Peeked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = buf.len().min(self.head.len() - self.pos);
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.inner.read(buf)
    }
}

/// Multi-member gzip (one member per WARC record is the norm), with errors that say they come
/// from the compression, since "unexpected end of file" alone does not tell a user that the
/// `.gz` is truncated.
pub(crate) struct Gunzip<R: BufRead>(MultiGzDecoder<R>);

impl<R: BufRead> Gunzip<R> {
    pub(crate) fn new(inner: R) -> Self {
        Gunzip(MultiGzDecoder::new(inner))
    }
}

impl<R: BufRead> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                "truncated gzip stream"
            } else {
                "corrupt gzip data"
            };
            io::Error::new(e.kind(), format!("{what} ({e})"))
        })
    }
}

pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Counts the bytes read from the raw input (compressed bytes for a `.gz`), which is what a
/// progress bar compares with file sizes.
pub(crate) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub(crate) fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads a whole input of at most `limit` bytes.
pub(crate) fn read_all(
    input: &mut dyn BufRead,
    limit: usize,
    location: Option<Location>,
) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    input
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::io(location, e))?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge { location, limit });
    }
    Ok(buf)
}

/// How one call of [`read_line`] ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line is in the buffer (without its `\n`).
    Read,
    /// The line was longer than the limit; it was consumed, the buffer holds its start.
    TooLong,
    Eof,
}

/// Reads one line of at most `limit` bytes into `buf` without ever holding more: a 10 GB file
/// without a newline must not be read into memory.
pub(crate) fn read_line(
    input: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => Line::Eof,
                (true, true) => Line::TooLong,
                (true, false) => Line::Read,
            });
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if take > room {
            too_long = true;
        }
        buf.extend_from_slice(&chunk[..take.min(room)]);
        input.consume(if done { take + 1 } else { take });
        if done {
            return Ok(if too_long { Line::TooLong } else { Line::Read });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor, Write};

    #[test]
    fn bounded_lines() {
        let mut r = Cursor::new(b"short\nthis one is long\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"short");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::TooLong);
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 8).unwrap(), Line::Eof);
    }

    #[test]
    fn peeked_replays_head_then_the_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&b"x".repeat(100_000)).unwrap();
        let bytes = gz.finish().unwrap();
        let cut = &bytes[..bytes.len() - 30];
        let mut p = Peeked::new(Gunzip::new(BufReader::new(cut)), 4096);
        assert_eq!(p.head().len(), 4096);
        let mut out = Vec::new();
        let err = p.read_to_end(&mut out).unwrap_err();
        assert!(err.to_string().contains("gzip"), "{err}");
        assert!(out.len() >= 4096);
    }
}
