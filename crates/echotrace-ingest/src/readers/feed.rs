//! RSS 2.0 / RSS 1.0 / Atom feeds: one document per entry.
//!
//! A streaming reader on `quick-xml` rather than `feed-rs` (3.0), which was evaluated: it
//! parses dates into `DateTime<Utc>`, so a feed's bare `2022-01-10` becomes midnight and the
//! precision echotrace orders copies by is lost; it builds the whole feed in memory before the
//! first entry can be sent; it needs `quick-xml` 0.42, whose MSRV (1.86) is above the
//! workspace's; and it brings `uuid`, `mediatype`, `url` and `regex` for features we do not
//! use. Here each entry is sent as soon as its end tag is read, dates are kept as the strings
//! the feed gave and read by [`Published::parse`] with their precision, and an XML error
//! after entry 40 still lands entries 1–39.

use crate::htmltext::{html_to_text, plain_paragraphs};
use crate::reader::{emit, sniff_head, DocumentReader, Draft, Emit, Item, Location, ReadContext};
use crate::ReadError;
use echotrace_core::Published;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{self, BufRead, Read};

#[derive(Clone, Copy, Debug, Default)]
pub struct FeedReader;

impl DocumentReader for FeedReader {
    fn name(&self) -> &'static str {
        "feed"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["rss", "atom", "xml", "rdf"]
    }

    fn sniff(&self, head: &[u8]) -> u8 {
        let head = sniff_head(head);
        let lower: Vec<u8> = head.iter().take(4096).map(u8::to_ascii_lowercase).collect();
        let pos = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
        let feed = [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
            .iter()
            .filter_map(|n| pos(n))
            .min();
        match (feed, pos(b"<html")) {
            (Some(f), Some(h)) if h < f => 0,
            (Some(_), _) => 90,
            _ => 0,
        }
    }

    fn read(
        &self,
        input: &mut dyn BufRead,
        cx: &ReadContext<'_>,
        emit: &mut Emit<'_>,
    ) -> Result<(), ReadError> {
        let limited = io::BufReader::new(RunLimit {
            inner: input,
            run: 0,
            limit: cx.max_record_bytes,
        });
        let mut xml = Reader::from_reader(limited);
        let config = xml.config_mut();
        // Feeds in the wild close tags sloppily; an entry's text matters more than its syntax.
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
        let mut st = State::default();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = match xml.read_event_into(&mut buf) {
                Ok(e) => e,
                Err(e) => {
                    let location =
                        Some(Location::Entry(st.entries + u64::from(st.entry.is_none())));
                    let detail = match &e {
                        quick_xml::Error::Io(io) => {
                            return Err(ReadError::io(
                                location,
                                io::Error::new(io.kind(), io.to_string()),
                            ))
                        }
                        other => format!("XML error: {other}"),
                    };
                    return Err(ReadError::Malformed { location, detail });
                }
            };
            match event {
                Event::Eof => break,
                Event::Start(e) => st.start(&e, false, cx.max_record_bytes)?,
                Event::Empty(e) => st.start(&e, true, cx.max_record_bytes)?,
                Event::End(e) => {
                    let name = lower(e.local_name().as_ref());
                    if let Some(item) = st.end(&name) {
                        emit!(emit, item);
                    }
                }
                Event::Text(t) => {
                    let s = t
                        .xml10_content()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into());
                    st.text(&s, false);
                }
                Event::CData(t) => {
                    let s = t
                        .decode()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into());
                    st.text(&s, true);
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let name = String::from_utf8_lossy(&r);
                            html_escape::decode_html_entities(&format!("&{name};")).into_owned()
                        }
                    };
                    st.text(&resolved, true);
                }
                _ => {}
            }
        }
        if st.root.is_none() {
            return Err(ReadError::Unrecognized {
                detail: "not an RSS or Atom feed: no root element".into(),
            });
        }
        if st.entry.is_some() {
            return Err(ReadError::Truncated {
                location: Some(Location::Entry(st.entries)),
                detail: "the feed ends inside this entry".into(),
            });
        }
        Ok(())
    }
}

fn lower(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

/// How a field's content is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Escaped HTML (RSS `description`, Atom `type="html"`).
    Html,
    /// Inline XHTML elements (Atom `type="xhtml"`).
    Xhtml,
    /// Plain text (Atom's default).
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Content,
    Summary,
    Published,
    Updated,
    Guid,
}

#[derive(Default)]
struct Entry {
    title: Option<(String, Mode)>,
    link: Option<String>,
    content: Option<(String, Mode)>,
    summary: Option<(String, Mode)>,
    published: Option<String>,
    updated: Option<String>,
    guid: Option<String>,
}

struct Capture {
    field: Field,
    mode: Mode,
    /// Depth of the field's element; the capture ends with it.
    depth: usize,
    text: String,
    /// The field at channel level (the feed's own title or link), not an entry's.
    channel: bool,
}

#[derive(Default)]
struct State {
    root: Option<String>,
    /// Local names of open elements.
    stack: Vec<String>,
    entries: u64,
    entry: Option<(usize, Entry)>,
    capture: Option<Capture>,
    channel_title: Option<String>,
    channel_link: Option<String>,
    limit: usize,
}

impl State {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool, limit: usize) -> Result<(), ReadError> {
        self.limit = limit;
        let name = lower(e.local_name().as_ref());
        if self.root.is_none() {
            if !matches!(name.as_str(), "rss" | "feed" | "rdf" | "channel") {
                return Err(ReadError::Unrecognized {
                    detail: format!("not an RSS or Atom feed: the root element is <{name}>"),
                });
            }
            self.root = Some(name.clone());
        }
        let depth = self.stack.len();
        if let Some(c) = &mut self.capture {
            if c.mode != Mode::Text {
                c.text.push('<');
                c.text.push_str(&name);
                c.text.push_str(if empty { "/>" } else { ">" });
            }
            if !empty {
                self.stack.push(name);
            }
            return Ok(());
        }
        let parent = self.stack.last().map(String::as_str).unwrap_or("");
        if self.entry.is_none() && (name == "item" || name == "entry") {
            self.entries += 1;
            if empty {
                // `<item/>`: an entry with nothing in it.
                self.entry = Some((depth, Entry::default()));
                self.stack.push(name.clone());
                return Ok(());
            }
            self.entry = Some((depth, Entry::default()));
        } else if let Some((entry_depth, entry)) = &mut self.entry {
            if depth == *entry_depth + 1 {
                let atom_type = attr(e, b"type").map(|t| t.to_ascii_lowercase());
                let mode = match atom_type.as_deref() {
                    Some("html") | Some("text/html") => Mode::Html,
                    Some("xhtml") | Some("application/xhtml+xml") => Mode::Xhtml,
                    Some("text") | Some("text/plain") => Mode::Text,
                    // Atom fields default to text; RSS's are HTML by convention.
                    _ if self.root.as_deref() == Some("feed") => Mode::Text,
                    _ => Mode::Html,
                };
                let field = match name.as_str() {
                    "title" => Some(Field::Title),
                    "link" => {
                        if let Some(href) = attr(e, b"href") {
                            let rel = attr(e, b"rel").unwrap_or_default();
                            if (rel.is_empty() || rel == "alternate") && entry.link.is_none() {
                                entry.link = Some(href);
                            }
                            None
                        } else {
                            Some(Field::Link)
                        }
                    }
                    "encoded" | "content" => Some(Field::Content),
                    "description" | "summary" => Some(Field::Summary),
                    "pubdate" | "published" | "date" | "issued" => Some(Field::Published),
                    "updated" | "modified" => Some(Field::Updated),
                    "guid" | "id" => Some(Field::Guid),
                    _ => None,
                };
                if let (Some(field), false) = (field, empty) {
                    self.capture = Some(Capture {
                        field,
                        mode,
                        depth,
                        text: String::new(),
                        channel: false,
                    });
                }
            }
        } else if matches!(parent, "channel" | "feed") && matches!(name.as_str(), "title" | "link")
        {
            if name == "link" {
                if let Some(href) = attr(e, b"href") {
                    let rel = attr(e, b"rel").unwrap_or_default();
                    if (rel.is_empty() || rel == "alternate") && self.channel_link.is_none() {
                        self.channel_link = Some(href);
                    }
                }
            }
            if !empty {
                self.capture = Some(Capture {
                    field: if name == "title" {
                        Field::Title
                    } else {
                        Field::Link
                    },
                    mode: Mode::Html,
                    depth,
                    text: String::new(),
                    channel: true,
                });
            }
        }
        if !empty {
            self.stack.push(name);
        }
        Ok(())
    }

    fn text(&mut self, s: &str, resolved: bool) {
        let limit = self.limit;
        if let Some(c) = &mut self.capture {
            if c.text.len() + s.len() > limit {
                return;
            }
            if c.mode == Mode::Xhtml && resolved {
                // Inline XHTML: what the XML escaped is text, not markup.
                c.text.push_str(&html_escape::encode_text(s));
            } else {
                c.text.push_str(s);
            }
        }
    }

    fn end(&mut self, name: &str) -> Option<Item> {
        // Unmatched or mis-nested ends: pop to the nearest open element of that name.
        let pos = self.stack.iter().rposition(|n| n == name)?;
        self.stack.truncate(pos);
        let depth = pos;
        if let Some(c) = &mut self.capture {
            if depth > c.depth {
                if c.mode != Mode::Text {
                    c.text.push_str("</");
                    c.text.push_str(name);
                    c.text.push('>');
                }
                return None;
            }
            let c = self.capture.take()?;
            self.finish_capture(c);
        }
        match &self.entry {
            Some((d, _)) if *d >= depth => {
                let (_, entry) = self.entry.take()?;
                Some(self.entry_item(entry))
            }
            _ => None,
        }
    }

    fn finish_capture(&mut self, c: Capture) {
        if c.channel {
            let text = one_line(&html_to_text(&c.text));
            let slot = match c.field {
                Field::Title => &mut self.channel_title,
                _ => &mut self.channel_link,
            };
            if slot.is_none() && !text.is_empty() {
                *slot = Some(text);
            }
            return;
        }
        let Some((_, entry)) = &mut self.entry else {
            return;
        };
        let plain = || one_line(&c.text);
        match c.field {
            Field::Title => set(&mut entry.title, (c.text, c.mode)),
            Field::Content => set(&mut entry.content, (c.text, c.mode)),
            Field::Summary => set(&mut entry.summary, (c.text, c.mode)),
            Field::Link => set(&mut entry.link, plain()),
            Field::Published => set(&mut entry.published, plain()),
            Field::Updated => set(&mut entry.updated, plain()),
            Field::Guid => set(&mut entry.guid, plain()),
        }
    }

    fn entry_item(&self, entry: Entry) -> Item {
        let location = Some(Location::Entry(self.entries));
        let to_text = |(s, mode): &(String, Mode)| match mode {
            Mode::Text => plain_paragraphs(s),
            _ => html_to_text(s),
        };
        let content = entry
            .content
            .as_ref()
            .map(to_text)
            .filter(|t| !t.is_empty());
        let text = content
            .or_else(|| entry.summary.as_ref().map(to_text))
            .unwrap_or_default();
        let mut draft = Draft {
            text,
            title: entry
                .title
                .as_ref()
                .map(|t| one_line(&to_text(t)))
                .filter(|t| !t.is_empty()),
            url: entry.link.filter(|l| !l.is_empty()),
            published: entry
                .published
                .as_deref()
                .and_then(Published::parse)
                .or_else(|| entry.updated.as_deref().and_then(Published::parse)),
            source: self.channel_title.clone().or_else(|| {
                self.channel_link
                    .as_deref()
                    .and_then(crate::source_from_url)
                    .map(|s| s.as_str().to_string())
            }),
            ..Draft::default()
        };
        if let Some(guid) = entry.guid.filter(|g| !g.is_empty()) {
            draft
                .metadata
                .insert("guid".into(), serde_json::Value::String(guid));
        }
        Item::Document {
            location,
            draft: Box::new(draft),
        }
    }
}

fn set<T>(slot: &mut Option<T>, value: T) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            html_escape::decode_html_entities(&raw).trim().to_string()
        })
    })
}

/// Fails a read when the input goes on for more than `limit` bytes without a `<` or `>`: the
/// XML parser holds one text node or tag in memory, and a 10 GB text node is not a feed.
struct RunLimit<'a> {
    inner: &'a mut dyn BufRead,
    run: usize,
    limit: usize,
}

impl Read for RunLimit<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
            }
        }
        if self.run > self.limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("more than {} bytes of text in one XML node", self.limit),
            ));
        }
        Ok(n)
    }
}
