/**
 * One message. It selects its own entry by id, so a streaming reply re-renders
 * itself and not the list around it.
 */
import { memo, useId, useState } from 'react'
import type { Message } from '../../../../shared/domain'
import { ErrorNotice } from '../../components/ErrorNotice'
import { retryMessage, useChatStore } from '../../stores/chat-store'
import { MessageBody } from './MessageBody'

export const MessageItem = memo(function MessageItem({ id }: { id: string }) {
  const message = useChatStore((s) => s.messages[id])
  const labelId = useId()
  if (!message || message.role === 'system') return null
  const streaming = message.status === 'streaming'
  return (
    <article
      className={`message message--${message.role}`}
      aria-labelledby={labelId}
      aria-busy={streaming || undefined}
    >
      <header className="message__header">
        <span id={labelId} className="message__role">
          {message.role === 'user' ? 'You' : 'Mistral'}
        </span>
        <StatusMarker message={message} />
      </header>
      {message.content ? <MessageBody text={message.content} /> : null}
      {streaming && !message.content ? <p className="message__pending">Mistral is writing…</p> : null}
      {message.role === 'assistant' ? <ReplyActions message={message} /> : null}
    </article>
  )
})

function StatusMarker({ message }: { message: Message }) {
  let text: string | null = null
  if (message.status === 'stopped') text = 'Stopped'
  else if (message.status === 'interrupted') text = 'Interrupted'
  // "length" means the reply was cut at max tokens; the user should know it is incomplete.
  else if (message.status === 'complete' && message.finishReason && message.finishReason !== 'stop') {
    text = `Finished: ${message.finishReason}`
  }
  return text ? <span className={`message__marker message__marker--${message.status}`}>{text}</span> : null
}

function ReplyActions({ message }: { message: Message }) {
  const [busy, setBusy] = useState(false)
  const retry = () => {
    setBusy(true)
    void retryMessage(message.id).finally(() => setBusy(false))
  }
  if (message.status === 'error') {
    return <ErrorNotice error={message.error ?? fallbackError} onRetry={retry} retrying={busy} />
  }
  if (message.status === 'stopped' || message.status === 'interrupted') {
    return (
      <div className="message__actions">
        <button type="button" className="button--quiet" onClick={retry} disabled={busy}>
          Regenerate
        </button>
      </div>
    )
  }
  return null
}

// A row can say `error` without details (e.g. written by an older build); still offer Retry.
const fallbackError = {
  code: 'internal',
  message: 'This reply failed. Retry to get a new one.',
  retryable: true,
} as const
