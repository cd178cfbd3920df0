/**
 * Usage 1: the append-only ledger of billed API calls.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'usage-ledger'

export const sql = /* sql */ `
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
`
