/**
 * The usage feature: the dashboard, per-conversation cost, export, prices and budgets.
 * The ledger itself is the kernel's (kernel/usage, module 'usage' in schema_migrations);
 * this module owns the budget tables, under the name 'budgets'.
 */
import type { FeatureModule } from '../module'
import { BudgetService } from './budget-service'
import { BudgetsRepo } from './budgets-repo'
import { LedgerQueries } from './ledger-queries'
import * as m001 from './migrations/001-budgets'
import { ReportService } from './report-service'
import { UsageService } from './usage-service'
import { UsageSettingsStore } from './usage-settings'

export const usageModule: FeatureModule = {
  name: 'budgets',
  migrations: [m001],
  create(kernel) {
    const queries = new LedgerQueries(kernel.db)
    const settings = new UsageSettingsStore(kernel.ports.settings)
    const reports = new ReportService(queries, kernel.clock)
    const usage = new UsageService(queries, kernel.usage.overrides, kernel.clock)
    const budgets = new BudgetService(new BudgetsRepo(kernel.db), queries, settings, kernel.clock)
    const unsubscribe = kernel.usage.onRecorded((entry) => budgets.onRecorded(entry))
    kernel.usage.setSpendGuard((call) => budgets.guard(call))
    const currency = () => settings.get().currency
    return {
      handlers: {
        'usage.month': ({ month }) => reports.month(month, currency(), settings.get().timeZone),
        'usage.conversation': ({ conversationId }) => usage.conversation(conversationId, currency()),
        'usage.exportCsv': ({ from, to }) => usage.exportCsv(from, to, currency()),
        'usage.getSettings': () => settings.get(),
        'usage.saveSettings': (input) => settings.save(input),
        'usage.listBudgets': () => budgets.list(),
        'usage.saveBudget': (input) => budgets.save(input),
        'usage.deleteBudget': ({ id }) => budgets.delete(id),
        'usage.takeAlerts': () => budgets.take(),
        'usage.saveOverride': (input) => usage.saveOverride(input),
        'usage.deleteOverride': ({ id }) => usage.deleteOverride(id),
      },
      close() {
        unsubscribe()
        kernel.usage.setSpendGuard(null)
      },
    }
  },
}
