// Injected faults as a client sees them: status faults with their bodies and
// headers, SDK retries through them, and streams that are cut or slow to start.
import { Mistral } from '@mistralai/mistralai'
import { ResponseValidationError } from '@mistralai/mistralai/models/errors'
import { describe, expect, it } from 'vitest'
import { chatBody, RATELIMIT_HEADERS, sdkError, useSimulator } from './testing/conformance-kit'

const t = useSimulator()

describe('status faults', () => {
  it('429 fault: body, Retry-After and x-ratelimit headers; SDK throws without retries', async () => {
    t.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 7 })
    const res = await t.api('/v1/chat/completions', { body: chatBody('hi') })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    for (const name of RATELIMIT_HEADERS) expect(res.headers.get(name)).toMatch(/^\d+$/)
    expect(res.headers.get('x-ratelimit-remaining-req-minute')).toBe('0')
    expect(await res.json()).toEqual({ object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' })
    // Consumed: the next request succeeds.
    expect((await t.api('/v1/chat/completions', { body: chatBody('hi') })).status).toBe(200)

    t.sim.injectFault({ kind: 'status', status: 429 })
    expect((await sdkError(t.sdk.chat.complete(chatBody('hi')))).statusCode).toBe(429)
  })

  it('SDK retries with backoff get through `times` faults', async () => {
    t.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 })
    const retrying = new Mistral({
      apiKey: t.sim.key,
      serverURL: t.sim.url,
      retryConfig: {
        strategy: 'backoff',
        backoff: { initialInterval: 10, maxInterval: 50, exponent: 1.5, maxElapsedTime: 5000 },
        retryConnectionErrors: false,
      },
    })
    const reply = await retrying.chat.complete(chatBody('retry me'))
    expect(reply.choices[0]?.finishReason).toBe('stop')
    expect(t.sim.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(3)
  })

  it('500 and 503 faults, also on another path', async () => {
    t.sim.injectFault({ kind: 'status', status: 500 })
    const r500 = await t.api('/v1/chat/completions', { body: chatBody('hi') })
    expect(r500.status).toBe(500)
    expect(await r500.json()).toMatchObject({ object: 'error', type: 'internal_server_error' })

    t.sim.injectFault({ kind: 'status', status: 503, path: '/v1/models', retryAfterSeconds: 2 })
    expect((await t.api('/v1/chat/completions', { body: chatBody('hi') })).status).toBe(200)
    const r503 = await t.api('/v1/models')
    expect(r503.status).toBe(503)
    expect(r503.headers.get('retry-after')).toBe('2')
    expect(await r503.json()).toMatchObject({ object: 'error', message: expect.any(String) })

    t.sim.injectFault({ kind: 'status', status: 503 })
    expect((await sdkError(t.sdk.chat.complete(chatBody('hi')))).statusCode).toBe(503)
  })
})

describe('stream faults', () => {
  it('cut: the SDK yields N content chunks, then iteration throws (socket closed, no [DONE])', async () => {
    t.sim.injectFault({ kind: 'cut', afterChunks: 3 })
    const stream = await t.sdk.chat.stream(chatBody('cut me off'))
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
    t.sim.injectFault({ kind: 'cut', afterChunks: 0 })
    expect((await t.sdk.chat.complete(chatBody('whole'))).choices[0]?.finishReason).toBe('stop')
    const raw = await t.api('/v1/chat/completions', { body: chatBody('whole', { stream: true }) })
    await expect(raw.text()).rejects.toThrow()
  })

  it('slow-first-token delays the first chunk, not the headers', async () => {
    t.sim.injectFault({ kind: 'slow-first-token', delayMs: 400 })
    const started = Date.now()
    const stream = await t.sdk.chat.stream(chatBody('take your time'))
    const headersAfter = Date.now() - started
    let firstAfter = 0
    for await (const event of stream) {
      if (firstAfter === 0) firstAfter = Date.now() - started
      void event
    }
    expect(headersAfter).toBeLessThan(300)
    expect(firstAfter).toBeGreaterThanOrEqual(380)
  })
})
