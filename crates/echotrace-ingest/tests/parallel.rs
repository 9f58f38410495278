//! `read_plan` works units on several threads; what the caller sees must not change: the
//! same events, in input order, on the calling thread, with a cancel that delivers everything
//! read before it.

mod common;

use common::{fixture, ingestor};
use echotrace_ingest::{
    Deferred, DocumentReader, Draft, Emit, IngestEvent, Ingestor, Item, Location, ReadContext,
    ReadError, CHUNK_UNITS,
};
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A scratch file that is removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, contents: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "echotrace-ingest-parallel-{}-{name}",
            std::process::id()
        ));
        std::fs::write(&path, contents).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Several chunks' worth of lines, with malformed lines, empty texts and blank lines among
/// the good ones.
fn mixed_jsonl(lines: usize) -> String {
    let mut out = String::new();
    for n in 1..=lines {
        let line = match n % 13 {
            0 => "{\"id\": \"broken\", \"text\": ".to_string(),
            5 => format!("{{\"id\": \"e{n}\", \"text\": \"   \"}}"),
            9 => String::new(),
            _ => format!(
                "{{\"id\": \"d{n}\", \"source\": \"s{}\", \"text\": \"Document {n} says that the \
                 minister announced on Monday a plan for the harbour, the {n}th of its kind.\"}}",
                n % 5
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn events_of_read(ing: &Ingestor, paths: &[PathBuf]) -> Vec<IngestEvent> {
    let mut events = Vec::new();
    ing.read(paths, |e| events.push(e));
    events
}

fn events_of_streams(ing: &Ingestor, paths: &[PathBuf]) -> Vec<IngestEvent> {
    let mut events = Vec::new();
    for path in paths {
        let file = std::fs::File::open(path).unwrap();
        ing.read_stream(&path.display().to_string(), file, None, |e| events.push(e));
    }
    events
}

#[test]
fn parallel_read_gives_what_a_one_thread_read_gives_in_order() {
    let scratch = Scratch::new("mixed.jsonl", &mixed_jsonl(CHUNK_UNITS * 5 + 17));
    let paths = vec![
        scratch.0.clone(),
        fixture("warc/pages.warc.gz"),
        fixture("jsonl/corpus-slice.jsonl"),
        fixture("broken/truncated.warc.gz"),
        fixture("html/wcxb-0437.html"),
        fixture("txt/000_1da12e83afc5f8cf.txt"),
    ];
    let ing = ingestor();
    let parallel = events_of_read(&ing, &paths);
    let sequential = events_of_streams(&ing, &paths);
    assert_eq!(parallel.len(), sequential.len());
    for (i, (a, b)) in parallel.iter().zip(&sequential).enumerate() {
        assert_eq!(a, b, "event {i}");
    }
    // The mixed file's events come in line order, rejections among the documents.
    let lines: Vec<u64> = parallel
        .iter()
        .filter_map(|e| match e {
            IngestEvent::Document(d) => d
                .origin
                .as_deref()?
                .strip_prefix(&format!("{}:", scratch.0.display()))?
                .parse()
                .ok(),
            IngestEvent::Rejected(r) if r.file == scratch.0.display().to_string() => {
                r.location.as_deref()?.strip_prefix("line ")?.parse().ok()
            }
            IngestEvent::Rejected(_) => None,
        })
        .collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "in line order");
    let rejected_lines = parallel
        .iter()
        .filter(
            |e| matches!(e, IngestEvent::Rejected(r) if r.file == scratch.0.display().to_string()),
        )
        .count();
    let n = CHUNK_UNITS * 5 + 17;
    assert_eq!(rejected_lines, n / 13 * 2 + usize::from(n % 13 >= 5));
}

#[test]
fn a_cancel_stops_the_read_and_delivers_everything_read_before_it() {
    let lines = CHUNK_UNITS * 20;
    let scratch = Scratch::new("cancel.jsonl", &mixed_jsonl(lines));
    let cancel = Arc::new(AtomicBool::new(false));
    let ing = Ingestor::builder().cancel_flag(cancel.clone()).build();
    let mut docs = Vec::new();
    let mut rejected = 0u64;
    let summary = ing.read(std::slice::from_ref(&scratch.0), |e| {
        match e {
            IngestEvent::Document(d) => docs.push(d),
            IngestEvent::Rejected(_) => rejected += 1,
        }
        if docs.len() == 10 {
            cancel.store(true, Ordering::SeqCst);
        }
    });
    assert!(summary.cancelled);
    // Every unit read was delivered and counted, and no more.
    assert_eq!(summary.documents, docs.len() as u64);
    assert_eq!(summary.rejected, rejected);
    assert!(docs.len() < lines / 2, "stopped early: {}", docs.len());
    // What landed is a prefix of the file: a re-run finds the rest.
    let all = events_of_streams(&ingestor(), std::slice::from_ref(&scratch.0));
    let expected: Vec<_> = all
        .into_iter()
        .filter_map(|e| match e {
            IngestEvent::Document(d) => Some(d.id),
            IngestEvent::Rejected(_) => None,
        })
        .take(docs.len())
        .collect();
    let got: Vec<_> = docs.into_iter().map(|d| d.id).collect();
    assert_eq!(got, expected);
}

#[test]
fn a_panicking_callback_does_not_leave_the_reading_thread_waiting() {
    let scratch = Scratch::new("panic.jsonl", &mixed_jsonl(CHUNK_UNITS * 10));
    let path = scratch.0.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| {
            let mut seen = 0;
            ingestor().read(&[path], |_| {
                seen += 1;
                if seen == 3 {
                    panic!("callback fails");
                }
            })
        });
        let _ = tx.send(result.is_err());
    });
    let panicked = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("read returned");
    assert!(panicked);
}

/// A reader that leaves all its work to the ingestor.
struct LazyReader;

impl DocumentReader for LazyReader {
    fn name(&self) -> &'static str {
        "lazy"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["lazy"]
    }
    fn sniff(&self, _head: &[u8]) -> u8 {
        0
    }
    fn read(
        &self,
        input: &mut dyn BufRead,
        _cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), ReadError> {
        for (n, line) in input.lines().enumerate() {
            let location = Some(Location::Line(n as u64 + 1));
            let line = line.map_err(|source| ReadError::Io { location, source })?;
            let work = Deferred::new(move |cx| match line.as_str() {
                "skip" => Ok(None),
                "bad" => Err(format!("bad line in {}", cx.file)),
                text => Ok(Some(Draft {
                    text: text.to_string(),
                    ..Draft::default()
                })),
            });
            if emit(Item::Deferred { location, work }).is_break() {
                break;
            }
        }
        Ok(())
    }
}

#[test]
fn deferred_units_become_documents_skips_and_rejections() {
    let scratch = Scratch::new(
        "units.lazy",
        "The minister said on Monday that the harbour would reopen.\nskip\nbad\n",
    );
    let ing = Ingestor::builder().reader(Arc::new(LazyReader)).build();
    let mut events = Vec::new();
    let summary = ing.read(std::slice::from_ref(&scratch.0), |e| events.push(e));
    assert_eq!(
        (summary.documents, summary.skipped, summary.rejected),
        (1, 1, 1)
    );
    let name = scratch.0.display().to_string();
    match &events[..] {
        [IngestEvent::Document(d), IngestEvent::Rejected(r)] => {
            assert_eq!(d.origin.as_deref(), Some(format!("{name}:1").as_str()));
            assert_eq!(r.to_string(), format!("{name}: line 3: bad line in {name}"));
        }
        other => panic!("{other:?}"),
    }
}
