//! Cues that are nouns or documents: `a statement`, `the report says`, `in a letter`, support
//! and criticism received, and a sentence's own subject as the source.

use super::*;

impl<'a> Rules<'a> {
    /// `Clinton won the support of black voters`, `the bill has the backing of many
    /// Democrats`, `she drew support from a large majority`: support that somebody receives
    /// is the attitude of those it comes from (the source, after the preposition) towards
    /// the subject (what is supported). `i` is the verb of receiving.
    pub(super) fn support_received(&self, i: usize) -> Option<Cand> {
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
        Some(Cand::new(
            (i, p + 1),
            source,
            subject,
            CueClass::Attitude,
            self.si,
        ))
    }

    /// Whether a later cue of the sentence may borrow the source of cand `o`: not when that
    /// source is only the possessive of a noun cue (`Trump doubled down on his comments and
    /// said …`: `his` belongs to `comments`; the subject of `said` is `Trump`).
    pub(super) fn lends_source(&self, o: usize) -> bool {
        let c = &self.cands[o];
        match c.source {
            Some((s, e)) => {
                !(e == s + 1 && matches!(self.w(s), "his" | "her" | "their" | "its" | "our" | "my"))
            }
            None => c.borrow.is_some(),
        }
    }

    /// Nouns of a document or message that speaks for whoever issues it.
    pub(super) fn document_noun(w: &str) -> bool {
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
                | "complaint"
                | "filing"
                | "lawsuit"
                | "indictment"
                | "website"
                | "paper"
        )
    }

    /// For a participle cue at `c0` after a document (`issued a statement Tuesday saying`,
    /// `fired back a response saying`, `blasted out an email to supporters stating`): the
    /// verb that issues the document and the subject before it.
    pub(super) fn document_issuer(&self, c0: usize) -> Option<(usize, (usize, usize))> {
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
    pub(super) fn issuing_verb(&self, d: usize) -> Option<(usize, (usize, usize))> {
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
        let subj = match self.left_np(v) {
            Some(np) => np,
            // `the Electoral Commission, which regulates campaign finances, issued a
            // statement`: the issuer is named before a relative clause or an appositive.
            None if v > self.lo && self.punct(v - 1, ',') => {
                let comma = v - 1;
                let q = (self.lo..comma).rev().find(|&m| self.punct(m, ','))?;
                let fw = self.w(q + 1);
                if comma - q > 25 || !(matches!(fw, "which" | "who") || has(&DETS, fw)) {
                    return None;
                }
                self.subject_before_aside(comma, Some(q))?.1
            }
            None => return None,
        };
        Some((v, subj))
    }

    /// A lowercase word of a role written before a name: `front-runner`, `presidential`,
    /// `nominee`, a title (`Republican presidential nominee Donald Trump`).
    pub(super) fn role_word(&self, k: usize) -> bool {
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
    pub(super) fn fronted_adverbial(&self, k: usize) -> Option<usize> {
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
    pub(super) fn sentence_subject(&self, at: usize) -> Option<(usize, usize)> {
        let mut k = self.lo;
        // A connective is not the subject: `Yet, saying …`, `On Thursday, however, Trump
        // spoke …, promising …`.
        let connectives = |mut k: usize| {
            while matches!(
                self.w(k),
                "yet" | "but" | "and" | "still" | "however" | "meanwhile" | "so"
            ) {
                k += 1;
                if self.punct(k, ',') {
                    k += 1;
                }
            }
            k
        };
        k = connectives(k);
        // Skip a leading participial or prepositional phrase up to its comma.
        if self.w(k).ends_with("ing") || has(&PREPS, self.w(k)) {
            while k < self.hi && !self.punct(k, ',') {
                k += 1;
            }
            k = connectives(k + 1);
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
            // `European leaders gathered …`, `Democratic senators met …`: a capitalised
            // adjective of a people or a party is the modifier of the plural noun after it.
            let adjectival = |w: &str| {
                ["an", "ic", "ish", "ese", "i"]
                    .iter()
                    .any(|x| w.ends_with(x))
            };
            if e == s + 1
                && adjectival(self.w(s))
                && super::content::people_noun(self.w(e))
                && !self.cap(e)
                && !self.verb_at(e)
                && self.cue_at(e).is_none()
            {
                e += 1;
            }
            // `Obama’s aides were …`: a possessive name is the determiner of the subject,
            // which is the noun after it.
            // (Not a contraction: `It's become …`, `There's no way …`.)
            let possessive = e > s && {
                let last = self.w(e - 1);
                let owner = last
                    .strip_suffix("'s")
                    .or_else(|| last.strip_suffix("\u{2019}s"))
                    .or_else(|| last.strip_suffix('\''));
                owner.is_some_and(|o| {
                    !matches!(
                        o,
                        "it" | "there"
                            | "that"
                            | "he"
                            | "she"
                            | "who"
                            | "what"
                            | "here"
                            | "where"
                            | "let"
                    )
                })
            };
            if possessive {
                let mut n = e;
                while n < self.hi
                    && n < e + 4
                    && self.kind(n) == Some(IK::Word)
                    && !self.cap(n)
                    && !has(&AUX, self.w(n))
                    && !has(&PREPS, self.w(n))
                    && !has(&CLAUSE_WORDS, self.w(n))
                    && self.cue_at(n).is_none()
                    && !IRREGULAR_PAST.contains(self.w(n))
                    && !(self.w(n).ends_with("ed") && n > e)
                {
                    n += 1;
                }
                if n > e {
                    e = n;
                }
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
                    || (!self.cap(e) && w.ends_with("ed") && !has(&DETS, self.w(e - 1)))
                    || IRREGULAR_PAST.contains(w))
            {
                break;
            }
            e += 1;
        }
        (e > s).then_some((s, e))
    }

    /// `his claim that …`, `a statement that …`: the noun cue and its clause.
    pub(super) fn noun_cue(&self, i: usize, info: CueInfo) -> Option<Cand> {
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
    /// `was quoted by state media as saying`: who quoted stands before `as`, and belongs to
    /// the cue.
    pub(super) fn quoted_as_saying(&self, i: usize) -> Option<Cand> {
        if self.w(i) != "quoted" || i < self.lo + 2 {
            return None;
        }
        let by_whom = matches!(self.w(i + 1), "by" | "in");
        let as_at = (i + 1..self.hi.min(i + 10))
            .take_while(|&m| m == i + 1 || matches!(self.kind(m), Some(IK::Word | IK::Num)))
            .find(|&m| self.w(m) == "as")
            .filter(|&m| m == i + 1 || by_whom)?;
        if !matches!(
            self.w(as_at + 1),
            "saying" | "stating" | "telling" | "describing"
        ) {
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
        let mut cue_end = as_at + 2;
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
    pub(super) fn document_reads(&self, i: usize) -> Option<Cand> {
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

    pub(super) fn document_before_colon(&self, i: usize) -> Option<Cand> {
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

    pub(super) fn bare_noun_cue(&self, i: usize, info: CueInfo) -> Option<Cand> {
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
            return Some(Cand::new((i, i + 1), src, content, info.class, self.si));
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
        // `Democrats have raised concerns about …`, `He has the firmly held belief that …`,
        // `she made the claim that …`: a noun of saying or thinking that is the object of a
        // verb of having or voicing is its subject's; that verb is part of the cue.
        if source.is_none() {
            if let Some((v, np)) = self.voicing_verb_before(i) {
                source = Some(np);
                c0 = v;
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

    /// For a noun cue at `i`: the verb of having or voicing whose object it heads (a
    /// determiner and up to three modifiers between), with that verb's subject.
    fn voicing_verb_before(&self, i: usize) -> Option<(usize, (usize, usize))> {
        let voicing = |verb: &str| {
            [
                "express", "voic", "rais", "made", "make", "shar", "held", "hold", "offer",
                "repeat", "reiterat", "renew", "echo", "aired", "airing", "lodg", "level",
            ]
            .iter()
            .any(|stem| verb.starts_with(stem))
                || matches!(verb, "has" | "have" | "had" | "having")
        };
        // `raised concerns about`: a plural with no determiner right after the verb.
        // (Not after `renewed`, `held`: adjectives there, `faces renewed doubts`.)
        if i > self.lo + 1
            && self.w(i).ends_with('s')
            && voicing(self.w(i - 1))
            && !matches!(self.w(i - 1), "renewed" | "held" | "repeated" | "made")
        {
            return self.voicing_subject(i - 1);
        }
        // `voiced support for`, `expressed confidence that`: a verb that only voices takes a
        // noun of attitude with no determiner, singular too.
        if i > self.lo + 1
            && ["express", "voic", "offer", "reiterat", "rais"]
                .iter()
                .any(|stem| self.w(i - 1).starts_with(stem))
        {
            return self.voicing_subject(i - 1);
        }
        let mut d = i;
        while d > self.lo
            && d + 4 > i
            && self.kind(d - 1) == Some(IK::Word)
            && !self.cap(d - 1)
            && !matches!(
                self.w(d - 1),
                "a" | "an" | "the" | "no" | "any" | "some" | "such" | "this" | "these"
            )
        {
            d -= 1;
        }
        let det = d.checked_sub(1).filter(|&x| x >= self.lo)?;
        if !matches!(
            self.w(det),
            "a" | "an" | "the" | "no" | "any" | "some" | "such" | "this" | "these"
        ) {
            return None;
        }
        let v = det.checked_sub(1).filter(|&x| x >= self.lo)?;
        if !voicing(self.w(v)) {
            return None;
        }
        self.voicing_subject(v)
    }

    /// The verb at `v` (with its auxiliaries and adverbs) and its subject.
    fn voicing_subject(&self, v: usize) -> Option<(usize, (usize, usize))> {
        if self.cap(v) || v <= self.lo {
            return None;
        }
        let mut b = v;
        while b > self.lo && (has(&AUX, self.w(b - 1)) || has(CUE_ADVERBS, self.w(b - 1))) {
            b -= 1;
        }
        // (Not the object of a preposition, `in the past has voiced`; a time after the
        // subject is no part of it, `Obama on Friday held`.)
        let dated = |np: (usize, usize)| {
            // (`The Security Council on Friday`: the day is the verb's.)
            let p = (np.0 + 1..np.1).find(|&m| matches!(self.w(m), "on" | "in" | "at"));
            match p {
                Some(p)
                    if (p + 1..np.1).all(|m| {
                        is_day(self.w(m))
                            || is_month(self.w(m))
                            || self.kind(m) == Some(IK::Num)
                            || has(TIME_WORDS, self.w(m))
                    }) =>
                {
                    (np.0, p)
                }
                _ => np,
            }
        };
        let np = self
            .left_np(b)
            .map(|np| dated(self.before_time_phrase(np)))
            .filter(|np| {
                np.1 <= b
                    && !(np.0 > self.lo && has(&PREPS, self.w(np.0 - 1)))
                    && !(np.0..np.1).any(|m| matches!(self.w(m), "for" | "in" | "on" | "at"))
                    && (self.cap(np.0)
                        || has(&DETS, self.w(np.0))
                        || has(&SUBJ_PRONOUNS, self.w(np.0))
                        || super::content::people_noun(self.w(np.0)))
            })?;
        Some((b, self.subject_with_pp(np, v)))
    }

    /// Whether the attack named at `i`, on the object at `k`, is one with arms (`a deadly
    /// attack on a nightclub`, `the attack on the consulate in Benghazi`): violence, not
    /// criticism.
    pub(super) fn armed_attack(&self, i: usize, k: usize) -> bool {
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
    pub(super) fn object_end(&self, k: usize) -> usize {
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

impl Rules<'_> {
    /// For a candidate whose cue is a verb that voices what a noun names (`expressed`,
    /// `offered`, `raised`, `answered`, `announced` …) and whose content opens with such a
    /// noun of saying or feeling and the preposition of its topic (`doubts about`, `a preview
    /// of`, `his thoughts on`): where the topic starts, which is where the cue now ends.
    /// Only an object (not a clause: `suggested that early support for …`, `said his attacks
    /// on Trump have given …`), and not a medium (`posted a message on Twitter`); not after
    /// a verb whose object the phrase is (`described his views on immigration`).
    pub(super) fn voiced_topic(&self, cand: &Cand) -> Option<usize> {
        let (c0, c1) = cand.cue;
        if cand.content.len() != 1 || c1 <= c0 || cand.content[0].0 != c1 {
            return None;
        }
        let (s, e) = cand.content[0];
        let voices = (c0..c1).any(|m| {
            let w = self.w(m);
            self.cue_at(m).is_some()
                && [
                    "express", "voic", "offer", "shar", "rais", "air", "signal", "reiterat",
                    "repeat", "renew", "answer", "indicat", "announc", "declar", "pledg",
                ]
                .iter()
                .any(|p| w.starts_with(p))
                // `told the story of`, `tells the tale of`
                || matches!(w, "tell" | "tells" | "told" | "telling")
        });
        if !voices || matches!(self.w(s), "that" | "whether" | "if") {
            return None;
        }
        // The noun's determiner and modifiers: no verb, no infinitive, no cue among them.
        let mut n = s;
        while n < e
            && n < s + 3
            && self.kind(n) == Some(IK::Word)
            && !self.cap(n)
            && (has(&DETS, self.w(n))
                || ly_adverb(self.w(n))
                || (!matches!(self.w(n + 1), "about" | "of" | "for" | "on" | "over")
                    && !has(&PREPS, self.w(n))
                    && !has(&CLAUSE_WORDS, self.w(n))
                    && !self.verb_at(n)
                    && self.cue_at(n).is_none()
                    && self.kind(n + 1) == Some(IK::Word)))
        {
            n += 1;
        }
        let noun = self.w(n).trim_end_matches('s');
        let topical = self.kind(n) == Some(IK::Word)
            && !self.cap(n)
            && (self.cue_at(n).is_some_and(|c| c.form == CueForm::Noun)
                || matches!(
                    noun,
                    "question"
                        | "doubt"
                        | "concern"
                        | "worry"
                        | "fear"
                        | "preview"
                        | "understanding"
                        | "enthusiasm"
                        | "mention"
                        | "thought"
                        | "view"
                        | "opinion"
                        | "respect"
                        | "disdain"
                        | "contempt"
                        | "skepticism"
                        | "sympathy"
                        | "admiration"
                        | "reservation"
                        | "misgiving"
                        | "hope"
                        | "complaint"
                        | "warning"
                        | "explanation"
                        | "defense"
                        | "defence"
                        | "statement"
                        | "testimonial"
                        | "insight"
                        | "story"
                        | "storie"
                        | "tale"
                ));
        // `on` gives a topic to a view only: `his thoughts on military readiness`, not `a
        // positive message on the campaign trail`.
        let on_view = matches!(
            noun,
            "view"
                | "thought"
                | "opinion"
                | "position"
                | "stance"
                | "question"
                | "comment"
                | "remark"
                | "insight"
                | "assessment"
                | "critique"
        );
        let topic = n + 2;
        (topical
            && (matches!(self.w(n + 1), "about" | "of" | "for" | "over")
                || (self.w(n + 1) == "on" && on_view))
            && topic < e
            && !(s..n).any(|m| self.verb_at(m) || self.is_punct(m))
            && !(topic..e).any(|m| self.verb_at(m) || has(&AUX, self.w(m)))
            && !self.occasion_phrase(n + 1)
            && !channel_word(self.w(topic)))
        .then_some(topic)
    }
}
