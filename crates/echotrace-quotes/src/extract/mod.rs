//! The rules: from items and sentences to attributions.
//!
//! A paragraph is first cut into items and sentences ([`analysis`]); then [`Rules::sentence`]
//! scans each sentence for cues and tries, at each, the constructions that can head an
//! attribution. The files follow the questions a rule asks:
//!
//! - [`words`]: the closed word lists and word tests every rule shares;
//! - [`np`]: the noun phrase before or after a word (a source, an addressee);
//! - [`content`]: where what was said starts and ends;
//! - [`attribute`]: a verb of saying and the attribution it heads;
//! - [`subject`]: sources that are not the noun phrase just before the cue;
//! - [`constructions`]: `according to`, raising verbs, transcripts, colon cues;
//! - [`nouns`]: cues that are nouns or documents (`a statement`, `the report says`);
//! - [`registry`]: the people and organisations a document names, for the resolver.

use crate::entities::{EntityRegistry, Word};
use crate::lexicon::{CueClass, CueForm, CueInfo, CueLexicon};
use crate::text::{pair_marks, tokenize, Dir, TokKind, Token, WordSet};
use echotrace_core::ByteSpan;

mod analysis;
mod attribute;
mod constructions;
mod content;
mod nouns;
mod np;
mod registry;
mod subject;
mod words;

pub(crate) use analysis::analyze;
pub(crate) use registry::build_registry;
use registry::caps_label_paras;
use words::*;
pub(crate) use words::{is_day, is_month};

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
    pub lower: compact_str::CompactString,
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
    /// Two to ten words in title case (`"This Week With George Stephanopoulos"`): the name
    /// of a show, a book or a law, not something said.
    pub titled: bool,
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
    /// [`analysis::quoted_turn`]): the label names a speaker even where the text never writes
    /// it as a name.
    pub quoted_turns: Vec<usize>,
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
    /// An attribution with its own source and one content, and none of the refinements
    /// (borrowed source, head).
    fn new(
        cue: (usize, usize),
        source: (usize, usize),
        content: (usize, usize),
        class: CueClass,
        sent: usize,
    ) -> Cand {
        Cand {
            cue,
            source: Some(source),
            borrow: None,
            content: vec![content],
            class,
            sent,
            head: None,
            head_is_person: false,
        }
    }

    /// [`Cand::new`] for speech: what the rules for signed, read and colon quotations make.
    fn speech(
        cue: (usize, usize),
        source: (usize, usize),
        content: (usize, usize),
        sent: usize,
    ) -> Cand {
        Cand::new(cue, source, content, CueClass::Speech, sent)
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
    /// A quotation in title case: the name of a show or a book (see [`Frag::titled`]).
    fn titled_quote(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(IK::Quote(f)) if self.a.frags[f].titled)
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
        // Most words are no cue in any context: they are turned away before the checks below.
        if self.kind(i) != Some(IK::Word) || !self.lex.is_cue_word(self.w(i)) {
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
        if self.discourse_idiom(i) {
            return None;
        }
        // `for added comfort`, `an added benefit`: a participle as an adjective after a
        // preposition or an article.
        if self.w(i) == "added"
            && i > self.lo
            && matches!(
                self.w(i - 1),
                "for" | "with" | "an" | "the" | "of" | "no" | "any"
            )
        {
            return None;
        }
        // `Trump's reality TV show`, `a radio talk show`: a programme. (Not after `game` or
        // `news`: `Footage from the game shows that …`, `… and ABC News shows …`.)
        if matches!(self.w(i), "show" | "shows")
            && i > self.lo
            && matches!(
                self.w(i - 1),
                "tv" | "talk"
                    | "radio"
                    | "reality"
                    | "television"
                    | "cable"
                    | "chat"
                    | "variety"
                    | "cooking"
                    | "quiz"
                    | "road"
                    | "fashion"
                    | "awards"
            )
        {
            return None;
        }
        // `a group that calls itself "Anonymous"`: the name it goes by. (A person who
        // `called himself the least racist person` makes a claim, and stays a cue.)
        if matches!(self.w(i), "call" | "calls" | "called" | "calling") && next == Some("itself") {
            return None;
        }
        // `pleaded guilty`, `pleads not guilty`: a plea in court answers a charge; it reports
        // nothing said.
        if matches!(
            self.w(i),
            "plead" | "pleads" | "pleaded" | "pleading" | "pled"
        ) && matches!(next, Some("guilty" | "not" | "innocent" | "no"))
        {
            return None;
        }
        // `two diplomats briefed on the negotiations said`: a passive participle after its
        // noun (`who were briefed on`), not the diplomats briefing anyone.
        if self.w(i) == "briefed"
            && matches!(next, Some("on" | "about"))
            && i > self.lo
            && self.kind(i - 1) == Some(IK::Word)
            && !has(&AUX, self.w(i - 1))
            && !has(&SUBJ_PRONOUNS, self.w(i - 1))
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
        // `officers were called to the scene`, `called off the strike`, `called up
        // reservists`: summoning and cancelling, not naming or saying (`called to say` is).
        if matches!(self.w(i), "call" | "calls" | "called" | "calling")
            && (matches!(next, Some("into" | "off" | "up" | "back" | "in"))
                // (The noun keeps its `to`: `his call to deport …` is a demand.)
                || (next == Some("to")
                    && matches!(self.w(i), "called" | "calling")
                    && !matches!(
                        self.w(i + 2),
                        "say" | "tell" | "ask" | "complain" | "report" | "warn" | "thank"
                    )))
        {
            return None;
        }
        // `One Napa County reporting station hasn't seen`, `the polling place was`: an -ing word
        // between a name or determiner and a noun with its verb modifies the noun.
        if self.w(i).ends_with("ing")
            && i > self.lo
            && self.kind(i - 1) == Some(IK::Word)
            && (has(&DETS, self.w(i - 1)) || (self.cap(i - 1) && i - 1 > self.lo))
            && self.kind(i + 1) == Some(IK::Word)
            && !self.cap(i + 1)
            && next.is_some_and(|n| {
                !n.ends_with('s')
                    && !has(&DETS, n)
                    && !has(&PREPS, n)
                    && !has(&SUBJ_PRONOUNS, n)
                    && !has(&CLAUSE_WORDS, n)
            })
            && has(&AUX, self.w(i + 2))
            && !matches!(self.w(i + 2), "not" | "never")
        {
            return None;
        }
        // `The FBI report says`, `a police statement said`: a document noun before the verb
        // of saying is its subject, not a verb of its own.
        if Self::document_noun(self.w(i))
            && next.is_some_and(|n| {
                self.lex
                    .lookup(n, None)
                    .is_some_and(|c| c.form == CueForm::Finite && c.class == CueClass::Speech)
            })
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
        // `added on Twitter`: `on` opens the channel, not the particle of `add on`.
        let next = next.filter(|&n| !(n == "on" && channel_word(self.w(i + 2))));
        // `told a regular briefing`, `at the hearing`: an -ing word after a determiner (and
        // an adjective) is a noun, not a participle.
        let after_determiner = |k: usize| {
            k > self.lo
                && self.kind(k - 1) == Some(IK::Word)
                && matches!(self.w(k - 1), "a" | "an" | "the" | "its")
        };
        let noun_ing = self.w(i).ends_with("ing")
            && (after_determiner(i)
                || (i > self.lo
                    && self.kind(i - 1) == Some(IK::Word)
                    && matches!(
                        self.w(i - 1),
                        "regular"
                            | "daily"
                            | "weekly"
                            | "public"
                            | "private"
                            | "closed-door"
                            | "congressional"
                            | "parliamentary"
                            | "special"
                            | "virtual"
                    )
                    && after_determiner(i - 1)));
        let found = self.lex.lookup(self.w(i), next);
        // `spoke favorably of`, `spoke briefly about`: an adverb of manner between the verb
        // and its particle (the particle reading then starts two words on).
        let found = match found {
            Some(c) if c.particle.is_some() || c.form == CueForm::Noun => Some(c),
            _ if next.is_some_and(ly_adverb) && self.kind(i + 2) == Some(IK::Word) => self
                .lex
                .lookup(self.w(i), Some(self.w(i + 2)))
                .filter(|c| c.particle.is_some() && c.form != CueForm::Noun)
                .or(found),
            _ => found,
        };
        found.filter(|c| {
            (!self.title
                || c.class == CueClass::Speech
                || (headline_verb && c.form == CueForm::Finite))
                && !(noun_ing && c.form == CueForm::Participle)
        })
    }

    /// For a source that is a document (`statement`, `report`, …), the phrase that names its
    /// issuer: after `from` right behind the noun (`a statement from the Health Ministry`),
    /// after `by` later in the source (`The report, published on Tuesday by the World
    /// Bank`), or the possessor before it (`The ministry's statement`). A document with
    /// none is resolved as any other source.
    fn document_source_issuer(&self, src: (usize, usize)) -> Option<(usize, usize)> {
        let d = (src.0..src.1).find(|&k| Self::document_noun(self.w(k)))?;
        if let Some(k) = (d + 1..src.1.saturating_sub(1))
            .find(|&k| (self.w(k) == "from" && k == d + 1) || self.w(k) == "by")
        {
            return Some((k + 1, src.1));
        }
        if d > src.0 && self.w(d - 1).ends_with("'s") {
            return Some((src.0, d));
        }
        // `The Department of Justice complaint`, `a White House statement`: a name that
        // modifies the document issued it.
        // (A capitalised one is part of the name: `The Washington Post`.)
        let d = (src.0..src.1).find(|&k| Self::document_noun(self.w(k)) && !self.cap(k))?;
        let s = src.0 + usize::from(matches!(self.w(src.0), "the" | "a" | "an"));
        let named = s < d
            && self.cap(s)
            && self.cap(d - 1)
            && (s..d).all(|k| {
                self.kind(k) == Some(IK::Word)
                    && (self.cap(k) || matches!(self.w(k), "of" | "for" | "and" | "&"))
            });
        named.then_some((s, d))
    }

    /// Whether the verb of saying at `i` is part of a fixed phrase with which the writer
    /// links two thoughts or addresses the reader, and reports nobody: `Having said that,`,
    /// `That being said,`, `Suffice it to say`, `Needless to say`, `that is to say`, `It goes
    /// without saying`, `Let us know`.
    fn discourse_idiom(&self, i: usize) -> bool {
        let back = |k: usize| {
            if i >= self.lo + k {
                self.w(i - k)
            } else {
                ""
            }
        };
        match self.w(i) {
            // `Having said that he would resign, …` is a participle that reports: the idiom
            // ends at the comma after `that`.
            "said" => {
                (back(1) == "having" && self.w(i + 1) == "that" && self.punct(i + 2, ','))
                    || (back(1) == "being" && back(2) == "that")
            }
            "say" => {
                back(1) == "to"
                    && (back(2) == "suffice"
                        || (back(2) == "it" && back(3) == "suffice")
                        || back(2) == "needless"
                        || (back(2) == "is" && back(3) == "that"))
            }
            "saying" => back(1) == "without" && matches!(back(2), "goes" | "go" | "went"),
            // `Let us know what you think`: an invitation to the reader.
            "know" => matches!(back(1), "us" | "me") && back(2) == "let",
            _ => false,
        }
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

    /// Whether the word at `k` is a verb that starts a predicate: an auxiliary, an irregular
    /// past tense, or a lowercase word in `-ed`.
    fn verb_at(&self, k: usize) -> bool {
        let w = self.w(k);
        has(&AUX, w) || has(&IRREGULAR_PAST, w) || (w.ends_with("ed") && !self.cap(k))
    }

    fn finite_cue_at(&self, i: usize) -> bool {
        self.cue_at(i).is_some_and(|c| c.form == CueForm::Finite)
            && !(i > self.lo && (has(&DETS, self.w(i - 1)) || self.w(i - 1) == "to"))
    }

    /// Whether a participle cue opens at `i`: `adding`, or an aspectual participle before
    /// the infinitive of a cue (`going on to say`, `continuing to argue`), which opens an
    /// adjunct with the main clause's subject in the same way.
    fn participle_cue_at(&self, i: usize) -> bool {
        if self
            .cue_at(i)
            .is_some_and(|c| c.form == CueForm::Participle)
        {
            return true;
        }
        let w = self.w(i);
        let to = if w == "going" && self.w(i + 1) == "on" {
            i + 2
        } else if w.ends_with("ing") && aspectual_verb(w) {
            i + 1
        } else {
            return false;
        };
        self.w(to) == "to"
            && self
                .cue_at(to + 1)
                .is_some_and(|c| c.form == CueForm::Finite)
    }

    fn is_cue_prefix(&self, i: usize) -> bool {
        let w = self.w(i);
        // A capitalised auxiliary inside the sentence is a name (`Prime Minister Theresa May
        // said`), and a capitalised adverb too (`Rep. Early said`).
        let name = self.cap(i) && i > self.lo && !is_day(w) && !self.title;
        // `who in 2010 said`: the year of the saying (not before a participle: `a suit
        // filed in 2012 challenging …` dates the filing).
        if self.kind(i) == Some(IK::Num) {
            return i > self.lo + 1
                && self.w(i - 1) == "in"
                && is_year(w)
                && !self.w(i + 1).ends_with("ing");
        }
        self.kind(i) == Some(IK::Word)
            && !name
            && (has(&AUX, w)
                || has(CUE_ADVERBS, w)
                || (ly_adverb(w) && !self.cap(i))
                // `would only say`, `may well argue`, `who only specified`: right before the
                // verb, an adverb of it (`Only Trump said`, `the likely nominee said` have
                // them before the subject).
                || (w == "well" && i > self.lo && has(&AUX, self.w(i - 1)))
                || w == "likely"
                // `had at last described`
                || (w == "at" && self.w(i + 1) == "last")
                || (w == "last" && i > self.lo && self.w(i - 1) == "at")
                // (`the only hope`, `brought together demands`: an adjective and an
                // adverb of the verb before, with a noun after them.)
                || (matches!(w, "only" | "together")
                    && i > self.lo
                    && !matches!(
                        self.w(i - 1),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my"
                            | "your"
                    )
                    && !self.w(i - 1).ends_with("'s")
                    && !self.w(i - 1).ends_with("\u{2019}s")
                    && !(w == "together"
                        && (self.w(i - 1).ends_with("ed")
                            || IRREGULAR_PAST.contains(self.w(i - 1)))))
                || (w == "in"
                    && i > self.lo
                    && is_year(self.w(i + 1))
                    && !self.w(i + 2).ends_with("ing"))
                // `Priebus later Thursday told`, `Obama on Tuesday said`: the day is the
                // time of the saying.
                // (`polls released Sunday showed`, `a poll released on Tuesday showed`, `a
                // poll out Monday showed`: the day of the participle before it.)
                || (w == "on" && i > self.lo && is_day(self.w(i + 1)) && !self.dated_before(i))
                || (i > self.lo
                    && is_day(w)
                    && !self.dated_before(i)
                    && !(self.w(i - 1) == "on" && i > self.lo + 1 && self.dated_before(i - 1))))
    }

    /// Whether the word before `i` is a participle or `out` that a time after it dates
    /// (`released`, `taken`, `out`).
    fn dated_before(&self, i: usize) -> bool {
        let p = self.w(i - 1);
        p.ends_with("ed") || IRREGULAR_PAST.contains(p) || matches!(p, "out" | "taken")
    }

    /// Cuts each piece of candidate `ci`'s content after its cue where `cut` (given the
    /// piece's start and end) says it ends.
    fn cut_content_after_cue(
        &mut self,
        ci: usize,
        cut: impl Fn(&Self, usize, usize) -> Option<usize>,
    ) {
        let cue_end = self.cands[ci].cue.1;
        let content: Vec<(usize, usize)> = self.cands[ci]
            .content
            .iter()
            .map(|&(s, e)| {
                if s < cue_end {
                    (s, e)
                } else {
                    (s, cut(self, s, e).unwrap_or(e))
                }
            })
            .collect();
        self.cands[ci].content = content;
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
                .or_else(|| self.attitude_adjective(i))
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
        // `expressed doubts about the project`, `offered a preview of his thinking`: a noun
        // of saying or feeling that the verb voices, with the preposition of its topic, is
        // part of the cue; the topic is what was said.
        for ci in first_here..self.cands.len() {
            if let Some(t) = self.voiced_topic(&self.cands[ci]) {
                self.cands[ci].cue.1 = t;
                self.cands[ci].content[0].0 = t;
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
            self.cut_content_after_cue(ci, |r, s, e| {
                let k = (s + 1..e).find(|&k| r.finite_cue_at(k) && !r.cap(k))?;
                let mut end = k;
                while end > s + 1 && r.is_punct(end - 1) {
                    end -= 1;
                }
                Some(end)
            });
        }
        // `There are fears the crush will …`, `There were reports …`: an existential `there`
        // names nobody. `A news report published Wednesday said`: the day is the
        // participle's, and the subject the noun phrase before it.
        for ci in first_here..self.cands.len() {
            if let Some((rs, re)) = self.cands[ci].source {
                if re == rs + 1
                    && is_day(self.w(rs))
                    && rs > self.lo
                    && (self.w(rs - 1).ends_with("ed") || IRREGULAR_PAST.contains(self.w(rs - 1)))
                {
                    if let Some((s, _)) = self.left_np(rs - 1) {
                        self.cands[ci].source = Some((s, re));
                    }
                }
                // (`A poll … released Wednesday found`: a source that stops before the day.)
                if re > rs
                    && self.cands[ci].cue.0 == re + 1
                    && is_day(self.w(re))
                    && (self.w(re - 1).ends_with("ed") || IRREGULAR_PAST.contains(self.w(re - 1)))
                {
                    self.cands[ci].source = Some((rs, re + 1));
                }
                // `released a letter from his doctor Friday afternoon that says …`: the
                // document speaks for whoever issued it, as in `released a statement saying`.
                if re == rs + 1
                    && matches!(self.w(rs), "that" | "which")
                    && self.cands[ci].cue.0 == re
                {
                    if let Some((v, subj)) = self.document_issuer(rs) {
                        self.cands[ci].cue.0 = v;
                        self.cands[ci].source = Some(subj);
                        continue;
                    }
                }
                // The rules above may have moved the source.
                let Some((rs, re)) = self.cands[ci].source else {
                    continue;
                };
                // `hearing him say it`, `hearing a leading presidential candidate acknowledging
                // …`: the one heard or seen saying it speaks.
                let perceived = (rs..re.saturating_sub(1)).rev().find(|&m| {
                    !self.cap(m)
                        && matches!(
                            self.w(m),
                            "hear"
                                | "hears"
                                | "heard"
                                | "hearing"
                                | "see"
                                | "sees"
                                | "saw"
                                | "seeing"
                                | "watch"
                                | "watches"
                                | "watched"
                                | "watching"
                        )
                });
                // (The one perceived follows the verb: not `who have heard directly from
                // the campaign say`.)
                let object = |m: usize| {
                    has(OBJ_PRONOUNS, self.w(m + 1))
                        || has(&DETS, self.w(m + 1))
                        || self.cap(m + 1)
                        || content::people_noun(self.w(m + 1))
                };
                if let Some(m) = perceived.filter(|&m| self.cands[ci].cue.0 == re && object(m)) {
                    self.cands[ci].source = Some((m + 1, re));
                    continue;
                }
                if self.names_nobody(rs, re) {
                    self.cands[ci].source = None;
                    continue;
                }
                if let Some(e) = self.partitive_end(&self.cands[ci], rs, re) {
                    self.cands[ci].source = Some((rs, e));
                    continue;
                }
                // `Sean Spicer on Thursday evening said`: a time between the subject and
                // its verb leaves its preposition behind; no noun phrase ends in one.
                if re > rs + 1 && preposition(self.w(re - 1)) && self.kind(re - 1) == Some(IK::Word)
                {
                    self.cands[ci].source = Some((rs, re - 1));
                } else if re == rs + 1 && preposition(self.w(rs)) {
                    self.cands[ci].source = None;
                }
                if re == rs + 1
                    && self.w(rs) == "there"
                    && (has(BE, self.w(re)) || matches!(self.w(re), "have" | "has" | "had"))
                {
                    self.cands[ci].source = None;
                }
            }
        }
        // `Ted Cruz, who says Trump is attacking him, campaigned Monday`: what the relative
        // clause between commas reports ends where the main clause's verb comes back.
        for ci in first_here..self.cands.len() {
            let Some((rs, re)) = self.cands[ci].source else {
                continue;
            };
            if !(re == rs + 1
                && matches!(self.w(rs), "who" | "which")
                && rs > self.lo
                && self.punct(rs - 1, ','))
            {
                continue;
            }
            self.cut_content_after_cue(ci, |r, s, e| {
                let resumes = |k: usize| {
                    let v = r.w(k + 1);
                    r.kind(k + 1) == Some(IK::Word)
                        && !r.cap(k + 1)
                        && (IRREGULAR_PAST.contains(v)
                            || (v.ends_with("ed") && v.len() > 4)
                            || matches!(v, "has" | "had" | "will" | "would" | "is" | "was"))
                        && !matches!(r.w(k + 2), "and" | "or" | "but")
                        && !r.is_punct(k + 2)
                };
                // (A comma that closes an aside inside what was said does not count:
                // `that Mr. Jäger, under fire for …, would do better to keep quiet`.)
                let (mut depth, mut commas) = (0usize, 0usize);
                for k in s + 1..e {
                    if r.is_quote(k) {
                        depth ^= 1;
                    } else if depth == 0 && r.punct(k, ',') {
                        if commas % 2 == 0 && resumes(k) {
                            return Some(k);
                        }
                        commas += 1;
                    }
                }
                None
            });
        }
        for ci in first_here..self.cands.len() {
            let Some(src) = self.cands[ci].source else {
                continue;
            };
            // `a report from Kotak Institutional Equities`, `The report, published on Tuesday
            // by the World Bank`, `The ministry's statement`: the issuer speaks, whatever
            // the phrase that named the source; else `Maria Lopez of the Urban Institute`:
            // the person before `of`.
            if let Some(issuer) = self.document_source_issuer(src) {
                self.cands[ci].head = Some(issuer);
                self.cands[ci].head_is_person = false;
            } else if self.cands[ci].head.is_none() {
                let person = self.person_of_place(src);
                self.cands[ci].head = person;
                self.cands[ci].head_is_person = person.is_some();
            }
        }
        // Participles at the start of the sentence take the subject of the main clause.
        for ci in first_here..self.cands.len() {
            if self.cands[ci].source.is_none() && self.cands[ci].borrow.is_none() {
                let other = (first_here..self.cands.len()).find(|&o| {
                    o != ci && self.cands[o].source.is_some() && self.cands[o].borrow.is_none()
                });
                // `Having promised that taxes would fall, the chancellor raised them`: with no
                // verb of saying in the main clause, its subject is the participle's.
                let main_subject = self
                    .fronted
                    .and_then(|_| self.sentence_subject(self.cands[ci].cue.0));
                if let Some(o) = other {
                    if self.cands[ci].cue.0 == st.lo {
                        self.cands[ci].borrow = Some(o);
                    }
                } else if let (true, Some(np)) = (self.cands[ci].cue.0 == st.lo, main_subject) {
                    self.cands[ci].source = Some(np);
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
                    let participle = self.participle_cue_at(st.lo);
                    if participle {
                        self.cands[ci].borrow = before;
                    }
                }
            }
        }
    }
}
