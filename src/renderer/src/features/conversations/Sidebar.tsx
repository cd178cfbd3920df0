/** The left column: start a chat, reopen one, or go to Settings. */
import { ErrorNotice } from '../../components/ErrorNotice'
import { showView, useAppStore } from '../../stores/app-store'
import { newChat } from '../../stores/chat-store'
import { dismissConversationsError, useConversationsStore } from '../../stores/conversations-store'
import { ConversationItem } from './ConversationItem'
import './sidebar.css'

export function Sidebar() {
  const list = useConversationsStore((s) => s.list)
  const loaded = useConversationsStore((s) => s.loaded)
  const error = useConversationsStore((s) => s.error)
  const inSettings = useAppStore((s) => s.view === 'settings')

  const startChat = () => {
    newChat()
    showView('chat')
    // The composer is the next thing the user wants; it mounts with autoFocus in chat view.
    document.getElementById('composer-input')?.focus()
  }

  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="button--primary sidebar__new" onClick={startChat}>
        New chat
      </button>
      <ErrorNotice error={error} onDismiss={dismissConversationsError} className="error-notice--inline" />
      {loaded && list.length === 0 ? (
        <p className="sidebar__empty muted">No conversations yet. Start one with New chat.</p>
      ) : (
        <ul className="conversation-list">
          {list.map((c) => (
            <ConversationItem key={c.id} conversation={c} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="sidebar__settings"
        onClick={() => showView(inSettings ? 'chat' : 'settings')}
        aria-current={inSettings ? 'page' : undefined}
      >
        Settings
      </button>
    </nav>
  )
}
