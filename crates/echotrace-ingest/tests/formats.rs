//! Every input format, on the real files in `tests/fixtures/`.

mod common;

use common::{extractor, fixture, fixtures, gunzip, ingestor, read, read_one};
use echotrace_core::{CharOffsets, DatePrecision, DocId, Published};
use echotrace_ingest::{export_line, IngestEvent, Ingestor};
use serde_json::Value;
use std::path::PathBuf;

fn json_lines(rel: &str) -> Vec<Value> {
    std::fs::read_to_string(fixture(rel))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn seed_txt_has_sputnik_byline_and_body_lines_2_to_11() {
    let path = fixture("txt/000_1da12e83afc5f8cf.txt");
    let raw = std::fs::read_to_string(&path).unwrap();
    let out = read(std::slice::from_ref(&path));
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    assert_eq!(out.docs.len(), 1);
    let doc = &out.docs[0];

    // Lines 2–11 of the file, located by their byte offsets in the unchanged text.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(raw.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    assert!(starts.len() >= 13, "the seed has 13 lines");
    let body_start = starts[1];
    let body_end = starts[11] - 1; // the newline that ends line 11
    assert_eq!(doc.text, raw, "text is byte-exact");
    assert_eq!((doc.body.start, doc.body.end), (body_start, body_end));
    assert_eq!(raw.lines().next(), Some("Sputnik"));
    assert_eq!(doc.source.as_ref().map(|s| s.as_str()), Some("Sputnik"));
    let body = doc.body_text();
    assert!(!body.contains("No comments") && !body.contains("Post a Comment"));
    assert!(!body.starts_with("Sputnik"));
    assert_eq!(doc.language.as_deref(), Some("eng"));
    assert_eq!(
        doc.origin.as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert_eq!(doc.id, DocId::from_content(Some("Sputnik"), None, &raw));
    assert_eq!(doc.title, None);
}

#[test]
fn jsonl_slice_keeps_every_field_and_text_byte_exact() {
    let path = fixture("jsonl/corpus-slice.jsonl");
    let lines = json_lines("jsonl/corpus-slice.jsonl");
    let out = read(std::slice::from_ref(&path));
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    assert_eq!(out.docs.len(), lines.len());
    let mut precisions = Vec::new();
    for (n, (doc, line)) in out.docs.iter().zip(&lines).enumerate() {
        assert_eq!(doc.id.as_str(), line["id"].as_str().unwrap());
        assert_eq!(
            doc.source.as_ref().unwrap().as_str(),
            line["source"].as_str().unwrap()
        );
        assert_eq!(doc.url.as_deref(), line["url"].as_str());
        assert_eq!(doc.text, line["text"].as_str().unwrap());
        assert_eq!(
            doc.origin.as_deref(),
            Some(format!("{}:{}", path.display(), n + 1).as_str())
        );
        let want_title = line["title"].as_str().filter(|t| !t.is_empty());
        assert_eq!(doc.title.as_deref(), want_title);
        match line["date"].as_str() {
            None => assert_eq!(doc.published, None),
            Some(d) => {
                let p = doc.published.expect("date parsed");
                let want = if d.len() == 10 {
                    DatePrecision::Day
                } else {
                    DatePrecision::Second
                };
                assert_eq!(p.precision(), want, "{d}");
                assert_eq!(Some(p), Published::parse(d));
                precisions.push(want);
            }
        }
        assert!(doc.language.is_some(), "language detected for {}", doc.id);
    }
    // The slice covers all three date shapes.
    assert!(precisions.contains(&DatePrecision::Day));
    assert!(precisions.contains(&DatePrecision::Second));
    assert!(lines.iter().any(|l| l["date"].is_null()));
}

/// make_corpus.py wraps copies in bylines (`Source: x`) and footers (`Share this:`) and
/// records where the passage is (code points). The body must hold every recorded passage,
/// and where a copy was wrapped, its edges must be exactly the passage's.
#[test]
fn jsonl_bodies_agree_with_make_corpus_gold() {
    let out = read_one("jsonl/corpus-slice.jsonl");
    let gold = json_lines_array("jsonl/gold-slice.json");
    let (mut bylines, mut footers, mut members) = (0, 0, 0);
    for cluster in &gold {
        for m in cluster["members"].as_array().unwrap() {
            members += 1;
            let id = m["doc"].as_str().unwrap();
            let doc = out.docs.iter().find(|d| d.id.as_str() == id).unwrap();
            let offsets = CharOffsets::new(&doc.text);
            let s = offsets.to_byte(m["start"].as_u64().unwrap() as usize);
            let e = offsets.to_byte(m["end"].as_u64().unwrap() as usize);
            assert!(
                doc.body.start <= s && e <= doc.body.end,
                "{id}: body {:?} misses gold {s}..{e}",
                doc.body
            );
            let before = &doc.text[..s];
            if !before.is_empty() && before.matches('\n').count() == 1 && before.ends_with('\n') {
                bylines += 1;
                assert_eq!(
                    doc.body.start, s,
                    "{id}: byline {before:?} left in the body"
                );
            }
            let after = &doc.text[e..];
            if after.starts_with('\n') && !after.starts_with("\n\n") {
                footers += 1;
                assert_eq!(doc.body.end, e, "{id}: footer {after:?} left in the body");
            }
        }
    }
    assert!(
        members >= 5 && bylines >= 2 && footers >= 2,
        "{members} {bylines} {footers}"
    );
}

#[test]
fn exported_documents_reingest_to_the_same_documents() {
    // Every format: the export must not depend on where a document came from.
    let inputs: Vec<PathBuf> = [
        "txt/000_1da12e83afc5f8cf.txt",
        "jsonl/corpus-slice.jsonl",
        "html/scrapinghub-14cc2a0c.html.gz",
        "warc/pages.warc.gz",
        "feeds/digest.rss",
        "feeds/atom-entries.xml.gz",
        "broken/bad-fields.jsonl",
    ]
    .iter()
    .map(|p| fixture(p))
    .collect();
    let first = read(&inputs).docs;
    assert!(first.len() > 20);
    let export: String = first.iter().map(|d| export_line(d) + "\n").collect();
    let mut again = Vec::new();
    let summary = ingestor().read_stream("export.jsonl", export.as_bytes(), None, |e| match e {
        IngestEvent::Document(d) => again.push(d),
        IngestEvent::Rejected(r) => panic!("export line rejected: {r}"),
    });
    assert_eq!(summary.documents as usize, first.len());
    for (a, b) in first.iter().zip(&again) {
        assert_eq!(a, b);
    }
    // And without the `body` field the rules find the same body again.
    let stripped: String = first
        .iter()
        .map(|d| {
            let mut rec = echotrace_ingest::export_record(d);
            rec.remove("body");
            Value::Object(rec).to_string() + "\n"
        })
        .collect();
    let mut bodies = Vec::new();
    ingestor().read_stream("export.jsonl", stripped.as_bytes(), None, |e| {
        if let IngestEvent::Document(d) = e {
            bodies.push(d.body)
        }
    });
    let want: Vec<_> = first.iter().map(|d| d.body).collect();
    assert_eq!(bodies, want);
}

#[test]
fn html_pages_go_through_the_extractor() {
    let out = read_one("html/wcxb-0437.html");
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    let doc = &out.docs[0];
    let page = std::fs::read_to_string(fixture("html/wcxb-0437.html")).unwrap();
    let article = extractor().extract(&page, None).unwrap();
    assert_eq!(doc.text, article.body);
    assert_eq!(doc.title, article.title);
    assert_eq!(doc.published, article.published);
    assert_eq!(doc.url, article.canonical_url);
    // The site's own name wins over the URL's host.
    assert_eq!(article.site_name.as_deref(), Some("Cory Dransfeldt"));
    assert_eq!(doc.source.as_ref().unwrap().as_str(), "Cory Dransfeldt");
    assert_eq!(doc.published.unwrap().precision(), DatePrecision::Day);
    assert_eq!(doc.language.as_deref(), Some("eng"));

    // A gzipped page whose site names itself.
    let out = read_one("html/scrapinghub-14cc2a0c.html.gz");
    let doc = &out.docs[0];
    assert_eq!(doc.source.as_ref().unwrap().as_str(), "ScienceAlert");
    assert!(doc.body_text().contains("Europa"));
}

#[test]
fn legacy_charset_page_decodes_like_its_utf8_original() {
    let legacy = read_one("html/legacy-charset-windows-1252.htm");
    let original = read_one("html/scrapinghub-ba07d1e6.html.gz");
    assert!(legacy.rejections.is_empty() && original.rejections.is_empty());
    let (a, b) = (&legacy.docs[0], &original.docs[0]);
    assert!(
        b.text.contains(['ä', 'ö', 'ü', 'ß']),
        "the page has umlauts"
    );
    assert_eq!(a.text, b.text);
    assert_eq!(a.title, b.title);
    assert_eq!(a.language.as_deref(), Some("deu"));
    // No site name on this page: the source is the canonical URL's host.
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.comwrap.com/comwrap-auf-der-dmexco-2018")
    );
    assert_eq!(a.source.as_ref().unwrap().as_str(), "blog.comwrap.com");
}

#[test]
fn warc_records_follow_the_manifest() {
    let path = fixture("warc/pages.warc.gz");
    let manifest = json_lines_array("warc/pages.manifest.json");
    let out = read(std::slice::from_ref(&path));
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    let wanted: Vec<&Value> = manifest
        .iter()
        .filter(|r| r["expect"] == "document")
        .collect();
    assert!(wanted.len() >= 2);
    assert_eq!(out.docs.len(), wanted.len());
    assert_eq!(
        out.summary.skipped as usize,
        manifest.len() - wanted.len(),
        "request, warcinfo, metadata, image and redirect records are skipped"
    );
    for (doc, rec) in out.docs.iter().zip(&wanted) {
        let n = rec["record"].as_u64().unwrap();
        assert_eq!(doc.url.as_deref(), rec["url"].as_str());
        assert_eq!(
            doc.origin.as_deref(),
            Some(format!("{}#{n}", path.display()).as_str())
        );
        // The page's own date wins; the crawl date is the fallback.
        let warc_date = Published::parse(rec["warc_date"].as_str().unwrap()).unwrap();
        let page_date = rec["page"].as_str().and_then(|p| {
            let bytes = std::fs::read(fixture(p)).unwrap();
            let bytes = if p.ends_with(".gz") {
                gunzip(&bytes)
            } else {
                bytes
            };
            let html = String::from_utf8(bytes).unwrap();
            extractor().extract(&html, None).unwrap().published
        });
        assert_eq!(
            doc.published,
            Some(page_date.unwrap_or(warc_date)),
            "record {n}"
        );
    }
    // One page carries its date, one does not: both paths are exercised.
    assert!(out
        .docs
        .iter()
        .any(|d| d.published.unwrap().precision() == DatePrecision::Second));
    assert!(out
        .docs
        .iter()
        .any(|d| d.published.unwrap().precision() == DatePrecision::Day));
    // The chunked, gzip-encoded response decodes to the same text as the page file.
    let git = out
        .docs
        .iter()
        .find(|d| d.url.as_deref().unwrap().contains("coryd"))
        .unwrap();
    assert_eq!(git.text, read_one("html/wcxb-0437.html").docs[0].text);
}

fn json_lines_array(rel: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(fixture(rel)).unwrap()).unwrap();
    v.as_array().unwrap().clone()
}

#[test]
fn rss_entries_with_content_dates_and_channel_source() {
    let path = fixture("feeds/digest.rss");
    let out = read(std::slice::from_ref(&path));
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    assert_eq!(out.docs.len(), 3);
    for (n, d) in out.docs.iter().enumerate() {
        assert_eq!(d.source.as_ref().unwrap().as_str(), "Echotrace Test Digest");
        assert_eq!(
            d.origin.as_deref(),
            Some(format!("{}#{}", path.display(), n + 1).as_str())
        );
        assert!(
            !d.text.contains('<') && !d.text.contains("&amp;"),
            "{:?}",
            d.text
        );
        assert!(d.url.as_deref().unwrap().starts_with("https://"));
    }
    let first = &out.docs[0];
    assert_eq!(
        first.title.as_deref(),
        Some("NASA Finds Water Plumes Above the Surface of Jupiter’s Icy Moon Europa")
    );
    // content:encoded wins over the description, and its share widget is outside the body.
    assert!(!first.text.contains("short teaser"));
    assert!(first.text.split("\n\n").count() >= 3);
    assert!(first.text.ends_with("Share this:"));
    assert!(!first.body_text().contains("Share this"));
    let p = first.published.unwrap();
    assert_eq!(p.to_string(), "2016-09-27T18:30:00Z");
    assert_eq!(p.precision(), DatePrecision::Second);
    // dc:date with a bare day keeps day precision.
    let second = out.docs[1].published.unwrap();
    assert_eq!(
        (second.to_string().as_str(), second.precision()),
        ("2021-06-06", DatePrecision::Day)
    );
    assert_eq!(out.docs[2].published, None);
    assert_eq!(
        out.docs[2].metadata["guid"],
        Value::String(out.docs[2].url.clone().unwrap())
    );
}

#[test]
fn gzipped_atom_feed_is_sniffed_and_read() {
    let out = read_one("feeds/atom-entries.xml.gz");
    assert!(out.rejections.is_empty(), "{:?}", out.rejections);
    assert_eq!(out.docs.len(), 3);
    let [a, b, c] = [&out.docs[0], &out.docs[1], &out.docs[2]];
    for d in [a, b, c] {
        assert_eq!(d.source.as_ref().unwrap().as_str(), "Echotrace Atom Test");
        assert!(!d.text.contains('<'));
    }
    assert_eq!(
        a.title.as_deref(),
        Some("Why Rust for Embedded Systems? (And Why I'm Teaching It)")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.ravven.dev/blog/why-rust-for-embedded-systems")
    );
    // published wins over updated; the zone is applied.
    assert_eq!(a.published.unwrap().to_string(), "2025-12-12T07:15:00Z");
    assert!(a.text.contains("\n\n"), "xhtml paragraphs are kept");
    // Only updated, to the minute.
    let pb = b.published.unwrap();
    assert_eq!(
        (pb.to_string().as_str(), pb.precision()),
        ("2021-06-06T12:00Z", DatePrecision::Minute)
    );
    // A month, and the summary as text.
    assert_eq!(c.published.unwrap().precision(), DatePrecision::Month);
    assert!(c.text.contains("Europa"));
}

#[test]
fn directories_are_read_recursively_in_a_stable_order() {
    let ing = ingestor();
    let dir = vec![fixtures()];
    let plan = ing.plan(&dir);
    let names: Vec<String> = plan.inputs.iter().map(|i| i.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(names.iter().any(|n| n.ends_with("pages.warc.gz")));
    assert!(names.iter().any(|n| n.ends_with("atom-entries.xml.gz")));
    // Files no reader takes are left out, not rejected.
    let ignored: Vec<String> = plan
        .ignored
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert!(ignored.iter().any(|n| n.ends_with("README.md")));
    assert!(ignored.iter().any(|n| n.ends_with("build_fixtures.py")));
    assert!(ignored.iter().any(|n| n.ends_with("pages.manifest.json")));

    let first = read(&dir);
    let second = read(&dir);
    assert_eq!(first.docs, second.docs);
    // Good files yield no rejection; every rejection comes from broken/.
    assert!(!first.rejections.is_empty());
    for r in &first.rejections {
        assert!(r.file.contains("/broken/"), "{r}");
    }
    assert_eq!(first.summary.files, plan.inputs.len());
}

#[test]
fn stdin_style_streams_are_sniffed() {
    let ing = ingestor();
    for rel in [
        "txt/000_1da12e83afc5f8cf.txt",
        "jsonl/corpus-slice.jsonl",
        "html/scrapinghub-14cc2a0c.html.gz",
        "warc/pages.warc.gz",
        "feeds/digest.rss",
        "feeds/atom-entries.xml.gz",
    ] {
        let from_file = read_one(rel).docs;
        let bytes = std::fs::read(fixture(rel)).unwrap();
        let mut docs = Vec::new();
        let summary = ing.read_stream("<stdin>", &bytes[..], None, |e| match e {
            IngestEvent::Document(d) => docs.push(d),
            IngestEvent::Rejected(r) => panic!("{rel}: {r}"),
        });
        assert_eq!(summary.bytes_read, bytes.len() as u64);
        assert_eq!(docs.len(), from_file.len(), "{rel}");
        for (a, b) in docs.iter().zip(&from_file) {
            assert_eq!(
                (&a.text, &a.body, &a.url, &a.published),
                (&b.text, &b.body, &b.url, &b.published),
                "{rel}"
            );
        }
    }
}

#[test]
fn progress_reaches_the_planned_total() {
    let ing = ingestor();
    let paths: Vec<PathBuf> = [
        "warc/pages.warc.gz",
        "jsonl/corpus-slice.jsonl",
        "broken/truncated.warc.gz",
    ]
    .iter()
    .map(|p| fixture(p))
    .collect();
    let plan = ing.plan(&paths);
    let sizes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    assert_eq!(plan.total_bytes, sizes);
    let mut seen = Vec::new();
    let summary = ing.read_plan(
        &plan,
        |_| {},
        |p| seen.push((p.bytes_read, p.files_done, p.total_bytes)),
    );
    assert!(
        seen.windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1),
        "monotonic"
    );
    let last = seen.last().unwrap();
    assert_eq!((last.0, last.1, last.2), (sizes, 3, sizes));
    assert_eq!(summary.bytes_read, sizes);
    assert!(
        seen.len() as u64 >= summary.documents,
        "reported after every document"
    );
}

#[test]
fn language_detection_can_be_turned_off() {
    let ing = Ingestor::builder()
        .extractor(extractor())
        .detect_language(false)
        .build();
    let mut langs = Vec::new();
    ing.read(
        &[
            fixture("txt/000_1da12e83afc5f8cf.txt"),
            fixture("html/wcxb-0437.html"),
        ],
        |e| {
            if let IngestEvent::Document(d) = e {
                langs.push(d.language)
            }
        },
    );
    // The text file declares nothing; the page declares `en` in <html lang>.
    assert_eq!(langs, vec![None, Some("eng".to_string())]);
}
