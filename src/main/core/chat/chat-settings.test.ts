/** System prompt, parameters and the context window, checked on the wire against the simulator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatParams } from '../../../shared/domain'
import { estimateMessagesTokens } from '../../../shared/tokens'
import { CoreHarness, type ChatBody } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'

let h: CoreHarness
beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

function lastBody(): ChatBody {
  const body = h.chatBodies().at(-1)
  if (!body) throw new Error('no streamed chat request')
  return body
}

const ALL: Required<ChatParams> = {
  temperature: 0.3,
  topP: 0.9,
  maxTokens: 50,
  randomSeed: 42,
  safePrompt: true,
  stop: ['\n\nUser:'],
  presencePenalty: 0.1,
  frequencyPenalty: -0.2,
}

describe('conversation settings on the wire', () => {
  it('sends the system prompt first and exactly the parameters that are set, in snake_case', async () => {
    const started = await h.ok('chat.send', {
      model: MODEL,
      content: 'hi [sim tokens=5]',
      settings: { systemPrompt: 'You are terse.', params: ALL },
    })
    expect((await h.ctx.finished(started.requestId)).type).toBe('done')
    const body = lastBody()
    expect(Object.keys(body).sort()).toEqual(
      ['frequency_penalty', 'max_tokens', 'messages', 'model', 'presence_penalty', 'random_seed', 'safe_prompt', 'stop', 'stream', 'temperature', 'top_p'].sort(),
    )
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 50,
      random_seed: 42,
      safe_prompt: true,
      stop: ['\n\nUser:'],
      presence_penalty: 0.1,
      frequency_penalty: -0.2,
    })
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'hi [sim tokens=5]' },
    ])
    const conversation = await h.ok('conversations.get', { id: started.conversationId })
    expect(conversation).toMatchObject({ systemPrompt: 'You are terse.', params: ALL })
  })

  it('updateSettings applies to the next request; settings on chat.send do not change an existing conversation', async () => {
    const first = await h.ok('chat.send', { model: MODEL, content: 'a [sim tokens=3]' })
    await h.ctx.finished(first.requestId)
    const id = first.conversationId
    const saved = await h.ok('conversations.updateSettings', { id, settings: { systemPrompt: 'Pirate.', params: { temperature: 0 } } })
    expect(saved).toEqual({ systemPrompt: 'Pirate.', params: { temperature: 0 } })
    const second = await h.ok('chat.send', {
      conversationId: id,
      model: MODEL,
      content: 'b [sim tokens=3]',
      settings: { systemPrompt: 'ignored', params: { topP: 0.5 } },
    })
    await h.ctx.finished(second.requestId)
    const body = lastBody()
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'stream', 'temperature'])
    expect(body.temperature).toBe(0)
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Pirate.' })
    // Regenerating uses the same settings.
    const again = await h.ok('chat.regenerate', { messageId: second.assistantMessageId })
    await h.ctx.finished(again.requestId)
    expect(h.chatBodies().at(-1)).toMatchObject({ temperature: 0, messages: [{ role: 'system', content: 'Pirate.' }, {}, {}, {}] })

    const missing = await h.call('conversations.updateSettings', { id: 'nope', settings: { systemPrompt: '', params: {} } })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
    const invalid = await h.call('conversations.updateSettings', { id, settings: { systemPrompt: '', params: { temperature: 3 } } })
    expect(invalid.ok ? null : invalid.error.code).toBe('invalid_input')
  })
})

describe('context window', () => {
  /** mistral-small-latest's window, as the simulator's /v1/models reports it. */
  async function windowOf(model: string): Promise<number> {
    const models = await h.ok('models.list', {})
    const card = models.find((m) => m.id === model || m.aliases.includes(model))
    if (!card) throw new Error(`no ${model}`)
    return card.maxContextLength
  }

  it('refuses an oversized send with too_large and stores nothing', async () => {
    const max = await windowOf(MODEL)
    const result = await h.call('chat.send', {
      model: MODEL,
      content: 'hi',
      settings: { systemPrompt: '', params: { maxTokens: max } },
    })
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(new RegExp(`longer than ${MODEL}'s context window \\(~\\d+ of ${max} tokens\\)\\. Trim the oldest turns to send\\.`)),
    })
    expect(await h.ok('conversations.list', {})).toEqual([])
    expect(h.chatBodies()).toEqual([])
  })

  it('with trimToFit drops the oldest turns but stores the whole thread', async () => {
    const max = await windowOf(MODEL)
    const long = (tag: string) => `${tag} ${'x'.repeat(700)} [sim tokens=3]`
    const first = await h.ok('chat.send', { model: MODEL, content: long('q1') })
    await h.ctx.finished(first.requestId)
    const id = first.conversationId
    const second = await h.ok('chat.send', { conversationId: id, model: MODEL, content: long('q2') })
    await h.ctx.finished(second.requestId)
    // Leave room for about one and a half long turns besides the reply budget.
    const room = Math.ceil(estimateMessagesTokens([{ content: long('qq') }]) * 1.5)
    await h.ok('conversations.updateSettings', { id, settings: { systemPrompt: 'Sys.', params: { maxTokens: max - room } } })

    const refused = await h.call('chat.send', { conversationId: id, model: MODEL, content: long('q3') })
    expect(refused.ok ? null : refused.error.code).toBe('too_large')
    expect((await h.ok('conversations.get', { id })).messageCount).toBe(4)

    const trimmed = await h.ok('chat.send', { conversationId: id, model: MODEL, content: long('q3'), trimToFit: true })
    expect((await h.ctx.finished(trimmed.requestId)).type).toBe('done')
    expect(h.chatBodies().at(-1)?.messages.map((m) => m.content.split(' ')[0])).toEqual(['Sys.', 'q3'])
    expect((await h.ok('conversations.get', { id })).messages).toHaveLength(6)
  })

  it('edit is checked the same way', async () => {
    const max = await windowOf(MODEL)
    const first = await h.ok('chat.send', { model: MODEL, content: 'short [sim tokens=3]', settings: { systemPrompt: '', params: { maxTokens: max - 20 } } })
    await h.ctx.finished(first.requestId)
    const edited = await h.call('chat.edit', { messageId: first.userMessageId ?? '', content: 'y'.repeat(200) })
    expect(edited.ok ? null : edited.error.code).toBe('too_large')
    const trimmedButTooBig = await h.call('chat.edit', { messageId: first.userMessageId ?? '', content: 'y'.repeat(200), trimToFit: true })
    expect(trimmedButTooBig.ok ? null : trimmedButTooBig.error.message).toMatch(/even without earlier turns/)
    expect((await h.ok('conversations.get', { id: first.conversationId })).messageCount).toBe(2)
  })
})
