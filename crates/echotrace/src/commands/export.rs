use super::{open_existing_store, CharOffsetCache};
use crate::cli::{ExportClustersArgs, ExportDocsArgs};
use anyhow::{Context, Result};
use echotrace_eval::reuse::{write_clusters, ClusterMember, ReuseClusterRecord};
use echotrace_ingest::export_line;
use echotrace_store::{Store, StoredCluster};
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn docs(args: ExportDocsArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let (sink, name): (Box<dyn Write>, String) = match &args.output {
        Some(path) => (
            Box::new(
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
            ),
            path.display().to_string(),
        ),
        None => (Box::new(std::io::stdout().lock()), "standard output".into()),
    };
    let mut out = BufWriter::new(sink);
    let mut n = 0u64;
    for doc in store.documents() {
        let doc = doc?;
        writeln!(out, "{}", export_line(&doc)).with_context(|| format!("writing to {name}"))?;
        n += 1;
    }
    out.flush().with_context(|| format!("writing to {name}"))?;
    if args.output.is_some() {
        eprintln!("exported {n} documents to {name}");
    }
    Ok(ExitCode::SUCCESS)
}

/// One stored cluster in the scorer's format: document ids, code-point offsets, parents; the
/// confidences ride along as extra keys the scorer ignores.
pub fn cluster_record(
    cluster: &StoredCluster,
    offsets: &mut CharOffsetCache<'_>,
) -> Result<ReuseClusterRecord> {
    let mut members = Vec::with_capacity(cluster.members.len());
    for m in &cluster.members {
        let [start, end] = offsets.span(&m.doc, m.span)?;
        members.push(ClusterMember {
            doc: m.doc.to_string(),
            start,
            end,
            parent: m.parent.as_ref().map(|p| p.to_string()),
        });
    }
    let mut extra = Map::new();
    extra.insert(
        "origin_confidence".into(),
        serde_json::json!(cluster.origin_confidence),
    );
    extra.insert(
        "parent_confidence".into(),
        Value::Array(
            cluster
                .members
                .iter()
                .map(|m| serde_json::json!(m.confidence))
                .collect(),
        ),
    );
    // `edit` per member: `copy` (word alignment) or `paraphrase` (rewritten, found with
    // sentence embeddings), with the paraphrase decision's probability.
    extra.insert(
        "edit".into(),
        Value::Array(
            cluster
                .members
                .iter()
                .map(|m| serde_json::json!(member_edit(&m.evidence).0))
                .collect(),
        ),
    );
    if cluster
        .members
        .iter()
        .any(|m| member_edit(&m.evidence).1.is_some())
    {
        extra.insert(
            "paraphrase_score".into(),
            Value::Array(
                cluster
                    .members
                    .iter()
                    .map(|m| serde_json::json!(member_edit(&m.evidence).1))
                    .collect(),
            ),
        );
    }
    Ok(ReuseClusterRecord {
        cluster: Value::String(cluster.id.clone()),
        members,
        extra,
    })
}

/// How a member came to the cluster, from its stored evidence: `("paraphrase", Some(p))` for
/// a rewritten version, `("copy", None)` otherwise.
pub fn member_edit(evidence: &Value) -> (&'static str, Option<f64>) {
    match evidence.get("edit").and_then(Value::as_str) {
        Some("paraphrase") => (
            "paraphrase",
            evidence.get("paraphrase").and_then(Value::as_f64),
        ),
        _ => ("copy", None),
    }
}

/// Which clusters an export holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ClusterScope {
    /// Every cluster, a passage repeated inside one document included.
    All,
    /// Clusters that span at least two documents: what cross-document gold labels.
    CrossDocument,
}

/// Every stored cluster in the scorer's format.
pub fn cluster_records(store: &Store, scope: ClusterScope) -> Result<Vec<ReuseClusterRecord>> {
    let mut offsets = CharOffsetCache::new(store);
    let mut out = Vec::new();
    for c in store.clusters()? {
        let first = c.members.first().map(|m| &m.doc);
        let cross = c.members.iter().any(|m| Some(&m.doc) != first);
        if scope == ClusterScope::All || cross {
            out.push(cluster_record(&c, &mut offsets)?);
        }
    }
    Ok(out)
}

pub fn clusters(args: ExportClustersArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let scope = if args.across_documents {
        ClusterScope::CrossDocument
    } else {
        ClusterScope::All
    };
    let records = cluster_records(&store, scope)?;
    match &args.output {
        Some(path) => {
            write_clusters(path, &records)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("exported {} clusters to {}", records.len(), path.display());
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            for r in &records {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
