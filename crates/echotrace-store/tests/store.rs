//! Behaviour of the store through its public API, on real text (the seed page).

use echotrace_core::{ByteSpan, DatePrecision, DocId, Document, Published, SourceId};
use echotrace_store::{RunCounts, Store, StoreError, MATCH_END, MATCH_START, SCHEMA_VERSION};
use rusqlite::Connection;
use serde_json::json;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1da12e83afc5f8cf.txt"
));

/// The seed page as ingest makes it: byline line out of the body, blog footer out of the body.
fn seed_document() -> Document {
    let start = SEED.find('\n').expect("seed has a byline line") + 1;
    let end = SEED.find("\nNo comments:").expect("seed has a blog footer");
    let mut doc = Document::new(DocId::new("1da12e83afc5f8cf"), SEED);
    doc.body = ByteSpan::new(start, end);
    doc.source = SourceId::new("Sputnik");
    doc.url = Some("https://example.blogspot.com/2022/01/tokayev-csto.html".into());
    doc.published = Published::parse("2022-01-10");
    doc.title = Some("Tokayev: Kazakhstan unrest was “an attempted coup”".into());
    doc.language = Some("eng".into());
    doc.origin = Some("shared/seed/000_1da12e83afc5f8cf.txt".into());
    doc.metadata.insert("author".into(), json!("Смирнов Ю."));
    doc.metadata.insert(
        "tags".into(),
        json!(["Kazakhstan", "CSTO", {"nested": [1, 2.5, null, true]}]),
    );
    doc.metadata
        .insert("shares".into(), json!(1234567890123_u64));
    doc
}

fn doc(id: &str, source: &str, date: Option<&str>, language: Option<&str>, text: &str) -> Document {
    let mut d = Document::new(DocId::new(id), text);
    d.source = SourceId::new(source);
    d.published = date.and_then(Published::parse);
    d.language = language.map(str::to_string);
    d
}

#[test]
fn seed_document_round_trips_every_field() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = seed_document();
    assert!(seed
        .body_text()
        .starts_with("Speaking at an extraordinary session"));
    assert!(seed
        .body_text()
        .ends_with("taken advantage of the situation.”"));

    let outcome = store.insert_documents(std::slice::from_ref(&seed)).unwrap();
    assert_eq!(outcome.added, 1);
    assert!(outcome.conflicts.is_empty());

    let back = store.document(&seed.id).unwrap().expect("stored");
    assert_eq!(back, seed);
    assert_eq!(back.body_text(), seed.body_text());
    assert_eq!(back.published.unwrap().precision(), DatePrecision::Day);
    assert_eq!(back.published.unwrap().to_string(), "2022-01-10");
    assert_eq!(back.metadata["author"], "Смирнов Ю.");
    assert_eq!(store.document(&DocId::new("missing")).unwrap(), None);
}

#[test]
fn every_precision_round_trips_even_where_the_iso_text_cannot_tell() {
    let mut store = Store::open_in_memory().unwrap();
    // An hour and a minute both print as `…T09:00Z`: the precision column keeps them apart.
    let at = chrono::DateTime::parse_from_rfc3339("2022-01-10T09:00:00Z")
        .unwrap()
        .to_utc();
    let precisions = [
        DatePrecision::Year,
        DatePrecision::Month,
        DatePrecision::Day,
        DatePrecision::Hour,
        DatePrecision::Minute,
        DatePrecision::Second,
    ];
    let docs: Vec<Document> = precisions
        .iter()
        .map(|&p| {
            let mut d = Document::new(DocId::new(p.as_str()), "Putin warned on Monday.");
            d.published = Some(Published::new(at, p));
            d
        })
        .collect();
    store.insert_documents(&docs).unwrap();
    for d in &docs {
        assert_eq!(store.document(&d.id).unwrap().as_ref(), Some(d));
    }
}

#[test]
fn reinserting_the_same_documents_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = seed_document();
    let other = doc(
        "tass-1",
        "tass.com",
        Some("2022-01-10T09:30:15Z"),
        Some("eng"),
        "Tokayev said.",
    );
    store
        .insert_documents(&[seed.clone(), other.clone()])
        .unwrap();

    // Found again through another path: same content, so not a conflict; first origin kept.
    let mut again = seed.clone();
    again.origin = Some("export.jsonl:1".into());
    let outcome = store.insert_documents(&[again, other]).unwrap();
    assert_eq!(outcome.added, 0);
    assert_eq!(outcome.unchanged, 2);
    assert!(outcome.conflicts.is_empty());
    assert_eq!(store.document_count().unwrap(), 2);
    assert_eq!(
        store.document(&seed.id).unwrap().unwrap().origin,
        seed.origin
    );
    assert_eq!(store.sources().unwrap().len(), 2);
}

#[test]
fn same_id_with_other_content_is_a_conflict_and_the_stored_copy_stays() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = seed_document();
    store.insert_documents(std::slice::from_ref(&seed)).unwrap();

    let mut edited = seed.clone();
    edited.text = edited.text.replace("Organisation", "Organization");
    let mut retitled = seed.clone();
    retitled.title = Some("Another title".into());
    let fresh = doc("new", "Sputnik", None, None, "A new text.");
    let outcome = store
        .insert_documents(&[edited, fresh.clone(), retitled])
        .unwrap();
    assert_eq!(outcome.added, 1);
    assert_eq!(outcome.unchanged, 0);
    assert_eq!(outcome.conflicts, vec![seed.id.clone(), seed.id.clone()]);
    assert_eq!(store.document(&seed.id).unwrap(), Some(seed));
    assert_eq!(store.document(&fresh.id).unwrap(), Some(fresh));

    // Within one batch too: the first copy wins, the second is reported.
    let a = doc("dup", "Sputnik", None, None, "First version.");
    let b = doc("dup", "Sputnik", None, None, "Second version.");
    let outcome = store.insert_documents(&[a.clone(), b]).unwrap();
    assert_eq!((outcome.added, outcome.conflicts.len()), (1, 1));
    assert_eq!(store.document(&a.id).unwrap(), Some(a));
}

#[test]
fn a_batch_that_fails_midway_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let good_a = seed_document();
    let good_b = doc(
        "tass-1",
        "tass.com",
        Some("2022-01-10"),
        Some("eng"),
        "Tokayev told the CSTO.",
    );
    // The body ends inside the two-byte `é`: not a span of this text.
    let mut bad = doc("bad", "ria.ru", None, None, "Café");
    bad.body = ByteSpan::new(0, 4);

    let err = store
        .insert_documents(&[good_a.clone(), good_b.clone(), bad])
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::InvalidDocument { id, .. } if id.as_str() == "bad"),
        "{err}"
    );
    assert!(err.to_string().contains("bad"), "{err}");
    assert_eq!(store.document_count().unwrap(), 0);
    assert!(
        store.sources().unwrap().is_empty(),
        "sources of the failed batch stay"
    );
    assert!(
        store.search("Tokayev", 10).unwrap().is_empty(),
        "index rolled back"
    );

    let empty_id = doc("", "ria.ru", None, None, "No id.");
    let err = store
        .insert_documents(&[good_b.clone(), empty_id])
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidDocument { .. }), "{err}");
    assert_eq!(store.document_count().unwrap(), 0);

    // Re-running the batch without the bad document completes the job.
    let outcome = store.insert_documents(&[good_a, good_b]).unwrap();
    assert_eq!(outcome.added, 2);
    assert_eq!(store.search("Tokayev", 10).unwrap().len(), 2);
}

#[test]
fn a_file_store_is_wal_and_keeps_its_data_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("echotrace.db");
    let seed = seed_document();
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        store.insert_documents(std::slice::from_ref(&seed)).unwrap();
        // Committed data sits in the write-ahead log until a checkpoint.
        assert!(dir.path().join("echotrace.db-wal").exists());

        // A second handle (another process, in real use) sees the committed batch.
        let reader = Store::open(&path).unwrap();
        assert_eq!(reader.document_count().unwrap(), 1);
    }
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // The index agrees with the bodies cut out by byte offsets (the seed has multi-byte quotes).
    conn.execute(
        "INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.document(&seed.id).unwrap(), Some(seed));
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.stats().unwrap().file_size_bytes.unwrap() > 0);
}

#[test]
fn opening_an_empty_file_migrates_it_to_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::File::create(&path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in [
        "documents",
        "documents_fts",
        "ingest_runs",
        "rejections",
        "sources",
    ] {
        assert!(
            tables.iter().any(|t| t == table),
            "{table} missing from {tables:?}"
        );
    }
    drop(conn);
    // Opening again applies nothing twice.
    assert_eq!(
        Store::open(&path).unwrap().schema_version().unwrap(),
        SCHEMA_VERSION
    );
}

#[test]
fn a_store_from_a_newer_echotrace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);

    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::SchemaTooNew {
            found, supported, ..
        } => {
            assert_eq!((*found, *supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("newer") && message.contains("future.db"),
        "{message}"
    );

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 1);
}

#[test]
fn files_that_are_not_stores_are_refused_and_not_modified() {
    let dir = tempfile::tempdir().unwrap();

    let foreign = dir.path().join("other-app.db");
    let conn = Connection::open(&foreign).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(conn);
    let err = Store::open(&foreign).unwrap_err();
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    let conn = Connection::open(&foreign).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "no echotrace tables were added");
    drop(conn);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, SEED).unwrap();
    let err = Store::open(&text).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt"), "{err}");
    assert_eq!(std::fs::read_to_string(&text).unwrap(), SEED);
}

#[test]
fn full_text_search_finds_body_words_with_snippets() {
    let mut store = Store::open_in_memory().unwrap();
    let seed = seed_document();
    let other = doc(
        "tass-1",
        "tass.com",
        Some("2022-01-10"),
        Some("eng"),
        "Russian President Vladimir Putin warned that Maidan technologies were used.",
    );
    store.insert_documents(&[seed.clone(), other]).unwrap();

    let hits = store.search("unprecedented", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, seed.id);
    assert_eq!(hits[0].title, seed.title);
    let marked = format!("{MATCH_START}unprecedented{MATCH_END}");
    assert!(hits[0].snippet.contains(&marked), "{}", hits[0].snippet);

    // Case and diacritics are folded; all words must occur; phrases and prefixes work.
    assert_eq!(store.search("TOKÁYEV", 10).unwrap().len(), 1);
    assert_eq!(store.search("Putin Maidan", 10).unwrap().len(), 2);
    assert_eq!(store.search("Putin unprecedented", 10).unwrap().len(), 1);
    assert_eq!(store.search("\"attempted coup\"", 10).unwrap().len(), 1);
    assert_eq!(store.search("\"coup attempted\"", 10).unwrap().len(), 0);
    assert_eq!(store.search("Tokay*", 10).unwrap().len(), 1);
    // The title is indexed.
    assert_eq!(
        store
            .search("attempted coup kazakhstan unrest", 10)
            .unwrap()[0]
            .id,
        seed.id
    );
    // Text outside the body (byline, blog footer) is not.
    assert!(store.search("comments", 10).unwrap().is_empty());
    // Limits.
    assert_eq!(store.search("Putin", 1).unwrap().len(), 1);
    assert!(store.search("Putin", 0).unwrap().is_empty());
}

#[test]
fn hostile_queries_are_text_not_syntax() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_documents(&[seed_document()]).unwrap();
    let long = "Tokayev ".repeat(20_000);
    let queries = [
        "\"",
        "\"\"\"",
        "AND (",
        "*",
        "**",
        "NEAR(",
        "NOT",
        "OR OR OR",
        "a AND",
        "title:Tokayev",
        "{title body}: coup",
        "-coup",
        "^coup",
        "coup +",
        "'; DROP TABLE documents; --",
        "\0",
        "Tokayev\0said",
        "\u{345}",
        "\u{301}\u{301}",
        "😀 🇰🇿",
        "ͅ*",
        "東京*",
        long.as_str(),
    ];
    for q in queries {
        let result = store.search(q, 5);
        assert!(result.is_ok(), "{q:?}: {:?}", result.err());
    }
    // Read as a column filter this would match the title; as text it is the phrase
    // "title tokayev", which the page does not contain.
    assert_eq!(store.search("title:Tokayev", 5).unwrap().len(), 0);
    assert_eq!(store.search("Kassym-Jomart", 5).unwrap().len(), 1);
    // As syntax this would exclude the page; as text all three words are in it.
    assert_eq!(store.search("coup NOT Tokayev", 5).unwrap().len(), 1);
    assert_eq!(store.search(&long, 5).unwrap().len(), 1);
    assert_eq!(store.document_count().unwrap(), 1);

    // Random mixes of FTS5 syntax, words, accents, controls and quotes (a fixed-seed LCG, so a
    // failure reproduces).
    let alphabet: Vec<char> = "\"'()*:^+-{}. ,NEARNOTANDOR coupTokayevé\u{301}\u{345}😀東\0\n\t"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (state >> 58) as usize;
        let q: String = (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                alphabet[(state >> 33) as usize % alphabet.len()]
            })
            .collect();
        assert!(store.search(&q, 3).is_ok(), "{q:?}");
    }

    // Every prefix of a mix of FTS5 syntax characters.
    let syntax = "\"(*)^:+-{}NEAR AND OR NOT\"'ü";
    for end in 0..=syntax.len() {
        if let Some(q) = syntax.get(..end) {
            assert!(store.search(q, 5).is_ok(), "{q:?}");
        }
    }
}

#[test]
fn stats_count_what_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = [
        seed_document(),
        doc(
            "tass-1",
            "tass.com",
            Some("2022-01-10T09:30:15Z"),
            Some("eng"),
            "Tokayev said.",
        ),
        doc(
            "ria-1",
            "ria.ru",
            Some("2022-01-11"),
            Some("rus"),
            "Токаев заявил.",
        ),
        doc("ria-2", "ria.ru", None, None, "Без даты."),
        doc("ria-3", "ria.ru", Some("2021"), Some("rus"), "Год."),
    ];
    store.insert_documents(&docs).unwrap();
    let run = store.begin_run(&["corpus.jsonl", "pages/"]).unwrap();
    store
        .record_rejections(
            run,
            &[
                ("corpus.jsonl", "line 3", "malformed JSON: expected value"),
                ("pages/broken.html.gz", "", "truncated gzip stream"),
            ],
        )
        .unwrap();

    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.sources, 3);
    assert_eq!(stats.languages["eng"], 2);
    assert_eq!(stats.languages["rus"], 2);
    assert_eq!(stats.languages["und"], 1);
    assert_eq!(stats.languages.len(), 3);
    assert_eq!(stats.earliest_published.as_deref(), Some("2021"));
    assert_eq!(stats.latest_published.as_deref(), Some("2022-01-11"));
    assert_eq!(stats.undated_documents, 1);
    assert_eq!(stats.ingest_runs, 1);
    assert_eq!(stats.rejections, 2);
    assert_eq!(stats.schema_version, SCHEMA_VERSION);
    assert_eq!(stats.file_size_bytes, None);
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["languages"]["rus"], 2);

    let sources = store.sources().unwrap();
    let names: Vec<(&str, u64)> = sources
        .iter()
        .map(|s| (s.name.as_str(), s.documents))
        .collect();
    assert_eq!(names, [("ria.ru", 3), ("Sputnik", 1), ("tass.com", 1)]);
}

#[test]
fn ingest_runs_are_recorded() {
    let mut store = Store::open_in_memory().unwrap();
    let inputs = vec!["corpus.jsonl".to_string(), "-".to_string()];
    let run = store.begin_run(&inputs).unwrap();
    let started = store.run(run).unwrap().unwrap();
    assert_eq!(started.inputs, inputs);
    assert_eq!(started.finished_at, None);

    let rejections = [(
        "corpus.jsonl".to_string(),
        "line 7".to_string(),
        "missing `text` and `html`".to_string(),
    )];
    store.record_rejections(run, &rejections).unwrap();
    let counts = RunCounts {
        documents_added: 80,
        duplicates: 2,
        rejected: 1,
    };
    store.finish_run(run, counts).unwrap();

    let finished = store.run(run).unwrap().unwrap();
    assert_eq!(finished.counts, counts);
    assert!(finished.finished_at.unwrap() >= finished.started_at);
    let stored = store.rejections(run).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].location, "line 7");

    let second = store.begin_run(&["more.jsonl"]).unwrap();
    assert_ne!(second, run);
    assert!(store.rejections(second).unwrap().is_empty());

    // A run id from elsewhere is an error, not a silent no-op.
    drop(store);
    let mut other = Store::open_in_memory().unwrap();
    assert!(matches!(
        other.finish_run(run, counts),
        Err(StoreError::UnknownRun(_))
    ));
    assert!(matches!(
        other.record_rejections(run, &rejections),
        Err(StoreError::UnknownRun(_))
    ));
}

#[test]
fn documents_stream_in_id_order_across_pages() {
    let mut store = Store::open_in_memory().unwrap();
    // More than one page of the iterator, inserted out of order, in several batches.
    let mut ids: Vec<String> = (0..700)
        .map(|i| format!("doc-{:04}", (i * 37) % 700))
        .collect();
    for chunk in ids.chunks(100) {
        let docs: Vec<Document> = chunk
            .iter()
            .map(|id| {
                doc(
                    id,
                    "tass.com",
                    Some("2022-01-10"),
                    Some("eng"),
                    &format!("Text of {id}."),
                )
            })
            .collect();
        store.insert_documents(&docs).unwrap();
    }
    ids.sort();
    let streamed: Vec<String> = store
        .documents()
        .map(|d| d.unwrap().id.as_str().to_string())
        .collect();
    assert_eq!(streamed, ids);
    assert_eq!(store.document_count().unwrap(), 700);
    let first = store.documents().next().unwrap().unwrap();
    assert_eq!(first.text, "Text of doc-0000.");

    let empty = Store::open_in_memory().unwrap();
    assert_eq!(empty.documents().count(), 0);
}

#[test]
fn two_connections_writing_at_once_wait_for_each_other_instead_of_failing() {
    // A server and a command-line run (or two stages) may write to one file. A transaction
    // that read before it wrote could not wait for a lock taken since and would fail with
    // SQLITE_BUSY; a write transaction takes the lock when it begins and waits its turn.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    drop(Store::open(&path).unwrap());
    let text = seed_document().text;
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (path, text) = (path.clone(), text.clone());
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for i in 0..150 {
                    let d = doc(&format!("w{w}-{i}"), "tass.com", None, None, &text);
                    store
                        .insert_documents(&[d])
                        .unwrap_or_else(|e| panic!("writer {w}, batch {i}: {e}"));
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(Store::open(&path).unwrap().document_count().unwrap(), 300);
}
