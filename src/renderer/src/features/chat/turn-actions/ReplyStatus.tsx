/**
 * How a reply ended, when it did not simply finish: stopped, interrupted, failed, or cut
 * at max tokens (finish_reason "length", which Continue picks up from).
 */
import { useState } from 'react'
import type { Message } from '../../../../../shared/domain'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { focusComposer } from '../../../components/focus'
import { selectOpenBusy, useChatStore } from '../chat-store'
import { continueReply, retryMessage } from '../chat-turns'

export function StatusMarker({ message }: { message: Message }) {
  const text = statusText(message)
  return text ? <span className={`message__marker message__marker--${message.status}`}>{text}</span> : null
}

function statusText(message: Message): string | null {
  if (message.status === 'stopped') return 'Stopped'
  if (message.status === 'interrupted') return 'Interrupted'
  if (message.status !== 'complete' || !message.finishReason || message.finishReason === 'stop') return null
  // The user must know the reply is incomplete, and why.
  if (message.finishReason === 'length') return 'Stopped at the token limit (length)'
  return `Finished: ${message.finishReason}`
}

export function ReplyActions({ message }: { message: Message }) {
  const [retrying, setRetrying] = useState(false)
  const busy = useChatStore(selectOpenBusy)
  const retry = () => {
    setRetrying(true)
    void retryMessage(message.id).finally(() => setRetrying(false))
  }
  const continueIt = () => {
    focusComposer()
    void continueReply(message.id)
  }

  if (message.status === 'error') {
    return <ErrorNotice error={message.error ?? fallbackError} onRetry={retry} retrying={retrying} />
  }
  const cut = message.status === 'stopped' || message.status === 'interrupted'
  // Main continues a reply cut by max tokens or by Stop, in the same message (prefix mode).
  const canContinue = message.content !== '' && (cut || (message.status === 'complete' && message.finishReason === 'length'))
  if (!cut && !canContinue) return null
  return (
    <div className="message__actions">
      {canContinue ? (
        <button type="button" onClick={continueIt} disabled={busy} data-action="continue">
          Continue
        </button>
      ) : null}
      {cut ? (
        <button type="button" className="button--quiet" onClick={retry} disabled={retrying || busy}>
          Regenerate
        </button>
      ) : null}
    </div>
  )
}

// A row can say `error` without details (e.g. written by an older build); still offer Retry.
const fallbackError = {
  code: 'internal',
  message: 'This reply failed. Retry to get a new one.',
  retryable: true,
} as const
