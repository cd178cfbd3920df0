/**
 * ipc-coalescing: how many messages cross main -> renderer per second while one reply
 * streams fast, and that coalescing loses and reorders nothing. Counted where the core
 * emits chat.stream events (what Electron IPC would carry) and where the page receives
 * WebSocket frames in the browser host. The baseline is the SSE chunk rate the SDK sees
 * for the same stream: what would cross without coalescing.
 */
import { probe, sendAndWatch } from '../lib/app-page'
import { TimedContext } from '../lib/core-client'
import type { Scenario } from '../lib/scenario'
import { firstDifference, normalize, simulatorReply } from '../lib/sim-reply'
import { peakInWindow, ratePerSecond } from '../lib/stats'
import { MODEL } from '../lib/temp'
import { startThreePaths } from '../lib/three-paths'

interface Frame {
  t: number
  kind: string | null
  type?: string
  requestId?: string
  conversationId?: string
  messageId?: string
  text?: string
}

export const ipcCoalescing: Scenario = {
  name: 'ipc-coalescing',
  title: 'messages per second main -> renderer during a fast stream, and no text lost or reordered',
  sizes: { full: { warmup: 1, runs: 3 }, quick: { warmup: 0, runs: 1 } },
  async run(ctx) {
    const tokens = ctx.quick ? 300 : 6000
    const rate = 2000
    const directive = `[sim tokens=${tokens} rate=${rate}]`
    ctx.config({ replyTokens: tokens, tokensPerSecond: rate, model: MODEL })
    const perSecond = (key: string, label: string, extra: object = {}) =>
      ctx.metric({ key, label, unit: 'msg/s', digits: 1, ...extra })
    perSecond('sdk.rate', 'rate: SSE chunks read by the SDK')
    perSecond('core.rate', 'rate: core chat.stream events, mean', { baseline: 'sdk.rate', target: { op: '<=', value: 60 } })
    perSecond('core.peak', 'rate: core events, busiest 1 s', { baseline: 'sdk.rate', target: { op: '<=', value: 60 } })
    perSecond('page.rate', 'rate: WS frames the page gets, mean', { baseline: 'sdk.rate', target: { op: '<=', value: 60 } })
    perSecond('page.peak', 'rate: WS frames, busiest 1 s', { baseline: 'sdk.rate', target: { op: '<=', value: 60 } })
    ctx.metric({ key: 'core.chars', label: 'size: characters per core event, mean', unit: 'chars', digits: 0 })

    const { sim, sdk, core, app } = await startThreePaths(ctx)

    await ctx.repeat(async ({ index }) => {
      const marker = (path: string) => `Coalescing ${path} run ${index} `
      const prompt = (path: string) => `${marker(path)}${directive}`

      // Upstream: one SSE event per token, as the SDK parses them.
      const chunkTimes: number[] = []
      for await (const event of await sdk.chat.stream({ model: MODEL, messages: [{ role: 'user', content: prompt('sdk') }] })) {
        if (event.data.choices[0]?.delta.content) chunkTimes.push(performance.now())
      }
      ctx.sample('sdk.rate', ratePerSecond(chunkTimes.length, spanOf(chunkTimes)))

      // Core: the events a host forwards, one IPC message each.
      const call = new TimedContext()
      const started = await core.send(call, { content: prompt('core'), model: MODEL })
      const end = await call.finished(started.requestId)
      const events = call.of(started.requestId)
      const deltas = events.flatMap((e) => (e.event.type === 'delta' ? [{ t: e.t, text: e.event.text }] : []))
      const first = deltas[0]
      if (!first) throw new Error('the core emitted no delta')
      ctx.sample('core.rate', ratePerSecond(events.length, end.t - first.t))
      ctx.sample('core.peak', peakInWindow(events.map((e) => e.t), 1000))
      const joined = deltas.map((d) => d.text).join('')
      ctx.sample('core.chars', joined.length / deltas.length)
      const coreExpected = simulatorReply(sim, marker('core'))
      const stored = await core.storedText(call, started.conversationId, started.assistantMessageId)
      ctx.check(`core: reply ends with done, run ${index}`, end.event.type === 'done', end.event.type)
      ctx.check(`core: deltas in order == simulator reply, run ${index}`, joined === coreExpected, firstDifference(joined, coreExpected))
      ctx.check(`core: stored == simulator reply, run ${index}`, stored === coreExpected, firstDifference(stored ?? '', coreExpected))

      // Browser host: every WebSocket frame the page receives while the reply streams.
      await app.page.getByRole('button', { name: 'New chat' }).click()
      await probe(app.page, 'ws.length = 0')
      const reply = await sendAndWatch(app.page, prompt('page'), 60_000)
      const frames = await probe<Frame[]>(app.page, 'ws')
      const streamFrames = frames.filter((f) => f.type !== undefined && f.t >= reply.clickAt)
      const requestId = streamFrames[0]?.requestId
      const mine = streamFrames.filter((f) => f.requestId === requestId)
      const firstDelta = mine.find((f) => f.type === 'delta')
      const terminal = mine.find((f) => f.type !== 'delta')
      if (!firstDelta || !terminal) throw new Error('the page received no delta or no terminal frame')
      // Every frame counts, not only deltas: each one is a message the page has to handle.
      const during = frames.filter((f) => f.t >= firstDelta.t && f.t <= terminal.t)
      ctx.sample('page.rate', ratePerSecond(during.length, terminal.t - firstDelta.t))
      ctx.sample('page.peak', peakInWindow(during.map((f) => f.t), 1000))
      const pageJoined = mine.map((f) => f.text ?? '').join('')
      const pageExpected = simulatorReply(sim, marker('page'))
      const result = await probe<{ ok: boolean; value?: { messages: { id: string; content: string }[] } }>(
        app.page,
        `invoke('conversations.get', ${JSON.stringify({ id: firstDelta.conversationId })})`,
      )
      const pageStored = result.value?.messages.find((m) => m.id === firstDelta.messageId)?.content ?? ''
      ctx.check(`page: reply ends with done, run ${index}`, terminal.type === 'done', terminal.type)
      ctx.check(`page: delta frames in order == simulator reply, run ${index}`, pageJoined === pageExpected, firstDifference(pageJoined, pageExpected))
      ctx.check(`page: stored == simulator reply, run ${index}`, pageStored === pageExpected, firstDifference(pageStored, pageExpected))
      ctx.check(`page: DOM shows the reply, run ${index}`, reply.text === normalize(pageExpected), firstDifference(reply.text, normalize(pageExpected)))
    })
  },
}

function spanOf(times: number[]): number {
  return times.length > 1 ? (times[times.length - 1] as number) - (times[0] as number) : 0
}
