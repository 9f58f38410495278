//! The Clough & Stevenson corpus of short answers written with graded reuse of a Wikipedia
//! source text, and how well two alignment features separate its levels.
//!
//! Layout of the folder: `file_information.csv` (`File,Task,Category`, category one of `cut`,
//! `light`, `heavy`, `non`, or `orig` for the source texts), the answers `gXpY_taskT.txt` and
//! the sources `orig_taskT.txt`. Some answers are not UTF-8 (Windows-1252); they are decoded as
//! such.
//!
//! For each answer the caller supplies a feature pair ([`Features`]): *coverage*, the share of
//! the answer's words inside spans aligned with its source, and *identity*, the word identity
//! of those spans. [`evaluate`] then reports, all by leave-one-out cross-validation (nothing is
//! tuned on the held-out answer):
//! - the accuracy and confusion matrix of a nearest-centroid level classifier on the two
//!   features, standardised on the training answers;
//! - reuse-vs-non precision, recall and F1 (positive = `cut`, `light`, `heavy`) of a threshold
//!   on coverage, the threshold chosen on the training answers to maximise their F1.

use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Reuse level of an answer, from most to least reuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Cut,
    Light,
    Heavy,
    Non,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Cut, Level::Light, Level::Heavy, Level::Non];

    pub fn name(self) -> &'static str {
        match self {
            Level::Cut => "cut",
            Level::Light => "light",
            Level::Heavy => "heavy",
            Level::Non => "non",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == s)
    }

    /// Position in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the answer reuses the source at all.
    pub fn is_reuse(self) -> bool {
        self != Level::Non
    }
}

/// One answer of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// File name, e.g. `g0pA_taska.txt`.
    pub file: String,
    /// Task letter, e.g. `a`.
    pub task: String,
    pub level: Level,
    pub text: String,
}

/// The corpus: answers and, per task, the source text.
#[derive(Clone, Debug, Default)]
pub struct CloughStevenson {
    pub dir: PathBuf,
    pub answers: Vec<Answer>,
    /// Task letter → source text (`orig_taskT.txt`).
    pub sources: BTreeMap<String, String>,
}

impl CloughStevenson {
    /// Reads `file_information.csv` and every file it names, plus the source of each task.
    pub fn load(dir: &Path) -> Result<Self, EvalError> {
        let csv_path = dir.join("file_information.csv");
        let csv = read_text(&csv_path)?;
        let invalid = |path: &Path, reason: String| EvalError::Invalid {
            path: path.to_path_buf(),
            reason,
        };
        let mut corpus = CloughStevenson {
            dir: dir.to_path_buf(),
            ..Default::default()
        };
        let mut lines = csv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        match lines.next() {
            Some((_, h)) if h.trim().eq_ignore_ascii_case("File,Task,Category") => {}
            other => {
                return Err(invalid(
                    &csv_path,
                    format!(
                        "expected header `File,Task,Category`, found {:?}",
                        other.map(|(_, l)| l)
                    ),
                ))
            }
        }
        for (n, line) in lines {
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let [file, task, category] = fields[..] else {
                return Err(invalid(
                    &csv_path,
                    format!("line {}: expected 3 fields, found {line:?}", n + 1),
                ));
            };
            if category == "orig" {
                continue;
            }
            let level = Level::parse(category).ok_or_else(|| {
                invalid(
                    &csv_path,
                    format!("line {}: unknown category {category:?}", n + 1),
                )
            })?;
            if task.is_empty() || file.contains('/') || file.contains('\\') {
                return Err(invalid(
                    &csv_path,
                    format!("line {}: bad file or task in {line:?}", n + 1),
                ));
            }
            if !corpus.sources.contains_key(task) {
                let source = read_text(&dir.join(format!("orig_task{task}.txt")))?;
                corpus.sources.insert(task.to_string(), source);
            }
            corpus.answers.push(Answer {
                file: file.to_string(),
                task: task.to_string(),
                level,
                text: read_text(&dir.join(file))?,
            });
        }
        if corpus.answers.is_empty() {
            return Err(invalid(&csv_path, "no answers listed".into()));
        }
        Ok(corpus)
    }

    /// The source text of an answer's task.
    pub fn source(&self, answer: &Answer) -> &str {
        self.sources
            .get(&answer.task)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// A file's text: UTF-8 where it is valid, else Windows-1252.
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| cp1252(b)).collect(),
    })
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Byte ranges of the words of `text`: maximal runs of alphanumeric characters (an apostrophe
/// or hyphen between two of them stays inside the word).
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if start.is_some()
            && matches!(c, '\'' | '’' | '-')
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            // inside a word
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// One aligned span on the answer's side: its bytes, and its aligned word pairs that match
/// (`matched`) out of all aligned columns (`columns`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerSpan {
    pub start: usize,
    pub end: usize,
    pub matched: u32,
    pub columns: u32,
}

/// The two features of one answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Share of the answer's words inside aligned spans, `0..=1`.
    pub coverage: f64,
    /// Matching columns over all columns of the spans, `0..=1`; 0 without spans.
    pub identity: f64,
}

/// Features of an answer from its aligned spans (overlapping spans count their words once).
pub fn features(text: &str, spans: &[AnswerSpan]) -> Features {
    let ws = words(text);
    let inside = ws
        .iter()
        .filter(|(s, e)| spans.iter().any(|sp| *s >= sp.start && *e <= sp.end))
        .count();
    let (matched, columns) = spans.iter().fold((0u64, 0u64), |(m, c), sp| {
        (m + sp.matched as u64, c + sp.columns as u64)
    });
    Features {
        coverage: if ws.is_empty() {
            0.0
        } else {
            inside as f64 / ws.len() as f64
        },
        identity: if columns == 0 {
            0.0
        } else {
            matched as f64 / columns as f64
        },
    }
}

/// Mean features of one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelSummary {
    pub level: Level,
    pub count: usize,
    pub mean_coverage: f64,
    pub mean_identity: f64,
}

/// Precision, recall and F1 of a binary decision, with its counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BinaryScores {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

impl BinaryScores {
    fn from_counts(tp: usize, fp: usize, fn_: usize, tn: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        BinaryScores {
            tp,
            fp,
            fn_,
            tn,
            precision,
            recall,
            f1,
            accuracy: ratio(tp + tn, tp + fp + fn_ + tn),
        }
    }
}

/// What [`evaluate`] reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Separation {
    pub answers: usize,
    pub per_level: Vec<LevelSummary>,
    /// How the figures below were obtained.
    pub protocol: String,
    /// Leave-one-out accuracy of the nearest-centroid level classifier.
    pub level_accuracy: f64,
    /// Row = gold level, column = predicted, both in the order of `levels`.
    pub confusion: Vec<Vec<usize>>,
    pub levels: Vec<Level>,
    /// Leave-one-out reuse-vs-non figures of a coverage threshold.
    pub reuse_vs_non: BinaryScores,
    /// The thresholds chosen in the leave-one-out folds: lowest and highest.
    pub threshold_range: (f64, f64),
    /// The threshold chosen on all answers (for reading, not for the figures above).
    pub threshold_all: f64,
}

/// Nearest-centroid classifier on standardised features.
#[derive(Clone, Debug)]
pub struct NearestCentroid {
    mean: [f64; 2],
    scale: [f64; 2],
    centroids: Vec<(Level, [f64; 2])>,
}

fn vector(f: &Features) -> [f64; 2] {
    [f.coverage, f.identity]
}

impl NearestCentroid {
    /// Trains on labelled features; levels without training examples get no centroid.
    pub fn fit(items: &[(Level, Features)]) -> Self {
        let n = items.len().max(1) as f64;
        let mut mean = [0.0; 2];
        for (_, f) in items {
            let v = vector(f);
            for k in 0..2 {
                mean[k] += v[k] / n;
            }
        }
        let mut scale = [0.0; 2];
        for (_, f) in items {
            let v = vector(f);
            for k in 0..2 {
                scale[k] += (v[k] - mean[k]).powi(2) / n;
            }
        }
        let scale = scale.map(|v| if v > 1e-12 { v.sqrt() } else { 1.0 });
        let centroids = Level::ALL
            .into_iter()
            .filter_map(|level| {
                let members: Vec<[f64; 2]> = items
                    .iter()
                    .filter(|(l, _)| *l == level)
                    .map(|(_, f)| vector(f))
                    .collect();
                if members.is_empty() {
                    return None;
                }
                let m = members.len() as f64;
                let mut c = [0.0; 2];
                for v in &members {
                    for k in 0..2 {
                        c[k] += (v[k] - mean[k]) / scale[k] / m;
                    }
                }
                Some((level, c))
            })
            .collect();
        NearestCentroid {
            mean,
            scale,
            centroids,
        }
    }

    /// The level whose centroid is nearest (the first in [`Level::ALL`] order on a tie).
    pub fn predict(&self, f: &Features) -> Level {
        let v = vector(f);
        let z = [
            (v[0] - self.mean[0]) / self.scale[0],
            (v[1] - self.mean[1]) / self.scale[1],
        ];
        let mut best = (Level::Non, f64::INFINITY);
        for (level, c) in &self.centroids {
            let d = (z[0] - c[0]).powi(2) + (z[1] - c[1]).powi(2);
            if d < best.1 {
                best = (*level, d);
            }
        }
        best.0
    }
}

/// The coverage threshold (`coverage > t` ⇒ reuse) that maximises F1 on `items`: among
/// the midpoints between consecutive distinct values (and one below the lowest), the middle
/// one of those tied for the best F1.
pub fn best_threshold(items: &[(Level, Features)]) -> f64 {
    let mut values: Vec<f64> = items.iter().map(|(_, f)| f.coverage).collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let Some(&lowest) = values.first() else {
        return 0.0;
    };
    let mut candidates = vec![lowest - 1e-9];
    candidates.extend(values.windows(2).map(|w| (w[0] + w[1]) / 2.0));
    let f1_at = |t: f64| binary(items, t).f1;
    let scored: Vec<(f64, f64)> = candidates.iter().map(|&t| (t, f1_at(t))).collect();
    let best = scored.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let tied: Vec<f64> = scored
        .iter()
        .filter(|s| s.1 >= best - 1e-12)
        .map(|s| s.0)
        .collect();
    tied[tied.len() / 2]
}

fn binary(items: &[(Level, Features)], threshold: f64) -> BinaryScores {
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    for (l, f) in items {
        match (l.is_reuse(), f.coverage > threshold) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
    }
    BinaryScores::from_counts(tp, fp, fn_, tn)
}

/// Per-level means, leave-one-out level accuracy with its confusion matrix, and leave-one-out
/// reuse-vs-non figures. See the module docs.
pub fn evaluate(items: &[(Level, Features)]) -> Separation {
    let per_level = Level::ALL
        .into_iter()
        .map(|level| {
            let fs: Vec<&Features> = items
                .iter()
                .filter(|(l, _)| *l == level)
                .map(|(_, f)| f)
                .collect();
            let n = fs.len();
            let mean = |g: fn(&Features) -> f64| {
                if n == 0 {
                    0.0
                } else {
                    fs.iter().map(|f| g(f)).sum::<f64>() / n as f64
                }
            };
            LevelSummary {
                level,
                count: n,
                mean_coverage: mean(|f| f.coverage),
                mean_identity: mean(|f| f.identity),
            }
        })
        .collect();
    let mut confusion = vec![vec![0usize; 4]; 4];
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let mut range = (f64::INFINITY, f64::NEG_INFINITY);
    for (i, (gold, f)) in items.iter().enumerate() {
        let train: Vec<(Level, Features)> = items
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, x)| *x)
            .collect();
        let predicted = NearestCentroid::fit(&train).predict(f);
        confusion[gold.index()][predicted.index()] += 1;
        let t = best_threshold(&train);
        range = (range.0.min(t), range.1.max(t));
        match (gold.is_reuse(), f.coverage > t) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
    }
    let correct: usize = (0..4).map(|k| confusion[k][k]).sum();
    Separation {
        answers: items.len(),
        per_level,
        protocol: "leave-one-out; level: nearest centroid on standardised (coverage, identity); \
                   reuse-vs-non: coverage > threshold maximising training F1"
            .into(),
        level_accuracy: if items.is_empty() {
            0.0
        } else {
            correct as f64 / items.len() as f64
        },
        confusion,
        levels: Level::ALL.to_vec(),
        reuse_vs_non: BinaryScores::from_counts(tp, fp, fn_, tn),
        threshold_range: if items.is_empty() { (0.0, 0.0) } else { range },
        threshold_all: best_threshold(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(coverage: f64, identity: f64) -> Features {
        Features { coverage, identity }
    }

    #[test]
    fn words_and_features_count_words_inside_spans() {
        let text = "The cat's well-known hat, it sat.";
        let ws = words(text);
        let got: Vec<&str> = ws.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["The", "cat's", "well-known", "hat", "it", "sat"]);
        // A span over "cat's well-known hat" (bytes 4..24), 3 of 4 columns matching.
        let spans = [AnswerSpan {
            start: 4,
            end: 24,
            matched: 3,
            columns: 4,
        }];
        let x = features(text, &spans);
        assert!((x.coverage - 0.5).abs() < 1e-12);
        assert!((x.identity - 0.75).abs() < 1e-12);
        assert_eq!(features(text, &[]), f(0.0, 0.0));
        assert_eq!(features("", &spans), f(0.0, 0.75));
    }

    #[test]
    fn windows_1252_is_decoded() {
        let s: String = b"it\x92s \x93q\x94 caf\xe9"
            .iter()
            .map(|&b| cp1252(b))
            .collect();
        assert_eq!(s, "it’s “q” café");
    }

    /// Four well-separated clusters, three of each level.
    fn separable() -> Vec<(Level, Features)> {
        let mut v = Vec::new();
        for d in [-0.01, 0.0, 0.01] {
            v.push((Level::Cut, f(0.9 + d, 0.95 + d)));
            v.push((Level::Light, f(0.7 + d, 0.8 + d)));
            v.push((Level::Heavy, f(0.4 + d, 0.6 + d)));
            v.push((Level::Non, f(0.02 + d.abs(), 0.1 + d)));
        }
        v
    }

    #[test]
    fn separable_levels_are_all_right() {
        let r = evaluate(&separable());
        assert_eq!(r.answers, 12);
        assert_eq!(r.level_accuracy, 1.0);
        for k in 0..4 {
            assert_eq!(r.confusion[k][k], 3);
        }
        assert_eq!(r.reuse_vs_non.f1, 1.0);
        assert_eq!((r.reuse_vs_non.tp, r.reuse_vs_non.tn), (9, 3));
        assert!(r.threshold_all > 0.03 && r.threshold_all < 0.39);
        let cut = &r.per_level[0];
        assert_eq!((cut.level, cut.count), (Level::Cut, 3));
        assert!((cut.mean_coverage - 0.9).abs() < 1e-12);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["levels"][3], "non");
        assert_eq!(json["reuse_vs_non"]["f1"], 1.0);
    }

    #[test]
    fn held_out_answer_is_not_seen_by_its_own_classifier() {
        // Each level has one example: with it held out, that level has no centroid, so
        // leave-one-out gets none right, where fitting on everything would get all right.
        let items = vec![
            (Level::Cut, f(0.9, 0.9)),
            (Level::Light, f(0.7, 0.8)),
            (Level::Heavy, f(0.4, 0.6)),
            (Level::Non, f(0.0, 0.0)),
        ];
        let all = NearestCentroid::fit(&items);
        assert!(items.iter().all(|(l, x)| all.predict(x) == *l));
        let r = evaluate(&items);
        assert_eq!(r.level_accuracy, 0.0);
        assert_eq!(r.confusion[0][1], 1); // cut held out → light
        assert_eq!(r.confusion[3][2], 1); // non held out → heavy
    }

    #[test]
    fn threshold_is_chosen_without_the_held_out_answer() {
        // A non answer with high coverage among reuse answers: it is a false positive, and
        // a reuse answer with low coverage a false negative.
        let items = vec![
            (Level::Cut, f(0.8, 0.9)),
            (Level::Light, f(0.6, 0.8)),
            (Level::Heavy, f(0.5, 0.7)),
            (Level::Heavy, f(0.05, 0.5)),
            (Level::Non, f(0.0, 0.0)),
            (Level::Non, f(0.02, 0.3)),
            (Level::Non, f(0.55, 0.6)),
        ];
        let r = evaluate(&items);
        let b = &r.reuse_vs_non;
        assert_eq!(b.tp + b.fp + b.fn_ + b.tn, 7);
        assert!(b.fp >= 1 && b.fn_ >= 1, "{b:?}");
        assert!(b.f1 > 0.0 && b.f1 < 1.0);
        let t = best_threshold(&items);
        assert!(t < 0.05, "{t}");
        // Empty input does not panic.
        let e = evaluate(&[]);
        assert_eq!((e.answers, e.level_accuracy), (0, 0.0));
    }

    #[test]
    fn load_reads_answers_sources_and_names_bad_files() {
        let dir = std::env::temp_dir().join(format!("et-clough-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("file_information.csv"),
            "File,Task,Category\r\ng0pA_taska.txt,a,cut\r\ng0pB_taska.txt,a,non\r\norig_taska.txt,a,orig\r\n",
        )
        .unwrap();
        std::fs::write(dir.join("orig_taska.txt"), "Source text.").unwrap();
        std::fs::write(dir.join("g0pA_taska.txt"), b"It\x92s copied.").unwrap();
        std::fs::write(dir.join("g0pB_taska.txt"), "Own words.").unwrap();
        let c = CloughStevenson::load(&dir).unwrap();
        assert_eq!(c.answers.len(), 2);
        assert_eq!(c.answers[0].level, Level::Cut);
        assert_eq!(c.answers[0].text, "It’s copied.");
        assert_eq!(c.source(&c.answers[1]), "Source text.");
        std::fs::remove_file(dir.join("g0pB_taska.txt")).unwrap();
        let e = CloughStevenson::load(&dir).unwrap_err().to_string();
        assert!(e.contains("g0pB_taska.txt"), "{e}");
        std::fs::write(
            dir.join("file_information.csv"),
            "File,Task,Category\ng0pA_taska.txt,a,copied\n",
        )
        .unwrap();
        let e = CloughStevenson::load(&dir).unwrap_err().to_string();
        assert!(
            e.contains("file_information.csv") && e.contains("copied"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
