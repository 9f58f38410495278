//! WARC (`.warc`, `.warc.gz`): every HTML `response` (or `resource`) record is a document.
//!
//! A small streaming reader of our own rather than the `warc` crate (0.4): that crate pulls
//! `nom` 7, `uuid` 0.8 and `libflate` (a second gzip implementation beside `flate2`) into the
//! build, buffers whole records, and leaves the HTTP message inside a response record to the
//! caller anyway. The format itself is small: a version line, `Name: value` headers, a blank
//! line, `Content-Length` bytes of block, `\r\n\r\n`. Reading it ourselves lets us number every
//! record, skip records we do not want without holding them (a 2 GB video response is read
//! past, not into memory), and say exactly how a truncated record falls short.

use crate::decode;
use crate::input::{read_line, Line};
use crate::reader::{
    emit, sniff_head, Deferred, DocumentReader, Emit, Item, Location, ReadContext,
};
use crate::readers::html::page_draft;
use crate::ReadError;
use echotrace_core::Published;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::io::{self, BufRead, Read};

/// Header lines longer than this are not WARC (it would be a binary file).
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Headers of one record, together.
const MAX_HEADERS: usize = 1024 * 1024;

#[derive(Clone, Copy, Debug, Default)]
pub struct WarcReader;

impl DocumentReader for WarcReader {
    fn name(&self) -> &'static str {
        "warc"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["warc"]
    }

    fn sniff(&self, head: &[u8]) -> u8 {
        if sniff_head(head).starts_with(b"WARC/") {
            100
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
        let mut record = 0u64;
        let mut line = Vec::new();
        loop {
            let next = Some(Location::Record(record + 1));
            // Records are separated by `\r\n\r\n`; tolerate any number of blank lines.
            loop {
                match read_line(input, &mut line, MAX_HEADER_LINE)
                    .map_err(|e| ReadError::io(next, e))?
                {
                    Line::Eof => return Ok(()),
                    Line::TooLong => {
                        return Err(ReadError::Malformed {
                            location: next,
                            detail: "expected a `WARC/1.x` version line, found binary data".into(),
                        })
                    }
                    Line::Read if trim_cr(&line).is_empty() => continue,
                    Line::Read => break,
                }
            }
            record += 1;
            let location = Some(Location::Record(record));
            if !line.starts_with(b"WARC/") {
                return Err(ReadError::Malformed {
                    location,
                    detail: format!(
                        "expected a `WARC/1.x` version line, found `{}`",
                        shown(&line)
                    ),
                });
            }
            let headers = read_headers(input, location, &mut line)?;
            let length = header(&headers, "content-length")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .ok_or_else(|| ReadError::Malformed {
                    location,
                    detail: "missing or invalid Content-Length header".into(),
                })?;
            let kind = header(&headers, "warc-type")
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let wanted = kind == "response" || kind == "resource";

            if !wanted || length > cx.max_record_bytes as u64 {
                let got = io::copy(&mut input.take(length), &mut io::sink())
                    .map_err(|e| ReadError::io(location, e))?;
                if got < length {
                    return Err(short_block(location, length, got));
                }
                let item = if wanted {
                    Item::Rejected {
                        location,
                        reason: format!(
                            "record larger than the {}-byte limit for one document",
                            cx.max_record_bytes
                        ),
                    }
                } else {
                    Item::Skipped { location }
                };
                emit!(emit, item);
                continue;
            }

            let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
            input
                .take(length)
                .read_to_end(&mut block)
                .map_err(|e| ReadError::io(location, e))?;
            if (block.len() as u64) < length {
                return Err(short_block(location, length, block.len() as u64));
            }
            // The HTTP parsing, decoding and extraction are left to the ingestor, which runs
            // them for several records at once.
            let item = Item::Deferred {
                location,
                work: Deferred::new(move |cx| record_document(&kind, &headers, &block, cx)),
            };
            emit!(emit, item);
        }
    }
}

fn short_block(location: Option<Location>, length: u64, got: u64) -> ReadError {
    ReadError::Truncated {
        location,
        detail: format!("record ends after {got} of its {length} bytes (Content-Length)"),
    }
}

fn read_headers(
    input: &mut dyn BufRead,
    location: Option<Location>,
    line: &mut Vec<u8>,
) -> Result<Vec<(String, String)>, ReadError> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut total = 0;
    loop {
        match read_line(input, line, MAX_HEADER_LINE).map_err(|e| ReadError::io(location, e))? {
            Line::Eof => {
                return Err(ReadError::Truncated {
                    location,
                    detail: "record ends inside its headers".into(),
                })
            }
            Line::TooLong => {
                return Err(ReadError::Malformed {
                    location,
                    detail: "header line too long".into(),
                })
            }
            Line::Read => {}
        }
        let l = trim_cr(line);
        if l.is_empty() {
            return Ok(headers);
        }
        total += l.len();
        if total > MAX_HEADERS {
            return Err(ReadError::Malformed {
                location,
                detail: "headers too long".into(),
            });
        }
        let text = String::from_utf8_lossy(l);
        if l[0] == b' ' || l[0] == b'\t' {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(text.trim());
                continue;
            }
        }
        let Some((name, value)) = text.split_once(':') else {
            return Err(ReadError::Malformed {
                location,
                detail: format!("header line without a colon: `{}`", shown(l)),
            });
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A short printable form of bytes for messages.
fn shown(bytes: &[u8]) -> String {
    let s: String = String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if bytes.len() > 40 {
        format!("{s}…")
    } else {
        s
    }
}

/// The document in one `response`/`resource` record; `Ok(None)` when the record is not an
/// HTML page (an image, a redirect, a 404).
fn record_document(
    kind: &str,
    warc_headers: &[(String, String)],
    block: &[u8],
    cx: &ReadContext<'_>,
) -> Result<Option<crate::reader::Draft>, String> {
    let url = header(warc_headers, "warc-target-uri")
        .map(|u| {
            u.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
        .filter(|u| !u.is_empty());
    let record_type = header(warc_headers, "content-type").unwrap_or("");

    let (content_type, charset, payload) = if kind == "response"
        && (record_type.is_empty()
            || record_type
                .to_ascii_lowercase()
                .starts_with("application/http"))
    {
        let Some(http) = parse_http(block)? else {
            return Ok(None);
        };
        let payload = http_payload(&http, cx.max_record_bytes)?;
        (http.content_type, http.charset, payload)
    } else {
        let ct = record_type.to_string();
        let charset = decode::charset_param(&ct).map(str::to_string);
        (Some(ct), charset, block.to_vec())
    };

    let is_html = match &content_type {
        Some(ct) => {
            let mime = ct
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            mime == "text/html" || mime == "application/xhtml+xml"
        }
        None => crate::readers::html::looks_like_html(&payload) >= 50,
    };
    if !is_html {
        return Ok(None);
    }
    let page = decode::html(&payload, charset.as_deref());
    let mut draft = page_draft(cx.extractor, &page, url.as_deref())?;
    if draft.published.is_none() {
        // The crawl time is when the page existed at the latest, a fallback only: the page's
        // own date is the publication date.
        draft.published = header(warc_headers, "warc-date").and_then(Published::parse);
    }
    Ok(Some(draft))
}

struct Http<'a> {
    content_type: Option<String>,
    charset: Option<String>,
    chunked: bool,
    encoding: Option<String>,
    body: &'a [u8],
}

/// Parses the HTTP response in a record; `Ok(None)` for a status that is not a page (3xx
/// redirects, 4xx, 5xx).
fn parse_http(block: &[u8]) -> Result<Option<Http<'_>>, String> {
    if !block.starts_with(b"HTTP/") {
        return Err("response record does not hold an HTTP response".into());
    }
    let (head_end, body_start) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err("HTTP headers do not end".into()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("bad HTTP status line `{}`", shown(status.as_bytes())))?;
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut http = Http {
        content_type: None,
        charset: None,
        chunked: false,
        encoding: None,
        body: &block[body_start..],
    };
    for l in lines {
        let Some((name, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => {
                http.charset = decode::charset_param(value).map(str::to_string);
                http.content_type = Some(value.to_string());
            }
            "transfer-encoding" => http.chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => {
                let v = value.to_ascii_lowercase();
                if !v.is_empty() && v != "identity" {
                    http.encoding = Some(v);
                }
            }
            _ => {}
        }
    }
    Ok(Some(http))
}

/// The payload as the server meant it: de-chunked and decompressed. Crawlers differ in
/// whether they store the transfer as sent or already decoded (keeping the headers either
/// way), so each step is only applied when the bytes look like it is needed.
fn http_payload(http: &Http<'_>, limit: usize) -> Result<Vec<u8>, String> {
    let body = if http.chunked {
        dechunk(http.body).unwrap_or_else(|| http.body.to_vec())
    } else {
        http.body.to_vec()
    };
    let Some(enc) = &http.encoding else {
        return Ok(body);
    };
    let limited = |r: &mut dyn Read| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        r.take(limit as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot decode Content-Encoding {enc}: {e}"))?;
        if out.len() > limit {
            return Err(format!(
                "decompressed page larger than the {limit}-byte limit"
            ));
        }
        Ok(out)
    };
    match enc.as_str() {
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            limited(&mut MultiGzDecoder::new(&body[..]))
        }
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
            limited(&mut ZlibDecoder::new(&body[..]))
                .or_else(|_| limited(&mut DeflateDecoder::new(&body[..])))
        }
        "gzip" | "x-gzip" | "deflate" => {
            // Stored already decoded: the page is plain bytes.
            if crate::readers::html::looks_like_html(&body) > 0 {
                Ok(body)
            } else {
                limited(&mut DeflateDecoder::new(&body[..]))
            }
        }
        other => Err(format!("Content-Encoding {other} is not supported")),
    }
}

/// Decodes `Transfer-Encoding: chunked`; `None` when the body is not chunked after all.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\n")?;
        let size_line = std::str::from_utf8(&body[..eol]).ok()?.trim();
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_and_refuses_non_chunked() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"ffffffffffffffff\r\nx"), None);
    }

    #[test]
    fn http_status_and_headers() {
        let r = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\nContent-Encoding: gzip\r\n\r\n<html>x</html>";
        let h = parse_http(r).unwrap().unwrap();
        assert_eq!(h.charset.as_deref(), Some("koi8-r"));
        assert_eq!(h.encoding.as_deref(), Some("gzip"));
        assert_eq!(h.body, b"<html>x</html>");
        // Stored already decoded despite the header: used as is.
        assert_eq!(http_payload(&h, 100).unwrap(), b"<html>x</html>");
        assert!(parse_http(b"HTTP/1.1 301 Moved\r\n\r\n").unwrap().is_none());
        assert!(parse_http(b"GET / HTTP/1.1\r\n\r\n").is_err());
    }

    #[test]
    fn gzip_content_encoding_is_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<html>page</html>").unwrap();
        let mut r = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        r.extend(gz.finish().unwrap());
        let h = parse_http(&r).unwrap().unwrap();
        assert_eq!(http_payload(&h, 100).unwrap(), b"<html>page</html>");
        assert!(http_payload(&h, 5).unwrap_err().contains("limit"));
    }
}
