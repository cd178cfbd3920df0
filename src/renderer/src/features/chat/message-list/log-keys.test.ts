import { describe, expect, it } from 'vitest'
import { logScrollFor, pageDistance } from './log-keys'

describe('log keys', () => {
  const key = (k: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({
    key: k,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  })

  it('maps Home, End, PageUp and PageDown, and leaves modified or other keys alone', () => {
    expect(logScrollFor(key('Home'))).toBe('start')
    expect(logScrollFor(key('End'))).toBe('end')
    expect(logScrollFor(key('PageUp'))).toBe('pageUp')
    expect(logScrollFor(key('PageDown'))).toBe('pageDown')
    expect(logScrollFor(key('End', { shiftKey: true }))).toBeNull()
    expect(logScrollFor(key('ArrowUp'))).toBeNull()
  })

  it('pages by a viewport minus an overlap', () => {
    expect(pageDistance(600)).toBe(552)
    expect(pageDistance(20)).toBe(40)
  })
})
