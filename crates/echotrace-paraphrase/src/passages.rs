//! The passages of a sentence that are compared on their own.
//!
//! A news lead packs an attribution frame and a claim into one sentence (`Speaking at an
//! extraordinary session of the CSTO, Kazakh President Kassym-Jomart Tokayev said on Monday
//! that the unrest had been prepared for a long time`). A rewrite often keeps one and replaces
//! the other: three versions of the seed's lead share the frame (who spoke, where, when) and
//! differ in the claim, and a quote can restate the claim under another frame. A whole-sentence
//! embedding averages the two halves and misses both. So each sentence is also compared by the
//! parts that clause boundaries cut it into: every prefix and every suffix at a comma,
//! semicolon, colon, dash or a complementiser `that`, long enough to say something.

use echotrace_core::ByteSpan;
use echotrace_reuse::Token;

/// Boundaries considered per sentence (the first ones): keeps the number of passages small.
const MAX_BOUNDARIES: usize = 3;

/// The sentence itself, then its prefixes and suffixes at clause boundaries with at least
/// `min_words` words each. `tokens` are the document's words (sorted by offset).
pub fn passages(
    text: &str,
    sentence: ByteSpan,
    tokens: &[Token],
    min_words: usize,
) -> Vec<ByteSpan> {
    let first = tokens.partition_point(|t| (t.start as usize) < sentence.start);
    let last = tokens.partition_point(|t| (t.end as usize) <= sentence.end);
    let words = tokens.get(first..last.max(first)).unwrap_or(&[]);
    let mut out = vec![sentence];
    let n = words.len();
    if is_heading(sentence.slice(text)) {
        return Vec::new();
    }
    if n < 2 * min_words.max(1) {
        return out;
    }
    let word = |t: &Token| text.get(t.start as usize..t.end as usize).unwrap_or("");
    // A boundary k cuts the sentence into words[..k] and words[k..].
    let mut boundaries = Vec::new();
    for k in min_words..=n - min_words {
        let before = word(&words[k - 1]);
        let here = word(&words[k]);
        let clause_end = before.ends_with([',', ';', ':']);
        let dash = matches!(here, "-" | "–" | "—");
        let that = here.eq_ignore_ascii_case("that");
        if clause_end || dash || that {
            boundaries.push(k);
            if boundaries.len() == MAX_BOUNDARIES {
                break;
            }
        }
    }
    let span = |from: usize, to: usize| -> ByteSpan {
        let start = words[from].start as usize;
        let mut end = words[to - 1].end as usize;
        // A prefix ends before the comma that closed it.
        while end > start && text[..end].ends_with([',', ';', ':']) {
            end -= 1;
        }
        ByteSpan::new(start, end)
    };
    for &k in &boundaries {
        out.push(span(0, k));
        let suffix_start = if matches!(word(&words[k]), "-" | "–" | "—") {
            k + 1
        } else {
            k
        };
        if n - suffix_start >= min_words {
            out.push(span(suffix_start, n));
        }
    }
    out.dedup();
    out.retain(|p| !is_heading(p.slice(text)));
    out
}

/// Whether a passage reads as a heading, a product name or a list of names: every longer word
/// capitalised (`Apple iPhone 7 Plus, GSM Unlocked`), or all but one of five or more
/// (`Average Cost of House Cleaning Services very in San Diego`: web headings carry stray
/// words). Such lines say nothing that can be rewritten, and two of them on one subject look
/// alike to any sentence model. A news lead's frame, dense with names as it is, has several
/// lowercase words (`Speaking at an extraordinary session of the CSTO …`).
pub fn is_heading(passage: &str) -> bool {
    let (mut long, mut lower) = (0, 0);
    for word in passage.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'') {
        if word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        long += 1;
        if !word.chars().any(char::is_uppercase) {
            lower += 1;
        }
    }
    (lower == 0 && long >= 2) || (lower == 1 && long >= 5)
}

#[cfg(test)]
mod tests {
    use super::*;
    use echotrace_reuse::{NewsSegmenter, Segmenter};

    #[test]
    fn a_lead_is_cut_into_its_frame_and_its_claim() {
        let text = "Speaking at an extraordinary session of the CSTO Collective Security Council, \
Kazakh President Kassym-Jomart Tokayev said on Monday that the recent unrest in the Central Asian \
country had been prepared for a long time.";
        let tokens = NewsSegmenter.tokens(text);
        let all = ByteSpan::new(0, text.len());
        let found: Vec<&str> = passages(text, all, &tokens, 6)
            .into_iter()
            .map(|p| p.slice(text))
            .collect();
        assert_eq!(found[0], text);
        assert!(
            found.contains(
                &"Speaking at an extraordinary session of the CSTO Collective Security Council, \
Kazakh President Kassym-Jomart Tokayev said on Monday"
            ),
            "{found:#?}"
        );
        assert!(found.contains(
            &"that the recent unrest in the Central Asian country had been prepared for a long time."
        ), "{found:#?}");
        assert!(found.contains(
            &"Speaking at an extraordinary session of the CSTO Collective Security Council"
        ));
    }

    #[test]
    fn a_short_heading_has_no_passages() {
        let text = "Apple iPhone 7 Plus, GSM Unlocked, 128GB - (Renewed)";
        let tokens = NewsSegmenter.tokens(text);
        assert!(passages(text, ByteSpan::new(0, text.len()), &tokens, 8).is_empty());
    }

    #[test]
    fn headings_and_product_names_are_not_passages() {
        assert!(is_heading(
            "Average Cost of House Cleaning Services in San Diego"
        ));
        assert!(is_heading(
            "Apple iPhone 7 Plus, GSM Unlocked, 128GB - (Renewed)"
        ));
        // One stray lowercase word does not make a heading a sentence.
        assert!(is_heading(
            "What You Should Expect to Pay for Cleaning Services in San Diego then California"
        ));
        assert!(is_heading(
            "Embarking on a Musical Journey with Music House"
        ));
        assert!(!is_heading("Stocks Fell sharply"));
        assert!(!is_heading(
            "Speaking at an extraordinary session of the CSTO Collective Security Council, \
             Kazakh President Kassym-Jomart Tokayev said on Monday"
        ));
        assert!(!is_heading(
            "Kurt Volker, the former special envoy to Ukraine, and Tim Morrison"
        ));
    }

    #[test]
    fn short_sentences_and_short_clauses_stay_whole() {
        let text = "He said that it rained, and then it stopped.";
        let tokens = NewsSegmenter.tokens(text);
        assert_eq!(
            passages(text, ByteSpan::new(0, text.len()), &tokens, 6).len(),
            1
        );
    }
}
