/** chat.send / stop and error paths, end to end against the Mistral simulator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../schema'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { AUTH_MESSAGE, NO_KEY_MESSAGE } from '../kernel/mistral/errors'
import { CoreHarness } from '../testing/core-harness'
import { RecordingContext } from '../testing/doubles'

const MODEL = 'mistral-small-latest'
let h: CoreHarness

beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function assistantRow(conversationId: string) {
  const conv = await h.ok('conversations.get', { id: conversationId })
  const row = conv.messages.find((m) => m.role === 'assistant')
  if (!row) throw new Error('no assistant row')
  return row
}

/** The chat rows of the ledger (a new conversation's title call adds a 'title' row in the background). */
function readLedger() {
  const db = openAppDatabase(h.dataDir)
  try {
    return new UsageLedger(db).since().filter((e) => e.kind === 'chat')
  } finally {
    db.close()
  }
}

describe('chat.send', () => {
  it('streams coalesced deltas whose concatenation is the stored reply, and records usage', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'Hello there [sim tokens=60 rate=400]' })
    expect(started.userMessageId).toBeTruthy()

    const done = await h.ctx.finished(started.requestId)
    expect(done).toMatchObject({ type: 'done', finishReason: 'stop', messageId: started.assistantMessageId })
    const deltas = h.ctx.deltas(started.requestId)
    const row = await assistantRow(started.conversationId)
    expect(row).toMatchObject({ id: started.assistantMessageId, status: 'complete', finishReason: 'stop', model: MODEL })
    expect(row.content.startsWith('Echo: Hello there')).toBe(true)
    expect(deltas.join('')).toBe(row.content)
    // 60 tokens over ~150 ms, one event per ~24 ms: coalesced, not one per token.
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.length).toBeLessThan(30)

    const usage = done.type === 'done' ? done.usage : null
    expect(usage?.completionTokens).toBe(60)
    const [entry, ...rest] = readLedger()
    expect(rest).toHaveLength(0)
    expect(entry).toMatchObject({
      kind: 'chat',
      model: MODEL,
      promptTokens: usage?.promptTokens,
      completionTokens: 60,
      conversationId: started.conversationId,
      messageId: started.assistantMessageId,
      requestId: started.requestId,
      priceSource: expect.stringMatching(/^catalog:/),
    })
    expect(Number.isInteger(entry?.costMicroUsd)).toBe(true)
  })

  it('creates a conversation titled by its first words, then continues it along the thread', async () => {
    const first = await h.ok('chat.send', { model: MODEL, content: 'First question about the coalescer [sim tokens=5]' })
    expect((await h.ok('conversations.get', { id: first.conversationId })).title).toBe('First question about the coalescer [sim tokens=5]')
    await h.ctx.finished(first.requestId)
    const second = await h.ok('chat.send', { conversationId: first.conversationId, model: MODEL, content: 'Second [sim tokens=5]' })
    expect(second.conversationId).toBe(first.conversationId)
    await h.ctx.finished(second.requestId)
    const [summary] = await h.ok('conversations.list', {})
    expect(summary).toMatchObject({ id: first.conversationId, messageCount: 4 })
    const body = h.chatBodies().at(-1)
    // Only spec-listed fields: unknown ones get a 422 from Mistral.
    expect(Object.keys(body ?? {}).sort()).toEqual(['messages', 'model', 'stream'])
    expect(body?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    const conversation = await h.ok('conversations.get', { id: first.conversationId })
    expect(conversation.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.userMessageId, second.assistantMessageId])
    expect(conversation.messages.map((m) => m.parentId)).toEqual([null, first.userMessageId, first.assistantMessageId, second.userMessageId])
    expect(conversation).toMatchObject({ systemPrompt: '', params: {} })
  })

  it('writes the partial reply to SQLite while streaming', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'slow [sim tokens=200 rate=40]' })
    await sleep(700)
    const row = await assistantRow(started.conversationId)
    expect(row.status).toBe('streaming')
    expect(row.content.startsWith('Echo: slow')).toBe(true)
    await h.ok('chat.stop', { requestId: started.requestId })
  })

  it('without a key fails with no_key and creates nothing', async () => {
    await h.ok('keys.delete', {})
    const result = await h.call('chat.send', { model: MODEL, content: 'hi' })
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'no_key', message: NO_KEY_MESSAGE }) })
    expect(await h.ok('conversations.list', {})).toEqual([])
  })

  it('refuses a second reply while one is streaming in the same conversation', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'slow [sim tokens=200 rate=40]' })
    const second = await h.call('chat.send', { conversationId: started.conversationId, model: MODEL, content: 'again' })
    expect(second.ok ? null : second.error.code).toBe('invalid_input')
    await h.ok('chat.stop', { requestId: started.requestId })
  })
})

describe('chat.stop', () => {
  it('keeps the partial text with status stopped and emits stopped after the last delta', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'stop me [sim tokens=400 rate=50]' })
    await sleep(500)
    expect(await h.ok('chat.stop', { requestId: started.requestId })).toEqual({ stopped: true })
    const events = h.ctx.events.filter((e) => e.requestId === started.requestId)
    expect(events.at(-1)?.type).toBe('stopped')
    const row = await assistantRow(started.conversationId)
    expect(row.status).toBe('stopped')
    expect(row.content.length).toBeGreaterThan(0)
    expect(h.ctx.deltas(started.requestId).join('')).toBe(row.content)
    // Nothing arrives after the stop, and a second stop is a no-op.
    await sleep(200)
    expect(h.ctx.events.filter((e) => e.requestId === started.requestId)).toHaveLength(events.length)
    expect((await assistantRow(started.conversationId)).content).toBe(row.content)
    expect(await h.ok('chat.stop', { requestId: started.requestId })).toEqual({ stopped: false })
    expect(readLedger()).toMatchObject([{ estimated: true, requestId: started.requestId }])
  })

  it('stops the streams of a caller that goes away', async () => {
    const other = new RecordingContext()
    const started = await h.ok('chat.send', { model: MODEL, content: 'bye [sim tokens=400 rate=50]' }, other)
    await sleep(300)
    other.close()
    expect((await assistantRow(started.conversationId)).status).toBe('stopped')
  })
})

describe('chat errors', () => {
  it('429 → rate_limited with retryAfterMs, stored on the row', async () => {
    h.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 3 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'hi' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended.type === 'error' && ended.error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 3000 })
    const row = await assistantRow(started.conversationId)
    expect(row).toMatchObject({ status: 'error', error: { code: 'rate_limited', retryAfterMs: 3000 } })
  })

  it('500 → server, retryable', async () => {
    h.sim.injectFault({ kind: 'status', status: 500 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'hi' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended.type === 'error' && ended.error).toMatchObject({ code: 'server', retryable: true, status: 500 })
  })

  it('a cut stream → network error, partial text kept', async () => {
    h.sim.injectFault({ kind: 'cut', afterChunks: 5 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'cut me [sim tokens=50]' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended.type === 'error' && ended.error).toMatchObject({ code: 'network', retryable: true })
    const row = await assistantRow(started.conversationId)
    expect(row.status).toBe('error')
    expect(row.content.startsWith('Echo: cut me')).toBe(true)
    expect(h.ctx.deltas(started.requestId).join('')).toBe(row.content)
  })

  it('a wrong key → auth', async () => {
    await h.stop()
    h = await CoreHarness.start({ envApiKey: 'not-the-right-key-1234' })
    const started = await h.ok('chat.send', { model: MODEL, content: 'hi' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended.type === 'error' && ended.error).toMatchObject({ code: 'auth', message: AUTH_MESSAGE })
  })

  it('no first token within the idle timeout → network error', async () => {
    await h.stop()
    h = await CoreHarness.start({ core: { timing: { idleTimeoutMs: 200 } } })
    await h.ok('keys.set', { key: h.sim.key })
    h.sim.injectFault({ kind: 'slow-first-token', delayMs: 2000 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'hi' })
    const ended = await h.ctx.finished(started.requestId)
    expect(ended.type === 'error' && ended.error).toMatchObject({ code: 'network', message: expect.stringMatching(/stopped responding/) })
  })
})
