/** The automatic title of a new conversation, against the simulator (which answers "Echo: …"). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../schema'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { CoreHarness } from '../testing/core-harness'
import { cleanTitle, TITLE_INSTRUCTION } from './title-service'

const MODEL = 'mistral-small-latest'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('cleanTitle', () => {
  it('keeps the first line, without labels, quotes, markdown or end punctuation', () => {
    expect(cleanTitle('"Paris Café Recommendations."')).toBe('Paris Café Recommendations')
    expect(cleanTitle('Title: **Rust lifetimes explained**\nMore text')).toBe('Rust lifetimes explained')
    expect(cleanTitle('\n  « Les impôts en France » !\n')).toBe('Les impôts en France')
    expect(cleanTitle('# Heading…')).toBe('Heading')
    expect(cleanTitle('  "" ')).toBeNull()
    expect(cleanTitle('')).toBeNull()
    expect(cleanTitle('word '.repeat(40))?.length).toBeLessThanOrEqual(61)
  })
})

describe('automatic title', () => {
  let h: CoreHarness
  beforeEach(async () => {
    h = await CoreHarness.start()
    await h.ok('keys.set', { key: h.sim.key })
  })
  afterEach(() => h.stop())

  const ledger = () => {
    const db = openAppDatabase(h.dataDir)
    try {
      return new UsageLedger(db).since()
    } finally {
      db.close()
    }
  }

  it('asks the same model once after the first reply, stores it, records its cost and tells the caller', async () => {
    // No [sim tokens] directive: the transcript would carry it into the title call too.
    const started = await h.ok('chat.send', { model: MODEL, content: 'Where to eat in Lyon?' })
    await h.ctx.finished(started.requestId)
    const changed = await h.ctx.changed(started.conversationId)
    expect(changed.title).toMatch(/^Echo: User: Where to eat in Lyon/)
    expect(changed.title).not.toMatch(/[.!?,;:]$/)
    expect(await h.ok('conversations.get', { id: started.conversationId })).toMatchObject({ title: changed.title })

    const [request, ...others] = h.titleBodies()
    expect(others).toHaveLength(0)
    expect(request).toMatchObject({ model: MODEL, stream: false, max_tokens: expect.any(Number) })
    expect(Object.keys(request ?? {}).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream'])
    expect(request?.messages[0]).toEqual({ role: 'system', content: TITLE_INSTRUCTION })
    expect(request?.messages[1]?.content).toMatch(/^User: Where to eat in Lyon\?\n\nAssistant: Echo: Where/)

    const title = ledger().find((e) => e.kind === 'title')
    expect(title).toMatchObject({ model: MODEL, conversationId: started.conversationId, priceSource: expect.stringMatching(/^catalog:/) })
    expect(title?.completionTokens).toBeGreaterThan(0)
    expect(Number.isInteger(title?.costMicroUsd)).toBe(true)

    // Later replies do not retitle.
    const next = await h.ok('chat.send', { conversationId: started.conversationId, model: MODEL, content: 'And in Paris? [sim tokens=3]' })
    await h.ctx.finished(next.requestId)
    await sleep(100)
    expect(h.titleBodies()).toHaveLength(1)
  })

  it('keeps the first words, silently, when the title call fails', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'Keep my words [sim tokens=20 rate=100]' })
    while (h.ctx.deltas(started.requestId).length === 0) await sleep(5)
    // The stream is under way, so this fault is for the next call: the title.
    h.sim.injectFault({ kind: 'status', status: 500 })
    expect((await h.ctx.finished(started.requestId)).type).toBe('done')
    while (h.titleBodies().length === 0) await sleep(5)
    await sleep(100)
    expect((await h.ok('conversations.get', { id: started.conversationId })).title).toBe('Keep my words [sim tokens=20 rate=100]')
    expect(h.ctx.changes).toEqual([])
    expect(h.ctx.events.filter((e) => e.type === 'error')).toEqual([])
    expect(h.logger.lines.some((l) => l.startsWith('warn Could not generate a title'))).toBe(true)
    expect(ledger().filter((e) => e.kind === 'title')).toEqual([])
  })

  it('never replaces a title the user gave, even while the call is running', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'Rename me [sim tokens=20 rate=100]' })
    await h.ok('conversations.rename', { id: started.conversationId, title: 'My name' })
    await h.ctx.finished(started.requestId)
    while (h.titleBodies().length === 0) await sleep(5)
    await sleep(100)
    expect((await h.ok('conversations.get', { id: started.conversationId })).title).toBe('My name')
    expect(h.ctx.changes).toEqual([])
  })

  it('titles a first reply that failed once it is retried, but not a failed one', async () => {
    h.sim.injectFault({ kind: 'status', status: 503 })
    const failed = await h.ok('chat.send', { model: MODEL, content: 'Try again [sim tokens=3]' })
    expect((await h.ctx.finished(failed.requestId)).type).toBe('error')
    await sleep(50)
    expect(h.titleBodies()).toHaveLength(0)
    const again = await h.ok('chat.retry', { messageId: failed.assistantMessageId })
    await h.ctx.finished(again.requestId)
    expect((await h.ctx.changed(failed.conversationId)).title).toMatch(/^Echo: User: Try/)
  })

  it('a title call still running at close() is dropped without an error', async () => {
    await h.stop()
    h = await CoreHarness.start()
    await h.ok('keys.set', { key: h.sim.key })
    // The title call is slow: its reply waits for the same rate as the message's directive.
    const started = await h.ok('chat.send', { model: MODEL, content: 'Slow title [sim tokens=30 rate=200]' })
    await h.ctx.finished(started.requestId)
    while (h.titleBodies().length === 0) await sleep(5)
    h.restart()
    await sleep(50)
    expect(h.logger.lines.filter((l) => l.startsWith('error'))).toEqual([])
    expect((await h.ok('conversations.get', { id: started.conversationId })).title).toBe('Slow title [sim tokens=30 rate=200]')
  })
})
