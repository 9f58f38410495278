//! Page metadata: title, site name, canonical URL, publication date and declared language,
//! from `<meta>` tags, JSON-LD, `<time>`, `<h1>` and the URL.

use crate::dom::{Dom, RawMeta};
use crate::text::collapse_whitespace;
use crate::Article;
use echotrace_core::Published;
use serde_json::Value;

/// Everything but the body.
pub(crate) fn page_metadata(dom: &Dom, url: Option<&str>) -> Article {
    let m = &dom.meta;
    let ld = JsonLd::read(&m.json_ld);
    let site_name = first_meta(m, &["og:site_name", "application-name", "al:ios:app_name"])
        .or_else(|| ld.publisher.clone())
        .map(|s| collapse_whitespace(&s))
        .filter(|s| !s.is_empty() && s.chars().count() <= 100);
    let canonical_url = m
        .canonical
        .clone()
        .or_else(|| first_meta(m, &["og:url", "twitter:url"]))
        .and_then(|c| absolute_url(&c, url));
    Article {
        body: String::new(),
        title: title(
            m,
            &ld,
            site_name.as_deref(),
            canonical_url.as_deref().or(url),
        ),
        site_name,
        canonical_url,
        published: published(m, &ld, url.or(m.canonical.as_deref())),
        declared_language: declared_language(m),
    }
}

fn first_meta(m: &RawMeta, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        m.metas
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
    })
}

/// What the page's JSON-LD says about the article it describes.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn read(blobs: &[String]) -> JsonLd {
        let mut out = JsonLd::default();
        for blob in blobs {
            let Some(v) = parse_json_ld(blob) else {
                continue;
            };
            // Article-typed objects first; a WebPage or Organization only fills gaps.
            let mut objects = Vec::new();
            collect_objects(&v, 0, &mut objects);
            objects.sort_by_key(|o| !is_article_type(o));
            for o in objects {
                if out.headline.is_none() {
                    out.headline = str_field(o, "headline");
                }
                if out.date_published.is_none() {
                    out.date_published = str_field(o, "datePublished")
                        .or_else(|| str_field(o, "dateCreated"))
                        .filter(|_| is_article_type(o) || o.get("headline").is_some());
                }
                if out.publisher.is_none() {
                    out.publisher = o.get("publisher").and_then(|p| match p {
                        Value::Object(_) => str_field(p, "name"),
                        Value::Array(a) => a.first().and_then(|p| str_field(p, "name")),
                        _ => None,
                    });
                }
            }
        }
        out
    }
}

/// JSON-LD blocks in the wild carry HTML comments, CDATA wrappers and stray control
/// characters; strip those before giving up on a block.
fn parse_json_ld(blob: &str) -> Option<Value> {
    let t = blob.trim();
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    let cleaned: String = t
        .replace("<!--", "")
        .replace("-->", "")
        .replace("//<![CDATA[", "")
        .replace("//]]>", "")
        .replace("<![CDATA[", "")
        .replace("]]>", "")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(cleaned.trim().trim_end_matches(';')).ok()
}

fn collect_objects<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > 6 || out.len() > 64 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_objects(i, depth + 1, out)),
        Value::Object(map) => {
            out.push(v);
            if let Some(g) = map.get("@graph") {
                collect_objects(g, depth + 1, out);
            }
            if let Some(main) = map.get("mainEntity") {
                collect_objects(main, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn is_article_type(o: &Value) -> bool {
    let is_article = |t: &str| {
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting"
            )
    };
    match o.get("@type") {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn str_field(o: &Value, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(a) => a
            .iter()
            .find_map(|x| x.as_str().map(|s| s.trim().to_string())),
        _ => None,
    }
}

fn title(m: &RawMeta, ld: &JsonLd, site: Option<&str>, url: Option<&str>) -> Option<String> {
    let raw = first_meta(m, &["og:title", "twitter:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| m.title.clone())
        .or_else(|| m.h1s.iter().find(|h| !h.is_empty()).cloned())?;
    let raw = collapse_whitespace(&html_unescape_basic(&raw));
    let t = strip_site_suffix(&raw, site, url, &m.h1s);
    (!t.is_empty()).then_some(t)
}

/// Meta contents are already entity-decoded by the parser; some CMSs double-encode them.
fn html_unescape_basic(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Drops " | Site", " - Site" (or "Site: " in front) when that part is clearly the site's
/// name: it equals the declared site name or the host, or the rest equals the page's `<h1>`.
fn strip_site_suffix(title: &str, site: Option<&str>, url: Option<&str>, h1s: &[String]) -> String {
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", ": ",
    ];
    let host = url.and_then(host_of).unwrap_or_default();
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let site_n = site.map(norm).unwrap_or_default();
    let host_n = norm(&host);
    let is_site = |part: &str| {
        let p = norm(part);
        !p.is_empty()
            && ((!site_n.is_empty() && (p == site_n || site_n.contains(&p) || p.contains(&site_n)))
                || (!host_n.is_empty() && p.len() >= 3 && host_n.contains(&p)))
    };
    let h1_match = |rest: &str| {
        let r = norm(rest);
        !r.is_empty() && h1s.iter().any(|h| norm(h) == r)
    };
    for sep in SEPS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if *sep != ": " && (is_site(tail) || h1_match(head)) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if (is_site(head) || h1_match(tail)) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let h = u.host_str()?.to_ascii_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_string();
    // The registrable name is what titles use ("nytimes" from "nytimes.com").
    let mut parts: Vec<&str> = h.split('.').collect();
    if parts.len() > 1 {
        parts.pop();
    }
    Some(parts.join("."))
}

fn absolute_url(candidate: &str, base: Option<&str>) -> Option<String> {
    let c = candidate.trim();
    if c.is_empty() {
        return None;
    }
    if let Ok(u) = url::Url::parse(c) {
        return matches!(u.scheme(), "http" | "https").then(|| u.to_string());
    }
    let base = url::Url::parse(base?).ok()?;
    base.join(c).ok().map(|u| u.to_string())
}

const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "date.release",
    "datecreated",
];

fn published(m: &RawMeta, ld: &JsonLd, url: Option<&str>) -> Option<Published> {
    let meta_date = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            m.metas
                .iter()
                .filter(|(key, _)| key == k)
                .find_map(|(_, v)| Published::parse(v))
        })
    };
    meta_date(&DATE_METAS[..2])
        .or_else(|| ld.date_published.as_deref().and_then(Published::parse))
        .or_else(|| meta_date(&DATE_METAS[2..]))
        .or_else(|| {
            m.times
                .iter()
                .filter(|(_, strong)| *strong)
                .find_map(|(t, _)| Published::parse(t))
        })
        .or_else(|| m.times.iter().find_map(|(t, _)| Published::parse(t)))
        .or_else(|| url.and_then(date_from_url))
}

/// A date in a URL path: `/2022/01/10/`, `/2022-01-10/`, `/20220110/`, or a month as
/// `/2022/01/`. Only in the path, never the host or query.
pub(crate) fn date_from_url(url: &str) -> Option<Published> {
    let path = url::Url::parse(url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string());
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for w in 0..parts.len() {
        let Some(y) = num(parts[w], 4) else {
            // `2022-01-10` or `20220110` as one segment (possibly followed by a slug).
            let seg = parts[w];
            if seg.len() >= 10 && seg.is_char_boundary(10) {
                if let Some(p) = Published::parse(&seg[..10]) {
                    if seg.as_bytes()[4] == b'-' {
                        return Some(p);
                    }
                }
            }
            if seg.len() == 8 && seg.starts_with(['1', '2']) {
                if let Some(p) = Published::parse(seg) {
                    return Some(p);
                }
            }
            continue;
        };
        if !(1990..=2100).contains(&y) {
            continue;
        }
        let month = parts
            .get(w + 1)
            .and_then(|s| num(s, 2).or_else(|| num(s, 1)));
        let Some(mo) = month.filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let day = parts
            .get(w + 2)
            .and_then(|s| num(s, 2).or_else(|| num(s, 1)));
        if let Some(d) = day.filter(|d| (1..=31).contains(d)) {
            if let Some(p) = Published::parse(&format!("{y:04}-{mo:02}-{d:02}")) {
                return Some(p);
            }
        }
        return Published::parse(&format!("{y:04}-{mo:02}"));
    }
    None
}

fn declared_language(m: &RawMeta) -> Option<String> {
    m.html_lang
        .clone()
        .or_else(|| {
            first_meta(
                m,
                &["og:locale", "content-language", "language", "dc.language"],
            )
        })
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && l.len() <= 35)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_dates() {
        let d = |u: &str| date_from_url(u).map(|p| p.to_string());
        assert_eq!(
            d("https://x.com/2022/01/10/some-story/").as_deref(),
            Some("2022-01-10")
        );
        assert_eq!(
            d("https://x.com/news/2019/11/story.html").as_deref(),
            Some("2019-11")
        );
        assert_eq!(
            d("https://x.com/2021-03-04-slug").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            d("https://x.com/p/20200102/").as_deref(),
            Some("2020-01-02")
        );
        assert_eq!(d("https://x.com/item/12345678"), None);
        assert_eq!(d("https://x.com/2022/99/"), None);
    }

    #[test]
    fn site_suffixes() {
        let h1 = vec!["Storm hits coast".to_string()];
        assert_eq!(
            strip_site_suffix("Storm hits coast | The Daily", Some("The Daily"), None, &[]),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site_suffix(
                "Storm hits coast - Example News",
                None,
                Some("https://www.examplenews.com/a"),
                &[]
            ),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site_suffix("Storm hits coast – Whatever", None, None, &h1),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site_suffix("Left - right debate", None, None, &[]),
            "Left - right debate"
        );
    }
}
