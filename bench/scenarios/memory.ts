/**
 * memory: does memory come back after the user moves on? Open 50 conversations of 1,000
 * messages each in turn (click it in the sidebar, wait for its last message); after
 * conversation 5 and after conversation 50, force GC in the host and in the page and
 * read what is left. Conversation 5 is the baseline: caches and code are warm by then,
 * so what grows after it is what the app keeps per conversation it has shown.
 */
import { startSimulator } from '../../e2e/mistral-sim/server'
import { clickConversation, newAppPage, pageHeap, probe, waitForComposer, waitForProbe } from '../lib/app-page'
import { conversationMessages } from '../lib/content'
import type { Scenario, ScenarioContext } from '../lib/scenario'
import { seedDatabase, type SeedConversation } from '../lib/seed'
import { MODEL, tempDir } from '../lib/temp'
import { startHost } from '../lib/web-host'

const MB = 1024 * 1024

interface Reading {
  hostHeap: number
  hostRss: number
  pageHeap: number
  pageNodes: number
  pageListeners: number
}

export const memory: Scenario = {
  name: 'memory',
  title: 'host and page memory after GC, after opening conversation 5 vs conversation 50 (1,000 messages each)',
  sizes: { full: { warmup: 0, runs: 2 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const count = ctx.quick ? 3 : 50
    const perConversation = ctx.quick ? 100 : 1000
    const firstReading = ctx.quick ? 1 : 5
    declareMetrics(ctx, firstReading, count)

    const dataDir = tempDir(ctx, 'memory')
    const titleOf = (i: number) => `Memory bench conversation ${i}`
    const markerOf = (i: number) => `zzmemory${i}end`
    const seedStart = performance.now()
    const seeded = seedDatabase(dataDir, conversations(count, perConversation, titleOf, markerOf), { model: MODEL, batch: 5 })
    ctx.config({
      conversations: seeded.conversations,
      messagesPerConversation: perConversation,
      messages: seeded.messages,
      seedMs: Math.round(performance.now() - seedStart),
      readingsAfterConversation: [firstReading, count],
      host: 'node --expose-gc --import bench/lib/host-probe.mjs web.js; heap from process.memoryUsage() after gc(), RSS from /proc/<pid>/status VmRSS',
      page: 'CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage and Memory.getDOMCounters',
    })

    const sim = await startSimulator()
    ctx.defer(() => sim.close())
    const browser = await ctx.browser()

    await ctx.repeat(async () => {
      const host = await startHost({ entry: ctx.hostEntry, dataDir, serverURL: sim.url, apiKey: sim.key, probe: true })
      const app = await newAppPage(browser)
      try {
        await app.page.goto(host.url)
        await waitForComposer(app.page)
        const read = async (): Promise<Reading> => {
          const hostMemory = await host.memory()
          const heap = await pageHeap(app.cdp, true)
          const dom = await app.cdp.send('Memory.getDOMCounters')
          return {
            hostHeap: hostMemory.heapUsed,
            hostRss: hostMemory.vmRss ?? hostMemory.rss,
            pageHeap: heap.usedBytes,
            pageNodes: dom.nodes,
            pageListeners: dom.jsEventListeners,
          }
        }
        let first: Reading | null = null
        // Newest first, the order the sidebar lists them in.
        for (let n = 1; n <= count; n++) {
          const i = count - n
          await probe(app.page, `armOpen(${JSON.stringify(markerOf(i))})`)
          await clickConversation(app.page, titleOf(i))
          await waitForProbe(app.page, 'b.open && b.open.paintAt !== null', 60_000)
          const open = await probe<{ clickAt: number; paintAt: number }>(app.page, 'open')
          ctx.sample('open', open.paintAt - open.clickAt)
          if (n === firstReading) first = await read()
          if (n === count && first) {
            const last = await read()
            const growth = (a: number, b: number) => ((b - a) / a) * 100
            ctx.sample('host.heap.first', first.hostHeap / MB)
            ctx.sample('host.heap.last', last.hostHeap / MB)
            ctx.sample('host.heap.growth', growth(first.hostHeap, last.hostHeap))
            ctx.sample('host.rss.first', first.hostRss / MB)
            ctx.sample('host.rss.last', last.hostRss / MB)
            ctx.sample('host.rss.growth', growth(first.hostRss, last.hostRss))
            ctx.sample('page.heap.first', first.pageHeap / MB)
            ctx.sample('page.heap.last', last.pageHeap / MB)
            ctx.sample('page.heap.growth', growth(first.pageHeap, last.pageHeap))
            ctx.sample('page.nodes.first', first.pageNodes)
            ctx.sample('page.nodes.last', last.pageNodes)
            ctx.sample('page.listeners.first', first.pageListeners)
            ctx.sample('page.listeners.last', last.pageListeners)
          }
        }
        ctx.check('the last conversation opened shows its last message', (await probe<string>(app.page, 'replyText()')).includes(markerOf(0)))
      } finally {
        await app.close()
        await host.stop()
      }
    })
  },
}

function* conversations(
  count: number,
  perConversation: number,
  titleOf: (i: number) => string,
  markerOf: (i: number) => string,
): Generator<SeedConversation> {
  for (let i = 0; i < count; i++) {
    yield { title: titleOf(i), messages: conversationMessages(perConversation, 1000 + i, markerOf(i)) }
  }
}

function declareMetrics(ctx: ScenarioContext, first: number, last: number): void {
  const mb = (key: string, label: string, baseline?: string) =>
    ctx.metric({ key, label, unit: 'MB', digits: 1, ...(baseline ? { baseline } : {}) })
  const pct = (key: string, label: string) =>
    ctx.metric({ key, label, unit: '%', digits: 1, target: { op: '<', value: 20 } })
  const at = (n: number) => `after conv ${n}`
  mb('host.heap.first', `host heap: ${at(first)}`)
  mb('host.heap.last', `host heap: ${at(last)}`, 'host.heap.first')
  pct('host.heap.growth', 'host heap growth')
  mb('host.rss.first', `host RSS: ${at(first)}`)
  mb('host.rss.last', `host RSS: ${at(last)}`, 'host.rss.first')
  pct('host.rss.growth', 'host RSS growth')
  mb('page.heap.first', `page JS heap: ${at(first)}`)
  mb('page.heap.last', `page JS heap: ${at(last)}`, 'page.heap.first')
  pct('page.heap.growth', 'page JS heap growth')
  ctx.metric({ key: 'page.nodes.first', label: `page DOM nodes (incl. detached): ${at(first)}`, unit: 'nodes', digits: 0 })
  ctx.metric({ key: 'page.nodes.last', label: `page DOM nodes (incl. detached): ${at(last)}`, unit: 'nodes', digits: 0, baseline: 'page.nodes.first' })
  ctx.metric({ key: 'page.listeners.first', label: `page JS event listeners: ${at(first)}`, unit: 'count', digits: 0 })
  ctx.metric({ key: 'page.listeners.last', label: `page JS event listeners: ${at(last)}`, unit: 'count', digits: 0, baseline: 'page.listeners.first' })
  ctx.metric({ key: 'open', label: 'open a conversation (click to last message painted)', unit: 'ms', digits: 0 })
}
