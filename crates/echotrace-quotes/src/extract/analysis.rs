//! From text to items and sentences: the tokens of a paragraph grouped into words, marks and
//! quotations (with where each quotation opens and closes), and the sentences between them.

use super::*;
use compact_str::CompactString;

pub(super) fn fold_lower(s: &str) -> CompactString {
    // Nearly every word is ASCII: lowered in place, not a character at a time.
    if s.is_ascii() {
        let mut out = CompactString::new(s);
        out.make_ascii_lowercase();
        return out;
    }
    let mut out = CompactString::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{02BC}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a paragraph's tokens are a transcript turn behind an opening quotation mark: the
/// mark, a speaker's label of one to three words in capitals (`WALLACE`, `MR. TRUMP`, not `Q`),
/// a colon, and what was said.
pub(super) fn quoted_turn(text: &str, toks: &[Token]) -> bool {
    let opens = matches!(
        toks.first().map(|t| t.kind),
        Some(TokKind::Mark(_, Dir::Open | Dir::Either))
    );
    if !opens {
        return false;
    }
    let Some(colon) = toks
        .iter()
        .take(5)
        .position(|t| t.kind == TokKind::Punct(':'))
    else {
        return false;
    };
    let label = toks.get(1..colon).unwrap_or(&[]);
    let word = |t: &Token| text.get(t.start..t.end).unwrap_or("");
    !label.is_empty()
        && colon + 1 < toks.len()
        && label.iter().all(|t| {
            t.kind == TokKind::Word
                && word(t).chars().any(char::is_alphabetic)
                && !word(t).chars().any(char::is_lowercase)
        })
        && label
            .iter()
            .any(|t| word(t).chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

pub(crate) fn analyze(text: &str, lo: usize, hi: usize, lex: &dyn CueLexicon) -> Analysis {
    let mut a = Analysis {
        items: Vec::new(),
        frags: Vec::new(),
        sents: Vec::new(),
        groups: Vec::new(),
        tokens: Vec::new(),
        quoted_turns: Vec::new(),
    };
    let region = text.get(lo..hi).unwrap_or("");
    // About one token every five bytes of news text: reserved once, not grown a doubling at a
    // time (the growth was a twentieth of extraction).
    a.items.reserve(region.len() / 5);
    a.tokens.reserve(region.len() / 5);
    let mut toks: Vec<Token> = Vec::new();
    let mut open_group: Option<(usize, Option<char>)> = None;
    let mut para = 0usize;
    let mut line_start = lo;
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for (b, c) in region.char_indices() {
        if c == '\n' {
            lines.push((line_start, lo + b));
            line_start = lo + b + 1;
        }
    }
    lines.push((line_start, hi));
    for (ls, le) in lines {
        toks.clear();
        tokenize(text, ls, le, &mut toks);
        if toks.is_empty() {
            continue;
        }
        // A transcript set as a block quotation opens every turn with a quotation mark that
        // it never closes (`"WALLACE: Let's start …`, then `"PENCE: Well, …`). Read as marks,
        // they would make every turn one quotation running over the whole transcript; each
        // turn is its speaker's, so the mark is taken as the block's indent.
        if quoted_turn(text, &toks) {
            toks.remove(0);
            if let Some(label) = toks.first() {
                a.quoted_turns.push(label.start);
            }
        }
        let pairs = pair_marks(&toks, 0, toks.len());
        let first_item = a.items.len();
        let mut pi = 0;
        let mut t = 0;
        let mut this_open = None;
        let sent_base = a.sents.len();
        while t < toks.len() {
            if let Some(p) = pairs.get(pi).filter(|p| p.open == t).copied() {
                pi += 1;
                let close = p.close.unwrap_or(toks.len() - 1);
                let inner_hi = if p.close.is_some() { close } else { toks.len() };
                let words = toks[t + 1..inner_hi.max(t + 1)]
                    .iter()
                    .filter(|k| matches!(k.kind, TokKind::Word | TokKind::Number))
                    .count();
                let last = if inner_hi > t + 1 {
                    text.get(toks[inner_hi - 1].start..toks[inner_hi - 1].end)
                        .and_then(|s| s.chars().last())
                } else {
                    None
                };
                // (A paragraph that opens with a mark of another kind and closes it is a
                // quotation of its own, not the next paragraph of the one left open: a
                // blog's straight-quoted block, then `“It never crossed my mind …,” she said`.)
                let mark = text.get(toks[t].start..).and_then(|m| m.chars().next());
                let group = match open_group.take() {
                    Some((g, m)) if t == 0 && (m == mark || p.close.is_none()) => g,
                    _ => {
                        a.groups.push(Vec::new());
                        a.groups.len() - 1
                    }
                };
                let fi = a.frags.len();
                // (A comma or a full stop before the closing mark is American punctuation,
                // not the title's.)
                let inner_end = if matches!(last, Some(',' | '.')) {
                    inner_hi.saturating_sub(1).max(t + 1)
                } else {
                    inner_hi.max(t + 1)
                };
                let titled = (2..=10).contains(&words)
                    && toks[t + 1..inner_end].iter().all(|k| match k.kind {
                        TokKind::Word => text.get(k.start..k.end).is_some_and(|w| {
                            w.chars().count() < 4 || w.starts_with(|c: char| c.is_uppercase())
                        }),
                        TokKind::Number => true,
                        TokKind::Punct(c) => matches!(c, '\'' | '-' | ':' | '&'),
                        TokKind::Mark(..) => false,
                    });
                a.frags.push(Frag {
                    group,
                    span: ByteSpan::new(toks[t].start, toks[close].end),
                    words,
                    last,
                    sent: 0,
                    titled,
                });
                a.groups[group].push(fi);
                if p.close.is_none() {
                    this_open = Some((group, mark));
                }
                a.items.push(Item {
                    start: toks[t].start,
                    end: toks[close].end,
                    kind: IK::Quote(fi),
                    lower: CompactString::default(),
                    cap: false,
                    upper: false,
                });
                for k in &toks[t..=close] {
                    a.tokens.push((*k, false));
                }
                t = close + 1;
                continue;
            }
            let k = toks[t];
            let s = text.get(k.start..k.end).unwrap_or("");
            let (kind, lower, cap) = match k.kind {
                TokKind::Word => (
                    IK::Word,
                    fold_lower(s),
                    s.chars().next().is_some_and(char::is_uppercase),
                ),
                TokKind::Number => (IK::Num, fold_lower(s), false),
                TokKind::Punct(c) => (IK::Punct(c), CompactString::default(), false),
                TokKind::Mark(..) => (IK::Punct('"'), CompactString::default(), false),
            };
            let upper = cap && !s.chars().any(char::is_lowercase);
            a.items.push(Item {
                start: k.start,
                end: k.end,
                kind,
                lower,
                cap,
                upper,
            });
            a.tokens.push((k, false));
            t += 1;
        }
        open_group = this_open;
        // Sentences of this paragraph.
        let items = &a.items;
        let n = items.len();
        let (words, caps) = items[first_item..]
            .iter()
            .filter(|it| it.kind == IK::Word && it.lower.len() > 3)
            .fold((0, 0), |(w, c), it| (w + 1, c + usize::from(it.cap)));
        // Headlines quote as often as they paraphrase (`Hollande Says Trump ‘Makes You Want
        // To Retch’`): the quotation is one item and does not count as words here.
        let title = words >= 4 && caps * 10 >= words * 8;
        let mut s = first_item;
        for i in first_item..n {
            let next = items.get(i + 1);
            let brk = match (items[i].kind, next) {
                (_, None) => false,
                (IK::Punct('.' | '!' | '?'), Some(nx)) => {
                    nx.cap || matches!(nx.kind, IK::Quote(_) | IK::Num | IK::Punct('('))
                }
                // `… in the U.S. He says …`: an initialism or abbreviation keeps its full
                // stop, but a capitalised pronoun or function word after it starts a sentence
                // (a name after `Sen.` or `W.` does not).
                (IK::Word, Some(nx)) if items[i].lower.ends_with('.') && nx.cap => matches!(
                    nx.lower.as_str(),
                    "he" | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "the"
                        | "this"
                        | "but"
                        | "and"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "there"
                        | "so"
                        | "yet"
                        | "if"
                        | "when"
                ),
                (IK::Quote(f), Some(nx)) => {
                    matches!(a.frags[f].last, Some('.' | '!' | '?'))
                        && (matches!(nx.kind, IK::Quote(_))
                            || (nx.cap && !attribution_tail(items, i + 1, n, lex)))
                }
                _ => false,
            };
            if brk {
                a.sents.push(Sent {
                    lo: s,
                    hi: i + 1,
                    para,
                    title,
                });
                s = i + 1;
            }
        }
        if s < n {
            a.sents.push(Sent {
                lo: s,
                hi: n,
                para,
                title,
            });
        }
        for si in sent_base..a.sents.len() {
            let st = a.sents[si];
            for it in &a.items[st.lo..st.hi] {
                if let IK::Quote(f) = it.kind {
                    a.frags[f].sent = si;
                }
            }
        }
        para += 1;
    }
    // Sentence starts for the registry: mark tokens that begin a sentence.
    let starts: Vec<usize> = a.sents.iter().map(|s| a.items[s.lo].start).collect();
    let mut si = 0;
    for (tok, flag) in a.tokens.iter_mut() {
        while si < starts.len() && starts[si] < tok.start {
            si += 1;
        }
        if si < starts.len() && starts[si] == tok.start {
            *flag = true;
        }
    }
    a
}

/// `Tokayev said` after a quotation ending in a full stop: the sentence goes on.
pub(super) fn attribution_tail(items: &[Item], j: usize, n: usize, lex: &dyn CueLexicon) -> bool {
    // A capitalised pronoun after a full stop starts a new sentence: `"…." He touted …`
    // (inside a sentence it would be `"…," he said`).
    if items
        .get(j)
        .is_some_and(|it| matches!(it.lower.as_str(), "he" | "she" | "they" | "we" | "it"))
    {
        return false;
    }
    for (k, it) in items.iter().enumerate().take((j + 6).min(n)).skip(j) {
        if it.kind != IK::Word {
            return false;
        }
        if !it.cap || k == j {
            if let Some(c) = lex.lookup(&it.lower, None) {
                if c.form == CueForm::Finite && c.class == CueClass::Speech {
                    return k > j;
                }
            }
        }
    }
    false
}

// ---------------------------------------------------------------------------------------
// Word classes. Small closed lists of function words: the rules below are about syntax, and
// these are the words that carry it.
