/** Budget alerts as banners, on every screen (a sidebar section): announced once by role="alert", naming the budget. */
import { useEffect } from 'react'
import { subscribe } from '../../api'
import type { BudgetAlert } from '../../../../shared/domain'
import { formatMoney } from './money'
import { dismissAlert, takeAlerts, useUsageStore } from './usage-store'

export function BudgetAlerts() {
  const alerts = useUsageStore((s) => s.alerts)
  useEffect(() => {
    void takeAlerts()
    // A reply that ended has just been billed: its row may have crossed a threshold.
    return subscribe('chat.stream', (e) => {
      if (e.type !== 'delta') void takeAlerts()
    })
  }, [])
  if (alerts.length === 0) return null
  // Thresholds crossed together (one big call past 50, 80 and 100%) read as one banner: the highest.
  const latest = new Map<string, BudgetAlert>()
  for (const a of alerts) {
    const key = `${a.budgetId}:${a.month}`
    if ((latest.get(key)?.threshold ?? -1) < a.threshold) latest.set(key, a)
  }
  return (
    <div className="budget-alerts">
      {[...latest.values()].map((a) => (
        <div key={`${a.budgetId}:${a.month}:${a.threshold}`} role="alert" className="budget-alert">
          <p>
            {a.name}: {a.threshold}% reached — {formatMoney(a.spentMicro, a.currency)} of {formatMoney(a.amountMicro, a.currency)} in {a.month}.
          </p>
          <button type="button" onClick={() => dismissAlert(a.budgetId, a.month)} aria-label={`Dismiss the ${a.threshold}% alert of ${a.name}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
