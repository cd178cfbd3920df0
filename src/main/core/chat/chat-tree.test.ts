/** Versions and the message tree, end to end against the simulator: edit, regenerate, continue, select, delete. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StartedReply } from '../../../shared/domain'
import { CoreHarness } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'
const OTHER_MODEL = 'mistral-large-latest'

let h: CoreHarness
beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function done(started: StartedReply): Promise<StartedReply> {
  const end = await h.ctx.finished(started.requestId)
  if (end.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(end)}`)
  return started
}

const thread = async (id: string) => (await h.ok('conversations.get', { id })).messages
const code = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p
  return r.ok ? 'ok' : r.error?.code
}

/** u1 → a1 → u2 → a2 */
async function twoTurns() {
  const first = await done(await h.ok('chat.send', { model: MODEL, content: 'one [sim tokens=4]' }))
  const id = first.conversationId
  const second = await done(await h.ok('chat.send', { conversationId: id, model: MODEL, content: 'two [sim tokens=4]' }))
  return { id, first, second }
}

describe('chat.regenerate', () => {
  it('adds a version of a reply beside the old one, from the same history, possibly another model', async () => {
    const { id, first, second } = await twoTurns()
    const again = await done(await h.ok('chat.regenerate', { messageId: second.assistantMessageId, model: OTHER_MODEL }))
    expect(again).toMatchObject({ conversationId: id, userMessageId: null })
    expect(again.assistantMessageId).not.toBe(second.assistantMessageId)
    const body = h.chatBodies().at(-1)
    expect(body?.model).toBe(OTHER_MODEL)
    expect(body?.messages.map((m) => m.content)).toEqual(['one [sim tokens=4]', expect.stringMatching(/^Echo: one/), 'two [sim tokens=4]'])

    const messages = await thread(id)
    expect(messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.userMessageId, again.assistantMessageId])
    expect(messages[3]).toMatchObject({ model: OTHER_MODEL, status: 'complete', parentId: second.userMessageId })
    expect(messages[3]?.versionIds).toEqual([second.assistantMessageId, again.assistantMessageId])
    expect(messages[3]?.content).toBe(h.ctx.deltas(again.requestId).join(''))
    // Every row is kept; the count is of all of them.
    expect((await h.ok('conversations.get', { id })).messageCount).toBe(5)
  })

  it('works on a failed reply too, and refuses user messages, unknown ids and a streaming conversation', async () => {
    h.sim.injectFault({ kind: 'status', status: 500 })
    const failed = await h.ok('chat.send', { model: MODEL, content: 'fail [sim tokens=3]' })
    expect((await h.ctx.finished(failed.requestId)).type).toBe('error')
    await done(await h.ok('chat.regenerate', { messageId: failed.assistantMessageId }))
    expect(await code(h.call('chat.regenerate', { messageId: failed.userMessageId ?? '' }))).toBe('invalid_input')
    expect(await code(h.call('chat.regenerate', { messageId: 'missing' }))).toBe('not_found')
    const slow = await h.ok('chat.send', { conversationId: failed.conversationId, model: MODEL, content: 'slow [sim tokens=300 rate=50]' })
    expect(await code(h.call('chat.regenerate', { messageId: failed.assistantMessageId }))).toBe('invalid_input')
    await h.ok('chat.stop', { requestId: slow.requestId })
  })
})

describe('chat.edit', () => {
  it('adds a version of a user message with a reply to it; the old branch stays selectable', async () => {
    const { id, first, second } = await twoTurns()
    const edited = await done(await h.ok('chat.edit', { messageId: first.userMessageId ?? '', content: 'uno [sim tokens=4]' }))
    expect(h.chatBodies().at(-1)?.messages).toEqual([{ role: 'user', content: 'uno [sim tokens=4]' }])
    let messages = await thread(id)
    expect(messages.map((m) => m.id)).toEqual([edited.userMessageId, edited.assistantMessageId])
    expect(messages[0]).toMatchObject({ content: 'uno [sim tokens=4]', parentId: null, versionIds: [first.userMessageId, edited.userMessageId] })

    // Back to the first version: its thread comes back whole, down to its newest leaf.
    const back = await h.ok('messages.selectVersion', { id: first.userMessageId ?? '' })
    expect(back.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.userMessageId, second.assistantMessageId])
    messages = await thread(id)
    expect(messages.map((m) => m.id)).toEqual(back.messages.map((m) => m.id))
    // And sending continues the selected thread.
    const third = await done(await h.ok('chat.send', { conversationId: id, model: MODEL, content: 'three [sim tokens=3]' }))
    expect(h.chatBodies().at(-1)?.messages.map((m) => m.content.split(' ')[0])).toEqual(['one', 'Echo:', 'two', 'Echo:', 'three'])
    expect((await thread(id)).at(-2)).toMatchObject({ id: third.userMessageId, parentId: second.assistantMessageId })
  })

  it('edits a later message in place of the branch after it', async () => {
    const { id, first, second } = await twoTurns()
    const edited = await done(await h.ok('chat.edit', { messageId: second.userMessageId ?? '', content: 'deux [sim tokens=3]' }))
    expect((await thread(id)).map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, edited.userMessageId, edited.assistantMessageId])
    expect(h.chatBodies().at(-1)?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
  })

  it('refuses an assistant message and an unknown id', async () => {
    const { first } = await twoTurns()
    expect(await code(h.call('chat.edit', { messageId: first.assistantMessageId, content: 'x' }))).toBe('invalid_input')
    expect(await code(h.call('chat.edit', { messageId: 'missing', content: 'x' }))).toBe('not_found')
  })
})

describe('chat.continue', () => {
  it('continues a reply cut by max_tokens in the same row, emitting only the new text', async () => {
    const cut = await done(
      await h.ok('chat.send', { model: MODEL, content: 'Tell me more [sim tokens=30]', settings: { systemPrompt: '', params: { maxTokens: 5 } } }),
    )
    const [, before] = await thread(cut.conversationId)
    expect(before).toMatchObject({ finishReason: 'length', status: 'complete' })
    const prefix = before?.content ?? ''

    const more = await done(await h.ok('chat.continue', { messageId: cut.assistantMessageId }))
    expect(more).toMatchObject({ assistantMessageId: cut.assistantMessageId, userMessageId: null })
    const body = h.chatBodies().at(-1)
    expect(body?.messages.at(-1)).toEqual({ role: 'assistant', content: prefix, prefix: true })
    expect(body?.max_tokens).toBe(5)

    const added = h.ctx.deltas(more.requestId).join('')
    expect(added.length).toBeGreaterThan(0)
    // The simulator, like Mistral, starts its reply with the prefix; it is not repeated.
    expect(added.startsWith(prefix)).toBe(false)
    const [, after] = await thread(cut.conversationId)
    expect(after).toMatchObject({ id: cut.assistantMessageId, content: prefix + added, finishReason: 'length', status: 'complete' })
  })

  it('continues a stopped reply', async () => {
    const started = await h.ok('chat.send', { model: MODEL, content: 'long [sim tokens=40 rate=100]' })
    await sleep(150)
    await h.ok('chat.stop', { requestId: started.requestId })
    const more = await done(await h.ok('chat.continue', { messageId: started.assistantMessageId }))
    const [, row] = await thread(started.conversationId)
    expect(row?.finishReason).toBe('stop')
    expect(row?.content.endsWith(h.ctx.deltas(more.requestId).join(''))).toBe(true)
  })

  it('continues a reply whose stream dropped part-way, after the text that arrived', async () => {
    h.sim.injectFault({ kind: 'cut', afterChunks: 5 })
    const started = await h.ok('chat.send', { model: MODEL, content: 'cut me [sim tokens=40]' })
    await h.ctx.finished(started.requestId)
    const [, dropped] = await thread(started.conversationId)
    expect(dropped).toMatchObject({ status: 'error', error: { code: 'network' } })
    const more = await done(await h.ok('chat.continue', { messageId: started.assistantMessageId }))
    const [, row] = await thread(started.conversationId)
    expect(row).toMatchObject({ status: 'complete', error: null })
    expect(row?.content).toBe((dropped?.content ?? '') + h.ctx.deltas(more.requestId).join(''))
  })

  it('refuses a complete reply, a user message and an unknown id', async () => {
    const { first } = await twoTurns()
    expect(await code(h.call('chat.continue', { messageId: first.assistantMessageId }))).toBe('invalid_input')
    expect(await code(h.call('chat.continue', { messageId: first.userMessageId ?? '' }))).toBe('invalid_input')
    expect(await code(h.call('chat.continue', { messageId: 'missing' }))).toBe('not_found')
  })
})

describe('chat.retry along the tree', () => {
  it('sends the path to the failed reply, not the other versions', async () => {
    const { id, second } = await twoTurns()
    await h.ok('chat.edit', { messageId: second.userMessageId ?? '', content: 'alt [sim tokens=3]' }).then(done)
    h.sim.injectFault({ kind: 'status', status: 503 })
    const failing = await h.ok('chat.regenerate', { messageId: second.assistantMessageId })
    expect((await h.ctx.finished(failing.requestId)).type).toBe('error')
    await done(await h.ok('chat.retry', { messageId: failing.assistantMessageId }))
    expect(h.chatBodies().at(-1)?.messages.map((m) => m.content.split(' ')[0])).toEqual(['one', 'Echo:', 'two'])
    expect((await thread(id)).at(-1)).toMatchObject({ id: failing.assistantMessageId, status: 'complete' })
  })
})

describe('messages.selectVersion and messages.delete', () => {
  it('selectVersion refuses an unknown id', async () => {
    expect(await code(h.call('messages.selectVersion', { id: 'missing' }))).toBe('not_found')
  })

  it('deleting a middle message re-attaches what followed it', async () => {
    const { id, first, second } = await twoTurns()
    const after = await h.ok('messages.delete', { id: second.userMessageId ?? '' })
    expect(after.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.assistantMessageId])
    expect(after.messages[2]?.parentId).toBe(first.assistantMessageId)
    expect(after.messageCount).toBe(3)
    expect(await code(h.call('messages.delete', { id: second.userMessageId ?? '' }))).toBe('not_found')
    expect(await thread(id)).toEqual(after.messages)
  })

  it('deleting the last reply moves the thread to the newest leaf under its parent', async () => {
    const { first, second } = await twoTurns()
    const again = await done(await h.ok('chat.regenerate', { messageId: second.assistantMessageId }))
    let after = await h.ok('messages.delete', { id: again.assistantMessageId })
    expect(after.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.userMessageId, second.assistantMessageId])
    expect(after.messages[3]?.versionIds).toEqual([second.assistantMessageId])
    after = await h.ok('messages.delete', { id: second.assistantMessageId })
    expect(after.messages.map((m) => m.id)).toEqual([first.userMessageId, first.assistantMessageId, second.userMessageId])
    after = await h.ok('messages.delete', { id: first.userMessageId ?? '' })
    expect(after.messages.map((m) => m.id)).toEqual([first.assistantMessageId, second.userMessageId])
  })

  it('refuses to delete while the conversation streams', async () => {
    const { id, first } = await twoTurns()
    const slow = await h.ok('chat.send', { conversationId: id, model: MODEL, content: 'slow [sim tokens=300 rate=50]' })
    const refused = await h.call('messages.delete', { id: first.userMessageId ?? '' })
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/still streaming/) })
    await h.ok('chat.stop', { requestId: slow.requestId })
    expect((await h.ok('messages.delete', { id: slow.assistantMessageId })).messages.at(-1)?.id).toBe(slow.userMessageId)
  })
})
