/** Function calling through the core: options, exact ids, manual results, the round cap, citations. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CHAT_OPTIONS, type ChatOptions } from '../../../shared/domain'
import { optionsInput } from '../../../shared/contract/chat'
import { CoreHarness } from '../testing/core-harness'

let h: CoreHarness
const MODEL = 'mistral-small-latest'

beforeEach(async () => {
  h = await CoreHarness.start({ replyStyle: 'assistant' })
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

const weather = {
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}
const search = { name: 'search', description: 'Web search', parameters: { type: 'object', properties: { q: { type: 'string' } } } }
const withTools = (extra: Partial<ChatOptions> = {}): ChatOptions => ({ ...DEFAULT_CHAT_OPTIONS, tools: [weather, search], ...extra })

async function toolCallReply(content: string, options: ChatOptions = withTools()) {
  const started = await h.ok('chat.send', { model: MODEL, content, options: optionsInput(options) })
  const done = await h.ctx.finished(started.requestId)
  if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`)
  return { started, done }
}

describe('tool calls', () => {
  it('a manual round trip: calls stored with exact ids, one tool message per call, then the answer', async () => {
    const { started, done } = await toolCallReply('Use get_weather for Lyon please')
    expect(done.finishReason).toBe('tool_calls')
    const [call] = done.toolCalls ?? []
    expect(call).toMatchObject({ name: 'get_weather', arguments: '{"city":"Lyon"}', result: null })
    expect(call?.id).toMatch(/^[a-zA-Z0-9]{9}$/)
    // The request carried the tools as the spec names them, and nothing unset.
    const first = h.chatBodies()[0]!
    expect(first.tools).toEqual([
      { type: 'function', function: weather },
      { type: 'function', function: search },
    ])
    expect('tool_choice' in first).toBe(false)

    const answered = await h.ok('chat.submitToolResults', {
      messageId: started.assistantMessageId,
      results: [{ callId: call!.id, content: '{"temp": 18}' }],
    })
    expect(await h.ctx.finished(answered.requestId)).toMatchObject({ type: 'done', finishReason: 'stop' })
    const sent = h.chatBodies().at(-1)!.messages as unknown as Record<string, unknown>[]
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(sent[1]).toMatchObject({ content: '', tool_calls: [{ id: call!.id, type: 'function', function: { name: 'get_weather' } }] })
    expect(sent[2]).toMatchObject({ content: '{"temp": 18}', tool_call_id: call!.id, name: 'get_weather' })

    const conv = await h.ok('conversations.get', { id: started.conversationId })
    expect(conv.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant'])
    expect(conv.messages[2]?.parentId).toBe(started.assistantMessageId)
    expect(conv.messages[2]?.content).toContain('**get_weather** returned: {"temp": 18}')
    const details = await h.ok('chat.details', { conversationId: started.conversationId })
    expect(details[started.assistantMessageId]?.toolCalls).toEqual([{ ...call, result: '{"temp": 18}' }])
  })

  it('refuses results that do not answer each call exactly once, and a second answer', async () => {
    const { started, done } = await toolCallReply('Use get_weather and search')
    const [a, b] = done.toolCalls ?? []
    expect(b).toBeDefined()
    const submit = (results: { callId: string; content: string }[]) =>
      h.call('chat.submitToolResults', { messageId: started.assistantMessageId, results })
    const missing = await submit([{ callId: a!.id, content: 'x' }])
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!missing.ok && missing.error.message).toContain(`missing: ${b!.id}`)
    const twice = await submit([{ callId: a!.id, content: 'x' }, { callId: a!.id, content: 'y' }, { callId: b!.id, content: 'z' }])
    expect(!twice.ok && twice.error.message).toMatch(/given twice/)
    const ok = await submit([{ callId: a!.id, content: 'x' }, { callId: b!.id, content: 'y' }])
    expect(ok.ok).toBe(true)
    if (ok.ok) await h.ctx.finished(ok.value.requestId)
    const again = await submit([{ callId: a!.id, content: 'x' }, { callId: b!.id, content: 'y' }])
    expect(!again.ok && again.error.message).toMatch(/already answered/)
  })

  it('tool_choice and parallel_tool_calls reach the request; the round cap forces a text answer', async () => {
    const options = withTools({ toolChoice: 'any', parallelToolCalls: false, maxToolRounds: 1 })
    const { started, done } = await toolCallReply('Hello', options)
    expect(h.chatBodies()[0]).toMatchObject({ tool_choice: 'any', parallel_tool_calls: false })
    const call = done.toolCalls![0]!
    const next = await h.ok('chat.submitToolResults', { messageId: started.assistantMessageId, results: [{ callId: call.id, content: 'ok' }] })
    expect(await h.ctx.finished(next.requestId)).toMatchObject({ type: 'done', finishReason: 'stop' })
    // One round was allowed; with `any` the model would call again, so the cap sent `none`.
    expect(h.chatBodies().at(-1)).toMatchObject({ tool_choice: 'none' })
  })

  it('options are checked when saved: duplicate names, bad schemas, a choice naming no tool', async () => {
    const { started } = await toolCallReply('Hello', DEFAULT_CHAT_OPTIONS)
    const set = (options: ChatOptions) => h.call('chat.setOptions', { conversationId: started.conversationId, options: optionsInput(options) })
    const dup = await set(withTools({ tools: [weather, weather] }))
    expect(!dup.ok && dup.error.message).toMatch(/Two tools are named "get_weather"/)
    const bad = await set(withTools({ tools: [{ ...weather, parameters: { type: 'object', properties: { a: { type: 'strng' } } } }] }))
    expect(!bad.ok && bad.error.message).toMatch(/parameters of "get_weather" is not a valid JSON schema/)
    const named = await set(withTools({ toolChoice: { function: 'nope' } }))
    expect(!named.ok && named.error.message).toMatch(/names "nope"/)
    const badName = await h.call('chat.setOptions', {
      conversationId: started.conversationId,
      options: optionsInput(withTools({ tools: [{ ...weather, name: 'bad name!' }] })),
    })
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await h.ok('chat.setOptions', { conversationId: started.conversationId, options: optionsInput(withTools()) })).toEqual(withTools())
    expect(await h.ok('chat.getOptions', { conversationId: started.conversationId })).toEqual(withTools())
  })
})

describe('citations', () => {
  it('reference chunks after a source-map tool result resolve to their sources', async () => {
    const { started, done } = await toolCallReply('Use search for the news')
    const call = done.toolCalls![0]!
    const sources = { '0': { url: 'https://a.example', title: 'Alpha report', snippet: 'a' }, '1': { url: 'https://b.example', title: 'Beta' } }
    const next = await h.ok('chat.submitToolResults', {
      messageId: started.assistantMessageId,
      results: [{ callId: call.id, content: JSON.stringify(sources) }],
    })
    await h.ctx.finished(next.requestId)
    const details = (await h.ok('chat.details', { conversationId: started.conversationId }))[next.assistantMessageId]!
    const conv = await h.ok('conversations.get', { id: started.conversationId })
    const text = conv.messages.find((m) => m.id === next.assistantMessageId)!.content
    const refs = details.parts.filter((p) => p.type === 'reference')
    expect(refs.map((r) => r.type === 'reference' && r.ids)).toEqual([[0], [1]])
    // Each citation sits right after the sentence naming its source.
    for (const r of refs) if (r.type === 'reference') expect(text.slice(0, r.offset)).toMatch(/covers this topic$/)
    expect(details.sources).toEqual([
      { id: 0, title: 'Alpha report', url: 'https://a.example', snippet: 'a' },
      { id: 1, title: 'Beta', url: 'https://b.example', snippet: null },
    ])
  })
})
