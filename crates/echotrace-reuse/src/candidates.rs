//! The candidate index: which documents are worth aligning with which.
//!
//! It is an inverted index from n-gram hash to the documents that contain it, as passim builds:
//! two documents become a candidate pair when they share at least
//! [`IndexConfig::min_shared`] n-grams whose document frequency is between 2 and
//! [`IndexConfig::max_df`]. An n-gram seen in more documents than that (boilerplate, stock
//! phrases, the bigram chains of a name) stops producing pairs and its posting list stops
//! growing, so common text can not blow up either the candidate lists or the memory.
//!
//! **Incremental.** [`CandidateIndex::add`] merge-joins the new documents' n-grams against the
//! postings and returns only pairs that involve a new document; nothing about the old documents
//! is recomputed. Its cost is the new documents' n-grams plus one sequential pass that merges
//! them into the sorted postings.
//!
//! **Persistence.** The whole state is plain sorted arrays (`u32` key, `u32` document number)
//! in 64 shards, and it derives `serde`: the store saves it as one blob after each analysis and
//! loads it before the next. A trait for the store to implement postings was the alternative;
//! it would push a document-frequency-capped merge join into SQL for no gain, since the arrays
//! are compact (8 bytes a posting) and loading them is a single read.

use echotrace_core::DocId;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;

/// What makes a pair of documents a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexConfig {
    /// N-grams in more documents than this produce no pairs (passim: 100).
    pub max_df: u32,
    /// Shared rare n-grams a pair needs (passim: 5).
    pub min_shared: u32,
    /// A document holding fewer postings than this is short (a brief, a teaser, a post of one
    /// paragraph): a pair with a short document needs only `min_shared_short` shared n-grams,
    /// since a 12-word item has only eight 5-grams and one edited word breaks five of them.
    /// What the pair shares is then judged by the aligner and by how much of the short
    /// document it covers ([`crate::cluster::ClusterConfig::whole_copy_share`]). Not saved with
    /// the index: a loaded index takes the defaults.
    #[serde(skip, default = "default_short_postings")]
    pub short_postings: u32,
    #[serde(skip, default = "default_min_shared_short")]
    pub min_shared_short: u32,
}

fn default_short_postings() -> u32 {
    40
}

fn default_min_shared_short() -> u32 {
    2
}

impl Default for IndexConfig {
    fn default() -> Self {
        IndexConfig {
            max_df: 100,
            min_shared: 5,
            short_postings: default_short_postings(),
            min_shared_short: default_min_shared_short(),
        }
    }
}

/// Two documents that share enough rare n-grams to be aligned. `a == b` means the document
/// repeats text inside itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidatePair {
    pub a: DocId,
    pub b: DocId,
    /// Distinct rare n-grams the two share (for `a == b`: n-grams that occur twice or more).
    pub shared: u32,
}

#[derive(Clone, Debug, Default)]
struct Shard {
    /// Sorted by `(key, doc)`; at most `max_df + 1` entries per key.
    keys: Vec<u32>,
    docs: Vec<u32>,
}

/// The shards as a sequence of byte strings ([`Shard::pack`]), unpacked on both cores.
mod packed {
    use super::Shard;
    use rayon::prelude::*;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    struct Packed<'a>(&'a Shard);

    impl Serialize for Packed<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&self.0.pack())
        }
    }

    /// A shard's bytes: borrowed from the input where the format allows (postcard reading a
    /// slice does), so that the saved index is not copied once more before it is decoded.
    enum Bytes<'de> {
        Borrowed(&'de [u8]),
        Owned(Vec<u8>),
    }

    impl Bytes<'_> {
        fn as_slice(&self) -> &[u8] {
            match self {
                Bytes::Borrowed(b) => b,
                Bytes::Owned(v) => v,
            }
        }
    }

    impl<'de> Deserialize<'de> for Bytes<'de> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Bytes<'de>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a packed index shard")
                }
                fn visit_borrowed_bytes<E: serde::de::Error>(
                    self,
                    v: &'de [u8],
                ) -> Result<Bytes<'de>, E> {
                    Ok(Bytes::Borrowed(v))
                }
                fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes<'de>, E> {
                    Ok(Bytes::Owned(v.to_vec()))
                }
                fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Bytes<'de>, E> {
                    Ok(Bytes::Owned(v))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(
                    self,
                    mut seq: A,
                ) -> Result<Bytes<'de>, A::Error> {
                    let mut v = Vec::new();
                    while let Some(b) = seq.next_element::<u8>()? {
                        v.push(b);
                    }
                    Ok(Bytes::Owned(v))
                }
            }
            deserializer.deserialize_bytes(Visitor)
        }
    }

    pub fn serialize<S: Serializer>(shards: &[Shard], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(shards.iter().map(Packed))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Shard>, D::Error> {
        let raw: Vec<Bytes<'de>> = Vec::deserialize(deserializer)?;
        raw.into_par_iter()
            .map(|b| Shard::unpack(b.as_slice()))
            .collect::<Option<Vec<Shard>>>()
            .ok_or_else(|| serde::de::Error::custom("a malformed index shard"))
    }
}

impl Shard {
    /// A shard is saved as one byte string: the number of postings, then each posting as two
    /// LEB128 varints, the key as the gap from the previous key and the document as the gap
    /// from the previous document where the key repeats, else whole. About half the bytes of
    /// the two arrays as varints.
    fn pack(&self) -> Vec<u8> {
        let mut buf = Vec::with_capacity(self.keys.len() * 4 + 10);
        put_varint(&mut buf, self.keys.len() as u64);
        let (mut key, mut doc) = (0u32, 0u32);
        for (&k, &d) in self.keys.iter().zip(&self.docs) {
            let gap = k.wrapping_sub(key);
            put_varint(&mut buf, u64::from(gap));
            put_varint(
                &mut buf,
                u64::from(if gap == 0 { d.wrapping_sub(doc) } else { d }),
            );
            (key, doc) = (k, d);
        }
        buf
    }

    fn unpack(mut v: &[u8]) -> Option<Shard> {
        let n = usize::try_from(take_varint(&mut v)?).ok()?;
        // Two bytes at least a posting: a length beyond that is not to be trusted.
        if n > v.len() / 2 {
            return None;
        }
        let mut keys = Vec::with_capacity(n);
        let mut docs = Vec::with_capacity(n);
        let (mut key, mut doc) = (0u32, 0u32);
        for _ in 0..n {
            let gap = take_u32(&mut v)?;
            let d = take_u32(&mut v)?;
            key = key.wrapping_add(gap);
            doc = if gap == 0 { doc.wrapping_add(d) } else { d };
            keys.push(key);
            docs.push(doc);
        }
        v.is_empty().then_some(Shard { keys, docs })
    }
}

/// A varint that must fit in a `u32`. Decoding the postings is most of loading a large
/// index, and nearly every varint in it is one to three bytes: those are read from a
/// fixed window without a loop; anything else (the end of the input, five bytes or more)
/// goes through [`take_varint`], so the two accept exactly the same inputs.
#[inline(always)]
fn take_u32(v: &mut &[u8]) -> Option<u32> {
    if let [b0, b1, b2, ..] = **v {
        if b0 < 0x80 {
            *v = &v[1..];
            return Some(u32::from(b0));
        }
        let x = u32::from(b0 & 0x7f) | u32::from(b1 & 0x7f) << 7;
        if b1 < 0x80 {
            *v = &v[2..];
            return Some(x);
        }
        if b2 < 0x80 {
            *v = &v[3..];
            return Some(x | u32::from(b2) << 14);
        }
    }
    u32::try_from(take_varint(v)?).ok()
}

fn put_varint(buf: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        buf.push((x as u8) | 0x80);
        x >>= 7;
    }
    buf.push(x as u8);
}

fn take_varint(v: &mut &[u8]) -> Option<u64> {
    let mut x = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = v.split_first()?;
        *v = rest;
        x |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(x);
        }
    }
    None
}

/// The index as builds before the packed shards saved it (two arrays of varints a shard), to
/// read a store analyzed by them: `CandidateIndex::from(legacy)`.
#[derive(Deserialize)]
pub struct LegacyCandidateIndex {
    config: IndexConfig,
    docs: Vec<DocId>,
    shards: Vec<LegacyShard>,
}

#[derive(Deserialize)]
struct LegacyShard {
    keys: Vec<u32>,
    docs: Vec<u32>,
}

impl From<LegacyCandidateIndex> for CandidateIndex {
    fn from(old: LegacyCandidateIndex) -> Self {
        CandidateIndex {
            config: old.config,
            docs: old.docs,
            shards: old
                .shards
                .into_iter()
                .map(|s| Shard {
                    keys: s.keys,
                    docs: s.docs,
                })
                .collect(),
            numbers: FxHashMap::default(),
            postings_of: Vec::new(),
            recording: None,
        }
    }
}

/// The incremental inverted index of n-gram hashes. See the module docs.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CandidateIndex {
    config: IndexConfig,
    docs: Vec<DocId>,
    #[serde(with = "packed")]
    shards: Vec<Shard>,
    #[serde(skip)]
    numbers: FxHashMap<DocId, u32>,
    /// Postings each document holds, by number; rebuilt from the shards when stale (after
    /// loading or replaying a delta), kept up to date by [`CandidateIndex::add`].
    #[serde(skip)]
    postings_of: Vec<u32>,
    /// The documents added while a delta is being recorded (see [`IndexDelta`]).
    #[serde(skip)]
    recording: Option<IndexDelta>,
}

/// Documents added to an index, in the order added, each with its distinct n-gram keys: what
/// a saved copy of the index lacks. The postings of a key are the first `max_df + 1`
/// documents that have it, in the order added, however the documents were grouped into
/// [`CandidateIndex::add`] calls, so replaying a delta on the copy it was recorded against
/// ([`CandidateIndex::apply_delta`]) gives the index exactly as it was. Saving a delta costs
/// its own documents' keys, not the whole index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexDelta {
    docs: Vec<DocId>,
    /// Per document: sorted, distinct keys, stored as gaps from the previous key.
    keys: Vec<Vec<u32>>,
}

impl IndexDelta {
    /// Documents in the delta.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Keys held, over all documents.
    pub fn keys(&self) -> usize {
        self.keys.iter().map(Vec::len).sum()
    }

    fn push(&mut self, id: DocId, keys: &[u32]) {
        let mut prev = 0u32;
        let gaps = keys
            .iter()
            .map(|&k| {
                let gap = k - prev;
                prev = k;
                gap
            })
            .collect();
        self.docs.push(id);
        self.keys.push(gaps);
    }

    fn into_docs(self) -> impl Iterator<Item = (DocId, Vec<u32>)> {
        self.docs.into_iter().zip(self.keys).map(|(id, gaps)| {
            let mut prev = 0u32;
            let keys = gaps
                .into_iter()
                .map(|g| {
                    prev = prev.wrapping_add(g);
                    prev
                })
                .collect();
            (id, keys)
        })
    }
}

impl Default for CandidateIndex {
    fn default() -> Self {
        CandidateIndex::new(IndexConfig::default())
    }
}

struct NewDoc {
    number: u32,
    /// Sorted, distinct keys.
    keys: Vec<u32>,
    /// Where each shard's keys start in `keys` (and end, at the next entry): found once here
    /// rather than by two binary searches per document in every shard's merge.
    bounds: [u32; SHARDS + 1],
    repeated: u32,
}

/// See [`NewDoc::bounds`]; `keys` is sorted, so the shards come in order.
fn shard_bounds(keys: &[u32]) -> [u32; SHARDS + 1] {
    let mut bounds = [0u32; SHARDS + 1];
    for &k in keys {
        bounds[shard_of(k) + 1] += 1;
    }
    for s in 0..SHARDS {
        bounds[s + 1] += bounds[s];
    }
    bounds
}

/// The number of leading `keys` below `key`: a galloping search from the front, since the
/// merge looks up rising keys and the next one is usually a few postings on.
fn gallop_below(keys: &[u32], key: u32) -> usize {
    if keys.first().is_none_or(|&k| k >= key) {
        return 0;
    }
    // keys[lo] < key throughout.
    let (mut lo, mut step) = (0usize, 1usize);
    while lo + step < keys.len() && keys[lo + step] < key {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(keys.len());
    lo + 1 + keys[lo + 1..hi].partition_point(|&k| k < key)
}

/// The index stores the top 32 bits of each 64-bit n-gram hash: half the memory, and the rare
/// collisions only add a spurious shared n-gram that alignment then finds nothing behind.
fn key32(h: u64) -> u32 {
    (h >> 32) as u32
}

fn shard_of(key: u32) -> usize {
    (key >> (32 - SHARD_BITS)) as usize
}

impl CandidateIndex {
    pub fn new(config: IndexConfig) -> Self {
        CandidateIndex {
            config,
            docs: Vec::new(),
            shards: (0..SHARDS).map(|_| Shard::default()).collect(),
            numbers: FxHashMap::default(),
            postings_of: Vec::new(),
            recording: None,
        }
    }

    /// From now on, records every document added into a delta (see [`IndexDelta`]) that
    /// starts as `base`: the documents added since the index was last saved whole.
    pub fn record_delta(&mut self, base: IndexDelta) {
        self.recording = Some(base);
    }

    /// Stops recording and drops the delta.
    pub fn stop_recording(&mut self) {
        self.recording = None;
    }

    /// The delta recorded so far, if recording.
    pub fn delta(&self) -> Option<&IndexDelta> {
        self.recording.as_ref()
    }

    /// Adds the documents of `delta` that the index lacks, in the delta's order, exactly as
    /// [`CandidateIndex::add`] added them (no pairs are computed). Returns the part applied:
    /// documents already in the index are left out (a delta saved before the whole index
    /// that already holds it). A document the index lacks must not be preceded by one it has
    /// that came later; any such document is replayed all the same, in delta order.
    pub fn apply_delta(&mut self, delta: IndexDelta) -> IndexDelta {
        self.refresh_numbers();
        let mut applied = IndexDelta::default();
        let fresh: Vec<(DocId, Vec<u32>)> = delta
            .into_docs()
            .filter(|(id, _)| !self.numbers.contains_key(id))
            .collect();
        for (id, keys) in &fresh {
            applied.push(id.clone(), keys);
        }
        let new_docs = self.number(fresh.into_iter().map(|(id, mut keys)| {
            // Sorted and distinct as recorded; made so again rather than trusted.
            keys.sort_unstable();
            keys.dedup();
            (id, keys, 0)
        }));
        let cfg = self.config;
        self.shards
            .par_iter_mut()
            .enumerate()
            .for_each(|(s, shard)| {
                merge_shard(shard, s, &new_docs, cfg, false);
            });
        self.postings_of.clear();
        applied
    }

    /// Gives each document not indexed yet the next number (recording it when recording)
    /// and returns them; documents already indexed are skipped.
    fn number(&mut self, docs: impl Iterator<Item = (DocId, Vec<u32>, u32)>) -> Vec<NewDoc> {
        let mut out = Vec::new();
        for (id, keys, repeated) in docs {
            if self.numbers.contains_key(&id) || self.docs.len() >= u32::MAX as usize {
                continue;
            }
            let number = self.docs.len() as u32;
            if let Some(delta) = &mut self.recording {
                delta.push(id.clone(), &keys);
            }
            self.numbers.insert(id.clone(), number);
            self.docs.push(id);
            out.push(NewDoc {
                number,
                bounds: shard_bounds(&keys),
                keys,
                repeated,
            });
        }
        out
    }

    pub fn config(&self) -> &IndexConfig {
        &self.config
    }

    /// Documents indexed so far.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn contains(&mut self, id: &DocId) -> bool {
        self.refresh_numbers();
        self.numbers.contains_key(id)
    }

    /// Postings held (memory is about 8 bytes each).
    pub fn postings(&self) -> usize {
        self.shards.iter().map(|s| s.keys.len()).sum()
    }

    /// Recounts [`CandidateIndex::postings_of`] from the shards unless it covers every
    /// document.
    fn refresh_postings_of(&mut self) {
        if self.postings_of.len() == self.docs.len() {
            return;
        }
        let n = self.docs.len();
        self.postings_of = self
            .shards
            .par_iter()
            .fold(
                || vec![0u32; n],
                |mut counts, shard| {
                    for &d in &shard.docs {
                        if let Some(c) = counts.get_mut(d as usize) {
                            *c += 1;
                        }
                    }
                    counts
                },
            )
            .reduce(
                || vec![0u32; n],
                |mut x, y| {
                    for (a, b) in x.iter_mut().zip(y) {
                        *a += b;
                    }
                    x
                },
            );
    }

    fn refresh_numbers(&mut self) {
        // The map is not serialised; rebuild it after loading.
        if self.numbers.len() != self.docs.len() {
            self.numbers = self
                .docs
                .iter()
                .enumerate()
                .map(|(i, d)| (d.clone(), i as u32))
                .collect();
        }
    }

    /// Adds documents, each with the n-gram hashes of its text, and returns the candidate pairs
    /// that involve at least one of them (`a` is the older document). Documents already in the
    /// index are skipped, so re-adding is a no-op.
    pub fn add(&mut self, batch: Vec<(DocId, Vec<u64>)>) -> Vec<CandidatePair> {
        self.refresh_numbers();
        let batch: Vec<(DocId, Vec<u64>)> = batch
            .into_iter()
            .filter(|(id, _)| !self.numbers.contains_key(id))
            .collect();
        let prepared: Vec<(DocId, Vec<u32>, u32)> = batch
            .into_par_iter()
            .map(|(id, hashes)| {
                let mut keys: Vec<u32> = hashes.into_iter().map(key32).collect();
                keys.sort_unstable();
                let mut repeated = 0u32;
                let mut r = 0;
                while r < keys.len() {
                    let mut e = r + 1;
                    while e < keys.len() && keys[e] == keys[r] {
                        e += 1;
                    }
                    repeated += u32::from(e - r >= 2);
                    r = e;
                }
                keys.dedup();
                (id, keys, repeated)
            })
            .collect();
        self.refresh_postings_of();
        let new_docs = self.number(prepared.into_iter());

        let cfg = self.config;
        let mut shards = std::mem::take(&mut self.shards);
        let merged: Vec<(Vec<u64>, Vec<u32>)> = shards
            .par_iter_mut()
            .enumerate()
            .map(|(s, shard)| merge_shard(shard, s, &new_docs, cfg, true))
            .collect();
        self.shards = shards;

        self.postings_of.resize(self.docs.len(), 0);
        let mut pairs: Vec<u64> = Vec::with_capacity(merged.iter().map(|m| m.0.len()).sum());
        for (list, kept) in merged {
            pairs.extend(list);
            for d in kept {
                if let Some(n) = self.postings_of.get_mut(d as usize) {
                    *n += 1;
                }
            }
        }
        pairs.par_sort_unstable();
        let postings_of = &self.postings_of;
        let short = |d: usize| postings_of.get(d).is_some_and(|&n| n < cfg.short_postings);
        let mut out = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let mut j = i + 1;
            while j < pairs.len() && pairs[j] == pairs[i] {
                j += 1;
            }
            let shared = (j - i) as u32;
            let (a, b) = ((pairs[i] >> 32) as usize, (pairs[i] & 0xffff_ffff) as usize);
            let enough = shared >= cfg.min_shared
                || (shared >= cfg.min_shared_short && (short(a) || short(b)));
            if enough {
                if let (Some(a), Some(b)) = (self.docs.get(a), self.docs.get(b)) {
                    out.push(CandidatePair {
                        a: a.clone(),
                        b: b.clone(),
                        shared,
                    });
                }
            }
            i = j;
        }
        for d in &new_docs {
            if d.repeated >= cfg.min_shared {
                if let Some(id) = self.docs.get(d.number as usize) {
                    out.push(CandidatePair {
                        a: id.clone(),
                        b: id.clone(),
                        shared: d.repeated,
                    });
                }
            }
        }
        out
    }
}

/// Merges the new documents' keys of one shard into it and returns the pair incidences
/// (`older << 32 | newer`) of every key whose document frequency is in `2..=max_df` (none
/// unless `want_pairs`).
fn merge_shard(
    shard: &mut Shard,
    s: usize,
    new_docs: &[NewDoc],
    cfg: IndexConfig,
    want_pairs: bool,
) -> (Vec<u64>, Vec<u32>) {
    let mut incoming: Vec<u64> = Vec::new();
    for d in new_docs {
        let (lo, hi) = (d.bounds[s] as usize, d.bounds[s + 1] as usize);
        incoming.extend(
            d.keys[lo..hi]
                .iter()
                .map(|&k| (k as u64) << 32 | d.number as u64),
        );
    }
    if incoming.is_empty() {
        return (Vec::new(), Vec::new());
    }
    incoming.sort_unstable();
    let cap = cfg.max_df as usize + 1;
    // Forward over the incoming keys: each key's old postings are found by binary search, its
    // pairs are made, and the new postings it keeps are noted with where they go.
    let mut pairs = Vec::new();
    // (position in the old arrays before which they go, their key, their range in `kept`)
    let mut inserts: Vec<(usize, u32, usize, usize)> = Vec::new();
    let mut kept: Vec<u32> = Vec::new();
    let mut j = 0;
    let mut lo = 0;
    while j < incoming.len() {
        let key = (incoming[j] >> 32) as u32;
        let j0 = j;
        while j < incoming.len() && (incoming[j] >> 32) as u32 == key {
            j += 1;
        }
        lo += gallop_below(&shard.keys[lo..], key);
        // At most `max_df + 1` postings a key: a scan.
        let hi = lo + shard.keys[lo..].iter().take_while(|&&k| k == key).count();
        let olds = &shard.docs[lo..hi];
        let news = incoming[j0..j].iter().map(|&x| x as u32);
        let df = olds.len() + (j - j0);
        if want_pairs && df >= 2 && df <= cfg.max_df as usize && olds.len() < cap {
            for (x, n) in news.clone().enumerate() {
                for &o in olds {
                    pairs.push((o as u64) << 32 | n as u64);
                }
                for m in news.clone().take(x) {
                    pairs.push((m as u64) << 32 | n as u64);
                }
            }
        }
        let keep = cap.saturating_sub(olds.len()).min(j - j0);
        if keep > 0 {
            let start = kept.len();
            kept.extend(news.take(keep));
            inserts.push((hi, key, start, kept.len()));
        }
        lo = hi;
    }
    // Backward, in place: the arrays grow by the kept postings and each old posting moves
    // once, so a batch does not copy the index into new memory.
    let n = shard.keys.len();
    let mut shift = kept.len();
    if shift > 0 {
        shard.keys.reserve_exact(shift);
        shard.docs.reserve_exact(shift);
        shard.keys.resize(n + shift, 0);
        shard.docs.resize(n + shift, 0);
        let mut end = n;
        for &(at, key, s, e) in inserts.iter().rev() {
            shard.keys.copy_within(at..end, at + shift);
            shard.docs.copy_within(at..end, at + shift);
            shift -= e - s;
            shard.keys[at + shift..at + shift + (e - s)].fill(key);
            shard.docs[at + shift..at + shift + (e - s)].copy_from_slice(&kept[s..e]);
            end = at;
        }
    }
    (pairs, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> DocId {
        DocId::new(s)
    }

    fn grams(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(crate::segment::mix64).collect()
    }

    #[test]
    fn gallop_and_bounds_agree_with_binary_search() {
        let mut keys: Vec<u32> = (0..3000u64)
            .map(|x| (crate::segment::mix64(x % 1700) >> 40) as u32 * 97)
            .collect();
        keys.sort_unstable();
        for probe in (0..keys.len()).step_by(7) {
            for key in [keys[probe], keys[probe] + 1, keys[probe].saturating_sub(1)] {
                for from in [0, probe / 2, probe] {
                    let rest = &keys[from..];
                    assert_eq!(gallop_below(rest, key), rest.partition_point(|&k| k < key));
                }
            }
        }
        assert_eq!(gallop_below(&[], 5), 0);
        assert_eq!(gallop_below(&keys, u32::MAX), keys.len());
        let wide: Vec<u32> = {
            let mut w: Vec<u32> = (0..500u64)
                .map(|x| crate::segment::mix64(x) as u32)
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        let b = shard_bounds(&wide);
        for s in 0..SHARDS {
            assert_eq!(b[s] as usize, wide.partition_point(|&k| shard_of(k) < s));
            assert_eq!(
                b[s + 1] as usize,
                wide.partition_point(|&k| shard_of(k) <= s)
            );
        }
    }

    #[test]
    fn pairs_need_several_shared_rare_ngrams() {
        let mut ix = CandidateIndex::new(IndexConfig {
            max_df: 100,
            min_shared: 3,
            ..IndexConfig::default()
        });
        let mut b = grams(0..2);
        b.extend(grams(1000..1100));
        let pairs = ix.add(vec![
            (id("a"), grams(0..50)),
            (id("b"), b),
            (id("c"), grams(40..60)),
        ]);
        // a–b share only 2 n-grams; a–c share 10.
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("a", "c"));
        assert_eq!(pairs[0].shared, 10);
    }

    #[test]
    fn a_short_document_pairs_on_fewer_shared_ngrams_also_after_a_reload() {
        // `brief` has 9 n-grams (a 13-word item), 3 of them shared with `story`: one edited
        // word breaks the rest. Two long documents sharing 3 rare n-grams (a stock phrase of
        // seven words) stay apart.
        let mut brief = grams(0..3);
        brief.extend(grams(500..506));
        let mut long_b = grams(1000..1003);
        long_b.extend(grams(2000..2200));
        let docs = vec![
            (id("story"), grams(0..200)),
            (id("long_a"), grams(1000..1200)),
            (id("long_b"), long_b),
            (id("brief"), brief),
        ];
        let found = |pairs: Vec<CandidatePair>| {
            let mut p: Vec<(String, String)> = pairs
                .into_iter()
                .map(|p| (p.a.as_str().to_string(), p.b.as_str().to_string()))
                .collect();
            p.sort();
            p
        };
        let mut ix = CandidateIndex::default();
        assert_eq!(
            found(ix.add(docs.clone())),
            [("story".to_string(), "brief".to_string())]
        );
        // The short one indexed before, and the index saved and loaded in between: its
        // size is counted again from the postings.
        let mut first = CandidateIndex::default();
        first.add(vec![docs[3].clone(), docs[1].clone()]);
        let json = serde_json::to_string(&first).unwrap();
        let mut back: CandidateIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(
            found(back.add(vec![docs[0].clone(), docs[2].clone()])),
            [("brief".to_string(), "story".to_string())]
        );
    }

    #[test]
    fn incremental_add_returns_only_new_pairs_and_matches_batch() {
        let docs = vec![
            (id("a"), grams(0..50)),
            (id("b"), grams(30..80)),
            (id("c"), grams(70..120)),
            (id("d"), grams(0..10)),
        ];
        let mut batch = CandidateIndex::default();
        let mut all = batch.add(docs.clone());
        let mut inc = CandidateIndex::default();
        let first = inc.add(docs[..2].to_vec());
        let second = inc.add(docs[2..].to_vec());
        assert_eq!(first.len(), 1);
        assert!(second
            .iter()
            .all(|p| p.b.as_str() == "c" || p.b.as_str() == "d"));
        let mut both: Vec<_> = first.into_iter().chain(second).collect();
        let key = |p: &CandidatePair| (p.a.clone(), p.b.clone());
        both.sort_by_key(key);
        all.sort_by_key(key);
        assert_eq!(both, all);
        // Re-adding is a no-op.
        assert!(inc.add(docs.clone()).is_empty());
        assert_eq!(inc.len(), 4);
    }

    #[test]
    fn common_ngrams_do_not_make_pairs() {
        let mut ix = CandidateIndex::new(IndexConfig {
            max_df: 5,
            min_shared: 3,
            ..IndexConfig::default()
        });
        // Ten documents share the same boilerplate n-grams and nothing else.
        let docs: Vec<_> = (0..10)
            .map(|i| {
                let mut g = grams(0..20);
                g.extend(grams(1000 * (i + 1)..1000 * (i + 1) + 50));
                (id(&format!("d{i}")), g)
            })
            .collect();
        let pairs = ix.add(docs);
        // The first six documents pair before the n-grams pass max_df within one batch? No:
        // in one batch the document frequency is 10 > 5, so nothing pairs.
        assert!(pairs.is_empty());
        // Posting lists stop at max_df + 1.
        assert!(ix.postings() <= 20 * 6 + 10 * 50);
    }

    #[test]
    fn repeated_text_inside_a_document_is_a_self_candidate() {
        let mut ix = CandidateIndex::default();
        let mut g = grams(0..30);
        g.extend(grams(10..20));
        let pairs = ix.add(vec![(id("x"), g), (id("y"), grams(500..520))]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].a, pairs[0].b);
        assert_eq!(pairs[0].shared, 10);
    }

    #[test]
    fn a_replayed_delta_gives_the_index_it_was_recorded_from() {
        // Boilerplate in every document (past max_df, so capped postings), text shared by a
        // few, and text of each document's own; added in uneven batches.
        let cfg = IndexConfig {
            max_df: 4,
            min_shared: 3,
            ..IndexConfig::default()
        };
        let docs: Vec<(DocId, Vec<u64>)> = (0..23u64)
            .map(|i| {
                let mut g = grams(0..15);
                g.extend(grams(100 + 10 * (i / 3)..130 + 10 * (i / 3)));
                g.extend(grams(10_000 * (i + 1)..10_000 * (i + 1) + 40));
                g.extend(grams(5..9));
                (id(&format!("d{i}")), g)
            })
            .collect();
        let encode = |ix: &CandidateIndex| serde_json::to_string(ix).unwrap();
        let mut whole = CandidateIndex::new(cfg);
        whole.add(docs.clone());

        let mut live = CandidateIndex::new(cfg);
        live.add(docs[..9].to_vec());
        let saved = encode(&live);
        live.record_delta(IndexDelta::default());
        for chunk in docs[9..].chunks(4) {
            live.add(chunk.to_vec());
        }
        // Re-adding a document records nothing.
        live.add(docs[3..5].to_vec());
        let delta = live.delta().unwrap().clone();
        assert_eq!(delta.len(), 14);
        assert!(delta.keys() > 14 * 40);
        assert_eq!(encode(&live), encode(&whole));

        let mut back: CandidateIndex = serde_json::from_str(&saved).unwrap();
        let applied = back.apply_delta(delta.clone());
        assert_eq!(applied, delta);
        assert_eq!(encode(&back), encode(&whole));
        // Replayed on an index that already holds it (saved whole after the delta): nothing.
        assert!(back.apply_delta(delta).is_empty());
        assert_eq!(encode(&back), encode(&whole));
        // And the replayed index goes on exactly as the live one.
        let more = vec![(id("late"), grams(100..140))];
        let pairs = |ix: &mut CandidateIndex| {
            let mut p = ix.add(more.clone());
            p.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
            p
        };
        assert_eq!(pairs(&mut back), pairs(&mut live));
        assert_eq!(encode(&back), encode(&live));
        // A delta survives serialisation.
        let d = live.delta().unwrap();
        let json = serde_json::to_string(d).unwrap();
        assert_eq!(&serde_json::from_str::<IndexDelta>(&json).unwrap(), d);
    }

    #[test]
    fn packed_shards_round_trip_and_read_the_legacy_layout() {
        let mut ix = CandidateIndex::new(IndexConfig {
            max_df: 3,
            min_shared: 2,
            ..IndexConfig::default()
        });
        for i in 0..40u64 {
            let mut g = grams(0..30);
            g.extend(grams(1000 * i..1000 * i + 60));
            ix.add(vec![(id(&format!("d{i}")), g)]);
        }
        let json = serde_json::to_string(&ix).unwrap();
        let back: CandidateIndex = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        for (a, b) in ix.shards.iter().zip(&back.shards) {
            assert_eq!((&a.keys, &a.docs), (&b.keys, &b.docs));
        }
        // The layout before: each shard as two arrays.
        let legacy = serde_json::json!({
            "config": ix.config,
            "docs": ix.docs,
            "shards": ix.shards.iter().map(|s| serde_json::json!({"keys": s.keys, "docs": s.docs})).collect::<Vec<_>>(),
        });
        let old: LegacyCandidateIndex = serde_json::from_value(legacy).unwrap();
        let old = CandidateIndex::from(old);
        assert_eq!(serde_json::to_string(&old).unwrap(), json);
        // Damaged bytes are an error, not a wrong index.
        let mut buf = Vec::new();
        put_varint(&mut buf, 5);
        put_varint(&mut buf, 7);
        assert!(Shard::unpack(&buf).is_none());
        assert!(Shard::unpack(&[0x80]).is_none());
    }

    #[test]
    fn the_short_varint_path_reads_what_the_general_one_reads() {
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for x in [
            0u64,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            2_097_151,
            2_097_152,
            1 << 28,
        ] {
            for tail in [&[][..], &[0x05], &[0x81, 0x01], &[0x00, 0x00, 0x00]] {
                let mut b = Vec::new();
                put_varint(&mut b, x);
                b.extend_from_slice(tail);
                inputs.push(b);
            }
        }
        // Over `u32`, padded with continuation bytes, cut short, empty.
        let mut big = Vec::new();
        put_varint(&mut big, u64::from(u32::MAX) + 1);
        inputs.extend([
            big,
            vec![0x80, 0x80, 0x00, 0x07],
            vec![0x80, 0x80],
            vec![0x80],
            vec![],
        ]);
        for input in inputs {
            let (mut a, mut b) = (&input[..], &input[..]);
            let general = take_varint(&mut a).and_then(|x| u32::try_from(x).ok());
            let short = take_u32(&mut b);
            assert_eq!(short, general, "{input:?}");
            if general.is_some() {
                assert_eq!(a, b, "{input:?}");
            }
        }
    }

    #[test]
    fn postings_are_the_first_documents_of_each_key_however_they_were_batched() {
        let cfg = IndexConfig {
            max_df: 3,
            min_shared: 2,
            ..IndexConfig::default()
        };
        let docs: Vec<(DocId, Vec<u64>)> = (0..30u64)
            .map(|i| {
                let mut g = grams(0..8);
                g.extend(grams(50 + i % 7..60 + i % 7));
                g.extend(grams(1000 * (i + 1)..1000 * (i + 1) + 12));
                (id(&format!("d{i}")), g)
            })
            .collect();
        // What the postings must be: per key, the first `max_df + 1` documents in order.
        let mut all: Vec<(u32, u32)> = Vec::new();
        for (n, (_, g)) in docs.iter().enumerate() {
            let mut keys: Vec<u32> = g.iter().map(|&h| key32(h)).collect();
            keys.sort_unstable();
            keys.dedup();
            all.extend(keys.into_iter().map(|k| (k, n as u32)));
        }
        all.sort_unstable();
        let mut want: Vec<(u32, u32)> = Vec::new();
        for (k, d) in all {
            let held = want.iter().rev().take_while(|(x, _)| *x == k).count();
            if held <= cfg.max_df as usize {
                want.push((k, d));
            }
        }
        for sizes in [vec![30], vec![1; 30], vec![7, 1, 13, 9], vec![2, 28]] {
            let mut ix = CandidateIndex::new(cfg);
            let mut at = 0;
            for size in sizes {
                ix.add(docs[at..at + size].to_vec());
                at += size;
            }
            let got: Vec<(u32, u32)> = ix
                .shards
                .iter()
                .flat_map(|s| s.keys.iter().copied().zip(s.docs.iter().copied()))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn state_round_trips_through_serde() {
        let mut ix = CandidateIndex::default();
        ix.add(vec![(id("a"), grams(0..50))]);
        let json = serde_json::to_string(&ix).unwrap();
        let mut back: CandidateIndex = serde_json::from_str(&json).unwrap();
        let pairs = back.add(vec![(id("b"), grams(20..40)), (id("a"), grams(0..50))]);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].a.as_str(), "a");
        assert_eq!(back.len(), 2);
    }
}
