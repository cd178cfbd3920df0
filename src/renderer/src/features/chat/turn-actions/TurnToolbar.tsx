/**
 * The tools of one finished message: Edit (yours), Regenerate (replies), Copy, Delete.
 * They fade in on hover and on keyboard focus (turn-actions.css), and stay in the tab
 * order all along, so a keyboard user finds them where a mouse user does.
 */
import { useEffect, useRef, useState } from 'react'
import type { Message } from '../../../../../shared/domain'
import { focusComposer } from '../../../components/focus'
import { selectOpenBusy, useChatStore } from '../chat-state'
import { deleteMessageWithUndo, regenerateReply } from '../chat-turns'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { useModelsStore } from '../../models/models-store'
import { copyText } from '../../../components/copy-text'
import { focusInMessage } from './focus-in-message'

export function TurnToolbar({ message, onEdit }: { message: Message; onEdit: () => void }) {
  const busy = useChatStore(selectOpenBusy)
  const [confirming, setConfirming] = useState(false)

  const regenerate = async () => {
    focusComposer()
    await regenerateReply(message.id, useModelsStore.getState().selected ?? undefined)
  }

  return (
    <div role="group" aria-label="Message actions" className={`turn-tools${confirming ? ' turn-tools--pinned' : ''}`}>
      {message.role === 'user' ? (
        <button type="button" className="button--tool" data-action="edit" onClick={onEdit} disabled={busy}>
          Edit
        </button>
      ) : null}
      {message.role === 'assistant' && message.status === 'complete' ? (
        <button type="button" className="button--tool" data-action="regenerate" onClick={() => void regenerate()} disabled={busy}>
          Regenerate
        </button>
      ) : null}
      <CopyButton text={message.content} />
      <DeleteButton messageId={message.id} busy={busy} confirming={confirming} setConfirming={setConfirming} />
    </div>
  )
}

const COPIED_FOR_MS = 1500

function CopyButton({ text }: { text: string }) {
  const [feedback, setFeedback] = useState('')
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = async () => {
    const ok = await copyText(text)
    setFeedback(ok ? 'Copied' : 'Could not copy')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setFeedback(''), COPIED_FOR_MS)
  }

  return (
    <>
      <button type="button" className="button--tool" aria-label="Copy message" onClick={() => void copy()} disabled={!text}>
        Copy
      </button>
      {/* Always mounted, so screen readers announce the change. */}
      <span role="status" className="turn-tools__status">
        {feedback}
      </span>
    </>
  )
}

interface DeleteProps {
  messageId: string
  busy: boolean
  confirming: boolean
  setConfirming: (confirming: boolean) => void
}

/** Asks in a dialog whose focus starts on Cancel; the delete itself can be undone for a few seconds. */
function DeleteButton({ messageId, busy, confirming, setConfirming }: DeleteProps) {
  const cancel = () => {
    setConfirming(false)
    focusInMessage(messageId, 'delete')
  }
  const remove = () => {
    setConfirming(false)
    focusComposer()
    deleteMessageWithUndo(messageId)
  }
  return (
    <>
      <button
        type="button"
        className="button--tool"
        data-action="delete"
        aria-label="Delete message"
        onClick={() => setConfirming(true)}
        disabled={busy}
      >
        Delete
      </button>
      <ConfirmDialog
        open={confirming}
        title="Delete this message?"
        confirmLabel="Yes, delete message"
        danger
        onConfirm={remove}
        onCancel={cancel}
      >
        <p>You can undo this for a few seconds.</p>
      </ConfirmDialog>
    </>
  )
}
