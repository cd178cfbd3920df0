/** conversations.search through dispatch(), as the hosts call it. */
import { describe, expect, it } from 'vitest'
import { harnessPerTest } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'

const start = harnessPerTest()

describe('conversations.search', () => {
  it('finds conversations by message text and title, diacritics folded, newest first', async () => {
    const core = await start()
    await core.ok('keys.set', { key: core.sim.key })
    const first = await core.ok('chat.send', { model: MODEL, content: 'Un café crème, please [sim tokens=3]' })
    await core.ctx.finished(first.requestId)
    const second = await core.ok('chat.send', { model: MODEL, content: 'Best cafe in town? [sim tokens=3]' })
    await core.ctx.finished(second.requestId)
    await Promise.all([core.ctx.changed(first.conversationId), core.ctx.changed(second.conversationId)])
    await core.ok('conversations.rename', { id: first.conversationId, title: 'Morning coffee' })

    const hits = await core.ok('conversations.search', { query: 'cafe' })
    expect(hits.map((hit) => hit.id)).toEqual([second.conversationId, first.conversationId])
    expect(hits[1]).toMatchObject({ title: 'Morning coffee', snippet: expect.stringContaining('\uE000café\uE001') })
    expect((await core.ok('conversations.search', { query: 'morn' })).map((hit) => [hit.id, hit.snippet])).toEqual([
      [first.conversationId, null],
    ])
    expect(await core.ok('conversations.search', { query: '"unbalanced AND (' })).toEqual([])
  })
})

describe('the history channels through dispatch', () => {
  it('page, pin, delete and restore a conversation, and find its message', async () => {
    const core = await start()
    await core.ok('keys.set', { key: core.sim.key })
    const first = await core.ok('chat.send', { model: MODEL, content: 'Flights to Lisbon [sim tokens=3]' })
    await core.ctx.finished(first.requestId)
    const second = await core.ok('chat.send', { model: MODEL, content: 'Something else [sim tokens=3]' })
    await core.ctx.finished(second.requestId)

    await core.ok('conversations.setPinned', { ids: [first.conversationId], pinned: true })
    const page = await core.ok('conversations.page', { limit: 1 })
    expect(page.items.map((c) => c.id)).toEqual([first.conversationId])
    const rest = await core.ok('conversations.page', { limit: 1, cursor: page.nextCursor ?? '' })
    expect(rest).toMatchObject({ items: [{ id: second.conversationId }], nextCursor: null })

    const found = await core.ok('conversations.searchMessages', { query: 'lisbon' })
    expect(found.groups).toMatchObject([{ id: first.conversationId, matchCount: 1, hits: [{ messageId: first.userMessageId, snippet: 'Flights to \uE000Lisbon\uE001 [sim tokens=3]' }] }])

    expect(await core.ok('conversations.deleteMany', { ids: [first.conversationId] })).toEqual({ deleted: 1 })
    expect((await core.ok('conversations.searchMessages', { query: 'lisbon' })).groups).toEqual([])
    expect(await core.ok('conversations.restore', { ids: [first.conversationId] })).toEqual({ restored: 1 })
    expect(await core.ok('conversations.matchesIn', { id: first.conversationId, query: 'lisbon' })).toEqual({
      messageIds: [first.userMessageId],
    })
    const bad = await core.call('conversations.page', { cursor: 'garbage' })
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input')
  })
})
