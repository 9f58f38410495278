//! Keeps `docs/schema.md` honest: every column is documented, and every example query runs.

use echotrace_core::{ByteSpan, DocId, Document, Published, SourceId};
use echotrace_store::{
    Store, StoredAlignment, StoredCluster, StoredEntity, StoredMember, StoredQuote,
};
use rusqlite::Connection;
use serde_json::json;

const SCHEMA_MD: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/schema.md"));
const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_1da12e83afc5f8cf.txt"
));

fn sql_blocks() -> Vec<String> {
    SCHEMA_MD
        .split("```sql\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .map(str::to_string)
        .collect()
}

fn populated_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("echotrace.db");
    let mut store = Store::open(&path).unwrap();
    let start = SEED.find('\n').unwrap() + 1;
    let end = SEED.find("\nNo comments:").unwrap();
    let mut seed = Document::new(DocId::new("1da12e83afc5f8cf"), SEED);
    seed.body = ByteSpan::new(start, end);
    seed.source = SourceId::new("Sputnik");
    seed.published = Published::parse("2022-01-10");
    seed.title = Some("Tokayev: the unrest was an attempted coup".into());
    seed.metadata
        .insert("author".into(), "Sputnik staff".into());
    let mut tass = Document::new(DocId::new("tass-1"), "Putin warned on Monday.");
    tass.source = SourceId::new("tass.com");
    tass.published = Published::parse("2022-01-10T09:30:15Z");
    tass.language = Some("eng".into());
    let mut month = Document::new(DocId::new("ria-1"), "Токаев заявил.");
    month.source = SourceId::new("ria.ru");
    month.published = Published::parse("2022-01");
    store.insert_documents(&[seed, tass, month]).unwrap();
    let (seed_id, tass_id) = (DocId::new("1da12e83afc5f8cf"), DocId::new("tass-1"));
    let seed_span = ByteSpan::new(start, start + 8); // "Speaking"
    store
        .commit_reuse_batch(
            &[seed_id.clone(), tass_id.clone()],
            &[StoredAlignment {
                a: seed_id.clone(),
                a_span: seed_span,
                b: tass_id.clone(),
                b_span: ByteSpan::new(0, 5),
                score: 12.0,
                identity: 0.5,
                detail: json!(null),
                kind: Default::default(),
            }],
            Some(("reuse.index", b"\x00\x01")),
        )
        .unwrap();
    store
        .replace_clusters(&[StoredCluster {
            id: "c1".into(),
            origin: Some(seed_id.clone()),
            origin_confidence: 0.8,
            earliest: vec![seed_id.clone()],
            members: vec![
                StoredMember {
                    doc: seed_id.clone(),
                    span: seed_span,
                    parent: None,
                    confidence: 0.8,
                    evidence: json!({}),
                },
                StoredMember {
                    doc: tass_id.clone(),
                    span: ByteSpan::new(0, 5),
                    parent: Some(seed_id.clone()),
                    confidence: 0.7,
                    evidence: json!({"later": true}),
                },
            ],
        }])
        .unwrap();
    store
        .commit_quotes_batch(
            std::slice::from_ref(&tass_id),
            &[StoredQuote {
                doc: tass_id.clone(),
                kind: "reported".into(),
                content: vec![ByteSpan::new(13, 22)],
                cue: Some(ByteSpan::new(6, 12)),
                source: Some(ByteSpan::new(0, 5)),
                speaker: Some("Vladimir  Putin".into()),
                detail: json!({"class": "speech"}),
            }],
            &[StoredEntity {
                doc: tass_id.clone(),
                kind: "person".into(),
                name: "Vladimir Putin".into(),
                aliases: vec!["Putin".into()],
            }],
        )
        .unwrap();
    let run = store.begin_run(&["corpus.jsonl"]).unwrap();
    store
        .record_rejections(run, &[("corpus.jsonl", "line 3", "malformed JSON")])
        .unwrap();
    path
}

#[test]
fn every_column_is_documented() {
    let store_dir = tempfile::tempdir().unwrap();
    let path = store_dir.path().join("s.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    for table in [
        "sources",
        "documents",
        "ingest_runs",
        "rejections",
        "documents_fts_content",
        "stage_done",
        "analysis_state",
        "alignments",
        "clusters",
        "cluster_members",
        "quotes",
        "entities",
    ] {
        let heading = format!("### `{table}`");
        let section = SCHEMA_MD
            .split(&heading)
            .nth(1)
            .unwrap_or_else(|| panic!("docs/schema.md has no section {heading}"));
        let section = section.split("\n### ").next().unwrap_or_default();
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!columns.is_empty(), "{table}");
        for column in columns {
            assert!(
                section.contains(&format!("`{column}`")),
                "column {table}.{column} is not documented in docs/schema.md"
            );
        }
    }
}

#[test]
fn example_queries_run_and_answer() {
    let dir = tempfile::tempdir().unwrap();
    let path = populated_file(dir.path());
    let conn = Connection::open(&path).unwrap();
    let blocks = sql_blocks();
    assert!(blocks.len() >= 5, "{blocks:?}");
    let mut answers = Vec::new();
    for sql in &blocks {
        let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
        let n = stmt.column_count();
        let rows: Vec<Vec<String>> = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect()
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{e}\n{sql}"));
        assert!(!rows.is_empty(), "no rows from\n{sql}");
        answers.push(rows);
    }
    // Per source per day: the month-dated document belongs to no day.
    assert_eq!(answers[0].len(), 2);
    // The day: the seed (a whole day) and the TASS piece (a second within it).
    assert_eq!(answers[1].len(), 2);
    // May have appeared that day: adds the month-dated one.
    assert_eq!(answers[2].len(), 3);
    // Full-text search.
    assert_eq!(answers[3].len(), 1);
    assert!(
        answers[3][0][2].contains("[attempted coup]"),
        "{:?}",
        answers[3]
    );
    // Body.
    assert!(answers[4][0][0].contains("Speaking at an extraordinary session"));
    assert!(!answers[4][0][0].contains("Post a Comment"));

    // The analysis examples, from the end.
    let n = answers.len();
    let progress = &answers[n - 1];
    assert_eq!(progress.len(), 2, "{progress:?}");
    let most_reused = &answers[n - 2];
    assert_eq!(most_reused.len(), 2, "{most_reused:?}");
    assert!(
        most_reused[0][0].contains("1da12e83afc5f8cf"),
        "{most_reused:?}"
    );
    let speakers = &answers[n - 3];
    assert!(speakers[0][0].contains("Putin"), "{speakers:?}");
    let putin = &answers[n - 4];
    assert_eq!(putin.len(), 1);
    assert!(putin[0][3].contains("on Monday"), "{putin:?}");
    let members = &answers[n - 5];
    assert_eq!(members.len(), 2);
    assert!(members[0][4].contains("Speaking"), "{members:?}");
    assert!(members[1][3].contains("1da12e83afc5f8cf"), "{members:?}");
    let clusters = &answers[n - 6];
    assert!(clusters[0][3].contains("1da12e83afc5f8cf"), "{clusters:?}");
    assert!(clusters[0][4].contains("Sputnik"), "{clusters:?}");
}
