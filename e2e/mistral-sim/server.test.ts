// What the server does around the routes: auth, dispatch, recording without
// the key, and the /__sim control endpoints.
import { Mistral } from '@mistralai/mistralai'
import { describe, expect, it } from 'vitest'
import { chatBody, MODEL, sdkError, useSimulator } from './testing/conformance-kit'

// Echo replies: the replyTokens setting sizes them.
const t = useSimulator({ replyStyle: 'echo' })

describe('auth', () => {
  it('401 for a wrong or missing key', async () => {
    const bad = new Mistral({ apiKey: 'wrong', serverURL: t.sim.url })
    expect((await sdkError(bad.chat.complete(chatBody('hi')))).statusCode).toBe(401)
    expect((await sdkError(bad.models.list())).statusCode).toBe(401)

    const res = await t.api('/v1/models', { key: 'wrong' })
    expect(res.status).toBe(401)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['message', 'request_id'])
    expect(body.message).toBe('Unauthorized')
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/)
    const missing = await fetch(`${t.sim.url}/v1/models`)
    expect(missing.status).toBe(401)
  })
})

describe('dispatch', () => {
  it("FastAPI's 404 for a path it does not have and 405 for a method a route does not take", async () => {
    const missing = await t.api('/v1/nothing/here')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'Not Found' })
    const wrongMethod = await t.api('/v1/chat/completions')
    expect(wrongMethod.status).toBe(405)
    expect(await wrongMethod.json()).toEqual({ detail: 'Method Not Allowed' })
    expect((await t.api('/v1/models', { method: 'POST', body: {} })).status).toBe(405)
  })
})

describe('recording and control', () => {
  it('records requests without the key', async () => {
    await t.sdk.chat.complete(chatBody('record me'))
    await t.api('/v1/models', { key: 'wrong-key-also-secret' })
    expect(t.sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'GET /v1/models'])
    expect(t.sim.requests[0]?.body).toMatchObject({ model: MODEL, messages: [{ role: 'user', content: 'record me' }] })
    const dump = JSON.stringify(t.sim.requests)
    expect(dump).not.toContain(t.sim.key)
    expect(dump).not.toContain('wrong-key-also-secret')
    expect(dump.toLowerCase()).not.toContain('authorization')
  })

  it('control endpoints work over HTTP without auth', async () => {
    const post = (path: string, body?: unknown) =>
      fetch(`${t.sim.url}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })

    expect((await post('/__sim/config', { replyTokens: 7 })).status).toBe(200)
    expect((await t.sdk.chat.complete(chatBody('seven'))).usage.completionTokens).toBe(7)

    expect((await post('/__sim/fault', { kind: 'status', status: 503 })).status).toBe(200)
    expect((await post('/__sim/fault', { kind: 'status', status: 418 })).status).toBe(400)
    expect((await sdkError(t.sdk.chat.complete(chatBody('x')))).statusCode).toBe(503)

    const recorded = (await (await fetch(`${t.sim.url}/__sim/requests`)).json()) as { path: string }[]
    expect(recorded.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions'])

    expect((await post('/__sim/fault', { kind: 'status', status: 429 })).status).toBe(200)
    expect((await post('/__sim/reset')).status).toBe(200)
    expect(await (await fetch(`${t.sim.url}/__sim/requests`)).json()).toEqual([])
    const reply = await t.sdk.chat.complete(chatBody('after reset'))
    expect(reply.usage.completionTokens).toBe(40) // config and the queued 429 are gone
  })

  it('config tokensPerSecond paces streams', async () => {
    await fetch(`${t.sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ tokensPerSecond: 100, replyTokens: 10 }) })
    const started = Date.now()
    const stream = await t.sdk.chat.stream(chatBody('paced'))
    for await (const event of stream) void event
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
  })
})
