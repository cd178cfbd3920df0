import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../../e2e/mistral-sim/server'
import { directRequest, HttpError } from './direct-request'
import { AUTH_MESSAGE, toAppError } from './errors'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())

describe('directRequest', () => {
  it('returns the parsed JSON of a 2xx answer', async () => {
    const list = await directRequest<{ object: string; data: unknown[] }>(sim.url, sim.key, { method: 'GET', path: '/v1/models' })
    expect(list.object).toBe('list')
    expect(list.data.length).toBeGreaterThan(0)
  })

  it('throws an HttpError that toAppError words like the SDK error, without the key', async () => {
    const err = await directRequest(sim.url, 'wrong-key-0123456789', { method: 'GET', path: '/v1/models' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).statusCode).toBe(401)
    const mapped = toAppError(err, ['wrong-key-0123456789'])
    expect(mapped).toMatchObject({ code: 'auth', message: AUTH_MESSAGE })
    expect(JSON.stringify(mapped)).not.toContain('wrong-key-0123456789')
  })
})
