/** The user's own prices for a model from a date (a negotiated rate, a free tier). */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database'
import type { Currency, UnitPrices } from './cost'

export interface PriceOverride {
  id: string
  model: string
  effectiveFrom: number
  currency: Currency
  prices: UnitPrices
  note: string
  createdAt: number
}

interface Row {
  id: string
  model: string
  effective_from: number
  currency: Currency
  prices: string
  note: string
  created_at: number
}

const toOverride = (r: Row): PriceOverride => ({
  id: r.id,
  model: r.model,
  effectiveFrom: r.effective_from,
  currency: r.currency,
  prices: JSON.parse(r.prices) as UnitPrices,
  note: r.note,
  createdAt: r.created_at,
})

export class PriceOverrides {
  private readonly findStmt
  private readonly listStmt
  private readonly insertStmt
  private readonly deleteStmt

  constructor(db: Db) {
    // The newest override in effect wins; of two from the same date, the one set last.
    this.findStmt = db.prepare<[string, number], Row>(
      `SELECT * FROM usage_price_overrides WHERE model = ? AND effective_from <= ?
       ORDER BY effective_from DESC, created_at DESC, rowid DESC LIMIT 1`,
    )
    this.listStmt = db.prepare<[], Row>('SELECT * FROM usage_price_overrides ORDER BY model, effective_from')
    this.insertStmt = db.prepare(
      `INSERT INTO usage_price_overrides (id, model, effective_from, currency, prices, note, created_at)
       VALUES (@id, @model, @effectiveFrom, @currency, @prices, @note, @createdAt)`,
    )
    this.deleteStmt = db.prepare('DELETE FROM usage_price_overrides WHERE id = ?')
  }

  /** The override in effect for `model` at `at`, if any. */
  find(model: string, at: number): PriceOverride | null {
    const row = this.findStmt.get(model, at)
    return row ? toOverride(row) : null
  }

  list(): PriceOverride[] {
    return this.listStmt.all().map(toOverride)
  }

  add(o: Omit<PriceOverride, 'id'>): PriceOverride {
    const override = { ...o, id: randomUUID() }
    this.insertStmt.run({ ...override, prices: JSON.stringify(o.prices) })
    return override
  }

  /** Past rows keep the prices they were given; only calls from now on lose the override. */
  remove(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}
