use super::open_store;
use crate::cli::IngestArgs;
use crate::interrupt;
use crate::output::print_json;
use anyhow::{Context, Result};
use echotrace_core::Document;
use echotrace_extract::EchotraceExtractor;
use echotrace_ingest::{IngestEvent, Ingestor, Rejection};
use echotrace_store::{InsertOutcome, RunCounts, Store, StoreError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[derive(Serialize, Default)]
pub struct IngestReport {
    pub files: usize,
    pub documents_read: u64,
    pub added: u64,
    pub unchanged: u64,
    /// Documents whose id and text were stored already, with other metadata.
    pub same_text_other_metadata: u64,
    pub rejected: u64,
    pub skipped: u64,
    pub interrupted: bool,
    pub rejections: Vec<RejectionView>,
}

#[derive(Serialize)]
pub struct RejectionView {
    file: String,
    location: Option<String>,
    reason: String,
}

/// Collects documents into batches and writes each batch in one transaction.
struct BatchWriter<'s> {
    store: &'s mut Store,
    batch: Vec<Document>,
    size: usize,
    report: IngestReport,
    /// Documents the store did not take (an id stored with other content, an invalid
    /// document): reported as rejections.
    conflicts: Vec<Rejection>,
    notes: Vec<String>,
}

impl BatchWriter<'_> {
    fn push(&mut self, doc: Document) -> Result<()> {
        self.batch.push(doc);
        if self.batch.len() >= self.size {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let outcome = match self.store.insert_documents(&self.batch) {
            Ok(outcome) => outcome,
            // One document the store refuses must not cost the rest of the batch: write them
            // one at a time and reject only the bad ones.
            Err(StoreError::InvalidDocument { .. }) => self.insert_one_by_one()?,
            Err(e) => return Err(e).context("writing a batch of documents"),
        };
        self.report.added += outcome.added as u64;
        self.report.unchanged += outcome.unchanged as u64;
        for id in outcome.conflicts {
            let Some(doc) = self.batch.iter().find(|d| d.id == id) else {
                continue;
            };
            let origin = doc.origin.clone().unwrap_or_default();
            let stored = self
                .store
                .document(&id)
                .context("reading a stored document")?;
            if stored.is_some_and(|s| s.text == doc.text) {
                // The same text under the same id, seen again with other metadata (a page saved
                // as HTML and captured in a WARC): nothing is lost, so it is a note, not a
                // rejection.
                self.report.same_text_other_metadata += 1;
                self.notes.push(format!(
                    "{origin}: document {id} is already stored with the same text and other metadata; the stored one was kept"
                ));
            } else {
                self.conflicts.push(Rejection {
                    file: origin,
                    location: None,
                    reason: format!(
                        "document id {id} is already stored with other text; the stored one was kept"
                    ),
                });
            }
        }
        self.batch.clear();
        Ok(())
    }

    fn insert_one_by_one(&mut self) -> Result<InsertOutcome> {
        let mut total = InsertOutcome::default();
        for doc in &self.batch {
            match self.store.insert_documents(std::slice::from_ref(doc)) {
                Ok(outcome) => {
                    total.added += outcome.added;
                    total.unchanged += outcome.unchanged;
                    total.conflicts.extend(outcome.conflicts);
                }
                Err(StoreError::InvalidDocument { reason, .. }) => {
                    self.conflicts.push(Rejection {
                        file: doc.origin.clone().unwrap_or_default(),
                        location: None,
                        reason: format!("document {} cannot be stored: {reason}", doc.id),
                    });
                }
                Err(e) => return Err(e).context("writing a document"),
            }
        }
        Ok(total)
    }
}

/// How [`ingest_into`] runs.
pub struct IngestOptions {
    /// Documents per transaction.
    pub batch: usize,
    /// No progress bar and no notes.
    pub quiet: bool,
}

/// Reads `paths` into `store` in transactional batches and records the run; rejections are
/// printed on stderr as they come and returned in the report.
pub fn ingest_into(
    store: &mut Store,
    paths: &[PathBuf],
    options: &IngestOptions,
    cancel: Arc<AtomicBool>,
) -> Result<IngestReport> {
    let ingestor = Ingestor::builder()
        .extractor(Arc::new(EchotraceExtractor::default()))
        .cancel_flag(cancel.clone())
        .build();
    let plan = ingestor.plan(paths);
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let run_id = store.begin_run(&inputs)?;

    let bar = if options.quiet {
        ProgressBar::hidden()
    } else {
        let bar =
            ProgressBar::with_draw_target(Some(plan.total_bytes), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    };

    let mut writer = BatchWriter {
        store,
        batch: Vec::with_capacity(options.batch.max(1)),
        size: options.batch.max(1),
        report: IngestReport::default(),
        conflicts: Vec::new(),
        notes: Vec::new(),
    };
    let mut rejections: Vec<Rejection> = Vec::new();
    let mut write_error: Option<anyhow::Error> = None;
    let summary = ingestor.read_plan(
        &plan,
        |event| match event {
            IngestEvent::Document(doc) => {
                if write_error.is_none() {
                    if let Err(e) = writer.push(doc) {
                        // The store cannot take more; stop reading rather than drop documents.
                        write_error = Some(e);
                        cancel.store(true, Ordering::SeqCst);
                    }
                }
            }
            IngestEvent::Rejected(rejection) => {
                bar.suspend(|| eprintln!("rejected: {rejection}"));
                rejections.push(rejection);
            }
        },
        |progress| {
            bar.set_position(progress.bytes_read);
            bar.set_message(short_name(progress.file));
        },
    );
    if write_error.is_none() {
        if let Err(e) = writer.flush() {
            write_error = Some(e);
        }
    }
    bar.finish_and_clear();
    if !options.quiet {
        for note in &writer.notes {
            eprintln!("note: {note}");
        }
    }
    for conflict in &writer.conflicts {
        eprintln!("rejected: {conflict}");
    }
    rejections.append(&mut writer.conflicts);

    let mut report = std::mem::take(&mut writer.report);
    report.files = summary.files;
    report.documents_read = summary.documents;
    report.skipped = summary.skipped;
    report.rejected = rejections.len() as u64;
    report.interrupted = summary.cancelled && write_error.is_none();
    let rows: Vec<(String, String, String)> = rejections
        .iter()
        .map(|r| {
            (
                r.file.clone(),
                r.location.clone().unwrap_or_default(),
                r.reason.clone(),
            )
        })
        .collect();
    store.record_rejections(run_id, &rows)?;
    if let Some(e) = write_error {
        return Err(e);
    }
    if !report.interrupted {
        store.finish_run(
            run_id,
            RunCounts {
                documents_added: report.added,
                duplicates: report.unchanged,
                rejected: report.rejected,
            },
        )?;
    }
    report.rejections = rejections
        .into_iter()
        .map(|r| RejectionView {
            file: r.file,
            location: r.location,
            reason: r.reason,
        })
        .collect();

    Ok(report)
}

pub fn run(args: IngestArgs, db: &Path) -> Result<ExitCode> {
    let mut store = open_store(db)?;
    let cancel = interrupt::install();
    let options = IngestOptions {
        batch: args.batch as usize,
        quiet: args.quiet,
    };
    let report = ingest_into(&mut store, &args.paths, &options, cancel)?;
    if args.json {
        print_json(&report)?;
    } else {
        eprintln!(
            "{} files: {} documents read, {} added, {} already stored, {} rejected{}{}",
            report.files,
            report.documents_read,
            report.added,
            report.unchanged + report.same_text_other_metadata,
            report.rejected,
            if report.skipped > 0 {
                format!(", {} records skipped (not articles)", report.skipped)
            } else {
                String::new()
            },
            if report.interrupted {
                " — interrupted; run the same command again to finish"
            } else {
                ""
            }
        );
    }
    Ok(if report.interrupted {
        ExitCode::from(130)
    } else if report.rejected > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The last two components of a path, enough to tell files apart on a progress line.
fn short_name(name: &str) -> String {
    let parts: Vec<&str> = name.rsplit('/').take(2).collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}
