/** Alt+Left and Alt+Right walk the window's history, as in a browser; in a text field they stay the caret's. */
import type { Shortcut } from './feature'
import { back, forward } from './navigation'

export const historyShortcuts: readonly Shortcut[] = [
  { keys: 'Alt+ArrowLeft', run: back },
  { keys: 'Alt+ArrowRight', run: forward },
]
