//! The analysis tables of schema version 2 through the public API: stage marks, atomic batches,
//! idempotent re-runs, clusters, quotes by speaker, and the upgrade of a version 1 file.

use echotrace_core::{ByteSpan, DocId, Document, Published, SourceId};
use echotrace_store::{
    AlignmentKind, QuoteQuery, Stage, Store, StoreError, StoredAlignment, StoredCluster,
    StoredEntity, StoredFacts, StoredMember, StoredQuote, StoredVector, SCHEMA_VERSION,
};
use rusqlite::Connection;
use serde_json::json;

const V1_SQL: &str = include_str!("../src/migrations/0001_documents.sql");

fn doc(id: &str, source: &str, date: &str, text: &str) -> Document {
    let mut d = Document::new(DocId::new(id), text);
    d.source = SourceId::new(source);
    d.published = Published::parse(date);
    d
}

fn id(s: &str) -> DocId {
    DocId::new(s)
}

/// Three documents sharing a sentence, the last with multi-byte text.
fn corpus() -> Vec<Document> {
    vec![
        doc(
            "tass-1",
            "tass.com",
            "2022-01-10T09:30:00Z",
            "Putin said the CSTO acted. Vladimir Putin: “We will not allow it.”",
        ),
        doc(
            "sputnik-1",
            "Sputnik",
            "2022-01-10",
            "Sputnik reports: Putin said the CSTO acted. Tokayev agreed.",
        ),
        doc(
            "ria-1",
            "ria.ru",
            "2022-01-11",
            "Путин заявил: Putin said the CSTO acted.",
        ),
    ]
}

fn store_with_corpus() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_documents(&corpus()).unwrap();
    store
}

fn span_of(text: &str, needle: &str) -> ByteSpan {
    let start = text.find(needle).expect("needle in text");
    ByteSpan::new(start, start + needle.len())
}

fn alignment(a: &Document, b: &Document, passage: &str, score: f64) -> StoredAlignment {
    StoredAlignment {
        a: a.id.clone(),
        a_span: span_of(&a.text, passage),
        b: b.id.clone(),
        b_span: span_of(&b.text, passage),
        score,
        identity: 1.0,
        detail: json!({"ops": [["=", passage.len()]]}),
        kind: AlignmentKind::Lexical,
    }
}

fn quote(d: &Document, said: &str, speaker: Option<&str>) -> StoredQuote {
    StoredQuote {
        doc: d.id.clone(),
        kind: "direct".into(),
        content: vec![span_of(&d.text, said)],
        cue: None,
        source: None,
        speaker: speaker.map(str::to_string),
        detail: json!({"class": "speech"}),
    }
}

fn member(d: &Document, passage: &str, parent: Option<&str>) -> StoredMember {
    StoredMember {
        doc: d.id.clone(),
        span: span_of(&d.text, passage),
        parent: parent.map(DocId::new),
        confidence: 0.75,
        evidence: json!(["earlier", {"gap_s": 3600}]),
    }
}

const PASSAGE: &str = "Putin said the CSTO acted.";

#[test]
fn a_version_1_file_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A store as the version 1 build left it, with a document in it.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(V1_SQL).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", 0x4543_4854)
            .unwrap();
        conn.execute(
            "INSERT INTO documents (id, text, body_start, body_end, content_hash, ingested_at) \
             VALUES ('old-1', 'Putin said the CSTO acted.', 0, 26, 'x', '2024-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    assert_eq!(SCHEMA_VERSION, 5);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    let old = store.document(&id("old-1")).unwrap().expect("kept");
    assert_eq!(old.text, "Putin said the CSTO acted.");
    // Its credit lines have not been looked at yet.
    assert_eq!(store.document_facts().unwrap()[0].credits, None);
    // Every document of a v1 store is pending for every stage.
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 1);
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 1);
    assert_eq!(store.pending_documents(Stage::Reuse, 10).unwrap(), [old]);
    store
        .commit_quotes_batch(
            &[id("old-1")],
            &[StoredQuote {
                doc: id("old-1"),
                kind: "reported".into(),
                content: vec![ByteSpan::new(11, 26)],
                cue: Some(ByteSpan::new(6, 10)),
                source: Some(ByteSpan::new(0, 5)),
                speaker: Some("Putin".into()),
                detail: json!(null),
            }],
            &[],
        )
        .unwrap();
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 5);
    for table in [
        "document_credits",
        "sentence_vectors",
        "stage_done",
        "analysis_state",
        "alignments",
        "clusters",
        "cluster_members",
        "quotes",
        "entities",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{table}");
    }
    drop(conn);
    // Reopening applies nothing twice and keeps what was stored.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.quotes_by_speaker("putin", 10).unwrap().len(), 1);
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 0);
}

#[test]
fn pending_documents_come_in_ingest_order_and_shrink_as_stages_mark_them() {
    let mut store = store_with_corpus();
    let ids = |docs: Vec<Document>| docs.into_iter().map(|d| d.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.pending_documents(Stage::Reuse, 10).unwrap()),
        [id("tass-1"), id("sputnik-1"), id("ria-1")],
        "seq order, not id order"
    );
    assert_eq!(
        ids(store.pending_documents(Stage::Reuse, 2).unwrap()),
        [id("tass-1"), id("sputnik-1")]
    );
    assert!(store.pending_documents(Stage::Reuse, 0).unwrap().is_empty());
    let pending = store.pending(Stage::Reuse).unwrap();
    assert_eq!(pending.len(), 3);
    assert_eq!(
        ids(store.pending_batch(&pending, 1..10).unwrap()),
        [id("sputnik-1"), id("ria-1")],
        "a batch is a stretch of the listing in seq order, cut at its end"
    );
    assert!(store.pending_batch(&pending, 5..9).unwrap().is_empty());
    assert_eq!(
        store.pending_ids(Stage::Reuse).unwrap(),
        [id("tass-1"), id("sputnik-1"), id("ria-1")],
        "seq order, not the order of the id index"
    );

    store
        .commit_reuse_batch(&[id("tass-1")], &[], None)
        .unwrap();
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 2);
    assert_eq!(
        store.pending_count(Stage::Quotes).unwrap(),
        3,
        "stages apart"
    );
    assert_eq!(
        ids(store.pending_documents(Stage::Reuse, 10).unwrap()),
        [id("sputnik-1"), id("ria-1")]
    );

    store
        .commit_quotes_batch(&[id("ria-1"), id("sputnik-1")], &[], &[])
        .unwrap();
    assert_eq!(
        ids(store.pending_documents(Stage::Quotes, 10).unwrap()),
        [id("tass-1")]
    );
    store
        .commit_reuse_batch(&[id("sputnik-1"), id("ria-1"), id("tass-1")], &[], None)
        .unwrap();
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 0);
    assert!(store
        .pending_documents(Stage::Reuse, 10)
        .unwrap()
        .is_empty());

    // A new document is pending for both.
    store
        .insert_documents(&[doc("late", "tass.com", "2022-01-12", "Late.")])
        .unwrap();
    assert_eq!(
        ids(store.pending_documents(Stage::Reuse, 10).unwrap()),
        [id("late")]
    );
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 2);
}

#[test]
fn a_reuse_batch_is_stored_whole_and_re_committing_it_changes_nothing() {
    let mut store = store_with_corpus();
    let docs = corpus();
    assert_eq!(store.analysis_state("reuse.index").unwrap(), None);
    let first = [
        alignment(&docs[0], &docs[1], PASSAGE, 0.9),
        alignment(&docs[0], &docs[2], PASSAGE, 0.8),
    ];
    store
        .commit_reuse_batch(
            &[id("tass-1"), id("sputnik-1"), id("ria-1")],
            &first,
            Some(("reuse.index", b"index v1")),
        )
        .unwrap();
    assert_eq!(store.alignments().unwrap(), first);
    assert_eq!(
        store.analysis_state("reuse.index").unwrap().as_deref(),
        Some(&b"index v1"[..])
    );

    // The same pairs again (a re-run), one with a new score: updated, not doubled.
    let mut again = first.clone();
    again[1].score = 0.85;
    store
        .commit_reuse_batch(&[id("ria-1")], &again, Some(("reuse.index", b"index v2")))
        .unwrap();
    assert_eq!(store.alignments().unwrap(), again);
    assert_eq!(
        store.analysis_state("reuse.index").unwrap().as_deref(),
        Some(&b"index v2"[..])
    );
    // No state given: the stored one stays.
    store.commit_reuse_batch(&[], &[], None).unwrap();
    assert_eq!(
        store.analysis_state("reuse.index").unwrap().as_deref(),
        Some(&b"index v2"[..])
    );
    // Read in place, as the analyzer decodes its index.
    assert_eq!(
        store
            .read_analysis_state("reuse.index", |b| b.len())
            .unwrap(),
        Some(8)
    );
    assert_eq!(
        store
            .read_analysis_state("reuse.index.delta", |b| b.len())
            .unwrap(),
        None
    );

    assert_eq!(store.alignments_of(&id("tass-1")).unwrap(), again);
    assert_eq!(
        store.alignments_of(&id("ria-1")).unwrap(),
        [again[1].clone()]
    );
    assert!(store.alignments_of(&id("missing")).unwrap().is_empty());
    let mut streamed = Vec::new();
    store
        .for_each_alignment(|a| {
            streamed.push(a);
            Ok(())
        })
        .unwrap();
    assert_eq!(streamed, again);
}

#[test]
fn alignment_details_stream_as_their_stored_json_text() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let mut rows = vec![
        alignment(&docs[0], &docs[1], PASSAGE, 0.9),
        alignment(&docs[0], &docs[2], PASSAGE, 0.8),
    ];
    rows[1].detail = json!({"a": {"start": 1, "end": 2}, "ratio": 0.25, "name": "x\"y"});
    store
        .commit_reuse_batch(&[id("tass-1")], &rows, None)
        .unwrap();
    let mut seen = Vec::new();
    store
        .for_each_alignment_detail(|a, b, detail| {
            let value: serde_json::Value = serde_json::from_str(detail).unwrap();
            seen.push((a, b, value));
            Ok(())
        })
        .unwrap();
    let whole: Vec<_> = store
        .alignments()
        .unwrap()
        .into_iter()
        .map(|s| (s.a, s.b, s.detail))
        .collect();
    assert_eq!(seen, whole);
    assert_eq!(seen[1].2, rows[1].detail);
    // The callback's error stops the listing.
    let mut calls = 0;
    let stopped = store.for_each_alignment_detail(|_, _, _| {
        calls += 1;
        Err(echotrace_store::StoreError::InvalidRow {
            what: "test".into(),
            reason: "stop".into(),
        })
    });
    assert!(stopped.is_err());
    assert_eq!(calls, 1);
}

#[test]
fn a_reuse_batch_with_a_bad_row_stores_nothing_and_marks_nothing() {
    let mut store = store_with_corpus();
    let docs = corpus();
    store
        .commit_reuse_batch(&[], &[], Some(("reuse.index", b"before")))
        .unwrap();
    let good = alignment(&docs[0], &docs[1], PASSAGE, 0.9);
    let all = [id("tass-1"), id("sputnik-1"), id("ria-1")];

    // A span that ends inside the two-byte `у` of `Путин`.
    let mut split_char = alignment(&docs[0], &docs[2], PASSAGE, 0.8);
    split_char.b_span = ByteSpan::new(0, 3);
    // A span past the end of the text.
    let mut outside = good.clone();
    outside.a_span = ByteSpan::new(10, 10_000);
    // A document that is not stored.
    let mut unknown = good.clone();
    unknown.b = id("nowhere");
    // A score that SQLite would store as NULL.
    let mut nan = good.clone();
    nan.score = f64::NAN;

    for (bad, expect) in [
        (split_char, "ria-1"),
        (outside, "10..10000"),
        (unknown, "nowhere"),
        (nan, "score"),
    ] {
        let err = store
            .commit_reuse_batch(&all, &[good.clone(), bad], Some(("reuse.index", b"after")))
            .unwrap_err();
        assert!(matches!(err, StoreError::InvalidRow { .. }), "{err}");
        assert!(err.to_string().contains(expect), "{err}");
        assert!(store.alignments().unwrap().is_empty(), "{err}");
        assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 3, "{err}");
        assert_eq!(
            store.analysis_state("reuse.index").unwrap().as_deref(),
            Some(&b"before"[..])
        );
    }
    // An unknown document among the batch's documents.
    let err = store
        .commit_reuse_batch(
            &[id("tass-1"), id("nowhere")],
            std::slice::from_ref(&good),
            None,
        )
        .unwrap_err();
    assert!(err.to_string().contains("nowhere"), "{err}");
    assert!(store.alignments().unwrap().is_empty());
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 3);
}

#[test]
fn a_failure_inside_sqlite_midway_through_a_batch_rolls_it_all_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_documents(&corpus()).unwrap();
    let docs = corpus();
    // Marking the documents done comes last in both commits; make it fail there, after the
    // alignments, state, quotes and entities have been written.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER fail_marks BEFORE INSERT ON stage_done \
         WHEN new.doc_seq = (SELECT seq FROM documents WHERE id = 'ria-1') \
         BEGIN SELECT RAISE(ABORT, 'forced failure'); END;",
    )
    .unwrap();

    let err = store
        .commit_reuse_batch(
            &[id("tass-1"), id("sputnik-1"), id("ria-1")],
            &[alignment(&docs[0], &docs[1], PASSAGE, 0.9)],
            Some(("reuse.index", b"state")),
        )
        .unwrap_err();
    assert!(err.to_string().contains("forced failure"), "{err}");
    assert!(store.alignments().unwrap().is_empty());
    assert_eq!(store.analysis_state("reuse.index").unwrap(), None);
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 3);

    store
        .commit_quotes_batch(
            &[id("tass-1")],
            &[quote(&docs[0], PASSAGE, Some("Putin"))],
            &[],
        )
        .unwrap();
    let err = store
        .commit_quotes_batch(
            &[id("tass-1"), id("ria-1")],
            &[quote(&docs[2], PASSAGE, Some("Someone"))],
            &[StoredEntity {
                doc: id("ria-1"),
                kind: "person".into(),
                name: "Vladimir Putin".into(),
                aliases: vec![],
            }],
        )
        .unwrap_err();
    assert!(err.to_string().contains("forced failure"), "{err}");
    // tass-1's quotes were not cleared by the failed re-run; nothing of ria-1 was stored.
    assert_eq!(store.quotes_of(&id("tass-1")).unwrap().len(), 1);
    assert!(store.quotes_of(&id("ria-1")).unwrap().is_empty());
    assert!(store.entities_of(&id("ria-1")).unwrap().is_empty());
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 2);

    conn.execute_batch("DROP TRIGGER fail_marks").unwrap();
    store
        .commit_reuse_batch(
            &[id("tass-1"), id("sputnik-1"), id("ria-1")],
            &[alignment(&docs[0], &docs[1], PASSAGE, 0.9)],
            Some(("reuse.index", b"state")),
        )
        .unwrap();
    assert_eq!(store.alignments().unwrap().len(), 1);
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 0);
}

#[test]
fn a_documents_quotes_are_listed_by_where_they_end_nested_first() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let tass = &docs[0];
    let outer = quote(tass, "“We will not allow it.”", Some("Vladimir Putin"));
    let inner = quote(tass, "not allow it", None);
    let early = quote(tass, "the CSTO acted", Some("Putin"));
    store
        .commit_quotes_batch(
            std::slice::from_ref(&tass.id),
            &[outer.clone(), early.clone(), inner.clone()],
            &[],
        )
        .unwrap();
    let order = [early, inner, outer];
    assert_eq!(store.quotes_of(&tass.id).unwrap(), order);
    assert_eq!(store.quotes(None).unwrap(), order);
    assert_eq!(
        store.quotes_by_speaker("vladimir putin", 10).unwrap(),
        order[2..]
    );
}

#[test]
fn speech_alone_is_chosen_before_the_limit() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let tass = &docs[0];
    let mut thought = quote(tass, "the CSTO acted", Some("Putin"));
    thought.detail = json!({"class": "attitude"});
    let said = quote(tass, "“We will not allow it.”", Some("Vladimir Putin"));
    store
        .commit_quotes_batch(
            std::slice::from_ref(&tass.id),
            &[thought.clone(), said.clone()],
            &[],
        )
        .unwrap();
    let first = QuoteQuery::default().limit(1);
    assert_eq!(store.find_quotes(&first).unwrap(), [thought.clone()]);
    assert_eq!(
        store.find_quotes(&first.speech_only(true)).unwrap(),
        std::slice::from_ref(&said),
        "the attitude is left out before the limit, not after"
    );
    let of_doc = QuoteQuery::default().doc(tass.id.clone()).speech_only(true);
    assert_eq!(store.find_quotes(&of_doc).unwrap(), [said]);
    let putin = QuoteQuery::default().speaker("  PUTIN ");
    assert_eq!(store.find_quotes(&putin).unwrap(), [thought]);
    assert!(store
        .find_quotes(&putin.speech_only(true))
        .unwrap()
        .is_empty());
    assert!(store
        .find_quotes(&QuoteQuery::default().doc(id("ria-1")))
        .unwrap()
        .is_empty());
}

#[test]
fn re_running_a_quotes_batch_replaces_its_rows() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let tass = &docs[0];
    let said = "“We will not allow it.”";
    let mut split = quote(tass, said, Some("Vladimir Putin"));
    // A quote in two pieces, listed out of order, with cue and source.
    split.content = vec![
        span_of(&tass.text, "not allow"),
        span_of(&tass.text, "We will"),
    ];
    split.cue = Some(span_of(&tass.text, ":"));
    split.source = Some(span_of(&tass.text, "Vladimir Putin"));
    let early = quote(tass, "the CSTO acted", Some("Putin"));
    let entities = vec![
        StoredEntity {
            doc: tass.id.clone(),
            kind: "person".into(),
            name: "Vladimir Putin".into(),
            aliases: vec!["Putin".into()],
        },
        StoredEntity {
            doc: tass.id.clone(),
            kind: "organization".into(),
            name: "CSTO".into(),
            aliases: vec![],
        },
    ];
    let batch = [tass.id.clone()];
    store
        .commit_quotes_batch(&batch, &[split.clone(), early.clone()], &entities)
        .unwrap();
    // Content order: `the CSTO acted` comes first in the text.
    assert_eq!(
        store.quotes_of(&tass.id).unwrap(),
        [early.clone(), split.clone()]
    );
    assert_eq!(store.entities_of(&tass.id).unwrap(), entities);

    // The same batch again: the same rows, not twice as many.
    store
        .commit_quotes_batch(&batch, &[split.clone(), early.clone()], &entities)
        .unwrap();
    assert_eq!(store.quotes(None).unwrap().len(), 2);
    assert_eq!(store.entities_of(&tass.id).unwrap(), entities);
    // A re-run that finds less leaves less.
    store
        .commit_quotes_batch(&batch, std::slice::from_ref(&early), &[])
        .unwrap();
    assert_eq!(store.quotes_of(&tass.id).unwrap(), [early]);
    assert!(store.entities_of(&tass.id).unwrap().is_empty());

    // A quote of a document outside the batch is refused (a re-run could not replace it).
    let err = store
        .commit_quotes_batch(&batch, &[quote(&docs[1], PASSAGE, None)], &[])
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidRow { .. }), "{err}");
    assert!(err.to_string().contains("sputnik-1"), "{err}");
    assert_eq!(store.quotes_of(&tass.id).unwrap().len(), 1, "rolled back");
    // A cue off the character boundaries is refused, and the batch with it.
    let mut bad = quote(&docs[2], PASSAGE, None);
    bad.cue = Some(ByteSpan::new(1, 2));
    let err = store
        .commit_quotes_batch(&[id("ria-1")], &[bad], &[])
        .unwrap_err();
    assert!(err.to_string().contains("1..2"), "{err}");
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 2);
}

#[test]
fn quotes_by_speaker_ignore_case_and_spacing() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let all: Vec<DocId> = docs.iter().map(|d| d.id.clone()).collect();
    let quotes = [
        quote(&docs[2], PASSAGE, Some("Vladimir Putin")),
        quote(&docs[0], "We will not allow it.", Some("Vladimir  Putin")),
        quote(&docs[0], PASSAGE, Some("VLADIMIR PUTIN")),
        quote(&docs[1], "Tokayev agreed.", Some("Kassym-Jomart Tokayev")),
        quote(&docs[1], PASSAGE, None),
        quote(&docs[1], "Sputnik reports", Some("Vladimir Putin")),
    ];
    store.commit_quotes_batch(&all, &quotes, &[]).unwrap();

    let found = store.quotes_by_speaker("vladimir  PUTIN", 10).unwrap();
    // Document order (tass-1, sputnik-1, ria-1 as ingested), then content order.
    assert_eq!(
        found,
        [
            quotes[2].clone(),
            quotes[1].clone(),
            quotes[5].clone(),
            quotes[0].clone()
        ]
    );
    // The speaker as stored is kept as written.
    assert_eq!(found[1].speaker.as_deref(), Some("Vladimir  Putin"));
    assert_eq!(
        store
            .quotes_by_speaker(" Vladimir\tPutin ", 2)
            .unwrap()
            .len(),
        2
    );
    assert!(store.quotes_by_speaker("Putin", 10).unwrap().is_empty());
    assert!(store.quotes_by_speaker("  ", 10).unwrap().is_empty());

    assert_eq!(
        store.speakers(10).unwrap(),
        [
            ("Vladimir Putin".to_string(), 4),
            ("Kassym-Jomart Tokayev".to_string(), 1)
        ]
    );
    assert_eq!(store.speakers(1).unwrap().len(), 1);
    let all_quotes = store.quotes(None).unwrap();
    assert_eq!(all_quotes.len(), 6);
    assert_eq!(all_quotes[0].doc, id("tass-1"));
    assert_eq!(all_quotes[5].doc, id("ria-1"));
    assert_eq!(store.quotes(Some(2)).unwrap(), all_quotes[..2]);
}

#[test]
fn clusters_are_replaced_by_the_given_set_and_summarised() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let big = StoredCluster {
        id: "c-big".into(),
        origin: Some(id("sputnik-1")),
        origin_confidence: 0.6,
        earliest: vec![id("sputnik-1"), id("tass-1")],
        members: vec![
            member(&docs[1], PASSAGE, None),
            member(&docs[0], PASSAGE, Some("sputnik-1")),
            member(&docs[2], PASSAGE, Some("tass-1")),
            // The same document twice, with another passage.
            member(&docs[0], "Vladimir Putin", Some("sputnik-1")),
        ],
    };
    let small = StoredCluster {
        id: "a-small".into(),
        origin: None,
        origin_confidence: 0.0,
        earliest: vec![],
        members: vec![
            member(&docs[0], "We will", None),
            member(&docs[1], "Tokayev", None),
        ],
    };
    store
        .replace_clusters(&[small.clone(), big.clone()])
        .unwrap();
    assert_eq!(store.cluster_count().unwrap(), 2);
    assert_eq!(store.cluster("c-big").unwrap().as_ref(), Some(&big));
    assert_eq!(store.cluster("none").unwrap(), None);
    assert_eq!(store.clusters().unwrap(), [small.clone(), big.clone()]);
    assert_eq!(
        store.clusters_of(&id("ria-1")).unwrap(),
        std::slice::from_ref(&big)
    );
    assert_eq!(
        store.clusters_of(&id("tass-1")).unwrap(),
        [small.clone(), big.clone()]
    );

    let summaries = store.cluster_summaries(10, 0).unwrap();
    assert_eq!(summaries.len(), 2);
    let s = &summaries[0];
    assert_eq!(s.id, "c-big", "largest first");
    assert_eq!(s.origin, Some(id("sputnik-1")));
    assert_eq!((s.members, s.documents, s.sources), (4, 3, 3));
    // The day-precise Sputnik piece starts before the TASS one within that day.
    assert_eq!(s.first_published.as_deref(), Some("2022-01-10"));
    assert_eq!(s.last_published.as_deref(), Some("2022-01-11"));
    assert_eq!(summaries[1].id, "a-small");
    assert_eq!(summaries[1].origin, None);
    assert_eq!(store.cluster_summaries(1, 1).unwrap(), summaries[1..]);
    assert!(store.cluster_summaries(10, 2).unwrap().is_empty());

    // A bad replacement keeps the old clusters.
    let mut broken = small.clone();
    broken.members[1].span = ByteSpan::new(0, 1000);
    let err = store.replace_clusters(&[big.clone(), broken]).unwrap_err();
    assert!(matches!(err, StoreError::InvalidRow { .. }), "{err}");
    assert!(err.to_string().contains("a-small"), "{err}");
    let twice = store
        .replace_clusters(&[small.clone(), small.clone()])
        .unwrap_err();
    assert!(twice.to_string().contains("twice"), "{twice}");
    let mut unknown_parent = small.clone();
    unknown_parent.members[0].parent = Some(id("nowhere"));
    assert!(store.replace_clusters(&[unknown_parent]).is_err());
    assert_eq!(store.clusters().unwrap(), [small.clone(), big.clone()]);

    // A good one replaces everything.
    let mut renamed = small.clone();
    renamed.id = "z-only".into();
    store
        .replace_clusters(std::slice::from_ref(&renamed))
        .unwrap();
    assert_eq!(store.clusters().unwrap(), [renamed]);
    assert!(store.clusters_of(&id("ria-1")).unwrap().is_empty());
    store.replace_clusters(&[]).unwrap();
    assert_eq!(store.cluster_count().unwrap(), 0);
}

#[test]
fn replacing_clusters_rewrites_only_those_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let mut store = Store::open(&path).unwrap();
    let docs = corpus();
    store.insert_documents(&docs).unwrap();
    let cluster = |id: &str, confidence: f64, members: Vec<StoredMember>| StoredCluster {
        id: id.into(),
        origin: Some(members[0].doc.clone()),
        origin_confidence: confidence,
        earliest: vec![members[0].doc.clone()],
        members,
    };
    let kept = cluster(
        "kept",
        0.9,
        vec![
            member(&docs[0], PASSAGE, None),
            member(&docs[1], PASSAGE, Some("tass-1")),
        ],
    );
    let changed = cluster("changed", 0.5, vec![member(&docs[1], "Tokayev", None)]);
    let dropped = cluster("dropped", 0.5, vec![member(&docs[0], "We will", None)]);
    store
        .replace_clusters(&[kept.clone(), changed.clone(), dropped])
        .unwrap();
    let rowids = || -> Vec<(String, i64)> {
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT id, rowid FROM clusters ORDER BY id")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
            .unwrap();
        rows.map(Result::unwrap).collect()
    };
    let before = rowids();

    // One more member and another confidence: the summary follows the new members.
    let mut grown = changed.clone();
    grown.origin_confidence = 0.7;
    grown
        .members
        .push(member(&docs[2], PASSAGE, Some("sputnik-1")));
    let added = cluster("added", 0.4, vec![member(&docs[2], "Путин", None)]);
    store
        .replace_clusters(&[kept.clone(), grown.clone(), added.clone()])
        .unwrap();
    assert_eq!(
        store.clusters().unwrap(),
        [added.clone(), grown.clone(), kept.clone()]
    );
    let after = rowids();
    let rowid = |rows: &[(String, i64)], id: &str| rows.iter().find(|r| r.0 == id).map(|r| r.1);
    assert_eq!(
        rowid(&after, "kept"),
        rowid(&before, "kept"),
        "left as stored"
    );
    assert_ne!(
        rowid(&after, "changed"),
        rowid(&before, "changed"),
        "rewritten"
    );
    assert_eq!(rowid(&after, "dropped"), None);
    let summary = store
        .cluster_summaries(10, 0)
        .unwrap()
        .into_iter()
        .find(|s| s.id == "changed")
        .unwrap();
    assert_eq!((summary.members, summary.documents), (2, 2));
    assert_eq!(summary.last_published.as_deref(), Some("2022-01-11"));
    // A member's evidence alone is a change too.
    let mut reasoned = kept.clone();
    reasoned.members[1].evidence = json!(["credit line"]);
    store
        .replace_clusters(&[reasoned.clone(), grown.clone(), added.clone()])
        .unwrap();
    assert_eq!(store.cluster("kept").unwrap(), Some(reasoned));
}

#[test]
fn credits_are_recorded_once_and_read_without_the_text() {
    let mut store = store_with_corpus();
    let facts = store.document_facts().unwrap();
    assert_eq!(facts.len(), 3);
    assert_eq!(
        facts[1],
        StoredFacts {
            id: id("sputnik-1"),
            source: SourceId::new("Sputnik"),
            published: Published::parse("2022-01-10"),
            credits: None,
        }
    );
    store
        .record_credits(&[(id("ria-1"), vec!["TASS".into(), "РИА".into()])])
        .unwrap();
    store.record_credits(&[(id("tass-1"), vec![])]).unwrap();
    let facts = store.document_facts().unwrap();
    let credits: Vec<Option<Vec<String>>> = facts.into_iter().map(|f| f.credits).collect();
    assert_eq!(
        credits,
        [
            Some(vec![]),
            None,
            Some(vec!["TASS".to_string(), "РИА".to_string()])
        ]
    );
    // One unknown document and nothing of the batch is stored.
    let err = store
        .record_credits(&[
            (id("sputnik-1"), vec!["RIA".into()]),
            (id("nowhere"), vec![]),
        ])
        .unwrap_err();
    assert!(err.to_string().contains("nowhere"), "{err}");
    assert_eq!(store.document_facts().unwrap()[1].credits, None);
}

#[test]
fn stats_count_the_analysis() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.alignments,
            stats.clusters,
            stats.quotes,
            stats.pending_reuse,
            stats.pending_quotes
        ),
        (0, 0, 0, 3, 3)
    );
    store
        .commit_reuse_batch(
            &[id("tass-1"), id("sputnik-1")],
            &[
                alignment(&docs[0], &docs[1], PASSAGE, 0.9),
                alignment(&docs[0], &docs[2], PASSAGE, 0.9),
            ],
            None,
        )
        .unwrap();
    store
        .commit_quotes_batch(
            &[id("tass-1")],
            &[
                quote(&docs[0], PASSAGE, None),
                quote(&docs[0], "We will", Some("Putin")),
            ],
            &[],
        )
        .unwrap();
    store
        .replace_clusters(&[StoredCluster {
            id: "c".into(),
            origin: None,
            origin_confidence: 0.5,
            earliest: vec![],
            members: vec![member(&docs[0], PASSAGE, None)],
        }])
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.alignments,
            stats.clusters,
            stats.quotes,
            stats.pending_reuse,
            stats.pending_quotes
        ),
        (2, 1, 2, 1, 2)
    );
    assert_eq!(stats.schema_version, SCHEMA_VERSION);
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["pending_quotes"], 2);
}

#[test]
fn deleting_a_document_by_hand_takes_what_was_found_in_it() {
    // echotrace never deletes documents; someone with the sqlite3 shell might.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_documents(&corpus()).unwrap();
    let docs = corpus();
    store
        .commit_reuse_batch(
            &[id("tass-1"), id("ria-1")],
            &[
                alignment(&docs[0], &docs[1], PASSAGE, 0.9),
                alignment(&docs[1], &docs[2], PASSAGE, 0.9),
            ],
            None,
        )
        .unwrap();
    store
        .commit_quotes_batch(
            &[id("tass-1"), id("ria-1")],
            &[quote(&docs[0], PASSAGE, Some("Putin"))],
            &[StoredEntity {
                doc: id("tass-1"),
                kind: "person".into(),
                name: "Putin".into(),
                aliases: vec![],
            }],
        )
        .unwrap();
    store
        .replace_clusters(&[StoredCluster {
            id: "c".into(),
            origin: Some(id("tass-1")),
            origin_confidence: 0.5,
            earliest: vec![id("tass-1")],
            members: vec![
                member(&docs[0], PASSAGE, None),
                member(&docs[2], PASSAGE, Some("tass-1")),
            ],
        }])
        .unwrap();
    let pending_paraphrase = store.pending(Stage::Paraphrase).unwrap();
    assert_eq!(pending_paraphrase.len(), 3);

    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    conn.execute("DELETE FROM documents WHERE id = 'tass-1'", [])
        .unwrap();
    drop(conn);

    // Listed before the deletion, read after it: the deleted one is left out.
    let read = store.pending_batch(&pending_paraphrase, 0..3).unwrap();
    assert_eq!(
        read.iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        [id("sputnik-1"), id("ria-1")]
    );

    assert_eq!(store.alignments().unwrap().len(), 1);
    assert!(store.quotes(None).unwrap().is_empty());
    assert!(store.speakers(10).unwrap().is_empty());
    assert_eq!(store.pending_count(Stage::Quotes).unwrap(), 1);
    let c = store.cluster("c").unwrap().expect("the cluster stays");
    assert_eq!(c.origin, None);
    assert_eq!(c.members.len(), 1);
    assert_eq!(c.members[0].doc, id("ria-1"));
    assert_eq!(c.members[0].parent, None);
    let fk: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

#[test]
fn paraphrase_batches_store_their_kind_and_vectors_and_mark_their_own_stage() {
    let mut store = store_with_corpus();
    let docs = corpus();
    let (tass, ria) = (&docs[0], &docs[2]);
    let mut al = alignment(tass, ria, PASSAGE, 0.91);
    al.kind = AlignmentKind::Paraphrase;
    let vector = |x: f32| vec![x, (1.0 - x * x).sqrt(), 0.0];
    let vectors = [
        StoredVector {
            doc: tass.id.clone(),
            span: span_of(&tass.text, PASSAGE),
            vector: vector(0.6),
        },
        StoredVector {
            doc: ria.id.clone(),
            span: span_of(&ria.text, PASSAGE),
            vector: vector(0.8),
        },
    ];
    let ids = [tass.id.clone(), ria.id.clone()];
    store
        .commit_paraphrase_batch(&ids, &[al.clone()], &vectors, "mini")
        .unwrap();
    // Twice: a re-run changes nothing.
    store
        .commit_paraphrase_batch(&ids, &[al.clone()], &vectors, "mini")
        .unwrap();
    assert_eq!(store.alignments().unwrap(), [al]);
    assert_eq!(
        store.sentence_vectors(&tass.id, "mini").unwrap(),
        [vectors[0].clone()]
    );
    assert!(store
        .sentence_vectors(&tass.id, "other-model")
        .unwrap()
        .is_empty());
    assert_eq!(store.sentence_vector_count().unwrap(), 2);
    assert_eq!(store.pending_count(Stage::Paraphrase).unwrap(), 1);
    assert_eq!(store.pending_count(Stage::Reuse).unwrap(), 3);

    // A vector that is not finite refuses the whole batch.
    let mut bad = vectors[1].clone();
    bad.vector[0] = f32::NAN;
    let sputnik = docs[1].id.clone();
    let err = store
        .commit_paraphrase_batch(&[sputnik], &[], &[bad], "mini")
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidRow { .. }), "{err}");
    assert_eq!(store.pending_count(Stage::Paraphrase).unwrap(), 1);
}
