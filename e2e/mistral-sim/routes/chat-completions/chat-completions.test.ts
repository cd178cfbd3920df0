// Conformance of POST /v1/chat/completions: replies and streams pass the SDK
// and the spec, and requests are judged as the service does (422, then 400).
import { HTTPValidationError } from '@mistralai/mistralai/models/errors'
import { describe, expect, it } from 'vitest'
import { createSpecValidator } from '../../spec-validator'
import { chatBody, MODEL, RATELIMIT_HEADERS, sdkError, spec, sseData, useSimulator } from '../../testing/conformance-kit'

// The echo style: these tests compare replies with the prompt they echo.
const t = useSimulator({ replyStyle: 'echo' })

describe('POST /v1/chat/completions', () => {
  it('complete: passes the SDK and the spec (with the documented `data` quirk)', async () => {
    const reply = await t.sdk.chat.complete(chatBody('Say hello'))
    const choice = reply.choices[0]
    expect(choice?.finishReason).toBe('stop')
    expect(choice?.message?.role).toBe('assistant')
    expect(choice?.message?.content).toMatch(/^Echo: Say hello /)
    expect(reply.usage.completionTokens).toBe(40)
    expect(reply.usage.totalTokens).toBe((reply.usage.promptTokens ?? 0) + 40)

    const res = await t.api('/v1/chat/completions', { body: chatBody('Say hello') })
    const body = (await res.json()) as Record<string, unknown>
    expect(body.id).toMatch(/^[0-9a-f]{32}$/)
    expect(body.object).toBe('chat.completion')
    expect(spec.response('POST', '/v1/chat/completions', 200, 'application/json', body)).toEqual([])
    // Quirk: the published spec requires `data`, which the service never sends.
    expect('data' in body).toBe(false)
    const strict = createSpecValidator(false)
    expect(strict.response('POST', '/v1/chat/completions', 200, 'application/json', body).join()).toMatch(/data/)
    for (const name of RATELIMIT_HEADERS) expect(res.headers.get(name)).toMatch(/^\d+$/)
  })

  it('stream: role first, one token per chunk, usage only on the last, same text as complete', async () => {
    const request = chatBody('Tell me a story')
    const full = await t.sdk.chat.complete(request)

    const stream = await t.sdk.chat.stream(request)
    const chunks = []
    for await (const event of stream) chunks.push(event.data)
    expect(chunks.length).toBe(1 + 40)
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' })
    const last = chunks[chunks.length - 1]
    chunks.forEach((chunk, i) => {
      const isLast = i === chunks.length - 1
      expect(chunk.usage === undefined).toBe(!isLast)
      expect(chunk.choices[0]?.finishReason).toBe(isLast ? 'stop' : null)
    })
    expect(last?.usage).toEqual(full.usage)
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    expect(text).toBe(full.choices[0]?.message?.content)
  })

  it('stream: raw SSE matches the spec event schema and ends with [DONE]', async () => {
    const res = await t.api('/v1/chat/completions', { body: chatBody('Stream please', { stream: true }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    for (const name of RATELIMIT_HEADERS) expect(res.headers.has(name)).toBe(true)
    const data = await sseData(res)
    expect(data.pop()).toBe('[DONE]')
    data.forEach((payload, i) => {
      const chunk = JSON.parse(payload) as Record<string, unknown>
      // The spec's text/event-stream schema is CompletionEvent = { data: CompletionChunk }.
      expect(spec.response('POST', '/v1/chat/completions', 200, 'text/event-stream', { data: chunk })).toEqual([])
      expect(chunk.object).toBe('chat.completion.chunk')
      // The SDK rejects `usage: null`, so the key must be absent, not null.
      expect('usage' in chunk).toBe(i === data.length - 1)
    })
  })

  it('max_tokens caps the reply with finish_reason "length"', async () => {
    const reply = await t.sdk.chat.complete({ ...chatBody('Long answer please'), maxTokens: 5 })
    expect(reply.choices[0]?.finishReason).toBe('length')
    expect(reply.usage.completionTokens).toBe(5)
    const full = await t.sdk.chat.complete(chatBody('Long answer please'))
    expect(full.choices[0]?.message?.content).toContain(String(reply.choices[0]?.message?.content))

    const stream = await t.sdk.chat.stream({ ...chatBody('Long answer please'), maxTokens: 5 })
    const events = []
    for await (const event of stream) events.push(event.data)
    expect(events.at(-1)?.choices[0]?.finishReason).toBe('length')
    expect(events.at(-1)?.usage?.completionTokens).toBe(5)
  })

  it('is deterministic: same request, same reply; different request, different reply', async () => {
    const a = await t.sdk.chat.complete(chatBody('Determinism check'))
    const b = await t.sdk.chat.complete(chatBody('Determinism check'))
    const c = await t.sdk.chat.complete(chatBody('Determinism check!'))
    const seeded = await t.sdk.chat.complete({ ...chatBody('Determinism check'), randomSeed: 42 })
    expect(a.choices[0]?.message?.content).toBe(b.choices[0]?.message?.content)
    expect(a.id).not.toBe(b.id)
    expect(c.choices[0]?.message?.content).not.toBe(a.choices[0]?.message?.content)
    expect(seeded.choices[0]?.message?.content).not.toBe(a.choices[0]?.message?.content)
  })

  it('[sim tokens=N rate=R] sets the reply length and the streaming rate', async () => {
    const started = Date.now()
    const stream = await t.sdk.chat.stream(chatBody('Pace yourself [sim tokens=10 rate=50]'))
    let contentChunks = 0
    let usageTokens: number | undefined
    for await (const event of stream) {
      if (event.data.choices[0]?.delta.content) contentChunks += 1
      usageTokens = event.data.usage?.completionTokens ?? usageTokens
    }
    const elapsed = Date.now() - started
    expect(contentChunks).toBe(10)
    expect(usageTokens).toBe(10)
    expect(elapsed).toBeGreaterThanOrEqual(180) // 10 tokens at 50/s
    expect(elapsed).toBeLessThan(2000)

    const short = await t.sdk.chat.complete(chatBody('[sim tokens=3] Hi'))
    expect(short.usage.completionTokens).toBe(3)
    expect(short.choices[0]?.message?.content).toMatch(/^Echo: Hi \w+\.$/)
  })

  it('[sim reply=<base64>] streams exactly the decoded text, word by word', async () => {
    const text = '# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1\n```\n'
    const directive = `[sim reply=${Buffer.from(text).toString('base64')}]`
    const stream = await t.sdk.chat.stream(chatBody(`Render this ${directive}`))
    const chunks: string[] = []
    for await (const event of stream) {
      const content = event.data.choices[0]?.delta.content
      if (typeof content === 'string' && content !== '') chunks.push(content)
    }
    expect(chunks.join('')).toBe(text)
    expect(chunks.length).toBeGreaterThan(5)
    const complete = await t.sdk.chat.complete(chatBody(directive))
    expect(complete.choices[0]?.message?.content).toBe(text)
    expect(complete.usage.completionTokens).toBe(chunks.length)
  })

  it('a trailing assistant prefix message is repeated at the start of the reply', async () => {
    const reply = await t.sdk.chat.complete({
      model: MODEL,
      messages: [
        { role: 'user', content: 'Write a haiku' },
        { role: 'assistant', content: 'Autumn:', prefix: true },
      ],
    })
    expect(reply.choices[0]?.message?.content).toMatch(/^Autumn: Echo: Write a haiku /)
  })

  it('stops cleanly when the client goes away mid-stream', async () => {
    const controller = new AbortController()
    const res = await fetch(`${t.sim.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.sim.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('[sim tokens=100000 rate=20] slow', { stream: true })),
      signal: controller.signal,
    })
    const reader = res.body?.getReader()
    await reader?.read()
    controller.abort()
    const after = Date.now()
    expect((await t.sdk.chat.complete(chatBody('still alive'))).choices).toHaveLength(1)
    expect(Date.now() - after).toBeLessThan(1000)
  })
})

describe('request rules', () => {
  it('422 extra_forbidden for a field the spec does not list (stream_options)', async () => {
    const res = await t.api('/v1/chat/completions', { body: chatBody('hi', { stream_options: { include_usage: true } }) })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { message: unknown }
    expect(body).toEqual({
      object: 'error',
      message: {
        detail: [
          {
            type: 'extra_forbidden',
            loc: ['body', 'stream_options'],
            msg: 'Extra inputs are not permitted',
            input: { include_usage: true },
          },
        ],
      },
      type: 'invalid_request_error',
      param: null,
      code: null,
    })
    // The spec documents HTTPValidationError; the service nests it under `message` (observed).
    expect(spec.response('POST', '/v1/chat/completions', 422, 'application/json', body)).toEqual([])
    expect(spec.schema('HTTPValidationError', body.message)).toEqual([])
  })

  it('422 for missing fields and for extra fields inside messages', async () => {
    const res = await t.api('/v1/chat/completions', { body: { messages: [{ role: 'user', content: 'x', name: 'me' }] } })
    expect(res.status).toBe(422)
    const { message } = (await res.json()) as { message: { detail: { type: string; loc: unknown[] }[] } }
    expect(message.detail.map((d) => [d.type, d.loc])).toEqual([
      ['missing', ['body', 'model']],
      ['extra_forbidden', ['body', 'messages', 0, 'user', 'name']],
    ])
    expect((await t.api('/v1/chat/completions', { body: { model: MODEL } })).status).toBe(422)
    expect((await t.api('/v1/chat/completions', { body: 'not json{' })).status).toBe(422)
  })

  it('422 through the SDK: HTTPValidationError, with the detail nested under `message`', async () => {
    const err = await sdkError(t.sdk.chat.complete({ ...chatBody('hi'), maxTokens: -1 }))
    expect(err).toBeInstanceOf(HTTPValidationError)
    expect(err.statusCode).toBe(422)
    // The SDK looks for a top-level `detail`; the service nests it under `message`,
    // so clients must read the body (err.body) to show the reason.
    expect((err as HTTPValidationError).detail).toBeUndefined()
    expect(JSON.parse(err.body)).toMatchObject({ message: { detail: [{ type: 'greater_than_equal', loc: ['body', 'max_tokens'] }] } })
  })

  it('400 for an unknown, retired or non-chat model', async () => {
    const res = await t.api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'gpt-4o' } })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      object: 'error',
      message: 'Invalid model: gpt-4o',
      type: 'invalid_model',
      param: null,
      code: '1500',
    })
    expect((await t.api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'open-mistral-7b' } })).status).toBe(400)
    const embed = await t.api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'mistral-embed' } })
    expect(embed.status).toBe(400)
    expect((await sdkError(t.sdk.chat.complete({ ...chatBody('hi'), model: 'gpt-4o' }))).statusCode).toBe(400)
  })

  it('400 invalid_request_message_order (code 3230) for bad message order', async () => {
    const send = (messages: unknown[]) => t.api('/v1/chat/completions', { body: { model: MODEL, messages } })
    const res = await send([
      { role: 'system', content: 'be brief' },
      { role: 'tool', content: 'x', tool_call_id: 'abcDEF123' },
    ])
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      object: 'error',
      message: "Unexpected role 'tool' after role 'system'",
      type: 'invalid_request_message_order',
      param: null,
      code: '3230',
    })
    const lastAssistant = await send([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ])
    expect(lastAssistant.status).toBe(400)
    expect(((await lastAssistant.json()) as { code: string }).code).toBe('3230')

    const call = { id: 'abcDEF123', type: 'function', function: { name: 'get_time', arguments: '{}' } }
    const toolTurn = await send([
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', content: '12:00', tool_call_id: 'abcDEF123' },
    ])
    expect(toolTurn.status).toBe(200)
    const badId = await send([
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: null, tool_calls: [{ ...call, id: 'call_1' }] },
      { role: 'tool', content: '12:00', tool_call_id: 'call_1' },
    ])
    expect(badId.status).toBe(400)
  })
})
