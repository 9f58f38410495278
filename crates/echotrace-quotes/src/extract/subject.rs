//! The source of a cue whose subject is not simply the noun phrase before it: subjects before
//! dashes or asides, coordinated verbs, prepositional phrases on the subject.

use super::*;

impl<'a> Rules<'a> {
    /// For a cue right after a closing dash, the subject before the aside that the dashes
    /// enclose, taken with the aside: `Three-in-five GOP insiders — and two-thirds of
    /// Republicans — said`.
    pub(super) fn subject_before_dashes(&self, c0: usize) -> Option<(usize, usize)> {
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
        // `Murphy — after a knock-on-wood gesture — told me …`: an adjunct between the
        // dashes tells when or how, not who; the subject is the noun phrase alone.
        let adjunct = has(&PREPS, self.w(open + 1))
            && !self.cap(open + 1)
            // `— like Reid, a supporter of …, —` still tells who she is.
            && self.w(open + 1) != "like";
        Some((np.0, if adjunct { np.1 } else { c0 - 1 }))
    }

    /// Whether the words from `a` to `b` are a connective set off by commas: `however`,
    /// `for instance`, `in turn`, `on the other hand`.
    pub(super) fn connective_between(&self, a: usize, b: usize) -> bool {
        if !(a..b).all(|m| self.kind(m) == Some(IK::Word)) {
            return false;
        }
        let w = |k: usize| self.w(a + k);
        match b.saturating_sub(a) {
            1 => matches!(
                w(0),
                "however"
                    | "though"
                    | "too"
                    | "also"
                    | "meanwhile"
                    | "moreover"
                    | "instead"
                    | "therefore"
                    | "nevertheless"
                    | "nonetheless"
                    | "likewise"
            ),
            2 => matches!(
                (w(0), w(1)),
                ("for", "instance" | "example")
                    | (
                        "in",
                        "turn" | "fact" | "contrast" | "particular" | "response"
                    )
                    | ("of", "course")
                    | ("at", "least")
            ),
            4 => (w(0), w(1), w(2), w(3)) == ("on", "the", "other", "hand"),
            _ => false,
        }
    }

    /// All of the sentence before `end` as its subject, when it is a plain noun phrase with
    /// its modifiers (`Legislative leaders in North Carolina`): no verb, no clause, no
    /// punctuation, opening with a capital or a determiner.
    pub(super) fn plain_subject(&self, end: usize) -> Option<(usize, usize)> {
        let mut s = self.lo;
        while s < end && matches!(self.w(s), "but" | "and" | "so" | "yet") {
            s += 1;
        }
        let plain = end > s
            && end - s <= 12
            && (self.cap(s) || has(&DETS, self.w(s)))
            && self.opens_with_subject((s, end))
            && (s..end).all(|m| {
                let w = self.w(m);
                matches!(self.kind(m), Some(IK::Word | IK::Num))
                    && !has(&AUX, w)
                    && !has(&CLAUSE_WORDS, w)
                    && !self.verb_at(m)
                    && self.cue_at(m).is_none_or(|c| c.form == CueForm::Noun)
            });
        plain.then_some((s, end))
    }

    /// For a cue right after a closing parenthesis, the noun phrase before the parenthetical
    /// and the subject taken with it: `Murphy (a Connecticut Democrat so boyish he has been
    /// mistaken for a staffer) says`.
    pub(super) fn subject_before_parens(
        &self,
        c0: usize,
    ) -> Option<((usize, usize), (usize, usize))> {
        if c0 <= self.lo + 2 || !self.punct(c0 - 1, ')') {
            return None;
        }
        let open = (self.lo.max(c0.saturating_sub(40))..c0 - 1)
            .rev()
            .find(|&m| self.punct(m, '('))?;
        if (open..c0).any(|m| self.is_quote(m)) {
            return None;
        }
        let np = self.left_np(open)?;
        (np.1 == open).then_some((np, (np.0, c0)))
    }

    /// The noun phrase that opens the sentence and is followed by a comma, taken with the
    /// aside up to `comma` (the comma before the cue): `Eddie Griffin, who at the time was
    /// …,`. None when the sentence opens with a clause of its own (a verb or a cue before
    /// the first comma) or with a connective or preposition.
    pub(super) fn opening_subject(&self, comma: usize) -> Option<(usize, usize)> {
        let first = (self.lo..comma).find(|&m| self.punct(m, ','))?;
        let np = self.left_np(first)?;
        if np.0 != self.lo || !(self.cap(self.lo) || has(&DETS, self.w(self.lo))) {
            return None;
        }
        if has(&PREPS, self.w(self.lo)) || has(&CLAUSE_WORDS, self.w(self.lo)) {
            return None;
        }
        // (A show's title in the aside is no quotation: `Sam Solovey, a contestant on the
        // show "The Apprentice," who …, said`.)
        if (self.first_quote..comma).any(|m| self.is_quote(m) && !self.titled_quote(m)) {
            return None;
        }
        Some((self.lo, comma))
    }

    /// For a cue right after a comma, the subject before the aside that the comma closes:
    /// `Trump, in Wilmington, N.C., warned` → `Trump`. Of the commas before, the first whose
    /// noun phrase starts the clause wins, so a comma inside the aside is not taken for its
    /// start.
    pub(super) fn subject_before_aside(
        &self,
        comma: usize,
        nearest: Option<usize>,
    ) -> Option<(usize, (usize, usize))> {
        let nearest = nearest.filter(|&q| self.punct(q, ','))?;
        let mut q = nearest;
        let mut fallback = None;
        let mut nearest_clean = None;
        let mut named_clean = None;
        for _ in 0..4 {
            // An age (`Maria Santos, 41, a teacher, said`) is an aside of the name before it,
            // never the subject.
            let age = |np: (usize, usize)| {
                np.1 == np.0 + 1 && self.kind(np.0) == Some(IK::Num) && np.0 > self.lo
            };
            if let Some(np) = self.left_np(q).filter(|&np| !age(np)) {
                let clean = np.0 == self.lo
                    || matches!(self.kind(np.0 - 1), Some(IK::Punct(_)) | Some(IK::Quote(_)));
                // The phrase that opens the sentence wins over a nearer one between commas:
                // `Donna Rawlings, 59, of Ashton, Md., who watched …, said` is said by
                // Rawlings, not by `Md.`.
                if np.0 == self.lo && self.opens_with_subject(np) {
                    return Some((q, np));
                }
                if clean {
                    nearest_clean.get_or_insert((q, np));
                    // `…," Anne Richards, assistant secretary of state for population,
                    // refugees, and migration, said`: a name before a list in the aside
                    // speaks, not the list's last item.
                    // (Not a time opening the sentence: `Earlier Tuesday, his campaign …`.)
                    if np.0 > self.lo && (np.0..np.1).all(|m| self.cap(m)) {
                        named_clean.get_or_insert((q, np));
                    }
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
        // Only where the nearest clean phrase is no name itself, and the name's own aside
        // is a role (`, assistant secretary of …`): a list of places is not.
        match (named_clean, nearest_clean) {
            (Some(named), Some(near))
                if named != near
                    && !self.cap(near.1 .0)
                    && self.kind(named.0 + 1) == Some(IK::Word)
                    && !self.cap(named.0 + 1) =>
            {
                Some(named)
            }
            _ => nearest_clean.or(fallback),
        }
    }

    /// Whether all before the comma at `comma` is a subject and its appositive (`Dr. Sarah
    /// Chen, an epidemiologist at Johns Hopkins,`): nothing was said there, so a verb of
    /// saying after it is not inverted (`…, said the variant spread faster`).
    pub(super) fn subject_and_aside_only(&self, comma: usize) -> bool {
        let Some(first) = (self.lo..comma).find(|&m| self.punct(m, ',')) else {
            return false;
        };
        if self.first_quote < comma || self.left_np(first) != Some((self.lo, first)) {
            return false;
        }
        if !self.opens_with_subject((self.lo, first)) {
            return false;
        }
        let w = self.w(first + 1);
        let appositive = matches!(w, "a" | "an" | "the")
            || crate::entities::is_title(w)
            || self.kind(first + 1) == Some(IK::Num);
        let relative = (first + 1..comma)
            .find(|&m| matches!(self.w(m), "who" | "whose" | "which"))
            .unwrap_or(comma);
        let verb = (self.lo..relative)
            .any(|m| self.verb_at(m) || self.cue_at(m).is_some_and(|c| c.form != CueForm::Noun));
        appositive && !verb
    }

    /// Whether a noun phrase that opens the sentence before a comma can be its subject: not
    /// a time (`Last month,`, `Earlier Tuesday,`), a connective (`However,`, `Similarly,`) or
    /// a participle's phrase (`Speaking in Harlem,`).
    fn opens_with_subject(&self, np: (usize, usize)) -> bool {
        let first = self.a.items[np.0].lower.as_str();
        let timely = time_word(first);
        let connective = first.ends_with("ly")
            || has(CUE_ADVERBS, first)
            || matches!(
                first,
                "however" | "meanwhile" | "yet" | "but" | "and" | "so" | "instead" | "still"
            );
        let participle = first.ends_with("ing")
            && (np.1 == np.0 + 1 || has(&PREPS, self.w(np.0 + 1)) || !self.cap(np.0 + 1));
        // `The governor barely qualified for the debate, but in Iowa, he, too, feels`: a
        // verb inside makes it a clause.
        let clause = (np.0 + 1..np.1).any(|m| {
            let w = self.w(m);
            !self.cap(m) && (w.ends_with("ed") || has(&IRREGULAR_PAST, w) || w == "but")
        });
        (self.cap(np.0) || has(&DETS, first)) && !timely && !connective && !participle && !clause
    }

    /// The rest of a sentence interrupted by its attribution: `He is leaning toward Kasich,
    /// he said, because …` — `j` is just after the cue (or the inverted subject).
    pub(super) fn continuation(&self, j: usize) -> Option<(usize, usize)> {
        // `These employees, Stumpf explained earlier in the committee hearing, were
        // well paid`: a circumstance of the saying, closed by a comma, sits between the cue
        // and the rest of what was said.
        let j = match self.circumstance_then_comma(j) {
            Some(c) if self.verb_at(c + 1) => c,
            _ => j,
        };
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
                )
                // `at least seven delegates` is a number, not a place.
                && !(self.w(k) == "at" && matches!(self.w(k + 1), "least" | "most")))
            || (self.free_participle(k) && !self.gerund_subject(k))
            || self.participle_cue_at(k)
        {
            return None;
        }
        let e = self.clause_end(k);
        (e > k + 1).then_some((k, e))
    }

    /// A phrase of time, place or medium at `k` (`in the committee hearing`, `on Sunday`)
    /// closed by a comma: that comma. Nothing in it may be a verb, or it is
    /// a clause of its own.
    pub(super) fn circumstance_then_comma(&self, k: usize) -> Option<usize> {
        if !matches!(self.w(k), "in" | "at" | "on" | "during" | "after" | "via")
            || matches!(self.w(k + 1), "least" | "most")
        {
            return None;
        }
        let c = (k + 1..(k + 10).min(self.hi)).find(|&x| self.is_punct(x))?;
        let plain = (k + 1..c).all(|x| {
            matches!(self.kind(x), Some(IK::Word | IK::Num))
                && !self.verb_at(x)
                && self.cue_at(x).is_none()
        });
        (plain && self.punct(c, ',') && c > k + 1).then_some(c)
    }

    /// A gerund at `k` that is the subject of the clause it opens: a short object, then a
    /// finite verb (`replacing Clinton would be much more acrimonious`).
    fn gerund_subject(&self, k: usize) -> bool {
        (k + 1..(k + 6).min(self.hi))
            .take_while(|&x| !self.is_punct(x) && self.kind(x).is_some())
            .any(|x| {
                matches!(
                    self.w(x),
                    "is" | "was" | "would" | "will" | "could" | "can" | "might" | "may" | "has"
                )
            })
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
    pub(super) fn subject_with_pp(&self, np: (usize, usize), cue: usize) -> (usize, usize) {
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
            if let Some(st) = self.plural_head_with_adjective(j - 1) {
                j = st;
                continue;
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
            // `advisers to the mayor say`, `aides to the president said`: a bare plural of
            // people needs no determiner.
            let people = has(PEOPLE_PLURALS, self.w(np2.1 - 1))
                && (np2.0..np2.1).all(|m| !self.cap(m) && self.cue_at(m).is_none());
            let starts = self.cap(np2.0)
                || has(&DETS, w0)
                || has(STANDALONE_DETS, w0)
                || self.kind(np2.0) == Some(IK::Num)
                || people;
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
            // (`A poll from Marquette Law School released Wednesday`: the day dates the
            // participle; the noun phrase goes on before the preposition.)
            if e == np.1
                && j == np.0
                && !self.dated_time(np.0, self.time_phrase_start(np))
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

    /// For the preposition at `prep`: where a subject starts that is a plural head and an
    /// adjective taking that preposition (`people familiar with the matter`, `sources close
    /// to him`, `two officials briefed on the talks`), when it opens a clause (after a comma,
    /// at the start, after a conjunction). Wire copy names anonymous sources this way.
    pub(super) fn plural_head_with_adjective(&self, prep: usize) -> Option<usize> {
        if prep < self.lo + 2 {
            return None;
        }
        let adjective = adjective_taking(self.w(prep - 1), self.w(prep));
        let h = prep - 2;
        let w = self.w(h);
        let plural = (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s"))
            || matches!(w, "people" | "police" | "men" | "women" | "children");
        if !adjective || self.kind(h) != Some(IK::Word) || self.cap(h) || !plural {
            return None;
        }
        let mut st = h;
        if st > self.lo
            && (has(&DETS, self.w(st - 1))
                || has(STANDALONE_DETS, self.w(st - 1))
                || self.kind(st - 1) == Some(IK::Num)
                || crate::text::is_number_word(self.w(st - 1)))
        {
            st -= 1;
        }
        let opens = st == self.lo
            || self.punct(st - 1, ',')
            || matches!(self.w(st - 1), "that" | "and" | "but" | "because" | "while");
        opens.then_some(st)
    }

    /// `A poll conducted last week found`, `some voters who have listened to his speeches
    /// said`, `many officials on and off the island believe`: the subject of a verb is the
    /// whole noun phrase from the start of its clause, with what follows its head, not the
    /// last noun phrase before the verb. Returns that phrase and its head (`A poll`), or
    /// `None` where the words before `np` do not read as one (a comma, a verb outside a
    /// relative clause, a clause that opens with a preposition or a pronoun).
    pub(super) fn full_subject(
        &self,
        np: (usize, usize),
    ) -> Option<((usize, usize), (usize, usize))> {
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
            // `sources close to him`, `militants linked to the group`: the `to` of an
            // adjective that takes one, not an infinitive.
            let to_of_adjective = w == "to" && modifier == Some(k.wrapping_sub(1));
            if to_of_adjective {
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
            let adjective_to = next == "to" && adjective_taking(w, next);
            let complement = has(&PREPS, next) && next != "to"
                || matches!(
                    next,
                    "last" | "this" | "earlier" | "recently" | "by" | "over"
                )
                || is_day(next);
            let participle = !self.cap(k)
                && k > s
                && (w == "familiar" || adjective_to || w.ends_with("ed") && complement)
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
}
