//! Community detection on a weighted undirected graph: the plug point [`CommunityDetector`] and
//! a deterministic [`Louvain`] implementation (Blondel et al. 2008).
//!
//! No well-kept Louvain/Leiden crate without a heavy graph framework behind it was available,
//! and the graphs here are small (sources, not documents), so the crate carries its own,
//! tested against Zachary's karate club.

use rustc_hash::FxHashMap;

/// A weighted undirected graph on nodes `0..n`. Parallel edges add up; self-loops are kept
/// (aggregation in Louvain produces them).
#[derive(Clone, Debug, Default)]
pub struct WeightedGraph {
    n: usize,
    adj: Vec<Vec<(usize, f64)>>,
    /// Twice the total edge weight (each edge counted from both ends).
    two_m: f64,
}

impl WeightedGraph {
    pub fn new(n: usize) -> Self {
        WeightedGraph {
            n,
            adj: vec![Vec::new(); n],
            two_m: 0.0,
        }
    }

    /// Adds `w` to the edge `a`–`b`. Out-of-range nodes and non-positive or non-finite weights
    /// are ignored: they carry no evidence of togetherness.
    pub fn add_edge(&mut self, a: usize, b: usize, w: f64) {
        if a >= self.n || b >= self.n || !w.is_finite() || w <= 0.0 {
            return;
        }
        if a == b {
            self.adj[a].push((a, 2.0 * w));
        } else {
            self.adj[a].push((b, w));
            self.adj[b].push((a, w));
        }
        self.two_m += 2.0 * w;
    }

    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Neighbours with summed weights (a self-loop appears with twice its weight).
    pub fn neighbours(&self, v: usize) -> &[(usize, f64)] {
        self.adj.get(v).map_or(&[], Vec::as_slice)
    }

    fn degree(&self, v: usize) -> f64 {
        self.neighbours(v).iter().map(|&(_, w)| w).sum()
    }

    /// Twice the total edge weight.
    pub fn total_weight_twice(&self) -> f64 {
        self.two_m
    }

    fn compacted(&self) -> WeightedGraph {
        let mut g = WeightedGraph::new(self.n);
        g.two_m = self.two_m;
        for v in 0..self.n {
            let mut m: FxHashMap<usize, f64> = FxHashMap::default();
            for &(u, w) in &self.adj[v] {
                *m.entry(u).or_default() += w;
            }
            let mut list: Vec<(usize, f64)> = m.into_iter().collect();
            list.sort_by_key(|&(u, _)| u);
            g.adj[v] = list;
        }
        g
    }
}

/// Newman–Girvan modularity of a partition (`community[v]` for every node), with a resolution
/// `gamma` (1 = the classic definition).
pub fn modularity(g: &WeightedGraph, community: &[usize], gamma: f64) -> f64 {
    let two_m = g.total_weight_twice();
    if two_m <= 0.0 || community.len() != g.node_count() {
        return 0.0;
    }
    let k = community.iter().copied().max().map_or(0, |m| m + 1);
    let mut internal = vec![0.0; k];
    let mut total = vec![0.0; k];
    for v in 0..g.node_count() {
        let c = community[v];
        for &(u, w) in g.neighbours(v) {
            if community.get(u) == Some(&c) {
                internal[c] += w;
            }
            total[c] += w;
        }
    }
    internal
        .iter()
        .zip(&total)
        .map(|(&i, &t)| i / two_m - gamma * (t / two_m) * (t / two_m))
        .sum()
}

const MAX_SWEEPS: usize = 1000;

/// Finds groups of densely linked nodes.
pub trait CommunityDetector: Send + Sync {
    /// One community label per node, labels `0..k` numbered by first appearance.
    fn communities(&self, graph: &WeightedGraph) -> Vec<usize>;
}

/// The Louvain method: local moves of single nodes to the neighbouring community with the best
/// modularity gain, then aggregation of communities into nodes, until nothing moves.
///
/// Nodes are visited in index order, so the result is deterministic for a given graph.
#[derive(Clone, Copy, Debug)]
pub struct Louvain {
    /// Modularity resolution; above 1 favours smaller communities.
    pub resolution: f64,
    /// Stop a level when a sweep gains less than this.
    pub min_gain: f64,
    /// Bound on aggregation levels (each at least halves nothing forever: a guard, not a knob).
    pub max_levels: usize,
}

impl Default for Louvain {
    fn default() -> Self {
        Louvain {
            resolution: 1.0,
            min_gain: 1e-9,
            max_levels: 32,
        }
    }
}

impl CommunityDetector for Louvain {
    fn communities(&self, graph: &WeightedGraph) -> Vec<usize> {
        let n = graph.node_count();
        // `assign[v]` maps an original node to a node of the current level.
        let mut assign: Vec<usize> = (0..n).collect();
        let mut g = graph.compacted();
        for _ in 0..self.max_levels {
            let (moved, level) = self.one_level(&g);
            for a in assign.iter_mut() {
                *a = level[*a];
            }
            if !moved {
                break;
            }
            g = aggregate(&g, &level);
        }
        renumber(&assign)
    }
}

impl Louvain {
    /// One level of local moves; returns whether any node moved and the dense labels.
    fn one_level(&self, g: &WeightedGraph) -> (bool, Vec<usize>) {
        let n = g.node_count();
        let two_m = g.total_weight_twice();
        let mut comm: Vec<usize> = (0..n).collect();
        if two_m <= 0.0 {
            return (false, comm);
        }
        let degree: Vec<f64> = (0..n).map(|v| g.degree(v)).collect();
        let mut tot: Vec<f64> = degree.clone();
        let mut any_move = false;
        let mut weights_to: FxHashMap<usize, f64> = FxHashMap::default();
        // Every move strictly raises modularity, so sweeps end; the bound guards against
        // rounding making two moves undo each other forever.
        for _ in 0..MAX_SWEEPS {
            let mut gain_sum = 0.0;
            let mut moved = false;
            // Gains are compared in units of edge weight; the stop rule wants modularity.
            let scale = 1.0 / two_m;
            for v in 0..n {
                let cv = comm[v];
                weights_to.clear();
                // A self-loop stays with v wherever it goes: it does not change the gain.
                for &(u, w) in g.neighbours(v) {
                    if u != v {
                        *weights_to.entry(comm[u]).or_default() += w;
                    }
                }
                // Take v out of its community, then put it where the gain is largest.
                tot[cv] -= degree[v];
                let k_v = degree[v];
                let gain = |c: usize, w_in: f64, tot: &[f64]| {
                    w_in - self.resolution * tot[c] * k_v / two_m
                };
                let w_own = weights_to.get(&cv).copied().unwrap_or(0.0);
                let mut best = cv;
                let own_gain = gain(cv, w_own, &tot);
                let mut best_gain = own_gain;
                let mut cands: Vec<(usize, f64)> =
                    weights_to.iter().map(|(&c, &w)| (c, w)).collect();
                // Hash order must not decide ties.
                cands.sort_by_key(|&(c, _)| c);
                for (c, w) in cands {
                    let gn = gain(c, w, &tot);
                    if gn > best_gain + 1e-12 {
                        best = c;
                        best_gain = gn;
                    }
                }
                tot[best] += degree[v];
                if best != cv {
                    comm[v] = best;
                    moved = true;
                    gain_sum += (best_gain - own_gain) * scale;
                }
            }
            if moved {
                any_move = true;
            }
            if !moved || gain_sum.abs() < self.min_gain {
                break;
            }
        }
        (any_move, renumber(&comm))
    }
}

fn aggregate(g: &WeightedGraph, level: &[usize]) -> WeightedGraph {
    let k = level.iter().copied().max().map_or(0, |m| m + 1);
    let mut out = WeightedGraph::new(k);
    out.two_m = g.total_weight_twice();
    let mut acc: Vec<FxHashMap<usize, f64>> = vec![FxHashMap::default(); k];
    for v in 0..g.node_count() {
        for &(u, w) in g.neighbours(v) {
            *acc[level[v]].entry(level[u]).or_default() += w;
        }
    }
    for (c, m) in acc.into_iter().enumerate() {
        let mut list: Vec<(usize, f64)> = m.into_iter().collect();
        list.sort_by_key(|&(u, _)| u);
        out.adj[c] = list;
    }
    out
}

fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map: FxHashMap<usize, usize> = FxHashMap::default();
    labels
        .iter()
        .map(|&l| {
            let next = map.len();
            *map.entry(l).or_insert(next)
        })
        .collect()
}

/// Connected components as communities: the baseline CooRnet reports next to Louvain.
#[derive(Clone, Copy, Debug, Default)]
pub struct Components;

impl CommunityDetector for Components {
    fn communities(&self, graph: &WeightedGraph) -> Vec<usize> {
        let n = graph.node_count();
        let mut label = vec![usize::MAX; n];
        let mut next = 0;
        for s in 0..n {
            if label[s] != usize::MAX {
                continue;
            }
            let mut stack = vec![s];
            label[s] = next;
            while let Some(v) = stack.pop() {
                for &(u, _) in graph.neighbours(v) {
                    if label[u] == usize::MAX {
                        label[u] = next;
                        stack.push(u);
                    }
                }
            }
            next += 1;
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Zachary's karate club (networkx `karate_club_graph`, 0-based, unweighted): 34 members,
    /// 78 ties.
    const KARATE: &[(usize, usize)] = &[
        (0, 1),
        (0, 2),
        (0, 3),
        (0, 4),
        (0, 5),
        (0, 6),
        (0, 7),
        (0, 8),
        (0, 10),
        (0, 11),
        (0, 12),
        (0, 13),
        (0, 17),
        (0, 19),
        (0, 21),
        (0, 31),
        (1, 2),
        (1, 3),
        (1, 7),
        (1, 13),
        (1, 17),
        (1, 19),
        (1, 21),
        (1, 30),
        (2, 3),
        (2, 7),
        (2, 8),
        (2, 9),
        (2, 13),
        (2, 27),
        (2, 28),
        (2, 32),
        (3, 7),
        (3, 12),
        (3, 13),
        (4, 6),
        (4, 10),
        (5, 6),
        (5, 10),
        (5, 16),
        (6, 16),
        (8, 30),
        (8, 32),
        (8, 33),
        (9, 33),
        (13, 33),
        (14, 32),
        (14, 33),
        (15, 32),
        (15, 33),
        (18, 32),
        (18, 33),
        (19, 33),
        (20, 32),
        (20, 33),
        (22, 32),
        (22, 33),
        (23, 25),
        (23, 27),
        (23, 29),
        (23, 32),
        (23, 33),
        (24, 25),
        (24, 27),
        (24, 31),
        (25, 31),
        (26, 29),
        (26, 33),
        (27, 33),
        (28, 31),
        (28, 33),
        (29, 32),
        (29, 33),
        (30, 32),
        (30, 33),
        (31, 32),
        (31, 33),
        (32, 33),
    ];
    /// The members who followed Mr. Hi after the split.
    const MR_HI: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];

    fn karate() -> WeightedGraph {
        let mut g = WeightedGraph::new(34);
        for &(a, b) in KARATE {
            g.add_edge(a, b, 1.0);
        }
        g
    }

    #[test]
    fn modularity_of_the_real_split_matches_the_published_value() {
        let g = karate();
        let split: Vec<usize> = (0..34).map(|v| usize::from(!MR_HI.contains(&v))).collect();
        // networkx: modularity(G, [club1, club2]) = 0.3582.
        assert!((modularity(&g, &split, 1.0) - 0.3582).abs() < 5e-4);
        // All in one community: Q = 0.
        assert!(modularity(&g, &[0; 34], 1.0).abs() < 1e-12);
    }

    #[test]
    fn louvain_reaches_the_known_optimum_region_on_karate() {
        let g = karate();
        let c = Louvain::default().communities(&g);
        let q = modularity(&g, &c, 1.0);
        // The optimum is 0.4198 (Brandes et al. 2008); Louvain reaches 0.4156–0.4198.
        assert!(q > 0.41 && q < 0.4199, "Q = {q}");
        let k = c.iter().max().map_or(0, |m| m + 1);
        assert!((3..=5).contains(&k), "{k} communities");
        // The two leaders end up apart, and each community is (nearly) one faction: members
        // whose community's majority faction is their own.
        assert_ne!(c[0], c[33]);
        let hi = |v: usize| MR_HI.contains(&v);
        let agree = (0..34)
            .filter(|&v| {
                let same: Vec<usize> = (0..34).filter(|&u| c[u] == c[v]).collect();
                let with_hi = same.iter().filter(|&&u| hi(u)).count();
                (2 * with_hi > same.len()) == hi(v)
            })
            .count();
        assert!(agree >= 32, "{agree}");
    }

    #[test]
    fn two_cliques_joined_by_a_bridge_split_in_two() {
        let mut g = WeightedGraph::new(8);
        for grp in [[0, 1, 2, 3], [4, 5, 6, 7]] {
            for i in 0..4 {
                for j in i + 1..4 {
                    g.add_edge(grp[i], grp[j], 5.0);
                }
            }
        }
        g.add_edge(3, 4, 1.0);
        let c = Louvain::default().communities(&g);
        assert!(c[..4].iter().all(|&x| x == c[0]));
        assert!(c[4..].iter().all(|&x| x == c[4]));
        assert_ne!(c[0], c[4]);
        assert_eq!(Components.communities(&g), vec![0; 8]);
    }

    #[test]
    fn degenerate_graphs_do_not_panic() {
        assert!(Louvain::default()
            .communities(&WeightedGraph::new(0))
            .is_empty());
        let mut g = WeightedGraph::new(3);
        g.add_edge(0, 9, 1.0);
        g.add_edge(0, 1, f64::NAN);
        g.add_edge(1, 1, 2.0);
        assert_eq!(Louvain::default().communities(&g).len(), 3);
        assert_eq!(modularity(&g, &[0, 1], 1.0), 0.0);
    }
}
