/**
 * The left column: each feature's sections in list order ('top' ones stacked, then the
 * 'fill' ones that take the height left), and the nav entries at the foot.
 */
import type { NavEntry } from './feature'
import { navigate, pathOf, previousLocation, useLocation } from './navigation'
import { homeRoute, navEntries, resolveRoute, sidebarSections } from './routes'
import { SIDEBAR_ID } from './sidebar-ids'
import './shell.css'

const top = sidebarSections.filter((s) => s.place === 'top')
const fill = sidebarSections.filter((s) => s.place === 'fill')

/** Hidden rather than unmounted, so a draft in its search box or a rename survives a toggle. */
export function Sidebar({ hidden }: { hidden: boolean }) {
  return (
    <nav id={SIDEBAR_ID} className="sidebar" aria-label="Conversations" hidden={hidden}>
      {top.map(({ id, component: Section }) => (
        <Section key={id} />
      ))}
      {fill.map(({ id, component: Section }) => (
        <Section key={id} />
      ))}
      {navEntries.map((entry) => (
        <NavButton key={entry.routeId} entry={entry} />
      ))}
    </nav>
  )
}

function NavButton({ entry }: { entry: NavEntry }) {
  const current = resolveRoute(useLocation()).route.id === entry.routeId
  const onClick = () => {
    if (!current) return navigate(entry.path)
    // Pressed again, it closes: back to where the user was, as it was.
    const before = previousLocation()
    const back = before && resolveRoute(before).route.id !== entry.routeId ? pathOf(before) : homeRoute.path
    navigate(back)
  }
  return (
    <button type="button" className="sidebar__nav" onClick={onClick} aria-current={current ? 'page' : undefined}>
      {entry.label}
    </button>
  )
}
