/**
 * Alt+Left and Alt+Right walk the window's history, as in a browser. On a Mac, Option+Left
 * and Option+Right move the caret by a word, so there they leave text fields alone.
 */
import type { Shortcut } from './feature'
import { back, forward } from './navigation'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export const historyShortcuts: readonly Shortcut[] = [
  { keys: 'Alt+ArrowLeft', run: back, notInTextFields: isMac },
  { keys: 'Alt+ArrowRight', run: forward, notInTextFields: isMac },
]
