/**
 * Editing a sent message in place. "Save and send" makes a new version of it and a new
 * reply; the earlier version and its replies stay, one pager click away.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Message } from '../../../../../shared/domain'
import { focusComposer } from '../../../components/focus'
import { holdOverflowingTurn, selectOpenBusy, useChatStore } from '../chat-store'
import { editMessage } from '../chat-turns'
import { budgetNow } from '../context-meter/use-context-budget'

export function EditForm({ message, onDone }: { message: Message; onDone: (saved: boolean) => void }) {
  const [text, setText] = useState(message.content)
  const [saving, setSaving] = useState(false)
  const busy = useChatStore(selectOpenBusy)

  const save = async () => {
    if (saving || busy || text.trim() === '') return
    const budget = budgetNow(text, message.id)
    if (budget && !budget.fits) {
      // The warning by the composer takes it from here; this form stays open until it is sent.
      holdOverflowingTurn({ kind: 'edit', messageId: message.id, content: text })
      return
    }
    setSaving(true)
    const error = await editMessage(message.id, text)
    setSaving(false)
    if (error) return
    onDone(true)
    focusComposer()
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void save()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      // Handled here, so the window's Esc does not also stop a reply or close a panel.
      e.preventDefault()
      onDone(false)
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void save()
    }
  }

  return (
    <form className="edit-form" onSubmit={onSubmit}>
      <textarea
        className="edit-form__input"
        aria-label="Edit message"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        disabled={saving}
        autoFocus
      />
      <div className="edit-form__actions">
        <button type="submit" className="button--primary" disabled={saving || busy || text.trim() === ''}>
          Save and send
        </button>
        <button type="button" className="button--quiet" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
