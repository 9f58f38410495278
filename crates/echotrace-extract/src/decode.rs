//! Turning the bytes of an HTML page into text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into a page to look for a `<meta charset>`. The HTML standard's prescan reads 1024
/// bytes; pages with long inline scripts or comments in `<head>` push the tag further, so we
/// look further and accept the (tiny) risk of reading a charset out of body text.
const PRESCAN_BYTES: usize = 8192;

/// Decodes an HTML page to UTF-8 text, never failing (undecodable bytes become U+FFFD).
///
/// The order is: a byte-order mark; then UTF-8 if the whole page is valid UTF-8; then the
/// charset the page declares in a `<meta>` tag; then windows-1252 (what browsers assume for
/// undeclared legacy pages).
///
/// Valid UTF-8 wins over a declared charset on purpose: crawlers and "save page" tools often
/// re-encode pages to UTF-8 without touching the `<meta charset>`, and text in a legacy
/// single-byte encoding that happens to be valid UTF-8 is vanishingly rare once it holds any
/// non-ASCII byte. Trusting the declaration would turn such pages into mojibake.
pub fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    decode_html_with(bytes, None)
}

/// [`decode_html`] for a page that came with an HTTP `Content-Type` charset (a WARC record,
/// a fetched page): the server's word comes after the byte-order mark and valid UTF-8 and
/// before the page's own `<meta>`, as in browsers.
pub fn decode_html_with<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let enc = http_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .map(ascii_compatible)
        .or_else(|| declared_charset(bytes))
        .unwrap_or(WINDOWS_1252);
    // A page that declares UTF-8 but is not valid UTF-8 is lossy-decoded as UTF-8: the
    // declaration is more likely right than a guess, and only the bad bytes are lost.
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text
}

/// The standard maps a declared UTF-16 to UTF-8: a page whose declaration could be read as
/// ASCII cannot really be UTF-16 (and a real one has a byte-order mark).
fn ascii_compatible(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        enc
    }
}

/// The encoding named by `<meta charset=…>` or `<meta http-equiv=Content-Type content="…;
/// charset=…">` near the top of the page, if `encoding_rs` knows the label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        // Only inside a tag: the nearest '<' before must be a <meta.
        let Some(tag_start) = lower[..i].iter().rposition(|&b| b == b'<') else {
            continue;
        };
        if !lower[tag_start..].starts_with(b"<meta") || lower[tag_start..i].contains(&b'>') {
            continue;
        }
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len()
            && (lower[i].is_ascii_whitespace() || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            return Some(ascii_compatible(enc));
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
    fn declared_latin1_is_honoured_when_not_utf8() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><body>Caf\xe9</body></html>";
        assert!(decode_html(page).contains("Caf\u{e9}"));
    }

    #[test]
    fn http_equiv_form_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html(page).contains("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let page = "<meta charset=iso-8859-1><p>Café — ok</p>".as_bytes();
        assert!(decode_html(page).contains("Café — ok"));
    }

    #[test]
    fn the_servers_charset_comes_before_the_pages_own() {
        // KOI8-R bytes of "Привет", the page saying nothing, then saying windows-1251.
        let koi8 = b"<html><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(decode_html_with(koi8, Some("koi8-r")).contains("Привет"));
        let mut declared = b"<meta charset=windows-1251>".to_vec();
        declared.extend_from_slice(&koi8[..]);
        assert!(decode_html_with(&declared, Some("KOI8-R")).contains("Привет"));
        // An unknown server label falls back to the page's declaration.
        let cp1251 = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html_with(cp1251, Some("x-unknown")).contains("Привет"));
        // A server claiming UTF-16 for ASCII-readable bytes is wrong: read as UTF-8 (lossy).
        assert!(decode_html_with(b"<p>caf\xc3\xa9 \xff</p>", Some("utf-16le")).contains("café"));
    }

    #[test]
    fn bom_and_garbage() {
        let mut page = vec![0xef, 0xbb, 0xbf];
        page.extend_from_slice("<p>é</p>".as_bytes());
        assert_eq!(decode_html(&page), "<p>é</p>");
        // Undeclared, invalid UTF-8: windows-1252, where 0x93/0x94 are curly quotes.
        assert_eq!(decode_html(b"\x93hi\x94"), "\u{201c}hi\u{201d}");
        assert_eq!(declared_charset(b"charset=utf-8"), None);
        assert_eq!(declared_charset(b"<meta charset="), None);
    }
}
