/**
 * Where the user writes. Enter sends, Shift+Enter breaks the line, Esc stops a reply.
 * Focus stays here across sending and stopping, so typing never needs the mouse.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { selectOpenStream, sendMessage, stopStream, useChatStore } from '../../stores/chat-store'
import { DEFAULT_MODEL, useModelsStore } from '../../stores/models-store'

export function Composer() {
  const [draft, setDraft] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  const streaming = useChatStore(selectOpenStream)
  const sending = useChatStore((s) => s.sending)
  const model = useModelsStore((s) => s.selected)
  const busy = streaming !== null || sending

  const submit = async () => {
    const text = draft
    if (busy || text.trim() === '') return
    setDraft('')
    field.current?.focus()
    // Before models load, send with the default rather than block the first message.
    const error = await sendMessage(text, model ?? DEFAULT_MODEL)
    // A retryable failure offers Retry with this text; otherwise give the text back to edit.
    if (error && !error.retryable) setDraft((current) => (current === '' ? text : current))
  }

  const stop = () => {
    if (streaming) void stopStream(streaming)
    field.current?.focus()
  }

  useEffect(() => {
    if (!streaming) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      // Inputs that use Esc themselves (rename, dialogs) mark the event handled.
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault()
        void stopStream(streaming)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [streaming])

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
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor="composer-input" className="visually-hidden">
        Message
      </label>
      <textarea
        id="composer-input"
        ref={field}
        className="composer__input"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
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
  )
}
