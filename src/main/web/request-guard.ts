/**
 * Who may talk to the browser host. It listens on 127.0.0.1, but any web page the user
 * visits can still send requests there, so three checks apply to every request:
 * - Host must name our loopback port (a DNS-rebinding page sends its own host name);
 * - Origin, when present, must be ours (browsers always send it on WebSocket upgrades);
 * - the per-launch token, from the HttpOnly cookie or a `?token=` query.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_COOKIE } from '../../shared/ws-protocol'

export type Verdict = { ok: true; tokenFromQuery: boolean } | { ok: false; status: 403 | 421; reason: string }

export class RequestGuard {
  private readonly hosts: ReadonlySet<string>
  private readonly origins: ReadonlySet<string>
  private readonly token: Buffer

  constructor(port: number, token: string) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`))
    this.token = Buffer.from(token)
  }

  /** `requireOrigin` is set for WebSocket upgrades, where a missing Origin means a non-browser or a forged request. */
  check(req: IncomingMessage, url: URL, requireOrigin = false): Verdict {
    if (!this.hosts.has(req.headers.host ?? '')) {
      return { ok: false, status: 421, reason: 'Unexpected Host header.' }
    }
    const origin = req.headers.origin
    if (origin !== undefined ? !this.origins.has(origin) : requireOrigin) {
      return { ok: false, status: 403, reason: 'Cross-origin requests are not allowed.' }
    }
    // A token in the query is authoritative when present, so a stale cookie cannot mask a wrong link.
    const queryToken = url.searchParams.get('token')
    const presented = queryToken ?? readCookie(req.headers.cookie, TOKEN_COOKIE)
    if (presented === null || !this.matches(presented)) {
      return {
        ok: false,
        status: 403,
        reason: 'Forbidden: open the URL printed by the browser host; it carries the access token.',
      }
    }
    return { ok: true, tokenFromQuery: queryToken !== null }
  }

  private matches(candidate: string): boolean {
    const given = Buffer.from(candidate)
    return given.length === this.token.length && timingSafeEqual(given, this.token)
  }
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}
