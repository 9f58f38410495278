//! Shared helpers for the integration tests.
#![allow(dead_code)]

use echotrace_core::Document;
use echotrace_extract::{ArticleExtractor, EchotraceExtractor};
use echotrace_ingest::{IngestEvent, Ingestor, Rejection, Summary};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// The extractor the tests run HTML through: the project's own.
pub fn extractor() -> Arc<dyn ArticleExtractor> {
    Arc::new(EchotraceExtractor::default())
}

pub fn ingestor() -> Ingestor {
    Ingestor::builder().extractor(extractor()).build()
}

pub struct Outcome {
    pub docs: Vec<Document>,
    pub rejections: Vec<Rejection>,
    pub summary: Summary,
}

pub fn read(paths: &[PathBuf]) -> Outcome {
    let mut docs = Vec::new();
    let mut rejections = Vec::new();
    let summary = ingestor().read(paths, |e| match e {
        IngestEvent::Document(d) => docs.push(d),
        IngestEvent::Rejected(r) => rejections.push(r),
    });
    Outcome {
        docs,
        rejections,
        summary,
    }
}

pub fn read_one(rel: &str) -> Outcome {
    read(&[fixture(rel)])
}

pub fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("fixture gunzips");
    out
}
