//! Coordination over the stored reuse clusters.

use crate::PipelineError;
use echotrace_coord::{
    credit_key, credit_lines, CoordinationDetector, CoordinationNetwork, CopyEvent,
};
use echotrace_core::{DocId, Document};
use echotrace_reuse::DocFacts;
use echotrace_store::Store;
use std::collections::{HashMap, HashSet};

/// The names a document credits: the coordination crate's bylines (`By X staff`, `(X) —`,
/// `X reported`) and the reuse engine's credit lines (`Source: X`, `Originally published by
/// X`), each name once.
fn credited_names(doc: &Document) -> Vec<String> {
    let mut names: Vec<String> = credit_lines(&doc.text)
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.extend(DocFacts::from_document(doc).credits);
    let mut seen = HashSet::new();
    names.retain(|n| seen.insert(credit_key(n)));
    names
}

/// One copy event per member of every stored cluster whose document has a source: the
/// (source, time) list of each cluster that coordination detection reads.
pub fn copy_events(store: &Store) -> Result<Vec<CopyEvent>, PipelineError> {
    let clusters = store.clusters()?;
    let mut docs: HashMap<DocId, Option<(Document, Vec<String>)>> = HashMap::new();
    let mut events = Vec::new();
    for c in &clusters {
        for m in &c.members {
            if !docs.contains_key(&m.doc) {
                let loaded = store.document(&m.doc)?.map(|d| {
                    let credits = credited_names(&d);
                    (d, credits)
                });
                docs.insert(m.doc.clone(), loaded);
            }
            let Some(Some((doc, credits))) = docs.get(&m.doc) else {
                continue;
            };
            let Some(source) = doc.source.clone() else {
                continue;
            };
            events.push(CopyEvent {
                cluster: c.id.clone(),
                doc: doc.id.clone(),
                source,
                published: doc.published,
                credits: credits.clone(),
                earliest: c.earliest.contains(&m.doc)
                    || (c.earliest.is_empty() && c.origin.as_ref() == Some(&m.doc)),
            });
        }
    }
    Ok(events)
}

/// The coordination network of the whole store.
pub fn coordination_network(
    store: &Store,
    detector: &CoordinationDetector,
) -> Result<CoordinationNetwork, PipelineError> {
    Ok(detector.detect(&copy_events(store)?))
}
