// Mistral API simulator: auth, the fault queue, the /__sim control endpoints,
// and dispatch to the endpoints of routes/index.ts. Wire facts:
// ../shared/mistral-api/README.md (beside the repository).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { configFrom, DEFAULT_REPLY_TOKENS, type SimConfig } from './config'
import { FaultQueue, faultProblem, sendStatusFault, type Fault } from './faults'
import { apiError, readBody, readBodyBytes, sendJson, hexId } from './http'
import { modelCards } from './model-catalog'
import { RateLimitMeter } from './ratelimit'
import { SimClock } from './sim-clock'
import { SimState } from './sim-state'
import { ROUTES } from './routes'
import { SimFiles } from './routes/files/sim-files'
import { createRouter } from './routes/router'
import { loadSpec } from './spec'

export interface SimOptions {
  /** 0 or undefined: a random free port. */
  port?: number
  /** Defaults to DEFAULT_SIM_KEY. */
  key?: string
  /** Default streaming rate; 0 (the default) streams as fast as possible. */
  tokensPerSecond?: number
  /** 'assistant' (default): realistic replies; 'echo': "Echo: <prompt> <filler>", which older tests match on. */
  replyStyle?: SimConfig['replyStyle']
}

export const DEFAULT_SIM_KEY = 'sim-key-0123456789abcdef'

export type { Fault, StreamFault } from './faults'
export type { SimConfig } from './config'

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
  /** Moves the jobs' clock forward by `seconds` of simulated time. */
  advance(seconds: number): void
  /** Changes the config as POST /__sim/config does; throws on a bad value. */
  configure(changes: Partial<SimConfig>): void
  /** Clears faults, recorded requests, config, created resources (jobs, fine-tuned models) and the clock. */
  reset(): void
  close(): Promise<void>
}

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  // Parse the spec before listening so the first request is not slowed by it.
  loadSpec()
  modelCards()
  const router = createRouter(ROUTES)

  const key = opts.key ?? DEFAULT_SIM_KEY
  const initial: SimConfig = {
    tokensPerSecond: opts.tokensPerSecond ?? 0,
    replyTokens: DEFAULT_REPLY_TOKENS,
    replyStyle: opts.replyStyle ?? 'assistant',
    timeScale: 1,
    fineTuning: 'available',
  }
  let settings: SimConfig = { ...initial }
  const faults = new FaultQueue()
  const requests: RecordedRequest[] = []
  const meter = new RateLimitMeter()
  const state = new SimState()
  const clock = new SimClock()
  const files = new SimFiles()

  const injectFault = (fault: Fault) => faults.push(fault)
  const advance = (seconds: number) => clock.advance(seconds)
  /** Applies config changes; returns what is wrong with them instead. */
  const configure = (changes: unknown): string | undefined => {
    const next = configFrom(changes, settings)
    if (typeof next === 'string') return next
    settings = next
    clock.setScale(settings.timeScale)
    return undefined
  }
  const reset = () => {
    faults.clear()
    requests.length = 0
    settings = { ...initial }
    meter.reset()
    state.clear()
    clock.reset(settings.timeScale)
    files.clear()
  }

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const route = `${req.method} ${path}`
    if (route === 'GET /__sim/requests') return sendJson(res, 200, requests)
    // Signed URLs of uploaded files (GET /v1/files/{id}/url) point here: no auth, the signature is the token.
    if (req.method === 'GET' && path.startsWith('/__sim/signed/')) return files.serveSigned(res, path, new URL(req.url ?? '/', 'http://sim.local'))
    if (route === 'POST /__sim/reset') {
      reset()
      return sendJson(res, 200, { ok: true })
    }
    if (route === 'POST /__sim/fault' || route === 'POST /__sim/config' || route === 'POST /__sim/advance') {
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
      if (route === 'POST /__sim/advance') {
        const seconds = (body as { seconds?: unknown } | null)?.seconds
        if (typeof seconds !== 'number' || !(seconds >= 0)) return sendJson(res, 400, { error: 'seconds must be a number >= 0' })
        advance(seconds)
        return sendJson(res, 200, { ok: true, now: clock.nowSeconds() })
      }
      const problem = configure(body)
      if (problem) return sendJson(res, 400, { error: problem })
      return sendJson(res, 200, { ok: true, config: settings })
    }
    sendJson(res, 404, { error: `unknown control route ${route}` })
  }

  const api = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> => {
    const bytes = req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readBodyBytes(req)
    const raw = bytes.toString('utf8')
    const multipart = req.headers['content-type']?.startsWith('multipart/form-data') === true
    // An upload is recorded by its size: tests ask whether a file reached the API, not for its bytes as text.
    const recorded = multipart ? { multipart: true, bytes: bytes.length } : parseMaybe(raw)
    requests.push({ method: req.method ?? 'GET', path, body: recorded, at: Date.now() })

    if (req.headers.authorization !== `Bearer ${key}`) {
      return sendJson(res, 401, { message: 'Unauthorized', request_id: hexId() })
    }

    const statusFault = faults.takeStatus(path)
    if (statusFault) return sendStatusFault(res, statusFault, meter)

    const found = router.match(req.method ?? 'GET', path)
    // FastAPI's defaults for routes it does not have, and for methods a route does not take.
    if (found.kind === 'not-found') return sendJson(res, 404, { detail: 'Not Found' })
    if (found.kind === 'method-not-allowed') return sendJson(res, 405, { detail: 'Method Not Allowed' })
    return found.route.handle({
      res,
      params: found.params,
      body: raw,
      bytes,
      headers: req.headers,
      baseUrl: `http://${req.headers.host ?? "127.0.0.1"}`,
      files,
      meter,
      config: settings,
      state,
      clock,
      query,
      takeStreamFault: (streaming) => faults.takeStream(streaming),
    })
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.local')
    const path = url.pathname
    const handled = path.startsWith('/__sim/') ? control(req, res, path) : api(req, res, path, url.searchParams)
    handled.catch((err: unknown) => {
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
    advance,
    configure(changes) {
      const problem = configure(changes)
      if (problem) throw new Error(`invalid config: ${problem}`)
    },
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

function parseMaybe(raw: string): unknown {
  if (raw === '') return null
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}
