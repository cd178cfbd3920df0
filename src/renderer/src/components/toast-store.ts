/**
 * Short-lived notices with one action, most often "Undo". A destructive action that can be
 * taken back shows a toast and acts for real only when the toast expires (commit), so Undo
 * needs nothing from main; closing the window before then keeps the data (nothing is lost).
 */
import { create } from 'zustand'

export const UNDO_MS = 10_000

export interface Toast {
  id: number
  message: string
  actionLabel?: string
  /** Runs when the user presses the action button; the toast closes and `commit` never runs. */
  onAction?: () => void
  /** Runs when the toast expires or is dismissed: the deferred work, if any. */
  commit?: () => void
}

interface ToastState {
  toasts: Toast[]
}

export const useToastStore = create<ToastState>(() => ({ toasts: [] }))

let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()

function remove(id: number): Toast | undefined {
  const toast = useToastStore.getState().toasts.find((t) => t.id === id)
  clearTimeout(timers.get(id))
  timers.delete(id)
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
  return toast
}

/** Shows a toast for `ms`; returns its id. */
export function showToast(toast: Omit<Toast, 'id'>, ms = UNDO_MS): number {
  const id = nextId++
  useToastStore.setState((s) => ({ toasts: [...s.toasts, { ...toast, id }] }))
  timers.set(
    id,
    setTimeout(() => dismissToast(id), ms),
  )
  return id
}

/** Closes the toast and runs its deferred work. */
export function dismissToast(id: number): void {
  remove(id)?.commit?.()
}

/** The action button: closes the toast without running its deferred work. */
export function actOnToast(id: number): void {
  remove(id)?.onAction?.()
}

/** Runs every pending commit now (tests, and a window about to close). */
export function flushToasts(): void {
  for (const t of [...useToastStore.getState().toasts]) dismissToast(t.id)
}
