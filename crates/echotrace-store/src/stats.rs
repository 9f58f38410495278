use crate::error::{Context, StoreError};
use crate::{count, Stage, Store};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;

/// What `echotrace stats` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    pub documents: u64,
    pub sources: u64,
    /// Documents per ISO 639-3 language code; `und` counts documents with no language.
    pub languages: BTreeMap<String, u64>,
    /// The earliest publication time, as stored (`published_at`, at its own precision).
    pub earliest_published: Option<String>,
    /// The latest publication time (latest start of a publication interval).
    pub latest_published: Option<String>,
    pub undated_documents: u64,
    pub ingest_runs: u64,
    /// Rejected inputs over all ingest runs.
    pub rejections: u64,
    /// Stored alignments of reused text (both kinds).
    pub alignments: u64,
    /// Of those, paraphrases (found with sentence embeddings).
    pub paraphrase_alignments: u64,
    /// Sentence embeddings kept for the paraphrase stage.
    pub sentence_vectors: u64,
    pub clusters: u64,
    pub quotes: u64,
    /// Documents not yet through the reuse stage.
    pub pending_reuse: u64,
    /// Documents not yet through the quote stage.
    pub pending_quotes: u64,
    /// Documents not yet through the paraphrase stage (which runs only with a model).
    pub pending_paraphrase: u64,
    pub schema_version: i64,
    /// Bytes on disk: the database file plus its write-ahead log. `None` in memory.
    pub file_size_bytes: Option<u64>,
}

/// A source and how many documents it published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceCount {
    pub name: String,
    pub documents: u64,
}

impl Store {
    /// Totals over the whole store.
    pub fn stats(&self) -> Result<StoreStats, StoreError> {
        let scalar = |sql: &str, context: &'static str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(count)
                .context(context)
        };
        let published_at = |order: &str, context: &'static str| {
            self.conn
                .query_row(
                    &format!(
                        "SELECT published_at FROM documents WHERE published_earliest IS NOT NULL \
                         ORDER BY {order} LIMIT 1"
                    ),
                    [],
                    |r| r.get::<_, String>(0),
                )
                .optional()
                .context(context)
        };

        let mut languages = BTreeMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT coalesce(language, 'und'), count(*) FROM documents GROUP BY 1",
                )
                .context("preparing the language histogram")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .context("counting documents per language")?;
            for row in rows {
                let (language, n) = row.context("counting documents per language")?;
                *languages.entry(language).or_insert(0) += count(n);
            }
        }

        Ok(StoreStats {
            documents: self.document_count()?,
            sources: scalar("SELECT count(*) FROM sources", "counting sources")?,
            languages,
            // Among equal starts the more precise time is the better answer.
            earliest_published: published_at(
                "published_earliest, published_latest",
                "finding the earliest publication",
            )?,
            latest_published: published_at(
                "published_earliest DESC, published_latest",
                "finding the latest publication",
            )?,
            undated_documents: scalar(
                "SELECT count(*) FROM documents WHERE published_earliest IS NULL",
                "counting undated documents",
            )?,
            ingest_runs: scalar("SELECT count(*) FROM ingest_runs", "counting ingest runs")?,
            rejections: scalar("SELECT count(*) FROM rejections", "counting rejections")?,
            alignments: scalar("SELECT count(*) FROM alignments", "counting alignments")?,
            paraphrase_alignments: scalar(
                "SELECT count(*) FROM alignments WHERE kind = 'paraphrase'",
                "counting paraphrase alignments",
            )?,
            sentence_vectors: self.sentence_vector_count()?,
            clusters: self.cluster_count()?,
            quotes: scalar("SELECT count(*) FROM quotes", "counting quotes")?,
            pending_reuse: self.pending_count(Stage::Reuse)?,
            pending_quotes: self.pending_count(Stage::Quotes)?,
            pending_paraphrase: self.pending_count(Stage::Paraphrase)?,
            schema_version: self.schema_version()?,
            file_size_bytes: self.path.as_deref().map(|path| {
                let mut wal = path.as_os_str().to_owned();
                wal.push("-wal");
                [path.as_os_str(), wal.as_os_str()]
                    .iter()
                    .filter_map(|p| std::fs::metadata(p).ok())
                    .map(|m| m.len())
                    .sum()
            }),
        })
    }

    /// Every source with its number of documents, most prolific first.
    pub fn sources(&self) -> Result<Vec<SourceCount>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.name, count(d.seq) AS n FROM sources s \
                 LEFT JOIN documents d ON d.source_id = s.id \
                 GROUP BY s.id ORDER BY n DESC, s.name",
            )
            .context("preparing the source listing")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SourceCount {
                    name: r.get(0)?,
                    documents: count(r.get(1)?),
                })
            })
            .context("listing sources")?;
        rows.collect::<Result<_, _>>().context("listing sources")
    }
}
