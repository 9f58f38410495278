//! Passage alignment: where exactly two texts share wording.
//!
//! [`BandedAligner`] is seed-and-extend, the way read aligners work:
//! 1. **seeds**: word k-grams (on variant keys) found in both texts, skipping k-grams that
//!    repeat many times inside either text;
//! 2. **chains**: colinear seeds within [`AlignConfig::max_gap`] tokens of each other and at most
//!    [`AlignConfig::max_shift`] diagonals apart (an inserted or dropped sentence shifts the
//!    diagonal; reordered sentences break the chain and start another);
//! 3. **banded Smith–Waterman** with affine gaps (Gotoh) over each chain's region, the band
//!    following the chain's diagonals. Exact key matches score highest, spelling-variant matches
//!    a little less, and the ends are extended over near-equal words (edit distance).
//!
//! A pair of texts can yield several local alignments (one per chain, and the parts of a chain
//! the best local path left out). For one text aligned with itself only off-diagonal chains
//! count, so a page that repeats a lead reports both copies.

use crate::segment::{word_key, Token};
use echotrace_core::ByteSpan;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// A half-open range of token indices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRange {
    pub start: u32,
    pub end: u32,
}

impl TokenRange {
    pub fn len(&self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn overlap(&self, other: &TokenRange) -> u32 {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// What one local alignment found between two texts `a` and `b`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanMatch {
    /// Bytes of `a` from the first aligned word to the last (with attached punctuation).
    pub a: ByteSpan,
    pub b: ByteSpan,
    pub a_tokens: TokenRange,
    pub b_tokens: TokenRange,
    /// Word pairs with equal keys.
    pub matches: u32,
    /// Word pairs that are spelling variants or near-equal (`Organization`/`Organisation`).
    pub variants: u32,
    /// Word pairs aligned but different.
    pub mismatches: u32,
    /// Gaps of at most [`SHORT_GAP`] words (a word added or dropped): word-level edits.
    pub short_gaps: u32,
    /// Words of `a` in longer gaps (a sentence `b` dropped).
    pub a_gap_words: u32,
    /// Words of `b` in longer gaps (a sentence `b` inserted).
    pub b_gap_words: u32,
    pub score: i32,
    /// How much the text around the shared passage in `a` is about the same thing: the share
    /// of the passage's distinctive words that recur within ~170 words around it (see
    /// [`crate::provenance::context_cohesion`]). `None` where `a` has little text besides the
    /// passage. Filled by the engine over all alignments of a pair; text that sits in an
    /// article on another subject was brought there (a copy), text whose surrounding article
    /// continues its subject is at home.
    #[serde(default)]
    pub a_context: Option<f32>,
    #[serde(default)]
    pub b_context: Option<f32>,
    /// Set for a paraphrase: two sentences that say the same in other words, confirmed by
    /// sentence embeddings (`echotrace-paraphrase`), with the probability of the paraphrase
    /// decision. The word counts above are then a bag-of-words comparison, not an alignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paraphrase: Option<f32>,
    /// Words of `a`'s body (the tokens the aligner saw), so that the share of a document a
    /// pair's spans cover can be read from its alignments alone. Filled by the engine; `None`
    /// in alignments stored before it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_words: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_words: Option<u32>,
}

/// Gaps up to this many words count as word edits; longer ones as dropped/inserted text.
pub const SHORT_GAP: u32 = 3;

impl SpanMatch {
    /// Aligned columns: word pairs plus gap words.
    pub fn columns(&self) -> u32 {
        (self.a_tokens.len() + self.b_tokens.len())
            .saturating_sub(self.matches + self.variants + self.mismatches)
    }

    /// Share of aligned columns whose words match (exactly or as variants), in `0..=1`.
    pub fn identity(&self) -> f32 {
        match self.columns() {
            0 => 0.0,
            cols => (self.matches + self.variants) as f32 / cols as f32,
        }
    }

    /// Word-level edits: substitutions, variants and short gaps.
    pub fn word_edits(&self) -> u32 {
        self.variants + self.mismatches + self.short_gaps
    }

    /// The same alignment seen from `b`.
    pub fn swapped(&self) -> SpanMatch {
        SpanMatch {
            a: self.b,
            b: self.a,
            a_tokens: self.b_tokens,
            b_tokens: self.a_tokens,
            a_gap_words: self.b_gap_words,
            b_gap_words: self.a_gap_words,
            a_context: self.b_context,
            b_context: self.a_context,
            a_words: self.b_words,
            b_words: self.a_words,
            ..*self
        }
    }
}

/// One side of an alignment: a text and its tokens.
#[derive(Clone, Copy, Debug)]
pub struct AlignInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
}

/// Finds the passages two texts share. `same` says that `a` and `b` are one text, for reuse
/// inside a document.
pub trait PassageAligner: Send + Sync {
    fn align(&self, a: AlignInput<'_>, b: AlignInput<'_>, same: bool) -> Vec<SpanMatch>;

    /// Aligns one text with several others (never itself); an aligner can prepare `a` once.
    fn align_with_each(&self, a: AlignInput<'_>, bs: &[AlignInput<'_>]) -> Vec<Vec<SpanMatch>> {
        bs.iter().map(|&b| self.align(a, b, false)).collect()
    }
}

/// Parameters of [`BandedAligner`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignConfig {
    /// Seed length in words.
    pub seed_words: usize,
    /// Seeds occurring more often than this inside one text are skipped.
    pub max_seed_repeats: usize,
    /// Half-width of the band around the chain's diagonals, in words.
    pub band: usize,
    /// Largest distance between consecutive seeds of a chain, in words.
    pub max_gap: usize,
    /// Largest diagonal shift between consecutive seeds of a chain (the longest inserted or
    /// dropped run of words bridged inside one chain).
    pub max_shift: usize,
    /// Words the alignment region extends beyond a chain's first and last seeds.
    pub margin: usize,
    pub match_score: i32,
    pub variant_score: i32,
    pub mismatch_score: i32,
    /// Cost of opening a gap (added to the first gap word's extension cost).
    pub gap_open: i32,
    pub gap_extend: i32,
    /// Smallest reported alignment: matched words...
    pub min_words: u32,
    /// ...and characters (bytes of the shorter side, so non-Latin scripts pass sooner).
    pub min_chars: usize,
    /// Local alignments reported per pair of texts at most.
    pub max_alignments: usize,
    /// Lines with fewer words than this are trimmed from the ends of an alignment.
    pub min_line_words: usize,
    /// Words a chain of seeds must span to be aligned (at least one seed). A lone seed is
    /// mostly a stock phrase (`at the end of`) shared by unrelated texts; aligning each of
    /// them was most of the time spent on large corpora.
    pub min_chain_words: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            seed_words: 4,
            max_seed_repeats: 3,
            band: 8,
            max_gap: 80,
            max_shift: 60,
            margin: 12,
            match_score: 2,
            variant_score: 1,
            mismatch_score: -2,
            gap_open: -3,
            gap_extend: -1,
            min_words: 8,
            min_chars: 40,
            max_alignments: 64,
            min_line_words: 5,
            min_chain_words: 8,
        }
    }
}

/// Seeded, banded, affine-gap local alignment on word tokens. See the module docs.
#[derive(Clone, Copy, Debug, Default)]
pub struct BandedAligner {
    pub config: AlignConfig,
}

#[derive(Clone, Copy, Debug)]
struct Seed {
    i: u32,
    j: u32,
}

impl BandedAligner {
    pub fn new(config: AlignConfig) -> Self {
        BandedAligner { config }
    }

    /// The seed n-grams of a text, sorted by hash.
    fn grams(&self, t: &[Token]) -> Vec<(u64, u32)> {
        let k = self.config.seed_words.max(1);
        if t.len() < k {
            return Vec::new();
        }
        let mut g: Vec<(u64, u32)> = t
            .windows(k)
            .enumerate()
            .map(|(i, w)| (seed_hash(w), i as u32))
            .collect();
        g.sort_unstable();
        g
    }

    fn seeds(&self, a: &[Token], b: &[Token], same: bool) -> Vec<Seed> {
        let ga = self.grams(a);
        if same {
            return self.seeds_from(&ga, &ga, true);
        }
        self.seeds_from(&ga, &self.grams(b), false)
    }

    fn seeds_from(&self, ga: &[(u64, u32)], gb: &[(u64, u32)], same: bool) -> Vec<Seed> {
        let k = self.config.seed_words.max(1);
        let max_rep = self.config.max_seed_repeats.max(1);
        let mut seeds = Vec::new();
        let (mut x, mut y) = (0, 0);
        while x < ga.len() && y < gb.len() {
            let (ha, hb) = (ga[x].0, gb[y].0);
            if ha < hb {
                x += 1;
                continue;
            }
            if hb < ha {
                y += 1;
                continue;
            }
            let x1 = x + ga[x..].iter().take_while(|g| g.0 == ha).count();
            let y1 = y + gb[y..].iter().take_while(|g| g.0 == ha).count();
            if x1 - x <= max_rep && y1 - y <= max_rep {
                for p in &ga[x..x1] {
                    for q in &gb[y..y1] {
                        // Inside one text only pairs of distinct, non-overlapping occurrences.
                        if !same || q.1 >= p.1 + k as u32 {
                            seeds.push(Seed { i: p.1, j: q.1 });
                        }
                    }
                }
            }
            x = x1;
            y = y1;
        }
        seeds.sort_unstable_by_key(|s| (s.i, s.j));
        seeds
    }

    /// Each seed's best chain score ending on it and its predecessor on that chain
    /// (`usize::MAX` for none).
    fn chain_scores(&self, seeds: &[Seed]) -> (Vec<i64>, Vec<usize>) {
        let k = self.config.seed_words as i64;
        let max_gap = self.config.max_gap as i64;
        let max_shift = self.config.max_shift as i64;
        let n = seeds.len();
        let mut score = vec![0i64; n];
        let mut pred = vec![usize::MAX; n];
        // The best score among seeds `0..=p`: a predecessor adds at most `k` to its score, so
        // once that bound can not beat the best found the rest of the look-back can change
        // nothing and is skipped (along a long shared passage, after a few seeds instead of
        // 64).
        let mut best_upto = vec![0i64; n];
        for s in 0..n {
            let (si, sj) = (seeds[s].i as i64, seeds[s].j as i64);
            score[s] = k;
            let mut looked = 0;
            let mut p = s;
            // Bounded both in predecessors weighed and in seeds passed over: in a dense
            // region (a phrase repeated on both sides) the nearest ones are the ones that
            // matter.
            let floor = s.saturating_sub(512);
            while p > floor && looked < 64 {
                p -= 1;
                if best_upto[p] + k <= score[s] {
                    break;
                }
                let (pi, pj) = (seeds[p].i as i64, seeds[p].j as i64);
                if si - pi > max_gap {
                    break;
                }
                if pi >= si || pj >= sj || sj - pj > max_gap {
                    continue;
                }
                looked += 1;
                let (di, dj) = (si - pi, sj - pj);
                let shift = (di - dj).abs();
                if shift > max_shift {
                    continue;
                }
                let gain = di.min(dj).min(k) - shift / 4 - i64::from(shift > 0);
                let cand = score[p] + gain;
                if cand > score[s] {
                    score[s] = cand;
                    pred[s] = p;
                }
            }
            best_upto[s] = if s > 0 {
                best_upto[s - 1].max(score[s])
            } else {
                score[s]
            };
        }
        (score, pred)
    }

    /// Colinear chains of seeds, best first.
    fn chains(&self, seeds: &[Seed]) -> Vec<Vec<Seed>> {
        let k = self.config.seed_words as i64;
        let n = seeds.len();
        let (score, pred) = self.chain_scores(seeds);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_unstable_by_key(|&s| std::cmp::Reverse(score[s]));
        let mut used = vec![false; n];
        let mut chains = Vec::new();
        let min_chain = (self.config.min_words as i64 / 2)
            .max(self.config.min_chain_words as i64)
            .max(k);
        for s in order {
            if used[s] {
                continue;
            }
            let mut chain = Vec::new();
            let mut c = s;
            loop {
                if used[c] {
                    break;
                }
                used[c] = true;
                chain.push(seeds[c]);
                if pred[c] == usize::MAX {
                    break;
                }
                c = pred[c];
            }
            chain.reverse();
            let span = chain
                .last()
                .zip(chain.first())
                .map_or(0, |(l, f)| l.i as i64 - f.i as i64 + k);
            if span >= min_chain {
                chains.push(chain);
            }
        }
        chains
    }

    /// Banded Gotoh local alignment over the region of `chain`.
    fn align_chain(
        &self,
        a: AlignInput<'_>,
        b: AlignInput<'_>,
        chain: &[Seed],
    ) -> Option<(SpanMatch, Vec<(u32, u32)>)> {
        let cfg = &self.config;
        let (first, last) = (chain.first()?, chain.last()?);
        let k = cfg.seed_words as i64;
        let (na, nb) = (a.tokens.len() as i64, b.tokens.len() as i64);
        let margin = cfg.margin as i64;
        let ia0 = (first.i as i64 - margin).max(0);
        let ia1 = (last.i as i64 + k + margin).min(na);
        let jb0 = (first.j as i64 - margin).max(0);
        let jb1 = (chain.iter().map(|s| s.j).max()? as i64 + k + margin).min(nb);
        if ia1 <= ia0 || jb1 <= jb0 {
            return None;
        }
        let rows = (ia1 - ia0) as usize;
        let band = cfg.band as i64;
        // Column window [lo, hi) of each row from the diagonals of the bracketing seeds.
        let mut lo = vec![0i64; rows];
        let mut hi = vec![0i64; rows];
        let mut c = 0usize;
        for r in 0..rows {
            let i = ia0 + r as i64;
            while c + 1 < chain.len() && (chain[c + 1].i as i64) <= i {
                c += 1;
            }
            let d_prev = chain[c].j as i64 - chain[c].i as i64;
            let d_next = chain.get(c + 1).map_or(d_prev, |s| s.j as i64 - s.i as i64);
            let l = i + d_prev.min(d_next) - band;
            let h = i + d_prev.max(d_next) + band + 1;
            lo[r] = l.clamp(jb0, jb1);
            hi[r] = h.clamp(jb0, jb1);
            if r > 0 {
                lo[r] = lo[r].max(lo[r - 1]);
                hi[r] = hi[r].max(hi[r - 1]);
            }
        }
        let mut off = Vec::with_capacity(rows + 1);
        let mut total = 0usize;
        for r in 0..rows {
            off.push(total);
            total += (hi[r] - lo[r]).max(0) as usize;
        }
        off.push(total);
        let width = (jb1 - jb0) as usize;
        const NEG: i32 = i32::MIN / 4;
        let go = cfg.gap_open + cfg.gap_extend;
        let ge = cfg.gap_extend;
        let mut tb = vec![0u8; total];
        let mut h_prev = vec![0i32; width];
        let mut f_prev = vec![NEG; width];
        let mut h_cur = vec![0i32; width];
        let mut f_cur = vec![NEG; width];
        let (mut best, mut best_r, mut best_j) = (0i32, 0usize, 0i64);
        // The previous row's cells outside its window read as a fresh cell (H 0, F NEG)
        // without a test per cell: windows only move right, so the cells right of the
        // previous window were never written, and the cells left of it are never read but
        // for the diagonal of a row's first cell, tested below.
        let (ms, vs, xs) = (cfg.match_score, cfg.variant_score, cfg.mismatch_score);
        for r in 0..rows {
            let i = (ia0 + r as i64) as usize;
            let (l, h) = (lo[r], hi[r].max(lo[r]));
            let pl = if r > 0 { lo[r - 1] } else { l };
            let ta = a.tokens[i];
            let (c0, c1) = ((l - jb0) as usize, (h - jb0) as usize);
            let mut diag = if l > pl { h_prev[c0 - 1] } else { 0 };
            let mut e = NEG;
            let mut h_left = 0i32;
            let cells = h_prev[c0..c1]
                .iter()
                .zip(&f_prev[c0..c1])
                .zip(h_cur[c0..c1].iter_mut().zip(&mut f_cur[c0..c1]))
                .zip(&b.tokens[l as usize..h as usize])
                .zip(&mut tb[off[r]..off[r + 1]]);
            for (t, ((((&up_h, &up_f), (hc, fc)), tbk), cell)) in cells.enumerate() {
                let f_ext = up_f + ge > up_h + go;
                let f = if f_ext { up_f + ge } else { up_h + go };
                let e_ext = e + ge > h_left + go;
                e = if e_ext { e + ge } else { h_left + go };
                let s = if ta.key == tbk.key {
                    ms
                } else if ta.variant == tbk.variant {
                    vs
                } else {
                    xs
                };
                let d = diag + s;
                diag = up_h;
                let (mut hv, mut src) = (0i32, 0u8);
                if d > hv {
                    hv = d;
                    src = 1;
                }
                if e > hv {
                    hv = e;
                    src = 2;
                }
                if f > hv {
                    hv = f;
                    src = 3;
                }
                *hc = hv;
                *fc = f;
                *cell = src | (e_ext as u8) << 2 | (f_ext as u8) << 3;
                h_left = hv;
                if hv > best {
                    best = hv;
                    best_r = r;
                    best_j = l + t as i64;
                }
            }
            std::mem::swap(&mut h_prev, &mut h_cur);
            std::mem::swap(&mut f_prev, &mut f_cur);
        }
        if best <= 0 {
            return None;
        }
        // Traceback: ops from the end backwards. 0 = pair, 1 = gap in b (a word only),
        // 2 = gap in a (b word only).
        let mut ops: Vec<(u8, u32, u32)> = Vec::new();
        let (mut r, mut j) = (best_r as i64, best_j);
        let mut state = 0u8; // 0 = H, 2 = E, 3 = F
        loop {
            if r < 0 || j < lo[r as usize] || j >= hi[r as usize] {
                break;
            }
            let i = ia0 + r;
            let cell = tb[off[r as usize] + (j - lo[r as usize]) as usize];
            match state {
                0 => match cell & 3 {
                    0 => break,
                    1 => {
                        ops.push((0, i as u32, j as u32));
                        r -= 1;
                        j -= 1;
                    }
                    2 => state = 2,
                    _ => state = 3,
                },
                2 => {
                    ops.push((2, i as u32, j as u32));
                    if cell & 4 == 0 {
                        state = 0;
                    }
                    j -= 1;
                }
                _ => {
                    ops.push((1, i as u32, j as u32));
                    if cell & 8 == 0 {
                        state = 0;
                    }
                    r -= 1;
                }
            }
        }
        ops.reverse();
        let mut scratch = Scratch::default();
        self.extend_ends(a, b, &mut ops, &mut scratch);
        trim_short_edge_lines(a, b, &mut ops, self.config.min_line_words);
        let (&(_, i0, j0), &(_, i1, j1)) = (ops.first()?, ops.last()?);
        let mut m = SpanMatch {
            a: side_span(
                a.tokens,
                TokenRange {
                    start: i0,
                    end: i1 + 1,
                },
            ),
            b: side_span(
                b.tokens,
                TokenRange {
                    start: j0,
                    end: j1 + 1,
                },
            ),
            a_tokens: TokenRange {
                start: i0,
                end: i1 + 1,
            },
            b_tokens: TokenRange {
                start: j0,
                end: j1 + 1,
            },
            matches: 0,
            variants: 0,
            mismatches: 0,
            short_gaps: 0,
            a_gap_words: 0,
            b_gap_words: 0,
            score: best,
            a_context: None,
            b_context: None,
            paraphrase: None,
            a_words: None,
            b_words: None,
        };
        let mut x = 0;
        while x < ops.len() {
            let (op, i, j) = ops[x];
            if op == 0 {
                let (ta, tbk) = (a.tokens[i as usize], b.tokens[j as usize]);
                if ta.key == tbk.key {
                    m.matches += 1;
                } else if ta.variant == tbk.variant || scratch.near_equal(a, i, b, j) {
                    m.variants += 1;
                } else {
                    m.mismatches += 1;
                }
                x += 1;
                continue;
            }
            let run = ops[x..].iter().take_while(|o| o.0 == op).count() as u32;
            if run <= SHORT_GAP {
                m.short_gaps += 1;
            } else if op == 1 {
                m.a_gap_words += run;
            } else {
                m.b_gap_words += run;
            }
            x += run as usize;
        }
        let pairs = ops
            .iter()
            .filter(|o| o.0 == 0)
            .map(|o| (o.1, o.2))
            .collect();
        Some((m, pairs))
    }

    /// Extends an alignment (as its ops, which start and end on word pairs) over adjacent
    /// words that are equal or near-equal but were left out by the scoring (a misspelt or
    /// transliterated last word).
    fn extend_ends(
        &self,
        a: AlignInput<'_>,
        b: AlignInput<'_>,
        ops: &mut Vec<(u8, u32, u32)>,
        sc: &mut Scratch,
    ) {
        let same = |sc: &mut Scratch, i: u32, j: u32| {
            let (ta, tb) = (a.tokens[i as usize], b.tokens[j as usize]);
            ta.key == tb.key || ta.variant == tb.variant || sc.near_equal(a, i, b, j)
        };
        while let Some(&(_, i, j)) = ops.last() {
            let (i, j) = (i + 1, j + 1);
            if (i as usize) < a.tokens.len() && (j as usize) < b.tokens.len() && same(sc, i, j) {
                ops.push((0, i, j));
            } else {
                break;
            }
        }
        let mut head = Vec::new();
        let (mut i, mut j) = match ops.first() {
            Some(&(_, i, j)) => (i, j),
            None => return,
        };
        while i > 0 && j > 0 && same(sc, i - 1, j - 1) {
            i -= 1;
            j -= 1;
            head.push((0, i, j));
        }
        if !head.is_empty() {
            head.reverse();
            head.append(ops);
            *ops = head;
        }
    }

    fn big_enough(&self, m: &SpanMatch) -> bool {
        m.matches + m.variants >= self.config.min_words
            && m.a.len().min(m.b.len()) >= self.config.min_chars
    }
}

/// Words in the line (paragraph) of token `t` (tokens up to a line break either side), and the
/// index of its last token.
fn line_words(inp: AlignInput<'_>, t: u32) -> (usize, usize) {
    let toks = inp.tokens;
    let t = t as usize;
    let breaks = |x: usize| {
        // A line break between tokens x and x + 1.
        let (e, s) = (toks[x].end as usize, toks[x + 1].start as usize);
        inp.text.get(e..s).is_some_and(|g| g.contains('\n'))
    };
    let mut lo = t;
    while lo > 0 && !breaks(lo - 1) && t - lo < 64 {
        lo -= 1;
    }
    let mut hi = t;
    while hi + 1 < toks.len() && !breaks(hi) && hi - t < 64 {
        hi += 1;
    }
    (hi - lo + 1, hi)
}

/// Whether token `t` is in a line of fewer than `min` words that ends neither a sentence nor
/// in a number: a share widget, a byline, `Related posts`, `Post a Comment`. A short line
/// ending in a number is a row of a table or a list (`4. Clifton, NJ  88.5`, `Price Range:
/// $18-$118`): data that copies carry, and a table made of such rows would otherwise be
/// trimmed away to nothing.
fn widget_line(inp: AlignInput<'_>, t: u32, min: usize) -> bool {
    let (words, last) = line_words(inp, t);
    words < min
        && !inp.tokens[last]
            .span()
            .slice(inp.text)
            .ends_with(|c: char| c.is_ascii_digit())
        && !inp.tokens[last]
            .span()
            .slice(inp.text)
            .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')'])
            .ends_with(['.', '!', '?', '\u{2026}'])
}

/// Drops widget lines (see [`widget_line`]) at either end of an alignment: copies share them
/// with each other, but they are not the text that was reused.
fn trim_short_edge_lines(
    a: AlignInput<'_>,
    b: AlignInput<'_>,
    ops: &mut Vec<(u8, u32, u32)>,
    min: usize,
) {
    if min == 0 {
        return;
    }
    let short = |&(op, i, j): &(u8, u32, u32)| match op {
        0 => widget_line(a, i, min) || widget_line(b, j, min),
        1 => widget_line(a, i, min),
        _ => widget_line(b, j, min),
    };
    let lead = ops.iter().take_while(|o| short(o) || o.0 != 0).count();
    ops.drain(..lead);
    while ops.last().is_some_and(|o| short(o) || o.0 != 0) {
        ops.pop();
    }
}

fn side_span(tokens: &[Token], r: TokenRange) -> ByteSpan {
    match (
        tokens.get(r.start as usize),
        r.end.checked_sub(1).and_then(|e| tokens.get(e as usize)),
    ) {
        (Some(s), Some(e)) => ByteSpan::new(s.start as usize, e.end as usize),
        _ => ByteSpan::default(),
    }
}

#[derive(Default)]
struct Scratch {
    x: String,
    y: String,
}

impl Scratch {
    /// Whether two different words are near-equal: same first letter, at least four letters,
    /// and an edit distance of 1 (2 from eight letters), e.g. `Tokayev`/`Tokaev`.
    fn near_equal(&mut self, a: AlignInput<'_>, i: u32, b: AlignInput<'_>, j: u32) -> bool {
        let (ta, tb) = (a.tokens[i as usize], b.tokens[j as usize]);
        let wa = ta.span().slice(a.text);
        let wb = tb.span().slice(b.text);
        if wa.len().abs_diff(wb.len()) > 4 || wa.len().min(wb.len()) < 4 {
            return false;
        }
        word_key(wa, &mut self.x);
        word_key(wb, &mut self.y);
        let xa: Vec<char> = self.x.chars().collect();
        let ya: Vec<char> = self.y.chars().collect();
        let shorter = xa.len().min(ya.len());
        if shorter < 4 || xa.first() != ya.first() || xa.len().abs_diff(ya.len()) > 2 {
            return false;
        }
        let limit = if shorter >= 8 { 2 } else { 1 };
        edit_distance(&xa, &ya) <= limit
    }
}

fn edit_distance(x: &[char], y: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=y.len()).collect();
    let mut cur = vec![0; y.len() + 1];
    for (i, cx) in x.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cy) in y.iter().enumerate() {
            let sub = prev[j] + usize::from(cx != cy);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[y.len()]
}

impl PassageAligner for BandedAligner {
    fn align(&self, a: AlignInput<'_>, b: AlignInput<'_>, same: bool) -> Vec<SpanMatch> {
        let seeds = self.seeds(a.tokens, b.tokens, same);
        self.align_seeds(a, b, same, &seeds)
    }

    fn align_with_each(&self, a: AlignInput<'_>, bs: &[AlignInput<'_>]) -> Vec<Vec<SpanMatch>> {
        let table = SeedTable::new(self, a.tokens);
        let mut hits = Vec::new();
        bs.iter()
            .map(|&b| {
                let seeds = table.seeds(self, b.tokens, &mut hits);
                self.align_seeds(a, b, false, &seeds)
            })
            .collect()
    }
}

/// The seed n-grams of one text `a`, looked up by hash, to find its seeds with many texts `b`
/// without sorting each `b`'s n-grams: only the n-grams of `b` that `a` has (few, for most
/// candidate pairs) are sorted. Gives exactly the seeds of [`BandedAligner::seeds_from`].
struct SeedTable {
    /// Hash -> the last of its occurrences in `a` and how many there are, for n-grams that
    /// `a` repeats at most `max_seed_repeats` times (the others make no seeds).
    runs: FxHashMap<u64, (u32, u32)>,
    /// The occurrence before each one with the same hash (`u32::MAX`: none): the positions
    /// of a hash without sorting `a`'s n-grams.
    prev: Vec<u32>,
    /// One bit per value of a hash's top [`FILTER_BITS`] bits, set for the hashes in `runs`:
    /// most n-grams of `b` are not in `a`, and this turns them away before the map.
    filter: Box<[u64; 1 << (FILTER_BITS - 6)]>,
}

const FILTER_BITS: u32 = 14;

/// The hash of a seed's words (their variant keys). Seeds are only compared inside one
/// alignment, never stored, so this is a plain polynomial over the (already mixed) word
/// hashes, cheaper than the index's [`crate::fingerprint::ngram_hash`].
fn seed_hash(w: &[Token]) -> u64 {
    w.iter().fold(0u64, |h, t| {
        h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(t.variant)
    })
}

impl SeedTable {
    fn new(al: &BandedAligner, a: &[Token]) -> Self {
        let k = al.config.seed_words.max(1);
        let max_rep = al.config.max_seed_repeats.max(1);
        let n = (a.len() + 1).saturating_sub(k);
        let mut runs: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        runs.reserve(n);
        let mut prev = vec![u32::MAX; n];
        for (i, w) in a.windows(k).enumerate() {
            let run = runs.entry(seed_hash(w)).or_insert((u32::MAX, 0));
            prev[i] = run.0;
            *run = (i as u32, run.1 + 1);
        }
        runs.retain(|_, run| run.1 as usize <= max_rep);
        let mut filter = Box::new([0u64; 1 << (FILTER_BITS - 6)]);
        for h in runs.keys() {
            let f = h >> (64 - FILTER_BITS);
            filter[f as usize / 64] |= 1 << (f % 64);
        }
        SeedTable { runs, prev, filter }
    }

    fn seeds(&self, al: &BandedAligner, b: &[Token], hits: &mut Vec<(u64, u32)>) -> Vec<Seed> {
        let k = al.config.seed_words.max(1);
        let max_rep = al.config.max_seed_repeats.max(1);
        let mut seeds = Vec::new();
        if b.len() < k || self.runs.is_empty() {
            return seeds;
        }
        hits.clear();
        for (j, w) in b.windows(k).enumerate() {
            let h = seed_hash(w);
            let f = h >> (64 - FILTER_BITS);
            if (self.filter[f as usize / 64] >> (f % 64)) & 1 == 1 && self.runs.contains_key(&h) {
                hits.push((h, j as u32));
            }
        }
        hits.sort_unstable();
        let mut y = 0;
        while y < hits.len() {
            let h = hits[y].0;
            let y1 = y + hits[y..].iter().take_while(|g| g.0 == h).count();
            if let (true, Some(&(last, _))) = (y1 - y <= max_rep, self.runs.get(&h)) {
                let mut p = last;
                while let Some(&before) = self.prev.get(p as usize) {
                    for q in &hits[y..y1] {
                        seeds.push(Seed { i: p, j: q.1 });
                    }
                    p = before;
                }
            }
            y = y1;
        }
        seeds.sort_unstable_by_key(|s| (s.i, s.j));
        seeds
    }
}

impl BandedAligner {
    fn align_seeds(
        &self,
        a: AlignInput<'_>,
        b: AlignInput<'_>,
        same: bool,
        seeds: &[Seed],
    ) -> Vec<SpanMatch> {
        if seeds.is_empty() {
            return Vec::new();
        }
        let mut queue = self.chains(seeds);
        queue.reverse(); // pop() takes the best chain first
        let mut out: Vec<SpanMatch> = Vec::new();
        // Word pairs on accepted alignment paths: a seed on one is done, a new alignment that
        // mostly retraces them is a duplicate.
        let mut on_path: FxHashSet<(u32, u32)> = FxHashSet::default();
        let mut attempts = 0;
        let k = self.config.seed_words as u32;
        let min_chain = (self.config.min_words / 2)
            .max(self.config.min_chain_words as u32)
            .max(k);
        while let Some(chain) = queue.pop() {
            attempts += 1;
            if out.len() >= self.config.max_alignments || attempts > 4 * self.config.max_alignments
            {
                break;
            }
            let chain: Vec<Seed> = chain
                .into_iter()
                .filter(|s| !on_path.contains(&(s.i, s.j)))
                .collect();
            let (Some(f), Some(l)) = (chain.first(), chain.last()) else {
                continue;
            };
            if l.i + k - f.i < min_chain {
                continue;
            }
            let Some((m, pairs)) = self.align_chain(a, b, &chain) else {
                continue;
            };
            // The parts of the chain the local path left out get their own try.
            let before: Vec<Seed> = chain
                .iter()
                .copied()
                .filter(|s| s.i + k <= m.a_tokens.start)
                .collect();
            let after: Vec<Seed> = chain
                .iter()
                .copied()
                .filter(|s| s.i >= m.a_tokens.end)
                .collect();
            for part in [before, after] {
                if part.len() < chain.len() && !part.is_empty() {
                    queue.push(part);
                }
            }
            let self_overlap = same && m.a_tokens.overlap(&m.b_tokens) > 0;
            let retraced = pairs.iter().filter(|p| on_path.contains(p)).count();
            if self.big_enough(&m) && !self_overlap && 2 * retraced < pairs.len() {
                on_path.extend(pairs);
                out.push(m);
            }
        }
        out.sort_by_key(|m| (m.a_tokens.start, m.b_tokens.start));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{NewsSegmenter, Segmenter};

    fn align(a: &str, b: &str) -> Vec<SpanMatch> {
        let s = NewsSegmenter;
        let (ta, tb) = (s.tokens(a), s.tokens(b));
        BandedAligner::default().align(
            AlignInput {
                text: a,
                tokens: &ta,
            },
            AlignInput {
                text: b,
                tokens: &tb,
            },
            false,
        )
    }

    const LEAD: &str = "Kazakh President Kassym-Jomart Tokayev told an extraordinary online meeting \
        of the Collective Security Treaty Organization (CSTO) on Monday that the main goal of the \
        terrorists was undermining constitutional order, the seizure of power and an attempted coup.";

    #[test]
    fn verbatim_passage_inside_other_text_has_exact_offsets() {
        let b =
            format!("Unrelated opening words about the weather today.\n\n{LEAD}\n\nNo comments:");
        let m = align(LEAD, &b);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].a.slice(LEAD), LEAD);
        assert_eq!(m[0].b.slice(&b), LEAD);
        assert_eq!(m[0].mismatches + m[0].variants, 0);
        assert!((m[0].identity() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn spelling_variants_and_quote_styles_align_as_variants() {
        let a = "He said the “Collective Security Treaty Organization” would analyze the \
                 behavior of the terrorists and defend the centre of the city, officials said.";
        let b = "He said the \"Collective Security Treaty Organisation\" would analyse the \
                 behaviour of the terrorists and defend the center of the city, officials said.";
        let m = align(a, b);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].a.slice(a), a);
        assert_eq!(m[0].b.slice(b), b);
        assert_eq!(m[0].variants, 4);
        assert_eq!(m[0].mismatches, 0);
    }

    #[test]
    fn widget_lines_are_trimmed_but_table_rows_are_not() {
        // Two posts of one site share a paragraph and the site's share widget under it: the
        // widget is not what was reused.
        let a = format!(
            "Officials met in the capital on Tuesday.\n\n{LEAD}\n\nShare this:\nTwitter\nFacebook"
        );
        let b = format!("{LEAD}\n\nShare this:\nTwitter\nFacebook\n\nMore on this later.");
        let m = align(&a, &b);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].a.slice(&a), LEAD);
        // A teaser that is three rows of a results table, each shorter than a widget line.
        let rows = "Hartford, CT\t91.7\n4. Stamford, CT\t88.5\n5. New Haven, CT\t88.4";
        let table = format!("Smallest increase\tScore\n1. Norwalk, CT\t94.3\n2. Danbury, CT\t94.0\n3. {rows}\n6. Bristol, CT\t87.5");
        let m = align(rows, &table);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].a.slice(rows), rows);
    }

    #[test]
    fn near_equal_transliteration_counts_as_variant() {
        let a = "President Tokayev said the security forces had restored constitutional order in Almaty.";
        let b = "President Tokaev said the security forces had restored constitutional order in Almaty.";
        let m = align(a, b);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].variants, 1);
        assert_eq!(m[0].a.slice(a), a);
    }

    #[test]
    fn dropped_and_inserted_sentences() {
        let s1 = "Protesters set fire to the mayor's office in Almaty on Wednesday evening.";
        let s2 =
            "Police said they had detained several hundred people across the country overnight.";
        let s3 = "The government resigned after fuel prices doubled at the start of the year.";
        let s4 = "Russia and its allies sent troops at the request of the Kazakh president.";
        let a = format!("{s1} {s2} {s3} {s4}");
        let b = format!("{s1} {s3} {s4}");
        let m = align(&a, &b);
        let covered_a: usize = m.iter().map(|x| x.a.len()).sum();
        assert!(m.iter().all(|x| x.mismatches == 0));
        // Every sentence of b is covered, s2 of a is either a gap or left out.
        let covered_b: usize = m.iter().map(|x| x.b.len()).sum();
        assert_eq!(covered_b, b.len());
        assert!(covered_a >= b.len());
        // Inserted: the other way round.
        let m = align(&b, &a);
        assert_eq!(m.iter().map(|x| x.a.len()).sum::<usize>(), b.len());
    }

    #[test]
    fn reordered_adjacent_sentences_give_several_alignments() {
        let s1 = "Protesters set fire to the mayor's office in Almaty on Wednesday evening, witnesses said.";
        let s2 =
            "Police said they had detained several hundred people across the country overnight.";
        let s3 = "The government resigned after fuel prices doubled at the start of the year.";
        let s4 = "Russia and its allies sent troops at the request of the Kazakh president.";
        let a = format!("{s1} {s2} {s3} {s4}");
        let b = format!("{s1} {s3} {s2} {s4}");
        let m = align(&a, &b);
        assert!(m.len() >= 2, "{m:?}");
        let mut covered = vec![false; b.len()];
        for x in &m {
            covered[x.b.start..x.b.end]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        // Every sentence of b is in some alignment.
        for s in [s1, s2, s3, s4] {
            let at = b.find(s).unwrap();
            assert!(covered[at..at + s.len()].iter().all(|&c| c), "{s}");
        }
    }

    #[test]
    fn stock_phrase_below_minimum_is_not_reported() {
        let a =
            "In a statement, officials said on Monday that the situation was under control now.";
        let b = "Weather forecasters warned of heavy snow; the situation was under control, they added.";
        assert!(align(a, b).is_empty());
    }

    #[test]
    fn multibyte_text_offsets() {
        let a = "Глава государства заявил, что «главной целью террористов был подрыв конституционного строя и захват власти» — сообщает ТАСС.";
        let b = format!("Новости дня. {}", &a[..a.find(" — ").unwrap()]);
        let m = align(a, &b);
        assert_eq!(m.len(), 1);
        let sa = m[0].a.slice(a);
        let sb = m[0].b.slice(&b);
        assert_eq!(sa, sb);
        assert!(sa.starts_with("Глава") && sa.ends_with("власти»"));
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(align("", "").is_empty());
        assert!(align("word", "word").is_empty());
        assert!(align("", LEAD).is_empty());
    }

    #[test]
    fn repeated_lead_inside_one_text() {
        let text = format!(
            "{LEAD}\nSomething else entirely happened in between these two.\n{}",
            LEAD.replace("Organization", "Organisation").replace(
                "told an extraordinary online meeting",
                "addressing a meeting"
            )
        );
        let t = NewsSegmenter.tokens(&text);
        let inp = AlignInput {
            text: &text,
            tokens: &t,
        };
        let m = BandedAligner::default().align(inp, inp, true);
        assert_eq!(m.len(), 1);
        assert!(m[0].a.end <= m[0].b.start);
        assert!(m[0].a.slice(&text).ends_with("an attempted coup."));
        assert!(m[0].b.slice(&text).ends_with("an attempted coup."));
    }

    /// The seed page of `../shared/seed` (empty when the checkout has no `shared/`: the tests
    /// then fail on their line count, not on a missing file).
    fn seed_page() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/seed/000_1da12e83afc5f8cf.txt"
        );
        std::fs::read_to_string(path).unwrap_or_default()
    }

    #[test]
    fn seed_table_finds_the_seeds_of_the_merge_join() {
        let seed = seed_page();
        let lines: Vec<&str> = seed.lines().collect();
        assert!(lines.len() > 8);
        // Repeats on both sides (some above `max_seed_repeats`), reorders, a text with itself.
        let a = format!("{LEAD} {LEAD} {} {LEAD}", lines[2..9].join("\n"));
        let b = format!(
            "{} {LEAD} {}",
            lines[5..11].join("\n"),
            lines[1..4].join(" ")
        );
        let c = format!("{LEAD} {LEAD} {LEAD} {LEAD} {LEAD}");
        let al = BandedAligner::default();
        let s = NewsSegmenter;
        let ij = |v: Vec<Seed>| v.into_iter().map(|x| (x.i, x.j)).collect::<Vec<_>>();
        let mut hits = Vec::new();
        let mut nonempty = 0;
        for (x, y) in [
            (&a, &b),
            (&b, &a),
            (&a, &c),
            (&c, &a),
            (&b, &b),
            (&seed, &a),
        ] {
            let (tx, ty) = (s.tokens(x), s.tokens(y));
            let want = ij(al.seeds_from(&al.grams(&tx), &al.grams(&ty), false));
            let got = ij(SeedTable::new(&al, &tx).seeds(&al, &ty, &mut hits));
            assert_eq!(got, want);
            nonempty += usize::from(!want.is_empty());
        }
        assert!(nonempty >= 4);
    }

    /// The look-back of [`BandedAligner::chains`] without the bound, as it was written first.
    fn chain_scores_reference(al: &BandedAligner, seeds: &[Seed]) -> (Vec<i64>, Vec<usize>) {
        let k = al.config.seed_words as i64;
        let (max_gap, max_shift) = (al.config.max_gap as i64, al.config.max_shift as i64);
        let n = seeds.len();
        let (mut score, mut pred) = (vec![0i64; n], vec![usize::MAX; n]);
        for s in 0..n {
            let (si, sj) = (seeds[s].i as i64, seeds[s].j as i64);
            score[s] = k;
            let (mut looked, mut p) = (0, s);
            let floor = s.saturating_sub(512);
            while p > floor && looked < 64 {
                p -= 1;
                let (pi, pj) = (seeds[p].i as i64, seeds[p].j as i64);
                if si - pi > max_gap {
                    break;
                }
                if pi >= si || pj >= sj || sj - pj > max_gap {
                    continue;
                }
                looked += 1;
                let (di, dj) = (si - pi, sj - pj);
                let shift = (di - dj).abs();
                if shift > max_shift {
                    continue;
                }
                let gain = di.min(dj).min(k) - shift / 4 - i64::from(shift > 0);
                if score[p] + gain > score[s] {
                    score[s] = score[p] + gain;
                    pred[s] = p;
                }
            }
        }
        (score, pred)
    }

    #[test]
    fn bounded_look_back_gives_the_same_scores() {
        let seed = seed_page();
        let lines: Vec<&str> = seed.lines().collect();
        assert!(lines.len() > 10);
        let a = format!("{LEAD} {LEAD} {} {LEAD}", lines[2..9].join("\n"));
        let b = format!(
            "{} {LEAD} {}",
            lines[5..11].join("\n"),
            lines[1..6].join(" ")
        );
        let al = BandedAligner::default();
        let s = NewsSegmenter;
        let mut checked = 0;
        for (x, y, same) in [
            (&a, &b, false),
            (&b, &a, false),
            (&seed, &a, false),
            (&a, &a, true),
        ] {
            let (tx, ty) = (s.tokens(x), s.tokens(y));
            let seeds = al.seeds(&tx, &ty, same);
            assert_eq!(al.chain_scores(&seeds), chain_scores_reference(&al, &seeds));
            checked += seeds.len();
        }
        // Synthetic seed sets: diagonal runs with gaps, jitter and shifts, over noise.
        for round in 0..200u64 {
            let r = |x: u64| crate::segment::mix64(round * 1_000_003 + x);
            let mut seeds = Vec::new();
            let (mut i, mut j) = (0u32, (r(0) % 50) as u32);
            for x in 0..(50 + r(1) % 400) {
                let step = r(10 + x);
                i += 1 + (step % 6) as u32;
                j = (j + 1 + ((step >> 8) % 6) as u32).saturating_sub(((step >> 16) % 5) as u32);
                seeds.push(Seed { i, j });
                if (step >> 24) % 7 == 0 {
                    seeds.push(Seed {
                        i,
                        j: (r(5000 + x) % 800) as u32,
                    });
                }
            }
            seeds.sort_unstable_by_key(|s| (s.i, s.j));
            seeds.dedup_by_key(|s| (s.i, s.j));
            assert_eq!(al.chain_scores(&seeds), chain_scores_reference(&al, &seeds));
            checked += seeds.len();
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn edit_distance_basics() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("tokayev"), &c("tokaev")), 1);
        assert_eq!(edit_distance(&c(""), &c("abc")), 3);
        assert_eq!(edit_distance(&c("kitten"), &c("sitting")), 3);
    }
}
