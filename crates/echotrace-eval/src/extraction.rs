//! The article-extraction benchmark: loading the sets, running extractors, and scoring their
//! output exactly as the benchmark's `evaluate.py` does.
//!
//! Two layouts are read, told apart by what the directory holds:
//!
//! - **Scrapinghub** (`article-extraction-benchmark`): `ground-truth.json` mapping each page id
//!   to `{"articleBody": …, "url": …}`, and the pages as `html/ID.html.gz`;
//! - **WCXB**: one `ground-truth/ID.json` per page with `url` and
//!   `ground_truth.main_content`, and the pages as `html/ID.html.gz`.
//!
//! ```no_run
//! use echotrace_eval::extraction::{score, Benchmark};
//! use echotrace_extract::EchotraceExtractor;
//!
//! let bench = Benchmark::load("/data/scrapinghub".as_ref())?;
//! let run = bench.run(&EchotraceExtractor::default());
//! let s = score(&bench, &run.predictions);
//! println!("F1 {:.3} on {} pages, {:.0} pages/s", s.f1, s.pages, run.pages_per_second());
//! # Ok::<(), echotrace_eval::EvalError>(())
//! ```

use crate::pyword_table::PY_WORD_RANGES;
use crate::EvalError;
use echotrace_extract::{decode_html, ArticleExtractor};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Which on-disk layout a benchmark directory uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    Scrapinghub,
    Wcxb,
}

/// One page of a benchmark: its HTML (decoded to text) and the expected article body.
#[derive(Clone, Debug)]
pub struct Page {
    pub id: String,
    pub url: Option<String>,
    pub html: String,
    /// The ground-truth article body; empty where the set gives none.
    pub truth: String,
}

/// A loaded benchmark, pages sorted by id.
#[derive(Clone, Debug)]
pub struct Benchmark {
    pub dir: PathBuf,
    pub layout: Layout,
    pub pages: Vec<Page>,
}

/// The output of one extractor over a benchmark.
#[derive(Clone, Debug)]
pub struct Run {
    pub extractor: String,
    /// Page id to extracted body; a page the extractor failed on maps to `""`, as the
    /// reference scorer needs every id present.
    pub predictions: BTreeMap<String, String>,
    /// Wall-clock time spent inside the extractor only (loading, decoding and scoring
    /// excluded), pages run one after another on one thread.
    pub elapsed: Duration,
    /// CPU time of this thread over the same calls, where the platform reports it. Unlike
    /// `elapsed` it does not grow when other processes compete for the cores, so it is the
    /// honest base for a per-core throughput.
    pub cpu_time: Option<Duration>,
    /// Pages on which the extractor returned an error.
    pub failures: usize,
}

impl Run {
    /// Pages per second of one core: from CPU time where known, else from wall time.
    pub fn pages_per_second(&self) -> f64 {
        let secs = self.cpu_time.unwrap_or(self.elapsed).as_secs_f64();
        if secs > 0.0 {
            self.predictions.len() as f64 / secs
        } else {
            0.0
        }
    }
}

/// The benchmark's figures. Precision is averaged over the pages where something was
/// predicted, recall over the pages where something was expected, and F1 is computed from
/// those two averages (not averaged per page) — all as `evaluate.py` does.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ExtractionScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose predicted token sequence equals the expected one exactly.
    pub accuracy: f64,
    pub pages: usize,
}

/// Shingle counts of one page, normalised by their sum so that long pages weigh no more
/// than short ones. All zero when neither text has a token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageCounts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl PageCounts {
    /// `evaluate.py`'s `precision_score`.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// `evaluate.py`'s `recall_score`.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

impl Benchmark {
    /// Reads a benchmark directory in either layout. Every page's HTML must be present
    /// (`html/ID.html.gz` or `html/ID.html`); a missing or malformed file is an error naming it.
    pub fn load(dir: &Path) -> Result<Benchmark, EvalError> {
        let single = dir.join("ground-truth.json");
        let per_page = dir.join("ground-truth");
        let (layout, truths) = if single.is_file() {
            (Layout::Scrapinghub, load_scrapinghub_truth(&single)?)
        } else if per_page.is_dir() {
            (Layout::Wcxb, load_wcxb_truth(&per_page)?)
        } else {
            return Err(EvalError::UnknownLayout(dir.to_path_buf()));
        };
        let html_dir = dir.join("html");
        let mut pages = Vec::with_capacity(truths.len());
        for (id, (url, truth)) in truths {
            let html = read_page(&html_dir, &id)?;
            pages.push(Page {
                id,
                url,
                html,
                truth,
            });
        }
        Ok(Benchmark {
            dir: dir.to_path_buf(),
            layout,
            pages,
        })
    }

    /// A short name for reports: the directory's last component.
    pub fn name(&self) -> String {
        self.dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.dir.display().to_string())
    }

    /// Runs `extractor` over every page, one page at a time on this thread.
    pub fn run(&self, extractor: &dyn ArticleExtractor) -> Run {
        let mut predictions = BTreeMap::new();
        let mut elapsed = Duration::ZERO;
        let mut cpu_time = Some(Duration::ZERO);
        let mut failures = 0;
        for page in &self.pages {
            let cpu_start = thread_cpu_time();
            let start = Instant::now();
            let result = extractor.extract(&page.html, page.url.as_deref());
            elapsed += start.elapsed();
            cpu_time = match (cpu_time, cpu_start, thread_cpu_time()) {
                (Some(total), Some(a), Some(b)) => Some(total + b.saturating_sub(a)),
                _ => None,
            };
            let body = match result {
                Ok(article) => article.body,
                Err(_) => {
                    failures += 1;
                    String::new()
                }
            };
            predictions.insert(page.id.clone(), body);
        }
        Run {
            extractor: extractor.name().to_string(),
            predictions,
            elapsed,
            cpu_time,
            failures,
        }
    }

    /// The ground truth as `{"ID": {"articleBody": …}}`, the form `evaluate.py` reads from
    /// `ground-truth.json` (used to check this module against the script on WCXB).
    pub fn write_ground_truth(&self, path: &Path) -> io::Result<()> {
        let truth: BTreeMap<String, String> = self
            .pages
            .iter()
            .map(|p| (p.id.clone(), p.truth.clone()))
            .collect();
        write_predictions(path, &truth)
    }
}

/// CPU time consumed by the calling thread so far.
#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant the
    // platform defines; clock_gettime writes nothing else.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return None;
    }
    Some(Duration::new(
        u64::try_from(ts.tv_sec).ok()?,
        u32::try_from(ts.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

type Truths = BTreeMap<String, (Option<String>, String)>;

fn read_json(path: &Path) -> Result<Value, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

fn invalid(path: &Path, reason: impl Into<String>) -> EvalError {
    EvalError::Invalid {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// A text field that may be absent or `null` (the reference scorer reads both as "").
fn text_field(v: Option<&Value>, path: &Path, what: &str) -> Result<String, EvalError> {
    match v {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(invalid(path, format!("{what} is not a string"))),
    }
}

fn url_field(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn load_scrapinghub_truth(path: &Path) -> Result<Truths, EvalError> {
    let Value::Object(map) = read_json(path)? else {
        return Err(invalid(
            path,
            "expected an object of page id to {articleBody, url}",
        ));
    };
    let mut out = Truths::new();
    for (id, entry) in map {
        check_id(path, &id)?;
        let Value::Object(entry) = entry else {
            return Err(invalid(path, format!("entry {id:?} is not an object")));
        };
        let body = text_field(entry.get("articleBody"), path, &format!("{id}.articleBody"))?;
        out.insert(id, (url_field(entry.get("url")), body));
    }
    if out.is_empty() {
        return Err(invalid(path, "no pages"));
    }
    Ok(out)
}

fn load_wcxb_truth(dir: &Path) -> Result<Truths, EvalError> {
    let entries = fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut out = Truths::new();
    for entry in entries {
        let entry = entry.map_err(|source| EvalError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let v = read_json(&path)?;
        let Some(gt) = v.get("ground_truth").filter(|g| g.is_object()) else {
            return Err(invalid(&path, "no ground_truth object"));
        };
        let body = text_field(gt.get("main_content"), &path, "ground_truth.main_content")?;
        out.insert(id, (url_field(v.get("url")), body));
    }
    if out.is_empty() {
        return Err(invalid(dir, "no ground-truth/*.json files"));
    }
    Ok(out)
}

/// Page ids become file names; refuse ones that would leave the `html/` directory.
fn check_id(path: &Path, id: &str) -> Result<(), EvalError> {
    if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
        return Err(invalid(path, format!("bad page id {id:?}")));
    }
    Ok(())
}

fn read_page(html_dir: &Path, id: &str) -> Result<String, EvalError> {
    let gz = html_dir.join(format!("{id}.html.gz"));
    let plain = html_dir.join(format!("{id}.html"));
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let bytes = if gz.is_file() {
        let file = fs::File::open(&gz).map_err(io_err(&gz))?;
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(io_err(&gz))?;
        bytes
    } else if plain.is_file() {
        fs::read(&plain).map_err(io_err(&plain))?
    } else {
        return Err(invalid(&gz, "page listed in the ground truth but missing"));
    };
    Ok(decode_html(&bytes).into_owned())
}

/// Writes predictions in the benchmark's output format, `{"ID": {"articleBody": "…"}}`.
pub fn write_predictions(path: &Path, predictions: &BTreeMap<String, String>) -> io::Result<()> {
    let out: BTreeMap<&str, BTreeMap<&str, &str>> = predictions
        .iter()
        .map(|(id, body)| {
            (
                id.as_str(),
                BTreeMap::from([("articleBody", body.as_str())]),
            )
        })
        .collect();
    let mut file = io::BufWriter::new(fs::File::create(path)?);
    serde_json::to_writer(&mut file, &out)?;
    file.write_all(b"\n")?;
    file.flush()
}

/// Scores predictions against a benchmark. A page with no prediction counts as an empty
/// body; predictions for ids the benchmark lacks are ignored.
pub fn score(bench: &Benchmark, predictions: &BTreeMap<String, String>) -> ExtractionScore {
    let pairs: Vec<(&str, &str)> = bench
        .pages
        .iter()
        .map(|p| {
            let pred = predictions.get(&p.id).map_or("", String::as_str);
            (p.truth.as_str(), pred)
        })
        .collect();
    score_pairs(&pairs)
}

/// Scores `(truth, prediction)` pairs with `evaluate.py`'s metric.
pub fn score_pairs(pairs: &[(&str, &str)]) -> ExtractionScore {
    let counts: Vec<PageCounts> = pairs.iter().map(|(t, p)| page_counts(t, p)).collect();
    let precision = mean(
        counts
            .iter()
            .filter(|c| c.tp + c.fp > 0.0)
            .map(PageCounts::precision),
    );
    let recall = mean(
        counts
            .iter()
            .filter(|c| c.tp + c.fn_ > 0.0)
            .map(PageCounts::recall),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = mean(
        pairs
            .iter()
            .map(|(t, p)| if tokenize(t) == tokenize(p) { 1.0 } else { 0.0 }),
    );
    ExtractionScore {
        precision,
        recall,
        f1,
        accuracy,
        pages: pairs.len(),
    }
}

/// Python's `statistics.mean` raises on an empty list; a benchmark with no scorable page
/// scores 0 here instead.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// `evaluate.py`'s `string_shingle_matching`: multiset matching of 4-token shingles.
pub fn page_counts(truth: &str, pred: &str) -> PageCounts {
    let t = tokenize(truth);
    let p = tokenize(pred);
    let mut counts: HashMap<&[&str], (u32, u32)> = HashMap::new();
    for s in shingles(&t) {
        counts.entry(s).or_default().0 += 1;
    }
    for s in shingles(&p) {
        counts.entry(s).or_default().1 += 1;
    }
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for &(tc, pc) in counts.values() {
        tp += u64::from(tc.min(pc));
        fp += u64::from(pc.saturating_sub(tc));
        fn_ += u64::from(tc.saturating_sub(pc));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum > 0.0 {
        PageCounts {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    } else {
        PageCounts {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        }
    }
}

/// The 4-token windows; a text of one to three tokens is a single shorter shingle.
fn shingles<'a, 'b>(tokens: &'b [&'a str]) -> impl Iterator<Item = &'b [&'a str]> {
    const N: usize = 4;
    let short = (!tokens.is_empty() && tokens.len() < N).then_some(tokens);
    tokens.windows(N).chain(short)
}

/// The `\w+` runs of `text` with Python's (not Rust regex's) notion of a word character.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_py_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Python's `\w` on `str`: `c.isalnum() or c == '_'`. Unlike Rust's `\w` this excludes
/// combining marks (so `é` written as `e` + U+0301 splits a word) and includes a few
/// numeric symbols such as `½`.
pub fn is_py_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let cp = u32::from(c);
    PY_WORD_RANGES
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_follow_python_word_semantics() {
        // Values from Python 3.11: re.findall(r'\w+', s).
        assert_eq!(tokenize("Hello, wor_ld 42!"), ["Hello", "wor_ld", "42"]);
        // U+0301 (combining acute) is not \w in Python, so the word splits.
        assert_eq!(tokenize("cafe\u{301} ok"), ["cafe", "ok"]);
        assert_eq!(tokenize("½ price ²"), ["½", "price", "²"]);
        assert_eq!(tokenize("日本語 текст—done"), ["日本語", "текст", "done"]);
        // Devanagari vowel signs are Mc/Mn: Rust's is_alphabetic says yes, Python says no.
        assert_eq!(tokenize("हिन्दी"), ["ह", "न", "द"]);
        assert!(tokenize("  ...  ").is_empty());
    }

    #[test]
    fn page_counts_match_evaluate_py() {
        // string_shingle_matching(true, pred) in evaluate.py gives these.
        let c = page_counts("a b c d e f", "a b c d x");
        // true: abcd bcde cdef; pred: abcd bcdx -> tp 1, fp 1, fn 2, over 4.
        assert!(close(c.tp, 0.25) && close(c.fp, 0.25) && close(c.fn_, 0.5));
        // Repeated shingles are counted as a multiset.
        let c = page_counts("a b c d a b c d", "a b c d");
        // true: abcd bcda cdab dabc abcd (abcd twice); pred: abcd -> tp 1, fn 4.
        assert!(close(c.tp, 0.2) && close(c.fp, 0.0) && close(c.fn_, 0.8));
        // Short texts are one shingle.
        let c = page_counts("one two", "one two");
        assert!(close(c.tp, 1.0));
        let c = page_counts("", "");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.0, 0.0));
        // Case-sensitive.
        let c = page_counts("A b c d", "a b c d");
        assert!(close(c.tp, 0.0) && close(c.fp, 0.5));
    }

    #[test]
    fn averages_match_evaluate_py() {
        // metrics_from_tp_fp_fns on these pairs in Python 3.11 gives precision 0.5 (pages 1-3),
        // recall 0.17777777777777778 (pages 1, 2, 4), f1 0.26229508196721313, accuracy 0.0.
        let pairs = [
            ("a b c d e f", "a b c d x"),
            ("a b c d a b c d", "a b c d"),
            ("", "nothing to see here"),
            ("only truth here now", ""),
        ];
        let s = score_pairs(&pairs);
        assert!(close(s.precision, 0.5), "{s:?}");
        assert!(close(s.recall, 0.17777777777777778), "{s:?}");
        assert!(close(s.f1, 0.26229508196721313), "{s:?}");
        assert!(close(s.accuracy, 0.0), "{s:?}");
        assert_eq!(s.pages, 4);
        let s = score_pairs(&[("x y", "x, y!"), ("", "")]);
        assert!(close(s.accuracy, 1.0) && close(s.f1, 1.0), "{s:?}");
    }
}
