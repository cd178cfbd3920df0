/** The month dashboard: spend, projection, daily chart, breakdowns, top calls and the month before. */
import type { Currency, MonthReport, Projection } from '../../../shared/domain'
import type { Clock } from '../ports'
import { localParts, monthOf, monthRange, shiftMonth, type MonthKey } from './calendar'
import type { LedgerQueries } from './ledger-queries'

const DAY = 86_400_000
const PROJECTION_WINDOW_DAYS = 7
const BREAKDOWN_LIMIT = 20
const TOP_CALLS = 10

export class ReportService {
  constructor(
    private readonly queries: LedgerQueries,
    private readonly clock: Clock,
  ) {}

  month(month: MonthKey | undefined, currency: Currency, timeZone: string): MonthReport {
    const now = this.clock.now()
    const key = month ?? monthOf(now, timeZone)
    const range = monthRange(key, timeZone)
    const { start, end } = range
    const q = this.queries
    const totals = q.totals(currency, start, end)
    const previousKey = shiftMonth(key, -1)
    const prev = monthRange(previousKey, timeZone)
    const previous = q.totals(currency, prev.start, prev.end)
    const daily = range.days.slice(0, -1).map((s) => ({ day: dayLabel(s, timeZone), byModel: {} as Record<string, number> }))
    for (const r of q.daily(currency, range.days)) daily[r.day]!.byModel[r.model] = r.cost
    return {
      month: key,
      timeZone,
      currency,
      start,
      end,
      ...totals,
      projection: now >= start && now < end ? this.projection(currency, start, end, now, totals.costMicro) : null,
      daily,
      byModel: q.byModel(currency, start, end),
      byCapability: q.byCapability(currency, start, end),
      byConversation: q.byConversation(currency, start, end, BREAKDOWN_LIMIT),
      byDocument: q.byDocument(currency, start, end, BREAKDOWN_LIMIT),
      topCalls: q.topCalls(currency, start, end, TOP_CALLS),
      previous: { month: previousKey, costMicro: previous.costMicro, calls: previous.calls, unpricedCalls: previous.unpricedCalls },
    }
  }

  /**
   * Spend to date plus the recent daily rate over what is left of the month. The rate
   * is the average of the last 7 days (fewer early in the month: the days elapsed).
   */
  private projection(currency: Currency, start: number, end: number, now: number, spent: number): Projection {
    const windowStart = Math.max(start, now - PROJECTION_WINDOW_DAYS * DAY)
    const windowMs = Math.max(now - windowStart, 1)
    const recent = this.queries.totals(currency, windowStart, now).costMicro
    const left = end - now
    const costMicro = spent + Math.round((recent * left) / windowMs)
    const windowDays = round1(windowMs / DAY)
    const leftDays = round1(left / DAY)
    const what = windowDays >= PROJECTION_WINDOW_DAYS ? `the last ${PROJECTION_WINDOW_DAYS} days` : `the ${windowDays} days so far`
    return { costMicro, method: `Spend to date plus the daily average of ${what}, times the ${leftDays} days left in the month.` }
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10

function dayLabel(at: number, timeZone: string): string {
  const l = localParts(at, timeZone)
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`
}
