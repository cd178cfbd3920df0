/**
 * What a screen feature hands the shell: a plain object, listed once in features/index.ts.
 * The shell renders its routes, sidebar sections and nav entries, runs its start-up work
 * and listens for its shortcuts; it never imports a feature's files.
 */
import type { ComponentType } from 'react'
import type { RouteMatch } from './router'

export interface FeatureRoute {
  /** Unique across all features, by convention '<feature>' or '<feature>.<screen>'. */
  id: string
  /** Literal segments and `:params`: '/chat/:conversationId'. */
  path: string
  /**
   * What the main pane shows. Two routes with the same component keep it mounted while the
   * user moves between them (a new chat becoming a saved one keeps the composer's focus).
   */
  screen: ComponentType
  /** Runs on start-up on this route, and on every move that lands on it: show what the route names. */
  enter?: (match: RouteMatch<FeatureRoute>) => void
}

export interface SidebarSection {
  id: string
  /** 'top' stacks under the previous top sections; 'fill' takes the height left (a list). */
  place: 'top' | 'fill'
  component: ComponentType
}

/** A button at the foot of the sidebar that shows a route; pressed again, it goes back to where the user was. */
export interface NavEntry {
  label: string
  /** The route it shows; the entry is marked current while that route shows. */
  routeId: string
  path: string
}

export interface Shortcut {
  /** 'Mod+N' (Ctrl, or Cmd on a Mac), 'Alt+ArrowLeft', 'Escape'. See shortcuts.ts. */
  keys: string
  /** Returns false when it had nothing to do, so the key goes on to whatever else wants it. */
  run: () => boolean | void
  /** Stands down while a text field has focus, where the same keys edit or move the caret. */
  notInTextFields?: boolean
}

export interface Feature {
  id: string
  routes?: readonly FeatureRoute[]
  sidebar?: readonly SidebarSection[]
  nav?: readonly NavEntry[]
  /** Once, before the first render: subscribe to main's events, load what the first screen needs. */
  start?: () => void
  shortcuts?: readonly Shortcut[]
}
