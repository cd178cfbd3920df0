/**
 * Fine-tuning 1: the jobs whose training was already recorded in the usage ledger, so
 * a finished job is billed once however often it is polled, across restarts.
 * Never edit this file once it has shipped; add the next number instead.
 */
export const version = 1
export const name = 'fine-tuning-billed'

export const sql = /* sql */ `
CREATE TABLE fine_tuning_billed (
  job_id    TEXT PRIMARY KEY,
  billed_at INTEGER NOT NULL
);
`
