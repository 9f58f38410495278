//! The extractor on real pages (from the Scrapinghub article-extraction benchmark, MIT, and
//! the WCXB set, CC-BY-4.0) and on hand-written blog pages.

use echotrace_core::DatePrecision;
use echotrace_extract::{decode_html, Article, ArticleExtractor, EchotraceExtractor};
use std::io::Read;
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .expect("fixture gunzips");
        out
    } else {
        raw
    };
    decode_html(&bytes).into_owned()
}

fn extract(name: &str, url: &str) -> Article {
    EchotraceExtractor::default()
        .extract(&fixture(name), Some(url))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n").collect()
}

#[test]
fn blog_with_comment_thread_keeps_post_drops_comments() {
    let a = extract(
        "sh-givewell-open-thread.html.gz",
        "https://blog.givewell.org/2018/09/10/september-2018-open-thread/",
    );
    assert!(a.body.starts_with(
        "Our goal with hosting quarterly open threads is to give blog readers an opportunity"
    ));
    assert!(a
        .body
        .ends_with("We’ll try to respond promptly to questions or comments."));
    // The page carries a long comment thread under the post.
    assert!(
        !a.body.contains("Blattman"),
        "comment text leaked:\n{}",
        a.body
    );
    assert!(!a.body.contains(" said:"));
    assert_eq!(a.title.as_deref(), Some("September 2018 open thread"));
    assert_eq!(a.site_name.as_deref(), Some("The GiveWell Blog"));
    assert_eq!(a.declared_language.as_deref(), Some("en-US"));
    let p = a.published.expect("date");
    assert_eq!(p.earliest().format("%Y-%m-%d").to_string(), "2018-09-10");
}

#[test]
fn news_page_drops_reader_comments_and_share_bar() {
    let a = extract(
        "sh-profootballtalk-lynn.html.gz",
        "https://profootballtalk.nbcsports.com/2019/11/19/anthony-lynn-we-needed-to-win-this-game/",
    );
    let paras = paragraphs(&a.body);
    assert!(paras[0]
        .starts_with("Chargers coach Anthony Lynn recognizes that his team’s playoff hopes"));
    assert!(a
        .body
        .ends_with("Lynn is right: The Chargers needed to win that game."));
    assert!(
        !a.body.contains("thelastchargersfan"),
        "comments leaked:\n{}",
        a.body
    );
    assert!(!a.body.contains(" says:"));
    assert_eq!(
        a.title.as_deref(),
        Some("Anthony Lynn: “We needed to win this game”")
    );
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://profootballtalk.nbcsports.com/2019/11/19/anthony-lynn-we-needed-to-win-this-game/")
    );
    assert_eq!(
        a.published
            .map(|p| p.earliest().date_naive().to_string())
            .as_deref(),
        Some("2019-11-19")
    );
}

#[test]
fn diy_blog_keeps_steps_drops_comments() {
    let a = extract(
        "wcxb-midwest-refinishing.html.gz",
        "https://www.midwestlifeandstyle.com/beginners-guide-to-refinishing-furniture/",
    );
    assert!(a
        .body
        .starts_with("Do you have an old piece of furniture in need of some TLC?"));
    // A step heading inside the post survives.
    assert!(paragraphs(&a.body).iter().any(|p| p.contains("Sand")));
    assert!(!a
        .body
        .contains("This looks great! I really like the finish"));
    assert_eq!(
        a.title.as_deref(),
        Some("A Beginner's Guide To Refinishing Vintage Furniture")
    );
    assert_eq!(
        a.published.map(|p| p.to_string()).as_deref(),
        Some("2020-06-09T12:00:00Z")
    );
}

#[test]
fn garden_page_keeps_subhead_drops_comment_form_and_byline() {
    let a = extract(
        "wcxb-almanac-pests.html.gz",
        "https://www.almanac.com/how-we-keep-pests-out-garden",
    );
    assert!(a.body.contains("Every garden faces pests."));
    assert!(a
        .body
        .contains("leave a clean planet to our children and grandchildren instead."));
    assert!(
        !a.body.contains("fighting carpenter ants"),
        "comment leaked"
    );
    assert!(!a.body.contains("Written By:"));
    assert_eq!(a.site_name.as_deref(), Some("Almanac.com"));
}

const HARBOUR: [&str; 4] = [
    "The harbour reopened on Monday morning after a week-long strike by dockworkers, the port authority said, ending a stoppage that had left ferries idle and fishing boats tied up along the quay.",
    "Union representatives told a meeting in the town hall that members had voted to return to work while talks on pay and shift patterns continue, and that the vote had been close.",
    "“Nobody wanted this to drag on into the winter,” said Maria Olsen, who has worked the cranes at the container terminal for nineteen years.",
    "The authority said the first ferry to the islands would leave at noon, and that freight delayed by the strike would be cleared by the end of the week.",
];

#[test]
fn blogger_post_is_exactly_the_post() {
    let a = extract(
        "blogger-post.html",
        "https://lanternstreet.example.org/2022/01/harbour-reopens.html",
    );
    assert_eq!(a.body, HARBOUR.join("\n\n"));
    for furniture in [
        "No comments",
        "Post a Comment",
        "Email This",
        "Share to",
        "Tweet",
        "cookies",
        "Newer Post",
        "Labels",
        "Posted by",
        "About Me",
    ] {
        assert!(!a.body.contains(furniture), "{furniture:?} in body");
    }
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour reopens after week-long strike")
    );
    assert_eq!(a.site_name.as_deref(), Some("The Lantern Street Blog"));
    assert_eq!(a.declared_language.as_deref(), Some("en-GB"));
    // From the microdata on the timestamp, to the second.
    let p = a.published.expect("date");
    assert_eq!(p.to_string(), "2022-01-10T09:30:00Z");
    assert_eq!(p.precision(), DatePrecision::Second);
}

#[test]
fn unmarked_blog_footer_lines_are_dropped_by_their_words() {
    // No classes to go by: the comment-form labels, share line, byline and cookie notice are
    // plain paragraphs in the same container as the post.
    let a = extract(
        "plain-blog.html",
        "https://ferries.example.net/2022/02/14/timetable-changes/",
    );
    let paras = paragraphs(&a.body);
    assert_eq!(paras.len(), 3, "{}", a.body);
    assert!(paras[0].starts_with("From the first of March the morning ferry"));
    assert!(paras[2].starts_with("Tickets bought before the change remain valid"));
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry timetable changes for the spring")
    );
    assert_eq!(a.declared_language.as_deref(), Some("en_GB"));
    // Only the URL dates this page: a day, not a midnight.
    let p = a.published.expect("date from URL");
    assert_eq!(p.to_string(), "2022-02-14");
    assert_eq!(p.precision(), DatePrecision::Day);
}

#[test]
fn body_whitespace_is_normalised() {
    let html = "<html><body><article><p>  One\n\t two\u{a0} three. </p>\
                <p>Four<br>five, and a longer sentence follows here to make this prose.</p></article></body></html>";
    let a = EchotraceExtractor::default()
        .extract(html, None)
        .expect("body");
    assert_eq!(
        a.body,
        "One two three.\n\nFour\n\nfive, and a longer sentence follows here to make this prose."
    );
}

#[test]
fn page_without_text_is_an_error() {
    let r = EchotraceExtractor::default().extract(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        None,
    );
    assert!(r.is_err());
}
