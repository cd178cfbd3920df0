/** Spend by model, capability, conversation and document, and the most expensive calls; conversations open on click. */
import type { Currency, MonthReport, SpendLine } from '../../../../shared/domain'
import { navigate } from '../../shell/navigation'
import { conversationPath } from '../chat/chat-paths'
import { formatMoney } from './money'

function Lines({ title, lines, currency, open }: { title: string; lines: SpendLine[]; currency: Currency; open?: (key: string) => void }) {
  if (lines.length === 0) return null
  return (
    <table className="usage__table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Calls</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key}>
            <th scope="row">
              {open ? (
                <button type="button" className="link-button" onClick={() => open(l.key)}>
                  {l.label ?? 'Deleted conversation'}
                </button>
              ) : (
                l.label ?? l.key
              )}
            </th>
            <td>{l.calls}</td>
            <td>
              {formatMoney(l.costMicro, currency)}
              {l.unpricedCalls > 0 ? <span className="usage__unpriced"> + {l.unpricedCalls} with no price</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function Breakdowns({ report }: { report: MonthReport }) {
  const { currency } = report
  return (
    <div className="usage__breakdowns">
      <Lines title="By model" lines={report.byModel} currency={currency} />
      <Lines title="By capability" lines={report.byCapability} currency={currency} />
      <Lines title="By conversation" lines={report.byConversation} currency={currency} open={(id) => navigate(conversationPath(id))} />
      <Lines title="By document" lines={report.byDocument} currency={currency} />
    </div>
  )
}

export function TopCalls({ report }: { report: MonthReport }) {
  if (report.topCalls.length === 0) return null
  return (
    <table className="usage__table">
      <caption>Most expensive calls</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Capability</th>
          <th scope="col">Model</th>
          <th scope="col">Tokens in / out</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {report.topCalls.map((c) => (
          <tr key={c.id}>
            <th scope="row">{new Date(c.at).toLocaleString()}</th>
            <td>{c.kind}</td>
            <td>{c.billedModel}</td>
            <td>
              {c.promptTokens} / {c.completionTokens}
              {c.estimated ? ' (estimated)' : ''}
            </td>
            <td>{c.costMicro === null ? 'No price' : formatMoney(c.costMicro, report.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
