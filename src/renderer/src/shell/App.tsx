/** The window: sidebar on the left, chat or settings on the right; keyboard shortcuts for both. */
import { ErrorNotice } from '../components/ErrorNotice'
import { ChatPane } from '../features/chat/ChatPane'
import { Sidebar } from '../features/conversations/Sidebar'
import { SettingsView } from '../features/settings/SettingsView'
import { useGlobalShortcuts } from './use-global-shortcuts'
import { useAppStore } from './app-store'

export function App() {
  const view = useAppStore((s) => s.view)
  const connectionError = useAppStore((s) => s.connectionError)
  useGlobalShortcuts()
  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ErrorNotice error={connectionError} className="error-notice--banner" />
        {view === 'settings' ? <SettingsView /> : <ChatPane />}
      </main>
    </div>
  )
}
