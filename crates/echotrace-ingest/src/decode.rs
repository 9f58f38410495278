//! Bytes to text.
//!
//! Plain text is decoded strictly: its bytes are the document, offsets into it are what gold
//! files and users point at, so a file that is not what it claims is refused rather than
//! silently changed. HTML is decoded leniently (as browsers do): the extractor rewrites it into
//! new text anyway, and a stray bad byte must not lose a page.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes a plain-text file: by its byte-order mark when it has one, else as UTF-8.
pub fn text(bytes: &[u8]) -> Result<String, String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        if had_errors {
            return Err(format!(
                "not valid {} although its byte-order mark says so",
                enc.name()
            ));
        }
        return Ok(text.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            let byte = bytes.get(at).copied().unwrap_or(0);
            Err(format!(
                "not UTF-8 text: invalid byte 0x{byte:02x} at byte {at} (line {line}); convert it \
                 to UTF-8 or add a byte-order mark"
            ))
        }
    }
}

/// How far into a page to look for `<meta charset>`. The HTML standard's prescan stops at
/// 1024 bytes; real pages with long inline scripts in `<head>` put it later.
const PRESCAN_BYTES: usize = 8192;

/// Decodes an HTML page, never failing. Order: byte-order mark; valid UTF-8 (re-saved pages
/// often keep a stale legacy `<meta charset>`, and legacy text that is also valid UTF-8 is
/// vanishingly rare); the charset the HTTP response declared; `<meta charset>`;
/// windows-1252, which is what browsers assume.
pub fn html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return enc.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let enc = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| meta_charset(bytes))
        .unwrap_or(WINDOWS_1252);
    // UTF-16 labels in a <meta> are a lie by construction (the tag was readable as ASCII).
    let enc = if enc.name().starts_with("UTF-16") {
        UTF_8
    } else {
        enc
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The charset in a `Content-Type` value: `text/html; charset="koi8-r"` → `koi8-r`.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        // Only inside a <meta> tag: the nearest '<' before must open one.
        let Some(tag_start) = lower[..i].iter().rposition(|&b| b == b'<') else {
            continue;
        };
        if !lower[tag_start..].starts_with(b"<meta") || lower[tag_start..i].contains(&b'>') {
            continue;
        }
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b"\"';>/".contains(&b))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_text_names_the_bad_byte() {
        assert_eq!(text("Tokayev – ok".as_bytes()).unwrap(), "Tokayev – ok");
        let err = text(b"line one\nbad \xff byte").unwrap_err();
        assert!(err.contains("0xff") && err.contains("line 2"), "{err}");
        // A UTF-16 file with its BOM decodes.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(text(&utf16).unwrap(), "Hi");
        // The UTF-8 BOM is not part of the text.
        assert_eq!(text(b"\xEF\xBB\xBFHi").unwrap(), "Hi");
    }

    #[test]
    fn html_uses_declared_charsets() {
        let page = b"<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        assert!(html(page, None).contains("Привет"));
        let page = b"<html><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(html(page, Some("koi8-r")).contains("Привет"));
        assert!(html(b"caf\xe9", None).contains("café"));
        assert_eq!(charset_param("text/html; charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html"), None);
    }
}
