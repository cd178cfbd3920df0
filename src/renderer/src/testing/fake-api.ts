/** A scripted host for store tests: each channel answers from a handler, and every call is recorded. */
import type { ChannelName, EventName, EventPayload, WindowApi } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { setApiForTests } from '../api'

type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>

export interface FakeApi {
  handlers: Partial<Record<ChannelName, Handler>>
  calls: { channel: ChannelName; input: unknown }[]
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export function installFakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const fake: FakeApi = {
    handlers: {},
    calls: [],
    emit: (event, payload) => listeners.get(event)?.forEach((l) => (l as (p: typeof payload) => void)(payload)),
  }
  const api: WindowApi = {
    invoke: (async (channel: ChannelName, input: unknown) => {
      fake.calls.push({ channel, input })
      const handler = fake.handlers[channel]
      return handler ? handler(input) : { ok: false, error: { code: 'internal', message: 'no handler', retryable: false } }
    }) as WindowApi['invoke'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
  }
  setApiForTests(api)
  return fake
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
