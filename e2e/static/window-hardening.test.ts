/**
 * Check 2: every BrowserWindow is created with the hardened webPreferences, and only the
 * Electron shell touches 'electron'. The source is scanned (no Electron needed); the
 * shell's policy functions are then unit-tested with 'electron' mocked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { REPO_ROOT } from './build-output'

vi.mock('electron', () => ({
  BrowserWindow: class {},
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
}))

const { hardenedWebPreferences, hardenWebContents } = await import('../../src/main/electron/window')
const { isAllowedExternalUrl, openUserLink } = await import('../../src/main/electron/external-links')
const { isTrustedRendererUrl } = await import('../../src/main/electron/app-protocol')
const { lockDownSession } = await import('../../src/main/electron/session-policy')
const { shell } = await import('electron')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** The text between the parentheses of each `new BrowserWindow(...)`, balanced. */
function browserWindowArguments(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/new\s+BrowserWindow\s*\(/g)) {
    let depth = 1
    let i = (match.index ?? 0) + match[0].length
    const start = i
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++
      else if (text[i] === ')') depth--
    }
    found.push(text.slice(start, i - 1))
  }
  return found
}

const mainSources = sources(join(REPO_ROOT, 'src/main'))

describe('BrowserWindow creation (source scan)', () => {
  it('passes hardenedWebPreferences() at every `new BrowserWindow(`', () => {
    const calls = mainSources.flatMap((file) =>
      browserWindowArguments(readFileSync(file, 'utf8')).map((args) => ({ file: relative(REPO_ROOT, file), args })),
    )
    expect(calls.length).toBeGreaterThan(0)
    for (const { file, args } of calls) {
      expect(args, file).toMatch(/webPreferences\s*:\s*hardenedWebPreferences\(/)
      // A spread after it could override the hardened values.
      expect(args.slice(args.indexOf('hardenedWebPreferences(')), file).not.toMatch(/\.\.\./)
    }
  })

  it("imports 'electron' only in src/main/electron, src/main/index.ts and the preload", () => {
    const allowed = (file: string) =>
      file.startsWith('src/main/electron/') || file === 'src/main/index.ts' || file.startsWith('src/preload/')
    const offenders = [...mainSources, ...sources(join(REPO_ROOT, 'src/shared'))]
      .map((file) => relative(REPO_ROOT, file).split('\\').join('/'))
      .filter((file) => !allowed(file))
      .filter((file) => /from\s+['"](electron|electron-store)['"]|require\(\s*['"]electron/.test(readFileSync(join(REPO_ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})

describe('hardenedWebPreferences', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = hardenedWebPreferences('/app/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's experimental web platform features widen the attack surface (checklist item 9).
      experimentalFeatures: false,
      preload: '/app/out/preload/index.cjs',
    })
    // Spelled out, not left to a default that could change.
    expect(Object.prototype.hasOwnProperty.call(prefs, 'experimentalFeatures')).toBe(true)
  })
})

describe('permission policy (lockDownSession)', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void
  type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean
  const installed: { request?: RequestHandler; check?: CheckHandler } = {}
  lockDownSession(
    {
      setPermissionRequestHandler: (fn: RequestHandler) => (installed.request = fn),
      setPermissionCheckHandler: (fn: CheckHandler) => (installed.check = fn),
    } as never,
    null,
  )
  const request = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | null = null
    installed.request?.(null, permission, (g) => (granted = g), { requestingUrl })
    if (granted === null) throw new Error('the request handler never answered')
    return granted
  }

  it('grants only sanitized clipboard writes, and only to our own page (the Copy buttons)', () => {
    expect(request('clipboard-sanitized-write', 'app://renderer/index.html')).toBe(true)
    expect(installed.check?.(null, 'clipboard-sanitized-write', 'app://renderer')).toBe(true)
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
    expect(installed.check?.(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false)
  })

  it('denies reading the clipboard and every other permission, even to our page', () => {
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      expect(request(permission, 'app://renderer/index.html'), permission).toBe(false)
      expect(installed.check?.(null, permission, 'app://renderer'), permission).toBe(false)
    }
  })
})

describe('navigation and link policy', () => {
  it('trusts only app://renderer and, in development, the dev server', () => {
    expect(isTrustedRendererUrl('app://renderer/index.html', null)).toBe(true)
    expect(isTrustedRendererUrl('app://other/index.html', null)).toBe(false)
    expect(isTrustedRendererUrl('https://evil.example/', null)).toBe(false)
    expect(isTrustedRendererUrl('file:///etc/passwd', null)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/', null)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('not a url', null)).toBe(false)
  })

  it('opens only allow-listed https links externally', () => {
    expect(isAllowedExternalUrl('https://docs.mistral.ai/api/')).toBe(true)
    expect(isAllowedExternalUrl('https://console.mistral.ai/api-keys')).toBe(true)
    expect(isAllowedExternalUrl('https://github.com/mistralai')).toBe(true)
    expect(isAllowedExternalUrl('http://docs.mistral.ai/')).toBe(false)
    expect(isAllowedExternalUrl('https://docs.mistral.ai.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@docs.mistral.ai/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
  })

  it('opens a link the user clicked in a message only when it is http(s)', async () => {
    vi.mocked(shell.openExternal).mockClear()
    expect(await openUserLink('https://en.wikipedia.org/wiki/Mistral')).toBe(true)
    expect(await openUserLink('http://example.com/')).toBe(true)
    expect(await openUserLink('smb://host/share')).toBe(false)
    expect(await openUserLink('file:///etc/passwd')).toBe(false)
    expect(await openUserLink('https://user:pw@example.com/')).toBe(false)
    expect(await openUserLink('not a url')).toBe(false)
    expect(vi.mocked(shell.openExternal).mock.calls.map((c) => c[0])).toEqual(['https://en.wikipedia.org/wiki/Mistral', 'http://example.com/'])
    vi.mocked(shell.openExternal).mockClear()
  })

  it('blocks navigation away, denies popups and hands allowed links to the browser', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>()
    const popups: { handler?: (details: { url: string }) => unknown } = {}
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => handlers.set(name, fn),
      setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => (popups.handler = fn),
    }
    hardenWebContents(contents as never, null)
    const prevented = (name: string, url: string): boolean => {
      let blocked = false
      handlers.get(name)?.({ preventDefault: () => (blocked = true) }, url)
      return blocked
    }
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', 'app://renderer/index.html')).toBe(false)
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true)
    expect(prevented('will-attach-webview', 'https://evil.example/')).toBe(true)
    expect(popups.handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(popups.handler?.({ url: 'https://docs.mistral.ai/' })).toEqual({ action: 'deny' })
    expect(vi.mocked(shell.openExternal).mock.calls.map((c) => c[0])).toEqual(['https://docs.mistral.ai/'])
  })
})
