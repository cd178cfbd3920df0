/**
 * The one way every screen shows an AppError. role="alert" makes screen readers speak
 * it once; tests find errors by that role, so there is never a second alert for the same failure.
 */
import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import './error-notice.css'

interface Props {
  error: AppError | null
  /** Shows a "Retry" button. */
  onRetry?: () => void
  retrying?: boolean
  onDismiss?: () => void
  className?: string
}

export function ErrorNotice({ error, onRetry, retrying = false, onDismiss, className }: Props) {
  const waitMs = error?.code === 'rate_limited' ? error.retryAfterMs : undefined
  // Keyed so a second 429 restarts the countdown.
  const left = useSecondsLeft(waitMs, `${error?.message}:${waitMs}`)
  if (!error) return null
  // One countdown only: main's sentence names the wait when it happened; the live count replaces it.
  const message = waitMs === undefined ? error.message : error.message.replace(/\s*Retry in \d+ s\.$/, '')
  return (
    <div role="alert" className={`error-notice${className ? ` ${className}` : ''}`}>
      <p className="error-notice__message">{message}</p>
      {waitMs !== undefined && !onRetry ? (
        <p className="error-notice__hint">{left > 0 ? `Try again in ${left} s.` : 'You can try again now.'}</p>
      ) : null}
      {onRetry || onDismiss ? (
        <div className="error-notice__actions">
          {onRetry ? (
            <button type="button" onClick={onRetry} disabled={retrying || left > 0}>
              {retrying ? 'Retrying…' : left > 0 ? `Retry in ${left} s` : 'Retry'}
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" className="button--quiet" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

/** Whole seconds left of `ms`, counting down; 0 when there is nothing to wait for. Restarts when `key` changes. */
function useSecondsLeft(ms: number | undefined, key: string): number {
  const seconds = ms === undefined ? 0 : Math.max(1, Math.ceil(ms / 1000))
  const [state, setState] = useState({ key, left: seconds })
  if (state.key !== key) setState({ key, left: seconds })
  const left = state.key === key ? state.left : seconds
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setState((s) => ({ ...s, left: s.left - 1 })), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return left
}
