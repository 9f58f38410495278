//! Reuse clusters: one piece of text and all its copies.
//!
//! Every alignment links a span of one document to a span of another. Spans of one document
//! that overlap substantially are the same piece of text, so the clusters are the connected
//! components of "aligned with" ∪ "overlaps in the same document". A document can be in many
//! clusters (an article quoting two wire stories) and a cluster holds only the part of each
//! document that is shared.

use crate::align::{SpanMatch, TokenRange};
use echotrace_core::{ByteSpan, DocId};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A local alignment between two documents (`a == b` for text repeated inside one document).
/// This is what the store persists per candidate pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub a: DocId,
    pub b: DocId,
    pub span: SpanMatch,
}

/// One document's share of a cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterMember {
    pub doc: DocId,
    pub span: ByteSpan,
    pub tokens: TokenRange,
}

/// A cluster before provenance: its members and the alignments that made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub members: Vec<ClusterMember>,
    /// Indices into the alignment slice the cluster was built from.
    pub alignments: Vec<usize>,
}

/// How spans are merged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterConfig {
    /// Two spans of one document are the same text when they overlap by this share of the
    /// shorter one.
    pub min_overlap: f32,
    /// Spans of one document in one cluster closer than this (bytes) become one member: the
    /// pieces around a dropped or moved sentence.
    pub merge_gap: usize,
    /// A span shorter than this (bytes) joins an overlapping longer one only if it covers
    /// half of it.
    pub min_join_bytes: usize,
    /// Whether text repeated inside one document joins clusters with other documents.
    pub join_self: bool,
    /// Pairs of documents that share fewer words than this (over all their alignments) stay
    /// out of clusters. Higher than the aligner's minimum: formulae of eight to a dozen words (`is projected to reach … by`,
    /// `according to the Centers for Disease Control and Prevention`) recur between unrelated
    /// articles, and one such phrase would put two documents in one cluster.
    pub min_words: u32,
    /// A pair sharing fewer than `min_words` words is kept when its spans cover at least this
    /// share of one document's words: a short item that is wholly a piece of another text (a
    /// brief, a teaser, one paragraph reposted) is a copy however short, while the same few
    /// words shared by two long articles are a formula. The aligner's own minimum still holds.
    pub whole_copy_share: f32,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            min_overlap: 0.5,
            merge_gap: 400,
            min_join_bytes: 100,
            join_self: false,
            min_words: 15,
            whole_copy_share: 0.6,
        }
    }
}

/// Builds clusters from alignments. Cheap (no text is read), so it is rerun over all stored
/// alignments after each incremental analysis.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClusterBuilder {
    pub config: ClusterConfig,
}

/// A document by number: documents are numbered in the order of their ids, so comparing
/// numbers compares ids. Clustering hashes, sorts and compares document ids for every end of
/// every alignment; as strings that was most of its time on a large corpus.
type DocNo = u32;

/// The documents of `alignments`, numbered in id order, and the numbers of each alignment's
/// two documents.
fn number_documents(alignments: &[Alignment]) -> (Vec<&DocId>, Vec<(DocNo, DocNo)>) {
    let mut numbers: FxHashMap<&DocId, DocNo> = FxHashMap::default();
    let mut ids: Vec<&DocId> = Vec::new();
    let mut ends: Vec<(DocNo, DocNo)> = Vec::with_capacity(alignments.len());
    for al in alignments {
        let mut number = |id| {
            *numbers.entry(id).or_insert_with(|| {
                ids.push(id);
                (ids.len() - 1) as DocNo
            })
        };
        let a = number(&al.a);
        let b = number(&al.b);
        ends.push((a, b));
    }
    // Renumber in id order.
    let mut order: Vec<DocNo> = (0..ids.len() as DocNo).collect();
    order.sort_unstable_by(|&x, &y| ids[x as usize].cmp(ids[y as usize]));
    let mut rank = vec![0 as DocNo; ids.len()];
    for (r, &x) in order.iter().enumerate() {
        rank[x as usize] = r as DocNo;
    }
    let sorted: Vec<&DocId> = order.iter().map(|&x| ids[x as usize]).collect();
    for e in &mut ends {
        *e = (rank[e.0 as usize], rank[e.1 as usize]);
    }
    (sorted, ends)
}

fn pair_key((a, b): (DocNo, DocNo)) -> (DocNo, DocNo) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// What two documents share over all their alignments: words, and for each document (the
/// pair's lower number first) the words its spans cover and its length.
#[derive(Default)]
struct PairWords {
    shared: u32,
    cover: [(u32, u32); 2],
}

impl PairWords {
    /// Whether the pair passes the word floor, or covers most of one of its documents.
    fn meets(&self, config: &ClusterConfig) -> bool {
        self.shared >= config.min_words
            || self
                .cover
                .iter()
                .any(|&(n, words)| words > 0 && n as f32 >= config.whole_copy_share * words as f32)
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// One end of an alignment: node `2x` is side `a` of alignment `x`, `2x + 1` side `b`.
#[derive(Clone, Copy)]
struct End {
    node: usize,
    span: ByteSpan,
    tokens: TokenRange,
}

impl ClusterBuilder {
    pub fn new(config: ClusterConfig) -> Self {
        ClusterBuilder { config }
    }

    pub fn build(&self, alignments: &[Alignment]) -> Vec<Cluster> {
        let (ids, docs) = number_documents(alignments);
        let mut uf = UnionFind((0..alignments.len() * 2).collect());
        // Keyed by document and whether the end belongs to a self-alignment: unless configured
        // otherwise, text a page repeats inside itself (list templates, a repeated lead) forms
        // clusters of its own instead of joining the page's copies elsewhere.
        let mut by_doc: FxHashMap<(DocNo, bool), Vec<End>> = FxHashMap::default();
        // What each pair of documents shares over all its alignments.
        let mut pairs: FxHashMap<(DocNo, DocNo), PairWords> = FxHashMap::default();
        for (al, &d) in alignments.iter().zip(&docs) {
            let key = pair_key(d);
            let p = pairs.entry(key).or_default();
            p.shared += al.span.matches + al.span.variants;
            if d.0 == d.1 || al.span.paraphrase.is_some() {
                continue;
            }
            for (doc, tokens, words) in [
                (d.0, al.span.a_tokens, al.span.a_words),
                (d.1, al.span.b_tokens, al.span.b_words),
            ] {
                if let Some(words) = words {
                    let side = &mut p.cover[usize::from(doc != key.0)];
                    side.0 += tokens.len();
                    side.1 = words;
                }
            }
        }
        // A paraphrase was confirmed on its meaning, not on shared words: the word floor,
        // which keeps stock formulae out, does not apply to it.
        let kept = |x: usize| {
            alignments[x].span.paraphrase.is_some()
                || pairs
                    .get(&pair_key(docs[x]))
                    .is_some_and(|p| p.meets(&self.config))
        };
        for (x, al) in alignments.iter().enumerate() {
            if !kept(x) {
                continue;
            }
            uf.union(2 * x, 2 * x + 1);
            let (a, b) = docs[x];
            let own = a == b && !self.config.join_self;
            by_doc.entry((a, own)).or_default().push(End {
                node: 2 * x,
                span: al.span.a,
                tokens: al.span.a_tokens,
            });
            by_doc.entry((b, own)).or_default().push(End {
                node: 2 * x + 1,
                span: al.span.b,
                tokens: al.span.b_tokens,
            });
        }
        // Pieces of one pair's reuse split by a moved or dropped sentence lie close together in
        // both documents: they are one passage even though their spans do not overlap.
        let mut by_pair: FxHashMap<(DocNo, DocNo), Vec<usize>> = FxHashMap::default();
        for x in (0..alignments.len()).filter(|&x| kept(x)) {
            by_pair.entry(pair_key(docs[x])).or_default().push(x);
        }
        let gap = |p: ByteSpan, q: ByteSpan| {
            q.start
                .saturating_sub(p.end)
                .max(p.start.saturating_sub(q.end))
        };
        for xs in by_pair.values().filter(|xs| xs.len() > 1) {
            for (n, &x) in xs.iter().enumerate().take(64) {
                for &y in xs[n + 1..].iter().take(64) {
                    let (p, q) = (&alignments[x], &alignments[y]);
                    let (pa, pb) = if docs[x].0 == docs[y].0 {
                        (p.span.a, p.span.b)
                    } else {
                        (p.span.b, p.span.a)
                    };
                    if gap(pa, q.span.a) <= self.config.merge_gap
                        && gap(pb, q.span.b) <= self.config.merge_gap
                    {
                        uf.union(2 * x, 2 * y);
                    }
                }
            }
        }
        let min_overlap = self.config.min_overlap;
        for ends in by_doc.values_mut() {
            ends.sort_by_key(|e| (e.span.start, e.span.end));
            // Sweep: compare each span with the open spans that may still overlap it.
            let mut open: Vec<End> = Vec::new();
            for e in ends.iter() {
                open.retain(|o| o.span.end > e.span.start);
                for o in &open {
                    let ov = o.span.end.min(e.span.end) - e.span.start.max(o.span.start);
                    let shorter = o.span.len().min(e.span.len()).max(1);
                    let longer = o.span.len().max(e.span.len()).max(1);
                    // A short span (a stock phrase) inside a long passage is not the same
                    // text, or one shared phrase would chain unrelated clusters together.
                    let substantial = shorter >= self.config.min_join_bytes || 2 * ov >= longer;
                    if substantial && ov as f32 >= min_overlap * shorter as f32 {
                        uf.union(o.node, e.node);
                    }
                }
                open.push(*e);
                if open.len() > 64 {
                    // Bound the sweep on pathological inputs; keep the longest-reaching spans.
                    open.sort_by_key(|o| std::cmp::Reverse(o.span.end));
                    open.truncate(32);
                }
            }
        }
        // Group ends by component, then by document.
        let mut comps: FxHashMap<usize, Vec<(usize, DocNo, End)>> = FxHashMap::default();
        for ((doc, _), ends) in &by_doc {
            for e in ends {
                let root = uf.find(e.node);
                comps.entry(root).or_default().push((e.node / 2, *doc, *e));
            }
        }
        let mut clusters: Vec<Cluster> = comps
            .into_values()
            .map(|mut ends| {
                ends.sort_by(|x, y| x.1.cmp(&y.1).then(x.2.span.start.cmp(&y.2.span.start)));
                let mut indices: Vec<usize> = ends.iter().map(|e| e.0).collect();
                indices.sort_unstable();
                indices.dedup();
                Cluster {
                    members: self.members(&ids, &docs, &ends),
                    alignments: indices,
                }
            })
            .collect();
        fn first(c: &Cluster) -> Option<(&DocId, usize)> {
            c.members.first().map(|m| (&m.doc, m.span.start))
        }
        clusters.sort_by(|x, y| first(x).cmp(&first(y)));
        clusters
    }

    /// Merges the ends of one document into members. Overlapping ends merge; ends a little
    /// apart merge only when they come from the same pair of documents (the pieces around a
    /// sentence one of them dropped or moved), not when two different partners happen to land
    /// near each other. The two ends of one self-alignment (a passage repeated inside a page)
    /// stay apart.
    fn members(
        &self,
        ids: &[&DocId],
        docs: &[(DocNo, DocNo)],
        ends: &[(usize, DocNo, End)],
    ) -> Vec<ClusterMember> {
        let pair_of = |x: usize| pair_key(docs[x]);
        let is_self = |x: usize| docs[x].0 == docs[x].1;
        let mut out: Vec<ClusterMember> = Vec::new();
        let mut current: Vec<(usize, usize)> = Vec::new(); // (alignment, node) of the open member
        let mut current_doc: Option<DocNo> = None;
        for &(x, doc, e) in ends {
            let same_doc = current_doc == Some(doc);
            let (overlaps, near) = match out.last() {
                Some(m) if same_doc => (
                    e.span.start < m.span.end,
                    e.span.start <= m.span.end + self.config.merge_gap,
                ),
                _ => (false, false),
            };
            let splits_self = is_self(x) && current.iter().any(|&(y, n)| y == x && n != e.node);
            let same_pair = !is_self(x) && current.iter().any(|&(y, _)| pair_of(y) == pair_of(x));
            if !splits_self && (overlaps || (near && same_pair)) {
                if let Some(m) = out.last_mut() {
                    m.span.end = m.span.end.max(e.span.end);
                    m.tokens.end = m.tokens.end.max(e.tokens.end);
                    m.tokens.start = m.tokens.start.min(e.tokens.start);
                    current.push((x, e.node));
                }
                continue;
            }
            out.push(ClusterMember {
                doc: ids[doc as usize].clone(),
                span: e.span,
                tokens: e.tokens,
            });
            current.clear();
            current.push((x, e.node));
            current_doc = Some(doc);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn al(a: &str, (a0, a1): (usize, usize), b: &str, (b0, b1): (usize, usize)) -> Alignment {
        Alignment {
            a: DocId::new(a),
            b: DocId::new(b),
            span: SpanMatch {
                a: ByteSpan::new(a0, a1),
                b: ByteSpan::new(b0, b1),
                a_tokens: TokenRange {
                    start: a0 as u32 / 5,
                    end: a1 as u32 / 5,
                },
                b_tokens: TokenRange {
                    start: b0 as u32 / 5,
                    end: b1 as u32 / 5,
                },
                matches: 20,
                variants: 0,
                mismatches: 0,
                short_gaps: 0,
                a_gap_words: 0,
                b_gap_words: 0,
                score: 20,
                a_context: None,
                b_context: None,
                paraphrase: None,
                a_words: None,
                b_words: None,
            },
        }
    }

    #[test]
    fn overlapping_spans_join_and_disjoint_passages_do_not() {
        let alignments = vec![
            al("o", (0, 1000), "c1", (100, 1100)),
            al("c1", (150, 1000), "c2", (0, 850)),
            // c1 also embeds another story further down.
            al("c1", (2000, 2600), "x", (0, 600)),
        ];
        let clusters = ClusterBuilder::default().build(&alignments);
        assert_eq!(clusters.len(), 2);
        let sizes: Vec<usize> = clusters.iter().map(|c| c.members.len()).collect();
        assert!(sizes.contains(&3) && sizes.contains(&2));
        let big = clusters.iter().find(|c| c.members.len() == 3).unwrap();
        let c1 = big.members.iter().find(|m| m.doc.as_str() == "c1").unwrap();
        assert_eq!(c1.span, ByteSpan::new(100, 1100));
    }

    #[test]
    fn repeated_passage_in_one_document_gives_two_members() {
        let alignments = vec![al("seed", (100, 300), "seed", (700, 900))];
        let clusters = ClusterBuilder::default().build(&alignments);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 2);
        // Even when the copies are close together.
        let alignments = vec![al("seed", (100, 300), "seed", (320, 520))];
        assert_eq!(
            ClusterBuilder::default().build(&alignments)[0]
                .members
                .len(),
            2
        );
    }

    #[test]
    fn pieces_around_a_moved_sentence_are_one_member() {
        let alignments = vec![
            al("o", (0, 500), "c", (0, 500)),
            al("o", (500, 650), "c", (800, 950)),
            al("o", (650, 950), "c", (500, 800)),
        ];
        let clusters = ClusterBuilder::default().build(&alignments);
        // o's pieces touch; c's pieces touch: all one cluster with one member each.
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 2);
        assert_eq!(clusters[0].members[1].span, ByteSpan::new(0, 950));
    }

    #[test]
    fn pairs_sharing_only_a_stock_phrase_stay_out() {
        let mut phrase = al("p", (0, 60), "q", (500, 560));
        phrase.span.matches = 10;
        let clusters = ClusterBuilder::default().build(&[phrase.clone()]);
        assert!(clusters.is_empty());
        // Two phrases of one pair add up.
        let mut second = al("p", (200, 260), "q", (700, 760));
        second.span.matches = 10;
        assert_eq!(ClusterBuilder::default().build(&[phrase, second]).len(), 1);
    }

    #[test]
    fn empty_input() {
        assert!(ClusterBuilder::default().build(&[]).is_empty());
    }
}
