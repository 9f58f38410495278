//! API tests against a store built from the real demo corpus (`examples/demo`), through the
//! router without a socket.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use echotrace_ingest::{IngestEvent, Ingestor};
use echotrace_pipeline::{Analyzer, NoProgress};
use echotrace_server::{router, AppState};
use echotrace_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;
use tower::ServiceExt;

/// The seed page of the demo (a blog repost of a Sputnik story); lines 3 and 7 share a passage.
const SEED_FILE: &str = "000_1da12e83afc5f8cf";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The demo store, built once per test binary: ingest + analyze, as `scripts/demo.sh` does.
fn demo_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let mut store = Store::open(&db).unwrap();
        let mut docs = Vec::new();
        Ingestor::builder()
            .build()
            .read(&[repo().join("examples/demo")], |ev| {
                if let IngestEvent::Document(d) = ev {
                    docs.push(d)
                }
            });
        assert!(docs.len() > 80, "demo corpus read: {}", docs.len());
        store.insert_documents(&docs).unwrap();
        Analyzer::default()
            .run(&mut store, &db, &NoProgress, &AtomicBool::new(false))
            .unwrap();
        (dir, db)
    })
    .1
}

fn app() -> axum::Router {
    router(AppState::open(demo_db(), false, Some(Path::new("/nonexistent/web"))).unwrap())
}

async fn call(app: &axum::Router, method: Method, uri: &str, body: Body) -> (StatusCode, Value) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(body)
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, value)
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    call(app, Method::GET, uri, Body::empty()).await
}

async fn ok(app: &axum::Router, uri: &str) -> Value {
    let (status, v) = get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {v}");
    v
}

/// Code points `[start, end)` of `text`, as a browser would slice it.
fn slice_cp(text: &str, span: &Value) -> String {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    text.chars().skip(start).take(end - start).collect()
}

fn assert_error(status: StatusCode, v: &Value, expected: StatusCode) {
    assert_eq!(status, expected, "{v}");
    assert_eq!(
        v["status"].as_u64(),
        Some(u64::from(expected.as_u16())),
        "{v}"
    );
    assert!(
        v["message"].as_str().is_some_and(|m| !m.is_empty()),
        "error without a message: {v}"
    );
}

#[tokio::test]
async fn stats_and_index() {
    let app = app();
    let v = ok(&app, "/api/stats").await;
    assert!(v["documents"].as_u64().unwrap() > 80);
    assert!(v["clusters"].as_u64().unwrap() > 0);
    assert_eq!(v["allow_ingest"], false);
    assert!(v.get("file_size_bytes").is_none());
    let v = ok(&app, "/api").await;
    assert_eq!(v["openapi"], "/api/openapi.json");
    let v = ok(&app, "/api/sources").await;
    assert!(v["sources"].as_array().unwrap().len() > 5);
}

#[tokio::test]
async fn search_for_tokayev_finds_the_seed_page() {
    let app = app();
    let seed = ok(&app, &format!("/api/documents/{SEED_FILE}")).await;
    let v = ok(&app, "/api/search?q=Tokayev&limit=50").await;
    let hits = v["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["id"] == seed["id"]), "{v}");
    for h in hits {
        assert!(h["snippet"].as_str().unwrap().contains("[Tokayev]"), "{h}");
        assert!(h.get("source").is_some() && h.get("published").is_some());
    }
    // Operators and stray quotes are plain words, never an error.
    for q in [
        "Tokayev%20AND",
        "%22unterminated",
        "(((",
        "NEAR(a%20b)",
        "*",
    ] {
        let (status, v) = get(&app, &format!("/api/search?q={q}")).await;
        assert_eq!(status, StatusCode::OK, "{q}: {v}");
    }
}

#[tokio::test]
async fn seed_reused_spans_are_code_points_that_slice_the_text() {
    let app = app();
    let doc = ok(&app, &format!("/api/documents/{SEED_FILE}")).await;
    let text = doc["text"].as_str().unwrap();
    assert_eq!(
        doc["length"].as_u64().unwrap() as usize,
        text.chars().count()
    );
    assert_eq!(doc["source"], "Sputnik");
    let reuse = doc["reuse"].as_array().unwrap();
    assert!(reuse.len() >= 2, "{doc}");
    let lines: Vec<&str> = text.lines().collect();
    let shared = "meeting of heads of the Collective Security Treaty";
    for n in [3, 7] {
        let line = lines[n - 1];
        assert!(
            line.contains("Collective Security Treaty"),
            "line {n}: {line}"
        );
        let covered = reuse.iter().any(|r| {
            let s = slice_cp(text, &r["span"]);
            line.contains(&s) && s.contains(shared)
        });
        assert!(covered, "line {n} has no reused span");
    }
    for r in reuse {
        assert!(r["cluster"].as_str().is_some());
        assert!(r["copies"].as_array().is_some_and(|c| !c.is_empty()));
        for c in r["copies"].as_array().unwrap() {
            assert!(c["doc"].as_str().is_some() && c["span"]["end"].as_u64().is_some());
        }
    }
    // Exactly one of the spans of the seed's self-cluster is its origin.
    assert!(reuse.iter().any(|r| r["is_origin"] == true));
    // Quotes are marked with speakers, and their spans slice to their text.
    let quotes = doc["quotes"].as_array().unwrap();
    assert!(quotes
        .iter()
        .any(|q| q["speaker"] == "Kassym-Jomart Tokayev"));
    for q in quotes {
        let pieces: Vec<String> = q["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| slice_cp(text, s))
            .collect();
        assert_eq!(pieces.join(" … "), q["text"].as_str().unwrap());
    }
    // The id works as well as the file name.
    let by_id = ok(
        &app,
        &format!("/api/documents/{}", doc["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(by_id["id"], doc["id"]);
    let q = ok(&app, &format!("/api/documents/{SEED_FILE}/quotes")).await;
    assert_eq!(q["quotes"].as_array().unwrap().len(), quotes.len());
}

#[tokio::test]
async fn every_cluster_member_text_is_its_code_point_span() {
    let app = app();
    let list = ok(&app, "/api/clusters?limit=200").await;
    let clusters = list["clusters"].as_array().unwrap();
    assert!(!clusters.is_empty());
    let mut non_ascii = 0;
    for c in clusters.iter().take(40) {
        let id = c["id"].as_str().unwrap();
        let detail = ok(&app, &format!("/api/clusters/{id}")).await;
        let members = detail["members"].as_array().unwrap();
        assert!(members.len() >= 2, "{detail}");
        assert!(detail["alignments"].as_array().is_some());
        for m in members {
            let doc = ok(
                &app,
                &format!("/api/documents/{}", m["doc"].as_str().unwrap()),
            )
            .await;
            let text = doc["text"].as_str().unwrap();
            assert_eq!(slice_cp(text, &m["span"]), m["text"].as_str().unwrap());
            if !text.is_ascii() {
                non_ascii += 1;
            }
        }
        for a in detail["alignments"].as_array().unwrap() {
            assert!(a["a_span"]["start"].as_u64() <= a["a_span"]["end"].as_u64());
        }
        let t = ok(&app, &format!("/api/clusters/{id}/timeline")).await;
        let tl = &t["timeline"];
        assert!(tl["bucket"] == "hour" || tl["bucket"] == "day", "{t}");
        let in_buckets: u64 = tl["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["total"].as_u64().unwrap())
            .sum();
        assert_eq!(
            in_buckets + tl["imprecise"].as_u64().unwrap() + tl["undated"].as_u64().unwrap(),
            tl["total"].as_u64().unwrap()
        );
    }
    assert!(
        non_ascii > 0,
        "no member in a non-ASCII document was checked"
    );
}

#[tokio::test]
async fn cluster_pages_follow_cursors() {
    let app = app();
    let total = ok(&app, "/api/clusters?limit=1").await["total"]
        .as_u64()
        .unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut uri = "/api/clusters?limit=7".to_string();
    loop {
        let v = ok(&app, &uri).await;
        for c in v["clusters"].as_array().unwrap() {
            assert!(seen.insert(c["id"].as_str().unwrap().to_string()));
        }
        match v["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/clusters?limit=7&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen.len() as u64, total);
}

#[tokio::test]
async fn documents_page_with_cursors_and_filter_by_source_and_date() {
    let app = app();
    let total = ok(&app, "/api/stats").await["documents"].as_u64().unwrap();
    let mut ids = Vec::new();
    let mut uri = "/api/documents?limit=9".to_string();
    loop {
        let v = ok(&app, &uri).await;
        let page = v["documents"].as_array().unwrap();
        assert!(page.len() <= 9);
        ids.extend(page.iter().map(|d| d["id"].as_str().unwrap().to_string()));
        match v["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/documents?limit=9&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(ids.len() as u64, total);
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "ids in order, no repeats"
    );

    let v = ok(&app, "/api/documents?source=Sputnik&limit=200").await;
    let docs = v["documents"].as_array().unwrap();
    assert!(!docs.is_empty());
    assert!(docs.iter().all(|d| d["source"] == "Sputnik"));

    let all = ok(&app, "/api/documents?limit=200").await;
    let dated: Vec<&Value> = all["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["published"].is_string())
        .collect();
    assert!(!dated.is_empty());
    let day = &dated[0]["published"].as_str().unwrap()[..10];
    let v = ok(
        &app,
        &format!("/api/documents?from={day}&to={day}&limit=200"),
    )
    .await;
    let docs = v["documents"].as_array().unwrap();
    assert!(docs.iter().any(|d| d["id"] == dated[0]["id"]));
    assert!(docs.iter().all(|d| d["published"]
        .as_str()
        .is_some_and(|p| p.starts_with(day) || p.len() < 10)));
    let v = ok(&app, "/api/documents?from=1990-01-01&to=1990-01-02").await;
    assert_eq!(v["documents"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn quotes_people_network_and_narratives() {
    let app = app();
    let people = ok(&app, "/api/people?limit=10").await;
    let people = people["people"].as_array().unwrap();
    assert!(!people.is_empty());
    assert!(people[0]["quotes"].as_u64().unwrap() >= 1);
    let v = ok(&app, "/api/quotes?speaker=Vladimir%20Putin").await;
    let quotes = v["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        assert_eq!(q["speaker"], "Vladimir Putin");
        assert!(q["document"]["id"].is_string());
    }
    let v = ok(&app, "/api/quotes?speaker=nobody%20at%20all").await;
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);
    // Speech alone: Marc Benioff is quoted in the demo corpus, and also `intimately
    // understands the benefits of that collaboration`, an attitude.
    let all = ok(&app, "/api/quotes?speaker=marc%20benioff&limit=200").await;
    let all = all["quotes"].as_array().unwrap();
    let speech = ok(
        &app,
        "/api/quotes?speaker=marc%20benioff&speech=true&limit=200",
    )
    .await;
    let speech = speech["quotes"].as_array().unwrap();
    assert!(all.iter().any(|q| q["class"] == "attitude"), "{all:?}");
    assert!(!speech.is_empty());
    assert!(speech.iter().all(|q| q["class"] == "speech"), "{speech:?}");
    assert_eq!(
        speech.len(),
        all.iter().filter(|q| q["class"] == "speech").count()
    );

    let net = ok(&app, "/api/network").await;
    for key in ["interval", "edges", "groups", "nodes", "weight_cut"] {
        assert!(net.get(key).is_some(), "network without {key}: {net}");
    }
    for e in net["edges"].as_array().unwrap() {
        assert!(e["weight"].as_u64().unwrap() >= 1);
        assert!(e["evidence"].as_array().is_some());
    }
    let again = ok(&app, "/api/network").await;
    assert_eq!(net, again, "cached network differs");

    let n = ok(&app, "/api/narratives?limit=5").await;
    assert!(n["total"].as_u64().is_some());
    let list = n["narratives"].as_array().unwrap();
    assert!(list.len() <= 5);
    if let Some(first) = list.first() {
        let one = ok(
            &app,
            &format!("/api/narratives/{}", first["id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(&one, first);
        assert!(first["timeline"]["buckets"].is_array());
    }
}

#[tokio::test]
async fn bad_input_is_a_4xx_json_error_never_a_500() {
    let app = app();
    let cases: &[(&str, StatusCode)] = &[
        ("/api/documents/no-such-document", StatusCode::NOT_FOUND),
        (
            "/api/documents/no-such-document/quotes",
            StatusCode::NOT_FOUND,
        ),
        ("/api/clusters/no-such-cluster", StatusCode::NOT_FOUND),
        (
            "/api/clusters/no-such-cluster/timeline",
            StatusCode::NOT_FOUND,
        ),
        ("/api/narratives/no-such-narrative", StatusCode::NOT_FOUND),
        ("/api/no-such-endpoint", StatusCode::NOT_FOUND),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=%20%20", StatusCode::BAD_REQUEST),
        ("/api/search?q=Tokayev&limit=0", StatusCode::BAD_REQUEST),
        ("/api/search?q=Tokayev&limit=201", StatusCode::BAD_REQUEST),
        ("/api/search?q=Tokayev&limit=-1", StatusCode::BAD_REQUEST),
        (
            "/api/search?q=Tokayev&limit=99999999999999999999999",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/documents?cursor=zz", StatusCode::BAD_REQUEST),
        ("/api/documents?cursor=abc", StatusCode::BAD_REQUEST),
        ("/api/documents?from=yesterday", StatusCode::BAD_REQUEST),
        ("/api/documents?to=2022-13-45", StatusCode::BAD_REQUEST),
        ("/api/clusters?cursor=6869", StatusCode::BAD_REQUEST),
        ("/api/narratives?cursor=%ff", StatusCode::BAD_REQUEST),
        ("/api/quotes", StatusCode::BAD_REQUEST),
        (
            "/api/quotes?speaker=x&speech=maybe",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/people?limit=abc", StatusCode::BAD_REQUEST),
    ];
    for (uri, expected) in cases {
        let (status, v) = get(&app, uri).await;
        assert_error(status, &v, *expected);
    }
    let long = "a".repeat(513);
    let (status, v) = get(&app, &format!("/api/search?q={long}")).await;
    assert_error(status, &v, StatusCode::BAD_REQUEST);
    assert!(v["message"].as_str().unwrap().contains("512"));
    let long_id = "x".repeat(2000);
    let (status, v) = get(&app, &format!("/api/documents/{long_id}")).await;
    assert_error(status, &v, StatusCode::BAD_REQUEST);

    // Wrong method: JSON 405. Ingest on a read-only server: 403.
    let (status, v) = call(&app, Method::POST, "/api/stats", Body::empty()).await;
    assert_error(status, &v, StatusCode::METHOD_NOT_ALLOWED);
    let (status, v) = call(&app, Method::POST, "/api/ingest", Body::from("{}")).await;
    assert_error(status, &v, StatusCode::FORBIDDEN);

    // Odd but valid-looking input is answered, never a 5xx.
    let odd = [
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/documents/%00",
        "/api/documents/%F0%9F%98%80",
        "/api/clusters/%27%20OR%201%3D1",
        "/api/quotes?speaker=%27%3B%20DROP%20TABLE%20quotes",
        "/api/search?q=%F0%9F%98%80",
        "/api/documents?source=%27%3B--",
        "/api/search?q=a&q=b&limit=1&limit=2",
    ];
    for uri in odd {
        let (status, v) = get(&app, uri).await;
        assert!(
            status.is_success() || status.is_client_error(),
            "{uri}: {status} {v}"
        );
        if !status.is_success() {
            assert!(v["message"].is_string(), "{uri}: {v}");
        }
    }
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let app = app();
    let v = ok(&app, "/api/openapi.json").await;
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    let paths = v["paths"].as_object().unwrap();
    for p in [
        "/api/stats",
        "/api/sources",
        "/api/documents",
        "/api/documents/{id}",
        "/api/documents/{id}/quotes",
        "/api/search",
        "/api/clusters",
        "/api/clusters/{id}",
        "/api/clusters/{id}/timeline",
        "/api/quotes",
        "/api/people",
        "/api/network",
        "/api/narratives",
        "/api/narratives/{id}",
        "/api/ingest",
    ] {
        assert!(paths.contains_key(p), "openapi.json lacks {p}");
    }
}

#[tokio::test]
async fn the_page_is_served_or_explained() {
    // Not built: `/` says how to build it; API still works.
    let app = app();
    let (status, v) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(v.as_str().unwrap().contains("npm run build"), "{v}");

    // Built: files come from the build directory only.
    let web = tempfile::tempdir().unwrap();
    std::fs::write(
        web.path().join("index.html"),
        "<title>echotrace page</title>",
    )
    .unwrap();
    std::fs::create_dir(web.path().join("assets")).unwrap();
    std::fs::write(web.path().join("assets/app.js"), "console.log(1)").unwrap();
    let app = router(AppState::open(demo_db(), false, Some(web.path())).unwrap());
    let (status, v) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(v.as_str().unwrap().contains("echotrace page"));
    let (status, _) = get(&app, "/assets/app.js").await;
    assert_eq!(status, StatusCode::OK);
    for uri in [
        "/../Cargo.toml",
        "/assets/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/nope.js",
    ] {
        let (status, _) = get(&app, uri).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{uri}: {status}"
        );
    }
    let (status, v) = get(&app, "/api/stats").await;
    assert_eq!(status, StatusCode::OK, "{v}");
}

#[tokio::test]
async fn ingest_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let app = router(AppState::open(&db, true, None).unwrap());
    let jsonl = concat!(
        r#"{"id":"a1","source":"tass.com","date":"2022-01-10","title":"A","text":"Kazakh President Kassym-Jomart Tokayev said on Monday that the main goal of the terrorists was undermining constitutional order, the seizure of power and an attempted coup. He told an extraordinary online meeting of heads of the Collective Security Treaty Organization that groups of armed militants who were waiting in the wings came into action, and promised to provide the international community with evidence of an aggression against Kazakhstan soon."}"#,
        "\n",
        r#"{"id":"a2","source":"ria.ru","date":"2022-01-10T10:00Z","text":"Source: TASS\nKazakh President Kassym-Jomart Tokayev said on Monday that the main goal of the terrorists was undermining constitutional order, the seizure of power and an attempted coup. He told an extraordinary online meeting of heads of the Collective Security Treaty Organization that groups of armed militants who were waiting in the wings came into action, and promised to provide the international community with evidence of an aggression against Kazakhstan soon."}"#,
        "\n",
        "not json\n"
    );
    let (status, v) = call(&app, Method::POST, "/api/ingest", Body::from(jsonl)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["added"], 2);
    assert_eq!(v["rejected"], 1);
    assert_eq!(v["rejections"].as_array().unwrap().len(), 1);
    assert_eq!(v["analysis"]["run"], false);
    let (status, v) = call(
        &app,
        Method::POST,
        "/api/ingest?analyze=true",
        Body::from(jsonl),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["added"], 0);
    assert_eq!(v["unchanged"], 2);
    assert_eq!(v["analysis"]["reuse_documents"], 2);
    let analysis = v["analysis"].clone();
    let v = ok(&app, "/api/search?q=Tokayev").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
    let report = analysis;
    let v = ok(&app, "/api/clusters").await;
    assert_eq!(v["total"], 1, "{report}");

    let (status, v) = call(&app, Method::POST, "/api/ingest", Body::from("garbage\n")).await;
    assert_error(status, &v, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, v) = call(&app, Method::POST, "/api/ingest", Body::empty()).await;
    assert_error(status, &v, StatusCode::BAD_REQUEST);
    let (status, v) = call(
        &app,
        Method::POST,
        "/api/ingest?analyze=maybe",
        Body::from("x"),
    )
    .await;
    assert_error(status, &v, StatusCode::BAD_REQUEST);
    let big = vec![b'x'; echotrace_server::MAX_BODY_BYTES + 10];
    let (status, v) = call(&app, Method::POST, "/api/ingest", Body::from(big)).await;
    assert_error(status, &v, StatusCode::PAYLOAD_TOO_LARGE);
}

#[test]
fn a_missing_store_is_an_error_unless_ingest_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = AppState::open(&missing, false, None).err().unwrap();
    assert!(err.to_string().contains("no store"), "{err}");
    assert!(!missing.exists());
}
