/** Automatic retries of a reply: 429 with Retry-After, 5xx, cancel while waiting; one row, one usage row. */
import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../schema'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { CoreHarness } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'
let h: CoreHarness

async function start(maxRetries = 3) {
  h = await CoreHarness.start({ core: { retry: { maxRetries, baseDelayMs: 50, maxDelayMs: 5_000 } } })
  await h.ok('keys.set', { key: h.sim.key })
}
afterEach(() => h.stop())

function chatLedger() {
  const db = openAppDatabase(h.dataDir)
  try {
    return new UsageLedger(db).since().filter((e) => e.kind === 'chat')
  } finally {
    db.close()
  }
}

const retrying = (requestId: string) => h.ctx.parts.filter((p) => p.type === 'retrying' && p.requestId === requestId)

describe('automatic retries', () => {
  it('a 429 is retried after its Retry-After, announced, into the same row with exactly one usage row', async () => {
    await start()
    h.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1 })
    const begun = Date.now()
    const started = await h.ok('chat.send', { model: MODEL, content: 'Busy? [sim tokens=5]' })
    const done = await h.ctx.finished(started.requestId)
    expect(done.type).toBe('done')
    expect(Date.now() - begun).toBeGreaterThanOrEqual(1_000)
    const [announced, ...more] = retrying(started.requestId)
    expect(more).toHaveLength(0)
    expect(announced).toMatchObject({ retry: 1, delayMs: 1_000, error: { code: 'rate_limited' } })
    const conv = await h.ok('conversations.get', { id: started.conversationId })
    expect(conv.messages.map((m) => [m.role, m.status])).toEqual([['user', 'complete'], ['assistant', 'complete']])
    expect(chatLedger()).toHaveLength(1)
    expect(h.chatBodies()).toHaveLength(2)
  })

  it('gives up after maxRetries with the last error, and never retries what is not retryable', async () => {
    await start(2)
    h.sim.injectFault({ kind: 'status', status: 503, times: 3 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'Down? [sim tokens=5]' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended).toMatchObject({ type: 'error', error: { code: 'server', status: 503 } })
    expect(retrying(started.requestId).map((p) => p.type === 'retrying' && p.retry)).toEqual([1, 2])
    expect(chatLedger()).toHaveLength(0)

    const bad = await h.ok('chat.send', { conversationId: started.conversationId, model: 'gpt-4o', content: 'x' })
    expect(await h.ctx.finished(bad.requestId)).toMatchObject({ type: 'error', error: { code: 'invalid_input' } })
    expect(retrying(bad.requestId)).toHaveLength(0)
  })

  it('Stop during the wait cancels the retry: the reply ends stopped and nothing more is sent', async () => {
    await start()
    h.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 3 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'Wait [sim tokens=5]' })
    while (retrying(started.requestId).length === 0) await new Promise((r) => setTimeout(r, 10))
    expect(await h.ok('chat.stop', { requestId: started.requestId })).toEqual({ stopped: true })
    expect(await h.ctx.finished(started.requestId)).toMatchObject({ type: 'stopped' })
    await new Promise((r) => setTimeout(r, 3_200))
    expect(h.chatBodies()).toHaveLength(1)
  })
})
