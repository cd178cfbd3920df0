/**
 * The single global migration sequence as it shipped before migrations were kept per
 * module (PRAGMA user_version 1 and 2), verbatim. Test-only: it builds the databases
 * that earlier versions of the app left on users' machines.
 */
export const legacyMigrations = [
  { version: 1, name: 'initial', sql: /* sql */ `
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

-- Append-only and deliberately without a foreign key: deleting a chat must never
-- rewrite last month's spend, so conversation_id/message_id may point at nothing.
CREATE TABLE usage_ledger (
  id                TEXT PRIMARY KEY,
  at                INTEGER NOT NULL,
  kind              TEXT NOT NULL,
  model             TEXT NOT NULL,
  prompt_tokens     INTEGER NOT NULL,
  completion_tokens INTEGER NOT NULL,
  conversation_id   TEXT,
  message_id        TEXT,
  request_id        TEXT,
  -- integer micro-USD; NULL when no price was known for the model
  cost_micro_usd    INTEGER,
  price_source      TEXT
);
CREATE INDEX usage_ledger_by_at ON usage_ledger (at);
CREATE TRIGGER usage_ledger_no_update BEFORE UPDATE ON usage_ledger
BEGIN SELECT RAISE(ABORT, 'usage_ledger is append-only'); END;
CREATE TRIGGER usage_ledger_no_delete BEFORE DELETE ON usage_ledger
BEGIN SELECT RAISE(ABORT, 'usage_ledger is append-only'); END;

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
` },
  { version: 2, name: 'threads-settings-presets', sql: /* sql */ `
-- The message this one follows. ON DELETE SET NULL is only a safety net: deleting a
-- message re-parents its children first, so nothing is orphaned in normal use.
ALTER TABLE messages ADD COLUMN parent_id TEXT REFERENCES messages (id) ON DELETE SET NULL;
-- Until now every conversation was one line, so each message follows the one before it.
UPDATE messages SET parent_id = (
  SELECT p.id FROM messages p
  WHERE p.conversation_id = messages.conversation_id AND p.seq < messages.seq
  ORDER BY p.seq DESC LIMIT 1
);
-- Children and versions (same parent and role) in creation order; also serves the
-- foreign key's ON DELETE lookups and re-parenting.
CREATE INDEX messages_by_parent ON messages (parent_id, role, seq);

-- The last message of the thread on screen; the thread is the walk up from it. No
-- foreign key: a cycle with messages' cascade would make deleting a conversation
-- order-dependent, and the code falls back to the newest leaf when it is stale.
ALTER TABLE conversations ADD COLUMN leaf_id TEXT;
UPDATE conversations SET leaf_id = (
  SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id ORDER BY m.seq DESC LIMIT 1
);
ALTER TABLE conversations ADD COLUMN system_prompt TEXT NOT NULL DEFAULT '';
-- ChatParams as JSON (our camelCase names); validated when read.
ALTER TABLE conversations ADD COLUMN params_json TEXT NOT NULL DEFAULT '{}';
-- 'auto' titles may be replaced by the generated one; a user's rename never is.
ALTER TABLE conversations ADD COLUMN title_source TEXT NOT NULL DEFAULT 'auto'
  CHECK (title_source IN ('auto', 'user'));
-- Version 1 did not record who named a conversation: treating existing titles as the
-- user's means an automatic title can never overwrite an earlier rename.
UPDATE conversations SET title_source = 'user';

CREATE TABLE presets (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  model         TEXT NOT NULL,
  system_prompt TEXT NOT NULL DEFAULT '',
  params_json   TEXT NOT NULL DEFAULT '{}',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

-- Titles are searched like message text (diacritics folded, prefix on the last term).
-- A plain (not external-content) table keyed by an UNINDEXED id: conversations has no
-- stable integer rowid to point at, and titles are short enough to store twice.
CREATE VIRTUAL TABLE conversation_titles_fts USING fts5 (
  conversation_id UNINDEXED,
  title,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO conversation_titles_fts (conversation_id, title) SELECT id, title FROM conversations;
CREATE TRIGGER conversation_titles_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO conversation_titles_fts (conversation_id, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER conversation_titles_update AFTER UPDATE OF title ON conversations BEGIN
  UPDATE conversation_titles_fts SET title = new.title WHERE conversation_id = old.id;
END;
CREATE TRIGGER conversation_titles_delete AFTER DELETE ON conversations BEGIN
  DELETE FROM conversation_titles_fts WHERE conversation_id = old.id;
END;
` },
] as const
