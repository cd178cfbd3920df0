/**
 * Esc closes the innermost open panel first and stops a reply only when nothing is open.
 * Panels register here while they are open; the last one opened closes first.
 */
import { useEffect, useRef } from 'react'

const layers: { close: () => void }[] = []

/** Closes the most recently opened panel; false when none is open. */
export function closeTopLayer(): boolean {
  const top = layers.pop()
  top?.close()
  return top !== undefined
}

/** Registers `close` for Esc while `open` is true. */
export function useEscapeLayer(open: boolean, close: () => void): void {
  // The latest close, so a re-render does not reorder the layers.
  const latest = useRef(close)
  useEffect(() => {
    latest.current = close
  })
  useEffect(() => {
    if (!open) return
    const layer = { close: () => latest.current() }
    layers.push(layer)
    return () => {
      const at = layers.indexOf(layer)
      if (at >= 0) layers.splice(at, 1)
    }
  }, [open])
}
