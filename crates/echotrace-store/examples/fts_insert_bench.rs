//! Times `Store::insert_documents` (and with it the full-text index) on a JSONL corpus, under an
//! FTS5 `automerge` setting, with or without an `optimize` afterwards, and then full-text search.
//!
//! ```sh
//! cargo run --release -p echotrace-store --example fts_insert_bench -- \
//!     corpus.jsonl /tmp/bench.db [SETTINGS|default] [--optimize] [--batch N] [--no-search]
//! ```
//!
//! SETTINGS are FTS5 configuration options set before the first insert, `key=value` separated by
//! commas (`automerge=8`, `automerge=8,hashsize=8388608`); a bare number is `automerge`.
//!
//! The corpus is one JSON object a line with `id` and `text`, optionally `title`, `source`,
//! `url` (what `shared/eval/reuse/make_corpus.py` writes). The database file is replaced.

use echotrace_core::{DocId, Document, SourceId};
use echotrace_store::Store;
use rusqlite::Connection;
use std::io::BufRead;
use std::time::Instant;

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: fts_insert_bench CORPUS DB [SETTINGS|default] [--optimize] [--batch N] \
                 [--no-search]";
    let (corpus, db) = match (args.first(), args.get(1)) {
        (Some(c), Some(d)) => (c.clone(), std::path::PathBuf::from(d)),
        _ => return Err(usage.into()),
    };
    let settings_arg = match args.get(2).map(String::as_str) {
        None | Some("default") => "default".to_string(),
        Some(s) if s.starts_with("--") => "default".to_string(),
        Some(s) => s.to_string(),
    };
    let mut settings: Vec<(String, i64)> = Vec::new();
    if settings_arg != "default" {
        for kv in settings_arg.split(',') {
            let (k, v) = kv.split_once('=').unwrap_or(("automerge", kv));
            settings.push((k.to_string(), v.parse()?));
        }
    }
    let search = !args.iter().any(|a| a == "--no-search");
    let optimize = args.iter().any(|a| a == "--optimize");
    let batch: usize = match args.iter().position(|a| a == "--batch") {
        Some(i) => args.get(i + 1).ok_or(usage)?.parse()?,
        None => 500,
    };

    let mut docs = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&corpus)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let (Some(id), Some(text)) = (field("id"), field("text")) else {
            return Err(format!("a line without id or text: {line:.80}").into());
        };
        let mut d = Document::new(DocId::new(id), text);
        d.title = field("title");
        d.url = field("url");
        d.source = field("source").and_then(|s| SourceId::new(&s));
        docs.push(d);
    }

    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    drop(Store::open(&db)?);
    for (key, value) in &settings {
        Connection::open(&db)?.execute(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES (?1, ?2)",
            rusqlite::params![key, value],
        )?;
    }
    let mut store = Store::open(&db)?;

    let start = Instant::now();
    for chunk in docs.chunks(batch) {
        store.insert_documents(chunk)?;
    }
    let insert_s = start.elapsed().as_secs_f64();

    let conn = Connection::open(&db)?;
    let optimize_s = if optimize {
        let start = Instant::now();
        conn.execute(
            "INSERT INTO documents_fts (documents_fts) VALUES ('optimize')",
            [],
        )?;
        start.elapsed().as_secs_f64()
    } else {
        0.0
    };
    let segments: i64 = conn.query_row(
        "SELECT count(DISTINCT segid) FROM documents_fts_idx",
        [],
        |r| r.get(0),
    )?;

    // Search: every 50th term of the vocabulary seen in at least two documents, three times.
    conn.execute_batch(
        "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, 'row')",
    )?;
    let terms: Vec<String> = conn
        .prepare("SELECT term FROM temp.vocab WHERE doc >= 2 ORDER BY term")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?
        .into_iter()
        .step_by(50)
        .collect();
    let mut best = f64::INFINITY;
    let mut hits = 0;
    for _ in 0..if search { 3 } else { 0 } {
        let start = Instant::now();
        hits = 0;
        for t in &terms {
            hits += store.search(t, 20)?.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    print!(
        "docs={} batch={batch} settings={settings_arg} insert_s={insert_s:.2} \
         optimize_s={optimize_s:.2} segments={segments} size_mb={:.1}",
        docs.len(),
        std::fs::metadata(&db)?.len() as f64 / 1e6,
    );
    if search {
        print!(
            " search: {} queries {hits} hits best_of_3_s={best:.3}",
            terms.len()
        );
    }
    println!();
    Ok(())
}
