// What every conformance test of the simulator needs: a simulator per test
// file (reset before each test), the official SDK pointed at it, raw fetch for
// checking bodies byte by byte, and the spec validator (ajv) for those bodies.
// A route's test then checks both things clients depend on: the SDK's zod
// schemas accept every response, and the spec's schema for path + status does.
import { Mistral } from '@mistralai/mistralai'
import { MistralError } from '@mistralai/mistralai/models/errors'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { startSimulator, type SimOptions, type Simulator } from '../server'
import { createSpecValidator } from '../spec-validator'

/** Validates raw bodies against the spec, with the documented quirks (SPEC_QUIRKS) applied. */
export const spec = createSpecValidator()

export const MODEL = 'mistral-small-latest'

export const RATELIMIT_HEADERS = [
  'x-ratelimit-limit-tokens-minute',
  'x-ratelimit-remaining-tokens-minute',
  'x-ratelimit-limit-tokens-month',
  'x-ratelimit-remaining-tokens-month',
  'x-ratelimit-limit-req-minute',
  'x-ratelimit-remaining-req-minute',
  'x-ratelimit-tokens-query-cost',
]

export interface ApiInit {
  method?: string
  body?: unknown
  /** Defaults to the simulator's key. */
  key?: string
  signal?: AbortSignal
}

export interface SimHarness {
  readonly sim: Simulator
  /** The official SDK, with the simulator's key and URL. */
  readonly sdk: Mistral
  /** A raw request with auth and a JSON body; POST when there is a body. */
  api(path: string, init?: ApiInit): Promise<Response>
}

/** Starts one simulator for the calling test file and resets it before each test. */
export function useSimulator(opts: SimOptions = {}): SimHarness {
  let sim: Simulator | undefined
  let sdk: Mistral | undefined
  const started = () => {
    if (!sim || !sdk) throw new Error('useSimulator: the simulator starts in beforeAll; use it inside tests')
    return { sim, sdk }
  }
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, ...opts })
    sdk = new Mistral({ apiKey: sim.key, serverURL: sim.url })
  })
  afterAll(async () => {
    await sim?.close()
  })
  beforeEach(() => {
    sim?.reset()
  })
  return {
    get sim() {
      return started().sim
    },
    get sdk() {
      return started().sdk
    },
    api(path, init = {}) {
      const { sim } = started()
      return fetch(`${sim.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { authorization: `Bearer ${init.key ?? sim.key}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      })
    },
  }
}

export function chatBody<E extends object = object>(content: string, extra?: E) {
  return { model: MODEL, messages: [{ role: 'user' as const, content }], ...extra }
}

/** The SDK's card union is open (`Unknown`); every card the simulator sends has an id. */
export function cardId(card: object): string {
  return 'id' in card && typeof card.id === 'string' ? card.id : ''
}

/** Splits a data-only SSE body into its `data:` payloads. */
export async function sseData(res: Response): Promise<string[]> {
  const text = await res.text()
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true)
      return block.slice('data: '.length)
    })
}

/** The error an SDK call rejects with; fails the test if it resolves or throws something else. */
export async function sdkError(promise: Promise<unknown>): Promise<MistralError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(MistralError)
  return err as MistralError
}
