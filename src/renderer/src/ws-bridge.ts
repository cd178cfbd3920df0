/**
 * The browser host's stand-in for the Electron preload: the same WindowApi, carried
 * over one WebSocket to the host. The auth cookie rides along with the upgrade request,
 * so the renderer never handles the token after the first page load.
 */
import type { ChannelName, EventName, EventPayload, Input, Output, WindowApi } from '../../shared/contract'
import { appError, type AppError, type Result } from '../../shared/errors'
import { WS_PATH, type ClientFrame, type ServerFrame } from '../../shared/ws-protocol'

export const CONNECTION_LOST: AppError = appError(
  'network',
  'Lost the connection to the app host. Reload the page to reconnect.',
  { retryable: true },
)

/** The part of the DOM WebSocket the bridge uses, so tests can hand in a fake. */
export interface SocketLike {
  send(data: string): void
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  onclose: ((ev: unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
}

export interface BridgeOptions {
  url: string
  createSocket?: (url: string) => SocketLike
  /** Called once, when the socket closes or fails; pending calls have been answered by then. */
  onConnectionLost?: (error: AppError) => void
}

export function hostSocketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${WS_PATH}`
}

/** The token now lives in an HttpOnly cookie; leaving it in the address bar would leak it to history and screenshots. */
export function stripTokenFromAddressBar(loc: Location, history: History): void {
  const url = new URL(loc.href)
  if (!url.searchParams.has('token')) return
  url.searchParams.delete('token')
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
}

function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null
  try {
    const frame = JSON.parse(data) as ServerFrame
    return frame && (frame.kind === 'result' || frame.kind === 'event') ? frame : null
  } catch {
    return null
  }
}

export function createWsBridge(options: BridgeOptions): WindowApi {
  const socket = (options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike))(options.url)
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  // Invokes made before the handshake finishes wait here instead of throwing from send().
  let queue: string[] | null = []
  let lost = false
  let nextId = 1

  socket.onopen = () => {
    const waiting = queue ?? []
    queue = null
    for (const frame of waiting) socket.send(frame)
  }

  socket.onmessage = (ev) => {
    const frame = parseFrame(ev.data)
    if (!frame) return
    if (frame.kind === 'result') {
      const resolve = pending.get(frame.id)
      pending.delete(frame.id)
      resolve?.(frame.result)
      return
    }
    for (const listener of listeners.get(frame.event) ?? []) {
      try {
        listener(frame.payload)
      } catch (err) {
        // One broken listener must not starve the others of the same event.
        console.error(err)
      }
    }
  }

  const connectionLost = () => {
    if (lost) return
    lost = true
    queue = null
    const waiting = [...pending.values()]
    pending.clear()
    for (const resolve of waiting) resolve({ ok: false, error: CONNECTION_LOST })
    options.onConnectionLost?.(CONNECTION_LOST)
  }
  socket.onclose = connectionLost
  socket.onerror = connectionLost

  return {
    invoke<C extends ChannelName>(channel: C, input: Input<C>) {
      if (lost) return Promise.resolve({ ok: false, error: CONNECTION_LOST })
      const id = nextId++
      const frame: ClientFrame = { kind: 'invoke', id, channel, input }
      const text = JSON.stringify(frame)
      // The host answers each channel with its contract output; the frame itself is untyped JSON.
      return new Promise<Result<Output<C>>>((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void)
        if (queue) queue.push(text)
        else socket.send(text)
      })
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    },
  }
}
