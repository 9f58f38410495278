use super::open_existing_store;
use crate::cli::{NarrativesArgs, TimelineArgs};
use crate::output::print_json;
use anyhow::Result;
use echotrace_narratives::{BucketSize, Timeline};
use echotrace_pipeline::{cluster_timeline, narratives};
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: NarrativesArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let mut all = narratives(&store)?;
    let total = all.len();
    all.truncate(args.limit);
    if args.json {
        print_json(&serde_json::json!({ "total": total, "narratives": all }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if total == 0 {
        println!("no narratives (run `echotrace analyze` after ingesting)");
        return Ok(ExitCode::SUCCESS);
    }
    println!("{total} narratives; the earliest {}:", all.len());
    for n in &all {
        let span = match (&n.first, &n.last) {
            (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
            (Some(a), _) => a.to_string(),
            _ => "undated".into(),
        };
        println!(
            "\n{}  {}\n  {} clusters, {} documents, {} sources, {span}",
            n.id,
            n.label,
            n.clusters.len(),
            n.documents.len(),
            n.sources.len()
        );
        if !n.speakers.is_empty() {
            let names: Vec<String> = n
                .speakers
                .iter()
                .take(4)
                .map(|s| format!("{} ({})", s.name, s.count))
                .collect();
            println!("  speakers {}", names.join(", "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn timeline(args: TimelineArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let timeline = match cluster_timeline(&store, &args.id)? {
        Some(t) => t,
        None => {
            let found = narratives(&store)?.into_iter().find(|n| n.id == args.id);
            match found {
                Some(n) => n.timeline,
                None => anyhow::bail!(
                    "no cluster or narrative {:?} (see `echotrace clusters` and `echotrace narratives`)",
                    args.id
                ),
            }
        }
    };
    if args.json {
        print_json(&timeline)?;
    } else {
        print_timeline(&timeline);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_timeline(t: &Timeline) {
    let (unit, format) = match t.bucket {
        BucketSize::Hour => ("hour", "%Y-%m-%d %H:00"),
        BucketSize::Day => ("day", "%Y-%m-%d"),
    };
    println!("{} copies, per {unit}:", t.total);
    for b in &t.buckets {
        let sources: Vec<String> = b
            .per_source
            .iter()
            .map(|s| format!("{} {}", s.source, s.count))
            .collect();
        println!(
            "  {}  {:>3} {}  {}",
            b.start.format(format),
            b.total,
            "█".repeat(b.total.min(40)),
            sources.join(", ")
        );
    }
    if t.imprecise > 0 {
        println!(
            "  {} copies dated less precisely than a {unit}",
            t.imprecise
        );
    }
    if t.undated > 0 {
        println!("  {} copies without a date", t.undated);
    }
}
