//! The paraphrase decision: a calibrated probability from the embeddings' cosine and a few
//! lexical facts a reader can check, with a threshold.
//!
//! Cosine alone confuses "about the same event" with "says the same thing": two wire
//! sentences on one story sit close in embedding space even when one adds a figure the other
//! lacks. The lexical features catch exactly that (numbers that differ, words only one side
//! has, a large difference in length), so the score is a logistic regression over both,
//! fitted on labelled pairs ([`ParaphraseScorer::fit`]).

use crate::ParaphraseError;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// Number of features in [`PairFeatures`].
pub const FEATURES: usize = 9;

/// What the scorer looks at for one pair of sentences.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairFeatures {
    pub cosine: f32,
    /// Jaccard of the two sets of words.
    pub word_overlap: f32,
    /// Jaccard of the sets of content words (function words left out).
    pub content_overlap: f32,
    /// Jaccard of the sets of word bigrams: word order and phrasing.
    pub bigram_overlap: f32,
    /// 1 when the numbers of the two sentences differ.
    pub numbers_differ: f32,
    /// Share of the numbers that only one side has.
    pub number_difference: f32,
    /// Difference in length as a share of the longer sentence.
    pub length_difference: f32,
    /// Share of the shorter sentence's content words the longer one has.
    pub containment: f32,
    /// Both sentences state figures and they are not the same figures: a rewrite keeps the
    /// numbers, so these are two facts, however alike the wording (`$40,536 for in-state
    /// students` / `$59,011 for out-of-state students`).
    #[serde(default)]
    pub numbers_conflict: bool,
}

impl PairFeatures {
    pub fn new(a: &str, b: &str, cosine: f32) -> Self {
        let (wa, wb) = (words(a), words(b));
        let (sa, sb): (HashSet<&str>, HashSet<&str>) = (
            wa.iter().map(String::as_str).collect(),
            wb.iter().map(String::as_str).collect(),
        );
        fn content<'a>(s: &HashSet<&'a str>) -> HashSet<&'a str> {
            s.iter().copied().filter(|w| !is_function_word(w)).collect()
        }
        let (ca, cb) = (content(&sa), content(&sb));
        let bigrams = |w: &[String]| -> HashSet<(String, String)> {
            w.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect()
        };
        let (ba, bb) = (bigrams(&wa), bigrams(&wb));
        let numbers = |s: &HashSet<&str>| -> HashSet<String> {
            s.iter()
                .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
                .map(|w| w.to_string())
                .collect()
        };
        let (na, nb) = (numbers(&sa), numbers(&sb));
        let number_union = na.union(&nb).count();
        let number_diff = na.symmetric_difference(&nb).count();
        let (la, lb) = (wa.len(), wb.len());
        let shared_content = ca.intersection(&cb).count();
        PairFeatures {
            cosine,
            word_overlap: jaccard(&sa, &sb),
            content_overlap: jaccard(&ca, &cb),
            bigram_overlap: jaccard(&ba, &bb),
            numbers_differ: if na == nb { 0.0 } else { 1.0 },
            number_difference: ratio(number_diff, number_union),
            length_difference: ratio(la.abs_diff(lb), la.max(lb)),
            containment: ratio(shared_content, ca.len().min(cb.len())),
            numbers_conflict: !na.is_empty() && !nb.is_empty() && na != nb,
        }
    }

    /// The model's inputs, in a fixed order; the last is the cosine squared (the effect of
    /// the cosine is steeper near 1).
    pub fn vector(&self) -> [f64; FEATURES] {
        let c = f64::from(self.cosine);
        [
            c,
            f64::from(self.word_overlap),
            f64::from(self.content_overlap),
            f64::from(self.bigram_overlap),
            f64::from(self.numbers_differ),
            f64::from(self.number_difference),
            f64::from(self.length_difference),
            f64::from(self.containment),
            c * c,
        ]
    }
}

fn ratio(n: usize, d: usize) -> f32 {
    if d == 0 {
        0.0
    } else {
        n as f32 / d as f32
    }
}

fn jaccard<T: std::hash::Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f32 {
    ratio(a.intersection(b).count(), a.union(b).count())
}

/// Lowercased words: runs of letters and digits, keeping inner `.`, `,` and `'` of numbers and
/// contractions (`2.5`, `1,000`, `don't`).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
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

/// A logistic regression over [`PairFeatures`] and the probability above which a pair is a
/// paraphrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParaphraseScorer {
    /// Per-feature mean and spread the weights were fitted on (inputs are standardised).
    pub mean: [f64; FEATURES],
    pub scale: [f64; FEATURES],
    pub weights: [f64; FEATURES],
    pub bias: f64,
    /// Probability at or above which a pair counts as a paraphrase.
    pub threshold: f64,
}

impl Default for ParaphraseScorer {
    /// Fitted with `echotrace eval paraphrase --train` on the MRPC training pairs (4,076
    /// labelled news sentence pairs) with all-MiniLM-L6-v2: only these 28 numbers are kept,
    /// no text. The default threshold, 0.8, is stricter than the one that maximises MRPC
    /// accuracy ([`MRPC_THRESHOLD`]): MRPC calls pairs paraphrases that differ by a clause,
    /// and a reuse cluster should only take passages that say the same thing.
    fn default() -> Self {
        ParaphraseScorer {
            mean: DEFAULT_MEAN,
            scale: DEFAULT_SCALE,
            weights: DEFAULT_WEIGHTS,
            bias: DEFAULT_BIAS,
            threshold: 0.8,
        }
    }
}

// `echotrace eval paraphrase PAIRS --train ../shared/eval/reuse/mrpc/msr_paraphrase_train.txt
// --json` prints these as `scorer` (rounded here to 6 digits).
const DEFAULT_MEAN: [f64; FEATURES] = [
    0.79387, 0.515849, 0.508208, 0.33673, 0.267157, 0.228706, 0.14883, 0.72303, 0.65011,
];
const DEFAULT_SCALE: [f64; FEATURES] = [
    0.140996, 0.167799, 0.179717, 0.179717, 0.442475, 0.396329, 0.0999756, 0.172587, 0.20828,
];
const DEFAULT_WEIGHTS: [f64; FEATURES] = [
    0.966601, 1.12027, 0.192553, -0.554301, -0.465378, 0.225484, -0.35334, -0.107938, -0.408164,
];
const DEFAULT_BIAS: f64 = 0.989616;

/// The threshold that maximised accuracy on the MRPC training pairs for the default weights:
/// the decision `echotrace eval paraphrase` makes without `--train`.
pub const MRPC_THRESHOLD: f64 = 0.427734;

/// One labelled pair for fitting or evaluating.
#[derive(Clone, Debug)]
pub struct LabelledPair {
    pub label: bool,
    pub id_a: String,
    pub id_b: String,
    pub a: String,
    pub b: String,
}

/// Reads the MRPC layout: a header line, then `label TAB id TAB id TAB sentence TAB sentence`.
/// A malformed line is an error naming the file and line: a scored file must be complete.
pub fn read_pair_file(path: &Path) -> Result<Vec<LabelledPair>, ParaphraseError> {
    let text = std::fs::read_to_string(path).map_err(|source| ParaphraseError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if i == 0 && line.starts_with("Quality") || line.trim().is_empty() {
            continue;
        }
        let bad = |reason: &str| ParaphraseError::PairFile {
            path: path.to_path_buf(),
            line: i + 1,
            reason: reason.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(bad(&format!(
                "expected 5 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let label = match cols[0].trim() {
            "1" => true,
            "0" => false,
            other => return Err(bad(&format!("label must be 0 or 1, found {other:?}"))),
        };
        pairs.push(LabelledPair {
            label,
            id_a: cols[1].to_string(),
            id_b: cols[2].to_string(),
            a: cols[3].to_string(),
            b: cols[4].to_string(),
        });
    }
    Ok(pairs)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl ParaphraseScorer {
    /// The probability that the pair is a paraphrase.
    pub fn probability(&self, f: &PairFeatures) -> f64 {
        let x = f.vector();
        let z: f64 = (0..FEATURES)
            .map(|i| self.weights[i] * (x[i] - self.mean[i]) / self.scale[i])
            .sum::<f64>()
            + self.bias;
        sigmoid(z)
    }

    pub fn is_paraphrase(&self, f: &PairFeatures) -> bool {
        self.probability(f) >= self.threshold
    }

    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// Fits the weights by Newton's method (iteratively reweighted least squares) with a small
    /// ridge penalty, then picks the threshold that maximises accuracy on the same pairs.
    /// Nine features need no optimisation library: the Hessian is a 10×10 system.
    pub fn fit(features: &[PairFeatures], labels: &[bool]) -> ParaphraseScorer {
        let n = features.len().min(labels.len());
        let xs: Vec<[f64; FEATURES]> = features[..n].iter().map(PairFeatures::vector).collect();
        let mut mean = [0.0; FEATURES];
        let mut scale = [1.0; FEATURES];
        if n > 0 {
            for j in 0..FEATURES {
                let m = xs.iter().map(|x| x[j]).sum::<f64>() / n as f64;
                let var = xs.iter().map(|x| (x[j] - m).powi(2)).sum::<f64>() / n as f64;
                mean[j] = m;
                scale[j] = if var > 1e-12 { var.sqrt() } else { 1.0 };
            }
        }
        const D: usize = FEATURES + 1;
        let row = |x: &[f64; FEATURES]| -> [f64; D] {
            let mut r = [1.0; D];
            for j in 0..FEATURES {
                r[j] = (x[j] - mean[j]) / scale[j];
            }
            r
        };
        let rows: Vec<[f64; D]> = xs.iter().map(row).collect();
        let ridge = 0.1;
        let mut w = [0.0; D];
        for _ in 0..50 {
            let mut grad = [0.0; D];
            let mut hess = [[0.0; D]; D];
            for (r, &y) in rows.iter().zip(&labels[..n]) {
                let p = sigmoid((0..D).map(|j| w[j] * r[j]).sum());
                let err = p - if y { 1.0 } else { 0.0 };
                let s = p * (1.0 - p);
                for j in 0..D {
                    grad[j] += err * r[j];
                    for k in 0..D {
                        hess[j][k] += s * r[j] * r[k];
                    }
                }
            }
            // The bias (last) is not penalised.
            for j in 0..FEATURES {
                grad[j] += ridge * w[j];
                hess[j][j] += ridge;
            }
            let Some(step) = solve(hess, grad) else {
                break;
            };
            let mut size = 0.0f64;
            for j in 0..D {
                w[j] -= step[j];
                size = size.max(step[j].abs());
            }
            if size < 1e-9 {
                break;
            }
        }
        let mut scorer = ParaphraseScorer {
            mean,
            scale,
            weights: std::array::from_fn(|j| w[j]),
            bias: w[FEATURES],
            threshold: 0.5,
        };
        scorer.threshold = best_threshold(
            &features[..n]
                .iter()
                .map(|f| scorer.probability(f))
                .collect::<Vec<_>>(),
            &labels[..n],
        );
        scorer
    }
}

/// The cut on `scores` that maximises accuracy (midway between two neighbouring scores, so
/// that it does not sit on a training example).
pub fn best_threshold(scores: &[f64], labels: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len().min(labels.len())).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Everything at or above the cut is positive; start with the cut below every score.
    let positives = order.iter().filter(|&&i| labels[i]).count();
    let mut correct = positives;
    let (mut best, mut best_cut) = (correct, 0.0);
    for (k, &i) in order.iter().enumerate() {
        correct = if labels[i] { correct - 1 } else { correct + 1 };
        let next = order.get(k + 1).map_or(1.0, |&j| scores[j]);
        if next > scores[i] && correct > best {
            best = correct;
            best_cut = (scores[i] + next) / 2.0;
        }
    }
    best_cut
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting; `None` if singular.
fn solve<const D: usize>(mut a: [[f64; D]; D], mut b: [f64; D]) -> Option<[f64; D]> {
    for col in 0..D {
        let pivot = (col..D).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col];
        for r in col + 1..D {
            let f = a[r][col] / pivot_row[col];
            for (x, p) in a[r].iter_mut().zip(pivot_row).skip(col) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0; D];
    for r in (0..D).rev() {
        let s: f64 = (r + 1..D).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

/// Accuracy and F1 of decisions against labels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairFigures {
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub pairs: usize,
}

pub fn pair_figures(decisions: &[bool], labels: &[bool]) -> PairFigures {
    let n = decisions.len().min(labels.len());
    let (mut tp, mut fp, mut fneg, mut correct) = (0usize, 0usize, 0usize, 0usize);
    for (&d, &l) in decisions.iter().zip(labels) {
        match (d, l) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            (false, false) => {}
        }
        if d == l {
            correct += 1;
        }
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (div(tp, tp + fp), div(tp, tp + fneg));
    PairFigures {
        accuracy: div(correct, n),
        precision: p,
        recall: r,
        f1: if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
        pairs: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
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
    fn features_see_a_changed_figure() {
        let same = PairFeatures::new(
            "The company sold the chain to Safeway in 1998 for $2.5 billion.",
            "In 1998 the company sold the chain to Safeway for $2.5 billion.",
            0.95,
        );
        let changed = PairFeatures::new(
            "The company sold the chain to Safeway in 1998 for $2.5 billion.",
            "The company sold the chain to Safeway in 1998 for $1.8 billion.",
            0.95,
        );
        assert_eq!(same.numbers_differ, 0.0);
        assert_eq!(same.containment, 1.0);
        assert_eq!(changed.numbers_differ, 1.0);
        assert!(changed.number_difference > 0.5);
    }

    #[test]
    fn fit_separates_and_picks_a_threshold_between_the_classes() {
        // Positives: high cosine and overlap; negatives: low. The fitted model must rank
        // every positive above every negative and put the threshold between them.
        let mut feats = Vec::new();
        let mut labels = Vec::new();
        for i in 0..40 {
            let t = i as f32 / 40.0;
            let mut f = PairFeatures::new("a b c d", "a b c d", 0.85 + 0.1 * t);
            f.content_overlap = 0.6 + 0.3 * t;
            feats.push(f);
            labels.push(true);
            let mut g = PairFeatures::new("a b c d", "e f g h", 0.3 + 0.3 * t);
            g.content_overlap = 0.1 * t;
            feats.push(g);
            labels.push(false);
        }
        let scorer = ParaphraseScorer::fit(&feats, &labels);
        let decisions: Vec<bool> = feats.iter().map(|f| scorer.is_paraphrase(f)).collect();
        assert_eq!(pair_figures(&decisions, &labels).accuracy, 1.0);
        assert!(
            scorer.weights[0] > 0.0,
            "cosine must push towards paraphrase"
        );
    }

    #[test]
    fn best_threshold_maximises_accuracy() {
        let scores = [0.1, 0.2, 0.35, 0.4, 0.8, 0.9];
        let labels = [false, false, true, false, true, true];
        let t = best_threshold(&scores, &labels);
        // Either cut 0.275 (one error: 0.4) or 0.6 (one error: 0.35) is optimal; the first
        // maximum is kept.
        assert!((t - 0.275).abs() < 1e-9 || (t - 0.6).abs() < 1e-9, "{t}");
        let d: Vec<bool> = scores.iter().map(|&s| s >= t).collect();
        assert_eq!(pair_figures(&d, &labels).accuracy, 5.0 / 6.0);
    }
}
