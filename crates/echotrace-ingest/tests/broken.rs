//! Broken inputs: each problem is a rejection naming file, place and reason, and everything
//! around it still lands.

mod common;

use common::{fixture, gunzip, ingestor, read, read_one};
use echotrace_ingest::{IngestEvent, Rejection};
use std::path::PathBuf;

fn only_rejection(rejections: &[Rejection]) -> &Rejection {
    assert_eq!(rejections.len(), 1, "{rejections:?}");
    &rejections[0]
}

#[test]
fn malformed_jsonl_line_is_rejected_and_the_rest_lands() {
    let path = fixture("broken/malformed-line.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let bad = lines
        .iter()
        .position(|l| serde_json::from_str::<serde_json::Value>(l).is_err())
        .unwrap();
    let out = read(std::slice::from_ref(&path));
    assert_eq!(out.docs.len(), lines.len() - 1);
    let r = only_rejection(&out.rejections);
    assert_eq!(r.file, path.display().to_string());
    assert_eq!(
        r.location.as_deref(),
        Some(format!("line {}", bad + 1).as_str())
    );
    assert!(r.reason.starts_with("malformed JSON"), "{r}");
    assert_eq!(
        r.to_string(),
        format!("{}: line {}: {}", path.display(), bad + 1, r.reason)
    );
    // Lines after the bad one keep their own line numbers.
    assert!(out.docs[bad]
        .origin
        .as_deref()
        .unwrap()
        .ends_with(&format!(":{}", bad + 2)));
    assert!(!out.summary.is_clean());
}

#[test]
fn bad_jsonl_fields_each_have_a_reason() {
    let out = read_one("broken/bad-fields.jsonl");
    let got: Vec<(String, String)> = out
        .rejections
        .iter()
        .map(|r| (r.location.clone().unwrap(), r.reason.clone()))
        .collect();
    let expect = [
        ("line 2", "expected a JSON object"),
        ("line 3", "no `text` or `html` field"),
        ("line 4", "field `text` must be a string"),
        ("line 5", "empty text"),
        ("line 6", "empty body"),
    ];
    assert_eq!(got.len(), expect.len(), "{got:?}");
    for ((loc, reason), (want_loc, want)) in got.iter().zip(expect) {
        assert_eq!(loc, want_loc);
        assert!(reason.starts_with(want), "{loc}: {reason}");
    }
    // An unreadable date does not lose the document; it is kept as metadata.
    assert_eq!(out.docs.len(), 2);
    let odd = &out.docs[1];
    assert_eq!(odd.id.as_str(), "odd-date");
    assert_eq!(odd.published, None);
    assert_eq!(odd.metadata["date_unparsed"], "the day after tomorrow");
}

#[test]
fn truncated_gzip_keeps_the_lines_before_the_cut() {
    let path = fixture("broken/truncated.jsonl.gz");
    let complete = read_one("jsonl/corpus-slice.jsonl").docs;
    let out = read(std::slice::from_ref(&path));
    let n = out.docs.len();
    assert!(n >= 1 && n < complete.len(), "{n} of {}", complete.len());
    for (a, b) in out.docs.iter().zip(&complete) {
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
    }
    let r = only_rejection(&out.rejections);
    assert_eq!(r.file, path.display().to_string());
    assert_eq!(
        r.location.as_deref(),
        Some(format!("line {}", n + 1).as_str())
    );
    assert!(r.reason.contains("truncated gzip"), "{r}");
}

#[test]
fn truncated_warc_gz_keeps_the_records_before_the_cut() {
    let path = fixture("broken/truncated.warc.gz");
    let out = read(std::slice::from_ref(&path));
    let full = read_one("warc/pages.warc.gz");
    // The cut is inside the last record: every earlier document lands.
    assert_eq!(out.docs.len(), full.docs.len() - 1);
    for (a, b) in out.docs.iter().zip(&full.docs) {
        assert_eq!((&a.url, &a.text), (&b.url, &b.text));
    }
    let r = only_rejection(&out.rejections);
    let records = gunzip_count_records(&std::fs::read(fixture("warc/pages.warc.gz")).unwrap());
    assert_eq!(
        r.location.as_deref(),
        Some(format!("record {records}").as_str())
    );
    assert!(r.reason.contains("gzip"), "{r}");
}

fn gunzip_count_records(bytes: &[u8]) -> usize {
    let plain = gunzip(bytes);
    plain.windows(9).filter(|w| w == b"\r\nWARC/1.").count()
        + usize::from(plain.starts_with(b"WARC/1."))
}

#[test]
fn truncated_plain_warc_record_says_how_short_it_is() {
    let out = read_one("broken/truncated.warc");
    assert_eq!(out.docs.len(), 1);
    let r = only_rejection(&out.rejections);
    assert_eq!(r.location.as_deref(), Some("record 2"));
    assert!(
        r.reason.starts_with("truncated:") && r.reason.contains("Content-Length"),
        "{r}"
    );
}

#[test]
fn undecodable_text_is_rejected_with_the_byte() {
    let path = fixture("broken/garbage.txt");
    let out = read(std::slice::from_ref(&path));
    assert!(out.docs.is_empty());
    let r = only_rejection(&out.rejections);
    assert_eq!(r.location, None);
    assert!(
        r.reason
            .starts_with("not UTF-8 text: invalid byte 0x80 at byte 0"),
        "{r}"
    );
    assert_eq!(r.to_string(), format!("{}: {}", path.display(), r.reason));
}

#[test]
fn boilerplate_only_text_is_an_empty_body() {
    let out = read_one("broken/empty-body.txt");
    assert!(out.docs.is_empty());
    assert!(only_rejection(&out.rejections)
        .reason
        .starts_with("empty body"));
}

#[test]
fn feed_cut_inside_an_entry_keeps_the_entries_before() {
    let out = read_one("broken/truncated.rss");
    assert_eq!(out.docs.len(), 1);
    assert_eq!(out.docs[0].url, read_one("feeds/digest.rss").docs[0].url);
    let r = only_rejection(&out.rejections);
    assert_eq!(r.location.as_deref(), Some("entry 2"));
}

#[test]
fn missing_paths_are_rejected_and_the_batch_goes_on() {
    let missing = PathBuf::from("/nonexistent/echotrace/input.txt");
    let out = read(&[missing.clone(), fixture("txt/000_1da12e83afc5f8cf.txt")]);
    assert_eq!(out.docs.len(), 1);
    let r = only_rejection(&out.rejections);
    assert_eq!(r.file, missing.display().to_string());
}

#[test]
fn oversized_units_are_rejected_not_loaded() {
    let ing = echotrace_ingest::Ingestor::builder()
        .extractor(common::extractor())
        .max_record_bytes(1000)
        .build();
    let mut rejections = Vec::new();
    let mut docs = 0;
    ing.read(
        &[
            fixture("jsonl/corpus-slice.jsonl"),
            fixture("warc/pages.warc.gz"),
        ],
        |e| match e {
            IngestEvent::Document(_) => docs += 1,
            IngestEvent::Rejected(r) => rejections.push(r),
        },
    );
    assert!(rejections
        .iter()
        .any(|r| r.reason.contains("1000-byte limit")));
    // Short lines still land.
    assert!(docs >= 1);
}

/// Mutated and truncated fixtures, through every reader: nothing may panic, and every
/// rejection must name the input.
#[test]
fn damaged_inputs_never_panic() {
    let ing = ingestor();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for rel in [
        "txt/000_1da12e83afc5f8cf.txt",
        "jsonl/corpus-slice.jsonl",
        "html/wcxb-0437.html",
        "warc/pages.warc.gz",
        "feeds/digest.rss",
        "feeds/atom-entries.xml.gz",
    ] {
        let mut original = std::fs::read(fixture(rel)).unwrap();
        if rel.ends_with(".gz") {
            original = gunzip(&original);
        }
        for round in 0..40 {
            let mut bytes = original.clone();
            let len = bytes.len() as u64;
            match round % 3 {
                0 => bytes.truncate((next() % len) as usize),
                1 => {
                    for _ in 0..8 {
                        let i = (next() % len) as usize;
                        bytes[i] = next() as u8;
                    }
                }
                _ => {
                    let i = (next() % len) as usize;
                    let j = (next() % len) as usize;
                    bytes.drain(i.min(j)..i.max(j));
                }
            }
            for format in [
                None,
                Some("txt"),
                Some("jsonl"),
                Some("html"),
                Some("warc"),
                Some("feed"),
            ] {
                ing.read_stream("mutant", &bytes[..], format, |e| {
                    if let IngestEvent::Rejected(r) = e {
                        assert_eq!(r.file, "mutant");
                        assert!(!r.reason.is_empty());
                    }
                });
            }
        }
    }
}

/// Found by the `jsonl` fuzz target: a `url` whose "host" is prose must not become a source
/// (it could not survive export and re-ingest unchanged).
#[test]
fn url_without_a_host_name_gives_no_source() {
    let line = r#"{"id": "x", "url": "https://outlet reputation.\n\nGuide: Cyber", "text": "Cyber security needn't be a daunting challenge for small business owners."}"#;
    let mut docs = Vec::new();
    ingestor().read_stream("fuzz.jsonl", line.as_bytes(), None, |e| {
        if let IngestEvent::Document(d) = e {
            docs.push(d)
        }
    });
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].source, None);
    let export = echotrace_ingest::export_line(&docs[0]);
    let mut again = Vec::new();
    ingestor().read_stream("export.jsonl", export.as_bytes(), None, |e| {
        if let IngestEvent::Document(d) = e {
            again.push(d)
        }
    });
    assert_eq!(again, docs);
}
