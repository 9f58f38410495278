use crate::timeline::{SourceCount, Timeline};
use crate::{
    LinkEvidence, NameCount, Narrative, NarrativeBuilder, StoryCluster, StoryDocument, StoryLinker,
};
use chrono::Duration;
use echotrace_core::{DatePrecision, DocId, Published, SourceId};
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// A row of the document table: documents sorted by id, plus cluster members nobody described.
struct DocRow<'a> {
    id: &'a DocId,
    doc: Option<&'a StoryDocument>,
    speakers: Vec<u32>,
    entities: Vec<u32>,
}

enum UnitKey<'a> {
    Cluster(&'a str),
    Document(&'a DocId),
}

impl UnitKey<'_> {
    fn stable(&self) -> String {
        match self {
            UnitKey::Cluster(id) => format!("c:{id}"),
            UnitKey::Document(id) => format!("d:{id}"),
        }
    }
}

struct Unit<'a> {
    key: UnitKey<'a>,
    docs: Vec<u32>,
    /// (name, quoted as speaker in this unit), sorted by name.
    names: Vec<(u32, bool)>,
    /// The first copy dated at least to the day: its interval in seconds, and its sort key.
    anchor: Option<Anchor>,
    /// The cluster's earliest witness as provenance named it.
    origin: Option<u32>,
}

#[derive(Clone, Copy)]
struct Anchor {
    start: i64,
    end: i64,
    key: (i64, Reverse<DatePrecision>),
}

/// Case-folded with whitespace collapsed, into `out` (cleared first): interning millions of
/// names must not allocate per name.
fn normalise_into(name: &str, out: &mut String) {
    out.clear();
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

fn normalise(name: &str) -> String {
    let mut s = String::new();
    normalise_into(name, &mut s);
    s
}

/// Among several descriptions of one document id, one chosen by content (dated and sourced
/// first), not by input position.
fn richer<'a>(a: &'a StoryDocument, b: &'a StoryDocument) -> &'a StoryDocument {
    let key = |d: &'a StoryDocument| {
        (
            d.published.is_none(),
            d.published.map(|p| p.sort_key()),
            d.source.is_none(),
            &d.source,
            &d.title,
            &d.speakers,
            &d.entities,
        )
    };
    if key(b) < key(a) {
        b
    } else {
        a
    }
}

struct Names {
    ids: FxHashMap<String, u32>,
    display: Vec<String>,
    buf: String,
}

impl Names {
    fn intern(&mut self, raw: &str) -> Option<u32> {
        normalise_into(raw, &mut self.buf);
        if self.buf.is_empty() {
            return None;
        }
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return Some(id);
        }
        let id = u32::try_from(self.display.len()).ok()?;
        self.display
            .push(raw.split_whitespace().collect::<Vec<_>>().join(" "));
        self.ids.insert(self.buf.clone(), id);
        Some(id)
    }
}

fn anchor_of(p: &Published) -> Option<Anchor> {
    (p.precision() >= DatePrecision::Day).then(|| Anchor {
        start: p.earliest().timestamp(),
        end: p.latest().timestamp(),
        key: p.sort_key(),
    })
}

fn gap_secs(a: &Anchor, b: &Anchor) -> i64 {
    (b.start.saturating_sub(a.end))
        .max(a.start.saturating_sub(b.end))
        .max(0)
}

pub(crate) fn build<L: StoryLinker>(
    opts: &NarrativeBuilder<L>,
    docs: &[StoryDocument],
    clusters: &[StoryCluster],
) -> Vec<Narrative> {
    // Canonical order everywhere (documents by id, clusters by id), so that interned ids,
    // float sums and tie-breaks do not depend on the order of the input.
    let mut known: Vec<&StoryDocument> = docs.iter().collect();
    known.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    known.dedup_by(|later, kept| {
        let same = later.id == kept.id;
        if same {
            *kept = richer(kept, later);
        }
        same
    });
    let mut cluster_docs: BTreeMap<&str, (Vec<&DocId>, Option<&DocId>)> = BTreeMap::new();
    for c in clusters {
        let e = cluster_docs.entry(c.id.as_str()).or_default();
        e.0.extend(c.docs.iter());
        if let Some(o) = &c.origin {
            e.1 = Some(e.1.map_or(o, |p| p.min(o)));
        }
    }

    let mut names = Names {
        ids: FxHashMap::default(),
        display: Vec::new(),
        buf: String::new(),
    };
    let mut rows: Vec<DocRow> = Vec::with_capacity(known.len());
    let mut row_of: FxHashMap<&DocId, u32> = FxHashMap::default();
    row_of.reserve(known.len());
    for doc in known {
        let Ok(row) = u32::try_from(rows.len()) else {
            break;
        };
        let mut intern_all = |list: &[String]| {
            let mut v: Vec<u32> = list.iter().filter_map(|s| names.intern(s)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let speakers = intern_all(&doc.speakers);
        let entities = intern_all(&doc.entities);
        row_of.insert(&doc.id, row);
        rows.push(DocRow {
            id: &doc.id,
            doc: Some(doc),
            speakers,
            entities,
        });
    }
    // Members nobody described are still documents: they can be shared, and they are counted
    // as undated.
    let mut unknown: Vec<&DocId> = cluster_docs
        .values()
        .flat_map(|(d, _)| d.iter().copied())
        .filter(|id| !row_of.contains_key(id))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    for id in unknown {
        let Ok(row) = u32::try_from(rows.len()) else {
            break;
        };
        row_of.insert(id, row);
        rows.push(DocRow {
            id,
            doc: None,
            speakers: Vec::new(),
            entities: Vec::new(),
        });
    }

    // Units: clusters, then quoted documents outside every cluster.
    let mut units: Vec<Unit> = Vec::with_capacity(cluster_docs.len());
    let mut in_cluster = vec![false; rows.len()];
    for (id, (members, origin)) in &cluster_docs {
        let mut d: Vec<u32> = members
            .iter()
            .filter_map(|m| row_of.get(m).copied())
            .collect();
        d.sort_unstable();
        d.dedup();
        if d.is_empty() {
            continue;
        }
        for &r in &d {
            in_cluster[r as usize] = true;
        }
        units.push(Unit {
            key: UnitKey::Cluster(id),
            docs: d,
            names: Vec::new(),
            anchor: None,
            origin: origin.and_then(|o| row_of.get(o).copied()),
        });
    }
    if opts.include_quote_documents {
        for (r, row) in rows.iter().enumerate() {
            if !in_cluster[r] && !row.speakers.is_empty() {
                if let Ok(r) = u32::try_from(r) {
                    units.push(Unit {
                        key: UnitKey::Document(row.id),
                        docs: vec![r],
                        names: Vec::new(),
                        anchor: None,
                        origin: None,
                    });
                }
            }
        }
    }
    drop(in_cluster);
    let n_units = units.len();
    if n_units == 0 || u32::try_from(n_units).is_err() {
        return Vec::new();
    }

    let mut df = vec![0u32; names.display.len()];
    for u in &mut units {
        let mut ns: Vec<(u32, bool)> = Vec::new();
        let mut anchor: Option<Anchor> = None;
        for &r in &u.docs {
            let row = &rows[r as usize];
            ns.extend(row.speakers.iter().map(|&s| (s, true)));
            ns.extend(row.entities.iter().map(|&e| (e, false)));
            if let Some(a) = row
                .doc
                .and_then(|d| d.published)
                .and_then(|p| anchor_of(&p))
            {
                if anchor.is_none_or(|b| a.key < b.key) {
                    anchor = Some(a);
                }
            }
        }
        // Speaker role first, so that dedup keeps it.
        ns.sort_unstable_by_key(|&(n, sp)| (n, !sp));
        ns.dedup_by_key(|p| p.0);
        for &(n, _) in &ns {
            df[n as usize] = df[n as usize].saturating_add(1);
        }
        u.names = ns;
        u.anchor = anchor;
    }

    let n = n_units as f64;
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| if d == 0 { 0.0 } else { (n / f64::from(d)).ln() })
        .collect();

    // Name postings: dated units only (a name alone says nothing without a time), sorted by
    // first copy, for names in 2..=max_postings units.
    let mut postings: Vec<Vec<(i64, u32, bool)>> = vec![Vec::new(); names.display.len()];
    for (ui, u) in units.iter().enumerate() {
        let Some(a) = u.anchor else { continue };
        for &(nm, sp) in &u.names {
            let d = df[nm as usize] as usize;
            if d >= 2 && d <= opts.max_postings {
                postings[nm as usize].push((a.start, ui as u32, sp));
            }
        }
    }
    for p in &mut postings {
        p.sort_unstable();
    }
    let mut doc_units: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
    for (ui, u) in units.iter().enumerate() {
        for &r in &u.docs {
            doc_units[r as usize].push(ui as u32);
        }
    }

    // For each unit, accumulate evidence against later units in dense arrays, touching only
    // the candidates the postings give.
    let window = opts.window.num_seconds();
    let day = 86_400i64;
    let mut shared_docs = vec![0u32; n_units];
    let mut weight = vec![0f64; n_units];
    let mut sp_count = vec![0u32; n_units];
    let mut ent_count = vec![0u32; n_units];
    let mut touched: Vec<u32> = Vec::new();
    let mut links: Vec<(bool, f64, u32, u32)> = Vec::new();
    for (ai, a) in units.iter().enumerate() {
        let a32 = ai as u32;
        for &r in &a.docs {
            let p = &doc_units[r as usize];
            if p.len() < 2 || p.len() > opts.max_doc_clusters {
                continue;
            }
            for &b in p {
                if b > a32 {
                    if shared_docs[b as usize] == 0 && weight[b as usize] == 0.0 {
                        touched.push(b);
                    }
                    shared_docs[b as usize] += 1;
                }
            }
        }
        if let Some(an) = a.anchor {
            let lo = an.start.saturating_sub(window).saturating_sub(day);
            let hi = an.end.saturating_add(window);
            for &(nm, sp_a) in &a.names {
                let p = &postings[nm as usize];
                if p.is_empty() {
                    continue;
                }
                let from = p.partition_point(|e| e.0 < lo);
                let w_idf = idf[nm as usize];
                for &(t, b, sp_b) in &p[from..] {
                    if t > hi {
                        break;
                    }
                    if b <= a32 {
                        continue;
                    }
                    let bi = b as usize;
                    if shared_docs[bi] == 0
                        && weight[bi] == 0.0
                        && sp_count[bi] == 0
                        && ent_count[bi] == 0
                    {
                        touched.push(b);
                    }
                    if sp_a && sp_b {
                        sp_count[bi] += 1;
                        weight[bi] += w_idf * opts.speaker_weight;
                    } else {
                        ent_count[bi] += 1;
                        weight[bi] += w_idf * opts.entity_weight;
                    }
                }
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for &b in &touched {
            let bi = b as usize;
            let gap = match (a.anchor, units[bi].anchor) {
                (Some(x), Some(y)) => Some(gap_secs(&x, &y)),
                _ => None,
            };
            let near = gap.is_some_and(|g| g <= window);
            let ev = LinkEvidence {
                shared_documents: shared_docs[bi],
                shared_speakers: if near { sp_count[bi] } else { 0 },
                shared_entities: if near { ent_count[bi] } else { 0 },
                name_weight: if near { weight[bi] } else { 0.0 },
                gap: gap.map(Duration::seconds),
            };
            if ev.shared_documents > 0 || near {
                if let Some(s) = opts.linker.strength(&ev) {
                    if s.is_finite() {
                        links.push((ev.shared_documents > 0, s, a32, b));
                    }
                }
            }
            shared_docs[bi] = 0;
            weight[bi] = 0.0;
            sp_count[bi] = 0;
            ent_count[bi] = 0;
        }
        touched.clear();
    }
    drop(postings);

    links.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then_with(|| y.1.total_cmp(&x.1))
            .then_with(|| (x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut uf = UnionFind::new(&units);
    let max_span = opts.max_span.num_seconds();
    for &(doc_link, _, a, b) in &links {
        uf.union(
            a as usize,
            b as usize,
            if doc_link { None } else { Some(max_span) },
        );
    }
    drop(links);

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for u in 0..n_units {
        groups.entry(uf.find(u)).or_default().push(u);
    }
    let mut out: Vec<Narrative> = groups
        .into_values()
        .filter(|g| g.len() >= opts.min_units)
        .map(|g| narrative(opts, &units, &rows, &names, &idf, &g))
        .collect();
    out.sort_by(|a, b| {
        let k = |n: &Narrative| (n.first.is_none(), n.first.map(|p| p.sort_key()));
        k(a).cmp(&k(b)).then_with(|| a.id.cmp(&b.id))
    });
    out
}

struct UnionFind {
    parent: Vec<usize>,
    /// Span of the members' anchors, kept at the root.
    span: Vec<Option<(i64, i64)>>,
}

impl UnionFind {
    fn new(units: &[Unit]) -> Self {
        UnionFind {
            parent: (0..units.len()).collect(),
            span: units
                .iter()
                .map(|u| u.anchor.map(|a| (a.start, a.end)))
                .collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Merges unless `cap` is given and the merged span would exceed it.
    fn union(&mut self, a: usize, b: usize, cap: Option<i64>) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let merged = match (self.span[ra], self.span[rb]) {
            (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
            (x, y) => x.or(y),
        };
        if let (Some(cap), Some((s, e))) = (cap, merged) {
            if e.saturating_sub(s) > cap {
                return;
            }
        }
        // The smaller index becomes the root: deterministic and independent of link order.
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        self.span[root] = merged;
    }
}

type TitleRank<'a> = (bool, bool, Option<(i64, Reverse<DatePrecision>)>, &'a DocId);

fn narrative<L>(
    opts: &NarrativeBuilder<L>,
    units: &[Unit],
    rows: &[DocRow],
    names: &Names,
    idf: &[f64],
    group: &[usize],
) -> Narrative {
    let earliest = group.iter().copied().min_by(|&x, &y| {
        let k = |u: &Unit| (u.anchor.is_none(), u.anchor.map(|a| a.key), u.key.stable());
        k(&units[x]).cmp(&k(&units[y]))
    });
    let id = earliest.map_or_else(String::new, |u| {
        let digest = Sha256::digest(units[u].key.stable().as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("n{hex}")
    });
    let mut clusters: Vec<String> = group
        .iter()
        .filter_map(|&u| match units[u].key {
            UnitKey::Cluster(c) => Some(c.to_string()),
            UnitKey::Document(_) => None,
        })
        .collect();
    clusters.sort();
    let mut doc_rows: Vec<u32> = group
        .iter()
        .flat_map(|&u| units[u].docs.iter().copied())
        .collect();
    doc_rows.sort_unstable();
    doc_rows.dedup();

    let mut sources: FxHashMap<&SourceId, usize> = FxHashMap::default();
    let mut speakers: FxHashMap<u32, usize> = FxHashMap::default();
    let mut entities: FxHashMap<u32, usize> = FxHashMap::default();
    let origins: FxHashSet<u32> = group.iter().filter_map(|&u| units[u].origin).collect();
    let mut titles: FxHashMap<String, (usize, TitleRank, &str)> = FxHashMap::default();
    let mut first: Option<Published> = None;
    let mut last: Option<Published> = None;
    for &r in &doc_rows {
        let row = &rows[r as usize];
        for &s in &row.speakers {
            *speakers.entry(s).or_default() += 1;
        }
        for &e in &row.entities {
            *entities.entry(e).or_default() += 1;
        }
        let Some(d) = row.doc else { continue };
        if let Some(s) = &d.source {
            *sources.entry(s).or_default() += 1;
        }
        if let Some(p) = d.published {
            if first.is_none_or(|f| p.sort_key() < f.sort_key()) {
                first = Some(p);
            }
            if last.is_none_or(|l| (p.latest(), p.sort_key()) > (l.latest(), l.sort_key())) {
                last = Some(p);
            }
        }
        if let Some(t) = d.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            // Ties between equally frequent titles go to an origin's, then the earliest.
            let when = (
                !origins.contains(&r),
                d.published.is_none(),
                d.published.map(|p| p.sort_key()),
                row.id,
            );
            let e = titles.entry(normalise(t)).or_insert((0, when, t));
            e.0 += 1;
            if when < e.1 {
                e.1 = when;
                e.2 = t;
            }
        }
    }
    let title = titles
        .into_values()
        .min_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)))
        .map(|t| t.2.to_string());

    let display = |id: u32| names.display.get(id as usize).cloned().unwrap_or_default();
    let ranked = |m: FxHashMap<u32, usize>| -> Vec<(u32, usize)> {
        let mut v: Vec<(u32, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| names.display[a.0 as usize].cmp(&names.display[b.0 as usize]))
        });
        v
    };
    let speakers = ranked(speakers);
    let entities = ranked(entities);

    // Characteristic = frequent here and rare elsewhere; a name both quoted and mentioned
    // scores by its larger count.
    let mut scored: FxHashMap<u32, f64> = FxHashMap::default();
    for &(nm, c) in speakers.iter().chain(entities.iter()) {
        let s = c as f64 * idf.get(nm as usize).copied().unwrap_or(0.0);
        let e = scored.entry(nm).or_insert(0.0);
        *e = e.max(s);
    }
    let mut scored: Vec<(u32, f64)> = scored.into_iter().filter(|s| s.1 > 0.0).collect();
    scored.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then_with(|| names.display[a.0 as usize].cmp(&names.display[b.0 as usize]))
    });
    let key_names: Vec<String> = scored.iter().take(3).map(|&(nm, _)| display(nm)).collect();
    let short_title = title.as_deref().map(|t| {
        let mut s: String = t.chars().take(80).collect();
        if t.chars().count() > 80 {
            s.push('…');
        }
        s
    });
    let label = match (key_names.is_empty(), &short_title) {
        (false, Some(t)) => format!("{} — {t}", key_names.join(", ")),
        (false, None) => key_names.join(", "),
        (true, Some(t)) => t.clone(),
        (true, None) => clusters.first().cloned().unwrap_or_else(|| id.clone()),
    };

    let mut sources: Vec<SourceCount> = sources
        .into_iter()
        .map(|(s, count)| SourceCount {
            source: s.clone(),
            count,
        })
        .collect();
    sources.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.source.cmp(&b.source)));
    let counted = |v: Vec<(u32, usize)>| -> Vec<NameCount> {
        v.into_iter()
            .take(opts.max_names)
            .map(|(nm, count)| NameCount {
                name: display(nm),
                count,
            })
            .collect()
    };
    // Rows of undescribed members come after the others, so sort by id here.
    let mut documents: Vec<DocId> = doc_rows
        .iter()
        .map(|&r| rows[r as usize].id.clone())
        .collect();
    documents.sort_unstable();
    let timeline = Timeline::from_docs(
        doc_rows.iter().map(|&r| rows[r as usize].doc),
        opts.hour_buckets_up_to,
    );
    Narrative {
        id,
        label,
        key_names,
        title,
        clusters,
        documents,
        sources,
        speakers: counted(speakers),
        entities: counted(entities),
        first,
        last,
        timeline,
    }
}
