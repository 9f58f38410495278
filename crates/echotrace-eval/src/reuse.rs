//! Reuse clusters scored exactly as `shared/eval/reuse/score.py` does.
//!
//! Both gold and system files hold one cluster a line:
//! `{"cluster": ANY, "members": [{"doc": ID, "start": S, "end": E, "parent": ID or null}, …]}`
//! with Unicode code-point offsets, end exclusive. See the reference script for the meaning of
//! each figure; this module follows it statement by statement. The one place the reference is
//! not deterministic — which of two system clusters that share equally many documents with a
//! gold cluster counts for its origin, decided by Python's set order — is settled here by the
//! lower cluster index.

use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;

/// One member of a cluster: a span of a document and the document it was copied from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterMember {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub parent: Option<String>,
}

/// One reuse cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseClusterRecord {
    pub cluster: serde_json::Value,
    pub members: Vec<ClusterMember>,
    /// Anything else the writer added (edit kind, confidence), kept for the reader.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The figures of `score.py`, under its keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ReuseScore {
    pub pair_p: f64,
    pub pair_r: f64,
    pub pair_f1: f64,
    pub char_p: f64,
    pub char_r: f64,
    pub char_f1: f64,
    pub parent_acc: f64,
    pub parent_n: u64,
    pub origin_acc: f64,
    pub origin_n: u64,
    pub gold_clusters: u64,
    pub system_clusters: u64,
}

/// Reads a clusters JSONL file; blank lines are skipped, a bad line is an error naming it.
pub fn load_clusters(path: &Path) -> Result<Vec<ReuseClusterRecord>, EvalError> {
    let file = std::fs::File::open(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|e| EvalError::Invalid {
            path: path.to_path_buf(),
            reason: format!("line {}: {e}", n + 1),
        })?;
        out.push(record);
    }
    Ok(out)
}

fn doc_pairs(clusters: &[ReuseClusterRecord]) -> HashSet<(&str, &str)> {
    let mut pairs = HashSet::new();
    for c in clusters {
        let docs: BTreeSet<&str> = c.members.iter().map(|m| m.doc.as_str()).collect();
        let docs: Vec<&str> = docs.into_iter().collect();
        for (i, a) in docs.iter().enumerate() {
            for b in &docs[i + 1..] {
                pairs.insert((*a, *b));
            }
        }
    }
    pairs
}

fn prf(tp_p: f64, n_p: f64, tp_r: f64, n_r: f64) -> (f64, f64, f64) {
    let p = if n_p > 0.0 { tp_p / n_p } else { 0.0 };
    let r = if n_r > 0.0 { tp_r / n_r } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Characters of `[a0, a1)` covered by the union of `spans`.
fn overlap(a0: usize, a1: usize, spans: &[(usize, usize)]) -> usize {
    let mut pts: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(s, e)| a1.min(e) > a0.max(s))
        .map(|&(s, e)| (a0.max(s), a1.min(e)))
        .collect();
    pts.sort_unstable();
    let mut total = 0;
    let mut cur: Option<(usize, usize)> = None;
    for (s, e) in pts {
        match cur {
            Some((c0, c1)) if s <= c1 => cur = Some((c0, c1.max(e))),
            Some((c0, c1)) => {
                total += c1 - c0;
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((c0, c1)) = cur {
        total += c1 - c0;
    }
    total
}

/// For each (document, other document in the same cluster), the spans of the document.
fn linked_spans(clusters: &[ReuseClusterRecord]) -> HashMap<(&str, &str), Vec<(usize, usize)>> {
    let mut spans: HashMap<(&str, &str), Vec<(usize, usize)>> = HashMap::new();
    for c in clusters {
        let docs: HashSet<&str> = c.members.iter().map(|m| m.doc.as_str()).collect();
        for m in &c.members {
            for o in &docs {
                if *o != m.doc {
                    spans
                        .entry((m.doc.as_str(), o))
                        .or_default()
                        .push((m.start, m.end));
                }
            }
        }
    }
    spans
}

/// Character hits and totals of `clusters`' member spans against `linked` spans.
fn char_cover(
    clusters: &[ReuseClusterRecord],
    linked: &HashMap<(&str, &str), Vec<(usize, usize)>>,
) -> (usize, usize) {
    let (mut hit, mut all) = (0, 0);
    for c in clusters {
        let others: HashSet<&str> = c.members.iter().map(|m| m.doc.as_str()).collect();
        for m in &c.members {
            let spans: Vec<(usize, usize)> = others
                .iter()
                .filter(|o| **o != m.doc)
                .flat_map(|o| linked.get(&(m.doc.as_str(), *o)).into_iter().flatten())
                .copied()
                .collect();
            hit += overlap(m.start, m.end, &spans);
            all += m.end.saturating_sub(m.start);
        }
    }
    (hit, all)
}

/// Scores system clusters against gold clusters, as `score.py`.
pub fn score(gold: &[ReuseClusterRecord], system: &[ReuseClusterRecord]) -> ReuseScore {
    let (gp, sp) = (doc_pairs(gold), doc_pairs(system));
    let common = gp.intersection(&sp).count() as f64;
    let pair = prf(common, sp.len() as f64, common, gp.len() as f64);

    let sys_spans = linked_spans(system);
    let gold_spans = linked_spans(gold);
    let (r_hit, r_all) = char_cover(gold, &sys_spans);
    let (p_hit, p_all) = char_cover(system, &gold_spans);
    let char = prf(p_hit as f64, p_all as f64, r_hit as f64, r_all as f64);

    let mut sys_parent: HashMap<(usize, &str), Option<&str>> = HashMap::new();
    let mut sys_clusters_of: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (i, c) in system.iter().enumerate() {
        for m in &c.members {
            sys_clusters_of.entry(m.doc.as_str()).or_default().insert(i);
            sys_parent.insert((i, m.doc.as_str()), m.parent.as_deref());
        }
    }
    let empty = BTreeSet::new();
    let clusters_of = |doc: &str| sys_clusters_of.get(doc).unwrap_or(&empty);
    let (mut par_ok, mut par_n, mut org_ok, mut org_n) = (0u64, 0u64, 0u64, 0u64);
    for c in gold {
        let docs: HashSet<&str> = c.members.iter().map(|m| m.doc.as_str()).collect();
        for m in &c.members {
            let Some(parent) = m.parent.as_deref() else {
                continue;
            };
            let shared: Vec<usize> = clusters_of(&m.doc)
                .intersection(clusters_of(parent))
                .copied()
                .collect();
            if !shared.is_empty() {
                par_n += 1;
                par_ok += u64::from(
                    shared
                        .iter()
                        .any(|&i| sys_parent.get(&(i, m.doc.as_str())) == Some(&Some(parent))),
                );
            }
        }
        let candidates: BTreeSet<usize> =
            docs.iter().flat_map(|d| clusters_of(d)).copied().collect();
        let mut best: Option<usize> = None;
        let mut hits = 1;
        for i in candidates {
            let members: HashSet<&str> = system[i].members.iter().map(|m| m.doc.as_str()).collect();
            let h = docs.intersection(&members).count();
            if h > hits {
                best = Some(i);
                hits = h;
            }
        }
        if let Some(best) = best {
            org_n += 1;
            let origin = c
                .members
                .iter()
                .find(|m| m.parent.is_none())
                .map(|m| m.doc.as_str());
            let sys_origins: BTreeSet<&str> = system[best]
                .members
                .iter()
                .filter(|m| m.parent.is_none())
                .map(|m| m.doc.as_str())
                .collect();
            org_ok += u64::from(
                origin.is_some_and(|o| sys_origins.len() == 1 && sys_origins.contains(o)),
            );
        }
    }
    let ratio = |a: u64, b: u64| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    ReuseScore {
        pair_p: pair.0,
        pair_r: pair.1,
        pair_f1: pair.2,
        char_p: char.0,
        char_r: char.1,
        char_f1: char.2,
        parent_acc: ratio(par_ok, par_n),
        parent_n: par_n,
        origin_acc: ratio(org_ok, org_n),
        origin_n: org_n,
        gold_clusters: gold.len() as u64,
        system_clusters: system.len() as u64,
    }
}

/// Writes clusters as JSONL, one a line, in the scorer's input format.
pub fn write_clusters(path: &Path, clusters: &[ReuseClusterRecord]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for c in clusters {
        serde_json::to_writer(&mut out, c)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Documents grouped by cluster, for callers that want a quick look.
pub fn members_by_doc(clusters: &[ReuseClusterRecord]) -> BTreeMap<&str, usize> {
    let mut n = BTreeMap::new();
    for c in clusters {
        for m in &c.members {
            *n.entry(m.doc.as_str()).or_insert(0) += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(members: &[(&str, usize, usize, Option<&str>)]) -> ReuseClusterRecord {
        ReuseClusterRecord {
            cluster: serde_json::Value::Null,
            members: members
                .iter()
                .map(|&(doc, start, end, parent)| ClusterMember {
                    doc: doc.into(),
                    start,
                    end,
                    parent: parent.map(str::to_string),
                })
                .collect(),
            extra: Default::default(),
        }
    }

    /// Figures worked out by hand from the reference definitions.
    #[test]
    fn scores_a_chain_like_the_reference() {
        let gold = [cluster(&[
            ("a", 0, 100, None),
            ("b", 10, 110, Some("a")),
            ("c", 0, 50, Some("b")),
        ])];
        // The system finds a and b with half of b's span, names b's parent right, misses c and
        // adds an unrelated pair.
        let system = [
            cluster(&[("a", 0, 100, None), ("b", 10, 60, Some("a"))]),
            cluster(&[("x", 0, 10, None), ("y", 0, 10, Some("x"))]),
        ];
        let s = score(&gold, &system);
        assert_eq!((s.pair_p, s.pair_r), (0.5, 1.0 / 3.0));
        // Recall: a's 100 + b's 50 of 250 gold characters; precision: 150 of 170.
        assert!((s.char_r - 150.0 / 250.0).abs() < 1e-12);
        assert!((s.char_p - 150.0 / 170.0).abs() < 1e-12);
        assert_eq!((s.parent_acc, s.parent_n), (1.0, 1));
        assert_eq!((s.origin_acc, s.origin_n), (1.0, 1));
        assert_eq!(overlap(0, 10, &[(2, 4), (3, 6), (8, 20)]), 6);
    }
}
