use echotrace_core::{DocId, Published, SourceId};
use echotrace_narratives::{
    timeline_for, BucketSize, LinkEvidence, NarrativeBuilder, StoryCluster, StoryDocument,
    StoryLinker, Timeline,
};

fn doc(id: &str, source: &str, date: &str, speakers: &[&str], entities: &[&str]) -> StoryDocument {
    StoryDocument {
        id: DocId::new(id),
        source: SourceId::new(source),
        published: Published::parse(date),
        title: Some(format!("title of {id}")),
        speakers: speakers.iter().map(|s| s.to_string()).collect(),
        entities: entities.iter().map(|s| s.to_string()).collect(),
    }
}

fn cluster(id: &str, docs: &[&str]) -> StoryCluster {
    StoryCluster {
        id: id.into(),
        docs: docs.iter().map(|d| DocId::new(*d)).collect(),
        origin: None,
    }
}

/// Eight unrelated one-document clusters on the same days, each with its own speaker and the
/// ubiquitous "Kazakhstan": they make rare names rare and common names common.
fn background(docs: &mut Vec<StoryDocument>, clusters: &mut Vec<StoryCluster>) {
    for i in 0..8 {
        let id = format!("bg{i}");
        let date = format!("2022-01-{:02}T08:00:00Z", 3 + i % 4);
        let speaker = format!("Background Speaker {i}");
        docs.push(doc(&id, "bg.example", &date, &[&speaker], &["Kazakhstan"]));
        clusters.push(cluster(&format!("BG{i}"), &[&id]));
    }
}

fn clusters_of(n: &[echotrace_narratives::Narrative]) -> Vec<Vec<String>> {
    n.iter().map(|n| n.clusters.clone()).collect()
}

#[test]
fn clusters_sharing_a_document_join() {
    let docs = vec![
        doc("d1", "a.example", "2022-01-05", &[], &[]),
        doc("d2", "b.example", "2022-01-05", &[], &[]),
        doc("d3", "c.example", "2022-03-05", &[], &[]),
    ];
    // Two months apart, no names: only the shared document d2 links them, past the span cap.
    let clusters = vec![cluster("A", &["d1", "d2"]), cluster("B", &["d2", "d3"])];
    let n = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(
        clusters_of(&n),
        vec![vec!["A".to_string(), "B".to_string()]]
    );
    let ids: Vec<&str> = n[0].documents.iter().map(|d| d.as_str()).collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
}

#[test]
fn a_rare_speaker_within_days_joins_and_a_ubiquitous_entity_does_not() {
    let mut docs = vec![
        doc(
            "a1",
            "tass.com",
            "2022-01-05T10:00:00Z",
            &["Tokayev"],
            &["Kazakhstan"],
        ),
        doc(
            "b1",
            "ria.ru",
            "2022-01-07T10:00:00Z",
            &["Tokayev"],
            &["Kazakhstan"],
        ),
        doc(
            "c1",
            "bbc.co.uk",
            "2022-01-05T11:00:00Z",
            &["Someone Else"],
            &["Kazakhstan"],
        ),
    ];
    let mut clusters = vec![
        cluster("A", &["a1"]),
        cluster("B", &["b1"]),
        cluster("C", &["c1"]),
    ];
    background(&mut docs, &mut clusters);
    let n = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(
        clusters_of(&n),
        vec![vec!["A".to_string(), "B".to_string()]]
    );
    assert_eq!(n[0].key_names, ["Tokayev"]);
    assert_eq!(n[0].speakers[0].name, "Tokayev");
    assert_eq!(n[0].speakers[0].count, 2);
    assert_eq!(n[0].sources.len(), 2);
}

#[test]
fn ubiquitous_names_alone_do_not_glue_even_when_they_are_the_only_names() {
    // Same hour, same speaker and entities in every story: were names not weighted by their
    // rarity, all ten would be one narrative.
    let mut docs = Vec::new();
    let mut clusters = Vec::new();
    for i in 0..10 {
        let id = format!("d{i}");
        let (speakers, entities) = (&["Peskov"], &["Russia", "Kremlin"]);
        docs.push(doc(
            &id,
            "x.example",
            "2022-01-05T10:00:00Z",
            speakers,
            entities,
        ));
        clusters.push(cluster(&format!("C{i}"), &[&id]));
    }
    assert!(NarrativeBuilder::new().build(&docs, &clusters).is_empty());
}

#[test]
fn one_rare_entity_in_common_is_chance_two_are_a_story() {
    let mut docs = vec![
        doc(
            "a1",
            "a.example",
            "2022-01-05T10:00:00Z",
            &[],
            &["Nazarbayev", "Samruk"],
        ),
        doc(
            "b1",
            "b.example",
            "2022-01-05T11:00:00Z",
            &[],
            &["Nazarbayev", "Samruk"],
        ),
        doc("c1", "c.example", "2022-01-05T12:00:00Z", &[], &["Samruk"]),
        doc("d1", "d.example", "2022-01-05T12:00:00Z", &[], &["Karimov"]),
        doc("e1", "e.example", "2022-01-05T13:00:00Z", &[], &["Karimov"]),
    ];
    let mut clusters = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|c| cluster(c, &[&format!("{}1", c.to_lowercase())]))
        .collect::<Vec<_>>();
    background(&mut docs, &mut clusters);
    let n = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(
        clusters_of(&n),
        vec![vec!["A".to_string(), "B".to_string()]]
    );
    // Karimov alone (IDF ln(13/2) × 0.6 = 1.12) passes a lowered weight bar, but is one name.
    let strict = NarrativeBuilder::new().min_name_weight(1.0);
    assert_eq!(strict.build(&docs, &clusters).len(), 1);
    let loose = strict.min_shared_entities(1);
    let n = loose.build(&docs, &clusters);
    assert_eq!(n.len(), 2);
    assert_eq!(n[1].clusters, ["D", "E"]);
}

#[test]
fn the_same_speaker_far_apart_in_time_stays_apart() {
    let mut docs = vec![
        doc("a1", "tass.com", "2022-01-05T10:00:00Z", &["Tokayev"], &[]),
        doc("b1", "ria.ru", "2022-01-09T10:00:01Z", &["Tokayev"], &[]),
    ];
    let mut clusters = vec![cluster("A", &["a1"]), cluster("B", &["b1"])];
    background(&mut docs, &mut clusters);
    // Four days and a second apart: beyond the 3-day window.
    assert!(NarrativeBuilder::new().build(&docs, &clusters).is_empty());
    // A wider window joins them, which shows that time alone kept them apart.
    let wide = NarrativeBuilder::new().window(chrono::Duration::days(5));
    assert_eq!(wide.build(&docs, &clusters).len(), 1);
}

#[test]
fn a_chain_of_close_stories_is_cut_at_the_span_cap() {
    // A–B–C–D each 2 days apart, consecutive pairs sharing a rare speaker: connected
    // components would make one 6-day story; a 3-day cap keeps two.
    let mut docs = vec![
        doc("a", "s.example", "2022-01-01T12:00:00Z", &["P1"], &[]),
        doc("b", "s.example", "2022-01-03T12:00:00Z", &["P1", "P2"], &[]),
        doc("c", "s.example", "2022-01-05T12:00:00Z", &["P2", "P3"], &[]),
        doc("d", "s.example", "2022-01-07T12:00:00Z", &["P3"], &[]),
    ];
    let mut clusters = vec![
        cluster("A", &["a"]),
        cluster("B", &["b"]),
        cluster("C", &["c"]),
        cluster("D", &["d"]),
    ];
    background(&mut docs, &mut clusters);
    let all = NarrativeBuilder::new().max_span(chrono::Duration::days(30));
    assert_eq!(all.build(&docs, &clusters).len(), 1);
    let capped = NarrativeBuilder::new().max_span(chrono::Duration::days(3));
    let n = capped.build(&docs, &clusters);
    assert_eq!(
        clusters_of(&n),
        vec![
            vec!["A".to_string(), "B".to_string()],
            vec!["C".to_string(), "D".to_string()]
        ]
    );
}

#[test]
fn quoted_documents_outside_clusters_join_by_speaker() {
    let mut docs = vec![
        doc("a1", "tass.com", "2022-01-05T10:00:00Z", &["Tokayev"], &[]),
        doc("q1", "ria.ru", "2022-01-05T18:00:00Z", &["Tokayev"], &[]),
    ];
    let mut clusters = vec![cluster("A", &["a1"])];
    background(&mut docs, &mut clusters);
    let n = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].clusters, ["A"]);
    assert_eq!(n[0].documents.len(), 2);
    let off = NarrativeBuilder::new().include_quote_documents(false);
    assert!(off.build(&docs, &clusters).is_empty());
}

fn bucket_counts(t: &Timeline) -> Vec<(String, usize)> {
    t.buckets
        .iter()
        .map(|b| (b.start.to_rfc3339(), b.total))
        .collect()
}

#[test]
fn hour_timeline_keeps_day_only_copies_apart_and_counts_undated() {
    let docs = vec![
        doc("h1", "a.example", "2022-01-05T10:15:00Z", &[], &[]),
        doc("h2", "b.example", "2022-01-05T10:45:00Z", &[], &[]),
        doc("h3", "a.example", "2022-01-05T13:00:00Z", &[], &[]),
        doc("d1", "c.example", "2022-01-05", &[], &[]),
        doc("u1", "c.example", "", &[], &[]),
    ];
    let ids: Vec<DocId> = ["h1", "h2", "h3", "d1", "u1", "missing", "h1"]
        .iter()
        .map(|s| DocId::new(*s))
        .collect();
    let t = timeline_for(&docs, &ids);
    assert_eq!(t.bucket, BucketSize::Hour);
    assert_eq!(
        bucket_counts(&t),
        [
            ("2022-01-05T10:00:00+00:00".to_string(), 2),
            ("2022-01-05T13:00:00+00:00".to_string(), 1)
        ]
    );
    assert_eq!(t.buckets[0].per_source.len(), 2);
    assert_eq!(
        t.imprecise, 1,
        "the day-only copy is neither at midnight nor spread"
    );
    assert_eq!(
        t.undated, 2,
        "no date and unknown id are undated, not the epoch"
    );
    assert_eq!(t.total, 6, "duplicate ids count once");
}

#[test]
fn day_timeline_when_long_or_mostly_day_dated() {
    let docs = vec![
        doc("h1", "a.example", "2022-01-05T10:15:00Z", &[], &[]),
        doc("d1", "b.example", "2022-01-05", &[], &[]),
        doc("d2", "b.example", "2022-01-06", &[], &[]),
        doc("m1", "b.example", "2022-01", &[], &[]),
        doc("h2", "a.example", "2022-01-20T23:59:00Z", &[], &[]),
    ];
    let ids = |v: &[&str]| v.iter().map(|s| DocId::new(*s)).collect::<Vec<_>>();
    // Mostly day-dated within two days: day buckets, the hour copy in its day.
    let t = timeline_for(&docs, &ids(&["h1", "d1", "d2"]));
    assert_eq!(t.bucket, BucketSize::Day);
    assert_eq!(
        bucket_counts(&t),
        [
            ("2022-01-05T00:00:00+00:00".to_string(), 2),
            ("2022-01-06T00:00:00+00:00".to_string(), 1)
        ]
    );
    // All hour-dated but over 15 days: day buckets; the month-only copy is imprecise.
    let t = timeline_for(&docs, &ids(&["h1", "h2", "m1"]));
    assert_eq!(t.bucket, BucketSize::Day);
    assert_eq!(t.buckets.len(), 2);
    assert_eq!(t.imprecise, 1);
    assert_eq!(t.undated, 0);
}

#[test]
fn narratives_and_ids_do_not_depend_on_input_order() {
    let mut docs = vec![
        doc(
            "a1",
            "tass.com",
            "2022-01-05T10:00:00Z",
            &["Tokayev"],
            &["CSTO"],
        ),
        doc("a2", "blog.example", "2022-01-05T12:00:00Z", &[], &[]),
        doc(
            "b1",
            "ria.ru",
            "2022-01-06T09:00:00Z",
            &["Tokayev"],
            &["CSTO"],
        ),
        doc("c1", "x.example", "2022-02-01T09:00:00Z", &["Putin"], &[]),
        doc("c2", "y.example", "2022-02-01T10:00:00Z", &["Putin"], &[]),
    ];
    let mut clusters = vec![
        cluster("A", &["a1", "a2"]),
        cluster("B", &["b1"]),
        cluster("C1", &["c1"]),
        cluster("C2", &["c2"]),
    ];
    background(&mut docs, &mut clusters);
    let forward = NarrativeBuilder::new().build(&docs, &clusters);
    docs.reverse();
    clusters.reverse();
    for c in &mut clusters {
        c.docs.reverse();
    }
    let backward = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(forward.len(), 2);
    assert_eq!(forward, backward);
    assert!(forward[0].id.starts_with('n') && forward[0].id.len() == 17);
    assert_ne!(forward[0].id, forward[1].id);
    // The id is that of the earliest unit: adding a later cluster to the story keeps it.
    docs.push(doc(
        "b9",
        "z.example",
        "2022-01-07T09:00:00Z",
        &["Tokayev"],
        &["CSTO"],
    ));
    clusters.push(cluster("B9", &["b9"]));
    let grown = NarrativeBuilder::new().build(&docs, &clusters);
    assert_eq!(grown[0].id, forward[0].id);
    assert_eq!(grown[0].clusters, ["A", "B", "B9"]);
}

#[test]
fn empty_and_degenerate_input() {
    let b = NarrativeBuilder::new();
    assert!(b.build(&[], &[]).is_empty());
    let t = timeline_for(&[], &[]);
    assert_eq!(
        (t.total, t.undated, t.imprecise, t.buckets.len()),
        (0, 0, 0, 0)
    );
    // Clusters of unknown or no documents, empty names, duplicate ids: no panic.
    let docs = vec![
        doc("a", "", "", &["", "  "], &[""]),
        doc("a", "s", "2022-01-01", &["X"], &[]),
    ];
    let clusters = vec![
        cluster("E", &[]),
        cluster("U", &["nowhere", "a"]),
        cluster("U", &["a"]),
        cluster("V", &["nowhere"]),
    ];
    let n = b.min_units(1).build(&docs, &clusters);
    // U and V share the undescribed document "nowhere".
    assert_eq!(
        clusters_of(&n),
        vec![vec!["U".to_string(), "V".to_string()]]
    );
    assert_eq!(n[0].timeline.undated, 1);
}

#[test]
fn narratives_serialise() {
    let mut docs = vec![
        doc("a1", "tass.com", "2022-01-05T10:00:00Z", &["Tokayev"], &[]),
        doc("b1", "ria.ru", "2022-01-05T11:00:00Z", &["Tokayev"], &[]),
    ];
    let mut clusters = vec![cluster("A", &["a1"]), cluster("B", &["b1"])];
    background(&mut docs, &mut clusters);
    let n = NarrativeBuilder::new().build(&docs, &clusters);
    let json = serde_json::to_value(&n).expect("serialises");
    assert_eq!(json[0]["timeline"]["bucket"], "hour");
    assert_eq!(
        json[0]["timeline"]["buckets"][0]["start"],
        "2022-01-05T10:00:00Z"
    );
    assert_eq!(json[0]["first"]["precision"], "second");
}

/// A linker that never links names proves the default linker is what joined them.
struct DocumentsOnly;
impl StoryLinker for DocumentsOnly {
    fn strength(&self, e: &LinkEvidence) -> Option<f64> {
        (e.shared_documents > 0).then_some(1.0)
    }
}

#[test]
fn the_linker_is_pluggable() {
    let mut docs = vec![
        doc("a1", "tass.com", "2022-01-05T10:00:00Z", &["Tokayev"], &[]),
        doc("b1", "ria.ru", "2022-01-05T11:00:00Z", &["Tokayev"], &[]),
    ];
    let mut clusters = vec![cluster("A", &["a1"]), cluster("B", &["b1"])];
    background(&mut docs, &mut clusters);
    assert_eq!(NarrativeBuilder::new().build(&docs, &clusters).len(), 1);
    let strict = NarrativeBuilder::new().linker(DocumentsOnly);
    assert!(strict.build(&docs, &clusters).is_empty());
}
