/** What a key pressed on the focused message log asks for. */

export type LogScroll = 'start' | 'end' | 'pageUp' | 'pageDown'

interface KeyLike {
  key: string
  altKey: boolean
  shiftKey: boolean
  metaKey: boolean
}

/**
 * Home/End and PageUp/PageDown. Ctrl+Home/End mean the same as in a document, so Ctrl is
 * allowed; Alt, Shift and Meta combinations belong to the system or to text selection.
 */
export function logScrollFor(e: KeyLike): LogScroll | null {
  if (e.altKey || e.shiftKey || e.metaKey) return null
  switch (e.key) {
    case 'Home':
      return 'start'
    case 'End':
      return 'end'
    case 'PageUp':
      return 'pageUp'
    case 'PageDown':
      return 'pageDown'
    default:
      return null
  }
}

/** A page keeps a line of the previous one in view, as browsers do. */
export function pageDistance(viewportHeight: number): number {
  return Math.max(40, viewportHeight - 48)
}
