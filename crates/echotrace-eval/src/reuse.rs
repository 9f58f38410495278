//! Reuse clusters scored exactly as `shared/eval/reuse/score.py` does.
//!
//! Both gold and system files hold one cluster a line:
//! `{"cluster": ANY, "members": [{"doc": ID, "start": S, "end": E, "parent": ID or null}, …]}`
//! with Unicode code-point offsets, end exclusive. See the reference script for the meaning of
//! each figure; this module follows it statement by statement. Where the reference's result
//! depends on the iteration order of a Python set of integers (which of two system clusters
//! sharing equally many documents with a gold cluster decides its origin), [`python_int_set_order`]
//! reproduces CPython's order.

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
        // Docs in the order Python iterates them does not matter here: each document's
        // cluster list is ascending, and ints land in the table by value.
        let mut ordered_docs: Vec<&str> = docs.iter().copied().collect();
        ordered_docs.sort_unstable();
        let candidates =
            python_int_set_order(ordered_docs.iter().flat_map(|d| clusters_of(d)).copied());
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

/// The order in which CPython 3 iterates a set built by adding these non-negative integers in
/// turn (`setobject.c`: hash of a small int is the int, linear probing of 9 slots then
/// perturbed probing, the table grown ×4 once 3/5 full). The reference scorer breaks ties by
/// this order; agreeing with it to the last digit needs it.
pub fn python_int_set_order(items: impl IntoIterator<Item = usize>) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    fn insert_clean(table: &mut [Option<usize>], key: usize) {
        let mask = table.len() - 1;
        let mut perturb = key;
        let mut i = key & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                if table[i + j].is_none() {
                    table[i + j] = Some(key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for key in items {
        let mask = table.len() - 1;
        let mut perturb = key;
        let mut i = key & mask;
        let mut slot = None;
        'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                match table[i + j] {
                    None => {
                        slot = Some(i + j);
                        break 'probe;
                    }
                    Some(k) if k == key => break 'probe,
                    Some(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
        let Some(slot) = slot else { continue };
        table[slot] = Some(key);
        used += 1;
        // No deletions happen, so fill == used.
        if used * 5 >= mask * 3 {
            let min_used = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min_used {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for key in old.into_iter().flatten() {
                insert_clean(&mut table, key);
            }
        }
    }
    table.into_iter().flatten().collect()
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

    /// Orders printed by CPython 3.11 for `list({...})` of sets built in this insertion order.
    #[test]
    fn python_set_order_matches_cpython() {
        assert_eq!(python_int_set_order([9, 1, 17]), vec![9, 1, 17]);
        assert_eq!(python_int_set_order([300, 5, 12, 7]), vec![12, 300, 5, 7]);
        assert_eq!(
            python_int_set_order([40, 3, 100, 8, 64, 2, 33]),
            vec![64, 33, 2, 3, 100, 40, 8]
        );
    }
    /// Larger sets, with growth and collisions, against CPython 3.11's printed order.
    #[test]
    fn python_set_order_matches_cpython_on_larger_sets() {
        assert_eq!(
            python_int_set_order([
                487, 1213, 1114, 267, 757, 1875, 1236, 970, 1281, 1189, 134, 1240, 26, 1861, 1715,
                960, 531, 1128, 479, 392
            ]),
            vec![
                1281, 134, 392, 267, 531, 26, 1189, 1715, 1213, 960, 1861, 970, 1875, 1236, 1240,
                1114, 479, 487, 1128, 757
            ]
        );
        assert_eq!(
            python_int_set_order([
                1468, 963, 1107, 1713, 1125, 975, 813, 1308, 1763, 308, 474, 1300, 310, 1777, 1896,
                1071, 798, 1518, 31, 1375, 1591, 131, 326, 1552, 1960, 1210, 87, 616, 1597, 63,
                1686, 1772, 551, 968, 1218, 1472, 1884, 1799, 793, 1462, 1614, 1886, 874, 808,
                1491, 1640, 1181, 910, 1974, 1916, 274, 1799, 748, 199, 73, 278, 1013, 444, 528,
                1977
            ]),
            vec![
                131, 1799, 910, 1552, 528, 274, 1300, 1686, 278, 793, 1308, 1181, 798, 31, 551,
                1960, 808, 813, 1071, 1713, 308, 310, 1591, 1462, 1974, 1210, 1977, 1468, 1597,
                444, 63, 1472, 1218, 963, 326, 199, 968, 73, 1614, 975, 1107, 1491, 87, 474, 1884,
                1886, 1375, 1763, 1125, 1896, 616, 874, 1640, 1772, 748, 1518, 1777, 1013, 1916
            ]
        );
        assert_eq!(
            python_int_set_order([
                1376, 893, 1595, 1283, 1751, 616, 862, 1038, 1706, 790, 1175, 718, 1093, 1198, 834,
                1196, 475, 1851, 689, 1396, 1875, 1902, 58, 1753, 572, 1240, 1374, 1424, 334, 1430,
                1762, 668, 1975, 1109, 1852, 1171, 1165, 213, 1461, 1342, 432, 1296, 1703, 1174,
                546, 583, 254, 129, 987, 1748, 1308, 990, 181, 704, 1639, 136, 840, 1837, 308, 41,
                601, 874, 1574, 850, 1787, 243, 90, 1239, 1258, 1559, 92, 773, 1471, 1200, 677,
                1128, 1804, 1888, 571, 1035, 483, 73, 634, 14, 157, 221, 1228, 1096, 64, 1943, 404,
                1989, 835, 597, 1250, 539, 319, 1412, 86, 1777, 695, 642, 737, 1963, 283, 1836,
                1764, 773, 771, 942, 1781, 1065, 790, 1318, 1775, 1219, 1394, 1145, 210, 1270,
                1992, 1926, 1661, 1038, 555, 883, 1299, 1475, 1465, 486, 1917, 616, 895, 528, 1067,
                620, 1123, 694, 23, 1614, 850, 1187, 644, 41, 771, 1261, 1206, 1294, 272, 123,
                1297, 1284, 680, 954, 722, 1391, 1878, 722, 1246, 1447, 571, 1511, 1002, 45, 1207,
                124, 1955, 1384, 43, 1972, 756, 514, 1286, 934, 611, 1213, 1231, 655, 363, 745,
                379, 640, 1552, 756, 1728, 1219, 540, 615, 1612, 772, 214, 1581, 1665, 55, 1989,
                1165, 1400, 1505, 269, 634
            ]),
            vec![
                514, 1035, 1038, 14, 528, 1552, 1559, 23, 539, 540, 546, 1574, 41, 1065, 555, 1067,
                45, 43, 1581, 55, 58, 1595, 572, 571, 64, 1093, 583, 1096, 73, 1612, 1614, 1109,
                597, 86, 601, 90, 92, 1123, 611, 1639, 616, 1128, 615, 620, 1145, 634, 123, 124,
                1661, 640, 129, 642, 1665, 644, 136, 1165, 655, 1171, 1174, 1175, 668, 157, 1187,
                677, 1703, 680, 1706, 1196, 1198, 1200, 689, 181, 694, 695, 1206, 1207, 1213, 704,
                1728, 1219, 1228, 718, 1231, 210, 722, 1748, 213, 214, 1751, 1240, 1753, 1239, 221,
                1246, 737, 1762, 1250, 1764, 745, 1258, 1261, 1775, 1777, 243, 756, 1781, 1270,
                1787, 254, 1283, 771, 773, 1284, 1286, 772, 1804, 269, 1294, 1296, 272, 1297, 1299,
                790, 283, 1308, 1318, 1836, 1837, 308, 1851, 1852, 1342, 319, 834, 835, 840, 334,
                850, 1875, 1878, 862, 1374, 1376, 1888, 1384, 874, 363, 1902, 1391, 1394, 883,
                1396, 1400, 379, 893, 1917, 895, 1412, 1926, 1424, 404, 1430, 1943, 1955, 934,
                1447, 1963, 942, 432, 1972, 1461, 1975, 1465, 954, 1471, 1475, 1989, 1992, 475,
                987, 990, 1505, 483, 486, 1511, 1002
            ]
        );
    }
}
