//! How long the candidate index takes to decode from its saved bytes (the part of loading it
//! that is not SQLite's): `cargo run --release -p echotrace-pipeline --example
//! index_load_bench -- INDEX.bin [RUNS]`, where INDEX.bin is the `reuse.index.v2` value of
//! `analysis_state` written to a file (`sqlite3 STORE.db "SELECT writefile('INDEX.bin', value)
//! FROM analysis_state WHERE key = 'reuse.index.v2'"`). Prints each run's milliseconds.

use echotrace_reuse::candidates::CandidateIndex;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: index_load_bench INDEX.bin [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let bytes = std::fs::read(&path)?;
    for _ in 0..runs {
        let start = Instant::now();
        let index: CandidateIndex = postcard::from_bytes(&bytes)?;
        let decoded = start.elapsed();
        drop(index);
        println!("decode {:.1} ms", decoded.as_secs_f64() * 1e3);
    }
    Ok(())
}
