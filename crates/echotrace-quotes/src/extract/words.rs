//! The closed word lists the rules consult (determiners, prepositions, auxiliaries, time words,
//! source nouns, labels …) and the small word tests shared by every rule.

use super::*;

pub(super) static DETS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "most", "several", "both", "all", "each", "every", "any", "no",
    "other", "another", "few", "such", "one", "two", "three", "four", "five", "whose",
]);
pub(super) static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "because", "while", "when", "if",
    "as", "since", "although", "though", "so", "where", "whether", "than", "until", "unless",
    "whereas", "nor", "yet", "what", "how", "why", "once",
]);
pub(super) static PREPS: WordSet = WordSet::new(&[
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
pub(super) static AUX: WordSet = WordSet::new(&[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "not", "never",
    "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "isn't",
    "wasn't", "can't", "couldn't", "'s",
]);
pub(super) const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "isn't", "wasn't",
];
/// Adverbs that sit between a subject and its reporting verb and belong to the cue.
pub(super) const CUE_ADVERBS: &[&str] = &[
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
    "almost",
    "perhaps",
    "instead",
    "soon",
    "quite",
];
pub(super) const OBJ_PRONOUNS: &[&str] = &["me", "him", "her", "us", "them", "you", "it"];
pub(super) static SUBJ_PRONOUNS: WordSet = WordSet::new(&[
    "he", "she", "they", "we", "i", "it", "you", "who", "which", "this", "that", "these", "those",
    "someone", "everyone", "nobody", "one",
]);
pub(super) const TIME_WORDS: &[&str] = &[
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
pub(super) const NP_OBJECT_LEMMAS: &[&str] = &[
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
pub(super) const MEDIUM_NOUNS: &[&str] = &[
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
pub(super) const OBJECT_CONTROL_STEMS: &[&str] = &[
    "ask", "urg", "tell", "told", "forc", "persuad", "encourag", "allow", "invit", "order",
    "pressur", "push", "convinc", "want", "need", "expect", "lead", "led",
];

/// Nouns for documents and findings that stand as the source of a verb spelled like a noun:
/// `a poll shows`, `the report finds`, `footage from the game shows` (general news usage:
/// polls, surveys, studies and records report what they found).
pub(super) const SOURCE_NOUNS: &[&str] = &[
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

/// Plural nouns for people who speak as a group, which make a subject without a determiner
/// (`aides to the president said`).
pub(super) const PEOPLE_PLURALS: &[&str] = &[
    "advisers",
    "advisors",
    "aides",
    "officials",
    "sources",
    "allies",
    "critics",
    "analysts",
    "experts",
    "lawyers",
    "attorneys",
    "spokesmen",
    "members",
    "leaders",
    "diplomats",
    "lawmakers",
    "staffers",
    "executives",
    "economists",
    "investigators",
    "prosecutors",
    "negotiators",
    "researchers",
    "scientists",
    "doctors",
    "residents",
    "witnesses",
    "supporters",
    "friends",
    "relatives",
    "people",
    "police",
    "authorities",
    "activists",
];

/// Lowercase words that may open a name: `said former governor Ed Rendell`.
pub(super) const NAME_MODIFIERS: &[&str] = &[
    "former", "then", "late", "longtime", "veteran", "senior", "top", "acting", "deputy",
    "interim", "outgoing", "incoming", "retired", "fellow",
];

/// Lowercase words inside a personal name (`Charles de Gaulle`, `Ludwig van Beethoven`).
pub(super) const NAME_PARTS: &[&str] = &["de", "van", "von", "der", "da", "la", "le", "bin", "al"];

/// Determiners that can also be a whole subject.
pub(super) const STANDALONE_DETS: &[&str] = &[
    "some", "many", "most", "several", "both", "all", "few", "each", "one", "two", "three", "four",
    "five", "this", "that", "these", "those", "others", "any", "another",
];

/// Capitalised words before a colon that label, not speak.
pub(super) const LABELS: &[&str] = &[
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
pub(super) const NOUNY: &[&str] = &[
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
pub(super) trait Words {
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

pub(super) fn has<L: Words + ?Sized>(list: &L, w: &str) -> bool {
    list.has_word(w)
}

/// Words that open an indirect question.
pub(super) fn is_wh(w: &str) -> bool {
    matches!(
        w,
        "if" | "whether" | "what" | "why" | "how" | "who" | "whom" | "when" | "where" | "which"
    )
}

/// A year of the last two centuries or this one (`2010`, `1998`).
pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[..2], "19" | "20")
}

pub(crate) fn is_day(w: &str) -> bool {
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

pub(crate) fn is_month(w: &str) -> bool {
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

/// Whether a word ending in `-ly` is an adverb (`repeatedly`, `publicly`), not a noun or an
/// adjective spelt alike (`family`, `rally`, `ally`, `supply`, `assembly`, `elderly`).
pub(super) fn ly_adverb(w: &str) -> bool {
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

/// A personal pronoun that is only ever a subject: where a clause starts.
pub(super) fn is_personal_subject(w: &str) -> bool {
    // A contracted verb stays glued to its pronoun: `she's with them`, `they're`, `I'm`.
    let base = match w.split_once(['\'', '\u{2019}']) {
        Some((base, "s" | "d" | "ll" | "re" | "ve" | "m")) => base,
        Some(_) => return false,
        None => w,
    };
    matches!(base, "he" | "she" | "they" | "we" | "i")
}

/// A word that tells a time: `last`, `week`, `Tuesday`, `March` (not `May`, a verb as often).
pub(super) fn time_word(w: &str) -> bool {
    matches!(w, "last" | "this" | "next" | "past" | "early" | "late")
        || has(TIME_WORDS, w.trim_end_matches('s'))
        || is_day(w)
        || (is_month(w) && w != "may")
}

/// A verb whose object is the one told (`told the BBC`, `assured reporters`): who speaks is
/// never after it, and what was said comes after that object.
pub(super) fn tells_someone(lemma: &str) -> bool {
    matches!(
        lemma,
        "tell" | "inform" | "assure" | "remind" | "notify" | "brief"
    )
}

/// What one speaks on: `said on Twitter`, `told on CNN`, `on air`.
pub(super) fn channel_word(w: &str) -> bool {
    matches!(
        w,
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
}

/// Past tenses that are not spelled with `-ed` and are never nouns: where a subject read word
/// by word meets one, its verb has begun (`the prime minister left the summit`). Common news
/// verbs only; forms that are also nouns (`cut`, `set`, `lead`, `shot`) are left out.
pub(super) static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "began", "became", "bought", "brought", "built", "came", "caught", "chose", "drew", "fell",
    "felt", "flew", "fought", "forgot", "froze", "gave", "got", "grew", "heard", "held", "kept",
    "knew", "left", "lost", "made", "meant", "met", "paid", "ran", "rose", "sat", "saw", "sent",
    "shook", "sold", "sought", "spent", "spoke", "stood", "stole", "struck", "swore", "taught",
    "thought", "threw", "took", "tore", "went", "won", "wore", "wrote",
]);

/// An adjective or participle that takes this preposition after a noun and makes a subject
/// of it: `people familiar with the matter`, `sources close to him`, `diplomats briefed on
/// the talks`. Wire copy names anonymous sources this way.
pub(super) fn adjective_taking(adjective: &str, preposition: &str) -> bool {
    matches!(
        (adjective, preposition),
        ("familiar" | "acquainted", "with")
            | (
                "close"
                    | "closer"
                    | "closest"
                    | "loyal"
                    | "linked"
                    | "allied"
                    | "opposed"
                    | "sympathetic"
                    | "connected"
                    | "affiliated"
                    | "related",
                "to"
            )
            | ("briefed", "on" | "about")
    )
}

/// A verb in the past that opens, continues or closes something, a speech among others
/// (`began by saying`, `punctuated his list by saying`).
pub(super) fn opens_or_closes(w: &str) -> bool {
    matches!(
        w,
        "began"
            | "started"
            | "opened"
            | "closed"
            | "ended"
            | "concluded"
            | "finished"
            | "continued"
            | "punctuated"
            | "capped"
            | "wrapped"
    )
}

/// A noun for what a speaker says as a whole (`his remarks`, `her list`).
pub(super) fn speech_noun(w: &str) -> bool {
    matches!(
        w,
        "list"
            | "remarks"
            | "speech"
            | "statement"
            | "address"
            | "comments"
            | "answer"
            | "testimony"
            | "talk"
    )
}

/// A verb of how someone spoke, in the past, coordinated with a verb of saying (`laughed and
/// said`, `paused and added`).
pub(super) fn manner_of_speaking(w: &str) -> bool {
    matches!(
        w,
        "laughed"
            | "smiled"
            | "chuckled"
            | "grinned"
            | "shrugged"
            | "nodded"
            | "paused"
            | "sighed"
            | "winked"
            | "frowned"
            | "smirked"
    )
}

/// A verb of going on or beginning that takes the infinitive of a cue into the cue
/// (`continued to complain that`, `began to argue`, `interjected to say: "…"`).
pub(super) fn aspectual_verb(w: &str) -> bool {
    matches!(
        w,
        "continued"
            | "continues"
            | "continue"
            | "continuing"
            | "proceeded"
            | "proceeds"
            | "proceeding"
            | "began"
            | "begins"
            | "begun"
            | "beginning"
            | "started"
            | "starts"
            | "starting"
            | "tried"
            | "tries"
            | "interjected"
            | "interjects"
            | "paused"
            | "pauses"
    )
}

/// A preposition, `for` and `of` included (`PREPS` leaves them out: the noun-phrase rules read
/// across them, `the author of`, `support for`).
pub(super) fn preposition(w: &str) -> bool {
    has(&PREPS, w) || matches!(w, "for" | "of")
}
