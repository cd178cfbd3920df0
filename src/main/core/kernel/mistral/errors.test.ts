import { describe, expect, it } from 'vitest'
import {
  ConnectionError,
  HTTPValidationError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from '@mistralai/mistralai/models/errors'
import { AppErrorException, appError } from '../../../../shared/errors'
import { AUTH_MESSAGE, toAppError } from './errors'
import { apiErrorMessage, retryAfterMs } from './api-error-body'

const KEY = 'Zx81abcdefghijklmnopqrstuvwxyz42'

function httpMeta(status: number, body: string, headers: Record<string, string> = {}) {
  const response = new Response(body, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
  const request = new Request('http://localhost/v1/chat/completions', {
    headers: { authorization: `Bearer ${KEY}` },
  })
  return { response, request, body }
}

function sdkError(status: number, body: unknown, headers: Record<string, string> = {}): SDKError {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new SDKError('API error occurred', httpMeta(status, text, headers))
}

describe('toAppError: HTTP statuses', () => {
  it('401 → auth with an actionable message, whatever the body shape', () => {
    for (const body of [{ detail: 'Unauthorized' }, { message: 'Unauthorized', request_id: 'r1' }]) {
      const e = toAppError(sdkError(401, body))
      expect(e).toMatchObject({ code: 'auth', status: 401, retryable: false, message: AUTH_MESSAGE })
    }
  })

  it('403 → auth', () => {
    expect(toAppError(sdkError(403, { message: 'Forbidden' })).code).toBe('auth')
  })

  it('429 → rate_limited, retryable, retryAfterMs from Retry-After seconds', () => {
    const e = toAppError(
      sdkError(429, { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' }, {
        'retry-after': '7',
      }),
    )
    expect(e).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 7000, status: 429 })
    expect(e.message).toMatch(/7 s/)
  })

  it('429 without Retry-After has no retryAfterMs', () => {
    const e = toAppError(sdkError(429, { message: 'Rate limit exceeded' }))
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterMs).toBeUndefined()
  })

  it('400 → invalid_input carrying the API message', () => {
    const e = toAppError(
      sdkError(400, {
        object: 'error',
        message: "Unexpected role 'tool' after role 'system'",
        type: 'invalid_request_message_order',
        code: '3230',
      }),
    )
    expect(e).toMatchObject({ code: 'invalid_input', status: 400, retryable: false })
    expect(e.message).toContain("Unexpected role 'tool' after role 'system'")
  })

  it('422 with message as an object holding detail[] → readable invalid_input', () => {
    const body = {
      object: 'error',
      message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'stream_options'], msg: 'Extra inputs are not permitted' }] },
    }
    const e = toAppError(sdkError(422, body))
    expect(e.code).toBe('invalid_input')
    expect(e.message).toContain('stream_options: Extra inputs are not permitted')
  })

  it('422 parsed by the SDK as HTTPValidationError → invalid_input', () => {
    const body = { detail: [{ type: 'missing', loc: ['body', 'model'], msg: 'Field required' }] }
    const err = new HTTPValidationError(body as never, httpMeta(422, JSON.stringify(body)))
    const e = toAppError(err)
    expect(e.code).toBe('invalid_input')
    expect(e.message).toContain('model: Field required')
  })

  it('413 → too_large; 404 → not_found', () => {
    expect(toAppError(sdkError(413, 'too big')).code).toBe('too_large')
    expect(toAppError(sdkError(404, { message: 'Invalid model: nope' }))).toMatchObject({ code: 'not_found' })
  })

  it('5xx → server, retryable', () => {
    for (const status of [500, 502, 503]) {
      expect(toAppError(sdkError(status, 'oops'))).toMatchObject({ code: 'server', retryable: true, status })
    }
  })

  it('never echoes the key, even when the API body does', () => {
    const e = toAppError(sdkError(400, { message: `bad key ${KEY} and Bearer ${KEY}` }), [KEY])
    expect(e.message).not.toContain(KEY)
    // A key we were not told about is still masked because of its shape.
    const e2 = toAppError(sdkError(400, { message: `bad key ${KEY}` }))
    expect(e2.message).not.toContain(KEY)
  })

  it('an unreadable body still gives a message', () => {
    expect(toAppError(sdkError(400, '<html>')).message).toMatch(/HTTP 400/)
  })
})

describe('toAppError: transport and other failures', () => {
  it('ConnectionError / refused / reset / timeout → network, retryable', () => {
    const refused = new ConnectionError('Unable to make request', {
      cause: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    })
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const timeout = new RequestTimeoutError('Request timed out')
    for (const err of [refused, reset, timeout]) {
      expect(toAppError(err)).toMatchObject({ code: 'network', retryable: true })
    }
  })

  it('a stream cut mid-body (undici "terminated") → network', () => {
    const err = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })
    expect(toAppError(err)).toMatchObject({ code: 'network', retryable: true })
  })

  it('AbortError / RequestAbortedError → aborted', () => {
    expect(toAppError(new DOMException('aborted', 'AbortError')).code).toBe('aborted')
    expect(toAppError(new RequestAbortedError('Request aborted by client')).code).toBe('aborted')
  })

  it('AppErrorException passes its AppError through', () => {
    const inner = appError('no_key', 'Add a key')
    expect(toAppError(new AppErrorException(inner))).toBe(inner)
  })

  it('ResponseValidationError → server', () => {
    const err = new ResponseValidationError('Response validation failed', {
      ...httpMeta(200, '{}'),
      cause: new Error('zod'),
      rawValue: {},
      rawMessage: 'bad',
    })
    expect(toAppError(err).code).toBe('server')
  })

  it('anything else → internal with a generic message', () => {
    const e = toAppError(new Error(`boom ${KEY}`))
    expect(e).toMatchObject({ code: 'internal', retryable: false })
    expect(e.message).not.toContain('boom')
    expect(toAppError('a string').code).toBe('internal')
    expect(toAppError(null).code).toBe('internal')
  })
})

describe('error body helpers', () => {
  it('apiErrorMessage reads every observed shape and tolerates junk', () => {
    expect(apiErrorMessage('{"detail":"Unauthorized"}')).toBe('Unauthorized')
    expect(apiErrorMessage('{"message":"x"}')).toBe('x')
    expect(apiErrorMessage('{"message":{"detail":[{"loc":["body","a"],"msg":"m"}]}}')).toBe('a: m')
    expect(apiErrorMessage('not json')).toBeNull()
    expect(apiErrorMessage('[1,2]')).toBeNull()
    expect(apiErrorMessage('')).toBeNull()
  })

  it('retryAfterMs accepts seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000)
    expect(retryAfterMs('0.5')).toBe(500)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000)
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs(null)).toBeUndefined()
  })
})
