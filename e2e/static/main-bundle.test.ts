/**
 * Check 3: the built Electron main bundle, run in plain Node with 'electron' swapped for
 * a recording stub (stubs/), gets through start-up to a window, with the hardened
 * preferences and the built preload. The stub then calls the registered IPC, protocol,
 * navigation and permission handlers the way Chromium would, and reports back.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../src/shared/contract'
import { MAIN_BUNDLE, PRELOAD_BUNDLE, REPO_ROOT, RENDERER_INDEX, STUB_REGISTER, markers, requireBuilt } from './build-output'

const ENV_KEY = 'stubEnvKey0123456789abcdefABCDEF99'

/** The better-sqlite3 addon built for this Node: the stand-in for the Electron build start.mjs makes. */
const NODE_SQLITE_BINDING = join(REPO_ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')

const userDataDirs: string[] = []
let output = ''
let exitCode: number | null = null

/** Runs the stubbed main bundle to its end in a fresh userData. */
function run(extraEnv: Record<string, string> = {}, bundle = MAIN_BUNDLE): Promise<{ output: string; exitCode: number | null }> {
  // A dev-server URL or binding path in the caller's environment would change what starts.
  const { ELECTRON_RENDERER_URL: _dev, MISTRAL_DESK_SQLITE_BINDING: _binding, ...env } = process.env
  const userData = mkdtempSync(join(tmpdir(), 'mdesk-static-main-'))
  userDataDirs.push(userData)
  let text = ''
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', STUB_REGISTER, bundle], {
      cwd: REPO_ROOT,
      env: {
        ...env,
        MISTRAL_DESK_USER_DATA: userData,
        MISTRAL_API_KEY: ENV_KEY,
        // Nothing listens there; start-up must not need the network.
        MISTRAL_SERVER_URL: 'http://127.0.0.1:9',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`main bundle did not finish:\n${text}`))
    }, 30_000)
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ output: text, exitCode: code })
    })
  })
}

beforeAll(async () => {
  requireBuilt(MAIN_BUNDLE)
  requireBuilt(PRELOAD_BUNDLE)
  ;({ output, exitCode } = await run())
}, 40_000)

afterAll(() => {
  for (const dir of userDataDirs) rmSync(dir, { recursive: true, force: true })
})

type Probes = Record<string, unknown> & {
  ipcChannels: string[]
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
}

describe('built main bundle under a stub electron', () => {
  it('reaches window creation with hardened preferences and the built preload', () => {
    const created = markers(output, 'STUB_WINDOW_CREATED')
    expect(created, output).toHaveLength(1)
    const prefs = created[0] as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    })
    expect(prefs.preload).toBe(PRELOAD_BUNDLE)
    expect(existsSync(String(prefs.preload))).toBe(true)
  })

  it('loads the renderer from app://, registered as a privileged scheme', () => {
    expect(markers(output, 'STUB_WINDOW_LOADED')).toEqual([{ url: 'app://renderer/index.html' }])
    const probes = markers(output, 'STUB_PROBES')[0] as Probes
    expect(probes.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
  })

  it('registers exactly the contract channels and dispatches calls from our page', () => {
    const probes = markers(output, 'STUB_PROBES')[0] as Probes
    expect(probes, output).toBeDefined()
    expect([...probes.ipcChannels].sort()).toEqual(channelNames.map((n) => `api:${n}`).sort())
    expect(probes.keysStatusFromApp).toMatchObject({ value: { ok: true, value: { set: true, source: 'env' } } })
    expect(probes.invalidInput).toMatchObject({ value: { ok: false, error: { code: 'invalid_input' } } })
  })

  it('rejects IPC from a foreign page, an iframe, or a vanished frame', () => {
    const probes = markers(output, 'STUB_PROBES')[0] as Probes
    for (const name of ['keysStatusFromForeignPage', 'keysStatusFromIframe', 'keysStatusWithoutFrame']) {
      expect(probes[name], name).toMatchObject({ rejected: true })
    }
  })

  it('serves app:// with the CSP, and nothing outside the renderer', () => {
    const probes = markers(output, 'STUB_PROBES')[0] as Probes
    if (existsSync(RENDERER_INDEX)) {
      expect(probes.appIndex).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8', nosniff: 'nosniff' })
    }
    expect((probes.appIndex as { csp: string }).csp).toContain("script-src 'self'")
    expect(probes.appTraversal).toMatchObject({ status: 404 })
    expect(probes.appOtherHost).toMatchObject({ status: 404 })
  })

  it('keeps navigation in the app, denies popups and permissions', () => {
    const probes = markers(output, 'STUB_PROBES')[0] as Probes
    expect(probes).toMatchObject({
      navigateAwayPrevented: true,
      navigateToDocsPrevented: true,
      navigateInAppPrevented: false,
      redirectAwayPrevented: true,
      windowOpenForeign: { action: 'deny' },
      windowOpenDocs: { action: 'deny' },
      windowOpenFileUrl: { action: 'deny' },
      openedExternally: ['https://docs.mistral.ai/', 'https://console.mistral.ai/api-keys'],
      permissionMedia: false,
      permissionCheckGeolocation: false,
    })
  })

  it('writes a redacted log file in userData/logs', () => {
    const userData = userDataDirs[0] as string
    const file = join(userData, 'logs', 'main.log')
    expect(existsSync(file), output).toBe(true)
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/info: Mistral Desk started/)
    expect(text).not.toContain(ENV_KEY)
  })

  it('quits cleanly, never printing the key', () => {
    expect(markers(output, 'STUB_PROBE_FAILED')).toEqual([])
    expect(markers(output, 'STUB_ERROR_BOX')).toEqual([])
    expect(markers(output, 'STUB_QUIT')).toHaveLength(1)
    expect(exitCode).toBe(0)
    expect(output).not.toContain(ENV_KEY)
  })
})

describe('development switches in the built (non-dev) bundle, as npm start runs it', () => {
  const electronVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
  /**
   * A scratch copy of the project, so the real .tmp/electron-native cache is never touched:
   * the main bundle finds the cache next to itself (../../.tmp), so it is copied; the rest is linked.
   */
  const project = (addon: Buffer | null): string => {
    const root = mkdtempSync(join(tmpdir(), 'mdesk-static-project-'))
    userDataDirs.push(root)
    cpSync(join(REPO_ROOT, 'out/main'), join(root, 'out/main'), { recursive: true })
    for (const dir of ['out/preload', 'out/renderer', 'node_modules']) symlinkSync(join(REPO_ROOT, dir), join(root, dir))
    if (addon) {
      const file = join(root, '.tmp/electron-native', `electron-${electronVersion}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, addon)
    }
    return root
  }
  let ignored: Awaited<ReturnType<typeof run>>
  let fromCache: Awaited<ReturnType<typeof run>>
  let brokenCache: Awaited<ReturnType<typeof run>>
  let brokenRoot: string

  beforeAll(async () => {
    brokenRoot = project(Buffer.from('not an addon'))
    ;[ignored, fromCache, brokenCache] = await Promise.all([
      run(
        {
          ELECTRON_RENDERER_URL: 'https://evil.example/',
          MISTRAL_DESK_SQLITE_BINDING: join(tmpdir(), 'mdesk-no-such-dir', 'better_sqlite3.node'),
        },
        join(project(null), 'out/main/index.js'),
      ),
      // The Node build stands in for the Electron one start.mjs makes: it loads under the stub.
      run({}, join(project(readFileSync(NODE_SQLITE_BINDING)), 'out/main/index.js')),
      run({}, join(brokenRoot, 'out/main/index.js')),
    ])
  }, 60_000)

  it('ignores ELECTRON_RENDERER_URL and MISTRAL_DESK_SQLITE_BINDING: loads app:// and boots', () => {
    expect(markers(ignored.output, 'STUB_ERROR_BOX'), ignored.output).toEqual([])
    expect(markers(ignored.output, 'STUB_WINDOW_LOADED')).toEqual([{ url: 'app://renderer/index.html' }])
    expect(ignored.exitCode).toBe(0)
  })

  it('has the dev-only code compiled out', () => {
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8')
    expect(bundle).not.toContain('process.env.ELECTRON_RENDERER_URL')
    expect(bundle).not.toContain('process.env.MISTRAL_DESK_SQLITE_BINDING')
  })

  it("loads SQLite from the project's own .tmp/electron-native cache", () => {
    expect(markers(fromCache.output, 'STUB_ERROR_BOX'), fromCache.output).toEqual([])
    const probes = markers(fromCache.output, 'STUB_PROBES')[0] as Probes
    expect(probes.keysStatusFromApp).toMatchObject({ value: { ok: true, value: { set: true, source: 'env' } } })
    expect(fromCache.exitCode).toBe(0)
  })

  // Shows the cache is really read: were it ignored, this run would boot like the one above.
  it('stops with a message naming the cached addon when it cannot be loaded', () => {
    expect(markers(brokenCache.output, 'STUB_WINDOW_CREATED')).toEqual([])
    const boxes = markers(brokenCache.output, 'STUB_ERROR_BOX') as { title: string; content: string }[]
    expect(boxes, brokenCache.output).toHaveLength(1)
    expect(boxes[0]?.content).toContain(`Could not load SQLite's native module from ${brokenRoot}/.tmp/electron-native/`)
    expect(brokenCache.exitCode).toBe(1)
  })
})
