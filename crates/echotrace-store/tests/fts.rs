//! The full-text index is filled a batch at a time (schema version 4): it must hold exactly the
//! stored documents after every batch, re-run, failed batch, hand deletion and upgrade, and find
//! what the per-row trigger of versions 1 to 3 found.

use echotrace_core::{ByteSpan, DocId, Document};
use echotrace_store::{SearchHit, Store, StoreError, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::Path;

const V1_SQL: &str = include_str!("../src/migrations/0001_documents.sql");
const V2_SQL: &str = include_str!("../src/migrations/0002_analysis.sql");
const V3_SQL: &str = include_str!("../src/migrations/0003_paraphrase.sql");

/// A document whose body is `body`, between a byline line and a footer that are not indexed,
/// so that the byte offsets matter (the byline has multi-byte characters).
fn doc(id: &str, title: &str, body: &str) -> Document {
    let byline = "Автор: Смирнов — «Вести»\n";
    let text = format!("{byline}{body}\nNo comments: footer");
    let mut d = Document::new(DocId::new(id), text);
    d.body = ByteSpan::new(byline.len(), byline.len() + body.len());
    d.title = Some(title.to_string());
    d
}

fn first_batch() -> Vec<Document> {
    vec![
        doc(
            "a-1",
            "Tokayev speaks",
            "Tokayev called the unrest an attempted coup.",
        ),
        doc(
            "a-2",
            "Summit in Moscow",
            "The CSTO summit met in Moscow on Monday.",
        ),
        doc(
            "a-3",
            "Almaty airport",
            "Troops guarded the airport at Almaty.",
        ),
    ]
}

fn second_batch() -> Vec<Document> {
    vec![
        doc(
            "b-1",
            "Peacekeepers leave",
            "The peacekeepers began leaving Kazakhstan.",
        ),
        doc(
            "b-2",
            "Nazarbayev resigns",
            "Nazarbayev gave up the Security Council chair; Tokayev took it.",
        ),
    ]
}

fn ids(hits: &[SearchHit]) -> Vec<&str> {
    let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// FTS5's own check, with rank 1 so that it also compares the index with the external content
/// (the documents): a row missing from the index, or indexed twice, fails it.
fn assert_index_matches_documents(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let (docs, indexed): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents_fts_docsize)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(docs, indexed, "documents vs rows in the full-text index");
    // Version 4 lets FTS5 hold a whole batch in memory before it writes a segment.
    let hashsize: i64 = conn
        .query_row(
            "SELECT v FROM documents_fts_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hashsize, 8 << 20);
}

#[test]
fn two_batches_are_both_searchable_and_rerunning_them_indexes_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.insert_documents(&first_batch()).unwrap().added, 3);
    assert_index_matches_documents(&path);
    assert_eq!(store.insert_documents(&second_batch()).unwrap().added, 2);
    assert_index_matches_documents(&path);

    assert_eq!(ids(&store.search("Almaty", 10).unwrap()), ["a-3"]);
    assert_eq!(ids(&store.search("peacekeepers", 10).unwrap()), ["b-1"]);
    assert_eq!(ids(&store.search("Tokayev", 10).unwrap()), ["a-1", "b-2"]);
    // Titles of both batches are indexed; bylines and footers of neither are.
    assert_eq!(ids(&store.search("summit", 10).unwrap()), ["a-2"]);
    assert_eq!(ids(&store.search("resigns", 10).unwrap()), ["b-2"]);
    assert!(store.search("Смирнов", 10).unwrap().is_empty());
    assert!(store.search("comments", 10).unwrap().is_empty());

    // Re-runs: everything unchanged, nothing indexed again.
    let again = store.insert_documents(&first_batch()).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 3));
    let mut all = first_batch();
    all.extend(second_batch());
    assert_eq!(store.insert_documents(&all).unwrap().unchanged, 5);
    assert_index_matches_documents(&path);
    assert_eq!(store.search("Tokayev", 10).unwrap().len(), 2);

    // A batch mixing stored, conflicting, repeated and new documents indexes only the new one.
    let mut conflicting = first_batch()[0].clone();
    conflicting.text.push_str(" Edited.");
    let new = doc("c-1", "Curfew lifted", "Almaty lifted its curfew.");
    let mixed = [
        first_batch()[1].clone(),
        conflicting,
        new.clone(),
        new.clone(),
        second_batch()[0].clone(),
    ];
    let outcome = store.insert_documents(&mixed).unwrap();
    assert_eq!(outcome.added, 1);
    assert_eq!(outcome.unchanged, 3);
    assert_eq!(outcome.conflicts, [DocId::new("a-1")]);
    assert_index_matches_documents(&path);
    assert_eq!(ids(&store.search("Almaty", 10).unwrap()), ["a-3", "c-1"]);
    assert!(store.search("Edited", 10).unwrap().is_empty());
}

#[test]
fn a_failed_batch_leaves_neither_documents_nor_index_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("failed.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_documents(&first_batch()).unwrap();
    let mut bad = doc("bad", "Bad", "Peacekeepers everywhere.");
    bad.body = ByteSpan::new(0, bad.text.len() + 1);
    let mut batch = second_batch();
    batch.push(bad);
    let err = store.insert_documents(&batch).unwrap_err();
    assert!(matches!(err, StoreError::InvalidDocument { .. }), "{err}");
    assert_eq!(store.document_count().unwrap(), 3);
    assert!(store.search("peacekeepers", 10).unwrap().is_empty());
    assert_index_matches_documents(&path);
    // The same batch without the bad document goes in whole afterwards.
    assert_eq!(store.insert_documents(&second_batch()).unwrap().added, 2);
    assert_eq!(ids(&store.search("peacekeepers", 10).unwrap()), ["b-1"]);
    assert_index_matches_documents(&path);
}

#[test]
fn a_document_deleted_by_hand_leaves_the_index_and_its_seq_can_be_reused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deleted.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_documents(&first_batch()).unwrap();
    {
        // The highest seq, so that the next document is given the same one again.
        let conn = Connection::open(&path).unwrap();
        conn.execute("DELETE FROM documents WHERE id = 'a-3'", [])
            .unwrap();
    }
    assert!(store.search("Almaty", 10).unwrap().is_empty());
    assert_index_matches_documents(&path);
    store.insert_documents(&second_batch()).unwrap();
    assert_index_matches_documents(&path);
    assert!(store.search("Almaty", 10).unwrap().is_empty());
    assert_eq!(ids(&store.search("Tokayev", 10).unwrap()), ["a-1", "b-2"]);
    // Put back, it is found again.
    store.insert_documents(&first_batch()).unwrap();
    assert_eq!(ids(&store.search("Almaty", 10).unwrap()), ["a-3"]);
    assert_index_matches_documents(&path);
}

/// A store as a version 3 build left it, with `docs` inserted the way that build's trigger
/// indexed them (one row at a time).
fn version_3_file(path: &Path, docs: &[Document]) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(V1_SQL).unwrap();
    conn.execute_batch(V2_SQL).unwrap();
    conn.execute_batch(V3_SQL).unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    conn.pragma_update(None, "application_id", 0x4543_4854)
        .unwrap();
    for d in docs {
        let title = d.title.as_deref();
        let (start, end) = (d.body.start as i64, d.body.end as i64);
        conn.execute(
            "INSERT INTO documents (id, title, text, body_start, body_end, content_hash, \
             ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, 'x', '2024-01-01T00:00:00Z')",
            rusqlite::params![d.id.as_str(), title, d.text, start, end],
        )
        .unwrap();
    }
}

#[test]
fn a_version_3_file_keeps_its_index_and_indexes_what_is_added_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    version_3_file(&path, &first_batch());

    assert_eq!(SCHEMA_VERSION, 5);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    // Indexed by the old trigger, still found.
    assert_eq!(ids(&store.search("Almaty", 10).unwrap()), ["a-3"]);
    assert_eq!(ids(&store.search("Tokayev", 10).unwrap()), ["a-1"]);
    assert_index_matches_documents(&path);

    // Added after the upgrade: indexed once (the insert trigger is gone), found with the old.
    assert_eq!(store.insert_documents(&second_batch()).unwrap().added, 2);
    assert_eq!(ids(&store.search("Tokayev", 10).unwrap()), ["a-1", "b-2"]);
    assert_eq!(ids(&store.search("peacekeepers", 10).unwrap()), ["b-1"]);
    assert_index_matches_documents(&path);
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'documents' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !triggers.iter().any(|t| t == "documents_fts_after_insert"),
        "{triggers:?}"
    );
    for kept in ["documents_fts_after_delete", "documents_fts_after_update"] {
        assert!(triggers.iter().any(|t| t == kept), "{kept}: {triggers:?}");
    }
    // The update trigger still keeps a hand edit in step.
    conn.execute(
        "UPDATE documents SET title = 'Airport retaken' WHERE id = 'a-3'",
        [],
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(ids(&store.search("retaken", 10).unwrap()), ["a-3"]);
    assert!(store.search("\"Almaty airport\"", 10).unwrap().is_empty());
    assert_index_matches_documents(&path);
}

#[test]
fn batch_indexing_finds_what_the_per_row_trigger_found_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = first_batch();
    docs.extend(second_batch());
    docs.push(doc(
        "c-1",
        "Tokayev again",
        "Tokayev, Tokayev and Tokayev: the coup was attempted, Tokayev said in Almaty.",
    ));

    // Indexed by the version 3 trigger, one row at a time.
    let old_path = dir.path().join("trigger.db");
    version_3_file(&old_path, &docs);
    let old = Store::open(&old_path).unwrap();
    // Indexed by this version, in two batches.
    let mut new = Store::open(&dir.path().join("batch.db")).unwrap();
    new.insert_documents(&docs[..4]).unwrap();
    new.insert_documents(&docs[4..]).unwrap();

    for query in [
        "Tokayev",
        "Almaty",
        "coup",
        "\"attempted coup\"",
        "Toka*",
        "the",
        "Moscow summit",
        "nothing-matches",
    ] {
        let a = old.search(query, 10).unwrap();
        let b = new.search(query, 10).unwrap();
        assert_eq!(a, b, "{query}");
    }
    assert_eq!(new.search("Tokayev", 10).unwrap()[0].id.as_str(), "c-1");
}
