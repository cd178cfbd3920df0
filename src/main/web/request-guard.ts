/**
 * Who may talk to the browser host. It listens on 127.0.0.1, but any web page the user
 * visits, and any local process, can still send requests there, so:
 * - Host must name our loopback port (a DNS-rebinding page sends its own host name);
 * - Origin, when present, must be ours (browsers always send it on WebSocket upgrades);
 * - the socket, which reaches the user's data and key, needs the per-launch token.
 *
 * The renderer's files are not secret and are served without the token. The token never
 * travels in a cookie: cookies are not scoped by port, so one would reach every server
 * on 127.0.0.1 the user opens. The page gets it from the URL fragment (never sent over
 * HTTP) and offers it on the upgrade as a Sec-WebSocket-Protocol value
 * (src/renderer/src/ws-bridge.ts). Any HTTP endpoint that returns data must call
 * checkToken too; today there is none.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_PROTOCOL_PREFIX } from '../../shared/ws-protocol'

export type Verdict = { ok: true } | { ok: false; status: 403 | 421; reason: string }

export class RequestGuard {
  private readonly hosts: ReadonlySet<string>
  private readonly origins: ReadonlySet<string>
  private readonly token: Buffer

  constructor(port: number, token: string) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`))
    this.token = Buffer.from(token)
  }

  /** For static files: only the Host and Origin checks. */
  check(req: IncomingMessage): Verdict {
    return this.checkOrigin(req, false)
  }

  /** For the WebSocket upgrade: Origin is required (a missing one means a non-browser or a forged request), and so is the token. */
  checkUpgrade(req: IncomingMessage): Verdict {
    const origin = this.checkOrigin(req, true)
    return origin.ok ? this.checkToken(req) : origin
  }

  checkToken(req: IncomingMessage): Verdict {
    const offered = protocolsOf(req).find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))
    if (offered === undefined || !this.matches(offered.slice(TOKEN_PROTOCOL_PREFIX.length))) {
      return {
        ok: false,
        status: 403,
        reason: 'Forbidden: open the URL printed by the browser host; it carries the access token.',
      }
    }
    return { ok: true }
  }

  private checkOrigin(req: IncomingMessage, requireOrigin: boolean): Verdict {
    if (!this.hosts.has(req.headers.host ?? '')) {
      return { ok: false, status: 421, reason: 'Unexpected Host header.' }
    }
    const origin = req.headers.origin
    if (origin !== undefined ? !this.origins.has(origin) : requireOrigin) {
      return { ok: false, status: 403, reason: 'Cross-origin requests are not allowed.' }
    }
    return { ok: true }
  }

  private matches(candidate: string): boolean {
    const given = Buffer.from(candidate)
    return given.length === this.token.length && timingSafeEqual(given, this.token)
  }
}

/** The subprotocols a client offered, in order (RFC 6455 §4.1: a comma-separated list, maybe over several headers). */
function protocolsOf(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol']
  if (!header) return []
  return header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
}
