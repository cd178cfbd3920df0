/** "Deleted …  Undo" for 10 s after a delete; the store clears it when the time is up. */
import { dismissUndo, undoDelete, useConversationsStore } from './conversations-store'

export function UndoToast() {
  const undo = useConversationsStore((s) => s.undo)
  return (
    <div className="undo-toast-region" role="status" aria-live="polite">
      {undo && (
        <div className="undo-toast">
          <span className="undo-toast__message">{undo.message}</span>
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
          <button type="button" className="button--quiet" onClick={dismissUndo} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  )
}
