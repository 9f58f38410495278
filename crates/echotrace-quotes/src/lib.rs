//! Quotations in news text: direct and reported speech, with cue, content, source mention and
//! the resolved speaker.
//!
//! # Design
//!
//! Rule-based and fast (no model at run time). One pass over a document:
//!
//! 1. **Marks and items** ([`text`] module, private): the text is cut into paragraphs and
//!    tokens; quotation marks (straight, curly, single, guillemets, `''`) are paired with a
//!    stack per paragraph, so a quote of the other kind nests inside its parent, and
//!    apostrophes (`don't`, `Kazakhstan's`, `'90s`, `voters’`) never open a quote. An opening
//!    mark left unclosed at the end of a paragraph continues into the next paragraph when that
//!    one opens with a mark (the multi-paragraph convention). Each top-level quotation then
//!    becomes one *item*, so the words inside it are never read as the cue of the sentence
//!    around it, and sentences do not end inside it.
//! 2. **Cues** ([`CueLexicon`], [`DefaultLexicon`]): reporting verbs in all inflections,
//!    particle verbs (`pointed out`), `according to`, colon cues (`X: "…"`) and nouns that
//!    take a clause (`his claim that`).
//! 3. **Attribution** (rules on items, the private `extract` module: one file for each thing a
//!    rule asks, such as noun phrases, content boundaries, noun cues): for each cue, its *source* (the subject noun phrase
//!    with its title or appositive; an inverted subject in `…, said Smith`; the main clause's
//!    subject for participles such as `Stating that …, X added` and `…, mentioning that`; the
//!    first verb's subject for coordinated verbs `described … and suggested`) and its
//!    *content* (a `that`-clause, a bare clause, an infinitive after `promised`, a quotation,
//!    or the clause before the source in `…, Tokayev said`), ending where the reported clause
//!    ends (`, as he spoke of …` is not part of it). A quotation split by its cue
//!    (`"…," she said. "…"`) is one quote with two content fragments. Also: relative-clause
//!    attributions (`a bill, which critics said was discriminatory`), passives whose subject
//!    is what is judged (`Mr. Manafort's role was disclosed`), hearsay adverbs with no source
//!    (`the hackers have reportedly infiltrated …`), verbs of judging whose object is a noun
//!    phrase (`endorsed Mr. Trump at a news conference` → `Mr. Trump`), and transcript turns
//!    (`TAPPER: …`, the whole paragraph, when the text also writes the label as a name or
//!    the turn opens with a quotation mark, as transcripts quoted as a block do). A subject
//!    is the whole noun phrase before the verb, with a relative clause, preposition or
//!    participle after its head (`Officials who spoke with the Gazette said`, `A poll
//!    conducted last week found`); the speaker is resolved from the head alone.
//! 4. **Speakers** ([`EntityRegistry`], [`SpeakerResolver`]): a per-document registry of
//!    people (names with titles and roles, aliases by surname) and organisations (acronyms,
//!    `-isation`/`-ization` spellings); a source mention resolves to the fullest name:
//!    `Tokayev` and `the Kazakh president` to `Kassym-Jomart Tokayev`, `He` to the last
//!    compatible person in focus. What cannot be resolved stays `None`: no speaker is
//!    invented.
//!
//! Raising verbs (`Clinton seems not to have found a voice`, `it appeared that …`) attribute
//! a judgement to nobody: their content is the subject with its predicate, with no source.
//!
//! Quoted phrases that no cue governs (`literally "Independence Square"`, titles, scare
//! quotes) are not speech. A quotation that fills a sentence of its own but has no cue
//! (a paragraph that goes on quoting the last speaker) is attributed to that speaker.
//!
//! All spans are byte offsets into the text, on character boundaries; convert with
//! [`echotrace_core::CharOffsets`] for output.
//!
//! # Example
//!
//! ```
//! use echotrace_quotes::{QuoteExtractor, QuoteKind};
//!
//! let text = "Kazakh President Kassym-Jomart Tokayev said on Monday that the unrest had been \
//!             prepared for a long time.\n\"We are talking about an attempted coup,\" Tokayev said.";
//! let out = QuoteExtractor::new().extract(text);
//! assert_eq!(out.quotes.len(), 2);
//! let q = &out.quotes[1];
//! assert_eq!(q.kind, QuoteKind::Direct);
//! assert_eq!(q.speaker.as_deref(), Some("Kassym-Jomart Tokayev"));
//! assert_eq!(q.cue.map(|c| c.slice(text)), Some("said"));
//! assert_eq!(out.quotes[0].content[0].slice(text),
//!            "that the unrest had been prepared for a long time");
//! ```

mod entities;
mod extract;
mod lexicon;
mod text;

pub use echotrace_core::ByteSpan;
pub use entities::{Entity, EntityKind, EntityRegistry, Gender};
pub use lexicon::{CueClass, CueForm, CueInfo, CueLexicon, DefaultLexicon};

/// Which rules extracted a set of quotes: the crate's version and a fingerprint of its
/// source (see `build.rs`), different whenever a change to the rules may change what is
/// extracted. A store keeps it to extract again what an older build extracted.
pub const RULES_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("ECHOTRACE_QUOTES_RULES")
);

use echotrace_core::Document;
use extract::{Analysis, Cand, Rules, IK};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How a quote gives what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim, inside quotation marks.
    Direct,
    /// In the reporter's words (it may contain short quoted phrases, see [`Quote::quoted`]).
    Reported,
    /// Reported speech ending in, or built around, a verbatim clause.
    Mixed,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// What was said: one span per contiguous piece (a quote split by its cue has two).
    /// Direct pieces include their quotation marks.
    pub content: Vec<ByteSpan>,
    /// The cue (`said`, `has stated`, `according to`, `:`), if any.
    pub cue: Option<ByteSpan>,
    /// The source mention as written (`He`, `The Kazakh president`, `Tokayev`), if any.
    pub source: Option<ByteSpan>,
    /// The speaker's fullest name in the document, when the mention resolves.
    pub speaker: Option<String>,
    /// Speech or attitude (thinking, wanting, judging).
    pub class: CueClass,
    /// Verbatim pieces inside the content (with their marks).
    pub quoted: Vec<ByteSpan>,
}

/// The quotes of one document and the people and organisations it names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub entities: EntityRegistry,
}

/// What a [`SpeakerResolver`] sees of a source mention.
pub struct Mention<'a> {
    pub text: &'a str,
    /// The mention to resolve; for a relative pronoun (`…, who said`) its antecedent.
    pub span: ByteSpan,
    /// Whether the mention starts a sentence (its capital then says nothing).
    pub sentence_start: bool,
    pub registry: &'a EntityRegistry,
    /// The quotes before this one, resolved.
    pub previous: &'a [Quote],
}

/// The plug point for speaker resolution (coreference): maps a source mention to a name.
pub trait SpeakerResolver: Send + Sync {
    fn resolve(&self, mention: &Mention<'_>) -> Option<String>;
}

/// The default resolver: names and surnames through the registry, roles to the person
/// introduced with that role, `he`/`she` to the person in focus, organisations to their
/// fullest name.
#[derive(Clone, Copy, Debug, Default)]
pub struct RegistryResolver;

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

impl SpeakerResolver for RegistryResolver {
    fn resolve(&self, m: &Mention<'_>) -> Option<String> {
        let raw = m.span.slice(m.text).trim();
        if raw.is_empty() {
            return None;
        }
        let words: Vec<&str> = raw
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = words.iter().map(|w| lower_straight(w)).collect();
        let at = m.span.start;
        // `Ms. Toretti, Mrs. Rao and other prominent bundlers`: a group, nobody in particular.
        if names_a_group(raw) {
            return None;
        }

        // With `told`, the speaker is the subject: the mention after it is the addressee
        // (`Charles Simpson, …, told Polygraph.info the …`).
        if let Some(verb) = word_before(m.text, at) {
            if matches!(
                verb.to_lowercase().as_str(),
                "told" | "tells" | "tell" | "telling"
            ) {
                return told_subject(m);
            }
            // `China's ambassador to Britain`: the object of a title's preposition is not
            // the speaker; the person with that title is.
            if matches!(verb, "to" | "for" | "of" | "at" | "in") {
                let before = m.text.get(..at).unwrap_or("").trim_end();
                let before = before.strip_suffix(verb).unwrap_or(before);
                if let Some(title) = word_before(m.text, before.len()) {
                    let tl = title.to_lowercase();
                    if entities::is_title(tl.as_str()) {
                        return m.registry.lookup_role(&tl, at).map(|e| e.name.clone());
                    }
                }
            }
        }
        if lower.len() == 1 && PERSON_PRONOUNS.contains(&lower[0].as_str()) {
            let gender = if lower[0] == "he" || lower[0] == "him" {
                Gender::Male
            } else {
                Gender::Female
            };
            return self.person_in_focus(m, gender);
        }
        // First-person and other pronouns (`I`, `We`, `They'll`, `This`) name nobody here.
        if words.len() == 1
            && lower[0] != "it"
            && lower[0] != "they"
            && entities::is_pronoun_token(words[0])
        {
            return None;
        }
        if lower.len() == 1 && (lower[0] == "it" || lower[0] == "they") {
            // `The company's shares fell after it said …`: an organisation named by a generic
            // noun earlier in the sentence is what `it` stands for; it is resolved as that
            // noun is, or not at all.
            if lower[0] == "it" {
                let sent = sentences_back(m.text, at, 0);
                if let Some(noun) = generic_org_before(m.text.get(sent..at).unwrap_or("")) {
                    if let Some(e) = m.registry.lookup_org_role(noun, at) {
                        return Some(e.name.clone());
                    }
                    return org_in_focus(m, sentences_back(m.text, at, 5))
                        .filter(|name| entities::noun_fits_org(noun, name));
                }
            }
            // `It said`, `they said`: the organisation in focus (mentioned or speaking in
            // the last two sentences). `They` with no organisation there is people, unnamed.
            return org_in_focus(m, sentences_back(m.text, at, 2));
        }
        // `Omar Lamrani, a senior analyst at Stratfor, told …`: the mention is the
        // appositive; the name before it is the speaker.
        if lower
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an"))
        {
            if let Some(name) = name_before_appositive(m) {
                return Some(name);
            }
        }
        // An organisation named by its head noun and a proper or national modifier: `China's
        // commerce ministry`, `the US military`, `Bolivia's public defender's office`.
        let first_seg = raw
            .split([',', '(', '\u{2014}', '\u{2013}'])
            .next()
            .unwrap_or(raw);
        let first_seg = first_seg.split(" - ").next().unwrap_or(first_seg).trim();
        if let Some(name) = org_phrase(m, first_seg) {
            return Some(name);
        }
        // `Sweden's deputy director of public prosecutions, Eva-Marie Persson, said`: a
        // descriptor, then the name set off by commas.
        // A mention that opens with a verb or a common noun (`runs the AMAs, Dick Clark
        // Productions`) is a descriptor as well.
        let lower_start = lower
            .first()
            .is_some_and(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            && words[0].chars().next().is_some_and(char::is_lowercase);
        // So is a role named by its title (`The Prime Minister, Keir Starmer, said`) or by a
        // common noun (`The head of the NHS Confederation, Matthew Taylor, warned`): the
        // person is the name set off after it.
        let seg_words: Vec<&str> = first_seg.split_whitespace().collect();
        let role = seg_words.len() >= 2
            && (matches!(
                seg_words[0].to_lowercase().as_str(),
                "the" | "its" | "his" | "her" | "their"
            ) || seg_words[0].ends_with("'s")
                || seg_words[0].ends_with("\u{2019}s"))
            && (seg_words.last().is_some_and(|w| {
                let w = w.to_lowercase();
                // `Secretary-General`, `Director-General`
                entities::is_title(&w) || w.split('-').any(entities::is_title)
            })
                || seg_words[1].chars().next().is_some_and(char::is_lowercase))
            // One person's role, not a group's (`The other candidates at the debate -- …`).
            && seg_words
                .iter()
                .take_while(|w| !matches!(**w, "of" | "at" | "for" | "in" | "on" | "from" | "--"))
                .last()
                .is_some_and(|w| !w.ends_with('s') || w.ends_with("ss") || w.len() <= 3);
        let descriptor = lower_start
            || role
            || first_seg
                .split_whitespace()
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        if raw.contains(',') && descriptor {
            if let Some(name) = appositive_name(m, raw) {
                return Some(name);
            }
        }
        // The name part of the mention: the capitalised words after the last title, up to
        // the first comma (an appositive follows it) or dash (a clause follows it).
        let head: &str = first_seg;
        // After a possessive the owner is done: `Iowa State University's Dianne Bystrom`.
        let possessive = head.rfind("'s ").map(|p| (p, p + 3)).or_else(|| {
            head.rfind("\u{2019}s ")
                .map(|p| (p, p + "\u{2019}s ".len()))
        });
        let owner = possessive.map(|(p, _)| &head[..p]);
        let head = possessive.map_or(head, |(_, e)| &head[e..]);
        // `Mr Johnson's spokesman`: a role that belongs to a person is that person's aide,
        // not whoever else holds a role of that name (`Kremlin spokesman Dmitry Peskov`).
        let owned_by_person = owner.is_some_and(|o| {
            let first = o.split_whitespace().next().unwrap_or("").to_lowercase();
            // A titled owner, or one the registry knows by a full personal name (not a
            // one-word `Austria` that the registry took for a person for its speaking).
            entities::is_title(first.trim_end_matches('.'))
                || m.registry
                    .lookup(o.trim_start_matches("the ").trim(), at)
                    .is_some_and(|e| e.kind == EntityKind::Person && e.name.contains(' '))
        });
        let head_is_role = head
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase));
        if owned_by_person && head_is_role {
            return None;
        }
        let mut hw: Vec<&str> = head.split_whitespace().collect();
        // The head noun phrase ends before its prepositional phrase: `the US Embassy in New
        // Delhi`, `a spokeswoman for Neumann`, `Clark in October`.
        if let Some(k) = (1..hw.len()).find(|&k| {
            let w = hw[k];
            let prev = hw[k - 1].to_lowercase();
            let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
            let inside_name = cap(hw[k - 1]) && hw.get(k + 1).is_some_and(|n| cap(n));
            matches!(
                w,
                "in" | "at"
                    | "from"
                    | "with"
                    | "near"
                    | "during"
                    | "via"
                    | "by"
                    | "outside"
                    | "inside"
                    | "among"
            ) || (w == "on" && !inside_name)
                || (matches!(w, "for" | "of")
                    && hw[k - 1].chars().next().is_some_and(char::is_lowercase)
                    && (w == "for" || !entities::is_title(prev.as_str()))
                    // A role in lowercase words before a name is no phrase to cut: `master
                    // of ceremonies Asab Al-Tabchi`.
                    && !(w == "of" && role_then_name(&hw[k + 1..])))
                // `Ted Cruz of Texas`: a person's name before where they are from (`Bank of
                // America` and `Federal Reserve Bank of New York` are names of their own).
                || (w == "of"
                    && hw[..k].iter().all(|x| cap(x))
                    && entities::names_person_before_of(&hw[..k]))
        }) {
            // `a spokesperson for the NYAG` speaks for an organisation, never for a person.
            let spokes = hw[k] == "for" && hw[k - 1].to_lowercase().starts_with("spokes");
            if spokes {
                let rest = hw[k + 1..].join(" ");
                let rest = rest.trim_start_matches("the ");
                return m
                    .registry
                    .lookup(rest, at)
                    .filter(|e| e.kind == EntityKind::Organisation)
                    .map(|e| e.name.clone());
            }
            hw.truncate(k);
        }
        let hl: Vec<String> = hw.iter().map(|w| w.to_lowercase()).collect();
        // `an OPM`, `a specialized agency`, `a 2024 CivicScience`: nobody in particular.
        if hl.first().is_some_and(|w| w == "a" || w == "an") {
            return None;
        }
        // A title with its prepositional phrase (`The chairman of the Conservative Party`,
        // `The United Nations High Commissioner for Human Rights`): the speaker is the
        // holder of the title, never the object of the preposition.
        let title_pp = (0..hl.len().saturating_sub(2)).rev().find(|&k| {
            entities::is_title(hl[k].as_str()) && matches!(hl[k + 1].as_str(), "of" | "for" | "to")
        });
        let mut from = 0;
        for (k, w) in hl.iter().enumerate() {
            if entities::is_title_word(w.as_str()) && k + 1 < hl.len() {
                from = k + 1;
                if hl.get(k + 1).is_some_and(|x| x == "of") && k + 3 < hl.len() {
                    from = k + 3;
                }
            }
            // (`Only Trump said`, `Even Cruz agreed`: the adverb is not part of the name.)
            if matches!(w.as_str(), "the" | "a" | "an")
                || (k == 0 && matches!(w.as_str(), "only" | "even" | "just" | "perhaps"))
            {
                from = from.max(k + 1);
            }
        }
        // The last run of capitalised words (with `of`, `on`, `for` inside it).
        let is_cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let mut run_end = hw.len();
        while run_end > from && !is_cap(&hw[run_end - 1]) {
            run_end -= 1;
        }
        let mut run_start = run_end;
        while run_start > from {
            let w = hw[run_start - 1];
            if is_cap(&w) {
                run_start -= 1;
            } else {
                // `of`, `on`, `for` inside a name, and the particles of a surname, one or
                // more (`Ursula von der Leyen`, `Lula da Silva`), with a capitalised word
                // before them.
                let particle = |x: &str| {
                    matches!(
                        x,
                        "of" | "on"
                            | "for"
                            | "de"
                            | "der"
                            | "den"
                            | "da"
                            | "das"
                            | "dos"
                            | "du"
                            | "van"
                            | "von"
                            | "bin"
                            | "al"
                    )
                };
                let mut p = run_start;
                while p > from && run_start - p < 3 && particle(hw[p - 1]) {
                    p -= 1;
                }
                if p < run_start && p > from && is_cap(&hw[p - 1]) {
                    run_start = p - 1;
                } else {
                    break;
                }
            }
        }
        let name_words: Vec<&str> = hw[run_start..run_end]
            .iter()
            .map(|w| w.trim_end_matches("'s").trim_end_matches("\u{2019}s"))
            .collect();
        let ends_with_name = hw
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if ends_with_name && !name_words.is_empty() {
            if name_words.iter().any(|w| entities::is_pronoun_token(w)) {
                return None;
            }
            // `The order released Friday`: a day or a month ends the phrase; it names nobody.
            let lone = name_words[0].to_lowercase();
            if name_words.len() == 1 && (extract::is_day(&lone) || extract::is_month(&lone)) {
                return None;
            }
            let name = name_words.join(" ");
            if let Some(k) = title_pp.filter(|&k| k < run_start) {
                // A person named after the title (`Secretary of State Mike Pompeo`) is the
                // speaker; an organisation or place there is the object.
                if let Some(e) = m
                    .registry
                    .lookup(&name, at)
                    .filter(|e| e.kind == EntityKind::Person)
                {
                    return Some(e.name.clone());
                }
                let det = hl
                    .iter()
                    .position(|w| !matches!(w.as_str(), "the" | "a" | "an"))
                    .unwrap_or(0);
                let role: Vec<&str> = hl[det..=k].iter().map(String::as_str).collect();
                if let Some(e) = m.registry.lookup_role(&role.join(" "), at) {
                    return Some(e.name.clone());
                }
                // A capitalised office (`United Nations High Commissioner for Human Rights`)
                // speaks as an institution.
                let office = &hw[det..];
                let capitalised = office
                    .iter()
                    .all(|w| is_cap(w) || matches!(*w, "of" | "for" | "to" | "the" | "and" | "on"));
                if capitalised && k > det && office.len() >= 4 {
                    return Some(office.join(" "));
                }
                return None;
            }
            let gender = hl[..run_start]
                .iter()
                .rev()
                .find_map(|w| entities::title_gender(w));
            if let Some(e) = m.registry.lookup_gendered(&name, at, gender) {
                return Some(e.name.clone());
            }
            // `Britain Liu Xiaming`: a place before the name; the person is the run's tail.
            for k in 1..name_words.len().saturating_sub(1) {
                let tail = name_words[k..].join(" ");
                if let Some(e) = m
                    .registry
                    .lookup(&tail, at)
                    .filter(|e| e.kind == EntityKind::Person)
                {
                    return Some(e.name.clone());
                }
            }
            // `The Prime Minister`, `The President`: an office the registry knows by no name,
            // resolved to its holder as a role is, or to nobody.
            if entities::is_office(&name_words) {
                let role: Vec<String> = name_words.iter().map(|w| w.to_lowercase()).collect();
                return m
                    .registry
                    .lookup_role(&role.join(" "), at)
                    .map(|e| e.name.clone());
            }
            // A name the registry did not take. A lone word is a speaker only when the
            // registry knows it (a surname given in full earlier, a word that was the subject
            // of a speech verb); a longer phrase only when it looks like a personal name or
            // ends in an organisation word. No speaker is invented.
            if name_words.len() == 1 {
                let had_det = run_start > 0 && hl[run_start - 1] == "the";
                return lone_name(m, name_words[0], had_det);
            }
            if entities::looks_like_person_name(&name_words)
                || entities::looks_like_org_name(&name_words)
            {
                return Some(name);
            }
            return None;
        }

        // A role: `the Kazakh president`, `the former secretary of state`.
        let role: Vec<&str> = hl
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "the" | "a" | "an"))
            .collect();
        if let Some(last) = role.last() {
            if entities::is_title(last) {
                if let Some(e) = m.registry.lookup_role(&role.join(" "), at) {
                    return Some(e.name.clone());
                }
            }
            if let Some(e) = m.registry.lookup_org_head(last, at) {
                // Every modifier must be in the name: `the right agency` is not `TG3 Agency`.
                let lname = e.name.to_lowercase();
                let mods_ok = role[..role.len() - 1]
                    .iter()
                    .all(|w| lname.split_whitespace().any(|n| n == *w));
                if mods_ok {
                    return Some(e.name.clone());
                }
            }
            let mods = &role[..role.len() - 1];
            // `the group`, `the company`, `the brokerage`: the organisation in focus.
            if entities::GENERIC_ORG_NOUNS.contains(last) && mods.iter().all(|w| *w == "same") {
                if let Some(e) = m.registry.lookup_org_role(last, at) {
                    return Some(e.name.clone());
                }
                return org_in_focus(m, sentences_back(m.text, at, 2))
                    .filter(|name| entities::noun_fits_org(last, name));
            }
            // `the central bank` after `The Reserve Bank of India`: a modified generic noun
            // is the organisation in focus whose name has that noun.
            // (Not `group`, `company`, `organisation`: `the terrorist group`, `the trade
            // group for …` are other organisations than the one named before.)
            let specific = matches!(
                *last,
                "bank"
                    | "lender"
                    | "airline"
                    | "carrier"
                    | "broadcaster"
                    | "newspaper"
                    | "insurer"
                    | "retailer"
                    | "utility"
                    | "regulator"
                    | "watchdog"
            );
            if specific && !mods.is_empty() {
                let has_noun = |name: &String| {
                    name.split_whitespace()
                        .any(|w| w.trim_end_matches(['.', ',']).eq_ignore_ascii_case(last))
                };
                if let Some(name) = org_in_focus(m, sentences_back(m.text, at, 2)).filter(has_noun)
                {
                    return Some(name);
                }
            }
            // `the mother of two`, `the father of three`: a description of the person in
            // focus, of that gender.
            if let [kin, "of", n] = role.as_slice() {
                let number = n.chars().all(|c| c.is_ascii_digit()) || text::is_number_word(n);
                if let (true, Some(g)) = (number, entities::role_gender(kin)) {
                    if matches!(*kin, "mother" | "father" | "grandmother" | "grandfather") {
                        return self.person_in_focus(m, g);
                    }
                }
            }
            // `the 56-year-old`: the person in focus.
            if mods.is_empty() && last.ends_with("-year-old") {
                return self.person_in_focus_any(m);
            }
            // `the statement`, `the report`: whoever spoke last, just before.
            if mods.is_empty()
                && matches!(
                    *last,
                    "statement" | "report" | "complaint" | "letter" | "post"
                )
            {
                let from = sentences_back(m.text, at, 2);
                let q = m
                    .previous
                    .iter()
                    .rev()
                    .find(|q| q.source.is_some_and(|s| s.start < at))?;
                let q_at = q.source.map_or(0, |s| s.start);
                // The document was named before (`said in a statement …. The statement
                // added`); a statement never mentioned is nobody's in particular.
                let named_before = m
                    .text
                    .get(from..at)
                    .is_some_and(|t| appears_lowercase(t, last));
                return if q_at >= from && named_before {
                    q.speaker.clone()
                } else {
                    None
                };
            }
        }
        None
    }
}

/// The word that ends right before byte `at` (skipping spaces), without its punctuation.
/// Lowercase words (no determiner) and then a capitalised name to the end: `ceremonies Asab
/// Al-Tabchi`, the rest of a role's `of` phrase with the name of who holds it.
fn role_then_name(words: &[&str]) -> bool {
    let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
    let lower = words.iter().take_while(|w| !cap(w)).count();
    (1..=2).contains(&lower)
        && lower < words.len()
        && words[..lower]
            .iter()
            .all(|w| !matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        && words[lower..].iter().all(|w| cap(w))
}

/// Whether a mention is names listed before `and other …` (`Crane, Kibbe and other
/// libertarians`): capitalised words only between the first comma and `and`.
fn names_a_group(raw: &str) -> bool {
    let Some((_, rest)) = raw.split_once(", ") else {
        return false;
    };
    let Some((names, group)) = rest.split_once(" and ") else {
        return false;
    };
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    names.split_whitespace().all(|w| cap(w) || w.ends_with(','))
        && matches!(
            group.split_whitespace().next(),
            Some("other" | "many" | "several" | "more" | "dozens" | "hundreds")
        )
}

fn word_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end();
    let w = before.rsplit(char::is_whitespace).next()?;
    (!w.is_empty()).then_some(w)
}

/// The byte where the sentence `n` sentences before the one at `at` starts (sentences end
/// at `.`, `!`, `?` before a space, and at line breaks).
fn sentences_back(text: &str, at: usize, n: usize) -> usize {
    let b = text.as_bytes();
    let mut seen = 0;
    let mut k = at.min(b.len());
    // A paragraph with no sentence end (a list, a million-character line) is looked at only
    // this far back, so that resolving every mention stays linear in the text.
    let floor = {
        let mut f = k.saturating_sub(SENTENCE_LOOKBACK * (n + 1));
        while f < k && !text.is_char_boundary(f) {
            f += 1;
        }
        f
    };
    while k > floor {
        k -= 1;
        let c = b[k];
        let boundary = c == b'\n'
            || (matches!(c, b'.' | b'!' | b'?')
                && b.get(k + 1).is_some_and(|x| x.is_ascii_whitespace()));
        if boundary {
            // A run of line breaks, with the full stop before it, is one boundary.
            while k > 0 && b[k - 1] == b'\n' {
                k -= 1;
            }
            if c == b'\n' && k > 0 && matches!(b[k - 1], b'.' | b'!' | b'?') {
                k -= 1;
            }
            seen += 1;
            if seen > n {
                return k + 1;
            }
        }
    }
    floor
}

/// How far back, in bytes per sentence, [`sentences_back`] looks for a sentence end.
const SENTENCE_LOOKBACK: usize = 1500;

/// The organisation in focus at the mention: the last one mentioned, or speaking, in
/// `from..` the mention.
fn org_in_focus(m: &Mention<'_>, from: usize) -> Option<String> {
    let at = m.span.start;
    let by_mention = m.registry.last_org_between(from, at);
    // The quotes come in the order of their cues: stop at the first before the window.
    let mut recent = m
        .previous
        .iter()
        .rev()
        .take_while(|q| q.cue.is_none_or(|c| c.start >= from));
    let by_quote = recent.find_map(|q| {
        let s = q.source?.start;
        let name = q.speaker.as_deref()?;
        let org = m
            .registry
            .lookup(name, at)
            .is_none_or(|e| e.kind == EntityKind::Organisation);
        (org && s >= from && s < at).then_some((name, s))
    });
    // An organisation that spoke is in focus before one only mentioned (in what it said,
    // say).
    by_quote
        .map(|(n, _)| n.to_string())
        .or_else(|| by_mention.map(|(e, _)| e.name.clone()))
}

/// `w` lowercase with the curly apostrophe straightened (`Trump’s` → `trump's`), in one
/// allocation: every word of every source mention goes through it.
fn lower_straight(w: &str) -> String {
    let mut l = w.to_lowercase();
    if l.contains('\u{2019}') {
        l = l.replace('\u{2019}', "'");
    }
    l
}

/// The last generic organisation noun after `the` in `clause` (`The company's shares fell
/// after` → `company`), as it is written in [`entities::GENERIC_ORG_NOUNS`].
fn generic_org_before(clause: &str) -> Option<&'static str> {
    let words: Vec<String> = clause
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(lower_straight)
        .collect();
    words.windows(2).rev().find_map(|p| {
        let noun = p[1].strip_suffix("'s").unwrap_or(&p[1]);
        (p[0] == "the")
            .then(|| {
                entities::GENERIC_ORG_NOUNS
                    .iter()
                    .copied()
                    .find(|n| *n == noun)
            })
            .flatten()
    })
}

/// A place referred back to by its kind, as a possessive: `the city's police`.
const PLACE_POSSESSIVES: &[&str] = &[
    "city's",
    "country's",
    "nation's",
    "state's",
    "territory's",
    "region's",
    "province's",
    "island's",
    "kingdom's",
    "republic's",
];

/// An organisation phrase: optional determiner, modifiers of which at least one is proper
/// (`China's`, `US`, `French`, `Inner Mongolia`), and an organisation head noun. Its name is
/// the phrase itself, unless the registry knows it.
fn org_phrase(m: &Mention<'_>, seg: &str) -> Option<String> {
    let mut words: Vec<&str> = seg.split_whitespace().collect();
    match words.first().map(|w| w.to_lowercase()).as_deref() {
        Some("the") => {
            words.remove(0);
        }
        // `a major Muslim civil rights group`: some organisation, not one named (but `a
        // Justice Department finding`: the article goes with the noun after the name).
        Some("a" | "an") => {
            if words
                .get(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            {
                return None;
            }
            words.remove(0);
        }
        // `This group`, `His office`, `Former prosecutors`, `Local authorities`: a capital
        // that only opens the sentence names nothing.
        Some(
            "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our" | "my"
            | "your" | "former" | "local" | "other" | "some" | "many" | "several" | "both" | "all"
            | "most" | "top" | "senior",
        ) => return None,
        _ => {}
    }
    let (last, mods) = words.split_last()?;
    let head = last.to_lowercase();
    if mods.is_empty() || words.len() > 7 || !entities::ORG_HEADS.contains(&head.as_str()) {
        return None;
    }
    // `the city's police`, `the country's military`: the place is the one in the story, and
    // the organisation the one of that head named last.
    if let [place] = mods {
        let place = place.to_lowercase().replace('\u{2019}', "'");
        if PLACE_POSSESSIVES.contains(&place.as_str()) {
            let ends_in_head = |name: &str| {
                name.split_whitespace()
                    .last()
                    .is_some_and(|l| l.eq_ignore_ascii_case(&head))
            };
            // An organisation phrase that spoke earlier is not in the registry (it is not a
            // capitalised run): the speakers so far are looked at first.
            let spoke = m
                .previous
                .iter()
                .rev()
                .filter_map(|q| q.speaker.as_deref())
                .find(|name| ends_in_head(name) && name.split_whitespace().count() > 1);
            return spoke.map(str::to_string).or_else(|| {
                m.registry
                    .lookup_org_head(&head, m.span.start)
                    .map(|e| e.name.clone())
            });
        }
    }
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let ok = mods.iter().any(cap)
        && mods.iter().all(|w| {
            cap(w)
                || (w
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
                    && !entities::is_not_name(w)
                    && !entities::is_pronoun_token(w))
        });
    if !ok {
        return None;
    }
    // `the nonpartisan Congressional Budget Office`: a description before a proper name is
    // no part of it.
    let proper = words
        .iter()
        .position(cap)
        .filter(|&p| p > 0 && words[p..].iter().all(cap) && words.len() - p >= 2)
        .unwrap_or(0);
    let name = words[proper..].join(" ");
    Some(
        m.registry
            .lookup(&name, m.span.start)
            .map_or(name, |e| e.name.clone()),
    )
}

/// A speaker from the words of a name (titles and determiners before it are dropped): the
/// registry's fullest name, a tail of it that the registry knows, or the name itself when it
/// looks like a person's or an organisation's.
fn name_words_speaker(m: &Mention<'_>, words: &[&str]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .map(|w| entities::strip_possessive(w.trim_end_matches([',', ';', ':'])))
        .collect();
    while words.first().is_some_and(|w| {
        let l = w.to_lowercase();
        entities::is_title(l.as_str()) || matches!(l.as_str(), "the" | "a" | "an")
    }) {
        words.remove(0);
    }
    if words.is_empty() || words.iter().any(|w| entities::is_pronoun_token(w)) {
        return None;
    }
    let at = m.span.start;
    for k in 0..words.len() {
        if let Some(e) = m.registry.lookup(&words[k..].join(" "), at) {
            if k == 0 || e.kind == EntityKind::Person {
                return Some(e.name.clone());
            }
        }
    }
    (entities::looks_like_person_name(&words) || entities::looks_like_org_name(&words))
        .then(|| words.join(" "))
}

/// `Omar Lamrani, a senior military analyst …`: the name right before the comma that opens
/// the appositive mention.
fn name_before_appositive(m: &Mention<'_>) -> Option<String> {
    let at = m.span.start;
    let before = m.text.get(..at)?.trim_end().strip_suffix(',')?;
    // The name opens the sentence: `… a good deal for Trump, a second person briefed …
    // said` is not about Trump.
    let line = before.get(sentences_back(m.text, at, 0)..)?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let named = (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with(','));
    if !named {
        return None;
    }
    name_words_speaker(m, &words)
}

/// `Sweden's deputy director of public prosecutions, Eva-Marie Persson, said`: the first
/// segment after the descriptor that is a name.
fn appositive_name(m: &Mention<'_>, raw: &str) -> Option<String> {
    raw.split(',').skip(1).find_map(|seg| {
        let words: Vec<&str> = seg.split_whitespace().collect();
        let named = !words.is_empty()
            && words.len() <= 5
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if named {
            name_words_speaker(m, &words)
        } else {
            None
        }
    })
}

/// The subject of `told` when the mention is its object: the name that opens the sentence
/// (`Charles Simpson, program administrator …, told Polygraph.info`), or the one right
/// before `told` after a quotation (`"…," Cruz told reporters`). Only a person.
fn told_subject(m: &Mention<'_>) -> Option<String> {
    let at = m.span.start;
    let from = sentences_back(m.text, at, 0);
    let clause = m.text.get(from..at)?;
    let words: Vec<&str> = clause.split_whitespace().collect();
    // Drop `told` itself.
    let words = &words[..words.len().saturating_sub(1)];
    let quoted = clause.contains(['"', '\u{201c}', '\u{201d}']);
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let run: Vec<&str> = if quoted {
        let n = words.iter().rev().take_while(|w| cap(w)).count();
        words[words.len() - n..].to_vec()
    } else {
        let mut run = Vec::new();
        for w in words.iter().take(6) {
            if !cap(w) {
                break;
            }
            run.push(*w);
            if w.ends_with(',') {
                break;
            }
        }
        run
    };
    let name = name_words_speaker(m, &run)?;
    m.registry
        .lookup(&name, at)
        .is_none_or(|e| e.kind == EntityKind::Person)
        .then_some(name)
}

/// A lone capitalised word as the subject of a cue (`Vietnam has accused`, `The Pentagon
/// rejected`, `Wikileaks said`), which the registry does not know: an organisation or a
/// country, named as written; an acronym spelled out where the text spells it out (`The
/// US` → `United States`). Not a word that the text also writes in lowercase (a sentence's
/// first word), a pronoun or a group of people (`Officials`).
fn lone_name(m: &Mention<'_>, word: &str, had_det: bool) -> Option<String> {
    let w = word.trim_end_matches(['.', ',']);
    // Only as the subject of a verb of saying or accusing, before or after it: `Machine
    // learning offers a solution` names nobody.
    if !speech_verb_next(m.text, m.span.end)
        && !word_before(m.text, m.span.start).is_some_and(is_speech_verb)
    {
        return None;
    }
    if entities::is_acronym(w) {
        if entities::is_stop_acronym(w) {
            return None;
        }
        return Some(expand_acronym(m.text, m.span.start, w).unwrap_or_else(|| w.to_string()));
    }
    let lower = w.to_lowercase();
    let plain = w.chars().all(|c| c.is_alphabetic() || c == '-');
    let people = is_people_plural(&lower);
    // `Nine in 10 said`: a number is nobody.
    if !plain
        || text::is_number_word(&lower)
        || w.chars().count() < 3
        || entities::is_not_name(w)
        || entities::is_pronoun_token(w)
        || is_common(&lower)
        || is_plural_acronym(w)
        || people
        || (m.sentence_start && !had_det && appears_lowercase(near(m.text, m.span.start), &lower))
        || (m.sentence_start && !had_det && w.ends_with("ing"))
        // `Reporters at the scene said`, `Firefighters said`: a plural capitalised only where
        // it opens a sentence is a common noun (a name keeps its capital: `told Reuters`).
        || (m.sentence_start && !had_det && plural_noun_opening(m.text, m.span.start, w))
    {
        return None;
    }
    Some(w.to_string())
}

/// The text within [`NEAR`] bytes of `at`: where a word's other spellings are looked for,
/// so that looking costs the same in a long text.
fn near(text: &str, at: usize) -> &str {
    let mut lo = at.saturating_sub(NEAR);
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + NEAR).min(text.len());
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    text.get(lo..hi).unwrap_or("")
}

const NEAR: usize = 20_000;

/// How far back, in bytes, [`expand_acronym`] looks for the spelled-out form.
const ACRONYM_LOOKBACK: usize = 10_000;

/// Whether the one capitalised word of `the X said` can name an institution (`Pentagon`,
/// `Kremlin`, `Guardian`): not a title, a people or a party's member (`the President`, `the
/// American`, `the Republican`), a group of people, or an acronym (the registry already holds
/// it as an organisation).
fn is_institution_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().all(char::is_alphabetic)
        && word.chars().skip(1).any(char::is_lowercase)
        && !entities::is_title(&lower)
        && !entities::is_demonym(&lower)
        && !matches!(
            lower.as_str(),
            "republican"
                | "democrat"
                | "conservative"
                | "liberal"
                | "socialist"
                | "independent"
                | "senator"
                | "congressman"
                | "congresswoman"
                | "lord"
                | "lady"
                | "queen"
                | "king"
                | "pope"
                // Peoples the registry's list leaves out, as they also open names of
                // organisations (`American Airlines`).
                | "american"
                | "briton"
                | "canadian"
                | "australian"
                | "german"
                | "italian"
                | "spaniard"
                | "european"
                | "african"
                | "asian"
        )
        && !is_common(&lower)
        && !is_people_plural(&lower)
        && !entities::is_pronoun_token(word)
}

/// `traders`, `analysts`, `economists`, `civilians`: a plural of people, not a name.
fn is_people_plural(lower: &str) -> bool {
    // A list, not a suffix: `Reuters` ends like `traders`.
    matches!(
        lower,
        "traders"
            | "investors"
            | "economists"
            | "strategists"
            | "lawmakers"
            | "legislators"
            | "diplomats"
            | "researchers"
            | "scientists"
            | "opponents"
            | "activists"
            | "campaigners"
            | "protesters"
            | "protestors"
            | "doctors"
            | "workers"
            | "employees"
            | "leaders"
            | "prosecutors"
            | "investigators"
            | "organisers"
            | "organizers"
            | "civilians"
            | "villagers"
            | "farmers"
            | "students"
            | "teachers"
            | "parents"
            | "fans"
            | "players"
            | "citizens"
            | "locals"
            | "dealers"
            | "brokers"
            | "bankers"
            | "executives"
            | "insiders"
            | "regulators"
            | "negotiators"
            | "commentators"
            | "pundits"
    )
}

/// Verbs of saying, accusing and rejecting, by their stems.
fn is_speech_verb(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "said",
        "say",
        "tell",
        "told",
        "add",
        "state",
        "announc",
        "report",
        "accus",
        "reject",
        "denie",
        "deny",
        "warn",
        "confirm",
        "insist",
        "claim",
        "urge",
        "urging",
        "call",
        "criticis",
        "criticiz",
        "condemn",
        "respond",
        "repl",
        "argu",
        "note",
        "explain",
        "declar",
        "ask",
        "wrote",
        "write",
        "tweet",
        "comment",
        "stress",
        "reiterat",
        "demand",
        "dismiss",
        "welcom",
        "acknowledg",
        "admit",
        "alleg",
        "vow",
        "pledg",
        "promis",
    ];
    let l = w.to_lowercase();
    let l = l.trim_matches(|c: char| !c.is_alphabetic());
    STEMS.iter().any(|s| l.starts_with(s))
}

/// Whether a verb of saying follows byte `end`, after an auxiliary or `also`
/// (`Vietnam has accused`, `The Pentagon rejected`).
fn speech_verb_next(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    rest.split_whitespace()
        .take(3)
        .find(|w| !matches!(*w, "has" | "have" | "had" | "also" | "again" | "later"))
        // A finite verb: `Performance reporting with metrics` is a noun phrase.
        .is_some_and(|w| is_speech_verb(w) && !w.ends_with("ing"))
}

/// The spelled-out form of an acronym in the text: consecutive capitalised words (`of`,
/// `for`, `and` skipped) whose initials spell it (`United States` for `US`).
fn expand_acronym(text: &str, at: usize, acr: &str) -> Option<String> {
    let letters: Vec<char> = acr.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() < 2 {
        return None;
    }
    // The spelled-out form comes before the acronym, near it: only the text before it is
    // read (bounded, so that many acronyms in a long text stay cheap).
    let mut from = at.saturating_sub(ACRONYM_LOOKBACK);
    while from < at && !text.is_char_boundary(from) {
        from += 1;
    }
    let words: Vec<&str> = text
        .get(from..at)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let skip = |w: &str| matches!(w, "of" | "for" | "and" | "the" | "on");
    'outer: for i in 0..words.len() {
        let mut j = i;
        let mut got = Vec::new();
        for &l in &letters {
            while j < words.len() && j > i && skip(words[j]) {
                j += 1;
            }
            let Some(w) = words.get(j) else {
                continue 'outer;
            };
            if !w.starts_with(l) {
                continue 'outer;
            }
            got.push(entities::strip_possessive(w));
            j += 1;
        }
        // The whole phrase, without a capitalised word going on after it.
        if words
            .get(j)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        return Some(
            words[i..j]
                .join(" ")
                .replace("'s", "")
                .replace('\u{2019}', ""),
        )
        .filter(|_| !got.is_empty());
    }
    None
}

/// Verbs of saying whose subject is a speaker (not `offers`, `suggests`, `maintains`, which
/// products and abstractions do as well).
const STRONG_SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "report",
    "write",
    "explain",
    "note",
    "warn",
    "insist",
    "claim",
    "accuse",
    "argue",
    "confirm",
    "deny",
    "ask",
    "reply",
    "respond",
    "tweet",
    "declare",
    "admit",
    "acknowledge",
    "comment",
    "recall",
    "conclude",
    "contend",
    "complain",
    "testify",
    "stress",
    "emphasize",
    "emphasise",
    "reiterate",
    "quip",
    "joke",
    "reveal",
    "disclose",
    "allege",
    "assert",
    "mention",
    "promise",
    "told",
    "recount",
    "predict",
    "vow",
    "pledge",
    "urge",
    "concede",
    "continue",
    "shout",
    "yell",
    "whisper",
    "wrote",
    "posted",
    "post",
];

/// A colon cue whose source opens a line and whose content is not a quotation: a heading
/// or label (`SUMMARY: …`, `New Release: …`), not a speaker.
fn is_heading_label(text: &str, a: &Analysis, c: &Cand, source: ByteSpan, cue: ByteSpan) -> bool {
    if cue.slice(text) != ":" {
        return false;
    }
    let line_start = text[..source.start]
        .rsplit('\n')
        .next()
        .is_none_or(|l| l.trim().is_empty());
    let quoted = c
        .content
        .first()
        .is_some_and(|&(s, _)| matches!(a.items.get(s).map(|i| &i.kind), Some(IK::Quote(_))));
    line_start && !quoted
}

/// `CPAs`, `CEOs`: a plural abbreviation of a common noun.
fn is_plural_acronym(w: &str) -> bool {
    let mut cs = w.chars().rev();
    cs.next() == Some('s') && cs.next().is_some_and(char::is_uppercase)
}

fn is_common(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "police"
            | "authorities"
            | "experts"
            | "critics"
            | "analysts"
            | "sources"
            | "witnesses"
            | "residents"
            | "observers"
            | "others"
            | "people"
            | "some"
            | "many"
            | "both"
            | "democrats"
            | "republicans"
            | "voters"
            | "supporters"
            | "militants"
            | "one"
            | "another"
    )
}

/// Whether a label in capitals names a speaker of a transcript: a name that the text also
/// writes in title case (`TAPPER` and `Jake Tapper`).
fn transcript_speaker(text: &str, label: &str) -> bool {
    let Some(last) = label.split_whitespace().last() else {
        return false;
    };
    let mut cs = last.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if last.chars().count() < 2 {
        return false;
    }
    let titled: String = std::iter::once(first)
        .chain(cs.flat_map(char::to_lowercase))
        .collect();
    appears_lowercase(text, &titled)
}

/// Whether `w`, opening the sentence at byte `at`, is a plural common noun rather than a
/// name (`Reporters at the scene said`, `Firefighters said`; not `Reuters`, which is written
/// with its capital elsewhere too).
fn plural_noun_opening(text: &str, at: usize, w: &str) -> bool {
    plural_shape(w) && !capitalised_inside_sentence(near(text, at), w)
}

/// Whether `w` is shaped like an English plural (`Reporters`, `Firefighters`, `Spokesmen`;
/// not `Ross`, `Trump's`, `Carmen`), and is no organisation's name word (`Reuters`).
fn plural_shape(w: &str) -> bool {
    ((w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s"))
        || (w.len() >= 7 && w.ends_with("men")))
        && !entities::ORG_WORDS.contains_lower(w)
}

/// Whether `w` is written with its capital somewhere inside a sentence, not only at the
/// start of one: a name keeps its capital everywhere (`told Reuters`), a common noun has it
/// only where a sentence opens with it (`Reporters at the scene said`).
fn capitalised_inside_sentence(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(s, _)| {
        let e = s + w.len();
        let head = text[..s].trim_end_matches([' ', '\u{a0}']);
        let before = head.chars().next_back();
        let word_edge = !text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[e..].chars().next().is_some_and(char::is_alphanumeric);
        word_edge
            && before.is_some_and(|c| {
                !matches!(
                    c,
                    '.' | '!'
                        | '?'
                        | '\n'
                        | '"'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '\''
                        | '\u{2019}'
                        | ':'
                )
            })
    })
}

fn appears_lowercase(text: &str, w: &str) -> bool {
    let mut from = 0;
    while let Some(p) = text[from..].find(w) {
        let s = from + p;
        let e = s + w.len();
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = e;
    }
    false
}

impl RegistryResolver {
    /// The person in focus whatever the gender (`the 56-year-old`): the last speaker if a
    /// person in the last two sentences, else the last person mentioned.
    fn person_in_focus_any(&self, m: &Mention<'_>) -> Option<String> {
        let at = m.span.start;
        let from = sentences_back(m.text, at, 2);
        let last_q = m
            .previous
            .iter()
            .rev()
            .find(|q| q.source.is_some_and(|s| s.start < at));
        if let Some(q) = last_q.filter(|q| q.source.is_some_and(|s| s.start >= from)) {
            if let Some(e) = q
                .speaker
                .as_deref()
                .and_then(|n| m.registry.lookup(n, at))
                .filter(|e| e.kind == EntityKind::Person)
            {
                return Some(e.name.clone());
            }
        }
        m.registry
            .last_person_before(at, None)
            .map(|(e, _)| e.name.clone())
    }

    fn person_in_focus(&self, m: &Mention<'_>, gender: Gender) -> Option<String> {
        let at = m.span.start;
        let agrees =
            |e: &Entity| e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == gender);
        // The last speaker, if a person of that gender and recent, is the one in focus;
        // otherwise the last person of that gender mentioned.
        let by_mention = m.registry.last_person_before(at, Some(gender));
        // A person named earlier in the pronoun's own sentence, outside quotation marks, is
        // in focus before the last speaker (`Taylor Swift posted on Twitter … and she said`).
        let sent = sentences_back(m.text, at, 0);
        let unquoted = m
            .text
            .get(sent..at)
            .is_some_and(|c| !c.contains(['"', '\u{201c}', '\u{201d}']));
        if unquoted {
            if let Some(e) = m.registry.first_person_between(sent, at, Some(gender)) {
                return Some(e.name.clone());
            }
        }
        // A speaker named inside what another said (`Kishida said Tokyo would respond
        // "firmly". He added …`) is not the one in focus: the one who said it is.
        // The enclosing quote comes just before in text order: only the last few are looked
        // at, so that a document of thousands of quotes stays linear.
        let nested = |q: &Quote| {
            q.source.is_some_and(|s| {
                m.previous.iter().rev().take(16).any(|o| {
                    o.source != q.source
                        && o.content
                            .iter()
                            .any(|c| c.start <= s.start && s.end <= c.end)
                })
            })
        };
        let last_q = m
            .previous
            .iter()
            .rev()
            .filter(|q| q.source.is_some_and(|s| s.start < at))
            .take(16)
            .find(|q| !nested(q));
        if let Some(q) = last_q {
            // `The mother of the boy said …. She told the court`: the last speaker is a person
            // named only by a role of this gender, so the pronoun is that person, who has no
            // name to give; not a woman named paragraphs before.
            if q.speaker.is_none() {
                let q_at = q.source.map_or(0, |s| s.start);
                let gap = m.text.get(q_at..at).map_or(0, |s| s.matches('\n').count());
                let role = q.source.map(|s| s.slice(m.text)).unwrap_or("");
                let role = role.split(',').next().unwrap_or(role);
                let gendered = role
                    .split_whitespace()
                    .take_while(|w| !matches!(*w, "of" | "for" | "at" | "in" | "from"))
                    .last()
                    .and_then(|w| entities::role_gender(&w.to_lowercase()));
                let newer = by_mention.is_none_or(|(_, p)| p < q_at);
                if gap <= 2 && newer && gendered == Some(gender) {
                    return None;
                }
            }
            if let Some(name) = q.speaker.as_deref() {
                if let Some(e) = m.registry.lookup(name, at).filter(|e| agrees(e)) {
                    let q_at = q.source.map_or(0, |s| s.start);
                    let gap = m.text.get(q_at..at).map_or(0, |s| s.matches('\n').count());
                    let newer = by_mention.is_some_and(|(o, p)| o.name != e.name && p > q_at);
                    if gap <= 2 || !newer {
                        return Some(e.name.clone());
                    }
                }
            }
        }
        by_mention.map(|(e, _)| e.name.clone())
    }
}

/// Extracts quotations. Cheap to clone; share one across threads.
#[derive(Clone)]
pub struct QuoteExtractor {
    lexicon: Arc<dyn CueLexicon>,
    resolver: Arc<dyn SpeakerResolver>,
    orphans: bool,
}

/// Options for a [`QuoteExtractor`].
pub struct QuoteExtractorBuilder {
    lexicon: Arc<dyn CueLexicon>,
    resolver: Arc<dyn SpeakerResolver>,
    orphans: bool,
}

impl QuoteExtractorBuilder {
    /// Another cue lexicon (a house style, another language).
    pub fn lexicon(mut self, lexicon: impl CueLexicon + 'static) -> Self {
        self.lexicon = Arc::new(lexicon);
        self
    }
    /// Only verbs of saying and writing: drop attitude cues (`believes`, `wants`).
    pub fn speech_only(mut self) -> Self {
        self.lexicon = Arc::new(DefaultLexicon::speech_only());
        self
    }
    /// Another speaker resolver (e.g. a coreference model).
    pub fn resolver(mut self, resolver: impl SpeakerResolver + 'static) -> Self {
        self.resolver = Arc::new(resolver);
        self
    }
    /// Whether a quotation with no cue that fills its own sentence is reported (attributed to
    /// the speaker quoted just before, or to nobody). Default: yes.
    pub fn orphan_quotes(mut self, yes: bool) -> Self {
        self.orphans = yes;
        self
    }
    pub fn build(self) -> QuoteExtractor {
        QuoteExtractor {
            lexicon: self.lexicon,
            resolver: self.resolver,
            orphans: self.orphans,
        }
    }
}

impl Default for QuoteExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for QuoteExtractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuoteExtractor")
            .field("orphans", &self.orphans)
            .finish_non_exhaustive()
    }
}

/// A quotation with no cue is taken as speech only from this many words: shorter quoted
/// phrases are titles, terms and scare quotes.
const ORPHAN_MIN_WORDS: usize = 5;
/// A quoted piece of reported speech with this many words, or ending a sentence inside its
/// marks, is a verbatim clause (the quote is mixed), not a quoted phrase.
const MIXED_MIN_WORDS: usize = 10;

impl QuoteExtractor {
    pub fn new() -> Self {
        Self::builder().build()
    }

    pub fn builder() -> QuoteExtractorBuilder {
        QuoteExtractorBuilder {
            lexicon: Arc::new(DefaultLexicon::new()),
            resolver: Arc::new(RegistryResolver),
            orphans: true,
        }
    }

    /// Quotes in a whole text.
    pub fn extract(&self, text: &str) -> Extraction {
        self.extract_range(text, ByteSpan::new(0, text.len()))
    }

    /// Quotes in a document's body (a byline or boilerplate around it is skipped); spans
    /// are into `doc.text`.
    pub fn extract_document(&self, doc: &Document) -> Extraction {
        self.extract_range(&doc.text, doc.body)
    }

    /// Quotes in `text[range]`, with spans into `text`. A range off character boundaries is
    /// narrowed to the nearest ones inside it.
    pub fn extract_range(&self, text: &str, range: ByteSpan) -> Extraction {
        let mut lo = range.start.min(text.len());
        let mut hi = range.end.min(text.len()).max(lo);
        while lo < hi && !text.is_char_boundary(lo) {
            lo += 1;
        }
        while hi > lo && !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let a = extract::analyze(text, lo, hi, self.lexicon.as_ref());
        let mut registry = extract::build_registry(text, &a);
        let mut rules = Rules::new(&a, self.lexicon.as_ref());
        for si in 0..a.sents.len() {
            rules.sentence(si);
        }
        let cands = std::mem::take(&mut rules.cands);
        let mut quotes = self.assemble(text, &a, &rules, cands, &mut registry);
        drop_nested_attitudes(&mut quotes);
        drop_repeated_content(&mut quotes);
        // Content order, with a quote nested in another's content before the one holding it
        // (`X said [Y told reporters [that …]]` lists Y's quote first). Quotes that do not
        // overlap keep the order they have in the text. A reader comparing our quotes with
        // someone else's attributions by overlap meets the tightest one first: PolNeAR's
        // scorer takes the first of equally covering quotes, so with start order it compared
        // a nested attribution with the outer quote's cue and source.
        quotes.sort_by_key(|q| {
            (
                q.content.iter().map(|c| c.end).max().unwrap_or(0),
                std::cmp::Reverse(q.content.iter().map(|c| c.start).min().unwrap_or(0)),
                q.cue.map_or(0, |c| c.start),
            )
        });
        Extraction {
            quotes,
            entities: registry,
        }
    }

    fn assemble(
        &self,
        text: &str,
        a: &Analysis,
        rules: &Rules<'_>,
        mut cands: Vec<Cand>,
        registry: &mut EntityRegistry,
    ) -> Vec<Quote> {
        let items = &a.items;
        let span_of = |(s, e): (usize, usize)| ByteSpan::new(items[s].start, items[e - 1].end);
        let frags_in = |(s, e): (usize, usize)| -> Vec<usize> {
            (s..e)
                .filter_map(|k| match items[k].kind {
                    IK::Quote(f) => Some(f),
                    _ => None,
                })
                .collect()
        };
        let mut used = vec![false; a.frags.len()];
        for c in &cands {
            for &r in &c.content {
                for f in frags_in(r) {
                    used[f] = true;
                }
            }
        }
        // A cue with nothing to report (`"…." Tokayev said.`) takes the quotation that ends
        // the sentence before it in the same paragraph.
        for c in cands.iter_mut() {
            if !c.content.is_empty() || c.sent == 0 {
                continue;
            }
            let prev = a.sents[c.sent - 1];
            if prev.para != a.sents[c.sent].para {
                continue;
            }
            let mut k = prev.hi;
            while k > prev.lo && matches!(items[k - 1].kind, IK::Punct(_)) {
                k -= 1;
            }
            if k > prev.lo {
                if let IK::Quote(f) = items[k - 1].kind {
                    if !used[f] {
                        used[f] = true;
                        c.content.push((k - 1, k));
                    }
                }
            }
        }
        // `X said:` closing a paragraph introduces the quotation that opens the next one.
        for c in cands.iter_mut() {
            if !c.content.is_empty() {
                continue;
            }
            let s = a.sents[c.sent];
            // The cue, or an inverted subject after it (`Stated Stone:`), ends the sentence.
            let last = c.cue.1.max(c.source.map_or(0, |src| src.1));
            let colon_end = matches!(items[s.hi - 1].kind, IK::Punct(':')) && last + 1 >= s.hi;
            if let (true, Some(next)) = (colon_end, a.sents.get(c.sent + 1)) {
                if let IK::Quote(f) = items[next.lo].kind {
                    if !used[f] {
                        used[f] = true;
                        c.content.push((next.lo, next.lo + 1));
                    }
                } else if next.para == s.para + 1 {
                    // `In a speech last July, he said:` and a paragraph of what he said, set
                    // off as a block quotation without marks.
                    let mut hi = next.hi;
                    for st in &a.sents[c.sent + 2..] {
                        if st.para != next.para {
                            break;
                        }
                        hi = st.hi;
                    }
                    while hi > next.lo + 1 && matches!(items[hi - 1].kind, IK::Punct(_)) {
                        hi -= 1;
                    }
                    c.content.push((next.lo, hi));
                }
            }
        }
        // A quotation running over several paragraphs is used as a whole.
        for g in &a.groups {
            if g.iter().any(|&f| used[f]) {
                for &f in g {
                    used[f] = true;
                }
            }
        }
        // Cands without content stay in place (others borrow their sources by index) but
        // make no quote.
        // Sentences that are only a quotation, right after an attributed quotation in the
        // same paragraph, continue it: `"…," she said. "…"`.
        let mut by_sent: Vec<Option<usize>> = vec![None; a.sents.len()];
        for (ci, c) in cands.iter().enumerate() {
            if !c.content.is_empty() {
                // The attribution of a quotation owns its sentence, not a participle after
                // it (`"…," Christie said, adding that …`).
                let quoted = |c: &Cand| c.content.iter().any(|&r| !frags_in(r).is_empty());
                let keep = by_sent[c.sent].is_some_and(|o| quoted(&cands[o]) && !quoted(c));
                if !keep {
                    by_sent[c.sent] = Some(ci);
                }
            }
        }
        let lone_quote = |si: usize| -> Option<usize> {
            let s = a.sents[si];
            let mut found = None;
            for it in &items[s.lo..s.hi] {
                match it.kind {
                    IK::Quote(f) if found.is_none() => found = Some(f),
                    IK::Punct(_) => {}
                    _ => return None,
                }
            }
            found
        };
        // A second quotation in the sentence of a quoted attribution continues it: `"…," Cruz
        // told reporters after a forum in Fort Mill, S.C. "…"`. Not a title the sentence
        // names (`said on NBC's "Meet the Press."`).
        let mut extra: Vec<(usize, usize)> = Vec::new(); // (cand, frag)
        for (f, fr) in a.frags.iter().enumerate() {
            if used[f] || fr.words < 2 {
                continue;
            }
            let si = fr.sent;
            let fstart = fr.span.start;
            let at = items.partition_point(|it| it.start < fstart);
            let title = at > 0 && {
                let prev = &items[at - 1];
                prev.kind == IK::Word
                    && (matches!(
                        prev.lower.as_str(),
                        "on" | "in" | "of" | "at" | "titled" | "entitled" | "called" | "named"
                    ) || prev.lower.ends_with("'s")
                        // `a host on the TV show "Shark Tank."`
                        || fr.titled
                            && matches!(
                                prev.lower.as_str(),
                                "show"
                                    | "program"
                                    | "programme"
                                    | "series"
                                    | "book"
                                    | "novel"
                                    | "film"
                                    | "movie"
                                    | "documentary"
                                    | "song"
                                    | "album"
                                    | "podcast"
                                    | "newspaper"
                                    | "magazine"
                                    | "column"
                            ))
            };
            if title {
                continue;
            }
            let owners: Vec<usize> = (0..cands.len())
                .filter(|&ci| {
                    let c = &cands[ci];
                    c.sent == si
                        && items[c.cue.0].start < fstart
                        && c.content.iter().any(|&r| !frags_in(r).is_empty())
                })
                .collect();
            if let [ci] = owners[..] {
                extra.push((ci, f));
                use_group(&mut used, a, f);
            }
        }
        let mut orphans: Vec<(usize, Option<usize>)> = Vec::new(); // (frag, speaker cand)
        let mut speech_of_sent: Vec<Option<usize>> = vec![None; a.sents.len()];
        for (ci, c) in cands.iter().enumerate() {
            if speech_of_sent[c.sent].is_none()
                && !c.content.is_empty()
                && c.class == CueClass::Speech
                && (c.source.is_some() || c.borrow.is_some())
            {
                speech_of_sent[c.sent] = Some(ci);
            }
        }
        let mut last_direct: Option<(usize, usize)> = None; // (cand, para)
                                                            // The last reported speech with a source (`Greene added that …`), for a quotation
                                                            // that goes on in the same paragraph.
        let mut last_reported: Option<(usize, usize)> = None;
        for (si, owner) in by_sent.iter().enumerate() {
            let para = a.sents[si].para;
            if let Some(ci) = *owner {
                let has_quote = cands[ci].content.iter().any(|&r| !frags_in(r).is_empty());
                last_direct = has_quote.then_some((ci, para));
                // The sentence's first verb of saying with a source (not an attitude inside
                // what was said: `Greene added that the Fed wants …`).
                last_reported = speech_of_sent[si].map(|ci| (ci, para));
                continue;
            }
            let Some(f) = lone_quote(si) else {
                continue;
            };
            if used[f] || a.frags[f].words < 2 {
                continue;
            }
            // A paragraph that is only a quotation with no closing punctuation (`"… prevent
            // the evacuation of civilians from the camp"`) is a sub-heading or pull quote set
            // off from the text, not the next thing the last speaker said.
            let whole_para = (si == 0 || a.sents[si - 1].para != para)
                && a.sents.get(si + 1).is_none_or(|n| n.para != para);
            if whole_para && a.frags[f].last.is_some_and(char::is_alphanumeric) {
                continue;
            }
            match last_direct {
                Some((ci, p)) if p == para => {
                    extra.push((ci, f));
                    use_group(&mut used, a, f);
                }
                Some((ci, p))
                    if p + 2 >= para && self.orphans && a.frags[f].words >= ORPHAN_MIN_WORDS =>
                {
                    orphans.push((f, Some(ci)));
                    use_group(&mut used, a, f);
                }
                _ if self.orphans
                    && a.frags[f].words >= ORPHAN_MIN_WORDS
                    // A quotation paragraph right after a paragraph of reported speech goes
                    // on quoting that speaker (`Erekat said it was …` and then `"They wanted
                    // us on our knees …"`).
                    && last_reported.is_some_and(|(_, p)| p == para || p + 1 == para) =>
                {
                    orphans.push((f, last_reported.map(|(ci, _)| ci)));
                    use_group(&mut used, a, f);
                }
                _ if self.orphans && a.frags[f].words >= ORPHAN_MIN_WORDS => {
                    orphans.push((f, None));
                    use_group(&mut used, a, f);
                }
                _ => {}
            }
        }
        // Resolve sources. Names first, so that people who speak are known before pronouns
        // look for the person in focus.
        // The candidate whose source `ci` has: its own, or the one it borrows from.
        let owner_of = |ci: usize, cands: &[Cand]| -> Option<usize> {
            let mut c = ci;
            for _ in 0..8 {
                if cands[c].source.is_some() {
                    return Some(c);
                }
                c = cands[c].borrow?;
            }
            None
        };
        let source_of =
            |ci: usize, cands: &[Cand]| owner_of(ci, cands).and_then(|o| cands[o].source);
        // The phrase that names the speaker: the source, or its head where the source runs
        // on with modifiers (`some voters who have listened to Mr. Clinton`).
        let naming_of = |ci: usize, cands: &[Cand]| {
            owner_of(ci, cands).and_then(|o| cands[o].head.or(cands[o].source))
        };
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&ci| items[cands[ci].cue.0].start);
        for &ci in &order {
            if let Some(s) = naming_of(ci, &cands) {
                let sp = span_of(s);
                let w = sp.slice(text).to_lowercase();
                // A name known to be a person's from its shape (`Maria Lopez of the Urban
                // Institute`) is one, so that `she` can find her later.
                if owner_of(ci, &cands).is_some_and(|o| cands[o].head_is_person) {
                    let name: Vec<&str> = sp
                        .slice(text)
                        .split_whitespace()
                        .skip_while(|w| entities::is_title(&w.trim_end_matches('.').to_lowercase()))
                        .collect();
                    if !name.is_empty() {
                        registry.add_speaker(&name.join(" "), sp);
                    }
                }
                if !matches!(w.as_str(), "he" | "she" | "it" | "they" | "who" | "which") {
                    registry.confirm_speaker_at(text, sp);
                    // A one-word name as subject (`Tokayev said`) is a person.
                    let word = sp.slice(text);
                    let sentence_start = s.0 == a.sents[cands[ci].sent].lo;
                    if s.1 == s.0 + 1
                        && (cands[ci].cue.0..cands[ci].cue.1).any(|k| self.strong_speech_cue(a, k))
                        && items[s.0].cap
                        && !entities::is_pronoun_token(word)
                        && !(sentence_start && word.to_lowercase().ends_with("ing"))
                        && !is_plural_acronym(word)
                        && word
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                        && word.chars().skip(1).any(char::is_lowercase)
                        && !(sentence_start && appears_lowercase(text, &word.to_lowercase()))
                        && !is_common(&word.to_lowercase())
                        && !is_people_plural(&word.to_lowercase())
                        && !(sentence_start && plural_noun_opening(text, sp.start, word))
                    {
                        registry.add_speaker(word, sp);
                    } else if s.1 == s.0 + 2
                        && items[s.0].lower == "the"
                        && items[s.0 + 1].cap
                        && (items[cands[ci].cue.0].lower == "according"
                            || (cands[ci].cue.0..cands[ci].cue.1)
                                .any(|k| self.strong_speech_cue(a, k)))
                    {
                        // `according to the Pentagon`, `the Kremlin said`: one proper noun
                        // after `the` that speaks names an institution.
                        let inst = span_of((s.0 + 1, s.1));
                        if is_institution_word(inst.slice(text)) {
                            registry.add_institution(inst.slice(text), inst);
                        }
                    }
                }
            }
        }
        let mut out: Vec<Quote> = Vec::new();
        let mut speaker_of_cand: Vec<Option<String>> = vec![None; cands.len()];
        let mut quote_of_cand: Vec<Option<usize>> = vec![None; cands.len()];
        // Pronouns are resolved in text order against the quotes already made.
        let mut done: Vec<Quote> = Vec::new();
        for &ci in &order {
            let c = &cands[ci];
            let src = source_of(ci, &cands);
            let speaker = match naming_of(ci, &cands) {
                Some(s) => {
                    let mut target = s;
                    if s.1 == s.0 + 1
                        && matches!(items[s.0].lower.as_str(), "who" | "which" | "that")
                    {
                        if let Some(t) = rules_antecedent(rules, a, s.0) {
                            target = t;
                        }
                    }
                    let sent_lo = a.sents[c.sent].lo;
                    let m = Mention {
                        text,
                        span: span_of(target),
                        sentence_start: target.0 == sent_lo,
                        registry,
                        previous: &done,
                    };
                    self.resolver.resolve(&m)
                }
                None => None,
            };
            speaker_of_cand[ci] = speaker.clone();
            if c.content.is_empty() {
                continue;
            }
            // A person named as the source who is the `he` or `she` opening the reported
            // clause (`Trump said he had done …`, `Lopez told reporters that she …`) is a man
            // or a woman: a later `she` is then not him.
            if let (Some(name), Some(&(c0, _))) = (speaker.as_deref(), c.content.first()) {
                let first = if items.get(c0).is_some_and(|it| it.lower == "that") {
                    c0 + 1
                } else {
                    c0
                };
                // The name is the subject right there, with no other name between it and the
                // pronoun (`Greenberg noted that Hillary Clinton … and said she …`).
                let named = c.source.is_some_and(|(_, end)| end <= first)
                    && naming_of(ci, &cands).is_some_and(|s| {
                        !entities::is_pronoun_token(span_of(s).slice(text))
                            && items.get(s.0).is_some_and(|it| it.cap)
                            && items.get(first).is_some_and(|p| {
                                !registry.other_person_between(span_of(s).end, p.start, name)
                            })
                    });
                let pronoun = items.get(first).map(|it| it.lower.as_str());
                let gender = match pronoun {
                    Some("he") => Some(Gender::Male),
                    Some("she") => Some(Gender::Female),
                    _ => None,
                };
                if named && first <= c.cue.1 + 2 {
                    if let Some(g) = gender {
                        registry.note_gender(name, items[first].start, g);
                    } else if pronoun == Some("it") {
                        // `Amazon said it would hire …`: a lone name that speaks of itself as
                        // `it` is an organisation, whatever its speaking made of it before.
                        registry.note_organisation(name, items[first].start);
                    }
                }
            }
            let mut speaker = speaker;
            if let Some(s) = src {
                let sp = span_of(s);
                if is_heading_label(text, a, c, sp, span_of(c.cue))
                    && !speaker.as_deref().is_some_and(|n| {
                        registry
                            .lookup(n, items[s.0].start)
                            .is_some_and(|e| e.kind == EntityKind::Person && e.confirmed)
                    })
                {
                    // `SUMMARY: …` is a heading, not a quote; `New Release: …` is a label,
                    // not a speaker. A name in capitals that the document also writes as a
                    // name (`TAPPER:` and `Jake Tapper`) is a transcript's speaker.
                    let label = sp.slice(text);
                    if !label.chars().any(char::is_lowercase)
                        && !transcript_speaker(text, label)
                        && !a.quoted_turns.contains(&sp.start)
                    {
                        continue;
                    }
                    speaker = None;
                }
            }
            let q = self.make_quote(
                text,
                a,
                c,
                &c.content,
                &extra_frags(&extra, ci),
                src.map(span_of),
                speaker,
                &span_of,
            );
            done.push(q.clone());
            quote_of_cand[ci] = Some(out.len());
            out.push(q);
        }
        for (f, from) in orphans {
            let speaker = from.and_then(|ci| speaker_of_cand[ci].clone());
            // The quotation goes on with what the attribution before it introduced: it has
            // that attribution's source and cue (`Carter said that …` and then `"That's
            // because …"`).
            let from_quote = from.and_then(|ci| quote_of_cand[ci]).map(|qi| &out[qi]);
            let source = from_quote.and_then(|q| q.source);
            let cue = from_quote.and_then(|q| q.cue);
            let mut content = group_spans(a, a.frags[f].group);
            content.sort();
            out.push(Quote {
                kind: QuoteKind::Direct,
                quoted: content.clone(),
                content,
                cue,
                source,
                speaker,
                class: CueClass::Speech,
            });
        }
        out
    }

    /// Whether the cue at item `k` is a plain verb of saying (`said`, `told`, `reported`,
    /// `according to`), whose lone capitalised subject is a speaker's name.
    fn strong_speech_cue(&self, a: &Analysis, k: usize) -> bool {
        let Some(it) = a.items.get(k) else {
            return false;
        };
        let next = a.items.get(k + 1).map(|n| n.lower.as_str());
        let Some(info) = self.lexicon.lookup(&it.lower, next) else {
            return false;
        };
        let lemma = info.lemma.split(' ').next().unwrap_or("");
        info.class == CueClass::Speech
            && (info.form == CueForm::According
                || (info.form == CueForm::Finite
                    && !it.lower.ends_with("ing")
                    && STRONG_SPEECH_LEMMAS.contains(&lemma)))
    }

    #[allow(clippy::too_many_arguments)]
    fn make_quote(
        &self,
        _text: &str,
        a: &Analysis,
        c: &Cand,
        ranges: &[(usize, usize)],
        extra: &[usize],
        source: Option<ByteSpan>,
        speaker: Option<String>,
        span_of: &dyn Fn((usize, usize)) -> ByteSpan,
    ) -> Quote {
        let items = &a.items;
        let mut content: Vec<ByteSpan> = Vec::new();
        let mut quoted: Vec<ByteSpan> = Vec::new();
        let mut all_quote = true;
        let mut mixed = false;
        let mut groups_seen: Vec<usize> = Vec::new();
        for &(s, e) in ranges {
            let mut only_quotes = true;
            for it in &items[s..e] {
                match it.kind {
                    IK::Quote(f) => {
                        let fr = &a.frags[f];
                        if matches!(fr.last, Some('.' | '!' | '?')) || fr.words >= MIXED_MIN_WORDS {
                            mixed = true;
                        }
                        if !groups_seen.contains(&fr.group) {
                            groups_seen.push(fr.group);
                        }
                    }
                    IK::Punct(_) => {}
                    _ => only_quotes = false,
                }
            }
            all_quote &= only_quotes;
            content.push(span_of((s, e)));
        }
        for &f in extra {
            let g = a.frags[f].group;
            if !groups_seen.contains(&g) {
                groups_seen.push(g);
            }
        }
        // Every paragraph of a multi-paragraph quotation belongs to the quote.
        for g in groups_seen {
            for sp in group_spans(a, g) {
                quoted.push(sp);
                if !content
                    .iter()
                    .any(|c| c.start <= sp.start && sp.end <= c.end)
                {
                    content.push(sp);
                }
            }
        }
        content.sort();
        content.dedup();
        quoted.sort();
        let kind = if all_quote && !quoted.is_empty() {
            QuoteKind::Direct
        } else if mixed {
            QuoteKind::Mixed
        } else {
            QuoteKind::Reported
        };
        Quote {
            kind,
            content,
            cue: Some(span_of(c.cue)),
            source,
            speaker,
            class: c.class,
            quoted,
        }
    }
}

/// Marks fragment `f` used with every other paragraph of its quotation: the quote made of it
/// holds them all (see [`group_spans`]), so none may start another.
fn use_group(used: &mut [bool], a: &Analysis, f: usize) {
    let group = a.frags.get(f).and_then(|fr| a.groups.get(fr.group));
    for &g in group.into_iter().flatten() {
        if let Some(u) = used.get_mut(g) {
            *u = true;
        }
    }
    if let Some(u) = used.get_mut(f) {
        *u = true;
    }
}

fn extra_frags(extra: &[(usize, usize)], ci: usize) -> Vec<usize> {
    extra
        .iter()
        .filter(|(c, _)| *c == ci)
        .map(|&(_, f)| f)
        .collect()
}

fn group_spans(a: &Analysis, g: usize) -> Vec<ByteSpan> {
    a.groups.get(g).map_or(Vec::new(), |fs| {
        fs.iter().map(|&f| a.frags[f].span).collect()
    })
}

/// The noun phrase a relative pronoun refers to: `Mukasey, who said` → `Mukasey`.
fn rules_antecedent(rules: &Rules<'_>, a: &Analysis, k: usize) -> Option<(usize, usize)> {
    let si = a.sents.iter().position(|s| s.lo <= k && k < s.hi)?;
    rules.antecedent(si, k)
}

/// Keeps one quote of several with the same content: `Lazar admitted in his plea that …`
/// and `Wasserman Schultz said in her opening remarks that …` found it through the verb and
/// through the noun after it, `That said, she also noted, "…"` through an idiom and the verb.
/// A reader asking who said it gets one answer: the attribution with a resolved speaker,
/// else with a source, else a verb of speech, else the first.
fn drop_repeated_content(quotes: &mut Vec<Quote>) {
    let rank = |q: &Quote| {
        (
            q.speaker.is_some(),
            q.source.is_some(),
            q.class == CueClass::Speech,
            std::cmp::Reverse(q.cue.map_or(0, |c| c.start)),
        )
    };
    let mut best: rustc_hash::FxHashMap<&[ByteSpan], usize> = Default::default();
    for (i, q) in quotes.iter().enumerate() {
        best.entry(q.content.as_slice())
            .and_modify(|b| {
                if rank(q) > rank(&quotes[*b]) {
                    *b = i;
                }
            })
            .or_insert(i);
    }
    // `A news report published Wednesday said …`: a verb inside another quote's source,
    // whose content starts at that quote's cue, reported nothing.
    let mut inside_source: rustc_hash::FxHashMap<usize, ByteSpan> = Default::default();
    for q in quotes.iter() {
        if let (Some(cue), Some(src)) = (q.cue, q.source) {
            inside_source.insert(cue.start, src);
        }
    }
    best.retain(|content, &mut i| {
        let (Some(c), Some(cue)) = (content.first(), quotes[i].cue) else {
            return true;
        };
        !inside_source
            .get(&c.start)
            .is_some_and(|src| src.start <= cue.start && cue.end <= src.end)
    });
    if best.len() == quotes.len() {
        return;
    }
    let keep: Vec<bool> = {
        let mut keep = vec![false; quotes.len()];
        for &i in best.values() {
            keep[i] = true;
        }
        keep
    };
    let mut i = 0;
    quotes.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Drops an attitude reported inside what someone is reported to have said (`Officials said
/// Washington now believed that …`, `He said he hoped the swap would …`): the thought is the
/// speaker's report, not a statement of the one said to hold it, and listing it as that
/// person's quote misleads a reader asking who said what. The outer quote keeps the whole
/// content. Kept: speech inside speech (`she said he told her …`), a statement of its own,
/// and anything inside an attitude (`Voters applauded the mayor's decision to …`: the
/// decision is the mayor's, not the voters' report of it).
fn drop_nested_attitudes(quotes: &mut Vec<Quote>) {
    // The content pieces of speech, by start, with the furthest end reached so far: a cue is
    // inside one of them when a piece starting at or before it reaches past its end. Linear
    // after the sort, so a page of thousands of quotes stays fast.
    let mut pieces: Vec<ByteSpan> = quotes
        .iter()
        .filter(|p| p.class == CueClass::Speech)
        .flat_map(|p| p.content.iter().copied())
        .collect();
    pieces.sort_by_key(|c| c.start);
    let mut reach = Vec::with_capacity(pieces.len());
    let mut furthest = 0;
    for c in &pieces {
        furthest = furthest.max(c.end);
        reach.push(furthest);
    }
    let inside_speech = |cue: ByteSpan| {
        let n = pieces.partition_point(|c| c.start <= cue.start);
        n > 0 && reach[n - 1] >= cue.end
    };
    quotes.retain(|q| {
        !(q.class == CueClass::Attitude
            && q.kind == QuoteKind::Reported
            && q.cue.is_some_and(inside_speech))
    });
}
