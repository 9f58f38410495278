//! What the analysis stages find, as plain rows: alignments of reused text, clusters of
//! documents that share text, quotes and the people and organisations documents name; which
//! documents each stage has been through; and the stages' own state between runs.
//!
//! The store knows nothing of the algorithms: these types are its own, and the stages convert
//! to and from them. Every span is a byte range into the stored text of its document and is
//! checked against it before anything is written; a batch with one bad row is refused whole
//! ([`StoreError::InvalidRow`]) and nothing of it is stored.

use crate::documents::{published_from, row_to_document, source_from, SELECT_DOCUMENT};
use crate::error::{Context, StoreError};
use crate::{count, now_iso, to_sql_int, Store};
use echotrace_core::{ByteSpan, DocId, Document, Published, SourceId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A stage of `echotrace analyze` that goes through the documents one batch at a time.
/// Stored in `stage_done.stage` as [`Stage::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Text reuse: candidate pairs and alignments.
    Reuse,
    /// Quote and entity extraction.
    Quotes,
    /// Paraphrased reuse: sentence pairs confirmed by embeddings. Runs after `reuse`.
    Paraphrase,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Reuse, Stage::Quotes, Stage::Paraphrase];

    /// `reuse`, `quotes` or `paraphrase`, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Reuse => "reuse",
            Stage::Quotes => "quotes",
            Stage::Paraphrase => "paraphrase",
        }
    }

    /// The stage named by [`Stage::as_str`].
    pub fn parse(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A passage of `a` reused in `b` (or both from a common source). A row of `alignments`.
///
/// The pair of spans is the alignment's identity: storing the same `(a, a_span, b, b_span)`
/// again updates its score, identity and detail. `(a, b)` and `(b, a)` are different rows, so a
/// stage should order its pairs one way (e.g. older document as `a`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredAlignment {
    pub a: DocId,
    pub a_span: ByteSpan,
    pub b: DocId,
    pub b_span: ByteSpan,
    pub score: f64,
    /// Share of aligned characters that are identical, 0 to 1.
    pub identity: f64,
    /// Whatever else the stage wants back (JSON).
    pub detail: serde_json::Value,
    /// How the two spans were found to be the same text.
    #[serde(default)]
    pub kind: AlignmentKind,
}

/// How an alignment was found. Stored in `alignments.kind`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignmentKind {
    /// Word alignment: the same words, edited.
    #[default]
    Lexical,
    /// The same meaning in other words (sentence embeddings).
    Paraphrase,
}

impl AlignmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlignmentKind::Lexical => "lexical",
            AlignmentKind::Paraphrase => "paraphrase",
        }
    }

    fn parse(name: &str) -> Option<AlignmentKind> {
        match name {
            "lexical" => Some(AlignmentKind::Lexical),
            "paraphrase" => Some(AlignmentKind::Paraphrase),
            _ => None,
        }
    }
}

/// The embedding of one sentence of a document. A row of `sentence_vectors`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredVector {
    pub doc: DocId,
    pub span: ByteSpan,
    /// Unit length.
    pub vector: Vec<f32>,
}

/// A document in a cluster. A row of `cluster_members`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredMember {
    pub doc: DocId,
    /// The reused passage in `doc`.
    pub span: ByteSpan,
    /// The member it most likely copied from; `None` for the origin and the undecided.
    pub parent: Option<DocId>,
    pub confidence: f64,
    pub evidence: serde_json::Value,
}

/// Documents that share a passage, with the one it most likely started in. A row of `clusters`
/// with its `cluster_members`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCluster {
    pub id: String,
    pub origin: Option<DocId>,
    pub origin_confidence: f64,
    /// The earliest published members (several when their dates tie), as given.
    pub earliest: Vec<DocId>,
    /// In the order given.
    pub members: Vec<StoredMember>,
}

/// What provenance knows of a document besides its alignments: where and when it was
/// published and the outlets its credit lines name. Read without the document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredFacts {
    pub id: DocId,
    pub source: Option<SourceId>,
    pub published: Option<Published>,
    /// The outlets its credit lines name, as [`Store::record_credits`] stored them; `None`
    /// until then.
    pub credits: Option<Vec<String>>,
}

/// One quotation in a document. A row of `quotes`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredQuote {
    pub doc: DocId,
    /// `direct`, `reported`, `mixed`, … as the quote stage names them.
    pub kind: String,
    /// What was said, one span per contiguous piece.
    pub content: Vec<ByteSpan>,
    /// The cue (`said`, `according to`), if any.
    pub cue: Option<ByteSpan>,
    /// The source mention as written (`He`, `Tokayev`), if any.
    pub source: Option<ByteSpan>,
    /// The speaker resolved to a name, if any.
    pub speaker: Option<String>,
    pub detail: serde_json::Value,
}

/// A person or organisation a document names. A row of `entities`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredEntity {
    pub doc: DocId,
    /// `person`, `organization`, … as the quote stage names them.
    pub kind: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// A cluster without its members, for listings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterSummary {
    pub id: String,
    pub origin: Option<DocId>,
    pub origin_confidence: f64,
    /// Member rows (a document can be a member twice, with two passages).
    pub members: u64,
    /// Distinct member documents.
    pub documents: u64,
    /// Distinct known sources of the member documents.
    pub sources: u64,
    /// `published_at` of the earliest dated member.
    pub first_published: Option<String>,
    /// `published_at` of the latest dated member.
    pub last_published: Option<String>,
}

/// `speaker_key` of a speaker name: lowercased, runs of whitespace made one space, trimmed;
/// `None` when nothing is left. [`Store::quotes_by_speaker`] compares names by it.
pub fn speaker_key(name: &str) -> Option<String> {
    let key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!key.is_empty()).then_some(key)
}

/// Past this many bytes of cached document text, [`DocRefs`] forgets what it read.
const TEXT_CACHE_BYTES: usize = 64 << 20;

/// Resolves document ids to `documents.seq` and checks spans against the stored text, within
/// one write transaction, caching what it read.
struct DocRefs<'c> {
    conn: &'c Connection,
    seqs: HashMap<String, i64>,
    texts: HashMap<i64, String>,
    text_bytes: usize,
}

fn invalid(what: &dyn Fn() -> String, reason: String) -> StoreError {
    StoreError::InvalidRow {
        what: what(),
        reason,
    }
}

impl<'c> DocRefs<'c> {
    fn new(conn: &'c Connection) -> Self {
        DocRefs {
            conn,
            seqs: HashMap::new(),
            texts: HashMap::new(),
            text_bytes: 0,
        }
    }

    fn seq(&mut self, id: &DocId, what: &dyn Fn() -> String) -> Result<i64, StoreError> {
        if let Some(&seq) = self.seqs.get(id.as_str()) {
            return Ok(seq);
        }
        let seq: Option<i64> = self
            .conn
            .prepare_cached("SELECT seq FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id.as_str()], |r| r.get(0)).optional())
            .context("looking up a document")?;
        let seq = seq.ok_or_else(|| invalid(what, format!("document {id} is not in the store")))?;
        self.seqs.insert(id.as_str().to_string(), seq);
        Ok(seq)
    }

    /// `(seq, start, end)` of a span of `id`, checked against its text.
    fn span(
        &mut self,
        id: &DocId,
        span: ByteSpan,
        what: &dyn Fn() -> String,
    ) -> Result<(i64, i64, i64), StoreError> {
        let seq = self.seq(id, what)?;
        let (start, end) = self.offsets(seq, id, span, what)?;
        Ok((seq, start, end))
    }

    fn offsets(
        &mut self,
        seq: i64,
        id: &DocId,
        span: ByteSpan,
        what: &dyn Fn() -> String,
    ) -> Result<(i64, i64), StoreError> {
        if !self.texts.contains_key(&seq) {
            let text: String = self
                .conn
                .prepare_cached("SELECT text FROM documents WHERE seq = ?1")
                .and_then(|mut s| s.query_row([seq], |r| r.get(0)))
                .context("reading a document's text")?;
            if self.text_bytes + text.len() > TEXT_CACHE_BYTES {
                self.texts.clear();
                self.text_bytes = 0;
            }
            self.text_bytes += text.len();
            self.texts.insert(seq, text);
        }
        let len = self.texts.get(&seq).map_or(0, String::len);
        let fits = self
            .texts
            .get(&seq)
            .is_some_and(|text| text.get(span.start..span.end).is_some());
        if !fits {
            return Err(invalid(
                what,
                format!(
                    "span {}..{} of document {id} does not fit its text of {len} bytes on \
                     character boundaries",
                    span.start, span.end
                ),
            ));
        }
        // Within a text held in memory, so both fit an i64.
        Ok((to_sql_int(span.start as u64), to_sql_int(span.end as u64)))
    }
}

fn finite(value: f64, name: &str, what: &dyn Fn() -> String) -> Result<f64, StoreError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(invalid(
            what,
            format!("its {name} {value} is not a finite number"),
        ))
    }
}

/// `documents.seq` of each of a batch's documents; an unknown one fails the batch.
fn batch_seqs(
    refs: &mut DocRefs<'_>,
    stage: Stage,
    docs: &[DocId],
) -> Result<Vec<i64>, StoreError> {
    let mut seqs = Vec::with_capacity(docs.len());
    for (i, id) in docs.iter().enumerate() {
        let what = || format!("document {i} of the {stage} batch ({id})");
        seqs.push(refs.seq(id, &what)?);
    }
    Ok(seqs)
}

/// Marks documents done for `stage`; a document already marked keeps its first `done_at`.
/// Replaces the analysis state `key` with `value` inside `tx`.
fn put_state(
    tx: &Transaction<'_>,
    key: &str,
    value: &[u8],
    what: &'static str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO analysis_state (key, value, updated_at) VALUES (?1, ?2, ?3) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, \
         updated_at = excluded.updated_at",
        params![key, value, now_iso()],
    )
    .context(what)?;
    Ok(())
}

fn mark_done(tx: &Transaction<'_>, stage: Stage, seqs: &[i64]) -> Result<(), StoreError> {
    let now = now_iso();
    let mut mark = tx
        .prepare_cached(
            "INSERT INTO stage_done (stage, doc_seq, done_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (stage, doc_seq) DO NOTHING",
        )
        .context("preparing the stage mark")?;
    for &seq in seqs {
        mark.execute(params![stage.as_str(), seq, now])
            .context("marking documents done")?;
    }
    Ok(())
}

fn json_text(value: &serde_json::Value) -> String {
    value.to_string()
}

fn spans_json(spans: &[ByteSpan]) -> String {
    serde_json::Value::from(
        spans
            .iter()
            .map(|s| serde_json::Value::from(vec![s.start as u64, s.end as u64]))
            .collect::<Vec<_>>(),
    )
    .to_string()
}

// ---- reading rows back ----------------------------------------------------------------------

fn read_err(context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError {
    move |source| StoreError::Sqlite { context, source }
}

fn corrupt(what: impl Into<String>, reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what: what.into(),
        reason: reason.into(),
    }
}

fn offset(n: i64, what: &str) -> Result<usize, StoreError> {
    usize::try_from(n).map_err(|_| corrupt(what, format!("negative offset {n}")))
}

fn span_at(row: &Row<'_>, i: usize, what: &str) -> Result<ByteSpan, StoreError> {
    let read = read_err("reading a span");
    let start: i64 = row.get(i).map_err(&read)?;
    let end: i64 = row.get(i + 1).map_err(&read)?;
    Ok(ByteSpan::new(offset(start, what)?, offset(end, what)?))
}

fn opt_span_at(row: &Row<'_>, i: usize, what: &str) -> Result<Option<ByteSpan>, StoreError> {
    let read = read_err("reading a span");
    let start: Option<i64> = row.get(i).map_err(&read)?;
    let end: Option<i64> = row.get(i + 1).map_err(&read)?;
    match (start, end) {
        (Some(s), Some(e)) => Ok(Some(ByteSpan::new(offset(s, what)?, offset(e, what)?))),
        (None, None) => Ok(None),
        _ => Err(corrupt(what, "a span with one end missing")),
    }
}

fn json_at(row: &Row<'_>, i: usize, what: &str) -> Result<serde_json::Value, StoreError> {
    let text: String = row.get(i).map_err(read_err("reading a JSON column"))?;
    serde_json::from_str(&text).map_err(|e| corrupt(what, format!("not JSON: {e}")))
}

fn spans_from_json(value: serde_json::Value, what: &str) -> Result<Vec<ByteSpan>, StoreError> {
    let pairs: Vec<(usize, usize)> = serde_json::from_value(value)
        .map_err(|e| corrupt(what, format!("content is not [[start, end], …]: {e}")))?;
    Ok(pairs
        .into_iter()
        .map(|(s, e)| ByteSpan::new(s, e))
        .collect())
}

const SELECT_ALIGNMENT: &str = "SELECT da.id, al.a_start, al.a_end, db.id, al.b_start, al.b_end, \
     al.score, al.identity, al.detail, al.id, al.kind FROM alignments al \
     JOIN documents da ON da.seq = al.a_seq JOIN documents db ON db.seq = al.b_seq";

fn row_to_alignment(row: &Row<'_>) -> Result<StoredAlignment, StoreError> {
    let read = read_err("reading an alignment");
    let rowid: i64 = row.get(9).map_err(&read)?;
    let what = format!("alignment {rowid}");
    Ok(StoredAlignment {
        a: DocId::new(row.get::<_, String>(0).map_err(&read)?),
        a_span: span_at(row, 1, &what)?,
        b: DocId::new(row.get::<_, String>(3).map_err(&read)?),
        b_span: span_at(row, 4, &what)?,
        score: row.get(6).map_err(&read)?,
        identity: row.get(7).map_err(&read)?,
        detail: json_at(row, 8, &what)?,
        kind: {
            let kind: String = row.get(10).map_err(&read)?;
            AlignmentKind::parse(&kind).ok_or_else(|| StoreError::Corrupt {
                what: what.clone(),
                reason: format!("unknown alignment kind {kind:?}"),
            })?
        },
    })
}

const SELECT_QUOTE: &str = "SELECT d.id, q.kind, q.content, q.cue_start, q.cue_end, \
     q.source_start, q.source_end, q.speaker, q.detail, q.id FROM quotes q \
     JOIN documents d ON d.seq = q.doc_seq";

/// Which stored quotes [`Store::find_quotes`] lists: all of them unless narrowed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteQuery {
    /// Only the quotes of this document.
    pub doc: Option<DocId>,
    /// Only quotes resolved to this speaker, compared by [`speaker_key`].
    pub speaker: Option<String>,
    /// Only speech (`said`, `told`, `according to`), leaving out the thoughts, wishes and
    /// judgements that PARC-style attribution also counts (`believes`, `wants`,
    /// `criticized`): the quote stage's cue class, kept in `detail`.
    pub speech_only: bool,
    /// At most this many (`None`: all).
    pub limit: Option<usize>,
}

impl QuoteQuery {
    /// Only the quotes of `doc`.
    pub fn doc(mut self, doc: DocId) -> Self {
        self.doc = Some(doc);
        self
    }

    /// Only quotes resolved to `speaker`.
    pub fn speaker(mut self, speaker: impl Into<String>) -> Self {
        self.speaker = Some(speaker.into());
        self
    }

    /// Only speech, or everything.
    pub fn speech_only(mut self, yes: bool) -> Self {
        self.speech_only = yes;
        self
    }

    /// At most `limit` quotes.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }
}

fn row_to_quote(row: &Row<'_>) -> Result<StoredQuote, StoreError> {
    let read = read_err("reading a quote");
    let rowid: i64 = row.get(9).map_err(&read)?;
    let what = format!("quote {rowid}");
    Ok(StoredQuote {
        doc: DocId::new(row.get::<_, String>(0).map_err(&read)?),
        kind: row.get(1).map_err(&read)?,
        content: spans_from_json(json_at(row, 2, &what)?, &what)?,
        cue: opt_span_at(row, 3, &what)?,
        source: opt_span_at(row, 5, &what)?,
        speaker: row.get(7).map_err(&read)?,
        detail: json_at(row, 8, &what)?,
    })
}

/// Rows of a prepared query with parameters, each turned into a `T`.
fn collect_rows<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    context: &'static str,
    mut convert: impl FnMut(&Row<'_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare_cached(sql).context(context)?;
    let mut rows = stmt.query(params).context(context)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().context(context)? {
        out.push(convert(row)?);
    }
    Ok(out)
}

/// `LIMIT` of an optional limit: SQLite reads a negative limit as none.
fn sql_limit(limit: Option<usize>) -> i64 {
    limit.map_or(-1, |n| to_sql_int(n as u64))
}

/// The documents a stage owes, as [`Store::pending`] listed them.
#[derive(Clone, Debug, Default)]
pub struct Pending {
    seqs: Vec<i64>,
}

impl Pending {
    /// How many documents were pending when listed.
    pub fn len(&self) -> usize {
        self.seqs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seqs.is_empty()
    }
}

impl Store {
    // ---- stages ---------------------------------------------------------------------------

    /// Documents not yet through `stage`, in `seq` order (ingest order), at most `limit`.
    pub fn pending_documents(
        &self,
        stage: Stage,
        limit: usize,
    ) -> Result<Vec<Document>, StoreError> {
        let pending = self.pending(stage)?;
        self.pending_batch(&pending, 0..limit)
    }

    /// The documents not yet through `stage`, listed once in ingest order, to be read a batch
    /// at a time with [`Store::pending_batch`]: a stage that lists its work once costs the
    /// store one pass over its index, not one a batch. Documents added after the listing are
    /// not in it (the next run takes them).
    pub fn pending(&self, stage: Stage) -> Result<Pending, StoreError> {
        Ok(Pending {
            seqs: self.pending_seqs(stage)?,
        })
    }

    /// Documents `range` of `pending`, in its order, read now; one deleted since the listing
    /// is left out. A range past the end is cut to it.
    pub fn pending_batch(
        &self,
        pending: &Pending,
        range: std::ops::Range<usize>,
    ) -> Result<Vec<Document>, StoreError> {
        let end = range.end.min(pending.seqs.len());
        let seqs = pending.seqs.get(range.start.min(end)..end).unwrap_or(&[]);
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_DOCUMENT} WHERE d.seq = ?1"))
            .context("reading pending documents")?;
        let mut docs = Vec::with_capacity(seqs.len());
        for &seq in seqs {
            let mut rows = stmt.query([seq]).context("reading pending documents")?;
            if let Some(row) = rows.next().context("reading pending documents")? {
                docs.push(row_to_document(row)?);
            }
        }
        Ok(docs)
    }

    /// The seqs of the documents not yet through `stage`, in ascending order.
    ///
    /// Two scans merged here instead of one query with `NOT EXISTS`: the store's indexes on
    /// documents are ordered by id or date, so that query probed `stage_done` in no useful
    /// order, and once the batch's texts had pushed those pages out of SQLite's small page
    /// cache, it read them back from the file one probe at a time (55 ms on the 21k store
    /// against 8 ms warm, for each batch). Neither scan reads the documents table itself:
    /// in `seq` order that would read every row's leaf page (a row keeps the first kilobytes
    /// of its text there), and with no `ORDER BY` SQLite lists `seq` from the smallest index,
    /// which holds it as every index does.
    fn pending_seqs(&self, stage: Stage) -> Result<Vec<i64>, StoreError> {
        let done = self.done_seqs(stage)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM documents")
            .context("preparing the pending-document listing")?;
        let mut seqs = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .context("listing pending documents")?
            .collect::<Result<Vec<_>, _>>()
            .context("listing pending documents")?;
        seqs.sort_unstable();
        seqs.retain(|seq| done.binary_search(seq).is_err());
        Ok(seqs)
    }

    /// The seqs of the documents through `stage`, ascending (the order of the primary key).
    fn done_seqs(&self, stage: Stage) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc_seq FROM stage_done WHERE stage = ?1 ORDER BY doc_seq")
            .context("preparing the stage listing")?;
        let seqs = stmt
            .query_map([stage.as_str()], |r| r.get::<_, i64>(0))
            .context("listing the documents through a stage")?
            .collect::<Result<Vec<_>, _>>()
            .context("listing the documents through a stage")?;
        Ok(seqs)
    }

    /// The ids of the documents not yet through `stage`, in ingest order (no text is read).
    pub fn pending_ids(&self, stage: Stage) -> Result<Vec<DocId>, StoreError> {
        let done = self.done_seqs(stage)?;
        let mut ids = self.seq_ids()?;
        ids.retain(|(seq, _)| done.binary_search(seq).is_err());
        ids.sort_unstable_by_key(|&(seq, _)| seq);
        Ok(ids.into_iter().map(|(_, id)| id).collect())
    }

    /// Every document's seq and id, in no particular order, from one scan of the id index
    /// (which holds both) rather than of the documents table.
    fn seq_ids(&self) -> Result<Vec<(i64, DocId)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq, id FROM documents")
            .context("preparing the document listing")?;
        let mut rows = stmt.query([]).context("listing documents")?;
        let read = read_err("reading a document id");
        let mut out = Vec::new();
        while let Some(row) = rows.next().context("listing documents")? {
            out.push((
                row.get(0).map_err(&read)?,
                DocId::new(row.get::<_, String>(1).map_err(&read)?),
            ));
        }
        Ok(out)
    }

    /// How many documents are not yet through `stage` (counted as [`Store::pending`] lists
    /// them).
    pub fn pending_count(&self, stage: Stage) -> Result<u64, StoreError> {
        Ok(self.pending_seqs(stage)?.len() as u64)
    }

    /// Calls `read` with the named blob of analysis state where SQLite holds it, without
    /// copying it out first (the reuse index is about 90 MB on a 20k-document corpus);
    /// `None` when never written.
    pub fn read_analysis_state<T>(
        &self,
        key: &str,
        read: impl FnOnce(&[u8]) -> T,
    ) -> Result<Option<T>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT value FROM analysis_state WHERE key = ?1")
            .context("reading analysis state")?;
        let mut rows = stmt.query([key]).context("reading analysis state")?;
        let Some(row) = rows.next().context("reading analysis state")? else {
            return Ok(None);
        };
        let bytes = row
            .get_ref(0)
            .and_then(|v| v.as_blob().map_err(Into::into))
            .context("reading analysis state")?;
        Ok(Some(read(bytes)))
    }

    /// Makes every document pending again for `stage` when the stage's results were made by
    /// other rules than `version` (an upgrade), and records `version`; returns how many
    /// documents were through the stage and now wait for it again (0: nothing to redo).
    ///
    /// One transaction: the stage's old results stay readable until each document is done
    /// again (its batch replaces them), so an interrupted redo resumes where it stopped. A
    /// store from before versions were recorded counts as made by other rules.
    pub fn restart_stage_if_changed(
        &mut self,
        stage: Stage,
        version: &str,
    ) -> Result<u64, StoreError> {
        let key = format!("{}.rules", stage.as_str());
        let tx = self
            .write_transaction()
            .context("starting a stage version check")?;
        let stored: Option<Vec<u8>> = tx
            .query_row(
                "SELECT value FROM analysis_state WHERE key = ?1",
                [&key],
                |r| r.get(0),
            )
            .optional()
            .context("reading a stage's rules version")?;
        if stored.as_deref() == Some(version.as_bytes()) {
            return Ok(0);
        }
        let redo = tx
            .execute("DELETE FROM stage_done WHERE stage = ?1", [stage.as_str()])
            .context("marking a stage's documents pending again")?;
        put_state(
            &tx,
            &key,
            version.as_bytes(),
            "recording a stage's rules version",
        )?;
        tx.commit().context("committing a stage version check")?;
        Ok(redo as u64)
    }

    /// A named blob of analysis state (e.g. `reuse.index`); `None` when never written.
    pub fn analysis_state(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.read_analysis_state(key, <[u8]>::to_vec)
    }

    // ---- reuse ----------------------------------------------------------------------------

    /// In one transaction: stores `alignments`, marks `docs` done for [`Stage::Reuse`] and, when
    /// `state` is `Some((key, value))`, replaces the analysis state `key` with `value`.
    ///
    /// Idempotent: an alignment already stored (same documents and spans) is updated, not
    /// doubled, and a document already done stays done. Alignments may name documents outside
    /// `docs` (the older side of a pair). On any error (an unknown document, a span that does
    /// not fit its text, a score that is not finite) nothing is stored.
    pub fn commit_reuse_batch(
        &mut self,
        docs: &[DocId],
        alignments: &[StoredAlignment],
        state: Option<(&str, &[u8])>,
    ) -> Result<(), StoreError> {
        self.commit_alignment_batch(Stage::Reuse, docs, alignments, state, &[], "")
    }

    /// In one transaction: stores the paraphrase alignments found for `docs` and the sentence
    /// vectors of `model` computed on the way, and marks `docs` done for
    /// [`Stage::Paraphrase`]. Nothing is written if anything is invalid.
    pub fn commit_paraphrase_batch(
        &mut self,
        docs: &[DocId],
        alignments: &[StoredAlignment],
        vectors: &[StoredVector],
        model: &str,
    ) -> Result<(), StoreError> {
        self.commit_alignment_batch(Stage::Paraphrase, docs, alignments, None, vectors, model)
    }

    /// The stored vectors of `model` for `doc`'s sentences, by span.
    pub fn sentence_vectors(
        &self,
        doc: &DocId,
        model: &str,
    ) -> Result<Vec<StoredVector>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT v.span_start, v.span_end, v.vector FROM sentence_vectors v \
                 JOIN documents d ON d.seq = v.doc_seq WHERE d.id = ?1 AND v.model = ?2 \
                 ORDER BY v.span_start, v.span_end",
            )
            .context("preparing the sentence vector listing")?;
        let mut rows = stmt
            .query(params![doc.as_str(), model])
            .context("listing sentence vectors")?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().context("listing sentence vectors")? {
            let what = format!("a sentence vector of {doc}");
            let span = span_at(row, 0, &what)?;
            let bytes: Vec<u8> = row.get(2).map_err(read_err("reading a sentence vector"))?;
            if bytes.len() % 4 != 0 {
                return Err(corrupt(
                    &what,
                    format!("{} bytes is not float32s", bytes.len()),
                ));
            }
            let vector = bytes
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            out.push(StoredVector {
                doc: doc.clone(),
                span,
                vector,
            });
        }
        Ok(out)
    }

    /// Number of stored sentence vectors (all models).
    pub fn sentence_vector_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM sentence_vectors", [], |r| r.get(0))
            .map(count)
            .context("counting sentence vectors")
    }

    fn commit_alignment_batch(
        &mut self,
        stage: Stage,
        docs: &[DocId],
        alignments: &[StoredAlignment],
        state: Option<(&str, &[u8])>,
        vectors: &[StoredVector],
        model: &str,
    ) -> Result<(), StoreError> {
        let tx = self
            .write_transaction()
            .context("starting an alignment batch")?;
        {
            let mut refs = DocRefs::new(&tx);
            let seqs = batch_seqs(&mut refs, stage, docs)?;
            let mut upsert = tx
                .prepare_cached(
                    "INSERT INTO alignments (a_seq, a_start, a_end, b_seq, b_start, b_end, \
                     score, identity, detail, kind) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
                     ON CONFLICT (a_seq, a_start, a_end, b_seq, b_start, b_end) DO UPDATE SET \
                     score = excluded.score, identity = excluded.identity, \
                     detail = excluded.detail, kind = excluded.kind",
                )
                .context("preparing the alignment insert")?;
            for (i, al) in alignments.iter().enumerate() {
                let what = || format!("alignment {i} of the batch ({} → {})", al.a, al.b);
                let (a_seq, a_start, a_end) = refs.span(&al.a, al.a_span, &what)?;
                let (b_seq, b_start, b_end) = refs.span(&al.b, al.b_span, &what)?;
                let score = finite(al.score, "score", &what)?;
                let identity = finite(al.identity, "identity", &what)?;
                upsert
                    .execute(params![
                        a_seq,
                        a_start,
                        a_end,
                        b_seq,
                        b_start,
                        b_end,
                        score,
                        identity,
                        json_text(&al.detail),
                        al.kind.as_str()
                    ])
                    .context("storing an alignment")?;
            }
            let mut put_vector = tx
                .prepare_cached(
                    "INSERT INTO sentence_vectors (doc_seq, span_start, span_end, model, vector) \
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET vector = excluded.vector",
                )
                .context("preparing the sentence vector insert")?;
            for (i, v) in vectors.iter().enumerate() {
                let what = || format!("sentence vector {i} of the batch ({})", v.doc);
                let (seq, start, end) = refs.span(&v.doc, v.span, &what)?;
                if v.vector.iter().any(|x| !x.is_finite()) {
                    return Err(StoreError::InvalidRow {
                        what: what(),
                        reason: "the vector has a value that is not finite".into(),
                    });
                }
                let bytes: Vec<u8> = v.vector.iter().flat_map(|x| x.to_le_bytes()).collect();
                put_vector
                    .execute(params![seq, start, end, model, bytes])
                    .context("storing a sentence vector")?;
            }
            if let Some((key, value)) = state {
                put_state(&tx, key, value, "storing analysis state")?;
            }
            mark_done(&tx, stage, &seqs)?;
        }
        tx.commit().context("committing an alignment batch")
    }

    /// Replaces the state blob `key` with `len` bytes written by `write`, streamed into the
    /// database through SQLite's incremental blob I/O: a state of hundreds of megabytes (the
    /// reuse index) is never held twice in memory. `write` must write exactly `len` bytes;
    /// otherwise nothing changes.
    pub fn write_analysis_state(
        &mut self,
        key: &str,
        len: u64,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), StoreError> {
        let size = i64::try_from(len).map_err(|_| StoreError::InvalidRow {
            what: format!("analysis state {key}"),
            reason: format!("{len} bytes is too large"),
        })?;
        let tx = self
            .write_transaction()
            .context("starting to store analysis state")?;
        tx.execute(
            "INSERT INTO analysis_state (key, value, updated_at) VALUES (?1, zeroblob(?2), ?3) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, \
             updated_at = excluded.updated_at",
            params![key, size, now_iso()],
        )
        .context("storing analysis state")?;
        let rowid: i64 = tx
            .query_row(
                "SELECT rowid FROM analysis_state WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .context("finding analysis state")?;
        {
            let mut blob = tx
                .blob_open(rusqlite::MAIN_DB, "analysis_state", "value", rowid, false)
                .context("opening the analysis state blob")?;
            let mut counted = CountingWriter {
                inner: &mut blob,
                written: 0,
            };
            write(&mut counted).map_err(|e| StoreError::InvalidRow {
                what: format!("analysis state {key}"),
                reason: e.to_string(),
            })?;
            if counted.written != len {
                return Err(StoreError::InvalidRow {
                    what: format!("analysis state {key}"),
                    reason: format!("{} bytes written of the {len} announced", counted.written),
                });
            }
        }
        tx.commit().context("committing analysis state")
    }

    /// Every stored alignment, in the order stored. Returns them all at once (reclustering
    /// needs them all anyway); [`Store::for_each_alignment`] streams them instead.
    pub fn alignments(&self) -> Result<Vec<StoredAlignment>, StoreError> {
        let mut all = Vec::new();
        self.for_each_alignment(|a| {
            all.push(a);
            Ok(())
        })?;
        Ok(all)
    }

    /// Calls `f` with every stored alignment, in the order stored, holding one at a time in
    /// memory. Stops at the first error, `f`'s included.
    pub fn for_each_alignment(
        &self,
        mut f: impl FnMut(StoredAlignment) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_ALIGNMENT} ORDER BY al.id"))
            .context("preparing the alignment listing")?;
        let mut rows = stmt.query([]).context("listing alignments")?;
        while let Some(row) = rows.next().context("listing alignments")? {
            f(row_to_alignment(row)?)?;
        }
        Ok(())
    }

    /// Calls `f` with the two documents and the detail column (JSON text, as stored) of every
    /// stored alignment, in the order stored: for a caller that reads the detail as a type
    /// of its own (reclustering reads every alignment), without building a
    /// [`serde_json::Value`] on the way. Stops at the first error, `f`'s included.
    pub fn for_each_alignment_detail(
        &self,
        mut f: impl FnMut(DocId, DocId, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // Document ids are read once, not joined for every row (a store holds many alignments
        // a document), and in one scan of the id index: looked up by number one at a time,
        // each read the document's row page, a random read of most of the table's leaf pages
        // (a row keeps the first kilobytes of its text there).
        let ids: HashMap<i64, DocId> = self.seq_ids()?.into_iter().collect();
        let doc = |seq: i64| -> Result<DocId, StoreError> {
            ids.get(&seq).cloned().ok_or_else(|| {
                corrupt(
                    "an alignment".to_string(),
                    format!("it names document number {seq}, which is not in the store"),
                )
            })
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT a_seq, b_seq, detail, id FROM alignments ORDER BY id")
            .context("preparing the alignment listing")?;
        let mut rows = stmt.query([]).context("listing alignments")?;
        let read = read_err("reading an alignment");
        while let Some(row) = rows.next().context("listing alignments")? {
            let a = doc(row.get(0).map_err(&read)?)?;
            let b = doc(row.get(1).map_err(&read)?)?;
            let detail = row.get_ref(2).map_err(&read)?;
            let detail = detail.as_str().map_err(|e| {
                let rowid = row.get::<_, i64>(3).unwrap_or_default();
                corrupt(
                    format!("alignment {rowid}"),
                    format!("detail is not text: {e}"),
                )
            })?;
            f(a, b, detail)?;
        }
        Ok(())
    }

    /// The alignments in which `doc` is `a` or `b`, in the order stored.
    pub fn alignments_of(&self, doc: &DocId) -> Result<Vec<StoredAlignment>, StoreError> {
        collect_rows(
            &self.conn,
            &format!(
                "{SELECT_ALIGNMENT} WHERE al.id IN (\
                 SELECT id FROM alignments WHERE a_seq = (SELECT seq FROM documents WHERE id = ?1) \
                 UNION \
                 SELECT id FROM alignments WHERE b_seq = (SELECT seq FROM documents WHERE id = ?1)) \
                 ORDER BY al.id"
            ),
            [doc.as_str()],
            "listing the alignments of a document",
            row_to_alignment,
        )
    }

    // ---- provenance facts -------------------------------------------------------------------

    /// Every document's source, publication time and recorded credits, in the order stored,
    /// without reading any text.
    pub fn document_facts(&self) -> Result<Vec<StoredFacts>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, s.name, d.published_precision, d.published_earliest, c.credits \
                 FROM documents d LEFT JOIN sources s ON s.id = d.source_id \
                 LEFT JOIN document_credits c ON c.doc_seq = d.seq ORDER BY d.seq",
            )
            .context("preparing the document facts query")?;
        let mut rows = stmt.query([]).context("listing document facts")?;
        let read = read_err("reading document facts");
        let mut out = Vec::new();
        while let Some(row) = rows.next().context("listing document facts")? {
            let id: String = row.get(0).map_err(&read)?;
            let corrupt = |reason: String| StoreError::Corrupt {
                what: format!("document {id}"),
                reason,
            };
            let source = source_from(row.get(1).map_err(&read)?, &corrupt)?;
            let published = published_from(
                row.get(2).map_err(&read)?,
                row.get(3).map_err(&read)?,
                &corrupt,
            )?;
            let credits =
                match row.get_ref(4).map_err(&read)?.as_str_or_null() {
                    Ok(None) => None,
                    Ok(Some(text)) => Some(serde_json::from_str(text).map_err(|e| {
                        corrupt(format!("its credits are not a list of names: {e}"))
                    })?),
                    Err(e) => return Err(corrupt(format!("its credits are not text: {e}"))),
                };
            out.push(StoredFacts {
                id: DocId::new(id),
                source,
                published,
                credits,
            });
        }
        Ok(out)
    }

    /// In one transaction: records the outlets the credit lines of each document name (see
    /// [`StoredFacts::credits`]), replacing what was recorded. Nothing is stored if a document
    /// is unknown.
    pub fn record_credits(&mut self, credits: &[(DocId, Vec<String>)]) -> Result<(), StoreError> {
        if credits.is_empty() {
            return Ok(());
        }
        let tx = self
            .write_transaction()
            .context("starting to record credits")?;
        {
            let mut refs = DocRefs::new(&tx);
            let mut put = tx
                .prepare_cached(
                    "INSERT INTO document_credits (doc_seq, credits) VALUES (?1, ?2) \
                     ON CONFLICT (doc_seq) DO UPDATE SET credits = excluded.credits",
                )
                .context("preparing the credits insert")?;
            for (i, (doc, names)) in credits.iter().enumerate() {
                let what = || format!("credits {i} of the batch ({doc})");
                let seq = refs.seq(doc, &what)?;
                put.execute(params![
                    seq,
                    serde_json::Value::from(names.clone()).to_string()
                ])
                .context("storing credits")?;
            }
        }
        tx.commit().context("committing credits")
    }

    // ---- clusters -------------------------------------------------------------------------

    /// In one transaction: makes the stored clusters and members exactly `clusters`. Clusters
    /// stored already with the same content are left as they are (reclustering after a few new
    /// documents changes few clusters); the others are written, and stored clusters not given
    /// are removed. On any error (an empty or repeated cluster id, an unknown document, a span
    /// that does not fit its text, a confidence that is not finite) the stored clusters stay
    /// as they were.
    pub fn replace_clusters(&mut self, clusters: &[StoredCluster]) -> Result<(), StoreError> {
        let tx = self
            .write_transaction()
            .context("starting to replace clusters")?;
        {
            let mut stored: HashMap<String, Option<String>> = HashMap::new();
            {
                let mut list = tx
                    .prepare("SELECT id, digest FROM clusters")
                    .context("listing the stored clusters")?;
                let mut rows = list.query([]).context("listing the stored clusters")?;
                let read = read_err("reading a stored cluster");
                while let Some(row) = rows.next().context("listing the stored clusters")? {
                    stored.insert(row.get(0).map_err(&read)?, row.get(1).map_err(&read)?);
                }
            }
            let mut remove = tx
                .prepare_cached("DELETE FROM cluster_members WHERE cluster_id = ?1")
                .context("preparing the cluster member delete")?;
            let mut remove_cluster = tx
                .prepare_cached("DELETE FROM clusters WHERE id = ?1")
                .context("preparing the cluster delete")?;
            let mut refs = DocRefs::new(&tx);
            let mut add_cluster = tx
                .prepare_cached(
                    "INSERT INTO clusters (id, origin_seq, origin_confidence, earliest, digest) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .context("preparing the cluster insert")?;
            let mut add_member = tx
                .prepare_cached(
                    "INSERT INTO cluster_members (cluster_id, position, doc_seq, span_start, \
                     span_end, parent_seq, confidence, evidence) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .context("preparing the cluster member insert")?;
            let mut summarise = tx
                .prepare_cached(
                    "UPDATE clusters SET \
                     member_count = (SELECT count(*) FROM cluster_members m \
                        WHERE m.cluster_id = ?1), \
                     document_count = (SELECT count(DISTINCT m.doc_seq) FROM cluster_members m \
                        WHERE m.cluster_id = ?1), \
                     source_count = (SELECT count(DISTINCT d.source_id) FROM cluster_members m \
                        JOIN documents d ON d.seq = m.doc_seq WHERE m.cluster_id = ?1), \
                     first_published_at = (SELECT d.published_at FROM cluster_members m \
                        JOIN documents d ON d.seq = m.doc_seq \
                        WHERE m.cluster_id = ?1 AND d.published_earliest IS NOT NULL \
                        ORDER BY d.published_earliest, d.published_latest LIMIT 1), \
                     last_published_at = (SELECT d.published_at FROM cluster_members m \
                        JOIN documents d ON d.seq = m.doc_seq \
                        WHERE m.cluster_id = ?1 AND d.published_earliest IS NOT NULL \
                        ORDER BY d.published_earliest DESC, d.published_latest LIMIT 1) \
                     WHERE id = ?1",
                )
                .context("preparing the cluster summary")?;
            let mut seen: HashSet<&str> = HashSet::with_capacity(clusters.len());
            for (i, c) in clusters.iter().enumerate() {
                let what = || format!("cluster {i} of the batch ({:?})", c.id);
                if c.id.is_empty() {
                    return Err(invalid(&what, "its id is empty".to_string()));
                }
                if !seen.insert(c.id.as_str()) {
                    return Err(invalid(&what, "its id is given twice".to_string()));
                }
                let digest = cluster_digest(c);
                match stored.get(&c.id) {
                    Some(Some(old)) if *old == digest => continue,
                    Some(_) => {
                        remove
                            .execute([c.id.as_str()])
                            .context("removing a changed cluster's members")?;
                        remove_cluster
                            .execute([c.id.as_str()])
                            .context("removing a changed cluster")?;
                    }
                    None => {}
                }
                let origin = match &c.origin {
                    Some(id) => Some(refs.seq(id, &what)?),
                    None => None,
                };
                for id in &c.earliest {
                    refs.seq(id, &what)?;
                }
                let earliest = serde_json::Value::from(
                    c.earliest.iter().map(DocId::as_str).collect::<Vec<_>>(),
                )
                .to_string();
                let confidence = finite(c.origin_confidence, "origin confidence", &what)?;
                add_cluster
                    .execute(params![c.id, origin, confidence, earliest, digest])
                    .context("storing a cluster")?;
                for (j, m) in c.members.iter().enumerate() {
                    let what = || format!("member {j} ({}) of cluster {:?}", m.doc, c.id);
                    let (seq, start, end) = refs.span(&m.doc, m.span, &what)?;
                    let parent = match &m.parent {
                        Some(id) => Some(refs.seq(id, &what)?),
                        None => None,
                    };
                    let confidence = finite(m.confidence, "confidence", &what)?;
                    add_member
                        .execute(params![
                            c.id,
                            to_sql_int(j as u64),
                            seq,
                            start,
                            end,
                            parent,
                            confidence,
                            json_text(&m.evidence)
                        ])
                        .context("storing a cluster member")?;
                }
                summarise
                    .execute([c.id.as_str()])
                    .context("summarising a cluster")?;
            }
            for id in stored.keys().filter(|id| !seen.contains(id.as_str())) {
                remove
                    .execute([id.as_str()])
                    .context("removing an old cluster's members")?;
                remove_cluster
                    .execute([id.as_str()])
                    .context("removing an old cluster")?;
            }
        }
        tx.commit().context("committing the clusters")
    }

    /// The cluster with this id, members in the order stored.
    pub fn cluster(&self, id: &str) -> Result<Option<StoredCluster>, StoreError> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT o.id, c.origin_confidence, c.earliest FROM clusters c \
                 LEFT JOIN documents o ON o.seq = c.origin_seq WHERE c.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, f64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .optional()
            })
            .context("reading a cluster")?;
        let Some((origin, origin_confidence, earliest)) = head else {
            return Ok(None);
        };
        let what = format!("cluster {id:?}");
        let earliest: Vec<String> = serde_json::from_str(&earliest)
            .map_err(|e| corrupt(&what, format!("earliest is not a JSON array of ids: {e}")))?;
        let members = collect_rows(
            &self.conn,
            "SELECT d.id, m.span_start, m.span_end, p.id, m.confidence, m.evidence \
             FROM cluster_members m JOIN documents d ON d.seq = m.doc_seq \
             LEFT JOIN documents p ON p.seq = m.parent_seq \
             WHERE m.cluster_id = ?1 ORDER BY m.position",
            [id],
            "reading the members of a cluster",
            |row| {
                let read = read_err("reading a cluster member");
                Ok(StoredMember {
                    doc: DocId::new(row.get::<_, String>(0).map_err(&read)?),
                    span: span_at(row, 1, &what)?,
                    parent: row
                        .get::<_, Option<String>>(3)
                        .map_err(&read)?
                        .map(DocId::new),
                    confidence: row.get(4).map_err(&read)?,
                    evidence: json_at(row, 5, &what)?,
                })
            },
        )?;
        Ok(Some(StoredCluster {
            id: id.to_string(),
            origin: origin.map(DocId::new),
            origin_confidence,
            earliest: earliest.into_iter().map(DocId::new).collect(),
            members,
        }))
    }

    fn clusters_by_ids(&self, ids: Vec<String>) -> Result<Vec<StoredCluster>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            // Within one read the cluster cannot vanish; a concurrent replace between the two
            // queries just drops it.
            if let Some(c) = self.cluster(&id)? {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// Cluster summaries, largest first (`documents` descending, then id), skipping `offset`
    /// and returning at most `limit`.
    pub fn cluster_summaries(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ClusterSummary>, StoreError> {
        collect_rows(
            &self.conn,
            "SELECT c.id, o.id, c.origin_confidence, c.member_count, c.document_count, \
             c.source_count, c.first_published_at, c.last_published_at FROM clusters c \
             LEFT JOIN documents o ON o.seq = c.origin_seq \
             ORDER BY c.document_count DESC, c.id LIMIT ?1 OFFSET ?2",
            params![sql_limit(Some(limit)), to_sql_int(offset as u64)],
            "listing clusters",
            |row| {
                let read = read_err("reading a cluster summary");
                Ok(ClusterSummary {
                    id: row.get(0).map_err(&read)?,
                    origin: row
                        .get::<_, Option<String>>(1)
                        .map_err(&read)?
                        .map(DocId::new),
                    origin_confidence: row.get(2).map_err(&read)?,
                    members: count(row.get(3).map_err(&read)?),
                    documents: count(row.get(4).map_err(&read)?),
                    sources: count(row.get(5).map_err(&read)?),
                    first_published: row.get(6).map_err(&read)?,
                    last_published: row.get(7).map_err(&read)?,
                })
            },
        )
    }

    /// How many clusters are stored.
    pub fn cluster_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM clusters", [], |r| r.get(0))
            .map(count)
            .context("counting clusters")
    }

    /// The clusters `doc` is a member of, in id order.
    pub fn clusters_of(&self, doc: &DocId) -> Result<Vec<StoredCluster>, StoreError> {
        let ids = collect_rows(
            &self.conn,
            "SELECT DISTINCT cluster_id FROM cluster_members \
             WHERE doc_seq = (SELECT seq FROM documents WHERE id = ?1) ORDER BY cluster_id",
            [doc.as_str()],
            "listing the clusters of a document",
            |row| row.get(0).map_err(read_err("reading a cluster id")),
        )?;
        self.clusters_by_ids(ids)
    }

    /// Every cluster with its members, in id order (for export).
    pub fn clusters(&self) -> Result<Vec<StoredCluster>, StoreError> {
        let ids = collect_rows(
            &self.conn,
            "SELECT id FROM clusters ORDER BY id",
            [],
            "listing clusters",
            |row| row.get(0).map_err(read_err("reading a cluster id")),
        )?;
        self.clusters_by_ids(ids)
    }

    // ---- quotes and entities --------------------------------------------------------------

    /// In one transaction: replaces the quotes and entities of `docs` with these and marks
    /// `docs` done for [`Stage::Quotes`]. Re-running a batch therefore leaves the same rows.
    ///
    /// Every quote and entity must belong to a document of `docs` (else re-running could not
    /// replace it). On any error nothing is stored and no document is marked.
    pub fn commit_quotes_batch(
        &mut self,
        docs: &[DocId],
        quotes: &[StoredQuote],
        entities: &[StoredEntity],
    ) -> Result<(), StoreError> {
        let tx = self
            .write_transaction()
            .context("starting a quotes batch")?;
        {
            let mut refs = DocRefs::new(&tx);
            let seqs = batch_seqs(&mut refs, Stage::Quotes, docs)?;
            {
                let mut clear_quotes = tx
                    .prepare_cached("DELETE FROM quotes WHERE doc_seq = ?1")
                    .context("preparing the quote removal")?;
                let mut clear_entities = tx
                    .prepare_cached("DELETE FROM entities WHERE doc_seq = ?1")
                    .context("preparing the entity removal")?;
                for &seq in &seqs {
                    clear_quotes.execute([seq]).context("removing old quotes")?;
                    clear_entities
                        .execute([seq])
                        .context("removing old entities")?;
                }
            }
            let in_batch: HashSet<i64> = seqs.iter().copied().collect();
            let mut positions: HashMap<i64, i64> = HashMap::new();
            let mut next_position = |seq: i64| {
                let p = positions.entry(seq).or_insert(0);
                *p += 1;
                *p - 1
            };

            let mut add_quote = tx
                .prepare_cached(
                    "INSERT INTO quotes (doc_seq, position, kind, content_start, content_end, \
                     content, cue_start, cue_end, source_start, source_end, speaker, \
                     speaker_key, detail) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .context("preparing the quote insert")?;
            for (i, q) in quotes.iter().enumerate() {
                let what = || format!("quote {i} of the batch (document {})", q.doc);
                let seq = refs.seq(&q.doc, &what)?;
                if !in_batch.contains(&seq) {
                    return Err(invalid(
                        &what,
                        format!("document {} is not one of the batch's documents", q.doc),
                    ));
                }
                for span in &q.content {
                    refs.offsets(seq, &q.doc, *span, &what)?;
                }
                let hull_start = q.content.iter().map(|s| s.start).min().unwrap_or(0);
                let hull_end = q.content.iter().map(|s| s.end).max().unwrap_or(0);
                let cue = match q.cue {
                    Some(s) => Some(refs.offsets(seq, &q.doc, s, &what)?),
                    None => None,
                };
                let source = match q.source {
                    Some(s) => Some(refs.offsets(seq, &q.doc, s, &what)?),
                    None => None,
                };
                add_quote
                    .execute(params![
                        seq,
                        next_position(seq),
                        q.kind,
                        to_sql_int(hull_start as u64),
                        to_sql_int(hull_end as u64),
                        spans_json(&q.content),
                        cue.map(|c| c.0),
                        cue.map(|c| c.1),
                        source.map(|s| s.0),
                        source.map(|s| s.1),
                        q.speaker,
                        q.speaker.as_deref().and_then(speaker_key),
                        json_text(&q.detail)
                    ])
                    .context("storing a quote")?;
            }

            let mut positions: HashMap<i64, i64> = HashMap::new();
            let mut add_entity = tx
                .prepare_cached(
                    "INSERT INTO entities (doc_seq, position, kind, name, aliases) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .context("preparing the entity insert")?;
            for (i, e) in entities.iter().enumerate() {
                let what = || {
                    format!(
                        "entity {i} of the batch ({:?} in document {})",
                        e.name, e.doc
                    )
                };
                let seq = refs.seq(&e.doc, &what)?;
                if !in_batch.contains(&seq) {
                    return Err(invalid(
                        &what,
                        format!("document {} is not one of the batch's documents", e.doc),
                    ));
                }
                let p = positions.entry(seq).or_insert(0);
                *p += 1;
                add_entity
                    .execute(params![
                        seq,
                        *p - 1,
                        e.kind,
                        e.name,
                        serde_json::Value::from(e.aliases.clone()).to_string()
                    ])
                    .context("storing an entity")?;
            }
            mark_done(&tx, Stage::Quotes, &seqs)?;
        }
        tx.commit().context("committing a quotes batch")
    }

    /// The quotes of `doc` in content order: by where their content ends, a quote nested in
    /// another's content before it (the order the quote extractor gives).
    pub fn quotes_of(&self, doc: &DocId) -> Result<Vec<StoredQuote>, StoreError> {
        self.find_quotes(&QuoteQuery::default().doc(doc.clone()))
    }

    /// Quotes whose resolved speaker equals `speaker` ignoring case and runs of whitespace
    /// (see [`speaker_key`]), across the corpus, in document (`seq`) order then content order,
    /// at most `limit`.
    pub fn quotes_by_speaker(
        &self,
        speaker: &str,
        limit: usize,
    ) -> Result<Vec<StoredQuote>, StoreError> {
        self.find_quotes(&QuoteQuery::default().speaker(speaker).limit(limit))
    }

    /// All quotes in document (`seq`) order then content order, at most `limit` (`None`: all).
    pub fn quotes(&self, limit: Option<usize>) -> Result<Vec<StoredQuote>, StoreError> {
        self.find_quotes(&QuoteQuery {
            limit,
            ..QuoteQuery::default()
        })
    }

    /// The quotes `query` asks for, in document (`seq`) order, then content order as in
    /// [`Store::quotes_of`]. The narrowing is done by SQLite, before the limit.
    pub fn find_quotes(&self, query: &QuoteQuery) -> Result<Vec<StoredQuote>, StoreError> {
        let mut conditions: Vec<&str> = Vec::new();
        let mut params: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(doc) = &query.doc {
            conditions.push("q.doc_seq = (SELECT seq FROM documents WHERE id = ?)");
            params.push(doc.as_str().to_string().into());
        }
        if let Some(speaker) = &query.speaker {
            let Some(key) = speaker_key(speaker) else {
                return Ok(Vec::new());
            };
            conditions.push("q.speaker_key = ?");
            params.push(key.into());
        }
        if query.speech_only {
            conditions.push("json_extract(q.detail, '$.class') = 'speech'");
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        params.push(sql_limit(query.limit).into());
        collect_rows(
            &self.conn,
            &format!(
                "{SELECT_QUOTE} {filter} \
                 ORDER BY q.doc_seq, q.content_end, q.content_start DESC, q.position LIMIT ?"
            ),
            rusqlite::params_from_iter(params),
            "listing quotes",
            row_to_quote,
        )
    }

    /// Speakers with how many quotes are attributed to each, most first (ties by name), at most
    /// `limit`. Names are grouped by [`speaker_key`]; each group is shown under its most
    /// frequent spelling.
    pub fn speakers(&self, limit: usize) -> Result<Vec<(String, u64)>, StoreError> {
        collect_rows(
            &self.conn,
            "WITH spellings AS (\
                SELECT speaker_key, speaker, count(*) AS n FROM quotes \
                WHERE speaker_key IS NOT NULL GROUP BY speaker_key, speaker), \
             ranked AS (\
                SELECT speaker, speaker_key, sum(n) OVER (PARTITION BY speaker_key) AS total, \
                       row_number() OVER (PARTITION BY speaker_key ORDER BY n DESC, speaker) AS r \
                FROM spellings) \
             SELECT speaker, total FROM ranked WHERE r = 1 \
             ORDER BY total DESC, speaker_key LIMIT ?1",
            [sql_limit(Some(limit))],
            "counting quotes per speaker",
            |row| {
                let read = read_err("reading a speaker");
                Ok((
                    row.get(0).map_err(&read)?,
                    count(row.get(1).map_err(&read)?),
                ))
            },
        )
    }

    /// The people and organisations `doc` names, in the order stored.
    pub fn entities_of(&self, doc: &DocId) -> Result<Vec<StoredEntity>, StoreError> {
        collect_rows(
            &self.conn,
            "SELECT d.id, e.kind, e.name, e.aliases, e.id FROM entities e \
             JOIN documents d ON d.seq = e.doc_seq \
             WHERE e.doc_seq = (SELECT seq FROM documents WHERE id = ?1) ORDER BY e.position",
            [doc.as_str()],
            "listing the entities of a document",
            |row| {
                let read = read_err("reading an entity");
                let rowid: i64 = row.get(4).map_err(&read)?;
                let what = format!("entity {rowid}");
                let aliases: Vec<String> = serde_json::from_value(json_at(row, 3, &what)?)
                    .map_err(|e| corrupt(&what, format!("aliases are not strings: {e}")))?;
                Ok(StoredEntity {
                    doc: DocId::new(row.get::<_, String>(0).map_err(&read)?),
                    kind: row.get(1).map_err(&read)?,
                    name: row.get(2).map_err(&read)?,
                    aliases,
                })
            },
        )
    }
}

/// Counts the bytes that go through it.
struct CountingWriter<'w, W: std::io::Write> {
    inner: &'w mut W,
    written: u64,
}

impl<W: std::io::Write> std::io::Write for CountingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// What [`Store::replace_clusters`] compares: a SHA-256 of the cluster as serialised. Documents
/// never change once stored, so the same cluster value stores the same rows.
fn cluster_digest(c: &StoredCluster) -> String {
    let mut h = Sha256::new();
    // Serialising a value of plain fields cannot fail; were it to, the empty digest matches
    // nothing stored and the cluster is simply written again.
    h.update(serde_json::to_vec(c).unwrap_or_default());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_keys_fold_case_and_space() {
        assert_eq!(
            speaker_key("  vladimir \t PUTIN ").as_deref(),
            Some("vladimir putin")
        );
        assert_eq!(
            speaker_key("Владимир Путин").as_deref(),
            Some("владимир путин")
        );
        assert_eq!(speaker_key(" \n "), None);
    }

    #[test]
    fn stages_round_trip_their_names() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(Stage::parse("other"), None);
    }
}
