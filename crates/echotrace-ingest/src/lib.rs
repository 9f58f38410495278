//! Readers that turn input files into echotrace [`Document`]s.
//!
//! # Design
//!
//! An [`Ingestor`] takes paths (files, directories read recursively in sorted order, `-` for
//! standard input), opens each one, undoes gzip when the bytes say so (multi-member, as WARC
//! writers produce), picks a [`DocumentReader`] by extension or, for stdin and unknown
//! extensions, by sniffing the first bytes, and streams what the reader finds to a callback
//! as [`IngestEvent`]s. Each document-sized unit (a file for `.txt`/`.html`, a line, a WARC
//! record, a feed entry) is bounded by [`IngestorBuilder::max_record_bytes`], and nothing holds
//! more than a few chunks of units in memory (see below).
//!
//! [`Ingestor::read_plan`] (and [`Ingestor::read`]) use every core: a thread reads the inputs
//! in order; readers hand the CPU-bound work on a unit (JSON parsing, HTTP and charset
//! decoding, article extraction) back as an [`Item::Deferred`]; that work and the shared steps
//! below run on rayon's threads, a chunk of up to [`CHUNK_UNITS`] units (or [`CHUNK_BYTES`] of
//! input) at a time; and the events reach the caller's callback on the caller's thread, in
//! input order, while the next chunks are read and worked. The order of documents and
//! rejections, and the documents themselves, are those of a one-thread read
//! ([`Ingestor::read_stream`] reads on the calling thread alone).
//!
//! | format | unit | notes |
//! |---|---|---|
//! | `.txt` | file | byte-exact UTF-8 (or what a BOM names); undecodable files are rejected |
//! | `.jsonl`, `.ndjson` | line | `id`, `source`, `url`, `date`, `title`, `text` or `html`, …; see [`readers::JsonlReader`] |
//! | `.html`, `.htm` | file | charset decoded, then the [`ArticleExtractor`] |
//! | `.warc` | record | HTML `response`/`resource` records; `WARC-Target-URI`, `WARC-Date` fallback |
//! | `.rss`, `.atom`, `.xml` | entry | RSS 2.0, RSS 1.0, Atom; content, else summary |
//!
//! Readers produce [`Draft`]s; the steps every format shares happen once, here:
//!
//! 1. the body: [`body::layout`] sets a byline first line and trailing blog boilerplate
//!    outside [`Document::body`] while keeping them in [`Document::text`], so offsets agree
//!    with the input. The same rules run on every format, which is what makes an exported
//!    JSONL re-ingest to the same documents;
//! 2. the source: the input's own (a `source` field, a page's site name, a feed's title),
//!    else the URL's host, else an outlet a byline names;
//! 3. the id: the input's own, else [`DocId::from_content`];
//! 4. the language: the input's own, else whatlang (ISO 639-3) when it is confident, else
//!    what the page declares;
//! 5. an empty body is a rejection.
//!
//! Problems never stop a batch: a bad unit is an [`IngestEvent::Rejected`] naming the file,
//! the line/record/entry and the reason, and the units around it still land. A truncated gzip
//! or WARC ends that file with a rejection after everything before the damage was sent.
//!
//! # Example
//!
//! ```
//! use echotrace_ingest::{IngestEvent, Ingestor};
//!
//! let ingestor = Ingestor::builder().build();
//! let text = "Sputnik\n\
//!     Kazakh President Kassym-Jomart Tokayev said on Monday that the unrest had been prepared.\n\
//!     No comments:\nPost a Comment\n";
//! let mut docs = Vec::new();
//! let summary = ingestor.read_stream("seed.txt", text.as_bytes(), Some("txt"), |event| {
//!     match event {
//!         IngestEvent::Document(doc) => docs.push(doc),
//!         IngestEvent::Rejected(why) => eprintln!("{why}"),
//!     }
//! });
//! assert_eq!(summary.documents, 1);
//! assert_eq!(docs[0].source.as_ref().unwrap().as_str(), "Sputnik");
//! assert!(docs[0].body_text().starts_with("Kazakh President"));
//! assert!(docs[0].body_text().ends_with("prepared."));
//! ```
//!
//! [`export_record`] writes a document back as a JSONL record that re-ingests to the same
//! document.
//!
//! For a progress bar, [`Ingestor::plan`] lists the inputs and their total size before
//! anything is read, and [`Ingestor::read_plan`] reports the bytes read so far after every
//! document.

pub mod body;
mod decode;
mod error;
mod export;
mod htmltext;
mod input;
mod lang;
mod reader;
pub mod readers;

pub use error::ReadError;
pub use export::{export_line, export_record};
pub use htmltext::html_to_text;
pub use lang::{detect as detect_language, normalize as normalize_language};
pub use reader::{Deferred, DocumentReader, Draft, Emit, Item, Location, ReadContext};

use echotrace_core::{DocId, Document, SourceId};
use echotrace_extract::{ArticleExtractor, EchotraceExtractor};
use input::{is_gzip, Counting, Gunzip, Peeked};
use rayon::prelude::*;
use std::fmt;
use std::io::{BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};

/// The default for [`IngestorBuilder::max_record_bytes`].
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// The name standard input goes by in rejections and origins.
pub const STDIN_NAME: &str = "<stdin>";

/// What ingest finds, one event per document or rejected unit.
#[derive(Clone, Debug, PartialEq)]
pub enum IngestEvent {
    Document(Document),
    Rejected(Rejection),
}

/// An input unit that did not become a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The path as given (or `<stdin>`).
    pub file: String,
    /// `line 17`, `record 3`, `entry 2`; `None` when the whole file is meant.
    pub location: Option<String>,
    pub reason: String,
}

impl fmt::Display for Rejection {
    /// `file: location: reason`, or `file: reason`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "{}: {}: {}", self.file, loc, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

/// Totals of one [`Ingestor::read`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs opened.
    pub files: usize,
    pub documents: u64,
    pub rejected: u64,
    /// Units that are not meant to be documents (WARC request records, non-HTML responses).
    pub skipped: u64,
    /// Bytes read from the inputs as stored (compressed bytes for `.gz`).
    pub bytes_read: u64,
    /// The cancel flag stopped the read before the end.
    pub cancelled: bool,
}

impl Summary {
    /// Whether every unit became a document (for the exit status).
    pub fn is_clean(&self) -> bool {
        self.rejected == 0
    }
}

/// The inputs a set of paths expands to, before anything is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub inputs: Vec<PlannedInput>,
    /// Sum of the known sizes (stdin counts 0).
    pub total_bytes: u64,
    /// Paths that cannot be read (missing, unreadable); reported as rejections by
    /// [`Ingestor::read_plan`].
    pub problems: Vec<Rejection>,
    /// Files inside directories that no reader takes (by extension), left out silently.
    pub ignored: Vec<PathBuf>,
}

/// One input of a [`Plan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedInput {
    /// The file, or `-` for standard input.
    pub path: PathBuf,
    /// The name shown in rejections and used in origins.
    pub name: String,
    /// The size on disk, if known.
    pub size: Option<u64>,
}

/// Where a read stands, reported after every document or rejection and after every input.
#[derive(Clone, Copy, Debug)]
pub struct Progress<'a> {
    /// Bytes read so far from all inputs, as stored (compare with `total_bytes`).
    pub bytes_read: u64,
    pub total_bytes: u64,
    /// The input being read.
    pub file: &'a str,
    /// Inputs finished.
    pub files_done: usize,
    pub files_total: usize,
    pub documents: u64,
    pub rejected: u64,
}

/// Reads inputs into documents. Build one with [`Ingestor::builder`]; it is `Send + Sync`
/// and can be shared between threads that read different inputs.
pub struct Ingestor {
    extractor: Arc<dyn ArticleExtractor>,
    detect_language: bool,
    max_record_bytes: usize,
    readers: Vec<Arc<dyn DocumentReader>>,
    cancel: Option<Arc<AtomicBool>>,
}

/// Builder for [`Ingestor`].
pub struct IngestorBuilder {
    extractor: Option<Arc<dyn ArticleExtractor>>,
    detect_language: bool,
    max_record_bytes: usize,
    extra_readers: Vec<Arc<dyn DocumentReader>>,
    cancel: Option<Arc<AtomicBool>>,
}

impl IngestorBuilder {
    /// The extractor HTML goes through (`.html`, WARC, JSONL `html`); default
    /// [`EchotraceExtractor`].
    pub fn extractor(mut self, extractor: Arc<dyn ArticleExtractor>) -> Self {
        self.extractor = Some(extractor);
        self
    }

    /// Detect languages with whatlang (default on). Off, only given or declared languages
    /// are used.
    pub fn detect_language(mut self, on: bool) -> Self {
        self.detect_language = on;
        self
    }

    /// The most bytes one unit may have (a `.txt`/`.html` file, a JSONL line, a WARC record,
    /// a feed entry's text); larger units are rejected. Default 64 MiB.
    pub fn max_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes.max(1);
        self
    }

    /// Adds a reader for another format. It is asked before the built-in ones, for its
    /// extensions and when sniffing ties.
    pub fn reader(mut self, reader: Arc<dyn DocumentReader>) -> Self {
        self.extra_readers.push(reader);
        self
    }

    /// A flag that, once set (by a Ctrl-C handler), stops the read after the current unit.
    pub fn cancel_flag(mut self, flag: Arc<AtomicBool>) -> Self {
        self.cancel = Some(flag);
        self
    }

    pub fn build(self) -> Ingestor {
        let mut readers = self.extra_readers;
        readers.extend(readers::builtin());
        Ingestor {
            extractor: self
                .extractor
                .unwrap_or_else(|| Arc::new(EchotraceExtractor::default())),
            detect_language: self.detect_language,
            max_record_bytes: self.max_record_bytes,
            readers,
            cancel: self.cancel,
        }
    }
}

impl Ingestor {
    pub fn builder() -> IngestorBuilder {
        IngestorBuilder {
            extractor: None,
            detect_language: true,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            extra_readers: Vec::new(),
            cancel: None,
        }
    }

    /// The readers in the order they are asked.
    pub fn readers(&self) -> &[Arc<dyn DocumentReader>] {
        &self.readers
    }

    /// Expands paths into inputs without reading them: directories recursively (hidden
    /// entries skipped, names sorted bytewise so every run reads in the same order, only files
    /// some reader takes by extension), `-` as standard input.
    pub fn plan(&self, paths: &[PathBuf]) -> Plan {
        let mut plan = Plan::default();
        for path in paths {
            if path.as_os_str() == "-" {
                plan.inputs.push(PlannedInput {
                    path: path.clone(),
                    name: STDIN_NAME.to_string(),
                    size: None,
                });
                continue;
            }
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => {
                    let mut seen = Vec::new();
                    self.walk(path, &mut plan, &mut seen, 0);
                }
                Ok(m) => plan.inputs.push(PlannedInput {
                    path: path.clone(),
                    name: path.display().to_string(),
                    size: Some(m.len()),
                }),
                Err(e) => plan.problems.push(Rejection {
                    file: path.display().to_string(),
                    location: None,
                    reason: e.to_string(),
                }),
            }
        }
        plan.total_bytes = plan.inputs.iter().filter_map(|i| i.size).sum();
        plan
    }

    fn walk(&self, dir: &Path, plan: &mut Plan, seen: &mut Vec<PathBuf>, depth: usize) {
        let problem = |plan: &mut Plan, reason: String| {
            plan.problems.push(Rejection {
                file: dir.display().to_string(),
                location: None,
                reason,
            })
        };
        // Symlinked directories may loop back.
        if let Ok(canonical) = dir.canonicalize() {
            if seen.contains(&canonical) {
                return;
            }
            seen.push(canonical);
        }
        if depth > 64 {
            return problem(plan, "directories nested too deep".into());
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return problem(plan, e.to_string()),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        paths.sort_by(|a, b| {
            a.as_os_str()
                .as_encoded_bytes()
                .cmp(b.as_os_str().as_encoded_bytes())
        });
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.walk(&path, plan, seen, depth + 1),
                Ok(m) => {
                    if self.reader_for_extension(&path).is_some() {
                        plan.inputs.push(PlannedInput {
                            name: path.display().to_string(),
                            path,
                            size: Some(m.len()),
                        });
                    } else {
                        plan.ignored.push(path);
                    }
                }
                Err(e) => plan.problems.push(Rejection {
                    file: path.display().to_string(),
                    location: None,
                    reason: e.to_string(),
                }),
            }
        }
    }

    /// Reads every path, sending each document and rejection to `on_event`.
    pub fn read(&self, paths: &[PathBuf], on_event: impl FnMut(IngestEvent)) -> Summary {
        let plan = self.plan(paths);
        self.read_plan(&plan, on_event, |_| {})
    }

    /// Reads a plan, reporting progress after every event and every input.
    ///
    /// The inputs are read on a thread of their own, and the work on each unit (parsing,
    /// article extraction, the shared steps of [`Ingestor::finish`]) runs on rayon's threads
    /// in chunks of [`CHUNK_UNITS`] units or [`CHUNK_BYTES`] bytes of input; `on_event` and
    /// `on_progress` run on the calling thread, in input order, exactly as a one-thread read
    /// would call them, while the next chunks are being read. So a caller that writes
    /// documents somewhere (a database) does so on one thread, alongside the reading.
    pub fn read_plan(
        &self,
        plan: &Plan,
        mut on_event: impl FnMut(IngestEvent),
        mut on_progress: impl FnMut(&Progress<'_>),
    ) -> Summary {
        for problem in &plan.problems {
            on_event(IngestEvent::Rejected(problem.clone()));
        }
        // Two chunks wait while a third is worked on: enough to keep both sides busy, and
        // little to finish after an interrupt.
        let (tx, rx) = mpsc::sync_channel::<Vec<Delivery>>(2);
        std::thread::scope(|scope| {
            let producer = scope.spawn(move || Pipeline::new(self, plan, tx).run());
            // The receiver lives (and dies) in here: if a callback panics, the reading thread
            // sees it gone and stops instead of waiting forever.
            let rx = rx;
            for chunk in rx.iter() {
                for Delivery { event, mark } in chunk {
                    if let Some(event) = event {
                        on_event(event);
                    }
                    on_progress(&mark.progress(plan));
                }
            }
            match producer.join() {
                Ok(summary) => summary,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Reads one stream (standard input, a network body, a fuzzer's bytes). `format` names a
    /// reader (`txt`, `jsonl`, `html`, `warc`, `feed`); `None` takes the extension of `name`,
    /// else sniffs. Gzip is undone as for files. Everything happens on the calling thread.
    pub fn read_stream(
        &self,
        name: &str,
        input: impl Read,
        format: Option<&str>,
        mut on_event: impl FnMut(IngestEvent),
    ) -> Summary {
        let mut summary = Summary {
            files: 1,
            ..Summary::default()
        };
        let counter = Arc::new(AtomicU64::new(0));
        let counted = Counting::new(input, counter.clone());
        let ext = extension(Path::new(name));
        self.read_input(
            name,
            Box::new(counted),
            ext.as_deref(),
            format,
            &mut |location, unit| {
                let settled = self.settle(name, location, unit);
                if let Some(event) = summary.count(settled) {
                    on_event(event);
                }
                if self.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        summary.bytes_read = counter.load(Ordering::Relaxed);
        summary.cancelled = self.cancelled();
        summary
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }

    fn context<'a>(&'a self, file: &'a str) -> ReadContext<'a> {
        ReadContext {
            file,
            extractor: self.extractor.as_ref(),
            max_record_bytes: self.max_record_bytes,
        }
    }

    /// Runs the reader for one input, sending every unit it finds (and a problem that ends
    /// the input, as a rejection) to `on_unit`, which says whether to go on.
    fn read_input(
        &self,
        name: &str,
        raw: Box<dyn Read + '_>,
        ext: Option<&str>,
        format: Option<&str>,
        on_unit: &mut dyn FnMut(Option<Location>, Unit) -> ControlFlow<()>,
    ) {
        let raw = Peeked::new(raw, 2);
        let inner: Box<dyn Read + '_> = if is_gzip(raw.head()) {
            Box::new(Gunzip::new(BufReader::new(raw)))
        } else {
            Box::new(raw)
        };
        let peeked = Peeked::new(inner, 8192);
        let reader = match self.choose(format, ext, peeked.head()) {
            Ok(r) => r,
            Err(e) => {
                let _ = on_unit(None, Unit::Rejected(e.to_string()));
                return;
            }
        };
        let mut input = BufReader::with_capacity(64 * 1024, peeked);
        let cx = self.context(name);
        let result = {
            let mut sink = |item: Item| -> ControlFlow<()> {
                match item {
                    Item::Document { location, draft } => on_unit(location, Unit::Draft(draft)),
                    Item::Deferred { location, work } => on_unit(location, Unit::Deferred(work)),
                    Item::Rejected { location, reason } => {
                        on_unit(location, Unit::Rejected(reason))
                    }
                    Item::Skipped { location } => on_unit(location, Unit::Skipped),
                }
            };
            reader.read(&mut input, &cx, &mut sink)
        };
        if let Err(e) = result {
            let _ = on_unit(e.location(), Unit::Rejected(e.to_string()));
        }
    }

    /// The end of one unit: its deferred work done, then [`Ingestor::finish`]. Runs on any
    /// thread.
    fn settle(&self, file: &str, location: Option<Location>, unit: Unit) -> Settled {
        let rejected = |reason: String| {
            Settled::Rejected(Rejection {
                file: file.to_string(),
                location: location.map(|l| l.to_string()),
                reason,
            })
        };
        let draft = match unit {
            Unit::Draft(draft) => *draft,
            Unit::Deferred(work) => match work.run(&self.context(file)) {
                Ok(Some(draft)) => draft,
                Ok(None) => return Settled::Skipped,
                Err(reason) => return rejected(reason),
            },
            Unit::Rejected(reason) => return rejected(reason),
            Unit::Skipped => return Settled::Skipped,
        };
        match self.finish(file, location, draft) {
            Ok(doc) => Settled::Document(doc),
            Err(reason) => rejected(reason),
        }
    }

    fn reader_for_extension(&self, path: &Path) -> Option<&Arc<dyn DocumentReader>> {
        let ext = extension(path)?;
        self.readers
            .iter()
            .find(|r| r.extensions().contains(&ext.as_str()))
    }

    fn choose(
        &self,
        format: Option<&str>,
        ext: Option<&str>,
        head: &[u8],
    ) -> Result<&Arc<dyn DocumentReader>, ReadError> {
        if let Some(f) = format {
            return self.readers.iter().find(|r| r.name() == f).ok_or_else(|| {
                ReadError::Unrecognized {
                    detail: format!("no reader named `{f}`"),
                }
            });
        }
        if let Some(ext) = ext {
            if let Some(r) = self.readers.iter().find(|r| r.extensions().contains(&ext)) {
                return Ok(r);
            }
        }
        let mut best: Option<(&Arc<dyn DocumentReader>, u8)> = None;
        for r in &self.readers {
            let score = r.sniff(head);
            if score > 0 && best.is_none_or(|(_, s)| score > s) {
                best = Some((r, score));
            }
        }
        best.map(|(r, _)| r).ok_or_else(|| ReadError::Unrecognized {
            detail: "no reader recognises the content".into(),
        })
    }

    /// Turns a reader's draft into a document: body, source, id, language, origin (see the
    /// crate docs). The error is the reason to reject it.
    pub fn finish(
        &self,
        file: &str,
        location: Option<Location>,
        draft: Draft,
    ) -> Result<Document, String> {
        let Draft {
            id,
            source,
            url,
            published,
            title,
            language,
            declared_language,
            text,
            body,
            origin,
            metadata,
        } = draft;
        if text.trim().is_empty() {
            return Err("empty text".into());
        }
        let url = url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
        let known_source = source
            .as_deref()
            .and_then(SourceId::new)
            .or_else(|| url.as_deref().and_then(source_from_url));
        let layout = body::layout(&text, known_source.as_ref().map(SourceId::as_str));
        let body = match body {
            Some(b) if text.get(b.start..b.end).is_some() => b,
            _ => layout.body,
        };
        let body_text = body.slice(&text);
        if body_text.trim().is_empty() {
            return Err(
                "empty body: nothing is left once the byline and boilerplate are set aside".into(),
            );
        }
        let source = known_source.or_else(|| layout.byline.and_then(|b| b.source));
        let id = id.map(DocId::new).unwrap_or_else(|| {
            DocId::from_content(source.as_ref().map(SourceId::as_str), url.as_deref(), &text)
        });
        let language = language
            .or_else(|| {
                self.detect_language
                    .then(|| lang::detect(body_text))
                    .flatten()
            })
            .or_else(|| declared_language.as_deref().and_then(lang::normalize));
        let origin = origin.unwrap_or_else(|| match location {
            Some(l) => format!("{file}{}", l.origin_suffix()),
            None => file.to_string(),
        });
        Ok(Document {
            id,
            source,
            url,
            published,
            title,
            language,
            text,
            body,
            origin: Some(origin),
            metadata,
        })
    }
}

/// The host of a URL as a source, when it is a host name at all. `SourceId::from_url` takes
/// whatever precedes the first `/`, and a "URL" field holding prose would make a source with
/// spaces and newlines in it, which `SourceId::new` would then normalise differently on
/// re-ingest (found by the `jsonl` fuzz target).
pub(crate) fn source_from_url(url: &str) -> Option<SourceId> {
    SourceId::from_url(url).filter(|s| {
        s.as_str()
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    })
}

/// The extension that picks a reader: the last one after removing `.gz`, lowercased.
fn extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_string())
}

/// A unit as its reader sent it, before the work that may run on another thread.
enum Unit {
    Draft(Box<Draft>),
    Deferred(Deferred),
    Rejected(String),
    Skipped,
}

/// A unit after [`Ingestor::settle`].
enum Settled {
    Document(Document),
    Rejected(Rejection),
    Skipped,
}

impl Summary {
    /// Counts a settled unit; the event to send, if any.
    fn count(&mut self, settled: Settled) -> Option<IngestEvent> {
        match settled {
            Settled::Document(doc) => {
                self.documents += 1;
                Some(IngestEvent::Document(doc))
            }
            Settled::Rejected(rejection) => {
                self.rejected += 1;
                Some(IngestEvent::Rejected(rejection))
            }
            Settled::Skipped => {
                self.skipped += 1;
                None
            }
        }
    }
}

/// The most units in one chunk of parallel work.
pub const CHUNK_UNITS: usize = 128;

/// A chunk is cut once this many bytes of input have been read for it (a few large WARC
/// records, a few big pages), which bounds the memory that waiting units hold.
pub const CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// Where a read stood after a unit: what [`Progress`] reports, with the input as an index.
#[derive(Clone, Copy)]
struct Mark {
    bytes_read: u64,
    input: usize,
    files_done: usize,
    documents: u64,
    rejected: u64,
}

impl Mark {
    fn progress<'p>(&self, plan: &'p Plan) -> Progress<'p> {
        Progress {
            bytes_read: self.bytes_read,
            total_bytes: plan.total_bytes,
            file: plan.inputs.get(self.input).map_or("", |i| i.name.as_str()),
            files_done: self.files_done,
            files_total: plan.inputs.len(),
            documents: self.documents,
            rejected: self.rejected,
        }
    }
}

/// What the reading thread hands to the calling thread, in input order: an event, or none
/// for a skipped unit or a finished input (only the progress moves).
struct Delivery {
    event: Option<IngestEvent>,
    mark: Mark,
}

/// A chunk entry waiting for the parallel work.
enum Pending {
    Unit {
        input: usize,
        location: Option<Location>,
        unit: Unit,
        bytes_read: u64,
    },
    InputDone {
        input: usize,
        bytes_read: u64,
    },
}

/// A chunk entry after it: a settled unit, or the end of an input (`settled` is `None`).
struct Worked {
    input: usize,
    bytes_read: u64,
    settled: Option<Settled>,
}

/// The reading side of [`Ingestor::read_plan`]: reads the inputs one after the other, cuts
/// what the readers send into chunks, works each chunk on rayon's threads and sends the
/// results, in order, to the calling thread.
struct Pipeline<'a> {
    ingestor: &'a Ingestor,
    plan: &'a Plan,
    tx: mpsc::SyncSender<Vec<Delivery>>,
    summary: Summary,
    files_done: usize,
    chunk: Vec<Pending>,
    /// Input bytes read when the chunk in hand was started.
    chunk_start: u64,
    /// The calling thread stopped listening (a callback panicked).
    gone: bool,
}

impl<'a> Pipeline<'a> {
    fn new(ingestor: &'a Ingestor, plan: &'a Plan, tx: mpsc::SyncSender<Vec<Delivery>>) -> Self {
        Pipeline {
            ingestor,
            plan,
            tx,
            summary: Summary {
                // Progress counts the problems of the plan among the rejections, as the
                // summary does; the caller has sent them already.
                rejected: plan.problems.len() as u64,
                ..Summary::default()
            },
            files_done: 0,
            chunk: Vec::with_capacity(CHUNK_UNITS),
            chunk_start: 0,
            gone: false,
        }
    }

    fn run(mut self) -> Summary {
        let ingestor = self.ingestor;
        let plan = self.plan;
        // Bytes of the inputs already finished.
        let mut done_bytes = 0u64;
        // Bytes read of the current input.
        let counter = Arc::new(AtomicU64::new(0));
        for (index, input) in plan.inputs.iter().enumerate() {
            if ingestor.cancelled() || self.gone {
                self.summary.cancelled = true;
                break;
            }
            counter.store(0, Ordering::Relaxed);
            self.summary.files += 1;
            let opened: std::io::Result<Box<dyn Read>> = if input.path.as_os_str() == "-" {
                Ok(Box::new(std::io::stdin().lock()))
            } else {
                std::fs::File::open(&input.path).map(|f| Box::new(f) as Box<dyn Read>)
            };
            match opened {
                Ok(raw) => {
                    let counted = Counting::new(raw, counter.clone());
                    let ext = extension(&input.path);
                    ingestor.read_input(
                        &input.name,
                        Box::new(counted),
                        ext.as_deref(),
                        None,
                        &mut |location, unit| {
                            let bytes_read = done_bytes + counter.load(Ordering::Relaxed);
                            self.push(Pending::Unit {
                                input: index,
                                location,
                                unit,
                                bytes_read,
                            });
                            if ingestor.cancelled() || self.gone {
                                ControlFlow::Break(())
                            } else {
                                ControlFlow::Continue(())
                            }
                        },
                    );
                }
                Err(e) => self.push(Pending::Unit {
                    input: index,
                    location: None,
                    unit: Unit::Rejected(e.to_string()),
                    bytes_read: done_bytes,
                }),
            }
            let read = counter.load(Ordering::Relaxed);
            // A file that ended early (truncated) still counts whole, so the bar completes.
            done_bytes += input.size.unwrap_or(0).max(read);
            self.summary.bytes_read += read;
            self.push(Pending::InputDone {
                input: index,
                bytes_read: done_bytes,
            });
        }
        self.flush();
        self.summary.cancelled |= ingestor.cancelled();
        self.summary
    }

    fn push(&mut self, pending: Pending) {
        let bytes_read = match &pending {
            Pending::Unit { bytes_read, .. } | Pending::InputDone { bytes_read, .. } => *bytes_read,
        };
        if self.chunk.is_empty() {
            self.chunk_start = bytes_read;
        }
        self.chunk.push(pending);
        if self.chunk.len() >= CHUNK_UNITS
            || bytes_read.saturating_sub(self.chunk_start) >= CHUNK_BYTES
            || self.ingestor.cancelled()
        {
            self.flush();
        }
    }

    /// Works the chunk in hand on rayon's threads and sends it.
    fn flush(&mut self) {
        if self.chunk.is_empty() || self.gone {
            self.chunk.clear();
            return;
        }
        let ingestor = self.ingestor;
        let plan = self.plan;
        let worked: Vec<Worked> = std::mem::take(&mut self.chunk)
            .into_par_iter()
            .map(|pending| match pending {
                Pending::Unit {
                    input,
                    location,
                    unit,
                    bytes_read,
                } => {
                    let name = plan.inputs.get(input).map_or("", |i| i.name.as_str());
                    Worked {
                        input,
                        bytes_read,
                        settled: Some(ingestor.settle(name, location, unit)),
                    }
                }
                Pending::InputDone { input, bytes_read } => Worked {
                    input,
                    bytes_read,
                    settled: None,
                },
            })
            .collect();
        let mut deliveries = Vec::with_capacity(worked.len());
        for Worked {
            input,
            bytes_read,
            settled,
        } in worked
        {
            let event = match settled {
                Some(settled) => self.summary.count(settled),
                None => {
                    self.files_done += 1;
                    None
                }
            };
            let mark = Mark {
                bytes_read,
                input,
                files_done: self.files_done,
                documents: self.summary.documents,
                rejected: self.summary.rejected,
            };
            deliveries.push(Delivery { event, mark });
        }
        self.chunk = Vec::with_capacity(CHUNK_UNITS);
        if self.tx.send(deliveries).is_err() {
            self.gone = true;
        }
    }
}
