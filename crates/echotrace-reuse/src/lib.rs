//! The echotrace reuse engine: find every passage documents share, align it with offsets,
//! group the copies into clusters and name who copied whom.
//!
//! It is a pipeline of small stages, each a module with one principal type and a trait at its
//! plug point, in the style of ripgrep's and tantivy's crates:
//!
//! | stage | module | trait | default |
//! |---|---|---|---|
//! | normalise + segment | [`segment`] | [`Segmenter`] | [`NewsSegmenter`]: NFKC, folded quotes/dashes/case, words with byte spans, sentences, paragraphs |
//! | fingerprint | [`fingerprint`] | [`Fingerprinter`] | [`WordNgrams`]: hashed word 5-grams on spelling-folded keys |
//! | candidates | [`candidates`] | — | [`CandidateIndex`]: incremental, persistable inverted index of rare n-grams (document frequency 2..=100, 5 shared) |
//! | align | [`align`] | [`PassageAligner`] | [`BandedAligner`]: seeds → chains → banded affine-gap Smith–Waterman |
//! | cluster | [`cluster`] | — | [`ClusterBuilder`]: connected components of aligned and overlapping spans |
//! | provenance | [`provenance`] | — | [`ProvenanceRanker`]: time with precision, credit lines, alignment shape, context of the shared text and outlet roles → minimum arborescence |
//!
//! [`ReuseEngine`] runs the first four stages over *new* documents only; [`cluster_and_rank`]
//! runs the last two over all alignments, which is cheap because it reads no text. The crate
//! knows nothing of storage: the caller keeps the [`CandidateIndex`] (it derives `serde`), the
//! [`Alignment`]s and the [`DocFacts`], and gives the engine a [`DocumentLookup`] to read older
//! documents of a candidate pair.
//!
//! All spans are byte offsets into [`Document::text`](echotrace_core::Document); convert with
//! [`echotrace_core::CharOffsets`] for formats that count code points.
//!
//! ```
//! use echotrace_core::{DocId, Document, Published, SourceId};
//! use echotrace_reuse::{cluster_and_rank, DocFacts, NoDocuments, ReuseConfig, ReuseEngine};
//!
//! let story = "Kazakh President Kassym-Jomart Tokayev told an extraordinary online meeting of \
//!     the Collective Security Treaty Organization on Monday that the main goal of the \
//!     terrorists was undermining constitutional order, the seizure of power and an attempted coup.";
//! let mut wire = Document::new(DocId::new("wire"), story);
//! wire.source = SourceId::new("sputniknews.com");
//! wire.published = Published::parse("2022-01-10T08:00:00Z");
//! let copied = format!("Source: Sputnik\n{}", story.replace("Organization", "Organisation"));
//! let mut blog = Document::new(DocId::new("blog"), copied);
//! blog.source = SourceId::new("blog.example");
//! blog.published = Published::parse("2022-01-10"); // a bare day: ties with the wire's time
//!
//! let mut engine = ReuseEngine::new(ReuseConfig::default());
//! let first = engine.add(&[wire.clone()], &NoDocuments);
//! let second = engine.add(&[blog.clone()], &echotrace_reuse::DocumentSlice::new(&[wire.clone()]));
//! assert_eq!(second.alignments.len(), 1); // only pairs with the new document are aligned
//!
//! let alignments: Vec<_> = first.alignments.into_iter().chain(second.alignments).collect();
//! let facts = [DocFacts::from_document(&wire), DocFacts::from_document(&blog)];
//! let clusters = cluster_and_rank(&alignments, &|id: &DocId| facts.iter().find(|f| &f.id == id), engine.config());
//! assert_eq!(clusters[0].origin, Some(DocId::new("wire"))); // the credit line decides the tie
//! let copy = clusters[0].members.iter().find(|m| m.doc.as_str() == "blog").unwrap();
//! assert_eq!(copy.parent, Some(DocId::new("wire")));
//! assert!(copy.span.slice(&blog.text).starts_with("Kazakh"));
//! ```

pub mod align;
pub mod candidates;
pub mod cluster;
pub mod engine;
pub mod fingerprint;
pub mod provenance;
pub mod segment;

pub use align::{AlignConfig, AlignInput, BandedAligner, PassageAligner, SpanMatch, TokenRange};
pub use candidates::{CandidateIndex, CandidatePair, IndexConfig};
pub use cluster::{Alignment, Cluster, ClusterBuilder, ClusterConfig, ClusterMember};
pub use engine::{
    cluster_and_rank, AddReport, DocumentLookup, DocumentSlice, NoDocuments, ReuseConfig,
    ReuseEngine,
};
pub use fingerprint::{Fingerprinter, Shingle, WordNgrams};
pub use provenance::{
    credit_lines, DocFacts, ParentEvidence, ProvenanceConfig, ProvenanceRanker, RankedMember,
    ReuseCluster, SourceRoles, TimeRelation,
};
pub use segment::{NewsSegmenter, Segmented, Segmenter, Token};
