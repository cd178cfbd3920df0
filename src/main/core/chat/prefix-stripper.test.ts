import { describe, expect, it } from 'vitest'
import { PrefixStripper } from './prefix-stripper'

const run = (prefix: string, chunks: string[]) => {
  const s = new PrefixStripper(prefix)
  return [...chunks.map((c) => s.push(c)), s.flush()]
}

describe('PrefixStripper', () => {
  it('drops the repeated prefix, however it is chunked', () => {
    expect(run('Hello wor', ['Hello wor', 'ld, and more']).join('')).toBe('ld, and more')
    expect(run('Hello wor', ['Hel', 'lo w', 'orld', '!'])).toEqual(['', '', 'ld', '!', ''])
  })

  it('passes everything through when the reply does not start with the prefix', () => {
    expect(run('Hello', ['Hi there']).join('')).toBe('Hi there')
    expect(run('Hello', ['Hel', 'p!'])).toEqual(['', 'Help!', ''])
  })

  it('releases held text at the end if the reply stopped inside the prefix', () => {
    expect(run('Hello world', ['Hello'])).toEqual(['', 'Hello'])
  })

  it('is a pass-through without a prefix', () => {
    expect(run('', ['a', 'b'])).toEqual(['a', 'b', ''])
  })
})
