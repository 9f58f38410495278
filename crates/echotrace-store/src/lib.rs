//! The embedded store of echotrace: one SQLite file that holds the documents and, as later
//! stages land, everything found in them.
//!
//! # Design
//!
//! - **One file.** A store is a single SQLite database (plus its `-wal` and `-shm` companions
//!   while open), so a corpus and its analysis can be copied, mailed and opened with the
//!   `sqlite3` shell. Its schema is documented in `docs/schema.md` and kept stable enough to
//!   query by hand.
//! - **WAL journal, `synchronous=NORMAL`.** Readers (`echotrace serve`, `show`) never block
//!   the writer and the writer never blocks them; a commit costs an append, not an fsync of the
//!   whole file. A power cut may lose the last commits but never corrupts the file.
//! - **Batches are transactions.** [`Store::insert_documents`] writes a batch in one
//!   transaction: a crash or Ctrl-C loses at most the batch in flight, and since inserting is
//!   idempotent, re-running the same ingest completes the job.
//! - **Documents are immutable.** Re-inserting a document with the same id and content is a
//!   no-op; the same id with other content is reported as a conflict and the stored copy kept,
//!   because later stages point into the stored text by byte offsets.
//! - **Times three ways.** A publication time is stored as `published_at` (the ISO text at its
//!   known precision, what a person reads), `published_precision` (the ISO text cannot tell an
//!   hour from a minute: both print `09:00Z`) and `published_earliest`/`published_latest`
//!   (the interval in Unix seconds, so that SQL can sort, filter by day and detect ties between
//!   a bare day and a time within it without parsing text).
//! - **Versioned schema.** `PRAGMA user_version` counts the migrations applied; opening a file
//!   applies the missing ones and refuses a file from a newer echotrace.
//! - **Analysis batches are transactions too.** A stage's results for a batch of documents and
//!   the mark that those documents are done ([`Store::commit_reuse_batch`],
//!   [`Store::commit_quotes_batch`]) are committed together, so an interrupted `analyze`
//!   resumes at [`Store::pending_documents`] and never stores half a batch.
//! - The store knows nothing of algorithms: stages hand it
//!   [`Document`](echotrace_core::Document)s and plain rows of its own types ([`analysis`])
//!   and get them back.
//!
//! ```
//! use echotrace_core::{DocId, Document, Published, SourceId};
//! use echotrace_store::Store;
//!
//! let mut store = Store::open_in_memory()?;
//! let text = "Sputnik\nKazakh President Kassym-Jomart Tokayev said on Monday…";
//! let mut doc = Document::new(DocId::new("sputnik-1"), text);
//! doc.source = SourceId::new("Sputnik");
//! doc.published = Published::parse("2022-01-10");
//! doc.body = echotrace_core::ByteSpan::new(8, text.len());
//!
//! let outcome = store.insert_documents(&[doc.clone()])?;
//! assert_eq!(outcome.added, 1);
//! assert_eq!(store.insert_documents(&[doc.clone()])?.unchanged, 1); // idempotent
//!
//! assert_eq!(store.document(&doc.id)?, Some(doc));
//! let hits = store.search("tokayev", 10)?;
//! assert_eq!(hits[0].id.as_str(), "sputnik-1");
//! assert!(hits[0].snippet.contains("[Tokayev]"));
//! # Ok::<(), echotrace_store::StoreError>(())
//! ```

pub mod analysis;
mod documents;
mod error;
mod runs;
mod schema;
mod search;
mod stats;

pub use analysis::{
    speaker_key, AlignmentKind, ClusterSummary, Pending, QuoteQuery, Stage, StoredAlignment,
    StoredCluster, StoredEntity, StoredFacts, StoredMember, StoredQuote, StoredVector,
};
pub use documents::{Documents, FoundDocument, InsertOutcome};
pub use error::StoreError;
pub use runs::{IngestRun, Rejection, RunCounts, RunId};
pub use schema::SCHEMA_VERSION;
pub use search::{SearchHit, MATCH_END, MATCH_START};
pub use stats::{SourceCount, StoreStats};

use error::Context;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another process's write to finish before giving up. Ingest
/// batches are short, so this is generous.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open echotrace store. Writes take `&mut self`; one `Store` per thread.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens the store at `path`, creating the file if it does not exist and bringing its schema
    /// up to date. Fails on a file that is not an echotrace store or that a newer echotrace
    /// wrote.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // Identity first: switching a foreign file to WAL would already modify it.
        schema::check_identity(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        Store::configure(conn, Some(path.to_path_buf()))
    }

    /// A store that lives in memory and vanishes when dropped; for tests and experiments.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Store::configure(conn, None)
    }

    fn configure(mut conn: Connection, path: Option<PathBuf>) -> Result<Store, StoreError> {
        // NORMAL is durable up to the last checkpoint in WAL mode and never corrupts; FULL would
        // fsync on every batch for little gain in a store that can be re-ingested.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .context("setting synchronous=NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)
            .context("enabling foreign keys")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn, path })
    }

    /// A transaction that writes: it takes SQLite's write lock when it begins. Another
    /// connection may write to the same file (the analyzer's stages, a server beside a command
    /// line run); a deferred transaction that read first and then found a newer write could
    /// not wait for the lock and would fail with `SQLITE_BUSY`, while this one waits up to
    /// the busy timeout.
    fn write_transaction(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
    }

    /// The file this store lives in; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open file (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .context("reading the schema version")
    }
}

/// Now, as stored in `ingested_at`, `started_at` and `finished_at`: ISO 8601 in UTC to the
/// second, which sorts as text.
fn now_iso() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// SQLite integers are `i64`; counts and offsets in Rust are unsigned. A negative or oversized
/// value can only come from a hand-edited row and is reported as corrupt by the callers that
/// care; counts simply clamp.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn to_sql_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
