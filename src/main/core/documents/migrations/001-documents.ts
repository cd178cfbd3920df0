/**
 * Documents 1: OCR documents, their pages and images, and full-text search over page
 * text. Originals and page images live in the file store; rows keep only hashes.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'documents-pages-images'

export const sql = /* sql */ `
CREATE TABLE documents (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  -- SHA-256 of the original bytes; the original itself is in the file store under it
  sha256           TEXT NOT NULL,
  bytes            INTEGER NOT NULL,
  model            TEXT NOT NULL,
  -- the options as sent, canonical JSON: with sha256 and model, the cache key
  options_json     TEXT NOT NULL,
  page_count       INTEGER NOT NULL,
  pages_processed  INTEGER NOT NULL,
  annotation       TEXT,
  created_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX documents_cache_key ON documents (sha256, model, options_json);
CREATE INDEX documents_by_created ON documents (created_at DESC);

-- pk is explicit because the FTS index refers to rows by rowid (see conversations 001).
CREATE TABLE document_pages (
  pk               INTEGER PRIMARY KEY,
  document_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page_index       INTEGER NOT NULL,
  markdown         TEXT NOT NULL,
  header           TEXT,
  footer           TEXT,
  width            INTEGER,
  height           INTEGER,
  dpi              INTEGER,
  blocks_json      TEXT NOT NULL DEFAULT '[]',
  -- tables the API returned apart from the markdown (with table_format), [{id, format, content}]
  tables_json      TEXT NOT NULL DEFAULT '[]',
  words_json       TEXT NOT NULL DEFAULT '[]',
  avg_confidence   REAL,
  UNIQUE (document_id, page_index)
);

CREATE TABLE document_images (
  document_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page_index       INTEGER NOT NULL,
  image_id         TEXT NOT NULL,
  top_left_x       INTEGER NOT NULL,
  top_left_y       INTEGER NOT NULL,
  bottom_right_x   INTEGER NOT NULL,
  bottom_right_y   INTEGER NOT NULL,
  sha256           TEXT,
  mime             TEXT,
  annotation       TEXT,
  PRIMARY KEY (document_id, image_id)
);

CREATE VIRTUAL TABLE document_pages_fts USING fts5 (
  markdown,
  content = 'document_pages',
  content_rowid = 'pk',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER document_pages_fts_insert AFTER INSERT ON document_pages BEGIN
  INSERT INTO document_pages_fts (rowid, markdown) VALUES (new.pk, new.markdown);
END;
CREATE TRIGGER document_pages_fts_delete AFTER DELETE ON document_pages BEGIN
  INSERT INTO document_pages_fts (document_pages_fts, rowid, markdown) VALUES ('delete', old.pk, old.markdown);
END;
CREATE TRIGGER document_pages_fts_update AFTER UPDATE OF markdown ON document_pages BEGIN
  INSERT INTO document_pages_fts (document_pages_fts, rowid, markdown) VALUES ('delete', old.pk, old.markdown);
  INSERT INTO document_pages_fts (rowid, markdown) VALUES (new.pk, new.markdown);
END;
`
