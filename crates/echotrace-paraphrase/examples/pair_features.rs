//! Writes the [`PairFeatures`] of every pair of an MRPC-layout file as JSON lines
//! (`{"label": 0|1, "features": [...]}`), to study the scorer outside Rust or refit it fast
//! with the `fit_scorer` example.
//!
//! `cargo run --release -p echotrace-paraphrase --example pair_features -- PAIRS OUT [MODEL_DIR]`

use echotrace_paraphrase::{labelled_pair_features, read_pair_file, MiniLmEncoder, ModelFiles};
use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(pairs), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: pair_features PAIRS OUT [MODEL_DIR]".into());
    };
    let dir = match args.get(2) {
        Some(d) => PathBuf::from(d),
        None => ModelFiles::default_dir().ok_or("no home directory")?,
    };
    let encoder = MiniLmEncoder::load(&dir)?;
    let pairs = read_pair_file(pairs.as_ref())?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(out)?);
    for chunk in pairs.chunks(256) {
        let features = labelled_pair_features(&encoder, chunk)?;
        for (p, f) in chunk.iter().zip(features) {
            let line = serde_json::json!({"label": u8::from(p.label), "features": f.vector()});
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
