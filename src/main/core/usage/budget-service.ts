/**
 * Monthly budgets: their status, the alerts their thresholds fire (each once per
 * month, across restarts: the alert's primary key refuses a second one), and the
 * hard stop. The stop is enforced in core: this service installs the kernel's spend
 * guard (kernel.usage.setSpendGuard), and chat calls kernel.usage.checkSpend()
 * before it sends, so no renderer can get around it.
 */
import { randomUUID } from 'node:crypto'
import type { Budget, BudgetAlert, BudgetScope, BudgetStatus, Currency } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { UsageEntry, UsageKind } from '../kernel/usage/usage-ledger'
import type { Clock } from '../ports'
import type { BudgetsRepo } from './budgets-repo'
import { monthOf, monthRange } from './calendar'
import type { LedgerQueries } from './ledger-queries'
import type { UsageSettingsStore } from './usage-settings'

export const DEFAULT_THRESHOLDS = [50, 80, 100]

export interface SaveBudget {
  id?: string
  scope: BudgetScope
  amountMicro: number
  currency?: Currency
  thresholds?: number[]
  hardStop?: boolean
}

export function budgetName(scope: BudgetScope): string {
  if (scope.type === 'model') return `Monthly budget for ${scope.model}`
  if (scope.type === 'capability') return `Monthly budget for ${scope.capability}`
  return 'Monthly budget'
}

/** "$12.50", "€0.40": for messages; the renderer formats with the user's locale. */
export function money(micro: number, currency: Currency): string {
  const amount = (micro / 1_000_000).toFixed(2)
  return currency === 'EUR' ? `€${amount}` : `$${amount}`
}

const matches = (scope: BudgetScope, call: { kind: UsageKind; model: string; billedModel?: string }): boolean =>
  scope.type === 'all' ||
  (scope.type === 'capability' && scope.capability === call.kind) ||
  (scope.type === 'model' && (scope.model === call.model || scope.model === call.billedModel))

export class BudgetService {
  constructor(
    private readonly repo: BudgetsRepo,
    private readonly queries: LedgerQueries,
    private readonly settings: UsageSettingsStore,
    private readonly clock: Clock,
  ) {}

  list(): BudgetStatus[] {
    const month = monthOf(this.clock.now(), this.settings.get().timeZone)
    return this.repo.list().map((b) => this.status(b, month))
  }

  save(input: SaveBudget): BudgetStatus {
    const existing = input.id ? this.repo.list().find((b) => b.id === input.id) : undefined
    if (input.id && !existing) throw new AppErrorException(appError('not_found', 'That budget no longer exists.'))
    const thresholds = [...new Set(input.thresholds ?? existing?.thresholds ?? DEFAULT_THRESHOLDS)].sort((a, b) => a - b)
    const budget: Budget = {
      id: existing?.id ?? randomUUID(),
      scope: input.scope,
      amountMicro: input.amountMicro,
      currency: input.currency ?? existing?.currency ?? this.settings.get().currency,
      thresholds,
      hardStop: input.hardStop ?? existing?.hardStop ?? false,
      createdAt: existing?.createdAt ?? this.clock.now(),
    }
    this.repo.save(budget)
    const status = this.status(budget, monthOf(this.clock.now(), this.settings.get().timeZone))
    // A budget set below what is already spent fires its thresholds at once.
    this.fireCrossed(budget, status.month, status.spentMicro)
    return status
  }

  delete(id: string): { deleted: boolean } {
    return { deleted: this.repo.delete(id) }
  }

  /** After every ledger row: fire the thresholds the row's month has now crossed. */
  onRecorded(entry: UsageEntry): void {
    const month = monthOf(entry.at, this.settings.get().timeZone)
    for (const budget of this.repo.list()) {
      if (!matches(budget.scope, entry)) continue
      this.fireCrossed(budget, month, this.spent(budget, month))
    }
  }

  take(): BudgetAlert[] {
    const budgets = new Map(this.repo.list().map((b) => [b.id, b]))
    return this.repo.takePending(this.clock.now()).flatMap((a) => {
      const b = budgets.get(a.budget_id)
      if (!b) return [] // deleted since it fired
      return [{ budgetId: b.id, name: budgetName(b.scope), month: a.month, threshold: a.threshold, spentMicro: a.spent_micro, amountMicro: b.amountMicro, currency: b.currency, firedAt: a.fired_at }]
    })
  }

  /** The spend guard: a hard-stop budget at 100% refuses the call, naming the budget and how to raise it. */
  guard(call: { kind: UsageKind; model: string }): void {
    const month = monthOf(this.clock.now(), this.settings.get().timeZone)
    for (const budget of this.repo.list()) {
      if (!budget.hardStop || !matches(budget.scope, call)) continue
      const spent = this.spent(budget, month)
      if (spent < budget.amountMicro) continue
      const name = budgetName(budget.scope)
      throw new AppErrorException(
        appError(
          'budget_exceeded',
          `${name} reached: ${money(spent, budget.currency)} of ${money(budget.amountMicro, budget.currency)} spent in ${month}, and it is set to hard stop. ` +
            `Raise the ${name.charAt(0).toLowerCase() + name.slice(1)} or turn off its hard stop on the Usage screen to send again.`,
        ),
      )
    }
  }

  private status(budget: Budget, month: string): BudgetStatus {
    const spentMicro = this.spent(budget, month)
    return {
      budget,
      name: budgetName(budget.scope),
      month,
      spentMicro,
      percent: Math.floor((spentMicro * 100) / budget.amountMicro),
      reached: spentMicro >= budget.amountMicro,
    }
  }

  private fireCrossed(budget: Budget, month: string, spent: number): void {
    const at = this.clock.now()
    for (const t of budget.thresholds) {
      if (spent * 100 >= budget.amountMicro * t) this.repo.fire(budget.id, month, t, spent, at)
    }
  }

  private spent(budget: Budget, month: string): number {
    const { start, end } = monthRange(month, this.settings.get().timeZone)
    const s = budget.scope
    if (s.type === 'model') return this.queries.totals(budget.currency, start, end, 'AND (model = ? OR billed_model = ?)', s.model, s.model).costMicro
    if (s.type === 'capability') return this.queries.totals(budget.currency, start, end, 'AND kind = ?', s.capability).costMicro
    return this.queries.totals(budget.currency, start, end).costMicro
  }
}
