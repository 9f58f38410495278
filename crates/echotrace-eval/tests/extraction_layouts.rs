//! Reading both benchmark layouts from disk, and the errors on bad input.

use echotrace_eval::extraction::{score, write_predictions, Benchmark, Layout};
use echotrace_eval::EvalError;
use echotrace_extract::{Article, ArticleExtractor, ExtractError};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "echotrace-eval-{tag}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("html")).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gz(path: &Path, bytes: &[u8]) {
    let file = std::fs::File::create(path).expect("create");
    let mut enc = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    enc.write_all(bytes).expect("write");
    enc.finish().expect("finish");
}

const PAGE: &str = "<html><body><article><p>The first paragraph of the story is long enough to read as prose here.</p></article></body></html>";

#[test]
fn scrapinghub_layout_with_latin1_page() {
    let t = TempDir::new("sh");
    std::fs::write(
        t.0.join("ground-truth.json"),
        r#"{"a1": {"articleBody": "Caf\u00e9 society", "url": "https://x.example/a1"},
            "b2": {"articleBody": "Second page", "url": "https://x.example/b2"}}"#,
    )
    .expect("write");
    gz(&t.0.join("html/a1.html.gz"), PAGE.as_bytes());
    // Not UTF-8, declared in a meta tag: must come out as "Café".
    gz(
        &t.0.join("html/b2.html.gz"),
        b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>",
    );
    let bench = Benchmark::load(&t.0).expect("loads");
    assert_eq!(bench.layout, Layout::Scrapinghub);
    assert_eq!(bench.pages.len(), 2);
    assert_eq!(bench.pages[0].id, "a1");
    assert_eq!(bench.pages[0].url.as_deref(), Some("https://x.example/a1"));
    assert_eq!(bench.pages[0].truth, "Café society");
    assert!(bench.pages[1].html.contains("Café"));
}

#[test]
fn wcxb_layout_with_null_content() {
    let t = TempDir::new("wcxb");
    std::fs::create_dir_all(t.0.join("ground-truth")).expect("dir");
    std::fs::write(
        t.0.join("ground-truth/0001.json"),
        r#"{"url": "https://y.example/p", "ground_truth": {"main_content": "Body text"}}"#,
    )
    .expect("write");
    std::fs::write(
        t.0.join("ground-truth/0002.json"),
        r#"{"url": "https://y.example/q", "ground_truth": {"main_content": null}}"#,
    )
    .expect("write");
    gz(&t.0.join("html/0001.html.gz"), PAGE.as_bytes());
    // Plain, uncompressed pages are read too.
    std::fs::write(t.0.join("html/0002.html"), PAGE).expect("write");
    let bench = Benchmark::load(&t.0).expect("loads");
    assert_eq!(bench.layout, Layout::Wcxb);
    assert_eq!(bench.pages[1].truth, "");
}

#[test]
fn errors_name_the_file() {
    let t = TempDir::new("err");
    let err = Benchmark::load(&t.0).expect_err("no layout");
    assert!(matches!(err, EvalError::UnknownLayout(_)));

    std::fs::write(t.0.join("ground-truth.json"), "{\"a\": ").expect("write");
    let err = Benchmark::load(&t.0).expect_err("bad json").to_string();
    assert!(err.contains("ground-truth.json"), "{err}");

    std::fs::write(
        t.0.join("ground-truth.json"),
        r#"{"a": {"articleBody": 3}}"#,
    )
    .expect("write");
    let err = Benchmark::load(&t.0).expect_err("bad field").to_string();
    assert!(
        err.contains("ground-truth.json") && err.contains("articleBody"),
        "{err}"
    );

    std::fs::write(
        t.0.join("ground-truth.json"),
        r#"{"zz": {"articleBody": "x"}}"#,
    )
    .expect("write");
    let err = Benchmark::load(&t.0).expect_err("missing page").to_string();
    assert!(err.contains("zz.html.gz"), "{err}");

    std::fs::write(t.0.join("html/zz.html.gz"), b"\x1f\x8b\x08\x00 truncated").expect("write");
    let err = Benchmark::load(&t.0).expect_err("corrupt gzip").to_string();
    assert!(err.contains("zz.html.gz"), "{err}");
}

/// Echoes a fixed body, or fails, so the runner's bookkeeping can be checked.
struct Fixed;

impl ArticleExtractor for Fixed {
    fn name(&self) -> &'static str {
        "fixed"
    }
    fn extract(&self, html: &str, _url: Option<&str>) -> Result<Article, ExtractError> {
        if html.contains("fail") {
            return Err(ExtractError::NoBody);
        }
        Ok(Article {
            body: "Café society".to_string(),
            ..Article::default()
        })
    }
}

#[test]
fn run_score_and_write() {
    let t = TempDir::new("run");
    std::fs::write(
        t.0.join("ground-truth.json"),
        r#"{"a": {"articleBody": "Café society"}, "b": {"articleBody": "something else entirely"}}"#,
    )
    .expect("write");
    gz(&t.0.join("html/a.html.gz"), b"<p>ok</p>");
    gz(&t.0.join("html/b.html.gz"), b"<p>fail</p>");
    let bench = Benchmark::load(&t.0).expect("loads");
    let run = bench.run(&Fixed);
    assert_eq!(run.extractor, "fixed");
    assert_eq!(run.failures, 1);
    assert_eq!(run.predictions["b"], "");
    let s = score(&bench, &run.predictions);
    // Page a is exact; page b predicts nothing, so it counts for recall only.
    assert_eq!(s.pages, 2);
    assert!((s.precision - 1.0).abs() < 1e-12);
    assert!((s.recall - 0.5).abs() < 1e-12);
    assert!((s.accuracy - 0.5).abs() < 1e-12);

    let out = t.0.join("out.json");
    write_predictions(&out, &run.predictions).expect("writes");
    let back: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_slice(&std::fs::read(&out).expect("read")).expect("json");
    assert_eq!(back["a"]["articleBody"], "Café society");
    assert_eq!(back.len(), 2);
}
