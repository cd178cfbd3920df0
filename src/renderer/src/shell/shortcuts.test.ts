import { describe, expect, it } from 'vitest'
import { matchesKeys } from './shortcuts'

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('matchesKeys', () => {
  it('reads Mod as Ctrl or Cmd, and the key in either case', () => {
    expect(matchesKeys(key('n', { ctrlKey: true }), 'Mod+N')).toBe(true)
    expect(matchesKeys(key('N', { metaKey: true }), 'Mod+N')).toBe(true)
    expect(matchesKeys(key('n'), 'Mod+N')).toBe(false)
  })

  it('needs the modifiers it does not name to be up', () => {
    expect(matchesKeys(key('n', { ctrlKey: true, shiftKey: true }), 'Mod+N')).toBe(false)
    expect(matchesKeys(key('ArrowLeft', { altKey: true }), 'Alt+ArrowLeft')).toBe(true)
    expect(matchesKeys(key('ArrowLeft', { altKey: true, ctrlKey: true }), 'Alt+ArrowLeft')).toBe(false)
    expect(matchesKeys(key('Escape'), 'Escape')).toBe(true)
    expect(matchesKeys(key('Escape', { altKey: true }), 'Escape')).toBe(false)
  })
})
