//! What was said: where a reported clause starts (`that`, a bare clause, an infinitive) and
//! where it ends, and the content to the left of a trailing cue (`…, she said`).

use super::*;

impl<'a> Rules<'a> {
    /// The first `that` introducing a clause within reach of `k`, across an addressee or a
    /// prepositional phrase: `told an extraordinary online meeting of … (CSTO) that`.
    pub(super) fn find_that(&self, k: usize) -> Option<usize> {
        let mut m = k;
        while m < self.hi && m < k + 30 {
            match self.kind(m) {
                Some(IK::Word) => {
                    let w = self.w(m);
                    if w == "that" {
                        return Some(m);
                    }
                    // `told the newspaper it is clear that …`: a clause has begun before the
                    // `that`, at its subject.
                    // (Not after a question word: `told the host how surprised he is that`.)
                    if m > k && self.clause_subject_at(m) && !(k..m).any(|x| is_wh(self.w(x))) {
                        return None;
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
                    // A cue word ends the reach, unless a determiner before it makes it a
                    // noun (`told analysts on a conference call that`).
                    if !self.cap(m) && self.cue_at(m).is_some() && m > k && !self.noun_after_det(m)
                    {
                        return None;
                    }
                }
                Some(IK::Num) => {}
                Some(IK::Punct('(' | ')' | '-')) => {}
                Some(IK::Punct('"')) if self.plural_possessive(m) => {}
                // `said on ABC's "This Week With George Stephanopoulos" that …`
                Some(IK::Quote(f)) if self.a.frags[f].titled => {}
                // `said at a news conference, "…"`, `told WEEI: "…"`: the quotation or
                // clause after the circumstance or addressee.
                Some(IK::Punct(',')) if m > k && self.is_quote(m + 1) => return Some(m + 1),
                Some(IK::Punct(':')) if m > k && m + 1 < self.hi => return Some(m + 1),
                // `told POLITICO, however, that`: the comma closing a one-word aside (not
                // `…, though, that has yet to happen`: `that` the subject of a verb).
                Some(IK::Punct(','))
                    if m >= k + 2
                        && self.punct(m - 2, ',')
                        && self.w(m + 1) == "that"
                        && !has(&AUX, self.w(m + 2))
                        && !self.verb_at(m + 2) =>
                {
                    return Some(m + 1)
                }
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
                        // (`announced on her Facebook page, in all capital letters, "…"`, `said
                        // in the spring, when the story broke, "…"`: a quotation, too.)
                        return next_comma
                            .filter(|&x| self.w(x + 1) == "that" || self.is_quote(x + 1))
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
    pub(super) fn clause_end(&self, start: usize) -> usize {
        let mut m = start;
        while m < self.hi {
            match self.kind(m) {
                Some(IK::Punct(',')) if m > start && self.fronted == Some(m) => break,
                Some(IK::Punct(',')) if m > start && self.clause_break_after(start, m) => break,
                // `they should be able to …; 17% strongly disagree`: an attribution of its own
                // after a semicolon.
                Some(IK::Punct(';')) if m > start && self.np_then_cue(m + 1) => break,
                // `said the politics would be more intense — and he noted that …`: a dash
                // before an attribution of its own ends the reported clause. (Before anything
                // else a dash opens an aside inside it: `the plan — a modest boost — was`.)
                // A dash that closes an aside opened inside the clause goes on with it
                // (`the obliteration — a word used by several observers — Johnson spoke of`).
                Some(IK::Punct('—'))
                    if m > start
                        && (start..m).filter(|&x| self.punct(x, '—')).count() % 2 == 0
                        && self.attribution_after_dash(m + 1) =>
                {
                    break
                }
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
                // `chanted "Down with the dictator" as they marched`: a quotation that is the
                // whole object ends it before a clause about when or why it was said.
                // (`as` with a clause only: `cited "Bill Maher" as his guilty pleasure` names
                // what it was cited as.)
                // So does one that ends in a comma before the writer's clause (`said, "…,"
                // as the crowd cheered`).
                Some(IK::Quote(f))
                    if m == start
                        && (matches!(
                            self.w(m + 1),
                            "while" | "when" | "after" | "before" | "until" | "since"
                        ) || (self.w(m + 1) == "as" && has(&SUBJ_PRONOUNS, self.w(m + 2)))
                            || (self.a.frags[f].last == Some(',')
                                && !matches!(self.w(m + 1), "a" | "an")
                                && self.clause_break_after(start, m))) =>
                {
                    m += 1;
                    break;
                }
                // `confirmed the arrests but gave no further details`: a second verb in the
                // past after a noun phrase with none is the subject's next act.
                Some(IK::Word)
                    if m > start
                        && matches!(self.w(m), "and" | "but")
                        && self.kind(m + 1) == Some(IK::Word)
                        && !self.cap(m + 1)
                        && (IRREGULAR_PAST.contains(self.w(m + 1))
                            || (self.w(m + 1).ends_with("ed") && self.w(m + 1).len() > 4))
                        && !(start..m).any(|k| {
                            let w = self.w(k);
                            has(&AUX, w)
                                || IRREGULAR_PAST.contains(w)
                                || w.ends_with("ed")
                                || self.finite_cue_at(k)
                        }) =>
                {
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
                    // `said she was elated but still feared the military`: a thought
                    // joined to a clause with a pronoun subject of its own goes on with that
                    // clause (the subject felt it; the speaker reports it).
                    let own_subject = {
                        let s = if self.w(start) == "that" {
                            start + 1
                        } else {
                            start
                        };
                        is_personal_subject(self.w(s))
                    };
                    if !in_infinitive
                        && self.cue_at(k).is_some_and(|c| {
                            matches!(c.form, CueForm::Finite | CueForm::Participle)
                                && !(c.class == CueClass::Attitude
                                    && own_subject
                                    && !self.punct(m - 1, ','))
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

    /// Whether an attribution with a subject of its own opens at `k`, after a dash (`— and
    /// he noted that …`, `— Cruz called them on it`): a pronoun or a name and a verb of
    /// saying. A noun phrase after a dash is an aside more often (`— a decline that took hold
    /// while he was in office`).
    fn attribution_after_dash(&self, k: usize) -> bool {
        let k = if matches!(self.w(k), "and" | "but") {
            k + 1
        } else {
            k
        };
        self.kind(k) == Some(IK::Word)
            && (is_personal_subject(self.w(k)) || self.cap(k))
            && self.np_then_cue(k)
    }

    /// Punctuation at `k` that is part of what was said, not the sentence's: a percent
    /// sign, a parenthesis closing one opened after `lo` (a question mark is the sentence's:
    /// `Do you think [Glass-Steagall should be reinstated]?`).
    pub(super) fn closes_content(&self, lo: usize, k: usize) -> bool {
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
    pub(super) fn fronted_comma(&self) -> Option<usize> {
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
        // `Having promised that taxes would fall, the chancellor raised them`, `Stating that
        // …, the senator announced`: a participle that opens the sentence is an adjunct too.
        let participle = (w == "having" && self.kind(s + 1) == Some(IK::Word))
            || (w.len() > 4
                && w.ends_with("ing")
                && self
                    .cue_at(s)
                    .is_some_and(|c| c.form == CueForm::Participle));
        if !(subordinator || gerund || participle) {
            return None;
        }
        let comma = (s..self.hi).find(|&k| self.punct(k, ','))?;
        self.main_clause_at(comma + 1).then_some(comma)
    }

    /// Whether a main clause can start at `k` after the comma closing a fronted clause.
    pub(super) fn main_clause_at(&self, k: usize) -> bool {
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
    pub(super) fn clause_break_after(&self, start: usize, m: usize) -> bool {
        let nx = self.w(m + 1);
        let nx2 = self.w(m + 2);
        // `argued that although Lazar confessed, he showed no remorse`: the first comma
        // closes a subordinate clause that opens what was said; its main clause follows,
        // whatever its verb.
        // (After `that` only: `Asked if he was bullied, he said no` ends at the comma.)
        let opener = start + 1;
        if self.w(start) == "that"
            && matches!(
                self.w(opener),
                "although" | "though" | "if" | "when" | "because" | "once" | "unless"
            )
            && !(opener + 1..m).any(|x| self.punct(x, ','))
            && (is_personal_subject(nx) || has(&DETS, nx) || self.cap(m + 1))
        {
            return false;
        }
        // A new clause with its own subject after `, but` / `, and`, a concession,
        // or a relative clause on the last noun is the writer's, more often
        // than not, in PARC.
        let new_clause = match nx {
            "but" => {
                nx2 != "that" && (has(&SUBJ_PRONOUNS, nx2) || has(&DETS, nx2) || self.cap(m + 2))
            }
            "and" => {
                is_personal_subject(nx2)
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
            // (Nor is one set off by commas before the clause goes on: `to form a task
            // force, which would include the military, to crack down on hackers`.)
            "which" => m > start + 3 && !self.relative_inside(m),
            _ => false,
        };
        // `, a labor economist at …`: an appositive on the last noun is the writer's
        // description, not what was said.
        let appositive = matches!(nx, "a" | "an")
            && !self.appositive_in_subject(m)
            && !self.indefinite_list_at(m);
        appositive
            || new_clause
            || (nx == "as" && !(nx2 == "well" && self.w(m + 3) == "as"))
            || matches!(nx, "while" | "whereas" | "according")
            || self.participle_cue_at(m + 1)
            || self.finite_cue_at(m + 1)
            || self.np_then_cue(m + 1)
    }

    /// Whether the comma at `m` (or the quotation ending in one) goes on a list of
    /// indefinite noun phrases: `Trump is a loser, a liar and a whiner`, `a “loser,” a
    /// “liar” and a “whiner”`. An article before it, and `and` or `or` before another one
    /// after it.
    fn indefinite_list_at(&self, m: usize) -> bool {
        let before = (m.saturating_sub(4).max(self.lo)..m)
            .rev()
            .take_while(|&x| !self.punct(x, ','))
            .any(|x| matches!(self.w(x), "a" | "an"));
        let after = (m + 2..(m + 10).min(self.hi))
            .take_while(|&x| !matches!(self.kind(x), Some(IK::Punct('.' | ';' | ':' | '—'))))
            .any(|x| matches!(self.w(x), "and" | "or") && matches!(self.w(x + 1), "a" | "an"));
        // (`…, a senior official and a friend said`: an attribution of its own.)
        let attribution = (m + 2..(m + 10).min(self.hi)).any(|x| self.finite_cue_at(x));
        before && after && !attribution
    }

    /// Whether the appositive opening after the comma at `m` describes the subject of the
    /// reported clause, which then goes on past it (`Police said the suspect, a 34-year-old
    /// man from Leeds, had been arrested`): the appositive closes with a comma and the
    /// clause's verb follows, which is no verb of saying (`, a labor economist, has said` is
    /// an attribution of its own).
    fn appositive_in_subject(&self, m: usize) -> bool {
        let Some(k) = (m + 2..(m + 16).min(self.hi)).find(|&k| self.punct(k, ',')) else {
            return false;
        };
        if (m + 1..k).any(|x| self.kind(x) != Some(IK::Word) && self.kind(x) != Some(IK::Num)) {
            return false;
        }
        // An appositive is a noun phrase: a verb with its object inside (`, an average of
        // 32 percent picked the economy,`) means a clause of its own began at the comma.
        let clause_inside = (m + 2..k).any(|x| {
            let w = self.w(x);
            has(&AUX, w)
                || ((w.ends_with("ed") || IRREGULAR_PAST.contains(w)) && has(&DETS, self.w(x + 1)))
        });
        if clause_inside {
            return false;
        }
        let verb = self.verb_at(k + 1);
        let speech = (k + 1..(k + 4).min(self.hi)).any(|x| self.cue_at(x).is_some());
        verb && !speech
    }

    /// Whether the relative clause opened by `, which` at `m` closes with a comma after which
    /// the reported clause goes on: its verb, or the infinitive it was heading for.
    fn relative_inside(&self, m: usize) -> bool {
        let Some(k) = (m + 3..(m + 20).min(self.hi)).find(|&k| self.is_punct(k)) else {
            return false;
        };
        if !self.punct(k, ',') {
            return false;
        }
        let to_infinitive = self.w(k + 1) == "to"
            && self.kind(k + 2) == Some(IK::Word)
            && !self.cap(k + 2)
            && !has(&DETS, self.w(k + 2));
        let speech = (k + 1..(k + 4).min(self.hi)).any(|x| self.cue_at(x).is_some());
        (to_infinitive || self.verb_at(k + 1)) && !speech
    }

    /// A participle opening a free adjunct after a comma (`, referring to …`, `, putting
    /// them at odds with …`): the writer's comment on the clause, not part of it.
    pub(super) fn free_participle(&self, k: usize) -> bool {
        let w = self.w(k);
        // `, going on to contrast …`: too short for the test below, and never a noun.
        if w == "going" && self.w(k + 1) == "on" && self.w(k + 2) == "to" {
            return true;
        }
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
    pub(super) fn np_then_cue(&self, j: usize) -> bool {
        let mut k = j;
        // Set when the phrase opens with a bare plural (`officials`), which may as well be a
        // verb (`ensures`): the verb of saying, an auxiliary or an adjective taking a
        // preposition must then come right after it.
        let mut bare_plural = false;
        while k < self.hi && k < j + 9 {
            match self.kind(k) {
                Some(IK::Word) => {
                    let w = self.w(k);
                    if k > j && self.cue_at(k).is_some_and(|c| c.form == CueForm::Finite) {
                        return true;
                    }
                    // `, people familiar with the matter said`, `, sources close to him said`
                    let adjective_pp = has(&PREPS, w)
                        && self.plural_head_with_adjective(k).is_some_and(|s| s >= j);
                    if has(&CLAUSE_WORDS, w) || (has(&PREPS, w) && w != "of" && !adjective_pp) {
                        return false;
                    }
                    // `, officials said`: a plural noun is a subject without a determiner.
                    let plural = people_noun(w);
                    if k == j && !(self.cap(k) || has(&DETS, w) || has(&SUBJ_PRONOUNS, w) || plural)
                    {
                        // `, state media reported`, `, local officials said`: a modifier, a
                        // group of people and the verb of saying.
                        let group = |x: &str| matches!(x, "media" | "staff") || people_noun(x);
                        return self.kind(j + 1) == Some(IK::Word)
                            && !self.cap(j + 1)
                            && group(self.w(j + 1))
                            && self
                                .cue_at(j + 2)
                                .is_some_and(|c| c.form == CueForm::Finite)
                            && (self.is_punct(j + 3) || j + 3 >= self.hi);
                    }
                    if k == j {
                        bare_plural = plural && !self.cap(k);
                    } else if k == j + 1
                        && bare_plural
                        && !(has(&AUX, w)
                            || has(CUE_ADVERBS, w)
                            || self.plural_head_with_adjective(k + 1) == Some(j))
                    {
                        return false;
                    }
                    if has(&AUX, w) || has(CUE_ADVERBS, w) {
                        // `he has said`: auxiliaries between subject and cue are fine.
                    }
                }
                Some(IK::Num) => {}
                // `, 32% call themselves conservative`
                Some(IK::Punct('%')) if k > j && self.kind(k - 1) == Some(IK::Num) => {}
                _ => return false,
            }
            k += 1;
        }
        false
    }

    /// `said after the convention he would not accept`, `said in an interview she had no
    /// plans`: when and where it was said, then a clause that opens with a personal pronoun
    /// (which no preposition's object runs into). Returns the pronoun.
    fn adjunct_before_clause(&self, k: usize) -> Option<usize> {
        if !matches!(
            self.w(k),
            "after" | "before" | "during" | "following" | "at" | "in" | "on" | "since" | "over"
        ) || self.cap(k)
        {
            return None;
        }
        let mut m = k + 1;
        while m < self.hi
            && m < k + 12
            && matches!(self.kind(m), Some(IK::Word | IK::Num))
            && !is_personal_subject(self.w(m))
        {
            let w = self.w(m);
            if has(&CLAUSE_WORDS, w)
                || has(&AUX, w)
                || self.cue_at(m).is_some_and(|c| c.form != CueForm::Noun)
            {
                return None;
            }
            m += 1;
        }
        // (`explained after winning Ohio on Mar. 15, he would …`: a comma may close it.)
        if m > k + 1 && self.punct(m, ',') {
            m += 1;
        }
        let pronoun = m > k + 1
            && m < self.hi
            && is_personal_subject(self.w(m))
            && self.kind(m + 1) == Some(IK::Word);
        pronoun.then_some(m)
    }

    /// The colon after a short object at `k` when a quotation follows it: `him: "…"`, `the
    /// client: "…"`, `reporters: "…"`. Not a clause (`the plan is simple: "…"`).
    fn addressee_before_colon_quote(&self, k: usize) -> Option<usize> {
        let pronoun = has(OBJ_PRONOUNS, self.w(k));
        let mut m = k;
        if pronoun {
            m += 1;
        } else {
            while m < self.hi
                && m < k + 4
                && self.kind(m) == Some(IK::Word)
                && !has(&AUX, self.w(m))
                && !has(&CLAUSE_WORDS, self.w(m))
                && self.cue_at(m).is_none()
            {
                m += 1;
            }
        }
        (m > k && self.punct(m, ':') && self.is_quote(m + 1)).then_some(m)
    }

    /// What was said after the cue ending at `j`.
    pub(super) fn right_content(&self, j: usize, info: &CueInfo) -> Option<(usize, usize)> {
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
        // `tells the story of how he wooed her`, `told the largely unsubstantiated tale of
        // …`: the story told is what was said (its noun joins the cue later), not one told.
        if info.lemma == "tell" && info.particle.is_none() && has(&DETS, self.w(k)) {
            let noun = (k + 1..(k + 4).min(self.hi))
                .take_while(|&m| self.kind(m) == Some(IK::Word) && !self.cap(m))
                .find(|&m| matches!(self.w(m), "story" | "stories" | "tale" | "tales"));
            if let Some(n) = noun.filter(|&n| matches!(self.w(n + 1), "of" | "about")) {
                let end = self.clause_end(n + 2);
                return (end > n + 2).then_some((k, end));
            }
        }
        // `…, Kennedy wrote Linick.`: the one a letter went to, when nothing follows the
        // name; what was written came before (or comes after `that`).
        if info.lemma == "write" && self.cap(k) && self.kind(k) == Some(IK::Word) {
            let mut m = k;
            while m < self.hi && m < k + 3 && self.cap(m) && self.kind(m) == Some(IK::Word) {
                m += 1;
            }
            if m >= self.hi || (self.is_punct(m) && !self.is_quote(m)) {
                return None;
            }
            // `wrote Linick that …`: to whom, then what.
            if self.w(m) == "that" {
                let end = self.clause_end(m);
                return (end > m + 1).then_some((m, end));
            }
        }
        // `scolded him: "…"`, `admonishing the client: "…"`: the one spoken to, then what
        // was said to them, the quotation alone (a verb that takes no addressee before a
        // clause may take one before a quotation).
        if let Some(colon) = self.addressee_before_colon_quote(k) {
            return Some((colon + 1, colon + 2));
        }
        if self.punct(k, ',') {
            if self.is_quote(k + 1) {
                k += 1;
            } else {
                // `He added, though, that …`: a connective set off by commas.
                if let Some(x) = (k + 2..(k + 6).min(self.hi)).find(|&x| self.punct(x, ',')) {
                    if self.connective_between(k + 1, x)
                        && (self.w(x + 1) == "that"
                            || self.is_quote(x + 1)
                            || self.clause_subject_at(x + 1))
                    {
                        let start = x + 1;
                        let end = if self.is_quote(start) {
                            start + 1
                        } else {
                            self.clause_end(start)
                        };
                        return (end > start).then_some((start, end));
                    }
                }
                // `He added, that there's …`: a comma the writer put before `that` (not
                // after a parenthetical cue: `…, Mr. Obama noted, that …` goes on with what
                // came before it).
                if self.w(k + 1) == "that"
                    && !self.punct(k + 2, ',')
                    // (`As we would soon learn, that crisis …`: the comma closes a fronted
                    // clause.)
                    && self.fronted != Some(k)
                    && !(self.lo..j).any(|m| self.punct(m, ',') || self.is_quote(m))
                {
                    let end = self.clause_end(k + 1);
                    return (end > k + 2).then_some((k + 1, end));
                }
                // `saying, apparently for the first time, that …`: an aside between commas.
                // (or a relative aside: `said on CNN, where he is a contributor, that …`).
                let relative = matches!(self.w(k + 1), "where" | "who" | "which" | "when")
                    // `stated, while testifying before Congress, that …`
                    || (matches!(self.w(k + 1), "while" | "after" | "before" | "if")
                        && !self.cap(k + 2)
                        && (self.w(k + 2).ends_with("ing") || self.w(k + 2).ends_with("ed")));
                // `…, Spicer said, adding, "…"`: a participle cue is an attribution of its
                // own, not an aside before what this cue reports.
                if self.participle_cue_at(k + 1) {
                    return None;
                }
                let mut m = k + 1;
                while m < self.hi
                    && m < k + 16
                    && matches!(self.kind(m), Some(IK::Word | IK::Num))
                    && (relative || self.w(m) == "or" || !has(&CLAUSE_WORDS, self.w(m)))
                {
                    m += 1;
                }
                // (`says, win or lose in Tuesday's primary, he's staying`: a pronoun opens
                // the clause.)
                if m > k + 1
                    && self.punct(m, ',')
                    && (self.w(m + 1) == "that"
                        || self.is_quote(m + 1)
                        || is_personal_subject(self.w(m + 1)) && m + 1 < self.hi)
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
        // Only a verb that takes a clause and no object: `lashed out at the parents after he
        // spoke`, `hinted at the role he sees` have a preposition's object there.
        let clause_verb = info.particle.is_none()
            && matches!(
                info.lemma,
                "say"
                    | "add"
                    | "write"
                    | "state"
                    | "note"
                    | "explain"
                    | "insist"
                    | "warn"
                    | "argue"
                    | "claim"
                    | "announce"
                    | "acknowledge"
                    | "admit"
                    | "predict"
                    | "suggest"
                    | "conclude"
                    | "declare"
                    | "testify"
            );
        if let Some(m) = clause_verb.then(|| self.adjunct_before_clause(k)).flatten() {
            k = m;
        }
        // `said because Obama is popular with voters, "he's a very good surrogate"`: a
        // subordinate clause that opens what was said, then its main clause after the comma.
        if clause_verb
            && matches!(
                self.w(k),
                "because" | "since" | "although" | "if" | "unless"
            )
        {
            let comma = (k + 2..(k + 20).min(self.hi))
                .take_while(|&m| !self.is_quote(m) && !self.punct(m, '.'))
                .find(|&m| self.punct(m, ','));
            if let Some(c) =
                comma.filter(|&c| self.is_quote(c + 1) || is_personal_subject(self.w(c + 1)))
            {
                let end = if self.is_quote(c + 1) {
                    c + 2
                } else {
                    self.clause_end(c + 1)
                };
                return Some((k, end));
            }
        }
        let start = match self.kind(k)? {
            IK::Quote(_) => k,
            // `calls for $1 trillion in new spending`: an amount of money.
            IK::Punct('$' | '£' | '€') if self.kind(k + 1) == Some(IK::Num) => k,
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
                    // (Not past an infinitive: `asked the Centre to explain why …` asked
                    // the Centre to do something.)
                    // (Over a circumstance too: `asked the former secretary of state during
                    // a Telemundo Facebook chat if she would commit …`.)
                    // (Not past what was asked about, nor into a clause: `asked about the
                    // protests and whether she would …` asked about the protests.)
                    while m < self.hi
                        && m < k + 12
                        && self.kind(m) == Some(IK::Word)
                        && self.w(m) != "to"
                        && !(m == k && w == "about")
                        && !matches!(self.w(m), "and" | "that" | "or")
                    {
                        if is_wh(self.w(m)) && m > k {
                            let end = self.clause_end(m);
                            return (end > m + 1).then_some((m, end));
                        }
                        // `asked Carson about his ties to the company`: whom, then what
                        // about (PolNeAR train keeps `about` in what was asked more often
                        // than in the cue, 7 to 4).
                        if self.w(m) == "about" && m > k && !self.cap(m) {
                            let end = self.clause_end(m);
                            return (end > m + 1).then_some((m, end));
                        }
                        m += 1;
                    }
                }
                // `said at least 12 people were killed`, `said up to 200 jobs could go`: a
                // quantity opens the clause; `at` and `up` are no prepositions there.
                let nx = self.w(k + 1);
                let quantity = (w == "at" && matches!(nx, "least" | "most"))
                    || (w == "up" && nx == "to" && {
                        let n2 = k + 2;
                        self.kind(n2) == Some(IK::Num) || crate::text::is_number_word(self.w(n2))
                    });
                if quantity
                    || w == "that"
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
                    // `asked about Trump's declaration that it was a bomb`: what was asked
                    // about is the whole noun phrase, its `that` clause included.
                    if w == "about" && question {
                        k + 1
                    } else if let Some(t) = self.find_that(k) {
                        t
                    } else if let Some(t) = (w == "to")
                        .then(|| {
                            // `explained to CBS why Merkel was chosen`: to whom, then the
                            // question it answers.
                            (k + 2..(k + 6).min(self.hi))
                                .take_while(|&m| self.kind(m) == Some(IK::Word))
                                .find(|&m| {
                                    is_wh(self.w(m)) && !matches!(self.w(m), "which" | "who")
                                })
                                .filter(|&m| {
                                    (k + 1..m)
                                        .all(|x| !has(&AUX, self.w(x)) && self.cue_at(x).is_none())
                                })
                        })
                        .flatten()
                    {
                        t
                    } else if let Some(t) = self.infinitive_after_object(k, info) {
                        // `asked the woman to raise her voice`: the object is the subject of
                        // the infinitive and part of what was asked (its appositive is not).
                        if has(&PREPS, w) || (k..t).any(|x| self.punct(x, ',')) {
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
                        } else if m == k + 1
                            && has(&AUX, nx)
                            && !matches!(nx, "not" | "never")
                            && !has(OBJ_PRONOUNS, w)
                        {
                            // `warned members were at risk`: no addressee, but the subject of
                            // a clause without `that`.
                            k
                        } else if matches!(info.lemma, "promise" | "pledge" | "guarantee")
                            && (has(&DETS, w)
                                || !(self.cap(k)
                                    || w.ends_with("ly")
                                    || has(&AUX, w)
                                    || has(&CLAUSE_WORDS, w)
                                    || has(&PREPS, w)
                                    || has(OBJ_PRONOUNS, w)
                                    || has(&SUBJ_PRONOUNS, w)))
                        {
                            // `promised a full investigation`: what is promised, with no one
                            // it is promised to.
                            k
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
                } else if (matches!(
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
                ) || has(&AUX, w))
                    // (`said so many people were angry`: a quantity, not `said so`.)
                    && !(w == "so" && matches!(self.w(k + 1), "many" | "much" | "few" | "little"))
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
    pub(super) fn object_not_reported(&self, info: &CueInfo, k: usize) -> bool {
        let w = self.w(k);
        match info.lemma {
            "add" | "admit" => {
                let mut m = k;
                // `added one more development`, `added trucks, and …`: adding a thing (a noun
                // phrase that runs to a comma or the end with no verb is no clause).
                let thing = info.lemma == "add" && {
                    let mut e = k;
                    while e < self.hi
                        && self.kind(e) == Some(IK::Word)
                        && !has(&AUX, self.w(e))
                        && !has(&CLAUSE_WORDS, self.w(e))
                        && !self.verb_at(e)
                        && !is_personal_subject(self.w(e))
                        && self.cue_at(e).is_none()
                    {
                        e += 1;
                    }
                    // (`added the words, "Hillary Clinton."`: the quotation is what was said.)
                    e > k
                        && (e >= self.hi || self.punct(e, ',') || self.punct(e, '.'))
                        && !self.is_quote(e + 1)
                        && (crate::text::is_number_word(w) || self.w(e - 1).ends_with('s'))
                };
                if thing {
                    return true;
                }
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
            // `reported quarterly results`, `reported a net loss of $2 million`: figures a
            // company files, not something said.
            // (`reported losses were mounting` is a clause: its verb follows the noun.)
            "report" => (k..(k + 8).min(self.hi))
                .take_while(|&m| {
                    matches!(
                        self.kind(m),
                        Some(IK::Word | IK::Num | IK::Punct('-' | '$'))
                    ) && self.w(m) != "that"
                })
                .any(|m| {
                    !has(&AUX, self.w(m + 1))
                        && matches!(
                            self.w(m),
                            "results"
                                | "earnings"
                                | "profit"
                                | "profits"
                                | "loss"
                                | "losses"
                                | "revenue"
                                | "revenues"
                                | "sales"
                                | "income"
                                | "dividend"
                                | "ebitda"
                        )
                }),
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
            // `declined to be named`, `refused to be identified`: the same formula.
            "decline" | "refuse" => {
                w == "to"
                    && self.w(k + 1) == "be"
                    && matches!(self.w(k + 2), "identified" | "named")
            }
            _ => false,
        }
    }

    /// Where a noun phrase object that starts at `k` ends: before a time or place adjunct
    /// (`in February`, `at a news conference`, `on Monday`, `last week`) or a coordinated
    /// verb (`and organized`), or at punctuation.
    pub(super) fn np_object_end(&self, k: usize) -> usize {
        let mut m = k + 1;
        while m < self.hi {
            let w = self.w(m);
            match self.kind(m) {
                Some(IK::Word) => {
                    let nx = self.w(m + 1);
                    let adjunct = (matches!(
                        w,
                        "in" | "at" | "on" | "during" | "after" | "before" | "since"
                    ) && (is_day(nx)
                        || is_month(nx)
                        || has(TIME_WORDS, nx)
                        || self.kind(m + 1) == Some(IK::Num)))
                        // (Not inside a clause on the object: `the crisis that occurred
                        // during his second term`.)
                        // `charged Lewandowski after determining …`, `pledged to work together
                        // after a meeting Thursday`: when the act took place. (Not why:
                        // `criticized the plan because it was rushed` may be the criticism.)
                        || ((self.occasion_phrase(m)
                            || (matches!(w, "after" | "before" | "when" | "while")
                                && m > k + 1
                                // (`until after the primaries`, `the day before`, `at a time
                                // when …`: part of a time phrase.)
                                && !matches!(
                                    self.w(m - 1),
                                    "until" | "day" | "time" | "moment" | "point" | "shortly"
                                        | "long" | "right" | "just" | "soon" | "only" | "even"
                                        | "week" | "year" | "month" | "days" | "years"
                                )))
                            && !(k + 1..m).any(|x| {
                                self.verb_at(x) || matches!(self.w(x), "that" | "who" | "which")
                            }));
                    let time = matches!(w, "last" | "this" | "next" | "earlier")
                        && (has(TIME_WORDS, nx) || is_day(nx) || is_month(nx));
                    // `echoed similar themes and took the stage`, `calling them rapists and
                    // vowing to …`, `criticized Mr. Trump and has been a pointed critic`: a
                    // verb coordinated with the cue ends its object.
                    // (`barely mentioned Clinton's remarks and went right back to …`, `thanked
                    // her home state and then boomed`.)
                    let verb = w == "and"
                        && !self.cap(m + 1)
                        && (nx.ends_with("ed")
                            || IRREGULAR_PAST.contains(nx)
                            || nx == "then"
                            || self.finite_cue_at(m + 1)
                            || self.participle_cue_at(m + 1)
                            || (has(&AUX, nx) && !has(&DETS, nx)));
                    if adjunct || time || verb || is_day(w) {
                        return m;
                    }
                    // `groups supporting Chris Christie, John Kasich and Marco Rubio also have
                    // spent heavily`: an auxiliary after the object, outside a relative clause
                    // of its own, is the verb of a clause the object was the subject of.
                    if has(&AUX, w)
                        && !self.cap(m)
                        && !matches!(w, "not" | "never" | "'s" | "be" | "been" | "being" | "do")
                        && self.kind(m - 1) == Some(IK::Word)
                        && self.w(m - 1) != "each"
                        && !has(&SUBJ_PRONOUNS, self.w(m - 1))
                        && !has(&PREPS, self.w(m - 1))
                        && !(k..m).any(|x| {
                            matches!(
                                self.w(x),
                                "that"
                                    | "which"
                                    | "who"
                                    | "whom"
                                    | "whose"
                                    | "to"
                                    | "because"
                                    | "as"
                                    | "since"
                                    | "when"
                                    | "where"
                                    | "while"
                                    | "if"
                                    | "after"
                                    | "before"
                                    | "until"
                                    | "though"
                                    | "although"
                                    | "but"
                            ) || has(&SUBJ_PRONOUNS, self.w(x))
                        })
                    {
                        let adverb = m > k + 1
                            && (matches!(self.w(m - 1), "also" | "still" | "already")
                                || ly_adverb(self.w(m - 1)));
                        return if adverb { m - 1 } else { m };
                    }
                }
                Some(IK::Num) | Some(IK::Quote(_)) | Some(IK::Punct('-' | '\'' | '"')) => {}
                // `criticized Tulsa, Okla., police officer Betty Shelby`, `criticized France,
                // Germany and Italy`: a comma between names is inside the noun phrase, and so is
                // the one that closes a place's state or country; not one before an
                // attribution (`criticized Trump, Clinton said`).
                Some(IK::Punct(','))
                    if m > k
                        && self.cap_word(m - 1)
                        && (self.names_or_place_after(m)
                            || (m >= k + 3 && self.punct(m - 2, ',') && self.cap_word(m - 3))) => {}
                _ => return m,
            }
            m += 1;
        }
        m
    }

    /// Whether the preposition at `m` opens a phrase about when, where or through what the
    /// words were said, not a part of what was said: `during the first debate`, `despite a
    /// subpoena`, `on Twitter`, `in early-morning tweets`, `at last week's forum`, `in a
    /// ruling released Thursday`. (`in the Senate`, `on trade` stay with the object.)
    pub(super) fn occasion_phrase(&self, m: usize) -> bool {
        let w = self.w(m);
        if matches!(w, "during" | "despite" | "amid") {
            return true;
        }
        if !matches!(w, "in" | "on" | "at" | "after" | "before" | "since") {
            return false;
        }
        if matches!(
            self.w(m + 1),
            "twitter" | "facebook" | "instagram" | "youtube" | "television" | "tv" | "radio"
        ) {
            return !matches!(self.w(m + 2), "for" | "as" | "over" | "about");
        }
        // The noun phrase: a determiner or possessive, up to three modifiers, its head.
        let mut j = m + 1;
        let mut det = false;
        while j < self.hi && j < m + 6 {
            match self.kind(j) {
                Some(IK::Word | IK::Num) | Some(IK::Punct('-' | '\'')) => {}
                _ => break,
            }
            let x = self.w(j);
            if has(&DETS, x) || x == "'s" {
                det = true;
            } else if self.kind(j) == Some(IK::Word) {
                let head = x.trim_end_matches('s');
                let occasion = has(MEDIUM_NOUNS, head)
                    || has(MEDIUM_NOUNS, x.trim_end_matches("es"))
                    || matches!(
                        head,
                        "rally"
                            | "ralli"
                            | "debate"
                            | "event"
                            | "hearing"
                            | "forum"
                            | "ruling"
                            | "appearance"
                            | "diatribe"
                            | "remark"
                            | "occasion"
                            | "website"
                            | "media"
                            | "session"
                    );
                // (`thanked Trump on Twitter for backing …`: the complement goes on after it.)
                if occasion && (det || x.ends_with('s') || x == "media") {
                    return !matches!(self.w(j + 1), "for" | "as" | "over" | "about");
                }
                if has(&PREPS, x) || has(&AUX, x) || x == "and" {
                    break;
                }
            }
            j += 1;
        }
        false
    }

    /// Whether the comma at `m`, after a name, goes on with more names or the place's state or
    /// country: a list closed by `and`/`or` and a name (`France, Germany and Italy`), or one or
    /// two capitalised words closed by a comma (`Tulsa, Okla., police officer …`). A name
    /// followed by anything else opens a clause or an appositive (`Mr. Cruz, Darran Whiting
    /// of …`, `Trump, Golvach lost his son`).
    fn names_or_place_after(&self, m: usize) -> bool {
        let mut j = m + 1;
        let mut groups = 0;
        while j < self.hi && j < m + 16 {
            let from = j;
            while self.cap_word(j) && j < from + 4 {
                j += 1;
            }
            if j == from {
                return false;
            }
            groups += 1;
            match self.w(j) {
                "and" | "or" => return self.cap_word(j + 1) && !self.np_then_cue(j + 1),
                _ if self.punct(j, ',') => {
                    // A place: its state or country, then the rest of the noun phrase.
                    if groups == 1 && j - from <= 2 && !self.cap_word(j + 1) {
                        return !self.np_then_cue(m + 1);
                    }
                    j += 1;
                }
                _ => return false,
            }
        }
        false
    }

    /// A capitalised word at `x` that is no pronoun or determiner: a name's or a place's.
    fn cap_word(&self, x: usize) -> bool {
        self.kind(x) == Some(IK::Word)
            && self.cap(x)
            && !has(&SUBJ_PRONOUNS, self.w(x))
            && !has(&DETS, self.w(x))
    }

    /// Whether the word at `m` heads a prepositional phrase's noun phrase or an addressee,
    /// opened by a determiner at most two modifiers before it (`on a conference call`, `told
    /// a regular briefing`): a noun, not a verb.
    fn noun_after_det(&self, m: usize) -> bool {
        let mut j = m;
        while j > self.lo && j + 3 > m {
            j -= 1;
            let w = self.w(j);
            if has(&DETS, w) {
                // (Or the addressee right after a verb: `told a regular briefing that`.)
                return matches!(w, "a" | "an" | "the" | "his" | "her" | "its" | "their")
                    && j > self.lo
                    && (matches!(self.w(j - 1), "on" | "in" | "at" | "during" | "after")
                        || self
                            .cue_at(j - 1)
                            .is_some_and(|c| c.takes_addressee && c.form != CueForm::Noun));
            }
            if self.kind(j) != Some(IK::Word) || self.cue_at(j).is_some() || has(&PREPS, w) {
                return false;
            }
        }
        false
    }

    /// A personal pronoun that can only be a subject (`he`, `they`), or `it` before its verb
    /// (`it is clear`), not after a preposition: where a clause starts.
    fn clause_subject_at(&self, m: usize) -> bool {
        let w = self.w(m);
        let subject = is_personal_subject(w)
            || (w == "it" && (has(&AUX, self.w(m + 1)) || has(BE, self.w(m + 1))));
        // (`tell the agency anything it does not know`: a relative clause on a pronoun.)
        let before = if m > self.lo { self.w(m - 1) } else { "" };
        subject
            && self.kind(m) == Some(IK::Word)
            && !has(&PREPS, before)
            && !matches!(
                before,
                "anything" | "everything" | "something" | "nothing" | "all" | "much" | "little"
            )
    }

    /// Where what was said starts after an addressee of a few words (`told a news
    /// conference they are …`, `told The Star-Ledger last week she would …`, `told his
    /// supporters, "…"`): at the first subject pronoun or quotation within reach.
    pub(super) fn after_addressee(&self, k: usize) -> Option<usize> {
        let mut m = k + 1;
        while m < self.hi && m < k + 10 {
            match self.kind(m) {
                Some(IK::Quote(_)) => return Some(m),
                Some(IK::Punct(',')) if self.is_quote(m + 1) => return Some(m + 1),
                Some(IK::Punct(':')) if m + 1 < self.hi => return Some(m + 1),
                Some(IK::Word) => {
                    let w = self.w(m);
                    if self.clause_subject_at(m) {
                        return Some(m);
                    }
                    // `told the court his client …`: a possessive after the addressee's noun
                    // starts the subject of what was told (not after a preposition: `the head
                    // of his committee`).
                    if matches!(w, "his" | "their" | "its" | "our" | "my" | "your")
                        && self.kind(m - 1) == Some(IK::Word)
                        && !has(&PREPS, self.w(m - 1))
                        && !has(&DETS, self.w(m - 1))
                        && !matches!(self.w(m - 1), "of" | "and" | "or")
                    {
                        return Some(m);
                    }
                    // `told the mayors who gathered in Indianapolis, "…"`: a relative clause
                    // on the addressee, closed by the comma before the quotation.
                    if w == "who" && m > k {
                        return (m + 2..(m + 20).min(self.hi))
                            .take_while(|&x| !self.is_quote(x))
                            .find(|&x| self.punct(x, ',') && self.is_quote(x + 1))
                            .map(|x| x + 1);
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
    pub(super) fn plural_possessive(&self, m: usize) -> bool {
        m > self.lo
            && self.kind(m - 1) == Some(IK::Word)
            && self.w(m - 1).ends_with('s')
            && self.a.items[m - 1].end == self.a.items[m].start
            && self.kind(m + 1) == Some(IK::Word)
    }

    pub(super) fn infinitive_after_object(&self, k: usize, info: &CueInfo) -> Option<usize> {
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
                Some(IK::Word) if is_personal_subject(self.w(m)) => return None,
                Some(IK::Word) | Some(IK::Num) => {}
                // `asked NBC's Lester Holt, the moderator of the debate, to fact check …`: an
                // appositive on the object, set off by commas, before the infinitive.
                Some(IK::Punct(',')) if m > k => {
                    let close = (m + 2..(m + 16).min(self.hi))
                        .find(|&c| !matches!(self.kind(c), Some(IK::Word | IK::Num)))?;
                    let to = close + 1;
                    let appositive = has(&DETS, self.w(m + 1)) || self.w(m + 1).ends_with("'s");
                    return (appositive
                        && self.punct(close, ',')
                        && self.w(to) == "to"
                        && self.kind(to + 1) == Some(IK::Word)
                        && !self.cap(to + 1)
                        && !has(&DETS, self.w(to + 1)))
                    .then_some(to);
                }
                _ => return None,
            }
        }
        None
    }

    /// The clause before the source: the sentence start up to the comma or quotation that
    /// precedes the source; a quotation alone is taken alone.
    pub(super) fn left_content(&self, upto: usize) -> Option<(usize, usize)> {
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
            } else if s + 2 < upto
                && self.punct(s + 2, ',')
                && matches!(
                    (self.w(s), self.w(s + 1)),
                    ("in", "fact" | "contrast" | "addition" | "short" | "turn")
                        | ("even", "so")
                        | ("of", "course")
                        | ("after", "all")
                        | ("by", "contrast")
                )
            {
                // `In fact, …`, `Even so, …`, `Of course, …`: the writer's connective.
                s += 3;
            } else {
                break;
            }
        }
        let mut e = upto;
        while e > s && self.is_punct(e - 1) && !self.closes_content(s, e - 1) {
            e -= 1;
        }
        // `The statement referenced her record: “…,” the union wrote`: a quotation that a
        // colon introduces is what the attribution after it reports; the words before the
        // colon are the writer's.
        if e > s + 2 && self.is_quote(e - 1) && self.punct(e - 2, ':') {
            s = e - 1;
        }
        (e > s).then_some((s, e))
    }
}

/// A plural noun that can be a subject without a determiner (`officials`, `people`): a word
/// in `-s` that is no auxiliary, determiner, pronoun or preposition.
pub(super) fn people_noun(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("'s")
        && !has(&AUX, w)
        && !has(&DETS, w)
        && !has(&SUBJ_PRONOUNS, w)
        && !has(&PREPS, w))
        || matches!(w, "people" | "police")
}
