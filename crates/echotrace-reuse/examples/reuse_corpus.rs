//! Runs the reuse pipeline over a `corpus.jsonl` (fields `id`, `source`, `url`, `date`,
//! `title`, `text`) and writes clusters in the format of `shared/eval/reuse/score.py`:
//! one cluster a line, `{"cluster", "members": [{"doc", "start", "end", "parent"}]}` with
//! code-point offsets into `text`.
//!
//! ```text
//! cargo run --release -p echotrace-reuse --example reuse_corpus -- CORPUS.jsonl --out OUT.jsonl
//!     [--increment N]   index all but the last N documents, then time adding those N
//!     [--details]       add confidence and evidence fields to each member
//!     [--self-reuse]    also write clusters of text repeated inside one document
//!     [--min-chain N]   words a chain of seeds must span to be aligned
//!     [--max-seed-repeats N]  seeds repeated more often inside one text are skipped
//! ```

use echotrace_core::{CharOffsets, DocId, Document, Published, SourceId};
use echotrace_reuse::{cluster_and_rank, DocFacts, DocumentSlice, ReuseConfig, ReuseEngine};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("reuse_corpus: {e}");
        std::process::exit(1);
    }
}

fn parse_doc(line: &str) -> Result<Option<Document>, serde_json::Error> {
    let v: Value = serde_json::from_str(line)?;
    let (Some(id), Some(text)) = (
        v.get("id").and_then(Value::as_str),
        v.get("text").and_then(Value::as_str),
    ) else {
        return Ok(None);
    };
    let s = |k: &str| v.get(k).and_then(Value::as_str);
    let mut d = Document::new(DocId::new(id), text);
    d.source = s("source").and_then(SourceId::new);
    d.url = s("url").map(str::to_string);
    d.title = s("title").filter(|t| !t.is_empty()).map(str::to_string);
    d.published = s("date").and_then(Published::parse);
    Ok(Some(d))
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut corpus = None;
    let mut out = None;
    let mut increment = 0usize;
    let mut details = false;
    let mut min_words: Option<u32> = None;
    let mut min_chain: Option<usize> = None;
    let mut max_rep: Option<usize> = None;
    let mut self_reuse = false;
    let mut index_opts: Vec<(String, u32)> = Vec::new();
    let mut prov: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                out = args.get(i + 1).cloned();
                i += 1;
            }
            "--increment" => {
                increment = args
                    .get(i + 1)
                    .and_then(|x| x.parse().ok())
                    .ok_or("--increment N")?;
                i += 1;
            }
            "--details" => details = true,
            "--min-words" => {
                min_words = Some(
                    args.get(i + 1)
                        .and_then(|x| x.parse().ok())
                        .ok_or("--min-words N")?,
                );
                i += 1;
            }
            "--self-reuse" => self_reuse = true,
            "--max-seed-repeats" => {
                max_rep = Some(
                    args.get(i + 1)
                        .and_then(|x| x.parse().ok())
                        .ok_or("--max-seed-repeats N")?,
                );
                i += 1;
            }
            "--min-chain" => {
                min_chain = Some(
                    args.get(i + 1)
                        .and_then(|x| x.parse().ok())
                        .ok_or("--min-chain N")?,
                );
                i += 1;
            }
            "--min-shared" | "--max-df" => {
                let v: u32 = args.get(i + 1).and_then(|x| x.parse().ok()).ok_or("N")?;
                index_opts.push((args[i].clone(), v));
                i += 1;
            }
            "--prov" => {
                prov.push(args.get(i + 1).cloned().ok_or("--prov KEY=VALUE")?);
                i += 1;
            }
            a if corpus.is_none() => corpus = Some(a.to_string()),
            a => return Err(format!("unexpected argument {a}").into()),
        }
        i += 1;
    }
    let corpus = corpus
        .ok_or("usage: reuse_corpus CORPUS.jsonl --out OUT.jsonl [--increment N] [--details]")?;

    let t0 = Instant::now();
    let mut docs = Vec::new();
    for (n, line) in BufReader::new(std::fs::File::open(&corpus)?)
        .lines()
        .enumerate()
    {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match parse_doc(&line) {
            Ok(Some(d)) => docs.push(d),
            Ok(None) => eprintln!("line {}: no id or text, skipped", n + 1),
            Err(e) => eprintln!("line {}: {e}, skipped", n + 1),
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t_read = t0.elapsed();
    eprintln!(
        "read {} documents ({:.1} MB) in {:.2?}",
        docs.len(),
        bytes as f64 / 1e6,
        t_read
    );

    let mut config = ReuseConfig::default();
    if let Some(n) = min_words {
        config.cluster.min_words = n;
    }
    if let Some(n) = min_chain {
        config.align.min_chain_words = n;
    }
    if let Some(n) = max_rep {
        config.align.max_seed_repeats = n;
    }
    for (k, v) in &index_opts {
        match k.as_str() {
            "--min-shared" => config.index.min_shared = *v,
            _ => config.index.max_df = *v,
        }
    }
    // Provenance weights, for tuning: `--prov star_weight=2`.
    for kv in &prov {
        let (k, v) = kv.split_once('=').ok_or("--prov KEY=VALUE")?;
        let v: f64 = v.parse()?;
        let p = &mut config.provenance;
        match k {
            "missing_word" => p.missing_word = v,
            "dropped_word" => p.dropped_word = v,
            "dropped_cap" => p.dropped_cap = v,
            "word_edit" => p.word_edit = v,
            "tie" => p.tie = v,
            "unknown" => p.unknown = v,
            "credit" => p.credit = v,
            "from_root" => p.from_root = v,
            "star_weight" => p.star_weight = v,
            "republisher" => p.republisher = v,
            "context" => p.context = v,
            "context_mid" => p.context_mid = v,
            "context_spread" => p.context_spread = v,
            _ => return Err(format!("unknown provenance weight {k}").into()),
        }
    }
    let mut engine = ReuseEngine::new(config);
    let split = docs.len().saturating_sub(increment);
    let t1 = Instant::now();
    let first = engine.add(&docs[..split], &DocumentSlice::new(&docs[..split]));
    let t_first = t1.elapsed();
    eprintln!(
        "analyzed {} documents: {} candidate pairs, {} alignments in {:.2?} ({:.0} docs/s; {} postings)",
        first.indexed,
        first.candidates,
        first.alignments.len(),
        t_first,
        first.indexed as f64 / t_first.as_secs_f64().max(1e-9),
        engine.index().postings()
    );
    let facts: Vec<DocFacts> = docs.iter().map(DocFacts::from_document).collect();
    let by_id: HashMap<&DocId, usize> = docs.iter().enumerate().map(|(i, d)| (&d.id, i)).collect();
    let lookup = |id: &DocId| by_id.get(id).map(|&i| &facts[i]);
    let mut alignments = first.alignments;

    let t2 = Instant::now();
    let mut clusters = cluster_and_rank(&alignments, &lookup, &config);
    let t_rank = t2.elapsed();
    eprintln!("{} clusters in {:.2?}", clusters.len(), t_rank);

    if increment > 0 {
        let t3 = Instant::now();
        let all = DocumentSlice::new(&docs);
        let second = engine.add(&docs[split..], &all);
        let t_add = t3.elapsed();
        alignments.extend(second.alignments.iter().cloned());
        clusters = cluster_and_rank(&alignments, &lookup, &config);
        let t_inc = t3.elapsed();
        eprintln!(
            "incremental: +{} documents: {} candidate pairs, {} alignments in {:.2?}; with re-clustering {:.2?} ({:.1}% of the first run)",
            second.indexed,
            second.candidates,
            second.alignments.len(),
            t_add,
            t_inc,
            100.0 * t_inc.as_secs_f64() / (t_first + t_rank).as_secs_f64().max(1e-9)
        );
    }

    if let Some(path) = out {
        let mut w = BufWriter::new(std::fs::File::create(&path)?);
        let mut offsets: HashMap<&DocId, CharOffsets> = HashMap::new();
        let mut written = 0;
        for c in &clusters {
            // The scorer's format is about documents sharing text; a page repeating itself is
            // left out unless asked for.
            if !self_reuse
                && c.members
                    .iter()
                    .all(|m| Some(&m.doc) == c.members.first().map(|f| &f.doc))
            {
                continue;
            }
            written += 1;
            let members: Vec<Value> = c
                .members
                .iter()
                .filter_map(|m| {
                    let d = &docs[*by_id.get(&m.doc)?];
                    let map = offsets
                        .entry(&d.id)
                        .or_insert_with(|| CharOffsets::new(&d.text));
                    let mut v = json!({
                        "doc": m.doc,
                        "start": map.to_char(m.span.start),
                        "end": map.to_char(m.span.end),
                        "parent": m.parent,
                    });
                    if details {
                        v["confidence"] = json!(m.confidence);
                        v["evidence"] = json!(m.evidence);
                        v["context"] = json!(m.context);
                    }
                    Some(v)
                })
                .collect();
            let mut line = json!({"cluster": c.id, "members": members});
            if details {
                line["origin_confidence"] = json!(c.origin_confidence);
                line["earliest"] = json!(c.earliest);
            }
            writeln!(w, "{line}")?;
        }
        w.flush()?;
        eprintln!("wrote {written} clusters to {path}");
    }
    eprintln!("total {:.2?}", t0.elapsed());
    Ok(())
}
