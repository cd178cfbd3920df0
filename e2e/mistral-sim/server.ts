// Mistral API simulator: routing, auth, fault injection and the /__sim
// control endpoints. Wire facts: /work/shared/mistral-api/README.md.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { planReply, sendCompletion, streamCompletion, type ChatSettings } from './chat'
import { FaultQueue, faultProblem, isCount, sendStatusFault, type Fault } from './faults'
import { apiError, readBody, sendJson, hexId } from './http'
import { findModel, modelCards } from './models'
import { RateLimitMeter } from './ratelimit'
import { checkChatRequest } from './request-rules'
import { loadSpec } from './spec'

export interface SimOptions {
  /** 0 or undefined: a random free port. */
  port?: number
  /** Defaults to DEFAULT_SIM_KEY. */
  key?: string
  /** Default streaming rate; 0 (the default) streams as fast as possible. */
  tokensPerSecond?: number
}

export const DEFAULT_SIM_KEY = 'sim-key-0123456789abcdef'

export type { Fault, StreamFault } from './faults'

/** Never holds the Authorization header. `body` is parsed JSON, the raw text if it is not JSON, or null. */
export interface RecordedRequest {
  method: string
  path: string
  body: unknown
  at: number
}

export interface Simulator {
  url: string
  port: number
  key: string
  /** Queued; applies to the next matching request(s). `path` defaults to /v1/chat/completions, `times` to 1. */
  injectFault(fault: Fault): void
  readonly requests: RecordedRequest[]
  /** Clears faults, recorded requests and config. */
  reset(): void
  close(): Promise<void>
}

const CHAT_PATH = '/v1/chat/completions'
const DEFAULT_REPLY_TOKENS = 40

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  // Parse the spec before listening so the first request is not slowed by it.
  loadSpec()
  modelCards()

  const key = opts.key ?? DEFAULT_SIM_KEY
  const initial: ChatSettings = { tokensPerSecond: opts.tokensPerSecond ?? 0, replyTokens: DEFAULT_REPLY_TOKENS }
  let settings: ChatSettings = { ...initial }
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  const meter = new RateLimitMeter()

  const injectFault = (fault: Fault) => faults.push(fault)
  const reset = () => {
    faults.clear()
    requests.length = 0
    settings = { ...initial }
    meter.reset()
  }

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const route = `${req.method} ${path}`
    if (route === 'GET /__sim/requests') return sendJson(res, 200, requests)
    if (route === 'POST /__sim/reset') {
      reset()
      return sendJson(res, 200, { ok: true })
    }
    if (route === 'POST /__sim/fault' || route === 'POST /__sim/config') {
      let body: unknown
      try {
        body = JSON.parse(await readBody(req))
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON' })
      }
      if (route === 'POST /__sim/fault') {
        const problem = faultProblem(body)
        if (problem) return sendJson(res, 400, { error: problem })
        injectFault(body as Fault)
        return sendJson(res, 200, { ok: true })
      }
      const next = configFrom(body, settings)
      if (typeof next === 'string') return sendJson(res, 400, { error: next })
      settings = next
      return sendJson(res, 200, { ok: true, config: settings })
    }
    sendJson(res, 404, { error: `unknown control route ${route}` })
  }

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const raw = req.method === 'GET' || req.method === 'HEAD' ? '' : await readBody(req)
    requests.push({ method: req.method ?? 'GET', path, body: parseMaybe(raw), at: Date.now() })

    if (req.headers.authorization !== `Bearer ${key}`) {
      return sendJson(res, 401, { message: 'Unauthorized', request_id: hexId() })
    }

    const statusFault = faults.takeStatus(path)
    if (statusFault) return sendStatusFault(res, statusFault, meter)

    if (path === '/v1/models') {
      if (req.method !== 'GET') return methodNotAllowed(res)
      return sendJson(res, 200, { object: 'list', data: modelCards() }, meter.charge(0))
    }
    const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path)
    if (modelMatch) {
      if (req.method !== 'GET') return methodNotAllowed(res)
      const id = decodeURIComponent(modelMatch[1] ?? '')
      const card = findModel(id)
      if (!card) return sendJson(res, 404, apiError(`Invalid model: ${id}`, 'invalid_model', '1500'), meter.charge(0))
      return sendJson(res, 200, card, meter.charge(0))
    }
    if (path === CHAT_PATH) {
      if (req.method !== 'POST') return methodNotAllowed(res)
      const checked = checkChatRequest(raw)
      if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
      const plan = planReply(checked.request, settings)
      const headers = meter.charge(plan.usage.total_tokens)
      const streaming = checked.request.stream === true
      // Taken only once the request is valid, so a rejected request does not use up a fault.
      const streamFault = faults.takeStream(streaming)
      if (streaming) return streamCompletion(res, checked.request, plan, headers, streamFault)
      return sendCompletion(res, checked.request, plan, headers, streamFault)
    }
    // FastAPI's default for routes it does not have.
    sendJson(res, 404, { detail: 'Not Found' })
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://sim.local').pathname
    const handler = path.startsWith('/__sim/') ? control : api
    handler(req, res, path).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, apiError(`Simulator error: ${String(err)}`, 'internal_server_error', null))
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    key,
    injectFault,
    get requests() {
      return requests
    },
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // Open streams and idle keep-alive sockets would otherwise hold close() forever.
        server.closeAllConnections()
      }),
  }
}

function methodNotAllowed(res: ServerResponse): void {
  sendJson(res, 405, { detail: 'Method Not Allowed' })
}

function parseMaybe(raw: string): unknown {
  if (raw === '') return null
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function configFrom(value: unknown, current: ChatSettings): ChatSettings | string {
  if (typeof value !== 'object' || value === null) return 'config must be an object'
  const c = value as Record<string, unknown>
  const next = { ...current }
  if (c.tokensPerSecond !== undefined) {
    if (!isCount(c.tokensPerSecond)) return 'tokensPerSecond must be a number >= 0'
    next.tokensPerSecond = c.tokensPerSecond as number
  }
  if (c.replyTokens !== undefined) {
    if (!isCount(c.replyTokens)) return 'replyTokens must be a number >= 0'
    next.replyTokens = Math.floor(c.replyTokens as number)
  }
  return next
}
