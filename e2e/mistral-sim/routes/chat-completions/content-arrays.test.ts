// Conformance of the rich replies of POST /v1/chat/completions: thinking chunks,
// tool calls, references, structured output and the demo answers, each through
// the official SDK (its streaming parser included) and against the spec.
import { describe, expect, it } from 'vitest'
import { chatBody, MODEL, spec, sseData, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()
const REASONING = 'magistral-small-latest'

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
    },
  },
}
const time = { type: 'function' as const, function: { name: 'get_time', description: 'Time now', parameters: { type: 'object', properties: {} } } }

async function streamed(request: Parameters<typeof t.sdk.chat.stream>[0]) {
  const events = []
  for await (const event of await t.sdk.chat.stream(request)) events.push(event.data)
  return events
}

async function rawStream(body: object) {
  const res = await t.api('/v1/chat/completions', { body: { ...body, stream: true } })
  expect(res.status).toBe(200)
  const data = await sseData(res)
  expect(data.pop()).toBe('[DONE]')
  const chunks = data.map((d) => JSON.parse(d) as Record<string, unknown>)
  for (const chunk of chunks) expect(spec.response('POST', '/v1/chat/completions', 200, 'text/event-stream', { data: chunk })).toEqual([])
  return chunks
}

describe('reasoning models: thinking chunks', () => {
  it('complete: content is [thinking, text], valid against the spec and the SDK', async () => {
    const body = { model: REASONING, messages: [{ role: 'user' as const, content: 'Why is the sky blue?' }] }
    const reply = await t.sdk.chat.complete(body)
    const content = reply.choices[0]?.message?.content
    expect(Array.isArray(content)).toBe(true)
    const chunks = content as { type: string }[]
    expect(chunks.map((c) => c.type)).toEqual(['thinking', 'text'])
    const raw = (await (await t.api('/v1/chat/completions', { body })).json()) as object
    expect(spec.response('POST', '/v1/chat/completions', 200, 'application/json', raw)).toEqual([])
  })

  it('stream: thinking chunks first, then text strings; the SDK parses both', async () => {
    const body = { model: REASONING, messages: [{ role: 'user' as const, content: 'Why is the sky blue?' }] }
    const events = await streamed(body)
    const contents = events.slice(1).map((e) => e.choices[0]?.delta.content)
    const firstText = contents.findIndex((c) => typeof c === 'string' && c !== '')
    expect(firstText).toBeGreaterThan(0)
    for (const c of contents.slice(0, firstText)) {
      expect(Array.isArray(c) && c[0]?.type).toBe('thinking')
    }
    const thinking = contents
      .slice(0, firstText)
      .flatMap((c) => (Array.isArray(c) ? c : []))
      .flatMap((c) => (c.type === 'thinking' ? c.thinking : []))
      .map((part) => ('text' in part ? part.text : ''))
      .join('')
    expect(thinking).toMatch(/^The user asks about "Why is the sky blue"/)
    const full = await t.sdk.chat.complete(body)
    const answer = (full.choices[0]?.message?.content as { type: string; text?: string }[]).find((c) => c.type === 'text')
    expect(contents.slice(firstText).join('')).toBe(answer?.text)
    await rawStream(body)
  })
})

describe('function calling', () => {
  it('a prompt that names a tool gets a call: exact 9-char id, schema-shaped arguments, finish tool_calls', async () => {
    const request = { ...chatBody('What is the weather in Lyon? Use get_weather.'), tools: [weather, time] }
    const reply = await t.sdk.chat.complete(request)
    const choice = reply.choices[0]
    expect(choice?.finishReason).toBe('tool_calls')
    const calls = choice?.message?.toolCalls ?? []
    expect(calls).toHaveLength(1)
    expect(calls[0]?.id).toMatch(/^[a-zA-Z0-9]{9}$/)
    expect(calls[0]?.function.name).toBe('get_weather')
    expect(JSON.parse(String(calls[0]?.function.arguments))).toEqual({ city: 'Lyon', unit: 'celsius' })

    const events = await streamed(request)
    const withCalls = events.filter((e) => e.choices[0]?.delta.toolCalls)
    // Mistral sends each call whole in one chunk, with the finish reason (observed).
    expect(withCalls).toHaveLength(1)
    expect(withCalls[0]?.choices[0]?.finishReason).toBe('tool_calls')
    expect(withCalls[0]?.choices[0]?.delta.toolCalls?.[0]?.id).toBe(calls[0]?.id)
    await rawStream(request)
  })

  it('tool_choice any forces a call; none forbids one; a named function is the one called; parallel off keeps one', async () => {
    const any = await t.sdk.chat.complete({ ...chatBody('Hello'), tools: [weather, time], toolChoice: 'any' })
    expect(any.choices[0]?.message?.toolCalls?.map((c) => c.function.name)).toEqual(['get_weather'])
    const none = await t.sdk.chat.complete({ ...chatBody('Use get_weather'), tools: [weather], toolChoice: 'none' })
    expect(none.choices[0]?.finishReason).toBe('stop')
    const named = await t.sdk.chat.complete({
      ...chatBody('Hello'),
      tools: [weather, time],
      toolChoice: { type: 'function', function: { name: 'get_time' } },
    })
    expect(named.choices[0]?.message?.toolCalls?.map((c) => c.function.name)).toEqual(['get_time'])
    const both = 'Use get_weather and get_time'
    const parallel = await t.sdk.chat.complete({ ...chatBody(both), tools: [weather, time] })
    expect(parallel.choices[0]?.message?.toolCalls).toHaveLength(2)
    const single = await t.sdk.chat.complete({ ...chatBody(both), tools: [weather, time], parallelToolCalls: false })
    expect(single.choices[0]?.message?.toolCalls).toHaveLength(1)
  })

  it('after the tool results the model answers with them', async () => {
    const first = await t.sdk.chat.complete({ ...chatBody('Use get_weather for Paris'), tools: [weather] })
    const call = first.choices[0]?.message?.toolCalls?.[0]
    const reply = await t.sdk.chat.complete({
      model: MODEL,
      tools: [weather],
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        { role: 'assistant', content: '', toolCalls: [{ id: call?.id ?? '', type: 'function', function: call!.function }] },
        { role: 'tool', content: '{"temp": 18, "sky": "clear"}', toolCallId: call?.id ?? '', name: 'get_weather' },
      ],
    })
    expect(reply.choices[0]?.finishReason).toBe('stop')
    expect(reply.choices[0]?.message?.content).toContain('**get_weather** returned: {"temp": 18, "sky": "clear"}')
  })
})

describe('citations', () => {
  it('sources in a tool result are cited with reference chunks, streamed and whole', async () => {
    const sources = { '0': { url: 'https://a.example', title: 'Alpha report' }, '1': { url: 'https://b.example', title: 'Beta notes' } }
    const body = {
      model: MODEL,
      messages: [
        { role: 'user' as const, content: 'Summarise with sources' },
        { role: 'assistant' as const, content: '', tool_calls: [{ id: 'abcDEF123', type: 'function', function: { name: 'search', arguments: '{}' } }] },
        { role: 'tool' as const, content: JSON.stringify(sources), tool_call_id: 'abcDEF123' },
      ],
    }
    const res = await t.api('/v1/chat/completions', { body })
    const json = (await res.json()) as { choices: { message: { content: { type: string; reference_ids?: unknown[] }[] } }[] }
    expect(spec.response('POST', '/v1/chat/completions', 200, 'application/json', json)).toEqual([])
    const refs = json.choices[0]?.message.content.filter((c) => c.type === 'reference').map((c) => c.reference_ids)
    expect(refs).toEqual([[0], [1]])

    const chunks = await rawStream(body)
    const streamedRefs = chunks.flatMap((c) => {
      const content = (c.choices as { delta: { content?: unknown } }[])[0]?.delta.content
      return Array.isArray(content) ? content.map((x: { reference_ids?: unknown }) => x.reference_ids) : []
    })
    expect(streamedRefs).toEqual([[0], [1]])
  })
})

describe('structured output', () => {
  it('json_schema: the reply parses and fits the schema', async () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, authors: { type: 'array', items: { type: 'string' } } },
      required: ['name', 'authors'],
      additionalProperties: false,
    }
    const reply = await t.sdk.chat.complete({
      ...chatBody('A book about the sea'),
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'book', schemaDefinition: schema, strict: true } },
    })
    const value = JSON.parse(String(reply.choices[0]?.message?.content)) as { name: string; authors: string[] }
    expect(value.name).toBe('A book about the sea')
    expect(value.authors).toHaveLength(2)
    const obj = await t.sdk.chat.complete({ ...chatBody('Give JSON'), responseFormat: { type: 'json_object' } })
    expect(JSON.parse(String(obj.choices[0]?.message?.content))).toEqual({ answer: 'Give JSON' })
  })
})

describe('unknown chunk types', () => {
  it('[sim chunk=TYPE] sends a chunk the spec lacks; the SDK keeps it as an unknown chunk', async () => {
    const events = await streamed(chatBody('Hi [sim chunk=hologram]'))
    const unknown = events.flatMap((e) => {
      const c = e.choices[0]?.delta.content
      return Array.isArray(c) ? c : []
    })
    expect(unknown).toHaveLength(1)
    expect(unknown[0]).toMatchObject({ isUnknown: true, raw: { type: 'hologram' } })
  })
})

describe('demo replies', () => {
  it('read like an answer: deterministic, topical, never echo filler', async () => {
    const ask = (q: string) => t.sdk.chat.complete(chatBody(q)).then((r) => String(r.choices[0]?.message?.content))
    const table = await ask('Compare the small and large models in a table')
    expect(table).toContain('| Option | Strengths | Trade-offs |')
    expect(await ask('Write a TypeScript function to chunk a list')).toContain('```ts')
    expect(await ask('Show me the quadratic formula math')).toContain('$$')
    const general = await ask('What makes a good team?')
    expect(general).not.toMatch(/Echo|cobalt|thunder/)
    expect(await ask('What makes a good team?')).toBe(general)
  })

  it('a title request gets a short title from the first user message', async () => {
    const reply = await t.sdk.chat.complete({
      model: MODEL,
      messages: [
        { role: 'system', content: 'Reply with a title of at most 6 words for this conversation, no quotes.' },
        { role: 'user', content: 'User: Where to eat in Lyon tonight?\n\nAssistant: Try a bouchon.' },
      ],
    })
    expect(reply.choices[0]?.message?.content).toBe('Where eat Lyon tonight')
  })
})
