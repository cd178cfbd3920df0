/**
 * cold-start: from spawning the browser host with 20,000 conversations in its database
 * to the page showing the sidebar's list and a composer that takes input. The baseline
 * is the same start on an empty (migrated) database, in the same run.
 *
 * "Cold" is the process and the page (a fresh browser context, no cache); the database
 * file is in the OS page cache after the first run, as it is for a user reopening the app.
 */
import { startSimulator } from '../../e2e/mistral-sim/server'
import { clickConversation, conversationButton, domStats, newAppPage, probe, waitForProbe } from '../lib/app-page'
import { conversationMessages } from '../lib/content'
import { describeFrame, mainThreadBetween } from '../lib/main-thread'
import type { Scenario, ScenarioContext } from '../lib/scenario'
import { seedDatabase, type SeedConversation } from '../lib/seed'
import { MODEL, tempDir } from '../lib/temp'
import { startHost } from '../lib/web-host'

interface Startup {
  readyEpoch: number
  readyPaintEpoch: number
}

export const coldStart: Scenario = {
  name: 'cold-start',
  title: 'host spawn to an interactive window with 20,000 conversations (baseline: empty database)',
  sizes: { full: { warmup: 1, runs: 3 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const count = ctx.quick ? 200 : 20_000
    const perConversation = 2
    declareMetrics(ctx)

    const emptyDir = tempDir(ctx, 'cold-empty')
    seedDatabase(emptyDir, [], { model: MODEL })
    const seededDir = tempDir(ctx, 'cold-seeded')
    const titleOf = (i: number) => `Cold start conversation ${i}`
    const markerOf = (i: number) => `zzcold${i}end`
    const seedStart = performance.now()
    const seeded = seedDatabase(seededDir, conversations(count, perConversation, titleOf, markerOf), { model: MODEL })
    const newest = count - 1
    ctx.config({
      conversations: seeded.conversations,
      messagesPerConversation: perConversation,
      messages: seeded.messages,
      seedMs: Math.round(performance.now() - seedStart),
      ready: 'newest conversation listed in the sidebar and the "Message" textbox enabled',
    })

    const sim = await startSimulator()
    ctx.defer(() => sim.close())
    const browser = await ctx.browser()

    const start = async (variant: 'empty' | 'seeded', lastRun: boolean) => {
      const newestTitle = variant === 'seeded' ? titleOf(newest) : null
      const app = await newAppPage(browser, { startup: { newestTitle } })
      try {
        const host = await startHost({ entry: ctx.hostEntry, dataDir: variant === 'seeded' ? seededDir : emptyDir, serverURL: sim.url, apiKey: sim.key })
        try {
          await app.page.goto(host.url)
          await waitForProbe(app.page, 'b.startup && b.startup.readyPaintEpoch !== null', 120_000)
          const s = await probe<Startup>(app.page, 'startup')
          ctx.sample(`process.${variant}`, host.readyAt - host.spawnedAt)
          ctx.sample(`dom.${variant}`, s.readyEpoch - host.spawnedAt)
          ctx.sample(`painted.${variant}`, s.readyPaintEpoch - host.spawnedAt)
          // The page's own work until it was ready (its clock starts at navigation).
          const pageReady = s.readyPaintEpoch - (await app.page.evaluate('performance.timeOrigin') as number)
          const main = await mainThreadBetween(app.page, 0, pageReady)
          ctx.sample(`longtask.${variant}`, main.longestTask)
          ctx.sample(`longtotal.${variant}`, main.longTaskTotal)
          if (lastRun) ctx.note(`${variant} DB, last run, longest frame before ready: ${describeFrame(main.longestFrame)}`)
          // The probe's idea of ready, confirmed the way a user (and the e2e suite) sees it.
          const composer = app.page.getByRole('textbox', { name: 'Message' })
          ctx.check(`${variant}: composer enabled`, await composer.isEnabled())
          if (newestTitle) {
            ctx.check(`${variant}: newest conversation listed`, await (await conversationButton(app.page, newestTitle)).isVisible())
            ctx.sample('nodes.seeded', (await domStats(app.page)).nodes)
            // Then the newest conversation itself: click it, wait for its last message.
            await probe(app.page, `armOpen(${JSON.stringify(markerOf(newest))})`)
            await clickConversation(app.page, newestTitle)
            await waitForProbe(app.page, 'b.open && b.open.paintAt !== null', 60_000)
            const open = await probe<{ clickAt: number; paintAt: number }>(app.page, 'open')
            ctx.sample('open.seeded', open.paintAt - open.clickAt)
          }
        } finally {
          await host.stop()
        }
      } finally {
        await app.close()
      }
    }

    await ctx.repeat(async ({ index }) => {
      // Alternating the order spreads any drift in machine load over both variants.
      const order: ('empty' | 'seeded')[] = index % 2 ? ['seeded', 'empty'] : ['empty', 'seeded']
      for (const variant of order) await start(variant, index === ctx.warmup + ctx.runs - 1)
    })
  },
}

function* conversations(
  count: number,
  perConversation: number,
  titleOf: (i: number) => string,
  markerOf: (i: number) => string,
): Generator<SeedConversation> {
  for (let i = 0; i < count; i++) yield { title: titleOf(i), messages: conversationMessages(perConversation, i, markerOf(i)) }
}

function declareMetrics(ctx: ScenarioContext): void {
  const ms = (key: string, label: string, extra: object = {}) => ctx.metric({ key, label, unit: 'ms', digits: 0, ...extra })
  ms('process.empty', 'host process ready: empty DB')
  ms('process.seeded', 'host process ready: seeded DB', { baseline: 'process.empty' })
  ms('dom.empty', 'interactive (DOM): empty DB')
  ms('dom.seeded', 'interactive (DOM): seeded DB', { baseline: 'dom.empty' })
  ms('painted.empty', 'interactive (painted): empty DB')
  ms('painted.seeded', 'interactive (painted): seeded DB', { baseline: 'painted.empty', target: { op: '<', value: 1500 } })
  ms('longtask.empty', 'longest task before ready: empty DB')
  ms('longtask.seeded', 'longest task before ready: seeded DB', { baseline: 'longtask.empty' })
  ms('longtotal.empty', 'long-task time before ready: empty DB')
  ms('longtotal.seeded', 'long-task time before ready: seeded DB', { baseline: 'longtotal.empty' })
  ms('open.seeded', 'then open the newest conversation')
  ctx.metric({ key: 'nodes.seeded', label: 'DOM nodes once interactive: seeded DB', unit: 'nodes', digits: 0 })
}
