import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import catalog from '../../../../resources/model-catalog.json'
import type { Db } from '../kernel/db/database'
import { PriceOverrides } from '../kernel/usage/price-overrides'
import { PriceTable } from '../kernel/usage/price-table'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { UsageRecorder, type UsageEvent } from '../kernel/usage/usage-recorder'
import { openAppDatabase } from '../schema'
import { makeTempDir } from '../testing/temp-dir'
import { LedgerQueries } from './ledger-queries'
import { ReportService } from './report-service'

let tmp: ReturnType<typeof makeTempDir>
let db: Db
let recorder: UsageRecorder
let now = 0
let reports: ReportService

beforeEach(() => {
  tmp = makeTempDir()
  db = openAppDatabase(tmp.dir)
  recorder = new UsageRecorder({ ledger: new UsageLedger(db), prices: PriceTable.fromCatalog(catalog), overrides: new PriceOverrides(db) })
  reports = new ReportService(new LedgerQueries(db), { now: () => now })
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

/** 1M prompt tokens of mistral-small-latest: exactly $0.15. */
const call = (at: string, e: Partial<UsageEvent> = {}) =>
  recorder.record({
    kind: 'chat',
    at: Date.parse(at),
    model: 'mistral-small-latest',
    usage: { promptTokens: 1_000_000, completionTokens: 0, totalTokens: 1_000_000 },
    conversationId: null,
    messageId: null,
    requestId: null,
    ...e,
  })

describe('ReportService', () => {
  it('a call at 23:30 UTC on 31 March is March in New York and April in Paris', () => {
    call('2026-03-31T23:30:00Z')
    now = Date.parse('2026-05-01T00:00:00Z')
    expect(reports.month('2026-03', 'USD', 'America/New_York').costMicro).toBe(150_000)
    expect(reports.month('2026-03', 'USD', 'Europe/Paris').costMicro).toBe(0)
    const april = reports.month('2026-04', 'USD', 'Europe/Paris')
    expect(april.costMicro).toBe(150_000)
    expect(april.daily[0]).toEqual({ day: '2026-04-01', byModel: { 'mistral-small-latest': 150_000 } })
    expect(april.previous).toMatchObject({ month: '2026-03', costMicro: 0 })
    expect(april.projection).toBeNull()
  })

  it('compares with the month before and counts unpriced calls apart', () => {
    call('2026-02-10T12:00:00Z')
    call('2026-03-10T12:00:00Z')
    call('2026-03-11T12:00:00Z')
    call('2026-03-12T12:00:00Z', { model: 'ft:mine' })
    now = Date.parse('2026-04-02T00:00:00Z')
    const march = reports.month('2026-03', 'USD', 'UTC')
    expect(march).toMatchObject({ costMicro: 300_000, calls: 3, unpricedCalls: 1, previous: { month: '2026-02', costMicro: 150_000, calls: 1 } })
    expect(march.byModel).toEqual([
      { key: 'mistral-small-latest', label: null, costMicro: 300_000, calls: 2, unpricedCalls: 0 },
      { key: 'ft:mine', label: null, costMicro: 0, calls: 1, unpricedCalls: 1 },
    ])
    expect(march.daily).toHaveLength(31)
  })

  it('projects the month from the last 7 days and says so', () => {
    // 7 calls in the last 7 days of a 30-day month: $0.15 a day.
    for (let d = 3; d <= 9; d++) call(`2026-04-0${d}T06:00:00Z`)
    now = Date.parse('2026-04-10T00:00:00Z')
    const p = reports.month(undefined, 'USD', 'UTC').projection!
    // Spent 7 × 0.15; 21 days left at 0.15/day.
    expect(p.costMicro).toBe(7 * 150_000 + 21 * 150_000)
    expect(p.method).toBe('Spend to date plus the daily average of the last 7 days, times the 21 days left in the month.')
  })

  it('early in the month the window is the days so far', () => {
    call('2026-04-01T12:00:00Z')
    now = Date.parse('2026-04-03T00:00:00Z')
    expect(reports.month(undefined, 'USD', 'UTC').projection!.method).toMatch(/of the 2 days so far, times the 28 days left/)
  })

  it('lists the most expensive calls first', () => {
    call('2026-04-01T12:00:00Z', { usage: { promptTokens: 10, completionTokens: 0, totalTokens: 10 } })
    call('2026-04-02T12:00:00Z')
    now = Date.parse('2026-04-20T00:00:00Z')
    expect(reports.month('2026-04', 'USD', 'UTC').topCalls.map((c) => c.costMicro)).toEqual([150_000, 2])
  })
})
