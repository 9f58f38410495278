use super::open_existing_store;
use crate::cli::StatsArgs;
use crate::output::print_json;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: StatsArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let stats = store.stats()?;
    if args.json {
        let sources = store.sources()?;
        print_json(&serde_json::json!({ "stats": stats, "sources": sources }))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("documents       {}", stats.documents);
    println!("sources         {}", stats.sources);
    println!("undated         {}", stats.undated_documents);
    if let (Some(first), Some(last)) = (&stats.earliest_published, &stats.latest_published) {
        println!("published       {first} … {last}");
    }
    let languages: Vec<String> = stats
        .languages
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect();
    println!("languages       {}", languages.join(", "));
    println!(
        "analysis        {} alignments, {} reuse clusters, {} quotes",
        stats.alignments, stats.clusters, stats.quotes
    );
    if stats.pending_reuse + stats.pending_quotes > 0 {
        println!(
            "not analyzed    {} for reuse, {} for quotes (run `echotrace analyze`)",
            stats.pending_reuse, stats.pending_quotes
        );
    }
    println!("ingest runs     {}", stats.ingest_runs);
    println!("rejections      {}", stats.rejections);
    println!("schema version  {}", stats.schema_version);
    if let Some(bytes) = stats.file_size_bytes {
        println!("size            {:.1} MB", bytes as f64 / 1e6);
    }
    let sources = store.sources()?;
    if !sources.is_empty() {
        println!("\ntop sources");
        for s in sources.iter().take(10) {
            println!("  {:>6}  {}", s.documents, s.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
