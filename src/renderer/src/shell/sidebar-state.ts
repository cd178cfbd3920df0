/**
 * Whether the sidebar shows. Wide windows keep it beside the chat unless the user hides it;
 * narrow ones (under NARROW_PX) lay it over the chat only when asked, and close it again
 * when the user picks something in it. The wide preference survives restarts.
 */
import { useSyncExternalStore } from 'react'
import { create } from 'zustand'

export const NARROW_PX = 760
const NARROW_QUERY = `(max-width: ${NARROW_PX - 1}px)`
const HIDDEN_KEY = 'mdesk.sidebarHidden'

interface SidebarState {
  /** Wide windows: the user hid it (Ctrl/Cmd+B). */
  hiddenWide: boolean
  /** Narrow windows: laid over the chat right now. */
  openNarrow: boolean
}

function storedHidden(): boolean {
  try {
    return globalThis.localStorage?.getItem(HIDDEN_KEY) === '1'
  } catch {
    return false
  }
}

export const useSidebarStore = create<SidebarState>(() => ({ hiddenWide: storedHidden(), openNarrow: false }))

export function isNarrow(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(NARROW_QUERY).matches
}

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, isNarrow, () => false)
}

/** Whether the sidebar is visible at the window's current width. */
export function sidebarShown(s: SidebarState, narrow: boolean): boolean {
  return narrow ? s.openNarrow : !s.hiddenWide
}

export function toggleSidebar(): void {
  if (isNarrow()) {
    useSidebarStore.setState((s) => ({ openNarrow: !s.openNarrow }))
    return
  }
  const hiddenWide = !useSidebarStore.getState().hiddenWide
  useSidebarStore.setState({ hiddenWide })
  try {
    localStorage.setItem(HIDDEN_KEY, hiddenWide ? '1' : '0')
  } catch {
    // Private storage refused: the choice lasts for this session only.
  }
}

/** Narrow windows: the overlay goes away once the user has picked where to go. */
export function closeNarrowSidebar(): void {
  if (useSidebarStore.getState().openNarrow) useSidebarStore.setState({ openNarrow: false })
}

/** Something inside the sidebar wants focus (the search box's Ctrl/Cmd+K): show it first. */
export function revealSidebar(): void {
  const s = useSidebarStore.getState()
  if (isNarrow()) {
    if (!s.openNarrow) useSidebarStore.setState({ openNarrow: true })
  } else if (s.hiddenWide) {
    useSidebarStore.setState({ hiddenWide: false })
  }
}
