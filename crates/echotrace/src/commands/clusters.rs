use super::{open_existing_store, CharOffsetCache};
use crate::cli::ClustersArgs;
use crate::commands::export::cluster_record;
use crate::output::print_json;
use anyhow::Result;
use echotrace_store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: ClustersArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let total = store.cluster_count()?;
    let summaries = store.cluster_summaries(args.limit, args.offset)?;
    if args.json {
        let mut offsets = CharOffsetCache::new(&store);
        let mut out = Vec::with_capacity(summaries.len());
        for s in &summaries {
            let Some(cluster) = store.cluster(&s.id)? else {
                continue;
            };
            let record = cluster_record(&cluster, &mut offsets)?;
            let mut value = serde_json::to_value(s)?;
            if let serde_json::Value::Object(fields) = &mut value {
                fields.insert("members".into(), serde_json::to_value(&record.members)?);
                fields.insert("member_count".into(), serde_json::json!(s.members));
            }
            out.push(value);
        }
        print_json(&serde_json::json!({ "total": total, "clusters": out }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if total == 0 {
        println!("no reuse clusters (run `echotrace analyze` after ingesting)");
        return Ok(ExitCode::SUCCESS);
    }
    println!("{total} reuse clusters; the largest:");
    for s in &summaries {
        let dates = match (&s.first_published, &s.last_published) {
            (Some(a), Some(b)) if a != b => format!("{a} … {b}"),
            (Some(a), _) => a.clone(),
            _ => "undated".into(),
        };
        println!(
            "\n{}  {} documents, {} sources, {}",
            s.id, s.documents, s.sources, dates
        );
        match &s.origin {
            Some(origin) => println!(
                "  origin {origin} (confidence {:.2}): {}",
                s.origin_confidence,
                passage(&store, &s.id, origin.as_str())?
            ),
            None => println!("  origin unknown"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The start of the origin's passage, on one line.
fn passage(store: &Store, cluster: &str, origin: &str) -> Result<String> {
    let Some(c) = store.cluster(cluster)? else {
        return Ok(String::new());
    };
    let Some(member) = c.members.iter().find(|m| m.doc.as_str() == origin) else {
        return Ok(String::new());
    };
    let Some(doc) = store.document(&member.doc)? else {
        return Ok(String::new());
    };
    Ok(snippet(member.span.slice(&doc.text), 110))
}

/// The first `max` characters of `text` on one line, with an ellipsis when cut.
pub fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return format!("“{flat}”");
    }
    let cut: String = flat.chars().take(max).collect();
    format!("“{}…”", cut.trim_end())
}
