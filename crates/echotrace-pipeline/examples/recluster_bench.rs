//! Times reclustering, the part of `echotrace analyze` whose cost grows with the whole corpus
//! rather than with the documents a run adds: every stored alignment is read, clustered and
//! ranked, and the clusters that changed are written.
//!
//! ```sh
//! cargo run --release -p echotrace-pipeline --example recluster_bench -- STORE.db [--repeat N]
//! ```
//!
//! Works on a copy of `STORE.db` (an analyzed store; it is not modified) and prints the
//! fastest and the median of N runs (default 5), in milliseconds. The first run after a copy
//! also records credit lines and digests a store may lack; the figures are of the runs after.

use echotrace_pipeline::recluster;
use echotrace_reuse::ReuseConfig;
use echotrace_store::Store;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let db = args
        .first()
        .ok_or("usage: recluster_bench STORE.db [--repeat N]")?;
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args.get(i + 1).ok_or("--repeat N")?.parse()?,
        None => 5,
    };
    let dir = tempfile::tempdir()?;
    let copy = dir.path().join("recluster.db");
    std::fs::copy(db, &copy)?;
    let mut store = Store::open(&copy)?;
    let config = ReuseConfig::default();
    recluster(&mut store, &config)?;
    let mut ms: Vec<f64> = (0..repeat.max(1))
        .map(|_| {
            let start = Instant::now();
            recluster(&mut store, &config).map(|()| start.elapsed().as_secs_f64() * 1e3)
        })
        .collect::<Result<_, _>>()?;
    ms.sort_by(f64::total_cmp);
    println!(
        "recluster: {} clusters, fastest {:.0} ms, median {:.0} ms over {} runs",
        store.cluster_count()?,
        ms[0],
        ms[ms.len() / 2],
        ms.len()
    );
    Ok(())
}
