/** The sidebar's first control: a blank chat (Ctrl/Cmd+N does the same). */
import { startNewChat } from './start-chat'

export function NewChatButton() {
  return (
    <button
      type="button"
      className="button--primary sidebar__new"
      onClick={() => startNewChat()}
      aria-keyshortcuts="Control+N Meta+N"
      title="New chat (Ctrl+N)"
    >
      New chat
    </button>
  )
}
