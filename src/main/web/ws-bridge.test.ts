import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { ServerFrame } from '../../shared/ws-protocol'
import type { CallContext, Handlers } from '../core/dispatch'
import { RecordingLogger } from '../core/testing/doubles'
import { MAX_STREAMS_PER_SOCKET } from './connection-limits'
import { bridgeSocket } from './ws-bridge'

let server: Server | null = null

/** A bridge over fake handlers: only the channel names matter to dispatch(). */
async function bridge(handlers: Partial<Record<keyof Handlers, (input: unknown, ctx: CallContext) => unknown>>) {
  const wss = new WebSocketServer({ noServer: true })
  server = createServer()
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => bridgeSocket(ws, { handlers: handlers as unknown as Handlers, secrets: () => [] }, new RecordingLogger())),
  )
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const open = async (): Promise<{ ws: WebSocket; frames: ServerFrame[] }> => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`)
    const frames: ServerFrame[] = []
    ws.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as ServerFrame))
    await new Promise((resolve) => ws.once('open', resolve))
    return { ws, frames }
  }
  return { open, port }
}

/** Upgrades a bare TCP socket and writes `bytes` after the 101; resolves with the close code the server sent. */
function rawViolation(port: number, bytes: Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    let upgraded = false
    socket.on('error', () => {})
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (upgraded) return
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      upgraded = true
      received = received.subarray(end + 4)
      socket.write(bytes)
    })
    socket.once('close', () => resolve(received.length >= 4 && (received[0] as number) === 0x88 ? received.readUInt16BE(2) : null))
    socket.write(
      'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    )
  })
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(check()).toBe(true)
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  server = null
})

describe('bridgeSocket', () => {
  it('sends events only to the socket that made the call, and runs onClose when it drops', async () => {
    let closed = 0
    const { open } = await bridge({
      'chat.stop': (_input, ctx) => {
        ctx.emit('chat.stream', { type: 'stopped', requestId: 'r1', conversationId: 'c', messageId: 'm' })
        ctx.onClose(() => closed++)
        return { stopped: true }
      },
    })
    const a = await open()
    const b = await open()
    a.ws.send(JSON.stringify({ kind: 'invoke', id: 7, channel: 'chat.stop', input: { requestId: 'r1' } }))
    await until(() => a.frames.length === 2)
    expect(a.frames[0]).toMatchObject({ kind: 'event', event: 'chat.stream', payload: { type: 'stopped' } })
    expect(a.frames[1]).toEqual({ kind: 'result', id: 7, result: { ok: true, value: { stopped: true } } })
    expect(b.frames).toEqual([])
    expect(closed).toBe(0)
    a.ws.close()
    await until(() => closed === 1)
    b.ws.close()
  })

  it('answers a malformed frame that has an id, and closes on one without', async () => {
    const { open } = await bridge({})
    const { ws, frames } = await open()
    ws.send(JSON.stringify({ kind: 'invoke', id: 3, channel: 5 }))
    await until(() => frames.length === 1)
    expect(frames[0]).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_input' } } })
    const code = new Promise<number>((resolve) => ws.once('close', resolve))
    ws.send('not json')
    expect(await code).toBe(1008)
  })

  it('survives a protocol error: that socket closes with 1002, the other keeps working, onClose runs', async () => {
    let closed = 0
    const { open, port } = await bridge({
      'keys.status': (_input, ctx) => {
        ctx.onClose(() => closed++)
        return { set: false }
      },
    })
    const good = await open()
    // An unmasked text frame "{}": clients must mask, so RFC 6455 says fail the connection.
    expect(await rawViolation(port, Buffer.from([0x81, 0x02, 0x7b, 0x7d]))).toBe(1002)
    good.ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'keys.status', input: {} }))
    await until(() => good.frames.length === 1)
    expect(good.frames[0]).toMatchObject({ id: 1, result: { ok: true } })
    good.ws.close()
    await until(() => closed === 1)
  })

  it(`lets one socket stream at most ${MAX_STREAMS_PER_SOCKET} replies at once, and frees a slot when one ends`, async () => {
    let started = 0
    const contexts: CallContext[] = []
    const { open } = await bridge({
      'chat.send': (_input, ctx) => {
        const requestId = `r${++started}`
        contexts.push(ctx)
        return { requestId, conversationId: `c${started}`, userMessageId: 'u', assistantMessageId: `m${started}` }
      },
    })
    const a = await open()
    const b = await open()
    const send = (ws: WebSocket, id: number) =>
      ws.send(JSON.stringify({ kind: 'invoke', id, channel: 'chat.send', input: { model: 'm', content: 'hi' } }))
    const resultOf = (frames: ServerFrame[], id: number) => frames.find((f) => f.kind === 'result' && f.id === id)

    for (let id = 1; id <= MAX_STREAMS_PER_SOCKET + 1; id++) send(a.ws, id)
    await until(() => a.frames.length === MAX_STREAMS_PER_SOCKET + 1)
    expect(started).toBe(MAX_STREAMS_PER_SOCKET)
    expect(resultOf(a.frames, MAX_STREAMS_PER_SOCKET + 1)).toMatchObject({
      result: { ok: false, error: { code: 'rate_limited', retryable: true } },
    })
    expect(JSON.stringify(resultOf(a.frames, MAX_STREAMS_PER_SOCKET + 1))).toMatch(/at most 4 replies/)

    // Another socket has its own allowance.
    send(b.ws, 1)
    await until(() => b.frames.length === 1)
    expect(resultOf(b.frames, 1)).toMatchObject({ result: { ok: true } })

    // A reply that ends (done, stopped or error) gives its slot back.
    contexts[0]?.emit('chat.stream', { type: 'done', requestId: 'r1', conversationId: 'c1', messageId: 'm1', finishReason: 'stop', usage: null })
    send(a.ws, 10)
    await until(() => resultOf(a.frames, 10) !== undefined)
    expect(resultOf(a.frames, 10)).toMatchObject({ result: { ok: true } })
    a.ws.close()
    b.ws.close()
  })
})
