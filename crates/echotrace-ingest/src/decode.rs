//! Bytes to text.
//!
//! Plain text is decoded strictly: its bytes are the document, offsets into it are what gold
//! files and users point at, so a file that is not what it claims is refused rather than
//! silently changed. HTML is decoded leniently (as browsers do): the extractor rewrites it into
//! new text anyway, and a stray bad byte must not lose a page.

use encoding_rs::Encoding;

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

/// Decodes an HTML page, never failing: byte-order mark, valid UTF-8, the charset the HTTP
/// response declared, `<meta charset>`, windows-1252 (see
/// [`echotrace_extract::decode_html_with`], which the extraction benchmarks use too).
pub fn html(bytes: &[u8], http_charset: Option<&str>) -> String {
    echotrace_extract::decode_html_with(bytes, http_charset).into_owned()
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
