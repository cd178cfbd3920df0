import { describe, expect, it } from 'vitest'
import { snippetParts } from './snippet'

describe('snippetParts', () => {
  it('splits hits from the text around them', () => {
    expect(snippetParts('a \uE000quick\uE001 brown \uE000fox\uE001')).toEqual([
      { text: 'a ', hit: false },
      { text: 'quick', hit: true },
      { text: ' brown ', hit: false },
      { text: 'fox', hit: true },
    ])
  })

  it('keeps markup as text and survives unbalanced markers', () => {
    expect(snippetParts('<b>x</b>')).toEqual([{ text: '<b>x</b>', hit: false }])
    expect(snippetParts('\uE000open')).toEqual([{ text: 'open', hit: true }])
    expect(snippetParts('')).toEqual([])
  })
})
