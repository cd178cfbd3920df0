/**
 * The "Monthly budget" field: an amount in the chosen currency, and whether reaching it stops sending.
 * The parent keys it by the saved budget, so a saved change starts the fields afresh.
 */
import { useId, useState } from 'react'
import type { BudgetStatus, Currency } from '../../../../shared/domain'
import { formatMoney, parseAmount } from './money'
import { removeBudget, saveMonthlyBudget } from './usage-store'

export function BudgetForm({ status, currency }: { status: BudgetStatus | undefined; currency: Currency }) {
  const id = useId()
  const [amount, setAmount] = useState(status ? String(status.budget.amountMicro / 1_000_000) : '')
  const [hardStop, setHardStop] = useState(status?.budget.hardStop ?? false)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    const micro = parseAmount(amount)
    if (micro === null) {
      setProblem('Enter an amount above 0, such as 20 or 12.50.')
      return
    }
    setProblem(null)
    await saveMonthlyBudget(micro, hardStop)
  }

  return (
    <form className="budget-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Budget</h2>
      <div className="budget-form__row">
        <label htmlFor={`${id}-amount`}>Monthly budget</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-describedby={`${id}-help`}
          aria-invalid={problem !== null}
        />
        <span>{currency}</span>
        <label className="checkbox">
          <input type="checkbox" checked={hardStop} onChange={(e) => setHardStop(e.target.checked)} />
          Hard stop at 100%
        </label>
        <button type="submit">Save budget</button>
        {status ? (
          <button type="button" onClick={() => void removeBudget(status.budget.id)}>
            Remove budget
          </button>
        ) : null}
      </div>
      <p id={`${id}-help`} className="usage__muted">
        {problem ??
          (status
            ? `${formatMoney(status.spentMicro, status.budget.currency)} of ${formatMoney(status.budget.amountMicro, status.budget.currency)} spent (${status.percent}%). Alerts at ${status.budget.thresholds.join('%, ')}%.`
            : 'Alerts at 50%, 80% and 100%. Without a hard stop, sending at 100% asks first.')}
      </p>
    </form>
  )
}
