//! Which sentence pairs are worth embedding: an incremental inverted index of rare words.
//!
//! Embedding every sentence of a corpus costs far more than aligning it (a transformer pass
//! per sentence against a hash per word), and almost every sentence pair is unrelated. A
//! rewritten passage keeps what it is about: the names, places, numbers and uncommon words of
//! the story (`Kassym-Jomart Tokayev`, `CSTO`, `extraordinary session`) survive a paraphrase
//! even when the phrasing does not. So a pair is a candidate when its two sentences share
//! several *rare* words, as passim's rule for n-grams has it (document frequency between 2
//! and a cap): only sentences with a candidate partner are ever embedded. Like the reuse
//! candidate index, it is persistent (`serde`) and each call compares only the new documents
//! with everything indexed, and with their own earlier sentences.

use echotrace_core::{ByteSpan, DocId};
use echotrace_reuse::{NewsSegmenter, Segmenter};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::features::is_function_word;

/// What makes a sentence and a pair worth embedding.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceIndexConfig {
    /// Sentences with fewer words are stock phrases, datelines, captions.
    pub min_words: usize,
    /// Longer "sentences" are lists or run-on text the segmenter could not cut.
    pub max_words: usize,
    /// A word in more sentences than this is common and stops being an anchor.
    pub max_df: usize,
    /// Rare words two sentences must share.
    pub min_shared: usize,
    /// Rare words two sentences of one document must share. An article names its people
    /// and places again and again, so sentences of one page share a few names as a matter
    /// of course; two versions of one passage stitched into a page share many (the seed's
    /// versions of its lead share seven).
    pub min_shared_same_document: usize,
    /// … and the share of the smaller sentence's anchors they must be: two sentences that
    /// share three of a dozen names are about overlapping things, not one passage.
    pub min_share: f32,
    /// Candidates kept per new sentence (those sharing the most anchors).
    pub max_candidates: usize,
}

impl Default for SentenceIndexConfig {
    fn default() -> Self {
        SentenceIndexConfig {
            min_words: 8,
            max_words: 80,
            max_df: 100,
            min_shared: 3,
            min_shared_same_document: 5,
            min_share: 0.5,
            max_candidates: 5,
        }
    }
}

/// One sentence of a document: where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SentenceRef {
    pub doc: u32,
    pub sentence: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct IndexedDoc {
    id: DocId,
    sentences: Vec<(ByteSpan, u16)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Postings {
    List(Vec<SentenceRef>),
    /// Past the document-frequency cap: no longer an anchor.
    Common,
}

/// A pair of sentences that share rare words: `older` was indexed before `newer`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentencePair {
    pub older: (DocId, ByteSpan),
    pub newer: (DocId, ByteSpan),
    pub shared: u32,
}

/// The persistent index of sentence anchors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceIndex {
    config: SentenceIndexConfig,
    docs: Vec<IndexedDoc>,
    numbers: FxHashMap<DocId, u32>,
    postings: FxHashMap<u64, Postings>,
}

/// A document to index: its id, text and the part of the text that is the article body.
pub struct SentenceSource<'a> {
    pub id: &'a DocId,
    pub text: &'a str,
    pub body: ByteSpan,
}

impl SentenceIndex {
    pub fn new(config: SentenceIndexConfig) -> Self {
        SentenceIndex {
            config,
            docs: Vec::new(),
            numbers: FxHashMap::default(),
            postings: FxHashMap::default(),
        }
    }

    pub fn config(&self) -> &SentenceIndexConfig {
        &self.config
    }

    /// Documents indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn contains(&self, id: &DocId) -> bool {
        self.numbers.contains_key(id)
    }

    /// The sentence spans of an indexed document.
    pub fn sentences_of(&self, id: &DocId) -> Option<Vec<ByteSpan>> {
        let n = *self.numbers.get(id)?;
        let doc = self.docs.get(n as usize)?;
        Some(doc.sentences.iter().map(|&(s, _)| s).collect())
    }

    /// Indexes `docs` (those already indexed are skipped) and returns the candidate pairs
    /// between their sentences and every sentence indexed before each of them.
    pub fn add(&mut self, docs: &[SentenceSource<'_>]) -> Vec<SentencePair> {
        let segmenter = NewsSegmenter;
        let mut pairs = Vec::new();
        for doc in docs {
            if self.contains(doc.id) {
                continue;
            }
            let number = self.docs.len() as u32;
            self.numbers.insert(doc.id.clone(), number);
            self.docs.push(IndexedDoc {
                id: doc.id.clone(),
                sentences: Vec::new(),
            });
            for (span, anchors) in self.anchored_sentences(&segmenter, doc) {
                let here = SentenceRef {
                    doc: number,
                    sentence: self.docs[number as usize].sentences.len() as u32,
                };
                self.docs[number as usize]
                    .sentences
                    .push((span, anchors.len().min(u16::MAX as usize) as u16));
                for (older, shared) in self.query(&anchors) {
                    if older.doc == number
                        && (shared as usize) < self.config.min_shared_same_document
                    {
                        continue;
                    }
                    let Some(doc_ref) = self.docs.get(older.doc as usize) else {
                        continue;
                    };
                    let Some(&(older_span, _)) = doc_ref.sentences.get(older.sentence as usize)
                    else {
                        continue;
                    };
                    pairs.push(SentencePair {
                        older: (doc_ref.id.clone(), older_span),
                        newer: (doc.id.clone(), span),
                        shared,
                    });
                }
                self.insert(here, &anchors);
            }
        }
        pairs
    }

    /// The body's sentences of a useful length, each with its distinct anchor hashes.
    fn anchored_sentences(
        &self,
        segmenter: &NewsSegmenter,
        doc: &SentenceSource<'_>,
    ) -> Vec<(ByteSpan, Vec<u64>)> {
        let seg = segmenter.segment(doc.text);
        let mut out = Vec::new();
        let mut t = 0usize;
        for &sentence in &seg.sentences {
            if sentence.start < doc.body.start || sentence.end > doc.body.end {
                continue;
            }
            while t < seg.tokens.len() && (seg.tokens[t].start as usize) < sentence.start {
                t += 1;
            }
            let mut words = 0usize;
            let mut anchors = Vec::new();
            let mut k = t;
            while k < seg.tokens.len() && (seg.tokens[k].end as usize) <= sentence.end {
                let tok = seg.tokens[k];
                let first = k == t;
                k += 1;
                words += 1;
                let Some(word) = doc.text.get(tok.start as usize..tok.end as usize) else {
                    continue;
                };
                if is_anchor(word, first) {
                    anchors.push(tok.variant);
                }
            }
            if words < self.config.min_words || words > self.config.max_words {
                continue;
            }
            anchors.sort_unstable();
            anchors.dedup();
            out.push((sentence, anchors));
        }
        out
    }

    fn query(&self, anchors: &[u64]) -> Vec<(SentenceRef, u32)> {
        if anchors.len() < self.config.min_shared {
            return Vec::new();
        }
        let mut shared: FxHashMap<SentenceRef, u32> = FxHashMap::default();
        for a in anchors {
            if let Some(Postings::List(list)) = self.postings.get(a) {
                for &r in list {
                    *shared.entry(r).or_default() += 1;
                }
            }
        }
        let mine = anchors.len();
        let mut found: Vec<(SentenceRef, u32)> = shared
            .into_iter()
            .filter(|&(r, n)| {
                let theirs = self
                    .docs
                    .get(r.doc as usize)
                    .and_then(|d| d.sentences.get(r.sentence as usize))
                    .map_or(0, |&(_, a)| a as usize);
                let smaller = mine.min(theirs).max(1);
                n as usize >= self.config.min_shared
                    && n as f32 >= self.config.min_share * smaller as f32
            })
            .collect();
        found.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(a.0.doc.cmp(&b.0.doc))
                .then(a.0.sentence.cmp(&b.0.sentence))
        });
        found.truncate(self.config.max_candidates);
        found
    }

    fn insert(&mut self, here: SentenceRef, anchors: &[u64]) {
        for &a in anchors {
            let entry = self
                .postings
                .entry(a)
                .or_insert_with(|| Postings::List(Vec::new()));
            if let Postings::List(list) = entry {
                list.push(here);
                if list.len() > self.config.max_df {
                    *entry = Postings::Common;
                }
            }
        }
    }
}

/// Whether a word is one a rewrite keeps: a name (capitalised inside the sentence, or with a
/// capital or digit after its first letter: `CSTO`, `McDonald`, `iPhone`), or a number. The
/// first word of a sentence is capitalised anyway and counts only by those inner marks.
/// Common words are left out by construction, so the index stays small and the candidates few
/// on any corpus, however small (where document frequency alone cannot tell rare from common).
pub fn is_anchor(word: &str, sentence_initial: bool) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let inner_mark = chars.any(|c| c.is_uppercase() || c.is_ascii_digit());
    if first.is_ascii_digit() || inner_mark {
        return true;
    }
    if sentence_initial || !first.is_uppercase() || w.chars().count() < 2 {
        return false;
    }
    let lower = w.to_lowercase();
    !is_function_word(&lower) && !is_calendar_word(&lower)
}

/// Days and months: capitalised, in every other news sentence, and no sign that two sentences
/// tell the same story.
fn is_calendar_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "april",
        "august",
        "december",
        "february",
        "friday",
        "january",
        "july",
        "june",
        "march",
        "may",
        "monday",
        "november",
        "october",
        "saturday",
        "september",
        "sunday",
        "thursday",
        "tuesday",
        "wednesday",
    ];
    WORDS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str =
        "Speaking at an extraordinary session of the CSTO Collective Security Council, \
Kazakh President Kassym-Jomart Tokayev said on Monday that the recent unrest in the Central Asian \
country had been prepared for a long time.\n\
Kazakh President Kassym-Jomart Tokayev told an extraordinary online meeting of heads of the \
Collective Security Treaty Organization (CSTO) that the main goal of the terrorists was \
undermining constitutional order, the seizure of power and an attempted coup.\n\
He promised to provide the international community with evidence of an aggression against \
Kazakhstan soon.";

    fn source<'a>(id: &'a DocId, text: &'a str) -> SentenceSource<'a> {
        SentenceSource {
            id,
            text,
            body: ByteSpan::new(0, text.len()),
        }
    }

    #[test]
    fn anchors_are_names_and_numbers_not_days() {
        let anchors: Vec<&str> = "Speaking at the CSTO session, Kazakh President Kassym-Jomart \
Tokayev said on Monday the 2022 unrest was planned. The iPhone"
            .split_whitespace()
            .enumerate()
            .filter(|(i, w)| is_anchor(w, *i == 0))
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            anchors,
            [
                "CSTO",
                "Kazakh",
                "President",
                "Kassym-Jomart",
                "Tokayev",
                "2022",
                "iPhone"
            ]
        );
    }

    #[test]
    fn two_versions_of_a_lead_are_candidates_inside_one_document() {
        let id = DocId::new("seed");
        let mut index = SentenceIndex::new(SentenceIndexConfig::default());
        let pairs = index.add(&[source(&id, SEED)]);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        let p = &pairs[0];
        assert!(p.older.1.slice(SEED).starts_with("Speaking at"));
        assert!(p.newer.1.slice(SEED).starts_with("Kazakh President"));
        assert!(p.shared >= 5);
    }

    #[test]
    fn new_documents_are_compared_with_indexed_ones_only_once() {
        let (a, b) = (DocId::new("a"), DocId::new("b"));
        let other =
            "Kassym-Jomart Tokayev, the Kazakh President, said the unrest had been prepared \
for a long time, at the extraordinary CSTO session.";
        let mut index = SentenceIndex::new(SentenceIndexConfig::default());
        index.add(&[source(&a, SEED)]);
        let pairs = index.add(&[source(&b, other), source(&a, SEED)]);
        assert!(
            pairs.iter().all(|p| p.newer.0 == b && p.older.0 == a),
            "{pairs:?}"
        );
        assert!(!pairs.is_empty());
        assert_eq!(index.len(), 2);
        assert_eq!(index.sentences_of(&b).map(|s| s.len()), Some(1));
    }

    #[test]
    fn words_in_too_many_sentences_stop_being_anchors() {
        let config = SentenceIndexConfig {
            max_df: 3,
            ..SentenceIndexConfig::default()
        };
        let mut index = SentenceIndex::new(config);
        let ids: Vec<DocId> = (0..6).map(|i| DocId::new(format!("d{i}"))).collect();
        let text = "Officials in Lagos, Ibadan and Abuja reported heavy Harmattan dust overnight.";
        let docs: Vec<SentenceSource> = ids.iter().map(|id| source(id, text)).collect();
        let pairs = index.add(&docs);
        // Every anchor turns common after the fourth sentence: documents 4 and 5 find nothing.
        assert!(pairs
            .iter()
            .all(|p| p.newer.0 != ids[4] && p.newer.0 != ids[5]));
        assert!(pairs.iter().any(|p| p.newer.0 == ids[3]));
    }
}
