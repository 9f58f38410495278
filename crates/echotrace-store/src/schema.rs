//! Versioned schema migrations.
//!
//! Written by hand rather than with `rusqlite_migration`: the whole mechanism is a loop over a
//! list and one pragma, and the crate pins its own rusqlite release (and its latest needs a newer
//! Rust than this workspace's), which would tie our rusqlite upgrades to its releases.

use crate::error::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

struct Migration {
    version: i64,
    description: &'static str,
    sql: &'static str,
}

/// Applied in order, each in its own transaction together with the `user_version` bump, so a
/// crash leaves the file at one version or the next, never between. Never edit a migration that
/// has been released: add the next one.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "sources, documents, full-text index, ingest runs, rejections",
        sql: include_str!("migrations/0001_documents.sql"),
    },
    Migration {
        version: 2,
        description: "analysis: stage marks, state, alignments, clusters, quotes, entities",
        sql: include_str!("migrations/0002_analysis.sql"),
    },
    Migration {
        version: 3,
        description: "paraphrase: stage, alignment kind, sentence vectors",
        sql: include_str!("migrations/0003_paraphrase.sql"),
    },
    Migration {
        version: 4,
        description: "full-text index: documents indexed a batch at a time, not by trigger",
        sql: include_str!("migrations/0004_fts_batch.sql"),
    },
    Migration {
        version: 5,
        description: "reclustering: credit lines kept per document, a digest per cluster",
        sql: include_str!("migrations/0005_recluster.sql"),
    },
];

/// The schema version this build writes and understands (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 5;

/// `PRAGMA application_id` of an echotrace store ("ECHT"): lets `file(1)`-like tools and this
/// crate tell an echotrace store from any other SQLite file.
pub(crate) const APPLICATION_ID: i64 = 0x4543_4854;

const _: () = assert!(MIGRATIONS[MIGRATIONS.len() - 1].version == SCHEMA_VERSION);

/// Refuses files that are not echotrace stores (so that a mistyped `--db` never adds tables to
/// someone else's database) or that are newer than this build.
pub(crate) fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(open_err)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(open_err)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(open_err)?;
    let not_a_store = |reason: String| StoreError::NotAStore {
        path: path.to_path_buf(),
        reason,
    };
    if app_id != APPLICATION_ID && app_id != 0 {
        return Err(not_a_store(format!(
            "its application id is {app_id:#x}, not echotrace's {APPLICATION_ID:#x}"
        )));
    }
    if app_id == 0 && (version != 0 || objects != 0) {
        return Err(not_a_store(
            "it is a SQLite database with tables of its own".to_string(),
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings the schema up to [`SCHEMA_VERSION`].
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    for m in MIGRATIONS {
        let err = |source| StoreError::Migration {
            version: m.version,
            description: m.description,
            source,
        };
        // IMMEDIATE takes the write lock before reading the version, so two processes opening
        // a fresh file at once cannot both apply the same migration.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let current: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        if current >= m.version {
            continue;
        }
        tx.execute_batch(m.sql).map_err(err)?;
        tx.pragma_update(None, "user_version", m.version)
            .map_err(err)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(err)?;
        tx.commit().map_err(err)?;
    }
    Ok(())
}
