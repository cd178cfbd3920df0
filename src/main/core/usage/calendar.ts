/**
 * Months and days in the user's time zone. A month is the range [start, end) of UTC
 * instants whose local date falls in it: across a DST change a day is 23 or 25 hours
 * long, and the month boundary moves with the zone, so nothing here adds 86,400,000.
 */

/** "2026-03". */
export type MonthKey = string

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True for an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

interface Local {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

export function localParts(at: number, timeZone: string): Local {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(at)).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Local time minus UTC at `at`, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const l = localParts(at, timeZone)
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(at / 1000) * 1000
}

/**
 * The first instant of a local calendar day. Where midnight itself is skipped by a DST
 * change (e.g. America/Santiago), that is the first instant that exists that day.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day)
  let guess = wall - offsetAt(wall, timeZone)
  // Twice: the offset at the guess may differ from the offset at the wall time read as UTC.
  guess = wall - offsetAt(guess, timeZone)
  const l = localParts(guess, timeZone)
  if (Date.UTC(l.year, l.month - 1, l.day) < wall) {
    // The wall time does not exist (skipped forward): step to the hour it became.
    while (Date.UTC(...dayOf(localParts(guess, timeZone))) < wall) guess += 15 * 60_000
  }
  // Two instants map to that wall time only in a fall-back hour, never at the start of a day in practice.
  return guess
}

const dayOf = (l: Local): [number, number, number] => [l.year, l.month - 1, l.day]

export function monthOf(at: number, timeZone: string): MonthKey {
  const l = localParts(at, timeZone)
  return `${l.year}-${String(l.month).padStart(2, '0')}`
}

export function parseMonth(month: MonthKey): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`Not a month: ${month}`)
  return { year: Number(m[1]), month: Number(m[2]) }
}

export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const { year, month: m } = parseMonth(month)
  const index = year * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const daysInMonth = (month: MonthKey): number => {
  const { year, month: m } = parseMonth(month)
  return new Date(Date.UTC(year, m, 0)).getUTCDate()
}

export interface MonthRange {
  month: MonthKey
  start: number
  end: number
  /** The start of each local day, then `end`: days.length = days in month + 1. */
  days: number[]
}

export function monthRange(month: MonthKey, timeZone: string): MonthRange {
  const { year, month: m } = parseMonth(month)
  const days: number[] = []
  for (let d = 1; d <= daysInMonth(month); d++) days.push(startOfLocalDay(year, m, d, timeZone))
  const next = parseMonth(shiftMonth(month, 1))
  const end = startOfLocalDay(next.year, next.month, 1, timeZone)
  days.push(end)
  return { month, start: days[0]!, end, days }
}
