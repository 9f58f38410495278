//! A format added from outside the crate through the `DocumentReader` trait.

mod common;

use echotrace_ingest::{
    DocumentReader, Draft, Emit, IngestEvent, Ingestor, Item, Location, ReadContext, ReadError,
};
use std::io::BufRead;
use std::sync::Arc;

/// `source<TAB>text` per line.
struct TsvReader;

impl DocumentReader for TsvReader {
    fn name(&self) -> &'static str {
        "tsv"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["tsv"]
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
            let item = match line.split_once('\t') {
                Some((source, text)) => Item::Document {
                    location,
                    draft: Box::new(Draft {
                        source: Some(source.to_string()),
                        text: text.to_string(),
                        ..Draft::default()
                    }),
                },
                None => Item::Rejected {
                    location,
                    reason: "no tab".into(),
                },
            };
            if emit(item).is_break() {
                break;
            }
        }
        Ok(())
    }
}

#[test]
fn a_plugged_in_reader_gets_the_shared_steps() {
    let ing = Ingestor::builder().reader(Arc::new(TsvReader)).build();
    let input = "tass.com\tPresident Tokayev said on Monday that the unrest had been prepared for a long time. No comments:\nnothing here\n";
    let mut events = Vec::new();
    ing.read_stream("feed.tsv", input.as_bytes(), None, |e| events.push(e));
    assert_eq!(events.len(), 2);
    // Id, origin and language come from the shared steps, not from the reader.
    match &events[0] {
        IngestEvent::Document(d) => {
            assert_eq!(d.source.as_ref().unwrap().as_str(), "tass.com");
            assert_eq!(d.origin.as_deref(), Some("feed.tsv:1"));
            assert!(d.id.as_str().starts_with('h'));
            assert_eq!(d.language.as_deref(), Some("eng"));
        }
        other => panic!("{other:?}"),
    }
    match &events[1] {
        IngestEvent::Rejected(r) => assert_eq!(r.to_string(), "feed.tsv: line 2: no tab"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ingestor_is_shareable_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Ingestor>();
    let ing = Arc::new(common::ingestor());
    let handles: Vec<_> = ["txt/000_1da12e83afc5f8cf.txt", "feeds/digest.rss"]
        .into_iter()
        .map(|rel| {
            let ing = ing.clone();
            std::thread::spawn(move || ing.read(&[common::fixture(rel)], |_| {}).documents)
        })
        .collect();
    let counts: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(counts, vec![1, 3]);
}
