//! Quote attribution on brat standoff in the PolNeAR layout, scored exactly as
//! `shared/eval/quotes/score.py` does.
//!
//! A gold directory holds `text/NAME.txt` and `attributions/NAME*.ann` (the first `.ann` in
//! name order counts). In the `.ann` files, `T` lines are `Source`, `Cue` or `Content` spans
//! (fragments joined by `;`), `E` lines tie them into one attribution, and an optional
//! `#N AnnotatorNotes TK speaker=FULL NAME` note gives a content's resolved speaker.
//!
//! All offsets are Unicode code points, end exclusive. The scorer works on sets of code-point
//! positions, as the reference does, and sums in the same order so that the figures agree
//! to the last digit.

use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// A span as a list of `[start, end)` fragments in code points.
pub type Fragments = Vec<[usize; 2]>;

/// One gold attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldAttribution {
    pub content: Fragments,
    pub source: Option<Fragments>,
    pub cue: Option<Fragments>,
    pub speaker: Option<String>,
}

/// One annotated article.
#[derive(Clone, Debug)]
pub struct GoldDocument {
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// A gold directory: documents by name (the text file's name without `.txt`).
#[derive(Clone, Debug, Default)]
pub struct QuoteGold {
    pub dir: PathBuf,
    pub documents: BTreeMap<String, GoldDocument>,
}

/// One line of the scorer's input: a system quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemQuote {
    pub doc: String,
    pub content: Fragments,
    pub source: Option<Fragments>,
    pub cue: Option<Fragments>,
    pub speaker: Option<String>,
    /// `direct`, `reported` or `mixed`; not scored, kept for readers of the output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The figures of `score.py`, under its keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct QuoteScore {
    pub content_soft_p: f64,
    pub content_soft_r: f64,
    pub content_soft_f1: f64,
    pub content_exact_p: f64,
    pub content_exact_r: f64,
    pub content_exact_f1: f64,
    pub source_acc: f64,
    pub source_n: u64,
    pub cue_acc: f64,
    pub cue_n: u64,
    pub speaker_acc: f64,
    pub speaker_n: u64,
    pub gold_attributions: u64,
    pub system_quotes: u64,
}

impl QuoteGold {
    /// Reads `dir/text/*.txt` and, for each, the first `dir/attributions/NAME*.ann`. Articles
    /// without annotations are left out, as the reference does.
    pub fn load(dir: &Path) -> Result<QuoteGold, EvalError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| EvalError::Io { path, source }
        };
        let text_dir = dir.join("text");
        let ann_dir = dir.join("attributions");
        let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
            .map_err(io(&text_dir))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        texts.sort();
        let mut anns: Vec<String> = match std::fs::read_dir(&ann_dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.ends_with(".ann"))
                .collect(),
            Err(source) => {
                return Err(EvalError::Io {
                    path: ann_dir,
                    source,
                })
            }
        };
        anns.sort();
        let mut documents = BTreeMap::new();
        for tpath in texts {
            let Some(name) = tpath
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            // `glob(name + "*.ann")` in name order: the first annotation file that starts with
            // the article's name.
            let Some(ann) = anns.iter().find(|a| a.starts_with(&name)) else {
                continue;
            };
            let text = std::fs::read_to_string(&tpath).map_err(io(&tpath))?;
            let ann_path = ann_dir.join(ann);
            let standoff = std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?;
            let attributions = parse_standoff(&standoff).map_err(|reason| EvalError::Invalid {
                path: ann_path.clone(),
                reason,
            })?;
            documents.insert(name, GoldDocument { text, attributions });
        }
        Ok(QuoteGold {
            dir: dir.to_path_buf(),
            documents,
        })
    }
}

/// Parses one brat `.ann` file into attributions.
pub fn parse_standoff(standoff: &str) -> Result<Vec<GoldAttribution>, String> {
    let mut spans: BTreeMap<&str, (&str, Fragments)> = BTreeMap::new();
    let mut notes: BTreeMap<&str, String> = BTreeMap::new();
    let mut events: Vec<BTreeMap<&str, &str>> = Vec::new();
    for (n, line) in standoff.lines().enumerate() {
        let parts: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| format!("line {}: {why}", n + 1);
        if line.starts_with('T') && parts.len() >= 2 {
            let (label, spec) = parts[1]
                .split_once(' ')
                .ok_or_else(|| bad("a span without offsets"))?;
            let mut frags = Vec::new();
            for frag in spec.split(';') {
                let nums: Vec<usize> = frag
                    .split_whitespace()
                    .map(|x| {
                        x.parse::<usize>()
                            .map_err(|_| bad("an offset is not a number"))
                    })
                    .collect::<Result<_, _>>()?;
                match nums.as_slice() {
                    [s, e] => frags.push([*s, *e]),
                    _ => return Err(bad("a fragment is not two offsets")),
                }
            }
            spans.insert(parts[0], (label, frags));
        } else if line.starts_with('#') && parts.len() >= 3 {
            if let (Some(target), Some(speaker)) = (
                parts[1].split(' ').nth(1),
                parts[2].strip_prefix("speaker="),
            ) {
                notes.insert(target, speaker.trim().to_string());
            }
        } else if line.starts_with('E') && parts.len() >= 2 {
            let roles = parts[1]
                .split(' ')
                .skip(1)
                .filter_map(|r| r.split_once(':'))
                .collect();
            events.push(roles);
        }
    }
    let span_of = |roles: &BTreeMap<&str, &str>, role: &str| {
        roles
            .get(role)
            .and_then(|id| spans.get(id))
            .map(|(_, f)| f.clone())
    };
    Ok(events
        .iter()
        .filter_map(|roles| {
            let content_id = roles.get("Content")?;
            let (_, content) = spans.get(content_id)?;
            Some(GoldAttribution {
                content: content.clone(),
                source: span_of(roles, "Source"),
                cue: span_of(roles, "Cue"),
                speaker: notes.get(content_id).cloned(),
            })
        })
        .collect())
}

fn chars(spans: Option<&Fragments>) -> HashSet<usize> {
    let mut out = HashSet::new();
    for [s, e] in spans.into_iter().flatten() {
        out.extend(*s..*e);
    }
    out
}

const TRIM: &str = " \t\n\"'“”‘’«»,.:;";

/// The span's positions without spaces, quote marks and punctuation at either end.
fn trimmed(text: &[char], spans: &Fragments) -> Vec<usize> {
    let mut cs: Vec<usize> = chars(Some(spans)).into_iter().collect();
    cs.sort_unstable();
    // A position past the text's end is never trimmed (the reference would fail on it; a
    // scorer must not).
    let trim = |i: usize| text.get(i).is_some_and(|c| TRIM.contains(*c));
    let start = cs.iter().position(|&i| !trim(i)).unwrap_or(cs.len());
    let end = cs.iter().rposition(|&i| !trim(i)).map_or(start, |e| e + 1);
    cs[start..end.max(start)].to_vec()
}

fn norm(name: Option<&str>) -> String {
    name.unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn overlap(a: &HashSet<usize>, b: &HashSet<usize>) -> usize {
    if a.len() <= b.len() {
        a.iter().filter(|x| b.contains(x)).count()
    } else {
        b.iter().filter(|x| a.contains(x)).count()
    }
}

/// Scores system quotations against the gold, exactly as `score.py`.
pub fn score(gold: &QuoteGold, system: &[SystemQuote]) -> QuoteScore {
    let mut by_doc: BTreeMap<&str, Vec<&SystemQuote>> = BTreeMap::new();
    for q in system {
        if gold.documents.contains_key(&q.doc) {
            by_doc.entry(q.doc.as_str()).or_default().push(q);
        }
    }
    let (mut sp_sum, mut sp_n, mut sr_sum, mut sr_n) = (0.0f64, 0u64, 0.0f64, 0u64);
    let (mut ex_tp, mut ex_n_p, mut ex_n_r) = (0usize, 0usize, 0usize);
    let (mut src_ok, mut src_n, mut cue_ok, mut cue_n, mut spk_ok, mut spk_n) =
        (0u64, 0u64, 0u64, 0u64, 0u64, 0u64);
    for (name, g) in &gold.documents {
        let text: Vec<char> = g.text.chars().collect();
        let sys_q = by_doc.get(name.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let sc: Vec<HashSet<usize>> = sys_q.iter().map(|q| chars(Some(&q.content))).collect();
        let gc: Vec<HashSet<usize>> = g
            .attributions
            .iter()
            .map(|a| chars(Some(&a.content)))
            .collect();
        for s in &sc {
            sp_n += 1;
            if !s.is_empty() {
                sp_sum += gc
                    .iter()
                    .map(|x| overlap(s, x) as f64 / s.len() as f64)
                    .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
                    .unwrap_or(0.0);
            }
        }
        let se: HashSet<Vec<usize>> = sys_q.iter().map(|q| trimmed(&text, &q.content)).collect();
        let ge: HashSet<Vec<usize>> = g
            .attributions
            .iter()
            .map(|a| trimmed(&text, &a.content))
            .collect();
        ex_tp += se.intersection(&ge).count();
        ex_n_p += se.len();
        ex_n_r += ge.len();
        for (a, x) in g.attributions.iter().zip(&gc) {
            sr_n += 1;
            let mut best: Option<&SystemQuote> = None;
            let mut cover = 0.0f64;
            for (q, s) in sys_q.iter().zip(&sc) {
                let c = if x.is_empty() {
                    0.0
                } else {
                    overlap(s, x) as f64 / x.len() as f64
                };
                if c > cover {
                    best = Some(q);
                    cover = c;
                }
            }
            sr_sum += cover;
            let Some(best) = best.filter(|_| cover >= 0.5) else {
                continue;
            };
            if let Some(source) = a.source.as_ref().filter(|s| !s.is_empty()) {
                src_n += 1;
                let gs = chars(Some(source));
                let hit = overlap(&chars(best.source.as_ref()), &gs) as f64;
                src_ok += u64::from(hit >= 0.5 * gs.len() as f64);
            }
            if let Some(cue) = a.cue.as_ref().filter(|s| !s.is_empty()) {
                cue_n += 1;
                let gq = chars(Some(cue));
                let hit = overlap(&chars(best.cue.as_ref()), &gq) as f64;
                cue_ok += u64::from(hit >= 0.5 * gq.len() as f64);
            }
            if a.speaker.as_deref().is_some_and(|s| !s.is_empty()) {
                spk_n += 1;
                spk_ok += u64::from(norm(best.speaker.as_deref()) == norm(a.speaker.as_deref()));
            }
        }
    }
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let (p, r) = (ratio(sp_sum, sp_n as f64), ratio(sr_sum, sr_n as f64));
    let (ep, er) = (
        ratio(ex_tp as f64, ex_n_p as f64),
        ratio(ex_tp as f64, ex_n_r as f64),
    );
    QuoteScore {
        content_soft_p: p,
        content_soft_r: r,
        content_soft_f1: f1(p, r),
        content_exact_p: ep,
        content_exact_r: er,
        content_exact_f1: f1(ep, er),
        source_acc: ratio(src_ok as f64, src_n as f64),
        source_n: src_n,
        cue_acc: ratio(cue_ok as f64, cue_n as f64),
        cue_n,
        speaker_acc: ratio(spk_ok as f64, spk_n as f64),
        speaker_n: spk_n,
        gold_attributions: sr_n,
        system_quotes: sp_n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 6\nT2\tCue 7 11\nT3\tContent 12 30;31 40\n\
        E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T3\tspeaker=Vladimir  Putin\n";

    #[test]
    fn standoff_parses_fragments_roles_and_notes() {
        let atts = parse_standoff(ANN).unwrap();
        assert_eq!(atts.len(), 1);
        assert_eq!(atts[0].content, vec![[12, 30], [31, 40]]);
        assert_eq!(atts[0].source, Some(vec![[0, 6]]));
        assert_eq!(atts[0].cue, Some(vec![[7, 11]]));
        assert_eq!(atts[0].speaker.as_deref(), Some("Vladimir  Putin"));
        assert!(parse_standoff("T1\tContent x y\n").is_err());
    }

    /// Figures worked out by hand with the reference definitions.
    #[test]
    fn scores_a_small_document_like_the_reference() {
        let text = "Putin said that \u{201c}the threat was real\u{201d} and grew.";
        let content = [16usize, 38];
        let gold = QuoteGold {
            dir: PathBuf::new(),
            documents: BTreeMap::from([(
                "a".to_string(),
                GoldDocument {
                    text: text.to_string(),
                    attributions: vec![GoldAttribution {
                        content: vec![content],
                        source: Some(vec![[0, 5]]),
                        cue: Some(vec![[6, 10]]),
                        speaker: Some("Vladimir Putin".into()),
                    }],
                },
            )]),
        };
        // The system content drops the quote marks (exact match after trimming), takes half
        // the source and names the speaker in other case and spacing.
        let quote = SystemQuote {
            doc: "a".into(),
            content: vec![[17, 37]],
            source: Some(vec![[0, 3]]),
            cue: Some(vec![[6, 10]]),
            speaker: Some("vladimir   PUTIN".into()),
            kind: None,
        };
        let s = score(&gold, std::slice::from_ref(&quote));
        assert_eq!(s.content_soft_p, 1.0);
        assert!((s.content_soft_r - 20.0 / 22.0).abs() < 1e-12);
        assert_eq!(s.content_exact_f1, 1.0);
        assert_eq!((s.source_acc, s.cue_acc, s.speaker_acc), (1.0, 1.0, 1.0));
        // A second quote elsewhere halves precision and leaves recall alone.
        let other = SystemQuote {
            content: vec![[42, 50]],
            ..quote
        };
        let s2 = score(&gold, &[other.clone(), other]);
        assert_eq!(s2.system_quotes, 2);
        assert_eq!(s2.content_soft_p, 0.0);
        assert_eq!(s2.source_n, 0);
    }
}
