//! Runs echotrace's analysis stages over a [`Store`].
//!
//! The stage crates (`echotrace-reuse`, `echotrace-quotes`, `echotrace-coord`) know nothing of
//! storage and the store knows nothing of algorithms; this crate is where they meet, so that
//! the command line and the HTTP server drive the same code:
//!
//! - [`Analyzer`] asks the store which documents each stage still owes, runs the stage over
//!   them in batches, and commits each batch — its results together with the mark that its
//!   documents are done — in one transaction. An interrupted run resumes where it stopped; a
//!   finished one re-runs as a no-op; new documents are compared against the corpus without
//!   recomputing it (the reuse engine's candidate index is kept in the store). Each batch is
//!   worked on while the one before it is committed, so SQLite's single writer does not
//!   leave a core idle; the report gives each stage's wall-clock time.
//! - with a sentence model ([`ParaphraseSettings`]), the paraphrase stage runs after the reuse
//!   stage: sentence pairs that share rare words and that no word alignment covers are
//!   embedded and scored, and confirmed paraphrases are stored as alignments of kind
//!   `paraphrase`, which join the reuse clusters;
//! - [`coordination_network`] turns the stored clusters into the (source, time) copy events
//!   of each cluster and runs coordination detection over them;
//! - [`narratives`] groups clusters and quoted documents into stories with timelines.
//!
//! ```
//! use echotrace_core::{DocId, Document};
//! use echotrace_pipeline::{Analyzer, NoProgress};
//! use echotrace_store::Store;
//! use std::sync::atomic::AtomicBool;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let db = dir.path().join("e.db");
//! let mut store = Store::open(&db).unwrap();
//! let lead = "Kazakh President Kassym-Jomart Tokayev said on Monday that the main goal of the \
//!     terrorists was undermining constitutional order, the seizure of power and an attempted coup.";
//! let a = Document::new(DocId::new("a"), lead);
//! let b = Document::new(DocId::new("b"), format!("Source: Sputnik\n{lead}"));
//! store.insert_documents(&[a, b]).unwrap();
//! let report = Analyzer::default().run(&mut store, &db, &NoProgress, &AtomicBool::new(false)).unwrap();
//! assert_eq!(report.reuse_documents, 2);
//! assert_eq!(store.cluster_count().unwrap(), 1);
//! // Nothing is left to do: a second run is a no-op.
//! let again = Analyzer::default().run(&mut store, &db, &NoProgress, &AtomicBool::new(false)).unwrap();
//! assert_eq!(again.reuse_documents + again.quotes_documents, 0);
//! ```

mod analyze;
mod narratives;
mod network;
mod paraphrase;

pub use analyze::{
    kind_name, recluster, AnalyzeProgress, AnalyzeReport, Analyzer, NoProgress, StageTimes, Stages,
    DEFAULT_BATCH,
};
pub use narratives::{cluster_timeline, narratives, story_inputs};
pub use network::{coordination_network, copy_events};
pub use paraphrase::ParaphraseSettings;

use echotrace_store::StoreError;

/// What can stop a pipeline run.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Analysis state in the store that this build cannot read.
    #[error("{what} stored in the database cannot be read ({reason}); it was written by another version of echotrace")]
    State { what: &'static str, reason: String },
    #[error("cannot encode {what}: {reason}")]
    Encode { what: &'static str, reason: String },
    /// The sentence model failed on the corpus's text.
    #[error("the sentence model failed: {0}")]
    Model(String),
}
