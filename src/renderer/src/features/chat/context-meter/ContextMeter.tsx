/**
 * "~N / M tokens": the system prompt, the visible thread and the draft against the selected
 * model's window. An estimate (shared/tokens.ts), hence the tilde.
 */
import { formatTokens } from './context-budget'
import { useContextBudget } from './use-context-budget'
import './context-meter.css'

const NEAR = 0.8

export function ContextMeter({ draft }: { draft: string }) {
  const budget = useContextBudget(draft)
  if (!budget) return null
  const { used, limit, fits } = budget
  const level = !fits ? 'over' : used >= limit * NEAR ? 'near' : 'ok'
  const percent = Math.min(100, (used / limit) * 100)
  const text = `~${formatTokens(used)} / ${formatTokens(limit)} tokens`
  return (
    <div
      role="meter"
      aria-label="Context used"
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      aria-valuetext={text}
      className={`context-meter context-meter--${level}`}
      title="Estimated tokens of the system prompt, this conversation and your message, against the model's context window"
    >
      <span className="context-meter__bar" aria-hidden="true">
        <span className="context-meter__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="context-meter__text">{text}</span>
    </div>
  )
}
