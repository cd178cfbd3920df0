/**
 * Serves the built renderer from app://renderer/ instead of file://, so the page has a
 * real origin (IPC checks it), gets our CSP header, and cannot read arbitrary files.
 */
import { protocol } from 'electron'
import { SECURITY_HEADERS, readStaticFile } from '../node/static-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Must run before app 'ready': Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: origin and relative URLs like https; secure: counts as a secure context.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ])
}

/** After 'ready': answers app://renderer/<path> from the renderer build, nothing else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return textResponse(404, 'Not found.')
    }
    const file = await readStaticFile(rendererDir, url.pathname)
    if (!file) return textResponse(404, 'Not found.')
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    })
  })
}

/** True for pages we serve: app://renderer/..., or the electron-vite dev server in development. */
export function isTrustedRendererUrl(raw: string, devOrigin: string | null): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  // Non-special schemes have an opaque URL.origin ("null"), so compare the parts.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  return devOrigin !== null && url.origin === devOrigin
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
