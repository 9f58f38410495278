//! Thin wrappers around third-party extractors, kept so that they can be measured against
//! [`crate::EchotraceExtractor`] on the same benchmarks.

use crate::text::paragraphs_from_lines;
use crate::{Article, ArticleExtractor, ExtractError};
use echotrace_core::Published;

/// [`rs-trafilatura`](https://crates.io/crates/rs-trafilatura), a Rust port of trafilatura, with
/// its default options.
#[derive(Clone, Debug, Default)]
pub struct RsTrafilaturaExtractor;

impl ArticleExtractor for RsTrafilaturaExtractor {
    fn name(&self) -> &'static str {
        "rs-trafilatura"
    }

    fn extract(&self, html: &str, url: Option<&str>) -> Result<Article, ExtractError> {
        let options = rs_trafilatura::Options {
            url: url.map(str::to_owned),
            ..rs_trafilatura::Options::default()
        };
        let result = rs_trafilatura::extract_with_options(html, &options)
            .map_err(|e| ExtractError::Backend(e.to_string()))?;
        let body = paragraphs_from_lines(&result.content_text);
        if body.is_empty() {
            return Err(ExtractError::NoBody);
        }
        let m = result.metadata;
        Ok(Article {
            body,
            title: m.title,
            site_name: m.sitename,
            canonical_url: m.url,
            published: m.date.and_then(|d| Published::parse(&d.to_rfc3339())),
            declared_language: m.language,
        })
    }
}

/// [`dom_smoothie`](https://crates.io/crates/dom_smoothie), a port of Mozilla's Readability.js,
/// with its default (strict) policy and formatted text output.
#[derive(Clone, Debug, Default)]
pub struct DomSmoothieExtractor;

impl ArticleExtractor for DomSmoothieExtractor {
    fn name(&self) -> &'static str {
        "dom_smoothie"
    }

    fn extract(&self, html: &str, url: Option<&str>) -> Result<Article, ExtractError> {
        let config = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..dom_smoothie::Config::default()
        };
        // An unparsable URL only costs link resolution; retry without it rather than fail.
        let mut reader = dom_smoothie::Readability::new(html, url, Some(config.clone()))
            .or_else(|_| dom_smoothie::Readability::new(html, None, Some(config)))
            .map_err(|e| ExtractError::Backend(e.to_string()))?;
        let article = reader
            .parse()
            .map_err(|e| ExtractError::Backend(e.to_string()))?;
        let body = paragraphs_from_lines(&article.text_content);
        if body.is_empty() {
            return Err(ExtractError::NoBody);
        }
        let non_empty = |s: String| (!s.trim().is_empty()).then_some(s);
        Ok(Article {
            body,
            title: non_empty(article.title),
            site_name: article.site_name,
            canonical_url: article.url,
            published: article.published_time.as_deref().and_then(Published::parse),
            declared_language: article.lang,
        })
    }
}
