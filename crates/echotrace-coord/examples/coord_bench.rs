//! Times the coordination stage on synthetic copy events: a news stream where most clusters
//! are picked up by a few random outlets over hours, some by fast aggregators, and a few
//! relay groups push their center's stories within minutes.
//!
//! ```text
//! cargo run --release -p echotrace-coord --example coord_bench -- [COPIES] [SOURCES]
//! ```
//! Defaults: 1,000,000 copies over 20,000 sources.

use echotrace_coord::{CoordinationDetector, CopyEvent};
use echotrace_core::{DatePrecision, DocId, Published, SourceId};
use std::time::Instant;

/// xorshift64*: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Exponential with the given mean.
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let target = args.first().copied().unwrap_or(1_000_000);
    let n_sources = args.get(1).copied().unwrap_or(20_000).max(100) as u64;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let t0 = chrono::Utc::now().timestamp() - 365 * 86_400;
    let span = 365 * 86_400u64;
    let n_aggregators = 20u64;
    let n_groups = 50u64;
    let group_size = 8u64;
    let mut events: Vec<CopyEvent> = Vec::with_capacity(target + 64);
    let t_gen = Instant::now();
    let mut cluster = 0u64;
    let push = |events: &mut Vec<CopyEvent>, c: u64, s: u64, t: i64, earliest: bool| {
        let published = chrono::DateTime::from_timestamp(t, 0)
            .map(|d| Published::new(d, DatePrecision::Second));
        events.push(CopyEvent {
            cluster: format!("c{c}"),
            doc: DocId::new(format!("d{}", events.len())),
            source: SourceId::new(&format!("s{s}.example")).unwrap_or_else(|| unreachable!()),
            published,
            credits: Vec::new(),
            earliest,
        });
    };
    while events.len() < target {
        cluster += 1;
        let t = t0 + rng.below(span) as i64;
        if cluster % 20 == 0 {
            // A relay group pushes its center's story: burst within minutes. 50 group ids
            // map onto 20 distinct centers (ids wrap around the sources), so 20 groups.
            let g = rng.below(n_groups);
            let center = g * 1000 % n_sources;
            push(&mut events, cluster, center, t, true);
            let burst = t + 60 + rng.below(4 * 3600) as i64;
            for m in 0..group_size {
                if rng.unit() < 0.75 {
                    let s = (center + 1 + m) % n_sources;
                    push(&mut events, cluster, s, burst + rng.exp(90.0) as i64, false);
                }
            }
            continue;
        }
        let origin = rng.below(n_sources);
        push(&mut events, cluster, origin, t, true);
        // Organic pick-up: a few outlets, hours to days later.
        let k = rng.exp(3.0) as u64;
        for _ in 0..k {
            let s = rng.below(n_sources);
            let delay = (9.5 + 1.5 * (rng.unit() * 2.0 - 1.0) * 1.7).exp();
            push(&mut events, cluster, s, t + delay as i64, false);
        }
        for a in 0..n_aggregators {
            if rng.unit() < 0.1 {
                let s = n_sources - 1 - a;
                push(&mut events, cluster, s, t + rng.exp(600.0) as i64, false);
            }
        }
    }
    let gen = t_gen.elapsed();
    eprintln!(
        "generated {} copies in {} clusters over {} sources in {:.2?}",
        events.len(),
        cluster,
        n_sources,
        gen
    );
    let t = Instant::now();
    let net = CoordinationDetector::default().detect(&events);
    let took = t.elapsed();
    let coordinated = net.groups.len();
    println!(
        "coordination over {} copies: {:.2?} (interval {:.0} s, {} candidate edges, {} relay edges, {} groups)",
        events.len(),
        took,
        net.interval.seconds,
        net.candidate_edges,
        net.edges.len(),
        coordinated
    );
}
