//! Normalisation and segmentation: words with byte spans into the original text, sentences and
//! paragraphs.
//!
//! Matching happens on a *key* per word: NFKC, quotes and dashes folded, case folded, and
//! punctuation dropped, so `“Coup,”` and `"coup` are the same word and `1,000` equals `1000`.
//! The original text is never rewritten: a [`Token`] keeps the byte span of the word as written
//! (with its attached punctuation, so a span that ends on a sentence's last word ends after the
//! full stop), and every later stage reports spans in those bytes.

use echotrace_core::ByteSpan;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One word of a text: its bytes as written and the hash of its normalised key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the word (including attached punctuation) in the original text.
    pub start: u32,
    /// End of the word, exclusive.
    pub end: u32,
    /// Stable 64-bit hash of the normalised key (see [`word_key`]).
    pub key: u64,
    /// Hash of the key with spelling variation folded away (see [`variant_form`]): equal for
    /// `organization`/`organisation`, `colour`/`color`, `travelled`/`traveled`, `Zürich`/`Zurich`.
    pub variant: u64,
}

impl Token {
    pub fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start as usize, self.end as usize)
    }
}

/// A text cut into words, sentences and paragraphs. Offsets are bytes into the text it was
/// made from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<ByteSpan>,
    pub paragraphs: Vec<ByteSpan>,
}

/// Cuts a text into tokens, sentences and paragraphs. The plug point for other languages or
/// tokenisers: everything downstream only needs token keys and byte spans.
pub trait Segmenter: Send + Sync {
    /// Words only: what fingerprinting and alignment need.
    fn tokens(&self, text: &str) -> Vec<Token>;

    /// Words, sentences and paragraphs.
    fn segment(&self, text: &str) -> Segmented;

    /// Writes the normalised matching form of one word as written (used to compare two
    /// different keys for near-equality, e.g. spelling variants).
    fn word_form(&self, word: &str, out: &mut String);
}

/// The default segmenter for news text in Latin, Cyrillic, Greek and other space-delimited
/// scripts.
#[derive(Clone, Copy, Debug, Default)]
pub struct NewsSegmenter;

/// Texts longer than this are only analysed up to it: offsets are stored as `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Dashes split words (`power—and` is two words), unlike the hyphen inside `Kassym-Jomart`.
fn is_word_break(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
}

/// Folds the typographic variants copy desks change freely: curly and straight quotes, the
/// dash family. Applied after NFKC.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{0060}'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// The normalised form of a whole text for matching and display of matches: NFKC, quotes and
/// dashes folded, lowercased. Byte offsets do not survive this; use [`Segmenter::segment`] for
/// anything that must point back into the text.
pub fn normalize_for_matching(text: &str) -> String {
    text.nfkc()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The matching key of one word as written: NFKC, case folded, letters and digits only (quotes,
/// apostrophes, hyphens and thousands separators dropped).
pub fn word_key(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
    } else {
        for c in word.nfkc() {
            let c = fold_char(c);
            if is_alphanumeric_fast(c) {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// A word key with the spelling variation of news copy folded away, so that a copy desk's house
/// style does not break a match: accents dropped, doubled letters collapsed, and the
/// British/American families (`-our`/`-or`, `-ise`/`-ize`, `-yse`/`-yze`, `-re`/`-er`,
/// `-ence`/`-ense`, `-mme`/`-m`, `-ogue`/`-og`, `ae`/`oe`/`e`). Distinct words can collide
/// (`hours`/`hors`); the aligner scores a variant match below an exact one for that reason.
pub fn variant_form(key: &str, out: &mut String) {
    out.clear();
    if key.is_ascii() {
        fold_variant(key.as_bytes().iter().map(|&b| b as char), key.len(), out);
    } else {
        let n = key.nfd().filter(|&c| !is_combining_mark(c)).count();
        fold_variant(key.nfd().filter(|&c| !is_combining_mark(c)), n, out);
    }
}

/// Longest ASCII word that [`push_word`] keys on the stack (the buffer of [`fold_variant`]).
const ASCII_WORD: usize = 64;

/// [`fold_variant`] for a key of ASCII letters and digits, into `out`; returns the length.
fn fold_variant_ascii(key: &[u8], out: &mut [u8; ASCII_WORD]) -> usize {
    let n = key.len().min(ASCII_WORD);
    let mut w = [0u8; ASCII_WORD];
    w[..n].copy_from_slice(&key[..n]);
    if n < 4 {
        out[..n].copy_from_slice(&w[..n]);
        return n;
    }
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let ends = |w: &[u8], suf: &[u8]| w.len() > suf.len() + 1 && w.ends_with(suf);
    let mut len = n;
    if ends(&w[..n], b"mme") || ends(&w[..n], b"ogue") {
        len -= 2;
    } else if ends(&w[..n], b"re") && !is_vowel(w[n - 3]) {
        w[n - 2] = b'e';
        w[n - 1] = b'r';
    }
    let w = &w[..len];
    let mut o = 0;
    let mut prev: Option<u8> = None;
    let mut i = 0;
    while i < w.len() {
        let mut c = w[i];
        if c == b'z' {
            c = b's';
        }
        if c == b'c'
            && i >= 2
            && w[i - 1] == b'n'
            && w[i - 2] == b'e'
            && w.get(i + 1) == Some(&b'e')
        {
            c = b's';
        }
        if c == b'u' && i >= 2 && w[i - 1] == b'o' && w.get(i + 1) == Some(&b'r') && w.len() >= 5 {
            i += 1;
            continue;
        }
        if (c == b'a' || c == b'o') && i >= 1 && w.get(i + 1) == Some(&b'e') {
            i += 1;
            continue;
        }
        if prev == Some(c) && c.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        out[o] = c;
        o += 1;
        prev = Some(c);
        i += 1;
    }
    o
}

fn fold_variant(chars: impl Iterator<Item = char> + Clone, n: usize, out: &mut String) {
    if n < 4 {
        out.extend(chars);
        return;
    }
    let mut buf = [' '; 64];
    if n > buf.len() {
        out.extend(chars);
        return;
    }
    for (slot, c) in buf.iter_mut().zip(chars) {
        *slot = c;
    }
    let mut w = &mut buf[..n];
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let ends = |w: &[char], suf: &[char]| w.len() > suf.len() + 1 && w.ends_with(suf);
    let mut len = n;
    // Suffix families first, on the word as written.
    if ends(w, &['m', 'm', 'e']) || ends(w, &['o', 'g', 'u', 'e']) {
        len -= 2;
    } else if ends(w, &['r', 'e']) && !is_vowel(w[n - 3]) {
        w[n - 2] = 'e';
        w[n - 1] = 'r';
    }
    w = &mut w[..len];
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < w.len() {
        let mut c = w[i];
        if c == 'z' {
            c = 's';
        }
        // `ence` -> `ense` (defence/defense, licence/license).
        if c == 'c' && i >= 2 && w[i - 1] == 'n' && w[i - 2] == 'e' && w.get(i + 1) == Some(&'e') {
            c = 's';
        }
        // `our` -> `or` inside a longer word (colour, behaviour; not four, your).
        if c == 'u' && i >= 2 && w[i - 1] == 'o' && w.get(i + 1) == Some(&'r') && w.len() >= 5 {
            i += 1;
            continue;
        }
        // `ae`, `oe` -> `e` (paediatric, manoeuvre).
        if (c == 'a' || c == 'o') && i >= 1 && w.get(i + 1) == Some(&'e') {
            i += 1;
            continue;
        }
        if prev == Some(c) && c.is_alphabetic() {
            i += 1;
            continue;
        }
        out.push(c);
        prev = Some(c);
        i += 1;
    }
}

/// `char::is_alphanumeric`, from a table for the code points below U+2100 (Latin, Greek,
/// Cyrillic, Hebrew, Arabic, and the curly quotes and dashes of General Punctuation), where
/// the standard library searches its Unicode tables for every character beyond ASCII:
/// counting the letters of words is hot in provenance.
pub(crate) fn is_alphanumeric_fast(c: char) -> bool {
    const END: u32 = 0x2100;
    static TABLE: std::sync::OnceLock<[u64; END as usize / 64]> = std::sync::OnceLock::new();
    let cp = c as u32;
    if cp >= END {
        return c.is_alphanumeric();
    }
    let table = TABLE.get_or_init(|| {
        let mut t = [0u64; END as usize / 64];
        for cp in 0..END {
            if char::from_u32(cp).is_some_and(char::is_alphanumeric) {
                t[(cp / 64) as usize] |= 1 << (cp % 64);
            }
        }
        t
    });
    table[(cp / 64) as usize] >> (cp % 64) & 1 == 1
}

/// FNV-1a with a final avalanche: stable across platforms and releases, unlike the std hasher,
/// because keys end up in a persisted index.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    mix64(h)
}

/// splitmix64's finaliser.
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl Segmenter for NewsSegmenter {
    fn tokens(&self, text: &str) -> Vec<Token> {
        let text = clip(text);
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut key = String::new();
        let mut variant = String::new();
        let mut start: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        // Byte by byte where the text is ASCII (most news text), decoding a char only where
        // it is not: the same cuts as walking `char_indices`, at a fraction of the cost.
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                // ASCII: a word break exactly where `char::is_whitespace` says (dashes and
                // the scripts without spaces are all outside ASCII).
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    if let Some(s) = start.take() {
                        push_word(&text[s..i], s, &mut key, &mut variant, &mut tokens);
                    }
                } else if start.is_none() {
                    start = Some(i);
                }
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_cjk(c) {
                // Scripts written without spaces: every character is a word.
                if let Some(s) = start.take() {
                    push_word(&text[s..i], s, &mut key, &mut variant, &mut tokens);
                }
                push_word(
                    &text[i..i + c.len_utf8()],
                    i,
                    &mut key,
                    &mut variant,
                    &mut tokens,
                );
            } else if is_word_break(c) {
                if let Some(s) = start.take() {
                    push_word(&text[s..i], s, &mut key, &mut variant, &mut tokens);
                }
            } else if start.is_none() {
                start = Some(i);
            }
            i += c.len_utf8();
        }
        if let Some(s) = start {
            push_word(&text[s..], s, &mut key, &mut variant, &mut tokens);
        }
        tokens
    }

    fn segment(&self, text: &str) -> Segmented {
        let text = clip(text);
        let paragraphs = paragraphs(text);
        let sentences = paragraphs
            .iter()
            .flat_map(|p| sentences_in(text, *p))
            .collect();
        Segmented {
            tokens: self.tokens(text),
            sentences,
            paragraphs,
        }
    }

    fn word_form(&self, word: &str, out: &mut String) {
        word_key(word, out)
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The key and variant hashes of an ASCII word of at most [`ASCII_WORD`] bytes, as
/// [`word_key`], [`variant_form`] and [`stable_hash`] give them, in one pass on the stack:
/// `None` for a word with other bytes (the general path), `Some(None)` for a word without
/// letters or digits. The variant is folded only where the key has something a fold could
/// change (a `z`, `enc`, `ou`, `ae`/`oe`, a doubled letter, a suffix of the families); the
/// tests compare this with the general path on every word of a corpus.
fn ascii_word_hashes(word: &[u8]) -> Option<Option<(u64, u64)>> {
    let mut kb = [0u8; ASCII_WORD];
    let mut n = 0;
    let mut h = FNV_OFFSET;
    let (mut p1, mut p2) = (0u8, 0u8);
    let mut foldable = false;
    for &b in word.iter().take(ASCII_WORD) {
        if !b.is_ascii() {
            return None;
        }
        if !b.is_ascii_alphanumeric() {
            continue;
        }
        let c = b.to_ascii_lowercase();
        // Bitwise, not short-circuit: compiled as a jump table on `c` the test was the
        // costliest line of the tokeniser (a mispredicted jump per letter).
        foldable |= (c == b'z')
            | ((c == b'c') & (p1 == b'n') & (p2 == b'e'))
            | ((c == b'u') & (p1 == b'o'))
            | ((c == b'e') & ((p1 == b'a') | (p1 == b'o')))
            | ((c == p1) & c.is_ascii_alphabetic());
        (p2, p1) = (p1, c);
        kb[n] = c;
        n += 1;
        h = (h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
    }
    if word.len() > ASCII_WORD {
        return None;
    }
    if n == 0 {
        return Some(None);
    }
    let key = mix64(h);
    let w = &kb[..n];
    let ends = |suf: &[u8]| n > suf.len() + 1 && w.ends_with(suf);
    let suffix = ends(b"mme")
        || ends(b"ogue")
        || (ends(b"re") && !matches!(w[n - 3], b'a' | b'e' | b'i' | b'o' | b'u' | b'y'));
    if n < 4 || !(foldable || suffix) {
        return Some(Some((key, key)));
    }
    let mut vb = [0u8; ASCII_WORD];
    let vn = fold_variant_ascii(w, &mut vb);
    Some(Some((key, stable_hash(&vb[..vn]))))
}

fn push_word(
    word: &str,
    at: usize,
    key: &mut String,
    variant: &mut String,
    tokens: &mut Vec<Token>,
) {
    if word.len() <= ASCII_WORD {
        if let Some(hashes) = ascii_word_hashes(word.as_bytes()) {
            if let Some((key, variant)) = hashes {
                tokens.push(Token {
                    start: at as u32,
                    end: (at + word.len()) as u32,
                    key,
                    variant,
                });
            }
            return;
        }
    }
    word_key(word, key);
    if !key.is_empty() {
        variant_form(key, variant);
        tokens.push(Token {
            start: at as u32,
            end: (at + word.len()) as u32,
            key: stable_hash(key.as_bytes()),
            variant: stable_hash(variant.as_bytes()),
        });
    }
}

/// Han, kana and Thai: written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x2FFFF // extensions B-F
        | 0x0E00..=0x0E7F // Thai
    )
}

fn clip(text: &str) -> &str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every non-blank line is a paragraph: news text comes with one paragraph a line (feeds,
/// extracted pages) or with blank lines between them, and a line break is never inside a
/// sentence that a copy desk would keep together.
fn paragraphs(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = pos + lead;
            out.push(ByteSpan::new(s, s + trimmed.len()));
        }
        pos += line.len() + 1;
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "no", "nos",
    "vs", "v", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "e.g",
    "i.e", "cf", "al", "ave", "blvd", "rd", "ft", "gov't", "op", "pp", "vol", "ch", "art", "sec",
];

/// Words that start sentences often enough to decide `… the U.S. The next …`.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "as",
    "at",
    "if",
    "when",
    "while",
    "after",
    "for",
    "however",
    "meanwhile",
    "according",
];

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}'
    )
}

/// Sentence spans inside one paragraph.
fn sentences_in(text: &str, para: ByteSpan) -> Vec<ByteSpan> {
    let p = para.slice(text);
    let base = para.start;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    let mut sent_start = 0usize;
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            k += 1;
            continue;
        }
        let term_at = k;
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '\u{2026}') {
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let end_byte = chars.get(j).map_or(p.len(), |&(b, _)| b);
        // A boundary needs whitespace, then a capital, a digit or an opening quote.
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        if n == j || n >= chars.len() {
            k = j.max(k + 1);
            continue;
        }
        let mut m = n;
        while m < chars.len() && is_opener(chars[m].1) {
            m += 1;
        }
        let starts_ok = chars
            .get(m)
            .is_some_and(|&(_, c)| c.is_uppercase() || c.is_numeric())
            || m > n;
        if !starts_ok || (c == '.' && !period_ends_sentence(p, &chars, term_at, m)) {
            k = j.max(k + 1);
            continue;
        }
        if end_byte > sent_start {
            out.push(ByteSpan::new(base + sent_start, base + end_byte));
        }
        sent_start = chars[n].0;
        k = n;
    }
    if p.len() > sent_start {
        out.push(ByteSpan::new(base + sent_start, base + p.len()));
    }
    out
}

/// Whether the full stop at `chars[at]` ends a sentence, given the word before it and the word
/// that starts at `chars[next]`.
fn period_ends_sentence(p: &str, chars: &[(usize, char)], at: usize, next: usize) -> bool {
    let mut s = at;
    while s > 0 && !chars[s - 1].1.is_whitespace() && !is_opener(chars[s - 1].1) {
        s -= 1;
    }
    let word = &p[chars[s].0..chars[at].0];
    let lower = word.to_lowercase();
    // `then-Sen. Barack Obama`, `ex-Gov. Smith`: a hyphenated prefix before the title.
    let title = lower.rsplit('-').next().unwrap_or(&lower);
    if ABBREVIATIONS.contains(&lower.as_str()) || ABBREVIATIONS.contains(&title) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial (`J. Smith`) does not end a sentence.
    if letters == 1 && word.chars().count() == 1 {
        return false;
    }
    // A dotted acronym (`U.S.`) ends one only if a typical sentence opener follows.
    if word.contains('.') && letters <= 4 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        let next_word: String = chars[next..]
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_alphabetic())
            .collect();
        return SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, seg: &[Token]) -> Vec<&'a str> {
        seg.iter().map(|t| t.span().slice(text)).collect()
    }

    /// The reference tokeniser: `char_indices` and the general key path for every word.
    fn reference_tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let (mut key, mut variant) = (String::new(), String::new());
        let mut push = |w: &str, at: usize, out: &mut Vec<Token>| {
            word_key(w, &mut key);
            if !key.is_empty() {
                variant_form(&key, &mut variant);
                out.push(Token {
                    start: at as u32,
                    end: (at + w.len()) as u32,
                    key: stable_hash(key.as_bytes()),
                    variant: stable_hash(variant.as_bytes()),
                });
            }
        };
        let mut start: Option<usize> = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if is_cjk(c) {
                if let Some(s) = start.take() {
                    push(&text[s..i], s, &mut out);
                }
                push(&text[i..i + c.len_utf8()], i, &mut out);
            } else if is_word_break(c) {
                if let Some(s) = start.take() {
                    push(&text[s..i], s, &mut out);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        out
    }

    #[test]
    fn fast_tokeniser_equals_the_reference() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");
        let mut texts: Vec<String> = ["seed/000_1da12e83afc5f8cf.txt", "seed/EXPECTED.md"]
            .iter()
            .chain(&[
                "eval/reuse/clough-stevenson/orig_taska.txt",
                "eval/reuse/clough-stevenson/orig_taskb.txt",
                "eval/reuse/clough-stevenson/g0pA_taska.txt",
            ])
            .filter_map(|f| std::fs::read_to_string(format!("{dir}/{f}")).ok())
            .collect();
        texts.push(
            "colour programme Programme catalogue centre theatre acre mediocre defence licence \
             paediatric manoeuvre OOOrganisation travelled traveller 1000 10,000 aaaa zz Zz z4z \
             four your hour hours dialogue mmme ogue ogues re bre ence eence Ouur oure \
             Tokayev—Tokaev “quoted,” don’t Zürich Straße ﬁnance 東京タワー ไทย x\u{0085}y \
             a\u{000B}b\tc\rd e\u{00A0}f"
                .to_string(),
        );
        texts.push("x".repeat(63) + " " + &"y".repeat(64) + " " + &"Ab".repeat(40) + " end");
        texts.push("wordatend".to_string());
        // Words made of the letters the folds look at, in every arrangement a fold tests.
        let letters = b"aeouyzcnrmgstlEOZ1-'";
        let words: Vec<String> = (0..40_000u64)
            .map(|x| {
                let r = mix64(x);
                let len = 1 + (r % 11) as usize;
                (0..len)
                    .map(|i| letters[((r >> (5 + 5 * i)) % letters.len() as u64) as usize] as char)
                    .collect()
            })
            .collect();
        texts.push(words.join(" "));
        assert!(texts.len() >= 5);
        for t in &texts {
            assert_eq!(NewsSegmenter.tokens(t), reference_tokens(t));
        }
    }

    #[test]
    fn alphanumeric_table_agrees_with_std() {
        for cp in (0..0x3000u32).chain([0x1F600, 0x20000, 0x10FFFF]) {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_alphanumeric_fast(c), c.is_alphanumeric(), "{cp:#x}");
            }
        }
    }

    #[test]
    fn keys_fold_quotes_case_and_separators() {
        let s = NewsSegmenter;
        let a = s.tokens("“The coup,” he said: 1,000 people");
        let b = s.tokens("\"the Coup\" He SAID 1000 people");
        assert_eq!(
            a.iter().map(|t| t.key).collect::<Vec<_>>(),
            b.iter().map(|t| t.key).collect::<Vec<_>>()
        );
    }

    #[test]
    fn spelling_variants_share_a_variant_key() {
        let s = NewsSegmenter;
        for (a, b) in [
            ("Organization", "Organisation"),
            ("colour", "color"),
            ("travelled", "traveled"),
            ("centre", "center"),
            ("defence", "defense"),
            ("programme", "program"),
            ("analyse", "analyze"),
            ("behaviour", "behavior"),
            ("catalogue", "catalog"),
            ("Zürich", "Zurich"),
        ] {
            let (x, y) = (s.tokens(a)[0], s.tokens(b)[0]);
            assert_ne!(x.key, y.key, "{a}/{b}");
            assert_eq!(x.variant, y.variant, "{a}/{b}");
        }
        for (a, b) in [
            ("four", "for"),
            ("your", "yor"),
            ("are", "aer"),
            ("coup", "cop"),
        ] {
            assert_ne!(s.tokens(a)[0].variant, s.tokens(b)[0].variant, "{a}/{b}");
        }
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        let s = NewsSegmenter;
        // Full-width letters and the `ﬁ` ligature are NFKC-equal to plain ones.
        let a = s.tokens("ＣＳＴＯ ﬁnal");
        let b = s.tokens("csto final");
        assert_eq!(a[0].key, b[0].key);
        assert_eq!(a[1].key, b[1].key);
    }

    #[test]
    fn byte_spans_point_into_multibyte_text() {
        let text = "Привет — «мир» naïve 東京 café.";
        let s = NewsSegmenter;
        let t = s.tokens(text);
        assert_eq!(
            words(text, &t),
            vec!["Привет", "«мир»", "naïve", "東", "京", "café."]
        );
        for tok in &t {
            assert!(text.is_char_boundary(tok.start as usize));
            assert!(text.is_char_boundary(tok.end as usize));
        }
    }

    #[test]
    fn scripts_without_spaces_are_cut_into_characters() {
        let text = "Kindle書籍を読む (PC)";
        let t = NewsSegmenter.tokens(text);
        assert_eq!(
            words(text, &t),
            vec!["Kindle", "書", "籍", "を", "読", "む", "(PC)"]
        );
    }

    #[test]
    fn dashes_split_words_hyphens_do_not() {
        let text = "power—and Kassym-Jomart Tokayev - said";
        let t = NewsSegmenter.tokens(text);
        assert_eq!(
            words(text, &t),
            vec!["power", "and", "Kassym-Jomart", "Tokayev", "said"]
        );
    }

    #[test]
    fn empty_and_punctuation_only_texts() {
        let s = NewsSegmenter;
        assert!(s.segment("").tokens.is_empty());
        assert!(s.segment(" — … \n\n ").tokens.is_empty());
        let one = s.segment("Word");
        assert_eq!(one.tokens.len(), 1);
        assert_eq!(one.sentences, vec![ByteSpan::new(0, 4)]);
    }

    #[test]
    fn sentences_respect_abbreviations_initials_and_quotes() {
        let text = "Mr. Smith met J. R. Doe in the U.S. on Monday. \
                    “It was a coup,” he said. “We won.” The U.S. The end? Yes! Dr. No left.";
        let seg = NewsSegmenter.segment(text);
        let got: Vec<&str> = seg.sentences.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            vec![
                "Mr. Smith met J. R. Doe in the U.S. on Monday.",
                "“It was a coup,” he said.",
                "“We won.”",
                "The U.S.",
                "The end?",
                "Yes!",
                "Dr. No left."
            ]
        );
    }

    #[test]
    fn a_title_after_a_hyphenated_prefix_ends_no_sentence() {
        let text = "He ran against then-Sen. Barack Obama in 2008. The ex-Gov. Smith lost.";
        let seg = NewsSegmenter.segment(text);
        let got: Vec<&str> = seg.sentences.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            vec![
                "He ran against then-Sen. Barack Obama in 2008.",
                "The ex-Gov. Smith lost."
            ]
        );
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "Sputnik\nFirst para. Second sentence.\n\n  Third para.  \n";
        let seg = NewsSegmenter.segment(text);
        let got: Vec<&str> = seg.paragraphs.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            got,
            vec!["Sputnik", "First para. Second sentence.", "Third para."]
        );
        assert_eq!(seg.sentences.len(), 4);
    }

    #[test]
    fn normalize_for_matching_folds_everything() {
        assert_eq!(normalize_for_matching("“Ｃoup” – ’Tis"), "\"coup\" - 'tis");
    }
}
