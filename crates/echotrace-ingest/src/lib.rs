//! Readers that turn input files into echotrace [`Document`]s.
//!
//! # Design
//!
//! An [`Ingestor`] takes paths (files, directories read recursively in sorted order, `-` for
//! standard input), opens each one, undoes gzip when the bytes say so (multi-member, as WARC
//! writers produce), picks a [`DocumentReader`] by extension or, for stdin and unknown
//! extensions, by sniffing the first bytes, and streams what the reader finds to a callback
//! as [`IngestEvent`]s. Nothing holds more than one document-sized unit in memory (a file for
//! `.txt`/`.html`, a line, a WARC record, a feed entry), and each unit is bounded by
//! [`IngestorBuilder::max_record_bytes`].
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
pub use reader::{DocumentReader, Draft, Emit, Item, Location, ReadContext};

use echotrace_core::{DocId, Document, SourceId};
use echotrace_extract::{ArticleExtractor, EchotraceExtractor};
use input::{is_gzip, Counting, Gunzip, Peeked};
use std::fmt;
use std::io::{BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

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
    pub fn read_plan(
        &self,
        plan: &Plan,
        mut on_event: impl FnMut(IngestEvent),
        mut on_progress: impl FnMut(&Progress<'_>),
    ) -> Summary {
        let mut run = Run {
            on_event: &mut on_event,
            on_progress: &mut on_progress,
            summary: Summary::default(),
            total_bytes: plan.total_bytes,
            files_total: plan.inputs.len(),
            files_done: 0,
            done_bytes: 0,
            counter: Arc::new(AtomicU64::new(0)),
        };
        for problem in &plan.problems {
            run.summary.rejected += 1;
            (run.on_event)(IngestEvent::Rejected(problem.clone()));
        }
        for input in &plan.inputs {
            if self.cancelled() {
                run.summary.cancelled = true;
                break;
            }
            run.counter.store(0, Ordering::Relaxed);
            run.summary.files += 1;
            let opened: std::io::Result<Box<dyn Read>> = if input.path.as_os_str() == "-" {
                Ok(Box::new(std::io::stdin().lock()))
            } else {
                std::fs::File::open(&input.path).map(|f| Box::new(f) as Box<dyn Read>)
            };
            match opened {
                Ok(raw) => {
                    let counted = Counting::new(raw, run.counter.clone());
                    let ext = extension(&input.path);
                    self.read_input(
                        &input.name,
                        Box::new(counted),
                        ext.as_deref(),
                        None,
                        &mut run,
                    );
                }
                Err(e) => run.reject(&input.name, None, e.to_string()),
            }
            let read = run.counter.load(Ordering::Relaxed);
            // A file that ended early (truncated) still counts whole, so the bar completes.
            run.done_bytes += input.size.unwrap_or(0).max(read);
            run.summary.bytes_read += read;
            run.files_done += 1;
            run.counter.store(0, Ordering::Relaxed);
            run.progress(&input.name);
        }
        run.summary.cancelled |= self.cancelled();
        run.summary
    }

    /// Reads one stream (standard input, a network body, a fuzzer's bytes). `format` names a
    /// reader (`txt`, `jsonl`, `html`, `warc`, `feed`); `None` takes the extension of `name`,
    /// else sniffs. Gzip is undone as for files.
    pub fn read_stream(
        &self,
        name: &str,
        input: impl Read,
        format: Option<&str>,
        mut on_event: impl FnMut(IngestEvent),
    ) -> Summary {
        let mut on_progress = |_: &Progress<'_>| {};
        let mut run = Run {
            on_event: &mut on_event,
            on_progress: &mut on_progress,
            summary: Summary::default(),
            total_bytes: 0,
            files_total: 1,
            files_done: 0,
            done_bytes: 0,
            counter: Arc::new(AtomicU64::new(0)),
        };
        run.summary.files = 1;
        let counted = Counting::new(input, run.counter.clone());
        let ext = extension(Path::new(name));
        self.read_input(name, Box::new(counted), ext.as_deref(), format, &mut run);
        run.summary.bytes_read = run.counter.load(Ordering::Relaxed);
        run.summary.cancelled = self.cancelled();
        run.summary
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Relaxed))
    }

    fn read_input(
        &self,
        name: &str,
        raw: Box<dyn Read + '_>,
        ext: Option<&str>,
        format: Option<&str>,
        run: &mut Run<'_>,
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
            Err(e) => return run.reject(name, None, e.to_string()),
        };
        let mut input = BufReader::with_capacity(64 * 1024, peeked);
        let cx = ReadContext {
            file: name,
            extractor: self.extractor.as_ref(),
            max_record_bytes: self.max_record_bytes,
        };
        let result = {
            let mut sink = |item: Item| -> ControlFlow<()> {
                match item {
                    Item::Document { location, draft } => match self.finish(name, location, *draft)
                    {
                        Ok(doc) => {
                            run.summary.documents += 1;
                            (run.on_event)(IngestEvent::Document(doc));
                        }
                        Err(reason) => run.reject(name, location, reason),
                    },
                    Item::Rejected { location, reason } => run.reject(name, location, reason),
                    Item::Skipped { .. } => run.summary.skipped += 1,
                }
                run.progress(name);
                if self.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            };
            reader.read(&mut input, &cx, &mut sink)
        };
        if let Err(e) = result {
            run.reject(name, e.location(), e.to_string());
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

/// The running state of one read.
struct Run<'a> {
    on_event: &'a mut dyn FnMut(IngestEvent),
    on_progress: &'a mut dyn FnMut(&Progress<'_>),
    summary: Summary,
    total_bytes: u64,
    files_total: usize,
    files_done: usize,
    /// Bytes of the inputs already finished.
    done_bytes: u64,
    /// Bytes read of the current input.
    counter: Arc<AtomicU64>,
}

impl Run<'_> {
    fn reject(&mut self, file: &str, location: Option<Location>, reason: String) {
        self.summary.rejected += 1;
        (self.on_event)(IngestEvent::Rejected(Rejection {
            file: file.to_string(),
            location: location.map(|l| l.to_string()),
            reason,
        }));
    }

    fn progress(&mut self, file: &str) {
        let p = Progress {
            bytes_read: self.done_bytes + self.counter.load(Ordering::Relaxed),
            total_bytes: self.total_bytes,
            file,
            files_done: self.files_done,
            files_total: self.files_total,
            documents: self.summary.documents,
            rejected: self.summary.rejected,
        };
        (self.on_progress)(&p);
    }
}
