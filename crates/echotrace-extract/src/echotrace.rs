//! echotrace's own extractor. See the crate documentation for the design.

use crate::dom::{flag, Dom, Tag, NONE};
use crate::metadata::page_metadata;
use crate::rules::{self, Boilerplate};

/// A block named like furniture (`widget`, `menu`, `meta`) but holding at least this much
/// non-link text is kept: page builders and themes use those words for content blocks too.
const WEAK_PROSE_CHARS: u32 = 400;

/// This many link lines in a row are a link list, whatever their tags.
const LINK_LINE_STREAK: usize = 4;
use crate::{Article, ArticleExtractor, ExtractError};

/// echotrace's default extractor: Readability-style scoring to find the article container,
/// then general boilerplate rules inside it. Build one with [`EchotraceExtractor::builder`] to
/// change its options, or use [`EchotraceExtractor::default`].
#[derive(Clone, Debug)]
pub struct EchotraceExtractor {
    keep_captions: bool,
    cut_at_terminators: bool,
}

impl Default for EchotraceExtractor {
    fn default() -> Self {
        EchotraceExtractor::builder().build()
    }
}

/// Options of [`EchotraceExtractor`].
#[derive(Clone, Debug)]
pub struct EchotraceExtractorBuilder {
    keep_captions: bool,
    cut_at_terminators: bool,
}

impl EchotraceExtractorBuilder {
    /// Keep figure captions in the body (default: dropped; news benchmarks leave them out
    /// and they are mostly photo credits).
    pub fn keep_captions(mut self, yes: bool) -> Self {
        self.keep_captions = yes;
        self
    }

    /// Stop the body at a short heading that opens a comment section or a related-content
    /// list ("Leave a Reply", "Related posts") once most of the article is behind it
    /// (default: on).
    pub fn cut_at_terminators(mut self, yes: bool) -> Self {
        self.cut_at_terminators = yes;
        self
    }

    pub fn build(self) -> EchotraceExtractor {
        EchotraceExtractor {
            keep_captions: self.keep_captions,
            cut_at_terminators: self.cut_at_terminators,
        }
    }
}

impl EchotraceExtractor {
    pub fn builder() -> EchotraceExtractorBuilder {
        EchotraceExtractorBuilder {
            keep_captions: false,
            cut_at_terminators: true,
        }
    }
}

impl ArticleExtractor for EchotraceExtractor {
    fn name(&self) -> &'static str {
        "echotrace"
    }

    fn extract(&self, html: &str, url: Option<&str>) -> Result<Article, ExtractError> {
        let dom = Dom::parse(html);
        let mut article = page_metadata(&dom, url);
        article.body = self.body(&dom, article.title.as_deref());
        if article.body.is_empty() {
            return Err(ExtractError::NoBody);
        }
        Ok(article)
    }
}

/// One paragraph-like run of inline content: the text between two block boundaries.
#[derive(Debug)]
struct Run {
    /// The nearest block element holding the run.
    host: u32,
    /// The first node of the run, to place it in the document.
    first: u32,
    /// Collapsed text; `\n` where a `<br>` broke a line.
    text: String,
    chars: u32,
    link_chars: u32,
    commas: u32,
}

impl Run {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Per-node sums over the kept part of a subtree.
#[derive(Clone, Copy, Default)]
struct Agg {
    chars: u32,
    link_chars: u32,
    commas: u32,
    paragraphs: u32,
    list_items: u32,
    list_chars: u32,
    /// Non-link characters of prose runs (long enough, few links).
    prose: u32,
}

impl Agg {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

impl EchotraceExtractor {
    /// A trace of the extractor's decisions on a page, for tuning rules by hand.
    #[doc(hidden)]
    pub fn explain(&self, html: &str, needle: Option<&str>) -> String {
        use std::fmt::Write;
        let dom = Dom::parse(html);
        let mut out = String::new();
        let root = dom.body().unwrap_or(0);
        let dropped = self.drop_boilerplate(&dom, root);
        let runs = collect_runs(&dom, root, &dropped);
        let agg = aggregate(&dom, &runs);
        let describe = |i: usize| {
            format!(
                "#{i} <{:?} {:?}> chars={} ld={:.2}",
                dom.nodes[i].tag,
                dom.class_id(i),
                agg[i].chars,
                agg[i].link_density()
            )
        };
        for i in 0..dom.nodes.len() {
            let p = dom.nodes[i].parent;
            if dropped[i] && (p == NONE || !dropped[p as usize]) && dom.nodes[i].tag != Tag::Text {
                let _ = writeln!(out, "drop {}", describe(i));
            }
        }
        if let Some(needle) = needle {
            for i in 0..dom.nodes.len() {
                if dom.node_text(i).contains(needle) {
                    let mut a = i;
                    while a != NONE as usize {
                        let _ = writeln!(out, "  anc {} dropped={}", describe(a), dropped[a]);
                        a = dom.nodes[a].parent as usize;
                    }
                }
            }
        }
        let selected = select_content(&dom, root, &runs, &agg, &dropped, Some(&mut out));
        for &s in &selected {
            let _ = writeln!(out, "select {}", describe(s));
        }
        let cleaned = clean_conditionally(&dom, &selected, &agg, &dropped);
        for i in 0..dom.nodes.len() {
            let p = dom.nodes[i].parent;
            if cleaned[i] && (p == NONE || !cleaned[p as usize]) && !dropped[i] {
                let _ = writeln!(out, "clean {}", describe(i));
            }
        }
        out
    }

    fn body(&self, dom: &Dom, title: Option<&str>) -> String {
        let n = dom.nodes.len();
        if n == 0 {
            return String::new();
        }
        let root = dom.body().unwrap_or(0);
        let dropped = self.drop_boilerplate(dom, root);
        let runs = collect_runs(dom, root, &dropped);
        if runs.is_empty() {
            return String::new();
        }
        let agg = aggregate(dom, &runs);
        let selected = select_content(dom, root, &runs, &agg, &dropped, None);
        let cleaned = clean_conditionally(dom, &selected, &agg, &dropped);
        self.emit(dom, &runs, &selected, &cleaned, title)
    }

    /// Marks the nodes that are boilerplate by what they are (navigation, asides, comment
    /// sections, hidden, share widgets…), with their subtrees.
    ///
    /// A node holding at least half of the page's non-link text is never dropped this way:
    /// wrappers such as `<div class="content has-sidebar">` or an ASP.NET `<form>` around
    /// the whole page would otherwise take the article with them.
    fn drop_boilerplate(&self, dom: &Dom, root: usize) -> Vec<bool> {
        let n = dom.nodes.len();
        // Non-link text per subtree, for the guard.
        let mut in_link = vec![false; n];
        for i in 0..n {
            let p = dom.nodes[i].parent;
            let parent_link = p != NONE && in_link[p as usize];
            in_link[i] = parent_link || dom.nodes[i].flags & flag::LINK != 0;
        }
        let mut plain = vec![0u32; n];
        for i in (0..n).rev() {
            if dom.nodes[i].tag == Tag::Text && !in_link[i] {
                plain[i] += count_chars(dom.node_text(i));
            }
            let p = dom.nodes[i].parent;
            if p != NONE {
                plain[p as usize] = plain[p as usize].saturating_add(plain[i]);
            }
        }
        // Whether a subtree holds a sign of the article body: such a subtree is a layout
        // wrapper (`content-sidebar`, `page-with-comments`), whatever its name says.
        let mut marker = vec![false; n];
        if let Some(only) = unique_body_marker(dom) {
            marker[only] = true;
        }
        for i in (0..n).rev() {
            let node = &dom.nodes[i];
            if node.tag != Tag::Text && (node.flags & flag::ROLE_MAIN != 0 || node.tag == Tag::Main)
            {
                marker[i] = true;
            }
            let p = node.parent;
            if marker[i] && p != NONE {
                marker[p as usize] = true;
            }
        }
        let total = plain[root].max(1);
        let mut dropped = vec![false; n];
        for i in 0..n {
            let node = &dom.nodes[i];
            let p = node.parent;
            if p != NONE && dropped[p as usize] {
                dropped[i] = true;
                continue;
            }
            if node.tag == Tag::Text || i == root {
                continue;
            }
            let guarded = plain[i].saturating_mul(2) >= total
                || marker[i]
                || matches!(node.tag, Tag::Html | Tag::Body);
            if guarded {
                continue;
            }
            let by_tag = match node.tag {
                Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header | Tag::Menu | Tag::Dialog => true,
                Tag::Figcaption | Tag::Caption => !self.keep_captions,
                Tag::Form | Tag::Fieldset => node.flags & flag::HAS_CONTROL != 0,
                _ => false,
            };
            let strong = by_tag
                || node.flags & (flag::HIDDEN | flag::ROLE_BOILERPLATE | flag::ITEMPROP_COMMENT)
                    != 0;
            dropped[i] = match node.boilerplate {
                _ if strong => true,
                Boilerplate::Strong => true,
                // Real prose: a few hundred characters of text outside links.
                Boilerplate::Weak => plain[i] < WEAK_PROSE_CHARS,
                Boilerplate::No => false,
            };
        }
        dropped
    }

    /// Writes the kept runs of the selected containers as paragraphs.
    fn emit(
        &self,
        dom: &Dom,
        runs: &[Run],
        selected: &[usize],
        cleaned: &[bool],
        title: Option<&str>,
    ) -> String {
        // The article's title repeated as a heading (`<h2 class="post-title">`) is not body.
        let title_key = title.map(comparable).filter(|t| !t.is_empty());
        let is_title = |r: &Run| {
            title_key.as_deref().is_some_and(|t| {
                dom.nodes[r.host as usize].tag.is_heading() && comparable(&r.text) == t
            })
        };
        let kept: Vec<&Run> = runs
            .iter()
            .filter(|run| {
                let host = run.host as usize;
                selected
                    .iter()
                    .any(|&s| host >= s && host < dom.nodes[s].end as usize)
                    && !cleaned[run.first as usize]
                    && !cleaned[host]
                    && dom.nodes[host].tag != Tag::H1
                    && !is_title(run)
            })
            .collect();
        // Lines that are mostly link text are navigation when they come in a row (related
        // stories, tags, a menu) or stand alone as a paragraph (a promo for another story
        // dropped between paragraphs). A linked heading or list item among few others is
        // content: listicles link every item they review.
        let is_link_line = |r: &Run| r.link_density() > 0.5 && r.chars < 300;
        let mut drop_link = vec![false; kept.len()];
        let mut k = 0;
        while k < kept.len() {
            if !is_link_line(kept[k]) {
                k += 1;
                continue;
            }
            let start = k;
            while k < kept.len() && is_link_line(kept[k]) {
                k += 1;
            }
            for j in start..k {
                let tag = dom.nodes[kept[j].host as usize].tag;
                let item = tag.is_heading() || tag == Tag::Li;
                drop_link[j] = k - start >= LINK_LINE_STREAK || !item;
            }
        }
        let mut paras: Vec<String> = Vec::new();
        let mut para_chars: Vec<u32> = Vec::new();
        for (run, drop) in kept.iter().zip(&drop_link) {
            if *drop {
                continue;
            }
            let text = crate::text::repair_mojibake(&run.text);
            for line in text.split('\n') {
                let line = line.trim();
                if line.is_empty() || rules::is_boilerplate_line(line) {
                    continue;
                }
                para_chars.push(count_chars(line));
                paras.push(line.to_string());
            }
        }
        if self.cut_at_terminators {
            let total: u32 = para_chars.iter().sum();
            let mut before = 0u32;
            for (k, line) in paras.iter().enumerate() {
                if before.saturating_mul(2) >= total && rules::is_terminator_line(line) {
                    paras.truncate(k);
                    break;
                }
                before += para_chars[k];
            }
        }
        paras.join("\n\n")
    }
}

/// The element that names itself the article body (`itemprop=articleBody`, or a class such
/// as `entry-content`), when exactly one does: teaser lists and embedded related articles
/// repeat these names, and then none of them can be trusted.
fn unique_body_marker(dom: &Dom) -> Option<usize> {
    let mut found = None;
    for (i, node) in dom.nodes.iter().enumerate() {
        if node.tag != Tag::Text && node.flags & (flag::ARTICLE_BODY | flag::BODY_CLASS) != 0 {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

/// Text reduced to its lowercased letters and digits, for comparing headings with titles.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Characters other than whitespace. Counts bytes that start a character, so only ASCII
/// whitespace is left out; exact enough for the densities it feeds, and it is on the hot
/// path of every text node.
fn count_chars(s: &str) -> u32 {
    s.bytes()
        .filter(|&b| (b & 0xC0) != 0x80 && !b.is_ascii_whitespace())
        .count() as u32
}

/// Splits the kept part of the page into runs, in document order.
fn collect_runs(dom: &Dom, root: usize, dropped: &[bool]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cur: Option<Run> = None;
    // Open elements as (end, is_block, is_link), innermost last.
    let mut open: Vec<(u32, bool, bool)> = Vec::new();
    let mut blocks: Vec<u32> = Vec::new();
    let mut link_depth = 0usize;
    let end = dom.nodes[root].end as usize;
    // A table cell holding only inline content is part of its row's line, so a data table
    // reads row by row ("Date | Change"); a cell holding blocks is a layout cell and breaks
    // paragraphs like any block.
    let mut layout_cell = vec![false; end.saturating_sub(root)];
    for (j, node) in dom.nodes.iter().enumerate().take(end).skip(root) {
        let p = node.parent as usize;
        if node.tag.is_block()
            && !dropped[j]
            && p >= root
            && p < end
            && matches!(dom.nodes[p].tag, Tag::Td | Tag::Th)
        {
            layout_cell[p - root] = true;
        }
    }
    let mut i = root;
    let flush = |cur: &mut Option<Run>, runs: &mut Vec<Run>| {
        if let Some(mut r) = cur.take() {
            let t = r.text.trim_end();
            r.text.truncate(t.len());
            if r.chars > 0 {
                runs.push(r);
            }
        }
    };
    while i < end {
        // Close the elements that ended before this node.
        while let Some(&(e, is_block, is_link)) = open.last() {
            if e as usize > i {
                break;
            }
            open.pop();
            if is_link {
                link_depth = link_depth.saturating_sub(1);
            }
            if is_block {
                blocks.pop();
                flush(&mut cur, &mut runs);
            }
        }
        let node = &dom.nodes[i];
        if dropped[i] {
            // A dropped inline element (a share icon in a sentence) leaves the run intact;
            // a dropped block ends it.
            if node.tag.is_block() {
                flush(&mut cur, &mut runs);
            }
            i = node.end as usize;
            continue;
        }
        match node.tag {
            Tag::Text => {
                let text = dom.node_text(i);
                if !text.trim().is_empty() || cur.is_some() {
                    let host = blocks.last().copied().unwrap_or(root as u32);
                    let r = cur.get_or_insert_with(|| Run {
                        host,
                        first: i as u32,
                        text: String::new(),
                        chars: 0,
                        link_chars: 0,
                        commas: 0,
                    });
                    append_collapsed(&mut r.text, text);
                    let c = count_chars(text);
                    r.chars += c;
                    if link_depth > 0 {
                        r.link_chars += c;
                    }
                    r.commas += text
                        .matches([',', '\u{ff0c}', '\u{3001}', '\u{60c}'])
                        .count() as u32;
                }
            }
            Tag::Br => {
                if let Some(r) = cur.as_mut() {
                    let t = r.text.trim_end().len();
                    r.text.truncate(t);
                    r.text.push('\n');
                }
            }
            tag => {
                let inline_cell = matches!(tag, Tag::Td | Tag::Th) && !layout_cell[i - root];
                let is_block = tag.is_block() && !inline_cell;
                let is_link = node.flags & flag::LINK != 0;
                if inline_cell {
                    if let Some(r) = cur.as_mut() {
                        if !r.text.trim_end().is_empty() && !r.text.ends_with('\n') {
                            let t = r.text.trim_end().len();
                            r.text.truncate(t);
                            r.text.push_str(" | ");
                        }
                    }
                } else if is_block {
                    flush(&mut cur, &mut runs);
                    blocks.push(i as u32);
                } else if tag == Tag::Img {
                    // Images are inline but separate words on screen.
                    if let Some(r) = cur.as_mut() {
                        append_collapsed(&mut r.text, " ");
                    }
                }
                if node.end as usize > i + 1 {
                    open.push((node.end, is_block, is_link));
                    if is_link {
                        link_depth += 1;
                    }
                } else if is_block {
                    blocks.pop();
                    flush(&mut cur, &mut runs);
                }
            }
        }
        i += 1;
    }
    flush(&mut cur, &mut runs);
    runs
}

/// Appends text with whitespace collapsed, joining across node boundaries with one space.
fn append_collapsed(out: &mut String, text: &str) {
    let starts_space = text.starts_with(char::is_whitespace);
    let mut first = true;
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let need_space = if first { starts_space } else { true };
        if need_space && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
    if first {
        // Whitespace-only text: a space between the words around it.
        if !text.is_empty() && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
    } else if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
}

/// A run that reads as prose: a sentence or more, not mostly link text.
fn is_prose(r: &Run) -> bool {
    r.chars >= PROSE_RUN_CHARS && r.link_chars * 10 < r.chars * 3
}

/// Characters a run needs to count as prose (about ten words; CJK text packs more in
/// fewer characters, but such runs still pass as sentences rarely run shorter).
const PROSE_RUN_CHARS: u32 = 60;

/// Sums the runs into every ancestor of their host.
fn aggregate(dom: &Dom, runs: &[Run]) -> Vec<Agg> {
    let n = dom.nodes.len();
    let mut agg = vec![Agg::default(); n];
    for r in runs {
        let a = &mut agg[r.host as usize];
        a.chars += r.chars;
        a.link_chars += r.link_chars;
        a.commas += r.commas;
        if is_prose(r) {
            a.prose += r.chars - r.link_chars;
        }
        match dom.nodes[r.host as usize].tag {
            Tag::P | Tag::Pre | Tag::Blockquote => a.paragraphs += 1,
            Tag::Li | Tag::Dd | Tag::Dt => {
                a.list_items += 1;
                a.list_chars += r.chars;
            }
            _ if r.chars >= 80 => a.paragraphs += 1,
            _ => {}
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        if p != NONE {
            let c = agg[i];
            let a = &mut agg[p as usize];
            a.chars += c.chars;
            a.link_chars += c.link_chars;
            a.commas += c.commas;
            a.paragraphs += c.paragraphs;
            a.list_items += c.list_items;
            a.list_chars += c.list_chars;
            a.prose += c.prose;
        }
    }
    agg
}

fn tag_base_score(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section | Tag::Other => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        t if t.is_heading() || t == Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// Readability's candidate scoring on runs: each run of 25+ characters scores
/// `1 + commas + min(chars/100, 3)` for its host, half that for the host's parent, and a
/// third of the level for further ancestors; a candidate's score is then scaled by
/// `1 - link density`. The best candidate, moved up to a shared ancestor when several
/// strong candidates sit under one, plus the siblings that score close to it, is the
/// content.
fn select_content(
    dom: &Dom,
    root: usize,
    runs: &[Run],
    agg: &[Agg],
    dropped: &[bool],
    mut trace: Option<&mut String>,
) -> Vec<usize> {
    let n = dom.nodes.len();
    let mut has_block_child = vec![false; n];
    for (node, &gone) in dom.nodes.iter().zip(dropped) {
        if node.tag.is_block() && !gone && node.parent != NONE {
            has_block_child[node.parent as usize] = true;
        }
    }
    let mut score = vec![f32::NAN; n];
    let init = |score: &mut Vec<f32>, i: usize| {
        if score[i].is_nan() {
            let node = &dom.nodes[i];
            let mut s = tag_base_score(node.tag) + f32::from(node.weight);
            if node.flags & (flag::ARTICLE_BODY | flag::BODY_CLASS) != 0 {
                s += 25.0;
            }
            score[i] = s;
        }
    };
    for r in runs {
        if r.chars < 25 {
            continue;
        }
        let host = r.host as usize;
        if dom.nodes[host].tag.is_heading() {
            continue;
        }
        let s = 1.0 + r.commas.min(50) as f32 + (r.chars as f32 / 100.0).min(3.0);
        // A paragraph scores for its container, as in Readability; a block that mixes
        // loose text with child blocks is itself the container of that text.
        let mut node = host;
        if !has_block_child[host] && host != root {
            let p = dom.nodes[host].parent;
            if p != NONE {
                node = p as usize;
            }
        }
        for level in 0..5 {
            init(&mut score, node);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[node] += s / div;
            if node == root {
                break;
            }
            let p = dom.nodes[node].parent;
            if p == NONE {
                break;
            }
            node = p as usize;
        }
    }
    let final_score = |i: usize| -> f32 {
        if score[i].is_nan() {
            f32::NAN
        } else {
            score[i] * (1.0 - agg[i].link_density())
        }
    };
    let mut cands: Vec<(f32, usize)> = (0..n)
        .filter(|&i| !score[i].is_nan() && !dropped[i] && dom.nodes[i].tag != Tag::Text)
        .map(|i| (final_score(i), i))
        .collect();
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    if let Some(t) = trace.as_deref_mut() {
        for &(sc, i) in cands.iter().take(8) {
            t.push_str(&format!(
                "cand #{i} {:?} {:?} final={sc:.1} raw={:.1} chars={} ld={:.2}\n",
                dom.nodes[i].tag,
                dom.class_id(i),
                score[i],
                agg[i].chars,
                agg[i].link_density()
            ));
        }
    }
    let Some(&(top_score, mut top)) = cands.first() else {
        return vec![root];
    };

    // When several strong candidates share an ancestor, that ancestor is the article (its
    // text is split over sibling blocks); Readability's "alternative candidates" step.
    let strong: Vec<usize> = cands
        .iter()
        .skip(1)
        .take(4)
        .filter(|(s, _)| *s >= top_score * 0.75)
        .map(|&(_, i)| i)
        .collect();
    if strong.len() >= 2 {
        let mut anc = dom.nodes[top].parent;
        while anc != NONE && anc as usize >= root {
            let a = anc as usize;
            let inside = strong
                .iter()
                .filter(|&&c| c > a && c < dom.nodes[a].end as usize)
                .count();
            if inside >= 2 {
                top = a;
                break;
            }
            if a == root {
                break;
            }
            anc = dom.nodes[a].parent;
        }
    }
    // Class names can lift a short block (an intro box named `…content`) over the article.
    // Among the candidates scoring at least half as well, one holding several times more
    // prose, and not merely wrapping the top one, is the better choice.
    let prose = |i: usize| agg[i].chars.saturating_sub(agg[i].link_chars);
    let contains = |a: usize, b: usize| b >= a && b < dom.nodes[a].end as usize;
    if let Some(&(s, i)) = cands
        .iter()
        .skip(1)
        .filter(|&&(s, i)| {
            s >= top_score * 0.5
                && !contains(i, top)
                && !contains(top, i)
                && prose(i) >= prose(top).saturating_mul(3)
        })
        .max_by_key(|&&(_, i)| prose(i))
    {
        if s >= final_score(top) * 0.5 {
            top = i;
        }
    }
    // Articles on landing-page templates are split over many sibling sections, so the
    // best-scoring block is only one of them. Along the chain of ancestors, take the one
    // that maximises prose minus twice the other text it holds (link lists, labels, short
    // lines), if it beats the top candidate clearly.
    let net = |i: usize| agg[i].prose as f32 - 2.0 * (agg[i].chars - agg[i].prose) as f32;
    let mut best = top;
    let mut a = top;
    while a != root {
        let p = dom.nodes[a].parent;
        if p == NONE {
            break;
        }
        a = p as usize;
        if net(a) > net(best) {
            best = a;
        }
    }
    if best != top && net(best) > 2.0 * net(top).max(0.0) {
        top = best;
    }
    // Climb while the parent is no worse: a candidate that is one of several wrappers of
    // the same text gains nothing by staying narrow.
    while top != root {
        let p = dom.nodes[top].parent;
        if p == NONE {
            break;
        }
        let p = p as usize;
        if agg[p].chars == agg[top].chars {
            top = p;
        } else {
            break;
        }
    }
    // A page that names its article body once is believed, when the best candidate lies
    // inside it: the body then also holds the lede and the paragraphs between embeds.
    if let Some(m) = unique_body_marker(dom) {
        if !dropped[m] && contains(m, top) && m != top && agg[m].link_density() < 0.5 {
            top = m;
        }
    }
    if let Some(t) = trace {
        t.push_str(&format!("top #{top}\n"));
    }
    let top_final = final_score(top).max(top_score);
    let mut selected = Vec::new();
    let parent = dom.nodes[top].parent;
    if parent == NONE || top == root {
        return vec![top];
    }
    let threshold = (top_final * 0.2).max(10.0);
    let top_class = dom.class_id(top);
    let mut c = parent as usize + 1;
    let pend = dom.nodes[parent as usize].end as usize;
    while c < pend {
        let next = dom.nodes[c].end as usize;
        if c == top {
            selected.push(c);
        } else if !dropped[c] && dom.nodes[c].tag != Tag::Text && agg[c].chars > 0 {
            let mut bonus = 0.0;
            if !top_class.is_empty() && dom.class_id(c) == top_class {
                bonus = top_final * 0.2;
            }
            let s = final_score(c);
            let append = if !s.is_nan() && s + bonus >= threshold {
                true
            } else if dom.nodes[c].tag == Tag::P {
                let ld = agg[c].link_density();
                let len = agg[c].chars;
                (len > 80 && ld < 0.25)
                    || (len > 0 && len <= 80 && ld == 0.0 && ends_sentence(dom, runs, c))
            } else {
                false
            };
            if append {
                selected.push(c);
            }
        }
        c = next;
    }
    selected
}

/// Whether the last run inside node `i` ends like a sentence.
fn ends_sentence(dom: &Dom, runs: &[Run], i: usize) -> bool {
    let end = dom.nodes[i].end;
    runs.iter()
        .rev()
        .find(|r| r.host as usize >= i && r.host < end)
        .is_some_and(|r| {
            r.text
                .trim_end()
                .ends_with(['.', '!', '?', '。', '…', '"', '”'])
        })
}

/// Readability's conditional cleaning, inside the selected content: containers that look
/// like link lists, widgets or forms rather than prose are dropped unless they hold prose
/// (ten commas or more).
fn clean_conditionally(dom: &Dom, selected: &[usize], agg: &[Agg], dropped: &[bool]) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut cleaned = vec![false; n];
    for &s in selected {
        let end = dom.nodes[s].end as usize;
        let whole = agg[s].chars;
        for i in s + 1..end {
            let node = &dom.nodes[i];
            let p = node.parent as usize;
            if cleaned[p] || dropped[i] {
                cleaned[i] = cleaned[p];
                continue;
            }
            if !matches!(
                node.tag,
                Tag::Div
                    | Tag::Section
                    | Tag::Ul
                    | Tag::Ol
                    | Tag::Dl
                    | Tag::Table
                    | Tag::Form
                    | Tag::Aside
                    | Tag::Other
                    | Tag::Header
                    | Tag::Figure
            ) {
                continue;
            }
            let a = agg[i];
            if a.chars == 0 || a.commas >= 10 {
                continue;
            }
            let weight = i32::from(node.weight);
            let ld = a.link_density();
            let is_list = matches!(node.tag, Tag::Ul | Tag::Ol | Tag::Dl)
                || a.list_chars as f32 > 0.9 * a.chars as f32;
            // A block holding most of the selection is the article's own wrapper; only
            // a clear link farm is dropped at that size.
            let major = a.chars.saturating_mul(2) > whole;
            let bad = (weight < 0 && !major)
                || (!is_list && weight < 25 && ld > 0.2 && !major)
                || ld > 0.5
                || (!is_list && a.list_items > a.paragraphs + 1 && a.list_items > 3 && ld > 0.2);
            let _ = dropped;
            cleaned[i] = bad;
        }
    }
    cleaned
}
