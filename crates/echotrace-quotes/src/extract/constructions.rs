//! Attributions that are not subject + verb + clause: `according to X`, raising verbs (`X is
//! said to`), hearsay adverbs, transcripts, signatures and colon cues (`X: "…"`).

use super::*;

impl<'a> Rules<'a> {
    /// The speaker of a verb of saying in the infinitive at `i` (`to add`), where it is the
    /// subject of the clause: `Trump was quick to add that …`, `Obama held a briefing to brag
    /// that …`. Not where the infinitive has an object of its own for a subject (`urged him
    /// to say`, `asked Smith to explain`): those are left without a source.
    pub(super) fn infinitive_subject(&self, i: usize) -> Option<(usize, usize)> {
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

    /// Where a phrase that takes the infinitive of a cue into the cue starts, for the `to` at
    /// `to_at`: `was quick to add`, `went out of his way to say`, `went so far as to say`. Its
    /// subject is the speaker's (`Obama was careful to note that …`); `is expected to` is
    /// not here: the expectation is someone else's.
    pub(super) fn catenative_before(&self, to_at: usize) -> Option<usize> {
        let at = |k: usize| to_at.checked_sub(k).filter(|&j| j >= self.lo);
        let went = |w: &str| matches!(w, "went" | "goes" | "go" | "going" | "gone");
        let adj = at(1)?;
        if has(BE, self.w(adj.checked_sub(1)?))
            && matches!(
                self.w(adj),
                "quick"
                    | "careful"
                    | "eager"
                    | "keen"
                    | "reluctant"
                    | "happy"
                    | "willing"
                    | "unwilling"
                    | "ready"
                    | "prepared"
                    | "loath"
                    | "loth"
            )
        {
            return Some(adj);
        }
        // `went out of his way to`
        if let Some(v) = at(5) {
            if went(self.w(v))
                && self.w(v + 1) == "out"
                && self.w(v + 2) == "of"
                && matches!(
                    self.w(v + 3),
                    "his" | "her" | "their" | "its" | "my" | "our"
                )
                && self.w(v + 4) == "way"
            {
                return Some(v);
            }
        }
        // `went so far as to`
        let v = at(4)?;
        (went(self.w(v))
            && self.w(v + 1) == "so"
            && self.w(v + 2) == "far"
            && self.w(v + 3) == "as")
            .then_some(v)
    }

    /// Where a phrase that takes the gerund of a cue at `i` starts: `resist`, `keep`, `stop`
    /// and the like right before it (`could not resist pointing out`, `keeps saying`),
    /// `stopped short of`, `made a point of`, and phrases of avoiding or deciding
    /// (`steering clear of`, `no way of`, `decided against`, `refrained from`, `shied away
    /// from`).
    pub(super) fn gerund_taker_before(&self, i: usize) -> Option<usize> {
        let at = |k: usize| i.checked_sub(k).filter(|&j| j >= self.lo);
        let v = at(1)?;
        if matches!(
            self.w(v),
            "resist"
                | "resisted"
                | "resists"
                | "keep"
                | "keeps"
                | "kept"
                | "stop"
                | "stopped"
                | "stops"
                | "quit"
                | "avoid"
                | "avoided"
                | "avoids"
                | "began"
                | "begin"
                | "begins"
                | "started"
                | "starts"
                | "continued"
                | "continues"
        ) {
            return Some(v);
        }
        // `decided against recommending`, `refrained from naming`, `shied away from
        // calling`, `steering clear of criticizing`, `no way of knowing`.
        match self.w(v) {
            "against" => {
                return at(2).filter(|&d| {
                    matches!(self.w(d), "decided" | "decide" | "decides" | "deciding")
                });
            }
            "from" => {
                return at(2)
                    .filter(|&d| self.w(d).starts_with("refrain"))
                    .or_else(|| {
                        at(3).filter(|&d| {
                            self.w(d + 1) == "away"
                                && matches!(
                                    self.w(d),
                                    "shied" | "shy" | "shies" | "shying" | "backed" | "backing"
                                )
                        })
                    });
            }
            "of" => {}
            _ => return None,
        }
        if let Some(d) = at(3).filter(|&d| {
            (self.w(d).starts_with("steer") && self.w(d + 1) == "clear")
                || (self.w(d) == "no" && self.w(d + 1) == "way")
        }) {
            return Some(d);
        }
        let short = at(3).filter(|&s| {
            self.w(s + 1) == "short"
                && matches!(self.w(s), "stopped" | "stops" | "stop" | "stopping")
        });
        short.or_else(|| {
            at(4).filter(|&m| {
                matches!(self.w(m), "made" | "makes" | "make" | "making")
                    && matches!(self.w(m + 1), "a" | "the")
                    && self.w(m + 2) == "point"
            })
        })
    }

    /// For a gerund at `i` after `by`, the verb before it that the gerund tells how, when it
    /// is a verb of speaking (`responded by saying`, `explained the headline by saying`) or
    /// opens or closes a speech (`began by saying`, `punctuated his list by saying`; not
    /// `opened his campaign by calling`, `won the nomination by promising`).
    pub(super) fn speech_verb_before_by(&self, i: usize) -> Option<usize> {
        if i <= self.lo + 1 || self.w(i - 1) != "by" {
            return None;
        }
        // (Of a speech: right before `by`, or with the speech as its object.)
        let of_speech = |v: usize| {
            let obj = self.w(i - 2);
            v + 1 == i - 1 || matches!(obj, "first" | "off" | "up") || speech_noun(obj)
        };
        (i.saturating_sub(7).max(self.lo)..i - 1).rev().find(|&v| {
            let w = self.w(v);
            !self.cap(v)
                && (w.ends_with("ed") || IRREGULAR_PAST.contains(w))
                && (self.cue_at(v).is_some_and(|c| c.class == CueClass::Speech)
                    || (opens_or_closes(w) && of_speech(v)))
                && (v + 1..i - 1).all(|m| self.kind(m) == Some(IK::Word))
        })
    }

    /// The start of the cue whose verb is at `v`, with the auxiliaries and adverbs before it
    /// (`would only`, `has also`).
    pub(super) fn cue_prefix_start(&self, mut v: usize) -> usize {
        while v > self.lo && self.is_cue_prefix(v - 1) {
            v -= 1;
        }
        v
    }

    /// The subject of a verb at `v` that takes a gerund of saying (`they could not resist
    /// pointing out`, `Cruz made a point of saying`): the noun phrase before it, or, after
    /// `and`/`but`, the sentence's subject (`Trump described …, but stopped short of
    /// calling …`).
    pub(super) fn gerund_taker_subject(&self, v: usize) -> Option<(usize, usize)> {
        if v > self.lo && matches!(self.w(v - 1), "and" | "but") {
            return self.sentence_subject(v);
        }
        // `Voters will have no way of knowing`: the verb before `no way` is the subject's.
        let mut v = v;
        if self.w(v) == "no" && v > self.lo && matches!(self.w(v - 1), "have" | "has" | "had") {
            v -= 1;
            while v > self.lo && has(&AUX, self.w(v - 1)) {
                v -= 1;
            }
        }
        self.left_np(v)
    }

    /// `Senator Ted Cruz, who last year threatened`, `Clinton this week said`: a time phrase
    /// between the subject and its verb is no subject; the noun phrase before it is.
    pub(super) fn before_time_phrase(&self, np: (usize, usize)) -> (usize, usize) {
        let t = self.time_phrase_start(np);
        if t == np.1 {
            return np;
        }
        if t > np.0 {
            // `Clinton this week`: the name before the time (but `A CBS News poll conducted
            // last week`, `a poll out Monday`: the time dates the participle, inside the
            // noun phrase).
            return if self.cap(np.0) && !self.dated_time(np.0, t) {
                (np.0, t)
            } else {
                np
            };
        }
        if np.0 <= self.lo {
            return np;
        }
        // `A poll conducted last week`, `a poll released on Tuesday`: the time dates the
        // participle of the noun phrase before it, and belongs to it (a noun before the
        // participle, and a time with a noun in it: not `another posted this`).
        let noun_of_time = (np.0..np.1).any(|k| {
            let w = self.w(k);
            has(TIME_WORDS, w.trim_end_matches('s')) || is_day(w) || is_month(w)
        });
        if noun_of_time && self.dated_time(self.lo, np.0) {
            let on = self.w(np.0 - 1) == "on";
            let participle = if on { np.0 - 2 } else { np.0 - 1 };
            if let Some(head) = self.left_np(participle + 1).filter(|h| h.0 < participle) {
                return (head.0, np.1);
            }
        }
        self.left_np(np.0).unwrap_or(np)
    }

    /// Where the time phrase at the end of `np` starts (`np.1` when there is none): the words
    /// that tell a time (`The Times` is a newspaper, not a time).
    pub(super) fn time_phrase_start(&self, np: (usize, usize)) -> usize {
        let timely = |k: usize| {
            let w = self.w(k);
            (!self.cap(k) && time_word(w)) || is_day(w) || (is_month(w) && w != "may")
        };
        let mut t = np.1;
        while t > np.0 && timely(t - 1) {
            t -= 1;
        }
        t
    }

    /// Whether the time phrase at `t` (inside a phrase from `from`) dates the participle
    /// before it: `released Saturday`, `released on Tuesday`, `conducted last week`, `out
    /// Monday`.
    pub(super) fn dated_time(&self, from: usize, t: usize) -> bool {
        t > from
            && (self.dated_before(t)
                || (self.w(t - 1) == "on" && t - 1 > from && self.dated_before(t - 1)))
    }

    /// `Maria Lopez of the Urban Institute`, `Rep. Tim Ryan of Ohio`, `Shaheda Begum of
    /// Ishwaripur village`: a person's name before `of` and where they are from or work. The
    /// name names the speaker; `Secretary of State`, `Bank of America` and `The University of
    /// Texas` are titles and names of their own.
    pub(super) fn person_of_place(&self, src: (usize, usize)) -> Option<(usize, usize)> {
        let (s, e) = src;
        let of = (s + 1..e).find(|&k| self.w(k) == "of")?;
        let words: Vec<&str> = (s..of).map(|k| self.w(k)).collect();
        let all_names = (s..of).all(|k| self.kind(k) == Some(IK::Word) && self.cap(k));
        (all_names && crate::entities::names_person_before_of(&words)).then_some((s, of))
    }

    /// The source after `according to`: any noun phrase, lowercase ones included
    /// (`according to exit polls`, `according to people familiar with the talks`), up to
    /// the punctuation that ends it.
    pub(super) fn according_source(&self, start: usize) -> Option<(usize, usize)> {
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

    pub(super) fn according(&self, i: usize) -> Option<Cand> {
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

    /// Adjectives of believing and fearing with a clause: `Republicans are convinced that
    /// …`, `the senator is confident the bill will pass`, `aides remain hopeful that …`,
    /// `investors are worried that …`, `I'm sure he will win`. The one who holds the belief
    /// is the subject (not what is judged, as for the passive `were considered`); the cue
    /// is the copula with the adjective.
    pub(super) fn attitude_adjective(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // `was eager to make his mark` (a wish, with no verb of saying after it: `eager to
        // say` is a cue of its own), `has been critical of Mr. Trump`, `skeptical of`.
        let wish = w == "eager"
            && self.w(i + 1) == "to"
            && self.kind(i + 2) == Some(IK::Word)
            && !self.cap(i + 2)
            && self.cue_at(i + 2).is_none();
        let judges = matches!(w, "critical" | "skeptical" | "sceptical" | "supportive")
            && matches!(self.w(i + 1), "of" | "about")
            && self.kind(i + 2) == Some(IK::Word);
        let believes = matches!(
            w,
            "convinced"
                | "confident"
                | "sure"
                | "certain"
                | "hopeful"
                | "optimistic"
                | "pessimistic"
                | "skeptical"
                | "sceptical"
                | "doubtful"
                | "adamant"
                | "worried"
                | "concerned"
                | "afraid"
                | "fearful"
                | "aware"
                | "unconvinced"
                | "persuaded"
        );
        if !(wish || judges || believes) || (self.cap(i) && i != self.lo) {
            return None;
        }
        // The copula, across adverbs (`is now fully convinced`); a pronoun with its copula
        // glued on (`I'm sure`) is both.
        let mut b = i;
        while b > self.lo
            && (ly_adverb(self.w(b - 1))
                || matches!(
                    self.w(b - 1),
                    "not"
                        | "very"
                        | "so"
                        | "now"
                        | "still"
                        | "also"
                        | "all"
                        | "quite"
                        | "more"
                        | "less"
                        | "fully"
                        | "already"
                        | "increasingly"
                ))
        {
            b -= 1;
        }
        let copula = b.checked_sub(1).filter(|&v| v >= self.lo)?;
        let cw = self.w(copula);
        let glued = cw.contains(['\'', '\u{2019}']) && is_personal_subject(cw);
        if !(glued
            || has(BE, cw)
            || matches!(
                cw,
                "remain"
                    | "remains"
                    | "remained"
                    | "feel"
                    | "feels"
                    | "felt"
                    | "became"
                    | "become"
                    | "grew"
            ))
        {
            return None;
        }
        // What is believed: a `that` clause, or a clause with a subject of its own; what is
        // wished (`to …`); who or what is judged (`of …`, the preposition in the cue).
        let k = i + 1;
        let nx = self.w(k);
        let clause = nx == "that"
            || (self.kind(k) == Some(IK::Word)
                && (is_personal_subject(nx) || (has(&DETS, nx) && nx != "that"))
                && (k + 1..(k + 6).min(self.hi)).any(|m| self.verb_at(m)));
        if !(clause || wish || judges) {
            return None;
        }
        let (k, e) = if judges {
            (k + 1, self.np_object_end(k + 1))
        } else {
            (k, self.clause_end(k))
        };
        if e <= k + usize::from(!judges) {
            return None;
        }
        let mut c0 = copula;
        while c0 > self.lo && self.is_cue_prefix(c0 - 1) {
            c0 -= 1;
        }
        let src = if glued {
            Some((copula, copula + 1))
        } else {
            self.left_np(c0)
                .filter(|np| !(np.1 == np.0 + 1 && matches!(self.w(np.0), "it" | "there")))
        }?;
        let cue0 = if glued { copula + 1 } else { c0 };
        let cue1 = if judges { i + 2 } else { i + 1 };
        Some(Cand::new(
            (cue0, cue1),
            src,
            (k, e),
            CueClass::Attitude,
            self.si,
        ))
    }

    /// Raising verbs of appearance: `Clinton still seems not to have found a voice`, `it
    /// appeared that …`, `the plan looks like a trap`. The judgement is the writer's (or
    /// nobody's), so there is no source; what is judged is the subject together with its
    /// predicate, as PARC annotates it.
    pub(super) fn raising(&self, i: usize) -> Option<Cand> {
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
                    return Some(Cand::new((c0, c1), src, content, info.class, self.si));
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
    pub(super) fn transcript_cue(&self) -> Option<Cand> {
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
        Some(Cand::new(
            (k, k + 1),
            (self.lo, k),
            (k + 1, e),
            CueClass::Speech,
            si,
        ))
    }

    /// `The hackers have reportedly infiltrated …`, `who allegedly paid …`: an adverb of
    /// hearsay attributes the clause to unnamed sources. What is reported is the subject
    /// (with its auxiliary) and the predicate around the adverb; there is no source.
    pub(super) fn hearsay_adverb(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn name_list(&self, k: usize) -> bool {
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
    pub(super) fn is_dateline(&self, k: usize) -> bool {
        let st = self.a.sents[self.si];
        let first = self.si == 0 || self.a.sents[self.si - 1].para != st.para;
        first && !st.title && st.para < 3 && self.caps_labels < 2 && !self.is_quote(k + 1)
    }

    /// `“…” ― Sonya Herridge`, `"…" — Maria Lopez, a nurse in Queens`: a quotation signed
    /// with a dash and a name, as pull quotes, epigraphs, readers' answers and embedded posts
    /// are. The sentence is the quotation, the dash and the signature, nothing else; the
    /// signature opens with a capitalised word and is short, so that a dash before a clause
    /// (`"…" — and then he left`) is not one.
    pub(super) fn signature_cue(&self) -> Option<Cand> {
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

    pub(super) fn colon_cue(&self) -> Option<Cand> {
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
        // `Continued Stone: "…"`, `Said Comey: "…"`: an inverted verb of saying and its
        // subject, read by the verb's rule; the verb is no part of a name.
        if name_end > lo + 1
            && self.cue_at(lo).is_some_and(|c| {
                c.form == CueForm::Finite && c.class == CueClass::Speech && c.lemma != self.w(lo)
            })
        {
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
}
