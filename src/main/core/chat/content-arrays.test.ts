/** Content arrays end to end (core + simulator): thinking, citations and unknown chunk types. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CoreHarness } from '../testing/core-harness'

let h: CoreHarness

beforeEach(async () => {
  h = await CoreHarness.start({ replyStyle: 'assistant' })
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const REASONING = 'magistral-small-latest'

async function reply(conversationId: string, id: string) {
  const conv = await h.ok('conversations.get', { id: conversationId })
  return conv.messages.find((m) => m.id === id)!
}

describe('reasoning replies', () => {
  it('streams thinking on chat.parts, keeps it beside the answer, and leaves it out of the next request', async () => {
    const started = await h.ok('chat.send', { model: REASONING, content: 'Why is the sky blue? [sim rate=400]' })
    await h.ctx.finished(started.requestId)
    const thinking = h.ctx.parts.filter((p) => p.type === 'thinking' && p.requestId === started.requestId)
    expect(thinking.length).toBeGreaterThan(0)
    const thought = thinking.map((p) => (p.type === 'thinking' ? p.text : '')).join('')
    expect(thought).toMatch(/^The user asks about "Why is the sky blue"/)

    const row = await reply(started.conversationId, started.assistantMessageId)
    // Only the answer is the message text; the deltas carried nothing of the thinking.
    expect(row.content).not.toContain('The user asks')
    expect(h.ctx.deltas(started.requestId).join('')).toBe(row.content)
    const details = await h.ok('chat.details', { conversationId: started.conversationId })
    expect(details[row.id]?.parts).toEqual([{ type: 'thinking', text: thought }])

    const next = await h.ok('chat.send', { conversationId: started.conversationId, model: REASONING, content: 'And at sunset?' })
    await h.ctx.finished(next.requestId)
    const sent = h.chatBodies().at(-1)!.messages
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(sent[1]?.content).toBe(row.content)
  })
})

describe('unknown chunk types', () => {
  it('are kept as "unsupported" parts with their type, and the reply still completes', async () => {
    const started = await h.ok('chat.send', { model: 'mistral-small-latest', content: 'Hi [sim chunk=hologram]' })
    expect(await h.ctx.finished(started.requestId)).toMatchObject({ type: 'done', finishReason: 'stop' })
    expect(h.ctx.parts.map((p) => (p.type === 'part' ? p.part : null))).toEqual([{ type: 'unsupported', chunkType: 'hologram' }])
    const details = await h.ok('chat.details', { conversationId: started.conversationId })
    expect(details[started.assistantMessageId]?.parts).toEqual([{ type: 'unsupported', chunkType: 'hologram' }])
  })
})
