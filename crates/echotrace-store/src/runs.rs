use crate::error::{Context, StoreError};
use crate::{count, now_iso, to_sql_int, Store};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of one `echotrace ingest` invocation in `ingest_runs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RunId(i64);

impl RunId {
    pub fn get(self) -> i64 {
        self.0
    }
}

impl fmt::Display for RunId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The totals of a run, written by [`Store::finish_run`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunCounts {
    pub documents_added: u64,
    /// Documents that were already stored (re-ingested inputs).
    pub duplicates: u64,
    pub rejected: u64,
}

/// One input that could not be ingested.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub file: String,
    /// Where in the file: `line 12`, `record 3`; empty when the whole file was rejected.
    pub location: String,
    pub reason: String,
}

/// A row of `ingest_runs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IngestRun {
    pub id: RunId,
    /// ISO 8601, UTC.
    pub started_at: String,
    /// `None` while the run is going on, or if it was interrupted.
    pub finished_at: Option<String>,
    pub inputs: Vec<String>,
    pub counts: RunCounts,
}

impl Store {
    /// Records the start of an ingest of `inputs` (paths as the user gave them).
    pub fn begin_run<S: AsRef<str>>(&mut self, inputs: &[S]) -> Result<RunId, StoreError> {
        let inputs: Vec<&str> = inputs.iter().map(AsRef::as_ref).collect();
        let inputs = serde_json::Value::from(inputs).to_string();
        self.conn
            .query_row(
                "INSERT INTO ingest_runs (started_at, inputs) VALUES (?1, ?2) RETURNING id",
                params![now_iso(), inputs],
                |r| r.get(0),
            )
            .map(RunId)
            .context("recording the start of an ingest run")
    }

    /// Records rejected inputs as `(file, location, reason)`, all in one transaction.
    pub fn record_rejections<F, L, R>(
        &mut self,
        run: RunId,
        rejections: &[(F, L, R)],
    ) -> Result<(), StoreError>
    where
        F: AsRef<str>,
        L: AsRef<str>,
        R: AsRef<str>,
    {
        let tx = self
            .write_transaction()
            .context("starting to record rejections")?;
        ensure_run(&tx, run)?;
        {
            let mut add = tx
                .prepare_cached(
                    "INSERT INTO rejections (run_id, file, location, reason) \
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .context("preparing the rejection insert")?;
            for (file, location, reason) in rejections {
                add.execute(params![
                    run.0,
                    file.as_ref(),
                    location.as_ref(),
                    reason.as_ref()
                ])
                .context("recording a rejection")?;
            }
        }
        tx.commit().context("committing rejections")
    }

    /// Records the end of a run and its totals.
    pub fn finish_run(&mut self, run: RunId, counts: RunCounts) -> Result<(), StoreError> {
        let changed = self
            .conn
            .execute(
                "UPDATE ingest_runs SET finished_at = ?2, documents_added = ?3, \
                 duplicates = ?4, rejected = ?5 WHERE id = ?1",
                params![
                    run.0,
                    now_iso(),
                    to_sql_int(counts.documents_added),
                    to_sql_int(counts.duplicates),
                    to_sql_int(counts.rejected),
                ],
            )
            .context("recording the end of an ingest run")?;
        if changed == 0 {
            return Err(StoreError::UnknownRun(run));
        }
        Ok(())
    }

    /// The run with this id.
    pub fn run(&self, run: RunId) -> Result<Option<IngestRun>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT started_at, finished_at, inputs, documents_added, duplicates, rejected \
                 FROM ingest_runs WHERE id = ?1",
                [run.0],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                },
            )
            .optional()
            .context("reading an ingest run")?;
        let Some((started_at, finished_at, inputs, added, duplicates, rejected)) = row else {
            return Ok(None);
        };
        let inputs = serde_json::from_str(&inputs).map_err(|e| StoreError::Corrupt {
            what: format!("ingest run {run}"),
            reason: format!("inputs are not a JSON list of strings: {e}"),
        })?;
        Ok(Some(IngestRun {
            id: run,
            started_at,
            finished_at,
            inputs,
            counts: RunCounts {
                documents_added: count(added),
                duplicates: count(duplicates),
                rejected: count(rejected),
            },
        }))
    }

    /// The rejections recorded for a run, in the order they were recorded.
    pub fn rejections(&self, run: RunId) -> Result<Vec<Rejection>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT file, location, reason FROM rejections WHERE run_id = ?1 ORDER BY id",
            )
            .context("preparing the rejection listing")?;
        let rows = stmt
            .query_map([run.0], |r| {
                Ok(Rejection {
                    file: r.get(0)?,
                    location: r.get(1)?,
                    reason: r.get(2)?,
                })
            })
            .context("listing rejections")?;
        rows.collect::<Result<_, _>>().context("listing rejections")
    }
}

fn ensure_run(conn: &rusqlite::Connection, run: RunId) -> Result<(), StoreError> {
    let found = conn
        .query_row("SELECT 1 FROM ingest_runs WHERE id = ?1", [run.0], |_| {
            Ok(())
        })
        .optional()
        .context("looking up an ingest run")?;
    found.ok_or(StoreError::UnknownRun(run))
}
