//! HTML fragments (feed entries' `content:encoded`, `description`, Atom `content`) to plain
//! text in the shape extractors give: paragraphs separated by a blank line.
//!
//! A fragment is already the article: there is no page chrome to remove, so it does not go
//! through the [`ArticleExtractor`](echotrace_extract::ArticleExtractor), which is tuned to
//! find an article inside a whole page and may decline a short fragment. A small tag scanner is
//! enough here and cannot fail.

/// Elements whose start or end breaks a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "dl",
    "aside",
    "nav",
    "form",
    "address",
    "main",
    "details",
    "summary",
];

/// Elements whose content is not text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object",
];

/// Converts an HTML fragment to text. Text without any tag keeps its blank-line paragraphs.
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') {
        return plain_paragraphs(&html_escape::decode_html_entities(html));
    }
    let mut out = Builder::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A '<' that opens no tag is text.
            out.text(rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            if !tag.starts_with('!') && !tag.starts_with('?') && !closing {
                // `a < b > c`: not a tag.
                out.text("<");
                out.text(tag);
                out.text(">");
            }
            continue;
        }
        let local = name.rsplit(':').next().unwrap_or(&name);
        if !closing && SKIPPED.contains(&local) && !tag.ends_with('/') {
            let close = format!("</{name}");
            rest = match find_ascii_ci(rest, &close) {
                Some(i) => rest[i..].find('>').map_or("", |g| &rest[i + g + 1..]),
                None => "",
            };
            continue;
        }
        if local == "br" {
            out.line_break();
        } else if BLOCKS.contains(&local) {
            out.paragraph_break();
        }
    }
    out.text(rest);
    out.finish()
}

/// Byte position of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
}

/// Collapses whitespace inside paragraphs of a plain text, keeping blank-line breaks.
pub(crate) fn plain_paragraphs(text: &str) -> String {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(collapse(&current.join(" ")));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(collapse(&current.join(" ")));
    }
    paragraphs.join("\n\n")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Builder {
    paragraphs: Vec<String>,
    current: String,
    /// Whitespace seen since the last word, to be written as one space before the next word.
    pending_space: bool,
}

impl Builder {
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = html_escape::decode_html_entities(raw);
        for (i, word) in decoded.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn paragraph_break(&mut self) {
        let p = self.current.trim().to_string();
        if !p.is_empty() {
            self.paragraphs.push(p);
        }
        self.current.clear();
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.paragraphs.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities() {
        let html = "<p>Tokayev&nbsp;said &ldquo;coup&rdquo; &amp; more.</p>\n<p>Second <b>para</b>\n graph.<br/>Line two.</p><script>var x = '<p>';</script><!-- c --><div>Third</div>";
        assert_eq!(
            html_to_text(html),
            "Tokayev said “coup” & more.\n\nSecond para graph.\nLine two.\n\nThird"
        );
    }

    #[test]
    fn plain_text_keeps_paragraphs() {
        assert_eq!(
            html_to_text("One\ntwo.\n\nThree &amp; four."),
            "One two.\n\nThree & four."
        );
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<p",
            "a < b > c",
            "<script>",
            "<!--",
            "</>",
            "<ü>x</ü>",
            "&#xFFFFFFFF;",
            "<:>",
        ] {
            let _ = html_to_text(s);
        }
        assert_eq!(html_to_text("a < b"), "a < b");
    }
}
