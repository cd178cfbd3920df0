/**
 * The browser host: the same core as the Electron shell, reached over a WebSocket on
 * 127.0.0.1 instead of IPC, and the built renderer served over HTTP. Used by the e2e
 * tests and on machines without Electron. The composition root for this host.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { WS_PATH, WS_SUBPROTOCOL } from '../../shared/ws-protocol'
import { createCore } from '../core/create-core'
import { systemClock, type Logger } from '../core/ports'
import { createConsoleLogger } from '../node/console-logger'
import { createFileLogger, teeLogger } from '../node/file-logger'
import { createNodeSettings } from '../node/node-settings'
import { SECURITY_HEADERS, readStaticFile } from '../node/static-files'
import { MAX_SOCKETS, TRY_AGAIN_LATER } from './connection-limits'
import { MAX_FRAME_BYTES } from './frame-limit'
import { RequestGuard } from './request-guard'
import { bridgeSocket, closeSoon } from './ws-bridge'

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number
  dataDir: string
  serverURL: string
  envApiKey?: string
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** Fixed access token; a random one per launch otherwise. */
  token?: string
  logger?: Logger
}

export interface WebHost {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex')
  const envApiKey = options.envApiKey || undefined
  const secrets = (): string[] => (envApiKey ? [envApiKey] : [])
  const logger =
    options.logger ??
    teeLogger(createConsoleLogger(secrets), createFileLogger({ dir: join(options.dataDir, 'logs'), secrets }))
  const core = createCore({
    dataDir: options.dataDir,
    // No OS keychain here: a key typed into the UI lives in this process's memory only.
    cipher: null,
    settings: createNodeSettings(options.dataDir),
    clock: systemClock,
    serverURL: options.serverURL,
    envApiKey,
    logger,
  })

  const server = createServer()
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    // Select our protocol, never the one carrying the token: the response must not repeat it.
    handleProtocols: (offered) => (offered.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  })
  let guard: RequestGuard | null = null

  server.on('request', (req, res) => {
    // The guard needs the bound port; nothing can arrive before listen() resolves, but fail closed anyway.
    if (!guard) sendText(res, 503, 'Starting up.')
    else void serveHttp(req, res, guard, options.rendererDir)
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = parseUrl(req)
    const verdict = guard && url?.pathname === WS_PATH ? guard.checkUpgrade(req) : null
    if (!verdict?.ok) {
      socket.end(`HTTP/1.1 ${verdict?.status ?? 404} Refused\r\nCross-Origin-Resource-Policy: same-origin\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // wss.clients already holds this socket. Refused after the handshake, so a page can read why.
      if (wss.clients.size > MAX_SOCKETS) {
        logger.warn('Refused a socket: too many open', { open: wss.clients.size - 1 })
        closeSoon(ws, TRY_AGAIN_LATER, `Too many open windows of Mistral Desk (${MAX_SOCKETS}); close one and reload this page.`)
        return
      }
      bridgeSocket(ws, core, logger)
    })
  })

  let port: number
  try {
    port = await listen(server, options.port)
  } catch (err) {
    core.close()
    throw err
  }
  guard = new RequestGuard(port, token)
  // Never the URL: it carries the token.
  logger.info('Browser host listening', { port })

  let closing: Promise<void> | null = null
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((done) => wss.close(() => done()))
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      core.close()
    })()
    return closing
  }

  // In the fragment, which the browser never sends: see request-guard.ts.
  return { url: `http://127.0.0.1:${port}/#token=${token}`, port, token, close }
}

async function serveHttp(
  req: IncomingMessage,
  res: ServerResponse,
  guard: RequestGuard,
  rendererDir: string,
): Promise<void> {
  const url = parseUrl(req)
  if (!url) return sendText(res, 400, 'Bad request.')
  const verdict = guard.check(req)
  if (!verdict.ok) return sendText(res, verdict.status, verdict.reason)
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.')

  const file = await readStaticFile(rendererDir, url.pathname)
  if (!file) return sendText(res, 404, 'Not found.')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    // index.html names the hashed bundles, so it must be re-read after every build.
    'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
  })
  res.end(req.method === 'HEAD' ? undefined : file.body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}

function parseUrl(req: IncomingMessage): URL | null {
  try {
    // Only the path and query matter; the Host header is checked separately.
    return new URL(req.url ?? '/', 'http://127.0.0.1')
  } catch {
    return null
  }
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port, host: '127.0.0.1' }, () => {
      server.off('error', reject)
      const address = server.address()
      if (address && typeof address === 'object') resolve(address.port)
      else reject(new Error('The browser host has no TCP address.'))
    })
  })
}
