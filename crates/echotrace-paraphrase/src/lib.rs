//! Paraphrase reuse: text that was rewritten rather than copied, found with sentence
//! embeddings and confirmed by a score a reader can check.
//!
//! Lexical alignment ([`echotrace_reuse`]) finds copies that keep the words. Content farms and
//! state outlets also rewrite: the seed's three versions of one lead share names and the
//! story but few five-word runs. This crate finds those in three steps, each with its plug
//! point:
//!
//! | step | module | principal type | plug point |
//! |---|---|---|---|
//! | which sentence pairs to look at | [`candidates`] | [`SentenceIndex`]: incremental index of rare words (names, numbers, uncommon words) shared by two sentences | [`SentenceIndexConfig`] |
//! | what each sentence means | [`encoder`] | [`MiniLmEncoder`]: all-MiniLM-L6-v2 (BERT, mean pooling, L2 norm) on candle, on the CPU | [`SentenceEncoder`] |
//! | whether a pair says the same | [`score`] | [`PairFeatures`] (cosine, n-gram overlap, unmatched words and runs, word-piece matches) and [`ParaphraseScorer`]: a pairwise logistic regression and a small network, fitted on labelled pairs | its threshold |
//! | … read as one text | [`cross`] | [`PairClassifier`]: the same model over both texts at once, with a LoRA adapter and a head fitted on MRPC; its probability is averaged with the scorer's | [`SentenceEncoder::pair_probabilities`] |
//!
//! Only sentences with a candidate partner are embedded: a transformer pass costs far more
//! than the hashing the lexical engine does per word, and almost every sentence pair of a
//! corpus is unrelated. The crate knows nothing of storage; `echotrace-pipeline` keeps the
//! index and the vectors in the store and merges confirmed pairs into the reuse clusters as
//! alignments of kind `paraphrase`.
//!
//! ```no_run
//! use echotrace_paraphrase::{MiniLmEncoder, ModelFiles, PairFeatures, ParaphraseScorer,
//!     SentenceEncoder, cosine};
//!
//! let dir = ModelFiles::default_dir().expect("a home directory");
//! let encoder = MiniLmEncoder::load(&dir)?; // `echotrace model fetch` puts the model there
//! let a = "Kazakh President Kassym-Jomart Tokayev said the unrest had been prepared for a long time.";
//! let b = "The unrest had been planned well in advance, Kazakhstan's president Tokayev said.";
//! let e = encoder.encode_tokens(&[a, b])?;
//! let cross = encoder.pair_probabilities(&[(a, b)])?.map(|p| p[0]);
//! let features = PairFeatures::new(a, b, &e[0], &e[1]).with_cross(cross);
//! println!("cosine {:.2}", cosine(&e[0].vector, &e[1].vector));
//! let scorer = ParaphraseScorer::default();
//! println!("p = {:.2}, paraphrase: {}", scorer.probability(&features), scorer.is_paraphrase(&features));
//! # Ok::<(), echotrace_paraphrase::ParaphraseError>(())
//! ```

pub mod bert;
pub mod candidates;
pub mod cross;
pub mod encoder;
mod error;
pub mod features;
pub mod passages;
pub mod score;

pub use candidates::{SentenceIndex, SentenceIndexConfig, SentencePair, SentenceSource};
pub use cross::PairClassifier;
pub use encoder::{
    cosine, EncodedText, MiniLmEncoder, ModelFiles, SentenceEncoder, DEFAULT_MODEL_NAME,
};
pub use error::ParaphraseError;
pub use features::{LexicalCheck, PairFeatures};
pub use passages::{is_heading, passages};
pub use score::{
    labelled_pair_features, pair_figures, read_pair_file, LabelledPair, PairFigures,
    ParaphraseScorer,
};
