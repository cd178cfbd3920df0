import { describe, expect, it, vi } from 'vitest'
import { createDeltaBuffer, type DeltaEvent, type FrameScheduler } from './delta-buffer'

function fakeFrames() {
  const callbacks = new Map<number, () => void>()
  let next = 1
  const scheduler: FrameScheduler = {
    request: (cb) => {
      callbacks.set(next, cb)
      return next++
    },
    cancel: (h) => void callbacks.delete(h),
  }
  const tick = () => {
    const due = [...callbacks.values()]
    callbacks.clear()
    due.forEach((cb) => cb())
  }
  return { scheduler, tick, scheduled: () => callbacks.size }
}

const delta = (requestId: string, text: string): DeltaEvent => ({
  type: 'delta',
  requestId,
  conversationId: 'c',
  messageId: `m-${requestId}`,
  text,
})

describe('delta buffer', () => {
  it('merges deltas per request and applies them once per frame', () => {
    const frames = fakeFrames()
    const apply = vi.fn()
    const buffer = createDeltaBuffer(apply, frames.scheduler)
    buffer.push(delta('a', 'Hel'))
    buffer.push(delta('b', 'X'))
    buffer.push(delta('a', 'lo'))
    expect(frames.scheduled()).toBe(1)
    expect(apply).not.toHaveBeenCalled()
    frames.tick()
    expect(apply).toHaveBeenCalledTimes(1)
    expect(apply).toHaveBeenCalledWith([delta('a', 'Hello'), delta('b', 'X')])
    frames.tick()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('flushes synchronously and cancels the pending frame', () => {
    const frames = fakeFrames()
    const apply = vi.fn()
    const buffer = createDeltaBuffer(apply, frames.scheduler)
    buffer.push(delta('a', 'end'))
    buffer.flush()
    expect(apply).toHaveBeenCalledWith([delta('a', 'end')])
    expect(frames.scheduled()).toBe(0)
    buffer.flush()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('drops buffered text on dispose', () => {
    const frames = fakeFrames()
    const apply = vi.fn()
    const buffer = createDeltaBuffer(apply, frames.scheduler)
    buffer.push(delta('a', 'x'))
    buffer.dispose()
    frames.tick()
    expect(apply).not.toHaveBeenCalled()
  })
})
