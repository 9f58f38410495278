//! Noun phrases around a cue: the subject to the left of a verb of saying, the object to its
//! right, appositives, and the adverbials that sit between them.

use super::*;

impl<'a> Rules<'a> {
    /// A noun phrase ending just before `end` (exclusive), read leftwards: names with their
    /// titles, `the Kazakh president`, pronouns. Stops at punctuation, verbs and clause words.
    pub(super) fn left_np(&self, end: usize) -> Option<(usize, usize)> {
        let mut j = end;
        let mut n = 0;
        // Whether a coordination of names was taken (a comma before it may list more).
        let mut listed = false;
        let plural_noun = |m: usize| {
            let w = self.w(m);
            self.kind(m) == Some(IK::Word)
                && (!self.cap(m) || m == self.lo)
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !has(&AUX, w)
                && !has(&PREPS, w)
                && self.cue_at(m).is_none()
        };
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
                // `the United States, Britain and France support`: a list of names before a
                // coordination already taken.
                IK::Punct(',')
                    if listed
                        && k > self.lo
                        && self.cap(j)
                        && self.cap(k - 1)
                        && self.kind(k - 1) == Some(IK::Word)
                        // (`Instead, Matthews, …`, `Sunday, Mr. Rubio and …`: no name.)
                        && !is_day(self.w(k - 1))
                        && !matches!(
                            self.w(k - 1),
                            "instead" | "however" | "meanwhile" | "still" | "yet" | "also"
                                | "then" | "now" | "but" | "and" | "so" | "thus" | "indeed"
                                | "moreover" | "besides" | "similarly" | "likewise" | "finally"
                                | "first" | "later" | "earlier" | "there" | "here"
                        ) =>
                {
                    j = k;
                    n += 1;
                    continue;
                }
                // `A Des Moines Register/Bloomberg Politics poll`: two names of one issuer.
                IK::Punct('/')
                    if j < end
                        && k > self.lo
                        && self.kind(k - 1) == Some(IK::Word)
                        && self.cap(k - 1)
                        && self.cap(j) => {}
                // `42% say`: a share of people, as `42 percent` is.
                // (`a 30% decline`: right before the cue, after an article, the share
                // modifies a noun.)
                IK::Punct('%')
                    if k > self.lo
                        && self.kind(k - 1) == Some(IK::Num)
                        && !(j == end
                            && k >= self.lo + 2
                            && matches!(self.w(k - 2), "a" | "an" | "the")) => {}
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
                                && !has(&PREPS, self.w(k - 1))
                            // `Companies and individuals complain`: two plural nouns
                            // (`teachers and union officials told`: the second with its
                            // modifier).
                            || plural_noun(k - 1)
                                && (plural_noun(j)
                                    || end == j + 2
                                        && plural_noun(j + 1)
                                        && !self.cap(j)
                                        && self.kind(j) == Some(IK::Word)
                                        && self.cue_at(j).is_none()
                                        && !has(&DETS, self.w(j)))
                            // `the Florida senator and Republican presidential candidate
                            // said`: two roles of one person.
                            || crate::entities::is_title(self.w(k - 1))
                                && (self.cap(j)
                                    || crate::entities::is_title(self.w(j))
                                    || has(NAME_MODIFIERS, self.w(j)))
                            // `The Clinton campaign and DNC did not respond`.
                            || self.cap(j)
                                && (crate::entities::ORG_HEADS.contains(&self.w(k - 1))
                                    || self.w(k - 1) == "campaign"));
                    if (w == "and" || w == "&") && coordinated {
                        // (`Hillary Clinton and other Democrats`: a name before `and` may be
                        // the last of a list.)
                        listed = self.cap(j) || self.cap(k - 1);
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
                    // `told Reuters the deal could be announced`: an article opens its noun
                    // phrase; a name or noun before it belongs to another one.
                    if matches!(w, "the" | "a" | "an")
                        && k > self.lo
                        && self.kind(k - 1) == Some(IK::Word)
                        && self.cap(k - 1)
                        && !self.a.items[k - 1].lower.ends_with("'s")
                        && k - 1 > self.lo
                        // (`Rock the Vote`: between two capitals it is inside a name.)
                        && !(k + 1 < end && self.cap(k + 1))
                        && !self.title
                    {
                        j = k;
                        break;
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
                    // (`Theresa May said`: a surname after a capitalised given name.)
                    let first_name = has(&AUX, w)
                        && it.cap
                        && k > self.lo
                        && ((j < end && self.cap(j)) || self.cap(k - 1));
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
                            || Self::document_noun(w)
                            // `familiar with Cruz's thinking said`
                            || (k > self.lo && self.w(k - 1).ends_with("'s")));
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
                        // (`retired general Lloyd Newton`: a name's modifier is no verb.)
                        if w.ends_with("ed")
                            && !has(NAME_MODIFIERS, w)
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
    pub(super) fn right_np(&self, start: usize) -> Option<(usize, usize)> {
        let mut j = start;
        let mut n = 0;
        let role_end = self.role_before_name(start);
        while j < self.hi && n < 10 {
            match self.kind(j) {
                Some(IK::Word) => {
                    let w = self.w(j);
                    // `said a report from Kotak Institutional Equities`: the issuer of a
                    // document after `from`.
                    let issuer = w == "from" && j > start && Self::document_noun(self.w(j - 1));
                    // (`said lobbyist and GOP strategist Charlie Black`: two roles of one
                    // person.)
                    let in_role = role_end.is_some_and(|r| j < r);
                    if j > start
                        && !issuer
                        && !in_role
                        && (has(&CLAUSE_WORDS, w) || (has(&PREPS, w) && w != "of" && w != "for"))
                    {
                        break;
                    }
                    // `said that …`: a complementizer, not a subject.
                    if j == start && w == "that" && !self.cap(j) {
                        return None;
                    }
                    if j == start
                        && role_end.is_none()
                        && !(self.cap(j)
                            || has(&DETS, w)
                            || has(&SUBJ_PRONOUNS, w)
                            || has(NAME_MODIFIERS, w)
                            || crate::entities::is_title(w))
                    {
                        return None;
                    }
                    // After an article a cue word is a noun: `said a report from …`; so is
                    // a word of the role before a name (`said campaign manager …`).
                    let noun = (j > start && matches!(self.w(j - 1), "a" | "an" | "the"))
                        || role_end.is_some_and(|r| j < r);
                    if self.cue_at(j).is_some() && !self.cap(j) && !noun {
                        break;
                    }
                    // An auxiliary or a past tense starts a predicate: `he also may
                    // campaign`, `said the event brought back memories` are clauses, not
                    // inverted subjects.
                    if j > start && (has(&AUX, w) || has(&IRREGULAR_PAST, w)) {
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
            // An appositive is closed by a comma or the sentence's end, and has no verb: in
            // `According to Hugh Hewitt, one notable feature of the movie is who it lacks:`
            // and `…, the move reeks of “fear”` the comma ends the source.
            let closed = k >= self.hi || matches!(self.kind(k), Some(IK::Punct(',' | '.' | ';')));
            // (A relative clause on the name has its verb: `…, who was an adviser`.)
            let verbless = !(j + 1..k)
                .take_while(|&m| !matches!(self.w(m), "who" | "whose"))
                .any(|m| has(&AUX, self.w(m)));
            if titled && k > j + 1 && closed && verbless {
                return Some((start, k));
            }
        }
        Some((start, j))
    }

    /// Where the name starts after the lowercase words of a role that open a noun phrase at
    /// `start`: `campaign manager John Smith`, `master of ceremonies Asab Al-Tabchi`,
    /// `conservative activist Bob Vander Plaats`. Titles alone (`secretary`, `pollster`) are
    /// known words; a role is any short run of nouns and adjectives, so it counts only with a
    /// name right after it — not a time (`said police Friday`), not after a preposition
    /// or a clause word (`said voters in Iowa`).
    fn role_before_name(&self, start: usize) -> Option<usize> {
        let mut k = start;
        while k < self.hi && k < start + 4 && self.kind(k) == Some(IK::Word) && !self.cap(k) {
            let w = self.w(k);
            // `lobbyist and GOP strategist Charlie Black`: a second role joined by `and`.
            if w == "and"
                && k > start
                && self.kind(k + 1) == Some(IK::Word)
                && !has(&DETS, self.w(k + 1))
                && !has(&SUBJ_PRONOUNS, self.w(k + 1))
            {
                k += 1;
                continue;
            }
            if has(&CLAUSE_WORDS, w)
                || (has(&PREPS, w) && !(w == "of" && k > start))
                || has(&AUX, w)
                || has(&DETS, w)
                || has(&SUBJ_PRONOUNS, w)
                || w.ends_with("ly")
                || time_word(w)
            {
                return None;
            }
            k += 1;
        }
        let name = k > start
            && k < self.hi
            && self.kind(k) == Some(IK::Word)
            && self.cap(k)
            && self.w(k - 1) != "of"
            && !time_word(self.w(k));
        name.then_some(k)
    }

    /// Whether a comma at `j` opens an appositive or a relative clause on the noun phrase
    /// before it: `, a labor economist at …`, `, 67, of Exeter`, `, who …`.
    pub(super) fn appositive_at(&self, j: usize) -> bool {
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
        // (Two words before it, too, the second a title or an agent noun: `, assistant
        // secretary of state`, `, Europe coordinator at`, not `, won places at`.)
        let role_word = |x: usize| {
            let w = self.w(x);
            self.kind(x) == Some(IK::Word)
                && !(has(&PREPS, w) || has(&CLAUSE_WORDS, w) || has(&AUX, w))
                && (self.cap(x) || self.cue_at(x).is_none())
        };
        let role = role_word(j + 1)
            && (matches!(self.w(j + 2), "of" | "for" | "at")
                || role_word(j + 2)
                    && (crate::entities::is_title(self.w(j + 2))
                        || ["er", "or", "ist", "ant", "ent"]
                            .iter()
                            .any(|s| self.w(j + 2).ends_with(s)))
                    && matches!(self.w(j + 3), "of" | "for" | "at"));
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
    pub(super) fn extend_appositive(&self, np: (usize, usize)) -> (usize, usize) {
        let e = np.1;
        // `said the moderator, Chris Wallace.`: a role, then the name of who holds it.
        if self.punct(e, ',') && has(&DETS, self.w(np.0)) && self.cap(e + 1) {
            let mut m = e + 1;
            while m < self.hi
                && m < e + 6
                && self.kind(m) == Some(IK::Word)
                && (self.cap(m)
                    || matches!(
                        self.w(m),
                        "de" | "da" | "di" | "van" | "von" | "del" | "bin"
                    ) && self.cap(m + 1))
            {
                m += 1;
            }
            if m >= self.hi || (self.is_punct(m) && !self.is_quote(m)) {
                return self.extend_appositive((np.0, m));
            }
        }
        if !self.appositive_at(e) {
            return np;
        }
        let mut m = e + 1;
        // (Over a show's title: `said Cuban, a host on the TV show "Shark Tank."`)
        while m < self.hi && (!self.is_quote(m) || self.titled_quote(m)) {
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

    /// Whether a prepositional phrase opens at `k` and closes the clause, with no verb in
    /// it: `over the phone.`, `during a rally in Raleigh,`. After a cue whose content came
    /// before it, such a phrase says where or how it was said.
    pub(super) fn closing_adjunct(&self, k: usize) -> bool {
        if !matches!(
            self.w(k),
            "in" | "on"
                | "at"
                | "over"
                | "during"
                | "by"
                | "after"
                | "before"
                | "from"
                | "via"
                | "with"
                | "to"
                | "outside"
                | "inside"
        ) || self.kind(k) != Some(IK::Word)
        {
            return false;
        }
        let mut m = k + 1;
        while m < self.hi
            && m < k + 12
            && matches!(self.kind(m), Some(IK::Word | IK::Num))
            && self.w(m) != "that"
            && !has(&AUX, self.w(m))
            && self.cue_at(m).is_none()
        {
            m += 1;
        }
        m > k + 1 && (m >= self.hi || self.is_punct(m) && !self.is_quote(m))
    }

    pub(super) fn skip_adverbials(&self, mut k: usize) -> usize {
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
}

impl Rules<'_> {
    /// Whether the source `rs..re` that a rule found names nobody: a time (`the past`, `this
    /// past week`, `the decades`, `Tuesday morning`), a lowercase adverb (`simply`), a
    /// connective or a verb. `The Times` is a newspaper; `the 46-year-old`, `Skelly` and
    /// `39` name people.
    pub(super) fn names_nobody(&self, rs: usize, re: usize) -> bool {
        // A connective (`So`, `Besides`, `Earlier`) or a verb (`filed`, `sent a letter this
        // week`) that a rule read as a subject.
        let w0 = self.w(rs);
        if (re == rs + 1
            && matches!(
                w0,
                "so" | "besides" | "earlier" | "later" | "also" | "meanwhile" | "however"
                    | "still" | "yet" | "thus" | "instead" | "indeed" | "moreover"
            ))
            // (A verb alone or before its object: `filed`, `shown`, `sent a letter this
            // week`, `led her`; not an adjective, `retired Gen. John Allen`, `paid speeches`.)
            || (self.kind(rs) == Some(IK::Word)
                && !self.cap(rs)
                && (w0.ends_with("ed")
                    || IRREGULAR_PAST.contains(w0)
                    || w0 == "shown"
                    // `launching a new round (of attacks)`, `running ads (praising)`
                    || (self.free_participle(rs) && re > rs + 1))
                && (re == rs + 1
                    || has(&DETS, self.w(rs + 1))
                    || has(OBJ_PRONOUNS, self.w(rs + 1))
                    || self.kind(rs + 1) == Some(IK::Num)))
        {
            return true;
        }
        // (`but in a later interview said …`: the occasion of the saying, not who spoke.)
        let occasion = matches!(self.w(re - 1), "interview" | "interviews")
            && (rs..re - 1).all(|m| !self.cap(m) && self.w(m) != "of");
        occasion
            || (rs..re).all(|m| {
                let w = self.w(m);
                (time_word(w) && (!self.cap(m) || is_day(w) || is_month(w)))
                    || matches!(w, "the" | "a" | "decades" | "years" | "now" | "then")
            })
            || (re == rs + 1
                && ly_adverb(self.w(rs))
                && !self.cap(rs)
                && self.kind(rs) == Some(IK::Word))
    }

    /// For a source `rs..re` that is only a quantity (`some`, `One`, `a third`) before
    /// `of`: the end of the people the `of` phrase names (`some of the club's homeowners`,
    /// `One of the men`), unless that phrase is the cue's or inside what was said.
    pub(super) fn partitive_end(&self, cand: &Cand, rs: usize, re: usize) -> Option<usize> {
        let quantity = |w: &str| {
            matches!(
                w,
                "some"
                    | "many"
                    | "most"
                    | "one"
                    | "two"
                    | "three"
                    | "several"
                    | "few"
                    | "all"
                    | "none"
                    | "half"
                    | "majority"
                    | "third"
                    | "quarter"
                    | "each"
                    | "a"
                    | "the"
                    | "both"
            )
        };
        if !((rs..re).all(|m| quantity(self.w(m)))
            && self.w(re) == "of"
            && self.kind(re + 1) == Some(IK::Word))
        {
            return None;
        }
        let np = self.right_np(re + 1)?;
        let clear = (np.1 <= cand.cue.0 || np.0 > cand.cue.1)
            && !cand.content.iter().any(|c| c.0 < np.1 && np.0 < c.1);
        clear.then_some(np.1)
    }
}
