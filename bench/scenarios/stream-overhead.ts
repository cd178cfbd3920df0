/**
 * stream-overhead: what the app adds on top of the API. The simulator streams a reply
 * at full speed; the same reply is timed (a) by the official SDK directly, (b) through
 * the core's chat service (dispatch 'chat.send', SQLite persistence, coalescing) and
 * (c) in the renderer's DOM through the browser host. (a) is the baseline of the same run.
 */
import type { Mistral } from '@mistralai/mistralai'
import { probe, sendAndWatch } from '../lib/app-page'
import { TimedContext } from '../lib/core-client'
import { describeFrame, mainThreadBetween } from '../lib/main-thread'
import type { Scenario, ScenarioContext } from '../lib/scenario'
import { firstDifference, normalize, simulatorReply } from '../lib/sim-reply'
import { MODEL } from '../lib/temp'
import { startThreePaths } from '../lib/three-paths'

/** Pause after each path, for the work it leaves behind (e.g. the title request after a first reply). */
const SETTLE_MS = 300

interface Timing {
  ttft: number
  total: number
}

export const streamOverhead: Scenario = {
  name: 'stream-overhead',
  title: 'first token and total time of a full-speed reply: SDK (a) vs core (b) vs renderer DOM (c)',
  sizes: { full: { warmup: 2, runs: 7 }, quick: { warmup: 1, runs: 1 } },
  async run(ctx) {
    const tokens = ctx.quick ? 200 : 2000
    ctx.config({
      replyTokens: tokens,
      rate: 'full speed (simulator tokensPerSecond 0)',
      model: MODEL,
      order: 'a, b, c rotated each run, 300 ms pause after each',
      firstText: '(a) first non-empty SSE delta; (b) first chat.stream delta emitted; (c) "Echo:" in the DOM (MutationObserver)',
      finalText: '(a) last delta; (b) last delta emitted; (c) the full stop of the last token in the DOM',
    })
    declareMetrics(ctx)

    const { sim, sdk, core, app } = await startThreePaths(ctx)

    await ctx.repeat(async ({ index }) => {
      // Unique per path and run, so each reply can be found among the simulator's requests.
      const prompt = (path: string) => `Stream overhead ${path} run ${index} [sim tokens=${tokens}]`
      const expected = (path: string) => simulatorReply(sim, `Stream overhead ${path} run ${index} `)
      const got: { a?: Timing; b?: Timing; c?: Timing & { firstPaint: number; finalPaint: number } } = {}

      // (a) The SDK alone: what any client gets from the API.
      const runA = async () => {
        const result = await viaSdk(sdk, prompt('sdk'))
        const want = expected('sdk')
        ctx.check(`(a) SDK text == simulator reply, run ${index}`, result.text === want, firstDifference(result.text, want))
        got.a = result
      }

      // (b) The core's chat service, as a host calls it.
      const runB = async () => {
        const call = new TimedContext()
        const t0 = performance.now()
        const started = await core.send(call, { content: prompt('core'), model: MODEL })
        const end = await call.finished(started.requestId)
        const deltas = call.of(started.requestId).filter((e) => e.event.type === 'delta')
        const first = deltas[0]
        const last = deltas[deltas.length - 1]
        ctx.check(`(b) core reply ends with done, run ${index}`, end.event.type === 'done', end.event.type)
        if (!first || !last) throw new Error('the core emitted no delta')
        got.b = { ttft: first.t - t0, total: last.t - t0 }
        const streamed = deltas.map((e) => (e.event.type === 'delta' ? e.event.text : '')).join('')
        const stored = await core.storedText(call, started.conversationId, started.assistantMessageId)
        const want = expected('core')
        ctx.check(`(b) core deltas == simulator reply, run ${index}`, streamed === want, firstDifference(streamed, want))
        ctx.check(`(b) stored text == simulator reply, run ${index}`, stored === want, firstDifference(stored ?? '', want))
      }

      // (c) The renderer's DOM through the browser host, from the click on Send.
      const runC = async () => {
        await app.page.getByRole('button', { name: 'New chat' }).click()
        await probe(app.page, 'ws.length = 0')
        const reply = await sendAndWatch(app.page, prompt('dom'), 60_000)
        // When the first and last delta frames reached the page: splits the host's share from the renderer's.
        const deltas = (await probe<{ t: number; type?: string }[]>(app.page, 'ws')).filter((f) => f.type === 'delta' && f.t >= reply.clickAt)
        const firstFrame = deltas[0]
        const lastFrame = deltas[deltas.length - 1]
        if (!firstFrame || !lastFrame) throw new Error('the page received no delta frame')
        ctx.sample('ttft.c.ws', firstFrame.t - reply.clickAt)
        ctx.sample('total.c.ws', lastFrame.t - reply.clickAt)
        got.c = {
          ttft: reply.firstAt - reply.clickAt,
          total: reply.finalAt - reply.clickAt,
          firstPaint: reply.firstPaintAt - reply.clickAt,
          finalPaint: reply.finalPaintAt - reply.clickAt,
        }
        const main = await mainThreadBetween(app.page, reply.clickAt, reply.finalAt)
        ctx.sample('c.longtask', main.longestTask)
        if (index === ctx.warmup + ctx.runs - 1) ctx.note(`(c) last run, longest frame: ${describeFrame(main.longestFrame)}`)
        const want = normalize(expected('dom'))
        ctx.check(`(c) DOM text == simulator reply, run ${index}`, reply.text === want, firstDifference(reply.text, want))
      }

      // The order rotates and each path starts on a quiet event loop: a path that ran just
      // before leaves work behind (the host's and the core's title request, SQLite, GC).
      const paths = [runA, runB, runC]
      for (let k = 0; k < paths.length; k++) {
        await (paths[(index + k) % paths.length] as () => Promise<void>)()
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
      }
      const { a: ta, b: tb, c: tc } = got
      if (!ta || !tb || !tc) throw new Error('a path did not record its timing')

      const tput = (t: Timing) => (tokens / t.total) * 1000
      ctx.sample('ttft.a', ta.ttft)
      ctx.sample('ttft.b', tb.ttft)
      ctx.sample('ttft.c', tc.ttft)
      ctx.sample('ttft.b-a', tb.ttft - ta.ttft)
      ctx.sample('ttft.c-a', tc.ttft - ta.ttft)
      ctx.sample('ttft.c.paint', tc.firstPaint)
      ctx.sample('total.a', ta.total)
      ctx.sample('total.b', tb.total)
      ctx.sample('total.c', tc.total)
      ctx.sample('total.b-a', tb.total - ta.total)
      ctx.sample('total.c-a', tc.total - ta.total)
      ctx.sample('total.c.paint', tc.finalPaint)
      ctx.sample('tput.a', tput(ta))
      ctx.sample('tput.b', tput(tb))
      ctx.sample('tput.c', tput(tc))
      ctx.sample('tput.c/a', (tput(tc) / tput(ta)) * 100)
    })
    const problems = core.logger.lines.filter((l) => !l.startsWith('info '))
    if (problems.length) ctx.note(`core logged: ${problems.slice(0, 3).join(' | ')}`)
  },
}

async function viaSdk(sdk: Mistral, content: string): Promise<Timing & { text: string }> {
  const t0 = performance.now()
  const stream = await sdk.chat.stream({ model: MODEL, messages: [{ role: 'user', content }] })
  let first: number | null = null
  let last = t0
  let text = ''
  for await (const event of stream) {
    const delta = event.data.choices[0]?.delta.content
    if (typeof delta === 'string' && delta.length > 0) {
      last = performance.now()
      first ??= last
      text += delta
    }
  }
  if (first === null) throw new Error('the SDK stream had no text')
  return { ttft: first - t0, total: last - t0, text }
}

function declareMetrics(ctx: ScenarioContext): void {
  const ms = (key: string, label: string, extra: Partial<{ baseline: string; target: { op: '<'; value: number } }> = {}) =>
    ctx.metric({ key, label, unit: 'ms', digits: 1, ...extra })
  ms('ttft.a', 'TTFT: (a) SDK direct')
  ms('ttft.b', 'TTFT: (b) core chat service', { baseline: 'ttft.a' })
  ms('ttft.c', 'TTFT: (c) renderer DOM', { baseline: 'ttft.a' })
  ms('ttft.b-a', 'TTFT extra: (b) - (a)', { target: { op: '<', value: 5 } })
  ms('ttft.c-a', 'TTFT extra: (c) - (a)', { target: { op: '<', value: 25 } })
  ms('ttft.c.ws', 'TTFT: (c) first delta frame reaches the page', { baseline: 'ttft.a' })
  ms('ttft.c.paint', 'TTFT: (c) painted (next frame)', { baseline: 'ttft.a' })
  ms('total.a', 'total: (a) SDK direct')
  ms('total.b', 'total: (b) core chat service', { baseline: 'total.a' })
  ms('total.c', 'total: (c) renderer DOM', { baseline: 'total.a' })
  ms('total.b-a', 'total extra: (b) - (a)')
  ms('total.c-a', 'total extra: (c) - (a)')
  ms('total.c.ws', 'total: (c) last delta frame reaches the page', { baseline: 'total.a' })
  ms('total.c.paint', 'total: (c) painted (next frame)', { baseline: 'total.a' })
  ms('c.longtask', 'main thread: (c) longest task in the page')
  ctx.metric({ key: 'tput.a', label: 'throughput: (a) SDK direct', unit: 'tok/s', digits: 0 })
  ctx.metric({ key: 'tput.b', label: 'throughput: (b) core', unit: 'tok/s', digits: 0, baseline: 'tput.a' })
  ctx.metric({ key: 'tput.c', label: 'throughput: (c) renderer DOM', unit: 'tok/s', digits: 0, baseline: 'tput.a' })
  ctx.metric({ key: 'tput.c/a', label: 'throughput: (c) as % of (a)', unit: '%', digits: 0, target: { op: '>=', value: 90 } })
}
