import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StreamWriter } from './stream-writer'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('StreamWriter', () => {
  it('writes at most once per interval, always the latest snapshot', () => {
    const writes: string[] = []
    const w = new StreamWriter((c) => writes.push(c), 250)
    let text = ''
    for (let i = 0; i < 100; i++) {
      text += `${i},`
      w.update(text)
      vi.advanceTimersByTime(10) // 1 s of tokens
    }
    vi.advanceTimersByTime(250)
    expect(writes.length).toBeGreaterThanOrEqual(4)
    expect(writes.length).toBeLessThanOrEqual(6)
    expect(writes.at(-1)).toBe(text)
  })

  it('writes the first snapshot at once and a trailing one after a stall', () => {
    const writes: string[] = []
    const w = new StreamWriter((c) => writes.push(c), 250)
    w.update('a')
    expect(writes).toEqual(['a'])
    w.update('ab')
    expect(writes).toEqual(['a'])
    vi.advanceTimersByTime(250)
    expect(writes).toEqual(['a', 'ab'])
  })

  it('dispose() cancels the pending write', () => {
    const writes: string[] = []
    const w = new StreamWriter((c) => writes.push(c), 250)
    w.update('a')
    w.update('ab')
    w.dispose()
    vi.advanceTimersByTime(1000)
    expect(writes).toEqual(['a'])
  })
})
