/** Stopped, cut and interrupted replies bill: a ledger row with the API's usage, or an `estimated` one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { openAppDatabase } from '../schema'
import { CoreHarness } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'
let h: CoreHarness

beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
function chatRows() {
  const db = openAppDatabase(h.dataDir)
  try {
    return new UsageLedger(db).since().filter((e) => e.kind === 'chat')
  } finally {
    db.close()
  }
}

describe('what a reply bills however it ends', () => {
  it('a complete reply records the API usage, not an estimate', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'hello [sim tokens=5]' })
    await h.ctx.finished(started.requestId)
    expect(chatRows()).toMatchObject([{ estimated: false, completionTokens: 5, messageId: started.assistantMessageId }])
  })

  it('a stopped reply records an estimated row with the tokens it streamed', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'long [sim tokens=400 rate=50]' })
    // Stop once text has arrived (a loaded machine may take a while to deliver the first chunk).
    for (let i = 0; i < 200 && h.ctx.deltas(started.requestId).length === 0; i++) await sleep(20)
    await h.ok('chat.stop', { requestId: started.requestId })
    const [row, ...more] = chatRows()
    expect(more).toEqual([])
    expect(row).toMatchObject({ estimated: true, requestId: started.requestId, conversationId: started.conversationId })
    expect(row!.promptTokens).toBeGreaterThan(3)
    expect(row!.completionTokens).toBeGreaterThan(0)
    expect(row!.costMicroUsd).not.toBeNull()
  })

  it('a stream cut before its last chunk records an estimated row', async () => {
    h.sim.injectFault({ kind: 'cut', afterChunks: 3 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'cut me [sim tokens=50]' })
    expect((await h.ctx.finished(started.requestId)).type).toBe('error')
    expect(chatRows()).toMatchObject([{ estimated: true, requestId: started.requestId }])
  })

  it('20 replies interrupted by closing the app leave 20 estimated rows', async () => {
    for (let i = 0; i < 20; i++) await h.ok('chat.send', { model: MODEL, content: `n${i} [sim tokens=400 rate=20]` })
    await sleep(300)
    h.restart()
    const rows = chatRows()
    expect(rows).toHaveLength(20)
    expect(rows.every((r) => r.estimated)).toBe(true)
  })

  it('a request refused before any chunk (503) bills nothing', async () => {
    h.sim.injectFault({ kind: 'status', status: 503 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'refused' })
    expect((await h.ctx.finished(started.requestId)).type).toBe('error')
    expect(chatRows()).toEqual([])
  })
})
