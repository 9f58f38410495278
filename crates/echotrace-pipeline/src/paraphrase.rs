//! The paraphrase stage: sentence pairs that share rare words, embedded, scored, and the
//! confirmed ones stored as alignments of kind `paraphrase`, which clustering merges into the
//! reuse clusters.

use crate::PipelineError;
use echotrace_core::{ByteSpan, DocId, Document};
use echotrace_paraphrase::{
    cosine, passages, EncodedText, LexicalCheck, PairFeatures, ParaphraseScorer, SentenceEncoder,
    SentenceIndex, SentenceIndexConfig, SentencePair, SentenceSource,
};
use echotrace_reuse::{NewsSegmenter, Segmenter, SpanMatch, Token, TokenRange};
use echotrace_store::{AlignmentKind, Store, StoredAlignment, StoredVector};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// The analysis-state key of the paraphrase stage's sentence index.
pub(crate) const PARAPHRASE_INDEX: &str = "paraphrase.index";

/// What the paraphrase stage needs: a sentence model and the decision on its scores.
#[derive(Clone)]
pub struct ParaphraseSettings {
    pub encoder: Arc<dyn SentenceEncoder>,
    pub scorer: ParaphraseScorer,
    pub index: SentenceIndexConfig,
    /// Words a clause passage of a sentence needs to be compared on its own (see
    /// [`echotrace_paraphrase::passages`]).
    pub min_passage_words: usize,
    /// Whole-sentence cosine below which a candidate pair is not compared by clause.
    pub passage_floor: f64,
}

impl ParaphraseSettings {
    pub fn new(encoder: Arc<dyn SentenceEncoder>) -> Self {
        ParaphraseSettings {
            encoder,
            scorer: ParaphraseScorer::default(),
            index: SentenceIndexConfig::default(),
            min_passage_words: 8,
            passage_floor: 0.4,
        }
    }
}

impl std::fmt::Debug for ParaphraseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParaphraseSettings")
            .field("model", &self.encoder.model_name())
            .field("scorer", &self.scorer)
            .field("index", &self.index)
            .finish()
    }
}

/// Word overlap (Jaccard) from which two passages are the same text, not a paraphrase.
const VERBATIM_OVERLAP: f32 = 0.9;

/// What one batch found.
#[derive(Default)]
pub(crate) struct BatchOutcome {
    pub alignments: Vec<StoredAlignment>,
    pub vectors: Vec<StoredVector>,
    pub candidates: u64,
    pub embedded: u64,
}

/// Two spans of one document are the same sentence when they overlap by half of the shorter.
fn overlaps(a: ByteSpan, b: ByteSpan) -> bool {
    let ov = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    2 * ov >= a.len().min(b.len()).max(1)
}

/// Runs one batch: index `docs`, keep the candidate pairs that are not both copies already,
/// embed what is not embedded yet, and score.
pub(crate) fn run_batch(
    settings: &ParaphraseSettings,
    index: &mut SentenceIndex,
    docs: &[Document],
    store: &Store,
) -> Result<BatchOutcome, PipelineError> {
    let sources: Vec<SentenceSource> = docs
        .iter()
        .map(|d| SentenceSource {
            id: &d.id,
            text: &d.text,
            body: d.body,
        })
        .collect();
    let pairs = index.add(&sources);
    let mut outcome = BatchOutcome {
        candidates: pairs.len() as u64,
        ..BatchOutcome::default()
    };
    if pairs.is_empty() {
        return Ok(outcome);
    }

    // Spans of each document involved that are already in word-aligned reuse, with the
    // document each is aligned with. Two sentences that are word-aligned copies of a common
    // document (or of each other's documents) have their relation on record; looking again
    // would cost an embedding per sentence of every copy of every story. Two sentences in
    // reuse with different documents (a lead copied by one outlet, its rewrite copied by
    // another) are still compared: a paraphrase joins their clusters.
    let involved: FxHashSet<&DocId> = docs
        .iter()
        .map(|d| &d.id)
        .chain(pairs.iter().map(|p| &p.older.0))
        .collect();
    let mut in_reuse: FxHashMap<DocId, Vec<(ByteSpan, DocId)>> = FxHashMap::default();
    for id in involved {
        let spans = in_reuse.entry(id.clone()).or_default();
        for al in store.alignments_of(id)? {
            if al.kind == AlignmentKind::Lexical {
                if &al.a == id {
                    spans.push((al.a_span, al.b.clone()));
                }
                if &al.b == id {
                    spans.push((al.b_span, al.a.clone()));
                }
            }
        }
    }
    let partners = |(doc, span): &(DocId, ByteSpan)| -> FxHashSet<&DocId> {
        in_reuse
            .get(doc)
            .map(|spans| {
                spans
                    .iter()
                    .filter(|(s, _)| overlaps(*s, *span))
                    .map(|(_, other)| other)
                    .collect()
            })
            .unwrap_or_default()
    };
    let known = |p: &SentencePair| {
        let (a, b) = (partners(&p.older), partners(&p.newer));
        (a.contains(&p.newer.0) && b.contains(&p.older.0)) || a.intersection(&b).next().is_some()
    };
    let pairs: Vec<SentencePair> = pairs.into_iter().filter(|p| !known(p)).collect();
    if pairs.is_empty() {
        return Ok(outcome);
    }

    // Texts of every document involved: the batch, and the older side of its pairs.
    let mut texts: FxHashMap<DocId, Arc<str>> = docs
        .iter()
        .map(|d| (d.id.clone(), Arc::from(d.text.as_str())))
        .collect();
    let model = settings.encoder.model_name().to_string();
    let mut vectors: FxHashMap<(DocId, ByteSpan), Vec<f32>> = FxHashMap::default();
    let older: FxHashSet<&DocId> = pairs
        .iter()
        .map(|p| &p.older.0)
        .filter(|d| !texts.contains_key(*d))
        .collect();
    for id in older {
        let Some(doc) = store.document(id)? else {
            continue;
        };
        for v in store.sentence_vectors(id, &model)? {
            vectors.insert((v.doc, v.span), v.vector);
        }
        texts.insert(doc.id.clone(), Arc::from(doc.text.as_str()));
    }
    // Words of every document involved, for the passages of its sentences and the alignment.
    let segmenter = NewsSegmenter;
    let tokens: FxHashMap<DocId, Vec<Token>> = texts
        .iter()
        .map(|(id, t)| (id.clone(), segmenter.tokens(t)))
        .collect();
    let empty: Vec<Token> = Vec::new();
    let passages_of = |(doc, span): &(DocId, ByteSpan)| -> Vec<ByteSpan> {
        match texts.get(doc) {
            Some(t) => passages(
                t,
                *span,
                tokens.get(doc).unwrap_or(&empty),
                settings.min_passage_words,
            ),
            None => Vec::new(),
        }
    };
    let slice = |(doc, span): &(DocId, ByteSpan)| -> Option<&str> {
        texts.get(doc).and_then(|t| t.get(span.start..span.end))
    };
    // Embeds what is not embedded yet (each span once), keeping the new vectors for the store.
    // The word-piece vectors of what this batch embeds are kept for the batch (the scorer
    // reads them; they are too large to store), so a chosen passage is encoded again only when
    // its vector came from the store.
    let mut encoded: FxHashMap<(DocId, ByteSpan), EncodedText> = FxHashMap::default();
    let embed = |keys: Vec<(DocId, ByteSpan)>,
                 vectors: &mut FxHashMap<(DocId, ByteSpan), Vec<f32>>,
                 encoded: &mut FxHashMap<(DocId, ByteSpan), EncodedText>,
                 outcome: &mut BatchOutcome|
     -> Result<(), PipelineError> {
        let mut seen: FxHashSet<(DocId, ByteSpan)> = FxHashSet::default();
        let wanted: Vec<((DocId, ByteSpan), &str)> = keys
            .into_iter()
            .filter(|k| !vectors.contains_key(k) && seen.insert(k.clone()))
            .filter_map(|k| slice(&k).map(|s| (k, s)))
            .collect();
        let inputs: Vec<&str> = wanted.iter().map(|(_, s)| *s).collect();
        let embedded = settings
            .encoder
            .encode_tokens(&inputs)
            .map_err(|e| PipelineError::Model(e.to_string()))?;
        outcome.embedded += embedded.len() as u64;
        for ((key, _), e) in wanted.into_iter().zip(embedded) {
            outcome.vectors.push(StoredVector {
                doc: key.0.clone(),
                span: key.1,
                vector: e.vector.clone(),
            });
            vectors.insert(key.clone(), e.vector.clone());
            encoded.insert(key, e);
        }
        Ok(())
    };

    // Round one: whole sentences. Pairs whose sentences are far apart in meaning stop here;
    // the seed's versions of its lead sit at 0.47–0.49 whole and 0.85–0.89 by clause, while
    // unrelated sentences that share a name sit lower.
    let sentences: Vec<(DocId, ByteSpan)> = pairs
        .iter()
        .flat_map(|p| [p.older.clone(), p.newer.clone()])
        .collect();
    embed(sentences, &mut vectors, &mut encoded, &mut outcome)?;
    let pairs: Vec<&SentencePair> = pairs
        .iter()
        .filter(|p| match (vectors.get(&p.older), vectors.get(&p.newer)) {
            (Some(a), Some(b)) => f64::from(cosine(a, b)) >= settings.passage_floor,
            _ => false,
        })
        .collect();

    // Round two: the clause passages of the pairs still in the running.
    let pair_passages: Vec<(Vec<ByteSpan>, Vec<ByteSpan>)> = pairs
        .iter()
        .map(|p| (passages_of(&p.older), passages_of(&p.newer)))
        .collect();
    let passage_keys: Vec<(DocId, ByteSpan)> = pairs
        .iter()
        .zip(&pair_passages)
        .flat_map(|(p, (pa, pb))| {
            pa.iter()
                .map(|&s| (p.older.0.clone(), s))
                .chain(pb.iter().map(|&s| (p.newer.0.clone(), s)))
        })
        .collect();
    embed(passage_keys, &mut vectors, &mut encoded, &mut outcome)?;

    // Each pair is decided on its closest pair of passages (by cosine), compared word by word.
    let mut chosen: Vec<(&SentencePair, f32, ByteSpan, ByteSpan, &str, &str)> = Vec::new();
    for (p, (pa, pb)) in pairs.iter().zip(&pair_passages) {
        let mut best: Option<(f32, ByteSpan, ByteSpan, &str, &str)> = None;
        for &sa in pa {
            for &sb in pb {
                let (ka, kb) = ((p.older.0.clone(), sa), (p.newer.0.clone(), sb));
                let (Some(va), Some(vb)) = (vectors.get(&ka), vectors.get(&kb)) else {
                    continue;
                };
                let (Some(ta), Some(tb)) = (slice(&ka), slice(&kb)) else {
                    continue;
                };
                // Within one document a passage is never its own paraphrase.
                if p.older.0 == p.newer.0 && sa.start < sb.end && sb.start < sa.end {
                    continue;
                }
                let cos = cosine(va, vb);
                if best.is_some_and(|b| cos <= b.0) {
                    continue;
                }
                // Contradicting figures are two facts, and a denial is not its claim; the same
                // words are a verbatim repeat, the lexical stage's to take or leave (it leaves
                // stock lines), not a rewrite.
                let lexical = LexicalCheck::new(ta, tb);
                if lexical.numbers_conflict
                    || lexical.polarity_conflict
                    || lexical.word_overlap >= VERBATIM_OVERLAP
                {
                    continue;
                }
                best = Some((cos, sa, sb, ta, tb));
            }
        }
        if let Some((cos, sa, sb, ta, tb)) = best {
            chosen.push((p, cos, sa, sb, ta, tb));
        }
    }
    // Passages whose vectors came from the store have no word-piece vectors yet.
    let mut seen: FxHashSet<(DocId, ByteSpan)> = FxHashSet::default();
    let missing: Vec<((DocId, ByteSpan), &str)> = chosen
        .iter()
        .flat_map(|&(p, _, sa, sb, ta, tb)| {
            [((p.older.0.clone(), sa), ta), ((p.newer.0.clone(), sb), tb)]
        })
        .filter(|(k, _)| !encoded.contains_key(k) && seen.insert(k.clone()))
        .collect();
    let inputs: Vec<&str> = missing.iter().map(|(_, t)| *t).collect();
    let again = settings
        .encoder
        .encode_tokens(&inputs)
        .map_err(|e| PipelineError::Model(e.to_string()))?;
    outcome.embedded += again.len() as u64;
    for ((key, _), e) in missing.into_iter().zip(again) {
        encoded.insert(key, e);
    }
    // Outside the region the scorer was fitted on, its probability is a guess.
    let covered: Vec<_> = chosen
        .iter()
        .filter_map(|&(p, cos, sa, sb, ta, tb)| {
            let ea = encoded.get(&(p.older.0.clone(), sa))?;
            let eb = encoded.get(&(p.newer.0.clone(), sb))?;
            let features = PairFeatures::new(ta, tb, ea, eb);
            settings
                .scorer
                .covers(&features)
                .then_some((p, cos, sa, sb, (ta, tb), features))
        })
        .collect();
    // The cross-encoder reads both texts of a pair at once: only pairs that are to be decided.
    let texts: Vec<(&str, &str)> = covered.iter().map(|c| c.4).collect();
    let cross = settings
        .encoder
        .pair_probabilities(&texts)
        .map_err(|e| PipelineError::Model(e.to_string()))?;
    let mut stored: FxHashSet<(DocId, ByteSpan, DocId, ByteSpan)> = FxHashSet::default();
    for (i, (p, cos, sa, sb, _, features)) in covered.into_iter().enumerate() {
        let features = features.with_cross(cross.as_ref().and_then(|c| c.get(i).copied()));
        let prob = settings.scorer.probability(&features);
        if prob < settings.scorer.threshold
            || !stored.insert((p.older.0.clone(), sa, p.newer.0.clone(), sb))
        {
            continue;
        }
        let span = paraphrase_span(
            tokens.get(&p.older.0).unwrap_or(&empty),
            sa,
            tokens.get(&p.newer.0).unwrap_or(&empty),
            sb,
            prob as f32,
        );
        let mut detail = serde_json::to_value(span).map_err(|e| PipelineError::Encode {
            what: "a paraphrase alignment",
            reason: e.to_string(),
        })?;
        if let serde_json::Value::Object(fields) = &mut detail {
            fields.insert("cosine".into(), serde_json::json!(cos));
        }
        outcome.alignments.push(StoredAlignment {
            a: p.older.0.clone(),
            a_span: sa,
            b: p.newer.0.clone(),
            b_span: sb,
            score: prob,
            identity: f64::from(span.identity()),
            detail,
            kind: AlignmentKind::Paraphrase,
        });
    }
    Ok(outcome)
}

/// The tokens of `tokens` inside `span`.
fn token_range(tokens: &[Token], span: ByteSpan) -> TokenRange {
    let start = tokens.partition_point(|t| (t.start as usize) < span.start);
    let end = tokens.partition_point(|t| (t.end as usize) <= span.end);
    TokenRange {
        start: start as u32,
        end: end.max(start) as u32,
    }
}

/// A paraphrase as the clustering and provenance stages read alignments: the two sentences,
/// their words, and a bag-of-words comparison in place of an alignment's word counts (shared
/// words as matches, the rest of the shorter side as substitutions, the surplus of the longer
/// as a gap), so that a rewrite always looks further from its source than a copy does.
fn paraphrase_span(
    a_tokens: &[Token],
    a: ByteSpan,
    b_tokens: &[Token],
    b: ByteSpan,
    prob: f32,
) -> SpanMatch {
    let (ra, rb) = (token_range(a_tokens, a), token_range(b_tokens, b));
    let keys = |toks: &[Token], r: TokenRange| -> FxHashMap<u64, u32> {
        let mut m = FxHashMap::default();
        for t in toks.get(r.start as usize..r.end as usize).unwrap_or(&[]) {
            *m.entry(t.variant).or_insert(0) += 1;
        }
        m
    };
    let (ka, kb) = (keys(a_tokens, ra), keys(b_tokens, rb));
    let shared: u32 = ka
        .iter()
        .map(|(k, &n)| n.min(kb.get(k).copied().unwrap_or(0)))
        .sum();
    let (la, lb) = (ra.len(), rb.len());
    let common = la.min(lb);
    SpanMatch {
        a,
        b,
        a_tokens: ra,
        b_tokens: rb,
        matches: shared.min(common),
        variants: 0,
        mismatches: common.saturating_sub(shared),
        short_gaps: 0,
        a_gap_words: la - common,
        b_gap_words: lb - common,
        score: (prob * 100.0).round() as i32,
        a_context: None,
        b_context: None,
        paraphrase: Some(prob),
        a_words: Some(a_tokens.len() as u32),
        b_words: Some(b_tokens.len() as u32),
    }
}
