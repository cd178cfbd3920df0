import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeltaCoalescer } from './delta-coalescer'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('DeltaCoalescer', () => {
  it('batches deltas into one emit per interval, in order, losing nothing', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 20)
    const sent: string[] = []
    for (let i = 0; i < 100; i++) {
      const piece = `t${i} `
      sent.push(piece)
      c.push(piece)
      vi.advanceTimersByTime(3) // tokens arrive every 3 ms
    }
    c.flush()
    expect(out.join('')).toBe(sent.join(''))
    // ~300 ms of tokens at one emit per 20 ms: far fewer events than tokens.
    expect(out.length).toBeGreaterThanOrEqual(14)
    expect(out.length).toBeLessThanOrEqual(17)
  })

  it('does not emit before the interval, and emits once it elapses', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('a')
    c.push('b')
    vi.advanceTimersByTime(23)
    expect(out).toEqual([])
    vi.advanceTimersByTime(1)
    expect(out).toEqual(['ab'])
  })

  it('flush() sends what is pending at once (before done) and cancels the timer', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('tail')
    c.flush()
    out.push('<done>')
    vi.advanceTimersByTime(100)
    expect(out).toEqual(['tail', '<done>'])
  })

  it('ignores empty text and empty flushes', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('')
    c.flush()
    vi.advanceTimersByTime(100)
    expect(out).toEqual([])
  })

  it('dispose() drops pending text without emitting', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('x')
    c.dispose()
    vi.advanceTimersByTime(100)
    expect(out).toEqual([])
  })
})
