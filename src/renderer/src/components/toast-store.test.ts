import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { actOnToast, dismissToast, flushToasts, showToast, useToastStore } from './toast-store'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  flushToasts()
  vi.useRealTimers()
})

describe('toasts with a deferred commit', () => {
  it('commits when the toast expires, and only then', () => {
    const commit = vi.fn()
    showToast({ message: 'Message deleted', actionLabel: 'Undo', commit }, 10_000)
    vi.advanceTimersByTime(9_999)
    expect(commit).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(commit).toHaveBeenCalledOnce()
    expect(useToastStore.getState().toasts).toEqual([])
  })

  it('Undo runs the action, never the commit, and closes the toast', () => {
    const commit = vi.fn()
    const undo = vi.fn()
    const id = showToast({ message: 'Message deleted', actionLabel: 'Undo', onAction: undo, commit })
    actOnToast(id)
    vi.advanceTimersByTime(20_000)
    expect(undo).toHaveBeenCalledOnce()
    expect(commit).not.toHaveBeenCalled()
  })

  it('closing the toast commits at once', () => {
    const commit = vi.fn()
    const id = showToast({ message: 'Message deleted', commit })
    dismissToast(id)
    expect(commit).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(20_000)
    expect(commit).toHaveBeenCalledOnce()
  })
})
