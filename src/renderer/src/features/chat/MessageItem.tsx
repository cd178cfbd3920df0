/**
 * One message. It selects its own entry by id, so a streaming reply re-renders
 * itself and not the list around it. Once a message is finished it gets its tools
 * (turn-actions/): edit, regenerate, copy, delete, and a pager when it has versions.
 */
import { memo, useId, useState } from 'react'
import { useChatStore } from './chat-store'
import { MessageBody } from './MessageBody'
import { EditForm } from './turn-actions/EditForm'
import { focusInMessage } from './turn-actions/focus-in-message'
import { ReplyActions, StatusMarker } from './turn-actions/ReplyStatus'
import { TurnToolbar } from './turn-actions/TurnToolbar'
import { VersionPager } from './turn-actions/VersionPager'
import './turn-actions/turn-actions.css'

export const MessageItem = memo(function MessageItem({ id }: { id: string }) {
  const message = useChatStore((s) => s.messages[id])
  // The message a link opened: focusable (VirtualLog focuses it) and marked until the pane changes.
  const targeted = useChatStore((s) => s.target?.messageId === id)
  const labelId = useId()
  const [editing, setEditing] = useState(false)
  if (!message || message.role === 'system') return null
  const streaming = message.status === 'streaming'

  const endEdit = (saved: boolean) => {
    setEditing(false)
    // Saving moves focus to the composer; cancelling returns it to the Edit button.
    if (!saved) focusInMessage(message.id, 'edit')
  }

  return (
    <article
      className={`message message--${message.role}${targeted ? ' message--target' : ''}`}
      aria-labelledby={labelId}
      tabIndex={targeted ? -1 : undefined}
      aria-busy={streaming || undefined}
      data-message-id={message.id}
    >
      <header className="message__header">
        <span id={labelId} className="message__role">
          {message.role === 'user' ? 'You' : 'Mistral'}
        </span>
        <StatusMarker message={message} />
        <VersionPager message={message} />
      </header>
      {editing ? (
        <EditForm message={message} onDone={endEdit} />
      ) : message.content ? (
        <MessageBody text={message.content} markdown={message.role === 'assistant'} />
      ) : null}
      {streaming && !message.content ? <p className="message__pending">Mistral is writing…</p> : null}
      {message.role === 'assistant' ? <ReplyActions message={message} /> : null}
      {!editing && !streaming ? <TurnToolbar message={message} onEdit={() => setEditing(true)} /> : null}
    </article>
  )
})
