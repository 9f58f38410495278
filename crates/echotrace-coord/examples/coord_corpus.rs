//! Runs reuse and coordination over a `corpus.jsonl` (fields `id`, `source`, `url`, `date`,
//! `title`, `text`) and writes the groups in the format of
//! `shared/eval/coordination/score.py` (`{"groups": [{"members", "center", "kind"}]}`), with
//! the interval, the edges and each group's evidence alongside.
//!
//! ```text
//! cargo run --release -p echotrace-coord --example coord_corpus -- CORPUS.jsonl --out OUT.json
//!     [--interval SECONDS] [--percentile P] [--min-weight N] [--min-center-share S]
//!     [--components]   connected components instead of Louvain
//! ```

use echotrace_coord::{
    credit_key, credit_lines, Components, CoordinationDetector, CopyEvent, Edge, Group,
};
use echotrace_core::{DocId, Document, Published, SourceId};
use echotrace_reuse::{cluster_and_rank, DocFacts, DocumentSlice, ReuseConfig, ReuseEngine};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("coord_corpus: {e}");
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
    d.source = s("source")
        .and_then(SourceId::new)
        .or_else(|| s("url").and_then(SourceId::from_url));
    d.url = s("url").map(str::to_string);
    d.title = s("title").filter(|t| !t.is_empty()).map(str::to_string);
    d.published = s("date").and_then(Published::parse);
    Ok(Some(d))
}

fn arg<T: std::str::FromStr>(args: &[String], i: usize, what: &str) -> Result<T, String> {
    args.get(i)
        .and_then(|x| x.parse().ok())
        .ok_or_else(|| format!("{what} needs a value"))
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut corpus = None;
    let mut out = None;
    let mut builder = CoordinationDetector::builder();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                out = args.get(i + 1).cloned();
                i += 1;
            }
            "--interval" => {
                builder = builder.interval_s(arg(&args, i + 1, "--interval")?);
                i += 1;
            }
            "--percentile" => {
                builder = builder.percentile(arg(&args, i + 1, "--percentile")?);
                i += 1;
            }
            "--min-weight" => {
                builder = builder.min_weight(arg(&args, i + 1, "--min-weight")?);
                i += 1;
            }
            "--min-center-share" => {
                builder = builder.min_center_share(arg(&args, i + 1, "--min-center-share")?);
                i += 1;
            }
            "--components" => builder = builder.community(Components),
            a if corpus.is_none() => corpus = Some(a.to_string()),
            a => return Err(format!("unexpected argument {a}").into()),
        }
        i += 1;
    }
    let corpus = corpus.ok_or("usage: coord_corpus CORPUS.jsonl --out OUT.json")?;
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

    let config = ReuseConfig::default();
    let mut engine = ReuseEngine::new(config);
    let report = engine.add(&docs, &DocumentSlice::new(&docs));
    let facts: Vec<DocFacts> = docs.iter().map(DocFacts::from_document).collect();
    let by_id: HashMap<&DocId, usize> = docs.iter().enumerate().map(|(i, d)| (&d.id, i)).collect();
    let lookup = |id: &DocId| by_id.get(id).map(|&i| &facts[i]);
    let clusters = cluster_and_rank(&report.alignments, &lookup, engine.config());
    let t_reuse = t0.elapsed();

    // Credits: this crate's detector (bylines such as `By X staff`, datelines) and the reuse
    // engine's (`Source:`, `Originally published by`), one entry per credited name.
    let credits: Vec<Vec<String>> = docs
        .iter()
        .zip(&facts)
        .map(|(d, f)| {
            let mut names: Vec<String> =
                credit_lines(&d.text).into_iter().map(|c| c.name).collect();
            names.extend(f.credits.iter().cloned());
            let mut seen = std::collections::HashSet::new();
            names.retain(|n| seen.insert(credit_key(n)));
            names
        })
        .collect();

    let mut events = Vec::new();
    for c in &clusters {
        for m in &c.members {
            let Some(&di) = by_id.get(&m.doc) else {
                continue;
            };
            let d = &docs[di];
            let Some(source) = d.source.clone() else {
                continue;
            };
            events.push(CopyEvent {
                cluster: c.id.clone(),
                doc: d.id.clone(),
                source,
                published: d.published,
                credits: credits[di].clone(),
                earliest: c.earliest.contains(&m.doc)
                    || (c.earliest.is_empty() && c.origin.as_ref() == Some(&m.doc)),
            });
        }
    }
    let t1 = Instant::now();
    let net = builder.build().detect(&events);
    let t_coord = t1.elapsed();
    eprintln!(
        "{} documents, {} clusters, {} copies; reuse {:.2?}, coordination {:.2?}",
        docs.len(),
        clusters.len(),
        events.len(),
        t_reuse,
        t_coord
    );
    eprintln!(
        "interval {:.0} s ({:?}, {} clusters); {} candidate edges, weight cut {:.1}; {} relay edges; {} groups",
        net.interval.seconds,
        net.interval.source,
        net.interval.clusters_used,
        net.candidate_edges,
        net.weight_cut,
        net.edges.len(),
        net.groups.len()
    );
    for g in &net.groups {
        eprintln!(
            "  {:?} {} members, center {} ({:.2}), {} clusters, credits {:?}",
            g.kind,
            g.members.len(),
            g.center.as_ref().map_or("-", |c| c.as_str()),
            g.center_support,
            g.clusters.len(),
            g.credits
                .first()
                .map(|c| (c.name.as_str(), (c.share * 100.0).round()))
        );
    }

    let groups: Vec<Value> = net.groups.iter().map(group_json).collect();
    let edges: Vec<Value> = net.edges.iter().map(edge_json).collect();
    let doc = json!({
        "groups": groups,
        "interval": net.interval,
        "weight_cut": net.weight_cut,
        "candidate_edges": net.candidate_edges,
        "edges": edges,
    });
    if let Some(path) = out {
        std::fs::write(&path, serde_json::to_string_pretty(&doc)?)?;
        eprintln!("wrote {path}");
    } else {
        println!("{}", serde_json::to_string_pretty(&doc)?);
    }
    Ok(())
}

fn group_json(g: &Group) -> Value {
    json!({
        "members": g.members,
        "center": g.center,
        "kind": g.kind,
        "center_support": g.center_support,
        "center_in_community": g.center_in_community,
        "clusters": g.clusters,
        "credits": g.credits,
        "edges": g.edges,
        "strong_edges": g.strong_edges,
    })
}

fn edge_json(e: &Edge) -> Value {
    serde_json::to_value(e).unwrap_or(Value::Null)
}
