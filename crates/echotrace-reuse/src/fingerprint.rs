//! Fingerprints: hashed word n-grams ("shingles") over token keys.
//!
//! A shingle's hash depends only on the variant keys of its words, so two copies that differ
//! in quotes, case, thousands separators or house spelling share it. Positions are kept so that the aligner can
//! seed on the same shingles later.

use crate::segment::{mix64, Token};

/// One hashed n-gram and the index of its first token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shingle {
    pub hash: u64,
    pub pos: u32,
}

/// Turns a token sequence into the hashes the candidate index files documents under.
pub trait Fingerprinter: Send + Sync {
    fn shingles(&self, tokens: &[Token]) -> Vec<Shingle>;
}

/// Overlapping word n-grams, every one of them (no sampling: short, edited passages keep few
/// intact n-grams and sampling would lose them).
#[derive(Clone, Copy, Debug)]
pub struct WordNgrams {
    pub n: usize,
}

impl Default for WordNgrams {
    fn default() -> Self {
        WordNgrams { n: 5 }
    }
}

/// The hash of `keys` as one n-gram. Order matters; the same words in another order are
/// another n-gram.
pub fn ngram_hash(keys: impl Iterator<Item = u64>) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for k in keys {
        h = mix64(h.rotate_left(17) ^ k);
    }
    h
}

impl Fingerprinter for WordNgrams {
    fn shingles(&self, tokens: &[Token]) -> Vec<Shingle> {
        let n = self.n.max(1);
        if tokens.len() < n {
            return Vec::new();
        }
        tokens
            .windows(n)
            .enumerate()
            .map(|(i, w)| Shingle {
                hash: ngram_hash(w.iter().map(|t| t.variant)),
                pos: i as u32,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{NewsSegmenter, Segmenter};

    #[test]
    fn copies_share_shingles_despite_typography() {
        let s = NewsSegmenter;
        let f = WordNgrams::default();
        let a = f.shingles(&s.tokens("“The seizure of power and an attempted coup,” he said."));
        let b = f.shingles(&s.tokens("\"the seizure of power and an attempted coup\" He said"));
        assert_eq!(a.len(), 6);
        assert_eq!(
            a.iter().map(|x| x.hash).collect::<Vec<_>>(),
            b.iter().map(|x| x.hash).collect::<Vec<_>>()
        );
    }

    #[test]
    fn short_texts_have_no_shingles_and_order_matters() {
        let s = NewsSegmenter;
        let f = WordNgrams::default();
        assert!(f.shingles(&s.tokens("too short")).is_empty());
        let a = f.shingles(&s.tokens("one two three four five"));
        let b = f.shingles(&s.tokens("two one three four five"));
        assert_ne!(a[0].hash, b[0].hash);
    }
}
