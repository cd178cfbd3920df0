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

  it('sends the first text at once, then holds what follows until the interval has passed', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('a')
    expect(out).toEqual(['a'])
    c.push('b')
    c.push('c')
    vi.advanceTimersByTime(23)
    expect(out).toEqual(['a'])
    vi.advanceTimersByTime(1)
    expect(out).toEqual(['a', 'bc'])
    // After a quiet spell longer than the interval, text goes out at once again.
    vi.advanceTimersByTime(100)
    c.push('d')
    expect(out).toEqual(['a', 'bc', 'd'])
  })

  it('flush() sends what is pending at once (before done) and cancels the timer', () => {
    const out: string[] = []
    const c = new DeltaCoalescer((t) => out.push(t), 24)
    c.push('head')
    c.push('tail')
    c.flush()
    out.push('<done>')
    vi.advanceTimersByTime(100)
    expect(out).toEqual(['head', 'tail', '<done>'])
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
    c.push('first')
    c.push('x')
    c.dispose()
    vi.advanceTimersByTime(100)
    expect(out).toEqual(['first'])
  })
})
