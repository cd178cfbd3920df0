/** The one button that shows and hides the sidebar (also Ctrl/Cmd+B); it sits at the main pane's top-left corner. */
import { SIDEBAR_ID } from './sidebar-ids'
import { sidebarShown, toggleSidebar, useNarrow, useSidebarStore } from './sidebar-state'

export function SidebarToggle() {
  const narrow = useNarrow()
  const shown = useSidebarStore((s) => sidebarShown(s, narrow))
  const label = shown ? 'Hide sidebar' : 'Show sidebar'
  return (
    <button
      type="button"
      className="button--tool sidebar-toggle"
      aria-label={label}
      title={`${label} (Ctrl+B)`}
      aria-expanded={shown}
      aria-controls={SIDEBAR_ID}
      aria-keyshortcuts="Control+B Meta+B"
      onClick={toggleSidebar}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <rect x="2.5" y="3.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <line x1="7.5" y1="3.5" x2="7.5" y2="16.5" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </button>
  )
}
