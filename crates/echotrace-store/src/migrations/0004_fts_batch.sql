-- Schema version 4: documents are added to the full-text index a batch at a time.
-- docs/schema.md describes every column; keep the two in step.
--
-- The per-row insert trigger made FTS5 write every document as a segment of its own: each
-- triggered insert runs under a statement savepoint, and FTS5 flushes its pending terms at every
-- savepoint, so a batch of 1,000 documents became 1,000 one-document segments that were then
-- merged again and again (about 70% of ingest). `Store::insert_documents` now indexes the rows a
-- batch added with one INSERT … SELECT from `documents_fts_content`, in the batch's transaction,
-- so the index and the table still commit or roll back together.
--
-- Documents indexed before this version stay indexed: nothing here touches the index itself.
-- The delete and update triggers stay: echotrace never deletes or edits a document, but a user
-- may by hand, and FTS5 must be told the old values to take them out of the index.
DROP TRIGGER documents_fts_after_insert;

-- FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` bytes
-- (default 1 MiB), so a batch of 500 news articles still became several segments to merge.
-- 8 MiB holds a whole batch: on 21,062 documents in batches of 500, inserting took 7.1 s instead
-- of 9.9 s, and left 7 segments instead of 15 in a slightly smaller file, with the same search
-- results and speed. It bounds memory only while a batch is written. The setting is stored in
-- the index (documents_fts_config), so every connection and the sqlite3 shell use it.
INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 8388608);
