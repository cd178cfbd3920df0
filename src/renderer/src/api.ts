/**
 * The typed client every screen uses. It hides which host we run in: Electron's
 * preload (window.api) or the browser host's WebSocket (ws-bridge.ts).
 */
import type { ChannelName, EventName, EventPayload, Input, Output, WindowApi } from '../../shared/contract'
import { AppErrorException, appError, type AppError } from '../../shared/errors'
import { createWsBridge, hostSocketUrl } from './ws-bridge'

let current: WindowApi | null = null
const lostListeners = new Set<(error: AppError) => void>()

function api(): WindowApi {
  current ??=
    window.api ??
    createWsBridge({
      url: hostSocketUrl(window.location),
      onConnectionLost: (error) => lostListeners.forEach((listener) => listener(error)),
    })
  return current
}

/** True when the preload is absent and the page talks to the browser host. */
export function isBrowserHost(): boolean {
  return typeof window !== 'undefined' && !window.api
}

/** Lets tests (which run in Node, without window) supply their own host. */
export function setApiForTests(fake: WindowApi | null): void {
  current = fake
}

/** Fires when the browser host's socket drops; Electron IPC does not drop. */
export function onConnectionLost(listener: (error: AppError) => void): () => void {
  lostListeners.add(listener)
  return () => {
    lostListeners.delete(listener)
  }
}

/** Calls a channel and unwraps its Result, so callers can use try/catch with a typed AppError. */
export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  let result
  try {
    result = await api().invoke(channel, input)
  } catch (err) {
    // Only a broken preload or host rejects; the contract itself answers with data.
    throw new AppErrorException(toAppError(err))
  }
  if (!result.ok) throw new AppErrorException(result.error)
  return result.value
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, listener)
}

/** Whatever a call threw, as the AppError the UI shows. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppErrorException) return err.appError
  return appError('internal', 'Something went wrong inside the app. Retry, and report it if it keeps happening.')
}
