/** The Usage screen: this month's spend and projection, the daily chart, breakdowns, budget and export. */
import { useEffect } from 'react'
import type { BudgetStatus, Currency, MonthReport } from '../../../../shared/domain'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Breakdowns, TopCalls } from './Breakdowns'
import { BudgetForm } from './BudgetForm'
import { DailyChart } from './DailyChart'
import { formatMoney } from './money'
import { dismissUsageError, exportCsv, loadUsage, setCurrency, useUsageStore } from './usage-store'
import './usage.css'

function download(csv: string, name: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

function Summary({ report }: { report: MonthReport }) {
  const m = (micro: number) => formatMoney(micro, report.currency)
  const diff = report.costMicro - report.previous.costMicro
  return (
    <dl className="usage__summary">
      <div>
        <dt>Spent in {report.month}</dt>
        <dd className="usage__big">{m(report.costMicro)}</dd>
        <dd className="usage__muted">
          {report.calls} calls{report.estimatedCalls ? `, ${report.estimatedCalls} estimated` : ''}
          {report.unpricedCalls ? `; ${report.unpricedCalls} with no price, not counted` : ''}
        </dd>
      </div>
      {report.projection ? (
        <div>
          <dt>Projected for the month</dt>
          <dd className="usage__big">{m(report.projection.costMicro)}</dd>
          <dd className="usage__muted">{report.projection.method}</dd>
        </div>
      ) : null}
      <div>
        <dt>Compared with {report.previous.month}</dt>
        <dd className="usage__big">{m(report.previous.costMicro)}</dd>
        <dd className="usage__muted">{diff === 0 ? 'The same' : `${diff > 0 ? 'Up' : 'Down'} ${m(Math.abs(diff))}`}</dd>
      </div>
    </dl>
  )
}

const budgetKey = (s: BudgetStatus | undefined) => (s ? `${s.budget.id}:${s.budget.amountMicro}:${s.budget.hardStop}` : 'none')

export function UsageView() {
  const { report, settings, budgets, error, exported, loading } = useUsageStore()
  useEffect(() => {
    void loadUsage()
  }, [])
  const currency: Currency = settings?.currency ?? 'USD'
  const overall = budgets.find((b) => b.budget.scope.type === 'all')
  return (
    <section className="pane usage" aria-labelledby="usage-title" aria-busy={loading}>
      <h1 id="usage-title">Usage</h1>
      <ErrorNotice error={error} onDismiss={dismissUsageError} />
      <div className="usage__controls">
        <label>
          Month{' '}
          <input type="month" value={report?.month ?? ''} onChange={(e) => e.target.value && void loadUsage(e.target.value)} />
        </label>
        <label>
          Currency{' '}
          <select value={currency} onChange={(e) => void setCurrency(e.target.value as Currency)}>
            <option value="USD">USD</option>
            <option value="EUR">EUR</option>
          </select>
        </label>
        <button type="button" disabled={!report} onClick={() => report && void exportCsv(report.start, report.end, download)}>
          Export CSV
        </button>
        <span role="status" className="usage__muted">
          {exported}
        </span>
      </div>
      {report ? (
        <>
          <Summary report={report} />
          <BudgetForm key={budgetKey(overall)} status={overall} currency={currency} />
          <DailyChart report={report} />
          <Breakdowns report={report} />
          <TopCalls report={report} />
          <p className="usage__muted">
            Months follow your time zone ({report.timeZone}). With an organization admin key, this screen could also show Mistral&apos;s own figures
            beside these (not available yet).
          </p>
        </>
      ) : null}
    </section>
  )
}
