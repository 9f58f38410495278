//! [`CoordinationDetector`]: copy events in, [`CoordinationNetwork`] out. See the crate docs
//! for the method and why each step is there.

use crate::community::{CommunityDetector, Louvain, WeightedGraph};
use crate::credit::{credit_key, names_source};
use crate::interval::{estimate_interval, quantile};
use crate::model::{
    CoordinationNetwork, CopyEvent, CreditEvidence, Edge, EdgeEvidence, Group, GroupKind, Interval,
    IntervalSource,
};
use chrono::DateTime;
use echotrace_core::SourceId;
use rustc_hash::{FxHashMap, FxHashSet};

/// Every knob of the detector, with the defaults of [`CoordinationConfig::default`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoordinationConfig {
    /// A fixed coordination interval in seconds instead of the estimate.
    pub interval_s: Option<f64>,
    /// Used when the data cannot support an estimate (no cluster with two dated copies).
    pub fallback_interval_s: f64,
    /// Share of clusters, quickest second copy first, the estimate rests on (CooRnet: 0.1).
    pub quickest: f64,
    /// Share of a cluster's copies whose arrival time is measured (CooRnet: 0.5).
    pub reach: f64,
    /// Percentile of the co-publication weights an edge must reach to be strong (CooRnet: 0.9).
    pub percentile: f64,
    /// Fewest co-published clusters of one center for an edge to count at all.
    pub min_weight: u32,
    /// Share of an edge's co-published clusters that must come from its one center.
    pub min_center_share: f64,
    /// Share of a group's clusters that must credit one common name for syndication.
    pub min_credit_share: f64,
    /// Fewest relays (the center not counted) for a group.
    pub min_members: usize,
    /// Copies dated less precisely than this (seconds of uncertainty) are not paired: a
    /// day-precision date cannot show two copies came minutes apart.
    pub max_time_uncertainty_s: i64,
}

impl Default for CoordinationConfig {
    fn default() -> Self {
        CoordinationConfig {
            interval_s: None,
            fallback_interval_s: 60.0,
            quickest: 0.1,
            reach: 0.5,
            percentile: 0.9,
            min_weight: 2,
            min_center_share: 0.5,
            min_credit_share: 0.5,
            min_members: 2,
            max_time_uncertainty_s: 60,
        }
    }
}

/// Builds a [`CoordinationDetector`].
pub struct CoordinationDetectorBuilder {
    config: CoordinationConfig,
    community: Box<dyn CommunityDetector>,
}

impl CoordinationDetectorBuilder {
    /// Fixes the coordination interval (seconds) instead of estimating it.
    pub fn interval_s(mut self, seconds: f64) -> Self {
        self.config.interval_s = Some(seconds);
        self
    }

    pub fn percentile(mut self, p: f64) -> Self {
        self.config.percentile = p;
        self
    }

    pub fn min_weight(mut self, w: u32) -> Self {
        self.config.min_weight = w;
        self
    }

    pub fn min_center_share(mut self, s: f64) -> Self {
        self.config.min_center_share = s;
        self
    }

    pub fn min_credit_share(mut self, s: f64) -> Self {
        self.config.min_credit_share = s;
        self
    }

    pub fn min_members(mut self, n: usize) -> Self {
        self.config.min_members = n;
        self
    }

    pub fn config(mut self, config: CoordinationConfig) -> Self {
        self.config = config;
        self
    }

    /// The community detector at the plug point (default [`Louvain`]).
    pub fn community(mut self, c: impl CommunityDetector + 'static) -> Self {
        self.community = Box::new(c);
        self
    }

    pub fn build(self) -> CoordinationDetector {
        CoordinationDetector {
            config: self.config,
            community: self.community,
        }
    }
}

/// Finds sources that publish the same reuse clusters within a short interval, again and
/// again, relaying the same center; tells syndication from covert coordination.
pub struct CoordinationDetector {
    config: CoordinationConfig,
    community: Box<dyn CommunityDetector>,
}

impl Default for CoordinationDetector {
    fn default() -> Self {
        CoordinationDetector::builder().build()
    }
}

/// A cluster's copies, one per source (its earliest), as the detector sees them.
struct ClusterRec<'a> {
    key: &'a str,
    /// `(source, event)` for every event of the cluster.
    events: Vec<(u32, u32)>,
    /// Dated, precise enough: `(time, source)`, one per source, sorted by time.
    dated: Vec<(i64, u32)>,
    /// Sources of the earliest witness(es).
    origins: Vec<u32>,
}

/// One cluster co-published by an edge's two sources.
#[derive(Clone, Copy)]
struct Ev {
    cluster: u32,
    ta: i64,
    tb: i64,
}

struct RawEdge {
    a: u32,
    b: u32,
    evs: Vec<Ev>,
    center: Option<u32>,
    center_weight: u32,
}

impl CoordinationDetector {
    pub fn builder() -> CoordinationDetectorBuilder {
        CoordinationDetectorBuilder {
            config: CoordinationConfig::default(),
            community: Box::new(Louvain::default()),
        }
    }

    pub fn config(&self) -> &CoordinationConfig {
        &self.config
    }

    /// Runs the whole stage. Events may come in any order; events of one source in one cluster
    /// count once (its earliest copy), so reposting does not inflate weights.
    pub fn detect(&self, events: &[CopyEvent]) -> CoordinationNetwork {
        let cfg = &self.config;
        // Sources are numbered in name order so that results do not depend on input order.
        let mut names: Vec<&str> = events.iter().map(|e| e.source.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let sid: FxHashMap<&str, u32> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i as u32))
            .collect();
        let source_of = |e: &CopyEvent| sid.get(e.source.as_str()).copied().unwrap_or(0);

        let clusters = self.collect_clusters(events, &source_of);

        let interval = self.interval(&clusters);
        let window = interval.seconds.max(0.0).floor() as i64;

        // Co-publication pairs within the interval, per source pair.
        let mut pairs: FxHashMap<(u32, u32), Vec<Ev>> = FxHashMap::default();
        for (ci, c) in clusters.iter().enumerate() {
            for (i, &(ti, si)) in c.dated.iter().enumerate() {
                for &(tj, sj) in &c.dated[i + 1..] {
                    if tj - ti > window {
                        break;
                    }
                    let (a, b, ta, tb) = if si < sj {
                        (si, sj, ti, tj)
                    } else {
                        (sj, si, tj, ti)
                    };
                    pairs.entry((a, b)).or_default().push(Ev {
                        cluster: ci as u32,
                        ta,
                        tb,
                    });
                }
            }
        }
        let candidate_edges = pairs.len();
        let mut raw: Vec<RawEdge> = pairs
            .into_iter()
            .map(|((a, b), evs)| {
                let (center, center_weight) = dominant_origin(a, b, &evs, &clusters);
                RawEdge {
                    a,
                    b,
                    evs,
                    center,
                    center_weight,
                }
            })
            .collect();
        raw.sort_by(|x, y| {
            y.evs
                .len()
                .cmp(&x.evs.len())
                .then(x.a.cmp(&y.a))
                .then(x.b.cmp(&y.b))
        });

        // The percentile is taken over one-center weights, not raw weights: a pair of fast
        // aggregators co-publishes more than anyone, and on raw weights it would set the bar
        // that real relay groups must clear.
        let mut weights: Vec<f64> = raw.iter().map(|e| f64::from(e.center_weight)).collect();
        weights.sort_by(f64::total_cmp);
        let weight_cut = quantile(&weights, cfg.percentile).unwrap_or(0.0);
        let strong_at = weight_cut.max(f64::from(cfg.min_weight));

        // Relay edges: repeated co-publication of one and the same center. A fast aggregator
        // co-publishes with other fast sources often, but each time someone else's story.
        let relay: Vec<&RawEdge> = raw
            .iter()
            .filter(|e| {
                e.center_weight >= cfg.min_weight.max(1)
                    && f64::from(e.center_weight) >= cfg.min_center_share * e.evs.len() as f64
            })
            .collect();

        let groups = self.groups(&relay, &clusters, events, &names, strong_at);

        let name = |s: u32| SourceId::new(names.get(s as usize).copied().unwrap_or_default());
        let edges = relay
            .iter()
            .filter_map(|e| {
                let (a, b) = (name(e.a)?, name(e.b)?);
                Some(Edge {
                    a,
                    b,
                    weight: e.evs.len() as u32,
                    mean_delay_s: mean_delay(&e.evs),
                    symmetry: symmetry(&e.evs),
                    center: e.center.and_then(name),
                    center_weight: e.center_weight,
                    strong: f64::from(e.center_weight) >= strong_at,
                    evidence: e
                        .evs
                        .iter()
                        .map(|ev| {
                            let c = &clusters[ev.cluster as usize];
                            EdgeEvidence {
                                cluster: c.key.to_string(),
                                a_time: rfc3339(ev.ta),
                                b_time: rfc3339(ev.tb),
                                delay_s: (ev.tb - ev.ta).abs() as f64,
                                earliest: c.origins.iter().filter_map(|&o| name(o)).collect(),
                            }
                        })
                        .collect(),
                })
            })
            .collect();

        CoordinationNetwork {
            interval,
            weight_cut,
            candidate_edges,
            edges,
            groups,
        }
    }

    fn collect_clusters<'a>(
        &self,
        events: &'a [CopyEvent],
        source_of: &dyn Fn(&CopyEvent) -> u32,
    ) -> Vec<ClusterRec<'a>> {
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut clusters: Vec<ClusterRec> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let next = clusters.len() as u32;
            let ci = *index.entry(e.cluster.as_str()).or_insert(next);
            if ci == next {
                clusters.push(ClusterRec {
                    key: e.cluster.as_str(),
                    events: Vec::new(),
                    dated: Vec::new(),
                    origins: Vec::new(),
                });
            }
            clusters[ci as usize].events.push((source_of(e), i as u32));
        }
        let max_unc = self.config.max_time_uncertainty_s;
        for c in &mut clusters {
            // Each source's earliest dated copy.
            let mut first: FxHashMap<u32, (i64, bool)> = FxHashMap::default();
            let mut flagged: Vec<u32> = Vec::new();
            for &(s, ei) in &c.events {
                let Some(e) = events.get(ei as usize) else {
                    continue;
                };
                if e.earliest {
                    flagged.push(s);
                }
                let Some(p) = e.published else { continue };
                let t = p.earliest().timestamp();
                let precise = (p.latest() - p.earliest()).num_seconds() <= max_unc;
                let slot = first.entry(s).or_insert((t, precise));
                if t < slot.0 {
                    *slot = (t, precise);
                }
            }
            let mut dated: Vec<(i64, u32)> = first
                .iter()
                .filter(|(_, &(_, precise))| precise)
                .map(|(&s, &(t, _))| (t, s))
                .collect();
            dated.sort_unstable();
            flagged.sort_unstable();
            flagged.dedup();
            if flagged.is_empty() {
                // No witness named by the caller: the earliest dated copies.
                if let Some(min) = first.values().map(|v| v.0).min() {
                    flagged = first
                        .iter()
                        .filter(|(_, v)| v.0 == min)
                        .map(|(&s, _)| s)
                        .collect();
                    flagged.sort_unstable();
                }
            }
            c.dated = dated;
            c.origins = flagged;
        }
        clusters
    }

    fn interval(&self, clusters: &[ClusterRec]) -> Interval {
        let cfg = &self.config;
        if let Some(s) = cfg.interval_s.filter(|s| s.is_finite() && *s >= 0.0) {
            return Interval {
                seconds: s,
                source: IntervalSource::Override,
                clusters_used: 0,
            };
        }
        let times: Vec<Vec<i64>> = clusters
            .iter()
            .map(|c| c.dated.iter().map(|d| d.0).collect())
            .collect();
        match estimate_interval(times.iter().map(Vec::as_slice), cfg.quickest, cfg.reach) {
            // Times are whole seconds: an interval under one would pair only identical stamps.
            Some((s, used)) => Interval {
                seconds: s.max(1.0),
                source: IntervalSource::Estimated,
                clusters_used: used,
            },
            None => Interval {
                seconds: cfg.fallback_interval_s.max(0.0),
                source: IntervalSource::Fallback,
                clusters_used: 0,
            },
        }
    }

    fn groups(
        &self,
        relay: &[&RawEdge],
        clusters: &[ClusterRec],
        events: &[CopyEvent],
        names: &[&str],
        strong_at: f64,
    ) -> Vec<Group> {
        let cfg = &self.config;
        let mut local: FxHashMap<u32, usize> = FxHashMap::default();
        let mut nodes: Vec<u32> = Vec::new();
        for e in relay {
            for s in [e.a, e.b] {
                local.entry(s).or_insert_with(|| {
                    nodes.push(s);
                    nodes.len() - 1
                });
            }
        }
        let mut g = WeightedGraph::new(nodes.len());
        for e in relay {
            if let (Some(&a), Some(&b)) = (local.get(&e.a), local.get(&e.b)) {
                g.add_edge(a, b, f64::from(e.center_weight));
            }
        }
        let labels = self.community.communities(&g);
        let k = labels.iter().copied().max().map_or(0, |m| m + 1);
        let mut members_of: Vec<Vec<u32>> = vec![Vec::new(); k];
        for (i, &l) in labels.iter().enumerate() {
            if let (Some(m), Some(&s)) = (members_of.get_mut(l), nodes.get(i)) {
                m.push(s);
            }
        }
        let name = |s: u32| SourceId::new(names.get(s as usize).copied().unwrap_or_default());

        let mut out = Vec::new();
        for community in members_of {
            if community.len() < 2 {
                continue;
            }
            let inside: FxHashSet<u32> = community.iter().copied().collect();
            let internal: Vec<&&RawEdge> = relay
                .iter()
                .filter(|e| inside.contains(&e.a) && inside.contains(&e.b))
                .collect();
            let strong_edges = internal
                .iter()
                .filter(|e| f64::from(e.center_weight) >= strong_at)
                .count();
            // CooRnet's percentile cut decides which groups are strong enough to report; the
            // weaker edges of a reported group keep its less active relays in it.
            if strong_edges == 0 {
                continue;
            }
            let mut relayed: Vec<u32> = internal
                .iter()
                .flat_map(|e| e.evs.iter().map(|ev| ev.cluster))
                .collect();
            relayed.sort_unstable();
            relayed.dedup();

            // The center: the source holding the earliest witness most often; ties split.
            let mut votes: FxHashMap<u32, f64> = FxHashMap::default();
            for &ci in &relayed {
                let o = &clusters[ci as usize].origins;
                for &s in o {
                    *votes.entry(s).or_default() += 1.0 / o.len() as f64;
                }
            }
            let center = votes
                .iter()
                .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(x.0)))
                .map(|(&s, &v)| (s, v));
            let center_support = match (center, relayed.len()) {
                (Some((_, v)), n) if n > 0 => v / n as f64,
                _ => 0.0,
            };
            let center_src = center.map(|c| c.0);
            let mut members: Vec<u32> = community
                .iter()
                .copied()
                .filter(|&s| Some(s) != center_src)
                .collect();
            members.sort_unstable();
            if members.len() < cfg.min_members.max(1) {
                continue;
            }
            let member_set: FxHashSet<u32> = members.iter().copied().collect();
            let center_name = center_src.and_then(name);
            let credits = credit_evidence(
                &relayed,
                clusters,
                events,
                &member_set,
                center_name.as_ref(),
            );
            let kind = if credits
                .first()
                .is_some_and(|c| c.share >= cfg.min_credit_share)
            {
                GroupKind::Syndication
            } else {
                GroupKind::Coordinated
            };
            out.push(Group {
                members: members.iter().filter_map(|&s| name(s)).collect(),
                kind,
                center: center_name,
                center_support,
                center_in_community: center_src.is_some_and(|c| inside.contains(&c)),
                clusters: relayed
                    .iter()
                    .map(|&ci| clusters[ci as usize].key.to_string())
                    .collect(),
                credits,
                edges: internal.len(),
                strong_edges,
            });
        }
        out.sort_by(|x, y| {
            y.members
                .len()
                .cmp(&x.members.len())
                .then_with(|| x.members.cmp(&y.members))
        });
        out
    }
}

/// How many of a group's clusters each credited name appears in (members' copies only, a
/// source crediting itself being a byline, not a credit).
fn credit_evidence(
    relayed: &[u32],
    clusters: &[ClusterRec],
    events: &[CopyEvent],
    members: &FxHashSet<u32>,
    center: Option<&SourceId>,
) -> Vec<CreditEvidence> {
    const SAMPLES: usize = 5;
    struct Acc {
        name: String,
        clusters: usize,
        last: u32,
        copies: Vec<(echotrace_core::DocId, String)>,
    }
    let mut acc: FxHashMap<String, Acc> = FxHashMap::default();
    for &ci in relayed {
        let Some(c) = clusters.get(ci as usize) else {
            continue;
        };
        for &(s, ei) in &c.events {
            if !members.contains(&s) {
                continue;
            }
            let Some(e) = events.get(ei as usize) else {
                continue;
            };
            for credit in &e.credits {
                if names_source(credit, e.source.as_str()) {
                    continue;
                }
                let key = credit_key(credit);
                if key.is_empty() {
                    continue;
                }
                let a = acc.entry(key).or_insert_with(|| Acc {
                    name: credit.clone(),
                    clusters: 0,
                    last: u32::MAX,
                    copies: Vec::new(),
                });
                if a.last != ci {
                    a.last = ci;
                    a.clusters += 1;
                }
                if a.copies.len() < SAMPLES {
                    a.copies.push((e.doc.clone(), credit.clone()));
                }
            }
        }
    }
    let n = relayed.len().max(1) as f64;
    let mut out: Vec<CreditEvidence> = acc
        .into_values()
        .map(|a| CreditEvidence {
            names_center: center.is_some_and(|c| names_source(&a.name, c.as_str())),
            share: a.clusters as f64 / n,
            clusters: a.clusters,
            name: a.name,
            copies: a.copies,
        })
        .collect();
    out.sort_by(|x, y| {
        y.clusters
            .cmp(&x.clusters)
            .then_with(|| x.name.cmp(&y.name))
    });
    out
}

/// The origin source most of an edge's co-published clusters share, and how many share it.
///
/// Clusters that one of the two endpoints originated do not count: a source copying another
/// one fast is a relay and its center, not two relays of a third source. Without this, a fast
/// aggregator and each prolific outlet it copies would look like a relay pair.
fn dominant_origin(a: u32, b: u32, evs: &[Ev], clusters: &[ClusterRec]) -> (Option<u32>, u32) {
    let mut count: FxHashMap<u32, u32> = FxHashMap::default();
    for ev in evs {
        if let Some(c) = clusters.get(ev.cluster as usize) {
            for &o in &c.origins {
                if o != a && o != b {
                    *count.entry(o).or_default() += 1;
                }
            }
        }
    }
    count
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))
        .map_or((None, 0), |(s, n)| (Some(s), n))
}

fn mean_delay(evs: &[Ev]) -> f64 {
    if evs.is_empty() {
        return 0.0;
    }
    evs.iter().map(|e| (e.tb - e.ta).abs() as f64).sum::<f64>() / evs.len() as f64
}

fn symmetry(evs: &[Ev]) -> f64 {
    let (mut a, mut b) = (0u32, 0u32);
    for e in evs {
        if e.ta <= e.tb {
            a += 1;
        }
        if e.tb <= e.ta {
            b += 1;
        }
    }
    match a.max(b) {
        0 => 1.0,
        m => f64::from(a.min(b)) / f64::from(m),
    }
}

fn rfc3339(t: i64) -> String {
    DateTime::from_timestamp(t, 0).map_or_else(|| t.to_string(), |d| d.to_rfc3339())
}
