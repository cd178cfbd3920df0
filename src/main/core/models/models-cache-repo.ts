/** SQL for the saved model lists (one row per key hash). */
import type { Db } from '../kernel/db/database'
import type { ModelSummary } from '../../../shared/domain'

export interface SavedModels {
  fetchedAt: number
  models: ModelSummary[]
}

export class ModelsCacheRepo {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { fetched_at: number; models_json: string }>(
      'SELECT fetched_at, models_json FROM models_cache WHERE key_ref = ?',
    )
    this.putStmt = db.prepare(
      `INSERT INTO models_cache (key_ref, fetched_at, models_json) VALUES (?, ?, ?)
       ON CONFLICT(key_ref) DO UPDATE SET fetched_at = excluded.fetched_at, models_json = excluded.models_json`,
    )
  }

  get(keyRef: string): SavedModels | null {
    const row = this.getStmt.get(keyRef)
    if (!row) return null
    try {
      return { fetchedAt: row.fetched_at, models: JSON.parse(row.models_json) as ModelSummary[] }
    } catch {
      // A damaged row is no list at all; the next successful fetch overwrites it.
      return null
    }
  }

  put(keyRef: string, fetchedAt: number, models: ModelSummary[]): void {
    this.putStmt.run(keyRef, fetchedAt, JSON.stringify(models))
  }
}
