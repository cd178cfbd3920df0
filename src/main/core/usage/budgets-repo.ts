/** SQL for budgets and their alerts. */
import type { Budget, BudgetScope, Currency } from '../../../shared/domain'
import type { Db } from '../kernel/db/database'

interface BudgetRow {
  id: string
  scope_type: BudgetScope['type']
  scope_value: string
  amount_micro: number
  currency: Currency
  thresholds: string
  hard_stop: number
  created_at: number
}

export interface AlertRow {
  budget_id: string
  month: string
  threshold: number
  spent_micro: number
  fired_at: number
}

function scopeOf(r: BudgetRow): BudgetScope {
  if (r.scope_type === 'model') return { type: 'model', model: r.scope_value }
  if (r.scope_type === 'capability') return { type: 'capability', capability: r.scope_value as never }
  return { type: 'all' }
}

const scopeValue = (s: BudgetScope): string => (s.type === 'model' ? s.model : s.type === 'capability' ? s.capability : '')

const toBudget = (r: BudgetRow): Budget => ({
  id: r.id,
  scope: scopeOf(r),
  amountMicro: r.amount_micro,
  currency: r.currency,
  thresholds: JSON.parse(r.thresholds) as number[],
  hardStop: r.hard_stop === 1,
  createdAt: r.created_at,
})

export class BudgetsRepo {
  private readonly listStmt
  private readonly upsertStmt
  private readonly deleteStmt
  private readonly fireStmt
  private readonly pendingStmt
  private readonly deliverStmt

  constructor(db: Db) {
    this.listStmt = db.prepare<[], BudgetRow>('SELECT * FROM usage_budgets ORDER BY created_at, rowid')
    this.upsertStmt = db.prepare(
      `INSERT INTO usage_budgets (id, scope_type, scope_value, amount_micro, currency, thresholds, hard_stop, created_at)
       VALUES (@id, @scopeType, @scopeValue, @amountMicro, @currency, @thresholds, @hardStop, @createdAt)
       ON CONFLICT (id) DO UPDATE SET scope_type = excluded.scope_type, scope_value = excluded.scope_value,
         amount_micro = excluded.amount_micro, currency = excluded.currency, thresholds = excluded.thresholds,
         hard_stop = excluded.hard_stop`,
    )
    this.deleteStmt = db.prepare('DELETE FROM usage_budgets WHERE id = ?')
    this.fireStmt = db.prepare(
      `INSERT OR IGNORE INTO usage_budget_alerts (budget_id, month, threshold, spent_micro, fired_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    this.pendingStmt = db.prepare<[], AlertRow>(
      'SELECT * FROM usage_budget_alerts WHERE delivered_at IS NULL ORDER BY fired_at, threshold',
    )
    this.deliverStmt = db.prepare('UPDATE usage_budget_alerts SET delivered_at = ? WHERE delivered_at IS NULL')
  }

  list(): Budget[] {
    return this.listStmt.all().map(toBudget)
  }

  save(b: Budget): void {
    this.upsertStmt.run({
      id: b.id,
      scopeType: b.scope.type,
      scopeValue: scopeValue(b.scope),
      amountMicro: b.amountMicro,
      currency: b.currency,
      thresholds: JSON.stringify(b.thresholds),
      hardStop: b.hardStop ? 1 : 0,
      createdAt: b.createdAt,
    })
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }

  /** True when this threshold fired now; false when it had already fired this month. */
  fire(budgetId: string, month: string, threshold: number, spentMicro: number, at: number): boolean {
    return this.fireStmt.run(budgetId, month, threshold, spentMicro, at).changes > 0
  }

  /** Alerts not yet shown, marked shown. */
  takePending(at: number): AlertRow[] {
    const rows = this.pendingStmt.all()
    if (rows.length) this.deliverStmt.run(at)
    return rows
  }
}
