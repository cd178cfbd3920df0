/**
 * Where the user writes. Enter sends, Shift+Enter breaks the line, Esc stops a reply
 * (chat.feature.ts). Focus stays here across sending and stopping, so typing never
 * needs the mouse. A message that would overflow the model's window is held back with a
 * warning until the user allows trimming the oldest turns.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { holdOverflowingTurn, dismissOverflow, selectOpenStream, sendMessage, stopStream, useChatStore } from './chat-store'
import { sendHeldTurn } from './chat-turns'
import { DEFAULT_MODEL, useModelsStore } from '../models/models-store'
import { COMPOSER_ID } from '../../components/focus'
import { ContextMeter } from './context-meter/ContextMeter'
import { ContextWarning } from './context-meter/ContextWarning'
import { budgetNow } from './context-meter/use-context-budget'

export function Composer() {
  const [draft, setDraft] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  const streaming = useChatStore(selectOpenStream)
  const sending = useChatStore((s) => s.sending)
  const holdingSend = useChatStore((s) => s.overflow?.kind === 'send')
  const model = useModelsStore((s) => s.selected)
  const busy = streaming !== null || sending

  // A send that fails for good gives its text back to edit; a retryable one offers Retry instead.
  const giveBack = (text: string) => setDraft((current) => (current === '' ? text : current))

  const submit = async () => {
    const text = draft
    if (busy || text.trim() === '') return
    // Before models load, send with the default rather than block the first message.
    const chosen = model ?? DEFAULT_MODEL
    const budget = budgetNow(text)
    if (budget && !budget.fits) {
      holdOverflowingTurn({ kind: 'send', content: text, model: chosen })
      return
    }
    setDraft('')
    field.current?.focus()
    const error = await sendMessage(text, chosen)
    if (error && !error.retryable) giveBack(text)
  }

  const trimAndSend = async () => {
    const held = useChatStore.getState().overflow
    if (!held) return
    if (held.kind === 'send') setDraft((current) => (current === held.content ? '' : current))
    field.current?.focus()
    const error = await sendHeldTurn()
    if (error && held.kind === 'send' && !error.retryable) giveBack(held.content)
  }

  const stop = () => {
    if (streaming) void stopStream(streaming)
    field.current?.focus()
  }

  const onChange = (text: string) => {
    setDraft(text)
    // The warning was about the text as it was; the next Send checks again.
    if (holdingSend) dismissOverflow()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME candidate (Japanese, Chinese...), which must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void submit()
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void submit()
  }

  return (
    <div className="composer-area">
      <ContextWarning onTrim={() => void trimAndSend()} />
      <form className="composer" onSubmit={onSubmit}>
        <label htmlFor={COMPOSER_ID} className="visually-hidden">
          Message
        </label>
        <textarea
          id={COMPOSER_ID}
          ref={field}
          className="composer__input"
          value={draft}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Ask Mistral… (Enter to send, Shift+Enter for a new line)"
          rows={1}
          autoFocus
        />
        <div className="composer__actions">
          {streaming ? (
            <button type="button" className="button--quiet" onClick={stop} aria-keyshortcuts="Escape">
              Stop
            </button>
          ) : null}
          <button type="submit" className="button--primary" disabled={busy}>
            Send
          </button>
        </div>
      </form>
      <div className="composer__meta">
        <ContextMeter draft={draft} />
      </div>
    </div>
  )
}
