mod eval;
mod export;
mod ingest;
mod show;
mod stats;

use crate::cli::{Cli, Command, EvalCommand, ExportCommand};
use anyhow::{Context, Result};
use echotrace_store::Store;
use std::path::Path;
use std::process::ExitCode;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db.as_path();
    match cli.command {
        Command::Ingest(args) => ingest::run(args, db),
        Command::Show(args) => show::run(args, db),
        Command::Stats(args) => stats::run(args, db),
        Command::Export(ExportCommand::Docs(args)) => export::docs(args, db),
        Command::Eval(EvalCommand::Extraction(args)) => eval::extraction(args),
    }
}

/// Opens the store, or says which file could not be opened and why.
fn open_store(path: &Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot open store {}", path.display()))
}

/// Opens a store that must exist already: reading commands never create an empty one by typo.
fn open_existing_store(path: &Path) -> Result<Store> {
    if !path.exists() {
        anyhow::bail!(
            "no store at {} (run `echotrace ingest PATH --db {}` first, or pass --db)",
            path.display(),
            path.display()
        );
    }
    open_store(path)
}
