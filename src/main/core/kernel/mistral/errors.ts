/**
 * The ONE place where failures become the AppError that crosses the contract.
 * HTTP errors from the SDK carry `statusCode`, `headers` and the raw `body`; transport
 * failures surface as the SDK's ConnectionError / RequestTimeoutError / RequestAbortedError
 * or, mid-stream, as undici's TypeError("terminated"). Messages tell the user what to
 * do next and never contain the key: anything echoed from the API goes through redact().
 */
import { AppErrorException, appError, type AppError } from '../../../../shared/errors'
import { redact } from '../keys/redact'
import { apiErrorMessage, retryAfterMs } from './api-error-body'

export const AUTH_MESSAGE = 'Mistral rejected this API key. Check it at console.mistral.ai → API Keys.'
export const NO_KEY_MESSAGE = 'Add your Mistral API key in Settings to start chatting.'
export const STREAM_CUT_MESSAGE =
  'The connection to Mistral was cut before the reply finished. Check your connection and retry.'

/** Long API messages are cut: the error banner is not a log viewer. */
const MAX_API_MESSAGE = 300

interface HttpErrorLike {
  statusCode: number
  headers?: { get(name: string): string | null }
  body?: string
  name?: string
}

function isHttpError(err: unknown): err is HttpErrorLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { statusCode?: unknown }).statusCode === 'number' &&
    (err as { statusCode: number }).statusCode >= 400
  )
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])
const NETWORK_NAMES = new Set(['ConnectionError', 'RequestTimeoutError', 'TimeoutError', 'SocketError'])
const ABORT_NAMES = new Set(['AbortError', 'RequestAbortedError'])

/** The error and its `cause` chain: the SDK and undici both wrap the interesting part. */
function* causes(err: unknown): Generator<Record<string, unknown>> {
  let current: unknown = err
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    yield current as Record<string, unknown>
    current = (current as { cause?: unknown }).cause
  }
}

function transportKind(err: unknown): 'aborted' | 'timeout' | 'network' | null {
  for (const e of causes(err)) {
    const name = typeof e['name'] === 'string' ? e['name'] : ''
    const code = typeof e['code'] === 'string' ? e['code'].toUpperCase() : ''
    const message = typeof e['message'] === 'string' ? e['message'].toLowerCase() : ''
    if (ABORT_NAMES.has(name)) return 'aborted'
    if (name === 'RequestTimeoutError' || name === 'TimeoutError') return 'timeout'
    if (NETWORK_NAMES.has(name) || NETWORK_CODES.has(code)) return 'network'
    // undici: "fetch failed" before a response, "terminated" when the body is cut mid-stream.
    if (name === 'TypeError' && (message.startsWith('fetch failed') || message === 'terminated')) return 'network'
  }
  return null
}

function fromHttp(err: HttpErrorLike, secrets: readonly string[]): AppError {
  const status = err.statusCode
  const apiMessage = apiErrorMessage(err.body)
  const detail = apiMessage ? redact(apiMessage, secrets).slice(0, MAX_API_MESSAGE) : null
  if (status === 401) return appError('auth', AUTH_MESSAGE, { status })
  if (status === 403) {
    return appError(
      'auth',
      'Your API key is not allowed to do this. Check your plan and key permissions at console.mistral.ai.',
      { status },
    )
  }
  if (status === 429) {
    const wait = retryAfterMs(err.headers?.get('retry-after'))
    const when = wait === undefined ? 'in a moment' : `in ${Math.max(1, Math.ceil(wait / 1000))} s`
    return appError('rate_limited', `Mistral's rate limit was reached. Retry ${when}.`, {
      status,
      retryable: true,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    })
  }
  if (status === 413) {
    return appError('too_large', 'The request is too large for Mistral. Shorten the message or attachment.', {
      status,
    })
  }
  if (status === 404) {
    return appError('not_found', `Mistral could not find this model or resource${detail ? `: ${detail}` : '.'}`, {
      status,
    })
  }
  if (status === 400 || status === 422 || (status > 400 && status < 500)) {
    return appError('invalid_input', `Mistral rejected the request: ${detail ?? `HTTP ${status}`}`, { status })
  }
  return appError('server', `Mistral had a problem (HTTP ${status}). Retry in a moment.`, {
    status,
    retryable: true,
  })
}

/**
 * Maps anything thrown to an AppError. `secrets` are redacted from whatever API text
 * is kept; key-shaped strings are masked regardless.
 */
export function toAppError(err: unknown, secrets: readonly string[] = []): AppError {
  if (err instanceof AppErrorException) return err.appError
  if (isHttpError(err)) return fromHttp(err, secrets)
  switch (transportKind(err)) {
    case 'aborted':
      return appError('aborted', 'The request was cancelled.')
    case 'timeout':
      return appError('network', 'Mistral took too long to answer. Check your connection and retry.', {
        retryable: true,
      })
    case 'network':
      return appError('network', "Can't reach Mistral. Check your internet connection and retry.", {
        retryable: true,
      })
    default:
      break
  }
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined
  // SDKValidationError is deliberately absent: it means *our* request failed the SDK's schema, an internal bug.
  if (name === 'ResponseValidationError') {
    return appError('server', 'Mistral sent a response this app could not read. Retry, or update the app.', {
      retryable: true,
    })
  }
  return appError('internal', 'Something went wrong inside the app. Retry, and report it if it keeps happening.')
}
