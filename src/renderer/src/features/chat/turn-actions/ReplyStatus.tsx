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
import { useConversationSettingsStore } from '../conversation-settings/conversation-settings-store'

export function StatusMarker({ message }: { message: Message }) {
  const maxTokens = useConversationSettingsStore((s) => s.settings.params.maxTokens)
  const text = statusText(message, maxTokens)
  return text ? <span className={`message__marker message__marker--${message.status}`}>{text}</span> : null
}

function statusText(message: Message, maxTokens: number | undefined): string | null {
  if (message.status === 'stopped') return 'Stopped'
  if (message.status === 'interrupted') return 'Interrupted'
  if (message.status !== 'complete' || !message.finishReason || message.finishReason === 'stop') return null
  // The user must know the reply is incomplete, and why.
  if (message.finishReason === 'length') {
    return maxTokens === undefined
      ? 'Reply cut at the model’s length limit — Continue it'
      : `Reply cut at your ${maxTokens.toLocaleString('en-US')}-token limit — Continue or raise it`
  }
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

  if (message.status === 'error' && wasInterrupted(message)) {
    return (
      <div role="alert" className="error-notice">
        <p className="error-notice__message">
          The reply was interrupted before it finished. What arrived is kept: continue it, or retry for a new one.
        </p>
        <div className="error-notice__actions">
          <button type="button" onClick={continueIt} disabled={busy} data-action="continue">
            Continue
          </button>
          <button type="button" className="button--quiet" onClick={retry} disabled={retrying || busy}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      </div>
    )
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

/** Part of the reply arrived before the connection dropped: not "can't reach Mistral", which it evidently could. */
function wasInterrupted(message: Message): boolean {
  return message.content !== '' && message.error?.code === 'network'
}

// A row can say `error` without details (e.g. written by an older build); still offer Retry.
const fallbackError = {
  code: 'internal',
  message: 'This reply failed. Retry to get a new one.',
  retryable: true,
} as const
