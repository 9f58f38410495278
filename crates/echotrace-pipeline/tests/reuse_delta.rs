//! Adding a few documents to a large analyzed store saves only the index delta, and the result
//! is exactly what analyzing everything at once gives: the same alignments, the same clusters,
//! the same candidate index.

use echotrace_core::{DocId, Document, Published, SourceId};
use echotrace_pipeline::{Analyzer, NoProgress};
use echotrace_reuse::candidates::IndexDelta;
use echotrace_reuse::CandidateIndex;
use echotrace_store::Store;
use std::path::Path;
use std::sync::atomic::AtomicBool;

/// The Clough–Stevenson answers and their five source articles: real text reused at graded
/// levels, given sources and dates (some a bare day, some missing) so provenance has work.
fn documents() -> Vec<Document> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/reuse/clough-stevenson"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 90, "{} texts", paths.len());
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).to_string();
            let mut d = Document::new(DocId::new(name), text);
            d.source = SourceId::new(&format!("outlet-{}.example", i % 7));
            let date = match i % 4 {
                0 => format!("2023-03-{:02}", 1 + i % 28),
                1 => String::new(),
                _ => format!("2023-03-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24),
            };
            d.published = Published::parse(&date);
            d
        })
        .collect()
}

fn analyze(store: &mut Store, db: &Path) {
    Analyzer::default()
        .with_batch(8)
        .run(store, db, &NoProgress, &AtomicBool::new(false))
        .unwrap();
}

/// The index as saved: the whole index with the delta replayed on it.
fn saved_index(store: &Store) -> (CandidateIndex, usize) {
    let mut index: CandidateIndex =
        postcard::from_bytes(&store.analysis_state("reuse.index.v2").unwrap().unwrap()).unwrap();
    let delta: IndexDelta = store
        .analysis_state("reuse.index.delta")
        .unwrap()
        .map(|b| postcard::from_bytes(&b).unwrap())
        .unwrap_or_default();
    let applied = index.apply_delta(delta);
    (index, applied.len())
}

fn bytes(index: &CandidateIndex) -> Vec<u8> {
    postcard::to_stdvec(index).unwrap()
}

#[test]
fn a_few_new_documents_save_a_delta_and_give_what_one_run_over_all_gives() {
    let docs = documents();
    let n = docs.len();
    let dir = tempfile::tempdir().unwrap();

    let all_db = dir.path().join("all.db");
    let mut all = Store::open(&all_db).unwrap();
    all.insert_documents(&docs).unwrap();
    analyze(&mut all, &all_db);

    let inc_db = dir.path().join("inc.db");
    let mut inc = Store::open(&inc_db).unwrap();
    let (head, rest) = docs.split_at(n - 24);
    inc.insert_documents(head).unwrap();
    analyze(&mut inc, &inc_db);
    assert_eq!(saved_index(&inc).1, 0, "a first run saves the whole index");
    for (step, part) in rest.chunks(12).enumerate() {
        inc.insert_documents(part).unwrap();
        analyze(&mut inc, &inc_db);
        let (index, from_delta) = saved_index(&inc);
        assert_eq!(from_delta, 12 * (step + 1), "only the delta was saved");
        assert_eq!(index.len(), head.len() + 12 * (step + 1));
    }

    // Stored in another order (one run stores the pairs of a batch together).
    let alignments = |s: &Store| {
        let mut v = s.alignments().unwrap();
        v.sort_by(|x, y| {
            (
                &x.a,
                x.a_span.start,
                x.a_span.end,
                &x.b,
                x.b_span.start,
                x.b_span.end,
            )
                .cmp(&(
                    &y.a,
                    y.a_span.start,
                    y.a_span.end,
                    &y.b,
                    y.b_span.start,
                    y.b_span.end,
                ))
        });
        v
    };
    let (a, b) = (alignments(&inc), alignments(&all));
    assert!(b.len() > 50, "{} alignments", b.len());
    assert!(a == b, "{} alignments against {}", a.len(), b.len());
    let (a, b) = (inc.clusters().unwrap(), all.clusters().unwrap());
    assert!(b.len() > 5, "{} clusters", b.len());
    assert!(a == b, "{} clusters against {}", a.len(), b.len());
    assert!(bytes(&saved_index(&inc).0) == bytes(&saved_index(&all).0));

    // Nothing pending: a run changes nothing, and the delta stays as it was.
    let before = inc.analysis_state("reuse.index.delta").unwrap();
    analyze(&mut inc, &inc_db);
    assert_eq!(inc.analysis_state("reuse.index.delta").unwrap(), before);
    assert!(inc.clusters().unwrap() == all.clusters().unwrap());
}

#[test]
fn a_delta_that_outgrows_its_share_is_folded_into_the_whole_index() {
    let docs = documents();
    let n = docs.len();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    let (head, rest) = docs.split_at(n - 40);
    store.insert_documents(head).unwrap();
    analyze(&mut store, &db);
    store.insert_documents(&rest[..10]).unwrap();
    analyze(&mut store, &db);
    assert_eq!(saved_index(&store).1, 10);
    // 30 more: past a quarter of the index, so the whole index is saved and the delta emptied.
    store.insert_documents(&rest[10..]).unwrap();
    analyze(&mut store, &db);
    let (index, from_delta) = saved_index(&store);
    assert_eq!(from_delta, 0);
    assert_eq!(index.len(), n);
    let delta: IndexDelta =
        postcard::from_bytes(&store.analysis_state("reuse.index.delta").unwrap().unwrap()).unwrap();
    assert!(delta.is_empty());
}
