//! A minimal html5ever tree sink: an arena of linked nodes that [`crate::dom::Dom`] flattens
//! once parsing is done.
//!
//! html5ever builds the tree through this trait, moving nodes around as the HTML standard's
//! error recovery requires (foster parenting, the adoption agency, reparenting). Keeping our
//! own arena instead of a general DOM library's lets the flattening read it directly, with
//! no per-node locking or handle lookups, and keeps element names interned.

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

pub(crate) const NIL: u32 = u32::MAX;

pub(crate) enum Kind {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// The separate fragment a `<template>` keeps its contents in.
        template: u32,
        mathml_annotation_point: bool,
    },
    Text(StrTendril),
    /// Comments, processing instructions, template fragments: never text.
    Other,
}

pub(crate) struct Node {
    pub parent: u32,
    pub prev: u32,
    pub next: u32,
    pub first: u32,
    pub last: u32,
    pub kind: Kind,
}

pub(crate) struct Sink {
    nodes: RefCell<Vec<Node>>,
}

impl Sink {
    /// A sink sized for a page of `html_len` bytes (roughly one node per 40 bytes of
    /// markup once scripts and styles are gone), so the arena rarely regrows.
    pub fn new(html_len: usize) -> Sink {
        let mut nodes = Vec::with_capacity(html_len / 40 + 16);
        nodes.push(Node::new(Kind::Document));
        Sink {
            nodes: RefCell::new(nodes),
        }
    }

    pub fn into_nodes(self) -> Vec<Node> {
        self.nodes.into_inner()
    }

    fn push(&self, kind: Kind) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(kind));
        (nodes.len() - 1) as u32
    }
}

impl Node {
    fn new(kind: Kind) -> Node {
        Node {
            parent: NIL,
            prev: NIL,
            next: NIL,
            first: NIL,
            last: NIL,
            kind,
        }
    }
}

/// Unlinks node `i` from its parent and siblings.
fn detach(nodes: &mut [Node], i: u32) {
    let Some(n) = nodes.get(i as usize) else {
        return;
    };
    let (parent, prev, next) = (n.parent, n.prev, n.next);
    if parent == NIL {
        return;
    }
    if prev != NIL {
        nodes[prev as usize].next = next;
    } else if let Some(p) = nodes.get_mut(parent as usize) {
        p.first = next;
    }
    if next != NIL {
        nodes[next as usize].prev = prev;
    } else if let Some(p) = nodes.get_mut(parent as usize) {
        p.last = prev;
    }
    let n = &mut nodes[i as usize];
    n.parent = NIL;
    n.prev = NIL;
    n.next = NIL;
}

/// Links node `i` as the last child of `parent`.
fn link_last(nodes: &mut [Node], parent: u32, i: u32) {
    if parent as usize >= nodes.len() || i as usize >= nodes.len() || parent == i {
        return;
    }
    detach(nodes, i);
    let last = nodes[parent as usize].last;
    {
        let n = &mut nodes[i as usize];
        n.parent = parent;
        n.prev = last;
        n.next = NIL;
    }
    if last != NIL {
        nodes[last as usize].next = i;
    } else {
        nodes[parent as usize].first = i;
    }
    nodes[parent as usize].last = i;
}

/// Links node `i` just before `sibling`.
fn link_before(nodes: &mut [Node], sibling: u32, i: u32) {
    if sibling as usize >= nodes.len() || i as usize >= nodes.len() || sibling == i {
        return;
    }
    let parent = nodes[sibling as usize].parent;
    if parent == NIL {
        return;
    }
    detach(nodes, i);
    let prev = nodes[sibling as usize].prev;
    {
        let n = &mut nodes[i as usize];
        n.parent = parent;
        n.prev = prev;
        n.next = sibling;
    }
    nodes[sibling as usize].prev = i;
    if prev != NIL {
        nodes[prev as usize].next = i;
    } else {
        nodes[parent as usize].first = i;
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Sink;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            let name_of = |i: usize| match nodes.get(i).map(|n| &n.kind) {
                Some(Kind::Element { name, .. }) => Some(name),
                _ => None,
            };
            name_of(*target as usize).unwrap_or_else(|| placeholder_name())
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let template = if flags.template {
            self.push(Kind::Other)
        } else {
            NIL
        };
        self.push(Kind::Element {
            name,
            attrs,
            template,
            mathml_annotation_point: flags.mathml_annotation_xml_integration_point,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.push(Kind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.push(Kind::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        match child {
            NodeOrText::AppendNode(n) => link_last(&mut self.nodes.borrow_mut(), *parent, n),
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let Some(last) = nodes.get(*parent as usize).map(|p| p.last) else {
                    return;
                };
                if let Some(Node {
                    kind: Kind::Text(t),
                    ..
                }) = nodes.get_mut(last as usize)
                {
                    t.push_tendril(&text);
                    return;
                }
                nodes.push(Node::new(Kind::Text(text)));
                let i = (nodes.len() - 1) as u32;
                link_last(&mut nodes, *parent, i);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element as usize)
            .is_some_and(|n| n.parent != NIL);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &u32) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        match nodes.get(*target as usize).map(|n| &n.kind) {
            Some(Kind::Element { template, .. }) if *template != NIL => *template,
            _ => {
                // Not a template after all: give it a detached fragment of its own.
                nodes.push(Node::new(Kind::Other));
                (nodes.len() - 1) as u32
            }
        }
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut nodes = self.nodes.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(n) => link_before(&mut nodes, *sibling, n),
            NodeOrText::AppendText(text) => {
                let Some(prev) = nodes.get(*sibling as usize).map(|s| s.prev) else {
                    return;
                };
                if let Some(Node {
                    kind: Kind::Text(t),
                    ..
                }) = nodes.get_mut(prev as usize)
                {
                    t.push_tendril(&text);
                    return;
                }
                nodes.push(Node::new(Kind::Text(text)));
                let i = (nodes.len() - 1) as u32;
                link_before(&mut nodes, *sibling, i);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            kind: Kind::Element {
                attrs: existing, ..
            },
            ..
        }) = nodes.get_mut(*target as usize)
        {
            for a in attrs {
                if !existing.iter().any(|e| e.name == a.name) {
                    existing.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes.get(*node as usize).map_or(NIL, |n| n.first);
        while child != NIL {
            let next = nodes[child as usize].next;
            link_last(&mut nodes, *new_parent, child);
            child = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &u32) -> bool {
        matches!(
            self.nodes.borrow().get(*handle as usize).map(|n| &n.kind),
            Some(Kind::Element {
                mathml_annotation_point: true,
                ..
            })
        )
    }
}

/// What `elem_name` answers for a handle that is not an element, which the tree builder
/// promises never to ask for; answering rather than panicking keeps hostile input safe.
fn placeholder_name() -> &'static QualName {
    static NAME: std::sync::OnceLock<QualName> = std::sync::OnceLock::new();
    NAME.get_or_init(|| QualName::new(None, ns!(html), html5ever::local_name!("div")))
}
