//! Benchmark readers and scorers for echotrace's evaluation sets.
//!
//! Each module reproduces the reference scorer of one benchmark exactly, so that a figure
//! printed by echotrace can be checked against the benchmark's own script.
//!
//! - [`extraction`]: article-body extraction (Scrapinghub's `article-extraction-benchmark`
//!   metric, applied to the Scrapinghub and WCXB sets).
//! - [`clough_stevenson`]: graded human reuse (Clough & Stevenson): how well alignment coverage
//!   and identity separate the levels `cut`, `light`, `heavy`, `non`.
//! - [`coordination`]: coordinated groups, as `shared/eval/coordination/score.py`.
//! - [`quotes`]: quote attribution on brat standoff (PolNeAR), as `shared/eval/quotes/score.py`.
//! - [`reuse`]: reuse clusters with provenance, as `shared/eval/reuse/score.py`.

pub mod clough_stevenson;
pub mod coordination;
pub mod extraction;
mod pyword_table;
pub mod quotes;
pub mod reuse;

use std::path::PathBuf;

/// What can go wrong reading a benchmark. Every variant names the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: invalid JSON: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error(
        "{0}: not a known benchmark layout (expected ground-truth.json + html/, or ground-truth/ + html/)"
    )]
    UnknownLayout(PathBuf),
}
