//! Coordinated groups scored exactly as `shared/eval/coordination/score.py` does.
//!
//! Gold (`groups.json` of the generator): `{"groups": {"g1": [source, …]}, "centers": {"g1":
//! source}, …}`. System: `{"groups": [{"members": [source, …], "center": source or null,
//! "kind": "coordinated" | "syndication"}, …]}`; groups of kind `syndication` are not counted
//! as coordination, and a missing kind means `coordinated`.

use crate::EvalError;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

/// The figures of `score.py`, under its keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct CoordinationScore {
    pub relay_p: f64,
    pub relay_r: f64,
    pub relay_f1: f64,
    pub pair_p: f64,
    pub pair_r: f64,
    pub pair_f1: f64,
    pub center_acc: f64,
    pub gold_groups: u64,
    pub system_groups: u64,
}

/// Reads a JSON file, naming it in errors.
pub fn load_json(path: &Path) -> Result<Value, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

fn prf(tp: usize, n_sys: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = if n_sys > 0 {
        tp as f64 / n_sys as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        tp as f64 / n_gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(groups: &[BTreeSet<String>]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for g in groups {
        let members: Vec<&String> = g.iter().collect();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                out.insert(((*a).clone(), (*b).clone()));
            }
        }
    }
    out
}

/// Scores a system network (any JSON with a `groups` list) against the gold.
pub fn score(truth: &Value, system: &Value) -> Result<CoordinationScore, String> {
    let gold: BTreeMap<String, BTreeSet<String>> = truth["groups"]
        .as_object()
        .ok_or("the gold has no `groups` object")?
        .iter()
        .map(|(g, m)| (g.clone(), strings(m).into_iter().collect()))
        .collect();
    let sys: Vec<&Value> = system["groups"]
        .as_array()
        .ok_or("the system output has no `groups` list")?
        .iter()
        .filter(|g| {
            g.get("kind")
                .and_then(Value::as_str)
                .unwrap_or("coordinated")
                == "coordinated"
        })
        .collect();
    let sys_groups: Vec<BTreeSet<String>> = sys
        .iter()
        .map(|g| strings(&g["members"]).into_iter().collect())
        .collect();
    let relays: HashSet<&String> = gold.values().flatten().collect();
    let flagged: HashSet<&String> = sys_groups.iter().flatten().collect();
    let relay = prf(
        relays.intersection(&flagged).count(),
        flagged.len(),
        relays.len(),
    );
    let gold_sets: Vec<BTreeSet<String>> = gold.values().cloned().collect();
    let (gp, sp) = (pairs(&gold_sets), pairs(&sys_groups));
    let pair = prf(gp.intersection(&sp).count(), sp.len(), gp.len());
    let mut ok = 0usize;
    for (g, members) in &gold {
        // Python's max() keeps the first of equal keys.
        let mut best: Option<(usize, usize)> = None;
        for (i, s) in sys_groups.iter().enumerate() {
            let shared = s.intersection(members).count();
            if best.is_none_or(|(_, b)| shared > b) {
                best = Some((i, shared));
            }
        }
        if let Some((i, shared)) = best {
            if shared > 0 {
                let center = sys[i].get("center").and_then(Value::as_str);
                ok += usize::from(center.is_some() && center == truth["centers"][g].as_str());
            }
        }
    }
    Ok(CoordinationScore {
        relay_p: relay.0,
        relay_r: relay.1,
        relay_f1: relay.2,
        pair_p: pair.0,
        pair_r: pair.1,
        pair_f1: pair.2,
        center_acc: if gold.is_empty() {
            0.0
        } else {
            ok as f64 / gold.len() as f64
        },
        gold_groups: gold.len() as u64,
        system_groups: sys_groups.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Figures worked out by hand from the reference definitions.
    #[test]
    fn scores_groups_like_the_reference() {
        let truth = json!({
            "groups": {"g1": ["a", "b", "c"], "g2": ["d", "e"]},
            "centers": {"g1": "hub", "g2": "hub2"}
        });
        let system = json!({"groups": [
            {"members": ["a", "b"], "center": "hub", "kind": "coordinated"},
            {"members": ["d", "x"], "center": "other"},
            {"members": ["w1", "w2"], "center": "wire", "kind": "syndication"}
        ]});
        let s = score(&truth, &system).unwrap();
        assert_eq!((s.relay_p, s.relay_r), (0.75, 0.6));
        assert_eq!((s.pair_p, s.pair_r), (0.5, 0.25));
        assert_eq!(s.center_acc, 0.5);
        assert_eq!((s.gold_groups, s.system_groups), (2, 2));
        assert!(score(&json!({}), &system).is_err());
    }
}
