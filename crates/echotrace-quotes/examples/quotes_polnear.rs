//! Runs the extractor over a PolNeAR split and writes the input of the reference scorer.
//!
//! ```text
//! cargo run --release -p echotrace-quotes --example quotes_polnear -- \
//!     /work/shared/eval/quotes/polnear/dev /tmp/dev.jsonl [--speech-only] [--repeat N]
//! python3 /work/shared/eval/quotes/score.py /work/shared/eval/quotes/polnear/dev /tmp/dev.jsonl
//! ```
//!
//! One JSON object a line: `doc` (the text file name without `.txt`), `content`, `source`,
//! `cue` as lists of code-point spans, `speaker`, plus `kind`. It also times extraction alone
//! (one thread, text already in memory) and prints articles per second.
//!
//! The brat standoff reader below is self-contained so that it can move to the evaluation
//! crate as is.

use echotrace_core::CharOffsets;
use echotrace_quotes::{ByteSpan, QuoteExtractor};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

// The binary runs the extractor under mimalloc; the speed printed here is measured under it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod brat {
    //! Brat standoff in the PolNeAR layout: `text/NAME.txt`, `attributions/NAME*.ann`.

    use std::collections::HashMap;
    use std::path::Path;

    /// A text-bound annotation: code-point fragments (the label is not needed: an `E`
    /// line names each part's role).
    #[derive(Clone, Debug)]
    pub struct Span {
        pub frags: Vec<(usize, usize)>,
    }

    /// One attribution (an `E` line) with its parts.
    #[derive(Clone, Debug, Default)]
    pub struct Attribution {
        pub content: Vec<(usize, usize)>,
        pub source: Option<Vec<(usize, usize)>>,
        pub cue: Option<Vec<(usize, usize)>>,
        pub speaker: Option<String>,
    }

    /// Parses one `.ann` file. Lines that are not `T`, `E` or `#` (the continuation of a span
    /// text that contains a newline) are skipped, as the reference scorer does.
    pub fn parse_ann(src: &str) -> Vec<Attribution> {
        let mut spans: HashMap<&str, Span> = HashMap::new();
        let mut notes: HashMap<&str, String> = HashMap::new();
        let mut events: Vec<HashMap<&str, &str>> = Vec::new();
        for line in src.lines() {
            let parts: Vec<&str> = line.split('\t').collect();
            if parts.len() < 2 {
                continue;
            }
            if line.starts_with('T') {
                let Some((_label, spec)) = parts[1].split_once(' ') else {
                    continue;
                };
                let frags: Option<Vec<(usize, usize)>> = spec
                    .split(';')
                    .map(|f| {
                        let mut it = f.split_whitespace().map(|x| x.parse::<usize>().ok());
                        Some((it.next()??, it.next()??))
                    })
                    .collect();
                if let Some(frags) = frags {
                    spans.insert(parts[0], Span { frags });
                }
            } else if line.starts_with('#') && parts.len() >= 3 {
                if let (Some(r), Some(sp)) = (
                    parts[1].split(' ').nth(1),
                    parts[2].strip_prefix("speaker="),
                ) {
                    notes.insert(r, sp.trim().to_string());
                }
            } else if line.starts_with('E') {
                let roles = parts[1]
                    .split(' ')
                    .skip(1)
                    .filter_map(|r| r.split_once(':'))
                    .collect();
                events.push(roles);
            }
        }
        let get = |k: Option<&&str>| k.and_then(|k| spans.get(*k)).map(|s| s.frags.clone());
        events
            .iter()
            .filter_map(|roles| {
                let c = roles.get("Content")?;
                Some(Attribution {
                    content: spans.get(c)?.frags.clone(),
                    source: get(roles.get("Source")),
                    cue: get(roles.get("Cue")),
                    speaker: notes.get(c).cloned(),
                })
            })
            .collect()
    }

    /// Documents of a split that have annotations: (name, text, attributions of the first
    /// `.ann` in name order).
    pub fn load_split(dir: &Path) -> std::io::Result<Vec<(String, String, Vec<Attribution>)>> {
        let mut names: Vec<String> = std::fs::read_dir(dir.join("text"))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
            .collect();
        names.sort();
        let mut anns: Vec<String> = std::fs::read_dir(dir.join("attributions"))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.ends_with(".ann"))
            .collect();
        anns.sort();
        let mut out = Vec::new();
        for name in names {
            let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))?;
            let atts = match anns.iter().find(|a| a.starts_with(&name)) {
                Some(a) => parse_ann(&std::fs::read_to_string(dir.join("attributions").join(a))?),
                None => Vec::new(),
            };
            out.push((name, text, atts));
        }
        Ok(out)
    }
}

/// Time this thread spent on a CPU (Linux), so that the speed per core is right even on a
/// machine shared with other jobs, where wall time is not.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn spans_json(map: &CharOffsets, spans: &[ByteSpan]) -> serde_json::Value {
    json!(spans
        .iter()
        .map(|s| [map.to_char(s.start), map.to_char(s.end)])
        .collect::<Vec<_>>())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if pos.len() < 2 {
        eprintln!("usage: quotes_polnear SPLIT_DIR OUT.jsonl [--speech-only] [--repeat N]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(pos[0]);
    let out_path = Path::new(pos[1]);
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut builder = QuoteExtractor::builder();
    if args.iter().any(|a| a == "--speech-only") {
        builder = builder.speech_only();
    }
    let ex = builder.build();
    let docs = match brat::load_split(&dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let gold: usize = docs.iter().map(|d| d.2.len()).sum();
    let with_speaker = docs
        .iter()
        .flat_map(|d| &d.2)
        .filter(|a| a.speaker.is_some())
        .count();
    let cpu0 = thread_cpu_ns();
    let t0 = Instant::now();
    let mut results = Vec::new();
    for r in 0..repeat {
        for (_, text, _) in &docs {
            let q = ex.extract(text);
            if r == 0 {
                results.push(q);
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = thread_cpu_ns().zip(cpu0).map(|(b, a)| (b - a) as f64 / 1e9);
    let n = docs.len() * repeat;
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum::<usize>() * repeat;
    let mut f = match std::fs::File::create(out_path) {
        Ok(f) => std::io::BufWriter::new(f),
        Err(e) => {
            eprintln!("{}: {e}", out_path.display());
            std::process::exit(1);
        }
    };
    let mut nq = 0;
    // A rough soft recall and source/cue agreement as a sanity check while the JSONL is
    // written; the figures to report are the reference scorer's.
    let (mut cover, mut src_ok, mut src_n, mut cue_ok, mut cue_n) = (0.0, 0, 0, 0, 0);
    for ((name, text, atts), ext) in docs.iter().zip(&results) {
        let map = CharOffsets::new(text);
        let to_chars = |s: &ByteSpan| (map.to_char(s.start), map.to_char(s.end));
        for att in atts {
            let g: usize = att.content.iter().map(|(s, e)| e - s).sum();
            let overlap = |spans: &[(usize, usize)], q: &[(usize, usize)]| -> usize {
                spans
                    .iter()
                    .map(|&(s, e)| {
                        q.iter()
                            .map(|&(a, b)| b.min(e).saturating_sub(a.max(s)))
                            .sum::<usize>()
                    })
                    .sum()
            };
            let best = ext
                .quotes
                .iter()
                .map(|q| {
                    let qc: Vec<_> = q.content.iter().map(to_chars).collect();
                    (overlap(&att.content, &qc), q)
                })
                .max_by_key(|(o, _)| *o);
            if let Some((o, q)) = best.filter(|_| g > 0) {
                cover += o as f64 / g as f64;
                if 2 * o >= g {
                    if let Some(gs) = &att.source {
                        src_n += 1;
                        let n: usize = gs.iter().map(|(s, e)| e - s).sum();
                        let qs: Vec<_> = q.source.iter().map(to_chars).collect();
                        src_ok += usize::from(2 * overlap(gs, &qs) >= n);
                    }
                    if let Some(gc) = &att.cue {
                        cue_n += 1;
                        let n: usize = gc.iter().map(|(s, e)| e - s).sum();
                        let qc: Vec<_> = q.cue.iter().map(to_chars).collect();
                        cue_ok += usize::from(2 * overlap(gc, &qc) >= n);
                    }
                }
            }
        }
        for q in &ext.quotes {
            nq += 1;
            let line = json!({
                "doc": name,
                "content": spans_json(&map, &q.content),
                "source": q.source.map(|s| spans_json(&map, &[s])),
                "cue": q.cue.map(|s| spans_json(&map, &[s])),
                "speaker": q.speaker,
                "kind": q.kind,
            });
            if writeln!(f, "{line}").is_err() {
                eprintln!("write failed");
                std::process::exit(1);
            }
        }
    }
    eprintln!(
        "rough check (use score.py): soft recall {:.3}, source {:.3}, cue {:.3}, {with_speaker} gold speaker notes",
        cover / gold.max(1) as f64,
        src_ok as f64 / src_n.max(1) as f64,
        cue_ok as f64 / cue_n.max(1) as f64
    );
    eprintln!(
        "{} docs, {gold} gold attributions, {nq} quotes; extraction of {n} articles: {secs:.3}s wall = {:.0} articles/s, {:.1} MB/s",
        docs.len(),
        n as f64 / secs,
        bytes as f64 / secs / 1e6
    );
    if let Some(cpu) = cpu {
        eprintln!(
            "on-CPU time {cpu:.3}s = {:.0} articles per CPU-second (one thread)",
            n as f64 / cpu
        );
    }
}
