/**
 * chat-render: does a long conversation stay smooth? Open a conversation of 1,000
 * messages of mixed markdown and code, then stream a 5,000-token reply into it at 500
 * tokens/s. Reports the main thread's long tasks while streaming, the DOM size and JS
 * heap at the end, and how long the conversation took to show. The baseline is the same
 * stream into a new, empty chat, measured in the same run.
 */
import { startSimulator } from '../../e2e/mistral-sim/server'
import {
  clickConversation,
  domStats,
  newAppPage,
  pageHeap,
  probe,
  sendAndWatch,
  waitForComposer,
  waitForProbe,
  type AppPage,
  type PageReply,
} from '../lib/app-page'
import { conversationMessages } from '../lib/content'
import { describeFrame, mainThreadBetween } from '../lib/main-thread'
import type { Scenario, ScenarioContext } from '../lib/scenario'
import { seedDatabase, type SeedConversation } from '../lib/seed'
import { firstDifference, normalize, simulatorReply } from '../lib/sim-reply'
import { MODEL, tempDir } from '../lib/temp'
import { startHost } from '../lib/web-host'

const MB = 1024 * 1024

export const chatRender: Scenario = {
  name: 'chat-render',
  title: 'open a 1,000-message conversation and stream 5,000 tokens into it at 500 tok/s (baseline: empty chat)',
  sizes: { full: { warmup: 1, runs: 3 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const perConversation = ctx.quick ? 100 : 1000
    const tokens = ctx.quick ? 200 : 5000
    const rate = 500
    declareMetrics(ctx)

    const dataDir = tempDir(ctx, 'render')
    const total = ctx.warmup + ctx.runs
    // One untouched conversation per run, so every run opens the same size.
    const titleOf = (i: number) => `Render bench conversation ${i}`
    const markerOf = (i: number) => `zzrender${i}end`
    const seeded = seedDatabase(dataDir, conversations(total, perConversation, titleOf, markerOf), { model: MODEL, batch: 1 })
    ctx.config({
      messagesInConversation: perConversation,
      conversationChars: conversationMessages(perConversation, 2000, markerOf(0)).reduce((n, m) => n + m.content.length, 0),
      seeded: seeded.messages,
      replyTokens: tokens,
      tokensPerSecond: rate,
      streamingWindow: 'from the click on Send to the reply\'s final text painted',
      domNodes: 'every node in the document (elements, text, comments), counted with a TreeWalker',
      heap: 'Runtime.getHeapUsage after HeapProfiler.collectGarbage',
    })

    const sim = await startSimulator()
    ctx.defer(() => sim.close())
    const host = await startHost({ entry: ctx.hostEntry, dataDir, serverURL: sim.url, apiKey: sim.key })
    ctx.defer(() => host.stop())
    const browser = await ctx.browser()

    const lastRun = ctx.warmup + ctx.runs - 1
    const stream = async (app: AppPage, variant: 'seeded' | 'empty', index: number) => {
      const marker = `Render bench ${variant} run ${index} `
      const reply = await sendAndWatch(app.page, `${marker}[sim tokens=${tokens} rate=${rate}]`, 120_000)
      await measureStream(ctx, app, variant, reply, index === lastRun)
      const expected = normalize(simulatorReply(sim, marker))
      ctx.check(`${variant}: DOM shows the whole reply, run ${index}`, reply.text === expected, firstDifference(reply.text, expected))
    }

    await ctx.repeat(async ({ index }) => {
      const seededApp = await newAppPage(browser)
      try {
        await seededApp.page.goto(host.url)
        await waitForComposer(seededApp.page)
        await probe(seededApp.page, `armOpen(${JSON.stringify(markerOf(index))})`)
        await clickConversation(seededApp.page, titleOf(index))
        await waitForProbe(seededApp.page, 'b.open && b.open.paintAt !== null', 60_000)
        const open = await probe<{ clickAt: number; domAt: number; paintAt: number }>(seededApp.page, 'open')
        ctx.sample('open.dom', open.domAt - open.clickAt)
        ctx.sample('open.paint', open.paintAt - open.clickAt)
        ctx.sample('open.nodes', (await domStats(seededApp.page)).nodes)
        // Let the opening settle, so its work is not counted as streaming.
        await seededApp.page.waitForTimeout(500)
        await stream(seededApp, 'seeded', index)
      } finally {
        await seededApp.close()
      }

      const emptyApp = await newAppPage(browser)
      try {
        await emptyApp.page.goto(host.url)
        await waitForComposer(emptyApp.page)
        await emptyApp.page.waitForTimeout(500)
        await stream(emptyApp, 'empty', index)
      } finally {
        await emptyApp.close()
      }
    })
  },
}

async function measureStream(ctx: ScenarioContext, app: AppPage, variant: 'seeded' | 'empty', reply: PageReply, last: boolean): Promise<void> {
  const main = await mainThreadBetween(app.page, reply.clickAt, reply.finalPaintAt)
  ctx.sample(`longtask.max.${variant}`, main.longestTask)
  ctx.sample(`longtask.total.${variant}`, main.longTaskTotal)
  ctx.sample(`longtask.count.${variant}`, main.longTasks)
  ctx.sample(`loaf.max.${variant}`, main.longestFrame?.duration ?? 0)
  ctx.sample(`stream.${variant}`, reply.finalPaintAt - reply.clickAt)
  ctx.sample(`nodes.${variant}`, (await domStats(app.page)).nodes)
  ctx.sample(`heap.${variant}`, (await pageHeap(app.cdp, true)).usedBytes / MB)
  if (last) ctx.note(`${variant} chat, last run, longest frame while streaming: ${describeFrame(main.longestFrame)}`)
}

function* conversations(
  count: number,
  perConversation: number,
  titleOf: (i: number) => string,
  markerOf: (i: number) => string,
): Generator<SeedConversation> {
  for (let i = 0; i < count; i++) {
    // The same content in every conversation, so every run renders the same thing.
    yield { title: titleOf(i), messages: conversationMessages(perConversation, 2000, markerOf(i)) }
  }
}

function declareMetrics(ctx: ScenarioContext): void {
  const m = (key: string, label: string, unit: string, extra: object = {}) => ctx.metric({ key, label, unit, digits: 0, ...extra })
  m('open.dom', 'open: last message in the DOM', 'ms')
  m('open.paint', 'open: last message painted', 'ms', { target: { op: '<', value: 300 } })
  m('open.nodes', 'open: DOM nodes', 'nodes')
  m('longtask.max.empty', 'longest task streaming: empty chat', 'ms')
  m('longtask.max.seeded', 'longest task streaming: long chat', 'ms', { baseline: 'longtask.max.empty', target: { op: '<=', value: 50 } })
  m('longtask.total.empty', 'long-task time streaming: empty chat', 'ms')
  m('longtask.total.seeded', 'long-task time streaming: long chat', 'ms', { baseline: 'longtask.total.empty' })
  m('longtask.count.empty', 'long tasks streaming: empty chat', 'count')
  m('longtask.count.seeded', 'long tasks streaming: long chat', 'count', { baseline: 'longtask.count.empty' })
  m('loaf.max.empty', 'longest animation frame: empty chat', 'ms')
  m('loaf.max.seeded', 'longest animation frame: long chat', 'ms', { baseline: 'loaf.max.empty' })
  m('stream.empty', 'send to final text painted: empty chat', 'ms')
  m('stream.seeded', 'send to final text painted: long chat', 'ms', { baseline: 'stream.empty' })
  m('nodes.empty', 'DOM nodes at the end: empty chat', 'nodes')
  m('nodes.seeded', 'DOM nodes at the end: long chat', 'nodes', { baseline: 'nodes.empty', target: { op: '<', value: 3000 } })
  ctx.metric({ key: 'heap.empty', label: 'JS heap at the end: empty chat', unit: 'MB', digits: 1 })
  ctx.metric({ key: 'heap.seeded', label: 'JS heap at the end: long chat', unit: 'MB', digits: 1, baseline: 'heap.empty' })
}
