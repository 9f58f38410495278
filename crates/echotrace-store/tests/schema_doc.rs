//! Keeps `docs/schema.md` honest: every column is documented, and every example query runs.

use echotrace_core::{ByteSpan, DocId, Document, Published, SourceId};
use echotrace_store::Store;
use rusqlite::Connection;

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
}
