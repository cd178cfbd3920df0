// Small node:http helpers shared by the routes. Error bodies follow the shapes
// observed on the real service (../shared/mistral-api/README.md, beside the repository).
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

export const MAX_BODY_BYTES = 64 * 1024 * 1024

export function hexId(): string {
  return randomBytes(16).toString('hex')
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  if (res.destroyed || res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** The service's usual error envelope (400, 404, 429, 5xx). */
export function apiError(message: unknown, type: string, code: string | null) {
  return { object: 'error', message, type, param: null, code }
}

export interface FieldIssue {
  type: string
  loc: (string | number)[]
  msg: string
  input: unknown
  ctx?: Record<string, unknown>
}

/** 422: pydantic's detail list wrapped in the error envelope, as the service sends it. */
export function validationError(detail: FieldIssue[]) {
  return apiError({ detail }, 'invalid_request_error', null)
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8')
}

/** The body as bytes: multipart uploads carry binary files that UTF-8 decoding would corrupt. */
export function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Resolves after `ms`, or early when `signal` aborts (the client went away). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/** Resolves once `data` has been handed to the socket, so a later destroy() does not drop it. */
export function write(res: ServerResponse, data: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.writableEnded) return resolve()
    res.write(data, () => resolve())
  })
}
