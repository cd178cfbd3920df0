// What a simulated endpoint is. A route never sees the server: it gets the
// request and the shared pieces (rate-limit meter, config, stream faults)
// through RouteContext, so routes and server import in one direction only.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { SimConfig } from '../config'
import type { StreamFault } from '../faults'
import type { RateLimitMeter } from '../ratelimit'
import type { SimClock } from '../sim-clock'
import type { SimState } from '../sim-state'
import type { SimFiles } from './files/sim-files'

export interface RouteContext {
  res: ServerResponse
  /** Path parameters by their name in the spec's template, URL-decoded. */
  params: Readonly<Record<string, string>>
  /** The raw request body; '' for GET and HEAD. */
  body: string
  /** The same body as bytes (multipart uploads are binary). */
  bytes: Buffer
  headers: IncomingHttpHeaders
  query: URLSearchParams
  /** This simulator's base URL, e.g. http://127.0.0.1:8787 (for signed URLs). */
  baseUrl: string
  /** The files uploaded to this simulator (POST /v1/files); cleared by reset(). */
  files: SimFiles
  meter: RateLimitMeter
  /** The config at the time of the request. */
  config: SimConfig
  /** Resources the routes created (jobs, fine-tuned models); emptied by reset(). */
  state: SimState
  /** Simulated time for jobs; /__sim/config timeScale and /__sim/advance move it. */
  clock: SimClock
  /** Takes the first queued cut or slow-first-token fault that applies; take it once the request is valid. */
  takeStreamFault(streaming: boolean): StreamFault | undefined
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The path template exactly as the spec writes it, e.g. /v1/models/{model_id}. */
  path: string
  /** The spec operation this route simulates; its method and path are checked against it at start-up. */
  operationId: string
  /** Auth and status faults are already handled when this runs. */
  handle(ctx: RouteContext): void | Promise<void>
}
