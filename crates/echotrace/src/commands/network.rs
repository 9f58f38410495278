use super::open_existing_store;
use crate::cli::{DetectorArgs, NetworkArgs};
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_coord::{write_graphml, CoordinationDetector, CoordinationNetwork, GroupKind};
use echotrace_pipeline::coordination_network;
use std::path::Path;
use std::process::ExitCode;

pub fn detector(args: &DetectorArgs) -> CoordinationDetector {
    let mut builder = CoordinationDetector::builder()
        .percentile(args.percentile)
        .min_weight(args.min_weight);
    if let Some(seconds) = args.interval {
        builder = builder.interval_s(seconds);
    }
    builder.build()
}

pub fn write_graphml_file(net: &CoordinationNetwork, path: &Path) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    write_graphml(net, std::io::BufWriter::new(file))
        .with_context(|| format!("cannot write {}", path.display()))
}

pub fn run(args: NetworkArgs, db: &Path) -> Result<ExitCode> {
    let store = open_existing_store(db)?;
    let net = coordination_network(&store, &detector(&args.detector))?;
    if let Some(path) = &args.graphml {
        write_graphml_file(&net, path)?;
        eprintln!("wrote {}", path.display());
    }
    if args.json {
        print_json(&net)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "coordination interval {:.0} s ({:?}); {} candidate edges, {} kept, {} groups",
        net.interval.seconds,
        net.interval.source,
        net.candidate_edges,
        net.edges.len(),
        net.groups.len()
    );
    for (i, g) in net.groups.iter().enumerate() {
        let kind = match g.kind {
            GroupKind::Coordinated => "coordinated",
            GroupKind::Syndication => "syndication",
        };
        println!(
            "\ngroup {} — {kind}, {} members, {} clusters",
            i + 1,
            g.members.len(),
            g.clusters.len()
        );
        if let Some(center) = &g.center {
            println!(
                "  center {center} (earliest in {:.0}% of the group's clusters)",
                g.center_support * 100.0
            );
        }
        let members: Vec<&str> = g.members.iter().map(|m| m.as_str()).collect();
        println!("  members {}", members.join(", "));
        for c in g.credits.iter().take(3) {
            println!(
                "  credits {:?} in {:.0}% of its clusters",
                c.name,
                c.share * 100.0
            );
        }
    }
    if !net.edges.is_empty() {
        println!("\nstrongest links (weight = clusters co-published within the interval)");
        for e in net.edges.iter().take(10) {
            let evidence: Vec<&str> = e
                .evidence
                .iter()
                .take(3)
                .map(|x| x.cluster.as_str())
                .collect();
            println!(
                "  {} — {}  weight {}, mean delay {:.0} s, symmetry {:.2}; e.g. {}",
                e.a,
                e.b,
                e.weight,
                e.mean_delay_s,
                e.symmetry,
                evidence.join(", ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
