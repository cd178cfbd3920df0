/** The left column: start a chat (blank or from a preset), search, reopen one, or go to Settings. */
import { showView, useAppStore } from '../../shell/app-store'
import { useSearchStore } from '../search/search-store'
import { PresetPicker } from '../presets/PresetPicker'
import { ConversationSearch } from '../search/ConversationSearch'
import { SearchResults } from '../search/SearchResults'
import { ConversationList } from './ConversationList'
import { startNewChat } from './start-chat'
import './sidebar.css'

export function Sidebar() {
  const inSettings = useAppStore((s) => s.view === 'settings')
  const searching = useSearchStore((s) => s.query.trim() !== '')

  return (
    <nav className="sidebar" aria-label="Conversations">
      <button
        type="button"
        className="button--primary sidebar__new"
        onClick={() => startNewChat()}
        aria-keyshortcuts="Control+N Meta+N"
        title="New chat (Ctrl+N)"
      >
        New chat
      </button>
      <PresetPicker />
      <ConversationSearch />
      {searching ? <SearchResults /> : <ConversationList />}
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
