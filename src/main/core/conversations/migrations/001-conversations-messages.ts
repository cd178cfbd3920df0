/**
 * Conversations 1: conversations, messages and full-text search over message text.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'conversations-messages'

export const sql = /* sql */ `
CREATE TABLE conversations (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  model       TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  -- last activity (a message sent or finished); the list is ordered by it
  updated_at  INTEGER NOT NULL
);
CREATE INDEX conversations_by_updated ON conversations (updated_at DESC);

-- pk is an explicit INTEGER PRIMARY KEY because the FTS index below refers to rows by
-- rowid, and an implicit rowid may change on VACUUM, which would silently corrupt search.
CREATE TABLE messages (
  pk              INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
  content         TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL
                  CHECK (status IN ('streaming', 'complete', 'stopped', 'error', 'interrupted')),
  model           TEXT,
  finish_reason   TEXT,
  error_json      TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (conversation_id, seq)
);
-- Crash recovery looks for rows still marked streaming; there are almost never any.
CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

-- External-content FTS5 over message text: the text is stored once (in messages) and
-- the triggers keep the index in step, including rows removed by the cascade.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
  content,
  content = 'messages',
  content_rowid = 'pk',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.pk, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
  INSERT INTO messages_fts (rowid, content) VALUES (new.pk, new.content);
END;
`
