//! A compact, read-only copy of the parsed page that the extractor works on.
//!
//! html5ever does the parsing (into [`crate::sink`]), so malformed markup is repaired the way a
//! browser repairs it. The result is then flattened once into [`Dom`]: nodes in document order
//! (preorder), each knowing where its subtree ends. That makes every later pass a plain loop
//! over a slice — no recursion, so no stack overflow on pathologically deep pages — and lets
//! per-subtree sums be computed in one backward sweep.
//!
//! Only what the extractor needs is kept: tag, the lowercased `class`/`id` string, a few
//! attribute-derived flags, and text. Subtrees that can never hold article text (`script`,
//! `style`, `svg`, form controls, …) are not copied at all; the metadata that lives in them
//! (JSON-LD) and in `<head>` is collected on the way.

use crate::rules::{self, Boilerplate};
use crate::sink::{self, Kind, Sink, NIL};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{local_name, Attribute, LocalName, ParseOpts};
use std::borrow::Cow;
use std::collections::HashMap;

pub(crate) const NONE: u32 = u32::MAX;

/// Tags the extractor treats specially; anything else is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Text,
    A,
    Address,
    Article,
    Aside,
    Blockquote,
    Body,
    Br,
    Caption,
    Center,
    Dd,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Fieldset,
    Figcaption,
    Figure,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Header,
    Hr,
    Html,
    Img,
    Label,
    Legend,
    Li,
    Main,
    Menu,
    Nav,
    Ol,
    P,
    Pre,
    Section,
    Summary,
    Table,
    Tbody,
    Td,
    Tfoot,
    Th,
    Thead,
    Time,
    Tr,
    Ul,
    /// An element we know nothing about (custom elements included); transparent for layout.
    Other,
}

impl Tag {
    fn from_name(name: &LocalName) -> Tag {
        // Interned names compare by pointer: far cheaper than string matching per element.
        match *name {
            local_name!("a") => Tag::A,
            local_name!("address") => Tag::Address,
            local_name!("article") => Tag::Article,
            local_name!("aside") => Tag::Aside,
            local_name!("blockquote") => Tag::Blockquote,
            local_name!("body") => Tag::Body,
            local_name!("br") => Tag::Br,
            local_name!("caption") => Tag::Caption,
            local_name!("center") => Tag::Center,
            local_name!("dd") => Tag::Dd,
            local_name!("details") => Tag::Details,
            local_name!("dialog") => Tag::Dialog,
            local_name!("div") => Tag::Div,
            local_name!("dl") => Tag::Dl,
            local_name!("dt") => Tag::Dt,
            local_name!("fieldset") => Tag::Fieldset,
            local_name!("figcaption") => Tag::Figcaption,
            local_name!("figure") => Tag::Figure,
            local_name!("footer") => Tag::Footer,
            local_name!("form") => Tag::Form,
            local_name!("h1") => Tag::H1,
            local_name!("h2") => Tag::H2,
            local_name!("h3") => Tag::H3,
            local_name!("h4") => Tag::H4,
            local_name!("h5") => Tag::H5,
            local_name!("h6") => Tag::H6,
            local_name!("header") => Tag::Header,
            local_name!("hr") => Tag::Hr,
            local_name!("html") => Tag::Html,
            local_name!("img") => Tag::Img,
            local_name!("label") => Tag::Label,
            local_name!("legend") => Tag::Legend,
            local_name!("li") => Tag::Li,
            local_name!("main") => Tag::Main,
            local_name!("menu") => Tag::Menu,
            local_name!("nav") => Tag::Nav,
            local_name!("ol") => Tag::Ol,
            local_name!("p") => Tag::P,
            local_name!("pre") => Tag::Pre,
            local_name!("section") => Tag::Section,
            local_name!("summary") => Tag::Summary,
            local_name!("table") => Tag::Table,
            local_name!("tbody") => Tag::Tbody,
            local_name!("td") => Tag::Td,
            local_name!("tfoot") => Tag::Tfoot,
            local_name!("th") => Tag::Th,
            local_name!("thead") => Tag::Thead,
            local_name!("time") => Tag::Time,
            local_name!("tr") => Tag::Tr,
            local_name!("ul") => Tag::Ul,
            _ => Tag::Other,
        }
    }

    /// Elements whose start and end break a paragraph.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::A | Tag::Img | Tag::Label | Tag::Time | Tag::Other | Tag::Br
        )
    }

    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }
}

/// Tags whose whole subtree is never article text.
fn is_skipped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("picture")
            | local_name!("source")
            | local_name!("map")
            | local_name!("select")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("datalist")
            | local_name!("textarea")
            | local_name!("input")
            | local_name!("button")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("base")
            | local_name!("title")
            | local_name!("head")
            | local_name!("frameset")
            | local_name!("frame")
            | local_name!("slot")
            | local_name!("dialog")
    )
}

pub(crate) mod flag {
    /// `hidden`, `aria-hidden=true` or an inline `display:none` / `visibility:hidden`.
    pub const HIDDEN: u16 = 1;
    /// `itemprop="articleBody"` (schema.org), the strongest sign of the body container.
    pub const ARTICLE_BODY: u16 = 1 << 1;
    /// A link with an `href` (anchors used as plain targets are not links to the reader).
    pub const LINK: u16 = 1 << 2;
    /// `role` says navigation, banner, contentinfo, complementary, search, dialog or menu.
    pub const ROLE_BOILERPLATE: u16 = 1 << 3;
    /// `role="main"` or `role="article"`.
    pub const ROLE_MAIN: u16 = 1 << 4;
    /// Holds a form control (input, button, select, textarea) somewhere below.
    pub const HAS_CONTROL: u16 = 1 << 5;
    /// `itemprop` names a comment or review, which is never the article itself.
    pub const ITEMPROP_COMMENT: u16 = 1 << 6;
    /// The class names the article body container (`entry-content`, `article-body`, …).
    pub const BODY_CLASS: u16 = 1 << 7;
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub tag: Tag,
    pub parent: u32,
    /// One past the last node of this node's subtree.
    pub end: u32,
    pub flags: u16,
    /// What the `class`/`id` says: boilerplate or not, and Readability's class weight.
    pub boilerplate: Boilerplate,
    pub weight: i8,
    /// Text nodes: the byte range in [`Dom::text`]. Elements: the lowercased `class` and `id`
    /// joined by a space, as a range in [`Dom::attrs`].
    pub start_off: u32,
    pub end_off: u32,
}

/// What `<head>`, JSON-LD and a few body elements say about the page.
#[derive(Clone, Debug, Default)]
pub(crate) struct RawMeta {
    /// `(key, content)` of every `<meta>` with a `property`, `name` or `itemprop`; keys
    /// lowercased.
    pub metas: Vec<(String, String)>,
    pub title: Option<String>,
    pub canonical: Option<String>,
    pub html_lang: Option<String>,
    pub json_ld: Vec<String>,
    /// `datetime` of `<time>` elements, in document order, with whether the element sits in
    /// something that looks like the article header (`pubdate`, `itemprop=datePublished`, a
    /// class naming a date).
    pub times: Vec<(String, bool)>,
    /// Texts of the `<h1>` elements, in order.
    pub h1s: Vec<String>,
}

pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub text: String,
    pub attrs: String,
    pub meta: RawMeta,
    class_cache: HashMap<String, (Boilerplate, i8, bool)>,
}

/// Pages with more elements than this are cut: the tail of a page past a million nodes is
/// not an article, and the cap bounds time and memory on hostile input.
const MAX_NODES: usize = 1 << 20;

impl Dom {
    pub fn parse(html: &str) -> Dom {
        let prepared = prepare_html(html);
        let opts = ParseOpts {
            tree_builder: TreeBuilderOpts {
                // As a reader without scripts sees the page: `<noscript>` content is markup.
                scripting_enabled: false,
                ..TreeBuilderOpts::default()
            },
            ..ParseOpts::default()
        };
        let sink =
            html5ever::parse_document(Sink::new(prepared.len()), opts).one(prepared.as_ref());
        Dom::from_sink(&sink.into_nodes())
    }

    fn from_sink(src: &[sink::Node]) -> Dom {
        let mut dom = Dom {
            nodes: Vec::with_capacity(src.len()),
            text: String::with_capacity(64 * 1024),
            attrs: String::with_capacity(32 * 1024),
            meta: RawMeta::default(),
            class_cache: HashMap::new(),
        };
        // Explicit stack: entering a copied node pushes a marker to fix its `end` once its
        // last descendant is copied, then its children in reverse.
        enum Step {
            Enter(u32, u32),
            Leave(u32),
        }
        let mut stack: Vec<Step> = Vec::with_capacity(256);
        let push_children = |stack: &mut Vec<Step>, of: u32, parent: u32| {
            let mut c = src.get(of as usize).map_or(NIL, |n| n.last);
            while c != NIL {
                stack.push(Step::Enter(c, parent));
                c = src[c as usize].prev;
            }
        };
        push_children(&mut stack, 0, NONE);
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(idx) => {
                    let end = dom.nodes.len() as u32;
                    if let Some(n) = dom.nodes.get_mut(idx as usize) {
                        n.end = end;
                    }
                }
                Step::Enter(node, parent) => {
                    if dom.nodes.len() >= MAX_NODES {
                        continue;
                    }
                    if let Some(idx) = dom.copy_node(src, node, parent) {
                        stack.push(Step::Leave(idx));
                        push_children(&mut stack, node, idx);
                    }
                }
            }
        }
        // Propagate HAS_CONTROL upwards now that the tree is complete.
        for i in (0..dom.nodes.len()).rev() {
            let (p, f) = (dom.nodes[i].parent, dom.nodes[i].flags);
            if f & flag::HAS_CONTROL != 0 && p != NONE {
                dom.nodes[p as usize].flags |= flag::HAS_CONTROL;
            }
        }
        dom
    }

    /// Copies one node; returns its index when its children should be visited too.
    fn copy_node(&mut self, src: &[sink::Node], node: u32, parent: u32) -> Option<u32> {
        let idx = self.nodes.len() as u32;
        match &src.get(node as usize)?.kind {
            Kind::Text(contents) => {
                if parent == NONE {
                    return None;
                }
                let s: &str = contents;
                let start = self.text.len() as u32;
                self.text.push_str(s);
                self.nodes.push(Node {
                    tag: Tag::Text,
                    parent,
                    end: idx + 1,
                    flags: 0,
                    boilerplate: Boilerplate::No,
                    weight: 0,
                    start_off: start,
                    end_off: self.text.len() as u32,
                });
                None
            }
            Kind::Element { name, attrs, .. } => {
                if is_skipped(&name.local) {
                    self.note_skipped(&name.local, attrs, src, node, parent);
                    return None;
                }
                let tag = Tag::from_name(&name.local);
                let mut flags = 0u16;
                let start = self.attrs.len() as u32;
                let mut has_href = false;
                let mut date_published = false;
                for a in attrs {
                    let val: &str = &a.value;
                    match a.name.local {
                        local_name!("class") | local_name!("id") => {
                            if self.attrs.len() > start as usize {
                                self.attrs.push(' ');
                            }
                            self.attrs
                                .extend(val.chars().map(|c| c.to_ascii_lowercase()));
                        }
                        // React streaming SSR parks finished content in `<div hidden
                        // id="S:…">` until a script moves it into place: it is the page.
                        local_name!("hidden") if !is_react_segment(attrs) => flags |= flag::HIDDEN,
                        local_name!("aria-hidden") if val.eq_ignore_ascii_case("true") => {
                            flags |= flag::HIDDEN
                        }
                        local_name!("style") if is_hidden_style(val) => flags |= flag::HIDDEN,
                        local_name!("href") => has_href = true,
                        local_name!("role") => {
                            let r = val.trim().to_ascii_lowercase();
                            match r.as_str() {
                                "navigation" | "banner" | "contentinfo" | "complementary"
                                | "search" | "dialog" | "alertdialog" | "menu" | "menubar"
                                | "toolbar" | "tablist" => flags |= flag::ROLE_BOILERPLATE,
                                "main" | "article" => flags |= flag::ROLE_MAIN,
                                _ => {}
                            }
                        }
                        local_name!("itemprop") => {
                            let v = val.to_ascii_lowercase();
                            if v.split_ascii_whitespace().any(|t| t == "articlebody") {
                                flags |= flag::ARTICLE_BODY;
                            } else if v.contains("comment") || v.contains("review") {
                                flags |= flag::ITEMPROP_COMMENT;
                            } else if v.split_ascii_whitespace().any(|t| t == "datepublished") {
                                date_published = true;
                            }
                        }
                        _ => {}
                    }
                }
                if tag == Tag::A && has_href {
                    flags |= flag::LINK;
                }
                // The page's own `<html>` and `<body>` are never hidden to the reader even
                // when a script-driven fade-in hides them until load.
                if matches!(tag, Tag::Html | Tag::Body) {
                    flags &= !flag::HIDDEN;
                }
                if tag == Tag::Html {
                    if let Some(lang) = attr(attrs, "lang") {
                        self.meta.html_lang = Some(lang);
                    }
                }
                if date_published && tag != Tag::Time {
                    // Microdata on a span or abbr: the machine-readable value is in an
                    // attribute, else the text is the date.
                    let value = ["datetime", "content", "title"]
                        .iter()
                        .find_map(|k| attr(attrs, k))
                        .unwrap_or_else(|| collapse(&text_of(src, node)));
                    self.meta.times.push((value, true));
                }
                if tag == Tag::Time {
                    if let Some(dt) = attr(attrs, "datetime") {
                        let strong = attrs.iter().any(|a| {
                            let k: &str = &a.name.local;
                            let v: &str = &a.value;
                            k == "pubdate"
                                || (k == "itemprop" && v.eq_ignore_ascii_case("datepublished"))
                                || (k == "class" && (v.contains("publish") || v.contains("posted")))
                        });
                        self.meta.times.push((dt, strong));
                    }
                }
                // Class rules are decided once per element here, not in every pass.
                // Pages repeat the same class strings hundreds of times; classify each once.
                let (boilerplate, weight, body_class) = match self.attrs.get(start as usize..) {
                    Some(class_id) if !class_id.is_empty() => {
                        if let Some(&c) = self.class_cache.get(class_id) {
                            c
                        } else {
                            let c = (
                                rules::boilerplate_class(class_id),
                                rules::class_weight(class_id) as i8,
                                rules::is_body_class(class_id),
                            );
                            self.class_cache.insert(class_id.to_string(), c);
                            c
                        }
                    }
                    _ => (Boilerplate::No, 0, false),
                };
                if body_class {
                    flags |= flag::BODY_CLASS;
                }
                self.nodes.push(Node {
                    tag,
                    parent,
                    end: idx + 1,
                    flags,
                    boilerplate,
                    weight,
                    start_off: start,
                    end_off: self.attrs.len() as u32,
                });
                if tag == Tag::H1 {
                    self.meta.h1s.push(collapse(&text_of(src, node)));
                }
                Some(idx)
            }
            Kind::Document | Kind::Other => None,
        }
    }

    /// Collects what skipped elements tell about the page.
    fn note_skipped(
        &mut self,
        name: &LocalName,
        attrs: &[Attribute],
        src: &[sink::Node],
        node: u32,
        parent: u32,
    ) {
        match *name {
            local_name!("meta") => {
                let key = ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .find_map(|k| attr(attrs, k));
                if let (Some(k), Some(v)) = (key, attr(attrs, "content")) {
                    if self.meta.metas.len() < 512 {
                        self.meta.metas.push((k.to_ascii_lowercase(), v));
                    }
                }
            }
            local_name!("link") => {
                let rel = attr(attrs, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical")
                    && self.meta.canonical.is_none()
                {
                    self.meta.canonical = attr(attrs, "href");
                }
            }
            local_name!("title") if self.meta.title.is_none() => {
                let t = collapse(&text_of(src, node));
                if !t.is_empty() {
                    self.meta.title = Some(t);
                }
            }
            local_name!("script") => {
                let ty = attr(attrs, "type").unwrap_or_default().to_ascii_lowercase();
                if ty.contains("ld+json") && self.meta.json_ld.len() < 32 {
                    self.meta.json_ld.push(text_of(src, node));
                }
            }
            local_name!("head") => {
                // `<head>` is skipped as content but its children carry the metadata.
                let mut c = src[node as usize].first;
                while c != NIL {
                    if let Kind::Element { name, attrs, .. } = &src[c as usize].kind {
                        self.note_skipped(&name.local, attrs, src, c, parent);
                    }
                    c = src[c as usize].next;
                }
            }
            local_name!("input")
            | local_name!("button")
            | local_name!("select")
            | local_name!("textarea")
                if parent != NONE =>
            {
                if let Some(p) = self.nodes.get_mut(parent as usize) {
                    p.flags |= flag::HAS_CONTROL;
                }
            }
            _ => {}
        }
    }

    pub fn node_text(&self, i: usize) -> &str {
        let n = &self.nodes[i];
        if n.tag == Tag::Text {
            self.text
                .get(n.start_off as usize..n.end_off as usize)
                .unwrap_or("")
        } else {
            ""
        }
    }

    /// The lowercased `class` and `id` of an element, space-joined.
    pub fn class_id(&self, i: usize) -> &str {
        let n = &self.nodes[i];
        if n.tag == Tag::Text {
            ""
        } else {
            self.attrs
                .get(n.start_off as usize..n.end_off as usize)
                .unwrap_or("")
        }
    }

    pub fn body(&self) -> Option<usize> {
        self.nodes.iter().position(|n| n.tag == Tag::Body)
    }
}

/// Open elements deeper than this are cut off, with the rest of the page.
///
/// html5ever checks element scopes by walking the stack of open elements, so a page of
/// 100 000 nested `<div>`s takes it a minute to parse. Browsers cap tree depth for the same
/// reason (Blink at 512); no article nests anywhere near this deep.
const MAX_NESTING: usize = 4096;

/// The page as the parser should see it: without the parts that can never hold article text
/// and cost the tokenizer most of its time (scripts other than JSON-LD, styles, comments,
/// inline SVG), and cut where its tags nest deeper than [`MAX_NESTING`].
///
/// The scan follows the tokenizer where it matters: tags end at the first `>` outside a
/// quoted attribute value, and raw-text elements (`script`, `style`, `textarea`, `title`)
/// end at their own end tag. The depth is estimated from the tags alone: elements that close
/// themselves (`<p>`, `<li>`, void elements) are not counted, so ordinary sloppy markup
/// never comes near the limit.
fn prepare_html(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let cut = |from: usize, to: usize, out: &mut String, copied: &mut usize| {
        if from > *copied {
            out.push_str(html.get(*copied..from).unwrap_or(""));
        }
        *copied = (*copied).max(to);
    };
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = bytes.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            let end = find_from(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            cut(at, end, &mut out, &mut copied);
            i = end;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = at + 1;
            continue;
        }
        // Tag names that matter are short; lowercase them into a stack buffer rather than
        // allocate per tag.
        let mut buf = [0u8; 10];
        let name = if name_len <= buf.len() {
            for (d, s) in buf
                .iter_mut()
                .zip(&bytes[name_start..name_start + name_len])
            {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..name_len]).unwrap_or("")
        } else {
            ""
        };
        let tag_end = tag_end(bytes, name_start + name_len);
        i = tag_end;
        if closing {
            if !self_closing_kind(name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        match name {
            "script" | "style" => {
                let close = if name == "script" {
                    &b"</script"[..]
                } else {
                    &b"</style"[..]
                };
                let end = find_from_ci(bytes, tag_end, close)
                    .map_or(bytes.len(), |c| tag_end_after(bytes, c + close.len()));
                let keep = name == "script" && {
                    let open = &bytes[at..tag_end];
                    open.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
                };
                if !keep {
                    cut(at, end, &mut out, &mut copied);
                }
                i = end;
                continue;
            }
            "svg" => {
                let end = matching_close(bytes, tag_end, b"<svg", b"</svg");
                cut(at, end, &mut out, &mut copied);
                i = end;
                continue;
            }
            "textarea" | "title" | "xmp" => {
                let close = format!("</{name}");
                i = find_from_ci(bytes, tag_end, close.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
            _ => {}
        }
        let self_closed = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        if !self_closing_kind(name) && !self_closed {
            depth += 1;
            if depth > MAX_NESTING {
                cut(at, bytes.len(), &mut out, &mut copied);
                return Cow::Owned(out);
            }
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    cut(bytes.len(), bytes.len(), &mut out, &mut copied);
    Cow::Owned(out)
}

/// Where a tag whose name ends at `from` ends: after the first `>` that is not inside a
/// quoted attribute value.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return k + 1,
                b'"' | b'\'' if after_eq => quote = Some(b),
                b'=' => after_eq = true,
                b if b.is_ascii_whitespace() => {}
                _ => after_eq = false,
            },
        }
    }
    bytes.len()
}

/// The end of the end tag whose name ends at `from` (`</script` + `>`).
fn tag_end_after(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|r| memchr::memchr(b'>', r))
        .map_or(bytes.len(), |p| from + p + 1)
}

/// The end of the element opened before `from`, counting nested elements of the same name.
fn matching_close(bytes: &[u8], from: usize, open: &[u8], close: &[u8]) -> usize {
    let mut depth = 1usize;
    let mut i = from;
    while let Some(c) = find_from_ci(bytes, i, close) {
        // Count openings between here and that close.
        let mut j = i;
        while let Some(o) = find_from_ci(bytes, j, open).filter(|&o| o < c) {
            depth += 1;
            j = o + open.len();
        }
        depth -= 1;
        i = tag_end_after(bytes, c + close.len());
        if depth == 0 {
            return i;
        }
    }
    bytes.len()
}

/// Elements that never stay open around their successors: void elements and those whose
/// end tag may be left out.
fn self_closing_kind(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "rp"
            | "rt"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "caption"
            | "html"
            | "head"
            | "body"
    )
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// Case-insensitive search for a needle that starts with a fixed byte (`<`), jumping from
/// one occurrence of that byte to the next.
fn find_from_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while let Some(off) = memchr::memchr(first, hay.get(i..)?) {
        let at = i + off;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The text of a node's subtree, in document order (iterative: subtrees can be deep).
fn text_of(src: &[sink::Node], node: u32) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        let Some(nd) = src.get(n as usize) else {
            continue;
        };
        if let Kind::Text(t) = &nd.kind {
            out.push_str(t);
        }
        let mut c = nd.last;
        while c != NIL {
            stack.push(c);
            c = src[c as usize].prev;
        }
    }
    out
}

fn attr(attrs: &[Attribute], name: &str) -> Option<String> {
    attrs.iter().find_map(|a| {
        let k: &str = &a.name.local;
        (k == name).then(|| {
            let v: &str = &a.value;
            v.trim().to_string()
        })
    })
}

fn is_react_segment(attrs: &[Attribute]) -> bool {
    attr(attrs, "id").is_some_and(|id| id.starts_with("S:"))
}

fn collapse(s: &str) -> String {
    crate::text::collapse_whitespace(s)
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_limit_cuts_only_pathological_pages() {
        let normal = "<div><p>a<p>b<ul><li>c<li>d</ul></div>";
        assert_eq!(prepare_html(normal), normal);
        let deep = "<div>".repeat(MAX_NESTING + 10);
        assert_eq!(prepare_html(&deep).len(), MAX_NESTING * 5);
        let paras = "<p>x".repeat(100_000);
        assert_eq!(prepare_html(&paras).len(), paras.len());
    }

    #[test]
    fn raw_text_is_stripped_except_json_ld() {
        let page = concat!(
            "<head><script>if (a<b) { x = '</div>'; }</script>",
            "<script type=\"application/ld+json\">{\"a\": 1}</script>",
            "<style>p > a { color: red }</STYLE>",
            "<title>T <b></title></head>",
            "<body><!-- <p>hidden</p> --><p data-x=\"<script>\">one</p>",
            "<svg><svg><path d=\"M0\"/></svg><text>x</text></svg><p>two</p></body>"
        );
        assert_eq!(
            prepare_html(page),
            concat!(
                "<head><script type=\"application/ld+json\">{\"a\": 1}</script>",
                "<title>T <b></title></head>",
                "<body><p data-x=\"<script>\">one</p><p>two</p></body>"
            )
        );
        // Unterminated constructs run to the end, as in the tokenizer.
        assert_eq!(prepare_html("<p>a</p><script>never closed"), "<p>a</p>");
        assert_eq!(prepare_html("<p>a</p><!-- open"), "<p>a</p>");
    }
}
