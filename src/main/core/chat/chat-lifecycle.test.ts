/** Retry, restart, crash recovery and the conversation channels, end to end against the simulator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../schema'
import { MessagesRepo } from '../conversations/messages-repo'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { CoreHarness } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'
let h: CoreHarness

beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function assistantRows(conversationId: string) {
  return (await h.ok('conversations.get', { id: conversationId })).messages.filter((m) => m.role === 'assistant')
}

function withDb<T>(fn: (db: ReturnType<typeof openAppDatabase>) => T): T {
  const db = openAppDatabase(h.dataDir)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

describe('chat.retry', () => {
  it('re-streams a failed reply into the same row', async () => {
    h.sim.injectFault({ kind: 'status', status: 503 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'retry me [sim tokens=8]' })
    expect((await h.ctx.finished(started.requestId)).type).toBe('error')

    const again = await h.ok('chat.retry', { messageId: started.assistantMessageId })
    expect(again).toMatchObject({ conversationId: started.conversationId, assistantMessageId: started.assistantMessageId, userMessageId: null })
    expect(again.requestId).not.toBe(started.requestId)
    expect((await h.ctx.finished(again.requestId)).type).toBe('done')
    const [row, ...others] = await assistantRows(started.conversationId)
    expect(others).toHaveLength(0)
    expect(row).toMatchObject({ id: started.assistantMessageId, status: 'complete', error: null })
    expect(row?.content).toBe(h.ctx.deltas(again.requestId).join(''))
    expect(row?.content.startsWith('Echo: retry me')).toBe(true)
    // The history sent for the retry ends with the user turn, not the failed reply.
    expect(h.chatBodies().at(-1)?.messages.map((m) => m.role)).toEqual(['user'])
  })

  it('re-streams a stopped reply, and refuses user messages, complete replies and unknown ids', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'long [sim tokens=400 rate=50]' })
    await sleep(200)
    await h.ok('chat.stop', { requestId: started.requestId })
    const again = await h.ok('chat.retry', { messageId: started.assistantMessageId })
    await h.ok('chat.stop', { requestId: again.requestId })

    const code = async (messageId: string) => {
      const r = await h.call('chat.retry', { messageId })
      return r.ok ? 'ok' : r.error.code
    }
    const done = await h.ok('chat.send', { conversationId: started.conversationId, model: MODEL, content: 'x [sim tokens=3]' })
    await h.ctx.finished(done.requestId)
    expect(await code(done.userMessageId ?? '')).toBe('invalid_input')
    expect(await code(done.assistantMessageId)).toBe('invalid_input')
    expect(await code('missing')).toBe('not_found')
  })
})

describe('restart and recovery', () => {
  it('keeps conversations and messages across a restart', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'remember me [sim tokens=6]' })
    await h.ctx.finished(started.requestId)
    await h.ctx.changed(started.conversationId) // the automatic title, so nothing changes after `before`
    const before = await h.ok('conversations.get', { id: started.conversationId })
    h.restart()
    expect(await h.ok('conversations.list', {})).toHaveLength(1)
    expect(await h.ok('conversations.get', { id: started.conversationId })).toEqual(before)
    // The key was in memory (no cipher), so the restarted session has none.
    expect((await h.ok('keys.status', {})).set).toBe(false)
  })

  it('a reply streaming at close() is saved as interrupted with its partial text, and can be retried', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'close me [sim tokens=100 rate=100]' })
    await sleep(400)
    h.restart()
    const [row] = await assistantRows(started.conversationId)
    expect(row?.status).toBe('interrupted')
    expect(row?.content.startsWith('Echo: close me')).toBe(true)
    await h.ok('keys.set', { key: h.sim.key })
    const again = await h.ok('chat.retry', { messageId: started.assistantMessageId })
    expect((await h.ctx.finished(again.requestId)).type).toBe('done')
  })

  it('a crash (rows left streaming) is recovered as interrupted at start-up', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'crash [sim tokens=3]' })
    await h.ctx.finished(started.requestId)
    h.core.close()
    withDb((db) => db.prepare("UPDATE messages SET status = 'streaming' WHERE id = ?").run(started.assistantMessageId))
    h.restart()
    expect(withDb((db) => new MessagesRepo(db).get(started.assistantMessageId)?.status)).toBe('interrupted')
  })
})

describe('conversation and model channels', () => {
  it('lists by activity, renames, deletes and keeps usage rows', async () => {
    const a = await h.ok('chat.send', { model: MODEL, content: 'alpha [sim tokens=3]' })
    await h.ctx.finished(a.requestId)
    await sleep(5)
    const b = await h.ok('chat.send', { model: MODEL, content: 'beta [sim tokens=3]' })
    await h.ctx.finished(b.requestId)
    expect((await h.ok('conversations.list', {})).map((c) => c.id)).toEqual([b.conversationId, a.conversationId])

    const renamed = await h.ok('conversations.rename', { id: a.conversationId, title: '  Alpha  ' })
    expect(renamed).toMatchObject({ id: a.conversationId, title: 'Alpha', messageCount: 2 })
    const missing = await h.call('conversations.rename', { id: 'nope', title: 'x' })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
    const gone = await h.call('conversations.get', { id: 'nope' })
    expect(gone.ok ? null : gone.error.code).toBe('not_found')

    expect(await h.ok('conversations.delete', { id: a.conversationId })).toEqual({ deleted: true })
    expect(await h.ok('conversations.delete', { id: a.conversationId })).toEqual({ deleted: false })
    expect((await h.ok('conversations.list', {})).map((c) => c.id)).toEqual([b.conversationId])
    const chatRows = withDb((db) => new UsageLedger(db).since().filter((e) => e.kind === 'chat'))
    expect(chatRows.map((e) => e.conversationId)).toEqual([a.conversationId, b.conversationId])
  })

  it('deleting a conversation stops its live reply', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'delete me [sim tokens=400 rate=50]' })
    await sleep(200)
    await h.ok('conversations.delete', { id: started.conversationId })
    expect((await h.ctx.finished(started.requestId)).type).toBe('stopped')
  })

  it('models.list returns deduplicated summaries and needs a key', async () => {
    const models = await h.ok('models.list', {})
    const small = models.find((m) => m.id === MODEL || m.aliases.includes(MODEL))
    expect(small?.capabilities.chat).toBe(true)
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length)
    expect(models.filter((m) => m.aliases.includes(MODEL))).toHaveLength(small?.id === MODEL ? 0 : 1)
    await h.ok('keys.delete', {})
    const r = await h.call('models.list', {})
    expect(r.ok ? null : r.error.code).toBe('no_key')
  })
})
