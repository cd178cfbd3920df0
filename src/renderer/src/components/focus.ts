/**
 * Moving focus to an element that React may not have mounted yet (a view that is about to
 * show, a message that was just replaced by its new version). Tries for a few frames, then
 * gives up quietly: focus is a courtesy, never worth an error.
 */
import { revealSidebar } from '../shell/sidebar-state'

export const COMPOSER_ID = 'composer-input'
export const SEARCH_ID = 'search-conversations'

const FRAMES = 10

export function focusWhenReady(
  find: () => HTMLElement | null | undefined,
  options?: FocusOptions,
  frames = FRAMES,
): void {
  const element = find()
  if (element && !(element as HTMLButtonElement).disabled) {
    element.focus(options)
    return
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenReady(find, options, frames - 1))
}

export function focusComposer(): void {
  focusWhenReady(() => document.getElementById(COMPOSER_ID))
}

export function focusSearch(): void {
  // The search box lives in the sidebar, which may be hidden (Ctrl/Cmd+B, narrow windows).
  revealSidebar()
  focusWhenReady(() => document.getElementById(SEARCH_ID))
}
