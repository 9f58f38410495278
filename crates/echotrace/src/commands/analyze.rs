//! `echotrace analyze`: runs the analysis stages over the documents that have not been through
//! them yet. Each batch is one transaction (its results and the mark that its documents are
//! done), so an interrupted run resumes where it stopped and a finished one re-runs as a no-op.

use super::open_existing_store;
use crate::cli::AnalyzeArgs;
use crate::interrupt;
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_core::{DocId, Document};
use echotrace_quotes::{Extraction, QuoteExtractor, QuoteKind};
use echotrace_reuse::{
    cluster_and_rank, Alignment, CandidateIndex, DocFacts, DocumentLookup, ReuseCluster,
    ReuseConfig, ReuseEngine,
};
use echotrace_store::{
    Stage, Store, StoredAlignment, StoredCluster, StoredEntity, StoredMember, StoredQuote,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// The analysis-state key of the reuse engine's candidate index.
const REUSE_INDEX: &str = "reuse.index";

#[derive(Serialize, Default, Debug)]
pub struct AnalyzeReport {
    pub quotes_documents: u64,
    pub quotes_found: u64,
    pub reuse_documents: u64,
    pub candidate_pairs: u64,
    pub alignments_found: u64,
    pub clusters: u64,
    pub interrupted: bool,
}

/// Which stages to run.
#[derive(Clone, Copy, Debug)]
pub struct Stages {
    pub reuse: bool,
    pub quotes: bool,
}

pub fn run(args: AnalyzeArgs, db: &Path) -> Result<ExitCode> {
    let mut store = open_existing_store(db)?;
    let cancel = interrupt::install();
    let stages = Stages {
        reuse: !args.quotes_only,
        quotes: !args.reuse_only,
    };
    let report = analyze(
        &mut store,
        db,
        stages,
        args.batch as usize,
        !args.quiet,
        &cancel,
    )?;
    if args.json {
        print_json(&report)?;
    } else {
        eprintln!(
            "quotes: {} documents, {} quotes · reuse: {} documents, {} candidate pairs, {} alignments · {} clusters{}",
            report.quotes_documents,
            report.quotes_found,
            report.reuse_documents,
            report.candidate_pairs,
            report.alignments_found,
            report.clusters,
            if report.interrupted {
                " — interrupted; run `echotrace analyze` again to finish"
            } else {
                ""
            }
        );
    }
    Ok(if report.interrupted {
        ExitCode::from(130)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the stages over every pending document of the store at `db`.
pub fn analyze(
    store: &mut Store,
    db: &Path,
    stages: Stages,
    batch: usize,
    progress: bool,
    cancel: &AtomicBool,
) -> Result<AnalyzeReport> {
    let mut report = AnalyzeReport::default();
    let batch = batch.max(1);
    if stages.quotes {
        run_quotes(store, batch, progress, cancel, &mut report)?;
    }
    if stages.reuse && !cancel.load(Ordering::SeqCst) {
        run_reuse(store, db, batch, progress, cancel, &mut report)?;
    }
    report.interrupted = cancel.load(Ordering::SeqCst);
    report.clusters = store.cluster_count()?;
    Ok(report)
}

fn bar(total: u64, label: &'static str, visible: bool) -> ProgressBar {
    if !visible || total == 0 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{prefix:>7} [{elapsed_precise}] {wide_bar} {pos}/{len} documents ({eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_prefix(label);
    bar
}

fn run_quotes(
    store: &mut Store,
    batch: usize,
    progress: bool,
    cancel: &AtomicBool,
    report: &mut AnalyzeReport,
) -> Result<()> {
    let bar = bar(store.pending_count(Stage::Quotes)?, "quotes", progress);
    let extractor = QuoteExtractor::default();
    while !cancel.load(Ordering::SeqCst) {
        let docs = store.pending_documents(Stage::Quotes, batch)?;
        if docs.is_empty() {
            break;
        }
        let found: Vec<(Vec<StoredQuote>, Vec<StoredEntity>)> = docs
            .par_iter()
            .map(|doc| stored_quotes(doc, &extractor.extract_document(doc)))
            .collect();
        let ids: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
        let (mut quotes, mut entities) = (Vec::new(), Vec::new());
        for (q, e) in found {
            quotes.extend(q);
            entities.extend(e);
        }
        store
            .commit_quotes_batch(&ids, &quotes, &entities)
            .context("storing quotes")?;
        report.quotes_documents += ids.len() as u64;
        report.quotes_found += quotes.len() as u64;
        bar.inc(ids.len() as u64);
    }
    bar.finish_and_clear();
    Ok(())
}

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
/// `Sync`, and the engine reads from both cores, so reads take turns on one connection of
/// their own (WAL lets it read while the main connection writes between batches).
struct StoreLookup(Mutex<Store>);

impl DocumentLookup for StoreLookup {
    fn document(&self, id: &DocId) -> Option<Cow<'_, Document>> {
        let store = self.0.lock().ok()?;
        store.document(id).ok().flatten().map(Cow::Owned)
    }
}

fn run_reuse(
    store: &mut Store,
    db: &Path,
    batch: usize,
    progress: bool,
    cancel: &AtomicBool,
    report: &mut AnalyzeReport,
) -> Result<()> {
    let pending = store.pending_count(Stage::Reuse)?;
    let config = ReuseConfig::default();
    if pending > 0 {
        let index = match store.analysis_state(REUSE_INDEX)? {
            Some(bytes) => postcard::from_bytes::<CandidateIndex>(&bytes).with_context(|| {
                format!(
                    "the reuse index stored in {} cannot be read (written by another version?)",
                    db.display()
                )
            })?,
            None => CandidateIndex::new(config.index),
        };
        let mut engine = ReuseEngine::with_index(config.clone(), index);
        let lookup = StoreLookup(Mutex::new(echotrace_store::Store::open(db)?));
        let bar = bar(pending, "reuse", progress);
        while !cancel.load(Ordering::SeqCst) {
            let docs = store.pending_documents(Stage::Reuse, batch)?;
            if docs.is_empty() {
                break;
            }
            let added = engine.add(&docs, &lookup);
            let alignments: Vec<StoredAlignment> = added
                .alignments
                .iter()
                .map(stored_alignment)
                .collect::<Result<_>>()?;
            let index = postcard::to_stdvec(engine.index()).context("encoding the reuse index")?;
            let ids: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
            store
                .commit_reuse_batch(&ids, &alignments, Some((REUSE_INDEX, &index)))
                .context("storing alignments")?;
            report.reuse_documents += ids.len() as u64;
            report.candidate_pairs += added.candidates as u64;
            report.alignments_found += alignments.len() as u64;
            bar.inc(ids.len() as u64);
        }
        bar.finish_and_clear();
    }
    // Clustering and provenance read no text and are rerun over every alignment whenever
    // something was added, so that a new early copy can change an old cluster's origin.
    if report.reuse_documents > 0 || (store.cluster_count()? == 0 && pending == 0) {
        recluster(store, &config)?;
    }
    Ok(())
}

fn stored_alignment(a: &Alignment) -> Result<StoredAlignment> {
    Ok(StoredAlignment {
        a: a.a.clone(),
        a_span: a.span.a,
        b: a.b.clone(),
        b_span: a.span.b,
        score: f64::from(a.span.score),
        identity: f64::from(a.span.identity()),
        detail: serde_json::to_value(&a.span)?,
    })
}

/// Rebuilds every cluster from the stored alignments.
pub fn recluster(store: &mut Store, config: &ReuseConfig) -> Result<()> {
    let stored = store.alignments()?;
    let mut alignments = Vec::with_capacity(stored.len());
    for s in stored {
        let span = serde_json::from_value(s.detail)
            .context("a stored alignment cannot be read (written by another version?)")?;
        alignments.push(Alignment {
            a: s.a,
            b: s.b,
            span,
        });
    }
    let docs: HashSet<&DocId> = alignments.iter().flat_map(|a| [&a.a, &a.b]).collect();
    let mut facts: HashMap<DocId, DocFacts> = HashMap::with_capacity(docs.len());
    for id in docs {
        if let Some(doc) = store.document(id)? {
            facts.insert(id.clone(), DocFacts::from_document(&doc));
        }
    }
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
                evidence: serde_json::to_value(&m.evidence).unwrap_or(serde_json::Value::Null),
            })
            .collect(),
    }
}
