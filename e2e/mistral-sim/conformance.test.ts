// Conformance of the simulator with the two things clients depend on: the
// official SDK (its zod schemas must accept every response) and the OpenAPI
// spec (raw bodies are checked with ajv against the schema for path + status).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Mistral } from '@mistralai/mistralai'
import { HTTPValidationError, MistralError, ResponseValidationError } from '@mistralai/mistralai/models/errors'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from './server'
import { createSpecValidator } from './spec-validator'

let sim: Simulator
let sdk: Mistral
const spec = createSpecValidator()
const MODEL = 'mistral-small-latest'
const RATELIMIT_HEADERS = [
  'x-ratelimit-limit-tokens-minute',
  'x-ratelimit-remaining-tokens-minute',
  'x-ratelimit-limit-tokens-month',
  'x-ratelimit-remaining-tokens-month',
  'x-ratelimit-limit-req-minute',
  'x-ratelimit-remaining-req-minute',
  'x-ratelimit-tokens-query-cost',
]

beforeAll(async () => {
  sim = await startSimulator({ port: 0 })
  sdk = new Mistral({ apiKey: sim.key, serverURL: sim.url })
})
afterAll(async () => {
  await sim.close()
})
beforeEach(() => {
  sim.reset()
})

function api(path: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${init.key ?? sim.key}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
}

function chatBody<E extends object = object>(content: string, extra?: E) {
  return { model: MODEL, messages: [{ role: 'user' as const, content }], ...extra }
}

/** The SDK's card union is open (`Unknown`); every card the simulator sends has an id. */
function cardId(card: object): string {
  return 'id' in card && typeof card.id === 'string' ? card.id : ''
}

/** Splits a data-only SSE body into its `data:` payloads. */
async function sseData(res: Response): Promise<string[]> {
  const text = await res.text()
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true)
      return block.slice('data: '.length)
    })
}

async function sdkError(promise: Promise<unknown>): Promise<MistralError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(MistralError)
  return err as MistralError
}

describe('GET /v1/models', () => {
  it('passes the SDK and the spec', async () => {
    const list = await sdk.models.list()
    const ids = (list.data ?? []).map(cardId)
    expect(ids).toContain('mistral-small-latest')
    expect(ids).toContain('mistral-small-2603')
    expect(ids).not.toContain('open-mistral-7b') // Retired in the catalog

    const res = await api('/v1/models')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { object: string; data: Record<string, unknown>[] }
    expect(spec.response('GET', '/v1/models', 200, 'application/json', body)).toEqual([])
    for (const card of body.data) expect(spec.schema('BaseModelCard', card)).toEqual([])
    expect(body.object).toBe('list')
    expect(new Set(body.data.map((c) => c.id)).size).toBe(body.data.length)
  })

  it('maps catalog facts onto cards', async () => {
    const list = await sdk.models.list()
    const card = (id: string) => {
      const found = list.data?.find((c) => cardId(c) === id)
      if (!found || !('type' in found) || found.type !== 'base') throw new Error(`no base card ${id}`)
      return found
    }
    const small = card('mistral-small-latest')
    expect(small.aliases).toEqual(['mistral-small-2603'])
    expect(card('mistral-small-2603').aliases).toEqual(['mistral-small-latest'])
    expect(small.capabilities).toMatchObject({ completionChat: true, functionCalling: true, vision: true })
    expect(small.maxContextLength).toBe(256 * 1024)
    expect(small.defaultModelTemperature).toBe(0.7)
    expect(small.deprecation).toBeNull()
    expect(card('codestral-latest').capabilities.completionFim).toBe(true)
    expect(card('codestral-latest').defaultModelTemperature).toBe(0.3)
    expect(card('codestral-embed').maxContextLength).toBe(8192)
    expect(card('mistral-embed').capabilities.completionChat).toBe(false)
    expect(card('mistral-embed').defaultModelTemperature).toBeNull()
    expect(card('magistral-medium-latest').capabilities.reasoning).toBe(true)
    expect(card('mistral-ocr-latest').capabilities.ocr).toBe(true)
    expect(card('mistral-moderation-2603').capabilities.moderation).toBe(true)
    expect(card('mistral-large-2411').deprecation).toBeInstanceOf(Date) // Deprecated in the catalog
  })

  it('retrieves one card', async () => {
    const one = await sdk.models.retrieve({ modelId: 'mistral-large-latest' })
    expect(cardId(one)).toBe('mistral-large-latest')
    const res = await api('/v1/models/mistral-large-latest')
    expect(spec.response('GET', '/v1/models/{model_id}', 200, 'application/json', await res.json())).toEqual([])
    expect((await api('/v1/models/no-such-model')).status).toBe(404)
  })
})

describe('POST /v1/chat/completions', () => {
  it('complete: passes the SDK and the spec (with the documented `data` quirk)', async () => {
    const reply = await sdk.chat.complete(chatBody('Say hello'))
    const choice = reply.choices[0]
    expect(choice?.finishReason).toBe('stop')
    expect(choice?.message?.role).toBe('assistant')
    expect(choice?.message?.content).toMatch(/^Echo: Say hello /)
    expect(reply.usage.completionTokens).toBe(40)
    expect(reply.usage.totalTokens).toBe((reply.usage.promptTokens ?? 0) + 40)

    const res = await api('/v1/chat/completions', { body: chatBody('Say hello') })
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
    const full = await sdk.chat.complete(request)

    const stream = await sdk.chat.stream(request)
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
    const res = await api('/v1/chat/completions', { body: chatBody('Stream please', { stream: true }) })
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
    const reply = await sdk.chat.complete({ ...chatBody('Long answer please'), maxTokens: 5 })
    expect(reply.choices[0]?.finishReason).toBe('length')
    expect(reply.usage.completionTokens).toBe(5)
    const full = await sdk.chat.complete(chatBody('Long answer please'))
    expect(full.choices[0]?.message?.content).toContain(String(reply.choices[0]?.message?.content))

    const stream = await sdk.chat.stream({ ...chatBody('Long answer please'), maxTokens: 5 })
    const events = []
    for await (const event of stream) events.push(event.data)
    expect(events.at(-1)?.choices[0]?.finishReason).toBe('length')
    expect(events.at(-1)?.usage?.completionTokens).toBe(5)
  })

  it('is deterministic: same request, same reply; different request, different reply', async () => {
    const a = await sdk.chat.complete(chatBody('Determinism check'))
    const b = await sdk.chat.complete(chatBody('Determinism check'))
    const c = await sdk.chat.complete(chatBody('Determinism check!'))
    const seeded = await sdk.chat.complete({ ...chatBody('Determinism check'), randomSeed: 42 })
    expect(a.choices[0]?.message?.content).toBe(b.choices[0]?.message?.content)
    expect(a.id).not.toBe(b.id)
    expect(c.choices[0]?.message?.content).not.toBe(a.choices[0]?.message?.content)
    expect(seeded.choices[0]?.message?.content).not.toBe(a.choices[0]?.message?.content)
  })

  it('[sim tokens=N rate=R] sets the reply length and the streaming rate', async () => {
    const started = Date.now()
    const stream = await sdk.chat.stream(chatBody('Pace yourself [sim tokens=10 rate=50]'))
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

    const short = await sdk.chat.complete(chatBody('[sim tokens=3] Hi'))
    expect(short.usage.completionTokens).toBe(3)
    expect(short.choices[0]?.message?.content).toMatch(/^Echo: Hi \w+\.$/)
  })

  it('[sim reply=<base64>] streams exactly the decoded text, word by word', async () => {
    const text = '# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1\n```\n'
    const directive = `[sim reply=${Buffer.from(text).toString('base64')}]`
    const stream = await sdk.chat.stream(chatBody(`Render this ${directive}`))
    const chunks: string[] = []
    for await (const event of stream) {
      const content = event.data.choices[0]?.delta.content
      if (typeof content === 'string' && content !== '') chunks.push(content)
    }
    expect(chunks.join('')).toBe(text)
    expect(chunks.length).toBeGreaterThan(5)
    const complete = await sdk.chat.complete(chatBody(directive))
    expect(complete.choices[0]?.message?.content).toBe(text)
    expect(complete.usage.completionTokens).toBe(chunks.length)
  })

  it('a trailing assistant prefix message is repeated at the start of the reply', async () => {
    const reply = await sdk.chat.complete({
      model: MODEL,
      messages: [
        { role: 'user', content: 'Write a haiku' },
        { role: 'assistant', content: 'Autumn:', prefix: true },
      ],
    })
    expect(reply.choices[0]?.message?.content).toMatch(/^Autumn: Echo: Write a haiku /)
  })
})

describe('errors', () => {
  it('401 for a wrong or missing key', async () => {
    const bad = new Mistral({ apiKey: 'wrong', serverURL: sim.url })
    expect((await sdkError(bad.chat.complete(chatBody('hi')))).statusCode).toBe(401)
    expect((await sdkError(bad.models.list())).statusCode).toBe(401)

    const res = await api('/v1/models', { key: 'wrong' })
    expect(res.status).toBe(401)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['message', 'request_id'])
    expect(body.message).toBe('Unauthorized')
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/)
    const missing = await fetch(`${sim.url}/v1/models`)
    expect(missing.status).toBe(401)
  })

  it('422 extra_forbidden for a field the spec does not list (stream_options)', async () => {
    const res = await api('/v1/chat/completions', { body: chatBody('hi', { stream_options: { include_usage: true } }) })
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
    const res = await api('/v1/chat/completions', { body: { messages: [{ role: 'user', content: 'x', name: 'me' }] } })
    expect(res.status).toBe(422)
    const { message } = (await res.json()) as { message: { detail: { type: string; loc: unknown[] }[] } }
    expect(message.detail.map((d) => [d.type, d.loc])).toEqual([
      ['missing', ['body', 'model']],
      ['extra_forbidden', ['body', 'messages', 0, 'user', 'name']],
    ])
    expect((await api('/v1/chat/completions', { body: { model: MODEL } })).status).toBe(422)
    expect((await api('/v1/chat/completions', { body: 'not json{' })).status).toBe(422)
  })

  it('422 through the SDK: HTTPValidationError, with the detail nested under `message`', async () => {
    const err = await sdkError(sdk.chat.complete({ ...chatBody('hi'), maxTokens: -1 }))
    expect(err).toBeInstanceOf(HTTPValidationError)
    expect(err.statusCode).toBe(422)
    // The SDK looks for a top-level `detail`; the service nests it under `message`,
    // so clients must read the body (err.body) to show the reason.
    expect((err as HTTPValidationError).detail).toBeUndefined()
    expect(JSON.parse(err.body)).toMatchObject({ message: { detail: [{ type: 'greater_than_equal', loc: ['body', 'max_tokens'] }] } })
  })

  it('400 for an unknown, retired or non-chat model', async () => {
    const res = await api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'gpt-4o' } })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      object: 'error',
      message: 'Invalid model: gpt-4o',
      type: 'invalid_model',
      param: null,
      code: '1500',
    })
    expect((await api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'open-mistral-7b' } })).status).toBe(400)
    const embed = await api('/v1/chat/completions', { body: { ...chatBody('hi'), model: 'mistral-embed' } })
    expect(embed.status).toBe(400)
    expect((await sdkError(sdk.chat.complete({ ...chatBody('hi'), model: 'gpt-4o' }))).statusCode).toBe(400)
  })

  it('400 invalid_request_message_order (code 3230) for bad message order', async () => {
    const send = (messages: unknown[]) => api('/v1/chat/completions', { body: { model: MODEL, messages } })
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

  it('429 fault: body, Retry-After and x-ratelimit headers; SDK throws without retries', async () => {
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 7 })
    const res = await api('/v1/chat/completions', { body: chatBody('hi') })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    for (const name of RATELIMIT_HEADERS) expect(res.headers.get(name)).toMatch(/^\d+$/)
    expect(res.headers.get('x-ratelimit-remaining-req-minute')).toBe('0')
    expect(await res.json()).toEqual({ object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' })
    // Consumed: the next request succeeds.
    expect((await api('/v1/chat/completions', { body: chatBody('hi') })).status).toBe(200)

    sim.injectFault({ kind: 'status', status: 429 })
    expect((await sdkError(sdk.chat.complete(chatBody('hi')))).statusCode).toBe(429)
  })

  it('SDK retries with backoff get through `times` faults', async () => {
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 })
    const retrying = new Mistral({
      apiKey: sim.key,
      serverURL: sim.url,
      retryConfig: {
        strategy: 'backoff',
        backoff: { initialInterval: 10, maxInterval: 50, exponent: 1.5, maxElapsedTime: 5000 },
        retryConnectionErrors: false,
      },
    })
    const reply = await retrying.chat.complete(chatBody('retry me'))
    expect(reply.choices[0]?.finishReason).toBe('stop')
    expect(sim.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(3)
  })

  it('500 and 503 faults, also on another path', async () => {
    sim.injectFault({ kind: 'status', status: 500 })
    const r500 = await api('/v1/chat/completions', { body: chatBody('hi') })
    expect(r500.status).toBe(500)
    expect(await r500.json()).toMatchObject({ object: 'error', type: 'internal_server_error' })

    sim.injectFault({ kind: 'status', status: 503, path: '/v1/models', retryAfterSeconds: 2 })
    expect((await api('/v1/chat/completions', { body: chatBody('hi') })).status).toBe(200)
    const r503 = await api('/v1/models')
    expect(r503.status).toBe(503)
    expect(r503.headers.get('retry-after')).toBe('2')
    expect(await r503.json()).toMatchObject({ object: 'error', message: expect.any(String) })

    sim.injectFault({ kind: 'status', status: 503 })
    expect((await sdkError(sdk.chat.complete(chatBody('hi')))).statusCode).toBe(503)
  })
})

describe('stream faults', () => {
  it('cut: the SDK yields N content chunks, then iteration throws (socket closed, no [DONE])', async () => {
    sim.injectFault({ kind: 'cut', afterChunks: 3 })
    const stream = await sdk.chat.stream(chatBody('cut me off'))
    const deltas: string[] = []
    let error: unknown
    try {
      for await (const event of stream) deltas.push(event.data.choices[0]?.delta.content as string)
    } catch (err) {
      error = err
    }
    expect(deltas).toHaveLength(1 + 3) // role chunk + 3 content chunks
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(ResponseValidationError)

    // A non-streamed request does not consume a queued cut.
    sim.injectFault({ kind: 'cut', afterChunks: 0 })
    expect((await sdk.chat.complete(chatBody('whole'))).choices[0]?.finishReason).toBe('stop')
    const raw = await api('/v1/chat/completions', { body: chatBody('whole', { stream: true }) })
    await expect(raw.text()).rejects.toThrow()
  })

  it('slow-first-token delays the first chunk, not the headers', async () => {
    sim.injectFault({ kind: 'slow-first-token', delayMs: 400 })
    const started = Date.now()
    const stream = await sdk.chat.stream(chatBody('take your time'))
    const headersAfter = Date.now() - started
    let firstAfter = 0
    for await (const event of stream) {
      if (firstAfter === 0) firstAfter = Date.now() - started
      void event
    }
    expect(headersAfter).toBeLessThan(300)
    expect(firstAfter).toBeGreaterThanOrEqual(380)
  })

  it('stops cleanly when the client goes away mid-stream', async () => {
    const controller = new AbortController()
    const res = await fetch(`${sim.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('[sim tokens=100000 rate=20] slow', { stream: true })),
      signal: controller.signal,
    })
    const reader = res.body?.getReader()
    await reader?.read()
    controller.abort()
    const after = Date.now()
    expect((await sdk.chat.complete(chatBody('still alive'))).choices).toHaveLength(1)
    expect(Date.now() - after).toBeLessThan(1000)
  })
})

describe('recording and control', () => {
  it('records requests without the key', async () => {
    await sdk.chat.complete(chatBody('record me'))
    await api('/v1/models', { key: 'wrong-key-also-secret' })
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'GET /v1/models'])
    expect(sim.requests[0]?.body).toMatchObject({ model: MODEL, messages: [{ role: 'user', content: 'record me' }] })
    const dump = JSON.stringify(sim.requests)
    expect(dump).not.toContain(sim.key)
    expect(dump).not.toContain('wrong-key-also-secret')
    expect(dump.toLowerCase()).not.toContain('authorization')
  })

  it('control endpoints work over HTTP without auth', async () => {
    const post = (path: string, body?: unknown) =>
      fetch(`${sim.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })

    expect((await post('/__sim/config', { replyTokens: 7 })).status).toBe(200)
    expect((await sdk.chat.complete(chatBody('seven'))).usage.completionTokens).toBe(7)

    expect((await post('/__sim/fault', { kind: 'status', status: 503 })).status).toBe(200)
    expect((await post('/__sim/fault', { kind: 'status', status: 418 })).status).toBe(400)
    expect((await sdkError(sdk.chat.complete(chatBody('x')))).statusCode).toBe(503)

    const recorded = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { path: string }[]
    expect(recorded.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions'])

    expect((await post('/__sim/fault', { kind: 'status', status: 429 })).status).toBe(200)
    expect((await post('/__sim/reset')).status).toBe(200)
    expect(await (await fetch(`${sim.url}/__sim/requests`)).json()).toEqual([])
    const reply = await sdk.chat.complete(chatBody('after reset'))
    expect(reply.usage.completionTokens).toBe(40) // config and the queued 429 are gone
  })

  it('config tokensPerSecond paces streams', async () => {
    await fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ tokensPerSecond: 100, replyTokens: 10 }) })
    const started = Date.now()
    const stream = await sdk.chat.stream(chatBody('paced'))
    for await (const event of stream) void event
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
  })
})

describe('cli', () => {
  it('prints the listening line, serves, and exits on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
    const child = spawn(tsx, [cli, '--port', '0', '--key', 'cli-key-123'], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
      const match = /^Mistral simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(key: cli-key-123\)$/.exec(line)
      expect(match).not.toBeNull()
      const client = new Mistral({ apiKey: 'cli-key-123', serverURL: match?.[1] })
      expect((await client.models.list()).data?.length).toBeGreaterThan(10)
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
  })
})
