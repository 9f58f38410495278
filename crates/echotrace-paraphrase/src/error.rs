use std::path::PathBuf;

/// What can go wrong loading a model or scoring pairs.
#[derive(Debug, thiserror::Error)]
pub enum ParaphraseError {
    #[error("no sentence model in {dir}: missing {}", missing_list(.missing))]
    ModelMissing { dir: PathBuf, missing: Vec<PathBuf> },
    #[error("{path}: {reason}")]
    Model { path: PathBuf, reason: String },
    #[error("fitting the paraphrase scorer failed: {0}")]
    Fit(String),
    #[error("embedding failed: {0}")]
    Encode(String),
    #[error("{path}, line {line}: {reason}")]
    PairFile {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn missing_list(missing: &[PathBuf]) -> String {
    missing
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}
