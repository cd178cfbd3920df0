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
import { SidebarToggle } from './SidebarToggle'
import { closeNarrowSidebar, sidebarShown, toggleSidebar, useNarrow, useSidebarStore } from './sidebar-state'
import { useEscapeLayer } from '../components/escape-layers'

const shellShortcuts: readonly Shortcut[] = [{ keys: 'Mod+B', run: toggleSidebar }]
const shortcuts: readonly Shortcut[] = [...shellShortcuts, ...featureShortcuts, ...historyShortcuts]

export function App() {
  const connectionError = useConnectionError()
  // Not keyed by route: two routes with one screen (a new chat and a saved one) keep it mounted.
  const Screen = resolveRoute(useLocation()).route.screen
  useGlobalShortcuts(shortcuts)
  const narrow = useNarrow()
  const shown = useSidebarStore((s) => sidebarShown(s, narrow))
  const overlay = narrow && shown
  useEscapeLayer(overlay, closeNarrowSidebar)
  const layout = `app${shown ? '' : ' app--sidebar-hidden'}${narrow ? ' app--narrow' : ''}`
  return (
    <div className={layout}>
      <Sidebar hidden={!shown} />
      {/* Not a button: the toggle and Esc are the keyboard's ways to close the overlay. */}
      {overlay ? <div className="sidebar-backdrop" aria-hidden="true" onClick={closeNarrowSidebar} /> : null}
      <main className="main">
        <SidebarToggle />
        <ErrorNotice error={connectionError} className="error-notice--banner" />
        <Screen />
      </main>
      <Toasts />
    </div>
  )
}
