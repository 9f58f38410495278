//! GraphML output of a [`CoordinationNetwork`], the format Gephi, Cytoscape and igraph open.
//!
//! Nodes are sources (with the group they belong to, its kind, and whether they are its
//! center); edges are the kept co-publication links with their weight, mean delay, symmetry
//! and evidence clusters. Written with quick-xml, which escapes names taken from the data.

use crate::model::{CoordinationNetwork, GroupKind};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::BTreeMap;
use std::io::Write;

/// `(id, for, name, type)` of every GraphML attribute written.
const KEYS: [(&str, &str, &str, &str); 9] = [
    ("group", "node", "group", "int"),
    ("kind", "node", "kind", "string"),
    ("role", "node", "role", "string"),
    ("center_support", "node", "center_support", "double"),
    ("weight", "edge", "weight", "double"),
    ("mean_delay_s", "edge", "mean_delay_s", "double"),
    ("symmetry", "edge", "symmetry", "double"),
    ("center", "edge", "center", "string"),
    ("clusters", "edge", "clusters", "string"),
];

/// Writes the network as GraphML.
pub fn write_graphml(net: &CoordinationNetwork, out: impl Write) -> std::io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    w.write_event(Event::Start(root))?;
    for (id, target, name, ty) in KEYS {
        let mut key = BytesStart::new("key");
        key.push_attribute(("id", id));
        key.push_attribute(("for", target));
        key.push_attribute(("attr.name", name));
        key.push_attribute(("attr.type", ty));
        w.write_event(Event::Empty(key))?;
    }
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "coordination"));
    graph.push_attribute(("edgedefault", "undirected"));
    w.write_event(Event::Start(graph))?;

    // Every source once: group members, group centers, and the ends of kept edges.
    struct Node {
        group: Option<usize>,
        kind: Option<GroupKind>,
        role: &'static str,
        center_support: f64,
    }
    let mut nodes: BTreeMap<&str, Node> = BTreeMap::new();
    for (g, group) in net.groups.iter().enumerate() {
        for m in &group.members {
            nodes.insert(
                m.as_str(),
                Node {
                    group: Some(g + 1),
                    kind: Some(group.kind),
                    role: "member",
                    center_support: 0.0,
                },
            );
        }
        if let Some(center) = &group.center {
            nodes.insert(
                center.as_str(),
                Node {
                    group: Some(g + 1),
                    kind: Some(group.kind),
                    role: "center",
                    center_support: group.center_support,
                },
            );
        }
    }
    for e in &net.edges {
        for s in [&e.a, &e.b] {
            nodes.entry(s.as_str()).or_insert(Node {
                group: None,
                kind: None,
                role: "other",
                center_support: 0.0,
            });
        }
    }
    for (name, node) in &nodes {
        let mut el = BytesStart::new("node");
        el.push_attribute(("id", *name));
        w.write_event(Event::Start(el))?;
        data(&mut w, "group", &node.group.unwrap_or(0).to_string())?;
        let kind = match node.kind {
            Some(GroupKind::Coordinated) => "coordinated",
            Some(GroupKind::Syndication) => "syndication",
            None => "none",
        };
        data(&mut w, "kind", kind)?;
        data(&mut w, "role", node.role)?;
        data(&mut w, "center_support", &node.center_support.to_string())?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for (i, e) in net.edges.iter().enumerate() {
        let mut el = BytesStart::new("edge");
        el.push_attribute(("id", format!("e{i}").as_str()));
        el.push_attribute(("source", e.a.as_str()));
        el.push_attribute(("target", e.b.as_str()));
        w.write_event(Event::Start(el))?;
        data(&mut w, "weight", &e.weight.to_string())?;
        data(&mut w, "mean_delay_s", &e.mean_delay_s.to_string())?;
        data(&mut w, "symmetry", &e.symmetry.to_string())?;
        data(
            &mut w,
            "center",
            e.center.as_ref().map_or("", |c| c.as_str()),
        )?;
        let clusters: Vec<&str> = e.evidence.iter().map(|x| x.cluster.as_str()).collect();
        data(&mut w, "clusters", &clusters.join(" "))?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    Ok(())
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    let mut el = BytesStart::new("data");
    el.push_attribute(("key", key));
    w.write_event(Event::Start(el))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new("data")))?;
    Ok(())
}
