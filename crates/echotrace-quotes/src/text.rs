//! Tokens, quotation marks and sentences.
//!
//! Everything downstream works on [`Item`](crate::extract::Item)s: words and punctuation with their byte spans, and
//! top-level quotations collapsed into a single item. Collapsing matters: the words inside a
//! quotation are somebody's speech, so a `he said` inside it must not be read as a cue of the
//! sentence around it, and a sentence must not end at a full stop inside a quotation.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Open,
    Close,
    /// A straight mark whose neighbours do not tell: decided by the marks already open.
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Number,
    Punct(char),
    Mark(Family, Dir),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// Abbreviations whose full stop belongs to the word, so that `Sen. Rubio said` is one
/// sentence. Titles and the usual news abbreviations; lowercase, without the stop.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "prof", "rev", "hon", "pres", "inc", "corp", "co",
    "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "supt", "insp", "det", "sens", "govs", "messrs", "mme",
    "mlle", "op", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
    "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "approx", "dept", "univ", "assn",
    "bros", "v",
]);

/// A number written as a word (lowercase): `nine in 10`, `Nine said` names nobody.
pub(crate) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
    )
}

/// The last part of a web address that outlets go by (`Politico.com`, `Polygraph.info`).
fn is_top_level_domain(w: &str) -> bool {
    matches!(
        w,
        "com"
            | "org"
            | "net"
            | "info"
            | "gov"
            | "edu"
            | "io"
            | "co"
            | "uk"
            | "ru"
            | "de"
            | "fr"
            | "us"
            | "tv"
            | "news"
            | "ca"
            | "au"
            | "in"
            | "cn"
            | "eu"
    )
}

fn is_abbreviation(word: &str) -> bool {
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: George W. Bush
    }
    let lower = word.to_ascii_lowercase();
    // `then-Sen. Barack Obama`, `ex-Gov. Smith`: a hyphenated prefix before the title.
    let title = lower.rsplit('-').next().unwrap_or(&lower);
    ABBREVIATIONS.contains(lower.as_str())
        || (title.len() < lower.len() && ABBREVIATIONS.contains(title))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Tokenizes `text[start..end]` (one paragraph). Offsets are absolute byte offsets into `text`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let para = text.get(start..end).unwrap_or("");
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> Option<char> { chars.get(i).map(|&(_, c)| c) };
    let byte = |i: usize| -> usize { start + chars.get(i).map_or(para.len(), |&(b, _)| b) };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // An elided year or decade ('90s, ’08) is a word, not an opening quote.
        if is_apostrophe(c) || c == '\u{2018}' {
            let prev_ok = i == 0 || at(i - 1).is_some_and(|p| !is_word_char(p));
            if prev_ok && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                let mut j = i + 1;
                while at(j).is_some_and(|d| d.is_ascii_digit()) {
                    j += 1;
                }
                let digits = j - i - 1;
                if (digits == 2 || digits == 4)
                    && (at(j) == Some('s') || !at(j).is_some_and(is_word_char))
                {
                    if at(j) == Some('s') {
                        j += 1;
                    }
                    out.push(Token {
                        start: byte(i),
                        end: byte(j),
                        kind: TokKind::Number,
                    });
                    i = j;
                    continue;
                }
            }
        }
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                match at(j) {
                    Some(d) if is_word_char(d) => j += 1,
                    Some(d)
                        if (is_hyphen(d) || is_apostrophe(d) || d == '.' || d == '&')
                            && at(j + 1).is_some_and(is_word_char)
                            && at(j - 1).is_some_and(is_word_char) =>
                    {
                        // A full stop joins only initialisms (U.S, a.m) and decimals (3.5), not
                        // two sentences typed without a space.
                        if d == '.' {
                            let seg_start = chars[..j]
                                .iter()
                                .rposition(|&(_, x)| !is_word_char(x))
                                .map_or(0, |p| p + 1);
                            let seg_len = j - seg_start;
                            let next_len = chars[j + 1..]
                                .iter()
                                .take_while(|&&(_, x)| is_word_char(x))
                                .count();
                            let numeric = at(j - 1).is_some_and(|x| x.is_ascii_digit())
                                && at(j + 1).is_some_and(|x| x.is_ascii_digit());
                            // A web address names an outlet: `told Polygraph.info the …`.
                            let next: String = chars[j + 1..j + 1 + next_len]
                                .iter()
                                .map(|&(_, x)| x)
                                .collect();
                            let domain = seg_len >= 2 && is_top_level_domain(&next);
                            if !(numeric || domain || (seg_len == 1 && next_len == 1)) {
                                break;
                            }
                        }
                        j += 2;
                    }
                    Some(',')
                        if at(j - 1).is_some_and(|x| x.is_ascii_digit())
                            && (1..=3).all(|k| at(j + k).is_some_and(|x| x.is_ascii_digit()))
                            && !at(j + 4).is_some_and(|x| x.is_ascii_digit()) =>
                    {
                        j += 4;
                    }
                    _ => break,
                }
            }
            // A trailing full stop belongs to an abbreviation or an initialism (U.S.).
            if at(j) == Some('.') {
                let word = &para[chars[i].0..chars.get(j).map_or(para.len(), |&(b, _)| b)];
                // (`U.S`, `Ph.D`; not a web address: `ouest-france.fr.` ends its sentence)
                let initialism = word.len() >= 3
                    && word.contains('.')
                    && word.split('.').all(|part| part.chars().count() <= 2);
                if is_abbreviation(word) || initialism {
                    j += 1;
                }
            }
            let kind = if c.is_ascii_digit() {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                start: byte(i),
                end: byte(j),
                kind,
            });
            i = j;
            continue;
        }
        let prev = if i == 0 { None } else { at(i - 1) };
        let next = at(i + 1);
        let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let space_after = next.is_none_or(|p| p.is_whitespace() || ".,;:!?)]}—–-".contains(p));
        // Three apostrophes close a single-marked quotation inside a double one written
        // with two apostrophes (`''… 'We'll bomb them,''' said McCain`), or open both.
        if c == '\'' && next == Some('\'') && at(i + 2) == Some('\'') {
            let after = at(i + 3);
            let space_after3 =
                after.is_none_or(|p| p.is_whitespace() || ".,;:!?)]}—–-".contains(p));
            let single = |s: usize, dir: Dir| Token {
                start: byte(s),
                end: byte(s + 1),
                kind: TokKind::Mark(Family::Single, dir),
            };
            let double = |s: usize, dir: Dir| Token {
                start: byte(s),
                end: byte(s + 2),
                kind: TokKind::Mark(Family::Double, dir),
            };
            if space_after3 && !space_before {
                out.push(single(i, Dir::Close));
                out.push(double(i + 1, Dir::Close));
                i += 3;
                continue;
            }
            if space_before && !space_after3 {
                out.push(double(i, Dir::Open));
                out.push(single(i + 2, Dir::Open));
                i += 3;
                continue;
            }
        }
        // Two apostrophes or grave accents stand for a double mark in some wire texts, and
        // two curly single marks (`’’`, `‘‘`) where a typesetter had no double one.
        let paired = matches!(c, '\'' | '`' | '\u{2018}' | '\u{2019}') && next == Some(c);
        if paired {
            let after = at(i + 2);
            let space_after2 =
                after.is_none_or(|p| p.is_whitespace() || ".,;:!?)]}—–-".contains(p));
            let dir = if c == '`' || c == '\u{2018}' || (space_before && !space_after2) {
                Dir::Open
            } else if c == '\u{2019}' || (space_after2 && !space_before) {
                Dir::Close
            } else {
                Dir::Either
            };
            out.push(Token {
                start: byte(i),
                end: byte(i + 2),
                kind: TokKind::Mark(Family::Double, dir),
            });
            i += 2;
            continue;
        }
        let kind = match c {
            '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{FF02}' => {
                let dir = if space_before && !space_after {
                    Dir::Open
                } else if space_after && !space_before {
                    Dir::Close
                } else {
                    match c {
                        '\u{201C}' | '\u{201E}' | '\u{00AB}' => Dir::Open,
                        '\u{201D}' | '\u{00BB}' => Dir::Close,
                        _ => Dir::Either,
                    }
                };
                TokKind::Mark(Family::Double, dir)
            }
            '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2039}' | '\u{203A}' | '`' => {
                let dir = if space_before && !space_after {
                    Dir::Open
                } else if space_after && !space_before {
                    Dir::Close
                } else {
                    match c {
                        '\u{2018}' | '\u{201A}' | '\u{2039}' | '`' => Dir::Open,
                        '\u{2019}' | '\u{203A}' => Dir::Close,
                        _ => Dir::Either,
                    }
                };
                TokKind::Mark(Family::Single, dir)
            }
            // The horizontal bar is the quotation dash: `“…” ― Sonya Herridge`.
            '\u{2014}' | '\u{2013}' | '\u{2015}' => TokKind::Punct('—'),
            '-' if next == Some('-') => {
                out.push(Token {
                    start: byte(i),
                    end: byte(i + 2),
                    kind: TokKind::Punct('—'),
                });
                i += 2;
                continue;
            }
            '\u{2026}' => TokKind::Punct('…'),
            other => TokKind::Punct(other),
        };
        out.push(Token {
            start: byte(i),
            end: byte(i + 1),
            kind,
        });
        i += 1;
    }
}

/// A pair of matching top-level marks inside one paragraph: token indices of the opening and
/// closing mark (`close` is `None` when the quotation runs to the end of the paragraph).
#[derive(Clone, Copy, Debug)]
pub(crate) struct MarkPair {
    pub open: usize,
    pub close: Option<usize>,
}

/// Pairs the marks of one paragraph's tokens `toks[lo..hi]` and returns the top-level pairs.
///
/// A stack per paragraph: a closing mark closes the innermost open mark of its own family, so
/// nested quotes of the other kind are inside their parent. A single closing mark with nothing
/// to close is an apostrophe (`voters’ choice`); so is a single opening mark left unclosed.
pub(crate) fn pair_marks(toks: &[Token], lo: usize, hi: usize) -> Vec<MarkPair> {
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let mut pairs = Vec::new();
    for (i, t) in toks.iter().enumerate().take(hi).skip(lo) {
        let TokKind::Mark(fam, dir) = t.kind else {
            continue;
        };
        let open_same = stack.iter().rposition(|&(_, f)| f == fam);
        let closes = match dir {
            Dir::Close => true,
            Dir::Open => false,
            Dir::Either => open_same.is_some(),
        };
        if closes {
            if let Some(p) = open_same {
                let (o, _) = stack[p];
                stack.truncate(p);
                pairs.push(MarkPair {
                    open: o,
                    close: Some(i),
                });
            }
        } else {
            stack.push((i, fam));
        }
    }
    // An unclosed double mark at the bottom runs to the end of the paragraph: the multi-
    // paragraph quotation convention leaves it open when the next paragraph continues it.
    if let Some(&(o, _)) = stack.iter().find(|&&(_, f)| f == Family::Double) {
        pairs.push(MarkPair {
            open: o,
            close: None,
        });
    }
    // Only the outermost pairs are quotations of their own; the others are nested in them. An
    // unmatched single mark may have hidden a pair's depth, so nesting is decided by position.
    pairs.sort_by_key(|p| (p.open, std::cmp::Reverse(p.close.unwrap_or(usize::MAX))));
    let mut top: Vec<MarkPair> = Vec::new();
    for p in pairs {
        let end = p.close.unwrap_or(usize::MAX);
        if let Some(last) = top.last() {
            if end <= last.close.unwrap_or(usize::MAX) {
                continue;
            }
        }
        top.push(p);
    }
    top
}

/// A fixed list of lowercase words looked up by hash. The name, title and stop-word lists are
/// read for nearly every capitalised word of every document; scanning a few hundred strings
/// each time was a tenth of extraction time.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }

    /// Whether the lowercase form of `word` is in the set, without allocating for the short
    /// ASCII words that make up nearly every lookup.
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        with_lowercase(word, |l| self.contains(l))
    }
}

/// Calls `f` with the lowercase form of `w`. Registry and resolver lower every capitalised
/// word several times; a `String` each time made allocation the largest item of extraction,
/// so a short ASCII word is lowered into a buffer on the stack.
pub(crate) fn with_lowercase<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if w.len() <= buf.len() && w.is_ascii() {
        let out = &mut buf[..w.len()];
        out.copy_from_slice(w.as_bytes());
        out.make_ascii_lowercase();
        // An ASCII string lowered byte by byte is still ASCII.
        f(std::str::from_utf8(out).unwrap_or(""))
    } else {
        f(&w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_lowercase_agrees_with_to_lowercase() {
        let long = "Abcdefghijklmnopqrstuvwxyz-Abcdefghijklmnopqrstuvwxyz";
        for w in [
            "Tokayev",
            "CSTO",
            "",
            "Élysée",
            "ÖZDEMİR",
            long,
            "O\u{2019}Brien",
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
        static SET: WordSet = WordSet::new(&["the", "élysée"]);
        assert!(SET.contains_lower("The"));
        assert!(SET.contains_lower("ÉLYSÉE"));
        assert!(!SET.contains_lower("Then"));
    }
}
