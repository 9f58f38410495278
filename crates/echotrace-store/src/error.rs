use crate::RunId;
use echotrace_core::DocId;
use std::path::PathBuf;

/// Everything that can go wrong in the store. Each variant names what was being done, so that a
/// message reaching a user says more than SQLite's own `constraint failed`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("cannot open the store {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error(
        "the store {} has schema version {found}, newer than version {supported} that this \
         build of echotrace knows; use a newer echotrace to open it",
        path.display()
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("{} is not an echotrace store: {reason}", path.display())]
    NotAStore { path: PathBuf, reason: String },

    #[error("migrating the store to schema version {version} ({description}) failed: {source}")]
    Migration {
        version: i64,
        description: &'static str,
        #[source]
        source: rusqlite::Error,
    },

    /// A document the store refuses before writing it, e.g. a body span that does not fit its
    /// text. The whole batch it came in is rolled back.
    #[error("document {id} cannot be stored: {reason}")]
    InvalidDocument { id: DocId, reason: String },

    /// An analysis row the store refuses before writing it: a span that does not fit its
    /// document's text on character boundaries, a document id that is not stored, a score that
    /// is not a finite number. The whole batch it came in is rolled back.
    #[error("{what} cannot be stored: {reason}")]
    InvalidRow { what: String, reason: String },

    #[error("storing document {id} failed: {source}")]
    Insert {
        id: DocId,
        #[source]
        source: rusqlite::Error,
    },

    /// A row that this build cannot turn back into its type: edited by hand, or written by a
    /// buggy build.
    #[error("stored {what} is corrupt: {reason}")]
    Corrupt { what: String, reason: String },

    #[error("no ingest run with id {0}")]
    UnknownRun(RunId),

    #[error("{context} failed: {source}")]
    Sqlite {
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

/// Attaches what was being done to a SQLite error.
pub(crate) trait Context<T> {
    fn context(self, context: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn context(self, context: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite { context, source })
    }
}
