import { describe, expect, it } from 'vitest'
import { isTimeZone, monthOf, monthRange, shiftMonth } from './calendar'

const H = 3_600_000

describe('months in the user time zone', () => {
  it('a month starts at local midnight of the 1st, whatever the zone', () => {
    expect(monthRange('2026-03', 'UTC').start).toBe(Date.parse('2026-03-01T00:00:00Z'))
    expect(monthRange('2026-03', 'Europe/Paris').start).toBe(Date.parse('2026-02-28T23:00:00Z'))
    expect(monthRange('2026-03', 'America/New_York').start).toBe(Date.parse('2026-03-01T05:00:00Z'))
    expect(monthRange('2026-03', 'Asia/Kolkata').start).toBe(Date.parse('2026-02-28T18:30:00Z'))
    expect(monthRange('2026-01', 'Pacific/Kiritimati').start).toBe(Date.parse('2025-12-31T10:00:00Z'))
  })

  it('the same instant is in different months in different zones', () => {
    const at = Date.parse('2026-03-31T23:30:00Z')
    expect(monthOf(at, 'UTC')).toBe('2026-03')
    expect(monthOf(at, 'Europe/Paris')).toBe('2026-04')
    expect(monthOf(at, 'America/Los_Angeles')).toBe('2026-03')
  })

  it('DST: Paris March has one 23-hour day, October one 25-hour day, and months join without a gap', () => {
    const march = monthRange('2026-03', 'Europe/Paris')
    const lengths = march.days.slice(1).map((d, i) => (d - march.days[i]!) / H)
    expect(lengths.filter((l) => l === 23)).toHaveLength(1)
    expect(lengths[28]).toBe(23) // 29 March 2026
    expect(lengths.filter((l) => l !== 24 && l !== 23)).toEqual([])
    const october = monthRange('2026-10', 'Europe/Paris')
    expect((october.days[25]! - october.days[24]!) / H).toBe(25) // 25 October 2026
    expect(march.end).toBe(monthRange('2026-04', 'Europe/Paris').start)
    expect(march.days).toHaveLength(32)
  })

  it('US DST changes on other dates than Europe', () => {
    const march = monthRange('2026-03', 'America/New_York')
    expect((march.days[8]! - march.days[7]!) / H).toBe(23) // 8 March 2026
  })

  it('a zone that skips midnight (Santiago, September) starts that day at 01:00', () => {
    const sept = monthRange('2026-09', 'America/Santiago')
    const skipped = sept.days[5]! // 6 September 2026, 00:00 → 01:00
    expect(new Date(skipped).toISOString()).toBe('2026-09-06T04:00:00.000Z')
    expect(monthOf(skipped, 'America/Santiago')).toBe('2026-09')
  })

  it('every instant of a month is inside its range and no other', () => {
    const range = monthRange('2026-10', 'Europe/Paris')
    expect(monthOf(range.start, 'Europe/Paris')).toBe('2026-10')
    expect(monthOf(range.start - 1, 'Europe/Paris')).toBe('2026-09')
    expect(monthOf(range.end - 1, 'Europe/Paris')).toBe('2026-10')
    expect(monthOf(range.end, 'Europe/Paris')).toBe('2026-11')
  })

  it('shifts months across years and validates zones', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2025-12', 1)).toBe('2026-01')
    expect(shiftMonth('2026-05', -24)).toBe('2024-05')
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
