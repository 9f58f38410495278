//! Article-body extraction from HTML pages.

mod baselines;
mod decode;
mod dom;
mod echotrace;
mod metadata;
#[doc(hidden)]
pub mod rules;
mod text;

pub use baselines::{DomSmoothieExtractor, RsTrafilaturaExtractor};
pub use decode::{declared_charset, decode_html};
pub use echotrace::{EchotraceExtractor, EchotraceExtractorBuilder};
pub use text::collapse_whitespace;

use echotrace_core::Published;

/// What an extractor finds in one HTML page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The article body as plain text: paragraphs separated by a blank line (`\n\n`).
    pub body: String,
    pub title: Option<String>,
    /// The site's own name (`og:site_name`, publisher in JSON-LD), if the page says it.
    pub site_name: Option<String>,
    /// The canonical URL, if the page names one.
    pub canonical_url: Option<String>,
    pub published: Option<Published>,
    /// The page's declared language (`<html lang>`, `og:locale`), as given.
    pub declared_language: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("no article body found")]
    NoBody,
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
