/**
 * Daily spend stacked by model (recharts), with the same numbers as a table for
 * screen readers and for anyone who prefers figures to bars.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { MonthReport } from '../../../../shared/domain'
import { formatMoney } from './money'

/** Distinct in light and dark themes (each passes 3:1 against both backgrounds). */
const PALETTE = ['#ea580c', '#2563eb', '#16a34a', '#9333ea', '#db2777', '#0891b2', '#ca8a04', '#64748b']

export function DailyChart({ report }: { report: MonthReport }) {
  const models = [...new Set(report.daily.flatMap((d) => Object.keys(d.byModel)))]
  const data = report.daily.map((d) => ({ day: d.day.slice(8), ...Object.fromEntries(models.map((m) => [m, (d.byModel[m] ?? 0) / 1_000_000])) }))
  const money = (v: number) => formatMoney(Math.round(v * 1_000_000), report.currency)
  return (
    <figure className="usage__chart" aria-labelledby="usage-chart-title">
      <figcaption id="usage-chart-title">Daily spend by model</figcaption>
      {models.length === 0 ? (
        <p className="usage__empty">No priced calls this month yet.</p>
      ) : (
        <div role="img" aria-label={`Bar chart of daily spend in ${report.month}, stacked by model: ${models.join(', ')}`}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="day" stroke="var(--muted)" tick={{ fill: 'var(--muted)', fontSize: 12 }} />
              <YAxis stroke="var(--muted)" tick={{ fill: 'var(--muted)', fontSize: 12 }} tickFormatter={money} width={80} />
              <Tooltip formatter={(v) => money(Number(v))} contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)', color: 'var(--text)' }} />
              <Legend wrapperStyle={{ color: 'var(--text)' }} />
              {models.map((m, i) => (
                <Bar key={m} dataKey={m} stackId="spend" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="usage__table-fallback">
        <summary>Show the daily spend as a table</summary>
        <table>
          <caption>Daily spend by model, {report.month}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {models.map((m) => (
                <th key={m} scope="col">{m}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.daily
              .filter((d) => Object.keys(d.byModel).length > 0)
              .map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  {models.map((m) => (
                    <td key={m}>{formatMoney(d.byModel[m] ?? 0, report.currency)}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
