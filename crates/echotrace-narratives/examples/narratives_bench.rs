//! Times `NarrativeBuilder::build` on synthetic data:
//! `cargo run --release -p echotrace-narratives --example narratives_bench [CLUSTERS] [DOCS_PER_CLUSTER]`
//! (default 100 000 clusters of 10 documents = 1M documents).
//!
//! Stories of 1–5 clusters share two story speakers and a story entity and fall within a day or
//! two; every document also names two of a handful of ubiquitous entities and a few from a
//! large pool, so that the indexes meet both rare and everywhere-names.

use chrono::{DateTime, Duration, Utc};
use echotrace_core::{DatePrecision, DocId, Published, SourceId};
use echotrace_narratives::{NarrativeBuilder, StoryCluster, StoryDocument};
use std::time::Instant;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic data without a dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n_clusters: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let per: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let t0 = DateTime::<Utc>::from_timestamp(1_640_995_200, 0).unwrap_or_default();
    let ubiquitous = [
        "Russia",
        "United States",
        "Ukraine",
        "China",
        "European Union",
    ];

    let started = Instant::now();
    let mut docs = Vec::with_capacity(n_clusters * per);
    let mut clusters = Vec::with_capacity(n_clusters);
    let (mut c, mut story) = (0usize, 0usize);
    while c < n_clusters {
        let size = 1 + rng.below(5) as usize;
        let story_start = t0 + Duration::minutes(rng.below(365 * 24 * 60) as i64);
        let speakers = [format!("Speaker S{story}a"), format!("Speaker S{story}b")];
        let entity = format!("Entity E{story}");
        for _ in 0..size.min(n_clusters - c) {
            let start = story_start + Duration::minutes(rng.below(36 * 60) as i64);
            let mut members = Vec::with_capacity(per);
            for k in 0..per {
                let id = DocId::new(format!("c{c}d{k}"));
                let at = start + Duration::minutes(rng.below(48 * 60) as i64);
                let published = if rng.below(5) == 0 {
                    Published::new(at, DatePrecision::Day)
                } else {
                    Published::new(at, DatePrecision::Minute)
                };
                let mut entities = vec![
                    ubiquitous[rng.below(5) as usize].to_string(),
                    ubiquitous[rng.below(5) as usize].to_string(),
                    format!("Pool {}", rng.below(200_000)),
                    format!("Pool {}", rng.below(200_000)),
                ];
                if rng.below(2) == 0 {
                    entities.push(entity.clone());
                }
                let sp = if rng.below(3) == 0 {
                    vec![speakers[rng.below(2) as usize].clone()]
                } else {
                    Vec::new()
                };
                members.push(id.clone());
                docs.push(StoryDocument {
                    id,
                    source: SourceId::new(&format!("source{}.example", rng.below(5_000))),
                    published: (rng.below(50) != 0).then_some(published),
                    title: Some(format!("Story {story} headline")),
                    speakers: sp,
                    entities,
                });
            }
            clusters.push(StoryCluster {
                id: format!("c{c}"),
                origin: members.first().cloned(),
                docs: members,
            });
            c += 1;
        }
        story += 1;
    }
    println!(
        "generated {} documents, {} clusters, {} true stories in {:.2?}",
        docs.len(),
        clusters.len(),
        story,
        started.elapsed()
    );

    let started = Instant::now();
    let narratives = NarrativeBuilder::new().build(&docs, &clusters);
    let took = started.elapsed();
    let in_narratives: usize = narratives.iter().map(|n| n.clusters.len()).sum();
    let biggest = narratives
        .iter()
        .map(|n| n.clusters.len())
        .max()
        .unwrap_or(0);
    println!(
        "built {} narratives ({} clusters in them, largest {}) in {:.2?}",
        narratives.len(),
        in_narratives,
        biggest,
        took
    );
    // Purity: a narrative is pure when all its clusters come from one generated story.
    let story_of: std::collections::HashMap<String, String> = docs
        .iter()
        .map(|d| (d.id.to_string(), d.title.clone().unwrap_or_default()))
        .collect();
    let pure = narratives
        .iter()
        .filter(|n| {
            let mut t = n
                .clusters
                .iter()
                .filter_map(|c| story_of.get(&format!("{c}d0")));
            let first = t.next();
            t.all(|x| Some(x) == first)
        })
        .count();
    println!("{pure} of {} narratives are pure", narratives.len());
}
