-- Schema version 2: what the analysis stages find (text reuse, clusters, quotes, entities), which
-- documents each stage has been through, and the stages' own state between runs.
-- docs/schema.md describes every column; keep the two in step.
--
-- Documents are referenced by `documents.seq`. Documents are never deleted by echotrace, but
-- should one be deleted by hand (with foreign keys on) everything found in it goes with it.

CREATE TABLE stage_done (
    stage   TEXT NOT NULL CHECK (stage IN ('reuse', 'quotes')),
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    done_at TEXT NOT NULL,
    PRIMARY KEY (stage, doc_seq)
) WITHOUT ROWID;

CREATE INDEX stage_done_by_doc ON stage_done(doc_seq);

-- Not WITHOUT ROWID: values can be large (a whole candidate index).
CREATE TABLE analysis_state (
    key        TEXT NOT NULL PRIMARY KEY,
    value      BLOB NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE alignments (
    id       INTEGER PRIMARY KEY,
    a_seq    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    a_start  INTEGER NOT NULL,
    a_end    INTEGER NOT NULL,
    b_seq    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    b_start  INTEGER NOT NULL,
    b_end    INTEGER NOT NULL,
    score    REAL NOT NULL,
    identity REAL NOT NULL,
    detail   TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(detail)),
    CHECK (0 <= a_start AND a_start <= a_end AND 0 <= b_start AND b_start <= b_end)
);

-- One row per pair of spans: re-committing an alignment updates it instead of doubling it.
CREATE UNIQUE INDEX alignments_by_a ON alignments(a_seq, a_start, a_end, b_seq, b_start, b_end);
CREATE INDEX alignments_by_b ON alignments(b_seq);

CREATE TABLE clusters (
    id                 TEXT NOT NULL PRIMARY KEY,
    origin_seq         INTEGER REFERENCES documents(seq) ON DELETE SET NULL,
    origin_confidence  REAL NOT NULL,
    earliest           TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(earliest) AND json_type(earliest) = 'array'),
    -- Derived from cluster_members and documents when the clusters are written.
    member_count       INTEGER NOT NULL DEFAULT 0,
    document_count     INTEGER NOT NULL DEFAULT 0,
    source_count       INTEGER NOT NULL DEFAULT 0,
    first_published_at TEXT,
    last_published_at  TEXT
);

CREATE INDEX clusters_by_size ON clusters(document_count DESC, id);
CREATE INDEX clusters_by_origin ON clusters(origin_seq);

CREATE TABLE cluster_members (
    cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    doc_seq    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    parent_seq INTEGER REFERENCES documents(seq) ON DELETE SET NULL,
    confidence REAL NOT NULL,
    evidence   TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(evidence)),
    PRIMARY KEY (cluster_id, position),
    CHECK (0 <= span_start AND span_start <= span_end)
) WITHOUT ROWID;

CREATE INDEX cluster_members_by_doc ON cluster_members(doc_seq);
CREATE INDEX cluster_members_by_parent ON cluster_members(parent_seq);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    doc_seq       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    content       TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(content) AND json_type(content) = 'array'),
    cue_start     INTEGER,
    cue_end       INTEGER,
    source_start  INTEGER,
    source_end    INTEGER,
    speaker       TEXT,
    speaker_key   TEXT,
    detail        TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(detail)),
    UNIQUE (doc_seq, position),
    CHECK ((cue_start IS NULL) = (cue_end IS NULL)),
    CHECK ((source_start IS NULL) = (source_end IS NULL))
);

CREATE INDEX quotes_by_doc ON quotes(doc_seq, content_start);
CREATE INDEX quotes_by_speaker ON quotes(speaker_key, doc_seq, content_start);

CREATE TABLE entities (
    id       INTEGER PRIMARY KEY,
    doc_seq  INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    name     TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
    UNIQUE (doc_seq, position)
);

CREATE INDEX entities_by_name ON entities(name);
