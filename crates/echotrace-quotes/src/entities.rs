//! People and organisations of one document, with their aliases, and the resolution of a source
//! mention (`He`, `Tokayev`, `the Kazakh president`, `CSTO`) to the fullest name.

use crate::text::{with_lowercase, TokKind, WordSet};
use compact_str::CompactString;
use echotrace_core::ByteSpan;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// A person or organisation named in the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest form of the name in the document (`Kassym-Jomart Tokayev`,
    /// `Collective Security Treaty Organization`).
    pub name: String,
    /// Every other form it goes by: surnames, acronyms, spelling variants.
    pub aliases: Vec<String>,
    /// Roles it was introduced with, lowercase (`kazakh president`).
    pub roles: Vec<String>,
    pub gender: Option<Gender>,
    /// Where it is named, in text order.
    pub mentions: Vec<ByteSpan>,
    /// Whether something in the text says this is a person (a title, a role, a given name, a
    /// cue it is the subject of), as opposed to a capitalised phrase that merely could be one.
    pub confirmed: bool,
    /// Normalised forms of the name and every alias (see `org_key`), kept so that lookups
    /// compare without allocating.
    #[serde(skip)]
    pub(crate) keys: Vec<String>,
    /// The capitals an acronym of the name would spell (see `initials`), kept with `keys`:
    /// every acronym looked up is compared with every organisation's.
    #[serde(skip)]
    pub(crate) initials: String,
    /// The last word of the name, lowercase: every lone capitalised word of the document is
    /// compared with every person's.
    #[serde(skip)]
    surname: CompactString,
    /// Where the last word of the normalised name (`keys[0]`) starts and the first ends.
    #[serde(skip)]
    key_ends: (usize, usize),
}

impl Entity {
    fn new(kind: EntityKind, name: &str, confirmed: bool) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            gender: None,
            mentions: Vec::new(),
            confirmed,
            keys: Vec::new(),
            initials: String::new(),
            surname: CompactString::default(),
            key_ends: (0, 0),
        }
    }

    /// Recomputes what is kept from the name and aliases; called whenever they change.
    fn refresh_keys(&mut self) {
        self.keys = std::iter::once(&self.name)
            .chain(&self.aliases)
            .map(|n| org_key(n))
            .collect();
        self.initials = initials(&self.name);
        self.surname = lower_key(self.name.split_whitespace().next_back().unwrap_or(""));
        let k = self.keys.first().map_or("", String::as_str);
        self.key_ends = (
            k.rfind(' ').map_or(0, |i| i + 1),
            k.find(' ').unwrap_or(k.len()),
        );
    }

    /// Surname and given name of the fullest name, normalised.
    fn name_ends(&self) -> (&str, &str) {
        let k = self.keys.first().map_or("", String::as_str);
        let (sur, given) = self.key_ends;
        (k.get(sur..).unwrap_or(""), k.get(..given).unwrap_or(""))
    }
}

/// The per-document registry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityRegistry {
    pub entities: Vec<Entity>,
}

/// Words that make a capitalised phrase an organisation.
pub(crate) static ORG_WORDS: WordSet = WordSet::new(&[
    "organization",
    "organisation",
    "council",
    "ministry",
    "party",
    "committee",
    "department",
    "agency",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "company",
    "association",
    "union",
    "bank",
    "university",
    "institute",
    "college",
    "school",
    "court",
    "commission",
    "office",
    "service",
    "treaty",
    "network",
    "group",
    "fund",
    "foundation",
    "center",
    "centre",
    "senate",
    "house",
    "congress",
    "parliament",
    "government",
    "administration",
    "campaign",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "reuters",
    "kremlin",
    "pentagon",
    "army",
    "navy",
    "police",
    "coalition",
    "alliance",
    // Business names in the plural: `Kotak Institutional Equities`, `Dick Clark Productions`.
    "electronics",
    "systems",
    "communications",
    "solutions",
    "logistics",
    "foods",
    "resources",
    "brands",
    "telecom",
    "energy",
    "petroleum",
    "capital",
    "ventures",
    "entertainment",
    "equities",
    "securities",
    "holdings",
    "partners",
    "industries",
    "productions",
    "technologies",
    "airlines",
    "airways",
    "pharmaceuticals",
    "enterprises",
    "investments",
    "studios",
    "federation",
    "board",
    "authority",
    "bureau",
    "society",
    "church",
    "league",
    "forces",
    "assembly",
    "club",
    "corporation",
    "llc",
    "ltd",
    "ltd.",
    "media",
    "tv",
    "radio",
    "agency",
    "cabinet",
    "embassy",
    "nations",
    "tribune",
    "herald",
    "review",
    "daily",
    "magazine",
    "broadcasting",
    "channel",
    "airlines",
    "motors",
    "industries",
    "holdings",
    "partners",
    "watch",
    "international",
    "secretariat",
    "directorate",
    "command",
    "guard",
    "ministries",
    "project",
    "initiative",
    "institution",
    "institutions",
    "republic",
    "state",
    "states",
    "union",
    "kingdom",
    "city",
    "county",
    "square",
    "street",
    "avenue",
    "river",
    "sea",
    "ocean",
    "mountains",
    "island",
    "islands",
    "airport",
    "station",
    "hospital",
    "stadium",
    "hall",
    "tower",
    "summit",
    "conference",
    "forum",
    "war",
    "act",
    "law",
    "bill",
    "day",
    "week",
    "asia",
    "asian",
    "europe",
    "european",
    "america",
    "american",
    "africa",
]);

/// Words in a capitalised phrase that are places, never persons (kept out of pronoun focus).
static NON_PERSON_WORDS: WordSet = WordSet::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "new",
    "north",
    "south",
    "east",
    "west",
    "central",
    "united",
    "great",
    "san",
    "los",
    "las",
    "saint",
    "st.",
    "fort",
    "lake",
    "port",
    "mount",
    "god",
    "christmas",
    "easter",
    "internet",
    "twitter",
    "facebook",
    "youtube",
    "google",
    "instagram",
    "tiktok",
    // Party adjectives (`Minnesota Democratic caucuses`), never part of a personal name.
    "democratic",
    "republican",
]);

/// Title words: a name after them is a person; they and the words before them are a role.
pub(crate) static TITLES: WordSet = WordSet::new(&[
    "president",
    "minister",
    "senator",
    "sen.",
    "sen",
    "rep.",
    "rep",
    "representative",
    "gov.",
    "gov",
    "governor",
    "mayor",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen.",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "ambassador",
    "commissioner",
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    // British style writes honorifics without the period (`Ms Persson`, `Dr Liphardt`).
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "cmdr.",
    "cmdr",
    "administrator",
    "professor",
    "rev.",
    "reverend",
    "speaker",
    "leader",
    "lt.",
    "col.",
    "capt.",
    "sgt.",
    "adm.",
    "premier",
    "sheikh",
    "emir",
    "sultan",
    "ayatollah",
    "archbishop",
    "bishop",
    "cardinal",
    "father",
    "officer",
    "detective",
    // British police ranks and offices (`Chief Constable Sarah Crew`, `Det Supt …`).
    "constable",
    "superintendent",
    "supt",
    "inspector",
    "coroner",
    "sheriff",
    "attorney",
    "chief",
    "commander",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "admiral",
    "marshal",
    "president-elect",
    "envoy",
    "lawmaker",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "assemblyman",
    "assemblywoman",
    "candidate",
    "nominee",
    "adviser",
    "advisor",
    "aide",
    "ceo",
    "founder",
    "executive",
    "analyst",
    "economist",
    "host",
    "anchor",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "strategist",
    "pollster",
    "manager",
    "official",
    "head",
    "counsel",
    "lawyer",
    "activist",
    "author",
    "actor",
    "actress",
    "singer",
    "coach",
    "player",
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "deputy",
    "vice",
    "co-founder",
    "chairperson",
    "mp",
    "mep",
    "prosecutor",
    "investigator",
    "researcher",
    "scientist",
    "dean",
    "rabbi",
    "imam",
    "pastor",
    "priest",
    "physician",
    "doctor",
    "nurse",
    "general",
    "commentator",
    "blogger",
    "journalist",
    "writer",
    "historian",
    "expert",
    "dictator",
    "monarch",
    "ruler",
    "tsar",
    "czar",
    "boss",
    "partner",
    "member",
    "delegate",
    "whip",
    "owner",
    "heir",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "brother",
    "sister",
    "spouse",
    "widow",
    "chairs",
    "presidents",
    "ministers",
    "senators",
]);

/// The gender a title before a name gives its bearer (`Mrs.`, `spokesman`), lowercase.
pub(crate) fn title_gender(w: &str) -> Option<Gender> {
    if MALE_TITLES.contains(&w) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&w) {
        Some(Gender::Female)
    } else {
        None
    }
}

const MALE_TITLES: &[&str] = &[
    "mr.",
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "spokesman",
    "chairman",
    "congressman",
    "councilman",
    "assemblyman",
    "businessman",
    "father",
    "husband",
    "son",
    "brother",
    "sheikh",
    "emir",
    "sultan",
    "actor",
];
const FEMALE_TITLES: &[&str] = &[
    "mrs.",
    "ms.",
    "mrs",
    "ms",
    "dame",
    "miss",
    "queen",
    "princess",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "assemblywoman",
    "businesswoman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "widow",
    "actress",
];

/// Common given names with their usual gender, for pronoun agreement only. A short list from
/// general knowledge of names frequent in international news; a name not on it is simply of
/// unknown gender, which agrees with both pronouns.
static MALE_NAMES: WordSet = WordSet::new(&[
    "john",
    "james",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "donald",
    "george",
    "mark",
    "paul",
    "steven",
    "kevin",
    "brian",
    "jeff",
    "jeb",
    "ted",
    "marco",
    "bernie",
    "barack",
    "joe",
    "mike",
    "chris",
    "rand",
    "ben",
    "bill",
    "tim",
    "mitch",
    "harry",
    "rick",
    "scott",
    "jim",
    "tom",
    "bob",
    "peter",
    "andrew",
    "daniel",
    "matthew",
    "anthony",
    "eric",
    "jason",
    "ryan",
    "jack",
    "sean",
    "vladimir",
    "sergei",
    "sergey",
    "dmitry",
    "alexei",
    "alexander",
    "nikolai",
    "ivan",
    "viktor",
    "volodymyr",
    "petro",
    "emmanuel",
    "francois",
    "nicolas",
    "olaf",
    "boris",
    "rishi",
    "keir",
    "justin",
    "xi",
    "narendra",
    "recep",
    "benjamin",
    "mahmoud",
    "ali",
    "mohammed",
    "muhammad",
    "ahmed",
    "hassan",
    "omar",
    "abdullah",
    "kim",
    "shinzo",
    "fumio",
    "jair",
    "luiz",
    "lula",
    "kassym-jomart",
    "nursultan",
    "alexander",
    "lindsey",
    "newt",
    "reince",
    "corey",
    "jared",
    "hunter",
    "kanye",
    "elon",
    "jerome",
    "lloyd",
    "antony",
    "dick",
    "al",
    "jimmy",
    "ronald",
    "gerald",
    "lyndon",
    "franklin",
    "abraham",
    "martin",
    "luther",
    "pete",
    "cory",
    "beto",
    "lev",
    "igor",
    "oleg",
    "yuri",
    "andrei",
    "mikhail",
    "recep",
    "bashar",
    "hosni",
    "muammar",
    "saddam",
    "fidel",
    "raul",
    "hugo",
    "nicolas",
    "evo",
    "juan",
    "carlos",
    "jose",
    "luis",
    "pedro",
    "antonio",
    "manuel",
    "francisco",
    "giuseppe",
    "matteo",
    "mario",
    "silvio",
    "pope",
    "karl",
    "carl",
    "nate",
    "nathan",
    "greg",
    "gregory",
    "doug",
    "douglas",
    "larry",
    "gary",
    "frank",
    "dennis",
    "jerry",
    "keith",
    "roger",
    "ralph",
    "bruce",
    "wayne",
    "randy",
    "howard",
    "eugene",
    "arthur",
    "henry",
    "patrick",
    "raymond",
    "samuel",
    "stephen",
    "steve",
    "kenneth",
    "edward",
    "ed",
    "timothy",
    "jonathan",
    "brandon",
    "adam",
    "zachary",
    "tyler",
    "aaron",
    "kyle",
    "jacob",
    "noah",
    "ethan",
    "logan",
    "liam",
    "mason",
    "oliver",
    "elijah",
    "andy",
    "dan",
    "dave",
    "fred",
    "hank",
    "ken",
    "nick",
    "phil",
    "ray",
    "ron",
    "tony",
    "walter",
    "warren",
    "wesley",
    "kurt",
    "mitt",
    "rudy",
    "rex",
    "chuck",
    "sherrod",
    "jeffrey",
    "gavin",
    "travis",
    "todd",
    "craig",
    "russell",
    "louis",
    "philip",
    "vincent",
    "albert",
    "lawrence",
    "harold",
    "roy",
    "jeremy",
    "joshua",
    "christopher",
    "benny",
    "neil",
    "ian",
    "colin",
    "graham",
    "hamish",
    "nigel",
    "rupert",
    "rahul",
    "amit",
    "raj",
    "imran",
    "nawaz",
    "ashraf",
    "abdul",
    "yusuf",
    "ibrahim",
    "khalid",
    "hamid",
    "tayyip",
    "gerhard",
    "helmut",
    "friedrich",
    "wolfgang",
    "jens",
    "volker",
    "mateusz",
    "andrzej",
    "jacques",
    "pierre",
    "jean-luc",
    "gabriel",
    "enrico",
    "giorgio",
    "sergio",
    "pablo",
    "miguel",
    "alberto",
    "fernando",
    "javier",
    "jorge",
    "ricardo",
    "roberto",
    "xavier",
    "shigeru",
    "yoshihide",
]);
static FEMALE_NAMES: WordSet = WordSet::new(&[
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "elizabeth",
    "barbara",
    "susan",
    "jessica",
    "sarah",
    "karen",
    "nancy",
    "lisa",
    "hillary",
    "carly",
    "michelle",
    "melania",
    "ivanka",
    "sarah",
    "nikki",
    "kelly",
    "kellyanne",
    "elizabeth",
    "kamala",
    "condoleezza",
    "madeleine",
    "theresa",
    "angela",
    "ursula",
    "marine",
    "jacinda",
    "giorgia",
    "liz",
    "sheila",
    "debbie",
    "donna",
    "loretta",
    "huma",
    "chelsea",
    "anna",
    "maria",
    "olga",
    "natalia",
    "yulia",
    "svetlana",
    "tatiana",
    "irina",
    "elena",
    "ekaterina",
    "maria",
    "marie",
    "sophie",
    "emma",
    "emily",
    "laura",
    "rachel",
    "rebecca",
    "amy",
    "ann",
    "anne",
    "jane",
    "joan",
    "judy",
    "julia",
    "katherine",
    "catherine",
    "kate",
    "margaret",
    "maxine",
    "nina",
    "ruth",
    "samantha",
    "sonia",
    "stephanie",
    "susanna",
    "tulsi",
    "victoria",
    "wendy",
    "janet",
    "janet",
    "hope",
    "kirsten",
    "amy",
    "claire",
    "tammy",
    "jeanne",
    "martha",
    "megyn",
    "greta",
    "alexandria",
    "ilhan",
    "rashida",
    "ayanna",
    "nancy",
    "benazir",
    "indira",
    "golda",
    "aung",
    "christine",
    "kristalina",
    "andrea",
    "kimberly",
    "sandra",
    "ashley",
    "dorothy",
    "carol",
    "amanda",
    "melissa",
    "deborah",
    "sharon",
    "cynthia",
    "kathleen",
    "shirley",
    "brenda",
    "pamela",
    "nicole",
    "helen",
    "christina",
    "debra",
    "carolyn",
    "heather",
    "diane",
    "dianne",
    "julie",
    "olivia",
    "joyce",
    "virginia",
    "lauren",
    "evelyn",
    "judith",
    "megan",
    "cheryl",
    "hannah",
    "jacqueline",
    "gloria",
    "teresa",
    "sara",
    "frances",
    "kathryn",
    "janice",
    "jean",
    "abigail",
    "alice",
    "sophia",
    "grace",
    "denise",
    "amber",
    "doris",
    "marilyn",
    "danielle",
    "beverly",
    "isabella",
    "natalie",
    "brittany",
    "charlotte",
    "kayla",
    "lori",
    "gina",
    "elaine",
    "gretchen",
    "valerie",
    "katie",
    "maureen",
    "tina",
    "whoopi",
    "ellen",
    "kathy",
    "sue",
    "susana",
    "betsy",
    "jill",
    "meghan",
    "camilla",
    "rosalynn",
    "sally",
    "mika",
    "oprah",
    "sheryl",
    "mia",
    "lucy",
    "zoe",
    "chloe",
    "ella",
    "amelia",
    "isla",
    "priya",
    "sunita",
    "sushma",
    "nirmala",
    "mamata",
    "aisha",
    "fatima",
    "leila",
    "yasmin",
    "mette",
    "sanna",
    "annalena",
    "magdalena",
    "beata",
    "agnieszka",
    "ingrid",
    "birgit",
    "monika",
    "petra",
    "ines",
    "carmen",
    "lucia",
    "isabel",
    "cristina",
    "dilma",
    "michele",
    "kristi",
    "marsha",
    "sylvia",
    "roberta",
    "stacey",
    "tricia",
    "nadia",
    "olena",
    "oksana",
    "valentina",
]);

/// A word without its possessive ending (`Parise's`, `Union’s`).
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .filter(|b| !b.is_empty())
        .unwrap_or(w)
}

/// Head nouns of a phrase that names an organisation when a proper or national modifier
/// comes before it (`China's commerce ministry`, `the US military`, `the Jordanian
/// government`, `Bolivia's public defender's office`).
pub(crate) const ORG_HEADS: &[&str] = &[
    "ministry",
    "government",
    "military",
    "army",
    "navy",
    "authority",
    "authorities",
    "office",
    "police",
    "embassy",
    "department",
    "agency",
    "commission",
    "council",
    "committee",
    "court",
    "party",
    "administration",
    "parliament",
    "cabinet",
    "prosecutors",
    "prosecution",
    "regulator",
    "watchdog",
    "company",
    "group",
    "coalition",
    "union",
    "bank",
    "federation",
    "association",
    "league",
    "board",
    "presidency",
    "mission",
];

/// Nouns that refer back to an organisation in focus (`the group said`, `the company
/// says`); they name no organisation of their own.
/// The gender of a person named only by kinship or as a man or woman (`his mother`, `the
/// man`, `a spokeswoman`), if the noun gives one. Occupations are left out: `the businessman`,
/// `the actor` are epithets for someone named before far more often than strangers.
pub(crate) fn role_gender(w: &str) -> Option<Gender> {
    match w {
        "mother" | "wife" | "daughter" | "sister" | "woman" | "girl" | "grandmother" | "aunt"
        | "widow" | "spokeswoman" | "niece" | "girlfriend" | "mum" | "mom" => Some(Gender::Female),
        "father" | "husband" | "son" | "brother" | "man" | "boy" | "grandfather" | "uncle"
        | "widower" | "spokesman" | "nephew" | "boyfriend" | "dad" => Some(Gender::Male),
        _ => None,
    }
}

/// Generic nouns that name a business: `the company` refers back to one, never to a public
/// body.
pub(crate) fn is_business_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "utility"
            | "brokerage"
            | "label"
            | "bank"
            | "broadcaster"
            | "newspaper"
            | "carrier"
            | "airline"
            | "retailer"
            | "lender"
            | "insurer"
    )
}

/// Whether an organisation's name is that of a state body (`the Kremlin`, `Ministry of
/// Defence`, `the Pentagon`, `Metropolitan Police`), by the words such names are made of.
pub(crate) fn is_public_body(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "kremlin"
                    | "ministry"
                    | "department"
                    | "government"
                    | "parliament"
                    | "council"
                    | "police"
                    | "court"
                    | "army"
                    | "navy"
                    | "senate"
                    | "congress"
                    | "commission"
                    | "embassy"
                    | "cabinet"
                    | "pentagon"
                    | "party"
                    | "presidency"
                    | "whitehall"
            )
        })
        || name.contains("White House")
        || name.contains("Downing Street")
}

/// Whether a generic noun can refer back to the organisation `name`: `the company` is never
/// the Kremlin or a ministry that happens to be in focus, and `the ministry` or `the
/// government` is never a firm or a United Nations office. Other nouns (`the group`, `the
/// agency`) may be either.
pub(crate) fn noun_fits_org(noun: &str, name: &str) -> bool {
    if matches!(noun, "ministry" | "government" | "department") {
        is_public_body(name)
    } else {
        !is_business_noun(noun) || !is_public_body(name)
    }
}

pub(crate) const GENERIC_ORG_NOUNS: &[&str] = &[
    "group",
    "company",
    "firm",
    "utility",
    "brokerage",
    "agency",
    "organization",
    "organisation",
    "label",
    "coalition",
    "bank",
    "ministry",
    "government",
    "department",
    "network",
    "union",
    "broadcaster",
    "newspaper",
    "carrier",
    "airline",
    "retailer",
    "lender",
    "insurer",
    "charity",
    "club",
    "team",
    "body",
    "regulator",
    "watchdog",
    "startup",
    "maker",
    "manufacturer",
    "operator",
    "outlet",
    "publication",
    "platform",
    "party",
    "campaign",
];

fn lower_key(w: &str) -> CompactString {
    // Inline for short words: the registry lowers every word of every capitalised run.
    if w.is_ascii() {
        let mut l = CompactString::new(w);
        l.make_ascii_lowercase();
        l
    } else {
        CompactString::from(w.to_lowercase())
    }
}

/// Whether the words before `of` in `Maria Lopez of the Urban Institute`, `Rep. Tim Ryan of
/// Ohio` name a person (where they are from or work follows): a name of two words, or one
/// after a title. Not a title (`Secretary of State`), an organisation's own name (`Bank of
/// America`, `The University of Texas`) or a group (`Syrian Kurds of …`). Capitalisation is
/// the caller's to check; case is ignored here.
pub(crate) fn names_person_before_of(words: &[&str]) -> bool {
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let titles = lower.iter().take_while(|w| is_title(w)).count();
    let name = &lower[titles..];
    let (Some(first), Some(last)) = (name.first(), name.last()) else {
        return false;
    };
    // A title at the end is a role (`Former Secretary of State`, `White House Chief of
    // Staff`), unless a given name opens the phrase (`Peter T. King of New York`).
    let given = MALE_NAMES.contains(first) || FEMALE_NAMES.contains(first);
    name.len() >= if titles > 0 { 1 } else { 2 }
        && (!is_title(last) || given)
        && !ORG_HEADS.contains(&last.as_str())
        && !ORG_WORDS.contains(last)
        && !matches!(first.as_str(), "the" | "a" | "an")
        && !DEMONYMS.contains(first.as_str())
}

pub(crate) fn is_title(w: &str) -> bool {
    TITLES.contains(w)
}

/// A title, or a hyphenated one (`secretary-general`, `director-general`, `president-elect`):
/// a word that opens a name without being part of it. Lowercase input.
pub(crate) fn is_title_word(w: &str) -> bool {
    is_title(w)
        || w.split_once('-').is_some_and(|(head, rest)| {
            is_title(head)
                && rest
                    .split('-')
                    .all(|p| is_title(p) || matches!(p, "general" | "elect" | "designate"))
        })
}

/// Whether capitalised words name an office and nobody in it: `Prime Minister`, `Chief
/// Justice`, `Attorney General` (titles and the words that make offices of them).
pub(crate) fn is_office(words: &[&str]) -> bool {
    // One pass, one lowercasing a word: this runs for every capitalised run of a document.
    let mut titled = false;
    for w in words {
        let office_word = with_lowercase(w, |l| {
            if is_title(l) {
                titled = true;
                return true;
            }
            matches!(
                l,
                "prime"
                    | "chief"
                    | "vice"
                    | "deputy"
                    | "general"
                    | "attorney"
                    | "foreign"
                    | "home"
                    | "finance"
                    | "defence"
                    | "defense"
                    | "interior"
                    | "high"
                    | "lord"
                    | "supreme"
                    | "acting"
            )
        });
        if !office_word {
            return false;
        }
    }
    titled
}

/// An organisation's key: case, `the`, `-isation/-ization` and `&`/`and` folded, so that
/// `Collective Security Treaty Organisation` is `…Organization`.
fn org_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        with_lowercase(w, |w| {
            if w == "the" {
                return;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            if w == "&" {
                out.push_str("and");
            } else if w.contains("is") {
                out.push_str(&w.replace("isation", "ization").replace("ise", "ize"));
            } else {
                out.push_str(w);
            }
        });
    }
    out
}

/// Whether the normalised name `long` ends in the whole words of `short` and has more before
/// them (`joel eriksson ek` and `eriksson ek`, `washington post` and `post`).
fn ends_in_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

/// The capitals that an acronym of `name` would spell: function words and a trailing legal
/// form (`Pacific Gas & Electric Co.` → `PGE`, as `PG&E` spells it) are left out.
fn initials(name: &str) -> String {
    let legal =
        |w: &str| with_lowercase(w.trim_end_matches([',', '.']), |l| LEGAL_FORMS.contains(&l));
    let count = name.split_whitespace().count();
    let legal_tail = name
        .split_whitespace()
        .rev()
        .take(count.saturating_sub(1))
        .take_while(|w| legal(w))
        .count();
    name.split_whitespace()
        .take(count - legal_tail)
        .filter(|w| {
            !with_lowercase(w, |l| {
                matches!(l, "of" | "the" | "and" | "for" | "&" | "on")
            })
        })
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Legal forms that end a company's name and never count in its acronym.
const LEGAL_FORMS: &[&str] = &[
    "co", "inc", "corp", "ltd", "llc", "plc", "lp", "llp", "ag", "gmbh", "nv", "sa", "spa",
];

/// The letters an acronym spells, without its dots and ampersands: `U.S.` → `US`,
/// `PG&E` → `PGE`.
fn acronym_letters(a: &str) -> String {
    a.chars().filter(|c| c.is_alphanumeric()).collect()
}

pub(crate) fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=7).contains(&n)
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// A word as it appears in a name: capitalised, or an all-caps acronym.
fn is_cap_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

static NAME_PARTICLES: WordSet = WordSet::new(&[
    "de", "van", "von", "bin", "al", "al-", "la", "le", "du", "da", "der", "den", "ibn", "del",
    "di", "dos", "das", "ben",
]);

/// Sentence starters that are capitalised only because they start the sentence.
static NOT_NAMES: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "if",
    "as",
    "when",
    "while",
    "after",
    "before",
    "since",
    "with",
    "by",
    "from",
    "to",
    "of",
    "so",
    "yet",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "one",
    "two",
    "three",
    "speaking",
    "according",
    "asked",
    // `Said Comey, "…"`, `Stated Stone:`: an inverted verb of saying opens the sentence.
    "said",
    "says",
    "stated",
    "added",
    "wrote",
    "noted",
    "replied",
    "declared",
    "explained",
    "continued",
    "insisted",
    "argued",
    "recalled",
    "meanwhile",
    "however",
    "also",
    "still",
    "even",
    "only",
    "just",
    "perhaps",
    "now",
    "then",
    "last",
    "first",
    "next",
    "both",
    "each",
    "every",
    "any",
    "my",
    "your",
    "me",
    "him",
    "them",
    "us",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "former",
    "late",
    "within",
    "during",
    "despite",
    "although",
    "because",
    "under",
    "over",
    "through",
    "without",
    "against",
    "among",
    "between",
    "about",
    "into",
    "like",
    "unlike",
    "once",
    "until",
    "following",
    "including",
    "immediately",
    "click",
    "thought",
    "think",
    "you'll",
    "they'll",
    "we'll",
    "i'd",
    "i'm",
    "i've",
    "i'll",
    "we're",
    "we've",
    "they're",
]);

/// A capitalised word that is a function word, not a name (`The`, `However`).
pub(crate) fn is_not_name(w: &str) -> bool {
    NOT_NAMES.contains_lower(w)
}

/// First-person and other pronoun tokens: never part of a name, never a speaker's name.
pub(crate) fn is_pronoun_token(w: &str) -> bool {
    // `WHO`, `US`: an acronym in capitals, not a pronoun.
    if is_acronym(w) && !is_stop_acronym(w) {
        return false;
    }
    let base = w.split(['\'', '\u{2019}']).next().unwrap_or("");
    with_lowercase(base, |base| {
        matches!(
            base,
            "i" | "we"
                | "me"
                | "us"
                | "my"
                | "our"
                | "you"
                | "they"
                | "them"
                | "he"
                | "she"
                | "it"
                | "him"
                | "her"
                | "this"
                | "that"
                | "these"
                | "those"
                | "who"
                | "which"
        )
    })
}

/// A nationality or people, lowercase (`american`, `afghan`).
pub(crate) fn is_demonym(lower: &str) -> bool {
    DEMONYMS.contains(lower)
}

/// Nationalities and peoples: a capitalised phrase with one (`Afghan Taliban`, `Syrian
/// Kurds`, `Iraqi Army`) names a group, not a person. Names that double as given names
/// (`Christian`) are left out.
static DEMONYMS: WordSet = WordSet::new(&[
    "afghan",
    "arab",
    "british",
    "chinese",
    "egyptian",
    "emirati",
    "ethiopian",
    "french",
    "indian",
    "iranian",
    "iraqi",
    "israeli",
    "japanese",
    "jordanian",
    "korean",
    "kurdish",
    "lebanese",
    "libyan",
    "mexican",
    "nigerian",
    "pakistani",
    "palestinian",
    "qatari",
    "russian",
    "saudi",
    "somali",
    "sudanese",
    "syrian",
    "turkish",
    "ukrainian",
    "vietnamese",
    "yemeni",
    "taliban",
    "kurds",
    "shiite",
    "sunni",
]);

/// Words that make a capitalised phrase a heading, a product, a label or a common noun
/// rather than a personal name (`New Release`, `Best Business Schools`, `Experience Series
/// Cardio Line`, `Hubble Space Telescope`). Lowercase.
static NAME_STOP_WORDS: WordSet = WordSet::new(&[
    // Adverbs that open a sentence before a name (`Only Trump said`, `Even Cruz agreed`).
    "only",
    "even",
    "just",
    "perhaps",
    "new",
    "release",
    "drop",
    "deal",
    "deals",
    "sale",
    "best",
    "top",
    "free",
    "edition",
    "premium",
    "pro",
    "plus",
    "series",
    "line",
    "model",
    "version",
    "app",
    "software",
    "online",
    "flight",
    "tickets",
    "ticket",
    "business",
    "schools",
    "summary",
    "disclaimer",
    "note",
    "update",
    "updated",
    "editor",
    "review",
    "reviews",
    "snapshot",
    "results",
    "step",
    "steps",
    "guide",
    "tips",
    "how",
    "why",
    "what",
    "learning",
    "machine",
    "intelligence",
    "telescope",
    "space",
    "station",
    "spacecraft",
    "mission",
    "watch",
    "phone",
    "card",
    "credit",
    "tv",
    "game",
    "games",
    "cardio",
    "experience",
    "demand",
    "experiences",
    "personalized",
    "rising",
    "research",
    "studies",
    "study",
    "report",
    "reports",
    "data",
    "chart",
    "table",
    "figure",
    "photo",
    "video",
    "image",
    "source",
    "sources",
    "related",
    "share",
    "subscribe",
    "sign",
    "login",
    "click",
    "here",
    "advertisement",
    "sponsored",
    "buy",
    "buying",
    "order",
    "shop",
    "store",
    "product",
    "products",
    "service",
    "services",
    "feature",
    "features",
    "pricing",
    "plan",
    "plans",
    "offer",
    "offers",
    "unbeatable",
    "performance",
    "transparent",
    "search",
    "schedule",
    "weather",
    "traffic",
    "sports",
    "news",
    "breaking",
    "live",
    "today",
    "week",
    "weekend",
    "cyber",
    "christmas",
    "class",
    "size",
    "rate",
    "acceptance",
    "tuition",
    "hour",
    "hours",
    "university",
    "college",
    "school",
    "center",
    "centre",
    "institute",
    "department",
    "agency",
    "ministry",
    "council",
    "company",
    "inc",
    "corp",
    "group",
    "party",
    "committee",
]);

/// All-caps abbreviations of common nouns, never an organisation by themselves.
const ACRONYM_STOP: &[&str] = &[
    "AI", "ML", "API", "SEO", "HIIT", "GA4", "CRM", "KPI", "ROI", "PDF", "URL", "USB", "GPS", "TV",
    "PC", "MP3", "CEO", "CFO", "CTO", "COO", "FAQ", "DIY", "HR", "IT", "OK", "PS", "PPS", "ASAP",
    "FYI", "LOL", "NB", "TBD", "VR", "AR", "UI", "UX", "SUV", "EV", "EVS", "DL", "QB", "WR", "RB",
    "MVP", "NEW", "SALE", "FREE", "NOTE", "SUMMARY", "UPDATE", "DEALS",
    // Measures, tests, degrees and things of economics and medicine: `a low GPA`, `GDP grew`,
    // `a super PAC`.
    "GPA", "GMAT", "GRE", "SAT", "LSAT", "MBA", "GDP", "CPI", "PMI", "IPO", "ETF", "EPS", "PAC",
    "NFT", "VPN", "DNA", "ICU",
];

pub(crate) fn is_stop_acronym(w: &str) -> bool {
    ACRONYM_STOP.contains(&w)
}

/// Whether a capitalised phrase looks like a personal name: two to five capitalised words
/// (initials and particles allowed), no heading, product or common-noun word, no all-caps
/// word of four or more letters, no digits, no pronoun.
pub(crate) fn looks_like_person_name(words: &[&str]) -> bool {
    if is_office(words) {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !(2..=5).contains(&words.len()) || caps < 2 {
        return false;
    }
    // `Former White House Doctor Says`: a headline's role in title case, not a name.
    if words
        .first()
        .is_some_and(|w| with_lowercase(w, |l| matches!(l, "former" | "then" | "ex")))
    {
        return false;
    }
    // The surname has lowercase letters (`Loomi AI` is a product).
    if !words
        .last()
        .is_some_and(|w| w.chars().any(char::is_lowercase))
    {
        return false;
    }
    words.iter().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 4 && !w.chars().any(char::is_lowercase);
        !all_caps
            && !w.chars().any(|c| c.is_ascii_digit())
            && with_lowercase(w, |l| {
                let bare = l.trim_end_matches(['.', ',', ':']);
                !NAME_STOP_WORDS.contains(bare)
                    && !DEMONYMS.contains(bare)
                    && (w.chars().next().is_some_and(char::is_uppercase)
                        || NAME_PARTICLES.contains(l))
            })
            && !is_pronoun_token(w)
    })
}

/// Whether a capitalised phrase ends in an organisation word (`… Agency`, `… Inc.`), or is
/// a group named by its people (`Afghan Taliban`, `Syrian Kurds`).
pub(crate) fn looks_like_org_name(words: &[&str]) -> bool {
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3);
    let org_word = words.last().is_some_and(|l| {
        with_lowercase(l, |l| ORG_WORDS.contains(l) && !NON_ORG_SUFFIX.contains(l))
    });
    let people = words.first().is_some_and(|f| DEMONYMS.contains_lower(f));
    words.len() >= 2 && capitalised && (org_word || people)
}

/// Last words of names of events and places, which the registry may hold as people for want
/// of an organisation word (`Democratic National Convention`).
fn is_event_or_place_noun(w: &str) -> bool {
    NON_ORG_SUFFIX.contains(w)
        || matches!(
            w,
            "convention"
                | "games"
                | "olympics"
                | "festival"
                | "awards"
                | "cup"
                | "championship"
                | "election"
                | "primary"
                | "caucus"
                | "caucuses"
                | "debate"
                | "rally"
                | "park"
                | "center"
                | "centre"
        )
}

/// Organisation words in `ORG_WORDS` that also end places, events and documents.
static NON_ORG_SUFFIX: WordSet = WordSet::new(&[
    "city",
    "county",
    "square",
    "street",
    "avenue",
    "river",
    "sea",
    "ocean",
    "mountains",
    "island",
    "islands",
    "airport",
    "station",
    "hospital",
    "stadium",
    "hall",
    "tower",
    "summit",
    "conference",
    "forum",
    "war",
    "act",
    "law",
    "bill",
    "day",
    "week",
    "state",
    "states",
    "republic",
    "kingdom",
    "union",
    "asia",
    "europe",
    "africa",
    "america",
    "review",
    "watch",
    "project",
    "initiative",
    "campaign",
    "house",
    "daily",
]);

pub(crate) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// First word of its sentence (its capital says nothing).
    pub sentence_start: bool,
    pub kind: TokKind,
}

impl EntityRegistry {
    /// Builds the registry from the document's words in order. `sentence_start` marks the
    /// first word of every sentence; a word's neighbour across punctuation is not its
    /// neighbour in a name, so punctuation appears as words of kind `Punct`.
    pub(crate) fn build(words: &[Word<'_>]) -> Self {
        let mut reg = EntityRegistry::default();
        let mut i = 0;
        while i < words.len() {
            if !(words[i].kind == TokKind::Word && is_cap_word(words[i].text)) {
                i += 1;
                continue;
            }
            // A run of capitalised words, with name particles, `of` and `&` between them
            // (`Pacific Gas & Electric Co.`).
            let mut j = i + 1;
            while j < words.len() {
                let w = &words[j];
                let prev_possessive =
                    words[j - 1].text.ends_with("'s") || words[j - 1].text.ends_with("\u{2019}s");
                if w.kind == TokKind::Word
                    && is_cap_word(w.text)
                    && !w.sentence_start
                    && !prev_possessive
                    && !is_pronoun_token(w.text)
                {
                    j += 1;
                } else if (w.text == "&"
                    || w.kind == TokKind::Word
                        && (NAME_PARTICLES.contains(w.text) || w.text == "of" || w.text == "for"))
                    && words
                        .get(j + 1)
                        .is_some_and(|n| n.kind == TokKind::Word && is_cap_word(n.text))
                {
                    j += 2;
                } else if w.kind == TokKind::Word
                    && NAME_PARTICLES.contains(w.text)
                    && words
                        .get(j + 1)
                        .is_some_and(|n| n.kind == TokKind::Word && NAME_PARTICLES.contains(n.text))
                    && words
                        .get(j + 2)
                        .is_some_and(|n| n.kind == TokKind::Word && is_cap_word(n.text))
                {
                    // Two particles: `Ursula von der Leyen`, `Ana de la Cruz`.
                    j += 3;
                } else {
                    break;
                }
            }
            reg.add_run(words, i, j);
            i = j;
        }
        reg.add_appositive_orgs(words);
        reg.finish();
        reg
    }

    /// `The group, WeWorkers Coalition, formed …`, `The company that runs the AMAs, Dick
    /// Clark Productions, denies …`: a capitalised phrase set off by commas after `the` and a
    /// generic organisation noun names an organisation, whatever its words (`Big Machine`
    /// has no organisation word, `Dick Clark Productions` looks like a personal name).
    fn add_appositive_orgs(&mut self, words: &[Word<'_>]) {
        let is_word = |k: usize| words.get(k).is_some_and(|w| w.kind == TokKind::Word);
        // (first word, end, key) of each appositive name.
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        for i in 1..words.len() {
            let w = &words[i];
            // `the` first: it is cheap to test and rules out almost every word without
            // lowercasing it (this pass reads every word of every document).
            if w.kind != TokKind::Word
                || !words[i - 1].text.eq_ignore_ascii_case("the")
                || !GENERIC_ORG_NOUNS
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(w.text))
            {
                continue;
            }
            // The first comma within a short relative clause, in the same sentence.
            let mut k = i + 1;
            while k < words.len()
                && k <= i + 8
                && words[k].kind != TokKind::Punct(',')
                && !words[k].sentence_start
                && !matches!(words[k].kind, TokKind::Punct('.' | ';' | ':' | '!' | '?'))
            {
                k += 1;
            }
            if words.get(k).map(|w| w.kind) != Some(TokKind::Punct(',')) {
                continue;
            }
            let from = k + 1;
            let mut e = from;
            while e < words.len()
                && e < from + 5
                && is_word(e)
                && (is_cap_word(words[e].text) || words[e].text == "&")
            {
                e += 1;
            }
            if e == from || words.get(e).map(|w| w.kind) != Some(TokKind::Punct(',')) {
                continue;
            }
            let run = &words[from..e];
            if run
                .iter()
                .any(|w| is_pronoun_token(w.text) || NOT_NAMES.contains_lower(w.text))
            {
                continue;
            }
            let name: Vec<&str> = run.iter().map(|w| strip_possessive(w.text)).collect();
            let name = name.join(" ");
            let span = ByteSpan::new(run[0].start, run[run.len() - 1].end);
            // Taken for a person by its shape: it is an organisation.
            let key = org_key(&name);
            for e in &mut self.entities {
                if e.kind == EntityKind::Person && e.keys.first() == Some(&key) {
                    e.kind = EntityKind::Organisation;
                    e.gender = None;
                    e.roles.clear();
                }
            }
            self.add_org(&name, span, None);
            // `the group` later refers back to it.
            let noun = lower_key(w.text).into_string();
            if let Some(e) = self
                .entities
                .iter_mut()
                .find(|e| e.kind == EntityKind::Organisation && e.keys.contains(&key))
            {
                if !e.roles.contains(&noun) {
                    e.roles.push(noun);
                }
            }
            found.push((from, e, key));
        }
        if found.is_empty() {
            return;
        }
        // Their other mentions, which the runs did not take for a name (`Big Machine have
        // twice denied …`), keep them in focus. One pass over the words, by first word.
        let mut by_first: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (k, (from, _, _)) in found.iter().enumerate() {
            by_first
                .entry(strip_possessive(words[*from].text))
                .or_default()
                .push(k);
        }
        for s in 0..words.len() {
            let Some(ks) = by_first.get(strip_possessive(words[s].text)) else {
                continue;
            };
            for &k in ks {
                let (from, end, ref key) = found[k];
                let n = end - from;
                let same = s != from
                    && s + n <= words.len()
                    && (0..n).all(|t| {
                        strip_possessive(words[s + t].text)
                            == strip_possessive(words[from + t].text)
                    });
                if !same {
                    continue;
                }
                let sp = ByteSpan::new(words[s].start, words[s + n - 1].end);
                let org = self
                    .entities
                    .iter_mut()
                    .find(|e| e.kind == EntityKind::Organisation && e.keys.contains(key));
                if let Some(e) = org {
                    if !e.mentions.contains(&sp) {
                        e.mentions.push(sp);
                    }
                }
            }
        }
    }

    fn add_run(&mut self, words: &[Word<'_>], mut i: usize, j: usize) {
        // Drop sentence-initial function words (`The`, `He`) and cue words at the front.
        // An acronym in capitals is a name even when it spells a function word (`WHO`, `US`).
        let not_name = |w: &Word<'_>| {
            NOT_NAMES.contains_lower(w.text) && (!is_acronym(w.text) || is_stop_acronym(w.text))
        };
        while i < j && words[i].sentence_start && not_name(&words[i]) {
            i += 1;
        }
        while i < j && not_name(&words[i]) {
            i += 1;
        }
        // A sentence-initial gerund (`Hosting Cook at Dreamforce …`) is not a given name.
        while i < j
            && words[i].sentence_start
            && j - i >= 2
            && with_lowercase(words[i].text, |l| {
                l.ends_with("ing") && !MALE_NAMES.contains(l) && !FEMALE_NAMES.contains(l)
            })
        {
            i += 1;
        }
        if i >= j {
            return;
        }
        let lw: Vec<CompactString> = words[i..j].iter().map(|w| lower_key(w.text)).collect();
        // An acronym before a longer name is its own mention (`the CSTO Collective Security
        // Council`).
        if j - i >= 3 && is_acronym(words[i].text) {
            self.add_org(
                words[i].text,
                ByteSpan::new(words[i].start, words[i].end),
                None,
            );
            self.add_run(words, i + 1, j);
            return;
        }
        // The role is everything up to the last title word, with `of X` after a title
        // (`Secretary of State`), plus lowercase modifiers just before the run
        // (`former`, `presidential candidate`).
        let mut name_from = 0;
        for (k, w) in lw.iter().enumerate() {
            if is_title_word(w) && k + 1 < lw.len() {
                name_from = k + 1;
                if lw.get(k + 1).is_some_and(|x| x == "of") && k + 3 < lw.len() {
                    name_from = k + 3;
                    // `Director of Public Prosecution Eva-Marie Persson`: the object may be
                    // longer than a word; the name is the last two words (three when the
                    // first of them is a known given name).
                    let n = lw.len();
                    if n - name_from > 2 {
                        let given3 = MALE_NAMES.contains(lw[n - 3].as_str())
                            || FEMALE_NAMES.contains(lw[n - 3].as_str());
                        name_from = if given3 { n - 3 } else { n - 2 };
                    }
                }
            }
        }
        // `Republican Donald Trump`, `Democrat Hillary Clinton`: the party is the person's
        // role, not a first name; only before a common given name, so that `Democratic
        // National Convention` and `Republican National Committee` keep it.
        if name_from == 0
            && lw.len() >= 3
            && lw.len() <= 4
            && matches!(
                lw[0].as_str(),
                "republican" | "democrat" | "democratic" | "gop" | "libertarian"
            )
            && (MALE_NAMES.contains(lw[1].as_str()) || FEMALE_NAMES.contains(lw[1].as_str()))
            && !lw[1..].iter().any(|w| ORG_WORDS.contains(w.as_str()))
        {
            name_from = 1;
        }
        // `Crooked Hillary Clinton`, `Lyin' Ted Cruz`: an epithet before a person already
        // named in full is no part of the name.
        if name_from == 0
            && lw.len() == 3
            && !MALE_NAMES.contains(lw[0].as_str())
            && !FEMALE_NAMES.contains(lw[0].as_str())
            && (MALE_NAMES.contains(lw[1].as_str()) || FEMALE_NAMES.contains(lw[1].as_str()))
        {
            let rest = format!("{} {}", lw[1], lw[2]);
            if self
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Person && e.keys.contains(&rest))
            {
                name_from = 1;
            }
        }
        // `High Commissioner for Human Rights`: a title with its object and no name after.
        if name_from > 0
            && lw
                .get(name_from)
                .is_some_and(|w| matches!(w.as_str(), "for" | "to" | "of"))
        {
            return;
        }
        // `China's ambassador to Britain Liu Xiaming`: after a title and its preposition the
        // run opens with the place, and the name is its last two words.
        let after_title_prep = i >= 2
            && matches!(words[i - 1].text, "to" | "in" | "for" | "at" | "from")
            && is_title(&lower_key(words[i - 2].text));
        let mut place_role = Vec::new();
        if name_from == 0 && after_title_prep && lw.len() >= 3 {
            name_from = lw.len() - 2;
            // The role is the title with its place: `ambassador to britain`.
            place_role.push(lower_key(words[i - 2].text));
            place_role.push(CompactString::new(words[i - 1].text));
        }
        let mut role_words: Vec<CompactString> = lw[..name_from].to_vec();
        if !place_role.is_empty() {
            place_role.append(&mut role_words);
            role_words = place_role;
        }
        let mut k = i;
        let mut lower_roles = Vec::new();
        while k > 0 && lower_roles.len() < 4 {
            let w = &words[k - 1];
            if w.kind != TokKind::Word || is_cap_word(w.text) {
                break;
            }
            let l = lower_key(w.text);
            if NOT_NAMES.contains(l.as_str()) && l != "former" && l != "late" {
                break;
            }
            lower_roles.push(l);
            k -= 1;
        }
        let has_lower_title = lower_roles.iter().any(|w| is_title(w));
        // `Wikileaks co-founder Julian Assange`: the organisation before a lowercase title is
        // part of the role (`the Wikileaks founder` refers back to it).
        if has_lower_title && k > 0 {
            let w = &words[k - 1];
            if w.kind == TokKind::Word && is_cap_word(w.text) && !w.sentence_start {
                lower_roles.push(lower_key(strip_possessive(w.text)));
            }
        }
        if has_lower_title || !role_words.is_empty() {
            lower_roles.reverse();
            let mut r = if has_lower_title {
                lower_roles
            } else {
                Vec::new()
            };
            r.append(&mut role_words);
            role_words = r;
        }
        let name_words = &words[i + name_from..j];
        let start = name_words.first().map_or(0, |w| w.start);
        let end = name_words.last().map_or(0, |w| w.end);
        let span = ByteSpan::new(start, end);
        // A possessive ends the run (`Zach Parise's goal`): the name is without its `'s`.
        let name: Vec<&str> = name_words
            .iter()
            .map(|w| strip_possessive(w.text))
            .collect();
        let name = name.join(" ");
        // Trailing acronym in parentheses: `Collective Security Treaty Organization (CSTO)`.
        let acronym = match (words.get(j), words.get(j + 1), words.get(j + 2)) {
            (Some(a), Some(b), Some(c))
                if a.kind == TokKind::Punct('(')
                    && c.kind == TokKind::Punct(')')
                    && is_acronym(b.text) =>
            {
                Some(b.text.to_string())
            }
            _ => None,
        };
        let lname: Vec<CompactString> = name_words
            .iter()
            .map(|w| lower_key(strip_possessive(w.text)))
            .collect();
        // Two names joined by `&` are a firm, never one person (`Johnson & Johnson`). An
        // organisation word that opens the name and is a common given name is the person's
        // (`Bill Clinton`, `Bill de Blasio`; `Bill Gates Foundation` is a firm by its head).
        let given_first = name_words.len() >= 2
            && (MALE_NAMES.contains(lname[0].as_str()) || FEMALE_NAMES.contains(lname[0].as_str()));
        let is_org = lname
            .iter()
            .enumerate()
            .any(|(k, w)| (ORG_WORDS.contains(w.as_str()) && !(k == 0 && given_first)) || w == "&");
        // A bare organisation word (`Company`, `School`) or a common-noun abbreviation
        // (`AI`, `SEO`) names nobody.
        if name_words.len() == 1
            && (ORG_WORDS.contains(lname[0].as_str()) || is_stop_acronym(&name))
        {
            return;
        }
        if is_org || (name_words.len() == 1 && is_acronym(&name) && role_words.is_empty()) {
            self.add_org(&name, span, acronym);
            return;
        }
        if lname.iter().any(|w| NON_PERSON_WORDS.contains(w.as_str())) {
            return;
        }
        // `Former White House Doctor Says`: in a headline in title case, the verb of saying
        // after a title is no name.
        if name_words.len() == 1
            && matches!(
                lname[0].as_str(),
                "says"
                    | "said"
                    | "warns"
                    | "tells"
                    | "claims"
                    | "urges"
                    | "insists"
                    | "adds"
                    | "asks"
                    | "denies"
                    | "admits"
                    | "vows"
                    | "slams"
                    | "reveals"
            )
        {
            return;
        }
        let role = role_words.join(" ");
        let role = role.trim_end_matches(['.', ',']).to_string();
        let titled = !role.is_empty();
        let given = lname.first().map(|f| f.as_str());
        let mut gender = None;
        for w in &role_words {
            gender = title_gender(w.as_str()).or(gender);
        }
        if gender.is_none() && name_words.len() >= 2 {
            if let Some(g) = given {
                if MALE_NAMES.contains(g) {
                    gender = Some(Gender::Male);
                } else if FEMALE_NAMES.contains(g) {
                    gender = Some(Gender::Female);
                }
            }
        }
        let known_given = name_words.len() >= 2
            && given.is_some_and(|g| MALE_NAMES.contains(g) || FEMALE_NAMES.contains(g));
        // A lone capitalised word is a person only with a title (`President Obama`) or as
        // the surname of a person already known; otherwise it is a place or a common word.
        if name_words.len() == 1 && !titled {
            if let Some(e) = self
                .person_with_surname(&lname[0])
                .or_else(|| self.person_with_given_name(&lname[0]))
            {
                self.entities[e].mentions.push(span);
            }
            return;
        }
        if name_words.len() > 5 {
            return;
        }
        // Headings, products and common nouns in capitals are not people.
        let plain: Vec<&str> = name_words
            .iter()
            .map(|w| strip_possessive(w.text))
            .collect();
        if !titled && !looks_like_person_name(&plain) {
            return;
        }
        self.add_person(
            &name,
            span,
            (!role.is_empty()).then_some(role),
            gender,
            titled || known_given,
        );
    }

    fn person_with_surname(&self, surname: &str) -> Option<usize> {
        // The person of that surname named most often so far, as `lookup` reads it; among
        // equals the one named last.
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.surname == surname)
            .max_by_key(|(_, e)| (e.mentions.len(), e.mentions.last().map_or(0, |m| m.start)))
            .map(|(i, _)| i)
    }

    /// The one person known by a two-word name whose given name is `given` (`Hillary` of
    /// `Hillary Clinton`); none where two share it. A given name alone still keeps that
    /// person in focus, so that a surname shared with a relative goes to the one last named.
    fn person_with_given_name(&self, given: &str) -> Option<usize> {
        // Only a common given name: a place or a word before a surname (`Wisconsin Trump`
        // from `In Wisconsin Trump said`) is not someone's first name.
        if !MALE_NAMES.contains(given) && !FEMALE_NAMES.contains(given) {
            return None;
        }
        let mut found = None;
        for (i, e) in self.entities.iter().enumerate() {
            let Some(k) = e.keys.first() else { continue };
            if e.kind == EntityKind::Person
                && k.split(' ').count() == 2
                && k.split(' ').next() == Some(given)
            {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    fn add_person(
        &mut self,
        name: &str,
        span: ByteSpan,
        role: Option<String>,
        gender: Option<Gender>,
        confirmed: bool,
    ) {
        let key = org_key(name);
        let parts: Vec<&str> = key.split(' ').collect();
        // `Mrs. Clinton` is not `Bill Clinton`: a title of the other gender keeps them apart.
        let found = self.entities.iter().position(|e| {
            e.kind == EntityKind::Person
                && !matches!((e.gender, gender), (Some(a), Some(b)) if a != b)
                && {
                    let (sur, given) = e.name_ends();
                    let single = !e.keys.first().is_some_and(|k| k.contains(' '));
                    // Same surname, and the given names agree where both have one.
                    let full = e.keys.first().map_or("", String::as_str);
                    // One is the other's last words (`Eriksson Ek`, `Joel Eriksson Ek`).
                    let tail =
                        |long: &str, short: &str| short.contains(' ') && ends_in_words(long, short);
                    Some(&sur) == parts.last()
                        && (parts.len() == 1
                            || single
                            || Some(&given) == parts.first()
                            || e.keys.contains(&key)
                            || tail(full, &key)
                            || tail(&key, full))
                }
        });
        let idx = match found {
            Some(i) => i,
            None => {
                self.entities
                    .push(Entity::new(EntityKind::Person, name, false));
                self.entities.len() - 1
            }
        };
        let e = &mut self.entities[idx];
        if !e.name.eq_ignore_ascii_case(name)
            && !e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        {
            if name.len() > e.name.len() {
                let old = std::mem::replace(&mut e.name, name.to_string());
                e.aliases.push(old);
            } else {
                e.aliases.push(name.to_string());
            }
        }
        if let Some(r) = role {
            if !e.roles.contains(&r) {
                e.roles.push(r);
            }
        }
        e.gender = e.gender.or(gender);
        e.confirmed |= confirmed;
        if e.keys.len() != e.aliases.len() + 1 {
            e.refresh_keys();
        }
        e.mentions.push(span);
    }

    fn add_org(&mut self, name: &str, span: ByteSpan, acronym: Option<String>) {
        let key = org_key(name);
        let acr = is_acronym(name);
        // What `name` spells as an acronym, or the acronym it would have.
        let letters = if acr {
            acronym_letters(name)
        } else {
            initials(name)
        };
        let found = self.entities.iter().position(|e| {
            e.kind == EntityKind::Organisation
                && (e.keys.contains(&key)
                    || (acr && e.initials == letters)
                    || (!acr
                        && (e.aliases.iter().chain(std::iter::once(&e.name)))
                            .any(|a| is_acronym(a) && letters == acronym_letters(a)))
                    || acronym
                        .as_deref()
                        .is_some_and(|x| e.name == x || e.aliases.iter().any(|a| a == x)))
        });
        let idx = match found {
            Some(i) => i,
            None => {
                self.entities
                    .push(Entity::new(EntityKind::Organisation, name, true));
                self.entities.len() - 1
            }
        };
        let e = &mut self.entities[idx];
        for n in std::iter::once(name.to_string()).chain(acronym) {
            if e.name == n || e.aliases.contains(&n) {
                continue;
            }
            // The fullest name is the longest spelled-out form, never an acronym.
            if !is_acronym(&n) && (is_acronym(&e.name) || n.len() > e.name.len()) {
                let old = std::mem::replace(&mut e.name, n);
                e.aliases.push(old);
            } else {
                e.aliases.push(n);
            }
        }
        if e.keys.len() != e.aliases.len() + 1 {
            e.refresh_keys();
        }
        e.mentions.push(span);
    }

    fn finish(&mut self) {
        for e in &mut self.entities {
            // Keys are remade only where the aliases changed since they were made (an alias
            // added by `add_institution`, a duplicate dropped): `finish` runs again after
            // every speaker the resolver adds. Their order does not matter past the first.
            let mut changed = e.keys.len() != e.aliases.len() + 1;
            // A person goes by the surname alone (`Tokayev`).
            if e.kind == EntityKind::Person && e.name.split_whitespace().count() >= 2 {
                let surname = e.name.split_whitespace().last().unwrap_or("").to_string();
                if !e.aliases.contains(&surname) {
                    if !changed {
                        e.keys.push(org_key(&surname));
                    }
                    e.aliases.push(surname);
                }
            }
            e.mentions.sort();
            e.aliases.sort();
            let before = e.aliases.len();
            e.aliases.dedup();
            changed |= e.aliases.len() != before;
            if changed {
                e.refresh_keys();
            }
        }
    }

    /// A lone surname that speaks (`Tokayev said`) with no fuller name in the document is a
    /// person all the same.
    pub(crate) fn add_speaker(&mut self, name: &str, span: ByteSpan) {
        if self.lookup(name, span.start).is_none() {
            self.add_person(name, span, None, None, true);
            self.finish();
        }
    }

    /// An institution that speaks (`according to the Pentagon`) and that no name of the
    /// document already stands for.
    ///
    /// An organisation of several words goes by its last (`the Post` of `The Washington Post`,
    /// `the Journal` of `The Wall Street Journal`): the most recently named one is meant.
    pub(crate) fn add_institution(&mut self, name: &str, span: ByteSpan) {
        if self.lookup(name, span.start).is_some() {
            return;
        }
        let short = org_key(name);
        let full = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                // (`VOA Pentagon correspondent`: an acronym before the word makes a
                // modifier of them, not the organisation's full name.)
                e.kind == EntityKind::Organisation
                    && !e.name.split_whitespace().any(is_acronym)
                    && e.keys.first().is_some_and(|k| ends_in_words(k, &short))
            })
            .max_by_key(|(_, e)| recency(e, span.start))
            .map(|(i, _)| i);
        match full {
            Some(i) => {
                let e = &mut self.entities[i];
                e.aliases.push(name.to_string());
                e.mentions.push(span);
            }
            None => self.add_org(name, span, None),
        }
        self.finish();
    }

    /// Records the gender of the person `name` (as resolved at byte `at`) where nothing told it
    /// before: `Trump said he had done nothing wrong` says Trump is a man.
    pub(crate) fn note_gender(&mut self, name: &str, at: usize, gender: Gender) {
        let found = self
            .lookup(name, at)
            .filter(|e| e.kind == EntityKind::Person && e.gender.is_none())
            .map(|e| e.name.clone());
        if let Some(full) = found {
            for e in &mut self.entities {
                if e.name == full && e.kind == EntityKind::Person {
                    e.gender = Some(gender);
                }
            }
        }
    }

    /// Makes the one-word person `name` (as resolved at byte `at`) an organisation, where
    /// nothing but its speaking made it a person: no gender, title or given name.
    pub(crate) fn note_organisation(&mut self, name: &str, at: usize) {
        let found = self
            .lookup(name, at)
            .filter(|e| {
                e.kind == EntityKind::Person
                    && e.gender.is_none()
                    && e.roles.is_empty()
                    && !e.name.contains(' ')
            })
            .map(|e| e.name.clone());
        if let Some(one) = found {
            for e in &mut self.entities {
                if e.name == one && e.kind == EntityKind::Person {
                    e.kind = EntityKind::Organisation;
                }
            }
        }
    }

    /// Whether a person other than `except` is named between bytes `lo` and `hi`.
    pub(crate) fn other_person_between(&self, lo: usize, hi: usize, except: &str) -> bool {
        // Mentions are in text order: one binary search an entity.
        self.entities.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.name != except
                && e.mentions
                    .get(e.mentions.partition_point(|m| m.start < lo))
                    .is_some_and(|m| m.end <= hi)
        })
    }

    /// Marks as confirmed the people named as the speaker in the source phrase at `span` (the
    /// subject of a cue: a person a later pronoun may stand for), but not a name that only
    /// modifies a common noun after it (`Goldman Sachs analysts`, `the Obama administration`)
    /// or names where the speakers work (`analysts at Morgan Stanley`): those speakers are
    /// unnamed, and the name, often a firm's, must not become the person a later `he` stands
    /// for.
    pub(crate) fn confirm_speaker_at(&mut self, text: &str, span: ByteSpan) {
        for e in &mut self.entities {
            let speaks = e.mentions.iter().any(|m| {
                if !(m.start < span.end && span.start < m.end) {
                    return false;
                }
                let after = text.get(m.end.min(span.end)..span.end).unwrap_or("");
                let modifies = after.starts_with(' ')
                    && after.split_whitespace().next().is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_lowercase)
                            && (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                                || matches!(
                                    w,
                                    "campaign"
                                        | "administration"
                                        | "government"
                                        | "spokesman"
                                        | "spokeswoman"
                                        | "spokesperson"
                                        | "staff"
                                        | "team"
                                        | "camp"
                                ))
                    });
                // An affiliation: where the speakers work or come from.
                let before = text.get(span.start..m.start.max(span.start)).unwrap_or("");
                let object = before
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| matches!(w, "at" | "from"));
                !modifies && !object
            });
            if speaks {
                e.confirmed = true;
            }
        }
    }

    /// The entity whose name, alias or surname is `name`; among several, the one mentioned
    /// last before byte `at`.
    pub fn lookup(&self, name: &str, at: usize) -> Option<&Entity> {
        self.lookup_gendered(name, at, None)
    }

    /// As [`lookup`](Self::lookup), for a name written with a title of `gender` (`Mrs.
    /// Clinton`): a person known to be of the other gender is not the one meant.
    pub fn lookup_gendered(
        &self,
        name: &str,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<&Entity> {
        let key = org_key(name);
        if key.is_empty() {
            return None;
        }
        let parts: Vec<&str> = key.split(' ').collect();
        let acr = is_acronym(name).then(|| acronym_letters(name));
        // A surname alone that two people share (`Clinton` of `Hillary Clinton` and `Bill
        // Clinton`) is the one the text has named more often so far: writers keep the bare
        // surname for the subject of the story and tell the other apart (`Mr. Clinton`,
        // `Bill`), so the one named last is a worse guess.
        let salient = |e: &Entity| {
            if parts.len() == 1 && e.kind == EntityKind::Person {
                e.mentions.partition_point(|m| m.start <= at)
            } else {
                0
            }
        };
        let score = |e: &Entity| -> Option<(u8, usize, usize)> {
            if matches!((e.gender, gender), (Some(a), Some(b)) if a != b) {
                return None;
            }
            let exact = e.keys.contains(&key);
            let matches = match e.kind {
                // `WHO` is the `World Health Organization` even where the text never writes
                // the acronym next to the name.
                EntityKind::Organisation => {
                    exact || acr.as_deref().is_some_and(|a| e.initials == a)
                }
                EntityKind::Person => {
                    exact || {
                        let (sur, given) = e.name_ends();
                        let full = e.keys.first().map_or("", String::as_str);
                        // The last words of the full name: a double surname (`Eriksson Ek`
                        // of `Joel Eriksson Ek`, `Harden Bradford` of `Joy Harden Bradford`).
                        let tail = parts.len() >= 2 && ends_in_words(full, &key);
                        tail || (Some(&sur) == parts.last()
                            && (parts.len() == 1 || Some(&given) == parts.first()))
                    }
                }
            };
            if matches {
                return Some((2, salient(e), recency(e, at)));
            }
            // A lone word that is the first of a person's names and no one's surname: a name
            // written surname first (`Liu` of `Liu Xiaming`), or a given name that stands
            // for the person (`Tedros` of `Tedros Adhanom Ghebreyesus`).
            let first = e.kind == EntityKind::Person
                && parts.len() == 1
                && e.keys.first().is_some_and(|k| {
                    let n = k.split(' ').count();
                    k.split(' ').next() == Some(key.as_str())
                        && (n == 2
                            || ((3..=4).contains(&n)
                                && !looks_like_org_name(
                                    &e.name.split_whitespace().collect::<Vec<_>>(),
                                )
                                && !k.rsplit(' ').next().is_some_and(is_event_or_place_noun)))
                });
            first.then(|| (1, 0, recency(e, at)))
        };
        self.entities
            .iter()
            .filter_map(|e| score(e).map(|s| (s, e)))
            .max_by_key(|(s, _)| *s)
            .map(|(_, e)| e)
    }

    /// The person introduced with a role matching `role` (lowercase words without the
    /// determiner: `kazakh president`); an exact role first, else one whose role ends with
    /// the same head noun and contains every modifier, the most recent first.
    pub fn lookup_role(&self, role: &str, at: usize) -> Option<&Entity> {
        let words: Vec<&str> = role
            .split_whitespace()
            .filter(|w| !matches!(*w, "former" | "then" | "current" | "new"))
            .collect();
        let head = *words.last()?;
        let persons = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person);
        let best = persons
            .filter_map(|e| {
                let mut best = None;
                for r in &e.roles {
                    let rw: Vec<&str> = r.split_whitespace().collect();
                    let exact = rw
                        .iter()
                        .filter(|w| !matches!(**w, "former" | "then"))
                        .copied()
                        .collect::<Vec<_>>()
                        == words;
                    // `founder` is also a `co-founder`.
                    let head_ok = rw.last() == Some(&head)
                        || rw
                            .last()
                            .and_then(|l| l.strip_suffix(head))
                            .is_some_and(|p| p.ends_with('-'))
                        || (head == "senator" && rw.contains(&"sen."))
                        || (head == "governor" && rw.contains(&"gov."))
                        || (head == "congressman" && rw.contains(&"rep."));
                    // `ambassador to britain` is an `ambassador`.
                    let head_ok = head_ok
                        || rw.windows(2).any(|p| {
                            p[0] == head && matches!(p[1], "to" | "for" | "of" | "in" | "at")
                        });
                    let mods_ok = words[..words.len() - 1].iter().all(|m| rw.contains(m));
                    // `the minister` is not the prime minister, nor `the president` the vice
                    // president: these modifiers make another office.
                    let other_office = rw.iter().any(|w| {
                        matches!(*w, "prime" | "vice" | "deputy" | "lieutenant" | "assistant")
                            && !words.contains(w)
                    });
                    // `the French leader` is the French president, prime minister or
                    // chancellor: the one who leads a country.
                    let leads = head == "leader"
                        && words.len() >= 2
                        && (rw.last().is_some_and(|l| {
                            matches!(
                                *l,
                                "president" | "chancellor" | "premier" | "king" | "queen" | "emir"
                            )
                        }) || rw.ends_with(&["prime", "minister"]));
                    let head_ok = (head_ok && !other_office) || leads;
                    if exact {
                        best = Some(2);
                    } else if head_ok && mods_ok && best.is_none() {
                        best = Some(1);
                    }
                }
                best.map(|b| (b, recency(e, at), e))
            })
            .max_by_key(|(b, r, _)| (*b, *r));
        best.map(|(_, _, e)| e)
    }

    /// The most recent organisation whose name ends in `head` (`the ministry`).
    pub fn lookup_org_head(&self, head: &str, at: usize) -> Option<&Entity> {
        self.entities
            .iter()
            .filter(|e| {
                e.kind == EntityKind::Organisation
                    && e.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|l| l.eq_ignore_ascii_case(head))
            })
            .max_by_key(|e| recency(e, at))
    }

    /// The organisation introduced as `the <noun>, <Name>,` and mentioned last before `at`.
    pub fn lookup_org_role(&self, noun: &str, at: usize) -> Option<&Entity> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation && e.roles.iter().any(|r| r == noun))
            .filter(|e| e.mentions.first().is_some_and(|m| m.start < at))
            .max_by_key(|e| recency(e, at))
    }

    /// The organisation mentioned last in `from..at`, with the start of that mention.
    pub fn last_org_between(&self, from: usize, at: usize) -> Option<(&Entity, usize)> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organisation)
            .filter_map(|e| {
                let i = e.mentions.partition_point(|m| m.end <= at);
                let p = e.mentions.get(i.checked_sub(1)?)?.start;
                (p >= from).then_some((e, p))
            })
            .max_by_key(|(_, p)| *p)
    }

    /// Confirmed people whose gender agrees with `gender` (an unknown gender on either side
    /// agrees).
    fn people_agreeing(&self, gender: Option<Gender>) -> impl Iterator<Item = &Entity> {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.confirmed)
            .filter(move |e| match (gender, e.gender) {
                (Some(g), Some(h)) => g == h,
                _ => true,
            })
    }

    /// The confirmed person mentioned first in `from..at` whose gender agrees (a sentence's
    /// subject comes before its objects).
    pub fn first_person_between(
        &self,
        from: usize,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<&Entity> {
        self.people_agreeing(gender)
            .filter_map(|e| {
                let i = e.mentions.partition_point(|m| m.start < from);
                let p = e.mentions.get(i).filter(|m| m.end <= at)?.start;
                Some((e, p))
            })
            .min_by_key(|(_, p)| *p)
            .map(|(e, _)| e)
    }

    /// The last confirmed person mentioned before byte `at` whose gender agrees.
    pub fn last_person_before(
        &self,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<(&Entity, usize)> {
        self.people_agreeing(gender)
            .filter_map(|e| {
                let i = e.mentions.partition_point(|m| m.end <= at);
                (i > 0).then(|| (e, e.mentions[i - 1].start))
            })
            .max_by_key(|(_, p)| *p)
    }
}

/// Prefers the entity mentioned last before `at`; one mentioned only later ranks lowest.
fn recency(e: &Entity, at: usize) -> usize {
    // Mentions are sorted once the registry is built: a binary search keeps long documents
    // linear.
    let i = e.mentions.partition_point(|m| m.start <= at);
    if i == 0 {
        0
    } else {
        e.mentions[i - 1].start + 1
    }
}
