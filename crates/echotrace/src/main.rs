//! `echotrace`: the command-line front of the echotrace pipeline.
//!
//! The binary is thin on purpose: every command parses its arguments, calls the stage crates
//! (`echotrace-ingest`, `echotrace-extract`, …) and the store (`echotrace-store`), and prints
//! the result as text or, with `--json`, as JSON. No algorithm lives here.

mod cli;
mod commands;
mod interrupt;
mod output;

use clap::Parser;
use std::process::ExitCode;

// Quote extraction and alignment allocate many small strings and vectors on every core; with
// glibc's allocator, malloc and free were a sixth of the quotes stage's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
