//! Credit lines: how a copy says openly where it comes from (`By Reuters staff`,
//! `Source: TASS`, `MOSCOW (Reuters) —`, `Interfax reported.`).
//!
//! Only the first and last few lines of a text are read: credits sit above or below the
//! article, while the same phrases inside the body are usually reporting ("the Times reported
//! that …"), not a statement about the copy.

use serde::{Deserialize, Serialize};

/// A credit found in a text: the credited name as written and the whole line, for evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditLine {
    pub name: String,
    pub line: String,
}

/// Lines read at each edge of the text.
const EDGE_LINES: usize = 3;
/// Longer lines are paragraphs of the article, not credit lines.
const MAX_LINE_CHARS: usize = 200;
const MAX_NAME_WORDS: usize = 6;

/// Cues that open a credit line, lowercased, followed by the name.
const LEADING_CUES: &[&str] = &[
    "source:",
    "sources:",
    "source -",
    "via:",
    "via ",
    "credit:",
    "courtesy of ",
    "courtesy:",
    "from:",
    "reprinted from ",
    "republished from ",
    "originally published by ",
    "originally published in ",
    "originally published on ",
    "first published by ",
    "first published in ",
    "first published on ",
];

/// Words after `By NAME` that make it a newsroom credit rather than a personal byline.
const NEWSROOM_WORDS: &[&str] = &[
    "staff",
    "staffers",
    "newsroom",
    "news service",
    "news desk",
    "desk",
    "wire",
    "wires",
    "correspondents",
    "reporters",
    "editors",
    "news staff",
    "staff writer",
    "staff writers",
    "staff reporter",
    "staff reporters",
];

/// The credits of a text (see the module docs).
pub fn credit_lines(text: &str) -> Vec<CreditLine> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let n = lines.len();
    let mut out: Vec<CreditLine> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if k >= EDGE_LINES && k + EDGE_LINES < n {
            continue;
        }
        if line.chars().count() > MAX_LINE_CHARS {
            continue;
        }
        if let Some(name) = credit_in_line(line, k == 0) {
            if !out.iter().any(|c| credit_key(&c.name) == credit_key(&name)) {
                out.push(CreditLine {
                    name,
                    line: (*line).to_string(),
                });
            }
        }
    }
    out
}

fn credit_in_line(line: &str, first: bool) -> Option<String> {
    let lower = line.to_lowercase();
    // Case folding must not move byte offsets, or the cut below lands in the wrong place.
    if lower.len() != line.len() {
        return None;
    }
    let body = lower.trim_start_matches(['*', '-', '—', '–', '•', '_', ' ', '[', '(']);
    let lead = lower.len() - body.len();
    for cue in LEADING_CUES {
        if body.starts_with(cue) {
            return clean_name(&line[lead + cue.len()..]);
        }
    }
    if let Some(rest) = body.strip_prefix("by ") {
        let rest_orig = &line[lead + 3..];
        for w in NEWSROOM_WORDS {
            // `By X staff`, `By X Staff Writer`, `By the X news desk`
            for sep in [" ", " news "] {
                let pat = format!("{sep}{w}");
                if let Some(at) = rest.find(&pat) {
                    let after = &rest[at + pat.len()..];
                    if after
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                        || after.starts_with([' ', ',', '.', '|'])
                    {
                        return clean_name(&rest_orig[..at]);
                    }
                }
            }
        }
    }
    // A dateline: `MOSCOW (Reuters) —` at the start of the first line.
    if first {
        if let (Some(open), Some(close)) = (line.find('('), line.find(')')) {
            let after = line[close + 1..].trim_start();
            let dash = after.starts_with(['—', '–', '-']);
            let place = &line[..open];
            if open < close
                && dash
                && place.chars().count() <= 40
                && place
                    .chars()
                    .all(|c| !c.is_lowercase() || c.is_whitespace())
            {
                return clean_name(&line[open + 1..close]);
            }
        }
    }
    // A short closing line: `Interfax reported.`
    let words = line.split_whitespace().count();
    if words <= MAX_NAME_WORDS + 2 {
        for verb in [" reported", " reports"] {
            if let Some(at) = lower.find(verb) {
                let after = lower[at + verb.len()..].trim_matches(|c: char| !c.is_alphanumeric());
                if after.is_empty() || after == "it" || after == "this" {
                    return clean_name(&line[..at]);
                }
            }
        }
    }
    None
}

fn clean_name(raw: &str) -> Option<String> {
    let raw =
        raw.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'));
    let mut end = raw.len();
    for stop in [
        ". ", ", ", "; ", " | ", " - ", " – ", " — ", " (", " on ", " at ",
    ] {
        if let Some(i) = raw.find(stop) {
            end = end.min(i);
        }
    }
    let name = raw[..end]
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!', ')', ' ', '\'', '"']);
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
        .trim();
    let words = name.split_whitespace().count();
    let starts_well = name.chars().next().is_some_and(char::is_alphanumeric);
    (starts_well && words > 0 && words <= MAX_NAME_WORDS && name.len() <= 80)
        .then(|| name.to_string())
}

/// The key credited names are compared by: lowercased, without `the`, `www.` or punctuation
/// around it (`The Associated Press.` = `associated press`).
pub fn credit_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let s = lower.strip_prefix("the ").unwrap_or(&lower);
    let s = s.split_once("://").map_or(s, |(_, r)| r);
    let s = s.strip_prefix("www.").unwrap_or(s);
    let s = s.split('/').next().unwrap_or(s);
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// Whether a credited name designates a source id: the same key, or the source's main host
/// label (`Sputnik` ~ `sputniknews.com` is too loose to claim; `reuters` ~ `reuters.com` is not).
pub fn names_source(name: &str, source: &str) -> bool {
    let (n, s) = (credit_key(name), credit_key(source));
    if n.is_empty() || s.is_empty() {
        return false;
    }
    if n == s {
        return true;
    }
    let squash = |x: &str| {
        x.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let label = |x: &str| {
        let parts: Vec<&str> = x.split('.').collect();
        if parts.len() >= 2 {
            squash(parts[parts.len() - 2])
        } else {
            squash(x)
        }
    };
    let (ns, sl) = (squash(&n), label(&s));
    ns.len() >= 3 && (ns == squash(&s) || ns == sl || label(&n) == sl && n.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        credit_lines(text).into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn the_four_credit_forms() {
        assert_eq!(names("By Reuters staff\nThe minister said."), ["Reuters"]);
        assert_eq!(
            names("By The Associated Press Staff Writer\nText."),
            ["Associated Press"]
        );
        assert_eq!(
            names("Source: bakuzo.example\nText of the story."),
            ["bakuzo.example"]
        );
        assert_eq!(
            names("MOSCOW (TASS) — The minister said on Monday."),
            ["TASS"]
        );
        assert_eq!(
            names("Body of the story.\nInterfax reported."),
            ["Interfax"]
        );
    }

    #[test]
    fn bylines_and_reporting_in_the_body_are_not_credits() {
        assert!(names("By John Smith\nThe minister said.").is_empty());
        let body =
            "First paragraph.\nSecond.\nThird.\nThe Times reported.\nFifth.\nSixth.\nSeventh.";
        assert!(names(body).is_empty(), "{:?}", names(body));
        // A long line that merely contains the verb is a sentence, not a credit.
        assert!(names(
            "Officials reported that the flooding had reached the northern districts by noon."
        )
        .is_empty());
        // Lowercase words before the parenthesis: prose, not a dateline.
        assert!(names("The minister (pictured) — said nothing.").is_empty());
        assert!(names("").is_empty());
        assert!(names("Source:\n").is_empty());
    }

    #[test]
    fn keys_and_source_matching() {
        assert_eq!(credit_key("The Associated Press."), "associated press");
        assert_eq!(credit_key("https://www.tass.com/"), "tass.com");
        assert!(names_source("TASS", "tass.com"));
        assert!(names_source("bakuzo.example", "bakuzo.example"));
        assert!(names_source("www.Reuters.com", "reuters.com"));
        assert!(!names_source("Reuters", "bakuzo.example"));
        assert!(!names_source("", "tass.com"));
    }
}
