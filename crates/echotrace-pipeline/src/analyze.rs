//! The [`Analyzer`]: every stage over the documents that still owe it.

use crate::paraphrase::{self, ParaphraseSettings, PARAPHRASE_INDEX};
use crate::PipelineError;
use echotrace_core::{DocId, Document};
use echotrace_paraphrase::SentenceIndex;
use echotrace_quotes::{Extraction, QuoteExtractor, QuoteKind};
use echotrace_reuse::candidates::{IndexConfig, IndexDelta, LegacyCandidateIndex};
use echotrace_reuse::{
    cluster_and_rank, Alignment, CandidateIndex, DocFacts, DocumentLookup, ReuseCluster,
    ReuseConfig, ReuseEngine,
};
use echotrace_store::{
    AlignmentKind, Pending, Stage, Store, StoredAlignment, StoredCluster, StoredEntity,
    StoredMember, StoredQuote,
};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// The analysis-state key of the reuse engine's candidate index (packed shards).
const REUSE_INDEX: &str = "reuse.index.v2";
/// Where builds before the packed shards saved it; read when [`REUSE_INDEX`] is missing, and
/// emptied once the index is saved under its new key.
const LEGACY_REUSE_INDEX: &str = "reuse.index";
/// The documents indexed since `reuse.index` was last saved, with their n-grams.
const REUSE_INDEX_DELTA: &str = "reuse.index.delta";

/// What one [`Analyzer::run`] did.
#[derive(Serialize, Default, Debug, Clone, PartialEq, Eq)]
pub struct AnalyzeReport {
    /// Documents whose quotes were extracted by other rules (an older build) and wait to be
    /// extracted again; counted in `quotes_documents` as they are done.
    pub quotes_outdated: u64,
    pub quotes_documents: u64,
    pub quotes_found: u64,
    pub reuse_documents: u64,
    pub candidate_pairs: u64,
    pub alignments_found: u64,
    /// Documents through the paraphrase stage (0 without a sentence model).
    pub paraphrase_documents: u64,
    /// Sentence pairs sharing rare words that no word alignment covers.
    pub paraphrase_candidates: u64,
    /// Sentences embedded (each sentence once per model).
    pub sentences_embedded: u64,
    /// Paraphrase alignments stored.
    pub paraphrases_found: u64,
    /// Clusters in the store after the run.
    pub clusters: u64,
    /// The cancel flag stopped the run between two batches.
    pub interrupted: bool,
    /// Wall-clock time of each stage, for benchmarks and for seeing where a run went.
    pub milliseconds: StageTimes,
}

/// Milliseconds of wall-clock time a stage took in one run (0: not run).
#[derive(Serialize, Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageTimes {
    pub quotes: u64,
    /// Loading the candidate index, aligning and committing.
    pub reuse: u64,
    pub paraphrase: u64,
    /// Rebuilding clusters and provenance from the stored alignments.
    pub clusters: u64,
}

/// Milliseconds since `start`.
fn millis_since(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Which stages to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    pub reuse: bool,
    pub quotes: bool,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            reuse: true,
            quotes: true,
        }
    }
}

/// The plug point for showing progress (a terminal bar, a log line, nothing).
pub trait AnalyzeProgress: Sync {
    /// A stage starts with `total` documents to go.
    fn start(&self, _stage: Stage, _total: u64) {}
    /// `n` more documents of the stage are committed.
    fn advance(&self, _stage: Stage, _n: u64) {}
    /// The stage is over (finished or interrupted).
    fn finish(&self, _stage: Stage) {}
    /// The clusters are being rebuilt from every stored alignment: one step, with no count of
    /// documents to show, that takes seconds on a large store.
    fn clustering(&self) {}
    /// The clusters are rebuilt (or the rebuild failed).
    fn clustered(&self) {}
}

/// Shows nothing.
pub struct NoProgress;

impl AnalyzeProgress for NoProgress {}

/// Documents per batch (and transaction) unless told otherwise: the reuse engine's own batch
/// ([`ReuseConfig`]'s `batch_docs`), since each batch costs the candidate index a pass over
/// its postings. At 1,000 the 21k-document benchmark took a third longer.
pub const DEFAULT_BATCH: usize = 2048;

/// Runs the analysis stages. Build one with [`Analyzer::default`] and the `with_*` methods.
#[derive(Clone, Debug)]
pub struct Analyzer {
    stages: Stages,
    batch: usize,
    reuse: ReuseConfig,
    paraphrase: Option<ParaphraseSettings>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stages: Stages::default(),
            batch: DEFAULT_BATCH,
            reuse: ReuseConfig::default(),
            paraphrase: None,
        }
    }
}

impl Analyzer {
    pub fn with_stages(mut self, stages: Stages) -> Self {
        self.stages = stages;
        self
    }

    /// Documents per transaction (at least 1).
    pub fn with_batch(mut self, batch: usize) -> Self {
        self.batch = batch.max(1);
        self
    }

    pub fn with_reuse_config(mut self, config: ReuseConfig) -> Self {
        self.reuse = config;
        self
    }

    /// Runs the paraphrase stage after the reuse stage with this model and scorer (`None`:
    /// lexical reuse only).
    pub fn with_paraphrase(mut self, settings: Option<ParaphraseSettings>) -> Self {
        self.paraphrase = settings;
        self
    }

    /// Runs every stage over the pending documents of `store`, which lives at `db` (the reuse
    /// stage opens reading connections of its own there: one to load its index, one a thread
    /// for older documents). Stops between batches once `cancel` is set.
    pub fn run(
        &self,
        store: &mut Store,
        db: &Path,
        progress: &dyn AnalyzeProgress,
        cancel: &AtomicBool,
    ) -> Result<AnalyzeReport, PipelineError> {
        let mut report = AnalyzeReport::default();
        // The candidate index of a large corpus takes a while to decode; it is read on a
        // connection of its own while the quotes stage runs, which needs none of it.
        let loaded = std::thread::scope(|scope| {
            let loader = (self.stages.quotes && self.stages.reuse).then(|| {
                scope.spawn(|| {
                    let reader = Store::open(db)?;
                    load_reuse_index(&reader, self.reuse.index)
                })
            });
            let start = Instant::now();
            let quotes = if self.stages.quotes {
                self.run_quotes(store, progress, cancel, &mut report)
            } else {
                Ok(())
            };
            report.milliseconds.quotes = millis_since(start);
            let loaded = loader.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            quotes.map(|()| loaded)
        })?;
        let mut changed = false;
        if self.stages.reuse && !cancel.load(Ordering::SeqCst) {
            let start = Instant::now();
            changed |= self.run_reuse(loaded, store, db, progress, cancel, &mut report)?;
            report.milliseconds.reuse = millis_since(start);
        }
        if let Some(settings) = &self.paraphrase {
            if self.stages.reuse && !cancel.load(Ordering::SeqCst) {
                let start = Instant::now();
                changed |= self.run_paraphrase(settings, store, progress, cancel, &mut report)?;
                report.milliseconds.paraphrase = millis_since(start);
            }
        }
        // Clustering and provenance read no text and are rerun over every alignment whenever
        // something was added, so that a new early copy can change an old cluster's origin.
        if changed {
            let start = Instant::now();
            progress.clustering();
            let rebuilt = recluster(store, &self.reuse);
            progress.clustered();
            rebuilt?;
            report.milliseconds.clusters = millis_since(start);
        }
        report.interrupted = cancel.load(Ordering::SeqCst);
        report.clusters = store.cluster_count()?;
        Ok(report)
    }

    fn run_quotes(
        &self,
        store: &mut Store,
        progress: &dyn AnalyzeProgress,
        cancel: &AtomicBool,
        report: &mut AnalyzeReport,
    ) -> Result<(), PipelineError> {
        report.quotes_outdated =
            store.restart_stage_if_changed(Stage::Quotes, echotrace_quotes::RULES_VERSION)?;
        let pending = store.pending(Stage::Quotes)?;
        progress.start(Stage::Quotes, pending.len() as u64);
        let extractor = QuoteExtractor::default();
        let batch = self.batch.min(QUOTES_BATCH);
        let mut next = 0;
        // A batch is extracted on the cores while the one before it is committed: the commit
        // is SQLite's, on one core, and would leave the other idle for a quarter of the stage.
        let mut in_flight: Option<QuotesBatch> = None;
        loop {
            let docs = if cancel.load(Ordering::SeqCst) {
                Vec::new()
            } else {
                next_batch(store, &pending, &mut next, batch)?
            };
            if docs.is_empty() && in_flight.is_none() {
                break;
            }
            let (committed, next) = rayon::join(
                || match in_flight.take() {
                    Some(b) => store
                        .commit_quotes_batch(&b.ids, &b.quotes, &b.entities)
                        .map(|()| Some(b)),
                    None => Ok(None),
                },
                || QuotesBatch::extract(&extractor, &docs),
            );
            if let Some(b) = committed? {
                report.quotes_documents += b.ids.len() as u64;
                report.quotes_found += b.quotes.len() as u64;
                progress.advance(Stage::Quotes, b.ids.len() as u64);
            }
            if !docs.is_empty() {
                in_flight = Some(next);
            }
        }
        progress.finish(Stage::Quotes);
        Ok(())
    }

    /// The reuse stage. `loaded` is the candidate index if it was read already (while the
    /// quotes stage ran).
    fn run_reuse(
        &self,
        loaded: Option<Result<LoadedIndex, PipelineError>>,
        store: &mut Store,
        db: &Path,
        progress: &dyn AnalyzeProgress,
        cancel: &AtomicBool,
        report: &mut AnalyzeReport,
    ) -> Result<bool, PipelineError> {
        let listed = store.pending(Stage::Reuse)?;
        let pending = listed.len() as u64;
        let LoadedIndex {
            mut index,
            mut legacy_stored,
            mut delta_stored,
        } = match loaded {
            Some(loaded) => loaded?,
            None => load_reuse_index(store, self.reuse.index)?,
        };
        let unindexed = unindexed_documents(store, Stage::Reuse, pending, index.len(), |id| {
            index.contains(id)
        })?;
        if pending > 0 || !unindexed.is_empty() {
            let mut engine = ReuseEngine::with_index(self.reuse, index);
            let lookup = StoreLookup::new(db)?;
            progress.start(Stage::Reuse, pending + unindexed.len() as u64);
            // The index is one large blob; writing it after every batch would cost more than
            // the batch. While the documents indexed since it was last saved whole are few
            // (a run that adds a few documents to a large corpus), each batch stores them,
            // with their n-grams, as the index delta in its own transaction. Past that, the
            // whole index is saved every few batches and at the end, and the delta emptied.
            // Documents marked done after the last save (a crash) are found missing from the
            // index on the next run and indexed again; their alignments are stored once (the
            // store keys them by their spans).
            //
            // A batch is aligned while the one before it is committed, except when the whole
            // index is to be saved after that commit: the saved index must hold exactly the
            // committed documents.
            let mut batches_since_save = 0usize;
            let mut repair = unindexed.chunks(self.batch);
            let mut next = 0;
            let mut in_flight: Option<ReuseBatch> = None;
            loop {
                // Documents the last run marked done but did not index come first.
                let docs = if cancel.load(Ordering::SeqCst) {
                    Vec::new()
                } else {
                    match repair.next() {
                        Some(chunk) => chunk.to_vec(),
                        None => next_batch(store, &listed, &mut next, self.batch)?,
                    }
                };
                if docs.is_empty() && in_flight.is_none() {
                    break;
                }
                let save_after = in_flight.as_ref().is_some_and(|b| {
                    b.delta.is_none() && batches_since_save + 1 >= SAVE_INDEX_EVERY
                });
                let align = |engine: &mut ReuseEngine| {
                    (!docs.is_empty()).then(|| engine.add(&docs, &lookup))
                };
                let (committed, added) = if save_after {
                    let committed = commit_reuse(store, in_flight.take())?;
                    batches_since_save = 0;
                    save_index(store, engine.index(), &mut delta_stored, &mut legacy_stored)?;
                    (committed, align(&mut engine))
                } else {
                    let (committed, added) = rayon::join(
                        || commit_reuse(store, in_flight.take()),
                        || align(&mut engine),
                    );
                    (committed?, added)
                };
                if let Some(b) = committed {
                    if b.delta.is_some() {
                        delta_stored = true;
                    } else if !save_after {
                        batches_since_save += 1;
                    }
                    report.reuse_documents += b.ids.len() as u64;
                    report.candidate_pairs += b.candidates as u64;
                    report.alignments_found += b.alignments.len() as u64;
                    progress.advance(Stage::Reuse, b.ids.len() as u64);
                }
                let Some(added) = added else {
                    continue;
                };
                let alignments: Vec<StoredAlignment> = added
                    .alignments
                    .par_iter()
                    .map(stored_alignment)
                    .collect::<Result<_, _>>()?;
                // The delta is taken now, before the next batch is added to the index.
                let index = engine.index_mut();
                let delta = match index.delta() {
                    Some(delta) if delta.len() * DELTA_SHARE <= index.len() => {
                        Some(encode_delta(delta)?)
                    }
                    _ => {
                        index.stop_recording();
                        None
                    }
                };
                in_flight = Some(ReuseBatch {
                    ids: docs.iter().map(|d| d.id.clone()).collect(),
                    alignments,
                    candidates: added.candidates,
                    delta,
                });
            }
            if batches_since_save > 0 {
                save_index(store, engine.index(), &mut delta_stored, &mut legacy_stored)?;
            }
            progress.finish(Stage::Reuse);
        }
        // Whether the clusters are to be rebuilt: something was added, or a store analyzed by
        // an older build has alignments but no clusters yet.
        Ok(report.reuse_documents > 0 || (store.cluster_count()? == 0 && pending == 0))
    }

    /// The paraphrase stage over the documents that owe it. Returns whether any paraphrase
    /// was stored (the clusters are then rebuilt).
    fn run_paraphrase(
        &self,
        settings: &ParaphraseSettings,
        store: &mut Store,
        progress: &dyn AnalyzeProgress,
        cancel: &AtomicBool,
        report: &mut AnalyzeReport,
    ) -> Result<bool, PipelineError> {
        let listed = store.pending(Stage::Paraphrase)?;
        let pending = listed.len() as u64;
        let mut index = match store.analysis_state(PARAPHRASE_INDEX)? {
            Some(bytes) => {
                postcard::from_bytes::<SentenceIndex>(&bytes).map_err(|e| PipelineError::State {
                    what: "the paraphrase index",
                    reason: e.to_string(),
                })?
            }
            None => SentenceIndex::new(settings.index),
        };
        // Documents marked done after the index was last saved (a crash between the commit
        // and the save) are indexed again first; their paraphrases are stored once (the store
        // keys alignments by their spans).
        let unindexed =
            unindexed_documents(store, Stage::Paraphrase, pending, index.len(), |id| {
                index.contains(id)
            })?;
        if pending == 0 && unindexed.is_empty() {
            return Ok(false);
        }
        progress.start(Stage::Paraphrase, pending + unindexed.len() as u64);
        let model = settings.encoder.model_name().to_string();
        let mut found = 0u64;
        // The model makes a batch slow (about 0.2 s of CPU a news document): smaller batches
        // keep the progress bar moving and Ctrl-C answered within a minute or so.
        let batch = self.batch.min(PARAPHRASE_BATCH);
        let mut repair = unindexed.chunks(batch);
        let mut next = 0;
        while !cancel.load(Ordering::SeqCst) {
            let docs = match repair.next() {
                Some(chunk) => chunk.to_vec(),
                None => next_batch(store, &listed, &mut next, batch)?,
            };
            if docs.is_empty() {
                break;
            }
            let outcome = paraphrase::run_batch(settings, &mut index, &docs, store)?;
            let ids: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
            store.commit_paraphrase_batch(&ids, &outcome.alignments, &outcome.vectors, &model)?;
            save_state(store, PARAPHRASE_INDEX, "the paraphrase index", &index)?;
            report.paraphrase_documents += ids.len() as u64;
            report.paraphrase_candidates += outcome.candidates;
            report.sentences_embedded += outcome.embedded;
            report.paraphrases_found += outcome.alignments.len() as u64;
            found += outcome.alignments.len() as u64;
            progress.advance(Stage::Paraphrase, ids.len() as u64);
        }
        progress.finish(Stage::Paraphrase);
        Ok(found > 0)
    }
}

/// The reuse stage's candidate index as saved, with what is stored besides it.
struct LoadedIndex {
    index: CandidateIndex,
    /// An index in the layout of older builds is stored (emptied at the next save).
    legacy_stored: bool,
    /// A non-empty index delta is stored (emptied at the next whole save).
    delta_stored: bool,
}

/// Reads the candidate index: the one saved whole (or in an older layout), with the
/// documents indexed since (the delta) replayed on it and recorded as the delta to come.
fn load_reuse_index(store: &Store, config: IndexConfig) -> Result<LoadedIndex, PipelineError> {
    let state_error = |e: postcard::Error| PipelineError::State {
        what: "the reuse index",
        reason: e.to_string(),
    };
    let legacy = store
        .analysis_state(LEGACY_REUSE_INDEX)?
        .filter(|b| !b.is_empty());
    let legacy_stored = legacy.is_some();
    let saved = store
        .read_analysis_state(REUSE_INDEX, |bytes| {
            (!bytes.is_empty()).then(|| postcard::from_bytes::<CandidateIndex>(bytes))
        })?
        .flatten()
        .transpose()
        .map_err(state_error)?;
    let mut index = match saved {
        Some(index) => index,
        None => match legacy {
            Some(bytes) => postcard::from_bytes::<LegacyCandidateIndex>(&bytes)
                .map_err(state_error)?
                .into(),
            None => CandidateIndex::new(config),
        },
    };
    let (delta, delta_stored) = match store.analysis_state(REUSE_INDEX_DELTA)? {
        Some(bytes) => {
            let delta =
                postcard::from_bytes::<IndexDelta>(&bytes).map_err(|e| PipelineError::State {
                    what: "the reuse index delta",
                    reason: e.to_string(),
                })?;
            let stored = !delta.is_empty();
            (delta, stored)
        }
        None => (IndexDelta::default(), false),
    };
    let applied = index.apply_delta(delta);
    index.record_delta(applied);
    Ok(LoadedIndex {
        index,
        legacy_stored,
        delta_stored,
    })
}

/// A batch of the quotes stage, extracted and not yet committed.
struct QuotesBatch {
    ids: Vec<DocId>,
    quotes: Vec<StoredQuote>,
    entities: Vec<StoredEntity>,
}

impl QuotesBatch {
    fn extract(extractor: &QuoteExtractor, docs: &[Document]) -> QuotesBatch {
        let found: Vec<(Vec<StoredQuote>, Vec<StoredEntity>)> = docs
            .par_iter()
            .map(|doc| stored_quotes(doc, &extractor.extract_document(doc)))
            .collect();
        let (mut quotes, mut entities) = (Vec::new(), Vec::new());
        for (q, e) in found {
            quotes.extend(q);
            entities.extend(e);
        }
        QuotesBatch {
            ids: docs.iter().map(|d| d.id.clone()).collect(),
            quotes,
            entities,
        }
    }
}

/// A batch of the reuse stage, aligned and not yet committed.
struct ReuseBatch {
    ids: Vec<DocId>,
    alignments: Vec<StoredAlignment>,
    candidates: usize,
    /// The index delta to store with the batch (`None`: the whole index is saved instead).
    delta: Option<Vec<u8>>,
}

/// The next batch of `pending` from `*next` on, at most `size` documents, skipping over
/// stretches whose documents were all deleted since the listing; empty at the end.
fn next_batch(
    store: &Store,
    pending: &Pending,
    next: &mut usize,
    size: usize,
) -> Result<Vec<Document>, PipelineError> {
    let size = size.max(1);
    while *next < pending.len() {
        let end = (*next + size).min(pending.len());
        let docs = store.pending_batch(pending, *next..end)?;
        *next = end;
        if !docs.is_empty() {
            return Ok(docs);
        }
    }
    Ok(Vec::new())
}

/// Commits a reuse batch, if there is one, and gives it back for the report.
fn commit_reuse(
    store: &mut Store,
    batch: Option<ReuseBatch>,
) -> Result<Option<ReuseBatch>, PipelineError> {
    let Some(b) = batch else {
        return Ok(None);
    };
    let state = b.delta.as_deref().map(|bytes| (REUSE_INDEX_DELTA, bytes));
    store.commit_reuse_batch(&b.ids, &b.alignments, state)?;
    Ok(Some(b))
}

/// Documents per batch of the quotes stage, at most. A quotes batch costs nothing beyond its
/// transaction (unlike a reuse batch, which costs the candidate index a pass), and a batch is
/// extracted while the one before it is committed: smaller batches keep both cores busy even
/// when a run adds only a few hundred documents, where one batch would be extracted and then
/// committed with the other core idle.
const QUOTES_BATCH: usize = 512;

/// Documents per batch of the paraphrase stage, at most.
const PARAPHRASE_BATCH: usize = 200;

/// Batches between two saves of the whole reuse index.
const SAVE_INDEX_EVERY: usize = 8;

/// The index delta is saved instead of the whole index while it holds at most one indexed
/// document in this many. Rewriting a delta costs its size at each batch and saving the whole
/// index costs the index, so a run that adds `d` documents to an index of `n` saves about
/// `d / n` of the index each time, and every few such runs one saves it whole.
const DELTA_SHARE: usize = 4;

/// Streams the whole index into the store: encoded twice (once to count its bytes, once into
/// the database), so that it is never held as a second copy of a few hundred megabytes. Then
/// empties the stored delta, if there is one (a crash in between leaves a delta that the
/// index already holds, which loading skips).
fn save_index(
    store: &mut Store,
    index: &CandidateIndex,
    delta_stored: &mut bool,
    legacy_stored: &mut bool,
) -> Result<(), PipelineError> {
    save_state(store, REUSE_INDEX, "the reuse index", index)?;
    if *legacy_stored {
        store.commit_reuse_batch(&[], &[], Some((LEGACY_REUSE_INDEX, &[])))?;
        *legacy_stored = false;
    }
    if *delta_stored {
        let empty = encode_delta(&IndexDelta::default())?;
        store.commit_reuse_batch(&[], &[], Some((REUSE_INDEX_DELTA, &empty)))?;
        *delta_stored = false;
    }
    Ok(())
}

fn encode_delta(delta: &IndexDelta) -> Result<Vec<u8>, PipelineError> {
    postcard::to_stdvec(delta).map_err(|e| PipelineError::Encode {
        what: "the reuse index delta",
        reason: e.to_string(),
    })
}

/// Streams `value` into the analysis state `key` (see [`save_index`]).
fn save_state<T: Serialize>(
    store: &mut Store,
    key: &str,
    what: &'static str,
    value: &T,
) -> Result<(), PipelineError> {
    let encode_error = |e: postcard::Error| PipelineError::Encode {
        what,
        reason: e.to_string(),
    };
    let len = postcard::to_io(value, ByteCounter(0))
        .map_err(encode_error)?
        .0;
    store.write_analysis_state(key, len, |w| {
        postcard::to_io(value, w)
            .map(|_| ())
            .map_err(|e| std::io::Error::other(e.to_string()))
    })?;
    Ok(())
}

/// A writer that only counts.
struct ByteCounter(u64);

impl std::io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Documents done for `stage` but missing from its saved index (the run that marked them
/// stopped before its next save): looked for only when the index holds fewer documents than
/// the stage has done.
fn unindexed_documents(
    store: &Store,
    stage: Stage,
    pending: u64,
    indexed: usize,
    mut contains: impl FnMut(&DocId) -> bool,
) -> Result<Vec<Document>, PipelineError> {
    let done = store.document_count()?.saturating_sub(pending);
    if indexed as u64 >= done {
        return Ok(Vec::new());
    }
    let pending: HashSet<DocId> = store.pending_ids(stage)?.into_iter().collect();
    let mut missing = Vec::new();
    for doc in store.documents() {
        let doc = doc?;
        if !pending.contains(&doc.id) && !contains(&doc.id) {
            missing.push(doc);
        }
    }
    Ok(missing)
}

/// The name a quote kind is stored and shown under.
pub fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Reported => "reported",
        QuoteKind::Mixed => "mixed",
    }
}

fn stored_quotes(doc: &Document, found: &Extraction) -> (Vec<StoredQuote>, Vec<StoredEntity>) {
    let quotes = found
        .quotes
        .iter()
        .map(|q| StoredQuote {
            doc: doc.id.clone(),
            kind: kind_name(q.kind).to_string(),
            content: q.content.clone(),
            cue: q.cue,
            source: q.source,
            speaker: q.speaker.clone(),
            detail: serde_json::json!({ "class": q.class, "quoted": q.quoted }),
        })
        .collect();
    let entities = found
        .entities
        .entities
        .iter()
        .filter(|e| e.confirmed)
        .map(|e| StoredEntity {
            doc: doc.id.clone(),
            kind: serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_lowercase))
                .unwrap_or_default(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
        })
        .collect();
    (quotes, entities)
}

/// Older documents of a candidate pair, read from the store. SQLite connections are not
/// `Sync`, and the engine reads from every core: each read borrows a connection of its own
/// from a small pool (one a thread at most), so the cores never wait on each other's reads.
/// WAL lets them read while the main connection writes between batches.
struct StoreLookup {
    db: std::path::PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl StoreLookup {
    fn new(db: &Path) -> Result<Self, PipelineError> {
        Ok(StoreLookup {
            db: db.to_path_buf(),
            idle: Mutex::new(vec![Store::open(db)?]),
        })
    }
}

impl DocumentLookup for StoreLookup {
    fn document(&self, id: &DocId) -> Option<Cow<'_, Document>> {
        let taken = self.idle.lock().ok()?.pop();
        // A connection that fails to open reads nothing: the pair is skipped, as for a
        // document missing from the store.
        let store = match taken {
            Some(store) => store,
            None => Store::open(&self.db).ok()?,
        };
        let doc = store.document(id).ok().flatten().map(Cow::Owned);
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
        doc
    }
}

fn stored_alignment(a: &Alignment) -> Result<StoredAlignment, PipelineError> {
    Ok(StoredAlignment {
        a: a.a.clone(),
        a_span: a.span.a,
        b: a.b.clone(),
        b_span: a.span.b,
        score: f64::from(a.span.score),
        identity: f64::from(a.span.identity()),
        detail: serde_json::to_value(a.span).map_err(|e| PipelineError::Encode {
            what: "an alignment",
            reason: e.to_string(),
        })?,
        kind: AlignmentKind::Lexical,
    })
}

/// Rebuilds every cluster from the stored alignments.
///
/// Its cost grows with the whole corpus, not with what a run added, so it reads as little as
/// it can: no document text except, once, that of documents whose credit lines were never
/// looked at, and it leaves clusters that did not change as they are stored.
pub fn recluster(store: &mut Store, config: &ReuseConfig) -> Result<(), PipelineError> {
    // Read a chunk at a time and parsed on every core: the detail column is JSON far larger
    // than the alignment, and parsing it is most of the reading. Chunks keep the raw text of
    // only a few thousand rows in memory at once.
    let mut alignments: Vec<Alignment> = Vec::new();
    let mut chunk: Vec<(DocId, DocId, String)> = Vec::with_capacity(PARSE_CHUNK);
    let mut bad: Option<String> = None;
    store.for_each_alignment_detail(|a, b, detail| {
        chunk.push((a, b, detail.to_owned()));
        if chunk.len() == PARSE_CHUNK {
            parse_alignments(&mut chunk, &mut alignments, &mut bad);
        }
        Ok(())
    })?;
    parse_alignments(&mut chunk, &mut alignments, &mut bad);
    if let Some(reason) = bad {
        return Err(PipelineError::State {
            what: "an alignment",
            reason,
        });
    }
    let docs: FxHashSet<&DocId> = alignments.iter().flat_map(|a| [&a.a, &a.b]).collect();
    let mut facts: FxHashMap<DocId, DocFacts> = FxHashMap::default();
    facts.reserve(docs.len());
    let mut found: Vec<(DocId, Vec<String>)> = Vec::new();
    for stored in store.document_facts()? {
        if !docs.contains(&stored.id) {
            continue;
        }
        let doc_facts = match stored.credits {
            Some(credits) => DocFacts {
                id: stored.id,
                source: stored.source,
                published: stored.published,
                credits,
            },
            // Stored before credits were kept: read from the text once, and kept.
            None => match store.document(&stored.id)? {
                Some(doc) => {
                    let doc_facts = DocFacts::from_document(&doc);
                    found.push((doc_facts.id.clone(), doc_facts.credits.clone()));
                    doc_facts
                }
                None => continue,
            },
        };
        facts.insert(doc_facts.id.clone(), doc_facts);
    }
    store.record_credits(&found)?;
    let lookup = |id: &DocId| facts.get(id);
    let clusters = cluster_and_rank(&alignments, &lookup, config);
    let mut stored: Vec<StoredCluster> = clusters.iter().map(stored_cluster).collect();
    // Cluster ids hash the first member; two clusters can start at the same place of the same
    // document (one passage shared with different sets of copies), so make repeats unique
    // in a stable way.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in &mut stored {
        let n = seen.entry(c.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            c.id = format!("{}-{}", c.id, n);
        }
    }
    store.replace_clusters(&stored)?;
    Ok(())
}

/// Stored alignments parsed at a time by [`recluster`].
const PARSE_CHUNK: usize = 65_536;

/// Parses the detail of each row of `chunk` (emptied) onto `out`, in order; the first error,
/// if any, goes to `bad`.
fn parse_alignments(
    chunk: &mut Vec<(DocId, DocId, String)>,
    out: &mut Vec<Alignment>,
    bad: &mut Option<String>,
) {
    let parsed: Vec<Result<Alignment, String>> = chunk
        .par_drain(..)
        .map(|(a, b, detail)| {
            serde_json::from_str(&detail)
                .map(|span| Alignment { a, b, span })
                .map_err(|e| e.to_string())
        })
        .collect();
    for al in parsed {
        match al {
            Ok(al) => out.push(al),
            Err(e) => {
                bad.get_or_insert(e);
            }
        }
    }
}

/// The evidence column of a member: why it got its parent, and for a member that is a
/// rewritten version rather than a copy, `"edit": "paraphrase"` with the decision's
/// probability.
fn member_evidence(m: &echotrace_reuse::RankedMember) -> serde_json::Value {
    let mut value = serde_json::to_value(m.evidence).unwrap_or(serde_json::Value::Null);
    if let Some(p) = m.paraphrase {
        if !value.is_object() {
            value = serde_json::json!({});
        }
        if let serde_json::Value::Object(fields) = &mut value {
            fields.insert("edit".into(), serde_json::json!("paraphrase"));
            fields.insert("paraphrase".into(), serde_json::json!(p));
        }
    }
    value
}

fn stored_cluster(c: &ReuseCluster) -> StoredCluster {
    StoredCluster {
        id: c.id.clone(),
        origin: c.origin.clone(),
        origin_confidence: f64::from(c.origin_confidence),
        earliest: c.earliest.clone(),
        members: c
            .members
            .iter()
            .map(|m| StoredMember {
                doc: m.doc.clone(),
                span: m.span,
                parent: m.parent.clone(),
                confidence: f64::from(m.confidence),
                evidence: member_evidence(m),
            })
            .collect(),
    }
}
