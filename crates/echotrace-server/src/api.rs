//! The JSON endpoints under `/api/`. Every offset returned is in Unicode code points.

use crate::error::{error_response, ApiError};
use crate::params::{decode_cursor, encode_cursor, Params, PathParam};
use crate::state::{AppState, Reader};
use crate::{MAX_BODY_BYTES, MAX_QUERY_BYTES};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use echotrace_coord::CoordinationDetector;
use echotrace_core::{ByteSpan, CharOffsets, DocId, Document, Published};
use echotrace_narratives::{
    timeline_for, Narrative, NarrativeBuilder, StoryCluster, StoryDocument,
};
use echotrace_store::{FoundDocument, QuoteQuery, StoredCluster, StoredQuote};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Copies listed with each reused span of a document; the cluster endpoint lists them all.
const MAX_COPIES_PER_SPAN: usize = 50;
/// Members listed by the cluster endpoint (`members_total` says how many there are).
const MAX_CLUSTER_MEMBERS: usize = 500;
/// Longest document id or speaker name accepted in a path or parameter.
const MAX_KEY_BYTES: usize = 1024;

pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .route("/api", get(index))
        .route("/api/", get(index))
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(stats))
        .route("/api/sources", get(sources))
        .route("/api/documents", get(list_documents))
        .route("/api/documents/{id}", get(get_document))
        .route("/api/documents/{id}/quotes", get(document_quotes))
        .route("/api/search", get(search))
        .route("/api/clusters", get(list_clusters))
        .route("/api/clusters/{id}", get(get_cluster))
        .route("/api/clusters/{id}/timeline", get(cluster_timeline))
        .route("/api/quotes", get(quotes_by_speaker))
        .route("/api/people", get(people))
        .route("/api/network", get(network))
        .route("/api/narratives", get(list_narratives))
        .route("/api/narratives/{id}", get(get_narrative))
        .route("/api/ingest", post(ingest))
        .route("/api/{*rest}", get(api_not_found).post(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(json_errors))
        .with_state(state)
}

/// Any error under `/api/` that is not JSON yet (a framework rejection, a 405, a body-limit
/// 413) becomes `{status, message}` too, so clients handle one shape.
async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
        return error_response(status, &reason);
    }
    res
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("no such endpoint; see /api/openapi.json")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed on this endpoint",
    )
}

async fn index() -> Json<Value> {
    Json(json!({
        "name": "echotrace",
        "version": env!("CARGO_PKG_VERSION"),
        "openapi": "/api/openapi.json",
        "offsets": "Unicode code points, half-open [start, end)",
    }))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::OPENAPI_JSON,
    )
        .into_response()
}

// ---- shared shapes ------------------------------------------------------------------------

/// A half-open range of code points `[start, end)`.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    fn of(map: &CharOffsets, span: ByteSpan) -> Span {
        Span {
            start: map.to_char(span.start),
            end: map.to_char(span.end),
        }
    }
}

/// What a list shows of a document.
#[derive(Serialize, Clone, Debug)]
pub(crate) struct DocSummary {
    pub id: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub published_precision: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
}

impl DocSummary {
    fn of(doc: &Document) -> Self {
        DocSummary {
            id: doc.id.to_string(),
            source: doc.source.as_ref().map(|s| s.to_string()),
            url: doc.url.clone(),
            published: doc.published.map(|p| p.to_string()),
            published_precision: doc.published.map(|p| p.precision().as_str().to_string()),
            title: doc.title.clone(),
            language: doc.language.clone(),
        }
    }
}

/// Documents loaded once per request, with their offset maps.
struct DocCache<'r> {
    reader: &'r Reader,
    docs: HashMap<DocId, Option<Arc<(Document, CharOffsets)>>>,
}

impl<'r> DocCache<'r> {
    fn new(reader: &'r Reader) -> Self {
        DocCache {
            reader,
            docs: HashMap::new(),
        }
    }

    fn get(&mut self, id: &DocId) -> Result<Option<Arc<(Document, CharOffsets)>>, ApiError> {
        if let Some(d) = self.docs.get(id) {
            return Ok(d.clone());
        }
        let loaded = self.reader.store.document(id)?.map(|d| {
            let map = CharOffsets::new(&d.text);
            Arc::new((d, map))
        });
        self.docs.insert(id.clone(), loaded.clone());
        Ok(loaded)
    }
}

fn check_key(what: &str, key: &str) -> Result<(), ApiError> {
    if key.is_empty() || key.len() > MAX_KEY_BYTES {
        return Err(ApiError::bad_request(format!(
            "{what} must be 1 to {MAX_KEY_BYTES} bytes long"
        )));
    }
    Ok(())
}

// ---- stats and sources --------------------------------------------------------------------

async fn stats(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let allow_ingest = state.allow_ingest();
    state
        .read(move |r| {
            let mut v = serde_json::to_value(r.store.stats()?).map_err(ApiError::internal)?;
            // The file size and path say nothing a reader of the page needs.
            if let Some(o) = v.as_object_mut() {
                o.remove("file_size_bytes");
                o.insert("allow_ingest".into(), allow_ingest.into());
            }
            Ok(Json(v))
        })
        .await
}

async fn sources(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    state
        .read(|r| Ok(Json(json!({ "sources": r.store.sources()? }))))
        .await
}

// ---- documents ----------------------------------------------------------------------------

/// The start of the day (or other period) `raw` names, or its end, in Unix seconds.
fn date_bound(name: &str, raw: &str, end: bool) -> Result<i64, ApiError> {
    let p = Published::parse(raw).ok_or_else(|| {
        ApiError::bad_request(format!(
            "`{name}` must be an ISO 8601 date or time (2022-01-10, 2022-01-10T09:30Z), not {raw:?}"
        ))
    })?;
    Ok(if end { p.latest() } else { p.earliest() }.timestamp())
}

async fn list_documents(
    State(state): State<AppState>,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let limit = params.limit(50)?;
    let after = params.str("cursor").map(decode_cursor).transpose()?;
    let source = params.str("source").map(str::to_string);
    if let Some(s) = &source {
        check_key("`source`", s)?;
    }
    let from = params
        .str("from")
        .map(|v| date_bound("from", v, false))
        .transpose()?;
    let to = params
        .str("to")
        .map(|v| date_bound("to", v, true))
        .transpose()?;
    state
        .read(move |r| {
            // Keyset paging on the id index: each page costs the same however deep it is.
            // Dates filter by overlap with the document's publication interval, so a
            // document dated only to the month is in a range that meets its month.
            let mut stmt = r.conn.prepare_cached(
                "SELECT d.id, s.name, d.url, d.published_at, d.published_precision, d.title, \
                        d.language \
                 FROM documents d LEFT JOIN sources s ON s.id = d.source_id \
                 WHERE d.id > ?1 AND (?2 IS NULL OR s.name = ?2) \
                   AND (?3 IS NULL OR d.published_latest > ?3) \
                   AND (?4 IS NULL OR d.published_earliest < ?4) \
                 ORDER BY d.id LIMIT ?5",
            )?;
            let fetch = i64::try_from(limit + 1).unwrap_or(i64::MAX);
            let rows = stmt.query_map(
                rusqlite::params![after.unwrap_or_default(), source, from, to, fetch],
                |row| {
                    Ok(DocSummary {
                        id: row.get(0)?,
                        source: row.get(1)?,
                        url: row.get(2)?,
                        published: row.get(3)?,
                        published_precision: row.get(4)?,
                        title: row.get(5)?,
                        language: row.get(6)?,
                    })
                },
            )?;
            let mut docs = rows.collect::<Result<Vec<_>, _>>()?;
            let next = if docs.len() > limit {
                docs.truncate(limit);
                docs.last().map(|d| encode_cursor(&d.id))
            } else {
                None
            };
            Ok(Json(json!({ "documents": docs, "next_cursor": next })))
        })
        .await
}

/// A document by id, else by the name of the file it was read from (as `echotrace show`).
fn find_document(r: &Reader, key: &str) -> Result<Document, ApiError> {
    match r.store.find_document(key)? {
        FoundDocument::One(doc) => Ok(*doc),
        _ => Err(ApiError::not_found(format!("no document {key:?}"))),
    }
}

#[derive(Serialize)]
struct CopyRef {
    doc: String,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    span: Span,
    /// This member is the cluster's origin (earliest witness chosen by provenance).
    is_origin: bool,
}

#[derive(Serialize)]
struct ReusedSpan {
    cluster: String,
    span: Span,
    is_origin: bool,
    /// The document this copy was taken from, as provenance ranks it.
    parent: Option<String>,
    confidence: f64,
    origin: Option<String>,
    origin_confidence: f64,
    copies_total: usize,
    copies: Vec<CopyRef>,
}

#[derive(Serialize)]
pub(crate) struct QuoteView {
    doc: String,
    kind: String,
    /// `speech` or `attitude` (thinking, wanting, judging), as the quote stage classed the cue.
    class: Option<String>,
    speaker: Option<String>,
    /// The quoted words (one span per piece of a split quote).
    content: Vec<Span>,
    cue: Option<Span>,
    /// Where the speaker is named in the text.
    speaker_span: Option<Span>,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<DocSummary>,
}

fn quote_view(q: &StoredQuote, doc: &Document, map: &CharOffsets, with_doc: bool) -> QuoteView {
    QuoteView {
        doc: q.doc.to_string(),
        kind: q.kind.clone(),
        class: q.detail["class"].as_str().map(str::to_string),
        speaker: q.speaker.clone(),
        content: q.content.iter().map(|s| Span::of(map, *s)).collect(),
        cue: q.cue.map(|s| Span::of(map, s)),
        speaker_span: q.source.map(|s| Span::of(map, s)),
        text: q
            .content
            .iter()
            .map(|s| s.slice(&doc.text))
            .collect::<Vec<_>>()
            .join(" … "),
        document: with_doc.then(|| DocSummary::of(doc)),
    }
}

/// The member of `c` that is its origin: the first member in the origin document.
fn origin_member(c: &StoredCluster) -> Option<usize> {
    let origin = c.origin.as_ref()?;
    c.members.iter().position(|m| &m.doc == origin)
}

async fn get_document(
    State(state): State<AppState>,
    PathParam(key): PathParam<String>,
) -> Result<Json<Value>, ApiError> {
    check_key("a document id", &key)?;
    state
        .read(move |r| {
            let doc = find_document(r, &key)?;
            let map = CharOffsets::new(&doc.text);
            let mut cache = DocCache::new(r);
            let mut reuse = Vec::new();
            for c in r.store.clusters_of(&doc.id)? {
                let origin_at = origin_member(&c);
                for (i, m) in c.members.iter().enumerate() {
                    if m.doc != doc.id {
                        continue;
                    }
                    let mut copies = Vec::new();
                    for (j, other) in c.members.iter().enumerate() {
                        if j == i || copies.len() >= MAX_COPIES_PER_SPAN {
                            continue;
                        }
                        let Some(od) = cache.get(&other.doc)? else {
                            continue;
                        };
                        let (odoc, omap) = &*od;
                        copies.push(CopyRef {
                            doc: other.doc.to_string(),
                            source: odoc.source.as_ref().map(|s| s.to_string()),
                            published: odoc.published.map(|p| p.to_string()),
                            title: odoc.title.clone(),
                            span: Span::of(omap, other.span),
                            is_origin: origin_at == Some(j),
                        });
                    }
                    reuse.push(ReusedSpan {
                        cluster: c.id.clone(),
                        span: Span::of(&map, m.span),
                        is_origin: origin_at == Some(i),
                        parent: m.parent.as_ref().map(|p| p.to_string()),
                        confidence: m.confidence,
                        origin: c.origin.as_ref().map(|o| o.to_string()),
                        origin_confidence: c.origin_confidence,
                        copies_total: c.members.len().saturating_sub(1),
                        copies,
                    });
                }
            }
            reuse.sort_by_key(|s| (s.span.start, s.span.end));
            let quotes: Vec<QuoteView> = r
                .store
                .quotes_of(&doc.id)?
                .iter()
                .map(|q| quote_view(q, &doc, &map, false))
                .collect();
            let entities = r.store.entities_of(&doc.id)?;
            let mut v = serde_json::to_value(DocSummary::of(&doc)).map_err(ApiError::internal)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("origin".into(), json!(doc.origin));
                o.insert("length".into(), json!(doc.text.chars().count()));
                o.insert("body".into(), json!(Span::of(&map, doc.body)));
                o.insert("reuse".into(), json!(reuse));
                o.insert("quotes".into(), json!(quotes));
                o.insert(
                    "entities".into(),
                    json!(entities
                        .iter()
                        .map(|e| json!({"kind": e.kind, "name": e.name, "aliases": e.aliases}))
                        .collect::<Vec<_>>()),
                );
                o.insert("text".into(), json!(doc.text));
            }
            Ok(Json(v))
        })
        .await
}

async fn document_quotes(
    State(state): State<AppState>,
    PathParam(key): PathParam<String>,
) -> Result<Json<Value>, ApiError> {
    check_key("a document id", &key)?;
    state
        .read(move |r| {
            let doc = find_document(r, &key)?;
            let map = CharOffsets::new(&doc.text);
            let quotes: Vec<QuoteView> = r
                .store
                .quotes_of(&doc.id)?
                .iter()
                .map(|q| quote_view(q, &doc, &map, false))
                .collect();
            Ok(Json(json!({ "doc": doc.id, "quotes": quotes })))
        })
        .await
}

// ---- search -------------------------------------------------------------------------------

async fn search(State(state): State<AppState>, params: Params) -> Result<Json<Value>, ApiError> {
    let q = params.required("q")?.to_string();
    if q.len() > MAX_QUERY_BYTES {
        return Err(ApiError::bad_request(format!(
            "`q` is longer than {MAX_QUERY_BYTES} bytes"
        )));
    }
    let limit = params.limit(20)?;
    state
        .read(move |r| {
            let hits = r.store.search(&q, limit)?;
            let mut stmt = r.conn.prepare_cached(
                "SELECT s.name, d.published_at FROM documents d \
                 LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?1",
            )?;
            let mut out = Vec::with_capacity(hits.len());
            for h in hits {
                let (source, published): (Option<String>, Option<String>) = stmt
                    .query_row([h.id.as_str()], |row| Ok((row.get(0)?, row.get(1)?)))
                    .unwrap_or((None, None));
                out.push(json!({
                    "id": h.id, "title": h.title, "snippet": h.snippet,
                    "source": source, "published": published,
                }));
            }
            Ok(Json(json!({
                "query": q,
                "match_start": echotrace_store::MATCH_START,
                "match_end": echotrace_store::MATCH_END,
                "hits": out,
            })))
        })
        .await
}

// ---- clusters -----------------------------------------------------------------------------

fn offset_cursor(params: &Params) -> Result<usize, ApiError> {
    match params.str("cursor") {
        None => Ok(0),
        Some(c) => decode_cursor(c)?
            .strip_prefix('o')
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ApiError::bad_request("`cursor` is not a cursor this server returned")),
    }
}

fn next_offset(offset: usize, got: usize, limit: usize) -> Option<String> {
    (got > limit).then(|| encode_cursor(&format!("o{}", offset + limit)))
}

async fn list_clusters(
    State(state): State<AppState>,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let limit = params.limit(50)?;
    let offset = offset_cursor(&params)?;
    state
        .read(move |r| {
            let mut page = r.store.cluster_summaries(limit + 1, offset)?;
            let next = next_offset(offset, page.len(), limit);
            page.truncate(limit);
            Ok(Json(json!({
                "total": r.store.cluster_count()?,
                "clusters": page,
                "next_cursor": next,
            })))
        })
        .await
}

fn load_cluster(r: &Reader, id: &str) -> Result<StoredCluster, ApiError> {
    r.store
        .cluster(id)?
        .ok_or_else(|| ApiError::not_found(format!("no cluster {id:?}")))
}

async fn get_cluster(
    State(state): State<AppState>,
    PathParam(id): PathParam<String>,
) -> Result<Json<Value>, ApiError> {
    check_key("a cluster id", &id)?;
    state
        .read(move |r| {
            let c = load_cluster(r, &id)?;
            let origin_at = origin_member(&c);
            let mut cache = DocCache::new(r);
            let mut members = Vec::new();
            for (i, m) in c.members.iter().enumerate().take(MAX_CLUSTER_MEMBERS) {
                let Some(d) = cache.get(&m.doc)? else {
                    continue;
                };
                let (doc, map) = &*d;
                members.push(json!({
                    "index": i,
                    "doc": m.doc,
                    "document": DocSummary::of(doc),
                    "span": Span::of(map, m.span),
                    "text": m.span.slice(&doc.text),
                    "is_origin": origin_at == Some(i),
                    "parent": m.parent,
                    "confidence": m.confidence,
                    "evidence": m.evidence,
                }));
            }
            // The pairwise alignments behind the cluster: those between two of its documents
            // that overlap both members' spans.
            let spans: HashMap<&DocId, Vec<ByteSpan>> =
                c.members.iter().fold(HashMap::new(), |mut acc, m| {
                    acc.entry(&m.doc).or_default().push(m.span);
                    acc
                });
            let overlaps = |doc: &DocId, s: ByteSpan| {
                spans
                    .get(doc)
                    .is_some_and(|v| v.iter().any(|m| m.start < s.end && s.start < m.end))
            };
            let mut seen = HashSet::new();
            let mut alignments = Vec::new();
            for doc in spans.keys().take(MAX_CLUSTER_MEMBERS) {
                for a in r.store.alignments_of(doc)? {
                    if !overlaps(&a.a, a.a_span) || !overlaps(&a.b, a.b_span) {
                        continue;
                    }
                    let key = (a.a.clone(), a.a_span, a.b.clone(), a.b_span);
                    if !seen.insert(key) {
                        continue;
                    }
                    let (Some(da), Some(db)) = (cache.get(&a.a)?, cache.get(&a.b)?) else {
                        continue;
                    };
                    alignments.push(json!({
                        "a": a.a, "a_span": Span::of(&da.1, a.a_span),
                        "b": a.b, "b_span": Span::of(&db.1, a.b_span),
                        "score": a.score, "identity": a.identity,
                    }));
                }
            }
            Ok(Json(json!({
                "id": c.id,
                "origin": c.origin,
                "origin_confidence": c.origin_confidence,
                "earliest": c.earliest,
                "members_total": c.members.len(),
                "members": members,
                "alignments": alignments,
            })))
        })
        .await
}

fn story_document(doc: &Document) -> StoryDocument {
    StoryDocument {
        id: doc.id.clone(),
        source: doc.source.clone(),
        published: doc.published,
        title: doc.title.clone(),
        speakers: Vec::new(),
        entities: Vec::new(),
    }
}

async fn cluster_timeline(
    State(state): State<AppState>,
    PathParam(id): PathParam<String>,
) -> Result<Json<Value>, ApiError> {
    check_key("a cluster id", &id)?;
    state
        .read(move |r| {
            let c = load_cluster(r, &id)?;
            let mut ids: Vec<DocId> = c.members.iter().map(|m| m.doc.clone()).collect();
            ids.dedup();
            let mut docs = Vec::new();
            let mut seen = HashSet::new();
            for id in &ids {
                if seen.insert(id.clone()) {
                    if let Some(d) = r.store.document(id)? {
                        docs.push(story_document(&d));
                    }
                }
            }
            let timeline = timeline_for(&docs, &ids);
            Ok(Json(json!({ "cluster": c.id, "timeline": timeline })))
        })
        .await
}

// ---- quotes and people --------------------------------------------------------------------

async fn quotes_by_speaker(
    State(state): State<AppState>,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let speaker = params.required("speaker")?.to_string();
    check_key("`speaker`", &speaker)?;
    let limit = params.limit(50)?;
    let speech = params.flag("speech")?;
    state
        .read(move |r| {
            let mut cache = DocCache::new(r);
            let mut out = Vec::new();
            let query = QuoteQuery::default()
                .speaker(speaker.as_str())
                .speech_only(speech)
                .limit(limit);
            for q in r.store.find_quotes(&query)? {
                if let Some(d) = cache.get(&q.doc)? {
                    out.push(quote_view(&q, &d.0, &d.1, true));
                }
            }
            Ok(Json(json!({ "speaker": speaker, "quotes": out })))
        })
        .await
}

async fn people(State(state): State<AppState>, params: Params) -> Result<Json<Value>, ApiError> {
    let limit = params.limit(50)?;
    state
        .read(move |r| {
            let people: Vec<Value> = r
                .store
                .speakers(limit)?
                .into_iter()
                .map(|(name, quotes)| json!({ "name": name, "quotes": quotes }))
                .collect();
            Ok(Json(json!({ "people": people })))
        })
        .await
}

// ---- network ------------------------------------------------------------------------------

async fn network(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    if let Some(v) = state.cache().network.clone() {
        return Ok(Json((*v).clone()));
    }
    let value = state
        .read(|r| {
            let net = echotrace_pipeline::coordination_network(
                &r.store,
                &CoordinationDetector::default(),
            )?;
            let counts: HashMap<String, u64> = r
                .store
                .sources()?
                .into_iter()
                .map(|s| (s.name, s.documents))
                .collect();
            // Nodes: every source on an edge or in a group, with the group it belongs to
            // (as member or center), so a client can colour without re-deriving it.
            let mut nodes: Vec<Value> = Vec::new();
            let mut seen = HashSet::new();
            let mut group_of: HashMap<String, (usize, &'static str)> = HashMap::new();
            for (g, group) in net.groups.iter().enumerate() {
                for m in &group.members {
                    group_of.insert(m.to_string(), (g, "member"));
                }
                if let Some(c) = &group.center {
                    group_of.entry(c.to_string()).or_insert((g, "center"));
                }
            }
            let named = net
                .edges
                .iter()
                .flat_map(|e| [e.a.to_string(), e.b.to_string()])
                .chain(group_of.keys().cloned())
                .collect::<Vec<_>>();
            for name in named {
                if seen.insert(name.clone()) {
                    let (group, role) = group_of
                        .get(&name)
                        .map_or((None, None), |(g, r)| (Some(*g), Some(*r)));
                    nodes.push(json!({
                        "id": name,
                        "documents": counts.get(&name).copied().unwrap_or(0),
                        "group": group,
                        "role": role,
                    }));
                }
            }
            let mut v = serde_json::to_value(&net).map_err(ApiError::internal)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("nodes".into(), json!(nodes));
            }
            Ok(Arc::new(v))
        })
        .await?;
    state.cache().network = Some(value.clone());
    Ok(Json((*value).clone()))
}

// ---- narratives ---------------------------------------------------------------------------

/// The narratives of the whole store, computed once.
pub(crate) struct NarrativeData {
    narratives: Vec<Narrative>,
}

fn build_narratives(r: &Reader) -> Result<NarrativeData, ApiError> {
    let clusters = r.store.clusters()?;
    let mut speakers: HashMap<DocId, Vec<String>> = HashMap::new();
    for q in r.store.quotes(None)? {
        if let Some(s) = q.speaker {
            speakers.entry(q.doc).or_default().push(s);
        }
    }
    let mut ids: Vec<DocId> = clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.doc.clone()))
        .chain(speakers.keys().cloned())
        .collect();
    ids.sort();
    ids.dedup();
    let mut docs = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(d) = r.store.document(&id)? else {
            continue;
        };
        let mut sd = story_document(&d);
        sd.speakers = speakers.remove(&id).unwrap_or_default();
        sd.entities = r
            .store
            .entities_of(&id)?
            .into_iter()
            .map(|e| e.name)
            .collect();
        docs.push(sd);
    }
    let story_clusters: Vec<StoryCluster> = clusters
        .iter()
        .map(|c| {
            let mut docs: Vec<DocId> = c.members.iter().map(|m| m.doc.clone()).collect();
            docs.sort();
            docs.dedup();
            StoryCluster {
                id: c.id.clone(),
                docs,
                origin: c.origin.clone(),
            }
        })
        .collect();
    Ok(NarrativeData {
        narratives: NarrativeBuilder::new().build(&docs, &story_clusters),
    })
}

async fn narratives(state: &AppState) -> Result<Arc<NarrativeData>, ApiError> {
    if let Some(n) = state.cache().narratives.clone() {
        return Ok(n);
    }
    let data = Arc::new(state.read(build_narratives).await?);
    state.cache().narratives = Some(data.clone());
    Ok(data)
}

async fn list_narratives(
    State(state): State<AppState>,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let limit = params.limit(20)?;
    let offset = offset_cursor(&params)?;
    let data = narratives(&state).await?;
    let page: Vec<&Narrative> = data.narratives.iter().skip(offset).take(limit).collect();
    let next = next_offset(
        offset,
        data.narratives.len().saturating_sub(offset).min(limit + 1),
        limit,
    );
    Ok(Json(json!({
        "total": data.narratives.len(),
        "narratives": page,
        "next_cursor": next,
    })))
}

async fn get_narrative(
    State(state): State<AppState>,
    PathParam(id): PathParam<String>,
) -> Result<Json<Value>, ApiError> {
    check_key("a narrative id", &id)?;
    let data = narratives(&state).await?;
    let n = data
        .narratives
        .iter()
        .find(|n| n.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no narrative {id:?}")))?;
    Ok(Json(json!(n)))
}

// ---- ingest -------------------------------------------------------------------------------

/// Documents per transaction when ingesting a request body.
const INGEST_BATCH: usize = 500;
/// Rejections listed in the answer (all are counted).
const MAX_REJECTIONS_LISTED: usize = 100;

async fn ingest(
    State(state): State<AppState>,
    params: Params,
    body: Body,
) -> Result<Response, ApiError> {
    if !state.allow_ingest() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled; start the server with --allow-ingest",
        ));
    }
    let analyze = params.flag("analyze")?;
    let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the body is larger than {MAX_BODY_BYTES} bytes; split it"),
            )
        })?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request(
            "empty body: send JSONL, one document a line (id, source, url, date, title, text or html)",
        ));
    }
    state
        .write(move |store| {
            let ingestor = echotrace_ingest::Ingestor::builder().build();
            let mut docs = Vec::new();
            let mut rejections = Vec::new();
            let summary =
                ingestor.read_stream("request.jsonl", &bytes[..], Some("jsonl"), |ev| match ev {
                    echotrace_ingest::IngestEvent::Document(d) => docs.push(d),
                    echotrace_ingest::IngestEvent::Rejected(r) => rejections.push(r),
                });
            let (mut added, mut unchanged, mut conflicts) = (0usize, 0usize, Vec::new());
            for batch in docs.chunks(INGEST_BATCH) {
                let out = store.insert_documents(batch)?;
                added += out.added;
                unchanged += out.unchanged;
                conflicts.extend(out.conflicts.into_iter().map(|c| c.to_string()));
            }
            let analysis = if analyze {
                let db = store
                    .path()
                    .map(std::path::Path::to_path_buf)
                    .ok_or_else(|| ApiError::internal("the store has no file"))?;
                let report = echotrace_pipeline::Analyzer::default().run(
                    store,
                    &db,
                    &echotrace_pipeline::NoProgress,
                    &std::sync::atomic::AtomicBool::new(false),
                )?;
                json!(report)
            } else {
                json!({
                    "run": false,
                    "pending_reuse": store.pending_count(echotrace_store::Stage::Reuse)?,
                    "pending_quotes": store.pending_count(echotrace_store::Stage::Quotes)?,
                    "hint": "POST with ?analyze=true, or run `echotrace analyze`",
                })
            };
            let listed: Vec<Value> = rejections
                .iter()
                .take(MAX_REJECTIONS_LISTED)
                .map(|r| json!({ "location": r.location, "reason": r.reason }))
                .collect();
            let status = if summary.rejected > 0 && docs.is_empty() {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            let message = if status.is_success() {
                format!(
                    "{added} added, {unchanged} already stored, {} rejected",
                    summary.rejected
                )
            } else {
                "no line of the body became a document; see `rejections`".to_string()
            };
            let body = json!({
                "status": status.as_u16(),
                "message": message,
                "documents_read": summary.documents,
                "added": added,
                "unchanged": unchanged,
                "conflicts": conflicts,
                "rejected": summary.rejected,
                "rejections": listed,
                "analysis": analysis,
            });
            Ok((status, Json(body)).into_response())
        })
        .await
}
