//! The central rule: one verb of saying and the attribution it heads (source, cue, content),
//! with the many shapes of news sentences around it.

use super::*;

impl<'a> Rules<'a> {
    pub(super) fn attribute(&self, i: usize, mut info: CueInfo, first_here: usize) -> Option<Cand> {
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
        // `A source familiar with Cruz's thinking said …`: after a possessive or an article
        // the word is a noun, and a verb of saying right after it has it at the end of its
        // subject; the verb is the cue.
        if info.particle.is_none()
            && i > self.lo
            && (self.w(i - 1).ends_with("'s") || has(&DETS, self.w(i - 1)))
            && self
                .cue_at(i + 1)
                .is_some_and(|c| c.form == CueForm::Finite && c.lemma != self.w(i + 1))
            && !self.cap(i + 1)
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
        // `laughed and said`, `smiled and added`: the manner of speaking is part of the cue.
        if c0 >= self.lo + 2
            && self.w(c0 - 1) == "and"
            && info.form == CueForm::Finite
            && info.class == CueClass::Speech
            && manner_of_speaking(self.w(c0 - 2))
        {
            c0 = self.cue_prefix_start(c0 - 2);
        }
        let mut c1 = i + 1 + usize::from(info.particle.is_some());
        // `spoke favorably of`: the particle after an adverb of manner (see `cue_at`).
        if info.particle.is_some_and(|p| p != self.w(i + 1)) {
            c1 = i + 3;
        }
        let prev = if i > self.lo { self.w(i - 1) } else { "" };
        // `Having said that he would not run again, the senator …`: a perfect participle
        // opens an adjunct as `Stating that …` does; `Having` is part of the cue, not its
        // subject.
        let mut participle_opener = c0 == i && prev == "having" && info.past_participle;
        if participle_opener {
            c0 = i - 1;
        }
        if info.form == CueForm::Noun {
            return self.noun_cue(i, info);
        }
        // `continued to complain that`, `went on to say`, `began to argue`: an aspectual
        // verb before the infinitive is part of the cue, and its subject speaks.
        if c0 == i && prev == "to" && i >= self.lo + 2 && info.form == CueForm::Finite {
            let v = self.w(i - 2);
            let start = if aspectual_verb(v) {
                Some(i - 2)
            } else if v == "on"
                && i >= self.lo + 3
                && matches!(self.w(i - 3), "went" | "goes" | "go" | "going" | "gone")
            {
                Some(i - 3)
            } else {
                self.catenative_before(i - 1)
            };
            if let Some(mut st) = start {
                // `…," Sanders said, going on to say that …`: an aspectual participle opens
                // an adjunct as `adding that` does, and takes the main clause's subject.
                participle_opener = self.w(st).ends_with("ing");
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
        if is_day(self.w(c1)) && self.w(c1) != "tonight" {
            c1 += 1;
            if matches!(self.w(c1), "night" | "morning" | "afternoon" | "evening") {
                c1 += 1;
            }
        } else if matches!(self.w(c1), "last" | "this")
            && matches!(
                self.w(c1 + 1),
                "week" | "month" | "year" | "weekend" | "spring" | "summer" | "fall" | "winter"
            )
        {
            // `said last month`, `said this week`: as a bare day, the time of the saying.
            c1 += 2;
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
        if self.w(c1) == "on" && channel_word(self.w(c1 + 1)) {
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
                    // `during a rally in Kenansville, N.C.,`: where the occasion was.
                    if self.w(c1) == "in" && self.cap(c1 + 1) && self.w(c1 - 1) != "in" {
                        let mut e = c1 + 1;
                        while e < self.hi
                            && e < c1 + 6
                            && (self.cap(e)
                                || (self.punct(e, ',')
                                    && self.cap(e + 1)
                                    && self.w(e + 1).ends_with('.')))
                        {
                            e += 1;
                        }
                        // (Only where the clause ends there: `in Macau, the world's largest
                        // gambling hub, …` goes on about the place.)
                        let ends = e >= self.hi
                            || self.w(e) == "that"
                            || (self.is_punct(e) && !self.punct(e, ','))
                            || (self.punct(e, ',') && (e + 1 >= self.hi || self.is_quote(e + 1)));
                        if ends {
                            c1 = e;
                        }
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
        // (`was quick to add`: the `be` is the adjective's, before the infinitive.)
        let prefix_be = (c0..i).any(|m| has(BE, self.w(m))) && !(c0 < i && self.w(i - 1) == "to");
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
            // `Asked about the bombing, …`: the preposition goes with the verb.
            if rc.0 == c1 + 1 && matches!(self.w(c1), "about" | "on" | "if") {
                cand.cue.1 = rc.0;
            }
            return Some(cand);
        }
        let participial = (info.form == CueForm::Participle || participle_opener)
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
        // `Seeing his brother suffering led him to avoid alcohol, he said.`: a gerund that
        // opens a sentence reported by an attribution at its end is the subject of the verb
        // after it, not a participle.
        // (A participle of saying takes a clause: `Noting he majored in philosophy, Allen
        // said.`)
        if participial
            && c0 == self.lo
            && info.class != CueClass::Speech
            && info.particle.is_none()
            && self.gerund_before_closing_attribution(c1)
        {
            return None;
        }
        if participial {
            let rc = self.right_content(c1, &info)?;
            cand.content.push(rc);
            // `responded by saying`, `began by saying`: the verb the gerund tells how is
            // part of the cue.
            if let Some(v) = (c0 == i).then(|| self.speech_verb_before_by(i)).flatten() {
                cand.cue.0 = self.cue_prefix_start(v);
            }
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
            // `more than 200 threatening messages`: after a number the participle is an
            // adjective.
            let nx = self.w(c1);
            let noun_next = self.kind(c1) == Some(IK::Word)
                && !self.cap(c1)
                && !matches!(
                    nx,
                    "that" | "to" | "whether" | "if" | "how" | "what" | "why"
                )
                && !has(&DETS, nx)
                && !has(&PREPS, nx)
                && !has(OBJ_PRONOUNS, nx)
                && !has(&SUBJ_PRONOUNS, nx);
            if c0 == i && i > self.lo && self.kind(i - 1) == Some(IK::Num) && noun_next {
                return None;
            }
            // `a statement saying that`: the noun before it is the source (before the year
            // in `a lawsuit in 2013 alleging that`).
            let dated = c0 >= self.lo + 3
                && self.w(c0 - 2) == "in"
                && self.kind(c0 - 1) == Some(IK::Num)
                && is_year(self.w(c0 - 1));
            let mut np = self.left_np(if dated { c0 - 2 } else { c0 });
            let rc = self.right_content(c1, &info)?;
            // `Trump issued a statement saying …`, `Her campaign blasted out an email to
            // supporters stating …`: the issuer speaks through the document; the verb that
            // issues it is part of the cue.
            if let Some((v, subj)) = self.document_issuer(c0) {
                cand.cue.0 = v;
                np = Some(subj);
            }
            // `they could not resist pointing out …`, `stopped short of calling …`, `Cruz
            // made a point of saying …`: the phrase taking the gerund is part of the cue, and
            // its subject speaks.
            if let Some(v) = (c0 == i).then(|| self.gerund_taker_before(i)).flatten() {
                let v = self.cue_prefix_start(v);
                cand.cue.0 = v;
                np = self.gerund_taker_subject(v);
            }
            // `steering clear of criticizing`, `held in contempt of Congress for refusing`:
            // a gerund after a preposition has no noun phrase of its own before it; the one
            // found runs into that preposition and is no source.
            let prep = |w: &str| preposition(w) && w != "to";
            // (With no noun phrase there at all, only a subject followed by its verb is
            // taken: `Rather than …` and headlines name no one.)
            if c0 > self.lo && prep(self.w(c0 - 1)) && np.is_none_or(|np| np.1 == c0) {
                let had = np.is_some();
                np = self.object_blamed_for(c0).or_else(|| {
                    self.sentence_subject(c0).filter(|s| {
                        had || self.verb_at(s.1)
                            || self.finite_cue_at(s.1)
                            || (ly_adverb(self.w(s.1)) && self.verb_at(s.1 + 1))
                    })
                });
            }
            cand.source = np;
            cand.content.push(rc);
            return Some(cand);
        }
        // `As reported by Western Journalism, investigators found …`; `As stated in Davis'
        // commentary, there are …`: the document it was stated in speaks.
        let as_passive = passive
            && c0 == self.lo + 2
            && self.w(self.lo) == "as"
            && (c0..i).all(|m| has(BE, self.w(m)))
            || (c0 == self.lo + 1 && self.w(self.lo) == "as" && info.past_participle);
        // (`As noted in the report,`: the cue took the medium in; the report is the source.)
        let medium_in_cue = (c0..c1)
            .find(|&k| self.w(k) == "in")
            .filter(|_| self.punct(c1, ','));
        let by_or_in = (matches!(self.w(c1), "by" | "in")).then_some(c1 + 1);
        if let Some(src) = as_passive
            .then(|| by_or_in.or(medium_in_cue.map(|k| k + 1)))
            .flatten()
            .and_then(|s| self.np_before_comma(s))
        {
            if let Some(k) = medium_in_cue.filter(|_| by_or_in.is_none()) {
                cand.cue.1 = k;
            }
            let s0 = src.1 + 1;
            let e = self.clause_end(s0);
            if e > s0 + 1 {
                cand.source = Some(src);
                cand.content.push((s0, e));
                return Some(cand);
            }
        }
        // `…, as first reported by the New York Times on Tuesday.`, `The nationwide
        // campaign, first reported by The Washington Post, is a key element …`: a participle
        // of reporting with its agent, set off by a comma, reports the clause around it.
        if let Some(cand) = (info.past_participle && !passive && self.w(c1) == "by")
            .then(|| self.reported_by_aside(c0, c1, &cand))
            .flatten()
        {
            return Some(cand);
        }
        // `can be found here`, `was offered the job`: a thing located or given, not a
        // finding or an offer reported.
        if passive && matches!(info.lemma, "find" | "offer") {
            return None;
        }
        // `The study was published in JAMA`, `This material may not be published`: what is
        // published is a text, not a claim reported.
        if passive && matches!(info.lemma, "publish" | "broadcast" | "print" | "air") {
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
            // `his plan calls for rates that rise`: a determiner and a noun, then the verb
            // with its particle.
            // (Inflected: `an unprompted call for`, `a wake-up call for` are nouns.)
            let determined_noun = info.particle.is_some()
                && self.w(i) != info.lemma
                && i >= self.lo + 2
                && self.kind(i - 1) == Some(IK::Word)
                && !p.ends_with("'s")
                && !has(&PREPS, p)
                && (has(&DETS, self.w(i - 2)) || self.w(i - 2).ends_with("'s"));
            let subj = has(&SUBJ_PRONOUNS, p)
                || has(SOURCE_NOUNS, p)
                || after_aside
                || determined_noun
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
            let tells = tells_someone(info.lemma);
            // A verb with its particle (`called for`, `pointed to`) takes an object after it,
            // never an inverted subject: `…, called for an immediate ceasefire`.
            // Only verbs of saying proper invert their subject (`…, said Smith`, `…, wrote
            // Jones`); after `denied`, `announced` or `rejected` the noun phrase is the object
            // (`A spokesman, speaking on condition of anonymity, denied the report`).
            let may_invert = info.class == CueClass::Speech
                && matches!(
                    info.lemma,
                    "say"
                        | "write"
                        | "add"
                        | "tweet"
                        | "reply"
                        | "declare"
                        | "ask"
                        | "continue"
                        | "explain"
                        | "note"
                        | "recall"
                        | "insist"
                        | "warn"
                        | "argue"
                        | "respond"
                        | "counter"
                        | "conclude"
                        | "quip"
                        | "muse"
                        | "interject"
                        | "scoff"
                        | "gush"
                        | "marvel"
                        | "confess"
                        | "opine"
                        | "joke"
                        | "state"
                        | "observe"
                        | "remark"
                        | "comment"
                        | "post"
                        | "exclaim"
                        | "shout"
                        | "cry"
                        | "concede"
                        | "admit"
                        | "acknowledge"
                )
                && !tells
                && info.particle.is_none()
                && !(c0..i).any(|m| has(&AUX, self.w(m)));
            let inverted_np = self
                .right_np(c1)
                .filter(|_| may_invert && !self.subject_and_aside_only(comma))
                // `…, said he "appreciates …"` has its clause after the pronoun: an inverted
                // subject is closed by punctuation (`said Smith, "…"`), not by a quotation.
                .filter(|&(_, e)| e >= self.hi || self.is_punct(e) && !self.punct(e, ':'))
                // `…, tweeted this: "…"`: what was tweeted, not who tweeted.
                .filter(|&(s0, e)| {
                    !(e == s0 + 1 && matches!(self.w(s0), "this" | "that" | "these" | "it"))
                })
                // `John Smith, Democrat of Ohio and chairman of the panel, said the plan
                // failed`: a clause with its verb, not an inverted subject.
                .filter(|&(s0, e)| !(e > s0 + 1 && !self.cap(e - 1) && self.verb_at(e - 1)))
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
            // `Legislative leaders in North Carolina, for instance, noted that …`: a
            // connective between commas is nobody's; the subject is all before it.
            let connective_subject = q
                .filter(|&qc| self.punct(qc, ',') && self.connective_between(qc + 1, comma))
                .and_then(|qc| self.plain_subject(qc));
            if let Some(np) = connective_subject {
                cand.source = Some(np);
                found = true;
            } else if let Some(np) = inverted_np {
                cand.source = Some(self.extend_appositive(np));
                found = true;
                inverted = true;
            } else if let Some((q, np)) = self.subject_before_aside(comma, q) {
                {
                    let fw = self.w(q + 1);
                    let appositive = has(&DETS, fw)
                        // `, assistant secretary of state for …,` (not `, and the meeting`)
                        || (fw != "and" && self.appositive_at(q))
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
                    // `"…," Sarah Warbelow, legal director for …, said in a statement.`, or
                    // `… said over the phone.`
                    _ if self.is_quote(self.lo)
                        && (c1 >= self.hi || self.is_punct(c1) || self.closing_adjunct(c1))
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
        } else if let Some((np, src, rc)) = self
            .subject_before_parens(c0)
            // (Only a subject that opens the sentence, with a clause after the cue: `"…,"
            // Rep. Gwen Moore (D-Wis.) said Friday` is read below.)
            .filter(|(np, _)| np.0 == self.lo)
            .and_then(|(np, src)| Some((np, src, self.right_content(c1, &info)?)))
        {
            // `Murphy (a Connecticut Democrat …) says …`: the name speaks.
            cand.source = Some(src);
            cand.head = Some(np);
            cand.content.push(rc);
            return Some(cand);
        } else if c0 > self.lo + 2
            && self.is_quote(c0 - 1)
            && matches!(
                self.w(c0 - 2),
                "as" | "called"
                    | "dubbed"
                    | "nicknamed"
                    | "named"
                    | "titled"
                    | "itself"
                    | "himself"
                    | "herself"
                    | "themselves"
            )
            && (self.cap(self.lo) || has(&DETS, self.w(self.lo)))
            && (self.lo..c0 - 2).any(|m| self.punct(m, ','))
        {
            // `Marcel Lehel, the hacker known as "Guccifer," stated that …`: a name in
            // quotation marks closes an aside of the subject; it is not what was said. The
            // subject is the noun phrase before the aside's comma (after any fronted
            // adjunct: `During an interview with NBC, Marcel Lehel, the hacker …`).
            let start = (self.lo..c0 - 2)
                .rev()
                .find(|&m| self.punct(m, ','))
                .and_then(|comma| self.left_np(comma))
                .map_or(self.lo, |np| np.0);
            cand.source = Some((start, c0));
            cand.content.push(self.right_content(c1, &info)?);
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
            if (self.punct(e, ',') || self.punct(e, ':')) && self.is_quote(e + 1) {
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
            // `The state officials whose laws have been invalidated say …`: a subject with a
            // relative clause of its own right before the verb.
            let relative_subject = self.subject_with_relative_clause(c0);
            if let Some(src) = relative_subject {
                cand.source = Some(src);
            }
            match self
                .left_np(c0)
                .map(|np| self.before_time_phrase(np))
                .filter(|_| relative_subject.is_none())
            {
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
                None if relative_subject.is_some() => {}
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
        // `the marchers, whom he described as "peaceful,"`, `what they described as a
        // liberal news media`, `the server, which he called "an open orchid,"`: the object of
        // a verb of naming is the relative pronoun before its subject, and what it was
        // called follows the verb.
        let naming = matches!(
            info.lemma,
            "describe" | "call" | "dub" | "label" | "brand" | "portray" | "characterize"
        ) && info.particle.is_none();
        let object_relative = src_start > self.lo
            && match self.w(src_start - 1) {
                "which" | "whom" | "what" => true,
                // (`that` is a relative pronoun only with the gap plain to see: `a plan that
                // he described as …`, not `that he had described his views`.)
                "that" => {
                    src_start >= self.lo + 2
                        && self.kind(src_start - 2) == Some(IK::Word)
                        && self.cue_at(src_start - 2).is_none()
                        && !has(&AUX, self.w(src_start - 2))
                        && (self.w(c1) == "as" || self.is_quote(c1))
                }
                _ => false,
            };
        // (`whom he would first call to put together an alliance`: calling on someone.)
        if naming
            && self.w(c1) != "to"
            && (self.w(c1) == "as"
                || !matches!(info.lemma, "describe" | "portray" | "characterize"))
            && object_relative
            && cand.source.is_some()
            && matches!(self.kind(c1), Some(IK::Word | IK::Quote(_)))
            && !has(OBJ_PRONOUNS, self.w(c1))
        {
            let mut e = self.clause_end(c1);
            // A quotation is all of the name; a relative clause set off by a comma ends at
            // the next one (`The server, which he called "an open orchid," was hacked`).
            let quotation = if self.is_quote(c1) {
                Some(c1)
            } else {
                (self.w(c1) == "as" && self.is_quote(c1 + 1)).then_some(c1 + 1)
            };
            if let Some(q) = quotation {
                e = e.min(q + 1);
            } else if src_start >= self.lo + 2 && self.punct(src_start - 2, ',') {
                if let Some(k) = (c1 + 1..e).find(|&k| self.punct(k, ',')) {
                    e = k;
                }
            }
            if e > c1 {
                cand.content.push((src_start - 1, src_start));
                cand.content.push((c1, e));
                return Some(cand);
            }
        }
        // After the quotation, a `that` followed by its verb is a relative pronoun
        // (`"…," Merkel told reporters after the meeting that was held on a boat`).
        let rc = self.right_content(c1, &info).filter(|rc| {
            !quote_before
                || self.is_quote(rc.0)
                || (self.w(rc.0) == "that"
                    && rc.1 >= rc.0 + 4
                    && !has(&AUX, self.w(rc.0 + 1))
                    && !has(&IRREGULAR_PAST, self.w(rc.0 + 1)))
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
            let mut e = self.clause_end(c1);
            // `The report, which the ministry said was flawed, was withdrawn`: a relative
            // clause set off by commas ends at its closing comma, where the main clause's
            // verb resumes.
            if src_start >= self.lo + 2 && self.punct(src_start - 2, ',') {
                if let Some(k) = (c1 + 1..e).find(|&k| self.punct(k, ',') && self.verb_at(k + 1)) {
                    e = k;
                }
            }
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
        // (`…, the rise of Donald Trump, who had talked about …`: what comes before a
        // relative pronoun is its antecedent's clause, never what the pronoun said.)
        let relative_source = cand
            .source
            .is_some_and(|(s, e)| e == s + 1 && matches!(self.w(s), "who" | "which" | "whom"));
        if src_start > self.lo
            && !relative_source
            && (self.punct(src_start - 1, ',')
                || self.is_quote(src_start - 1)
                || self.punct(src_start - 1, '—'))
        {
            let upto = if self.is_quote(src_start - 1) {
                src_start
            } else {
                src_start - 1
            };
            // `In recent days, advisers to the president say, he has grown …`: only when it
            // was said.
            let only_adverbial = {
                let mut k = self.lo;
                while k < upto
                    && (self.is_punct(k) || matches!(self.w(k), "but" | "and" | "so" | "yet"))
                {
                    k += 1;
                }
                let w = self.w(k);
                let opener = (has(&PREPS, w)
                    && matches!(
                        w,
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "since"
                            | "over"
                            | "within"
                            | "following"
                    ))
                    || matches!(w, "earlier" | "later" | "recently")
                    // `Last week,`, but `This, he said, makes it …`
                    || (matches!(w, "last" | "this")
                        && (has(TIME_WORDS, self.w(k + 1).trim_end_matches('s'))
                            || is_day(self.w(k + 1))
                            || is_month(self.w(k + 1))));
                opener
                    && (k + 1..upto).all(|m| {
                        let word = matches!(
                            self.kind(m),
                            Some(IK::Word | IK::Num) | Some(IK::Punct(','))
                        );
                        word && !self.verb_at(m)
                            && !has(&CLAUSE_WORDS, self.w(m))
                            && self.cue_at(m).is_none()
                    })
            };
            // `Instead, Trump told CNN, his policy would …`: the one told sits between the
            // cue and the comma where what was said goes on.
            // (After a quotation the words past that comma tell about the one told: `"…,"
            // Clinton told the man, a state representative`.)
            let resume = if self.is_quote(src_start - 1) {
                c1
            } else {
                self.comma_after_addressee(c1, &info)
            };
            if !only_adverbial {
                if let Some(lc) = self.left_content(upto) {
                    cand.content.push(lc);
                    if let Some(rest) = self.continuation(resume) {
                        cand.content.push(rest);
                    }
                    return Some(cand);
                }
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
            if only_connective || only_adverbial {
                if let Some(rest) = self.continuation(resume) {
                    cand.content.push(rest);
                    return Some(cand);
                }
            }
            return None;
        }
        // `As Joel Pollak observed, the biggest victor …`, `As Clinton told the New York
        // Daily News, tax relief is …`
        let as_comma = self.comma_after_addressee(c1, &info);
        if src_start > self.lo && self.w(src_start - 1) == "as" && self.punct(as_comma, ',') {
            let s = as_comma + 1;
            let e = self.clause_end(s);
            if e > s {
                cand.content.push((s, e));
                return Some(cand);
            }
        }
        // `…, as some have speculated.`, `…, as the Times reported on Sunday.`: the clause
        // before the comma (the last one, when a main clause follows an earlier comma:
        // `… echo her concerns, because while …, the primary requirement is …, as a memo
        // put it`).
        // (A quotation that ends in the comma is what was said: `is a "lawful source of
        // investment income," as a memo put it`.)
        let quote_comma = src_start > self.lo + 1
            && matches!(self.kind(src_start - 2), Some(IK::Quote(f)) if self.a.frags[f].last == Some(','));
        if src_start > self.lo + 1
            && self.w(src_start - 1) == "as"
            && (self.punct(src_start - 2, ',') || quote_comma)
            && (c1 >= self.hi || self.is_punct(c1) || self.circumstance_to_end(c1))
        {
            let upto = if quote_comma {
                src_start - 1
            } else {
                src_start - 2
            };
            if let Some(mut lc) = self.left_content(upto) {
                // (Not an appositive: `Rahm Emanuel, his chief of staff, urged …`; its
                // clause has a verb before the next comma.)
                // (A conjunction after the comma is not part of it: `…, but the main
                // requirement is …`.)
                let opens = |k: usize| {
                    if matches!(self.w(k), "but" | "and" | "yet") {
                        k + 1
                    } else {
                        k
                    }
                };
                if let Some(k) = (lc.0 + 2..lc.1.saturating_sub(2)).rev().find(|&k| {
                    let c = opens(k + 1);
                    (self.punct(k, ',') || self.punct(k, '—') || self.punct(k, '-'))
                        && self.main_clause_at(c)
                        && !self.is_quote(c)
                        && (c + 1..lc.1)
                            .take_while(|&m| !self.punct(m, ','))
                            .any(|m| self.verb_at(m))
                }) {
                    lc.0 = opens(k + 1);
                }
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
}

impl Rules<'_> {
    /// After `told`, `assured`, `reminded` at `c1`: the comma that closes the one told
    /// (`told CNN,`, `told The Washington Post,`, `told reporters,`); otherwise `c1`.
    fn comma_after_addressee(&self, c1: usize, info: &CueInfo) -> usize {
        if !tells_someone(info.lemma) || info.particle.is_some() {
            return c1;
        }
        let comma = (c1 + 1..(c1 + 7).min(self.hi)).find(|&k| self.is_punct(k));
        match comma {
            Some(k)
                if self.punct(k, ',')
                    && (c1..k).all(|m| {
                        matches!(self.kind(m), Some(IK::Word))
                            && !has(&CLAUSE_WORDS, self.w(m))
                            && !has(&PREPS, self.w(m))
                            && !self.verb_at(m)
                            && self.cue_at(m).is_none()
                    }) =>
            {
                k
            }
            _ => c1,
        }
    }

    /// The subject that opens the sentence and ends in a relative clause with a verb of its
    /// own, right before the cue at `c0`: `The state officials whose laws have been
    /// invalidated say`, `Supporters who attended the rally said`.
    fn subject_with_relative_clause(&self, c0: usize) -> Option<(usize, usize)> {
        let r = (c0.saturating_sub(12).max(self.lo + 1)..c0)
            .rev()
            .take_while(|&m| matches!(self.kind(m), Some(IK::Word | IK::Num)))
            .find(|&m| matches!(self.w(m), "who" | "whose"))?;
        let verb = (r + 1..c0).any(|m| self.verb_at(m) || self.finite_cue_at(m));
        let clause_word = (r + 1..c0).any(|m| has(&CLAUSE_WORDS, self.w(m)));
        if !verb || clause_word || c0 < r + 3 {
            return None;
        }
        let np = self.left_np(r)?;
        let opens = np.0 == self.lo
            || (np.0 == self.lo + 1 && matches!(self.w(self.lo), "but" | "and" | "yet" | "so"));
        // (`Even Republicans who have praised him warned`: the adverb is not the source's.)
        let s = np.0 + usize::from(matches!(self.w(np.0), "even" | "only" | "also" | "just"));
        (opens && np.1 == r && s < r).then_some((s, c0))
    }

    /// Whether the words from `c1` run, with a finite verb and no comma, to a comma followed
    /// by an attribution that ends the sentence (`… led him to avoid alcohol, he said.`).
    fn gerund_before_closing_attribution(&self, c1: usize) -> bool {
        let Some(m) = (c1..self.hi).find(|&x| self.is_punct(x) || self.is_quote(x)) else {
            return false;
        };
        // (`criticism over perceived inconsistencies`: after a preposition or an article the
        // participle is an adjective.)
        let verb = (c1 + 1..m).any(|x| {
            let before = self.w(x - 1);
            self.verb_at(x)
                && !has(&CLAUSE_WORDS, before)
                && !has(&PREPS, before)
                && !has(&DETS, before)
        });
        // (`Saying that the plan failed, …`: a clause inside the participle's object.)
        let clause_word = (c1..m).any(|x| {
            has(&CLAUSE_WORDS, self.w(x))
                && !matches!(self.w(x), "and" | "or" | "but" | "nor" | "yet" | "so")
        });
        verb && !clause_word
            && self.punct(m, ',')
            && self.np_then_cue(m + 1)
            && (m + 1..self.hi).all(|x| !self.is_punct(x) || x + 1 >= self.hi)
    }

    /// The attribution of `…, as first reported by X.` (the clause before the comma) or of
    /// `NP, first reported by X, VP` (the clause around the aside), with cue `c0..c1` and
    /// `by` at `c1`.
    fn reported_by_aside(&self, c0: usize, c1: usize, cand: &Cand) -> Option<Cand> {
        // (`accused by the Turkish government of coordinating …`: what the agent did is no
        // part of it.)
        let agent = self
            .right_np(c1 + 1)
            .filter(|&(s, e)| (s..e).all(|m| self.cap(m) || !self.w(m).ends_with("ing")))?;
        let mut cand = cand.clone();
        cand.source = Some(agent);
        let after = agent.1;
        if c0 >= self.lo + 2 && self.w(c0 - 1) == "as" && self.punct(c0 - 2, ',') {
            let ends = after >= self.hi || self.is_punct(after) || self.circumstance_to_end(after);
            // (`"…," Carson noted in an interview, as reported by BuzzFeed News`: a clause
            // with an attribution of its own is that one's.)
            let lc = self
                .left_content(c0 - 2)
                .filter(|lc| ends && !(lc.0..lc.1).any(|m| self.cue_at(m).is_some()))?;
            // Only the clause after a colon: `Pieces … have shifted into their general
            // election gear: the main super PAC started reserving ad time …`.
            let lc = match (lc.0..lc.1)
                .rev()
                .find(|&m| self.punct(m, ':') || self.punct(m, ';'))
            {
                Some(m) if m + 2 < lc.1 => (m + 1, lc.1),
                _ => lc,
            };
            cand.content.push(lc);
            return Some(cand);
        }
        if c0 > self.lo && self.punct(c0 - 1, ',') {
            let comma = if self.punct(after, ',') {
                after
            } else {
                self.circumstance_then_comma(after)?
            };
            let np = self.left_np(c0 - 1).filter(|np| np.0 == self.lo)?;
            let e = self.clause_end(comma + 1);
            if e > comma + 1 && self.verb_at(comma + 1) {
                cand.content.push(np);
                cand.content.push((comma + 1, e));
                return Some(cand);
            }
        }
        None
    }

    /// For a gerund at `g` after `for`: the object of a verb of praise or blame before it,
    /// who did what the gerund says (`thanked the mayor on Twitter for backing`, `held the
    /// aide in contempt for refusing`); `apologized for suggesting` has none.
    fn object_blamed_for(&self, g: usize) -> Option<(usize, usize)> {
        if g < self.lo + 3 || self.w(g - 1) != "for" {
            return None;
        }
        let v = (self.lo..g - 2).rev().take(8).find(|&v| {
            let w = self.w(v);
            [
                "thank", "blame", "prais", "criticiz", "fault", "accus", "attack", "slam",
                "credit", "applaud", "commend", "condemn", "punish", "chastis", "scold", "rebuk",
                "mock", "ridicul", "hold", "held", "su", "fire",
            ]
            .iter()
            .any(|stem| {
                w.strip_prefix(stem).is_some_and(|rest| {
                    matches!(rest, "" | "s" | "ed" | "d" | "es" | "ing" | "e")
                        && !(rest.is_empty() && matches!(*stem, "su" | "accus" | "prais"))
                })
            })
        })?;
        if has(OBJ_PRONOUNS, self.w(v + 1)) && self.kind(v + 1) == Some(IK::Word) {
            return Some((v + 1, v + 2));
        }
        self.right_np(v + 1).filter(|np| np.1 < g - 1)
    }

    /// The noun phrase from `s` to the comma that closes it, within a few words and with no
    /// verb inside (`the minister,`, `Davis' commentary,`, `The New York Times,`).
    fn np_before_comma(&self, s: usize) -> Option<(usize, usize)> {
        let e = (s..(s + 10).min(self.hi)).find(|&k| self.punct(k, ','))?;
        let plain = (s..e).all(|k| {
            (matches!(self.kind(k), Some(IK::Word | IK::Num))
                && !(k > s && self.verb_at(k))
                && !has(&CLAUSE_WORDS, self.w(k)))
                || matches!(self.kind(k), Some(IK::Punct('\'' | '-' | '.' | '&')))
                || (matches!(self.kind(k), Some(IK::Punct('"')))
                    && k > s
                    && self.possessive_mark(k))
        });
        (plain && e > s && self.kind(s) == Some(IK::Word)).then_some((s, e))
    }

    /// Whether the unpaired mark at `k` is the apostrophe of a plural or `s` possessive
    /// (`Davis' commentary`): one mark, right after a word in `s`, before a word.
    fn possessive_mark(&self, k: usize) -> bool {
        let items = &self.a.items;
        let (Some(m), Some(p)) = (items.get(k), k.checked_sub(1).and_then(|j| items.get(j))) else {
            return false;
        };
        m.start == p.end
            && m.end - m.start <= '’'.len_utf8()
            && p.lower.ends_with('s')
            && self.kind(k + 1) == Some(IK::Word)
    }

    /// Whether the words from `k` to the end of the sentence tell only when, where or in what
    /// something was said (`on Sunday`, `in its ruling`, `last week`): no verb, no clause.
    fn circumstance_to_end(&self, k: usize) -> bool {
        let e = (k..self.hi).find(|&m| self.is_punct(m)).unwrap_or(self.hi);
        let opens = matches!(
            self.w(k),
            "in" | "on" | "at" | "during" | "last" | "this" | "earlier" | "later" | "after"
        ) || is_day(self.w(k));
        opens
            && e > k
            && e <= k + 8
            && (e >= self.hi || !self.punct(e, ','))
            && (k..e).all(|m| self.kind(m) == Some(IK::Word) || self.kind(m) == Some(IK::Num))
            && !(k + 1..e).any(|m| {
                self.verb_at(m) || has(&CLAUSE_WORDS, self.w(m)) || has(&SUBJ_PRONOUNS, self.w(m))
            })
    }
}
