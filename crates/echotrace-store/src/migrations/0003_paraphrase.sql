-- Schema version 3: paraphrase reuse (sentence embeddings).
-- docs/schema.md describes every column; keep the two in step.

-- stage_done gains the `paraphrase` stage. SQLite cannot change a CHECK constraint in place,
-- so the table is rebuilt with its rows.
CREATE TABLE stage_done_v3 (
    stage   TEXT NOT NULL CHECK (stage IN ('reuse', 'quotes', 'paraphrase')),
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    done_at TEXT NOT NULL,
    PRIMARY KEY (stage, doc_seq)
) WITHOUT ROWID;
INSERT INTO stage_done_v3 (stage, doc_seq, done_at) SELECT stage, doc_seq, done_at FROM stage_done;
DROP TABLE stage_done;
ALTER TABLE stage_done_v3 RENAME TO stage_done;
CREATE INDEX stage_done_by_doc ON stage_done(doc_seq);

-- How two spans were found to be the same text: word alignment, or meaning (embeddings).
ALTER TABLE alignments ADD COLUMN kind TEXT NOT NULL DEFAULT 'lexical'
    CHECK (kind IN ('lexical', 'paraphrase'));

-- Embeddings of the sentences the paraphrase stage compared, so that a sentence is embedded
-- once per model however many later documents it is compared with.
CREATE TABLE sentence_vectors (
    doc_seq    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    model      TEXT NOT NULL,
    -- float32 little-endian, unit length.
    vector     BLOB NOT NULL,
    PRIMARY KEY (doc_seq, span_start, span_end, model),
    CHECK (0 <= span_start AND span_start <= span_end)
) WITHOUT ROWID;
