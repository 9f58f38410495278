//! Small hand-checked cases for the whole stage.

use chrono::{TimeZone, Utc};
use echotrace_coord::{
    CoordinationDetector, CoordinationNetwork, CopyEvent, GroupKind, IntervalSource,
};
use echotrace_core::{DatePrecision, DocId, Published, SourceId};

/// Day 0 of every scenario, in seconds.
const T0: i64 = 1_641_200_000;

fn at(t: i64) -> Option<Published> {
    Some(Published::new(
        Utc.timestamp_opt(T0 + t, 0).single()?,
        DatePrecision::Second,
    ))
}

#[derive(Default)]
struct Corpus {
    events: Vec<CopyEvent>,
}

impl Corpus {
    fn copy(&mut self, cluster: &str, source: &str, t: i64, earliest: bool) -> &mut CopyEvent {
        self.copy_dated(cluster, source, at(t), earliest)
    }

    fn copy_dated(
        &mut self,
        cluster: &str,
        source: &str,
        published: Option<Published>,
        earliest: bool,
    ) -> &mut CopyEvent {
        let n = self.events.len();
        self.events.push(CopyEvent {
            cluster: cluster.to_string(),
            doc: DocId::new(format!("{source}#{n}")),
            source: SourceId::new(source).expect("source"),
            published,
            credits: Vec::new(),
            earliest,
        });
        let last = self.events.len() - 1;
        &mut self.events[last]
    }

    /// A center's story relayed by `relays` at `burst` seconds after it, `gap` apart.
    fn push(&mut self, story: &str, center: &str, t: i64, relays: &[&str], burst: i64, gap: i64) {
        self.copy(story, center, t, true);
        for (k, r) in relays.iter().enumerate() {
            self.copy(story, r, t + burst + gap * k as i64, false);
        }
    }
}

fn names(v: &[SourceId]) -> Vec<&str> {
    v.iter().map(SourceId::as_str).collect()
}

fn edge<'a>(net: &'a CoordinationNetwork, a: &str, b: &str) -> Option<&'a echotrace_coord::Edge> {
    net.edges
        .iter()
        .find(|e| (e.a.as_str(), e.b.as_str()) == (a, b) || (e.a.as_str(), e.b.as_str()) == (b, a))
}

#[test]
fn edge_weight_counts_distinct_clusters_within_the_interval() {
    let mut c = Corpus::default();
    // x and y co-publish stories 0..3 of center c within 30 s; story 3 they publish 10 min
    // apart (outside a 60 s interval); in story 1, y posts twice (the repost must not count).
    for k in 0..4 {
        let s = format!("s{k}");
        let t = k * 100_000;
        c.copy(&s, "c", t, true);
        c.copy(&s, "x", t + 3600, false);
        let dy = if k == 3 { 600 } else { 10 * (k + 1) };
        c.copy(&s, "y", t + 3600 + dy, false);
        if k == 1 {
            c.copy(&s, "y", t + 3600 + 25, false);
        }
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    assert_eq!(net.interval.source, IntervalSource::Override);
    let e = edge(&net, "x", "y").expect("x–y edge");
    assert_eq!(e.weight, 3);
    // Delays 10, 20, 30 s.
    assert!((e.mean_delay_s - 20.0).abs() < 1e-9, "{}", e.mean_delay_s);
    // x always leads: symmetry 0.
    assert_eq!(e.symmetry, 0.0);
    assert_eq!(e.center.as_ref().map(SourceId::as_str), Some("c"));
    assert_eq!(e.center_weight, 3);
    assert_eq!(e.evidence.len(), 3);
    assert!(e.evidence.iter().all(|ev| names(&ev.earliest) == ["c"]));
    // The center published an hour earlier: not linked to its relays.
    assert!(edge(&net, "c", "x").is_none());
    assert_eq!(net.candidate_edges, 1);
}

#[test]
fn interval_is_estimated_from_the_quickest_clusters() {
    let mut c = Corpus::default();
    // Twenty clusters of three copies. The second copy arrives after 10·k s and the third
    // after 1000 s, so each cluster passes half its copies at its second copy. The 10 %
    // quantile of the second-copy delays (10, 20, …, 200) is 29 s: clusters k = 1, 2 → 10 s
    // and 20 s, median 15 s.
    for k in 1..=20 {
        let s = format!("s{k}");
        let t = k * 100_000;
        c.copy(&s, "a", t, true);
        c.copy(&s, "b", t + 10 * k, false);
        c.copy(&s, "d", t + 1000, false);
    }
    let net = CoordinationDetector::default().detect(&c.events);
    assert_eq!(net.interval.source, IntervalSource::Estimated);
    assert_eq!(net.interval.clusters_used, 2);
    assert!(
        (net.interval.seconds - 15.0).abs() < 1e-9,
        "{:?}",
        net.interval
    );
}

#[test]
fn percentile_cut_decides_which_groups_are_reported() {
    let mut c = Corpus::default();
    // Group A relays center ca 8 times; group B relays cb only twice.
    for k in 0..8 {
        c.push(
            &format!("a{k}"),
            "ca",
            k * 100_000,
            &["a1", "a2", "a3"],
            3600,
            5,
        );
    }
    for k in 0..2 {
        c.push(
            &format!("b{k}"),
            "cb",
            50_000 + k * 100_000,
            &["b1", "b2"],
            3600,
            5,
        );
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    // One-center weights: three edges of 8 and one of 2 → 90th percentile (type 7) = 8.
    assert_eq!(net.weight_cut, 8.0);
    assert!(edge(&net, "a1", "a2").is_some_and(|e| e.strong));
    assert!(edge(&net, "b1", "b2").is_some_and(|e| !e.strong));
    assert_eq!(net.groups.len(), 1);
    assert_eq!(names(&net.groups[0].members), ["a1", "a2", "a3"]);

    // A lower percentile lets group B through.
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .percentile(0.0)
        .build()
        .detect(&c.events);
    assert_eq!(net.groups.len(), 2);
    // And a minimum weight above B's weight removes it again.
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .percentile(0.0)
        .min_weight(3)
        .build()
        .detect(&c.events);
    assert_eq!(net.groups.len(), 1);
}

#[test]
fn two_relay_groups_are_told_apart_with_their_centers() {
    let mut c = Corpus::default();
    for k in 0..10 {
        c.push(
            &format!("a{k}"),
            "ca",
            k * 100_000,
            &["a1", "a2", "a3", "a4"],
            1800,
            7,
        );
        // Group B pushes at the same hours as A, but 20 minutes later: never within A's
        // interval.
        c.push(
            &format!("b{k}"),
            "cb",
            k * 100_000 + 600,
            &["b1", "b2", "b3"],
            2400,
            9,
        );
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    assert_eq!(net.groups.len(), 2);
    let g = &net.groups[0];
    assert_eq!(names(&g.members), ["a1", "a2", "a3", "a4"]);
    assert_eq!(g.center.as_ref().map(SourceId::as_str), Some("ca"));
    assert_eq!(g.center_support, 1.0);
    assert_eq!(g.kind, GroupKind::Coordinated);
    assert_eq!(g.clusters.len(), 10);
    assert!(!g.center_in_community);
    let h = &net.groups[1];
    assert_eq!(names(&h.members), ["b1", "b2", "b3"]);
    assert_eq!(h.center.as_ref().map(SourceId::as_str), Some("cb"));
}

#[test]
fn center_is_the_most_frequent_earliest_witness_and_never_a_member() {
    let mut c = Corpus::default();
    // The center publishes in lock-step with its relays (10 s ahead) in 6 of 8 stories; in
    // the other 2 an outside source o1, o2 had the text first.
    for k in 0..8 {
        let s = format!("s{k}");
        let t = k * 100_000;
        if k >= 6 {
            c.copy(&s, &format!("o{k}"), t - 7200, true);
        }
        c.copy(&s, "center", t, k < 6);
        c.copy(&s, "r1", t + 10, false);
        c.copy(&s, "r2", t + 20, false);
        c.copy(&s, "r3", t + 30, false);
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    assert_eq!(net.groups.len(), 1);
    let g = &net.groups[0];
    assert_eq!(g.center.as_ref().map(SourceId::as_str), Some("center"));
    assert!(
        (g.center_support - 0.75).abs() < 1e-9,
        "{}",
        g.center_support
    );
    assert_eq!(names(&g.members), ["r1", "r2", "r3"]);
}

#[test]
fn credited_copies_are_syndication_uncredited_are_coordinated() {
    let mut c = Corpus::default();
    for k in 0..10 {
        let s = format!("w{k}");
        let t = k * 100_000;
        c.copy(&s, "wire.example", t, true);
        for (j, sub) in ["s1", "s2", "s3"].iter().enumerate() {
            let e = c.copy(&s, sub, t + 600 + 10 * j as i64, false);
            // Most copies credit the wire, in its several spellings; one in three does not.
            if (k + j as i64) % 3 != 0 {
                e.credits = vec![if j == 0 {
                    "wire.example".into()
                } else {
                    "Wire.example.".into()
                }];
            }
        }
        // A relay group with bylines of its own: a source crediting itself is not
        // syndication.
        c.push(
            &format!("r{k}"),
            "center",
            t + 50_000,
            &["r1", "r2"],
            900,
            5,
        );
    }
    for e in c.events.iter_mut() {
        if e.source.as_str() == "r1" {
            e.credits = vec!["R1".into()];
        }
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    let syn: Vec<_> = net
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Syndication)
        .collect();
    assert_eq!(syn.len(), 1);
    assert_eq!(names(&syn[0].members), ["s1", "s2", "s3"]);
    let credit = &syn[0].credits[0];
    assert_eq!(credit.clusters, 10);
    assert!(credit.names_center);
    assert!(!credit.copies.is_empty());
    let coord: Vec<_> = net
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Coordinated)
        .collect();
    assert_eq!(coord.len(), 1);
    assert_eq!(names(&coord[0].members), ["r1", "r2"]);
    assert!(coord[0].credits.is_empty());

    // Demanding credits in every cluster turns the wire group into coordination.
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .min_credit_share(1.01)
        .build()
        .detect(&c.events);
    assert!(net.groups.iter().all(|g| g.kind == GroupKind::Coordinated));
}

#[test]
fn fast_aggregators_and_organic_republishers_are_not_grouped() {
    let mut c = Corpus::default();
    let outlets: Vec<String> = (0..30).map(|i| format!("org{i:02}")).collect();
    // 120 stories from 30 outlets. Three aggregators copy every story within a minute of each
    // other; organic outlets republish hours later.
    for k in 0..120i64 {
        let s = format!("s{k}");
        let t = k * 20_000;
        let origin = &outlets[(k % 30) as usize];
        c.copy(&s, origin, t, true);
        for (j, ag) in ["agg1", "agg2", "agg3"].iter().enumerate() {
            c.copy(&s, ag, t + 120 + 15 * j as i64 + (k % 7), false);
        }
        let o = &outlets[((k * 7 + 3) % 30) as usize];
        if o != origin {
            c.copy(&s, o, t + 3600 * (1 + k % 5), false);
        }
    }
    // And one real relay group of a center, so that the detector has something to find.
    for k in 0..10 {
        c.push(
            &format!("r{k}"),
            "center",
            5_000 + k * 200_000,
            &["r1", "r2", "r3"],
            1200,
            20,
        );
    }
    let net = CoordinationDetector::builder()
        .interval_s(60.0)
        .build()
        .detect(&c.events);
    // Aggregators co-publish with each other on every story: heavy edges…
    assert!(net.candidate_edges > 3);
    // …but of 30 different origins, so they are no relay edges and no group.
    assert!(edge(&net, "agg1", "agg2").is_none());
    assert_eq!(net.groups.len(), 1);
    assert_eq!(names(&net.groups[0].members), ["r1", "r2", "r3"]);
}

#[test]
fn coarse_missing_and_degenerate_input_does_not_panic() {
    let mut c = Corpus::default();
    assert!(CoordinationDetector::default()
        .detect(&c.events)
        .groups
        .is_empty());
    // Day-precision dates cannot show minutes: never paired.
    for k in 0..5 {
        let s = format!("s{k}");
        let day = Published::parse("2022-01-10");
        c.copy_dated(&s, "a", day, true);
        c.copy_dated(&s, "b", day, false);
        c.copy_dated(&s, "c", None, false);
    }
    c.copy("lonely", "a", 0, false);
    let net = CoordinationDetector::default().detect(&c.events);
    assert_eq!(net.interval.source, IntervalSource::Fallback);
    assert!(net.edges.is_empty() && net.groups.is_empty());
    for bad in [f64::NAN, -5.0, f64::INFINITY] {
        let net = CoordinationDetector::builder()
            .interval_s(bad)
            .percentile(bad)
            .min_center_share(bad)
            .build()
            .detect(&c.events);
        assert!(net.groups.is_empty());
    }
}

/// The GraphML output parses as XML, names every grouped source once, escapes names taken
/// from the data, and keeps the edge weights.
#[test]
fn graphml_is_well_formed_and_complete() {
    use echotrace_coord::{write_graphml, CoordinationNetwork};
    let net: CoordinationNetwork = serde_json::from_value(serde_json::json!({
        "interval": {"seconds": 60.0, "source": "estimated", "clusters_used": 3},
        "weight_cut": 2.0,
        "candidate_edges": 1,
        "edges": [{"a": "a&b.example", "b": "c<d>.example", "weight": 3, "mean_delay_s": 12.5,
                   "symmetry": 0.8, "center": "hub.example", "center_weight": 3, "strong": true,
                   "evidence": [{"cluster": "r1", "a_time": "2022-01-03T10:00:00Z",
                                 "b_time": "2022-01-03T10:00:12Z", "delay_s": 12.0,
                                 "earliest": ["hub.example"]}]}],
        "groups": [{"members": ["a&b.example", "c<d>.example"], "kind": "coordinated",
                    "center": "hub.example", "center_support": 1.0, "center_in_community": false,
                    "clusters": ["r1"], "credits": [], "edges": 1, "strong_edges": 1}]
    }))
    .expect("a network in the crate's serialized shape");
    let mut out = Vec::new();
    write_graphml(&net, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.contains("a&amp;b.example") && xml.contains("c&lt;d&gt;.example"));
    assert!(!xml.contains("a&b.example"));
    assert_eq!(xml.matches("<node ").count(), 3, "{xml}");
    assert_eq!(xml.matches("<edge ").count(), 1);
    assert!(xml.contains(r#"<data key="weight">3</data>"#));
    assert!(xml.contains(r#"<data key="role">center</data>"#));
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}\n{xml}"),
        }
    }
}
