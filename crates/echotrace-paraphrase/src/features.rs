//! What the paraphrase decision looks at: [`PairFeatures`], facts about two sentences that a
//! reader can check.
//!
//! Cosine alone confuses "about the same event" with "says the same thing": two wire
//! sentences on one story sit close in embedding space even when one adds a clause or a
//! figure the other lacks. The features say what is shared and what is not, in the ways
//! machine-translation metrics compare a rewrite with its source:
//!
//! - word n-gram precision and recall, orders 1–4 (BLEU's view of phrasing and order), and
//!   the same on stems for orders 1–2 (`said`/`says`);
//! - what only one side has: content words, capitalised names, numbers, and the longest run
//!   of words the other side lacks (an added clause is a run, a changed word is not);
//! - the longest common subsequence of stems (ROUGE-L), lengths;
//! - the model's view word by word: each word piece's best match on the other side (as
//!   BERTScore does), its mean and its weakest matches — a pair can share a topic vector and
//!   still have words with no counterpart.
//!
//! Every feature is computed both ways and, where the direction does not matter, as the min
//! and max of the two, so the score is symmetric.

use crate::EncodedText;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

/// Number of values in [`PairFeatures::vector`].
pub const FEATURES: usize = 51;
/// Pairs of positions that hold the same measure of either side (precision and recall of
/// each n-gram order, words only one side has, lengths, …): see [`PairFeatures::swapped`].
const MIRRORED: [(usize, usize); 14] = [
    (1, 2),
    (5, 6),
    (9, 10),
    (13, 14),
    (17, 18),
    (20, 21),
    (23, 24),
    (28, 29),
    (32, 33),
    (37, 38),
    (39, 40),
    (42, 43),
    (44, 45),
    (48, 49),
];
/// Where [`PairFeatures::stem_overlap`] sits in the vector: after the cosine and four word
/// n-gram orders (4 values each), the third value of the stem unigrams.
const STEM_OVERLAP: usize = 19;

/// What the scorer looks at for one pair of texts.
#[derive(Clone, Debug, PartialEq)]
pub struct PairFeatures {
    /// Cosine of the two sentence vectors.
    pub cosine: f32,
    /// Jaccard of the two sets of words: near 1 is a verbatim repeat, not a rewrite.
    pub word_overlap: f32,
    /// Both texts state figures and they are not the same figures: a rewrite keeps the
    /// numbers, so these are two facts, however alike the wording (`$40,536 for in-state
    /// students` / `$59,011 for out-of-state students`).
    pub numbers_conflict: bool,
    /// The cross-encoder's probability that the pair says the same ([`crate::cross`]), when
    /// one was run ([`PairFeatures::with_cross`]); not one of the model's inputs.
    pub cross: Option<f64>,
    values: Vec<f64>,
}

impl PairFeatures {
    /// Compares `a` and `b`, given their encodings ([`crate::SentenceEncoder::encode_tokens`]).
    pub fn new(a: &str, b: &str, ea: &EncodedText, eb: &EncodedText) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let side = |text: &str| -> Side {
            let cased = cased_words(text);
            let lower: Vec<String> = cased.iter().map(|w| w.to_lowercase()).collect();
            let stems: Vec<String> = lower.iter().map(|w| stemmer.stem(w).into_owned()).collect();
            Side {
                cased,
                lower,
                stems,
            }
        };
        let (sa, sb) = (side(a), side(b));
        let cosine = crate::cosine(&ea.vector, &eb.vector);
        let mut v = Vec::with_capacity(FEATURES);
        v.push(f64::from(cosine));
        for n in 1..=4 {
            both_ways(&mut v, &sa.lower, &sb.lower, n, true);
        }
        for n in 1..=2 {
            both_ways(&mut v, &sa.stems, &sb.stems, n, false);
        }
        // Content words only one side has.
        let (ca, cb) = (sa.content_stems(), sb.content_stems());
        let (ua, ub) = (ca.difference(&cb).count(), cb.difference(&ca).count());
        v.extend([ua, ub, ua.max(ub), ua.min(ub), ua + ub].map(|x| x as f64));
        let (la, lb) = (sa.lower.len(), sb.lower.len());
        let longer = la.max(lb).max(1) as f64;
        v.extend([
            la as f64,
            lb as f64,
            la.abs_diff(lb) as f64,
            la.abs_diff(lb) as f64 / longer,
        ]);
        let common = lcs(&sa.stems, &sb.stems) as f64;
        v.extend([common / la.max(1) as f64, common / lb.max(1) as f64]);
        let (na, nb) = (numbers(&sa.lower), numbers(&sb.lower));
        v.extend([
            f64::from(u8::from(na != nb)),
            na.symmetric_difference(&nb).count() as f64,
            f64::from(u8::from(numbers_conflict(&na, &nb))),
        ]);
        let (ma, mb) = (sa.names(), sb.names());
        v.extend([
            ma.difference(&mb).count() as f64,
            mb.difference(&ma).count() as f64,
        ]);
        v.extend(token_matches(&ea.tokens, &eb.tokens));
        let (ra, ka) = unmatched_runs(&sa.stems, &sb.stems);
        let (rb, kb) = unmatched_runs(&sb.stems, &sa.stems);
        v.extend([ra, rb, ra.max(rb), ra.min(rb), ka, kb, ka.max(kb)].map(|x| x as f64));
        debug_assert_eq!(v.len(), FEATURES);
        let check = LexicalCheck::of_words(&sa.lower, &sb.lower);
        PairFeatures {
            cosine,
            word_overlap: check.word_overlap,
            numbers_conflict: check.numbers_conflict,
            cross: None,
            values: v,
        }
    }

    /// The same pair with the cross-encoder's probability.
    pub fn with_cross(mut self, probability: Option<f64>) -> Self {
        self.cross = probability;
        self
    }

    /// The model's inputs, in a fixed order ([`FEATURES`] of them).
    pub fn vector(&self) -> &[f64] {
        &self.values
    }

    /// The same pair seen from the other side (`b` against `a`): every one-sided value
    /// traded with its counterpart.
    pub fn swapped(&self) -> PairFeatures {
        let mut values = self.values.clone();
        for (i, j) in MIRRORED {
            values.swap(i, j);
        }
        PairFeatures {
            values,
            ..self.clone()
        }
    }

    /// The smaller of the two stem precisions: the share of either text's words (stemmed)
    /// that the other has.
    pub fn stem_overlap(&self) -> f64 {
        self.values[STEM_OVERLAP]
    }

    /// Features from raw values, for tests and for scorers fitted elsewhere.
    pub fn from_values(cosine: f32, values: Vec<f64>) -> Option<Self> {
        (values.len() == FEATURES).then_some(PairFeatures {
            cosine,
            word_overlap: 0.0,
            numbers_conflict: false,
            cross: None,
            values,
        })
    }
}

/// What the analyzer checks of a pair before it is worth scoring, from the words alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LexicalCheck {
    /// Jaccard of the two sets of words: near 1 is a verbatim repeat, not a rewrite.
    pub word_overlap: f32,
    /// Both texts state figures and they are not the same figures (see
    /// [`PairFeatures::numbers_conflict`]).
    pub numbers_conflict: bool,
    /// One text is negated and the other is not (`I like green apples.` / `I don't like
    /// green apples.`). A denial sits as close to its claim in embedding space as a rewrite
    /// does (that pair scores 0.98), and linking the two as the same text is the worst error
    /// a fact-checker's tool can make. Some rewrites flip the polarity and keep the meaning
    /// (`did not attend` / `was absent`); those are lost.
    pub polarity_conflict: bool,
}

impl LexicalCheck {
    pub fn new(a: &str, b: &str) -> Self {
        LexicalCheck::of_words(&words(a), &words(b))
    }

    fn of_words(a: &[String], b: &[String]) -> Self {
        let set = |w: &[String]| -> HashSet<String> { w.iter().cloned().collect() };
        let (wa, wb) = (set(a), set(b));
        let union = wa.union(&wb).count();
        LexicalCheck {
            word_overlap: if union == 0 {
                0.0
            } else {
                wa.intersection(&wb).count() as f32 / union as f32
            },
            numbers_conflict: numbers_conflict(&numbers(a), &numbers(b)),
            polarity_conflict: negated(a) != negated(b),
        }
    }
}

/// Whether the words hold a negation: `not`, `no`, `never`, … or a contracted `n't`.
fn negated(lower: &[String]) -> bool {
    lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "not" | "no" | "never" | "nor" | "neither" | "none" | "nobody" | "nothing" | "cannot"
        ) || w.ends_with("n't")
            || w.ends_with("n’t")
    })
}

/// The words with a digit in them.
fn numbers(lower: &[String]) -> HashSet<&str> {
    lower
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(String::as_str)
        .collect()
}

fn numbers_conflict(a: &HashSet<&str>, b: &HashSet<&str>) -> bool {
    !a.is_empty() && !b.is_empty() && a != b
}

struct Side {
    cased: Vec<String>,
    lower: Vec<String>,
    stems: Vec<String>,
}

impl Side {
    fn content_stems(&self) -> HashSet<&str> {
        self.lower
            .iter()
            .zip(&self.stems)
            .filter(|(w, _)| !is_glue_word(w))
            .map(|(_, st)| st.as_str())
            .collect()
    }

    /// Capitalised words inside the sentence: names (the first word is capitalised anyway).
    fn names(&self) -> HashSet<&str> {
        self.cased
            .iter()
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(String::as_str)
            .collect()
    }
}

/// Clipped n-gram precision of `a` against `b` (BLEU's count: an n-gram of `a` is matched at
/// most as often as `b` has it) and recall, then, where `spread`, their min and max.
fn both_ways(v: &mut Vec<f64>, a: &[String], b: &[String], n: usize, spread: bool) {
    let p = clipped_precision(a, b, n);
    let r = clipped_precision(b, a, n);
    v.extend([p, r, p.min(r)]);
    if spread {
        v.push(p.max(r));
    }
}

fn clipped_precision(a: &[String], b: &[String], n: usize) -> f64 {
    if a.len() < n {
        return 0.0;
    }
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    for g in b.windows(n) {
        *counts.entry(g).or_default() += 1;
    }
    let mut matched = 0usize;
    for g in a.windows(n) {
        if let Some(c) = counts.get_mut(g) {
            if *c > 0 {
                *c -= 1;
                matched += 1;
            }
        }
    }
    matched as f64 / (a.len() + 1 - n) as f64
}

/// Length of the longest common subsequence (ROUGE-L's measure of shared order).
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The longest run of words of `a` whose stems `b` lacks, and how many such runs there are.
fn unmatched_runs(a: &[String], b: &[String]) -> (usize, usize) {
    let other: HashSet<&str> = b.iter().map(String::as_str).collect();
    let (mut longest, mut current, mut runs) = (0, 0, 0);
    for w in a {
        if other.contains(w.as_str()) {
            current = 0;
        } else {
            current += 1;
            if current == 1 {
                runs += 1;
            }
            longest = longest.max(current);
        }
    }
    (longest, runs)
}

/// Each token's best cosine on the other side: the mean both ways, the weakest match of
/// either side, and the mean of each side's two weakest.
fn token_matches(a: &[Vec<f32>], b: &[Vec<f32>]) -> [f64; 5] {
    if a.is_empty() || b.is_empty() {
        return [0.0; 5];
    }
    let best = |x: &[Vec<f32>], y: &[Vec<f32>]| -> Vec<f64> {
        x.iter()
            .map(|u| {
                y.iter()
                    .map(|w| f64::from(crate::cosine(u, w)))
                    .fold(f64::MIN, f64::max)
            })
            .collect()
    };
    let (mut p, mut r) = (best(a, b), best(b, a));
    p.sort_by(f64::total_cmp);
    r.sort_by(f64::total_cmp);
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
    let weakest = |x: &[f64]| mean(&x[..x.len().min(2)]);
    [mean(&p), mean(&r), p[0].min(r[0]), weakest(&p), weakest(&r)]
}

/// Lowercased words: runs of letters and digits, keeping inner `.`, `,` and `'` of numbers and
/// contractions (`2.5`, `1,000`, `don't`).
pub fn words(text: &str) -> Vec<String> {
    cased_words(text)
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

/// [`words`] as written, capitals kept.
fn cased_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if matches!(c, '.' | ',' | '\'' | '’')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            && (c != ',' || cur.chars().all(|d| d.is_ascii_digit()))
        {
            cur.push(if c == '’' { '\'' } else { c });
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The words a rewrite adds or drops without changing the claim: articles, the commonest
/// prepositions and conjunctions, forms of `be` and `have`, personal pronouns, `said`.
/// Narrower than [`is_function_word`] on purpose: quantifiers, negation and modals
/// (`more than 200` against `200`, `may` against `will`) change what is claimed, so a pair
/// where only one side has them is counted as differing. (On MRPC the wider list loses
/// 0.4 points of accuracy.) Written for this crate, like [`is_function_word`].
fn is_glue_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
        "has", "have", "he", "her", "his", "in", "is", "it", "its", "not", "of", "on", "or",
        "said", "says", "she", "that", "the", "their", "they", "this", "to", "was", "were",
        "which", "who", "will", "with", "would",
    ];
    WORDS.binary_search(&w).is_ok()
}

/// English function words: articles, pronouns, prepositions, conjunctions, auxiliaries and
/// the commonest reporting verb. Written for this crate from general knowledge of English
/// grammar (closed word classes), not taken from a list elsewhere.
pub fn is_function_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her",
        "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me",
        "might", "more", "most", "must", "my", "no", "not", "of", "on", "one", "or", "other",
        "our", "out", "over", "said", "says", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "under", "up", "us", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    ];
    WORDS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(tokens: &[[f32; 2]]) -> EncodedText {
        EncodedText {
            vector: vec![1.0, 0.0],
            tokens: tokens.iter().map(|t| t.to_vec()).collect(),
        }
    }

    fn features(a: &str, b: &str) -> PairFeatures {
        let e = text(&[[1.0, 0.0]]);
        PairFeatures::new(a, b, &e, &e)
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(is_glue_word("a") && is_glue_word("would") && is_glue_word("said"));
        assert!(!is_glue_word("more"));
        assert!(is_function_word("the"));
        assert!(is_function_word("whom"));
        assert!(!is_function_word("tokayev"));
    }

    #[test]
    fn words_keep_numbers_and_contractions_whole() {
        assert_eq!(
            words("Yucaipa sold it for $2.5 billion, don't 1,000 Dominick's."),
            vec![
                "yucaipa",
                "sold",
                "it",
                "for",
                "2.5",
                "billion",
                "don't",
                "1,000",
                "dominick's"
            ]
        );
    }

    #[test]
    fn a_denial_is_not_a_rewrite_of_its_claim() {
        let flipped = LexicalCheck::new("I like green apples.", "I don't like green apples.");
        assert!(flipped.polarity_conflict);
        let denial = LexicalCheck::new(
            "The Kremlin said the troops would leave Kazakhstan within days.",
            "The Kremlin never said the troops would leave Kazakhstan within days.",
        );
        assert!(denial.polarity_conflict);
        let both = LexicalCheck::new(
            "Tokayev said the mission would not last long.",
            "The mission will not last long, Tokayev said.",
        );
        assert!(!both.polarity_conflict);
        let neither = LexicalCheck::new(
            "Tokayev thanked the CSTO for its help.",
            "The CSTO was thanked by Tokayev for helping.",
        );
        assert!(!neither.polarity_conflict);
    }

    #[test]
    fn a_changed_figure_is_a_conflict_and_a_moved_one_is_not() {
        let moved = features(
            "The company sold the chain to Safeway in 1998 for $2.5 billion.",
            "In 1998 the company sold the chain to Safeway for $2.5 billion.",
        );
        let changed = features(
            "The company sold the mill in 1998 for $2.5 billion.",
            "The company bought the mill in 1995 for $693 million and sold it in 1998 for $1.8 billion.",
        );
        assert!(!moved.numbers_conflict);
        assert!(changed.numbers_conflict);
        assert_eq!(moved.vector().len(), FEATURES);
        // Unigram precision and recall are 1 for a reordering; the 4-gram ones are not.
        assert_eq!(moved.vector()[1], 1.0);
        assert_eq!(moved.vector()[2], 1.0);
        assert!(moved.vector()[13] < 1.0);
    }

    #[test]
    fn an_added_clause_is_one_long_unmatched_run() {
        // The second sentence adds a fact: not a paraphrase, though it repeats the first.
        let f = features(
            "All three men had records for cattle theft, police said.",
            "Police said all three men had records for cattle theft and one was twice jailed for armed robbery.",
        );
        let v = f.vector();
        // [ra, rb, max, min, runs a, runs b, max runs] are the last seven values.
        let runs = &v[FEATURES - 7..];
        assert_eq!(runs[1], 5.0, "and Lamas was twice imprisoned");
        assert_eq!(runs[0], 0.0, "every word of the first is in the second");
    }

    #[test]
    fn stems_join_inflections() {
        let f = features(
            "The park service purchased the land.",
            "The park service purchases the land.",
        );
        // Word unigram precision misses the verb; stem unigram precision does not.
        assert!(f.vector()[1] < 1.0);
        assert_eq!(f.vector()[17], 1.0);
        assert!(f.word_overlap < 1.0);
    }

    #[test]
    fn token_matches_find_the_word_without_counterpart() {
        let a = text(&[[1.0, 0.0], [0.0, 1.0]]);
        let b = text(&[[1.0, 0.0]]);
        let m = token_matches(&a.tokens, &b.tokens);
        assert_eq!(m[1], 1.0, "b's one token has an exact match in a");
        assert_eq!(m[0], 0.5, "a's second token has none in b");
        assert_eq!(m[2], 0.0);
        assert_eq!(token_matches(&[], &b.tokens), [0.0; 5]);
    }

    #[test]
    fn swapping_the_texts_swaps_the_one_sided_values() {
        let a = "All three men had records for cattle theft, police said.";
        let b = "Police said all three men had records for cattle theft and one was twice jailed.";
        let (ea, eb) = (text(&[[1.0, 0.0], [0.6, 0.8]]), text(&[[1.0, 0.0]]));
        let forward = PairFeatures::new(a, b, &ea, &eb);
        let backward = PairFeatures::new(b, a, &eb, &ea);
        assert_eq!(forward.swapped().vector(), backward.vector());
        assert_eq!(forward.swapped().swapped(), forward);
    }

    #[test]
    fn longest_common_subsequence() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(lcs(&w("a b c d e"), &w("b x d e")), 3);
        assert_eq!(lcs(&w("a"), &[]), 0);
    }
}
