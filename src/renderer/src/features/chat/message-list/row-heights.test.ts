import { describe, expect, it } from 'vitest'
import { ROW_LAYOUT, RowHeights, estimateRowHeight } from './row-heights'

const reply = (content: string, status: 'complete' | 'stopped' | 'error' = 'complete') =>
  ({ role: 'assistant', content, status }) as const

describe('estimateRowHeight', () => {
  it('grows with the wrapped lines of the text', () => {
    const one = estimateRowHeight(reply('Hello'), 1200)
    const many = estimateRowHeight(reply('word '.repeat(2000)), 1200)
    expect(many).toBeGreaterThan(one * 10)
  })

  it('counts each line break, and narrow windows wrap more', () => {
    const lines = estimateRowHeight(reply('a\nb\nc\nd'), 1200) - estimateRowHeight(reply('a'), 1200)
    expect(Math.abs(lines - 3 * ROW_LAYOUT.markdownLineHeight)).toBeLessThanOrEqual(1) // heights are rounded
    const long = reply('x'.repeat(3000))
    expect(estimateRowHeight(long, 400)).toBeGreaterThan(estimateRowHeight(long, 1200))
  })

  it('stops widening at the column width, and leaves room for actions under a stopped reply', () => {
    const long = reply('x'.repeat(3000))
    expect(estimateRowHeight(long, 3000)).toBe(estimateRowHeight(long, ROW_LAYOUT.maxWidth))
    expect(estimateRowHeight(reply('a', 'stopped'), 1200)).toBeGreaterThan(estimateRowHeight(reply('a'), 1200))
  })

  it('reads blank lines as paragraph gaps in replies (markdown), as lines in user text', () => {
    const user = (content: string) => ({ role: 'user', content, status: 'complete' }) as const
    const gap = estimateRowHeight(reply('a\n\n\nb'), 1200) - estimateRowHeight(reply('a\nb'), 1200)
    expect(Math.abs(gap - ROW_LAYOUT.paragraphGap)).toBeLessThanOrEqual(1)
    const blank = estimateRowHeight(user('a\n\nb'), 1200) - estimateRowHeight(user('a\nb'), 1200)
    expect(Math.abs(blank - ROW_LAYOUT.plainLineHeight)).toBeLessThanOrEqual(1)
  })

  it('gives an unknown or empty message one line, and a streaming one no toolbar yet', () => {
    expect(estimateRowHeight(undefined, 1200)).toBe(estimateRowHeight({ role: 'assistant', content: '', status: 'streaming' }, 1200))
    expect(estimateRowHeight(reply(''), 1200)).toBe(estimateRowHeight(undefined, 1200) + ROW_LAYOUT.toolbar)
  })
})

describe('RowHeights', () => {
  it('returns a measured height at the width it was measured at, a guess at another', () => {
    const heights = new RowHeights()
    heights.setViewportWidth(700)
    heights.set('m1', 333)
    expect(heights.get('m1', reply('short'))).toBe(333)
    heights.setViewportWidth(712) // a scrollbar came or went
    expect(heights.get('m1', reply('short'))).toBe(333)
    heights.setViewportWidth(400)
    expect(heights.get('m1', reply('short'))).toBe(estimateRowHeight(reply('short'), 400))
  })

  it('past the column width, a wider window keeps the measured height', () => {
    const heights = new RowHeights()
    heights.setViewportWidth(1000)
    heights.set('m1', 500)
    heights.setViewportWidth(1600)
    expect(heights.get('m1', undefined)).toBe(500)
  })

  it('forgets the oldest entries past its limit', () => {
    const heights = new RowHeights(2)
    heights.setViewportWidth(700)
    heights.set('a', 100)
    heights.set('b', 200)
    heights.set('a', 110) // refreshed: now the newest
    heights.set('c', 300)
    expect(heights.get('a', undefined)).toBe(110)
    expect(heights.get('b', undefined)).toBe(estimateRowHeight(undefined, 700))
    expect(heights.get('c', undefined)).toBe(300)
  })
})
