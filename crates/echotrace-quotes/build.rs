//! Fingerprints the extractor's rules so that a store can tell quotes extracted by another
//! build from its own (`echotrace analyze` extracts them again after an upgrade).
//!
//! The fingerprint is FNV-1a over every file under `src/`, path and bytes, in path order:
//! five lines of arithmetic, where a hashing crate would be one more build dependency to
//! compile for a value only compared for equality, and std's `DefaultHasher` may change
//! between Rust releases.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut paths = Vec::new();
    files(Path::new("src"), &mut paths);
    paths.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for path in &paths {
        feed(path.to_string_lossy().replace('\\', "/").as_bytes());
        feed(&fs::read(path).unwrap_or_default());
    }
    println!("cargo:rustc-env=ECHOTRACE_QUOTES_RULES={hash:016x}");
}
