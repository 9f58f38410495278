use crate::error::{Context, StoreError};
use crate::{count, now_iso, Store};
use echotrace_core::{ByteSpan, DatePrecision, DocId, Document, Published, SourceId};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};

/// What one [`Store::insert_documents`] batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InsertOutcome {
    /// Documents that were new and are now stored.
    pub added: usize,
    /// Documents already stored with the same id and content: nothing was written.
    pub unchanged: usize,
    /// Documents whose id is stored with other content. The stored document was kept.
    pub conflicts: Vec<DocId>,
}

pub(crate) const SELECT_DOCUMENT: &str = "SELECT d.id, s.name, d.url, d.published_precision, \
     d.published_earliest, d.title, d.language, d.text, d.body_start, d.body_end, d.origin, \
     d.metadata FROM documents d LEFT JOIN sources s ON s.id = d.source_id";

/// How many documents [`Documents`] reads per query: enough to amortise the query, few enough
/// that an export of millions of documents holds a handful in memory.
const PAGE: i64 = 256;

impl Store {
    /// Stores a batch of documents in one transaction.
    ///
    /// Idempotent: a document whose id is stored with the same content counts as `unchanged`;
    /// one whose id is stored with different content is listed in `conflicts` and the stored
    /// copy kept. The content compared (through `documents.content_hash`) is every field but
    /// `origin`: finding the same document again through another path is not a conflict.
    ///
    /// On any error nothing of the batch is stored.
    pub fn insert_documents(&mut self, docs: &[Document]) -> Result<InsertOutcome, StoreError> {
        let mut outcome = InsertOutcome::default();
        if docs.is_empty() {
            return Ok(outcome);
        }
        let ingested_at = now_iso();
        let tx = self.write_transaction().context("starting a batch")?;
        {
            let mut find = tx
                .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")
                .context("preparing the document lookup")?;
            let mut find_source = tx
                .prepare_cached("SELECT id FROM sources WHERE name = ?1")
                .context("preparing the source lookup")?;
            let mut add_source = tx
                .prepare_cached("INSERT INTO sources (name) VALUES (?1) RETURNING id")
                .context("preparing the source insert")?;
            let mut add = tx
                .prepare_cached(
                    "INSERT INTO documents (id, source_id, url, published_at, \
                     published_precision, published_earliest, published_latest, title, \
                     language, text, body_start, body_end, origin, metadata, content_hash, \
                     ingested_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                )
                .context("preparing the document insert")?;
            let mut source_ids: HashMap<&str, i64> = HashMap::new();
            // The `seq`s this batch gave its new rows, lowest and highest, for the index below.
            let mut added: Option<(i64, i64)> = None;

            for doc in docs {
                let insert_err = |source| StoreError::Insert {
                    id: doc.id.clone(),
                    source,
                };
                let invalid = |reason: String| StoreError::InvalidDocument {
                    id: doc.id.clone(),
                    reason,
                };
                if doc.id.as_str().is_empty() {
                    return Err(invalid("its id is empty".to_string()));
                }
                if doc.text.get(doc.body.start..doc.body.end).is_none() {
                    return Err(invalid(format!(
                        "body {}..{} does not fit its text of {} bytes on character boundaries",
                        doc.body.start,
                        doc.body.end,
                        doc.text.len()
                    )));
                }
                let hash = content_hash(doc);
                let stored: Option<String> = find
                    .query_row([doc.id.as_str()], |r| r.get(0))
                    .optional()
                    .map_err(insert_err)?;
                match stored {
                    Some(stored) if stored == hash => {
                        outcome.unchanged += 1;
                        continue;
                    }
                    Some(_) => {
                        outcome.conflicts.push(doc.id.clone());
                        continue;
                    }
                    None => {}
                }

                let source_id = match &doc.source {
                    None => None,
                    Some(source) => Some(match source_ids.get(source.as_str()) {
                        Some(&id) => id,
                        None => {
                            let existing: Option<i64> = find_source
                                .query_row([source.as_str()], |r| r.get(0))
                                .optional()
                                .map_err(insert_err)?;
                            let id = match existing {
                                Some(id) => id,
                                None => add_source
                                    .query_row([source.as_str()], |r| r.get(0))
                                    .map_err(insert_err)?,
                            };
                            source_ids.insert(source.as_str(), id);
                            id
                        }
                    }),
                };
                let offset = |n: usize| {
                    i64::try_from(n).map_err(|_| invalid(format!("offset {n} is too large")))
                };
                let metadata = serde_json::to_string(&doc.metadata)
                    .map_err(|e| invalid(format!("metadata is not JSON: {e}")))?;
                let published = doc.published.as_ref();
                add.execute(params![
                    doc.id.as_str(),
                    source_id,
                    doc.url,
                    published.map(|p| p.to_string()),
                    published.map(|p| p.precision().as_str()),
                    published.map(|p| p.earliest().timestamp()),
                    published.map(|p| p.latest().timestamp()),
                    doc.title,
                    doc.language,
                    doc.text,
                    offset(doc.body.start)?,
                    offset(doc.body.end)?,
                    doc.origin,
                    metadata,
                    hash,
                    ingested_at,
                ])
                .map_err(insert_err)?;
                let seq = tx.last_insert_rowid();
                added = Some(added.map_or((seq, seq), |(lo, hi)| (lo.min(seq), hi.max(seq))));
                outcome.added += 1;
            }

            // The full-text index takes the batch's new rows in one statement, in the batch's
            // transaction (so it never holds more or fewer documents than the table). Indexing
            // row by row, as a trigger would, costs FTS5 a segment per document. `seq` is the
            // rowid: SQLite gives each new row one above the largest in the table, so while this
            // transaction holds the write lock the rows in [lo, hi] are exactly the ones it
            // added; a batch that added nothing (a re-run) indexes nothing.
            if let Some((lo, hi)) = added {
                let indexed = tx
                    .prepare_cached(
                        "INSERT INTO documents_fts (rowid, title, body) \
                         SELECT seq, title, body FROM documents_fts_content \
                         WHERE seq BETWEEN ?1 AND ?2",
                    )
                    .context("preparing the full-text index update")?
                    .execute([lo, hi])
                    .context("adding a batch to the full-text index")?;
                if indexed != outcome.added {
                    // Returning drops the transaction: nothing of the batch is stored.
                    return Err(StoreError::Corrupt {
                        what: "the full-text index".to_string(),
                        reason: format!(
                            "a batch added {} documents as seq {lo}..={hi} but {indexed} rows \
                             are in that range",
                            outcome.added
                        ),
                    });
                }
            }
        }
        tx.commit().context("committing a batch of documents")?;
        Ok(outcome)
    }

    /// The document with this id, exactly as it was inserted.
    pub fn document(&self, id: &DocId) -> Result<Option<Document>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_DOCUMENT} WHERE d.id = ?1"))
            .context("preparing the document query")?;
        let mut rows = stmt.query([id.as_str()]).context("querying a document")?;
        match rows.next().context("reading a document")? {
            Some(row) => row_to_document(row).map(Some),
            None => Ok(None),
        }
    }

    /// The document a user names: by id, else by the file it was read from (see
    /// [`Store::documents_from_file`]). The one lookup the command line and the server share.
    pub fn find_document(&self, name: &str) -> Result<FoundDocument, StoreError> {
        if let Some(doc) = self.document(&DocId::new(name))? {
            return Ok(FoundDocument::One(Box::new(doc)));
        }
        let mut found = self.documents_from_file(name)?;
        Ok(match found.len() {
            0 => FoundDocument::None,
            1 => FoundDocument::One(Box::new(found.remove(0))),
            _ => FoundDocument::Several(found.into_iter().map(|d| d.id).collect()),
        })
    }

    /// The documents read from a file whose name without extensions is `stem`
    /// (`000_1da12e83afc5f8cf` for `pages/000_1da12e83afc5f8cf.txt`), so that a user can name a
    /// document by the file it came from. Documents read from a line or record of a file
    /// (`corpus.jsonl:12`) are not matched: that file holds many.
    pub fn documents_from_file(&self, stem: &str) -> Result<Vec<Document>, StoreError> {
        if stem.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{SELECT_DOCUMENT} WHERE instr(d.origin, ?1) > 0 ORDER BY d.id LIMIT 1000"
            ))
            .context("preparing the query by file name")?;
        let mut rows = stmt
            .query([stem])
            .context("querying documents by file name")?;
        let mut found = Vec::new();
        while let Some(row) = rows.next().context("querying documents by file name")? {
            let doc = row_to_document(row)?;
            if doc
                .origin
                .as_deref()
                .is_some_and(|o| file_stem(o) == Some(stem))
            {
                found.push(doc);
            }
        }
        Ok(found)
    }

    /// Every document in id order (byte order of the ids), read a page at a time so that
    /// exporting a large store does not load it into memory. Documents added while iterating
    /// appear if their id sorts after the current position.
    pub fn documents(&self) -> Documents<'_> {
        Documents {
            store: self,
            after: None,
            page: VecDeque::new(),
            done: false,
        }
    }

    /// How many documents are stored.
    pub fn document_count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .map(count)
            .context("counting documents")
    }

    fn documents_page(&self, after: Option<&str>) -> Result<Vec<Document>, StoreError> {
        // Keyset paging: `id > last` is a range seek on the id index, so each page costs the
        // same however deep into the store it is. (An `?1 IS NULL OR` in one statement would
        // defeat the seek and make an export quadratic.)
        let after = after.unwrap_or("");
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{SELECT_DOCUMENT} WHERE d.id > ?1 ORDER BY d.id LIMIT ?2"
            ))
            .context("preparing the document listing")?;
        let mut rows = stmt
            .query(params![after, PAGE])
            .context("listing documents")?;
        let mut page = Vec::new();
        while let Some(row) = rows.next().context("listing documents")? {
            page.push(row_to_document(row)?);
        }
        Ok(page)
    }
}

/// What [`Store::find_document`] found.
#[derive(Clone, Debug, PartialEq)]
pub enum FoundDocument {
    One(Box<Document>),
    None,
    /// Several documents came from files of that name: their ids.
    Several(Vec<DocId>),
}

/// The iterator [`Store::documents`] returns. It stops after the first error.
pub struct Documents<'s> {
    store: &'s Store,
    after: Option<String>,
    page: VecDeque<Document>,
    done: bool,
}

impl Iterator for Documents<'_> {
    type Item = Result<Document, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.page.is_empty() && !self.done {
            match self.store.documents_page(self.after.as_deref()) {
                Ok(page) => {
                    self.done = (page.len() as i64) < PAGE;
                    if let Some(last) = page.last() {
                        self.after = Some(last.id.as_str().to_string());
                    }
                    self.page = page.into();
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        self.page.pop_front().map(Ok)
    }
}

/// The source stored as `sources.name` (`None`: the document has no source).
pub(crate) fn source_from(
    name: Option<String>,
    corrupt: &dyn Fn(String) -> StoreError,
) -> Result<Option<SourceId>, StoreError> {
    name.map(|name| {
        SourceId::new(&name).ok_or_else(|| corrupt(format!("empty source name {name:?}")))
    })
    .transpose()
}

/// The publication time stored as `published_precision` and `published_earliest`.
pub(crate) fn published_from(
    precision: Option<String>,
    earliest: Option<i64>,
    corrupt: &dyn Fn(String) -> StoreError,
) -> Result<Option<Published>, StoreError> {
    match (precision, earliest) {
        (Some(p), Some(e)) => {
            let precision = DatePrecision::parse(&p)
                .ok_or_else(|| corrupt(format!("unknown date precision {p:?}")))?;
            let at = chrono::DateTime::from_timestamp(e, 0)
                .ok_or_else(|| corrupt(format!("publication time {e} is out of range")))?;
            Ok(Some(Published::new(at, precision)))
        }
        (None, None) => Ok(None),
        _ => Err(corrupt("publication time without precision".to_string())),
    }
}

pub(crate) fn row_to_document(row: &Row<'_>) -> Result<Document, StoreError> {
    let read = |e| StoreError::Sqlite {
        context: "reading a document",
        source: e,
    };
    let id: String = row.get(0).map_err(read)?;
    let corrupt = |reason: String| StoreError::Corrupt {
        what: format!("document {id}"),
        reason,
    };
    let source = source_from(row.get(1).map_err(read)?, &corrupt)?;
    let published = published_from(
        row.get(3).map_err(read)?,
        row.get(4).map_err(read)?,
        &corrupt,
    )?;
    let text: String = row.get(7).map_err(read)?;
    let offset = |i: usize| -> Result<usize, StoreError> {
        let n: i64 = row.get(i).map_err(read)?;
        usize::try_from(n).map_err(|_| corrupt(format!("negative body offset {n}")))
    };
    let body = ByteSpan::new(offset(8)?, offset(9)?);
    let metadata: String = row.get(11).map_err(read)?;
    let metadata = serde_json::from_str(&metadata)
        .map_err(|e| corrupt(format!("metadata is not a JSON object: {e}")))?;
    Ok(Document {
        id: DocId::new(id.clone()),
        source,
        url: row.get(2).map_err(read)?,
        published,
        title: row.get(5).map_err(read)?,
        language: row.get(6).map_err(read)?,
        text,
        body,
        origin: row.get(10).map_err(read)?,
        metadata,
    })
}

/// SHA-256 (hex) of everything that makes a document's content: all fields but its id (the
/// key it is compared under) and its `origin` (where this copy was read from). Each field is
/// length-prefixed and tagged present/absent, so no two different documents hash alike by
/// shifting text between fields; metadata keys are sorted so that key order does not matter.
pub(crate) fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    h.update(b"echotrace-document-v1");
    let mut field = |value: Option<&[u8]>| match value {
        None => h.update([0u8]),
        Some(v) => {
            h.update([1u8]);
            h.update((v.len() as u64).to_le_bytes());
            h.update(v);
        }
    };
    field(doc.source.as_ref().map(|s| s.as_str().as_bytes()));
    field(doc.url.as_deref().map(str::as_bytes));
    let published = doc
        .published
        .map(|p| format!("{}/{}", p.earliest().timestamp(), p.precision().as_str()));
    field(published.as_deref().map(str::as_bytes));
    field(doc.title.as_deref().map(str::as_bytes));
    field(doc.language.as_deref().map(str::as_bytes));
    field(Some(doc.text.as_bytes()));
    field(Some(
        format!("{}..{}", doc.body.start, doc.body.end).as_bytes(),
    ));
    let mut metadata = String::new();
    canonical_json(
        &serde_json::Value::Object(doc.metadata.clone()),
        &mut metadata,
    );
    field(Some(metadata.as_bytes()));
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// JSON with object keys sorted at every level: serde_json keeps insertion order when any crate
/// in the build enables its `preserve_order` feature, and the hash must not depend on that.
fn canonical_json(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical_json(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_json(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The file name of an origin without its directory and extensions, or `None` when the origin
/// names a line or record inside a file.
fn file_stem(origin: &str) -> Option<&str> {
    let name = origin.rsplit(['/', '\\']).next()?;
    if name.contains(['#', ':']) {
        return None;
    }
    let name = name.strip_suffix(".gz").unwrap_or(name);
    Some(name.rsplit_once('.').map_or(name, |(stem, _)| stem))
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_stem_of_origins() {
        use super::file_stem;
        assert_eq!(file_stem("examples/pages/000_1da1.txt"), Some("000_1da1"));
        assert_eq!(file_stem("crawl/page.v2.html.gz"), Some("page.v2"));
        assert_eq!(file_stem("corpus.jsonl:12"), None);
        assert_eq!(file_stem("crawl.warc.gz#3"), None);
    }

    use super::*;

    #[test]
    fn hash_ignores_origin_and_metadata_key_order() {
        let mut a = Document::new(DocId::new("a"), "Text.");
        a.metadata.insert("x".into(), 1.into());
        a.metadata
            .insert("y".into(), serde_json::json!({"b": 1, "a": [1, 2]}));
        let mut b = a.clone();
        b.origin = Some("elsewhere.jsonl:3".into());
        b.metadata = serde_json::Map::new();
        b.metadata
            .insert("y".into(), serde_json::json!({"a": [1, 2], "b": 1}));
        b.metadata.insert("x".into(), 1.into());
        assert_eq!(content_hash(&a), content_hash(&b));
    }

    #[test]
    fn hash_separates_fields() {
        let mut a = Document::new(DocId::new("a"), "Text.");
        a.title = Some("ab".into());
        a.url = None;
        let mut b = a.clone();
        b.title = Some("a".into());
        b.url = Some("b".into());
        assert_ne!(content_hash(&a), content_hash(&b));
        let mut c = a.clone();
        c.title = Some(String::new());
        let mut d = a.clone();
        d.title = None;
        assert_ne!(content_hash(&c), content_hash(&d));
    }
}
