/**
 * The tool calls of a reply: each with its arguments pretty-printed (invalid JSON is
 * shown as written, marked invalid, never parsed into a crash) and its result. While
 * unanswered, each call takes a result the user types or pastes; "Send results"
 * answers every call at once, exactly one result per call id, and the model goes on.
 */
import { useId, useState } from 'react'
import type { Message, ToolCallRecord } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/errors'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { submitToolResults } from './tool-results'

export function prettyArguments(raw: string): { text: string; valid: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), valid: true }
  } catch {
    return { text: raw, valid: false }
  }
}

export function ToolCalls({ message, calls }: { message: Message; calls: readonly ToolCallRecord[] }) {
  const [results, setResults] = useState<Record<string, string>>({})
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const open = calls.some((c) => c.result === null)
  const answerable = open && message.status === 'complete'
  const send = async () => {
    setSending(true)
    setError(null)
    const failed = await submitToolResults(message, calls.map((c) => ({ callId: c.id, content: results[c.id] ?? '' })))
    setSending(false)
    setError(failed)
  }
  return (
    <section className="reply-tools" aria-label="Tool calls">
      {calls.map((call) => (
        <ToolCallItem key={call.id} call={call} editable={answerable} value={results[call.id] ?? ''} onChange={(v) => setResults((r) => ({ ...r, [call.id]: v }))} />
      ))}
      {answerable ? (
        <button type="button" onClick={() => void send()} disabled={sending}>
          {sending ? 'Sending…' : calls.length > 1 ? 'Send results' : 'Send result'}
        </button>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  )
}

function ToolCallItem(props: { call: ToolCallRecord; editable: boolean; value: string; onChange: (v: string) => void }) {
  const { call, editable, value, onChange } = props
  const inputId = useId()
  const args = prettyArguments(call.arguments)
  return (
    <article className="reply-tool" aria-label={`Tool call ${call.name}`}>
      <header className="reply-tool__header">
        <code className="reply-tool__name">{call.name}</code>
        <span className="reply-tool__id">id {call.id}</span>
      </header>
      {args.valid ? null : <p className="reply-tool__invalid" role="note">Invalid JSON arguments, shown as the model wrote them:</p>}
      <pre className="reply-tool__args" aria-label={`Arguments of ${call.name}`}>{args.text}</pre>
      {call.result !== null ? (
        <pre className="reply-tool__result" aria-label={`Result of ${call.name}`}>{call.result}</pre>
      ) : editable ? (
        <>
          <label htmlFor={inputId}>Result for {call.name}</label>
          <textarea id={inputId} value={value} rows={3} onChange={(e) => onChange(e.target.value)} />
        </>
      ) : null}
    </article>
  )
}
