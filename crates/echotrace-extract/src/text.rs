//! Plain-text helpers shared by every extractor.

use std::borrow::Cow;

/// Collapses every run of whitespace (Unicode, including no-break spaces) to one space and
/// trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Puts text from another extractor into echotrace's body form: one paragraph per non-blank
/// line, whitespace collapsed, paragraphs separated by `\n\n`.
pub fn paragraphs_from_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = collapse_whitespace(line);
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// The byte a character stands for when UTF-8 text was wrongly decoded as Latin-1 or
/// windows-1252 (the usual mojibake: `â€™` for `’`, `Ã©` for `é`).
fn mojibake_byte(c: char) -> Option<u8> {
    let cp = u32::from(c);
    if cp <= 0xFF {
        return u8::try_from(cp).ok();
    }
    // windows-1252's printable characters in 0x80..0x9F.
    const CP1252: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    CP1252.iter().find(|(k, _)| *k == c).map(|&(_, b)| b)
}

/// Repairs UTF-8 that was decoded as Latin-1/windows-1252 somewhere upstream (pages that
/// went through such a round trip before they were saved): each lead character
/// (`Â`..`ô`) followed by the continuation characters of a valid UTF-8 sequence becomes the
/// character that sequence encodes. Text without such sequences is returned unchanged, so
/// real `Ã` or `â` followed by a letter are left alone.
pub fn repair_mojibake(s: &str) -> Cow<'_, str> {
    let needs = s.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c));
    if !needs {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lead = u32::from(c);
        let extra = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        if extra > 0 && i + extra < chars.len() {
            let mut bytes = [0u8; 4];
            bytes[0] = lead as u8;
            let mut ok = true;
            for k in 1..=extra {
                match mojibake_byte(chars[i + k]) {
                    Some(b @ 0x80..=0xBF) => bytes[k] = b,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                if let Ok(fixed) = std::str::from_utf8(&bytes[..=extra]) {
                    out.push_str(fixed);
                    changed = true;
                    i += extra + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake() {
        assert_eq!(repair_mojibake("Thatâ\u{80}\u{99}s it"), "That’s it");
        assert_eq!(repair_mojibake("donâ€™t stop"), "don’t stop");
        assert_eq!(repair_mojibake("cafÃ© crème"), "café crème");
        // Real Latin-1 text is left alone.
        assert_eq!(
            repair_mojibake("Ãrvore, âge, Ångström"),
            "Ãrvore, âge, Ångström"
        );
        assert_eq!(repair_mojibake("plain"), "plain");
    }

    #[test]
    fn collapses_and_splits() {
        assert_eq!(collapse_whitespace("  a\u{a0}\t b\n c  "), "a b c");
        assert_eq!(
            paragraphs_from_lines("one  two\n\n\n three\n \n"),
            "one two\n\nthree"
        );
        assert_eq!(paragraphs_from_lines(""), "");
    }
}
