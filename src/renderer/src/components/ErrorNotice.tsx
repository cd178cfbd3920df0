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
  if (!error) return null
  return (
    <div role="alert" className={`error-notice${className ? ` ${className}` : ''}`}>
      <p className="error-notice__message">{error.message}</p>
      {error.code === 'rate_limited' && error.retryAfterMs !== undefined ? (
        // Keyed so a second 429 restarts the countdown.
        <RetryCountdown key={`${error.message}:${error.retryAfterMs}`} ms={error.retryAfterMs} />
      ) : null}
      {onRetry || onDismiss ? (
        <div className="error-notice__actions">
          {onRetry ? (
            <button type="button" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
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

function RetryCountdown({ ms }: { ms: number }) {
  const [left, setLeft] = useState(() => Math.max(1, Math.ceil(ms / 1000)))
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return <p className="error-notice__hint">{left > 0 ? `Try again in ${left} s` : 'You can retry now.'}</p>
}
