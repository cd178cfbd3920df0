/**
 * Presets 1: named starting points for new chats.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'presets'

export const sql = /* sql */ `
CREATE TABLE presets (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  model         TEXT NOT NULL,
  system_prompt TEXT NOT NULL DEFAULT '',
  params_json   TEXT NOT NULL DEFAULT '{}',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
`
