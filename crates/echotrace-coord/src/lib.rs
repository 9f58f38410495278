//! The echotrace coordination stage: which sources publish the same passages within minutes,
//! again and again, which source they relay, and whether they say so.
//!
//! Input is one [`CopyEvent`] per copy of every reuse cluster (cluster, document, source,
//! publication time, credit lines, earliest-witness flag); the crate knows nothing of the
//! reuse engine's internals, of SQLite or HTTP. Output is a serde-serializable
//! [`CoordinationNetwork`]: edges with their evidence and groups with their kind and center.
//!
//! ## Method
//! 1. **Interval.** Estimated as CooRnet does for link shares ([`estimate_interval`]): among
//!    the 10 % of clusters whose second copy came quickest, the median time to reach half of
//!    the copies. [`CoordinationDetectorBuilder::interval_s`] overrides it.
//! 2. **Edges.** Two sources are linked when they publish the same cluster within the
//!    interval; the weight is the number of distinct clusters co-published that way
//!    (CooRnet), with the mean delay and a lead-symmetry score (after CooRTweet).
//! 3. **One center, repeatedly.** A relay group co-publishes the stories *of the same
//!    center*, again and again; a fast aggregator is fast on everything, with everyone, so
//!    the clusters it shares with any one partner come from many different origins. An edge is
//!    kept when at least `min_weight` of its clusters share one earliest witness and they make
//!    at least `min_center_share` of the edge. This is what keeps aggregators and organic
//!    republishers (heavy-tailed delays: rarely within the interval, never repeatedly with the
//!    same partner) out of groups.
//! 4. **Groups.** Communities of the kept edges ([`CommunityDetector`], default [`Louvain`]).
//!    CooRnet's percentile cut (default 0.90, at least `min_weight`) decides which
//!    communities are reported: a group needs at least one edge that strong. The percentile is
//!    taken over the one-center weights of all co-publication edges, because on raw weights
//!    a pair of fast aggregators (the heaviest edge of many networks) would set the bar. The cut is not applied edge by edge inside a group, because a relay that
//!    took part in only some of the pushes would otherwise be cut off its own group.
//! 5. **Center.** The source holding the earliest witness of most of the group's clusters,
//!    with the share of clusters that support it. Relays and center are different roles: the
//!    center is reported as `center`, never among `members`, even when it publishes in
//!    lock-step with its relays (then `center_in_community` says so).
//! 6. **Syndication is not conspiracy.** When one credited name (`By X staff`, `Source: X`,
//!    `(X) —`, `X reported`; see [`credit_lines`]) appears in at least `min_credit_share` of
//!    the group's clusters, the group is [`GroupKind::Syndication`], with the credit lines as
//!    evidence; otherwise [`GroupKind::Coordinated`].
//!
//! Cost is linear in the copies plus the pairs of copies of one cluster within the interval.
//!
//! ```
//! use echotrace_coord::{CoordinationDetector, CopyEvent, GroupKind};
//! use echotrace_core::{DocId, Published, SourceId};
//!
//! let mut events = Vec::new();
//! let mut copy = |cluster: usize, source: &str, at: &str, credits: &[&str], earliest: bool| {
//!     events.push(CopyEvent {
//!         cluster: format!("c{cluster}"),
//!         doc: DocId::new(format!("{source}/{cluster}")),
//!         source: SourceId::new(source).unwrap(),
//!         published: Published::parse(at),
//!         credits: credits.iter().map(|c| c.to_string()).collect(),
//!         earliest,
//!     });
//! };
//! // A center's stories, relayed an hour later by three outlets within a minute of each other.
//! for k in 0..6 {
//!     let day = format!("2022-01-{:02}", k + 3);
//!     copy(k, "center.example", &format!("{day}T08:00:00Z"), &[], true);
//!     copy(k, "relay-a.example", &format!("{day}T09:00:05Z"), &[], false);
//!     copy(k, "relay-b.example", &format!("{day}T09:00:20Z"), &[], false);
//!     copy(k, "relay-c.example", &format!("{day}T09:00:40Z"), &[], false);
//! }
//! let net = CoordinationDetector::builder().interval_s(120.0).build().detect(&events);
//! let group = &net.groups[0];
//! assert_eq!(group.kind, GroupKind::Coordinated);
//! assert_eq!(group.members.len(), 3);
//! assert_eq!(group.center.as_ref().map(|s| s.as_str()), Some("center.example"));
//! assert_eq!(group.center_support, 1.0);
//! ```

pub mod community;
pub mod credit;
pub mod detector;
pub mod graphml;
pub mod interval;
pub mod model;

pub use community::{modularity, CommunityDetector, Components, Louvain, WeightedGraph};
pub use credit::{credit_key, credit_lines, names_source, CreditLine};
pub use detector::{CoordinationConfig, CoordinationDetector, CoordinationDetectorBuilder};
pub use graphml::write_graphml;
pub use interval::{estimate_interval, quantile};
pub use model::{
    CoordinationNetwork, CopyEvent, CreditEvidence, Edge, EdgeEvidence, Group, GroupKind, Interval,
    IntervalSource,
};
