//! `.html` / `.htm`: one page, one document, through the article extractor.

use crate::decode;
use crate::input::read_all;
use crate::reader::{emit, sniff_head, Deferred, DocumentReader, Draft, Emit, Item, ReadContext};
use crate::ReadError;
use echotrace_extract::{Article, ArticleExtractor};
use std::io::BufRead;

/// One HTML page: charset decoded (byte-order mark, UTF-8, `<meta charset>`, windows-1252),
/// article body, title, site name, date and declared language from the extractor.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlReader;

impl DocumentReader for HtmlReader {
    fn name(&self) -> &'static str {
        "html"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["html", "htm", "xhtml", "shtml"]
    }

    fn sniff(&self, head: &[u8]) -> u8 {
        looks_like_html(sniff_head(head))
    }

    fn read(
        &self,
        input: &mut dyn BufRead,
        cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), ReadError> {
        let bytes = read_all(input, cx.max_record_bytes, None)?;
        // Decoding and extraction are left to the ingestor, which runs them for several files
        // at once.
        let item = Item::Deferred {
            location: None,
            work: Deferred::new(move |cx| {
                let page = decode::html(&bytes, None);
                page_draft(cx.extractor, &page, None).map(Some)
            }),
        };
        emit!(emit, item);
        Ok(())
    }
}

pub(crate) fn looks_like_html(head: &[u8]) -> u8 {
    let lower: Vec<u8> = head.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        90
    } else if has(b"<html") || has(b"<head") || has(b"<body") {
        50
    } else if lower.starts_with(b"<") {
        5
    } else {
        0
    }
}

/// Runs the extractor on a page and fills a draft from what it found. `url` is where the page
/// was fetched (a WARC target URI); it wins over the page's canonical URL, which is kept in
/// metadata when it differs.
pub(crate) fn page_draft(
    extractor: &dyn ArticleExtractor,
    page: &str,
    url: Option<&str>,
) -> Result<Draft, String> {
    let article = extractor
        .extract(page, url)
        .map_err(|e| format!("{e} ({} extractor)", extractor.name()))?;
    Ok(article_draft(article, url))
}

pub(crate) fn article_draft(article: Article, url: Option<&str>) -> Draft {
    let mut draft = Draft {
        text: article.body,
        title: article.title.filter(|t| !t.trim().is_empty()),
        source: article.site_name.filter(|s| !s.trim().is_empty()),
        published: article.published,
        declared_language: article.declared_language,
        ..Draft::default()
    };
    let canonical = article.canonical_url.filter(|c| !c.trim().is_empty());
    match (url, canonical) {
        (Some(u), Some(c)) => {
            if u != c {
                draft
                    .metadata
                    .insert("canonical_url".into(), serde_json::Value::String(c));
            }
            draft.url = Some(u.to_string());
        }
        (Some(u), None) => draft.url = Some(u.to_string()),
        (None, c) => draft.url = c,
    }
    draft
}
