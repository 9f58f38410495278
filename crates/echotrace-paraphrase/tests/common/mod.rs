//! The sentence model for the tests that need it, loaded once per test binary.

use echotrace_paraphrase::{MiniLmEncoder, ModelFiles};
use std::io::Write;
use std::sync::OnceLock;

/// The encoder from `ModelFiles::default_dir()`; `None` (after a note on stderr naming
/// `suite`) when the model is not installed and this is not CI, where a missing model fails.
pub fn encoder(suite: &str) -> Option<&'static MiniLmEncoder> {
    static ENCODER: OnceLock<Option<MiniLmEncoder>> = OnceLock::new();
    ENCODER
        .get_or_init(|| {
            let dir =
                ModelFiles::default_dir().expect("no model directory: set ECHOTRACE_MODEL or HOME");
            let missing = ModelFiles::new(&dir).missing();
            if !missing.is_empty() {
                let ci = std::env::var("CI")
                    .map(|v| !v.is_empty() && v != "false" && v != "0")
                    .unwrap_or(false);
                let message = format!(
                    "the sentence model is not installed in {} (missing {}): run \
                     `echotrace model fetch` (or set ECHOTRACE_MODEL to a model directory)",
                    dir.display(),
                    missing
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                assert!(!ci, "{message}");
                // Straight to stderr, past the test harness's capture, so the skip shows.
                let _ = writeln!(std::io::stderr(), "{suite}: skipped: {message}");
                return None;
            }
            Some(
                MiniLmEncoder::load(&dir)
                    .unwrap_or_else(|e| panic!("loading the model from {}: {e}", dir.display())),
            )
        })
        .as_ref()
}
