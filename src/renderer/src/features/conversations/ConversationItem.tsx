/**
 * One conversation in the sidebar: open it, rename it in place, or delete it after a
 * second confirming click. A blocking confirm() would be dismissed by automation and
 * is jarring with a keyboard; the inline step keeps focus where the user is.
 */
import {
  memo,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react'
import type { ConversationSummary } from '../../../../shared/domain'
import { navigate } from '../../shell/navigation'
import { conversationPath } from '../chat/chat-paths'
import { newChat, stopStream, useChatStore } from '../chat/chat-store'
import { deleteConversation, renameConversation } from './conversations-store'

type Mode = 'idle' | 'renaming' | 'confirming'

interface Props {
  conversation: ConversationSummary
  /** Where the row sits in the (virtualized) list, and how it is placed and measured there. */
  index?: number
  setSize?: number
  style?: CSSProperties
  rowRef?: Ref<HTMLLIElement>
}

export const ConversationItem = memo(function ConversationItem({ conversation, index, setSize, style, rowRef }: Props) {
  const { id, title } = conversation
  const rowProps = {
    ref: rowRef,
    style,
    'data-index': index,
    'data-id': id,
    'aria-posinset': index === undefined ? undefined : index + 1,
    'aria-setsize': setSize,
  }
  const isOpen = useChatStore((s) => s.openId === id)
  const [mode, setMode] = useState<Mode>('idle')
  const confirmButton = useRef<HTMLButtonElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  // The tool that left idle mode gets focus back afterwards, instead of <body>.
  // The buttons unmount meanwhile, so remember which one, not the element.
  const returnTo = useRef<'rename' | 'delete' | null>(null)

  useEffect(() => {
    if (mode === 'confirming') confirmButton.current?.focus()
    if (mode === 'idle' && returnTo.current) {
      const back = returnTo.current === 'rename' ? renameButton : deleteButton
      back.current?.focus()
      returnTo.current = null
    }
  }, [mode])

  const leave = (next: Mode, from: 'rename' | 'delete') => {
    returnTo.current = from
    setMode(next)
  }

  // Already there (also from Settings with it open), entering the route does not reload it.
  const open = () => navigate(conversationPath(id))

  const remove = async () => {
    // Stop a reply still streaming into it; otherwise main would keep writing to a deleted chat.
    for (const stream of Object.values(useChatStore.getState().active)) {
      if (stream.conversationId === id) await stopStream(stream.requestId)
    }
    if ((await deleteConversation(id)) && useChatStore.getState().openId === id) newChat()
  }

  if (mode === 'renaming') {
    return (
      <li {...rowProps} className="conversation conversation--editing">
        <RenameForm title={title} onDone={() => setMode('idle')} onSave={(t) => renameConversation(id, t)} />
      </li>
    )
  }

  return (
    <li {...rowProps} className={`conversation${isOpen ? ' conversation--open' : ''}`}>
      <button
        type="button"
        className="conversation__open"
        onClick={open}
        aria-current={isOpen ? 'true' : undefined}
        title={title}
      >
        {title}
      </button>
      {mode === 'confirming' ? (
        <span className="conversation__confirm">
          <span className="conversation__question">Delete this chat?</span>
          <button
            type="button"
            ref={confirmButton}
            className="button--danger"
            onClick={() => void remove()}
            aria-label={`Yes, delete "${title}"`}
          >
            Delete
          </button>
          <button
            type="button"
            className="button--quiet"
            onClick={() => setMode('idle')}
            aria-label={`Cancel deleting "${title}"`}
          >
            Cancel
          </button>
        </span>
      ) : (
        <span className="conversation__tools">
          <button
            type="button"
            className="button--tool"
            ref={renameButton}
            onClick={() => leave('renaming', 'rename')}
            aria-label={`Rename conversation "${title}"`}
            title="Rename"
          >
            ✎
          </button>
          <button
            type="button"
            ref={deleteButton}
            className="button--tool"
            onClick={() => leave('confirming', 'delete')}
            aria-label={`Delete conversation "${title}"`}
            title="Delete"
          >
            ×
          </button>
        </span>
      )}
    </li>
  )
})

function RenameForm(props: { title: string; onSave: (title: string) => Promise<boolean>; onDone: () => void }) {
  const [value, setValue] = useState(props.title)
  const [saving, setSaving] = useState(false)
  const inputId = useId()

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const next = value.trim()
    if (next === '' || next === props.title) return props.onDone()
    setSaving(true)
    const ok = await props.onSave(next)
    setSaving(false)
    if (ok) props.onDone()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Handled here, so the composer's Esc-to-stop does not also fire.
      e.preventDefault()
      props.onDone()
    }
  }

  return (
    <form className="rename-form" onSubmit={onSubmit} onKeyDown={onKeyDown}>
      <label htmlFor={inputId} className="visually-hidden">
        Conversation title
      </label>
      <input
        id={inputId}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        maxLength={200}
        autoFocus
        disabled={saving}
      />
      <button type="submit" disabled={saving}>
        Save title
      </button>
      <button type="button" className="button--quiet" onClick={props.onDone}>
        Cancel
      </button>
    </form>
  )
}
