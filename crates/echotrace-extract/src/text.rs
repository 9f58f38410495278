//! Plain-text helpers shared by every extractor.

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

#[cfg(test)]
mod tests {
    use super::*;

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
