/**
 * Conversations 2: messages form a tree (versions of a message are siblings), conversations
 * remember the selected thread, their system prompt, parameters and who named them, and
 * titles are searchable.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 2
export const name = 'threads-settings'

export const sql = /* sql */ `
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
`
