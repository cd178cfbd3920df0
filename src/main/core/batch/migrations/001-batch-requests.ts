/**
 * Batch 1: the requests of each job we created, so results can be shown next to the
 * request that produced them, and the jobs whose usage was already recorded.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'batch-requests'

export const sql = /* sql */ `
CREATE TABLE batch_requests (
  job_id    TEXT NOT NULL,
  idx       INTEGER NOT NULL,
  custom_id TEXT,
  body_json TEXT NOT NULL,
  PRIMARY KEY (job_id, idx)
);
CREATE TABLE batch_billed (
  job_id    TEXT PRIMARY KEY,
  billed_at INTEGER NOT NULL
);
`
