//! The analyzer over a real store: resumable, incremental, and self-repairing after a crash
//! that lost the latest save of the reuse index.

use echotrace_core::{DocId, Document, Published, SourceId};
use echotrace_pipeline::{Analyzer, NoProgress};
use echotrace_reuse::CandidateIndex;
use echotrace_store::Store;
use std::sync::atomic::AtomicBool;

fn seed_lines() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_1da12e83afc5f8cf.txt"
    );
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the seed page {path}: {e}"))
        .lines()
        .map(str::to_string)
        .collect()
}

fn doc(id: &str, source: &str, date: &str, text: &str) -> Document {
    let mut d = Document::new(DocId::new(id), text);
    d.source = SourceId::new(source);
    d.published = Published::parse(date);
    d
}

fn run(store: &mut Store, db: &std::path::Path) -> echotrace_pipeline::AnalyzeReport {
    Analyzer::default()
        .with_batch(1)
        .run(store, db, &NoProgress, &AtomicBool::new(false))
        .unwrap()
}

#[test]
fn new_documents_are_compared_with_the_corpus_and_a_lost_index_is_rebuilt() {
    let lines = seed_lines();
    let story = lines[9..11].join("\n");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    store
        .insert_documents(&[doc(
            "wire",
            "sputniknews.com",
            "2022-01-10T08:00:00Z",
            &story,
        )])
        .unwrap();
    let first = run(&mut store, &db);
    assert_eq!(first.reuse_documents, 1);
    assert_eq!(store.cluster_count().unwrap(), 0);

    // A crash after the batch committed but before the index was saved: the stored index
    // does not know the wire story.
    let empty = postcard::to_stdvec(&CandidateIndex::new(Default::default())).unwrap();
    store
        .commit_reuse_batch(&[], &[], Some(("reuse.index.v2", &empty)))
        .unwrap();

    let copy = format!(
        "Source: Sputnik\n{}",
        story.replace("Organisation", "Organization")
    );
    store
        .insert_documents(&[doc("blog", "blog.example", "2022-01-10", &copy)])
        .unwrap();
    let second = run(&mut store, &db);
    assert_eq!(
        second.reuse_documents, 2,
        "the wire story is indexed again, the blog once"
    );
    let clusters = store.clusters_of(&DocId::new("blog")).unwrap();
    assert_eq!(
        clusters.len(),
        1,
        "the copy is found against the older document"
    );
    let members: Vec<&str> = clusters[0].members.iter().map(|m| m.doc.as_str()).collect();
    assert!(members.contains(&"wire") && members.contains(&"blog"));
    assert_eq!(clusters[0].origin, Some(DocId::new("wire")));

    // Nothing left: a third run does nothing and changes nothing.
    let before = store.clusters().unwrap();
    let third = run(&mut store, &db);
    assert_eq!(third.reuse_documents + third.quotes_documents, 0);
    assert_eq!(store.clusters().unwrap(), before);
}
