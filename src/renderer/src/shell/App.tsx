/** The window: the sidebar on the left, the current route's screen on the right, and the window-wide keys. */
import { ErrorNotice } from '../components/ErrorNotice'
import { Toasts } from '../components/Toasts'
import { useConnectionError } from './app-store'
import { useLocation } from './navigation'
import { historyShortcuts } from './history-shortcuts'
import { featureShortcuts, resolveRoute } from './routes'
import type { Shortcut } from './feature'
import { useGlobalShortcuts } from './shortcuts'
import { Sidebar } from './Sidebar'

const shortcuts: readonly Shortcut[] = [...featureShortcuts, ...historyShortcuts]

export function App() {
  const connectionError = useConnectionError()
  // Not keyed by route: two routes with one screen (a new chat and a saved one) keep it mounted.
  const Screen = resolveRoute(useLocation()).route.screen
  useGlobalShortcuts(shortcuts)
  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        <ErrorNotice error={connectionError} className="error-notice--banner" />
        <Screen />
      </main>
      <Toasts />
    </div>
  )
}
