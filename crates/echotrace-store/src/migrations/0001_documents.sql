-- Schema version 1: sources, documents with their full-text index, ingest runs and rejections.
-- docs/schema.md describes every column; keep the two in step.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
    -- The row number the full-text index points at. It is declared (not the implicit rowid)
    -- because VACUUM may renumber implicit rowids, which would silently break the index.
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    source_id           INTEGER REFERENCES sources(id),
    url                 TEXT,
    published_at        TEXT,
    published_precision TEXT
        CHECK (published_precision IN ('year', 'month', 'day', 'hour', 'minute', 'second')),
    published_earliest  INTEGER,
    published_latest    INTEGER,
    title               TEXT,
    language            TEXT,
    text                TEXT NOT NULL,
    body_start          INTEGER NOT NULL,
    body_end            INTEGER NOT NULL,
    origin              TEXT,
    metadata            TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
    content_hash        TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    -- A date is all four columns or none of them.
    CHECK ((published_at IS NULL) = (published_precision IS NULL)
       AND (published_at IS NULL) = (published_earliest IS NULL)
       AND (published_at IS NULL) = (published_latest IS NULL)),
    CHECK (published_earliest < published_latest),
    CHECK (0 <= body_start AND body_start <= body_end
       AND body_end <= length(CAST(text AS BLOB)))
);

CREATE INDEX documents_by_source ON documents(source_id, published_earliest);
CREATE INDEX documents_by_published ON documents(published_earliest);

-- The text the full-text index covers: the title and the article body, cut out of `text` by
-- byte offsets (hence the casts: substr counts bytes on a BLOB, characters on TEXT).
CREATE VIEW documents_fts_content AS
SELECT seq,
       id,
       title,
       CAST(substr(CAST(text AS BLOB), body_start + 1, body_end - body_start) AS TEXT) AS body
FROM documents;

-- External content: the index stores no second copy of the text; snippets are cut from the
-- view above. remove_diacritics 2 lets `Tokaev` find `Tokáev`, common in transliterated names.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title,
    body,
    content = 'documents_fts_content',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body)
    VALUES (new.seq, new.title,
            CAST(substr(CAST(new.text AS BLOB), new.body_start + 1,
                        new.body_end - new.body_start) AS TEXT));
END;

-- FTS5 'delete' needs the exact values that were indexed, so they are recomputed from `old`.
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title,
            CAST(substr(CAST(old.text AS BLOB), old.body_start + 1,
                        old.body_end - old.body_start) AS TEXT));
END;

CREATE TRIGGER documents_fts_after_update
AFTER UPDATE OF seq, title, text, body_start, body_end ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title,
            CAST(substr(CAST(old.text AS BLOB), old.body_start + 1,
                        old.body_end - old.body_start) AS TEXT));
    INSERT INTO documents_fts (rowid, title, body)
    VALUES (new.seq, new.title,
            CAST(substr(CAST(new.text AS BLOB), new.body_start + 1,
                        new.body_end - new.body_start) AS TEXT));
END;

CREATE TABLE ingest_runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    inputs          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(inputs)),
    documents_added INTEGER NOT NULL DEFAULT 0,
    duplicates      INTEGER NOT NULL DEFAULT 0,
    rejected        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE rejections (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER NOT NULL REFERENCES ingest_runs(id),
    file     TEXT NOT NULL,
    location TEXT NOT NULL,
    reason   TEXT NOT NULL
);

CREATE INDEX rejections_by_run ON rejections(run_id);
