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

/// Turns transparent huge pages off for this process.
///
/// mimalloc asks the kernel for huge pages on its segments, and the kernel then zeroes a whole
/// 2 MiB page the first time any byte of it is touched, even when mimalloc uses a few kilobytes
/// of it before returning the segment. On the 21k-document store that zeroing was the largest
/// item of an incremental `analyze` (14 % of its samples; figures in `docs/benchmarks.md`).
/// The switch is per process and leaves the system's setting alone. mimalloc makes the same
/// call for its `MIMALLOC_ALLOW_THP=0`, but reads that variable when it starts, before `main`,
/// so the call is made here.
#[cfg(target_os = "linux")]
fn disable_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours; a kernel
    // without it answers EINVAL, which leaves the process as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn disable_transparent_huge_pages() {}

fn main() -> ExitCode {
    disable_transparent_huge_pages();
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
