//! Ctrl-C handling: the first interrupt asks long commands to stop at the next safe point
//! (the ingest stores the records already parsed, at most a few chunks, and commits the batch
//! in flight; analyze finishes the batch in hand); a second one
//! exits at once, which is still safe because every batch is one transaction.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Installs the handler and returns the flag it sets.
pub fn install() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let seen = flag.clone();
    // Installing fails only if a handler exists already; interrupts then kill the process,
    // which the transactions make safe too.
    let _ = ctrlc::set_handler(move || {
        if seen.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\ninterrupted: committing the batch in flight (Ctrl-C again to quit now)");
    });
    flag
}
