//! Article-body and metadata extraction from news and blog HTML pages.
//!
//! An [`ArticleExtractor`] turns one HTML page into an [`Article`]: the body as plain text
//! (paragraphs separated by `\n\n`, whitespace normalised inside them) plus what the page
//! says about itself — title, site name, canonical URL, publication date (with its precision:
//! a bare day stays a day) and declared language. Extractors sit behind the trait so they can
//! be measured against each other on the same benchmarks (`echotrace-eval`):
//!
//! - [`EchotraceExtractor`], the default, written for this project;
//! - [`RsTrafilaturaExtractor`], the `rs-trafilatura` crate (a trafilatura port);
//! - [`DomSmoothieExtractor`], the `dom_smoothie` crate (a Readability.js port).
//!
//! ```
//! use echotrace_extract::{ArticleExtractor, EchotraceExtractor};
//!
//! let html = r##"<html lang="en"><head>
//!   <title>Harbour reopens | The Lantern</title>
//!   <meta property="og:site_name" content="The Lantern">
//! </head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article>
//!     <h1>Harbour reopens</h1>
//!     <p>The harbour reopened on Monday after a week-long strike, the port authority said.</p>
//!     <p>Ferries to the islands will run to the normal timetable from Tuesday, it added.</p>
//!     <div class="share-buttons"><a href="#">Share on Facebook</a></div>
//!   </article>
//!   <div id="comments"><h3>No comments:</h3><a href="#">Post a Comment</a></div>
//! </body></html>"##;
//!
//! let article = EchotraceExtractor::default()
//!     .extract(html, Some("https://lantern.example/2022/01/10/harbour/"))?;
//! assert_eq!(
//!     article.body,
//!     "The harbour reopened on Monday after a week-long strike, the port authority said.\n\n\
//!      Ferries to the islands will run to the normal timetable from Tuesday, it added."
//! );
//! assert_eq!(article.title.as_deref(), Some("Harbour reopens"));
//! assert_eq!(article.site_name.as_deref(), Some("The Lantern"));
//! assert_eq!(article.published.map(|p| p.to_string()).as_deref(), Some("2022-01-10"));
//! assert_eq!(article.declared_language.as_deref(), Some("en"));
//! # Ok::<(), echotrace_extract::ExtractError>(())
//! ```
//!
//! Pages read from disk or the network are bytes: [`decode_html`] turns them into text,
//! honouring a byte-order mark, then valid UTF-8, then the `<meta charset>`, then
//! windows-1252.
//!
//! # How `EchotraceExtractor` works
//!
//! It was chosen by measurement: on the Scrapinghub and WCXB benchmarks it scores higher
//! than both wrapped crates, with or without echotrace's line rules applied to their output,
//! and runs several times faster than `rs-trafilatura`. The figures and the command that
//! produces them are in `echotrace-eval` (`examples/extraction_compare.rs`).
//!
//! 1. **Parse once.** Scripts (but JSON-LD), styles, comments and inline SVG are cut from
//!    the markup first: they hold no article text and cost the tokenizer most of its time.
//!    html5ever then parses the page as a browser would, into a small arena of its own, which
//!    is flattened into a compact array in document order, each node knowing where its
//!    subtree ends. Every later pass is a loop over that array — no recursion, so deeply
//!    nested pages cannot overflow the stack — and subtree sums take one backward sweep.
//!    Metadata (`<meta>`, JSON-LD, `<time>`, microdata) is collected on the way. Pages
//!    nesting tags thousands deep are cut before parsing, since html5ever's scope checks grow
//!    with depth.
//! 2. **Drop what is boilerplate by what it is.** `nav`, `aside`, `footer`, `header`,
//!    `figcaption`, forms with controls, hidden elements, ARIA landmarks for navigation,
//!    and elements whose `class`/`id` names comments, share and follow widgets, related
//!    content, newsletter and cookie prompts, ads (`rules`). Names that themes also use for
//!    content (`widget`, `meta`, `banner`…) only drop blocks holding little prose. No block
//!    holding half of the page's text, the page's one `articleBody`/`entry-content`, or
//!    `main` is dropped this way: layout wrappers are often named `content-with-sidebar`.
//! 3. **Find the article.** The remaining text is cut into runs (inline text between block
//!    boundaries) and scored as Readability does: each run of 25+ characters adds
//!    `1 + commas + min(length/100, 3)` to its container and half that to the container's
//!    parent, candidates get a bonus or malus from their class names, and scores are scaled
//!    by `1 - link density`. The best candidate is then corrected where Readability is
//!    known to fail: strong candidates sharing an ancestor move the choice to that ancestor;
//!    a candidate holding three times the prose of a short, class-boosted winner replaces
//!    it; the selection widens up its ancestors while that adds much more prose than other
//!    text (landing-page templates split one article over many sections); a page's single
//!    declared article body is believed. Siblings scoring close to the winner join it.
//! 4. **Clean inside.** Containers that look like link lists or widgets are dropped unless
//!    they hold prose; link-only lines go when they come in a row or stand alone as a
//!    paragraph (promos for other stories), but linked headings and list items stay
//!    (listicles). Short lines that are furniture by their words go anywhere in the body:
//!    `No comments:`, `Post a Comment`, `Share this:`, `Advertisement`, datelines, bylines,
//!    cookie notices, escaped tracking tags. The body stops at a short heading that opens a
//!    comment section or related list ("Leave a Reply", "Related posts") once most of the
//!    text is behind it. The title repeated as a heading is left out, data-table rows are
//!    kept as lines, and UTF-8 that was decoded as Latin-1 upstream (`â€™`) is repaired.
//!
//! Every rule names something that recurs across sites (CMS themes, share and comment
//! plug-ins, consent managers, page builders); none names a site.

mod baselines;
mod decode;
mod dom;
mod echotrace;
mod metadata;
mod rules;
mod sink;
mod text;

pub use baselines::{DomSmoothieExtractor, RsTrafilaturaExtractor};
pub use decode::{declared_charset, decode_html, decode_html_with};
pub use echotrace::{EchotraceExtractor, EchotraceExtractorBuilder};
pub use text::collapse_whitespace;

use echotrace_core::Published;

/// What an extractor finds in one HTML page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The article body as plain text: paragraphs separated by a blank line (`\n\n`).
    pub body: String,
    /// The article's title, without a trailing " | Site name" where that is clearly the site.
    pub title: Option<String>,
    /// The site's own name (`og:site_name`, publisher in JSON-LD), if the page says it.
    pub site_name: Option<String>,
    /// The canonical URL, if the page names one.
    pub canonical_url: Option<String>,
    /// When the page says it was published, at the precision it gives.
    pub published: Option<Published>,
    /// The page's declared language (`<html lang>`, `og:locale`), as given.
    pub declared_language: Option<String>,
}

/// Why an extractor returned no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The page has no text that reads as an article body.
    #[error("no article body found")]
    NoBody,
    /// A wrapped third-party extractor reported an error.
    #[error("extractor failed: {0}")]
    Backend(String),
}

/// The plug point: anything that turns an HTML page into an [`Article`].
pub trait ArticleExtractor: Send + Sync {
    /// A short name for reports (`echotrace`, `rs-trafilatura`, `dom_smoothie`).
    fn name(&self) -> &'static str;
    /// `url` helps resolve relative links and read dates from URL paths.
    fn extract(&self, html: &str, url: Option<&str>) -> Result<Article, ExtractError>;
}

/// Every extractor this crate offers, the default first.
pub fn all_extractors() -> Vec<Box<dyn ArticleExtractor>> {
    vec![
        Box::new(EchotraceExtractor::default()),
        Box::new(RsTrafilaturaExtractor),
        Box::new(DomSmoothieExtractor),
    ]
}
