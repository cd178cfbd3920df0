/**
 * Calls an endpoint the official SDK does not cover (fine-tuning jobs, admin usage),
 * straight over HTTP with the same key, base URL and error mapping: a failure throws
 * an HttpError shaped like the SDK's, so toAppError() words it the same way.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly statusCode: number,
    readonly headers: Headers,
    readonly body: string,
  ) {
    super(`HTTP ${statusCode}`)
  }
}

export interface DirectRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** e.g. /v1/fine_tuning/jobs; query parameters may be included. */
  path: string
  body?: unknown
  signal?: AbortSignal
  timeoutMs?: number
}

export async function directRequest<T>(serverURL: string, apiKey: string, req: DirectRequest): Promise<T> {
  const signals = [AbortSignal.timeout(req.timeoutMs ?? 30_000), ...(req.signal ? [req.signal] : [])]
  const response = await fetch(new URL(req.path, serverURL), {
    method: req.method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    signal: AbortSignal.any(signals),
  })
  const text = await response.text()
  if (!response.ok) throw new HttpError(response.status, response.headers, text)
  return (text === '' ? null : JSON.parse(text)) as T
}
