/**
 * Chat 1: what a reply holds beyond its text, and the request options of a conversation.
 * The messages table belongs to the conversations module, so these are chat's own
 * tables keyed by message id; ON DELETE CASCADE follows a deleted message or chat.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'reply-details'

export const sql = /* sql */ `
-- Thinking, references and chunks of unknown types, in arrival order.
CREATE TABLE message_parts (
  message_id  TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('thinking', 'reference', 'unsupported')),
  data_json   TEXT NOT NULL,
  PRIMARY KEY (message_id, seq)
) WITHOUT ROWID;

-- Tool calls of a reply, ids verbatim as Mistral sent them, and the result that answers each.
CREATE TABLE message_tool_calls (
  message_id  TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  call_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  arguments   TEXT NOT NULL,
  result      TEXT,
  answered_at INTEGER,
  PRIMARY KEY (message_id, seq),
  UNIQUE (message_id, call_id)
) WITHOUT ROWID;

-- A structured-output reply's check against its schema (ajv), written when it finishes.
CREATE TABLE message_structured_checks (
  message_id  TEXT PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
  valid       INTEGER NOT NULL,
  errors_json TEXT NOT NULL
) WITHOUT ROWID;

-- Tools, tool_choice, parallel calls, round cap and response format of a conversation.
CREATE TABLE conversation_chat_options (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  options_json    TEXT NOT NULL
) WITHOUT ROWID;
`
