/**
 * The browser host's stand-in for the Electron preload: the same WindowApi, carried
 * over one WebSocket to the host.
 *
 * The host prints `http://127.0.0.1:P/#token=T`. A fragment never leaves the browser (not
 * in the request, not in a Referer), so the page and its assets load without the token;
 * the page takes T out of the address bar before the router reads the hash, keeps it in
 * this tab's sessionStorage (scoped to scheme, host *and port*, so no other local server
 * can read it, and a reload still works), and offers it on the socket's handshake as a
 * Sec-WebSocket-Protocol value, which the host checks before it accepts the upgrade.
 * A cookie would not do: cookies ignore the port, so one set by the host went to every
 * server on 127.0.0.1. A first-message token would let unauthenticated sockets in and
 * count against the host's socket cap until they spoke.
 */
import type { ChannelName, EventName, EventPayload, Input, Output, WindowApi } from '../../shared/contract'
import { appError, type AppError, type Result } from '../../shared/errors'
import { TOKEN_PROTOCOL_PREFIX, WS_PATH, WS_SUBPROTOCOL, type ClientFrame, type ServerFrame } from '../../shared/ws-protocol'

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
  /** Offered as Sec-WebSocket-Protocol; hostSocketProtocols() by default. */
  protocols?: string[]
  createSocket?: (url: string, protocols: string[]) => SocketLike
  /** Called once, when the socket closes or fails; pending calls have been answered by then. */
  onConnectionLost?: (error: AppError) => void
}

export function hostSocketUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${WS_PATH}`
}

const TOKEN_FRAGMENT = /^#token=(\w{16,128})$/
const TOKEN_STORAGE_KEY = 'mdesk.token'

type TokenStore = Pick<Storage, 'getItem' | 'setItem'>

/** sessionStorage, or null where the browser refuses it (then the token lives for this page only). */
function sessionStore(): TokenStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

let tokenInMemory: string | null = null

/**
 * Takes `#token=T` out of the address bar (history, bookmarks, screenshots) and keeps T
 * for the socket. Must run before anything reads location.hash: the router's `#/...`
 * paths share the fragment.
 */
export function stripTokenFromAddressBar(loc: Location, history: History, store: TokenStore | null = sessionStore()): void {
  watchForNewToken(loc, history, store)
  const match = TOKEN_FRAGMENT.exec(loc.hash)
  if (!match?.[1]) return
  tokenInMemory = match[1]
  try {
    store?.setItem(TOKEN_STORAGE_KEY, match[1])
  } catch {
    // Storage full or denied: this page still has the token in memory.
  }
  history.replaceState(history.state, '', `${loc.pathname}${loc.search}`)
}

let watching = false

/**
 * A host restarted on the same port prints a URL that differs from this page's only in
 * its fragment, and opening it in this tab does not reload the page: take the new token
 * and reload, so the page reconnects with it (the old socket belonged to the old host).
 */
function watchForNewToken(loc: Location, history: History, store: TokenStore | null): void {
  if (watching || typeof window === 'undefined') return
  watching = true
  window.addEventListener('hashchange', () => {
    if (!TOKEN_FRAGMENT.test(loc.hash)) return
    stripTokenFromAddressBar(loc, history, store)
    loc.reload()
  })
}

/** What the socket offers on its handshake: our subprotocol, and the token if this tab has one. */
export function hostSocketProtocols(store: TokenStore | null = sessionStore()): string[] {
  let token = tokenInMemory
  try {
    token ??= store?.getItem(TOKEN_STORAGE_KEY) ?? null
  } catch {
    // Unreadable storage: connect without it, and the host will say no.
  }
  return token ? [WS_SUBPROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`] : [WS_SUBPROTOCOL]
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
  const createSocket = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike)
  const socket = createSocket(options.url, options.protocols ?? hostSocketProtocols())
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
