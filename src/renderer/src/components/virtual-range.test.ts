import { describe, expect, it } from 'vitest'
import { withFocusedRow } from './virtual-range'

describe('withFocusedRow', () => {
  it('adds a focused row above or below the visible range, in order', () => {
    expect(withFocusedRow([5, 6, 7], 2)).toEqual([2, 5, 6, 7])
    expect(withFocusedRow([5, 6, 7], 9)).toEqual([5, 6, 7, 9])
  })

  it('leaves the range alone when nothing is focused or the focused row is visible', () => {
    expect(withFocusedRow([5, 6, 7], -1)).toEqual([5, 6, 7])
    expect(withFocusedRow([5, 6, 7], 6)).toEqual([5, 6, 7])
    expect(withFocusedRow([], 3)).toEqual([])
  })
})
