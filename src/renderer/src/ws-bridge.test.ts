import { describe, expect, it, vi } from 'vitest'
import type { ChatStreamEvent } from '../../shared/domain'
import type { ClientFrame } from '../../shared/ws-protocol'
import {
  CONNECTION_LOST,
  createWsBridge,
  hostSocketProtocols,
  hostSocketUrl,
  stripTokenFromAddressBar,
  type SocketLike,
} from './ws-bridge'

class FakeSocket implements SocketLike {
  sent: ClientFrame[] = []
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  onerror: SocketLike['onerror'] = null
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientFrame)
  }
  open() {
    this.onopen?.({})
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) })
  }
}

function setup() {
  const socket = new FakeSocket()
  const onConnectionLost = vi.fn()
  const api = createWsBridge({ url: 'ws://h/ws', createSocket: () => socket, onConnectionLost })
  return { socket, api, onConnectionLost }
}

const status = { set: false, last4: null, source: null, backend: 'none', weakEncryption: false }

describe('ws-bridge', () => {
  it('queues invokes until the socket opens, then matches results by id', async () => {
    const { socket, api } = setup()
    const first = api.invoke('keys.status', {})
    const second = api.invoke('conversations.list', {})
    expect(socket.sent).toEqual([])
    socket.open()
    expect(socket.sent.map((f) => [f.id, f.channel])).toEqual([
      [1, 'keys.status'],
      [2, 'conversations.list'],
    ])
    // Answers may come back out of order.
    socket.receive({ kind: 'result', id: 2, result: { ok: true, value: [] } })
    socket.receive({ kind: 'result', id: 1, result: { ok: true, value: status } })
    await expect(first).resolves.toEqual({ ok: true, value: status })
    await expect(second).resolves.toEqual({ ok: true, value: [] })
  })

  it('sends straight away once open', () => {
    const { socket, api } = setup()
    socket.open()
    void api.invoke('chat.stop', { requestId: 'r1' })
    expect(socket.sent).toEqual([{ kind: 'invoke', id: 1, channel: 'chat.stop', input: { requestId: 'r1' } }])
  })

  it('delivers events to listeners until they unsubscribe, and ignores junk', () => {
    const { socket, api } = setup()
    const seen: ChatStreamEvent[] = []
    const off = api.on('chat.stream', (e) => seen.push(e))
    const delta = { type: 'delta', requestId: 'r', conversationId: 'c', messageId: 'm', text: 'hi' }
    socket.receive({ kind: 'event', event: 'chat.stream', payload: delta })
    socket.onmessage?.({ data: 'not json' })
    socket.receive({ kind: 'event', event: 'other', payload: 1 })
    off()
    socket.receive({ kind: 'event', event: 'chat.stream', payload: delta })
    expect(seen).toEqual([delta])
  })

  it('answers pending and later calls with a network error once the socket closes, and reports it once', async () => {
    const { socket, api, onConnectionLost } = setup()
    socket.open()
    const pending = api.invoke('keys.status', {})
    socket.onclose?.({})
    socket.onerror?.({})
    await expect(pending).resolves.toEqual({ ok: false, error: CONNECTION_LOST })
    await expect(api.invoke('keys.status', {})).resolves.toEqual({ ok: false, error: CONNECTION_LOST })
    expect(onConnectionLost).toHaveBeenCalledTimes(1)
    expect(CONNECTION_LOST).toMatchObject({ code: 'network', retryable: true })
  })
})

describe('host helpers', () => {
  it('builds a same-origin socket URL', () => {
    expect(hostSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws')
    expect(hostSocketUrl({ protocol: 'https:', host: 'x' })).toBe('wss://x/ws')
  })

  it('takes #token=T out of the address bar, keeping path and query, and offers T on the handshake', () => {
    const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
    const replaceState = vi.fn()
    const stored = new Map<string, string>()
    const store = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) }
    const loc = { hash: `#token=${token}`, pathname: '/', search: '?x=1' } as Location
    stripTokenFromAddressBar(loc, { state: null, replaceState } as unknown as History, store)
    // No fragment left, so the router's `#/...` starts from its default route.
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1')
    expect([...stored.values()]).toEqual([token])
    expect(hostSocketProtocols(store)).toEqual(['mdesk.v1', `mdesk.token.${token}`])
  })

  it('leaves router fragments and malformed tokens alone', () => {
    const replaceState = vi.fn()
    const history = { state: null, replaceState } as unknown as History
    for (const hash of ['', '#/chat/abc', '#token=', '#token=short', '#token=abc def0123456789abcdef', '#/x?token=0123456789abcdef0123']) {
      stripTokenFromAddressBar({ hash, pathname: '/', search: '' } as Location, history, null)
    }
    expect(replaceState).not.toHaveBeenCalled()
  })

  it('opens the socket with the protocols it is given', () => {
    const createSocket = vi.fn(() => new FakeSocket())
    createWsBridge({ url: 'ws://h/ws', protocols: ['mdesk.v1', 'mdesk.token.t'], createSocket })
    expect(createSocket).toHaveBeenCalledWith('ws://h/ws', ['mdesk.v1', 'mdesk.token.t'])
  })
})
