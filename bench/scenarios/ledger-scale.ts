/**
 * ledger-scale: 1,000,000 usage_ledger rows over 24 months. Measures the month
 * dashboard's queries together (usage.month: totals, daily by model, breakdowns, top
 * calls, projection, the month before) straight on the core's SQLite, and the Usage
 * screen in the browser host from the click on "Usage" to its figures painted.
 */
import { startSimulator } from '../../e2e/mistral-sim/server'
import { PriceOverrides } from '../../src/main/core/kernel/usage/price-overrides'
import { PriceTable } from '../../src/main/core/kernel/usage/price-table'
import { UsageLedger } from '../../src/main/core/kernel/usage/usage-ledger'
import { UsageRecorder } from '../../src/main/core/kernel/usage/usage-recorder'
import { LedgerQueries } from '../../src/main/core/usage/ledger-queries'
import { monthOf, shiftMonth } from '../../src/main/core/usage/calendar'
import { ReportService } from '../../src/main/core/usage/report-service'
import { openAppDatabase } from '../../src/main/core/schema'
import catalog from '../../resources/model-catalog.json'
import { newAppPage, waitForComposer } from '../lib/app-page'
import type { Scenario } from '../lib/scenario'
import { tempDir } from '../lib/temp'
import { startHost } from '../lib/web-host'

const MONTHS = 24
const DAY = 86_400_000
const TZ = 'Europe/Paris'

export const ledgerScale: Scenario = {
  name: 'ledger-scale',
  title: 'month dashboard queries and the Usage screen over 1,000,000 ledger rows in 24 months',
  sizes: { full: { warmup: 2, runs: 30 }, quick: { warmup: 0, runs: 2 } },
  async run(ctx) {
    const rows = ctx.quick ? 10_000 : 1_000_000
    ctx.metric({ key: 'queries', label: 'usage.month queries, last full month', unit: 'ms', digits: 1, target: { op: '<', value: 50 } })
    ctx.metric({ key: 'current', label: 'usage.month queries, this month', unit: 'ms', digits: 1, target: { op: '<', value: 50 } })
    ctx.metric({ key: 'paint', label: 'click "Usage" to figures painted', unit: 'ms', digits: 0, target: { op: '<', value: 300 } })
    const dir = tempDir(ctx, 'ledger-scale')
    const now = Date.now()
    const seedStart = performance.now()
    seed(dir, rows, now)
    ctx.config({ rows, months: MONTHS, timeZone: TZ, seedMs: Math.round(performance.now() - seedStart) })

    const db = openAppDatabase(dir)
    const reports = new ReportService(new LedgerQueries(db), { now: () => now })
    const lastFull = shiftMonth(monthOf(now, TZ), -1)
    let checked = false
    await ctx.repeat(async () => {
      let t0 = performance.now()
      const report = reports.month(lastFull, 'USD', TZ)
      ctx.sample('queries', performance.now() - t0)
      t0 = performance.now()
      reports.month(undefined, 'USD', TZ)
      ctx.sample('current', performance.now() - t0)
      if (!checked) {
        checked = true
        const { n } = db.prepare('SELECT COUNT(*) AS n FROM usage_ledger WHERE at >= ? AND at < ?').get(report.start, report.end) as { n: number }
        ctx.check('the month counts every row in its range', report.calls === n && n > rows / MONTHS / 2, `${report.calls} of ${n}`)
        ctx.check('spend sums to the daily chart', report.costMicro === report.daily.reduce((s, d) => s + Object.values(d.byModel).reduce((a, b) => a + b, 0), 0))
        ctx.config({ rowsInMonth: n })
      }
    })
    db.close()

    const sim = await startSimulator()
    ctx.defer(() => sim.close())
    const host = await startHost({ entry: ctx.hostEntry, dataDir: dir, serverURL: sim.url, apiKey: sim.key })
    ctx.defer(() => host.stop())
    const app = await newAppPage(await ctx.browser())
    ctx.defer(() => app.close())
    await app.page.goto(host.url)
    await waitForComposer(app.page)
    for (let i = 0; i < (ctx.quick ? 1 : 5); i++) {
      const t0 = await app.page.evaluate(() => performance.now())
      await app.page.getByRole('button', { name: 'Usage' }).click()
      await app.page.getByText(/^Spent in /).waitFor()
      // The frame after the figures are in the DOM is when they are on screen.
      const painted = await app.page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))
      ctx.sample('paint', painted - t0)
      await app.page.getByRole('button', { name: 'New chat' }).click()
      await waitForComposer(app.page)
    }
  },
}

/** Rows through the real recorder's pricing, inserted in one transaction. */
function seed(dir: string, rows: number, now: number) {
  const db = openAppDatabase(dir)
  const ledger = new UsageLedger(db)
  const recorder = new UsageRecorder({ ledger, prices: PriceTable.fromCatalog(catalog), overrides: new PriceOverrides(db) })
  const models = ['mistral-small-latest', 'mistral-large-latest', 'mistral-medium-latest', 'codestral-latest', 'ministral-8b-latest', 'ft:custom']
  const span = MONTHS * 30 * DAY
  let seedN = 7
  const rand = (n: number) => {
    seedN = (seedN * 16807) % 2147483647
    return seedN % n
  }
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      recorder.record({
        kind: i % 10 === 0 ? 'title' : 'chat',
        at: now - span + Math.floor((i / rows) * span),
        model: models[rand(models.length)]!,
        usage: { promptTokens: rand(20_000), completionTokens: rand(2_000), totalTokens: 0 },
        conversationId: `c${rand(5000)}`,
        messageId: `m${i}`,
        requestId: `r${i}`,
        estimated: rand(50) === 0,
      })
    }
  })()
  db.close()
}

