//! The general rules about news and blog markup: which class and id names mark boilerplate or
//! content, and which short lines are page furniture rather than article text.
//!
//! Every rule here names something that recurs across sites (WordPress, Blogger, Drupal and
//! newsroom CMS themes, share-button and comment plug-ins, consent managers). None names one
//! site.

/// Splits a lowercased `class`/`id` string into its word tokens: `post__share-buttons` gives
/// `post`, `share`, `buttons`.
pub(crate) fn tokens(class_id: &str) -> impl Iterator<Item = &str> {
    class_id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Class/id tokens of blocks that are never the article, whatever they hold: comment
/// sections, share and follow widgets, related-content lists, newsletter and subscription
/// prompts, cookie and consent banners, ads.
const STRONG_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "respond",
    "replies",
    "share",
    "shares",
    "sharing",
    "sharebar",
    "sharedaddy",
    "addthis",
    "addtoany",
    "social",
    "socials",
    "related",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "mostread",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adsense",
    "adslot",
    "sponsored",
];

/// Tokens that usually mark page furniture but are also used loosely by themes and page
/// builders (`hero-banner`, `post-meta` around a long intro): a block named so is dropped
/// only when it holds little prose. `widget` is in neither list: page builders (Elementor,
/// SiteOrigin) call every content block a widget.
const WEAK_TOKENS: &[&str] = &[
    "follow",
    "trending",
    "popular",
    "readmore",
    "teaser",
    "teasers",
    "popup",
    "modal",
    "overlay",
    "banner",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "masthead",
    "skip",
    "pagination",
    "pager",
    "toolbar",
    "sponsor",
    "promo",
    "promotion",
    "byline",
    "author",
    "bio",
    "tags",
    "tag",
    "taglist",
    "categories",
    "caption",
    "credit",
    "credits",
    "dateline",
    "print",
    "rating",
    "meta",
    "postmeta",
    "discussion",
];

/// Substrings that mark boilerplate even inside compound names (`commentlist`,
/// `socialIcons`, `relatedPosts`). Kept to unambiguous stems.
const STRONG_STEMS: &[&str] = &[
    "comment",
    "disqus",
    "social",
    "sharing",
    "share-",
    "-share",
    "sharebutton",
    "newsletter",
    "cookie",
    "breadcrumb",
    "sidebar",
    "related",
    "outbrain",
    "taboola",
    "advert",
    "subscribe",
    "signup",
    "paywall",
];

/// Whether a class name contains one of the stems. One automaton for all stems: a name is
/// scanned once, not once per stem.
fn has_strong_stem(name: &str) -> bool {
    static M: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    M.get_or_init(|| aho_corasick::AhoCorasick::new(STRONG_STEMS).ok())
        .as_ref()
        .map_or_else(
            || STRONG_STEMS.iter().any(|s| name.contains(s)),
            |m| m.is_match(name),
        )
}

/// How sure a `class`/`id` makes us that a block is boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Boilerplate {
    No,
    /// Drop unless the block holds real prose.
    Weak,
    /// Drop unless the block holds most of the page.
    Strong,
}

/// Classifies a lowercased `class`/`id` string.
pub(crate) fn boilerplate_class(class_id: &str) -> Boilerplate {
    let mut best = Boilerplate::No;
    for name in class_id.split_ascii_whitespace() {
        if is_taxonomy_class(name) {
            continue;
        }
        if SCREEN_READER_ONLY.contains(&name) || has_strong_stem(name) {
            return Boilerplate::Strong;
        }
        for t in tokens(name) {
            let info = token_info(t);
            if info & STRONG != 0 {
                return Boilerplate::Strong;
            }
            if info & WEAK != 0 {
                best = Boilerplate::Weak;
            }
        }
    }
    best
}

const STRONG: u8 = 1;
const WEAK: u8 = 2;
const NEGATIVE: u8 = 4;

/// Class tokens with a negative Readability-style weight.
const NEGATIVE_TOKENS: &[&str] = &[
    "comment", "meta", "footer", "footnote", "related", "share", "sidebar", "sponsor", "promo",
    "tags", "ad", "ads", "banner", "social", "nav", "menu", "masthead", "shopping", "outbrain",
    "taboola",
];

/// What the token lists say about one token, looked up in a table built once: class
/// strings are classified for every distinct string on every page.
fn token_info(token: &str) -> u8 {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = std::collections::HashMap::new();
        for (list, bit) in [
            (STRONG_TOKENS, STRONG),
            (WEAK_TOKENS, WEAK),
            (NEGATIVE_TOKENS, NEGATIVE),
        ] {
            for w in list {
                *t.entry(*w).or_insert(0) |= bit;
            }
        }
        t
    });
    table.get(token).copied().unwrap_or(0)
}

/// How strongly a `class`/`id` says "article content" (positive) or "page furniture"
/// (negative), in the spirit of Readability's class weight.
pub(crate) fn class_weight(class_id: &str) -> i32 {
    if class_id.is_empty() {
        return 0;
    }
    let mut w = 0;
    const POSITIVE: [&str; 13] = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
        "story", "prose", "rich",
    ];
    if class_id.contains("article")
        || class_id.contains("content")
        || tokens(class_id).any(|t| POSITIVE.iter().any(|p| t.starts_with(p)))
    {
        w += 25;
    }
    if tokens(class_id).any(|t| token_info(t) & NEGATIVE != 0)
        || ["comment", "sidebar", "related", "social", "advert"]
            .iter()
            .any(|s| class_id.contains(s))
    {
        w -= 25;
    }
    w
}

/// Text meant for screen readers only, never shown on the page.
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "visually-hidden",
    "visuallyhidden",
    "element-invisible",
    "hidden",
    "hide",
    "d-none",
];

/// CMSs stamp the article element with its taxonomy (`tag-social-media`,
/// `category-advertising`): words chosen by editors, not layout, so they say nothing about
/// the block.
fn is_taxonomy_class(name: &str) -> bool {
    [
        "tag-",
        "category-",
        "format-",
        "type-",
        "status-",
        "postid-",
        "term-",
        "topic-",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

/// Class/id tokens that name the article body container.
pub(crate) fn is_body_class(class_id: &str) -> bool {
    const NAMES: &[&str] = &[
        "entry-content",
        "post-content",
        "article-content",
        "article-body",
        "articlebody",
        "article__body",
        "article-text",
        "story-body",
        "story-content",
        "post-body",
        "postbody",
        "post-entry",
        "entry-body",
        "blog-post-body",
        "single-content",
        "td-post-content",
        "c-entry-content",
        "body-text",
        "article__content",
        "post__content",
        "entry__content",
        "rich-text",
        "news-content",
        "content-body",
    ];
    class_id.split_ascii_whitespace().any(|t| {
        // Every name in the list contains one of these; most class names contain none.
        (t.contains("content") || t.contains("body") || t.contains("text") || t.contains("entry"))
            && NAMES.iter().any(|n| {
                t == *n
                    || (t.len() > n.len()
                        && t.ends_with(n)
                        && t.as_bytes()[t.len() - n.len() - 1] == b'_')
            })
    })
}

/// Lowercases and strips punctuation at the ends, for comparing short lines with the
/// phrase lists below.
fn simplify(line: &str) -> String {
    line.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Short lines that are page furniture wherever they appear: comment-form and share-widget
/// labels, ad markers, "read more" links.
pub(crate) fn is_boilerplate_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words > 12 {
        return false;
    }
    let s = simplify(line);
    if s.is_empty() {
        return false;
    }
    const EXACT: &[&str] = &[
        "advertisement",
        "advertising",
        "ad",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this article",
        "share this post",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "pin it",
        "whatsapp",
        "comments",
        "no comments",
        "post a comment",
        "leave a comment",
        "leave a reply",
        "add a comment",
        "write a comment",
        "show comments",
        "view comments",
        "newer post",
        "older post",
        "home",
        "subscribe to post comments atom",
        "read more",
        "read next",
        "continue reading",
        "click here",
        "loading",
        "related",
        "related posts",
        "related articles",
        "related stories",
        "you may also like",
        "you might also like",
        "recommended",
        "more stories",
        "tags",
        "share this with",
        "copy link",
        "link copied",
        "skip to content",
        "back to top",
        "sign up",
        "subscribe",
        "accept",
        "accept all",
        "cookie settings",
        "advert",
        "don't miss",
        "dont miss",
        "most read",
        "most popular",
        "trending now",
        "this slideshow requires javascript",
        "tell us what you think",
        "want more stories like this",
        "share your thoughts",
        "share your thoughts with friends",
        "x",
        "close",
        "caption",
        "more",
        "photo",
        // "advertisement" and "photo" in the languages of the benchmark sets and beyond
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "pubblicità",
        "advertentie",
        "reklama",
        "реклама",
        "iklan",
        "foto",
        "фото",
    ];
    if EXACT.contains(&s.as_str()) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "share this",
        "share on ",
        "share via",
        "posted by ",
        "posted in ",
        "filed under",
        "tags:",
        "tagged ",
        "labels:",
        "categories:",
        "category:",
        "follow us",
        "follow me",
        "like us on",
        "sign up for",
        "subscribe to",
        "click here to",
        "also on ",
        "newer post",
        "older post",
        "comments are closed",
        "you must be logged in",
        "like this story",
        "like this article",
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "by continuing to use",
        "copyright ",
        "all rights reserved",
        "most read in",
        "more in ",
        "more from ",
        "get breaking news",
        "want more stories",
        "sign up to our",
        "sign up for our",
        "subscribe to our",
        "you can view our",
        "photo:",
        "photos:",
        "foto:",
        "fotos:",
        "фото:",
        "photo by",
        "photograph:",
        "credit:",
        "getty images",
    ];
    if PREFIXES.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    // Gallery controls: "Image 5 of 5", "Slide 2 of 12".
    if let [what, _, of, _] = s.split_whitespace().collect::<Vec<_>>()[..] {
        if of == "of" && matches!(what, "image" | "photo" | "slide" | "picture") {
            return true;
        }
    }
    // "12 comments", "No comments:", "1 Comment", "0 responses"
    let mut it = s.split_whitespace();
    if let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) {
        let countish = a == "no" || a.chars().all(|c| c.is_ascii_digit());
        let what = b.trim_end_matches(':');
        if countish
            && matches!(
                what,
                "comment" | "comments" | "response" | "responses" | "reply" | "replies" | "shares"
            )
        {
            return true;
        }
    }
    s.contains("all rights reserved")
        || s.starts_with('©')
        || is_markup(line)
        || is_dateline(line)
        || is_byline(line)
}

/// Unrendered markup that reached the text: an escaped tag (`<img src=…>`) or a CMS
/// shortcode (`[button link="…"]`).
fn is_markup(line: &str) -> bool {
    let t = line.trim();
    // One whole embed or tracking tag shown as text; code samples in tutorials use other
    // tags and keep their lines.
    if let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        let name: String = inner
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if inner.contains('=')
            && !inner.contains('<')
            && matches!(
                name.as_str(),
                "img"
                    | "iframe"
                    | "script"
                    | "noscript"
                    | "embed"
                    | "object"
                    | "link"
                    | "meta"
                    | "style"
                    | "source"
                    | "video"
                    | "audio"
                    | "picture"
            )
        {
            return true;
        }
    }
    let mut chars = t.chars();
    chars.next() == Some('[')
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && t.contains('=')
        && t.find(']') > t.find('=')
}

const MONTHS: &[&str] = &[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec", // fr, de, es, pt, it, nl
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
];

/// Words that go with a date in a dateline and say nothing else.
const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m",
    "p.m",
    "at",
    "on",
    "of",
    "de",
    "às",
    "um",
    "le",
    "el",
    "et",
    "edt",
    "est",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "mst",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "updated",
    "posted",
    "published",
    "last",
    "modified",
    "date",
    "time",
    "created",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "ago",
    "hours",
    "hour",
    "minutes",
    "min",
    "mins",
    "days",
    "day",
    "read",
    "reading",
];

/// A line that is only a publication date or time, with the words that go with one:
/// "Wednesday November 20, 2019", "Updated: Sat 8:31 PM, Feb 17, 2018",
/// "segunda-feira, 22 de janeiro de 2018 às 0:13", "5 min read".
pub(crate) fn is_dateline(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '—' | '–'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    if let [n, unit, read] = &words[..] {
        if n.chars().all(|c| c.is_ascii_digit())
            && matches!(unit.as_str(), "min" | "mins" | "minute" | "minutes")
            && read == "read"
        {
            return true;
        }
    }
    let mut strong_date = false;
    let mut month = false;
    let mut number = false;
    let mut other = 0;
    for w in &words {
        let numeric = w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':' | '-'))
            && w.chars().any(|c| c.is_ascii_digit());
        let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit());
        if numeric {
            if is_date_shaped(w) {
                strong_date = true;
            } else if w.len() <= 2 {
                // a day of the month
                number = true;
            } else {
                other += 1;
            }
        } else if MONTHS.contains(&w.as_str()) {
            month = true;
        } else if suffix.len() < w.len()
            && matches!(suffix, "st" | "nd" | "rd" | "th" | "h" | "am" | "pm")
        {
            number = true;
        } else if !DATE_WORDS.contains(&w.as_str()) {
            other += 1;
        }
    }
    (strong_date || (month && number)) && other == 0
}

/// `2019`, `11/18/19`, `2019-11-18`, `18.11.2019`, `11:04`: shapes that are dates or times
/// rather than quantities (`13.1`, `4.96`).
fn is_date_shaped(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['/', '-', '.', ':']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return false;
    }
    match parts.as_slice() {
        [y] => y.len() == 4 && (y.starts_with("19") || y.starts_with("20")),
        [h, m] if w.contains(':') => h.len() <= 2 && m.len() == 2,
        [a, b, c] => {
            let sep_ok = w.matches('/').count() == 2
                || w.matches('-').count() == 2
                || w.matches('.').count() == 2
                || w.matches(':').count() == 2;
            sep_ok
                && ((a.len() <= 2 && b.len() <= 2 && (c.len() == 2 || c.len() == 4))
                    || (a.len() == 4 && b.len() <= 2 && c.len() <= 2))
        }
        _ => false,
    }
}

/// "By Jane Doe", "By Justine Coleman - 11/18/19 11:04 PM EST", "Written by Jane Doe and
/// John Roe": a credit line, not a sentence that starts with "By".
pub(crate) fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    let rest = [
        "by ",
        "written by ",
        "posted by ",
        "words by ",
        "story by ",
        "report by ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]));
    let Some(rest) = rest else {
        return false;
    };
    let name: Vec<&str> = rest
        .split(['-', '|', '–', '—', ',', '•', '·'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if name.is_empty() || name.len() > 6 || t.split_whitespace().count() > 16 {
        return false;
    }
    // Names are capitalised (or all caps); "and", "de", "van" may join them. A sentence
    // ("By then it was too late.") has lowercase words and ends like one.
    name.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(
                *w,
                "and" | "&" | "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le"
            )
    }) && !t.ends_with(['.', '?', '!', ':'])
}

/// Short headings after which a page stops being the article: comment sections, related
/// content, author boxes, newsletter prompts.
pub(crate) fn is_terminator_line(line: &str) -> bool {
    if line.split_whitespace().count() > 8 {
        return false;
    }
    let s = simplify(line);
    const EXACT: &[&str] = &[
        "comments",
        "comment",
        "no comments",
        "post a comment",
        "leave a comment",
        "leave a reply",
        "add a comment",
        "join the conversation",
        "join the discussion",
        "discussion",
        "responses",
        "related",
        "related posts",
        "related articles",
        "related stories",
        "related content",
        "related news",
        "read more",
        "read next",
        "more from",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "you may be interested in",
        "recommended",
        "recommended for you",
        "recommended stories",
        "popular posts",
        "most popular",
        "most read",
        "trending",
        "latest posts",
        "recent posts",
        "about the author",
        "about the writer",
        "related reads",
        "related links",
        "share this",
        "share this article",
        "share this post",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "don't miss",
        "dont miss",
        "most read",
        "more in",
        "tell us what you think",
        "want more stories like this",
        "what do you think",
        "more like this",
        "keep reading",
        "further reading",
        "also read",
        "see also",
    ];
    if EXACT.contains(&s.as_str()) {
        return true;
    }
    let mut it = s.split_whitespace();
    if let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) {
        if (a == "no" || a.chars().all(|c| c.is_ascii_digit()))
            && matches!(
                b.trim_end_matches(':'),
                "comment" | "comments" | "response" | "responses" | "replies"
            )
        {
            return true;
        }
    }
    let words = s.split_whitespace().count();
    words <= 4
        && (s.starts_with("more from ")
            || s.starts_with("more in ")
            || s.starts_with("most read")
            || s.starts_with("leave a "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_rules() {
        use Boilerplate::*;
        assert_eq!(boilerplate_class("post-share-buttons"), Strong);
        assert_eq!(boilerplate_class("commentlist"), Strong);
        assert_eq!(boilerplate_class("cookie-banner"), Strong);
        assert_eq!(
            boilerplate_class("elementor-widget elementor-widget-text-editor"),
            No
        );
        assert_eq!(boilerplate_class("entry-meta"), Weak);
        assert_eq!(boilerplate_class("entry-content"), No);
        assert_eq!(boilerplate_class("shareholder-letter"), No);
        assert_eq!(boilerplate_class("post tag-social-media category-ads"), No);
        assert!(is_body_class("post entry-content clearfix"));
        assert!(class_weight("article-body") > 0);
        assert!(class_weight("sidebar widget") < 0);
    }

    #[test]
    fn line_rules() {
        for l in [
            "No comments:",
            "Post a Comment",
            "12 Comments",
            "Share this:",
            "ADVERTISEMENT",
        ] {
            assert!(is_boilerplate_line(l), "{l}");
        }
        assert!(!is_boilerplate_line(
            "The comments made by the minister were widely shared."
        ));
        assert!(is_terminator_line("Related Posts"));
        assert!(is_terminator_line("3 comments:"));
        assert!(is_terminator_line("About the Author"));
        assert!(!is_terminator_line("About Acme Corp"));
        assert!(!is_terminator_line("Related work in economics shows"));
        for l in [
            "Wednesday November 20, 2019",
            "Updated: Sat 8:31 PM, Feb 17, 2018",
            "segunda-feira, 22 de janeiro de 2018 às 0:13",
            "October 12, 2017",
            "5 min read",
        ] {
            assert!(is_dateline(l), "{l}");
        }
        assert!(!is_dateline("In 2019 the budget grew by 4%"));
        assert!(!is_dateline("May"));
        assert!(is_byline("By Justine Coleman - 11/18/19 11:04 PM EST"));
        assert!(is_byline("By JERUSALEM POST STAFF"));
        assert!(!is_byline("By then it was too late."));
        assert!(!is_byline("By 2030, half of all cars will be electric."));
        assert!(is_boilerplate_line(
            "<img height=\"1\" width=\"1\" style=\"display:none\" src=\"x\">"
        ));
        assert!(is_boilerplate_line(
            "[button link=\"http://x\" type=\"big\"] Send us YOUR review[/button]"
        ));
        assert!(!is_boilerplate_line("[1] See the appendix."));
    }
}
