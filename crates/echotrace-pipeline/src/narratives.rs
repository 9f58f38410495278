//! Narratives over the stored clusters and quotes.

use crate::PipelineError;
use echotrace_core::DocId;
use echotrace_narratives::{Narrative, NarrativeBuilder, StoryCluster, StoryDocument, Timeline};
use echotrace_store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// What narratives are built from: every document that is in a cluster or has a quote, with
/// its quoted speakers and named people and organisations, and every cluster.
pub fn story_inputs(
    store: &Store,
) -> Result<(Vec<StoryDocument>, Vec<StoryCluster>), PipelineError> {
    let clusters: Vec<StoryCluster> = store
        .clusters()?
        .into_iter()
        .map(|c| {
            let docs: BTreeSet<DocId> = c.members.iter().map(|m| m.doc.clone()).collect();
            StoryCluster {
                id: c.id,
                docs: docs.into_iter().collect(),
                origin: c.origin,
            }
        })
        .collect();
    let mut speakers: BTreeMap<DocId, Vec<String>> = BTreeMap::new();
    for q in store.quotes(None)? {
        if let Some(speaker) = q.speaker {
            speakers.entry(q.doc).or_default().push(speaker);
        }
    }
    let mut ids: BTreeSet<DocId> = clusters
        .iter()
        .flat_map(|c| c.docs.iter().cloned())
        .collect();
    ids.extend(speakers.keys().cloned());
    let mut docs = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(doc) = store.document(&id)? else {
            continue;
        };
        let mut story = StoryDocument::new(id.clone());
        story.source = doc.source;
        story.published = doc.published;
        story.title = doc.title;
        story.speakers = speakers.remove(&id).unwrap_or_default();
        story.entities = store
            .entities_of(&id)?
            .into_iter()
            .map(|e| e.name)
            .collect();
        docs.push(story);
    }
    Ok((docs, clusters))
}

/// Every narrative of the store.
pub fn narratives(store: &Store) -> Result<Vec<Narrative>, PipelineError> {
    let (docs, clusters) = story_inputs(store)?;
    Ok(NarrativeBuilder::new().build(&docs, &clusters))
}

/// The timeline of one cluster (copies per hour or day and source), or `None` when there is no
/// cluster of that id.
pub fn cluster_timeline(store: &Store, cluster: &str) -> Result<Option<Timeline>, PipelineError> {
    let Some(c) = store.cluster(cluster)? else {
        return Ok(None);
    };
    let mut docs = Vec::new();
    let mut ids = Vec::new();
    for m in &c.members {
        if let Some(doc) = store.document(&m.doc)? {
            let mut story = StoryDocument::new(m.doc.clone());
            story.source = doc.source;
            story.published = doc.published;
            docs.push(story);
        }
        ids.push(m.doc.clone());
    }
    // One copy per member: a document that holds the passage twice counts twice.
    Ok(Some(echotrace_narratives::timeline_for(&docs, &ids)))
}
