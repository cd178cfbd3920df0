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
