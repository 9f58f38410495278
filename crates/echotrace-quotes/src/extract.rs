//! The rules: from items and sentences to attributions.

use crate::entities::{EntityRegistry, Word};
use crate::lexicon::{CueClass, CueForm, CueInfo, CueLexicon};
use crate::text::{pair_marks, tokenize, Dir, TokKind, Token, WordSet};
use echotrace_core::ByteSpan;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IK {
    Word,
    Num,
    Punct(char),
    Quote(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: IK,
    /// Lowercase with curly apostrophes folded, for words; empty otherwise.
    pub lower: String,
    pub cap: bool,
    /// A word with no lowercase letter (`TAPPER`, `CNN`).
    pub upper: bool,
}

/// One paragraph's piece of a direct quotation (with its marks).
#[derive(Clone, Debug)]
pub(crate) struct Frag {
    /// Fragments of one quotation running over several paragraphs share a group.
    pub group: usize,
    pub span: ByteSpan,
    pub words: usize,
    /// The last character before the closing mark (`,` in `"…," he said`).
    pub last: Option<char>,
    pub sent: usize,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Sent {
    pub lo: usize,
    pub hi: usize,
    pub para: usize,
    /// A headline in title case (`Newspaper Says Clinton Needs To Quit`): capitals say nothing.
    pub title: bool,
}

pub(crate) struct Analysis {
    pub items: Vec<Item>,
    pub frags: Vec<Frag>,
    pub sents: Vec<Sent>,
    pub groups: Vec<Vec<usize>>,
    /// Words and punctuation in order for the entity registry.
    pub tokens: Vec<(Token, bool)>,
    /// Where the label of each transcript turn set as a block quotation starts (see
    /// [`quoted_turn`]): the label names a speaker even where the text never writes it as a
    /// name.
    pub quoted_turns: Vec<usize>,
}

fn fold_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{02BC}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether a word ending in `-ly` is an adverb (`repeatedly`, `publicly`), not a noun or an
/// adjective spelt alike (`family`, `rally`, `ally`, `supply`, `assembly`, `elderly`).
fn ly_adverb(w: &str) -> bool {
    w.ends_with("ly")
        && w.len() > 4
        && !matches!(
            w,
            "family"
                | "rally"
                | "ally"
                | "supply"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "reply"
                | "bully"
                | "belly"
                | "jelly"
                | "holly"
                | "lily"
                | "emily"
                | "kelly"
                | "elderly"
                | "friendly"
                | "lonely"
                | "lovely"
                | "silly"
                | "ugly"
                | "holy"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "yearly"
                | "only"
                | "early"
                | "likely"
                | "unlikely"
                | "fly"
                | "butterfly"
        )
}

/// Whether a paragraph's tokens are a transcript turn behind an opening quotation mark: the
/// mark, a speaker's label of one to three words in capitals (`WALLACE`, `MR. TRUMP`, not `Q`),
/// a colon, and what was said.
fn quoted_turn(text: &str, toks: &[Token]) -> bool {
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
    let mut toks: Vec<Token> = Vec::new();
    let mut open_group: Option<usize> = None;
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
                let group = match open_group.take() {
                    Some(g) if t == 0 => g,
                    _ => {
                        a.groups.push(Vec::new());
                        a.groups.len() - 1
                    }
                };
                let fi = a.frags.len();
                a.frags.push(Frag {
                    group,
                    span: ByteSpan::new(toks[t].start, toks[close].end),
                    words,
                    last,
                    sent: 0,
                });
                a.groups[group].push(fi);
                if p.close.is_none() {
                    this_open = Some(group);
                }
                a.items.push(Item {
                    start: toks[t].start,
                    end: toks[close].end,
                    kind: IK::Quote(fi),
                    lower: String::new(),
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
                TokKind::Punct(c) => (IK::Punct(c), String::new(), false),
                TokKind::Mark(..) => (IK::Punct('"'), String::new(), false),
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
fn attribution_tail(items: &[Item], j: usize, n: usize, lex: &dyn CueLexicon) -> bool {
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

static DETS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "several", "both", "all", "each", "every", "any", "no",
    "other", "another", "few", "such", "one", "two", "three", "four", "five", "whose",
]);
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "because", "while", "when", "if",
    "as", "since", "although", "though", "so", "where", "whether", "than", "until", "unless",
    "whereas", "nor", "yet", "what", "how", "why", "once",
]);
static PREPS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "about",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "through",
    "against",
    "among",
    "between",
    "without",
    "within",
    "like",
    "per",
    "via",
    "across",
    "amid",
    "despite",
    "toward",
    "towards",
    "upon",
    "around",
    "near",
    "off",
    "out",
    "up",
    "down",
    "outside",
    "inside",
    "behind",
    "following",
    "throughout",
    "beyond",
    "onto",
    "along",
]);
static AUX: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not", "never",
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "isn't",
    "wasn't", "can't", "couldn't", "'s",
]);
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "isn't", "wasn't",
];
/// Adverbs that sit between a subject and its reporting verb and belong to the cue.
const CUE_ADVERBS: &[&str] = &[
    "also",
    "later",
    "previously",
    "reportedly",
    "repeatedly",
    "again",
    "further",
    "once",
    "even",
    "then",
    "just",
    "already",
    "recently",
    "publicly",
    "privately",
    "first",
    "often",
    "still",
    "similarly",
    "separately",
    "likewise",
    "specifically",
    "flatly",
    "simply",
    "frequently",
    "subsequently",
    "ever",
    "long",
    "earlier",
    "now",
    "since",
    "had",
    "both",
    "all",
    "too",
    "always",
    "initially",
    "originally",
    "finally",
    "immediately",
    "openly",
    "explicitly",
    "directly",
    "personally",
    "twice",
    "consistently",
    "strongly",
    "vehemently",
    "categorically",
    "formally",
    "officially",
    "quickly",
];
const OBJ_PRONOUNS: &[&str] = &["me", "him", "her", "us", "them", "you", "it"];
static SUBJ_PRONOUNS: WordSet = WordSet::new(&[
    "he", "she", "they", "we", "i", "it", "you", "who", "which", "this", "that", "these", "those",
    "someone", "everyone", "nobody", "one",
]);
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "again",
    "repeatedly",
    "also",
    "publicly",
    "privately",
    "previously",
    "afterward",
    "afterwards",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
    "time",
    "then",
    "once",
    "too",
];
/// Verbs of judging and siding whose object is a noun phrase: `endorsed Mr. Trump`,
/// `criticized the plan`.
const NP_OBJECT_LEMMAS: &[&str] = &[
    "endorse",
    "criticize",
    "criticise",
    "support",
    "praise",
    "blame",
    "condemn",
    "denounce",
    "attack",
    "oppose",
    "back",
    "reject",
    "defend",
    "thank",
    "welcome",
    "applaud",
    "slam",
    "blast",
    "dismiss",
    "mock",
    "decry",
    "assail",
    "favor",
    "favour",
    "challenge",
];
/// Nouns after `said in a …`: part of the cue (`said in a statement`).
const MEDIUM_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "tweet",
    "post",
    "letter",
    "email",
    "e-mail",
    "speech",
    "release",
    "press",
    "note",
    "video",
    "message",
    "op-ed",
    "memo",
    "report",
    "briefing",
    "radio",
    "television",
    "broadcast",
    "filing",
    "blog",
    "column",
    "book",
    "essay",
    "conference",
    "call",
    "telephone",
    "phone",
    "address",
    "article",
];

/// Stems of verbs whose object, not their subject, does what their infinitive says (`asked
/// Smith to explain`, `urged him to say`, `led the senator to claim`). Near such a verb an
/// infinitive cue is given no source at all: a wrong one would be worse than none. Verbs that
/// take either (`wanted to say`, `wanted him to say`) are here for the same reason.
const OBJECT_CONTROL_STEMS: &[&str] = &[
    "ask", "urg", "tell", "told", "forc", "persuad", "encourag", "allow", "invit", "order",
    "pressur", "push", "convinc", "want", "need", "expect", "lead", "led",
];

/// Nouns for documents and findings that stand as the source of a verb spelled like a noun:
/// `a poll shows`, `the report finds`, `footage from the game shows` (general news usage:
/// polls, surveys, studies and records report what they found).
const SOURCE_NOUNS: &[&str] = &[
    "poll",
    "survey",
    "study",
    "report",
    "data",
    "analysis",
    "research",
    "footage",
    "video",
    "records",
    "results",
    "numbers",
    "figures",
    "documents",
    "review",
    "audit",
    "census",
    "findings",
    "evidence",
    "memo",
    "estimates",
    "count",
    "tally",
    "investigation",
    "probe",
    "filing",
    "filings",
    "statistics",
    "photos",
    "images",
    "tape",
    "recording",
    "transcript",
];

/// Lowercase words that may open a name: `said former governor Ed Rendell`.
const NAME_MODIFIERS: &[&str] = &[
    "former", "then", "late", "longtime", "veteran", "senior", "top", "acting", "deputy",
    "interim", "outgoing", "incoming", "retired", "fellow",
];

/// Lowercase words inside a personal name (`Charles de Gaulle`, `Ludwig van Beethoven`).
const NAME_PARTS: &[&str] = &["de", "van", "von", "der", "da", "la", "le", "bin", "al"];

/// Determiners that can also be a whole subject.
const STANDALONE_DETS: &[&str] = &[
    "some", "many", "most", "several", "both", "all", "few", "each", "one", "two", "three", "four",
    "five", "this", "that", "these", "those", "others", "any", "another",
];

/// Capitalised words before a colon that label, not speak.
const LABELS: &[&str] = &[
    "note",
    "update",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "more",
    "related",
    "source",
    "sources",
    "editor's",
    "editor",
    "correction",
    "disclosure",
    "disclaimer",
    "image",
    "credit",
    "caption",
    "listen",
    "see",
    "also",
    "tags",
    "topics",
    "filed",
    "posted",
    "share",
    "subscribe",
    "click",
    "advertisement",
    "q",
    "a",
    "question",
    "answer",
    "warning",
    "breaking",
    "revealed",
    "exclusive",
    "opinion",
    "analysis",
    "transcript",
    "full",
    "here",
    "bottom",
    "line",
    "why",
    "what",
    "how",
    "contributing",
    "twitter",
    "facebook",
    "latest",
    "notice",
    "email",
    "newsletter",
    "follow",
];

/// Reporting verbs whose base form is also a common noun (`support`, `report`, `call`).
const NOUNY: &[&str] = &[
    "support",
    "view",
    "report",
    "claim",
    "call",
    "plan",
    "promise",
    "pledge",
    "hope",
    "fear",
    "doubt",
    "question",
    "comment",
    "answer",
    "post",
    "tweet",
    "note",
    "demand",
    "offer",
    "estimate",
    "guarantee",
    "forecast",
    "quote",
    "charge",
    "signal",
    "hint",
    "remark",
    "praise",
    "blame",
    "show",
    "find",
    "read",
    "state",
    "want",
    "wish",
    "counter",
    "brief",
    "cite",
    "reply",
    "respond",
    "vow",
    "worry",
    "blast",
    "slam",
    "mock",
    "joke",
    "boast",
    "brag",
    "shout",
    "cry",
    "lament",
    "caution",
    "repeat",
    "order",
    "label",
    "brand",
    "hail",
    "request",
    "reference",
    "list",
    "view",
];

/// A list of words to look a word up in: a short slice, or a [`WordSet`] for the lists that
/// every rule asks about (a hash lookup instead of a scan: the scans were 7 % of the time).
trait Words {
    fn has_word(&self, w: &str) -> bool;
}

impl Words for [&str] {
    fn has_word(&self, w: &str) -> bool {
        self.contains(&w)
    }
}

impl Words for WordSet {
    fn has_word(&self, w: &str) -> bool {
        self.contains(w)
    }
}

fn has<L: Words + ?Sized>(list: &L, w: &str) -> bool {
    list.has_word(w)
}

/// A candidate attribution in item indices.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub cue: (usize, usize),
    pub source: Option<(usize, usize)>,
    /// Index of the candidate whose source this one shares (participles, coordination).
    pub borrow: Option<usize>,
    pub content: Vec<(usize, usize)>,
    pub class: CueClass,
    pub sent: usize,
    /// Where the source runs on past the phrase that names the speaker (`some voters who
    /// have listened to Mr. Clinton`, see [`Rules::full_subject`]): that phrase, which the
    /// speaker is resolved from.
    pub head: Option<(usize, usize)>,
    /// The head is a person's name, known from its shape (`Maria Lopez of the Urban
    /// Institute`), that the document's registry may not hold as one.
    pub head_is_person: bool,
}

impl Cand {
    /// A quote of speech with its own source and none of the refinements (borrowed source,
    /// head): what the rules for signed, read and colon quotations make.
    fn speech(
        cue: (usize, usize),
        source: (usize, usize),
        content: (usize, usize),
        sent: usize,
    ) -> Cand {
        Cand {
            cue,
            source: Some(source),
            borrow: None,
            content: vec![content],
            class: CueClass::Speech,
            sent,
            head: None,
            head_is_person: false,
        }
    }
}

pub(crate) struct Rules<'a> {
    pub a: &'a Analysis,
    pub lex: &'a dyn CueLexicon,
    pub cands: Vec<Cand>,
    lo: usize,
    hi: usize,
    si: usize,
    title: bool,
    cue_cache: Vec<Option<CueInfo>>,
    /// The comma that closes a subordinate clause fronted before the main clause of this
    /// sentence (see [`Rules::fronted_comma`]).
    fronted: Option<usize>,
    /// The sentence's first quotation mark (`hi` when it has none): rules that ask whether
    /// the text from the sentence start holds a quotation would otherwise scan it once per
    /// cue, quadratic on a long run-on paragraph.
    first_quote: usize,
    /// Paragraphs of the document that open with a label in capitals and a colon
    /// (`TAPPER:`, `Q:`, `NEW DELHI:`): a transcript has several, a dateline is alone.
    caps_labels: usize,
}

impl<'a> Rules<'a> {
    pub fn new(a: &'a Analysis, lex: &'a dyn CueLexicon) -> Self {
        Rules {
            a,
            lex,
            cands: Vec::new(),
            lo: 0,
            hi: 0,
            si: 0,
            title: false,
            cue_cache: Vec::new(),
            fronted: None,
            first_quote: 0,
            caps_labels: caps_label_paras(a),
        }
    }

    fn w(&self, i: usize) -> &str {
        if i < self.hi {
            self.a.items[i].lower.as_str()
        } else {
            ""
        }
    }
    fn kind(&self, i: usize) -> Option<IK> {
        (i < self.hi).then(|| self.a.items[i].kind)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(IK::Punct(c))
    }
    fn is_punct(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(IK::Punct(_)))
    }
    fn is_quote(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(IK::Quote(_)))
    }
    fn cap(&self, i: usize) -> bool {
        i < self.hi && self.a.items[i].cap
    }

    /// The cue reading of item `i` as a verb, if it is one here.
    /// The cue reading of item `i`, from the per-sentence cache (the rules ask about the
    /// same words many times).
    fn cue_at(&self, i: usize) -> Option<CueInfo> {
        if i >= self.lo && i < self.hi && i - self.lo < self.cue_cache.len() {
            return self.cue_cache[i - self.lo];
        }
        self.cue_at_uncached(i)
    }

    fn cue_at_uncached(&self, i: usize) -> Option<CueInfo> {
        if self.kind(i) != Some(IK::Word) {
            return None;
        }
        // A capitalised cue word in mid-sentence is a name (`Washington Post`), except in a
        // title-case headline, where only speech cues are trusted.
        if self.cap(i) && i != self.lo && !self.is_quote(i.wrapping_sub(1)) && !self.title {
            return None;
        }
        let next = (self.kind(i + 1) == Some(IK::Word)).then(|| self.w(i + 1));
        // Lexicalised compounds spelled like a cue: `a liberal think tank`, `against
        // defending champion Croatia`.
        if matches!(
            (self.w(i), next),
            ("think", Some("tank" | "tanks"))
                | ("pledged", Some("delegate" | "delegates"))
                | (
                    "defending",
                    Some("champion" | "champions" | "champ" | "titleholder" | "titleholders")
                )
        ) {
            return None;
        }
        // `found himself embroiled`: finding oneself somewhere is no finding.
        if matches!(self.w(i), "find" | "finds" | "found" | "finding")
            && matches!(
                next,
                Some(
                    "himself"
                        | "herself"
                        | "itself"
                        | "themselves"
                        | "myself"
                        | "ourselves"
                        | "yourself"
                )
            )
        {
            return None;
        }
        // `helped found the group`: the verb `found`, not the past of `find`.
        if self.w(i) == "found"
            && i > self.lo
            && matches!(self.w(i - 1), "help" | "helped" | "helps" | "helping")
        {
            return None;
        }
        // `state` is a noun far more often than a verb (`New York state Democratic
        // official`): as a verb it takes a `that` clause or a colon.
        if matches!(self.w(i), "state" | "states")
            && !(matches!(next, Some("that")) || self.punct(i + 1, ':'))
            && !(i > self.lo
                && matches!(self.kind(i - 1), Some(IK::Word))
                && has(&AUX, self.w(i - 1)))
        {
            return None;
        }
        // In a headline a verb in the present after a name is the event (`Glenn Beck Blasts
        // Drudge`, `Trump Praises …`); other title-case words spelled like cues are nouns.
        let headline_verb = i > self.lo && self.cap(i - 1) && self.w(i).ends_with('s');
        self.lex.lookup(self.w(i), next).filter(|c| {
            !self.title
                || c.class == CueClass::Speech
                || (headline_verb && c.form == CueForm::Finite)
        })
    }

    /// Whether a naming verb (`called`, `dubbed`) after the noun phrase `np`, with a name or
    /// a quotation at `after`, is a participle naming what the noun phrase denotes.
    fn naming_relative(&self, np: (usize, usize), after: usize) -> bool {
        let (s0, s1) = np;
        // `dubbed the Black Death`: a name may keep its article.
        let after = after + usize::from(self.w(after) == "the" && self.cap(after + 1));
        if !(self.cap(after) || self.is_quote(after)) {
            return false;
        }
        // `called Oz a quack`: a name and then a second noun phrase is the finite verb with
        // its object and what the object is called.
        let mut e = after + 1;
        while e < self.hi && self.cap(e) {
            e += 1;
        }
        if matches!(self.w(e), "a" | "an" | "the") {
            return false;
        }
        let lemma = self.cue_at(s1).map(|c| c.lemma);
        if !matches!(lemma, Some("call" | "dub" | "label" | "brand")) {
            return false;
        }
        let indefinite = (s0..s1)
            .rev()
            .find(|&m| has(&DETS, self.w(m)))
            .is_some_and(|m| matches!(self.w(m), "a" | "an" | "another"));
        // `organize a party called …`: the phrase opens with the verb whose object it is.
        let w0 = self.w(s0);
        let object = self.kind(s0) == Some(IK::Word)
            && !self.cap(s0)
            && !has(&DETS, w0)
            && !has(&SUBJ_PRONOUNS, w0)
            && !has(NAME_MODIFIERS, w0)
            && s0 + 1 < s1
            && has(&DETS, self.w(s0 + 1));
        indefinite || object
    }

    /// Whether the verb at `i` is an infinitive split by adverbs (`decided to no longer
    /// consider`, `agreed to publicly state`): not finite, so it has no subject before it.
    fn split_infinitive(&self, i: usize) -> bool {
        let mut m = i;
        while m > self.lo + 1 {
            let w = self.w(m - 1);
            let adverb = self.kind(m - 1) == Some(IK::Word)
                && (has(CUE_ADVERBS, w)
                    || matches!(w, "not" | "never" | "longer" | "no")
                    || (ly_adverb(w) && !self.cap(m - 1)));
            if !adverb {
                break;
            }
            m -= 1;
        }
        m < i && m > self.lo && self.w(m - 1) == "to"
    }

    fn finite_cue_at(&self, i: usize) -> bool {
        self.cue_at(i).is_some_and(|c| c.form == CueForm::Finite)
            && !(i > self.lo && (has(&DETS, self.w(i - 1)) || self.w(i - 1) == "to"))
    }

    fn is_cue_prefix(&self, i: usize) -> bool {
        let w = self.w(i);
        self.kind(i) == Some(IK::Word)
            && (has(&AUX, w)
                || has(CUE_ADVERBS, w)
                || (ly_adverb(w) && !self.cap(i))
                // `Priebus later Thursday told`, `Obama on Tuesday said`: the day is the
                // time of the saying.
                || (w == "on" && i > self.lo && is_day(self.w(i + 1)))
                || (i > self.lo && is_day(w)))
    }

    /// A noun phrase ending just before `end` (exclusive), read leftwards: names with their
    /// titles, `the Kazakh president`, pronouns. Stops at punctuation, verbs and clause words.
    fn left_np(&self, end: usize) -> Option<(usize, usize)> {
        let mut j = end;
        let mut n = 0;
        while j > self.lo && n < 14 {
            let k = j - 1;
            let it = &self.a.items[k];
            match it.kind {
                IK::Punct(')') => {
                    // A parenthesis inside a name: `Sen. Kelly Ayotte (R-N.H.)`.
                    let mut m = k;
                    while m > self.lo && !self.punct(m, '(') {
                        m -= 1;
                    }
                    if m == self.lo || k - m > 10 {
                        break;
                    }
                    j = m;
                    n += 1;
                    continue;
                }
                // `Sanders’ campaign`: a plural possessive's apostrophe is part of the name.
                IK::Punct('"')
                    if j < end
                        && k > self.lo
                        && self.a.items[k - 1].end == it.start
                        && self.a.items[k - 1].lower.ends_with('s')
                        && self.kind(k - 1) == Some(IK::Word) => {}
                IK::Punct(_) | IK::Quote(_) => break,
                IK::Num => {}
                IK::Word => {
                    let w = it.lower.as_str();
                    if has(&SUBJ_PRONOUNS, w) && j == end {
                        return Some((k, end));
                    }
                    // `Clinton and the DNC rejected`: a coordinated subject.
                    let coordinated = j < end
                        && k > self.lo
                        && (self.cap(j) && self.cap(k - 1)
                            || (has(NAME_MODIFIERS, self.w(j))
                                || crate::entities::is_title(self.w(j)))
                                && self.kind(k - 1) == Some(IK::Word)
                                && !has(&AUX, self.w(k - 1))
                                && !has(&PREPS, self.w(k - 1))
                            || (has(&DETS, self.w(j)) || has(STANDALONE_DETS, self.w(j)))
                                && self.kind(k - 1) == Some(IK::Word)
                                && self.cue_at(k - 1).is_none()
                                && !has(&AUX, self.w(k - 1))
                                && !has(&PREPS, self.w(k - 1)));
                    if (w == "and" || w == "&") && coordinated {
                        j = k;
                        n += 1;
                        continue;
                    }
                    let between_caps = j < end && self.cap(j) && k > self.lo && self.cap(k - 1);
                    // `nine in 10 said`, `one in five`: a proportion.
                    let number = |m: usize| {
                        self.kind(m) == Some(IK::Num) || crate::text::is_number_word(self.w(m))
                    };
                    if w == "in" && j < end && k > self.lo && number(j) && number(k - 1) {
                        j = k;
                        n += 1;
                        continue;
                    }
                    if ((w == "of" || w == "for" || w == "at") && j < end)
                        || (matches!(w, "on" | "in" | "de" | "and") && between_caps)
                    {
                        j = k;
                        n += 1;
                        continue;
                    }
                    // `of that 2013 report`: after a preposition `that` is a determiner.
                    let det_after_prep = matches!(w, "that" | "this" | "these" | "those")
                        && j < end
                        && k > self.lo
                        && matches!(
                            self.w(k - 1),
                            "of" | "in" | "on" | "for" | "at" | "from" | "with" | "by" | "about"
                        );
                    if det_after_prep {
                        j = k;
                        n += 1;
                        continue;
                    }
                    // `Will Moy`, `May Smith`, `Can Dündar`: a capitalised function word
                    // inside the sentence, before another capitalised word of the phrase, is
                    // a first name.
                    let first_name =
                        has(&AUX, w) && it.cap && k > self.lo && j < end && self.cap(j);
                    if (has(&CLAUSE_WORDS, w) || has(&PREPS, w) || has(&AUX, w)) && !first_name {
                        break;
                    }
                    // After a preposition a cue word is a noun: `secretary of state`.
                    let after_prep =
                        k > self.lo && (has(&PREPS, self.w(k - 1)) || self.w(k - 1) == "of");
                    // `the congressional report said`: a head noun spelled like a cue.
                    let head_noun = j == end
                        && (has(SOURCE_NOUNS, w)
                            || has(NOUNY, w)
                            || has(NOUNY, w.trim_end_matches('s'))
                            // `A police statement said`
                            || Self::document_noun(w));
                    if !it.cap
                        && k > self.lo
                        && !has(&DETS, self.w(k - 1))
                        && !after_prep
                        && !head_noun
                    {
                        // `a former defense official`: a noun spelled like a noun cue,
                        // before the head noun, modifies it.
                        let modifier_noun = j < end
                            && self.kind(j) == Some(IK::Word)
                            && self.cue_at(k).is_some_and(|c| c.form == CueForm::Noun);
                        if self.cue_at(k).is_some() && !modifier_noun {
                            break;
                        }
                        // A past-tense verb ends the subject: `used demonstrators`; not
                        // after a capitalised modifier (`Democratic registered voters`).
                        // (`Trump's newly installed campaign chief`: after an adverb too.)
                        if w.ends_with("ed")
                            && j < end
                            && !self.cap(k - 1)
                            && !self.w(k - 1).ends_with("ly")
                        {
                            break;
                        }
                    }
                    if !it.cap && self.cue_at(k).is_some() && k == self.lo {
                        break;
                    }
                }
            }
            j -= 1;
            n += 1;
        }
        // A subject starts with a determiner, a name, a pronoun or a number, not with `of`.
        while j < end && matches!(self.w(j), "of" | "for" | "at" | "and") {
            j += 1;
        }
        (j < end).then_some((j, end))
    }

    /// A noun phrase starting at `start`, read rightwards (inverted subject: `said Tokayev`),
    /// with an appositive after a comma (`said Smith, a spokesman for the ministry`).
    fn right_np(&self, start: usize) -> Option<(usize, usize)> {
        let mut j = start;
        let mut n = 0;
        while j < self.hi && n < 10 {
            match self.kind(j) {
                Some(IK::Word) => {
                    let w = self.w(j);
                    // `said a report from Kotak Institutional Equities`: the issuer of a
                    // document after `from`.
                    let issuer = w == "from" && j > start && Self::document_noun(self.w(j - 1));
                    if j > start
                        && !issuer
                        && (has(&CLAUSE_WORDS, w) || (has(&PREPS, w) && w != "of" && w != "for"))
                    {
                        break;
                    }
                    // `said that …`: a complementizer, not a subject.
                    if j == start && w == "that" && !self.cap(j) {
                        return None;
                    }
                    if j == start
                        && !(self.cap(j)
                            || has(&DETS, w)
                            || has(&SUBJ_PRONOUNS, w)
                            || has(NAME_MODIFIERS, w)
                            || crate::entities::is_title(w))
                    {
                        return None;
                    }
                    // After an article a cue word is a noun: `said a report from …`.
                    let noun = j > start && matches!(self.w(j - 1), "a" | "an" | "the");
                    if self.cue_at(j).is_some() && !self.cap(j) && !noun {
                        break;
                    }
                    // An auxiliary starts a predicate: `he also may campaign` is a clause,
                    // not an inverted subject.
                    if j > start && has(&AUX, w) {
                        break;
                    }
                    // A pronoun is a whole noun phrase (`said he`).
                    if j == start && has(&SUBJ_PRONOUNS, w) && !has(&DETS, w) {
                        j += 1;
                        break;
                    }
                }
                Some(IK::Num) => {}
                _ => break,
            }
            j += 1;
            n += 1;
        }
        // A noun phrase does not end in a preposition: `mocked Marco Rubio for …`.
        while j > start && matches!(self.w(j - 1), "of" | "for") {
            j -= 1;
        }
        if j == start {
            return None;
        }
        // A party and state after a name: `said Sen. Bob Casey (D-Pa.), a Clinton backer`.
        if self.punct(j, '(') {
            if let Some(close) = (j + 1..self.hi.min(j + 8)).find(|&m| self.punct(m, ')')) {
                if (j + 1..close)
                    .all(|m| matches!(self.kind(m), Some(IK::Word | IK::Punct('-' | '.'))))
                {
                    j = close + 1;
                }
            }
        }
        // The inverted subject ends the clause; an appositive may follow.
        if self.punct(j, ',') {
            let mut k = j + 1;
            let mut titled = has(&DETS, self.w(k)) || self.kind(k) == Some(IK::Num);
            while k < self.hi
                && !matches!(
                    self.kind(k),
                    Some(IK::Punct(',' | '.' | ';' | ':')) | Some(IK::Quote(_))
                )
            {
                titled |= crate::entities::is_title(self.w(k));
                k += 1;
            }
            if titled && k > j + 1 {
                return Some((start, k));
            }
        }
        Some((start, j))
    }

    /// Whether a comma at `j` opens an appositive or a relative clause on the noun phrase
    /// before it: `, a labor economist at …`, `, 67, of Exeter`, `, who …`.
    fn appositive_at(&self, j: usize) -> bool {
        if !self.punct(j, ',') {
            return false;
        }
        let mut w = self.w(j + 1);
        if w == "and" {
            // `said Steve Bell, senior director …, and a Republican who …`
            w = self.w(j + 2);
            if !(has(&DETS, w) || matches!(w, "who" | "whose")) {
                return false;
            }
        }
        // A role without an article: `, head of the Congressional Black Caucus`,
        // `, co-director of the Center for …`, `, Republican of Alabama`.
        let role = self.kind(j + 1) == Some(IK::Word)
            && matches!(self.w(j + 2), "of" | "for" | "at")
            && !(has(&PREPS, w) || has(&CLAUSE_WORDS, w) || has(&AUX, w))
            && (self.cap(j + 1) || self.cue_at(j + 1).is_none());
        has(&DETS, w) && !matches!(w, "that" | "this" | "these" | "those")
            || matches!(w, "who" | "whose")
            || self.kind(j + 1) == Some(IK::Num)
            || crate::entities::is_title(w)
            || has(NAME_MODIFIERS, w)
            || role
    }

    /// An inverted subject that ends its sentence takes its whole appositive: `said Ben
    /// Zipperer, a labor economist at the Washington Center for Equitable Growth, a liberal
    /// think tank` — the speaker's description, not a continuation of what was said.
    fn extend_appositive(&self, np: (usize, usize)) -> (usize, usize) {
        let e = np.1;
        if !self.appositive_at(e) {
            return np;
        }
        let mut m = e + 1;
        while m < self.hi && !self.is_quote(m) {
            if self.punct(m, ',') && matches!(self.w(m + 1), "according" | "as" | "while") {
                break;
            }
            if matches!(self.kind(m), Some(IK::Punct(';' | ':'))) {
                break;
            }
            m += 1;
        }
        while m > e && self.is_punct(m - 1) {
            m -= 1;
        }
        if m >= self.hi || self.is_quote(m) || self.punct(m, '.') {
            (np.0, m)
        } else {
            np
        }
    }

    fn skip_adverbials(&self, mut k: usize) -> usize {
        loop {
            let w = self.w(k);
            if self.kind(k) != Some(IK::Word) {
                return k;
            }
            if has(TIME_WORDS, w) || (ly_adverb(w) && !self.cap(k)) {
                k += 1;
            } else if matches!(w, "on" | "last" | "this" | "late" | "early" | "next")
                && (has(TIME_WORDS, self.w(k + 1))
                    || matches!(self.kind(k + 1), Some(IK::Num))
                    || (self.cap(k + 1) && is_month(self.w(k + 1))))
            {
                k += 2;
                if matches!(self.kind(k), Some(IK::Num)) {
                    k += 1;
                }
            } else {
                return k;
            }
        }
    }

    /// The first `that` introducing a clause within reach of `k`, across an addressee or a
    /// prepositional phrase: `told an extraordinary online meeting of … (CSTO) that`.
    fn find_that(&self, k: usize) -> Option<usize> {
        let mut m = k;
        while m < self.hi && m < k + 30 {
            match self.kind(m) {
                Some(IK::Word) => {
                    let w = self.w(m);
                    if w == "that" {
                        return Some(m);
                    }
                    // `told The Post and Courier that`: `and` inside a name.
                    let in_name = w == "and" && m > k && self.cap(m - 1) && self.cap(m + 1);
                    if !in_name
                        && matches!(
                            w,
                            "and"
                                | "but"
                                | "because"
                                | "while"
                                | "if"
                                | "whether"
                                | "who"
                                | "which"
                        )
                    {
                        return None;
                    }
                    if !self.cap(m) && self.cue_at(m).is_some() && m > k {
                        return None;
                    }
                }
                Some(IK::Num) => {}
                Some(IK::Punct('(' | ')' | '-')) => {}
                Some(IK::Punct('"')) if self.plural_possessive(m) => {}
                // `said at a news conference, "…"`, `told WEEI: "…"`: the quotation or
                // clause after the circumstance or addressee.
                Some(IK::Punct(',')) if m > k && self.is_quote(m + 1) => return Some(m + 1),
                Some(IK::Punct(':')) if m > k && m + 1 < self.hi => return Some(m + 1),
                Some(IK::Punct(',')) => {
                    // `said, however, that` — only a one-word aside; `told a rally in Salem,
                    // New Hampshire, that` — a place and its state.
                    let place =
                        m > k && self.cap(m - 1) && (self.cap(m + 1) || self.w(m + 1) == "that");
                    if !(place || (self.punct(m + 2, ',') && self.w(m + 3) == "that")) {
                        // `said on CNN, where he is now a paid contributor, that …`: an aside
                        // between commas, then the clause.
                        let next_comma = (m + 1..(m + 16).min(self.hi))
                            .take_while(|&x| !self.is_quote(x) && !self.punct(x, '.'))
                            .find(|&x| self.punct(x, ','));
                        return next_comma
                            .filter(|&x| self.w(x + 1) == "that")
                            .filter(|&x| {
                                (m + 1..x).all(|y| self.cap(y) || self.cue_at(y).is_none())
                            })
                            .map(|x| x + 1);
                    }
                }
                _ => return None,
            }
            m += 1;
        }
        None
    }

    /// Where a reported clause that starts at `start` ends: the end of the sentence, or before
    /// `, as …`, `, while …`, a participial cue, a following attribution, or a coordinated
    /// reporting verb.
    fn clause_end(&self, start: usize) -> usize {
        let mut m = start;
        while m < self.hi {
            match self.kind(m) {
                Some(IK::Punct(',')) if m > start && self.fronted == Some(m) => break,
                Some(IK::Punct(',')) if m > start && self.clause_break_after(start, m) => break,
                Some(IK::Quote(f))
                    if m > start
                        && (self.np_then_cue(m + 1)
                            || self.finite_cue_at(m + 1)
                            // `"…," while trying to explain …`: a quotation that ends in a
                            // comma ends the clause as a comma does.
                            || (self.a.frags[f].last == Some(',') && self.clause_break_after(start, m))) =>
                {
                    m += 1;
                    break;
                }
                Some(IK::Word) if m > start && matches!(self.w(m), "and" | "but") => {
                    let mut k = m + 1;
                    while k < self.hi && self.is_cue_prefix(k) {
                        k += 1;
                    }
                    // `asked the woman to raise her voice and say the word louder`: a bare
                    // verb coordinated inside an infinitive is part of it.
                    let in_infinitive = (start..m).any(|x| self.w(x) == "to")
                        && k == m + 1
                        && self.cue_at(k).is_some_and(|c| c.lemma == self.w(k));
                    if !in_infinitive
                        && self.cue_at(k).is_some_and(|c| {
                            matches!(c.form, CueForm::Finite | CueForm::Participle)
                        })
                    {
                        break;
                    }
                }
                _ => {}
            }
            m += 1;
        }
        while m > start && self.is_punct(m - 1) && !self.closes_content(start, m - 1) {
            m -= 1;
        }
        m
    }

    /// Punctuation at `k` that is part of what was said, not the sentence's: a percent
    /// sign, a parenthesis closing one opened after `lo` (a question mark is the sentence's:
    /// `Do you think [Glass-Steagall should be reinstated]?`).
    fn closes_content(&self, lo: usize, k: usize) -> bool {
        match self.kind(k) {
            Some(IK::Punct('%')) => true,
            Some(IK::Punct(')')) => (lo..k).any(|x| self.punct(x, '(')),
            _ => false,
        }
    }

    /// The comma that closes a subordinate clause fronted before the main clause of the
    /// sentence (`While Trump laid out his vision, the crowd …`, `After saying he was
    /// nervous, the man …`, `And when asked who …, the majority …`): a reported clause inside
    /// the subordinate one ends there.
    fn fronted_comma(&self) -> Option<usize> {
        let mut s = self.lo;
        while s < self.hi && matches!(self.w(s), "but" | "and" | "so" | "yet") {
            s += 1;
        }
        if self.kind(s) != Some(IK::Word) {
            return None;
        }
        let w = self.w(s);
        let nx = self.w(s + 1);
        let subordinator = matches!(
            w,
            "while"
                | "when"
                | "whenever"
                | "although"
                | "though"
                | "if"
                | "as"
                | "since"
                | "until"
                | "unless"
                | "once"
                | "because"
                | "whereas"
        ) || (w == "even" && matches!(nx, "though" | "as" | "if" | "when"))
            || (w == "now" && nx == "that");
        // `After blasting …`, `In describing …`, `By saying …`: a preposition that takes a
        // gerund opens an adjunct, not the subject (`On Monday Trump said …` is no such
        // clause).
        let gerund = matches!(
            w,
            "after" | "before" | "in" | "by" | "despite" | "without" | "upon" | "on"
        ) && nx.len() > 4
            && nx.ends_with("ing")
            && self.kind(s + 1) == Some(IK::Word);
        if !(subordinator || gerund) {
            return None;
        }
        let comma = (s..self.hi).find(|&k| self.punct(k, ','))?;
        self.main_clause_at(comma + 1).then_some(comma)
    }

    /// Whether a main clause can start at `k` after the comma closing a fronted clause.
    fn main_clause_at(&self, k: usize) -> bool {
        let w = self.w(k);
        match self.kind(k) {
            Some(IK::Word) => {
                (has(&DETS, w) || has(&SUBJ_PRONOUNS, w) || self.cap(k))
                    && !matches!(w, "who" | "which" | "whose")
            }
            Some(IK::Quote(_) | IK::Num) => true,
            _ => false,
        }
    }

    /// Whether the reported clause ends at the comma at `m` (or at a quotation ending in a
    /// comma): before `, as …`, `, while …`, a participial cue, a following attribution, a
    /// new clause after `, but`.
    fn clause_break_after(&self, start: usize, m: usize) -> bool {
        let nx = self.w(m + 1);
        let nx2 = self.w(m + 2);
        // A new clause with its own subject after `, but` / `, and`, a concession,
        // or a relative clause on the last noun is the writer's, more often
        // than not, in PARC.
        let new_clause = match nx {
            "but" => {
                nx2 != "that" && (has(&SUBJ_PRONOUNS, nx2) || has(&DETS, nx2) || self.cap(m + 2))
            }
            "and" => {
                matches!(nx2, "he" | "she" | "they" | "we" | "i")
                    || (!(start..m).any(|k| self.punct(k, ','))
                        && nx2 != "that"
                        && (has(&DETS, nx2)
                            || self.cap(m + 2)
                            || self.kind(m + 2) == Some(IK::Num)))
            }
            // `a crucial, although brief, opportunity`: a concession with no clause of
            // its own stays.
            "although" => has(&SUBJ_PRONOUNS, nx2) || has(&DETS, nx2) || self.cap(m + 2),
            // `the decision, which struck down …, illustrates`: a relative clause on the
            // subject of the reported clause is inside it.
            "which" => m > start + 3,
            _ => false,
        };
        // `, a labor economist at …`: an appositive on the last noun is the writer's
        // description, not what was said.
        let appositive = matches!(nx, "a" | "an");
        appositive
            || new_clause
            || matches!(nx, "as" | "while" | "whereas" | "according")
            || self
                .cue_at(m + 1)
                .is_some_and(|c| c.form == CueForm::Participle)
            || self.finite_cue_at(m + 1)
            || self.np_then_cue(m + 1)
    }

    /// A participle opening a free adjunct after a comma (`, referring to …`, `, putting
    /// them at odds with …`): the writer's comment on the clause, not part of it.
    fn free_participle(&self, k: usize) -> bool {
        let w = self.w(k);
        self.kind(k) == Some(IK::Word)
            && !self.cap(k)
            && w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "including"
                    | "during"
                    | "regarding"
                    | "concerning"
                    | "notwithstanding"
                    | "nothing"
                    | "something"
                    | "everything"
                    | "anything"
                    | "morning"
                    | "evening"
                    | "building"
                    | "meeting"
                    | "spending"
                    | "funding"
                    | "polling"
                    | "hearing"
                    | "ruling"
                    | "warning"
            )
    }

    /// A short noun phrase at `j` followed by a finite reporting verb: `Tokayev said`,
    /// `the Kazakh president added`.
    fn np_then_cue(&self, j: usize) -> bool {
        let mut k = j;
        while k < self.hi && k < j + 9 {
            match self.kind(k) {
                Some(IK::Word) => {
                    let w = self.w(k);
                    if k > j && self.cue_at(k).is_some_and(|c| c.form == CueForm::Finite) {
                        return true;
                    }
                    if has(&CLAUSE_WORDS, w) || (has(&PREPS, w) && w != "of") {
                        return false;
                    }
                    if k == j && !(self.cap(k) || has(&DETS, w) || has(&SUBJ_PRONOUNS, w)) {
                        return false;
                    }
                    if has(&AUX, w) || has(CUE_ADVERBS, w) {
                        // `he has said`: auxiliaries between subject and cue are fine.
                    }
                }
                Some(IK::Num) => {}
                _ => return false,
            }
            k += 1;
        }
        false
    }

    /// What was said after the cue ending at `j`.
    fn right_content(&self, j: usize, info: &CueInfo) -> Option<(usize, usize)> {
        let mut k = j;
        if k >= self.hi {
            return None;
        }
        if self.punct(k, ':') {
            k += 1;
            return (k < self.hi)
                .then(|| (k, self.clause_end(k)))
                .filter(|(s, e)| e > s);
        }
        if self.punct(k, ',') {
            if self.is_quote(k + 1) {
                k += 1;
            } else {
                // `saying, apparently for the first time, that …`: an aside between commas.
                // (or a relative aside: `said on CNN, where he is a contributor, that …`).
                let relative = matches!(self.w(k + 1), "where" | "who" | "which" | "when");
                // `…, Spicer said, adding, "…"`: a participle cue is an attribution of its
                // own, not an aside before what this cue reports.
                if self
                    .cue_at(k + 1)
                    .is_some_and(|c| c.form == CueForm::Participle)
                {
                    return None;
                }
                let mut m = k + 1;
                while m < self.hi
                    && m < k + 16
                    && matches!(self.kind(m), Some(IK::Word | IK::Num))
                    && (relative || !has(&CLAUSE_WORDS, self.w(m)))
                {
                    m += 1;
                }
                if m > k + 1
                    && self.punct(m, ',')
                    && (self.w(m + 1) == "that" || self.is_quote(m + 1))
                {
                    let start = m + 1;
                    let end = self.clause_end(start);
                    return (end > start + 1 || self.is_quote(start)).then_some((start, end));
                }
                return None;
            }
        }
        k = self.skip_adverbials(k);
        if k >= self.hi {
            return None;
        }
        let start = match self.kind(k)? {
            IK::Quote(_) => k,
            IK::Punct(_) => return None,
            IK::Num => k,
            IK::Word => {
                let w = self.w(k);
                // `said answering a question`, `said in a statement obtained by …`: a
                // participle right after the cue modifies it; it is not what was said.
                let no_gerund = matches!(
                    info.lemma,
                    "say"
                        | "add"
                        | "state"
                        | "explain"
                        | "note"
                        | "write"
                        | "tweet"
                        | "announce"
                        | "declare"
                        | "reply"
                        | "respond"
                        | "stress"
                        | "warn"
                        | "insist"
                        | "tell"
                );
                let after_medium = k == j && j > 0 && has(MEDIUM_NOUNS, &self.a.items[j - 1].lower);
                if no_gerund
                    && after_medium
                    && !self.cap(k)
                    && (self.free_participle(k)
                        || (w.ends_with("ed") && w.len() > 4 && self.cue_at(k).is_none()))
                {
                    return None;
                }
                let question = matches!(info.lemma, "ask" | "wonder" | "inquire" | "question");
                if question {
                    // An indirect question keeps its `if`/`whether`/wh-word (PARC content is
                    // the whole embedded question), also after an addressee: `asked Obama
                    // what he thought`.
                    if is_wh(w) {
                        let end = self.clause_end(k);
                        return (end > k + 1).then_some((k, end));
                    }
                    let mut m = k;
                    while m < self.hi && m < k + 6 && self.kind(m) == Some(IK::Word) {
                        if is_wh(self.w(m)) && m > k {
                            let end = self.clause_end(m);
                            return (end > m + 1).then_some((m, end));
                        }
                        m += 1;
                    }
                }
                if w == "that"
                    || w == "whether"
                    || (info.takes_infinitive && w == "to" && self.kind(k + 1) == Some(IK::Word))
                {
                    k
                } else if has(&PREPS, w)
                    || (info.takes_addressee
                        && (has(OBJ_PRONOUNS, w)
                            || self.cap(k)
                            || has(&DETS, w)
                            || !has(&SUBJ_PRONOUNS, w)))
                {
                    if let Some(t) = self.find_that(k) {
                        t
                    } else if let Some(t) = self.infinitive_after_object(k, info) {
                        // `asked the woman to raise her voice`: the object is the subject of
                        // the infinitive and part of what was asked.
                        if has(&PREPS, w) {
                            t
                        } else {
                            k
                        }
                    } else if let Some(t) = (info.takes_addressee && !has(&PREPS, w))
                        .then(|| self.after_addressee(k))
                        .flatten()
                    {
                        t
                    } else if info.takes_addressee && !has(&PREPS, w) {
                        // `told reporters the economy …`: a short addressee, then the clause.
                        let mut m = k;
                        if has(OBJ_PRONOUNS, w) || !self.cap(k) && !has(&DETS, w) {
                            m += 1;
                        } else {
                            // `told the AP his firm …`: a determiner and a name.
                            if matches!(w, "the") && self.cap(k + 1) {
                                m += 1;
                            }
                            while self.cap(m) {
                                m += 1;
                            }
                        }
                        let nx = self.w(m);
                        if m > k
                            && m < self.hi
                            && (has(&DETS, nx)
                                || has(&SUBJ_PRONOUNS, nx)
                                || self.cap(m)
                                || self.is_quote(m))
                        {
                            m
                        } else {
                            return None;
                        }
                    } else if w == "about"
                        || (matches!(w, "of" | "on") && info.class == CueClass::Attitude)
                    {
                        k + 1
                    } else {
                        return None;
                    }
                } else if matches!(
                    w,
                    "and"
                        | "but"
                        | "or"
                        | "as"
                        | "because"
                        | "so"
                        | "then"
                        | "while"
                        | "when"
                        | "after"
                        | "before"
                        | "since"
                        | "than"
                        | "not"
                        | "which"
                        | "who"
                ) || has(&AUX, w)
                {
                    return None;
                } else {
                    k
                }
            }
        };
        if self.object_not_reported(info, start) {
            return None;
        }
        let mut end = self.clause_end(start);
        // A verb of judging or siding takes a noun phrase: what is judged ends before the
        // time and place of the judging (`endorsed Mr. Trump at a news conference`,
        // `criticized the plan on Monday`) and before a second verb (`endorsed Sanders in
        // February and organized for him`).
        if has(NP_OBJECT_LEMMAS, info.lemma)
            && info.particle.is_none()
            && self.kind(start) == Some(IK::Word)
            && !matches!(
                self.w(start),
                "that" | "to" | "whether" | "how" | "what" | "why"
            )
        {
            end = end.min(self.np_object_end(start));
        }
        (end > start).then_some((start, end))
    }

    /// Whether the object that starts at `k` shows the verb in a sense that reports nothing:
    /// a quantity after `add` or `admit` (`the index added 20 points`, `the country has
    /// admitted 1.4 million refugees`), a noun phrase after `maintain` (`maintains a lead`,
    /// `maintains an office`: what is maintained as true is a clause), an indefinite noun
    /// phrase after `agree` (`has agreed a deal`), a hospital after `admit`, anonymity after
    /// `ask`, a dream after `realise`, a way or a home after `find`, anything but speech
    /// after `continue`.
    fn object_not_reported(&self, info: &CueInfo, k: usize) -> bool {
        let w = self.w(k);
        match info.lemma {
            "add" | "admit" => {
                let mut m = k;
                if matches!(w, "more" | "less" | "fewer") && self.w(k + 1) == "than" {
                    m += 2;
                } else if matches!(
                    w,
                    "about" | "nearly" | "almost" | "some" | "another" | "over" | "around"
                ) {
                    m += 1;
                }
                // `was admitted to hospital`: taken in as a patient.
                let patient = info.lemma == "admit"
                    && w == "to"
                    && matches!(
                        self.w(k + 1 + usize::from(matches!(self.w(k + 1), "a" | "the"))),
                        "hospital" | "hospitals" | "clinic" | "icu"
                    );
                patient
                    || self.kind(m) == Some(IK::Num)
                    || (matches!(self.kind(m), Some(IK::Punct('$' | '€' | '£' | '¥')))
                        && self.kind(m + 1) == Some(IK::Num))
            }
            "maintain" => {
                // `maintained she was never there`: a pronoun subject opens a clause.
                let clause_subject = has(&SUBJ_PRONOUNS, w) && !has(&DETS, w);
                self.kind(k) == Some(IK::Word) && w != "that" && !clause_subject
            }
            // `has agreed a deal`, `if Trump agrees to Beijing's demands`: accepting a thing,
            // not agreeing to do or that something is so.
            "agree" => {
                let nx = self.w(k + 1);
                info.particle.is_none()
                    && (matches!(w, "a" | "an")
                        || (w == "to"
                            && (has(&DETS, nx)
                                || nx.ends_with("'s")
                                || self.cap(k + 1)
                                || self.kind(k + 1) == Some(IK::Num))))
            }
            // `continued his push`, `continues gaining momentum`: going on with something;
            // `he continued, "…"` and `continued that …` go on speaking.
            "continue" => {
                self.kind(k) == Some(IK::Word)
                    && w != "that"
                    && !(w == "to" && matches!(self.w(k + 1), "say" | "argue" | "insist" | "claim"))
            }
            // `always finds a way to score`, `found common ground`, `found a new home`:
            // obtaining something, not a finding.
            "find" => {
                let np_start = matches!(
                    w,
                    "a" | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "some"
                        | "much"
                        | "new"
                        | "common"
                        | "comfort"
                        | "solace"
                        | "way"
                        | "ways"
                );
                np_start
                    && (k..(k + 4).min(self.hi)).any(|m| {
                        matches!(
                            self.w(m),
                            "way"
                                | "ways"
                                | "ground"
                                | "comfort"
                                | "solace"
                                | "home"
                                | "job"
                                | "jobs"
                                | "refuge"
                                | "sanctuary"
                                | "sponsor"
                                | "audience"
                                | "support"
                                | "time"
                                | "success"
                                | "work"
                                | "place"
                                | "room"
                        )
                    })
            }
            // `could not realise their American dream`: achieving, not coming to know.
            "realize" | "realise" => {
                matches!(w, "his" | "her" | "their" | "its" | "our" | "my" | "your")
                    && (k + 1..(k + 4).min(self.hi)).any(|m| {
                        matches!(
                            self.w(m),
                            "dream"
                                | "dreams"
                                | "potential"
                                | "ambition"
                                | "ambitions"
                                | "goal"
                                | "goals"
                        )
                    })
            }
            // `asked not to be identified`: the formula of anonymity, not a request reported.
            "ask" => {
                w == "not"
                    && self.w(k + 1) == "to"
                    && self.w(k + 2) == "be"
                    && matches!(self.w(k + 3), "identified" | "named")
            }
            _ => false,
        }
    }

    /// Where a noun phrase object that starts at `k` ends: before a time or place adjunct
    /// (`in February`, `at a news conference`, `on Monday`, `last week`) or a coordinated
    /// verb (`and organized`), or at punctuation.
    fn np_object_end(&self, k: usize) -> usize {
        let mut m = k + 1;
        while m < self.hi {
            let w = self.w(m);
            match self.kind(m) {
                Some(IK::Word) => {
                    let nx = self.w(m + 1);
                    let adjunct = matches!(
                        w,
                        "in" | "at" | "on" | "during" | "after" | "before" | "since"
                    ) && (is_day(nx)
                        || is_month(nx)
                        || has(TIME_WORDS, nx)
                        || self.kind(m + 1) == Some(IK::Num)
                        || (matches!(nx, "a" | "an" | "the" | "his" | "her" | "their")
                            && (has(MEDIUM_NOUNS, self.w(m + 2))
                                || has(TIME_WORDS, self.w(m + 2))
                                || matches!(
                                    self.w(m + 2),
                                    "rally" | "debate" | "event" | "hearing" | "news"
                                ))));
                    let time = matches!(w, "last" | "this" | "next" | "earlier")
                        && (has(TIME_WORDS, nx) || is_day(nx) || is_month(nx));
                    // `echoed similar themes and took the stage`, `calling them rapists and
                    // vowing to …`, `criticized Mr. Trump and has been a pointed critic`: a
                    // verb coordinated with the cue ends its object.
                    let verb = w == "and"
                        && !self.cap(m + 1)
                        && (nx.ends_with("ed")
                            || self.finite_cue_at(m + 1)
                            || self
                                .cue_at(m + 1)
                                .is_some_and(|c| c.form == CueForm::Participle)
                            || (has(&AUX, nx) && !has(&DETS, nx)));
                    if adjunct || time || verb || is_day(w) {
                        return m;
                    }
                }
                Some(IK::Num) | Some(IK::Quote(_)) | Some(IK::Punct('-' | '\'' | '"')) => {}
                _ => return m,
            }
            m += 1;
        }
        m
    }

    /// Where what was said starts after an addressee of a few words (`told a news
    /// conference they are …`, `told The Star-Ledger last week she would …`, `told his
    /// supporters, "…"`): at the first subject pronoun or quotation within reach.
    fn after_addressee(&self, k: usize) -> Option<usize> {
        let mut m = k + 1;
        while m < self.hi && m < k + 10 {
            match self.kind(m) {
                Some(IK::Quote(_)) => return Some(m),
                Some(IK::Punct(',')) if self.is_quote(m + 1) => return Some(m + 1),
                Some(IK::Punct(':')) if m + 1 < self.hi => return Some(m + 1),
                Some(IK::Word) => {
                    let w = self.w(m);
                    if matches!(w, "he" | "she" | "they" | "we" | "i") {
                        return Some(m);
                    }
                    if has(&CLAUSE_WORDS, w)
                        || has(&AUX, w)
                        || (!self.cap(m) && self.cue_at(m).is_some())
                    {
                        return None;
                    }
                }
                Some(IK::Num) | Some(IK::Punct('-' | '(' | ')' | '.')) => {}
                Some(IK::Punct('"')) if self.plural_possessive(m) => {}
                _ => return None,
            }
            m += 1;
        }
        None
    }

    /// Whether the mark at `m` is the apostrophe of a plural possessive (`CBS News' Charlie
    /// Rose`, `Sanders’ campaign`): glued to a word in `s` and followed by a word.
    fn plural_possessive(&self, m: usize) -> bool {
        m > self.lo
            && self.kind(m - 1) == Some(IK::Word)
            && self.w(m - 1).ends_with('s')
            && self.a.items[m - 1].end == self.a.items[m].start
            && self.kind(m + 1) == Some(IK::Word)
    }

    fn infinitive_after_object(&self, k: usize, info: &CueInfo) -> Option<usize> {
        if !info.takes_infinitive {
            return None;
        }
        for m in k..(k + 8).min(self.hi) {
            match self.kind(m) {
                Some(IK::Word)
                    if self.w(m) == "to"
                        && self.kind(m + 1) == Some(IK::Word)
                        && !self.cap(m + 1)
                        && !has(&DETS, self.w(m + 1)) =>
                {
                    return Some(m)
                }
                // `told a news conference they are close to a deal`: a clause, not an object.
                Some(IK::Word) if matches!(self.w(m), "he" | "she" | "they" | "we" | "i") => {
                    return None
                }
                Some(IK::Word) | Some(IK::Num) => {}
                _ => return None,
            }
        }
        None
    }

    /// The clause before the source: the sentence start up to the comma or quotation that
    /// precedes the source; a quotation alone is taken alone.
    fn left_content(&self, upto: usize) -> Option<(usize, usize)> {
        let mut s = self.lo;
        // A participial cue at the start of the sentence owns its own clause, and `As
        // reported by X,` is an attribution of its own, not what was said.
        if self.cands.iter().any(|c| {
            c.sent == self.si
                && (c.cue.0 == self.lo && c.content.iter().any(|x| x.1 >= upto)
                    || (c.cue.0 <= self.lo + 2
                        && self.w(self.lo) == "as"
                        && c.source.is_some_and(|s| s.1 <= upto)))
        }) {
            return None;
        }
        // Leading connectives are not what was said (`But`, `Nevertheless,`).
        loop {
            if s < upto && matches!(self.w(s), "but" | "and" | "so" | "yet" | "still") {
                s += 1;
            } else if s + 1 < upto
                && self.punct(s + 1, ',')
                && matches!(
                    self.w(s),
                    "however" | "meanwhile" | "nevertheless" | "nonetheless" | "instead" | "indeed"
                )
            {
                s += 2;
            } else {
                break;
            }
        }
        let mut e = upto;
        while e > s && self.is_punct(e - 1) && !self.closes_content(s, e - 1) {
            e -= 1;
        }
        (e > s).then_some((s, e))
    }

    pub fn sentence(&mut self, si: usize) {
        let st = self.a.sents[si];
        self.lo = st.lo;
        self.hi = st.hi;
        self.si = si;
        self.title = st.title;
        self.cue_cache.clear();
        let cache: Vec<Option<CueInfo>> = (st.lo..st.hi).map(|i| self.cue_at_uncached(i)).collect();
        self.cue_cache = cache;
        self.fronted = self.fronted_comma();
        self.first_quote = (st.lo..st.hi).find(|&m| self.is_quote(m)).unwrap_or(st.hi);
        let first_here = self.cands.len();
        let mut i = st.lo;
        while i < st.hi {
            // The constructions with a shape of their own first, then a cue of the lexicon;
            // a candidate found resumes the scan after its cue.
            let found = (self.w(i) == "according" && self.w(i + 1) == "to")
                .then(|| self.according(i))
                .flatten()
                .or_else(|| self.raising(i))
                .or_else(|| self.quoted_as_saying(i))
                .or_else(|| self.document_reads(i))
                .or_else(|| self.hearsay_adverb(i))
                .or_else(|| self.support_received(i))
                .or_else(|| {
                    self.cue_at(i)
                        .and_then(|info| self.attribute(i, info, first_here))
                });
            match found {
                Some(c) => {
                    i = c.cue.1;
                    self.cands.push(c);
                }
                None => i += 1,
            }
        }
        if let Some(c) = self.transcript_cue() {
            self.cands.push(c);
        } else if let Some(c) = self
            .signature_cue()
            .filter(|_| self.cands.len() == first_here)
        {
            self.cands.push(c);
        } else if let Some(c) = self.colon_cue() {
            // A colon cue before every other cue of the sentence: `Obama: I'm Optimistic
            // Americans Will Say No to Trump` (the name speaks the whole headline).
            if self.cands[first_here..].iter().all(|o| o.cue.0 > c.cue.0) {
                self.cands.push(c);
            }
        }
        // `asked about her weaknesses`, `spoke of …`: the preposition that introduces the
        // topic belongs to the cue, as it does for `talk about`.
        for ci in first_here..self.cands.len() {
            let (c0, c1) = self.cands[ci].cue;
            if matches!(self.w(c1), "about" | "of" | "on")
                && c1 > c0
                && self.cands[ci]
                    .content
                    .first()
                    .is_some_and(|r| r.0 == c1 + 1)
            {
                self.cands[ci].cue.1 = c1 + 1;
            }
        }
        // `Voters who backed Trump said they were angry`: a relative clause inside the
        // subject ends where the main clause's verb starts; what the voters backed is
        // `Trump`, not `Trump said they were angry`.
        for ci in first_here..self.cands.len() {
            let Some((rs, re)) = self.cands[ci].source else {
                continue;
            };
            let restrictive = re == rs + 1
                && matches!(self.w(rs), "who" | "which" | "that")
                && rs > self.lo
                && self.kind(rs - 1) == Some(IK::Word)
                && (self.lo..rs).all(|k| {
                    !self.is_punct(k)
                        && !self.is_quote(k)
                        && !has(&AUX, self.w(k))
                        && !self.finite_cue_at(k)
                });
            if !restrictive {
                continue;
            }
            let cue_end = self.cands[ci].cue.1;
            let content: Vec<(usize, usize)> = self.cands[ci]
                .content
                .iter()
                .map(|&(s, e)| {
                    if s < cue_end {
                        return (s, e);
                    }
                    match (s + 1..e).find(|&k| self.finite_cue_at(k) && !self.cap(k)) {
                        Some(k) => {
                            let mut end = k;
                            while end > s + 1 && self.is_punct(end - 1) {
                                end -= 1;
                            }
                            (s, end)
                        }
                        None => (s, e),
                    }
                })
                .collect();
            self.cands[ci].content = content;
        }
        for ci in first_here..self.cands.len() {
            if self.cands[ci].head.is_none() {
                if let Some(src) = self.cands[ci].source {
                    // `a report from Kotak Institutional Equities`: the issuer speaks; else
                    // `Maria Lopez of the Urban Institute`: the person before `of`.
                    let issuer = (src.0 + 1..src.1.saturating_sub(1))
                        .find(|&k| self.w(k) == "from")
                        .filter(|&k| Self::document_noun(self.w(k - 1)))
                        .map(|k| (k + 1, src.1));
                    let person = issuer
                        .is_none()
                        .then(|| self.person_of_place(src))
                        .flatten();
                    self.cands[ci].head = issuer.or(person);
                    self.cands[ci].head_is_person = person.is_some();
                }
            }
        }
        // Participles at the start of the sentence take the subject of the main clause.
        for ci in first_here..self.cands.len() {
            if self.cands[ci].source.is_none() && self.cands[ci].borrow.is_none() {
                let other = (first_here..self.cands.len()).find(|&o| {
                    o != ci && self.cands[o].source.is_some() && self.cands[o].borrow.is_none()
                });
                if let Some(o) = other {
                    if self.cands[ci].cue.0 == st.lo {
                        self.cands[ci].borrow = Some(o);
                    }
                } else if self.cands[ci].cue.0 == st.lo && si > 0 {
                    // `Maher stated that … "wasn't good." Adding, "…"`: a sentence that is
                    // only a participle and what it says goes on with the sentence before it
                    // in the paragraph, and with its speaker.
                    let para = st.para;
                    let before = (0..first_here).rev().find(|&o| {
                        let c = &self.cands[o];
                        c.sent + 1 == si
                            && self.a.sents[c.sent].para == para
                            && self.lends_source(o)
                    });
                    let participle = self
                        .cue_at(st.lo)
                        .is_some_and(|c| c.form == CueForm::Participle);
                    if participle {
                        self.cands[ci].borrow = before;
                    }
                }
            }
        }
    }

    /// The speaker of a verb of saying in the infinitive at `i` (`to add`), where it is the
    /// subject of the clause: `Trump was quick to add that …`, `Obama held a briefing to brag
    /// that …`. Not where the infinitive has an object of its own for a subject (`urged him
    /// to say`, `asked Smith to explain`): those are left without a source.
    fn infinitive_subject(&self, i: usize) -> Option<(usize, usize)> {
        if i < self.lo + 2 {
            return None;
        }
        let before = i - 2;
        let w = self.w(before);
        let object = self.cap(before)
            || matches!(w, "him" | "her" | "them" | "us" | "me" | "you" | "it")
            || self.kind(before) != Some(IK::Word);
        let controls = (before.saturating_sub(4).max(self.lo)..=before).any(|k| {
            let v = self.w(k);
            OBJECT_CONTROL_STEMS.iter().any(|p| v.starts_with(p))
        });
        if object || controls {
            return None;
        }
        self.sentence_subject(i)
    }

    /// `Senator Ted Cruz, who last year threatened`, `Clinton this week said`: a time phrase
    /// between the subject and its verb is no subject; the noun phrase before it is.
    fn before_time_phrase(&self, np: (usize, usize)) -> (usize, usize) {
        // (`The Times` is a newspaper, not a time.)
        let timely = |k: usize| {
            let w = self.w(k);
            !self.cap(k)
                && (matches!(w, "last" | "this" | "next" | "past" | "early" | "late")
                    || has(TIME_WORDS, w.trim_end_matches('s')))
                || is_day(w)
                || is_month(w) && w != "may"
        };
        // Where the time phrase starts: the words at the end of `np` that tell a time.
        let mut t = np.1;
        while t > np.0 && timely(t - 1) {
            t -= 1;
        }
        if t == np.1 {
            return np;
        }
        if t > np.0 {
            // `Clinton this week`: the name before the time.
            return if self.cap(np.0) { (np.0, t) } else { np };
        }
        if np.0 <= self.lo {
            return np;
        }
        self.left_np(np.0).unwrap_or(np)
    }

    /// `Maria Lopez of the Urban Institute`, `Rep. Tim Ryan of Ohio`, `Shaheda Begum of
    /// Ishwaripur village`: a person's name before `of` and where they are from or work. The
    /// name names the speaker; `Secretary of State`, `Bank of America` and `The University of
    /// Texas` are titles and names of their own.
    fn person_of_place(&self, src: (usize, usize)) -> Option<(usize, usize)> {
        let (s, e) = src;
        let of = (s + 1..e).find(|&k| self.w(k) == "of")?;
        let words: Vec<&str> = (s..of).map(|k| self.w(k)).collect();
        let all_names = (s..of).all(|k| self.kind(k) == Some(IK::Word) && self.cap(k));
        (all_names && crate::entities::names_person_before_of(&words)).then_some((s, of))
    }

    /// The source after `according to`: any noun phrase, lowercase ones included
    /// (`according to exit polls`, `according to people familiar with the talks`), up to
    /// the punctuation that ends it.
    fn according_source(&self, start: usize) -> Option<(usize, usize)> {
        let closed = |e: usize| {
            e >= self.hi
                || self.is_quote(e)
                || matches!(
                    self.kind(e),
                    Some(IK::Punct(',' | '.' | ';' | ':' | '!' | '?' | '—' | '"'))
                )
        };
        if let Some(np) = self.right_np(start).filter(|&(_, e)| closed(e)) {
            return Some(np);
        }
        if !matches!(self.kind(start), Some(IK::Word | IK::Num)) {
            return self.right_np(start);
        }
        let mut m = start;
        while m < self.hi && m < start + 30 {
            match self.kind(m) {
                Some(IK::Word | IK::Num) => {}
                // `University of Texas/Texas Tribune`, `Sen. Kelly Ayotte (R-N.H.)`
                Some(IK::Punct('/' | '-' | '&' | '\'' | '(' | ')' | '.'))
                    if self.kind(m + 1) != Some(IK::Punct(','))
                        && !(self.punct(m, '.')
                            && (m + 1 >= self.hi || self.cap(m + 1) && !self.cap(m - 1))) => {}
                _ => break,
            }
            m += 1;
        }
        if m >= start + 30 || m == start {
            return self.right_np(start);
        }
        Some((start, m))
    }

    fn according(&self, i: usize) -> Option<Cand> {
        let cue = (i, i + 2);
        let mut src = self.according_source(i + 2)?;
        let mut content = Vec::new();
        let at_start = i == self.lo
            || (i == self.lo + 1 && matches!(self.w(self.lo), "but" | "and" | "yet" | "so"))
            || (i == self.lo + 2
                && matches!(self.w(self.lo), "but" | "and" | "yet" | "so")
                && self.punct(self.lo + 1, ','));
        // `According to the poll, 46 percent of voters …`, `According to the Washington
        // Post, the President has …`: what follows the comma is the reported clause, not an
        // appositive of the source, when nothing would be left after it.
        if at_start && src.1 + 1 >= self.hi {
            if let Some(c) = (src.0..src.1).find(|&m| self.punct(m, ',')) {
                if c > src.0 {
                    src.1 = c;
                }
            }
        }
        if at_start {
            let k = if self.punct(src.1, ',') {
                src.1 + 1
            } else {
                src.1
            };
            if k < self.hi {
                let e = self.clause_end(k);
                if e > k {
                    content.push((k, e));
                }
            }
        } else {
            let mut e = i;
            while e > self.lo && self.is_punct(e - 1) {
                e -= 1;
            }
            let mut s0 = self.lo;
            loop {
                if s0 < e && matches!(self.w(s0), "but" | "and" | "so" | "yet" | "still") {
                    s0 += 1;
                } else if s0 + 1 < e
                    && self.punct(s0 + 1, ',')
                    && matches!(
                        self.w(s0),
                        "however"
                            | "meanwhile"
                            | "nevertheless"
                            | "nonetheless"
                            | "instead"
                            | "indeed"
                    )
                {
                    s0 += 2;
                } else {
                    break;
                }
            }
            if e > s0 {
                content.push((s0, e));
            }
            // `…, according to a CNN tally, but his pathway …`, `…, according to Crowdpac, a
            // crowdfunding website`: a new clause, a relative or an appositive after the
            // source is not the rest of what was reported.
            let writer = matches!(
                self.w(src.1 + 1),
                "but"
                    | "and"
                    | "even"
                    | "while"
                    | "which"
                    | "who"
                    | "whose"
                    | "where"
                    | "a"
                    | "an"
                    | "compared"
            );
            if self.punct(src.1, ',') && src.1 + 1 < self.hi && !writer {
                let e2 = self.clause_end(src.1 + 1);
                if e2 > src.1 + 1 {
                    content.push((src.1 + 1, e2));
                }
            }
        }
        if content.is_empty() {
            return None;
        }
        Some(Cand {
            cue,
            source: Some(src),
            borrow: None,
            content,
            class: CueClass::Speech,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    /// Raising verbs of appearance: `Clinton still seems not to have found a voice`, `it
    /// appeared that …`, `the plan looks like a trap`. The judgement is the writer's (or
    /// nobody's), so there is no source; what is judged is the subject together with its
    /// predicate, as PARC annotates it.
    fn raising(&self, i: usize) -> Option<Cand> {
        let lemma = match self.w(i) {
            "seem" | "seems" | "seemed" => "seem",
            "appear" | "appears" | "appeared" => "appear",
            "look" | "looks" | "looked" | "sound" | "sounds" | "sounded" => "look",
            _ => return None,
        };
        if self.cap(i) && i != self.lo {
            return None;
        }
        let k = i + 1;
        let nx = self.w(k);
        let nx2 = self.w(k + 1);
        let as_if = nx == "as" && matches!(nx2, "if" | "though");
        let to_verb = nx == "to"
            && self.kind(k + 1) == Some(IK::Word)
            && !self.cap(k + 1)
            && !has(&DETS, nx2)
            && !has(OBJ_PRONOUNS, nx2);
        let ok = match lemma {
            // `seem` is always a raising verb: `seems content`, `seemed unlikely`.
            "seem" => {
                self.kind(k) == Some(IK::Word)
                    && (to_verb
                        || as_if
                        || matches!(nx, "like" | "that")
                        || !(has(&PREPS, nx) || has(&CLAUSE_WORDS, nx) || has(&DETS, nx)))
            }
            // `appeared on CNN` is showing up, not seeming.
            "appear" => to_verb || as_if || nx == "that",
            _ => nx == "like" || as_if,
        };
        if !ok {
            return None;
        }
        let mut c0 = i;
        while c0 > self.lo && self.is_cue_prefix(c0 - 1) {
            c0 -= 1;
        }
        // `Obama seemed to recognize the significance …`, `she appeared to imply that …`: a
        // verb of saying or knowing after the raising verb is the attribution, and its
        // subject is the source (PARC takes `seemed to recognize` as the cue).
        if to_verb {
            if let Some(info) = self.cue_at(k + 1) {
                let c1 = k + 2 + usize::from(info.particle.is_some());
                let src = self
                    .left_np(c0)
                    .filter(|np| !(np.1 == np.0 + 1 && self.w(np.0) == "it"));
                if let (Some(src), Some(content)) = (src, self.right_content(c1, &info)) {
                    return Some(Cand {
                        cue: (c0, c1),
                        source: Some(src),
                        borrow: None,
                        content: vec![content],
                        class: info.class,
                        sent: self.si,
                        head: None,
                        head_is_person: false,
                    });
                }
            }
        }
        let end = self.clause_end(k);
        if end <= k + 1 {
            return None;
        }
        let mut content = Vec::new();
        let mut cue = (c0, i + 1);
        if c0 > self.lo && self.w(c0 - 1) == "it" {
            // Expletive `it appeared that …`: the pronoun belongs to the cue.
            cue.0 = c0 - 1;
        } else if nx == "that" {
            return None;
        } else if let Some(np) = self.left_np(c0) {
            if !matches!(self.w(np.0), "who" | "which" | "that") || np.1 > np.0 + 1 {
                content.push(np);
            }
        }
        content.push((k, end));
        Some(Cand {
            cue,
            source: None,
            borrow: None,
            content,
            class: CueClass::Attitude,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    /// A transcript turn: a paragraph that opens with a speaker's name in capitals and a
    /// colon (`TAPPER: And obviously, …`). What was said is the rest of the paragraph, all
    /// its sentences.
    fn transcript_cue(&self) -> Option<Cand> {
        let si = self.si;
        let para = self.a.sents[si].para;
        if si > 0 && self.a.sents[si - 1].para == para {
            return None;
        }
        let k = (self.lo + 1..(self.lo + 4).min(self.hi)).find(|&k| self.punct(k, ':'))?;
        // A name, not a phrase: `FIX IS IN:` is a headline.
        let label_ok = (self.lo..k).all(|m| {
            let it = &self.a.items[m];
            let raw = it.lower.as_str();
            it.kind == IK::Word
                && it.cap
                && !(has(LABELS, raw)
                    || has(&AUX, raw)
                    || has(&PREPS, raw)
                    || has(&DETS, raw)
                    || has(&CLAUSE_WORDS, raw))
        });
        if !label_ok {
            return None;
        }
        // Every letter a capital: `TAPPER`, `MR. TRUMP`.
        let caps = (self.lo..k).all(|m| self.a.items[m].upper);
        // `NEW DELHI: Nearly 150 Indians returned …` opening the story is a dateline: the
        // place it was filed from. A transcript has more than one turn.
        if caps && self.is_dateline(k) {
            return None;
        }
        // `Q:` and `A:` name nobody; their turns are left to the cues inside them.
        if !(caps && (self.lo..k).any(|m| self.w(m).len() >= 2)) {
            return None;
        }
        let mut end = self.hi;
        for st in &self.a.sents[si + 1..] {
            if st.para != para {
                break;
            }
            end = st.hi;
        }
        let mut e = end;
        while e > k + 1 && matches!(self.a.items[e - 1].kind, IK::Punct(_)) {
            e -= 1;
        }
        if e < k + 4 {
            return None;
        }
        Some(Cand {
            cue: (k, k + 1),
            source: Some((self.lo, k)),
            borrow: None,
            content: vec![(k + 1, e)],
            class: CueClass::Speech,
            sent: si,
            head: None,
            head_is_person: false,
        })
    }

    /// `The hackers have reportedly infiltrated …`, `who allegedly paid …`: an adverb of
    /// hearsay attributes the clause to unnamed sources. What is reported is the subject
    /// (with its auxiliary) and the predicate around the adverb; there is no source.
    fn hearsay_adverb(&self, i: usize) -> Option<Cand> {
        if !matches!(
            self.w(i),
            "reportedly" | "allegedly" | "purportedly" | "supposedly" | "rumoredly"
        ) || (self.cap(i) && i != self.lo)
        {
            return None;
        }
        // `reportedly said`: the adverb is part of a verb cue, found there.
        let mut k = i + 1;
        while k < self.hi && self.is_cue_prefix(k) {
            k += 1;
        }
        if self.cue_at(k).is_some() || self.kind(k) != Some(IK::Word) || self.cap(k) {
            return None;
        }
        let mut s = i;
        while s > self.lo && has(&AUX, self.w(s - 1)) {
            s -= 1;
        }
        let subj = self.left_np(s)?;
        let end = self.clause_end(i + 1);
        if end <= i + 1 {
            return None;
        }
        Some(Cand {
            cue: (i, i + 1),
            source: None,
            borrow: None,
            content: vec![(subj.0, i), (i + 1, end)],
            class: CueClass::Speech,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    /// `X: "…"` — a short name before a colon and a quotation after it.
    /// Whether the text from `k` to the end of the sentence is a list of names (`Iowa: Tim
    /// Albrecht, Brad Anderson, Rob Barron, …`): what follows the colon names people, it
    /// says nothing.
    fn name_list(&self, k: usize) -> bool {
        let mut items = 0;
        let mut words = 0;
        for m in k..self.hi {
            match self.kind(m) {
                Some(IK::Word) if self.cap(m) || (words > 0 && has(NAME_PARTS, self.w(m))) => {
                    words += 1;
                    if words > 4 {
                        return false;
                    }
                }
                Some(IK::Punct(',' | ';' | '.')) if words > 0 => {
                    items += 1;
                    words = 0;
                }
                Some(IK::Word) if self.w(m) == "and" && words == 0 => {}
                _ => return false,
            }
        }
        items + usize::from(words > 0) >= 4
    }

    /// Whether the label in capitals before the colon at `k` is a dateline: in one of the
    /// story's first paragraphs, the only such label in the document, and followed by prose
    /// rather than a quotation or a headline in title case (`FIX IS IN: PBS Moderators …`).
    fn is_dateline(&self, k: usize) -> bool {
        let st = self.a.sents[self.si];
        let first = self.si == 0 || self.a.sents[self.si - 1].para != st.para;
        first && !st.title && st.para < 3 && self.caps_labels < 2 && !self.is_quote(k + 1)
    }

    /// `“…” ― Sonya Herridge`, `"…" — Maria Lopez, a nurse in Queens`: a quotation signed
    /// with a dash and a name, as pull quotes, epigraphs, readers' answers and embedded posts
    /// are. The sentence is the quotation, the dash and the signature, nothing else; the
    /// signature opens with a capitalised word and is short, so that a dash before a clause
    /// (`"…" — and then he left`) is not one.
    fn signature_cue(&self) -> Option<Cand> {
        let q = (self.lo..self.hi).find(|&m| !matches!(self.kind(m), Some(IK::Punct(_))))?;
        if !self.is_quote(q) {
            return None;
        }
        let mut dash = q + 1;
        while dash < self.hi && matches!(self.kind(dash), Some(IK::Punct(c)) if c != '—') {
            dash += 1;
        }
        if !self.punct(dash, '—') || !self.cap(dash + 1) {
            return None;
        }
        // The signature runs to the end of the sentence, without its closing punctuation.
        let mut end = self.hi;
        while end > dash + 1 && matches!(self.kind(end - 1), Some(IK::Punct('.' | ',' | ';'))) {
            end -= 1;
        }
        let words = (dash + 1..end)
            .filter(|&m| self.kind(m) == Some(IK::Word))
            .count();
        let clean = (dash + 1..end).all(|m| {
            !self.is_quote(m) && !matches!(self.kind(m), Some(IK::Punct('.' | '!' | '?' | ':')))
        });
        if words == 0 || words > 12 || !clean || self.cue_at(dash + 1).is_some() {
            return None;
        }
        Some(Cand::speech(
            (dash, dash + 1),
            (dash + 1, end),
            (q, q + 1),
            self.si,
        ))
    }

    fn colon_cue(&self) -> Option<Cand> {
        let k = (self.lo..self.hi).find(|&k| self.punct(k, ':'))?;
        // `IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon Cohen: "…"`, `Pollsters
        // agree - Carl Bialik: "…"`: a digest item names who is quoted after a dash.
        // `EXCLUSIVE – Roger Stone: Don't Trust …`: a kicker in capitals before a dash is no
        // part of the name.
        let kicker = |d: usize| d > self.lo && (self.lo..d).all(|m| self.a.items[m].upper);
        let lo = (self.lo..k)
            .rev()
            .find(|&m| matches!(self.kind(m), Some(IK::Punct('—' | '-'))))
            .filter(|&d| (self.is_quote(k + 1) || kicker(d)) && k > d + 1 && k <= d + 7)
            .map_or(self.lo, |d| {
                let s = d + 1;
                if self.w(s) == "more" && self.w(s + 1) == "from" {
                    s + 2
                } else {
                    s
                }
            });
        // `Gillibrand on Hillary Releasing Her Goldman Sachs Speech Transcripts: 'I Think She
        // Will.'`: a headline's name and what it spoke on, then the quotation.
        let on_topic = (lo + 1..(lo + 4).min(k))
            .find(|&m| self.w(m) == "on" && (lo..m).all(|x| self.cap(x)))
            .filter(|_| self.is_quote(k + 1) && self.a.sents[self.si].para == 0);
        let (lo, name_end) = match on_topic {
            Some(m) if k > lo + 6 => (lo, m),
            _ => (lo, k),
        };
        if k == lo || name_end > lo + 6 || k + 1 >= self.hi {
            return None;
        }
        if lo == self.lo && (self.lo..k).all(|m| self.a.items[m].upper) && self.is_dateline(k) {
            return None;
        }
        // Without a quotation, only a name heading its paragraph (a headline `Rubio: …` or a
        // transcript `MATTHEWS: …`), and not a label (`Photo:`, `Update:`).
        if !self.is_quote(k + 1) {
            let first =
                self.si == 0 || self.a.sents[self.si - 1].para != self.a.sents[self.si].para;
            // `Clinton to Planned Parenthood:`, `Former AG Mukasey at RNC:`: a name with the
            // audience or place it spoke to.
            let names = self.cap(lo)
                && (lo..k).all(|m| {
                    (self.cap(m) && !has(LABELS, self.w(m)))
                        || (m > lo && matches!(self.w(m), "to" | "at" | "on" | "in" | "of"))
                });
            // What follows counts in words, a quotation by its own (`Hillary ‘Better
            // Qualified to Be President …’` is a headline, not a label).
            let words_after: usize = (k + 1..self.hi)
                .map(|m| match self.kind(m) {
                    Some(IK::Word | IK::Num) => 1,
                    Some(IK::Quote(f)) => self.a.frags.get(f).map_or(1, |fr| fr.words),
                    _ => 0,
                })
                .sum();
            if !first || !names || k > lo + 6 || words_after < 4 {
                return None;
            }
        }
        if !(lo..name_end).all(|m| self.kind(m) == Some(IK::Word))
            || !(lo..name_end).any(|m| self.cap(m))
        {
            return None;
        }
        if (lo..name_end).any(|m| self.cue_at(m).is_some() && !self.cap(m)) {
            return None;
        }
        if self.name_list(k + 1) {
            return None;
        }
        // `…: "…" [Gallup.]`: a bracketed citation after the quotation is not speech.
        let end = if self.is_quote(k + 1) && matches!(self.kind(k + 2), Some(IK::Punct('[' | '(')))
        {
            k + 2
        } else {
            self.clause_end(k + 1)
        };
        Some(Cand::speech(
            (k, k + 1),
            (lo, name_end),
            (k + 1, end),
            self.si,
        ))
    }

    fn attribute(&self, i: usize, mut info: CueInfo, first_here: usize) -> Option<Cand> {
        // `Trump's ability to deflect attacks, she said`: after an infinitive the word is its
        // object, not a finite verb with the infinitive as its subject.
        if info.form == CueForm::Finite
            && i >= self.lo + 2
            && self.w(i - 2) == "to"
            && self.kind(i - 1) == Some(IK::Word)
            && !self.cap(i - 1)
            && !self.w(i - 1).ends_with("ly")
            && !has(&AUX, self.w(i - 1))
            && !has(&SUBJ_PRONOUNS, self.w(i - 1))
            && !has(&DETS, self.w(i - 1))
            && !matches!(
                self.w(i - 1),
                "him" | "her" | "them" | "us" | "me" | "it" | "you" | "his" | "its" | "their"
                    | "our" | "my" | "your" | "whom" | "date" | "help"
            )
            // A plural noun (`sources privy to negotiations say`), not a bare verb.
            && (!self.w(i - 1).ends_with('s') || self.w(i - 1).ends_with("ss"))
        {
            return None;
        }
        // `The campaign plans to …` is the verb; `his plans to …` the noun.
        if info.form == CueForm::Noun && info.particle.is_some() && i > self.lo {
            let prev = self.w(i - 1);
            // After a support verb the noun is meant: `raise questions about`, `faced
            // criticism of`, `drew calls for`.
            let support_verb = matches!(
                prev,
                "raise"
                    | "raises"
                    | "raised"
                    | "raising"
                    | "face"
                    | "faces"
                    | "faced"
                    | "facing"
                    | "draw"
                    | "draws"
                    | "drew"
                    | "drawn"
                    | "drawing"
                    | "spark"
                    | "sparks"
                    | "sparked"
                    | "sparking"
                    | "prompt"
                    | "prompts"
                    | "prompted"
                    | "prompting"
                    | "pose"
                    | "posed"
                    | "poses"
                    | "take"
                    | "takes"
                    | "took"
                    | "taking"
                    | "taken"
                    | "field"
                    | "fielded"
                    | "fielding"
                    | "voice"
                    | "voiced"
                    | "voicing"
                    | "express"
                    | "expressed"
                    | "expressing"
                    | "fuel"
                    | "fueled"
                    | "fuelled"
                    | "fueling"
                    | "renew"
                    | "renewed"
                    | "renewing"
                    | "ignore"
                    | "ignored"
                    | "ignoring"
                    | "dodge"
                    | "dodged"
                    | "dodging"
            );
            let determined =
                has(&DETS, prev) || prev.ends_with("'s") || self.is_punct(i - 1) || support_verb;
            if !determined {
                if let Some(v) = self
                    .lex
                    .lookup(self.w(i), None)
                    .filter(|c| c.form != CueForm::Noun)
                {
                    info = v;
                }
            }
        }
        let mut c0 = i;
        while c0 > self.lo && self.is_cue_prefix(c0 - 1) {
            c0 -= 1;
        }
        let mut c1 = i + 1 + usize::from(info.particle.is_some());
        let prev = if i > self.lo { self.w(i - 1) } else { "" };
        if info.form == CueForm::Noun {
            return self.noun_cue(i, info);
        }
        // `continued to complain that`, `went on to say`, `began to argue`: an aspectual
        // verb before the infinitive is part of the cue, and its subject speaks.
        if c0 == i && prev == "to" && i >= self.lo + 2 && info.form == CueForm::Finite {
            let v = self.w(i - 2);
            let start = if matches!(
                v,
                "continued"
                    | "continues"
                    | "continue"
                    | "continuing"
                    | "proceeded"
                    | "proceeds"
                    | "began"
                    | "begins"
                    | "begun"
                    | "started"
                    | "starts"
                    | "tried"
                    | "tries"
            ) {
                Some(i - 2)
            } else if v == "on"
                && i >= self.lo + 3
                && matches!(self.w(i - 3), "went" | "goes" | "go" | "going" | "gone")
            {
                Some(i - 3)
            } else {
                None
            };
            if let Some(mut st) = start {
                while st > self.lo && self.is_cue_prefix(st - 1) {
                    st -= 1;
                }
                c0 = st;
            }
        }
        // `the report`, `his claims`, `to say`: not a finite reporting verb here.
        // Quantifiers stand alone as subjects: `Some said`, `Many believe`.
        let standalone = has(STANDALONE_DETS, prev);
        if (c0 == i
            && ((has(&DETS, prev) && !standalone)
                || prev == "to"
                || (prev.ends_with("'s") && i > self.lo)))
            || (info.form == CueForm::Finite && self.split_infinitive(i))
        {
            if info.form == CueForm::Participle && has(&DETS, prev) {
                return None;
            }
            if info.form != CueForm::Participle {
                let mut cand = self.noun_cue(i, info)?;
                if prev == "to" && cand.source.is_none() && cand.borrow.is_none() {
                    cand.source = self.infinitive_subject(i);
                }
                return Some(cand);
            }
        }
        // `said Tuesday`: a bare day right after the verb belongs to the cue (`on Monday` does
        // not; it is an adverbial of its own).
        if matches!(
            self.w(c1),
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
        ) {
            c1 += 1;
            if matches!(self.w(c1), "night" | "morning" | "afternoon" | "evening") {
                c1 += 1;
            }
        }
        // `said recently`, `said sarcastically`: a manner or time adverb right after the verb
        // belongs to the cue.
        if info.form != CueForm::Noun
            && self.kind(c1) == Some(IK::Word)
            && !self.cap(c1)
            && (matches!(
                self.w(c1),
                "recently"
                    | "earlier"
                    | "later"
                    | "again"
                    | "repeatedly"
                    | "afterwards"
                    | "afterward"
                    | "yesterday"
                    | "today"
                    | "tonight"
                    | "previously"
            ) || (self.w(c1).ends_with("ly")
                && self.w(c1).len() > 4
                && self.cue_at(c1).is_none()))
            && !matches!(
                self.w(c1),
                "only" | "early" | "likely" | "family" | "daily" | "nearly"
            )
        {
            c1 += 1;
        }
        // `said with a laugh`, `said at the time`, `said in part`, `said then`: how and when
        // it was said belongs to the cue.
        if info.form != CueForm::Noun {
            let (a1, a2, a3) = (self.w(c1), self.w(c1 + 1), self.w(c1 + 2));
            if a1 == "with"
                && matches!(a2, "a" | "an")
                && matches!(
                    a3,
                    "laugh" | "smile" | "grin" | "smirk" | "chuckle" | "sigh" | "shrug" | "wink"
                )
            {
                c1 += 3;
            } else if (a1 == "at" && a2 == "the" && a3 == "time")
                || (a1 == "in" && matches!(a2, "part" | "response" | "reply"))
            {
                c1 += if a1 == "at" { 3 } else { 2 };
            } else if matches!(a1, "then" | "instead") && self.is_punct(c1 + 1) {
                c1 += 1;
            }
        }
        // `said on Twitter`, `said on CNN`: the channel is part of the cue.
        if self.w(c1) == "on"
            && matches!(
                self.w(c1 + 1),
                "twitter"
                    | "facebook"
                    | "instagram"
                    | "youtube"
                    | "television"
                    | "radio"
                    | "cnn"
                    | "msnbc"
                    | "fox"
                    | "abc"
                    | "nbc"
                    | "cbs"
                    | "npr"
                    | "air"
            )
        {
            c1 += 2;
        }
        // `said in a statement`, `wrote in an op-ed`, `said during a debate`: the medium or
        // occasion is part of the cue (`at a video conference` is not: the seed table's cue
        // is `has stated`).
        if matches!(self.w(c1), "in" | "during")
            && matches!(
                self.w(c1 + 1),
                "a" | "an" | "the" | "his" | "her" | "their" | "its"
            )
        {
            let mut m = c1 + 2;
            while m < self.hi && m < c1 + 5 && self.kind(m) == Some(IK::Word) {
                if has(MEDIUM_NOUNS, self.w(m))
                    || (self.w(c1) != "in"
                        && matches!(
                            self.w(m),
                            "rally"
                                | "event"
                                | "debate"
                                | "hearing"
                                | "forum"
                                | "meeting"
                                | "summit"
                                | "ceremony"
                                | "dinner"
                                | "luncheon"
                                | "breakfast"
                                | "gathering"
                                | "appearance"
                                | "stop"
                                | "hall"
                        ))
                {
                    // `in a video message`, `in a conference call`: the whole compound.
                    c1 = m + 1;
                    while c1 < self.hi && has(MEDIUM_NOUNS, self.w(c1)) {
                        c1 += 1;
                    }
                    // `in an interview with the Associated Press`, `in a statement to
                    // reporters`: with whom, when it ends the clause or comes before `that`.
                    if matches!(self.w(c1), "with" | "to" | "on") {
                        let mut e = c1 + 1;
                        while e < self.hi
                            && e < c1 + 9
                            && matches!(self.kind(e), Some(IK::Word | IK::Num))
                            && self.w(e) != "that"
                            && !has(&AUX, self.w(e))
                            && !self.finite_cue_at(e)
                        {
                            e += 1;
                        }
                        let closed = e >= self.hi
                            || self.is_punct(e) && !self.punct(e, '\'')
                            || self.w(e) == "that";
                        if e > c1 + 1 && closed {
                            c1 = e;
                        }
                    }
                    break;
                }
                m += 1;
            }
        }
        // `said in 2011`, `said in March`: when it was said.
        if info.form != CueForm::Noun
            && self.w(c1) == "in"
            && (is_month(self.w(c1 + 1)) && self.cap(c1 + 1)
                || self.kind(c1 + 1) == Some(IK::Num)
                    && self.w(c1 + 1).len() == 4
                    && self.w(c1 + 1).starts_with(['1', '2']))
            && (c1 + 2 >= self.hi || self.is_punct(c1 + 2) || self.kind(c1 + 2) == Some(IK::Num))
        {
            c1 += 2;
            if self.kind(c1) == Some(IK::Num) {
                c1 += 1;
            }
        }
        // `The index added 20 points, or 0.2%, to …`, `Clinton maintains a lead. In contrast,
        // …`: no clause before a comma is what was added or maintained either (a capital
        // after the verb may be an inverted subject: `…, maintained Smith`).
        if !self.cap(c1) && self.object_not_reported(&info, c1) {
            return None;
        }
        // `after the deadly attack on a nightclub`, read as the verb after a modifier.
        if info.lemma == "attack" && self.w(c1) == "on" && self.armed_attack(i, c1 + 1) {
            return None;
        }
        let prefix_be = (c0..i).any(|m| has(BE, self.w(m)));
        // After a form of `be` a verb is a participle; a bare form is a noun (`the reason is
        // fear of reprisals`), read as a noun cue. After an existential `there` the old
        // reading stands: `there are fears the virus will spread` is attributed in PARC.
        if prefix_be
            && info.form == CueForm::Finite
            && !info.past_participle
            && !(c0 > self.lo && self.w(c0 - 1) == "there")
        {
            return self.noun_cue(i, info);
        }
        let passive = prefix_be && info.past_participle;
        let mut cand = Cand {
            cue: (c0, c1),
            source: None,
            borrow: None,
            content: Vec::new(),
            class: info.class,
            sent: self.si,
            head: None,
            head_is_person: false,
        };
        // `Asked whether …, she said …`, `… when asked how ties would fare`: the question is
        // reported, its asker unnamed.
        let asked_clause = c0 == self.lo
            || (c0 > self.lo
                && matches!(
                    self.w(c0 - 1),
                    "when" | "if" | "after" | "once" | "as" | "before"
                )
                && self.w(c1) != "to");
        if asked_clause && info.past_participle && info.lemma == "ask" && c0 == i {
            let rc = self.right_content(c1, &info)?;
            cand.content.push(rc);
            return Some(cand);
        }
        let participial = info.form == CueForm::Participle
            && !prefix_be
            && (c0 == self.lo
                || self.punct(c0 - 1, ',')
                || self.punct(c0 - 1, '—')
                // `called it a "ridiculous proposition," adding that …`: the comma is
                // inside the closing mark.
                || matches!(self.kind(c0 - 1), Some(IK::Quote(f)) if self.a.frags[f].last == Some(','))
                || matches!(
                    self.w(c0 - 1),
                    "and"
                        | "but"
                        | "or"
                        | "while"
                        | "before"
                        | "after"
                        | "by"
                        | "in"
                        | "when"
                        | "without"
                ));
        if participial {
            let rc = self.right_content(c1, &info)?;
            cand.content.push(rc);
            // A verb inside what another verb reported, when the participle comes after
            // that report, is not the participle's subject: in `Pompeo said that Washington
            // had concluded …, saying he trusted …` Pompeo is saying.
            let reported_before = |o: usize| {
                let cue = self.cands[o].cue.0;
                self.cands[first_here..o].iter().any(|p| {
                    p.content
                        .iter()
                        .any(|&(s, e)| s <= cue && cue < e && e <= c0)
                })
            };
            cand.borrow = (first_here..self.cands.len())
                .rev()
                .find(|&o| self.lends_source(o) && !reported_before(o));
            if cand.borrow.is_none() && c0 > self.lo {
                // `Trump attacked Clinton, saying …`: the subject of the sentence.
                if let Some(np) = self.sentence_subject(c0) {
                    cand.source = Some(np);
                }
            }
            return Some(cand);
        }
        if info.form == CueForm::Participle && !prefix_be {
            // `a statement saying that`: the noun before it is the source.
            let mut np = self.left_np(c0);
            let rc = self.right_content(c1, &info)?;
            // `Trump issued a statement saying …`, `Her campaign blasted out an email to
            // supporters stating …`: the issuer speaks through the document; the verb that
            // issues it is part of the cue.
            if let Some((v, subj)) = self.document_issuer(c0) {
                cand.cue.0 = v;
                np = Some(subj);
            }
            cand.source = np;
            cand.content.push(rc);
            return Some(cand);
        }
        // `As reported by Western Journalism, investigators found …`
        let as_passive = passive
            && c0 == self.lo + 2
            && self.w(self.lo) == "as"
            && (c0..i).all(|m| has(BE, self.w(m)))
            || (c0 == self.lo + 1 && self.w(self.lo) == "as" && info.past_participle);
        if let Some(src) = (as_passive && self.w(c1) == "by")
            .then(|| self.right_np(c1 + 1))
            .flatten()
            .filter(|src| self.punct(src.1, ','))
        {
            let s0 = src.1 + 1;
            let e = self.clause_end(s0);
            if e > s0 + 1 {
                cand.source = Some(src);
                cand.content.push((s0, e));
                return Some(cand);
            }
        }
        // `can be found here`, `was offered the job`: a thing located or given, not a
        // finding or an offer reported.
        if passive && matches!(info.lemma, "find" | "offer") {
            return None;
        }
        if passive {
            let rc = self.right_content(c1, &info);
            if self.w(c1) == "by" {
                cand.source = self.right_np(c1 + 1);
            }
            // `Other candidates … are not considered top-tier contenders`, `Mr. Manafort's
            // role was disclosed`: the subject of a passive is what is judged or reported
            // (but the addressee of `was told`, and nothing in `it was announced that`).
            let subj = if info.takes_addressee {
                None
            } else {
                self.left_np(c0).filter(|np| {
                    np.1 == np.0 + 1 && !matches!(self.w(np.0), "it" | "there") || np.1 > np.0 + 1
                })
            };
            // A passive of judging or believing with neither an agent nor a clause names no
            // one whose judgement it is: `The tie was already decided when …`, `the dollar
            // was supported by recent data`. A passive of saying still reports that
            // something was said (`Mr. Manafort's role was disclosed`, as PARC has it).
            let nobodys_attitude = cand.source.is_none() && info.class == CueClass::Attitude;
            if rc.is_none() && (subj.is_none() || nobodys_attitude) {
                return None;
            }
            if let Some(np) = subj {
                cand.content.push(np);
            }
            if let Some(rc) = rc {
                cand.content.push(rc);
            }
            return Some(cand);
        }
        // Finite cue: find the source.
        let mut inverted = false;
        // `full-throated support for`, `the plan`: a verb spelled like a noun needs a subject
        // right before it (`they support`) or an auxiliary (`will support`).
        if c0 == i
            && info.form == CueForm::Finite
            && !info.past_participle
            && has(NOUNY, self.w(i).trim_end_matches('s'))
            && i > self.lo
        {
            let p = self.w(i - 1);
            // `the campaign plans to spend`, `the ad claims that`: a complement that only
            // a verb takes.
            let verb_complement = (info.takes_infinitive
                && self.w(i + 1) == "to"
                && self.kind(i + 2) == Some(IK::Word)
                && !self.cap(i + 2)
                && !has(&DETS, self.w(i + 2)))
                || (self.w(i + 1) == "that" && self.w(i).ends_with('s'));
            // `Her chief policy aide, Jake Sullivan, calls her record …`: an inflected verb
            // after the comma that closes an aside.
            let after_aside = self.punct(i - 1, ',')
                && (self.w(i).ends_with('s') || self.w(i).ends_with("ed"))
                && i >= self.lo + 3;
            let subj = has(&SUBJ_PRONOUNS, p)
                || has(SOURCE_NOUNS, p)
                || after_aside
                // `Men under 35 support Sanders`, `40 percent support him` (but `10-year
                // notes` is a bond: a number with a unit is a modifier).
                || (self.kind(i - 1) == Some(IK::Num)
                    && !self.a.items[i - 1].lower.chars().any(char::is_alphabetic))
                || matches!(p, "percent" | "%")
                || (verb_complement && !has(&PREPS, p))
                || self.cap(i - 1)
                || (p.ends_with('s') && !p.ends_with("'s") && p.len() > 3);
            // `calls him a liar`, `and calls her "an extremely intelligent woman"`: an
            // object pronoun follows a verb, not a noun.
            let nx = self.w(i + 1);
            let object_pronoun = matches!(
                nx,
                "him" | "them" | "us" | "me" | "himself" | "herself" | "themselves"
            ) || (matches!(p, "and" | "but" | "or")
                && matches!(nx, "her" | "it"));
            if !subj && !object_pronoun {
                return None;
            }
        }
        if c0 > self.lo && self.punct(c0 - 1, ',') {
            // `Mukasey, the Republican attorney general, said` or `…, said Tokayev`.
            let comma = c0 - 1;
            let q = (self.lo..comma)
                .rev()
                .find(|&m| self.punct(m, ',') || self.is_quote(m));
            let mut found = false;
            // `…, said Brad Bannon, a Democratic pollster.`: a subject after the cue that ends
            // the clause is an inverted subject.
            // Only a verb of saying inverts, and never after an auxiliary: `…, has
            // endorsed Sen. Ted Cruz` has its object after the verb, not its subject.
            // Nor a verb whose object is the one told: `…, John Moy, chief executive of Full
            // Fact, told the BBC` has its subject before the verb.
            let tells = matches!(
                info.lemma,
                "tell" | "inform" | "assure" | "remind" | "notify" | "brief"
            );
            // A verb with its particle (`called for`, `pointed to`) takes an object after it,
            // never an inverted subject: `…, called for an immediate ceasefire`.
            let may_invert = info.class == CueClass::Speech
                && !tells
                && info.particle.is_none()
                && !(c0..i).any(|m| has(&AUX, self.w(m)));
            let inverted_np = self
                .right_np(c1)
                .filter(|_| may_invert)
                // `…, said he "appreciates …"` has its clause after the pronoun: an inverted
                // subject is closed by punctuation (`said Smith, "…"`), not by a quotation.
                .filter(|&(_, e)| e >= self.hi || self.is_punct(e))
                // `The minister, John Smith, said the company opened a new plant`: a
                // determiner after a lowercase word that is no preposition starts an object,
                // so what follows `said` is a clause, not its inverted subject.
                .filter(|&(s0, e)| {
                    !(s0 + 1..e).any(|k| {
                        (has(&DETS, self.w(k)) || matches!(self.w(k), "its" | "his" | "their"))
                            && self.kind(k - 1) == Some(IK::Word)
                            && !self.cap(k - 1)
                            && !has(&PREPS, self.w(k - 1))
                            && !has(&DETS, self.w(k - 1))
                            && !matches!(self.w(k - 1), "of" | "and" | "or" | "for")
                    })
                });
            if let Some(np) = inverted_np {
                cand.source = Some(self.extend_appositive(np));
                found = true;
                inverted = true;
            } else if let Some((q, np)) = self.subject_before_aside(comma, q) {
                {
                    let fw = self.w(q + 1);
                    let appositive = has(&DETS, fw)
                        || self.cap(q + 1)
                        || matches!(self.kind(q + 1), Some(IK::Num))
                        || crate::entities::is_title(fw)
                        || matches!(fw, "who" | "whose");
                    // A participle, not a name spelt alike (`Ahmed`, `Sterling`).
                    let participle =
                        !self.cap(q + 1) && (fw.ends_with("ing") || fw.ends_with("ed"));
                    let aside = participle
                        || fw == "which"
                        || has(&PREPS, fw)
                        || (fw.ends_with("ly") && comma == q + 2)
                        || matches!(fw, "however" | "though" | "too" | "meanwhile" | "instead");
                    // An aside that tells who they are belongs to the source (`Other
                    // candidates, including Carly Fiorina,`, `Larry David, playing Sanders on
                    // television,`); one about the saying does not (`, however,`, `, in a
                    // statement,`). The speaker is named by the noun phrase alone.
                    let describes = participle || matches!(fw, "which" | "like");
                    if (appositive || aside || describes) && comma - q <= 25 {
                        if appositive || describes {
                            // A name before the appositive names the speaker alone (`Muhammad
                            // Shahabuddin, a resident of Palpur village under Godagari
                            // Upazila`); a role before it is resolved with its appositive
                            // (`The company's chief, John Smith`).
                            // A title in capitals is a role all the same (`The Prime
                            // Minister, Keir Starmer`).
                            let role = has(&DETS, self.w(np.0))
                                || (np.1 > np.0
                                    && crate::entities::is_title(&self.w(np.1 - 1).to_lowercase()));
                            let named = !role
                                && (np.0..np.1)
                                    .all(|m| self.cap(m) || self.kind(m) != Some(IK::Word));
                            cand.source = Some((np.0, comma));
                            cand.head = (describes || named).then_some(np);
                        } else {
                            cand.source = Some(np);
                        }
                        found = true;
                    }
                }
            }
            if !found {
                // `Scot Ross, executive director of One Wisconsin Now, said the numbers …`:
                // a long aside between the subject and its verb, with a clause after the
                // verb. The subject is the noun phrase that opens the sentence, with its
                // aside.
                let opening = self.opening_subject(comma);
                match (opening, self.right_content(c1, &info)) {
                    (Some(np), Some(rc))
                        if rc.1 >= rc.0 + 3 || self.is_quote(rc.0) || !may_invert =>
                    {
                        cand.source = Some(np);
                        cand.content.push(rc);
                        return Some(cand);
                    }
                    // `"…," Sarah Warbelow, legal director for …, said in a statement.`
                    _ if self.is_quote(self.lo)
                        && (c1 >= self.hi || self.is_punct(c1))
                        && (self.cap(self.lo + 1 + usize::from(self.punct(self.lo + 1, ',')))
                            || has(
                                &DETS,
                                self.w(self.lo + 1 + usize::from(self.punct(self.lo + 1, ','))),
                            )) =>
                    {
                        let s0 = self.lo + 1 + usize::from(self.punct(self.lo + 1, ','));
                        if s0 >= comma {
                            return None;
                        }
                        cand.source = Some((s0, comma));
                        cand.content.push((self.lo, self.lo + 1));
                        return Some(cand);
                    }
                    _ if may_invert => {
                        cand.source = Some(self.right_np(c1)?);
                        inverted = true;
                    }
                    _ => return None,
                }
            }
        } else if let Some(src) = self.subject_before_dashes(c0) {
            // `A former candidate -- John McCain, who lost in 2008 -- said …`
            cand.source = Some(src);
            let rc = self.right_content(c1, &info)?;
            cand.content.push(rc);
            return Some(cand);
        } else if c0 > self.lo && self.is_quote(c0 - 1) {
            cand.source = Some(self.extend_appositive(self.right_np(c1)?));
            inverted = true;
        } else if c0 == self.lo {
            // `Said Comey, "…"`, `Stated Stone:` and a quotation: the subject follows the
            // verb. Otherwise a sentence-initial finite cue has no subject.
            if c0 != i || !info.past_participle || info.class != CueClass::Speech {
                return None;
            }
            let np = self.right_np(c1)?;
            let np = self.extend_appositive(np);
            let e = np.1;
            if self.punct(e, ',') && self.is_quote(e + 1) {
                cand.source = Some(np);
                cand.content.push((e + 1, e + 2));
                return Some(cand);
            }
            // `Said Dorothy Poynter, who grew up with Ali in the neighborhood, "…"`
            if self.appositive_at(e) {
                if let Some(m) = (e + 1..(e + 25).min(self.hi))
                    .take_while(|&m| !self.is_quote(m))
                    .find(|&m| self.punct(m, ',') && self.is_quote(m + 1))
                {
                    cand.source = Some((np.0, m));
                    cand.content.push((m + 1, m + 2));
                    return Some(cand);
                }
            }
            if self.punct(e, ':') && e + 1 >= self.hi {
                // The quotation opens the next paragraph (linked later).
                cand.source = Some(np);
                return Some(cand);
            }
            return None;
        } else {
            match self.left_np(c0).map(|np| self.before_time_phrase(np)) {
                // `the September 11, 2001 attacks`: the year of a full date modifies the noun
                // after it; a date is no subject.
                Some(np)
                    if np.1 == np.0 + 1
                        && self.kind(np.0) == Some(IK::Num)
                        && np.0 >= self.lo + 2
                        && self.punct(np.0 - 1, ',')
                        && self.kind(np.0 - 2) == Some(IK::Num) =>
                {
                    return None
                }
                // `a consulting firm called Gavekal`, `contract the disease dubbed the Black
                // Death`: a naming participle after an indefinite noun phrase, or after a noun
                // phrase that is the object of a verb, names it; nobody calls anything.
                Some(np)
                    if c0 == i
                        && info.past_participle
                        && info.particle.is_none()
                        && self.naming_relative(np, c1) =>
                {
                    return None
                }
                // `there were 3,248 cases reported worldwide`: the noun phrase after an
                // existential `there` + `be` already has its verb; a participle after it
                // modifies it.
                Some(np)
                    if c0 == i
                        && info.past_participle
                        && np.0 >= self.lo + 2
                        && has(BE, self.w(np.0 - 1))
                        && self.w(np.0 - 2) == "there" =>
                {
                    return None
                }
                Some(np) => {
                    let np = self.subject_with_pp(np, i);
                    let finite = info.form == CueForm::Finite && !self.cap(i) && !self.title;
                    match self.full_subject(np).filter(|_| finite) {
                        Some((full, head)) => {
                            cand.source = Some(full);
                            cand.head = Some(head);
                        }
                        None => cand.source = Some(np),
                    }
                }
                None => {
                    if matches!(self.w(c0 - 1), "and" | "but" | "or") {
                        cand.borrow = (first_here..self.cands.len())
                            .rev()
                            .find(|&o| self.lends_source(o));
                        if cand.borrow.is_none() {
                            cand.source = self.sentence_subject(c0);
                        }
                    } else {
                        return None;
                    }
                }
            }
        }
        if inverted {
            let src = cand.source?;
            let upto = c0;
            if let Some(lc) = self.left_content(upto) {
                cand.content.push(lc);
                if !self.is_quote(src.1 + 1) && !self.appositive_at(src.1) {
                    if let Some(rest) = self.continuation(src.1) {
                        cand.content.push(rest);
                    }
                }
            }
            // `"…," said Smith, "…"`: the quotation goes on after the cue.
            if self.punct(src.1, ',') && self.is_quote(src.1 + 1) {
                cand.content.push((src.1 + 1, src.1 + 2));
            }
            if cand.content.is_empty() {
                return None;
            }
            return Some(cand);
        }
        let src_start = cand.source.map_or(c0, |s| s.0);
        // `"…," he said of the claim`, `"…," Collins said in a statement obtained by …`: a
        // quotation right before the source is what was said; words after the cue are
        // circumstance, unless another quotation follows.
        let opens = src_start == self.lo + 1
            || (src_start == self.lo + 2 && matches!(self.w(self.lo), "but" | "and" | "so"));
        let quote_before = src_start > self.lo
            && opens
            && match self.kind(src_start - 1) {
                Some(IK::Quote(f)) => self.a.frags[f].last != Some('.'),
                _ => false,
            };
        let rc = self.right_content(c1, &info).filter(|rc| {
            !quote_before || self.is_quote(rc.0) || (self.w(rc.0) == "that" && rc.1 >= rc.0 + 4)
        });
        if let Some(rc) = rc {
            cand.content.push(rc);
            // `asked about X`, `spoke of X`: the preposition goes with the verb.
            if rc.0 == c1 + 1 && matches!(self.w(c1), "about" | "of" | "on" | "over") {
                cand.cue.1 = rc.0;
            }
            // `"…," Tokayev said, "…"`: a quotation before the source goes with it.
            if src_start > self.lo && self.is_quote(src_start - 1) && self.is_quote(rc.0) {
                cand.content.insert(0, (src_start - 1, src_start));
            }
            return Some(cand);
        }
        // `a bill, which critics said was discriminatory`, `what many analysts said was a
        // sign of …`: the relative pronoun and the predicate after the cue are what was said.
        let finite_next = {
            let w = self.w(c1);
            has(&AUX, w)
                || ((w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
                    && !(has(&DETS, w)
                        || has(&SUBJ_PRONOUNS, w)
                        || has(&PREPS, w)
                        || has(&CLAUSE_WORDS, w)))
        };
        // `that` after a cue is its complementizer (`Stating that the president asked`),
        // after a noun a relative pronoun (`information that officials said would …`).
        let relative = match self.w(src_start.saturating_sub(1)) {
            "which" | "what" | "who" => true,
            "that" => {
                src_start >= self.lo + 2
                    && self.kind(src_start - 2) == Some(IK::Word)
                    && self.cue_at(src_start - 2).is_none()
                    && !has(&AUX, self.w(src_start - 2))
            }
            _ => false,
        };
        if src_start > self.lo
            && cand.source.is_some()
            && relative
            && self.kind(c1) == Some(IK::Word)
            && !self.cap(c1)
            && finite_next
        {
            let e = self.clause_end(c1);
            if e > c1 + 1 {
                cand.content.push((src_start - 1, src_start));
                cand.content.push((c1, e));
                return Some(cand);
            }
        }
        // `In a speech last July, he said:` ending its paragraph: what was said follows in
        // the next one (linked later), not before the comma.
        if self.punct(c1, ':') && c1 + 1 >= self.hi {
            return Some(cand);
        }
        if src_start > self.lo
            && (self.punct(src_start - 1, ',')
                || self.is_quote(src_start - 1)
                || self.punct(src_start - 1, '—'))
        {
            let upto = if self.is_quote(src_start - 1) {
                src_start
            } else {
                src_start - 1
            };
            if let Some(lc) = self.left_content(upto) {
                cand.content.push(lc);
                if let Some(rest) = self.continuation(c1) {
                    cand.content.push(rest);
                }
                return Some(cand);
            }
            // `Still, he said, officials have to decide …`: before the source there is only a
            // connective, so what was said is all after the cue.
            let only_connective = (self.lo..upto).all(|k| {
                self.is_punct(k)
                    || matches!(
                        self.w(k),
                        "but"
                            | "and"
                            | "so"
                            | "yet"
                            | "still"
                            | "however"
                            | "meanwhile"
                            | "instead"
                            | "indeed"
                            | "nevertheless"
                            | "nonetheless"
                    )
            });
            if only_connective {
                if let Some(rest) = self.continuation(c1) {
                    cand.content.push(rest);
                    return Some(cand);
                }
            }
            return None;
        }
        // `As Joel Pollak observed, the biggest victor …`
        if src_start > self.lo && self.w(src_start - 1) == "as" && self.punct(c1, ',') {
            let s = c1 + 1;
            let e = self.clause_end(s);
            if e > s {
                cand.content.push((s, e));
                return Some(cand);
            }
        }
        // `…, as some have speculated.`: the clause before the comma.
        if src_start > self.lo + 1
            && self.w(src_start - 1) == "as"
            && self.punct(src_start - 2, ',')
            && (c1 >= self.hi || self.is_punct(c1))
        {
            if let Some(lc) = self.left_content(src_start - 2) {
                cand.content.push(lc);
                return Some(cand);
            }
        }
        // `"…." Tokayev said.` with the quotation in the sentence before: linked later.
        if c1 >= self.hi || self.is_punct(c1) {
            return Some(cand);
        }
        None
    }

    /// For a cue right after a closing dash, the subject before the aside that the dashes
    /// enclose, taken with the aside: `Three-in-five GOP insiders — and two-thirds of
    /// Republicans — said`.
    fn subject_before_dashes(&self, c0: usize) -> Option<(usize, usize)> {
        let dash = |m: usize| matches!(self.kind(m), Some(IK::Punct('—' | '–' | '-')));
        if c0 <= self.lo + 2 || !dash(c0 - 1) {
            return None;
        }
        let mut close = c0 - 1;
        while close > self.lo && dash(close - 1) {
            close -= 1;
        }
        let open = (self.lo.max(close.saturating_sub(30))..close)
            .rev()
            .find(|&m| dash(m))?;
        let mut open_start = open;
        while open_start > self.lo && dash(open_start - 1) {
            open_start -= 1;
        }
        let np = self.left_np(open_start)?;
        if (open_start..close).any(|m| self.is_quote(m)) {
            return None;
        }
        Some((np.0, c0 - 1))
    }

    /// The noun phrase that opens the sentence and is followed by a comma, taken with the
    /// aside up to `comma` (the comma before the cue): `Eddie Griffin, who at the time was
    /// …,`. None when the sentence opens with a clause of its own (a verb or a cue before
    /// the first comma) or with a connective or preposition.
    fn opening_subject(&self, comma: usize) -> Option<(usize, usize)> {
        let first = (self.lo..comma).find(|&m| self.punct(m, ','))?;
        let np = self.left_np(first)?;
        if np.0 != self.lo || !(self.cap(self.lo) || has(&DETS, self.w(self.lo))) {
            return None;
        }
        if has(&PREPS, self.w(self.lo)) || has(&CLAUSE_WORDS, self.w(self.lo)) {
            return None;
        }
        if self.first_quote < comma {
            return None;
        }
        Some((self.lo, comma))
    }

    /// For a cue right after a comma, the subject before the aside that the comma closes:
    /// `Trump, in Wilmington, N.C., warned` → `Trump`. Of the commas before, the first whose
    /// noun phrase starts the clause wins, so a comma inside the aside is not taken for its
    /// start.
    fn subject_before_aside(
        &self,
        comma: usize,
        nearest: Option<usize>,
    ) -> Option<(usize, (usize, usize))> {
        let nearest = nearest.filter(|&q| self.punct(q, ','))?;
        let mut q = nearest;
        let mut fallback = None;
        for _ in 0..3 {
            // An age (`Maria Santos, 41, a teacher, said`) is an aside of the name before it,
            // never the subject.
            let age = |np: (usize, usize)| {
                np.1 == np.0 + 1 && self.kind(np.0) == Some(IK::Num) && np.0 > self.lo
            };
            if let Some(np) = self.left_np(q).filter(|&np| !age(np)) {
                let clean = np.0 == self.lo
                    || matches!(self.kind(np.0 - 1), Some(IK::Punct(_)) | Some(IK::Quote(_)));
                if clean {
                    return Some((q, np));
                }
                fallback.get_or_insert((q, np));
            }
            match (self.lo..q)
                .rev()
                .find(|&m| self.punct(m, ',') || self.is_quote(m))
            {
                Some(p) if self.punct(p, ',') && comma - p <= 25 => q = p,
                _ => break,
            }
        }
        fallback
    }

    /// The rest of a sentence interrupted by its attribution: `He is leaning toward Kasich,
    /// he said, because …` — `j` is just after the cue (or the inverted subject).
    fn continuation(&self, j: usize) -> Option<(usize, usize)> {
        if !self.punct(j, ',') || j + 1 >= self.hi {
            return None;
        }
        let k = j + 1;
        if self.kind(k) != Some(IK::Word)
            || matches!(
                self.w(k),
                "as" | "while" | "according" | "who" | "which" | "whose" | "and"
            )
            // `…, he said, in an interview on Sunday` is about the saying; `The argument
            // would be aided, Devine said, by the upcoming primary calendar` goes on.
            || (has(&PREPS, self.w(k))
                && matches!(
                    self.w(k),
                    "in" | "at" | "on" | "during" | "after" | "before" | "following" | "via"
                ))
            || self.free_participle(k)
            || self
                .cue_at(k)
                .is_some_and(|c| c.form == CueForm::Participle)
        {
            return None;
        }
        let e = self.clause_end(k);
        (e > k + 1).then_some((k, e))
    }

    /// A subject noun phrase found leftwards from its verb stops at a preposition; when the
    /// phrase before that preposition opens the clause, it is the head of the subject and
    /// the prepositional phrase modifies it: `People briefed on the situation said`, `The
    /// new poll of voters in all 50 states showed`, `The senator from Vermont said`. A
    /// medium or a time there is the verb's circumstance (`The senator in a statement said`,
    /// `The senator on Tuesday said`): the subject is the phrase before it alone.
    /// A cue word spelled like a noun (`attacks`, `shows`) takes the longer subject only when
    /// it is a finding's (`The new poll of voters in all 50 states shows`): `the Benghazi
    /// attacks`, `Sunday news shows` and `with 36 percent support` are nouns.
    fn subject_with_pp(&self, np: (usize, usize), cue: usize) -> (usize, usize) {
        let (mut j, e) = np;
        let cw = self.w(cue);
        let nouny = has(NOUNY, cw.trim_end_matches('s')) || cw.starts_with("attack");
        for _ in 0..2 {
            if j < self.lo + 2 {
                break;
            }
            let p = self.w(j - 1);
            if !matches!(
                p,
                "in" | "on"
                    | "from"
                    | "with"
                    | "over"
                    | "among"
                    | "across"
                    | "inside"
                    | "near"
                    | "within"
                    | "about"
                    | "to"
                    | "at"
                    | "for"
            ) {
                break;
            }
            let Some(np2) = self.left_np(j - 1) else {
                break;
            };
            let opens = np2.0 == self.lo
                || self.punct(np2.0 - 1, ',')
                || matches!(
                    self.w(np2.0 - 1),
                    "that"
                        | "and"
                        | "but"
                        | "because"
                        | "while"
                        | "as"
                        | "when"
                        | "if"
                        | "though"
                        | "although"
                        | "so"
                );
            // `China's ambassador to Britain (Liu Xiaming)`: a title's object is left to the
            // speaker resolution, which knows titles.
            if p == "to" && crate::entities::TITLES.contains(self.w(np2.1 - 1)) {
                break;
            }
            let w0 = self.w(np2.0);
            let starts = self.cap(np2.0)
                || has(&DETS, w0)
                || has(STANDALONE_DETS, w0)
                || self.kind(np2.0) == Some(IK::Num);
            if !opens || !starts {
                break;
            }
            if nouny
                && !(np2.0..np2.1).any(|m| {
                    let w = self.w(m);
                    has(SOURCE_NOUNS, w.trim_end_matches('s')) || w == "polling"
                })
            {
                break;
            }
            let head = self.w(e - 1);
            if e == np.1
                && j == np.0
                && (has(MEDIUM_NOUNS, head)
                    || has(TIME_WORDS, head)
                    || is_day(head)
                    || is_month(head))
            {
                return np2;
            }
            j = np2.0;
        }
        (j, e)
    }

    /// `A poll conducted last week found`, `some voters who have listened to his speeches
    /// said`, `many officials on and off the island believe`: the subject of a verb is the
    /// whole noun phrase from the start of its clause, with what follows its head, not the
    /// last noun phrase before the verb. Returns that phrase and its head (`A poll`), or
    /// `None` where the words before `np` do not read as one (a comma, a verb outside a
    /// relative clause, a clause that opens with a preposition or a pronoun).
    fn full_subject(&self, np: (usize, usize)) -> Option<((usize, usize), (usize, usize))> {
        let mut s = self.lo;
        while matches!(
            self.w(s),
            "yet" | "but" | "and" | "still" | "however" | "meanwhile" | "so"
        ) {
            s += 1;
        }
        if let Some(f) = self.fronted.filter(|&f| f >= s && f < np.0) {
            s = f + 1;
        }
        // `Even Republicans who have praised him warned`: a focusing adverb is not part of
        // the noun phrase.
        let focused = matches!(self.w(s), "even" | "only" | "also");
        if focused {
            s += 1;
        }
        if s >= np.0 || np.1 - s > 24 {
            return None;
        }
        let first = self.w(s);
        let opens = self.kind(s) == Some(IK::Num)
            || has(&DETS, first)
            || has(STANDALONE_DETS, first)
            || (self.cap(s) && !has(&PREPS, first) && !has(&CLAUSE_WORDS, first))
            || (focused && first.ends_with('s'))
            // `more than two-thirds of those …`, `about a third of Democratic voters`
            || matches!(first, "more" | "about" | "nearly" | "almost" | "roughly" | "fewer");
        // Not a pronoun (`It's clear that …`) nor a participle (`Listing several …`).
        let pronoun = |w: &str| {
            let bare = w.split('\'').next().unwrap_or(w);
            has(&SUBJ_PRONOUNS, bare) && !has(STANDALONE_DETS, bare)
                || matches!(bare, "him" | "them" | "us" | "me")
        };
        if !opens || pronoun(first) || first.ends_with("ing") {
            return None;
        }
        // The head noun phrase, then what modifies it: a relative clause, a preposition, or
        // a participle with its complement (`conducted last week`, `familiar with`). Outside
        // a relative clause no verb may stand: `The Post reported that Klein said`, `Rubio
        // pushed back on those arguing` are two clauses, not one subject.
        let mut modifier = None;
        let mut relative = false;
        for k in s..np.0 {
            let w = self.w(k);
            match self.kind(k) {
                Some(IK::Word | IK::Num) => {}
                Some(IK::Punct('/' | '-')) => continue,
                _ => return None,
            }
            let adverb = (ly_adverb(w) && !self.cap(k) && !has(&DETS, w))
                || matches!(
                    w,
                    "also" | "now" | "then" | "already" | "still" | "even" | "just"
                );
            if relative {
                // A second clause word: `who watched that and listened to it knows that`.
                if adverb && k + 1 < np.0 && self.w(k + 1) == "that"
                    || matches!(
                        w,
                        "that" | "but" | "because" | "while" | "when" | "if" | "although"
                    )
                {
                    return None;
                }
                continue;
            }
            let head_ok = |m: usize| {
                // The head is a common noun (`officials who`, `A poll conducted`), or a
                // plural that opens the sentence (`Proponents of`): a name is not restricted
                // this way without commas.
                m > s
                    && (!self.cap(m - 1)
                        || m - 1 == s
                            && self.w(m - 1).ends_with('s')
                            && !self.w(m - 1).ends_with("'s"))
            };
            if matches!(w, "who" | "which" | "that") && k > s && modifier.is_none() {
                if !head_ok(k) {
                    return None;
                }
                modifier = Some(k);
                relative = true;
                continue;
            }
            // `after`, `before`: a clause follows (`Three years after Republicans vowed`);
            // `to`: an infinitive (`appears to contradict`).
            let comparison =
                w == "than" && k > s && matches!(self.w(k - 1), "more" | "fewer" | "less");
            // `lawsuits being considered in San Diego`: a passive participle after its head.
            let being = w == "being" && k > s && self.w(k + 1).ends_with("ed");
            if being {
                continue;
            }
            if has(&AUX, w)
                || adverb
                || has(&CLAUSE_WORDS, w) && w != "and" && !comparison
                || k > s && pronoun(w)
                || matches!(w, "after" | "before" | "since" | "until" | "to")
            {
                return None;
            }
            let next = self.w(k + 1);
            let complement = has(&PREPS, next) && next != "to"
                || matches!(
                    next,
                    "last" | "this" | "earlier" | "recently" | "by" | "over"
                )
                || is_day(next);
            let participle = !self.cap(k)
                && k > s
                && (w == "familiar" || w.ends_with("ed") && complement)
                && (!has(&DETS, self.w(k - 1)) || self.w(k - 1) == "being");
            if modifier.is_none() && k > s && (has(&PREPS, w) || w == "of" || participle) {
                if !head_ok(k) {
                    return None;
                }
                modifier = Some(k);
                continue;
            }
            // A verb: a cue word, or a past tense that is no participle of the head.
            if !self.cap(k) && (self.cue_at(k).is_some() || w.ends_with("ed") && !participle) {
                return None;
            }
        }
        modifier.map(|m| ((s, np.1), (s, m)))
    }

    /// `Clinton won the support of black voters`, `the bill has the backing of many
    /// Democrats`, `she drew support from a large majority`: support that somebody receives
    /// is the attitude of those it comes from (the source, after the preposition) towards
    /// the subject (what is supported). `i` is the verb of receiving.
    fn support_received(&self, i: usize) -> Option<Cand> {
        let v = self.w(i);
        let receive = matches!(
            v,
            "received"
                | "receives"
                | "receiving"
                | "receive"
                | "won"
                | "wins"
                | "winning"
                | "win"
                | "drew"
                | "draws"
                | "drawing"
                | "draw"
                | "earned"
                | "earns"
                | "earning"
                | "earn"
                | "gained"
                | "gains"
                | "gaining"
                | "gain"
                | "got"
                | "gets"
                | "getting"
                | "has"
                | "have"
                | "had"
                | "enjoys"
                | "enjoyed"
                | "enjoy"
                | "secured"
                | "secures"
                | "secure"
                | "consolidated"
                | "attracted"
                | "attracts"
        );
        if !receive || self.cap(i) {
            return None;
        }
        let mut n = i + 1;
        while n < self.hi
            && n < i + 4
            && self.kind(n) == Some(IK::Word)
            && !self.cap(n)
            && !matches!(
                self.w(n),
                "support" | "backing" | "endorsement" | "blessing"
            )
            && !has(&PREPS, self.w(n))
            && !has(&CLAUSE_WORDS, self.w(n))
            && !has(&AUX, self.w(n))
        {
            n += 1;
        }
        if !matches!(
            self.w(n),
            "support" | "backing" | "endorsement" | "blessing"
        ) {
            return None;
        }
        let p = n + 1;
        if !matches!(self.w(p), "of" | "from" | "among") {
            return None;
        }
        let mut source = self.right_np(p + 1)?;
        // `from 52 percent of voters, while …`: the source ends at its comma.
        if let Some(c) = (source.0..source.1).find(|&m| self.punct(m, ',')) {
            source.1 = c;
        }
        if source.1 <= source.0 {
            return None;
        }
        // The subject, before any auxiliaries (`he has consolidated support from`).
        let mut v0 = i;
        while v0 > self.lo && (has(&AUX, self.w(v0 - 1)) || has(CUE_ADVERBS, self.w(v0 - 1))) {
            v0 -= 1;
        }
        if v0 == self.lo || self.kind(v0 - 1) != Some(IK::Word) {
            return None;
        }
        let subject = self.left_np(v0)?;
        if matches!(self.w(subject.0), "who" | "which" | "that") {
            return None;
        }
        Some(Cand {
            cue: (i, p + 1),
            source: Some(source),
            borrow: None,
            content: vec![subject],
            class: CueClass::Attitude,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    /// Whether a later cue of the sentence may borrow the source of cand `o`: not when that
    /// source is only the possessive of a noun cue (`Trump doubled down on his comments and
    /// said …`: `his` belongs to `comments`; the subject of `said` is `Trump`).
    fn lends_source(&self, o: usize) -> bool {
        let c = &self.cands[o];
        match c.source {
            Some((s, e)) => {
                !(e == s + 1 && matches!(self.w(s), "his" | "her" | "their" | "its" | "our" | "my"))
            }
            None => c.borrow.is_some(),
        }
    }

    /// Nouns of a document or message that speaks for whoever issues it.
    fn document_noun(w: &str) -> bool {
        matches!(
            w.trim_end_matches('s'),
            "statement"
                | "letter"
                | "tweet"
                | "message"
                | "memo"
                | "note"
                | "video"
                | "release"
                | "email"
                | "e-mail"
                | "ad"
                | "advertisement"
                | "response"
                | "op-ed"
                | "editorial"
                | "report"
                | "post"
        )
    }

    /// For a participle cue at `c0` after a document (`issued a statement Tuesday saying`,
    /// `fired back a response saying`, `blasted out an email to supporters stating`): the
    /// verb that issues the document and the subject before it.
    fn document_issuer(&self, c0: usize) -> Option<(usize, (usize, usize))> {
        let floor = self.lo.max(c0.saturating_sub(10));
        // The document noun, with at most a time or a short phrase between it and the cue.
        let h = (floor..c0)
            .rev()
            .find(|&m| Self::document_noun(self.w(m)))?;
        if (h..c0).any(|m| !matches!(self.kind(m), Some(IK::Word | IK::Num))) {
            return None;
        }
        let d = (h.saturating_sub(4).max(self.lo)..h)
            .rev()
            .find(|&m| matches!(self.w(m), "a" | "an"))?;
        if (d + 1..h).any(|m| self.kind(m) != Some(IK::Word) || self.cap(m)) {
            return None;
        }
        self.issuing_verb(d)
    }

    /// The verb before the determiner at `d` of a document it issues (`released a`, `sent
    /// out a`, `fired back a`), with its subject.
    fn issuing_verb(&self, d: usize) -> Option<(usize, (usize, usize))> {
        let mut v = d.checked_sub(1).filter(|&v| v >= self.lo)?;
        if matches!(self.w(v), "back" | "out" | "up" | "off") && v > self.lo {
            v -= 1;
        }
        let verb = self.w(v);
        if self.kind(v) != Some(IK::Word)
            || self.cap(v)
            || has(&DETS, verb)
            || has(&PREPS, verb)
            || has(&CLAUSE_WORDS, verb)
            || has(&AUX, verb)
            || !(verb.ends_with("ed")
                || matches!(
                    verb,
                    "sent"
                        | "put"
                        | "shot"
                        | "wrote"
                        | "fired"
                        | "blasted"
                        | "issues"
                        | "sends"
                        | "releases"
                        | "posts"
                        | "publishes"
                ))
        {
            return None;
        }
        let subj = self.left_np(v)?;
        Some((v, subj))
    }

    /// A lowercase word of a role written before a name: `front-runner`, `presidential`,
    /// `nominee`, a title (`Republican presidential nominee Donald Trump`).
    fn role_word(&self, k: usize) -> bool {
        let w = self.w(k);
        self.kind(k) == Some(IK::Word)
            && !self.cap(k)
            && (crate::entities::TITLES.contains(w)
                || matches!(
                    w,
                    "front-runner"
                        | "frontrunner"
                        | "presidential"
                        | "vice-presidential"
                        | "nominee"
                        | "candidate"
                        | "hopeful"
                        | "contender"
                        | "presumptive"
                        | "former"
                        | "chief"
                        | "adviser"
                        | "advisor"
                        | "aide"
                        | "strategist"
                        | "campaign"
                        | "manager"
                        | "party"
                        | "vice"
                ))
    }

    /// A time or manner adverbial that opens the sentence and ends at a comma before the main
    /// clause: `Shortly after the merger announcement,`, `Later that day,`, `Instead of
    /// calling himself conservative,`. Returns the comma.
    fn fronted_adverbial(&self, k: usize) -> Option<usize> {
        let w = self.w(k);
        let opener = (w.ends_with("ly") && has(&PREPS, self.w(k + 1)))
            || matches!(w, "later" | "earlier" | "instead" | "then" | "soon");
        if !opener {
            return None;
        }
        let comma = (k..self.hi.min(k + 12)).find(|&m| self.punct(m, ','))?;
        if (k..comma).any(|m| self.kind(m) != Some(IK::Word) && self.kind(m) != Some(IK::Num)) {
            return None;
        }
        self.main_clause_at(comma + 1).then_some(comma)
    }

    /// The subject of the sentence's main clause, for a cue at `at` that has none of its own.
    fn sentence_subject(&self, at: usize) -> Option<(usize, usize)> {
        let mut k = self.lo;
        // A connective is not the subject: `Yet, saying …`.
        while matches!(
            self.w(k),
            "yet" | "but" | "and" | "still" | "however" | "meanwhile" | "so"
        ) {
            k += 1;
            if self.punct(k, ',') {
                k += 1;
            }
        }
        // Skip a leading participial or prepositional phrase up to its comma.
        if self.w(k).ends_with("ing") || has(&PREPS, self.w(k)) {
            while k < self.hi && !self.punct(k, ',') {
                k += 1;
            }
            k += 1;
        } else if let Some(f) = self.fronted.filter(|&f| f >= k) {
            // `As they met in Ottawa, Trump was …, promising …`: the subject of the main
            // clause comes after the fronted subordinate clause; a cue inside that clause
            // has the clause's own subject (`When Trump …, talking about …,`).
            let sub = k + if matches!(self.w(k), "even" | "now") {
                2
            } else {
                1
            };
            // (`While saying that …, he continued`: a participle there has the main
            // clause's subject.)
            if at < f && !self.w(sub).ends_with("ing") {
                k = sub;
            } else {
                k = f + 1;
            }
        } else if let Some(f) = self.fronted_adverbial(k) {
            // `Shortly after the merger announcement, the families … had mobilized`.
            k = f + 1;
        } else if matches!(
            self.w(k),
            "when" | "while" | "as" | "after" | "before" | "if"
        ) && at > k + 1
        {
            // No main clause after a comma: a participle in the subordinate clause has its
            // subject (`When the governor spoke …, praising …`).
            k += 1;
        }
        let s = k;
        let mut e = s;
        // A name subject is its capitalised run: `Tokayev spoke for an hour`, with the
        // lowercase role words inside it (`Democratic front-runner Hillary Clinton`).
        if self.cap(s) && !has(&DETS, self.w(s)) {
            loop {
                if e < self.hi && (self.cap(e) || (self.w(e) == "of" && self.cap(e + 1))) {
                    e += 1;
                    continue;
                }
                let mut r = e;
                while r < self.hi && r < e + 3 && self.role_word(r) {
                    r += 1;
                }
                if r > e && self.cap(r) {
                    e = r;
                    continue;
                }
                break;
            }
            // `Hong Kong police have laid siege … and threatened …`: the organisation's head
            // noun after the name is part of the subject.
            if !self.cap(e) && crate::entities::ORG_HEADS.contains(&self.w(e)) {
                e += 1;
            }
            return Some((s, e));
        }
        if has(&SUBJ_PRONOUNS, self.w(s))
            && !matches!(self.w(s), "that" | "this" | "these" | "those")
        {
            return Some((s, s + 1));
        }
        while e < self.hi && self.kind(e) == Some(IK::Word) && e < s + 8 {
            let w = self.w(e);
            if e > s
                && (has(&AUX, w)
                    || has(&CLAUSE_WORDS, w)
                    || has(&PREPS, w) && w != "of"
                    || (!self.cap(e) && self.cue_at(e).is_some())
                    || (!self.cap(e) && w.ends_with("ed") && !has(&DETS, self.w(e - 1))))
            {
                break;
            }
            e += 1;
        }
        (e > s).then_some((s, e))
    }

    /// `his claim that …`, `a statement that …`: the noun cue and its clause.
    fn noun_cue(&self, i: usize, info: CueInfo) -> Option<Cand> {
        // `President Clinton released the following statement:` closing its paragraph: the
        // statement is the next paragraph's quotation (linked later), the issuer its source.
        if Self::document_noun(self.w(i)) && self.punct(i + 1, ':') && i + 2 >= self.hi {
            if let Some(cand) = self.document_before_colon(i) {
                return Some(cand);
            }
        }
        let mut cand = self.bare_noun_cue(i, info)?;
        // The cue is the noun phrase, with its article and adjectives: `an impassioned
        // defense of`, `no overt mention of`. Not a possessive: `Trump's claim` has its
        // source there.
        let mut k = cand.cue.0;
        let mut between = 0;
        while k > self.lo && between < 4 && self.kind(k - 1) == Some(IK::Word) {
            let w = self.w(k - 1);
            if matches!(
                w,
                "a" | "an"
                    | "the"
                    | "no"
                    | "any"
                    | "some"
                    | "such"
                    | "another"
                    | "every"
                    | "each"
                    | "several"
            ) {
                let taken = |r: (usize, usize)| r.0 < cand.cue.0 && r.1 > k - 1;
                if !cand.source.is_some_and(taken) && !cand.content.iter().any(|&r| taken(r)) {
                    cand.cue.0 = k - 1;
                }
                break;
            }
            if self.cap(k - 1)
                || has(&DETS, w)
                || has(&PREPS, w)
                || has(&AUX, w)
                || has(&CLAUSE_WORDS, w)
                || w.ends_with("'s")
                || self.cue_at(k - 1).is_some()
            {
                break;
            }
            k -= 1;
            between += 1;
        }
        Some(cand)
    }

    /// The verb that issues the document noun at `i` (`released the following statement`,
    /// `issued a statement`, `put out a short statement`), with its subject: a cue with no
    /// content yet.
    /// `The minister was quoted as saying the plan would be scrapped`: the subject of the
    /// passive is the speaker, the whole verb group the cue, and what follows `saying` what
    /// was said.
    fn quoted_as_saying(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "quoted"
            || self.w(i + 1) != "as"
            || !matches!(
                self.w(i + 2),
                "saying" | "stating" | "telling" | "describing"
            )
            || i < self.lo + 2
        {
            return None;
        }
        let mut aux = i;
        while aux > self.lo
            && matches!(
                self.w(aux - 1),
                "was" | "is" | "were" | "been" | "has" | "had" | "have" | "being"
            )
        {
            aux -= 1;
        }
        if aux == i {
            return None;
        }
        let source = self.left_np(aux)?;
        let mut cue_end = i + 3;
        // `quoted as saying by the agency that …`: who quoted belongs to the cue.
        if matches!(self.w(cue_end), "by" | "in") {
            if let Some(t) = (cue_end + 1..self.hi.min(cue_end + 9)).find(|&m| self.w(m) == "that")
            {
                cue_end = t;
            }
        }
        let mut k = cue_end;
        if self.w(k) == "that" {
            k += 1;
        }
        let end = self.clause_end(k);
        (end > k).then(|| Cand::speech((aux, cue_end), source, (k, end), self.si))
    }

    /// `The statement read: "…"`, `A sign outside the clinic reads "…"`: a written text
    /// quoted with `read`. The subject names the text (a document noun or a sign); what it
    /// says is the quotation after the verb, with or without a colon.
    fn document_reads(&self, i: usize) -> Option<Cand> {
        if !matches!(self.w(i), "read" | "reads") || i <= self.lo || self.cap(i) {
            return None;
        }
        let mut q = i + 1;
        if matches!(self.kind(q), Some(IK::Punct(':' | ','))) {
            q += 1;
        }
        if !self.is_quote(q) {
            return None;
        }
        let text_noun = |w: &str| {
            Self::document_noun(w)
                || matches!(
                    w.trim_end_matches('s'),
                    "sign"
                        | "banner"
                        | "caption"
                        | "headline"
                        | "placard"
                        | "poster"
                        | "notice"
                        | "inscription"
                        | "text"
                        | "label"
                        | "slogan"
                        | "card"
                )
        };
        // The subject from the sentence start (`A sign outside the clinic`), short and with
        // no verb of its own.
        let (s0, s1) = (self.lo, i);
        if s1 - s0 > 8
            || (s0..s1).any(|m| {
                !matches!(
                    self.kind(m),
                    Some(IK::Word | IK::Num | IK::Punct('\'' | '-'))
                ) || has(&AUX, self.w(m))
                    || (self.cue_at(m).is_some() && !text_noun(self.w(m)))
            })
            || !(s0..s1).any(|m| text_noun(self.w(m)))
        {
            return None;
        }
        Some(Cand::speech((i, i + 1), (s0, s1), (q, q + 1), self.si))
    }

    fn document_before_colon(&self, i: usize) -> Option<Cand> {
        let det = |m: usize| {
            matches!(
                self.w(m),
                "a" | "an" | "the" | "this" | "his" | "her" | "its" | "their"
            )
        };
        // The document's determiner, over a few adjectives (`the following`).
        let mut d = i.checked_sub(1)?;
        let mut between = 0;
        while d > self.lo
            && between < 3
            && self.kind(d) == Some(IK::Word)
            && !self.cap(d)
            && !det(d)
        {
            d -= 1;
            between += 1;
        }
        if !det(d) {
            return None;
        }
        let (v, source) = self.issuing_verb(d)?;
        Some(Cand {
            cue: (v, i + 1),
            source: Some(source),
            borrow: None,
            content: Vec::new(),
            class: CueClass::Speech,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    fn bare_noun_cue(&self, i: usize, info: CueInfo) -> Option<Cand> {
        // `criticism from rivals that …`, `support from members of Congress for …`: the
        // source after `from`, then what was said or judged.
        if self.w(i + 1) == "from" {
            let mut k = i + 2;
            while k < self.hi
                && k < i + 10
                && matches!(self.kind(k), Some(IK::Word | IK::Num))
                && !matches!(self.w(k), "that" | "for" | "over" | "about" | "on" | "and")
                && (self.w(k) != "of" || self.cap(k + 1))
                && (k == i + 2 || self.cue_at(k).is_none() || self.cap(k))
            {
                k += 1;
            }
            if k == i + 2 {
                return None;
            }
            let src = (i + 2, k);
            let content = match self.w(k) {
                "that" => {
                    let end = self.clause_end(k);
                    (end > k + 2).then_some((k, end))
                }
                "for" | "over" | "about" | "of" | "on" => {
                    let end = self.object_end(k + 1);
                    (end > k + 1).then_some((k + 1, end))
                }
                _ => None,
            }?;
            return Some(Cand {
                cue: (i, i + 1),
                source: Some(src),
                borrow: None,
                content: vec![content],
                class: info.class,
                sent: self.si,
                head: None,
                head_is_person: false,
            });
        }
        let prep = info
            .particle
            .filter(|p| matches!(*p, "of" | "on" | "for" | "to" | "about"));
        let (cue_end, content) = if self.w(i + 1) == "that" {
            let k = i + 1;
            let end = self.clause_end(k);
            if end <= k + 2 {
                return None;
            }
            (i + 1, (k, end))
        } else if let Some(p) = prep.filter(|p| self.w(i + 1) == *p) {
            // `his decision to run`: the infinitive; `criticism of the plan`: the object.
            let k = i + 2;
            let verb = self.kind(k) == Some(IK::Word)
                && !self.cap(k)
                && !has(&DETS, self.w(k))
                && !has(OBJ_PRONOUNS, self.w(k))
                && !has(&SUBJ_PRONOUNS, self.w(k));
            if info.form == CueForm::Noun && info.takes_infinitive && p == "to" && verb {
                let end = self.clause_end(i + 1);
                if end <= k {
                    return None;
                }
                (i + 1, (i + 1, end))
            } else if info.form == CueForm::Noun && !info.takes_infinitive {
                let end = self.object_end(k);
                if end <= k {
                    return None;
                }
                (i + 2, (k, end))
            } else {
                return None;
            }
        } else {
            return None;
        };
        let k = content.0;
        let end = content.1;
        if matches!(info.lemma, "attack" | "attacks" | "assault") && self.armed_attack(i, k) {
            return None;
        }
        // The possessor is the source: `Tokayev's claim`, `his statement`.
        let mut source = None;
        let mut m = i;
        while m > self.lo && self.kind(m - 1) == Some(IK::Word) && m > i.saturating_sub(3) {
            let w = self.w(m - 1);
            if w.ends_with("'s") || matches!(w, "his" | "her" | "their" | "its") {
                let s = self.left_np(m).map_or(m - 1, |np| np.0.min(m - 1));
                source = Some((s, m));
                break;
            }
            m -= 1;
        }
        // `Mr. Trump renewed his call to …`, `Cruz is doubling down on his support for …`:
        // a possessive pronoun after the verb that governs the noun is the subject's; the
        // subject speaks and the verb is part of the cue.
        let mut c0 = i;
        if let Some((s, e)) = source {
            let poss = e - 1;
            // (`her` may be an object: `led her to declare`.)
            if matches!(self.w(poss), "his" | "their" | "its") && poss > self.lo {
                let mut v = poss - 1;
                if self.w(v) == "on" && v > self.lo + 1 && matches!(self.w(v - 1), "down" | "up") {
                    v -= 2;
                } else if matches!(self.w(v), "up" | "down") && v > self.lo {
                    v -= 1;
                }
                let verb = self.w(v);
                let is_verb = self.kind(v) == Some(IK::Word)
                    && !self.cap(v)
                    && !has(&DETS, verb)
                    && !has(&PREPS, verb)
                    && !has(&AUX, verb)
                    && !has(&CLAUSE_WORDS, verb)
                    && (verb.ends_with("ed")
                        || verb.ends_with("ing")
                        || (verb.ends_with('s') && !verb.ends_with("ss"))
                        || matches!(
                            verb,
                            "renew"
                                | "repeat"
                                | "reiterate"
                                | "voice"
                                | "express"
                                | "make"
                                | "defend"
                                | "step"
                                | "ramp"
                        ));
                if is_verb {
                    let mut b = v;
                    while b > self.lo
                        && (has(&AUX, self.w(b - 1)) || has(CUE_ADVERBS, self.w(b - 1)))
                    {
                        b -= 1;
                    }
                    if let Some(np) = self.left_np(b).filter(|np| {
                        self.cap(np.0)
                            || has(&DETS, self.w(np.0))
                            || has(&SUBJ_PRONOUNS, self.w(np.0))
                    }) {
                        let _ = s;
                        source = Some(self.subject_with_pp(np, v));
                        c0 = v;
                    }
                }
            }
        }
        Some(Cand {
            cue: (c0, cue_end),
            source,
            borrow: None,
            content: vec![(k, end)],
            class: info.class,
            sent: self.si,
            head: None,
            head_is_person: false,
        })
    }

    /// Whether the attack named at `i`, on the object at `k`, is one with arms (`a deadly
    /// attack on a nightclub`, `the attack on the consulate in Benghazi`): violence, not
    /// criticism.
    fn armed_attack(&self, i: usize, k: usize) -> bool {
        let armed = i > self.lo
            && matches!(
                self.w(i - 1),
                "deadly"
                    | "terror"
                    | "terrorist"
                    | "suicide"
                    | "bomb"
                    | "militant"
                    | "chemical"
                    | "missile"
                    | "air"
                    | "rocket"
                    | "gun"
                    | "knife"
                    | "armed"
                    | "military"
                    | "insurgent"
                    | "mortar"
                    | "drone"
                    | "gas"
                    | "violent"
                    | "coordinated"
                    | "fatal"
                    | "murderous"
            );
        let target = (k..(k + 7).min(self.hi)).any(|m| {
            matches!(
                self.w(m),
                "town"
                    | "city"
                    | "village"
                    | "compound"
                    | "compounds"
                    | "nightclub"
                    | "club"
                    | "airport"
                    | "station"
                    | "embassy"
                    | "consulate"
                    | "base"
                    | "barracks"
                    | "troops"
                    | "forces"
                    | "soldiers"
                    | "convoy"
                    | "school"
                    | "hospital"
                    | "church"
                    | "mosque"
                    | "synagogue"
                    | "hotel"
                    | "market"
                    | "checkpoint"
                    | "plant"
                    | "ship"
                    | "building"
                    | "headquarters"
            )
        });
        armed || target
    }

    /// Where the object of a noun cue's preposition ends (`attacks on Mr. Clinton's record
    /// in office, which …` → before the comma): at punctuation other than a hyphen, a
    /// clause word, an auxiliary or a finite reporting verb.
    fn object_end(&self, k: usize) -> usize {
        let mut m = k;
        while m < self.hi {
            match self.kind(m) {
                Some(IK::Word) => {
                    let w = self.w(m);
                    // Coordination and relative clauses stay with the object (`Obama's
                    // birthplace and religion`, `companies that have outsourced jobs`);
                    // an adverbial clause or a new reporting verb ends it.
                    let adverbial = matches!(
                        w,
                        "because"
                            | "while"
                            | "when"
                            | "as"
                            | "but"
                            | "although"
                            | "though"
                            | "since"
                            | "if"
                            | "after"
                            | "before"
                            | "until"
                            | "unless"
                            | "whereas"
                    );
                    let and_clause = matches!(w, "and" | "or")
                        && (has(&SUBJ_PRONOUNS, self.w(m + 1)) && !has(&DETS, self.w(m + 1))
                            || has(&AUX, self.w(m + 1)));
                    let verb = !self.cap(m)
                        && self.finite_cue_at(m)
                        && !matches!(self.w(m - 1), "of" | "the" | "a" | "an");
                    if m > k && (adverbial || and_clause || verb) {
                        break;
                    }
                }
                Some(IK::Num) | Some(IK::Quote(_)) | Some(IK::Punct('-')) => {}
                _ => break,
            }
            m += 1;
        }
        m
    }
}

/// Words that open an indirect question.
fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "if" | "whether" | "what" | "why" | "how" | "who" | "whom" | "when" | "where" | "which"
    )
}

fn is_day(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Words for the entity registry.
pub(crate) fn registry_words<'t>(text: &'t str, a: &Analysis) -> Vec<Word<'t>> {
    a.tokens
        .iter()
        .map(|(t, start)| Word {
            start: t.start,
            end: t.end,
            text: text.get(t.start..t.end).unwrap_or(""),
            sentence_start: *start,
            kind: t.kind,
        })
        .collect()
}

/// How many paragraphs open with one to three words in capitals and a colon.
fn caps_label_paras(a: &Analysis) -> usize {
    let mut n = 0;
    let mut last_para = usize::MAX;
    for st in &a.sents {
        if st.para == last_para {
            continue;
        }
        last_para = st.para;
        let k = (st.lo + 1..(st.lo + 4).min(st.hi)).find(|&k| a.items[k].kind == IK::Punct(':'));
        if let Some(k) = k {
            if (st.lo..k).all(|m| a.items[m].kind == IK::Word && a.items[m].upper) {
                n += 1;
            }
        }
    }
    n
}

pub(crate) fn build_registry(text: &str, a: &Analysis) -> EntityRegistry {
    EntityRegistry::build(&registry_words(text, a))
}

impl Rules<'_> {
    /// The noun phrase before the relative pronoun at `k` (skipping the comma).
    pub(crate) fn antecedent(&self, si: usize, k: usize) -> Option<(usize, usize)> {
        let st = self.a.sents[si];
        let r = Rules {
            a: self.a,
            lex: self.lex,
            cands: Vec::new(),
            lo: st.lo,
            hi: st.hi,
            si,
            title: st.title,
            cue_cache: Vec::new(),
            fronted: None,
            first_quote: 0,
            caps_labels: 0,
        };
        let mut e = k;
        if e > st.lo && r.punct(e - 1, ',') {
            e -= 1;
        }
        r.left_np(e)
    }
}
