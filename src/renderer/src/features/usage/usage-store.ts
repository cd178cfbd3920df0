/** The Usage screen's state: the month report, settings, budgets, and the alerts fired but not yet dismissed. */
import { create } from 'zustand'
import type { BudgetAlert, BudgetStatus, Currency, MonthReport, UsageSettings } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

interface UsageState {
  report: MonthReport | null
  /** The month shown; null = the current month. */
  month: string | null
  settings: UsageSettings | null
  budgets: BudgetStatus[]
  alerts: BudgetAlert[]
  loading: boolean
  error: AppError | null
  /** The last export, said in words for the live region. */
  exported: string | null
}

export const useUsageStore = create<UsageState>(() => ({
  report: null,
  month: null,
  settings: null,
  budgets: [],
  alerts: [],
  loading: false,
  error: null,
  exported: null,
}))

const set = useUsageStore.setState
const get = useUsageStore.getState

/** The renderer knows the user's zone; months follow it. */
const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

export async function loadUsage(month: string | null = get().month): Promise<void> {
  set({ loading: true, month })
  if (!get().settings) {
    const s = await callInto(useUsageStore, 'usage.saveSettings', { timeZone: localZone() }, { onError: { loading: false } })
    if (s.ok) set({ settings: s.value })
  }
  const [report, budgets] = await Promise.all([
    callInto(useUsageStore, 'usage.month', month ? { month } : {}, { onError: { loading: false } }),
    callInto(useUsageStore, 'usage.listBudgets', {}),
  ])
  if (report.ok) set({ report: report.value, loading: false, error: null })
  if (budgets.ok) set({ budgets: budgets.value })
  await takeAlerts()
}

export async function setCurrency(currency: Currency): Promise<void> {
  const r = await callInto(useUsageStore, 'usage.saveSettings', { currency })
  if (r.ok) {
    set({ settings: r.value })
    await loadUsage()
  }
}

/** Saves the overall monthly budget (amount in micro-units of the chosen currency). */
export async function saveMonthlyBudget(amountMicro: number, hardStop: boolean): Promise<boolean> {
  const existing = get().budgets.find((b) => b.budget.scope.type === 'all')
  const r = await callInto(useUsageStore, 'usage.saveBudget', {
    ...(existing ? { id: existing.budget.id } : {}),
    scope: { type: 'all' },
    amountMicro,
    hardStop,
    ...(get().settings ? { currency: get().settings!.currency } : {}),
  })
  if (r.ok) await loadUsage()
  return r.ok
}

export async function removeBudget(id: string): Promise<void> {
  const r = await callInto(useUsageStore, 'usage.deleteBudget', { id })
  if (r.ok) await loadUsage()
}

/** New alerts join the shown ones; each arrives once (main marks them shown). */
export async function takeAlerts(): Promise<void> {
  const r = await callInto(useUsageStore, 'usage.takeAlerts', {})
  if (r.ok && r.value.length) set((s) => ({ alerts: [...s.alerts, ...r.value] }))
}

/** Dismisses a budget's alerts for that month (the banner shows the highest threshold crossed). */
export function dismissAlert(budgetId: string, month: string): void {
  set((s) => ({ alerts: s.alerts.filter((a) => a.budgetId !== budgetId || a.month !== month) }))
}

export function dismissUsageError(): void {
  set({ error: null })
}

export async function exportCsv(from: number, to: number, download: (csv: string, name: string) => void): Promise<void> {
  const r = await callInto(useUsageStore, 'usage.exportCsv', { from, to })
  if (!r.ok) return
  const month = get().report?.month ?? 'ledger'
  download(r.value.csv, `mistral-usage-${month}.csv`)
  set({ exported: `Exported ${r.value.rows} ${r.value.rows === 1 ? 'call' : 'calls'}.` })
}
