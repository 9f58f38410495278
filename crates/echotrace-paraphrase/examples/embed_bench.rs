//! Sentences embedded per second with all-MiniLM-L6-v2 on the CPU (candle uses every core).
//!
//! ```sh
//! cargo run --release -p echotrace-paraphrase --example embed_bench -- \
//!     ../shared/eval/reuse/mrpc/msr_paraphrase_train.txt [MODEL_DIR] [SENTENCES]
//! ```
//!
//! Reads the sentences of an MRPC-layout file (both columns), embeds the first SENTENCES
//! (default 2,000) once per batch size, and prints sentences per second and tokens per second.

use echotrace_paraphrase::{read_pair_file, MiniLmEncoder, ModelFiles, SentenceEncoder};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = PathBuf::from(
        args.next()
            .ok_or("usage: embed_bench PAIRS [MODEL_DIR] [N]")?,
    );
    let dir = match args.next() {
        Some(d) => PathBuf::from(d),
        None => ModelFiles::default_dir().ok_or("no model directory")?,
    };
    let n: usize = args.next().map_or(Ok(2000), |s| s.parse())?;
    let pairs = read_pair_file(&file)?;
    let sentences: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .take(n)
        .collect();
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    let encoder = MiniLmEncoder::load(&dir)?;
    println!(
        "{} sentences, {:.1} words each on average; {} threads",
        sentences.len(),
        words as f64 / sentences.len().max(1) as f64,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{:>6} {:>10} {:>12}", "calls", "seconds", "sentences/s");
    // One call with everything (the encoder batches by 32 after sorting by length), then
    // calls of a few sentences, as an incremental run with little new text makes.
    for chunk in [sentences.len(), 64, 8, 1] {
        let take = if chunk == 1 {
            200.min(sentences.len())
        } else {
            sentences.len()
        };
        let started = Instant::now();
        let mut calls = 0;
        for part in sentences[..take].chunks(chunk) {
            encoder.encode(part)?;
            calls += 1;
        }
        let s = started.elapsed().as_secs_f64();
        println!("{calls:>6} {s:>10.2} {:>12.1}", take as f64 / s);
    }
    Ok(())
}
