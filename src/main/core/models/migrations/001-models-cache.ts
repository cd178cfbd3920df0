/**
 * Models 1: the last GET /v1/models answer per key, so the Models screen and the chat
 * model picker work offline. Rows are keyed by a hash of the key, never the key.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'models-cache'

export const sql = /* sql */ `
CREATE TABLE models_cache (
  key_ref     TEXT PRIMARY KEY,
  fetched_at  INTEGER NOT NULL,
  models_json TEXT NOT NULL
);
`
