/**
 * Window-wide keys, gathered from every feature. A shortcut names its keys as 'Mod+K'
 * (Ctrl, or Cmd on a Mac), 'Alt+ArrowLeft' or 'Escape'; the modifiers it does not name
 * must be up. Fields that use a key themselves (Esc in rename, edit or search) mark the
 * event handled, and then no shortcut runs.
 */
import { useEffect } from 'react'
import { closeTopLayer } from '../components/escape-layers'
import type { Shortcut } from './feature'

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

export function matchesKeys(e: KeyInfo, keys: string): boolean {
  const parts = keys.split('+')
  const key = parts.pop() ?? ''
  const mods = new Set(parts)
  return (
    e.key.toLowerCase() === key.toLowerCase() &&
    (e.ctrlKey || e.metaKey) === mods.has('Mod') &&
    e.altKey === mods.has('Alt') &&
    e.shiftKey === mods.has('Shift')
  )
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement
}

/** Runs the first shortcut that matches and does something. Esc closes the innermost open panel before any shortcut sees it. */
export function useGlobalShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      if (e.key === 'Escape' && closeTopLayer()) {
        e.preventDefault()
        return
      }
      const inField = isTextField(e.target)
      for (const shortcut of shortcuts) {
        if (inField && shortcut.notInTextFields) continue
        if (matchesKeys(e, shortcut.keys) && shortcut.run() !== false) {
          e.preventDefault()
          return
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shortcuts])
}
