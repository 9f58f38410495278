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

/// The seed page cut into one document a line, from several outlets and days, so that its
/// reused lead, its quotes and its boilerplate spread over many batches.
fn seed_corpus() -> Vec<Document> {
    let lines = seed_lines();
    let dates = ["2022-01-10T08:00:00Z", "2022-01-10", "2022-01-11T09:30:00Z"];
    let sources = ["sputniknews.com", "blog.example", "mirror.example"];
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.split_whitespace().count() >= 8)
        .flat_map(|(i, l)| {
            // Each line twice, from two outlets: every line is reused across documents.
            (0..2).map(move |k| {
                let j = (i + k) % 3;
                doc(&format!("l{i}-{k}"), sources[j], dates[j], l)
            })
        })
        .collect()
}

fn analyze_all(batch: usize, cancel_after_first: bool) -> (Store, tempfile::TempDir, u32) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    store.insert_documents(&seed_corpus()).unwrap();
    let mut runs = 0;
    loop {
        runs += 1;
        let cancel = AtomicBool::new(false);
        let progress = CancelAfterFirstBatch(&cancel, cancel_after_first);
        let report = Analyzer::default()
            .with_batch(batch)
            .run(&mut store, &db, &progress, &cancel)
            .unwrap();
        if !report.interrupted {
            break;
        }
        assert!(runs < 100, "an interrupted run made no progress");
    }
    (store, dir, runs)
}

/// Sets the cancel flag once a batch is committed (as Ctrl-C would arrive mid-stage).
struct CancelAfterFirstBatch<'a>(&'a AtomicBool, bool);

impl echotrace_pipeline::AnalyzeProgress for CancelAfterFirstBatch<'_> {
    fn advance(&self, _stage: echotrace_store::Stage, _n: u64) {
        if self.1 {
            self.0.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    }
}

fn everything(
    store: &Store,
) -> (
    Vec<echotrace_store::StoredQuote>,
    Vec<echotrace_store::StoredCluster>,
    usize,
) {
    let mut quotes = store.quotes(None).unwrap();
    quotes.sort_by(|a, b| {
        (a.doc.as_str(), a.content.first().map(|s| s.start))
            .cmp(&(b.doc.as_str(), b.content.first().map(|s| s.start)))
    });
    (
        quotes,
        store.clusters().unwrap(),
        store.alignments().unwrap().len(),
    )
}

#[test]
fn batches_of_one_and_interrupted_runs_store_what_one_batch_stores() {
    // Each batch is worked on while the one before it is committed: no document may be
    // skipped or done twice, however the work is cut and however often it is stopped.
    let (whole, _d1, _) = analyze_all(1000, false);
    let (ones, _d2, _) = analyze_all(1, false);
    let (stopped, _d3, runs) = analyze_all(3, true);
    let expected = everything(&whole);
    assert!(!expected.0.is_empty(), "the seed page has quotes");
    assert!(
        !expected.1.is_empty(),
        "its lines are reused across documents"
    );
    assert!(expected.2 > 0);
    assert_eq!(everything(&ones), expected);
    assert!(runs > 3, "the interrupted runs stopped early ({runs} runs)");
    assert_eq!(everything(&stopped), expected);
    for store in [&whole, &ones, &stopped] {
        assert_eq!(
            store.pending_count(echotrace_store::Stage::Quotes).unwrap(),
            0
        );
        assert_eq!(
            store.pending_count(echotrace_store::Stage::Reuse).unwrap(),
            0
        );
    }
}

#[test]
fn credit_lines_are_read_once_and_kept_for_later_reclustering() {
    let lines = seed_lines();
    let story = lines[9..11].join("\n");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    store
        .insert_documents(&[
            doc("tass", "tass.com", "2022-01-10", &story),
            // Same day, to the hour: the date alone cannot tell who copied whom.
            doc(
                "blog",
                "blog.example",
                "2022-01-10T08:00:00Z",
                &format!("Source: TASS\n{story}"),
            ),
        ])
        .unwrap();
    run(&mut store, &db);
    let credited = |store: &Store| {
        let cluster = &store.clusters_of(&DocId::new("blog")).unwrap()[0];
        let blog = cluster
            .members
            .iter()
            .find(|m| m.doc.as_str() == "blog")
            .unwrap();
        (blog.parent.clone(), blog.evidence["credited"].clone())
    };
    assert_eq!(
        credited(&store),
        (Some(DocId::new("tass")), serde_json::json!(true))
    );
    let recorded: Vec<(String, Option<Vec<String>>)> = store
        .document_facts()
        .unwrap()
        .into_iter()
        .map(|f| (f.id.as_str().to_string(), f.credits))
        .collect();
    assert_eq!(
        recorded,
        [
            ("tass".to_string(), Some(vec![])),
            ("blog".to_string(), Some(vec!["TASS".to_string()]))
        ]
    );

    // Reclustering after a new copy reads the recorded credits, not the text: forget the
    // blog's credit line in the record and it no longer counts as a copy of TASS.
    store
        .record_credits(&[(DocId::new("blog"), vec![])])
        .unwrap();
    store
        .insert_documents(&[doc("mirror", "mirror.example", "2022-01-12", &story)])
        .unwrap();
    let report = run(&mut store, &db);
    assert_eq!(report.reuse_documents, 1);
    // Without its credit line the blog, timed to the hour within TASS's day, is taken for the
    // origin.
    assert_eq!(credited(&store), (None, serde_json::Value::Null));
    assert_eq!(store.clusters_of(&DocId::new("mirror")).unwrap().len(), 1);
}

/// Quotes extracted by another build's rules are extracted again, once, by the next run;
/// an interrupted redo resumes, and the store ends as a fresh analysis would leave it.
#[test]
fn quotes_from_older_rules_are_extracted_again() {
    let (fresh, _d1, _) = analyze_all(1000, false);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    store.insert_documents(&seed_corpus()).unwrap();
    let first = run(&mut store, &db);
    let n = first.quotes_documents;
    assert!(n > 0);
    assert_eq!(first.quotes_outdated, 0, "a new store has nothing to redo");
    assert_eq!(run(&mut store, &db).quotes_documents, 0);

    // The store as an older build leaves it: every document done, under its rules.
    let older = || {
        let mut s = Store::open(&db).unwrap();
        s.commit_reuse_batch(&[], &[], Some(("quotes.rules", b"0.0.0+older")))
            .unwrap();
    };
    older();
    let again = run(&mut store, &db);
    assert_eq!(again.quotes_outdated, n);
    assert_eq!(again.quotes_documents, n);
    assert_eq!(everything(&store).0, everything(&fresh).0);

    // Interrupted after the first batch, then resumed: every document is done once.
    older();
    let cancel = AtomicBool::new(false);
    let stopped = Analyzer::default()
        .with_batch(3)
        .run(
            &mut store,
            &db,
            &CancelAfterFirstBatch(&cancel, true),
            &cancel,
        )
        .unwrap();
    assert!(stopped.interrupted);
    assert_eq!(stopped.quotes_outdated, n);
    assert!(stopped.quotes_documents < n);
    let rest = run(&mut store, &db);
    assert_eq!(
        rest.quotes_outdated, 0,
        "the redo resumes, it does not start over"
    );
    assert_eq!(stopped.quotes_documents + rest.quotes_documents, n);
    assert_eq!(everything(&store).0, everything(&fresh).0);
    assert_eq!(run(&mut store, &db).quotes_documents, 0);
}
