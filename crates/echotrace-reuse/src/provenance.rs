//! Provenance: which copy of a cluster came first, and who copied whom.
//!
//! Publication order alone is not enough: a quarter of news pages carry only a day, some none,
//! and the first timestamp is often a copy's. [`ProvenanceRanker`] scores every possible
//! "parent → child" edge of a cluster from three kinds of evidence and picks the cheapest
//! derivation tree (a minimum spanning arborescence, Chu–Liu/Edmonds, tried from every root):
//!
//! - **time** with its precision ([`Published::order`]): a parent published definitely after
//!   its child is all but ruled out; a bare day ties with every time that day and a missing date
//!   is unknown — both cost a little, neither is "early";
//! - **credit lines** in the child (`Source: X`, `Originally published by X.`, `This article
//!   first appeared on X.`, `Read more at X`, `(c) X`, …) matched against the members' sources:
//!   a strong pull towards the credited outlet, and a document that credits another member is
//!   unlikely to be the origin;
//! - **alignment shape**: word edits between the two texts (substitutions, variants, added or
//!   dropped words) plus text the child has that the candidate parent lacks (expensive: copies
//!   rarely add to the shared text) and text the parent has that the child lacks (cheap:
//!   copies trim; a cut counts once, however long). Words added or dropped here and there are
//!   word edits either way. Edits accumulate down a chain, so a copy of a copy is closer to
//!   its parent than to the origin, and the origin is the text every copy is closest to;
//! - **context** ([`context_cohesion`]): shared text pasted into an article on another subject
//!   was brought there, so that document is an unlikely origin; text whose surrounding article
//!   goes on about the same thing is at home (an excerpt of its own article);
//! - **outlet roles** ([`SourceRoles`]): a source that the evidence above shows republishing in
//!   its other clusters is a likelier copy where nothing else decides (identical texts, tied
//!   days). A weak prior, computed from a first ranking of all clusters.
//!
//! The margin between the best and the second-best choice becomes a confidence in `0..1`.

use crate::align::TokenRange;
use crate::cluster::{Alignment, Cluster};
use crate::segment::Token;
use echotrace_core::{ByteSpan, DocId, Document, Published, SourceId, TimeOrder};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// What provenance needs to know about a document besides the alignments. Small, so the store
/// can keep it for every document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    pub id: DocId,
    pub source: Option<SourceId>,
    pub published: Option<Published>,
    /// Outlets named by credit lines in the text (as written, trimmed).
    pub credits: Vec<String>,
}

impl DocFacts {
    pub fn from_document(doc: &Document) -> Self {
        let mut credits = credit_lines(&doc.text);
        if let Some(own) = &doc.source {
            credits.retain(|c| !source_matches(c, own.as_str()));
        }
        DocFacts {
            id: doc.id.clone(),
            source: doc.source.clone(),
            published: doc.published,
            credits,
        }
    }
}

/// Cues that introduce the outlet a text credits, lowercased. Matched at the start of a short
/// line, or anywhere in it for the longer, unambiguous phrases.
const LINE_START_CUES: &[&str] = &[
    "source:",
    "sources:",
    "via:",
    "credit:",
    "credits:",
    "courtesy of",
    "courtesy:",
    "(c)",
    "©",
    "copyright",
    "read more at",
    "read more on",
    "read more:",
    "read the original at",
    "read the full story at",
    "reprinted from",
    "republished from",
    "from:",
];
const ANYWHERE_CUES: &[&str] = &[
    "originally published by",
    "originally published on",
    "originally published in",
    "originally published at",
    "originally appeared on",
    "originally appeared in",
    "originally appeared at",
    "first appeared on",
    "first appeared in",
    "first appeared at",
    "first published on",
    "first published in",
    "first published by",
    "republished with permission from",
    "republished with permission of",
    "reprinted with permission from",
    "republished from",
    "reprinted from",
    "this article is from",
    "this story is from",
];

/// Lines read for credits at the top and at the bottom of a text.
const EDGE_LINES: usize = 4;

/// The outlets a text credits (`Source: Sputnik` → `Sputnik`), from short lines only.
pub fn credit_lines(text: &str) -> Vec<String> {
    credits_with_spans(text)
        .into_iter()
        .map(|(_, name)| name)
        .collect()
}

/// The byte spans of the credit lines of a text: not article text, so alignment skips them.
pub fn credit_line_spans(text: &str) -> Vec<ByteSpan> {
    credits_with_spans(text)
        .into_iter()
        .map(|(span, _)| span)
        .collect()
}

fn credits_with_spans(text: &str) -> Vec<(ByteSpan, String)> {
    let mut out = Vec::new();
    // Credit lines sit above or below the article: only the first and last few lines are read.
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for raw in text.split('\n') {
        if !raw.trim().is_empty() {
            lines.push((pos, raw));
        }
        pos += raw.len() + 1;
    }
    let n = lines.len();
    for (k, &(line_start, raw)) in lines.iter().enumerate() {
        if k >= EDGE_LINES && k + EDGE_LINES < n {
            continue;
        }
        let line = raw.trim();
        let span = ByteSpan::new(line_start, line_start + raw.len());
        if line.is_empty() || line.len() > 200 {
            continue;
        }
        let lower = line.to_lowercase();
        // Lowercasing can change byte lengths outside ASCII; only cut the original where it
        // did not.
        if lower.len() != line.len() {
            continue;
        }
        let trimmed = lower.trim_start_matches(['*', '-', '—', '–', '•', '_', ' ', '[']);
        let lead = lower.len() - trimmed.len();
        let mut found = None;
        for cue in LINE_START_CUES {
            if trimmed.starts_with(cue) {
                found = Some(lead + cue.len());
                break;
            }
        }
        if found.is_none() {
            for cue in ANYWHERE_CUES {
                if let Some(at) = lower.find(cue) {
                    found = Some(at + cue.len());
                    break;
                }
            }
        }
        let Some(at) = found else { continue };
        if let Some(name) = credit_name(&line[at..]) {
            out.push((span, name));
        }
    }
    out
}

/// The outlet name at the start of what follows a cue: up to the end of the sentence.
fn credit_name(rest: &str) -> Option<String> {
    let rest =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'));
    let mut end = rest.len();
    for stop in [
        ". ", ", ", "; ", " | ", " - ", " – ", " — ", " (", " on ", " at ", " and ",
    ] {
        if let Some(i) = rest.find(stop) {
            end = end.min(i);
        }
    }
    let mut name = rest[..end].trim();
    // `(c) 2022 Reuters`, `Copyright © 2022 …`
    name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '©');
    let name = name.trim_end_matches(['.', ',', ';', ':', '!', ')', ' ']);
    let words = name.split_whitespace().count();
    (!name.is_empty() && name.len() <= 80 && words <= 6).then(|| name.to_string())
}

fn norm_source(s: &str) -> String {
    let s = s.trim().to_lowercase();
    let s = s
        .split_once("://")
        .map_or(s.as_str(), |(_, r)| r)
        .to_string();
    let s = s.trim_start_matches("www.");
    let s = s.split('/').next().unwrap_or(s);
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '.' || *c == ' ')
        .collect::<String>()
        .trim_matches('.')
        .to_string()
}

/// Whether a credited name refers to a source id: the same name or host, or the host's main
/// label (`Sputnik` ~ `sputniknews.com`, `The Guardian` ~ `theguardian.com`).
pub fn source_matches(credit: &str, source: &str) -> bool {
    let (c, s) = (norm_source(credit), norm_source(source));
    if c.is_empty() || s.is_empty() {
        return false;
    }
    if c == s {
        return true;
    }
    let squash = |x: &str| {
        x.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let label = |x: &str| -> String {
        let parts: Vec<&str> = x.split('.').collect();
        if parts.len() >= 2 {
            squash(parts[parts.len() - 2])
        } else {
            squash(x)
        }
    };
    let (cs, ss) = (squash(&c), squash(&s));
    let (cl, sl) = (label(&c), label(&s));
    if cs.len() < 3 || ss.len() < 3 {
        return false;
    }
    // Either side may be a host or a name.
    cs == ss
        || (c.contains('.') && s.contains('.') && cl == sl && cl.len() >= 4 && c.ends_with(&s))
        || (!c.contains('.')
            && s.contains('.')
            && (sl == cs || (cs.len() >= 5 && sl.starts_with(&cs))))
        || (c.contains('.')
            && !s.contains('.')
            && (cl == ss || (ss.len() >= 5 && cl.starts_with(&ss))))
}

/// Words read on each side of a shared passage for [`context_cohesion`] (~1,000 characters).
pub const CONTEXT_WORDS: usize = 170;
/// Fewer words than this around a passage (both sides together) is no context: the document
/// is the passage, give or take a footer.
pub const MIN_CONTEXT_WORDS: usize = 40;

/// How much the text around `range` in a document is about the same thing as the passage: the
/// share of the passage's distinctive words (five letters or more, spelling variants folded)
/// that recur within [`CONTEXT_WORDS`] words before or after it. An excerpt of an article
/// shares its names and terms with the sentences around it (typically 0.15 and more); a
/// passage pasted into an article on another subject shares little beyond common words
/// (typically under 0.08). `None` where the document has less than [`MIN_CONTEXT_WORDS`]
/// words besides the passage, or the passage has too few distinctive words to tell.
pub fn context_cohesion(text: &str, tokens: &[Token], range: TokenRange) -> Option<f32> {
    cohesion(tokens, range, |x| distinctive(text, &tokens[x]))
}

/// Whether a word counts for [`context_cohesion`]: five letters or digits at least. Counting
/// stops at five, and ASCII is counted in bytes.
fn distinctive(text: &str, t: &Token) -> bool {
    text.get(t.start as usize..t.end as usize).is_some_and(|w| {
        if w.is_ascii() {
            w.bytes().filter(u8::is_ascii_alphanumeric).take(5).count() >= 5
        } else {
            w.chars()
                .filter(|&c| crate::segment::is_alphanumeric_fast(c))
                .take(5)
                .count()
                >= 5
        }
    })
}

/// [`distinctive`] for every token of a text, for [`context_cohesion_flagged`]: a document
/// aligned with many others has its words looked at once.
pub(crate) fn distinctive_flags(text: &str, tokens: &[Token]) -> Vec<bool> {
    tokens.iter().map(|t| distinctive(text, t)).collect()
}

/// [`context_cohesion`] with the words' [`distinctive_flags`] (same length as `tokens`).
pub(crate) fn context_cohesion_flagged(
    tokens: &[Token],
    flags: &[bool],
    range: TokenRange,
) -> Option<f32> {
    cohesion(tokens, range, |x| flags.get(x).copied().unwrap_or(false))
}

/// The figure of [`context_cohesion`], with `distinctive` telling by token index.
fn cohesion(
    tokens: &[Token],
    range: TokenRange,
    distinctive: impl Fn(usize) -> bool,
) -> Option<f32> {
    let (start, end) = (range.start as usize, (range.end as usize).min(tokens.len()));
    if start >= end {
        return None;
    }
    let before = start.saturating_sub(CONTEXT_WORDS)..start;
    let after = end..(end + CONTEXT_WORDS).min(tokens.len());
    if before.len() + after.len() < MIN_CONTEXT_WORDS {
        return None;
    }
    // Sized up front: collected from a filter, the sets would grow by rehashing.
    let mut around: FxHashSet<u64> = FxHashSet::default();
    around.reserve(before.len() + after.len());
    around.extend(
        before
            .chain(after)
            .filter(|&x| distinctive(x))
            .map(|x| tokens[x].variant),
    );
    let mut passage: FxHashSet<u64> = FxHashSet::default();
    passage.reserve(end - start);
    passage.extend(
        (start..end)
            .filter(|&x| distinctive(x))
            .map(|x| tokens[x].variant),
    );
    if passage.len() < 5 || around.len() < 5 {
        return None;
    }
    let shared = passage.iter().filter(|k| around.contains(k)).count();
    Some(shared as f32 / passage.len() as f32)
}

/// Weights of the evidence.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProvenanceConfig {
    /// Cost per word the child has that the parent lacks.
    pub missing_word: f64,
    /// Cost per word the parent has that the child lacks.
    pub dropped_word: f64,
    /// Dropped words counted at most: a cut (a truncated tail, a dropped paragraph) is one
    /// edit however long, and siblings cut at the same place must not look like each
    /// other's parents.
    pub dropped_cap: f64,
    /// Cost per word edit (substitution, variant, short gap).
    pub word_edit: f64,
    /// Cost of a parent published definitely after the child.
    pub after: f64,
    /// Cost of a parent whose order with the child is a tie (overlapping intervals).
    pub tie: f64,
    /// Cost of a parent whose order is unknown (a missing date).
    pub unknown: f64,
    /// Bonus (subtracted) for a parent whose source the child credits.
    pub credit: f64,
    /// Cost of a root that credits another member's source.
    pub root_credits_member: f64,
    /// Bonus for edges out of the root: most copies come straight from the origin, so with no
    /// other evidence the origin is the likelier parent.
    pub from_root: f64,
    /// Cost of an edge between documents that never aligned with each other.
    pub unaligned: f64,
    /// Weight of the mean direct cost from the root to every member in the choice of the root.
    pub star_weight: f64,
    /// Clusters with more documents than this use a greedy tree instead of trying every root.
    pub max_exact: usize,
    /// Cost of a root whose shared text sits in an article on another subject (its
    /// [`context_cohesion`] well under `context_mid`), and bonus for one whose surrounding
    /// article continues the passage's subject (well over it); scaled linearly in between.
    pub context: f64,
    /// Cost of a root whose source republishes in the other clusters, times the share of its
    /// documents there that are copies on evidence (see [`SourceRoles`]).
    pub republisher: f64,
    /// The cohesion at which the surrounding text says nothing either way.
    pub context_mid: f64,
    /// How far from `context_mid` the cohesion must be for the full cost or bonus.
    pub context_spread: f64,
}

impl Default for ProvenanceConfig {
    fn default() -> Self {
        ProvenanceConfig {
            missing_word: 1.0,
            dropped_word: 0.1,
            dropped_cap: 20.0,
            word_edit: 1.0,
            after: 500.0,
            tie: 0.3,
            unknown: 0.6,
            credit: 30.0,
            root_credits_member: 30.0,
            from_root: 1.0,
            unaligned: 200.0,
            star_weight: 1.0,
            max_exact: 32,
            context: 6.0,
            context_mid: 0.11,
            republisher: 2.0,
            context_spread: 0.05,
        }
    }
}

/// How the time of a parent relates to its child's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeRelation {
    Before,
    Tie,
    After,
    Unknown,
}

/// Why a member got its parent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParentEvidence {
    pub time: TimeRelation,
    /// The child credits the parent's source.
    pub credited: bool,
    pub word_edits: u32,
    /// Words of the child not aligned with the parent.
    pub missing_words: u32,
    /// Words of the parent not aligned with the child.
    pub dropped_words: u32,
    /// Set when the child and the parent share the text only as a paraphrase (no word
    /// alignment): the probability of the paraphrase decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paraphrase: Option<f32>,
}

/// A cluster member with its place in the derivation tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedMember {
    pub doc: DocId,
    pub span: ByteSpan,
    /// `None` for the origin.
    pub parent: Option<DocId>,
    /// How much better the chosen parent (or, for the origin, the chosen root) is than the
    /// runner-up, squashed into `0..1`; 0.5 is a coin toss.
    pub confidence: f32,
    pub evidence: Option<ParentEvidence>,
    /// The mean [`context_cohesion`] of the document's side of its alignments in the cluster:
    /// low where the shared text sits in an article on another subject. `None` where the
    /// document is little more than the shared text.
    #[serde(default)]
    pub context: Option<f32>,
    /// Set when the member shares the cluster's text with the other members only as a
    /// paraphrase (no word alignment links it to any of them): the best probability of
    /// those paraphrase decisions. Its span is then a rewritten version, not a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paraphrase: Option<f32>,
}

/// A reuse cluster with provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseCluster {
    /// Stable id: a hash of the first member's document and span.
    pub id: String,
    pub members: Vec<RankedMember>,
    pub origin: Option<DocId>,
    pub origin_confidence: f32,
    /// Members whose publication time no other member definitely precedes (several = a tie;
    /// members without a date are never listed).
    pub earliest: Vec<DocId>,
}

/// What each source's documents are across all clusters, on evidence that needs no ranking:
/// how many cluster memberships it has and in how many of them its document is certainly a
/// copy — it credits another member's source, another member was published definitely before
/// it, or its shared text sits in an article on another subject. Aggregators and content
/// farms republish day after day; the outlet that originates a story is rarely a certain
/// copy elsewhere. A prior for clusters where nothing else decides (two identical texts on
/// the same day), never more.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceRoles {
    /// Source (as normalised by [`SourceRoles::key`]) → (certain copies, memberships).
    counts: FxHashMap<String, (u32, u32)>,
}

impl SourceRoles {
    fn key(source: &SourceId) -> String {
        norm_source(source.as_str())
    }

    /// Reads the roles off ranked clusters: the evidence fields they carry, and the facts.
    pub fn from_ranked<'f>(
        clusters: &[ReuseCluster],
        facts: &dyn Fn(&DocId) -> Option<&'f DocFacts>,
        config: &ProvenanceConfig,
    ) -> Self {
        let mut roles = SourceRoles::default();
        for c in clusters {
            let mut docs: Vec<&RankedMember> = c.members.iter().collect();
            docs.sort_by(|x, y| x.doc.cmp(&y.doc));
            docs.dedup_by(|x, y| x.doc == y.doc);
            let ids: Vec<&DocId> = docs.iter().map(|m| &m.doc).collect();
            let contexts: Vec<Option<f32>> = docs.iter().map(|m| m.context).collect();
            roles.count(&ids, &contexts, facts, config);
        }
        roles
    }

    /// The same roles as [`from_ranked`](Self::from_ranked) gives after ranking the
    /// clusters, read off the clusters before ranking: nothing it counts depends on the
    /// ranking, so the clusters are ranked once, with the roles, instead of twice.
    pub fn from_clusters<'f>(
        clusters: &[Cluster],
        alignments: &[Alignment],
        facts: &dyn Fn(&DocId) -> Option<&'f DocFacts>,
        config: &ProvenanceConfig,
    ) -> Self {
        let mut roles = SourceRoles::default();
        for c in clusters {
            let docs = cluster_docs(c);
            let contexts: Vec<Option<f32>> = context_sums(c, alignments, &docs)
                .into_iter()
                .map(mean_context)
                .collect();
            roles.count(&docs, &contexts, facts, config);
        }
        roles
    }

    /// Counts one cluster: its documents (sorted, each once) and the mean context of each.
    fn count<'f>(
        &mut self,
        docs: &[&DocId],
        contexts: &[Option<f32>],
        facts: &dyn Fn(&DocId) -> Option<&'f DocFacts>,
        config: &ProvenanceConfig,
    ) {
        if docs.len() < 2 {
            return;
        }
        let foreign = config.context_mid - config.context_spread;
        let member_facts: Vec<Option<&DocFacts>> = docs.iter().map(|d| facts(d)).collect();
        for (i, context) in contexts.iter().enumerate() {
            let Some(f) = member_facts[i] else { continue };
            let Some(src) = &f.source else { continue };
            let credits_member = member_facts.iter().enumerate().any(|(j, g)| {
                j != i
                    && g.and_then(|g| g.source.as_ref())
                        .is_some_and(|s| f.credits.iter().any(|cr| source_matches(cr, s.as_str())))
            });
            let later = f.published.is_some_and(|t| {
                member_facts.iter().enumerate().any(|(j, g)| {
                    j != i
                        && g.and_then(|g| g.published)
                            .is_some_and(|u| u.order(&t) == TimeOrder::Before)
                })
            });
            let pasted = context.is_some_and(|x| f64::from(x) < foreign);
            let e = self.counts.entry(Self::key(src)).or_default();
            e.0 += u32::from(credits_member || later || pasted);
            e.1 += 1;
        }
    }

    /// The share of the source's memberships in which it is certainly a copy, shrunk towards
    /// 0 for sources seen rarely (one certain copy in one membership gives 0.5).
    pub fn republisher_share(&self, source: &SourceId) -> f64 {
        self.counts
            .get(&Self::key(source))
            .map_or(0.0, |&(copies, n)| f64::from(copies) / f64::from(n + 1))
    }
}

/// The documents of a cluster, sorted, each once (a document with two members is one node).
fn cluster_docs(cluster: &Cluster) -> Vec<&DocId> {
    let mut docs: Vec<&DocId> = cluster.members.iter().map(|m| &m.doc).collect();
    docs.sort();
    docs.dedup();
    docs
}

/// For each of `docs` (see [`cluster_docs`]): the sum and count of the context cohesion of its
/// side of the cluster's alignments with the other documents, and how many of those sides had
/// no context at all.
fn context_sums(
    cluster: &Cluster,
    alignments: &[Alignment],
    docs: &[&DocId],
) -> Vec<(f64, u32, u32)> {
    let index: FxHashMap<&DocId, usize> = docs.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut sums = vec![(0f64, 0u32, 0u32); docs.len()];
    for (i, j, al) in between_documents(cluster, alignments, &index) {
        for (k, c) in [(i, al.span.a_context), (j, al.span.b_context)] {
            match c {
                Some(c) => {
                    sums[k].0 += f64::from(c);
                    sums[k].1 += 1;
                }
                None => sums[k].2 += 1,
            }
        }
    }
    sums
}

/// The cluster's alignments between two different documents, with the documents' positions
/// in `index`.
fn between_documents<'a>(
    cluster: &'a Cluster,
    alignments: &'a [Alignment],
    index: &'a FxHashMap<&DocId, usize>,
) -> impl Iterator<Item = (usize, usize, &'a Alignment)> + 'a {
    cluster.alignments.iter().filter_map(move |&x| {
        let al = alignments.get(x)?;
        let (&i, &j) = (index.get(&al.a)?, index.get(&al.b)?);
        (i != j).then_some((i, j, al))
    })
}

/// The mean context cohesion of a document's side of its alignments, from [`context_sums`].
/// One copy that holds the document's text and little else shows that the text is (nearly)
/// the whole document, whatever part of it other copies took: then `None`.
fn mean_context((sum, count, standalone): (f64, u32, u32)) -> Option<f32> {
    (count > 0 && standalone == 0).then(|| (sum / f64::from(count)) as f32)
}

/// Names the origin and each copy's parent. See the module docs.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProvenanceRanker {
    pub config: ProvenanceConfig,
}

/// Aggregated evidence between two documents of a cluster.
#[derive(Clone, Copy, Default)]
struct PairStats {
    aligned: bool,
    pairs: u32,
    edits: u32,
    /// Words of the first document (the candidate parent) inside short gaps: counted as
    /// word edits already, not as text it has and the other lacks.
    short_parent: u32,
    /// Words of the second (the candidate child) inside short gaps.
    short_child: u32,
    /// A word alignment links the two.
    lexical: bool,
    /// The best paraphrase probability of the links that are paraphrases.
    paraphrase: Option<f32>,
}

fn squash(margin: f64, scale: f64) -> f32 {
    (1.0 / (1.0 + (-margin / scale).exp())) as f32
}

impl ProvenanceRanker {
    pub fn new(config: ProvenanceConfig) -> Self {
        ProvenanceRanker { config }
    }

    /// Ranks one cluster. `facts` looks up documents; a document without facts is treated as
    /// undated and uncredited.
    pub fn rank<'f>(
        &self,
        cluster: &Cluster,
        alignments: &[Alignment],
        facts: &dyn Fn(&DocId) -> Option<&'f DocFacts>,
    ) -> ReuseCluster {
        self.rank_with_roles(cluster, alignments, facts, None)
    }

    /// [`rank`](Self::rank), with what the other clusters say of each source (see
    /// [`SourceRoles`]). `facts` looks up documents; a document without facts is treated as
    /// undated and uncredited.
    pub fn rank_with_roles<'f>(
        &self,
        cluster: &Cluster,
        alignments: &[Alignment],
        facts: &dyn Fn(&DocId) -> Option<&'f DocFacts>,
        roles: Option<&SourceRoles>,
    ) -> ReuseCluster {
        let cfg = &self.config;
        let docs = cluster_docs(cluster);
        let n = docs.len();
        let index: FxHashMap<&DocId, usize> =
            docs.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let mut words = vec![0u32; n];
        for m in &cluster.members {
            if let Some(&i) = index.get(&m.doc) {
                words[i] += m.tokens.len();
            }
        }
        let mut stats = vec![PairStats::default(); n * n];
        let context = context_sums(cluster, alignments, &docs);
        for (i, j, al) in between_documents(cluster, alignments, &index) {
            let pairs = al.span.matches + al.span.variants + al.span.mismatches;
            // A word added or dropped here and there is a word edit on either side; only
            // longer runs are text one side has and the other lacks.
            let short_a = al
                .span
                .a_tokens
                .len()
                .saturating_sub(pairs + al.span.a_gap_words);
            let short_b = al
                .span
                .b_tokens
                .len()
                .saturating_sub(pairs + al.span.b_gap_words);
            for (p, q, sp, sq) in [(i, j, short_a, short_b), (j, i, short_b, short_a)] {
                let s = &mut stats[p * n + q];
                s.aligned = true;
                match al.span.paraphrase {
                    Some(prob) => s.paraphrase = Some(s.paraphrase.map_or(prob, |b| b.max(prob))),
                    None => s.lexical = true,
                }
                s.pairs += pairs;
                s.edits += al.span.word_edits();
                s.short_parent += sp;
                s.short_child += sq;
            }
        }
        let fact: Vec<Option<&DocFacts>> = docs.iter().map(|d| facts(d)).collect();
        let credited = |c: usize, p: usize| -> bool {
            match (fact[c], fact[p].and_then(|f| f.source.as_ref())) {
                (Some(fc), Some(src)) => {
                    fc.credits.iter().any(|cr| source_matches(cr, src.as_str()))
                }
                _ => false,
            }
        };
        let time = |p: usize, c: usize| -> TimeRelation {
            match (
                fact[p].and_then(|f| f.published),
                fact[c].and_then(|f| f.published),
            ) {
                (Some(tp), Some(tc)) => match tp.order(&tc) {
                    TimeOrder::Before => TimeRelation::Before,
                    TimeOrder::After => TimeRelation::After,
                    TimeOrder::Tie => TimeRelation::Tie,
                },
                _ => TimeRelation::Unknown,
            }
        };
        let evidence = |p: usize, c: usize| -> ParentEvidence {
            let s = stats[p * n + c];
            ParentEvidence {
                time: time(p, c),
                credited: credited(c, p),
                word_edits: s.edits,
                missing_words: words[c].saturating_sub(s.pairs + s.short_child),
                dropped_words: words[p].saturating_sub(s.pairs + s.short_parent),
                paraphrase: if s.lexical { None } else { s.paraphrase },
            }
        };
        // cost[p][c] of p being c's parent.
        let mut cost = vec![0f64; n * n];
        for p in 0..n {
            for c in 0..n {
                if p == c {
                    continue;
                }
                let e = evidence(p, c);
                let mut w = match e.time {
                    TimeRelation::Before => 0.0,
                    TimeRelation::Tie => cfg.tie,
                    TimeRelation::Unknown => cfg.unknown,
                    TimeRelation::After => cfg.after,
                };
                if stats[p * n + c].aligned {
                    w += cfg.word_edit * e.word_edits as f64
                        + cfg.missing_word * e.missing_words as f64
                        + cfg.dropped_word * f64::from(e.dropped_words).min(cfg.dropped_cap);
                } else {
                    w += cfg.unaligned + cfg.missing_word * words[c] as f64;
                }
                if e.credited {
                    w -= cfg.credit;
                }
                cost[p * n + c] = w;
            }
        }
        let mean_context = |i: usize| mean_context(context[i]);
        let root_penalty = |r: usize| -> f64 {
            let credits_member = (0..n).any(|p| p != r && credited(r, p));
            let mut pen = if credits_member {
                cfg.root_credits_member
            } else {
                0.0
            };
            // Text pasted into an article on another subject came from elsewhere; text
            // whose article goes on about the same thing is at home there.
            if let Some(c) = mean_context(r).filter(|_| cfg.context_spread > 0.0) {
                let c = f64::from(c);
                pen += cfg.context * ((cfg.context_mid - c) / cfg.context_spread).clamp(-1.0, 1.0);
            }
            // An outlet that the evidence shows republishing in its other clusters is a
            // likelier copy here too, when nothing else decides.
            if let Some(share) = roles.and_then(|roles| {
                fact[r]
                    .and_then(|f| f.source.as_ref())
                    .map(|src| roles.republisher_share(src))
            }) {
                pen += cfg.republisher * share;
            }
            pen
        };

        // Choose the root and tree.
        let (root, parent, root_conf) = if n == 1 {
            (0, vec![usize::MAX], 1.0)
        } else if n <= cfg.max_exact {
            let mut results: Vec<(f64, usize, Vec<usize>)> = (0..n)
                .map(|r| {
                    let mut w = cost.clone();
                    for c in 0..n {
                        if c != r {
                            w[r * n + c] -= cfg.from_root;
                        }
                    }
                    let par = arborescence(n, r, &w);
                    let tree: f64 = (0..n)
                        .filter(|&c| c != r)
                        .map(|c| w[par[c] * n + c])
                        .sum::<f64>();
                    // The origin is the text every copy is closest to: the mean cost of
                    // deriving each member straight from the root, besides the best tree.
                    let star: f64 = (0..n)
                        .filter(|&c| c != r)
                        .map(|c| cost[r * n + c])
                        .sum::<f64>()
                        / (n - 1) as f64;
                    let total = tree + cfg.star_weight * star + root_penalty(r);
                    (total, r, par)
                })
                .collect();
            results.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            let margin = results.get(1).map_or(10.0, |s| s.0 - results[0].0);
            let (_, r, par) = results.swap_remove(0);
            (r, par, squash(margin, 2.0))
        } else {
            self.greedy(n, &cost, &root_penalty, &fact)
        };

        // Confidence per member: the chosen parent against the best alternative.
        let mut member_parent: Vec<Option<usize>> = vec![None; n];
        let mut member_conf = vec![root_conf; n];
        for c in 0..n {
            if c == root || parent.get(c).is_none_or(|&p| p >= n) {
                continue;
            }
            let p = parent[c];
            member_parent[c] = Some(p);
            let chosen = cost[p * n + c];
            let alt = (0..n)
                .filter(|&q| q != c && q != p)
                .map(|q| cost[q * n + c])
                .fold(f64::INFINITY, f64::min);
            let margin = if alt.is_finite() { alt - chosen } else { 10.0 };
            member_conf[c] = squash(margin, 2.0);
        }

        // A member is a paraphrase when every alignment of the cluster that reaches its span
        // is one (text repeated inside one page included, which has no pair statistics).
        // Most clusters hold no paraphrase: they skip the per-member scan of their alignments.
        let has_paraphrase = cluster
            .alignments
            .iter()
            .filter_map(|&x| alignments.get(x))
            .any(|al| al.span.paraphrase.is_some());
        let paraphrase_only = |m: &crate::cluster::ClusterMember| -> Option<f32> {
            if !has_paraphrase {
                return None;
            }
            let touches = |doc: &DocId, span: ByteSpan| {
                *doc == m.doc && span.start < m.span.end && m.span.start < span.end
            };
            let mut best: Option<f32> = None;
            for al in cluster.alignments.iter().filter_map(|&x| alignments.get(x)) {
                if !(touches(&al.a, al.span.a) || touches(&al.b, al.span.b)) {
                    continue;
                }
                match al.span.paraphrase {
                    None => return None,
                    Some(p) => best = Some(best.map_or(p, |b| b.max(p))),
                }
            }
            best
        };
        let mut members = Vec::with_capacity(cluster.members.len());
        let mut seen = vec![false; n];
        let mut ordered: Vec<&crate::cluster::ClusterMember> = cluster.members.iter().collect();
        ordered.sort_by(|x, y| x.doc.cmp(&y.doc).then(x.span.start.cmp(&y.span.start)));
        for m in ordered {
            let Some(&i) = index.get(&m.doc) else {
                continue;
            };
            // A second member of the origin document is text repeated inside it; a second
            // member of a copy is another piece of the same copy.
            if seen[i] && i == root {
                members.push(RankedMember {
                    doc: m.doc.clone(),
                    span: m.span,
                    parent: Some(m.doc.clone()),
                    confidence: 0.5,
                    evidence: None,
                    context: mean_context(i),
                    paraphrase: paraphrase_only(m),
                });
                continue;
            }
            seen[i] = true;
            let parent = member_parent[i];
            members.push(RankedMember {
                doc: m.doc.clone(),
                span: m.span,
                parent: parent.map(|p| docs[p].clone()),
                confidence: member_conf[i],
                evidence: parent.map(|p| evidence(p, i)),
                context: mean_context(i),
                paraphrase: paraphrase_only(m),
            });
        }

        let earliest: Vec<DocId> = (0..n)
            .filter(|&i| fact[i].and_then(|f| f.published).is_some())
            .filter(|&i| (0..n).all(|j| j == i || time(j, i) != TimeRelation::Before))
            .map(|i| docs[i].clone())
            .collect();
        let id = cluster
            .members
            .first()
            .map(|m| {
                let h =
                    crate::segment::stable_hash(format!("{}:{}", m.doc, m.span.start).as_bytes());
                format!("r{h:016x}")
            })
            .unwrap_or_default();
        ReuseCluster {
            id,
            members,
            origin: docs.get(root).map(|d| (*d).clone()),
            origin_confidence: root_conf,
            earliest,
        }
    }

    /// For large clusters: the root is the document every other is cheapest to derive from;
    /// then each document, in order of time, takes the cheapest parent among those before it.
    fn greedy(
        &self,
        n: usize,
        cost: &[f64],
        root_penalty: &dyn Fn(usize) -> f64,
        fact: &[Option<&DocFacts>],
    ) -> (usize, Vec<usize>, f32) {
        let mut totals: Vec<(f64, usize)> = (0..n)
            .map(|r| {
                let t: f64 = (0..n).filter(|&c| c != r).map(|c| cost[r * n + c]).sum();
                (t + root_penalty(r), r)
            })
            .collect();
        totals.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let root = totals[0].1;
        let margin = totals
            .get(1)
            .map_or(10.0, |s| (s.0 - totals[0].0) / n as f64);
        let mut order: Vec<usize> = (0..n).filter(|&i| i != root).collect();
        order.sort_by_key(|&i| {
            fact[i]
                .and_then(|f| f.published)
                .map_or((1, 0), |p| (0, p.earliest().timestamp()))
        });
        let mut parent = vec![usize::MAX; n];
        let mut placed = vec![root];
        for c in order {
            let best = placed
                .iter()
                .copied()
                .min_by(|&x, &y| cost[x * n + c].total_cmp(&cost[y * n + c]))
                .unwrap_or(root);
            parent[c] = best;
            placed.push(c);
        }
        (root, parent, squash(margin, 2.0))
    }
}

/// Minimum spanning arborescence rooted at `root` (Chu–Liu/Edmonds) over the complete graph
/// with edge costs `w[p * n + c]`. Returns each node's parent (`usize::MAX` for the root).
pub fn arborescence(n: usize, root: usize, w: &[f64]) -> Vec<usize> {
    let mut parent = vec![usize::MAX; n];
    if n <= 1 {
        return parent;
    }
    // Cheapest incoming edge of every non-root node.
    for c in 0..n {
        if c == root {
            continue;
        }
        parent[c] = (0..n)
            .filter(|&p| p != c)
            .min_by(|&x, &y| w[x * n + c].total_cmp(&w[y * n + c]).then(x.cmp(&y)))
            .unwrap_or(root);
    }
    // Find a cycle.
    let mut cycle: Option<Vec<usize>> = None;
    let mut color = vec![0u8; n]; // 0 unvisited, 1 on the current path, 2 done
    for start in 0..n {
        if color[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut v = start;
        while v != usize::MAX && v != root && color[v] == 0 {
            color[v] = 1;
            path.push(v);
            v = parent[v];
        }
        if v != usize::MAX && v != root && color[v] == 1 {
            let at = path.iter().position(|&x| x == v).unwrap_or(0);
            cycle = Some(path[at..].to_vec());
        }
        for &x in &path {
            color[x] = 2;
        }
        if cycle.is_some() {
            break;
        }
    }
    let Some(cycle) = cycle else {
        return parent;
    };
    // Contract the cycle into one node and solve the smaller problem.
    let in_cycle = {
        let mut f = vec![false; n];
        for &c in &cycle {
            f[c] = true;
        }
        f
    };
    let mut map = vec![0usize; n];
    let mut m = 0;
    for v in 0..n {
        if !in_cycle[v] {
            map[v] = m;
            m += 1;
        }
    }
    let cnode = m;
    let m = m + 1;
    let mut w2 = vec![f64::INFINITY; m * m];
    // Which original edge each contracted edge stands for.
    let mut into_cycle = vec![(usize::MAX, usize::MAX); m];
    let mut out_of_cycle = vec![usize::MAX; m];
    for p in 0..n {
        for c in 0..n {
            if p == c || c == root {
                continue;
            }
            let wc = w[p * n + c];
            match (in_cycle[p], in_cycle[c]) {
                (false, false) => w2[map[p] * m + map[c]] = wc,
                (false, true) => {
                    let adj = wc - w[parent[c] * n + c];
                    if adj < w2[map[p] * m + cnode] {
                        w2[map[p] * m + cnode] = adj;
                        into_cycle[map[p]] = (p, c);
                    }
                }
                (true, false) => {
                    if wc < w2[cnode * m + map[c]] {
                        w2[cnode * m + map[c]] = wc;
                        out_of_cycle[map[c]] = p;
                    }
                }
                (true, true) => {}
            }
        }
    }
    let root2 = map[root];
    let sub = arborescence(m, root2, &w2);
    let mut unmap = vec![usize::MAX; m];
    for v in 0..n {
        if !in_cycle[v] {
            unmap[map[v]] = v;
        }
    }
    let mut out = parent.clone();
    for v2 in 0..m {
        if v2 == root2 || v2 == cnode {
            continue;
        }
        let v = unmap[v2];
        let p2 = sub[v2];
        out[v] = if p2 == cnode {
            out_of_cycle[v2]
        } else {
            unmap[p2]
        };
    }
    // The cycle is broken where the contracted node's parent enters it.
    let p2 = sub[cnode];
    if p2 < m {
        let (p, c) = into_cycle[p2];
        if c < n {
            out[c] = p;
        }
    }
    out[root] = usize::MAX;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{SpanMatch, TokenRange};
    use crate::cluster::ClusterMember;

    #[test]
    fn cohesion_from_flags_equals_cohesion_from_text() {
        use crate::segment::{NewsSegmenter, Segmenter};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
        let text = [
            "seed/000_1da12e83afc5f8cf.txt",
            "eval/reuse/clough-stevenson/orig_taskb.txt",
        ]
        .iter()
        .filter_map(|f| std::fs::read_to_string(format!("{dir}/{f}")).ok())
        .collect::<Vec<_>>()
        .join("\n«Ещё» текст — Zürich’s “quoted” naïve résumé 12345 ab1cd\n");
        let tokens = NewsSegmenter.tokens(&text);
        assert!(tokens.len() > 400);
        let flags = distinctive_flags(&text, &tokens);
        let n = tokens.len() as u32;
        let mut some = 0;
        for start in (0..n).step_by(37) {
            for len in [1, 8, 40, 120, 400] {
                let r = TokenRange {
                    start,
                    end: (start + len).min(n + 3),
                };
                let want = context_cohesion(&text, &tokens, r);
                assert_eq!(context_cohesion_flagged(&tokens, &flags, r), want);
                some += usize::from(want.is_some());
            }
        }
        assert!(some > 10);
    }

    #[test]
    fn credit_lines_are_found_in_their_usual_forms() {
        let text = "Source: Sputnik\nBody text here. More body.\nOriginally published by TASS.\n\
                    This article first appeared on The Conversation.\nRead more at rt.com\n\
                    (c) Reuters 2022\n© 2022 Agence France-Presse. All rights reserved.\n\
                    The source: of trouble is not a credit line, nor is this sentence about sources.";
        let got = credit_lines(text);
        assert_eq!(
            got,
            vec![
                "Sputnik",
                "TASS",
                "The Conversation",
                "rt.com",
                "Reuters 2022",
                "Agence France-Presse"
            ]
        );
    }

    #[test]
    fn credits_match_sources_by_name_or_host() {
        assert!(source_matches("Sputnik", "sputniknews.com"));
        assert!(source_matches("rt.com", "www.rt.com"));
        assert!(source_matches("The Guardian", "theguardian.com"));
        assert!(source_matches("outlet-022.example", "outlet-022.example"));
        assert!(!source_matches("outlet-022.example", "outlet-023.example"));
        assert!(!source_matches("AP", "apple.com"));
        assert!(!source_matches("Reuters 2022", "tass.com"));
    }

    #[test]
    fn arborescence_breaks_cycles_optimally() {
        // 0 is the root; 1 and 2 prefer each other, the cheapest entry into the pair is 0->2.
        let inf = 1e9;
        let w = vec![
            inf, 10.0, 5.0, //
            inf, inf, 1.0, //
            inf, 1.0, inf,
        ];
        let p = arborescence(3, 0, &w);
        assert_eq!(p, vec![usize::MAX, 2, 0]);
        // A chain: 0 -> 1 -> 2 -> 3.
        let mut w = vec![50.0; 16];
        w[1] = 1.0;
        w[4 + 2] = 1.0;
        w[2 * 4 + 3] = 1.0;
        assert_eq!(arborescence(4, 0, &w), vec![usize::MAX, 0, 1, 2]);
    }

    // ---- provenance over hand-made clusters ----

    struct Member {
        id: &'static str,
        source: &'static str,
        date: Option<&'static str>,
        credit: Option<&'static str>,
        words: u32,
    }

    fn facts(m: &Member) -> DocFacts {
        DocFacts {
            id: DocId::new(m.id),
            source: SourceId::new(m.source),
            published: m.date.and_then(Published::parse),
            credits: m.credit.map(|c| vec![c.to_string()]).unwrap_or_default(),
        }
    }

    /// `links`: (a, b, aligned word pairs, word edits).
    fn rank(members: &[Member], links: &[(usize, usize, u32, u32)]) -> ReuseCluster {
        let alignments: Vec<Alignment> = links
            .iter()
            .map(|&(a, b, pairs, edits)| Alignment {
                a: DocId::new(members[a].id),
                b: DocId::new(members[b].id),
                span: SpanMatch {
                    a: ByteSpan::new(0, 100),
                    b: ByteSpan::new(0, 100),
                    a_tokens: TokenRange {
                        start: 0,
                        end: pairs,
                    },
                    b_tokens: TokenRange {
                        start: 0,
                        end: pairs,
                    },
                    matches: pairs - edits.min(pairs),
                    variants: 0,
                    mismatches: edits.min(pairs),
                    short_gaps: 0,
                    a_gap_words: 0,
                    b_gap_words: 0,
                    score: 1,
                    a_context: None,
                    b_context: None,
                    paraphrase: None,
                    a_words: None,
                    b_words: None,
                },
            })
            .collect();
        let cluster = Cluster {
            members: members
                .iter()
                .map(|m| ClusterMember {
                    doc: DocId::new(m.id),
                    span: ByteSpan::new(0, 100),
                    tokens: TokenRange {
                        start: 0,
                        end: m.words,
                    },
                })
                .collect(),
            alignments: (0..alignments.len()).collect(),
        };
        let f: Vec<DocFacts> = members.iter().map(facts).collect();
        let lookup = |id: &DocId| f.iter().find(|x| &x.id == id);
        ProvenanceRanker::default().rank(&cluster, &alignments, &lookup)
    }

    fn parent_of<'a>(c: &'a ReuseCluster, id: &str) -> Option<&'a str> {
        c.members
            .iter()
            .find(|m| m.doc.as_str() == id)
            .and_then(|m| m.parent.as_ref())
            .map(|p| p.as_str())
    }

    fn m(id: &'static str, source: &'static str, date: Option<&'static str>, words: u32) -> Member {
        Member {
            id,
            source,
            date,
            credit: None,
            words,
        }
    }

    #[test]
    fn timestamps_order_verbatim_copies() {
        let c = rank(
            &[
                m("copy", "b.example", Some("2022-01-05T10:00:00Z"), 100),
                m("orig", "a.example", Some("2022-01-05T08:00:00Z"), 100),
            ],
            &[(0, 1, 100, 0)],
        );
        assert_eq!(c.origin.as_ref().map(|d| d.as_str()), Some("orig"));
        assert_eq!(parent_of(&c, "copy"), Some("orig"));
        assert_eq!(c.earliest, vec![DocId::new("orig")]);
    }

    #[test]
    fn a_bare_day_ties_and_the_alignment_decides() {
        // The copy has a timestamp earlier in the day than midnight-of-day would suggest is
        // late, but the day-only original is longer: the copy dropped text.
        let c = rank(
            &[
                m("orig", "a.example", Some("2022-01-05"), 150),
                m("copy", "b.example", Some("2022-01-05T03:00:00Z"), 100),
            ],
            &[(0, 1, 100, 2)],
        );
        assert_eq!(c.origin.as_ref().map(|d| d.as_str()), Some("orig"));
        assert_eq!(c.earliest.len(), 2, "a day ties with a time that day");
    }

    #[test]
    fn missing_dates_are_unknown_not_early() {
        // The undated document is a trimmed copy; the dated one is the origin even though
        // "no date" would sort first as the epoch.
        let c = rank(
            &[
                m("undated", "b.example", None, 80),
                m("orig", "a.example", Some("2022-01-05T08:00:00Z"), 120),
            ],
            &[(0, 1, 80, 1)],
        );
        assert_eq!(c.origin.as_ref().map(|d| d.as_str()), Some("orig"));
        assert!(c.earliest.iter().all(|d| d.as_str() == "orig"));
    }

    #[test]
    fn a_credit_line_names_the_parent() {
        // Three verbatim copies on one day: only the credit line tells c2 came from c1.
        let mut c2 = m("c2", "c.example", Some("2022-01-05"), 100);
        c2.credit = Some("b.example");
        let c = rank(
            &[
                m("orig", "a.example", Some("2022-01-05"), 100),
                m("c1", "b.example", Some("2022-01-05"), 100),
                c2,
            ],
            &[(0, 1, 100, 0), (0, 2, 100, 0), (1, 2, 100, 0)],
        );
        assert_eq!(parent_of(&c, "c2"), Some("c1"));
        assert_ne!(c.origin.as_ref().map(|d| d.as_str()), Some("c2"));
    }

    #[test]
    fn a_copy_of_a_copy_is_closest_to_its_parent() {
        // orig -> c1 (5 edits) -> c2 (5 more): c2 is 5 edits from c1 and 10 from orig; all
        // on the same day.
        // The origin is longer: both copies trimmed it.
        let c = rank(
            &[
                m("orig", "a.example", Some("2022-01-05"), 120),
                m("c1", "b.example", Some("2022-01-05"), 100),
                m("c2", "c.example", Some("2022-01-05"), 100),
            ],
            &[(0, 1, 100, 5), (1, 2, 100, 5), (0, 2, 100, 10)],
        );
        assert_eq!(c.origin.as_ref().map(|d| d.as_str()), Some("orig"));
        assert_eq!(parent_of(&c, "c1"), Some("orig"));
        assert_eq!(parent_of(&c, "c2"), Some("c1"));
        // Swap the evidence and the answer changes: the test can fail.
        let c = rank(
            &[
                m("orig", "a.example", Some("2022-01-05"), 120),
                m("c1", "b.example", Some("2022-01-05"), 100),
                m("c2", "c.example", Some("2022-01-05"), 100),
            ],
            &[(0, 1, 100, 5), (1, 2, 100, 10), (0, 2, 100, 5)],
        );
        assert_eq!(parent_of(&c, "c2"), Some("orig"));
    }

    #[test]
    fn the_origin_is_the_text_every_copy_is_closest_to() {
        // No dates at all: the star's centre is the origin.
        let c = rank(
            &[
                m("x1", "b.example", None, 100),
                m("hub", "a.example", None, 100),
                m("x2", "c.example", None, 100),
                m("x3", "d.example", None, 100),
            ],
            &[
                (1, 0, 100, 4),
                (1, 2, 100, 4),
                (1, 3, 100, 4),
                (0, 2, 100, 8),
                (0, 3, 100, 8),
                (2, 3, 100, 8),
            ],
        );
        assert_eq!(c.origin.as_ref().map(|d| d.as_str()), Some("hub"));
        assert!(c.members.iter().filter(|m| m.parent.is_none()).count() == 1);
    }
}
