//! Aligns each answer of the Clough & Stevenson corpus with its source text and reports how
//! well alignment coverage and identity separate the reuse levels.
//!
//! ```text
//! cargo run --release -p echotrace-eval --example clough_stevenson -- \
//!     [DIR] [--json] [--min-words N] [--min-chars N] [--min-chain-words N] [--per-answer]
//! ```
//!
//! `DIR` defaults to `shared/eval/reuse/clough-stevenson`. The `--min-*` options change the
//! aligner's minimum alignment length (`AlignConfig::min_words`, `min_chars`,
//! `min_chain_words`); the defaults are the engine's.

use echotrace_core::{DocId, Document};
use echotrace_eval::clough_stevenson::{
    evaluate, features, AnswerSpan, CloughStevenson, Features, Level, Separation,
};
use echotrace_reuse::{ReuseConfig, ReuseEngine};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/reuse/clough-stevenson"
    ));
    let mut json = false;
    let mut per_answer = false;
    let mut config = ReuseConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Option<usize> {
            let v = args.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("{name} needs a number");
            }
            v
        };
        match arg.as_str() {
            "--json" => json = true,
            "--per-answer" => per_answer = true,
            "--min-words" => match number("--min-words") {
                Some(n) => config.align.min_words = n as u32,
                None => return ExitCode::from(2),
            },
            "--min-chars" => match number("--min-chars") {
                Some(n) => config.align.min_chars = n,
                None => return ExitCode::from(2),
            },
            "--min-chain-words" => match number("--min-chain-words") {
                Some(n) => config.align.min_chain_words = n,
                None => return ExitCode::from(2),
            },
            a if a.starts_with("--") => {
                eprintln!("unknown option {a}");
                return ExitCode::from(2);
            }
            a => dir = PathBuf::from(a),
        }
    }
    let corpus = match CloughStevenson::load(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let engine = ReuseEngine::new(config);
    let mut items: Vec<(Level, Features)> = Vec::new();
    let mut rows = Vec::new();
    for answer in &corpus.answers {
        let source_doc = Document::new(
            DocId::new(format!("orig_task{}", answer.task)),
            corpus.source(answer),
        );
        let answer_doc = Document::new(DocId::new(answer.file.clone()), answer.text.as_str());
        let alignments = engine.align_documents(&source_doc, &answer_doc);
        let spans: Vec<AnswerSpan> = alignments
            .iter()
            .map(|a| {
                // `a` is the source, `b` the answer; identity() = matched / columns.
                let m = &a.span;
                AnswerSpan {
                    start: m.b.start,
                    end: m.b.end,
                    matched: m.matches + m.variants,
                    columns: m.columns(),
                }
            })
            .collect();
        let f = features(&answer.text, &spans);
        items.push((answer.level, f));
        rows.push(serde_json::json!({
            "file": answer.file, "task": answer.task, "level": answer.level,
            "coverage": f.coverage, "identity": f.identity, "spans": spans.len(),
        }));
    }
    let result = evaluate(&items);
    if json {
        let mut out = serde_json::json!({
            "dir": dir.display().to_string(),
            "align": {
                "min_words": config.align.min_words,
                "min_chars": config.align.min_chars,
                "min_chain_words": config.align.min_chain_words,
            },
            "result": result,
        });
        if per_answer {
            out["answers"] = serde_json::Value::Array(rows);
        }
        println!("{out}");
    } else {
        if per_answer {
            for r in &rows {
                println!("{r}");
            }
        }
        print_report(&result, &config);
    }
    ExitCode::SUCCESS
}

fn print_report(r: &Separation, config: &ReuseConfig) {
    println!(
        "Clough & Stevenson: {} answers; aligner min_words {} min_chars {} min_chain_words {}",
        r.answers, config.align.min_words, config.align.min_chars, config.align.min_chain_words
    );
    println!(
        "{:<6} {:>5} {:>10} {:>10}",
        "level", "n", "coverage", "identity"
    );
    for s in &r.per_level {
        println!(
            "{:<6} {:>5} {:>10.3} {:>10.3}",
            s.level.name(),
            s.count,
            s.mean_coverage,
            s.mean_identity
        );
    }
    println!("({})", r.protocol);
    println!("level accuracy: {:.3}", r.level_accuracy);
    print!("confusion (rows gold, cols predicted):\n{:<6}", "");
    for l in &r.levels {
        print!(" {:>6}", l.name());
    }
    println!();
    for (l, row) in r.levels.iter().zip(&r.confusion) {
        print!("{:<6}", l.name());
        for n in row {
            print!(" {n:>6}");
        }
        println!();
    }
    let b = &r.reuse_vs_non;
    println!(
        "reuse vs non: P {:.3} R {:.3} F1 {:.3} acc {:.3} (tp {} fp {} fn {} tn {}); \
         coverage threshold {:.3} on all, {:.3}..{:.3} across folds",
        b.precision,
        b.recall,
        b.f1,
        b.accuracy,
        b.tp,
        b.fp,
        b.fn_,
        b.tn,
        r.threshold_all,
        r.threshold_range.0,
        r.threshold_range.1
    );
}
