/** The toast stack, mounted once by the shell. A polite live region: screen readers hear "Message deleted. Undo". */
import { useEffect } from 'react'
import { actOnToast, dismissToast, flushToasts, useToastStore } from './toast-store'
import './toasts.css'

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts)
  // Best effort: a page going away acts on what the user chose rather than silently keeping it.
  useEffect(() => {
    window.addEventListener('pagehide', flushToasts)
    return () => window.removeEventListener('pagehide', flushToasts)
  }, [])
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          <span className="toast__message">{t.message}</span>
          {t.actionLabel ? (
            <button type="button" className="toast__action" onClick={() => actOnToast(t.id)}>
              {t.actionLabel}
            </button>
          ) : null}
          <button
            type="button"
            className="button--tool toast__close"
            aria-label={`Close: ${t.message}`}
            onClick={() => dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
