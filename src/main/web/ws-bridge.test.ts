import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { ServerFrame } from '../../shared/ws-protocol'
import type { CallContext, Handlers } from '../core/dispatch'
import { RecordingLogger } from '../core/testing/doubles'
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
  return { open }
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
})
