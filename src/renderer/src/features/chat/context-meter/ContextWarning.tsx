/**
 * Shown instead of sending when the thread would overflow the model's window (our estimate,
 * or main's too_large). The user either lets main leave out the oldest turns, or goes back
 * and shortens the message or picks a model with a larger window.
 */
import { dismissOverflow, useChatStore } from '../chat-store'
import { useEscapeLayer } from '../../../components/escape-layers'

export function ContextWarning({ onTrim }: { onTrim: () => void }) {
  const held = useChatStore((s) => s.overflow !== null)
  useEscapeLayer(held, dismissOverflow)
  if (!held) return null
  return (
    <div role="alert" className="context-warning">
      <p className="context-warning__message">This conversation is longer than the model&apos;s context window.</p>
      <p className="context-warning__hint">
        Send anyway without the oldest turns (they stay in the history), shorten your message, or pick a model with a
        larger window.
      </p>
      <div className="context-warning__actions">
        <button type="button" className="button--primary" onClick={onTrim}>
          Trim oldest turns and send
        </button>
        <button type="button" className="button--quiet" onClick={dismissOverflow}>
          Cancel
        </button>
      </div>
    </div>
  )
}
