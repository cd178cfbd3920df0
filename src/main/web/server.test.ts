import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect as connectTcp } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { ServerFrame } from '../../shared/ws-protocol'
import { RecordingLogger } from '../core/testing/doubles'
import { MAX_SOCKETS, TRY_AGAIN_LATER } from './connection-limits'
import { MAX_FRAME_BYTES } from './frame-limit'
import { startWebHost, type WebHost } from './server'

let root: string
let host: WebHost
let base: string
/** What the page offers on the upgrade: our subprotocol and the token. */
let protocols: string[]

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, because fetch will not let a test forge Host or Origin. */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(offered: string[] = protocols, origin = base, headers: Record<string, string> = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${host.port}/ws`, offered, { headers, origin })
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
}

function refusedStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the socket was accepted')))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', () => resolve(-1))
  })
}

async function invoke(ws: WebSocket, id: number, channel: string, input: unknown): Promise<ServerFrame> {
  const reply = new Promise<ServerFrame>((resolve) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as ServerFrame
      if (frame.kind === 'result' && frame.id === id) {
        ws.off('message', onMessage)
        resolve(frame)
      }
    }
    ws.on('message', onMessage)
  })
  ws.send(JSON.stringify({ kind: 'invoke', id, channel, input }))
  return reply
}

/** A masked client frame header announcing `length` bytes of text (RFC 6455 5.2), and its mask key. */
function textFrameHeader(length: number): Buffer {
  const header = Buffer.alloc(14)
  header[0] = 0x81
  header[1] = 0x80 | 127
  header.writeBigUInt64BE(BigInt(length), 2)
  return header // The mask key (bytes 10-13) is zero: the body goes through unchanged.
}

/**
 * Upgrades a bare TCP socket with the given headers, then sends `bytes`. Resolves with the
 * close code the host sent and how long after the write it came.
 */
function rawSend(headers: Record<string, string>, bytes: Buffer): Promise<{ code: number | null; afterMs: number }> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(host.port, '127.0.0.1')
    let received = Buffer.alloc(0)
    let sentAt = 0
    socket.on('error', () => {})
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (sentAt) return
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      if (!received.subarray(0, 12).toString().includes('101')) return reject(new Error(received.toString()))
      received = received.subarray(end + 4)
      sentAt = Date.now()
      socket.write(bytes)
    })
    socket.once('close', () => {
      const code = received.length >= 4 && received[0] === 0x88 ? received.readUInt16BE(2) : null
      resolve({ code, afterMs: Date.now() - sentAt })
    })
    const lines = [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${host.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      `Origin: ${base}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ]
    socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  })
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mdesk-webhost-'))
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mistral Desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")')
  // Outside the renderer dir: traversal attempts aim here.
  writeFileSync(join(root, 'secret.txt'), 'top secret')
  host = await startWebHost({
    port: 0,
    dataDir: join(root, 'data'),
    // Nothing listens there; keys.status must not need the network.
    serverURL: 'http://127.0.0.1:9',
    rendererDir,
    logger: new RecordingLogger(),
  })
  base = `http://127.0.0.1:${host.port}`
  protocols = ['mdesk.v1', `mdesk.token.${host.token}`]
})

afterAll(async () => {
  await host?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('browser host HTTP', () => {
  it('prints a loopback URL carrying a random hex token in the fragment, which browsers never send', () => {
    expect(host.url).toBe(`${base}/#token=${host.token}`)
    expect(host.token).toMatch(/^[0-9a-f]{48}$/)
  })

  it('serves the page without a token, with the security headers and no cookie', async () => {
    const reply = await get('/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Mistral Desk</title>')
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['set-cookie']).toBeUndefined()
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
  })

  it('never sets a cookie, not even for a token in the query (the old URL form)', async () => {
    for (const path of ['/', `/?token=${host.token}`, `/assets/app.js?token=${host.token}`]) {
      const reply = await get(path)
      expect(reply.status, path).toBe(200)
      expect(reply.headers['set-cookie'], path).toBeUndefined()
    }
  })

  it('serves assets without a token', async () => {
    const reply = await get('/assets/app.js')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(reply.headers['set-cookie']).toBeUndefined()
    expect((await get('/assets/missing.js')).status).toBe(404)
  })

  it('blocks path traversal, encoded or not', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt']) {
      const reply = await get(path)
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain('top secret')
    }
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421)
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await get('/', { host: `localhost:${host.port}` })).status).toBe(200)
  })

  it('sends Cross-Origin-Resource-Policy: same-origin on every response, refusals included', async () => {
    const replies = {
      page: await get('/'),
      asset: await get('/assets/app.js'),
      missing: await get('/assets/missing.js'),
      foreignOrigin: await get('/', { origin: 'http://evil.example' }),
      foreignHost: await get('/', { host: 'evil.example' }),
    }
    for (const [name, reply] of Object.entries(replies)) {
      expect(reply.headers['cross-origin-resource-policy'], name).toBe('same-origin')
    }
  })

  it('accepts only GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/', method: 'POST' }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(405)
  })
})

describe('browser host WebSocket', () => {
  it('refuses a socket without the token, with a wrong one, or with it only in a cookie or the query', async () => {
    expect(await refusedStatus(connect(['mdesk.v1']))).toBe(403)
    expect(await refusedStatus(connect(['mdesk.v1', 'mdesk.token.nope']))).toBe(403)
    expect(await refusedStatus(connect(['mdesk.v1'], base, { cookie: `mdesk_token=${host.token}` }))).toBe(403)
    const inQuery = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, ['mdesk.v1'], { origin: base })
    expect(await refusedStatus(inQuery)).toBe(403)
  })

  it('refuses a socket from a foreign origin or with no origin, even with the token', async () => {
    expect(await refusedStatus(connect(protocols, 'http://evil.example'))).toBe(403)
    const noOrigin = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, protocols)
    expect(await refusedStatus(noOrigin)).toBe(403)
  })

  it('selects mdesk.v1 and never echoes the token protocol back', async () => {
    const ws = connect()
    const upgrade = new Promise<Record<string, string | string[] | undefined>>((resolve) =>
      ws.once('upgrade', (res) => resolve(res.headers)),
    )
    await opened(ws)
    const headers = await upgrade
    expect(ws.protocol).toBe('mdesk.v1')
    expect(JSON.stringify(headers)).not.toContain(host.token)
    ws.close()
  })

  it('answers keys.status with a Result', async () => {
    const ws = connect()
    await opened(ws)
    const frame = await invoke(ws, 1, 'keys.status', {})
    expect(frame).toMatchObject({ kind: 'result', id: 1, result: { ok: true, value: { set: false } } })
    ws.close()
  })

  it('maps invalid input and unknown channels to invalid_input errors', async () => {
    const ws = connect()
    await opened(ws)
    const bad = await invoke(ws, 2, 'keys.set', { key: 42 })
    expect(bad).toMatchObject({ kind: 'result', id: 2, result: { ok: false, error: { code: 'invalid_input' } } })
    const unknown = await invoke(ws, 3, 'fs.readFile', { path: '/etc/passwd' })
    expect(unknown).toMatchObject({ kind: 'result', id: 3, result: { ok: false, error: { code: 'invalid_input' } } })
    ws.close()
  })

  it('refuses a frame larger than any valid request from its header, while other sockets are served', async () => {
    const other = connect()
    await opened(other)
    // Announces one byte over the limit, then sends only 1 KiB of it: the host must not wait for the rest.
    const refused = rawSend({ 'Sec-WebSocket-Protocol': protocols.join(', ') }, Buffer.concat([textFrameHeader(MAX_FRAME_BYTES + 1), Buffer.alloc(1024, 0x20)]))
    expect(await invoke(other, 10, 'keys.status', {})).toMatchObject({ result: { ok: true } })
    const { code, afterMs } = await refused
    expect(code).toBe(1009)
    expect(afterMs).toBeLessThan(2_000)
    expect(await invoke(other, 11, 'keys.status', {})).toMatchObject({ result: { ok: true } })
    other.close()
  })

  it('accepts the largest valid request: a chat.send of 1,000,000 escaped characters', async () => {
    const ws = connect()
    await opened(ws)
    const input = { model: 'mistral-small-latest', content: '\u0001'.repeat(1_000_000), settings: { systemPrompt: '\u0001'.repeat(100_000), params: {} } }
    const frame = await invoke(ws, 12, 'chat.send', input)
    // No key is set here, so the core answers; what matters is that the frame got that far.
    expect(frame).toMatchObject({ kind: 'result', id: 12, result: { ok: false, error: { code: 'no_key' } } })
    ws.close()
  })

  it(`accepts at most ${MAX_SOCKETS} sockets, refusing the next with 1013 and a reason, and one more once one closes`, async () => {
    const held: WebSocket[] = []
    for (let i = 0; i < MAX_SOCKETS; i++) {
      const ws = connect()
      await opened(ws)
      held.push(ws)
    }
    const extra = connect()
    const refusal = await new Promise<{ code: number; reason: string }>((resolve) =>
      extra.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    expect(refusal.code).toBe(TRY_AGAIN_LATER)
    expect(refusal.reason).toMatch(/Too many open windows/)
    // The ones already open are unaffected.
    expect(await invoke(held[0] as WebSocket, 20, 'keys.status', {})).toMatchObject({ result: { ok: true } })

    const gone = new Promise((resolve) => held[1]?.once('close', resolve))
    held[1]?.close()
    await gone
    await new Promise((resolve) => setTimeout(resolve, 50))
    const again = connect()
    await opened(again)
    expect(await invoke(again, 21, 'keys.status', {})).toMatchObject({ result: { ok: true } })
    for (const ws of [...held, again]) ws.close()
  })
})
