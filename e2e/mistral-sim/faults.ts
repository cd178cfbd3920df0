// Injected faults: what they are, how they are checked when they come over
// HTTP, the queue that hands them out, and the error replies of status faults.
// Routes only see the queue through `takeStream`, so they never import the server.
import type { ServerResponse } from 'node:http'
import { apiError, sendJson } from './http'
import type { RateLimitMeter } from './ratelimit'

export type Fault =
  | { kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds?: number; path?: string; times?: number }
  /** The stream sends N content chunks, then the socket is destroyed: no [DONE]. */
  | { kind: 'cut'; afterChunks: number; times?: number }
  | { kind: 'slow-first-token'; delayMs: number; times?: number }

export type StatusFault = Extract<Fault, { kind: 'status' }>
export type StreamFault = Extract<Fault, { kind: 'cut' | 'slow-first-token' }>

/** Where a status fault applies when it names no path. */
export const DEFAULT_FAULT_PATH = '/v1/chat/completions'

interface QueuedFault {
  fault: Fault
  left: number
}

export class FaultQueue {
  private queued: QueuedFault[] = []

  /** Queues `fault` for the next `times` (default 1) matching requests; throws if it is malformed. */
  push(fault: Fault): void {
    const problem = faultProblem(fault)
    if (problem) throw new Error(`invalid fault: ${problem}`)
    this.queued.push({ fault, left: fault.times ?? 1 })
  }

  clear(): void {
    this.queued = []
  }

  /** A status fault for `path`, checked right after auth on every /v1 request. */
  takeStatus(path: string): StatusFault | undefined {
    return this.take((f): f is StatusFault => f.kind === 'status' && (f.path ?? DEFAULT_FAULT_PATH) === path)
  }

  /** A cut only makes sense for a stream, so a non-streamed request leaves it queued. */
  takeStream(streaming: boolean): StreamFault | undefined {
    return this.take((f): f is StreamFault => f.kind === 'slow-first-token' || (f.kind === 'cut' && streaming))
  }

  /** The first queued fault that matches wins; a request gets at most one. */
  private take<F extends Fault>(matches: (fault: Fault) => fault is F): F | undefined {
    const entry = this.queued.find(({ fault }) => matches(fault))
    if (!entry) return undefined
    entry.left -= 1
    if (entry.left <= 0) this.queued = this.queued.filter((f) => f !== entry)
    return entry.fault as F
  }
}

export function sendStatusFault(res: ServerResponse, fault: StatusFault, meter: RateLimitMeter): void {
  const headers = fault.status === 429 ? meter.exhausted() : meter.charge(0)
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds)
  const body =
    fault.status === 429
      ? { object: 'error', message: 'Rate limit exceeded', type: 'rate_limited', code: '1300' }
      : fault.status === 503
        ? apiError('Service unavailable, please retry later', 'service_unavailable', '1100')
        : apiError('Internal server error', 'internal_server_error', '1000')
  sendJson(res, fault.status, body, headers)
}

export function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
}

/** Checks a fault that may come over HTTP; returns what is wrong with it, if anything. */
export function faultProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'fault must be an object'
  const f = value as Record<string, unknown>
  if (f.times !== undefined && !(isCount(f.times) && (f.times as number) >= 1)) return 'times must be a number >= 1'
  switch (f.kind) {
    case 'status':
      if (f.status !== 429 && f.status !== 500 && f.status !== 503) return 'status must be 429, 500 or 503'
      if (f.retryAfterSeconds !== undefined && !isCount(f.retryAfterSeconds)) return 'retryAfterSeconds must be >= 0'
      if (f.path !== undefined && (typeof f.path !== 'string' || !f.path.startsWith('/'))) return 'path must start with /'
      return undefined
    case 'cut':
      return isCount(f.afterChunks) ? undefined : 'afterChunks must be a number >= 0'
    case 'slow-first-token':
      return isCount(f.delayMs) ? undefined : 'delayMs must be a number >= 0'
    default:
      return "kind must be 'status', 'cut' or 'slow-first-token'"
  }
}
