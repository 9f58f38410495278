//! Runs every extractor over each benchmark directory given and prints the benchmark's
//! figures and per-core speed (pages per second of this thread's CPU time, pages run one at a
//! time, so other load on the machine does not skew it).
//!
//! ```text
//! cargo run --release -p echotrace-eval --example extraction_compare -- \
//!     /work/shared/eval/extraction/scrapinghub /work/shared/eval/extraction/wcxb-dev-articles
//! ```
//!
//! With `--output DIR`, each run's bodies are written to `DIR/<set>/output/<extractor>.json`
//! next to a `ground-truth.json` in the reference format, so the benchmark's own scorer can
//! be run there: `cd DIR/<set> && python3 .../scrapinghub/evaluate.py --n-bootstrap 10`.
//! `--only NAME` runs one extractor.

use echotrace_eval::extraction::{score, write_predictions, Benchmark};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut output: Option<PathBuf> = None;
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--output" => output = args.next().map(PathBuf::from),
            "--only" => only = args.next(),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: extraction_compare [--output DIR] [--only NAME] BENCHMARK_DIR...");
        return ExitCode::FAILURE;
    }
    let extractors = echotrace_extract::all_extractors();
    println!(
        "{:<22} {:<16} {:>6} {:>9} {:>7} {:>7} {:>9} {:>8}",
        "set", "extractor", "pages", "precision", "recall", "F1", "accuracy", "pages/s"
    );
    for dir in &dirs {
        let bench = match Benchmark::load(dir) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        let set = bench.name();
        for ex in &extractors {
            if only.as_deref().is_some_and(|o| o != ex.name()) {
                continue;
            }
            let run = bench.run(ex.as_ref());
            let s = score(&bench, &run.predictions);
            println!(
                "{:<22} {:<16} {:>6} {:>9.3} {:>7.3} {:>7.3} {:>9.3} {:>8.1}",
                set,
                run.extractor,
                s.pages,
                s.precision,
                s.recall,
                s.f1,
                s.accuracy,
                run.pages_per_second()
            );
            if let Some(out) = &output {
                let set_dir = out.join(&set);
                let res = std::fs::create_dir_all(set_dir.join("output"))
                    .and_then(|()| bench.write_ground_truth(&set_dir.join("ground-truth.json")))
                    .and_then(|()| {
                        write_predictions(
                            &set_dir
                                .join("output")
                                .join(format!("{}.json", run.extractor)),
                            &run.predictions,
                        )
                    });
                if let Err(e) = res {
                    eprintln!("error: writing under {}: {e}", set_dir.display());
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    ExitCode::SUCCESS
}
