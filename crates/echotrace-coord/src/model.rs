//! The stage's input ([`CopyEvent`]) and output ([`CoordinationNetwork`]).

use echotrace_core::{DocId, Published, SourceId};
use serde::{Deserialize, Serialize};

/// One copy of a reuse cluster: which source published it, when, and what it credits.
///
/// The reuse engine's clusters convert to these one member at a time; the coordination stage
/// needs nothing else from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CopyEvent {
    /// The reuse cluster (one piece of text and all its copies).
    pub cluster: String,
    pub doc: DocId,
    pub source: SourceId,
    pub published: Option<Published>,
    /// Names the copy credits openly (`Source: X` → `X`), see [`crate::credit_lines`].
    pub credits: Vec<String>,
    /// The copy is (one of) the cluster's earliest witness(es).
    pub earliest: bool,
}

/// How the coordination interval was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IntervalSource {
    /// Estimated from the data, CooRnet's way.
    Estimated,
    /// Set by the caller.
    Override,
    /// Too few dated clusters to estimate: the configured fallback.
    Fallback,
}

/// The coordination interval: two copies of a cluster closer than this are co-published.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub seconds: f64,
    pub source: IntervalSource,
    /// Clusters the estimate rests on (the quickest share of the dated ones).
    pub clusters_used: usize,
}

/// One cluster two sources co-published within the interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EdgeEvidence {
    pub cluster: String,
    /// Publication times (RFC 3339) of the edge's `a` and `b` copies.
    pub a_time: String,
    pub b_time: String,
    pub delay_s: f64,
    /// Source(s) of the cluster's earliest witness.
    pub earliest: Vec<SourceId>,
}

/// A link between two sources that repeatedly publish the same clusters within the interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub a: SourceId,
    pub b: SourceId,
    /// Distinct clusters co-published within the interval (CooRnet's edge weight).
    pub weight: u32,
    /// Mean absolute delay between the two copies, seconds.
    pub mean_delay_s: f64,
    /// How evenly the two take the lead: `min(leads) / max(leads)`, ties counting for both
    /// (1 = neither follows the other; near 0 = one always copies the other). CooRTweet's
    /// edge-symmetry idea, measured on who publishes first.
    pub symmetry: f64,
    /// The source whose clusters the two co-publish most often (earliest witness).
    pub center: Option<SourceId>,
    /// Co-published clusters of that one center.
    pub center_weight: u32,
    /// The one-center weight is at or above the network's percentile cut.
    pub strong: bool,
    pub evidence: Vec<EdgeEvidence>,
}

/// What kind of group this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Lock-step copying that does not say where the text comes from.
    Coordinated,
    /// The copies openly credit a common source: a wire and its subscribers.
    Syndication,
}

/// A credited name and the copies behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreditEvidence {
    /// The name as first written.
    pub name: String,
    /// The group's relayed clusters in which some member's copy credits it.
    pub clusters: usize,
    /// Share of the group's relayed clusters.
    pub share: f64,
    /// Whether the name designates the group's center.
    pub names_center: bool,
    /// `(doc, credited name as written)` samples, first few.
    pub copies: Vec<(DocId, String)>,
}

/// Sources that move together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The relays: sources that republish together. The center is not among them.
    pub members: Vec<SourceId>,
    pub kind: GroupKind,
    /// The source that most often holds the earliest witness of the clusters the group relays.
    pub center: Option<SourceId>,
    /// Share of the group's relayed clusters whose earliest witness is the center.
    pub center_support: f64,
    /// The center was itself part of the detected community (it publishes in lock-step with
    /// its relays); it is reported as center, not as a member.
    pub center_in_community: bool,
    /// Clusters co-published within the interval by at least two members.
    pub clusters: Vec<String>,
    /// Credits found in the members' copies of those clusters, most frequent first.
    pub credits: Vec<CreditEvidence>,
    /// Edges inside the group and how many of them reach the percentile cut.
    pub edges: usize,
    pub strong_edges: usize,
}

/// The result of [`crate::CoordinationDetector::detect`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoordinationNetwork {
    pub interval: Interval,
    /// The configured percentile of the one-center weights (`center_weight`) of all
    /// co-publication edges: CooRnet's cut, on the repetition that matters here.
    pub weight_cut: f64,
    /// Co-publication edges before any filter.
    pub candidate_edges: usize,
    /// Edges that relay one center repeatedly (see the crate docs), strongest first.
    pub edges: Vec<Edge>,
    pub groups: Vec<Group>,
}
