//! Where the article is inside a text: a byline line above it and blog boilerplate below it
//! are kept in the text (so offsets agree with the input) but are outside the body.
//!
//! These rules run on every document's text, whatever its format: a `.txt` file, a JSONL
//! `text` field, the text an extractor got out of an HTML page, a feed entry. Running the same
//! rules everywhere is what makes an exported document re-ingest to the same body.
//!
//! The rules are deliberately narrow. A wrong byline hides the first line of an article; a
//! missed byline only leaves a short name in the body. So a first line counts as a byline only
//! when it has the shape of one:
//!
//! - an attribution phrase: `Source: TASS`, `By Reuters`, `Originally published by x.com.`,
//!   `This article first appeared on x.com.`, `Read more at x.com`, `(c) x.com`;
//! - a wire dateline opening the first paragraph: `MOSCOW, Jan 10 (Sputnik) - …`, `(AP) — …`
//!   (only the dateline is cut, the paragraph stays body);
//! - a bare name: a short line (≤ 4 words, ≤ 40 bytes) without sentence punctuation whose
//!   words are capitalised (or a domain name), followed by a longer line of prose.
//!
//! Boilerplate is looked for only at the end, line by line upwards, and only as whole short
//! lines matching a known widget or blog-footer phrase, so an article sentence that merely
//! starts with "Subscribe" survives.

use echotrace_core::{ByteSpan, SourceId};

/// How a text divides into byline, body and trailing boilerplate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The article body (trimmed of surrounding whitespace).
    pub body: ByteSpan,
    /// The byline above the body, if any.
    pub byline: Option<Byline>,
    /// The trailing boilerplate block below the body, if any.
    pub boilerplate: Option<ByteSpan>,
}

/// A byline found at the top of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Byline {
    /// The bytes of the byline (for a dateline: the dateline only, up to the dash).
    pub span: ByteSpan,
    /// The outlet it names, when it names one rather than a person.
    pub source: Option<SourceId>,
}

/// Finds the body of `text`. Never fails: a text with nothing but byline and boilerplate gets
/// an empty body, which callers reject.
///
/// `known_source` is the outlet the input itself names (a JSONL `source`, a site name, the
/// URL's host), if any. A bare-name first line is a byline only when it matches it
/// (`Sputnik` for `sputniknews.com`): with the publisher known, a short first line that names
/// someone else is far more often a heading (`Pittsburgh`, `Introduction`) than a credit.
/// Without one, an outlet-shaped name is taken as the byline. The rule depends only on the
/// text and the final source, so an exported document re-ingests to the same body.
pub fn layout(text: &str, known_source: Option<&str>) -> Layout {
    let lines = lines(text);
    let Some(first) = lines.iter().position(|l| !l.trimmed(text).is_empty()) else {
        return Layout {
            body: ByteSpan::new(text.len(), text.len()),
            byline: None,
            boilerplate: None,
        };
    };

    let mut body_start = lines[first].start;
    let mut byline = None;
    let first_line = lines[first].content(text);
    let next_line = lines[first + 1..]
        .iter()
        .map(|l| l.trimmed(text))
        .find(|l| !l.is_empty());
    if let Some(next) = next_line {
        if let Some(source) = attribution(first_line.trim())
            .or_else(|| bare_name(first_line.trim(), next, known_source))
        {
            byline = Some(Byline {
                span: ByteSpan::new(lines[first].start, lines[first].end_content),
                source,
            });
            body_start = lines[first].end;
        }
    }
    if byline.is_none() {
        if let Some((len, source)) = dateline(first_line) {
            let start = lines[first].start;
            byline = Some(Byline {
                span: ByteSpan::new(start, start + len),
                source,
            });
            body_start = start + len;
        }
    }

    // Trailing boilerplate: whole lines from the end upwards, blank lines between them allowed.
    let mut body_end = text.len();
    let mut boiler_start = None;
    for line in lines.iter().rev() {
        if line.end <= body_start {
            break;
        }
        let t = line.trimmed(text);
        if t.is_empty() {
            continue;
        }
        if is_boilerplate(t) {
            boiler_start = Some(line.start);
            body_end = line.start;
        } else {
            break;
        }
    }

    let body = trim_span(text, body_start, body_end.max(body_start));
    let boilerplate = boiler_start.map(|s| {
        let b = trim_span(text, s, text.len());
        ByteSpan::new(b.start, b.end)
    });
    Layout {
        body,
        byline,
        boilerplate,
    }
}

#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    /// End of the content, before `\r\n` / `\n`.
    end_content: usize,
    /// End including the line break.
    end: usize,
}

impl Line {
    fn content<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end_content).unwrap_or("")
    }
    fn trimmed<'a>(&self, text: &'a str) -> &'a str {
        self.content(text).trim()
    }
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.trim_end_matches('\n').trim_end_matches('\r');
        out.push(Line {
            start,
            end_content: start + content.len(),
            end,
        });
        start = end;
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> ByteSpan {
    let Some(s) = text.get(start..end) else {
        return ByteSpan::new(start, start);
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    ByteSpan::new(start + lead, start + lead + trimmed.len())
}

/// Attribution phrases, lowercase, each followed by the outlet's name.
const ATTRIBUTIONS: &[&str] = &[
    "source:",
    "sources:",
    "originally published by",
    "originally published at",
    "originally published on",
    "originally published in",
    "first published by",
    "first published on",
    "first published in",
    "this article first appeared on",
    "this article first appeared in",
    "this article originally appeared on",
    "this article originally appeared in",
    "this article was originally published on",
    "this article was originally published by",
    "this story first appeared on",
    "this story first appeared in",
    "republished from",
    "reprinted from",
    "read more at",
    "read more on",
    "(c)",
    "©",
    "copyright",
    "credit:",
    "by",
];

/// A first line like `Source: TASS`; `Some(source)` when it is one (`Some(None)`: a byline
/// that names a person, not an outlet).
fn attribution(line: &str) -> Option<Option<SourceId>> {
    if line.len() > 120 {
        return None;
    }
    let lower = line.to_lowercase();
    // Lowercasing can change byte lengths (rare letters); only trust prefixes when it did not.
    if lower.len() != line.len() {
        return None;
    }
    let phrase = ATTRIBUTIONS.iter().find(|p| {
        lower.starts_with(*p)
            && (p.ends_with(':') || p.ends_with('©') || p.ends_with(')') || {
                // A word phrase must end at a word boundary: `By ` yes, `Bygone` no.
                lower[p.len()..].starts_with([' ', '\t'])
            })
    })?;
    let name = line[phrase.len()..]
        .trim()
        .trim_start_matches([':', '-', '–', '—'])
        .trim()
        .trim_end_matches(['.', ',', ';'])
        .trim();
    if name.is_empty() || name.split_whitespace().count() > 8 {
        return None;
    }
    // A sentence that happens to start with an attribution word ("By the end of the year, …")
    // goes on in lowercase; a name does not.
    let first_char = name.chars().next()?;
    let name_is_url = name.contains("://");
    if !(first_char.is_uppercase() || first_char.is_ascii_digit() || is_domain(name) || name_is_url)
    {
        return None;
    }
    if name.contains(". ") || name.ends_with('?') || name.ends_with('!') {
        return None;
    }
    if name_is_url {
        return Some(SourceId::from_url(name));
    }
    if *phrase == "by" {
        if !name.split_whitespace().all(is_name_word) {
            return None;
        }
        // `By Jane Doe, Reuters` / `By Jane Doe | TASS`: the outlet comes last.
        let parts: Vec<&str> = name
            .split([',', '|', '/'])
            .flat_map(|p| p.split(" - "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let outlet = parts.iter().rev().find(|p| outlet_like(p));
        return Some(outlet.and_then(|p| SourceId::new(p)));
    }
    let name = strip_year(name);
    Some(SourceId::new(name))
}

/// `(c) 2022 TASS` names TASS.
fn strip_year(name: &str) -> &str {
    let mut words = name.splitn(2, ' ');
    match (words.next(), words.next()) {
        (Some(y), Some(rest)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            rest.trim()
        }
        _ => name,
    }
}

/// A short line that is only a name: `Sputnik`, `RIA Novosti`, `tass.com`.
fn bare_name(line: &str, next: &str, known_source: Option<&str>) -> Option<Option<SourceId>> {
    if line.len() < 2 || line.len() > 40 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    // The line after must be prose, longer than the name: a list of short lines is not a
    // byline followed by an article.
    if next.len() < 40 || next.len() < 2 * line.len() {
        return None;
    }
    let domain = is_domain(line);
    if !domain
        && (line.contains(|c: char| ".!?;:,\"“”«»()[]{}<>=/\\*#@".contains(c))
            || !line.chars().any(char::is_alphabetic)
            || !words.iter().all(|w| is_name_word(w)))
    {
        return None;
    }
    match known_source {
        Some(known) => names_match(line, known).then(|| SourceId::new(line)),
        None => {
            (domain || (outlet_like(line) && !is_heading_word(line))).then(|| SourceId::new(line))
        }
    }
}

/// `Sputnik` names `sputniknews.com`; `TASS` names `tass.com`; `RIA Novosti` names `ria.ru`
/// only by luck, which is why a mismatch keeps the line in the body rather than dropping it.
fn names_match(line: &str, known: &str) -> bool {
    let norm = |s: &str| -> String {
        s.to_lowercase()
            .trim_start_matches("www.")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let known_name = known
        .split('.')
        .next()
        .filter(|_| is_domain(known))
        .map_or_else(|| norm(known), norm);
    let line = norm(line);
    line.len() >= 2
        && known_name.len() >= 2
        && (known_name.contains(&line) || line.contains(&known_name))
}

/// Single words that open articles as headings, not as credits.
fn is_heading_word(line: &str) -> bool {
    const HEADINGS: &[&str] = &[
        "introduction",
        "summary",
        "overview",
        "abstract",
        "background",
        "tldr",
        "update",
        "updated",
        "contents",
        "menu",
        "home",
        "news",
        "breaking",
        "opinion",
        "editorial",
        "analysis",
        "review",
        "interview",
        "sponsored",
        "advertisement",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "conclusion",
        "preface",
        "foreword",
        "epilogue",
        "prologue",
    ];
    HEADINGS.contains(&line.trim().to_lowercase().as_str())
}

/// A word of a proper name: capitalised, a number, or a connector (`of`, `de`, `&`).
fn is_name_word(w: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "of", "the", "and", "de", "la", "le", "du", "des", "del", "der", "di", "el", "al", "y",
        "&", "+", "-", "–", "|", "for", "on", "in", "van", "von",
    ];
    let w = w.trim_matches(|c: char| c == ',' || c == '\'' || c == '’');
    match w.chars().next() {
        Some(c) => {
            c.is_uppercase() || c.is_ascii_digit() || CONNECTORS.contains(&w) || is_domain(w)
        }
        None => true,
    }
}

/// Whether a name is more likely an outlet than a person: one word, an acronym, a domain, or
/// a name with a newsroom word in it. Two or three capitalised words are usually a reporter.
fn outlet_like(name: &str) -> bool {
    const NEWSROOM: &[&str] = &[
        "news",
        "press",
        "times",
        "post",
        "agency",
        "media",
        "tv",
        "radio",
        "daily",
        "journal",
        "gazette",
        "herald",
        "tribune",
        "telegraph",
        "guardian",
        "wire",
        "today",
        "observer",
        "chronicle",
        "magazine",
        "network",
        "broadcasting",
        "channel",
        "report",
        "review",
        "insider",
        "express",
        "mail",
        "star",
        "globe",
        "independent",
        "online",
        "novosti",
        "interfax",
        "xinhua",
        "reuters",
        "bloomberg",
        "service",
        "agencies",
        "newswire",
        "bbc",
        "cnn",
        "world",
        "weekly",
        "monitor",
        "standard",
        "examiner",
        "informer",
        "courier",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() == 1 || is_domain(name) {
        return true;
    }
    let acronym =
        |w: &&str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    if words.iter().any(acronym) {
        return true;
    }
    words.iter().any(|w| {
        NEWSROOM.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

/// `tass.com`, `outlet-022.example`, `news.bbc.co.uk`.
fn is_domain(s: &str) -> bool {
    let s = s.strip_prefix("www.").unwrap_or(s);
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A wire dateline opening the first paragraph: `MOSCOW, January 10 (Sputnik) - `,
/// `(AP) — `. Returns the dateline's length in bytes (through the dash and spaces after it) and
/// the agency.
fn dateline(line: &str) -> Option<(usize, Option<SourceId>)> {
    let open = line.find('(')?;
    if open > 60 {
        return None;
    }
    let close = open + line[open..].find(')')?;
    let agency = line[open + 1..close].trim();
    if agency.is_empty()
        || agency.len() > 30
        || agency.split_whitespace().count() > 4
        || !agency.chars().next().is_some_and(char::is_uppercase)
        || !agency.split_whitespace().all(is_name_word)
    {
        return None;
    }
    let prefix = line[..open].trim();
    if !prefix.is_empty() {
        // Datelines start with the city in capitals (`WASHINGTON`, `NEW YORK,`).
        let first_word = prefix.split([' ', ',']).next().unwrap_or("");
        if first_word.len() < 2
            || !first_word
                .chars()
                .all(|c| c.is_uppercase() || c == '-' || c == '.' || c == '\'')
            || prefix.contains(['!', '?', ';', '"', '“'])
        {
            return None;
        }
    }
    let after = &line[close + 1..];
    let rest = after.trim_start();
    let dash = rest.chars().next()?;
    if !matches!(dash, '-' | '–' | '—') {
        return None;
    }
    let rest_after_dash = rest.trim_start_matches(['-', '–', '—']);
    let text = rest_after_dash.trim_start();
    if text.len() < 20 {
        return None;
    }
    let len = line.len() - text.len();
    Some((len, SourceId::new(agency)))
}

/// Whole lines that blogs and share widgets put after an article.
fn is_boilerplate(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let l = line.to_lowercase();
    let l = l.trim_end_matches(['.', '…']).trim();
    const EXACT: &[&str] = &[
        "no comments",
        "no comments:",
        "post a comment",
        "share this",
        "share this:",
        "share",
        "share:",
        "share this article",
        "share this story",
        "share this post",
        "share on facebook",
        "share on twitter",
        "share to twitter",
        "share to facebook",
        "share to pinterest",
        "email this",
        "blogthis!",
        "twitter",
        "facebook",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "tumblr",
        "pocket",
        "print",
        "email",
        "more",
        "like this:",
        "like this",
        "like loading",
        "loading",
        "related",
        "related posts",
        "related articles",
        "related stories",
        "you may also like",
        "leave a reply",
        "leave a comment",
        "leave a reply cancel reply",
        "newer post",
        "older post",
        "newer post older post home",
        "home",
        "comments",
        "0 comments",
        "tags",
        "advertisement",
    ];
    if EXACT.contains(&l) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "subscribe",
        "posted by ",
        "labels:",
        "tags:",
        "filed under",
        "share this:",
        "read more at",
        "read more on",
        "read more:",
        "(c) ",
        "© ",
        "copyright ",
        "all rights reserved",
        "follow us on",
        "sign up for",
        "email this",
        "newer post",
    ];
    let has_prefix = |p: &&str| {
        l.starts_with(*p)
            // `Subscribe` but not `Subscribers to the service …`.
            && !(p.ends_with(|c: char| c.is_alphabetic())
                && l[p.len()..].starts_with(|c: char| c.is_alphanumeric()))
    };
    if PREFIXES.iter().any(has_prefix) {
        return true;
    }
    // `12 comments:` as Blogger prints it.
    if let Some(n) = l
        .strip_suffix(" comments:")
        .or_else(|| l.strip_suffix(" comments"))
    {
        return n.bytes().all(|b| b.is_ascii_digit());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> &str {
        layout(text, None).body.slice(text)
    }

    fn source(text: &str) -> Option<String> {
        layout(text, None)
            .byline
            .and_then(|b| b.source)
            .map(|s| s.as_str().to_string())
    }

    const PROSE: &str =
        "Kazakh President Kassym-Jomart Tokayev said on Monday that the unrest was prepared.";

    #[test]
    fn bare_outlet_name_is_a_byline() {
        let text = format!("Sputnik\n{PROSE}\nSecond line.\nNo comments:\nPost a Comment");
        assert_eq!(source(&text).as_deref(), Some("Sputnik"));
        assert_eq!(body(&text), format!("{PROSE}\nSecond line."));
        let l = layout(&text, None);
        assert_eq!(
            l.boilerplate.unwrap().slice(&text),
            "No comments:\nPost a Comment"
        );
    }

    #[test]
    fn attribution_phrases_name_the_outlet() {
        for (line, want) in [
            ("Source: TASS", Some("TASS")),
            ("By Reuters", Some("Reuters")),
            ("By Jane Doe, Reuters", Some("Reuters")),
            ("By Jane Doe", None),
            (
                "Originally published by outlet-022.example.",
                Some("outlet-022.example"),
            ),
            ("This article first appeared on tass.com.", Some("tass.com")),
            ("Read more at tass.com", Some("tass.com")),
            ("(c) 2022 tass.com", Some("tass.com")),
            (
                "Read more at https://www.tass.com/world/1",
                Some("tass.com"),
            ),
        ] {
            let text = format!("{line}\n{PROSE}");
            assert_eq!(source(&text).as_deref(), want, "{line}");
            assert_eq!(body(&text), PROSE, "{line}");
        }
    }

    #[test]
    fn sentences_are_not_bylines() {
        for first in [
            "By the end of the year, prices had doubled across the region.",
            "Source: officials said the talks would go on.",
            "The president spoke.",
            "Breaking: markets fall",
            "in brief",
        ] {
            let text = format!("{first}\n{PROSE}");
            assert_eq!(body(&text), text, "{first}");
        }
        // A short line followed by another short line is a list, not a byline.
        let text = "Sputnik\nRIA Novosti\nTASS";
        assert_eq!(body(text), text);
        // A lone line is the whole body.
        assert_eq!(body("Sputnik"), "Sputnik");
    }

    #[test]
    fn names_that_are_not_outlets_stay_in_the_body() {
        for first in [
            "Jane Doe",
            "Manage Third-Party Risks",
            "Introduction",
            "February",
            "TLDR",
        ] {
            let text = format!("{first}\n{PROSE}");
            assert_eq!(body(&text), text, "{first}");
        }
    }

    #[test]
    fn a_known_source_decides_bare_names() {
        let text = format!("Sputnik\n{PROSE}");
        let with = |known| layout(&text, Some(known)).body.slice(&text).to_string();
        assert_eq!(with("sputniknews.com"), PROSE);
        assert_eq!(with("Sputnik"), PROSE);
        assert_eq!(with("tass.com"), text);
        // A heading above an article from a known outlet is body.
        let text = format!("Pittsburgh\n{PROSE}");
        assert_eq!(
            layout(&text, Some("post-gazette.com")).body.slice(&text),
            text
        );
        // Explicit attributions do not depend on it.
        let text = format!("Source: TASS\n{PROSE}");
        assert_eq!(layout(&text, Some("blog.example")).body.slice(&text), PROSE);
    }

    #[test]
    fn wire_dateline_is_cut_from_the_first_paragraph() {
        let text = format!("MOSCOW, January 10 (Sputnik) - {PROSE}");
        assert_eq!(source(&text).as_deref(), Some("Sputnik"));
        assert_eq!(body(&text), PROSE);
        let text = format!("(AP) — {PROSE}");
        assert_eq!(source(&text).as_deref(), Some("AP"));
        assert_eq!(body(&text), PROSE);
        // Parentheses inside a sentence are not a dateline.
        let text =
            "The Collective Security Treaty Organization (CSTO) - a bloc of six states - met.";
        assert_eq!(body(text), text);
    }

    #[test]
    fn boilerplate_only_at_the_end() {
        let text = format!("Share this:\n{PROSE}\nShare this:\nTwitter\nFacebook\n\n");
        assert_eq!(body(&text), format!("Share this:\n{PROSE}"));
        let text = format!("{PROSE}\nSubscribe to our newsletter");
        assert_eq!(body(&text), PROSE);
        let text =
            format!("{PROSE}\nPosted by Anna at 10:31 AM\nLabels: Kazakhstan, CSTO\n12 comments:");
        assert_eq!(body(&text), PROSE);
        let long = "Subscribers to the service, which launched last year, now number in the millions and growing.";
        let text = format!("{PROSE}\n{long}");
        assert_eq!(body(&text), text);
    }

    #[test]
    fn nothing_but_boilerplate_is_an_empty_body() {
        assert!(layout("No comments:\nPost a Comment\n", None)
            .body
            .is_empty());
        assert!(layout("  \n\n", None).body.is_empty());
        assert!(layout("", None).body.is_empty());
    }

    #[test]
    fn crlf_lines_and_odd_characters_do_not_break_offsets() {
        let text = format!("Sputnik\r\n{PROSE}\r\nNo comments:\r\n");
        assert_eq!(body(&text), PROSE);
        for t in [
            "İ\nx",
            "ẞ(ẞ) - ",
            "(\u{0130}) — aaaaaaaaaaaaaaaaaaaaaaaaa",
            "©\n",
            "By\n",
        ] {
            let l = layout(t, None);
            assert!(t.get(l.body.start..l.body.end).is_some(), "{t:?}");
        }
    }
}
